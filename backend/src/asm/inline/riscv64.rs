//! The `asm!` wrapper on riscv64 (LP64D): integer (`reg`) and float
//! (`freg`) operands. Floats move with the instruction of their width, so
//! an `f32` arrives NaN-boxed as the F extension requires.

use rustc_target::asm::{InlineAsmReg, InlineAsmRegClass, RiscVInlineAsmRegClass};

use super::{AsmArch, Reg, RegOperand};

pub struct Riscv64;

/// Registers handed out to `reg` operands, caller-saved ones first; x0-x4
/// (zero, ra, sp, gp, tp), x8 (the frame pointer) and x9 (reserved by
/// Rust's asm rules) are left out.
const REG_POOL: [u8; 25] = [
    10, 11, 12, 13, 14, 15, 16, 17, 5, 6, 7, 28, 29, 30, 31, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
];
/// `freg` operands, caller-saved ones first.
const FREG_POOL: [u8; 32] = [
    10, 11, 12, 13, 14, 15, 16, 17, 0, 1, 2, 3, 4, 5, 6, 7, 28, 29, 30, 31, 8, 9, 18, 19, 20, 21,
    22, 23, 24, 25, 26, 27,
];
/// The register the block address arrives in (a0).
const BLOCK_REG: Reg = Reg::Gpr(10);
/// The frame: ra and the frame pointer, the callee-saved x9 and x18-x27,
/// fs0-fs11, and the block address, from the top down (16-aligned).
const FRAME: i32 = 208;
const BLOCK_ADDR_SLOT: i32 = -208;
// The block address slot lies in the frame, which keeps sp 16-aligned.
const _: () = assert!(-BLOCK_ADDR_SLOT <= FRAME && FRAME % 16 == 0);
/// Width of a float register.
const F: u8 = 8;

/// The callee-saved registers the wrapper keeps below ra and fp, with
/// their offsets from the frame pointer and whether they are float ones.
fn saved() -> impl Iterator<Item = (String, i32, bool)> {
    let gprs = [9u8, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27]
        .into_iter()
        .map(|n| (format!("x{n}"), false));
    let fprs = [8u8, 9, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27]
        .into_iter()
        .map(|n| (format!("f{n}"), true));
    gprs.chain(fprs)
        .enumerate()
        .map(|(i, (reg, float))| (reg, -24 - 8 * i as i32, float))
}

impl AsmArch for Riscv64 {
    fn explicit(&self, reg: InlineAsmReg) -> Option<Reg> {
        let InlineAsmReg::RiscV(reg) = reg else {
            return None;
        };
        let name = reg.name();
        if let Some(n) = name.strip_prefix('x') {
            return n.parse().ok().map(Reg::Gpr);
        }
        let n = name.strip_prefix('f')?.parse().ok()?;
        Some(Reg::Vec(n, F))
    }

    fn candidates(&self, class: InlineAsmRegClass) -> Option<Vec<Reg>> {
        Some(match class {
            InlineAsmRegClass::RiscV(RiscVInlineAsmRegClass::reg) => {
                REG_POOL.iter().map(|&n| Reg::Gpr(n)).collect()
            }
            InlineAsmRegClass::RiscV(RiscVInlineAsmRegClass::freg) => {
                FREG_POOL.iter().map(|&n| Reg::Vec(n, F)).collect()
            }
            _ => return None,
        })
    }

    fn reg_name(
        &self,
        reg: Reg,
        _class: Option<InlineAsmRegClass>,
        modifier: Option<char>,
    ) -> Option<String> {
        match (reg, modifier) {
            (Reg::Gpr(n), None) => Some(format!("x{n}")),
            (Reg::Vec(n, _), None) => Some(format!("f{n}")),
            _ => None,
        }
    }

    fn wrapper(&self, name: &str, ops: &[&RegOperand], body: &str) -> String {
        let mut before = vec![
            format!("addi sp, sp, -{FRAME}"),
            format!("sd x1, {}(sp)", FRAME - 8),
            format!("sd x8, {}(sp)", FRAME - 16),
            format!("addi x8, sp, {FRAME}"),
        ];
        before.extend(saved().map(|(reg, at, float)| {
            format!("{} {reg}, {at}(x8)", if float { "fsd" } else { "sd" })
        }));
        before.push(format!("sd x10, {BLOCK_ADDR_SLOT}(x8)"));
        for op in super::inputs_block_register_last(ops, BLOCK_REG) {
            before.push(mov(op, true, "x10"));
        }
        let (outputs, scratch) = super::outputs_and_block_base(ops, REG_POOL);
        let base = format!("x{scratch}");
        let mut after = vec![format!("ld {base}, {BLOCK_ADDR_SLOT}(x8)")];
        for op in outputs {
            after.push(mov(op, false, &base));
        }
        after.extend(saved().map(|(reg, at, float)| {
            format!("{} {reg}, {at}(x8)", if float { "fld" } else { "ld" })
        }));
        after.extend([
            format!("addi sp, x8, -{FRAME}"),
            format!("ld x1, {}(sp)", FRAME - 8),
            format!("ld x8, {}(sp)", FRAME - 16),
            format!("addi sp, sp, {FRAME}"),
            "ret".into(),
        ]);
        let text = format!("{}\n{body}{}", before.join("\n"), after.join("\n"));
        crate::asm::function_text(name, &text)
    }
}

/// A load or store of `op`'s register at its block slot: a whole integer
/// register, or a float of the operand's width.
fn mov(op: &RegOperand, load: bool, base: &str) -> String {
    let single = op.size == 4;
    let (insn, reg) = match op.reg {
        Reg::Gpr(n) => (if load { "ld" } else { "sd" }, format!("x{n}")),
        Reg::Vec(n, _) => {
            let insn = match (load, single) {
                (true, true) => "flw",
                (true, false) => "fld",
                (false, true) => "fsw",
                (false, false) => "fsd",
            };
            (insn, format!("f{n}"))
        }
    };
    format!("{insn} {reg}, {}({base})", op.slot)
}

#[cfg(test)]
mod tests {
    use super::super::SLOT;
    use super::*;

    #[test]
    fn wrapper_keeps_its_frame_and_moves_floats_by_width() {
        let regs = [
            RegOperand {
                reg: Reg::Gpr(10),
                class: None,
                slot: 0,
                size: 8,
                input: true,
                output: true,
            },
            RegOperand {
                reg: Reg::Vec(11, F),
                class: None,
                slot: SLOT,
                size: 4,
                input: true,
                output: true,
            },
        ];
        let ops: Vec<&RegOperand> = regs.iter().collect();
        let text = Riscv64.wrapper("w", &ops, "BODY\n");
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let body = lines.iter().position(|l| *l == "BODY").expect("body");
        assert_eq!(lines[body - 2], format!("flw f11, {SLOT}(x10)"));
        assert_eq!(lines[body - 1], "ld x10, 0(x10)");
        assert_eq!(lines[body + 1], format!("ld x11, {BLOCK_ADDR_SLOT}(x8)"));
        assert_eq!(lines[body + 2], "sd x10, 0(x11)");
        assert_eq!(lines[body + 3], format!("fsw f11, {SLOT}(x11)"));
        // Every callee-saved register is stored and loaded back at one
        // offset, inside the frame and above the block address.
        for (reg, at, _) in saved() {
            let save = lines
                .iter()
                .filter(|l| l.ends_with(&format!(" {reg}, {at}(x8)")));
            assert_eq!(save.count(), 2, "{reg}");
            assert!(at > BLOCK_ADDR_SLOT, "{reg}");
        }
    }
}
