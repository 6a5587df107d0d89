//! One side of the differential test: a codegen backend (LLVM, or the
//! Cranelift dylib through `-Zcodegen-backend`) with its own output
//! directory, and the rustc invocations that compile `mini_core` and the
//! test programs with it, plus running the resulting binaries.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::base::BaseToolchain;
use crate::process::{clean_command, Captured, Shell};
use crate::targets::{Runner, TargetSpec};

/// Compiling one test file may take this long.
const COMPILE_TIMEOUT: Duration = Duration::from_secs(300);
/// Running one test binary may take this long.
const RUN_TIMEOUT: Duration = Duration::from_secs(10);

/// The codegen backend a side compiles with.
#[derive(Debug, Clone)]
pub enum CodegenBackend {
    /// rustc's own LLVM backend.
    Llvm,
    /// A backend dylib loaded with `-Zcodegen-backend=`.
    Dylib(PathBuf),
}

/// Everything needed to compile and run tests with one backend.
#[derive(Debug, Clone)]
pub struct Side {
    /// `llvm` or `clif`: used in messages and as the output directory name.
    pub name: &'static str,
    backend: CodegenBackend,
    out_dir: PathBuf,
    rustc: PathBuf,
    target: TargetSpec,
    shell: Shell,
}

impl Side {
    pub fn new(
        name: &'static str,
        backend: CodegenBackend,
        out_root: &Path,
        base: &BaseToolchain,
        target: &TargetSpec,
        shell: Shell,
    ) -> Self {
        Self {
            name,
            backend,
            out_dir: out_root.join(name),
            rustc: base.rustc.clone(),
            target: target.clone(),
            shell,
        }
    }

    /// Whether this side compiles with rustc's LLVM backend.
    pub fn uses_llvm(&self) -> bool {
        matches!(self.backend, CodegenBackend::Llvm)
    }

    /// Compiles `mini_core.rs` into `<out>/libmini_core.rlib`.
    pub fn compile_mini_core(&self, source: &Path) -> std::io::Result<Captured> {
        std::fs::create_dir_all(&self.out_dir)?;
        let mut cmd = self.rustc();
        cmd.arg(source)
            .args([
                "--crate-type",
                "rlib",
                "--crate-name",
                "mini_core",
                "--out-dir",
            ])
            .arg(&self.out_dir);
        self.shell.capture(&mut cmd, COMPILE_TIMEOUT)
    }

    /// Compiles a test program into `<out>/<crate_name>`.
    pub fn compile_test(&self, source: &Path, crate_name: &str) -> std::io::Result<Captured> {
        let mut extern_arg = std::ffi::OsString::from("mini_core=");
        extern_arg.push(self.out_dir.join("libmini_core.rlib"));
        let mut cmd = self.rustc();
        cmd.arg(source)
            .args([
                "--crate-type",
                "bin",
                "--crate-name",
                crate_name,
                "--extern",
            ])
            .arg(extern_arg)
            .arg("-L")
            .arg(&self.out_dir)
            .arg("-o")
            .arg(self.binary(crate_name));
        self.shell.capture(&mut cmd, COMPILE_TIMEOUT)
    }

    /// Runs a compiled test program with `args`.
    pub fn run_test(&self, crate_name: &str, args: &[String]) -> std::io::Result<Captured> {
        let mut cmd = match self.target.runner {
            Runner::Native => Command::new(self.binary(crate_name)),
        };
        cmd.args(args).current_dir(&self.out_dir);
        self.shell.capture(&mut cmd, RUN_TIMEOUT)
    }

    fn binary(&self, crate_name: &str) -> PathBuf {
        self.out_dir.join(crate_name)
    }

    /// rustc with the flags every compile shares.
    fn rustc(&self) -> Command {
        let mut cmd = clean_command(&self.rustc);
        // RUSTC_ICE=0: no rustc-ice-*.txt files in the working directory.
        cmd.env("RUSTC_BOOTSTRAP", "1")
            .env("RUSTC_ICE", "0")
            .args([
                "--edition",
                "2021",
                "-Cpanic=abort",
                "-Cdebuginfo=0",
                "-Copt-level=0",
            ])
            .args(["--target", &self.target.triple])
            .arg(format!("-Clinker={}", self.target.linker));
        if let CodegenBackend::Dylib(dylib) = &self.backend {
            let mut flag = std::ffi::OsString::from("-Zcodegen-backend=");
            flag.push(dylib);
            // The backend's own tests always run Cranelift's IR verifier.
            cmd.arg(flag).env("CLIF_VERIFIER", "1");
        }
        cmd
    }
}
