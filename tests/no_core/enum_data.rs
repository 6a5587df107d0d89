// Enums carrying data: tuple and struct variants of different sizes, generic
// enums (a hand-written Result-like Either), matching with bindings, nested
// patterns, guards and `if let`/`while let`, and a recursive expression tree
// built from references.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

enum Shape {
    Circle { r: f64 },
    Rect { w: f64, h: f64 },
    Triangle(f64, f64, f64),
    Empty,
}

fn area(s: &Shape) -> f64 {
    match s {
        Shape::Circle { r } => 3.141592653589793 * *r * *r,
        Shape::Rect { w, h } => *w * *h,
        &Shape::Triangle(a, b, c) => {
            let p = (a + b + c) / 2.0;
            intrinsics::sqrtf64(p * (p - a) * (p - b) * (p - c))
        }
        Shape::Empty => 0.0,
    }
}

enum Either<L, R> {
    Left(L),
    Right(R),
}

fn parse_digit(c: u8) -> Either<u32, &'static str> {
    match c {
        b'0'..=b'9' => Either::Left((c - b'0') as u32),
        b' ' => Either::Right("space"),
        _ => Either::Right("not a digit"),
    }
}

enum Expr<'a> {
    Num(i64),
    Neg(&'a Expr<'a>),
    Add(&'a Expr<'a>, &'a Expr<'a>),
    Mul(&'a Expr<'a>, &'a Expr<'a>),
    IfZero { cond: &'a Expr<'a>, then: &'a Expr<'a>, other: &'a Expr<'a> },
}

fn eval(e: &Expr) -> i64 {
    match e {
        Expr::Num(n) => *n,
        Expr::Neg(x) => -eval(x),
        Expr::Add(a, b) => eval(a) + eval(b),
        Expr::Mul(a, b) => eval(a) * eval(b),
        Expr::IfZero { cond, then, other } => {
            if eval(cond) == 0 { eval(then) } else { eval(other) }
        }
    }
}

fn count_nodes(e: &Expr) -> u32 {
    match *e {
        Expr::Num(_) => 1,
        Expr::Neg(x) => 1 + count_nodes(x),
        Expr::Add(a, b) | Expr::Mul(a, b) => 1 + count_nodes(a) + count_nodes(b),
        Expr::IfZero { cond, then, other } => 1 + count_nodes(cond) + count_nodes(then) + count_nodes(other),
    }
}

enum Token {
    Int(i32),
    Op(u8),
    Pair(i16, i16),
    End,
}
impl Copy for Token {}
impl Clone for Token {
    fn clone(&self) -> Self {
        *self
    }
}

fn token_score(t: Token) -> i32 {
    match t {
        Token::Int(n) if n < 0 => -1,
        Token::Int(0) => 0,
        Token::Int(n @ 1..=9) => n * 10,
        Token::Int(n) => n,
        Token::Op(b'+') | Token::Op(b'-') => 100,
        Token::Op(_) => 200,
        Token::Pair(a, b) if a == b => 1000,
        Token::Pair(a, b) => a as i32 - b as i32,
        Token::End => 9999,
    }
}

/// A stack of tokens popped with `while let`.
struct TokenStack {
    items: [Token; 8],
    len: usize,
}

impl TokenStack {
    fn pop(&mut self) -> Option<Token> {
        if self.len == 0 {
            None
        } else {
            self.len -= 1;
            Some(self.items[self.len])
        }
    }
}

fn main() {
    let shapes = [
        Shape::Circle { r: 2.0 },
        Shape::Rect { w: 3.0, h: 4.5 },
        Shape::Triangle(3.0, 4.0, 5.0),
        Shape::Empty,
    ];
    for s in &shapes {
        unsafe {
            libc::printf(c"area = %.6f\n".as_ptr(), area(s));
        }
    }
    if let Shape::Rect { w, .. } = shapes[1] {
        unsafe {
            libc::printf(c"rect width %g\n".as_ptr(), w);
        }
    }

    let input = b"4 2x7";
    let mut sum = 0;
    for c in input {
        match parse_digit(*c) {
            Either::Left(d) => sum += d,
            Either::Right(msg) => {
                print_str(msg);
                print_str("; ");
            }
        }
    }
    print_labeled("digit sum=", sum as i64);

    // (3 + -4) * (ifzero (2 * 0) then 10 else 20) + 7
    let n3 = Expr::Num(3);
    let n4 = Expr::Num(4);
    let neg4 = Expr::Neg(&n4);
    let sum34 = Expr::Add(&n3, &neg4);
    let two = Expr::Num(2);
    let zero = Expr::Num(0);
    let cond = Expr::Mul(&two, &zero);
    let ten = Expr::Num(10);
    let twenty = Expr::Num(20);
    let ifz = Expr::IfZero { cond: &cond, then: &ten, other: &twenty };
    let prod = Expr::Mul(&sum34, &ifz);
    let seven = Expr::Num(7);
    let root = Expr::Add(&prod, &seven);
    print_labeled("eval=", eval(&root));
    print_labeled("nodes=", count_nodes(&root) as i64);

    let tokens = [Token::Int(-5), Token::Int(0), Token::Int(7), Token::Int(42), Token::Op(b'+'),
                  Token::Op(b'*'), Token::Pair(3, 3), Token::Pair(10, 4)];
    let mut stack = TokenStack { items: tokens, len: tokens.len() };
    while let Some(t) = stack.pop() {
        print_i64(token_score(t) as i64);
        print_str(" ");
    }
    print_labeled("| end=", token_score(Token::End) as i64);
    unsafe {
        libc::printf(c"sizes: Shape=%zu Token=%zu Either<u32,&str>=%zu Expr=%zu\n".as_ptr(),
            size_of::<Shape>(), size_of::<Token>(), size_of::<Either<u32, &str>>(), size_of::<Expr>());
    }
}
