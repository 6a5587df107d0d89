//! Stage `sysroot`: compiles the standard library (core, alloc, std, test,
//! proc_macro and their dependencies) for one target from the base
//! toolchain's rust-src with a codegen backend (normally ours), and stores
//! the rlibs in a content-addressed sysroot,
//! `build/sysroot/<16 hex>/lib/rustlib/<triple>/lib/`.
//!
//! Cargo builds a generated one-crate workspace (`sysroot/Cargo.toml.in`,
//! see `sysroot/README.md` for why) offline against rust-src's `vendor/`,
//! with the base rustc, `RUSTC_BOOTSTRAP=1`,
//! `__CARGO_DEFAULT_LIB_METADATA=clif-sysroot` (so the library's symbol
//! hashes differ from any user crate's) and [`rustflags`]. Because
//! `--target` is given, RUSTFLAGS reach only the target crates: build
//! scripts are compiled by the base rustc with LLVM. As in the standard
//! library rustup ships, std has the `panic-unwind` feature and both panic
//! runtimes are built (`panic_unwind`, the default, and `panic_abort`, for
//! `-Cpanic=abort`).
//!
//! The key hashes the stage version, the backend dylib's bytes (or `llvm`),
//! the base rustc's `rustc -vV`, the triple, the flags and the template; a
//! hit skips cargo. A new entry is assembled in a temporary directory and
//! renamed into place, so a half-written sysroot is never used.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitStatus;

use anyhow::{bail, Context as _};

use super::{cargo, StageError};
use crate::base::BaseToolchain;
use crate::codegen::CodegenBackend;
use crate::fingerprint::{sha256_file, Fingerprint};
use crate::process::{clean_command, describe, Shell};
use crate::progress;
use crate::targets::TargetSpec;

const STAGE: &str = "sysroot";

/// Changing what the stage does to the same inputs means changing this.
const STAGE_VERSION: &str = "clif sysroot v1";

/// The placeholder for the library path in `sysroot/Cargo.toml.in`.
const LIBRARY_PLACEHOLDER: &str = "@LIBRARY@";

/// The generated workspace's own crate; its rlib is not part of the sysroot.
const ROOT_CRATE: &str = "clif_sysroot";

/// `__CARGO_DEFAULT_LIB_METADATA`: mixed into every library crate's
/// `-Cmetadata`, so std's symbols never collide with a user crate's.
pub const LIB_METADATA: &str = "clif-sysroot";

/// Crates a usable sysroot must contain.
const REQUIRED_CRATES: &[&str] = &[
    "core",
    "alloc",
    "std",
    "panic_abort",
    "panic_unwind",
    "unwind",
    "compiler_builtins",
    "test",
    "proc_macro",
];

/// The prefix of the backend's "cannot compile this" diagnostics.
const UNSUPPORTED_PREFIX: &str = "error: the clif backend does not support ";

/// Show at most this many distinct unsupported constructs in a failure.
const MAX_UNSUPPORTED_SHOWN: usize = 20;

/// What the stage reads.
pub struct Inputs<'a> {
    pub base: &'a BaseToolchain,
    /// The backend that compiles the library (LLVM only in developer mode).
    pub backend: &'a CodegenBackend,
    pub target: &'a TargetSpec,
    /// `sysroot/Cargo.toml.in`.
    pub template: PathBuf,
    /// Where the generated workspace is written (`build/sysroot-workspace/`).
    pub workspace_dir: PathBuf,
    /// Cargo's target dir (`build/sysroot-target/<backend>/<triple>/`).
    pub target_dir: PathBuf,
    /// The cache of built sysroots (`build/sysroot/`).
    pub cache_dir: PathBuf,
}

/// What the stage produces.
pub struct Outputs {
    /// The sysroot: `lib/rustlib/<triple>/lib/*.rlib` under it.
    pub root: PathBuf,
    /// The cache key (the entry's directory name, 16 hex digits).
    pub key: String,
}

/// The target's library directory inside a sysroot.
pub fn target_libdir(sysroot: &Path, triple: &str) -> PathBuf {
    sysroot.join("lib").join("rustlib").join(triple).join("lib")
}

