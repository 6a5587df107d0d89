//! A fast path for the commonest `simd_*` intrinsics on 128-bit vectors
//! (`core::arch`'s SSE2 functions, hashbrown's group probing, `core::simd`
//! arithmetic): one Cranelift vector instruction instead of a loop over
//! lanes, on targets with 128-bit vector registers
//! (`Target::simd128`: SSE2, NEON). Anything else falls back to the exact lane-by-lane lowering in `simd`.

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{InstBuilder, MemFlagsData, Type, Value, types};
use rustc_middle::mir;
use rustc_middle::ty::layout::TyAndLayout;
use rustc_span::{Spanned, Symbol, sym};

use super::super::FunctionCx;
use super::super::value::CValue;

/// The vector type of a 128-bit SIMD layout with integer or float lanes of
/// at most 32 bits (or 64-bit floats), if it has one.
fn vector_type<'tcx>(fx: &FunctionCx<'_, '_, 'tcx>, layout: TyAndLayout<'tcx>) -> Option<Type> {
    if layout.size.bytes() != 16 || !layout.ty.is_simd() {
        return None;
    }
    let (count, elem) = layout.ty.simd_size_and_type(fx.tcx);
    let lane = fx.clif_type(fx.layout_of(elem))?;
    let supported = matches!(
        lane,
        types::I8 | types::I16 | types::I32 | types::F32 | types::F64
    ) && (elem.is_integral() || elem.is_floating_point());
    supported.then(|| lane.by(count as u32)).flatten()
}

fn load<'tcx>(fx: &mut FunctionCx<'_, '_, 'tcx>, value: CValue<'tcx>, ty: Type) -> Value {
    let (ptr, _) = value.force_stack(fx);
    fx.bcx
        .ins()
        .load(ty, MemFlagsData::new(), ptr.base, ptr.offset)
}

fn result<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    v: Value,
    out: TyAndLayout<'tcx>,
) -> CValue<'tcx> {
    let slot = fx.stack_slot(out.size, out.align.abi.bytes());
    slot.store(fx, v);
    CValue::by_ref(slot, out)
}

/// The vector lowering of `name`, or `None` to use the lane-by-lane one.
pub fn try_codegen<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    name: Symbol,
    args: &[Spanned<mir::Operand<'tcx>>],
    out: TyAndLayout<'tcx>,
) -> Option<CValue<'tcx>> {
    if !fx.cx.target.simd128 {
        return None;
    }
    let arg = |fx: &mut FunctionCx<'_, '_, 'tcx>, i: usize| fx.codegen_operand(&args[i].node);
    match name {
        sym::simd_splat => {
            let ty = vector_type(fx, out)?;
            let x = arg(fx, 0).load_scalar(fx);
            let v = fx.bcx.ins().splat(ty, x);
            Some(result(fx, v, out))
        }
        sym::simd_bitmask => {
            // pmovmskb: the sign bit of each byte lane.
            let a = arg(fx, 0);
            if vector_type(fx, a.layout)? != types::I8X16 || out.size.bytes() != 2 {
                return None;
            }
            let v = load(fx, a, types::I8X16);
            let bits = fx.bcx.ins().vhigh_bits(types::I16, v);
            let slot = fx.stack_slot(out.size, out.align.abi.bytes());
            slot.store(fx, bits);
            Some(CValue::by_ref(slot, out))
        }
        sym::simd_select => {
            let (m, a, b) = (arg(fx, 0), arg(fx, 1), arg(fx, 2));
            let ty = vector_type(fx, a.layout)?;
            let mask_ty = vector_type(fx, m.layout)?;
            if mask_ty.lane_bits() != ty.lane_bits() {
                return None;
            }
            let (m, x, y) = (load(fx, m, mask_ty), load(fx, a, ty), load(fx, b, ty));
            let m = fx.bcx.ins().bitcast(ty, MemFlagsData::new(), m);
            let v = fx.bcx.ins().bitselect(m, x, y);
            Some(result(fx, v, out))
        }
        sym::simd_eq
        | sym::simd_ne
        | sym::simd_lt
        | sym::simd_le
        | sym::simd_gt
        | sym::simd_ge
        | sym::simd_add
        | sym::simd_sub
        | sym::simd_mul
        | sym::simd_div
        | sym::simd_and
        | sym::simd_or
        | sym::simd_xor => {
            let (a, b) = (arg(fx, 0), arg(fx, 1));
            binary(fx, name, a, b, out)
        }
        _ => None,
    }
}

fn binary<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    name: Symbol,
    a: CValue<'tcx>,
    b: CValue<'tcx>,
    out: TyAndLayout<'tcx>,
) -> Option<CValue<'tcx>> {
    let ty = vector_type(fx, a.layout)?;
    let float = ty.lane_type().is_float();
    let signed = {
        let (_, elem) = a.layout.ty.simd_size_and_type(fx.tcx);
        elem.is_signed()
    };
    let int_cc = match name {
        sym::simd_eq => Some(IntCC::Equal),
        sym::simd_ne => Some(IntCC::NotEqual),
        sym::simd_lt if signed => Some(IntCC::SignedLessThan),
        sym::simd_gt if signed => Some(IntCC::SignedGreaterThan),
        _ => None,
    };
    let float_cc = match name {
        sym::simd_eq => Some(FloatCC::Equal),
        sym::simd_ne => Some(FloatCC::NotEqual),
        sym::simd_lt => Some(FloatCC::LessThan),
        sym::simd_le => Some(FloatCC::LessThanOrEqual),
        sym::simd_gt => Some(FloatCC::GreaterThan),
        sym::simd_ge => Some(FloatCC::GreaterThanOrEqual),
        _ => None,
    };
    let compare = int_cc.is_some() || float_cc.is_some();
    if compare {
        // The mask must have the operands' lane width.
        let mask_ty = vector_type(fx, out)?;
        if mask_ty.lane_bits() != ty.lane_bits() || mask_ty.lane_type().is_float() {
            return None;
        }
    } else if vector_type(fx, out)? != ty {
        return None;
    }
    let (x, y) = (load(fx, a, ty), load(fx, b, ty));
    let ins = fx.bcx.ins();
    let v = match (name, float) {
        (_, true) if float_cc.is_some() => ins.fcmp(float_cc.unwrap(), x, y),
        (_, false) if int_cc.is_some() => ins.icmp(int_cc.unwrap(), x, y),
        (sym::simd_add, false) => ins.iadd(x, y),
        (sym::simd_sub, false) => ins.isub(x, y),
        (sym::simd_mul, false) if matches!(ty, types::I16X8) => ins.imul(x, y),
        (sym::simd_and, false) => ins.band(x, y),
        (sym::simd_or, false) => ins.bor(x, y),
        (sym::simd_xor, false) => ins.bxor(x, y),
        (sym::simd_add, true) => ins.fadd(x, y),
        (sym::simd_sub, true) => ins.fsub(x, y),
        (sym::simd_mul, true) => ins.fmul(x, y),
        (sym::simd_div, true) => ins.fdiv(x, y),
        _ => return None,
    };
    let v = if compare {
        let mask_ty = vector_type(fx, out)?;
        fx.bcx.ins().bitcast(mask_ty, MemFlagsData::new(), v)
    } else {
        v
    };
    Some(result(fx, v, out))
}
