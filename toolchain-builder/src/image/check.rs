//! The `image` suite: the image archive as a user gets it. Its blobs are
//! read back and checked as `docker load` would ([`oci::load`]), its layers
//! unpacked into a directory, and inside that root (with the image's
//! environment and working directory) `tests/image/hello`, a crate with a
//! crates.io dependency (vendored on this machine, so the image needs no
//! network), is built, tested and run with `cargo --target T` for every
//! target of the toolchain. The run's exit status, stdout and stderr must
//! equal those of the same crate built by the LLVM reference here.
//!
//! In the same root (Debian 12 with the cross C toolchains, no libllvm22),
//! the user's path is checked too: `toolchain-builder install --from
//! <tarball> --prefix /opt/clif-installed --link clif-installed` (with this
//! machine's rustup copied in), then `cargo +clif-installed build --target
//! T` for every target, without the image's environment.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context as _;

use super::oci;
use crate::base::BaseToolchain;
use crate::cargo_suite::{cargo_command, LLVM_RUSTFLAGS};
use crate::difftest::case::Verdict;
use crate::difftest::compare::{self, Run};
use crate::difftest::Report;
use crate::process::{clean_command, Captured, Shell};
use crate::rootfs;
use crate::targets::TargetSpec;

/// A cargo command inside the image may take this long (cross test
/// binaries run under qemu-user).
const TIMEOUT: Duration = Duration::from_secs(600);

/// The tests `cargo test` must report as passing.
const TESTS: &[&str] = &[
    "test tests::decimals ... ok",
    "test tests::panics_unwind_to_the_harness - should panic ... ok",
    "test extremes_format_like_std ... ok",
];

/// What the suite runs with.
pub struct Suite<'a> {
    /// `build/image-check/`: the unpacked image and the crate.
    pub work: PathBuf,
    /// `tests/image/hello/`.
    pub crate_dir: PathBuf,
    /// The image archive.
    pub archive: &'a Path,
    /// The toolchain tarball it was made from (and its `.sha256`).
    pub tarball: &'a Path,
    /// The LLVM reference.
    pub base: &'a BaseToolchain,
    pub host: &'a TargetSpec,
    /// Every target of the toolchain (the host first).
    pub targets: Vec<&'a TargetSpec>,
    pub shell: Shell,
}

/// Runs the suite; one report entry per check.
pub fn run(suite: &Suite<'_>) -> anyhow::Result<Report> {
    let mut report = Report::default();
    if suite.work.exists() {
        std::fs::remove_dir_all(&suite.work)
            .with_context(|| format!("cannot remove {}", suite.work.display()))?;
    }
    let loaded = match oci::load(suite.archive, &suite.work.join("archive")) {
        Ok(loaded) => loaded,
        Err(err) => {
            report.record("image/load", Verdict::fail(format!("{err:#}")));
            report.print_summary("image: ");
            return Ok(report);
        }
    };
    report.record("image/load", Verdict::Pass);
    let root = suite.work.join("root");
    std::fs::create_dir_all(&root)?;
    for layer in &loaded.layers {
        let mut cmd = clean_command("tar");
        cmd.arg("-xzf").arg(layer).arg("-C").arg(&root);
        suite
            .shell
            .capture_ok(&mut cmd, Duration::from_secs(600), "GNU tar")?;
    }
    let src = vendored_crate(suite)?;
    let reference = reference_run(suite, &src)?;
    let inside = loaded.config.config.working_dir.clone();
    let workdir = root.join(inside.trim_start_matches('/'));
    // The image has it, empty; `cp -a` would copy into it.
    if workdir.is_dir() {
        std::fs::remove_dir(&workdir)
            .with_context(|| format!("{} is not empty", workdir.display()))?;
    }
    rootfs::copy_tree(&src, &workdir, suite.shell)?;
    let env = super::environment(&loaded.config.config);
    let cargo = |args: &str, triple: &str| {
        rootfs::run_inside(
            &root,
            &inside,
            &format!("cargo {args} --offline --locked --target {triple}"),
            &env,
            TIMEOUT,
            suite.shell,
        )
    };
    for target in &suite.targets {
        let triple = &target.triple;
        let build = cargo("build", triple)?;
        report.record(&format!("image/build/{triple}"), succeeded(&build));
        let test = cargo("test", triple)?;
        let stdout = String::from_utf8_lossy(&test.stdout);
        let verdict = match succeeded(&test) {
            Verdict::Pass => match TESTS.iter().find(|line| !stdout.contains(*line)) {
                Some(missing) => Verdict::fail(format!("`cargo test` did not report `{missing}`")),
                None => Verdict::Pass,
            },
            failed => failed,
        };
        report.record(&format!("image/test/{triple}"), verdict);
        let ours = cargo("run --quiet", triple)?;
        report.record(
            &format!("image/run/{triple}"),
            compare::against_reference(&reference, &Run::from(ours)),
        );
    }
    installed(suite, &root, &inside, &mut report)?;
    report.print_summary("image: ");
    Ok(report)
}

