// std::simd beyond arithmetic: masked loads and stores, gathers and
// scatters, per-lane math (StdFloat: sin, cos, exp, ln, round, ...),
// reductions over floats and integers, and lane-wise shifts.
#![feature(portable_simd)]
use std::hint::black_box;
use std::simd::prelude::*;
use std::simd::StdFloat;

fn main() {
    let data = black_box([10i32, 20, 30, 40, 50, 60, 70, 80]);
    let mask = Mask::<i32, 8>::from_array([true, false, true, true, false, false, true, false]);
    let loaded = Simd::load_select(&data[..6], mask, Simd::splat(-1));
    println!("load_select: {:?}", loaded.to_array());

    let mut out = [0i32; 8];
    Simd::from_array([1, 2, 3, 4, 5, 6, 7, 8]).store_select(&mut out, mask);
    println!("store_select: {out:?}");

    let idx = Simd::from_array([7usize, 0, 3, 100, 2, 2, 5, 1]);
    let gathered = Simd::gather_or(&data, idx, Simd::splat(0));
    println!("gather_or: {:?}", gathered.to_array());
    let mut target = [0i32; 8];
    Simd::from_array([100, 200, 300, 400, 500, 600, 700, 800]).scatter(&mut target, idx);
    println!("scatter: {target:?}");

    let x = f32x4::from_array([0.5, -1.25, 2.0, 3.75]);
    println!("sin: {:?}", x.sin().to_array());
    println!("cos: {:?}", x.cos().to_array());
    println!("exp: {:?}", x.exp().to_array());
    println!("ln: {:?}", x.abs().ln().to_array());
    println!("log2: {:?}", x.abs().log2().to_array());
    println!("round: {:?}", f64x4::from_array([0.5, 1.5, -2.5, 2.4999]).round().to_array());
    println!("floor/ceil: {:?} {:?}", x.floor().to_array(), x.ceil().to_array());
    println!("sqrt: {:?}", x.abs().sqrt().to_array());
    println!("mul_add: {:?}", x.mul_add(x, f32x4::splat(1.0)).to_array());
    println!("reduce f32: {} {} {} {}", x.reduce_sum(), x.reduce_product(), x.reduce_max(), x.reduce_min());

    let v = u16x8::from_array([1, 0x8000, 3, 0xffff, 5, 6, 0x1234, 8]);
    let s = u16x8::from_array([0, 1, 2, 3, 4, 5, 15, 7]);
    println!("shl: {:?}", (v << s).to_array());
    println!("shr: {:?}", (v >> s).to_array());
    println!("reduce u16: {} {} {} {}", v.reduce_sum(), v.reduce_xor(), v.reduce_max(), v.reduce_min());
    let i = i8x16::from_array([-128, -1, 0, 1, 127, 5, -5, 9, 10, -10, 100, -100, 3, -3, 64, -64]);
    println!("sat: {:?}", i.saturating_add(i).to_array());
    println!("abs/neg: {:?} {:?}", i.saturating_abs().to_array(), (-i).to_array());
    println!("bitmask: {:#x}", i.simd_lt(i8x16::splat(0)).to_bitmask());
}
