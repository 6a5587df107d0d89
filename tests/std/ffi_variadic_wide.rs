//@ only-arch: aarch64, riscv64, s390x -- C's `long double` is `f128` there (x86_64's is x87's 80-bit format)
// `f128` through `...` to C (`snprintf`'s `%Lf`), after 0 to 5 integer
// arguments: on riscv64 a variadic argument aligned to 16 takes an even-odd
// register pair, skipping a register when the next free one is odd, and
// goes to the stack (aligned to 16) when only a7 is left.
#![feature(f128)]

use std::ffi::{CStr, c_char, c_int};

unsafe extern "C" {
    fn snprintf(buf: *mut c_char, n: usize, fmt: *const c_char, ...) -> c_int;
}

fn show(buf: &[c_char], n: c_int) {
    let text = unsafe { CStr::from_ptr(buf.as_ptr()) };
    println!("{n} {}", text.to_str().unwrap());
}

fn main() {
    let x: f128 = 1234.5625;
    let y: f128 = -0.001953125;
    let mut buf = [0 as c_char; 200];
    let p = buf.as_mut_ptr();
    let len = buf.len();
    unsafe {
        show(&buf, snprintf(p, len, c"%.6Lf".as_ptr(), x));
        show(&buf, snprintf(p, len, c"%d %.6Lf".as_ptr(), 1 as c_int, x));
        show(&buf, snprintf(p, len, c"%d %d %.6Lf".as_ptr(), 1 as c_int, 2 as c_int, x));
        show(&buf, snprintf(p, len, c"%d %d %d %.6Lf %.9Lf".as_ptr(), 1 as c_int, 2 as c_int, 3 as c_int, x, y));
        show(&buf, snprintf(p, len, c"%d %d %d %d %.6Lf %d".as_ptr(), 1 as c_int, 2 as c_int, 3 as c_int, 4 as c_int, x, 5 as c_int));
        show(&buf, snprintf(p, len, c"%d %d %d %d %d %.6Lf %.9Lf %d".as_ptr(), 1 as c_int, 2 as c_int, 3 as c_int, 4 as c_int, 5 as c_int, x, y, 6 as c_int));
        show(&buf, snprintf(p, len, c"%.2f %.6Lf %ld %.9Lf".as_ptr(), 0.5f64, x, -77i64, y));
    }
}
