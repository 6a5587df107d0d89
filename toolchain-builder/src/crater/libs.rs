//! A library row: its own `cargo test --no-fail-fast` in the unpacked
//! sources, once per side (target dirs shared by all libraries of a side,
//! so common dependencies are built once), compared test by test
//! (libtest's `test NAME ... RESULT` lines), each difference classified.

use std::time::Instant;

use crate::cargo_suite::output::{self, TestResult};
use crate::cargo_suite::side::Ran;
use crate::process::Outcome as ProcessOutcome;

use super::classify::{self, Reason};
use super::corpus::{Lib, Row};
use super::report::{Outcome, RowResult};
use super::Suite;

/// Runs the row of `lib`.
pub fn run(suite: &Suite<'_>, lib: &Lib) -> RowResult {
    let started = Instant::now();
    let row = Row::Lib(lib.clone());
    let mut result = suite.empty_result(&row);
    let source = match suite.fetcher().prepare(lib) {
        Ok(source) => source,
        Err(err) => {
            result.llvm = "not fetched".to_owned();
            result.clif = "not run".to_owned();
            result.outcome = Outcome::NoReference;
            result.reasons = vec![format!(
                "the sources could not be prepared: {}",
                first_line(&err)
            )];
            result.details = format!("{err:#}").lines().map(str::to_owned).collect();
            return result;
        }
    };
    if let Some(lock) = &source.new_lock {
        println!("note: generated {} (commit it)", lock.display());
    }
    let mut args = vec!["test".to_owned(), "--no-fail-fast".to_owned()];
    if !lib.features.is_empty() {
        args.extend(["--features".to_owned(), lib.features.join(",")]);
    }
    if lib.no_default_features {
        args.push("--no-default-features".to_owned());
    }
    args.extend(lib.test_args.iter().cloned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let [llvm, clif] = suite
        .sides
        .each_ref()
        .map(|cargo_side| suite.run_cargo(&row, cargo_side, &source.dir, &args));
    compare(&mut result, &llvm, &clif);
    result.seconds = started.elapsed().as_secs();
    result
}

/// What one side's `cargo test` gave.
struct SideRun<'a> {
    ran: Option<&'a Ran>,
    results: Vec<TestResult>,
    /// A target did not compile, cargo could not run, or it timed out.
    build_failed: bool,
    summary: String,
}

fn side_run(ran: &Result<Ran, String>) -> SideRun<'_> {
    let ran = match ran {
        Ok(ran) => ran,
        Err(err) => {
            return SideRun {
                ran: None,
                results: Vec::new(),
                build_failed: true,
                summary: format!("not run ({err})"),
            }
        }
    };
    let results = output::test_results(&String::from_utf8_lossy(&ran.captured.stdout));
    let stderr = ran.captured.stderr_text();
    let timed_out = matches!(ran.captured.outcome, ProcessOutcome::TimedOut(_));
    let build_failed = timed_out
        || stderr.contains("error: could not compile")
        || (results.is_empty() && !ran.captured.succeeded());
    let count = |what: &str| results.iter().filter(|r| r.result == what).count();
    let mut summary = format!(
        "{} passed, {} failed, {} ignored",
        count("ok"),
        count("FAILED"),
        count("ignored")
    );
    if timed_out {
        summary.push_str(&format!(", {}", ran.captured.outcome));
    } else if build_failed {
        summary.push_str(", build failed");
    }
    SideRun {
        ran: Some(ran),
        results,
        build_failed,
        summary,
    }
}

/// Fills `result` from the two sides' runs.
fn compare(result: &mut RowResult, llvm: &Result<Ran, String>, clif: &Result<Ran, String>) {
    let (llvm, clif) = (side_run(llvm), side_run(clif));
    result.llvm = llvm.summary.clone();
    result.clif = clif.summary.clone();
    result.details = output::difference(&llvm.results, &clif.results);
    result.details.extend(
        [&llvm, &clif]
            .iter()
            .filter_map(|s| s.ran)
            .map(|r| format!("{} log: {}", r.side, r.log.display())),
    );
    if llvm.build_failed {
        result.outcome = Outcome::NoReference;
        let stderr = llvm
            .ran
            .map(|r| r.captured.stderr_text())
            .unwrap_or_default();
        result.reasons = vec![format!(
            "the LLVM reference build failed ({})",
            classify::at_build_time(&stderr)
                .to_string()
                .trim_start_matches("bug: ")
        )];
        return;
    }
    let reasons = reasons(&llvm, &clif);
    result.outcome = if reasons.is_empty() {
        Outcome::Same
    } else {
        Outcome::Differs
    };
    result.reasons = reasons.iter().map(Reason::to_string).collect();
}

