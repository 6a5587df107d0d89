//! Atomic intrinsics (`atomic_load`, `atomic_cxchg`, `atomic_xadd`, …).
//! Cranelift's atomic instructions are sequentially consistent, which is at
//! least as strong as every ordering Rust can ask for, so the ordering
//! arguments are not needed.

use cranelift_codegen::ir::{AtomicRmwOp, InstBuilder, MemFlagsData, condcodes::IntCC};
use rustc_middle::ty::layout::TyAndLayout;
use rustc_span::{Symbol, sym};

use super::super::FunctionCx;
use super::super::value::CValue;

/// What an atomic intrinsic computes: `Some(Some(v))` a value, `Some(None)`
/// nothing (stores, fences), `None` if `name` is not an atomic intrinsic.
pub fn codegen<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    name: Symbol,
    args: &[CValue<'tcx>],
    out: TyAndLayout<'tcx>,
) -> Option<Option<CValue<'tcx>>> {
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
