//@ compile-flags: -Cpanic=abort
// -Cpanic=abort against the same standard library: a panic prints its
// message and aborts; catch_unwind does not catch and drops do not run.
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let _g = Noisy("main");
    println!("before");
    let r = std::panic::catch_unwind(|| {
        let _inner = Noisy("inner");
        panic!("with panic=abort");
    });
    println!("unreachable: {}", r.is_err());
}
