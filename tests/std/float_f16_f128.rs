// f16 and f128 (nightly types, RUSTC_BOOTSTRAP): arithmetic, comparisons,
// negation, constants and conversions to and from f32/f64/integers, printed
// through their bit patterns and f64 so the output does not depend on
// formatting support for the narrow/wide types.
#![feature(f16, f128)]
use std::hint::black_box;

fn show16(label: &str, x: f16) {
    println!("{label}: bits={:#06x} f64={}", x.to_bits(), x as f64);
}

fn show128(label: &str, x: f128) {
    println!("{label}: bits={:#034x} f64={}", x.to_bits(), x as f64);
}

fn main() {
    let a: f16 = black_box(1.5);
    let b: f16 = black_box(-2.25);
    show16("a+b", a + b);
    show16("a-b", a - b);
    show16("a*b", a * b);
    show16("a/b", a / b);
    show16("-a", -a);
    show16("a%b", black_box(7.5f16) % black_box(2.0));
    show16("tiny", black_box(1.0e-7f16));
    show16("big", black_box(65504.0f16) * black_box(2.0));
    println!("cmp16: {} {} {} {}", a < b, a > b, a == a, f16::NAN != f16::NAN);
    show16("from f32", black_box(3.14159f32) as f16);
    show16("from f64", black_box(0.1f64) as f16);
    show16("from i32", black_box(1234i32) as f16);
    show16("from u64", black_box(100000u64) as f16);
    println!("to int: {} {} {}", black_box(300.7f16) as u8, black_box(-5.5f16) as i32, f16::NAN as i64);

    let x: f128 = black_box(1.0) / black_box(3.0);
    let y: f128 = black_box(2.0);
    show128("x", x);
    show128("x+y", x + y);
    show128("x-y", x - y);
    show128("x*y", x * y);
    show128("x/y", x / y);
    show128("-x", -x);
    show128("rem", black_box(10.5f128) % black_box(3.0));
    println!("cmp128: {} {} {} {} {}", x < y, x >= y, x == x, f128::NAN == f128::NAN, f128::NAN < y);
    show128("from f64", black_box(0.1f64) as f128);
    show128("from f32", black_box(0.1f32) as f128);
    show128("from i64", black_box(-9_007_199_254_740_993i64) as f128);
    show128("from u128", black_box(u128::MAX) as f128);
    show128("from i8", black_box(-7i8) as f128);
    println!(
        "f128 to int: {} {} {} {}",
        black_box(1.0e30f128) as i64,
        black_box(-1.5f128) as u32,
        black_box(123456789.9f128) as i128,
        f128::NAN as i32
    );
    println!("f128 -> f32: {}", black_box(x) as f32);
    show16("f128 -> f16", black_box(x) as f16);
    show128("f16 -> f128", black_box(a) as f128);
    println!("abs/copysign: {} {}", (-x).abs() as f64, x.copysign(-1.0) as f64);
}
