// Tests i128/u128 arithmetic: mul, div, rem, shifts, formatting, parsing, comparisons, and a bignum-ish factorial/fibonacci.
use std::hint::black_box;

fn mulmod(a: u128, b: u128, m: u128) -> u128 {
    let mut r = 0u128;
    let mut a = a % m;
    let mut b = b;
    while b > 0 {
        if b & 1 == 1 {
            r = (r + a) % m;
        }
        a = (a << 1) % m;
        b >>= 1;
    }
    r
}

fn powmod(mut b: u128, mut e: u128, m: u128) -> u128 {
    let mut r = 1u128;
    b %= m;
    while e > 0 {
        if e & 1 == 1 {
            r = mulmod(r, b, m);
        }
        b = mulmod(b, b, m);
        e >>= 1;
    }
    r
}

fn main() {
    let a: u128 = black_box(0x0123_4567_89ab_cdef_fedc_ba98_7654_3210);
    let b: u128 = black_box(0xffff_ffff_0000_0001);
    println!("a={} b={}", a, b);
    println!("a+b={} a-b={}", a + b, a - b);
    println!("a*b wrapping={}", a.wrapping_mul(b));
    println!("a/b={} a%b={}", a / b, a % b);
    println!("a/7={} a%7={}", a / black_box(7), a % black_box(7));
    println!("a>>3={:#x} a<<17={:#x} a>>100={} a<<127={:#x}", a >> 3, a << 17, a >> 100, a << 127);
    println!("a&b={:#x} a|b={:#x} a^b={:#x} !a={:#x}", a & b, a | b, a ^ b, !a);
    let n: i128 = black_box(-170141183460469231731687303715884105728 + 12345);
    println!("n={} n/3={} n%3={} n.abs_diff(0)={}", n, n / 3, n % 3, n.abs_diff(0));
    println!("n>>5={} (n as u128)>>5={}", n >> 5, (n as u128) >> 5);
    println!("div_euclid {} rem_euclid {}", n.div_euclid(-1000), n.rem_euclid(-1000));
    let c: i128 = black_box(-987654321987654321987654321);
    let d: i128 = black_box(123456789123);
    println!("c*d={} c/d={} c%d={}", c.wrapping_mul(d), c / d, c % d);
    println!("checked_mul {:?} {:?}", c.checked_mul(d), c.checked_mul(c));
    println!("c*-1={} c.signum={} c.pow(2) overflow? {:?}", c * -1, c.signum(), c.checked_pow(2));
    let mut fact: u128 = 1;
    for i in 1..=34u128 {
        fact *= i;
        if i % 5 == 0 || i >= 32 {
            println!("{}! = {}", i, fact);
        }
    }
    println!("35! checked: {:?}", fact.checked_mul(35));
    let (mut x, mut y) = (0u128, 1u128);
    let mut i = 0;
    while let Some(z) = x.checked_add(y) {
        x = y;
        y = z;
        i += 1;
    }
    println!("largest fib in u128: F({}) = {}", i + 1, y);
    println!("powmod(3, 1000, 2^89-1) = {}", powmod(3, 1000, (1u128 << 89) - 1));
    // Miller-Rabin-ish Fermat test on a few numbers
    for p in [(1u128 << 61) - 1, (1u128 << 89) - 1, (1u128 << 64) + 1, 1_000_000_000_000_000_003] {
        println!("fermat {} -> {}", p, powmod(2, p - 1, p) == 1);
    }
    println!("leading_zeros {} trailing_zeros {} count_ones {}", a.leading_zeros(), (a << 40).trailing_zeros(), a.count_ones());
    println!("swap_bytes {:#x}", a.swap_bytes());
    println!("rotate_left(64) {:#x}", a.rotate_left(64));
    println!("to_be_bytes {:?}", &b.to_be_bytes()[..]);
    println!("from_le_bytes {}", u128::from_le_bytes([1; 16]));
    let parsed: i128 = "-99999999999999999999999999999".parse().unwrap();
    println!("parsed {} * 1000 = {}", parsed, parsed * 1000);
    println!("cmp {} {} {}", a > b, n < 0, (c as u128) > a);
    println!("casts {} {} {} {}", a as u64, a as i8, n as i64, (n as f64));
    println!("u128 max/3 {} i128::MAX/ -7 {}", u128::MAX / 3, i128::MAX / -7);
    let v: Vec<u128> = (0..8).map(|k| black_box(u128::MAX) >> (k * 16)).collect();
    let sum = v.iter().fold(0u128, |acc, &x| acc.wrapping_add(x));
    println!("wrapping sum {}", sum);
    println!("isqrt {} {}", u128::MAX.isqrt(), black_box(10u128.pow(30)).isqrt());
    println!("ilog10 {} ilog2 {}", a.ilog10(), a.ilog2());
}
