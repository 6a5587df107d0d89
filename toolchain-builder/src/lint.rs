//! The `lint` command: clippy on the backend with `-D warnings`. The
//! clippy comes from stage `clippy` (the base toolchain's own, or one built
//! from the clippy source of the same rustc); `cargo-clippy` runs cargo on
//! the backend's workspace as the `backend` stage does (base rustc,
//! `RUSTC_BOOTSTRAP=1`, release profile, the backend's target dir), for all
//! targets, so the unit tests are linted too.

use std::path::Path;

use crate::base::BaseToolchain;
use crate::process::{library_path, Shell};
use crate::stages::{backend, cargo, clippy};

const STAGE: &str = "lint";

/// What to lint with.
pub struct Lint<'a> {
    pub base: &'a BaseToolchain,
    pub clippy: &'a clippy::Outputs,
    /// `backend/`.
    pub backend_dir: &'a Path,
    /// `build/backend-target/`, shared with the `backend` stage.
    pub target_dir: &'a Path,
    pub shell: Shell,
}

/// Runs clippy; its errors (every warning, denied) fail with a
/// [`StageError`](crate::stages::StageError) carrying them.
pub fn run(lint: &Lint<'_>) -> anyhow::Result<()> {
    let mut cmd = backend::cargo_command(
        &lint.clippy.cargo_clippy,
        &["clippy"],
        lint.base,
        lint.backend_dir,
        lint.target_dir,
    );
    cmd.args(["--all-targets", "--", "-D", "warnings"])
        .env("CARGO", cargo::cargo_program())
        .env("LD_LIBRARY_PATH", library_path(&lint.clippy.lib_dir));
    let log = lint.target_dir.join("clippy.log");
    let summarize = |status, _: &[String]| {
        cargo::Summary::line(format!("clippy denied the backend's code ({status})"))
    };
    let failure = cargo::Failure {
        stage: STAGE,
        log: &log,
        summarize: &summarize,
    };
    cargo::run(&mut cmd, "clippy on the backend", &failure, lint.shell)?;
    Ok(())
}
