// Shifts (logical vs arithmetic, mixed-width shift amounts), bitwise ops,
// bit counting intrinsics and a real bit-twiddling computation (CRC-32).
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

#[inline(never)]
fn shifts_i32(x: i32, s: u32) {
    unsafe {
        libc::printf(c"i32 %d << %u = %d, >> %u = %d\n".as_ptr(), x, s, x << s, s, x >> s);
    }
}

#[inline(never)]
fn shifts_u8(x: u8, s: u8) {
    let l = x << s;
    let r = x >> s;
    unsafe {
        libc::printf(c"u8 %u << %u = %u, >> = %u\n".as_ptr(), x as u32, s as u32, l as u32, r as u32);
    }
}

#[inline(never)]
fn shifts_i64(x: i64, s: i8) {
    unsafe {
        libc::printf(c"i64 %lld << %d = %lld, >> = %lld\n".as_ptr(), x, s as i32, x << s, x >> s);
    }
}

#[inline(never)]
fn shifts_u16_i16(x: u16, s: usize) {
    let y = x as i16;
    unsafe {
        libc::printf(
            c"u16 %u >> %zu = %u; as i16 %d >> %zu = %d\n".as_ptr(),
            x as u32, s, (x >> s) as u32, y as i32, s, (y >> s) as i32,
        );
    }
}

#[inline(never)]
fn bitops(a: u64, b: u64) {
    unsafe {
        libc::printf(
            c"a=%016llx b=%016llx and=%016llx or=%016llx xor=%016llx not=%016llx\n".as_ptr(),
            a, b, a & b, a | b, a ^ b, !a,
        );
    }
}

#[inline(never)]
fn counts(x: u32) {
    unsafe {
        libc::printf(
            c"%08x: ones=%u lz=%u tz=%u bswap=%08x\n".as_ptr(),
            x, x.count_ones(), x.leading_zeros(), x.trailing_zeros(), x.swap_bytes(),
        );
    }
}

/// Bit-reversed CRC-32 (IEEE 802.3), as used by zlib.
fn crc32(data: &[u8]) -> u32 {
    let mut crc: u32 = !0;
    let mut i = 0;
    while i < data.len() {
        crc ^= data[i] as u32;
        let mut k = 0;
        while k < 8 {
            let mask = (!(crc & 1)).wrapping_add(1); // 0 or 0xffffffff
            crc = (crc >> 1) ^ (0xEDB88320 & mask);
            k += 1;
        }
        i += 1;
    }
    !crc
}

/// Software popcount (compare against the intrinsic).
fn popcount(mut x: u64) -> u32 {
    x = x - ((x >> 1) & 0x5555555555555555);
    x = (x & 0x3333333333333333) + ((x >> 2) & 0x3333333333333333);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0f;
    (x.wrapping_mul(0x0101010101010101) >> 56) as u32
}

fn main() {
    shifts_i32(1, 31);
    shifts_i32(-16, 2);
    shifts_i32(0x1234, 20);
    shifts_u8(0x81, 1);
    shifts_u8(0xff, 7);
    shifts_i64(-1, 63);
    shifts_i64(0x7fff_0000_0000, 8);
    shifts_u16_i16(0x8001, 4);
    shifts_u16_i16(0x7ff0, 15);
    bitops(0xdead_beef_0123_4567, 0x0f0f_0f0f_f0f0_f0f0);
    counts(0);
    counts(1);
    counts(0x8000_0000);
    counts(0x00f0_0f00);
    let bits: bool = (true & false) | (true ^ false);
    print_str("bool bitops: ");
    print_bool(bits);
    print_bool(!bits);
    print_str("\n");

    let crc = crc32(b"The quick brown fox jumps over the lazy dog");
    unsafe {
        libc::printf(c"crc32 = %08x\n".as_ptr(), crc);
    }
    let v = 0x0123_4567_89ab_cdefu64;
    unsafe {
        libc::printf(c"popcount %u %u\n".as_ptr(), popcount(v), v.count_ones());
    }
}
