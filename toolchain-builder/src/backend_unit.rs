//! The `backend-unit` suite: the backend's own unit tests (`#[test]`
//! functions in `backend/src/`), built by `cargo test --release` with the
//! base toolchain in the backend's target dir (so the dependencies the
//! `backend` stage built are reused) and run with the base's `lib/` on
//! `LD_LIBRARY_PATH`, since the test binary links `librustc_driver`. Each
//! libtest result is one test of the report, named `backend::PATH`.
//!
//! Not a differential suite: these tests check pure functions of the backend
//! against expectations written in the tests.

use std::path::Path;
use std::time::Duration;

use crate::base::BaseToolchain;
use crate::cargo_suite::output::{failure_output, test_results};
use crate::difftest::case::Verdict;
use crate::difftest::Report;
use crate::process::{library_path, Shell};
use crate::progress::Step;
use crate::stages::{backend, cargo};

/// The test binary is killed after this long.
const RUN_TIMEOUT: Duration = Duration::from_secs(10 * 60);

/// What to run the suite with.
pub struct Suite<'a> {
    pub base: &'a BaseToolchain,
    /// `backend/`.
    pub backend_dir: &'a Path,
    /// `build/backend-target/`, shared with the `backend` stage.
    pub target_dir: &'a Path,
    /// Passed to the test binary as libtest's name filter.
    pub filter: Option<&'a str>,
    pub shell: Shell,
}

/// Builds and runs the unit tests; a build failure is one failed test,
/// `backend-unit`.
pub fn run(suite: &Suite<'_>) -> Report {
    let mut report = Report::default();
    let command = |args: &[&str]| {
        let mut cmd = backend::cargo_command(
            cargo::cargo_program(),
            args,
            suite.base,
            suite.backend_dir,
            suite.target_dir,
        );
        cmd.env(
            "LD_LIBRARY_PATH",
            library_path(&suite.base.root.join("lib")),
        );
        cmd
    };

    let log = suite.target_dir.join("cargo-test.log");
    let summarize = |status, _: &[String]| {
        cargo::Summary::line(format!("the unit tests did not build ({status})"))
    };
    let failure = cargo::Failure {
        stage: "backend-unit",
        log: &log,
        summarize: &summarize,
    };
    let built = cargo::run(
        &mut command(&["test", "--lib", "--no-run"]),
        "building the backend's unit tests",
        &failure,
        suite.shell,
    );
    if let Err(err) = built {
        report.record(
            "backend-unit",
            Verdict::Fail {
                reason: err.summary,
                details: err.output.lines().map(str::to_owned).collect(),
            },
        );
        report.print_summary("backend-unit: ");
        return report;
    }

    let mut cmd = command(&["test", "--lib"]);
    cmd.args(["--", "--test-threads=2"]).args(suite.filter);
    let step = Step::spinner("running the backend's unit tests");
    let captured = match suite.shell.capture(&mut cmd, RUN_TIMEOUT) {
        Ok(captured) => captured,
        Err(err) => {
            report.record(
                "backend-unit",
                Verdict::fail(format!("cannot run cargo: {err}")),
            );
            report.print_summary("backend-unit: ");
            return report;
        }
    };
    step.finish(&captured.outcome.to_string());
    let stdout = String::from_utf8_lossy(&captured.stdout);
    let results = test_results(&stdout);
    let failures = failure_output(&stdout);
    for result in &results {
        let verdict = match result.result.as_str() {
            "ok" => Verdict::Pass,
            "ignored" => continue,
            other => Verdict::Fail {
                reason: format!("libtest reports {other}"),
                details: failures
                    .iter()
                    .skip_while(|line| !line.starts_with(&format!("---- {} ", result.name)))
                    .skip(1)
                    .take_while(|line| !line.starts_with("---- "))
                    .map(|line| (*line).to_owned())
                    .collect(),
            },
        };
        report.record(&format!("backend::{}", result.name), verdict);
    }
    // A crash or time-out of the binary leaves no FAILED line behind.
    let any_failed = results
        .iter()
        .any(|r| r.result != "ok" && r.result != "ignored");
    if !captured.succeeded() && !any_failed {
        let stderr: Vec<String> = captured.stderr_text().lines().map(str::to_owned).collect();
        report.record(
            "backend-unit",
            Verdict::Fail {
                reason: format!("cargo test: {}", captured.outcome),
                details: cargo::relevant_output(&stderr)
                    .lines()
                    .map(str::to_owned)
                    .collect(),
            },
        );
    }
    report.print_summary("backend-unit: ");
    report
}
