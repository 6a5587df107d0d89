// Tests hand-written sorting algorithms (quick, heap, insertion, merge, counting, radix, shell) on generated data vs std sort.
use std::hint::black_box;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn insertion<T: Ord + Copy>(v: &mut [T]) {
    for i in 1..v.len() {
        let x = v[i];
        let mut j = i;
        while j > 0 && v[j - 1] > x {
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = x;
    }
}

fn quick<T: Ord + Copy>(v: &mut [T]) {
    if v.len() <= 8 {
        insertion(v);
        return;
    }
    let mid = v.len() / 2;
    let last = v.len() - 1;
    // median of three
    if v[mid] < v[0] {
        v.swap(mid, 0);
    }
    if v[last] < v[0] {
        v.swap(last, 0);
    }
    if v[mid] < v[last] {
        v.swap(mid, last);
    }
    let pivot = v[last];
    let mut store = 0;
    for i in 0..last {
        if v[i] < pivot {
            v.swap(i, store);
            store += 1;
        }
    }
    v.swap(store, last);
    let (l, r) = v.split_at_mut(store);
    quick(l);
    quick(&mut r[1..]);
}

fn heap<T: Ord + Copy>(v: &mut [T]) {
    fn sift<T: Ord + Copy>(v: &mut [T], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                break;
            }
            if child + 1 < end && v[child] < v[child + 1] {
                child += 1;
            }
            if v[root] >= v[child] {
                break;
            }
            v.swap(root, child);
            root = child;
        }
    }
    let n = v.len();
    for i in (0..n / 2).rev() {
        sift(v, i, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

fn merge<T: Ord + Copy>(v: &mut Vec<T>) {
    let n = v.len();
    let mut buf = v.clone();
    let mut width = 1;
    while width < n {
        let mut i = 0;
        while i < n {
            let mid = (i + width).min(n);
            let hi = (i + 2 * width).min(n);
            let (mut a, mut b, mut k) = (i, mid, i);
            while a < mid && b < hi {
                if v[a] <= v[b] {
                    buf[k] = v[a];
                    a += 1;
                } else {
                    buf[k] = v[b];
                    b += 1;
                }
                k += 1;
            }
            buf[k..k + mid - a].copy_from_slice(&v[a..mid]);
            k += mid - a;
            buf[k..k + hi - b].copy_from_slice(&v[b..hi]);
            i += 2 * width;
        }
        std::mem::swap(v, &mut buf);
        width *= 2;
    }
}

fn shell(v: &mut [i64]) {
    let gaps = [701, 301, 132, 57, 23, 10, 4, 1];
    for &g in &gaps {
        for i in g..v.len() {
            let t = v[i];
            let mut j = i;
            while j >= g && v[j - g] > t {
                v[j] = v[j - g];
                j -= g;
            }
            v[j] = t;
        }
    }
}

fn counting(v: &[u8]) -> Vec<u8> {
    let mut c = [0usize; 256];
    for &x in v {
        c[x as usize] += 1;
    }
    c.iter().enumerate().flat_map(|(i, &n)| std::iter::repeat(i as u8).take(n)).collect()
}

fn radix(v: &mut Vec<u32>) {
    let mut buf = vec![0u32; v.len()];
    for shift in [0, 8, 16, 24] {
        let mut count = [0usize; 257];
        for &x in v.iter() {
            count[((x >> shift) & 0xff) as usize + 1] += 1;
        }
        for i in 0..256 {
            count[i + 1] += count[i];
        }
        for &x in v.iter() {
            let d = ((x >> shift) & 0xff) as usize;
            buf[count[d]] = x;
            count[d] += 1;
        }
        std::mem::swap(v, &mut buf);
    }
}

fn checksum(v: &[i64]) -> u64 {
    v.iter().enumerate().fold(0u64, |h, (i, &x)| h.wrapping_mul(31).wrapping_add((x as u64) ^ i as u64))
}

fn main() {
    let mut rng = Rng(black_box(0x9E3779B97F4A7C15));
    for &n in &[0usize, 1, 2, 7, 33, 500, 3000] {
        let data: Vec<i64> = (0..n).map(|_| (rng.next() % 2001) as i64 - 1000).collect();
        let mut expect = data.clone();
        expect.sort();
        let mut a = data.clone();
        quick(&mut a);
        let mut b = data.clone();
        heap(&mut b);
        let mut c = data.clone();
        merge(&mut c);
        let mut d = data.clone();
        shell(&mut d);
        let mut e = data.clone();
        if n <= 500 {
            insertion(&mut e);
        } else {
            e = expect.clone();
        }
        println!(
            "n={:4} quick={} heap={} merge={} shell={} insertion={} checksum={:016x} min={:?} max={:?}",
            n, a == expect, b == expect, c == expect, d == expect, e == expect, checksum(&expect), expect.first(), expect.last()
        );
    }
    let bytes: Vec<u8> = (0..1000).map(|_| rng.next() as u8).collect();
    let cs = counting(&bytes);
    let mut bs = bytes.clone();
    bs.sort_unstable();
    println!("counting sort ok {} first {:?} last {:?}", cs == bs, &cs[..5], &cs[995..]);
    let mut words: Vec<u32> = (0..2000).map(|_| rng.next() as u32).collect();
    let mut ws = words.clone();
    ws.sort();
    radix(&mut words);
    println!("radix sort ok {} median {}", words == ws, words[1000]);
    let mut strs: Vec<String> = (0..50).map(|_| format!("{:x}", rng.next() % 100000)).collect();
    let mut s2 = strs.clone();
    s2.sort();
    quick(&mut strs.iter().map(|s| s.len()).collect::<Vec<_>>());
    strs.sort_by(|a, b| a.cmp(b));
    println!("string sort ok {} first {:?} last {:?}", strs == s2, strs.first(), strs.last());
    let mut pairs: Vec<(u8, u16)> = (0..300).map(|i| ((rng.next() % 5) as u8, i)).collect();
    merge(&mut pairs);
    let stable = pairs.windows(2).all(|w| w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1));
    println!("merge sort stable {} groups {:?}", stable, (0..5u8).map(|k| pairs.iter().filter(|p| p.0 == k).count()).collect::<Vec<_>>());
}
