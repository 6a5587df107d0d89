//! Unwind edges. With landing pads (panic=unwind on a target whose unwinder
//! reads DWARF tables, `isa::has_landing_pads`), a call whose MIR unwind
//! action is a cleanup block or a termination becomes a `try_call`: its
//! exceptional edge goes to a small landing block that keeps the exception
//! (the unwinder hands it over in the first payload register) and jumps to
//! the cleanup block, or calls rustc's "cannot unwind" panic. The tables the
//! personality routine reads are written from Cranelift's call sites (see
//! `unwind` and `lsda`). Without landing pads every call is a plain call and
//! cleanup blocks are never lowered.

use cranelift_codegen::ir::{
    self, AbiParam, Block, BlockArg, BlockCall, ExceptionTableData, ExceptionTableItem,
    ExceptionTag, FuncRef, InstBuilder, SigRef, TrapCode, Value,
};
use cranelift_frontend::Variable;
use cranelift_module::Linkage;
use rustc_middle::mir::{BasicBlock, UnwindAction, UnwindTerminateReason};

use super::FunctionCx;
use crate::unwind::{TAG_CATCH, TAG_CLEANUP};

/// What a call calls.
#[derive(Clone, Copy)]
pub enum Callee {
    Direct(FuncRef),
    Indirect(SigRef, Value),
}

/// The landing blocks of one function, made on first use.
#[derive(Default)]
pub struct LandingPads {
    /// One per cleanup block that calls unwind to.
    cleanup: Vec<(BasicBlock, Block)>,
    terminate: Vec<(UnwindTerminateReason, Block)>,
    /// The exception being unwound, for `UnwindResume`.
    exception: Option<Variable>,
}

/// Emits a call that unwinds as `unwind` says and returns its results.
pub fn call(
    fx: &mut FunctionCx<'_, '_, '_>,
    callee: Callee,
    args: &[Value],
    unwind: UnwindAction,
) -> Vec<Value> {
    match landing_pad(fx, unwind) {
        Some(pad) => try_call(fx, callee, args, pad, TAG_CLEANUP),
        None => {
            let inst = match callee {
                Callee::Direct(f) => fx.bcx.ins().call(f, args),
                Callee::Indirect(sig, addr) => fx.bcx.ins().call_indirect(sig, addr, args),
            };
            fx.bcx.inst_results(inst).to_vec()
        }
    }
}

/// Emits a `try_call` whose exceptional edge goes to `handler` (a block
/// with one pointer parameter, the exception) with exception tag `tag`,
/// and continues in a new block; returns the call's results.
pub fn try_call(
    fx: &mut FunctionCx<'_, '_, '_>,
    callee: Callee,
    args: &[Value],
    handler: Block,
    tag: u32,
) -> Vec<Value> {
    let sig = match callee {
        Callee::Direct(f) => fx.bcx.func.dfg.ext_funcs[f].signature,
        Callee::Indirect(sig, _) => sig,
    };
    let returns: Vec<ir::Type> = fx.bcx.func.dfg.signatures[sig]
        .returns
        .iter()
        .map(|r| r.value_type)
        .collect();
    let next = fx.bcx.create_block();
    for &ty in &returns {
        fx.bcx.append_block_param(next, ty);
    }
    let pool = &mut fx.bcx.func.dfg.value_lists;
    let ret_args = (0..returns.len() as u32).map(BlockArg::TryCallRet);
    let normal = BlockCall::new(next, ret_args, pool);
    let exceptional = BlockCall::new(handler, [BlockArg::TryCallExn(0)], pool);
    let table = ExceptionTableData::new(
        sig,
        normal,
        [ExceptionTableItem::Tag(
            ExceptionTag::from_u32(tag),
            exceptional,
        )],
    );
    let table = fx.bcx.func.dfg.exception_tables.push(table);
    match callee {
        Callee::Direct(f) => fx.bcx.ins().try_call(f, args, table),
        Callee::Indirect(_, addr) => fx.bcx.ins().try_call_indirect(addr, args, table),
    };
    fx.bcx.switch_to_block(next);
    fx.bcx.block_params(next).to_vec()
}

/// The block a call with `unwind` lands in, if it needs one. Its body is
/// emitted by `fill_pads`, once the function's blocks are lowered.
fn landing_pad(fx: &mut FunctionCx<'_, '_, '_>, unwind: UnwindAction) -> Option<Block> {
    if !fx.cx.landing_pads {
        return None;
    }
    let pads = &fx.landing;
    let existing = match unwind {
        UnwindAction::Continue | UnwindAction::Unreachable => return None,
        UnwindAction::Cleanup(bb) => pads.cleanup.iter().find(|(b, _)| *b == bb).map(|p| p.1),
        UnwindAction::Terminate(r) => pads.terminate.iter().find(|(t, _)| *t == r).map(|p| p.1),
    };
    if existing.is_some() {
        return existing;
    }
    let pad = handler_block(fx);
    match unwind {
        UnwindAction::Cleanup(bb) => fx.landing.cleanup.push((bb, pad)),
        UnwindAction::Terminate(reason) => fx.landing.terminate.push((reason, pad)),
        UnwindAction::Continue | UnwindAction::Unreachable => unreachable!(),
    }
    Some(pad)
}

