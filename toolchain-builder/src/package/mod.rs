//! The `package` command: dist/ as a rust-installer tarball
//! (`clif-toolchain-<version>-<host>.tar.xz`, components in
//! `components.rs`, bytes in `tarball.rs`), its `.sha256` and the
//! `dev-release.json` entry for its host (`manifest.rs`). Every output is
//! written to a temporary file and renamed, so a failed run leaves the old
//! files or none.

pub mod components;
pub mod manifest;
pub mod tarball;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context as _};

use crate::exit::UsageError;
use crate::process::{clean_command, Shell};
use crate::stages::dist::existing_id;
use clif_launcher::VERSION_MAGIC;
use components::Component;
use manifest::{HostEntry, Release};
use tarball::{Entry, Source};

/// What `package` needs.
pub struct Package<'a> {
    pub dist: &'a Path,
    pub out: &'a Path,
    pub version: &'a str,
    pub base_url: &'a str,
    /// The repository, for the commit and its time.
    pub repo: &'a Path,
    pub shell: Shell,
}

/// What `dist/VERSION` says.
#[derive(Debug, PartialEq, Eq)]
struct DistInfo {
    id: String,
    host: String,
}

/// Packages the dist directory; returns the tarball's path.
pub fn run(package: &Package<'_>) -> anyhow::Result<PathBuf> {
    check_version(package.version)?;
    let info = dist_info(package.dist)?;
    let commit = git(package.repo, &["rev-parse", "HEAD"], package.shell);
    let mtime = mtime(package.repo, package.shell)?;
    let components = components::split(package.dist, &info.host)?;
    let file = file_name(package.version, &info.host);
    let name = file.trim_end_matches(".tar.xz").to_owned();
    std::fs::create_dir_all(package.out)
        .with_context(|| format!("cannot create {}", package.out.display()))?;
    let tarball = package.out.join(&file);
    let entries = entries(
        package.dist,
        &name,
        &components,
        &format!("{} ({})\n", package.version, info.id),
        commit.as_deref(),
    )?;
    let written = tarball::write(entries, &tarball, mtime)?;
    write_atomic(
        &package.out.join(format!("{file}.sha256")),
        format!("{}  {file}\n", written.sha256).as_bytes(),
    )?;
    let manifest_path = package.out.join(manifest::FILE_NAME);
    let release = Release {
        version: package.version.to_owned(),
        commit,
        date: rfc3339(mtime),
        hosts: [(
            info.host,
            HostEntry {
                url: format!("{}/{file}", package.base_url.trim_end_matches('/')),
                file,
                sha256: written.sha256,
                size: written.size,
            },
        )]
        .into(),
    };
    let release = manifest::merged(&manifest_path, release)?;
    write_atomic(&manifest_path, &manifest::render(&release)?)?;
    Ok(tarball)
}

/// The tarball's file name: `clif-toolchain-<version>-<host>.tar.xz` (its
/// top directory is the name without `.tar.xz`).
pub fn file_name(version: &str, host: &str) -> String {
    format!("clif-toolchain-{version}-{host}.tar.xz")
}

/// A version goes into file names and URLs: letters, digits, `.`, `_`,
/// `+` and `-` only.
fn check_version(version: &str) -> anyhow::Result<()> {
    let ok = |c: char| c.is_ascii_alphanumeric() || "._+-".contains(c);
    if version.is_empty() || !version.chars().all(ok) {
        return Err(UsageError(format!(
            "--version {version:?}: use letters, digits, `.`, `_`, `+` and `-` only"
        ))
        .into());
    }
    Ok(())
}

fn dist_info(dist: &Path) -> anyhow::Result<DistInfo> {
    let path = dist.join("VERSION");
    let id = existing_id(dist).with_context(|| {
        format!(
            "{} is not a clif-toolchain dist directory (no VERSION starting with \
             `{VERSION_MAGIC} `); build one with `toolchain-builder build`",
            dist.display()
        )
    })?;
    let text = std::fs::read_to_string(&path)?;
    let host = text
        .lines()
        .find_map(|line| line.strip_prefix("host: "))
        .with_context(|| format!("{} has no `host:` line", path.display()))?
        .trim()
        .to_owned();
    Ok(DistInfo { id, host })
}

