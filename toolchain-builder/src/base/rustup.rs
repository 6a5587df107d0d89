//! The last-resort source of a base toolchain: an installed rustup toolchain
//! (by default `1.96.0`). Finding none is not an error here, only a reason
//! recorded for the final message; rustup being absent is fine too. Rustup
//! is never allowed to install anything (`RUSTUP_AUTO_INSTALL=0`).

use std::io;
use std::path::PathBuf;
use std::time::Duration;

use crate::process::{clean_command, Shell};

/// What looking for the rustup toolchain found.
pub enum Probe {
    /// The toolchain's sysroot (not yet validated).
    Sysroot(PathBuf),
    /// Why there is none.
    Unavailable(String),
}

/// Looks for the rustup toolchain `name` and asks it for its sysroot.
pub fn probe(name: &str, shell: Shell) -> Probe {
    let timeout = Duration::from_secs(60);
    let mut list = clean_command("rustup");
    list.args(["toolchain", "list"]);
    let listed = match shell.capture(&mut list, timeout) {
        Ok(out) if out.succeeded() => String::from_utf8_lossy(&out.stdout).into_owned(),
        Ok(out) => {
            return Probe::Unavailable(format!(
                "`rustup toolchain list` ended with {}",
                out.outcome
            ))
        }
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            return Probe::Unavailable("rustup is not installed".to_owned())
        }
        Err(err) => return Probe::Unavailable(format!("cannot run rustup: {err}")),
    };
    if !lists_toolchain(&listed, name) {
        return Probe::Unavailable(format!("rustup has no `{name}` toolchain installed"));
    }
    let mut sysroot = clean_command("rustup");
    sysroot
        .env("RUSTUP_AUTO_INSTALL", "0")
        .args(["run", name, "rustc", "--print", "sysroot"]);
    match shell.capture(&mut sysroot, timeout) {
        Ok(out) if out.succeeded() => {
            Probe::Sysroot(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
        }
        Ok(out) => Probe::Unavailable(format!(
            "`rustup run {name} rustc --print sysroot` ended with {}: {}",
            out.outcome,
            out.stderr_text().trim()
        )),
        Err(err) => Probe::Unavailable(format!("cannot run rustup: {err}")),
    }
}

/// Whether `rustup toolchain list` output has `name` (bare or with a host
/// suffix such as `1.96.0-x86_64-unknown-linux-gnu (default)`).
fn lists_toolchain(listing: &str, name: &str) -> bool {
    listing
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .any(|toolchain| {
            toolchain == name
                || toolchain
                    .strip_prefix(name)
                    .is_some_and(|rest| rest.starts_with('-'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toolchain_names_are_matched_exactly() {
        let listing = "stable-x86_64-unknown-linux-gnu (active, default)\n\
                       1.96.0-x86_64-unknown-linux-gnu\n\
                       my-linked\n";
        assert!(lists_toolchain(listing, "1.96.0"));
        assert!(lists_toolchain(listing, "stable"));
        assert!(lists_toolchain(listing, "my-linked"));
        assert!(!lists_toolchain(listing, "1.96"));
        assert!(!lists_toolchain(listing, "1.95.0"));
        assert!(!lists_toolchain("no installed toolchains\n", "1.96.0"));
    }
}
