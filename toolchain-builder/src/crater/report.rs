//! The results: one [`RowResult`] per row, kept across runs in
//! `BUILD_DIR/crater/results.json` (a run replaces the rows it ran and
//! keeps the others, so the corpus can be run in parts), the verdict of a
//! row against `tests/crater/known-differences.txt`, and the Markdown table
//! `CRATER.md`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context as _;
use serde::{Deserialize, Serialize};

use crate::difftest::case::Verdict;
use crate::libtests::lists::KnownFailures;

use super::corpus::Row;

/// How a row's two sides compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Same test results, or the same smoke output.
    Same,
    /// Different; `reasons` says why.
    Differs,
    /// The LLVM reference could not be built (or the sources fetched), so
    /// there is nothing to compare with.
    NoReference,
}

/// One row's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowResult {
    pub id: String,
    pub name: String,
    pub version: String,
    /// `lib`, `app debug`, `app release`.
    pub kind: String,
    /// The LLVM side in a few words (`12 passed, 0 failed, 1 ignored`).
    pub llvm: String,
    pub clif: String,
    pub outcome: Outcome,
    /// One classified reason per kind of difference (see `classify`);
    /// for `NoReference`, why.
    pub reasons: Vec<String>,
    /// The differing tests or outputs, and the logs.
    pub details: Vec<String>,
    /// The toolchain's id (`dist/VERSION`) the row was run with.
    pub toolchain: String,
    /// Wall seconds for both sides.
    pub seconds: u64,
}

impl RowResult {
    /// The row's verdict: it passes when both sides agree, or when it is
    /// listed in `known` (a difference already classified and accepted);
    /// a listed row that agrees fails, so the list does not go stale.
    pub fn verdict(&self, known: &KnownFailures) -> Verdict {
        let listed = known.contains(&self.id);
        match (self.outcome, listed) {
            (Outcome::Same, false) | (Outcome::Differs | Outcome::NoReference, true) => {
                Verdict::Pass
            }
            (Outcome::Same, true) => Verdict::fail(
                "listed in tests/crater/known-differences.txt but both sides agree now: remove it",
            ),
            (outcome, false) => Verdict::Fail {
                reason: format!(
                    "{}: {} (llvm: {}; clif: {})",
                    match outcome {
                        Outcome::NoReference => "no LLVM reference",
                        _ => "differs",
                    },
                    self.reasons.join("; "),
                    self.llvm,
                    self.clif
                ),
                details: self.details.clone(),
            },
        }
    }
}

/// Every row's last result, by id.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Results {
    pub rows: BTreeMap<String, RowResult>,
}

impl Results {
    /// The saved results, or none if the file does not exist.
    pub fn load(file: &Path) -> anyhow::Result<Self> {
        match std::fs::read_to_string(file) {
            Ok(text) => serde_json::from_str(&text)
                .with_context(|| format!("invalid results {}", file.display())),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(err) => Err(err).with_context(|| format!("cannot read {}", file.display())),
        }
    }

    pub fn save(&self, file: &Path) -> anyhow::Result<()> {
        let text = serde_json::to_string_pretty(self).context("cannot serialize the results")?;
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
        std::fs::write(file, text + "\n")
            .with_context(|| format!("cannot write {}", file.display()))
    }

    /// The Markdown report over every row of the corpus (`rows`), those
    /// without a result marked as not run.
    pub fn markdown(&self, rows: &[Row], known: &KnownFailures, command: &str) -> String {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        let mut reasons: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut toolchains: BTreeMap<&str, usize> = BTreeMap::new();
        for row in rows {
            let Some(result) = self.rows.get(&row.id()) else {
                *counts.entry("not run").or_default() += 1;
                continue;
            };
            *toolchains.entry(result.toolchain.as_str()).or_default() += 1;
            *counts
                .entry(match result.outcome {
                    Outcome::Same => "same",
                    Outcome::Differs => "differs",
                    Outcome::NoReference => "no LLVM reference",
                })
                .or_default() += 1;
            if result.outcome == Outcome::Differs {
                for reason in &result.reasons {
                    reasons.entry(reason.clone()).or_default().push(row.id());
                }
            }
        }
        let mut md = String::new();
        md.push_str(
            "# Crater results\n\n\
             Written by `toolchain-builder test --suite crater` (from `BUILD_DIR/crater/results.json`; \
             do not edit). Each row of `tests/crater/corpus.toml` is run with the clif toolchain \
             (`dist/`) and with the LLVM backend of the same base rustc, both panic=unwind: \
             a library's own `cargo test` (unit, integration and doc tests; \
             the columns count libtest's per-test results), an application's `cargo install \
             --locked` in debug and release and its smoke commands (stdout, stderr and exit status \
             compared). Every difference has one classified reason: *unwinding*, *vendor intrinsic \
             `NAME`*, or a bug (see `toolchain-builder/src/crater/classify.rs`). Rows listed in \
             `tests/crater/known-differences.txt` are accepted differences.\n\n",
        );
        let _ = writeln!(md, "Last command: `{command}`.\n");
        md.push_str("Rows run, by toolchain id (`dist/VERSION`):");
        if toolchains.is_empty() {
            md.push_str(" none.");
        }
        md.push('\n');
        for (id, n) in &toolchains {
            let _ = writeln!(md, "- `{id}`: {n} rows");
        }
        md.push_str("\nSummary: ");
        let summary: Vec<String> = counts.iter().map(|(k, n)| format!("{n} {k}")).collect();
        let _ = writeln!(md, "{} (of {} rows).\n", summary.join(", "), rows.len());
        if !reasons.is_empty() {
            md.push_str("Differences by reason:\n\n");
            for (reason, ids) in &reasons {
                let _ = writeln!(
                    md,
                    "- {} ({}): {}",
                    escape(reason),
                    ids.len(),
                    ids.join(", ")
                );
            }
            md.push('\n');
        }
        md.push_str("| crate | version | kind | LLVM | clif | result | reason |\n");
        md.push_str("| --- | --- | --- | --- | --- | --- | --- |\n");
        for row in rows {
            let line = match self.rows.get(&row.id()) {
                None => format!(
                    "| {} | {} | {} | not run | not run | not run | |",
                    row.name(),
                    row.version(),
                    row.kind()
                ),
                Some(result) => {
                    let outcome = match result.outcome {
                        Outcome::Same => "same",
                        Outcome::Differs => "differs",
                        Outcome::NoReference => "no LLVM reference",
                    };
                    let listed = if known.contains(&result.id) && result.outcome != Outcome::Same {
                        " (known)"
                    } else {
                        ""
                    };
                    format!(
                        "| {} | {} | {} | {} | {} | {outcome}{listed} | {} |",
                        result.name,
                        result.version,
                        result.kind,
                        escape(&result.llvm),
                        escape(&result.clif),
                        escape(&result.reasons.join("; "))
                    )
                }
            };
            md.push_str(&line);
            md.push('\n');
        }
        md
    }
}

