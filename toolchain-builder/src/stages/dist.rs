//! Stage `dist`: assembles the usable toolchain directory (`dist/` in the
//! repository unless `--dist-dir`), which `rustup toolchain link` accepts:
//!
//! ```text
//! bin/rustc                      the launcher (stage `launcher`): Cranelift backend,
//!                                lld, linker per target, as libexec/launcher.policy says
//! bin/rustdoc                    the launcher again: runs rustdoc-real
//! bin/cargo                      the cargo that runs toolchain-builder
//! libexec/rustc-real             the base rustc binary
//! libexec/rustdoc-real           the base rustdoc (doctests run bin/rustc)
//! libexec/launcher.policy        written from targets/*.toml ([`policy`])
//! lib/librustc_driver-*.so       from the base toolchain (every lib/*.so)
//! lib/rustlib/<host>/lib/        the sysroot rlibs built by stage `sysroot`
//! lib/rustlib/<cross>/lib/       the same for each cross target
//! lib/rustlib/<host>/codegen-backends/librustc_codegen_clif.so
//! lib/rustlib/<host>/bin/rust-lld          a copy of LLVM 22's lld (Debian's lld-22)
//! lib/rustlib/<host>/bin/gcc-ld/ld.lld     symbolic link to ../rust-lld
//! lib/libLLVM.so.22.1, lib/libffi.so.8 ... the libraries these load from
//!                                the system (see [`shared_libs`])
//! README, VERSION
//! ```
//!
//! rustc finds its sysroot from the location of `librustc_driver-*.so`, which
//! the binaries load through their RUNPATH `$ORIGIN/../lib`; so the real
//! binaries sit one level below the root (`libexec/`, `bin/`) and the
//! sysroot is the dist directory itself. What the launchers add to a command
//! line is the `clif_launcher` crate's (`launcher/`); rustdoc compiles
//! doctests with `<sysroot>/bin/rustc`, which is the rustc launcher.
//!
//! The base toolchain has no `rust-lld`; the stage bundles the lld binary
//! named by [`find_lld`] (Debian's, linked against the same `libLLVM.so.22.1`
//! as `librustc_driver`, so it needs nothing the toolchain does not; its
//! RUNPATH is set to `dist/lib`).
//!
//! Everything the binaries load, other than the C and GCC runtimes, is in
//! the directory: the libraries the base toolchain and lld take from the
//! system are copied into `lib/` ([`shared_libs`]), and the self-check
//! requires `ldd` to find each inside the directory, so `dist/` runs on a
//! machine without Debian's `libllvm22` (`test --suite standalone` runs it
//! in a bare Debian root file system). Linked
//! with `cc -fuse-ld=lld -B<sysroot>/lib/rustlib/<host>/bin/gcc-ld`, cc runs
//! `gcc-ld/ld.lld`, and lld picks its GNU flavour from that name. Whether
//! `bin/rustc` asks for that by default is [`LLD_DEFAULT`].
//!
//! The directory is assembled in `<dist>.tmp`, checked (`bin/rustc --print
//! sysroot` must name it, every library loads from inside it, the bundled
//! lld runs, and a program links, with
//! lld or not as [`LLD_DEFAULT`] says) and swapped into place. `VERSION`
//! starts with an id hashing every input; when the existing directory has
//! the same id the stage does nothing.

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context as _};
use clif_launcher::{Policy, POLICY_FILE, VERSION_MAGIC};

use super::{shared_libs, StageError};
use crate::base::BaseToolchain;
use crate::codegen::CodegenBackend;
use crate::exit::UsageError;
use crate::fingerprint::{sha256_file, Fingerprint};
use crate::process::{clean_command, describe, Shell};
use crate::progress;
use crate::stages::backend::DYLIB;
use crate::stages::sysroot::target_libdir;

const STAGE: &str = "dist";

/// Changing the layout means changing this.
const STAGE_VERSION: &str = "clif dist v6";

/// Whether `bin/rustc` links host programs with the bundled lld when
/// `CLIF_LLD` is not set (`CLIF_LLD=1`: lld, `CLIF_LLD=0`: the system
/// linker, `cc` with GNU ld).
///
/// On: the backend writes `.eh_frame` as LLVM does (pc-relative FDE
/// addresses against section symbols, see the backend's `unwind.rs`), which
/// lld accepts in a position-independent executable; the self-check
/// requires an lld-linked program.
pub const LLD_DEFAULT: bool = true;

/// Where the bundled lld goes, under `lib/rustlib/<host>/`; rustc's
/// self-contained linker directory.
const LLD_DIR: &str = "bin";

