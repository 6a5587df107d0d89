//! Constants and statics: MIR constants become immediates or references to
//! data objects; constant allocations (string literals, promoted values,
//! vtables, static initializers) become data objects with relocations for
//! every pointer they contain.

use cranelift_codegen::ir::{InstBuilder, Value, types};
use cranelift_module::{DataDescription, DataId, Module};
use rustc_abi::{BackendRepr, Endian};
use rustc_hir::def::DefKind;
use rustc_middle::mir::interpret::{AllocId, GlobalAlloc, Scalar};
use rustc_middle::mir::{self, ConstValue};
use rustc_middle::ty::layout::TyAndLayout;
use rustc_middle::ty::{Ty, TyCtxt, TypingEnv};
use rustc_span::def_id::DefId;

use crate::cx::CodegenCx;
use crate::lower::FunctionCx;
use crate::lower::value::{CValue, Pointer};

pub fn codegen_const_operand<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    c: &mir::ConstOperand<'tcx>,
) -> CValue<'tcx> {
    let value =
        match fx
            .monomorphize(c.const_)
            .eval(fx.tcx, TypingEnv::fully_monomorphized(), c.span)
        {
            Ok(v) => v,
            // Errors were reported when the constant was collected.
            Err(_) => fx
                .tcx
                .dcx()
                .span_fatal(c.span, "erroneous constant reached codegen"),
        };
    let layout = fx.layout_of(fx.monomorphize(c.ty()));
    const_value_to_cvalue(fx, value, layout)
}

pub fn const_value_to_cvalue<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    value: ConstValue,
    layout: TyAndLayout<'tcx>,
) -> CValue<'tcx> {
    match value {
        ConstValue::ZeroSized => CValue::zst(fx, layout),
        ConstValue::Scalar(scalar) => {
            let BackendRepr::Scalar(s) = layout.backend_repr else {
                unreachable!("scalar constant of non-scalar type {:?}", layout.ty)
            };
            let ty = fx.scalar_type(s);
            CValue::by_val(scalar_to_value(fx, scalar, ty), layout)
        }
        ConstValue::Slice { alloc_id, meta } => {
            let data = fx.cx.get_alloc(alloc_id);
            let ptr = fx.data_addr(data);
            let len = fx.usize_const(meta);
            CValue::by_val_pair(ptr, len, layout)
        }
        ConstValue::Indirect { alloc_id, offset } => {
            let data = fx.cx.get_alloc(alloc_id);
            let base = fx.data_addr(data);
            let ptr = Pointer::new(base).offset(fx, offset.bytes() as i64);
            CValue::by_ref(ptr, layout)
        }
    }
}

fn scalar_to_value(
    fx: &mut FunctionCx<'_, '_, '_>,
    scalar: Scalar,
    ty: cranelift_codegen::ir::Type,
) -> Value {
    match scalar {
        Scalar::Int(int) => {
            let bits = int.to_bits(int.size());
            match ty {
                types::F32 => fx.bcx.ins().f32const(f32::from_bits(bits as u32)),
                types::F64 => fx.bcx.ins().f64const(f64::from_bits(bits as u64)),
                types::F16 | types::F128 => crate::lower::wide_float::constant(fx, ty, bits),
                _ => fx.iconst(ty, bits as i128),
            }
        }
        Scalar::Ptr(ptr, _) => {
            let (prov, offset) = ptr.prov_and_relative_offset();
            let alloc_id = prov.alloc_id();
            let base = match fx.tcx.global_alloc(alloc_id) {
                GlobalAlloc::Function { instance } => fx.fn_addr(instance),
                GlobalAlloc::Static(def_id) => {
                    let id = fx.cx.get_static(def_id);
                    fx.data_addr(id)
                }
                GlobalAlloc::Memory(alloc) if alloc.inner().len() == 0 => {
                    // Zero-sized allocations need no storage, only an aligned address.
                    let addr = alloc.inner().align.bytes().wrapping_add(offset.bytes());
                    return fx.bcx.ins().iconst(ty, addr as i64);
                }
                GlobalAlloc::Memory(_) | GlobalAlloc::VTable(..) => {
                    let id = fx.cx.get_alloc(alloc_id);
                    fx.data_addr(id)
                }
                GlobalAlloc::TypeId { .. } => {
                    // The offset carries the hash bytes; there is no storage.
                    return fx.bcx.ins().iconst(ty, offset.bytes() as i64);
                }
            };
            if offset.bytes() == 0 {
                base
            } else {
                fx.bcx.ins().iadd_imm_s(base, offset.bytes() as i64)
            }
        }
    }
}

