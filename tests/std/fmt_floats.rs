// Tests float Display/Debug/precision/exponent formatting for f32 and f64 including special values.
use std::hint::black_box;

fn main() {
    let vals64: [f64; 20] = [
        0.0, -0.0, 1.0, -1.5, 0.1, 0.1 + 0.2, 1.0 / 3.0, 2.0 / 3.0, 100.0, 1e15, 1e16, 1e17, 1.5e300,
        f64::MAX, f64::MIN_POSITIVE, 5e-324, 1e-7, 123456.789, f64::NAN, f64::INFINITY,
    ];
    for &v in &vals64 {
        let v = black_box(v);
        println!("{} | {:?} | {:.3} | {:e} | {:E} | {:.2e} | {:12.4} | {:<+10.1}|", v, v, v, v, v, v, v, v);
    }
    println!("neg inf: {} {:?} {:.2} {:e}", f64::NEG_INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    println!("-nan: {}", -f64::NAN);
    let vals32: [f32; 12] = [0.0, -0.0, 0.1, 0.1 + 0.2, 1.0 / 3.0, 16777216.0, 16777217.0, f32::MAX, f32::MIN_POSITIVE, 1e-45, f32::EPSILON, 3.14159265];
    for &v in &vals32 {
        let v = black_box(v);
        println!("f32 {} | {:?} | {:.5} | {:e} | {:010.2}", v, v, v, v, v);
    }
    for prec in 0..=8 {
        println!("pi {:.*} e {:.*}", prec, std::f64::consts::PI, prec, std::f64::consts::E);
    }
    // rounding of ties in formatting
    for v in [0.5f64, 1.5, 2.5, 0.125, 0.375, 1.005, 2.675, 9.995, 0.045] {
        println!("{} -> {:.0} {:.1} {:.2}", v, v, v, v);
    }
    let p = black_box(12.5f64);
    println!("[{:>10}] [{:<10}] [{:^10}] [{:+}] [{:08.2}] [{:+08.2}]", p, p, p, p, p, -p);
    println!("{:?} {:?} {:?}", 1e21f64, 1e-5f64, 123e-20f64);
    println!("{} {} {}", 1e21f64, 1e-5f64, 123e-20f64);
    println!("{:?} {:?}", f32::MAX as f64, (0.1f32) as f64);
    let s: f64 = (1..=10).map(|i| 1.0 / i as f64).sum();
    println!("harmonic10 {} {:.15}", s, s);
    println!("{}", format!("{:.3}", black_box(2.0f64).sqrt()).parse::<f64>().unwrap() * 1000.0);
    println!("{:5}|{:<5}|{:^5}|{:>5}", f64::NAN, f64::INFINITY, -0.0f64, 1.0f32);
    println!("{:.0} {:.0} {:.0}", 1e20f64, 123456789012345680000.0f64, 0.49999999999999994f64);
}
