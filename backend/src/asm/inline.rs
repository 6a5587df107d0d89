//! Inline `asm!` blocks. Each block becomes a small assembly function (a
//! "wrapper") in the unit's assembly text, called from the Cranelift code
//! with one argument: the address of an operand block on the caller's
//! stack, one 32-byte slot per register operand.
//!
//! The wrapper (x86_64, System V) saves every callee-saved register and the
//! block address, loads the input registers from the block, runs the
//! template with the operands substituted, stores the output registers back
//! into the block and restores what it saved. The call itself tells
//! Cranelift that caller-saved registers and memory may change, which covers
//! every clobber an `asm!` block can declare. Registers of operand classes
//! are chosen here, never shared between operands.
//!
//! On other architectures only blocks without operands are handled (see
//! [`operandless`]). Blocks with operands there, and operand kinds not
//! handled here (`label`, AVX-512 and mask registers, x87), keep the
//! run-time refusal: a warning at compile time and an abort with a message
//! if reached.

use std::fmt::Write as _;

use cranelift_codegen::ir::{AbiParam, InstBuilder, Signature, TrapCode};
use cranelift_module::Linkage;
use rustc_abi::Size;
use rustc_ast::{InlineAsmOptions, InlineAsmTemplatePiece};
use rustc_middle::mir::{self, BasicBlock, InlineAsmOperand};
use rustc_middle::ty::{self, Instance, TypingEnv};
use rustc_target::asm::{
    InlineAsmReg, InlineAsmRegClass, InlineAsmRegOrRegClass, X86InlineAsmRegClass,
};

use crate::lower::FunctionCx;
use crate::lower::place::CPlace;
use crate::lower::value::CValue;
use crate::target::Arch;

/// A physical x86_64 register an operand lives in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Reg {
    /// General-purpose register, by hardware number (0 = rax … 15 = r15).
    Gpr(u8),
    /// `xmm0` … `xmm15`.
    Xmm(u8),
    /// `ymm0` … `ymm15` (the same registers, 256 bits wide).
    Ymm(u8),
}

impl Reg {
    /// Whether two names denote the same physical register (`xmm3`, `ymm3`).
    fn overlaps(self, other: Reg) -> bool {
        let physical = |r: Reg| match r {
            Reg::Ymm(n) => Reg::Xmm(n),
            r => r,
        };
        physical(self) == physical(other)
    }
}

const GPR64: [&str; 16] = [
    "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13",
    "r14", "r15",
];
const GPR32: [&str; 16] = [
    "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "r8d", "r9d", "r10d", "r11d", "r12d",
    "r13d", "r14d", "r15d",
];
const GPR16: [&str; 16] = [
    "ax", "cx", "dx", "bx", "sp", "bp", "si", "di", "r8w", "r9w", "r10w", "r11w", "r12w", "r13w",
    "r14w", "r15w",
];
const GPR8: [&str; 16] = [
    "al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil", "r8b", "r9b", "r10b", "r11b", "r12b",
    "r13b", "r14b", "r15b",
];
const GPR8_HIGH: [&str; 4] = ["ah", "ch", "dh", "bh"];

