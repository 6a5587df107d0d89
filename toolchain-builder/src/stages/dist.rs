//! Stage `dist`: assembles the usable toolchain directory (`dist/` in the
//! repository unless `--dist-dir`), which `rustup toolchain link` accepts:
//!
//! ```text
//! bin/rustc                      sh wrapper: Cranelift backend, panic=abort
//! bin/rustdoc                    sh wrapper: panic=abort
//! libexec/rustc-real             the base rustc binary
//! libexec/rustdoc-real           the base rustdoc (doctests run bin/rustc)
//! lib/librustc_driver-*.so       from the base toolchain (every lib/*.so)
//! lib/rustlib/<host>/lib/        the sysroot rlibs built by stage `sysroot`
//! lib/rustlib/<host>/codegen-backends/librustc_codegen_clif.so
//! README, VERSION
//! ```
//!
//! rustc finds its sysroot from the location of `librustc_driver-*.so`, which
//! the binaries load through their RUNPATH `$ORIGIN/../lib`; so the real
//! binaries sit one level below the root (`libexec/`, `bin/`) and the
//! sysroot is the dist directory itself. The wrappers are described in
//! [`wrapper_script`] and [`rustdoc_script`]; rustdoc compiles doctests with
//! `<sysroot>/bin/rustc`, which is the rustc wrapper.
//!
//! The directory is assembled in `<dist>.tmp`, checked (`bin/rustc --print
//! sysroot` must name it) and swapped into place. `VERSION` starts with an
//! id hashing every input; when the existing directory has the same id the
//! stage does nothing.

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context as _};

use super::StageError;
use crate::base::BaseToolchain;
use crate::codegen::CodegenBackend;
use crate::fingerprint::{sha256_file, Fingerprint};
use crate::process::{clean_command, describe, Shell};
use crate::progress;
use crate::stages::backend::DYLIB;
use crate::stages::sysroot::target_libdir;

const STAGE: &str = "dist";

/// Changing the layout or the wrapper means changing this.
const STAGE_VERSION: &str = "clif dist v1";

/// The first word of `VERSION`; also how an existing dist is recognised.
const VERSION_MAGIC: &str = "clif-toolchain";

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
    /// The host triple (the only target the dist has a library for).
    pub host: &'a str,
    /// Where the toolchain goes.
    pub dist_dir: PathBuf,
}

/// What the stage produces.
pub struct Outputs {
    /// The toolchain directory.
    pub dir: PathBuf,
    /// `bin/rustc` (the wrapper).
    pub rustc: PathBuf,
    /// `bin/rustdoc` (the wrapper), if the base toolchain has a rustdoc.
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
    let script = wrapper_script(inputs.backend, inputs.host);
    let mut fp = Fingerprint::new(STAGE_VERSION);
    fp.add("rustdoc wrapper", rustdoc_script().as_bytes());
    fp.add("rustc -vV", inputs.base.version_info.as_bytes());
    fp.add("backend", backend_id.as_bytes());
    fp.add("sysroot", inputs.sysroot_key.as_bytes());
    fp.add("host", inputs.host.as_bytes());
    fp.add("wrapper", script.as_bytes());
    let id = fp.finish()[..16].to_owned();
    let version = version_text(&id, inputs, &backend_id);

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
    assemble(inputs, &tmp, &script, &version)
        .with_context(|| format!("cannot assemble the toolchain in {}", tmp.display()))?;
    self_check(&tmp, shell)?;
    swap_into_place(&tmp, dir)
        .with_context(|| format!("cannot move {} to {}", tmp.display(), dir.display()))?;
    progress::note(format!("dist: assembled {}", dir.display()));
    Ok(outputs)
}

