// Tests explicit panic!("msg {}", 1) with formatting under panic=abort, after output was flushed; also a Drop impl that must not run.
use std::io::Write;

struct Guard(&'static str);
impl Drop for Guard {
    fn drop(&mut self) {
        println!("drop {} (should not print for the live guard under panic=abort)", self.0);
    }
}

fn check(depth: u32) -> u32 {
    if depth == 0 {
        let n = std::hint::black_box(1);
        println!("panicking at depth 0");
        std::io::stdout().flush().unwrap();
        panic!("msg {}", n);
    }
    println!("descending {}", depth);
    check(depth - 1) + 1
}

fn main() {
    {
        let _g = Guard("scoped");
    }
    let _live = Guard("live");
    let r = check(3);
    println!("unreachable {}", r);
}
