//! rustc intrinsics (`#[rustc_intrinsic]` functions) the backend lowers
//! itself. An intrinsic it does not know is called through its fallback
//! MIR body when it has one; otherwise compilation stops with a diagnostic
//! naming the intrinsic.

mod atomic;
mod float;
mod simd;
mod simd_vector;

use cranelift_codegen::ir::{InstBuilder, MemFlagsData, TrapCode, Value, condcodes::IntCC, types};
use rustc_middle::mir::{self, BasicBlock, SourceInfo};
use rustc_middle::ty::Instance;
use rustc_span::Spanned;
use rustc_span::{Symbol, sym};

use cranelift_module::Module;

use super::FunctionCx;
use super::call::{caller_location, jump_or_trap};
use super::place::CPlace;
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
            assert_valid(fx, name, instance.args.type_at(0), source_info);
            None
        }
        sym::black_box => Some(arg(fx, 0)),
        sym::va_arg => {
            let list = scalar(fx, 0);
            Some(super::va_list::arg(fx, list, out))
        }
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
            // An ordinary division (which knows how to divide i128).
            let (a, b) = (arg(fx, 0), arg(fx, 1));
            Some(super::num::codegen_binop(fx, mir::BinOp::Div, a, b, out))
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
        sym::fadd_fast | sym::fadd_algebraic => float_op(fx, args, out, mir::BinOp::Add),
        sym::fsub_fast | sym::fsub_algebraic => float_op(fx, args, out, mir::BinOp::Sub),
        sym::fmul_fast | sym::fmul_algebraic => float_op(fx, args, out, mir::BinOp::Mul),
        sym::fdiv_fast | sym::fdiv_algebraic => float_op(fx, args, out, mir::BinOp::Div),
        sym::frem_fast | sym::frem_algebraic => float_op(fx, args, out, mir::BinOp::Rem),
        sym::float_to_int_unchecked => {
            // Out-of-range inputs are UB; the saturating conversion is a fine answer.
            let v = scalar(fx, 0);
            let to = fx.clif_type(out).expect("integer result");
            let signed = out.ty.is_signed();
            Some(CValue::by_val(
                super::cast::float_to_int(fx, v, to, signed),
                out,
            ))
        }
        sym::saturating_add | sym::saturating_sub => {
            let (a, b) = (scalar(fx, 0), scalar(fx, 1));
            let add = name == sym::saturating_add;
            Some(CValue::by_val(
                super::num::saturating(fx, add, a, b, out.ty.is_signed()),
                out,
            ))
        }
        sym::ptr_mask => {
            let (p, mask) = (scalar(fx, 0), scalar(fx, 1));
            Some(CValue::by_val(fx.bcx.ins().band(p, mask), out))
        }
        sym::raw_eq => {
            let size = fx.layout_of(instance.args.type_at(0)).size.bytes();
            let (a, b) = (scalar(fx, 0), scalar(fx, 1));
            let eq = if size == 0 {
                fx.bcx.ins().iconst(types::I8, 1)
            } else {
                let n = fx.usize_const(size);
                let config = fx.cx.module.target_config();
                let cmp = fx.bcx.call_memcmp(config, a, b, n);
                fx.bcx.ins().icmp_imm_s(IntCC::Equal, cmp, 0)
            };
            Some(CValue::by_val(eq, out))
        }
        sym::compare_bytes => {
            let (a, b, n) = (scalar(fx, 0), scalar(fx, 1), scalar(fx, 2));
            let config = fx.cx.module.target_config();
            let cmp = fx.bcx.call_memcmp(config, a, b, n);
            Some(CValue::by_val(cmp, out))
        }
        sym::catch_unwind => {
            let (try_fn, data, catch_fn) = (scalar(fx, 0), scalar(fx, 1), scalar(fx, 2));
            let caught = super::landing::catch_unwind(fx, try_fn, data, catch_fn);
            Some(CValue::by_val(caught, out))
        }
        sym::vtable_size | sym::vtable_align => {
            let vtable = scalar(fx, 0);
            let index = if name == sym::vtable_size { 1 } else { 2 };
            let v = fx.bcx.ins().load(
                fx.pointer_ty,
                MemFlagsData::trusted(),
                vtable,
                index * fx.pointer_ty.bytes() as i32,
            );
            Some(CValue::by_val(v, out))
        }
        sym::nontemporal_store => {
            let p = scalar(fx, 0);
            let v = arg(fx, 1);
            super::place::CPlace::for_ptr(super::value::Pointer::new(p), v.layout)
                .write_cvalue(fx, v);
            None
        }
        _ if name.as_str().starts_with("atomic_") => {
            let values: Vec<CValue<'tcx>> = (0..args.len()).map(|i| arg(fx, i)).collect();
            match atomic::codegen(fx, name, &values, out) {
                Some(result) => result,
                None => return fallback(fx, instance, name),
            }
        }
        _ => {
            if let Some(result) = simd::codegen(fx, name, args, out) {
                result
            } else if float::handles(name) {
                let values: Vec<Value> = (0..args.len()).map(|i| scalar(fx, i)).collect();
                let v = float::codegen(fx, name, &values).expect("float intrinsic");
                Some(CValue::by_val(v, out))
            } else {
                return fallback(fx, instance, name);
            }
        }
    };
    if let Some(value) = result {
        dest.write_cvalue(fx, value);
    }
    jump_or_trap(fx, target);
    Ok(())
}

