//! Atomic intrinsics (`atomic_load`, `atomic_cxchg`, `atomic_xadd`, …).
//! Cranelift's atomic instructions are sequentially consistent, which is at
//! least as strong as every ordering Rust can ask for, so the ordering
//! arguments are not needed. 128-bit atomics on targets where Cranelift
//! has none are loops around the target's compare-and-swap function
//! ([`crate::target::TargetDesc::cas128`]).

use cranelift_codegen::ir::{
    AbiParam, AtomicRmwOp, InstBuilder, MemFlagsData, Signature, Value, condcodes::IntCC, types,
};
use cranelift_module::Linkage;
use rustc_middle::ty::layout::TyAndLayout;
use rustc_span::{Symbol, sym};

use super::super::FunctionCx;
use super::super::value::CValue;
use crate::target::Cas128;

/// What an atomic intrinsic computes: `Some(Some(v))` a value, `Some(None)`
/// nothing (stores, fences), `None` if `name` is not an atomic intrinsic.
pub fn codegen<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    name: Symbol,
    args: &[CValue<'tcx>],
    out: TyAndLayout<'tcx>,
) -> Option<Option<CValue<'tcx>>> {
    // The value operated on: the second argument, or a load's result.
    let value = args.get(1).map_or(out, |a| a.layout);
    let is_128 = value.size.bytes() == 16;
    if let (true, Some(cas)) = (is_128, fx.cx.target.cas128) {
        let cas = cas_symbol(fx, cas);
        return codegen_with_cas(fx, &cas, name, args, out);
    }
    let flags = MemFlagsData::trusted();
    let rmw = match name {
        sym::atomic_fence | sym::atomic_singlethreadfence => {
            fx.bcx.ins().fence();
            return Some(None);
        }
        sym::atomic_load => {
            let p = args[0].load_scalar(fx);
            let ty = fx.clif_type(out).expect("atomic of a scalar");
            let v = fx.bcx.ins().atomic_load(ty, flags, p);
            return Some(Some(CValue::by_val(v, out)));
        }
        sym::atomic_store => {
            let p = args[0].load_scalar(fx);
            let v = args[1].load_scalar(fx);
            fx.bcx.ins().atomic_store(flags, v, p);
            return Some(None);
        }
        sym::atomic_cxchg | sym::atomic_cxchgweak => {
            let p = args[0].load_scalar(fx);
            let expected = args[1].load_scalar(fx);
            let new = args[2].load_scalar(fx);
            let old = fx.bcx.ins().atomic_cas(flags, p, expected, new);
            let ok = fx.bcx.ins().icmp(IntCC::Equal, old, expected);
            return Some(Some(CValue::by_val_pair(old, ok, out)));
        }
        sym::atomic_xchg => AtomicRmwOp::Xchg,
        sym::atomic_xadd => AtomicRmwOp::Add,
        sym::atomic_xsub => AtomicRmwOp::Sub,
        sym::atomic_and => AtomicRmwOp::And,
        sym::atomic_nand => AtomicRmwOp::Nand,
        sym::atomic_or => AtomicRmwOp::Or,
        sym::atomic_xor => AtomicRmwOp::Xor,
        sym::atomic_max => AtomicRmwOp::Smax,
        sym::atomic_min => AtomicRmwOp::Smin,
        sym::atomic_umax => AtomicRmwOp::Umax,
        sym::atomic_umin => AtomicRmwOp::Umin,
        _ => return None,
    };
    let p = args[0].load_scalar(fx);
    let v = args[1].load_scalar(fx);
    let ty = fx.clif_type(out).expect("atomic of a scalar");
    let v = super::super::discr::int_resize(fx, v, ty, false);
    let old = fx.bcx.ins().atomic_rmw(ty, flags, rmw, p, v);
    Some(Some(CValue::by_val(old, out)))
}

/// The symbol of the compare-and-swap function: the runtime's, or the
/// unit's assembly function, defined on first use.
fn cas_symbol(fx: &mut FunctionCx<'_, '_, '_>, cas: Cas128) -> String {
    match cas {
        Cas128::Extern(symbol) => symbol.to_owned(),
        Cas128::Asm(body) => {
            let cx = &mut *fx.cx;
            if let Some(symbol) = &cx.cas128_symbol {
                return symbol.clone();
            }
            let symbol = cx.asm_symbol_name("cas16");
            let ret = cx.target.asm_return;
            cx.asm_text.push_str(&crate::asm::function_text(
                &symbol,
                &format!("{body}\n{ret}"),
            ));
            cx.cas128_symbol = Some(symbol.clone());
            symbol
        }
    }
}

