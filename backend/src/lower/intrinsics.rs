//! rustc intrinsics (`#[rustc_intrinsic]` functions) the backend lowers
//! itself. An intrinsic it does not know is called through its fallback
//! MIR body when it has one; otherwise compilation stops with a diagnostic
//! naming the intrinsic.

use cranelift_codegen::ir::{InstBuilder, TrapCode, Value, types};
use rustc_middle::mir::{self, BasicBlock, SourceInfo};
use rustc_middle::ty::{self, Instance};
use rustc_span::Spanned;
use rustc_span::{Symbol, sym};

use cranelift_module::Module;

use super::FunctionCx;
use super::call::{caller_location, jump_or_trap};
use super::value::CValue;

/// Lowers a call to `instance` (an intrinsic). Returns the instance to call
/// instead when the intrinsic should run its fallback body.
pub fn codegen_intrinsic_call<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    instance: Instance<'tcx>,
    args: &[Spanned<mir::Operand<'tcx>>],
    destination: mir::Place<'tcx>,
    target: Option<BasicBlock>,
    source_info: SourceInfo,
) -> Result<(), Instance<'tcx>> {
    let tcx = fx.tcx;
    let name = tcx.item_name(instance.def_id());
    let dest = fx.codegen_place(destination);
    let out = dest.layout;
    let arg = |fx: &mut FunctionCx<'_, '_, 'tcx>, i: usize| fx.codegen_operand(&args[i].node);
    let scalar = |fx: &mut FunctionCx<'_, '_, 'tcx>, i: usize| {
        let v = fx.codegen_operand(&args[i].node);
        v.load_scalar(fx)
    };

    let result: Option<CValue<'tcx>> = match name {
        sym::abort => {
            fx.trap(TrapCode::unwrap_user(6));
            return Ok(());
        }
        sym::unreachable => {
            fx.trap(TrapCode::unwrap_user(2));
            return Ok(());
        }
        sym::breakpoint => {
            fx.bcx.ins().debugtrap();
            None
        }
        sym::cold_path | sym::assume => None,
        sym::assert_inhabited | sym::assert_zero_valid | sym::assert_mem_uninitialized_valid => {
            let ty = instance.args.type_at(0);
            if fx.layout_of(ty).is_uninhabited() {
                fx.unsupported(format_args!("`{name}` on the uninhabited type `{ty}`"));
            }
            None
        }
        sym::black_box => Some(arg(fx, 0)),
        sym::caller_location => Some(caller_location(fx, source_info)),
        sym::size_of_val | sym::align_of_val => {
            let ptr = arg(fx, 0);
            Some(size_or_align_of_val(fx, ptr, name == sym::size_of_val, out))
        }
        sym::ctpop | sym::ctlz | sym::cttz | sym::ctlz_nonzero | sym::cttz_nonzero => {
            let v = scalar(fx, 0);
            let r = match name {
                sym::ctpop => fx.bcx.ins().popcnt(v),
                sym::ctlz | sym::ctlz_nonzero => fx.bcx.ins().clz(v),
                _ => fx.bcx.ins().ctz(v),
            };
            let to = fx.clif_type(out).unwrap();
            Some(CValue::by_val(
                super::discr::int_resize(fx, r, to, false),
                out,
            ))
        }
        sym::bswap => {
            let v = scalar(fx, 0);
            let r = if fx.bcx.func.dfg.value_type(v) == types::I8 {
                v
            } else {
                fx.bcx.ins().bswap(v)
            };
            Some(CValue::by_val(r, out))
        }
        sym::bitreverse => {
            let v = scalar(fx, 0);
            Some(CValue::by_val(fx.bcx.ins().bitrev(v), out))
        }
        sym::rotate_left | sym::rotate_right => {
            let (v, n) = (scalar(fx, 0), scalar(fx, 1));
            let r = if name == sym::rotate_left {
                fx.bcx.ins().rotl(v, n)
            } else {
                fx.bcx.ins().rotr(v, n)
            };
            Some(CValue::by_val(r, out))
        }
        sym::exact_div => {
            let signed = out.ty.is_signed();
            let (a, b) = (scalar(fx, 0), scalar(fx, 1));
            let r = if signed {
                fx.bcx.ins().sdiv(a, b)
            } else {
                fx.bcx.ins().udiv(a, b)
            };
            Some(CValue::by_val(r, out))
        }
        sym::ptr_offset_from | sym::ptr_offset_from_unsigned => {
            let pointee = instance.args.type_at(0);
            let size = fx.layout_of(pointee).size.bytes() as i64;
            let (a, b) = (scalar(fx, 0), scalar(fx, 1));
            let diff = fx.bcx.ins().isub(a, b);
            let r = if name == sym::ptr_offset_from {
                fx.bcx.ins().sdiv_imm_s(diff, size)
            } else {
                fx.bcx.ins().udiv_imm_s(diff, size)
            };
            Some(CValue::by_val(r, out))
        }
        sym::arith_offset => {
            let pointee = instance.args.type_at(0);
            let size = fx.layout_of(pointee).size.bytes() as i64;
            let (p, n) = (scalar(fx, 0), scalar(fx, 1));
            let bytes = fx.bcx.ins().imul_imm_s(n, size);
            Some(CValue::by_val(fx.bcx.ins().iadd(p, bytes), out))
        }
        sym::copy | sym::volatile_copy_memory | sym::volatile_copy_nonoverlapping_memory => {
            let pointee = instance.args.type_at(0);
            let size = fx.layout_of(pointee).size.bytes() as i64;
            // copy(src, dst, count); the volatile forms are (dst, src, count).
            let (src, dst) = if name == sym::copy {
                (scalar(fx, 0), scalar(fx, 1))
            } else {
                (scalar(fx, 1), scalar(fx, 0))
            };
            let count = scalar(fx, 2);
            let bytes = fx.bcx.ins().imul_imm_s(count, size);
            let config = fx.cx.module.target_config();
            fx.bcx.call_memmove(config, dst, src, bytes);
            None
        }
        sym::write_bytes | sym::volatile_set_memory => {
            let pointee = instance.args.type_at(0);
            let size = fx.layout_of(pointee).size.bytes() as i64;
            let (dst, byte, count) = (scalar(fx, 0), scalar(fx, 1), scalar(fx, 2));
            let bytes = fx.bcx.ins().imul_imm_s(count, size);
            let byte = fx.bcx.ins().uextend(types::I32, byte);
            let config = fx.cx.module.target_config();
            fx.bcx.call_memset(config, dst, byte, bytes);
            None
        }
        sym::volatile_load | sym::unaligned_volatile_load => {
            let p = scalar(fx, 0);
            let place = super::place::CPlace::for_ptr(super::value::Pointer::new(p), out);
            Some(place.to_cvalue(fx))
        }
        sym::volatile_store | sym::unaligned_volatile_store => {
            let p = scalar(fx, 0);
            let v = arg(fx, 1);
            super::place::CPlace::for_ptr(super::value::Pointer::new(p), v.layout)
                .write_cvalue(fx, v);
            None
        }
        sym::discriminant_value => {
            let p = arg(fx, 0);
            let pointee = fx.layout_of(instance.args.type_at(0));
            let place = super::place::CPlace::for_ptr(
                super::value::Pointer::new(p.load_scalar(fx)),
                pointee,
            );
            Some(super::discr::read_discriminant(fx, place, out))
        }
        sym::sqrtf32
        | sym::sqrtf64
        | sym::floorf32
        | sym::floorf64
        | sym::ceilf32
        | sym::ceilf64
        | sym::truncf32
        | sym::truncf64 => {
            let v = scalar(fx, 0);
            let ins = fx.bcx.ins();
            let r = match name {
                sym::sqrtf32 | sym::sqrtf64 => ins.sqrt(v),
                sym::floorf32 | sym::floorf64 => ins.floor(v),
                sym::ceilf32 | sym::ceilf64 => ins.ceil(v),
                _ => ins.trunc(v),
            };
            Some(CValue::by_val(r, out))
        }
        sym::copysignf32 | sym::copysignf64 => {
            let (a, b) = (scalar(fx, 0), scalar(fx, 1));
            Some(CValue::by_val(fx.bcx.ins().fcopysign(a, b), out))
        }
        _ => return fallback(fx, instance, name),
    };
    if let Some(value) = result {
        dest.write_cvalue(fx, value);
    }
    jump_or_trap(fx, target);
    Ok(())
}

