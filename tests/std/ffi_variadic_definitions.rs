//@ only-arch: x86_64, aarch64, s390x -- riscv64 refuses C-variadic definitions (the ABI matrix checks its error)
// C-variadic functions defined in Rust (`...` parameters): `va_arg` of every
// type `VaArgSafe` allows, from the argument registers and past them from
// the caller's stack, after fixed arguments of both register classes and
// after fixed stack arguments; a `VaList` cloned, handed to another Rust
// function and to C (`vsnprintf`); a definition returning through memory.
#![feature(c_variadic)]

use std::ffi::{CStr, VaList, c_char, c_int, c_long, c_uint};

unsafe extern "C" fn mixed(n: c_int, mut args: ...) -> f64 {
    let mut total = 0.0;
    for i in 0..n {
        total += match i % 4 {
            0 => (unsafe { args.arg::<c_int>() }) as f64,
            1 => (unsafe { args.arg::<i64>() }) as f64,
            2 => unsafe { args.arg::<f64>() },
            _ => (unsafe { args.arg::<c_uint>() }) as f64 * 0.5,
        };
    }
    total
}

/// Eight integer and eight float fixed arguments fill the registers on
/// x86_64 and aarch64 (on s390x they also spill): every variadic argument
/// comes from the stack.
#[allow(clippy::too_many_arguments)]
unsafe extern "C" fn after_full_registers(
    a: i64, b: i64, c: i64, d: i64, e: i64, f: i64, g: i64, h: i64,
    x0: f64, x1: f64, x2: f64, x3: f64, x4: f64, x5: f64, x6: f64, x7: f64,
    mut args: ...
) -> f64 {
    let fixed = (a + b + c + d + e + f + g + h) as f64 + x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7;
    let v1 = (unsafe { args.arg::<i64>() }) as f64;
    let v2 = unsafe { args.arg::<f64>() };
    let v3 = (unsafe { args.arg::<usize>() }) as f64;
    fixed + v1 * 10.0 + v2 * 100.0 + v3 * 1000.0
}

unsafe fn sum_longs(mut ap: VaList<'_>, n: usize) -> c_long {
    (0..n).map(|_| unsafe { ap.arg::<c_long>() }).sum()
}

#[repr(C)]
#[derive(Debug)]
struct Pair {
    first: c_long,
    second: c_long,
}

/// The list twice: once through a clone, once as it is.
unsafe extern "C" fn twice(n: usize, mut args: ...) -> Pair {
    let first = unsafe { sum_longs(args.clone(), n) };
    let mut second = 0;
    for _ in 0..n {
        second += unsafe { args.arg::<c_long>() } * 2;
    }
    Pair { first, second }
}

unsafe extern "C" {
    fn vsnprintf(buf: *mut c_char, n: usize, fmt: *const c_char, ap: VaList) -> c_int;
}

unsafe extern "C" fn format(buf: *mut c_char, len: usize, fmt: *const c_char, args: ...) -> c_int {
    unsafe { vsnprintf(buf, len, fmt, args) }
}

#[repr(C)]
#[derive(Debug)]
struct Big {
    values: [u64; 5],
}

/// Returns through memory (the return-area pointer is not an argument
/// register on aarch64, and is one on x86_64 and s390x).
unsafe extern "C" fn big(n: c_int, mut args: ...) -> Big {
    let mut values = [0; 5];
    for v in values.iter_mut().take(n as usize) {
        *v = unsafe { args.arg::<u64>() };
    }
    Big { values }
}

unsafe extern "C" fn pointers(n: c_int, mut args: ...) -> usize {
    let mut out = String::new();
    for _ in 0..n {
        let s = unsafe { CStr::from_ptr(args.arg::<*const c_char>()) };
        out.push_str(s.to_str().unwrap());
        out.push(' ');
    }
    println!("{out}");
    out.len()
}

unsafe extern "C" fn none(tag: c_int, _: ...) -> c_int {
    tag * 3
}

fn main() {
    unsafe {
        println!("{}", mixed(4, 1, 2i64, 3.5f64, 4u32));
        println!(
            "{}",
            mixed(
                20, -1, 2i64, 3.25f64, 4u32, 5, -6i64, 7.5f64, 8u32, 9, 10i64, 11.125f64, 12u32,
                13, 14i64, 15.5f64, 16u32, -17, 18i64, 19.75f64, 20u32
            )
        );
        println!(
            "{}",
            after_full_registers(
                1, 2, 3, 4, 5, 6, 7, 8, 0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 9i64, 0.25f64,
                11usize
            )
        );
        println!("{:?}", twice(3, 10 as c_long, -20 as c_long, 30 as c_long));
        println!("{:?}", twice(9, 1 as c_long, 2 as c_long, 3 as c_long, 4 as c_long, 5 as c_long, 6 as c_long, 7 as c_long, 8 as c_long, 9 as c_long));
        let mut buf = [0 as c_char; 160];
        let n = format(
            buf.as_mut_ptr(),
            buf.len(),
            c"%d|%s|%.3f|%ld|%u|%x|%c|%.2e|%d|%d|%d|%lld|%g".as_ptr(),
            42 as c_int,
            c"text".as_ptr(),
            2.5f64,
            -7 as c_long,
            3_000_000_000u32,
            0xbeef as c_uint,
            'Z' as c_int,
            12345.678f64,
            1 as c_int,
            2 as c_int,
            3 as c_int,
            -1234567890123i64,
            0.0625f64,
        );
        println!("{n} {}", CStr::from_ptr(buf.as_ptr()).to_str().unwrap());
        println!("{:?}", big(5, 1u64, 2u64, u64::MAX, 4u64, 1u64 << 40));
        println!("{:?}", big(2, 7u64, 8u64));
        println!("{}", pointers(3, c"a".as_ptr(), c"bc".as_ptr(), c"def".as_ptr()));
        println!("{}", none(14));
    }
}