/// How long the self-check (`bin/rustc --print sysroot`) may take.
const CHECK_TIMEOUT: Duration = Duration::from_secs(60);

/// What the stage reads.
pub struct Inputs<'a> {
    pub base: &'a BaseToolchain,
    /// The backend the toolchain uses (LLVM only in developer mode).
    pub backend: &'a CodegenBackend,
    /// The sysroot built by stage `sysroot` for the host.
    pub sysroot: &'a Path,
    /// Its cache key.
    pub sysroot_key: &'a str,
    /// The host triple.
    pub host: &'a str,
    /// The other targets the toolchain has a standard library for.
    pub cross: &'a [CrossTarget<'a>],
    /// The lld binary bundled as `rust-lld` (see [`find_lld`]).
    pub lld: &'a Path,
    /// The launcher program (stage `launcher`), `bin/rustc` and `bin/rustdoc`.
    pub launcher: &'a Path,
    /// The cargo bundled as `bin/cargo` (the one running toolchain-builder).
    pub cargo: &'a Path,
    /// Where the toolchain goes.
    pub dist_dir: PathBuf,
}

/// A cross target of the toolchain: its sysroot and how `bin/rustc` links
/// for it (see [`policy`]).
pub struct CrossTarget<'a> {
    pub triple: &'a str,
    /// The sysroot built by stage `sysroot` for it, and its cache key.
    pub sysroot: &'a Path,
    pub sysroot_key: &'a str,
    /// The target's C compiler driver (`-Clinker`).
    pub linker: &'a str,
    /// The Debian packages that provide it (named when it is missing).
    pub packages: &'a [String],
}

/// What the stage produces.
pub struct Outputs {
    /// The toolchain directory.
    pub dir: PathBuf,
    /// `bin/rustc` (the launcher).
    pub rustc: PathBuf,
    /// `bin/rustdoc` (the launcher), if the base toolchain has a rustdoc.
    pub rustdoc: Option<PathBuf>,
}

/// Assembles the toolchain unless `dist_dir` already holds this one.
pub fn run(inputs: &Inputs<'_>, shell: Shell) -> anyhow::Result<Outputs> {
    let backend_id = match inputs.backend {
        CodegenBackend::Llvm => "llvm (developer mode)".to_owned(),
        CodegenBackend::Dylib(dylib) => {
            let hash = sha256_file(dylib, None)
                .with_context(|| format!("cannot read the backend {}", dylib.display()))?;
            format!("cranelift (librustc_codegen_clif.so sha256 {hash})")
        }
    };
    let lld_hash = sha256_file(inputs.lld, None)
        .with_context(|| format!("cannot read lld {}", inputs.lld.display()))?;
    let cargo_hash = sha256_file(inputs.cargo, None)
        .with_context(|| format!("cannot read cargo {}", inputs.cargo.display()))?;
    let policy = policy(inputs.backend, inputs.host, inputs.cross).render();
    let launcher_hash = sha256_file(inputs.launcher, None)
        .with_context(|| format!("cannot read the launcher {}", inputs.launcher.display()))?;
    let libraries = system_libraries(inputs, shell)?;
    let mut fp = Fingerprint::new(STAGE_VERSION);
    for lib in &libraries {
        let hash = sha256_file(&lib.path, None)
            .with_context(|| format!("cannot read {}", lib.path.display()))?;
        fp.add(
            "bundled library",
            format!("{} {hash}", lib.soname).as_bytes(),
        );
    }
    fp.add("rustc -vV", inputs.base.version_info.as_bytes());
    fp.add("backend", backend_id.as_bytes());
    fp.add("sysroot", inputs.sysroot_key.as_bytes());
    fp.add("host", inputs.host.as_bytes());
    for cross in inputs.cross {
        fp.add("cross target", cross.triple.as_bytes());
        fp.add("cross sysroot", cross.sysroot_key.as_bytes());
    }
    fp.add("launcher", launcher_hash.as_bytes());
    fp.add("launcher policy", policy.as_bytes());
    fp.add("lld", lld_hash.as_bytes());
    fp.add("cargo", cargo_hash.as_bytes());
    let id = fp.finish()[..16].to_owned();
    let version = version_text(&id, inputs, &backend_id, &lld_hash, &cargo_hash);

    let dir = &inputs.dist_dir;
    let outputs = Outputs {
        dir: dir.clone(),
        rustc: dir.join("bin").join("rustc"),
        rustdoc: inputs
            .base
            .rustdoc
            .as_ref()
            .map(|_| dir.join("bin").join("rustdoc")),
    };
    if existing_id(dir).as_deref() == Some(id.as_str()) {
        progress::note(format!("dist: up to date ({})", dir.display()));
        return Ok(outputs);
    }
    refuse_foreign(dir)?;

    let tmp = sibling(dir, "tmp");
    remove_dir_if_present(&tmp)?;
    assemble(inputs, &tmp, &policy, &version)
        .and_then(|()| make_self_contained(&tmp, inputs.host, &libraries, shell))
        .with_context(|| format!("cannot assemble the toolchain in {}", tmp.display()))?;
    self_check(&tmp, inputs.host, shell)?;
    swap_into_place(&tmp, dir)
        .with_context(|| format!("cannot move {} to {}", tmp.display(), dir.display()))?;
    progress::note(format!("dist: assembled {}", dir.display()));
    Ok(outputs)
}

