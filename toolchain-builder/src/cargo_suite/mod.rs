//! The `cargo` test suite in `tests/cargo/`: a small cargo workspace that
//! does what users do (crates.io dependencies, serde's derive proc macro, a
//! build script generating code, unit, integration, doc and
//! `#[should_panic]` tests, a binary). Cargo builds it twice: with the
//! toolchain's `bin/rustc` and `bin/rustdoc` (the clif side: the build
//! script and the proc macro are compiled by Cranelift too) and with the
//! base toolchain's rustc and rustdoc (the llvm side, the reference), both
//! panic=unwind. For a cross target, cargo builds with `--target`, the llvm
//! side's target crates with a std the sysroot stage built with LLVM, and
//! runs tests and the binary with the target's runner
//! (`CARGO_TARGET_<T>_RUNNER`). Two tests:
//!
//! - `cargo_test`: `cargo test --locked --no-fail-fast` succeeds on both
//!   sides, and both ran the same tests with the same results (libtest's
//!   `test NAME ... RESULT` lines, see [`output`]);
//! - `cargo_run`: `cargo run --locked -p report` prints the same stdout and
//!   stderr and ends with the same exit status on both sides ([`compare`]).
//!
//! Cargo uses the caller's `CARGO_HOME` (the locked crates are downloaded
//! from crates.io unless cached) but otherwise a controlled environment:
//! [`clean_command`] removes inherited compilers, wrappers, flags and target
//! dirs; [`CLEARED_ENV`] and every `CARGO_PROFILE_*` and `CARGO_TARGET_*`
//! variable are removed too; `RUSTC`, `RUSTDOC`, `CARGO_ENCODED_RUSTFLAGS`,
//! `CARGO_ENCODED_RUSTDOCFLAGS` (overriding any `build.rustflags` in a cargo
//! config) and the target's linker are set explicitly. Every cargo command
//! writes a log (`BUILD_DIR/tests/cargo/logs/<side>-cargo-<command>.log`:
//! the command line, its exit status, stderr and stdout).

pub mod output;
pub mod side;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use anyhow::bail;

use crate::base::BaseToolchain;
use crate::codegen::CodegenBackend;
use crate::difftest::case::{Case, Verdict};
use crate::difftest::compare::{compare, Run};
use crate::difftest::Report;
use crate::layout::Layout;
use crate::process::{clean_command, Shell};
use crate::stages::cargo::cargo_program;
use crate::stages::dist;
use crate::targets::TargetSpec;
pub use side::LLVM_RUSTFLAGS;
use side::{last_lines, CargoSide, Ran};

/// The test that runs `cargo test`.
const TEST: &str = "cargo_test";
/// The test that runs `cargo run`.
const RUN: &str = "cargo_run";
/// The workspace's binary package, run by [`RUN`].
const BINARY_PACKAGE: &str = "report";

/// One cargo command (fetching, building and testing) may take this long.
const CARGO_TIMEOUT: Duration = Duration::from_secs(30 * 60);

/// Variables that would change what cargo prints or how the tests run,
/// besides those [`clean_command`] removes. `RUSTC_BOOTSTRAP` would let the
/// clif side's crates use `#![feature]`; the llvm side sets it itself.
const CLEARED_ENV: &[&str] = &[
    "RUSTC_BOOTSTRAP",
    "CARGO_INCREMENTAL",
    "CARGO_TERM_QUIET",
    "CARGO_TERM_VERBOSE",
    "CARGO_BUILD_BUILD_DIR",
    "RUST_TEST_NOCAPTURE",
    "RUST_TEST_THREADS",
];

/// Prefixes of variables that are removed as well: profile settings (opt
/// level, panic strategy, ...) and per-target settings (runner, linker,
/// rustflags).
const CLEARED_PREFIXES: &[&str] = &["CARGO_PROFILE_", "CARGO_TARGET_"];

