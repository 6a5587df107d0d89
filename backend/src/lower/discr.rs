//! Enum discriminants: reading and writing tags, direct or niche-encoded,
//! following the layout rustc computed (`Variants::Multiple`).

use cranelift_codegen::ir::{InstBuilder, condcodes::IntCC};
use rustc_abi::{TagEncoding, VariantIdx, Variants};
use rustc_middle::ty::layout::TyAndLayout;

use super::FunctionCx;
use super::place::CPlace;
use super::value::CValue;

pub fn set_discriminant<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    place: CPlace<'tcx>,
    variant: VariantIdx,
) {
    let layout = place.layout;
    match &layout.variants {
        Variants::Empty => fx.trap_and_continue(cranelift_codegen::ir::TrapCode::unwrap_user(5)),
        Variants::Single { index } => {
            if *index != variant {
                // The variant is uninhabited: this code cannot be reached.
                fx.trap_and_continue(cranelift_codegen::ir::TrapCode::unwrap_user(5));
            }
        }
        Variants::Multiple {
            tag_encoding: TagEncoding::Direct,
            tag_field,
            ..
        } => {
            let tag_place = place.field(fx, tag_field.as_usize());
            let discr = layout
                .ty
                .discriminant_for_variant(fx.tcx, variant)
                .expect("enum discriminant")
                .val;
            let ty = fx.clif_type(tag_place.layout).expect("scalar tag");
            let v = fx.iconst(ty, discr as i128);
            tag_place.write_cvalue(fx, CValue::by_val(v, tag_place.layout));
        }
        Variants::Multiple {
            tag_encoding:
                TagEncoding::Niche {
                    untagged_variant,
                    niche_variants,
                    niche_start,
                },
            tag_field,
            ..
        } => {
            if variant == *untagged_variant {
                return;
            }
            let tag_place = place.field(fx, tag_field.as_usize());
            let relative = (variant.as_u32() - niche_variants.start().as_u32()) as u128;
            let niche = relative.wrapping_add(*niche_start);
            let ty = fx.clif_type(tag_place.layout).expect("scalar niche");
            let v = fx.iconst(ty, niche as i128);
            tag_place.write_cvalue(fx, CValue::by_val(v, tag_place.layout));
        }
    }
}

pub fn read_discriminant<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    place: CPlace<'tcx>,
    dest_layout: TyAndLayout<'tcx>,
) -> CValue<'tcx> {
    let layout = place.layout;
    let dest_ty = fx.clif_type(dest_layout).expect("scalar discriminant type");
    let signed = dest_layout.ty.is_signed();
    match &layout.variants {
        Variants::Empty => {
            fx.trap_and_continue(cranelift_codegen::ir::TrapCode::unwrap_user(5));
            let v = fx.iconst(dest_ty, 0);
            CValue::by_val(v, dest_layout)
        }
        Variants::Single { index } => {
            let discr = match layout.ty.discriminant_for_variant(fx.tcx, *index) {
                Some(d) => d.val,
                None => index.as_u32() as u128,
            };
            let v = fx.iconst(dest_ty, discr as i128);
            CValue::by_val(v, dest_layout)
        }
        Variants::Multiple {
            tag,
            tag_encoding,
            tag_field,
            ..
        } => {
            let tag_place = place.field(fx, tag_field.as_usize());
            let tag_value = tag_place.to_cvalue(fx).load_scalar(fx);
            match tag_encoding {
                TagEncoding::Direct => {
                    let tag_signed = matches!(tag.primitive(), rustc_abi::Primitive::Int(_, true));
                    let v = int_resize(fx, tag_value, dest_ty, tag_signed || signed);
                    CValue::by_val(v, dest_layout)
                }
                TagEncoding::Niche {
                    untagged_variant,
                    niche_variants,
                    niche_start,
                } => {
                    let tag_ty = fx.bcx.func.dfg.value_type(tag_value);
                    // relative = tag - niche_start; in range => niche variant.
                    // Without optimisations Cranelift keeps every
                    // instruction, so the common shapes (`Option<&T>`: one
                    // niche variant at 0) get no arithmetic with zero.
                    let relative = if *niche_start == 0 {
                        tag_value
                    } else {
                        let start = fx.iconst(tag_ty, *niche_start as i128);
                        fx.bcx.ins().isub(tag_value, start)
                    };
                    let span = niche_variants.end().as_u32() - niche_variants.start().as_u32();
                    let max = fx.iconst(tag_ty, span as i128);
                    let (cc, niche_index) = if span == 0 {
                        let only = niche_variants.start().as_u32() as i128;
                        (IntCC::Equal, fx.iconst(dest_ty, only))
                    } else {
                        let relative = int_resize(fx, relative, dest_ty, false);
                        let first = niche_variants.start().as_u32() as i128;
                        let index = if first == 0 {
                            relative
                        } else {
                            let first = fx.iconst(dest_ty, first);
                            fx.bcx.ins().iadd(relative, first)
                        };
                        (IntCC::UnsignedLessThanOrEqual, index)
                    };
                    let is_niche = fx.bcx.ins().icmp(cc, relative, max);
                    let untagged = fx.iconst(dest_ty, untagged_variant.as_u32() as i128);
                    let index = fx.bcx.ins().select(is_niche, niche_index, untagged);
                    let v = variant_index_to_discr(fx, layout, index, dest_ty);
                    CValue::by_val(v, dest_layout)
                }
            }
        }
    }
}

/// Maps a runtime variant index to its discriminant value (they differ only
/// for enums with explicit discriminants).
fn variant_index_to_discr<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    layout: TyAndLayout<'tcx>,
    index: cranelift_codegen::ir::Value,
    ty: cranelift_codegen::ir::Type,
) -> cranelift_codegen::ir::Value {
    let Some(adt) = layout.ty.ty_adt_def() else {
        return index;
    };
    let mut result = index;
    for (variant, discr) in adt.discriminants(fx.tcx) {
        if discr.val != variant.as_u32() as u128 {
            let idx = fx.iconst(ty, variant.as_u32() as i128);
            let is = fx.bcx.ins().icmp(IntCC::Equal, index, idx);
            let d = fx.iconst(ty, discr.val as i128);
            result = fx.bcx.ins().select(is, d, result);
        }
    }
    result
}

/// Converts an integer to another width, sign- or zero-extending.
pub fn int_resize(
    fx: &mut FunctionCx<'_, '_, '_>,
    v: cranelift_codegen::ir::Value,
    to: cranelift_codegen::ir::Type,
    signed: bool,
) -> cranelift_codegen::ir::Value {
    let from = fx.bcx.func.dfg.value_type(v);
    if from == to {
        v
    } else if from.bits() > to.bits() {
        fx.bcx.ins().ireduce(to, v)
    } else if signed {
        fx.bcx.ins().sextend(to, v)
    } else {
        fx.bcx.ins().uextend(to, v)
    }
}
