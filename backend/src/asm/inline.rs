//! Inline `asm!` blocks. Each block becomes a small assembly function (a
//! "wrapper") in the unit's assembly text, called from the Cranelift code
//! with one argument: the address of an operand block on the caller's
//! stack, one 32-byte slot per register operand.
//!
//! The wrapper saves every callee-saved register and the block address,
//! loads the input registers from the block, runs the template with the
//! operands substituted, stores the output registers back into the block
//! and restores what it saved. The call itself tells Cranelift that
//! caller-saved registers and memory may change, which covers every clobber
//! an `asm!` block can declare. Registers of operand classes are chosen
//! here, never shared between operands. What differs per architecture
//! (register names and classes, the wrapper's frame) is an [`AsmArch`]:
//! `x86_64`, `aarch64`, `riscv64` and `s390x`.
//!
//! Operand kinds not handled here (`label`, AVX-512 and mask registers,
//! x87, SVE, RISC-V vectors, s390x access registers) keep the run-time
//! refusal: a warning at compile time and an abort with a message if
//! reached.

mod aarch64;
mod riscv64;
mod s390x;
mod x86_64;

use cranelift_codegen::ir::{AbiParam, InstBuilder, Signature, TrapCode};
use cranelift_module::Linkage;
use rustc_abi::Size;
use rustc_ast::{InlineAsmOptions, InlineAsmTemplatePiece};
use rustc_middle::mir::{self, BasicBlock, InlineAsmOperand};
use rustc_middle::ty::{self, Instance, TypingEnv};
use rustc_target::asm::{InlineAsmReg, InlineAsmRegClass, InlineAsmRegOrRegClass};

use crate::lower::FunctionCx;
use crate::lower::place::CPlace;
use crate::lower::value::CValue;
use crate::target::Arch;

/// A physical register an operand lives in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Reg {
    /// General-purpose register, by hardware number (x86_64: 0 = rax … 15 =
    /// r15).
    Gpr(u8),
    /// Vector register by number, with the width in bytes of the name it
    /// was chosen by (x86_64's xmm3 and ymm3 are one register).
    Vec(u8, u8),
}

impl Reg {
    /// Whether two names denote the same physical register.
    fn overlaps(self, other: Reg) -> bool {
        match (self, other) {
            (Reg::Gpr(a), Reg::Gpr(b)) | (Reg::Vec(a, _), Reg::Vec(b, _)) => a == b,
            _ => false,
        }
    }
}

/// Bytes per operand in the block (a ymm register).
const SLOT: u64 = 32;

/// One register operand: where it lives and which block slot it uses.
struct RegOperand {
    reg: Reg,
    class: Option<InlineAsmRegClass>,
    slot: u64,
    /// The size of its value in bytes (8 for a scratch register), for
    /// wrappers that move it with an instruction of that width.
    size: u64,
    input: bool,
    output: bool,
}

/// What the lowering needs to know of an architecture.
trait AsmArch {
    /// The register an explicit operand names (`in("rcx") x`), if this
    /// lowering handles its kind.
    fn explicit(&self, reg: InlineAsmReg) -> Option<Reg>;
    /// The registers an operand of `class` may get, in order of preference,
    /// if this lowering handles the class.
    fn candidates(&self, class: InlineAsmRegClass) -> Option<Vec<Reg>>;
    /// The name of `reg` as the template asks for it (`{0:e}`, `{x:d}`).
    fn reg_name(
        &self,
        reg: Reg,
        class: Option<InlineAsmRegClass>,
        modifier: Option<char>,
    ) -> Option<String>;
    /// The wrapper function's assembly around the rendered template.
    fn wrapper(&self, name: &str, ops: &[&RegOperand], body: &str) -> String;
}

/// The architecture's registers and wrapper.
fn arch_of(arch: Arch) -> &'static dyn AsmArch {
    match arch {
        Arch::X86_64 => &x86_64::X86_64,
        Arch::Aarch64 => &aarch64::Aarch64,
        Arch::Riscv64 => &riscv64::Riscv64,
        Arch::S390x => &s390x::S390x,
    }
}

/// The output operands, and the first register of `pool` none of them
/// occupies: where a wrapper reloads the block address after the template
/// to store the outputs through it.
fn outputs_and_block_base<'a>(
    ops: &[&'a RegOperand],
    pool: impl IntoIterator<Item = u8>,
) -> (Vec<&'a RegOperand>, u8) {
    let outputs: Vec<&RegOperand> = ops.iter().copied().filter(|o| o.output).collect();
    let base = pool
        .into_iter()
        .find(|&n| outputs.iter().all(|o| o.reg != Reg::Gpr(n)))
        .expect("more outputs than registers");
    (outputs, base)
}

