// Shifting by >= the bit width is an overflow in debug builds: `1u32 << 32`
// panics with "attempt to shift left with overflow" (exit 101). Shifts below
// the width (including by 31) are fine.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

#[inline(never)]
fn bit(n: u32) -> u32 {
    1u32 << n
}

fn main() {
    let mut n = 28;
    loop {
        unsafe {
            libc::printf(c"1 << %u = %u\n".as_ptr(), n, bit(n));
        }
        n += 1;
    }
}
