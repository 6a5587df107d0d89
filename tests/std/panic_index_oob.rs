// Tests a panic from an out-of-bounds index (panic=abort -> SIGABRT) after printing and flushing output.
use std::hint::black_box;
use std::io::Write;

fn main() {
    let v: Vec<u32> = (0..10).map(|x| x * 3).collect();
    let mut sum = 0;
    for i in 0..v.len() {
        sum += v[i];
        println!("v[{}] = {} running sum {}", i, v[i], sum);
    }
    let idx = black_box(v.len() + 2);
    println!("about to index {} of {}", idx, v.len());
    std::io::stdout().flush().unwrap();
    let x = v[idx];
    println!("unreachable {}", x);
}
