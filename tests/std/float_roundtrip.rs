// Tests float formatting/parsing on many pseudo-random bit patterns: Display/Debug/{:e} shortest repr round-trips exactly, for f64 and f32, plus fixed-precision printing.
use std::hint::black_box;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let x = self.0;
        (x ^ (x >> 29)).wrapping_mul(0xbf58476d1ce4e5b9) ^ (x >> 32)
    }
}

fn main() {
    let mut rng = Rng(black_box(12345));
    let mut ok64 = 0;
    let mut total_len = 0usize;
    let mut h: u64 = 0;
    for i in 0..3000 {
        let bits = rng.next();
        let x = f64::from_bits(bits);
        if !x.is_finite() {
            continue;
        }
        let d = format!("{:?}", x);
        let e = format!("{:e}", x);
        let back_d: f64 = d.parse().unwrap();
        let back_e: f64 = e.parse().unwrap();
        if back_d.to_bits() == bits && back_e.to_bits() == bits {
            ok64 += 1;
        }
        total_len += d.len() + e.len();
        for b in d.bytes().chain(e.bytes()) {
            h = (h ^ b as u64).wrapping_mul(0x100000001b3);
        }
        if i % 300 == 0 {
            println!("f64 {:#018x}: {} | {} | {:.3e} | {:.5}", bits, d, e, x, x.abs().min(1e30));
        }
    }
    println!("f64 roundtrips ok {} total text len {} hash {:016x}", ok64, total_len, h);
    let mut ok32 = 0;
    let mut h32: u64 = 0;
    for i in 0..3000 {
        let bits = rng.next() as u32;
        let x = f32::from_bits(bits);
        if !x.is_finite() {
            continue;
        }
        let d = x.to_string();
        let back: f32 = d.parse().unwrap();
        if back.to_bits() == bits {
            ok32 += 1;
        }
        for b in format!("{:e}", x).bytes() {
            h32 = (h32 ^ b as u64).wrapping_mul(0x100000001b3);
        }
        if i % 500 == 0 {
            println!("f32 {:#010x}: {} | {:?} | {:e} | {:.2}", bits, d, x, x, x);
        }
    }
    println!("f32 roundtrips ok {} hash {:016x}", ok32, h32);
    // numbers with nice decimal forms
    let mut v = black_box(1.0f64);
    for k in 0..20 {
        let s = format!("{}", v);
        println!("1/3^{} = {} ({} chars) {:.20}", k, s, s.len(), v);
        v /= 3.0;
    }
    let mut sum_fixed = 0usize;
    let mut hf: u64 = 0;
    for _ in 0..500 {
        let x = (rng.next() % 2_000_000_000) as f64 / 1000.0 - 1_000_000.0;
        for p in [0usize, 1, 2, 6, 12] {
            let s = format!("{:.*}", p, x);
            sum_fixed += s.len();
            for b in s.bytes() {
                hf = (hf ^ b as u64).wrapping_mul(0x100000001b3);
            }
        }
    }
    println!("fixed precision total len {} hash {:016x}", sum_fixed, hf);
    let subnormals = [f64::from_bits(1), f64::from_bits(0x000f_ffff_ffff_ffff), f64::from_bits(0x0000_0000_0001_0000)];
    for s in subnormals {
        let t = format!("{:?}", s);
        println!("subnormal {} -> {:e} roundtrip {}", t, s, t.parse::<f64>().unwrap().to_bits() == s.to_bits());
    }
}
