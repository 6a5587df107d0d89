// Niche-optimized layouts: Option<&T> and Option<fn()> use the null pointer,
// Option<NonZeroU32> uses zero, enums with a bool/char/enum payload use the
// invalid bit patterns, and Option<Option<bool>> nests niches. Values are
// round-tripped through #[inline(never)] functions and matched on.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

enum WithBool {
    Flag(bool),
    Nothing,
    Other,
}

enum WithChar {
    Letter(char),
    Eof,
}

#[repr(u8)]
enum Small {
    A = 1,
    B = 2,
    C = 3,
}

enum Wrapper {
    S(Small),
    None1,
    None2,
}

#[inline(never)]
fn find(xs: &[i32], target: i32) -> Option<&i32> {
    for x in xs {
        if *x == target {
            return Some(x);
        }
    }
    None
}

#[inline(never)]
fn nz(n: u32) -> Option<NonZeroU32> {
    NonZeroU32::new(n)
}

#[inline(never)]
fn flag(i: u32) -> WithBool {
    match i % 4 {
        0 => WithBool::Flag(false),
        1 => WithBool::Flag(true),
        2 => WithBool::Nothing,
        _ => WithBool::Other,
    }
}

#[inline(never)]
fn describe_flag(w: WithBool) -> i32 {
    match w {
        WithBool::Flag(true) => 1,
        WithBool::Flag(false) => 0,
        WithBool::Nothing => -1,
        WithBool::Other => -2,
    }
}

#[inline(never)]
fn next_char(s: &[u8], i: usize) -> WithChar {
    if i < s.len() { WithChar::Letter(s[i] as char) } else { WithChar::Eof }
}

#[inline(never)]
fn tri(x: u8) -> Option<Option<bool>> {
    match x {
        0 => None,
        1 => Some(None),
        2 => Some(Some(false)),
        _ => Some(Some(true)),
    }
}

#[inline(never)]
fn wrap(i: u8) -> Wrapper {
    match i {
        0 => Wrapper::S(Small::A),
        1 => Wrapper::S(Small::B),
        2 => Wrapper::S(Small::C),
        3 => Wrapper::None1,
        _ => Wrapper::None2,
    }
}

fn double(x: i32) -> i32 {
    x * 2
}

#[inline(never)]
fn maybe_fn(b: bool) -> Option<fn(i32) -> i32> {
    if b { Some(double) } else { None }
}

fn main() {
    unsafe {
        libc::printf(c"size_of: &i32=%zu Option<&i32>=%zu Option<NonZeroU32>=%zu Option<u32>=%zu\n".as_ptr(),
            size_of::<&i32>(), size_of::<Option<&i32>>(), size_of::<Option<NonZeroU32>>(), size_of::<Option<u32>>());
        libc::printf(c"size_of: WithBool=%zu WithChar=%zu Option<Option<bool>>=%zu Wrapper=%zu Option<fn>=%zu Option<&[u8]>=%zu\n".as_ptr(),
            size_of::<WithBool>(), size_of::<WithChar>(), size_of::<Option<Option<bool>>>(),
            size_of::<Wrapper>(), size_of::<Option<fn(i32) -> i32>>(), size_of::<Option<&[u8]>>());
    }

    let xs = [4, 8, 15, 16, 23, 42];
    let targets = [15, 5, 42];
    for t in &targets {
        match find(&xs, *t) {
            Some(r) => {
                // The reference points into xs: recover the index.
                let idx = unsafe { (r as *const i32).offset_from(xs.as_ptr()) };
                print_labeled("found at ", idx as i64);
            }
            None => println_str("not found"),
        }
    }

    let mut prod: u64 = 1;
    let mut i = 0;
    while i < 5 {
        match nz(i * 3) {
            Some(n) => prod *= n.get() as u64,
            None => println_str("zero -> None"),
        }
        i += 1;
    }
    print_labeled("nonzero product=", prod as i64);
    // The niche value: None is represented by 0.
    let none_bits: u32 = unsafe { transmute(nz(0)) };
    let some_bits: u32 = unsafe { transmute(nz(77)) };
    unsafe {
        libc::printf(c"Option<NonZeroU32> bits: None=%u Some(77)=%u\n".as_ptr(), none_bits, some_bits);
    }
    let null_bits: usize = unsafe { transmute(find(&xs, 1000)) };
    print_labeled("Option<&i32>::None bits=", null_bits as i64);

    let mut acc = 0;
    for k in 0..8u32 {
        acc = acc * 4 + (describe_flag(flag(k)) + 2);
    }
    print_labeled("flags=", acc as i64);

    let text = b"niche";
    let mut pos = 0;
    loop {
        match next_char(text, pos) {
            WithChar::Letter(c) => {
                unsafe {
                    libc::printf(c"%c".as_ptr(), (c as u8 - 32) as i32);
                }
            }
            WithChar::Eof => break,
        }
        pos += 1;
    }
    print_str("\n");

    for x in 0..4u8 {
        let s = match tri(x) {
            None => "none",
            Some(None) => "some(none)",
            Some(Some(false)) => "some(some(false))",
            Some(Some(true)) => "some(some(true))",
        };
        print_str(s);
        print_str(" ");
    }
    print_str("\n");
    for x in 0..5u8 {
        let v = match wrap(x) {
            Wrapper::S(s) => s as i32,
            Wrapper::None1 => 10,
            Wrapper::None2 => 20,
        };
        print_i64(v as i64);
        print_str(" ");
    }
    print_str("\n");
    let f = maybe_fn(true);
    let g = maybe_fn(false);
    print_labeled("f(21)=", match f { Some(f) => f(21), None => -1 } as i64);
    print_labeled("g is none=", g.is_none() as i64);
}
