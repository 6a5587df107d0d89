//! Reading abi-cafe's final report (its human format on stdout): after a
//! `Final Results:` line, one line per test set that was not skipped, `NAME
//! STATUS` (`NAME` is `test::conv_*::repr_*::pair`), where a failed set is
//! followed by detail lines (a compiler's or linker's output, not always
//! indented), and at the end `N test sets run - N passed, N busted, N
//! failed, N skipped`.

/// The verdicts a test set line's status starts with.
const STATUSES: &[&str] = &["passed", "failed", "fixed", "busted"];

/// Keep at most this many detail lines of a failed test set.
const MAX_DETAILS: usize = 12;

/// One test set (test, convention, repr, pair, values).
#[derive(Debug, PartialEq, Eq)]
pub struct TestSet {
    pub name: String,
    /// abi-cafe's verdict: `passed (12/12 passed)`, `failed to ...`, `busted ...`.
    pub status: String,
    /// Failed, or fixed while expected to fail: abi-cafe counts both as failed.
    pub failed: bool,
    pub details: Vec<String>,
}

/// The final report.
#[derive(Debug, PartialEq, Eq)]
pub struct Parsed {
    pub sets: Vec<TestSet>,
    /// abi-cafe's summary line.
    pub summary: String,
}

impl Parsed {
    pub fn sets_failed(&self) -> usize {
        self.sets.iter().filter(|s| s.failed).count()
    }
}

/// Parses abi-cafe's stdout; `None` if it has no complete final report.
pub fn parse(stdout: &str) -> Option<Parsed> {
    let mut lines = stdout.lines().skip_while(|l| l.trim() != "Final Results:");
    lines.next()?;
    let mut sets: Vec<TestSet> = Vec::new();
    for line in lines {
        if line.trim().is_empty() {
            continue;
        }
        if line.contains(" test sets run - ") {
            return Some(Parsed {
                sets,
                summary: line.trim().to_owned(),
            });
        }
        let (name, status) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let status = status.trim();
        let is_set = !line.starts_with(char::is_whitespace)
            && name.contains("::conv_")
            && STATUSES.iter().any(|s| status.starts_with(s));
        if !is_set {
            if let Some(set) = sets.last_mut().filter(|s| s.failed) {
                if set.details.len() < MAX_DETAILS {
                    set.details.push(line.trim_end().to_owned());
                }
            }
            continue;
        }
        let status = status.to_owned();
        let failed = status.starts_with("failed") || status.starts_with("fixed");
        sets.push(TestSet {
            name: name.to_owned(),
            status,
            failed,
            details: Vec::new(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
test simple::conv_c::repr_c::clif_calls_rustc
  running ...
Final Results:
u8::conv_c::repr_c::clif_calls_rustc                             passed ( 12/12  passed)
f16::conv_c::repr_c::cc_calls_clif                               passed (random, result ignored)
u8::conv_c::repr_c::rustc_calls_clif                             failed to compile source code
  rust compile error:
error: could not compile
  --> target/temp/harness_main.rs:59:1

simple::conv_rust::repr_c::clif_calls_rustc                      failed ( 3/4   passed)
  f1 failed!
  f2
EmptyStruct::conv_c::repr_c::cc_calls_clif                       busted (known failure, ignored)

5 test sets run - 2 passed, 1 busted, 2 failed, 0 skipped
";

    #[test]
    fn reads_sets_verdicts_details_and_summary() {
        let parsed = parse(SAMPLE).expect("complete report");
        let names: Vec<(&str, bool)> = parsed
            .sets
            .iter()
            .map(|s| (s.name.as_str(), s.failed))
            .collect();
        assert_eq!(
            names,
            [
                ("u8::conv_c::repr_c::clif_calls_rustc", false),
                ("f16::conv_c::repr_c::cc_calls_clif", false),
                ("u8::conv_c::repr_c::rustc_calls_clif", true),
                ("simple::conv_rust::repr_c::clif_calls_rustc", true),
                ("EmptyStruct::conv_c::repr_c::cc_calls_clif", false),
            ]
        );
        assert_eq!(parsed.sets[2].status, "failed to compile source code");
        assert_eq!(
            parsed.sets[2].details,
            [
                "  rust compile error:",
                "error: could not compile",
                "  --> target/temp/harness_main.rs:59:1"
            ]
        );
        assert_eq!(parsed.sets[3].details, ["  f1 failed!", "  f2"]);
        assert!(parsed.sets[0].details.is_empty());
        assert_eq!(parsed.sets_failed(), 2);
        assert_eq!(
            parsed.summary,
            "5 test sets run - 2 passed, 1 busted, 2 failed, 0 skipped"
        );
    }

    #[test]
    fn a_report_cut_short_is_none() {
        assert_eq!(parse("test u8\n  running ...\n"), None);
        assert_eq!(parse(&SAMPLE[..SAMPLE.len() - 60]), None);
    }
}
