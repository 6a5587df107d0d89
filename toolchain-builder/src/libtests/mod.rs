//! The opt-in `libtests` suite: rust-src's `coretests` and `alloctests`
//! (the standard library's own unit tests) and stdarch's `core_arch` unit
//! tests (the vendor intrinsics, each test skipped when the CPU lacks its
//! target features) built and run twice, with the
//! base rustc and LLVM (the reference) and with the toolchain's `bin/rustc`
//! (Cranelift), both panic=unwind as stock Rust, in cargo's dev profile
//! without debuginfo and with `RUSTC_BOOTSTRAP=1`. Each test binary runs with `--test-threads=2`; the
//! libtest summaries of both sides are printed side by side.
//!
//! The suite passes when every failure of the Cranelift side (a failed test
//! `binary::path::to::test`, or a whole `binary` that did not build or did
//! not finish) is listed in `tests/libtests/known-failures.txt`, and the list
//! holds nothing else: a listed test that passes, or that does not fail with
//! LLVM too, fails the run until the list is updated. Modules and functions named in
//! `tests/libtests/excluded.txt` are left out of both builds (`mod m;`
//! becomes `mod m {}`, `fn f(` gets `#[cfg(any())]`), so that one construct
//! the backend cannot compile does not cost a whole binary; tests matching
//! `tests/libtests/skipped-tests.txt` are skipped on both sides (libtest's
//! `--skip`; e.g. tests that take hours without optimizations).
//!
//! For a cross target, the llvm side builds with a std the sysroot stage
//! built with LLVM for it (`--sysroot`), and the binaries run with the
//! target's runner (qemu-user).
//!
//! The sources are a mirror of rust-src's `library/` under
//! `build/libtests/src/` (symbolic links, edited copies for exclusions), the
//! workspace is generated from `tests/libtests/Cargo.toml.in`; nothing is
//! written into the base toolchain.

pub mod lists;
mod mirror;
mod output;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context as _;

use crate::base::BaseToolchain;
use crate::difftest::case::Verdict;
use crate::difftest::Report;
use crate::process::{clean_command, Outcome, Shell};
use crate::progress::Step;
use crate::stages::cargo::{cargo_program, is_json_message};
use crate::targets::TargetSpec;
use lists::{Excluded, KnownFailures, Skipped};
use output::Summary;

/// The test binaries: report name, cargo target name, whether it is the
/// library's unit-test target.
const BINARIES: &[(&str, &str, bool)] = &[
    ("coretests", "coretests", false),
    ("alloctests", "alloctests", false),
    ("alloctests_lib", "alloctests", true),
    ("vec_deque_alloc_error", "vec_deque_alloc_error", false),
    ("core_arch", "core_arch", false),
];

/// A test binary is killed after this long.
const RUN_TIMEOUT: Duration = Duration::from_secs(20 * 60);

/// Show at most this many unexpected failures per binary.
const MAX_SHOWN: usize = 40;

/// The placeholder for the source mirror in `Cargo.toml.in`.
const SRC_PLACEHOLDER: &str = "@SRC@";

/// The list of accepted Cranelift failures, relative to the repository.
const KNOWN_FAILURES: &str = "tests/libtests/known-failures.txt";

/// What to run the suite with.
pub struct Suite<'a> {
    pub repo: &'a Path,
    /// `build/libtests/`.
    pub out_dir: PathBuf,
    pub base: &'a BaseToolchain,
    /// The toolchain's `bin/rustc` (the clif side).
    pub toolchain_rustc: &'a Path,
    pub target: &'a TargetSpec,
    /// The llvm side's sysroot for a cross target (a std the sysroot stage
    /// built with LLVM for it; see the std suite).
    pub llvm_sysroot: Option<&'a Path>,
    /// Passed to every test binary as libtest's name filter.
    pub filter: Option<&'a str>,
    pub shell: Shell,
}

/// The checked-in lists.
struct Lists {
    known: KnownFailures,
    excluded: Excluded,
    skipped: Skipped,
}

