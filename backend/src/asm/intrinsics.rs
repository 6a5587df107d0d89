//! LLVM vendor intrinsics (`link_name = "llvm.x86.…"` in `core::arch`) that
//! are single instructions without a Cranelift equivalent: each becomes a
//! tiny assembly function of the unit, called with the C convention.

use cranelift_codegen::ir::{AbiParam, Signature, Type, types};
use cranelift_module::{FuncId, Linkage};
use rustc_target::asm::InlineAsmArch;

use crate::cx::CodegenCx;

/// `(parameters, results, body)` of the assembly implementing `name`.
fn x86_64_body(name: &str) -> Option<(&'static [Type], &'static [Type], &'static str)> {
    Some(match name {
        // xgetbv: ecx selects the register, the value comes back in edx:eax.
        "llvm.x86.xgetbv" => (
            &[types::I32],
            &[types::I64],
            "mov ecx, edi\n xgetbv\n shl rdx, 32\n or rax, rdx\n ret",
        ),
        "llvm.x86.rdtsc" => (
            &[],
            &[types::I64],
            "rdtsc\n shl rdx, 32\n or rax, rdx\n ret",
        ),
        "llvm.x86.sse2.lfence" => (&[], &[], "lfence\n ret"),
        "llvm.x86.sse.sfence" => (&[], &[], "sfence\n ret"),
        _ => return None,
    })
}

/// The unit's function implementing the LLVM intrinsic `name`, defined in
/// its assembly text on first use; `None` if there is no implementation.
pub fn declare(cx: &mut CodegenCx<'_>, name: &str) -> Option<FuncId> {
    if let Some(&id) = cx.llvm_intrinsics.get(name) {
        return Some(id);
    }
    if cx.tcx.sess.asm_arch != Some(InlineAsmArch::X86_64) {
        return None;
    }
    let (params, results, body) = x86_64_body(name)?;
    let symbol = cx.asm_symbol_name(&name.replace('.', "_"));
    cx.asm_text.push_str(&format!(
        ".intel_syntax noprefix\n.pushsection .text.{symbol},\"ax\",@progbits\n.globl {symbol}\n.hidden {symbol}\n.type {symbol},@function\n{symbol}:\n {body}\n.size {symbol}, . - {symbol}\n.popsection\n.att_syntax\n"
    ));
    let mut sig = Signature::new(cx.isa().default_call_conv());
    sig.params = params.iter().map(|&t| AbiParam::new(t)).collect();
    sig.returns = results.iter().map(|&t| AbiParam::new(t)).collect();
    let id = cx.declare_fn_raw(&symbol, Linkage::Import, &sig);
    cx.llvm_intrinsics.insert(name.to_string(), id);
    Some(id)
}
