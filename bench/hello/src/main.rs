//! The smallest benchmark: rustc's fixed cost per crate.

fn main() {
    println!("Hello, world!");
}
