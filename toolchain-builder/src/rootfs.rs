//! Bare Debian 12 root file systems, made with Debian's `mmdebstrap` from
//! the Debian archive and cached as tarballs under `build/rootfs/`, keyed by
//! what they contain; and running a command inside one (`unshare` with its
//! own mount and PID namespaces, `/proc` mounted: the dynamic loader needs
//! `/proc/self/exe` to expand `$ORIGIN`).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use anyhow::{bail, Context as _};

use crate::fingerprint::Fingerprint;
use crate::process::{clean_command, describe, Captured, Shell};
use crate::progress::{self, Step};

/// The Debian release.
const SUITE: &str = "bookworm";

/// The archive, unless `CLIF_DEBIAN_MIRROR` names another.
const DEFAULT_MIRROR: &str = "http://deb.debian.org/debian";

/// mmdebstrap downloads and installs the packages in this time.
const BOOTSTRAP_TIMEOUT: Duration = Duration::from_secs(30 * 60);

/// A cached root file system tarball: Debian's `minbase` variant (essential
/// and required packages) plus `packages`.
pub fn debian(build_dir: &Path, packages: &[&str], shell: Shell) -> anyhow::Result<PathBuf> {
    let mirror = std::env::var("CLIF_DEBIAN_MIRROR").unwrap_or_else(|_| DEFAULT_MIRROR.to_owned());
    let mut fp = Fingerprint::new("clif rootfs v1");
    fp.add("suite", SUITE.as_bytes());
    fp.add("mirror", mirror.as_bytes());
    for package in packages {
        fp.add("package", package.as_bytes());
    }
    let dir = build_dir.join("rootfs");
    let tarball = dir.join(format!("{SUITE}-{}.tar", &fp.finish()[..16]));
    if tarball.is_file() {
        progress::note(format!("rootfs: up to date ({})", tarball.display()));
        return Ok(tarball);
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let partial = tarball.with_extension("tar.partial");
    let mut cmd = clean_command("mmdebstrap");
    cmd.args(["--variant=minbase", "--format=tar"])
        .arg(format!("--include={}", packages.join(",")))
        .arg(SUITE)
        .arg(&partial)
        .arg(&mirror)
        .stdin(Stdio::null());
    let step = Step::spinner(&format!(
        "rootfs: Debian 12 minbase with {} (mmdebstrap, from {mirror})",
        packages.join(", ")
    ));
    let out = shell
        .capture(&mut cmd, BOOTSTRAP_TIMEOUT)
        .context("cannot run `mmdebstrap` (Debian's mmdebstrap; tools/setup.sh installs it)")?;
    if !out.succeeded() {
        let _ = std::fs::remove_file(&partial);
        bail!(
            "`{}` failed ({}); it needs root (or sudo) and the Debian archive:\n{}",
            describe(&cmd),
            out.outcome,
            out.stderr_text()
        );
    }
    std::fs::rename(&partial, &tarball)
        .with_context(|| format!("cannot move {} to {}", partial.display(), tarball.display()))?;
    step.finish("done");
    Ok(tarball)
}

/// Unpacks a root file system tarball into `root` (emptied first).
pub fn unpack(tarball: &Path, root: &Path, shell: Shell) -> anyhow::Result<()> {
    if root.exists() {
        std::fs::remove_dir_all(root)
            .with_context(|| format!("cannot remove {}", root.display()))?;
    }
    std::fs::create_dir_all(root).with_context(|| format!("cannot create {}", root.display()))?;
    // GNU tar, not the tar crate: the archive has device nodes and owners to
    // restore as they are.
    let mut cmd = clean_command("tar");
    cmd.arg("-xf").arg(tarball).arg("-C").arg(root);
    shell
        .capture_ok(&mut cmd, Duration::from_secs(600), "GNU tar")
        .map(drop)
}

/// Copies a directory tree (symbolic links as links) to `to` inside a root.
pub fn copy_tree(from: &Path, to: &Path, shell: Shell) -> anyhow::Result<()> {
    let mut cmd = clean_command("cp");
    cmd.arg("-a").arg(from).arg(to);
    shell
        .capture_ok(&mut cmd, Duration::from_secs(600), "coreutils")
        .map(drop)
}

/// Runs `script` with `/bin/sh` inside `root`, in `workdir` (a path inside
/// the root), with a minimal environment plus `env`.
pub fn run_inside(
    root: &Path,
    workdir: &str,
    script: &str,
    env: &[(&str, &str)],
    timeout: Duration,
    shell: Shell,
) -> anyhow::Result<Captured> {
    let mut cmd = Command::new("unshare");
    cmd.args(["--mount", "--pid", "--fork", "--kill-child"])
        .arg(format!("--root={}", root.display()))
        .arg("--mount-proc=/proc")
        .arg(format!("--wd={workdir}"))
        .args(["/bin/sh", "-c", script])
        .env_clear()
        .env("PATH", "/usr/local/bin:/usr/bin:/bin")
        .env("HOME", "/root")
        .envs(env.iter().copied())
        .stdin(Stdio::null());
    shell
        .capture(&mut cmd, timeout)
        .with_context(|| format!("cannot run `{}` (util-linux's unshare)", describe(&cmd)))
}