/// The text of `bin/rustc`.
///
/// It runs `libexec/rustc-real` with, after the caller's arguments (so they
/// win over the caller's own `-C panic`): `-Zcodegen-backend=<dist>/lib/
/// rustlib/<host>/codegen-backends/librustc_codegen_clif.so` (the path is
/// found from the script's own location, so the directory can move),
/// `-Cpanic=abort`, and `-Zpanic-abort-tests` when `--test` is among the
/// arguments (also inside `@argfiles`). `-Z` flags need `RUSTC_BOOTSTRAP=1`;
/// so that this does not silently enable `#![feature]` in user crates, the
/// wrapper also passes `-Zallow-features=` (no feature may be enabled)
/// unless the caller set `RUSTC_BOOTSTRAP` itself. Exactly `rustc -vV`
/// (cargo's probe) gets a last line `clif-toolchain: <dist id>`, so cargo
/// rebuilds user crates whenever the toolchain changes.
pub fn wrapper_script(backend: &CodegenBackend, host: &str) -> String {
    let backend_arg = match backend {
        CodegenBackend::Llvm => String::new(),
        CodegenBackend::Dylib(_) => {
            format!(" \"-Zcodegen-backend=$root/lib/rustlib/{host}/codegen-backends/{DYLIB}\"")
        }
    };
    format!(
        r#"#!/bin/sh
# rustc of clif-toolchain: rustc 1.96.0 with the {kind} codegen backend,
# panic=abort only. Generated by toolchain-builder (stage `dist`); see README.
self=$0
if resolved=$(readlink -f -- "$0" 2>/dev/null); then self=$resolved; fi
root=$(cd -- "$(dirname -- "$self")/.." && pwd -P) || exit 1
real="$root/libexec/rustc-real"
if [ "$#" -eq 1 ] && [ "$1" = -vV ]; then
    RUSTC_BOOTSTRAP=1 "$real" -vV{backend_arg} || exit
    id=$(sed -n '1s/^{VERSION_MAGIC} //p' "$root/VERSION")
    echo "{VERSION_MAGIC}: $id"
    exit 0
fi
tests=
for arg do
    case $arg in
    --test) tests=1 ;;
    @*) if [ -f "${{arg#@}}" ] && grep -qx -e --test -- "${{arg#@}}"; then tests=1; fi ;;
    esac
done
set -- "$@"{backend_arg} -Cpanic=abort
if [ -n "$tests" ]; then set -- "$@" -Zpanic-abort-tests; fi
if [ -z "${{RUSTC_BOOTSTRAP:-}}" ]; then set -- "$@" -Zallow-features=; fi
RUSTC_BOOTSTRAP=1 exec "$real" "$@"
"#,
        kind = match backend {
            CodegenBackend::Llvm => "LLVM (developer mode)",
            CodegenBackend::Dylib(_) => "Cranelift",
        },
    )
}

/// The text of `bin/rustdoc`: runs `libexec/rustdoc-real` with
/// `-Cpanic=abort` after the caller's arguments. rustdoc checks the crate
/// it documents or tests with that strategy, and a proc-macro crate (a
/// dylib) needs a panic runtime the sysroot has: only `panic_abort`.
pub fn rustdoc_script() -> String {
    r#"#!/bin/sh
# rustdoc of clif-toolchain (panic=abort only). Generated by toolchain-builder
# (stage `dist`); doctests are compiled by ../bin/rustc. See README.
self=$0
if resolved=$(readlink -f -- "$0" 2>/dev/null); then self=$resolved; fi
root=$(cd -- "$(dirname -- "$self")/.." && pwd -P) || exit 1
exec "$root/libexec/rustdoc-real" "$@" -Cpanic=abort
"#
    .to_owned()
}

/// The `VERSION` file: the id line, then what went into the toolchain.
fn version_text(id: &str, inputs: &Inputs<'_>, backend_id: &str) -> String {
    let base = inputs.base.version_info.lines().next().unwrap_or("rustc");
    format!(
        "{VERSION_MAGIC} {id}\nbase: {base}\ncodegen backend: {backend_id}\n\
         sysroot: {} ({})\nhost: {}\npanic strategy: abort\n",
        inputs.sysroot_key,
        inputs.sysroot.display(),
        inputs.host
    )
}

const README: &str = "\
clif-toolchain: a Rust toolchain (rustc 1.96.0) whose code generator is
Cranelift. Built by toolchain-builder from the clif-toolchain repository;
VERSION says from what.

Use it with rustup:   rustup toolchain link clif <this directory>
                      cargo +clif build
or without rustup:    RUSTC=<this>/bin/rustc RUSTDOC=<this>/bin/rustdoc cargo build

