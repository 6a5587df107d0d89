//! Run-time refusal: code the backend cannot compile yet but that must not
//! stop the build (LLVM vendor intrinsics such as `llvm.x86.*`, inline
//! assembly on architectures without an `asm!` lowering) becomes a call
//! that prints a message naming the construct to stderr and aborts. The compile also warns at the
//! construct's span, so nothing fails silently.

use cranelift_codegen::ir::{AbiParam, InstBuilder, Signature, TrapCode, types};
use cranelift_frontend::FunctionBuilder;
use cranelift_module::{Linkage, Module};
use rustc_span::Span;

use super::FunctionCx;
use crate::cx::CodegenCx;

impl FunctionCx<'_, '_, '_> {
    /// Warns at the current span and emits code that, when reached, prints
    /// `clif backend: <what> is not supported yet` and aborts.
    pub fn trap_unsupported_at_runtime(&mut self, what: &str) {
        trap_unsupported_at_runtime(self.cx, &mut self.bcx, self.span, what);
    }
}

/// [`FunctionCx::trap_unsupported_at_runtime`] for code built without a MIR body.
pub fn trap_unsupported_at_runtime(
    cx: &mut CodegenCx<'_>,
    bcx: &mut FunctionBuilder<'_>,
    span: Span,
    what: &str,
) {
    cx.tcx.dcx().span_warn(
        span,
        format!("the clif backend does not support {what} yet; reaching it at run time aborts"),
    );
    let message = format!("clif backend: {what} is not supported yet (aborting)\n");
    let data = cx.define_anon_bytes("trapmsg", message.as_bytes());
    let ptr_ty = cx.pointer_ty;
    let gv = cx.module.declare_data_in_func(data, bcx.func);
    let ptr = bcx.ins().symbol_value(ptr_ty, gv);
    let len = bcx.ins().iconst(ptr_ty, message.len() as i64);
    let fd = bcx.ins().iconst(types::I32, 2);
    let call_conv = cx.isa().default_call_conv();
    let mut write_sig = Signature::new(call_conv);
    write_sig.params = vec![
        AbiParam::new(types::I32),
        AbiParam::new(ptr_ty),
        AbiParam::new(ptr_ty),
    ];
    write_sig.returns = vec![AbiParam::new(ptr_ty)];
    let write = cx.declare_fn_raw("write", Linkage::Import, &write_sig);
    let write = cx.callee_ref(bcx, write);
    bcx.ins().call(write, &[fd, ptr, len]);
    let abort = cx.declare_fn_raw("abort", Linkage::Import, &Signature::new(call_conv));
    let abort = cx.callee_ref(bcx, abort);
    bcx.ins().call(abort, &[]);
    bcx.ins().trap(TrapCode::unwrap_user(7));
}
