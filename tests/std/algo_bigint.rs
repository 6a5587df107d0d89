// Tests a small Vec<u32>-based big integer: add, mul, divmod by small, pow, factorial, fibonacci, decimal printing, compared against u128 where possible.
use std::cmp::Ordering;
use std::fmt;

#[derive(Clone, PartialEq, Eq, Debug)]
struct Big(Vec<u32>); // little-endian limbs, no trailing zeros

impl Big {
    fn from_u128(mut x: u128) -> Big {
        let mut v = vec![];
        while x > 0 {
            v.push(x as u32);
            x >>= 32;
        }
        Big(v)
    }
    fn to_u128(&self) -> Option<u128> {
        if self.0.len() > 4 {
            return None;
        }
        Some(self.0.iter().rev().fold(0u128, |a, &l| (a << 32) | l as u128))
    }
    fn trim(mut self) -> Big {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
        self
    }
    fn add(&self, o: &Big) -> Big {
        let n = self.0.len().max(o.0.len());
        let mut r = Vec::with_capacity(n + 1);
        let mut carry = 0u64;
        for i in 0..n {
            let s = *self.0.get(i).unwrap_or(&0) as u64 + *o.0.get(i).unwrap_or(&0) as u64 + carry;
            r.push(s as u32);
            carry = s >> 32;
        }
        if carry > 0 {
            r.push(carry as u32);
        }
        Big(r)
    }
    fn sub(&self, o: &Big) -> Big {
        let mut r = Vec::with_capacity(self.0.len());
        let mut borrow = 0i64;
        for i in 0..self.0.len() {
            let mut d = self.0[i] as i64 - *o.0.get(i).unwrap_or(&0) as i64 - borrow;
            if d < 0 {
                d += 1 << 32;
                borrow = 1;
            } else {
                borrow = 0;
            }
            r.push(d as u32);
        }
        assert_eq!(borrow, 0);
        Big(r).trim()
    }
    fn mul(&self, o: &Big) -> Big {
        if self.0.is_empty() || o.0.is_empty() {
            return Big(vec![]);
        }
        let mut r = vec![0u32; self.0.len() + o.0.len()];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry = 0u64;
            for (j, &b) in o.0.iter().enumerate() {
                let t = a as u64 * b as u64 + r[i + j] as u64 + carry;
                r[i + j] = t as u32;
                carry = t >> 32;
            }
            r[i + o.0.len()] = carry as u32;
        }
        Big(r).trim()
    }
    fn divmod_small(&self, d: u32) -> (Big, u32) {
        let mut r = vec![0u32; self.0.len()];
        let mut rem = 0u64;
        for i in (0..self.0.len()).rev() {
            let cur = (rem << 32) | self.0[i] as u64;
            r[i] = (cur / d as u64) as u32;
            rem = cur % d as u64;
        }
        (Big(r).trim(), rem as u32)
    }
    fn pow(&self, mut e: u32) -> Big {
        let mut base = self.clone();
        let mut acc = Big::from_u128(1);
        while e > 0 {
            if e & 1 == 1 {
                acc = acc.mul(&base);
            }
            base = base.mul(&base);
            e >>= 1;
        }
        acc
    }
    fn cmp(&self, o: &Big) -> Ordering {
        self.0.len().cmp(&o.0.len()).then_with(|| self.0.iter().rev().cmp(o.0.iter().rev()))
    }
}

impl fmt::Display for Big {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.0.is_empty() {
            return f.pad("0");
        }
        let mut parts = vec![];
        let mut cur = self.clone();
        while !cur.0.is_empty() {
            let (q, r) = cur.divmod_small(1_000_000_000);
            parts.push(r);
            cur = q;
        }
        let mut s = parts.last().unwrap().to_string();
        for p in parts.iter().rev().skip(1) {
            s.push_str(&format!("{:09}", p));
        }
        f.pad(&s)
    }
}

fn main() {
    let samples: [u128; 5] = [0, 1, 0xffff_ffff, 12345678901234567890, u64::MAX as u128 * 3];
    for &a in &samples {
        for &b in &samples {
            let (ba, bb) = (Big::from_u128(a), Big::from_u128(b));
            let sum_ok = ba.add(&bb).to_u128() == a.checked_add(b);
            let mul_ok = a.checked_mul(b).map_or(true, |p| ba.mul(&bb).to_u128() == Some(p));
            let sub_ok = a < b || ba.sub(&bb).to_u128() == Some(a - b);
            let cmp_ok = ba.cmp(&bb) == a.cmp(&b);
            if !(sum_ok && mul_ok && sub_ok && cmp_ok) {
                println!("MISMATCH {} {}", a, b);
            }
        }
    }
    println!("u128 cross-check done");
    let mut f = Big::from_u128(1);
    for i in 1..=100u32 {
        f = f.mul(&Big::from_u128(i as u128));
        if i % 25 == 0 {
            let s = f.to_string();
            println!("{}! has {} digits: {}...{}", i, s.len(), &s[..20.min(s.len())], &s[s.len().saturating_sub(30)..]);
        }
    }
    let digit_sum: u32 = f.to_string().bytes().map(|b| (b - b'0') as u32).sum();
    println!("digit sum of 100! = {}", digit_sum);
    let two1000 = Big::from_u128(2).pow(1000);
    let s = two1000.to_string();
    println!("2^1000: {} digits, digit sum {}, head {}", s.len(), s.bytes().map(|b| (b - b'0') as u32).sum::<u32>(), &s[..30]);
    let (mut a, mut b) = (Big::from_u128(0), Big::from_u128(1));
    for _ in 0..500 {
        let c = a.add(&b);
        a = b;
        b = c;
    }
    println!("fib(500) = {}", a);
    let three = Big::from_u128(3).pow(200);
    let (q, r) = three.divmod_small(7);
    println!("3^200 = {}\n  /7 = {} rem {}", three, q, r);
    let diff = two1000.sub(&Big::from_u128(1).add(&Big::from_u128(u128::MAX)));
    println!("2^1000 - 2^128 ends with {}", &diff.to_string()[diff.to_string().len() - 20..]);
    println!("padded [{:>12}] [{:<6}]", Big::from_u128(42), Big::from_u128(0));
}
