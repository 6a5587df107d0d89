//! Stage `clippy`: a clippy that can lint the backend. The backend links
//! rustc 1.96.0's internal crates, and only a clippy built against that very
//! rustc can load them (rustup's stable or nightly clippy cannot).
//!
//! If the base toolchain has its own clippy (`bin/cargo-clippy` and
//! `bin/clippy-driver`, as rustup's `clippy` component of 1.96.0 gives),
//! that one is used and nothing is built. Otherwise clippy is built from its
//! source for this rustc (Debian's `rust-web-src` installs it at
//! `/usr/src/rustc-1.96.0/src/tools/clippy`; `clippy_source` in
//! `default-config.toml`). Its crates are copied into a workspace of their
//! own, `build/clippy-workspace/` (the manifest loses its test targets and
//! dev-dependencies, whose files the copy leaves out; files already equal
//! are not rewritten, so cargo rebuilds only what changed), with the rustc
//! source's `Cargo.lock` pinning every dependency's version, and cargo
//! builds `cargo-clippy` and `clippy-driver` with the base rustc and
//! `RUSTC_BOOTSTRAP=1` (target dir `build/clippy-target/`; dependencies come
//! from crates.io or cargo's cache).
//!
//! The two binaries are stored in `build/clippy/<16 hex>/`, assembled in a
//! temporary directory and renamed into place, so a half-written entry is
//! never used. The key hashes the stage version, every copied file, the
//! `Cargo.lock` and the base rustc's `rustc -vV`; a hit skips cargo. Both
//! binaries link `librustc_driver`: run them with [`Outputs::lib_dir`] on
//! `LD_LIBRARY_PATH`.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _};

use super::{cargo, StageError};
use crate::base::BaseToolchain;
use crate::fingerprint::{files_under, Fingerprint};
use crate::process::{clean_command, describe, Shell};
use crate::progress;

const STAGE: &str = "clippy";

/// Changing what the stage does to the same inputs means changing this.
const STAGE_VERSION: &str = "clif clippy v1";

/// The binaries: cargo's subcommand, and the rustc driver it runs (found
/// next to it).
const CARGO_CLIPPY: &str = "cargo-clippy";
const CLIPPY_DRIVER: &str = "clippy-driver";

/// What of the clippy source the build needs: the root package's files and
/// its path dependencies (an optional one must exist too).
const SOURCE_ENTRIES: &[&str] = &[
    "build.rs",
    "src",
    "clippy_config",
    "clippy_lints",
    "clippy_lints_internal",
    "clippy_utils",
    "declare_clippy_lint",
    "rustc_tools_util",
];

/// What the stage reads.
pub struct Inputs<'a> {
    pub base: &'a BaseToolchain,
    /// The rustc release the base toolchain reports (`1.96.0`); the clippy
    /// source must be its clippy (`0.1.96`).
    pub rustc_release: &'a str,
    /// The clippy source (`src/tools/clippy` of the rustc source).
    pub source: PathBuf,
    /// Where the generated workspace is written (`build/clippy-workspace/`).
    pub workspace_dir: PathBuf,
    /// Cargo's target dir (`build/clippy-target/`).
    pub target_dir: PathBuf,
    /// The cache of built clippies (`build/clippy/`).
    pub cache_dir: PathBuf,
}

/// What the stage produces.
pub struct Outputs {
    /// `cargo-clippy`, with `clippy-driver` in the same directory.
    pub cargo_clippy: PathBuf,
    /// The directory holding `librustc_driver-*.so` (the base's `lib/`).
    pub lib_dir: PathBuf,
}

