//! A reproducible `.tar.xz`: entries sorted by path, one fixed mtime, uid and
//! gid 0 without names, modes 0755 (directories, executables) or 0644
//! (symbolic links 0777, as tar always stores them), compressed by liblzma's
//! multithreaded encoder. Its output depends on the preset and the block
//! size (both fixed here), not on the number of threads, so the bytes are
//! the same on any machine (`threads_do_not_change_the_bytes`).
//! Written to a temporary file next to the target and renamed into place.

use std::io::{self, Write};
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use tar::{EntryType, Header};
use xz2::stream::{Check, MtStreamBuilder};

use crate::fingerprint::{Hashing, Written};
use crate::progress::Step;

/// xz preset: 6 (xz's default) compresses the real dist (771 MB) to a
/// tarball about a tenth smaller than 3 and, multithreaded, still finishes
/// in a few minutes on 2 cores (see the README's `package` section).
pub const XZ_PRESET: u32 = 6;

/// The xz block size: what liblzma derives from preset 6 (3 × its 8 MiB
/// dictionary), fixed so that the bytes do not depend on liblzma's defaults.
const BLOCK_SIZE: u64 = 24 << 20;

/// What an entry of the archive holds.
pub enum Source {
    Dir,
    /// A regular file copied from disk; executable if any x bit is set.
    File(PathBuf),
    Symlink(PathBuf),
    /// Generated content.
    Bytes {
        data: Vec<u8>,
        executable: bool,
    },
}

pub struct Entry {
    /// `/`-separated path inside the archive, without a trailing slash.
    pub path: String,
    pub source: Source,
}

/// Writes `entries` (in path order, whatever order they come in) as a
/// `.tar.xz` at `out`, every entry with modification time `mtime`.
pub fn write(mut entries: Vec<Entry>, out: &Path, mtime: u64) -> anyhow::Result<Written> {
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    let dir = out
        .parent()
        .context("the output file has no parent directory")?;
    let name = out.file_name().unwrap_or_default().to_string_lossy();
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    let total = entries
        .iter()
        .map(input_size)
        .sum::<anyhow::Result<u64>>()?;
    let step = Step::bytes(&format!("package: {name}"), total);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8) as u32);
    let hashing = Hashing::new(tmp.as_file());
    let encoder = xz2::write::XzEncoder::new_stream(hashing, encoder(threads, BLOCK_SIZE)?);
    let mut builder = tar::Builder::new(encoder);
    for entry in &entries {
        append(&mut builder, entry, mtime, &step)
            .with_context(|| format!("cannot add {} to the archive", entry.path))?;
    }
    let hashing = builder
        .into_inner()
        .and_then(|encoder| encoder.finish())
        .context("cannot finish the archive")?;
    let written = hashing.finish();
    tmp.as_file()
        .sync_all()
        .context("cannot flush the archive")?;
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o644))?;
    tmp.persist(out)
        .with_context(|| format!("cannot rename the archive to {}", out.display()))?;
    step.finish(&format!("{} bytes", written.size));
    Ok(written)
}

fn encoder(threads: u32, block_size: u64) -> anyhow::Result<xz2::stream::Stream> {
    MtStreamBuilder::new()
        .threads(threads)
        .block_size(block_size)
        .preset(XZ_PRESET)
        .check(Check::Crc64)
        .encoder()
        .context("cannot set up the xz encoder")
}

fn input_size(entry: &Entry) -> anyhow::Result<u64> {
    Ok(match &entry.source {
        Source::File(path) => std::fs::metadata(path)
            .with_context(|| format!("cannot read {}", path.display()))?
            .len(),
        Source::Bytes { data, .. } => data.len() as u64,
        Source::Dir | Source::Symlink(_) => 0,
    })
}

fn append<W: Write>(
    builder: &mut tar::Builder<W>,
    entry: &Entry,
    mtime: u64,
    step: &Step,
) -> anyhow::Result<()> {
    let mut header = Header::new_gnu();
    header.set_mtime(mtime);
    header.set_uid(0);
    header.set_gid(0);
    header.set_username("")?;
    header.set_groupname("")?;
    let exec_mode = |executable: bool| if executable { 0o755 } else { 0o644 };
    match &entry.source {
        Source::Dir => {
            header.set_entry_type(EntryType::Directory);
            header.set_mode(0o755);
            header.set_size(0);
            builder.append_data(&mut header, format!("{}/", entry.path), io::empty())?;
        }
        Source::File(path) => {
            let file = std::fs::File::open(path)
                .with_context(|| format!("cannot open {}", path.display()))?;
            let meta = file.metadata()?;
            header.set_entry_type(EntryType::Regular);
            header.set_mode(exec_mode(meta.permissions().mode() & 0o111 != 0));
            header.set_size(meta.len());
            builder.append_data(&mut header, &entry.path, step.wrap_read(file))?;
        }
        Source::Symlink(target) => {
            header.set_entry_type(EntryType::Symlink);
            header.set_mode(0o777);
            header.set_size(0);
            builder.append_link(&mut header, &entry.path, target)?;
        }
        Source::Bytes { data, executable } => {
            header.set_entry_type(EntryType::Regular);
            header.set_mode(exec_mode(*executable));
            header.set_size(data.len() as u64);
            builder.append_data(&mut header, &entry.path, step.wrap_read(&data[..]))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threads_do_not_change_the_bytes() {
        // Several blocks' worth (small blocks keep the test fast),
        // compressible but not trivially.
        let data: Vec<u8> = (0..6u32 << 20)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 27) as u8)
            .collect();
        let compress = |threads| {
            let mut out =
                xz2::write::XzEncoder::new_stream(Vec::new(), encoder(threads, 1 << 20).unwrap());
            out.write_all(&data).unwrap();
            out.finish().unwrap()
        };
        let one = compress(1);
        assert_eq!(one, compress(2));
        assert_eq!(one, compress(4));
    }
}
