// C-variadic functions defined in Rust (`...` parameters): `va_arg` of every
// type `VaArgSafe` allows, from the argument registers and past them from
// the caller's stack, after fixed arguments of both register classes and
// after fixed stack arguments; a `VaList` cloned, handed to another Rust
// function and to C (`vsnprintf`); a definition returning through memory;
// a panic unwinding out of a `C-unwind` one.
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

/// Fixed arguments past the integer registers: on every target some are
/// on the stack (riscv64's entry stub copies them), an odd number of
/// 8-byte words in the first and an even number in the second.
#[allow(clippy::too_many_arguments)]
unsafe extern "C" fn after_stack_args(
    a: i64, b: i64, c: i64, d: i64, e: i64, f: i64, g: i64, h: i64, i: i64,
    mut args: ...
) -> i64 {
    let fixed = a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i;
    let v1 = unsafe { args.arg::<i64>() };
    let v2 = unsafe { args.arg::<c_int>() } as i64;
    let v3 = unsafe { args.arg::<f64>() } as i64;
    fixed * 1000 + v1 * 100 + v2 * 10 + v3
}

#[allow(clippy::too_many_arguments)]
unsafe extern "C" fn after_more_stack_args(
    a: i64, b: i64, c: i64, d: i64, e: i64, f: i64, g: i64, h: i64, i: i64, j: i64, k: i64,
    l: c_int, mut args: ...
) -> i64 {
    let fixed = a + b + c + d + e + f + g + h + i + j + k - l as i64;
    let v1 = unsafe { args.arg::<u64>() } as i64;
    let v2 = unsafe { args.arg::<c_long>() };
    fixed + 3 * v1 - 5 * v2
}

/// An `i128` that finds one integer register left: on riscv64 its first
/// half takes the last one and its second the stack.
#[allow(clippy::too_many_arguments)]
unsafe extern "C" fn after_split_i128(
    a: i64, b: i64, c: i64, d: i64, e: i64, f: i64, g: i64, wide: i128,
    mut args: ...
) -> i128 {
    let fixed = (a + b + c + d + e + f + g) as i128 * wide;
    let v1 = unsafe { args.arg::<i64>() } as i128;
    let v2 = unsafe { args.arg::<f64>() } as i128;
    fixed + 7 * v1 + v2
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

unsafe extern "C-unwind" fn unwinds(n: c_int, mut args: ...) -> i64 {
    let v = unsafe { args.arg::<i64>() };
    if n > 0 {
        panic!("unwinding out of a C-variadic function with {v}");
    }
    v
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
        println!("{}", after_stack_args(1, 2, 3, 4, 5, 6, 7, 8, 9, -4i64, 6 as c_int, 8.5f64));
        println!(
            "{}",
            after_more_stack_args(
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, -12, u64::MAX / 3, -9 as c_long
            )
        );
        println!(
            "{}",
            after_split_i128(1, 2, 3, 4, 5, 6, 7, -(1i128 << 100) + 3, 11i64, 2.75f64)
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
        let caught = std::panic::catch_unwind(|| unwinds(1, 42i64));
        println!("caught: {}, then {}", caught.is_err(), unwinds(0, 7i64));
    }
}
