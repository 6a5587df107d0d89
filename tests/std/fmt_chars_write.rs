// Tests char escapes, format_args!, write!/writeln! to String via fmt::Write, Display impls with padding.
use std::fmt::{self, Write};

struct Point {
    x: i32,
    y: i32,
}
impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if f.alternate() {
            write!(f, "P[x={}, y={}]", self.x, self.y)
        } else if let Some(p) = f.precision() {
            write!(f, "({:.*}, {:.*})", p, self.x as f64, p, self.y as f64)
        } else {
            let s = format!("({}, {})", self.x, self.y);
            f.pad(&s)
        }
    }
}

fn log(args: fmt::Arguments) -> String {
    let mut s = String::from("LOG: ");
    s.write_fmt(args).unwrap();
    s
}

struct Upper<'a>(&'a mut String);
impl<'a> Write for Upper<'a> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for c in s.chars() {
            self.0.extend(c.to_uppercase());
        }
        Ok(())
    }
}

fn main() {
    let chars = ['a', '\n', '\t', '\r', '\'', '"', '\\', '\0', '\u{7f}', 'é', '\u{200b}', '😀', '\u{10ffff}', '\u{301}', ' '];
    for c in chars {
        println!(
            "{:?} esc_default={} esc_debug={} esc_unicode={} len_utf8={} u32={:#x}",
            c,
            c.escape_default(),
            c.escape_debug(),
            c.escape_unicode(),
            c.len_utf8(),
            c as u32
        );
    }
    println!("{}", "tab\there \"q\" \u{1F600}".escape_default());
    println!("{}", "tab\there \"q\" \u{1F600}".escape_debug());
    let p = Point { x: 3, y: -4 };
    println!("[{}] [{:#}] [{:.2}] [{:>12}] [{:<12}] [{:^12}] [{:-^14}]", p, p, p, p, p, p, p);
    let mut s = String::new();
    for i in 0..5 {
        write!(s, "{}-", i * i).unwrap();
    }
    writeln!(s, "end").unwrap();
    writeln!(&mut s, "{:?}", (1, 'c')).unwrap();
    print!("{}", s);
    println!("{}", log(format_args!("{} + {} = {}", 2, 3, 2 + 3)));
    let fa = format!("{}", format_args!("{:>5}|{:<5}|", "ab", "cd"));
    println!("{}", fa);
    let mut out = String::new();
    {
        let mut u = Upper(&mut out);
        write!(u, "hello {} straße {}", "world", 42).unwrap();
    }
    println!("{}", out);
    let table = [("apples", 3, 0.5), ("kiwis", 12, 0.25), ("watermelon", 1, 3.0)];
    let mut t = String::new();
    writeln!(t, "{:<12}|{:>5}|{:>8}", "item", "qty", "price").unwrap();
    writeln!(t, "{:-<12}+{:->5}+{:->8}", "", "", "").unwrap();
    for (name, q, pr) in table {
        writeln!(t, "{:<12}|{:>5}|{:>8.2}", name, q, pr * q as f64).unwrap();
    }
    print!("{}", t);
    println!("{{literal}} {{{}}}", 5);
    println!("{:?}", format!("{:5}|{:<3}|{:>3}|{:^5}|", 'x', 'y', 'z', 'w'));
    println!("{:?}", format!("{:.3}", "truncate me"));
    println!("{:?}", format!("{:>8.3}", "abcdef"));
    println!("{:?}", format!("{:^9}", "日本語"));
    let w = 7;
    println!("{:?}", format!("{:>w$}{:<w$}|", true, false));
    println!("{}", concat!("a", 1, 'b', 2.5, true));
    println!("{}", stringify!(x + y * 2));
}
