//@ expect-clif-error: inline assembly
// Inline assembly (`asm!`, declared as a builtin macro in mini_core). The
// LLVM backend compiles and runs this normally; the Cranelift backend does
// not support inline assembly and must reject the program with a diagnostic
// mentioning "inline assembly" instead of miscompiling it.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

#[inline(never)]
fn add_asm(a: u64, b: u64) -> u64 {
    let mut out = a;
    unsafe {
        asm!("add {0}, {1}", inout(reg) out, in(reg) b, options(pure, nomem, nostack));
    }
    out
}

#[inline(never)]
fn rotate_asm(x: u32) -> u32 {
    let r: u32;
    unsafe {
        asm!("mov {0:e}, {1:e}", "rol {0:e}, 8", out(reg) r, in(reg) x, options(pure, nomem, nostack));
    }
    r
}

fn main() {
    unsafe {
        libc::printf(c"add_asm(40, 2) = %llu\n".as_ptr(), add_asm(40, 2));
        libc::printf(c"rotate_asm(0x12345678) = %#x\n".as_ptr(), rotate_asm(0x12345678));
    }
}
