//! The `install` command: get a tarball made by `package` (a URL, a file,
//! or this host's entry of the release manifest), check its SHA-256,
//! unpack it with every entry checked (`unpack.rs`), lay out its components
//! (`components.rs`), run `bin/rustc -vV` from the staged tree and swap it
//! in for the prefix (`swap.rs`). Everything temporary lives in one
//! directory next to the prefix (same file system, so the renames are
//! atomic) that is deleted whatever happens; an existing installation is
//! only ever replaced by the final exchange.

mod components;
mod download;
mod swap;
#[cfg(test)]
mod test_server;
#[cfg(test)]
mod tests;
mod unpack;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context as _};

use crate::fingerprint::sha256_of;
use crate::package::manifest::Release;
use crate::process::{clean_command, Shell};
use crate::progress;
use crate::targets;

/// Where the tarball comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// An http(s) URL; the checksum is at `URL.sha256`.
    Url(String),
    /// A local file; the checksum is at `FILE.sha256` (required if `verify`).
    File { path: PathBuf, verify: bool },
    /// This host's entry of the release manifest at this URL.
    Manifest(String),
}

impl Source {
    /// `--from` as given: a URL when it has a scheme, else a file.
    pub fn from_arg(from: &str, verify: bool) -> Source {
        if from.starts_with("http://") || from.starts_with("https://") {
            Source::Url(from.to_owned())
        } else {
            Source::File {
                path: PathBuf::from(from),
                verify,
            }
        }
    }
}

pub struct Install {
    pub source: Source,
    /// `--prefix` (absolute); `None` is the default under the data directory.
    pub prefix: Option<PathBuf>,
    /// `--link NAME`.
    pub link: Option<String>,
    pub shell: Shell,
}

/// Installs; returns the prefix.
pub fn run(install: &Install) -> anyhow::Result<PathBuf> {
    // The directory the prefix lives in, and the prefix if already known.
    let (parent, explicit) = match &install.prefix {
        Some(prefix) => {
            let parent = prefix
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .with_context(|| format!("--prefix {} has no parent", prefix.display()))?;
            swap::check_replaceable(prefix)?;
            (parent.to_owned(), Some(prefix.clone()))
        }
        None => (default_root()?, None),
    };
    std::fs::create_dir_all(&parent)
        .with_context(|| format!("cannot create {}", parent.display()))?;
    let work = tempfile::Builder::new()
        .prefix(".clif-install-")
        .tempdir_in(&parent)
        .with_context(|| {
            format!(
                "cannot create a temporary directory in {}",
                parent.display()
            )
        })?;
    let archive = fetch(&install.source, work.path())?;
    let unpacked = work.path().join("unpacked");
    std::fs::create_dir(&unpacked)?;
    unpack::unpack(&archive, &unpacked)?;
    let top = unpack::top_dir(&unpacked)?;
    let version = components::version(&top)?;
    let prefix = match explicit {
        Some(prefix) => prefix,
        None => {
            let prefix = parent.join(&version);
            swap::check_replaceable(&prefix)?;
            prefix
        }
    };
    let staging = work.path().join("staging");
    std::fs::create_dir(&staging)?;
    components::lay_out(&top, &staging, &prefix)?;
    // Before the swap: a toolchain that cannot even print its version must
    // not replace one that can.
    let mut probe = clean_command(staging.join("bin").join("rustc"));
    probe.arg("-vV");
    let out = install
        .shell
        .capture_ok(
            &mut probe,
            Duration::from_secs(60),
            "the installed toolchain",
        )
        .context("the unpacked toolchain does not work; nothing was installed")?;
    swap::swap_in(&staging, &prefix)?;
    drop(work);
    let rustc = String::from_utf8_lossy(&out.stdout);
    progress::note(format!(
        "installed clif-toolchain {version} in {} ({})",
        prefix.display(),
        rustc.lines().next().unwrap_or("").trim()
    ));
    if let Some(name) = &install.link {
        link(name, &prefix, install.shell)?;
    }
    Ok(prefix)
}

/// `$XDG_DATA_HOME/clif-toolchain`, else `~/.local/share/clif-toolchain`.
fn default_root() -> anyhow::Result<PathBuf> {
    let data = match std::env::var_os("XDG_DATA_HOME").filter(|v| Path::new(v).is_absolute()) {
        Some(dir) => PathBuf::from(dir),
        None => {
            let home = std::env::var_os("HOME")
                .filter(|h| !h.is_empty())
                .context("HOME is not set; choose a --prefix")?;
            PathBuf::from(home).join(".local").join("share")
        }
    };
    Ok(data.join("clif-toolchain"))
}

