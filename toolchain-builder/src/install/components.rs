//! What install.sh does, in Rust (no sh needed): every component listed in
//! `components` has its `manifest.in` files (`file:P`, `dir:P`) moved from
//! the unpacked tarball to `<staging>/P`, and the metadata install.sh
//! leaves in `lib/rustlib/` is written too (`components`,
//! `rust-installer-version`, `manifest-<component>` with the final absolute
//! paths, `uninstall.sh`), so that the tarball's `install.sh --uninstall`
//! and rustup treat both installations alike.

use std::fmt::Write as _;
use std::path::{Component, Path};

use anyhow::{bail, Context as _};

use crate::package::components::{REL_MANIFEST_DIR, RUST_INSTALLER_VERSION};

/// The tarball's version: the first word of `<top>/version`.
pub fn version(top: &Path) -> anyhow::Result<String> {
    let text = std::fs::read_to_string(top.join("version"))
        .context("the tarball has no `version` file")?;
    match text.split_whitespace().next() {
        Some(v) if !v.contains(['/', '\\']) && v != ".." => Ok(v.to_owned()),
        _ => bail!("the tarball's `version` file is empty or malformed"),
    }
}

/// Lays out the unpacked tarball `top` in `staging` (an empty directory),
/// recording `prefix` (where `staging` will end up) in the manifests.
pub fn lay_out(top: &Path, staging: &Path, prefix: &Path) -> anyhow::Result<()> {
    let format = std::fs::read_to_string(top.join("rust-installer-version"))
        .context("the tarball has no rust-installer-version file")?;
    if format.trim() != RUST_INSTALLER_VERSION.to_string() {
        bail!(
            "the tarball is rust-installer format {}, this installer reads {RUST_INSTALLER_VERSION}",
            format.trim()
        );
    }
    let names = std::fs::read_to_string(top.join("components"))
        .context("the tarball has no components file")?;
    let names: Vec<&str> = names.split_whitespace().collect();
    if names.is_empty() {
        bail!("the tarball's components file lists no component");
    }
    let meta = staging.join("lib").join(REL_MANIFEST_DIR);
    std::fs::create_dir_all(&meta)?;
    for name in &names {
        if !is_plain_name(name) {
            bail!("the tarball names a malformed component {name:?}");
        }
        let dir = top.join(name);
        let manifest = std::fs::read_to_string(dir.join("manifest.in"))
            .with_context(|| format!("component {name} has no manifest.in"))?;
        let mut installed = String::new();
        for line in manifest.lines().filter(|l| !l.is_empty()) {
            let (kind, rel) = line
                .split_once(':')
                .filter(|(kind, _)| matches!(*kind, "file" | "dir"))
                .with_context(|| format!("component {name}: malformed manifest line {line:?}"))?;
            if !is_relative_inside(rel) {
                bail!("component {name}: manifest path {rel:?} leaves the prefix");
            }
            let (from, to) = (dir.join(rel), staging.join(rel));
            if std::fs::symlink_metadata(&to).is_ok() {
                bail!("component {name}: {rel} is installed twice");
            }
            if let Some(parent) = to.parent() {
                std::fs::create_dir_all(parent)?;
            }
            // Same file system (both under the temporary directory).
            std::fs::rename(&from, &to)
                .with_context(|| format!("component {name}: cannot install {rel}"))?;
            writeln!(installed, "{kind}:{}", prefix.join(rel).display())?;
        }
        std::fs::write(meta.join(format!("manifest-{name}")), installed)?;
    }
    let listed: String = names.iter().map(|n| format!("{n}\n")).collect();
    std::fs::write(meta.join("components"), listed)?;
    std::fs::write(
        meta.join("rust-installer-version"),
        format!("{RUST_INSTALLER_VERSION}\n"),
    )?;
    std::fs::copy(top.join("install.sh"), meta.join("uninstall.sh"))
        .context("the tarball has no install.sh")?;
    Ok(())
}

fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
        && name != "."
        && name != ".."
}

fn is_relative_inside(path: &str) -> bool {
    !path.is_empty()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}
