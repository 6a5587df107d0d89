//! Test directives: `//@ name: value` lines in the leading comment block of a
//! test program (the lines before the first line that is neither blank nor a
//! `//` comment). Known directives:
//!
//! - `//@ expect-clif-error: <substring>`: compiling with the Cranelift
//!   backend must fail cleanly (no ICE) with `<substring>` in its stderr.
//! - `//@ args: a b c`: arguments passed to both binaries.
//! - `//@ compile-flags: -Copt-level=2`: rustc flags for both compiles,
//!   after the suite's own (so `-C` options here win).
//! - `//@ only-arch: x86_64 -- <why>`: the test runs only for targets of
//!   these architectures (comma-separated, the `cranelift_isa` of
//!   `targets/*.toml`) and is reported as skipped, with the reason, on
//!   the others.

use std::fmt;

/// The directives of one test program.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Headers {
    /// Substring the clif compile's stderr must contain (the compile must fail).
    pub expect_clif_error: Option<String>,
    /// Command-line arguments for the test binaries.
    pub args: Vec<String>,
    /// Extra rustc flags for both compiles.
    pub compile_flags: Vec<String>,
    /// The architectures the test runs on (all when `None`), and why.
    pub only_arch: Option<OnlyArch>,
}

/// An `only-arch` directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnlyArch {
    pub archs: Vec<String>,
    pub reason: String,
}

impl Headers {
    /// Why the test does not run on `arch`, if it does not.
    pub fn skip_reason(&self, arch: &str) -> Option<String> {
        let only = self.only_arch.as_ref()?;
        (!only.archs.iter().any(|a| a == arch))
            .then(|| format!("runs on {} only: {}", only.archs.join(", "), only.reason))
    }
}

/// A malformed directive; `line` is 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for HeaderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Parses the directives of a test program's source.
pub fn parse(source: &str) -> Result<Headers, HeaderError> {
    let mut headers = Headers::default();
    let mut seen: Vec<&str> = Vec::new();
    for (index, line) in source.lines().enumerate() {
        let line_no = index + 1;
        let error = |message: String| HeaderError {
            line: line_no,
            message,
        };
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if !trimmed.starts_with("//") {
            break;
        }
        let Some(directive) = trimmed.strip_prefix("//@") else {
            continue;
        };
        let (name, value) = match directive.split_once(':') {
            Some((name, value)) => (name.trim(), value.trim()),
            None => (directive.trim(), ""),
        };
        if name.is_empty() {
            return Err(error("empty `//@` directive".to_owned()));
        }
        if seen.contains(&name) {
            return Err(error(format!("`{name}` is given twice")));
        }
        seen.push(name);
        match name {
            "expect-clif-error" | "args" | "compile-flags" | "only-arch" if value.is_empty() => {
                return Err(error(format!("`{name}` needs a value: `//@ {name}: ...`")));
            }
            "expect-clif-error" => headers.expect_clif_error = Some(value.to_owned()),
            "args" => headers.args = value.split_whitespace().map(str::to_owned).collect(),
            "compile-flags" => {
                headers.compile_flags = value.split_whitespace().map(str::to_owned).collect()
            }
            "only-arch" => {
                let Some((archs, reason)) = value.split_once(" -- ") else {
                    return Err(error(
                        "`only-arch` needs a reason: `//@ only-arch: x86_64 -- why`".to_owned(),
                    ));
                };
                headers.only_arch = Some(OnlyArch {
                    archs: archs.split(',').map(|a| a.trim().to_owned()).collect(),
                    reason: reason.trim().to_owned(),
                });
            }
            _ => {
                return Err(error(format!(
                    "unknown directive `{name}` (known: expect-clif-error, args, compile-flags, \
                     only-arch)"
                )))
            }
        }
    }
    Ok(headers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_directives() {
        assert_eq!(parse("#![no_core]\nfn main() {}\n"), Ok(Headers::default()));
        assert_eq!(parse(""), Ok(Headers::default()));
    }

    #[test]
    fn all_directives_among_other_comments() {
        let source = "\n// Checks overflow handling.\n//@ args: one  two three\n\
                      //! inner doc\n//@ expect-clif-error: unsupported: i128 division\n\
                      //@ compile-flags: -Copt-level=2  -Cdebuginfo=1\n#![no_core]\n";
        assert_eq!(
            parse(source),
            Ok(Headers {
                expect_clif_error: Some("unsupported: i128 division".to_owned()),
                args: vec!["one".into(), "two".into(), "three".into()],
                compile_flags: vec!["-Copt-level=2".into(), "-Cdebuginfo=1".into()],
                only_arch: None,
            })
        );
    }

    #[test]
    fn directives_after_code_are_ignored() {
        let source = "#![no_core]\n//@ args: ignored\n";
        assert_eq!(parse(source), Ok(Headers::default()));
    }

    #[test]
    fn value_keeps_inner_colons_and_spaces() {
        let headers = parse("//@ expect-clif-error:  error: a: b \n").expect("parse");
        assert_eq!(headers.expect_clif_error.as_deref(), Some("error: a: b"));
    }

    #[test]
    fn only_arch_skips_other_architectures_with_the_reason() {
        let headers =
            parse("//@ only-arch: x86_64, aarch64 -- core::arch::x86_64\n").expect("parse");
        assert_eq!(headers.skip_reason("x86_64"), None);
        assert_eq!(headers.skip_reason("aarch64"), None);
        assert_eq!(
            headers.skip_reason("s390x").as_deref(),
            Some("runs on x86_64, aarch64 only: core::arch::x86_64")
        );
        assert_eq!(Headers::default().skip_reason("s390x"), None);
        let bare = parse("//@ only-arch: x86_64\n").expect_err("no reason");
        assert!(bare.message.contains("needs a reason"), "{}", bare.message);
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(
            parse("// x\n//@ ignore-clif\n"),
            Err(HeaderError {
                line: 2,
                message: "unknown directive `ignore-clif` (known: expect-clif-error, args, \
                          compile-flags, only-arch)"
                    .to_owned()
            })
        );
        assert_eq!(parse("//@ args:\n").map_err(|e| e.line), Err(1));
        assert!(parse("//@ args:   \n")
            .expect_err("empty")
            .message
            .contains("needs a value"));
        assert!(parse("//@\n").expect_err("empty").message.contains("empty"));
        let twice = parse("//@ args: a\n//@ args: b\n").expect_err("twice");
        assert_eq!(twice.line, 2);
        assert!(twice.message.contains("twice"));
    }
}