/// What the launcher adds to rustc command lines in this toolchain (see
/// the `clif_launcher` crate): the backend for a Cranelift toolchain,
/// the bundled lld by default ([`LLD_DEFAULT`]), and each cross target's
/// C compiler driver with the Debian packages that provide it.
pub fn policy(backend: &CodegenBackend, host: &str, cross: &[CrossTarget<'_>]) -> Policy {
    let host_dir = format!("lib/rustlib/{host}");
    Policy {
        host: host.to_owned(),
        backend: match backend {
            CodegenBackend::Llvm => None,
            CodegenBackend::Dylib(_) => Some(format!("{host_dir}/codegen-backends/{DYLIB}")),
        },
        gcc_ld: format!("{host_dir}/{LLD_DIR}/gcc-ld"),
        lld_default: LLD_DEFAULT,
        cross: cross
            .iter()
            .map(|target| clif_launcher::CrossTarget {
                triple: target.triple.to_owned(),
                driver: target.linker.to_owned(),
                packages: target.packages.to_vec(),
            })
            .collect(),
    }
}

/// The `VERSION` file: the id line, then what went into the toolchain.
fn version_text(
    id: &str,
    inputs: &Inputs<'_>,
    backend_id: &str,
    lld_hash: &str,
    cargo_hash: &str,
) -> String {
    let base = inputs.base.version_info.lines().next().unwrap_or("rustc");
    let cross: String = inputs
        .cross
        .iter()
        .map(|t| {
            format!(
                "cross target: {} (sysroot {}, linked by {} with rust-lld)\n",
                t.triple, t.sysroot_key, t.linker
            )
        })
        .collect();
    let default = if LLD_DEFAULT {
        "rust-lld (CLIF_LLD=0: the system linker)"
    } else {
        "the system linker (CLIF_LLD=1: rust-lld)"
    };
    format!(
        "{VERSION_MAGIC} {id}\nbase: {base}\ncodegen backend: {backend_id}\n\
         sysroot: {} ({})\nhost: {}\n{cross}panic strategy: unwind (default), abort\n\
         rust-lld: {} (sha256 {lld_hash})\nlinker for host programs: {default}\n\
         cargo: {} (sha256 {cargo_hash})\n",
        inputs.sysroot_key,
        inputs.sysroot.display(),
        inputs.host,
        inputs.lld.display(),
        inputs.cargo.display(),
    )
}

/// The lld binary to bundle: `explicit` (`--lld FILE`) if given, else
/// `default` (`lld` in `default-config.toml`: Debian's lld-22). The dist
/// stage copies it; this only checks that it is a file.
pub fn find_lld(explicit: Option<&Path>, default: &Path) -> anyhow::Result<PathBuf> {
    match explicit {
        Some(path) if path.is_file() => Ok(path.to_owned()),
        Some(path) => Err(UsageError(format!("--lld {}: no such file", path.display())).into()),
        None if default.is_file() => Ok(default.to_owned()),
        None => bail!(
            "lld not found at {}: the toolchain bundles it as rust-lld; install Debian's \
             package lld-22 (tools/setup.sh does) or name an lld binary with --lld FILE",
            default.display()
        ),
    }
}

const README: &str = "\
clif-toolchain: a Rust toolchain (rustc 1.96.0) whose code generator is
Cranelift. Built by toolchain-builder from the clif-toolchain repository;
VERSION says from what.

Use it with rustup:   rustup toolchain link clif <this directory>
                      cargo +clif build
or without rustup:    RUSTC=<this>/bin/rustc RUSTDOC=<this>/bin/rustdoc cargo build

bin/cargo is the cargo that ran toolchain-builder (VERSION names it).

bin/rustc is a small program (the launcher) running libexec/rustc-real
(rustc) with the Cranelift backend (lib/rustlib/<host>/codegen-backends/)
and the linker settings of libexec/launcher.policy; bin/rustdoc is the same
program running libexec/rustdoc-real, and doctests are compiled by
bin/rustc. The shared libraries they and lld load, other than the C and
C++ runtimes, are in lib/.

lib/rustlib/<host>/bin/rust-lld is LLVM 22's lld (from Debian's lld-22).
CLIF_LLD=1 makes bin/rustc link programs for the host with it (cc
-fuse-ld=lld, through lib/rustlib/<host>/bin/gcc-ld/ld.lld), CLIF_LLD=0
with the system linker; VERSION says which is the default. Choosing a
linker yourself (-C linker-flavor, -C link-self-contained, -C
linker-features, or a -C linker that is not a C compiler driver) or
a --target without a library here turns lld off. Cargo does not notice a
changed CLIF_LLD: run cargo clean to relink.

