//! The `std` differential test suite in `tests/std/`: every `*.rs` file is
//! an ordinary program using the standard library. It is compiled by the
//! base rustc with LLVM and the base toolchain's std (the reference), and by
//! the assembled toolchain's `bin/rustc` (Cranelift, with the
//! Cranelift-built std), both with `--edition 2021 -Copt-level=0` (so
//! panic=unwind, unless a test's `//@ compile-flags` say otherwise) and `RUSTC_BOOTSTRAP=1` (a few programs test unstable
//! library features such as `portable_simd`); both binaries run and their
//! stdout, stderr and exit status are compared (see [`crate::difftest`]).
//! For a cross target the reference's std is one the sysroot stage built
//! with LLVM for it (`--sysroot`), and both binaries run with the target's
//! runner (qemu-user).

use std::path::Path;

use crate::codegen::CodegenBackend;
use crate::difftest::case::{Blockers, Case};
use crate::difftest::side::Side;
use crate::difftest::{self, Report};
use crate::layout::Layout;
use crate::process::Shell;
use crate::targets::TargetSpec;

/// The suite's test programs.
pub fn discover(layout: &Layout) -> anyhow::Result<Vec<Case>> {
    difftest::discover(&layout.std_tests_dir(), &[])
}

/// What to run the suite with.
pub struct Suite<'a> {
    pub layout: &'a Layout,
    /// The base rustc (the LLVM side).
    pub base_rustc: &'a Path,
    /// The LLVM side's sysroot, when the base rustc's own has no std for
    /// the target.
    pub llvm_sysroot: Option<&'a Path>,
    /// The toolchain's `bin/rustc` (the clif side).
    pub toolchain_rustc: &'a Path,
    /// The backend the toolchain uses (LLVM in developer mode).
    pub clif_backend: CodegenBackend,
    pub target: &'a TargetSpec,
    pub shell: Shell,
}

/// Runs `cases`; prints one line per test and the suite's counts.
pub fn run(suite: &Suite<'_>, cases: &[Case]) -> Report {
    let out_root = suite.layout.std_out_dir();
    let llvm = Side::new(
        "llvm",
        suite.base_rustc,
        CodegenBackend::Llvm,
        &out_root,
        suite.target,
        suite.shell,
    )
    .with_env("RUSTC_BOOTSTRAP", "1")
    .with_args(
        suite
            .llvm_sysroot
            .map(|sysroot| ["--sysroot".into(), sysroot.into()])
            .into_iter()
            .flatten(),
    );
    let clif = Side::new(
        "clif",
        suite.toolchain_rustc,
        suite.clif_backend.clone(),
        &out_root,
        suite.target,
        suite.shell,
    )
    .with_env("RUSTC_BOOTSTRAP", "1");
    println!(
        "running {} std tests for {} with {}, output in {}",
        cases.len(),
        suite.target.triple,
        suite.toolchain_rustc.display(),
        out_root.display()
    );
    let mut report = Report::default();
    difftest::run_cases(cases, &llvm, &clif, &Blockers::default(), &mut report);
    report.print_summary("std: ");
    report
}
