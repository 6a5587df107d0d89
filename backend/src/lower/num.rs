//! Arithmetic, bitwise and comparison operators on integers, floats, bools,
//! chars and pointers, including the `*WithOverflow` forms behind Rust's
//! checked arithmetic.

use cranelift_codegen::ir::{
    InstBuilder, Type, Value, condcodes::FloatCC, condcodes::IntCC, types,
};
use rustc_middle::mir::{BinOp, UnOp};
use rustc_middle::ty::{self, layout::TyAndLayout};

use super::FunctionCx;
use super::value::CValue;

pub fn codegen_binop<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    op: BinOp,
    lhs: CValue<'tcx>,
    rhs: CValue<'tcx>,
    out: TyAndLayout<'tcx>,
) -> CValue<'tcx> {
    match lhs.layout.ty.kind() {
        ty::Bool | ty::Char | ty::Uint(_) => {
            let (a, b) = (lhs.load_scalar(fx), rhs.load_scalar(fx));
            int_binop(fx, op, a, b, false, out)
        }
        ty::Int(_) => {
            let (a, b) = (lhs.load_scalar(fx), rhs.load_scalar(fx));
            int_binop(fx, op, a, b, true, out)
        }
        ty::Float(_) => float_binop(fx, op, lhs, rhs, out),
        ty::RawPtr(..) | ty::FnPtr(..) | ty::Ref(..) => ptr_binop(fx, op, lhs, rhs, out),
        other => fx.unsupported(format_args!("binary operator {op:?} on `{other:?}`")),
    }
}

fn int_cc(op: BinOp, signed: bool) -> Option<IntCC> {
    Some(match (op, signed) {
        (BinOp::Eq, _) => IntCC::Equal,
        (BinOp::Ne, _) => IntCC::NotEqual,
        (BinOp::Lt, false) => IntCC::UnsignedLessThan,
        (BinOp::Lt, true) => IntCC::SignedLessThan,
        (BinOp::Le, false) => IntCC::UnsignedLessThanOrEqual,
        (BinOp::Le, true) => IntCC::SignedLessThanOrEqual,
        (BinOp::Gt, false) => IntCC::UnsignedGreaterThan,
        (BinOp::Gt, true) => IntCC::SignedGreaterThan,
        (BinOp::Ge, false) => IntCC::UnsignedGreaterThanOrEqual,
        (BinOp::Ge, true) => IntCC::SignedGreaterThanOrEqual,
        _ => return None,
    })
}

fn int_binop<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    op: BinOp,
    a: Value,
    b: Value,
    signed: bool,
    out: TyAndLayout<'tcx>,
) -> CValue<'tcx> {
    if let Some(cc) = int_cc(op, signed) {
        let v = fx.bcx.ins().icmp(cc, a, b);
        return CValue::by_val(v, out);
    }
    let is_i128 = fx.bcx.func.dfg.value_type(a) == types::I128;
    let ins = fx.bcx.ins();
    let v = match op {
        BinOp::Add | BinOp::AddUnchecked => ins.iadd(a, b),
        BinOp::Sub | BinOp::SubUnchecked => ins.isub(a, b),
        BinOp::Mul | BinOp::MulUnchecked => ins.imul(a, b),
        BinOp::Div | BinOp::Rem if is_i128 => {
            // Cranelift has no 128-bit division; compiler-builtins does.
            let name = match (op, signed) {
                (BinOp::Div, true) => "__divti3",
                (BinOp::Div, false) => "__udivti3",
                (_, true) => "__modti3",
                (_, false) => "__umodti3",
            };
            fx.call_libm(name, types::I128, &[a, b])
        }
        BinOp::Div if signed => ins.sdiv(a, b),
        BinOp::Div => ins.udiv(a, b),
        BinOp::Rem if signed => ins.srem(a, b),
        BinOp::Rem => ins.urem(a, b),
        BinOp::BitXor => ins.bxor(a, b),
        BinOp::BitAnd => ins.band(a, b),
        BinOp::BitOr => ins.bor(a, b),
        // Cranelift masks the shift amount by the bit width, as MIR requires.
        BinOp::Shl | BinOp::ShlUnchecked => ins.ishl(a, b),
        BinOp::Shr | BinOp::ShrUnchecked if signed => ins.sshr(a, b),
        BinOp::Shr | BinOp::ShrUnchecked => ins.ushr(a, b),
        BinOp::Cmp => {
            let (gt, lt) = if signed {
                (IntCC::SignedGreaterThan, IntCC::SignedLessThan)
            } else {
                (IntCC::UnsignedGreaterThan, IntCC::UnsignedLessThan)
            };
            let gt = ins.icmp(gt, a, b);
            let lt = fx.bcx.ins().icmp(lt, a, b);
            fx.bcx.ins().isub(gt, lt)
        }
        BinOp::AddWithOverflow | BinOp::SubWithOverflow | BinOp::MulWithOverflow => {
            let (v, overflow) = with_overflow(fx, op, a, b, signed);
            return CValue::by_val_pair(v, overflow, out);
        }
        _ => fx.unsupported(format_args!("integer operator {op:?}")),
    };
    CValue::by_val(v, out)
}

