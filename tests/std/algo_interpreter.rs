// Tests a tokenizer + recursive-descent parser + tree-walking evaluator + stack VM for a tiny expression language (enums, Box, HashMap, String, Result).
use std::collections::HashMap;
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(f64),
    Id(String),
    Op(char),
    LParen,
    RParen,
    Assign,
    Semi,
}

fn lex(src: &str) -> Result<Vec<Tok>, String> {
    let cs: Vec<char> = src.chars().collect();
    let mut i = 0;
    let mut out = vec![];
    while i < cs.len() {
        let c = cs[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() || c == '.' {
            let st = i;
            while i < cs.len() && (cs[i].is_ascii_digit() || cs[i] == '.') {
                i += 1;
            }
            let s: String = cs[st..i].iter().collect();
            out.push(Tok::Num(s.parse().map_err(|e| format!("bad number {:?}: {}", s, e))?));
        } else if c.is_alphabetic() {
            let st = i;
            while i < cs.len() && cs[i].is_alphanumeric() {
                i += 1;
            }
            out.push(Tok::Id(cs[st..i].iter().collect()));
        } else {
            out.push(match c {
                '+' | '-' | '*' | '/' | '%' | '^' => Tok::Op(c),
                '(' => Tok::LParen,
                ')' => Tok::RParen,
                '=' => Tok::Assign,
                ';' => Tok::Semi,
                _ => return Err(format!("unexpected char {:?} at {}", c, i)),
            });
            i += 1;
        }
    }
    Ok(out)
}

#[derive(Debug, Clone)]
enum Expr {
    Num(f64),
    Var(String),
    Bin(char, Box<Expr>, Box<Expr>),
    Neg(Box<Expr>),
    Call(String, Box<Expr>),
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Expr::Num(n) => write!(f, "{}", n),
            Expr::Var(v) => write!(f, "{}", v),
            Expr::Bin(op, a, b) => write!(f, "({} {} {})", a, op, b),
            Expr::Neg(a) => write!(f, "-{}", a),
            Expr::Call(n, a) => write!(f, "{}({})", n, a),
        }
    }
}

struct Parser {
    toks: Vec<Tok>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }
    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += 1;
        t
    }
    fn expr(&mut self) -> Result<Expr, String> {
        let mut lhs = self.term()?;
        while let Some(Tok::Op(op @ ('+' | '-'))) = self.peek().cloned() {
            self.next();
            lhs = Expr::Bin(op, Box::new(lhs), Box::new(self.term()?));
        }
        Ok(lhs)
    }
    fn term(&mut self) -> Result<Expr, String> {
        let mut lhs = self.factor()?;
        while let Some(Tok::Op(op @ ('*' | '/' | '%'))) = self.peek().cloned() {
            self.next();
            lhs = Expr::Bin(op, Box::new(lhs), Box::new(self.factor()?));
        }
        Ok(lhs)
    }
    fn factor(&mut self) -> Result<Expr, String> {
        let base = self.unary()?;
        if let Some(Tok::Op('^')) = self.peek() {
            self.next();
            return Ok(Expr::Bin('^', Box::new(base), Box::new(self.factor()?)));
        }
        Ok(base)
    }
    fn unary(&mut self) -> Result<Expr, String> {
        match self.next() {
            Some(Tok::Op('-')) => Ok(Expr::Neg(Box::new(self.unary()?))),
            Some(Tok::Num(n)) => Ok(Expr::Num(n)),
            Some(Tok::Id(name)) => {
                if let Some(Tok::LParen) = self.peek() {
                    self.next();
                    let arg = self.expr()?;
                    match self.next() {
                        Some(Tok::RParen) => Ok(Expr::Call(name, Box::new(arg))),
                        t => Err(format!("expected ) got {:?}", t)),
                    }
                } else {
                    Ok(Expr::Var(name))
                }
            }
            Some(Tok::LParen) => {
                let e = self.expr()?;
                match self.next() {
                    Some(Tok::RParen) => Ok(e),
                    t => Err(format!("expected ) got {:?}", t)),
                }
            }
            t => Err(format!("unexpected token {:?}", t)),
        }
    }
}

