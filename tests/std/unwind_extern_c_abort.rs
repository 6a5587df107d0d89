// A panic that reaches an `extern "C"` function (which cannot unwind) aborts
// the process with rustc's "panic in a function that cannot unwind", even
// inside catch_unwind; drops of the frames above it do not run.
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

extern "C" fn no_unwind(x: u32) -> u32 {
    let _g = Noisy("inside extern C");
    if x > 1 {
        panic!("panic inside extern \"C\"");
    }
    x
}

fn main() {
    let _outer = Noisy("main");
    println!("first: {}", no_unwind(std::hint::black_box(1)));
    let r = std::panic::catch_unwind(|| no_unwind(std::hint::black_box(5)));
    println!("unreachable: {}", r.is_err());
}
