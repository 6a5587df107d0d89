// A library panic through `#[track_caller]`: Option::unwrap on None reports
// the *caller's* location (this file, not mini_core.rs), then exits with 101.
// Successful unwraps before it print normally.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

fn lookup(keys: &[&str], key: &str) -> Option<usize> {
    let mut i = 0;
    while i < keys.len() {
        if keys[i] == key {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn main() {
    let keys = ["red", "green", "blue"];
    let queries = ["blue", "red", "purple", "green"];
    for q in &queries {
        print_str(*q);
        let idx = lookup(&keys, *q).unwrap();
        print_labeled(" -> ", idx as i64);
    }
}
