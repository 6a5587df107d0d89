// Unwinding with cleanup: drops run in order while a panic unwinds through
// nested frames, closures, generic and `dyn` calls, iterator adapters and
// partially built values; catch_unwind returns the payload (&str, String,
// a custom type), resume_unwind rethrows it, a panicking thread is joined.
use std::any::Any;
use std::panic::{self, AssertUnwindSafe};

#[derive(Debug)]
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("  drop {}", self.0);
    }
}

fn describe(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        format!("&str {s:?}")
    } else if let Some(s) = payload.downcast_ref::<String>() {
        format!("String {s:?}")
    } else if let Some(c) = payload.downcast_ref::<Code>() {
        format!("Code({})", c.0)
    } else {
        "something else".to_owned()
    }
}

#[derive(Debug)]
struct Code(i32);

fn catch<R: std::fmt::Debug>(label: &str, f: impl FnOnce() -> R) {
    println!("{label}:");
    match panic::catch_unwind(AssertUnwindSafe(f)) {
        Ok(v) => println!("  returned {v:?}"),
        Err(payload) => println!("  caught {}", describe(&*payload)),
    }
}

#[inline(never)]
fn level(n: u32) -> u32 {
    let _guard = Noisy(["level0", "level1", "level2", "level3"][n as usize]);
    if n == 0 {
        panic!("bottom reached");
    }
    level(std::hint::black_box(n - 1)) + 1
}

trait Shape {
    fn area(&self) -> u32;
}

struct Square(u32);

impl Shape for Square {
    fn area(&self) -> u32 {
        let _g = Noisy("Square::area");
        if self.0 > 10 {
            panic!("square of side {} too big", self.0);
        }
        self.0 * self.0
    }
}

fn generic_sum<T: Into<u64> + Copy>(items: &[T], limit: u64) -> u64 {
    let _g = Noisy("generic_sum");
    let mut sum = 0u64;
    for &item in items {
        sum += item.into();
        if sum > limit {
            std::panic::panic_any(Code(sum as i32));
        }
    }
    sum
}

fn main() {
    panic::set_hook(Box::new(|info| {
        let msg = describe(info.payload());
        eprintln!("hook: panic with {msg}");
    }));

    catch("nested frames", || level(3));
    catch("no panic", || {
        let _g = Noisy("no panic guard");
        std::hint::black_box(42)
    });
    catch("closure captures", || {
        let a = Noisy("captured a");
        let b = Noisy("captured b");
        let f = move || {
            let _inner = Noisy("closure local");
            let _keep = (&a, &b);
            let v: Vec<u32> = Vec::new();
            v[std::hint::black_box(3)]
        };
        f()
    });
    catch("dyn call", || {
        let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Square(3)), Box::new(Square(11))];
        shapes.iter().map(|s| s.area()).sum::<u32>()
    });
    catch("generic, custom payload", || generic_sum(&[5u8, 200, 100], 250));
    catch("generic, fine", || generic_sum(&[1u32, 2, 3], 250));
    catch("iterator adapters", || {
        let _g = Noisy("iterator owner");
        (1..10)
            .map(|i| {
                let _step = Noisy("map step");
                if i == 3 {
                    panic!("{}", format!("item {i}"));
                }
                i * 2
            })
            .collect::<Vec<_>>()
    });
    catch("partially built vector", || {
        vec![Noisy("elem 0"), Noisy("elem 1"), {
            if std::hint::black_box(true) {
                panic!("building elem 2");
            }
            Noisy("elem 2")
        }]
    });
    catch("resume_unwind", || {
        let _outer = Noisy("outer of resume");
        let err = panic::catch_unwind(|| {
            let _inner = Noisy("inner of resume");
            panic!("first");
        })
        .unwrap_err();
        println!("  rethrowing {}", describe(&*err));
        panic::resume_unwind(err);
    });
    catch("overflow", || {
        let x: u8 = std::hint::black_box(250);
        let _g = Noisy("overflow guard");
        x + 10
    });
    catch("option unwrap", || {
        let v: Option<u8> = std::hint::black_box(None);
        v.unwrap()
    });

    let handle = std::thread::spawn(|| {
        let _g = Noisy("thread local guard");
        panic!("thread failed");
    });
    match handle.join() {
        Ok(()) => println!("thread: ok"),
        Err(payload) => println!("thread: joined with {}", describe(&*payload)),
    }
    let results: Vec<bool> = std::thread::scope(|s| {
        let hs: Vec<_> = (0..4)
            .map(|i| {
                s.spawn(move || {
                    if i % 2 == 1 {
                        // One message for all: the threads' order varies.
                        panic!("a scoped thread failed");
                    }
                    i
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join().is_ok()).collect()
    });
    println!("scoped threads ok: {results:?}");

    let _ = panic::take_hook();
    let mutex = std::sync::Mutex::new(5);
    let _ = panic::catch_unwind(AssertUnwindSafe(|| {
        let _lock = mutex.lock().unwrap();
        panic!("while locked");
    }));
    println!("mutex poisoned: {}", mutex.is_poisoned());
    println!("done");
}
