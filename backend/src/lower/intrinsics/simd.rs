//! The generic `simd_*` intrinsics (`core::simd`, and the `core::arch`
//! functions built on them), lowered lane by lane (after the vector fast
//! path of `simd_vector` for the commonest 128-bit cases): every SIMD value lives in
//! memory, each lane is loaded as a scalar, combined with the same scalar
//! code as ordinary arithmetic, and stored into a fresh result slot. Slower
//! than vector instructions, but exact and the same on every target.

use cranelift_codegen::ir::{InstBuilder, Type, Value, condcodes::IntCC, types};
use rustc_middle::mir::{self, BinOp, UnOp};
use rustc_middle::ty::layout::TyAndLayout;
use rustc_span::{Spanned, Symbol, sym};

use super::super::FunctionCx;
use super::super::discr::int_resize;
use super::super::value::{CValue, Pointer};
use super::super::{cast, num};

/// A SIMD value in memory: its base address, lane count and lane layout.
#[derive(Clone, Copy)]
struct Lanes<'tcx> {
    ptr: Pointer,
    count: u64,
    elem: TyAndLayout<'tcx>,
}

impl<'tcx> Lanes<'tcx> {
    fn of(fx: &mut FunctionCx<'_, '_, 'tcx>, value: CValue<'tcx>) -> Self {
        let (count, elem_ty) = value.layout.ty.simd_size_and_type(fx.tcx);
        let (ptr, _) = value.force_stack(fx);
        Lanes {
            ptr,
            count,
            elem: fx.layout_of(elem_ty),
        }
    }

    fn fresh(fx: &mut FunctionCx<'_, '_, 'tcx>, layout: TyAndLayout<'tcx>) -> Self {
        let (count, elem_ty) = layout.ty.simd_size_and_type(fx.tcx);
        let ptr = fx.stack_slot(layout.size, layout.align.abi.bytes());
        Lanes {
            ptr,
            count,
            elem: fx.layout_of(elem_ty),
        }
    }

    fn lane_ptr(self, fx: &mut FunctionCx<'_, '_, 'tcx>, i: u64) -> Pointer {
        self.ptr.offset(fx, (i * self.elem.size.bytes()) as i64)
    }

    fn get(self, fx: &mut FunctionCx<'_, '_, 'tcx>, i: u64) -> Value {
        let ty = self.ty(fx);
        self.lane_ptr(fx, i).load(fx, ty)
    }

    fn set(self, fx: &mut FunctionCx<'_, '_, 'tcx>, i: u64, v: Value) {
        self.lane_ptr(fx, i).store(fx, v)
    }

    fn ty(self, fx: &FunctionCx<'_, '_, 'tcx>) -> Type {
        fx.clif_type(self.elem).expect("scalar lane")
    }

