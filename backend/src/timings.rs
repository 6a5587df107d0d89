//! Where the backend's time goes (`CLIF_TIMINGS=<file>`): per crate, the
//! time spent lowering MIR to Cranelift IR (rustc's queries included),
//! compiling it (with Cranelift's own passes broken down), writing object
//! files and assembling `asm!`. One JSON line per crate is appended to the
//! file; `toolchain-builder bench` sums them into the profile breakdown of
//! BENCHMARKS.md. Without the variable nothing is measured.
//!
//! Durations are CPU-thread seconds: compile times from several worker
//! threads add up, so they can exceed the wall time of `codegen_crate`.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use cranelift_codegen::timing::{self, Pass, Profiler};

/// What one crate's code generation spent its time on.
#[derive(Default)]
struct Totals {
    lower: Duration,
    cranelift: Duration,
    object: Duration,
    asm: Duration,
    functions: usize,
    units: usize,
    /// Self time of each Cranelift pass, by its description.
    passes: BTreeMap<&'static str, Duration>,
}

/// A phase measured outside Cranelift.
#[derive(Clone, Copy)]
pub enum Phase {
    /// MIR → Cranelift IR, on rustc's thread.
    Lower,
    /// `define_function` of every function of a unit.
    Cranelift,
    /// Finishing the module and writing the object file.
    Object,
    /// Running the assembler on a unit's `asm!` text.
    Asm,
}

/// The collector shared by the driver and the compiling threads.
pub struct Timings {
    output: PathBuf,
    start: Instant,
    totals: Mutex<Totals>,
}

impl Timings {
    /// A collector if `CLIF_TIMINGS` names a file.
    pub fn from_env() -> Option<Self> {
        Some(Timings {
            output: output_from_env()?,
            start: Instant::now(),
            totals: Mutex::default(),
        })
    }

    /// Runs `f`, adding its duration to `phase` of `timings` if any.
    pub fn time<R>(timings: Option<&Self>, phase: Phase, f: impl FnOnce() -> R) -> R {
        let Some(timings) = timings else { return f() };
        let start = Instant::now();
        let result = f();
        let elapsed = start.elapsed();
        let mut totals = timings.lock();
        let slot = match phase {
            Phase::Lower => &mut totals.lower,
            Phase::Cranelift => &mut totals.cranelift,
            Phase::Object => &mut totals.object,
            Phase::Asm => &mut totals.asm,
        };
        *slot += elapsed;
        result
    }

    /// Counts a compiled unit and its functions, and takes the pass times
    /// this thread recorded while compiling it.
    pub fn unit_done(&self, functions: usize) {
        let passes = PASS_SELF_TIMES.with(|t| std::mem::take(&mut *t.borrow_mut()));
        let mut totals = self.lock();
        totals.units += 1;
        totals.functions += functions;
        for (pass, time) in passes {
            *totals.passes.entry(pass).or_default() += time;
        }
    }

    /// Appends this crate's line to the output file.
    pub fn report(&self, crate_name: &str) -> Result<(), String> {
        let totals = self.lock();
        let passes: Vec<String> = totals
            .passes
            .iter()
            .map(|(pass, time)| format!("{pass:?}:{}", secs(*time)))
            .collect();
        let line = format!(
            "{{\"crate\":{crate_name:?},\"wall_s\":{},\"lower_s\":{},\"cranelift_s\":{},\"object_s\":{},\"asm_s\":{},\"units\":{},\"functions\":{},\"passes\":{{{}}}}}",
            secs(self.start.elapsed()),
            secs(totals.lower),
            secs(totals.cranelift),
            secs(totals.object),
            secs(totals.asm),
            totals.units,
            totals.functions,
            passes.join(","),
        );
        append_line(&self.output, &line)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Totals> {
        self.totals
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Runs rustc's linker step (`link`), appending its duration as a line of
/// its own when `CLIF_TIMINGS` is set.
pub fn time_link(crate_name: &str, link: impl FnOnce()) -> Result<(), String> {
    let Some(output) = output_from_env() else {
        link();
        return Ok(());
    };
    let start = Instant::now();
    link();
    let line = format!(
        "{{\"crate\":{crate_name:?},\"link_s\":{}}}",
        secs(start.elapsed())
    );
    append_line(&output, &line)
}

/// The file `CLIF_TIMINGS` names, if any.
fn output_from_env() -> Option<PathBuf> {
    std::env::var_os("CLIF_TIMINGS")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

fn secs(duration: Duration) -> String {
    format!("{:.6}", duration.as_secs_f64())
}

/// Appends `line` to `path` in one write with O_APPEND, so that the lines
/// of parallel rustc processes do not interleave. A failure is the caller's
/// warning: the compilation itself succeeded.
fn append_line(path: &std::path::Path, line: &str) -> Result<(), String> {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut file| file.write_all(format!("{line}\n").as_bytes()))
        .map_err(|e| {
            format!(
                "clif backend: cannot append timings to {}: {e}",
                path.display()
            )
        })
}

/// Makes Cranelift report its passes on this thread to [`Timings`].
pub fn record_passes_on_this_thread() {
    timing::set_thread_profiler(Box::new(PassRecorder));
}

thread_local! {
    /// The passes running on this thread: pass, start, time in children.
    static PASS_STACK: RefCell<Vec<(Pass, Instant, Duration)>> = const { RefCell::new(Vec::new()) };
    /// Self time per pass since the last [`Timings::unit_done`].
    static PASS_SELF_TIMES: RefCell<BTreeMap<&'static str, Duration>> = const { RefCell::new(BTreeMap::new()) };
}

/// A Cranelift profiler keeping the self time (children excluded) of every
/// pass; passes nest (`compile` contains the others).
struct PassRecorder;

impl Profiler for PassRecorder {
    fn start_pass(&self, pass: Pass) -> Box<dyn std::any::Any> {
        PASS_STACK.with(|s| s.borrow_mut().push((pass, Instant::now(), Duration::ZERO)));
        Box::new(PassToken)
    }
}

/// Ends the innermost pass when dropped (Cranelift drops them in order).
struct PassToken;

impl Drop for PassToken {
    fn drop(&mut self) {
        PASS_STACK.with(|s| {
            let mut stack = s.borrow_mut();
            let Some((pass, start, children)) = stack.pop() else {
                return;
            };
            let total = start.elapsed();
            if let Some(parent) = stack.last_mut() {
                parent.2 += total;
            }
            PASS_SELF_TIMES.with(|t| {
                *t.borrow_mut().entry(pass.description()).or_default() +=
                    total.saturating_sub(children);
            });
        });
    }
}
