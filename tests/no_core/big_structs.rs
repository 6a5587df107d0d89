// Aggregates passed and returned by value: a 5×u64 struct (passed/returned
// indirectly), small structs that fit in registers, a struct of floats,
// nested structs and arrays inside structs, and mutation through &mut.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

struct Big {
    a: u64,
    b: u64,
    c: u64,
    d: u64,
    e: u64,
}

impl Copy for Big {}
impl Clone for Big {
    fn clone(&self) -> Big {
        *self
    }
}

#[inline(never)]
fn make_big(seed: u64) -> Big {
    Big { a: seed, b: seed * 2, c: seed * 3, d: seed * 4, e: seed * 5 }
}

#[inline(never)]
fn sum_big(x: Big) -> u64 {
    x.a + x.b + x.c + x.d + x.e
}

#[inline(never)]
fn rotate(x: Big) -> Big {
    Big { a: x.e, b: x.a, c: x.b, d: x.c, e: x.d }
}

#[inline(never)]
fn add_bigs(x: Big, y: Big, scale: u64) -> Big {
    Big { a: x.a + y.a * scale, b: x.b + y.b * scale, c: x.c + y.c * scale, d: x.d + y.d * scale, e: x.e + y.e * scale }
}

fn print_big(name: &str, x: &Big) {
    print_str(name);
    unsafe {
        libc::printf(c" = {%llu, %llu, %llu, %llu, %llu}\n".as_ptr(), x.a, x.b, x.c, x.d, x.e);
    }
}

/// Two u32s: passed in a single register.
struct Small {
    x: u32,
    y: u32,
}

#[inline(never)]
fn small_swap(s: Small) -> Small {
    Small { x: s.y, y: s.x }
}

/// A mixed struct: (u8, i64, u16) with padding.
struct Padded {
    tag: u8,
    value: i64,
    extra: u16,
}

#[inline(never)]
fn bump(p: Padded) -> Padded {
    Padded { tag: p.tag + 1, value: p.value * -2, extra: p.extra ^ 0xffff }
}

struct Vec3 {
    x: f64,
    y: f64,
    z: f64,
}

#[inline(never)]
fn cross(a: Vec3, b: Vec3) -> Vec3 {
    Vec3 { x: a.y * b.z - a.z * b.y, y: a.z * b.x - a.x * b.z, z: a.x * b.y - a.y * b.x }
}

#[inline(never)]
fn dot(a: &Vec3, b: &Vec3) -> f64 {
    a.x * b.x + a.y * b.y + a.z * b.z
}

struct Pointf {
    x: f32,
    y: f32,
}

#[inline(never)]
fn midpoint(a: Pointf, b: Pointf) -> Pointf {
    Pointf { x: (a.x + b.x) / 2.0, y: (a.y + b.y) / 2.0 }
}

/// Nested aggregate with an array field.
struct Matrix {
    rows: [[i32; 3]; 3],
    name: &'static str,
}

#[inline(never)]
fn transpose(m: Matrix) -> Matrix {
    let mut out = Matrix { rows: [[0; 3]; 3], name: "transposed" };
    let mut i = 0;
    while i < 3 {
        let mut j = 0;
        while j < 3 {
            out.rows[j][i] = m.rows[i][j];
            j += 1;
        }
        i += 1;
    }
    out
}

#[inline(never)]
fn scale_in_place(m: &mut Matrix, k: i32) {
    for row in 0..3usize {
        for col in 0..3usize {
            m.rows[row][col] *= k;
        }
    }
}

fn print_matrix(m: &Matrix) {
    print_str(m.name);
    print_str(":");
    for row in &m.rows {
        unsafe {
            libc::printf(c" [%d %d %d]".as_ptr(), row[0], row[1], row[2]);
        }
    }
    print_str("\n");
}

fn main() {
    let b = make_big(7);
    print_big("make_big(7)", &b);
    print_labeled("sum_big=", sum_big(b) as i64);
    let r = rotate(rotate(b));
    print_big("rotate^2", &r);
    let s = add_bigs(b, r, 1000);
    print_big("add_bigs", &s);
    // The original is still intact (passed by copy).
    print_labeled("b.e=", b.e as i64);

    let sm = small_swap(Small { x: 1, y: 0xdead });
    unsafe {
        libc::printf(c"small_swap: %u %#x\n".as_ptr(), sm.x, sm.y);
    }
    let p = bump(bump(Padded { tag: 250, value: 21, extra: 0x1234 }));
    unsafe {
        libc::printf(c"padded: %u %lld %#x\n".as_ptr(), p.tag as u32, p.value, p.extra as u32);
    }

    let c = cross(Vec3 { x: 1.0, y: 2.0, z: 3.0 }, Vec3 { x: -4.0, y: 0.5, z: 2.0 });
    unsafe {
        libc::printf(c"cross = (%g, %g, %g), dot with itself = %g\n".as_ptr(), c.x, c.y, c.z, dot(&c, &c));
    }
    let m = midpoint(Pointf { x: 1.0, y: -3.5 }, Pointf { x: 4.0, y: 10.0 });
    unsafe {
        libc::printf(c"midpoint = (%g, %g)\n".as_ptr(), m.x as f64, m.y as f64);
    }

    let mut mat = Matrix { rows: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], name: "original" };
    print_matrix(&mat);
    let t = transpose(Matrix { rows: mat.rows, name: mat.name });
    print_matrix(&t);
    scale_in_place(&mut mat, -3);
    print_matrix(&mat);
}