impl<'tcx> FunctionCx<'_, '_, 'tcx> {
    /// A `&'static str` with the given contents (its own data object).
    pub fn str_const(&mut self, text: &str) -> CValue<'tcx> {
        let data = self.cx.define_anon_bytes("str", text.as_bytes());
        let ptr = self.data_addr(data);
        let len = self.usize_const(text.len() as u64);
        let layout = self.layout_of(Ty::new_static_str(self.tcx));
        CValue::by_val_pair(ptr, len, layout)
    }
}

/// The bytes of a constant operand held in memory (e.g. the index array of
/// `simd_shuffle`), or `None` if it is not an in-memory constant.
pub fn const_operand_bytes<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    c: &mir::ConstOperand<'tcx>,
) -> Option<Vec<u8>> {
    let value = fx
        .monomorphize(c.const_)
        .eval(fx.tcx, TypingEnv::fully_monomorphized(), c.span)
        .ok()?;
    let layout = fx.layout_of(fx.monomorphize(c.ty()));
    let ConstValue::Indirect { alloc_id, offset } = value else {
        return None;
    };
    let alloc = fx.tcx.global_alloc(alloc_id).unwrap_memory();
    let start = offset.bytes() as usize;
    let end = start + layout.size.bytes() as usize;
    Some(
        alloc
            .inner()
            .inspect_with_uninit_and_ptr_outside_interpreter(start..end)
            .to_vec(),
    )
}

/// What makes two constant allocations interchangeable: their bytes, where
/// they point to, and their alignment.
pub type MergeKey = (Vec<u8>, Vec<(u64, AllocId)>, u64);

/// The merge key of an immutable memory allocation (`None` for anything
/// else: mutable memory, vtables, functions, statics).
pub fn merge_key(tcx: TyCtxt<'_>, alloc_id: AllocId) -> Option<MergeKey> {
    let GlobalAlloc::Memory(alloc) = tcx.global_alloc(alloc_id) else {
        return None;
    };
    let alloc = alloc.inner();
    if alloc.mutability.is_mut() {
        return None;
    }
    let bytes = alloc
        .inspect_with_uninit_and_ptr_outside_interpreter(0..alloc.len())
        .to_vec();
    let pointers = alloc
        .provenance()
        .ptrs()
        .iter()
        .map(|&(offset, prov)| (offset.bytes(), prov.alloc_id()))
        .collect();
    Some((bytes, pointers, alloc.align.bytes()))
}

/// Whether a static lives in writable memory (`static mut` or interior mutability).
pub fn static_is_writable(tcx: TyCtxt<'_>, def_id: DefId) -> bool {
    if tcx.is_mutable_static(def_id) {
        return true;
    }
    // A nested static (an allocation that a static's initializer created and
    // const evaluation interned as `S::{nested#N}`) has no HIR type: its
    // `DefKind` carries the allocation's mutability, read just above.
    if matches!(tcx.def_kind(def_id), DefKind::Static { nested: true, .. }) {
        return false;
    }
    let ty = tcx.type_of(def_id).instantiate_identity();
    !ty.is_freeze(tcx, TypingEnv::fully_monomorphized())
}

pub fn alloc_is_writable(tcx: TyCtxt<'_>, alloc_id: AllocId) -> bool {
    match tcx.global_alloc(alloc_id) {
        GlobalAlloc::Memory(alloc) => alloc.inner().mutability.is_mut(),
        _ => false,
    }
}

/// Defines a static item of this codegen unit from its evaluated initializer.
pub fn define_static(cx: &mut CodegenCx<'_>, def_id: DefId) {
    let tcx = cx.tcx;
    let data_id = cx.get_static(def_id);
    let alloc = match tcx.eval_static_initializer(def_id) {
        Ok(alloc) => alloc,
        Err(_) => tcx
            .dcx()
            .span_fatal(tcx.def_span(def_id), "erroneous static initializer"),
    };
    let section = tcx.codegen_fn_attrs(def_id).link_section;
    define_data(cx, data_id, alloc.inner(), section.map(|s| s.to_string()));
}

