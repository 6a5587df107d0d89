//! The rustlantis program generator, built once per content of its sources:
//! the sources (read-only in CI) are copied into
//! `BUILD_DIR/fuzz/rustlantis-src/`, built there with the machine's cargo
//! (`cargo build --release --locked -p generate`, `RUSTC_BOOTSTRAP=1`: the
//! generator uses nightly features) into `BUILD_DIR/fuzz/rustlantis-target/`,
//! and the binary is stored with its `config.toml` (rustlantis'
//! `config.toml.example`; the generator reads `config.toml` from its working
//! directory) in `BUILD_DIR/fuzz/generator/<16 hex>/`, keyed by a hash of
//! every source file. A hit runs no cargo at all.

use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use anyhow::{bail, Context as _};

use crate::fingerprint::{files_under, Fingerprint};
use crate::process::{clean_command, Captured, Shell};
use crate::progress;
use crate::stages::{cargo, StageError};

const STAGE: &str = "rustlantis";

/// Generating one program may take this long.
const GENERATE_TIMEOUT: Duration = Duration::from_secs(60);

/// Directories of a rustlantis checkout that are not sources.
const NOT_SOURCES: &[&str] = &["target", ".git", "repros"];

/// A built generator.
#[derive(Debug, Clone)]
pub struct Generator {
    /// The cache entry: the `generate` binary and its `config.toml`.
    dir: PathBuf,
}

impl Generator {
    /// Builds the generator from the rustlantis checkout `source` unless the
    /// cache under `fuzz_dir` has it.
    pub fn build(source: &Path, fuzz_dir: &Path, shell: Shell) -> anyhow::Result<Self> {
        if !source.join("generate").join("Cargo.toml").is_file() {
            bail!(
                "{} is not a rustlantis checkout (it has no generate/Cargo.toml)",
                source.display()
            );
        }
        let files = source_files(source).with_context(|| {
            format!("cannot read the rustlantis sources in {}", source.display())
        })?;
        let key = fingerprint(source, &files).with_context(|| {
            format!("cannot read the rustlantis sources in {}", source.display())
        })?;
        let dir = fuzz_dir.join("generator").join(&key[..16]);
        if dir.join("generate").is_file() {
            progress::note(format!("rustlantis: up to date ({})", dir.display()));
            return Ok(Self { dir });
        }
        let copy = fuzz_dir.join("rustlantis-src");
        copy_sources(source, &files, &copy)
            .with_context(|| format!("cannot copy {} to {}", source.display(), copy.display()))?;
        let target_dir = fuzz_dir.join("rustlantis-target");
        let built = cargo_build(&copy, &target_dir, shell)?;
        store(&built, &copy.join("config.toml.example"), &dir)
            .with_context(|| format!("cannot store the generator in {}", dir.display()))?;
        progress::note(format!("rustlantis: built and stored in {}", dir.display()));
        Ok(Self { dir })
    }

    /// Runs the generator for `seed`; its stdout is the program.
    pub fn generate(&self, seed: u64, shell: Shell) -> io::Result<Captured> {
        let mut cmd = Command::new(self.dir.join("generate"));
        cmd.arg(seed.to_string()).current_dir(&self.dir);
        super::seed::own_process_group(&mut cmd);
        shell.capture(&mut cmd, GENERATE_TIMEOUT)
    }
}

/// Every source file of the checkout, relative to it, sorted.
fn source_files(source: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = files_under(source)?;
    files.retain(|rel| {
        rel.components()
            .next()
            .is_none_or(|first| !NOT_SOURCES.iter().any(|skip| first.as_os_str() == *skip))
    });
    Ok(files)
}

/// The cache key: every source file's path and bytes.
fn fingerprint(source: &Path, files: &[PathBuf]) -> io::Result<String> {
    let mut fp = Fingerprint::new("rustlantis generator v1");
    for rel in files {
        fp.add(&rel.to_string_lossy(), &std::fs::read(source.join(rel))?);
    }
    Ok(fp.finish())
}

/// Replaces `copy` with a writable copy of `files` from `source`.
fn copy_sources(source: &Path, files: &[PathBuf], copy: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    match std::fs::remove_dir_all(copy) {
        Err(err) if err.kind() != io::ErrorKind::NotFound => return Err(err),
        _ => {}
    }
    for rel in files {
        let to = copy.join(rel);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::copy(source.join(rel), &to)?;
        // The originals may be read-only; the copy must stay replaceable.
        let mut permissions = std::fs::metadata(&to)?.permissions();
        permissions.set_mode(permissions.mode() | 0o600);
        std::fs::set_permissions(&to, permissions)?;
    }
    Ok(())
}

/// Builds `generate` in the copied workspace; returns the binary.
fn cargo_build(workspace: &Path, target_dir: &Path, shell: Shell) -> anyhow::Result<PathBuf> {
    let mut cmd = clean_command(cargo::cargo_program());
    cmd.args([
        "build",
        "--release",
        "--locked",
        "-p",
        "generate",
        "--manifest-path",
    ])
    .arg(workspace.join("Cargo.toml"))
    .arg("--target-dir")
    .arg(target_dir)
    .env("RUSTC_BOOTSTRAP", "1");
    cargo::build(
        &mut cmd,
        "building rustlantis with cargo",
        STAGE,
        target_dir,
        shell,
    )?;
    let built = target_dir.join("release").join("generate");
    if !built.is_file() {
        return Err(StageError {
            stage: STAGE,
            summary: format!("cargo succeeded but {} does not exist", built.display()),
            command: crate::process::describe(&cmd),
            output: String::new(),
        }
        .into());
    }
    Ok(built)
}

/// Copies the binary and the configuration into the cache entry; the binary
/// appears last, so an entry with a `generate` is complete.
fn store(built: &Path, config: &Path, entry: &Path) -> io::Result<()> {
    std::fs::create_dir_all(entry)?;
    std::fs::copy(config, entry.join("config.toml"))?;
    let tmp = entry.join(format!(".generate.tmp-{}", std::process::id()));
    std::fs::copy(built, &tmp)?;
    std::fs::rename(&tmp, entry.join("generate"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, rel: &str, text: &str) {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    fn key(root: &Path) -> String {
        fingerprint(root, &source_files(root).expect("files")).expect("fp")
    }

    #[test]
    fn the_key_covers_sources_but_not_build_products() {
        let tmp = tempfile::tempdir().expect("tempdir");
        write(tmp.path(), "Cargo.toml", "[workspace]\n");
        write(tmp.path(), "generate/src/main.rs", "fn main() {}\n");
        let reference = key(tmp.path());
        write(tmp.path(), "target/release/generate", "binary");
        write(tmp.path(), "repros/1.rs", "repro");
        assert_eq!(key(tmp.path()), reference);
        write(tmp.path(), "generate/src/main.rs", "fn main() { }\n");
        assert_ne!(key(tmp.path()), reference);
    }

    #[test]
    fn read_only_sources_are_copied_writable_and_replaced() {
        use std::os::unix::fs::PermissionsExt as _;
        let tmp = tempfile::tempdir().expect("tempdir");
        let source = tmp.path().join("src");
        write(&source, "a/b.rs", "b");
        let file = source.join("a/b.rs");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).expect("chmod");
        let copy = tmp.path().join("copy");
        let files = source_files(&source).expect("files");
        copy_sources(&source, &files, &copy).expect("first copy");
        copy_sources(&source, &files, &copy).expect("second copy replaces the first");
        assert_eq!(
            std::fs::read_to_string(copy.join("a/b.rs")).expect("read"),
            "b"
        );
    }
}
