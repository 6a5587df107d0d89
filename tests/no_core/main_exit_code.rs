// `main` returning a custom type: the `start` lang item calls
// `Termination::report` on main's return value, so an `impl Termination` in
// this crate decides the exit status (here 42 = number of failed checks*10+2).
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

struct Outcome {
    passed: u32,
    failed: u32,
}

impl Termination for Outcome {
    fn report(self) -> i32 {
        unsafe {
            libc::printf(c"report: %u passed, %u failed\n".as_ptr(), self.passed, self.failed);
        }
        if self.failed == 0 { 0 } else { (self.failed * 10 + 2) as i32 }
    }
}

fn check(ok: bool, what: &str, out: &mut Outcome) {
    print_str(if ok { "ok   " } else { "FAIL " });
    println_str(what);
    if ok {
        out.passed += 1;
    } else {
        out.failed += 1;
    }
}

fn main() -> Outcome {
    let mut out = Outcome { passed: 0, failed: 0 };
    check(1 + 1 == 2, "arithmetic", &mut out);
    check(size_of::<u64>() == 8, "size_of u64", &mut out);
    check(i32::MAX.checked_add(1).is_none(), "checked_add overflow", &mut out);
    check("abc" == "abd", "intentional failure 1", &mut out);
    check(10 / 3 == 3, "division", &mut out);
    check(-1i8 as u8 == 254, "intentional failure 2", &mut out);
    check(argc() >= 1, "argc", &mut out);
    check(false, "intentional failure 3", &mut out);
    check(!false, "negation", &mut out);
    check(0.1 + 0.2 == 0.3, "intentional failure 4 (floating point)", &mut out);
    out
}
