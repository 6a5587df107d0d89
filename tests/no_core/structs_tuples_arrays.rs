// Structs (named, tuple, unit), tuples (nested, destructured), fixed-size and
// nested arrays: copies of whole arrays, iteration by index, array repeat
// expressions, arrays of structs, 2D matrix multiplication and a sieve.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

struct Point {
    x: i32,
    y: i32,
}

struct Meters(f64);
struct Unit;

struct Rect {
    top_left: Point,
    bottom_right: Point,
    label: [u8; 4],
}

impl Rect {
    fn area(&self) -> i32 {
        (self.bottom_right.x - self.top_left.x) * (self.bottom_right.y - self.top_left.y)
    }
    fn translate(&mut self, dx: i32, dy: i32) {
        self.top_left.x += dx;
        self.top_left.y += dy;
        self.bottom_right.x += dx;
        self.bottom_right.y += dy;
    }
}

impl Unit {
    fn describe(&self) -> &'static str {
        "unit struct"
    }
}

fn matmul(a: &[[i64; 3]; 3], b: &[[i64; 3]; 3]) -> [[i64; 3]; 3] {
    let mut c = [[0i64; 3]; 3];
    for i in 0..3usize {
        for j in 0..3usize {
            let mut k = 0;
            while k < 3 {
                c[i][j] += a[i][k] * b[k][j];
                k += 1;
            }
        }
    }
    c
}

fn mat_pow(m: [[i64; 3]; 3], mut n: u32) -> [[i64; 3]; 3] {
    let mut result = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
    let mut base = m; // array copy
    while n > 0 {
        if n & 1 == 1 {
            result = matmul(&result, &base);
        }
        base = matmul(&base, &base);
        n >>= 1;
    }
    result
}

fn sieve() -> [bool; 100] {
    let mut is_prime = [true; 100];
    is_prime[0] = false;
    is_prime[1] = false;
    let mut i = 2;
    while i * i < 100 {
        if is_prime[i] {
            let mut j = i * i;
            while j < 100 {
                is_prime[j] = false;
                j += i;
            }
        }
        i += 1;
    }
    is_prime
}

fn tuple_math(t: ((i32, i32), (u8, char), f64)) -> (i32, char, f64) {
    let ((a, b), (n, c), f) = t;
    (a * b, ((c as u8) + n) as char, f * 2.0)
}

fn main() {
    let mut r = Rect { top_left: Point { x: 1, y: 2 }, bottom_right: Point { x: 11, y: 7 }, label: *b"box1" };
    print_labeled("area=", r.area() as i64);
    r.translate(-5, 100);
    unsafe {
        libc::printf(c"rect (%d,%d)-(%d,%d) %.4s\n".as_ptr(), r.top_left.x, r.top_left.y,
            r.bottom_right.x, r.bottom_right.y, r.label.as_ptr());
    }
    let Point { x: px, y: py } = r.top_left;
    let m = Meters(3.5);
    let Meters(inner) = m;
    unsafe {
        libc::printf(c"destructured %d %d, meters %g, %s\n".as_ptr(), px, py, inner,
            c"unit".as_ptr());
    }
    println_str(Unit.describe());

    // Arrays are values: copying then mutating leaves the original alone.
    let a = [1u32, 2, 3, 4, 5];
    let mut b = a;
    b[0] = 100;
    let mut i = 0;
    while i < b.len() {
        b[i] *= 2;
        i += 1;
    }
    unsafe {
        libc::printf(c"a = %u %u %u %u %u; b = %u %u %u %u %u\n".as_ptr(),
            a[0], a[1], a[2], a[3], a[4], b[0], b[1], b[2], b[3], b[4]);
    }

    // Arrays of structs and nested arrays.
    let pts = [Point { x: 3, y: 4 }, Point { x: -1, y: 1 }, Point { x: 0, y: -7 }];
    let mut manhattan = 0;
    for p in &pts {
        manhattan += if p.x < 0 { -p.x } else { p.x } + if p.y < 0 { -p.y } else { p.y };
    }
    print_labeled("manhattan=", manhattan as i64);

    let fibm = [[1, 1, 0], [1, 0, 0], [0, 0, 1]];
    let p = mat_pow(fibm, 50);
    unsafe {
        libc::printf(c"fib(50) via matrix = %lld, fib(51) = %lld\n".as_ptr(), p[0][1], p[0][0]);
    }
    let grid = [[[0u8; 4]; 3]; 2];
    let mut g2 = grid;
    g2[1][2][3] = 9;
    g2[0][0][0] = 1;
    let mut total = 0;
    for plane in &g2 {
        for row in plane {
            for cell in row {
                total += *cell as u32;
            }
        }
    }
    print_labeled("grid total=", total as i64);
    print_labeled("orig grid total=", grid[1][2][3] as i64);

    let primes = sieve();
    print_str("primes:");
    for n in 0..100usize {
        if primes[n] {
            print_str(" ");
            print_i64(n as i64);
        }
    }
    print_str("\n");

    let (prod, ch, dbl) = tuple_math(((6, 7), (2, 'a'), 1.25));
    unsafe {
        libc::printf(c"tuple: %d %c %g\n".as_ptr(), prod, ch as u32, dbl);
    }
    let nested = (1u8, (2u16, (3u32, (4u64, 5i8))));
    let deep = (nested.1).1 .1 .1;
    print_labeled("deep=", deep as i64 + (nested.1).1 .0 as i64);
    // Tuple of arrays and array of tuples.
    let mut pairs = [(0i32, 'x'); 4];
    let mut k = 0;
    while k < 4 {
        pairs[k] = (k as i32 * k as i32, (b'a' + k as u8) as char);
        k += 1;
    }
    for (n, c) in &pairs {
        unsafe {
            libc::printf(c"(%d,%c) ".as_ptr(), *n, *c as u32);
        }
    }
    print_str("\n");
}
