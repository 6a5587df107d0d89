// Fat LTO: rustc leaves the standard library's Rust objects out of the link
// and expects the backend to have merged them; this backend links them
// unchanged (backend/src/lto.rs), so every std symbol must still resolve.
//@ compile-flags: -Clto=fat -Copt-level=1
use std::collections::BTreeMap;

fn main() {
    let mut counts = BTreeMap::new();
    for word in "the quick brown fox jumps over the lazy dog the end".split(' ') {
        *counts.entry(word).or_insert(0u32) += 1;
    }
    let mut v: Vec<String> = counts.iter().map(|(w, n)| format!("{w}={n}")).collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    println!("{}", v.join(","));
    let total: u32 = counts.values().sum();
    eprintln!("total {total}");
    std::process::exit((total % 7) as i32);
}
