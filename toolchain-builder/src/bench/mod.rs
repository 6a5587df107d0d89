//! The `bench` command: how the clif toolchain compares with the LLVM
//! backend of the same base rustc, on the workspace `bench/`.
//!
//! - **Compile time**: every crate set (a binary package `bench-NAME` of
//!   `bench/`) is built from an empty target dir, in each repetition three
//!   times in turn: `cargo build` with the clif toolchain, `cargo build` with
//!   the base rustc and LLVM (the flags the clif toolchain adds, spelled out
//!   as the cargo suite does, see [`LLVM_RUSTFLAGS`]) and `cargo check` with
//!   the base rustc (the floor). Wall seconds and CPU seconds (user + sys of
//!   the cargo process tree, from `getrusage(RUSAGE_CHILDREN)` before and
//!   after, see [`measure`]) per build; the report has their medians, the
//!   ratio clif/LLVM and the backend share (see [`stats`]).
//! - **Run time**: the package `bench-runtime` (CPU-bound programs printing
//!   a checksum) is built by both toolchains in the dev and the release
//!   profile; each binary runs once per repetition, clif and LLVM in turn.
//!   Both must print the same output; a difference is a failure, not a
//!   number.
//! - **Speed levers** (not with `--quick`): every crate set is built once
//!   more per repetition for each of [`LEVERS`], a clif build with one
//!   setting changed from its default; levers that change the code also
//!   build and run the run-time programs (dev profile).
//! - **Breakdown**: after the repetitions, one more clif build per crate
//!   set with the backend's `CLIF_TIMINGS` on, summed by [`breakdown`].
//!
//! The clif toolchain measured is assembled by the dist stage in
//! `build/bench/dist/` (unless `--dist-dir`), not in `dist/`: a `build`
//! running meanwhile would replace `dist/` halfway through a measurement.
//! Crates are fetched (`cargo fetch --locked`) before anything is timed.
//! Cargo's environment is the cargo suite's ([`cargo_command`]); the
//! backend's tuning variables ([`BACKEND_ENV`]) are removed so that its
//! defaults are measured. Output: `build/bench/results.json` (every sample),
//! `build/bench/BENCHMARKS.md` and, unless `--quick`, `BENCHMARKS.md` at the
//! repository root ([`report`]); target dirs and logs in `build/bench/`.

mod breakdown;
mod levers;
mod machine;
mod report;
mod stats;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _};
use breakdown::Breakdown;
use levers::LEVERS;

use crate::base::BaseToolchain;
use crate::cargo_suite::{cargo_command, LLVM_RUSTFLAGS};
use crate::difftest::compare::{compare, Run};
use crate::exit::Exit;
use crate::layout::Layout;
use crate::process::{clean_command, describe, Captured, Outcome, Shell};
use crate::progress::{self, Step};
use crate::stages::cargo::relevant_output;
use crate::stages::dist;
use crate::targets::TargetSpec;
use machine::{Machine, Toolchain};
use report::{BuildTimes, CompileResult, Results, RunTimes, RuntimeResult};

/// The compile-time crate sets, in report order (package `bench-NAME`).
const CRATES: &[&str] = &["hello", "regex", "serde", "syn", "rand", "clap"];
/// ... with `--quick`: the smallest and a mid-size one.
const QUICK_CRATES: &[&str] = &["hello", "regex"];
/// The package with the run-time programs.
const RUNTIME_PACKAGE: &str = "bench-runtime";
/// Its binaries, in report order.
const PROGRAMS: &[&str] = &["raytrace", "hashmap", "tokenize"];

/// Variables of the backend and the `bin/rustc` launcher (IR verifier,
/// register allocator, threads, linker, timings) that would change what is
/// measured; removed from cargo's environment.
const BACKEND_ENV: &[&str] = &[
    "CLIF_VERIFIER",
    "CLIF_REGALLOC",
    "CLIF_PARALLEL",
    "CLIF_LLD",
    "CLIF_TIMINGS",
];

/// One cargo command may take this long.
const CARGO_TIMEOUT: Duration = Duration::from_secs(30 * 60);
/// One run of a benchmark program may take this long.
const RUN_TIMEOUT: Duration = Duration::from_secs(10 * 60);
/// A failure message keeps at most this many lines of cargo's output.
const MAX_ERROR_LINES: usize = 40;

