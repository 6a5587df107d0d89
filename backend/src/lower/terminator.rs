//! Terminators: control flow, drops, calls (via `call`), assertions and the
//! panics they raise.

use cranelift_codegen::ir::{InstBuilder, TrapCode, condcodes::IntCC, types};
use cranelift_frontend::Switch;
use rustc_hir::LangItem;
use rustc_middle::mir::{self, AssertKind, BasicBlock, TerminatorKind, UnwindAction};
use rustc_middle::ty::{self, Instance, InstanceKind};
use rustc_target::callconv::PassMode;

use super::call::{self, caller_location};
use super::value::CValue;
use super::{FunctionCx, landing};

pub fn codegen_terminator<'tcx>(fx: &mut FunctionCx<'_, '_, 'tcx>, term: &mir::Terminator<'tcx>) {
    fx.span = term.source_info.span;
    match &term.kind {
        TerminatorKind::Goto { target } => {
            let block = fx.block(*target);
            fx.bcx.ins().jump(block, &[]);
        }
        TerminatorKind::SwitchInt { discr, targets } => {
            let value = fx.codegen_operand(discr).load_scalar(fx);
            let ty = fx.bcx.func.dfg.value_type(value);
            // `match` on a two-variant enum: `[0: a, 1: b, otherwise:
            // unreachable]` is one test, with `b` as the fallthrough.
            let mut cases: Vec<(u128, BasicBlock)> = targets.iter().collect();
            let otherwise_bb = if is_unreachable(fx.mir, targets.otherwise()) && cases.len() > 1 {
                cases.pop().expect("more than one case").1
            } else {
                targets.otherwise()
            };
            let otherwise = fx.block(otherwise_bb);
            if let [(val, bb)] = cases[..] {
                let then = fx.block(bb);
                if val == 0 {
                    fx.bcx.ins().brif(value, otherwise, &[], then, &[]);
                } else {
                    let c = fx.iconst(ty, val as i128);
                    let eq = fx.bcx.ins().icmp(IntCC::Equal, value, c);
                    fx.bcx.ins().brif(eq, then, &[], otherwise, &[]);
                }
            } else if ty == types::I128 {
                // Switch handles up to 64-bit values; chain comparisons for i128.
                for &(val, bb) in &cases {
                    let c = fx.iconst(ty, val as i128);
                    let eq = fx.bcx.ins().icmp(IntCC::Equal, value, c);
                    let next = fx.bcx.create_block();
                    let then = fx.block(bb);
                    fx.bcx.ins().brif(eq, then, &[], next, &[]);
                    fx.bcx.switch_to_block(next);
                }
                fx.bcx.ins().jump(otherwise, &[]);
            } else {
                let mut switch = Switch::new();
                for &(val, bb) in &cases {
                    switch.set_entry(val, fx.block(bb));
                }
                switch.emit(&mut fx.bcx, value, otherwise);
            }
        }
        TerminatorKind::Return => call::codegen_return(fx),
        TerminatorKind::Unreachable => fx.trap(TrapCode::unwrap_user(2)),
        // Only reached from landing pads (see `landing`).
        TerminatorKind::UnwindResume => landing::resume(fx),
        TerminatorKind::UnwindTerminate(reason) => landing::terminate(fx, *reason),
        TerminatorKind::Drop {
            place,
            target,
            unwind,
            ..
        } => codegen_drop(fx, *place, *target, *unwind),
        TerminatorKind::Call {
            func,
            args,
            destination,
            target,
            fn_span,
            unwind,
            ..
        } => {
            // `#[track_caller]` callees see the span of the call expression itself.
            let source_info = mir::SourceInfo {
                span: *fn_span,
                ..term.source_info
            };
            call::codegen_call(fx, source_info, func, args, *destination, *target, *unwind)
        }
        TerminatorKind::Assert {
            cond,
            expected,
            msg,
            target,
            unwind,
        } => codegen_assert(fx, term.source_info, cond, *expected, msg, *target, *unwind),
        TerminatorKind::FalseEdge { real_target, .. }
        | TerminatorKind::FalseUnwind { real_target, .. } => {
            let block = fx.block(*real_target);
            fx.bcx.ins().jump(block, &[]);
        }
        TerminatorKind::InlineAsm {
            template,
            operands,
            options,
            targets,
            ..
        } => {
            if !crate::asm::inline::codegen_inline_asm(fx, template, operands, *options, targets) {
                fx.trap_unsupported_at_runtime("this inline assembly (`asm!`)");
            }
        }
        TerminatorKind::TailCall { .. } => fx.unsupported("explicit tail calls (`become`)"),
        TerminatorKind::Yield { .. } | TerminatorKind::CoroutineDrop => {
            unreachable!("coroutine terminators are lowered away before codegen")
        }
    }
}

