// Calling libc directly: variadic printf with every integer width, doubles,
// chars, strings, width/precision arguments (`%*d`, `%.*s`), snprintf into a
// Rust buffer (return value checked), puts, write to fd 1, calloc/malloc/free,
// memcmp, atoi, and finally exit(3) from a nested call — stdio buffers must be
// flushed by exit, so the last printf line still appears.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

#[inline(never)]
fn finish(code: i32) -> ! {
    unsafe {
        libc::printf(c"exiting with %d (this line is only in the stdio buffer)\n".as_ptr(), code);
        libc::exit(code)
    }
}

fn main() {
    unsafe {
        libc::printf(c"ints: %hhd %hhu %hd %hu %d %u %ld %lu %lld %llu %zd %zu\n".as_ptr(),
            -5i32, 250u32, -30000i32, 65000u32, i32::MIN, u32::MAX, i64::MIN, u64::MAX, -1i64, 1u64 << 63,
            -7isize, usize::MAX);
        libc::printf(c"hex/oct: %x %X %#x %o %#o %08x %-6x|\n".as_ptr(), 255u32, 0xbeefu32, 4096u32, 8u32, 8u32, 0xabcu32, 0x1fu32);
        libc::printf(c"floats: %f %.2f %10.3f %-10.1f| %e %g %g %g\n".as_ptr(), 3.14159265f64, 2.675f64, -1.5f64, 99.95f64,
            1234.5f64, 0.0001f64, 1e-5f64, 123456789.0f64);
        libc::printf(c"f32 promoted: %f\n".as_ptr(), 0.1f32 as f64);
        libc::printf(c"chars: %c%c%c %s %.3s %5s|%-5s|\n".as_ptr(), b'a' as i32, b'b' as i32, 'c' as u32,
            c"string".as_ptr(), c"truncated".as_ptr(), c"pad".as_ptr(), c"pad".as_ptr());
        let s = "not nul-terminated, printed with %.*s";
        libc::printf(c"star: [%*d] [%-*d] [%.*s]\n".as_ptr(), 6i32, 42i32, 6i32, 42i32, s.len() as i32, s.as_ptr());
        libc::printf(c"percent: 100%%\n".as_ptr());
        let n = libc::printf(c"%s\n".as_ptr(), c"printf returns the number of bytes written".as_ptr());
        libc::printf(c"-> %d\n".as_ptr(), n);

        // snprintf into a Rust array.
        let mut buf = [0u8; 32];
        let len = libc::snprintf(buf.as_mut_ptr(), buf.len(), c"%d-%s-%.1f".as_ptr(), 7i32, c"seven".as_ptr(), 7.25f64);
        libc::printf(c"snprintf wrote %d: %s\n".as_ptr(), len, buf.as_ptr());
        // Truncation: the return value is the untruncated length.
        let mut small = [0xffu8; 8];
        let full = libc::snprintf(small.as_mut_ptr(), small.len(), c"%s".as_ptr(), c"0123456789abcdef".as_ptr());
        libc::printf(c"truncated to '%s' (full length %d, last byte %u)\n".as_ptr(), small.as_ptr(), full, small[7] as u32);

        libc::puts(c"puts appends a newline".as_ptr());
        libc::fflush(null_mut());
        let msg = b"write(1, ...) straight to the fd\n";
        let w = libc::write(1, msg.as_ptr(), msg.len());
        libc::printf(c"write returned %zd\n".as_ptr(), w);

        // Heap: calloc zeroes, malloc + manual fill, memcmp.
        let z = libc::calloc(16, 4) as *mut u32;
        let mut zero_sum = 0;
        let mut i = 0;
        while i < 16 {
            zero_sum += *z.add(i);
            i += 1;
        }
        let a = libc::malloc(8);
        let b = libc::malloc(8);
        i = 0;
        while i < 8 {
            *a.add(i) = b'a' + i as u8;
            *b.add(i) = b'a' + i as u8;
            i += 1;
        }
        let eq = libc::memcmp(a, b, 8);
        *b.add(5) = b'Z';
        let lt = libc::memcmp(a, b, 8) > 0;
        libc::printf(c"calloc sum=%u memcmp equal=%d after change a>b=%d\n".as_ptr(), zero_sum, eq, lt as i32);
        libc::free(a);
        libc::free(b);
        libc::free(z as *mut u8);

        libc::printf(c"atoi: %d %d %d\n".as_ptr(), libc::atoi(c"1234".as_ptr()), libc::atoi(c"  -56xyz".as_ptr()),
            libc::atoi(c"abc".as_ptr()));
    }
    finish(3);
}
