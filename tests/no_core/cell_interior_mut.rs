// Interior mutability with mini_core's UnsafeCell/Cell: mutation through
// shared references, Cells captured by Fn closures, a shared counter in a
// `static` Cell, a struct with Cell fields updated through &self methods, and
// raw UnsafeCell access. Also checks that `static` data containing a Cell is
// writable (not placed in read-only memory, which relies on the Freeze lang
// item).
#![feature(no_core)]
#![no_core]
extern crate mini_core;
use mini_core::*;

static GLOBAL: Cell<u32> = Cell::new(5);
static TABLE: [Cell<i16>; 4] = [Cell::new(1), Cell::new(2), Cell::new(3), Cell::new(4)];

struct Account {
    balance: Cell<i64>,
    ops: Cell<u32>,
}

impl Account {
    fn deposit(&self, amount: i64) {
        self.balance.set(self.balance.get() + amount);
        self.ops.set(self.ops.get() + 1);
    }
    fn withdraw(&self, amount: i64) -> bool {
        if self.balance.get() >= amount {
            self.balance.set(self.balance.get() - amount);
            self.ops.set(self.ops.get() + 1);
            true
        } else {
            false
        }
    }
}

fn run_twice<F: Fn()>(f: F) {
    f();
    f();
}

fn bump_all(cells: &[Cell<i16>], by: i16) {
    for c in cells {
        c.set(c.get() * by);
    }
}

fn main() {
    let acct = Account { balance: Cell::new(100), ops: Cell::new(0) };
    let a1 = &acct;
    let a2 = &acct; // two shared references, both mutate
    a1.deposit(50);
    print_bool(a2.withdraw(120));
    print_bool(a1.withdraw(120));
    print_str("\n");
    unsafe {
        libc::printf(c"balance=%lld ops=%u\n".as_ptr(), acct.balance.get(), acct.ops.get());
    }

    let hits = Cell::new(0u8);
    let log = Cell::new(0u64);
    run_twice(|| {
        hits.set(hits.get() + 1);
        log.set(log.get() * 10 + hits.get() as u64);
        GLOBAL.set(GLOBAL.get() * 3);
    });
    unsafe {
        libc::printf(c"hits=%u log=%llu global=%u\n".as_ptr(), hits.get() as u32, log.get(), GLOBAL.get());
    }

    bump_all(&TABLE, -2);
    bump_all(&TABLE[1..3], 5);
    for c in &TABLE {
        print_i64(c.get() as i64);
        print_str(" ");
    }
    print_str("\n");

    let raw = UnsafeCell::new([1u8, 2, 3]);
    let p = raw.get();
    unsafe {
        (*p)[1] = 20;
        let q = raw.get();
        (*q)[2] += (*p)[1];
        libc::printf(c"unsafe cell: %u %u %u\n".as_ptr(), (*p)[0] as u32, (*p)[1] as u32, (*p)[2] as u32);
    }
}
