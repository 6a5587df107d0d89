//! Build stages: each stage is a module with an inputs struct, an outputs
//! struct and a `run` function, caches its outputs under the build directory
//! keyed by a fingerprint of its inputs, and reports failure as a
//! [`StageError`] naming the stage and the command that failed.

pub mod backend;
pub mod cargo;
pub mod clippy;
pub mod dist;
pub mod launcher;
pub mod shared_libs;
pub mod sysroot;

use std::fmt;
use std::io;
use std::path::Path;

/// A stage's command failed. Maps to exit code 4.
#[derive(Debug)]
pub struct StageError {
    /// The stage's name, e.g. `backend`.
    pub stage: &'static str,
    /// What went wrong, in a few words.
    pub summary: String,
    /// The command that failed, as a shell line.
    pub command: String,
    /// The relevant part of the command's output (may be empty).
    pub output: String,
}

impl fmt::Display for StageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "stage `{}` failed: {}\n  command: {}",
            self.stage, self.summary, self.command
        )?;
        if !self.output.is_empty() {
            write!(f, "\n  output:")?;
            for line in self.output.lines() {
                write!(f, "\n    {line}")?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for StageError {}

/// Copies `built` into the cache directory `entry` as `name`; the final
/// name appears atomically, so a cache hit is always a whole file.
pub fn store_in_cache(built: &Path, entry: &Path, name: &str) -> io::Result<()> {
    std::fs::create_dir_all(entry)?;
    let tmp = entry.join(format!(".{name}.tmp-{}", std::process::id()));
    std::fs::copy(built, &tmp)?;
    std::fs::rename(&tmp, entry.join(name))
}
