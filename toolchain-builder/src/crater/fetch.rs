//! A library's published sources, ready for `cargo test`: cargo downloads
//! the package (a scratch project depending on `NAME = "=VERSION"`, `cargo
//! fetch`), its `.crate` is unpacked from cargo's registry cache into
//! `BUILD_DIR/crater/src/NAME-VERSION/`, made a workspace of its own (the
//! build directory is inside this repository's workspace), rid of its
//! `rust-toolchain(.toml)` (rustup's cargo would switch to the toolchain it
//! names instead of running the sides' compilers) and given its
//! lockfile: `tests/crater/locks/NAME-VERSION.lock` when committed,
//! otherwise one `cargo generate-lockfile` resolves (with the base rustc, so
//! that cargo picks dependency versions it supports) and that is saved
//! there, to be committed. Applications need none of this: `cargo install`
//! fetches them.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context as _};

use crate::cargo_suite::cargo_command;
use crate::process::Shell;
use crate::targets::TargetSpec;

use super::corpus::Lib;

/// Fetching and resolving may take this long.
const FETCH_TIMEOUT: Duration = Duration::from_secs(10 * 60);

/// Where sources and locks are.
pub struct Fetcher<'a> {
    /// `BUILD_DIR/crater/`.
    pub out: &'a Path,
    /// `tests/crater/locks/`.
    pub locks: PathBuf,
    /// The base rustc, for cargo's resolution.
    pub rustc: &'a Path,
    pub target: &'a TargetSpec,
    pub shell: Shell,
}

/// A prepared source directory.
pub struct Source {
    pub dir: PathBuf,
    /// Set when the lockfile was generated in this run (and saved).
    pub new_lock: Option<PathBuf>,
}

impl Fetcher<'_> {
    /// The unpacked sources of `lib` with their lockfile in place.
    pub fn prepare(&self, lib: &Lib) -> anyhow::Result<Source> {
        let stem = format!("{}-{}", lib.name, lib.version);
        let dir = self.out.join("src").join(&stem);
        if !dir.join("Cargo.toml").is_file() {
            let archive = self.download(lib, &stem)?;
            unpack(&archive, &dir)?;
            make_workspace_root(&dir.join("Cargo.toml"))?;
            for pin in ["rust-toolchain", "rust-toolchain.toml"] {
                let file = dir.join(pin);
                if file.is_file() {
                    std::fs::remove_file(&file)
                        .with_context(|| format!("cannot remove {}", file.display()))?;
                }
            }
        }
        let lock = self.locks.join(format!("{stem}.lock"));
        let in_place = dir.join("Cargo.lock");
        if lock.is_file() {
            std::fs::copy(&lock, &in_place)
                .with_context(|| format!("cannot copy {}", lock.display()))?;
            return Ok(Source {
                dir,
                new_lock: None,
            });
        }
        self.cargo(&dir, &["generate-lockfile"])?;
        std::fs::create_dir_all(&self.locks)
            .and_then(|()| std::fs::copy(&in_place, &lock))
            .with_context(|| format!("cannot save {}", lock.display()))?;
        Ok(Source {
            dir,
            new_lock: Some(lock),
        })
    }

    /// Downloads the package into cargo's cache; returns its `.crate`.
    fn download(&self, lib: &Lib, stem: &str) -> anyhow::Result<PathBuf> {
        let scratch = self.out.join("fetch").join(stem);
        std::fs::create_dir_all(&scratch)
            .with_context(|| format!("cannot create {}", scratch.display()))?;
        let manifest = format!(
            "[package]\nname = \"crater-fetch\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
             publish = false\n\n[lib]\npath = \"lib.rs\"\n\n[dependencies]\n{} = \"={}\"\n\n\
             [workspace]\n",
            lib.name, lib.version
        );
        std::fs::write(scratch.join("Cargo.toml"), manifest)
            .and_then(|()| std::fs::write(scratch.join("lib.rs"), ""))
            .with_context(|| format!("cannot write the project in {}", scratch.display()))?;
        self.cargo(&scratch, &["fetch"])?;
        find_crate_file(&cargo_home()?, stem)
    }

    /// Runs `cargo <args>` in `dir` with the base rustc; fails with its
    /// stderr.
    fn cargo(&self, dir: &Path, args: &[&str]) -> anyhow::Result<()> {
        let mut cmd = cargo_command(dir, self.target, self.rustc, &[]);
        cmd.args(args);
        let captured = self
            .shell
            .capture(&mut cmd, FETCH_TIMEOUT)
            .context("cannot run cargo")?;
        if !captured.succeeded() {
            bail!(
                "`cargo {}` in {} failed ({}):\n{}",
                args.join(" "),
                dir.display(),
                captured.outcome,
                captured.stderr_text().trim_end()
            );
        }
        Ok(())
    }
}