/// Registers handed out to `reg` operands, in order (rbx, rsp and rbp are
/// reserved by Rust's asm rules).
const REG_POOL: [u8; 13] = [0, 1, 2, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
/// `reg_abcd`: rax, rcx, rdx (rbx is reserved).
const ABCD_POOL: [u8; 3] = [0, 1, 2];
/// Stack offset (from rbp) where the wrapper keeps the block address.
const BLOCK_ADDR_SLOT: i32 = -48;
/// Bytes per operand in the block (a ymm register).
const SLOT: u64 = 32;

/// One register operand: where it lives and which block slot it uses.
struct RegOperand {
    reg: Reg,
    class: Option<X86InlineAsmRegClass>,
    slot: u64,
    input: bool,
    output: bool,
}

/// Lowers an `asm!` terminator. Returns `false` (nothing emitted) when the
/// block uses something this lowering does not handle; the caller then
/// falls back to the run-time refusal.
pub fn codegen_inline_asm<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    template: &[InlineAsmTemplatePiece],
    operands: &[InlineAsmOperand<'tcx>],
    options: InlineAsmOptions,
    targets: &[BasicBlock],
) -> bool {
    if fx.cx.target.arch != Arch::X86_64 {
        return operandless(fx, template, operands, options, targets);
    }
    let Some(regs) = allocate(operands) else {
        return false;
    };
    let Some(body) = render_template(fx, template, operands, &regs, options) else {
        return false;
    };
    let name = fx.cx.asm_symbol_name("asm");
    fx.cx.asm_text.push_str(&wrapper(&name, &regs, &body));

    // The operand block: inputs in, call, outputs out.
    let n_slots = regs
        .iter()
        .flatten()
        .filter(|r| r.input || r.output)
        .count()
        .max(1) as u64;
    let block = fx.stack_slot(Size::from_bytes(n_slots * SLOT), 16);
    for (op, reg) in operands.iter().zip(&regs) {
        let (Some(reg), Some(value)) = (reg, input_operand(op)) else {
            continue;
        };
        let value = fx.codegen_operand(value);
        let at = block.offset(fx, reg.slot as i64);
        CPlace::for_ptr(at, value.layout).write_cvalue(fx, value);
    }
    let mut sig = Signature::new(fx.cx.isa().default_call_conv());
    sig.params.push(AbiParam::new(fx.pointer_ty));
    let id = fx.cx.declare_fn_raw(&name, Linkage::Import, &sig);
    let f = fx.func_ref(id);
    let addr = block.addr(fx);
    fx.bcx.ins().call(f, &[addr]);
    for (op, reg) in operands.iter().zip(&regs) {
        let (Some(reg), Some(place)) = (reg, output_place(op)) else {
            continue;
        };
        let dest = fx.codegen_place(place);
        let at = block.offset(fx, reg.slot as i64);
        dest.write_cvalue(fx, CValue::by_ref(at, dest.layout));
    }
    continue_after(fx, options, targets);
    true
}

/// Jumps to the block after an `asm!` block (a `noreturn` one traps).
fn continue_after(
    fx: &mut FunctionCx<'_, '_, '_>,
    options: InlineAsmOptions,
    targets: &[BasicBlock],
) {
    match targets.first() {
        Some(&target) if !options.contains(InlineAsmOptions::NORETURN) => {
            let block = fx.block(target);
            fx.bcx.ins().jump(block, &[]);
        }
        _ => fx.trap(TrapCode::unwrap_user(8)),
    }
}

/// On architectures without a wrapper of their own: a block without
/// operands (`core::hint::spin_loop`'s `pause` on riscv64, `nop`), as a
/// function that runs the template and returns. It cannot touch a register
/// the caller relies on (it would need an operand to say so), so the call
/// is all the wrapper there is to it.
fn operandless(
    fx: &mut FunctionCx<'_, '_, '_>,
    template: &[InlineAsmTemplatePiece],
    operands: &[InlineAsmOperand<'_>],
    options: InlineAsmOptions,
    targets: &[BasicBlock],
) -> bool {
    let mut body = String::new();
    for piece in template {
        match piece {
            InlineAsmTemplatePiece::String(s) if operands.is_empty() => body.push_str(s),
            _ => return false,
        }
    }
    let name = fx.cx.asm_symbol_name("asm");
    let ret = fx.cx.target.asm_return;
    let text = super::function_text(&name, &format!("{body}\n{ret}"));
    fx.cx.asm_text.push_str(&text);
    let sig = Signature::new(fx.cx.isa().default_call_conv());
    let id = fx.cx.declare_fn_raw(&name, Linkage::Import, &sig);
    let f = fx.func_ref(id);
    fx.bcx.ins().call(f, &[]);
    continue_after(fx, options, targets);
    true
}

fn input_operand<'a, 'tcx>(op: &'a InlineAsmOperand<'tcx>) -> Option<&'a mir::Operand<'tcx>> {
    match op {
        InlineAsmOperand::In { value, .. } => Some(value),
        InlineAsmOperand::InOut { in_value, .. } => Some(in_value),
        _ => None,
    }
}

fn output_place<'tcx>(op: &InlineAsmOperand<'tcx>) -> Option<mir::Place<'tcx>> {
    match op {
        InlineAsmOperand::Out { place, .. } => *place,
        InlineAsmOperand::InOut { out_place, .. } => *out_place,
        _ => None,
    }
}