/// A call to an LLVM intrinsic declared by `core::arch` (`link_name =
/// "llvm.x86.…"`). The few with an obvious meaning are lowered; the others
/// warn at compile time and abort with a message if reached.
pub fn codegen_llvm_intrinsic<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    name: &str,
    args: &[Spanned<mir::Operand<'tcx>>],
    destination: mir::Place<'tcx>,
    target: Option<BasicBlock>,
) {
    match name {
        // A spin-loop hint: doing nothing is a correct implementation.
        "llvm.x86.sse2.pause" | "llvm.aarch64.isb" | "llvm.aarch64.hint" => {
            jump_or_trap(fx, target)
        }
        "llvm.x86.sse2.mfence" => {
            fx.bcx.ins().fence();
            jump_or_trap(fx, target)
        }
        _ => {
            let Some(intrinsic) = crate::vendor::lookup(fx.cx, name) else {
                let what = match crate::vendor::left_out(fx.cx, name) {
                    Some(why) => format!("the LLVM intrinsic `{name}` ({why})"),
                    None => format!("the LLVM intrinsic `{name}`"),
                };
                return fx.trap_unsupported_at_runtime(&what);
            };
            call_vendor_intrinsic(fx, intrinsic, args, destination);
            jump_or_trap(fx, target)
        }
    }
}

/// A call of the assembly function implementing a vendor intrinsic (see
/// `crate::vendor`): immediates become part of the function, vectors are
/// passed by address, the result is written to `destination`.
fn call_vendor_intrinsic<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    intrinsic: &'static crate::vendor::Intrinsic,
    args: &[Spanned<mir::Operand<'tcx>>],
    destination: mir::Place<'tcx>,
) {
    use crate::vendor::{Operand, Output};
    let name = intrinsic.name;
    if args.len() != intrinsic.operands.len() {
        fx.unsupported(format_args!(
            "`{name}` with {} arguments (the table has {})",
            args.len(),
            intrinsic.operands.len()
        ));
    }
    let dest = fx.codegen_place(destination);
    let mut values = Vec::new();
    // A vector result is written through its address: to the destination
    // itself unless that is an SSA variable.
    let result_slot = (intrinsic.vector_result() && dest.is_ssa())
        .then(|| CPlace::new_stack_slot(fx, dest.layout));
    if intrinsic.vector_result() {
        values.push(result_slot.unwrap_or(dest).to_ptr().addr(fx));
    }
    let mut immediates = Vec::new();
    for (n, (arg, &op)) in args.iter().zip(intrinsic.operands).enumerate() {
        if op == Operand::Imm {
            let Some(imm) = immediate(fx, &arg.node) else {
                fx.unsupported(format_args!(
                    "`{name}` with a non-constant operand {n} (it must be an immediate)"
                ));
            };
            immediates.push(imm);
            continue;
        }
        let value = fx.codegen_operand(&arg.node);
        if op.is_vector() {
            let (ptr, _) = value.force_stack(fx);
            values.push(ptr.addr(fx));
        } else {
            values.push(value.load_scalar(fx));
        }
    }
    let func = crate::vendor::declare(fx.cx, intrinsic, &immediates);
    let f = fx.func_ref(func);
    let call = fx.bcx.ins().call(f, &values);
    let results = fx.bcx.inst_results(call).to_vec();
    match intrinsic.output {
        Output::One(op) if op.is_vector() => {
            if let Some(slot) = result_slot {
                let value = slot.to_cvalue(fx);
                dest.write_cvalue(fx, value);
            }
        }
        Output::One(_) => dest.write_cvalue(fx, CValue::by_val(results[0], dest.layout)),
        Output::Pair(..) => {
            let pair = CValue::by_val_pair(results[0], results[1], dest.layout);
            dest.write_cvalue(fx, pair);
        }
        Output::None => {}
    }
}

