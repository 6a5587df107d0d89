//! `dev-release.json`: what `install --channel dev` reads. One entry per
//! host; per-host CI jobs each add theirs to the same file.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context as _;
use serde::{Deserialize, Serialize};

use crate::progress;

/// The manifest's file name.
pub const FILE_NAME: &str = "dev-release.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Release {
    pub version: String,
    /// The repository's commit, when it was known (`null` otherwise).
    pub commit: Option<String>,
    /// RFC 3339 UTC: the modification time of the tarballs' entries.
    pub date: String,
    pub hosts: BTreeMap<String, HostEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostEntry {
    pub file: String,
    pub url: String,
    pub sha256: String,
    pub size: u64,
}

impl Release {
    /// Parses a manifest fetched from `source` (named in the error).
    pub fn parse(text: &[u8], source: &str) -> anyhow::Result<Release> {
        serde_json::from_slice(text).with_context(|| {
            format!("{source} is not a clif-toolchain release manifest (dev-release.json)")
        })
    }
}

/// `release` with the other hosts of the manifest already at `path` (when it
/// is of the same version; entries of another version are dropped, with a
/// note, so that one file never mixes versions).
pub fn merged(path: &Path, mut release: Release) -> anyhow::Result<Release> {
    let existing = match std::fs::read(path) {
        Ok(text) => Release::parse(&text, &path.display().to_string())?,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(release),
        Err(err) => return Err(err).with_context(|| format!("cannot read {}", path.display())),
    };
    if existing.version != release.version {
        progress::note(format!(
            "{}: dropping the entries of version {} (this is {})",
            path.display(),
            existing.version,
            release.version
        ));
        return Ok(release);
    }
    for (host, entry) in existing.hosts {
        release.hosts.entry(host).or_insert(entry);
    }
    Ok(release)
}

/// The manifest as written: pretty JSON with a final newline.
pub fn render(release: &Release) -> anyhow::Result<Vec<u8>> {
    let mut text = serde_json::to_vec_pretty(release)?;
    text.push(b'\n');
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn release(version: &str, hosts: &[&str]) -> Release {
        Release {
            version: version.into(),
            commit: Some("abc".into()),
            date: "1970-01-01T00:00:00Z".into(),
            hosts: hosts
                .iter()
                .map(|h| {
                    let entry = HostEntry {
                        file: format!("f-{h}"),
                        url: format!("u/f-{h}"),
                        sha256: format!("{version}-{h}"),
                        size: 1,
                    };
                    (h.to_string(), entry)
                })
                .collect(),
        }
    }

    #[test]
    fn other_hosts_are_kept_and_this_host_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let mut old = release("dev", &["a", "b"]);
        old.hosts.get_mut("b").unwrap().sha256 = "old".into();
        std::fs::write(&path, render(&old).unwrap()).unwrap();
        let new = merged(&path, release("dev", &["b"])).unwrap();
        assert_eq!(new.hosts.len(), 2);
        assert_eq!(new.hosts["a"], old.hosts["a"]);
        assert_eq!(new.hosts["b"].sha256, "dev-b");
        // Another version's entries go.
        std::fs::write(&path, render(&old).unwrap()).unwrap();
        let other = merged(&path, release("v2", &["b"])).unwrap();
        assert_eq!(other.hosts.keys().collect::<Vec<_>>(), ["b"]);
    }

    #[test]
    fn round_trip_and_a_clear_error_for_non_json() {
        let r = release("dev", &["x86_64-unknown-linux-gnu"]);
        assert_eq!(Release::parse(&render(&r).unwrap(), "t").unwrap(), r);
        let err = Release::parse(b"<html>", "http://h/dev-release.json").unwrap_err();
        assert!(
            format!("{err:#}").contains("http://h/dev-release.json is not a clif-toolchain"),
            "{err:#}"
        );
    }
}
