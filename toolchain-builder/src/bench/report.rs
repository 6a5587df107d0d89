//! The results of a benchmark run: the data (serialized to
//! `build/bench/results.json`) and its Markdown rendering (`BENCHMARKS.md`):
//! machine, toolchain, the compile-time tables (wall and CPU seconds), the
//! run-time table and how to reproduce.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::breakdown::{Breakdown, EMISSION, ISEL, REGALLOC};
use super::levers::LEVERS;
use super::machine::{Machine, Toolchain};
use super::stats::{
    backend_share, ill_conditioned, median_of_known, ratio, Samples, MIN_BACKEND_PART,
};

/// Everything a run measured.
#[derive(Debug, Serialize)]
pub struct Results {
    /// When the run started (`YYYY-MM-DD HH:MM UTC`).
    pub date: Option<String>,
    /// The command line that reproduces the run.
    pub command: String,
    pub reps: usize,
    /// `-j` given to cargo (`None`: cargo's default, one job per CPU).
    pub jobs: Option<u32>,
    pub quick: bool,
    pub machine: Machine,
    pub toolchain: Toolchain,
    pub compile: Vec<CompileResult>,
    /// Medians over the crates of the per-crate ratios.
    pub compile_median: CompileRatios,
    pub runtime: Vec<RuntimeResult>,
    /// Medians over the programs of the per-program ratios.
    pub runtime_median: RuntimeRatios,
}

/// The time of one kind of build, per repetition.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BuildTimes {
    /// Wall-clock seconds of the cargo command.
    pub wall_s: Samples,
    /// CPU seconds (user + sys) of the cargo process tree.
    pub cpu_s: Samples,
}

/// Ratios of one crate (or their medians over crates).
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Ratios {
    /// Whole build, clif / LLVM.
    pub clif_over_llvm: Option<f64>,
    /// (clif − check) / (LLVM − check).
    pub backend_share: Option<f64>,
}

/// Wall and CPU ratios.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct CompileRatios {
    pub wall: Ratios,
    pub cpu: Ratios,
}

/// The compile-time benchmark of one crate set.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CompileResult {
    /// The crate set (`regex`).
    pub name: String,
    /// The cargo package built (`bench-regex`).
    pub package: String,
    /// `cargo build` with the clif toolchain.
    pub clif: BuildTimes,
    /// `cargo build` with the base rustc and LLVM.
    pub llvm: BuildTimes,
    /// `cargo check` with the base rustc.
    pub check: BuildTimes,
    /// `cargo build` with the clif toolchain and one lever changed, by the
    /// lever's name.
    pub levers: BTreeMap<String, BuildTimes>,
    /// Where the time of one more clif build went.
    pub breakdown: Option<Breakdown>,
    pub ratios: CompileRatios,
    /// Why a build failed (its timings are then incomplete).
    pub error: Option<String>,
}

impl CompileResult {
    /// Recomputes [`Self::ratios`] from the medians.
    pub fn update_ratios(&mut self) {
        let ratios = |pick: fn(&BuildTimes) -> &Samples| Ratios {
            clif_over_llvm: ratio(pick(&self.clif).median, pick(&self.llvm).median),
            backend_share: backend_share(
                pick(&self.clif).median,
                pick(&self.llvm).median,
                pick(&self.check).median,
            ),
        };
        self.ratios = CompileRatios {
            wall: ratios(|t| &t.wall_s),
            cpu: ratios(|t| &t.cpu_s),
        };
    }
}

/// The run times of one program in one profile.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RunTimes {
    /// Wall-clock seconds of the clif-built binary.
    pub clif_s: Samples,
    /// ... of the LLVM-built binary.
    pub llvm_s: Samples,
    pub clif_over_llvm: Option<f64>,
    /// ... of the clif-built binary with one lever changed, by its name.
    pub levers: BTreeMap<String, Samples>,
}

impl RunTimes {
    pub fn update_ratio(&mut self) {
        self.clif_over_llvm = ratio(self.clif_s.median, self.llvm_s.median);
    }
}

