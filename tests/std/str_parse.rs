// Tests parsing: parse::<integer types>/<f64>/<f32>/<bool>/<char> including every error kind, and from_str_radix.
use std::num::IntErrorKind;

fn main() {
    let ints = ["0", "42", "-42", "+7", "2147483647", "2147483648", "-2147483648", "-2147483649", "", "-", "12a", " 5", "0x10", "00017"];
    for s in ints {
        match s.parse::<i32>() {
            Ok(v) => println!("i32 {:?} -> Ok({})", s, v),
            Err(e) => {
                let kind = match e.kind() {
                    IntErrorKind::Empty => "Empty",
                    IntErrorKind::InvalidDigit => "InvalidDigit",
                    IntErrorKind::PosOverflow => "PosOverflow",
                    IntErrorKind::NegOverflow => "NegOverflow",
                    IntErrorKind::Zero => "Zero",
                    _ => "other",
                };
                println!("i32 {:?} -> Err({}) [{}]", s, e, kind);
            }
        }
    }
    for s in ["255", "256", "-1", "0"] {
        println!("u8 {:?} -> {:?}", s, s.parse::<u8>());
    }
    println!("u64 max {:?}", "18446744073709551615".parse::<u64>());
    println!("u64 max+1 {:?}", "18446744073709551616".parse::<u64>().is_err());
    println!("i128 min {:?}", "-170141183460469231731687303715884105728".parse::<i128>());
    println!("u128 max {:?}", "340282366920938463463374607431768211455".parse::<u128>());
    println!("i64 {:?}", "-9223372036854775808".parse::<i64>());
    println!("nonzero {:?} {:?}", "0".parse::<std::num::NonZeroU32>().map_err(|e| e.to_string()), "5".parse::<std::num::NonZeroU32>());
    let floats = ["3.14", "-0.0", "1e10", "1E-5", ".5", "5.", "inf", "-infinity", "NaN", "nan", "1e400", "1e-400", "abc", "", "1.2.3", "0x1p3", "  1.0", "+2.5", "2.2250738585072014e-308", "0.1", "123456789012345678901234567890"];
    for s in floats {
        match s.parse::<f64>() {
            Ok(v) => println!("f64 {:?} -> {:?} bits={:#018x}", s, v, v.to_bits()),
            Err(e) => println!("f64 {:?} -> Err({})", s, e),
        }
    }
    for s in ["0.1", "16777217", "3.4028236e38", "1e-46", "7.0e-45"] {
        let v: f32 = s.parse().unwrap();
        println!("f32 {:?} -> {:?} bits={:#010x}", s, v, v.to_bits());
    }
    for s in ["true", "false", "True", "1"] {
        println!("bool {:?} -> {:?}", s, s.parse::<bool>().map_err(|e| e.to_string()));
    }
    for s in ["a", "ab", "", "é"] {
        println!("char {:?} -> {:?}", s, s.parse::<char>().map_err(|e| e.to_string()));
    }
    for (s, r) in [("ff", 16), ("FF", 16), ("-1010", 2), ("zz", 36), ("777", 8), ("129", 8), ("", 10)] {
        println!("from_str_radix({:?},{}) = {:?}", s, r, i64::from_str_radix(s, r).map_err(|e| e.to_string()));
    }
    println!("u32 radix {:?}", u32::from_str_radix("ffffffff", 16));
    println!("u128 radix {:?}", u128::from_str_radix("ffffffffffffffffffffffffffffffff", 16));
    // sum a list of numbers parsed from text, ignoring bad ones
    let text = "10 20 x 30 -5 1e3 7";
    let (good, bad): (Vec<_>, Vec<_>) = text.split(' ').map(|t| t.parse::<i64>()).partition(|r| r.is_ok());
    let total: i64 = good.into_iter().map(Result::unwrap).sum();
    println!("total={} bad={}", total, bad.len());
    let all: Result<Vec<i32>, _> = "1,2,3".split(',').map(str::parse::<i32>).collect();
    println!("all {:?}", all);
    let all_bad: Result<Vec<i32>, _> = "1,two,3".split(',').map(str::parse::<i32>).collect();
    println!("all_bad {:?}", all_bad.map_err(|e| e.to_string()));
    // round-trip floats through strings
    let mut x = 0.1f64;
    for _ in 0..8 {
        let s = x.to_string();
        let y: f64 = s.parse().unwrap();
        println!("{} roundtrip {}", s, x == y);
        x = x * 7.3 + 1.0 / 3.0;
    }
}
