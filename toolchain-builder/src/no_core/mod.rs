//! The `no_core` differential test suite in `tests/no_core/`: `mini_core.rs`
//! is compiled as an rlib with each backend, then every other `*.rs` file is
//! compiled with each backend against that backend's mini_core, both
//! binaries run, and their stdout and exit status compared. Tests run on
//! [`JOBS`] threads; one line is printed per test and the run ends with
//! `N passed, N failed`.

mod case;
mod compare;
mod headers;
mod side;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;

use anyhow::{bail, Context as _};

pub use side::CodegenBackend;

use crate::base::BaseToolchain;
use crate::exit::{Exit, UsageError};
use crate::layout::Layout;
use crate::process::Shell;
use crate::targets::TargetSpec;
use case::{Case, MiniCore, Verdict};
use side::Side;

/// Tests run in parallel on this many threads.
const JOBS: usize = 2;

/// The library every test program links against.
const MINI_CORE: &str = "mini_core";

/// What to run the suite with.
pub struct Suite<'a> {
    pub layout: &'a Layout,
    pub base: &'a BaseToolchain,
    pub target: &'a TargetSpec,
    /// The backend of the `clif` side (normally the built dylib).
    pub clif_backend: CodegenBackend,
    /// Only tests whose name contains this.
    pub filter: Option<&'a str>,
    pub shell: Shell,
}

