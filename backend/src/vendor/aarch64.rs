//! The assembly function of an aarch64 vendor intrinsic (AAPCS64).
//!
//! Register assignment (the generator, `tools/vendor-intrinsics/
//! gen_aarch64.py`, checks its templates against the same one): the
//! parameters arrive in x0-x7, the result's address first when the result
//! is a vector. The prologue loads vector operand N into vN+1 (`ldr q`, or
//! `ldr d` for a 64-bit vector); general operands stay in their argument
//! register (`w` up to 32 bits, else `x`, pointers in `x`); float scalar
//! operand N arrives in the next float argument register and is moved to
//! hN+1/sN+1/dN+1 (a float result is left in h0/s0/d0). The template
//! leaves a vector result in v0 (a tuple of vectors in v0 and up) and a
//! general one in w0/x0; the epilogue stores a vector result. Only v0-v7
//! and v16-v31 are used, which the caller saves.

use std::fmt::Write;

use super::{Intrinsic, Operand, Output};

/// The architecture the GNU assembler is told before each function, so that
/// it accepts every extension an intrinsic's `target_feature` may enable
/// (CRC32, AES, SHA-2/3, ...; it only widens what assembles, not how). The
/// generator assembles its templates with the same `-march`.
const ARCH: &str = "armv8.8-a+crc+aes+sha2+sha3+sm4+fp16+rdm+dotprod+i8mm+bf16";

/// The name of argument register `n` at the width of `op`.
fn gpr(op: Operand, n: usize) -> String {
    match op {
        Operand::G64 | Operand::Ptr => format!("x{n}"),
        _ => format!("w{n}"),
    }
}

/// `q` or `d`: the scalar name of a vector register of `op`'s width.
fn vector_width(op: Operand) -> &'static str {
    match op {
        Operand::V64 => "d",
        Operand::V128 => "q",
        _ => unreachable!("aarch64 vectors are 64 or 128 bits, not {op:?}"),
    }
}

/// `h`, `s` or `d`: the scalar name of a float register of `op`'s width.
fn float_width(op: Operand) -> &'static str {
    match op {
        Operand::F16 => "h",
        Operand::F32 => "s",
        _ => "d",
    }
}

/// The moves of the float scalar operands from their argument registers
/// (v0 and up, in order) to vN+1 for operand N. Operand N's argument
/// register is at most vN, so moving the last one first overwrites none
/// that is still to be moved; the vector operands are loaded after.
fn float_moves(operands: &[Operand]) -> String {
    let floats: Vec<_> = (operands.iter().enumerate())
        .filter(|(_, op)| matches!(op, Operand::F16 | Operand::F32 | Operand::F64))
        .collect();
    let mut moves = String::new();
    for (argument, &(n, &op)) in floats.iter().enumerate().rev() {
        let w = float_width(op);
        writeln!(moves, " fmov {w}{}, {w}{argument}", n + 1).unwrap();
    }
    moves
}

/// The assembly text defining `symbol` as `intrinsic` with `immediates`.
pub fn function(symbol: &str, intrinsic: &Intrinsic, immediates: &[i64]) -> String {
    let mut next = usize::from(intrinsic.vector_result());
    let mut prologue = float_moves(intrinsic.operands);
    let mut names = Vec::new();
    let mut immediates = immediates.iter();
    for (n, &op) in intrinsic.operands.iter().enumerate() {
        let name = match op {
            Operand::Imm => immediates.next().expect("an immediate per Imm").to_string(),
            Operand::F16 | Operand::F32 | Operand::F64 => format!("{}{}", float_width(op), n + 1),
            Operand::V64 | Operand::V128 => {
                writeln!(prologue, " ldr {}{}, [x{next}]", vector_width(op), n + 1).unwrap();
                next += 1;
                format!("v{}", n + 1)
            }
            _ => {
                next += 1;
                gpr(op, next - 1)
            }
        };
        names.push(name);
    }
    let mut epilogue = String::new();
    let result = match intrinsic.output {
        Output::None => String::new(),
        Output::One(Operand::Vectors { bits, count }) => {
            let (width, one) = if bits == 64 { ("d", 8) } else { ("q", 16) };
            for n in 0..count {
                writeln!(epilogue, " str {width}{n}, [x0, #{}]", one * u32::from(n)).unwrap();
            }
            "v0".to_owned()
        }
        Output::One(op) if op.is_vector() => {
            writeln!(epilogue, " str {}0, [x0]", vector_width(op)).unwrap();
            "v0".to_owned()
        }
        Output::One(op @ (Operand::F16 | Operand::F32 | Operand::F64)) => {
            format!("{}0", float_width(op))
        }
        Output::One(op) | Output::Pair(op, _) => gpr(op, 0),
    };
    let body = expand(intrinsic.asm, &result, &names);
    let function = crate::asm::function_text(symbol, &format!("{prologue}{body}\n{epilogue} ret"));
    format!(".arch {ARCH}\n{function}")
}

