// Recursion: naive and accumulator-style Fibonacci, Ackermann (small),
// Towers of Hanoi, recursive binary search and a recursive flood fill that
// mutates an array through a `&mut` parameter.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

fn fib(n: u32) -> u64 {
    if n < 2 { n as u64 } else { fib(n - 1) + fib(n - 2) }
}

fn fib_acc(n: u32, a: u64, b: u64) -> u64 {
    if n == 0 { a } else { fib_acc(n - 1, b, a + b) }
}

fn ackermann(m: u64, n: u64) -> u64 {
    if m == 0 {
        n + 1
    } else if n == 0 {
        ackermann(m - 1, 1)
    } else {
        ackermann(m - 1, ackermann(m, n - 1))
    }
}

fn hanoi(n: u32, from: u8, to: u8, via: u8, moves: &mut u32, log: &mut [u8; 64], len: &mut usize) {
    if n == 0 {
        return;
    }
    hanoi(n - 1, from, via, to, moves, log, len);
    *moves += 1;
    if *len + 3 <= log.len() {
        log[*len] = from;
        log[*len + 1] = to;
        log[*len + 2] = b' ';
        *len += 3;
    }
    hanoi(n - 1, via, to, from, moves, log, len);
}

fn bsearch(xs: &[i32], target: i32, lo: usize, hi: usize) -> i32 {
    if lo >= hi {
        return -1;
    }
    let mid = lo + (hi - lo) / 2;
    if xs[mid] == target {
        mid as i32
    } else if xs[mid] < target {
        bsearch(xs, target, mid + 1, hi)
    } else {
        bsearch(xs, target, lo, mid)
    }
}

const W: usize = 8;
const H: usize = 6;

fn fill(grid: &mut [[u8; W]; H], x: i32, y: i32, from: u8, to: u8) -> u32 {
    if x < 0 || y < 0 || x >= W as i32 || y >= H as i32 {
        return 0;
    }
    if grid[y as usize][x as usize] != from {
        return 0;
    }
    grid[y as usize][x as usize] = to;
    1 + fill(grid, x + 1, y, from, to)
        + fill(grid, x - 1, y, from, to)
        + fill(grid, x, y + 1, from, to)
        + fill(grid, x, y - 1, from, to)
}

fn main() {
    let mut n = 0;
    while n <= 25 {
        unsafe {
            libc::printf(c"fib(%u) = %llu / %llu\n".as_ptr(), n, fib(n), fib_acc(n, 0, 1));
        }
        n += 5;
    }
    unsafe {
        libc::printf(c"fib_acc(90) = %llu\n".as_ptr(), fib_acc(90, 0, 1));
    }
    let mut m = 0;
    while m <= 3 {
        let mut k = 0;
        while k <= 3 {
            unsafe {
                libc::printf(c"A(%llu,%llu)=%llu ".as_ptr(), m, k, ackermann(m, k));
            }
            k += 1;
        }
        print_str("\n");
        m += 1;
    }

    let mut moves = 0;
    let mut log = [0u8; 64];
    let mut len = 0;
    hanoi(4, b'A', b'C', b'B', &mut moves, &mut log, &mut len);
    print_labeled("hanoi moves=", moves as i64);
    print_bytes(log.sub(0, len));
    print_str("\n");

    let sorted = [1, 3, 4, 7, 9, 11, 15, 20, 22, 31];
    let targets = [1, 9, 31, 2, 40];
    for t in &targets {
        unsafe {
            libc::printf(c"bsearch(%d) = %d\n".as_ptr(), *t, bsearch(&sorted, *t, 0, sorted.len()));
        }
    }

    let mut grid = [
        *b"..##....",
        *b".#..#...",
        *b"#....#..",
        *b".#..#.##",
        *b"..##..#.",
        *b".....#..",
    ];
    let filled = fill(&mut grid, 2, 2, b'.', b'o');
    print_labeled("filled=", filled as i64);
    let mut r = 0;
    while r < H {
        print_bytes(&grid[r]);
        print_str("\n");
        r += 1;
    }
}