/// A 128-bit atomic intrinsic built on the compare-and-swap function `cas`
/// (`cas(expected, new, ptr) -> old`, sequentially consistent).
fn codegen_with_cas<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    cas: &str,
    name: Symbol,
    args: &[CValue<'tcx>],
    out: TyAndLayout<'tcx>,
) -> Option<Option<CValue<'tcx>>> {
    let rmw = match name {
        sym::atomic_load => {
            // Replacing 0 by 0 reads the value without changing it.
            let p = args[0].load_scalar(fx);
            let zero = fx.bcx.ins().iconst(types::I64, 0);
            let zero = fx.bcx.ins().uextend(types::I128, zero);
            let v = call_cas(fx, cas, p, zero, zero);
            return Some(Some(CValue::by_val(v, out)));
        }
        sym::atomic_store => {
            let p = args[0].load_scalar(fx);
            let v = args[1].load_scalar(fx);
            cas_loop(fx, cas, p, |_, _| v);
            return Some(None);
        }
        sym::atomic_cxchg | sym::atomic_cxchgweak => {
            let p = args[0].load_scalar(fx);
            let expected = args[1].load_scalar(fx);
            let new = args[2].load_scalar(fx);
            let old = call_cas(fx, cas, p, expected, new);
            let ok = fx.bcx.ins().icmp(IntCC::Equal, old, expected);
            return Some(Some(CValue::by_val_pair(old, ok, out)));
        }
        sym::atomic_xchg => None,
        sym::atomic_xadd => Some(AtomicRmwOp::Add),
        sym::atomic_xsub => Some(AtomicRmwOp::Sub),
        sym::atomic_and => Some(AtomicRmwOp::And),
        sym::atomic_nand => Some(AtomicRmwOp::Nand),
        sym::atomic_or => Some(AtomicRmwOp::Or),
        sym::atomic_xor => Some(AtomicRmwOp::Xor),
        sym::atomic_max => Some(AtomicRmwOp::Smax),
        sym::atomic_min => Some(AtomicRmwOp::Smin),
        sym::atomic_umax => Some(AtomicRmwOp::Umax),
        sym::atomic_umin => Some(AtomicRmwOp::Umin),
        _ => return None,
    };
    let p = args[0].load_scalar(fx);
    let v = args[1].load_scalar(fx);
    let old = cas_loop(fx, cas, p, |fx, old| {
        let ins = fx.bcx.ins();
        match rmw {
            None => v,
            Some(AtomicRmwOp::Add) => ins.iadd(old, v),
            Some(AtomicRmwOp::Sub) => ins.isub(old, v),
            Some(AtomicRmwOp::And) => ins.band(old, v),
            Some(AtomicRmwOp::Nand) => {
                let and = ins.band(old, v);
                fx.bcx.ins().bnot(and)
            }
            Some(AtomicRmwOp::Or) => ins.bor(old, v),
            Some(AtomicRmwOp::Xor) => ins.bxor(old, v),
            Some(AtomicRmwOp::Smax) => ins.smax(old, v),
            Some(AtomicRmwOp::Smin) => ins.smin(old, v),
            Some(AtomicRmwOp::Umax) => ins.umax(old, v),
            Some(AtomicRmwOp::Umin) => ins.umin(old, v),
            Some(AtomicRmwOp::Xchg) => unreachable!("xchg is None"),
        }
    });
    Some(Some(CValue::by_val(old, out)))
}

/// `loop { old = *p; if cas(old, new(old), p) == old { break old } }`,
/// where the first `old` is read with a compare-and-swap too.
fn cas_loop(
    fx: &mut FunctionCx<'_, '_, '_>,
    cas: &str,
    p: Value,
    new: impl FnOnce(&mut FunctionCx<'_, '_, '_>, Value) -> Value,
) -> Value {
    let zero = fx.bcx.ins().iconst(types::I64, 0);
    let zero = fx.bcx.ins().uextend(types::I128, zero);
    let first = call_cas(fx, cas, p, zero, zero);
    let retry = fx.bcx.create_block();
    let done = fx.bcx.create_block();
    let old = fx.bcx.append_block_param(retry, types::I128);
    let result = fx.bcx.append_block_param(done, types::I128);
    fx.bcx.ins().jump(retry, &[first.into()]);
    fx.bcx.switch_to_block(retry);
    let new = new(fx, old);
    let seen = call_cas(fx, cas, p, old, new);
    let swapped = fx.bcx.ins().icmp(IntCC::Equal, seen, old);
    fx.bcx
        .ins()
        .brif(swapped, done, &[old.into()], retry, &[seen.into()]);
    fx.bcx.switch_to_block(done);
    result
}

/// `cas(expected, new, p)`: the value `*p` had; `new` is stored if it was
/// `expected`.
fn call_cas(
    fx: &mut FunctionCx<'_, '_, '_>,
    cas: &str,
    p: Value,
    expected: Value,
    new: Value,
) -> Value {
    let mut sig = Signature::new(fx.cx.isa().default_call_conv());
    sig.params.push(AbiParam::new(types::I128));
    sig.params.push(AbiParam::new(types::I128));
    sig.params.push(AbiParam::new(fx.pointer_ty));
    sig.returns.push(AbiParam::new(types::I128));
    let id = fx.cx.declare_fn_raw(cas, Linkage::Import, &sig);
    let f = fx.func_ref(id);
    let call = fx.bcx.ins().call(f, &[expected, new, p]);
    fx.bcx.inst_results(call)[0]
}
