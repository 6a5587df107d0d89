//! Reading a matrix program's output (see [`super::emit`]): which of the
//! functions it should have called failed, and how.

use std::collections::{BTreeMap, BTreeSet};

use super::emit::Call;
use crate::process::Captured;

/// At most this many failed functions are described.
const MAX_DESCRIBED: usize = 20;

/// The functions that failed, each with what went wrong.
#[derive(Debug, Default)]
pub struct Failures(BTreeMap<String, Vec<String>>);

impl Failures {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn names(&self) -> BTreeSet<String> {
        self.0.keys().cloned().collect()
    }

    /// These failures but those of the functions in `excluded`.
    pub fn without(&self, excluded: &BTreeSet<String>) -> Failures {
        Failures(
            self.0
                .iter()
                .filter(|(name, _)| !excluded.contains(*name))
                .map(|(name, problems)| (name.clone(), problems.clone()))
                .collect(),
        )
    }

    /// One line per failed function (its signature and problems).
    pub fn describe(&self, calls: &[Call]) -> Vec<String> {
        let mut lines: Vec<String> = self
            .0
            .iter()
            .take(MAX_DESCRIBED)
            .map(|(name, problems)| {
                let sig = calls
                    .iter()
                    .find(|c| &c.sig.name == name)
                    .map_or_else(|| name.clone(), |c| c.sig.to_string());
                format!("{sig}: {}", problems.join("; "))
            })
            .collect();
        if self.0.len() > MAX_DESCRIBED {
            lines.push(format!("... and {} more", self.0.len() - MAX_DESCRIBED));
        }
        lines
    }
}

/// The failures of a run that should have called `expected`: wrong
/// arguments or return values, and functions never returned from.
pub fn failures(run: &Captured, expected: &[&Call]) -> Failures {
    let stdout = String::from_utf8_lossy(&run.stdout);
    let mut problems: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut returned = BTreeSet::new();
    let mut ended = false;
    for line in stdout.lines() {
        if line == "END" {
            ended = true;
        } else if let Some(rest) = line.strip_prefix("F ") {
            if let Some((name, what)) = rest.split_once(' ') {
                problems
                    .entry(name.to_owned())
                    .or_default()
                    .push(what.to_owned());
            }
        } else if let Some(rest) = line.strip_prefix("R ") {
            let (name, what) = rest.split_once(' ').unwrap_or((rest, ""));
            returned.insert(name.to_owned());
            if what != "ok" {
                problems
                    .entry(name.to_owned())
                    .or_default()
                    .push(format!("return value {what}"));
            }
        }
    }
    let ended_ok = ended && run.succeeded();
    for call in expected {
        let name = &call.sig.name;
        if !returned.contains(name) {
            problems.entry(name.clone()).or_default().push(if ended_ok {
                "not called".to_owned()
            } else {
                format!("never returned (the program ended: {})", run.outcome)
            });
        }
    }
    if !ended_ok && problems.is_empty() {
        problems.insert(
            "(program)".to_owned(),
            vec![format!("ended badly: {}", run.outcome)],
        );
    }
    let expected: BTreeSet<&str> = expected.iter().map(|c| c.sig.name.as_str()).collect();
    problems.retain(|name, _| expected.contains(name.as_str()) || name == "(program)");
    Failures(problems)
}
