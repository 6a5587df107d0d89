//! Comparing the LLVM-built and the Cranelift-built run of one test: the
//! verdict is "same" iff stdout and the exit status (code, signal or
//! time-out) are equal and neither timed out; otherwise a one-line reason and
//! a short diff showing the first differing stdout line.

use crate::process::Outcome;

/// How one binary ran.
#[derive(Debug, Clone)]
pub struct Run {
    pub outcome: Outcome,
    pub stdout: Vec<u8>,
}

/// Why two runs count as different.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    pub reason: String,
    pub details: Vec<String>,
}

/// Longest line shown in a diff.
const MAX_LINE: usize = 200;

/// `Ok` iff both runs finished in time with equal stdout and exit status.
pub fn compare(llvm: &Run, clif: &Run) -> Result<(), Mismatch> {
    let timed_out = |run: &Run| matches!(run.outcome, Outcome::TimedOut(_));
    let reason = match (timed_out(llvm), timed_out(clif)) {
        (true, true) => Some(format!("both binaries {}", llvm.outcome)),
        (true, false) => Some(format!("the llvm binary {}", llvm.outcome)),
        (false, true) => Some(format!("the clif binary {}", clif.outcome)),
        (false, false) => None,
    };
    if let Some(reason) = reason {
        return Err(Mismatch {
            reason,
            details: Vec::new(),
        });
    }
    let status_differs = llvm.outcome != clif.outcome;
    let stdout_differs = llvm.stdout != clif.stdout;
    let status = format!("llvm: {}, clif: {}", llvm.outcome, clif.outcome);
    let reason = match (status_differs, stdout_differs) {
        (false, false) => return Ok(()),
        (true, false) => format!("exit status differs ({status})"),
        (false, true) => format!("stdout differs ({status})"),
        (true, true) => format!("exit status and stdout differ ({status})"),
    };
    let details = if stdout_differs {
        first_difference(&llvm.stdout, &clif.stdout)
    } else {
        Vec::new()
    };
    Err(Mismatch { reason, details })
}

/// Lines describing where two outputs first differ.
pub fn first_difference(llvm: &[u8], clif: &[u8]) -> Vec<String> {
    let llvm = String::from_utf8_lossy(llvm);
    let clif = String::from_utf8_lossy(clif);
    let mut left = llvm.split('\n');
    let mut right = clif.split('\n');
    for line_no in 1.. {
        match (left.next(), right.next()) {
            (None, None) => break,
            (a, b) if a == b => continue,
            (a, b) => {
                let show = |line: Option<&str>| match line {
                    Some(line) => format!("{:?}", shorten(line)),
                    None => "<end of output>".to_owned(),
                };
                return vec![
                    format!("first difference at stdout line {line_no}:"),
                    format!("  llvm: {}", show(a)),
                    format!("  clif: {}", show(b)),
                ];
            }
        }
    }
    Vec::new()
}

fn shorten(line: &str) -> String {
    if line.chars().count() <= MAX_LINE {
        line.to_owned()
    } else {
        let head: String = line.chars().take(MAX_LINE).collect();
        format!("{head}...")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn run(outcome: Outcome, stdout: &str) -> Run {
        Run {
            outcome,
            stdout: stdout.as_bytes().to_vec(),
        }
    }

    #[test]
    fn equal_runs_pass_including_equal_failures() {
        assert_eq!(
            compare(
                &run(Outcome::Exited(0), "a\n"),
                &run(Outcome::Exited(0), "a\n")
            ),
            Ok(())
        );
        assert_eq!(
            compare(&run(Outcome::Exited(3), ""), &run(Outcome::Exited(3), "")),
            Ok(())
        );
        assert_eq!(
            compare(
                &run(Outcome::Signaled(6), "x"),
                &run(Outcome::Signaled(6), "x")
            ),
            Ok(())
        );
    }

    #[test]
    fn signal_is_not_an_exit_code() {
        let err = compare(
            &run(Outcome::Exited(11), ""),
            &run(Outcome::Signaled(11), ""),
        )
        .expect_err("differs");
        assert_eq!(
            err.reason,
            "exit status differs (llvm: exit code 11, clif: killed by signal 11 (SIGSEGV))"
        );
    }

    #[test]
    fn timeouts_always_fail() {
        let slow = Outcome::TimedOut(Duration::from_secs(10));
        let err = compare(&run(slow, ""), &run(slow, "")).expect_err("timeout");
        assert_eq!(err.reason, "both binaries timed out after 10 s");
        let err = compare(&run(Outcome::Exited(0), ""), &run(slow, "")).expect_err("timeout");
        assert_eq!(err.reason, "the clif binary timed out after 10 s");
    }

    #[test]
    fn stdout_diff_shows_first_differing_line() {
        let err = compare(
            &run(Outcome::Exited(0), "1\n2\n3\n"),
            &run(Outcome::Exited(0), "1\n2\n4\n"),
        )
        .expect_err("differs");
        assert_eq!(
            err.reason,
            "stdout differs (llvm: exit code 0, clif: exit code 0)"
        );
        assert_eq!(
            err.details,
            vec![
                "first difference at stdout line 3:".to_owned(),
                "  llvm: \"3\"".to_owned(),
                "  clif: \"4\"".to_owned(),
            ]
        );
    }

    #[test]
    fn shorter_output_and_missing_newline_are_shown() {
        assert_eq!(
            first_difference(b"a\nb\n", b"a\n"),
            vec![
                "first difference at stdout line 2:".to_owned(),
                "  llvm: \"b\"".to_owned(),
                "  clif: \"\"".to_owned(),
            ]
        );
        assert_eq!(
            first_difference(b"a\n", b"a"),
            vec![
                "first difference at stdout line 2:".to_owned(),
                "  llvm: \"\"".to_owned(),
                "  clif: <end of output>".to_owned(),
            ]
        );
        let long = "x".repeat(300);
        let details = first_difference(long.as_bytes(), b"y");
        assert!(details[1].ends_with("...\""), "{}", details[1]);
    }
}
