//@ args: alpha 42 -17 --flag x
// Command-line arguments: the `start` lang item stores argc/argv in statics,
// which mini_core exposes through argc()/arg()/arg_ptr(). The program echoes
// its arguments (except argv[0], whose path varies), parses numeric ones with
// atoi and a hand-written parser, and exits with the argument count (6).
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

fn parse_int(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() == 0 {
        return None;
    }
    let (neg, start) = if b[0] == b'-' { (true, 1) } else { (false, 0) };
    if start == b.len() {
        return None;
    }
    let mut v: i64 = 0;
    let mut i = start;
    while i < b.len() {
        let c = b[i];
        if c < b'0' || c > b'9' {
            return None;
        }
        v = v * 10 + (c - b'0') as i64;
        i += 1;
    }
    Some(if neg { -v } else { v })
}

fn main() -> i32 {
    let n = argc();
    print_labeled("argc=", n as i64);
    print_labeled("argv[0] is present: ", arg(0).is_some() as i64);
    let mut sum = 0;
    let mut i = 1;
    while i < n {
        let a = arg(i).unwrap();
        unsafe {
            libc::printf(c"argv[%zu] = '%s' (%zu bytes, atoi %d)".as_ptr(), i, arg_ptr(i), a.len(),
                libc::atoi(arg_ptr(i)));
        }
        match parse_int(a) {
            Some(v) => {
                sum += v;
                print_labeled(" number ", v);
            }
            None => println_str(" not a number"),
        }
        i += 1;
    }
    print_labeled("sum of numbers=", sum);
    print_labeled("arg(n) is none: ", arg(n).is_none() as i64);
    n as i32
}
