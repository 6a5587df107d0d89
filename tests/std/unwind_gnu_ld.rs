//@ compile-flags: -Clink-arg=-fuse-ld=bfd
// Unwinding in a program linked by GNU ld (as with `CLIF_LLD=0`, or a
// user's own `-fuse-ld=bfd`) instead of the bundled lld. GNU ld drops the
// relocations of zero-initialised (.bss) data, so a `DW.ref` personality
// pointer written that way stayed null and every panic aborted with
// "failed to initiate panic, error 5".
use std::panic;

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

#[inline(never)]
fn fails(n: usize) -> usize {
    let _guard = Noisy("in fails");
    let v: Vec<usize> = std::hint::black_box(vec![1, 2, 3]);
    v[n]
}

fn main() {
    panic::set_hook(Box::new(|info| {
        println!("hook: {}", info.payload_as_str().unwrap_or("?"));
    }));
    let caught = panic::catch_unwind(|| fails(7));
    println!("caught: {}", caught.is_err());
    let handle = std::thread::spawn(|| {
        let _guard = Noisy("in thread");
        panic!("from a thread");
    });
    println!("joined with a panic: {}", handle.join().is_err());
    println!("fine: {}", fails(1));
}
