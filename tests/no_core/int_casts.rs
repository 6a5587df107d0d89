// Integer <-> integer casts: zero/sign extension, truncation, and casts from
// u8/char/bool to integers (and u8 -> char).
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

#[inline(never)]
fn widen(b: u8, s: i8, h: i16, w: u32) {
    unsafe {
        libc::printf(
            c"u8 %u -> i16 %d, u64 %llu, i64 %lld | i8 %d -> u16 %u, u32 %u, i64 %lld, u64 %llu\n"
                .as_ptr(),
            b as u32, (b as i16) as i32, b as u64, b as i64,
            s as i32, (s as u16) as u32, s as u32, s as i64, s as u64,
        );
        libc::printf(
            c"i16 %d -> u32 %u, i64 %lld, usize %zu | u32 %u -> i64 %lld, isize %zd, i32 %d\n".as_ptr(),
            h as i32, h as u32, h as i64, h as usize, w, w as i64, w as isize, w as i32,
        );
    }
}

#[inline(never)]
fn narrow(x: i64) {
    unsafe {
        libc::printf(
            c"%lld -> i8 %d u8 %u i16 %d u16 %u i32 %d u32 %u\n".as_ptr(),
            x,
            (x as i8) as i32,
            (x as u8) as u32,
            (x as i16) as i32,
            (x as u16) as u32,
            x as i32,
            x as u32,
        );
    }
}

#[inline(never)]
fn from_char(c: char) -> u32 {
    c as u32
}

#[inline(never)]
fn from_bool(b: bool) -> (u8, i32, u64) {
    (b as u8, b as i32, b as u64)
}

fn main() {
    widen(200, -100, -2, 3_000_000_000);
    widen(1, 127, 32767, 7);
    narrow(-1);
    narrow(300);
    narrow(-129);
    narrow(65537);
    narrow(0x7fff_ffff_8000_0001);

    // char -> integer casts truncate the code point.
    let chars = ['A', 'z', '0', '\n', 'é', '€', '😀'];
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let v = from_char(c);
        unsafe {
            libc::printf(c"char U+%04X as u8 %u as i8 %d as u16 %u as i64 %lld\n".as_ptr(),
                v, (c as u8) as u32, (c as u8 as i8) as i32, (c as u16) as u32, c as i64);
        }
        i += 1;
    }

    // u8 -> char (the only integer type that casts to char).
    let mut s = [0u8; 26];
    let mut b = 0u8;
    while b < 26 {
        let c = (b'a' + b) as char;
        let upper = ((c as u8) - 32) as char;
        s[b as usize] = if b % 2 == 0 { upper as u8 } else { c as u8 };
        b += 1;
    }
    print_bytes(&s);
    print_str("\n");

    let (t8, t32, t64) = from_bool(true);
    let (f8, f32_, f64_) = from_bool(false);
    unsafe {
        libc::printf(c"true -> %u %d %llu, false -> %u %d %llu\n".as_ptr(),
            t8 as u32, t32, t64, f8 as u32, f32_, f64_);
    }
    // Counting with bool casts.
    let xs = [3, -1, 4, -1, 5, -9, 2, 6];
    let mut negatives = 0;
    let mut i = 0;
    while i < xs.len() {
        negatives += (xs[i] < 0) as i32;
        i += 1;
    }
    print_labeled("negatives=", negatives as i64);
}
