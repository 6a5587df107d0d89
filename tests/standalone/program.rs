//! `toolchain-builder test --suite standalone` compiles this with dist/ inside
//! a bare Debian 12 root file system (gcc and libc6-dev, no LLVM, no Rust)
//! and with the LLVM reference on the build machine; both must print the
//! same and exit with the same status.

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::thread;

fn main() {
    // Threads and a channel.
    let (tx, rx) = mpsc::channel();
    for i in 0..4u64 {
        let tx = tx.clone();
        thread::spawn(move || tx.send(i * i).unwrap());
    }
    drop(tx);
    let mut squares: Vec<u64> = rx.iter().collect();
    squares.sort();
    println!("squares: {squares:?}");

    // A panic that unwinds to catch_unwind (its message goes to stderr).
    let empty: Vec<i32> = std::hint::black_box(Vec::new());
    let caught = std::panic::catch_unwind(|| empty[3]);
    println!("caught a panic: {}", caught.is_err());

    // Collections and float formatting.
    let mut words = BTreeMap::new();
    for word in "the quick brown fox jumps over the lazy dog, the end".split(' ') {
        *words.entry(word).or_insert(0) += 1;
    }
    println!("{words:?}");
    println!("sqrt(pi) = {:.6}, 1e300 * 1e10 = {}", std::f64::consts::PI.sqrt(), 1e300 * 1e10);

    eprintln!("done, exiting with 3");
    std::process::exit(3);
}
