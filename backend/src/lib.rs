//! `rustc_codegen_clif`: a rustc codegen backend that lowers MIR to Cranelift IR.
//!
//! rustc loads this dylib (`-Zcodegen-backend=...`) and calls
//! [`__rustc_codegen_backend`]. The pipeline, one stage per module:
//!
//! ```text
//! driver      partition into codegen units, lower each into its own ObjectModule
//! compile     compile lowered units on jobserver-limited threads, write .o files
//!  ├─ cx        per-unit state: symbols, declared functions and data, layout queries
//!  ├─ lower     one MIR body -> one Cranelift function (statements, rvalues, terminators)
//!  │   ├─ value / place   how MIR values and places live in Cranelift (SSA vars or memory)
//!  │   ├─ num / cast      arithmetic, comparisons, checked ops, casts
//!  │   ├─ discr           enum tags and niches
//!  │   └─ intrinsics      rustc intrinsics
//!  ├─ abi       rustc `FnAbi` -> Cranelift signatures, argument and return passing
//!  ├─ allocator the `__rust_alloc` & co. shim forwarding to the global allocator
//!  ├─ asm       `global_asm!`, naked functions and `asm!` wrappers, assembled by the C driver
//!  ├─ consts    constants, statics and vtables as data objects with relocations
//!  ├─ entry     the C `main` that calls the `start` lang item
//!  └─ lto       `-Clto`: upstream Rust objects handed to the linker unchanged
//! ```
//!
//! What the backend cannot compile yet it refuses with a diagnostic naming the
//! construct ([`unsupported`]); it never emits code it knows to be wrong.

#![feature(rustc_private, box_patterns)]
#![warn(unused_lifetimes)]
// cranelift_module's API returns its large ModuleError; boxing it at every call is churn.
#![allow(clippy::result_large_err)]

extern crate rustc_abi;
extern crate rustc_ast;
extern crate rustc_codegen_ssa;
extern crate rustc_data_structures;
// Linking against rustc_driver makes the dylib share rustc's copies of the crates above.
extern crate rustc_driver;
extern crate rustc_hir;
extern crate rustc_index;
extern crate rustc_metadata;
extern crate rustc_middle;
extern crate rustc_session;
extern crate rustc_span;
extern crate rustc_symbol_mangling;
extern crate rustc_target;

mod abi;
mod allocator;
mod asm;
mod compile;
mod config;
mod consts;
mod cx;
mod driver;
mod entry;
mod isa;
mod lower;
mod lsda;
mod lto;
mod panic_guard;
mod target;
mod timings;
mod unsupported;
mod unwind;
mod va_entry;
mod vendor;

use std::any::Any;

use rustc_codegen_ssa::back::archive::ArArchiveBuilderBuilder;
use rustc_codegen_ssa::back::link::link_binary;
use rustc_codegen_ssa::traits::CodegenBackend;
use rustc_codegen_ssa::{CompiledModules, CrateInfo, TargetConfig};
use rustc_data_structures::fx::FxIndexMap;
use rustc_metadata::EncodedMetadata;
use rustc_middle::dep_graph::{WorkProduct, WorkProductId};
use rustc_middle::ty::TyCtxt;
use rustc_session::Session;
use rustc_session::config::OutputFilenames;

/// The backend object rustc talks to.
pub struct ClifBackend;

impl CodegenBackend for ClifBackend {
    fn name(&self) -> &'static str {
        "clif"
    }

    fn init(&self, sess: &Session) {
        panic_guard::install();
        // Fail early, before any work, when the target has no Cranelift ISA.
        if let Err(msg) = isa::build_isa(sess, &config::BackendConfig::from_env()) {
            sess.dcx().fatal(msg);
        }
        let target = target::TargetDesc::of(sess).unwrap_or_else(|msg| sess.dcx().fatal(msg));
        if sess.panic_strategy() == rustc_target::spec::PanicStrategy::Unwind
            && target.unwind != target::UnwindFormat::Dwarf
        {
            sess.dcx().fatal(format!(
                "clif backend: panic=unwind is not supported for `{}` yet (its unwinder is not \
                 the DWARF one); build with -Cpanic=abort",
                sess.target.llvm_target
            ));
        }
    }

    fn target_config(&self, sess: &Session) -> TargetConfig {
        let target = target::TargetDesc::of(sess).unwrap_or_else(|msg| sess.dcx().fatal(msg));
        let features = target.target_features(sess);
        let floats = target.reliable_floats();
        TargetConfig {
            target_features: features.clone(),
            unstable_target_features: features,
            has_reliable_f16: floats.f16,
            has_reliable_f16_math: floats.f16,
            has_reliable_f128: floats.f128,
            has_reliable_f128_math: floats.f128_math,
        }
    }

    fn target_cpu(&self, sess: &Session) -> String {
        sess.opts
            .cg
            .target_cpu
            .clone()
            .unwrap_or_else(|| sess.target.cpu.to_string())
    }

    fn codegen_crate<'tcx>(&self, tcx: TyCtxt<'tcx>, crate_info: &CrateInfo) -> Box<dyn Any> {
        Box::new(driver::codegen_crate(tcx, crate_info))
    }

    fn join_codegen(
        &self,
        ongoing: Box<dyn Any>,
        _sess: &Session,
        _outputs: &OutputFilenames,
    ) -> (CompiledModules, FxIndexMap<WorkProductId, WorkProduct>) {
        let modules = *ongoing
            .downcast::<CompiledModules>()
            .expect("codegen_crate returns CompiledModules");
        (modules, FxIndexMap::default())
    }

    /// rustc's own linker step, timed for `CLIF_TIMINGS`.
    fn link(
        &self,
        sess: &Session,
        compiled_modules: CompiledModules,
        crate_info: CrateInfo,
        metadata: EncodedMetadata,
        outputs: &OutputFilenames,
    ) {
        let crate_name = crate_info.local_crate_name.to_string();
        let link = || {
            link_binary(
                sess,
                &ArArchiveBuilderBuilder,
                compiled_modules,
                crate_info,
                metadata,
                outputs,
                self.name(),
            )
        };
        if let Err(message) = timings::time_link(&crate_name, link) {
            sess.dcx().warn(message);
        }
    }
}

/// The entry point rustc looks up when loading a codegen backend.
#[unsafe(no_mangle)]
pub fn __rustc_codegen_backend() -> Box<dyn CodegenBackend> {
    Box::new(ClifBackend)
}
