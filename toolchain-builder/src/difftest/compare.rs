//! Comparing the LLVM-built and the Cranelift-built run of one test: the
//! verdict is "same" iff stdout, stderr and the exit status (code, signal or
//! time-out) are equal and neither timed out; otherwise a one-line reason and
//! a short diff showing the first differing line.
//!
//! stderr is compared after [`normalize_stderr`], which blanks only what the
//! LLVM build itself prints differently from run to run (thread ids in
//! panic messages).

use crate::process::{Captured, Outcome};

/// How one binary ran.
#[derive(Debug, Clone)]
pub struct Run {
    pub outcome: Outcome,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl From<Captured> for Run {
    fn from(out: Captured) -> Self {
        Run {
            outcome: out.outcome,
            stdout: out.stdout,
            stderr: out.stderr,
        }
    }
}

/// A program of ours run against the LLVM reference's run of the same
/// program: the verdict of [`compare`], the reason saying which side is
/// the reference.
pub fn against_reference(reference: &Run, ours: &Run) -> super::case::Verdict {
    match compare(reference, ours) {
        Ok(()) => super::case::Verdict::Pass,
        Err(mismatch) => super::case::Verdict::Fail {
            reason: format!("differs from the LLVM reference: {}", mismatch.reason),
            details: mismatch.details,
        },
    }
}

/// Why two runs count as different.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    pub reason: String,
    pub details: Vec<String>,
}

/// Longest line shown in a diff.
const MAX_LINE: usize = 200;

/// `Ok` iff both runs finished in time with equal stdout, stderr and exit
/// status.
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
    let llvm_stderr = normalize_stderr(&llvm.stderr);
    let clif_stderr = normalize_stderr(&clif.stderr);
    let mut differs = Vec::new();
    if llvm.outcome != clif.outcome {
        differs.push("exit status");
    }
    if llvm.stdout != clif.stdout {
        differs.push("stdout");
    }
    if llvm_stderr != clif_stderr {
        differs.push("stderr");
    }
    if differs.is_empty() {
        return Ok(());
    }
    let status = format!("llvm: {}, clif: {}", llvm.outcome, clif.outcome);
    let verb = if differs.len() == 1 {
        "differs"
    } else {
        "differ"
    };
    let reason = format!("{} {verb} ({status})", join_and(&differs));
    let mut details = first_difference("stdout", &llvm.stdout, &clif.stdout);
    details.extend(first_difference(
        "stderr",
        llvm_stderr.as_bytes(),
        clif_stderr.as_bytes(),
    ));
    Err(Mismatch { reason, details })
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// stderr with the parts that vary between runs of the same binary replaced:
/// the thread id in `thread 'NAME' (ID) panicked at`, and the frames of a
/// `stack backtrace:` (the indented lines after it), which std prints even
/// without `RUST_BACKTRACE` for a panic during a panic: their addresses
/// change with every run, and which frames there are is up to each
/// backend's inlining.
pub fn normalize_stderr(stderr: &[u8]) -> String {
    let mut out = String::new();
    let mut in_backtrace = false;
    for line in String::from_utf8_lossy(stderr).split_inclusive('\n') {
        if in_backtrace && line.starts_with(' ') {
            continue;
        }
        in_backtrace = line == "stack backtrace:\n";
        out.push_str(&normalize_panic_line(line));
        if in_backtrace {
            out.push_str("  (frames)\n");
        }
    }
    out
}

fn normalize_panic_line(line: &str) -> String {
    let Some(rest) = line.strip_prefix("thread '") else {
        return line.to_owned();
    };
    let Some((name, after_name)) = rest.split_once("' (") else {
        return line.to_owned();
    };
    let Some((id, tail)) = after_name.split_once(") ") else {
        return line.to_owned();
    };
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
        return line.to_owned();
    }
    format!("thread '{name}' (ID) {tail}")
}

/// Lines describing where two outputs (`what`: stdout or stderr) first
/// differ; none when they are equal.
pub fn first_difference(what: &str, llvm: &[u8], clif: &[u8]) -> Vec<String> {
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
                    format!("first difference at {what} line {line_no}:"),
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
            stderr: Vec::new(),
        }
    }

    fn with_stderr(mut run: Run, stderr: &str) -> Run {
        run.stderr = stderr.as_bytes().to_vec();
        run
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
            first_difference("stdout", b"a\nb\n", b"a\n"),
            vec![
                "first difference at stdout line 2:".to_owned(),
                "  llvm: \"b\"".to_owned(),
                "  clif: \"\"".to_owned(),
            ]
        );
        assert_eq!(
            first_difference("stdout", b"a\n", b"a"),
            vec![
                "first difference at stdout line 2:".to_owned(),
                "  llvm: \"\"".to_owned(),
                "  clif: <end of output>".to_owned(),
            ]
        );
        let long = "x".repeat(300);
        let details = first_difference("stdout", long.as_bytes(), b"y");
        assert!(details[1].ends_with("...\""), "{}", details[1]);
    }

    #[test]
    fn stderr_must_match_too() {
        let llvm = with_stderr(run(Outcome::Signaled(6), "x\n"), "assertion failed\n");
        let clif = with_stderr(run(Outcome::Signaled(6), "x\n"), "clif backend: abort\n");
        let err = compare(&llvm, &clif).expect_err("stderr differs");
        assert_eq!(
            err.reason,
            "stderr differs (llvm: killed by signal 6 (SIGABRT), clif: killed by signal 6 (SIGABRT))"
        );
        assert_eq!(err.details[0], "first difference at stderr line 1:");
        let both = compare(
            &run(Outcome::Exited(1), "a"),
            &with_stderr(run(Outcome::Exited(2), "b"), "e"),
        )
        .expect_err("differs");
        assert!(
            both.reason
                .starts_with("exit status, stdout and stderr differ"),
            "{}",
            both.reason
        );
    }

    #[test]
    fn panic_thread_ids_are_normalized() {
        let llvm = with_stderr(
            run(Outcome::Exited(101), ""),
            "\nthread 'main' (4242) panicked at a.rs:1:1:\nboom\n",
        );
        let clif = with_stderr(
            run(Outcome::Exited(101), ""),
            "\nthread 'main' (77) panicked at a.rs:1:1:\nboom\n",
        );
        assert_eq!(compare(&llvm, &clif), Ok(()));
        assert_eq!(
            normalize_stderr(b"thread '<unnamed>' (12) panicked at x\nthread 'a' (b) c\n"),
            "thread '<unnamed>' (ID) panicked at x\nthread 'a' (b) c\n"
        );
        assert_eq!(
            normalize_stderr(
                b"boom\nstack backtrace:\n   0:   0x55 - main\n     at a.rs:1\n\nthread 'main' (3) x\n"
            ),
            "boom\nstack backtrace:\n  (frames)\n\nthread 'main' (ID) x\n"
        );
    }
}
