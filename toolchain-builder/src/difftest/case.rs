//! One test program from start to verdict: read its directives, compile it
//! with both sides (or only the clif side for `expect-clif-error`), run both
//! binaries and compare them. Shared by the no_core and std suites.

use std::path::PathBuf;

use super::compare::{compare, Run};
use super::headers;
use super::side::Side;
use crate::process::{Captured, Outcome};

/// Show at most this many lines of a compiler's stderr.
const MAX_STDERR_LINES: usize = 20;

/// Markers of a compiler crash rather than a clean error.
const ICE_MARKERS: &[&str] = &["panicked", "internal compiler error"];

/// A test program (`tests/<suite>/<name>.rs`).
#[derive(Debug, Clone)]
pub struct Case {
    /// The file stem, as shown in reports and matched by the filter.
    pub name: String,
    pub path: PathBuf,
}

impl Case {
    /// The rustc crate name (`-` is not allowed in crate names).
    pub fn crate_name(&self) -> String {
        self.name.replace('-', "_")
    }
}

/// The outcome of one test.
#[derive(Debug, Clone)]
pub enum Verdict {
    Pass,
    /// Not run on this target (an `only-arch` directive), with the reason.
    Skip(String),
    Fail {
        reason: String,
        details: Vec<String>,
    },
}

impl Verdict {
    pub fn fail(reason: impl Into<String>) -> Self {
        Verdict::Fail {
            reason: reason.into(),
            details: Vec::new(),
        }
    }

    /// A failure showing a compiler's stderr.
    pub fn compile_failure(reason: impl Into<String>, side: &str, out: &Captured) -> Self {
        Verdict::Fail {
            reason: reason.into(),
            details: stderr_excerpt(side, out),
        }
    }
}

/// Why a side cannot compile any test (a support library failed), per side.
#[derive(Debug, Clone, Default)]
pub struct Blockers {
    pub llvm: Option<String>,
    pub clif: Option<String>,
}

/// Runs one test to its verdict.
pub fn run(case: &Case, llvm: &Side, clif: &Side, blockers: &Blockers) -> Verdict {
    let source = match std::fs::read_to_string(&case.path) {
        Ok(source) => source,
        Err(err) => return Verdict::fail(format!("cannot read {}: {err}", case.path.display())),
    };
    let headers = match headers::parse(&source) {
        Ok(headers) => headers,
        Err(err) => return Verdict::fail(format!("bad `//@` directive: {err}")),
    };
    if let Some(reason) = headers.skip_reason(clif.arch()) {
        return Verdict::Skip(reason);
    }
    if let Some(reason) = &blockers.clif {
        return Verdict::fail(reason.clone());
    }
    let crate_name = case.crate_name();
    if let Some(expected) = &headers.expect_clif_error {
        return expect_clif_error(case, clif, &crate_name, expected, &headers.compile_flags);
    }
    if let Some(reason) = &blockers.llvm {
        return Verdict::fail(reason.clone());
    }

    for side in [llvm, clif] {
        match side.compile_test(&case.path, &crate_name, &headers.compile_flags) {
            Ok(out) if out.succeeded() => {}
            Ok(out) => {
                return Verdict::compile_failure(
                    format!("{} compile failed ({})", side.name, out.outcome),
                    side.name,
                    &out,
                )
            }
            Err(err) => return Verdict::fail(format!("cannot run rustc: {err}")),
        }
    }
    let mut runs = Vec::with_capacity(2);
    for side in [llvm, clif] {
        match side.run_test(&crate_name, &headers.args) {
            Ok(out) => runs.push(Run::from(out)),
            Err(err) => {
                return Verdict::fail(format!("cannot run the {} binary: {err}", side.name))
            }
        }
    }
    match compare(&runs[0], &runs[1]) {
        Ok(()) => Verdict::Pass,
        Err(mismatch) => Verdict::Fail {
            reason: mismatch.reason,
            details: mismatch.details,
        },
    }
}

/// `expect-clif-error`: the clif compile must fail cleanly with `expected`.
fn expect_clif_error(
    case: &Case,
    clif: &Side,
    crate_name: &str,
    expected: &str,
    flags: &[String],
) -> Verdict {
    if clif.uses_llvm() {
        return Verdict::fail(
            "expect-clif-error cannot be checked while the clif side uses LLVM \
             (CLIF_TEST_BACKEND=llvm)",
        );
    }
    let out = match clif.compile_test(&case.path, crate_name, flags) {
        Ok(out) => out,
        Err(err) => return Verdict::fail(format!("cannot run rustc: {err}")),
    };
    let stderr = out.stderr_text();
    if out.succeeded() {
        return Verdict::fail(format!(
            "clif compile succeeded but was expected to fail with `{expected}`"
        ));
    }
    if !matches!(out.outcome, Outcome::Exited(_)) {
        return Verdict::compile_failure(
            format!("clif compile {} instead of failing cleanly", out.outcome),
            clif.name,
            &out,
        );
    }
    if let Some(marker) = ICE_MARKERS.iter().find(|m| stderr.contains(*m)) {
        return Verdict::compile_failure(
            format!("clif compile crashed (stderr says \"{marker}\") instead of failing cleanly"),
            clif.name,
            &out,
        );
    }
    if !stderr.contains(expected) {
        return Verdict::compile_failure(
            format!("clif compile failed, but its stderr does not contain `{expected}`"),
            clif.name,
            &out,
        );
    }
    Verdict::Pass
}

/// The first lines of a compiler's stderr, indented, for a report.
fn stderr_excerpt(side: &str, out: &Captured) -> Vec<String> {
    let stderr = out.stderr_text();
    let lines: Vec<&str> = stderr.lines().collect();
    if lines.is_empty() {
        return vec![format!("{side} rustc stderr: (empty)")];
    }
    let mut excerpt = vec![format!("{side} rustc stderr:")];
    excerpt.extend(
        lines
            .iter()
            .take(MAX_STDERR_LINES)
            .map(|l| format!("  {l}")),
    );
    if lines.len() > MAX_STDERR_LINES {
        excerpt.push(format!(
            "  ... ({} more lines)",
            lines.len() - MAX_STDERR_LINES
        ));
    }
    excerpt
}

#[cfg(test)]
mod tests {
    use super::*;

    fn captured(stderr: &str) -> Captured {
        Captured {
            outcome: Outcome::Exited(1),
            stdout: Vec::new(),
            stderr: stderr.as_bytes().to_vec(),
        }
    }

    #[test]
    fn stderr_excerpt_is_truncated() {
        let long: String = (1..=25).map(|i| format!("line {i}\n")).collect();
        let excerpt = stderr_excerpt("clif", &captured(&long));
        assert_eq!(excerpt.len(), 1 + MAX_STDERR_LINES + 1);
        assert_eq!(excerpt[0], "clif rustc stderr:");
        assert_eq!(excerpt[1], "  line 1");
        assert_eq!(excerpt[21], "  ... (5 more lines)");
        assert_eq!(
            stderr_excerpt("llvm", &captured("")),
            vec!["llvm rustc stderr: (empty)".to_owned()]
        );
    }

    #[test]
    fn crate_names_replace_dashes() {
        let case = Case {
            name: "int-ops".into(),
            path: PathBuf::from("int-ops.rs"),
        };
        assert_eq!(case.crate_name(), "int_ops");
    }
}
