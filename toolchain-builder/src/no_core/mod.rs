//! The `no_core` differential test suite in `tests/no_core/`: `mini_core.rs`
//! is compiled as an rlib with each backend (by the base rustc, the clif side
//! with `-Zcodegen-backend=`), then every other `*.rs` file is compiled with
//! each backend against that backend's mini_core, both binaries run, and
//! their stdout, stderr and exit status compared (see [`crate::difftest`]).

use std::ffi::OsString;
use std::path::PathBuf;
use std::thread;

use anyhow::bail;

use crate::base::BaseToolchain;
use crate::codegen::CodegenBackend;
use crate::difftest::case::{Blockers, Case, Verdict};
use crate::difftest::side::Side;
use crate::difftest::{self, Report};
use crate::layout::Layout;
use crate::process::Shell;
use crate::targets::TargetSpec;

/// The library every test program links against.
const MINI_CORE: &str = "mini_core";

/// The suite's files: mini_core and the test programs.
pub struct Plan {
    pub mini_core: PathBuf,
    pub cases: Vec<Case>,
}

/// `tests/no_core/mini_core.rs` and the test programs (every other `*.rs`).
pub fn discover(layout: &Layout) -> anyhow::Result<Plan> {
    let dir = layout.no_core_tests_dir();
    let mini_core = dir.join(format!("{MINI_CORE}.rs"));
    if !mini_core.is_file() {
        bail!(
            "{} does not exist: the no_core suite needs its mini_core library",
            mini_core.display()
        );
    }
    let cases = difftest::discover(&dir, &[MINI_CORE])?;
    Ok(Plan { mini_core, cases })
}

/// What to run the suite with.
pub struct Suite<'a> {
    pub layout: &'a Layout,
    pub base: &'a BaseToolchain,
    pub target: &'a TargetSpec,
    /// The backend of the `clif` side (normally the built dylib).
    pub clif_backend: CodegenBackend,
    pub shell: Shell,
}

/// Runs mini_core and the plan's cases; prints one line per test and the
/// suite's counts.
pub fn run(suite: &Suite<'_>, plan: &Plan) -> Report {
    let out_root = suite.layout.no_core_out_dir();
    let side = |name, backend| {
        let side = Side::new(
            name,
            &suite.base.rustc,
            backend,
            &out_root,
            suite.target,
            suite.shell,
        )
        .selecting_backend()
        // mini_core has no unwinding runtime (no personality routine).
        .with_args([OsString::from("-Cpanic=abort")])
        .with_env("RUSTC_BOOTSTRAP", "1");
        let mut extern_arg = OsString::from("mini_core=");
        extern_arg.push(side.out_dir().join("libmini_core.rlib"));
        let search = side.out_dir().as_os_str().to_owned();
        side.with_test_args([
            OsString::from("--extern"),
            extern_arg,
            OsString::from("-L"),
            search,
        ])
    };
    let llvm = side("llvm", CodegenBackend::Llvm);
    let clif = side("clif", suite.clif_backend.clone());

    println!(
        "running {} no_core tests for {}, output in {}",
        plan.cases.len() + 1,
        suite.target.triple,
        out_root.display()
    );
    let mut report = Report::default();
    let (blockers, verdict) = build_mini_core(&plan.mini_core, &llvm, &clif);
    report.record(MINI_CORE, verdict);
    difftest::run_cases(&plan.cases, &llvm, &clif, &blockers, &mut report);
    report.print_summary("no_core: ");
    report
}

/// Compiles mini_core with both sides (in parallel); the verdict covers both.
fn build_mini_core(source: &std::path::Path, llvm: &Side, clif: &Side) -> (Blockers, Verdict) {
    let (llvm_out, clif_out) = thread::scope(|scope| {
        let llvm_job = scope.spawn(|| llvm.compile_library(source, MINI_CORE));
        let clif_out = clif.compile_library(source, MINI_CORE);
        let llvm_out = llvm_job
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("compile thread panicked")));
        (llvm_out, clif_out)
    });
    let mut blockers = Blockers::default();
    let mut failure = None;
    for (side, out, blocker) in [
        (llvm, llvm_out, &mut blockers.llvm),
        (clif, clif_out, &mut blockers.clif),
    ] {
        let verdict = match out {
            Ok(out) if out.succeeded() => continue,
            Ok(out) => Verdict::compile_failure(
                format!(
                    "{} compile of mini_core failed ({})",
                    side.name, out.outcome
                ),
                side.name,
                &out,
            ),
            Err(err) => Verdict::fail(format!("cannot run rustc: {err}")),
        };
        *blocker = Some(format!(
            "mini_core did not compile with the {} backend",
            side.name
        ));
        failure.get_or_insert(verdict);
    }
    (blockers, failure.unwrap_or(Verdict::Pass))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_mini_core_is_an_error() {
        let tmp = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(tmp.path().join("tests/no_core")).expect("mkdir");
        let layout = Layout {
            repo: tmp.path().to_owned(),
            build: tmp.path().join("build"),
        };
        let err = discover(&layout).err().expect("no mini_core");
        assert!(
            err.to_string().contains("mini_core.rs does not exist"),
            "{err}"
        );
    }

    #[test]
    fn mini_core_is_not_a_case() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("tests/no_core");
        std::fs::create_dir_all(&dir).expect("mkdir");
        for name in ["mini_core.rs", "b.rs", "a.rs"] {
            std::fs::write(dir.join(name), "").expect("write");
        }
        let layout = Layout {
            repo: tmp.path().to_owned(),
            build: tmp.path().join("build"),
        };
        let plan = discover(&layout).expect("discover");
        assert_eq!(plan.mini_core, dir.join("mini_core.rs"));
        let names: Vec<&str> = plan.cases.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["a", "b"]);
    }
}
