//@ only-arch: x86_64 -- x86_64 assembly and core::arch::x86_64
// core::arch on x86_64: inline asm! (register classes, explicit registers,
// xmm and ymm, AT&T syntax, const), global_asm!, a naked function, CPU feature
// detection (cpuid + xgetbv) and a vendor intrinsic built on simd_*.
use std::arch::{asm, global_asm, naked_asm};
use std::arch::x86_64::*;

global_asm!(
    ".globl std_corpus_triple",
    "std_corpus_triple:",
    "lea rax, [rdi + rdi*2]",
    "ret",
);

extern "C" {
    fn std_corpus_triple(x: u64) -> u64;
}

#[unsafe(naked)]
extern "C" fn naked_sub(a: u64, b: u64) -> u64 {
    naked_asm!("mov rax, rdi", "sub rax, rsi", "ret")
}

fn popcount_asm(x: u64) -> u64 {
    let mut count = 0u64;
    let mut v = x;
    unsafe {
        asm!(
            "2:",
            "test {v}, {v}",
            "jz 3f",
            "lea {t}, [{v} - 1]",
            "and {v}, {t}",
            "inc {c}",
            "jmp 2b",
            "3:",
            v = inout(reg) v,
            c = inout(reg) count,
            t = out(reg) _,
        );
    }
    let _ = v;
    count
}

fn div_rem(n: u64, d: u64) -> (u64, u64) {
    let (q, r): (u64, u64);
    unsafe {
        asm!("xor edx, edx", "div {d}", d = in(reg) d, inout("rax") n => q, out("rdx") r);
    }
    (q, r)
}

fn sqrt_asm(x: f64) -> f64 {
    let r: f64;
    unsafe { asm!("sqrtsd {0}, {1}", out(xmm_reg) r, in(xmm_reg) x) };
    r
}

fn att_add(a: u32, b: u32) -> u32 {
    let mut r = a;
    unsafe { asm!("addl {1:e}, {0:e}", inout(reg) r, in(reg) b, options(att_syntax)) };
    r
}

#[target_feature(enable = "avx2")]
fn ymm_add(a: __m256i, b: __m256i) -> __m256i {
    let mut r = a;
    unsafe { asm!("vpaddd {0}, {0}, {1}", inout(ymm_reg) r, in(ymm_reg) b) };
    // `{:x}` names the low half of a ymm operand.
    let low: __m128i;
    unsafe { asm!("vmovdqa {0}, {1:x}", out(xmm_reg) low, in(ymm_reg) r) };
    _mm256_inserti128_si256::<1>(r, low)
}

const SHIFT: u32 = 5;

fn const_shift(x: u64) -> u64 {
    let mut r = x;
    unsafe { asm!("shl {0}, {s}", inout(reg) r, s = const SHIFT) };
    r
}

fn main() {
    println!("popcount_asm(0xF0F0_1234) = {}", popcount_asm(0xF0F0_1234));
    println!("div_rem(1_000_003, 97) = {:?}", div_rem(1_000_003, 97));
    println!("sqrt_asm(2.0) = {}", sqrt_asm(2.0));
    println!("att_add(40, 2) = {}", att_add(40, 2));
    println!("const_shift(3) = {}", const_shift(3));
    println!("global_asm triple(14) = {}", unsafe { std_corpus_triple(14) });
    println!("naked_sub(50, 8) = {}", naked_sub(50, 8));
    println!("sse2 = {}", is_x86_feature_detected!("sse2"));
    // The same machine runs both builds, so these answers must agree.
    println!("avx2 = {}, popcnt = {}", is_x86_feature_detected!("avx2"), is_x86_feature_detected!("popcnt"));
    let mask = unsafe {
        let a = _mm_setr_epi8(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        let b = _mm_set1_epi8(7);
        _mm_movemask_epi8(_mm_cmpgt_epi8(a, b))
    };
    println!("movemask = {mask:#06x}");
    if is_x86_feature_detected!("avx2") {
        let sum = unsafe {
            ymm_add(_mm256_setr_epi32(1, 2, 3, 4, 5, 6, 7, 8), _mm256_set1_epi32(100))
        };
        println!("ymm_add = {:?}", unsafe { std::mem::transmute::<__m256i, [i32; 8]>(sum) });
    }
}
