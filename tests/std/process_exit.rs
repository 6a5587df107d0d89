// Tests std::process::exit(42): exit code propagates, buffered stdout is flushed first? (we flush explicitly), and destructors do not run.
use std::io::Write;

struct Noisy;
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("Noisy dropped (must not appear)");
    }
}

fn main() {
    let _n = Noisy;
    let total: u64 = (1..=100).sum();
    println!("total {}", total);
    let mut out = std::io::stdout().lock();
    write!(out, "partial line without newline").unwrap();
    out.flush().unwrap();
    drop(out);
    println!();
    println!("exiting with 42");
    std::process::exit(if total == 5050 { 42 } else { 1 });
}
