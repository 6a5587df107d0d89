// Tests BinaryHeap (max, Reverse min-heap, Dijkstra) and LinkedList operations.
use std::cmp::Reverse;
use std::collections::{BinaryHeap, LinkedList};

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Task {
    priority: u32,
    name: String,
}

fn dijkstra(adj: &[Vec<(usize, u32)>], src: usize) -> Vec<Option<u32>> {
    let mut dist = vec![None; adj.len()];
    let mut heap = BinaryHeap::new();
    heap.push(Reverse((0u32, src)));
    while let Some(Reverse((d, u))) = heap.pop() {
        if dist[u].is_some() {
            continue;
        }
        dist[u] = Some(d);
        for &(v, w) in &adj[u] {
            if dist[v].is_none() {
                heap.push(Reverse((d + w, v)));
            }
        }
    }
    dist
}

fn main() {
    let mut h = BinaryHeap::new();
    for x in [5, 1, 8, 3, 9, 2, 8, 7, 0, 4] {
        h.push(x);
        println!("push {} peek {:?} len {}", x, h.peek(), h.len());
    }
    let mut out = vec![];
    while let Some(x) = h.pop() {
        out.push(x);
    }
    println!("popped: {:?}", out);
    let mut mh: BinaryHeap<Reverse<i32>> = [10, -3, 7, 0, 22, -8].into_iter().map(Reverse).collect();
    print!("min order:");
    while let Some(Reverse(x)) = mh.pop() {
        print!(" {}", x);
    }
    println!();
    let mut tasks = BinaryHeap::new();
    tasks.push(Task { priority: 2, name: "write".into() });
    tasks.push(Task { priority: 5, name: "deploy".into() });
    tasks.push(Task { priority: 2, name: "alpha".into() });
    tasks.push(Task { priority: 9, name: "fix".into() });
    println!("sorted vec: {:?}", tasks.clone_from_heap());
    while let Some(t) = tasks.pop() {
        println!("task {} {}", t.priority, t.name);
    }
    let hv: BinaryHeap<u8> = vec![3, 1, 4, 1, 5, 9, 2, 6].into();
    println!("into_sorted_vec {:?}", hv.into_sorted_vec());

    let n = 8;
    let mut adj = vec![vec![]; n];
    let edges = [(0, 1, 4), (0, 2, 1), (2, 1, 2), (1, 3, 5), (2, 3, 8), (3, 4, 3), (4, 5, 1), (5, 6, 2), (3, 6, 9)];
    for &(a, b, w) in &edges {
        adj[a].push((b, w));
        adj[b].push((a, w));
    }
    println!("dijkstra: {:?}", dijkstra(&adj, 0));

    let mut l: LinkedList<String> = LinkedList::new();
    l.push_back("b".to_string());
    l.push_front("a".to_string());
    l.push_back("c".to_string());
    println!("list {:?} len {}", l, l.len());
    let mut l2: LinkedList<String> = ["x", "y"].iter().map(|s| s.to_string()).collect();
    l.append(&mut l2);
    println!("appended {:?} l2 empty {}", l, l2.is_empty());
    let tail = l.split_off(2);
    println!("split {:?} / {:?}", l, tail);
    println!("pop_front {:?} pop_back {:?}", l.pop_front(), l.pop_back());
    let nums: LinkedList<i32> = (1..=10).collect();
    println!("sum {} rev {:?}", nums.iter().sum::<i32>(), nums.iter().rev().collect::<Vec<_>>());
    println!("contains 7 {} front {:?} back {:?}", nums.contains(&7), nums.front(), nums.back());
    let mut m = nums.clone();
    for x in m.iter_mut() {
        *x *= *x;
    }
    println!("squares {:?}", m);
}

trait CloneFromHeap {
    fn clone_from_heap(&self) -> Vec<(u32, String)>;
}
impl CloneFromHeap for BinaryHeap<Task> {
    fn clone_from_heap(&self) -> Vec<(u32, String)> {
        let mut v: Vec<(u32, String)> = self.iter().map(|t| (t.priority, t.name.clone())).collect();
        v.sort();
        v
    }
}
