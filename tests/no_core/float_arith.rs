// f32/f64 arithmetic, comparisons (incl. NaN and signed zero), negation,
// remainder (lowered to fmod), numeric algorithms, and printing through
// printf's %f/%g/%e (f32 values are promoted to double explicitly).
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

#[inline(never)]
fn ops64(a: f64, b: f64) {
    unsafe {
        libc::printf(c"f64 %g %g: + %.17g - %.17g * %.17g / %.17g %% %.17g neg %g\n".as_ptr(),
            a, b, a + b, a - b, a * b, a / b, a % b, -a);
    }
}

#[inline(never)]
fn ops32(a: f32, b: f32) {
    let (s, d, p, q, r) = (a + b, a - b, a * b, a / b, a % b);
    unsafe {
        libc::printf(c"f32 %g %g: + %.9g - %.9g * %.9g / %.9g %% %.9g\n".as_ptr(),
            a as f64, b as f64, s as f64, d as f64, p as f64, q as f64, r as f64);
    }
}

#[inline(never)]
fn compare(a: f64, b: f64) {
    unsafe {
        libc::printf(c"cmp %g %g: == %d != %d < %d <= %d > %d >= %d\n".as_ptr(),
            a, b, (a == b) as i32, (a != b) as i32, (a < b) as i32, (a <= b) as i32,
            (a > b) as i32, (a >= b) as i32);
    }
}

/// Newton's method square root.
fn sqrt_newton(x: f64) -> f64 {
    if x == 0.0 {
        return 0.0;
    }
    let mut g = x / 2.0;
    let mut i = 0;
    while i < 60 {
        g = 0.5 * (g + x / g);
        i += 1;
    }
    g
}

/// Leibniz series for pi in f32 and f64.
fn pi_series(n: i32) -> (f32, f64) {
    let mut s32 = 0.0f32;
    let mut s64 = 0.0f64;
    let mut k = 0;
    while k < n {
        let sign: f64 = if k % 2 == 0 { 1.0 } else { -1.0 };
        s32 += sign as f32 / (2 * k + 1) as f32;
        s64 += sign / (2 * k + 1) as f64;
        k += 1;
    }
    (4.0 * s32, 4.0 * s64)
}

/// Horner evaluation of a polynomial.
fn horner(coeffs: &[f64], x: f64) -> f64 {
    let mut acc = 0.0;
    let mut i = 0;
    while i < coeffs.len() {
        acc = acc * x + coeffs[i];
        i += 1;
    }
    acc
}

fn main() {
    ops64(7.5, 2.0);
    ops64(-1.0e300, 1.0e-10);
    ops64(0.1, 0.2);
    ops64(-7.25, 3.0);
    ops32(7.5, 2.0);
    ops32(1.0e20, 3.0);
    ops32(-0.1, 0.3);

    // A NaN's sign from `0.0 / 0.0` is unspecified (x86 hardware makes it
    // negative, LLVM's constant folding positive): build a positive quiet NaN.
    let nan: f64 = unsafe { intrinsics::transmute(0x7ff8_0000_0000_0000u64) };
    let inf = 1.0f64 / 0.0;
    compare(1.0, 2.0);
    compare(2.0, 2.0);
    compare(0.0, -0.0);
    compare(nan, nan);
    compare(nan, 1.0);
    compare(-inf, inf);
    unsafe {
        libc::printf(c"nan!=nan: %d, inf-inf is nan: %d, 1/-0 = %g, -0 * 5 = %g\n".as_ptr(),
            (nan != nan) as i32, ((inf - inf) != (inf - inf)) as i32, 1.0 / -0.0f64, -0.0f64 * 5.0);
    }

    let xs = [2.0, 10.0, 0.25, 1e10];
    for x in &xs {
        unsafe {
            libc::printf(c"sqrt(%g) = %.15f (intrinsic %.15f)\n".as_ptr(),
                *x, sqrt_newton(*x), intrinsics::sqrtf64(*x));
        }
    }

    let (p32, p64) = pi_series(100000);
    unsafe {
        libc::printf(c"pi ~ %.6f (f32) %.12f (f64)\n".as_ptr(), p32 as f64, p64);
        libc::printf(c"%e %E %.3e\n".as_ptr(), 123456.789f64, 0.000321f64, -6.02214076e23f64);
    }

    let poly = [2.0, -3.0, 0.5, 7.0];
    let mut x = -2.0;
    while x <= 2.0 {
        unsafe {
            libc::printf(c"p(%.1f) = %.4f\n".as_ptr(), x, horner(&poly, x));
        }
        x += 0.5;
    }

    // Accumulating f32 vs f64 error.
    let mut a = 0.0f32;
    let mut b = 0.0f64;
    let mut i = 0;
    while i < 1000 {
        a += 0.1;
        b += 0.1;
        i += 1;
    }
    unsafe {
        libc::printf(c"sum 0.1 x1000: f32 %.7f f64 %.13f\n".as_ptr(), a as f64, b);
    }
}
