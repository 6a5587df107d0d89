//! The codegen driver: asks rustc for the codegen units, lowers each into its
//! own Cranelift `ObjectModule` on this thread, and hands the lowered units
//! to [`crate::compile`], which compiles them and writes one object file per
//! unit (plus one for its assembly) where rustc's linker step expects it.

use cranelift_module::Linkage;
use cranelift_object::{ObjectBuilder, ObjectModule};
use rustc_codegen_ssa::{CompiledModules, CrateInfo};
use rustc_hir::attrs::Linkage as RLinkage;
use rustc_middle::mono::{CodegenUnit, MonoItem, MonoItemData, Visibility};
use rustc_middle::ty::TyCtxt;
use rustc_session::config::OutputType;

use crate::compile::{LoweredUnit, Pool};
use crate::config::BackendConfig;
use crate::cx::CodegenCx;
use crate::timings::{Phase, Timings};
use crate::unsupported::recover;
use crate::unwind::ClifModule;
use crate::{allocator, asm, consts, entry, isa, lower, lto};

pub fn codegen_crate(tcx: TyCtxt<'_>, crate_info: &CrateInfo) -> CompiledModules {
    let config = BackendConfig::from_env();
    let isa = isa::build_isa(tcx.sess, &config).unwrap_or_else(|msg| tcx.dcx().fatal(msg));
    let cgus = tcx.collect_and_partition_mono_items(()).codegen_units;
    // Lowering needs the TyCtxt and stays on this thread; compiling the
    // lowered units overlaps with it on jobserver-limited workers.
    let timings = Timings::from_env().map(std::sync::Arc::new);
    let mut pool = Pool::new(config.parallel, timings.clone());
    for cgu in cgus {
        let unit = Timings::time(timings.as_deref(), Phase::Lower, || {
            lower_cgu(tcx, &isa, cgu)
        });
        pool.submit(unit);
    }
    let mut modules = Vec::new();
    for result in pool.finish() {
        match result {
            Ok(compiled) => modules.extend(compiled),
            Err(message) => {
                tcx.dcx().err(message);
            }
        }
    }
    modules.sort_by(|a, b| a.name.cmp(&b.name));
    modules.extend(lto::upstream_modules(tcx, crate_info));
    let allocator_module = allocator::codegen(tcx, &isa);
    tcx.sess.dcx().abort_if_errors();
    if let Some(timings) = timings
        && let Err(message) =
            timings.report(tcx.crate_name(rustc_span::def_id::LOCAL_CRATE).as_str())
    {
        tcx.dcx().warn(message);
    }
    CompiledModules {
        modules,
        allocator_module,
    }
}

/// Lowers every item of `cgu` to Cranelift IR (statics and constant data
/// are already defined in the returned unit's module).
fn lower_cgu<'tcx>(
    tcx: TyCtxt<'tcx>,
    isa: &std::sync::Arc<dyn cranelift_codegen::isa::TargetIsa>,
    cgu: &CodegenUnit<'tcx>,
) -> LoweredUnit {
    let name = cgu.name().as_str().to_string();
    let mut cx = CodegenCx::new(tcx, new_module(tcx, isa, &name), &name);

    let items = cgu.items_in_deterministic_order(tcx);
    let asm_referenced = asm::inline::sym_operand_targets(tcx, &items);
    let mut functions = Vec::new();
    let mut naked = Vec::new();
    for (item, data) in &items {
        match *item {
            MonoItem::Fn(instance) if crate::cx::is_naked(tcx, instance) => {
                // Defined by the unit's assembly; the Cranelift object refers to it.
                cx.declare_fn(instance, Linkage::Import);
                naked.push((instance, global_in_assembly(*data)));
            }
            MonoItem::Fn(instance) => {
                let data = if asm_referenced.contains(item) {
                    global_in_assembly(*data)
                } else {
                    *data
                };
                functions.push((instance, cx.declare_fn(instance, linkage(&data))))
            }
            MonoItem::Static(def_id) => {
                let data = if asm_referenced.contains(item) {
                    global_in_assembly(*data)
                } else {
                    *data
                };
                cx.declare_static(def_id, linkage(&data));
            }
            MonoItem::GlobalAsm(item_id) => {
                let mut acx = asm::GlobalAsmCx {
                    lcx: cx.lcx,
                    text: &mut cx.asm_text,
                };
                rustc_codegen_ssa::base::codegen_global_asm(&mut acx, item_id);
            }
        }
    }
    for (instance, data) in naked {
        let mut acx = asm::GlobalAsmCx {
            lcx: cx.lcx,
            text: &mut cx.asm_text,
        };
        rustc_codegen_ssa::mir::naked_asm::codegen_naked_asm(&mut acx, instance, data);
    }
    for (item, _) in &items {
        if let MonoItem::Static(def_id) = *item {
            recover(|| consts::define_static(&mut cx, def_id));
        }
    }
    for (instance, id) in functions {
        recover(|| lower::codegen_fn(&mut cx, instance, id));
    }
    entry::maybe_create_entry_wrapper(&mut cx, cgu);
    consts::define_pending(&mut cx);

    let (module, functions, asm_text) = cx.into_parts();
    let asm = (!asm_text.is_empty()).then(|| asm::AsmJob::new(tcx, &name, asm_text));
    LoweredUnit {
        object: object_path(tcx, &name),
        name,
        module,
        functions,
        asm,
    }
}

/// Items defined in the unit's assembly are referenced from its Cranelift
/// object file and vice versa (`sym` operands), so a unit-local item that
/// crosses between the two becomes a hidden global.
fn global_in_assembly(data: MonoItemData) -> MonoItemData {
    match data.linkage {
        RLinkage::Internal => MonoItemData {
            linkage: RLinkage::External,
            visibility: Visibility::Hidden,
            ..data
        },
        _ => data,
    }
}

/// An empty object module for one codegen unit (or the allocator shim).
pub fn new_module(
    tcx: TyCtxt<'_>,
    isa: &std::sync::Arc<dyn cranelift_codegen::isa::TargetIsa>,
    name: &str,
) -> ClifModule {
    let mut builder = ObjectBuilder::new(
        isa.clone(),
        name.to_string(),
        cranelift_module::default_libcall_names(),
    )
    .unwrap_or_else(|e| tcx.dcx().fatal(format!("clif backend: {e}")));
    // One section per function and data object, so the linker can drop unused ones.
    builder
        .per_function_section(true)
        .per_data_object_section(true);
    ClifModule::new(ObjectModule::new(builder), isa.clone())
}

/// Where rustc's linker step expects the object file of unit `name`.
pub fn object_path(tcx: TyCtxt<'_>, name: &str) -> std::path::PathBuf {
    tcx.output_filenames(()).temp_path_for_cgu(
        OutputType::Object,
        name,
        tcx.sess.invocation_temp.as_deref(),
    )
}

fn linkage(data: &MonoItemData) -> Linkage {
    match data.linkage {
        RLinkage::Internal => Linkage::Local,
        RLinkage::External => match data.visibility {
            Visibility::Default => Linkage::Export,
            Visibility::Hidden => Linkage::Hidden,
            // Cranelift has no protected visibility; exporting is the safe superset.
            Visibility::Protected => Linkage::Export,
        },
        // Weak and link-once definitions may be defined in several objects.
        _ => Linkage::Preemptible,
    }
}