/// The input operands in the order a wrapper loads them: the one going to
/// `block` (the register the block address arrives in) last.
fn inputs_block_register_last<'a>(ops: &[&'a RegOperand], block: Reg) -> Vec<&'a RegOperand> {
    let mut inputs: Vec<&RegOperand> = ops.iter().copied().filter(|o| o.input).collect();
    inputs.sort_by_key(|o| o.reg == block);
    inputs
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
    let arch = arch_of(fx.cx.target.arch);
    let sizes: Vec<u64> = operands.iter().map(|op| operand_size(fx, op)).collect();
    let Some(regs) = allocate(arch, operands, &sizes) else {
        return false;
    };
    let Some(body) = render_template(fx, arch, template, operands, &regs, options) else {
        return false;
    };
    let name = fx.cx.asm_symbol_name("asm");
    let ops: Vec<&RegOperand> = regs.iter().flatten().collect();
    fx.cx.asm_text.push_str(&arch.wrapper(&name, &ops, &body));

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

/// The size in bytes of an operand's value (8 where it has none).
fn operand_size<'tcx>(fx: &FunctionCx<'_, '_, 'tcx>, op: &InlineAsmOperand<'tcx>) -> u64 {
    let ty = match (input_operand(op), output_place(op)) {
        (Some(value), _) => value.ty(fx.mir, fx.tcx),
        (None, Some(place)) => place.ty(fx.mir, fx.tcx).ty,
        (None, None) => return 8,
    };
    fx.layout_of(fx.monomorphize(ty)).size.bytes()
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
/// `sizes` are the operands' [`operand_size`]s.
fn allocate(
    arch: &dyn AsmArch,
    operands: &[InlineAsmOperand<'_>],
    sizes: &[u64],
) -> Option<Vec<Option<RegOperand>>> {
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
            match arch.explicit(reg) {
                Some(reg) => taken.push(reg),
                None if is_clobber(op) => {}
                None => return None,
            }
        }
    }
    let mut slot = 0;
    let mut result = Vec::new();
    for (op, &size) in operands.iter().zip(sizes) {
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
            InlineAsmRegOrRegClass::Reg(reg) => (arch.explicit(reg)?, None),
            InlineAsmRegOrRegClass::RegClass(class) => {
                let reg = arch
                    .candidates(class)?
                    .into_iter()
                    .find(|r| !taken.iter().any(|t| t.overlaps(*r)))?;
                taken.push(reg);
                (reg, Some(class))
            }
        };
        result.push(Some(RegOperand {
            reg,
            class,
            slot,
            size,
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

/// The template with every placeholder replaced, or `None` if one cannot be.
fn render_template<'tcx>(
    fx: &mut FunctionCx<'_, '_, 'tcx>,
    arch: &dyn AsmArch,
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
                        let name = arch.reg_name(op.reg, op.class, *modifier)?;
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
    use rustc_target::asm::{X86InlineAsmReg, X86InlineAsmRegClass};

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
        let regs = allocate(&x86_64::X86_64, &operands, &vec![8; operands.len()])
            .expect("supported operands");
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
                Some((Reg::Vec(0, 16), 2 * SLOT, true, true)),
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
        let regs = allocate(&x86_64::X86_64, &ops, &vec![8; ops.len()]).expect("allocates");
        let chosen: Vec<Reg> = regs.iter().flatten().map(|r| r.reg).collect();
        assert_eq!(chosen, [Reg::Vec(0, 16), Reg::Vec(1, 32)]);
    }

    #[test]
    fn unsupported_operands_refuse_the_block() {
        let label = [InlineAsmOperand::Label { target_index: 0 }];
        assert!(allocate(&x86_64::X86_64, &label, &vec![8; label.len()]).is_none());
        let zmm_input = [InlineAsmOperand::In {
            reg: x86(X86InlineAsmReg::zmm0),
            value: Operand::Copy(place(1)),
        }];
        assert!(allocate(&x86_64::X86_64, &zmm_input, &vec![8; zmm_input.len()]).is_none());
        // A clobber of a register kind without a lowering needs nothing.
        let zmm_clobber = [InlineAsmOperand::Out {
            reg: x86(X86InlineAsmReg::zmm0),
            late: true,
            place: None,
        }];
        assert_eq!(
            allocate(&x86_64::X86_64, &zmm_clobber, &vec![8; zmm_clobber.len()]).map(|r| r.len()),
            Some(1)
        );
    }
}