/// What to run the benchmarks with.
pub struct Bench<'a> {
    pub layout: &'a Layout,
    /// The base toolchain (LLVM and `cargo check`).
    pub base: &'a BaseToolchain,
    /// The clif toolchain.
    pub toolchain: &'a dist::Outputs,
    pub target: &'a TargetSpec,
    /// Repetitions of every measurement.
    pub reps: usize,
    /// Only [`QUICK_CRATES`]; the report is not copied to the repository.
    pub quick: bool,
    /// `-j` for cargo (`None`: cargo's default).
    pub jobs: Option<u32>,
    /// The command line that reproduces this run, for the report.
    pub command: String,
    pub shell: Shell,
}

/// The three builds of the compile-time benchmark (the first two also
/// build the run-time programs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `cargo build` with the clif toolchain.
    Clif,
    /// `cargo build` with the base rustc and LLVM.
    Llvm,
    /// `cargo check` with the base rustc.
    Check,
    /// `cargo build` with the clif toolchain and one lever changed
    /// (an index into [`LEVERS`]).
    Lever(usize),
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Clif => "clif",
            Kind::Llvm => "llvm",
            Kind::Check => "check",
            Kind::Lever(index) => LEVERS[index].slug,
        }
    }

    fn subcommand(self) -> &'static str {
        match self {
            Kind::Check => "check",
            Kind::Clif | Kind::Llvm | Kind::Lever(_) => "build",
        }
    }
}

/// The two profiles of the run-time benchmark.
#[derive(Debug, Clone, Copy)]
enum Profile {
    Debug,
    Release,
}

impl Profile {
    /// The directory under the target dir.
    fn dir(self) -> &'static str {
        match self {
            Profile::Debug => "debug",
            Profile::Release => "release",
        }
    }

    fn cargo_args(self) -> &'static [&'static str] {
        match self {
            Profile::Debug => &[],
            Profile::Release => &["--release"],
        }
    }
}

/// A program that ran, with its wall and CPU seconds.
struct Measured {
    captured: Captured,
    wall: f64,
    cpu: f64,
}

/// Runs `cmd` (capturing its output) and measures it: wall time, and the
/// CPU time (user + sys) of it and every descendant it waited for, as the
/// growth of `getrusage(RUSAGE_CHILDREN)` across the run. That is exact as
/// long as no other child of this process ends meanwhile, which holds here:
/// the benchmarks run one program at a time.
fn measure(shell: Shell, cmd: &mut Command, timeout: Duration) -> std::io::Result<Measured> {
    let cpu_before = children_cpu_seconds()?;
    let started = Instant::now();
    let captured = shell.capture(cmd, timeout)?;
    let wall = started.elapsed().as_secs_f64();
    let cpu = children_cpu_seconds()? - cpu_before;
    Ok(Measured {
        captured,
        wall,
        cpu,
    })
}

/// User + sys seconds of this process's terminated and waited-for children
/// (and their waited-for descendants).
fn children_cpu_seconds() -> std::io::Result<f64> {
    // SAFETY: `rusage` is plain old data; all zeroes is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `usage` is a valid, writable `rusage` for the call.
    if unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Ok(seconds(usage.ru_utime) + seconds(usage.ru_stime))
}