    fn value(self, layout: TyAndLayout<'tcx>) -> CValue<'tcx> {
        CValue::by_ref(self.ptr, layout)
    }

    /// Lane `i` as a typed MIR value.
    fn cvalue(self, fx: &mut FunctionCx<'_, '_, 'tcx>, i: u64) -> CValue<'tcx> {
        CValue::by_val(self.get(fx, i), self.elem)
    }
}

fn binop_of(name: Symbol) -> Option<BinOp> {
    Some(match name {
        sym::simd_add => BinOp::Add,
        sym::simd_sub => BinOp::Sub,
        sym::simd_mul => BinOp::Mul,
        sym::simd_div => BinOp::Div,
        sym::simd_rem => BinOp::Rem,
        sym::simd_shl => BinOp::Shl,
        sym::simd_shr => BinOp::Shr,
        sym::simd_and => BinOp::BitAnd,
        sym::simd_or => BinOp::BitOr,
        sym::simd_xor => BinOp::BitXor,
        sym::simd_eq => BinOp::Eq,
        sym::simd_ne => BinOp::Ne,
        sym::simd_lt => BinOp::Lt,
        sym::simd_le => BinOp::Le,
        sym::simd_gt => BinOp::Gt,
        sym::simd_ge => BinOp::Ge,
        _ => return None,
    })
}

/// Lowers a `simd_*` intrinsic; `None` if it is not one this module knows.
/// `Some(None)` means the intrinsic produced no value (stores).
pub fn codegen<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    name: Symbol,
    args: &[Spanned<mir::Operand<'tcx>>],
    out: TyAndLayout<'tcx>,
) -> Option<Option<CValue<'tcx>>> {
    if !name.as_str().starts_with("simd_") {
        return None;
    }
    if let Some(v) = super::simd_vector::try_codegen(fx, name, args, out) {
        return Some(Some(v));
    }
    let arg = |fx: &mut FunctionCx<'_, '_, 'tcx>, i: usize| fx.codegen_operand(&args[i].node);
    // The first `n` arguments, as SIMD values in memory.
    let lanes = |fx: &mut FunctionCx<'_, '_, 'tcx>, n: usize| -> Vec<Lanes<'tcx>> {
        (0..n)
            .map(|i| {
                let v = fx.codegen_operand(&args[i].node);
                Lanes::of(fx, v)
            })
            .collect()
    };

    if let Some(op) = binop_of(name) {
        let inputs = lanes(fx, 2);
        let elem = inputs[0].elem;
        let compare = matches!(
            op,
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
        );
        let bool_layout = fx.layout_of(fx.tcx.types.bool);
        let out_lane = lane_type(fx, out);
        let r = map_lanes(fx, &inputs, out, |fx, v| {
            let (x, y) = (CValue::by_val(v[0], elem), CValue::by_val(v[1], elem));
            if compare {
                // Lanes of a comparison are all ones (true) or all zeros.
                let bit = num::codegen_binop(fx, op, x, y, bool_layout).load_scalar(fx);
                let wide = int_resize(fx, bit, out_lane, false);
                fx.bcx.ins().ineg(wide)
            } else {
                num::codegen_binop(fx, op, x, y, elem).load_scalar(fx)
            }
        });
        return Some(Some(r));
    }

    let result = match name {
        sym::simd_splat => {
            let x = arg(fx, 0).load_scalar(fx);
            map_lanes(fx, &[], out, |_, _| x)
        }
        sym::simd_neg
        | sym::simd_fabs
        | sym::simd_fsqrt
        | sym::simd_ceil
        | sym::simd_floor
        | sym::simd_trunc
        | sym::simd_round_ties_even
        | sym::simd_bswap
        | sym::simd_bitreverse
        | sym::simd_ctpop
        | sym::simd_ctlz
        | sym::simd_cttz => {
            let inputs = lanes(fx, 1);
            let elem = inputs[0].elem;
            let byte_lanes = inputs[0].ty(fx) == types::I8;
            map_lanes(fx, &inputs, out, |fx, v| {
                let x = v[0];
                if name == sym::simd_neg {
                    let x = CValue::by_val(x, elem);
                    return num::codegen_unop(fx, UnOp::Neg, x, elem).load_scalar(fx);
                }
                // Float lanes go through the scalar intrinsic, which also
                // knows f16/f128 (library calls) and rounding without SSE4.1.
                let float = match name {
                    sym::simd_fabs => Some("fabs"),
                    sym::simd_fsqrt => Some("sqrt"),
                    sym::simd_ceil => Some("ceil"),
                    sym::simd_floor => Some("floor"),
                    sym::simd_trunc => Some("trunc"),
                    sym::simd_round_ties_even => Some("round_ties_even"),
                    _ => None,
                };
                if let Some(base) = float {
                    let scalar = if name == sym::simd_fabs {
                        sym::fabs
                    } else {
                        Symbol::intern(&format!("{base}f{}", elem.size.bits()))
                    };
                    return super::float::codegen(fx, scalar, &[x]).expect("float lane op");
                }
                let ins = fx.bcx.ins();
                match name {
                    sym::simd_bswap if byte_lanes => x,
                    sym::simd_bswap => ins.bswap(x),
                    sym::simd_bitreverse => ins.bitrev(x),
                    sym::simd_ctpop => ins.popcnt(x),
                    sym::simd_ctlz => ins.clz(x),
                    _ => ins.ctz(x),
                }
            })
        }
        sym::simd_round
        | sym::simd_fsin
        | sym::simd_fcos
        | sym::simd_fexp
        | sym::simd_fexp2
        | sym::simd_flog
        | sym::simd_flog2
        | sym::simd_flog10 => {
            // Per lane through the scalar float intrinsic (libm).
            let inputs = lanes(fx, 1);
            let elem = inputs[0].elem;
            let base = match name {
                sym::simd_round => "round",
                sym::simd_fsin => "sin",
                sym::simd_fcos => "cos",
                sym::simd_fexp => "exp",
                sym::simd_fexp2 => "exp2",
                sym::simd_flog => "log",
                sym::simd_flog2 => "log2",
                _ => "log10",
            };
            let scalar = Symbol::intern(&format!("{base}f{}", elem.size.bits()));
            if !super::float::handles(scalar) {
                fx.unsupported(format_args!("`{name}` on `{}`", elem.ty));
            }
            map_lanes(fx, &inputs, out, |fx, v| {
                super::float::codegen(fx, scalar, v).expect("float intrinsic")
            })
        }
        sym::simd_funnel_shl | sym::simd_funnel_shr => {
            let inputs = lanes(fx, 3);
            let bits = inputs[0].elem.size.bits() as i64;
            let ty = inputs[0].ty(fx);
            map_lanes(fx, &inputs, out, |fx, v| {
                let (x, y, n) = (v[0], v[1], v[2]);
                let width = fx.bcx.ins().iconst(ty, bits);
                let rest = fx.bcx.ins().isub(width, n);
                let (hi, lo, keep) = if name == sym::simd_funnel_shl {
                    // (x << n) | (y >> (bits - n)); n == 0 gives x.
                    let hi = fx.bcx.ins().ishl(x, n);
                    let lo = fx.bcx.ins().ushr(y, rest);
                    (hi, lo, x)
                } else {
                    // (y >> n) | (x << (bits - n)); n == 0 gives y.
                    let lo = fx.bcx.ins().ushr(y, n);
                    let hi = fx.bcx.ins().ishl(x, rest);
                    (hi, lo, y)
                };
                let joined = fx.bcx.ins().bor(hi, lo);
                let zero = fx.bcx.ins().icmp_imm_s(IntCC::Equal, n, 0);
                fx.bcx.ins().select(zero, keep, joined)
            })
        }
        sym::simd_masked_load | sym::simd_masked_store => {
            // masked_load(mask, ptr, fallback) / masked_store(mask, ptr, values):
            // lane i of memory is ptr + i elements.
            let (mask, ptr, values) = (arg(fx, 0), arg(fx, 1), arg(fx, 2));
            let (mask, values) = (Lanes::of(fx, mask), Lanes::of(fx, values));
            let base = Pointer::new(ptr.load_scalar(fx));
            let stride = values.elem.size.bytes();
            let load = name == sym::simd_masked_load;
            let address =
                |fx: &mut FunctionCx<'_, '_, 'tcx>, i: u64| base.offset(fx, (i * stride) as i64);
            match masked_memory(fx, mask, values, out, load, address) {
                Some(r) => r,
                None => return Some(None),
            }
        }
        sym::simd_minimum_number_nsz | sym::simd_maximum_number_nsz => {
            let inputs = lanes(fx, 2);
            let bits = inputs[0].elem.size.bits();
            let scalar = match (name == sym::simd_maximum_number_nsz, bits) {
                (false, 32) => sym::minimum_number_nsz_f32,
                (false, _) => sym::minimum_number_nsz_f64,
                (true, 32) => sym::maximum_number_nsz_f32,
                (true, _) => sym::maximum_number_nsz_f64,
            };
            map_lanes(fx, &inputs, out, |fx, v| {
                super::float::codegen(fx, scalar, v).expect("float min/max")
            })
        }
        sym::simd_fma | sym::simd_relaxed_fma => {
            let inputs = lanes(fx, 3);
            let scalar = Symbol::intern(&format!("fmaf{}", inputs[0].elem.size.bits()));
            map_lanes(fx, &inputs, out, |fx, v| {
                super::float::codegen(fx, scalar, v).expect("fma lane")
            })
        }
        sym::simd_saturating_add | sym::simd_saturating_sub => {
            let inputs = lanes(fx, 2);
            let signed = inputs[0].elem.ty.is_signed();
            let add = name == sym::simd_saturating_add;
            map_lanes(fx, &inputs, out, |fx, v| {
                num::saturating(fx, add, v[0], v[1], signed)
            })
        }
        sym::simd_cast | sym::simd_as => {
            let inputs = lanes(fx, 1);
            let from = inputs[0].elem;
            let (_, to) = out.ty.simd_size_and_type(fx.tcx);
            let to = fx.layout_of(to);
            map_lanes(fx, &inputs, out, |fx, v| cast_lane(fx, v[0], from, to))
        }
        sym::simd_arith_offset => {
            let inputs = lanes(fx, 2);
            let pointee = inputs[0]
                .elem
                .ty
                .builtin_deref(true)
                .expect("vector of pointers");
            let size = fx.layout_of(pointee).size.bytes() as i64;
            map_lanes(fx, &inputs, out, |fx, v| {
                let bytes = fx.bcx.ins().imul_imm_s(v[1], size);
                fx.bcx.ins().iadd(v[0], bytes)
            })
        }
        sym::simd_cast_ptr | sym::simd_expose_provenance | sym::simd_with_exposed_provenance => {
            // Pointers and addresses are the same bits: copy lane by lane.
            let inputs = lanes(fx, 1);
            let to = lane_type(fx, out);
            map_lanes(fx, &inputs, out, |fx, v| int_resize(fx, v[0], to, false))
        }
        sym::simd_gather | sym::simd_scatter => {
            // gather(fallback, pointers, mask) / scatter(values, pointers, mask):
            // each enabled lane loads from / stores to its own pointer.
            let (values, ptrs, mask) = (arg(fx, 0), arg(fx, 1), arg(fx, 2));
            let (values, ptrs, mask) = (
                Lanes::of(fx, values),
                Lanes::of(fx, ptrs),
                Lanes::of(fx, mask),
            );
            let load = name == sym::simd_gather;
            let address = |fx: &mut FunctionCx<'_, '_, 'tcx>, i| Pointer::new(ptrs.get(fx, i));
            match masked_memory(fx, mask, values, out, load, address) {
                Some(r) => r,
                None => return Some(None),
            }
        }
        sym::simd_select => {
            let inputs = lanes(fx, 3);
            map_lanes(fx, &inputs, out, |fx, v| {
                fx.bcx.ins().select(v[0], v[1], v[2])
            })
        }
        sym::simd_select_bitmask => {
            let (m, a, b) = (arg(fx, 0), arg(fx, 1), arg(fx, 2));
            let bits = mask_bits(fx, m);
            let (a, b) = (Lanes::of(fx, a), Lanes::of(fx, b));
            let r = Lanes::fresh(fx, out);
            for i in 0..a.count {
                let shift = bitmask_bit(fx, i, a.count);
                let bit = fx.bcx.ins().ushr_imm_s(bits, shift);
                let bit = fx.bcx.ins().band_imm_s(bit, 1);
                let (x, y) = (a.get(fx, i), b.get(fx, i));
                let v = fx.bcx.ins().select(bit, x, y);
                r.set(fx, i, v);
            }
            r.value(out)
        }
        sym::simd_bitmask => {
            let a = arg(fx, 0);
            let a = Lanes::of(fx, a);
            let mut bits = fx.bcx.ins().iconst(types::I64, 0);
            for i in 0..a.count {
                let x = a.get(fx, i);
                let neg = fx.bcx.ins().icmp_imm_s(IntCC::SignedLessThan, x, 0);
                let bit = fx.bcx.ins().uextend(types::I64, neg);
                let shift = bitmask_bit(fx, i, a.count);
                let bit = fx.bcx.ins().ishl_imm_s(bit, shift);
                bits = fx.bcx.ins().bor(bits, bit);
            }
            // The result is an integer or a byte array of ceil(lanes / 8)
            // bytes: the low bytes of `bits` in memory order, which on a
            // big-endian target are the last ones.
            let slot = fx.stack_slot(rustc_abi::Size::from_bytes(8), 8);
            slot.store(fx, bits);
            let low = if fx.cx.target.big_endian {
                8 - out.size.bytes() as i64
            } else {
                0
            };
            CValue::by_ref(slot.offset(fx, low), out)
        }
        sym::simd_extract | sym::simd_extract_dyn => {
            let (v, idx) = (arg(fx, 0), arg(fx, 1));
            let a = Lanes::of(fx, v);
            let idx = idx.load_scalar(fx);
            let idx = int_resize(fx, idx, fx.pointer_ty, false);
            let off = fx.bcx.ins().imul_imm_s(idx, a.elem.size.bytes() as i64);
            let ptr = a.ptr.offset_value(fx, off);
            let ty = a.ty(fx);
            CValue::by_val(ptr.load(fx, ty), out)
        }
        sym::simd_insert | sym::simd_insert_dyn => {
            let (v, idx, x) = (arg(fx, 0), arg(fx, 1), arg(fx, 2));
            let a = Lanes::of(fx, v);
            let r = Lanes::fresh(fx, out);
            fx.memcpy(r.ptr, a.ptr, out.size.bytes(), out.align.abi.bytes());
            let idx = idx.load_scalar(fx);
            let idx = int_resize(fx, idx, fx.pointer_ty, false);
            let off = fx.bcx.ins().imul_imm_s(idx, a.elem.size.bytes() as i64);
            let x = x.load_scalar(fx);
            r.ptr.offset_value(fx, off).store(fx, x);
            r.value(out)
        }
        sym::simd_shuffle => {
            let (a, b) = (arg(fx, 0), arg(fx, 1));
            let mir::Operand::Constant(idx) = &args[2].node else {
                fx.unsupported("`simd_shuffle` with non-constant indices");
            };
            let Some(bytes) = crate::consts::const_operand_bytes(fx, idx) else {
                fx.unsupported("`simd_shuffle` with these indices");
            };
            let (a, b) = (Lanes::of(fx, a), Lanes::of(fx, b));
            let r = Lanes::fresh(fx, out);
            for i in 0..r.count {
                let at = (i * 4) as usize;
                let j =
                    crate::consts::read_target_uint(&bytes[at..at + 4], fx.tcx.data_layout.endian);
                let v = if j < a.count {
                    a.get(fx, j)
                } else {
                    b.get(fx, j - a.count)
                };
                r.set(fx, i, v);
            }
            r.value(out)
        }
        sym::simd_reduce_add_ordered
        | sym::simd_reduce_add_unordered
        | sym::simd_reduce_mul_ordered
        | sym::simd_reduce_mul_unordered
        | sym::simd_reduce_and
        | sym::simd_reduce_or
        | sym::simd_reduce_xor
        | sym::simd_reduce_min
        | sym::simd_reduce_max
        | sym::simd_reduce_all
        | sym::simd_reduce_any => {
            let v = arg(fx, 0);
            let a = Lanes::of(fx, v);
            let ordered_init = matches!(
                name,
                sym::simd_reduce_add_ordered | sym::simd_reduce_mul_ordered
            );
            let mut acc = if ordered_init {
                arg(fx, 1)
            } else {
                a.cvalue(fx, 0)
            };
            let first = if ordered_init { 0 } else { 1 };
            for i in first..a.count {
                let x = a.cvalue(fx, i);
                let v = match name {
                    sym::simd_reduce_add_ordered | sym::simd_reduce_add_unordered => {
                        num::codegen_binop(fx, BinOp::Add, acc, x, a.elem)
                    }
                    sym::simd_reduce_mul_ordered | sym::simd_reduce_mul_unordered => {
                        num::codegen_binop(fx, BinOp::Mul, acc, x, a.elem)
                    }
                    sym::simd_reduce_and | sym::simd_reduce_all => {
                        num::codegen_binop(fx, BinOp::BitAnd, acc, x, a.elem)
                    }
                    sym::simd_reduce_or | sym::simd_reduce_any => {
                        num::codegen_binop(fx, BinOp::BitOr, acc, x, a.elem)
                    }
                    sym::simd_reduce_xor => num::codegen_binop(fx, BinOp::BitXor, acc, x, a.elem),
                    _ => {
                        let (p, q) = (acc.load_scalar(fx), x.load_scalar(fx));
                        let max = name == sym::simd_reduce_max;
                        let v = if a.elem.ty.is_floating_point() {
                            let scalar = match (max, a.elem.size.bits()) {
                                (false, 32) => sym::minimum_number_nsz_f32,
                                (false, _) => sym::minimum_number_nsz_f64,
                                (true, 32) => sym::maximum_number_nsz_f32,
                                (true, _) => sym::maximum_number_nsz_f64,
                            };
                            super::float::codegen(fx, scalar, &[p, q]).expect("float min/max")
                        } else {
                            let cc = match (max, a.elem.ty.is_signed()) {
                                (true, true) => IntCC::SignedGreaterThan,
                                (true, false) => IntCC::UnsignedGreaterThan,
                                (false, true) => IntCC::SignedLessThan,
                                (false, false) => IntCC::UnsignedLessThan,
                            };
                            let keep = fx.bcx.ins().icmp(cc, p, q);
                            fx.bcx.ins().select(keep, p, q)
                        };
                        CValue::by_val(v, a.elem)
                    }
                };
                acc = v;
            }
            if matches!(name, sym::simd_reduce_all | sym::simd_reduce_any) {
                // Mask lanes are all ones or zeros; the result is a bool.
                let v = acc.load_scalar(fx);
                let v = fx.bcx.ins().icmp_imm_s(IntCC::NotEqual, v, 0);
                CValue::by_val(v, out)
            } else {
                acc.with_layout(out)
            }
        }
        _ => fx.unsupported(format_args!("the SIMD intrinsic `{name}`")),
    };
    Some(Some(result))
}

/// The Cranelift type of one lane of the SIMD layout `layout`.
fn lane_type<'tcx>(fx: &FunctionCx<'_, '_, 'tcx>, layout: TyAndLayout<'tcx>) -> Type {
    let (_, elem) = layout.ty.simd_size_and_type(fx.tcx);
    fx.clif_type(fx.layout_of(elem)).expect("scalar lane")
}

