// Real C calling back into Rust: libc `qsort` with `extern "C"` comparators
// written in Rust, sorting i32s (ascending/descending), f64s, and
// #[repr(C)] records by two keys; the comparator also counts its calls via a
// `static mut`.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

static mut COMPARISONS: u32 = 0;

extern "C" fn cmp_i32(a: *const u8, b: *const u8) -> i32 {
    unsafe {
        COMPARISONS += 1;
        let x = *(a as *const i32);
        let y = *(b as *const i32);
        (x > y) as i32 - (x < y) as i32
    }
}

extern "C" fn cmp_i32_desc(a: *const u8, b: *const u8) -> i32 {
    -cmp_i32(a, b)
}

extern "C" fn cmp_f64(a: *const u8, b: *const u8) -> i32 {
    let (x, y) = unsafe { (*(a as *const f64), *(b as *const f64)) };
    if x < y { -1 } else if x > y { 1 } else { 0 }
}

#[repr(C)]
struct Record {
    group: u8,
    score: i32,
    name: &'static str,
}

extern "C" fn cmp_record(a: *const u8, b: *const u8) -> i32 {
    let (x, y) = unsafe { (&*(a as *const Record), &*(b as *const Record)) };
    if x.group != y.group {
        return x.group as i32 - y.group as i32;
    }
    // Higher score first within a group.
    y.score - x.score
}

fn sort<T>(xs: &mut [T], cmp: extern "C" fn(*const u8, *const u8) -> i32) {
    unsafe {
        libc::qsort(xs.as_mut_ptr() as *mut u8, xs.len(), size_of::<T>(), cmp);
    }
}

fn print_i32s(xs: &[i32]) {
    for x in xs {
        unsafe {
            libc::printf(c"%d ".as_ptr(), *x);
        }
    }
    print_str("\n");
}

fn main() {
    // A pseudo-random permutation from a linear congruential generator.
    let mut xs = [0i32; 40];
    let mut state: u32 = 12345;
    let mut i = 0;
    while i < xs.len() {
        state = state.wrapping_mul(1103515245).wrapping_add(12345);
        xs[i] = ((state >> 16) % 1000) as i32 - 500;
        i += 1;
    }
    print_i32s(&xs);
    sort(&mut xs, cmp_i32);
    print_i32s(&xs);
    let mut ok = true;
    i = 1;
    while i < xs.len() {
        ok = ok && xs[i - 1] <= xs[i];
        i += 1;
    }
    print_str("sorted: ");
    print_bool(ok);
    print_str(unsafe { if COMPARISONS > 0 { ", comparator was called\n" } else { ", comparator never called\n" } });

    sort(&mut xs, cmp_i32_desc);
    print_i32s(xs.sub(0, 10));

    let mut fs = [3.25, -1.0, 1e10, 0.0, -273.15, 2.5, 2.25];
    sort(&mut fs, cmp_f64);
    for f in &fs {
        unsafe {
            libc::printf(c"%g ".as_ptr(), *f);
        }
    }
    print_str("\n");

    let mut recs = [
        Record { group: 2, score: 50, name: "eve" },
        Record { group: 1, score: 70, name: "bob" },
        Record { group: 2, score: 90, name: "dan" },
        Record { group: 1, score: 95, name: "amy" },
        Record { group: 3, score: 10, name: "fay" },
        Record { group: 1, score: 20, name: "cat" },
    ];
    sort(&mut recs, cmp_record);
    for r in &recs {
        unsafe {
            libc::printf(c"%u:%.*s:%d ".as_ptr(), r.group as u32, r.name.len() as i32, r.name.as_ptr(), r.score);
        }
    }
    print_str("\n");
}
