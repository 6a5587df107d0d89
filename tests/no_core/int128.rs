// u128/i128 basics: add/sub/mul (checked at run time in debug builds),
// comparisons, shifts across the 64-bit halves, bit ops, casts to/from
// 64-bit types, passing/returning 128-bit values, and 128-bit values in
// structs and arrays. Division is deliberately not used (it would need
// compiler-builtins' __udivti3). Printed as hex halves. Exits with the low
// byte of a checksum.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

fn show(label: &str, x: u128) {
    print_str(label);
    unsafe {
        libc::printf(c" = 0x%016llx_%016llx\n".as_ptr(), (x >> 64) as u64, x as u64);
    }
}

fn show_i(label: &str, x: i128) {
    print_str(label);
    let neg = x < 0;
    let mag = if neg { 0u128.wrapping_sub(x as u128) } else { x as u128 };
    unsafe {
        libc::printf(c" = %s0x%llx_%016llx\n".as_ptr(), if neg { c"-".as_ptr() } else { c"".as_ptr() },
            (mag >> 64) as u64, mag as u64);
    }
}

#[inline(never)]
fn mul_add(a: u128, b: u128, c: u128) -> u128 {
    a * b + c
}

#[inline(never)]
fn signed_ops(a: i128, b: i128) -> (i128, i128, i128) {
    (a + b, a - b, a * b)
}

#[inline(never)]
fn compare(a: i128, b: i128) -> i32 {
    if a < b { -1 } else if a > b { 1 } else { 0 }
}

/// Factorials up to 34! fit in u128.
fn factorial(n: u32) -> u128 {
    let mut acc: u128 = 1;
    let mut i = 2;
    while i <= n {
        acc *= i as u128;
        i += 1;
    }
    acc
}

struct Wide {
    tag: u8,
    value: u128,
}

fn main() -> u8 {
    let a: u128 = 0x0123_4567_89ab_cdef_fedc_ba98_7654_3210;
    let b: u128 = u64::MAX as u128 + 1; // 2^64
    show("a", a);
    show("b", b);
    show("a + b", a + b);
    show("a - b", a - b);
    show("a << 4", a << 4);
    show("a >> 68", a >> 68);
    show("a & !b ^ 1", a & !b ^ 1);
    show("u64::MAX * u64::MAX", mul_add(u64::MAX as u128, u64::MAX as u128, 0));
    show("mul_add", mul_add(0xdead_beef, 0x1_0000_0001, 7));
    show("25!", factorial(25));
    show("34!", factorial(34));
    show("u128::MAX", u128::MAX);
    print_labeled("count_ones(a)=", a.count_ones() as i64);
    print_labeled("leading_zeros(b)=", b.leading_zeros() as i64);

    let (s, d, p) = signed_ops(-5_000_000_000_000_000_000, 3_000_000_000_000_000_000);
    show_i("sum", s);
    show_i("diff", d);
    show_i("prod", p);
    show_i("i128::MIN", i128::MIN);
    show_i("i128::MAX >> 100", i128::MAX >> 100);
    show_i("-1 >> 127 (arithmetic)", -1i128 >> 127);
    show_i("-(2^100) as i64 as i128", ((-1i128 << 100) as i64) as i128);
    unsafe {
        libc::printf(c"compare: %d %d %d %d\n".as_ptr(), compare(-1, 1), compare(i128::MAX, i128::MIN),
            compare(7, 7), compare(-1i128 << 90, -1i128 << 89));
        libc::printf(c"casts: %llu %lld %d\n".as_ptr(), a as u64, -2i128 as i64, ((1u128 << 127) > a) as i32);
    }
    let wrapped = u128::MAX.wrapping_add(3);
    let checked = u128::MAX.checked_add(1).is_none();
    show("MAX wrapping_add 3", wrapped);
    print_labeled("MAX checked_add 1 is none: ", checked as i64);

    let table = [Wide { tag: 1, value: a }, Wide { tag: 2, value: b }, Wide { tag: 3, value: factorial(30) }];
    let mut sum: u128 = 0;
    for w in &table {
        sum = sum.wrapping_add(w.value.wrapping_mul(w.tag as u128));
    }
    show("checksum", sum);
    unsafe {
        libc::printf(c"size %zu align %zu (Wide: %zu)\n".as_ptr(), size_of::<u128>(), align_of::<u128>(), size_of::<Wide>());
    }
    (sum as u8) ^ (sum >> 120) as u8
}
