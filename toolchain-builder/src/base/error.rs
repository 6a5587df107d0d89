//! Everything that can make a base toolchain unusable, each message naming
//! what is wrong and what to do about it.

use std::io;
use std::path::PathBuf;

/// Why no base toolchain could be used. Maps to exit code 3.
#[derive(Debug, thiserror::Error)]
pub enum BaseToolchainError {
    #[error("{} is not a directory", .0.display())]
    NotADirectory(PathBuf),

    #[error(
        "{} has no bin/rustc; expected a toolchain directory laid out like a rustup \
         toolchain (bin/rustc, lib/rustlib/...), e.g. the clif-base-<version>/ directory \
         inside the base archive",
        .root.display()
    )]
    MissingRustc { root: PathBuf },

    #[error("{} does not run: {detail}{hint}", .rustc.display())]
    RustcDoesNotRun {
        rustc: PathBuf,
        detail: String,
        hint: String,
    },

    #[error(
        "{} is rustc {found}, but rustc {required} is required (the backend links \
         against that exact compiler's internal crates)",
        .rustc.display()
    )]
    WrongRelease {
        rustc: PathBuf,
        found: String,
        required: String,
    },

    #[error(
        "the rustc-dev component is missing: no librustc_middle-*.rmeta or \
         librustc_middle-*.rlib in {}; {hint}",
        .libdir.display()
    )]
    MissingRustcDev { libdir: PathBuf, hint: String },

    #[error("the rust-src component is missing: {} does not exist; {hint}", .path.display())]
    MissingRustSrc { path: PathBuf, hint: String },

    #[error("base toolchain archive {} does not exist", .0.display())]
    ArchiveMissing(PathBuf),

    #[error(
        "{} does not start with a SHA-256 checksum (64 hex digits); fix or delete it",
        .0.display()
    )]
    BadSidecar(PathBuf),

    #[error(
        "checksum mismatch for {}: {} says {expected}, the file hashes to {actual}; \
         the archive is damaged or incomplete, copy it again",
        .archive.display(),
        .sidecar.display()
    )]
    ChecksumMismatch {
        archive: PathBuf,
        sidecar: PathBuf,
        expected: String,
        actual: String,
    },

    #[error("cannot read or unpack {}", .archive.display())]
    Unpack {
        archive: PathBuf,
        #[source]
        source: io::Error,
    },

    #[error(
        "{} does not contain a toolchain: expected bin/rustc in it or in its one top \
         directory",
        .0.display()
    )]
    ArchiveLayout(PathBuf),

    #[error(
        "no usable base toolchain (rustc {release} with rustc-dev and rust-src) was \
         found. Tried, in order:\n{tried}\nInstall one with:\n    {install}\nor pass \
         --base-toolchain DIR or --base-archive FILE (env CLIF_BASE_TOOLCHAIN / \
         CLIF_BASE_ARCHIVE)"
    )]
    NotFound {
        release: String,
        tried: String,
        install: String,
    },
}
