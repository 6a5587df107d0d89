//! The defaults compiled into the binary: `default-config.toml` (next to this
//! crate's Cargo.toml) is embedded with `include_str!` and names the required
//! rustc release, the rustup toolchain to fall back to, where the base
//! toolchain archive usually lives relative to the repository root, the
//! lld binary the toolchain bundles, the clippy source `lint` builds from and
//! where `fuzz` finds rustlantis.

use std::path::PathBuf;

use anyhow::Context as _;
use serde::Deserialize;

const EMBEDDED: &str = include_str!("../default-config.toml");

/// Settings from `default-config.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The `release:` that `rustc -vV` of the base toolchain must report.
    pub rustc_release: String,
    /// Name of the rustup toolchain tried as the last resort.
    pub rustup_toolchain: String,
    /// Base toolchain archives, relative to the repository root, in order.
    pub base_archive_candidates: Vec<PathBuf>,
    /// The lld binary bundled as `rust-lld` unless `--lld` names another.
    pub lld: PathBuf,
    /// The clippy source of rustc `rustc_release`, for stage clippy.
    pub clippy_source: PathBuf,
    /// The rustlantis checkout `fuzz` uses unless `--rustlantis` names
    /// another, relative to the repository root.
    pub rustlantis: PathBuf,
}

impl Config {
    /// The configuration compiled into this binary.
    pub fn embedded() -> anyhow::Result<Self> {
        Self::parse(EMBEDDED).context("the embedded default-config.toml is invalid")
    }

    /// Parses a configuration file's text.
    pub fn parse(text: &str) -> Result<Self, toml::de::Error> {
        toml::from_str(text)
    }

    /// The exact command that installs a suitable base toolchain with rustup.
    pub fn rustup_install_command(&self) -> String {
        format!(
            "rustup toolchain install {} --component rustc-dev,rust-src",
            self.rustup_toolchain
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_config_parses() {
        let config = Config::embedded().expect("embedded config");
        assert_eq!(config.rustc_release, "1.96.0");
        assert_eq!(config.rustup_toolchain, "1.96.0");
        assert_eq!(
            config.base_archive_candidates,
            vec![PathBuf::from(
                "../shared/base-toolchain/clif-base-1.96.0-x86_64-unknown-linux-gnu.tar.xz"
            )]
        );
        assert_eq!(config.lld, PathBuf::from("/usr/lib/llvm-22/bin/lld"));
        assert_eq!(
            config.clippy_source,
            PathBuf::from("/usr/src/rustc-1.96.0/src/tools/clippy")
        );
        assert_eq!(
            config.rustlantis,
            PathBuf::from("../shared/third-party/rustlantis")
        );
        assert_eq!(
            config.rustup_install_command(),
            "rustup toolchain install 1.96.0 --component rustc-dev,rust-src"
        );
    }

    #[test]
    fn unknown_keys_are_rejected() {
        let text = r#"
            rustc_release = "1.96.0"
            rustup_toolchain = "1.96.0"
            base_archive_candidates = []
            lld = "/usr/bin/ld.lld"
            clippy_source = "/src/clippy"
            rustlantis = "rustlantis"
            base_archive = "typo.tar.xz"
        "#;
        let err = Config::parse(text).expect_err("unknown key");
        assert!(err.to_string().contains("base_archive"), "{err}");
    }

    #[test]
    fn missing_keys_are_rejected() {
        let err = Config::parse(r#"rustc_release = "1.96.0""#).expect_err("missing keys");
        assert!(err.to_string().contains("rustup_toolchain"), "{err}");
    }
}