/// The entries' modification time: `SOURCE_DATE_EPOCH`, else the commit
/// time of HEAD, else 0.
fn mtime(repo: &Path, shell: Shell) -> anyhow::Result<u64> {
    if let Some(value) = std::env::var_os("SOURCE_DATE_EPOCH") {
        let value = value.to_string_lossy();
        return value.trim().parse().map_err(|_| {
            UsageError(format!(
                "SOURCE_DATE_EPOCH={value:?} is not a number of seconds"
            ))
            .into()
        });
    }
    Ok(git(repo, &["log", "-1", "--format=%ct"], shell)
        .and_then(|secs| secs.parse().ok())
        .unwrap_or(0))
}

/// The trimmed stdout of `git -C repo ARGS`, if git ran and succeeded.
fn git(repo: &Path, args: &[&str], shell: Shell) -> Option<String> {
    let mut cmd = clean_command("git");
    cmd.arg("-C").arg(repo).args(args);
    let out = shell.capture(&mut cmd, Duration::from_secs(30)).ok()?;
    let text = String::from_utf8(out.stdout.clone()).ok()?;
    (out.succeeded() && !text.trim().is_empty()).then(|| text.trim().to_owned())
}

/// The archive's entries under the top directory `top`: the installer's
/// files, then each component's `manifest.in` and files (with every
/// directory they need).
fn entries(
    dist: &Path,
    top: &str,
    components: &[Component],
    version: &str,
    commit: Option<&str>,
) -> anyhow::Result<Vec<Entry>> {
    let bytes = |path: String, data: &str, executable: bool| Entry {
        path,
        source: Source::Bytes {
            data: data.as_bytes().to_vec(),
            executable,
        },
    };
    let names: String = components.iter().map(|c| format!("{}\n", c.name)).collect();
    let mut entries = vec![
        bytes(
            format!("{top}/install.sh"),
            &components::install_script(),
            true,
        ),
        bytes(format!("{top}/components"), &names, false),
        bytes(
            format!("{top}/rust-installer-version"),
            &format!("{}\n", components::RUST_INSTALLER_VERSION),
            false,
        ),
        bytes(format!("{top}/version"), version, false),
    ];
    if let Some(commit) = commit {
        entries.push(bytes(
            format!("{top}/git-commit-hash"),
            &format!("{commit}\n"),
            false,
        ));
    }
    let mut dirs = BTreeSet::from([top.to_owned()]);
    for component in components {
        let root = format!("{top}/{}", component.name);
        entries.push(bytes(
            format!("{root}/manifest.in"),
            &component.manifest_in(),
            false,
        ));
        for file in &component.files {
            let path = format!("{root}/{file}");
            let mut parent = path.as_str();
            while let Some((dir, _)) = parent.rsplit_once('/') {
                dirs.insert(dir.to_owned());
                parent = dir;
            }
            let on_disk = dist.join(file);
            let meta = std::fs::symlink_metadata(&on_disk)
                .with_context(|| format!("cannot read {}", on_disk.display()))?;
            let source = if meta.file_type().is_symlink() {
                Source::Symlink(std::fs::read_link(&on_disk)?)
            } else if meta.is_file() {
                Source::File(on_disk)
            } else {
                bail!(
                    "{} is neither a file nor a symbolic link",
                    on_disk.display()
                );
            };
            entries.push(Entry { path, source });
        }
    }
    entries.extend(dirs.into_iter().map(|path| Entry {
        path,
        source: Source::Dir,
    }));
    Ok(entries)
}

