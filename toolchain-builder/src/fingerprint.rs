//! SHA-256 helpers: hashing a file (with a progress bar for big archives),
//! listing a directory tree in a stable order, and [`Fingerprint`], an
//! unambiguous hash over labelled pieces used to name cache entries.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::progress::Step;

/// Lowercase hex of `bytes`.
pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 (hex) of a file's contents, advancing `step` if given.
pub fn sha256_file(path: &Path, step: Option<&Step>) -> io::Result<String> {
    let file = File::open(path)?;
    let mut reader: Box<dyn Read> = match step {
        Some(step) => Box::new(step.wrap_read(file)),
        None => Box::new(file),
    };
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = reader.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(to_hex(&hasher.finalize()))
}

/// What went through a [`Hashing`] writer: its SHA-256 (hex) and size.
pub struct Written {
    pub sha256: String,
    pub size: u64,
}

/// A writer that hashes and counts what passes through.
pub struct Hashing<W> {
    inner: W,
    hasher: Sha256,
    size: u64,
}

impl<W: Write> Hashing<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            hasher: Sha256::new(),
            size: 0,
        }
    }

    pub fn finish(self) -> Written {
        Written {
            sha256: to_hex(&self.hasher.finalize()),
            size: self.size,
        }
    }
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The SHA-256 of everything `reader` yields, as hex.
pub fn sha256_of(mut reader: impl Read) -> io::Result<String> {
    let mut hashing = Hashing::new(io::sink());
    io::copy(&mut reader, &mut hashing)?;
    Ok(hashing.finish().sha256)
}

/// Every regular file under `dir` (following symlinks, skipping dangling
/// ones), as paths relative to `dir`, sorted so the order never depends on
/// the file system.
pub fn files_under(dir: &Path) -> io::Result<Vec<PathBuf>> {
    fn walk(root: &Path, rel: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
        for entry in std::fs::read_dir(root.join(rel))? {
            let entry = entry?;
            let rel = rel.join(entry.file_name());
            let meta = match std::fs::metadata(root.join(&rel)) {
                Ok(meta) => meta,
                // A dangling symbolic link (Debian's rust-web-src has some
                // where license files were) is no file.
                Err(err) if err.kind() == io::ErrorKind::NotFound => continue,
                Err(err) => return Err(err),
            };
            if meta.is_dir() {
                walk(root, &rel, out)?;
            } else if meta.is_file() {
                out.push(rel);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, Path::new(""), &mut out)?;
    out.sort();
    Ok(out)
}

/// A hash over named pieces. Every label and value is length-prefixed, so
/// different pieces can never produce the same byte stream.
pub struct Fingerprint(Sha256);

impl Fingerprint {
    /// Starts a fingerprint; `domain` separates different kinds of them.
    pub fn new(domain: &str) -> Self {
        let mut fp = Self(Sha256::new());
        fp.add("domain", domain.as_bytes());
        fp
    }

    /// Adds one labelled piece.
    pub fn add(&mut self, label: &str, value: &[u8]) {
        for piece in [label.as_bytes(), value] {
            self.0.update((piece.len() as u64).to_le_bytes());
            self.0.update(piece);
        }
    }

    /// The hex digest.
    pub fn finish(self) -> String {
        to_hex(&self.0.finalize())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_matches_the_standard_vector() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().join("abc");
        std::fs::write(&path, "abc").expect("write");
        assert_eq!(
            sha256_file(&path, None).expect("hash"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn files_are_listed_recursively_and_sorted() {
        let tmp = tempfile::tempdir().expect("tempdir");
        for rel in ["z.rs", "b/inner.rs", "a.rs", "b/a/deep.rs"] {
            let path = tmp.path().join(rel);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, rel).expect("write");
        }
        std::os::unix::fs::symlink("missing", tmp.path().join("b/dangling")).expect("symlink");
        let files = files_under(tmp.path()).expect("walk");
        let expected: Vec<PathBuf> = ["a.rs", "b/a/deep.rs", "b/inner.rs", "z.rs"]
            .iter()
            .map(PathBuf::from)
            .collect();
        assert_eq!(files, expected);
    }

    #[test]
    fn pieces_are_unambiguous() {
        let hash = |pieces: &[(&str, &str)]| {
            let mut fp = Fingerprint::new("test");
            for (label, value) in pieces {
                fp.add(label, value.as_bytes());
            }
            fp.finish()
        };
        assert_eq!(hash(&[("a", "bc")]), hash(&[("a", "bc")]));
        assert_ne!(hash(&[("a", "bc")]), hash(&[("ab", "c")]));
        assert_ne!(hash(&[("a", ""), ("b", "")]), hash(&[("a", "b")]));
        let mut other = Fingerprint::new("other");
        other.add("a", b"bc");
        assert_ne!(other.finish(), hash(&[("a", "bc")]));
    }
}