/// The run-time benchmark of one program.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RuntimeResult {
    /// The binary's name (`raytrace`).
    pub name: String,
    /// The first line of its output (the same for all four builds).
    pub output: Option<String>,
    /// Built with cargo's dev profile.
    pub debug: RunTimes,
    /// Built with `--release`.
    pub release: RunTimes,
    /// A failed build or run, or outputs that differ.
    pub error: Option<String>,
}

/// Medians over programs.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct RuntimeRatios {
    pub debug: Option<f64>,
    pub release: Option<f64>,
}

impl Results {
    /// Recomputes the medians over crates and programs.
    pub fn update_medians(&mut self) {
        let over = |pick: fn(&CompileRatios) -> Option<f64>| {
            median_of_known(self.compile.iter().map(|c| pick(&c.ratios)))
        };
        self.compile_median = CompileRatios {
            wall: Ratios {
                clif_over_llvm: over(|r| r.wall.clif_over_llvm),
                backend_share: over(|r| r.wall.backend_share),
            },
            cpu: Ratios {
                clif_over_llvm: over(|r| r.cpu.clif_over_llvm),
                backend_share: over(|r| r.cpu.backend_share),
            },
        };
        self.runtime_median = RuntimeRatios {
            debug: median_of_known(self.runtime.iter().map(|r| r.debug.clif_over_llvm)),
            release: median_of_known(self.runtime.iter().map(|r| r.release.clif_over_llvm)),
        };
    }

    /// The failures: `(what, error)` of every crate and program with one.
    pub fn errors(&self) -> Vec<(String, String)> {
        let compile = self.compile.iter().map(|c| (&c.name, &c.error));
        let runtime = self.runtime.iter().map(|r| (&r.name, &r.error));
        compile
            .chain(runtime)
            .filter_map(|(name, error)| Some((name.clone(), error.clone()?)))
            .collect()
    }
}

/// The measurement whose samples spread most (max/min), named, with that
/// factor.
fn widest_spread(results: &Results) -> Option<(String, f64)> {
    let spread = |samples: &Samples| {
        let max = samples.samples.iter().copied().fold(f64::NAN, f64::max);
        let min = samples.samples.iter().copied().fold(f64::NAN, f64::min);
        (min > 0.0).then(|| max / min)
    };
    let compile = results.compile.iter().flat_map(|c| {
        [
            ("clif build", &c.clif),
            ("LLVM build", &c.llvm),
            ("check", &c.check),
        ]
        .into_iter()
        .flat_map(move |(kind, t)| {
            [("wall", &t.wall_s), ("CPU", &t.cpu_s)]
                .map(|(unit, s)| (format!("{}, {kind}, {unit}", c.name), s))
        })
    });
    let runtime = results.runtime.iter().flat_map(|r| {
        [
            ("clif debug", &r.debug.clif_s),
            ("LLVM debug", &r.debug.llvm_s),
            ("clif release", &r.release.clif_s),
            ("LLVM release", &r.release.llvm_s),
        ]
        .map(|(kind, s)| (format!("{}, {kind}", r.name), s))
    });
    compile
        .chain(runtime)
        .filter_map(|(what, samples)| Some((what, spread(samples)?)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
}

/// Seconds with two decimals, or `–`.
fn secs(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.2}"))
}

/// A ratio with two decimals, or `–`.
fn times(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.2}"))
}

/// An optional text, or `unknown`.
fn known(value: Option<&str>) -> &str {
    value.unwrap_or("unknown")
}

