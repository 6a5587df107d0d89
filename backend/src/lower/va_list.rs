//! C-variadic definitions: `va_start` (the `VaList` a definition's `...`
//! binds to) and the `va_arg` intrinsic, in each target's `va_list` format
//! (`TargetDesc::va_list`). A `VaList` may be handed to C (`vprintf`), so its
//! layout and the save area are the psABI's; `va_copy` and `va_end` are
//! core's fallback bodies (a copy, nothing).
//!
//! A definition's signature ends with parameters for the argument
//! registers its fixed arguments leave (`abi::VaStart::captured`), so
//! Cranelift hands over what the caller put there; its stack arguments
//! start 16 bytes above the frame pointer (x86_64, aarch64: the saved frame
//! pointer and return address) or 160 bytes above the stack pointer at
//! entry (s390x: the caller's register save area). On riscv64 an entry
//! stub saves the registers instead (`va_entry`).

use cranelift_codegen::ir::{InstBuilder, Type, Value, condcodes::IntCC, types};
use rustc_abi::Size;
use rustc_middle::ty::layout::TyAndLayout;

use super::FunctionCx;
use super::value::{CValue, Pointer};
use crate::abi::VaStart;
use crate::target::VaListFormat;

/// Fills the `VaList` at `list` for a definition whose fixed arguments end
/// at `start`, from the `captured` argument registers (integers, then
/// floats; none on riscv64, whose entry stub saved them).
pub fn start(fx: &mut FunctionCx<'_, '_, '_>, list: Pointer, start: VaStart, captured: &[Value]) {
    let format = fx.cx.target.va_list;
    let (gprs, _) = format.arg_regs();
    let (ints, floats) = captured.split_at(captured.len().min(gprs - start.gprs));
    let fp = fx.bcx.ins().get_frame_pointer(fx.pointer_ty);
    let store_i32 = |fx: &mut FunctionCx<'_, '_, '_>, at: i64, v: i64| {
        let v = fx.bcx.ins().iconst(types::I32, v);
        list.offset(fx, at).store(fx, v);
    };
    let store_ptr = |fx: &mut FunctionCx<'_, '_, '_>, at: i64, base: Value, by: u64| {
        let v = fx.bcx.ins().iadd_imm_s(base, by as i64);
        list.offset(fx, at).store(fx, v);
    };
    match format {
        VaListFormat::SysV64 => {
            // rdi..r9 at 0..48, xmm0-xmm7 at 48..176.
            let area = fx.stack_slot(Size::from_bytes(176), 16);
            save(fx, area, 8 * start.gprs, 8, ints);
            save(fx, area, 48 + 16 * start.fprs, 16, floats);
            store_i32(fx, 0, 8 * start.gprs as i64);
            store_i32(fx, 4, 48 + 16 * start.fprs as i64);
            store_ptr(fx, 8, fp, 16 + start.stack);
            let area = area.addr(fx);
            store_ptr(fx, 16, area, 0);
        }
        VaListFormat::Aapcs64 => {
            // x0-x7 below `gr_top` (64), q0-q7 below `vr_top` (192); the
            // offsets count up from minus the bytes left.
            let area = fx.stack_slot(Size::from_bytes(192), 16);
            save(fx, area, 8 * start.gprs, 8, ints);
            save(fx, area, 64 + 16 * start.fprs, 16, floats);
            store_ptr(fx, 0, fp, 16 + start.stack);
            let area = area.addr(fx);
            store_ptr(fx, 8, area, 64);
            store_ptr(fx, 16, area, 192);
            store_i32(fx, 24, -8 * (8 - start.gprs as i64));
            store_i32(fx, 28, -16 * (8 - start.fprs as i64));
        }
        VaListFormat::S390x => {
            // The caller's register save area: r2-r6 at 16, f0/f2/f4/f6 at
            // 128 (the frame pointer is the stack pointer at entry).
            let area = Pointer::new(fp);
            save(fx, area, 16 + 8 * start.gprs, 8, ints);
            save(fx, area, 128 + 8 * start.fprs, 8, floats);
            for (at, count) in [(0, start.gprs), (8, start.fprs)] {
                let v = fx.bcx.ins().iconst(types::I64, count as i64);
                list.offset(fx, at).store(fx, v);
            }
            store_ptr(fx, 16, fp, 160 + start.stack);
            store_ptr(fx, 24, fp, 0);
        }
        VaListFormat::Riscv64 => {
            // The entry stub saved a0-a7 (`va_entry`); past them come the
            // caller's stack arguments, fixed ones only once a0-a7 are
            // taken.
            let at = crate::va_entry::save_area_offset(start.stack)
                + 8 * start.gprs as i64
                + start.stack as i64;
            store_ptr(fx, 0, fp, at as u64);
        }
        VaListFormat::Unsupported(_) => unreachable!("refused in bind_params"),
    }
}

/// Stores `values` at `area + first`, `stride` bytes apart.
fn save(
    fx: &mut FunctionCx<'_, '_, '_>,
    area: Pointer,
    first: usize,
    stride: usize,
    values: &[Value],
) {
    for (i, &v) in values.iter().enumerate() {
        area.offset(fx, (first + stride * i) as i64).store(fx, v);
    }
}