/// A fresh `out` whose lane i is `f(lane i of each input)`.
fn map_lanes<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    inputs: &[Lanes<'tcx>],
    out: TyAndLayout<'tcx>,
    mut f: impl FnMut(&mut FunctionCx<'_, '_, 'tcx>, &[Value]) -> Value,
) -> CValue<'tcx> {
    let r = Lanes::fresh(fx, out);
    let mut lane = Vec::with_capacity(inputs.len());
    for i in 0..r.count {
        lane.clear();
        for input in inputs {
            lane.push(input.get(fx, i));
        }
        let v = f(fx, &lane);
        r.set(fx, i, v);
    }
    r.value(out)
}

/// Per-lane conditional memory access: for each lane whose `mask` lane is
/// non-zero, load it from (`load`) or store `values`' lane to `address(i)`.
/// A load returns the result (disabled lanes keep `values`' lanes).
fn masked_memory<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    mask: Lanes<'tcx>,
    values: Lanes<'tcx>,
    out: TyAndLayout<'tcx>,
    load: bool,
    address: impl Fn(&mut FunctionCx<'_, '_, 'tcx>, u64) -> Pointer,
) -> Option<CValue<'tcx>> {
    let result = load.then(|| {
        let r = Lanes::fresh(fx, out);
        fx.memcpy(r.ptr, values.ptr, out.size.bytes(), out.align.abi.bytes());
        r
    });
    for i in 0..values.count {
        let enabled = mask.get(fx, i);
        let (on, next) = (fx.bcx.create_block(), fx.bcx.create_block());
        fx.bcx.ins().brif(enabled, on, &[], next, &[]);
        fx.bcx.switch_to_block(on);
        let p = address(fx, i);
        match result {
            Some(r) => {
                let ty = r.ty(fx);
                let v = p.load(fx, ty);
                r.set(fx, i, v);
            }
            None => {
                let v = values.get(fx, i);
                p.store(fx, v);
            }
        }
        fx.bcx.ins().jump(next, &[]);
        fx.bcx.switch_to_block(next);
    }
    result.map(|r| r.value(out))
}

