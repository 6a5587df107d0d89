//! The differential test machinery shared by the test suites (`no_core`,
//! `std`, `cargo`): finding the test programs of a directory and filtering
//! them, running them on [`JOBS`] threads (each compiled and run by an LLVM
//! side and a clif side, see [`case`]), comparing two runs ([`compare`]),
//! and the report: one line per test as it finishes, then per suite and
//! overall `N passed, N failed`.

pub mod case;
pub mod compare;
mod headers;
pub mod side;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;

use anyhow::Context as _;

use crate::exit::Exit;
use case::{Blockers, Case, Verdict};
use side::Side;

/// Tests run in parallel on this many threads.
const JOBS: usize = 2;

/// Every `*.rs` file in `dir` except those named in `exclude` (by stem),
/// sorted by name.
pub fn discover(dir: &Path, exclude: &[&str]) -> anyhow::Result<Vec<Case>> {
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let path = entry?.path();
        let is_rs = path.extension().is_some_and(|ext| ext == "rs");
        let name = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        if let (true, Some(name)) = (is_rs && path.is_file(), name) {
            if !exclude.contains(&name.as_str()) {
                cases.push(Case { name, path });
            }
        }
    }
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(cases)
}

/// The cases whose name contains `filter` (all of them without a filter).
pub fn select(cases: Vec<Case>, filter: Option<&str>) -> Vec<Case> {
    match filter {
        None => cases,
        Some(filter) => cases
            .into_iter()
            .filter(|c| c.name.contains(filter))
            .collect(),
    }
}

/// Runs `cases` on [`JOBS`] threads, recording each verdict in `report`.
pub fn run_cases(
    cases: &[Case],
    llvm: &Side,
    clif: &Side,
    blockers: &Blockers,
    report: &mut Report,
) {
    let (sender, receiver) = mpsc::channel();
    let next = AtomicUsize::new(0);
    thread::scope(|scope| {
        for _ in 0..JOBS {
            let sender = sender.clone();
            let next = &next;
            scope.spawn(move || {
                while let Some(case) = cases.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let verdict = case::run(case, llvm, clif, blockers);
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
}

/// Reports every case of `suite` as failed because the toolchain could not
/// be built (the error itself has been printed already).
pub fn toolchain_unavailable(suite: &str, cases: &[Case], why: &str) -> Report {
    println!(
        "running {} {suite} tests: no toolchain ({why})",
        cases.len()
    );
    let mut report = Report::default();
    for case in cases {
        report.record(
            &case.name,
            Verdict::fail(format!("not run: the toolchain did not build ({why})")),
        );
    }
    report.print_summary(&format!("{suite}: "));
    report
}

/// Prints results as they arrive and counts them.
#[derive(Debug, Default)]
pub struct Report {
    passed: usize,
    skipped: usize,
    failed: Vec<String>,
}

impl Report {
    /// Prints `ok NAME` or `FAILED NAME: reason` (and details) and counts it.
    pub fn record(&mut self, name: &str, verdict: Verdict) {
        match verdict {
            Verdict::Pass => {
                self.passed += 1;
                println!("ok {name}");
            }
            Verdict::Skip(reason) => {
                self.skipped += 1;
                println!("skipped {name}: {reason}");
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

    /// Adds another report's counts (a suite's, into the overall one).
    pub fn absorb(&mut self, other: Report) {
        self.passed += other.passed;
        self.skipped += other.skipped;
        self.failed.extend(other.failed);
    }

    /// The `N passed, N failed` line (`, N skipped` when some were).
    pub fn counts(&self) -> String {
        let counts = format!("{} passed, {} failed", self.passed, self.failed.len());
        match self.skipped {
            0 => counts,
            n => format!("{counts}, {n} skipped"),
        }
    }

    /// Prints the failed tests and the final counts line, prefixed by
    /// `label` (e.g. `no_core: `) when given.
    pub fn print_summary(&mut self, label: &str) {
        println!();
        if !self.failed.is_empty() {
            self.failed.sort();
            println!("{label}failed tests: {}", self.failed.join(", "));
        }
        println!("{label}{}", self.counts());
    }

    /// The exit code for this report.
    pub fn exit(&self) -> Exit {
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
    use std::path::PathBuf;

    fn names(cases: &[Case]) -> Vec<&str> {
        cases.iter().map(|c| c.name.as_str()).collect()
    }

    #[test]
    fn discovery_excludes_and_sorts() {
        let tmp = tempfile::tempdir().expect("tempdir");
        for name in ["mini_core.rs", "zeta.rs", "alpha.rs", "notes.txt"] {
            std::fs::write(tmp.path().join(name), "").expect("write");
        }
        std::fs::create_dir(tmp.path().join("aux.rs")).expect("mkdir");
        let cases = discover(tmp.path(), &["mini_core"]).expect("discover");
        assert_eq!(names(&cases), ["alpha", "zeta"]);
        assert_eq!(cases[0].path, tmp.path().join("alpha.rs"));
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
        assert_eq!(select(cases.clone(), None).len(), 3);
        assert_eq!(
            names(&select(cases.clone(), Some("arith"))),
            ["arith", "arith_overflow"]
        );
        assert!(select(cases, Some("zzz")).is_empty());
    }

    #[test]
    fn reports_add_up() {
        let mut suite = Report::default();
        suite.record("a", Verdict::Pass);
        suite.record("b", Verdict::fail("broken"));
        assert_eq!(suite.counts(), "1 passed, 1 failed");
        assert_eq!(suite.exit(), Exit::TestsFailed);
        let mut total = Report::default();
        total.record("c", Verdict::Pass);
        total.absorb(suite);
        assert_eq!(total.counts(), "2 passed, 1 failed");
        assert_eq!(Report::default().exit(), Exit::Success);
    }
}