/// Chooses a register for every register operand (`None` for the others).
/// `None` overall if an operand needs a register kind this lowering lacks.
fn allocate(operands: &[InlineAsmOperand<'_>]) -> Option<Vec<Option<RegOperand>>> {
    let reg_of = |op: &InlineAsmOperand<'_>| match op {
        InlineAsmOperand::In { reg, .. }
        | InlineAsmOperand::Out { reg, .. }
        | InlineAsmOperand::InOut { reg, .. } => Some(*reg),
        _ => None,
    };
    // A pure clobber (`out("rax") _`, `clobber_abi`) needs nothing moved:
    // the wrapper's call already clobbers the caller-saved registers and
    // the wrapper saves the callee-saved ones, whatever the register kind.
    let is_clobber = |op: &InlineAsmOperand<'_>| {
        matches!(
            op,
            InlineAsmOperand::Out {
                place: None,
                reg: InlineAsmRegOrRegClass::Reg(_),
                ..
            }
        )
    };
    // Explicit registers (including clobbers) are taken first.
    let mut taken: Vec<Reg> = Vec::new();
    for op in operands {
        if let Some(InlineAsmRegOrRegClass::Reg(reg)) = reg_of(op) {
            match explicit(reg) {
                Some(reg) => taken.push(reg),
                None if is_clobber(op) => {}
                None => return None,
            }
        }
    }
    let mut slot = 0;
    let mut result = Vec::new();
    for op in operands {
        if let InlineAsmOperand::Label { .. } = op {
            return None;
        }
        let Some(reg) = reg_of(op) else {
            result.push(None);
            continue;
        };
        if is_clobber(op) {
            result.push(None);
            continue;
        }
        let input = input_operand(op).is_some();
        let output = output_place(op).is_some();
        let (reg, class) = match reg {
            InlineAsmRegOrRegClass::Reg(reg) => (explicit(reg)?, None),
            InlineAsmRegOrRegClass::RegClass(InlineAsmRegClass::X86(class)) => {
                let candidates: Vec<Reg> = match class {
                    X86InlineAsmRegClass::reg | X86InlineAsmRegClass::reg_byte => {
                        REG_POOL.iter().map(|&n| Reg::Gpr(n)).collect()
                    }
                    X86InlineAsmRegClass::reg_abcd => {
                        ABCD_POOL.iter().map(|&n| Reg::Gpr(n)).collect()
                    }
                    X86InlineAsmRegClass::xmm_reg => (0..16).map(Reg::Xmm).collect(),
                    X86InlineAsmRegClass::ymm_reg => (0..16).map(Reg::Ymm).collect(),
                    _ => return None,
                };
                let reg = candidates
                    .into_iter()
                    .find(|r| !taken.iter().any(|t| t.overlaps(*r)))?;
                taken.push(reg);
                (reg, Some(class))
            }
            InlineAsmRegOrRegClass::RegClass(_) => return None,
        };
        result.push(Some(RegOperand {
            reg,
            class,
            slot,
            input,
            output,
        }));
        // A scratch register (`out(reg) _`) needs no slot in the block.
        if input || output {
            slot += SLOT;
        }
    }
    Some(result)
}

/// The register an explicit operand names (`in("rcx") x`).
fn explicit(reg: InlineAsmReg) -> Option<Reg> {
    let InlineAsmReg::X86(reg) = reg else {
        return None;
    };
    let name = reg.name();
    if let Some(n) = name.strip_prefix("xmm") {
        return n.parse().ok().map(Reg::Xmm);
    }
    if let Some(n) = name.strip_prefix("ymm") {
        return n.parse().ok().map(Reg::Ymm);
    }
    let n = match name {
        "ax" => 0,
        "cx" => 1,
        "dx" => 2,
        "bx" => 3,
        "si" => 6,
        "di" => 7,
        _ => name.strip_prefix('r')?.parse().ok()?,
    };
    Some(Reg::Gpr(n))
}

