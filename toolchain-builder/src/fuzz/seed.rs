//! One seed from generation to verdict: rustlantis generates the program,
//! the reference (the base rustc with LLVM, `-Copt-level=0`) and our
//! compilers (the toolchain's `bin/rustc` at `-Copt-level=0` and `3`)
//! compile it, the three binaries run and ours are compared with the
//! reference (exit status, stdout and stderr, see [`crate::difftest::compare`]).
//!
//! Everything happens in `BUILD_DIR/fuzz/work/<seed>/`. A seed that passes
//! leaves nothing behind; any other outcome (a difference, a compile failure
//! or crash of ours, a time-out, and also a generator or reference failure,
//! which are not our backend's fault but must not go unnoticed) moves the
//! directory to `BUILD_DIR/fuzz/<seed>/`: `prog.rs`, one `<compiler>.out`
//! per binary that ran (status, stdout, stderr), one `<compiler>.compile.log`
//! per compile, and `reason.txt`.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use super::generator::Generator;
use crate::difftest::case::Verdict;
use crate::difftest::compare::{compare, Run};
use crate::process::{clean_command, Captured, Shell};

/// Compiling one program may take this long.
const COMPILE_TIMEOUT: Duration = Duration::from_secs(300);
/// Running one program may take this long: generated programs terminate,
/// a miscompiled one may loop.
const RUN_TIMEOUT: Duration = Duration::from_secs(10);

/// Markers of a compiler crash rather than a clean error.
const ICE_MARKERS: &[&str] = &["panicked", "internal compiler error"];

