//! Checks that a directory is a usable base toolchain: `bin/rustc` exists
//! and runs, `rustc -vV` reports the required release, and the rustc-dev
//! (`librustc_middle-*`) and rust-src (`library/core`) components are there.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::BaseToolchainError;
use crate::config::Config;
use crate::process::{clean_command, Shell};

/// A directory that passed [`validate`].
#[derive(Debug, Clone)]
pub struct Validated {
    pub root: PathBuf,
    pub rustc: PathBuf,
    /// `bin/rustdoc`, when the toolchain has one.
    pub rustdoc: Option<PathBuf>,
    /// The full `rustc -vV` output.
    pub version_info: String,
}

/// Checks `root`; each failure says what is missing and how to get it.
pub fn validate(
    root: &Path,
    config: &Config,
    shell: Shell,
) -> Result<Validated, BaseToolchainError> {
    if !root.is_dir() {
        return Err(BaseToolchainError::NotADirectory(root.to_path_buf()));
    }
    let rustc = root.join("bin").join("rustc");
    if !rustc.is_file() {
        return Err(BaseToolchainError::MissingRustc {
            root: root.to_path_buf(),
        });
    }
    let version_info = run_version(&rustc, shell)?;
    let info = VersionInfo::parse(&version_info);
    if info.release != Some(config.rustc_release.as_str()) {
        return Err(BaseToolchainError::WrongRelease {
            rustc,
            found: info
                .release
                .unwrap_or("(no release: line in rustc -vV)")
                .to_owned(),
            required: config.rustc_release.clone(),
        });
    }
    let host = info.host.unwrap_or(crate::targets::HOST);
    let libdir = root.join("lib/rustlib").join(host).join("lib");
    if !has_rustc_middle(&libdir) {
        return Err(BaseToolchainError::MissingRustcDev {
            libdir,
            hint: component_hint(config, "rustc-dev"),
        });
    }
    let core = root.join("lib/rustlib/src/rust/library/core");
    if !core.is_dir() {
        return Err(BaseToolchainError::MissingRustSrc {
            path: core,
            hint: component_hint(config, "rust-src"),
        });
    }
    let rustdoc = Some(root.join("bin").join("rustdoc")).filter(|p| p.is_file());
    Ok(Validated {
        root: root.to_path_buf(),
        rustc,
        rustdoc,
        version_info,
    })
}

fn component_hint(config: &Config, component: &str) -> String {
    format!(
        "for a rustup toolchain run `rustup component add {component} --toolchain {}`, \
         otherwise use the clif-base archive, which has it",
        config.rustup_toolchain
    )
}

