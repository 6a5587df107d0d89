// Tests numeric casts: int<->float with saturation and NaN, i128<->f64/f32, widening/narrowing, sign changes, From/TryFrom.
use std::hint::black_box;

fn main() {
    let fs: [f64; 16] = [0.0, -0.0, 0.5, -0.5, 1.9999, -1.9999, 255.5, 256.0, -129.0, 3e9, -3e9, 1e20, -1e20, f64::NAN, f64::INFINITY, f64::NEG_INFINITY];
    for &f in &fs {
        let f = black_box(f);
        println!(
            "{:>8e}: u8={} i8={} u16={} i16={} u32={} i32={} u64={} i64={} u128={} i128={}",
            f, f as u8, f as i8, f as u16, f as i16, f as u32, f as i32, f as u64, f as i64, f as u128, f as i128
        );
    }
    let f32s: [f32; 6] = [16777217.0, -2147483648.0, 2147483647.0, 4294967296.0, 1e38, f32::MIN_POSITIVE];
    for &f in &f32s {
        let f = black_box(f);
        println!("f32 {:e}: i32={} u32={} i64={} u128={} f64={}", f, f as i32, f as u32, f as i64, f as u128, f as f64);
    }
    let ints: [i128; 10] = [0, 1, -1, 9007199254740993, -9007199254740993, i64::MAX as i128, u64::MAX as i128, i128::MAX, i128::MIN, 170141183460469231731687303715884105727 / 3];
    for &i in &ints {
        let i = black_box(i);
        println!("i128 {} -> f64 {:e} f32 {:e} back {}", i, i as f64, i as f32, (i as f64) as i128);
    }
    let us: [u128; 5] = [u128::MAX, 1 << 127, (1 << 64) - 1, 0xffff_ff00_0000_0000_0000_0000_0000_0000, 12345678901234567890123456789];
    for &u in &us {
        let u = black_box(u);
        println!("u128 {} -> f64 {:e} f32 {:e} back {}", u, u as f64, u as f32, (u as f32) as u128);
    }
    for &i in &[i64::MAX, i64::MIN, 9007199254740993i64, -1, (1i64 << 53) + 1] {
        let i = black_box(i);
        println!("i64 {} -> f64 {:?} f32 {:?}", i, i as f64, i as f32);
    }
    for &u in &[u64::MAX, 1u64 << 63, (1u64 << 63) + 1025, 0xfffffffffffff800] {
        let u = black_box(u);
        println!("u64 {} -> f64 {:?} f32 {:?} back {}", u, u as f64, u as f32, (u as f64) as u64);
    }
    // integer widening/narrowing
    let x: i32 = black_box(-123456789);
    println!("i32 {} -> u8 {} i8 {} u16 {} i16 {} u32 {} u64 {} i64 {} u128 {} usize {}", x, x as u8, x as i8, x as u16, x as i16, x as u32, x as u64, x as i64, x as u128, x as usize);
    let y: u64 = black_box(0xfedc_ba98_7654_3210);
    println!("u64 {:#x} -> i32 {} u32 {:#x} i16 {} i128 {} i64 {}", y, y as i32, y as u32, y as i16, y as i128, y as i64);
    let b: i8 = black_box(-1);
    println!("i8 -1 -> u128 {} i128 {} char {:?}", b as u128, b as i128, (b as u8) as char);
    println!("char casts {} {} {:?}", 'é' as u32, '😀' as u8, 200u8 as char);
    // From / TryFrom
    println!("u8::try_from(300) {:?}", u8::try_from(black_box(300i32)).is_err());
    println!("i8::try_from(-128i64) {:?}", i8::try_from(black_box(-128i64)));
    println!("u32::try_from(-1) err {}", u32::try_from(black_box(-1i64)).unwrap_err());
    println!("usize::try_from(u128::MAX) {:?}", usize::try_from(black_box(u128::MAX)).is_err());
    println!("i128::from(u64::MAX) {}", i128::from(black_box(u64::MAX)));
    println!("f64::from(f32) {} f64::from(i32) {}", f64::from(black_box(0.1f32)), f64::from(black_box(i32::MIN)));
    println!("char::try_from(0xD800) {:?} u32::from('a') {}", char::try_from(black_box(0xD800u32)).is_err(), u32::from('a'));
    // f64 <-> f32
    for &d in &[0.1f64, 1e39, -1e-46, 3.4028235677973366e38, f64::NAN, 1.0000000596046448] {
        let d = black_box(d);
        println!("f64 {:e} -> f32 {:e}", d, d as f32);
    }
    // float rounding functions then cast
    let mut s = 0i64;
    for k in -20..=20 {
        let v = black_box(k as f64 * 0.37);
        s += v.round() as i64 * 1000 + v.floor() as i64 * 100 + v.ceil() as i64 * 10 + v.trunc() as i64;
    }
    println!("rounding checksum {}", s);
    println!("small casts: {} {}", black_box(2.9f32) as u8, (black_box(-2.9f32) as i8) as u8);
}