/// The base toolchain's clippy, else the cached or freshly built one.
pub fn run(inputs: &Inputs<'_>, shell: Shell) -> anyhow::Result<Outputs> {
    let lib_dir = inputs.base.root.join("lib");
    let own = inputs.base.root.join("bin");
    if own.join(CARGO_CLIPPY).is_file() && own.join(CLIPPY_DRIVER).is_file() {
        progress::note(format!(
            "clippy: the base toolchain's own ({})",
            own.display()
        ));
        return Ok(Outputs {
            cargo_clippy: own.join(CARGO_CLIPPY),
            lib_dir,
        });
    }
    let lock = check_source(&inputs.source, inputs.rustc_release)?;
    let key = fingerprint(&inputs.source, &lock, &inputs.base.version_info).with_context(|| {
        format!(
            "cannot read the clippy source in {}",
            inputs.source.display()
        )
    })?;
    let entry = inputs.cache_dir.join(&key[..16]);
    let cargo_clippy = entry.join(CARGO_CLIPPY);
    if cargo_clippy.is_file() {
        progress::note(format!("clippy: up to date ({})", entry.display()));
        return Ok(Outputs {
            cargo_clippy,
            lib_dir,
        });
    }
    write_workspace(&inputs.source, &lock, &inputs.workspace_dir).with_context(|| {
        format!(
            "cannot write the clippy workspace {}",
            inputs.workspace_dir.display()
        )
    })?;
    let built = cargo_build(inputs, shell)?;
    store(&built, &inputs.cache_dir, &entry).with_context(|| {
        format!(
            "cannot copy clippy from {} into the cache {}",
            built.display(),
            entry.display()
        )
    })?;
    progress::note(format!("clippy: built and stored in {}", entry.display()));
    Ok(Outputs {
        cargo_clippy,
        lib_dir,
    })
}

/// Checks that `source` is the clippy of rustc `rustc_release` and returns
/// the rustc source's `Cargo.lock` (three levels up).
fn check_source(source: &Path, rustc_release: &str) -> anyhow::Result<PathBuf> {
    let manifest = source.join("Cargo.toml");
    let text = match std::fs::read_to_string(&manifest) {
        Ok(text) => text,
        Err(err) if err.kind() == io::ErrorKind::NotFound => bail!(
            "no clippy for the base toolchain: its bin/ has no {CARGO_CLIPPY} and \
             {} does not exist (install Debian's rust-web-src {rustc_release}: \
             tools/setup.sh does; or use a rustup toolchain {rustc_release} with the \
             clippy component as the base toolchain)",
            manifest.display()
        ),
        Err(err) => return Err(err).context(format!("cannot read {}", manifest.display())),
    };
    let version = package_version(&text)
        .with_context(|| format!("{} has no package.version", manifest.display()))?;
    let wanted = clippy_version(rustc_release);
    if version != wanted {
        bail!(
            "the clippy source {} is version {version}, but rustc {rustc_release}'s clippy is \
             {wanted}",
            source.display()
        );
    }
    let lock = source.join("../../../Cargo.lock");
    if !lock.is_file() {
        bail!(
            "{} does not exist: the clippy source must sit in a rustc source tree \
             (src/tools/clippy), whose Cargo.lock pins clippy's dependencies",
            lock.display()
        );
    }
    Ok(lock)
}

/// Clippy's crate version for a rustc release: `1.96.0` → `0.1.96`.
fn clippy_version(rustc_release: &str) -> String {
    let mut parts = rustc_release.split('.');
    let major = parts.next().unwrap_or_default();
    let minor = parts.next().unwrap_or_default();
    format!("0.{major}.{minor}")
}

/// `package.version` of a manifest.
fn package_version(manifest: &str) -> Option<String> {
    let table: toml::Table = toml::from_str(manifest).ok()?;
    Some(table.get("package")?.get("version")?.as_str()?.to_owned())
}

/// The cache key of the clippy source built by a given rustc.
fn fingerprint(source: &Path, lock: &Path, rustc_version_info: &str) -> io::Result<String> {
    let mut fp = Fingerprint::new(STAGE_VERSION);
    fp.add("Cargo.toml", &std::fs::read(source.join("Cargo.toml"))?);
    fp.add("Cargo.lock", &std::fs::read(lock)?);
    for rel in source_files(source)? {
        let bytes = std::fs::read(source.join(&rel))?;
        fp.add(&rel.to_string_lossy(), &bytes);
    }
    fp.add("rustc -vV", rustc_version_info.as_bytes());
    Ok(fp.finish())
}

/// Every file of [`SOURCE_ENTRIES`], relative to the source.
fn source_files(source: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in SOURCE_ENTRIES {
        let path = source.join(entry);
        if path.is_dir() {
            files.extend(
                files_under(&path)?
                    .into_iter()
                    .map(|rel| Path::new(entry).join(rel)),
            );
        } else {
            std::fs::metadata(&path)?;
            files.push(PathBuf::from(entry));
        }
    }
    Ok(files)
}

/// The root manifest as a workspace of its own, without test targets and
/// dev-dependencies.
fn workspace_manifest(manifest: &str) -> anyhow::Result<String> {
    let mut table: toml::Table = toml::from_str(manifest).context("clippy's Cargo.toml")?;
    for key in ["test", "dev-dependencies", "workspace"] {
        table.remove(key);
    }
    table.insert("workspace".to_owned(), toml::Table::new().into());
    Ok(toml::to_string(&table)?)
}

