// Generic functions and structs with trait bounds, monomorphized over several
// types: a generic max/sum over slices, a fixed-capacity Stack<T, N> using
// const generics, a generic Pair with methods gated on bounds, generic
// functions calling each other, and generic code over user-defined traits.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

trait Zero {
    fn zero() -> Self;
}
impl Zero for i32 {
    fn zero() -> i32 {
        0
    }
}
impl Zero for u64 {
    fn zero() -> u64 {
        0
    }
}
impl Zero for f64 {
    fn zero() -> f64 {
        0.0
    }
}

fn sum<T: Copy + Zero + Add<Output = T>>(xs: &[T]) -> T {
    let mut acc = T::zero();
    for x in xs {
        acc = acc + *x;
    }
    acc
}

fn largest<T: Copy + PartialOrd>(xs: &[T]) -> T {
    let mut best = xs[0];
    let mut i = 1;
    while i < xs.len() {
        if xs[i] > best {
            best = xs[i];
        }
        i += 1;
    }
    best
}

fn count_if<T, F: Fn(&T) -> bool>(xs: &[T], pred: F) -> usize {
    let mut n = 0;
    for x in xs {
        if pred(x) {
            n += 1;
        }
    }
    n
}

struct Stack<T, const N: usize> {
    items: [T; N],
    len: usize,
}

impl<T: Copy, const N: usize> Stack<T, N> {
    fn new(fill: T) -> Self {
        Stack { items: [fill; N], len: 0 }
    }
    fn push(&mut self, v: T) -> bool {
        if self.len == N {
            return false;
        }
        self.items[self.len] = v;
        self.len += 1;
        true
    }
    fn pop(&mut self) -> Option<T> {
        if self.len == 0 {
            None
        } else {
            self.len -= 1;
            Some(self.items[self.len])
        }
    }
    fn capacity(&self) -> usize {
        N
    }
}

struct Pair<A, B> {
    a: A,
    b: B,
}

impl<A: Copy, B: Copy> Pair<A, B> {
    fn swap(&self) -> Pair<B, A> {
        Pair { a: self.b, b: self.a }
    }
}

impl<T: Copy + PartialOrd> Pair<T, T> {
    fn max(&self) -> T {
        if self.a > self.b { self.a } else { self.b }
    }
}

trait Describe {
    fn describe(&self) -> i64;
}
impl Describe for u8 {
    fn describe(&self) -> i64 {
        *self as i64 * 1000
    }
}
impl Describe for bool {
    fn describe(&self) -> i64 {
        if *self { 1 } else { -1 }
    }
}
impl<A: Describe, B: Describe> Describe for Pair<A, B> {
    fn describe(&self) -> i64 {
        self.a.describe() * 10 + self.b.describe()
    }
}
impl<T: Describe, const N: usize> Describe for [T; N] {
    fn describe(&self) -> i64 {
        let mut s = 0;
        for x in self {
            s += x.describe();
        }
        s
    }
}

fn show<T: Describe>(label: &str, x: &T) {
    print_str(label);
    print_labeled(": ", x.describe());
}

fn size_report<T>(name: &str) {
    print_str(name);
    unsafe {
        libc::printf(c": size %zu align %zu\n".as_ptr(), size_of::<T>(), align_of::<T>());
    }
}

fn main() {
    print_labeled("sum i32=", sum(&[1, -2, 3, 40]) as i64);
    print_labeled("sum u64=", sum(&[1u64 << 40, 5, 7]) as i64);
    unsafe {
        libc::printf(c"sum f64=%g\n".as_ptr(), sum(&[0.5, 0.25, 2.0]));
        libc::printf(c"largest: %d %c %g %u\n".as_ptr(), largest(&[3, 9, -2]), largest(&['q', 'z', 'a']) as u32,
            largest(&[1.5, -0.5]), largest(&[7u8, 200, 13]) as u32);
    }
    print_labeled("count_if even=", count_if(&[1, 2, 3, 4, 6], |x| *x % 2 == 0) as i64);
    print_labeled("count_if long=", count_if(&["a", "abc", "abcd"], |s| s.len() > 2) as i64);

    let mut s: Stack<u16, 4> = Stack::new(0);
    let mut pushed = 0;
    let mut v = 1;
    while s.push(v * 111) {
        pushed += 1;
        v += 1;
    }
    print_labeled("pushed=", pushed);
    print_labeled("capacity=", s.capacity() as i64);
    while let Some(x) = s.pop() {
        print_i64(x as i64);
        print_str(" ");
    }
    print_str("\n");
    let mut big: Stack<(i8, f32), 2> = Stack::new((0, 0.0));
    big.push((-1, 1.5));
    big.push((2, 2.5));
    print_bool(big.push((3, 3.5)));
    let (a, b) = big.pop().unwrap();
    unsafe {
        libc::printf(c" popped (%d, %g)\n".as_ptr(), a as i32, b as f64);
    }

    let p = Pair { a: 7u8, b: true };
    let q = p.swap();
    show("pair", &p);
    show("swapped", &q);
    show("nested", &Pair { a: Pair { a: 1u8, b: false }, b: 2u8 });
    show("array", &[1u8, 2, 3]);
    print_labeled("max i64=", Pair { a: -5i64, b: -9 }.max());
    unsafe {
        libc::printf(c"max f32=%g\n".as_ptr(), Pair { a: 2.5f32, b: 9.25 }.max() as f64);
    }

    size_report::<u8>("u8");
    size_report::<(u8, u32)>("(u8, u32)");
    size_report::<Pair<u64, u8>>("Pair<u64, u8>");
    size_report::<Stack<u8, 3>>("Stack<u8, 3>");
    size_report::<[u16; 5]>("[u16; 5]");
}
