//! The second half of code generation, which needs no `TyCtxt`: Cranelift
//! compiles every lowered function of a unit, the object file is written,
//! and the unit's assembly is assembled. Units are compiled on worker
//! threads as cargo's jobserver hands out tokens (so `cargo -jN` stays N
//! processes' worth of CPU), while the main thread keeps lowering the next
//! units; whatever is left when lowering ends, the main thread compiles
//! itself with the token rustc already holds.

use std::collections::VecDeque;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use cranelift_codegen::ir::Function;
use cranelift_module::FuncId;
use rustc_codegen_ssa::{CompiledModule, ModuleKind};
use rustc_data_structures::jobserver::{Acquired, HelperThread};

use crate::asm::AsmJob;
use crate::panic_guard;
use crate::timings::{Phase, Timings};
use crate::unwind::ClifModule;

/// A function lowered to Cranelift IR, waiting to be compiled.
pub struct LoweredFn {
    pub id: FuncId,
    pub func: Function,
    /// Its symbol, for error messages.
    pub symbol: String,
}

/// A codegen unit lowered to Cranelift IR: its module (declarations and
/// data already defined), its functions and its assembly, if any.
pub struct LoweredUnit {
    pub name: String,
    pub module: ClifModule,
    pub functions: Vec<LoweredFn>,
    pub object: PathBuf,
    pub asm: Option<AsmJob>,
}

/// What compiling a unit produced: its object files, or an error message.
pub type UnitResult = Result<Vec<CompiledModule>, String>;

impl LoweredUnit {
    /// Compiles every function, writes the object file, runs the assembler.
    pub fn compile(mut self, timings: Option<&Timings>) -> UnitResult {
        let functions = self.functions.len();
        Timings::time(timings, Phase::Cranelift, || {
            let mut ctx = cranelift_codegen::Context::new();
            for f in self.functions {
                ctx.clear();
                ctx.func = f.func;
                match panic_guard::guarded(|| self.module.define_function(f.id, &mut ctx)) {
                    Ok(Ok(())) => {}
                    Ok(Err(err)) => {
                        return Err(format!(
                            "clif backend: Cranelift rejected `{}`: {err:?}\n{}",
                            f.symbol, ctx.func
                        ));
                    }
                    Err(panic) => {
                        return Err(crash_report(&f.symbol, &ctx.func, &self.object, &panic));
                    }
                }
            }
            Ok(())
        })?;
        let object = Timings::time(timings, Phase::Object, || {
            write_object(self.module, self.object, self.name, ModuleKind::Regular)
        })?;
        let mut modules = vec![object];
        if let Some(asm) = self.asm {
            modules.push(Timings::time(timings, Phase::Asm, || asm.run())?);
        }
        if let Some(timings) = timings {
            timings.unit_done(functions);
        }
        Ok(modules)
    }
}

/// The error for a panic inside Cranelift (a Cranelift bug): names the
/// function and keeps its IR, as far as Cranelift got with it, next to the
/// unit's object file so that it can be reduced to a `.clif` test case.
fn crash_report(symbol: &str, func: &Function, object: &Path, panic: &str) -> String {
    let clif = object.with_extension("crash.clif");
    let kept = match std::fs::write(&clif, format!("; symbol {symbol}\n{func}")) {
        Ok(()) => format!("its IR is in {}", clif.display()),
        Err(e) => format!("its IR could not be written to {}: {e}", clif.display()),
    };
    format!(
        "clif backend: Cranelift panicked compiling `{symbol}`: {panic}; this is a Cranelift bug, {kept}"
    )
}

/// Finishes `module` and writes it to `path` as unit `name`'s object file.
pub fn write_object(
    module: ClifModule,
    path: PathBuf,
    name: String,
    kind: ModuleKind,
) -> Result<CompiledModule, String> {
    let product = module.finish()?;
    let write = || -> std::io::Result<()> {
        let mut file = BufWriter::new(std::fs::File::create(&path)?);
        product
            .object
            .write_stream(&mut file)
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        file.flush()
    };
    write().map_err(|e| {
        format!(
            "clif backend: cannot write object file {}: {e}",
            path.display()
        )
    })?;
    Ok(object_module(name, kind, path))
}

/// The module rustc links for an object file at `path`.
pub fn object_module(name: String, kind: ModuleKind, path: PathBuf) -> CompiledModule {
    CompiledModule {
        name,
        kind,
        object: Some(path),
        dwarf_object: None,
        bytecode: None,
        assembly: None,
        llvm_ir: None,
        links_from_incr_cache: Vec::new(),
    }
}

type Queue = Arc<Mutex<VecDeque<LoweredUnit>>>;
type Results = Arc<Mutex<Vec<UnitResult>>>;

/// Compiles submitted units on as many threads as the jobserver allows.
pub struct Pool {
    queue: Queue,
    results: Results,
    tokens: Receiver<std::io::Result<Acquired>>,
    /// Asks the jobserver for tokens; `None` if it could not be started
    /// (then the main thread compiles everything).
    helper: Option<HelperThread>,
    workers: Vec<JoinHandle<()>>,
    timings: Option<Arc<Timings>>,
}

impl Pool {
    /// A pool; without `parallel`, one that compiles on rustc's thread only.
    pub fn new(parallel: bool, timings: Option<Arc<Timings>>) -> Self {
        let (sender, tokens) = channel();
        let helper = parallel
            .then(|| {
                rustc_data_structures::jobserver::client().into_helper_thread(move |token| {
                    // The pool may be gone; the token is then released on drop.
                    let _ = sender.send(token);
                })
            })
            .and_then(Result::ok);
        Pool {
            queue: Arc::default(),
            results: Arc::default(),
            tokens,
            helper,
            workers: Vec::new(),
            timings,
        }
    }

    /// Queues a unit and asks for one more token to compile it with.
    pub fn submit(&mut self, unit: LoweredUnit) {
        lock(&self.queue).push_back(unit);
        if let Some(helper) = &self.helper {
            helper.request_token();
        }
        self.spawn_for_tokens();
    }

    /// One worker per token received: it compiles queued units until the
    /// queue is empty, then exits, releasing its token.
    fn spawn_for_tokens(&mut self) {
        while let Ok(token) = self.tokens.try_recv() {
            let Ok(token) = token else { continue };
            let (queue, results) = (Arc::clone(&self.queue), Arc::clone(&self.results));
            let timings = self.timings.clone();
            self.workers.push(std::thread::spawn(move || {
                let _token = token;
                if timings.is_some() {
                    crate::timings::record_passes_on_this_thread();
                }
                while let Some(unit) = pop(&queue) {
                    let result = unit.compile(timings.as_deref());
                    lock(&results).push(result);
                }
            }));
        }
    }

    /// Compiles what is left on this thread, waits for the workers and
    /// returns every unit's result.
    pub fn finish(mut self) -> Vec<UnitResult> {
        if self.timings.is_some() {
            crate::timings::record_passes_on_this_thread();
        }
        loop {
            self.spawn_for_tokens();
            let Some(unit) = pop(&self.queue) else { break };
            let result = unit.compile(self.timings.as_deref());
            lock(&self.results).push(result);
        }
        drop(self.helper.take());
        for worker in self.workers.drain(..) {
            if let Err(panic) = worker.join() {
                std::panic::resume_unwind(panic);
            }
        }
        std::mem::take(&mut *lock(&self.results))
    }
}

fn pop(queue: &Queue) -> Option<LoweredUnit> {
    lock(queue).pop_front()
}

/// Locks a mutex; a worker that panicked holding it is reported by `join`.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
