//! The assembly function of an x86_64 vendor intrinsic (System V).
//!
//! Register assignment (the generator, `tools/vendor-intrinsics/
//! gen_x86_64.py`, checks its templates against the same one): the
//! parameters arrive in rdi, rsi, rdx, rcx, r8, r9, the result's address
//! first when the result is a vector. The prologue loads vector operand N
//! into xmm/ymm/zmm N+1; general operands stay in their argument register.
//! The template leaves a vector result in register 0 and a general one in
//! rax (a pair's second value in rdx); the epilogue stores a vector result.

use std::fmt::Write;

use super::{Intrinsic, Operand, Output};

const ARGUMENT_REGISTERS: [&str; 6] = ["rdi", "rsi", "rdx", "rcx", "r8", "r9"];

/// The name of a general register at a width in bits.
fn gpr(register: &str, bits: u32) -> String {
    let index = match bits {
        8 => 0,
        16 => 1,
        32 => 2,
        _ => 3,
    };
    let names: [&str; 4] = match register {
        "rdi" => ["dil", "di", "edi", "rdi"],
        "rsi" => ["sil", "si", "esi", "rsi"],
        "rdx" => ["dl", "dx", "edx", "rdx"],
        "rcx" => ["cl", "cx", "ecx", "rcx"],
        "r8" => ["r8b", "r8w", "r8d", "r8"],
        "r9" => ["r9b", "r9w", "r9d", "r9"],
        "rax" => ["al", "ax", "eax", "rax"],
        _ => unreachable!("register {register}"),
    };
    names[index].to_string()
}

fn bits(op: Operand) -> u32 {
    match op {
        Operand::G8 => 8,
        Operand::G16 => 16,
        Operand::G32 => 32,
        Operand::G64 | Operand::Ptr => 64,
        Operand::V64 => 64,
        Operand::V128 => 128,
        Operand::V256 => 256,
        Operand::V512 => 512,
        Operand::Vectors { .. } | Operand::F16 | Operand::F32 | Operand::F64 => {
            unreachable!("x86_64 intrinsics take no vector tuples or float scalars")
        }
        Operand::Imm => 0,
    }
}

fn vector_register(op: Operand, n: usize) -> String {
    let prefix = match op {
        Operand::V128 => "xmm",
        Operand::V256 => "ymm",
        _ => "zmm",
    };
    format!("{prefix}{n}")
}

/// Moves between memory and a vector register of `op`'s width.
fn vector_move(op: Operand) -> &'static str {
    match op {
        Operand::V128 => "movdqu",
        Operand::V256 => "vmovdqu",
        _ => "vmovdqu64",
    }
}

/// The assembly text defining `symbol` as `intrinsic` with `immediates`.
pub fn function(symbol: &str, intrinsic: &Intrinsic, immediates: &[i64]) -> String {
    let mut registers = ARGUMENT_REGISTERS.iter();
    let result_address = intrinsic.vector_result().then(|| registers.next().unwrap());
    let mut prologue = String::new();
    let mut names = Vec::new();
    let mut immediates = immediates.iter();
    let mut wide = false;
    for (n, &op) in intrinsic.operands.iter().enumerate() {
        let name = match op {
            Operand::Imm => immediates.next().expect("an immediate per Imm").to_string(),
            Operand::V128 | Operand::V256 | Operand::V512 => {
                let reg = vector_register(op, n + 1);
                let from = registers.next().expect("argument register");
                writeln!(prologue, " {} {reg}, [{from}]", vector_move(op)).unwrap();
                wide |= op != Operand::V128;
                reg
            }
            _ => gpr(registers.next().expect("argument register"), bits(op)),
        };
        names.push(name);
    }
    let mut epilogue = String::new();
    let result = match intrinsic.output {
        Output::None => String::new(),
        Output::One(op) if op.is_vector() => {
            wide |= op != Operand::V128;
            let reg = vector_register(op, 0);
            let to = result_address.unwrap();
            writeln!(epilogue, " {} [{to}], {reg}", vector_move(op)).unwrap();
            reg
        }
        Output::One(op) | Output::Pair(op, _) => gpr("rax", bits(op)),
    };
    if wide {
        epilogue.push_str(" vzeroupper\n");
    }
    let body = expand(intrinsic.asm, &result, &names);
    format!(
        ".intel_syntax noprefix\n.pushsection .text.{symbol},\"ax\",@progbits\n.globl {symbol}\n.hidden {symbol}\n.type {symbol},@function\n{symbol}:\n{prologue}{body}\n{epilogue} ret\n.size {symbol}, . - {symbol}\n.popsection\n.att_syntax\n"
    )
}

/// The template with its placeholders replaced.
fn expand(template: &str, result: &str, operands: &[String]) -> String {
    let mut out = String::from(" ");
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '$' => match chars.next() {
                Some('r') if chars.peek() == Some(&'2') => {
                    chars.next();
                    out.push_str("edx");
                }
                Some('r') => out.push_str(result),
                Some(d) => out.push_str(&operands[d.to_digit(10).expect("operand digit") as usize]),
                None => {}
            },
            '\n' => out.push_str("\n "),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sse_binary_operation() {
        let pshufb = Intrinsic {
            name: "llvm.x86.ssse3.pshuf.b.128",
            operands: &[Operand::V128, Operand::V128],
            output: Output::One(Operand::V128),
            asm: "movdqa $r, $0\npshufb $r, $1",
        };
        let text = function("f", &pshufb, &[]);
        assert!(
            text.contains(" movdqu xmm1, [rsi]\n movdqu xmm2, [rdx]\n"),
            "{text}"
        );
        assert!(
            text.contains(" movdqa xmm0, xmm1\n pshufb xmm0, xmm2\n movdqu [rdi], xmm0\n ret"),
            "{text}"
        );
        assert!(!text.contains("vzeroupper"));
    }

    #[test]
    fn immediates_and_general_registers() {
        let crc = Intrinsic {
            name: "llvm.x86.pclmulqdq.256",
            operands: &[Operand::V256, Operand::V256, Operand::Imm],
            output: Output::One(Operand::V256),
            asm: "vpclmulqdq $r, $0, $1, $2",
        };
        let text = function("f", &crc, &[17]);
        assert!(
            text.contains(" vpclmulqdq ymm0, ymm1, ymm2, 17\n"),
            "{text}"
        );
        assert!(text.contains(" vzeroupper\n ret"), "{text}");
        let pair = Intrinsic {
            name: "llvm.x86.addcarry.32",
            operands: &[Operand::G8, Operand::G32, Operand::G32],
            output: Output::Pair(Operand::G8, Operand::G32),
            asm: "add $0, -1\nadc $1, $2\nsetc al\nmov $r2, $1",
        };
        let text = function("f", &pair, &[]);
        assert!(
            text.contains(" add dil, -1\n adc esi, edx\n setc al\n mov edx, esi\n"),
            "{text}"
        );
    }
}
