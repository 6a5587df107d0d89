// Tests std::thread::scope: borrowing local data from scoped threads, mutable disjoint chunks, parallel merge sort.
use std::thread;

fn merge_sort(v: &mut [i64], depth: u32) {
    if v.len() <= 1 {
        return;
    }
    let mid = v.len() / 2;
    {
        let (a, b) = v.split_at_mut(mid);
        if depth > 0 {
            thread::scope(|s| {
                s.spawn(|| merge_sort(a, depth - 1));
                s.spawn(|| merge_sort(b, depth - 1));
            });
        } else {
            merge_sort(a, 0);
            merge_sort(b, 0);
        }
    }
    let mut merged = Vec::with_capacity(v.len());
    let (mut i, mut j) = (0, mid);
    while i < mid && j < v.len() {
        if v[i] <= v[j] {
            merged.push(v[i]);
            i += 1;
        } else {
            merged.push(v[j]);
            j += 1;
        }
    }
    merged.extend_from_slice(&v[i..mid]);
    merged.extend_from_slice(&v[j..]);
    v.copy_from_slice(&merged);
}

fn main() {
    let text = String::from("the quick brown fox jumps over the lazy dog and keeps running far away");
    let words: Vec<&str> = text.split(' ').collect();
    let mut lens = vec![0usize; 4];
    thread::scope(|s| {
        for (i, (slot, chunk)) in lens.iter_mut().zip(words.chunks(4)).enumerate() {
            s.spawn(move || {
                *slot = chunk.iter().map(|w| w.len()).sum::<usize>() * 100 + i;
            });
        }
    });
    println!("chunk lens: {:?}", lens);

    let mut data: Vec<u32> = (0..40).collect();
    thread::scope(|s| {
        for (k, chunk) in data.chunks_mut(10).enumerate() {
            s.spawn(move || {
                for x in chunk.iter_mut() {
                    *x = *x * *x + k as u32;
                }
            });
        }
    });
    println!("data: {:?}", data);

    let results: Vec<(usize, usize)> = thread::scope(|s| {
        let hs: Vec<_> = words
            .iter()
            .enumerate()
            .map(|(i, w)| s.spawn(move || (i, w.chars().filter(|c| "aeiou".contains(*c)).count())))
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    println!("vowels per word: {:?}", results);

    let mut x: i64 = 12345;
    let mut v: Vec<i64> = (0..2000)
        .map(|_| {
            x = (x * 1103515245 + 12345) % 2147483648;
            x % 10000 - 5000
        })
        .collect();
    let mut expected = v.clone();
    expected.sort();
    merge_sort(&mut v, 3);
    println!("merge sort ok: {} first {:?} last {:?}", v == expected, &v[..5], &v[v.len() - 5..]);

    let counter = std::sync::atomic::AtomicUsize::new(0);
    let shared = vec![1u64; 1000];
    let total = thread::scope(|s| {
        let h1 = s.spawn(|| {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            shared[..500].iter().sum::<u64>()
        });
        let h2 = s.spawn(|| {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            shared[500..].iter().sum::<u64>()
        });
        h1.join().unwrap() + h2.join().unwrap()
    });
    println!("total {} counter {}", total, counter.into_inner());
    println!("text still usable: {}", text.len());
}
