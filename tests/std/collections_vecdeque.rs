// Tests VecDeque: push/pop on both ends, rotation, wraparound, make_contiguous, iteration, range, sorting.
use std::collections::VecDeque;

fn main() {
    let mut d: VecDeque<i32> = VecDeque::with_capacity(4);
    for i in 0..6 {
        if i % 2 == 0 {
            d.push_back(i);
        } else {
            d.push_front(i);
        }
        println!("after {}: {:?}", i, d);
    }
    println!("front={:?} back={:?} len={}", d.front(), d.back(), d.len());
    d.rotate_left(2);
    println!("rotate_left(2): {:?}", d);
    d.rotate_right(3);
    println!("rotate_right(3): {:?}", d);
    let (a, b) = d.as_slices();
    println!("slices total len {}", a.len() + b.len());
    d.make_contiguous().sort();
    println!("sorted: {:?}", d);
    println!("as_slices after make_contiguous: {:?}", d.as_slices().0);
    // wrap-around behaviour: simulate a ring buffer
    let mut ring: VecDeque<u32> = VecDeque::new();
    let mut total = 0u32;
    for i in 0..50u32 {
        ring.push_back(i * i);
        if ring.len() > 5 {
            total += ring.pop_front().unwrap();
        }
        if i % 10 == 9 {
            println!("i={} ring={:?} total={}", i, ring, total);
        }
    }
    let v: Vec<u32> = ring.iter().rev().copied().collect();
    println!("rev: {:?}", v);
    for x in ring.iter_mut() {
        *x %= 100;
    }
    println!("mod 100: {:?}", ring);
    println!("range(1..3): {:?}", ring.range(1..3).collect::<Vec<_>>());
    println!("contains 1: {} get(2)={:?}", ring.contains(&1), ring.get(2));
    ring.insert(2, 999);
    println!("insert: {:?}", ring);
    println!("remove(0)={:?}", ring.remove(0));
    ring.swap(0, 1);
    println!("swap: {:?}", ring);
    let drained: Vec<u32> = ring.drain(1..3).collect();
    println!("drained {:?}, left {:?}", drained, ring);
    ring.extend([1, 2, 3]);
    ring.retain(|&x| x != 2);
    println!("extend+retain: {:?}", ring);
    ring.truncate(3);
    println!("truncate: {:?}", ring);
    let mut other: VecDeque<u32> = (100..104).collect();
    ring.append(&mut other);
    println!("append: {:?} other empty: {}", ring, other.is_empty());
    let split = ring.split_off(4);
    println!("split_off: {:?} / {:?}", ring, split);
    // BFS on a small grid using VecDeque
    let grid = ["..#....", ".##.##.", "....#..", "#.#...#", "...#..."];
    let h = grid.len();
    let w = grid[0].len();
    let mut dist = vec![vec![-1i32; w]; h];
    let mut q = VecDeque::new();
    dist[0][0] = 0;
    q.push_back((0usize, 0usize));
    while let Some((r, c)) = q.pop_front() {
        let dirs = [(0i32, 1i32), (1, 0), (0, -1), (-1, 0)];
        for (dr, dc) in dirs {
            let nr = r as i32 + dr;
            let nc = c as i32 + dc;
            if nr < 0 || nc < 0 || nr >= h as i32 || nc >= w as i32 {
                continue;
            }
            let (nr, nc) = (nr as usize, nc as usize);
            if grid[nr].as_bytes()[nc] == b'#' || dist[nr][nc] >= 0 {
                continue;
            }
            dist[nr][nc] = dist[r][c] + 1;
            q.push_back((nr, nc));
        }
    }
    for row in &dist {
        let s: Vec<String> = row.iter().map(|d| format!("{:>3}", d)).collect();
        println!("{}", s.join(""));
    }
}