impl Bench<'_> {
    /// `cargo <args> --locked` in `bench/` for `kind`: the clif toolchain,
    /// or the base rustc with the LLVM side's flags and `RUSTC_BOOTSTRAP=1`.
    fn cargo(&self, kind: Kind, args: &[&str]) -> Command {
        let (rustc, rustflags) = match kind {
            Kind::Clif | Kind::Lever(_) => (&self.toolchain.rustc, &[][..]),
            Kind::Llvm | Kind::Check => (&self.base.rustc, LLVM_RUSTFLAGS),
        };
        let mut cmd = cargo_command(&self.layout.bench_dir(), self.target, rustc, rustflags);
        for var in BACKEND_ENV {
            cmd.env_remove(var);
        }
        match kind {
            Kind::Llvm | Kind::Check => {
                cmd.env("RUSTC_BOOTSTRAP", "1");
            }
            Kind::Lever(index) => {
                cmd.envs(LEVERS[index].env.iter().copied());
            }
            Kind::Clif => {}
        }
        cmd.args(args).arg("--locked");
        if let Some(jobs) = self.jobs {
            cmd.arg(format!("--jobs={jobs}"));
        }
        cmd
    }

    /// A cargo build of `args` for `kind` into an empty `target_dir`,
    /// measured under a progress step; its log goes to `logs/<log>.log`.
    /// `Ok(Err(why))` if cargo failed.
    fn build(
        &self,
        label: &str,
        (kind, env): (Kind, &[(&str, &Path)]),
        args: &[&str],
        target_dir: &Path,
        log: &str,
    ) -> anyhow::Result<Result<Measured, String>> {
        if target_dir.exists() {
            std::fs::remove_dir_all(target_dir)
                .with_context(|| format!("cannot remove {}", target_dir.display()))?;
        }
        std::fs::create_dir_all(target_dir)
            .with_context(|| format!("cannot create {}", target_dir.display()))?;
        let mut cmd = self.cargo(kind, args);
        cmd.envs(env.iter().copied());
        cmd.arg("--target-dir").arg(target_dir);
        let step = Step::spinner(label);
        let measured = measure(self.shell, &mut cmd, CARGO_TIMEOUT).context("cannot run cargo")?;
        let log = self.out_dir().join("logs").join(format!("{log}.log"));
        let captured = &measured.captured;
        let text = format!(
            "command: {}\noutcome: {}\nwall: {:.3} s, cpu: {:.3} s\n\n--- stderr ---\n{}\n--- \
             stdout ---\n{}",
            describe(&cmd),
            captured.outcome,
            measured.wall,
            measured.cpu,
            captured.stderr_text(),
            String::from_utf8_lossy(&captured.stdout),
        );
        write(&log, &text)?;
        if !captured.succeeded() {
            step.finish(&format!("failed ({})", captured.outcome));
            let lines: Vec<String> = captured.stderr_text().lines().map(str::to_owned).collect();
            let relevant = relevant_output(&lines);
            let mut why = format!(
                "`cargo {}` ({}) failed with {}:\n",
                args.join(" "),
                kind.name(),
                captured.outcome
            );
            for line in relevant.lines().take(MAX_ERROR_LINES) {
                why.push_str(line);
                why.push('\n');
            }
            why.push_str(&format!("(log: {})", log.display()));
            return Ok(Err(why));
        }
        step.finish(&format!(
            "{:.2} s wall, {:.2} s CPU",
            measured.wall, measured.cpu
        ));
        Ok(Ok(measured))
    }

    /// `build/bench/`.
    fn out_dir(&self) -> PathBuf {
        self.layout.bench_out_dir()
    }

    /// `cargo fetch --locked`, so that no download is timed.
    fn fetch(&self) -> anyhow::Result<()> {
        let mut cmd = self.cargo(Kind::Llvm, &["fetch"]);
        let step = Step::spinner("cargo fetch (bench/)");
        let captured = self
            .shell
            .capture(&mut cmd, CARGO_TIMEOUT)
            .context("cannot run cargo fetch")?;
        if !captured.succeeded() {
            let lines: Vec<String> = captured.stderr_text().lines().map(str::to_owned).collect();
            bail!(
                "`cargo fetch --locked` in {} failed ({}); the benchmarks need crates.io or \
                 a filled cargo cache:\n{}",
                self.layout.bench_dir().display(),
                captured.outcome,
                relevant_output(&lines)
            );
        }
        step.finish("done");
        Ok(())
    }

    /// The compile-time benchmarks of `crates`.
    fn compile(&self, crates: &[&str]) -> anyhow::Result<Vec<CompileResult>> {
        let mut results: Vec<CompileResult> = crates
            .iter()
            .map(|name| CompileResult {
                name: (*name).to_owned(),
                package: format!("bench-{name}"),
                ..CompileResult::default()
            })
            .collect();
        let levers = if self.quick { 0 } else { LEVERS.len() };
        let kinds: Vec<Kind> = [Kind::Clif, Kind::Llvm, Kind::Check]
            .into_iter()
            .chain((0..levers).map(Kind::Lever))
            .collect();
        for rep in 1..=self.reps {
            for result in &mut results {
                for &kind in &kinds {
                    // A failed build would fail again; its crate is done.
                    if result.error.is_some() {
                        break;
                    }
                    let label = format!(
                        "[{rep}/{}] {}: cargo {} ({})",
                        self.reps,
                        result.name,
                        kind.subcommand(),
                        kind.name()
                    );
                    let target_dir = self
                        .out_dir()
                        .join("target")
                        .join(&result.name)
                        .join(kind.name());
                    let args = [kind.subcommand(), "-p", &result.package];
                    let log = format!("{}-{}", result.name, kind.name());
                    match self.build(&label, (kind, &[]), &args, &target_dir, &log)? {
                        Ok(measured) => {
                            let times: &mut BuildTimes = match kind {
                                Kind::Clif => &mut result.clif,
                                Kind::Llvm => &mut result.llvm,
                                Kind::Check => &mut result.check,
                                Kind::Lever(index) => result
                                    .levers
                                    .entry(LEVERS[index].name.to_owned())
                                    .or_default(),
                            };
                            times.wall_s.push(measured.wall);
                            times.cpu_s.push(measured.cpu);
                        }
                        Err(why) => result.error = Some(why),
                    }
                }
                result.update_ratios();
            }
        }
        for result in results.iter_mut().filter(|r| r.error.is_none()) {
            match self.profile(&result.name, &result.package)? {
                Ok(breakdown) => result.breakdown = Some(breakdown),
                Err(why) => result.error = Some(why),
            }
        }
        Ok(results)
    }

    /// One more clif build of `package`, with the backend's timings on
    /// (`CLIF_TIMINGS`), summed into a [`Breakdown`].
    fn profile(&self, name: &str, package: &str) -> anyhow::Result<Result<Breakdown, String>> {
        let timings = self.out_dir().join("timings").join(format!("{name}.jsonl"));
        if timings.exists() {
            std::fs::remove_file(&timings)
                .with_context(|| format!("cannot remove {}", timings.display()))?;
        }
        std::fs::create_dir_all(timings.parent().expect("a file in a directory"))
            .with_context(|| format!("cannot create the directory of {}", timings.display()))?;
        let target_dir = self.out_dir().join("target").join(name).join("profile");
        let label = format!("{name}: cargo build (clif, CLIF_TIMINGS)");
        let env: &[(&str, &Path)] = &[("CLIF_TIMINGS", &timings)];
        let args = ["build", "-p", package];
        let log = format!("{name}-profile");
        Ok(
            match self.build(&label, (Kind::Clif, env), &args, &target_dir, &log)? {
                Ok(measured) => Ok(Breakdown::read(&timings, measured.cpu)?),
                Err(why) => Err(why),
            },
        )
    }

    /// The run-time benchmarks: builds `bench-runtime` four times, then runs
    /// every program.
    fn runtime(&self) -> anyhow::Result<Vec<RuntimeResult>> {
        let mut results: Vec<RuntimeResult> = PROGRAMS
            .iter()
            .map(|name| RuntimeResult {
                name: (*name).to_owned(),
                ..RuntimeResult::default()
            })
            .collect();
        // Per program: the run every other run must match.
        let mut references: Vec<Option<Run>> = vec![None; PROGRAMS.len()];
        for profile in [Profile::Debug, Profile::Release] {
            // Levers that change the code are measured in the dev profile.
            let levers = LEVERS
                .iter()
                .enumerate()
                .filter(|(_, lever)| {
                    lever.changes_code && !self.quick && matches!(profile, Profile::Debug)
                })
                .map(|(index, _)| Kind::Lever(index));
            let kinds: Vec<Kind> = [Kind::Llvm, Kind::Clif].into_iter().chain(levers).collect();
            let mut dirs = Vec::new();
            for &kind in &kinds {
                let target_dir = self.out_dir().join("runtime").join(format!(
                    "{}-{}",
                    kind.name(),
                    profile.dir()
                ));
                let args = [&["build", "-p", RUNTIME_PACKAGE], profile.cargo_args()].concat();
                let label = format!(
                    "{RUNTIME_PACKAGE}: cargo build {} ({})",
                    profile.dir(),
                    kind.name()
                );
                let log = format!("runtime-{}-{}", kind.name(), profile.dir());
                match self.build(&label, (kind, &[]), &args, &target_dir, &log)? {
                    Ok(_) => dirs.push((kind, target_dir.join(profile.dir()))),
                    Err(why) => {
                        for result in results.iter_mut().filter(|r| r.error.is_none()) {
                            result.error = Some(why.clone());
                        }
                    }
                }
            }
            if dirs.len() != kinds.len() {
                continue;
            }
            for (index, result) in results.iter_mut().enumerate() {
                if result.error.is_some() {
                    continue;
                }
                let times = match profile {
                    Profile::Debug => &mut result.debug,
                    Profile::Release => &mut result.release,
                };
                let outcome =
                    self.run_program(&result.name, profile, &dirs, times, &mut references[index]);
                if let Err(why) = outcome {
                    result.error = Some(why);
                }
                result.output = references[index].as_ref().and_then(|run| {
                    let stdout = String::from_utf8_lossy(&run.stdout);
                    stdout.lines().next().map(str::to_owned)
                });
            }
        }
        Ok(results)
    }

    /// Runs program `name` of every build (LLVM first) `reps` times each,
    /// in turn, recording wall seconds in `times`; every run must succeed
    /// and print what the `reference` run printed (the program's first run,
    /// LLVM debug; set here if there is none yet).
    fn run_program(
        &self,
        name: &str,
        profile: Profile,
        dirs: &[(Kind, PathBuf)],
        times: &mut RunTimes,
        reference: &mut Option<Run>,
    ) -> Result<(), String> {
        for rep in 1..=self.reps {
            for (kind, dir) in dirs {
                let kind = *kind;
                let label = format!(
                    "[{rep}/{}] {name} {} ({})",
                    self.reps,
                    profile.dir(),
                    kind.name()
                );
                let step = Step::spinner(&label);
                let mut cmd = clean_command(dir.join(name));
                let measured = measure(self.shell, &mut cmd, RUN_TIMEOUT)
                    .map_err(|err| format!("cannot run {}: {err}", dir.join(name).display()))?;
                let stderr = measured.captured.stderr_text();
                let run = Run {
                    outcome: measured.captured.outcome,
                    stdout: measured.captured.stdout,
                    stderr: measured.captured.stderr,
                };
                step.finish(&format!("{:.2} s", measured.wall));
                if run.outcome != Outcome::Exited(0) {
                    return Err(format!(
                        "the {} {} binary ended with {}: {}",
                        kind.name(),
                        profile.dir(),
                        run.outcome,
                        stderr.trim()
                    ));
                }
                let Some(reference) = reference.as_ref() else {
                    *reference = Some(run);
                    times.llvm_s.push(measured.wall);
                    continue;
                };
                if let Err(mismatch) = compare(reference, &run) {
                    let mut why = format!(
                        "the {} {} binary does not print what the llvm debug binary printed: {}",
                        kind.name(),
                        profile.dir(),
                        mismatch.reason
                    );
                    for line in mismatch.details {
                        why.push('\n');
                        why.push_str(&line);
                    }
                    return Err(why);
                }
                match kind {
                    Kind::Clif => times.clif_s.push(measured.wall),
                    Kind::Lever(index) => times
                        .levers
                        .entry(LEVERS[index].name.to_owned())
                        .or_default()
                        .push(measured.wall),
                    Kind::Llvm | Kind::Check => times.llvm_s.push(measured.wall),
                }
            }
        }
        times.update_ratio();
        Ok(())
    }
}