/// One side: its compiler.
struct Side<'a> {
    name: &'static str,
    rustc: &'a Path,
    /// The toolchain's `bin/rustc` (which finds its own std), not the base.
    uses_toolchain: bool,
}

/// What a side's cargo build produced.
struct Build {
    /// Test executables by binary name.
    executables: BTreeMap<String, PathBuf>,
    /// The first errors of binaries that did not build, by binary name.
    errors: BTreeMap<String, Vec<String>>,
    seconds: f64,
}

/// How one test binary ran on one side.
enum BinaryRun {
    NotBuilt(Vec<String>),
    /// It ran; `summary` is `None` when it printed no `test result:` line.
    Ran {
        outcome: Outcome,
        summary: Option<Summary>,
        failed: Vec<String>,
        passed: BTreeSet<String>,
        stderr_tail: Vec<String>,
        seconds: f64,
    },
}

impl BinaryRun {
    /// `passed/failed/ignored (time)`, or why there are no figures.
    fn figures(&self) -> String {
        match self {
            BinaryRun::NotBuilt(_) => "not built".to_owned(),
            BinaryRun::Ran {
                summary: Some(s),
                seconds,
                ..
            } => format!(
                "{:>5} {:>5} {:>5} {:>7.1} s",
                s.passed, s.failed, s.ignored, seconds
            ),
            BinaryRun::Ran { outcome, .. } => format!("no summary ({})", describe(outcome)),
        }
    }

    /// Failure names (`binary::test` or `binary`) and a one-line reason each.
    fn failures(&self, binary: &str) -> Vec<(String, String)> {
        match self {
            BinaryRun::NotBuilt(errors) => vec![(
                binary.to_owned(),
                format!(
                    "did not build: {}",
                    errors.first().map_or("see the build log", String::as_str)
                ),
            )],
            BinaryRun::Ran {
                summary: None,
                outcome,
                stderr_tail,
                ..
            } => vec![(
                binary.to_owned(),
                format!(
                    "{} without a test summary: {}",
                    describe(outcome),
                    stderr_tail.last().map_or("", String::as_str)
                ),
            )],
            BinaryRun::Ran { failed, .. } => failed
                .iter()
                .map(|t| (format!("{binary}::{t}"), "failed".to_owned()))
                .collect(),
        }
    }

    /// Whether `name` (as in [`BinaryRun::failures`]) passed.
    fn passed(&self, binary: &str, name: &str) -> bool {
        match self {
            BinaryRun::Ran {
                summary: Some(_),
                passed,
                ..
            } => {
                name == binary
                    || name
                        .strip_prefix(binary)
                        .and_then(|rest| rest.strip_prefix("::"))
                        .is_some_and(|test| passed.contains(test))
            }
            _ => false,
        }
    }
}

