//! Finding the base toolchain (rustc 1.96.0 with rustc-dev and rust-src)
//! that compiles the backend and runs the tests. Sources are tried in a fixed
//! order: `--base-toolchain`/`CLIF_BASE_TOOLCHAIN`, then
//! `--base-archive`/`CLIF_BASE_ARCHIVE`, then the archives named in the
//! embedded default config, then a rustup toolchain; an explicitly given
//! source that is broken is an error rather than skipped.

mod archive;
mod error;
mod rustup;
mod validate;

use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

pub use error::BaseToolchainError;

use crate::config::Config;
use crate::layout::Layout;
use crate::process::Shell;
use crate::progress;
use validate::{validate, Validated};

/// What the user asked for on the command line or in the environment.
#[derive(Debug, Clone, Default)]
pub struct BaseSelection {
    pub dir: Option<PathBuf>,
    pub archive: Option<PathBuf>,
}

/// Where a base toolchain came from.
#[derive(Debug, Clone)]
pub enum Origin {
    Dir,
    Archive(PathBuf),
    DefaultArchive(PathBuf),
    Rustup(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Dir => f.write_str("--base-toolchain / CLIF_BASE_TOOLCHAIN"),
            Origin::Archive(path) => {
                write!(f, "--base-archive / CLIF_BASE_ARCHIVE ({})", path.display())
            }
            Origin::DefaultArchive(path) => write!(f, "default archive {}", path.display()),
            Origin::Rustup(name) => write!(f, "rustup toolchain {name}"),
        }
    }
}

/// A validated base toolchain.
#[derive(Debug, Clone)]
pub struct BaseToolchain {
    /// The toolchain directory (bin/, lib/).
    pub root: PathBuf,
    pub rustc: PathBuf,
    pub rustdoc: Option<PathBuf>,
    /// `rustc -vV` output; part of every fingerprint of things it compiles.
    pub version_info: String,
    pub origin: Origin,
}

impl BaseToolchain {
    fn new(validated: Validated, origin: Origin) -> Self {
        let base = Self {
            root: validated.root,
            rustc: validated.rustc,
            rustdoc: validated.rustdoc,
            version_info: validated.version_info,
            origin,
        };
        progress::note(format!(
            "base toolchain: {} in {} (from {})",
            base.version_info.lines().next().unwrap_or("rustc"),
            base.root.display(),
            base.origin
        ));
        base
    }
}

/// Finds and validates the base toolchain.
pub fn resolve(
    selection: &BaseSelection,
    config: &Config,
    layout: &Layout,
    shell: Shell,
) -> anyhow::Result<BaseToolchain> {
    if let Some(dir) = &selection.dir {
        let origin = Origin::Dir;
        let validated = validate(dir, config, shell).with_context(|| unusable(&origin))?;
        return Ok(BaseToolchain::new(validated, origin));
    }
    if let Some(path) = &selection.archive {
        return from_archive(path, Origin::Archive(path.clone()), config, layout, shell);
    }

    let mut tried = vec![
        "--base-toolchain / CLIF_BASE_TOOLCHAIN: not set".to_owned(),
        "--base-archive / CLIF_BASE_ARCHIVE: not set".to_owned(),
    ];
    for candidate in &config.base_archive_candidates {
        let path = normalize(&layout.repo.join(candidate));
        if path.is_file() {
            let origin = Origin::DefaultArchive(path.clone());
            return from_archive(&path, origin, config, layout, shell);
        }
        tried.push(format!("default archive {}: not found", path.display()));
    }

    let name = &config.rustup_toolchain;
    match rustup::probe(name, shell) {
        rustup::Probe::Sysroot(sysroot) => match validate(&sysroot, config, shell) {
            Ok(validated) => {
                return Ok(BaseToolchain::new(validated, Origin::Rustup(name.clone())))
            }
            Err(err) => tried.push(format!("rustup toolchain {name}: {err}")),
        },
        rustup::Probe::Unavailable(why) => tried.push(format!("rustup toolchain {name}: {why}")),
    }
    Err(BaseToolchainError::NotFound {
        release: config.rustc_release.clone(),
        tried: tried
            .iter()
            .map(|line| format!("  - {line}"))
            .collect::<Vec<_>>()
            .join("\n"),
        install: config.rustup_install_command(),
    }
    .into())
}

fn from_archive(
    path: &Path,
    origin: Origin,
    config: &Config,
    layout: &Layout,
    shell: Shell,
) -> anyhow::Result<BaseToolchain> {
    let root = archive::unpack_cached(path, &layout.base_cache_dir())
        .with_context(|| unusable(&origin))?;
    let validated = validate(&root, config, shell).with_context(|| unusable(&origin))?;
    Ok(BaseToolchain::new(validated, origin))
}

fn unusable(origin: &Origin) -> String {
    format!("the base toolchain from {origin} is not usable")
}

/// `path` with `.` and `..` components resolved lexically (the repository's
/// `../shared` then reads as a plain sibling path in messages).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_normalized_lexically() {
        assert_eq!(
            normalize(Path::new("/work/main/../shared/./base/x.tar.xz")),
            PathBuf::from("/work/shared/base/x.tar.xz")
        );
    }

    #[test]
    fn explicit_directory_errors_name_the_source() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let layout = Layout {
            repo: tmp.path().to_path_buf(),
            build: tmp.path().join("build"),
        };
        let selection = BaseSelection {
            dir: Some(tmp.path().join("missing")),
            archive: None,
        };
        let config = Config::embedded().expect("config");
        let err = resolve(&selection, &config, &layout, Shell { verbose: false })
            .expect_err("missing dir");
        assert!(err.to_string().contains("--base-toolchain"), "{err}");
        assert_eq!(
            crate::exit::exit_for(&err),
            crate::exit::Exit::BaseToolchain
        );
    }
}
