// Field-less enums with explicit discriminants: #[repr(u8)], #[repr(i16)]
// with negative values, #[repr(u32)] with large gaps, implicit numbering
// after an explicit value, `as` casts to integers, and matching.
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

#[repr(u8)]
enum Opcode {
    Nop = 0x00,
    Push = 0x10,
    Pop, // 0x11
    Add = 0x20,
    Mul,  // 0x21
    Halt = 0xff,
}
impl Copy for Opcode {}
impl Clone for Opcode {
    fn clone(&self) -> Self {
        *self
    }
}

#[repr(i16)]
enum Temperature {
    Freezing = -40,
    Cold = -5,
    Mild = 15,
    Hot = 35,
}
impl Copy for Temperature {}
impl Clone for Temperature {
    fn clone(&self) -> Self {
        *self
    }
}

#[repr(u32)]
enum Flag {
    A = 1,
    B = 1 << 8,
    C = 1 << 16,
    D = 1 << 31,
}

enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

#[inline(never)]
fn decode(b: u8) -> Option<Opcode> {
    match b {
        0x00 => Some(Opcode::Nop),
        0x10 => Some(Opcode::Push),
        0x11 => Some(Opcode::Pop),
        0x20 => Some(Opcode::Add),
        0x21 => Some(Opcode::Mul),
        0xff => Some(Opcode::Halt),
        _ => None,
    }
}

fn name(op: Opcode) -> &'static str {
    match op {
        Opcode::Nop => "nop",
        Opcode::Push => "push",
        Opcode::Pop => "pop",
        Opcode::Add => "add",
        Opcode::Mul => "mul",
        Opcode::Halt => "halt",
    }
}

/// A tiny stack machine driven by the opcode enum.
fn run(code: &[u8]) -> i64 {
    let mut stack = [0i64; 16];
    let mut sp = 0;
    let mut pc = 0;
    while pc < code.len() {
        let op = match decode(code[pc]) {
            Some(op) => op,
            None => return -1,
        };
        pc += 1;
        print_str(name(op));
        print_str(" ");
        match op {
            Opcode::Nop => {}
            Opcode::Push => {
                stack[sp] = code[pc] as i64;
                sp += 1;
                pc += 1;
            }
            Opcode::Pop => sp -= 1,
            Opcode::Add => {
                sp -= 1;
                stack[sp - 1] += stack[sp];
            }
            Opcode::Mul => {
                sp -= 1;
                stack[sp - 1] *= stack[sp];
            }
            Opcode::Halt => break,
        }
    }
    print_str("\n");
    stack[sp - 1]
}

#[inline(never)]
fn temp_value(t: Temperature) -> i32 {
    t as i32
}

fn weekend(d: &Weekday) -> bool {
    match d {
        Weekday::Sat | Weekday::Sun => true,
        _ => false,
    }
}

fn main() {
    unsafe {
        libc::printf(c"opcodes: %d %d %d %d %d %d\n".as_ptr(), Opcode::Nop as i32, Opcode::Push as i32,
            Opcode::Pop as i32, Opcode::Add as i32, Opcode::Mul as i32, Opcode::Halt as i32);
        libc::printf(c"as i8: halt=%d pop=%d\n".as_ptr(), (Opcode::Halt as i8) as i32, (Opcode::Pop as i8) as i32);
    }
    let program = [0x10, 6, 0x10, 7, 0x21, 0x00, 0x10, 8, 0x20, 0x10, 99, 0x11, 0xff, 0x10];
    print_labeled("result=", run(&program));
    print_labeled("bad program=", run(&[0x10, 1, 0x42]));

    let temps = [Temperature::Freezing, Temperature::Cold, Temperature::Mild, Temperature::Hot];
    let mut sum = 0;
    for t in temps {
        let v = temp_value(t);
        sum += v;
        print_i64(v as i64);
        print_str(" ");
    }
    print_labeled("sum=", sum as i64);
    unsafe {
        libc::printf(c"as u16: %u, as u8: %u\n".as_ptr(), (Temperature::Freezing as u16) as u32,
            (Temperature::Cold as u8) as u32);
    }

    let mask = Flag::A as u32 | Flag::B as u32 | Flag::C as u32 | Flag::D as u32;
    unsafe {
        libc::printf(c"flags: %#x, D as i32 = %d, D as u64 = %llu\n".as_ptr(), mask, Flag::D as i32, Flag::D as u64);
    }

    let days = [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];
    for d in &days {
        print_str(if weekend(d) { "W" } else { "w" });
    }
    print_labeled(" sun=", Weekday::Sun as i64);
    unsafe {
        libc::printf(c"sizes: Opcode=%zu Temperature=%zu Flag=%zu Weekday=%zu Option<Opcode>=%zu\n".as_ptr(),
            size_of::<Opcode>(), size_of::<Temperature>(), size_of::<Flag>(), size_of::<Weekday>(),
            size_of::<Option<Opcode>>());
    }
}