VERSION lists the cross targets that have a standard library in
lib/rustlib/<target>/lib/. For those, bin/rustc passes -Clinker=<the
target's C compiler driver> (Debian's <arch>-linux-gnu-gcc) unless you name
a linker, and links with rust-lld through it as for the host.

The standard library in lib/rustlib/<host>/lib/ was compiled by Cranelift
with both panic runtimes, as stock Rust's: panics unwind (running drops,
caught by catch_unwind and thread joins) unless you build with
-Cpanic=abort (cargo's panic = 'abort'). Unstable features (#![feature])
are refused unless RUSTC_BOOTSTRAP is set in the environment.
";

/// The id in `dir/VERSION`, if `dir` is a dist directory.
pub fn existing_id(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join("VERSION")).ok()?;
    let first = text.lines().next()?;
    first
        .strip_prefix(VERSION_MAGIC)
        .and_then(|rest| rest.strip_prefix(' '))
        .map(|rest| rest.trim().to_owned())
}

/// Refuses to replace a non-empty directory that is not a dist directory.
fn refuse_foreign(dir: &Path) -> anyhow::Result<()> {
    let non_empty = match std::fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_some(),
        Err(err) if err.kind() == io::ErrorKind::NotFound => false,
        Err(err) => return Err(err).with_context(|| format!("cannot read {}", dir.display())),
    };
    if non_empty && existing_id(dir).is_none() {
        bail!(
            "{} exists and is not a clif-toolchain dist directory (no VERSION file starting \
             with `{VERSION_MAGIC}`); remove it or choose another --dist-dir",
            dir.display()
        );
    }
    Ok(())
}

/// `<dir>.<suffix>` next to `dir`.
fn sibling(dir: &Path, suffix: &str) -> PathBuf {
    let mut name = dir.file_name().unwrap_or_default().to_owned();
    name.push(format!(".{suffix}"));
    dir.with_file_name(name)
}

fn remove_dir_if_present(dir: &Path) -> anyhow::Result<()> {
    match std::fs::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(err).with_context(|| format!("cannot remove {}", dir.display())),
    }
}

/// The base toolchain's shared libraries (`lib/*.so`).
fn base_libraries(base: &BaseToolchain) -> anyhow::Result<Vec<PathBuf>> {
    let dir = base.root.join("lib");
    let mut libs = Vec::new();
    for entry in
        std::fs::read_dir(&dir).with_context(|| format!("cannot read {}", dir.display()))?
    {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|ext| ext == "so") {
            libs.push(path);
        }
    }
    libs.sort();
    Ok(libs)
}

/// The libraries that the toolchain's binaries (as they are in the base
/// toolchain, the backend dylib and lld) load from this machine.
fn system_libraries(
    inputs: &Inputs<'_>,
    shell: Shell,
) -> anyhow::Result<Vec<shared_libs::Library>> {
    let base_libs = base_libraries(inputs.base)?;
    let shipped: Vec<String> = base_libs
        .iter()
        .filter_map(|p| Some(p.file_name()?.to_str()?.to_owned()))
        .collect();
    let mut files = vec![inputs.base.rustc.clone(), inputs.lld.to_owned()];
    files.extend(inputs.base.rustdoc.clone());
    files.extend(base_libs);
    if let CodegenBackend::Dylib(dylib) = inputs.backend {
        files.push(dylib.clone());
    }
    shared_libs::foreign(&files, &shipped, shell)
}

/// The ELF files of an assembled toolchain in `dir`.
fn binaries(dir: &Path, host: &str) -> anyhow::Result<Vec<PathBuf>> {
    let host_dir = dir.join("lib").join("rustlib").join(host);
    let mut files: Vec<PathBuf> = ["rustc-real", "rustdoc-real"]
        .iter()
        .map(|name| dir.join("libexec").join(name))
        .chain([
            host_dir.join("codegen-backends").join(DYLIB),
            host_dir.join(LLD_DIR).join("rust-lld"),
        ])
        .filter(|path| path.is_file())
        .collect();
    for entry in std::fs::read_dir(dir.join("lib"))? {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if path.is_file() && name.contains(".so") {
            files.push(path);
        }
    }
    Ok(files)
}

