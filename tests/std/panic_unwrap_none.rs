// Tests a panic from unwrap() on None (panic=abort) after printing and flushing output.
use std::collections::BTreeMap;
use std::io::Write;

fn lookup(m: &BTreeMap<&str, i32>, k: &str) -> Option<i32> {
    m.get(k).copied()
}

fn main() {
    let m: BTreeMap<&str, i32> = [("one", 1), ("two", 2), ("three", 3)].into_iter().collect();
    for k in ["one", "three", "two"] {
        println!("{} -> {}", k, lookup(&m, k).unwrap());
    }
    println!("unwrap_or for missing: {}", lookup(&m, "four").unwrap_or(-1));
    println!("now unwrapping missing key");
    std::io::stdout().flush().unwrap();
    let v = lookup(&m, std::hint::black_box("four")).unwrap();
    println!("unreachable {}", v);
}