/// The suite's two tests, if `tests/cargo/Cargo.toml` exists (a case's
/// path is the workspace manifest).
pub fn discover(layout: &Layout) -> anyhow::Result<Vec<Case>> {
    let manifest = layout.cargo_tests_dir().join("Cargo.toml");
    if !manifest.is_file() {
        bail!(
            "{} does not exist: the cargo suite needs its workspace",
            manifest.display()
        );
    }
    Ok([TEST, RUN]
        .map(|name| Case {
            name: name.to_owned(),
            path: manifest.clone(),
        })
        .to_vec())
}

/// `cargo` in `dir` with the controlled environment described above:
/// [`clean_command`] and [`CLEARED_ENV`], no `CARGO_PROFILE_*` or
/// `CARGO_TARGET_*` variables, `RUSTC` = `rustc`, `CARGO_ENCODED_RUSTFLAGS`
/// = `rustflags`, the target's linker, no colours. Used by the `bench`
/// command too.
pub fn cargo_command(dir: &Path, target: &TargetSpec, rustc: &Path, rustflags: &[&str]) -> Command {
    let mut cmd = clean_command(cargo_program());
    for var in CLEARED_ENV {
        cmd.env_remove(var);
    }
    for (var, _) in std::env::vars_os() {
        let name = var.to_string_lossy();
        if CLEARED_PREFIXES.iter().any(|p| name.starts_with(p)) {
            cmd.env_remove(&var);
        }
    }
    let linker_var = target.cargo_env("LINKER");
    cmd.current_dir(dir)
        .env("RUSTC", rustc)
        .env("CARGO_ENCODED_RUSTFLAGS", rustflags.join("\x1f"))
        .env("CARGO_TERM_COLOR", "never")
        .env(linker_var, &target.linker);
    cmd
}

/// What to run the suite with.
pub struct Suite<'a> {
    pub layout: &'a Layout,
    /// The base toolchain (the llvm side).
    pub base: &'a BaseToolchain,
    /// The assembled toolchain (the clif side).
    pub toolchain: &'a dist::Outputs,
    /// The backend the toolchain uses (LLVM in developer mode).
    pub clif_backend: CodegenBackend,
    pub target: &'a TargetSpec,
    /// The llvm side's sysroot for a cross target (see the std suite).
    pub llvm_sysroot: Option<&'a Path>,
    pub shell: Shell,
}

impl Suite<'_> {
    fn sides(&self) -> [CargoSide; 2] {
        let [llvm, clif] = side::sides(
            self.base,
            self.toolchain,
            &self.clif_backend,
            &self.layout.cargo_out_dir(),
        );
        [llvm.with_sysroot(self.llvm_sysroot), clif]
    }

    /// `cargo <args> --locked --target-dir <side's>` in the workspace, with
    /// the side's compilers and flags.
    fn cargo(&self, side: &CargoSide, args: &[&str]) -> Command {
        side.cargo(&self.layout.cargo_tests_dir(), self.target, args)
    }

    /// Runs `cargo <command> <args>` for `side` under a progress step and
    /// logs it.
    fn run_cargo(&self, side: &CargoSide, command: &str, args: &[&str]) -> Result<Ran, String> {
        let log = self
            .layout
            .cargo_out_dir()
            .join("logs")
            .join(format!("{}-cargo-{command}.log", side.name));
        let cmd = self.cargo(side, &[&[command], args].concat());
        let label = format!("cargo {command} ({})", side.name);
        side::run_logged(self.shell, side.name, cmd, &label, &log, CARGO_TIMEOUT)
    }
}

/// Runs the selected `cases` (by name); prints one line per test and the
/// suite's counts.
pub fn run(suite: &Suite<'_>, cases: &[Case]) -> Report {
    let wants = |name| cases.iter().any(|c| c.name == name);
    println!(
        "running {} cargo tests in {} with {}, output in {}",
        cases.len(),
        suite.layout.cargo_tests_dir().display(),
        suite.toolchain.rustc.display(),
        suite.layout.cargo_out_dir().display()
    );
    let [llvm, clif] = suite.sides();
    let mut report = Report::default();
    if wants(TEST) {
        let verdict = match (llvm.rustdoc.as_ref(), clif.rustdoc.as_ref()) {
            (Some(_), Some(_)) => {
                let args = ["--no-fail-fast"];
                both(
                    suite.run_cargo(&llvm, "test", &args),
                    suite.run_cargo(&clif, "test", &args),
                    test_verdict,
                )
            }
            _ => Verdict::fail("the base toolchain has no rustdoc, which doctests need"),
        };
        report.record(TEST, verdict);
    }
    if wants(RUN) {
        let args = ["-p", BINARY_PACKAGE];
        let verdict = both(
            suite.run_cargo(&llvm, "run", &args),
            suite.run_cargo(&clif, "run", &args),
            run_verdict,
        );
        report.record(RUN, verdict);
    }
    report.print_summary("cargo: ");
    report
}

