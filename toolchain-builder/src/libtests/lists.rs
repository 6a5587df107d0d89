//! The suite's checked-in lists, all one `NAME  # reason` per line (blank
//! lines and lines starting with `#` are ignored): `known-failures.txt`
//! names tests (`binary::path::to::test`) or whole binaries that may fail on
//! the Cranelift side; `excluded.txt` names modules or
//! functions (`binary::path::to::module_or_fn`) left out of both builds;
//! `skipped-tests.txt` names tests (`binary::part::of::a::test::path`) that
//! both sides skip (libtest's `--skip`, a substring match). The crater
//! suite's `known-differences.txt` is read as a [`KnownFailures`] too.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{bail, Context as _};

/// Parses `NAME  # reason` lines into (name, reason) pairs.
fn parse(text: &str, file: &Path) -> anyhow::Result<Vec<(String, String)>> {
    let mut entries = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, reason) = match line.split_once('#') {
            Some((name, reason)) => (name.trim(), reason.trim()),
            None => (line, ""),
        };
        if name.contains(char::is_whitespace) {
            bail!(
                "{}:{}: expected `NAME  # reason`, found `{line}`",
                file.display(),
                number + 1
            );
        }
        entries.push((name.to_owned(), reason.to_owned()));
    }
    Ok(entries)
}

fn read(file: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))
}

/// `known-failures.txt`.
#[derive(Debug, Default)]
pub struct KnownFailures {
    entries: BTreeMap<String, String>,
}

impl KnownFailures {
    pub fn load(file: &Path) -> anyhow::Result<Self> {
        Self::parse(&read(file)?, file)
    }

    pub fn parse(text: &str, file: &Path) -> anyhow::Result<Self> {
        Ok(Self {
            entries: parse(text, file)?.into_iter().collect(),
        })
    }

    pub fn contains(&self, name: &str) -> bool {
        self.entries.contains_key(name)
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }
}

/// One excluded module or function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExcludedModule {
    /// `binary::path::to::module`, as written.
    pub module: String,
    pub binary: String,
    /// The module path inside the binary (at least one segment).
    pub path: Vec<String>,
}

/// `excluded.txt`.
#[derive(Debug, Default)]
pub struct Excluded {
    pub entries: Vec<ExcludedModule>,
}

impl Excluded {
    pub fn load(file: &Path) -> anyhow::Result<Self> {
        Self::parse(&read(file)?, file)
    }

    fn parse(text: &str, file: &Path) -> anyhow::Result<Self> {
        let mut entries = Vec::new();
        for (module, _) in parse(text, file)? {
            let mut segments = module.split("::").map(str::to_owned);
            let binary = segments.next().unwrap_or_default();
            let path: Vec<String> = segments.collect();
            if path.is_empty() || path.iter().any(String::is_empty) {
                bail!(
                    "{}: `{module}` is not `binary::module::path`",
                    file.display()
                );
            }
            entries.push(ExcludedModule {
                module,
                binary,
                path,
            });
        }
        Ok(Self { entries })
    }
}

/// `skipped-tests.txt`: (binary, `--skip` pattern) pairs.
#[derive(Debug, Default)]
pub struct Skipped {
    pub entries: Vec<(String, String)>,
}

impl Skipped {
    pub fn load(file: &Path) -> anyhow::Result<Self> {
        Self::parse(&read(file)?, file)
    }

    fn parse(text: &str, file: &Path) -> anyhow::Result<Self> {
        let mut entries = Vec::new();
        for (name, _) in parse(text, file)? {
            match name.split_once("::") {
                Some((binary, pattern)) if !pattern.is_empty() => {
                    entries.push((binary.to_owned(), pattern.to_owned()));
                }
                _ => bail!("{}: `{name}` is not `binary::test::path`", file.display()),
            }
        }
        Ok(Self { entries })
    }

    /// The `--skip` patterns of `binary`.
    pub fn patterns<'a>(&'a self, binary: &'a str) -> impl Iterator<Item = &'a str> {
        self.entries
            .iter()
            .filter(move |(b, _)| b == binary)
            .map(|(_, pattern)| pattern.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_failures_parse_names_and_reasons() {
        let text = "# comment\n\ncoretests::a::b  # miscompile\nalloctests\n";
        let known = KnownFailures::parse(text, Path::new("k.txt")).expect("parses");
        assert!(known.contains("coretests::a::b"));
        assert!(known.contains("alloctests"));
        assert!(!known.contains("coretests::a"));
        assert_eq!(known.names().count(), 2);
        assert!(KnownFailures::parse("a b # x\n", Path::new("k.txt")).is_err());
    }

    #[test]
    fn skipped_tests_are_per_binary() {
        let text = "coretests::slice::max_range  # endless at opt-level 0\n";
        let skipped = Skipped::parse(text, Path::new("s.txt")).expect("parses");
        assert_eq!(
            skipped.patterns("coretests").collect::<Vec<_>>(),
            ["slice::max_range"]
        );
        assert_eq!(skipped.patterns("alloctests").count(), 0);
        assert!(Skipped::parse("coretests\n", Path::new("s.txt")).is_err());
    }

    #[test]
    fn excluded_modules_need_a_module_path() {
        let text = "coretests::num::i128  # i128 division\n";
        let excluded = Excluded::parse(text, Path::new("e.txt")).expect("parses");
        assert_eq!(
            excluded.entries,
            [ExcludedModule {
                module: "coretests::num::i128".to_owned(),
                binary: "coretests".to_owned(),
                path: vec!["num".to_owned(), "i128".to_owned()],
            }]
        );
        assert!(Excluded::parse("coretests\n", Path::new("e.txt")).is_err());
        assert!(Excluded::parse("coretests::::x\n", Path::new("e.txt")).is_err());
    }
}
