//! A HashMap-heavy workload: word counting over a generated text, a
//! key-value store with inserts, lookups and removals, and a BTreeMap
//! summary; prints counts and a checksum. `hashmap [N]` (default 1500000).

use std::collections::{BTreeMap, HashMap, HashSet};

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

fn word(rng: &mut Rng) -> String {
    const SYLLABLES: &[&str] = &["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "xe", "zu"];
    let n = 1 + rng.next() % 3;
    (0..n)
        .map(|_| SYLLABLES[(rng.next() % SYLLABLES.len() as u64) as usize])
        .collect()
}

fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .map_or(1_500_000, |s| s.parse().expect("N is a number"));
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);

    let mut counts: HashMap<String, u64> = HashMap::new();
    for _ in 0..n {
        *counts.entry(word(&mut rng)).or_default() += 1;
    }

    let mut store: HashMap<u64, Vec<u32>> = HashMap::new();
    let mut removed = 0u64;
    for i in 0..n {
        let key = rng.next() % (n / 4 + 1);
        match rng.next() % 4 {
            0 | 1 => store.entry(key).or_default().push(i as u32),
            2 => {
                if store.remove(&key).is_some() {
                    removed += 1;
                }
            }
            _ => {
                if let Some(values) = store.get_mut(&key) {
                    values.sort_unstable();
                }
            }
        }
    }

    let distinct: HashSet<usize> = store.values().map(Vec::len).collect();
    let mut by_len: BTreeMap<usize, u64> = BTreeMap::new();
    for word in counts.keys() {
        *by_len.entry(word.len()).or_default() += 1;
    }
    let mut checksum = 0u64;
    for (key, values) in &store {
        let sum: u64 = values.iter().map(|&v| u64::from(v)).sum();
        checksum = checksum.wrapping_add(key.wrapping_mul(31).wrapping_add(sum));
    }
    let mut top: Vec<(&String, &u64)> = counts.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!(
        "hashmap {n}: {} words, {} keys, {removed} removed, {} distinct lengths, checksum {checksum:016x}",
        counts.len(),
        store.len(),
        distinct.len()
    );
    println!("by length: {by_len:?}");
    println!("top: {:?}", &top[..3]);
}
