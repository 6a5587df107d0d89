// size_of/align_of (the intrinsics, evaluated in const blocks) for
// primitives, pointers, fat pointers, arrays, tuples, #[repr(C)] and
// #[repr(packed)] structs, enums and ZSTs; size_of_val on slices/str; and
// transmute between same-sized types: float bits, byte arrays <-> integers
// (little-endian), fat pointers <-> (ptr, len) pairs, and fn pointers.
#![feature(no_core)]
#![no_core]
#![allow(dead_code, unnecessary_transmutes)]
extern crate mini_core;
use mini_core::*;

#[repr(C)]
struct CLayout {
    a: u8,
    b: u64,
    c: u16,
}

#[repr(C)]
struct NoPadding {
    a: u32,
    b: u32,
    c: u64,
}

#[repr(C, packed)]
struct Packed {
    a: u8,
    b: u64,
    c: u16,
}

struct RustLayout {
    a: u8,
    b: u64,
    c: u16,
}

#[repr(C, align(32))]
struct Aligned {
    x: u8,
}

struct Zst;

enum Never {}

fn report<T>(name: &str) {
    print_str(name);
    unsafe {
        libc::printf(c": size=%zu align=%zu\n".as_ptr(), size_of::<T>(), align_of::<T>());
    }
}

#[repr(C)]
struct RawParts {
    ptr: *const u8,
    len: usize,
}

fn main() {
    report::<u8>("u8");
    report::<u16>("u16");
    report::<u32>("u32");
    report::<u64>("u64");
    report::<u128>("u128");
    report::<usize>("usize");
    report::<f32>("f32");
    report::<f64>("f64");
    report::<bool>("bool");
    report::<char>("char");
    report::<()>("()");
    report::<Zst>("Zst");
    report::<Never>("Never");
    report::<&u8>("&u8");
    report::<*const u64>("*const u64");
    report::<&[u32]>("&[u32]");
    report::<&str>("&str");
    report::<&dyn Fn()>("&dyn Fn()");
    report::<fn(i32) -> i32>("fn(i32) -> i32");
    report::<[u16; 7]>("[u16; 7]");
    report::<[[u8; 3]; 5]>("[[u8; 3]; 5]");
    report::<(u8, u32, u8)>("(u8, u32, u8)");
    report::<CLayout>("repr(C) {u8, u64, u16}");
    report::<Packed>("repr(C, packed) {u8, u64, u16}");
    report::<RustLayout>("Rust layout {u8, u64, u16}");
    report::<Aligned>("repr(align(32))");
    report::<Option<u8>>("Option<u8>");
    report::<Option<u64>>("Option<u64>");
    // Directly through the intrinsic in a const block:
    let n = const { intrinsics::size_of::<[CLayout; 3]>() };
    print_labeled("size_of [CLayout; 3] via intrinsic=", n as i64);

    let slice: &[u32] = &[1, 2, 3, 4, 5];
    unsafe {
        libc::printf(c"size_of_val: slice=%zu str=%zu array=%zu\n".as_ptr(), size_of_val(slice),
            size_of_val("héllo"), size_of_val(&[0u64; 3]));
    }

    // Float <-> bits.
    let bits: u32 = unsafe { transmute(1.0f32) };
    let bits64: u64 = unsafe { transmute(-2.5f64) };
    let back: f64 = unsafe { transmute(0x400921fb54442d18u64) };
    unsafe {
        libc::printf(c"1.0f32 bits=%#x, -2.5f64 bits=%#llx, pi from bits=%.15f\n".as_ptr(), bits, bits64, back);
    }

    // Byte arrays <-> integers (x86_64 is little-endian).
    let word: u32 = unsafe { transmute([0x78u8, 0x56, 0x34, 0x12]) };
    let bytes: [u8; 8] = unsafe { transmute(0x0102030405060708u64) };
    unsafe {
        libc::printf(c"word=%#x bytes=%u %u %u %u %u %u %u %u\n".as_ptr(), word, bytes[0] as u32, bytes[1] as u32,
            bytes[2] as u32, bytes[3] as u32, bytes[4] as u32, bytes[5] as u32, bytes[6] as u32, bytes[7] as u32);
    }
    let pair: [u16; 2] = unsafe { transmute(-2i32) };
    unsafe {
        libc::printf(c"-2i32 as [u16; 2] = [%#x, %#x]\n".as_ptr(), pair[0] as u32, pair[1] as u32);
    }

    // Fat pointer <-> (ptr, len).
    let s = "transmuted fat pointer";
    let raw: RawParts = unsafe { transmute(s) };
    print_labeled("len from raw parts=", raw.len as i64);
    let rebuilt: &str = unsafe { transmute(RawParts { ptr: raw.ptr.add(11), len: 3 }) };
    println_str(rebuilt);

    // Struct <-> array of the same size (a layout without padding bytes).
    let np = NoPadding { a: 1, b: 2, c: 3 };
    let words: [u64; 2] = unsafe { transmute(np) };
    let back: NoPadding = unsafe { transmute([0x0000000a_00000009u64, 11]) };
    unsafe {
        libc::printf(c"NoPadding as words: %#llx %llu; back: %u %u %llu\n".as_ptr(), words[0], words[1], back.a, back.b,
            back.c);
    }

    // Packed field read by value (no reference to the unaligned field).
    let p = Packed { a: 9, b: 0x1122334455667788, c: 0xbeef };
    let pb = p.b;
    let pc = p.c;
    unsafe {
        libc::printf(c"packed: %u %#llx %#x\n".as_ptr(), p.a as u32, pb, pc as u32);
    }

    // fn pointer -> usize -> fn pointer.
    fn triple(x: i32) -> i32 {
        x * 3
    }
    let addr: usize = unsafe { transmute(triple as fn(i32) -> i32) };
    let f: fn(i32) -> i32 = unsafe { transmute(addr) };
    print_labeled("triple via transmute=", f(14) as i64);
}