/// Makes `dir` a copy of the source's [`SOURCE_ENTRIES`] with the rewritten
/// manifest and the lock file. Files whose bytes are already right are left
/// alone (cargo rebuilds a path crate when a file's mtime changes), others
/// are written and files that are no longer part of the copy removed.
fn write_workspace(source: &Path, lock: &Path, dir: &Path) -> anyhow::Result<()> {
    let manifest = std::fs::read_to_string(source.join("Cargo.toml"))?;
    let mut wanted: BTreeMap<PathBuf, Vec<u8>> = BTreeMap::new();
    for rel in source_files(source)? {
        let bytes = std::fs::read(source.join(&rel))?;
        wanted.insert(rel, bytes);
    }
    wanted.insert(
        "Cargo.toml".into(),
        workspace_manifest(&manifest)?.into_bytes(),
    );
    wanted.insert("Cargo.lock".into(), std::fs::read(lock)?);
    if dir.is_dir() {
        for rel in files_under(dir)? {
            if !wanted.contains_key(&rel) {
                std::fs::remove_file(dir.join(rel))?;
            }
        }
    }
    for (rel, bytes) in wanted {
        let to = dir.join(&rel);
        if std::fs::read(&to).is_ok_and(|old| old == bytes) {
            continue;
        }
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(to, bytes)?;
    }
    Ok(())
}

