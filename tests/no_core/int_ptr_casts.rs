// Integer <-> pointer casts: address arithmetic via usize, alignment checks
// and rounding, tagged pointers (low bits carry a tag), pointer
// comparisons, null checks, and pointers reconstructed from integers and
// dereferenced. Absolute addresses are never printed, only differences.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

#[repr(C)]
struct Record {
    a: u8,
    b: u32,
    c: u16,
    d: u64,
}

fn align_up(addr: usize, align: usize) -> usize {
    (addr + align - 1) & !(align - 1)
}

#[inline(never)]
fn tag(p: *const u64, t: usize) -> usize {
    p as usize | t
}

#[inline(never)]
fn untag(x: usize) -> (*const u64, usize) {
    ((x & !7) as *const u64, x & 7)
}

fn main() {
    let r = Record { a: 1, b: 2, c: 3, d: 4 };
    let base = &r as *const Record as usize;
    let offs = [
        &r.a as *const u8 as usize - base,
        &r.b as *const u32 as usize - base,
        &r.c as *const u16 as usize - base,
        &r.d as *const u64 as usize - base,
    ];
    unsafe {
        libc::printf(c"field offsets: %zu %zu %zu %zu (size %zu, align %zu, base aligned: %d)\n".as_ptr(),
            offs[0], offs[1], offs[2], offs[3], size_of::<Record>(), align_of::<Record>(),
            (base % align_of::<Record>() == 0) as i32);
    }

    // Array element addresses differ by the element size.
    let arr = [0u32; 6];
    let a0 = &arr[0] as *const u32 as usize;
    let a5 = &arr[5] as *const u32 as usize;
    print_labeled("a5-a0=", (a5 - a0) as i64);

    // Reconstruct a pointer from an integer and use it.
    let mut values = [10u64, 20, 30, 40];
    let addr = values.as_mut_ptr() as usize;
    let third = (addr + 2 * size_of::<u64>()) as *mut u64;
    unsafe {
        *third += 5;
    }
    print_labeled("values[2]=", values[2] as i64);

    // Tagged pointers.
    let vals = [111u64, 222, 333];
    let mut tagged = [0usize; 3];
    let mut i = 0;
    while i < 3 {
        tagged[i] = tag(&vals[i], i + 1);
        i += 1;
    }
    i = 0;
    while i < 3 {
        let (p, t) = untag(tagged[i]);
        unsafe {
            libc::printf(c"tag %zu -> %llu\n".as_ptr(), t, *p);
        }
        i += 1;
    }

    // Alignment math on real addresses (only the relative results are printed).
    let bytes = [0u8; 64];
    let start = bytes.as_ptr() as usize + 1;
    let aligned = align_up(start, 16);
    unsafe {
        libc::printf(c"align_up: not below start %d, within 15 bytes %d, aligned %d\n".as_ptr(),
            (aligned >= start) as i32, (aligned - start < 16) as i32, (aligned % 16 == 0) as i32);
    }
    print_labeled("align_up(17, 8)=", align_up(17, 8) as i64);
    print_labeled("align_up(4096, 4096)=", align_up(4096, 4096) as i64);

    // Null and small integers as pointers.
    let np = 0usize as *const i32;
    let fake = 0x1000usize as *const u8;
    let back = fake as usize;
    unsafe {
        libc::printf(c"null: %d, fake->usize: %#zx, fake+16: %#zx\n".as_ptr(), np.is_null() as i32, back,
            fake.add(16) as usize);
    }

    // Pointer comparisons.
    let p1 = &arr[1] as *const u32;
    let p4 = &arr[4] as *const u32;
    unsafe {
        libc::printf(c"p1<p4 %d, p1==p1 %d, p1!=p4 %d\n".as_ptr(), ((p1 as usize) < (p4 as usize)) as i32,
            (p1 == p1) as i32, (p1 != p4) as i32);
    }

    // Function pointer -> usize -> function pointer.
    let f: fn(usize, usize) -> usize = align_up;
    let fa = f as usize;
    let g: fn(usize, usize) -> usize = unsafe { transmute(fa) };
    print_labeled("via int fn ptr=", g(100, 64) as i64);
}
