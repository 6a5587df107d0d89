// User-defined operators through mini_core's lang-item traits: Add/Sub/Mul/
// Neg on a 2D vector, Mul by a scalar, AddAssign/MulAssign, Index/IndexMut on
// a matrix type, PartialEq/PartialOrd on a rational type (driving ==, <,
// >=), BitOr/BitAnd/Not on a flag set, Shl as "push", Deref to an inner
// array, and generic code over `T: Add<Output = T>`.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

struct V2 {
    x: i32,
    y: i32,
}
impl Copy for V2 {}
impl Clone for V2 {
    fn clone(&self) -> V2 {
        *self
    }
}
impl Add for V2 {
    type Output = V2;
    fn add(self, o: V2) -> V2 {
        V2 { x: self.x + o.x, y: self.y + o.y }
    }
}
impl Sub for V2 {
    type Output = V2;
    fn sub(self, o: V2) -> V2 {
        V2 { x: self.x - o.x, y: self.y - o.y }
    }
}
impl Mul<i32> for V2 {
    type Output = V2;
    fn mul(self, k: i32) -> V2 {
        V2 { x: self.x * k, y: self.y * k }
    }
}
/// Dot product.
impl Mul for V2 {
    type Output = i64;
    fn mul(self, o: V2) -> i64 {
        self.x as i64 * o.x as i64 + self.y as i64 * o.y as i64
    }
}
impl Neg for V2 {
    type Output = V2;
    fn neg(self) -> V2 {
        V2 { x: -self.x, y: -self.y }
    }
}
impl AddAssign for V2 {
    fn add_assign(&mut self, o: V2) {
        self.x += o.x;
        self.y += o.y;
    }
}
impl MulAssign<i32> for V2 {
    fn mul_assign(&mut self, k: i32) {
        self.x *= k;
        self.y *= k;
    }
}
impl PartialEq for V2 {
    fn eq(&self, o: &V2) -> bool {
        self.x == o.x && self.y == o.y
    }
}

fn show(label: &str, v: V2) {
    print_str(label);
    unsafe {
        libc::printf(c" = (%d, %d)\n".as_ptr(), v.x, v.y);
    }
}

struct Matrix {
    cells: [f64; 9],
}
impl Index<(usize, usize)> for Matrix {
    type Output = f64;
    fn index(&self, (r, c): (usize, usize)) -> &f64 {
        &self.cells[r * 3 + c]
    }
}
impl IndexMut<(usize, usize)> for Matrix {
    fn index_mut(&mut self, (r, c): (usize, usize)) -> &mut f64 {
        &mut self.cells[r * 3 + c]
    }
}

struct Ratio {
    num: i64,
    den: i64,
}
impl PartialEq for Ratio {
    fn eq(&self, o: &Ratio) -> bool {
        self.num * o.den == o.num * self.den
    }
}
impl PartialOrd for Ratio {
    fn partial_cmp(&self, o: &Ratio) -> Option<Ordering> {
        let (a, b) = (self.num * o.den, o.num * self.den);
        Some(if a < b {
            Ordering::Less
        } else if a > b {
            Ordering::Greater
        } else {
            Ordering::Equal
        })
    }
}

struct Flags(u8);
impl BitOr for Flags {
    type Output = Flags;
    fn bitor(self, o: Flags) -> Flags {
        Flags(self.0 | o.0)
    }
}
impl BitAnd for Flags {
    type Output = Flags;
    fn bitand(self, o: Flags) -> Flags {
        Flags(self.0 & o.0)
    }
}
impl Not for Flags {
    type Output = Flags;
    fn not(self) -> Flags {
        Flags(!self.0)
    }
}

/// `list << item` appends (returns the list for chaining).
struct List {
    items: [u16; 8],
    len: usize,
}
impl Shl<u16> for List {
    type Output = List;
    fn shl(mut self, v: u16) -> List {
        self.items[self.len] = v;
        self.len += 1;
        self
    }
}
impl Deref for List {
    type Target = [u16; 8];
    fn deref(&self) -> &[u16; 8] {
        &self.items
    }
}

fn sum_all<T: Add<Output = T> + Copy>(xs: &[T], zero: T) -> T {
    let mut acc = zero;
    for x in xs {
        acc = acc + *x;
    }
    acc
}

fn main() {
    let a = V2 { x: 3, y: -4 };
    let b = V2 { x: -1, y: 10 };
    show("a + b", a + b);
    show("a - b", a - b);
    show("a * 3", a * 3);
    show("-a", -a);
    print_labeled("a . b = ", a * b);
    let mut c = a;
    c += b;
    c *= -2;
    show("(a + b) * -2", c);
    print_bool(a + b == b + a);
    print_str(" ");
    print_bool(a == b);
    print_str(" ");
    print_bool(a != b);
    print_str("\n");
    show("sum_all V2", sum_all(&[a, b, c], V2 { x: 0, y: 0 }));
    print_labeled("sum_all i64 = ", sum_all(&[1i64, 2, 3, 4], 0));

    let mut m = Matrix { cells: [0.0; 9] };
    let mut i = 0;
    while i < 3 {
        m[(i, i)] = 1.0 + i as f64;
        m[(i, 2 - i)] += 0.5;
        i += 1;
    }
    unsafe {
        libc::printf(c"matrix: %g %g %g / %g %g %g / %g %g %g\n".as_ptr(), m[(0, 0)], m[(0, 1)], m[(0, 2)], m[(1, 0)],
            m[(1, 1)], m[(1, 2)], m[(2, 0)], m[(2, 1)], m[(2, 2)]);
    }

    let half = Ratio { num: 1, den: 2 };
    let two_quarters = Ratio { num: 2, den: 4 };
    let third = Ratio { num: 1, den: 3 };
    unsafe {
        libc::printf(c"ratios: 1/2==2/4 %d, 1/3<1/2 %d, 1/2>=2/4 %d, 1/2>1/3 %d, 1/3<=1/3 %d\n".as_ptr(),
            (half == two_quarters) as i32, (third < half) as i32, (half >= two_quarters) as i32, (half > third) as i32,
            (third <= Ratio { num: 2, den: 6 }) as i32);
    }

    let f = (Flags(0b0001) | Flags(0b0100)) & !Flags(0b0001);
    print_labeled("flags=", f.0 as i64);

    let list = List { items: [0; 8], len: 0 } << 10 << 20 << 30;
    print_labeled("list len=", list.len as i64);
    // Auto-deref through Deref: indexing and slice methods on the array.
    print_labeled("list[1]=", list[1] as i64);
    print_labeled("list.len() (array len)=", list.len() as i64);
}
