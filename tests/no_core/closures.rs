// Closures: capturing by shared reference, by mutable reference and by move;
// passing them to generic functions bounded by Fn/FnMut/FnOnce; closures
// returned from functions (impl Fn), closures capturing other closures,
// non-capturing closures coerced to fn pointers (Rust and extern "C" ABI
// use via a Rust fn pointer), closures over aggregates, and &dyn Fn.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

fn apply<F: Fn(i32) -> i32>(f: F, x: i32) -> i32 {
    f(x)
}

fn apply_n<F: FnMut() -> u64>(mut f: F, n: u32) -> u64 {
    let mut last = 0;
    let mut i = 0;
    while i < n {
        last = f();
        i += 1;
    }
    last
}

fn consume<F: FnOnce() -> Token>(f: F) -> Token {
    f()
}

fn compose<A: Fn(i64) -> i64, B: Fn(i64) -> i64>(a: A, b: B) -> impl Fn(i64) -> i64 {
    move |x| b(a(x))
}

fn make_adder(n: i64) -> impl Fn(i64) -> i64 {
    move |x| x + n
}

fn make_counter(start: u32, step: u32) -> impl FnMut() -> u32 {
    let mut cur = start;
    move || {
        let v = cur;
        cur += step;
        v
    }
}

fn call_dyn(f: &dyn Fn(u8) -> u8, x: u8) -> u8 {
    f(x)
}

fn call_dyn_mut(f: &mut dyn FnMut(i32), xs: &[i32]) {
    for x in xs {
        f(*x);
    }
}

fn call_ptr(f: fn(i32, i32) -> i32, a: i32, b: i32) -> i32 {
    f(a, b)
}

/// A move-only value (has a Drop impl, so it cannot be Copy).
struct Token {
    id: u32,
}
impl Drop for Token {
    fn drop(&mut self) {
        print_labeled("  drop token ", self.id as i64);
    }
}

struct Point {
    x: f64,
    y: f64,
}

fn main() {
    // Capture by reference.
    let offset = 100;
    let add_offset = |x| x + offset;
    print_labeled("apply by-ref=", apply(add_offset, 5) as i64);
    print_labeled("apply again=", apply(&add_offset, -5) as i64);

    // Capture by mutable reference (FnMut).
    let mut calls = 0u64;
    let mut fib = (0u64, 1u64);
    let last = apply_n(
        || {
            calls += 1;
            fib = (fib.1, fib.0 + fib.1);
            fib.0
        },
        30,
    );
    unsafe {
        libc::printf(c"fnmut: last=%llu calls=%llu state=(%llu,%llu)\n".as_ptr(), last, calls, fib.0, fib.1);
    }

    // Capture by move, called once.
    let t = Token { id: 7 };
    print_str("before consume\n");
    let t2 = consume(move || {
        let moved = t; // moves the whole token into the body: it is dropped when the call ends
        print_labeled("  inside FnOnce, token ", moved.id as i64);
        Token { id: moved.id * 2 }
    });
    print_labeled("after consume, got ", t2.id as i64);

    // Closures returned from functions.
    let add5 = make_adder(5);
    let times3 = |x: i64| x * 3;
    let both = compose(add5, times3);
    let both2 = compose(times3, make_adder(-1));
    print_labeled("compose (x+5)*3 at 2=", both(2));
    print_labeled("compose x*3-1 at 2=", both2(2));
    let mut counter = make_counter(10, 7);
    counter();
    counter();
    print_labeled("counter third=", counter() as i64);

    // Capturing aggregates by reference and by move.
    let pts = [Point { x: 1.0, y: 2.0 }, Point { x: -3.0, y: 0.5 }, Point { x: 4.0, y: -1.0 }];
    let origin = Point { x: 1.0, y: 1.0 };
    let dist2 = |p: &Point| (p.x - origin.x) * (p.x - origin.x) + (p.y - origin.y) * (p.y - origin.y);
    let mut far = 0.0;
    for p in &pts {
        let d = dist2(p);
        if d > far {
            far = d;
        }
    }
    unsafe {
        libc::printf(c"farthest squared distance=%g\n".as_ptr(), far);
    }
    let scale = 2.5;
    let scaled = move |i: usize| pts[i].x * scale + pts[i].y;
    unsafe {
        libc::printf(c"scaled: %g %g\n".as_ptr(), scaled(0), scaled(2));
    }

    // Non-capturing closures coerce to fn pointers.
    let ops: [fn(i32, i32) -> i32; 3] = [|a, b| a + b, |a, b| a * b, |a, b| if a > b { a - b } else { b - a }];
    let mut results = 0;
    for op in &ops {
        results = results * 1000 + call_ptr(*op, 12, 30);
    }
    print_labeled("fn-pointer closures=", results as i64);

    // dyn Fn and dyn FnMut.
    let mask = 0x0f;
    print_labeled("dyn Fn=", call_dyn(&|b| (b & mask) + 1, 0xab) as i64);
    let mut total = 0;
    let mut maxv = i32::MIN;
    call_dyn_mut(&mut |x| {
        total += x;
        if x > maxv {
            maxv = x;
        }
    }, &[3, -8, 14, 2]);
    unsafe {
        libc::printf(c"dyn FnMut: total=%d max=%d\n".as_ptr(), total, maxv);
    }

    // A closure that captures a closure.
    let inner = |x: i32| x * x;
    let outer = |x: i32| inner(x) + inner(x + 1);
    print_labeled("outer(3)=", outer(3) as i64);
    print_str("end of main\n");
}