/// The name of `reg` as the template asks for it (`{0:e}` …).
fn reg_name(
    reg: Reg,
    class: Option<X86InlineAsmRegClass>,
    modifier: Option<char>,
) -> Option<String> {
    Some(match reg {
        Reg::Gpr(n) => {
            let n = n as usize;
            let byte = class == Some(X86InlineAsmRegClass::reg_byte);
            match modifier {
                None if byte => GPR8[n].into(),
                None | Some('r') => GPR64[n].into(),
                Some('e') => GPR32[n].into(),
                Some('x') => GPR16[n].into(),
                Some('l') => GPR8[n].into(),
                Some('h') => (*GPR8_HIGH.get(n)?).into(),
                Some(_) => return None,
            }
        }
        Reg::Xmm(n) => match modifier {
            None | Some('x') => format!("xmm{n}"),
            Some('y') => format!("ymm{n}"),
            Some('z') => format!("zmm{n}"),
            Some(_) => return None,
        },
        Reg::Ymm(n) => match modifier {
            Some('x') => format!("xmm{n}"),
            None | Some('y') => format!("ymm{n}"),
            Some('z') => format!("zmm{n}"),
            Some(_) => return None,
        },
    })
}

/// The template with every placeholder replaced, or `None` if one cannot be.
fn render_template<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    template: &[InlineAsmTemplatePiece],
    operands: &[InlineAsmOperand<'tcx>],
    regs: &[Option<RegOperand>],
    options: InlineAsmOptions,
) -> Option<String> {
    let att = options.contains(InlineAsmOptions::ATT_SYNTAX);
    let mut out = String::new();
    if att {
        out.push_str(".att_syntax\n");
    }
    for piece in template {
        match piece {
            InlineAsmTemplatePiece::String(s) => out.push_str(s),
            InlineAsmTemplatePiece::Placeholder {
                operand_idx,
                modifier,
                ..
            } => {
                let text = match &operands[*operand_idx] {
                    InlineAsmOperand::In { .. }
                    | InlineAsmOperand::Out { .. }
                    | InlineAsmOperand::InOut { .. } => {
                        let op = regs[*operand_idx].as_ref()?;
                        let name = reg_name(op.reg, op.class, *modifier)?;
                        if att { format!("%{name}") } else { name }
                    }
                    InlineAsmOperand::Const { value } => {
                        let c = fx.monomorphize(value.const_);
                        let ty = fx.monomorphize(value.ty());
                        let evaluated = c
                            .eval(fx.tcx, TypingEnv::fully_monomorphized(), value.span)
                            .ok()?;
                        let layout = fx.layout_of(ty);
                        rustc_codegen_ssa::common::asm_const_to_str(
                            fx.tcx, value.span, evaluated, layout,
                        )
                    }
                    InlineAsmOperand::SymFn { value } => {
                        let ty = fx.monomorphize(value.ty());
                        let ty::FnDef(def_id, args) = *ty.kind() else {
                            return None;
                        };
                        let instance = Instance::expect_resolve(
                            fx.tcx,
                            TypingEnv::fully_monomorphized(),
                            def_id,
                            args,
                            value.span,
                        );
                        super::symbol_for_asm(fx.tcx, instance)
                    }
                    InlineAsmOperand::SymStatic { def_id } => {
                        super::symbol_for_asm(fx.tcx, Instance::mono(fx.tcx, *def_id))
                    }
                    InlineAsmOperand::Label { .. } => return None,
                };
                out.push_str(&text);
            }
        }
    }
    out.push('\n');
    if att {
        out.push_str(".intel_syntax noprefix\n");
    }
    Some(out)
}

