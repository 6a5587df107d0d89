//! Stage `backend`: compiles `backend/` (the `rustc_codegen_clif` dylib) with
//! the base toolchain through cargo and stores the result in a
//! content-addressed cache, `build/backend/<16 hex>/librustc_codegen_clif.so`.
//! The key hashes the backend's Cargo.toml, Cargo.lock, build.rs and every
//! file under src/, plus the base rustc's `rustc -vV`; a hit skips cargo.

use std::ffi::OsStr;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context as _};

use super::{cargo, store_in_cache, StageError};
use crate::base::BaseToolchain;
use crate::fingerprint::{files_under, Fingerprint};
use crate::process::{clean_command, describe, Shell};
use crate::progress;

const STAGE: &str = "backend";

/// File name of the backend dylib cargo produces.
pub const DYLIB: &str = "librustc_codegen_clif.so";

/// What the stage reads.
pub struct Inputs<'a> {
    pub base: &'a BaseToolchain,
    /// The backend crate (`backend/`).
    pub backend_dir: PathBuf,
    /// Cargo's target dir (`build/backend-target/`).
    pub target_dir: PathBuf,
    /// The cache of built backends (`build/backend/`).
    pub cache_dir: PathBuf,
}

/// What the stage produces.
pub struct Outputs {
    /// The cached backend dylib, for `-Zcodegen-backend=`.
    pub dylib: PathBuf,
}

/// Builds the backend unless the cache already has it.
pub fn run(inputs: &Inputs<'_>, shell: Shell) -> anyhow::Result<Outputs> {
    let manifest = inputs.backend_dir.join("Cargo.toml");
    if !manifest.is_file() {
        bail!(
            "{} does not exist: the backend crate is missing from this checkout",
            manifest.display()
        );
    }
    let key = fingerprint(&inputs.backend_dir, &inputs.base.version_info).with_context(|| {
        format!(
            "cannot read the backend sources in {}",
            inputs.backend_dir.display()
        )
    })?;
    let entry = inputs.cache_dir.join(&key[..16]);
    let dylib = entry.join(DYLIB);
    if dylib.is_file() {
        progress::note(format!("backend: up to date ({})", dylib.display()));
        return Ok(Outputs { dylib });
    }

    let built = cargo_build(inputs, shell)?;
    store_in_cache(&built, &entry, DYLIB).with_context(|| {
        format!(
            "cannot copy {} into the backend cache {}",
            built.display(),
            entry.display()
        )
    })?;
    progress::note(format!("backend: built and stored in {}", entry.display()));
    Ok(Outputs { dylib })
}

/// The cache key of the backend sources compiled by a given rustc.
pub fn fingerprint(backend_dir: &Path, rustc_version_info: &str) -> io::Result<String> {
    let mut fp = Fingerprint::new("rustc_codegen_clif backend v1");
    for name in ["Cargo.toml", "Cargo.lock", "build.rs"] {
        match std::fs::read(backend_dir.join(name)) {
            Ok(bytes) => fp.add(name, &bytes),
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                fp.add(&format!("{name} (absent)"), b"");
            }
            Err(err) => return Err(err),
        }
    }
    let src = backend_dir.join("src");
    for rel in files_under(&src)? {
        let bytes = std::fs::read(src.join(&rel))?;
        fp.add(&format!("src/{}", rel.to_string_lossy()), &bytes);
    }
    fp.add("rustc -vV", rustc_version_info.as_bytes());
    Ok(fp.finish())
}

