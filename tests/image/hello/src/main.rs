fn main() {
    for n in [0, 7, -42, i64::MAX, i64::MIN] {
        println!("{n} -> {}", hello_image::decimal(n));
    }
    println!("sum: {:?}", hello_image::checked_sum(&[1, 2, 3]));
    println!("overflow: {:?}", hello_image::checked_sum(&[i64::MAX, 1]));
    let target = std::env::consts::ARCH;
    eprintln!("stderr line ({})", if target.is_empty() { "?" } else { "an architecture" });
    std::process::exit(3);
}
