// Traits: default methods (overridden and not), methods calling other trait
// methods, associated constants (incl. defaults), associated types, static
// (no-self) trait functions, supertraits, trait impls on primitives, blanket
// impls, and generic functions using associated items.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

trait Shape {
    const SIDES: u32;
    const NAME: &'static str = "shape";
    fn area(&self) -> f64;
    fn perimeter(&self) -> f64;
    fn describe(&self) {
        print_str(Self::NAME);
        unsafe {
            libc::printf(c": sides=%u area=%.3f perimeter=%.3f ratio=%.4f\n".as_ptr(), Self::SIDES, self.area(),
                self.perimeter(), self.ratio());
        }
    }
    fn ratio(&self) -> f64 {
        self.area() / self.perimeter()
    }
}

struct Square(f64);
struct Tri(f64, f64, f64);
struct Circle(f64);

impl Shape for Square {
    const SIDES: u32 = 4;
    const NAME: &'static str = "square";
    fn area(&self) -> f64 {
        self.0 * self.0
    }
    fn perimeter(&self) -> f64 {
        4.0 * self.0
    }
}

impl Shape for Tri {
    const SIDES: u32 = 3;
    fn area(&self) -> f64 {
        let s = self.perimeter() / 2.0;
        intrinsics::sqrtf64(s * (s - self.0) * (s - self.1) * (s - self.2))
    }
    fn perimeter(&self) -> f64 {
        self.0 + self.1 + self.2
    }
    fn ratio(&self) -> f64 {
        -1.0 // overridden default
    }
}

impl Shape for Circle {
    const SIDES: u32 = 0;
    const NAME: &'static str = "circle";
    fn area(&self) -> f64 {
        3.141592653589793 * self.0 * self.0
    }
    fn perimeter(&self) -> f64 {
        2.0 * 3.141592653589793 * self.0
    }
}

fn total_sides<A: Shape, B: Shape>(_a: &A, _b: &B) -> u32 {
    A::SIDES + B::SIDES
}

/// Associated types: a container abstraction.
trait Container {
    type Item;
    type Index;
    fn get(&self, i: Self::Index) -> Option<Self::Item>;
    fn first(&self) -> Option<Self::Item>;
}

struct Digits(u64);

impl Container for Digits {
    type Item = u8;
    type Index = u32;
    fn get(&self, i: u32) -> Option<u8> {
        let mut n = self.0;
        let mut k = 0;
        while k < i {
            n /= 10;
            if n == 0 {
                return None;
            }
            k += 1;
        }
        Some((n % 10) as u8)
    }
    fn first(&self) -> Option<u8> {
        self.get(0)
    }
}

struct Table {
    cells: [i16; 6],
}

impl Container for Table {
    type Item = i16;
    type Index = (usize, usize);
    fn get(&self, (r, c): (usize, usize)) -> Option<i16> {
        if r < 2 && c < 3 { Some(self.cells[r * 3 + c]) } else { None }
    }
    fn first(&self) -> Option<i16> {
        Some(self.cells[0])
    }
}

fn first_or<C: Container>(c: &C, default: C::Item) -> C::Item {
    match c.first() {
        Some(x) => x,
        None => default,
    }
}

/// Static constructors and supertraits.
trait Named {
    fn name(&self) -> &'static str;
}
trait Animal: Named {
    fn new(legs: u32) -> Self;
    fn legs(&self) -> u32;
    fn intro(&self) {
        print_str(self.name());
        print_labeled(" legs=", self.legs() as i64);
    }
}

struct Dog {
    legs: u32,
}
struct Bird {
    legs: u32,
}
impl Named for Dog {
    fn name(&self) -> &'static str {
        "dog"
    }
}
impl Named for Bird {
    fn name(&self) -> &'static str {
        "bird"
    }
}
impl Animal for Dog {
    fn new(legs: u32) -> Dog {
        Dog { legs }
    }
    fn legs(&self) -> u32 {
        self.legs
    }
}
impl Animal for Bird {
    fn new(legs: u32) -> Bird {
        Bird { legs: legs / 2 }
    }
    fn legs(&self) -> u32 {
        self.legs
    }
    fn intro(&self) {
        print_str("tweet! ");
        print_str(self.name());
        print_labeled(" legs=", self.legs() as i64);
    }
}

fn make_and_intro<A: Animal>(legs: u32) -> u32 {
    let a = A::new(legs);
    a.intro();
    a.legs()
}

/// Blanket impl over a user trait, and an impl on a primitive.
trait Double {
    fn double(&self) -> Self;
}
impl Double for i32 {
    fn double(&self) -> i32 {
        *self * 2
    }
}
trait Quadruple {
    fn quadruple(&self) -> Self;
}
impl<T: Double> Quadruple for T {
    fn quadruple(&self) -> T {
        self.double().double()
    }
}

fn main() {
    Square(2.5).describe();
    Tri(3.0, 4.0, 5.0).describe();
    Circle(1.0).describe();
    print_labeled("total sides=", total_sides(&Square(1.0), &Tri(1.0, 1.0, 1.0)) as i64);
    print_labeled("Square::SIDES*Tri::SIDES=", (Square::SIDES * <Tri as Shape>::SIDES) as i64);

    let d = Digits(90817);
    let mut i = 0;
    while let Some(digit) = d.get(i) {
        print_i64(digit as i64);
        i += 1;
    }
    print_str("\n");
    let t = Table { cells: [1, -2, 3, -4, 5, -6] };
    unsafe {
        libc::printf(c"table: %d %d none=%d first_or=%d %u\n".as_ptr(), t.get((1, 2)).unwrap() as i32,
            t.get((0, 1)).unwrap() as i32, t.get((2, 0)).is_none() as i32, first_or(&t, 99) as i32,
            first_or(&Digits(0), 7) as u32);
    }

    let legs = make_and_intro::<Dog>(4) + make_and_intro::<Bird>(4);
    print_labeled("legs=", legs as i64);
    print_labeled("quadruple=", 21.quadruple() as i64);
}
