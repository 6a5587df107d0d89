//! An application row: `cargo install NAME --version =VERSION --locked`
//! (so with the Cargo.lock the application publishes) in one profile,
//! once per side, into `BUILD_DIR/crater/apps/<side>/<profile>/NAME/`, then
//! each smoke command run by both builds in `tests/crater/smoke/` and
//! compared (stdout, stderr, exit status; [`compare`]).

use std::path::Path;
use std::time::{Duration, Instant};

use crate::cargo_suite::side::{CargoSide, Ran};
use crate::difftest::compare::{compare, Run};
use crate::process::{clean_command, Outcome as ProcessOutcome};

use super::classify::{self, Reason};
use super::corpus::{App, Profile, Row};
use super::report::{Outcome, RowResult};
use super::Suite;

/// One smoke command may run this long.
const SMOKE_TIMEOUT: Duration = Duration::from_secs(60);

/// Runs the row of `app` in `profile`.
pub fn run(suite: &Suite<'_>, app: &App, profile: Profile) -> RowResult {
    let started = Instant::now();
    let row = Row::App(app.clone(), profile);
    let mut result = suite.empty_result(&row);
    let [llvm, clif] = suite
        .sides
        .each_ref()
        .map(|cargo_side| install(suite, cargo_side, &row, app, profile));
    let built = |ran: &Result<Ran, String>| ran.as_ref().is_ok_and(|r| r.captured.succeeded());
    result.details = [&llvm, &clif]
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|r| format!("{} log: {}", r.side, r.log.display()))
        .collect();
    let build_summary = |ran: &Result<Ran, String>| match ran {
        Ok(ran) if ran.captured.succeeded() => "built".to_owned(),
        Ok(ran) => format!("build failed ({})", ran.captured.outcome),
        Err(err) => format!("not built ({err})"),
    };
    result.llvm = build_summary(&llvm);
    result.clif = build_summary(&clif);
    if !built(&llvm) {
        result.outcome = Outcome::NoReference;
        let stderr = llvm
            .as_ref()
            .map(|r| r.captured.stderr_text())
            .unwrap_or_default();
        let why = classify::at_build_time(&stderr).to_string();
        result.reasons = vec![format!(
            "the LLVM reference build failed ({})",
            why.trim_start_matches("bug: ")
        )];
    } else if !built(&clif) {
        result.outcome = Outcome::Differs;
        result.reasons = vec![match &clif {
            Ok(ran) if matches!(ran.captured.outcome, ProcessOutcome::TimedOut(_)) => {
                Reason::Bug(format!("`cargo install` {}", ran.captured.outcome)).to_string()
            }
            Ok(ran) => classify::at_build_time(&ran.captured.stderr_text()).to_string(),
            Err(err) => Reason::Bug(err.clone()).to_string(),
        }];
    } else {
        smoke(suite, app, profile, &mut result);
    }
    result.seconds = started.elapsed().as_secs();
    result
}

/// `cargo install` of `app` for one side and profile.
fn install(
    suite: &Suite<'_>,
    cargo_side: &CargoSide,
    row: &Row,
    app: &App,
    profile: Profile,
) -> Result<Ran, String> {
    let root = suite.app_root(cargo_side.name, profile, &app.name);
    let version = format!("={}", app.version);
    let mut args = vec![
        "install",
        &app.name,
        "--version",
        &version,
        "--force",
        "--root",
    ];
    let root_text = root.to_string_lossy();
    args.push(&root_text);
    if profile == Profile::Debug {
        args.push("--debug");
    }
    suite.run_cargo(row, cargo_side, &suite.out, &args)
}

/// Runs every smoke command with both builds and fills `result`.
fn smoke(suite: &Suite<'_>, app: &App, profile: Profile, result: &mut RowResult) {
    let dir = suite.layout.repo.join("tests").join("crater").join("smoke");
    let mut reasons = Vec::new();
    let mut statuses = [Vec::new(), Vec::new()];
    for command in &app.smoke {
        let runs = ["llvm", "clif"].map(|side| {
            let bin = suite
                .app_root(side, profile, &app.name)
                .join("bin")
                .join(&command[0]);
            run_smoke(suite, &bin, &command[1..], &dir)
        });
        for (status, run) in statuses.iter_mut().zip(&runs) {
            status.push(run.outcome.to_string());
        }
        if let Err(mismatch) = compare(&runs[0], &runs[1]) {
            let clif_output = format!(
                "{}\n{}",
                String::from_utf8_lossy(&runs[1].stderr),
                String::from_utf8_lossy(&runs[1].stdout)
            );
            reasons.push(classify::at_run_time(&clif_output));
            result
                .details
                .push(format!("`{}`: {}", command.join(" "), mismatch.reason));
            result.details.extend(mismatch.details);
        }
    }
    let [llvm, clif] = statuses.map(|s| format!("built; smoke: {}", s.join(", ")));
    result.llvm = llvm;
    result.clif = clif;
    reasons.sort();
    reasons.dedup();
    result.outcome = if reasons.is_empty() {
        Outcome::Same
    } else {
        Outcome::Differs
    };
    result.reasons = reasons.iter().map(Reason::to_string).collect();
}

/// Runs `bin args` in `dir` with a clean environment.
fn run_smoke(suite: &Suite<'_>, bin: &Path, args: &[String], dir: &Path) -> Run {
    let mut cmd = clean_command(bin);
    cmd.args(args).current_dir(dir).env("NO_COLOR", "1");
    match suite.shell.capture(&mut cmd, SMOKE_TIMEOUT) {
        Ok(captured) => Run {
            outcome: captured.outcome,
            stdout: captured.stdout,
            stderr: captured.stderr,
        },
        Err(err) => Run {
            outcome: ProcessOutcome::Exited(-1),
            stdout: Vec::new(),
            stderr: format!("cannot run {}: {err}", bin.display()).into_bytes(),
        },
    }
}
