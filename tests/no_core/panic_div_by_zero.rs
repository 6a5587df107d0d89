// Integer division by a runtime zero panics with "attempt to divide by zero"
// (exit 101) — the check runs before the (trapping) machine division.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

#[inline(never)]
fn average(total: i64, count: i64) -> i64 {
    total / count
}

fn main() {
    let data = [[10i64, 20, 30], [5, 5, 5], [0, 0, 0]];
    let counts = [3i64, 3, 0];
    let mut i = 0;
    while i < 3 {
        let row = data[i];
        let total = row[0] + row[1] + row[2];
        print_labeled("average=", average(total, counts[i]));
        i += 1;
    }
}
