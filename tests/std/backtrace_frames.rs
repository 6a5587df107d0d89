// Tests that a captured backtrace walks through this program's own frames (the unwind tables the backend writes, as linked by the toolchain's linker) up to `main`, in order.
use std::backtrace::Backtrace;

#[inline(never)]
fn level(depth: u32) -> String {
    if depth == 0 {
        Backtrace::force_capture().to_string()
    } else {
        let trace = level(std::hint::black_box(depth - 1));
        std::hint::black_box(trace)
    }
}

#[inline(never)]
fn start() -> String {
    level(std::hint::black_box(3))
}

fn main() {
    let trace = start();
    // Frame lines look like `  12: crate::path::name`; keep this crate's.
    let frames: Vec<&str> = trace
        .lines()
        .filter_map(|line| line.trim_start().split_once(": "))
        .filter(|(index, _)| index.bytes().all(|b| b.is_ascii_digit()))
        .map(|(_, name)| name)
        .filter(|name| name.starts_with("backtrace_frames::"))
        .collect();
    for frame in &frames {
        println!("{frame}");
    }
    println!("{} frames of this program", frames.len());
}
