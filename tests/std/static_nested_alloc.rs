// Statics whose initializers create allocations that are not promoted
// constants: const evaluation interns those as nested statics
// (`S::{nested#0}`), which have no HIR type (chrono's `T_FMT_AMPM` is one).
#[derive(Debug)]
enum Item {
    Number(u32),
    Text(&'static str),
    #[allow(dead_code)]
    Owned(Box<str>), // not promotable: Item needs drop glue
}

static ITEMS: &[Item] = &[Item::Number(7), Item::Text("pm"), Item::Number(12)];
static NESTED: &[&[Item]] = &[&[Item::Text("a")], &[Item::Number(1), Item::Number(2)]];

// A `static mut` may hold `&mut` to a lifetime-extended array: its nested
// static must be writable.
static mut SCRATCH: &mut [u32] = &mut [1, 2, 3];

fn main() {
    println!("{ITEMS:?}");
    for (i, inner) in NESTED.iter().enumerate() {
        println!("{i}: {inner:?}");
    }
    // SAFETY: single-threaded; no other reference to SCRATCH exists.
    let scratch = unsafe { &mut *(&raw mut SCRATCH) };
    for x in scratch.iter_mut() {
        *x *= 10;
    }
    println!("scratch {scratch:?}");
}
