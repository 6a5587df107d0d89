//! Target descriptions: one TOML file per target in `targets/` (named
//! `<triple>.toml`) says which Cranelift ISA, object format, linker and test
//! runner the target uses. `--target` must name one of them.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context as _};
use serde::Deserialize;

use crate::cli::SuiteName;
use crate::exit::UsageError;
use crate::process::find_program;

/// The triple this binary runs on: the default `--target`.
pub const HOST: &str = env!("TOOLCHAIN_BUILDER_HOST");

/// One `targets/<triple>.toml` file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetSpec {
    /// The rustc target triple; must equal the file name's stem.
    pub triple: String,
    /// Cranelift's name for the instruction set (`cranelift_codegen::isa`).
    pub cranelift_isa: String,
    /// Object file format the backend emits.
    pub object_format: ObjectFormat,
    /// Linker passed to rustc as `-Clinker`: the target's C compiler
    /// driver, which also assembles `asm!` and `global_asm!`.
    pub linker: String,
    /// The Debian packages that provide `linker`, the target's C runtime
    /// and the runner (`tools/setup.sh` installs them), named when one is
    /// missing.
    #[serde(default)]
    pub packages: Vec<String>,
    /// How test binaries for this target are run.
    pub runner: Runner,
    /// How deep its tests go.
    pub tests: Tests,
}

/// `[tests]`: the suites `test --target <triple>` runs.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tests {
    /// Without `--suite` (in the builder's fixed order).
    pub suites: Vec<SuiteName>,
    /// Only when named with `--suite` (they take long, or need root).
    #[serde(default)]
    pub on_request: Vec<SuiteName>,
}

impl Tests {
    /// Whether `suite` runs for the target at all.
    pub fn has(&self, suite: SuiteName) -> bool {
        self.suites.contains(&suite) || self.on_request.contains(&suite)
    }
}

#[cfg(test)]
impl TargetSpec {
    /// `targets/x86_64-unknown-linux-gnu.toml`'s target, for unit tests
    /// that need one.
    pub fn host_for_tests() -> Self {
        TargetSpec {
            triple: "x86_64-unknown-linux-gnu".into(),
            cranelift_isa: "x86_64".into(),
            object_format: ObjectFormat::Elf,
            linker: "cc".into(),
            packages: Vec::new(),
            runner: Runner::Native,
            tests: Tests {
                suites: vec![SuiteName::NoCore, SuiteName::Std],
                on_request: Vec::new(),
            },
        }
    }
}

impl TargetSpec {
    /// Cargo's `CARGO_TARGET_<TRIPLE>_<key>` variable for this target.
    pub fn cargo_env(&self, key: &str) -> String {
        format!(
            "CARGO_TARGET_{}_{key}",
            self.triple.to_uppercase().replace(['-', '.'], "_")
        )
    }

    /// The OCI (Go) name of the target's architecture, for container images
    /// whose programs run on it: `amd64`, `arm64`, `riscv64`, `s390x`.
    pub fn oci_architecture(&self) -> &str {
        match self.cranelift_isa.as_str() {
            "x86_64" => "amd64",
            "aarch64" => "arm64",
            isa => isa,
        }
    }

