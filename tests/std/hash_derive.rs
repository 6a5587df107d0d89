// Tests #[derive(Hash)] and std::hash with a deterministic hasher (DefaultHasher::new() is SipHash-1-3 with zero keys): prints hash values of many types.
use std::collections::hash_map::DefaultHasher;
use std::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher};

#[derive(Hash, PartialEq, Eq, Debug, Clone)]
struct Point {
    x: i32,
    y: i32,
}

#[derive(Hash, PartialEq, Eq, Debug)]
enum Token {
    Num(i64),
    Ident(String),
    Op(char),
    Eof,
}

#[derive(Hash)]
struct Wrapper<'a> {
    name: &'a str,
    pts: Vec<Point>,
    opt: Option<u8>,
    t: (u8, u16, u32, u64, u128),
    flag: bool,
}

fn h<T: Hash + ?Sized>(t: &T) -> u64 {
    let mut s = DefaultHasher::new();
    t.hash(&mut s);
    s.finish()
}

struct Fnv(u64);
impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf29ce484222325)
    }
}
impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= *b as u64;
            self.0 = self.0.wrapping_mul(0x100000001b3);
        }
    }
}

fn main() {
    println!("u8 {:016x}", h(&7u8));
    println!("u32 {:016x}", h(&7u32));
    println!("u64 {:016x}", h(&7u64));
    println!("i128 {:016x}", h(&-7i128));
    println!("usize {:016x}", h(&123usize));
    println!("char {:016x}", h(&'λ'));
    println!("bool {:016x} {:016x}", h(&true), h(&false));
    println!("str {:016x}", h("hello"));
    println!("String {:016x} same as str {}", h(&String::from("hello")), h(&String::from("hello")) == h("hello"));
    println!("empty str {:016x}", h(""));
    println!("slice {:016x}", h(&[1u32, 2, 3][..]));
    println!("vec {:016x} eq slice {}", h(&vec![1u32, 2, 3]), h(&vec![1u32, 2, 3]) == h(&[1u32, 2, 3][..]));
    println!("array {:016x}", h(&[1u32, 2, 3]));
    println!("tuple {:016x}", h(&(1u8, "a", 2.5f64.to_bits())));
    println!("unit {:016x}", h(&()));
    println!("option {:016x} {:016x}", h(&Some(5i32)), h(&None::<i32>));
    let p = Point { x: 3, y: -4 };
    println!("Point {:016x} clone equal {}", h(&p), h(&p) == h(&p.clone()));
    println!("Point swapped {:016x}", h(&Point { x: -4, y: 3 }));
    for t in [Token::Num(42), Token::Ident("foo".into()), Token::Op('+'), Token::Eof] {
        println!("{:?} -> {:016x}", t, h(&t));
    }
    let w = Wrapper { name: "w", pts: vec![p.clone(), Point { x: 0, y: 0 }], opt: Some(9), t: (1, 2, 3, 4, 5), flag: true };
    println!("Wrapper {:016x}", h(&w));
    // ("ab","c") vs ("a","bc") must differ thanks to str prefix-freeness
    println!("prefix-free: {}", h(&("ab", "c")) != h(&("a", "bc")));
    // incremental writes
    let mut s = DefaultHasher::new();
    s.write_u8(1);
    s.write_u32(0xdeadbeef);
    s.write(b"bytes");
    s.write_i64(-1);
    println!("manual writes {:016x}", s.finish());
    // BuildHasher with a custom hasher
    let bh = BuildHasherDefault::<Fnv>::default();
    println!("fnv hash_one str {:016x}", bh.hash_one("hello"));
    println!("fnv hash_one point {:016x}", bh.hash_one(&p));
    let mut fnv = Fnv::default();
    fnv.write(b"hello");
    println!("fnv raw {:016x}", fnv.finish());
    let mut m: std::collections::HashMap<Point, &str, BuildHasherDefault<Fnv>> = Default::default();
    for i in 0..20 {
        m.insert(Point { x: i % 5, y: i / 5 }, if i % 2 == 0 { "even" } else { "odd" });
    }
    let mut keys: Vec<(i32, i32, &str)> = m.iter().map(|(k, v)| (k.x, k.y, *v)).collect();
    keys.sort();
    println!("fnv map {} entries, first {:?}", m.len(), &keys[..4]);
    let mut hashes: Vec<u64> = (0..10u32).map(|i| h(&i)).collect();
    hashes.sort();
    println!("sorted small hashes first {:016x} last {:016x}", hashes[0], hashes[9]);
}
