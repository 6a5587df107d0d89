//! MIR places during lowering. A local that `analyze` proved is never
//! borrowed and only projected to whole scalars lives in Cranelift
//! variables (`Var`, `VarPair`); every other place is an address (plus
//! metadata for unsized places).

use cranelift_codegen::ir::{InstBuilder, Value};
use cranelift_frontend::Variable;
use rustc_abi::{BackendRepr, FieldsShape, Size, VariantIdx};
use rustc_middle::ty::layout::{LayoutOf, TyAndLayout};

use super::FunctionCx;
use super::value::{CValue, Pointer, pair_b_offset, store_scalars};

#[derive(Clone, Copy, Debug)]
enum Repr {
    Var(Variable),
    VarPair(Variable, Variable),
    Addr(Pointer, Option<Value>),
}

#[derive(Clone, Copy, Debug)]
pub struct CPlace<'tcx> {
    repr: Repr,
    pub layout: TyAndLayout<'tcx>,
}

impl<'tcx> CPlace<'tcx> {
    pub fn for_ptr(ptr: Pointer, layout: TyAndLayout<'tcx>) -> Self {
        CPlace {
            repr: Repr::Addr(ptr, None),
            layout,
        }
    }

    pub fn for_ptr_with_meta(ptr: Pointer, meta: Option<Value>, layout: TyAndLayout<'tcx>) -> Self {
        CPlace {
            repr: Repr::Addr(ptr, meta),
            layout,
        }
    }

    pub fn new_stack_slot(fx: &mut FunctionCx<'_, '_, 'tcx>, layout: TyAndLayout<'tcx>) -> Self {
        assert!(layout.is_sized(), "stack slot for unsized {:?}", layout.ty);
        if layout.is_zst() {
            return CPlace::for_ptr(fx.dangling(layout), layout);
        }
        CPlace::for_ptr(fx.stack_slot(layout.size, layout.align.abi.bytes()), layout)
    }

    /// A place in SSA variables; the layout must be `Scalar` or `ScalarPair`.
    pub fn new_var(fx: &mut FunctionCx<'_, '_, 'tcx>, layout: TyAndLayout<'tcx>) -> Self {
        let repr = match layout.backend_repr {
            BackendRepr::Scalar(s) => {
                let ty = fx.scalar_type(s);
                Repr::Var(fx.bcx.declare_var(ty))
            }
            BackendRepr::ScalarPair(a, b) => {
                let (ta, tb) = (fx.scalar_type(a), fx.scalar_type(b));
                Repr::VarPair(fx.bcx.declare_var(ta), fx.bcx.declare_var(tb))
            }
            _ => unreachable!("SSA place for non-scalar {:?}", layout.ty),
        };
        CPlace { repr, layout }
    }

