//! Reading cargo's JSON messages (which test executables were built, which
//! targets failed and why) and libtest's output (the `test result:` summary,
//! the failed and passed tests).

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::is_json_message;

/// The executables and errors of a `cargo build --message-format=json`.
#[derive(Debug, Default)]
pub struct CargoBuild {
    pub executables: BTreeMap<String, PathBuf>,
    /// Error messages (first line each) by binary name.
    pub errors: BTreeMap<String, Vec<String>>,
    pub seconds: f64,
}

/// Keep at most this many errors per binary.
const MAX_ERRORS: usize = 8;

/// Reads cargo's output lines; `binary` maps (cargo target name, is the
/// library target) to the suite's binary name.
pub fn cargo_build(
    lines: &[String],
    binary: impl Fn(&str, bool) -> Option<&'static str>,
) -> CargoBuild {
    let mut build = CargoBuild::default();
    for line in lines {
        if !is_json_message(line) {
            // A compiler crash prints no JSON diagnostic, only its panic.
            if let Some(name) = crashed_target(line) {
                if let Some(b) = binary(&name.0, name.1) {
                    let errors = build.errors.entry(b.to_owned()).or_default();
                    if errors.is_empty() {
                        errors.push("the compiler crashed (see the build log)".to_owned());
                    }
                }
            }
            continue;
        }
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let target = &message["target"];
        let Some(name) = target["name"].as_str() else {
            continue;
        };
        let is_lib = target["kind"]
            .as_array()
            .is_some_and(|kinds| kinds.iter().any(|k| k == "lib"));
        let Some(b) = binary(name, is_lib) else {
            continue;
        };
        match message["reason"].as_str() {
            Some("compiler-artifact") => {
                if let Some(exe) = message["executable"].as_str() {
                    build.executables.insert(b.to_owned(), PathBuf::from(exe));
                }
            }
            Some("compiler-message") if message["message"]["level"] == "error" => {
                let text = message["message"]["message"].as_str().unwrap_or_default();
                if text.starts_with("aborting due to") {
                    continue;
                }
                let errors = build.errors.entry(b.to_owned()).or_default();
                let first = text.lines().next().unwrap_or_default().to_owned();
                if errors.len() < MAX_ERRORS && !errors.contains(&first) {
                    errors.push(first);
                }
            }
            _ => {}
        }
    }
    for errors in build.errors.values_mut() {
        // A crash noted before the real errors arrived is not the first cause.
        if errors.len() > 1 && errors[0].starts_with("the compiler crashed") {
            errors.remove(0);
        }
    }
    build
}

/// The target of cargo's `error: could not compile `PKG` (test "NAME")` or
/// `(lib test)` line when the compiler crashed (the line says nothing about
/// errors then), as (target name, is the library).
fn crashed_target(line: &str) -> Option<(String, bool)> {
    let rest = line.trim().strip_prefix("error: could not compile `")?;
    let (package, rest) = rest.split_once('`')?;
    let rest = rest.trim_start();
    if rest.contains("previous error") {
        return None;
    }
    if rest.starts_with("(lib test)") {
        return Some((package.to_owned(), true));
    }
    let name = rest.strip_prefix("(test \"")?.split('"').next()?;
    Some((name.to_owned(), false))
}

/// libtest's `test result:` counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub passed: usize,
    pub failed: usize,
    pub ignored: usize,
}

/// What a test binary printed.
#[derive(Debug, Default)]
pub struct Libtest {
    pub summary: Option<Summary>,
    pub failed: Vec<String>,
    pub passed: BTreeSet<String>,
}

