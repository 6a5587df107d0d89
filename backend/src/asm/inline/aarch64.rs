//! The `asm!` wrapper on aarch64 (AAPCS64): general-purpose (`x`/`w`) and
//! vector (`v`, and its `b`/`h`/`s`/`d`/`q` views) operands.

use rustc_target::asm::{AArch64InlineAsmRegClass, InlineAsmReg, InlineAsmRegClass};

use super::{AsmArch, Reg, RegOperand};

pub struct Aarch64;

/// Registers handed out to `reg` operands, caller-saved ones first. x18
/// (the platform register), x19 and x29 (reserved by Rust's asm rules) and
/// x30 (the link register, which only explicit operands name) are left out.
const REG_POOL: [u8; 27] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 20, 21, 22, 23, 24, 25, 26, 27,
    28,
];
/// The register the block address arrives in (x0).
const BLOCK_REG: Reg = Reg::Gpr(0);
/// Offset from the frame pointer where the wrapper keeps the block address,
/// below the saved x19-x28 (80 bytes) and d8-d15 (64 bytes).
const BLOCK_ADDR_SLOT: i32 = -152;
/// The frame below the frame record: saved registers and the block address,
/// rounded up to 16.
const FRAME: i32 = 160;
/// The callee-saved pairs and where they go, from the frame pointer.
const SAVED: [(&str, &str, i32); 9] = [
    ("x19", "x20", -16),
    ("x21", "x22", -32),
    ("x23", "x24", -48),
    ("x25", "x26", -64),
    ("x27", "x28", -80),
    ("d8", "d9", -96),
    ("d10", "d11", -112),
    ("d12", "d13", -128),
    ("d14", "d15", -144),
];
// The block address slot lies inside the frame, below the saves, and the
// frame keeps sp 16-aligned.
const _: () = assert!(-BLOCK_ADDR_SLOT <= FRAME && BLOCK_ADDR_SLOT < SAVED[8].2 && FRAME % 16 == 0);
/// The width of a vector register.
const V: u8 = 16;

impl AsmArch for Aarch64 {
    fn explicit(&self, reg: InlineAsmReg) -> Option<Reg> {
        let InlineAsmReg::AArch64(reg) = reg else {
            return None;
        };
        if let Some(n) = reg.reg_index() {
            return Some(Reg::Gpr(n as u8));
        }
        reg.vreg_index().map(|n| Reg::Vec(n as u8, V))
    }

    fn candidates(&self, class: InlineAsmRegClass) -> Option<Vec<Reg>> {
        let InlineAsmRegClass::AArch64(class) = class else {
            return None;
        };
        Some(match class {
            AArch64InlineAsmRegClass::reg => REG_POOL.iter().map(|&n| Reg::Gpr(n)).collect(),
            AArch64InlineAsmRegClass::vreg => (0..32).map(|n| Reg::Vec(n, V)).collect(),
            AArch64InlineAsmRegClass::vreg_low16 => (0..16).map(|n| Reg::Vec(n, V)).collect(),
            AArch64InlineAsmRegClass::preg => return None,
        })
    }

    fn reg_name(
        &self,
        reg: Reg,
        _class: Option<InlineAsmRegClass>,
        modifier: Option<char>,
    ) -> Option<String> {
        Some(match (reg, modifier) {
            (Reg::Gpr(n), None | Some('x')) => format!("x{n}"),
            (Reg::Gpr(n), Some('w')) => format!("w{n}"),
            (Reg::Vec(n, _), None) => format!("v{n}"),
            (Reg::Vec(n, _), Some(view @ ('b' | 'h' | 's' | 'd' | 'q' | 'v'))) => {
                format!("{view}{n}")
            }
            _ => return None,
        })
    }