    /// Fails, naming the Debian packages to install, when the target's C
    /// compiler driver (or, with `run`, its runner) is not on `PATH`.
    pub fn require_tools(&self, run: bool) -> anyhow::Result<()> {
        let mut missing = Vec::new();
        if find_program(&self.linker).is_none() {
            missing.push(self.linker.as_str());
        }
        if let (true, Runner::Qemu { binary, .. }) = (run, &self.runner) {
            if find_program(binary).is_none() {
                missing.push(binary.as_str());
            }
        }
        if missing.is_empty() {
            return Ok(());
        }
        let packages = &self.packages;
        bail!(
            "{} needs {} on PATH; install {} (tools/setup.sh does: `apt-get install {}`)",
            self.triple,
            missing.join(" and "),
            if packages.is_empty() {
                "a C compiler".to_owned()
            } else {
                format!("Debian's {}", packages.join(", "))
            },
            packages.join(" ")
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ObjectFormat {
    Elf,
}

/// How a compiled test program is executed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum Runner {
    /// Directly on this machine.
    Native,
    /// Under qemu-user: `runner = { qemu = { binary = "qemu-aarch64",
    /// ld_prefix = "/usr/aarch64-linux-gnu" } }`.
    Qemu {
        /// The user-mode emulator (Debian's `qemu-user`).
        binary: String,
        /// Where the target's dynamic loader and shared libraries are
        /// (qemu's `-L`; Debian's `libc6-*-cross` install them there).
        ld_prefix: PathBuf,
    },
}

impl Runner {
    /// The command that runs `program` (its arguments still to be added).
    pub fn command(&self, program: &Path) -> std::process::Command {
        match self {
            Runner::Native => crate::process::clean_command(program),
            Runner::Qemu { binary, ld_prefix } => {
                let mut cmd = crate::process::clean_command(binary);
                cmd.arg("-L").arg(ld_prefix).arg(program);
                cmd
            }
        }
    }

    /// The program and arguments that go before a program to run it this
    /// way (none natively).
    pub fn prefix(&self) -> Vec<String> {
        match self {
            Runner::Native => Vec::new(),
            Runner::Qemu { binary, ld_prefix } => {
                vec![
                    binary.clone(),
                    "-L".to_owned(),
                    ld_prefix.display().to_string(),
                ]
            }
        }
    }

    /// The value of cargo's `CARGO_TARGET_<TRIPLE>_RUNNER`, if not native.
    pub fn cargo_runner(&self) -> Option<String> {
        match self {
            Runner::Native => None,
            Runner::Qemu { binary, ld_prefix } => {
                Some(format!("{binary} -L {}", ld_prefix.display()))
            }
        }
    }

    /// How much longer than natively a program takes to run this way (a
    /// factor for run timeouts).
    pub fn slowdown(&self) -> u32 {
        match self {
            Runner::Native => 1,
            // Emulation costs 3-10x (more for vector code).
            Runner::Qemu { .. } => 10,
        }
    }

    /// `timeout` scaled by [`Runner::slowdown`].
    pub fn timeout(&self, timeout: Duration) -> Duration {
        timeout * self.slowdown()
    }
}

impl fmt::Display for TargetSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let format = match self.object_format {
            ObjectFormat::Elf => "ELF",
        };
        let runner = match &self.runner {
            Runner::Native => "run natively".to_owned(),
            Runner::Qemu { binary, .. } => format!("run under {binary}"),
        };
        write!(
            f,
            "{} (cranelift isa {}, {format} objects, linker {}, {runner})",
            self.triple, self.cranelift_isa, self.linker
        )
    }
}

/// All targets found in `targets/`, sorted by triple.
#[derive(Debug)]
pub struct Targets(Vec<TargetSpec>);