/// Writes `path` through a temporary file in its directory and a rename.
fn write_atomic(path: &Path, data: &[u8]) -> anyhow::Result<()> {
    use std::io::Write as _;
    use std::os::unix::fs::PermissionsExt as _;
    let dir = path.parent().context("no parent directory")?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".package.")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    tmp.write_all(data)?;
    tmp.as_file().sync_all()?;
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o644))?;
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// `secs` since the epoch as RFC 3339 UTC (`1970-01-01T00:00:00Z`).
fn rfc3339(secs: u64) -> String {
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Howard Hinnant's civil_from_days, for days since 1970-01-01 >= 0.
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt as _;

    pub const HOST: &str = "x86_64-unknown-linux-gnu";

    /// A small fake dist directory: a `bin/rustc` that answers `-vV` with
    /// `id` in its output, libraries, two targets' std, lld and a symlink.
    pub fn fake_dist(dir: &Path, id: &str) {
        let write = |rel: &str, text: &str, mode: u32| {
            let path = dir.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        };
        write(
            "VERSION",
            &format!(
                "clif-toolchain {id}\nhost: {HOST}\ncross target: aarch64-unknown-linux-gnu (x)\n"
            ),
            0o644,
        );
        write("README", "readme\n", 0o644);
        write(
            "bin/rustc",
            &format!("#!/bin/sh\necho \"rustc 1.96.0\"\necho \"clif-toolchain: {id}\"\n"),
            0o755,
        );
        write("libexec/rustc-real", "real\n", 0o700);
        write("lib/libfoo.so.1", "so\n", 0o644);
        let rustlib = format!("lib/rustlib/{HOST}");
        write(&format!("{rustlib}/lib/libstd-1.rlib"), "std\n", 0o644);
        write(
            "lib/rustlib/aarch64-unknown-linux-gnu/lib/libstd-2.rlib",
            "std2\n",
            0o644,
        );
        write(
            &format!("{rustlib}/codegen-backends/librustc_codegen_clif.so"),
            "clif\n",
            0o755,
        );
        write(&format!("{rustlib}/bin/rust-lld"), "lld\n", 0o755);
        std::fs::create_dir_all(dir.join(format!("{rustlib}/bin/gcc-ld"))).unwrap();
        std::os::unix::fs::symlink(
            "../rust-lld",
            dir.join(format!("{rustlib}/bin/gcc-ld/ld.lld")),
        )
        .unwrap();
    }

    /// Packages `dist` into `out` at a fixed time; returns the tarball.
    pub fn package(dist: &Path, out: &Path) -> PathBuf {
        let repo = tempfile::tempdir().unwrap();
        run(&Package {
            dist,
            out,
            version: "dev",
            base_url: "http://127.0.0.1:1/dl",
            repo: repo.path(),
            shell: Shell { verbose: false },
        })
        .expect("package")
    }

    #[test]
    fn dates_are_rfc3339_utc() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_764_766_227), "2025-12-03T12:50:27Z");
    }

    #[test]
    fn a_directory_without_a_clif_version_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = dist_info(dir.path()).unwrap_err().to_string();
        assert!(err.contains("toolchain-builder build"), "{err}");
        std::fs::write(dir.path().join("VERSION"), "rust 1.96\n").unwrap();
        assert!(dist_info(dir.path()).is_err());
        std::fs::write(dir.path().join("VERSION"), "clif-toolchain ab\nhost: h\n").unwrap();
        assert_eq!(
            dist_info(dir.path()).unwrap(),
            DistInfo {
                id: "ab".into(),
                host: "h".into()
            }
        );
        assert!(check_version("dev").is_ok() && check_version("1.2.0-rc.1").is_ok());
        assert!(check_version("../x").is_err() && check_version("").is_err());
    }

    #[test]
    fn packaging_twice_gives_the_same_bytes_and_a_manifest() {
        let tmp = tempfile::tempdir().unwrap();
        let dist = tmp.path().join("dist");
        fake_dist(&dist, "0123");
        let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
        let first = package(&dist, &a);
        // Touching the files must not change the archive.
        std::fs::write(dist.join("README"), "readme\n").unwrap();
        let second = package(&dist, &b);
        assert_eq!(
            first.file_name().unwrap(),
            "clif-toolchain-dev-x86_64-unknown-linux-gnu.tar.xz"
        );
        let bytes = std::fs::read(&first).unwrap();
        assert_eq!(bytes, std::fs::read(&second).unwrap());
        let sha = crate::fingerprint::sha256_of(&bytes[..]).unwrap();
        assert_eq!(
            std::fs::read_to_string(
                a.join("clif-toolchain-dev-x86_64-unknown-linux-gnu.tar.xz.sha256")
            )
            .unwrap(),
            format!("{sha}  clif-toolchain-dev-x86_64-unknown-linux-gnu.tar.xz\n")
        );
        let release =
            Release::parse(&std::fs::read(a.join(manifest::FILE_NAME)).unwrap(), "m").unwrap();
        let entry = &release.hosts[HOST];
        assert_eq!(entry.sha256, sha);
        assert_eq!(entry.size, bytes.len() as u64);
        assert_eq!(
            entry.url,
            "http://127.0.0.1:1/dl/clif-toolchain-dev-x86_64-unknown-linux-gnu.tar.xz"
        );
        assert_eq!(release.date, "1970-01-01T00:00:00Z");
        // Nothing else (no temporary files) is left in the out dir.
        assert_eq!(std::fs::read_dir(&a).unwrap().count(), 3);
    }

    #[test]
    fn the_archive_has_the_rust_installer_layout() {
        let tmp = tempfile::tempdir().unwrap();
        let dist = tmp.path().join("dist");
        fake_dist(&dist, "0123");
        let tarball = package(&dist, &tmp.path().join("out"));
        let file = std::fs::File::open(tarball).unwrap();
        let mut archive = tar::Archive::new(xz2::read::XzDecoder::new(file));
        let mut seen = Vec::new();
        for entry in archive.entries().unwrap() {
            let mut entry = entry.unwrap();
            let header = entry.header();
            assert_eq!((header.uid().unwrap(), header.gid().unwrap()), (0, 0));
            assert_eq!(header.mtime().unwrap(), 0);
            let path = entry.path().unwrap().to_string_lossy().into_owned();
            let mode = header.mode().unwrap();
            let kind = header.entry_type();
            let mut text = String::new();
            if kind.is_file() {
                std::io::Read::read_to_string(&mut entry, &mut text).unwrap();
            }
            seen.push((path, mode, text));
        }
        let top = "clif-toolchain-dev-x86_64-unknown-linux-gnu";
        let find = |p: &str| {
            seen.iter()
                .find(|(path, ..)| path.trim_end_matches('/') == format!("{top}/{p}"))
                .unwrap_or_else(|| panic!("{p} missing: {seen:#?}"))
        };
        assert_eq!(find("install.sh").1, 0o755);
        assert_eq!(
            find("components").2,
            "rustc\nrust-std-x86_64-unknown-linux-gnu\nrust-std-aarch64-unknown-linux-gnu\nlld\n"
        );
        assert_eq!(find("rust-installer-version").2, "3\n");
        assert_eq!(find("version").2, "dev (0123)\n");
        assert_eq!(
            find("rustc/manifest.in").2,
            "file:README\nfile:VERSION\nfile:bin/rustc\nfile:lib/libfoo.so.1\n\
             file:lib/rustlib/x86_64-unknown-linux-gnu/codegen-backends/librustc_codegen_clif.so\n\
             file:libexec/rustc-real\n"
        );
        assert_eq!(
            find("lld/manifest.in").2,
            "dir:lib/rustlib/x86_64-unknown-linux-gnu/bin/gcc-ld\n\
             file:lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld\n"
        );
        assert_eq!(find("rustc/libexec/rustc-real").1, 0o755);
        assert_eq!(find("rustc/README").1, 0o644);
        assert_eq!(find("rustc/bin").1, 0o755);
        let paths: Vec<&str> = seen.iter().map(|(p, ..)| p.as_str()).collect();
        let mut sorted = paths.clone();
        sorted.sort_by_key(|p| p.trim_end_matches('/'));
        assert_eq!(paths, sorted);
    }
}
