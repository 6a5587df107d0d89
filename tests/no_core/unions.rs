// Unsafe unions: reading a different field than the one written (type
// punning floats/ints/bytes), #[repr(C)] unions of structs, a tagged union
// built by hand, union size and
// alignment, pattern matching on union fields, and unions in arrays.
// Exits with a code computed from the results (7).
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

union IntOrFloat {
    i: u32,
    f: f32,
}

#[repr(C)]
union Bytes8 {
    word: u64,
    halves: [u32; 2],
    bytes: [u8; 8],
}


#[repr(C)]
struct Rgba {
    r: u8,
    g: u8,
    b: u8,
    a: u8,
}
impl Copy for Rgba {}
impl Clone for Rgba {
    fn clone(&self) -> Self {
        *self
    }
}

#[repr(C)]
union Color {
    packed: u32,
    parts: Rgba,
}

enum Kind {
    Int,
    Float,
    Text,
}

#[repr(C)]
union Payload {
    int: i64,
    float: f64,
    text: &'static str,
}
impl Copy for Payload {}
impl Clone for Payload {
    fn clone(&self) -> Self {
        *self
    }
}

struct Tagged {
    kind: Kind,
    data: Payload,
}

fn show(t: &Tagged) {
    unsafe {
        match t.kind {
            Kind::Int => print_labeled("int ", t.data.int),
            Kind::Float => {
                libc::printf(c"float %g\n".as_ptr(), t.data.float);
            }
            Kind::Text => {
                print_str("text ");
                println_str(t.data.text);
            }
        }
    }
}

fn main() -> i32 {
    let mut u = IntOrFloat { f: 1.0 };
    let one_bits = unsafe { u.i };
    u.i = 0xc0490fdb;
    let neg_pi = unsafe { u.f };
    unsafe {
        libc::printf(c"1.0 bits=%#x, 0xc0490fdb as f32=%.6f\n".as_ptr(), one_bits, neg_pi as f64);
    }

    let mut b = Bytes8 { word: 0x1122334455667788 };
    unsafe {
        libc::printf(c"halves: %#x %#x, byte0=%#x byte7=%#x\n".as_ptr(), b.halves[0], b.halves[1],
            b.bytes[0] as u32, b.bytes[7] as u32);
        b.bytes[0] = 0xff;
        b.halves[1] = 0;
        libc::printf(c"after writes: %#llx\n".as_ptr(), b.word);
    }

    let mut c = Color { packed: 0 };
    c.parts = Rgba { r: 0x10, g: 0x20, b: 0x30, a: 0xff };
    let packed = unsafe { c.packed };
    let parts = unsafe { c.parts };
    unsafe {
        libc::printf(c"color packed=%#010x r=%u a=%u\n".as_ptr(), packed, parts.r as u32, parts.a as u32);
    }

    let values = [
        Tagged { kind: Kind::Int, data: Payload { int: -42 } },
        Tagged { kind: Kind::Float, data: Payload { float: 6.25 } },
        Tagged { kind: Kind::Text, data: Payload { text: "union-stored &str" } },
    ];
    for v in &values {
        show(v);
    }

    // Matching on a union field (unsafe read).
    let code = unsafe {
        match b {
            Bytes8 { bytes: [0xff, ..] } => 7,
            Bytes8 { word: 0 } => 1,
            _ => 2,
        }
    };
    unsafe {
        libc::printf(c"sizes: IntOrFloat=%zu Bytes8=%zu Color=%zu Payload=%zu (align %zu)\n".as_ptr(),
            size_of::<IntOrFloat>(), size_of::<Bytes8>(), size_of::<Color>(), size_of::<Payload>(),
            align_of::<Payload>());
    }
    code
}
