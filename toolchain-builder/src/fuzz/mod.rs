//! The `fuzz` command: differential fuzzing with rustlantis, which
//! generates random UB-free, terminating, deterministic programs (custom
//! MIR). For every seed of a range, [`seed::run`] compiles the program with
//! the LLVM reference (the base rustc at `-Copt-level=0`) and with the
//! toolchain's `bin/rustc` at `-Copt-level=0` and `-Copt-level=3`, runs the
//! three binaries and compares ours with the reference. Seeds run on a
//! bounded number of threads; a failed seed is kept in `BUILD_DIR/fuzz/<seed>/`
//! and listed at the end, after `fuzz: N seeds, N passed, N differences`.
//!
//! Every compile uses `-Zmir-opt-level=0` (as rustlantis' own difftest does:
//! MIR optimisations would test rustc rather than the backend) and the
//! default panic strategy (unwind), with `RUSTC_BOOTSTRAP=1` for the programs' `#![feature(custom_mir,
//! core_intrinsics)]`. This module knows the compilers and the seeds, not
//! how the generator is built ([`generator`]).

mod generator;
mod seed;
mod seeds;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc;
use std::thread;

use anyhow::Context as _;

use crate::codegen::CodegenBackend;
use crate::difftest::case::Verdict;
use crate::difftest::side::compiler_env;
use crate::exit::Exit;
use crate::layout::Layout;
use crate::process::Shell;
use crate::progress::{self, Step};
use generator::Generator;
use seed::{Compiler, Setup};
pub use seeds::SeedRange;

/// Flags of every compile, reference and ours (`-Awarnings`: generated
/// programs draw a score of warnings that would only bury an error in the
/// compile logs).
const COMMON_FLAGS: &[&str] = &["-Zmir-opt-level=0", "-Cdebuginfo=0", "-Awarnings"];

/// The reference's extra flag, as in rustlantis' difftest: keeps LLVM from
/// hoisting stores through escaped allocas (rust-lang/rust#112213).
const REFERENCE_FLAGS: &[&str] = &["-Cllvm-args=-protect-from-escaped-allocas=true"];

/// What to fuzz with.
pub struct Fuzz<'a> {
    pub layout: &'a Layout,
    /// The base rustc (the LLVM reference).
    pub base_rustc: &'a Path,
    /// The toolchain's `bin/rustc`.
    pub toolchain_rustc: &'a Path,
    /// The backend the toolchain uses (LLVM in developer mode).
    pub clif_backend: CodegenBackend,
    /// The rustlantis checkout to build the generator from.
    pub rustlantis: &'a Path,
    pub seeds: SeedRange,
    /// Seeds run at the same time.
    pub jobs: usize,
    pub shell: Shell,
}

/// Set by SIGINT: start no more seeds.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

extern "C" fn on_interrupt(_signal: libc::c_int) {
    INTERRUPTED.store(true, Ordering::Relaxed);
}

/// Builds the generator, runs every seed and prints the summary; exits with
/// [`Exit::TestsFailed`] if any seed failed or the run was interrupted
/// (SIGINT: the seeds under way finish, no more start, and the summary
/// counts the seeds that ran).
pub fn run(fuzz: &Fuzz<'_>) -> anyhow::Result<Exit> {
    let fuzz_dir = fuzz.layout.build.join("fuzz");
    let generator = Generator::build(fuzz.rustlantis, &fuzz_dir, fuzz.shell)?;
    let setup = Setup {
        generator,
        reference: reference(fuzz.base_rustc),
        ours: ours(fuzz.toolchain_rustc, &fuzz.clif_backend),
        work_dir: fuzz_dir.join("work"),
        keep_dir: fuzz_dir,
        shell: fuzz.shell,
    };
    std::fs::create_dir_all(&setup.work_dir)
        .with_context(|| format!("cannot create {}", setup.work_dir.display()))?;
    println!(
        "fuzzing seeds {} ({} seeds, {} jobs): {} against {}, failed seeds kept in {}",
        fuzz.seeds,
        fuzz.seeds.len(),
        fuzz.jobs,
        names(&setup.ours),
        setup.reference.name,
        setup.keep_dir.display()
    );
    // SAFETY: the handler only stores to an atomic, which is
    // async-signal-safe.
    unsafe {
        libc::signal(
            libc::SIGINT,
            on_interrupt as *const () as libc::sighandler_t,
        );
    }
    let ran = run_seeds(&setup, &fuzz.seeds, fuzz.jobs);
    println!();
    for (seed, reason) in &ran.failed {
        println!("seed {seed}: {reason} ({})", setup.kept(*seed).display());
    }
    let interrupted = ran.seeds != fuzz.seeds.iter();
    if interrupted {
        println!(
            "fuzz: interrupted; seeds {}..{} ran, {}..{} did not",
            ran.seeds.start,
            ran.seeds.end,
            ran.seeds.end,
            fuzz.seeds.iter().end
        );
    }
    let total = ran.seeds.end - ran.seeds.start;
    println!(
        "fuzz: {total} seeds, {} passed, {} differences",
        total - ran.failed.len() as u64,
        ran.failed.len()
    );
    Ok(if ran.failed.is_empty() && !interrupted {
        Exit::Success
    } else {
        Exit::TestsFailed
    })
}

