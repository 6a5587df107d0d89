//! Decides which locals live in SSA variables instead of stack slots.
//!
//! A local may be an SSA variable when its layout is `Scalar` or
//! `ScalarPair`, it is never borrowed, dropped in place or indexed, and every
//! projection on it names a whole scalar of the pair (or the whole value).
//! Everything else gets a stack slot: correct for any access pattern.

use rustc_abi::{BackendRepr, Size};
use rustc_index::bit_set::DenseBitSet;
use rustc_middle::mir::visit::{MutatingUseContext, NonMutatingUseContext, PlaceContext, Visitor};
use rustc_middle::mir::{Local, Location, Place, PlaceElem};
use rustc_middle::ty::layout::TyAndLayout;

use super::FunctionCx;

/// The set of locals that may be SSA variables.
pub fn ssa_locals<'tcx>(fx: &FunctionCx<'_, '_, 'tcx>) -> DenseBitSet<Local> {
    let mut ssa = DenseBitSet::new_empty(fx.mir.local_decls.len());
    for (local, decl) in fx.mir.local_decls.iter_enumerated() {
        let layout = fx.layout_of(fx.monomorphize(decl.ty));
        if matches!(
            layout.backend_repr,
            BackendRepr::Scalar(_) | BackendRepr::ScalarPair(..)
        ) {
            ssa.insert(local);
        }
    }
    let mut visitor = Analyzer { fx, ssa };
    visitor.visit_body(fx.mir);
    visitor.ssa
}

struct Analyzer<'a, 'm, 'f, 'tcx> {
    fx: &'a FunctionCx<'m, 'f, 'tcx>,
    ssa: DenseBitSet<Local>,
}

impl<'tcx> Visitor<'tcx> for Analyzer<'_, '_, '_, 'tcx> {
    fn visit_place(&mut self, place: &Place<'tcx>, context: PlaceContext, _location: Location) {
        let local = place.local;
        if !self.ssa.contains(local) {
            return;
        }
        // Only the projections before the first `Deref` touch the local itself.
        let direct: Vec<PlaceElem<'tcx>> = place
            .projection
            .iter()
            .take_while(|e| !matches!(e, PlaceElem::Deref))
            .collect();
        let through_deref = direct.len() < place.projection.len();
        let needs_address = match context {
            PlaceContext::NonMutatingUse(
                NonMutatingUseContext::SharedBorrow
                | NonMutatingUseContext::FakeBorrow
                | NonMutatingUseContext::RawBorrow,
            )
            | PlaceContext::MutatingUse(
                MutatingUseContext::Borrow
                | MutatingUseContext::RawBorrow
                | MutatingUseContext::Drop,
            ) => !through_deref,
            _ => false,
        };
        if needs_address || !self.projections_are_whole_scalars(local, &direct) {
            self.ssa.remove(local);
        }
    }
}

impl<'tcx> Analyzer<'_, '_, '_, 'tcx> {
    fn projections_are_whole_scalars(&self, local: Local, projections: &[PlaceElem<'tcx>]) -> bool {
        let fx = self.fx;
        let whole = fx.layout_of(fx.monomorphize(fx.mir.local_decls[local].ty));
        let mut layout = whole;
        // Offset and size (within the local) of the part the projections reach.
        let (mut offset, mut size) = (Size::ZERO, layout.size);
        for elem in projections {
            match *elem {
                PlaceElem::Field(idx, _) => {
                    let field: TyAndLayout<'tcx> = fx.field_layout(layout, idx.as_usize());
                    offset += layout.fields.offset(idx.as_usize());
                    size = field.size;
                    layout = field;
                }
                PlaceElem::Downcast(_, variant) => layout = layout.for_variant(&fx.cx.lcx, variant),
                PlaceElem::OpaqueCast(_) | PlaceElem::UnwrapUnsafeBinder(_) => {}
                _ => return false,
            }
        }
        if size == Size::ZERO {
            return true;
        }
        let same_repr_kind = std::mem::discriminant(&layout.backend_repr)
            == std::mem::discriminant(&whole.backend_repr);
        if offset == Size::ZERO && size == whole.size {
            return same_repr_kind;
        }
        if !matches!(layout.backend_repr, BackendRepr::Scalar(_)) {
            return false;
        }
        match whole.backend_repr {
            BackendRepr::ScalarPair(a, b) => {
                let b_off = a.size(fx).align_to(b.align(fx).abi);
                (offset == Size::ZERO && size == a.size(fx))
                    || (offset == b_off && size == b.size(fx))
            }
            _ => false,
        }
    }
}
