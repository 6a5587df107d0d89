//! Builds with `clap` and its derive proc macro.

use clap::Parser;

/// A benchmark program.
#[derive(Debug, Parser)]
struct Args {
    /// Name to greet.
    #[arg(long, default_value = "world")]
    name: String,
    /// Times to greet.
    #[arg(short, long, default_value_t = 1)]
    count: u8,
}

fn main() {
    let args = Args::parse();
    for _ in 0..args.count {
        println!("Hello, {}!", args.name);
    }
}