/// Emits the bodies of the landing pads: keep the exception and go to the
/// cleanup block, or terminate.
pub fn fill_pads(fx: &mut FunctionCx<'_, '_, '_>) {
    for (bb, pad) in std::mem::take(&mut fx.landing.cleanup) {
        fx.bcx.switch_to_block(pad);
        let exception = fx.bcx.block_params(pad)[0];
        let var = exception_var(fx);
        fx.bcx.def_var(var, exception);
        let target = fx.block(bb);
        fx.bcx.ins().jump(target, &[]);
    }
    for (reason, pad) in std::mem::take(&mut fx.landing.terminate) {
        fx.bcx.switch_to_block(pad);
        terminate(fx, reason);
    }
}

/// A new cold block with the exception as its one parameter (the first
/// payload register), for a `try_call` to land in.
pub fn handler_block(fx: &mut FunctionCx<'_, '_, '_>) -> Block {
    // The unit's tables must name the personality routine.
    let personality = fx.cx.personality();
    fx.cx.module.set_personality(personality);
    let pad = fx.bcx.create_block();
    fx.bcx.set_cold_block(pad);
    fx.bcx.append_block_param(pad, fx.pointer_ty);
    pad
}

fn exception_var(fx: &mut FunctionCx<'_, '_, '_>) -> Variable {
    match fx.landing.exception {
        Some(var) => var,
        None => {
            let var = fx.bcx.declare_var(fx.pointer_ty);
            fx.landing.exception = Some(var);
            var
        }
    }
}

/// `UnwindResume`: unwinding continues with the exception the cleanup
/// block was entered with.
pub fn resume(fx: &mut FunctionCx<'_, '_, '_>) {
    let var = exception_var(fx);
    let exception = fx.bcx.use_var(var);
    let mut sig = ir::Signature::new(fx.cx.isa().default_call_conv());
    sig.params.push(AbiParam::new(fx.pointer_ty));
    let id = fx
        .cx
        .declare_fn_raw("_Unwind_Resume", Linkage::Import, &sig);
    let f = fx.func_ref(id);
    fx.bcx.ins().call(f, &[exception]);
    fx.trap(TrapCode::unwrap_user(3));
}

/// `UnwindTerminate`, and the landing pads of calls that must not unwind:
/// rustc's "panic in a function that cannot unwind" or "panic in a
/// destructor during cleanup", which abort.
pub fn terminate(fx: &mut FunctionCx<'_, '_, '_>, reason: UnwindTerminateReason) {
    super::terminator::call_lang_item(
        fx,
        reason.lang_item(),
        Vec::new(),
        UnwindAction::Unreachable,
    );
    fx.trap(TrapCode::unwrap_user(3));
}

/// The `catch_unwind(try_fn, data, catch_fn)` intrinsic: calls
/// `try_fn(data)`; if that unwinds, calls `catch_fn(data, exception)`.
/// Returns the i32 1 if it caught a panic, else 0. Without landing pads
/// nothing unwinds, so nothing is caught.
pub fn catch_unwind(
    fx: &mut FunctionCx<'_, '_, '_>,
    try_fn: Value,
    data: Value,
    catch_fn: Value,
) -> Value {
    let ptr = AbiParam::new(fx.pointer_ty);
    let mut try_sig = ir::Signature::new(fx.cx.isa().default_call_conv());
    try_sig.params.push(ptr);
    let mut catch_sig = try_sig.clone();
    catch_sig.params.push(ptr);
    let try_sig = fx.bcx.import_signature(try_sig);
    let callee = Callee::Indirect(try_sig, try_fn);
    if !fx.cx.landing_pads {
        fx.bcx.ins().call_indirect(try_sig, try_fn, &[data]);
        return fx.bcx.ins().iconst(ir::types::I32, 0);
    }
    let done = fx.bcx.create_block();
    let caught = fx.bcx.append_block_param(done, ir::types::I32);
    let handler = handler_block(fx);
    try_call(fx, callee, &[data], handler, TAG_CATCH);
    let zero = fx.bcx.ins().iconst(ir::types::I32, 0);
    fx.bcx.ins().jump(done, &[zero.into()]);

    fx.bcx.switch_to_block(handler);
    let exception = fx.bcx.block_params(handler)[0];
    let catch_sig = fx.bcx.import_signature(catch_sig);
    fx.bcx
        .ins()
        .call_indirect(catch_sig, catch_fn, &[data, exception]);
    let one = fx.bcx.ins().iconst(ir::types::I32, 1);
    fx.bcx.ins().jump(done, &[one.into()]);

    fx.bcx.switch_to_block(done);
    caught
}
