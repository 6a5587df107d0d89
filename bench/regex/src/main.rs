//! Builds with `regex` (and its regex-automata, regex-syntax, aho-corasick
//! and memchr dependencies).

fn main() {
    let re = regex::Regex::new(r"(\w+)@(\w+)\.com").expect("valid regex");
    for caps in re.captures_iter("alice@example.com, bob@test.com") {
        println!("{} at {}", &caps[1], &caps[2]);
    }
}