fn run_version(rustc: &Path, shell: Shell) -> Result<String, BaseToolchainError> {
    let does_not_run = |detail: String| {
        let hint = if detail.contains("libLLVM") {
            "\nhint: the compiler needs Debian's libllvm22; run tools/setup.sh \
             (or `apt-get install -y libllvm22`)"
                .to_owned()
        } else {
            String::new()
        };
        BaseToolchainError::RustcDoesNotRun {
            rustc: rustc.to_path_buf(),
            detail,
            hint,
        }
    };
    let mut cmd = clean_command(rustc);
    cmd.arg("-vV");
    let out = shell
        .capture(&mut cmd, Duration::from_secs(60))
        .map_err(|err| does_not_run(err.to_string()))?;
    if !out.succeeded() {
        let stderr = out.stderr_text();
        let first_lines: Vec<&str> = stderr.lines().take(5).collect();
        return Err(does_not_run(format!(
            "`rustc -vV` ended with {}: {}",
            out.outcome,
            first_lines.join("\n")
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The lines of `rustc -vV` that matter here.
#[derive(Debug, PartialEq, Eq)]
struct VersionInfo<'a> {
    release: Option<&'a str>,
    host: Option<&'a str>,
}

impl<'a> VersionInfo<'a> {
    fn parse(text: &'a str) -> Self {
        let field = |name: &str| {
            text.lines()
                .find_map(|line| line.strip_prefix(name)?.strip_prefix(':'))
                .map(str::trim)
        };
        Self {
            release: field("release"),
            host: field("host"),
        }
    }
}

fn has_rustc_middle(libdir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(libdir) else {
        return false;
    };
    entries.flatten().any(|entry| {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        name.starts_with("librustc_middle-")
            && (name.ends_with(".rmeta") || name.ends_with(".rlib"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::{Command, Stdio};

    const HOST: &str = "x86_64-unknown-linux-gnu";

    fn config() -> Config {
        Config::embedded().expect("config")
    }

    fn shell() -> Shell {
        Shell { verbose: false }
    }

    /// Writes an executable script through `sh`, so that no file descriptor
    /// open for writing can leak into a process forked by a parallel test
    /// (which would make executing it fail with "text file busy").
    fn write_script(path: &Path, body: &str) {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        let mut child = Command::new("sh")
            .args(["-c", r#"cat > "$1" && chmod +x "$1""#, "sh"])
            .arg(path)
            .stdin(Stdio::piped())
            .spawn()
            .expect("sh");
        std::io::Write::write_all(
            child.stdin.as_mut().expect("stdin"),
            format!("#!/bin/sh\n{body}\n").as_bytes(),
        )
        .expect("write script");
        drop(child.stdin.take());
        assert!(child.wait().expect("wait").success());
    }

    fn fake_rustc(root: &Path, release: &str) {
        write_script(
            &root.join("bin/rustc"),
            &format!(
                "printf 'rustc {release} (fake)\\nbinary: rustc\\nhost: {HOST}\\nrelease: {release}\\n'"
            ),
        );
    }

    #[test]
    fn version_info_is_parsed() {
        let text = "rustc 1.96.0 (ac68faa20 2026-05-25)\nbinary: rustc\n\
                    host: x86_64-unknown-linux-gnu\nrelease: 1.96.0\nLLVM version: 22.1.8\n";
        assert_eq!(
            VersionInfo::parse(text),
            VersionInfo {
                release: Some("1.96.0"),
                host: Some("x86_64-unknown-linux-gnu")
            }
        );
        assert_eq!(VersionInfo::parse("garbage").release, None);
    }

    #[test]
    fn missing_directory_and_rustc_are_reported() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let missing = tmp.path().join("nope");
        assert!(matches!(
            validate(&missing, &config(), shell()),
            Err(BaseToolchainError::NotADirectory(p)) if p == missing
        ));
        let err = validate(tmp.path(), &config(), shell()).expect_err("no rustc");
        assert!(matches!(err, BaseToolchainError::MissingRustc { .. }));
        assert!(err.to_string().contains("has no bin/rustc"), "{err}");
    }

    #[test]
    fn rustc_that_cannot_load_llvm_suggests_setup() {
        let tmp = tempfile::tempdir().expect("tempdir");
        write_script(
            &tmp.path().join("bin/rustc"),
            "echo 'rustc: error while loading shared libraries: libLLVM.so.22.1: cannot open' >&2; exit 127",
        );
        let err = validate(tmp.path(), &config(), shell()).expect_err("does not run");
        assert!(matches!(err, BaseToolchainError::RustcDoesNotRun { .. }));
        let text = err.to_string();
        assert!(text.contains("exit code 127"), "{text}");
        assert!(text.contains("tools/setup.sh"), "{text}");
    }

    #[test]
    fn wrong_release_is_reported() {
        let tmp = tempfile::tempdir().expect("tempdir");
        fake_rustc(tmp.path(), "1.95.0");
        let err = validate(tmp.path(), &config(), shell()).expect_err("wrong release");
        assert!(
            err.to_string()
                .contains("is rustc 1.95.0, but rustc 1.96.0 is required"),
            "{err}"
        );
    }

    #[test]
    fn components_are_checked_in_order() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path();
        fake_rustc(root, "1.96.0");

        let err = validate(root, &config(), shell()).expect_err("no rustc-dev");
        assert!(matches!(err, BaseToolchainError::MissingRustcDev { .. }));
        assert!(err
            .to_string()
            .contains("rustup component add rustc-dev --toolchain 1.96.0"));

        let libdir = root.join("lib/rustlib").join(HOST).join("lib");
        std::fs::create_dir_all(&libdir).expect("mkdir");
        std::fs::write(libdir.join("librustc_middle-0123abcd.rmeta"), "").expect("write");
        let err = validate(root, &config(), shell()).expect_err("no rust-src");
        assert!(matches!(err, BaseToolchainError::MissingRustSrc { .. }));
        assert!(err.to_string().contains("rust-src"));

        std::fs::create_dir_all(root.join("lib/rustlib/src/rust/library/core")).expect("mkdir");
        let ok = validate(root, &config(), shell()).expect("valid");
        assert_eq!(ok.rustc, root.join("bin/rustc"));
        assert_eq!(ok.rustdoc, None);
        assert!(ok.version_info.contains("release: 1.96.0"));
    }
}
