//! The C `main` of an executable: it calls the `start` lang item with the
//! user's `main`, `argc`, `argv` and the SIGPIPE setting, as rustc expects
//! of every backend.

use cranelift_codegen::ir::{AbiParam, Function, InstBuilder, Signature, UserFuncName, types};
use cranelift_frontend::FunctionBuilder;
use cranelift_module::{FuncOrDataId, Linkage, Module};
use rustc_hir::LangItem;
use rustc_middle::mono::{CodegenUnit, MonoItem};
use rustc_middle::ty::{Instance, TypingEnv};
use rustc_session::config::EntryFnType;
use rustc_span::DUMMY_SP;

use crate::cx::CodegenCx;

pub fn maybe_create_entry_wrapper<'tcx>(cx: &mut CodegenCx<'tcx>, cgu: &CodegenUnit<'tcx>) {
    let tcx = cx.tcx;
    let Some((main_def_id, EntryFnType::Main { sigpipe })) = tcx.entry_fn(()) else {
        return;
    };
    let main_instance = Instance::mono(tcx, main_def_id);
    let here = if main_def_id.is_local() {
        cgu.contains_item(&MonoItem::Fn(main_instance))
    } else {
        cgu.is_primary()
    };
    if !here {
        return;
    }
    if !tcx.sess.target.main_needs_argc_argv {
        tcx.dcx()
            .fatal("the clif backend does not support targets whose `main` takes no argc/argv yet");
    }

    let main_ret_ty = tcx.fn_sig(main_def_id).no_bound_vars().unwrap().output();
    let main_ret_ty = tcx.normalize_erasing_regions(
        TypingEnv::fully_monomorphized(),
        main_ret_ty.no_bound_vars().unwrap(),
    );
    let start_def_id = tcx.require_lang_item(LangItem::Start, DUMMY_SP);
    let start_instance = Instance::expect_resolve(
        tcx,
        TypingEnv::fully_monomorphized(),
        start_def_id,
        tcx.mk_args(&[main_ret_ty.into()]),
        DUMMY_SP,
    );

    let ptr = cx.pointer_ty;
    let c_int = types::Type::int(tcx.sess.target.c_int_width).expect("c_int");
    let call_conv = cx.isa().default_call_conv();
    let mut sig = Signature::new(call_conv);
    sig.params = vec![AbiParam::new(c_int), AbiParam::new(ptr)];
    sig.returns = vec![AbiParam::new(c_int)];
    let entry_name = tcx.sess.target.entry_name.as_ref();
    let main_id = cx.declare_fn_raw(entry_name, Linkage::Export, &sig);
    let start_id = cx.get_fn(start_instance);
    let rust_main_id = cx.get_fn(main_instance);

    let mut func = Function::with_name_signature(UserFuncName::user(0, main_id.as_u32()), sig);
    let mut func_ctx = std::mem::take(&mut cx.func_ctx);
    {
        let mut bcx = FunctionBuilder::new(&mut func, &mut func_ctx);
        let block = bcx.create_block();
        bcx.append_block_params_for_function_params(block);
        bcx.switch_to_block(block);
        let (argc, argv) = (bcx.block_params(block)[0], bcx.block_params(block)[1]);
        let argc = bcx.ins().sextend(ptr, argc);
        let start_ref = cx.callee_ref(&mut bcx, start_id);
        let main_addr = cx.symbol_addr(&mut bcx, FuncOrDataId::Func(rust_main_id));
        let sigpipe = bcx.ins().iconst(types::I8, sigpipe as i64);
        let call = bcx.ins().call(start_ref, &[main_addr, argc, argv, sigpipe]);
        let result = bcx.inst_results(call)[0];
        let result = bcx.ins().ireduce(c_int, result);
        bcx.ins().return_(&[result]);
        bcx.seal_all_blocks();
        bcx.finalize(cx.module.target_config());
    }
    cx.func_ctx = func_ctx;
    let mut ctx = cranelift_codegen::Context::for_function(func);
    if let Err(e) = cx.module.define_function(main_id, &mut ctx) {
        tcx.dcx()
            .fatal(format!("clif backend: cannot define `{entry_name}`: {e}"));
    }
}
