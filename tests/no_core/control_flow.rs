// Locals and control flow: loop/while, break with value, continue, labeled
// breaks out of nested loops, match on integers with ranges/guards/or-patterns,
// if-let, early returns and nested blocks used as expressions.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

fn describe(n: i32) -> &'static str {
    match n {
        i32::MIN..=-1 => "negative",
        0 => "zero",
        1 | 2 | 3 => "small",
        4..=9 => "digit",
        x if x % 2 == 0 && x < 100 => "even<100",
        10..=99 => "odd<100",
        100 | 1000 | 10000 => "power of ten",
        _ => "large",
    }
}

fn match_u8(b: u8) -> u32 {
    match b {
        0 => 100,
        1..=31 | 127 => 200,
        b' ' => 300,
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'f' => (b - b'a' + 10) as u32,
        128..=u8::MAX => 400,
        _ => 500,
    }
}

/// Early return from inside nested loops.
fn find_pair(xs: &[i32], target: i32) -> (i32, i32) {
    let mut i = 0;
    while i < xs.len() {
        let mut j = i + 1;
        while j < xs.len() {
            if xs[i] + xs[j] == target {
                return (i as i32, j as i32);
            }
            j += 1;
        }
        i += 1;
    }
    (-1, -1)
}

/// Collatz steps with `loop` + `break value`.
fn collatz(mut n: u64) -> u32 {
    let mut steps = 0;
    let result = loop {
        if n == 1 {
            break steps;
        }
        n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
        steps += 1;
    };
    result
}

/// Labeled break/continue: first (a, b, c) Pythagorean triple with a+b+c == perimeter.
fn triple(perimeter: i32) -> i32 {
    let mut found = 0;
    'outer: for a in 1..perimeter {
        for b in a..perimeter {
            let c = perimeter - a - b;
            if c <= b {
                continue 'outer;
            }
            if a * a + b * b == c * c {
                found = a * 10000 + b * 100 + c;
                break 'outer;
            }
        }
    }
    found
}

/// Labeled block with an early exit value.
fn classify_sum(xs: &[i32]) -> i32 {
    let r = 'blk: {
        if xs.len() == 0 {
            break 'blk -1;
        }
        let mut s = 0;
        for x in xs {
            if *x < 0 {
                break 'blk -2;
            }
            s += *x;
        }
        s
    };
    r
}

fn main() {
    let ns = [-5, 0, 2, 7, 42, 43, 100, 555, 10000, 10001];
    for n in &ns {
        unsafe {
            libc::printf(c"%d: %.*s\n".as_ptr(), *n, describe(*n).len() as i32, describe(*n).as_ptr());
        }
    }
    let bytes = b"\x00\x05 7c\x7f\xc8~";
    let mut total = 0u32;
    let mut k = 0;
    while k < bytes.len() {
        total = total * 3 + match_u8(bytes[k]);
        k += 1;
    }
    print_labeled("match_u8 fold=", total as i64);

    let xs = [8, 3, 11, 5, 2, 9];
    let (i, j) = find_pair(&xs, 14);
    unsafe {
        libc::printf(c"pair for 14: %d %d; pair for 100: %d\n".as_ptr(), i, j, find_pair(&xs, 100).0);
    }

    let mut longest = 0;
    let mut arg = 0;
    let mut n = 1u64;
    while n < 10000 {
        let s = collatz(n);
        if s > longest {
            longest = s;
            arg = n;
        }
        n += 1;
    }
    unsafe {
        libc::printf(c"collatz: longest below 10000 is %llu with %u steps\n".as_ptr(), arg, longest);
    }
    print_labeled("triple(1000)=", triple(1000) as i64);
    print_labeled("triple(12)=", triple(12) as i64);
    print_labeled("sum=", classify_sum(&[1, 2, 3]) as i64);
    print_labeled("empty=", classify_sum(&[]) as i64);
    print_labeled("neg=", classify_sum(&[1, -2, 3]) as i64);

    // Shadowing and block expressions.
    let x = 5;
    let x = {
        let y = x * 2;
        let x = y + 1;
        x * x
    };
    let mut countdown = 3;
    let mut trace = 0;
    while countdown > 0 {
        countdown -= 1;
        if countdown == 1 {
            continue;
        }
        trace = trace * 10 + countdown;
    }
    print_labeled("x=", x);
    print_labeled("trace=", trace);
}
