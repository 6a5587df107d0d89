// Tests main returning Result<(), String>: an Err makes the process exit with code 1 (the Debug of the error goes to stderr).
fn parse_all(items: &[&str]) -> Result<Vec<i32>, String> {
    items.iter().map(|s| s.parse::<i32>().map_err(|e| format!("bad item {:?}: {}", s, e))).collect()
}

fn main() -> Result<(), String> {
    let good = parse_all(&["1", "2", "3"])?;
    println!("good: {:?} sum {}", good, good.iter().sum::<i32>());
    let attempt = parse_all(&["4", "five", "6"]);
    println!("attempt is_err: {}", attempt.is_err());
    let val = parse_all(&["7", "8"])?;
    println!("second good: {:?}", val);
    println!("now propagating an error with ?");
    let _ = parse_all(&["9", "x10"])?;
    println!("unreachable");
    Ok(())
}