/// `(result, overflowed)` of a checked add, sub or mul.
fn with_overflow(
    fx: &mut FunctionCx<'_, '_, '_>,
    op: BinOp,
    a: Value,
    b: Value,
    signed: bool,
) -> (Value, Value) {
    let ty = fx.bcx.func.dfg.value_type(a);
    if ty == types::I128 {
        return with_overflow_i128(fx, op, a, b, signed);
    }
    match (op, signed) {
        (BinOp::AddWithOverflow, false) => uadd_overflow(fx, a, b),
        (BinOp::AddWithOverflow, true) => sadd_overflow(fx, a, b),
        (BinOp::SubWithOverflow, false) => usub_overflow(fx, a, b),
        (BinOp::SubWithOverflow, true) => ssub_overflow(fx, a, b),
        (BinOp::MulWithOverflow, false) => umul_overflow(fx, a, b),
        (BinOp::MulWithOverflow, true) => smul_overflow(fx, a, b),
        _ => unreachable!(),
    }
}

// Cranelift's `*_overflow` instructions are not used: cranelift-codegen
// 0.136's x64 lowering recomputes the operation for a `select` or `brif` on
// the overflow flag (also from another block) and lets both copies fold the
// same single-use load into a memory operand, which panics
// (`value_lowered_uses[..] == 0` in machinst/lower.rs; reduced case:
// backend/tests/clif/overflow_flag_load_sinking.clif), and its riscv64
// backend has no lowering of `usub_overflow`/`ssub_overflow`. The forms
// below are plain arithmetic and compares, which every ISA lowers.

/// `a + b` and whether it left the signed range: the sum's sign differs
/// from both operands' signs exactly then.
fn sadd_overflow(fx: &mut FunctionCx<'_, '_, '_>, a: Value, b: Value) -> (Value, Value) {
    let sum = fx.bcx.ins().iadd(a, b);
    let from_a = fx.bcx.ins().bxor(sum, a);
    let from_b = fx.bcx.ins().bxor(sum, b);
    let both = fx.bcx.ins().band(from_a, from_b);
    let overflowed = fx.bcx.ins().icmp_imm_s(IntCC::SignedLessThan, both, 0);
    (sum, overflowed)
}

/// `a - b` and whether it wrapped: `b` is above `a` exactly then.
fn usub_overflow(fx: &mut FunctionCx<'_, '_, '_>, a: Value, b: Value) -> (Value, Value) {
    let difference = fx.bcx.ins().isub(a, b);
    let wrapped = fx.bcx.ins().icmp(IntCC::UnsignedLessThan, a, b);
    (difference, wrapped)
}

/// `a - b` and whether it left the signed range: the operands' signs differ
/// and the difference's sign is not `a`'s exactly then.
fn ssub_overflow(fx: &mut FunctionCx<'_, '_, '_>, a: Value, b: Value) -> (Value, Value) {
    let difference = fx.bcx.ins().isub(a, b);
    let operands = fx.bcx.ins().bxor(a, b);
    let from_a = fx.bcx.ins().bxor(a, difference);
    let both = fx.bcx.ins().band(operands, from_a);
    let overflowed = fx.bcx.ins().icmp_imm_s(IntCC::SignedLessThan, both, 0);
    (difference, overflowed)
}

/// `a + b` and whether it wrapped: the sum is below `a` exactly then.
fn uadd_overflow(fx: &mut FunctionCx<'_, '_, '_>, a: Value, b: Value) -> (Value, Value) {
    let sum = fx.bcx.ins().iadd(a, b);
    let wrapped = fx.bcx.ins().icmp(IntCC::UnsignedLessThan, sum, a);
    (sum, wrapped)
}

