//@ only-arch: aarch64 -- aarch64 assembly
// Inline asm! on aarch64: reg and vreg operands with their w/x and b/h/s/d/q/v
// views, explicit registers (x0 and lr among them), inout and lateout,
// scratch registers, clobber_abi, labels inside the template, and a
// global_asm! function called through the C ABI.
use std::arch::{asm, global_asm};

global_asm!(
    ".globl std_corpus_triple",
    "std_corpus_triple:",
    "add x0, x0, x0, lsl #1",
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
            "cbz {v}, 3f",
            "sub {t}, {v}, #1",
            "and {v}, {v}, {t}",
            "add {c}, {c}, #1",
            "b 2b",
            "3:",
            v = inout(reg) v,
            c = inout(reg) count,
            t = out(reg) _,
        );
    }
    let _ = v;
    count
}

fn add_w(a: u32, b: u32) -> u32 {
    let r: u32;
    unsafe { asm!("add {r:w}, {a:w}, {b:w}", r = lateout(reg) r, a = in(reg) a, b = in(reg) b) };
    r
}

fn explicit_regs(a: u64, b: u64) -> (u64, u64) {
    let (sum, diff): (u64, u64);
    unsafe {
        asm!(
            "add x9, x0, x1",
            "sub x1, x0, x1",
            "mov x0, x9",
            inout("x0") a => sum,
            inout("x1") b => diff,
            out("x9") _,
        );
    }
    (sum, diff)
}

fn fma_d(x: f64, y: f64, z: f64) -> f64 {
    let mut x = x;
    unsafe {
        asm!("fmadd {x:d}, {x:d}, {y:d}, {z:d}", x = inout(vreg) x, y = in(vreg) y, z = in(vreg) z)
    };
    x
}

fn sqrt_s(x: f32) -> f32 {
    let r: f32;
    unsafe { asm!("fsqrt {r:s}, {x:s}", r = out(vreg) r, x = in(vreg) x, options(pure, nomem, nostack)) };
    r
}

fn add_bytes(a: [u8; 16], b: [u8; 16]) -> [u8; 16] {
    use std::arch::aarch64::uint8x16_t;
    let (a, b): (uint8x16_t, uint8x16_t) = unsafe { (std::mem::transmute(a), std::mem::transmute(b)) };
    let r: uint8x16_t;
    unsafe { asm!("add {r:v}.16b, {a:v}.16b, {b:v}.16b", r = out(vreg_low16) r, a = in(vreg) a, b = in(vreg) b) };
    unsafe { std::mem::transmute(r) }
}

fn uses_lr() -> u64 {
    let r: u64;
    unsafe { asm!("mov x30, #7", "add {r}, x30, #35", r = out(reg) r, out("lr") _) };
    r
}

extern "C" fn callee(x: u64) -> u64 {
    x * 10 + 1
}

fn call_through_asm(x: u64) -> u64 {
    let r: u64;
    unsafe {
        asm!(
            "blr {f}",
            f = in(reg) callee as extern "C" fn(u64) -> u64,
            inout("x0") x => r,
            clobber_abi("C"),
        );
    }
    r
}

fn main() {
    for x in [0u64, 1, 0xff, u64::MAX, 0x8000_0000_0000_0001] {
        println!("popcount({x:#x}) = {}", popcount_asm(x));
    }
    println!("add_w = {}", add_w(u32::MAX, 5));
    println!("explicit = {:?}", explicit_regs(40, 2));
    println!("fma = {}", fma_d(1.5, 2.0, 0.25));
    println!("sqrt = {}", sqrt_s(2.0));
    let a: [u8; 16] = std::array::from_fn(|i| i as u8 * 17);
    let b: [u8; 16] = std::array::from_fn(|i| 250 - i as u8);
    println!("add_bytes = {:?}", add_bytes(a, b));
    println!("lr = {}", uses_lr());
    println!("call = {}", call_through_asm(4));
    println!("triple = {}", unsafe { std_corpus_triple(14) });
}
