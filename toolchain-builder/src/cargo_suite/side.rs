//! The two ways of running cargo that the cargo-driven suites compare (the
//! `cargo` suite here and the `crater` suite): the llvm side (the base
//! rustc and rustdoc with the flags `bin/rustc` would add) and the clif side
//! (the toolchain's `bin/rustc` and `bin/rustdoc`), each with its own target
//! dir; a cargo command for a side in a given directory; and running one
//! with a log file (the command line, its exit status, stderr and stdout).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::base::BaseToolchain;
use crate::codegen::CodegenBackend;
use crate::difftest::side::compiler_env;
use crate::process::{describe, Captured, Shell};
use crate::progress::Step;
use crate::stages::cargo::relevant_output;
use crate::stages::dist;
use crate::targets::TargetSpec;

use super::cargo_command;

/// Show at most this many lines of cargo's stderr (or of the failed tests'
/// output) in a report.
const MAX_OUTPUT_LINES: usize = 20;

/// The llvm side's flags: what `bin/rustc` adds for the clif side (no
/// `#![feature]`, the launcher's own gate), for the base rustc (with
/// `RUSTC_BOOTSTRAP=1` for the `-Z` flag).
pub const LLVM_RUSTFLAGS: &[&str] = &[clif_launcher::FEATURE_GATE];
/// What `bin/rustdoc` adds: nothing.
const LLVM_RUSTDOCFLAGS: &[&str] = &[];

/// One way of running cargo: the compilers, flags and target dir.
#[derive(Debug)]
pub struct CargoSide {
    /// `llvm` or `clif`, as in the other suites.
    pub name: &'static str,
    pub rustc: PathBuf,
    pub rustdoc: Option<PathBuf>,
    /// `CARGO_ENCODED_RUSTFLAGS`.
    rustflags: &'static [&'static str],
    /// `CARGO_ENCODED_RUSTDOCFLAGS`.
    rustdocflags: &'static [&'static str],
    env: Vec<(&'static str, OsString)>,
    pub target_dir: PathBuf,
    /// A `--sysroot` for the target crates and doctests (the llvm side of a
    /// cross target: a std built with LLVM for it).
    sysroot: Option<PathBuf>,
}

/// The llvm and the clif side, with target dirs `out/llvm` and `out/clif`.
pub fn sides(
    base: &BaseToolchain,
    toolchain: &dist::Outputs,
    clif_backend: &CodegenBackend,
    out: &Path,
) -> [CargoSide; 2] {
    let mut llvm_env = compiler_env(&CodegenBackend::Llvm);
    llvm_env.push(("RUSTC_BOOTSTRAP", OsString::from("1")));
    [
        CargoSide {
            name: "llvm",
            rustc: base.rustc.clone(),
            rustdoc: base.rustdoc.clone(),
            rustflags: LLVM_RUSTFLAGS,
            rustdocflags: LLVM_RUSTDOCFLAGS,
            env: llvm_env,
            target_dir: out.join("llvm"),
            sysroot: None,
        },
        CargoSide {
            name: "clif",
            rustc: toolchain.rustc.clone(),
            rustdoc: toolchain.rustdoc.clone(),
            rustflags: &[],
            rustdocflags: &[],
            env: compiler_env(clif_backend),
            target_dir: out.join("clif"),
            sysroot: None,
        },
    ]
}

impl CargoSide {
    /// This side with `--sysroot sysroot` for the target's crates.
    pub fn with_sysroot(mut self, sysroot: Option<&Path>) -> Self {
        self.sysroot = sysroot.map(Path::to_owned);
        self
    }

    /// `cargo <args> --locked --target-dir <side's>` in `dir`, with the
    /// side's compilers and flags; for a target other than the host also
    /// `--target` (flags then reach only the target's crates, not build
    /// scripts and proc macros) and the target's runner.
    pub fn cargo(&self, dir: &Path, target: &TargetSpec, args: &[&str]) -> Command {
        let sysroot = self
            .sysroot
            .as_ref()
            .map(|s| format!("--sysroot={}", s.display()));
        let with_sysroot = |flags: &[&str]| {
            let mut flags: Vec<String> = flags.iter().map(|f| (*f).to_owned()).collect();
            flags.extend(sysroot.clone());
            flags
        };
        let rustflags = with_sysroot(self.rustflags);
        let rustflags: Vec<&str> = rustflags.iter().map(String::as_str).collect();
        let mut cmd = cargo_command(dir, target, &self.rustc, &rustflags);
        cmd.args(args)
            .args(["--locked", "--target-dir"])
            .arg(&self.target_dir)
            .env(
                "CARGO_ENCODED_RUSTDOCFLAGS",
                with_sysroot(self.rustdocflags).join("\x1f"),
            );
        if target.triple != crate::targets::HOST {
            cmd.args(["--target", &target.triple]);
            if let Some(runner) = target.runner.cargo_runner() {
                cmd.env(target.cargo_env("RUNNER"), runner);
            }
        }
        if let Some(rustdoc) = &self.rustdoc {
            cmd.env("RUSTDOC", rustdoc);
        }
        for (key, value) in &self.env {
            cmd.env(key, value);
        }
        cmd
    }
}

/// Runs `cmd` under a progress step named `label`, with a time limit, and
/// writes its log to `log`.
pub fn run_logged(
    shell: Shell,
    side: &'static str,
    mut cmd: Command,
    label: &str,
    log: &Path,
    timeout: Duration,
) -> Result<Ran, String> {
    let step = Step::spinner(label);
    let captured = shell
        .capture(&mut cmd, timeout)
        .map_err(|err| format!("cannot run cargo: {err}"))?;
    step.finish(&captured.outcome.to_string());
    let text = format!(
        "command: {}\noutcome: {}\n\n--- stderr ---\n{}\n--- stdout ---\n{}",
        describe(&cmd),
        captured.outcome,
        captured.stderr_text(),
        String::from_utf8_lossy(&captured.stdout),
    );
    let written = log
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| std::fs::write(log, text));
    if let Err(err) = written {
        return Err(format!("cannot write {}: {err}", log.display()));
    }
    Ok(Ran {
        side,
        captured,
        log: log.to_owned(),
    })
}

/// A cargo command that ran, with its log file.
#[derive(Debug)]
pub struct Ran {
    pub side: &'static str,
    pub captured: Captured,
    pub log: PathBuf,
}

impl Ran {
    /// The last lines of cargo's stderr that matter (no progress lines or
    /// warnings) and the log's path, for a report.
    pub fn excerpt(&self) -> Vec<String> {
        let lines: Vec<String> = self
            .captured
            .stderr_text()
            .lines()
            .map(str::to_owned)
            .collect();
        let relevant = relevant_output(&lines);
        let relevant: Vec<&str> = relevant.lines().collect();
        let mut excerpt = vec![format!("{} cargo stderr:", self.side)];
        excerpt.extend(last_lines(&relevant));
        excerpt.push(format!("{} log: {}", self.side, self.log.display()));
        excerpt
    }
}

/// The last [`MAX_OUTPUT_LINES`] of `lines`, indented, after a note of how
/// many were left out.
pub fn last_lines(lines: &[&str]) -> Vec<String> {
    let skip = lines.len().saturating_sub(MAX_OUTPUT_LINES);
    let mut shown = Vec::new();
    if skip > 0 {
        shown.push(format!("  ... ({skip} lines before)"));
    }
    shown.extend(lines[skip..].iter().map(|l| format!("  {l}")));
    shown
}
