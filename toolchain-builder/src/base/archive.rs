//! Unpacking a base toolchain archive (`.tar.xz`) once: the archive is
//! checked against its `.sha256` sidecar, unpacked into a temporary
//! directory beside the cache and renamed into `build/base/<16 hex>/` only
//! when complete, so an interrupted run leaves nothing half-written. A marker
//! file in the entry records which archive it came from and where the
//! toolchain root is; later runs reuse the entry without reading the archive.

use std::fs::File;
use std::io::{self, BufReader};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::BaseToolchainError;
use crate::fingerprint::sha256_file;
use crate::progress::{self, Step};

/// Name of the marker file inside a finished cache entry.
const MARKER: &str = ".clif-base-unpacked.toml";

/// Contents of the marker file.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
struct Marker {
    /// SHA-256 of the archive the entry was unpacked from.
    sha256: String,
    /// The archive's path at the time.
    archive: PathBuf,
    /// The toolchain root, relative to the entry (`.` or one directory).
    root: PathBuf,
}

/// Returns the toolchain root unpacked from `archive` under `cache_root`,
/// unpacking it first if no finished entry exists.
pub fn unpack_cached(archive: &Path, cache_root: &Path) -> Result<PathBuf, BaseToolchainError> {
    let unpack_err = |source: io::Error| BaseToolchainError::Unpack {
        archive: archive.to_path_buf(),
        source,
    };
    if !archive.is_file() {
        return Err(BaseToolchainError::ArchiveMissing(archive.to_path_buf()));
    }
    let sidecar = sidecar_path(archive);
    let expected = match std::fs::read_to_string(&sidecar) {
        Ok(text) => Some(
            parse_sidecar(&text).ok_or_else(|| BaseToolchainError::BadSidecar(sidecar.clone()))?,
        ),
        Err(err) if err.kind() == io::ErrorKind::NotFound => None,
        Err(err) => return Err(unpack_err(err)),
    };
    // With a sidecar its checksum names the entry, so a reused entry costs no
    // hashing; without one the archive is hashed on every run.
    let (sha256, verified) = match expected {
        Some(sum) => (sum, false),
        None => (hash_with_progress(archive).map_err(unpack_err)?, true),
    };
    let entry = cache_root.join(&sha256[..16]);
    if let Some(root) = finished_entry_root(&entry) {
        return Ok(root);
    }

    if !verified {
        let actual = hash_with_progress(archive).map_err(unpack_err)?;
        if actual != sha256 {
            return Err(BaseToolchainError::ChecksumMismatch {
                archive: archive.to_path_buf(),
                sidecar,
                expected: sha256,
                actual,
            });
        }
    }
    std::fs::create_dir_all(cache_root).map_err(unpack_err)?;
    if entry.exists() {
        // Left by something else than this program (entries appear atomically
        // with their marker); start over.
        std::fs::remove_dir_all(&entry).map_err(unpack_err)?;
    }
    let tmp = tempfile::Builder::new()
        .prefix(".unpacking-")
        .tempdir_in(cache_root)
        .map_err(unpack_err)?;
    unpack_into(archive, tmp.path()).map_err(unpack_err)?;
    let root = toolchain_root_in(tmp.path())
        .ok_or_else(|| BaseToolchainError::ArchiveLayout(archive.to_path_buf()))?;
    let marker = Marker {
        sha256,
        archive: archive.to_path_buf(),
        root,
    };
    let marker_text =
        toml::to_string(&marker).map_err(|err| unpack_err(io::Error::other(err.to_string())))?;
    std::fs::write(tmp.path().join(MARKER), marker_text).map_err(unpack_err)?;
    let tmp_path = tmp.keep();
    if let Err(err) = std::fs::rename(&tmp_path, &entry) {
        // Another run may have finished the same entry meanwhile.
        let _ = std::fs::remove_dir_all(&tmp_path);
        return finished_entry_root(&entry).ok_or_else(|| unpack_err(err));
    }
    progress::note(format!("base toolchain unpacked into {}", entry.display()));
    Ok(entry.join(marker.root))
}

/// `<archive>.sha256`.
fn sidecar_path(archive: &Path) -> PathBuf {
    let mut name = archive.as_os_str().to_owned();
    name.push(".sha256");
    PathBuf::from(name)
}

/// The checksum in a `sha256sum`-style line (`<64 hex>  <name>`).
fn parse_sidecar(text: &str) -> Option<String> {
    let sum = text.split_whitespace().next()?;
    (sum.len() == 64 && sum.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| sum.to_ascii_lowercase())
}

fn hash_with_progress(archive: &Path) -> io::Result<String> {
    let size = std::fs::metadata(archive)?.len();
    let step = Step::bytes("checking the base toolchain archive's SHA-256", size);
    let sum = sha256_file(archive, Some(&step))?;
    step.finish("done");
    Ok(sum)
}

fn unpack_into(archive: &Path, dest: &Path) -> io::Result<()> {
    let file = File::open(archive)?;
    let step = Step::bytes(
        &format!(
            "unpacking {}",
            archive.file_name().unwrap_or_default().to_string_lossy()
        ),
        file.metadata()?.len(),
    );
    let xz = xz2::read::XzDecoder::new(BufReader::with_capacity(1 << 20, step.wrap_read(file)));
    let mut tar = tar::Archive::new(xz);
    tar.set_preserve_permissions(true);
    tar.set_preserve_mtime(true);
    tar.unpack(dest)?;
    step.finish("done");
    Ok(())
}

