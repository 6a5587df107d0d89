// u64 factorial: 21! does not fit in a u64, so the multiplication panics with
// "attempt to multiply with overflow" (exit 101).
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

#[inline(never)]
fn factorial(n: u64) -> u64 {
    if n <= 1 { 1 } else { n * factorial(n - 1) }
}

fn main() {
    let mut i = 15;
    while i <= 25 {
        unsafe {
            libc::printf(c"%2llu! = %llu\n".as_ptr(), i, factorial(i));
        }
        i += 1;
    }
}
