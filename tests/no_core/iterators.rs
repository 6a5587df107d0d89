// Iteration through mini_core's Iterator/IntoIterator lang items: `for` over
// ranges, slices, arrays (by value and by reference) and custom iterators;
// hand-written adapters (Map, Filter, Take, Zip, Enumerate) built as generic
// structs with closures; `while let` driving `next()` directly; and
// generic consumers (fold/count/max/nth) written against the trait.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

struct Fib {
    a: u64,
    b: u64,
}
impl Iterator for Fib {
    type Item = u64;
    fn next(&mut self) -> Option<u64> {
        let r = self.a;
        self.a = self.b;
        self.b += r;
        Some(r)
    }
}

/// Counts down from n to 1.
struct Countdown(u32);
impl Iterator for Countdown {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.0 == 0 {
            None
        } else {
            self.0 -= 1;
            Some(self.0 + 1)
        }
    }
}

struct Map<I, F> {
    iter: I,
    f: F,
}
impl<B, I: Iterator, F: FnMut(I::Item) -> B> Iterator for Map<I, F> {
    type Item = B;
    fn next(&mut self) -> Option<B> {
        match self.iter.next() {
            Some(x) => Some((self.f)(x)),
            None => None,
        }
    }
}

struct Filter<I, P> {
    iter: I,
    pred: P,
}
impl<I: Iterator, P: FnMut(&I::Item) -> bool> Iterator for Filter<I, P> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        while let Some(x) = self.iter.next() {
            if (self.pred)(&x) {
                return Some(x);
            }
        }
        None
    }
}

struct Take<I> {
    iter: I,
    left: usize,
}
impl<I: Iterator> Iterator for Take<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        self.iter.next()
    }
}

struct Zip<A, B> {
    a: A,
    b: B,
}
impl<A: Iterator, B: Iterator> Iterator for Zip<A, B> {
    type Item = (A::Item, B::Item);
    fn next(&mut self) -> Option<(A::Item, B::Item)> {
        let x = match self.a.next() {
            Some(x) => x,
            None => return None,
        };
        match self.b.next() {
            Some(y) => Some((x, y)),
            None => None,
        }
    }
}

struct Enumerate<I> {
    iter: I,
    count: usize,
}
impl<I: Iterator> Iterator for Enumerate<I> {
    type Item = (usize, I::Item);
    fn next(&mut self) -> Option<(usize, I::Item)> {
        match self.iter.next() {
            Some(x) => {
                self.count += 1;
                Some((self.count - 1, x))
            }
            None => None,
        }
    }
}

/// Extension methods available on every iterator.
trait IterExt: Iterator + Sized {
    fn map<B, F: FnMut(Self::Item) -> B>(self, f: F) -> Map<Self, F> {
        Map { iter: self, f }
    }
    fn filter<P: FnMut(&Self::Item) -> bool>(self, pred: P) -> Filter<Self, P> {
        Filter { iter: self, pred }
    }
    fn take(self, n: usize) -> Take<Self> {
        Take { iter: self, left: n }
    }
    fn zip<B: Iterator>(self, other: B) -> Zip<Self, B> {
        Zip { a: self, b: other }
    }
    fn enumerate(self) -> Enumerate<Self> {
        Enumerate { iter: self, count: 0 }
    }
    fn fold<B, F: FnMut(B, Self::Item) -> B>(mut self, init: B, mut f: F) -> B {
        let mut acc = init;
        while let Some(x) = self.next() {
            acc = f(acc, x);
        }
        acc
    }
    fn count(self) -> usize {
        self.fold(0, |n, _| n + 1)
    }
    fn nth(&mut self, mut n: usize) -> Option<Self::Item> {
        while let Some(x) = self.next() {
            if n == 0 {
                return Some(x);
            }
            n -= 1;
        }
        None
    }
}
impl<I: Iterator> IterExt for I {}

fn max_of<I: Iterator<Item = i64>>(iter: I) -> Option<i64> {
    let mut best = None;
    for x in iter {
        best = match best {
            None => Some(x),
            Some(b) => Some(if x > b { x } else { b }),
        };
    }
    best
}

fn main() {
    let mut s = 0;
    for i in 0..10 {
        s += i;
    }
    print_labeled("sum 0..10=", s);
    for i in 5u8..8 {
        print_i64(i as i64);
    }
    print_str(" | ");
    for _ in 3..3 {
        print_str("never");
    }
    for c in Countdown(5) {
        print_i64(c as i64);
    }
    print_str("\n");

    let words = ["iter", "ators", "in", "no_core"];
    for w in &words {
        print_str(*w);
    }
    print_str("\n");
    let mut prod = 1;
    for x in [2, 3, 7] {
        prod *= x;
    }
    print_labeled("product by value=", prod);

    print_str("fib:");
    for f in (Fib { a: 0, b: 1 }).take(15) {
        print_str(" ");
        print_u64(f);
    }
    print_str("\n");

    let even_fib_sum = Fib { a: 1, b: 2 }.take(32).filter(|x| *x % 2 == 0).fold(0u64, |a, x| a + x);
    print_labeled("sum of even fibs (first 32)=", even_fib_sum as i64);

    let squares_of_odds = (1..20i64).filter(|x| *x % 2 == 1).map(|x| x * x);
    print_labeled("max odd square=", max_of(squares_of_odds).unwrap());
    print_labeled("max of empty is none: ", max_of(0..0i64).is_none() as i64);

    let names = ["ann", "bo", "cy"];
    let ages = [31u32, 27, 45, 99];
    for (i, (name, age)) in names.iter().zip(ages.iter()).enumerate() {
        print_i64(i as i64);
        print_str(":");
        print_str(*name);
        print_str("=");
        print_i64(*age as i64);
        print_str(" ");
    }
    print_str("\n");
    print_labeled("count=", (0..1000u32).filter(|x| *x % 7 == 3).count() as i64);

    let mut it = Countdown(10).map(|x| x * 100);
    print_labeled("nth(2)=", it.nth(2).unwrap() as i64);
    print_labeled("next after nth=", it.next().unwrap() as i64);
    let mut manual = 0..3usize;
    while let Some(i) = manual.next() {
        print_labeled("manual next ", i as i64);
    }
    print_labeled("range exhausted, start=", manual.start as i64);
}
