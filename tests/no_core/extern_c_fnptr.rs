// `extern "C"` functions defined in Rust and called through function
// pointers from Rust: tables of fn pointers, C-ABI functions taking and
// returning #[repr(C)] structs and floats, Rust-ABI fn pointers, fn pointers
// stored in structs/statics, and higher-order functions taking fn pointers.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

extern "C" fn c_add(a: i32, b: i32) -> i32 {
    a + b
}
extern "C" fn c_sub(a: i32, b: i32) -> i32 {
    a - b
}
extern "C" fn c_mul(a: i32, b: i32) -> i32 {
    a * b
}
extern "C" fn c_max(a: i32, b: i32) -> i32 {
    if a > b { a } else { b }
}

#[repr(C)]
struct Pair {
    lo: i32,
    hi: i64,
}

#[repr(C)]
struct Rgb {
    r: u8,
    g: u8,
    b: u8,
}

#[repr(C)]
struct Quad {
    a: u64,
    b: u64,
    c: u64,
    d: u64,
}

extern "C" fn c_make_pair(x: i32) -> Pair {
    Pair { lo: -x, hi: x as i64 * 1_000_000_007 }
}

extern "C" fn c_sum_pair(p: Pair) -> i64 {
    p.lo as i64 + p.hi
}

extern "C" fn c_invert(c: Rgb) -> Rgb {
    Rgb { r: 255 - c.r, g: 255 - c.g, b: 255 - c.b }
}

extern "C" fn c_quad(q: Quad, k: u64) -> Quad {
    Quad { a: q.d * k, b: q.c * k, c: q.b * k, d: q.a * k }
}

extern "C" fn c_lerp(a: f64, b: f64, t: f32) -> f64 {
    a + (b - a) * t as f64
}

extern "C" fn c_many(a: u8, b: i16, c: i32, d: i64, e: f32, f: f64, g: u64, h: i8, i: u32, j: f64) -> f64 {
    a as f64 + b as f64 + c as f64 + d as f64 + e as f64 + f + g as f64 + h as f64 + i as f64 + j
}

/// A C-ABI function with a `&mut` argument and no return value.
extern "C" fn c_accumulate(acc: &mut i64, v: i32) {
    *acc = *acc * 31 + v as i64;
}

type BinOp = extern "C" fn(i32, i32) -> i32;

static OPS: [(&str, BinOp); 4] = [("add", c_add), ("sub", c_sub), ("mul", c_mul), ("max", c_max)];

struct Calculator {
    op: BinOp,
    unary: fn(i32) -> i32,
}

fn negate(x: i32) -> i32 {
    -x
}
fn square(x: i32) -> i32 {
    x * x
}

#[inline(never)]
fn fold(xs: &[i32], init: i32, f: BinOp) -> i32 {
    let mut acc = init;
    for x in xs {
        acc = f(acc, *x);
    }
    acc
}

#[inline(never)]
fn apply_twice(f: fn(i32) -> i32, x: i32) -> i32 {
    f(f(x))
}

#[inline(never)]
fn choose(i: usize) -> BinOp {
    OPS[i % OPS.len()].1
}

fn main() {
    let xs = [3, -7, 10, 4];
    for (name, op) in &OPS {
        print_str(*name);
        unsafe {
            libc::printf(c": op(6, 4) = %d, fold = %d\n".as_ptr(), op(6, 4), fold(&xs, 1, *op));
        }
    }
    let chained = choose(0)(choose(2)(3, 4), choose(5)(10, 3));
    print_labeled("chained=", chained as i64);

    let calc = Calculator { op: c_sub, unary: square };
    let calc2 = Calculator { op: c_max, unary: negate };
    unsafe {
        libc::printf(c"calc: %d %d %d %d\n".as_ptr(),
            (calc.op)(100, 1), (calc.unary)(-9), (calc2.op)(-1, -2), apply_twice(calc2.unary, 5));
    }
    print_labeled("apply_twice(square, 3)=", apply_twice(square, 3) as i64);

    // Structs through the C ABI, via pointers so the calls are indirect.
    let mk: extern "C" fn(i32) -> Pair = c_make_pair;
    let sum: extern "C" fn(Pair) -> i64 = c_sum_pair;
    let p = mk(12);
    unsafe {
        libc::printf(c"pair: %d %lld sum=%lld\n".as_ptr(), p.lo, p.hi, sum(mk(3)));
    }
    let inv: extern "C" fn(Rgb) -> Rgb = c_invert;
    let c = inv(Rgb { r: 10, g: 128, b: 255 });
    unsafe {
        libc::printf(c"rgb: %u %u %u\n".as_ptr(), c.r as u32, c.g as u32, c.b as u32);
    }
    let qf: extern "C" fn(Quad, u64) -> Quad = c_quad;
    let q = qf(Quad { a: 1, b: 2, c: 3, d: 4 }, 10);
    unsafe {
        libc::printf(c"quad: %llu %llu %llu %llu\n".as_ptr(), q.a, q.b, q.c, q.d);
    }
    let lerp: extern "C" fn(f64, f64, f32) -> f64 = c_lerp;
    let many: extern "C" fn(u8, i16, i32, i64, f32, f64, u64, i8, u32, f64) -> f64 = c_many;
    unsafe {
        libc::printf(c"lerp=%g many=%g\n".as_ptr(), lerp(10.0, 20.0, 0.25),
            many(1, -2, 3, -4, 5.5, 6.25, 7, -8, 9, 10.125));
    }
    let accf: extern "C" fn(&mut i64, i32) = c_accumulate;
    let mut acc = 0;
    for v in &xs {
        accf(&mut acc, *v);
    }
    print_labeled("acc=", acc);

    // Function pointer equality/identity is not printed (addresses), but
    // comparing two loads of the same pointer is deterministic.
    let a: BinOp = OPS[1].1;
    let b: BinOp = calc.op;
    print_bool(a(5, 2) == b(5, 2));
    print_str("\n");
}
