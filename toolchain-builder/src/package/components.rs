//! How a dist directory splits into rust-installer components, and the
//! files of the installer itself (`install.sh`, `components`,
//! `rust-installer-version`, each component's `manifest.in`).
//!
//! Components: `rust-std-<target>` takes `lib/rustlib/<target>/lib/` (every
//! target with one), `lld` takes `lib/rustlib/<host>/bin/` (rust-lld and
//! gcc-ld/), `cargo` takes `bin/cargo`, and `rustc` everything else (bin/,
//! libexec/, lib/*.so*, the codegen backend, VERSION, README). rustup's
//! components are named alike.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component as PathComponent, Path, PathBuf};

use anyhow::{bail, Context as _};

/// The rust-installer format version the vendored template implements.
pub const RUST_INSTALLER_VERSION: u32 = 3;

/// rust-installer's install script template (see assets/rust-installer/).
const INSTALL_TEMPLATE: &str = include_str!("../../assets/rust-installer/install-template.sh");

/// Where install.sh keeps its manifests under the library directory, as
/// rustc's own tarballs do (`lib/rustlib/manifest-<component>`).
pub const REL_MANIFEST_DIR: &str = "rustlib";

/// One component: its name, its files (and symbolic links) relative to the
/// dist root, sorted, and the directories that install.sh is to copy as a
/// whole (`dir:` lines): those holding a symbolic link. install.sh copies
/// and chmods a `file:` entry, which fails for a link whose target is not
/// there yet (gcc-ld/ld.lld -> ../rust-lld sorts first), and its uninstall
/// skips a link whose target it removed first; a `dir:` entry is copied
/// with `cp -dR` and removed with `rm -r`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Component {
    pub name: String,
    pub files: Vec<String>,
    pub bulk_dirs: BTreeSet<String>,
}

impl Component {
    /// `manifest.in`: `dir:` and `file:` lines, sorted as rust-installer
    /// writes them.
    pub fn manifest_in(&self) -> String {
        let under_bulk = |file: &str| {
            self.bulk_dirs.iter().any(|dir| {
                file.strip_prefix(dir.as_str())
                    .is_some_and(|r| r.starts_with('/'))
            })
        };
        let lines: BTreeSet<String> = self
            .bulk_dirs
            .iter()
            .map(|dir| format!("dir:{dir}\n"))
            .chain(
                self.files
                    .iter()
                    .filter(|f| !under_bulk(f))
                    .map(|f| format!("file:{f}\n")),
            )
            .collect();
        lines.into_iter().collect()
    }
}

/// The component a dist-relative path (with `/` separators) belongs to.
fn component_of(path: &str, host: &str) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["lib", "rustlib", target, "lib", _, ..] => format!("rust-std-{target}"),
        ["lib", "rustlib", target, "bin", _, ..] if *target == host => "lld".to_owned(),
        ["bin", "cargo"] => "cargo".to_owned(),
        _ => "rustc".to_owned(),
    }
}

/// Splits the files under `dist` into components: `rustc`, then the
/// `rust-std-*` (host first), then `lld`. Directories are not listed (as
/// rust-installer's manifests do not); the tarball carries them.
pub fn split(dist: &Path, host: &str) -> anyhow::Result<Vec<Component>> {
    let mut by_name: BTreeMap<String, Component> = BTreeMap::new();
    for (file, is_link) in files_under(dist)? {
        let name = component_of(&file, host);
        let component = by_name.entry(name.clone()).or_insert(Component {
            name,
            files: Vec::new(),
            bulk_dirs: BTreeSet::new(),
        });
        if is_link {
            match file.rsplit_once('/') {
                Some((dir, _)) => component.bulk_dirs.insert(dir.to_owned()),
                None => bail!("a symbolic link at the top of the dist directory: {file}"),
            };
        }
        component.files.push(file);
    }
    if !by_name.contains_key("rustc") {
        bail!("{} has no files of the rustc component", dist.display());
    }
    let rank = |name: &str| match name {
        "rustc" => 0,
        n if n == format!("rust-std-{host}") => 1,
        "lld" => 3,
        _ => 2,
    };
    let mut components: Vec<Component> = by_name.into_values().collect();
    components.sort_by(|a, b| (rank(&a.name), &a.name).cmp(&(rank(&b.name), &b.name)));
    Ok(components)
}

