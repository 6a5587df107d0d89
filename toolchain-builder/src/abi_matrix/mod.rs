//! The `abi` suite: a generated ABI matrix for one target. Several hundred
//! functions ([`signatures`]: every scalar width, bool, char, f16/f128
//! where rustc calls them reliable, pointers, structs of every kind the
//! calling conventions treat specially, unions, enums, tuples, references,
//! enough arguments to spill, C variadics), in the Rust and the C
//! convention, are defined by one compiler and called from code compiled by
//! another, each argument and return value checked on both sides
//! ([`emit`]). Directions:
//!
//! - `clif_calls_llvm`, `llvm_calls_clif`: Rust with Rust, our backend and
//!   rustc's LLVM backend (the base rustc, against the same standard
//!   library: the base toolchain's, or for a cross target the one the
//!   sysroot stage built with LLVM).
//! - `clif_calls_cc`, `cc_calls_clif`: Rust with C compiled by the target's
//!   C compiler (C-convention functions whose types C has).
//! - Controls, the same with LLVM in our backend's place
//!   (`llvm_calls_llvm`, `llvm_calls_cc`, `cc_calls_llvm`): a function that
//!   fails there is a disagreement between LLVM and the C compiler or a bug
//!   of the generator, not ours; it is listed and left out of the
//!   comparison, never silently.

mod emit;
mod outcome;
mod signatures;
mod types;

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context as _;

use crate::codegen::CodegenBackend;
use crate::difftest::case::Verdict;
use crate::difftest::side::Side;
use crate::difftest::Report;
use crate::process::{clean_command, Captured, Shell};
use crate::targets::TargetSpec;
use emit::Call;
use outcome::Failures;
use types::Features;

/// Compiling one C file may take this long.
const CC_TIMEOUT: Duration = Duration::from_secs(120);

/// What to run the suite with.
pub struct Suite<'a> {
    /// `build/tests/abi/<triple>/`.
    pub out_dir: PathBuf,
    /// The base rustc: LLVM, or our backend through `-Zcodegen-backend`.
    pub base_rustc: &'a Path,
    /// The standard library both Rust sides build against, when the base
    /// rustc's own has none for the target.
    pub llvm_sysroot: Option<&'a Path>,
    /// Our backend's dylib.
    pub backend: PathBuf,
    pub target: &'a TargetSpec,
    pub shell: Shell,
}

/// Who compiled one side of a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Compiler {
    Llvm,
    Clif,
    Cc,
}

/// One caller/callee pairing.
struct Direction {
    caller: Compiler,
    callee: Compiler,
    /// The pairing whose failures are not ours (`None` for a control).
    control: Option<&'static str>,
}

const DIRECTIONS: &[(&str, Direction)] = &[
    ("llvm_calls_llvm", dir(Compiler::Llvm, Compiler::Llvm, None)),
    ("llvm_calls_cc", dir(Compiler::Llvm, Compiler::Cc, None)),
    ("cc_calls_llvm", dir(Compiler::Cc, Compiler::Llvm, None)),
    (
        "clif_calls_llvm",
        dir(Compiler::Clif, Compiler::Llvm, Some("llvm_calls_llvm")),
    ),
    (
        "llvm_calls_clif",
        dir(Compiler::Llvm, Compiler::Clif, Some("llvm_calls_llvm")),
    ),
    (
        "clif_calls_cc",
        dir(Compiler::Clif, Compiler::Cc, Some("llvm_calls_cc")),
    ),
    (
        "cc_calls_clif",
        dir(Compiler::Cc, Compiler::Clif, Some("cc_calls_llvm")),
    ),
];

const fn dir(caller: Compiler, callee: Compiler, control: Option<&'static str>) -> Direction {
    Direction {
        caller,
        callee,
        control,
    }
}