/// The toolchain installed by `toolchain-builder install` and linked with
/// rustup inside `root`, then used through `cargo +NAME`.
fn installed(suite: &Suite<'_>, root: &Path, src: &str, report: &mut Report) -> anyhow::Result<()> {
    let inside = |path: &str| root.join(path.trim_start_matches('/'));
    let builder = std::env::current_exe().context("cannot find toolchain-builder's own path")?;
    let Some(rustup) = crate::process::find_program("rustup") else {
        report.record(
            "image/install_link",
            Verdict::fail("rustup is not on PATH here, so it cannot be copied into the image"),
        );
        return Ok(());
    };
    let cargo_home = inside("/root/.cargo/bin");
    std::fs::create_dir_all(&cargo_home)?;
    std::fs::copy(&rustup, cargo_home.join("rustup"))?;
    // rustup's proxies, as `rustup-init` installs them.
    for proxy in ["cargo", "rustc", "rustdoc"] {
        std::os::unix::fs::symlink("rustup", cargo_home.join(proxy))?;
    }
    std::fs::copy(&builder, inside("/usr/local/bin/toolchain-builder"))?;
    let name = suite
        .tarball
        .file_name()
        .context("the tarball has no name")?;
    let mut sha256 = name.to_owned();
    sha256.push(".sha256");
    std::fs::copy(suite.tarball, inside("/tmp").join(name))?;
    std::fs::copy(
        suite.tarball.with_file_name(&sha256),
        inside("/tmp").join(&sha256),
    )?;
    // What the toolchain must not need: the system's LLVM.
    let llvm = rootfs::run_inside(
        root,
        "/",
        "for f in /usr/lib/*/libLLVM* /usr/lib/llvm-*; do [ -e \"$f\" ] && echo \"$f\"; done; true",
        &[],
        TIMEOUT,
        suite.shell,
    )?;
    let found = String::from_utf8_lossy(&llvm.stdout).trim().to_owned();
    report.record(
        "image/no_system_llvm",
        match (llvm.succeeded(), found.is_empty()) {
            (true, true) => Verdict::Pass,
            (true, false) => Verdict::fail(format!("the root has LLVM: {found}")),
            (false, _) => succeeded(&llvm),
        },
    );
    let env = [
        ("PATH", "/root/.cargo/bin:/usr/local/bin:/usr/bin:/bin"),
        ("RUSTUP_HOME", "/root/.rustup"),
        ("CARGO_HOME", "/root/.cargo"),
    ];
    let install = rootfs::run_inside(
        root,
        "/",
        &format!(
            "toolchain-builder install --from /tmp/{} --prefix /opt/clif-installed --link \
             clif-installed",
            name.to_string_lossy()
        ),
        &env,
        TIMEOUT,
        suite.shell,
    )?;
    report.record("image/install_link", succeeded(&install));
    if !install.succeeded() {
        return Ok(());
    }
    for target in &suite.targets {
        let build = rootfs::run_inside(
            root,
            src,
            &format!(
                "cargo +clif-installed build --offline --locked --target {} --target-dir \
                 /tmp/installed-target",
                target.triple
            ),
            &env,
            TIMEOUT,
            suite.shell,
        )?;
        report.record(
            &format!("image/installed_build/{}", target.triple),
            succeeded(&build),
        );
    }
    Ok(())
}

/// The crate copied into the work directory with its dependency vendored
/// (`cargo vendor`, from crates.io or the cargo cache) and a
/// `.cargo/config.toml` that builds from the vendored copy.
fn vendored_crate(suite: &Suite<'_>) -> anyhow::Result<PathBuf> {
    let src = suite.work.join("src");
    rootfs::copy_tree(&suite.crate_dir, &src, suite.shell)?;
    let mut cmd = clean_command(crate::stages::cargo::cargo_program());
    cmd.args(["vendor", "--locked", "--versioned-dirs", "vendor"])
        .current_dir(&src);
    let out = suite.shell.capture_ok(
        &mut cmd,
        TIMEOUT,
        "cargo vendor (needs crates.io or the cargo cache)",
    )?;
    let config = src.join(".cargo");
    std::fs::create_dir_all(&config)?;
    std::fs::write(config.join("config.toml"), out.stdout)?;
    Ok(src)
}

/// `cargo run --quiet` of the crate on this machine with the base rustc
/// (LLVM).
fn reference_run(suite: &Suite<'_>, src: &Path) -> anyhow::Result<Run> {
    let mut cmd = cargo_command(src, suite.host, &suite.base.rustc, LLVM_RUSTFLAGS);
    cmd.args(["run", "--quiet", "--offline", "--locked", "--target-dir"])
        .arg(suite.work.join("llvm-target"))
        .env("RUSTC_BOOTSTRAP", "1");
    if let Some(rustdoc) = &suite.base.rustdoc {
        cmd.env("RUSTDOC", rustdoc);
    }
    let out = suite
        .shell
        .capture(&mut cmd, TIMEOUT)
        .context("cannot run cargo with the base rustc")?;
    Ok(Run::from(out))
}

fn succeeded(out: &Captured) -> Verdict {
    if out.succeeded() {
        return Verdict::Pass;
    }
    let stderr = out.stderr_text();
    let lines: Vec<&str> = stderr.lines().collect();
    Verdict::Fail {
        reason: format!("cargo failed ({})", out.outcome),
        details: lines[lines.len().saturating_sub(20)..]
            .iter()
            .map(|line| (*line).to_owned())
            .collect(),
    }
}
