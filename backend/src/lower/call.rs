//! Values across calls: binding a function's ABI parameters to its MIR
//! locals, lowering `Call` terminators (direct, through a pointer, through a
//! vtable, `rust-call` untupling, `#[track_caller]` locations, C variadics)
//! and returning.

use cranelift_codegen::binemit::Reloc;
use cranelift_codegen::ir::{Block, InstBuilder, MemFlagsData, TrapCode, Type, Value};
use cranelift_module::{FuncId, Linkage, Module, ModuleReloc, ModuleRelocTarget};
use rustc_abi::{BackendRepr, ExternAbi, Size};
use rustc_index::bit_set::DenseBitSet;
use rustc_middle::mir::{self, Local, RETURN_PLACE, SourceInfo};
use rustc_middle::ty::layout::FnAbiOf;
use rustc_middle::ty::{self, Instance, InstanceKind, Ty, TypingEnv};
use rustc_span::Spanned;
use rustc_target::callconv::{ArgAbi, FnAbi, PassMode};

use super::place::CPlace;
use super::value::{CValue, Pointer};
use super::{FunctionCx, landing};
use crate::abi::{self, CastPart, Filler};
use crate::target::Variadics;

/// Creates the places of all locals and fills the arguments from the
/// function's parameters. Called in the entry block.
pub fn bind_params<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    entry: Block,
    ssa: &DenseBitSet<Local>,
) {
    let fn_abi = fx.fn_abi;
    let abi_params = abi::params(fx.cx, fn_abi);
    let block_params = fx.bcx.block_params(entry).to_vec();
    // A C-variadic definition's last parameters are the argument registers
    // for its `VaList` (`abi::definition_signature`).
    let (fixed, captured) = block_params.split_at(abi_params.sig.params.len());
    let va_start = fn_abi.c_variadic.then(|| {
        abi::va_start(fx.cx.target.va_list, &abi_params.sig.params).unwrap_or_else(|why| {
            crate::unsupported::unsupported(
                fx.tcx,
                fx.mir.span,
                format_args!("defining C-variadic functions (`...` parameters) {why}"),
            )
        })
    });
    let mut params = abi_params.to_natural_order(fixed).into_iter();

    let ret_layout = fx.layout_of(fx.monomorphize(fx.mir.local_decls[RETURN_PLACE].ty));
    let ret_place = match fn_abi.ret.mode {
        PassMode::Indirect { .. } => {
            CPlace::for_ptr(Pointer::new(params.next().unwrap()), ret_layout)
        }
        _ => new_local(fx, RETURN_PLACE, ssa),
    };
    fx.locals.push(ret_place);

    let mut abi_args = fn_abi.args.iter().zip(&abi_params.images);
    let mut next_arg = || abi_args.next();
    for local in fx.mir.args_iter() {
        if Some(local) == fx.mir.spread_arg {
            // `rust-call`: the last MIR argument is a tuple spread over several ABI arguments.
            let layout = fx.layout_of(fx.monomorphize(fx.mir.local_decls[local].ty));
            let place = CPlace::new_stack_slot(fx, layout);
            for i in 0..layout.fields.count() {
                let (arg, image) = next_arg().expect("spread argument");
                let value = from_abi(fx, arg, image.as_deref(), &mut params);
                place.field(fx, i).write_cvalue(fx, value);
            }
            fx.locals.push(place);
            continue;
        }
        if let Some(start) = va_start
            && local.as_usize() == fx.mir.arg_count
        {
            // The `...` of a C-variadic definition, its last argument.
            let layout = fx.layout_of(fx.monomorphize(fx.mir.local_decls[local].ty));
            let place = CPlace::new_stack_slot(fx, layout);
            super::va_list::start(fx, place.to_ptr(), start, captured);
            fx.locals.push(place);
            continue;
        }
        let (arg, image) = next_arg().expect("argument without ABI");
        let place = match arg.mode {
            // The caller passed a copy we own: use it in place.
            PassMode::Indirect {
                on_stack: false, ..
            } if !ssa.contains(local) => {
                let ptr = Pointer::new(params.next().unwrap());
                let meta = matches!(
                    arg.mode,
                    PassMode::Indirect {
                        meta_attrs: Some(_),
                        ..
                    }
                )
                .then(|| params.next().unwrap());
                CPlace::for_ptr_with_meta(ptr, meta, arg.layout)
            }
            _ => {
                let value = from_abi(fx, arg, image.as_deref(), &mut params);
                let place = new_local(fx, local, ssa);
                place.write_cvalue(fx, value);
                place
            }
        };
        fx.locals.push(place);
    }
    if fx.instance.def.requires_caller_location(fx.tcx) {
        let (arg, image) = next_arg().expect("caller location argument");
        fx.caller_location = Some(from_abi(fx, arg, image.as_deref(), &mut params));
    }
    for local in fx.mir.vars_and_temps_iter() {
        let place = new_local(fx, local, ssa);
        fx.locals.push(place);
    }
}