/// Runs the matrix; one test per direction.
pub fn run(suite: &Suite<'_>) -> anyhow::Result<Report> {
    let target = suite.target;
    let features = probe_features(suite)?;
    let calls = Call::for_signatures(signatures::generate(features));
    let src = suite.out_dir.join("src");
    emit::write_sources(&src, &calls, features)?;
    let count = |f: &dyn Fn(&Call) -> bool| calls.iter().filter(|c| f(c)).count();
    println!(
        "running the ABI matrix for {}: {} functions ({} Rust-convention, {} C-convention of which \
         {} also in C, {} C-variadic), output in {}",
        target.triple,
        calls.len(),
        count(&|c| c.sig.conv == signatures::Conv::Rust),
        count(&|c| c.sig.conv == signatures::Conv::C && !c.sig.variadic),
        count(&|c| c.sig.in_c(features) && !c.sig.variadic),
        count(&|c| c.sig.variadic),
        suite.out_dir.display()
    );

    let programs = Programs::new(suite, &src);
    let mut report = Report::default();
    let mut built = programs.build();
    let mut results: Vec<(&str, Result<Failures, Verdict>)> = Vec::new();
    let mut total_calls = 0;
    for (name, direction) in DIRECTIONS {
        let expected: Vec<&Call> = calls
            .iter()
            .filter(|c| direction.includes(c, features))
            .collect();
        let result = match &built {
            Ok(()) => programs.run(direction, &expected),
            Err(verdict) => {
                // The full error once, then a pointer to it.
                let first = verdict.clone();
                built = Err(Verdict::fail(format!(
                    "the callee libraries or C objects did not build (see abi/{})",
                    DIRECTIONS[0].0
                )));
                Err(first)
            }
        };
        let verdict = match (&result, direction.control) {
            (Err(verdict), _) => verdict.clone(),
            (Ok(failures), None) => {
                if !failures.is_empty() {
                    println!(
                        "note: {name} (a control) fails {} of {} functions; they are left out of the \
                         directions it controls:",
                        failures.len(),
                        expected.len()
                    );
                    for line in failures.describe(&calls) {
                        println!("    {line}");
                    }
                }
                Verdict::Pass
            }
            (Ok(failures), Some(control)) => {
                let excluded = results
                    .iter()
                    .find(|(n, _)| n == &control)
                    .map(|(_, r)| match r {
                        Ok(f) => f.names(),
                        Err(_) => BTreeSet::new(),
                    })
                    .unwrap_or_default();
                let ours = failures.without(&excluded);
                total_calls += expected.len();
                if ours.is_empty() {
                    Verdict::Pass
                } else {
                    Verdict::Fail {
                        reason: format!(
                            "{} of {} functions disagree ({} left out: {control} fails them too)",
                            ours.len(),
                            expected.len(),
                            excluded.len()
                        ),
                        details: ours.describe(&calls),
                    }
                }
            }
        };
        report.record(&format!("abi/{name}"), verdict);
        results.push((name, result));
    }
    println!(
        "{}: {} calls checked in the four directions with our backend",
        target.triple, total_calls
    );
    report.print_summary("abi: ");
    Ok(report)
}

impl Direction {
    /// Whether the pairing calls `call`'s function.
    fn includes(&self, call: &Call, features: Features) -> bool {
        let with_c = self.caller == Compiler::Cc || self.callee == Compiler::Cc;
        !with_c || call.sig.in_c(features)
    }
}

/// Asks rustc and the C compiler whether `f16` and `f128` can be used.
fn probe_features(suite: &Suite<'_>) -> anyhow::Result<Features> {
    let mut cmd = clean_command(suite.base_rustc);
    cmd.env("RUSTC_BOOTSTRAP", "1")
        .args(["--print", "cfg", "--target", &suite.target.triple]);
    let out = suite
        .shell
        .capture(&mut cmd, CC_TIMEOUT)
        .context("cannot run the base rustc")?;
    anyhow::ensure!(
        out.succeeded(),
        "`rustc --print cfg` failed: {}",
        out.stderr_text()
    );
    let cfg = String::from_utf8_lossy(&out.stdout).into_owned();
    let has = |name: &str| cfg.lines().any(|l| l == name);
    let probe_dir = suite.out_dir.join("probe");
    std::fs::create_dir_all(&probe_dir)?;
    let c_has = |ty: &str| -> anyhow::Result<bool> {
        let file = probe_dir.join(format!("{ty}.c"));
        std::fs::write(&file, format!("{ty} probe({ty} x) {{ return x; }}\n"))?;
        let mut cmd = clean_command(&suite.target.linker);
        cmd.arg("-c")
            .arg(&file)
            .arg("-o")
            .arg(file.with_extension("o"));
        Ok(suite.shell.capture(&mut cmd, CC_TIMEOUT)?.succeeded())
    };
    Ok(Features {
        rust_f16: has("target_has_reliable_f16"),
        rust_f128: has("target_has_reliable_f128"),
        c_f16: c_has("_Float16")?,
        c_f128: c_has("_Float128")?,
    })
}

/// The programs of the matrix and how they are built.
struct Programs<'a> {
    suite: &'a Suite<'a>,
    src: PathBuf,
    llvm: Side,
    clif: Side,
    cc_dir: PathBuf,
}

