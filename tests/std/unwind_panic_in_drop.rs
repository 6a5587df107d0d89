// A destructor that panics while a panic is already unwinding aborts the
// process ("panic in a destructor during cleanup").
struct PanicsOnDrop;

impl Drop for PanicsOnDrop {
    fn drop(&mut self) {
        println!("dropping PanicsOnDrop");
        panic!("second panic, from drop");
    }
}

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let r = std::panic::catch_unwind(|| {
        let _a = Noisy("a");
        let _p = PanicsOnDrop;
        let _b = Noisy("b");
        panic!("first panic");
    });
    println!("unreachable: {}", r.is_err());
}