fn new_local<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    local: Local,
    ssa: &DenseBitSet<Local>,
) -> CPlace<'tcx> {
    let layout = fx.layout_of(fx.monomorphize(fx.mir.local_decls[local].ty));
    if !layout.is_sized() {
        fx.unsupported(format_args!("unsized locals (`{}`)", layout.ty));
    }
    if ssa.contains(local) {
        CPlace::new_var(fx, layout)
    } else {
        CPlace::new_stack_slot(fx, layout)
    }
}

/// Rebuilds a value from the Cranelift parameters of one ABI argument (the
/// pieces of its memory image, when `abi::params` gave it one).
fn from_abi<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    arg: &ArgAbi<'tcx, Ty<'tcx>>,
    image: Option<&[CastPart]>,
    params: &mut impl Iterator<Item = Value>,
) -> CValue<'tcx> {
    let mut next = || params.next().expect("too few parameters for the ABI");
    if let Some(image) = image {
        let values: Vec<Value> = image.iter().map(|_| next()).collect();
        return from_cast_parts(fx, arg, image, &values);
    }
    match (&arg.mode, arg.layout.backend_repr) {
        (PassMode::Ignore, _) => CValue::zst(fx, arg.layout),
        // Floats the signature passes as integers (`abi::FloatRegs`).
        (PassMode::Direct(_), BackendRepr::Scalar(s)) => {
            let ty = fx.scalar_type(s);
            let v = bitcast_to(fx, next(), ty);
            CValue::by_val(v, arg.layout)
        }
        (PassMode::Pair(..), BackendRepr::ScalarPair(a, b)) => {
            let (a_ty, b_ty) = (fx.scalar_type(a), fx.scalar_type(b));
            let a = bitcast_to(fx, next(), a_ty);
            let b = bitcast_to(fx, next(), b_ty);
            CValue::by_val_pair(a, b, arg.layout)
        }
        (PassMode::Direct(_) | PassMode::Pair(..), _) => {
            unreachable!("{:?} for {:?}", arg.mode, arg.layout.ty)
        }
        (PassMode::Cast { pad_i32, cast }, _) => {
            if *pad_i32 {
                next();
            }
            let parts = abi::cast_parts(cast);
            let values: Vec<Value> = parts.iter().map(|_| next()).collect();
            from_cast_parts(fx, arg, &parts, &values)
        }
        (
            PassMode::Indirect {
                meta_attrs: None, ..
            },
            _,
        ) => CValue::by_ref(Pointer::new(next()), arg.layout),
        (
            PassMode::Indirect {
                meta_attrs: Some(_),
                ..
            },
            _,
        ) => {
            let ptr = next();
            CValue::by_ref_unsized(Pointer::new(ptr), next(), arg.layout)
        }
    }
}

/// `value` as `ty` when they differ only in being a float or an integer of
/// one width (a float the signature passes as an integer).
fn bitcast_to(fx: &mut FunctionCx<'_, '_, '_>, value: Value, ty: Type) -> Value {
    let from = fx.bcx.func.dfg.value_type(value);
    if from == ty {
        return value;
    }
    debug_assert_eq!(from.bits(), ty.bits(), "{from} as {ty}");
    fx.bcx.ins().bitcast(ty, MemFlagsData::new(), value)
}

