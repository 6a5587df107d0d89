//! Rvalues: each MIR `Assign` computes its value straight into the
//! destination place.

use cranelift_codegen::ir::{InstBuilder, condcodes::IntCC};
use rustc_middle::mir::{AggregateKind, Rvalue};

use super::FunctionCx;
use super::place::CPlace;
use super::value::CValue;
use super::{cast, discr, num};

pub fn codegen_rvalue<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    dest: CPlace<'tcx>,
    rvalue: &Rvalue<'tcx>,
) {
    match rvalue {
        Rvalue::Use(op) | Rvalue::WrapUnsafeBinder(op, _) => {
            let v = fx.codegen_operand(op);
            dest.write_cvalue(fx, v);
        }
        Rvalue::CopyForDeref(place) => {
            let v = fx.codegen_place(*place).to_cvalue(fx);
            dest.write_cvalue(fx, v);
        }
        Rvalue::Ref(_, _, place) | Rvalue::RawPtr(_, place) => {
            let place = fx.codegen_place(*place);
            let v = place.address(fx, dest.layout);
            dest.write_cvalue(fx, v);
        }
        Rvalue::ThreadLocalRef(def_id) => {
            // ELF TLS: Cranelift computes the address (general-dynamic model).
            let data = fx.cx.get_static(*def_id);
            let addr = fx.tls_addr(data);
            dest.write_cvalue(fx, CValue::by_val(addr, dest.layout));
        }
        Rvalue::Cast(kind, op, ty) => {
            let ty = fx.monomorphize(*ty);
            cast::codegen_cast(fx, dest, *kind, op, ty);
        }
        Rvalue::BinaryOp(op, box (lhs, rhs)) => {
            let lhs = fx.codegen_operand(lhs);
            let rhs = fx.codegen_operand(rhs);
            let v = num::codegen_binop(fx, *op, lhs, rhs, dest.layout);
            dest.write_cvalue(fx, v);
        }
        Rvalue::UnaryOp(op, operand) => {
            let operand = fx.codegen_operand(operand);
            let v = num::codegen_unop(fx, *op, operand, dest.layout);
            dest.write_cvalue(fx, v);
        }
        Rvalue::Discriminant(place) => {
            let place = fx.codegen_place(*place);
            let v = discr::read_discriminant(fx, place, dest.layout);
            dest.write_cvalue(fx, v);
        }
        Rvalue::Repeat(op, count) => {
            let value = fx.codegen_operand(op);
            let count = fx
                .monomorphize(*count)
                .try_to_target_usize(fx.tcx)
                .expect("array length");
            codegen_repeat(fx, dest, value, count);
        }
        Rvalue::Aggregate(kind, operands) => {
            codegen_aggregate(fx, dest, kind, operands.raw.as_slice())
        }
    }
}

fn codegen_repeat<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    dest: CPlace<'tcx>,
    value: CValue<'tcx>,
    count: u64,
) {
    if value.layout.is_zst() || count == 0 {
        return;
    }
    if count <= 16 {
        for i in 0..count {
            dest.index_const(fx, i).write_cvalue(fx, value);
        }
        return;
    }
    // for i in 0..count { dest[i] = value }
    let ptr_ty = fx.pointer_ty;
    let body = fx.bcx.create_block();
    let done = fx.bcx.create_block();
    let i = fx.bcx.append_block_param(body, ptr_ty);
    let zero = fx.usize_const(0);
    fx.bcx.ins().jump(body, &[zero.into()]);
    fx.bcx.switch_to_block(body);
    dest.index(fx, i).write_cvalue(fx, value);
    let next = fx.bcx.ins().iadd_imm_s(i, 1);
    let more = fx
        .bcx
        .ins()
        .icmp_imm_s(IntCC::UnsignedLessThan, next, count as i64);
    fx.bcx.ins().brif(more, body, &[next.into()], done, &[]);
    fx.bcx.switch_to_block(done);
}

fn codegen_aggregate<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    dest: CPlace<'tcx>,
    kind: &AggregateKind<'tcx>,
    operands: &[rustc_middle::mir::Operand<'tcx>],
) {
    match kind {
        AggregateKind::Array(_) => {
            for (i, op) in operands.iter().enumerate() {
                let v = fx.codegen_operand(op);
                dest.index_const(fx, i as u64).write_cvalue(fx, v);
            }
        }
        AggregateKind::Tuple | AggregateKind::Closure(..) | AggregateKind::CoroutineClosure(..) => {
            write_fields(fx, dest, operands);
        }
        AggregateKind::Coroutine(..) => {
            // A new coroutine: its upvars go to the prefix fields, and its
            // state is the first variant ("unresumed").
            write_fields(fx, dest, operands);
            discr::set_discriminant(fx, dest, rustc_abi::FIRST_VARIANT);
        }
        AggregateKind::Adt(def_id, variant, _, _, active_field) => {
            let adt = fx.tcx.adt_def(*def_id);
            let variant_dest = if adt.is_enum() {
                dest.downcast_variant(fx, *variant)
            } else {
                dest
            };
            match active_field {
                Some(field) => {
                    let v = fx.codegen_operand(&operands[0]);
                    variant_dest.field(fx, field.as_usize()).write_cvalue(fx, v);
                }
                None => write_fields(fx, variant_dest, operands),
            }
            if adt.is_enum() {
                discr::set_discriminant(fx, dest, *variant);
            }
        }
        AggregateKind::RawPtr(..) => {
            let data = fx.codegen_operand(&operands[0]).load_scalar(fx);
            let meta = fx.codegen_operand(&operands[1]);
            let v = if meta.layout.is_zst() {
                CValue::by_val(data, dest.layout)
            } else {
                let meta = meta.load_scalar(fx);
                CValue::by_val_pair(data, meta, dest.layout)
            };
            dest.write_cvalue(fx, v);
        }
    }
}

fn write_fields<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    dest: CPlace<'tcx>,
    operands: &[rustc_middle::mir::Operand<'tcx>],
) {
    for (i, op) in operands.iter().enumerate() {
        let v = fx.codegen_operand(op);
        dest.field(fx, i).write_cvalue(fx, v);
    }
}
