//! Builds with `syn` (feature `full`, with proc-macro2 and quote).

fn main() {
    let file: syn::File = syn::parse_str("fn add(a: u32, b: u32) -> u32 { a + b }\nstruct S;")
        .expect("parses");
    println!("{} items", file.items.len());
}
