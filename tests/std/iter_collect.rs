// Tests collect/FromIterator into many containers: Vec, String, HashMap, BTreeMap, BTreeSet, VecDeque, Box<[T]>, Result, Option, Extend.
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet, LinkedList, VecDeque};
use std::rc::Rc;

#[derive(Debug, Default)]
struct Bag {
    items: Vec<String>,
    total_len: usize,
}
impl FromIterator<&'static str> for Bag {
    fn from_iter<I: IntoIterator<Item = &'static str>>(it: I) -> Self {
        let mut b = Bag::default();
        b.extend(it);
        b
    }
}
impl Extend<&'static str> for Bag {
    fn extend<I: IntoIterator<Item = &'static str>>(&mut self, it: I) {
        for s in it {
            self.total_len += s.len();
            self.items.push(s.to_uppercase());
        }
    }
}

fn main() {
    let src = ["delta", "alpha", "charlie", "bravo", "alpha", "echo"];
    let v: Vec<&str> = src.iter().copied().collect();
    println!("vec {:?}", v);
    let s: String = src.iter().map(|w| w.chars().next().unwrap()).collect();
    println!("string {}", s);
    let s2: String = src.iter().copied().collect();
    println!("string concat {}", s2);
    let s3: String = vec!["a".to_string(), "b".to_string()].into_iter().collect();
    println!("from Strings {}", s3);
    let bs: BTreeSet<&str> = src.iter().copied().collect();
    println!("btreeset {:?}", bs);
    let bm: BTreeMap<&str, usize> = src.iter().map(|w| (*w, w.len())).collect();
    println!("btreemap {:?}", bm);
    let hm: HashMap<usize, &str> = src.iter().map(|w| (w.len(), *w)).collect();
    let mut hv: Vec<_> = hm.iter().collect();
    hv.sort();
    println!("hashmap (sorted) {:?}", hv);
    let hs: HashSet<char> = src.iter().flat_map(|w| w.chars()).collect();
    let mut hsv: Vec<char> = hs.into_iter().collect();
    hsv.sort_unstable();
    println!("hashset (sorted) {:?}", hsv);
    let vd: VecDeque<usize> = src.iter().map(|w| w.len()).collect();
    println!("vecdeque {:?}", vd);
    let ll: LinkedList<u8> = (1..=5).collect();
    println!("linkedlist {:?}", ll);
    let heap: BinaryHeap<usize> = src.iter().map(|w| w.len()).collect();
    println!("heap sorted {:?}", heap.into_sorted_vec());
    let bx: Box<[i32]> = (0..6).map(|x| x * x).collect();
    println!("box slice {:?} len {}", bx, bx.len());
    let rc: Rc<[u8]> = b"rcslice".iter().copied().collect();
    println!("rc slice {:?}", rc);
    let bstr: Box<str> = "boxed".chars().rev().collect::<String>().into_boxed_str();
    println!("box str {}", bstr);
    let ok: Result<Vec<u32>, String> = ["1", "2", "3"].iter().map(|s| s.parse::<u32>().map_err(|e| e.to_string())).collect();
    println!("result ok {:?}", ok);
    let err: Result<Vec<u32>, String> = ["1", "-2", "x"].iter().map(|s| s.parse::<u32>().map_err(|e| format!("{}: {}", s, e))).collect();
    println!("result err {:?}", err);
    let some: Option<Vec<char>> = ["a", "b"].iter().map(|s| s.chars().next()).collect();
    let none: Option<Vec<char>> = ["a", ""].iter().map(|s| s.chars().next()).collect();
    println!("option {:?} {:?}", some, none);
    let total: Option<u32> = [Some(1), Some(2), Some(3)].into_iter().sum();
    let prod: Result<i64, &str> = [Ok(2), Err("bad"), Ok(3)].into_iter().product();
    println!("sum option {:?} product result {:?}", total, prod);
    let unit: Result<(), String> = (0..3).map(|i| if i < 5 { Ok(()) } else { Err("x".to_string()) }).collect();
    println!("unit {:?}", unit);
    let bag: Bag = src.iter().copied().filter(|w| w.len() == 5).collect();
    println!("bag {:?}", bag);
    let mut v2 = vec![1, 2];
    v2.extend([3, 4].iter());
    v2.extend(std::iter::repeat(0).take(2));
    println!("extend {:?}", v2);
    let mut st = String::from(">");
    st.extend(['a', 'b']);
    st.extend(["cd", "ef"]);
    println!("string extend {}", st);
    let grouped: BTreeMap<usize, Vec<&str>> = src.iter().fold(BTreeMap::new(), |mut m, w| {
        m.entry(w.len()).or_insert_with(Vec::new).push(*w);
        m
    });
    println!("grouped {:?}", grouped);
    let arr: [u32; 4] = std::array::from_fn(|i| (i as u32 + 1) * 11);
    println!("array from_fn {:?}", arr);
    let arr2: [String; 3] = ["x", "y", "z"].map(|s| s.repeat(2));
    println!("array map {:?}", arr2);
    let tv: Vec<[u8; 2]> = b"abcdef".chunks_exact(2).map(|c| [c[1], c[0]]).collect();
    println!("chunk arrays {:?}", tv);
    let nested: Vec<Vec<usize>> = (0..4).map(|i| (0..i).collect()).collect();
    println!("nested {:?}", nested);
    let (evens, odds): (Vec<u32>, Vec<u32>) = (0..10).partition(|x| x % 2 == 0);
    println!("partition {:?} {:?}", evens, odds);
}
