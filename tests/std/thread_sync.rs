// Tests Arc<Mutex<_>>, RwLock, Condvar (producer/consumer), Barrier, with deterministic summaries only.
use std::collections::VecDeque;
use std::sync::{Arc, Barrier, Condvar, Mutex, RwLock};
use std::thread;

fn main() {
    let counter = Arc::new(Mutex::new(0u64));
    let log = Arc::new(Mutex::new(Vec::new()));
    let hs: Vec<_> = (0..6)
        .map(|i| {
            let c = Arc::clone(&counter);
            let l = Arc::clone(&log);
            thread::spawn(move || {
                for _ in 0..1000 {
                    *c.lock().unwrap() += 1;
                }
                l.lock().unwrap().push(i * 10);
            })
        })
        .collect();
    for h in hs {
        h.join().unwrap();
    }
    let mut l = log.lock().unwrap().clone();
    l.sort();
    println!("counter {} log {:?} strong {}", *counter.lock().unwrap(), l, Arc::strong_count(&counter));

    let table = Arc::new(RwLock::new(vec![1u32, 2, 3]));
    let readers: Vec<_> = (0..4)
        .map(|_| {
            let t = Arc::clone(&table);
            thread::spawn(move || {
                let g = t.read().unwrap();
                g.iter().sum::<u32>() >= 6
            })
        })
        .collect();
    let writers: Vec<_> = (0..3)
        .map(|i| {
            let t = Arc::clone(&table);
            thread::spawn(move || {
                t.write().unwrap().push(10 + i);
            })
        })
        .collect();
    let ok = readers.into_iter().all(|h| h.join().unwrap());
    for w in writers {
        w.join().unwrap();
    }
    let mut final_table = table.read().unwrap().clone();
    final_table.sort();
    println!("readers ok {} table {:?}", ok, final_table);
    {
        let r1 = table.read().unwrap();
        let r2 = table.read().unwrap();
        println!("two readers at once: {} {}", r1.len(), r2.len());
        println!("try_write while reading fails: {}", table.try_write().is_err());
    }
    println!("try_write after: {}", table.try_write().is_ok());

    // Condvar-based bounded queue
    let pair = Arc::new((Mutex::new(VecDeque::new()), Condvar::new()));
    let producer = {
        let pair = Arc::clone(&pair);
        thread::spawn(move || {
            for i in 0..50u32 {
                let (m, cv) = &*pair;
                let mut q = m.lock().unwrap();
                while q.len() >= 4 {
                    q = cv.wait(q).unwrap();
                }
                q.push_back(Some(i));
                cv.notify_all();
            }
            let (m, cv) = &*pair;
            m.lock().unwrap().push_back(None);
            cv.notify_all();
        })
    };
    let mut received = Vec::new();
    loop {
        let (m, cv) = &*pair;
        let mut q = m.lock().unwrap();
        while q.is_empty() {
            q = cv.wait(q).unwrap();
        }
        let item = q.pop_front().unwrap();
        cv.notify_all();
        drop(q);
        match item {
            Some(v) => received.push(v),
            None => break,
        }
    }
    producer.join().unwrap();
    println!("condvar received {} in order: {} sum {}", received.len(), received.windows(2).all(|w| w[0] < w[1]), received.iter().sum::<u32>());

    // wait_while with a flag
    let flag = Arc::new((Mutex::new(false), Condvar::new()));
    let f2 = Arc::clone(&flag);
    let setter = thread::spawn(move || {
        *f2.0.lock().unwrap() = true;
        f2.1.notify_one();
    });
    let g = flag.1.wait_while(flag.0.lock().unwrap(), |ready| !*ready).unwrap();
    println!("flag ready {}", *g);
    drop(g);
    setter.join().unwrap();

    // Barrier: every thread records phase counts; after barrier all see all phase-1 writes
    let n = 5;
    let barrier = Arc::new(Barrier::new(n));
    let phase1 = Arc::new(Mutex::new(0usize));
    let hs: Vec<_> = (0..n)
        .map(|_| {
            let b = Arc::clone(&barrier);
            let p = Arc::clone(&phase1);
            thread::spawn(move || {
                *p.lock().unwrap() += 1;
                let leader = b.wait().is_leader();
                let seen = *p.lock().unwrap();
                (seen, leader)
            })
        })
        .collect();
    let res: Vec<(usize, bool)> = hs.into_iter().map(|h| h.join().unwrap()).collect();
    println!("all saw {}: {} leaders {}", n, res.iter().all(|r| r.0 == n), res.iter().filter(|r| r.1).count());

    let m = Mutex::new(vec![1]);
    {
        let _g = m.lock().unwrap();
        println!("try_lock while locked is_err: {}", m.try_lock().is_err());
    }
    m.lock().unwrap().push(2);
    println!("into_inner {:?}", m.into_inner().unwrap());
    let arc = Arc::new(5);
    let w = Arc::downgrade(&arc);
    println!("weak upgrade {:?} try_unwrap {:?}", w.upgrade(), Arc::try_unwrap(arc));
    println!("weak after drop {:?}", w.upgrade());
}