/// The Markdown report (`BENCHMARKS.md`).
pub fn markdown(results: &Results) -> String {
    let mut md = String::new();
    let m = &results.machine;
    let t = &results.toolchain;
    let _ = writeln!(md, "# Benchmarks\n");
    let _ = writeln!(
        md,
        "Measured by `toolchain-builder bench` on {}: {} repetition{} of every \
         measurement, medians reported{}. Regenerate with the command under \
         [How to reproduce](#how-to-reproduce); every sample is in \
         `build/bench/results.json`.\n",
        known(results.date.as_deref()),
        results.reps,
        if results.reps == 1 { "" } else { "s" },
        if results.quick {
            " (`--quick`: hello and one mid-size crate only)"
        } else {
            ""
        }
    );
    let _ = writeln!(md, "## Machine\n");
    let _ = writeln!(md, "- CPUs (`nproc`): {}", m.nproc);
    let _ = writeln!(md, "- CPU model: {}", known(m.cpu_model.as_deref()));
    let _ = writeln!(
        md,
        "- memory: {}",
        m.memory_gib
            .map_or_else(|| "unknown".to_owned(), |g| format!("{g:.1} GiB"))
    );
    let _ = writeln!(
        md,
        "- load average (1, 5, 15 min) at the start: {}; at the end: {}",
        known(m.load_before.as_deref()),
        known(m.load_after.as_deref())
    );
    let spread = match widest_spread(results) {
        Some((what, spread)) if results.reps > 1 => format!(
            "; the widest spread of one measurement's {} samples was {spread:.2}× \
             (max/min, {what})",
            results.reps
        ),
        _ => String::new(),
    };
    let _ = writeln!(
        md,
        "- noise: other processes were not stopped (on a shared machine other jobs \
         run now and then){spread}. Read the medians and ratios as rough.\n"
    );
    let _ = writeln!(md, "## Toolchain\n");
    let _ = writeln!(md, "- base rustc: `{}`", t.base_rustc);
    let _ = writeln!(
        md,
        "- backend commit (`git rev-parse --short HEAD`): {}",
        known(t.commit.as_deref())
    );
    let _ = writeln!(md, "- clif toolchain: `{}`", known(t.dist.as_deref()));
    let _ = writeln!(md, "- cargo: `{}`", known(t.cargo.as_deref()));
    let _ = writeln!(
        md,
        "- cargo jobs: {}\n",
        results.jobs.map_or_else(
            || "cargo's default (one per CPU)".to_owned(),
            |j| j.to_string()
        )
    );
    compile_section(&mut md, results);
    breakdown_section(&mut md, results);
    runtime_section(&mut md, results);
    levers_section(&mut md, results);
    let errors = results.errors();
    if !errors.is_empty() {
        let _ = writeln!(md, "## Failures\n");
        for (name, error) in errors {
            let _ = writeln!(md, "- `{name}`:\n\n  ```text");
            for line in error.lines() {
                let _ = writeln!(md, "  {line}");
            }
            let _ = writeln!(md, "  ```\n");
        }
    }
    let _ = writeln!(md, "## How to reproduce\n");
    let _ = writeln!(
        md,
        "From the repository root (assembles the toolchain in `build/bench/dist/` \
         first; the crates are fetched before anything is timed):\n\n```sh\n{}\n```\n\nThe workspace is \
         `bench/` (see `bench/README.md`); target dirs and cargo logs are in \
         `build/bench/`.",
        results.command
    );
    md
}