impl<'a> Programs<'a> {
    fn new(suite: &'a Suite<'a>, src: &Path) -> Self {
        let sysroot: Vec<OsString> = suite
            .llvm_sysroot
            .map(|s| vec!["--sysroot".into(), s.into()])
            .unwrap_or_default();
        let side = |name, backend| {
            Side::new(
                name,
                suite.base_rustc,
                backend,
                &suite.out_dir,
                suite.target,
                suite.shell,
            )
            .selecting_backend()
            .with_env("RUSTC_BOOTSTRAP", "1")
            .with_args(sysroot.clone())
        };
        Programs {
            suite,
            src: src.to_owned(),
            llvm: side("llvm", CodegenBackend::Llvm),
            clif: side("clif", CodegenBackend::Dylib(suite.backend.clone())),
            cc_dir: suite.out_dir.join("cc"),
        }
    }

    fn side(&self, compiler: Compiler) -> &Side {
        match compiler {
            Compiler::Llvm => &self.llvm,
            Compiler::Clif => &self.clif,
            Compiler::Cc => unreachable!("C programs are not built by a Rust side"),
        }
    }

    /// Compiles the callee libraries and the C objects.
    fn build(&self) -> Result<(), Verdict> {
        let lib = |side: &Side| -> Result<(), Verdict> {
            let out = side
                .compile_library(&self.src.join("abi_callee.rs"), "abi_callee")
                .map_err(|e| Verdict::fail(format!("cannot run rustc: {e}")))?;
            compiled(
                &out,
                &format!("the {} callee library", side.name),
                side.name,
            )
        };
        lib(&self.llvm)?;
        lib(&self.clif)?;
        std::fs::create_dir_all(&self.cc_dir)
            .map_err(|e| Verdict::fail(format!("cannot create {}: {e}", self.cc_dir.display())))?;
        for (source, object) in [
            ("abi_callee.c", "abi_callee.o"),
            ("abi_caller.c", "abi_caller.o"),
        ] {
            let mut cmd = clean_command(&self.suite.target.linker);
            cmd.args(["-std=gnu11", "-O1", "-c"])
                .arg(self.src.join(source))
                .arg("-o")
                .arg(self.cc_dir.join(object));
            let out = self
                .suite
                .shell
                .capture(&mut cmd, CC_TIMEOUT)
                .map_err(|e| {
                    Verdict::fail(format!("cannot run {}: {e}", self.suite.target.linker))
                })?;
            compiled(&out, &format!("{source} ({object})"), "cc")?;
        }
        Ok(())
    }

    /// Builds and runs the program of `direction`; the functions that
    /// failed.
    fn run(&self, direction: &Direction, expected: &[&Call]) -> Result<Failures, Verdict> {
        let (side, source, crate_name, flags) = match (direction.caller, direction.callee) {
            (Compiler::Cc, callee) => (
                self.side(callee),
                "abi_c_host.rs",
                "c_host",
                vec![format!(
                    "-Clink-arg={}",
                    self.cc_dir.join("abi_caller.o").display()
                )],
            ),
            (caller, Compiler::Cc) => (
                self.side(caller),
                "abi_caller.rs",
                "caller_of_cc",
                vec![
                    "--cfg".to_owned(),
                    "c_callee".to_owned(),
                    format!("-Clink-arg={}", self.cc_dir.join("abi_callee.o").display()),
                ],
            ),
            (caller, callee) => {
                let lib = self.side(callee).out_dir().join("libabi_callee.rlib");
                let name = match callee {
                    Compiler::Clif => "caller_of_clif",
                    _ => "caller_of_llvm",
                };
                (
                    self.side(caller),
                    "abi_caller.rs",
                    name,
                    vec![
                        "--extern".to_owned(),
                        format!("abi_callee={}", lib.display()),
                    ],
                )
            }
        };
        let out = side
            .compile_test(&self.src.join(source), crate_name, &flags)
            .map_err(|e| Verdict::fail(format!("cannot run rustc: {e}")))?;
        compiled(&out, source, side.name)?;
        let run = side
            .run_test(crate_name, &[])
            .map_err(|e| Verdict::fail(format!("cannot run {crate_name}: {e}")))?;
        Ok(outcome::failures(&run, expected))
    }
}

/// `Ok` when a compile succeeded, else the failure with its stderr.
fn compiled(out: &Captured, what: &str, side: &str) -> Result<(), Verdict> {
    if out.succeeded() {
        Ok(())
    } else {
        Err(Verdict::compile_failure(
            format!("{what} did not compile ({})", out.outcome),
            side,
            out,
        ))
    }
}
