//@ only-arch: x86_64 -- x86_64 assembly
// Inline assembly (`asm!`): register classes with modifiers, explicit
// registers, xmm registers, AT&T syntax, `const` and `sym` operands, and
// `global_asm!` / naked functions, each compared with the LLVM build.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

global_asm!(
    ".globl clif_test_triple",
    "clif_test_triple:",
    "lea rax, [rdi + rdi*2]",
    "ret",
);

extern "C" {
    fn clif_test_triple(x: u64) -> u64;
}

#[unsafe(naked)]
extern "C" fn naked_add(a: u64, b: u64) -> u64 {
    naked_asm!("lea rax, [rdi + rsi]", "ret")
}

extern "C" fn seven() -> u64 {
    7
}

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

#[inline(never)]
fn att_shift(x: u64) -> u64 {
    let r: u64;
    unsafe {
        asm!("movq {1}, {0}", "shlq $3, {0}", out(reg) r, in(reg) x, options(att_syntax));
    }
    r
}

#[inline(never)]
fn wide_mul(a: u64, b: u64) -> (u64, u64) {
    let lo: u64;
    let hi: u64;
    unsafe {
        asm!("mul rdx", inout("rax") a => lo, inout("rdx") b => hi);
    }
    (lo, hi)
}

#[inline(never)]
fn add_f64(a: f64, b: f64) -> f64 {
    let mut x = a;
    unsafe {
        asm!("addsd {0}, {1}", inout(xmm_reg) x, in(xmm_reg) b);
    }
    x
}

#[inline(never)]
fn const_and_sym() -> u64 {
    let k: u64;
    let s: u64;
    unsafe {
        asm!("mov {0}, {k}", out(reg) k, k = const 6 * 7);
        asm!("call {f}", f = sym seven, out("rax") s, clobber_abi("C"));
    }
    k + s
}

fn main() {
    unsafe {
        libc::printf(c"add_asm(40, 2) = %llu\n".as_ptr(), add_asm(40, 2));
        libc::printf(c"rotate_asm(0x12345678) = %#x\n".as_ptr(), rotate_asm(0x12345678));
        libc::printf(c"att_shift(5) = %llu\n".as_ptr(), att_shift(5));
        let (lo, hi) = wide_mul(0xffff_ffff_ffff_ffff, 3);
        libc::printf(c"wide_mul = %llu %llu\n".as_ptr(), lo, hi);
        libc::printf(c"add_f64 = %f\n".as_ptr(), add_f64(1.5, 2.25));
        libc::printf(c"const_and_sym = %llu\n".as_ptr(), const_and_sym());
        libc::printf(c"global_asm triple(14) = %llu\n".as_ptr(), clif_test_triple(14));
        libc::printf(c"naked_add(20, 22) = %llu\n".as_ptr(), naked_add(20, 22));
    }
}
