// String and byte-string literals: &str printed with write(2), byte strings
// (b"..."), escapes, C-string literals (c"...") passed to puts/printf, byte
// iteration, str equality and `match` on string literals, building strings
// in a byte buffer, and UTF-8 byte lengths.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

fn count_vowels(s: &str) -> u32 {
    let mut n = 0;
    for b in s.as_bytes() {
        match *b {
            b'a' | b'e' | b'i' | b'o' | b'u' | b'A' | b'E' | b'I' | b'O' | b'U' => n += 1,
            _ => {}
        }
    }
    n
}

fn command(s: &str) -> i32 {
    match s {
        "start" => 1,
        "stop" => 2,
        "" => 0,
        "restart" | "reload" => 3,
        _ => -1,
    }
}

/// Writes "key=value; " pairs into a fixed buffer, returns the used length.
fn build(buf: &mut [u8; 64], keys: &[&str], vals: &[u32]) -> usize {
    let mut len = 0;
    let mut i = 0;
    while i < keys.len() {
        for b in keys[i].as_bytes() {
            buf[len] = *b;
            len += 1;
        }
        buf[len] = b'=';
        len += 1;
        // Decimal digits of vals[i], most significant first.
        let mut digits = [0u8; 10];
        let mut nd = 0;
        let mut v = vals[i];
        loop {
            digits[nd] = b'0' + (v % 10) as u8;
            nd += 1;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        while nd > 0 {
            nd -= 1;
            buf[len] = digits[nd];
            len += 1;
        }
        buf[len] = b';';
        buf[len + 1] = b' ';
        len += 2;
        i += 1;
    }
    len
}

fn is_palindrome(s: &[u8]) -> bool {
    let mut i = 0;
    let mut j = s.len();
    while i + 1 < j {
        j -= 1;
        if s[i] != s[j] {
            return false;
        }
        i += 1;
    }
    true
}

fn main() {
    print_str("plain &str via write(2)\n");
    let multi = "line one
line two\twith tab
\x41\u{42}\u{43} escapes \\ \"quoted\"
";
    print_str(multi);
    let raw = r#"raw string with "quotes" and \n not escaped"#;
    println_str(raw);

    let bytes: &[u8; 11] = b"byte string";
    print_bytes(bytes);
    print_labeled(" len=", bytes.len() as i64);
    let bin = b"\x00\x01\xfe\xff";
    unsafe {
        libc::printf(c"bin: %u %u %u %u\n".as_ptr(), bin[0] as u32, bin[1] as u32, bin[2] as u32, bin[3] as u32);
    }

    unsafe {
        libc::puts(c"puts with a C string literal".as_ptr());
        libc::printf(c"%s and %s (len with nul %zu)\n".as_ptr(), c"first".as_ptr(), c"second".as_ptr(),
            c"12345".len_with_nul());
        libc::printf(c"strlen=%zu\n".as_ptr(), libc::strlen(c"seventeen chars!!".as_ptr()));
    }

    let utf8 = "héllo wörld €";
    unsafe {
        libc::printf(c"utf8 bytes=%zu vowels=%u\n".as_ptr(), utf8.len(), count_vowels("Programming in Rust is fun"));
    }

    let cmds = ["start", "stop", "", "reload", "launch", "restart"];
    for c in &cmds {
        print_i64(command(*c) as i64);
        print_str(" ");
    }
    print_str("\n");
    print_bool("abc" == "abc");
    print_str(" ");
    print_bool("abc" == "abd");
    print_str(" ");
    print_bool("abc" != "ab");
    print_str("\n");

    let mut buf = [0u8; 64];
    let n = build(&mut buf, &["width", "height", "depth"], &[1920, 1080, 0]);
    print_bytes(buf.sub(0, n));
    print_str("\n");

    let words = ["racecar", "level", "rust", "a", "", "abba", "abca"];
    for w in &words {
        print_str(if is_palindrome(w.as_bytes()) { "P" } else { "-" });
    }
    print_str("\n");

    // Concatenation done by the compiler.
    print_str(concat!("con", "cat", "enated ", 42, " ", true, "\n"));
    print_str(stringify!(a + b * c));
    print_str("\n");
}