fn fallback<'tcx>(
    fx: &FunctionCx<'_, '_, 'tcx>,
    instance: Instance<'tcx>,
    name: Symbol,
) -> Result<(), Instance<'tcx>> {
    let intrinsic = fx.tcx.intrinsic(instance.def_id()).expect("intrinsic");
    if intrinsic.must_be_overridden {
        fx.unsupported(format_args!("the intrinsic `{name}`"));
    }
    Err(Instance::new_raw(instance.def_id(), instance.args))
}

/// `size_of_val` / `align_of_val` through a (possibly wide) pointer.
fn size_or_align_of_val<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    ptr: CValue<'tcx>,
    size: bool,
    out: rustc_middle::ty::layout::TyAndLayout<'tcx>,
) -> CValue<'tcx> {
    let pointee_ty = ptr.layout.ty.builtin_deref(true).expect("pointer argument");
    let layout = fx.layout_of(pointee_ty);
    if layout.is_sized() {
        let v = if size {
            layout.size.bytes()
        } else {
            layout.align.abi.bytes()
        };
        return CValue::by_val(fx.usize_const(v), out);
    }
    let (_, meta) = ptr.load_scalar_pair(fx);
    let v: Value = match pointee_ty.kind() {
        ty::Slice(elem) | ty::Array(elem, _) => {
            let elem = fx.layout_of(*elem);
            if size {
                fx.bcx.ins().imul_imm_s(meta, elem.size.bytes() as i64)
            } else {
                fx.usize_const(elem.align.abi.bytes())
            }
        }
        ty::Str => {
            if size {
                meta
            } else {
                fx.usize_const(1)
            }
        }
        ty::Dynamic(..) => {
            // Vtable layout: [drop_in_place, size, align, methods...].
            let offset = if size { 1 } else { 2 } * fx.pointer_ty.bytes() as i32;
            fx.bcx.ins().load(
                fx.pointer_ty,
                cranelift_codegen::ir::MemFlagsData::new(),
                meta,
                offset,
            )
        }
        _ => fx.unsupported(format_args!(
            "`size_of_val` of the unsized struct `{pointee_ty}`"
        )),
    };
    CValue::by_val(v, out)
}
