// Function-call ABI for scalars and scalar pairs: many integer/float arguments
// (more than fit in registers), mixed widths, tuple arguments and returns
// such as (i32, i64) and (u8, bool), fat pointers (&[T], &str) as arguments
// and return values, and functions returning `()` or `bool`.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

#[inline(never)]
fn many_ints(a: i8, b: u8, c: i16, d: u16, e: i32, f: u32, g: i64, h: u64, i: isize, j: usize) -> i64 {
    a as i64 + b as i64 * 2 + c as i64 * 3 + d as i64 * 4 + e as i64 * 5
        + f as i64 * 6 + g * 7 + h as i64 * 8 + i as i64 * 9 + j as i64 * 10
}

#[inline(never)]
fn many_floats(a: f64, b: f32, c: f64, d: f32, e: f64, f: f32, g: f64, h: f32, i: f64, k: f64) -> f64 {
    a + b as f64 * 2.0 + c * 3.0 + d as f64 * 4.0 + e * 5.0 + f as f64 * 6.0 + g * 7.0
        + h as f64 * 8.0 + i * 9.0 + k * 10.0
}

#[inline(never)]
fn mixed(a: u8, x: f64, b: i64, y: f32, c: bool, z: f64, d: char, w: f32) -> f64 {
    (a as f64 + x) * (b as f64 - y as f64) + if c { z } else { -z } + d as u32 as f64 + w as f64
}

#[inline(never)]
fn divmod(a: i32, b: i32) -> (i32, i64) {
    (a / b, (a % b) as i64 * 1_000_000_000_000)
}

#[inline(never)]
fn swap_pair(p: (i32, i64)) -> (i64, i32) {
    (p.1, p.0)
}

#[inline(never)]
fn flag_byte(x: u32) -> (u8, bool) {
    ((x & 0xff) as u8, x > 255)
}

#[inline(never)]
fn float_pair(a: f32, b: f64) -> (f64, f32) {
    (a as f64 * b, (b / 2.0) as f32)
}

#[inline(never)]
fn min_max(xs: &[i32]) -> (i32, i32) {
    let mut lo = xs[0];
    let mut hi = xs[0];
    for x in xs {
        if *x < lo {
            lo = *x;
        }
        if *x > hi {
            hi = *x;
        }
    }
    (lo, hi)
}

/// Returns a sub-slice: a fat pointer coming back in two registers.
#[inline(never)]
fn middle(xs: &[u16]) -> &[u16] {
    if xs.len() < 3 { xs } else { xs.sub(1, xs.len() - 1) }
}

/// Returns one of two string slices.
#[inline(never)]
fn pick<'a>(a: &'a str, b: &'a str, first: bool) -> &'a str {
    if first { a } else { b }
}

/// Trim ASCII spaces: &str in, &str out.
#[inline(never)]
fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    let mut start = 0;
    let mut end = b.len();
    while start < end && b[start] == b' ' {
        start += 1;
    }
    while end > start && b[end - 1] == b' ' {
        end -= 1;
    }
    unsafe { str_from_utf8_unchecked(b.sub(start, end)) }
}

#[inline(never)]
fn nothing(counter: &mut u32) {
    *counter += 1;
}

#[inline(never)]
fn is_sorted(xs: &[i64]) -> bool {
    let mut i = 1;
    while i < xs.len() {
        if xs[i - 1] > xs[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Nested calls where results feed directly into other calls' arguments.
#[inline(never)]
fn add3(a: i64, b: i64, c: i64) -> i64 {
    a + b + c
}

fn main() {
    print_labeled("many_ints=", many_ints(-1, 200, -300, 40000, -5, 6, -7_000_000_000, 8, -9, 10));
    unsafe {
        libc::printf(c"many_floats=%.6f\n".as_ptr(),
            many_floats(1.5, 2.25, -3.0, 4.5, 0.125, -6.0, 7.75, 8.0, -9.5, 1e-3));
        libc::printf(c"mixed=%.6f\n".as_ptr(), mixed(7, 0.5, -3, 2.5, false, 10.0, 'A', 0.25));
    }

    let (q, r) = divmod(-47, 5);
    let (a, b) = swap_pair((q, r));
    unsafe {
        libc::printf(c"divmod: %d %lld swapped: %lld %d\n".as_ptr(), q, r, a, b);
    }
    let (byte, big) = flag_byte(0x1234);
    let (byte2, big2) = flag_byte(0x42);
    unsafe {
        libc::printf(c"flag_byte: %u %d %u %d\n".as_ptr(), byte as u32, big as i32, byte2 as u32, big2 as i32);
    }
    let (fp1, fp2) = float_pair(1.5, 5.0);
    unsafe {
        libc::printf(c"float_pair: %g %g\n".as_ptr(), fp1, fp2 as f64);
    }

    let data = [5, -3, 12, 0, 7, -8, 4];
    let (lo, hi) = min_max(&data);
    unsafe {
        libc::printf(c"min=%d max=%d\n".as_ptr(), lo, hi);
    }
    let words = [10u16, 20, 30, 40, 50];
    let mid = middle(&words);
    unsafe {
        libc::printf(c"middle len=%zu first=%u last=%u\n".as_ptr(), mid.len(), mid[0] as u32, mid[mid.len() - 1] as u32);
    }
    print_str("[");
    print_str(pick("left", "right", true));
    print_str("|");
    print_str(pick("left", "right", false));
    print_str("|");
    print_str(trim("   padded string  "));
    print_str("]\n");

    let mut counter = 0;
    nothing(&mut counter);
    nothing(&mut counter);
    print_labeled("counter=", counter as i64);
    print_bool(is_sorted(&[1, 2, 2, 9]));
    print_str(" ");
    print_bool(is_sorted(&[1, 3, 2]));
    print_str("\n");
    print_labeled("add3=", add3(add3(1, 2, 3), add3(4, 5, 6), many_ints(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)));
}
