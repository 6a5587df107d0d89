// Tests Drop order: locals (reverse), struct fields (declaration order), Vec elements, temporaries, mem::drop, moved values, Box, Option take, scopes.
#![allow(unused_assignments, dead_code)]
use std::cell::RefCell;

thread_local! {
    static EVENTS: RefCell<Vec<String>> = RefCell::new(Vec::new());
}

fn ev(s: String) {
    println!("  {}", s);
    EVENTS.with(|e| e.borrow_mut().push(s));
}

struct Loud(&'static str);
impl Drop for Loud {
    fn drop(&mut self) {
        ev(format!("drop {}", self.0));
    }
}

struct Pair {
    _first: Loud,
    _second: Loud,
}
impl Drop for Pair {
    fn drop(&mut self) {
        ev("drop Pair (before fields)".to_string());
    }
}

enum E {
    A(Loud),
    B { _x: Loud, _y: Loud },
    _C,
}

fn make(name: &'static str) -> Loud {
    ev(format!("make {}", name));
    Loud(name)
}

fn consume(l: Loud) {
    ev(format!("consume {}", l.0));
}

fn main() {
    println!("-- locals");
    {
        let _a = make("a");
        let _b = make("b");
        let _ = make("underscore-immediately");
        let _c = make("c");
    }
    println!("-- struct fields");
    {
        let _p = Pair { _first: make("f1"), _second: make("f2") };
    }
    println!("-- vec elements");
    {
        let v = vec![make("v0"), make("v1"), make("v2")];
        ev(format!("vec len {}", v.len()));
    }
    println!("-- tuple and array");
    {
        let _t = (make("t0"), make("t1"));
        let _arr = [make("a0"), make("a1")];
    }
    println!("-- moves");
    {
        let m = make("moved");
        consume(m);
        let n = make("dropped-explicitly");
        drop(n);
        ev("after explicit drop".to_string());
    }
    println!("-- temporaries");
    {
        let len = make("temp").0.len();
        ev(format!("temp len {}", len));
        let _kept = &make("extended");
        ev("extended still alive".to_string());
    }
    println!("-- reassignment");
    {
        let mut x = make("x1");
        ev("reassigning".to_string());
        x = make("x2");
        ev(format!("now {}", x.0));
    }
    println!("-- option/box/enum");
    {
        let mut o = Some(make("opt"));
        let taken = o.take();
        ev(format!("taken is_some {}", taken.is_some()));
        drop(taken);
        let _b: Box<Loud> = Box::new(make("boxed"));
        let _e1 = E::A(make("ea"));
        let _e2 = E::B { _x: make("ebx"), _y: make("eby") };
    }
    println!("-- shadowing");
    {
        let s = make("shadow1");
        let s = Loud(if s.0.len() > 3 { "shadow2" } else { "?" });
        ev(format!("shadowed {}", s.0));
    }
    println!("-- vec truncate/clear/replace");
    {
        let mut v = vec![make("p"), make("q"), make("r"), make("s")];
        v.truncate(2);
        ev("truncated".to_string());
        let old = std::mem::replace(&mut v[0], Loud("p2"));
        ev(format!("replaced {}", old.0));
        v.clear();
        ev("cleared".to_string());
    }
    println!("-- forget");
    {
        let f = make("forgotten");
        std::mem::forget(f);
    }
    let n = EVENTS.with(|e| e.borrow().len());
    let drops = EVENTS.with(|e| e.borrow().iter().filter(|s| s.starts_with("drop ")).count());
    println!("total events {} drops {}", n, drops);
}