/// The flags every library crate is compiled with.
pub fn rustflags(backend: &CodegenBackend, target: &TargetSpec) -> anyhow::Result<Vec<String>> {
    let mut flags = Vec::new();
    if matches!(backend, CodegenBackend::Llvm) {
        // As rustup's std: LLVM bitcode next to the machine code, so that
        // programs can be built with `-Clto` against it (the LLVM reference
        // std of a cross target; the Cranelift one has no bitcode).
        flags.push("-Cembed-bitcode=yes".to_owned());
    }
    if let Some(flag) = backend.flag() {
        let Some(flag) = flag.to_str() else {
            bail!(
                "the backend path in `{}` is not UTF-8",
                flag.to_string_lossy()
            );
        };
        flags.push(flag.to_owned());
    }
    flags.extend(
        [
            // Crates.io dependencies of std stay unusable from stable code.
            "-Zforce-unstable-if-unmarked",
            "-Cdebuginfo=0",
        ]
        .map(str::to_owned),
    );
    flags.push(format!("-Clinker={}", target.linker));
    Ok(flags)
}

/// Builds the sysroot unless the cache already has it.
pub fn run(inputs: &Inputs<'_>, shell: Shell) -> anyhow::Result<Outputs> {
    let library = library_dir(inputs.base);
    for needed in ["Cargo.lock", "vendor", "std"] {
        if !library.join(needed).exists() {
            bail!(
                "{} does not exist: the base toolchain's rust-src is incomplete (reinstall \
                 the rust-src component)",
                library.join(needed).display()
            );
        }
    }
    let template = std::fs::read_to_string(&inputs.template)
        .with_context(|| format!("cannot read {}", inputs.template.display()))?;
    let mut flags = rustflags(inputs.backend, inputs.target)?;
    flags.extend(source_remap(inputs.base, &library)?);
    let backend_id = backend_identity(inputs.backend)?;
    let key = fingerprint(&KeyParts {
        backend: &backend_id,
        rustc_version_info: &inputs.base.version_info,
        triple: &inputs.target.triple,
        rustflags: &flags,
        template: &template,
    });
    let key = key[..16].to_owned();
    let entry = inputs.cache_dir.join(&key);
    let triple = &inputs.target.triple;
    if target_libdir(&entry, triple).is_dir() {
        progress::note(format!("sysroot: up to date ({})", entry.display()));
        return Ok(Outputs { root: entry, key });
    }

    write_workspace(&inputs.workspace_dir, &template, &library).with_context(|| {
        format!(
            "cannot write the sysroot workspace {}",
            inputs.workspace_dir.display()
        )
    })?;
    let rlibs = cargo_build(inputs, &library, &flags, shell)?;
    store(&rlibs, &inputs.cache_dir, &entry, triple).with_context(|| {
        format!(
            "cannot store the sysroot in the cache {}",
            inputs.cache_dir.display()
        )
    })?;
    progress::note(format!("sysroot: built and stored in {}", entry.display()));
    Ok(Outputs { root: entry, key })
}

/// The file whose path in the base's libcore shows where its sources were
/// said to be.
const CORE_MARKER: &str = "/library/core/src/panicking.rs";

/// `--remap-path-prefix=<rust-src>=<the base's virtual source dir>`: the
/// base's own std was built with its sources remapped (`/rustc/<commit>`
/// for rustup's, `/usr/src/rustc-1.96.0` for Debian's), and paths inside
/// std (panic locations in core, backtraces) must read the same in ours.
/// The virtual directory is read from the base's libcore, where it precedes
/// [`CORE_MARKER`]; `None` if no libcore names one.
fn source_remap(base: &BaseToolchain, library: &Path) -> anyhow::Result<Option<String>> {
    let rustlib = base.root.join("lib").join("rustlib");
    let mut cores = Vec::new();
    for target in
        std::fs::read_dir(&rustlib).with_context(|| format!("cannot list {}", rustlib.display()))?
    {
        let Ok(dir) = std::fs::read_dir(target?.path().join("lib")) else {
            continue;
        };
        for file in dir {
            let path = file?.path();
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            if name.starts_with("libcore-") && name.ends_with(".rlib") {
                cores.push(path);
            }
        }
    }
    cores.sort();
    for core in cores {
        let bytes =
            std::fs::read(&core).with_context(|| format!("cannot read {}", core.display()))?;
        if let Some(virtual_base) = virtual_source_base(&bytes) {
            let real = library.parent().unwrap_or(library);
            return Ok(Some(format!(
                "--remap-path-prefix={}={virtual_base}",
                real.display()
            )));
        }
    }
    Ok(None)
}

