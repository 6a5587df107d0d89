//! One side of a differential test: a rustc (the base rustc, possibly with
//! `-Zcodegen-backend=`, or a toolchain's own `bin/rustc`) with its own
//! output directory, the rustc invocations that compile a support library
//! and the test programs with it, and running the resulting binaries.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::codegen::CodegenBackend;
use crate::process::{clean_command, Captured, Shell};
use crate::targets::TargetSpec;

/// Compiling one test file may take this long.
const COMPILE_TIMEOUT: Duration = Duration::from_secs(300);
/// Running one test binary natively may take this long (see
/// `Runner::timeout`).
const RUN_TIMEOUT: Duration = Duration::from_secs(10);

/// The environment of every compiler run by a test suite: `RUSTC_ICE=0` (no
/// `rustc-ice-*.txt` files in the working directory) and, when `backend` is
/// the backend dylib, `CLIF_VERIFIER=1` (the project's own tests always run
/// Cranelift's IR verifier).
pub fn compiler_env(backend: &CodegenBackend) -> Vec<(&'static str, OsString)> {
    let mut env = vec![("RUSTC_ICE", OsString::from("0"))];
    if matches!(backend, CodegenBackend::Dylib(_)) {
        env.push(("CLIF_VERIFIER", OsString::from("1")));
    }
    env
}

/// Everything needed to compile and run tests with one backend.
#[derive(Debug, Clone)]
pub struct Side {
    /// `llvm` or `clif`: used in messages and as the output directory name.
    pub name: &'static str,
    /// The backend that generates this side's code.
    backend: CodegenBackend,
    out_dir: PathBuf,
    rustc: PathBuf,
    /// Arguments for every compile, after the shared flags.
    args: Vec<OsString>,
    /// Arguments for test programs only (such as `--extern`).
    test_args: Vec<OsString>,
    env: Vec<(&'static str, OsString)>,
    target: TargetSpec,
    shell: Shell,
}

impl Side {
    /// A side compiling with `rustc` into `out_root/name`; `backend` is the
    /// backend that rustc ends up using (a dylib backend gets Cranelift's IR
    /// verifier, `CLIF_VERIFIER=1`).
    pub fn new(
        name: &'static str,
        rustc: &Path,
        backend: CodegenBackend,
        out_root: &Path,
        target: &TargetSpec,
        shell: Shell,
    ) -> Self {
        let env = compiler_env(&backend);
        Self {
            name,
            backend,
            out_dir: out_root.join(name),
            rustc: rustc.to_owned(),
            args: Vec::new(),
            test_args: Vec::new(),
            env,
            target: target.clone(),
            shell,
        }
    }

    /// Passes `-Zcodegen-backend=` for a dylib backend (needed when `rustc`
    /// is the base rustc rather than a toolchain that chooses it itself).
    pub fn selecting_backend(mut self) -> Self {
        self.args.extend(self.backend.flag());
        self
    }

    /// Sets an environment variable for every compile.
    pub fn with_env(mut self, key: &'static str, value: &str) -> Self {
        self.env.push((key, value.into()));
        self
    }

    /// Adds arguments to every compile.
    pub fn with_args(mut self, args: impl IntoIterator<Item = OsString>) -> Self {
        self.args.extend(args);
        self
    }

    /// Adds arguments to every compile of a test program.
    pub fn with_test_args(mut self, args: impl IntoIterator<Item = OsString>) -> Self {
        self.test_args.extend(args);
        self
    }

    /// The architecture this side compiles for (`cranelift_isa`).
    pub fn arch(&self) -> &str {
        &self.target.cranelift_isa
    }

    /// This side's output directory.
    pub fn out_dir(&self) -> &Path {
        &self.out_dir
    }

    /// Whether this side compiles with rustc's LLVM backend.
    pub fn uses_llvm(&self) -> bool {
        matches!(self.backend, CodegenBackend::Llvm)
    }

    /// Compiles a library into `<out>/lib<crate_name>.rlib`.
    pub fn compile_library(&self, source: &Path, crate_name: &str) -> std::io::Result<Captured> {
        std::fs::create_dir_all(&self.out_dir)?;
        let mut cmd = self.rustc();
        cmd.arg(source)
            .args([
                "--crate-type",
                "rlib",
                "--crate-name",
                crate_name,
                "--out-dir",
            ])
            .arg(&self.out_dir);
        self.shell.capture(&mut cmd, COMPILE_TIMEOUT)
    }

    /// Compiles a test program into `<out>/<crate_name>`, with the test's
    /// own `flags` last.
    pub fn compile_test(
        &self,
        source: &Path,
        crate_name: &str,
        flags: &[String],
    ) -> std::io::Result<Captured> {
        std::fs::create_dir_all(&self.out_dir)?;
        let mut cmd = self.rustc();
        cmd.arg(source)
            .args(["--crate-type", "bin", "--crate-name", crate_name])
            .args(&self.test_args)
            .args(flags)
            .arg("-o")
            .arg(self.binary(crate_name));
        self.shell.capture(&mut cmd, COMPILE_TIMEOUT)
    }

    /// Runs a compiled test program with `args`.
    pub fn run_test(&self, crate_name: &str, args: &[String]) -> std::io::Result<Captured> {
        let mut cmd = self.target.runner.command(&self.binary(crate_name));
        cmd.args(args).current_dir(&self.out_dir);
        self.shell
            .capture(&mut cmd, self.target.runner.timeout(RUN_TIMEOUT))
    }

    fn binary(&self, crate_name: &str) -> PathBuf {
        self.out_dir.join(crate_name)
    }

    /// rustc with the flags every compile shares.
    fn rustc(&self) -> Command {
        let mut cmd = clean_command(&self.rustc);
        cmd.env_remove("RUSTC_BOOTSTRAP")
            .args(["--edition", "2021", "-Cdebuginfo=0", "-Copt-level=0"])
            .args(["--target", &self.target.triple])
            .arg(format!("-Clinker={}", self.target.linker))
            .args(&self.args);
        for (key, value) in &self.env {
            cmd.env(key, value);
        }
        cmd
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::describe;

    fn target() -> TargetSpec {
        TargetSpec::host_for_tests()
    }

    #[test]
    fn base_rustc_side_selects_the_dylib_and_runs_the_verifier() {
        let backend = CodegenBackend::Dylib(PathBuf::from("/b/clif.so"));
        let side = Side::new(
            "clif",
            Path::new("/base/rustc"),
            backend,
            Path::new("/out"),
            &target(),
            Shell { verbose: false },
        )
        .selecting_backend()
        .with_env("RUSTC_BOOTSTRAP", "1");
        let line = describe(&side.rustc());
        assert!(line.contains("CLIF_VERIFIER=1"), "{line}");
        assert!(line.contains("RUSTC_BOOTSTRAP=1"), "{line}");
        assert!(
            line.ends_with("-Clinker=cc -Zcodegen-backend=/b/clif.so"),
            "{line}"
        );
        assert!(!side.uses_llvm());
        assert_eq!(side.out_dir(), Path::new("/out/clif"));
    }

    #[test]
    fn toolchain_side_leaves_the_backend_to_the_toolchain() {
        let backend = CodegenBackend::Dylib(PathBuf::from("/b/clif.so"));
        let side = Side::new(
            "clif",
            Path::new("/dist/bin/rustc"),
            backend,
            Path::new("/out"),
            &target(),
            Shell { verbose: false },
        );
        let line = describe(&side.rustc());
        assert!(!line.contains("codegen-backend"), "{line}");
        assert!(!line.contains("RUSTC_BOOTSTRAP"), "{line}");
    }
}