/// Runs cargo and returns the directory holding both binaries.
fn cargo_build(inputs: &Inputs<'_>, shell: Shell) -> anyhow::Result<PathBuf> {
    let mut cmd = clean_command(cargo::cargo_program());
    cmd.args(["build", "--release", "--manifest-path"])
        .arg(inputs.workspace_dir.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(&inputs.target_dir)
        .args(["--bin", CARGO_CLIPPY, "--bin", CLIPPY_DRIVER])
        .env("RUSTC", &inputs.base.rustc)
        .env("RUSTC_BOOTSTRAP", "1");
    cargo::build(
        &mut cmd,
        "building clippy with cargo",
        STAGE,
        &inputs.target_dir,
        shell,
    )?;
    let built = inputs.target_dir.join("release");
    for bin in [CARGO_CLIPPY, CLIPPY_DRIVER] {
        if !built.join(bin).is_file() {
            return Err(StageError {
                stage: STAGE,
                summary: format!(
                    "cargo succeeded but {} does not exist",
                    built.join(bin).display()
                ),
                command: describe(&cmd),
                output: String::new(),
            }
            .into());
        }
    }
    Ok(built)
}

/// Copies both binaries into a fresh directory and renames it to `entry`.
fn store(built: &Path, cache_dir: &Path, entry: &Path) -> io::Result<()> {
    std::fs::create_dir_all(cache_dir)?;
    let tmp = tempfile::Builder::new()
        .prefix(".tmp-")
        .tempdir_in(cache_dir)?;
    for bin in [CARGO_CLIPPY, CLIPPY_DRIVER] {
        std::fs::copy(built.join(bin), tmp.path().join(bin))?;
    }
    match std::fs::rename(tmp.path(), entry) {
        Ok(()) => Ok(()),
        // Another run stored the same entry first; it is equally good.
        Err(_) if entry.join(CARGO_CLIPPY).is_file() => Ok(()),
        Err(err) => Err(err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = r#"
[package]
name = "clippy"
version = "0.1.96"

[[bin]]
name = "clippy-driver"
path = "src/driver.rs"

[dependencies]
clippy_lints = { path = "clippy_lints" }

[dev-dependencies]
ui_test = "0.30.2"

[dev-dependencies.toml]
version = "0.9.7"

[[test]]
name = "compile-test"
harness = false
"#;

    #[test]
    fn the_workspace_manifest_drops_tests_and_dev_dependencies() {
        let text = workspace_manifest(MANIFEST).expect("rewrites");
        let table: toml::Table = toml::from_str(&text).expect("valid TOML");
        assert!(table.get("test").is_none(), "{text}");
        assert!(table.get("dev-dependencies").is_none(), "{text}");
        assert_eq!(table.get("workspace"), Some(&toml::Table::new().into()));
        assert_eq!(table["bin"][0]["name"].as_str(), Some("clippy-driver"));
        assert!(table["dependencies"].get("clippy_lints").is_some());
    }

    #[test]
    fn versions_follow_rustc() {
        assert_eq!(clippy_version("1.96.0"), "0.1.96");
        assert_eq!(package_version(MANIFEST).as_deref(), Some("0.1.96"));
        assert_eq!(package_version("[workspace]\n"), None);
    }

    fn source_tree(version: &str) -> tempfile::TempDir {
        let tmp = tempfile::tempdir().expect("tempdir");
        let source = tmp.path().join("src/tools/clippy");
        for entry in SOURCE_ENTRIES {
            let path = if *entry == "build.rs" {
                source.join(entry)
            } else {
                source.join(entry).join("lib.rs")
            };
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, entry).expect("write");
        }
        let manifest = MANIFEST.replace("0.1.96", version);
        std::fs::write(source.join("Cargo.toml"), manifest).expect("write");
        std::fs::write(source.join("README.md"), "not an input").expect("write");
        std::fs::write(tmp.path().join("Cargo.lock"), "version = 4\n").expect("write");
        tmp
    }

    #[test]
    fn the_source_must_match_the_rustc_release() {
        let tree = source_tree("0.1.95");
        let source = tree.path().join("src/tools/clippy");
        let err = check_source(&source, "1.96.0").expect_err("wrong version");
        assert!(err.to_string().contains("0.1.95"), "{err}");
        let missing = check_source(&tree.path().join("nowhere"), "1.96.0").expect_err("missing");
        assert!(missing.to_string().contains("rust-web-src"), "{missing}");
    }

    #[test]
    fn the_workspace_holds_the_inputs_and_the_key_follows_them() {
        let tree = source_tree("0.1.96");
        let source = tree.path().join("src/tools/clippy");
        let lock = check_source(&source, "1.96.0").expect("valid source");
        let key = fingerprint(&source, &lock, "rustc 1.96.0").expect("fp");
        let ws = tree.path().join("ws");
        write_workspace(&source, &lock, &ws).expect("written");
        assert!(ws.join("clippy_lints/lib.rs").is_file());
        assert!(ws.join("build.rs").is_file());
        assert!(!ws.join("README.md").exists());
        assert_eq!(
            std::fs::read_to_string(ws.join("Cargo.lock")).expect("lock"),
            "version = 4\n"
        );
        // Written again: stale files go, changed files are restored,
        // unchanged ones keep their modification time.
        let mtime = |rel: &str| {
            std::fs::metadata(ws.join(rel))
                .and_then(|m| m.modified())
                .expect("mtime")
        };
        let kept = mtime("clippy_lints/lib.rs");
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(ws.join("stale"), "").expect("write");
        std::fs::write(ws.join("build.rs"), "edited").expect("write");
        write_workspace(&source, &lock, &ws).expect("rewritten");
        assert!(!ws.join("stale").exists());
        assert_eq!(
            std::fs::read_to_string(ws.join("build.rs")).expect("read"),
            "build.rs"
        );
        assert_eq!(mtime("clippy_lints/lib.rs"), kept);

        std::fs::write(source.join("README.md"), "changed").expect("write");
        assert_eq!(
            key,
            fingerprint(&source, &lock, "rustc 1.96.0").expect("fp")
        );
        std::fs::write(source.join("clippy_utils/lib.rs"), "changed").expect("write");
        let changed = fingerprint(&source, &lock, "rustc 1.96.0").expect("fp");
        assert_ne!(key, changed);
        assert_ne!(
            changed,
            fingerprint(&source, &lock, "rustc 1.96.1").expect("fp")
        );
    }

    #[test]
    fn store_renames_a_complete_directory_into_place() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let built = tmp.path().join("release");
        std::fs::create_dir_all(&built).expect("mkdir");
        std::fs::write(built.join(CARGO_CLIPPY), "a").expect("write");
        let cache = tmp.path().join("cache");
        let entry = cache.join("0123456789abcdef");
        // A missing binary leaves no entry behind.
        assert!(store(&built, &cache, &entry).is_err());
        assert!(!entry.exists());
        std::fs::write(built.join(CLIPPY_DRIVER), "b").expect("write");
        store(&built, &cache, &entry).expect("stored");
        assert_eq!(
            std::fs::read(entry.join(CLIPPY_DRIVER)).expect("read"),
            b"b"
        );
        assert_eq!(std::fs::read_dir(&cache).expect("ls").count(), 1);
    }
}
