//@ only-arch: x86_64 -- its global_asm! callee and caller are x86_64 assembly laying out System V stack arguments
// extern "C" calls whose by-value aggregates travel on the stack (x86_64
// System V, the six integer registers taken): structs of 1, 3, 4, 6 and 7
// bytes, a union, a data-carrying enum, a 20-byte struct (always in memory)
// and aggregates aligned to 16 (u128, #[repr(align(16))]) after an odd
// number of stack eightbytes. Rust calls Rust directly and through a
// pointer, calls a global_asm! function that copies its stack arguments out
// as the ABI lays them, and is called by one that lays them out by hand.
#![allow(improper_ctypes, improper_ctypes_definitions)]

use std::arch::global_asm;
use std::hint::black_box;

#[repr(C)]
#[derive(Clone, Copy, Debug)]
struct B1(u8);

#[repr(C, align(16))]
#[derive(Clone, Copy, Debug)]
struct A16 {
    a: u32,
    b: u8,
}

#[repr(C)]
#[derive(Clone, Copy, Debug)]
struct B3(u8, u8, u8);

#[repr(C)]
#[derive(Clone, Copy, Debug)]
struct Big16 {
    a: u64,
    b: u64,
    c: u128,
}

#[repr(C)]
#[derive(Clone, Copy)]
union U3 {
    bytes: [u8; 3],
    first: u8,
}

#[repr(u8)]
#[derive(Clone, Copy, Debug)]
enum Tagged {
    Pair(u8, u8),
    Wide(u16),
}

#[repr(C)]
#[derive(Clone, Copy, Debug)]
struct M20 {
    a: u32,
    b: [u8; 13],
}

#[repr(C)]
#[derive(Clone, Copy, Debug)]
struct B7([u8; 7]);

#[repr(C)]
#[derive(Clone, Copy, Debug)]
struct W16 {
    x: u128,
}

#[repr(C)]
#[derive(Clone, Copy, Debug)]
struct H6(u16, u16, u16);

/// The stack arguments: field, its offset in the System V argument area
/// (every argument starts an eightbyte, 16-aligned ones a 16-byte unit).
#[derive(Clone, Copy)]
struct Args {
    b1: B1,
    a16: A16,
    b3: B3,
    big: Big16,
    u: U3,
    t: Tagged,
    m: M20,
    b7: B7,
    w: W16,
    h6: H6,
}

/// (name, offset, size) of each stack argument, in order (the size counts
/// up to the last field byte).
const LAYOUT: [(&str, usize, usize); 10] = [
    ("b1", 0, 1),
    ("a16", 16, 5),
    ("b3", 32, 3),
    ("big", 48, 32),
    ("u", 80, 3),
    ("t", 88, 4),
    ("m", 96, 17),
    ("b7", 120, 7),
    ("w", 128, 16),
    ("h6", 144, 6),
];
const AREA: usize = 152;

type Callee = extern "C" fn(
    u64, u64, u64, u64, u64, u64, B1, A16, B3, Big16, U3, Tagged, M20, B7, W16, H6,
) -> u64;

fn describe(tag: u64, a: &Args) -> String {
    // SAFETY: every field of `U3` is plain bytes.
    let u = unsafe { a.u.bytes };
    format!(
        "tag {tag} {:?} {:?} {:?} {:?} {u:?} {:?} {:?} {:?} {:?} {:?}",
        a.b1, a.a16, a.b3, a.big, a.t, a.m, a.b7, a.w, a.h6
    )
}

fn checksum(a: &Args) -> u64 {
    let t = match a.t {
        Tagged::Pair(x, y) => u64::from(x) * 3 + u64::from(y),
        Tagged::Wide(w) => u64::from(w),
    };
    // SAFETY: every field of `U3` is plain bytes.
    let u = unsafe { a.u.bytes };
    u64::from(a.b1.0)
        + u64::from(a.a16.a) * 7
        + u64::from(a.a16.b)
        + a.b3.0 as u64 * 5
        + a.b3.2 as u64
        + a.big.a
        + a.big.b * 11
        + (a.big.c >> 64) as u64
        + u.iter().map(|&b| u64::from(b)).sum::<u64>()
        + t
        + u64::from(a.m.a)
        + a.m.b.iter().map(|&b| u64::from(b)).sum::<u64>()
        + a.b7.0.iter().map(|&b| u64::from(b)).sum::<u64>()
        + (a.w.x as u64 ^ (a.w.x >> 64) as u64)
        + u64::from(a.h6.0) * 13
        + u64::from(a.h6.2)
}

#[inline(never)]
extern "C" fn callee(
    r1: u64,
    r2: u64,
    r3: u64,
    r4: u64,
    r5: u64,
    r6: u64,
    b1: B1,
    a16: A16,
    b3: B3,
    big: Big16,
    u: U3,
    t: Tagged,
    m: M20,
    b7: B7,
    w: W16,
    h6: H6,
) -> u64 {
    let args = Args { b1, a16, b3, big, u, t, m, b7, w, h6 };
    println!("  callee: {}", describe(r1, &args));
    r1 + r2 * 2 + r3 * 3 + r4 * 4 + r5 * 5 + r6 * 6 + checksum(&args)
}

fn call(f: Callee, a: Args) -> u64 {
    f(1, 2, 3, 4, 5, 6, a.b1, a.a16, a.b3, a.big, a.u, a.t, a.m, a.b7, a.w, a.h6)
}

