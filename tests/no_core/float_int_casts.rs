// Conversions between integers and floats in both directions, including the
// saturating float -> int `as` casts (NaN -> 0, out of range -> MIN/MAX),
// truncation toward zero and f32 <-> f64 rounding.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

#[inline(never)]
fn to_ints(x: f64) {
    unsafe {
        libc::printf(
            c"%-12g -> i8 %d u8 %u i16 %d u16 %u i32 %d u32 %u i64 %lld u64 %llu\n".as_ptr(),
            x,
            (x as i8) as i32,
            (x as u8) as u32,
            (x as i16) as i32,
            (x as u16) as u32,
            x as i32,
            x as u32,
            x as i64,
            x as u64,
        );
    }
}

#[inline(never)]
fn to_ints32(x: f32) {
    unsafe {
        libc::printf(
            c"f32 %-10g -> i32 %d u32 %u i64 %lld u64 %llu usize %zu isize %zd\n".as_ptr(),
            x as f64, x as i32, x as u32, x as i64, x as u64, x as usize, x as isize,
        );
    }
}

#[inline(never)]
fn from_ints(a: i8, b: u8, c: i32, d: u32, e: i64, f: u64) {
    unsafe {
        libc::printf(
            c"ints -> f64: %g %g %g %g %.20g %.20g\n".as_ptr(),
            a as f64, b as f64, c as f64, d as f64, e as f64, f as f64,
        );
        libc::printf(
            c"ints -> f32: %g %g %.10g %.10g %.10g %.10g\n".as_ptr(),
            (a as f32) as f64, (b as f32) as f64, (c as f32) as f64, (d as f32) as f64,
            (e as f32) as f64, (f as f32) as f64,
        );
    }
}

fn main() {
    // A NaN's sign from `0.0 / 0.0` is unspecified (x86 hardware makes it
    // negative, LLVM's constant folding positive): build a positive quiet NaN.
    let nan: f64 = unsafe { intrinsics::transmute(0x7ff8_0000_0000_0000u64) };
    let inf = 1.0f64 / 0.0;
    let vals = [0.0, -0.0, 1.9, -1.9, 127.5, 128.0, -129.0, 255.9, 256.0, 65535.99, -32768.5,
                3.0e9, -3.0e9, 1.0e19, -1.0e19, 1.0e30, inf, -inf, nan];
    for v in &vals {
        to_ints(*v);
    }

    let vals32 = [2.5f32, -2.5, 4294967296.0, 16777217.0, -1.0, 1.0e-40];
    let mut i = 0;
    while i < vals32.len() {
        to_ints32(vals32[i]);
        i += 1;
    }
    to_ints32(unsafe { intrinsics::transmute::<u32, f32>(0x7fc0_0000) }); // positive quiet NaN
    to_ints32(-1.0f32 / 0.0);

    from_ints(-128, 255, -2147483648, 4294967295, 9007199254740993, 18446744073709551615);
    from_ints(7, 0, 16777217, 123456789, -1, 1 << 63);

    // f64 <-> f32.
    let d = 0.1f64;
    let f = d as f32;
    let big = 1.0e40f64 as f32;
    let tiny = 1.0e-50f64 as f32;
    unsafe {
        libc::printf(c"0.1 as f32 = %.17g (f64: %.17g); 1e40 -> %g; 1e-50 -> %g\n".as_ptr(),
            f as f64, d, big as f64, tiny as f64);
    }

    // Rounding helpers written with casts.
    let xs = [2.5f64, -2.5, 0.49999, 1234.5678];
    for x in &xs {
        let t = *x as i64;
        let floor = if (t as f64) > *x { t - 1 } else { t };
        let round = (*x + if *x < 0.0 { -0.5 } else { 0.5 }) as i64;
        unsafe {
            libc::printf(c"%g: trunc %lld floor %lld round %lld\n".as_ptr(), *x, t, floor, round);
        }
    }
}
