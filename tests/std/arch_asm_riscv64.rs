//@ only-arch: riscv64 -- riscv64 assembly
// Inline asm! on riscv64: reg and freg operands (f32 moved NaN-boxed, f64),
// explicit registers (a0 among them), inout and lateout, scratch registers,
// labels inside the template, clobber_abi with a call, and a global_asm!
// function called through the C ABI.
use std::arch::{asm, global_asm};

global_asm!(
    ".globl std_corpus_triple",
    "std_corpus_triple:",
    "slli t0, a0, 1",
    "add a0, a0, t0",
    "ret",
);

extern "C" {
    fn std_corpus_triple(x: u64) -> u64;
}

fn popcount_asm(x: u64) -> u64 {
    let mut count = 0u64;
    let mut v = x;
    unsafe {
        asm!(
            "2:",
            "beqz {v}, 3f",
            "addi {t}, {v}, -1",
            "and {v}, {v}, {t}",
            "addi {c}, {c}, 1",
            "j 2b",
            "3:",
            v = inout(reg) v,
            c = inout(reg) count,
            t = out(reg) _,
        );
    }
    let _ = v;
    count
}

fn addw(a: u32, b: u32) -> u32 {
    let r: u32;
    unsafe { asm!("addw {r}, {a}, {b}", r = lateout(reg) r, a = in(reg) a, b = in(reg) b) };
    r
}

fn explicit_regs(a: u64, b: u64) -> (u64, u64) {
    let (sum, diff): (u64, u64);
    unsafe {
        asm!(
            "add t1, a0, a1",
            "sub a1, a0, a1",
            "mv a0, t1",
            inout("a0") a => sum,
            inout("a1") b => diff,
            out("t1") _,
        );
    }
    (sum, diff)
}

fn fma_d(x: f64, y: f64, z: f64) -> f64 {
    let r: f64;
    unsafe { asm!("fmadd.d {r}, {x}, {y}, {z}", r = out(freg) r, x = in(freg) x, y = in(freg) y, z = in(freg) z) };
    r
}

fn sqrt_s(x: f32) -> f32 {
    let mut x = x;
    unsafe { asm!("fsqrt.s {x}, {x}", x = inout(freg) x, options(pure, nomem, nostack)) };
    x
}

extern "C" fn callee(x: u64) -> u64 {
    x * 10 + 1
}

fn call_through_asm(x: u64) -> u64 {
    let r: u64;
    unsafe {
        asm!(
            "jalr {f}",
            f = in(reg) callee as extern "C" fn(u64) -> u64,
            inout("a0") x => r,
            clobber_abi("C"),
        );
    }
    r
}

fn main() {
    for x in [0u64, 1, 0xff, u64::MAX, 0x8000_0000_0000_0001] {
        println!("popcount({x:#x}) = {}", popcount_asm(x));
    }
    println!("addw = {}", addw(u32::MAX, 5));
    println!("explicit = {:?}", explicit_regs(40, 2));
    println!("fma = {}", fma_d(1.5, 2.0, 0.25));
    println!("sqrt = {}", sqrt_s(2.0));
    println!("call = {}", call_through_asm(4));
    println!("triple = {}", unsafe { std_corpus_triple(14) });
}