/// Fills `tmp` with the toolchain.
fn assemble(inputs: &Inputs<'_>, tmp: &Path, policy: &str, version: &str) -> anyhow::Result<()> {
    let base = &inputs.base.root;
    let host_dir = tmp.join("lib").join("rustlib").join(inputs.host);
    for dir in [tmp.join("bin"), tmp.join("libexec"), host_dir.join("lib")] {
        std::fs::create_dir_all(&dir)?;
    }
    copy(&inputs.base.rustc, &tmp.join("libexec").join("rustc-real"))?;
    if let Some(rustdoc) = &inputs.base.rustdoc {
        copy(rustdoc, &tmp.join("libexec").join("rustdoc-real"))?;
        copy(inputs.launcher, &tmp.join("bin").join("rustdoc"))?;
    }
    let mut driver = false;
    for path in base_libraries(inputs.base)? {
        let name = path.file_name().unwrap_or_default();
        driver |= name.to_string_lossy().starts_with("librustc_driver-");
        copy(&path, &tmp.join("lib").join(name))?;
    }
    if !driver {
        bail!(
            "the base toolchain has no lib/librustc_driver-*.so in {}",
            base.join("lib").display()
        );
    }
    copy_rlibs(inputs.sysroot, inputs.host, tmp)?;
    for cross in inputs.cross {
        copy_rlibs(cross.sysroot, cross.triple, tmp)?;
    }
    if let CodegenBackend::Dylib(dylib) = inputs.backend {
        let backends = host_dir.join("codegen-backends");
        std::fs::create_dir_all(&backends)?;
        copy(dylib, &backends.join(DYLIB))?;
    }
    let gcc_ld = host_dir.join(LLD_DIR).join("gcc-ld");
    std::fs::create_dir_all(&gcc_ld)?;
    copy(inputs.lld, &host_dir.join(LLD_DIR).join("rust-lld"))?;
    // lld is a multi-call binary: named `ld.lld`, it is the GNU linker.
    std::os::unix::fs::symlink("../rust-lld", gcc_ld.join("ld.lld"))
        .with_context(|| format!("cannot create {}", gcc_ld.join("ld.lld").display()))?;
    copy(inputs.launcher, &tmp.join("bin").join("rustc"))?;
    copy(inputs.cargo, &tmp.join("bin").join("cargo"))?;
    std::fs::write(tmp.join(POLICY_FILE), policy)?;
    std::fs::write(tmp.join("VERSION"), version)?;
    std::fs::write(tmp.join("README"), README)?;
    Ok(())
}

/// Puts the system `libraries` into the assembled toolchain `tmp` and
/// points the bundled lld at them.
fn make_self_contained(
    tmp: &Path,
    host: &str,
    libraries: &[shared_libs::Library],
    shell: Shell,
) -> anyhow::Result<()> {
    shared_libs::bundle(libraries, &tmp.join("lib"), shell)?;
    let lld = tmp
        .join("lib/rustlib")
        .join(host)
        .join(LLD_DIR)
        .join("rust-lld");
    // lib/rustlib/<host>/bin/ → lib/.
    shared_libs::set_runpath(&lld, "$ORIGIN/../../..", shell)
}

/// Copies the rlibs of `sysroot`'s library for `triple` into the same
/// place under `dist`.
fn copy_rlibs(sysroot: &Path, triple: &str, dist: &Path) -> anyhow::Result<()> {
    let libdir = target_libdir(sysroot, triple);
    let to = target_libdir(dist, triple);
    std::fs::create_dir_all(&to)?;
    for entry in std::fs::read_dir(&libdir)
        .with_context(|| format!("cannot read the sysroot {}", libdir.display()))?
    {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "rlib") {
            copy(&path, &to.join(path.file_name().unwrap_or_default()))?;
        }
    }
    Ok(())
}

fn copy(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::copy(from, to)
        .map(drop)
        .with_context(|| format!("cannot copy {} to {}", from.display(), to.display()))
}

