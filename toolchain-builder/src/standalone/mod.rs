//! The `standalone` suite: `dist/` on a machine that has nothing but Debian
//! 12's essential packages and a C compiler (`gcc`, `libc6-dev`), no
//! `libllvm22`, no Rust. It copies `dist/` into such a root file system
//! ([`crate::rootfs`]) and, inside it:
//!
//! - `bin/rustc -vV` names the toolchain;
//! - `tests/standalone/program.rs` (threads, a caught panic, formatting,
//!   stderr, an exit status) compiled with the bundled lld and with the
//!   system linker runs exactly as the same program compiled by the LLVM
//!   reference on this machine;
//! - for each cross target, whose C compiler the root does not have,
//!   compiling fails with the note naming the Debian packages to install.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context as _;

use crate::difftest::case::Verdict;
use crate::difftest::compare::{self, Run};
use crate::difftest::Report;
use crate::process::{clean_command, Captured, Shell};
use crate::rootfs;
use crate::targets::TargetSpec;

/// What the root file system has besides Debian's minbase.
const PACKAGES: &[&str] = &["gcc", "libc6-dev"];

/// Where `dist/` goes inside the root.
const PREFIX: &str = "/opt/clif-toolchain";

/// A compile or run inside the root may take this long.
const TIMEOUT: Duration = Duration::from_secs(300);

/// What to run the suite with.
pub struct Suite<'a> {
    /// `build/`: the root file system's cache and the work directory.
    pub build_dir: &'a Path,
    /// `tests/standalone/`.
    pub tests_dir: PathBuf,
    /// The toolchain directory.
    pub dist: &'a Path,
    /// The base rustc (the LLVM reference).
    pub base_rustc: &'a Path,
    /// The toolchain's cross targets.
    pub cross: Vec<&'a TargetSpec>,
    pub shell: Shell,
}

/// Runs the suite; one report entry per check.
pub fn run(suite: &Suite<'_>) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let work = suite.build_dir.join("standalone");
    let root = work.join("root");
    let tarball = rootfs::debian(suite.build_dir, PACKAGES, suite.shell)?;
    rootfs::unpack(&tarball, &root, suite.shell)?;
    let inside = |path: &str| root.join(path.trim_start_matches('/'));
    rootfs::copy_tree(suite.dist, &inside(PREFIX), suite.shell)?;
    std::fs::create_dir_all(inside("/work"))?;
    let program = suite.tests_dir.join("program.rs");
    std::fs::copy(&program, inside("/work/program.rs"))
        .with_context(|| format!("cannot copy {}", program.display()))?;

    let version = inside_root(&root, &format!("{PREFIX}/bin/rustc -vV"), &[], suite.shell)?;
    report.record(
        "standalone/rustc_version",
        if !version.succeeded() {
            failure("`rustc -vV` failed", &version)
        } else if !String::from_utf8_lossy(&version.stdout).contains("\nclif-toolchain: ") {
            Verdict::fail("`rustc -vV` does not name the toolchain")
        } else {
            Verdict::Pass
        },
    );

    let reference = reference_run(suite, &work)?;
    for (name, clif_lld) in [("bundled_lld", "1"), ("system_linker", "0")] {
        let compile = inside_root(
            &root,
            &format!("{PREFIX}/bin/rustc -Copt-level=1 program.rs -o program-{name}"),
            &[("CLIF_LLD", clif_lld)],
            suite.shell,
        )?;
        let verdict = if compile.succeeded() {
            let ours = inside_root(&root, &format!("./program-{name}"), &[], suite.shell)?;
            compare::against_reference(&reference, &Run::from(ours))
        } else {
            failure("the compile failed", &compile)
        };
        report.record(&format!("standalone/program_{name}"), verdict);
    }

    for target in &suite.cross {
        let compile = inside_root(
            &root,
            &format!(
                "{PREFIX}/bin/rustc --target {} program.rs -o program-{}",
                target.triple, target.triple
            ),
            &[],
            suite.shell,
        )?;
        let note = format!("install Debian's {}", target.packages.join(" "));
        let verdict = if compile.succeeded() {
            Verdict::fail(format!(
                "compiling for {} succeeded without {}",
                target.triple, target.linker
            ))
        } else if !compile.stderr_text().contains(&note) {
            failure(&format!("the error does not say `{note}`"), &compile)
        } else {
            Verdict::Pass
        };
        report.record(
            &format!("standalone/missing_linker/{}", target.triple),
            verdict,
        );
    }
    report.print_summary("standalone: ");
    Ok(report)
}

/// Runs `script` in `/work` inside the root.
fn inside_root(
    root: &Path,
    script: &str,
    env: &[(&str, &str)],
    shell: Shell,
) -> anyhow::Result<Captured> {
    rootfs::run_inside(root, "/work", script, env, TIMEOUT, shell)
}

/// The program compiled by the LLVM reference on this machine, and run.
fn reference_run(suite: &Suite<'_>, work: &Path) -> anyhow::Result<Run> {
    let dir = work.join("llvm");
    std::fs::create_dir_all(&dir)?;
    std::fs::copy(suite.tests_dir.join("program.rs"), dir.join("program.rs"))?;
    let mut cmd = clean_command(suite.base_rustc);
    cmd.args(["-Copt-level=1", "program.rs", "-o", "program"])
        .current_dir(&dir);
    let out = suite
        .shell
        .capture(&mut cmd, TIMEOUT)
        .context("cannot run the base rustc")?;
    anyhow::ensure!(
        out.succeeded(),
        "the LLVM reference cannot compile tests/standalone/program.rs: {}",
        out.stderr_text()
    );
    let mut run = clean_command(dir.join("program"));
    run.current_dir(&dir);
    let out = suite
        .shell
        .capture(&mut run, TIMEOUT)
        .context("cannot run the LLVM reference's program")?;
    Ok(Run::from(out))
}

fn failure(reason: &str, out: &Captured) -> Verdict {
    Verdict::Fail {
        reason: format!("{reason} ({})", out.outcome),
        details: out
            .stderr_text()
            .lines()
            .take(20)
            .map(str::to_owned)
            .collect(),
    }
}