fn from_cast_parts<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    arg: &ArgAbi<'tcx, Ty<'tcx>>,
    parts: &[CastPart],
    values: &[Value],
) -> CValue<'tcx> {
    let slot = fx.stack_slot(
        cast_image_size(arg, parts),
        arg.layout.align.abi.bytes().max(8),
    );
    for (part, &v) in parts.iter().zip(values) {
        let v = match narrow_shift(fx, part) {
            Some(shift) => fx.bcx.ins().ishl_imm_s(v, shift),
            None => v,
        };
        slot.offset(fx, part.offset.bytes() as i64).store(fx, v);
    }
    CValue::by_ref(slot, arg.layout)
}

/// Loads one cast register from the value's memory image.
fn load_cast_part(fx: &mut FunctionCx<'_, '_, '_>, slot: Pointer, part: &CastPart) -> Value {
    let v = slot
        .offset(fx, part.offset.bytes() as i64)
        .load(fx, part.ty);
    match narrow_shift(fx, part) {
        Some(shift) => fx.bcx.ins().ushr_imm_s(v, shift),
        None => v,
    }
}

/// For an odd-sized integer part on a big-endian target: how far the
/// whole-register access of its bytes is off from the part's value (its
/// bytes come first in memory, and the value is in the low-order bits).
fn narrow_shift(fx: &FunctionCx<'_, '_, '_>, part: &CastPart) -> Option<i64> {
    let spare = u64::from(part.ty.bytes()) - part.bytes;
    (fx.cx.target.big_endian && part.ty.is_int() && spare > 0).then_some(spare as i64 * 8)
}

/// Bytes covered by the registers of a cast, or the value, whichever is larger.
fn cast_image_size(arg: &ArgAbi<'_, Ty<'_>>, parts: &[CastPart]) -> Size {
    let end = parts
        .iter()
        .map(|part| part.offset + super::type_size(part.ty))
        .max()
        .unwrap_or(Size::ZERO);
    end.max(arg.layout.size)
}

/// The pieces of a value's memory image (see `abi::Aapcs64`).
fn to_image<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    arg: &ArgAbi<'tcx, Ty<'tcx>>,
    value: CValue<'tcx>,
    image: &[CastPart],
) -> Vec<Value> {
    let slot = fx.stack_slot(
        cast_image_size(arg, image),
        arg.layout.align.abi.bytes().max(8),
    );
    CPlace::for_ptr(slot, arg.layout).write_cvalue(fx, value);
    image
        .iter()
        .map(|part| load_cast_part(fx, slot, part))
        .collect()
}

/// Splits a value into the Cranelift arguments of one ABI argument.
/// `owned` says the value's memory may be handed to the callee as is.
fn to_abi<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    arg: &ArgAbi<'tcx, Ty<'tcx>>,
    value: CValue<'tcx>,
    owned: bool,
) -> Vec<Value> {
    match &arg.mode {
        PassMode::Ignore => vec![],
        PassMode::Direct(_) => vec![value.load_scalar(fx)],
        PassMode::Pair(..) => {
            let (a, b) = value.load_scalar_pair(fx);
            vec![a, b]
        }
        PassMode::Cast { pad_i32, cast } => {
            let parts = abi::cast_parts(cast);
            // Copy into a slot large enough for whole-register reads.
            let slot = fx.stack_slot(
                cast_image_size(arg, &parts),
                arg.layout.align.abi.bytes().max(8),
            );
            CPlace::for_ptr(slot, arg.layout).write_cvalue(fx, value);
            let mut values = Vec::new();
            if *pad_i32 {
                values.push(fx.bcx.ins().iconst(cranelift_codegen::ir::types::I32, 0));
            }
            for part in &parts {
                values.push(load_cast_part(fx, slot, part));
            }
            values
        }
        PassMode::Indirect {
            meta_attrs: Some(_),
            ..
        } => {
            let (ptr, meta) = value.as_ref().expect("unsized argument in memory");
            vec![
                ptr.addr(fx),
                meta.expect("unsized argument without metadata"),
            ]
        }
        PassMode::Indirect { on_stack, .. } => {
            // A by-value argument on the stack is copied from a buffer of
            // `by_value_size` bytes, whole eightbytes: our stack slots have
            // them, other memory may end after the value.
            let whole_eightbytes = u64::from(abi::by_value_size(arg)) == value.layout.size.bytes();
            let ptr = match value.as_ref() {
                Some((ptr, _)) if owned && !on_stack => ptr,
                Some((ptr, _)) if *on_stack && whole_eightbytes => ptr,
                _ => {
                    let copy = CPlace::new_stack_slot(fx, value.layout);
                    copy.write_cvalue(fx, value);
                    copy.to_ptr()
                }
            };
            vec![ptr.addr(fx)]
        }
    }
}

