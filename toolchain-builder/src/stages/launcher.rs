//! Stage `launcher`: compiles `launcher/` (the program that is the
//! toolchain's `bin/rustc` and `bin/rustdoc`) for the host with the base
//! rustc and stores it in a content-addressed cache,
//! `build/launcher/<16 hex>/clif-launcher`. The key hashes the launcher's
//! Cargo.toml and src/, the workspace's Cargo.toml and the base rustc's
//! `rustc -vV`; a hit skips cargo.

use std::io;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::{cargo, store_in_cache, StageError};
use crate::base::BaseToolchain;
use crate::fingerprint::{files_under, Fingerprint};
use crate::process::{clean_command, describe, Shell};
use crate::progress;

const STAGE: &str = "launcher";

/// The program's file name.
const PROGRAM: &str = "clif-launcher";

/// What the stage reads.
pub struct Inputs<'a> {
    pub base: &'a BaseToolchain,
    /// The repository (its `Cargo.toml` and `launcher/`).
    pub repo: &'a Path,
    /// Cargo's target dir (`build/launcher-target/`).
    pub target_dir: PathBuf,
    /// The cache of built launchers (`build/launcher/`).
    pub cache_dir: PathBuf,
}

/// Builds the launcher unless the cache has it; returns its path.
pub fn run(inputs: &Inputs<'_>, shell: Shell) -> anyhow::Result<PathBuf> {
    let key = fingerprint(inputs.repo, &inputs.base.version_info).with_context(|| {
        format!(
            "cannot read the launcher sources in {}",
            inputs.repo.join("launcher").display()
        )
    })?;
    let entry = inputs.cache_dir.join(&key[..16]);
    let program = entry.join(PROGRAM);
    if program.is_file() {
        progress::note(format!("launcher: up to date ({})", program.display()));
        return Ok(program);
    }
    let mut cmd = clean_command(cargo::cargo_program());
    cmd.args(["build", "--release", "--locked", "--bin", PROGRAM])
        .arg("--manifest-path")
        .arg(inputs.repo.join("launcher").join("Cargo.toml"))
        .arg("--target-dir")
        .arg(&inputs.target_dir)
        .env("RUSTC", &inputs.base.rustc);
    cargo::build(
        &mut cmd,
        "building the launcher with cargo",
        STAGE,
        &inputs.target_dir,
        shell,
    )?;
    let built = inputs.target_dir.join("release").join(PROGRAM);
    if !built.is_file() {
        return Err(StageError {
            stage: STAGE,
            summary: format!("cargo succeeded but {} does not exist", built.display()),
            command: describe(&cmd),
            output: String::new(),
        }
        .into());
    }
    store_in_cache(&built, &entry, PROGRAM)
        .with_context(|| format!("cannot store the launcher in {}", entry.display()))?;
    progress::note(format!("launcher: built and stored in {}", entry.display()));
    Ok(program)
}

/// The cache key of the launcher sources compiled by a given rustc.
fn fingerprint(repo: &Path, rustc_version_info: &str) -> io::Result<String> {
    let mut fp = Fingerprint::new("clif launcher v1");
    fp.add("Cargo.toml", &std::fs::read(repo.join("Cargo.toml"))?);
    let dir = repo.join("launcher");
    fp.add(
        "launcher/Cargo.toml",
        &std::fs::read(dir.join("Cargo.toml"))?,
    );
    let src = dir.join("src");
    for rel in files_under(&src)? {
        let bytes = std::fs::read(src.join(&rel))?;
        fp.add(&format!("src/{}", rel.to_string_lossy()), &bytes);
    }
    fp.add("rustc -vV", rustc_version_info.as_bytes());
    Ok(fp.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_follows_the_sources_only() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let repo = tmp.path();
        let write = |rel: &str, text: &str| {
            let path = repo.join(rel);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        };
        write("Cargo.toml", "[workspace]\n");
        write("launcher/Cargo.toml", "[package]\n");
        write("launcher/src/main.rs", "fn main() {}\n");
        let key = || fingerprint(repo, "rustc 1.96.0\n").expect("fp");
        let first = key();
        write("launcher/tests/launcher.rs", "// tests\n");
        assert_eq!(first, key());
        write("launcher/src/plan.rs", "// new\n");
        assert_ne!(first, key());
        let second = key();
        assert_ne!(second, fingerprint(repo, "rustc 1.96.1\n").expect("fp"));
    }
}