/// The tarball, verified, as a file (downloaded into `work`).
fn fetch(source: &Source, work: &Path) -> anyhow::Result<PathBuf> {
    match source {
        Source::File { path, verify } => {
            let sums = sums_path(path);
            let expected = match std::fs::read(&sums) {
                Ok(text) => Some(parse_sum(&text, &sums.display().to_string())?),
                Err(err) if err.kind() == std::io::ErrorKind::NotFound && !verify => None,
                Err(err) => {
                    return Err(err).with_context(|| {
                        format!(
                            "cannot read the checksum {} (install without one with --no-verify)",
                            sums.display()
                        )
                    })
                }
            };
            match expected {
                Some(expected) => {
                    let file = std::fs::File::open(path)
                        .with_context(|| format!("cannot open {}", path.display()))?;
                    let actual = sha256_of(file)
                        .with_context(|| format!("cannot read {}", path.display()))?;
                    check_sum(&path.display().to_string(), &expected, &actual)?;
                }
                None => progress::note(format!(
                    "{}: no checksum file, not verified (--no-verify)",
                    path.display()
                )),
            }
            Ok(path.clone())
        }
        Source::Url(url) => {
            let client = download::client()?;
            let sums_url = format!("{url}.sha256");
            let expected = parse_sum(&download::fetch_small(&client, &sums_url)?, &sums_url)?;
            download_checked(&client, url, &expected, None, work)
        }
        Source::Manifest(manifest_url) => {
            let client = download::client()?;
            let release =
                Release::parse(&download::fetch_small(&client, manifest_url)?, manifest_url)?;
            let Some(entry) = release.hosts.get(targets::HOST) else {
                bail!(
                    "the release manifest {manifest_url} has no tarball for this host ({}); it has: {}",
                    targets::HOST,
                    release.hosts.keys().cloned().collect::<Vec<_>>().join(", ")
                );
            };
            progress::note(format!(
                "clif-toolchain {} ({})",
                release.version,
                release.commit.as_deref().unwrap_or("commit unknown")
            ));
            download_checked(&client, &entry.url, &entry.sha256, Some(entry.size), work)
        }
    }
}

fn download_checked(
    client: &reqwest::blocking::Client,
    url: &str,
    expected: &str,
    size: Option<u64>,
    work: &Path,
) -> anyhow::Result<PathBuf> {
    let path = work.join("download.tar.xz");
    let mut file = std::fs::File::create(&path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    let written = download::fetch_to(client, url, &mut file, size)?;
    check_sum(url, expected, &written.sha256)?;
    Ok(path)
}

/// `FILE.sha256` next to `FILE`.
fn sums_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".sha256");
    PathBuf::from(name)
}

/// The hex digest of a `sha256sum` line (`<hex>  <name>`).
fn parse_sum(text: &[u8], source: &str) -> anyhow::Result<String> {
    let text = String::from_utf8_lossy(text);
    match text.split_whitespace().next() {
        Some(hex) if hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
            Ok(hex.to_ascii_lowercase())
        }
        _ => bail!("{source} is not a sha256sum file (`<64 hex digits>  <file>`)"),
    }
}

fn check_sum(what: &str, expected: &str, actual: &str) -> anyhow::Result<()> {
    if expected != actual {
        bail!("checksum mismatch for {what}: expected sha256 {expected}, got {actual}");
    }
    Ok(())
}

/// `rustup toolchain link NAME PREFIX`.
fn link(name: &str, prefix: &Path, shell: Shell) -> anyhow::Result<()> {
    let mut cmd = clean_command("rustup");
    cmd.args(["toolchain", "link", name]).arg(prefix);
    shell
        .capture_ok(
            &mut cmd,
            Duration::from_secs(60),
            "rustup, https://rustup.rs",
        )
        .with_context(|| {
            format!(
                "clif-toolchain is installed in {}, but linking it as `{name}` failed",
                prefix.display()
            )
        })?;
    progress::note(format!(
        "linked as rustup toolchain `{name}` (cargo +{name} ...)"
    ));
    Ok(())
}