/// The `Location` for a panic or `#[track_caller]` call at `source_info`.
pub fn caller_location<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    source_info: SourceInfo,
) -> CValue<'tcx> {
    let mir = fx.mir;
    match mir.caller_location_span(source_info, fx.caller_location.map(Ok), fx.tcx, Err) {
        Ok(location) => location,
        Err(span) => {
            let value = fx.tcx.span_as_caller_location(span);
            let layout = fx.layout_of(fx.tcx.caller_location_ty());
            crate::consts::const_value_to_cvalue(fx, value, layout)
        }
    }
}

enum Callee {
    Direct(FuncId),
    Indirect(Value),
}

/// The Cranelift arguments of a call: `leading` (a return-area pointer, if
/// any) and then each value split by its `ArgAbi`, with the fillers, order
/// and register classes of `abi::params`. `owned` says a value's memory may
/// be handed to the callee as is.
pub(super) fn signature_args<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    fn_abi: &FnAbi<'tcx, Ty<'tcx>>,
    mut leading: Vec<Value>,
    values: Vec<(CValue<'tcx>, bool)>,
) -> Vec<Value> {
    let params = abi::params(fx.cx, fn_abi);
    for ((arg, (value, owned)), image) in fn_abi.args.iter().zip(values).zip(&params.images) {
        leading.extend(match image {
            Some(image) => to_image(fx, arg, value, image),
            None => to_abi(fx, arg, value, owned),
        });
    }
    let mut call_args = params.to_signature_order(&leading, |filler, next| match filler {
        // The stack padding copies 8 bytes from any readable address:
        // those of the padded argument, which has at least 16.
        Filler::StackPadding => next.expect("a padded argument"),
        Filler::Unused(ty) if ty.is_int() => fx.bcx.ins().iconst(ty, 0),
        Filler::Unused(_) => fx.bcx.ins().f64const(0.0),
    });
    // Floats the signature passes as integers (`abi::FloatRegs`).
    for (value, param) in call_args.iter_mut().zip(&params.sig.params) {
        *value = bitcast_to(fx, *value, param.value_type);
    }
    call_args
}

