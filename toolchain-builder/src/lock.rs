//! One toolchain-builder at a time per build directory: every command that
//! builds or runs from the build directory (and `dist/`) first takes an
//! exclusive lock on `BUILD_DIR/.lock`, waiting with a message if another
//! process holds it, as cargo does with its target directory. Without it,
//! two runs could assemble `dist/` or a cache entry at the same time.

use std::fs::{File, TryLockError};
use std::path::Path;

use anyhow::Context as _;

use crate::progress;

/// The held lock; released when dropped (or when the process ends).
pub struct BuildLock {
    _file: File,
}

/// Takes the lock of `build_dir`, waiting for another holder to finish.
pub fn acquire(build_dir: &Path) -> anyhow::Result<BuildLock> {
    std::fs::create_dir_all(build_dir)
        .with_context(|| format!("cannot create {}", build_dir.display()))?;
    let path = build_dir.join(".lock");
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot open the lock file {}", path.display()))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            progress::note(format!(
                "waiting for another toolchain-builder using {} to finish ...",
                build_dir.display()
            ));
            file.lock()
                .with_context(|| format!("cannot lock {}", path.display()))?;
        }
        Err(TryLockError::Error(err)) => {
            return Err(err).with_context(|| format!("cannot lock {}", path.display()));
        }
    }
    Ok(BuildLock { _file: file })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_until_the_first_releases() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = acquire(dir.path()).expect("first lock");
        let other = File::options()
            .write(true)
            .open(dir.path().join(".lock"))
            .expect("open");
        assert!(matches!(other.try_lock(), Err(TryLockError::WouldBlock)));
        drop(first);
        other.try_lock().expect("free after release");
    }
}
