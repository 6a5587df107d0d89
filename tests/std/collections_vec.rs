// Tests Vec: push/pop, sort, sort_by_key, dedup, retain, binary_search, chunks, windows, drain, splice.
use std::hint::black_box;

#[derive(Debug, Clone, PartialEq)]
struct Item {
    name: &'static str,
    weight: u32,
}

fn main() {
    let mut v: Vec<i32> = Vec::new();
    let mut x: i32 = black_box(17);
    for _ in 0..20 {
        x = (x.wrapping_mul(31).wrapping_add(7)) % 101;
        v.push(x - 50);
    }
    println!("initial: {:?}", v);
    println!("len={} cap>=len: {}", v.len(), v.capacity() >= v.len());
    let mut sorted = v.clone();
    sorted.sort();
    println!("sorted: {:?}", sorted);
    let mut desc = v.clone();
    desc.sort_by(|a, b| b.cmp(a));
    println!("desc: {:?}", desc);
    let mut by_abs = v.clone();
    by_abs.sort_by_key(|a| (a.abs(), *a));
    println!("by abs: {:?}", by_abs);

    let mut d = vec![1, 1, 2, 2, 2, 3, 1, 1, 4, 4, 5];
    d.dedup();
    println!("dedup: {:?}", d);
    let mut d2 = vec![10, 11, 20, 21, 22, 30, 35, 41];
    d2.dedup_by_key(|a| *a / 10);
    println!("dedup_by_key: {:?}", d2);

    let mut r: Vec<i32> = (1..=30).collect();
    r.retain(|&a| a % 3 == 0 || a % 5 == 0);
    println!("retain: {:?}", r);
    r.retain_mut(|a| {
        *a *= 2;
        *a < 40
    });
    println!("retain_mut: {:?}", r);

    for key in [-50, 0, 7, 12, 49, 100] {
        match sorted.binary_search(&key) {
            Ok(i) => println!("search {}: found at {}", key, i),
            Err(i) => println!("search {}: insert at {}", key, i),
        }
    }
    let pp = sorted.partition_point(|&a| a < 0);
    println!("partition_point(<0) = {}", pp);

    for (i, c) in v.chunks(6).enumerate() {
        println!("chunk {}: {:?} sum={}", i, c, c.iter().sum::<i32>());
    }
    let wsums: Vec<i32> = v.windows(3).map(|w| w[0] + w[1] + w[2]).collect();
    println!("window sums: {:?}", wsums);
    for c in v.rchunks(7) {
        println!("rchunk: {:?}", c);
    }

    let mut dr: Vec<i32> = (0..12).collect();
    let drained: Vec<i32> = dr.drain(3..7).collect();
    println!("drained {:?} left {:?}", drained, dr);
    let removed: Vec<i32> = dr.splice(1..3, [100, 200, 300]).collect();
    println!("spliced out {:?} now {:?}", removed, dr);
    dr.insert(2, -1);
    let rem = dr.remove(0);
    let sw = dr.swap_remove(1);
    println!("insert/remove: rem={} sw={} {:?}", rem, sw, dr);
    dr.truncate(5);
    dr.extend_from_slice(&[7, 8, 9]);
    println!("truncate+extend: {:?}", dr);
    let tail = dr.split_off(4);
    println!("split_off: {:?} | {:?}", dr, tail);
    dr.reverse();
    println!("reversed: {:?} contains 200: {}", dr, dr.contains(&200));
    while let Some(t) = dr.pop() {
        print!("{} ", t);
    }
    println!();

    let mut items = vec![
        Item { name: "pear", weight: 30 },
        Item { name: "apple", weight: 20 },
        Item { name: "fig", weight: 30 },
        Item { name: "kiwi", weight: 10 },
        Item { name: "banana", weight: 20 },
    ];
    items.sort_by_key(|i| i.weight); // stable
    for i in &items {
        println!("{:>8} {}", i.name, i.weight);
    }
    items.sort_by(|a, b| a.name.len().cmp(&b.name.len()).then(b.name.cmp(a.name)));
    println!("{:?}", items.iter().map(|i| i.name).collect::<Vec<_>>());
    let nested: Vec<Vec<u8>> = (1..5).map(|n| (0..n).collect()).collect();
    println!("nested: {:?} flat len {}", nested, nested.concat().len());
    let joined = vec![vec![1, 2], vec![3], vec![4, 5]].join(&0);
    println!("joined: {:?}", joined);
    let big = vec![0u64; black_box(1000)];
    println!("big sum {} len {}", big.iter().sum::<u64>(), big.len());
    let mut f = vec![3.5f64, -1.0, 2.25, 0.0];
    f.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("floats: {:?}", f);
    println!("first {:?} last {:?} get(10) {:?}", f.first(), f.last(), f.get(10));
}
