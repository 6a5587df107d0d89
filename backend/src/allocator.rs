//! The allocator shim: when a crate graph links `alloc`, the final crate
//! defines `__rust_alloc`, `__rust_dealloc`, … (mangled as internal
//! symbols), each forwarding to the `#[global_allocator]`'s functions or to
//! std's defaults, plus the `__rust_no_alloc_shim_is_unstable` marker. It
//! is its own object file, the "allocator module" rustc links.

use cranelift_codegen::ir::{AbiParam, Function, InstBuilder, Signature, UserFuncName};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{Linkage, Module};
use rustc_ast::expand::allocator::{
    AllocatorMethod, AllocatorTy, NO_ALLOC_SHIM_IS_UNSTABLE, default_fn_name, global_fn_name,
};
use rustc_codegen_ssa::base::{allocator_kind_for_codegen, allocator_shim_contents};
use rustc_codegen_ssa::{CompiledModule, ModuleKind};
use rustc_middle::ty::TyCtxt;
use rustc_symbol_mangling::mangle_internal_symbol;

use crate::compile::write_object;
use crate::driver::{new_module, object_path};
use crate::target::TargetDesc;
use crate::unwind::ClifModule;

/// Writes the allocator shim object if this crate needs one.
pub fn codegen(
    tcx: TyCtxt<'_>,
    isa: &std::sync::Arc<dyn cranelift_codegen::isa::TargetIsa>,
) -> Option<CompiledModule> {
    let kind = allocator_kind_for_codegen(tcx)?;
    let name = format!(
        "{}.allocator",
        tcx.crate_name(rustc_span::def_id::LOCAL_CRATE)
    );
    let target = TargetDesc::of(tcx.sess).unwrap_or_else(|e| tcx.dcx().fatal(e));
    let mut module = new_module(tcx, isa, &name);
    let mut ctx = FunctionBuilderContext::new();
    for method in allocator_shim_contents(tcx, kind) {
        let from = mangle_internal_symbol(tcx, &global_fn_name(method.name));
        let to = mangle_internal_symbol(tcx, &default_fn_name(method.name));
        let sig = signature(&module, &method);
        define_forwarder(tcx, &target, &mut module, &mut ctx, &from, Some(&to), sig);
    }
    let marker = mangle_internal_symbol(tcx, NO_ALLOC_SHIM_IS_UNSTABLE);
    let sig = Signature::new(module.isa().default_call_conv());
    define_forwarder(tcx, &target, &mut module, &mut ctx, &marker, None, sig);
    let path = object_path(tcx, &name);
    match write_object(module, path, name, ModuleKind::Allocator) {
        Ok(compiled) => Some(compiled),
        Err(message) => tcx.dcx().fatal(message),
    }
}

/// The C signature of an allocator method (a `Layout` is size and align).
fn signature(module: &ClifModule, method: &AllocatorMethod) -> Signature {
    let ptr = module.isa().pointer_type();
    let mut sig = Signature::new(module.isa().default_call_conv());
    for input in method.inputs {
        match input.ty {
            AllocatorTy::Layout => {
                sig.params.push(AbiParam::new(ptr));
                sig.params.push(AbiParam::new(ptr));
            }
            AllocatorTy::Ptr | AllocatorTy::Usize => sig.params.push(AbiParam::new(ptr)),
            _ => unreachable!("invalid allocator argument type"),
        }
    }
    match method.output {
        AllocatorTy::ResultPtr => sig.returns.push(AbiParam::new(ptr)),
        AllocatorTy::Unit | AllocatorTy::Never => {}
        _ => unreachable!("invalid allocator result type"),
    }
    sig
}

/// Defines `from` as a function that calls `to` with its arguments and
/// returns its result (or that just returns, without `to`).
fn define_forwarder(
    tcx: TyCtxt<'_>,
    target: &TargetDesc,
    module: &mut ClifModule,
    ctx: &mut FunctionBuilderContext,
    from: &str,
    to: Option<&str>,
    sig: Signature,
) {
    let fatal = |e: cranelift_module::ModuleError| -> ! {
        tcx.dcx()
            .fatal(format!("clif backend: allocator shim `{from}`: {e}"))
    };
    let from_id = module
        .declare_function(from, Linkage::Export, &sig)
        .unwrap_or_else(|e| fatal(e));
    let mut func =
        Function::with_name_signature(UserFuncName::user(0, from_id.as_u32()), sig.clone());
    {
        let mut bcx = FunctionBuilder::new(&mut func, ctx);
        let block = bcx.create_block();
        bcx.append_block_params_for_function_params(block);
        bcx.switch_to_block(block);
        let args = bcx.block_params(block).to_vec();
        match to {
            Some(to) => {
                let to_id = module
                    .declare_function(to, Linkage::Import, &sig)
                    .unwrap_or_else(|e| fatal(e));
                let callee = crate::cx::callee_ref(module, target, to_id, bcx.func);
                let call = bcx.ins().call(callee, &args);
                let results = bcx.inst_results(call).to_vec();
                bcx.ins().return_(&results);
            }
            None => {
                bcx.ins().return_(&[]);
            }
        }
        bcx.seal_all_blocks();
        bcx.finalize(module.target_config());
    }
    let mut cctx = cranelift_codegen::Context::for_function(func);
    module
        .define_function(from_id, &mut cctx)
        .unwrap_or_else(|e| fatal(e));
}
