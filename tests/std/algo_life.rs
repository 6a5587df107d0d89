// Tests Conway's Game of Life on a toroidal grid (Vec<Vec<bool>>, bit-packed u64 rows variant), printing generations and population counts.
const W: usize = 24;
const H: usize = 12;

fn step(g: &[Vec<bool>]) -> Vec<Vec<bool>> {
    let mut n = vec![vec![false; W]; H];
    for y in 0..H {
        for x in 0..W {
            let mut c = 0;
            for dy in [H - 1, 0, 1] {
                for dx in [W - 1, 0, 1] {
                    if dy == 0 && dx == 0 {
                        continue;
                    }
                    if g[(y + dy) % H][(x + dx) % W] {
                        c += 1;
                    }
                }
            }
            n[y][x] = matches!((g[y][x], c), (true, 2) | (_, 3));
        }
    }
    n
}

fn step_bits(g: &[u64]) -> Vec<u64> {
    let mask = (1u64 << W) - 1;
    let rotl = |r: u64| ((r << 1) | (r >> (W - 1))) & mask;
    let rotr = |r: u64| ((r >> 1) | (r << (W - 1))) & mask;
    (0..H)
        .map(|y| {
            let rows = [g[(y + H - 1) % H], g[y], g[(y + 1) % H]];
            let mut out = 0u64;
            for x in 0..W {
                let mut c = 0;
                for (k, &r) in rows.iter().enumerate() {
                    let nb = [rotl(r), r, rotr(r)];
                    for (j, &v) in nb.iter().enumerate() {
                        if k == 1 && j == 1 {
                            continue;
                        }
                        c += (v >> x) & 1;
                    }
                }
                let alive = (g[y] >> x) & 1 == 1;
                if c == 3 || (alive && c == 2) {
                    out |= 1 << x;
                }
            }
            out
        })
        .collect()
}

fn show(g: &[Vec<bool>]) -> String {
    g.iter().map(|r| r.iter().map(|&c| if c { '#' } else { '.' }).collect::<String>()).collect::<Vec<_>>().join("\n")
}

fn to_bits(g: &[Vec<bool>]) -> Vec<u64> {
    g.iter().map(|r| r.iter().enumerate().fold(0u64, |a, (i, &c)| a | ((c as u64) << i))).collect()
}

fn main() {
    let mut g = vec![vec![false; W]; H];
    // glider
    for (x, y) in [(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)] {
        g[y][x] = true;
    }
    // blinker
    for x in 10..13 {
        g[5][x] = true;
    }
    // r-pentomino-ish
    for (x, y) in [(18, 6), (19, 6), (17, 7), (18, 7), (18, 8)] {
        g[y][x] = true;
    }
    let mut b = to_bits(&g);
    let mut history: Vec<u64> = vec![];
    for gen in 0..=30 {
        let pop: usize = g.iter().map(|r| r.iter().filter(|&&c| c).count()).sum();
        let bpop: u32 = b.iter().map(|r| r.count_ones()).sum();
        let hash = b.iter().fold(0xcbf29ce484222325u64, |h, &r| (h ^ r).wrapping_mul(0x100000001b3));
        let repeat = history.iter().position(|&h| h == hash);
        history.push(hash);
        println!("gen {:2} pop {:3} bits-agree {} hash {:016x} repeat {:?}", gen, pop, pop as u32 == bpop && to_bits(&g) == b, hash, repeat);
        if gen % 10 == 0 {
            println!("{}", show(&g));
        }
        g = step(&g);
        b = step_bits(&b);
    }
}
