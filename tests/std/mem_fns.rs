// Tests std::mem: swap, replace, take, size_of/align_of for many types, discriminant, transmute-free to_bits, MaybeUninit, ManuallyDrop, needs_drop.
#![allow(dead_code, unnecessary_transmutes)]
use std::mem::{self, ManuallyDrop, MaybeUninit};

#[derive(Debug, Default, Clone)]
struct Config {
    name: String,
    level: u8,
    tags: Vec<&'static str>,
}

#[allow(dead_code)]
#[repr(C)]
struct ReprC {
    a: u8,
    b: u32,
    c: u16,
}
#[allow(dead_code)]
struct RustLayout {
    a: u8,
    b: u32,
    c: u16,
}
#[allow(dead_code)]
#[repr(u8)]
enum Small {
    A = 1,
    B = 200,
}
#[allow(dead_code)]
enum WithData {
    X(u64),
    Y { a: u8, b: u8 },
    Z,
}

fn main() {
    let mut a = vec![1, 2, 3];
    let mut b = vec![9];
    mem::swap(&mut a, &mut b);
    println!("swap: a={:?} b={:?}", a, b);
    let old = mem::replace(&mut a, vec![7, 7]);
    println!("replace: old={:?} a={:?}", old, a);
    let taken = mem::take(&mut b);
    println!("take: taken={:?} b={:?}", taken, b);
    let mut cfg = Config { name: "prod".into(), level: 3, tags: vec!["x", "y"] };
    let prev = mem::take(&mut cfg);
    println!("take struct: prev={:?} now={:?}", prev, cfg);
    let mut x = 5;
    let mut y = 10;
    mem::swap(&mut x, &mut y);
    println!("swap ints {} {}", x, y);
    let mut arr = [1, 2, 3, 4, 5];
    arr.swap(0, 4);
    let (l, r) = arr.split_at_mut(2);
    mem::swap(&mut l[0], &mut r[0]);
    println!("arr {:?}", arr);

    println!("size_of: u8={} u16={} u32={} u64={} u128={} usize={} f32={} f64={} char={} bool={} ()={}",
        mem::size_of::<u8>(), mem::size_of::<u16>(), mem::size_of::<u32>(), mem::size_of::<u64>(), mem::size_of::<u128>(),
        mem::size_of::<usize>(), mem::size_of::<f32>(), mem::size_of::<f64>(), mem::size_of::<char>(), mem::size_of::<bool>(), mem::size_of::<()>());
    println!("size_of: &u8={} &[u8]={} &str={} String={} Vec<u8>={} Box<u8>={} Option<&u8>={} Option<u8>={} [u16;5]={}",
        mem::size_of::<&u8>(), mem::size_of::<&[u8]>(), mem::size_of::<&str>(), mem::size_of::<String>(), mem::size_of::<Vec<u8>>(),
        mem::size_of::<Box<u8>>(), mem::size_of::<Option<&u8>>(), mem::size_of::<Option<u8>>(), mem::size_of::<[u16; 5]>());
    println!("repr(C) size {} align {} | rust layout size {} align {}", mem::size_of::<ReprC>(), mem::align_of::<ReprC>(), mem::size_of::<RustLayout>(), mem::align_of::<RustLayout>());
    println!("enums: Small={} Option<Small>={} WithData={} Option<WithData>={}", mem::size_of::<Small>(), mem::size_of::<Option<Small>>(), mem::size_of::<WithData>(), mem::size_of::<Option<WithData>>());
    println!("align: u8={} u64={} u128={} f64={}", mem::align_of::<u8>(), mem::align_of::<u64>(), mem::align_of::<u128>(), mem::align_of::<f64>());
    println!("size_of_val: {} {} {}", mem::size_of_val("hello"), mem::size_of_val(&[0u32; 7][..]), mem::size_of_val(&cfg));
    let d1 = mem::discriminant(&WithData::X(1));
    let d2 = mem::discriminant(&WithData::X(99));
    let d3 = mem::discriminant(&WithData::Z);
    println!("discriminant eq {} ne {}", d1 == d2, d1 != d3);
    println!("Small as u8 {} {}", Small::A as u8, Small::B as u8);
    println!("needs_drop: String {} u32 {} Vec<u8> {} (u8,f64) {}", mem::needs_drop::<String>(), mem::needs_drop::<u32>(), mem::needs_drop::<Vec<u8>>(), mem::needs_drop::<(u8, f64)>());

    let mut buf: [MaybeUninit<u32>; 6] = [MaybeUninit::uninit(); 6];
    for (i, slot) in buf.iter_mut().enumerate() {
        slot.write((i as u32 + 1) * 111);
    }
    let init: [u32; 6] = buf.map(|m| unsafe { m.assume_init() });
    println!("MaybeUninit array {:?}", init);
    let md = ManuallyDrop::new(String::from("manually"));
    println!("ManuallyDrop len {} {}", md.len(), *md);
    let inner = ManuallyDrop::into_inner(md);
    println!("into_inner {}", inner);
    let f = 1.5f32;
    let bits: u32 = unsafe { mem::transmute(f) };
    println!("transmute f32 bits {:#x} == to_bits {}", bits, bits == f.to_bits());
    let arr4: [u8; 4] = unsafe { mem::transmute(0x01020304u32.to_be()) };
    println!("transmute u32 -> [u8;4] {:?}", arr4);
    let z: (u64, bool) = unsafe { mem::zeroed() };
    println!("zeroed {:?}", z);
    let v = vec![1u8, 2, 3];
    let v2 = v.clone();
    mem::forget(v);
    println!("forgot a vec; clone still {:?}", v2);
    let s = String::from("abc");
    let ptr_eq = {
        let t = &s;
        std::ptr::eq(t, &s)
    };
    println!("ptr::eq same {}", ptr_eq);
    println!("offset_of ReprC.b {} .c {}", mem::offset_of!(ReprC, b), mem::offset_of!(ReprC, c));
}
