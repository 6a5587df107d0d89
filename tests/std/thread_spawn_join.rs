// Tests std::thread::spawn + join returning results, thread names, Builder, panicking-free workloads split across threads.
use std::thread;

fn is_prime(n: u64) -> bool {
    if n < 2 {
        return false;
    }
    let mut d = 2;
    while d * d <= n {
        if n % d == 0 {
            return false;
        }
        d += 1;
    }
    true
}

fn main() {
    let mut handles = Vec::new();
    for t in 0..4u64 {
        handles.push(thread::spawn(move || {
            let lo = t * 5000;
            let hi = lo + 5000;
            let primes: Vec<u64> = (lo..hi).filter(|&n| is_prime(n)).collect();
            (t, primes.len(), primes.iter().sum::<u64>(), primes.last().copied())
        }));
    }
    let mut total = 0;
    for h in handles {
        let (t, count, sum, last) = h.join().unwrap();
        println!("thread {}: {} primes, sum {}, last {:?}", t, count, sum, last);
        total += count;
    }
    println!("total primes below 20000: {}", total);

    let data: Vec<String> = (0..8).map(|i| format!("item-{}", i * i)).collect();
    let handles: Vec<_> = data
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            thread::Builder::new()
                .name(format!("worker-{}", i))
                .stack_size(256 * 1024)
                .spawn(move || {
                    let name = thread::current().name().unwrap().to_string();
                    format!("{} processed {} -> {}", name, s, s.to_uppercase().chars().rev().collect::<String>())
                })
                .unwrap()
        })
        .collect();
    for h in handles {
        println!("{}", h.join().unwrap());
    }
    println!("main thread name: {:?}", thread::current().name());

    // nested spawning
    let outer = thread::spawn(|| {
        let inner: Vec<_> = (1..=3).map(|k| thread::spawn(move || (1..=k * 10).product::<u128>())).collect();
        inner.into_iter().map(|h| h.join().unwrap()).collect::<Vec<_>>()
    });
    println!("nested factorials: {:?}", outer.join().unwrap());
    // moving a large Vec into a thread and back
    let big: Vec<u32> = (0..100_000).collect();
    let h = thread::spawn(move || {
        let s: u64 = big.iter().map(|&x| x as u64).sum();
        (s, big)
    });
    let (s, back) = h.join().unwrap();
    println!("sum {} len back {}", s, back.len());
    let h = thread::spawn(|| {
        thread::sleep(std::time::Duration::from_millis(5));
        "slept"
    });
    println!("is_finished eventually, result {}", h.join().unwrap());
    println!("available_parallelism >= 1: {}", thread::available_parallelism().map(|n| n.get() >= 1).unwrap_or(true));
    let ids: Vec<thread::ThreadId> = (0..3).map(|_| thread::spawn(|| thread::current().id()).join().unwrap()).collect();
    println!("distinct ids: {}", ids[0] != ids[1] && ids[1] != ids[2] && ids[0] != thread::current().id());
}
