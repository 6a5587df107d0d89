// Tests unicode handling: chars, char_indices, case mapping on non-ASCII, UTF-8 bytes, from_utf8 errors, UTF-16.
fn main() {
    let samples = ["hello", "Straße", "ÀÉÎõü", "日本語テキスト", "emoji 😀👍🏽", "ǅǈ İı ﬁ", "Ωμέγα ΣΊΣΥΦΟΣ"];
    for s in samples {
        println!("{:?}: bytes={} chars={}", s, s.len(), s.chars().count());
        println!("  upper={} lower={}", s.to_uppercase(), s.to_lowercase());
        let idx: Vec<(usize, char)> = s.char_indices().take(6).collect();
        println!("  indices={:?}", idx);
        println!("  rev={}", s.chars().rev().collect::<String>());
        println!("  utf8={:x?}", &s.as_bytes()[..s.len().min(10)]);
        let u16s: Vec<u16> = s.encode_utf16().collect();
        println!("  utf16 len={} first={:x?}", u16s.len(), &u16s[..u16s.len().min(4)]);
        let back = String::from_utf16(&u16s).unwrap();
        println!("  roundtrip ok: {}", back == s);
    }
    for c in ['a', 'ß', 'İ', 'ǅ', 'ﬁ', 'Σ', '1', '٣', '\u{2167}', ' ', '\u{a0}', '漢'] {
        println!(
            "{:?}: alpha={} num={} alnum={} ws={} upper={} lower={} up={:?} low={:?} ascii={} digit10={:?}",
            c,
            c.is_alphabetic(),
            c.is_numeric(),
            c.is_alphanumeric(),
            c.is_whitespace(),
            c.is_uppercase(),
            c.is_lowercase(),
            c.to_uppercase().collect::<String>(),
            c.to_lowercase().collect::<String>(),
            c.is_ascii(),
            c.to_digit(10)
        );
    }
    let bad: [&[u8]; 5] = [b"ok\xffbad", b"\xe6\x97", b"abc\xc0\x80", b"\xf0\x9f\x98\x80 fine", b"x\xed\xa0\x80y"];
    for b in bad {
        match std::str::from_utf8(b) {
            Ok(s) => println!("valid {:?}", s),
            Err(e) => println!("error: {} valid_up_to={} error_len={:?}", e, e.valid_up_to(), e.error_len()),
        }
        println!("  lossy: {:?}", String::from_utf8_lossy(b));
    }
    match String::from_utf8(vec![0x61, 0x80]) {
        Ok(_) => println!("unexpected"),
        Err(e) => println!("FromUtf8Error: {} bytes={:?}", e, e.as_bytes()),
    }
    let utf16_bad = [0xd83d_u16, 0x0061];
    println!("from_utf16 bad: {:?}", String::from_utf16(&utf16_bad).map_err(|e| e.to_string()));
    println!("from_utf16_lossy: {:?}", String::from_utf16_lossy(&utf16_bad));
    let decoded: Vec<Result<char, u16>> = char::decode_utf16([0xd83d, 0xde00, 0xdc00, 0x41]).map(|r| r.map_err(|e| e.unpaired_surrogate())).collect();
    println!("decode_utf16: {:?}", decoded);
    for cp in [0x41u32, 0xe9, 0xd800, 0x1f600, 0x110000, 0x10ffff] {
        println!("from_u32({:#x}) = {:?}", cp, char::from_u32(cp));
    }
    let mut buf = [0u8; 4];
    let s = '€'.encode_utf8(&mut buf);
    println!("euro utf8 {:?} len {}", s.as_bytes(), s.len());
    let mut b16 = [0u16; 2];
    println!("encode_utf16 😀 {:x?}", '😀'.encode_utf16(&mut b16));
    let t = "añb😀c";
    for i in 0..=t.len() {
        print!("{}:{} ", i, t.is_char_boundary(i));
    }
    println!();
    println!("get(1..3)={:?} get(1..2)={:?}", t.get(1..3), t.get(1..2));
    println!("eq_ignore_ascii_case: {}", "HeLLo".eq_ignore_ascii_case("hello"));
    println!("ascii upper: {}", "straße ok".to_ascii_uppercase());
    let mut owned = String::from("abc");
    owned.make_ascii_uppercase();
    owned.push('ñ');
    owned.insert(0, '¡');
    owned.insert_str(2, "xy");
    println!("{} len {} pop {:?} -> {}", owned, owned.len(), owned.clone().pop(), owned);
}
