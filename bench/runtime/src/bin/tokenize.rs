//! A tokenizer and recursive-descent parser over a generated program of
//! arithmetic assignments (`x12 = (x3 + 41) * x7 - 5;`); evaluates it with
//! wrapping integer arithmetic and prints the token count and a checksum.
//! `tokenize [LINES]` (default 300000).

use std::collections::HashMap;
use std::fmt::Write as _;

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    Number(i64),
    Op(char),
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c.is_ascii_digit() {
            let mut end = start;
            while let Some(&(i, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = i + 1;
                chars.next();
            }
            tokens.push(Token::Number(text[start..end].parse().expect("number")));
        } else if c.is_ascii_alphabetic() {
            let mut end = start;
            while let Some(&(i, d)) = chars.peek() {
                if !d.is_ascii_alphanumeric() {
                    break;
                }
                end = i + 1;
                chars.next();
            }
            tokens.push(Token::Ident(text[start..end].to_owned()));
        } else {
            tokens.push(Token::Op(c));
            chars.next();
        }
    }
    tokens
}

enum Expr {
    Num(i64),
    Var(String),
    Bin(char, Box<Expr>, Box<Expr>),
}

struct Parser<'t> {
    tokens: &'t [Token],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }
    fn bump(&mut self) -> Token {
        self.at += 1;
        self.tokens[self.at - 1].clone()
    }
    fn expr(&mut self) -> Expr {
        let mut lhs = self.term();
        while let Some(Token::Op(op @ ('+' | '-'))) = self.peek() {
            let op = *op;
            self.bump();
            lhs = Expr::Bin(op, Box::new(lhs), Box::new(self.term()));
        }
        lhs
    }
    fn term(&mut self) -> Expr {
        let mut lhs = self.atom();
        while let Some(Token::Op(op @ ('*' | '%'))) = self.peek() {
            let op = *op;
            self.bump();
            lhs = Expr::Bin(op, Box::new(lhs), Box::new(self.atom()));
        }
        lhs
    }
    fn atom(&mut self) -> Expr {
        match self.bump() {
            Token::Number(n) => Expr::Num(n),
            Token::Ident(name) => Expr::Var(name),
            Token::Op('(') => {
                let e = self.expr();
                assert_eq!(self.bump(), Token::Op(')'));
                e
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}

fn eval(e: &Expr, vars: &HashMap<String, i64>) -> i64 {
    match e {
        Expr::Num(n) => *n,
        Expr::Var(name) => vars.get(name).copied().unwrap_or(1),
        Expr::Bin(op, a, b) => {
            let (a, b) = (eval(a, vars), eval(b, vars));
            match op {
                '+' => a.wrapping_add(b),
                '-' => a.wrapping_sub(b),
                '*' => a.wrapping_mul(b),
                _ => a.wrapping_rem(b.abs().max(1)),
            }
        }
    }
}

fn main() {
    let lines: u64 = std::env::args()
        .nth(1)
        .map_or(300_000, |s| s.parse().expect("LINES is a number"));
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |m: u64| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % m
    };
    let mut program = String::new();
    for _ in 0..lines {
        let _ = write!(program, "x{} = ", next(64));
        let terms = 2 + next(6);
        for t in 0..terms {
            if t > 0 {
                program.push_str([" + ", " - ", " * ", " % "][next(4) as usize]);
            }
            match next(3) {
                0 => {
                    let _ = write!(program, "{}", next(1000));
                }
                1 => {
                    let _ = write!(program, "x{}", next(64));
                }
                _ => {
                    let _ = write!(program, "(x{} + {})", next(64), next(100));
                }
            }
        }
        program.push_str(";\n");
    }
    let tokens = tokenize(&program);
    let mut vars: HashMap<String, i64> = HashMap::new();
    let mut parser = Parser {
        tokens: &tokens,
        at: 0,
    };
    let mut checksum = 0i64;
    while parser.peek().is_some() {
        let Token::Ident(target) = parser.bump() else {
            panic!("statement without a target");
        };
        assert_eq!(parser.bump(), Token::Op('='));
        let value = eval(&parser.expr(), &vars);
        assert_eq!(parser.bump(), Token::Op(';'));
        checksum = checksum.rotate_left(5) ^ value;
        vars.insert(target, value);
    }
    println!(
        "tokenize {lines} lines: {} bytes, {} tokens, {} variables, checksum {checksum:016x}",
        program.len(),
        tokens.len(),
        vars.len()
    );
}