/// Runs the suite; `Exit::TestsFailed` if any test failed.
pub fn run(suite: &Suite<'_>) -> anyhow::Result<Exit> {
    let tests_dir = suite.layout.no_core_tests_dir();
    let (mini_core_src, all_cases) = discover(&tests_dir)?;
    let cases = select(all_cases, suite.filter)?;

    let out_root = suite.layout.no_core_out_dir();
    let side = |name, backend| {
        Side::new(
            name,
            backend,
            &out_root,
            suite.base,
            suite.target,
            suite.shell,
        )
    };
    let llvm = side("llvm", CodegenBackend::Llvm);
    let clif = side("clif", suite.clif_backend.clone());

    println!(
        "running {} no_core tests for {} ({JOBS} threads), output in {}",
        cases.len() + 1,
        suite.target.triple,
        out_root.display()
    );
    let mut report = Report::default();
    let (mini_core, verdict) = build_mini_core(&mini_core_src, &llvm, &clif);
    report.record(MINI_CORE, verdict);

    let (sender, receiver) = mpsc::channel();
    let next = AtomicUsize::new(0);
    thread::scope(|scope| {
        for _ in 0..JOBS {
            let sender = sender.clone();
            let (cases, next, llvm, clif) = (&cases, &next, &llvm, &clif);
            scope.spawn(move || {
                while let Some(case) = cases.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let verdict = case::run(case, llvm, clif, mini_core);
                    if sender.send((case.name.clone(), verdict)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for (name, verdict) in receiver {
            report.record(&name, verdict);
        }
    });
    Ok(report.finish())
}

/// `mini_core.rs` and the test programs (every other `*.rs`), by name.
fn discover(dir: &Path) -> anyhow::Result<(PathBuf, Vec<Case>)> {
    let mini_core = dir.join(format!("{MINI_CORE}.rs"));
    if !mini_core.is_file() {
        bail!(
            "{} does not exist: the no_core suite needs its mini_core library",
            mini_core.display()
        );
    }
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let path = entry?.path();
        let is_rs = path.extension().is_some_and(|ext| ext == "rs");
        let name = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        if let (true, Some(name)) = (is_rs && path.is_file(), name) {
            if name != MINI_CORE {
                cases.push(Case { name, path });
            }
        }
    }
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    Ok((mini_core, cases))
}

/// The cases matching `filter`; a filter matching nothing is a usage error.
fn select(cases: Vec<Case>, filter: Option<&str>) -> anyhow::Result<Vec<Case>> {
    let Some(filter) = filter else {
        return Ok(cases);
    };
    let names: Vec<String> = cases.iter().map(|c| c.name.clone()).collect();
    let selected: Vec<Case> = cases
        .into_iter()
        .filter(|c| c.name.contains(filter))
        .collect();
    if selected.is_empty() {
        return Err(UsageError(format!(
            "no test in tests/no_core matches `{filter}`; tests: {}",
            if names.is_empty() {
                "none".to_owned()
            } else {
                names.join(", ")
            }
        ))
        .into());
    }
    Ok(selected)
}

/// Compiles mini_core with both sides (in parallel); the verdict covers both.
fn build_mini_core(source: &Path, llvm: &Side, clif: &Side) -> (MiniCore, Verdict) {
    let (llvm_out, clif_out) = thread::scope(|scope| {
        let llvm_job = scope.spawn(|| llvm.compile_mini_core(source));
        let clif_out = clif.compile_mini_core(source);
        let llvm_out = llvm_job
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("compile thread panicked")));
        (llvm_out, clif_out)
    });
    let mut ok = MiniCore {
        llvm: false,
        clif: false,
    };
    let mut failure = None;
    for (side, out, flag) in [
        (llvm, llvm_out, &mut ok.llvm),
        (clif, clif_out, &mut ok.clif),
    ] {
        match out {
            Ok(out) if out.succeeded() => *flag = true,
            Ok(out) => {
                failure.get_or_insert_with(|| {
                    Verdict::compile_failure(
                        format!(
                            "{} compile of mini_core failed ({})",
                            side.name, out.outcome
                        ),
                        side.name,
                        &out,
                    )
                });
            }
            Err(err) => {
                failure.get_or_insert_with(|| Verdict::fail(format!("cannot run rustc: {err}")));
            }
        }
    }
    (ok, failure.unwrap_or(Verdict::Pass))
}

/// Prints results as they arrive and counts them.
#[derive(Default)]
struct Report {
    passed: usize,
    failed: Vec<String>,
}

impl Report {
    fn record(&mut self, name: &str, verdict: Verdict) {
        match verdict {
            Verdict::Pass => {
                self.passed += 1;
                println!("ok {name}");
            }
            Verdict::Fail { reason, details } => {
                self.failed.push(name.to_owned());
                println!("FAILED {name}: {reason}");
                for line in details {
                    println!("    {line}");
                }
            }
        }
    }

    fn finish(mut self) -> Exit {
        println!();
        if !self.failed.is_empty() {
            self.failed.sort();
            println!("failed tests: {}", self.failed.join(", "));
        }
        println!("{} passed, {} failed", self.passed, self.failed.len());
        if self.failed.is_empty() {
            Exit::Success
        } else {
            Exit::TestsFailed
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(cases: &[Case]) -> Vec<&str> {
        cases.iter().map(|c| c.name.as_str()).collect()
    }

    #[test]
    fn discovery_separates_mini_core_and_sorts() {
        let tmp = tempfile::tempdir().expect("tempdir");
        for name in ["mini_core.rs", "zeta.rs", "alpha.rs", "notes.txt"] {
            std::fs::write(tmp.path().join(name), "").expect("write");
        }
        std::fs::create_dir(tmp.path().join("aux.rs")).expect("mkdir");
        let (mini_core, cases) = discover(tmp.path()).expect("discover");
        assert_eq!(mini_core, tmp.path().join("mini_core.rs"));
        assert_eq!(names(&cases), ["alpha", "zeta"]);
    }

    #[test]
    fn missing_mini_core_is_an_error() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let err = discover(tmp.path()).expect_err("no mini_core");
        assert!(
            err.to_string().contains("mini_core.rs does not exist"),
            "{err}"
        );
    }

    #[test]
    fn filter_selects_by_substring() {
        let cases: Vec<Case> = ["arith", "calls", "arith_overflow"]
            .iter()
            .map(|n| Case {
                name: (*n).to_owned(),
                path: PathBuf::from(format!("{n}.rs")),
            })
            .collect();
        assert_eq!(names(&select(cases.clone(), None).expect("all")).len(), 3);
        assert_eq!(
            names(&select(cases.clone(), Some("arith")).expect("some")),
            ["arith", "calls", "arith_overflow"]
                .iter()
                .copied()
                .filter(|n| n.contains("arith"))
                .collect::<Vec<_>>()
        );
        let err = select(cases, Some("zzz")).expect_err("none");
        assert_eq!(crate::exit::exit_for(&err), Exit::Usage);
        assert!(err
            .to_string()
            .contains("tests: arith, calls, arith_overflow"));
    }
}
