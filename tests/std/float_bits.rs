// Tests float bit-level behaviour: to_bits/from_bits, classify, min/max/clamp with NaN, total_cmp sorting, copysign, next-up via bits, -0.0 handling.
use std::cmp::Ordering;
use std::hint::black_box;
use std::num::FpCategory;

fn cat(c: FpCategory) -> &'static str {
    match c {
        FpCategory::Nan => "Nan",
        FpCategory::Infinite => "Infinite",
        FpCategory::Zero => "Zero",
        FpCategory::Subnormal => "Subnormal",
        FpCategory::Normal => "Normal",
    }
}

fn main() {
    let vals: [f64; 10] = [0.0, -0.0, 1.0, -2.5, f64::MIN_POSITIVE, 5e-324, f64::MAX, f64::INFINITY, f64::NAN, 0.1];
    for &v in &vals {
        let v = black_box(v);
        println!(
            "{:>12e} bits={:#018x} cat={} sign_neg={} sign_pos={} finite={} nan={} inf={} normal={} sub={}",
            v, v.to_bits() & !(if v.is_nan() { 0x0008_0000_0000_0000 } else { 0 }), cat(v.classify()), v.is_sign_negative(), v.is_sign_positive(),
            v.is_finite(), v.is_nan(), v.is_infinite(), v.is_normal(), v.is_subnormal()
        );
    }
    for &b in &[0x3f800000u32, 0x80000000, 0x7f7fffff, 0x00000001, 0x7f800000, 0x40490fdb, 0xc2f6e979] {
        let f = f32::from_bits(black_box(b));
        println!("f32 from_bits {:#010x} = {:?} -> bits {:#010x}", b, f, f.to_bits());
    }
    for &b in &[0x3ff0000000000000u64, 0x400921fb54442d18, 0x0000000000000001, 0x7fefffffffffffff, 0xbff8000000000000] {
        println!("f64 from_bits {:#018x} = {:?}", b, f64::from_bits(black_box(b)));
    }
    // next representable value via bit manipulation
    let one = black_box(1.0f64);
    let up = f64::from_bits(one.to_bits() + 1);
    let down = f64::from_bits(one.to_bits() - 1);
    println!("next_up(1)={:?} next_down(1)={:?} eps={:?} up-1==eps {}", up, down, f64::EPSILON, up - 1.0 == f64::EPSILON);
    let nan = black_box(f64::NAN);
    println!("min/max with NaN: {:?} {:?} {:?} {:?}", nan.min(1.0), black_box(1.0f64).max(nan), nan.max(nan).is_nan(), black_box(2.0f64).min(-3.0));
    println!("min of zeros: {:?} {:?}", black_box(-0.0f64).min(-0.0), black_box(0.0f64).max(0.0));
    println!("clamp {:?} {:?} {:?} nan {:?}", black_box(5.5f64).clamp(0.0, 1.0), black_box(-5.5f64).clamp(-1.0, 1.0), black_box(0.25f64).clamp(0.0, 1.0), nan.clamp(0.0, 1.0).is_nan());
    println!("copysign {:?} {:?} {:?}", black_box(3.0f64).copysign(-0.0), black_box(-3.0f64).copysign(1.0), black_box(0.0f32).copysign(-1.0));
    println!("-0.0 == 0.0 {} bits equal {} 1/-0 = {:?}", -0.0f64 == black_box(0.0), (-0.0f64).to_bits() == black_box(0.0f64).to_bits(), 1.0 / black_box(-0.0f64));
    println!("NaN == NaN {} NaN != NaN {} partial_cmp {:?}", nan == nan, nan != nan, nan.partial_cmp(&1.0));
    let mut v = vec![3.5f64, -0.0, f64::INFINITY, 0.0, -1.25, f64::NEG_INFINITY, 1e-310, -1e-310, 2.0, f64::MIN_POSITIVE, -7.0];
    v.sort_by(|a, b| a.total_cmp(b));
    println!("total_cmp sorted: {:?}", v);
    v.sort_by(|a, b| b.total_cmp(a));
    println!("total_cmp desc: {:?}", v);
    let mut withnan = vec![1.0f64, f64::NAN, -1.0, 0.0];
    withnan.sort_by(f64::total_cmp);
    println!("with nan: {:?}", withnan);
    println!("total_cmp(-0, 0) {:?} total_cmp(0,-0) {:?}", (-0.0f64).total_cmp(&0.0), 0.0f64.total_cmp(&-0.0));
    let mut f32v: Vec<f32> = (0..12).map(|i| ((i * 7919) % 23) as f32 / 4.0 - 2.0).collect();
    f32v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(Ordering::Equal));
    println!("f32 sorted: {:?}", f32v);
    println!("max by total_cmp {:?}", f32v.iter().copied().max_by(f32::total_cmp));
    // decompose f64 into mantissa/exponent
    for &x in &[1.0f64, 0.15625, 1234.5, -3e-5, 6.02214076e23] {
        let bits = black_box(x).to_bits();
        let sign = bits >> 63;
        let exp = ((bits >> 52) & 0x7ff) as i64 - 1023;
        let mant = bits & ((1u64 << 52) - 1);
        println!("{:e}: sign={} exp={} mant={:#015x}", x, sign, exp, mant);
    }
    println!("f32 consts {:?} {:?} {:?} {:?} digits {} {}", f32::EPSILON, f32::MIN, f32::MAX_EXP, f32::MANTISSA_DIGITS, f32::DIGITS, f64::DIGITS);
    println!("abs of -0.0 bits {:#x}", black_box(-0.0f64).abs().to_bits());
    println!("neg NaN is_sign_negative {}", (-black_box(f64::NAN)).is_sign_negative());
    println!("f32 as f64 bits {:#x}", (black_box(0.1f32) as f64).to_bits());
    println!("from_be_bytes {:?}", f64::from_be_bytes([0x40, 0x09, 0x21, 0xfb, 0x54, 0x44, 0x2d, 0x18]));
    println!("to_le_bytes {:?}", black_box(1.5f32).to_le_bytes());
}
