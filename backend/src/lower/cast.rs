//! `as` casts, transmutes and pointer coercions (reify, closure-to-fn,
//! unsizing to slices and trait objects).

use cranelift_codegen::ir::{InstBuilder, MemFlagsData, Type, Value, condcodes::FloatCC, types};
use rustc_middle::mir::{self, CastKind};
use rustc_middle::ty::adjustment::PointerCoercion;
use rustc_middle::ty::{self, Instance, Ty, TypingEnv};

use super::FunctionCx;
use super::discr::int_resize;
use super::place::CPlace;
use super::value::CValue;

pub fn codegen_cast<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    dest: CPlace<'tcx>,
    kind: CastKind,
    operand: &mir::Operand<'tcx>,
    target: Ty<'tcx>,
) {
    let value = fx.codegen_operand(operand);
    let out = dest.layout;
    let result = match kind {
        CastKind::IntToInt => {
            let v = value.load_scalar(fx);
            let to = fx.clif_type(out).expect("integer cast target");
            let v = int_resize(fx, v, to, value.layout.ty.is_signed());
            CValue::by_val(v, out)
        }
        CastKind::FloatToInt => {
            let v = value.load_scalar(fx);
            let to = fx.clif_type(out).expect("integer cast target");
            CValue::by_val(float_to_int(fx, v, to, target.is_signed()), out)
        }
        CastKind::IntToFloat => {
            let v = value.load_scalar(fx);
            let to = fx.clif_type(out).expect("float cast target");
            let signed = value.layout.ty.is_signed();
            let from = fx.bcx.func.dfg.value_type(v);
            if super::wide_float::is_soft(to) {
                let v = super::wide_float::from_int(fx, v, signed, to);
                return dest.write_cvalue(fx, CValue::by_val(v, out));
            }
            if from == types::I128 {
                // compiler-builtins: __float{,un}ti{s,d}f.
                let name = match (signed, to == types::F32) {
                    (true, true) => "__floattisf",
                    (true, false) => "__floattidf",
                    (false, true) => "__floatuntisf",
                    (false, false) => "__floatuntidf",
                };
                let v = fx.call_libm(name, to, &[v]);
                return dest.write_cvalue(fx, CValue::by_val(v, out));
            }
            let v = if from.bits() < 32 {
                int_resize(fx, v, types::I32, signed)
            } else {
                v
            };
            let v = if signed {
                fx.bcx.ins().fcvt_from_sint(to, v)
            } else {
                fx.bcx.ins().fcvt_from_uint(to, v)
            };
            CValue::by_val(v, out)
        }
        CastKind::FloatToFloat => {
            let v = value.load_scalar(fx);
            let to = fx.clif_type(out).expect("float cast target");
            let from = fx.bcx.func.dfg.value_type(v);
            if super::wide_float::is_soft(from) || super::wide_float::is_soft(to) {
                let v = super::wide_float::convert(fx, v, to);
                return dest.write_cvalue(fx, CValue::by_val(v, out));
            }
            let v = match from.bits().cmp(&to.bits()) {
                std::cmp::Ordering::Less => fx.bcx.ins().fpromote(to, v),
                std::cmp::Ordering::Greater => fx.bcx.ins().fdemote(to, v),
                std::cmp::Ordering::Equal => v,
            };
            CValue::by_val(v, out)
        }
        CastKind::PtrToPtr => {
            if out.backend_repr.is_scalar() && !value.layout.backend_repr.is_scalar() {
                // Wide to thin: keep the address.
                let (addr, _) = value.load_scalar_pair(fx);
                CValue::by_val(addr, out)
            } else {
                value.with_layout(out)
            }
        }
        CastKind::FnPtrToPtr
        | CastKind::PointerExposeProvenance
        | CastKind::PointerWithExposedProvenance => {
            let v = value.load_scalar(fx);
            let to = fx.clif_type(out).expect("scalar cast target");
            CValue::by_val(int_resize(fx, v, to, false), out)
        }
        CastKind::Transmute | CastKind::Subtype => transmute(fx, value, out),
        CastKind::PointerCoercion(coercion, _) => match coercion {
            PointerCoercion::ReifyFnPointer(_) => {
                let ty::FnDef(def_id, args) = *fx.monomorphize(operand.ty(fx.mir, fx.tcx)).kind()
                else {
                    unreachable!("reify of non-fn-item")
                };
                let instance = Instance::resolve_for_fn_ptr(
                    fx.tcx,
                    TypingEnv::fully_monomorphized(),
                    def_id,
                    args,
                )
                .expect("resolvable fn pointer");
                CValue::by_val(fx.fn_addr(instance), out)
            }
            PointerCoercion::ClosureFnPointer(_) => {
                let ty::Closure(def_id, args) = *fx.monomorphize(operand.ty(fx.mir, fx.tcx)).kind()
                else {
                    unreachable!("closure-to-fn of non-closure")
                };
                let instance =
                    Instance::resolve_closure(fx.tcx, def_id, args, ty::ClosureKind::FnOnce);
                CValue::by_val(fx.fn_addr(instance), out)
            }
            PointerCoercion::UnsafeFnPointer
            | PointerCoercion::MutToConstPointer
            | PointerCoercion::ArrayToPointer => value.with_layout(out),
            PointerCoercion::Unsize => unsize(fx, value, out),
        },
    };
    dest.write_cvalue(fx, result);
}