/// `a * b` and whether the high half of the full product is non-zero.
fn umul_overflow(fx: &mut FunctionCx<'_, '_, '_>, a: Value, b: Value) -> (Value, Value) {
    let product = fx.bcx.ins().imul(a, b);
    let high = fx.bcx.ins().umulhi(a, b);
    let overflowed = fx.bcx.ins().icmp_imm_s(IntCC::NotEqual, high, 0);
    (product, overflowed)
}

/// `a * b` and whether the high half of the full signed product is more than
/// the sign extension of the low half.
fn smul_overflow(fx: &mut FunctionCx<'_, '_, '_>, a: Value, b: Value) -> (Value, Value) {
    let bits = fx.bcx.func.dfg.value_type(a).bits();
    let product = fx.bcx.ins().imul(a, b);
    let high = fx.bcx.ins().smulhi(a, b);
    let sign = fx.bcx.ins().sshr_imm_s(product, i64::from(bits - 1));
    let overflowed = fx.bcx.ins().icmp(IntCC::NotEqual, high, sign);
    (product, overflowed)
}

/// `a + b` or `a - b`, clamped to the type's range.
pub fn saturating(
    fx: &mut FunctionCx<'_, '_, '_>,
    add: bool,
    a: Value,
    b: Value,
    signed: bool,
) -> Value {
    let op = if add {
        BinOp::AddWithOverflow
    } else {
        BinOp::SubWithOverflow
    };
    let (r, overflow) = with_overflow(fx, op, a, b, signed);
    let ty = fx.bcx.func.dfg.value_type(a);
    let bits = ty.bits();
    let clamp = if signed {
        // Overflow goes towards b's sign for add and away from it for sub.
        let max = fx.iconst(ty, (u128::MAX >> (129 - bits)) as i128);
        let min = fx.iconst(ty, 1i128.wrapping_shl(bits - 1));
        let b_neg = fx.bcx.ins().icmp_imm_s(IntCC::SignedLessThan, b, 0);
        if add {
            fx.bcx.ins().select(b_neg, min, max)
        } else {
            fx.bcx.ins().select(b_neg, max, min)
        }
    } else if add {
        fx.iconst(ty, -1)
    } else {
        fx.iconst(ty, 0)
    };
    fx.bcx.ins().select(overflow, clamp, r)
}

/// i128 overflow checks from the sign/carry identities (Cranelift has no
/// 128-bit overflow instructions).
fn with_overflow_i128(
    fx: &mut FunctionCx<'_, '_, '_>,
    op: BinOp,
    a: Value,
    b: Value,
    signed: bool,
) -> (Value, Value) {
    let ins = fx.bcx.ins();
    match op {
        BinOp::AddWithOverflow => {
            let r = ins.iadd(a, b);
            let of = if signed {
                // a and b have the same sign and r's differs.
                sign_differs_from_both(fx, (a, r), (b, r))
            } else {
                fx.bcx.ins().icmp(IntCC::UnsignedLessThan, r, a)
            };
            (r, of)
        }
        BinOp::SubWithOverflow => {
            let r = ins.isub(a, b);
            let of = if signed {
                // a and b have different signs and r's differs from a's.
                sign_differs_from_both(fx, (a, b), (a, r))
            } else {
                fx.bcx.ins().icmp(IntCC::UnsignedLessThan, a, b)
            };
            (r, of)
        }
        _ => {
            let r = ins.imul(a, b);
            let of = if signed {
                // Multiply magnitudes; the product fits iff it is at most
                // 2^127 - 1 (non-negative result) or 2^127 (negative result).
                let zero = fx.iconst(types::I128, 0);
                let a_neg = fx.bcx.ins().icmp(IntCC::SignedLessThan, a, zero);
                let b_neg = fx.bcx.ins().icmp(IntCC::SignedLessThan, b, zero);
                let na = fx.bcx.ins().ineg(a);
                let nb = fx.bcx.ins().ineg(b);
                let abs_a = fx.bcx.ins().select(a_neg, na, a);
                let abs_b = fx.bcx.ins().select(b_neg, nb, b);
                let (mag, mag_of) = umul128_overflow(fx, abs_a, abs_b);
                let neg = fx.bcx.ins().bxor(a_neg, b_neg);
                let limit_pos = fx.iconst(types::I128, i128::MAX);
                let neg_wide = fx.bcx.ins().uextend(types::I128, neg);
                let limit = fx.bcx.ins().iadd(limit_pos, neg_wide);
                let too_big = fx.bcx.ins().icmp(IntCC::UnsignedGreaterThan, mag, limit);
                fx.bcx.ins().bor(mag_of, too_big)
            } else {
                umul128_overflow(fx, a, b).1
            };
            (r, of)
        }
    }
}

