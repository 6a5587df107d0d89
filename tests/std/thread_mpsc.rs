// Tests mpsc channels: multiple producers, sync_channel with bound, try_recv, recv_timeout on disconnect, results sorted before printing.
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

fn main() {
    let (tx, rx) = mpsc::channel::<(usize, u64)>();
    for id in 0..5 {
        let tx = tx.clone();
        thread::spawn(move || {
            for k in 0..20u64 {
                tx.send((id, k * k + id as u64)).unwrap();
            }
        });
    }
    drop(tx);
    let mut got: Vec<(usize, u64)> = rx.iter().collect();
    println!("received {} messages", got.len());
    let total: u64 = got.iter().map(|p| p.1).sum();
    println!("sum {}", total);
    got.sort();
    for id in 0..5 {
        let vals: Vec<u64> = got.iter().filter(|p| p.0 == id).map(|p| p.1).take(6).collect();
        println!("producer {}: {:?}...", id, vals);
    }

    // bounded channel: producer blocks; ordering within a single producer is FIFO
    let (stx, srx) = mpsc::sync_channel::<String>(2);
    let prod = thread::spawn(move || {
        for w in ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"] {
            stx.send(w.to_string()).unwrap();
        }
        "producer done"
    });
    let mut words = Vec::new();
    while let Ok(w) = srx.recv() {
        words.push(w);
    }
    println!("sync words in order: {:?}", words);
    println!("{}", prod.join().unwrap());

    // pipeline: stage1 -> stage2 -> main
    let (t1, r1) = mpsc::channel::<u32>();
    let (t2, r2) = mpsc::channel::<String>();
    let s2 = thread::spawn(move || {
        for v in r1 {
            t2.send(format!("{}^2={}", v, v * v)).unwrap();
        }
    });
    for v in 1..=8 {
        t1.send(v).unwrap();
    }
    drop(t1);
    let out: Vec<String> = r2.iter().collect();
    s2.join().unwrap();
    println!("pipeline: {}", out.join(", "));

    // try_recv on empty, then disconnected
    let (tx, rx) = mpsc::channel::<i32>();
    println!("try_recv empty: {:?}", rx.try_recv());
    tx.send(7).unwrap();
    println!("try_recv value: {:?}", rx.try_recv());
    drop(tx);
    println!("try_recv disconnected: {:?}", rx.try_recv());
    println!("recv_timeout disconnected: {:?}", rx.recv_timeout(Duration::from_millis(10)));
    let (tx, rx) = mpsc::channel::<i32>();
    println!("recv_timeout timeout: {:?}", rx.recv_timeout(Duration::from_millis(5)));
    drop(rx);
    println!("send to dropped receiver is_err: {}", tx.send(1).is_err());

    // workers compute partial sums, send back with worker id; reduce
    let (rtx, rrx) = mpsc::channel();
    let chunks: Vec<Vec<u64>> = (0..1000u64).collect::<Vec<_>>().chunks(137).map(|c| c.to_vec()).collect();
    let n = chunks.len();
    for (i, c) in chunks.into_iter().enumerate() {
        let rtx = rtx.clone();
        thread::spawn(move || {
            rtx.send((i, c.iter().map(|x| x * x).sum::<u64>())).unwrap();
        });
    }
    drop(rtx);
    let mut partials: Vec<(usize, u64)> = rrx.into_iter().collect();
    partials.sort();
    println!("{} partials: {:?}", n, partials.iter().map(|p| p.1).collect::<Vec<_>>());
    println!("sum of squares 0..1000 = {}", partials.iter().map(|p| p.1).sum::<u64>());
}
