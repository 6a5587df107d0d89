// bool and char: logic, short-circuit evaluation, comparisons, char ranges in
// match, and char arithmetic through u32.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

static mut CALLS: i32 = 0;

#[inline(never)]
fn noisy(v: bool) -> bool {
    unsafe {
        CALLS += 1;
    }
    v
}

fn classify(c: char) -> &'static str {
    match c {
        'a'..='z' => "lower",
        'A'..='Z' => "upper",
        '0'..='9' => "digit",
        ' ' | '\t' | '\n' => "space",
        '\u{80}'..=char::MAX_CHAR => "non-ascii",
        _ => "punct",
    }
}

trait MaxChar {
    const MAX_CHAR: char;
}
impl MaxChar for char {
    const MAX_CHAR: char = '\u{10FFFF}';
}

fn to_upper(c: char) -> char {
    if c >= 'a' && c <= 'z' {
        // There is no u32 -> char cast; go through u8 for ASCII.
        ((c as u32 - 32) as u8) as char
    } else {
        c
    }
}

#[inline(never)]
fn rot13(c: char) -> char {
    let base = if c >= 'a' && c <= 'z' {
        b'a'
    } else if c >= 'A' && c <= 'Z' {
        b'A'
    } else {
        return c;
    };
    (((c as u8 - base + 13) % 26) + base) as char
}

fn main() {
    // Truth tables.
    let vals = [false, true];
    let mut i = 0;
    while i < 2 {
        let mut j = 0;
        while j < 2 {
            let (a, b) = (vals[i], vals[j]);
            unsafe {
                libc::printf(c"%d %d: and=%d or=%d xor=%d eq=%d lt=%d ge=%d nand=%d\n".as_ptr(),
                    a as i32, b as i32, (a && b) as i32, (a || b) as i32, (a ^ b) as i32,
                    (a == b) as i32, (a < b) as i32, (a >= b) as i32, !(a & b) as i32);
            }
            j += 1;
        }
        i += 1;
    }

    // Short-circuit: the right side must not run.
    let r1 = noisy(false) && noisy(true);
    let r2 = noisy(true) || noisy(false);
    let r3 = noisy(true) && noisy(false);
    unsafe {
        libc::printf(c"short-circuit: %d %d %d calls=%d\n".as_ptr(), r1 as i32, r2 as i32, r3 as i32, CALLS);
    }

    let text = ['H', 'i', ' ', 'z', '9', '!', 'é', '\u{10FFFF}', '\t'];
    let mut k = 0;
    while k < text.len() {
        let c = text[k];
        print_str(classify(c));
        print_str(if k + 1 < text.len() { "," } else { "\n" });
        k += 1;
    }

    // char comparisons are by code point.
    unsafe {
        libc::printf(c"'a'<'b'=%d 'Z'<'a'=%d 'é'>'z'=%d max=%u\n".as_ptr(),
            ('a' < 'b') as i32, ('Z' < 'a') as i32, ('é' > 'z') as i32, char::MAX_CHAR as u32);
    }

    let msg = b"Hello, World! abc xyz";
    let mut out = [0u8; 21];
    let mut up = [0u8; 21];
    let mut n = 0;
    while n < msg.len() {
        out[n] = rot13(msg[n] as char) as u8;
        up[n] = to_upper(msg[n] as char) as u8;
        n += 1;
    }
    print_bytes(&out);
    print_str("\n");
    print_bytes(&up);
    print_str("\n");

    // Sum of digit values in a char array.
    let digits = ['4', '2', '0', '7'];
    let mut total = 0u32;
    for d in &digits {
        total = total * 10 + (*d as u32 - '0' as u32);
    }
    print_labeled("parsed=", total as i64);
}
