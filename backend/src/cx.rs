//! Per-codegen-unit state: the Cranelift object module being filled, the
//! symbols declared in it (functions, statics, anonymous constant data) and
//! the layout/ABI queries every lowering step needs.
//!
//! It knows nothing about MIR bodies; `lower` borrows it for one function at
//! a time.

use cranelift_codegen::ir::{FuncRef, Function, InstBuilder, MemFlagsData, Signature, Type, Value};
use cranelift_codegen::isa::TargetIsa;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{DataId, FuncId, FuncOrDataId, Linkage, Module};
use rustc_abi::{HasDataLayout, TargetDataLayout};
use rustc_data_structures::fx::FxHashMap;
use rustc_middle::mir::interpret::AllocId;
use rustc_middle::ty::layout::{
    FnAbiError, FnAbiOfHelpers, FnAbiRequest, HasTyCtxt, HasTypingEnv, LayoutError, LayoutOfHelpers,
};
use rustc_middle::ty::{self, Instance, Ty, TyCtxt};
use rustc_span::Span;
use rustc_span::def_id::DefId;
use rustc_target::callconv::FnAbi;
use rustc_target::spec::{HasTargetSpec, Target};

use crate::abi;
use crate::target::TargetDesc;
use crate::unwind::ClifModule;

/// Layout and ABI queries for fully monomorphic code. Cheap to copy; every
/// stage that asks `layout_of` or `fn_abi_of_*` goes through it.
#[derive(Clone, Copy)]
pub struct LayoutCx<'tcx>(pub TyCtxt<'tcx>);

impl<'tcx> HasTyCtxt<'tcx> for LayoutCx<'tcx> {
    fn tcx(&self) -> TyCtxt<'tcx> {
        self.0
    }
}
impl<'tcx> HasTypingEnv<'tcx> for LayoutCx<'tcx> {
    fn typing_env(&self) -> ty::TypingEnv<'tcx> {
        ty::TypingEnv::fully_monomorphized()
    }
}
impl HasDataLayout for LayoutCx<'_> {
    fn data_layout(&self) -> &TargetDataLayout {
        &self.0.data_layout
    }
}
impl HasTargetSpec for LayoutCx<'_> {
    fn target_spec(&self) -> &Target {
        &self.0.sess.target
    }
}
impl<'tcx> LayoutOfHelpers<'tcx> for LayoutCx<'tcx> {
    fn handle_layout_err(&self, err: LayoutError<'tcx>, span: Span, ty: Ty<'tcx>) -> ! {
        self.0
            .dcx()
            .span_fatal(span, format!("cannot compute the layout of `{ty}`: {err}"))
    }
}
impl<'tcx> FnAbiOfHelpers<'tcx> for LayoutCx<'tcx> {
    fn handle_fn_abi_err(&self, err: FnAbiError<'tcx>, span: Span, req: FnAbiRequest<'tcx>) -> ! {
        self.0
            .dcx()
            .span_fatal(span, format!("cannot compute the ABI of {req:?}: {err:?}"))
    }
}

pub struct CodegenCx<'tcx> {
    pub tcx: TyCtxt<'tcx>,
    pub lcx: LayoutCx<'tcx>,
    pub module: ClifModule,
    pub pointer_ty: Type,
    /// See [`crate::isa::has_native_rounding`].
    pub native_rounding: bool,
    /// See [`TargetDesc::has_landing_pads`].
    pub landing_pads: bool,
    pub target: TargetDesc,
    /// Reused between functions to avoid reallocating the builder's tables.
    pub func_ctx: FunctionBuilderContext,
    functions: FxHashMap<Instance<'tcx>, FuncId>,
    statics: FxHashMap<DefId, DataId>,
    /// Anonymous data objects (constant allocations, vtables), one per AllocId.
    allocs: FxHashMap<AllocId, DataId>,
    /// Immutable allocations by contents (see `get_alloc`).
    allocs_by_content: FxHashMap<crate::consts::MergeKey, DataId>,
    /// Allocations declared but not yet defined; drained by `consts::define_pending`.
    pub pending_allocs: Vec<(AllocId, DataId)>,
    /// Variadic-call trampolines ([`crate::target::Variadics::AlRegister`]),
    /// one per callee.
    pub vararg_trampolines: FxHashMap<FuncId, FuncId>,
    anon_counter: u32,
    cgu_name: String,
    /// Assembly text of the unit (`global_asm!`, naked functions, `asm!`
    /// wrappers), assembled into its own object file at the end.
    pub asm_text: String,
    /// LLVM intrinsics implemented by the unit's assembly, by name.
    pub llvm_intrinsics: FxHashMap<String, FuncId>,
    /// The unit's 128-bit compare-and-swap function, once defined
    /// (`target::Cas128::Asm`).
    pub cas128_symbol: Option<String>,
    /// The pointers `symbol_addr` loads imported addresses from.
    import_slots: FxHashMap<FuncOrDataId, DataId>,
    /// Functions lowered to Cranelift IR, compiled later by `compile`.
    pub lowered: Vec<crate::compile::LoweredFn>,
}

