// Tests HashMap/HashSet: insert/get/remove/entry, iteration printed only after sorting.
use std::collections::{HashMap, HashSet};

fn sorted_pairs<K: Ord + Clone, V: Clone>(m: &HashMap<K, V>) -> Vec<(K, V)> {
    let mut v: Vec<(K, V)> = m.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

fn main() {
    let mut m: HashMap<String, i32> = HashMap::new();
    for i in 0..200 {
        let key = format!("k{}", i % 37);
        *m.entry(key).or_insert(0) += i;
    }
    println!("len {}", m.len());
    let pairs = sorted_pairs(&m);
    for (k, v) in pairs.iter().take(10) {
        println!("{} => {}", k, v);
    }
    println!("sum of values = {}", m.values().sum::<i32>());
    println!("get k5={:?} get nope={:?}", m.get("k5"), m.get("nope"));
    println!("remove k5={:?} len {}", m.remove("k5"), m.len());
    m.retain(|_, v| *v % 2 == 0);
    let mut keys: Vec<&String> = m.keys().collect();
    keys.sort();
    println!("even-valued keys: {:?}", keys);

    // integer keys, many inserts and removals (exercises rehashing)
    let mut big: HashMap<u64, u64> = HashMap::new();
    for i in 0..5000u64 {
        big.insert(i.wrapping_mul(2654435761) % 100003, i);
    }
    for i in 0..2500u64 {
        big.remove(&(i * 2));
    }
    let mut ks: Vec<u64> = big.keys().copied().collect();
    ks.sort_unstable();
    println!("big len {} min {:?} max {:?}", big.len(), ks.first(), ks.last());
    println!("first keys: {:?}", &ks[..8]);
    let checksum: u64 = big.iter().map(|(k, v)| k ^ v).fold(0, |a, b| a.wrapping_add(b));
    println!("checksum {}", checksum);

    let a: HashSet<char> = "hello world".chars().collect();
    let b: HashSet<char> = "rustacean lowered".chars().collect();
    let mut u: Vec<char> = a.union(&b).copied().collect();
    u.sort();
    let mut i: Vec<char> = a.intersection(&b).copied().collect();
    i.sort();
    let mut d: Vec<char> = a.difference(&b).copied().collect();
    d.sort();
    println!("union {:?}", u);
    println!("inter {:?}", i);
    println!("diff {:?}", d);
    println!("contains 'o' {} 'z' {}", a.contains(&'o'), a.contains(&'z'));

    // group words by length
    let words = ["alpha", "beta", "gamma", "delta", "pi", "rho", "tau", "omega", "mu", "epsilon"];
    let mut by_len: HashMap<usize, Vec<&str>> = HashMap::new();
    for w in words {
        by_len.entry(w.len()).or_default().push(w);
    }
    let mut lens: Vec<_> = by_len.into_iter().collect();
    lens.sort();
    for (l, ws) in &lens {
        println!("len {}: {:?}", l, ws);
    }
    // HashMap equality independent of order
    let m1: HashMap<i32, i32> = (0..10).map(|x| (x, x * x)).collect();
    let m2: HashMap<i32, i32> = (0..10).rev().map(|x| (x, x * x)).collect();
    println!("m1 == m2: {}", m1 == m2);
    let mut hs: HashSet<(i32, i32)> = HashSet::new();
    for x in -3..=3 {
        for y in -3i32..=3 {
            hs.insert((x * x, y.abs()));
        }
    }
    let mut hv: Vec<_> = hs.into_iter().collect();
    hv.sort();
    println!("{} distinct: {:?}", hv.len(), hv);
}
