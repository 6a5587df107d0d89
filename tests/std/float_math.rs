// Tests float arithmetic and math functions: sqrt/powi/powf/exp/ln/log/sin/cos/tan/atan2/hypot/floor/ceil/round/trunc/rem_euclid/mul_add, f32 and f64.
use std::hint::black_box;

fn main() {
    let xs: [f64; 10] = [0.0, 0.5, 1.0, 2.0, 2.5, -2.5, 3.75, 10.0, 1e-3, -0.0];
    for &x in &xs {
        let x = black_box(x);
        println!(
            "x={:?} sqrt={:?} exp={:?} ln={:?} log10={:?} log2={:?} sin={:?} cos={:?} tan={:?} atan={:?} cbrt={:?}",
            x, x.sqrt(), x.exp(), x.ln(), x.log10(), x.log2(), x.sin(), x.cos(), x.tan(), x.atan(), x.cbrt()
        );
        println!(
            "   floor={:?} ceil={:?} round={:?} round_ties_even={:?} trunc={:?} fract={:?} abs={:?} signum={:?} recip={:?} exp2={:?} exp_m1={:?} ln_1p={:?} tanh={:?}",
            x.floor(), x.ceil(), x.round(), x.round_ties_even(), x.trunc(), x.fract(), x.abs(), x.signum(), x.recip(), x.exp2(), x.exp_m1(), x.ln_1p(), x.tanh()
        );
    }
    for k in -4..=10 {
        print!("{:?} ", black_box(1.5f64).powi(k));
    }
    println!();
    println!("powi f32 {:?} {:?}", black_box(2.0f32).powi(-10), black_box(-3.0f32).powi(7));
    for (b, e) in [(2.0f64, 0.5), (10.0, -2.0), (-8.0, 1.0 / 3.0), (0.0, 0.0), (2.0, 1024.0), (1.0, f64::NAN), (f64::NAN, 0.0)] {
        println!("powf({:?},{:?})={:?}", b, e, black_box(b).powf(black_box(e)));
    }
    for (y, x) in [(1.0f64, 1.0f64), (1.0, -1.0), (-1.0, -1.0), (0.0, -0.0), (-0.0, -1.0), (3.0, 0.0)] {
        println!("atan2({:?},{:?})={:?} hypot={:?}", y, x, black_box(y).atan2(black_box(x)), black_box(y).hypot(black_box(x)));
    }
    for (a, b) in [(7.5f64, 2.0f64), (-7.5, 2.0), (7.5, -2.0), (-7.5, -2.0), (1e10, 3.0), (0.3, 0.1)] {
        let (a, b) = (black_box(a), black_box(b));
        println!("{:?} % {:?}: rem={:?} rem_euclid={:?} div_euclid={:?}", a, b, a % b, a.rem_euclid(b), a.div_euclid(b));
    }
    println!("mul_add {:?} {:?}", black_box(2.0f64).mul_add(3.0, 4.0), black_box(0.1f64).mul_add(10.0, -1.0));
    println!("mul_add f32 {:?}", black_box(1.0f32 + f32::EPSILON).mul_add(1.0 - f32::EPSILON, -1.0));
    // f32 arithmetic
    let mut acc = black_box(0.0f32);
    for i in 1..=1000 {
        acc += 1.0 / i as f32;
    }
    println!("f32 harmonic 1000 = {:?}", acc);
    let mut acc64 = black_box(0.0f64);
    for i in 1..=1000 {
        acc64 += 1.0 / (i as f64 * i as f64);
    }
    println!("f64 basel 1000 = {:?} pi^2/6 = {:?}", acc64, std::f64::consts::PI.powi(2) / 6.0);
    let a = black_box(0.1f64);
    let b = black_box(0.2f64);
    println!("0.1+0.2={} ==0.3 {} diff={:e}", a + b, a + b == 0.3, (a + b) - 0.3);
    println!("f32 0.1+0.2={} ==0.3 {}", black_box(0.1f32) + black_box(0.2f32), black_box(0.1f32) + black_box(0.2f32) == 0.3);
    println!("inf arith {:?} {:?} {:?} {:?}", f64::INFINITY - f64::INFINITY, black_box(1.0f64) / 0.0, black_box(-1.0f64) / 0.0, black_box(0.0f64) / 0.0);
    println!("denormal {:?} {:?}", f64::MIN_POSITIVE / black_box(4.0), f32::MIN_POSITIVE / black_box(1024.0f32));
    println!("overflow {:?} {:?}", f64::MAX * black_box(2.0), black_box(f32::MAX) + f32::MAX);
    // Newton iteration for sqrt(2), and simple numerical integration
    let mut g = black_box(1.0f64);
    for i in 0..6 {
        g = 0.5 * (g + 2.0 / g);
        println!("newton {} {:.17}", i, g);
    }
    let n = 1000;
    let h = std::f64::consts::PI / n as f64;
    let simpson: f64 = (0..=n).map(|i| {
        let w = if i == 0 || i == n { 1.0 } else if i % 2 == 1 { 4.0 } else { 2.0 };
        w * (i as f64 * h).sin()
    }).sum::<f64>() * h / 3.0;
    println!("simpson int sin 0..pi = {:.12}", simpson);
    println!("consts {:?} {:?} {:?} {:?}", std::f64::consts::E, std::f64::consts::LN_2, std::f32::consts::PI, std::f64::consts::SQRT_2);
    println!("to_degrees {:?} to_radians {:?}", std::f64::consts::FRAC_PI_3.to_degrees(), black_box(180.0f64).to_radians());
    println!("asin {:?} acos {:?} sinh {:?} cosh {:?} asinh {:?} acosh {:?} atanh {:?}", black_box(0.5f64).asin(), black_box(0.5f64).acos(), black_box(1.0f64).sinh(), black_box(1.0f64).cosh(), black_box(1.0f64).asinh(), black_box(2.0f64).acosh(), black_box(0.5f64).atanh());
    let (s, c) = black_box(0.75f64).sin_cos();
    println!("sin_cos {:?} {:?} s^2+c^2={:?}", s, c, s * s + c * c);
    println!("f32 fns {:?} {:?} {:?} {:?}", black_box(2.0f32).sqrt(), black_box(1.0f32).exp(), black_box(0.5f32).sin(), black_box(100.0f32).ln());
    println!("log base {:?} {:?}", black_box(81.0f64).log(3.0), black_box(1024.0f32).log(2.0));
}
