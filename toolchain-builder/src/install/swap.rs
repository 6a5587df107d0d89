//! Replacing the prefix as a whole: the new tree is staged next to it (same
//! file system) and exchanged with it in one `renameat2(RENAME_EXCHANGE)`,
//! so the prefix is always either the old or the new installation; the
//! staging path then holds the old one, which the caller deletes. Where the
//! kernel or file system cannot exchange, the old prefix is renamed aside
//! first (and back if the second rename fails).

use std::ffi::CString;
use std::io;
use std::os::unix::ffi::OsStrExt as _;
use std::path::Path;

use anyhow::{bail, Context as _};

/// What the first line of an installed toolchain's `VERSION` starts with.
const MAGIC: &str = "clif-toolchain ";

/// Refuses to replace `prefix` unless it is missing, empty or a
/// clif-toolchain installation (so `--prefix ~` cannot delete a home).
pub fn check_replaceable(prefix: &Path) -> anyhow::Result<()> {
    let mut entries = match std::fs::read_dir(prefix) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(err).with_context(|| format!("cannot read {}", prefix.display())),
    };
    if entries.next().is_none() {
        return Ok(());
    }
    let version = std::fs::read_to_string(prefix.join("VERSION")).unwrap_or_default();
    if !version.starts_with(MAGIC) {
        bail!(
            "{} exists and is not a clif-toolchain installation (no VERSION starting with \
             `{MAGIC}`); it is replaced as a whole, so choose an empty or new --prefix",
            prefix.display()
        );
    }
    Ok(())
}

/// Puts `staging` at `prefix`. Afterwards `staging` holds the previous
/// installation, if there was one.
pub fn swap_in(staging: &Path, prefix: &Path) -> anyhow::Result<()> {
    let replaced = || format!("cannot move {} to {}", staging.display(), prefix.display());
    if std::fs::symlink_metadata(prefix).is_err() {
        return std::fs::rename(staging, prefix).with_context(replaced);
    }
    match exchange(staging, prefix) {
        Ok(()) => Ok(()),
        Err(err) if matches!(err.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS)) => {
            let aside = staging.with_extension("old");
            std::fs::rename(prefix, &aside)
                .with_context(|| format!("cannot move {} aside", prefix.display()))?;
            if let Err(err) = std::fs::rename(staging, prefix) {
                // Put the old installation back; the error is the first one.
                let _ = std::fs::rename(&aside, prefix);
                return Err(err).with_context(replaced);
            }
            std::fs::rename(&aside, staging).context("cannot move the old installation away")
        }
        Err(err) => Err(err).with_context(replaced),
    }
}

fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    let c = |p: &Path| CString::new(p.as_os_str().as_bytes()).map_err(io::Error::other);
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both are valid NUL-terminated paths; renameat2 only reads them.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exchange_puts_the_old_tree_in_staging() {
        let tmp = tempfile::tempdir().unwrap();
        let (staging, prefix) = (tmp.path().join("s"), tmp.path().join("p"));
        std::fs::create_dir(&staging).unwrap();
        std::fs::write(staging.join("new"), "").unwrap();
        swap_in(&staging, &prefix).unwrap();
        assert!(prefix.join("new").exists() && !staging.exists());
        std::fs::create_dir(&staging).unwrap();
        std::fs::write(staging.join("newer"), "").unwrap();
        swap_in(&staging, &prefix).unwrap();
        assert!(prefix.join("newer").exists() && staging.join("new").exists());
    }

    #[test]
    fn only_clif_installations_are_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("p");
        check_replaceable(&dir).unwrap();
        std::fs::create_dir(&dir).unwrap();
        check_replaceable(&dir).unwrap();
        std::fs::write(dir.join("notes.txt"), "mine").unwrap();
        let err = check_replaceable(&dir).unwrap_err().to_string();
        assert!(err.contains("not a clif-toolchain installation"), "{err}");
        std::fs::write(dir.join("VERSION"), "clif-toolchain 01\n").unwrap();
        check_replaceable(&dir).unwrap();
    }
}
