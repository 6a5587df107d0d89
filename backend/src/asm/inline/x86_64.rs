//! The `asm!` wrapper on x86_64 (System V): Intel syntax; general-purpose,
//! xmm and ymm operands.

use std::fmt::Write as _;

use rustc_target::asm::{InlineAsmReg, InlineAsmRegClass, X86InlineAsmRegClass};

use super::{AsmArch, Reg, RegOperand};

pub struct X86_64;

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
/// The register the block address arrives in (rdi).
const BLOCK_REG: Reg = Reg::Gpr(7);
/// Widths of the vector register names.
const XMM: u8 = 16;
const YMM: u8 = 32;

impl AsmArch for X86_64 {
    fn explicit(&self, reg: InlineAsmReg) -> Option<Reg> {
        let InlineAsmReg::X86(reg) = reg else {
            return None;
        };
        let name = reg.name();
        if let Some(n) = name.strip_prefix("xmm") {
            return n.parse().ok().map(|n| Reg::Vec(n, XMM));
        }
        if let Some(n) = name.strip_prefix("ymm") {
            return n.parse().ok().map(|n| Reg::Vec(n, YMM));
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

    fn candidates(&self, class: InlineAsmRegClass) -> Option<Vec<Reg>> {
        let InlineAsmRegClass::X86(class) = class else {
            return None;
        };
        Some(match class {
            X86InlineAsmRegClass::reg | X86InlineAsmRegClass::reg_byte => {
                REG_POOL.iter().map(|&n| Reg::Gpr(n)).collect()
            }
            X86InlineAsmRegClass::reg_abcd => ABCD_POOL.iter().map(|&n| Reg::Gpr(n)).collect(),
            X86InlineAsmRegClass::xmm_reg => (0..16).map(|n| Reg::Vec(n, XMM)).collect(),
            X86InlineAsmRegClass::ymm_reg => (0..16).map(|n| Reg::Vec(n, YMM)).collect(),
            _ => return None,
        })
    }

    fn reg_name(
        &self,
        reg: Reg,
        class: Option<InlineAsmRegClass>,
        modifier: Option<char>,
    ) -> Option<String> {
        Some(match reg {
            Reg::Gpr(n) => {
                let n = n as usize;
                let byte = class == Some(InlineAsmRegClass::X86(X86InlineAsmRegClass::reg_byte));
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
            Reg::Vec(n, width) => match (modifier, width) {
                (None, XMM) | (Some('x'), _) => format!("xmm{n}"),
                (None, _) | (Some('y'), _) => format!("ymm{n}"),
                (Some('z'), _) => format!("zmm{n}"),
                (Some(_), _) => return None,
            },
        })
    }

    fn wrapper(&self, name: &str, ops: &[&RegOperand], body: &str) -> String {
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
        for op in super::inputs_block_register_last(ops, BLOCK_REG) {
            let _ = writeln!(s, "    {}", mov(op.reg, false, "rdi", op.slot));
        }
        s.push_str(body);
        let pool = [0u8, 1, 2, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 3];
        let (outputs, scratch) = super::outputs_and_block_base(ops, pool);
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
}

/// A move between `reg` and the block slot at `base + offset`.
fn mov(reg: Reg, store: bool, base: &str, offset: u64) -> String {
    let (op, width, name) = match reg {
        Reg::Gpr(n) => ("mov", "qword", GPR64[n as usize].to_string()),
        Reg::Vec(n, XMM) => ("movups", "xmmword", format!("xmm{n}")),
        Reg::Vec(n, _) => ("vmovdqu", "ymmword", format!("ymm{n}")),
    };
    let mem = format!("{width} ptr [{base} + {offset}]");
    if store {
        format!("{op} {mem}, {name}")
    } else {
        format!("{op} {name}, {mem}")
    }
}

#[cfg(test)]
mod tests {
    use rustc_target::asm::X86InlineAsmReg;

    use super::super::SLOT;
    use super::*;

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
                X86_64.explicit(InlineAsmReg::X86(reg)),
                Some(Reg::Gpr(n)),
                "{reg:?}"
            );
            let n = usize::from(n);
            assert!([GPR16[n], GPR64[n]].contains(&reg.name()), "{reg:?}");
        }
        let explicit = |reg| X86_64.explicit(InlineAsmReg::X86(reg));
        assert_eq!(explicit(xmm0), Some(Reg::Vec(0, XMM)));
        assert_eq!(explicit(xmm15), Some(Reg::Vec(15, XMM)));
        assert_eq!(explicit(ymm3), Some(Reg::Vec(3, YMM)));
        // Byte and AVX-512 registers are not handled: the block is refused.
        for reg in [al, ah, sil, r8b, zmm0, k1] {
            assert_eq!(explicit(reg), None, "{reg:?}");
        }
    }

    #[test]
    fn template_modifiers_name_the_register_width() {
        let name = |reg, class, modifier| X86_64.reg_name(reg, class, modifier);
        assert_eq!(name(Reg::Gpr(0), None, None).as_deref(), Some("rax"));
        assert_eq!(name(Reg::Gpr(0), None, Some('e')).as_deref(), Some("eax"));
        assert_eq!(name(Reg::Gpr(0), None, Some('x')).as_deref(), Some("ax"));
        assert_eq!(name(Reg::Gpr(0), None, Some('l')).as_deref(), Some("al"));
        assert_eq!(name(Reg::Gpr(0), None, Some('h')).as_deref(), Some("ah"));
        assert_eq!(name(Reg::Gpr(8), None, Some('e')).as_deref(), Some("r8d"));
        assert_eq!(name(Reg::Gpr(8), None, Some('h')), None);
        let byte = Some(InlineAsmRegClass::X86(X86InlineAsmRegClass::reg_byte));
        assert_eq!(name(Reg::Gpr(6), byte, None).as_deref(), Some("sil"));
        let (xmm3, ymm2) = (Reg::Vec(3, XMM), Reg::Vec(2, YMM));
        assert_eq!(name(xmm3, None, None).as_deref(), Some("xmm3"));
        assert_eq!(name(xmm3, None, Some('y')).as_deref(), Some("ymm3"));
        assert_eq!(name(xmm3, None, Some('e')), None);
        assert_eq!(name(ymm2, None, None).as_deref(), Some("ymm2"));
        assert_eq!(name(ymm2, None, Some('x')).as_deref(), Some("xmm2"));
        assert!(ymm2.overlaps(Reg::Vec(2, XMM)) && !ymm2.overlaps(xmm3));
    }

    #[test]
    fn wrapper_frame_is_balanced_and_rdi_loads_last() {
        let regs = [
            RegOperand {
                reg: Reg::Gpr(7),
                class: None,
                slot: 0,
                size: 8,
                input: true,
                output: false,
            },
            RegOperand {
                reg: Reg::Gpr(0),
                class: Some(InlineAsmRegClass::X86(X86InlineAsmRegClass::reg)),
                slot: SLOT,
                size: 8,
                input: true,
                output: true,
            },
        ];
        let ops: Vec<&RegOperand> = regs.iter().collect();
        let text = X86_64.wrapper("w", &ops, "BODY\n");
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
