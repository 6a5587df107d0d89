//! Unpacking a downloaded `.tar.xz` into an empty directory, trusting none
//! of it: every entry's path must be relative without `..`, links must
//! point inside the tree (judged lexically, and no entry may pass through
//! a symbolic link of the archive, so chains of links cannot leave it
//! either), each path appears once, and only directories, regular files,
//! symbolic links and hard links are allowed. Modes become 0755 or 0644.

use std::collections::HashSet;
use std::io::Read;
use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
use std::path::{Component, Path, PathBuf};

use anyhow::{bail, Context as _};
use tar::EntryType;

use crate::progress::Step;

/// Why an archive was refused.
#[derive(Debug, thiserror::Error)]
#[error("refusing to unpack {archive}: entry {entry:?} {why}")]
pub struct UnsafeEntry {
    archive: String,
    entry: String,
    why: &'static str,
}

/// Unpacks `archive` into `dest` (which must exist and be empty).
pub fn unpack(archive: &Path, dest: &Path) -> anyhow::Result<()> {
    let file = std::fs::File::open(archive)
        .with_context(|| format!("cannot open {}", archive.display()))?;
    let size = file.metadata()?.len();
    let name = archive.file_name().unwrap_or_default().to_string_lossy();
    let step = Step::bytes(&format!("unpack {name}"), size);
    let mut tar = tar::Archive::new(xz2::read::XzDecoder::new(step.wrap_read(file)));
    let refuse = |entry: &Path, why| UnsafeEntry {
        archive: archive.display().to_string(),
        entry: entry.display().to_string(),
        why,
    };
    let mut seen = HashSet::new();
    let mut symlinks = HashSet::new();
    for entry in tar
        .entries()
        .with_context(|| format!("cannot read {}", archive.display()))?
    {
        let mut entry =
            entry.with_context(|| format!("{} is not a valid .tar.xz", archive.display()))?;
        let raw = entry.path()?.into_owned();
        let path = relative(&raw).ok_or_else(|| refuse(&raw, "is absolute or contains `..`"))?;
        if path.as_os_str().is_empty() {
            continue;
        }
        if path.ancestors().skip(1).any(|a| symlinks.contains(a)) {
            return Err(refuse(&raw, "lies below a symbolic link").into());
        }
        if !seen.insert(path.clone()) {
            return Err(refuse(&raw, "appears twice").into());
        }
        let target = dest.join(&path);
        let kind = entry.header().entry_type();
        match kind {
            EntryType::Directory => {
                std::fs::create_dir_all(&target)?;
                std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o755))?;
            }
            EntryType::Regular | EntryType::Continuous => {
                let executable = entry.header().mode()? & 0o111 != 0;
                create_parent(&target)?;
                let mut out = std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .mode(if executable { 0o755 } else { 0o644 })
                    .open(&target)
                    .with_context(|| format!("cannot create {}", target.display()))?;
                std::io::copy(&mut (&mut entry as &mut dyn Read), &mut out)
                    .with_context(|| format!("cannot unpack {}", raw.display()))?;
            }
            EntryType::Symlink => {
                let link = entry
                    .link_name()?
                    .ok_or_else(|| refuse(&raw, "is a symbolic link without a target"))?;
                let parent = path.parent().unwrap_or(Path::new(""));
                if !link_stays_inside(parent, &link) {
                    return Err(
                        refuse(&raw, "is a symbolic link pointing outside the archive").into(),
                    );
                }
                create_parent(&target)?;
                std::os::unix::fs::symlink(&link, &target)
                    .with_context(|| format!("cannot create {}", target.display()))?;
                symlinks.insert(path);
            }
            EntryType::Link => {
                let link = entry
                    .link_name()?
                    .ok_or_else(|| refuse(&raw, "is a hard link without a target"))?;
                let source = relative(&link)
                    .filter(|s| !s.as_os_str().is_empty())
                    .ok_or_else(|| refuse(&raw, "is a hard link pointing outside the archive"))?;
                if !seen.contains(&source) || symlinks.contains(&source) {
                    return Err(refuse(&raw, "is a hard link to no earlier file").into());
                }
                create_parent(&target)?;
                std::fs::hard_link(dest.join(&source), &target)
                    .with_context(|| format!("cannot create {}", target.display()))?;
            }
            _ => return Err(refuse(&raw, "is a device, FIFO or other special file").into()),
        }
    }
    step.finish("done");
    Ok(())
}

fn create_parent(path: &Path) -> anyhow::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    Ok(())
}

/// `path` without `.` components, if it is relative and has no `..`.
fn relative(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::Normal(name) => out.push(name),
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

/// Whether the relative symlink `link` in directory `parent` (relative to
/// the root) resolves, lexically, to a path inside the root.
fn link_stays_inside(parent: &Path, link: &Path) -> bool {
    let mut depth = parent.components().count();
    for part in link.components() {
        match part {
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            Component::ParentDir => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            Component::RootDir | Component::Prefix(_) => return false,
        }
    }
    true
}

/// The single top-level directory of an unpacked tarball.
pub fn top_dir(dest: &Path) -> anyhow::Result<PathBuf> {
    let mut dirs = Vec::new();
    for entry in std::fs::read_dir(dest)? {
        dirs.push(entry?.path());
    }
    match dirs.as_slice() {
        [one] if one.is_dir() && !one.is_symlink() => Ok(one.clone()),
        _ => bail!("the tarball does not hold exactly one top-level directory"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_judged_from_their_directory() {
        assert!(link_stays_inside(
            Path::new("a/b"),
            Path::new("../rust-lld")
        ));
        assert!(link_stays_inside(Path::new("a/b"), Path::new("../../x")));
        assert!(!link_stays_inside(
            Path::new("a/b"),
            Path::new("../../../x")
        ));
        assert!(!link_stays_inside(Path::new(""), Path::new("/etc/passwd")));
        assert!(!link_stays_inside(Path::new("a"), Path::new("b/../../..")));
        assert_eq!(relative(Path::new("./a/./b")), Some(PathBuf::from("a/b")));
        assert_eq!(relative(Path::new("a/../b")), None);
        assert_eq!(relative(Path::new("/a")), None);
    }
}
