//! How a MIR value exists during lowering: in SSA registers (`ByVal`,
//! `ByValPair`, following the layout's `BackendRepr::Scalar`/`ScalarPair`) or
//! in memory (`ByRef`). Reading a value in a different form spills or loads;
//! the layout always says what the bytes mean.

use cranelift_codegen::ir::{InstBuilder, MemFlagsData, StackSlotData, StackSlotKind, Type, Value};
use rustc_abi::{BackendRepr, Scalar, Size};
use rustc_middle::ty::layout::TyAndLayout;

use super::FunctionCx;

/// An address plus a constant byte offset, folded into loads and stores.
#[derive(Clone, Copy, Debug)]
pub struct Pointer {
    pub base: Value,
    pub offset: i32,
}

impl Pointer {
    pub fn new(base: Value) -> Self {
        Pointer { base, offset: 0 }
    }

    pub fn offset(self, fx: &mut FunctionCx<'_, '_, '_>, by: i64) -> Pointer {
        match i32::try_from(self.offset as i64 + by) {
            Ok(offset) => Pointer {
                base: self.base,
                offset,
            },
            Err(_) => {
                let addr = self.addr(fx);
                Pointer::new(fx.bcx.ins().iadd_imm_s(addr, by))
            }
        }
    }

    pub fn offset_value(self, fx: &mut FunctionCx<'_, '_, '_>, by: Value) -> Pointer {
        let base = fx.bcx.ins().iadd(self.base, by);
        Pointer {
            base,
            offset: self.offset,
        }
    }

    pub fn addr(self, fx: &mut FunctionCx<'_, '_, '_>) -> Value {
        if self.offset == 0 {
            self.base
        } else {
            fx.bcx.ins().iadd_imm_s(self.base, self.offset as i64)
        }
    }

    pub fn load(self, fx: &mut FunctionCx<'_, '_, '_>, ty: Type) -> Value {
        fx.bcx
            .ins()
            .load(ty, MemFlagsData::new(), self.base, self.offset)
    }

    pub fn store(self, fx: &mut FunctionCx<'_, '_, '_>, value: Value) {
        fx.bcx
            .ins()
            .store(MemFlagsData::new(), value, self.base, self.offset);
    }
}

#[derive(Clone, Copy, Debug)]
#[allow(clippy::enum_variant_names)] // "by ref", "by val": how the value is held, not a type prefix
enum Repr {
    /// In memory; the second field is the metadata of an unsized value.
    ByRef(Pointer, Option<Value>),
    ByVal(Value),
    ByValPair(Value, Value),
}

/// A MIR value of a known layout.
#[derive(Clone, Copy, Debug)]
pub struct CValue<'tcx> {
    repr: Repr,
    pub layout: TyAndLayout<'tcx>,
}

impl<'tcx> CValue<'tcx> {
    pub fn by_ref(ptr: Pointer, layout: TyAndLayout<'tcx>) -> Self {
        CValue {
            repr: Repr::ByRef(ptr, None),
            layout,
        }
    }

    pub fn by_ref_unsized(ptr: Pointer, meta: Value, layout: TyAndLayout<'tcx>) -> Self {
        CValue {
            repr: Repr::ByRef(ptr, Some(meta)),
            layout,
        }
    }

    pub fn by_val(value: Value, layout: TyAndLayout<'tcx>) -> Self {
        CValue {
            repr: Repr::ByVal(value),
            layout,
        }
    }

    pub fn by_val_pair(a: Value, b: Value, layout: TyAndLayout<'tcx>) -> Self {
        CValue {
            repr: Repr::ByValPair(a, b),
            layout,
        }
    }

    /// A zero-sized value: any well-aligned non-null address will do.
    pub fn zst(fx: &mut FunctionCx<'_, '_, 'tcx>, layout: TyAndLayout<'tcx>) -> Self {
        CValue::by_ref(fx.dangling(layout), layout)
    }

    /// The same bytes read as another type of the same size.
    pub fn with_layout(self, layout: TyAndLayout<'tcx>) -> Self {
        CValue {
            repr: self.repr,
            layout,
        }
    }

    /// Where the value lives in memory, spilling it to a new stack slot if needed.
    pub fn force_stack(self, fx: &mut FunctionCx<'_, '_, 'tcx>) -> (Pointer, Option<Value>) {
        match self.repr {
            Repr::ByRef(ptr, meta) => (ptr, meta),
            Repr::ByVal(_) | Repr::ByValPair(..) => {
                let ptr = fx.stack_slot(self.layout.size, self.layout.align.abi.bytes());
                store_scalars(fx, self, ptr);
                (ptr, None)
            }
        }
    }

    pub fn load_scalar(self, fx: &mut FunctionCx<'_, '_, 'tcx>) -> Value {
        match self.repr {
            Repr::ByVal(v) => v,
            Repr::ByRef(ptr, None) => {
                let BackendRepr::Scalar(scalar) = self.layout.backend_repr else {
                    panic!("load_scalar of non-scalar {:?}", self.layout.ty)
                };
                let ty = fx.scalar_type(scalar);
                ptr.load(fx, ty)
            }
            _ => panic!("load_scalar of {:?} ({:?})", self.layout.ty, self.repr),
        }
    }

