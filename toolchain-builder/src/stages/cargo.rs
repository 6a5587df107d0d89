//! Running cargo for a stage: the cargo binary to use, progress (a spinner
//! showing cargo's stderr lines), and on failure the full output saved to a
//! log file and a [`StageError`] carrying the relevant part of it.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context as _;
use std::process::{Command, ExitStatus};

use super::StageError;
use crate::process::{clean_command, describe, find_program, Shell};
use crate::progress::Step;

/// Lines cargo prints while working that say nothing about a failure.
const CARGO_PROGRESS: &[&str] = &[
    "Compiling ",
    "Checking ",
    "Downloading ",
    "Downloaded ",
    "Updating ",
    "Locking ",
    "Adding ",
    "Removing ",
    "Fresh ",
    "Blocking ",
];

/// Keep at most this many lines of cargo output in a failure message.
const MAX_ERROR_LINES: usize = 150;

/// The cargo that runs toolchain-builder (`$CARGO`), else `cargo`.
pub fn cargo_program() -> OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

/// The cargo binary to bundle: the one running toolchain-builder
/// (`$CARGO`), else rustup's for the default toolchain, else `cargo` on
/// `PATH` (a rustup proxy cannot work without rustup, so rustup comes
/// first).
pub fn cargo_binary(shell: Shell) -> anyhow::Result<PathBuf> {
    if let Some(cargo) = std::env::var_os("CARGO") {
        return Ok(PathBuf::from(cargo));
    }
    let mut which = clean_command("rustup");
    which.args(["which", "cargo"]);
    if let Ok(out) = shell.capture(&mut which, Duration::from_secs(30)) {
        if out.succeeded() {
            return Ok(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()));
        }
    }
    find_program("cargo").context("no cargo found to bundle (set CARGO to a cargo binary)")
}

/// How a failed cargo run is described.
pub struct Failure<'a> {
    /// The stage's name.
    pub stage: &'static str,
    /// Where to save the full output.
    pub log: &'a Path,
    /// The summary, given the exit status and the output lines.
    pub summarize: &'a dyn Fn(ExitStatus, &[String]) -> Summary,
}

/// What a failed cargo run is reported as.
pub struct Summary {
    /// The one-line reason ([`StageError::summary`]).
    pub line: String,
    /// Lines shown before cargo's own output (may be empty).
    pub preface: Vec<String>,
}

impl Summary {
    /// A summary with no preface.
    pub fn line(line: String) -> Self {
        Self {
            line,
            preface: Vec::new(),
        }
    }
}

/// [`run`] for a plain `cargo build` into `target_dir`: its output is
/// saved as `target_dir/cargo-build.log` on failure, summarized as `cargo
/// build failed (STATUS)`.
pub fn build(
    cmd: &mut Command,
    label: &str,
    stage: &'static str,
    target_dir: &Path,
    shell: Shell,
) -> Result<Vec<String>, StageError> {
    let log = target_dir.join("cargo-build.log");
    let summarize = |status, _: &[String]| Summary::line(format!("cargo build failed ({status})"));
    let failure = Failure {
        stage,
        log: &log,
        summarize: &summarize,
    };
    run(cmd, label, &failure, shell)
}

/// Runs `cmd` (a cargo build) under a spinner labelled `label`. Returns all
/// output lines (stderr, then stdout) on success.
pub fn run(
    cmd: &mut Command,
    label: &str,
    failure: &Failure<'_>,
    shell: Shell,
) -> Result<Vec<String>, StageError> {
    let step = Step::spinner(label);
    let streamed = shell.stream_stderr(cmd, |line| {
        let line = line.trim();
        if !line.is_empty() {
            step.log_line(line);
        }
    });
    let error = |summary: String, output: String| StageError {
        stage: failure.stage,
        summary,
        command: describe(cmd),
        output,
    };
    let streamed = match streamed {
        Ok(streamed) => streamed,
        Err(err) => return Err(error(format!("cannot run cargo: {err}"), String::new())),
    };
    if !streamed.status.success() {
        let lines: Vec<String> = streamed
            .lines
            .into_iter()
            .filter(|line| !is_json_message(line))
            .collect();
        let saved = failure
            .log
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(failure.log, lines.join("\n")));
        let summary = (failure.summarize)(streamed.status, &lines);
        let mut output = summary.preface.join("\n");
        if !output.is_empty() {
            output.push('\n');
        }
        output.push_str(&relevant_output(&lines));
        if saved.is_ok() {
            output.push_str(&format!("\n(full output: {})", failure.log.display()));
        }
        return Err(error(summary.line, output));
    }
    step.finish("done");
    Ok(streamed.lines)
}

