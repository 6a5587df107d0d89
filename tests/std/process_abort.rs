// Tests std::process::abort(): process killed by SIGABRT after flushing output.
use std::io::Write;

fn main() {
    let v: Vec<i32> = (1..=5).map(|x| x * x).collect();
    println!("squares {:?}", v);
    println!("calling abort");
    std::io::stdout().flush().unwrap();
    if std::hint::black_box(v.len()) == 5 {
        std::process::abort();
    }
    println!("unreachable");
}
