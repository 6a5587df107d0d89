//! The `asm!` wrapper on s390x (ELF ABI): general (`reg`, `reg_addr`),
//! float (`freg`) and vector (`vreg`) operands. The target is big-endian,
//! so values move with an instruction of their width: a `u32` loaded as 64
//! bits would land in the register's high half.

use rustc_target::asm::{InlineAsmReg, InlineAsmRegClass, S390xInlineAsmRegClass};

use super::{AsmArch, Reg, RegOperand};

pub struct S390x;

/// Registers handed out to `reg` operands, caller-saved ones first; r11
/// (the frame pointer) and r15 (the stack pointer) are reserved. r0 comes
/// last and is not a `reg_addr`: as a base register it reads as zero.
const REG_POOL: [u8; 14] = [1, 2, 3, 4, 5, 14, 6, 7, 8, 9, 10, 12, 13, 0];
/// The register the block address arrives in.
const BLOCK_REG: Reg = Reg::Gpr(2);
/// The frame below the caller's stack pointer: the register save area every
/// frame provides its callees (160 bytes), f8-f15 and the block address.
const FRAME: i32 = 232;
const FPR_SAVE: i32 = 160;
const BLOCK_ADDR_SLOT: i32 = 224;
// The saves fit in the frame, above the callees' save area, and the frame
// keeps sp 8-aligned.
const _: () =
    assert!(FPR_SAVE + 8 * 8 <= BLOCK_ADDR_SLOT && BLOCK_ADDR_SLOT + 8 <= FRAME && FRAME % 8 == 0);
/// Widths of the float and vector registers (f0-f15 are the high halves of
/// v0-v15, so they overlap).
const F: u8 = 8;
const V: u8 = 16;

impl AsmArch for S390x {
    fn explicit(&self, reg: InlineAsmReg) -> Option<Reg> {
        let InlineAsmReg::S390x(reg) = reg else {
            return None;
        };
        let name = reg.name();
        let number = |prefix: char| name.strip_prefix(prefix)?.parse::<u8>().ok();
        if let Some(n) = number('r') {
            return Some(Reg::Gpr(n));
        }
        if let Some(n) = number('f') {
            return Some(Reg::Vec(n, F));
        }
        number('v').map(|n| Reg::Vec(n, V))
    }

    fn candidates(&self, class: InlineAsmRegClass) -> Option<Vec<Reg>> {
        let InlineAsmRegClass::S390x(class) = class else {
            return None;
        };
        Some(match class {
            S390xInlineAsmRegClass::reg => REG_POOL.iter().map(|&n| Reg::Gpr(n)).collect(),
            S390xInlineAsmRegClass::reg_addr => REG_POOL
                .iter()
                .filter(|&&n| n != 0)
                .map(|&n| Reg::Gpr(n))
                .collect(),
            S390xInlineAsmRegClass::freg => (0..16).map(|n| Reg::Vec(n, F)).collect(),
            S390xInlineAsmRegClass::vreg => (0..32).map(|n| Reg::Vec(n, V)).collect(),
            S390xInlineAsmRegClass::areg => return None,
        })
    }

    fn reg_name(
        &self,
        reg: Reg,
        _class: Option<InlineAsmRegClass>,
        modifier: Option<char>,
    ) -> Option<String> {
        match (reg, modifier) {
            (Reg::Gpr(n), None) => Some(format!("%r{n}")),
            (Reg::Vec(n, F), None) => Some(format!("%f{n}")),
            (Reg::Vec(n, _), None) => Some(format!("%v{n}")),
            _ => None,
        }
    }

    fn wrapper(&self, name: &str, ops: &[&RegOperand], body: &str) -> String {
        let mut before = vec![
            // r6-r15 into the save area of the caller's frame.
            "stmg %r6, %r15, 48(%r15)".to_string(),
            format!("aghi %r15, -{FRAME}"),
        ];
        before.extend((8..16).map(|n| format!("std %f{n}, {}(%r15)", fpr_slot(n))));
        before.push(format!("stg %r2, {BLOCK_ADDR_SLOT}(%r15)"));
        for op in super::inputs_block_register_last(ops, BLOCK_REG) {
            before.push(mov(op, true, "%r2"));
        }
        // r0 cannot be a base register.
        let pool = REG_POOL.into_iter().filter(|&n| n != 0);
        let (outputs, scratch) = super::outputs_and_block_base(ops, pool);
        let base = format!("%r{scratch}");
        let mut after = vec![format!("lg {base}, {BLOCK_ADDR_SLOT}(%r15)")];
        for op in outputs {
            after.push(mov(op, false, &base));
        }
        after.extend((8..16).map(|n| format!("ld %f{n}, {}(%r15)", fpr_slot(n))));
        after.extend([
            format!("lmg %r6, %r15, {}(%r15)", FRAME + 48),
            "br %r14".into(),
        ]);
        let text = format!("{}\n{body}{}", before.join("\n"), after.join("\n"));
        crate::asm::function_text(name, &text)
    }
}

