// Tests operator overloading: Add/Sub/Mul/Neg/Index/IndexMut/AddAssign, PartialEq/PartialOrd impls, Display for a vector and matrix type.
use std::fmt;
use std::ops::{Add, AddAssign, Index, IndexMut, Mul, Neg, Not, Rem, Sub};

#[derive(Debug, Clone, Copy, PartialEq)]
struct V2 {
    x: f64,
    y: f64,
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
impl Mul<f64> for V2 {
    type Output = V2;
    fn mul(self, k: f64) -> V2 {
        V2 { x: self.x * k, y: self.y * k }
    }
}
impl Mul for V2 {
    type Output = f64;
    fn mul(self, o: V2) -> f64 {
        self.x * o.x + self.y * o.y
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
impl fmt::Display for V2 {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "<{}, {}>", self.x, self.y)
    }
}

#[derive(Clone, PartialEq, Debug)]
struct M<const N: usize>([[i64; N]; N]);
impl<const N: usize> M<N> {
    fn ident() -> Self {
        let mut m = [[0; N]; N];
        for i in 0..N {
            m[i][i] = 1;
        }
        M(m)
    }
}
impl<const N: usize> Mul for &M<N> {
    type Output = M<N>;
    fn mul(self, o: &M<N>) -> M<N> {
        let mut r = [[0i64; N]; N];
        for i in 0..N {
            for j in 0..N {
                for k in 0..N {
                    r[i][j] += self.0[i][k] * o.0[k][j];
                }
            }
        }
        M(r)
    }
}
impl<const N: usize> Index<(usize, usize)> for M<N> {
    type Output = i64;
    fn index(&self, (i, j): (usize, usize)) -> &i64 {
        &self.0[i][j]
    }
}
impl<const N: usize> IndexMut<(usize, usize)> for M<N> {
    fn index_mut(&mut self, (i, j): (usize, usize)) -> &mut i64 {
        &mut self.0[i][j]
    }
}
impl<const N: usize> fmt::Display for M<N> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for row in &self.0 {
            let s: Vec<String> = row.iter().map(|x| format!("{:>6}", x)).collect();
            writeln!(f, "[{}]", s.join(""))?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mod7(u8);
impl Add for Mod7 {
    type Output = Mod7;
    fn add(self, o: Mod7) -> Mod7 {
        Mod7((self.0 + o.0) % 7)
    }
}
impl Mul for Mod7 {
    type Output = Mod7;
    fn mul(self, o: Mod7) -> Mod7 {
        Mod7((self.0 * o.0) % 7)
    }
}
impl Rem<u8> for Mod7 {
    type Output = u8;
    fn rem(self, m: u8) -> u8 {
        self.0 % m
    }
}
impl Not for Mod7 {
    type Output = Mod7;
    fn not(self) -> Mod7 {
        Mod7((7 - self.0) % 7)
    }
}

#[derive(Debug, Clone, Copy)]
struct Money {
    cents: i64,
}
impl PartialEq for Money {
    fn eq(&self, o: &Self) -> bool {
        self.cents / 100 == o.cents / 100
    }
}
impl PartialOrd for Money {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        (self.cents / 100).partial_cmp(&(o.cents / 100))
    }
}

fn main() {
    let a = V2 { x: 1.5, y: -2.0 };
    let b = V2 { x: 0.25, y: 4.0 };
    println!("a+b={} a-b={} a*3={} a.b={} -a={}", a + b, a - b, a * 3.0, a * b, -a);
    let mut acc = V2 { x: 0.0, y: 0.0 };
    for i in 0..10 {
        acc += V2 { x: i as f64, y: 1.0 / (i as f64 + 1.0) };
    }
    println!("acc={} eq {}", acc, acc == acc * 1.0);
    let mut fibm = M([[1, 1], [1, 0]]);
    let base = fibm.clone();
    for _ in 0..20 {
        fibm = &fibm * &base;
    }
    print!("fib matrix^21:\n{}", fibm);
    let mut m3 = M::<3>::ident();
    m3[(0, 2)] = 5;
    m3[(2, 1)] = -3;
    let sq = &m3 * &m3;
    print!("m3^2:\n{}", sq);
    println!("m3[(0,2)]={} sq==m3: {} ident*m3==m3: {}", m3[(0, 2)], sq == m3, &M::<3>::ident() * &m3 == m3);
    let xs: Vec<Mod7> = (0..7).map(Mod7).collect();
    for &x in &xs {
        let row: Vec<u8> = xs.iter().map(|&y| (x * y).0).collect();
        println!("{} * _ = {:?}  !{}={:?} +3={:?} %2={}", x.0, row, x.0, !x, x + Mod7(3), x % 2);
    }
    let m1 = Money { cents: 1099 };
    let m2 = Money { cents: 1001 };
    let m3m = Money { cents: 1100 };
    println!("m1==m2 {} m1<m3 {} m3>=m2 {} {:?}", m1 == m2, m1 < m3m, m3m >= m2, m1.partial_cmp(&m2));
}