/// `va_arg::<T>(list)`: the next variadic argument, for the types
/// `VaArgSafe` allows (integers and pointers of at most 8 bytes, `f64`).
pub fn arg<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    list: Value,
    out: TyAndLayout<'tcx>,
) -> CValue<'tcx> {
    let ty = fx
        .clif_type(out)
        .unwrap_or_else(|| fx.unsupported(format_args!("`va_arg` of `{}`", out.ty)));
    let list = Pointer::new(list);
    let in_reg = fx.bcx.create_block();
    let in_mem = fx.bcx.create_block();
    let end = fx.bcx.create_block();
    let addr = fx.bcx.append_block_param(end, fx.pointer_ty);
    // Big-endian s390x right-aligns a narrow value in its 8-byte slot.
    let pad = match fx.cx.target.big_endian {
        true => 8 - i64::from(ty.bytes()),
        false => 0,
    };
    let overflow_field = match fx.cx.target.va_list {
        VaListFormat::SysV64 => {
            let (field, limit, step) = match ty.is_float() {
                true => (4, 176, 16),
                false => (0, 48, 8),
            };
            let offset = list.offset(fx, field).load(fx, types::I32);
            let fits = fx
                .bcx
                .ins()
                .icmp_imm_s(IntCC::SignedLessThan, offset, limit);
            fx.bcx.ins().brif(fits, in_reg, &[], in_mem, &[]);
            fx.bcx.switch_to_block(in_reg);
            let area = list.offset(fx, 16).load(fx, fx.pointer_ty);
            let next = fx.bcx.ins().iadd_imm_s(offset, step);
            list.offset(fx, field).store(fx, next);
            jump_to_offset(fx, end, area, offset, 0);
            8
        }
        VaListFormat::Aapcs64 => {
            let (field, top, step) = match ty.is_float() {
                true => (28, 16, 16),
                false => (24, 8, 8),
            };
            // A non-negative offset: the registers were used up before.
            let offset = list.offset(fx, field).load(fx, types::I32);
            let used_up = fx
                .bcx
                .ins()
                .icmp_imm_s(IntCC::SignedGreaterThanOrEqual, offset, 0);
            let maybe_reg = fx.bcx.create_block();
            fx.bcx.ins().brif(used_up, in_mem, &[], maybe_reg, &[]);
            fx.bcx.switch_to_block(maybe_reg);
            let next = fx.bcx.ins().iadd_imm_s(offset, step);
            list.offset(fx, field).store(fx, next);
            let past = fx.bcx.ins().icmp_imm_s(IntCC::SignedGreaterThan, next, 0);
            fx.bcx.ins().brif(past, in_mem, &[], in_reg, &[]);
            fx.bcx.switch_to_block(in_reg);
            let top = list.offset(fx, top).load(fx, fx.pointer_ty);
            jump_to_offset(fx, end, top, offset, 0);
            0
        }
        VaListFormat::S390x => {
            let (field, max, base) = match ty.is_float() {
                true => (8, 4, 128),
                false => (0, 5, 16),
            };
            let count = list.offset(fx, field).load(fx, types::I64);
            let fits = fx.bcx.ins().icmp_imm_s(IntCC::UnsignedLessThan, count, max);
            fx.bcx.ins().brif(fits, in_reg, &[], in_mem, &[]);
            fx.bcx.switch_to_block(in_reg);
            let next = fx.bcx.ins().iadd_imm_s(count, 1);
            list.offset(fx, field).store(fx, next);
            let area = list.offset(fx, 24).load(fx, fx.pointer_ty);
            let slot = fx.bcx.ins().imul_imm_s(count, 8);
            jump_to_offset(fx, end, area, slot, base + pad);
            16
        }
        // Every argument is in memory, in 8-byte slots (`in_reg` is left
        // unreachable).
        VaListFormat::Riscv64 => {
            fx.bcx.ins().jump(in_mem, &[]);
            fx.bcx.switch_to_block(in_reg);
            fx.bcx.ins().jump(in_mem, &[]);
            0
        }
        VaListFormat::Unsupported(_) => {
            fx.unsupported("`va_arg` on this target (no C-variadic definitions)")
        }
    };
    // The caller's stack arguments, in 8-byte slots.
    fx.bcx.switch_to_block(in_mem);
    let next = list.offset(fx, overflow_field).load(fx, fx.pointer_ty);
    let after = fx.bcx.ins().iadd_imm_s(next, 8);
    list.offset(fx, overflow_field).store(fx, after);
    let at = fx.bcx.ins().iadd_imm_s(next, pad);
    fx.bcx.ins().jump(end, &[at.into()]);
    fx.bcx.switch_to_block(end);
    let value = Pointer::new(addr).load(fx, ty);
    CValue::by_val(value, out)
}

/// Jumps to `end` with `base + offset + extra` (`offset` an `i32` or `i64`).
fn jump_to_offset(
    fx: &mut FunctionCx<'_, '_, '_>,
    end: cranelift_codegen::ir::Block,
    base: Value,
    offset: Value,
    extra: i64,
) {
    let ty: Type = fx.bcx.func.dfg.value_type(offset);
    let offset = match ty == fx.pointer_ty {
        true => offset,
        false => fx.bcx.ins().sextend(fx.pointer_ty, offset),
    };
    let at = fx.bcx.ins().iadd(base, offset);
    let at = fx.bcx.ins().iadd_imm_s(at, extra);
    fx.bcx.ins().jump(end, &[at.into()]);
}