    fn wrapper(&self, name: &str, ops: &[&RegOperand], body: &str) -> String {
        let mut before = vec![
            "stp x29, x30, [sp, #-16]!".to_string(),
            "mov x29, sp".into(),
            format!("sub sp, sp, #{FRAME}"),
        ];
        before.extend(SAVED.map(|(a, b, at)| format!("stp {a}, {b}, [x29, #{at}]")));
        before.push(format!("str x0, [x29, #{BLOCK_ADDR_SLOT}]"));
        for op in super::inputs_block_register_last(ops, BLOCK_REG) {
            before.push(mov(op.reg, "ldr", "x0", op.slot));
        }
        let (outputs, scratch) = super::outputs_and_block_base(ops, REG_POOL);
        let base = format!("x{scratch}");
        let mut after = vec![format!("ldr {base}, [x29, #{BLOCK_ADDR_SLOT}]")];
        for op in outputs {
            after.push(mov(op.reg, "str", &base, op.slot));
        }
        after.extend(SAVED.map(|(a, b, at)| format!("ldp {a}, {b}, [x29, #{at}]")));
        after.extend([
            "mov sp, x29".into(),
            "ldp x29, x30, [sp], #16".into(),
            "ret".into(),
        ]);
        let text = format!("{}\n{body}{}", before.join("\n"), after.join("\n"));
        crate::asm::function_text(name, &text)
    }
}

/// `ldr`/`str` of `reg`'s whole width at the block slot `base + offset`.
fn mov(reg: Reg, op: &str, base: &str, offset: u64) -> String {
    let name = match reg {
        Reg::Gpr(n) => format!("x{n}"),
        Reg::Vec(n, _) => format!("q{n}"),
    };
    format!("{op} {name}, [{base}, #{offset}]")
}

#[cfg(test)]
mod tests {
    use rustc_target::asm::AArch64InlineAsmReg;

    use super::super::SLOT;
    use super::*;

    #[test]
    fn explicit_registers_and_views() {
        use AArch64InlineAsmReg::*;
        let explicit = |reg| Aarch64.explicit(InlineAsmReg::AArch64(reg));
        assert_eq!(explicit(x0), Some(Reg::Gpr(0)));
        assert_eq!(explicit(x20), Some(Reg::Gpr(20)));
        assert_eq!(explicit(x30), Some(Reg::Gpr(30)));
        assert_eq!(explicit(v31), Some(Reg::Vec(31, V)));
        assert_eq!(explicit(p0), None);
        let name = |reg, modifier| Aarch64.reg_name(reg, None, modifier);
        assert_eq!(name(Reg::Gpr(3), None).as_deref(), Some("x3"));
        assert_eq!(name(Reg::Gpr(3), Some('w')).as_deref(), Some("w3"));
        assert_eq!(name(Reg::Vec(2, V), None).as_deref(), Some("v2"));
        assert_eq!(name(Reg::Vec(2, V), Some('d')).as_deref(), Some("d2"));
        assert_eq!(name(Reg::Vec(2, V), Some('h')).as_deref(), Some("h2"));
        assert_eq!(name(Reg::Gpr(3), Some('d')), None);
    }

    #[test]
    fn wrapper_saves_what_it_restores_and_x0_loads_last() {
        let regs = [
            RegOperand {
                reg: Reg::Gpr(0),
                class: None,
                slot: 0,
                size: 8,
                input: true,
                output: true,
            },
            RegOperand {
                reg: Reg::Vec(1, V),
                class: None,
                slot: SLOT,
                size: 8,
                input: true,
                output: false,
            },
        ];
        let ops: Vec<&RegOperand> = regs.iter().collect();
        let text = Aarch64.wrapper("w", &ops, "BODY\n");
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let body = lines.iter().position(|l| *l == "BODY").expect("body");
        assert_eq!(lines[body - 2], format!("ldr q1, [x0, #{SLOT}]"));
        assert_eq!(lines[body - 1], "ldr x0, [x0, #0]");
        // x0 is an output, so the block address comes back into x1.
        assert_eq!(
            lines[body + 1],
            format!("ldr x1, [x29, #{BLOCK_ADDR_SLOT}]")
        );
        assert_eq!(lines[body + 2], "str x0, [x1, #0]");
        let saved: Vec<&str> = lines
            .iter()
            .filter_map(|l| l.strip_prefix("stp "))
            .collect();
        let restored: Vec<&str> = lines
            .iter()
            .filter_map(|l| l.strip_prefix("ldp "))
            .collect();
        // The frame record is pushed first and popped last.
        assert_eq!(saved.len(), SAVED.len() + 1);
        assert_eq!(restored.len(), saved.len());
        assert_eq!(saved[1..], restored[..SAVED.len()]);
    }
}
