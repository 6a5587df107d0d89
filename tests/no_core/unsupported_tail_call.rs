//@ expect-clif-error: explicit tail calls
// Explicit tail calls (`become`). The LLVM backend compiles them; the
// Cranelift backend does not support them yet and must reject the program
// with a diagnostic naming them instead of miscompiling it.
#![feature(no_core, explicit_tail_calls)]
#![allow(incomplete_features)]
#![no_core]
extern crate mini_core;
use mini_core::*;

fn count(n: u32, acc: u32) -> u32 {
    if n == 0 { acc } else { become count(n - 1, acc + 1) }
}

fn main() {
    unsafe {
        libc::printf(c"count = %u\n".as_ptr(), count(10, 0));
    }
}