/// The seeds that ran (all of the range unless interrupted) and those that
/// failed, with their reasons, in seed order.
struct Ran {
    seeds: Range<u64>,
    failed: Vec<(u64, String)>,
}

/// Runs the seeds on `jobs` threads with a progress bar, in order, until
/// all ran or [`INTERRUPTED`].
fn run_seeds(setup: &Setup, seeds: &SeedRange, jobs: usize) -> Ran {
    let step = Step::counter("fuzz", seeds.len());
    let (sender, receiver) = mpsc::channel();
    let next = AtomicU64::new(seeds.iter().start);
    let end = seeds.iter().end;
    let mut failed = Vec::new();
    thread::scope(|scope| {
        for _ in 0..jobs {
            let sender = sender.clone();
            let next = &next;
            scope.spawn(move || loop {
                if INTERRUPTED.load(Ordering::Relaxed) {
                    break;
                }
                let taken = next.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |seed| {
                    (seed < end).then_some(seed + 1)
                });
                let Ok(seed) = taken else {
                    break;
                };
                if sender.send((seed, seed::run(setup, seed))).is_err() {
                    break;
                }
            });
        }
        drop(sender);
        for (seed, verdict) in receiver {
            if let Verdict::Fail { reason, details } = verdict {
                progress::note(format!("DIFFERENCE seed {seed}: {reason}"));
                for line in &details {
                    progress::note(format!("    {line}"));
                }
                failed.push((seed, reason));
            }
            step.advance(&format!("{} differences", failed.len()));
        }
    });
    step.finish(&format!("{} differences", failed.len()));
    failed.sort();
    Ran {
        seeds: seeds.iter().start..next.into_inner(),
        failed,
    }
}

/// The LLVM reference: the base rustc at `-Copt-level=0`.
fn reference(base_rustc: &Path) -> Compiler {
    let mut args: Vec<_> = COMMON_FLAGS.iter().map(Into::into).collect();
    args.extend(REFERENCE_FLAGS.iter().map(Into::into));
    args.push("-Copt-level=0".into());
    Compiler {
        name: "llvm-O0",
        rustc: base_rustc.to_owned(),
        args,
        env: with_bootstrap(compiler_env(&CodegenBackend::Llvm)),
    }
}

/// Ours: the toolchain's `bin/rustc` at `-Copt-level=0` and `3`.
fn ours(toolchain_rustc: &Path, backend: &CodegenBackend) -> Vec<Compiler> {
    [("clif-O0", "-Copt-level=0"), ("clif-O3", "-Copt-level=3")]
        .into_iter()
        .map(|(name, level)| {
            let mut args: Vec<_> = COMMON_FLAGS.iter().map(Into::into).collect();
            args.push(level.into());
            Compiler {
                name,
                rustc: PathBuf::from(toolchain_rustc),
                args,
                env: with_bootstrap(compiler_env(backend)),
            }
        })
        .collect()
}

/// `RUSTC_BOOTSTRAP=1` added to a compiler environment (the toolchain's
/// launcher then allows `#![feature]`, see `clif_launcher::plan`).
fn with_bootstrap(
    mut env: Vec<(&'static str, std::ffi::OsString)>,
) -> Vec<(&'static str, std::ffi::OsString)> {
    env.push(("RUSTC_BOOTSTRAP", "1".into()));
    env
}

fn names(compilers: &[Compiler]) -> String {
    compilers
        .iter()
        .map(|c| c.name)
        .collect::<Vec<_>>()
        .join(" and ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compilers_use_the_difftest_flags() {
        let reference = reference(Path::new("/base/rustc"));
        assert_eq!(reference.name, "llvm-O0");
        let args: Vec<_> = reference.args.iter().map(|a| a.to_string_lossy()).collect();
        assert!(args.contains(&"-Zmir-opt-level=0".into()), "{args:?}");
        assert_eq!(args.last().map(|a| a.as_ref()), Some("-Copt-level=0"));
        let ours = ours(
            Path::new("/dist/bin/rustc"),
            &CodegenBackend::Dylib(PathBuf::from("/b/clif.so")),
        );
        assert_eq!(names(&ours), "clif-O0 and clif-O3");
        for (compiler, level) in ours.iter().zip(["-Copt-level=0", "-Copt-level=3"]) {
            assert_eq!(compiler.rustc, Path::new("/dist/bin/rustc"));
            let args: Vec<_> = compiler.args.iter().map(|a| a.to_string_lossy()).collect();
            assert!(args.contains(&"-Zmir-opt-level=0".into()), "{args:?}");
            assert_eq!(args.last().map(|a| a.as_ref()), Some(level));
            assert!(compiler
                .env
                .iter()
                .any(|(key, value)| *key == "RUSTC_BOOTSTRAP" && value == "1"));
        }
    }
}
