//! toolchain-builder: the host-side CLI of clif-toolchain. It finds the base
//! toolchain, builds the Cranelift backend with it and runs the test suites.
//! This file only wires the command line to the stages; see the modules for
//! the work itself.

mod base;
mod cli;
mod config;
mod exit;
mod fingerprint;
mod layout;
mod no_core;
mod process;
mod progress;
mod stages;
mod targets;

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Parser as _;

use base::{BaseSelection, BaseToolchain};
use cli::{Cli, Command};
use config::Config;
use exit::{Exit, UsageError};
use layout::Layout;
use process::Shell;
use targets::{TargetSpec, Targets};

/// Environment variables that clap reads; empty means unset.
const OPTION_ENV: &[&str] = &["CLIF_BASE_TOOLCHAIN", "CLIF_BASE_ARCHIVE"];

fn main() -> ExitCode {
    // Still single-threaded here, so changing the environment is sound.
    for var in OPTION_ENV {
        if std::env::var_os(var).is_some_and(|v| v.is_empty()) {
            std::env::remove_var(var);
        }
    }
    let cli = Cli::parse();
    match run(cli) {
        Ok(exit) => exit.into(),
        Err(err) => {
            exit::report(&err);
            exit::exit_for(&err).into()
        }
    }
}

/// What every command needs.
struct Session {
    layout: Layout,
    config: Config,
    selection: BaseSelection,
    shell: Shell,
}

impl Session {
    fn target<'t>(&self, targets: &'t Targets, triple: &str) -> anyhow::Result<&'t TargetSpec> {
        let target = targets.get(triple)?;
        progress::note(format!("target: {target}"));
        Ok(target)
    }

    fn base(&self) -> anyhow::Result<BaseToolchain> {
        base::resolve(&self.selection, &self.config, &self.layout, self.shell)
    }

    /// Stage `backend`: the built (or cached) backend dylib.
    fn backend(&self, base: &BaseToolchain) -> anyhow::Result<std::path::PathBuf> {
        let inputs = stages::backend::Inputs {
            base,
            backend_dir: self.layout.backend_dir(),
            target_dir: self.layout.backend_target_dir(),
            cache_dir: self.layout.backend_cache_dir(),
        };
        Ok(stages::backend::run(&inputs, self.shell)?.dylib)
    }
}

fn run(cli: Cli) -> anyhow::Result<Exit> {
    let global = cli.global;
    // Explicit paths are resolved against the current directory once, here.
    let absolute = |path: Option<&Path>| {
        path.map(|p| std::fs::canonicalize(p).or_else(|_| std::path::absolute(p)))
            .transpose()
            .context("cannot make a path absolute")
    };
    let session = Session {
        layout: Layout::discover(global.build_dir.as_deref())?,
        config: Config::embedded()?,
        selection: BaseSelection {
            dir: absolute(global.base_toolchain.as_deref())?,
            archive: absolute(global.base_archive.as_deref())?,
        },
        shell: Shell {
            verbose: global.verbose,
        },
    };
    let targets = Targets::load(&session.layout.targets_dir())?;
    match cli.command {
        Command::Build(args) => {
            session.target(&targets, &args.target.target)?;
            let base = session.base()?;
            let dylib = session.backend(&base)?;
            println!("{}", dylib.display());
            Ok(Exit::Success)
        }
        Command::Test(args) => {
            let target = session.target(&targets, &args.target.target)?;
            let backend_override = test_backend_override()?;
            let base = session.base()?;
            let clif_backend = match backend_override {
                Some(backend) => backend,
                None => no_core::CodegenBackend::Dylib(session.backend(&base)?),
            };
            no_core::run(&no_core::Suite {
                layout: &session.layout,
                base: &base,
                target,
                clif_backend,
                filter: args.filter.as_deref(),
                shell: session.shell,
            })
        }
    }
}

/// The developer variable `CLIF_TEST_BACKEND`: `llvm` tests the LLVM backend
/// against itself (checking tests and harness without the Cranelift backend).
fn test_backend_override() -> anyhow::Result<Option<no_core::CodegenBackend>> {
    match std::env::var("CLIF_TEST_BACKEND").as_deref() {
        Err(std::env::VarError::NotPresent) | Ok("") | Ok("clif") => Ok(None),
        Ok("llvm") => {
            progress::note(
                "CLIF_TEST_BACKEND=llvm: the clif side uses the LLVM backend (developer mode)",
            );
            Ok(Some(no_core::CodegenBackend::Llvm))
        }
        Ok(other) => Err(UsageError(format!(
            "CLIF_TEST_BACKEND={other} is not understood; use `llvm` or leave it unset"
        ))
        .into()),
        Err(err) => Err(UsageError(format!("CLIF_TEST_BACKEND: {err}")).into()),
    }
}