/// `text` safe inside a Markdown table cell.
fn escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crater::corpus::Corpus;

    fn result(id: &str, outcome: Outcome, reasons: &[&str]) -> RowResult {
        let (name, version) = id.split_once('@').expect("id");
        RowResult {
            id: id.to_owned(),
            name: name.to_owned(),
            version: version.to_owned(),
            kind: "lib".to_owned(),
            llvm: "3 passed, 0 failed, 0 ignored".to_owned(),
            clif: "2 passed, 1 failed, 0 ignored".to_owned(),
            outcome,
            reasons: reasons.iter().map(|r| r.to_string()).collect(),
            details: vec!["only on the clif side (1):".to_owned()],
            toolchain: "abc".to_owned(),
            seconds: 3,
        }
    }

    fn known(text: &str) -> KnownFailures {
        KnownFailures::parse(text, Path::new("known-differences.txt")).expect("parses")
    }

    #[test]
    fn verdicts_follow_the_known_list_both_ways() {
        let list = known("b@1  # vendor intrinsic, see the issue\nc@1  # fixed meanwhile\n");
        let pass = |r: &RowResult| matches!(r.verdict(&list), Verdict::Pass);
        assert!(pass(&result("a@1", Outcome::Same, &[])));
        assert!(pass(&result("b@1", Outcome::Differs, &["unwinding"])));
        assert!(!pass(&result("c@1", Outcome::Same, &[])));
        match result("d@1", Outcome::Differs, &["bug: crash (SIGSEGV)"]).verdict(&list) {
            Verdict::Fail { reason, .. } => assert_eq!(
                reason,
                "differs: bug: crash (SIGSEGV) (llvm: 3 passed, 0 failed, 0 ignored; clif: 2 \
                 passed, 1 failed, 0 ignored)"
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn markdown_lists_every_row_and_the_reasons() {
        let corpus = Corpus {
            lib: ["a", "b", "c"]
                .map(|name| crate::crater::corpus::Lib {
                    name: name.to_owned(),
                    version: "1".to_owned(),
                    features: Vec::new(),
                    no_default_features: false,
                    test_args: Vec::new(),
                    ci: false,
                })
                .to_vec(),
            app: Vec::new(),
        };
        let mut results = Results::default();
        for r in [
            result("a@1", Outcome::Same, &[]),
            result(
                "b@1",
                Outcome::Differs,
                &["vendor intrinsic `llvm.x86.a|b`"],
            ),
        ] {
            results.rows.insert(r.id.clone(), r);
        }
        let md = results.markdown(
            &corpus.rows(),
            &known("b@1  # why\n"),
            "test --suite crater",
        );
        assert!(
            md.contains("Summary: 1 differs, 1 not run, 1 same (of 3 rows)."),
            "{md}"
        );
        assert!(
            md.contains("- vendor intrinsic `llvm.x86.a\\|b` (1): b@1"),
            "{md}"
        );
        assert!(md.contains("| b | 1 | lib | 3 passed, 0 failed, 0 ignored | 2 passed, 1 failed, 0 ignored | differs (known) | vendor intrinsic `llvm.x86.a\\|b` |"), "{md}");
        assert!(
            md.contains("| c | 1 | lib | not run | not run | not run | |"),
            "{md}"
        );
        assert!(md.contains("- `abc`: 2 rows"), "{md}");
    }

    #[test]
    fn results_round_trip_and_start_empty() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let file = tmp.path().join("crater/results.json");
        assert!(Results::load(&file).expect("loads").rows.is_empty());
        let mut results = Results::default();
        let row = result("a@1", Outcome::NoReference, &["fetch failed"]);
        results.rows.insert(row.id.clone(), row.clone());
        results.save(&file).expect("saves");
        assert_eq!(Results::load(&file).expect("loads").rows["a@1"], row);
    }
}