/// Where the wrapper keeps callee-saved `%f{n}` (8 ≤ n < 16).
fn fpr_slot(n: i32) -> i32 {
    FPR_SAVE + 8 * (n - 8)
}

/// A load or store of `op`'s register at its block slot, of the operand's
/// width (integers zero-extended on load).
fn mov(op: &RegOperand, load: bool, base: &str) -> String {
    let (insn, reg) = match (op.reg, load, op.size) {
        (Reg::Gpr(n), true, 1) => ("llgc", format!("%r{n}")),
        (Reg::Gpr(n), true, 2) => ("llgh", format!("%r{n}")),
        (Reg::Gpr(n), true, 4) => ("llgf", format!("%r{n}")),
        (Reg::Gpr(n), true, _) => ("lg", format!("%r{n}")),
        (Reg::Gpr(n), false, 1) => ("stc", format!("%r{n}")),
        (Reg::Gpr(n), false, 2) => ("sth", format!("%r{n}")),
        (Reg::Gpr(n), false, 4) => ("st", format!("%r{n}")),
        (Reg::Gpr(n), false, _) => ("stg", format!("%r{n}")),
        (Reg::Vec(n, F), true, 4) => ("le", format!("%f{n}")),
        (Reg::Vec(n, F), true, _) => ("ld", format!("%f{n}")),
        (Reg::Vec(n, F), false, 4) => ("ste", format!("%f{n}")),
        (Reg::Vec(n, F), false, _) => ("std", format!("%f{n}")),
        (Reg::Vec(n, _), true, _) => ("vl", format!("%v{n}")),
        (Reg::Vec(n, _), false, _) => ("vst", format!("%v{n}")),
    };
    format!("{insn} {reg}, {}({base})", op.slot)
}

#[cfg(test)]
mod tests {
    use super::super::SLOT;
    use super::*;

    #[test]
    fn wrapper_moves_values_by_width_and_restores_its_frame() {
        let regs = [
            RegOperand {
                reg: Reg::Gpr(2),
                class: None,
                slot: 0,
                size: 8,
                input: true,
                output: true,
            },
            RegOperand {
                reg: Reg::Gpr(3),
                class: None,
                slot: SLOT,
                size: 4,
                input: true,
                output: false,
            },
        ];
        let ops: Vec<&RegOperand> = regs.iter().collect();
        let text = S390x.wrapper("w", &ops, "BODY\n");
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let body = lines.iter().position(|l| *l == "BODY").expect("body");
        assert_eq!(lines[body - 2], format!("llgf %r3, {SLOT}(%r2)"));
        assert_eq!(lines[body - 1], "lg %r2, 0(%r2)");
        // r2 is an output, so the block address comes back into r1.
        assert_eq!(lines[body + 1], format!("lg %r1, {BLOCK_ADDR_SLOT}(%r15)"));
        assert_eq!(lines[body + 2], "stg %r2, 0(%r1)");
        assert!(lines.contains(&format!("lmg %r6, %r15, {}(%r15)", FRAME + 48).as_str()));
    }

    #[test]
    fn float_registers_overlap_vector_registers() {
        let f3 = S390x.explicit(InlineAsmReg::S390x(
            rustc_target::asm::S390xInlineAsmReg::f3,
        ));
        assert_eq!(f3, Some(Reg::Vec(3, F)));
        assert!(Reg::Vec(3, F).overlaps(Reg::Vec(3, V)));
        let name = |reg| S390x.reg_name(reg, None, None);
        assert_eq!(name(Reg::Gpr(0)).as_deref(), Some("%r0"));
        assert_eq!(name(Reg::Vec(3, F)).as_deref(), Some("%f3"));
        assert_eq!(name(Reg::Vec(19, V)).as_deref(), Some("%v19"));
    }
}
