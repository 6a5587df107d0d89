// Tests portable SIMD: f32x4/f64x2/i32x8/u8x16 arithmetic, lane access, splat, reduce_sum/product/min/max, as casts, from_array/to_array.
#![feature(portable_simd)]
use std::hint::black_box;
use std::simd::num::{SimdFloat, SimdInt, SimdUint};
use std::simd::{f32x4, f64x2, i16x8, i32x8, i64x4, u32x4, u8x16, Simd, StdFloat};

fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = f32x4::splat(0.0);
    let chunks = a.len() / 4;
    for i in 0..chunks {
        let va = f32x4::from_slice(&a[i * 4..]);
        let vb = f32x4::from_slice(&b[i * 4..]);
        acc += va * vb;
    }
    let mut s = acc.reduce_sum();
    for i in chunks * 4..a.len() {
        s += a[i] * b[i];
    }
    s
}

fn main() {
    let a = black_box(f32x4::from_array([1.0, 2.5, -3.0, 4.25]));
    let b = black_box(f32x4::splat(2.0));
    println!("a={:?} b={:?}", a.to_array(), b.to_array());
    println!("a+b={:?} a-b={:?} a*b={:?} a/b={:?}", (a + b).to_array(), (a - b).to_array(), (a * b).to_array(), (a / b).to_array());
    println!("-a={:?} abs={:?} sqrt(abs)={:?}", (-a).to_array(), a.abs().to_array(), a.abs().sqrt().to_array());
    println!("reduce sum={} product={} min={} max={}", a.reduce_sum(), a.reduce_product(), a.reduce_min(), a.reduce_max());
    println!("lane 2 = {} len {}", a[2], f32x4::LEN);
    println!("simd_min={:?} simd_max={:?} clamp={:?}", a.simd_min(b).to_array(), a.simd_max(b).to_array(), a.simd_clamp(f32x4::splat(-1.0), f32x4::splat(3.0)).to_array());
    println!("recip={:?} to_degrees-free mul_add={:?}", b.recip().to_array(), (a * b + f32x4::splat(1.0)).to_array());
    println!("floor/ceil/round via cast: {:?}", a.cast::<i32>().to_array());
    println!("copysign {:?} signum {:?}", b.copysign(a).to_array(), a.signum().to_array());

    let d = black_box(f64x2::from_array([1e300, -0.5]));
    println!("f64x2 d*d={:?} d+d={:?} sum={}", (d * d).to_array(), (d + d).to_array(), d.reduce_sum());

    let x = black_box(i32x8::from_array([1, -2, 3, -4, 5, -6, i32::MAX, i32::MIN]));
    let y = black_box(i32x8::splat(3));
    println!("x+y={:?}", (x + y).to_array());
    println!("x-y={:?}", (x - y).to_array());
    println!("x*y={:?}", (x * y).to_array());
    println!("x/y={:?} x%y={:?}", (x / y).to_array(), (x % y).to_array());
    println!("x<<2={:?} x>>1={:?}", (x << 2).to_array(), (x >> 1).to_array());
    println!("x&y={:?} x|y={:?} x^y={:?} !x={:?}", (x & y).to_array(), (x | y).to_array(), (x ^ y).to_array(), (!x).to_array());
    println!("abs={:?} sat_add={:?} sat_sub={:?}", x.abs().to_array(), x.saturating_add(y).to_array(), x.saturating_sub(y).to_array());
    println!("reduce sum={} min={} max={} and={} or={} xor={}", x.reduce_sum(), x.reduce_min(), x.reduce_max(), x.reduce_and(), x.reduce_or(), x.reduce_xor());
    println!("x as f32: {:?}", x.cast::<f32>().to_array());
    println!("x as i64x8 low half: {:?}", &x.cast::<i64>().to_array()[..4]);
    println!("x as u8: {:?}", x.cast::<u8>().to_array());

    let bytes = u8x16::from_array(core::array::from_fn(|i| (i as u8) * 17));
    let ones = u8x16::splat(200);
    println!("u8 wrapping add {:?}", (bytes + ones).to_array());
    println!("u8 saturating add {:?}", bytes.saturating_add(ones).to_array());
    println!("u8 reduce sum (wrapping) {} max {}", bytes.reduce_sum(), bytes.reduce_max());
    let h = i16x8::from_array([100, -100, 32767, -32768, 0, 1, -1, 256]);
    println!("i16 * 3 {:?}", (h * i16x8::splat(3)).to_array());
    let w = i64x4::from_array([i64::MAX, -1, 1 << 40, 7]);
    println!("i64 + 1 {:?}", (w + i64x4::splat(1)).to_array());
    let u = u32x4::from_array([0, 1, u32::MAX, 0x8000_0000]);
    println!("u32 >> 4 {:?} leading_zeros-free count: {:?}", (u >> 4).to_array(), (u - u32x4::splat(1)).to_array());

    let va: Vec<f32> = (0..19).map(|i| i as f32 * 0.5).collect();
    let vb: Vec<f32> = (0..19).map(|i| 1.0 - i as f32 * 0.125).collect();
    let scalar: f32 = va.iter().zip(&vb).map(|(p, q)| p * q).sum();
    println!("dot simd {} scalar {}", dot(&va, &vb), scalar);
    let generic: Simd<u16, 4> = Simd::from_array([1, 2, 3, 4]);
    println!("generic u16x4 *= 1000: {:?}", (generic * Simd::splat(1000)).to_array());
    let mut arr = [0i32; 8];
    (x * y).copy_to_slice(&mut arr);
    println!("copy_to_slice {:?}", arr);
    let from_slice = i32x8::from_slice(&[9, 8, 7, 6, 5, 4, 3, 2, 1]);
    println!("from_slice {:?}", from_slice.to_array());
}
