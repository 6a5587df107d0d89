// Tests bit manipulation: leading/trailing zeros, count_ones, rotate, swap_bytes, reverse_bits, pow, isqrt, ilog, byte conversions, shifts.
use std::hint::black_box;

fn popcount_manual(mut x: u64) -> u32 {
    let mut c = 0;
    while x != 0 {
        x &= x - 1;
        c += 1;
    }
    c
}

fn main() {
    let vals: [u64; 8] = [0, 1, 2, 0xff, 0x8000_0000_0000_0000, 0xdead_beef_cafe_babe, u64::MAX, 12345678987654321];
    for &v in &vals {
        let v = black_box(v);
        println!(
            "{:#018x}: lz={} tz={} ones={} zeros={} manual={} rotl13={:#x} rotr7={:#x} swap={:#x} rev={:#x} lo={} to={}",
            v,
            v.leading_zeros(),
            v.trailing_zeros(),
            v.count_ones(),
            v.count_zeros(),
            popcount_manual(v),
            v.rotate_left(13),
            v.rotate_right(7),
            v.swap_bytes(),
            v.reverse_bits(),
            v.leading_ones(),
            v.trailing_ones()
        );
    }
    for &v in &[0u8, 1, 0x80, 0xf0, 0x0f, 0xff, 0x5a] {
        let v = black_box(v);
        println!("u8 {:08b}: lz={} tz={} ones={} rev={:08b} rotl3={:08b}", v, v.leading_zeros(), v.trailing_zeros(), v.count_ones(), v.reverse_bits(), v.rotate_left(3));
    }
    for &v in &[0i32, -1, i32::MIN, 1 << 20, -(1 << 20)] {
        let v = black_box(v);
        println!("i32 {}: lz={} tz={} ones={} swap={} rev={}", v, v.leading_zeros(), v.trailing_zeros(), v.count_ones(), v.swap_bytes(), v.reverse_bits());
    }
    let x16 = black_box(0x1234u16);
    println!("u16 swap {:#x} be {:?} le {:?} ne==le {}", x16.swap_bytes(), x16.to_be_bytes(), x16.to_le_bytes(), x16.to_ne_bytes() == x16.to_le_bytes());
    println!("u32 from_be {:#x} from_le {:#x}", u32::from_be_bytes([1, 2, 3, 4]), u32::from_le_bytes([1, 2, 3, 4]));
    println!("i64 from_be {}", i64::from_be_bytes([0xff; 8]));
    for b in 0..=12u32 {
        print!("{} ", black_box(3u64).pow(b * 3));
    }
    println!();
    println!("i64 pow {} {} {}", black_box(-2i64).pow(63), black_box(-3i64).pow(5), black_box(7i32).pow(0));
    for n in [0u64, 1, 2, 3, 4, 15, 16, 17, 99, 100, 1 << 40, u64::MAX] {
        let n = black_box(n);
        let r = n.isqrt();
        println!("isqrt({})={} ok={} ilog2={:?} ilog10={:?}", n, r, r * r <= n && (r + 1).checked_mul(r + 1).map_or(true, |s| s > n), n.checked_ilog2(), n.checked_ilog10());
    }
    println!("i32 isqrt {} {:?}", black_box(1_000_000i32).isqrt(), black_box(-4i32).checked_isqrt());
    println!("ilog(3) {} ilog(7) {}", black_box(1000u32).ilog(3), black_box(u64::MAX).ilog(7));
    // shifts by variable amounts
    let s = black_box(0x0123_4567u32);
    for sh in [0u32, 1, 4, 8, 16, 31] {
        let sh = black_box(sh);
        println!("sh {:2}: << {:#010x} >> {:#010x} i32>> {:#010x} i8>> {}", sh, s << sh, s >> sh, (black_box(-0x7654_3210i32) >> sh) as u32, black_box(-100i8) >> (sh % 8));
    }
    // gray code and bit tricks
    let gray: Vec<String> = (0u8..16).map(|i| format!("{:04b}", i ^ (i >> 1))).collect();
    println!("gray {}", gray.join(" "));
    let mut subsets = Vec::new();
    let mask = black_box(0b1011u32);
    let mut sub = mask;
    loop {
        subsets.push(sub);
        if sub == 0 {
            break;
        }
        sub = (sub - 1) & mask;
    }
    println!("subsets of {:04b}: {:?}", mask, subsets);
    println!("lowest bit {} isolate {}", black_box(40u32) & black_box(40u32).wrapping_neg(), black_box(0b10110u32) & !(black_box(0b10110u32) - 1));
    println!("bool as int {} {} char as u8 {}", true as u8, false as i32, 'A' as u8 + 2);
    println!("u128 bits {} {} {}", black_box(1u128 << 100).leading_zeros(), black_box(1u128 << 100).trailing_zeros(), black_box(u128::MAX - 1).count_ones());
}
