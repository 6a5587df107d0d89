//! The `abi-cafe` suite: [abi-cafe](https://crates.io/crates/abi-cafe)
//! 1.1.0, the ABI checker of Rust's codegen backends, pairs code compiled by
//! our backend with code compiled by rustc's LLVM backend and by `cc`, in
//! both directions (`clif_calls_rustc`, `rustc_calls_clif`, `clif_calls_cc`,
//! `cc_calls_clif`), with the `c` and `rust` calling conventions: it
//! generates a caller and a callee for every function of its test files,
//! builds and links them, runs them and checks that both sides saw the same
//! values. Every test set abi-cafe runs is one test of this suite; a failed
//! one fails the run.
//!
//! abi-cafe is installed once with `cargo install --locked` (built by the
//! base toolchain) into `build/abi-cafe/install/`. It runs `rustc` from
//! `PATH`, here the base rustc (with `RUSTC_BOOTSTRAP=1`): plain, it is the
//! reference (LLVM); with `-Zcodegen-backend=<dist>/.../librustc_codegen_clif.so`
//! (the `clif` toolchain, `--add-rustc-codegen-backend`) it is our backend.
//! Both use the base toolchain's standard library, not the one in `dist/`:
//! abi-cafe links the caller's and the callee's static libraries, each with
//! its standard library, into one program, and two different builds of std
//! define the same `#[rustc_std_internal_symbol]`s (`__rdl_alloc`,
//! `rust_eh_personality`...), so the link fails.
//!
//! It knows nothing of how the toolchain is built: it is handed the base
//! toolchain and the dist directory.

mod report;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context as _;

use crate::base::BaseToolchain;
use crate::difftest::case::Verdict;
use crate::difftest::Report;
use crate::process::{clean_command, Shell};
use crate::progress::Step;
use crate::stages::cargo::cargo_program;

/// The abi-cafe release the suite runs.
pub const VERSION: &str = "1.1.0";

/// The name of our toolchain in abi-cafe's pairs.
const TOOLCHAIN: &str = "clif";

/// Our backend with LLVM and with cc, each way round.
const PAIRS: &str = "clif_calls_rustc,rustc_calls_clif,clif_calls_cc,cc_calls_clif";

/// The calling conventions tried (abi-cafe skips the others on x86_64 Linux).
const CONVENTIONS: &str = "c,rust";

/// abi-cafe is killed after this long.
const TIMEOUT: Duration = Duration::from_secs(60 * 60);

/// What to run the suite with.
pub struct Suite<'a> {
    /// `build/abi-cafe/`.
    pub out_dir: PathBuf,
    pub base: &'a BaseToolchain,
    /// The toolchain directory (`dist/`), for its backend dylib.
    pub dist: &'a Path,
    /// abi-cafe's `--tests` (test file names), all when `None`.
    pub tests: Option<&'a str>,
    pub shell: Shell,
}

/// Installs and runs abi-cafe; one report entry per test set it ran.
pub fn run(suite: &Suite<'_>) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let abi_cafe = match install(suite) {
        Ok(path) => path,
        Err(err) => {
            report.record("abi-cafe", Verdict::fail(format!("{err:#}")));
            report.print_summary("abi-cafe: ");
            return Ok(report);
        }
    };
    let work_dir = suite.out_dir.join("work");
    std::fs::create_dir_all(&work_dir)?;
    // The backend that the toolchain's bin/rustc loads.
    let backend = clif_launcher::Policy::read(suite.dist)
        .map_err(anyhow::Error::msg)?
        .backend_in(suite.dist)
        .context("the toolchain uses rustc's LLVM backend (developer mode), not Cranelift")?;

    let base_bin = suite
        .base
        .rustc
        .parent()
        .context("the base rustc has no directory")?;
    let mut path = OsString::from(base_bin);
    if let Some(inherited) = std::env::var_os("PATH") {
        path.push(":");
        path.push(inherited);
    }
    let mut cmd = clean_command(&abi_cafe);
    cmd.current_dir(&work_dir)
        .env("PATH", path)
        .env("RUSTC_BOOTSTRAP", "1")
        .arg("--add-rustc-codegen-backend")
        .arg(format!("{TOOLCHAIN}:{}", backend.display()))
        .args(["--pairs", PAIRS, "--conventions", CONVENTIONS]);
    if let Some(tests) = suite.tests {
        cmd.args(["--tests", tests]);
    }
    let step = Step::spinner(&format!(
        "abi-cafe {VERSION}: {PAIRS}, conventions {CONVENTIONS}"
    ));
    let start = Instant::now();
    let out = suite
        .shell
        .capture(&mut cmd, TIMEOUT)
        .with_context(|| format!("cannot run {}", abi_cafe.display()))?;
    let seconds = start.elapsed().as_secs_f64();
    step.finish(&format!("{} ({seconds:.0} s)", out.outcome));
    let log = suite.out_dir.join("abi-cafe.log");
    let mut text = out.stdout.clone();
    text.extend_from_slice(&out.stderr);
    std::fs::write(&log, &text).with_context(|| format!("cannot write {}", log.display()))?;

    let stdout = String::from_utf8_lossy(&out.stdout);
    let Some(parsed) = report::parse(&stdout) else {
        report.record(
            "abi-cafe",
            Verdict::fail(format!(
                "abi-cafe ended ({}) without its final report; see {}",
                out.outcome,
                log.display()
            )),
        );
        report.print_summary("abi-cafe: ");
        return Ok(report);
    };
    let sets_failed = parsed.sets_failed();
    for set in parsed.sets {
        report.record(
            &set.name,
            if set.failed {
                Verdict::Fail {
                    reason: set.status,
                    details: set.details,
                }
            } else {
                Verdict::Pass
            },
        );
    }
    println!();
    println!("abi-cafe: {} (log: {})", parsed.summary, log.display());
    if sets_failed == 0 && !out.succeeded() {
        report.record(
            "abi-cafe",
            Verdict::fail(format!(
                "abi-cafe failed ({}) with no failed test set",
                out.outcome
            )),
        );
    }
    report.print_summary("abi-cafe: ");
    Ok(report)
}

/// `build/abi-cafe/install/bin/abi-cafe`, installed unless it is there.
fn install(suite: &Suite<'_>) -> anyhow::Result<PathBuf> {
    let root = suite.out_dir.join("install");
    let binary = root.join("bin").join("abi-cafe");
    let marker = root.join(format!("installed-{VERSION}"));
    if binary.is_file() && marker.is_file() {
        return Ok(binary);
    }
    let mut cmd = clean_command(cargo_program());
    cmd.env("RUSTC", &suite.base.rustc)
        .args(["install", "abi-cafe", "--locked", "--force"])
        .arg(format!("--version=={VERSION}"))
        .arg("--root")
        .arg(&root);
    let step = Step::spinner(&format!("installing abi-cafe {VERSION}"));
    let streamed = suite
        .shell
        .stream_stderr(&mut cmd, |line| step.log_line(line))
        .context("cannot run cargo install")?;
    if !streamed.status.success() {
        step.finish("failed");
        let tail = streamed.lines.iter().rev().take(20).rev().cloned();
        anyhow::bail!(
            "`cargo install abi-cafe --version ={VERSION}` failed ({}):\n{}",
            streamed.status,
            tail.collect::<Vec<_>>().join("\n")
        );
    }
    step.finish("done");
    std::fs::write(&marker, "")?;
    Ok(binary)
}