/// Parses libtest's (pretty) output: `test NAME ... ok|FAILED|ignored`
/// lines and the final `test result: ok. N passed; N failed; N ignored; ...`.
pub fn libtest(stdout: &str) -> Libtest {
    let mut out = Libtest::default();
    for line in stdout.lines() {
        if let Some(rest) = line.strip_prefix("test result: ") {
            out.summary = parse_summary(rest).or(out.summary);
            continue;
        }
        let Some(rest) = line.strip_prefix("test ") else {
            continue;
        };
        let Some((name, result)) = rest.rsplit_once(" ... ") else {
            continue;
        };
        let name = name.strip_suffix(" - should panic").unwrap_or(name);
        match result.trim() {
            "ok" => {
                out.passed.insert(name.to_owned());
            }
            "FAILED" => out.failed.push(name.to_owned()),
            _ => {}
        }
    }
    out.failed.sort();
    out.failed.dedup();
    out
}

fn parse_summary(rest: &str) -> Option<Summary> {
    let (_, counts) = rest.split_once(". ")?;
    let mut summary = Summary::default();
    let mut seen = 0;
    for part in counts.split(';') {
        let mut words = part.split_whitespace();
        let (Some(n), Some(what)) = (words.next(), words.next()) else {
            continue;
        };
        let Ok(n) = n.parse() else { continue };
        match what {
            "passed" => summary.passed = n,
            "failed" => summary.failed = n,
            "ignored" => summary.ignored = n,
            _ => continue,
        }
        seen += 1;
    }
    (seen == 3).then_some(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libtest_output_is_parsed() {
        let stdout = "\nrunning 4 tests\ntest a::b ... ok\ntest a::c - should panic ... FAILED\n\
            test a::d ... ignored\ntest a::e has been running for over 60 seconds\n\
            test a::e ... FAILED\n\nfailures:\n\nfailures:\n    a::c\n    a::e\n\n\
            test result: FAILED. 1 passed; 2 failed; 1 ignored; 0 measured; 0 filtered out; \
            finished in 0.01s\n";
        let parsed = libtest(stdout);
        assert_eq!(
            parsed.summary,
            Some(Summary {
                passed: 1,
                failed: 2,
                ignored: 1
            })
        );
        assert_eq!(parsed.failed, ["a::c", "a::e"]);
        assert!(parsed.passed.contains("a::b"));
        assert_eq!(libtest("running 3 tests\ntest x ... ok\n").summary, None);
    }

    #[test]
    fn cargo_messages_give_executables_and_errors() {
        let binary = |name: &str, lib: bool| match (name, lib) {
            ("alloctests", true) => Some("alloctests_lib"),
            ("alloctests", false) => Some("alloctests"),
            ("coretests", false) => Some("coretests"),
            _ => None,
        };
        let lines: Vec<String> = [
            r#"{"reason":"compiler-artifact","target":{"name":"alloctests","kind":["lib"]},"executable":"/t/alloctests-1"}"#,
            r#"{"reason":"compiler-artifact","target":{"name":"rand","kind":["lib"]},"executable":null}"#,
            r#"{"reason":"compiler-message","target":{"name":"coretests","kind":["test"]},"message":{"level":"error","message":"the clif backend does not support coroutines yet"}}"#,
            r#"{"reason":"compiler-message","target":{"name":"coretests","kind":["test"]},"message":{"level":"error","message":"aborting due to 2 previous errors"}}"#,
            r#"{"reason":"compiler-message","target":{"name":"coretests","kind":["test"]},"message":{"level":"warning","message":"unused"}}"#,
            r#"error: could not compile `alloctests` (test "alloctests")"#,
            r#"error: could not compile `alloctests` (test "coretests") due to 2 previous errors"#,
        ]
        .map(str::to_owned)
        .to_vec();
        let build = cargo_build(&lines, binary);
        assert_eq!(
            build.executables.get("alloctests_lib"),
            Some(&PathBuf::from("/t/alloctests-1"))
        );
        assert_eq!(build.executables.len(), 1);
        assert_eq!(
            build.errors["coretests"],
            ["the clif backend does not support coroutines yet"]
        );
        assert_eq!(
            build.errors["alloctests"],
            ["the compiler crashed (see the build log)"]
        );
    }
}
