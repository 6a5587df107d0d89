// References and raw pointers: &/&mut reborrows, writes through *mut,
// pointer arithmetic with offset/add/sub (via the `offset` intrinsic),
// offset_from, reading/writing via read/write, pointers to struct fields,
// swapping through pointers, a manual memcpy/reverse, and heap memory from
// malloc used as a typed buffer.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

struct Node {
    value: i32,
    next: *const Node,
}

fn bump_all(xs: &mut [i32], by: i32) {
    let mut i = 0;
    while i < xs.len() {
        let r: &mut i32 = &mut xs[i];
        *r += by;
        i += 1;
    }
}

unsafe fn swap_raw<T>(a: *mut T, b: *mut T) {
    unsafe {
        let tmp = a.read();
        a.write(b.read());
        b.write(tmp);
    }
}

unsafe fn reverse(ptr: *mut u16, len: usize) {
    unsafe {
        let mut lo = ptr;
        let mut hi = ptr.add(len - 1);
        while lo.addr() < hi.addr() {
            swap_raw(lo, hi);
            lo = lo.add(1);
            hi = hi.sub(1);
        }
    }
}

unsafe fn copy_bytes(src: *const u8, dst: *mut u8, n: usize) {
    let mut i = 0;
    while i < n {
        unsafe {
            *dst.add(i) = *src.add(i);
        }
        i += 1;
    }
}

fn longest<'a>(a: &'a [u8], b: &'a [u8]) -> &'a [u8] {
    if a.len() >= b.len() { a } else { b }
}

fn main() {
    // &mut through a helper, then shared reads.
    let mut data = [1, 2, 3, 4, 5];
    bump_all(&mut data, 10);
    let first: &i32 = &data[0];
    let last = &data[4];
    print_labeled("first+last=", (*first + *last) as i64);

    // Raw pointer writes and arithmetic.
    let mut buf = [0i64; 8];
    let p: *mut i64 = buf.as_mut_ptr();
    unsafe {
        let mut i = 0;
        while i < 8 {
            *p.offset(i) = (i * i) as i64 - 10;
            i += 1;
        }
        let end = p.add(8);
        let mid = end.sub(4);
        libc::printf(c"buf[3]=%lld mid=%lld span=%zd back=%zd\n".as_ptr(), *p.add(3), *mid,
            end.offset_from(p), p.offset_from(mid));
    }
    let mut sum = 0;
    for v in &buf {
        sum += *v;
    }
    print_labeled("sum=", sum);

    // Pointers to fields and a linked list through raw pointers.
    let n3 = Node { value: 3, next: null() };
    let n2 = Node { value: 2, next: &n3 };
    let n1 = Node { value: 1, next: &n2 as *const Node };
    let mut cur: *const Node = &n1;
    let mut total = 0;
    let mut hops = 0;
    while !cur.is_null() {
        unsafe {
            total = total * 10 + (*cur).value;
            cur = (*cur).next;
        }
        hops += 1;
    }
    unsafe {
        libc::printf(c"list digits=%d hops=%d\n".as_ptr(), total, hops);
    }
    let mut pt = (5i32, 7u8);
    let px: *mut i32 = &mut pt.0;
    let py = &mut pt.1 as *mut u8;
    unsafe {
        *px *= 3;
        *py = (*py).wrapping_sub(8);
    }
    unsafe {
        libc::printf(c"fields: %d %u\n".as_ptr(), pt.0, pt.1 as u32);
    }

    // Swapping and reversing through pointers.
    let mut a = 1.5f64;
    let mut b = -2.5f64;
    unsafe {
        swap_raw(&mut a, &mut b);
    }
    unsafe {
        libc::printf(c"swapped: %g %g\n".as_ptr(), a, b);
    }
    let mut words = [1u16, 2, 3, 4, 5, 6, 7];
    unsafe {
        reverse(words.as_mut_ptr(), words.len());
    }
    for w in &words {
        print_i64(*w as i64);
    }
    print_str("\n");

    // Heap buffer from malloc, filled and read back through typed pointers.
    unsafe {
        let n = 13usize;
        let mem = libc::malloc(n * size_of::<u32>()) as *mut u32;
        let mut i = 0;
        while i < n {
            mem.add(i).write((i as u32) << 20 | 0xabc);
            i += 1;
        }
        let mut x = 0u32;
        i = 0;
        while i < n {
            x ^= mem.add(i).read();
            i += 1;
        }
        let msg = b"copied through raw pointers\n";
        let dst = libc::malloc(msg.len());
        copy_bytes(msg.as_ptr(), dst, msg.len());
        print_bytes(from_raw_parts(dst, msg.len()));
        libc::free(dst);
        libc::free(mem as *mut u8);
        libc::printf(c"xor of heap words = %#x\n".as_ptr(), x);
    }

    // Reborrowing: &mut -> & -> raw -> &.
    let mut counter = 41;
    {
        let m = &mut counter;
        *m += 1;
        let shared: &i32 = m;
        let raw = shared as *const i32;
        let back: &i32 = unsafe { &*raw };
        print_labeled("counter=", *back as i64);
    }
    let l = longest(b"short", b"much longer");
    print_bytes(l);
    print_str("\n");
}
