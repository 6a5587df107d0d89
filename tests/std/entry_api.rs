// Tests HashMap/BTreeMap Entry API: or_insert, or_insert_with, or_default, and_modify, Occupied/Vacant matching, insert_entry-free patterns; output sorted.
use std::collections::btree_map;
use std::collections::hash_map::{Entry, HashMap};
use std::collections::BTreeMap;

fn main() {
    let text = "it was the best of times it was the worst of times it was the age of wisdom it was the age of foolishness";
    let mut freq: HashMap<&str, u32> = HashMap::new();
    for w in text.split(' ') {
        *freq.entry(w).or_insert(0) += 1;
    }
    let mut fv: Vec<(&str, u32)> = freq.iter().map(|(k, v)| (*k, *v)).collect();
    fv.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    println!("freq: {:?}", fv);

    let mut positions: HashMap<char, Vec<usize>> = HashMap::new();
    for (i, c) in "mississippi".char_indices() {
        positions.entry(c).or_default().push(i);
    }
    let mut pv: Vec<_> = positions.into_iter().collect();
    pv.sort();
    println!("positions: {:?}", pv);

    let mut m: HashMap<String, i32> = HashMap::new();
    for (k, v) in [("a", 1), ("b", 2), ("a", 10), ("c", 3), ("b", -5), ("a", 100)] {
        m.entry(k.to_string()).and_modify(|e| *e += v).or_insert(v * 1000);
    }
    let mut mv: Vec<_> = m.iter().collect();
    mv.sort();
    println!("and_modify/or_insert: {:?}", mv);

    let mut calls = 0;
    let mut cache: HashMap<u64, u64> = HashMap::new();
    for n in [10u64, 20, 10, 30, 20, 10] {
        let v = *cache.entry(n).or_insert_with(|| {
            calls += 1;
            (1..=n).fold(1u64, |acc, k| acc * k % 1_000_007)
        });
        println!("fact({}) mod p = {}", n, v);
    }
    println!("computed {} times", calls);
    let v = cache.entry(5).or_insert_with_key(|k| k * 100);
    println!("or_insert_with_key {}", v);

    for key in ["x", "y", "x"] {
        match m.entry(key.to_string()) {
            Entry::Occupied(mut o) => {
                let old = o.insert(0);
                println!("{} occupied, old {} replaced with 0, key {}", key, old, o.key());
            }
            Entry::Vacant(vac) => {
                println!("{} vacant, inserting (key {})", key, vac.key());
                vac.insert(-1);
            }
        }
    }
    if let Entry::Occupied(o) = m.entry("b".to_string()) {
        let (k, v) = o.remove_entry();
        println!("removed {} = {}", k, v);
    }
    let mut mv: Vec<_> = m.into_iter().collect();
    mv.sort();
    println!("final: {:?}", mv);

    let mut tree: BTreeMap<u32, Vec<&str>> = BTreeMap::new();
    let names = ["ann", "bob", "cy", "dee", "ed", "flo", "gus", "hal"];
    for (i, n) in names.iter().enumerate() {
        tree.entry((i as u32 * 7) % 4).or_default().push(n);
    }
    println!("tree: {:?}", tree);
    match tree.entry(2) {
        btree_map::Entry::Occupied(mut o) => {
            o.get_mut().push("zed");
            println!("occupied 2 -> {:?}", o.get());
        }
        btree_map::Entry::Vacant(_) => println!("vacant 2"),
    }
    match tree.entry(9) {
        btree_map::Entry::Occupied(_) => println!("occupied 9"),
        btree_map::Entry::Vacant(v) => {
            v.insert(vec!["new"]);
        }
    }
    *tree.entry(0).or_default() = vec!["reset"];
    println!("tree after: {:?}", tree);
    let mut counts: BTreeMap<bool, usize> = BTreeMap::new();
    for x in 0..17 {
        *counts.entry(x % 3 == 0).or_insert(0) += 1;
    }
    println!("counts {:?}", counts);
    let mut nested: BTreeMap<&str, BTreeMap<&str, u32>> = BTreeMap::new();
    for (a, b) in [("x", "p"), ("x", "q"), ("y", "p"), ("x", "p")] {
        *nested.entry(a).or_default().entry(b).or_default() += 1;
    }
    println!("nested {:?}", nested);
}
