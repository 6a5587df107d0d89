//! `f16` and `f128`: Cranelift can hold, load, store and pass them but has
//! no arithmetic on them, so everything else goes through library calls,
//! as LLVM does on x86_64: compiler-builtins' soft-float routines
//! (`__addtf3`, `__lttf2`, `__extendhfsf2`, …) and glibc's `*f128` math.
//! `f16` arithmetic is done in `f32` and rounded back, which is exact for
//! `+ - * /` (f32 has more than twice f16's precision).

use cranelift_codegen::ir::{InstBuilder, MemFlagsData, Type, Value, condcodes::IntCC, types};
use rustc_middle::mir::BinOp;

use super::FunctionCx;
use super::discr::int_resize;

/// Whether Cranelift cannot compute with `ty` directly.
pub fn is_soft(ty: Type) -> bool {
    ty == types::F16 || ty == types::F128
}

fn int_of(ty: Type) -> Type {
    if ty == types::F16 {
        types::I16
    } else {
        types::I128
    }
}

/// The float of type `ty` with the bit pattern `bits`.
pub fn constant(fx: &mut FunctionCx<'_, '_, '_>, ty: Type, bits: u128) -> Value {
    let int = fx.iconst(int_of(ty), bits as i128);
    fx.bcx.ins().bitcast(ty, MemFlagsData::new(), int)
}

fn to_bits(fx: &mut FunctionCx<'_, '_, '_>, v: Value) -> Value {
    let ty = fx.bcx.func.dfg.value_type(v);
    fx.bcx.ins().bitcast(int_of(ty), MemFlagsData::new(), v)
}

fn from_bits(fx: &mut FunctionCx<'_, '_, '_>, ty: Type, bits: Value) -> Value {
    fx.bcx.ins().bitcast(ty, MemFlagsData::new(), bits)
}

fn sign_mask(fx: &mut FunctionCx<'_, '_, '_>, ty: Type) -> Value {
    let bits = ty.bits();
    fx.iconst(int_of(ty), 1i128 << (bits - 1))
}

/// `-v`.
pub fn neg(fx: &mut FunctionCx<'_, '_, '_>, v: Value) -> Value {
    let ty = fx.bcx.func.dfg.value_type(v);
    let bits = to_bits(fx, v);
    let mask = sign_mask(fx, ty);
    let flipped = fx.bcx.ins().bxor(bits, mask);
    from_bits(fx, ty, flipped)
}

/// `|v|`.
pub fn abs(fx: &mut FunctionCx<'_, '_, '_>, v: Value) -> Value {
    let ty = fx.bcx.func.dfg.value_type(v);
    let bits = to_bits(fx, v);
    let mask = sign_mask(fx, ty);
    let cleared = fx.bcx.ins().band_not(bits, mask);
    from_bits(fx, ty, cleared)
}

/// The magnitude of `a` with the sign of `b`.
pub fn copysign(fx: &mut FunctionCx<'_, '_, '_>, a: Value, b: Value) -> Value {
    let ty = fx.bcx.func.dfg.value_type(a);
    let mask = sign_mask(fx, ty);
    let (a, b) = (to_bits(fx, a), to_bits(fx, b));
    let magnitude = fx.bcx.ins().band_not(a, mask);
    let sign = fx.bcx.ins().band(b, mask);
    let joined = fx.bcx.ins().bor(magnitude, sign);
    from_bits(fx, ty, joined)
}

fn f16_to_f32(fx: &mut FunctionCx<'_, '_, '_>, v: Value) -> Value {
    fx.call_libm("__extendhfsf2", types::F32, &[v])
}

fn f32_to_f16(fx: &mut FunctionCx<'_, '_, '_>, v: Value) -> Value {
    fx.call_libm("__truncsfhf2", types::F16, &[v])
}

/// A binary operator (arithmetic or comparison) on two soft floats; a
/// comparison yields an `i8` boolean.
pub fn binop(fx: &mut FunctionCx<'_, '_, '_>, op: BinOp, a: Value, b: Value) -> Value {
    let ty = fx.bcx.func.dfg.value_type(a);
    if ty == types::F16 {
        let (x, y) = (f16_to_f32(fx, a), f16_to_f32(fx, b));
        let r = super::num::float_op_f32_f64(fx, op, x, y);
        return if fx.bcx.func.dfg.value_type(r) == types::F32 {
            f32_to_f16(fx, r)
        } else {
            r
        };
    }
    let arith = match op {
        BinOp::Add => Some("__addtf3"),
        BinOp::Sub => Some("__subtf3"),
        BinOp::Mul => Some("__multf3"),
        BinOp::Div => Some("__divtf3"),
        BinOp::Rem => Some("fmodf128"),
        _ => None,
    };
    if let Some(name) = arith {
        return fx.call_libm(name, types::F128, &[a, b]);
    }
    // compiler-builtins' comparisons return an i32 whose sign says the
    // answer; each one's value for unordered operands makes the test false
    // (true for `!=`).
    let (name, cc) = match op {
        BinOp::Eq => ("__eqtf2", IntCC::Equal),
        BinOp::Ne => ("__netf2", IntCC::NotEqual),
        BinOp::Lt => ("__lttf2", IntCC::SignedLessThan),
        BinOp::Le => ("__letf2", IntCC::SignedLessThanOrEqual),
        BinOp::Gt => ("__gttf2", IntCC::SignedGreaterThan),
        BinOp::Ge => ("__getf2", IntCC::SignedGreaterThanOrEqual),
        _ => fx.unsupported(format_args!("the operator {op:?} on `f128`")),
    };
    let r = fx.call_libm(name, types::I32, &[a, b]);
    fx.bcx.ins().icmp_imm_s(cc, r, 0)
}