/// The value of an immediate operand: a constant, or a local whose one
/// assignment is a constant, possibly cast between integer types (stdarch
/// passes `IMM8 as i8`, or `let b = B as u8; ... b`).
fn immediate<'tcx>(fx: &FunctionCx<'_, '_, 'tcx>, operand: &mir::Operand<'tcx>) -> Option<i64> {
    use rustc_middle::mir::{CastKind, Rvalue, StatementKind};
    match operand {
        mir::Operand::Constant(c) => {
            let typing_env = rustc_middle::ty::TypingEnv::fully_monomorphized();
            let value = fx
                .monomorphize(c.const_)
                .eval(fx.tcx, typing_env, c.span)
                .ok()?;
            let mir::ConstValue::Scalar(scalar) = value else {
                return None;
            };
            let int = scalar.try_to_scalar_int().ok()?;
            Some(int.to_bits_unchecked() as i64)
        }
        mir::Operand::Copy(place) | mir::Operand::Move(place) => {
            let local = place.as_local()?;
            let mut assigned = fx
                .mir
                .basic_blocks
                .iter()
                .flat_map(|b| &b.statements)
                .filter_map(|s| match &s.kind {
                    StatementKind::Assign(assign) if assign.0.as_local() == Some(local) => {
                        Some(&assign.1)
                    }
                    _ => None,
                });
            let rvalue = assigned.next()?;
            let call_result = fx.mir.basic_blocks.iter().any(|b| {
                matches!(&b.terminator().kind,
                    mir::TerminatorKind::Call { destination, .. } if destination.local == local)
            });
            if assigned.next().is_some() || call_result {
                return None;
            }
            match rvalue {
                Rvalue::Use(inner) => immediate(fx, inner),
                Rvalue::Cast(CastKind::IntToInt, inner, ty) => {
                    let v = immediate(fx, inner)?;
                    let bits = fx.layout_of(fx.monomorphize(*ty)).size.bits();
                    Some(if bits >= 64 {
                        v
                    } else {
                        v & ((1i64 << bits) - 1)
                    })
                }
                _ => None,
            }
        }
        mir::Operand::RuntimeChecks(_) => None,
    }
}

/// `assert_inhabited::<T>()` and friends: nothing when `T` may be
/// instantiated that way, otherwise a call to `panic_nounwind` with the
/// message rustc's other backends use.
fn assert_valid<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    name: Symbol,
    ty: rustc_middle::ty::Ty<'tcx>,
    source_info: SourceInfo,
) {
    use rustc_middle::ty::layout::ValidityRequirement;
    let requirement = ValidityRequirement::from_intrinsic(name).expect("validity intrinsic");
    let typing_env = rustc_middle::ty::TypingEnv::fully_monomorphized();
    let valid = fx
        .tcx
        .check_validity_requirement((requirement, typing_env.as_query_input(ty)))
        .expect("layout during codegen");
    if valid {
        return;
    }
    let message = if fx.layout_of(ty).is_uninhabited() {
        format!("attempted to instantiate uninhabited type `{ty}`")
    } else if requirement == ValidityRequirement::Zero {
        format!("attempted to zero-initialize type `{ty}`, which is invalid")
    } else {
        format!("attempted to leave type `{ty}` uninitialized, which is invalid")
    };
    let message = fx.str_const(&message);
    let mut args = vec![message];
    let lang_item = rustc_hir::LangItem::PanicNounwind;
    let def_id = fx.tcx.require_lang_item(lang_item, fx.span);
    let instance = Instance::mono(fx.tcx, def_id);
    if instance.def.requires_caller_location(fx.tcx) {
        args.push(caller_location(fx, source_info));
    }
    super::terminator::call_lang_item(fx, lang_item, args, mir::UnwindAction::Unreachable);
    fx.trap_and_continue(TrapCode::unwrap_user(4));
}

/// A binary float operation on the two arguments, as the MIR operator
/// would compute it (so f16/f128 take their library path too).
fn float_op<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    args: &[Spanned<mir::Operand<'tcx>>],
    out: rustc_middle::ty::layout::TyAndLayout<'tcx>,
    op: mir::BinOp,
) -> Option<CValue<'tcx>> {
    let a = fx.codegen_operand(&args[0].node);
    let b = fx.codegen_operand(&args[1].node);
    Some(super::num::codegen_binop(fx, op, a, b, out))
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
    let meta = if ptr.layout.backend_repr.is_scalar() {
        None
    } else {
        Some(ptr.load_scalar_pair(fx).1)
    };
    let (s, a) = super::dst::size_and_align_of(fx, pointee_ty, meta);
    CValue::by_val(if size { s } else { a }, out)
}
