//! The toolchain's policy file, `libexec/launcher.policy`: what the launcher
//! adds to a rustc command line. toolchain-builder writes it from
//! `targets/*.toml` when it assembles `dist/` ([`Policy::render`]); the
//! launcher reads it at every start ([`Policy::parse`]).
//!
//! One directive per line, words separated by spaces, `#` starts a comment
//! line; paths are relative to the toolchain root, with `/` separators:
//!
//! ```text
//! host x86_64-unknown-linux-gnu
//! backend lib/rustlib/x86_64-unknown-linux-gnu/codegen-backends/librustc_codegen_clif.so
//! gcc-ld lib/rustlib/x86_64-unknown-linux-gnu/bin/gcc-ld
//! lld-default 1
//! cross aarch64-unknown-linux-gnu aarch64-linux-gnu-gcc gcc-aarch64-linux-gnu qemu-user
//! ```

use std::fmt;
use std::path::{Path, PathBuf};

/// Where the policy file is, relative to the toolchain root.
pub const POLICY_FILE: &str = "libexec/launcher.policy";

/// How `bin/rustc` runs `libexec/rustc-real`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// The host triple.
    pub host: String,
    /// The codegen backend dylib (`-Zcodegen-backend=`), relative to the
    /// root; `None` is rustc's own LLVM backend (the builder's developer
    /// mode).
    pub backend: Option<String>,
    /// The directory whose `ld.lld` is the bundled lld (`cc -B<dir>
    /// -fuse-ld=lld`), relative to the root.
    pub gcc_ld: String,
    /// Whether host programs are linked by the bundled lld when `CLIF_LLD`
    /// is not set.
    pub lld_default: bool,
    /// The other targets the toolchain has a standard library for.
    pub cross: Vec<CrossTarget>,
}

/// A cross target: how programs for it are linked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrossTarget {
    pub triple: String,
    /// Its C compiler driver (`-Clinker=`), which also assembles `asm!`.
    pub driver: String,
    /// The Debian packages that provide the driver and its C runtime.
    pub packages: Vec<String>,
}

/// A policy file that does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{POLICY_FILE}, line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for PolicyError {}

impl Policy {
    /// Reads a policy file's text.
    pub fn parse(text: &str) -> Result<Self, PolicyError> {
        let mut host = None;
        let mut backend = None;
        let mut gcc_ld = None;
        let mut lld_default = None;
        let mut cross = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let error = |message: String| PolicyError {
                line: index + 1,
                message,
            };
            let mut words = line.split_whitespace();
            let Some(key) = words.next().filter(|word| !word.starts_with('#')) else {
                continue;
            };
            let values: Vec<&str> = words.collect();
            let one = || match values[..] {
                [value] => Ok(value.to_owned()),
                _ => Err(error(format!("`{key}` takes one value"))),
            };
            match key {
                "host" => host = Some(one()?),
                "backend" => backend = Some(one()?),
                "gcc-ld" => gcc_ld = Some(one()?),
                "lld-default" => {
                    lld_default = Some(match one()?.as_str() {
                        "0" => false,
                        "1" => true,
                        other => return Err(error(format!("lld-default is 0 or 1, not {other}"))),
                    })
                }
                "cross" => match values[..] {
                    [triple, driver, ref packages @ ..] => cross.push(CrossTarget {
                        triple: triple.to_owned(),
                        driver: driver.to_owned(),
                        packages: packages.iter().map(|p| (*p).to_owned()).collect(),
                    }),
                    _ => return Err(error("`cross` takes a triple and a driver".to_owned())),
                },
                other => return Err(error(format!("unknown directive `{other}`"))),
            }
        }
        let missing = |key: &str| PolicyError {
            line: text.lines().count(),
            message: format!("no `{key}` line"),
        };
        Ok(Self {
            host: host.ok_or_else(|| missing("host"))?,
            backend,
            gcc_ld: gcc_ld.ok_or_else(|| missing("gcc-ld"))?,
            lld_default: lld_default.ok_or_else(|| missing("lld-default"))?,
            cross,
        })
    }

    /// The policy file's text; [`Policy::parse`] reads it back.
    pub fn render(&self) -> String {
        let mut text = format!(
            "# How bin/rustc runs libexec/rustc-real. Written by toolchain-builder \
             (stage dist).\nhost {}\n",
            self.host
        );
        if let Some(backend) = &self.backend {
            text.push_str(&format!("backend {backend}\n"));
        }
        text.push_str(&format!("gcc-ld {}\n", self.gcc_ld));
        text.push_str(&format!("lld-default {}\n", u8::from(self.lld_default)));
        for target in &self.cross {
            text.push_str(&format!("cross {} {}", target.triple, target.driver));
            for package in &target.packages {
                text.push_str(&format!(" {package}"));
            }
            text.push('\n');
        }
        text
    }

    /// Reads the policy file of the toolchain at `root`.
    pub fn read(root: &Path) -> Result<Self, String> {
        let path = root.join(POLICY_FILE);
        let text = std::fs::read_to_string(&path)
            .map_err(|err| format!("cannot read {}: {err}", path.display()))?;
        Self::parse(&text).map_err(|err| err.to_string())
    }

    /// The codegen backend dylib of the toolchain at `root`, if not LLVM.
    pub fn backend_in(&self, root: &Path) -> Option<PathBuf> {
        self.backend.as_deref().map(|rel| resolve(root, rel))
    }

    /// The cross target `triple`, if the toolchain has one.
    pub fn cross_target(&self, triple: &str) -> Option<&CrossTarget> {
        self.cross.iter().find(|target| target.triple == triple)
    }
}

/// `rel` (with `/` separators) under `root`.
pub fn resolve(root: &Path, rel: &str) -> PathBuf {
    rel.split('/')
        .fold(root.to_owned(), |path, part| path.join(part))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> Policy {
        Policy {
            host: "h".into(),
            backend: Some("lib/rustlib/h/codegen-backends/clif.so".into()),
            gcc_ld: "lib/rustlib/h/bin/gcc-ld".into(),
            lld_default: true,
            cross: vec![CrossTarget {
                triple: "c".into(),
                driver: "c-gcc".into(),
                packages: vec!["gcc-c".into(), "qemu-user".into()],
            }],
        }
    }

    #[test]
    fn render_and_parse_round_trip() {
        let policy = policy();
        assert_eq!(Policy::parse(&policy.render()), Ok(policy.clone()));
        let llvm = Policy {
            backend: None,
            cross: Vec::new(),
            ..policy
        };
        assert_eq!(Policy::parse(&llvm.render()), Ok(llvm));
    }

    #[test]
    fn bad_files_name_the_line() {
        let err = Policy::parse("host h\nlld-default 2\n").expect_err("bad value");
        assert_eq!(err.line, 2);
        assert!(err.to_string().contains("lld-default is 0 or 1"), "{err}");
        let err = Policy::parse("host h\nlinker x\n").expect_err("unknown");
        assert!(
            err.to_string().contains("unknown directive `linker`"),
            "{err}"
        );
        let err = Policy::parse("# comment\nhost h\n").expect_err("incomplete");
        assert!(err.to_string().contains("no `gcc-ld` line"), "{err}");
        let err = Policy::parse("host a b\n").expect_err("two hosts");
        assert!(err.to_string().contains("`host` takes one value"), "{err}");
    }

    #[test]
    fn paths_resolve_under_the_root() {
        assert_eq!(
            resolve(Path::new("/r"), "lib/rustlib/h"),
            Path::new("/r").join("lib").join("rustlib").join("h")
        );
    }
}
