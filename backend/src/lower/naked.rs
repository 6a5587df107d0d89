//! `#[unsafe(naked)]` functions: their body is a `naked_asm!` block, which
//! the backend cannot assemble yet. The symbol is defined (so the crate
//! links) as code that reports the missing support and aborts when called;
//! the compile warns at the function.

use cranelift_codegen::ir::{Function, UserFuncName};
use cranelift_frontend::FunctionBuilder;
use cranelift_module::{FuncId, Module};
use rustc_middle::ty::Instance;

use crate::cx::CodegenCx;

pub fn define_trapping<'tcx>(cx: &mut CodegenCx<'tcx>, instance: Instance<'tcx>, func_id: FuncId) {
    let tcx = cx.tcx;
    let sig = cx
        .module
        .declarations()
        .get_function_decl(func_id)
        .signature
        .clone();
    let mut func = Function::with_name_signature(UserFuncName::user(0, func_id.as_u32()), sig);
    let mut func_ctx = std::mem::take(&mut cx.func_ctx);
    let mut bcx = FunctionBuilder::new(&mut func, &mut func_ctx);
    let entry = bcx.create_block();
    bcx.switch_to_block(entry);
    let span = tcx.def_span(instance.def_id());
    super::trap::trap_unsupported_at_runtime(cx, &mut bcx, span, "naked functions (`naked_asm!`)");
    bcx.seal_all_blocks();
    bcx.finalize(cx.module.target_config());
    cx.func_ctx = func_ctx;
    let mut ctx = cranelift_codegen::Context::for_function(func);
    if let Err(err) = cx.module.define_function(func_id, &mut ctx) {
        let name = cx.symbol_name(instance);
        tcx.dcx().fatal(format!(
            "clif backend: cannot define naked function `{name}`: {err:?}"
        ));
    }
}