/// The wrapper function's assembly (Intel syntax).
fn wrapper(name: &str, regs: &[Option<RegOperand>], body: &str) -> String {
    let ops: Vec<&RegOperand> = regs.iter().flatten().collect();
    let mut s = String::new();
    let _ = writeln!(s, ".intel_syntax noprefix");
    let _ = writeln!(s, ".pushsection .text.{name},\"ax\",@progbits");
    let _ = writeln!(s, ".p2align 4");
    let _ = writeln!(s, ".globl {name}");
    let _ = writeln!(s, ".hidden {name}");
    let _ = writeln!(s, ".type {name},@function");
    let _ = writeln!(s, "{name}:");
    for line in [
        "push rbp",
        "mov rbp, rsp",
        "push rbx",
        "push r12",
        "push r13",
        "push r14",
        "push r15",
        "push rdi",
    ] {
        let _ = writeln!(s, "    {line}");
    }
    // Inputs; the one going to rdi (the block address) last.
    let rdi = Reg::Gpr(7);
    let mut inputs: Vec<&&RegOperand> = ops.iter().filter(|o| o.input).collect();
    inputs.sort_by_key(|o| o.reg == rdi);
    for op in inputs {
        let _ = writeln!(s, "    {}", mov(op.reg, false, "rdi", op.slot));
    }
    s.push_str(body);
    // The block address comes back into a register no output occupies.
    let outputs: Vec<&&RegOperand> = ops.iter().filter(|o| o.output).collect();
    let scratch = [0u8, 1, 2, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 3]
        .into_iter()
        .map(Reg::Gpr)
        .find(|r| outputs.iter().all(|o| o.reg != *r))
        .expect("more outputs than registers");
    let Reg::Gpr(scratch) = scratch else {
        unreachable!()
    };
    let scratch = GPR64[scratch as usize];
    let _ = writeln!(s, "    mov {scratch}, qword ptr [rbp {BLOCK_ADDR_SLOT}]");
    for op in outputs {
        let _ = writeln!(s, "    {}", mov(op.reg, true, scratch, op.slot));
    }
    for line in [
        "lea rsp, [rbp - 40]",
        "pop r15",
        "pop r14",
        "pop r13",
        "pop r12",
        "pop rbx",
        "pop rbp",
        "ret",
    ] {
        let _ = writeln!(s, "    {line}");
    }
    let _ = writeln!(s, ".size {name}, . - {name}");
    let _ = writeln!(s, ".popsection");
    let _ = writeln!(s, ".att_syntax");
    s
}

/// A move between `reg` and the block slot at `base + offset`.
fn mov(reg: Reg, store: bool, base: &str, offset: u64) -> String {
    let (op, width, name) = match reg {
        Reg::Gpr(n) => ("mov", "qword", GPR64[n as usize].to_string()),
        Reg::Xmm(n) => ("movups", "xmmword", format!("xmm{n}")),
        Reg::Ymm(n) => ("vmovdqu", "ymmword", format!("ymm{n}")),
    };
    let mem = format!("{width} ptr [{base} + {offset}]");
    if store {
        format!("{op} {mem}, {name}")
    } else {
        format!("{op} {name}, {mem}")
    }
}

/// The items of a unit that its `asm!` blocks name through `sym` operands:
/// the wrappers live in another object file, so these must not be local.
pub fn sym_operand_targets<'tcx>(
    tcx: rustc_middle::ty::TyCtxt<'tcx>,
    items: &[(
        rustc_middle::mono::MonoItem<'tcx>,
        rustc_middle::mono::MonoItemData,
    )],
) -> rustc_data_structures::fx::FxHashSet<rustc_middle::mono::MonoItem<'tcx>> {
    use rustc_middle::mono::MonoItem;
    let mut targets = rustc_data_structures::fx::FxHashSet::default();
    for (item, _) in items {
        let MonoItem::Fn(instance) = *item else {
            continue;
        };
        let mir = tcx.instance_mir(instance.def);
        for block in mir.basic_blocks.iter() {
            let mir::TerminatorKind::InlineAsm { operands, .. } = &block.terminator().kind else {
                continue;
            };
            for op in operands.iter() {
                match op {
                    InlineAsmOperand::SymFn { value } => {
                        let ty = instance.instantiate_mir_and_normalize_erasing_regions(
                            tcx,
                            TypingEnv::fully_monomorphized(),
                            ty::EarlyBinder::bind(value.ty()),
                        );
                        if let ty::FnDef(def_id, args) = *ty.kind() {
                            let target = Instance::expect_resolve(
                                tcx,
                                TypingEnv::fully_monomorphized(),
                                def_id,
                                args,
                                value.span,
                            );
                            targets.insert(MonoItem::Fn(target));
                        }
                    }
                    InlineAsmOperand::SymStatic { def_id } => {
                        targets.insert(MonoItem::Static(*def_id));
                    }
                    _ => {}
                }
            }
        }
    }
    targets
}

#[cfg(test)]
mod tests {
    use rustc_middle::mir::{Local, Operand, Place};
    use rustc_target::asm::X86InlineAsmReg;

    use super::*;

