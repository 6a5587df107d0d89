// Drop semantics: reverse declaration order for locals, field order inside
// structs (after the outer Drop impl), element order for arrays/tuples,
// moved-from values not dropped, drop flags for conditional moves (decided at
// run time), assignment dropping the old value, temporaries dropped at the end
// of their statement, `let _ =` vs `let _x =`, forget, early returns, enum
// variants with droppable payloads, and a Drop impl that mutates shared state.
#![feature(no_core)]
#![no_core]
#![allow(dead_code, unused_assignments)]
extern crate mini_core;
use mini_core::*;

static mut DROPPED: u32 = 0;

struct Noisy {
    name: &'static str,
    id: u32,
}

impl Drop for Noisy {
    fn drop(&mut self) {
        unsafe {
            DROPPED += 1;
        }
        print_str("  drop ");
        print_str(self.name);
        print_labeled(" #", self.id as i64);
    }
}

fn n(name: &'static str, id: u32) -> Noisy {
    Noisy { name, id }
}

struct Outer {
    first: Noisy,
    second: Noisy,
}

impl Drop for Outer {
    fn drop(&mut self) {
        print_labeled("  drop Outer (before its fields), sum of ids ", (self.first.id + self.second.id) as i64);
    }
}

/// Fields dropped in order, no Drop impl of its own.
struct Plain {
    a: Noisy,
    b: Noisy,
}

enum Slot {
    Empty,
    One(Noisy),
    Two(Noisy, Noisy),
}

#[inline(never)]
fn take(x: Noisy) {
    print_labeled("  take() got #", x.id as i64);
}

#[inline(never)]
fn maybe_take(x: Noisy, really: bool) {
    print_str("  maybe_take start\n");
    if really {
        take(x);
    }
    print_str("  maybe_take end\n");
}

#[inline(never)]
fn early(flag: u32) -> u32 {
    let _a = n("early-a", flag);
    if flag == 1 {
        return 1;
    }
    let _b = n("early-b", flag);
    if flag == 2 {
        return 2;
    }
    3
}

#[inline(never)]
fn decide(i: u32) -> bool {
    i % 2 == 0
}

fn section(title: &str) {
    print_str("-- ");
    println_str(title);
}

fn main() {
    section("reverse declaration order");
    {
        let _x = n("x", 1);
        let _y = n("y", 2);
        let _z = n("z", 3);
    }

    section("struct with Drop impl, then fields in order");
    {
        let _o = Outer { first: n("field", 10), second: n("field", 20) };
    }
    section("plain struct fields; tuple and array elements");
    {
        let _p = Plain { a: n("a", 1), b: n("b", 2) };
        let _t = (n("t0", 0), n("t1", 1));
        let _arr = [n("arr", 0), n("arr", 1), n("arr", 2)];
    }

    section("moved values are dropped by the new owner");
    {
        let a = n("moved", 5);
        let b = n("kept", 6);
        take(a);
        print_str("  after take\n");
        let _ = b.id;
    }

    section("drop flags: conditional moves");
    {
        let mut i = 0;
        while i < 2 {
            let v = n("cond", i);
            if decide(i) {
                take(v);
            }
            print_labeled("  end of iteration ", i as i64);
            i += 1;
        }
        maybe_take(n("maybe", 100), true);
        maybe_take(n("maybe", 200), false);
    }

    section("assignment drops the old value");
    {
        let mut v = n("old", 1);
        print_str("  assigning\n");
        v = n("new", 2);
        print_labeled("  now holding #", v.id as i64);
    }

    section("temporaries and `let _`");
    {
        print_labeled("  temp id=", n("temp", 7).id as i64);
        let _ = n("let-underscore", 8);
        let _keep = n("let-underscore-x", 9);
        print_str("  end of block\n");
    }

    section("forget");
    {
        let f = n("forgotten", 99);
        forget(f);
        print_str("  forgot it\n");
    }

    section("early returns");
    print_labeled("  early(1)=", early(1) as i64);
    print_labeled("  early(2)=", early(2) as i64);
    print_labeled("  early(3)=", early(3) as i64);

    section("enum payloads");
    {
        let slots = [Slot::Two(n("two-a", 1), n("two-b", 2)), Slot::Empty, Slot::One(n("one", 3))];
        let mut count = 0;
        for s in &slots {
            count += match s {
                Slot::Empty => 0,
                Slot::One(_) => 1,
                Slot::Two(_, _) => 2,
            };
        }
        print_labeled("  payload count=", count as i64);
    }

    section("Option::take-like replacement");
    {
        let mut slot: Option<Noisy> = Some(n("opt", 1));
        let taken = match slot {
            Some(v) => {
                slot = None;
                Some(v)
            }
            None => None,
        };
        print_bool(slot.is_none());
        print_str(" <- slot is empty\n");
        drop(taken);
        print_str("  after explicit drop\n");
    }

    unsafe {
        libc::printf(c"total drops: %u\n".as_ptr(), DROPPED);
    }
    let _last = n("last", 0);
    print_str("end of main\n");
}