// `abi_probe(out, r2..r6, <stack arguments>)` copies its stack argument
// area (AREA bytes above the return address) to `out`.
// `abi_call_with(f, image)` calls `f(1, 2, 3, 4, 5, 6, ...)` with the AREA
// bytes at `image` as its stack arguments.
global_asm!(
    ".globl abi_probe",
    "abi_probe:",
    "lea rsi, [rsp + 8]",
    "mov rcx, 19",
    "rep movsq",
    "ret",
    ".globl abi_call_with",
    "abi_call_with:",
    "sub rsp, 152",
    "mov rax, rdi",
    "mov rdi, rsp",
    "mov rcx, 19",
    "rep movsq",
    "mov edi, 1",
    "mov esi, 2",
    "mov edx, 3",
    "mov ecx, 4",
    "mov r8d, 5",
    "mov r9d, 6",
    "call rax",
    "add rsp, 152",
    "ret",
);

extern "C" {
    fn abi_probe(
        out: *mut [u8; AREA],
        r2: u64,
        r3: u64,
        r4: u64,
        r5: u64,
        r6: u64,
        b1: B1,
        a16: A16,
        b3: B3,
        big: Big16,
        u: U3,
        t: Tagged,
        m: M20,
        b7: B7,
        w: W16,
        h6: H6,
    );
    fn abi_call_with(f: Callee, image: *const [u8; AREA]) -> u64;
}

/// The stack argument area for `a`, as the ABI lays it out: the bytes of
/// the fields, `None` for padding.
fn image(a: &Args) -> [Option<u8>; AREA] {
    let mut area = [None; AREA];
    let mut put = |index: usize, bytes: &[Option<u8>]| {
        let (_, offset, _) = LAYOUT[index];
        area[offset..offset + bytes.len()].copy_from_slice(bytes);
    };
    fn defined(bytes: &[u8]) -> Vec<Option<u8>> {
        bytes.iter().copied().map(Some).collect()
    }
    fn bytes_of<T>(value: &T) -> Vec<Option<u8>> {
        // SAFETY: a value without padding bytes.
        defined(unsafe { std::slice::from_raw_parts((value as *const T).cast(), size_of::<T>()) })
    }
    let t = match a.t {
        Tagged::Pair(x, y) => vec![Some(0), Some(x), Some(y)],
        Tagged::Wide(w) => {
            let w = w.to_le_bytes();
            vec![Some(1), None, Some(w[0]), Some(w[1])]
        }
    };
    let mut a16 = defined(&a.a16.a.to_le_bytes());
    a16.push(Some(a.a16.b));
    let mut m = defined(&a.m.a.to_le_bytes());
    m.extend(defined(&a.m.b));
    put(0, &bytes_of(&a.b1));
    put(1, &a16);
    put(2, &bytes_of(&a.b3));
    put(3, &bytes_of(&a.big));
    // SAFETY: every field of `U3` is plain bytes.
    put(4, &defined(unsafe { &a.u.bytes }));
    put(5, &t);
    put(6, &m);
    put(7, &bytes_of(&a.b7));
    put(8, &bytes_of(&a.w));
    put(9, &bytes_of(&a.h6));
    area
}

fn sample(seed: u8) -> Args {
    let s = u64::from(seed);
    Args {
        b1: B1(seed.wrapping_add(1)),
        a16: A16 { a: 0x1000_0000 + u32::from(seed), b: seed ^ 0x5a },
        b3: B3(seed, seed.wrapping_mul(3), 0x33),
        big: Big16 { a: 0x1111 + s, b: 0x2222_0000 + s, c: (0x3333u128 << 64) | 0x4444 },
        u: U3 { bytes: [0x61, seed, 0x63] },
        t: if seed % 2 == 0 { Tagged::Pair(seed, 0x71) } else { Tagged::Wide(0x7273) },
        m: M20 { a: 0xdead_0000 | u32::from(seed), b: [seed.wrapping_add(9); 13] },
        b7: B7([1, 2, 3, 4, 5, 6, seed]),
        w: W16 { x: (0x0102_0304_0506_0708u128 << 64) | u128::from(seed) },
        h6: H6(0x0a0b, u16::from(seed), 0x0e0f),
    }
}

fn main() {
    for seed in [0u8, 7, 200] {
        let a = black_box(sample(seed));
        println!("seed {seed}");

        println!(" direct: {}", call(callee, a));
        let f: Callee = black_box(callee);
        println!(" pointer: {}", call(f, a));

        let mut out = [0u8; AREA];
        // SAFETY: `abi_probe` only writes AREA bytes to `out`.
        unsafe {
            abi_probe(&mut out, 2, 3, 4, 5, 6, a.b1, a.a16, a.b3, a.big, a.u, a.t, a.m, a.b7, a.w, a.h6)
        };
        let expected = image(&a);
        for (name, offset, size) in LAYOUT {
            let range = offset..offset + size;
            let differs = out[range.clone()]
                .iter()
                .zip(&expected[range.clone()])
                .any(|(&seen, &want)| want.is_some_and(|want| want != seen));
            if differs {
                println!(" caller: `{name}` at stack offset {offset} is {:02x?}", &out[range]);
            }
        }
        println!(" caller: stack image checked");

        let bytes = expected.map(|b| b.unwrap_or(0xee));
        // SAFETY: the image holds valid values of every argument type.
        let sum = unsafe { abi_call_with(callee, &bytes) };
        println!(" called from asm: {sum}");
    }
}
