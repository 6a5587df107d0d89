//! Lowering of one MIR body to one Cranelift function.
//!
//! `codegen_fn` is the single entry point: it sets up the locals (SSA
//! variables or stack slots, as `analyze` decides), binds the ABI
//! parameters, lowers every basic block, and hands the function to the
//! module. Statements live here; rvalues, terminators, numbers, casts,
//! discriminants and intrinsics have their own modules.

mod analyze;
mod call;
mod cast;
mod discr;
mod dst;
mod intrinsics;
mod landing;
mod num;
pub mod place;
mod rvalue;
mod terminator;
mod trap;
pub(super) mod va_list;
pub mod value;
pub mod wide_float;

use cranelift_codegen::ir::{
    self, Block, FuncRef, GlobalValue, InstBuilder, MemFlagsData, Type, UserFuncName, Value, types,
};
use cranelift_frontend::FunctionBuilder;
use cranelift_module::{DataId, FuncId, FuncOrDataId, Module};
use rustc_abi::{BackendRepr, Float, Integer, Primitive, Scalar, Size};
use rustc_data_structures::fx::FxHashMap;
use rustc_index::IndexVec;
use rustc_middle::mir::{self, BasicBlock, Body, Local, Place, PlaceElem, StatementKind};
use rustc_middle::ty::layout::{LayoutOf, TyAndLayout};
use rustc_middle::ty::{self, Instance, Ty, TyCtxt, TypeFoldable, TypingEnv};
use rustc_span::Span;
use rustc_target::callconv::FnAbi;

use crate::cx::CodegenCx;
use crate::target::VaListFormat;
use crate::unsupported::unsupported;
use place::CPlace;
use value::{CValue, Pointer};

pub struct FunctionCx<'m, 'f, 'tcx> {
    pub cx: &'m mut CodegenCx<'tcx>,
    pub tcx: TyCtxt<'tcx>,
    pub bcx: FunctionBuilder<'f>,
    pub instance: Instance<'tcx>,
    pub mir: &'tcx Body<'tcx>,
    pub fn_abi: &'tcx FnAbi<'tcx, Ty<'tcx>>,
    pub pointer_ty: Type,
    block_map: IndexVec<BasicBlock, Block>,
    locals: IndexVec<Local, CPlace<'tcx>>,
    /// The implicit `Location` argument of a `#[track_caller]` function.
    caller_location: Option<CValue<'tcx>>,
    func_refs: FxHashMap<FuncId, FuncRef>,
    data_refs: FxHashMap<DataId, GlobalValue>,
    /// The span of the statement or terminator being lowered, for diagnostics.
    pub span: Span,
    landing: landing::LandingPads,
}

/// Lowers `instance`'s MIR and defines it as function `func_id` in the module.
pub fn codegen_fn<'tcx>(cx: &mut CodegenCx<'tcx>, instance: Instance<'tcx>, func_id: FuncId) {
    let tcx = cx.tcx;
    let mir = tcx.instance_mir(instance.def);
    let fn_abi = cx.fn_abi_of_instance(instance);
    let sig = crate::abi::definition_signature(cx, fn_abi);
    let mut func = ir::Function::with_name_signature(UserFuncName::user(0, func_id.as_u32()), sig);
    let mut func_ctx = std::mem::take(&mut cx.func_ctx);
    let mut bcx = FunctionBuilder::new(&mut func, &mut func_ctx);
    let block_map = mir
        .basic_blocks
        .indices()
        .map(|_| bcx.create_block())
        .collect();
    let pointer_ty = cx.pointer_ty;
    let mut fx = FunctionCx {
        cx,
        tcx,
        bcx,
        instance,
        mir,
        fn_abi,
        pointer_ty,
        block_map,
        locals: IndexVec::new(),
        caller_location: None,
        func_refs: FxHashMap::default(),
        data_refs: FxHashMap::default(),
        span: mir.span,
        landing: landing::LandingPads::default(),
    };

    let entry = fx.bcx.create_block();
    fx.bcx.append_block_params_for_function_params(entry);
    fx.bcx.switch_to_block(entry);
    let ssa = analyze::ssa_locals(&fx);
    call::bind_params(&mut fx, entry, &ssa);
    let start = fx.block_map[mir::START_BLOCK];
    fx.bcx.ins().jump(start, &[]);

    // Blocks behind branches on monomorphization-time constants (e.g. `if
    // ub_checks()`) may call items rustc never collected; like rustc's
    // collector we skip them, leaving a trap in case a branch names them.
    let mut reachable = rustc_index::bit_set::DenseBitSet::new_empty(mir.basic_blocks.len());
    for bb in mir::traversal::mono_reachable_reverse_postorder(mir, tcx, instance) {
        reachable.insert(bb);
    }
    for (bb, data) in mir.basic_blocks.iter_enumerated() {
        // Without landing pads nothing reaches cleanup blocks.
        if data.is_cleanup && !fx.cx.landing_pads {
            continue;
        }
        fx.bcx.switch_to_block(fx.block_map[bb]);
        if !reachable.contains(bb) {
            fx.trap(ir::TrapCode::unwrap_user(2));
            continue;
        }
        for stmt in &data.statements {
            fx.span = stmt.source_info.span;
            fx.codegen_statement(stmt);
        }
        terminator::codegen_terminator(&mut fx, data.terminator());
    }
    landing::fill_pads(&mut fx);
    fx.bcx.seal_all_blocks();
    let config = fx.cx.module.target_config();
    fx.bcx.finalize(config);
    let cx = fx.cx;
    cx.func_ctx = func_ctx;
    if cx.target.near_calls {
        // The memcpy/memset/memcmp calls `FunctionBuilder` imports itself.
        for ext in func.dfg.ext_funcs.values_mut() {
            if matches!(ext.name, ir::ExternalName::LibCall(_)) {
                ext.colocated = true;
            }
        }
    }

    let symbol = cx.symbol_name(instance).to_string();
    let id = match fn_abi.c_variadic && cx.target.va_list == VaListFormat::Riscv64 {
        true => variadic_body(cx, func_id, &mut func, &symbol),
        false => func_id,
    };
    cx.lowered
        .push(crate::compile::LoweredFn { id, func, symbol });
}