/// Every non-directory under `root` (symbolic links are not followed), as
/// `/`-separated relative paths, and whether it is a symbolic link.
fn files_under(root: &Path) -> anyhow::Result<Vec<(String, bool)>> {
    let mut out = Vec::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(rel) = pending.pop() {
        let dir = root.join(&rel);
        for entry in std::fs::read_dir(&dir)
            .with_context(|| format!("cannot read directory {}", dir.display()))?
        {
            let entry = entry.with_context(|| format!("cannot read {}", dir.display()))?;
            let path = rel.join(entry.file_name());
            let kind = entry.file_type()?;
            if kind.is_dir() {
                pending.push(path);
            } else {
                out.push((slash_path(&path)?, kind.is_symlink()));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// `path` as a `/`-separated UTF-8 string (rust-installer's manifests and
/// install.sh cannot carry anything else).
fn slash_path(path: &Path) -> anyhow::Result<String> {
    let mut parts = Vec::new();
    for part in path.components() {
        match part {
            PathComponent::Normal(name) => match name.to_str() {
                Some(s) if !s.contains(['\\', '\n']) => parts.push(s),
                _ => bail!("unsupported file name in the dist directory: {path:?}"),
            },
            _ => bail!("unexpected path in the dist directory: {path:?}"),
        }
    }
    Ok(parts.join("/"))
}

/// `install.sh`: the vendored template with its placeholders filled as
/// rust-installer's `Scripter` does.
pub fn install_script() -> String {
    INSTALL_TEMPLATE
        .replace("%%TEMPLATE_PRODUCT_NAME%%", &sh_quote("clif-toolchain"))
        .replace("%%TEMPLATE_REL_MANIFEST_DIR%%", REL_MANIFEST_DIR)
        .replace(
            "%%TEMPLATE_SUCCESS_MESSAGE%%",
            &sh_quote("clif-toolchain is ready to roll."),
        )
        .replace("%%TEMPLATE_LEGACY_MANIFEST_DIRS%%", &sh_quote(""))
        .replace(
            "%%TEMPLATE_RUST_INSTALLER_VERSION%%",
            &sh_quote(&RUST_INSTALLER_VERSION.to_string()),
        )
}

/// `s` in single quotes for sh.
fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r#"'"'"'"#))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_go_to_their_components() {
        let host = "x86_64-unknown-linux-gnu";
        for (path, component) in [
            ("bin/rustc", "rustc"),
            ("bin/cargo", "cargo"),
            ("libexec/rustc-real", "rustc"),
            ("lib/libLLVM.so.22.1", "rustc"),
            ("VERSION", "rustc"),
            (
                "lib/rustlib/x86_64-unknown-linux-gnu/codegen-backends/librustc_codegen_clif.so",
                "rustc",
            ),
            (
                "lib/rustlib/x86_64-unknown-linux-gnu/lib/libstd.rlib",
                "rust-std-x86_64-unknown-linux-gnu",
            ),
            (
                "lib/rustlib/s390x-unknown-linux-gnu/lib/self-contained/crt1.o",
                "rust-std-s390x-unknown-linux-gnu",
            ),
            ("lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld", "lld"),
            (
                "lib/rustlib/x86_64-unknown-linux-gnu/bin/gcc-ld/ld.lld",
                "lld",
            ),
        ] {
            assert_eq!(component_of(path, host), component, "{path}");
        }
    }

    #[test]
    fn template_placeholders_are_all_filled() {
        let script = install_script();
        assert!(!script.contains("%%TEMPLATE"), "unfilled placeholder");
        assert!(script.contains("TEMPLATE_REL_MANIFEST_DIR=rustlib\n"));
        assert!(script.contains("TEMPLATE_RUST_INSTALLER_VERSION='3'\n"));
    }
}