/// The directory before the first [`CORE_MARKER`] in `bytes`, if it is an
/// absolute path.
fn virtual_source_base(bytes: &[u8]) -> Option<String> {
    let marker = CORE_MARKER.as_bytes();
    let at = bytes.windows(marker.len()).position(|w| w == marker)?;
    let is_path_byte = |b: &u8| b.is_ascii_alphanumeric() || b"/._-+".contains(b);
    let start = bytes[..at]
        .iter()
        .rposition(|b| !is_path_byte(b))
        .map_or(0, |i| i + 1);
    let base = std::str::from_utf8(&bytes[start..at]).ok()?;
    base.starts_with('/').then(|| base.to_owned())
}

/// `lib/rustlib/src/rust/library` of the base toolchain.
fn library_dir(base: &BaseToolchain) -> PathBuf {
    base.root
        .join("lib")
        .join("rustlib")
        .join("src")
        .join("rust")
        .join("library")
}

/// `llvm`, or the backend dylib's SHA-256.
fn backend_identity(backend: &CodegenBackend) -> anyhow::Result<String> {
    match backend {
        CodegenBackend::Llvm => Ok("llvm".to_owned()),
        CodegenBackend::Dylib(dylib) => {
            let hash = sha256_file(dylib, None)
                .with_context(|| format!("cannot read the backend {}", dylib.display()))?;
            Ok(format!("clif {hash}"))
        }
    }
}

/// Everything the sysroot depends on.
struct KeyParts<'a> {
    backend: &'a str,
    rustc_version_info: &'a str,
    triple: &'a str,
    rustflags: &'a [String],
    template: &'a str,
}

/// The cache key (hex) of a sysroot.
fn fingerprint(parts: &KeyParts<'_>) -> String {
    let mut fp = Fingerprint::new(STAGE_VERSION);
    fp.add("backend", parts.backend.as_bytes());
    fp.add("rustc -vV", parts.rustc_version_info.as_bytes());
    fp.add("triple", parts.triple.as_bytes());
    for flag in parts.rustflags {
        fp.add("rustflag", flag.as_bytes());
    }
    fp.add("lib metadata", LIB_METADATA.as_bytes());
    fp.add("sysroot/Cargo.toml.in", parts.template.as_bytes());
    fp.finish()
}

/// Writes the workspace: the manifest from the template, an empty
/// `#![no_core]` `src/lib.rs` and the library's Cargo.lock (cargo drops the entries this
/// workspace does not use; vendor/ holds one version of each crate, so the
/// resolution cannot drift). Files are only rewritten when they differ.
fn write_workspace(dir: &Path, template: &str, library: &Path) -> io::Result<()> {
    let Some(library_str) = library.to_str() else {
        return Err(io::Error::other(format!(
            "the library path {} is not UTF-8",
            library.display()
        )));
    };
    let manifest = template.replace(LIBRARY_PLACEHOLDER, library_str);
    let lock = std::fs::read(library.join("Cargo.lock"))?;
    std::fs::create_dir_all(dir.join("src"))?;
    write_if_changed(&dir.join("Cargo.toml"), manifest.as_bytes())?;
    write_if_changed(
        &dir.join("src").join("lib.rs"),
        // `no_core`: nothing from the extern prelude, whose `core` would be
        // looked up in the base rustc's sysroot, which has none for a
        // cross target.
        b"//! Generated by toolchain-builder: the root of the sysroot workspace.\n\
          #![feature(no_core)]\n#![no_core]\n",
    )?;
    std::fs::write(dir.join("Cargo.lock"), lock)
}

fn write_if_changed(path: &Path, bytes: &[u8]) -> io::Result<()> {
    match std::fs::read(path) {
        Ok(old) if old == bytes => Ok(()),
        _ => std::fs::write(path, bytes),
    }
}