/// Writes `text` to `path`, creating its directory.
fn write(path: &Path, text: &str) -> anyhow::Result<()> {
    path.parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| std::fs::write(path, text))
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Runs the benchmarks, writes the reports and prints the Markdown one.
/// Exits with [`Exit::TestsFailed`] if a build failed or two outputs
/// differ (after writing the reports, which list the failures).
pub fn run(bench: &Bench<'_>) -> anyhow::Result<Exit> {
    let out = bench.out_dir();
    let mut machine = Machine::probe();
    let toolchain = Toolchain::probe(
        &bench.layout.repo,
        &bench.base.version_info,
        &bench.toolchain.dir,
        bench.shell,
    );
    let date = machine::utc_now(bench.shell);
    progress::note(format!(
        "benchmarking {} with {} repetition(s) on {} CPUs; output in {}",
        bench.toolchain.rustc.display(),
        bench.reps,
        machine.nproc,
        out.display()
    ));
    bench.fetch()?;
    let crates = if bench.quick { QUICK_CRATES } else { CRATES };
    let compile = bench.compile(crates)?;
    let runtime = bench.runtime()?;
    machine.load_after = machine::load_average();
    let mut results = Results {
        date,
        command: bench.command.clone(),
        reps: bench.reps,
        jobs: bench.jobs,
        quick: bench.quick,
        machine,
        toolchain,
        compile,
        compile_median: Default::default(),
        runtime,
        runtime_median: Default::default(),
    };
    results.update_medians();
    let json = serde_json::to_string_pretty(&results).context("cannot serialize the results")?;
    write(&out.join("results.json"), &json)?;
    let markdown = report::markdown(&results);
    write(&out.join("BENCHMARKS.md"), &markdown)?;
    let mut written = vec![out.join("results.json"), out.join("BENCHMARKS.md")];
    if !bench.quick {
        let root = bench.layout.repo.join("BENCHMARKS.md");
        write(&root, &markdown)?;
        written.push(root);
    }
    println!("{markdown}");
    for path in written {
        progress::note(format!("wrote {}", path.display()));
    }
    let errors = results.errors();
    for (name, error) in &errors {
        progress::note(format!("{name} failed: {error}"));
    }
    Ok(if errors.is_empty() {
        Exit::Success
    } else {
        Exit::TestsFailed
    })
}