/// Builds and runs both sides; prints the figures and the verdicts (one per
/// binary).
pub fn run(suite: &Suite<'_>) -> anyhow::Result<Report> {
    let tests_dir = suite.repo.join("tests").join("libtests");
    let lists = Lists {
        known: KnownFailures::load(&tests_dir.join("known-failures.txt"))?,
        excluded: Excluded::load(&tests_dir.join("excluded.txt"))?,
        skipped: Skipped::load(&tests_dir.join("skipped-tests.txt"))?,
    };
    let (known, excluded) = (&lists.known, &lists.excluded);
    let template_path = tests_dir.join("Cargo.toml.in");
    let template = std::fs::read_to_string(&template_path)
        .with_context(|| format!("cannot read {}", template_path.display()))?;
    let library = suite
        .base
        .root
        .join("lib/rustlib/src/rust/library")
        .canonicalize()
        .context("the base toolchain has no rust-src library")?;
    let roots: Vec<(&str, PathBuf)> = BINARIES
        .iter()
        .map(|(name, _, _)| (*name, binary_root(name)))
        .collect();
    let workspace = mirror::prepare(&mirror::Plan {
        library: &library,
        out_dir: &suite.out_dir,
        template: &template,
        placeholder: SRC_PLACEHOLDER,
        roots: &roots,
        excluded,
    })?;

    let sides = [
        Side {
            name: "llvm",
            rustc: &suite.base.rustc,
            uses_toolchain: false,
        },
        Side {
            name: "clif",
            rustc: suite.toolchain_rustc,
            uses_toolchain: true,
        },
    ];
    println!(
        "running coretests, alloctests and core_arch for {} with {} (llvm: {}), output in {}",
        suite.target.triple,
        suite.toolchain_rustc.display(),
        suite.base.rustc.display(),
        suite.out_dir.display()
    );
    if !excluded.entries.is_empty() {
        println!(
            "excluded from both builds: {}",
            excluded
                .entries
                .iter()
                .map(|e| e.module.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let mut builds = Vec::new();
    for side in &sides {
        builds.push(build(suite, side, &workspace)?);
    }
    let mut runs: Vec<BTreeMap<&str, BinaryRun>> = Vec::new();
    for (side, build) in sides.iter().zip(&builds) {
        let mut by_binary = BTreeMap::new();
        for (binary, _, _) in BINARIES {
            by_binary.insert(
                *binary,
                run_binary(suite, side, build, binary, &lists.skipped),
            );
        }
        runs.push(by_binary);
    }

    println!();
    println!(
        "build (cargo, dev profile): llvm {:.1} s, clif {:.1} s",
        builds[0].seconds, builds[1].seconds
    );
    println!(
        "{:<22} {:^31} | {:^31}",
        "binary", "llvm: passed failed ignored", "clif: passed failed ignored"
    );
    for (binary, _, _) in BINARIES {
        println!(
            "{binary:<22} {:<31} | {}",
            runs[0][binary].figures(),
            runs[1][binary].figures()
        );
    }
    let llvm_failures: BTreeSet<String> = BINARIES
        .iter()
        .flat_map(|(b, _, _)| runs[0][b].failures(b))
        .map(|(name, _)| name)
        .collect();
    if !llvm_failures.is_empty() {
        println!("llvm side: {} failures", llvm_failures.len());
    }
    println!();

    let mut report = Report::default();
    for (binary, _, _) in BINARIES {
        let clif = &runs[1][binary];
        let unexpected: Vec<(String, String)> = clif
            .failures(binary)
            .into_iter()
            .filter(|(name, _)| !known.contains(name))
            .collect();
        // The list is checked against this run both ways: a listed test
        // that passes with us is stale, and one that does not fail with
        // LLVM too would hide a Cranelift-only failure.
        let listed = || known.names().filter(|name| belongs_to(name, binary));
        let stale: Vec<&str> = listed().filter(|name| clif.passed(binary, name)).collect();
        let not_failing_with_llvm: Vec<&str> = listed()
            .filter(|name| !llvm_failures.contains(*name))
            .collect();
        if unexpected.is_empty() && stale.is_empty() && not_failing_with_llvm.is_empty() {
            report.record(binary, Verdict::Pass);
            continue;
        }
        let mut problems = Vec::new();
        let mut details: Vec<String> = Vec::new();
        let mut list = |problem: String, names: Vec<String>| {
            problems.push(problem);
            details.extend(names.iter().take(MAX_SHOWN).cloned());
            if names.len() > MAX_SHOWN {
                details.push(format!("... ({} more)", names.len() - MAX_SHOWN));
            }
        };
        if !unexpected.is_empty() {
            list(
                format!(
                    "{} clif failure(s) not in {KNOWN_FAILURES}",
                    unexpected.len()
                ),
                unexpected
                    .iter()
                    .map(|(name, reason)| {
                        let llvm = if llvm_failures.contains(name) {
                            " (fails with llvm too)"
                        } else {
                            ""
                        };
                        format!("{name}  # {reason}{llvm}")
                    })
                    .collect(),
            );
        }
        if !stale.is_empty() {
            list(
                format!(
                    "{} listed test(s) passed: remove them from {KNOWN_FAILURES}",
                    stale.len()
                ),
                stale
                    .iter()
                    .map(|name| format!("{name}  # passed"))
                    .collect(),
            );
        }
        if !not_failing_with_llvm.is_empty() {
            list(
                format!(
                    "{} listed test(s) do not fail with llvm: {KNOWN_FAILURES} may only list failures llvm has too",
                    not_failing_with_llvm.len()
                ),
                not_failing_with_llvm
                    .iter()
                    .map(|name| format!("{name}  # not an llvm failure"))
                    .collect(),
            );
        }
        if let BinaryRun::NotBuilt(errors) = clif {
            details.extend(errors.iter().skip(1).map(|e| format!("also: {e}")));
        }
        report.record(
            binary,
            Verdict::Fail {
                reason: problems.join("; "),
                details,
            },
        );
    }
    report.print_summary("libtests: ");
    Ok(report)
}

/// How a test binary run under `timeout` ended.
fn describe(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Exited(124) => format!("timed out after {} s", RUN_TIMEOUT.as_secs()),
        other => other.to_string(),
    }
}

/// The crate root of a binary, relative to `library/`.
fn binary_root(binary: &str) -> PathBuf {
    match binary {
        "coretests" => "coretests/tests/lib.rs".into(),
        "alloctests" => "alloctests/tests/lib.rs".into(),
        "alloctests_lib" => "alloctests/lib.rs".into(),
        "core_arch" => "stdarch/crates/core_arch/src/lib.rs".into(),
        other => format!("alloctests/tests/{other}.rs").into(),
    }
}

/// Whether a known-failure name is `binary` or one of its tests.
fn belongs_to(name: &str, binary: &str) -> bool {
    name == binary
        || name
            .strip_prefix(binary)
            .is_some_and(|rest| rest.starts_with("::"))
}

/// The binary a cargo test target is reported as.
fn binary_name(target_name: &str, is_lib: bool) -> Option<&'static str> {
    BINARIES
        .iter()
        .find(|(_, target, lib)| *target == target_name && *lib == is_lib)
        .map(|(name, _, _)| *name)
}

/// `cargo build --tests --keep-going` for one side.
fn build(suite: &Suite<'_>, side: &Side<'_>, workspace: &Path) -> anyhow::Result<Build> {
    let target_dir = suite.out_dir.join(format!("target-{}", side.name));
    let mut cmd = clean_command(cargo_program());
    cmd.args(["build", "--tests", "--keep-going", "--manifest-path"])
        .arg(workspace.join("Cargo.toml"))
        .args(["--target", &suite.target.triple])
        .arg("--target-dir")
        .arg(&target_dir)
        .arg("--message-format=json")
        .env("RUSTC", side.rustc)
        .env("RUSTC_BOOTSTRAP", "1")
        // For core_arch's tests: simd_test's macro needs the target, and
        // assert_instr's disassembly checks are about LLVM's code.
        .env("TARGET", &suite.target.triple)
        .env("STDARCH_DISABLE_ASSERT_INSTR", "1")
        .env("CARGO_PROFILE_DEV_DEBUG", "0")
        .env("CARGO_INCREMENTAL", "0")
        .env(suite.target.cargo_env("LINKER"), &suite.target.linker);
    if let (false, Some(sysroot)) = (side.uses_toolchain, suite.llvm_sysroot) {
        // Reaches the target's crates only (`--target` is given).
        cmd.env(
            "CARGO_ENCODED_RUSTFLAGS",
            format!("--sysroot={}", sysroot.display()),
        );
    }
    let label = format!("building the library tests ({})", side.name);
    let step = Step::spinner(&label);
    let started = Instant::now();
    let streamed = suite
        .shell
        .stream_stderr(&mut cmd, |line| {
            let line = line.trim();
            if line.starts_with("Compiling") || line.starts_with("error") {
                step.log_line(line);
            }
        })
        .context("cannot run cargo")?;
    let seconds = started.elapsed().as_secs_f64();
    let log = suite.out_dir.join(format!("{}-build.log", side.name));
    std::fs::write(&log, streamed.lines.join("\n"))
        .with_context(|| format!("cannot write {}", log.display()))?;
    let mut build = output::cargo_build(&streamed.lines, binary_name);
    build.seconds = seconds;
    let built = build.executables.len();
    let mut errors = build.errors;
    for (binary, _, _) in BINARIES {
        if !build.executables.contains_key(*binary) {
            let errors = errors.entry((*binary).to_owned()).or_default();
            if errors.is_empty() {
                errors.push(format!(
                    "cargo ({}) reported no error; see {}",
                    streamed.status,
                    log.display()
                ));
            }
        }
    }
    errors.retain(|binary, _| !build.executables.contains_key(binary));
    step.finish(&format!(
        "{built} of {} test binaries built (log: {})",
        BINARIES.len(),
        log.display()
    ));
    Ok(Build {
        executables: build.executables,
        errors,
        seconds,
    })
}

/// Runs one test binary of a side.
fn run_binary(
    suite: &Suite<'_>,
    side: &Side<'_>,
    build: &Build,
    binary: &str,
    skipped: &Skipped,
) -> BinaryRun {
    let Some(exe) = build.executables.get(binary) else {
        return BinaryRun::NotBuilt(build.errors.get(binary).cloned().unwrap_or_default());
    };
    // GNU timeout signals its whole process group, which includes any
    // child processes of a test (killing only the binary would leave a
    // hanging one running).
    let mut cmd = clean_command("timeout");
    cmd.args(["-k", "10", &RUN_TIMEOUT.as_secs().to_string()])
        .args(suite.target.runner.prefix())
        .arg(exe)
        .arg("--test-threads=2")
        .current_dir(&suite.out_dir);
    for pattern in skipped.patterns(binary) {
        cmd.args(["--skip", pattern]);
    }
    if let Some(filter) = suite.filter {
        cmd.arg(filter);
    }
    let step = Step::spinner(&format!("running {binary} ({})", side.name));
    let started = Instant::now();
    let captured = match suite
        .shell
        .capture(&mut cmd, RUN_TIMEOUT + Duration::from_secs(30))
    {
        Ok(captured) => captured,
        Err(err) => {
            return BinaryRun::Ran {
                outcome: Outcome::Exited(-1),
                summary: None,
                failed: Vec::new(),
                passed: BTreeSet::new(),
                stderr_tail: vec![format!("cannot run {}: {err}", exe.display())],
                seconds: 0.0,
            }
        }
    };
    let seconds = started.elapsed().as_secs_f64();
    let stdout = String::from_utf8_lossy(&captured.stdout);
    let log = suite.out_dir.join(format!("{}-{binary}.out", side.name));
    let _ = std::fs::write(&log, &captured.stdout);
    let parsed = output::libtest(&stdout);
    step.finish(&match &parsed.summary {
        Some(s) => format!(
            "{} passed, {} failed, {} ignored (output: {})",
            s.passed,
            s.failed,
            s.ignored,
            log.display()
        ),
        None => format!("{} (output: {})", captured.outcome, log.display()),
    });
    let stderr = captured.stderr_text();
    let lines: Vec<&str> = stderr.lines().collect();
    BinaryRun::Ran {
        outcome: captured.outcome,
        summary: parsed.summary,
        failed: parsed.failed,
        passed: parsed.passed,
        stderr_tail: lines[lines.len().saturating_sub(5)..]
            .iter()
            .map(|l| (*l).to_owned())
            .collect(),
        seconds,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binaries_map_from_cargo_targets() {
        assert_eq!(binary_name("alloctests", true), Some("alloctests_lib"));
        assert_eq!(binary_name("alloctests", false), Some("alloctests"));
        assert_eq!(binary_name("coretests", false), Some("coretests"));
        assert_eq!(binary_name("rand", true), None);
        assert_eq!(
            binary_root("vec_deque_alloc_error"),
            PathBuf::from("alloctests/tests/vec_deque_alloc_error.rs")
        );
    }

    #[test]
    fn known_failure_names_belong_to_binaries() {
        assert!(belongs_to("alloctests::vec::test_x", "alloctests"));
        assert!(belongs_to("alloctests", "alloctests"));
        assert!(!belongs_to("alloctests_lib::x", "alloctests"));
    }
}