/// Runs cargo and returns the library rlibs it produced, by crate name.
fn cargo_build(
    inputs: &Inputs<'_>,
    library: &Path,
    flags: &[String],
    shell: Shell,
) -> anyhow::Result<BTreeMap<String, PathBuf>> {
    let triple = &inputs.target.triple;
    let vendor = library.join("vendor");
    let Some(vendor) = vendor.to_str() else {
        bail!("the vendor path {} is not UTF-8", vendor.display());
    };
    let mut cmd = clean_command(cargo::cargo_program());
    cmd.args(["build", "--release", "--offline", "--manifest-path"])
        .arg(inputs.workspace_dir.join("Cargo.toml"))
        .args(["--target", triple])
        .arg("--target-dir")
        .arg(&inputs.target_dir)
        .arg("--message-format=json-render-diagnostics")
        .args([
            "--config",
            r#"source.crates-io.replace-with="vendored-sources""#,
            "--config",
        ])
        .arg(format!(
            "source.vendored-sources.directory={}",
            toml_string(vendor)
        ))
        .env("RUSTC", &inputs.base.rustc)
        .env("RUSTC_BOOTSTRAP", "1")
        .env("__CARGO_DEFAULT_LIB_METADATA", LIB_METADATA);
    if flags.iter().any(|f| f.contains(char::is_whitespace)) {
        cmd.env("CARGO_ENCODED_RUSTFLAGS", flags.join("\x1f"));
    } else {
        cmd.env("RUSTFLAGS", flags.join(" "));
    }
    let log = inputs.target_dir.join("cargo-build.log");
    let summarize = |status, lines: &[String]| summarize_failure(triple, status, lines);
    let failure = cargo::Failure {
        stage: STAGE,
        log: &log,
        summarize: &summarize,
    };
    let label = format!(
        "building the standard library for {triple} with the {} backend",
        inputs.backend.kind()
    );
    let lines = cargo::run(&mut cmd, &label, &failure, shell)?;
    let rlibs = artifacts(&lines);
    let missing: Vec<&str> = REQUIRED_CRATES
        .iter()
        .copied()
        .filter(|name| !rlibs.contains_key(*name))
        .collect();
    if !missing.is_empty() {
        return Err(StageError {
            stage: STAGE,
            summary: format!(
                "cargo succeeded but produced no rlib for {} (for {triple})",
                missing.join(", ")
            ),
            command: describe(&cmd),
            output: String::new(),
        }
        .into());
    }
    Ok(rlibs)
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::from('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The rlibs named in cargo's `compiler-artifact` messages (fresh or
/// rebuilt), by crate name, without the workspace's own crate. Reading them
/// from cargo rather than listing `deps/` ignores stale files left there by
/// builds with other flags.
fn artifacts(lines: &[String]) -> BTreeMap<String, PathBuf> {
    let mut rlibs = BTreeMap::new();
    for line in lines.iter().filter(|l| cargo::is_json_message(l)) {
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if message["reason"] != "compiler-artifact" {
            continue;
        }
        let Some(name) = message["target"]["name"].as_str() else {
            continue;
        };
        let name = name.replace('-', "_");
        if name == ROOT_CRATE {
            continue;
        }
        let files = message["filenames"].as_array().into_iter().flatten();
        for file in files.filter_map(|f| f.as_str()) {
            if file.ends_with(".rlib") {
                rlibs.insert(name.clone(), PathBuf::from(file));
            }
        }
    }
    rlibs
}

/// The summary of a failed library build: whether the backend refused
/// constructs (the expected failure while it is incomplete) and which.
fn summarize_failure(triple: &str, status: ExitStatus, lines: &[String]) -> cargo::Summary {
    let failed_crates: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.trim().strip_prefix("error: could not compile `"))
        .filter_map(|rest| rest.split('`').next())
        .collect();
    let mut unsupported: BTreeMap<&str, usize> = BTreeMap::new();
    for line in lines {
        if let Some(what) = line.trim().strip_prefix(UNSUPPORTED_PREFIX) {
            *unsupported
                .entry(what.strip_suffix(" yet").unwrap_or(what))
                .or_default() += 1;
        }
    }
    let crates = if failed_crates.is_empty() {
        String::new()
    } else {
        format!(" in {}", failed_crates.join(", "))
    };
    if unsupported.is_empty() {
        return cargo::Summary::line(format!(
            "cargo build of the standard library for {triple} failed{crates} ({status})"
        ));
    }
    let total: usize = unsupported.values().sum();
    let mut preface = vec![format!(
        "the clif backend does not support (distinct constructs, with counts):"
    )];
    let mut by_count: Vec<(&str, usize)> = unsupported.iter().map(|(w, n)| (*w, *n)).collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    preface.extend(
        by_count
            .iter()
            .take(MAX_UNSUPPORTED_SHOWN)
            .map(|(what, n)| format!("  {n:>5}  {what}")),
    );
    if by_count.len() > MAX_UNSUPPORTED_SHOWN {
        preface.push(format!(
            "  ... ({} more)",
            by_count.len() - MAX_UNSUPPORTED_SHOWN
        ));
    }
    preface.push("cargo's output:".to_owned());
    cargo::Summary {
        line: format!(
            "the clif backend cannot compile the standard library for {triple} yet: {total} \
             unsupported-construct errors ({} distinct){crates} ({status})",
            unsupported.len()
        ),
        preface,
    }
}

/// Copies the rlibs into a fresh directory and renames it to `entry`.
fn store(
    rlibs: &BTreeMap<String, PathBuf>,
    cache_dir: &Path,
    entry: &Path,
    triple: &str,
) -> io::Result<()> {
    std::fs::create_dir_all(cache_dir)?;
    let tmp = tempfile::Builder::new()
        .prefix(".tmp-")
        .tempdir_in(cache_dir)?;
    let libdir = target_libdir(tmp.path(), triple);
    std::fs::create_dir_all(&libdir)?;
    for rlib in rlibs.values() {
        let Some(name) = rlib.file_name() else {
            return Err(io::Error::other(format!(
                "bad rlib path {}",
                rlib.display()
            )));
        };
        std::fs::copy(rlib, libdir.join(name))?;
    }
    match std::fs::rename(tmp.path(), entry) {
        Ok(()) => Ok(()),
        // Another run stored the same entry first; it is equally good.
        Err(_) if target_libdir(entry, triple).is_dir() => Ok(()),
        Err(err) => Err(err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target() -> TargetSpec {
        TargetSpec::host_for_tests()
    }

    fn key(parts: &KeyParts<'_>) -> String {
        fingerprint(parts)
    }

    #[test]
    fn rustflags_select_the_backend() {
        let llvm = rustflags(&CodegenBackend::Llvm, &target()).expect("flags");
        assert_eq!(
            llvm,
            [
                "-Cembed-bitcode=yes",
                "-Zforce-unstable-if-unmarked",
                "-Cdebuginfo=0",
                "-Clinker=cc"
            ]
        );
        let clif = rustflags(
            &CodegenBackend::Dylib(PathBuf::from("/b/librustc_codegen_clif.so")),
            &target(),
        )
        .expect("flags");
        assert_eq!(clif[0], "-Zcodegen-backend=/b/librustc_codegen_clif.so");
        assert_eq!(&clif[1..], &llvm[1..]);
    }

    #[test]
    fn virtual_source_base_is_the_path_before_core() {
        let rlib = b"\x00\x07/rustc/ac68faa20/library/core/src/panicking.rs\x00more";
        assert_eq!(
            virtual_source_base(rlib).as_deref(),
            Some("/rustc/ac68faa20")
        );
        let debian = b"x\x01/usr/src/rustc-1.96.0/library/core/src/panicking.rs";
        assert_eq!(
            virtual_source_base(debian).as_deref(),
            Some("/usr/src/rustc-1.96.0")
        );
        assert_eq!(
            virtual_source_base(b"\x00library/core/src/panicking.rs"),
            None
        );
        assert_eq!(virtual_source_base(b"nothing here"), None);
    }

    #[test]
    fn key_changes_with_every_part() {
        let flags = vec!["-Cpanic=abort".to_owned()];
        let base = KeyParts {
            backend: "llvm",
            rustc_version_info: "rustc 1.96.0",
            triple: "x86_64-unknown-linux-gnu",
            rustflags: &flags,
            template: "[package]",
        };
        let reference = key(&base);
        assert_eq!(reference, key(&base));
        let other_flags = vec!["-Cpanic=abort".to_owned(), "-Cdebuginfo=0".to_owned()];
        for changed in [
            KeyParts {
                backend: "clif 00",
                ..base
            },
            KeyParts {
                rustc_version_info: "rustc 1.96.1",
                ..base
            },
            KeyParts {
                triple: "aarch64-unknown-linux-gnu",
                ..base
            },
            KeyParts {
                rustflags: &other_flags,
                ..base
            },
            KeyParts {
                template: "[package]\n",
                ..base
            },
        ] {
            assert_ne!(reference, key(&changed));
        }
    }

    #[test]
    fn artifacts_come_from_cargo_messages() {
        let lines: Vec<String> = [
            r#"{"reason":"compiler-artifact","target":{"name":"core"},"filenames":["/t/libcore-1.rlib","/t/libcore-1.rmeta"],"fresh":true}"#,
            r#"{"reason":"compiler-artifact","target":{"name":"std"},"filenames":["/t/libstd-2.rlib","/t/libstd-2.so"]}"#,
            r#"{"reason":"compiler-artifact","target":{"name":"build-script-build"},"filenames":["/t/build_script_build-3"]}"#,
            r#"{"reason":"compiler-artifact","target":{"name":"clif_sysroot"},"filenames":["/t/libclif_sysroot-4.rlib"]}"#,
            r#"{"reason":"build-finished","success":true}"#,
            "   Compiling core v0.0.0",
        ]
        .map(str::to_owned)
        .to_vec();
        let rlibs = artifacts(&lines);
        assert_eq!(rlibs.len(), 2);
        assert_eq!(rlibs["core"], PathBuf::from("/t/libcore-1.rlib"));
        assert_eq!(rlibs["std"], PathBuf::from("/t/libstd-2.rlib"));
    }

    #[test]
    fn unsupported_constructs_are_counted_in_the_summary() {
        use std::os::unix::process::ExitStatusExt as _;
        let status = ExitStatus::from_raw(101 << 8);
        let lines: Vec<String> = [
            "error: the clif backend does not support inline assembly yet",
            "  --> core/src/arch.rs:1:1",
            "error: the clif backend does not support inline assembly yet",
            "error: the clif backend does not support SIMD type `u8x16` yet",
            "error: could not compile `core` (lib) due to 3 previous errors",
        ]
        .map(str::to_owned)
        .to_vec();
        let summary = summarize_failure("x86_64-unknown-linux-gnu", status, &lines);
        assert_eq!(
            summary.line,
            "the clif backend cannot compile the standard library for \
             x86_64-unknown-linux-gnu yet: 3 unsupported-construct errors (2 distinct) in core \
             (exit status: 101)"
        );
        assert_eq!(summary.preface[1], "      2  inline assembly");
        assert_eq!(summary.preface[2], "      1  SIMD type `u8x16`");
        let plain = summarize_failure("t", status, &lines[4..]);
        assert_eq!(
            plain.line,
            "cargo build of the standard library for t failed in core (exit status: 101)"
        );
        assert!(plain.preface.is_empty());
    }

    #[test]
    fn workspace_is_generated_from_the_template() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let library = tmp.path().join("library");
        std::fs::create_dir_all(&library).expect("mkdir");
        std::fs::write(library.join("Cargo.lock"), "version = 4\n").expect("write");
        let ws = tmp.path().join("ws");
        write_workspace(&ws, "std = { path = \"@LIBRARY@/std\" }\n", &library).expect("write");
        let manifest = std::fs::read_to_string(ws.join("Cargo.toml")).expect("read");
        assert_eq!(
            manifest,
            format!("std = {{ path = \"{}/std\" }}\n", library.display())
        );
        assert!(ws.join("src/lib.rs").is_file());
        assert_eq!(
            std::fs::read_to_string(ws.join("Cargo.lock")).expect("read"),
            "version = 4\n"
        );
    }

    #[test]
    fn store_renames_a_complete_directory_into_place() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let built = tmp.path().join("deps");
        std::fs::create_dir_all(&built).expect("mkdir");
        std::fs::write(built.join("libcore-1.rlib"), "core").expect("write");
        let rlibs = BTreeMap::from([("core".to_owned(), built.join("libcore-1.rlib"))]);
        let cache = tmp.path().join("cache");
        let entry = cache.join("0123456789abcdef");
        store(&rlibs, &cache, &entry, "t").expect("store");
        assert!(target_libdir(&entry, "t").join("libcore-1.rlib").is_file());
        // Only the entry is left in the cache: no temporary directory.
        let names: Vec<_> = std::fs::read_dir(&cache)
            .expect("read")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["0123456789abcdef"]);
        // Storing again (a concurrent run) keeps the existing entry.
        store(&rlibs, &cache, &entry, "t").expect("store again");
    }

    #[test]
    fn toml_strings_are_escaped() {
        assert_eq!(toml_string(r#"/a "b"\c"#), r#""/a \"b\"\\c""#);
    }
}
