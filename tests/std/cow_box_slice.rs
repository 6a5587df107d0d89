// Tests Cow (borrowed vs owned), Box<[T]>, Box<str>, boxed recursive enums, Box<dyn> conversions, slice <-> Vec conversions.
use std::borrow::Cow;

fn normalize(s: &str) -> Cow<'_, str> {
    if s.contains(char::is_uppercase) || s.contains(' ') {
        Cow::Owned(s.to_lowercase().replace(' ', "_"))
    } else {
        Cow::Borrowed(s)
    }
}

fn abs_all(v: &mut Cow<'_, [i32]>) {
    for i in 0..v.len() {
        if v[i] < 0 {
            v.to_mut()[i] = -v[i];
        }
    }
}

#[derive(Debug)]
enum Expr {
    Num(f64),
    Var(&'static str),
    Add(Box<Expr>, Box<Expr>),
    Mul(Box<Expr>, Box<Expr>),
    Neg(Box<Expr>),
}
use Expr::*;

fn eval(e: &Expr, x: f64) -> f64 {
    match e {
        Num(n) => *n,
        Var(_) => x,
        Add(a, b) => eval(a, x) + eval(b, x),
        Mul(a, b) => eval(a, x) * eval(b, x),
        Neg(a) => -eval(a, x),
    }
}

fn show(e: &Expr) -> String {
    match e {
        Num(n) => format!("{}", n),
        Var(v) => v.to_string(),
        Add(a, b) => format!("({} + {})", show(a), show(b)),
        Mul(a, b) => format!("{} * {}", show(a), show(b)),
        Neg(a) => format!("-{}", show(a)),
    }
}

fn deriv(e: &Expr) -> Expr {
    match e {
        Num(_) => Num(0.0),
        Var(_) => Num(1.0),
        Add(a, b) => Add(Box::new(deriv(a)), Box::new(deriv(b))),
        Mul(a, b) => Add(Box::new(Mul(Box::new(deriv(a)), Box::new(clone(b)))), Box::new(Mul(Box::new(clone(a)), Box::new(deriv(b))))),
        Neg(a) => Neg(Box::new(deriv(a))),
    }
}

fn clone(e: &Expr) -> Expr {
    match e {
        Num(n) => Num(*n),
        Var(v) => Var(v),
        Add(a, b) => Add(Box::new(clone(a)), Box::new(clone(b))),
        Mul(a, b) => Mul(Box::new(clone(a)), Box::new(clone(b))),
        Neg(a) => Neg(Box::new(clone(a))),
    }
}

#[derive(Debug)]
enum List {
    Cons(i32, Box<List>),
    Nil,
}

fn main() {
    for s in ["simple", "Has Caps", "with space", "ok_already"] {
        let n = normalize(s);
        let kind = match &n {
            Cow::Borrowed(_) => "borrowed",
            Cow::Owned(_) => "owned",
        };
        println!("{:?} -> {:?} ({})", s, n, kind);
    }
    let data = [1, 2, 3];
    let mut c1: Cow<[i32]> = Cow::Borrowed(&data);
    abs_all(&mut c1);
    println!("no negatives stays borrowed: {}", matches!(c1, Cow::Borrowed(_)));
    let data2 = [1, -2, 3, -4];
    let mut c2: Cow<[i32]> = Cow::Borrowed(&data2);
    abs_all(&mut c2);
    println!("c2 {:?} owned {} original {:?}", c2, matches!(c2, Cow::Owned(_)), data2);
    let owned: Vec<i32> = c2.into_owned();
    println!("into_owned {:?}", owned);
    let mut cs: Cow<str> = Cow::from("abc");
    cs.to_mut().push_str("def");
    println!("cow str {} len {}", cs, cs.len());
    let cow_cmp: Cow<str> = "xyz".into();
    println!("cow eq {}", cow_cmp == "xyz");

    let bs: Box<[u32]> = vec![5, 3, 9, 1].into_boxed_slice();
    println!("box slice {:?} len {} max {:?}", bs, bs.len(), bs.iter().max());
    let mut bs2 = bs.clone();
    bs2.sort();
    println!("sorted {:?} orig {:?}", bs2, bs);
    let v: Vec<u32> = bs2.into_vec();
    println!("back to vec {:?} cap>=len {}", v, v.capacity() >= v.len());
    let bstr: Box<str> = String::from("boxed str").into_boxed_str();
    println!("{} {}", bstr, bstr.to_uppercase());
    let empty: Box<[u8]> = Box::new([]);
    println!("empty {:?}", empty);
    let barr: Box<[i64; 4]> = Box::new([1, 2, 3, 4]);
    let bsl: Box<[i64]> = barr;
    println!("array->slice {:?}", bsl);
    let big: Box<[u8]> = vec![7u8; 100_000].into_boxed_slice();
    println!("big box sum {}", big.iter().map(|&b| b as u32).sum::<u32>());

    // f(x) = 3x^2 + -(2x) + 5
    let f = Add(
        Box::new(Add(Box::new(Mul(Box::new(Num(3.0)), Box::new(Mul(Box::new(Var("x")), Box::new(Var("x")))))), Box::new(Neg(Box::new(Mul(Box::new(Num(2.0)), Box::new(Var("x")))))))),
        Box::new(Num(5.0)),
    );
    println!("f = {}", show(&f));
    let df = deriv(&f);
    println!("f' = {}", show(&df));
    for x in [-1.0, 0.0, 0.5, 2.0] {
        println!("f({}) = {} f'({}) = {}", x, eval(&f, x), x, eval(&df, x));
    }
    let mut list = List::Nil;
    for i in (1..=5).rev() {
        list = List::Cons(i * i, Box::new(list));
    }
    println!("{:?}", list);
    let mut cur = &list;
    let mut total = 0;
    while let List::Cons(v, next) = cur {
        total += v;
        cur = next;
    }
    println!("list total {}", total);
    let b: Box<dyn std::fmt::Debug> = Box::new(vec![Some('a')]);
    println!("box dyn debug {:?}", b);
    let bx = Box::new(41);
    let raw_back = *bx + 1;
    println!("unboxed {}", raw_back);
    let leaked: &'static mut Vec<i32> = Box::leak(Box::new(vec![1, 2]));
    leaked.push(3);
    println!("leaked {:?}", leaked);
}