/// Float-to-float conversion where either side is f16 or f128.
pub fn convert(fx: &mut FunctionCx<'_, '_, '_>, v: Value, to: Type) -> Value {
    let from = fx.bcx.func.dfg.value_type(v);
    let name = match (from, to) {
        (f, t) if f == t => return v,
        (types::F16, types::F32) => "__extendhfsf2",
        (types::F16, types::F64) => {
            let wide = f16_to_f32(fx, v);
            return fx.bcx.ins().fpromote(types::F64, wide);
        }
        (types::F16, types::F128) => "__extendhftf2",
        (types::F32, types::F16) => "__truncsfhf2",
        (types::F64, types::F16) => "__truncdfhf2",
        (types::F128, types::F16) => "__trunctfhf2",
        (types::F32, types::F128) => "__extendsftf2",
        (types::F64, types::F128) => "__extenddftf2",
        (types::F128, types::F32) => "__trunctfsf2",
        (types::F128, types::F64) => "__trunctfdf2",
        _ => unreachable!("float conversion {from} -> {to}"),
    };
    fx.call_libm(name, to, &[v])
}

/// Integer to f16/f128 (`as`).
pub fn from_int(fx: &mut FunctionCx<'_, '_, '_>, v: Value, signed: bool, to: Type) -> Value {
    if to == types::F16 {
        // Through f32: exact for every integer that does not overflow f16.
        let from = fx.bcx.func.dfg.value_type(v);
        let v = if from.bits() < 32 {
            int_resize(fx, v, types::I32, signed)
        } else {
            v
        };
        let wide = if from == types::I128 {
            let name = if signed {
                "__floattisf"
            } else {
                "__floatuntisf"
            };
            fx.call_libm(name, types::F32, &[v])
        } else if signed {
            fx.bcx.ins().fcvt_from_sint(types::F32, v)
        } else {
            fx.bcx.ins().fcvt_from_uint(types::F32, v)
        };
        return f32_to_f16(fx, wide);
    }
    let from = fx.bcx.func.dfg.value_type(v);
    let (v, width) = match from.bits() {
        0..=32 => (int_resize(fx, v, types::I32, signed), "si"),
        64 => (v, "di"),
        _ => (v, "ti"),
    };
    let name = format!("__float{}{width}tf", if signed { "" } else { "un" });
    fx.call_libm(&name, types::F128, &[v])
}

/// f16/f128 to integer with Rust's saturating `as` semantics.
pub fn to_int(fx: &mut FunctionCx<'_, '_, '_>, v: Value, to: Type, signed: bool) -> Value {
    let from = fx.bcx.func.dfg.value_type(v);
    if from == types::F16 {
        let wide = f16_to_f32(fx, v);
        return super::cast::float_to_int(fx, wide, to, signed);
    }
    // compiler-builtins' __fix* saturate and map NaN to 0, like `as`.
    let (width, ty) = match to.bits() {
        0..=32 => ("si", types::I32),
        64 => ("di", types::I64),
        _ => ("ti", types::I128),
    };
    let name = format!("__fix{}tf{width}", if signed { "" } else { "uns" });
    let r = fx.call_libm(&name, ty, &[v]);
    if to.bits() >= 32 {
        return r;
    }
    super::cast::clamp_i32_to(fx, r, to, signed)
}

/// A math intrinsic (`sqrtf128`, `sinf16`, …) on a soft float: f128 calls
/// glibc's `<base>f128`, f16 computes in f32 and rounds back.
pub fn math(fx: &mut FunctionCx<'_, '_, '_>, libm_base: &str, args: &[Value]) -> Value {
    let ty = fx.bcx.func.dfg.value_type(args[0]);
    if ty == types::F128 {
        return fx.call_libm(&format!("{libm_base}f128"), types::F128, args);
    }
    let wide: Vec<Value> = args.iter().map(|&a| f16_to_f32(fx, a)).collect();
    let r = fx.call_libm(&format!("{libm_base}f"), types::F32, &wide);
    f32_to_f16(fx, r)
}