bin/rustc is a small sh script running libexec/rustc-real (rustc) with the
Cranelift backend (lib/rustlib/<host>/codegen-backends/) and -Cpanic=abort;
bin/rustdoc runs libexec/rustdoc-real with -Cpanic=abort, and doctests are
compiled by bin/rustc.
The standard library in lib/rustlib/<host>/lib/ was compiled by Cranelift
without unwinding support, so the toolchain is panic=abort only: a panic
prints its message and aborts the process; `cargo test` works
(-Zpanic-abort-tests is added for test builds) and #[should_panic] tests
pass. Unstable features (#![feature]) are refused unless RUSTC_BOOTSTRAP is
set in the environment.
";

/// The id in `dir/VERSION`, if `dir` is a dist directory.
fn existing_id(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join("VERSION")).ok()?;
    let first = text.lines().next()?;
    first
        .strip_prefix(VERSION_MAGIC)
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

/// Fills `tmp` with the toolchain.
fn assemble(inputs: &Inputs<'_>, tmp: &Path, script: &str, version: &str) -> anyhow::Result<()> {
    let base = &inputs.base.root;
    let host_dir = tmp.join("lib").join("rustlib").join(inputs.host);
    for dir in [tmp.join("bin"), tmp.join("libexec"), host_dir.join("lib")] {
        std::fs::create_dir_all(&dir)?;
    }
    copy(&inputs.base.rustc, &tmp.join("libexec").join("rustc-real"))?;
    if let Some(rustdoc) = &inputs.base.rustdoc {
        copy(rustdoc, &tmp.join("libexec").join("rustdoc-real"))?;
        write_executable(&tmp.join("bin").join("rustdoc"), &rustdoc_script())?;
    }
    let mut driver = false;
    for entry in std::fs::read_dir(base.join("lib"))? {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if path.is_file() && name.ends_with(".so") {
            driver |= name.starts_with("librustc_driver-");
            copy(
                &path,
                &tmp.join("lib").join(path.file_name().unwrap_or_default()),
            )?;
        }
    }
    if !driver {
        bail!(
            "the base toolchain has no lib/librustc_driver-*.so in {}",
            base.join("lib").display()
        );
    }
    let libdir = target_libdir(inputs.sysroot, inputs.host);
    for entry in std::fs::read_dir(&libdir)
        .with_context(|| format!("cannot read the sysroot {}", libdir.display()))?
    {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "rlib") {
            copy(
                &path,
                &host_dir
                    .join("lib")
                    .join(path.file_name().unwrap_or_default()),
            )?;
        }
    }
    if let CodegenBackend::Dylib(dylib) = inputs.backend {
        let backends = host_dir.join("codegen-backends");
        std::fs::create_dir_all(&backends)?;
        copy(dylib, &backends.join(DYLIB))?;
    }
    write_executable(&tmp.join("bin").join("rustc"), script)?;
    std::fs::write(tmp.join("VERSION"), version)?;
    std::fs::write(tmp.join("README"), README)?;
    Ok(())
}

fn write_executable(path: &Path, text: &str) -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::write(path, text)
        .and_then(|()| std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)))
        .with_context(|| format!("cannot write {}", path.display()))
}

fn copy(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::copy(from, to)
        .map(drop)
        .with_context(|| format!("cannot copy {} to {}", from.display(), to.display()))
}

