//! `toolchain-builder image`: the container image without a container
//! engine. A Debian 12 root file system from Debian's packages
//! ([`crate::rootfs`]: minbase, a C compiler, and every cross target's C
//! toolchain and runner from `targets/*.toml`), the toolchain tarball of
//! `package` installed into it with its own `install.sh` (run inside the
//! root; it has cargo), and the environment that makes `cargo build --target T`
//! and `cargo test --target T` work for every target; written as an OCI
//! image layout archive ([`oci`]) that `docker load` and `podman load`
//! accept. `docker/Dockerfile` builds the same image with Docker.
//!
//! The image is cached under `build/image/` by what goes into it (the root
//! file system's packages, the tarball's and cargo's bytes, the
//! configuration).

pub mod check;
pub mod oci;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context as _};

use crate::fingerprint::{sha256_file, Fingerprint};
use crate::process::Shell;
use crate::progress;
use crate::rootfs;
use crate::targets::TargetSpec;

/// Where the toolchain is installed in the image.
pub const PREFIX: &str = "/opt/clif-toolchain";

/// What the image has besides minbase and the cross targets' packages.
const PACKAGES: &[&str] = &["gcc", "libc6-dev", "ca-certificates", "xz-utils"];

/// Installing the toolchain inside the root may take this long.
const INSTALL_TIMEOUT: Duration = Duration::from_secs(600);

/// What the image is made of.
pub struct Inputs<'a> {
    /// `build/`: the root file system cache and the image cache.
    pub build_dir: &'a Path,
    /// The toolchain tarball (`package`'s).
    pub tarball: &'a Path,
    /// The host (the image's platform) and the toolchain's cross targets.
    pub host: &'a TargetSpec,
    pub cross: &'a [&'a TargetSpec],
    /// `name:tag`.
    pub tag: &'a str,
    pub shell: Shell,
}

/// Builds the image archive (or finds it in the cache) and returns its path.
pub fn build(inputs: &Inputs<'_>) -> anyhow::Result<PathBuf> {
    let packages = packages(inputs.cross);
    let packages: Vec<&str> = packages.iter().map(String::as_str).collect();
    let root_tarball = rootfs::debian(inputs.build_dir, &packages, inputs.shell)?;
    let run = run_config(inputs.cross);
    let mut fp = Fingerprint::new("clif image v1");
    fp.add("rootfs", root_tarball.to_string_lossy().as_bytes());
    let hash = sha256_file(inputs.tarball, None)
        .with_context(|| format!("cannot read {}", inputs.tarball.display()))?;
    fp.add("toolchain", hash.as_bytes());
    fp.add("config", &serde_json::to_vec(&run)?);
    fp.add("tag", inputs.tag.as_bytes());
    let dir = inputs.build_dir.join("image");
    let archive = dir.join(format!("{}.oci.tar", &fp.finish()[..16]));
    if archive.is_file() {
        progress::note(format!("image: up to date ({})", archive.display()));
        return Ok(archive);
    }

    let root = dir.join("root");
    rootfs::unpack(&root_tarball, &root, inputs.shell)?;
    install(&root, inputs, &run)?;
    oci::write_archive(
        &root,
        inputs.host.oci_architecture(),
        &run,
        inputs.tag,
        0,
        &archive,
        inputs.shell,
    )?;
    std::fs::remove_dir_all(&root).with_context(|| format!("cannot remove {}", root.display()))?;
    progress::note(format!("image: wrote {}", archive.display()));
    Ok(archive)
}

/// Puts the cached `archive` at `out` (a hard link when both are on one
/// file system, else a copy), replacing what was there in one step.
pub fn publish(archive: &Path, out: &Path) -> anyhow::Result<()> {
    let dir = out.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let partial = out.with_extension("tar.partial");
    let _ = std::fs::remove_file(&partial);
    std::fs::hard_link(archive, &partial)
        .or_else(|_| std::fs::copy(archive, &partial).map(drop))
        .and_then(|()| std::fs::rename(&partial, out))
        .with_context(|| format!("cannot write {}", out.display()))
}

