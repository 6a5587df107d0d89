// `i64::MIN / -1` overflows: "attempt to divide with overflow" (exit 101).
// `i64::MIN % -1` would be the remainder variant; the division comes first.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

#[inline(never)]
fn div(a: i64, b: i64) -> i64 {
    a / b
}

fn main() {
    let divisors = [7i64, -7, 2, -2, 1, -1];
    for d in &divisors {
        unsafe {
            libc::printf(c"MIN / %lld = %lld\n".as_ptr(), *d, div(i64::MIN, *d));
        }
    }
}
