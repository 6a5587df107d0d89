// Unsigned underflow: a u8 countdown by 3 misses zero and `x - 3` panics with
// "attempt to subtract with overflow" (exit 101).
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

#[inline(never)]
fn step(x: u8) -> u8 {
    x - 3
}

fn main() {
    let mut x: u8 = 20;
    while x != 0 {
        print_labeled("x=", x as i64);
        x = step(x);
    }
    println_str("unreachable: the countdown never hits zero");
}