/// The classified reasons why `clif` differs from `llvm` (none if it does
/// not), without repetitions.
fn reasons(llvm: &SideRun<'_>, clif: &SideRun<'_>) -> Vec<Reason> {
    let mut reasons = Vec::new();
    let clif_stdout = clif
        .ran
        .map(|r| String::from_utf8_lossy(&r.captured.stdout).into_owned())
        .unwrap_or_default();
    let clif_stderr = clif
        .ran
        .map(|r| r.captured.stderr_text())
        .unwrap_or_default();
    if clif.build_failed {
        reasons.push(match clif.ran.map(|r| r.captured.outcome) {
            Some(outcome @ ProcessOutcome::TimedOut(_)) => {
                Reason::Bug(format!("`cargo test` {outcome}"))
            }
            _ => classify::at_build_time(&clif_stderr),
        });
    }
    let sections = output::failure_sections(&clif_stdout);
    for test in &llvm.results {
        let on_clif = clif.results.iter().find(|r| r.name == test.name);
        match on_clif {
            Some(other) if other.result == test.result => {}
            Some(other) if other.result == "FAILED" => {
                let text = sections.get(&test.name).map_or("", String::as_str);
                reasons.push(classify::at_run_time(text));
            }
            Some(other) => reasons.push(Reason::Bug(format!(
                "results differ (`{}` is {} with llvm, {} with clif)",
                test.name, test.result, other.result
            ))),
            None if clif.build_failed => {}
            None => reasons.push(classify::at_run_time(&clif_stderr)),
        }
    }
    for test in &clif.results {
        if !llvm.results.iter().any(|r| r.name == test.name) {
            reasons.push(Reason::Bug(format!(
                "results differ (`{}` runs only with clif)",
                test.name
            )));
        }
    }
    reasons.sort();
    reasons.dedup();
    reasons
}

/// The first line of an error chain's message.
fn first_line(err: &anyhow::Error) -> String {
    format!("{err:#}")
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::Captured;
    use std::path::PathBuf;

    fn ran(side: &'static str, code: i32, stdout: &str, stderr: &str) -> Result<Ran, String> {
        Ok(Ran {
            side,
            captured: Captured {
                outcome: ProcessOutcome::Exited(code),
                stdout: stdout.as_bytes().to_vec(),
                stderr: stderr.as_bytes().to_vec(),
            },
            log: PathBuf::from(format!("/logs/{side}.log")),
        })
    }

    fn compared(llvm: Result<Ran, String>, clif: Result<Ran, String>) -> RowResult {
        let mut result = RowResult {
            id: "x@1".into(),
            name: "x".into(),
            version: "1".into(),
            kind: "lib".into(),
            llvm: String::new(),
            clif: String::new(),
            outcome: Outcome::Same,
            reasons: Vec::new(),
            details: Vec::new(),
            toolchain: String::new(),
            seconds: 0,
        };
        compare(&mut result, &llvm, &clif);
        result
    }

    const OK: &str = "test a ... ok\ntest b ... ok\ntest c ... ignored\n";

    #[test]
    fn equal_results_are_the_same() {
        let result = compared(ran("llvm", 0, OK, ""), ran("clif", 0, OK, ""));
        assert_eq!(result.outcome, Outcome::Same);
        assert_eq!(result.llvm, "2 passed, 0 failed, 1 ignored");
        assert!(result.reasons.is_empty());
    }

    #[test]
    fn failing_tests_are_classified_each() {
        let clif = "test a ... FAILED\ntest b ... FAILED\ntest c ... ignored\n\nfailures:\n\n\
                    ---- a stderr ----\nclif backend: the LLVM intrinsic `llvm.x86.sse2.pause` is \
                    not supported yet (aborting)\n---- b stdout ----\nthread 'b' panicked at \
                    src/lib.rs:1:1:\nwrong\n\nfailures:\n    a\n    b\n";
        let result = compared(ran("llvm", 0, OK, ""), ran("clif", 101, clif, ""));
        assert_eq!(result.outcome, Outcome::Differs);
        assert_eq!(
            result.reasons,
            [
                "vendor intrinsic `llvm.x86.sse2.pause`",
                "bug: fails only with clif (panic: wrong)"
            ]
        );
        assert_eq!(result.clif, "0 passed, 2 failed, 1 ignored");
        assert_eq!(result.details[0], "only on the llvm side (2):");
    }

    #[test]
    fn build_failures_are_no_reference_or_a_build_reason() {
        let broken = "error[E0433]: failed to resolve\nerror: could not compile `x` (test \"t\")\n";
        let result = compared(ran("llvm", 101, "", broken), ran("clif", 0, OK, ""));
        assert_eq!(result.outcome, Outcome::NoReference);
        assert_eq!(
            result.reasons,
            ["the LLVM reference build failed (build fails: error[E0433]: failed to resolve)"]
        );
        let panic =
            "thread 'rustc' panicked at /c/cranelift-codegen-0.136.5/src/machinst/lower.rs:1:1:\n\
                     boom\nerror: could not compile `x`\n";
        let result = compared(
            ran("llvm", 0, OK, ""),
            ran("clif", 101, "test c ... ignored\n", panic),
        );
        assert_eq!(result.outcome, Outcome::Differs);
        assert_eq!(
            result.reasons,
            ["bug: Cranelift panic in machinst/lower.rs: boom"]
        );
        assert_eq!(result.clif, "0 passed, 0 failed, 1 ignored, build failed");
        let result = compared(ran("llvm", 0, OK, ""), Err("cannot run cargo: gone".into()));
        assert_eq!(result.clif, "not run (cannot run cargo: gone)");
        assert_eq!(result.outcome, Outcome::Differs);
    }
}
