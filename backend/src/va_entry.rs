//! The entry stub of a C-variadic definition on riscv64
//! ([`VaListFormat::Riscv64`](crate::target::VaListFormat::Riscv64)).
//!
//! The psABI's `va_list` is one pointer that walks the argument registers
//! a0-a7, saved right below the caller's stack arguments, and then on into
//! those. Right below the caller's stack arguments is where Cranelift's
//! prologue saves the return address and frame pointer, so the function's
//! symbol is this stub instead, and the Cranelift body a local function it
//! calls with every argument register as it came. From the stub's stack
//! pointer up:
//!
//! ```text
//!   0 .. N          a copy of the N bytes of fixed stack arguments, where
//!                   the body's incoming arguments are
//!   N' .. N'+16     the stub's return address (N' = N rounded up to 16)
//!   N'+16 .. N'+80  a0-a7: the register save area
//!   N'+80 ..        the caller's stack arguments
//! ```
//!
//! The body's frame pointer is 16 below the stub's stack pointer (its
//! prologue saves ra and fp there), so its save area is at
//! [`save_area_offset`] from its frame pointer.

use cranelift_codegen::binemit::Reloc;
use cranelift_module::{FuncId, ModuleReloc, ModuleRelocTarget};
use gimli::write::CallFrameInstruction;

/// The most bytes of fixed stack arguments the stub copies: its loads and
/// stores address them with 12-bit offsets.
pub const MAX_FIXED_STACK: u64 = 960;

/// Bytes from the body's frame pointer to the register save area, for a
/// definition with `fixed_stack` bytes of fixed stack arguments.
pub fn save_area_offset(fixed_stack: u64) -> i64 {
    (16 + fixed_stack.next_multiple_of(16) + 16) as i64
}

/// The stub's code, its relocation (the call of `body`) and its call
/// frame instructions (code offset, instruction), for a definition with
/// `fixed_stack` bytes of fixed stack arguments.
pub struct Stub {
    pub code: Vec<u8>,
    pub relocs: Vec<ModuleReloc>,
    pub frame: Vec<(u32, CallFrameInstruction)>,
}

const RA: u32 = 1;
const SP: u32 = 2;
const T0: u32 = 5;
const A0: u32 = 10;

pub fn stub(body: FuncId, fixed_stack: u64) -> Stub {
    assert!(fixed_stack <= MAX_FIXED_STACK && fixed_stack.is_multiple_of(8));
    let padded = fixed_stack.next_multiple_of(16) as i32;
    let frame_size = padded + 80;
    let mut words = vec![addi(SP, SP, -frame_size), sd(RA, SP, padded)];
    let after_setup = 4 * words.len() as u32;
    words.extend((0..8).map(|i| sd(A0 + i, SP, padded + 16 + 8 * i as i32)));
    for at in (0..fixed_stack as i32).step_by(8) {
        words.push(ld(T0, SP, frame_size + at));
        words.push(sd(T0, SP, at));
    }
    let call_at = 4 * words.len() as u32;
    words.extend([auipc(RA), jalr(RA, RA)]);
    words.push(ld(RA, SP, padded));
    let after_restore = 4 * words.len() as u32;
    words.extend([addi(SP, SP, frame_size), jalr(0, RA)]);
    let ra = gimli::Register(RA as u16);
    Stub {
        code: words.iter().flat_map(|w| w.to_le_bytes()).collect(),
        relocs: vec![ModuleReloc {
            offset: call_at,
            kind: Reloc::RiscvCallPlt,
            name: ModuleRelocTarget::User {
                namespace: 0,
                index: body.as_u32(),
            },
            addend: 0,
        }],
        frame: vec![
            (4, CallFrameInstruction::CfaOffset(frame_size)),
            (
                after_setup,
                CallFrameInstruction::Offset(ra, padded - frame_size),
            ),
            (after_restore, CallFrameInstruction::Restore(ra)),
            (after_restore + 4, CallFrameInstruction::CfaOffset(0)),
        ],
    }
}

// RV64I encodings (The RISC-V Instruction Set Manual, volume I).

fn i_type(opcode: u32, funct3: u32, rd: u32, rs1: u32, imm: i32) -> u32 {
    debug_assert!((-2048..2048).contains(&imm));
    ((imm as u32 & 0xfff) << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | opcode
}

fn addi(rd: u32, rs1: u32, imm: i32) -> u32 {
    i_type(0b001_0011, 0, rd, rs1, imm)
}

fn ld(rd: u32, base: u32, offset: i32) -> u32 {
    i_type(0b000_0011, 0b011, rd, base, offset)
}

fn jalr(rd: u32, rs1: u32) -> u32 {
    i_type(0b110_0111, 0, rd, rs1, 0)
}

fn sd(src: u32, base: u32, offset: i32) -> u32 {
    debug_assert!((-2048..2048).contains(&offset));
    let imm = offset as u32 & 0xfff;
    ((imm >> 5) << 25)
        | (src << 20)
        | (base << 15)
        | (0b011 << 12)
        | ((imm & 0x1f) << 7)
        | 0b010_0011
}

/// `auipc rd, 0`, the first half of a call (`R_RISCV_CALL_PLT`).
fn auipc(rd: u32) -> u32 {
    (rd << 7) | 0b001_0111
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_match_the_assembler() {
        // As GNU as encodes them.
        assert_eq!(addi(SP, SP, -16), 0xff01_0113);
        assert_eq!(sd(RA, SP, 8), 0x0011_3423);
        assert_eq!(ld(RA, SP, 8), 0x0081_3083);
        assert_eq!(sd(A0 + 7, SP, 72), 0x0511_3423);
        assert_eq!(auipc(RA), 0x0000_0097);
        assert_eq!(jalr(RA, RA), 0x0000_80e7);
        assert_eq!(jalr(0, RA), 0x0000_8067);
    }

    #[test]
    fn the_save_area_adjoins_the_stack_arguments() {
        for fixed in [0, 8, 16, 24, MAX_FIXED_STACK] {
            let stub = stub(FuncId::from_u32(0), fixed);
            let padded = fixed.next_multiple_of(16) as i64;
            // The caller's stack pointer, seen from the body's frame pointer.
            let caller_sp = 16 + padded + 80;
            assert_eq!(save_area_offset(fixed) + 64, caller_sp);
            assert_eq!(
                stub.code.len(),
                4 * (2 + 8 + 2 * fixed as usize / 8 + 2 + 3)
            );
        }
    }
}