/// Rust's saturating float-to-int `as`: NaN becomes 0, out-of-range values clamp.
pub(super) fn float_to_int(
    fx: &mut FunctionCx<'_, '_, '_>,
    v: Value,
    to: Type,
    signed: bool,
) -> Value {
    if super::wide_float::is_soft(fx.bcx.func.dfg.value_type(v)) {
        return super::wide_float::to_int(fx, v, to, signed);
    }
    if to == types::I128 {
        return float_to_i128(fx, v, signed);
    }
    if to.bits() >= 32 {
        return if signed {
            fx.bcx.ins().fcvt_to_sint_sat(to, v)
        } else {
            fx.bcx.ins().fcvt_to_uint_sat(to, v)
        };
    }
    // Narrow targets: saturate to i32, then clamp to the target's range.
    let wide = if signed {
        fx.bcx.ins().fcvt_to_sint_sat(types::I32, v)
    } else {
        fx.bcx.ins().fcvt_to_uint_sat(types::I32, v)
    };
    clamp_i32_to(fx, wide, to, signed)
}

/// An i32 clamped to the range of the narrower integer type `to`.
pub(super) fn clamp_i32_to(
    fx: &mut FunctionCx<'_, '_, '_>,
    wide: Value,
    to: Type,
    signed: bool,
) -> Value {
    let bits = to.bits();
    let (min, max) = if signed {
        (-(1i64 << (bits - 1)), (1i64 << (bits - 1)) - 1)
    } else {
        (0, (1i64 << bits) - 1)
    };
    let min = fx.bcx.ins().iconst(types::I32, min);
    let max = fx.bcx.ins().iconst(types::I32, max);
    let clamped = if signed {
        let lo = fx.bcx.ins().smax(wide, min);
        fx.bcx.ins().smin(lo, max)
    } else {
        fx.bcx.ins().umin(wide, max)
    };
    fx.bcx.ins().ireduce(to, clamped)
}

/// Saturating float -> i128/u128 through compiler-builtins' `__fix*ti`,
/// with NaN and out-of-range inputs clamped here.
fn float_to_i128(fx: &mut FunctionCx<'_, '_, '_>, v: Value, signed: bool) -> Value {
    let from = fx.bcx.func.dfg.value_type(v);
    let f32 = from == types::F32;
    let name = match (signed, f32) {
        (true, true) => "__fixsfti",
        (true, false) => "__fixdfti",
        (false, true) => "__fixunssfti",
        (false, false) => "__fixunsdfti",
    };
    let raw = fx.call_libm(name, types::I128, &[v]);
    let float = |fx: &mut FunctionCx<'_, '_, '_>, x: f64| {
        if f32 {
            fx.bcx.ins().f32const(x as f32)
        } else {
            fx.bcx.ins().f64const(x)
        }
    };
    let (min, max, lo, hi) = if signed {
        (i128::MIN, i128::MAX, -(2f64.powi(127)), 2f64.powi(127))
    } else {
        (0, -1, 0.0, 2f64.powi(128))
    };
    let (lo_f, hi_f) = (float(fx, lo), float(fx, hi));
    let min = fx.iconst(types::I128, min);
    let max = fx.iconst(types::I128, max);
    let zero = fx.iconst(types::I128, 0);
    let below = fx.bcx.ins().fcmp(FloatCC::LessThan, v, lo_f);
    let above = fx.bcx.ins().fcmp(FloatCC::GreaterThanOrEqual, v, hi_f);
    let nan = fx.bcx.ins().fcmp(FloatCC::Unordered, v, v);
    let r = fx.bcx.ins().select(below, min, raw);
    let r = fx.bcx.ins().select(above, max, r);
    fx.bcx.ins().select(nan, zero, r)
}