/// `tmp/bin/rustc --print sysroot` must print `tmp`: the wrapper runs, the
/// real rustc finds its libraries and takes the directory as its sysroot.
fn self_check(tmp: &Path, shell: Shell) -> anyhow::Result<()> {
    let mut cmd = clean_command(tmp.join("bin").join("rustc"));
    cmd.args(["--print", "sysroot"])
        .env_remove("RUSTC_BOOTSTRAP");
    let command = describe(&cmd);
    let failure = |summary: String, output: String| StageError {
        stage: STAGE,
        summary,
        command: command.clone(),
        output,
    };
    let out = match shell.capture(&mut cmd, CHECK_TIMEOUT) {
        Ok(out) => out,
        Err(err) => {
            return Err(failure(format!("cannot run the wrapper: {err}"), String::new()).into())
        }
    };
    if !out.succeeded() {
        return Err(failure(
            format!("the assembled rustc does not run ({})", out.outcome),
            out.stderr_text(),
        )
        .into());
    }
    let printed = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    let expected = std::fs::canonicalize(tmp).unwrap_or_else(|_| tmp.to_owned());
    if Path::new(&printed) != expected {
        return Err(failure(
            format!(
                "the assembled rustc reports the sysroot {printed}, not {}",
                expected.display()
            ),
            out.stderr_text(),
        )
        .into());
    }
    Ok(())
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
    fn wrapper_names_the_backend_only_for_clif() {
        let host = "x86_64-unknown-linux-gnu";
        let clif = wrapper_script(&CodegenBackend::Dylib(PathBuf::from("/x.so")), host);
        assert!(clif.starts_with("#!/bin/sh\n"));
        assert!(clif.contains(
            "\"-Zcodegen-backend=$root/lib/rustlib/x86_64-unknown-linux-gnu/\
             codegen-backends/librustc_codegen_clif.so\" -Cpanic=abort"
        ));
        // The dylib's own path is not baked in: the directory can move.
        assert!(!clif.contains("/x.so"));
        let llvm = wrapper_script(&CodegenBackend::Llvm, host);
        assert!(!llvm.contains("codegen-backend"));
        assert!(llvm.contains("set -- \"$@\" -Cpanic=abort\n"));
    }

    /// Runs a wrapper (written into a fake dist whose rustc-real echoes its
    /// arguments and RUSTC_BOOTSTRAP) with `args`.
    fn run_wrapper(args: &[&str], bootstrap: Option<&str>) -> String {
        use std::os::unix::fs::PermissionsExt as _;
        let tmp = tempfile::tempdir().expect("tempdir");
        for dir in ["bin", "libexec"] {
            std::fs::create_dir_all(tmp.path().join(dir)).expect("mkdir");
        }
        let fake = tmp.path().join("libexec/rustc-real");
        std::fs::write(
            &fake,
            "#!/bin/sh\necho \"RUSTC_BOOTSTRAP=$RUSTC_BOOTSTRAP $*\"\n",
        )
        .expect("write");
        let wrapper = tmp.path().join("bin/rustc");
        std::fs::write(
            &wrapper,
            wrapper_script(&CodegenBackend::Dylib(PathBuf::from("/x.so")), "h"),
        )
        .expect("write");
        std::fs::write(tmp.path().join("VERSION"), "clif-toolchain 0123\n").expect("write");
        std::fs::write(tmp.path().join("args"), "--edition=2021\n--test\n").expect("write");
        for file in [&fake, &wrapper] {
            std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        }
        let mut cmd = std::process::Command::new(&wrapper);
        cmd.args(args)
            .current_dir(tmp.path())
            .env_remove("RUSTC_BOOTSTRAP");
        if let Some(value) = bootstrap {
            cmd.env("RUSTC_BOOTSTRAP", value);
        }
        let out = cmd.output().expect("wrapper runs");
        assert!(out.status.success(), "{out:?}");
        let root = std::fs::canonicalize(tmp.path()).expect("canonical");
        String::from_utf8(out.stdout)
            .expect("utf-8")
            .replace(&root.display().to_string(), "ROOT")
    }

    #[test]
    fn wrapper_adds_backend_panic_abort_and_feature_gate() {
        assert_eq!(
            run_wrapper(&["a.rs", "-O"], None),
            "RUSTC_BOOTSTRAP=1 a.rs -O -Zcodegen-backend=ROOT/lib/rustlib/h/codegen-backends/\
             librustc_codegen_clif.so -Cpanic=abort -Zallow-features=\n"
        );
    }

    #[test]
    fn wrapper_adds_panic_abort_tests_for_test_builds() {
        let direct = run_wrapper(&["--test", "a.rs"], None);
        assert!(
            direct.contains("-Cpanic=abort -Zpanic-abort-tests"),
            "{direct}"
        );
        let argfile = run_wrapper(&["@args"], None);
        assert!(argfile.contains("-Zpanic-abort-tests"), "{argfile}");
        let plain = run_wrapper(&["--crate-type", "lib"], None);
        assert!(!plain.contains("-Zpanic-abort-tests"), "{plain}");
    }

    #[test]
    fn callers_bootstrap_keeps_features_allowed() {
        let out = run_wrapper(&["a.rs"], Some("1"));
        assert!(!out.contains("-Zallow-features"), "{out}");
    }

    #[test]
    fn version_probe_gets_the_dist_id() {
        let out = run_wrapper(&["-vV"], None);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines,
            [
                "RUSTC_BOOTSTRAP=1 -vV -Zcodegen-backend=ROOT/lib/rustlib/h/codegen-backends/\
                 librustc_codegen_clif.so",
                "clif-toolchain: 0123"
            ]
        );
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
            dist_dir: root.join("dist"),
        };
        let out = root.join("out");
        assemble(&inputs, &out, "#!/bin/sh\n", "clif-toolchain id\n").expect("assemble");
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
                "bin/rustc",
                "bin/rustdoc",
                "lib/librustc_driver-1.so",
                "lib/rustlib/h/codegen-backends/librustc_codegen_clif.so",
                "lib/rustlib/h/lib/libstd-3.rlib",
                "libexec/rustc-real",
                "libexec/rustdoc-real",
            ]
        );
        assert_eq!(
            std::fs::read_to_string(out.join("libexec/rustc-real")).expect("read"),
            "base/bin/rustc"
        );
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