/// A rustc with the flags of one configuration (`llvm-O0`, `clif-O3`...).
#[derive(Debug, Clone)]
pub struct Compiler {
    /// Names the binary and its files in the seed's directory.
    pub name: &'static str,
    pub rustc: PathBuf,
    pub args: Vec<OsString>,
    pub env: Vec<(&'static str, OsString)>,
}

impl Compiler {
    fn command(&self, source: &Path, binary: &Path) -> Command {
        let mut cmd = clean_command(&self.rustc);
        cmd.arg(source).arg("-o").arg(binary).args(&self.args);
        own_process_group(&mut cmd);
        for (key, value) in &self.env {
            cmd.env(key, value);
        }
        cmd
    }
}

/// What every seed is run with.
pub struct Setup {
    pub generator: Generator,
    /// The LLVM reference.
    pub reference: Compiler,
    /// Our configurations, each compared with the reference.
    pub ours: Vec<Compiler>,
    /// `BUILD_DIR/fuzz/work/`: one directory per seed being run.
    pub work_dir: PathBuf,
    /// `BUILD_DIR/fuzz/`: where the directories of failed seeds are kept.
    pub keep_dir: PathBuf,
    pub shell: Shell,
}

impl Setup {
    /// Where a failed seed's files are kept.
    pub fn kept(&self, seed: u64) -> PathBuf {
        self.keep_dir.join(seed.to_string())
    }
}

/// Runs one seed to its verdict (an I/O error of the harness itself is a
/// failure too).
pub fn run(setup: &Setup, seed: u64) -> Verdict {
    let dir = setup.work_dir.join(seed.to_string());
    let kept = setup.kept(seed);
    let verdict = match fresh_dir(&dir).and_then(|()| remove_dir(&kept)) {
        Ok(()) => check(setup, seed, &dir).unwrap_or_else(|err| {
            Verdict::fail(format!("harness error in {}: {err}", dir.display()))
        }),
        Err(err) => Verdict::fail(format!("cannot prepare {}: {err}", dir.display())),
    };
    let kept_or_removed = match &verdict {
        Verdict::Pass | Verdict::Skip(_) => remove_dir(&dir),
        Verdict::Fail { reason, details } => keep(&dir, &kept, reason, details),
    };
    match kept_or_removed {
        Ok(()) => verdict,
        Err(err) => Verdict::fail(format!(
            "cannot keep or remove {}: {err} (verdict: {})",
            dir.display(),
            match verdict {
                Verdict::Pass => "passed".to_owned(),
                Verdict::Skip(reason) | Verdict::Fail { reason, .. } => reason,
            }
        )),
    }
}

/// Generates, compiles, runs and compares in `dir`.
fn check(setup: &Setup, seed: u64, dir: &Path) -> io::Result<Verdict> {
    let generated = setup.generator.generate(seed, setup.shell)?;
    if !generated.succeeded() {
        std::fs::write(dir.join("generate.log"), log_text(&generated))?;
        return Ok(Verdict::fail(format!(
            "the generator failed ({}); not a backend bug, see generate.log",
            generated.outcome
        )));
    }
    let source = dir.join("prog.rs");
    std::fs::write(&source, &generated.stdout)?;

    let reference = match compile(setup, &setup.reference, &source, dir)? {
        Ok(binary) => execute(setup, &setup.reference, &binary, dir)?,
        Err(failure) => {
            return Ok(Verdict::fail(format!(
                "{failure}; the reference rejects the program: not a backend bug"
            )))
        }
    };
    let mut problems = Vec::new();
    let mut details = Vec::new();
    for compiler in &setup.ours {
        let binary = match compile(setup, compiler, &source, dir)? {
            Ok(binary) => binary,
            Err(failure) => {
                problems.push(failure);
                continue;
            }
        };
        let ours = execute(setup, compiler, &binary, dir)?;
        if let Err(mismatch) = compare(&reference, &ours) {
            // The comparison calls the reference `llvm` and ours `clif`.
            problems.push(format!("{}: {}", compiler.name, mismatch.reason));
            details.push(format!("{}:", compiler.name));
            details.extend(mismatch.details);
        }
    }
    if problems.is_empty() {
        Ok(Verdict::Pass)
    } else {
        Ok(Verdict::Fail {
            reason: problems.join("; "),
            details,
        })
    }
}

/// Compiles `source` with `compiler` into `dir/<name>`, logging to
/// `dir/<name>.compile.log`; `Err` describes a failed or crashed compile.
fn compile(
    setup: &Setup,
    compiler: &Compiler,
    source: &Path,
    dir: &Path,
) -> io::Result<Result<PathBuf, String>> {
    let binary = dir.join(compiler.name);
    let mut cmd = compiler.command(source, &binary);
    let out = setup.shell.capture(&mut cmd, COMPILE_TIMEOUT)?;
    let log = format!("$ {}\n{}", crate::process::describe(&cmd), log_text(&out));
    std::fs::write(dir.join(format!("{}.compile.log", compiler.name)), log)?;
    if out.succeeded() {
        return Ok(Ok(binary));
    }
    let stderr = out.stderr_text();
    let how = match ICE_MARKERS.iter().find(|m| stderr.contains(*m)) {
        Some(marker) => format!("crashed (stderr says \"{marker}\")"),
        None => "failed".to_owned(),
    };
    Ok(Err(format!(
        "{} compile {how} ({}), see {}.compile.log",
        compiler.name, out.outcome, compiler.name
    )))
}

/// Runs a compiled program and writes `dir/<name>.out`.
fn execute(setup: &Setup, compiler: &Compiler, binary: &Path, dir: &Path) -> io::Result<Run> {
    let mut cmd = Command::new(binary);
    cmd.current_dir(dir);
    own_process_group(&mut cmd);
    let out = setup.shell.capture(&mut cmd, RUN_TIMEOUT)?;
    std::fs::write(dir.join(format!("{}.out", compiler.name)), log_text(&out))?;
    Ok(Run::from(out))
}

/// Puts `cmd` in a process group of its own, so that a Ctrl-C in the
/// terminal interrupts the fuzzer (which then lets the seeds under way
/// finish) but not the compilers and programs it runs.
pub fn own_process_group(cmd: &mut Command) {
    use std::os::unix::process::CommandExt as _;
    cmd.process_group(0);
}

/// A captured program as text: its status, stdout and stderr.
fn log_text(out: &Captured) -> String {
    format!(
        "status: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        out.outcome,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Writes `reason.txt` and moves the seed's directory to `kept`.
fn keep(dir: &Path, kept: &Path, reason: &str, details: &[String]) -> io::Result<()> {
    let mut text = format!("{reason}\n");
    for line in details {
        let _ = writeln!(text, "{line}");
    }
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("reason.txt"), text)?;
    std::fs::rename(dir, kept)
}

/// An empty directory at `dir`.
fn fresh_dir(dir: &Path) -> io::Result<()> {
    remove_dir(dir)?;
    std::fs::create_dir_all(dir)
}

/// Removes `dir` and everything in it, if it exists.
fn remove_dir(dir: &Path) -> io::Result<()> {
    match std::fs::remove_dir_all(dir) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::Outcome;

    #[test]
    fn logs_show_status_stdout_and_stderr() {
        let out = Captured {
            outcome: Outcome::Exited(3),
            stdout: b"1234\n".to_vec(),
            stderr: b"oops\n".to_vec(),
        };
        assert_eq!(
            log_text(&out),
            "status: exit code 3\n--- stdout ---\n1234\n\n--- stderr ---\noops\n"
        );
    }

    #[test]
    fn a_kept_seed_has_its_reason_and_replaces_an_old_one() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("work/7");
        let kept = tmp.path().join("7");
        fresh_dir(&dir).expect("fresh");
        std::fs::write(dir.join("prog.rs"), "fn main() {}").expect("write");
        keep(&dir, &kept, "clif-O3: stdout differs", &["line".to_owned()]).expect("keep");
        assert!(!dir.exists());
        assert_eq!(
            std::fs::read_to_string(kept.join("reason.txt")).expect("read"),
            "clif-O3: stdout differs\nline\n"
        );
        remove_dir(&kept).expect("remove");
        remove_dir(&kept).expect("removing twice is fine");
        assert!(!kept.exists());
    }
}