/// Defines every allocation that was referenced but not yet emitted
/// (allocations can refer to further allocations).
pub fn define_pending(cx: &mut CodegenCx<'_>) {
    while let Some((alloc_id, data_id)) = cx.pending_allocs.pop() {
        let alloc = match cx.tcx.global_alloc(alloc_id) {
            GlobalAlloc::Memory(alloc) => alloc,
            GlobalAlloc::VTable(ty, dyn_ty) => {
                let principal = dyn_ty
                    .principal()
                    .map(|p| cx.tcx.instantiate_bound_regions_with_erased(p));
                cx.tcx
                    .global_alloc(cx.tcx.vtable_allocation((ty, principal)))
                    .unwrap_memory()
            }
            other => unreachable!("allocation {alloc_id:?} is not memory: {other:?}"),
        };
        define_data(cx, data_id, alloc.inner(), None);
    }
}

fn define_data(
    cx: &mut CodegenCx<'_>,
    data_id: DataId,
    alloc: &rustc_middle::mir::interpret::Allocation,
    section: Option<String>,
) {
    let tcx = cx.tcx;
    let mut bytes = alloc
        .inspect_with_uninit_and_ptr_outside_interpreter(0..alloc.len())
        .to_vec();
    let ptr_size = tcx.data_layout.pointer_size().bytes() as usize;
    let mut desc = DataDescription::new();
    desc.set_align(alloc.align.bytes());
    if let Some(section) = section {
        // `#[link_section = "name"]`; such data is also kept by the linker.
        desc.set_custom_section(&section);
        desc.set_used(true);
    }
    let mut relocs = Vec::new();
    for &(offset, prov) in alloc.provenance().ptrs().iter() {
        let offset = offset.bytes() as usize;
        if let GlobalAlloc::TypeId { .. } = tcx.global_alloc(prov.alloc_id()) {
            // Not a real pointer: the stored offset is a fragment of the type's hash.
            continue;
        }
        let raw = &mut bytes[offset..offset + ptr_size];
        let addend = read_target_uint(raw, tcx.data_layout.endian) as i64;
        // The relocation carries the addend; the bytes stay zero.
        raw.fill(0);
        relocs.push((offset, prov.alloc_id(), addend));
    }
    desc.define(bytes.into_boxed_slice());
    for (offset, alloc_id, addend) in relocs {
        match tcx.global_alloc(alloc_id) {
            GlobalAlloc::Function { instance } => {
                let id = cx.get_fn(instance);
                let f = cx.module.declare_func_in_data(id, &mut desc);
                desc.write_function_addr(offset as u32, f);
                if addend != 0 {
                    tcx.dcx()
                        .fatal("clif backend: function pointer with an offset in constant data");
                }
            }
            GlobalAlloc::Static(def_id) => {
                let id = cx.get_static(def_id);
                let gv = cx.module.declare_data_in_data(id, &mut desc);
                desc.write_data_addr(offset as u32, gv, addend);
            }
            GlobalAlloc::Memory(_) | GlobalAlloc::VTable(..) => {
                let id = cx.get_alloc(alloc_id);
                let gv = cx.module.declare_data_in_data(id, &mut desc);
                desc.write_data_addr(offset as u32, gv, addend);
            }
            GlobalAlloc::TypeId { .. } => unreachable!("TypeId fragments carry no relocation"),
        }
    }
    if let Err(e) = cx.module.define_data(data_id, &desc) {
        tcx.dcx()
            .fatal(format!("clif backend: cannot define data: {e}"));
    }
}

/// An unsigned integer of `bytes.len()` (at most 8) bytes in the target's order.
pub fn read_target_uint(bytes: &[u8], endian: Endian) -> u64 {
    let mut buf = [0u8; 8];
    match endian {
        Endian::Little => {
            buf[..bytes.len()].copy_from_slice(bytes);
            u64::from_le_bytes(buf)
        }
        Endian::Big => {
            buf[8 - bytes.len()..].copy_from_slice(bytes);
            u64::from_be_bytes(buf)
        }
    }
}