/// The verdict on two cargo commands, or why one could not run.
fn both(
    llvm: Result<Ran, String>,
    clif: Result<Ran, String>,
    verdict: fn(&Ran, &Ran) -> Verdict,
) -> Verdict {
    match (llvm, clif) {
        (Ok(llvm), Ok(clif)) => verdict(&llvm, &clif),
        (Err(err), _) | (_, Err(err)) => Verdict::fail(err),
    }
}

/// The runs for which `failed` holds, and a phrase naming them: `the clif
/// side (exit code 101)` or `both sides (llvm: ..., clif: ...)`.
fn failed_sides(runs: [&Ran; 2], failed: impl Fn(&Ran) -> bool) -> (String, Vec<&Ran>) {
    let failed: Vec<&Ran> = runs.into_iter().filter(|r| failed(r)).collect();
    let phrase = match failed.as_slice() {
        [one] => format!("the {} side ({})", one.side, one.captured.outcome),
        _ => format!(
            "both sides ({})",
            failed
                .iter()
                .map(|r| format!("{}: {}", r.side, r.captured.outcome))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    (phrase, failed)
}

/// `cargo test`: both succeeded and ran the same tests with the same
/// results.
fn test_verdict(llvm: &Ran, clif: &Ran) -> Verdict {
    if !llvm.captured.succeeded() || !clif.captured.succeeded() {
        let (phrase, failed) = failed_sides([llvm, clif], |r| !r.captured.succeeded());
        let mut details = Vec::new();
        for ran in failed {
            let stdout = String::from_utf8_lossy(&ran.captured.stdout);
            let results = output::test_results(&stdout);
            let failed_tests = output::failed_tests(&results);
            if !failed_tests.is_empty() {
                details.push(format!(
                    "{} failed tests: {}",
                    ran.side,
                    failed_tests.join(", ")
                ));
                details.push(format!("{} test output:", ran.side));
                details.extend(last_lines(&output::failure_output(&stdout)));
            }
            details.extend(ran.excerpt());
        }
        return Verdict::Fail {
            reason: format!("`cargo test` failed on {phrase}"),
            details,
        };
    }
    let results = |ran: &Ran| output::test_results(&String::from_utf8_lossy(&ran.captured.stdout));
    let (llvm_results, clif_results) = (results(llvm), results(clif));
    if llvm_results.is_empty() {
        return Verdict::Fail {
            reason: "`cargo test` ran no tests".to_owned(),
            details: vec![format!("llvm log: {}", llvm.log.display())],
        };
    }
    let mut details = output::difference(&llvm_results, &clif_results);
    if details.is_empty() {
        return Verdict::Pass;
    }
    details.extend([llvm, clif].map(|r| format!("{} log: {}", r.side, r.log.display())));
    Verdict::Fail {
        reason: "the two sides' `cargo test` ran different tests or got different results"
            .to_owned(),
        details,
    }
}

/// `cargo run`: both built and ran the binary, with equal stdout, stderr
/// (the program's, after cargo's own lines) and exit status.
fn run_verdict(llvm: &Ran, clif: &Ran) -> Verdict {
    let not_run = |r: &Ran| output::program_stderr(&r.captured.stderr_text()).is_none();
    if not_run(llvm) || not_run(clif) {
        let (phrase, failed) = failed_sides([llvm, clif], not_run);
        return Verdict::Fail {
            reason: format!("`cargo run` did not get to run the binary on {phrase}"),
            details: failed.into_iter().flat_map(Ran::excerpt).collect(),
        };
    }
    let as_run = |r: &Ran| Run {
        outcome: r.captured.outcome,
        stdout: r.captured.stdout.clone(),
        stderr: output::program_stderr(&r.captured.stderr_text())
            .unwrap_or_default()
            .as_bytes()
            .to_vec(),
    };
    match compare(&as_run(llvm), &as_run(clif)) {
        Ok(()) => Verdict::Pass,
        Err(mismatch) => {
            let mut details = mismatch.details;
            details.extend([llvm, clif].map(|r| format!("{} log: {}", r.side, r.log.display())));
            Verdict::Fail {
                reason: mismatch.reason,
                details,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::{describe, Captured, Outcome};
    use std::path::PathBuf;

    fn ran(side: &'static str, code: i32, stdout: &str, stderr: &str) -> Ran {
        Ran {
            side,
            captured: Captured {
                outcome: Outcome::Exited(code),
                stdout: stdout.as_bytes().to_vec(),
                stderr: stderr.as_bytes().to_vec(),
            },
            log: PathBuf::from(format!("/logs/{side}.log")),
        }
    }

    fn reason(verdict: Verdict) -> String {
        match verdict {
            Verdict::Pass => "pass".to_owned(),
            Verdict::Skip(reason) | Verdict::Fail { reason, .. } => reason,
        }
    }

    const TESTS_OK: &str = "test a ... ok\ntest b - should panic ... ok\n";

    #[test]
    fn cargo_test_needs_success_and_equal_results() {
        let llvm = ran("llvm", 0, TESTS_OK, "");
        assert!(matches!(
            test_verdict(&llvm, &ran("clif", 0, TESTS_OK, "")),
            Verdict::Pass
        ));
        let failing = ran(
            "clif",
            101,
            "test a ... ok\ntest b - should panic ... FAILED\n\nfailures:\n\n---- b - should panic \
             stdout ----\nnote: test did not panic as expected\n\nfailures:\n    b - should panic\n",
            "   Compiling units\nerror: test failed, to rerun pass `-p units --lib`\n",
        );
        match test_verdict(&llvm, &failing) {
            Verdict::Fail { reason, details } => {
                assert_eq!(
                    reason,
                    "`cargo test` failed on the clif side (exit code 101)"
                );
                assert_eq!(
                    details,
                    [
                        "clif failed tests: b - should panic",
                        "clif test output:",
                        "  ---- b - should panic stdout ----",
                        "  note: test did not panic as expected",
                        "clif cargo stderr:",
                        "  error: test failed, to rerun pass `-p units --lib`",
                        "clif log: /logs/clif.log",
                    ]
                );
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            reason(test_verdict(&ran("llvm", 101, "", ""), &failing)),
            "`cargo test` failed on both sides (llvm: exit code 101, clif: exit code 101)"
        );
        assert_eq!(
            reason(test_verdict(
                &ran("llvm", 0, "", ""),
                &ran("clif", 0, "", "")
            )),
            "`cargo test` ran no tests"
        );
        assert_eq!(
            reason(test_verdict(&llvm, &ran("clif", 0, "test a ... ok\n", ""))),
            "the two sides' `cargo test` ran different tests or got different results"
        );
    }

    #[test]
    fn cargo_run_compares_only_binaries_that_ran() {
        let running = "    Finished `dev` profile\n     Running `/t/debug/report`\n";
        let llvm = ran("llvm", 0, "hello\n", running);
        assert!(matches!(
            run_verdict(&llvm, &ran("clif", 0, "hello\n", running)),
            Verdict::Pass
        ));
        assert_eq!(
            reason(run_verdict(&llvm, &ran("clif", 134, "hel", running))),
            "exit status and stdout differ (llvm: exit code 0, clif: exit code 134)"
        );
        let build_failed = ran("clif", 101, "", "error: could not compile `report`\n");
        assert_eq!(
            reason(run_verdict(&llvm, &build_failed)),
            "`cargo run` did not get to run the binary on the clif side (exit code 101)"
        );
    }

    #[test]
    fn excerpt_keeps_the_last_relevant_lines() {
        let stderr: String = (0..30).map(|i| format!("error: e{i}\n")).collect();
        let excerpt = ran("clif", 101, "", &stderr).excerpt();
        assert_eq!(excerpt[0], "clif cargo stderr:");
        assert_eq!(excerpt[1], "  ... (10 lines before)");
        assert_eq!(excerpt[2], "  error: e10");
        assert_eq!(
            excerpt.last().map(String::as_str),
            Some("clif log: /logs/clif.log")
        );
    }

    #[test]
    fn cargo_commands_get_the_sides_compilers_and_a_clean_environment() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let layout = Layout {
            repo: tmp.path().join("repo"),
            build: tmp.path().join("build"),
        };
        let base = BaseToolchain {
            root: PathBuf::from("/base"),
            rustc: PathBuf::from("/base/bin/rustc"),
            rustdoc: Some(PathBuf::from("/base/bin/rustdoc")),
            version_info: String::new(),
            origin: crate::base::Origin::Dir,
        };
        let toolchain = dist::Outputs {
            dir: PathBuf::from("/dist"),
            rustc: PathBuf::from("/dist/bin/rustc"),
            rustdoc: Some(PathBuf::from("/dist/bin/rustdoc")),
        };
        let target = TargetSpec::host_for_tests();
        let suite = Suite {
            layout: &layout,
            base: &base,
            toolchain: &toolchain,
            clif_backend: CodegenBackend::Dylib(PathBuf::from("/b/clif.so")),
            target: &target,
            llvm_sysroot: None,
            shell: Shell { verbose: false },
        };
        let [llvm, clif] = suite.sides();
        let llvm_line = describe(&suite.cargo(&llvm, &["test"]));
        let clif_line = describe(&suite.cargo(&clif, &["run", "-p", "report"]));
        let out = layout.cargo_out_dir();
        assert!(
            llvm_line.ends_with(&format!(
                "cargo test --locked --target-dir {}",
                out.join("llvm").display()
            )),
            "{llvm_line}"
        );
        for expected in [
            "RUSTC=/base/bin/rustc",
            "RUSTDOC=/base/bin/rustdoc",
            "CARGO_ENCODED_RUSTFLAGS=-Zallow-features=",
            "RUSTC_BOOTSTRAP=1",
            "CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER=cc",
        ] {
            assert!(llvm_line.contains(expected), "{expected} in {llvm_line}");
        }
        for expected in [
            "RUSTC=/dist/bin/rustc",
            "RUSTDOC=/dist/bin/rustdoc",
            "CARGO_ENCODED_RUSTFLAGS='' ",
            "CLIF_VERIFIER=1",
            "run -p report --locked --target-dir",
        ] {
            assert!(clif_line.contains(expected), "{expected} in {clif_line}");
        }
        assert!(!clif_line.contains("RUSTC_BOOTSTRAP"), "{clif_line}");
        let cmd = suite.cargo(&clif, &["test"]);
        let removed: Vec<_> = cmd
            .get_envs()
            .filter(|(_, value)| value.is_none())
            .map(|(key, _)| key.to_string_lossy().into_owned())
            .collect();
        for var in [
            "RUSTFLAGS",
            "CARGO_TARGET_DIR",
            "RUSTC_WRAPPER",
            "RUSTC_BOOTSTRAP",
        ] {
            assert!(removed.iter().any(|r| r == var), "{var} not removed");
        }
        assert_eq!(
            cmd.get_current_dir(),
            Some(layout.cargo_tests_dir().as_path())
        );
    }

    #[test]
    fn discovery_needs_the_workspace() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let layout = Layout {
            repo: tmp.path().to_owned(),
            build: tmp.path().join("build"),
        };
        let err = discover(&layout).expect_err("no workspace");
        assert!(
            err.to_string().contains("Cargo.toml does not exist"),
            "{err}"
        );
        std::fs::create_dir_all(layout.cargo_tests_dir()).expect("mkdir");
        std::fs::write(layout.cargo_tests_dir().join("Cargo.toml"), "").expect("write");
        let names: Vec<String> = discover(&layout)
            .expect("discover")
            .into_iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(names, [TEST, RUN]);
    }
}
