// Debug overflow checks: summing cubes in an i32 overflows on the 304th term
// and must call the `panic_const_add_overflow` lang item (exit status 101,
// message on stdout). Everything printed before the panic must survive.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

#[inline(never)]
fn cube(n: i32) -> i32 {
    n * n * n
}

fn main() {
    let mut sum: i32 = 0;
    let mut n = 1;
    loop {
        let c = cube(n);
        if n % 50 == 0 {
            unsafe {
                libc::printf(c"n=%d sum=%d\n".as_ptr(), n, sum);
            }
        }
        sum += c; // overflows once sum exceeds i32::MAX
        n += 1;
    }
}
