//! Float intrinsics (`sqrtf64`, `sinf32`, `fmaf64`, `minimumf32`, …): the
//! ones Cranelift has an instruction for become that instruction, the
//! others call the C math library (`libm`), as LLVM does for them.
//! f16/f128 math is refused (the backend reports them unreliable to rustc).

use cranelift_codegen::ir::{InstBuilder, Value, condcodes::FloatCC, types};
use rustc_span::{Symbol, sym};

use super::super::FunctionCx;

/// What one float intrinsic does, independent of its width.
#[derive(Clone, Copy)]
enum Op {
    /// A Cranelift unary instruction.
    Unary(fn(&mut FunctionCx<'_, '_, '_>, Value) -> Value),
    /// A Cranelift binary instruction.
    Binary(fn(&mut FunctionCx<'_, '_, '_>, Value, Value) -> Value),
    /// `fma`.
    Fma,
    /// A libm function named `<base>` (f64) or `<base>f` (f32).
    Libm(&'static str),
    /// `powi`: compiler-builtins' `__powisf2` / `__powidf2`.
    Powi,
    /// IEEE 754-2019 `minimumNumber`/`maximumNumber`: a NaN operand yields the other.
    MinMaxNumber { max: bool },
    /// Rounding to an integral value, see [`round`].
    Round(Rounding),
}

#[derive(Clone, Copy)]
enum Rounding {
    Floor,
    Ceil,
    Trunc,
}

/// The intrinsic's operation and its float width in bits, if it is a float
/// math intrinsic.
fn classify(name: Symbol) -> Option<(Op, u32)> {
    use Op::*;
    let s = name.as_str();
    let (base, bits) = [("f16", 16), ("f32", 32), ("f64", 64), ("f128", 128)]
        .into_iter()
        .find_map(|(suffix, bits)| {
            let base = s.strip_suffix(suffix)?;
            Some((base.strip_suffix('_').unwrap_or(base), bits))
        })?;
    let op = match base {
        "sqrt" => Unary(|fx, v| fx.bcx.ins().sqrt(v)),
        "floor" => Round(Rounding::Floor),
        "ceil" => Round(Rounding::Ceil),
        "trunc" => Round(Rounding::Trunc),
        "round_ties_even" => Unary(|fx, v| fx.bcx.ins().nearest(v)),
        "copysign" => Binary(|fx, a, b| fx.bcx.ins().fcopysign(a, b)),
        "minimum" => Binary(|fx, a, b| fx.bcx.ins().fmin(a, b)),
        "maximum" => Binary(|fx, a, b| fx.bcx.ins().fmax(a, b)),
        "minimum_number_nsz" => MinMaxNumber { max: false },
        "maximum_number_nsz" => MinMaxNumber { max: true },
        "fma" | "fmuladd" => Fma,
        "powi" => Powi,
        "round" => Libm("round"),
        "sin" => Libm("sin"),
        "cos" => Libm("cos"),
        "pow" => Libm("pow"),
        "exp" => Libm("exp"),
        "exp2" => Libm("exp2"),
        "log" => Libm("log"),
        "log10" => Libm("log10"),
        "log2" => Libm("log2"),
        _ => return None,
    };
    Some((op, bits))
}

/// Whether `name` is a float math intrinsic this module lowers.
pub fn handles(name: Symbol) -> bool {
    name == sym::fabs || classify(name).is_some()
}

/// Lowers a float math intrinsic; `None` if `name` is not one.
pub fn codegen(fx: &mut FunctionCx<'_, '_, '_>, name: Symbol, args: &[Value]) -> Option<Value> {
    let soft = super::super::wide_float::is_soft(fx.bcx.func.dfg.value_type(args[0]));
    if name == sym::fabs {
        return Some(if soft {
            super::super::wide_float::abs(fx, args[0])
        } else {
            fx.bcx.ins().fabs(args[0])
        });
    }
    let (op, bits) = classify(name)?;
    if soft {
        return Some(soft_math(fx, name, op, args));
    }
    let ty = if bits == 32 { types::F32 } else { types::F64 };
    Some(match op {
        Op::Unary(f) => f(fx, args[0]),
        Op::Binary(f) => f(fx, args[0], args[1]),
        Op::Fma => fx.bcx.ins().fma(args[0], args[1], args[2]),
        Op::Round(mode) => round(fx, mode, args[0]),
        Op::Libm(base) => {
            let name = if bits == 32 {
                format!("{base}f")
            } else {
                base.to_string()
            };
            fx.call_libm(&name, ty, args)
        }
        Op::Powi => {
            let name = if bits == 32 { "__powisf2" } else { "__powidf2" };
            fx.call_libm(name, ty, args)
        }
        Op::MinMaxNumber { max } => {
            let (a, b) = (args[0], args[1]);
            let m = if max {
                fx.bcx.ins().fmax(a, b)
            } else {
                fx.bcx.ins().fmin(a, b)
            };
            let a_nan = fx.bcx.ins().fcmp(FloatCC::Unordered, a, a);
            let b_nan = fx.bcx.ins().fcmp(FloatCC::Unordered, b, b);
            let r = fx.bcx.ins().select(b_nan, a, m);
            fx.bcx.ins().select(a_nan, b, r)
        }
    })
}

/// `floor`, `ceil` or `trunc` of an f32/f64. Without a rounding instruction
/// (see [`crate::isa::has_native_rounding`]) Cranelift would call libm;
/// instead: a value of magnitude below 2^(mantissa bits) (or NaN/∞ beyond
/// it) converts to an integer and back exactly truncated, then floor/ceil
/// step by one where truncation went the wrong way. The result takes the
/// sign of `v`, which is right for every input (`floor(-0.5)` is -1,
/// `ceil(-0.5)` is -0, `trunc(-0.0)` is -0).
fn round(fx: &mut FunctionCx<'_, '_, '_>, mode: Rounding, v: Value) -> Value {
    if fx.cx.native_rounding {
        return match mode {
            Rounding::Floor => fx.bcx.ins().floor(v),
            Rounding::Ceil => fx.bcx.ins().ceil(v),
            Rounding::Trunc => fx.bcx.ins().trunc(v),
        };
    }
    let ty = fx.bcx.func.dfg.value_type(v);
    let (int, limit, one) = if ty == types::F32 {
        let limit = fx.bcx.ins().f32const((1u32 << 23) as f32);
        (types::I32, limit, fx.bcx.ins().f32const(1.0))
    } else {
        let limit = fx.bcx.ins().f64const((1u64 << 52) as f64);
        (types::I64, limit, fx.bcx.ins().f64const(1.0))
    };
    let magnitude = fx.bcx.ins().fabs(v);
    // Not below the limit (NaN included): already integral, or NaN/∞.
    let small = fx.bcx.ins().fcmp(FloatCC::LessThan, magnitude, limit);
    let truncated = fx.bcx.ins().fcvt_to_sint_sat(int, v);
    let truncated = fx.bcx.ins().fcvt_from_sint(ty, truncated);
    let rounded = match mode {
        Rounding::Trunc => truncated,
        Rounding::Floor => {
            let above = fx.bcx.ins().fcmp(FloatCC::GreaterThan, truncated, v);
            let lower = fx.bcx.ins().fsub(truncated, one);
            fx.bcx.ins().select(above, lower, truncated)
        }
        Rounding::Ceil => {
            let below = fx.bcx.ins().fcmp(FloatCC::LessThan, truncated, v);
            let upper = fx.bcx.ins().fadd(truncated, one);
            fx.bcx.ins().select(below, upper, truncated)
        }
    };
    let signed = fx.bcx.ins().fcopysign(rounded, v);
    fx.bcx.ins().select(small, signed, v)
}

/// A math intrinsic on f16/f128, through `wide_float` (glibc's `*f128`
/// functions, f32 math for f16).
fn soft_math(fx: &mut FunctionCx<'_, '_, '_>, name: Symbol, op: Op, args: &[Value]) -> Value {
    use super::super::wide_float;
    let base = match op {
        Op::Libm(base) => base,
        Op::Fma => "fma",
        Op::MinMaxNumber { max: false } => "fmin",
        Op::MinMaxNumber { max: true } => "fmax",
        Op::Powi => {
            let ty = fx.bcx.func.dfg.value_type(args[0]);
            if ty == types::F128 {
                return fx.call_libm("__powitf2", ty, args);
            }
            // f16: powi in f32, rounded back.
            let wide = fx.call_libm("__extendhfsf2", types::F32, &[args[0]]);
            let r = fx.call_libm("__powisf2", types::F32, &[wide, args[1]]);
            return fx.call_libm("__truncsfhf2", types::F16, &[r]);
        }
        Op::Unary(_) | Op::Binary(_) | Op::Round(_) => match name
            .as_str()
            .trim_end_matches(char::is_numeric)
        {
            s if s.starts_with("copysign") => return wide_float::copysign(fx, args[0], args[1]),
            s if s.starts_with("sqrt") => "sqrt",
            s if s.starts_with("floor") => "floor",
            s if s.starts_with("ceil") => "ceil",
            s if s.starts_with("trunc") => "trunc",
            s if s.starts_with("round_ties_even") => "roundeven",
            s if s.starts_with("minimum") => "fminimum",
            s if s.starts_with("maximum") => "fmaximum",
            _ => fx.unsupported(format_args!("the intrinsic `{name}`")),
        },
    };
    wide_float::math(fx, base, args)
}
