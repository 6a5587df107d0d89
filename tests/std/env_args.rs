//@ args: alpha --beta=2 γδ 42 -x -17
// Tests std::env::args/args_os: count, each argument, simple flag parsing (args passed via the harness directive).
use std::collections::BTreeMap;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    println!("argc (excluding program) = {}", args.len() - 1);
    println!("program name non-empty: {}", !args[0].is_empty());
    for (i, a) in args.iter().enumerate().skip(1) {
        println!("arg[{}] = {:?} (len {}, chars {})", i, a, a.len(), a.chars().count());
    }
    let mut flags = BTreeMap::new();
    let mut positional = Vec::new();
    for a in args.iter().skip(1) {
        if let Some(rest) = a.strip_prefix("--") {
            match rest.split_once('=') {
                Some((k, v)) => flags.insert(k.to_string(), v.to_string()),
                None => flags.insert(rest.to_string(), "true".to_string()),
            };
        } else if let (Some(rest), Err(_)) = (a.strip_prefix('-'), a.parse::<i64>()) {
            for c in rest.chars() {
                flags.insert(c.to_string(), "true".to_string());
            }
        } else {
            positional.push(a.clone());
        }
    }
    println!("flags: {:?}", flags);
    println!("positional: {:?}", positional);
    let nums: i64 = positional.iter().filter_map(|p| p.parse::<i64>().ok()).sum();
    println!("sum of numeric args: {}", nums);
    let os: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    println!("args_os count {} all utf8 {}", os.len(), os.iter().all(|o| o.to_str().is_some()));
    let mut it = std::env::args();
    println!("size_hint lower {} ", it.size_hint().0);
    it.next();
    println!("next after program: {:?}", it.next());
    println!("last: {:?}", std::env::args().last());
}