fn codegen_drop<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    place: mir::Place<'tcx>,
    target: BasicBlock,
    unwind: UnwindAction,
) {
    let tcx = fx.tcx;
    let ty = fx.monomorphize(place.ty(fx.mir, tcx).ty);
    let drop_instance = Instance::resolve_drop_in_place(tcx, ty);
    let target_block = fx.block(target);
    if let InstanceKind::DropGlue(_, None) = drop_instance.def {
        fx.bcx.ins().jump(target_block, &[]);
        return;
    }
    let place = fx.codegen_place(place);
    let (ptr, meta) = place.to_ptr_maybe_unsized();
    let addr = ptr.addr(fx);
    match ty.kind() {
        ty::Dynamic(..) => {
            // drop_in_place is the first vtable entry; it takes the data pointer.
            let vtable = meta.expect("dyn place without vtable");
            let drop_fn = fx.bcx.ins().load(
                fx.pointer_ty,
                cranelift_codegen::ir::MemFlagsData::new(),
                vtable,
                0,
            );
            let virtual_drop = Instance {
                def: InstanceKind::Virtual(drop_instance.def_id(), 0),
                args: drop_instance.args,
            };
            let fn_abi = fx.cx.fn_abi_of_instance(virtual_drop);
            let sig = crate::abi::signature(fx.cx, fn_abi);
            let sig_ref = fx.bcx.import_signature(sig);
            // Types without drop glue have a null entry: skip the call.
            let call_block = fx.bcx.create_block();
            fx.bcx
                .ins()
                .brif(drop_fn, call_block, &[], target_block, &[]);
            fx.bcx.switch_to_block(call_block);
            let callee = landing::Callee::Indirect(sig_ref, drop_fn);
            landing::call(fx, callee, &[addr], unwind);
        }
        _ => {
            let fn_abi = fx.cx.fn_abi_of_instance(drop_instance);
            let args = match (fn_abi.args[0].mode.clone(), meta) {
                (PassMode::Pair(..), Some(meta)) => vec![addr, meta],
                (PassMode::Direct(_), None) => vec![addr],
                (mode, _) => unreachable!("drop_in_place argument passed as {mode:?}"),
            };
            let id = fx.cx.get_fn(drop_instance);
            let callee = landing::Callee::Direct(fx.func_ref(id));
            landing::call(fx, callee, &args, unwind);
        }
    }
    fx.bcx.ins().jump(target_block, &[]);
}

fn codegen_assert<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    source_info: mir::SourceInfo,
    cond: &mir::Operand<'tcx>,
    expected: bool,
    msg: &mir::AssertMessage<'tcx>,
    target: BasicBlock,
    unwind: UnwindAction,
) {
    let cond = fx.codegen_operand(cond).load_scalar(fx);
    let ok = fx.block(target);
    let failed = fx.bcx.create_block();
    fx.bcx.set_cold_block(failed);
    if expected {
        fx.bcx.ins().brif(cond, ok, &[], failed, &[]);
    } else {
        fx.bcx.ins().brif(cond, failed, &[], ok, &[]);
    }
    fx.bcx.switch_to_block(failed);
    let location = caller_location(fx, source_info);
    let (lang_item, mut args) = match msg {
        AssertKind::BoundsCheck { len, index } => {
            let index = fx.codegen_operand(index);
            let len = fx.codegen_operand(len);
            (LangItem::PanicBoundsCheck, vec![index, len])
        }
        AssertKind::MisalignedPointerDereference { required, found } => {
            let required = fx.codegen_operand(required);
            let found = fx.codegen_operand(found);
            (
                LangItem::PanicMisalignedPointerDereference,
                vec![required, found],
            )
        }
        AssertKind::NullPointerDereference => (LangItem::PanicNullPointerDereference, vec![]),
        AssertKind::InvalidEnumConstruction(source) => {
            let source = fx.codegen_operand(source);
            (LangItem::PanicInvalidEnumConstruction, vec![source])
        }
        _ => (msg.panic_function(), vec![]),
    };
    args.push(location);
    call_lang_item(fx, lang_item, args, unwind);
    fx.trap(TrapCode::unwrap_user(4));
}

/// Calls a (diverging) lang item function such as a panic entry point.
pub fn call_lang_item<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    item: LangItem,
    args: Vec<CValue<'tcx>>,
    unwind: UnwindAction,
) {
    let def_id = fx.tcx.require_lang_item(item, fx.span);
    let instance = Instance::mono(fx.tcx, def_id);
    let fn_abi = fx.cx.fn_abi_of_instance(instance);
    assert!(
        !matches!(fn_abi.ret.mode, PassMode::Indirect { .. }),
        "lang item {item:?} returns through memory"
    );
    let args = fn_abi
        .args
        .iter()
        .zip(args)
        // The lang item's parameter types may differ in name only (e.g. `usize` vs a local).
        .map(|(arg, value)| (value.with_layout(arg.layout), false))
        .collect();
    let values = call::signature_args(fx, fn_abi, Vec::new(), args);
    let id = fx.cx.get_fn(instance);
    let callee = landing::Callee::Direct(fx.func_ref(id));
    landing::call(fx, callee, &values, unwind);
}

/// Whether `bb` is just `unreachable` (where rustc sends impossible
/// discriminant values).
fn is_unreachable(mir: &mir::Body<'_>, bb: BasicBlock) -> bool {
    let data = &mir.basic_blocks[bb];
    data.statements.is_empty() && matches!(data.terminator().kind, TerminatorKind::Unreachable)
}
