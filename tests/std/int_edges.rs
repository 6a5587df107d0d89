// Tests checked/wrapping/saturating/overflowing arithmetic at the edges for i8..i128 and u8..u128.
use std::hint::black_box;

macro_rules! edges {
    ($t:ty) => {{
        let max: $t = black_box(<$t>::MAX);
        let min: $t = black_box(<$t>::MIN);
        let one: $t = black_box(1);
        let two: $t = black_box(2);
        println!("== {} min={} max={} bits={}", stringify!($t), min, max, <$t>::BITS);
        println!("checked_add {:?} {:?} checked_sub {:?} {:?}", max.checked_add(one), (max - one).checked_add(one), min.checked_sub(one), max.checked_sub(one));
        println!("checked_mul {:?} checked_div {:?} {:?} checked_rem {:?}", max.checked_mul(two), max.checked_div(black_box(0)), min.checked_div(two), max.checked_rem(black_box(0)));
        println!("wrapping add {} sub {} mul {} neg {}", max.wrapping_add(one), min.wrapping_sub(one), max.wrapping_mul(two), min.wrapping_neg());
        println!("saturating add {} sub {} mul {}", max.saturating_add(one), min.saturating_sub(one), max.saturating_mul(two));
        println!("overflowing add {:?} sub {:?} mul {:?}", max.overflowing_add(one), min.overflowing_sub(one), max.overflowing_mul(two));
        println!("wrapping_shl(bits+1) {} checked_shl(bits) {:?} wrapping_shr {}", one.wrapping_shl(<$t>::BITS + 1), one.checked_shl(<$t>::BITS), max.wrapping_shr(<$t>::BITS + 2));
        println!("pow: checked {:?} wrapping {} saturating {} overflowing {:?}", two.checked_pow(<$t>::BITS - 1), two.wrapping_pow(<$t>::BITS), two.saturating_pow(<$t>::BITS), two.overflowing_pow(<$t>::BITS - 1));
        println!("div_euclid {} rem_euclid {} max/2 {} max%3 {}", max.div_euclid(two + one), max.rem_euclid(two + one), max / two, max % (two + one));
        println!("abs_diff {} min.max(max) {} clamp {}", max.abs_diff(min), min.max(max), max.clamp(one, two));
    }};
}

macro_rules! signed_extra {
    ($t:ty) => {{
        let min: $t = black_box(<$t>::MIN);
        let neg1: $t = black_box(-1);
        println!("  signed {}: checked_neg {:?} checked_abs {:?} wrapping_abs {} unsigned_abs {} overflowing_div {:?} wrapping_div {} checked_div {:?} wrapping_rem {} signum {}",
            stringify!($t), min.checked_neg(), min.checked_abs(), min.wrapping_abs(), min.unsigned_abs(), min.overflowing_div(neg1), min.wrapping_div(neg1), min.checked_div(neg1), min.wrapping_rem(neg1), min.signum());
        let v: $t = black_box(-7);
        println!("  -7/2={} -7%2={} div_euclid={} rem_euclid={} -7>>1={} saturating_neg(min)={}", v / 2, v % 2, v.div_euclid(2), v.rem_euclid(2), v >> 1, min.saturating_neg());
    }};
}

fn main() {
    edges!(u8);
    edges!(u16);
    edges!(u32);
    edges!(u64);
    edges!(u128);
    edges!(usize);
    edges!(i8);
    signed_extra!(i8);
    edges!(i16);
    signed_extra!(i16);
    edges!(i32);
    signed_extra!(i32);
    edges!(i64);
    signed_extra!(i64);
    edges!(i128);
    signed_extra!(i128);
    edges!(isize);
    signed_extra!(isize);
    // carrying through a sequence
    let mut acc: u8 = black_box(200);
    let mut carries = 0;
    for step in [30u8, 40, 250, 1, 255] {
        let (r, c) = acc.overflowing_add(step);
        acc = r;
        carries += c as u32;
        println!("acc={} carry={}", acc, c);
    }
    println!("carries {}", carries);
    println!("wrapping i16 chain {}", (0..1000i16).fold(black_box(0i16), |a, x| a.wrapping_mul(31).wrapping_add(x)));
    println!("next_power_of_two {} {:?} {:?}", black_box(100u32).next_power_of_two(), black_box(u32::MAX).checked_next_power_of_two(), black_box(0u8).checked_next_power_of_two());
    println!("is_power_of_two {} {}", black_box(64u64).is_power_of_two(), black_box(65u64).is_power_of_two());
    println!("midpoint-ish {} {}", (black_box(u8::MAX) as u16 + black_box(253u8) as u16) / 2, black_box(i32::MIN).midpoint(black_box(i32::MAX)));
    println!("div_ceil {} checked_ilog2 {:?} {:?}", black_box(17u32).div_ceil(5), black_box(0u32).checked_ilog2(), black_box(1000u32).checked_ilog10());
}