/// Makes `func` the local body of the riscv64 C-variadic definition
/// `func_id`, whose symbol becomes its entry stub (`va_entry`).
fn variadic_body(
    cx: &mut CodegenCx<'_>,
    func_id: FuncId,
    func: &mut ir::Function,
    symbol: &str,
) -> FuncId {
    // Named after the function, for backtraces (`f.va_body`, then `f`).
    let name = format!("{symbol}.va_body");
    let body = cx.declare_fn_raw(&name, cranelift_module::Linkage::Local, &func.signature);
    func.name = UserFuncName::user(0, body.as_u32());
    // `bind_params` refused what the stub cannot enter.
    let fixed_stack = crate::abi::va_start(cx.target.va_list, &func.signature.params)
        .map_or(0, |start| start.stack);
    let stub = crate::va_entry::stub(body, fixed_stack);
    if let Err(e) = cx
        .module
        .define_stub(func_id, &stub.code, &stub.relocs, stub.frame)
    {
        cx.tcx.dcx().fatal(format!(
            "clif backend: cannot define the entry of `{symbol}`: {e}"
        ));
    }
    body
}

impl<'tcx> rustc_abi::HasDataLayout for FunctionCx<'_, '_, 'tcx> {
    fn data_layout(&self) -> &rustc_abi::TargetDataLayout {
        &self.tcx.data_layout
    }
}

