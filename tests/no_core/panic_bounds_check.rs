// Array and slice index bounds checks: reading past the end of a slice calls
// the `panic_bounds_check` lang item with the index and length (exit 101).
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

#[inline(never)]
fn get(xs: &[u16], i: usize) -> u16 {
    xs[i]
}

fn main() {
    let mut table = [0u16; 8];
    let mut i = 0;
    while i < table.len() {
        table[i] = (i * i) as u16;
        i += 1;
    }
    let window: &[u16] = table.sub(2, 6);
    let mut j = 0;
    loop {
        // j == 4 is out of bounds for the 4-element window.
        print_labeled("window[j]=", get(window, j) as i64);
        j += 1;
    }
}