/// `((x0 ^ x1) & (y0 ^ y1)) < 0`: both pairs differ in their sign bits.
fn sign_differs_from_both(
    fx: &mut FunctionCx<'_, '_, '_>,
    x: (Value, Value),
    y: (Value, Value),
) -> Value {
    let x = fx.bcx.ins().bxor(x.0, x.1);
    let y = fx.bcx.ins().bxor(y.0, y.1);
    let both = fx.bcx.ins().band(x, y);
    fx.bcx.ins().icmp_imm_s(IntCC::SignedLessThan, both, 0)
}

/// Unsigned 128-bit multiply: `(wrapping product, overflowed)`, from 64-bit halves.
fn umul128_overflow(fx: &mut FunctionCx<'_, '_, '_>, a: Value, b: Value) -> (Value, Value) {
    let (a0, a1) = fx.bcx.ins().isplit(a);
    let (b0, b1) = fx.bcx.ins().isplit(b);
    // Both high halves non-zero: the product needs at least 2^128.
    let a1_nz = fx.bcx.ins().icmp_imm_s(IntCC::NotEqual, a1, 0);
    let b1_nz = fx.bcx.ins().icmp_imm_s(IntCC::NotEqual, b1, 0);
    let both = fx.bcx.ins().band(a1_nz, b1_nz);
    // At most one cross term is non-zero; it must fit in 64 bits.
    let (c1, c1_of) = umul_overflow(fx, a1, b0);
    let (c2, c2_of) = umul_overflow(fx, a0, b1);
    let (cross, cross_of) = uadd_overflow(fx, c1, c2);
    // low = a0 * b0 as a full 128-bit product; add cross << 64.
    let lo = fx.bcx.ins().imul(a0, b0);
    let hi = fx.bcx.ins().umulhi(a0, b0);
    let (hi, hi_of) = uadd_overflow(fx, hi, cross);
    let product = fx.bcx.ins().iconcat(lo, hi);
    let of = fx.bcx.ins().bor(both, c1_of);
    let of = fx.bcx.ins().bor(of, c2_of);
    let of = fx.bcx.ins().bor(of, cross_of);
    let of = fx.bcx.ins().bor(of, hi_of);
    (product, of)
}

fn float_binop<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    op: BinOp,
    lhs: CValue<'tcx>,
    rhs: CValue<'tcx>,
    out: TyAndLayout<'tcx>,
) -> CValue<'tcx> {
    let (a, b) = (lhs.load_scalar(fx), rhs.load_scalar(fx));
    let ty = fx.bcx.func.dfg.value_type(a);
    let v = if super::wide_float::is_soft(ty) {
        super::wide_float::binop(fx, op, a, b)
    } else {
        float_op_f32_f64(fx, op, a, b)
    };
    CValue::by_val(v, out)
}

/// A binary operator on two f32 or f64 values; comparisons give an `i8`.
pub fn float_op_f32_f64(fx: &mut FunctionCx<'_, '_, '_>, op: BinOp, a: Value, b: Value) -> Value {
    let ty = fx.bcx.func.dfg.value_type(a);
    let cc = match op {
        BinOp::Eq => Some(FloatCC::Equal),
        BinOp::Ne => Some(FloatCC::NotEqual),
        BinOp::Lt => Some(FloatCC::LessThan),
        BinOp::Le => Some(FloatCC::LessThanOrEqual),
        BinOp::Gt => Some(FloatCC::GreaterThan),
        BinOp::Ge => Some(FloatCC::GreaterThanOrEqual),
        _ => None,
    };
    if let Some(cc) = cc {
        return fx.bcx.ins().fcmp(cc, a, b);
    }
    match op {
        BinOp::Add => fx.bcx.ins().fadd(a, b),
        BinOp::Sub => fx.bcx.ins().fsub(a, b),
        BinOp::Mul => fx.bcx.ins().fmul(a, b),
        BinOp::Div => fx.bcx.ins().fdiv(a, b),
        BinOp::Rem => {
            let name = if ty == types::F32 { "fmodf" } else { "fmod" };
            fx.call_libm(name, ty, &[a, b])
        }
        _ => fx.unsupported(format_args!("float operator {op:?}")),
    }
}

