// Tests integer division and remainder for every width and sign combination (incl. division by constants and variables, MIN/-1 avoided), plus div_euclid and wide multiplication.
use std::hint::black_box;

macro_rules! div_table {
    ($t:ty, $vals:expr, $divs:expr) => {{
        let mut h: u64 = 0;
        for &a in $vals.iter() {
            for &d in $divs.iter() {
                let a: $t = black_box(a);
                let d: $t = black_box(d);
                if d == 0 {
                    continue;
                }
                if let (Some(q), Some(r)) = (a.checked_div(d), a.checked_rem(d)) {
                    assert_eq!(q * d + r, a);
                    h = h.wrapping_mul(1_000_003).wrapping_add(q as u64).wrapping_mul(31).wrapping_add(r as u64);
                }
            }
        }
        let a: $t = black_box($vals[$vals.len() - 1]);
        println!("{:5}: hash {:016x} sample {} / 7 = {} rem {}, / 10 = {}, % 16 = {}", stringify!($t), h, a, a / 7, a % 7, a / 10, a % 16);
    }};
}

fn main() {
    div_table!(u8, [0u8, 1, 7, 100, 128, 200, 255], [1u8, 2, 3, 7, 10, 16, 255, 0]);
    div_table!(i8, [0i8, 1, -1, 7, -7, 100, -100, 127, -128], [1i8, -1, 2, -2, 3, 7, -7, 127, -128]);
    div_table!(u16, [0u16, 1, 999, 32768, 65535], [1u16, 3, 10, 256, 1000, 65535]);
    div_table!(i16, [0i16, -1, 12345, -12345, i16::MAX, i16::MIN], [1i16, -1, 3, -3, 10, 256, -1000]);
    div_table!(u32, [0u32, 1, 1_000_000_007, 0x8000_0000, u32::MAX], [1u32, 3, 7, 10, 1 << 16, 1_000_000, u32::MAX]);
    div_table!(i32, [0i32, -1, 1_000_000_007, -1_000_000_007, i32::MAX, i32::MIN], [1i32, -1, 3, -3, 10, -10, 65536, i32::MAX]);
    div_table!(u64, [0u64, 1, 10u64.pow(18), 1 << 63, u64::MAX], [1u64, 3, 7, 10, 1 << 32, 10u64.pow(9), u64::MAX]);
    div_table!(i64, [0i64, -1, 10i64.pow(18), -(10i64.pow(18)), i64::MAX, i64::MIN], [1i64, -1, 3, -7, 10, 1 << 32, -(10i64.pow(9))]);
    div_table!(u128, [0u128, 1, 10u128.pow(30), 1 << 127, u128::MAX], [1u128, 3, 7, 10, 1 << 64, (1 << 64) + 1, 10u128.pow(19), u128::MAX]);
    div_table!(i128, [0i128, -1, 10i128.pow(30), -(10i128.pow(30)), i128::MAX, i128::MIN], [1i128, -1, 3, -7, 10, 1 << 64, -(1 << 70)]);
    div_table!(usize, [0usize, 1, 12345678, usize::MAX], [1usize, 2, 3, 1000, usize::MAX]);
    div_table!(isize, [0isize, -1, -12345678, isize::MAX, isize::MIN], [1isize, -1, 2, -3, 1000]);
    // constant divisors (often strength-reduced by backends)
    let mut acc = 0u64;
    for i in 0..2000u32 {
        let x = black_box(i.wrapping_mul(2654435761));
        acc = acc.wrapping_add((x / 3) as u64 + (x % 3) as u64 * 7 + (x / 10) as u64 + (x % 1000) as u64 + (x / 641) as u64);
        let s = black_box(i as i32 - 1000);
        acc = acc.wrapping_add((s / 3) as u64).wrapping_add((s % 5) as u64).wrapping_add((s / 8) as u64).wrapping_add((s % 8) as u64);
        let w = black_box((i as u64) << 40 | i as u64);
        acc = acc.wrapping_add(w / 1_000_000_007 + w % 97);
    }
    println!("const divisor accumulator {}", acc);
    for (a, b) in [(-7i32, 2i32), (7, -2), (-7, -2), (7, 2), (i32::MIN, 3), (i32::MIN + 1, -1)] {
        let (a, b) = (black_box(a), black_box(b));
        println!("{} / {}: q={} r={} div_euclid={} rem_euclid={} div_floor-ish={}", a, b, a / b, a % b, a.div_euclid(b), a.rem_euclid(b), (a as f64 / b as f64).floor() as i32);
    }
    // widening multiply to get the high half
    for (a, b) in [(u64::MAX, u64::MAX), (0x1234_5678_9abc_def0, 0xfedc_ba98_7654_3210), (1 << 63, 2)] {
        let p = black_box(a) as u128 * black_box(b) as u128;
        println!("{:#x} * {:#x} = hi {:#x} lo {:#x}", a, b, (p >> 64) as u64, p as u64);
    }
    let s = black_box(-3i64) as i128 * black_box(i64::MAX) as i128;
    println!("signed wide {} hi {:#x}", s, (s >> 64) as i64);
    println!("gcd chain {:?}", [(48u64, 18u64), (1071, 462), (17, 5), (0, 9), (1 << 40, 1 << 20)].map(|(mut a, mut b)| {
        while b != 0 {
            let t = a % b;
            a = b;
            b = t;
        }
        a
    }));
}