/// Lowers a `Call` terminator.
pub fn codegen_call<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    source_info: SourceInfo,
    func: &mir::Operand<'tcx>,
    args: &[Spanned<mir::Operand<'tcx>>],
    destination: mir::Place<'tcx>,
    target: Option<mir::BasicBlock>,
    unwind: mir::UnwindAction,
) {
    let tcx = fx.tcx;
    let fn_ty = fx.monomorphize(func.ty(fx.mir, tcx));
    let instance = match *fn_ty.kind() {
        ty::FnDef(def_id, generic_args) => {
            let instance = Instance::expect_resolve(
                tcx,
                TypingEnv::fully_monomorphized(),
                def_id,
                generic_args,
                source_info.span,
            );
            match instance.def {
                InstanceKind::Intrinsic(_) => {
                    match super::intrinsics::codegen_intrinsic_call(
                        fx,
                        instance,
                        args,
                        destination,
                        target,
                        source_info,
                    ) {
                        Ok(()) => return,
                        Err(fallback) => Some(fallback),
                    }
                }
                InstanceKind::Item(def_id) if tcx.is_foreign_item(def_id) => {
                    let name = tcx.symbol_name(instance).name;
                    if name.starts_with("llvm.") {
                        return super::intrinsics::codegen_llvm_intrinsic(
                            fx,
                            name,
                            args,
                            destination,
                            target,
                        );
                    }
                    Some(instance)
                }
                InstanceKind::DropGlue(_, None) => {
                    // Dropping a type without drop glue does nothing.
                    jump_or_trap(fx, target);
                    return;
                }
                _ => Some(instance),
            }
        }
        ty::FnPtr(..) => None,
        _ => unreachable!("call of non-function type {fn_ty:?}"),
    };
    // Only the callee's ABI and arity are needed here, which neither
    // instantiating nor normalizing its signature changes: read them from
    // the declared signature (instantiating it is a good part of lowering).
    let sig = match *fn_ty.kind() {
        ty::FnDef(def_id, _) => tcx.fn_sig(def_id).skip_binder().skip_binder(),
        _ => fn_ty.fn_sig(tcx).skip_binder(),
    };
    // The arguments beyond the declared ones (C-variadic calls).
    let extra_tys: Vec<Ty<'tcx>> = args[sig.inputs().len().min(args.len())..]
        .iter()
        .map(|a| fx.monomorphize(a.node.ty(fx.mir, tcx)))
        .collect();
    let extra = tcx.mk_type_list(&extra_tys);
    let fn_abi = match instance {
        Some(instance) => fx.cx.lcx.fn_abi_of_instance(instance, extra),
        None => fx.cx.lcx.fn_abi_of_fn_ptr(fn_ty.fn_sig(tcx), extra),
    };

    // Operand values, each with whether its memory may be handed over.
    let mut values: Vec<(CValue<'tcx>, bool)> = args
        .iter()
        .map(|arg| {
            // A moved-from place in memory is dead after the call: the callee may use it.
            let owned = matches!(&arg.node, mir::Operand::Move(place)
                if !place.is_indirect() && !fx.local_place(place.local).is_ssa());
            (fx.codegen_operand(&arg.node), owned)
        })
        .collect();
    if sig.abi == ExternAbi::RustCall
        && let Some((tuple, _)) = values.pop()
    {
        for i in 0..tuple.layout.fields.count() {
            values.push((tuple.field(fx, i), false));
        }
    }
    if instance.is_some_and(|i| i.def.requires_caller_location(tcx)) {
        values.push((caller_location(fx, source_info), false));
    }

    let callee = match instance {
        Some(Instance {
            def: InstanceKind::Virtual(_, idx),
            ..
        }) => {
            let (receiver, _) = values[0];
            let (data, vtable) = match receiver.as_ref() {
                // An unsized receiver by value (`self: dyn FnOnce()`): its
                // address is the data pointer.
                Some((ptr, Some(meta))) => (ptr.addr(fx), meta),
                _ => receiver.load_scalar_pair(fx),
            };
            values[0] = (CValue::by_val(data, fn_abi.args[0].layout), false);
            let slot =
                Pointer::new(vtable).offset(fx, (idx * fx.pointer_ty.bytes() as usize) as i64);
            Callee::Indirect(slot.load(fx, fx.pointer_ty))
        }
        Some(instance) => Callee::Direct(fx.cx.get_fn(instance)),
        None => Callee::Indirect(fx.codegen_operand(func).load_scalar(fx)),
    };

    let dest = fx.codegen_place(destination);
    let mut call_args = Vec::new();
    let sret = match fn_abi.ret.mode {
        PassMode::Indirect { .. } => {
            let slot = if dest.is_ssa() {
                CPlace::new_stack_slot(fx, dest.layout)
            } else {
                dest
            };
            call_args.push(slot.to_ptr().addr(fx));
            Some(slot)
        }
        _ => None,
    };
    assert_eq!(
        values.len(),
        fn_abi.args.len(),
        "argument count mismatch for {instance:?}"
    );
    let call_args = signature_args(fx, fn_abi, call_args, values);

    let callee = match callee {
        Callee::Direct(id) if fn_abi.c_variadic => {
            let sig = abi::signature(fx.cx, fn_abi);
            let sig_ref = fx.bcx.import_signature(sig);
            let target_fn = variadic_entry(fx, id);
            let addr = fx.func_addr(target_fn);
            landing::Callee::Indirect(sig_ref, addr)
        }
        Callee::Direct(id) => landing::Callee::Direct(fx.func_ref(id)),
        Callee::Indirect(addr) => {
            if fn_abi.c_variadic && fx.cx.target.variadics == Variadics::AlRegister {
                fx.unsupported("calling a C-variadic function through a pointer on x86_64");
            }
            let sig = abi::signature(fx.cx, fn_abi);
            let sig_ref = fx.bcx.import_signature(sig);
            landing::Callee::Indirect(sig_ref, addr)
        }
    };
    let results = landing::call(fx, callee, &call_args, unwind);
    let ret = &fn_abi.ret;
    match &ret.mode {
        PassMode::Ignore => {}
        PassMode::Indirect { .. } => {
            let slot = sret.unwrap();
            if dest.is_ssa() {
                let v = slot.to_cvalue(fx);
                dest.write_cvalue(fx, v);
            }
        }
        PassMode::Direct(_) => dest.write_cvalue(fx, CValue::by_val(results[0], ret.layout)),
        PassMode::Pair(..) => {
            dest.write_cvalue(fx, CValue::by_val_pair(results[0], results[1], ret.layout))
        }
        PassMode::Cast { cast, .. } => {
            let parts = abi::cast_parts(cast);
            let v = from_cast_parts(fx, ret, &parts, &results);
            dest.write_cvalue(fx, v);
        }
    }
    jump_or_trap(fx, target);
}

pub fn jump_or_trap(fx: &mut FunctionCx<'_, '_, '_>, target: Option<mir::BasicBlock>) {
    match target {
        Some(bb) => {
            let block = fx.block(bb);
            fx.bcx.ins().jump(block, &[]);
        }
        None => fx.trap(TrapCode::unwrap_user(1)),
    }
}

/// What a C-variadic call jumps to (see [`Variadics`]): the callee itself,
/// or with [`Variadics::AlRegister`] a two-instruction trampoline
/// (`mov $8, %al; jmp callee`).
fn variadic_entry(fx: &mut FunctionCx<'_, '_, '_>, callee: FuncId) -> FuncId {
    if fx.cx.target.variadics != Variadics::AlRegister {
        return callee;
    }
    if let Some(&t) = fx.cx.vararg_trampolines.get(&callee) {
        return t;
    }
    let name = fx.cx.anon_name("vararg_trampoline");
    let sig = fx
        .cx
        .module
        .declarations()
        .get_function_decl(callee)
        .signature
        .clone();
    let id = fx.cx.declare_fn_raw(&name, Linkage::Local, &sig);
    let bytes = [0xb0, 0x08, 0xe9, 0, 0, 0, 0];
    let reloc = ModuleReloc {
        offset: 3,
        kind: Reloc::X86CallPLTRel4,
        name: ModuleRelocTarget::User {
            namespace: 0,
            index: callee.as_u32(),
        },
        addend: -4,
    };
    if let Err(e) = fx.cx.module.define_function_bytes(id, 16, &bytes, &[reloc]) {
        fx.tcx.dcx().fatal(format!(
            "clif backend: cannot define variadic trampoline: {e}"
        ));
    }
    fx.cx.vararg_trampolines.insert(callee, id);
    id
}

/// Lowers `Return`.
pub fn codegen_return(fx: &mut FunctionCx<'_, '_, '_>) {
    let ret = &fx.fn_abi.ret;
    let values = match ret.mode {
        PassMode::Ignore | PassMode::Indirect { .. } => vec![],
        _ => {
            let value = fx.local_place(RETURN_PLACE).to_cvalue(fx);
            to_abi(fx, ret, value, false)
        }
    };
    fx.bcx.ins().return_(&values);
}
