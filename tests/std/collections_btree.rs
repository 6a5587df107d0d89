// Tests BTreeMap and BTreeSet: insertion, ordered iteration, range queries, entry, set algebra, split_off.
use std::collections::{BTreeMap, BTreeSet};

fn main() {
    let text = "the quick brown fox jumps over the lazy dog the fox barks and the dog runs";
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for w in text.split_whitespace() {
        *counts.entry(w).or_insert(0) += 1;
    }
    for (w, c) in &counts {
        println!("{:6} {}", w, c);
    }
    println!("first={:?} last={:?}", counts.first_key_value(), counts.last_key_value());
    println!("range b..f: {:?}", counts.range("b".."f").collect::<Vec<_>>());
    let mut m: BTreeMap<i64, String> = BTreeMap::new();
    for i in (0..40).rev() {
        let k = (i * 37) % 41 - 20;
        m.insert(k, format!("v{}", i));
    }
    println!("len {}", m.len());
    println!("keys: {:?}", m.keys().collect::<Vec<_>>());
    println!("range(-5..=5): {:?}", m.range(-5..=5).map(|(k, v)| format!("{}={}", k, v)).collect::<Vec<_>>());
    println!("range(..-15) rev: {:?}", m.range(..-15).rev().map(|(k, _)| *k).collect::<Vec<_>>());
    println!("get(3)={:?} get(100)={:?}", m.get(&3), m.get(&100));
    println!("remove(3)={:?} contains 3: {}", m.remove(&3), m.contains_key(&3));
    if let Some(v) = m.get_mut(&0) {
        v.push_str("-changed");
    }
    println!("0 -> {}", m[&0]);
    let hi = m.split_off(&10);
    println!("low part {} keys, high part keys {:?}", m.len(), hi.keys().collect::<Vec<_>>());
    m.retain(|k, _| k % 2 == 0);
    println!("retain even: {:?}", m.keys().collect::<Vec<_>>());
    println!("pop_first={:?} pop_last={:?}", m.pop_first(), m.pop_last());
    let vals: Vec<&String> = m.values().take(3).collect();
    println!("values: {:?}", vals);

    let a: BTreeSet<u32> = (1..30).filter(|x| x % 2 == 0).collect();
    let b: BTreeSet<u32> = (1..30).filter(|x| x % 3 == 0).collect();
    println!("a={:?}", a);
    println!("b={:?}", b);
    println!("union={:?}", a.union(&b).collect::<Vec<_>>());
    println!("inter={:?}", a.intersection(&b).collect::<Vec<_>>());
    println!("diff={:?}", a.difference(&b).collect::<Vec<_>>());
    println!("symdiff={:?}", a.symmetric_difference(&b).collect::<Vec<_>>());
    let c: BTreeSet<u32> = [6, 12].into_iter().collect();
    println!("c subset of a: {} of b: {} disjoint(a,{{1}}): {}", c.is_subset(&a), c.is_subset(&b), a.is_disjoint(&BTreeSet::from([1])));
    println!("a range 10..20: {:?}", a.range(10..20).collect::<Vec<_>>());
    println!("first {:?} last {:?}", a.first(), a.last());
    let mut s = BTreeSet::new();
    for w in ["pear", "Apple", "apple", "banana", "Zebra", "éclair", "123"] {
        println!("insert {} -> {}", w, s.insert(w.to_string()));
    }
    println!("dup insert -> {}", s.insert("pear".to_string()));
    println!("set: {:?}", s);
    // nested map
    let mut nested: BTreeMap<char, BTreeSet<&str>> = BTreeMap::new();
    for w in text.split(' ') {
        nested.entry(w.chars().next().unwrap()).or_default().insert(w);
    }
    println!("{:?}", nested);
    let tuple_keys: BTreeMap<(u8, &str), i32> = [((2, "b"), 1), ((1, "z"), 2), ((2, "a"), 3), ((1, "a"), 4)].into_iter().collect();
    println!("{:?}", tuple_keys);
}
