// `%` by zero on u32 panics with "attempt to calculate the remainder with a
// divisor of zero" (exit 101). Euclid's gcd is fine until it is fed a zero.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

#[inline(never)]
fn gcd(a: u32, b: u32) -> u32 {
    let (mut a, mut b) = (a, b);
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

#[inline(never)]
fn bucket(hash: u32, buckets: u32) -> u32 {
    hash % buckets
}

fn main() {
    print_labeled("gcd(1071, 462)=", gcd(1071, 462) as i64);
    print_labeled("gcd(17, 5)=", gcd(17, 5) as i64);
    let sizes = [7u32, 3, 1, 0, 5];
    for s in &sizes {
        print_labeled("bucket=", bucket(123456789, *s) as i64);
    }
}