fn compile_section(md: &mut String, results: &Results) {
    let _ = writeln!(md, "## Compile time (clean debug build)\n");
    let _ = writeln!(
        md,
        "Each crate set is a binary package of `bench/`, built from an empty \
         target dir with `cargo build --locked -p PACKAGE` (dev profile) by the \
         clif toolchain (`RUSTC=build/bench/dist/bin/rustc`) and by the base rustc with \
         LLVM (`-Zallow-features=`, \
         `RUSTC_BOOTSTRAP=1`, as the clif toolchain does), and checked with \
         `cargo check` by the base rustc (the floor: the front end's work; \
         but `cargo check` too compiles proc macros and build scripts fully, \
         with LLVM). The three alternate within each repetition. Times include \
         dependencies, build scripts and proc macros (compiled by the same \
         backend). **clif/LLVM** is the whole build; **backend clif/LLVM** is \
         (clif − check) / (LLVM − check), the part after the front end \
         (codegen, linking). CPU time is user + sys of the cargo process tree \
         (`getrusage(RUSAGE_CHILDREN)`).\n"
    );
    for (title, pick, ratios) in [
        (
            "Wall time (s)",
            (|t: &BuildTimes| t.wall_s.median) as fn(&BuildTimes) -> Option<f64>,
            (|r: &CompileRatios| r.wall) as fn(&CompileRatios) -> Ratios,
        ),
        (
            "CPU time (s, user + sys)",
            |t: &BuildTimes| t.cpu_s.median,
            |r: &CompileRatios| r.cpu,
        ),
    ] {
        let _ = writeln!(md, "### {title}\n");
        let _ = writeln!(
            md,
            "| crate | check | LLVM | clif | clif/LLVM | backend clif/LLVM |\n\
             | --- | ---: | ---: | ---: | ---: | ---: |"
        );
        let mut marked = false;
        // Shares of the crates without a †.
        let mut conditioned = Vec::new();
        for c in &results.compile {
            let r = ratios(&c.ratios);
            let note = if c.error.is_some() { " (failed)" } else { "" };
            let mark =
                if r.backend_share.is_some() && ill_conditioned(pick(&c.llvm), pick(&c.check)) {
                    marked = true;
                    " †"
                } else {
                    conditioned.push(r.backend_share);
                    ""
                };
            let _ = writeln!(
                md,
                "| {}{note} | {} | {} | {} | {} | {}{mark} |",
                c.name,
                secs(pick(&c.check)),
                secs(pick(&c.llvm)),
                secs(pick(&c.clif)),
                times(r.clif_over_llvm),
                times(r.backend_share)
            );
        }
        let r = ratios(&results.compile_median);
        let _ = writeln!(
            md,
            "| **median over crates** | | | | **{}** | **{}** |",
            times(r.clif_over_llvm),
            times(r.backend_share)
        );
        if marked {
            let _ = writeln!(
                md,
                "| **median over crates without †** | | | | | **{}** |",
                times(median_of_known(conditioned))
            );
        }
        let _ = writeln!(md);
        if marked {
            let _ = writeln!(
                md,
                "† LLVM − check is less than {:.0} % of the LLVM build: the build is \
                 mostly what `cargo check` does too (proc macros, build scripts), so \
                 this share is ill-conditioned; it is negative when Cranelift compiles \
                 the proc macros and build scripts faster than LLVM does for `cargo \
                 check`.\n",
                MIN_BACKEND_PART * 100.0
            );
        }
    }
}