/// Reinterprets the bytes of `value` as `out` (same size).
pub fn transmute<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    value: CValue<'tcx>,
    out: rustc_middle::ty::layout::TyAndLayout<'tcx>,
) -> CValue<'tcx> {
    if value.layout.size != out.size {
        fx.unsupported(format_args!(
            "transmute between differently sized `{}` and `{}`",
            value.layout.ty, out.ty
        ));
    }
    if let (Some(from), Some(to)) = (fx.clif_type(value.layout), fx.clif_type(out)) {
        let v = value.load_scalar(fx);
        let v = if from == to {
            v
        } else {
            fx.bcx.ins().bitcast(to, MemFlagsData::new(), v)
        };
        return CValue::by_val(v, out);
    }
    if value.as_ref().is_none()
        && value
            .layout
            .backend_repr
            .eq_up_to_validity(&out.backend_repr)
    {
        return value.with_layout(out);
    }
    let (ptr, _) = value.force_stack(fx);
    CValue::by_ref(ptr, out)
}

/// `&T -> &dyn Trait`, `&[T; N] -> &[T]`, and the same through smart
/// pointers (`CoerceUnsized` structs such as `Box`, `Rc`, `RefMut`):
/// their fields are copied, except the one that changes type, which is
/// coerced in turn, down to a built-in pointer.
fn unsize<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    value: CValue<'tcx>,
    out: rustc_middle::ty::layout::TyAndLayout<'tcx>,
) -> CValue<'tcx> {
    if let (ty::Adt(..), ty::Adt(..)) = (value.layout.ty.kind(), out.ty.kind()) {
        let dest = CPlace::new_stack_slot(fx, out);
        for i in 0..out.fields.count() {
            let src = value.field(fx, i);
            let dst = dest.field(fx, i);
            if src.layout.is_zst() {
                continue;
            }
            let field = if src.layout.ty == dst.layout.ty {
                src
            } else {
                unsize(fx, src, dst.layout)
            };
            dst.write_cvalue(fx, field);
        }
        return dest.to_cvalue(fx);
    }
    let src_pointee = value.layout.ty.builtin_deref(true).expect("pointer");
    let dst_pointee = out.ty.builtin_deref(true).expect("pointer");
    if value.layout.backend_repr.is_scalar() {
        let data = value.load_scalar(fx);
        let meta = unsized_info(fx, src_pointee, dst_pointee, None);
        return CValue::by_val_pair(data, meta, out);
    }
    let (data, old_meta) = value.load_scalar_pair(fx);
    let meta = unsized_info(fx, src_pointee, dst_pointee, Some(old_meta));
    CValue::by_val_pair(data, meta, out)
}

/// The metadata that makes a pointer to `source` a pointer to `target`.
fn unsized_info<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    source: Ty<'tcx>,
    target: Ty<'tcx>,
    old: Option<Value>,
) -> Value {
    let (source, target) =
        fx.tcx
            .struct_lockstep_tails_for_codegen(source, target, TypingEnv::fully_monomorphized());
    match (source.kind(), target.kind()) {
        (ty::Array(_, len), ty::Slice(_)) => {
            let len = len.try_to_target_usize(fx.tcx).expect("array length");
            fx.usize_const(len)
        }
        (ty::Dynamic(src, ..), ty::Dynamic(dst, ..)) => {
            let old = old.expect("dyn pointer without vtable");
            let target_principal = dst.principal_def_id();
            if src.principal_def_id() == target_principal || target_principal.is_none() {
                return old;
            }
            // Upcasting: the supertrait's vtable is either a prefix of this
            // one or pointed to from one of its slots.
            match fx.tcx.supertrait_vtable_slot((source, target)) {
                Some(slot) => {
                    let offset = (slot as u64 * fx.pointer_ty.bytes() as u64) as i32;
                    fx.bcx
                        .ins()
                        .load(fx.pointer_ty, MemFlagsData::trusted(), old, offset)
                }
                None => old,
            }
        }
        (_, ty::Dynamic(data, ..)) => {
            let principal = data
                .principal()
                .map(|p| fx.tcx.instantiate_bound_regions_with_erased(p));
            let alloc_id = fx.tcx.vtable_allocation((source, principal));
            let data_id = fx.cx.get_alloc(alloc_id);
            fx.data_addr(data_id)
        }
        _ => fx.unsupported(format_args!("unsizing `{source}` to `{target}`")),
    }
}

impl<'tcx> FunctionCx<'_, '_, 'tcx> {
    /// The address of a function, as a value of pointer type.
    pub fn fn_addr(&mut self, instance: Instance<'tcx>) -> Value {
        let id = self.cx.get_fn(instance);
        self.func_addr(id)
    }
}