impl<'m, 'f, 'tcx> FunctionCx<'m, 'f, 'tcx> {
    pub fn monomorphize<T: TypeFoldable<TyCtxt<'tcx>> + Copy>(&self, value: T) -> T {
        self.instance.instantiate_mir_and_normalize_erasing_regions(
            self.tcx,
            TypingEnv::fully_monomorphized(),
            ty::EarlyBinder::bind(value),
        )
    }

    pub fn layout_of(&self, ty: Ty<'tcx>) -> TyAndLayout<'tcx> {
        self.cx.lcx.layout_of(ty)
    }

    pub fn field_layout(&self, layout: TyAndLayout<'tcx>, idx: usize) -> TyAndLayout<'tcx> {
        layout.field(&self.cx.lcx, idx)
    }

    pub fn scalar_type(&self, scalar: Scalar) -> Type {
        scalar_type(self.pointer_ty, scalar)
    }

    /// The Cranelift type of a `Scalar`-repr layout.
    pub fn clif_type(&self, layout: TyAndLayout<'tcx>) -> Option<Type> {
        match layout.backend_repr {
            BackendRepr::Scalar(s) => Some(self.scalar_type(s)),
            _ => None,
        }
    }

    pub fn func_ref(&mut self, id: FuncId) -> FuncRef {
        if let Some(&r) = self.func_refs.get(&id) {
            return r;
        }
        let r = self.cx.callee_ref(&mut self.bcx, id);
        self.func_refs.insert(id, r);
        r
    }

    /// The address of a data object.
    pub fn data_addr(&mut self, id: DataId) -> Value {
        if let Some(slot) = self.cx.import_slot(FuncOrDataId::Data(id)) {
            let addr = self.data_addr(slot);
            return crate::cx::load_import_slot(&mut self.bcx, self.pointer_ty, addr);
        }
        let gv = match self.data_refs.get(&id) {
            Some(&gv) => gv,
            None => {
                let gv = self.cx.module.declare_data_in_func(id, self.bcx.func);
                self.data_refs.insert(id, gv);
                gv
            }
        };
        self.bcx.ins().symbol_value(self.pointer_ty, gv)
    }

    /// The address of a function, as a value of pointer type.
    pub fn func_addr(&mut self, id: FuncId) -> Value {
        self.cx.symbol_addr(&mut self.bcx, FuncOrDataId::Func(id))
    }

    /// The address of a thread-local data object in the current thread.
    pub fn tls_addr(&mut self, id: DataId) -> Value {
        let gv = match self.data_refs.get(&id) {
            Some(&gv) => gv,
            None => {
                let gv = self.cx.module.declare_data_in_func(id, self.bcx.func);
                self.data_refs.insert(id, gv);
                gv
            }
        };
        self.bcx.ins().tls_value(self.pointer_ty, gv)
    }

    pub fn iconst(&mut self, ty: Type, value: i128) -> Value {
        if ty == types::I128 {
            let lo = self.bcx.ins().iconst(types::I64, value as i64);
            let hi = self.bcx.ins().iconst(types::I64, (value >> 64) as i64);
            self.bcx.ins().iconcat(lo, hi)
        } else {
            // Cranelift wants narrow immediates zero-extended.
            let bits = ty.bits();
            let masked = if bits >= 64 {
                value as i64
            } else {
                (value as i64) & ((1i64 << bits) - 1)
            };
            self.bcx.ins().iconst(ty, masked)
        }
    }

    pub fn usize_const(&mut self, value: u64) -> Value {
        self.bcx.ins().iconst(self.pointer_ty, value as i64)
    }

    pub fn memcpy(&mut self, dst: Pointer, src: Pointer, size: u64, align: u64) {
        let config = self.cx.module.target_config();
        let (dst, src) = (dst.addr(self), src.addr(self));
        let align = align.min(128) as u8;
        self.bcx.emit_small_memory_copy(
            config,
            dst,
            src,
            size,
            align,
            align,
            true,
            MemFlagsData::new(),
        );
    }

    pub fn block(&self, bb: BasicBlock) -> Block {
        self.block_map[bb]
    }

    pub fn local_place(&self, local: Local) -> CPlace<'tcx> {
        self.locals[local]
    }

    pub fn codegen_place(&mut self, place: Place<'tcx>) -> CPlace<'tcx> {
        let mut cplace = self.locals[place.local];
        for elem in place.projection {
            cplace = self.project(cplace, elem);
        }
        cplace
    }

    fn project(&mut self, base: CPlace<'tcx>, elem: PlaceElem<'tcx>) -> CPlace<'tcx> {
        match elem {
            PlaceElem::Deref => base.deref(self),
            PlaceElem::Field(field, _) => base.field(self, field.as_usize()),
            PlaceElem::Index(local) => {
                let index = self.locals[local].to_cvalue(self).load_scalar(self);
                base.index(self, index)
            }
            PlaceElem::ConstantIndex {
                offset,
                min_length: _,
                from_end,
            } => {
                if !from_end {
                    return base.index_const(self, offset);
                }
                let len = self.place_len(base);
                let index = self.bcx.ins().iadd_imm_s(len, -(offset as i64));
                base.index(self, index)
            }
            PlaceElem::Subslice { from, to, from_end } => {
                let (elem, stride) = base.elem_layout(self);
                let (ptr, meta) = base.to_ptr_maybe_unsized();
                let ptr = ptr.offset(self, (from * stride.bytes()) as i64);
                let ty = self.monomorphize(base.layout.ty);
                let sub_ty = match ty.kind() {
                    ty::Array(..) if !from_end => Ty::new_array(self.tcx, elem.ty, to - from),
                    ty::Slice(..) if from_end => ty,
                    _ => unreachable!("subslice of {ty:?} (from_end: {from_end})"),
                };
                let layout = self.layout_of(sub_ty);
                let meta = meta.map(|len| self.bcx.ins().iadd_imm_s(len, -((from + to) as i64)));
                CPlace::for_ptr_with_meta(ptr, meta, layout)
            }
            PlaceElem::Downcast(_, variant) => base.downcast_variant(self, variant),
            PlaceElem::OpaqueCast(ty) | PlaceElem::UnwrapUnsafeBinder(ty) => {
                base.with_layout(self.layout_of(self.monomorphize(ty)))
            }
        }
    }

    /// The element count of an array or slice place.
    pub fn place_len(&mut self, place: CPlace<'tcx>) -> Value {
        match place.layout.ty.kind() {
            ty::Array(_, len) => {
                let len = self
                    .monomorphize(*len)
                    .try_to_target_usize(self.tcx)
                    .expect("array length");
                self.usize_const(len)
            }
            ty::Slice(_) | ty::Str => place
                .to_ptr_maybe_unsized()
                .1
                .expect("slice place without length"),
            _ => unreachable!("len of {:?}", place.layout.ty),
        }
    }

    fn codegen_statement(&mut self, stmt: &mir::Statement<'tcx>) {
        match &stmt.kind {
            StatementKind::Assign(box (place, rvalue)) => {
                let dest = self.codegen_place(*place);
                rvalue::codegen_rvalue(self, dest, rvalue);
            }
            StatementKind::SetDiscriminant {
                place,
                variant_index,
            } => {
                let place = self.codegen_place(**place);
                discr::set_discriminant(self, place, *variant_index);
            }
            StatementKind::Intrinsic(box mir::NonDivergingIntrinsic::CopyNonOverlapping(copy)) => {
                let src = self.codegen_operand(&copy.src).load_scalar(self);
                let dst = self.codegen_operand(&copy.dst).load_scalar(self);
                let count = self.codegen_operand(&copy.count).load_scalar(self);
                let pointee = self
                    .monomorphize(copy.src.ty(self.mir, self.tcx))
                    .builtin_deref(true)
                    .unwrap();
                let elem_size = self.layout_of(pointee).size.bytes();
                let bytes = self.bcx.ins().imul_imm_s(count, elem_size as i64);
                let config = self.cx.module.target_config();
                self.bcx.call_memcpy(config, dst, src, bytes);
            }
            StatementKind::Intrinsic(box mir::NonDivergingIntrinsic::Assume(_))
            | StatementKind::StorageLive(_)
            | StatementKind::StorageDead(_)
            | StatementKind::FakeRead(..)
            | StatementKind::Retag(..)
            | StatementKind::PlaceMention(..)
            | StatementKind::AscribeUserType(..)
            | StatementKind::Coverage(..)
            | StatementKind::ConstEvalCounter
            | StatementKind::Nop
            | StatementKind::BackwardIncompatibleDropHint { .. } => {}
        }
    }

    pub fn codegen_operand(&mut self, operand: &mir::Operand<'tcx>) -> CValue<'tcx> {
        match operand {
            mir::Operand::Copy(place) | mir::Operand::Move(place) => {
                self.codegen_place(*place).to_cvalue(self)
            }
            mir::Operand::Constant(c) => crate::consts::codegen_const_operand(self, c),
            mir::Operand::RuntimeChecks(checks) => {
                let on = checks.value(self.tcx.sess);
                let v = self.bcx.ins().iconst(types::I8, on as i64);
                CValue::by_val(v, self.layout_of(self.tcx.types.bool))
            }
        }
    }

    pub fn unsupported(&self, what: impl std::fmt::Display) -> ! {
        unsupported(self.tcx, self.span, what)
    }

    /// Emits a trap for code rustc proved unreachable or that must abort.
    pub fn trap(&mut self, code: ir::TrapCode) {
        self.bcx.ins().trap(code);
    }

    /// Traps in the middle of a block: what the caller emits next goes to a
    /// fresh (unreachable) block.
    pub fn trap_and_continue(&mut self, code: ir::TrapCode) {
        self.trap(code);
        let dead = self.bcx.create_block();
        self.bcx.switch_to_block(dead);
    }
}

/// The Cranelift type of a rustc scalar.
pub fn scalar_type(pointer_ty: Type, scalar: Scalar) -> Type {
    match scalar.primitive() {
        Primitive::Int(int, _) => match int {
            Integer::I8 => types::I8,
            Integer::I16 => types::I16,
            Integer::I32 => types::I32,
            Integer::I64 => types::I64,
            Integer::I128 => types::I128,
        },
        Primitive::Float(f) => match f {
            Float::F16 => types::F16,
            Float::F32 => types::F32,
            Float::F64 => types::F64,
            Float::F128 => types::F128,
        },
        Primitive::Pointer(_) => pointer_ty,
    }
}

/// Size in bytes of a Cranelift integer type as a rustc `Size`.
pub fn type_size(ty: Type) -> Size {
    Size::from_bytes(ty.bytes())
}