/// The bits of a `simd_select_bitmask` mask (an integer or a byte array).
fn mask_bits<'tcx>(fx: &mut FunctionCx<'_, '_, 'tcx>, mask: CValue<'tcx>) -> Value {
    let size = mask.layout.size.bytes();
    let ty = Type::int((size * 8).next_power_of_two().max(8) as u16).expect("mask width");
    let v = match fx.clif_type(mask.layout) {
        Some(_) => mask.load_scalar(fx),
        None => {
            let (ptr, _) = mask.force_stack(fx);
            let v = ptr.load(fx, ty);
            // A byte array read as a wider integer: on a big-endian target
            // its bytes are the high ones.
            let extra = ty.bytes() as u64 - size;
            if fx.cx.target.big_endian && extra > 0 {
                fx.bcx.ins().ushr_imm_s(v, (extra * 8) as i64)
            } else {
                v
            }
        }
    };
    int_resize(fx, v, types::I64, false)
}

/// The bit of a `simd_bitmask` mask that holds lane `i` of `count`: the
/// least significant bit is the first lane, or on big-endian targets the
/// last.
fn bitmask_bit(fx: &FunctionCx<'_, '_, '_>, i: u64, count: u64) -> i64 {
    (if fx.cx.target.big_endian {
        count - 1 - i
    } else {
        i
    }) as i64
}

