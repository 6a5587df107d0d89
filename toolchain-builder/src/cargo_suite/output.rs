//! Reading cargo's output: the per-test lines libtest prints for `cargo
//! test` (unit, integration and doc tests alike: `test NAME ... RESULT`),
//! and whether `cargo run` got as far as running the binary (its
//! ``Running `PATH` `` line).

use std::collections::BTreeMap;

/// At most this many test names are listed per side in a difference.
const MAX_LISTED: usize = 10;

/// One `test NAME ... RESULT` line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct TestResult {
    /// The test's name as libtest prints it, e.g. `tests::grouping`,
    /// `tests::x - should panic` or `src/lib.rs - f (line 3)`.
    pub name: String,
    /// The first word of the result: `ok`, `FAILED`, `ignored`, ...
    pub result: String,
}

/// Every `test NAME ... RESULT` line of libtest's stdout, sorted (the test
/// binaries run in parallel threads, so their order varies). Summary lines
/// (`test result: ...`) and notices (`test x has been running for over 60
/// seconds`) are not results.
pub fn test_results(stdout: &str) -> Vec<TestResult> {
    let mut results: Vec<TestResult> = stdout
        .lines()
        .filter_map(|line| {
            let rest = line.trim_end().strip_prefix("test ")?;
            let (name, result) = rest.rsplit_once(" ... ")?;
            let result = result.split([',', ' ']).next().unwrap_or_default();
            (!name.is_empty() && !result.is_empty()).then(|| TestResult {
                name: name.to_owned(),
                result: result.to_owned(),
            })
        })
        .collect();
    results.sort();
    results
}

/// The names of the tests that failed.
pub fn failed_tests(results: &[TestResult]) -> Vec<&str> {
    results
        .iter()
        .filter(|r| r.result == "FAILED")
        .map(|r| r.name.as_str())
        .collect()
}