impl<'tcx> CodegenCx<'tcx> {
    pub fn new(tcx: TyCtxt<'tcx>, module: ClifModule, cgu_name: &str) -> Self {
        let pointer_ty = module.isa().pointer_type();
        let native_rounding = crate::isa::has_native_rounding(module.isa());
        let target = TargetDesc::of(tcx.sess).unwrap_or_else(|msg| tcx.dcx().fatal(msg));
        let landing_pads = target.has_landing_pads(tcx.sess);
        CodegenCx {
            tcx,
            lcx: LayoutCx(tcx),
            module,
            pointer_ty,
            native_rounding,
            landing_pads,
            target,
            func_ctx: FunctionBuilderContext::new(),
            functions: FxHashMap::default(),
            statics: FxHashMap::default(),
            allocs: FxHashMap::default(),
            allocs_by_content: FxHashMap::default(),
            pending_allocs: Vec::new(),
            vararg_trampolines: FxHashMap::default(),
            anon_counter: 0,
            cgu_name: cgu_name.to_string(),
            asm_text: String::new(),
            llvm_intrinsics: FxHashMap::default(),
            cas128_symbol: None,
            import_slots: FxHashMap::default(),
            lowered: Vec::new(),
        }
    }

    /// The module, the lowered functions and the assembly text of the unit.
    pub fn into_parts(self) -> (ClifModule, Vec<crate::compile::LoweredFn>, String) {
        (self.module, self.lowered, self.asm_text)
    }

    pub fn isa(&self) -> &dyn TargetIsa {
        self.module.isa()
    }

