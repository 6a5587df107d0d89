// Tests iterator adapters: map/filter/fold/zip/chain/flat_map/scan/take_while/skip_while/step_by/rev/peekable/windows etc.
use std::hint::black_box;

fn main() {
    let n = black_box(20u32);
    let v: Vec<u32> = (1..=n).collect();
    println!("map: {:?}", v.iter().map(|x| x * x).collect::<Vec<_>>());
    println!("filter: {:?}", v.iter().filter(|&&x| x % 3 == 1).collect::<Vec<_>>());
    println!("filter_map: {:?}", ["1", "x", "3", "-4", "5.0"].iter().filter_map(|s| s.parse::<i32>().ok()).collect::<Vec<_>>());
    println!("fold: {}", v.iter().fold(0u64, |acc, &x| acc * 3 + x as u64));
    println!("rfold: {}", v.iter().rfold(String::new(), |acc, x| acc + &x.to_string()));
    println!("try_fold: {:?}", v.iter().try_fold(0u8, |acc, &x| acc.checked_add(x as u8 * 10)));
    println!("reduce: {:?}", v.iter().copied().reduce(|a, b| a.max(b) - 1));
    println!("zip: {:?}", v.iter().zip(v.iter().skip(1)).map(|(a, b)| a * b).take(6).collect::<Vec<_>>());
    println!("unzip: {:?}", v.iter().map(|&x| (x, x % 4)).take(5).unzip::<u32, u32, Vec<_>, Vec<_>>());
    println!("chain: {:?}", (1..4).chain(10..13).chain(std::iter::once(99)).collect::<Vec<_>>());
    println!("flat_map: {:?}", (1..5).flat_map(|i| (0..i).map(move |j| i * 10 + j)).collect::<Vec<_>>());
    println!("flatten: {:?}", vec![vec![1, 2], vec![], vec![3]].into_iter().flatten().collect::<Vec<_>>());
    println!("flatten opts: {:?}", [Some(1), None, Some(3)].iter().flatten().sum::<i32>());
    println!("scan: {:?}", v.iter().scan(0, |s, &x| { *s += x; if *s > 100 { None } else { Some(*s) } }).collect::<Vec<_>>());
    println!("take_while: {:?}", v.iter().take_while(|&&x| x * x < 50).collect::<Vec<_>>());
    println!("skip_while: {:?}", v.iter().skip_while(|&&x| x < 15).collect::<Vec<_>>());
    println!("map_while: {:?}", [4, 8, 3, 12].iter().map_while(|&x| if x % 2 == 0 { Some(x / 2) } else { None }).collect::<Vec<_>>());
    println!("skip/take: {:?}", v.iter().skip(5).take(4).collect::<Vec<_>>());
    println!("step_by: {:?}", (0..50).step_by(7).collect::<Vec<_>>());
    println!("rev step: {:?}", (0..=30).rev().step_by(4).collect::<Vec<_>>());
    println!("rev: {:?}", v.iter().rev().take(3).collect::<Vec<_>>());
    println!("enumerate: {:?}", "abc".chars().enumerate().collect::<Vec<_>>());
    println!("cycle: {:?}", [1, 2, 3].iter().cycle().take(8).collect::<Vec<_>>());
    println!("inspect/count: {}", v.iter().inspect(|x| if **x == 10 { print!("(saw 10) ") }).count());
    println!("last {:?} nth(3) {:?} nth_back {:?}", v.iter().last(), v.iter().nth(3), v.iter().nth_back(2));
    println!("position {:?} rposition {:?}", v.iter().position(|&x| x > 7), v.iter().rposition(|&x| x % 6 == 0));
    println!("find {:?} find_map {:?}", v.iter().find(|&&x| x % 7 == 0), v.iter().find_map(|&x| if x > 17 { Some(x * 100) } else { None }));
    println!("any {} all {}", v.iter().any(|&x| x == 13), v.iter().all(|&x| x < 20));
    println!("sum {} product {}", v.iter().sum::<u32>(), v.iter().take(10).map(|&x| x as u64).product::<u64>());
    println!("min {:?} max {:?}", v.iter().min(), v.iter().max());
    let words = ["pear", "fig", "banana", "kiwi", "apple", "plum"];
    println!("min_by_key {:?} max_by_key {:?}", words.iter().min_by_key(|w| w.len()), words.iter().max_by_key(|w| w.len()));
    println!("max_by_key tie -> last: {:?}", words.iter().max_by_key(|w| w.len() == 4));
    println!("min_by_key tie -> first: {:?}", words.iter().min_by_key(|w| w.len() == 4));
    println!("max_by {:?}", [1.5f64, -2.0, 9.25, 3.0].iter().max_by(|a, b| a.total_cmp(b)));
    let mut pk = [1, 1, 2, 3, 3, 3, 4, 1, 1].into_iter().peekable();
    let mut runs = vec![];
    while let Some(x) = pk.next() {
        let mut len = 1;
        while pk.next_if_eq(&x).is_some() {
            len += 1;
        }
        runs.push((x, len));
    }
    println!("runs: {:?}", runs);
    let mut p2 = (1..10).peekable();
    let pk1 = p2.peek().copied();
    println!("peek {:?} {:?}", pk1, p2.peek());
    let small: Vec<_> = std::iter::from_fn(|| p2.next_if(|&x| x < 5)).collect();
    println!("next_if: {:?} then {:?}", small, p2.next());
    println!("windows: {:?}", v.windows(4).map(|w| w.iter().sum::<u32>()).step_by(3).collect::<Vec<_>>());
    println!("partition: {:?}", v.iter().partition::<Vec<u32>, _>(|&&x| x % 2 == 0));
    println!("cmp: {:?} eq {} lt {}", [1, 2, 3].iter().cmp([1, 2, 4].iter()), (1..4).eq([1, 2, 3]), (1..3).lt(1..4));
    println!("successors: {:?}", std::iter::successors(Some(1u64), |&x| if x < 1000 { Some(x * 3 + 1) } else { None }).collect::<Vec<_>>());
    println!("repeat_n: {:?}", std::iter::repeat("ab").take(3).collect::<String>());
    println!("from_fn fib: {:?}", {
        let mut st = (0u64, 1u64);
        std::iter::from_fn(move || {
            let r = st.0;
            st = (st.1, st.0 + st.1);
            Some(r)
        })
        .take(15)
        .collect::<Vec<_>>()
    });
    println!("is_sorted {} {}", v.is_sorted(), [3, 1].is_sorted());
    println!("dedup via fold: {:?}", [1, 1, 2, 1].iter().fold(Vec::new(), |mut acc: Vec<i32>, &x| { if acc.last() != Some(&x) { acc.push(x); } acc }));
    println!("sum f64: {}", (1..=100).map(|i| 1.0 / (i as f64 * i as f64)).sum::<f64>());
    println!("max f32 via fold: {}", [0.5f32, 7.25, -3.0].iter().fold(f32::MIN, |a, &b| a.max(b)));
    println!("chars rev collect: {}", "stressed".chars().rev().collect::<String>());
    println!("zip3: {:?}", (0..3).zip("xyz".chars()).zip([true, false, true]).collect::<Vec<_>>());
}
