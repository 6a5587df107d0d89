// Panics crossing `extern "C-unwind"` functions (called directly and
// through function pointers) unwind to the caller and are caught there,
// with the frames in between cleaned up.
use std::panic;

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

extern "C-unwind" fn callback(x: i32) -> i32 {
    let _g = Noisy("callback");
    if x < 0 {
        panic!("negative input {x}");
    }
    x * 2
}

#[inline(never)]
extern "C-unwind" fn trampoline(f: extern "C-unwind" fn(i32) -> i32, x: i32) -> i32 {
    let _g = Noisy("trampoline");
    f(x) + 1
}

fn main() {
    panic::set_hook(Box::new(|info| eprintln!("panicked: {}", info.payload_as_str().unwrap_or("?"))));
    for x in [4, -3] {
        let r = panic::catch_unwind(|| trampoline(callback, std::hint::black_box(x)));
        println!("trampoline({x}) = {:?}", r.map_err(|_| "panicked"));
    }
    let f: extern "C-unwind" fn(i32) -> i32 = std::hint::black_box(callback);
    println!("direct: {:?}", panic::catch_unwind(|| f(-1)).is_err());
}