    pub fn fn_abi_of_instance(&self, instance: Instance<'tcx>) -> &'tcx FnAbi<'tcx, Ty<'tcx>> {
        use rustc_middle::ty::layout::FnAbiOf;
        self.lcx.fn_abi_of_instance(instance, ty::List::empty())
    }

    pub fn symbol_name(&self, instance: Instance<'tcx>) -> &'tcx str {
        self.tcx.symbol_name(instance).name
    }

    /// Declares a function with the given linkage; later lookups reuse it.
    pub fn declare_fn(&mut self, instance: Instance<'tcx>, linkage: Linkage) -> FuncId {
        let fn_abi = self.fn_abi_of_instance(instance);
        let sig = if fn_abi.conv == rustc_abi::CanonAbi::Custom {
            // `extern "custom"` (naked functions only): Rust code never
            // calls it, so the symbol's signature is irrelevant.
            Signature::new(self.isa().default_call_conv())
        } else {
            // (Calls to C-variadic functions name their own signature.)
            abi::definition_signature(self, fn_abi)
        };
        let name = self.symbol_name(instance);
        let id = self.declare_fn_raw(name, linkage, &sig);
        self.functions.insert(instance, id);
        id
    }

    pub fn declare_fn_raw(&mut self, name: &str, linkage: Linkage, sig: &Signature) -> FuncId {
        match self.module.declare_function(name, linkage, sig) {
            Ok(id) => id,
            Err(e) => self
                .tcx
                .dcx()
                .fatal(format!("clif backend: cannot declare `{name}`: {e}")),
        }
    }

    /// The function for `instance`, imported if this unit does not define it.
    pub fn get_fn(&mut self, instance: Instance<'tcx>) -> FuncId {
        match self.functions.get(&instance) {
            Some(&id) => id,
            None => self.declare_fn(instance, Linkage::Import),
        }
    }

    /// The personality routine of landing pads: the `eh_personality` lang
    /// item (std's `rust_eh_personality`), or a reference to it by name in
    /// crates that do not see std (core, alloc).
    pub fn personality(&mut self) -> FuncId {
        let tcx = self.tcx;
        match tcx.lang_items().eh_personality() {
            Some(def_id) => self.get_fn(Instance::expect_resolve(
                tcx,
                ty::TypingEnv::fully_monomorphized(),
                def_id,
                ty::List::empty(),
                rustc_span::DUMMY_SP,
            )),
            None => {
                let sig = Signature::new(self.isa().default_call_conv());
                self.declare_fn_raw("rust_eh_personality", Linkage::Import, &sig)
            }
        }
    }

    pub fn declare_static(&mut self, def_id: DefId, linkage: Linkage) -> DataId {
        let instance = Instance::mono(self.tcx, def_id);
        let name = self.symbol_name(instance);
        if self.tcx.is_foreign_item(def_id)
            && let Some(import_linkage) = self.tcx.codegen_fn_attrs(def_id).import_linkage
        {
            let id = self.declare_static_with_linkage(name, import_linkage);
            self.statics.insert(def_id, id);
            return id;
        }
        let writable = crate::consts::static_is_writable(self.tcx, def_id);
        let tls = self.tcx.is_thread_local_static(def_id);
        let id = match self.module.declare_data(name, linkage, writable, tls) {
            Ok(id) => id,
            Err(e) => self
                .tcx
                .dcx()
                .fatal(format!("clif backend: cannot declare `{name}`: {e}")),
        };
        self.statics.insert(def_id, id);
        id
    }

    /// An extern static with `#[linkage]` (e.g. `extern_weak`): its value is
    /// the address of the symbol `name` (null when a weak symbol is absent),
    /// so the Rust static becomes a local pointer-sized object holding that
    /// address, as rustc's other backends do.
    fn declare_static_with_linkage(
        &mut self,
        name: &str,
        import_linkage: rustc_hir::attrs::Linkage,
    ) -> DataId {
        use rustc_hir::attrs::Linkage as RLinkage;
        let fatal = |tcx: TyCtxt<'_>, e: cranelift_module::ModuleError| -> ! {
            tcx.dcx()
                .fatal(format!("clif backend: cannot declare `{name}`: {e}"))
        };
        let target_linkage = match import_linkage {
            RLinkage::ExternalWeak | RLinkage::WeakAny | RLinkage::WeakODR => Linkage::Preemptible,
            _ => Linkage::Import,
        };
        let target = self
            .module
            .declare_data(name, target_linkage, false, false)
            .unwrap_or_else(|e| fatal(self.tcx, e));
        let holder_name = format!(
            "_rust_extern_with_linkage_{:016x}_{name}",
            self.tcx.stable_crate_id(rustc_span::def_id::LOCAL_CRATE)
        );
        self.define_pointer_to(&holder_name, FuncOrDataId::Data(target))
            .unwrap_or_else(|e| fatal(self.tcx, e))
    }

    /// Defines `name`, a local read-only pointer-sized object holding the
    /// address of `target`.
    fn define_pointer_to(
        &mut self,
        name: &str,
        target: FuncOrDataId,
    ) -> Result<DataId, cranelift_module::ModuleError> {
        let holder = self
            .module
            .declare_data(name, Linkage::Local, false, false)?;
        let size = self.pointer_ty.bytes();
        let mut desc = cranelift_module::DataDescription::new();
        // Not `define_zeroinit`: zero-initialised objects go to .bss,
        // without their relocations.
        desc.define(vec![0; size as usize].into_boxed_slice());
        desc.set_align(size.into());
        match target {
            FuncOrDataId::Func(f) => {
                let f = self.module.declare_func_in_data(f, &mut desc);
                desc.write_function_addr(0, f);
            }
            FuncOrDataId::Data(d) => {
                let gv = self.module.declare_data_in_data(d, &mut desc);
                desc.write_data_addr(0, gv, 0);
            }
        }
        self.module.define_data(holder, &desc)?;
        Ok(holder)
    }

    /// The data object of a static, imported if this unit does not define it.
    pub fn get_static(&mut self, def_id: DefId) -> DataId {
        match self.statics.get(&def_id) {
            Some(&id) => id,
            None => self.declare_static(def_id, Linkage::Import),
        }
    }

    /// The data object holding a constant allocation; defined once per unit.
    /// Immutable allocations with the same contents share one object, as
    /// LLVM merges identical constants (code comparing the addresses of a
    /// `const`'s uses, such as `Waker::will_wake`, relies on it).
    pub fn get_alloc(&mut self, alloc_id: AllocId) -> DataId {
        if let Some(&id) = self.allocs.get(&alloc_id) {
            return id;
        }
        let key = crate::consts::merge_key(self.tcx, alloc_id);
        if let Some(&id) = key.as_ref().and_then(|key| self.allocs_by_content.get(key)) {
            self.allocs.insert(alloc_id, id);
            return id;
        }
        let name = self.anon_name("alloc");
        // Immutable allocations (constants, vtables) go to read-only data.
        let writable = crate::consts::alloc_is_writable(self.tcx, alloc_id);
        let id = match self
            .module
            .declare_data(&name, Linkage::Local, writable, false)
        {
            Ok(id) => id,
            Err(e) => self.tcx.dcx().fatal(format!("clif backend: {e}")),
        };
        self.allocs.insert(alloc_id, id);
        if let Some(key) = key {
            self.allocs_by_content.insert(key, id);
        }
        self.pending_allocs.push((alloc_id, id));
        id
    }

    /// A new unit-local, read-only data object holding `bytes`.
    pub fn define_anon_bytes(&mut self, kind: &str, bytes: &[u8]) -> DataId {
        let name = self.anon_name(kind);
        let mut define = || {
            let id = self
                .module
                .declare_data(&name, Linkage::Local, false, false)?;
            let mut desc = cranelift_module::DataDescription::new();
            desc.define(bytes.to_vec().into_boxed_slice());
            self.module.define_data(id, &desc)?;
            Ok::<_, cranelift_module::ModuleError>(id)
        };
        define().unwrap_or_else(|e| self.tcx.dcx().fatal(format!("clif backend: {e}")))
    }

    /// A reference to function `id` for calling it from `bcx`'s function.
    pub fn callee_ref(&mut self, bcx: &mut FunctionBuilder<'_>, id: FuncId) -> FuncRef {
        callee_ref(&mut self.module, &self.target, id, bcx.func)
    }

    /// The address of function or data object `id`, as a value of `bcx`'s
    /// function (see [`Self::import_slot`]).
    pub fn symbol_addr(&mut self, bcx: &mut FunctionBuilder<'_>, id: FuncOrDataId) -> Value {
        let ptr = self.pointer_ty;
        if let Some(slot) = self.import_slot(id) {
            let gv = self.module.declare_data_in_func(slot, bcx.func);
            let addr = bcx.ins().symbol_value(ptr, gv);
            return load_import_slot(bcx, ptr, addr);
        }
        match id {
            FuncOrDataId::Func(f) => {
                let f = self.module.declare_func_in_func(f, bcx.func);
                bcx.ins().func_addr(ptr, f)
            }
            FuncOrDataId::Data(d) => {
                let gv = self.module.declare_data_in_func(d, bcx.func);
                bcx.ins().symbol_value(ptr, gv)
            }
        }
    }

    /// Where the target's code cannot hold the address of a symbol another
    /// module may define ([`TargetDesc::indirect_imports`]) and `id` is
    /// such a symbol: the unit's read-only pointer to it, defined on first
    /// use, which the dynamic linker relocates as it would a GOT entry.
    pub fn import_slot(&mut self, id: FuncOrDataId) -> Option<DataId> {
        if !self.target.indirect_imports {
            return None;
        }
        let linkage = match id {
            FuncOrDataId::Func(f) => self.module.declarations().get_function_decl(f).linkage,
            FuncOrDataId::Data(d) => self.module.declarations().get_data_decl(d).linkage,
        };
        if linkage.is_final() {
            return None;
        }
        if let Some(&slot) = self.import_slots.get(&id) {
            return Some(slot);
        }
        let name = self.anon_name("addr");
        let slot = self
            .define_pointer_to(&name, id)
            .unwrap_or_else(|e| self.tcx.dcx().fatal(format!("clif backend: {e}")));
        self.import_slots.insert(id, slot);
        Some(slot)
    }

    /// A unit-unique symbol name that assemblers accept unquoted.
    pub fn asm_symbol_name(&mut self, kind: &str) -> String {
        self.anon_name(kind)
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' || c == '.' {
                    c
                } else {
                    '_'
                }
            })
            .collect()
    }

    /// A unit-local symbol name (`__clif.<cgu>.<kind>.<n>`).
    pub fn anon_name(&mut self, kind: &str) -> String {
        self.anon_counter += 1;
        format!("__clif.{}.{kind}.{}", self.cgu_name, self.anon_counter)
    }
}

/// The address an import slot at `addr` holds.
pub fn load_import_slot(bcx: &mut FunctionBuilder<'_>, ptr: Type, addr: Value) -> Value {
    bcx.ins()
        .load(ptr, MemFlagsData::trusted().with_readonly(), addr, 0)
}

/// A reference to function `id` for calling it from `func`. Where calls
/// reach every function PC-relatively ([`TargetDesc::near_calls`]),
/// Cranelift is told the callee is near even if another module defines it.
pub fn callee_ref(
    module: &mut ClifModule,
    target: &TargetDesc,
    id: FuncId,
    func: &mut Function,
) -> FuncRef {
    let f = module.declare_func_in_func(id, func);
    if target.near_calls {
        func.dfg.ext_funcs[f].colocated = true;
    }
    f
}

/// Whether `instance` is a `#[unsafe(naked)]` function (its body is `naked_asm!`).
pub fn is_naked(tcx: TyCtxt<'_>, instance: Instance<'_>) -> bool {
    use rustc_middle::middle::codegen_fn_attrs::CodegenFnAttrFlags;
    tcx.codegen_instance_attrs(instance.def)
        .flags
        .contains(CodegenFnAttrFlags::NAKED)
}
