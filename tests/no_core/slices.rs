// Slices: &[T] and &mut [T] fat pointers built from arrays, sub-slicing
// with range indexing (`&xs[a..b]`, `&mut xs[k..]`, `[..]`), length, generic slice algorithms (insertion sort, reverse, rotate, binary
// search, dedup into a buffer), slice equality, slices of slices, empty
// slices, and slices created from raw parts.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

fn insertion_sort<T: Copy + PartialOrd>(xs: &mut [T]) {
    let mut i = 1;
    while i < xs.len() {
        let v = xs[i];
        let mut j = i;
        while j > 0 && xs[j - 1] > v {
            xs[j] = xs[j - 1];
            j -= 1;
        }
        xs[j] = v;
        i += 1;
    }
}

fn reverse<T>(xs: &mut [T]) {
    let n = xs.len();
    let mut i = 0;
    while i < n / 2 {
        xs.swap(i, n - 1 - i);
        i += 1;
    }
}

fn rotate_left<T>(xs: &mut [T], k: usize) {
    let n = xs.len();
    if n == 0 {
        return;
    }
    let k = k % n;
    reverse(&mut xs[..k]);
    reverse(&mut xs[k..]);
    reverse(xs);
}

fn binary_search(xs: &[i32], target: i32) -> Option<usize> {
    let mut lo = 0;
    let mut hi = xs.len();
    while lo < hi {
        let mid = (lo + hi) / 2;
        if xs[mid] == target {
            return Some(mid);
        } else if xs[mid] < target {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    None
}

/// Copies unique consecutive values into `out`, returning the used prefix.
fn dedup<'a>(xs: &[i32], out: &'a mut [i32]) -> &'a [i32] {
    let mut n = 0;
    for x in xs {
        if n == 0 || out[n - 1] != *x {
            out[n] = *x;
            n += 1;
        }
    }
    out.sub(0, n)
}

fn print_slice(label: &str, xs: &[i32]) {
    print_str(label);
    print_str(":");
    for x in xs {
        print_str(" ");
        print_i64(*x as i64);
    }
    print_str("\n");
}

fn total_len(parts: &[&[u8]]) -> usize {
    let mut n = 0;
    for p in parts {
        n += p.len();
    }
    n
}

fn main() {
    let mut data = [38, 27, 43, 3, 9, 82, 10, 3, 27, 27, 1];
    print_slice("original", &data);
    insertion_sort(&mut data);
    print_slice("sorted", &data);
    let mut buf = [0; 16];
    let unique = dedup(&data, &mut buf);
    print_slice("dedup", unique);
    print_labeled("unique len=", unique.len() as i64);
    match binary_search(unique, 43) {
        Some(i) => print_labeled("43 at ", i as i64),
        None => println_str("43 missing"),
    }
    print_labeled("44 found: ", binary_search(unique, 44).is_some() as i64);

    {
        let tail: &mut [i32] = unsafe { from_raw_parts_mut(data.as_mut_ptr().add(5), 6) };
        reverse(tail);
    }
    print_slice("tail reversed", &data);
    rotate_left(&mut data, 3);
    print_slice("rotated by 3", &data);

    let mut floats = [2.5f64, -1.0, 9.75, 0.0, -3.5];
    insertion_sort(&mut floats);
    for f in &floats {
        unsafe {
            libc::printf(c"%g ".as_ptr(), *f);
        }
    }
    print_str("\n");
    let mut chars = ['d', 'a', 'c', 'b'];
    insertion_sort(&mut chars);
    for c in &chars {
        print_bytes(&[*c as u8]);
    }
    print_str("\n");

    let a = [1, 2, 3, 4];
    let b = [0, 1, 2, 3, 4, 5];
    print_bool(a[1..3] == b[2..4]);
    print_str(" ");
    print_bool(a[..] == b[1..5]);
    print_str(" ");
    print_bool(a[..2] == a[1..3]);
    print_str("\n");

    let empty: &[i32] = &[];
    print_labeled("empty len=", empty.len() as i64);
    print_labeled("empty is_empty=", empty.is_empty() as i64);
    print_labeled("empty sub len=", a[4..].len() as i64);
    print_labeled("get(10) none=", a.get(10).is_none() as i64);

    let parts: [&[u8]; 3] = [b"abc", b"", b"defgh"];
    print_labeled("total_len=", total_len(&parts) as i64);
    let whole: &[&[u8]] = &parts;
    print_bytes(&whole[2][1..4]);
    print_str("\n");
}
