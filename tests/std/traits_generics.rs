// Tests generics: trait bounds, where clauses, associated types and consts, generic structs, impl Trait, blanket impls, PartialOrd/Ord derive.
use std::collections::BTreeMap;
use std::fmt::{Debug, Display};

trait Container {
    type Item;
    const KIND: &'static str;
    fn items(&self) -> Vec<Self::Item>;
    fn first(&self) -> Option<Self::Item> {
        self.items().into_iter().next()
    }
}

struct Stack<T> {
    v: Vec<T>,
}
impl<T: Clone> Container for Stack<T> {
    type Item = T;
    const KIND: &'static str = "stack";
    fn items(&self) -> Vec<T> {
        self.v.iter().rev().cloned().collect()
    }
}
struct Evens(u32);
impl Container for Evens {
    type Item = u32;
    const KIND: &'static str = "evens";
    fn items(&self) -> Vec<u32> {
        (0..self.0).map(|x| x * 2).collect()
    }
}

fn summarize<C>(c: &C) -> String
where
    C: Container,
    C::Item: Debug,
{
    format!("{}: {:?} first={:?}", C::KIND, c.items(), c.first())
}

trait Zero {
    const ZERO: Self;
}
impl Zero for i32 {
    const ZERO: i32 = 0;
}
impl Zero for f64 {
    const ZERO: f64 = 0.0;
}
impl Zero for u128 {
    const ZERO: u128 = 0;
}

fn sum_all<T: Zero + Copy + std::ops::Add<Output = T>>(xs: &[T]) -> T {
    xs.iter().fold(T::ZERO, |a, &b| a + b)
}

fn largest<T: PartialOrd + Copy>(xs: &[T]) -> Option<T> {
    let mut it = xs.iter();
    let mut m = *it.next()?;
    for &x in it {
        if x > m {
            m = x;
        }
    }
    Some(m)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Level {
    Low = 1,
    Mid = 5,
    High = 10,
}

#[derive(Debug, Clone, PartialEq, PartialOrd)]
struct Version {
    major: u32,
    minor: u32,
    tag: Option<String>,
}

trait Describe {
    fn describe(&self) -> String;
}
impl<T: Debug> Describe for T {
    fn describe(&self) -> String {
        format!("<<{:?}>>", self)
    }
}

struct Pair<A, B> {
    a: A,
    b: B,
}
impl<A: Display, B: Display> Pair<A, B> {
    fn show(&self) -> String {
        format!("({}, {})", self.a, self.b)
    }
    fn swap(self) -> Pair<B, A> {
        Pair { a: self.b, b: self.a }
    }
}

fn make_adder(n: i32) -> impl Fn(i32) -> i32 {
    move |x| x + n
}

fn count_by<T, K: Ord, F: Fn(&T) -> K>(xs: &[T], f: F) -> BTreeMap<K, usize> {
    let mut m = BTreeMap::new();
    for x in xs {
        *m.entry(f(x)).or_insert(0) += 1;
    }
    m
}

fn generic_const<const N: usize>(arr: [u8; N]) -> usize {
    arr.iter().map(|&x| x as usize).sum::<usize>() * N
}

fn main() {
    println!("{}", summarize(&Stack { v: vec!["a", "b", "c"] }));
    println!("{}", summarize(&Evens(5)));
    println!("{}", summarize(&Stack::<u8> { v: vec![] }));
    println!("sums {} {} {}", sum_all(&[1, 2, 3, -10]), sum_all(&[0.5, 0.25, 0.125]), sum_all(&[u128::MAX / 2, 12345]));
    println!("largest {:?} {:?} {:?} {:?}", largest(&[3, 9, 2]), largest(&[1.5, -2.0]), largest::<char>(&[]), largest(&["pear", "apple", "zoo"]));
    let mut lv = vec![Level::High, Level::Low, Level::Mid, Level::Low];
    lv.sort();
    println!("levels {:?} as ints {:?}", lv, lv.iter().map(|&l| l as i32).collect::<Vec<_>>());
    println!("Low<High {} max {:?} cmp {:?}", Level::Low < Level::High, lv.iter().max(), Level::Mid.cmp(&Level::Mid));
    let vs = [
        Version { major: 1, minor: 2, tag: None },
        Version { major: 1, minor: 2, tag: Some("beta".into()) },
        Version { major: 0, minor: 9, tag: Some("z".into()) },
        Version { major: 1, minor: 10, tag: None },
    ];
    for a in &vs {
        for b in &vs {
            print!("{:?} ", a.partial_cmp(b).unwrap());
        }
        println!();
    }
    let mut sorted = vs.to_vec();
    sorted.sort_by(|a, b| b.partial_cmp(a).unwrap());
    println!("{:?}", sorted.iter().map(|v| format!("{}.{}{:?}", v.major, v.minor, v.tag)).collect::<Vec<_>>());
    println!("{} {} {}", 5.describe(), "s".describe(), Level::Mid.describe());
    let p = Pair { a: 1, b: "two" };
    println!("{}", p.show());
    println!("{}", p.swap().show());
    let add5 = make_adder(5);
    println!("adder {} {}", add5(10), make_adder(-3)(3));
    let words = ["apple", "avocado", "banana", "blueberry", "cherry", "kiwi"];
    println!("count by first {:?}", count_by(&words, |w| w.chars().next().unwrap()));
    println!("count by len {:?}", count_by(&words, |w| w.len()));
    println!("const generic {} {}", generic_const([1, 2, 3]), generic_const([7; 5]));
    println!("tuple ord {:?} {:?}", (1, "b") < (1, "c"), (2, 0.5).partial_cmp(&(2, f64::NAN)));
    println!("Option ord {} {}", None < Some(0), Some(3) > Some(2));
}
