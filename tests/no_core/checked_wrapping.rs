// Non-panicking overflow handling: checked_* returning Option,
// overflowing_add returning (value, flag), wrapping_* at every width, the
// with-overflow intrinsics directly, bit counting at several widths, and a
// 64-bit hash (FNV-1a) and xorshift PRNG that depend on wrapping semantics.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

fn show_opt(label: &str, v: Option<i64>) {
    print_str(label);
    match v {
        Some(x) => print_labeled(" = Some ", x),
        None => println_str(" = None"),
    }
}

macro_rules! checked_row {
    ($t:ty, $a:expr, $b:expr) => {{
        let a: $t = $a;
        let b: $t = $b;
        print_str(stringify!($t));
        print_str(": ");
        show_opt("add", a.checked_add(b).map(|x| x as i64));
        show_opt("    sub", a.checked_sub(b).map(|x| x as i64));
        show_opt("    mul", a.checked_mul(b).map(|x| x as i64));
        let (v, o) = a.overflowing_add(b);
        unsafe {
            libc::printf(c"    overflowing_add = (%lld, %d) wrapping: add %lld sub %lld mul %lld\n".as_ptr(), v as i64,
                o as i32, a.wrapping_add(b) as i64, a.wrapping_sub(b) as i64, a.wrapping_mul(b) as i64);
        }
    }};
}

fn fnv1a(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in data {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

fn main() {
    checked_row!(i8, 100, 27);
    checked_row!(i8, -100, 29);
    checked_row!(u8, 200, 56);
    checked_row!(u8, 3, 4);
    checked_row!(i16, 300, 200);
    checked_row!(u16, 65535, 1);
    checked_row!(i32, i32::MAX, 1);
    checked_row!(i32, 46341, 46341);
    checked_row!(u32, 65536, 65536);
    checked_row!(i64, i64::MIN, -1);
    checked_row!(u64, 1 << 32, 1 << 32);
    checked_row!(isize, -5, 3);
    checked_row!(usize, 0, 1);

    let (r, o) = intrinsics::sub_with_overflow(0u32, 1);
    let (r2, o2) = intrinsics::mul_with_overflow(-128i8, -1);
    unsafe {
        libc::printf(c"intrinsics: 0u32-1 = (%u, %d), -128i8*-1 = (%d, %d)\n".as_ptr(), r, o as i32, r2 as i32, o2 as i32);
        libc::printf(c"wrapping neg i8::MIN = %d, u8::MAX+1 = %u\n".as_ptr(), 0i8.wrapping_sub(i8::MIN) as i32,
            u8::MAX.wrapping_add(1) as u32);
        libc::printf(c"bits: u8 %u/%u/%u u16 %u/%u i64 %u/%u\n".as_ptr(), 0x50u8.count_ones(), 0x50u8.leading_zeros(),
            0x50u8.trailing_zeros(), 1u16.leading_zeros(), 0x8000u16.trailing_zeros(), (-1i64).count_ones(),
            (-1i64).leading_zeros());
        libc::printf(c"swap_bytes: %#x %#llx\n".as_ptr(), 0x1234u16.swap_bytes() as u32, 0x0102030405060708u64.swap_bytes());
    }

    unsafe {
        libc::printf(c"fnv1a(\"\") = %016llx\n".as_ptr(), fnv1a(b""));
        libc::printf(c"fnv1a(\"a\") = %016llx\n".as_ptr(), fnv1a(b"a"));
        libc::printf(c"fnv1a(\"foobar\") = %016llx\n".as_ptr(), fnv1a(b"foobar"));
    }
    let mut rng = XorShift(88172645463325252);
    let mut i = 0;
    while i < 4 {
        unsafe {
            libc::printf(c"xorshift %llu\n".as_ptr(), rng.next());
        }
        i += 1;
    }
}
