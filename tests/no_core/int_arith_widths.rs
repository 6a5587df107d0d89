// Integer arithmetic at every width: + - * / % (incl. negative operands, which
// truncate toward zero), wrapping arithmetic through intrinsics, and the
// signed/unsigned reinterpretations produced by `as`.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

// `#[inline(never)]` + arguments keep the operands opaque to constant folding.
macro_rules! arith_fn {
    ($name:ident, $t:ty) => {
        #[inline(never)]
        fn $name(a: $t, b: $t) {
            let sum = a + b;
            let diff = a - b;
            let prod = a * b;
            let quot = a / b;
            let rem = a % b;
            let wadd = a.wrapping_add(<$t>::MAX);
            let wsub = b.wrapping_sub(<$t>::MAX);
            let wmul = a.wrapping_mul(<$t>::MAX);
            unsafe {
                libc::printf(
                    c"%-5s a=%lld b=%lld: + %lld  - %lld  * %lld  / %lld  %% %lld | wrap + %lld  - %lld  * %lld\n"
                        .as_ptr(),
                    concat!(stringify!($t), "\0").as_ptr(),
                    a as i64, b as i64, sum as i64, diff as i64, prod as i64,
                    quot as i64, rem as i64, wadd as i64, wsub as i64, wmul as i64,
                );
            }
        }
    };
}
arith_fn!(arith_i8, i8);
arith_fn!(arith_i16, i16);
arith_fn!(arith_i32, i32);
arith_fn!(arith_i64, i64);
arith_fn!(arith_isize, isize);
arith_fn!(arith_u8, u8);
arith_fn!(arith_u16, u16);
arith_fn!(arith_u32, u32);

// u64/usize values above i64::MAX are printed with %llu.
#[inline(never)]
fn arith_u64(a: u64, b: u64) {
    unsafe {
        libc::printf(
            c"u64   a=%llu b=%llu: + %llu  - %llu  * %llu  / %llu  %% %llu | wrap + %llu  * %llu\n".as_ptr(),
            a, b, a + b, a - b, a * b, a / b, a % b, a.wrapping_add(u64::MAX), a.wrapping_mul(b << 40),
        );
    }
}

#[inline(never)]
fn arith_usize(a: usize, b: usize) {
    unsafe {
        libc::printf(
            c"usize a=%zu b=%zu: + %zu  - %zu  * %zu  / %zu  %% %zu\n".as_ptr(),
            a, b, a + b, a - b, a * b, a / b, a % b,
        );
    }
}

// Signed division and remainder with every sign combination.
#[inline(never)]
fn signs(a: i32, b: i32) {
    unsafe {
        libc::printf(c"%4d / %3d = %3d   %4d %% %3d = %3d\n".as_ptr(), a, b, a / b, a, b, a % b);
    }
}

// Reinterpretation and truncation via `as`.
#[inline(never)]
fn reinterpret(x: u64) {
    unsafe {
        libc::printf(
            c"%#llx: as i8 %d, as u8 %u, as i16 %d, as u16 %u, as i32 %d, as u32 %u, as i64 %lld\n"
                .as_ptr(),
            x,
            (x as i8) as i32,
            (x as u8) as u32,
            (x as i16) as i32,
            (x as u16) as u32,
            x as i32,
            x as u32,
            x as i64,
        );
    }
}

// Compound assignment operators on a mixed-width accumulator.
#[inline(never)]
fn compound(seed: u32) -> u32 {
    let mut h: u32 = seed;
    let mut i: u32 = 0;
    while i < 10 {
        h ^= i;
        h = h.wrapping_mul(16777619);
        h += i * 3;
        h -= i;
        h %= 1_000_000_007;
        h /= 1 + (i & 1);
        h |= 1 << (i % 7);
        h &= 0x7fff_ffff;
        i += 1;
    }
    h
}

fn main() {
    arith_i8(11, -7);
    arith_i8(-20, 6);
    arith_i16(-300, 77);
    arith_i32(123456, -789);
    arith_i32(-1073741824, 2);
    arith_i64(-9_000_000_000_000, 999_999);
    arith_isize(1 << 40, -12345);
    arith_isize(-1, -1);
    arith_u8(83, 3);
    arith_u16(6000, 10);
    arith_u32(53_000_000, 77);
    arith_u64(18_000_000_000_000_000_000, 1);
    arith_u64(12345678901234, 1000);
    arith_usize(1 << 50, 12345);

    signs(7, 2);
    signs(-7, 2);
    signs(7, -2);
    signs(-7, -2);
    signs(-2147483647, 10);

    reinterpret(0xff);
    reinterpret(0x80);
    reinterpret(0x1234_5678_9abc_def0);
    reinterpret(0xffff_ffff_ffff_ffff);

    let h = compound(2166136261);
    unsafe {
        libc::printf(c"compound hash = %u\n".as_ptr(), h);
    }
}
