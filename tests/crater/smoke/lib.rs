//! A small Rust file for the crater suite's smoke commands (searched,
//! counted, highlighted and rewritten by the applications).

use std::collections::BTreeMap;

/// Counts the words of `text`.
pub fn word_counts(text: &str) -> BTreeMap<&str, usize> {
    let mut counts = BTreeMap::new();
    for word in text.split_whitespace() {
        *counts.entry(word).or_insert(0) += 1;
    }
    counts
}

/// The `n`th Fibonacci number, wrapping on overflow.
pub fn fibonacci(n: u32) -> u64 {
    let (mut a, mut b) = (0u64, 1u64);
    for _ in 0..n {
        (a, b) = (b, a.wrapping_add(b));
    }
    a
}

fn main() {
    let text = "the quick brown fox jumps over the lazy dog";
    for (word, count) in word_counts(text) {
        println!("{word}: {count}");
    }
    println!("fib(50) = {}", fibonacci(50));
}
