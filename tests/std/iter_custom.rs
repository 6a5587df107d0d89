// Tests custom Iterator impls: DoubleEndedIterator, ExactSizeIterator, size_hint, IntoIterator for a custom collection, generic iterator fns.
struct Fib {
    a: u64,
    b: u64,
}
impl Iterator for Fib {
    type Item = u64;
    fn next(&mut self) -> Option<u64> {
        let r = self.a;
        let next = self.a.checked_add(self.b)?;
        self.a = self.b;
        self.b = next;
        Some(r)
    }
}

struct Countdown {
    lo: i32,
    hi: i32,
}
impl Iterator for Countdown {
    type Item = i32;
    fn next(&mut self) -> Option<i32> {
        if self.lo >= self.hi {
            None
        } else {
            self.hi -= 1;
            Some(self.hi)
        }
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = (self.hi - self.lo).max(0) as usize;
        (n, Some(n))
    }
}
impl DoubleEndedIterator for Countdown {
    fn next_back(&mut self) -> Option<i32> {
        if self.lo >= self.hi {
            None
        } else {
            self.lo += 1;
            Some(self.lo - 1)
        }
    }
}
impl ExactSizeIterator for Countdown {}

struct Grid {
    w: usize,
    cells: Vec<char>,
}
struct GridRows<'a> {
    g: &'a Grid,
    row: usize,
}
impl<'a> Iterator for GridRows<'a> {
    type Item = &'a [char];
    fn next(&mut self) -> Option<&'a [char]> {
        let start = self.row * self.g.w;
        if start >= self.g.cells.len() {
            return None;
        }
        self.row += 1;
        Some(&self.g.cells[start..start + self.g.w])
    }
}
impl<'a> IntoIterator for &'a Grid {
    type Item = &'a [char];
    type IntoIter = GridRows<'a>;
    fn into_iter(self) -> GridRows<'a> {
        GridRows { g: self, row: 0 }
    }
}

struct Collatz(u64);
impl Iterator for Collatz {
    type Item = u64;
    fn next(&mut self) -> Option<u64> {
        if self.0 == 0 {
            return None;
        }
        let cur = self.0;
        self.0 = if cur == 1 { 0 } else if cur % 2 == 0 { cur / 2 } else { 3 * cur + 1 };
        Some(cur)
    }
}

fn stats<I: IntoIterator<Item = f64>>(it: I) -> (usize, f64, f64) {
    let mut n = 0;
    let mut sum = 0.0;
    let mut sq = 0.0;
    for x in it {
        n += 1;
        sum += x;
        sq += x * x;
    }
    let mean = sum / n as f64;
    (n, mean, (sq / n as f64 - mean * mean).sqrt())
}

fn pairs<T: Clone, I: Iterator<Item = T> + Clone>(it: I) -> impl Iterator<Item = (T, T)> {
    let it2 = it.clone();
    it.enumerate().flat_map(move |(i, a)| it2.clone().skip(i + 1).map(move |b| (a.clone(), b)))
}

fn main() {
    let f: Vec<u64> = Fib { a: 0, b: 1 }.collect();
    println!("fib count until overflow: {} last {:?}", f.len(), f.last());
    println!("first 12: {:?}", &f[..12]);
    println!("even fib sum < 4M: {}", Fib { a: 1, b: 2 }.take_while(|&x| x < 4_000_000).filter(|x| x % 2 == 0).sum::<u64>());
    let c = Countdown { lo: 3, hi: 10 };
    println!("len {} size_hint {:?}", c.len(), c.size_hint());
    println!("forward {:?}", Countdown { lo: 3, hi: 10 }.collect::<Vec<_>>());
    println!("rev {:?}", Countdown { lo: 3, hi: 10 }.rev().collect::<Vec<_>>());
    let mut m = Countdown { lo: 0, hi: 6 };
    println!("mixed: {:?} {:?} {:?} {:?} len={}", m.next(), m.next_back(), m.next(), m.next_back(), m.len());
    println!("rest {:?}", m.collect::<Vec<_>>());
    let g = Grid { w: 4, cells: "abcdefghijkl".chars().collect() };
    for (i, row) in (&g).into_iter().enumerate() {
        println!("row {}: {:?}", i, row.iter().collect::<String>());
    }
    let cols: Vec<String> = (0..g.w).map(|c| g.into_iter().map(|r| r[c]).collect()).collect();
    println!("cols {:?}", cols);
    for start in [1u64, 6, 7, 27] {
        let seq: Vec<u64> = Collatz(start).collect();
        println!("collatz {}: steps {} max {} tail {:?}", start, seq.len(), seq.iter().max().unwrap(), &seq[seq.len().saturating_sub(5)..]);
    }
    let (n, mean, sd) = stats((1..=10).map(|x| x as f64));
    println!("stats n={} mean={} sd={:.6}", n, mean, sd);
    let (n, mean, sd) = stats(vec![2.5, 2.5, 2.5]);
    println!("stats n={} mean={} sd={}", n, mean, sd);
    println!("pairs: {:?}", pairs([1, 2, 3, 4].iter()).collect::<Vec<_>>());
    let boxed: Box<dyn Iterator<Item = u32>> = if f.len() > 5 { Box::new((0..5).map(|x| x * 2)) } else { Box::new(std::iter::empty()) };
    println!("boxed dyn iter: {:?}", boxed.collect::<Vec<_>>());
    let mut by_ref_it = 1..=10;
    let first3: Vec<_> = by_ref_it.by_ref().take(3).collect();
    println!("by_ref: {:?} then {:?}", first3, by_ref_it.collect::<Vec<_>>());
}
