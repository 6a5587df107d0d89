// Static data: statics holding references to other statics (data
// relocations), string tables, slices and structs in statics, function
// pointers in statics, `static mut` counters and arrays, `const` items and
// const arrays (incl. const fn evaluation), and interior mutability via Cell.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

static GREETING: &str = "hello from a static";
static NUMBERS: [i32; 5] = [2, 3, 5, 7, 11];
static NUMBERS_REF: &[i32; 5] = &NUMBERS;
static NUMBERS_SLICE: &[i32] = &NUMBERS;
static THIRD: &i32 = &NUMBERS[2];
static NAMES: [&str; 4] = ["alpha", "beta", "gamma", "delta"];
static NAMES_REF: &[&str] = &NAMES;

struct Config {
    name: &'static str,
    level: u8,
    limits: &'static [u16],
    parent: Option<&'static Config>,
}

static ROOT: Config = Config { name: "root", level: 0, limits: &[1, 2, 3], parent: None };
static CHILD: Config = Config { name: "child", level: 1, limits: &[10, 20], parent: Some(&ROOT) };
static GRANDCHILD: Config = Config { name: "grandchild", level: 2, limits: &[], parent: Some(&CHILD) };
static CONFIGS: [&Config; 3] = [&ROOT, &CHILD, &GRANDCHILD];

fn twice(x: i32) -> i32 {
    x * 2
}
fn square(x: i32) -> i32 {
    x * x
}
static TRANSFORMS: [(&str, fn(i32) -> i32); 2] = [("twice", twice), ("square", square)];

static mut COUNTER: u32 = 0;
static mut HISTORY: [u32; 8] = [0; 8];
static HITS: Cell<u64> = Cell::new(0);

const LIMIT: usize = 6;
const SQUARES: [u64; LIMIT] = squares();
const MASK: u32 = (1 << 12) - 1;
const TITLE: &str = "const title";

const fn squares() -> [u64; LIMIT] {
    let mut out = [0u64; LIMIT];
    let mut i = 0;
    while i < LIMIT {
        out[i] = (i * i) as u64;
        i += 1;
    }
    out
}

#[inline(never)]
fn tick() -> u32 {
    unsafe {
        COUNTER += 1;
        let c = COUNTER;
        HISTORY[(c as usize) % 8] = c * 100;
        c
    }
}

fn hit() {
    HITS.set(HITS.get() + 1);
}

fn depth(c: &Config) -> u32 {
    match c.parent {
        Some(p) => 1 + depth(p),
        None => 0,
    }
}

fn main() {
    println_str(GREETING);
    let mut s = 0;
    for n in NUMBERS_SLICE {
        s += *n;
    }
    unsafe {
        libc::printf(c"sum=%d third=%d ref[4]=%d len=%zu\n".as_ptr(), s, *THIRD, NUMBERS_REF[4], NUMBERS_SLICE.len());
    }
    for name in NAMES_REF {
        print_str(*name);
        print_str(" ");
    }
    print_str("\n");

    for c in &CONFIGS {
        print_str(c.name);
        unsafe {
            libc::printf(c": level=%u limits=%zu depth=%u".as_ptr(), c.level as u32, c.limits.len(), depth(c));
        }
        if let Some(p) = c.parent {
            print_str(" parent=");
            print_str(p.name);
        }
        print_str("\n");
    }
    let gp = GRANDCHILD.parent.unwrap().parent.unwrap();
    print_labeled("grandparent limit sum=", (gp.limits[0] + gp.limits[1] + gp.limits[2]) as i64);

    for (name, f) in &TRANSFORMS {
        print_str(*name);
        print_labeled("(9)=", f(9) as i64);
    }

    let mut k = 0;
    while k < 11 {
        tick();
        hit();
        k += 1;
    }
    unsafe {
        let counter = COUNTER;
        libc::printf(c"counter=%u history:".as_ptr(), counter);
        let h = &raw const HISTORY;
        let mut i = 0;
        while i < 8 {
            libc::printf(c" %u".as_ptr(), (*h)[i]);
            i += 1;
        }
        libc::printf(c"\n".as_ptr());
    }
    print_labeled("hits=", HITS.get() as i64);

    let mut total = 0;
    let mut i = 0;
    while i < SQUARES.len() {
        total += SQUARES[i];
        i += 1;
    }
    unsafe {
        libc::printf(c"squares total=%llu mask=%#x limit=%zu\n".as_ptr(), total, 0xabcdefu32 & MASK, LIMIT);
    }
    println_str(TITLE);
}
