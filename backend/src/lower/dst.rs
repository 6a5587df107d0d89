//! Dynamically sized types at run time: the size and alignment of a value
//! behind a wide pointer (`size_of_val`, `align_of_val`, drop glue), and
//! the offset of a struct's unsized last field, which depends on the
//! dynamic alignment for `dyn` tails.

use cranelift_codegen::ir::{InstBuilder, MemFlagsData, Value, condcodes::IntCC};
use rustc_middle::ty::{self, Ty};

use super::FunctionCx;

/// `(size, align)` in bytes of a `ty` value whose pointer metadata is `meta`.
pub fn size_and_align_of<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    ty: Ty<'tcx>,
    meta: Option<Value>,
) -> (Value, Value) {
    let layout = fx.layout_of(ty);
    if layout.is_sized() {
        let size = fx.usize_const(layout.size.bytes());
        let align = fx.usize_const(layout.align.abi.bytes());
        return (size, align);
    }
    match ty.kind() {
        ty::Dynamic(..) => {
            let vtable = meta.expect("dyn value without vtable");
            let word = fx.pointer_ty.bytes() as i32;
            let flags = MemFlagsData::trusted();
            let size = fx.bcx.ins().load(fx.pointer_ty, flags, vtable, word);
            let align = fx.bcx.ins().load(fx.pointer_ty, flags, vtable, 2 * word);
            (size, align)
        }
        ty::Slice(_) | ty::Str => {
            let elem = fx.field_layout(layout, 0);
            let len = meta.expect("slice without length");
            let size = fx.bcx.ins().imul_imm_s(len, elem.size.bytes() as i64);
            (size, fx.usize_const(elem.align.abi.bytes()))
        }
        ty::Adt(..) | ty::Tuple(..) => {
            let last = layout.fields.count() - 1;
            let offset = layout.fields.offset(last).bytes();
            let field_ty = fx.field_layout(layout, last).ty;
            let (tail_size, mut tail_align) = size_and_align_of(fx, field_ty, meta);
            if let ty::Adt(def, _) = ty.kind()
                && let Some(pack) = def.repr().pack
            {
                let pack = fx.usize_const(pack.bytes());
                let less = fx.bcx.ins().icmp(IntCC::UnsignedLessThan, tail_align, pack);
                tail_align = fx.bcx.ins().select(less, tail_align, pack);
            }
            let sized_align = fx.usize_const(layout.align.abi.bytes());
            let greater = fx
                .bcx
                .ins()
                .icmp(IntCC::UnsignedGreaterThan, sized_align, tail_align);
            let align = fx.bcx.ins().select(greater, sized_align, tail_align);
            // size = round_up(offset + tail_size, align)
            let unrounded = fx.bcx.ins().iadd_imm_s(tail_size, offset as i64);
            let size = round_up(fx, unrounded, align);
            (size, align)
        }
        _ => fx.unsupported(format_args!("the size of the unsized type `{ty}`")),
    }
}

/// `(value + align - 1) & -align` for a power-of-two `align`.
pub fn round_up(fx: &mut FunctionCx<'_, '_, '_>, value: Value, align: Value) -> Value {
    let mask = fx.bcx.ins().iadd_imm_s(align, -1);
    let bumped = fx.bcx.ins().iadd(value, mask);
    let neg = fx.bcx.ins().ineg(align);
    fx.bcx.ins().band(bumped, neg)
}