/// Where `bin/rustc` is in a freshly unpacked tree: the tree itself or its
/// only top-level directory.
fn toolchain_root_in(dir: &Path) -> Option<PathBuf> {
    if dir.join("bin/rustc").is_file() {
        return Some(PathBuf::from("."));
    }
    let mut entries = std::fs::read_dir(dir).ok()?.flatten();
    let only = entries.next()?;
    if entries.next().is_some() || !only.path().join("bin/rustc").is_file() {
        return None;
    }
    Some(PathBuf::from(only.file_name()))
}

/// The toolchain root of a finished cache entry, if `entry` is one.
fn finished_entry_root(entry: &Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(entry.join(MARKER)).ok()?;
    let marker: Marker = toml::from_str(&text).ok()?;
    Some(entry.join(marker.root))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;

    /// Builds a small `.tar.xz` with `top/bin/rustc` and returns its path.
    fn make_archive(dir: &Path, with_sidecar: bool) -> (PathBuf, String) {
        let path = dir.join("base.tar.xz");
        let file = File::create(&path).expect("create");
        let xz = xz2::write::XzEncoder::new(file, 1);
        let mut tar = tar::Builder::new(xz);
        let body = b"#!/bin/sh\necho fake\n";
        let mut header = tar::Header::new_gnu();
        header.set_size(body.len() as u64);
        header.set_mode(0o755);
        header.set_cksum();
        tar.append_data(&mut header, "top/bin/rustc", &body[..])
            .expect("append");
        tar.into_inner()
            .expect("tar")
            .finish()
            .expect("xz")
            .flush()
            .expect("flush");
        let sum = sha256_file(&path, None).expect("hash");
        if with_sidecar {
            std::fs::write(sidecar_path(&path), format!("{sum}  base.tar.xz\n")).expect("write");
        }
        (path, sum)
    }

    #[test]
    fn sidecar_lines_are_parsed() {
        let sum = "60bf59f8e585cc05018b9e04f5d2a757fc4eba2e28925e6d783e574a697ae33b";
        assert_eq!(
            parse_sidecar(&format!("{sum}  x.tar.xz\n")).as_deref(),
            Some(sum)
        );
        assert_eq!(
            parse_sidecar(&sum.to_ascii_uppercase()).as_deref(),
            Some(sum)
        );
        assert_eq!(parse_sidecar("deadbeef  x.tar.xz"), None);
        assert_eq!(parse_sidecar(""), None);
    }

    #[test]
    fn archive_is_unpacked_once_and_reused() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (archive, sum) = make_archive(tmp.path(), true);
        let cache = tmp.path().join("cache");
        let root = unpack_cached(&archive, &cache).expect("unpack");
        assert_eq!(root, cache.join(&sum[..16]).join("top"));
        assert!(root.join("bin/rustc").is_file());
        // The second run finds the marker and does not touch the archive.
        std::fs::write(root.join("bin/extra"), "").expect("write");
        assert_eq!(unpack_cached(&archive, &cache).expect("reuse"), root);
        assert!(root.join("bin/extra").is_file());
        // Nothing temporary is left behind.
        let leftovers: Vec<_> = std::fs::read_dir(&cache)
            .expect("read")
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(".unpacking-"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn archive_without_sidecar_is_named_by_its_hash() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (archive, sum) = make_archive(tmp.path(), false);
        let cache = tmp.path().join("cache");
        let root = unpack_cached(&archive, &cache).expect("unpack");
        assert_eq!(root, cache.join(&sum[..16]).join("top"));
    }

    #[test]
    fn checksum_mismatch_leaves_no_entry() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (archive, _) = make_archive(tmp.path(), false);
        let wrong = "0".repeat(64);
        std::fs::write(sidecar_path(&archive), format!("{wrong}  base.tar.xz\n")).expect("write");
        let cache = tmp.path().join("cache");
        let err = unpack_cached(&archive, &cache).expect_err("mismatch");
        assert!(matches!(err, BaseToolchainError::ChecksumMismatch { .. }));
        assert!(!cache.join(&wrong[..16]).exists());
    }

    #[test]
    fn missing_archive_and_bad_sidecar_are_reported() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let cache = tmp.path().join("cache");
        assert!(matches!(
            unpack_cached(&tmp.path().join("none.tar.xz"), &cache),
            Err(BaseToolchainError::ArchiveMissing(_))
        ));
        let (archive, _) = make_archive(tmp.path(), false);
        std::fs::write(sidecar_path(&archive), "not a checksum\n").expect("write");
        assert!(matches!(
            unpack_cached(&archive, &cache),
            Err(BaseToolchainError::BadSidecar(_))
        ));
    }

    #[test]
    fn corrupt_archive_leaves_nothing_behind() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let archive = tmp.path().join("broken.tar.xz");
        std::fs::write(&archive, b"this is not xz").expect("write");
        let cache = tmp.path().join("cache");
        let err = unpack_cached(&archive, &cache).expect_err("corrupt");
        assert!(matches!(err, BaseToolchainError::Unpack { .. }), "{err}");
        assert_eq!(std::fs::read_dir(&cache).expect("read").count(), 0);
    }
}
