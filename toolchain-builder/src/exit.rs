//! Exit codes and error reporting: the one place that decides what the
//! process returns and how an error looks on stderr
//! (`toolchain-builder: error: ...`, then one `caused by:` line per cause).
//! Typed errors from the other modules are mapped to exit codes here by
//! looking through the error's chain.

use std::fmt;
use std::process::ExitCode;

use crate::base::BaseToolchainError;
use crate::stages::StageError;

/// The prefix of every error message this program prints.
pub const ERROR_PREFIX: &str = "toolchain-builder: error:";

/// What the process returns. Numbers are part of the CLI's contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Everything asked for was done (and every test passed).
    Success = 0,
    /// The test suite ran and at least one test failed.
    TestsFailed = 1,
    /// The command line asked for something that does not exist (clap uses
    /// the same code for its own parse errors).
    Usage = 2,
    /// No usable base toolchain (rustc 1.96.0 + rustc-dev + rust-src).
    BaseToolchain = 3,
    /// A build stage (for example cargo building the backend) failed, or
    /// `lint`'s clippy denied the backend's code.
    StageFailed = 4,
    /// Anything else: I/O errors, a broken checkout, ...
    Other = 5,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit as u8)
    }
}

/// A request that cannot be satisfied as asked (unknown target, a filter that
/// matches nothing, a bad developer variable). Maps to [`Exit::Usage`].
#[derive(Debug)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// The exit code for an error: the first typed error found in its chain.
pub fn exit_for(err: &anyhow::Error) -> Exit {
    for cause in err.chain() {
        if cause.is::<UsageError>() {
            return Exit::Usage;
        }
        if cause.is::<BaseToolchainError>() {
            return Exit::BaseToolchain;
        }
        if cause.is::<StageError>() {
            return Exit::StageFailed;
        }
    }
    Exit::Other
}

/// Prints `err` and its causes to stderr with the program's prefix.
pub fn report(err: &anyhow::Error) {
    eprintln!("{}", render(err));
}

fn render(err: &anyhow::Error) -> String {
    let mut text = format!("{ERROR_PREFIX} {err}");
    for cause in err.chain().skip(1) {
        text.push_str(&format!("\n  caused by: {cause}"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context as _;

    #[test]
    fn usage_error_maps_to_usage_even_under_context() {
        let err = Err::<(), _>(UsageError("unknown target `x`".into()))
            .context("while parsing")
            .unwrap_err();
        assert_eq!(exit_for(&err), Exit::Usage);
    }

    #[test]
    fn untyped_error_is_other() {
        assert_eq!(exit_for(&anyhow::anyhow!("disk full")), Exit::Other);
    }

    #[test]
    fn rendering_has_prefix_and_causes() {
        let err = Err::<(), _>(anyhow::anyhow!("inner"))
            .context("outer")
            .unwrap_err();
        assert_eq!(
            render(&err),
            "toolchain-builder: error: outer\n  caused by: inner"
        );
    }
}