/// `CARGO_HOME`, or `~/.cargo`.
fn cargo_home() -> anyhow::Result<PathBuf> {
    if let Some(home) = std::env::var_os("CARGO_HOME").filter(|h| !h.is_empty()) {
        return Ok(PathBuf::from(home));
    }
    match std::env::var_os("HOME") {
        Some(home) => Ok(PathBuf::from(home).join(".cargo")),
        None => bail!("neither CARGO_HOME nor HOME is set: cannot find cargo's registry cache"),
    }
}

/// `CARGO_HOME/registry/cache/<index>/STEM.crate`, in whichever registry
/// index directory holds it.
fn find_crate_file(cargo_home: &Path, stem: &str) -> anyhow::Result<PathBuf> {
    let cache = cargo_home.join("registry").join("cache");
    let indexes = std::fs::read_dir(&cache)
        .with_context(|| format!("cannot read cargo's cache {}", cache.display()))?;
    for index in indexes {
        let file = index?.path().join(format!("{stem}.crate"));
        if file.is_file() {
            return Ok(file);
        }
    }
    bail!("`cargo fetch` left no {stem}.crate in {}", cache.display())
}

/// Unpacks a `.crate` (a gzipped tar of `STEM/...`) so that its `STEM/`
/// becomes `dir`; through a temporary directory, so a half-unpacked
/// source is never taken for a whole one.
fn unpack(archive: &Path, dir: &Path) -> anyhow::Result<()> {
    let parent = dir.parent().context("source directory without a parent")?;
    std::fs::create_dir_all(parent)
        .with_context(|| format!("cannot create {}", parent.display()))?;
    let tmp = tempfile::tempdir_in(parent).context("cannot create a temporary directory")?;
    let file = std::fs::File::open(archive)
        .with_context(|| format!("cannot open {}", archive.display()))?;
    tar::Archive::new(flate2::read::GzDecoder::new(file))
        .unpack(tmp.path())
        .with_context(|| format!("cannot unpack {}", archive.display()))?;
    let name = dir.file_name().context("source directory without a name")?;
    let unpacked = tmp.path().join(name);
    if !unpacked.join("Cargo.toml").is_file() {
        bail!(
            "{} has no {}/Cargo.toml",
            archive.display(),
            name.to_string_lossy()
        );
    }
    if dir.exists() {
        std::fs::remove_dir_all(dir).with_context(|| format!("cannot remove {}", dir.display()))?;
    }
    std::fs::rename(&unpacked, dir).with_context(|| format!("cannot create {}", dir.display()))
}

/// Appends an empty `[workspace]` table to `manifest` unless it has one.
fn make_workspace_root(manifest: &Path) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(manifest)
        .with_context(|| format!("cannot read {}", manifest.display()))?;
    if text.lines().any(|line| line.trim() == "[workspace]") {
        return Ok(());
    }
    std::fs::write(manifest, format!("{text}\n[workspace]\n"))
        .with_context(|| format!("cannot write {}", manifest.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_crate_file_unpacks_into_its_directory() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let archive = tmp.path().join("demo-1.0.0.crate");
        let encoder = flate2::write::GzEncoder::new(
            std::fs::File::create(&archive).expect("create"),
            flate2::Compression::fast(),
        );
        let mut builder = tar::Builder::new(encoder);
        let manifest = b"[package]\nname = \"demo\"\n";
        let mut header = tar::Header::new_gnu();
        header.set_size(manifest.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        builder
            .append_data(&mut header, "demo-1.0.0/Cargo.toml", &manifest[..])
            .expect("append");
        builder.into_inner().expect("tar").finish().expect("gzip");

        let dir = tmp.path().join("src").join("demo-1.0.0");
        unpack(&archive, &dir).expect("unpacks");
        make_workspace_root(&dir.join("Cargo.toml")).expect("edits");
        make_workspace_root(&dir.join("Cargo.toml")).expect("idempotent");
        assert_eq!(
            std::fs::read_to_string(dir.join("Cargo.toml")).expect("read"),
            "[package]\nname = \"demo\"\n\n[workspace]\n"
        );
        let home = tmp.path().join("home");
        let index = home.join("registry/cache/index.example-0123");
        std::fs::create_dir_all(&index).expect("mkdir");
        std::fs::copy(&archive, index.join("demo-1.0.0.crate")).expect("copy");
        assert_eq!(
            find_crate_file(&home, "demo-1.0.0").expect("found"),
            index.join("demo-1.0.0.crate")
        );
        assert!(find_crate_file(&home, "demo-2.0.0").is_err());
    }
}