fn ptr_binop<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    op: BinOp,
    lhs: CValue<'tcx>,
    rhs: CValue<'tcx>,
    out: TyAndLayout<'tcx>,
) -> CValue<'tcx> {
    if op == BinOp::Offset {
        let pointee = lhs
            .layout
            .ty
            .builtin_deref(true)
            .expect("offset of non-pointer");
        let size = fx.layout_of(pointee).size.bytes() as i64;
        let (p, n) = (lhs.load_scalar(fx), rhs.load_scalar(fx));
        let bytes = fx.bcx.ins().imul_imm_s(n, size);
        let v = fx.bcx.ins().iadd(p, bytes);
        return CValue::by_val(v, out);
    }
    let Some(cc) = int_cc(op, false) else {
        fx.unsupported(format_args!("pointer operator {op:?}"));
    };
    if lhs.layout.backend_repr.is_scalar() {
        let (a, b) = (lhs.load_scalar(fx), rhs.load_scalar(fx));
        let v = fx.bcx.ins().icmp(cc, a, b);
        return CValue::by_val(v, out);
    }
    // Wide pointers compare (address, metadata) lexicographically.
    let (a0, a1) = lhs.load_scalar_pair(fx);
    let (b0, b1) = rhs.load_scalar_pair(fx);
    let v = match op {
        BinOp::Eq | BinOp::Ne => {
            let e0 = fx.bcx.ins().icmp(IntCC::Equal, a0, b0);
            let e1 = fx.bcx.ins().icmp(IntCC::Equal, a1, b1);
            let eq = fx.bcx.ins().band(e0, e1);
            if op == BinOp::Eq {
                eq
            } else {
                fx.bcx.ins().bxor_imm_s(eq, 1)
            }
        }
        _ => {
            let strict = match cc {
                IntCC::UnsignedLessThanOrEqual => IntCC::UnsignedLessThan,
                IntCC::UnsignedGreaterThanOrEqual => IntCC::UnsignedGreaterThan,
                cc => cc,
            };
            let first = fx.bcx.ins().icmp(strict, a0, b0);
            let same = fx.bcx.ins().icmp(IntCC::Equal, a0, b0);
            let second = fx.bcx.ins().icmp(cc, a1, b1);
            let tie = fx.bcx.ins().band(same, second);
            fx.bcx.ins().bor(first, tie)
        }
    };
    CValue::by_val(v, out)
}

pub fn codegen_unop<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    op: UnOp,
    operand: CValue<'tcx>,
    out: TyAndLayout<'tcx>,
) -> CValue<'tcx> {
    match op {
        UnOp::PtrMetadata => {
            if out.is_zst() {
                CValue::zst(fx, out)
            } else {
                let (_, meta) = operand.load_scalar_pair(fx);
                CValue::by_val(meta, out)
            }
        }
        UnOp::Not => {
            let v = operand.load_scalar(fx);
            let v = if operand.layout.ty.is_bool() {
                fx.bcx.ins().bxor_imm_s(v, 1)
            } else {
                fx.bcx.ins().bnot(v)
            };
            CValue::by_val(v, out)
        }
        UnOp::Neg => {
            let v = operand.load_scalar(fx);
            let is_soft = super::wide_float::is_soft(fx.bcx.func.dfg.value_type(v));
            let v = if is_soft {
                super::wide_float::neg(fx, v)
            } else if operand.layout.ty.is_floating_point() {
                fx.bcx.ins().fneg(v)
            } else {
                fx.bcx.ins().ineg(v)
            };
            CValue::by_val(v, out)
        }
    }
}

impl FunctionCx<'_, '_, '_> {
    /// Calls a C math library function `name(args) -> ret`.
    pub fn call_libm(&mut self, name: &str, ret: Type, args: &[Value]) -> Value {
        let mut sig = cranelift_codegen::ir::Signature::new(self.cx.isa().default_call_conv());
        for &a in args {
            let ty = self.bcx.func.dfg.value_type(a);
            sig.params.push(cranelift_codegen::ir::AbiParam::new(ty));
        }
        sig.returns.push(cranelift_codegen::ir::AbiParam::new(ret));
        let id = self
            .cx
            .declare_fn_raw(name, cranelift_module::Linkage::Import, &sig);
        let f = self.func_ref(id);
        let call = self.bcx.ins().call(f, args);
        self.bcx.inst_results(call)[0]
    }
}