/// Checks the assembled toolchain in `tmp`: `bin/rustc --print sysroot`
/// must print `tmp` (the launcher runs, the real rustc finds its libraries
/// and takes the directory as its sysroot), the bundled lld must run, and
/// [`SELF_CHECK_PROGRAM`] compiled by `bin/rustc` must link and run, linked by lld
/// exactly when [`LLD_DEFAULT`] says so, and not by lld with `CLIF_LLD=0`.
fn self_check(tmp: &Path, host: &str, shell: Shell) -> anyhow::Result<()> {
    shared_libs::check_self_contained(tmp, &binaries(tmp, host)?, shell)?;
    let rustc = tmp.join("bin").join("rustc");
    let mut cmd = clean_command(&rustc);
    cmd.args(["--print", "sysroot"])
        .env_remove("RUSTC_BOOTSTRAP");
    let out = check_run(shell, &mut cmd, "the assembled rustc does not run")?;
    let printed = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    let expected = std::fs::canonicalize(tmp).unwrap_or_else(|_| tmp.to_owned());
    if Path::new(&printed) != expected {
        return Err(stage_error(
            &cmd,
            format!(
                "the assembled rustc reports the sysroot {printed}, not {}",
                expected.display()
            ),
            out.stderr_text(),
        )
        .into());
    }

    let ld_lld = tmp
        .join("lib/rustlib")
        .join(host)
        .join(LLD_DIR)
        .join("gcc-ld/ld.lld");
    let mut cmd = clean_command(&ld_lld);
    cmd.arg("--version");
    let out = check_run(
        shell,
        &mut cmd,
        "the bundled lld does not run (it loads libLLVM.so.22.1 from the toolchain's lib/)",
    )?;
    if !String::from_utf8_lossy(&out.stdout).contains("LLD") {
        return Err(stage_error(
            &cmd,
            "the bundled lld does not say it is LLD".into(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
        .into());
    }

    let mut cmd = clean_command(tmp.join("bin").join("cargo"));
    cmd.arg("--version");
    check_run(shell, &mut cmd, "the bundled cargo does not run")?;

    let work = tempfile::tempdir().context("cannot create a temporary directory")?;
    std::fs::write(work.path().join("main.rs"), SELF_CHECK_PROGRAM)?;
    let mut cases = vec![(None, LLD_DEFAULT), (Some("0"), false)];
    if !LLD_DEFAULT {
        cases.pop(); // the default is CLIF_LLD=0 already
    }
    for (clif_lld, want_lld) in cases {
        let exe = work
            .path()
            .join(format!("main-{}", clif_lld.unwrap_or("default")));
        let mut cmd = clean_command(&rustc);
        cmd.arg("main.rs")
            .arg("-o")
            .arg(&exe)
            .current_dir(work.path())
            .env_remove("RUSTC_BOOTSTRAP");
        match clif_lld {
            Some(value) => cmd.env("CLIF_LLD", value),
            None => cmd.env_remove("CLIF_LLD"),
        };
        check_run(shell, &mut cmd, "the assembled rustc cannot link a program")?;
        let linker = linker_of(&std::fs::read(&exe)?);
        if linker.as_deref().is_some_and(|l| l.contains("LLD")) != want_lld {
            return Err(stage_error(
                &cmd,
                format!(
                    "the program was linked by {}, not {}",
                    linker.as_deref().unwrap_or("a linker other than lld"),
                    if want_lld { "lld" } else { "the system linker" }
                ),
                String::new(),
            )
            .into());
        }
        let mut run = clean_command(&exe);
        check_run(shell, &mut run, "the linked program does not run")?;
    }
    Ok(())
}

/// The linker named in an ELF file's `.comment` section: lld records
/// `Linker: <version>` there (e.g. `Linker: Debian LLD 22.1.8`), GNU ld
/// records nothing.
fn linker_of(elf: &[u8]) -> Option<String> {
    elf_comments(elf)?
        .into_iter()
        .find_map(|c| c.strip_prefix("Linker: ").map(str::to_owned))
}

/// The strings of the `.comment` section of a 64-bit little-endian ELF file
/// (`None` if it is not one, or has no such section).
fn elf_comments(elf: &[u8]) -> Option<Vec<String>> {
    fn int<const N: usize>(elf: &[u8], at: usize) -> Option<[u8; N]> {
        elf.get(at..at.checked_add(N)?)?.try_into().ok()
    }
    fn u16_at(elf: &[u8], at: usize) -> Option<usize> {
        Some(usize::from(u16::from_le_bytes(int(elf, at)?)))
    }
    fn u64_at(elf: &[u8], at: usize) -> Option<usize> {
        usize::try_from(u64::from_le_bytes(int(elf, at)?)).ok()
    }
    /// Section `index`: its name's offset in the name table, its bytes.
    fn section(elf: &[u8], index: usize) -> Option<(usize, &[u8])> {
        let header = u64_at(elf, 0x28)?.checked_add(index.checked_mul(u16_at(elf, 0x3a)?)?)?;
        let name = u32::from_le_bytes(int(elf, header)?) as usize;
        let offset = u64_at(elf, header + 0x18)?;
        let size = u64_at(elf, header + 0x20)?;
        Some((name, elf.get(offset..offset.checked_add(size)?)?))
    }
    // ELFCLASS64, ELFDATA2LSB.
    if elf.get(..6)? != b"\x7fELF\x02\x01" {
        return None;
    }
    let (_, names) = section(elf, u16_at(elf, 0x3e)?)?;
    (0..u16_at(elf, 0x3c)?).find_map(|index| {
        let (name, data) = section(elf, index)?;
        names.get(name..)?.starts_with(b".comment\0").then(|| {
            data.split(|&b| b == 0)
                .filter(|s| !s.is_empty())
                .map(|s| String::from_utf8_lossy(s).into_owned())
                .collect()
        })
    })
}

/// The self-check's program: a panic caught by `catch_unwind`, which needs
/// the personality routine and the LSDAs to survive the link.
const SELF_CHECK_PROGRAM: &str = "\
fn main() {
    std::panic::set_hook(Box::new(|_| {}));
    assert!(std::panic::catch_unwind(|| panic!(\"self-check\")).is_err());
}
";

/// Runs a self-check command; fails with `summary` unless it exits with 0.
fn check_run(
    shell: Shell,
    cmd: &mut std::process::Command,
    summary: &str,
) -> Result<crate::process::Captured, StageError> {
    match shell.capture(cmd, CHECK_TIMEOUT) {
        Ok(out) if out.succeeded() => Ok(out),
        Ok(out) => Err(stage_error(
            cmd,
            format!("{summary} ({})", out.outcome),
            out.stderr_text(),
        )),
        Err(err) => Err(stage_error(cmd, format!("{summary}: {err}"), String::new())),
    }
}

fn stage_error(cmd: &std::process::Command, summary: String, output: String) -> StageError {
    StageError {
        stage: STAGE,
        summary,
        command: describe(cmd),
        output,
    }
}

/// Replaces `dir` by `tmp` (the old directory is moved aside first, then
/// deleted, so `dir` is never a mix of both).
fn swap_into_place(tmp: &Path, dir: &Path) -> anyhow::Result<()> {
    let old = sibling(dir, "old");
    remove_dir_if_present(&old)?;
    if dir.exists() {
        std::fs::rename(dir, &old)?;
    }
    std::fs::rename(tmp, dir)?;
    remove_dir_if_present(&old)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_names_the_backend_only_for_clif_and_every_cross_driver() {
        let packages = ["gcc-c".to_owned()];
        let cross = [CrossTarget {
            triple: "c",
            sysroot: Path::new("/s"),
            sysroot_key: "k",
            linker: "c-gcc",
            packages: &packages,
        }];
        let clif = policy(&CodegenBackend::Dylib(PathBuf::from("/x.so")), "h", &cross);
        // The dylib's own path is not baked in: the directory can move.
        assert_eq!(
            clif.backend.as_deref(),
            Some("lib/rustlib/h/codegen-backends/librustc_codegen_clif.so")
        );
        assert_eq!(clif.gcc_ld, "lib/rustlib/h/bin/gcc-ld");
        assert_eq!(clif.lld_default, LLD_DEFAULT);
        assert_eq!(
            clif.cross,
            [clif_launcher::CrossTarget {
                triple: "c".into(),
                driver: "c-gcc".into(),
                packages: vec!["gcc-c".into()],
            }]
        );
        assert_eq!(Policy::parse(&clif.render()).as_ref(), Ok(&clif));
        assert_eq!(policy(&CodegenBackend::Llvm, "h", &[]).backend, None);
    }

    #[test]
    fn assembly_lays_out_the_toolchain() {
        use crate::base::Origin;
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path();
        let files = [
            "base/bin/rustc",
            "base/bin/rustdoc",
            "base/lib/librustc_driver-1.so",
            "base/lib/rustlib/h/lib/librustc_middle-2.rlib",
            "sysroot/lib/rustlib/h/lib/libstd-3.rlib",
            "sysroot/lib/rustlib/h/lib/libstd-3.rmeta",
            "backend/librustc_codegen_clif.so",
            "llvm/bin/lld",
            "launcher/clif-launcher",
            "cargo/bin/cargo",
        ];
        for rel in files {
            let path = root.join(rel);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, rel).expect("write");
        }
        let base = BaseToolchain {
            root: root.join("base"),
            rustc: root.join("base/bin/rustc"),
            rustdoc: Some(root.join("base/bin/rustdoc")),
            version_info: "rustc 1.96.0\n".into(),
            origin: Origin::Dir,
        };
        let backend = CodegenBackend::Dylib(root.join("backend/librustc_codegen_clif.so"));
        let inputs = Inputs {
            base: &base,
            backend: &backend,
            sysroot: &root.join("sysroot"),
            sysroot_key: "0123",
            host: "h",
            cross: &[],
            lld: &root.join("llvm/bin/lld"),
            launcher: &root.join("launcher/clif-launcher"),
            cargo: &root.join("cargo/bin/cargo"),
            dist_dir: root.join("dist"),
        };
        let out = root.join("out");
        assemble(&inputs, &out, "host h\n", "clif-toolchain id\n").expect("assemble");
        let listed: Vec<String> = crate::fingerprint::files_under(&out)
            .expect("walk")
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            listed,
            [
                "README",
                "VERSION",
                "bin/cargo",
                "bin/rustc",
                "bin/rustdoc",
                "lib/librustc_driver-1.so",
                "lib/rustlib/h/bin/gcc-ld/ld.lld",
                "lib/rustlib/h/bin/rust-lld",
                "lib/rustlib/h/codegen-backends/librustc_codegen_clif.so",
                "lib/rustlib/h/lib/libstd-3.rlib",
                "libexec/launcher.policy",
                "libexec/rustc-real",
                "libexec/rustdoc-real",
            ]
        );
        for tool in ["bin/rustc", "bin/rustdoc"] {
            assert_eq!(
                std::fs::read_to_string(out.join(tool)).expect("read"),
                "launcher/clif-launcher"
            );
        }
        assert_eq!(
            std::fs::read_to_string(out.join("libexec/rustc-real")).expect("read"),
            "base/bin/rustc"
        );
        assert_eq!(
            std::fs::read_link(out.join("lib/rustlib/h/bin/gcc-ld/ld.lld")).expect("symlink"),
            Path::new("../rust-lld")
        );
        assert_eq!(
            std::fs::read_to_string(out.join("lib/rustlib/h/bin/gcc-ld/ld.lld")).expect("read"),
            "llvm/bin/lld"
        );
    }

    #[test]
    fn lld_is_the_configured_file_or_the_option() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let lld = tmp.path().join("lld");
        let missing = tmp.path().join("missing");
        std::fs::write(&lld, "").expect("write");
        assert_eq!(find_lld(None, &lld).expect("default"), lld);
        assert_eq!(find_lld(Some(&lld), &missing).expect("explicit"), lld);
        let err = find_lld(None, &missing).expect_err("missing default");
        assert!(err.to_string().contains("package lld-22"), "{err}");
        let err = find_lld(Some(&missing), &lld).expect_err("missing explicit");
        assert!(err.is::<UsageError>(), "{err}");
    }

    #[test]
    fn linker_comes_from_the_comment_section() {
        // This test binary: its `.comment` has rustc's `rustc version ...`.
        let exe = std::fs::read(std::env::current_exe().expect("exe")).expect("read");
        let comments = elf_comments(&exe).expect("ELF with .comment");
        assert!(
            comments.iter().any(|c| c.starts_with("rustc version")),
            "{comments:?}"
        );
        assert_eq!(elf_comments(b"not an ELF file"), None);
        assert_eq!(elf_comments(b"\x7fELF\x02\x01 truncated"), None);
    }

    #[test]
    fn foreign_directories_are_not_replaced() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("dist");
        refuse_foreign(&dir).expect("absent is fine");
        std::fs::create_dir(&dir).expect("mkdir");
        refuse_foreign(&dir).expect("empty is fine");
        std::fs::write(dir.join("notes.txt"), "mine").expect("write");
        let err = refuse_foreign(&dir).expect_err("foreign");
        assert!(
            err.to_string().contains("not a clif-toolchain dist"),
            "{err}"
        );
        std::fs::write(dir.join("VERSION"), "clif-toolchain abc\nbase: x\n").expect("write");
        refuse_foreign(&dir).expect("ours");
        assert_eq!(existing_id(&dir).as_deref(), Some("abc"));
    }

    #[test]
    fn swap_replaces_the_old_directory() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("dist");
        let new = sibling(&dir, "tmp");
        assert_eq!(new, tmp.path().join("dist.tmp"));
        for (d, file) in [(&dir, "old-file"), (&new, "new-file")] {
            std::fs::create_dir_all(d).expect("mkdir");
            std::fs::write(d.join(file), "").expect("write");
        }
        swap_into_place(&new, &dir).expect("swap");
        assert!(dir.join("new-file").is_file());
        assert!(!dir.join("old-file").exists());
        assert!(!new.exists());
        assert!(!sibling(&dir, "old").exists());
    }
}