/// `program` (cargo, or a cargo subcommand such as `cargo-clippy`) with
/// `args`, then `--release`, the backend's manifest and target dir, and the
/// base toolchain as the compiler (`RUSTC`, `RUSTDOC`, `RUSTC_BOOTSTRAP=1`):
/// the way every command on the backend's workspace runs, so that they
/// share the dependencies built in `target_dir`.
pub fn cargo_command(
    program: impl AsRef<OsStr>,
    args: &[&str],
    base: &BaseToolchain,
    backend_dir: &Path,
    target_dir: &Path,
) -> Command {
    let mut cmd = clean_command(program);
    cmd.args(args)
        .arg("--release")
        .arg("--manifest-path")
        .arg(backend_dir.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(target_dir)
        .env("RUSTC", &base.rustc)
        .env("RUSTC_BOOTSTRAP", "1");
    if let Some(rustdoc) = &base.rustdoc {
        cmd.env("RUSTDOC", rustdoc);
    }
    cmd
}

/// Runs cargo and returns the dylib it produced.
fn cargo_build(inputs: &Inputs<'_>, shell: Shell) -> anyhow::Result<PathBuf> {
    let mut cmd = cargo_command(
        cargo::cargo_program(),
        &["build"],
        inputs.base,
        &inputs.backend_dir,
        &inputs.target_dir,
    );
    cargo::build(
        &mut cmd,
        "building the backend with cargo",
        STAGE,
        &inputs.target_dir,
        shell,
    )?;
    let built = inputs.target_dir.join("release").join(DYLIB);
    if !built.is_file() {
        return Err(StageError {
            stage: STAGE,
            summary: format!(
                "cargo succeeded but {} does not exist (is backend/ a `dylib` crate named \
                 rustc_codegen_clif?)",
                built.display()
            ),
            command: describe(&cmd),
            output: String::new(),
        }
        .into());
    }
    Ok(built)
}

#[cfg(test)]
mod tests {
    use super::*;

    const VERSION: &str = "rustc 1.96.0\nrelease: 1.96.0\n";

    fn write(root: &Path, rel: &str, text: &str) {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    fn backend(files: &[(&str, &str)]) -> tempfile::TempDir {
        let tmp = tempfile::tempdir().expect("tempdir");
        for (rel, text) in files {
            write(tmp.path(), rel, text);
        }
        tmp
    }

    const FILES: &[(&str, &str)] = &[
        ("Cargo.toml", "[package]\nname = \"rustc_codegen_clif\"\n"),
        ("Cargo.lock", "version = 4\n"),
        ("src/lib.rs", "mod abi;\n"),
        ("src/abi/mod.rs", "// abi\n"),
        ("src/base.rs", "// base\n"),
    ];

    #[test]
    fn fingerprint_is_stable_and_independent_of_creation_order() {
        let a = backend(FILES);
        let reversed: Vec<_> = FILES.iter().rev().copied().collect();
        let b = backend(&reversed);
        let fa = fingerprint(a.path(), VERSION).expect("fp");
        assert_eq!(fa, fingerprint(a.path(), VERSION).expect("fp"));
        assert_eq!(fa, fingerprint(b.path(), VERSION).expect("fp"));
        assert_eq!(fa.len(), 64);
    }

    #[test]
    fn fingerprint_changes_with_any_input() {
        let base = backend(FILES);
        let reference = fingerprint(base.path(), VERSION).expect("fp");
        let changed = |edit: &dyn Fn(&Path)| {
            let dir = backend(FILES);
            edit(dir.path());
            fingerprint(dir.path(), VERSION).expect("fp")
        };
        assert_ne!(
            reference,
            changed(&|d| write(d, "src/base.rs", "// changed\n"))
        );
        assert_ne!(reference, changed(&|d| write(d, "src/new.rs", "")));
        assert_ne!(
            reference,
            changed(&|d| write(d, "Cargo.lock", "version = 3\n"))
        );
        assert_ne!(
            reference,
            changed(&|d| write(d, "build.rs", "fn main() {}\n"))
        );
        assert_ne!(
            reference,
            changed(&|d| {
                std::fs::rename(d.join("src/base.rs"), d.join("src/base2.rs")).expect("rename")
            })
        );
        assert_ne!(
            reference,
            changed(&|d| std::fs::remove_file(d.join("Cargo.lock")).expect("rm"))
        );
        assert_ne!(
            reference,
            fingerprint(base.path(), "rustc 1.96.1\n").expect("fp")
        );
        // Files outside the inputs do not matter.
        assert_eq!(reference, changed(&|d| write(d, "target/junk", "x")));
    }
}
