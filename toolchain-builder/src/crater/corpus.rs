//! The corpus, `tests/crater/corpus.toml`: the pinned list of crates.io
//! libraries (`[[lib]]`, whose own `cargo test` is compared) and
//! applications (`[[app]]`, built in debug and release and compared by
//! smoke commands), and the rows of the results table they make (one per
//! lib, two per app). It knows nothing of cargo or of running.

use std::fmt;
use std::path::Path;

use anyhow::{bail, Context as _};
use serde::Deserialize;

/// The whole corpus.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corpus {
    #[serde(default)]
    pub lib: Vec<Lib>,
    #[serde(default)]
    pub app: Vec<App>,
}

/// A library whose own test suite runs.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Lib {
    pub name: String,
    /// The exact version.
    pub version: String,
    /// Cargo features to enable.
    #[serde(default)]
    pub features: Vec<String>,
    #[serde(default)]
    pub no_default_features: bool,
    /// More arguments for `cargo test` (before `--`).
    #[serde(default)]
    pub test_args: Vec<String>,
    /// Part of the CI subset.
    #[serde(default)]
    pub ci: bool,
}

/// An application built with `cargo install` and run.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct App {
    pub name: String,
    pub version: String,
    /// Commands run in `tests/crater/smoke/`; the first word of each is one
    /// of the installed binaries.
    pub smoke: Vec<Vec<String>>,
    #[serde(default)]
    pub ci: bool,
}

/// The two cargo profiles an application is built with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    Debug,
    Release,
}

impl Profile {
    pub const ALL: [Profile; 2] = [Profile::Debug, Profile::Release];
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Profile::Debug => "debug",
            Profile::Release => "release",
        })
    }
}

/// One row of the results: a lib, or an app in one profile.
#[derive(Debug, Clone)]
pub enum Row {
    Lib(Lib),
    App(App, Profile),
}

impl Row {
    /// `name@version` for a lib, `name@version/profile` for an app: the key
    /// of the results and of `known-differences.txt`.
    pub fn id(&self) -> String {
        match self {
            Row::Lib(lib) => format!("{}@{}", lib.name, lib.version),
            Row::App(app, profile) => format!("{}@{}/{profile}", app.name, app.version),
        }
    }

    pub fn name(&self) -> &str {
        match self {
            Row::Lib(lib) => &lib.name,
            Row::App(app, _) => &app.name,
        }
    }

    pub fn version(&self) -> &str {
        match self {
            Row::Lib(lib) => &lib.version,
            Row::App(app, _) => &app.version,
        }
    }

    /// `lib`, `app debug` or `app release`.
    pub fn kind(&self) -> String {
        match self {
            Row::Lib(_) => "lib".to_owned(),
            Row::App(_, profile) => format!("app {profile}"),
        }
    }

    fn ci(&self) -> bool {
        match self {
            Row::Lib(lib) => lib.ci,
            Row::App(app, _) => app.ci,
        }
    }
}

/// Which part of the corpus runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Subset {
    /// Every entry.
    All,
    /// The entries marked `ci = true`.
    Ci,
}

impl Corpus {
    pub fn load(file: &Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("cannot read {}", file.display()))?;
        Self::parse(&text).with_context(|| format!("invalid corpus {}", file.display()))
    }

    fn parse(text: &str) -> anyhow::Result<Self> {
        let corpus: Corpus = toml::from_str(text)?;
        let mut names: Vec<&str> = corpus
            .lib
            .iter()
            .map(|l| l.name.as_str())
            .chain(corpus.app.iter().map(|a| a.name.as_str()))
            .collect();
        names.sort_unstable();
        if let Some(pair) = names.windows(2).find(|pair| pair[0] == pair[1]) {
            bail!("`{}` is listed twice", pair[0]);
        }
        for app in &corpus.app {
            if app.smoke.is_empty() || app.smoke.iter().any(Vec::is_empty) {
                bail!("app `{}` needs smoke commands, none empty", app.name);
            }
        }
        Ok(corpus)
    }

    /// Every row, libs first, in the file's order.
    pub fn rows(&self) -> Vec<Row> {
        let libs = self.lib.iter().cloned().map(Row::Lib);
        let apps = self
            .app
            .iter()
            .flat_map(|app| Profile::ALL.map(|profile| Row::App(app.clone(), profile)));
        libs.chain(apps).collect()
    }

    /// The rows of `subset` whose id contains `filter`.
    pub fn select(&self, subset: Subset, filter: Option<&str>) -> Vec<Row> {
        self.rows()
            .into_iter()
            .filter(|row| subset == Subset::All || row.ci())
            .filter(|row| filter.is_none_or(|f| row.id().contains(f)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CORPUS: &str = r#"
[[lib]]
name = "itoa"
version = "1.0.19"
ci = true

[[lib]]
name = "tokio"
version = "1.54.1"
features = ["full"]
test-args = ["--lib"]

[[app]]
name = "hexyl"
version = "0.17.0"
ci = true
smoke = [["hexyl", "sample.txt"]]
"#;

    fn ids(rows: &[Row]) -> Vec<String> {
        rows.iter().map(Row::id).collect()
    }

    #[test]
    fn rows_are_libs_then_apps_in_both_profiles() {
        let corpus = Corpus::parse(CORPUS).expect("parses");
        assert_eq!(corpus.lib[1].features, ["full"]);
        assert_eq!(corpus.lib[1].test_args, ["--lib"]);
        assert_eq!(
            ids(&corpus.rows()),
            [
                "itoa@1.0.19",
                "tokio@1.54.1",
                "hexyl@0.17.0/debug",
                "hexyl@0.17.0/release"
            ]
        );
        assert_eq!(
            ids(&corpus.select(Subset::Ci, None)),
            ["itoa@1.0.19", "hexyl@0.17.0/debug", "hexyl@0.17.0/release"]
        );
        assert_eq!(
            ids(&corpus.select(Subset::All, Some("release"))),
            ["hexyl@0.17.0/release"]
        );
        assert_eq!(corpus.rows()[3].kind(), "app release");
    }

    #[test]
    fn duplicates_unknown_keys_and_empty_smoke_are_errors() {
        let twice = format!("{CORPUS}\n[[lib]]\nname = \"itoa\"\nversion = \"1.0.18\"\n");
        assert!(Corpus::parse(&twice).is_err());
        assert!(Corpus::parse("[[lib]]\nname = \"a\"\nversion = \"1\"\ncli = true\n").is_err());
        assert!(Corpus::parse("[[app]]\nname = \"a\"\nversion = \"1\"\nsmoke = [[]]\n").is_err());
    }

    #[test]
    fn the_checked_in_corpus_is_valid() {
        let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/crater/corpus.toml");
        let corpus = Corpus::load(&file).expect("loads");
        assert!(corpus.lib.len() >= 80, "{} libs", corpus.lib.len());
        assert!(corpus.app.len() >= 8, "{} apps", corpus.app.len());
    }
}
