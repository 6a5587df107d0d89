//! Builds with `rand` (rand_core, rand_chacha, getrandom).

use rand::{Rng, SeedableRng};

fn main() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(42);
    let sum: u64 = (0..100).map(|_| rng.random_range(0..1000u64)).sum();
    println!("{sum}");
}