/// The Debian packages of the image: [`PACKAGES`] and the cross targets'.
fn packages(cross: &[&TargetSpec]) -> Vec<String> {
    let mut packages: Vec<String> = PACKAGES.iter().map(|p| (*p).to_owned()).collect();
    for target in cross {
        packages.extend(target.packages.iter().cloned());
    }
    packages.sort();
    packages.dedup();
    packages
}

/// The image's environment: the toolchain first on `PATH`, and each cross
/// target's linker and runner for cargo (the launcher picks the same
/// linker; cargo needs the runner for `cargo test` and `cargo run`).
pub fn run_config(cross: &[&TargetSpec]) -> oci::RunConfig {
    let mut env = vec![format!(
        "PATH={PREFIX}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    )];
    for target in cross {
        env.push(format!("{}={}", target.cargo_env("LINKER"), target.linker));
        if let Some(runner) = target.runner.cargo_runner() {
            env.push(format!("{}={runner}", target.cargo_env("RUNNER")));
        }
    }
    oci::RunConfig {
        env,
        cmd: vec!["/bin/bash".to_owned()],
        working_dir: "/src".to_owned(),
    }
}

/// Installs the toolchain tarball (with its cargo) into `root` and checks
/// that rustc and cargo run there.
fn install(root: &Path, inputs: &Inputs<'_>, run: &oci::RunConfig) -> anyhow::Result<()> {
    let inside = |path: &str| root.join(path.trim_start_matches('/'));
    std::fs::copy(inputs.tarball, inside("/tmp/clif-toolchain.tar.xz"))
        .with_context(|| format!("cannot copy {} into the image", inputs.tarball.display()))?;
    std::fs::create_dir_all(inside(&run.working_dir))?;
    let step = progress::Step::spinner("image: installing the toolchain (install.sh)");
    let script = format!(
        "set -e; cd /tmp; mkdir clif-unpack; tar -xJf clif-toolchain.tar.xz -C clif-unpack; \
         sh clif-unpack/*/install.sh --prefix={PREFIX} --disable-ldconfig; \
         rm -rf clif-unpack clif-toolchain.tar.xz; rustc -vV; cargo --version"
    );
    let env = environment(run);
    let out = rootfs::run_inside(root, "/", &script, &env, INSTALL_TIMEOUT, inputs.shell)?;
    if !out.succeeded() {
        bail!(
            "installing the toolchain into the image failed ({}):\n{}{}",
            out.outcome,
            String::from_utf8_lossy(&out.stdout),
            out.stderr_text()
        );
    }
    step.finish("done");
    Ok(())
}

/// The `NAME=value` entries of `run` as pairs.
pub fn environment(run: &oci::RunConfig) -> Vec<(&str, &str)> {
    run.env
        .iter()
        .filter_map(|entry| entry.split_once('='))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::targets::Runner;

    fn cross() -> TargetSpec {
        TargetSpec {
            triple: "aarch64-unknown-linux-gnu".into(),
            cranelift_isa: "aarch64".into(),
            linker: "aarch64-linux-gnu-gcc".into(),
            packages: vec!["gcc-aarch64-linux-gnu".into(), "qemu-user".into()],
            runner: Runner::Qemu {
                binary: "qemu-aarch64".into(),
                ld_prefix: "/usr/aarch64-linux-gnu".into(),
            },
            ..TargetSpec::host_for_tests()
        }
    }

    #[test]
    fn the_environment_names_every_cross_linker_and_runner() {
        let target = cross();
        let run = run_config(&[&target]);
        assert!(run.env[0].starts_with("PATH=/opt/clif-toolchain/bin:"));
        assert_eq!(
            run.env[1..],
            [
                "CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc",
                "CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_RUNNER=qemu-aarch64 -L /usr/aarch64-linux-gnu",
            ]
        );
        assert_eq!(
            environment(&run)[1].0,
            "CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER"
        );
        assert_eq!(run.working_dir, "/src");
    }

    #[test]
    fn packages_are_the_base_and_the_cross_targets_once() {
        let target = cross();
        assert_eq!(
            packages(&[&target, &target]),
            [
                "ca-certificates",
                "gcc",
                "gcc-aarch64-linux-gnu",
                "libc6-dev",
                "qemu-user",
                "xz-utils"
            ]
        );
    }
}