    pub fn to_cvalue(self, fx: &mut FunctionCx<'_, '_, 'tcx>) -> CValue<'tcx> {
        match self.repr {
            Repr::Var(var) => CValue::by_val(fx.bcx.use_var(var), self.layout),
            Repr::VarPair(a, b) => {
                let (a, b) = (fx.bcx.use_var(a), fx.bcx.use_var(b));
                CValue::by_val_pair(a, b, self.layout)
            }
            Repr::Addr(ptr, None) => CValue::by_ref(ptr, self.layout),
            Repr::Addr(ptr, Some(meta)) => CValue::by_ref_unsized(ptr, meta, self.layout),
        }
    }

    /// The address of a place in memory (never called on SSA places: `analyze`
    /// keeps borrowed locals in memory).
    pub fn to_ptr_maybe_unsized(self) -> (Pointer, Option<Value>) {
        match self.repr {
            Repr::Addr(ptr, meta) => (ptr, meta),
            _ => unreachable!("address of an SSA place {:?}", self.layout.ty),
        }
    }

    pub fn to_ptr(self) -> Pointer {
        self.to_ptr_maybe_unsized().0
    }

    pub fn is_ssa(self) -> bool {
        !matches!(self.repr, Repr::Addr(..))
    }

    /// Reinterprets the place as another layout of the same size.
    pub fn with_layout(self, layout: TyAndLayout<'tcx>) -> Self {
        CPlace {
            repr: self.repr,
            layout,
        }
    }

    pub fn write_cvalue(self, fx: &mut FunctionCx<'_, '_, 'tcx>, from: CValue<'tcx>) {
        match self.repr {
            Repr::Var(var) => {
                let v = from.load_scalar(fx);
                fx.bcx.def_var(var, v);
            }
            Repr::VarPair(a, b) => {
                let (va, vb) = from.load_scalar_pair(fx);
                fx.bcx.def_var(a, va);
                fx.bcx.def_var(b, vb);
            }
            Repr::Addr(dst, _) => {
                if self.layout.size == Size::ZERO {
                    return;
                }
                match from.as_ref() {
                    Some((src, _)) => {
                        let align = self
                            .layout
                            .align
                            .abi
                            .bytes()
                            .min(from.layout.align.abi.bytes());
                        fx.memcpy(dst, src, self.layout.size.bytes(), align);
                    }
                    None => store_scalars(fx, from, dst),
                }
            }
        }
    }

    pub fn field(self, fx: &mut FunctionCx<'_, '_, 'tcx>, idx: usize) -> CPlace<'tcx> {
        let field = fx.field_layout(self.layout, idx);
        let offset = self.layout.fields.offset(idx);
        match self.repr {
            Repr::Addr(ptr, meta) => {
                if let Some(meta) = meta
                    && !field.is_sized()
                    && offset != Size::ZERO
                    && has_dyn_tail(fx, field.ty)
                {
                    // A `dyn` tail sits at its static offset rounded up to its
                    // dynamic alignment (unless the struct is packed).
                    let packed = matches!(self.layout.ty.kind(),
                        rustc_middle::ty::Adt(def, _) if def.repr().packed());
                    if !packed {
                        let (_, align) = super::dst::size_and_align_of(fx, field.ty, Some(meta));
                        let unaligned = fx.usize_const(offset.bytes());
                        let offset = super::dst::round_up(fx, unaligned, align);
                        let ptr = ptr.offset_value(fx, offset);
                        return CPlace::for_ptr_with_meta(ptr, Some(meta), field);
                    }
                }
                let ptr = ptr.offset(fx, offset.bytes() as i64);
                let meta = if field.is_sized() { None } else { meta };
                CPlace::for_ptr_with_meta(ptr, meta, field)
            }
            _ if field.is_zst() => CPlace::new_stack_slot(fx, field),
            Repr::Var(_) if field.size == self.layout.size => self.with_layout(field),
            Repr::VarPair(a, b) => {
                let BackendRepr::ScalarPair(sa, sb) = self.layout.backend_repr else {
                    unreachable!("pair place with non-pair layout")
                };
                if field.size == self.layout.size {
                    self.with_layout(field)
                } else if offset == Size::ZERO && field.size == sa.size(fx) {
                    CPlace {
                        repr: Repr::Var(a),
                        layout: field,
                    }
                } else if offset == pair_b_offset(fx, sa, sb) && field.size == sb.size(fx) {
                    CPlace {
                        repr: Repr::Var(b),
                        layout: field,
                    }
                } else {
                    unreachable!("analyze let a partial field of an SSA pair through")
                }
            }
            Repr::Var(_) => unreachable!("analyze let a partial field of an SSA scalar through"),
        }
    }

    pub fn downcast_variant(self, fx: &FunctionCx<'_, '_, 'tcx>, variant: VariantIdx) -> Self {
        let layout = self.layout.for_variant(&fx.cx.lcx, variant);
        self.with_layout(layout)
    }

    /// Element `index` of an array or slice place.
    pub fn index(self, fx: &mut FunctionCx<'_, '_, 'tcx>, index: Value) -> CPlace<'tcx> {
        let (elem, stride) = self.elem_layout(fx);
        let (ptr, _) = self.to_ptr_maybe_unsized();
        let scaled = fx.bcx.ins().imul_imm_s(index, stride.bytes() as i64);
        CPlace::for_ptr(ptr.offset_value(fx, scaled), elem)
    }

    pub fn index_const(self, fx: &mut FunctionCx<'_, '_, 'tcx>, index: u64) -> CPlace<'tcx> {
        let (elem, stride) = self.elem_layout(fx);
        let (ptr, _) = self.to_ptr_maybe_unsized();
        CPlace::for_ptr(ptr.offset(fx, (index * stride.bytes()) as i64), elem)
    }

    pub fn elem_layout(self, fx: &FunctionCx<'_, '_, 'tcx>) -> (TyAndLayout<'tcx>, Size) {
        let FieldsShape::Array { stride, .. } = self.layout.fields else {
            unreachable!("indexing non-array {:?}", self.layout.ty)
        };
        let elem_ty = self.layout.ty.sequence_element_type(fx.tcx);
        (fx.cx.lcx.layout_of(elem_ty), stride)
    }

    /// `*place`: the place the pointer stored in `self` points to.
    pub fn deref(self, fx: &mut FunctionCx<'_, '_, 'tcx>) -> CPlace<'tcx> {
        let pointee_ty = self
            .layout
            .ty
            .builtin_deref(true)
            .expect("deref of non-pointer");
        let pointee = fx.cx.lcx.layout_of(pointee_ty);
        let value = self.to_cvalue(fx);
        if pointee.is_sized() {
            let addr = value.load_scalar(fx);
            CPlace::for_ptr(Pointer::new(addr), pointee)
        } else {
            let (addr, meta) = value.load_scalar_pair(fx);
            CPlace::for_ptr_with_meta(Pointer::new(addr), Some(meta), pointee)
        }
    }

    /// `&place` / `&raw place` as a value of the pointer layout `ref_layout`.
    pub fn address(
        self,
        fx: &mut FunctionCx<'_, '_, 'tcx>,
        ref_layout: TyAndLayout<'tcx>,
    ) -> CValue<'tcx> {
        let (ptr, meta) = self.to_ptr_maybe_unsized();
        let addr = ptr.addr(fx);
        match meta {
            Some(meta) => CValue::by_val_pair(addr, meta, ref_layout),
            None => CValue::by_val(addr, ref_layout),
        }
    }
}

/// Whether the unsized tail of `ty` is a trait object.
fn has_dyn_tail<'tcx>(fx: &FunctionCx<'_, '_, 'tcx>, ty: rustc_middle::ty::Ty<'tcx>) -> bool {
    let tail = fx
        .tcx
        .struct_tail_for_codegen(ty, rustc_middle::ty::TypingEnv::fully_monomorphized());
    tail.is_trait()
}