impl Targets {
    /// Loads every `*.toml` in `dir`.
    pub fn load(dir: &Path) -> anyhow::Result<Self> {
        let entries = std::fs::read_dir(dir)
            .with_context(|| format!("cannot read the target directory {}", dir.display()))?;
        let mut specs = Vec::new();
        for entry in entries {
            let path = entry?.path();
            if path.extension().is_some_and(|ext| ext == "toml") {
                let text = std::fs::read_to_string(&path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                let spec = parse(&text, &path)?;
                specs.push(spec);
            }
        }
        specs.sort_by(|a, b| a.triple.cmp(&b.triple));
        Ok(Self(specs))
    }

    /// Every target but the host: those the toolchain cross-compiles to.
    pub fn cross(&self) -> Vec<&TargetSpec> {
        self.0.iter().filter(|t| t.triple != HOST).collect()
    }

    /// The target named `triple`, or a usage error listing the known ones.
    pub fn get(&self, triple: &str) -> Result<&TargetSpec, UsageError> {
        self.0.iter().find(|t| t.triple == triple).ok_or_else(|| {
            let known: Vec<&str> = self.0.iter().map(|t| t.triple.as_str()).collect();
            UsageError(format!(
                "unknown target `{triple}`; known targets (from targets/*.toml): {}",
                if known.is_empty() {
                    "none".to_owned()
                } else {
                    known.join(", ")
                }
            ))
        })
    }
}

fn parse(text: &str, path: &Path) -> anyhow::Result<TargetSpec> {
    let spec: TargetSpec =
        toml::from_str(text).with_context(|| format!("invalid target file {}", path.display()))?;
    let stem = path.file_stem().map(|s| s.to_string_lossy());
    if stem.as_deref() != Some(spec.triple.as_str()) {
        bail!(
            "target file {} describes `{}`; rename it to {}.toml",
            path.display(),
            spec.triple,
            spec.triple
        );
    }
    Ok(spec)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOST_SPEC: &str = r#"
        triple = "x86_64-unknown-linux-gnu"
        cranelift_isa = "x86_64"
        object_format = "elf"
        linker = "cc"
        runner = "native"
        tests = { suites = ["no_core", "std"] }
    "#;

    #[test]
    fn repository_targets_load_and_include_the_host() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../targets");
        let targets = Targets::load(&dir).expect("targets load");
        let host = targets
            .get("x86_64-unknown-linux-gnu")
            .expect("host target");
        assert_eq!(host.cranelift_isa, "x86_64");
        assert_eq!(host.object_format, ObjectFormat::Elf);
        assert_eq!(host.runner, Runner::Native);
        assert_eq!(
            host.to_string(),
            "x86_64-unknown-linux-gnu (cranelift isa x86_64, ELF objects, linker cc, run natively)"
        );
    }

    #[test]
    fn unknown_target_lists_known_ones() {
        let tmp = tempfile::tempdir().expect("tempdir");
        std::fs::write(tmp.path().join("x86_64-unknown-linux-gnu.toml"), HOST_SPEC).expect("write");
        std::fs::write(tmp.path().join("README"), "not a target").expect("write");
        let targets = Targets::load(tmp.path()).expect("load");
        let err = targets
            .get("riscv64gc-unknown-linux-gnu")
            .expect_err("unknown");
        assert_eq!(
            err.to_string(),
            "unknown target `riscv64gc-unknown-linux-gnu`; known targets \
             (from targets/*.toml): x86_64-unknown-linux-gnu"
        );
    }

    #[test]
    fn file_name_must_match_triple() {
        let err = parse(
            HOST_SPEC,
            Path::new("targets/aarch64-unknown-linux-gnu.toml"),
        )
        .expect_err("mismatch");
        assert!(err.to_string().contains("rename it"), "{err}");
    }

    #[test]
    fn unknown_fields_and_values_are_rejected() {
        let path = Path::new("x86_64-unknown-linux-gnu.toml");
        let extra = format!("{HOST_SPEC}\nendian = \"little\"\n");
        assert!(parse(&extra, path).is_err());
        let macho = HOST_SPEC.replace("\"elf\"", "\"macho\"");
        assert!(parse(&macho, path).is_err());
        let unknown_suite = HOST_SPEC.replace("\"std\"", "\"everything\"");
        assert!(parse(&unknown_suite, path).is_err());
    }

    #[test]
    fn test_depth_is_the_targets_own() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../targets");
        let targets = Targets::load(&dir).expect("targets load");
        let host = targets.get(HOST).expect("host target");
        assert!(host.tests.suites.contains(&SuiteName::Libtests));
        assert!(host.tests.has(SuiteName::Crater));
        for cross in targets.cross() {
            assert!(cross.tests.suites.contains(&SuiteName::Abi));
            assert!(!cross.tests.suites.contains(&SuiteName::Libtests));
            assert!(cross.tests.has(SuiteName::Libtests) && !cross.tests.has(SuiteName::Crater));
        }
    }
}