/// The template with its placeholders replaced.
fn expand(template: &str, result: &str, operands: &[String]) -> String {
    let mut out = String::from(" ");
    let mut chars = template.chars();
    while let Some(c) = chars.next() {
        match c {
            '$' => match chars.next() {
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
    fn vector_operation() {
        let umaxp = Intrinsic {
            name: "llvm.aarch64.neon.umaxp.v8i8",
            operands: &[Operand::V64, Operand::V64],
            output: Output::One(Operand::V64),
            asm: "umaxp $r.8b, $0.8b, $1.8b",
        };
        let text = function("f", &umaxp, &[]);
        assert!(
            text.contains(
                " ldr d1, [x1]\n ldr d2, [x2]\n umaxp v0.8b, v1.8b, v2.8b\n str d0, [x0]\n ret"
            ),
            "{text}"
        );
    }

    #[test]
    fn tuple_result_and_pointer() {
        let ld2lane = Intrinsic {
            name: "llvm.aarch64.neon.ld2lane.v4i16.p0",
            operands: &[Operand::V64, Operand::V64, Operand::Imm, Operand::Ptr],
            output: Output::One(Operand::Vectors { bits: 64, count: 2 }),
            asm: "mov v0.16b, v1.16b\nmov v1.16b, v2.16b\nld2 {v0.h, v1.h}[$2], [$3]",
        };
        let text = function("f", &ld2lane, &[3]);
        assert!(
            text.contains(
                " ldr d1, [x1]\n ldr d2, [x2]\n mov v0.16b, v1.16b\n mov v1.16b, v2.16b\n \
                 ld2 {v0.h, v1.h}[3], [x3]\n str d0, [x0, #0]\n str d1, [x0, #8]\n ret"
            ),
            "{text}"
        );
    }

    #[test]
    fn float_scalars() {
        let fixed = Intrinsic {
            name: "llvm.aarch64.neon.vcvtfp2fxs.i32.f32",
            operands: &[Operand::F32, Operand::Imm],
            output: Output::One(Operand::G32),
            asm: "fcvtzs $r, $0, #$1",
        };
        assert!(function("f", &fixed, &[4]).contains(" fmov s1, s0\n fcvtzs w0, s1, #4\n ret"));
        let frecps = Intrinsic {
            name: "llvm.aarch64.neon.frecps.f64",
            operands: &[Operand::F64, Operand::F64],
            output: Output::One(Operand::F64),
            asm: "frecps $r, $0, $1",
        };
        let text = function("f", &frecps, &[]);
        assert!(
            text.contains(" fmov d2, d1\n fmov d1, d0\n frecps d0, d1, d2\n ret"),
            "{text}"
        );
    }

    #[test]
    fn general_registers_and_immediates() {
        let crc = Intrinsic {
            name: "llvm.aarch64.crc32x",
            operands: &[Operand::G32, Operand::G64],
            output: Output::One(Operand::G32),
            asm: "crc32x $r, $0, $1",
        };
        assert!(function("f", &crc, &[]).contains(" crc32x w0, w0, x1\n ret"));
        let isb = Intrinsic {
            name: "llvm.aarch64.isb",
            operands: &[Operand::Imm],
            output: Output::None,
            asm: "isb #$0",
        };
        assert!(function("f", &isb, &[15]).contains("f:\n isb #15\n ret"));
    }
}
