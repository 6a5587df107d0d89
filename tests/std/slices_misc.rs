// Tests slice APIs: sort_unstable(_by_key), select_nth_unstable, chunks_exact, rotate, split_at, match on slice patterns, reverse, swap, fill, copy_within, contains/starts_with, iter().rev().
use std::hint::black_box;

fn classify(s: &[i32]) -> String {
    match s {
        [] => "empty".to_string(),
        [x] => format!("one({})", x),
        [first, second] => format!("two({},{})", first, second),
        [first, .., last] if first == last => format!("bookends({})", first),
        [first, middle @ .., last] => format!("first={} middle_len={} last={}", first, middle.len(), last),
    }
}

fn sum_pairs(s: &[u32]) -> u32 {
    match s {
        [a, b, rest @ ..] => a * b + sum_pairs(rest),
        [a] => *a,
        [] => 0,
    }
}

fn main() {
    let mut seed = black_box(42u32);
    let v: Vec<i32> = (0..25)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            (seed % 200) as i32 - 100
        })
        .collect();
    println!("orig {:?}", v);
    let mut u = v.clone();
    u.sort_unstable();
    println!("sort_unstable {:?}", u);
    let mut k = v.clone();
    k.sort_unstable_by_key(|x| (x.rem_euclid(10), *x));
    println!("by last digit {:?}", k);
    let mut d = v.clone();
    d.sort_unstable_by(|a, b| b.cmp(a));
    println!("desc {:?}", d);
    let mut s = v.clone();
    let (_, median, _) = s.select_nth_unstable(12);
    println!("median {} == sorted[12] {}", median, *median == u[12]);
    for c in v.chunks_exact(4) {
        print!("{:?} ", c.iter().map(|x| x.signum()).sum::<i32>());
    }
    println!("remainder {:?}", v.chunks_exact(4).remainder());
    let mut r: Vec<u8> = (1..=10).collect();
    r.rotate_left(3);
    println!("rotate_left 3 {:?}", r);
    r.rotate_right(5);
    println!("rotate_right 5 {:?}", r);
    let (left, right) = r.split_at(4);
    println!("split_at 4: {:?} {:?}", left, right);
    let (l2, r2) = r.split_at_mut(6);
    l2[0] = 100;
    r2[0] = 200;
    l2.swap(1, 2);
    println!("after split_at_mut edits {:?}", r);
    r.reverse();
    println!("reversed {:?}", r);
    r[2..5].fill(0);
    println!("fill {:?}", r);
    r.copy_within(0..3, 7);
    println!("copy_within {:?}", r);
    println!("contains 200 {} starts_with {:?} ends_with {}", r.contains(&200), r.starts_with(&[r[0], r[1]]), r.ends_with(&[1]));
    for t in [&[][..], &[7], &[1, 2], &[5, 0, 5], &[1, 2, 3, 4, 9]] {
        println!("classify {:?} -> {}", t, classify(t));
    }
    println!("sum_pairs {}", sum_pairs(&[1, 2, 3, 4, 5]));
    println!("iter rev {:?}", v.iter().rev().take(5).collect::<Vec<_>>());
    println!("split by negatives {:?}", v.split(|x| *x < -50).map(|p| p.len()).collect::<Vec<_>>());
    println!("splitn {:?}", v.splitn(3, |x| x % 2 == 0).map(|p| p.len()).collect::<Vec<_>>());
    println!("rsplit first {:?}", v.rsplit(|x| *x > 50).next());
    println!("concat {:?}", [[1, 2], [3, 4]].concat());
    println!("iter().position max {:?}", v.iter().enumerate().max_by_key(|(_, x)| **x).map(|(i, _)| i));
    println!("repeat {:?}", [1, 2].repeat(3));
    println!("to_vec eq {}", v[..3].to_vec() == &v[0..3]);
    let mut arr2d = [[0u8; 5]; 4];
    for (i, row) in arr2d.iter_mut().enumerate() {
        for (j, c) in row.iter_mut().enumerate() {
            *c = (i * 5 + j) as u8;
        }
    }
    let flat: Vec<u8> = arr2d.iter().flatten().copied().collect();
    println!("2d flat {:?}", flat);
    println!("as_flattened len {}", arr2d.as_flattened().len());
    let words = ["delta", "Alpha", "charlie", "bravo", "Echo"];
    let mut w = words;
    w.sort_unstable_by_key(|s| s.to_lowercase());
    println!("words {:?}", w);
    println!("binary_search_by {:?}", w.binary_search_by(|p| p.to_lowercase().cmp(&"charlie".to_string())));
    let mut dd = vec![3, 3, 1, 1, 1, 2, 3, 3];
    dd.dedup();
    println!("dedup {:?}", dd);
    let (a, b) = v.split_first().unwrap();
    let (c, e) = v.split_last().unwrap();
    println!("split_first {} {} split_last {} {}", a, b.len(), c, e.len());
    let mut sw = [1, 2, 3, 4, 5, 6];
    let (x, y) = sw.split_at_mut(3);
    x.swap_with_slice(y);
    println!("swap_with_slice {:?}", sw);
    println!("array windows {:?}", sw.windows(2).filter(|w| w[0] < w[1]).count());
    println!("get_many-free {:?} {:?}", sw.get(1..3), sw.get(5..9));
    println!("first_chunk {:?} last_chunk {:?}", sw.first_chunk::<2>(), sw.last_chunk::<3>());
    let (chunks, rem) = sw.as_chunks::<4>();
    println!("as_chunks {:?} rem {:?}", chunks, rem);
}
