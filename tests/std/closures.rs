// Tests closures: FnMut counters, move closures, boxed closures returned from functions, captures by ref/mut/move, closure composition, recursion via fn pointers.
fn make_counter(start: i32, step: i32) -> impl FnMut() -> i32 {
    let mut cur = start - step;
    move || {
        cur += step;
        cur
    }
}

fn make_op(name: &str) -> Box<dyn Fn(i64, i64) -> i64> {
    match name {
        "add" => Box::new(|a, b| a + b),
        "mul" => Box::new(|a, b| a * b),
        "pow" => Box::new(|a, b| a.pow(b as u32)),
        other => {
            let n = other.len() as i64;
            Box::new(move |a, b| a * n - b)
        }
    }
}

fn compose<A, B, C>(f: impl Fn(A) -> B, g: impl Fn(B) -> C) -> impl Fn(A) -> C {
    move |x| g(f(x))
}

fn apply_n(f: &dyn Fn(u64) -> u64, n: usize, x: u64) -> u64 {
    (0..n).fold(x, |acc, _| f(acc))
}

fn call_mut_twice<F: FnMut(&str)>(mut f: F) {
    f("first");
    f("second");
}

fn consume<F: FnOnce() -> String>(f: F) -> String {
    f()
}

fn memo_fib() -> impl FnMut(u64) -> u64 {
    let mut cache = std::collections::HashMap::new();
    fn fib(n: u64, cache: &mut std::collections::HashMap<u64, u64>) -> u64 {
        if n < 2 {
            return n;
        }
        if let Some(&v) = cache.get(&n) {
            return v;
        }
        let v = fib(n - 1, cache) + fib(n - 2, cache);
        cache.insert(n, v);
        v
    }
    move |n| fib(n, &mut cache)
}

fn main() {
    let mut c1 = make_counter(10, 3);
    let mut c2 = make_counter(0, -1);
    for _ in 0..4 {
        print!("{} {} | ", c1(), c2());
    }
    println!();
    for name in ["add", "mul", "pow", "other"] {
        let f = make_op(name);
        println!("{}(7,3)={}", name, f(7, 3));
    }
    let ops: Vec<Box<dyn Fn(i64, i64) -> i64>> = ["add", "mul", "x"].iter().map(|n| make_op(n)).collect();
    println!("fold ops: {}", ops.iter().fold(1, |acc, f| f(acc, 4)));

    let factor = 3;
    let by_ref = |x: i32| x * factor; // captures factor by ref
    let mut log = Vec::new();
    let mut by_mut = |s: &str| log.push(s.to_uppercase()); // captures log by mut ref
    by_mut("a");
    by_mut("b");
    call_mut_twice(&mut by_mut);
    println!("by_ref {} log {:?}", by_ref(14), log);
    let owned = String::from("moved string");
    let mv = move || owned.len();
    println!("move closure len {}", mv());
    let s = String::from("once");
    println!("FnOnce: {}", consume(move || s + " consumed"));

    let inc_then_double = compose(|x: i32| x + 1, |x: i32| x * 2);
    let to_str = compose(inc_then_double, |x: i32| format!("<{}>", x));
    println!("compose {}", to_str(5));
    println!("apply_n {}", apply_n(&|x| x * 3 + 1, 5, 1));
    let mut total = 0;
    (1..=10).for_each(|x| total += x * x);
    println!("for_each total {}", total);
    let mut fib = memo_fib();
    println!("fib(90)={} fib(50)={}", fib(90), fib(50));
    let adders: Vec<Box<dyn Fn(i32) -> i32>> = (1..=4).map(|n| Box::new(move |x| x + n * 10) as Box<dyn Fn(i32) -> i32>).collect();
    println!("adders {:?}", adders.iter().map(|f| f(1)).collect::<Vec<_>>());
    let fp: fn(i32) -> i32 = |x| x - 1;
    let fps: [fn(f64) -> f64; 3] = [f64::sqrt, f64::abs, |x| x * 0.5];
    println!("fn ptr {} {:?}", fp(0), fps.iter().map(|f| f(-16f64.abs())).collect::<Vec<_>>());
    let mut state = vec![1u32];
    let mut grow = || {
        let n = state.len() as u32;
        state.push(n * n + state[state.len() - 1]);
        state.len()
    };
    grow();
    grow();
    let l = grow();
    println!("grow len {} state {:?}", l, state);
    let mut sorter = vec!["bb", "a", "ccc", "dd"];
    let mut comparisons = 0;
    sorter.sort_by(|a, b| {
        comparisons += 1;
        a.len().cmp(&b.len()).then(a.cmp(b))
    });
    println!("sorted {:?} comparisons>0 {}", sorter, comparisons > 0);
    let thresholds = [10, 20, 30];
    let classify = |v: i32| thresholds.iter().position(|&t| v < t).unwrap_or(thresholds.len());
    println!("classify {:?}", [5, 15, 25, 35, 10].map(classify));
}