/// Whether a line is one of cargo's `--message-format=json` messages.
pub fn is_json_message(line: &str) -> bool {
    line.starts_with("{\"reason\":")
}

/// Cargo's output without its progress lines and without warnings (a
/// warning's block runs to the next blank line or diagnostic), cut to
/// [`MAX_ERROR_LINES`].
pub fn relevant_output(lines: &[String]) -> String {
    let mut in_warning = false;
    let mut relevant: Vec<&str> = Vec::new();
    for line in lines.iter().map(String::as_str) {
        let trimmed = line.trim_start();
        if trimmed.starts_with("warning") {
            in_warning = true;
        } else if trimmed.starts_with("error") {
            in_warning = false;
        } else if in_warning && trimmed.is_empty() {
            in_warning = false;
            continue;
        }
        let progress = CARGO_PROGRESS.iter().any(|p| trimmed.starts_with(p));
        if !in_warning && !progress {
            relevant.push(line);
        }
    }
    let mut text = relevant
        .iter()
        .take(MAX_ERROR_LINES)
        .copied()
        .collect::<Vec<_>>()
        .join("\n");
    if relevant.len() > MAX_ERROR_LINES {
        text.push_str(&format!(
            "\n... ({} more lines)",
            relevant.len() - MAX_ERROR_LINES
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relevant_output_drops_progress_lines_and_truncates() {
        let mut lines: Vec<String> = vec![
            "   Compiling cranelift v0.130.0".into(),
            "error[E0425]: cannot find value `x`".into(),
        ];
        lines.extend((0..200).map(|i| format!("line {i}")));
        let text = relevant_output(&lines);
        assert!(text.starts_with("error[E0425]"));
        assert!(!text.contains("Compiling"));
        assert!(text.ends_with("... (51 more lines)"));
    }

    #[test]
    fn relevant_output_drops_warning_blocks() {
        let lines: Vec<String> = [
            "warning: unused variable: `x`",
            " --> src/lib.rs:1:5",
            "",
            "error: the clif backend does not support `#[link_section]` yet",
            " --> std/src/lib.rs:2:1",
            "",
            "warning: `std` (lib) generated 1 warning",
            "error: could not compile `std` (lib) due to 1 previous error",
        ]
        .map(str::to_owned)
        .to_vec();
        assert_eq!(
            relevant_output(&lines),
            "error: the clif backend does not support `#[link_section]` yet\n \
             --> std/src/lib.rs:2:1\n\nerror: could not compile `std` (lib) due to 1 previous \
             error"
        );
    }

    #[test]
    fn json_messages_are_recognised() {
        assert!(is_json_message(
            r#"{"reason":"compiler-artifact","package_id":"x"}"#
        ));
        assert!(!is_json_message("error: could not compile `core`"));
    }

    #[test]
    fn a_failed_run_saves_the_log_and_names_the_stage() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let log = tmp.path().join("logs/cargo.log");
        let mut cmd = Command::new("sh");
        cmd.args([
            "-c",
            "echo '   Compiling x' >&2; echo 'error: boom' >&2; exit 101",
        ]);
        let summarize = |status: ExitStatus, lines: &[String]| Summary {
            line: format!("failed ({status}, {} lines)", lines.len()),
            preface: vec!["first".to_owned()],
        };
        let err = run(
            &mut cmd,
            "testing",
            &Failure {
                stage: "test-stage",
                log: &log,
                summarize: &summarize,
            },
            Shell { verbose: false },
        )
        .expect_err("fails");
        assert_eq!(err.stage, "test-stage");
        assert_eq!(err.summary, "failed (exit status: 101, 2 lines)");
        assert!(
            err.output.starts_with("first\nerror: boom\n(full output: "),
            "{}",
            err.output
        );
        let saved = std::fs::read_to_string(&log).expect("log saved");
        assert_eq!(saved, "   Compiling x\nerror: boom");
    }
}