fn runtime_section(md: &mut String, results: &Results) {
    let _ = writeln!(md, "## Run time\n");
    let _ = writeln!(
        md,
        "CPU-bound programs of `bench/runtime/` built by both toolchains in the \
         dev profile (debug) and with `--release`, each binary run alternately \
         clif/LLVM; wall seconds, medians. Both binaries must print the same \
         output (a checksum), or the program counts as failed.\n"
    );
    let _ = writeln!(
        md,
        "| program | LLVM debug | clif debug | clif/LLVM debug | LLVM release | \
         clif release | clif/LLVM release |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    );
    for r in &results.runtime {
        let note = if r.error.is_some() { " (failed)" } else { "" };
        let _ = writeln!(
            md,
            "| {}{note} | {} | {} | {} | {} | {} | {} |",
            r.name,
            secs(r.debug.llvm_s.median),
            secs(r.debug.clif_s.median),
            times(r.debug.clif_over_llvm),
            secs(r.release.llvm_s.median),
            secs(r.release.clif_s.median),
            times(r.release.clif_over_llvm)
        );
    }
    let _ = writeln!(
        md,
        "| **median over programs** | | | **{}** | | | **{}** |\n",
        times(results.runtime_median.debug),
        times(results.runtime_median.release)
    );
}

fn breakdown_section(md: &mut String, results: &Results) {
    if results.compile.iter().all(|c| c.breakdown.is_none()) {
        return;
    }
    let _ = writeln!(md, "## Where the clif build's time goes\n");
    let _ = writeln!(
        md,
        "One more clean clif build per crate set, with the backend's timings on \
         (`CLIF_TIMINGS`, see `backend/src/timings.rs`), summed over every crate of \
         the build; thread seconds, so Cranelift's time on worker threads adds up. \
         **beyond check** is the median clif CPU time minus the median `cargo check` \
         CPU time from the tables above. **MIR → CLIF** is the lowering on rustc's \
         thread, rustc's queries (layouts, ABIs, instances, symbol names, MIR \
         decoding) included; **Cranelift** is compiling the lowered functions, of \
         which register allocation, instruction selection (VCode lowering) and \
         emission are shown apart; **linking** is rustc's linker step (archives, and \
         the linker run for binaries, proc macros and build scripts). \
         **rest** is beyond check minus everything measured: mono-item collection \
         and partitioning, work the check build does not do, and noise between the \
         builds.\n"
    );
    let _ = writeln!(
        md,
        "| crate | clif CPU | beyond check | MIR → CLIF | Cranelift | regalloc | isel | \
         emission | other passes | object files | asm | linking | rest |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    );
    for c in &results.compile {
        let Some(b) = &c.breakdown else { continue };
        let beyond = match (c.clif.cpu_s.median, c.check.cpu_s.median) {
            (Some(clif), Some(check)) => Some(clif - check),
            _ => None,
        };
        let _ = writeln!(
            md,
            "| {} | {} | {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | \
             {:.2} | {} |",
            c.name,
            secs(c.clif.cpu_s.median),
            secs(beyond),
            b.lower_s,
            b.cranelift_s,
            b.pass(REGALLOC),
            b.pass(ISEL),
            b.pass(EMISSION),
            b.other_passes(),
            b.object_s,
            b.asm_s,
            b.link_s,
            secs(beyond.map(|beyond| beyond - b.measured())),
        );
    }
    let _ = writeln!(md);
}

fn levers_section(md: &mut String, results: &Results) {
    if results.compile.iter().all(|c| c.levers.is_empty()) {
        return;
    }
    let _ = writeln!(md, "## Speed levers\n");
    let _ = writeln!(
        md,
        "Each crate set built once more per lever, in the same repetitions, by the \
         clif toolchain with that one setting changed from its default; the cells \
         are lever build / default clif build, medians, wall and CPU (**> 1**: the \
         default is faster). The levers:\n"
    );
    for lever in LEVERS {
        let _ = writeln!(md, "- **{}**: {}.", lever.name, lever.what);
    }
    let _ = writeln!(md);
    let crates: Vec<&CompileResult> = results.compile.iter().collect();
    let header: Vec<&str> = crates.iter().map(|c| c.name.as_str()).collect();
    let _ = writeln!(
        md,
        "| lever | {} | median wall | median CPU |\n| --- |{} ---: | ---: |",
        header.join(" | "),
        " ---: |".repeat(header.len())
    );
    for lever in LEVERS {
        let (mut walls, mut cpus, mut cells) = (Vec::new(), Vec::new(), Vec::new());
        for c in &crates {
            let lever_times = c.levers.get(lever.name);
            let wall = ratio(
                lever_times.and_then(|t| t.wall_s.median),
                c.clif.wall_s.median,
            );
            let cpu = ratio(
                lever_times.and_then(|t| t.cpu_s.median),
                c.clif.cpu_s.median,
            );
            walls.push(wall);
            cpus.push(cpu);
            cells.push(format!("{} / {}", times(wall), times(cpu)));
        }
        let _ = writeln!(
            md,
            "| {} | {} | **{}** | **{}** |",
            lever.name,
            cells.join(" | "),
            times(median_of_known(walls)),
            times(median_of_known(cpus))
        );
    }
    let _ = writeln!(md);
    let code_levers: Vec<_> = LEVERS.iter().filter(|l| l.changes_code).collect();
    if code_levers.is_empty() || results.runtime.iter().all(|r| r.debug.levers.is_empty()) {
        return;
    }
    let _ = writeln!(
        md,
        "Levers that change the generated code, on the run-time programs (dev \
         profile, same repetitions): run time relative to the LLVM debug build.\n"
    );
    let names: Vec<&str> = results.runtime.iter().map(|r| r.name.as_str()).collect();
    let _ = writeln!(
        md,
        "| build | {} | median |\n| --- |{} ---: |",
        names.join(" | "),
        " ---: |".repeat(names.len())
    );
    let mut rows = vec![("clif (default)".to_owned(), None)];
    rows.extend(
        code_levers
            .iter()
            .map(|l| (format!("clif, {}", l.name), Some(l.name))),
    );
    for (label, lever) in rows {
        let values: Vec<Option<f64>> = results
            .runtime
            .iter()
            .map(|r| {
                let clif = match lever {
                    None => r.debug.clif_s.median,
                    Some(name) => r.debug.levers.get(name).and_then(|s| s.median),
                };
                ratio(clif, r.debug.llvm_s.median)
            })
            .collect();
        let cells: Vec<String> = values.iter().map(|v| times(*v)).collect();
        let _ = writeln!(
            md,
            "| {label} | {} | **{}** |",
            cells.join(" | "),
            times(median_of_known(values))
        );
    }
    let _ = writeln!(md);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn times_of(wall: &[f64], cpu: &[f64]) -> BuildTimes {
        let mut t = BuildTimes::default();
        wall.iter().for_each(|&v| t.wall_s.push(v));
        cpu.iter().for_each(|&v| t.cpu_s.push(v));
        t
    }

    fn results() -> Results {
        let mut regex = CompileResult {
            name: "regex".into(),
            package: "bench-regex".into(),
            check: times_of(&[2.0, 2.4, 1.8], &[3.0, 3.0, 3.0]),
            llvm: times_of(&[6.0, 6.5, 5.5], &[9.0, 9.0, 9.0]),
            clif: times_of(&[4.0, 4.1, 3.9], &[6.0, 6.0, 6.0]),
            ..CompileResult::default()
        };
        regex.update_ratios();
        let mut broken = CompileResult {
            name: "syn".into(),
            package: "bench-syn".into(),
            check: times_of(&[1.0], &[1.0]),
            llvm: times_of(&[2.0], &[2.0]),
            error: Some("cargo build (clif) failed: exit code 101\nerror: boom".into()),
            ..CompileResult::default()
        };
        broken.update_ratios();
        let mut ray = RuntimeResult {
            name: "raytrace".into(),
            output: Some("checksum 1".into()),
            ..RuntimeResult::default()
        };
        for (clif, llvm) in [(2.0, 1.0), (2.2, 1.0), (1.8, 1.0)] {
            ray.debug.clif_s.push(clif);
            ray.debug.llvm_s.push(llvm);
            ray.release.clif_s.push(clif / 4.0);
            ray.release.llvm_s.push(llvm / 10.0);
        }
        ray.debug.update_ratio();
        ray.release.update_ratio();
        let mut results = Results {
            date: Some("2026-11-24 21:00 UTC".into()),
            command: "cargo run --release -p toolchain-builder -- bench --reps 3".into(),
            reps: 3,
            jobs: None,
            quick: false,
            machine: Machine {
                nproc: 2,
                cpu_model: Some("Test CPU".into()),
                memory_gib: Some(8.0),
                load_before: Some("0.50 0.40 0.30".into()),
                load_after: None,
            },
            toolchain: Toolchain {
                base_rustc: "rustc 1.96.0".into(),
                commit: Some("abc1234".into()),
                dist: None,
                cargo: None,
            },
            compile: vec![regex, broken],
            compile_median: CompileRatios::default(),
            runtime: vec![ray],
            runtime_median: RuntimeRatios::default(),
        };
        results.update_medians();
        results
    }

    #[test]
    fn ratios_and_medians_over_crates() {
        let results = results();
        let regex = &results.compile[0].ratios;
        assert_eq!(regex.wall.clif_over_llvm, Some(4.0 / 6.0));
        // (4 - 2) / (6 - 2)
        assert_eq!(regex.wall.backend_share, Some(0.5));
        assert_eq!(regex.cpu.backend_share, Some(0.5));
        // The failed crate has no clif time, so it has no ratios and the
        // medians are regex's.
        assert_eq!(results.compile[1].ratios, CompileRatios::default());
        assert_eq!(results.compile_median, *regex);
        assert_eq!(results.runtime[0].debug.clif_over_llvm, Some(2.0));
        assert_eq!(results.runtime_median.release, Some(5.0));
        assert_eq!(results.errors().len(), 1);
    }

    #[test]
    fn markdown_has_every_section_and_row() {
        let md = markdown(&results());
        for needle in [
            "## Machine",
            "- CPUs (`nproc`): 2",
            "- CPU model: Test CPU",
            "- memory: 8.0 GiB",
            "at the end: unknown",
            "the widest spread of one measurement's 3 samples was 1.33× (max/min, regex, \
             check, wall)",
            "## Toolchain",
            "(`git rev-parse --short HEAD`): abc1234",
            "### Wall time (s)",
            "### CPU time (s, user + sys)",
            "| regex | 2.00 | 6.00 | 4.00 | 0.67 | 0.50 |",
            "| regex | 3.00 | 9.00 | 6.00 | 0.67 | 0.50 |",
            "| syn (failed) | 1.00 | 2.00 | – | – | – |",
            "| **median over crates** | | | | **0.67** | **0.50** |",
            "| raytrace | 1.00 | 2.00 | 2.00 | 0.10 | 0.50 | 5.00 |",
            "| **median over programs** | | | **2.00** | | | **5.00** |",
            "## Failures",
            "  error: boom",
            "## How to reproduce",
            "bench --reps 3\n```",
        ] {
            assert!(md.contains(needle), "missing {needle:?} in:\n{md}");
        }
    }

    #[test]
    fn ill_conditioned_shares_are_marked() {
        let mut results = results();
        assert!(!markdown(&results).contains('†'));
        let mut serde = CompileResult {
            name: "serde".into(),
            package: "bench-serde".into(),
            check: times_of(&[10.0], &[10.0]),
            llvm: times_of(&[11.0], &[11.0]),
            clif: times_of(&[9.8], &[9.8]),
            ..CompileResult::default()
        };
        serde.update_ratios();
        results.compile.push(serde);
        results.update_medians();
        let md = markdown(&results);
        assert!(
            md.contains("| serde | 10.00 | 11.00 | 9.80 | 0.89 | -0.20 † |"),
            "{md}"
        );
        assert!(md.contains("† LLVM − check is less than 20 % of the LLVM build"));
        // regex's 0.50 alone: serde's share is ill-conditioned.
        assert!(
            md.contains("| **median over crates without †** | | | | | **0.50** |"),
            "{md}"
        );
    }

    #[test]
    fn breakdown_and_levers_sections() {
        let mut results = results();
        assert!(!markdown(&results).contains("## Speed levers"));
        let regex = &mut results.compile[0];
        regex.levers.insert(
            "single-pass regalloc".into(),
            times_of(&[3.0, 3.0, 3.0], &[4.5, 4.5, 4.5]),
        );
        let mut passes = BTreeMap::new();
        passes.insert(REGALLOC.to_owned(), 0.5);
        passes.insert(ISEL.to_owned(), 0.25);
        regex.breakdown = Some(Breakdown {
            build_cpu_s: 6.0,
            crates: 3,
            functions: 100,
            lower_s: 0.75,
            cranelift_s: 1.0,
            passes,
            object_s: 0.25,
            asm_s: 0.0,
            link_s: 0.5,
        });
        let ray = &mut results.runtime[0];
        for v in [3.0, 3.0, 3.0] {
            ray.debug
                .levers
                .entry("single-pass regalloc".into())
                .or_default()
                .push(v);
        }
        let md = markdown(&results);
        for needle in [
            "## Where the clif build's time goes",
            // beyond check: 6 − 3; rest: 3 − (0.75 + 1 + 0.25 + 0.5).
            "| regex | 6.00 | 3.00 | 0.75 | 1.00 | 0.50 | 0.25 | 0.00 | 0.25 | 0.25 | 0.00 | 0.50 | 0.50 |",
            "## Speed levers",
            "- **single-pass regalloc**: Cranelift's single-pass",
            "| lever | regex | syn | median wall | median CPU |",
            "| single-pass regalloc | 0.75 / 0.75 | – / – | **0.75** | **0.75** |",
            "| verifier on | – / – | – / – | **–** | **–** |",
            "| build | raytrace | median |",
            "| clif (default) | 2.00 | **2.00** |",
            "| clif, single-pass regalloc | 3.00 | **3.00** |",
        ] {
            assert!(md.contains(needle), "missing {needle:?} in:\n{md}");
        }
    }

    #[test]
    fn results_serialize_with_samples_and_medians() {
        let json = serde_json::to_value(results()).expect("serializes");
        assert_eq!(
            json["compile"][0]["llvm"]["wall_s"]["samples"],
            serde_json::json!([6.0, 6.5, 5.5])
        );
        assert_eq!(json["compile"][0]["llvm"]["wall_s"]["median"], 6.0);
        assert_eq!(json["runtime_median"]["debug"], 2.0);
        assert_eq!(json["machine"]["nproc"], 2);
    }
}
