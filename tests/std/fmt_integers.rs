// Tests integer formatting: radixes, widths, padding, signs, alternate forms, all integer widths.
use std::hint::black_box;

fn main() {
    let vals: [i64; 8] = [0, 1, -1, 42, -42, 255, 65535, i64::MIN];
    for &v in &vals {
        let v = black_box(v);
        println!("[{}] [{:5}] [{:<5}] [{:^7}] [{:>+6}] [{:06}] [{:+}]", v, v, v, v, v, v, v);
        println!("  hex [{:x}] [{:X}] [{:#x}] [{:#010x}] oct [{:o}] [{:#o}] bin [{:b}]", v, v, v, v, v, v, v as i8);
    }
    let u: [u64; 5] = [0, 7, 0xdead_beef, u32::MAX as u64, u64::MAX];
    for &x in &u {
        let x = black_box(x);
        println!("{} {:x} {:#X} {:o} {:#b}", x, x, x, x, x & 0xffff);
    }
    println!("u8: {} {} {:08b} {:#04x}", u8::MIN, u8::MAX, black_box(0b1010_0101u8), black_box(10u8));
    println!("i8: {} {} {:x} {:b}", i8::MIN, i8::MAX, black_box(-1i8), black_box(-128i8));
    println!("i16: {} {} {:x}", i16::MIN, i16::MAX, black_box(-2i16));
    println!("u16: {} {:#06x}", u16::MAX, black_box(0xabu16));
    println!("i32: {} {} {:X}", i32::MIN, i32::MAX, black_box(-1i32));
    println!("u32: {} {:o}", u32::MAX, black_box(u32::MAX));
    println!("isize: {} {}", isize::MIN, isize::MAX);
    println!("usize: {} {:x}", usize::MAX, usize::MAX);
    println!("i128: {} {}", i128::MIN, i128::MAX);
    println!("u128: {} {:x} {:#b}", u128::MAX, u128::MAX, black_box(5u128));
    println!("i128 hex {:x} {:X}", black_box(-1i128), black_box(i128::MIN));
    // width/precision from args
    for w in [1usize, 4, 10] {
        println!("[{:>w$}] [{:<w$}] [{:^w$}] [{:0>w$}] [{:*^w$}]", 123, 123, 123, 123, 123, w = w);
        println!("[{:>1$}] [{:+0w$}]", -5, w, w = w);
    }
    let name = "x";
    let value = black_box(3000i32);
    println!("{name}={value} {value:>8} {value:#x} {value:e}");
    println!("{0} {1} {0} {1:?} {2:>3}", 10, "s", 7);
    println!("{:e} {:E} {:e}", black_box(1234500u32), black_box(-7i32), black_box(0u8));
    println!("{:?} {:#?}", black_box(-17i16), black_box(99u64));
    println!("{:x?} {:X?} {:#x?}", vec![10, 255, 4096], [171u8, 205], Some(255));
    // manual to_string and radix conversions
    for radix in [2u32, 3, 8, 10, 16, 36] {
        let mut n = black_box(123456789u64);
        let mut digits = Vec::new();
        while n > 0 {
            digits.push(std::char::from_digit((n % radix as u64) as u32, radix).unwrap());
            n /= radix as u64;
        }
        digits.reverse();
        let s: String = digits.into_iter().collect();
        let back = u64::from_str_radix(&s, radix).unwrap();
        println!("radix {:2}: {} -> {}", radix, s, back);
    }
    let s = (-12345i32).to_string() + &u128::MAX.to_string();
    println!("{} len {}", s, s.len());
}
