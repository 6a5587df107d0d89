// Tests debug-mode integer overflow panic (i32::MAX + black_box(1)) under panic=abort, after printing and flushing output.
use std::hint::black_box;
use std::io::Write;

fn main() {
    let mut x: i32 = black_box(i32::MAX - 3);
    for _ in 0..3 {
        x += black_box(1);
        println!("x = {}", x);
    }
    println!("wrapping_add gives {}", x.wrapping_add(black_box(1)));
    println!("checked_add gives {:?}", x.checked_add(black_box(1)));
    println!("now overflowing with +");
    std::io::stdout().flush().unwrap();
    let y = i32::MAX + black_box(1);
    println!("unreachable {}", y);
}