/// One lane of `simd_cast`/`simd_as`: Rust `as` semantics per element.
fn cast_lane<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    x: Value,
    from: TyAndLayout<'tcx>,
    to: TyAndLayout<'tcx>,
) -> Value {
    let to_ty = fx.clif_type(to).expect("scalar lane");
    let from_ty = fx.clif_type(from).expect("scalar lane");
    use super::super::wide_float::{self, is_soft};
    match (from.ty.is_floating_point(), to.ty.is_floating_point()) {
        (false, false) => int_resize(fx, x, to_ty, from.ty.is_signed()),
        // f16/f128 lanes convert through library calls, as scalars do.
        (true, false) if is_soft(from_ty) => wide_float::to_int(fx, x, to_ty, to.ty.is_signed()),
        (false, true) if is_soft(to_ty) => wide_float::from_int(fx, x, from.ty.is_signed(), to_ty),
        (true, true) if is_soft(from_ty) || is_soft(to_ty) => wide_float::convert(fx, x, to_ty),
        (true, false) => cast::float_to_int(fx, x, to_ty, to.ty.is_signed()),
        (false, true) => {
            let x = if from_ty.bits() < 32 {
                int_resize(fx, x, types::I32, from.ty.is_signed())
            } else {
                x
            };
            if from.ty.is_signed() {
                fx.bcx.ins().fcvt_from_sint(to_ty, x)
            } else {
                fx.bcx.ins().fcvt_from_uint(to_ty, x)
            }
        }
        (true, true) => match from_ty.bits().cmp(&to_ty.bits()) {
            std::cmp::Ordering::Less => fx.bcx.ins().fpromote(to_ty, x),
            std::cmp::Ordering::Greater => fx.bcx.ins().fdemote(to_ty, x),
            std::cmp::Ordering::Equal => x,
        },
    }
}