/// What failing tests printed: the `---- NAME stdout ----` (and `stderr`)
/// sections of libtest's `failures:` report, without blank lines.
pub fn failure_output(stdout: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut inside = false;
    for line in stdout.lines().map(str::trim_end) {
        if line.starts_with("---- ") && line.ends_with(" ----") {
            inside = true;
        } else if line == "failures:" || line.starts_with("test result: ") {
            inside = false;
        }
        if inside && !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// Each failing test's `---- NAME stdout ----` and `---- NAME stderr ----`
/// sections of libtest's `failures:` report, joined, by test name.
pub fn failure_sections(stdout: &str) -> BTreeMap<String, String> {
    let mut sections: BTreeMap<String, String> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in stdout.lines().map(str::trim_end) {
        if let Some(header) = line
            .strip_prefix("---- ")
            .and_then(|l| l.strip_suffix(" ----"))
        {
            let name = header
                .strip_suffix(" stdout")
                .or_else(|| header.strip_suffix(" stderr"))
                .unwrap_or(header);
            current = Some(name.to_owned());
            continue;
        }
        if line == "failures:" || line.starts_with("test result: ") {
            current = None;
        }
        if let Some(name) = &current {
            let text = sections.entry(name.clone()).or_default();
            text.push_str(line);
            text.push('\n');
        }
    }
    sections
}

/// Lines describing how two sorted result lists differ (empty if they are
/// equal): the results only the llvm side has, then those only the clif
/// side has.
pub fn difference(llvm: &[TestResult], clif: &[TestResult]) -> Vec<String> {
    let (mut only_llvm, mut only_clif) = (Vec::new(), Vec::new());
    let (mut left, mut right) = (llvm.iter().peekable(), clif.iter().peekable());
    loop {
        match (left.peek(), right.peek()) {
            (None, None) => break,
            (Some(a), Some(b)) if a == b => {
                left.next();
                right.next();
            }
            (Some(a), Some(b)) if a < b => only_llvm.extend(left.next()),
            (Some(_), None) => only_llvm.extend(left.next()),
            (_, Some(_)) => only_clif.extend(right.next()),
        }
    }
    let mut lines = Vec::new();
    for (side, results) in [("llvm", only_llvm), ("clif", only_clif)] {
        if results.is_empty() {
            continue;
        }
        lines.push(format!("only on the {side} side ({}):", results.len()));
        lines.extend(
            results
                .iter()
                .take(MAX_LISTED)
                .map(|r| format!("  {} ... {}", r.name, r.result)),
        );
        if results.len() > MAX_LISTED {
            lines.push(format!("  ... ({} more)", results.len() - MAX_LISTED));
        }
    }
    lines
}

/// What the program of `cargo run` wrote to stderr, if cargo started it:
/// everything after cargo's ``Running `PATH` `` line, which cargo prints
/// right before it runs the program (test binaries are announced as
/// `Running unittests ...`, without the backquote). `None` if cargo did not
/// get that far.
pub fn program_stderr(stderr: &str) -> Option<&str> {
    let mut offset = 0;
    for line in stderr.split_inclusive('\n') {
        offset += line.len();
        if line.trim_start().starts_with("Running `") {
            return Some(&stderr[offset..]);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(name: &str, result: &str) -> TestResult {
        TestResult {
            name: name.to_owned(),
            result: result.to_owned(),
        }
    }

    const STDOUT: &str = "
running 3 tests
test tests::grouping ... ok
test tests::split_evenly_rejects_zero_parts - should panic ... ok
test tests::slow ... ignored, takes a minute
test tests::broken ... FAILED

failures:

---- tests::broken stdout ----
test tests::other has been running for over 60 seconds

test result: FAILED. 2 passed; 1 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s

running 1 test
test units/src/lib.rs - Quantity::convert (line 102) ... ok

test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.46s
";

    #[test]
    fn results_cover_unit_should_panic_ignored_and_doc_tests() {
        let results = test_results(STDOUT);
        assert_eq!(
            results,
            [
                result("tests::broken", "FAILED"),
                result("tests::grouping", "ok"),
                result("tests::slow", "ignored"),
                result(
                    "tests::split_evenly_rejects_zero_parts - should panic",
                    "ok"
                ),
                result("units/src/lib.rs - Quantity::convert (line 102)", "ok"),
            ]
        );
        assert_eq!(failed_tests(&results), ["tests::broken"]);
        assert!(test_results("test result: ok. 0 passed\n").is_empty());
    }

    #[test]
    fn failure_output_is_the_failures_sections() {
        assert_eq!(
            failure_output(STDOUT),
            [
                "---- tests::broken stdout ----",
                "test tests::other has been running for over 60 seconds"
            ]
        );
        let stdout = "test e ... FAILED\n\nfailures:\n\n---- e stdout ----\n---- e stderr ----\n\
                      clif backend: inline assembly (`asm!`) is not supported yet (aborting)\n\n\n\
                      failures:\n    e\n\ntest result: FAILED. 0 passed; 1 failed\n";
        assert_eq!(
            failure_output(stdout),
            [
                "---- e stdout ----",
                "---- e stderr ----",
                "clif backend: inline assembly (`asm!`) is not supported yet (aborting)",
            ]
        );
        assert!(failure_output("test a ... ok\n").is_empty());
    }

    #[test]
    fn failure_sections_are_per_test() {
        let stdout =
            "test e ... FAILED\ntest f ... FAILED\n\nfailures:\n\n---- e stdout ----\nout\n\
                      ---- e stderr ----\nclif backend: x\n---- f stdout ----\npanicked\n\n\
                      failures:\n    e\n    f\n\ntest result: FAILED. 0 passed; 2 failed\n";
        let sections = failure_sections(stdout);
        assert_eq!(sections["e"], "out\nclif backend: x\n");
        assert_eq!(sections["f"], "panicked\n\n");
        assert_eq!(sections.len(), 2);
    }

    #[test]
    fn results_are_sorted_and_keep_duplicates() {
        let results = test_results("test b ... ok\r\ntest a ... ok\ntest b ... ok\n");
        assert_eq!(
            results,
            [result("a", "ok"), result("b", "ok"), result("b", "ok")]
        );
    }

    #[test]
    fn differences_list_each_side() {
        let llvm = test_results("test a ... ok\ntest b ... ok\ntest c ... ok\n");
        let clif = test_results("test a ... ok\ntest c ... ignored\ntest d ... ok\n");
        assert!(difference(&llvm, &llvm).is_empty());
        assert_eq!(
            difference(&llvm, &clif),
            [
                "only on the llvm side (2):",
                "  b ... ok",
                "  c ... ok",
                "only on the clif side (2):",
                "  c ... ignored",
                "  d ... ok",
            ]
        );
        assert_eq!(
            difference(&[], &llvm),
            [
                "only on the clif side (3):",
                "  a ... ok",
                "  b ... ok",
                "  c ... ok"
            ]
        );
    }

    #[test]
    fn long_differences_are_cut() {
        let many: String = (0..15).map(|i| format!("test t{i:02} ... ok\n")).collect();
        let lines = difference(&test_results(&many), &[]);
        assert_eq!(lines.len(), 1 + MAX_LISTED + 1);
        assert_eq!(lines[MAX_LISTED + 1], "  ... (5 more)");
    }

    #[test]
    fn running_line_means_the_binary_ran() {
        let built = "   Compiling report v0.1.0 (/w/report)\n    Finished `dev` profile \
                     [unoptimized + debuginfo] target(s) in 0.41s\n     Running \
                     `/t/debug/report`\nthread 'main' panicked\n";
        assert_eq!(program_stderr(built), Some("thread 'main' panicked\n"));
        let failed = "   Compiling report v0.1.0\nerror: could not compile `report` (bin \
                      \"report\") due to 1 previous error\n";
        assert_eq!(program_stderr(failed), None);
        assert_eq!(
            program_stderr("     Running unittests src/main.rs (/t/debug/deps/report-1)\n"),
            None
        );
    }
}