    fn place(n: u32) -> Place<'static> {
        Place::from(Local::from_u32(n))
    }

    fn x86(reg: X86InlineAsmReg) -> InlineAsmRegOrRegClass {
        InlineAsmRegOrRegClass::Reg(InlineAsmReg::X86(reg))
    }

    fn class(class: X86InlineAsmRegClass) -> InlineAsmRegOrRegClass {
        InlineAsmRegOrRegClass::RegClass(InlineAsmRegClass::X86(class))
    }

    #[test]
    fn explicit_registers_use_hardware_numbers() {
        use X86InlineAsmReg::*;
        for (reg, n) in [
            (ax, 0),
            (cx, 1),
            (dx, 2),
            (bx, 3),
            (si, 6),
            (di, 7),
            (r8, 8),
            (r15, 15),
        ] {
            assert_eq!(
                explicit(InlineAsmReg::X86(reg)),
                Some(Reg::Gpr(n)),
                "{reg:?}"
            );
            let n = usize::from(n);
            assert!([GPR16[n], GPR64[n]].contains(&reg.name()), "{reg:?}");
        }
        assert_eq!(explicit(InlineAsmReg::X86(xmm0)), Some(Reg::Xmm(0)));
        assert_eq!(explicit(InlineAsmReg::X86(xmm15)), Some(Reg::Xmm(15)));
        assert_eq!(explicit(InlineAsmReg::X86(ymm3)), Some(Reg::Ymm(3)));
        // Byte and AVX-512 registers are not handled: the block is refused.
        for reg in [al, ah, sil, r8b, zmm0, k1] {
            assert_eq!(explicit(InlineAsmReg::X86(reg)), None, "{reg:?}");
        }
    }

    #[test]
    fn template_modifiers_name_the_register_width() {
        let name = |reg, class, modifier| reg_name(reg, class, modifier);
        assert_eq!(name(Reg::Gpr(0), None, None).as_deref(), Some("rax"));
        assert_eq!(name(Reg::Gpr(0), None, Some('e')).as_deref(), Some("eax"));
        assert_eq!(name(Reg::Gpr(0), None, Some('x')).as_deref(), Some("ax"));
        assert_eq!(name(Reg::Gpr(0), None, Some('l')).as_deref(), Some("al"));
        assert_eq!(name(Reg::Gpr(0), None, Some('h')).as_deref(), Some("ah"));
        assert_eq!(name(Reg::Gpr(8), None, Some('e')).as_deref(), Some("r8d"));
        assert_eq!(name(Reg::Gpr(8), None, Some('h')), None);
        let byte = Some(X86InlineAsmRegClass::reg_byte);
        assert_eq!(name(Reg::Gpr(6), byte, None).as_deref(), Some("sil"));
        assert_eq!(name(Reg::Xmm(3), None, None).as_deref(), Some("xmm3"));
        assert_eq!(name(Reg::Xmm(3), None, Some('y')).as_deref(), Some("ymm3"));
        assert_eq!(name(Reg::Xmm(3), None, Some('e')), None);
        assert_eq!(name(Reg::Ymm(2), None, None).as_deref(), Some("ymm2"));
        assert_eq!(name(Reg::Ymm(2), None, Some('x')).as_deref(), Some("xmm2"));
        assert!(Reg::Ymm(2).overlaps(Reg::Xmm(2)) && !Reg::Ymm(2).overlaps(Reg::Xmm(3)));
    }

    #[test]
    fn class_operands_avoid_explicit_registers_and_clobbers() {
        use X86InlineAsmRegClass::{reg, xmm_reg};
        let operands = [
            // `out(reg) a`, declared before the registers it must avoid.
            InlineAsmOperand::Out {
                reg: class(reg),
                late: false,
                place: Some(place(1)),
            },
            // `in("rax") b`
            InlineAsmOperand::In {
                reg: x86(X86InlineAsmReg::ax),
                value: Operand::Copy(place(2)),
            },
            // `out("rcx") _`: a clobber, no slot.
            InlineAsmOperand::Out {
                reg: x86(X86InlineAsmReg::cx),
                late: true,
                place: None,
            },
            // `inout(xmm_reg) c`
            InlineAsmOperand::InOut {
                reg: class(xmm_reg),
                late: false,
                in_value: Operand::Copy(place(3)),
                out_place: Some(place(3)),
            },
            // `out(reg) _`: a scratch register, no slot.
            InlineAsmOperand::Out {
                reg: class(reg),
                late: false,
                place: None,
            },
        ];
        let regs = allocate(&operands).expect("supported operands");
        let summary: Vec<_> = regs
            .iter()
            .map(|r| r.as_ref().map(|r| (r.reg, r.slot, r.input, r.output)))
            .collect();
        assert_eq!(
            summary,
            [
                Some((Reg::Gpr(2), 0, false, true)),
                Some((Reg::Gpr(0), SLOT, true, false)),
                None,
                Some((Reg::Xmm(0), 2 * SLOT, true, true)),
                Some((Reg::Gpr(6), 3 * SLOT, false, false)),
            ]
        );
    }

    #[test]
    fn ymm_operands_avoid_the_xmm_registers_taken() {
        let ops = [
            InlineAsmOperand::In {
                reg: x86(X86InlineAsmReg::xmm0),
                value: Operand::Copy(place(1)),
            },
            InlineAsmOperand::In {
                reg: InlineAsmRegOrRegClass::RegClass(InlineAsmRegClass::X86(
                    X86InlineAsmRegClass::ymm_reg,
                )),
                value: Operand::Copy(place(2)),
            },
        ];
        let regs = allocate(&ops).expect("allocates");
        let chosen: Vec<Reg> = regs.iter().flatten().map(|r| r.reg).collect();
        assert_eq!(chosen, [Reg::Xmm(0), Reg::Ymm(1)]);
    }

    #[test]
    fn unsupported_operands_refuse_the_block() {
        let label = [InlineAsmOperand::Label { target_index: 0 }];
        assert!(allocate(&label).is_none());
        let zmm_input = [InlineAsmOperand::In {
            reg: x86(X86InlineAsmReg::zmm0),
            value: Operand::Copy(place(1)),
        }];
        assert!(allocate(&zmm_input).is_none());
        // A clobber of a register kind without a lowering needs nothing.
        let zmm_clobber = [InlineAsmOperand::Out {
            reg: x86(X86InlineAsmReg::zmm0),
            late: true,
            place: None,
        }];
        assert_eq!(allocate(&zmm_clobber).map(|r| r.len()), Some(1));
    }

    #[test]
    fn wrapper_frame_is_balanced_and_rdi_loads_last() {
        let regs = [
            Some(RegOperand {
                reg: Reg::Gpr(7),
                class: None,
                slot: 0,
                input: true,
                output: false,
            }),
            Some(RegOperand {
                reg: Reg::Gpr(0),
                class: Some(X86InlineAsmRegClass::reg),
                slot: SLOT,
                input: true,
                output: true,
            }),
        ];
        let text = wrapper("w", &regs, "BODY\n");
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let body = lines.iter().position(|l| *l == "BODY").expect("body");
        // rdi holds the block address until every other input is loaded.
        assert_eq!(
            lines[body - 2],
            format!("mov rax, qword ptr [rdi + {SLOT}]")
        );
        assert_eq!(lines[body - 1], "mov rdi, qword ptr [rdi + 0]");
        // The block address comes back from the slot of the last push, into
        // a register that is not an output (rax is one).
        let frame = lines
            .iter()
            .position(|l| *l == "mov rbp, rsp")
            .expect("frame");
        let pushes: Vec<&str> = lines[frame..body]
            .iter()
            .filter_map(|l| l.strip_prefix("push "))
            .collect();
        assert_eq!(pushes.last(), Some(&"rdi"));
        assert_eq!(-8 * pushes.len() as i32, BLOCK_ADDR_SLOT);
        assert_eq!(lines[body + 1], "mov rcx, qword ptr [rbp -48]");
        assert_eq!(
            lines[body + 2],
            format!("mov qword ptr [rcx + {SLOT}], rax")
        );
        // `lea` drops the block address slot; the pops mirror the pushes.
        let lea = lines
            .iter()
            .position(|l| l.starts_with("lea rsp"))
            .expect("lea");
        let saved = 8 * (pushes.len() - 1);
        assert_eq!(lines[lea], format!("lea rsp, [rbp - {saved}]"));
        let pops: Vec<&str> = lines[lea..]
            .iter()
            .filter_map(|l| l.strip_prefix("pop "))
            .collect();
        let mut expected: Vec<&str> = pushes[..pushes.len() - 1].to_vec();
        expected.reverse();
        expected.push("rbp");
        assert_eq!(pops, expected);
    }
}
