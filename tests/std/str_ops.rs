// Tests string operations: split variants, trim, replace, find/rfind, matches, strip, repeat, join, sorting strings.
fn main() {
    let s = "  alpha, beta,,gamma ; delta,epsilon  ";
    println!("trim={:?} trim_start={:?} trim_end={:?}", s.trim(), s.trim_start(), s.trim_end());
    println!("split(','): {:?}", s.split(',').collect::<Vec<_>>());
    println!("split(&[',',';']): {:?}", s.split(&[',', ';'][..]).map(str::trim).filter(|x| !x.is_empty()).collect::<Vec<_>>());
    println!("splitn(3): {:?}", s.splitn(3, ',').collect::<Vec<_>>());
    println!("rsplitn(2): {:?}", s.rsplitn(2, ',').collect::<Vec<_>>());
    println!("split_terminator: {:?}", "a;b;c;".split_terminator(';').collect::<Vec<_>>());
    println!("split_whitespace: {:?}", s.split_whitespace().collect::<Vec<_>>());
    println!("split_once: {:?} {:?}", "key=value=x".split_once('='), "nokey".split_once('='));
    println!("rsplit_once: {:?}", "a.b.c".rsplit_once('.'));
    println!("split_inclusive: {:?}", "l1\nl2\nl3".split_inclusive('\n').collect::<Vec<_>>());
    println!("lines: {:?}", "x\r\ny\n\nz".lines().collect::<Vec<_>>());
    println!("split closure: {:?}", "a1b22c333d".split(|c: char| c.is_ascii_digit()).collect::<Vec<_>>());
    println!("split str: {:?}", "one<>two<>three".split("<>").collect::<Vec<_>>());
    let t = "the cat sat on the mat with the hat";
    println!("find the={:?} rfind the={:?} find zzz={:?}", t.find("the"), t.rfind("the"), t.find("zzz"));
    println!("find char fn={:?}", t.find(|c: char| c == 'w'));
    println!("matches at: {:?}", t.match_indices("at").collect::<Vec<_>>());
    println!("count 'the' = {}", t.matches("the").count());
    println!("replace: {}", t.replace("the", "THE"));
    println!("replacen: {}", t.replacen("at", "@", 2));
    println!("replace char: {}", t.replace(' ', "_"));
    println!("starts {} ends {} contains {}", t.starts_with("the"), t.ends_with("hat"), t.contains("on the"));
    println!("strip_prefix {:?} strip_suffix {:?}", t.strip_prefix("the "), t.strip_suffix("cat"));
    println!("trim_matches: {:?}", "xxhixyx".trim_matches('x'));
    println!("trim_start_matches: {:?}", "000123".trim_start_matches('0'));
    println!("trim_end_matches: {:?}", "1.2500".trim_end_matches('0'));
    println!("repeat: {}", "ab".repeat(5));
    let words: Vec<&str> = t.split(' ').collect();
    println!("join: {}", words.join("+"));
    println!("concat: {}", ["a", "b", "c"].concat());
    let mut sorted = words.clone();
    sorted.sort();
    sorted.dedup();
    println!("sorted unique: {:?}", sorted);
    let mut names = vec!["bob", "Alice", "carol", "Dave", "eve", "alice", "Émile", "zoë", "Zed"];
    names.sort();
    println!("byte order: {:?}", names);
    names.sort_by_key(|n| n.to_lowercase());
    println!("case-insensitive: {:?}", names);
    names.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    println!("by len desc: {:?}", names);
    println!("cmp: {:?} {:?} {:?}", "abc".cmp("abd"), "b".cmp("abc"), "".cmp(""));
    let mut st = String::with_capacity(8);
    for (i, w) in ["x", "yy", "zzz"].iter().enumerate() {
        st.push_str(w);
        st.push(char::from(b'0' + i as u8));
    }
    println!("built: {} len {}", st, st.len());
    st.truncate(4);
    println!("truncate: {}", st);
    st.retain(|c| c != 'y');
    println!("retain: {}", st);
    let dr: String = st.drain(..2).collect();
    println!("drain: {} rest {}", dr, st);
    st.push_str("abc");
    st.replace_range(0..1, "REPL");
    println!("replace_range: {}", st);
    st.clear();
    println!("cleared empty={}", st.is_empty());
    let csv = "name,age,city\nann,31,Oslo\nbo,27,Rome\ncy,45,Lima";
    let mut rows: Vec<Vec<&str>> = csv.lines().skip(1).map(|l| l.split(',').collect()).collect();
    rows.sort_by_key(|r| r[1].parse::<u32>().unwrap());
    for r in &rows {
        println!("{:<4}{:>4} {}", r[0], r[1], r[2]);
    }
    let bytes = "Hello".bytes().map(|b| b.wrapping_add(1)).collect::<Vec<u8>>();
    println!("shifted: {}", String::from_utf8(bytes).unwrap());
    println!("char_at: {:?} {:?}", "hello".chars().nth(1), "hello".chars().last());
    let rev_words: Vec<String> = t.split(' ').map(|w| w.chars().rev().collect()).collect();
    println!("{}", rev_words.join(" "));
    println!("{:?}", "a-b_c d".split(['-', '_', ' ']).collect::<Vec<_>>());
    println!("{:?}", "Mary had a little lamb".char_indices().filter(|(_, c)| c.is_uppercase()).collect::<Vec<_>>());
}
