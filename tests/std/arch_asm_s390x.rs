//@ only-arch: s390x -- s390x assembly
// Inline asm! on s390x (big-endian): reg, reg_addr and freg operands of
// every width, explicit registers (r0 and r2 among them), inout and
// lateout, scratch registers, labels inside the template, clobber_abi with
// a call, std's run-time feature detection (stfle) and a global_asm!
// function called through the C ABI.
use std::arch::{asm, global_asm};

global_asm!(
    ".globl std_corpus_triple",
    "std_corpus_triple:",
    "mghi %r2, 3",
    "br %r14",
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
            "cgij {v}, 0, 8, 3f",
            "lgr {t}, {v}",
            "aghi {t}, -1",
            "ngr {v}, {t}",
            "aghi {c}, 1",
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

fn add32(a: u32, b: u32) -> u32 {
    let mut a = a;
    unsafe { asm!("ar {a}, {b}", a = inout(reg) a, b = in(reg) b) };
    a
}

fn add16(a: u16, b: u16) -> u16 {
    let r: u16;
    unsafe { asm!("lr {r}, {a}", "ar {r}, {b}", r = lateout(reg) r, a = in(reg) a, b = in(reg) b) };
    r
}

fn explicit_regs(a: u64, b: u64) -> (u64, u64) {
    let (sum, diff): (u64, u64);
    unsafe {
        asm!(
            "lgr %r0, %r2",
            "agr %r2, %r3",
            "sgr %r0, %r3",
            "lgr %r3, %r0",
            inout("r2") a => sum,
            inout("r3") b => diff,
            out("r0") _,
        );
    }
    (sum, diff)
}

fn load_via_addr(p: &u64) -> u64 {
    let r: u64;
    unsafe { asm!("lg {r}, 0({p})", r = out(reg) r, p = in(reg_addr) p as *const u64) };
    r
}

fn madd(x: f64, y: f64, z: f64) -> f64 {
    let mut z = z;
    unsafe { asm!("madbr {z}, {x}, {y}", z = inout(freg) z, x = in(freg) x, y = in(freg) y) };
    z
}

fn sqrt_s(x: f32) -> f32 {
    let r: f32;
    unsafe { asm!("sqebr {r}, {x}", r = out(freg) r, x = in(freg) x, options(pure, nomem, nostack)) };
    r
}

extern "C" fn callee(x: u64) -> u64 {
    x * 10 + 1
}

fn call_through_asm(x: u64) -> u64 {
    let r: u64;
    unsafe {
        asm!(
            "basr %r14, {f}",
            f = in(reg_addr) callee as extern "C" fn(u64) -> u64,
            inout("r2") x => r,
            clobber_abi("C"),
        );
    }
    r
}

fn main() {
    for x in [0u64, 1, 0xff, u64::MAX, 0x8000_0000_0000_0001] {
        println!("popcount({x:#x}) = {}", popcount_asm(x));
    }
    println!("add32 = {}", add32(u32::MAX, 5));
    println!("add16 = {}", add16(0xfff0, 0x20));
    println!("explicit = {:?}", explicit_regs(40, 2));
    println!("via addr = {:#x}", load_via_addr(&0x0123_4567_89ab_cdef));
    println!("madd = {}", madd(1.5, 2.0, 0.25));
    println!("sqrt = {}", sqrt_s(2.0));
    println!("call = {}", call_through_asm(4));
    println!("triple = {}", unsafe { std_corpus_triple(14) });
    println!("vector facility detected: {}", std::arch::is_s390x_feature_detected!("vector"));
}
