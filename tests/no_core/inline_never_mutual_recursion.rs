// `#[inline(never)]` functions and mutual recursion: even/odd, a recursive
// descent expression parser/evaluator (expr -> term -> factor -> expr), and
// Hofstadter's Female/Male sequences.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

#[inline(never)]
fn is_even(n: u32) -> bool {
    if n == 0 { true } else { is_odd(n - 1) }
}

#[inline(never)]
fn is_odd(n: u32) -> bool {
    if n == 0 { false } else { is_even(n - 1) }
}

#[inline(never)]
fn female(n: i32) -> i32 {
    if n == 0 { 1 } else { n - male(female(n - 1)) }
}

#[inline(never)]
fn male(n: i32) -> i32 {
    if n == 0 { 0 } else { n - female(male(n - 1)) }
}

/// Recursive-descent parser over bytes: + - * / and parentheses.
struct Parser<'a> {
    src: &'a [u8],
    pos: usize,
}

impl<'a> Parser<'a> {
    #[inline(never)]
    fn peek(&self) -> u8 {
        if self.pos < self.src.len() { self.src[self.pos] } else { 0 }
    }
    #[inline(never)]
    fn expr(&mut self) -> i64 {
        let mut v = self.term();
        loop {
            match self.peek() {
                b'+' => {
                    self.pos += 1;
                    v += self.term();
                }
                b'-' => {
                    self.pos += 1;
                    v -= self.term();
                }
                _ => return v,
            }
        }
    }
    #[inline(never)]
    fn term(&mut self) -> i64 {
        let mut v = self.factor();
        loop {
            match self.peek() {
                b'*' => {
                    self.pos += 1;
                    v *= self.factor();
                }
                b'/' => {
                    self.pos += 1;
                    v /= self.factor();
                }
                _ => return v,
            }
        }
    }
    #[inline(never)]
    fn factor(&mut self) -> i64 {
        match self.peek() {
            b'(' => {
                self.pos += 1;
                let v = self.expr();
                self.pos += 1; // ')'
                v
            }
            b'-' => {
                self.pos += 1;
                -self.factor()
            }
            _ => {
                let mut v = 0;
                while self.peek() >= b'0' && self.peek() <= b'9' {
                    v = v * 10 + (self.peek() - b'0') as i64;
                    self.pos += 1;
                }
                v
            }
        }
    }
}

#[inline(never)]
fn eval(s: &str) -> i64 {
    let mut p = Parser { src: s.as_bytes(), pos: 0 };
    p.expr()
}

fn main() {
    let ns = [0u32, 1, 10, 77, 1000];
    for n in &ns {
        unsafe {
            libc::printf(c"%u: even=%d odd=%d\n".as_ptr(), *n, is_even(*n) as i32, is_odd(*n) as i32);
        }
    }
    print_str("F: ");
    let mut i = 0;
    while i < 20 {
        print_i64(female(i) as i64);
        print_str(" ");
        i += 1;
    }
    print_str("\nM: ");
    i = 0;
    while i < 20 {
        print_i64(male(i) as i64);
        print_str(" ");
        i += 1;
    }
    print_str("\n");

    let exprs = ["1+2*3", "(1+2)*3", "100/(2+3)-7", "-(4*-5)+2*(3-(8/2))", "((((42))))", "2*3*4*5*6*7*8*9"];
    for e in &exprs {
        print_str(*e);
        print_labeled(" = ", eval(*e));
    }
}
