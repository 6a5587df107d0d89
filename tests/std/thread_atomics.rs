// Tests atomics across threads: AtomicUsize/AtomicU64/AtomicI32/AtomicBool fetch_add/fetch_sub/compare_exchange/swap/fetch_max, spin lock.
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, AtomicU8, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;

struct SpinLock {
    locked: AtomicBool,
}
impl SpinLock {
    fn lock(&self) {
        while self.locked.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
            std::hint::spin_loop();
            thread::yield_now();
        }
    }
    fn unlock(&self) {
        self.locked.store(false, Ordering::Release);
    }
}

static GLOBAL: AtomicUsize = AtomicUsize::new(0);

fn main() {
    let hits = Arc::new(AtomicUsize::new(0));
    let big = Arc::new(AtomicU64::new(0));
    let maxv = Arc::new(AtomicI32::new(i32::MIN));
    let minv = Arc::new(AtomicI32::new(i32::MAX));
    let hs: Vec<_> = (0..4)
        .map(|t| {
            let (hits, big, maxv, minv) = (hits.clone(), big.clone(), maxv.clone(), minv.clone());
            thread::spawn(move || {
                for i in 0..5000u64 {
                    hits.fetch_add(1, Ordering::Relaxed);
                    big.fetch_add(i * (t + 1) << 20, Ordering::SeqCst);
                    let v = ((i * 7919 + t * 104729) % 100003) as i32 - 50000;
                    maxv.fetch_max(v, Ordering::Relaxed);
                    minv.fetch_min(v, Ordering::Relaxed);
                }
                GLOBAL.fetch_add(t as usize, Ordering::SeqCst);
            })
        })
        .collect();
    for h in hs {
        h.join().unwrap();
    }
    println!("hits {} big {} max {} min {} global {}", hits.load(Ordering::SeqCst), big.load(Ordering::SeqCst), maxv.load(Ordering::SeqCst), minv.load(Ordering::SeqCst), GLOBAL.load(Ordering::SeqCst));

    // compare_exchange-based unique ticket dispenser
    let next = Arc::new(AtomicU64::new(100));
    let hs: Vec<_> = (0..4)
        .map(|_| {
            let next = next.clone();
            thread::spawn(move || {
                let mut mine = Vec::new();
                for _ in 0..250 {
                    let mut cur = next.load(Ordering::Relaxed);
                    loop {
                        match next.compare_exchange(cur, cur + 1, Ordering::AcqRel, Ordering::Relaxed) {
                            Ok(_) => break,
                            Err(actual) => cur = actual,
                        }
                    }
                    mine.push(cur);
                }
                mine
            })
        })
        .collect();
    let mut all: Vec<u64> = hs.into_iter().flat_map(|h| h.join().unwrap()).collect();
    all.sort();
    let unique = all.windows(2).all(|w| w[1] == w[0] + 1);
    println!("tickets {} unique+contiguous {} first {} last {}", all.len(), unique, all[0], all[all.len() - 1]);

    // swap: exactly one thread wins the flag
    let flag = Arc::new(AtomicBool::new(false));
    let winners: usize = (0..6)
        .map(|_| {
            let f = flag.clone();
            thread::spawn(move || !f.swap(true, Ordering::SeqCst))
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|h| h.join().unwrap() as usize)
        .sum();
    println!("swap winners {}", winners);

    // spin lock protecting a non-atomic counter via UnsafeCell-free approach (Arc<SpinLock> + AtomicU64 relaxed)
    let lock = Arc::new(SpinLock { locked: AtomicBool::new(false) });
    let shared = Arc::new(AtomicU64::new(0));
    let hs: Vec<_> = (0..3)
        .map(|_| {
            let (lock, shared) = (lock.clone(), shared.clone());
            thread::spawn(move || {
                for _ in 0..2000 {
                    lock.lock();
                    let v = shared.load(Ordering::Relaxed);
                    shared.store(v + 1, Ordering::Relaxed);
                    lock.unlock();
                }
            })
        })
        .collect();
    for h in hs {
        h.join().unwrap();
    }
    println!("spinlock counter {}", shared.load(Ordering::SeqCst));

    // single-threaded semantics of all ops
    let a = AtomicU8::new(250);
    println!("fetch_add wraps: old {} new {}", a.fetch_add(10, Ordering::SeqCst), a.load(Ordering::SeqCst));
    println!("fetch_sub: old {} new {}", a.fetch_sub(5, Ordering::SeqCst), a.load(Ordering::SeqCst));
    println!("fetch_and {} fetch_or {} fetch_xor {} now {}", a.fetch_and(0b1100, Ordering::SeqCst), a.fetch_or(0b0011, Ordering::SeqCst), a.fetch_xor(0xff, Ordering::SeqCst), a.load(Ordering::SeqCst));
    println!("fetch_nand {} now {}", a.fetch_nand(0x0f, Ordering::SeqCst), a.load(Ordering::SeqCst));
    println!("cas fail {:?} cas ok {:?}", a.compare_exchange(0, 1, Ordering::SeqCst, Ordering::SeqCst), a.compare_exchange(a.load(Ordering::SeqCst), 42, Ordering::SeqCst, Ordering::SeqCst));
    println!("fetch_update {:?} now {}", a.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |x| if x < 100 { Some(x * 2) } else { None }), a.load(Ordering::SeqCst));
    println!("fetch_update none {:?}", a.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |x| if x > 100 { Some(0) } else { None }));
    let b = AtomicBool::new(true);
    println!("bool fetch_and {} fetch_or {} fetch_xor {} now {}", b.fetch_and(false, Ordering::SeqCst), b.fetch_or(true, Ordering::SeqCst), b.fetch_xor(true, Ordering::SeqCst), b.load(Ordering::SeqCst));
    let i = AtomicI32::new(-5);
    println!("i32 swap {} fetch_max {} fetch_min {} into_inner {}", i.swap(7, Ordering::SeqCst), i.fetch_max(3, Ordering::SeqCst), i.fetch_min(-100, Ordering::SeqCst), i.into_inner());
    let mut u = AtomicUsize::new(3);
    *u.get_mut() += 4;
    println!("get_mut {}", u.load(Ordering::Relaxed));
}