fn eval(e: &Expr, env: &HashMap<String, f64>) -> Result<f64, String> {
    Ok(match e {
        Expr::Num(n) => *n,
        Expr::Var(v) => *env.get(v).ok_or_else(|| format!("unbound variable {}", v))?,
        Expr::Neg(a) => -eval(a, env)?,
        Expr::Call(f, a) => {
            let x = eval(a, env)?;
            match f.as_str() {
                "sqrt" => x.sqrt(),
                "abs" => x.abs(),
                "floor" => x.floor(),
                _ => return Err(format!("unknown function {}", f)),
            }
        }
        Expr::Bin(op, a, b) => {
            let (x, y) = (eval(a, env)?, eval(b, env)?);
            match op {
                '+' => x + y,
                '-' => x - y,
                '*' => x * y,
                '/' => {
                    if y == 0.0 {
                        return Err("division by zero".into());
                    }
                    x / y
                }
                '%' => x % y,
                '^' => x.powf(y),
                _ => unreachable!(),
            }
        }
    })
}

#[derive(Debug)]
enum Ins {
    Push(f64),
    Load(String),
    Op(char),
    Neg,
}

fn compile(e: &Expr, out: &mut Vec<Ins>) {
    match e {
        Expr::Num(n) => out.push(Ins::Push(*n)),
        Expr::Var(v) => out.push(Ins::Load(v.clone())),
        Expr::Neg(a) => {
            compile(a, out);
            out.push(Ins::Neg);
        }
        Expr::Bin(op, a, b) => {
            compile(a, out);
            compile(b, out);
            out.push(Ins::Op(*op));
        }
        Expr::Call(_, a) => {
            compile(a, out);
            out.push(Ins::Op('s'));
        }
    }
}

fn run(code: &[Ins], env: &HashMap<String, f64>) -> f64 {
    let mut st: Vec<f64> = vec![];
    for ins in code {
        match ins {
            Ins::Push(n) => st.push(*n),
            Ins::Load(v) => st.push(env[v]),
            Ins::Neg => {
                let x = st.pop().unwrap();
                st.push(-x)
            }
            Ins::Op('s') => {
                let x = st.pop().unwrap();
                st.push(x.sqrt())
            }
            Ins::Op(op) => {
                let y = st.pop().unwrap();
                let x = st.pop().unwrap();
                st.push(match op {
                    '+' => x + y,
                    '-' => x - y,
                    '*' => x * y,
                    '/' => x / y,
                    '%' => x % y,
                    '^' => x.powf(y),
                    _ => f64::NAN,
                });
            }
        }
    }
    st.pop().unwrap()
}

fn main() {
    let program = "x = 3; y = x * 4 - 2; z = (x + y) ^ 2 / 7; w = -z % 5 + sqrt(y * 10); r = 2 ^ 3 ^ 2; q = floor(w * 100) / 100";
    let mut env: HashMap<String, f64> = HashMap::new();
    for stmt in program.split(';') {
        let toks = lex(stmt).unwrap();
        let (name, rest) = match (&toks[0], &toks[1]) {
            (Tok::Id(n), Tok::Assign) => (n.clone(), toks[2..].to_vec()),
            _ => panic!("bad stmt"),
        };
        let mut p = Parser { toks: rest, pos: 0 };
        let e = p.expr().unwrap();
        let v = eval(&e, &env).unwrap();
        let mut code = vec![];
        if !format!("{}", e).contains("floor") {
            compile(&e, &mut code);
            let vm = run(&code, &env);
            println!("{} = {} => {} (vm {} ops, agrees {})", name, e, v, code.len(), vm == v);
        } else {
            println!("{} = {} => {}", name, e, v);
        }
        env.insert(name, v);
    }
    let mut names: Vec<_> = env.iter().collect();
    names.sort_by(|a, b| a.0.cmp(b.0));
    println!("env: {:?}", names);
    for bad in ["1 / (x - 3)", "foo + 1", "3 + * 4", "2 $ 3", "bar(2)", "(1 + 2", "1..2"] {
        let res = lex(bad).and_then(|t| {
            let mut p = Parser { toks: t, pos: 0 };
            p.expr()
        });
        match res.and_then(|e| eval(&e, &env)) {
            Ok(v) => println!("{:?} -> {}", bad, v),
            Err(msg) => println!("{:?} -> error: {}", bad, msg),
        }
    }
    let mut total = 0.0;
    for i in 0..200 {
        env.insert("i".into(), i as f64);
        let toks = lex("i * i % 17 + sqrt(i) - i / 3").unwrap();
        let e = Parser { toks, pos: 0 }.expr().unwrap();
        total += eval(&e, &env).unwrap();
    }
    println!("loop total {:.6}", total);
    println!("{:?}", lex("a=1;").unwrap());
}