    pub fn load_scalar_pair(self, fx: &mut FunctionCx<'_, '_, 'tcx>) -> (Value, Value) {
        match self.repr {
            Repr::ByValPair(a, b) => (a, b),
            Repr::ByRef(ptr, None) => {
                let BackendRepr::ScalarPair(a, b) = self.layout.backend_repr else {
                    panic!("load_scalar_pair of non-pair {:?}", self.layout.ty)
                };
                let b_off = pair_b_offset(fx, a, b);
                let (ta, tb) = (fx.scalar_type(a), fx.scalar_type(b));
                let va = ptr.load(fx, ta);
                let vb = ptr.offset(fx, b_off.bytes() as i64).load(fx, tb);
                (va, vb)
            }
            _ => panic!("load_scalar_pair of {:?} ({:?})", self.layout.ty, self.repr),
        }
    }

    /// The memory address and metadata, if the value is in memory.
    pub fn as_ref(self) -> Option<(Pointer, Option<Value>)> {
        match self.repr {
            Repr::ByRef(ptr, meta) => Some((ptr, meta)),
            _ => None,
        }
    }

    /// Field `idx` of a struct, tuple, closure or (downcast) enum variant.
    pub fn field(self, fx: &mut FunctionCx<'_, '_, 'tcx>, idx: usize) -> CValue<'tcx> {
        let field = fx.field_layout(self.layout, idx);
        let offset = self.layout.fields.offset(idx);
        if field.is_zst() {
            return CValue::zst(fx, field);
        }
        match self.repr {
            Repr::ByRef(ptr, meta) => {
                let ptr = ptr.offset(fx, offset.bytes() as i64);
                match meta {
                    Some(meta) if !field.is_sized() => CValue::by_ref_unsized(ptr, meta, field),
                    _ => CValue::by_ref(ptr, field),
                }
            }
            Repr::ByVal(v) if field.size == self.layout.size && offset == Size::ZERO => {
                CValue::by_val(v, field)
            }
            Repr::ByValPair(a, b) => {
                let BackendRepr::ScalarPair(sa, sb) = self.layout.backend_repr else {
                    unreachable!("pair value with non-pair layout")
                };
                if field.size == self.layout.size {
                    CValue::by_val_pair(a, b, field)
                } else if offset == Size::ZERO && field.size == sa.size(fx) {
                    CValue::by_val(a, field)
                } else if offset == pair_b_offset(fx, sa, sb) && field.size == sb.size(fx) {
                    CValue::by_val(b, field)
                } else {
                    self.spilled(fx).field(fx, idx)
                }
            }
            Repr::ByVal(_) => self.spilled(fx).field(fx, idx),
        }
    }

    fn spilled(self, fx: &mut FunctionCx<'_, '_, 'tcx>) -> CValue<'tcx> {
        let (ptr, _) = self.force_stack(fx);
        CValue::by_ref(ptr, self.layout)
    }
}

/// The alignment Cranelift guarantees for stack slots.
const STACK_ALIGN: u64 = 16;

/// Offset of the second scalar of a `ScalarPair`.
pub fn pair_b_offset(fx: &FunctionCx<'_, '_, '_>, a: Scalar, b: Scalar) -> Size {
    a.size(fx).align_to(b.align(fx).abi)
}

/// Writes an SSA value (`ByVal`/`ByValPair`) to memory per its layout.
pub fn store_scalars<'tcx>(fx: &mut FunctionCx<'_, '_, 'tcx>, value: CValue<'tcx>, ptr: Pointer) {
    match value.repr {
        Repr::ByVal(v) => ptr.store(fx, v),
        Repr::ByValPair(a, b) => {
            let BackendRepr::ScalarPair(sa, sb) = value.layout.backend_repr else {
                unreachable!("pair value with non-pair layout {:?}", value.layout.ty)
            };
            let b_off = pair_b_offset(fx, sa, sb);
            ptr.store(fx, a);
            ptr.offset(fx, b_off.bytes() as i64).store(fx, b);
        }
        Repr::ByRef(..) => unreachable!("store_scalars of an in-memory value"),
    }
}

impl<'tcx> FunctionCx<'_, '_, 'tcx> {
    /// The address of a zero-sized value: its alignment, non-null and aligned.
    pub fn dangling(&mut self, layout: TyAndLayout<'tcx>) -> Pointer {
        Pointer::new(
            self.bcx
                .ins()
                .iconst(self.pointer_ty, layout.align.abi.bytes() as i64),
        )
    }

    /// A fresh stack slot of `size` bytes aligned to `align`.
    pub fn stack_slot(&mut self, size: Size, align: u64) -> Pointer {
        // Round up so that ABI casts may read whole registers past the end.
        let size = size.bytes().next_multiple_of(16);
        let align = align.max(1);
        if align <= STACK_ALIGN {
            let slot = self.bcx.create_sized_stack_slot(StackSlotData::new(
                StackSlotKind::ExplicitSlot,
                size as u32,
                align.trailing_zeros() as u8,
            ));
            return Pointer::new(self.bcx.ins().stack_addr(self.pointer_ty, slot, 0));
        }
        // Cranelift aligns frames (and so slots) to 16 bytes only: take
        // `align` bytes more and round the address up at run time.
        let slot = self.bcx.create_sized_stack_slot(StackSlotData::new(
            StackSlotKind::ExplicitSlot,
            (size + align) as u32,
            STACK_ALIGN.trailing_zeros() as u8,
        ));
        let base = self.bcx.ins().stack_addr(self.pointer_ty, slot, 0);
        let bumped = self.bcx.ins().iadd_imm_s(base, (align - 1) as i64);
        let aligned = self.bcx.ins().band_imm_s(bumped, -(align as i64));
        Pointer::new(aligned)
    }
}
