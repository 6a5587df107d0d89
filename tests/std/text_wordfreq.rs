// Tests text processing: word frequency with HashMap then sorted, n-grams, character classes, line wrapping, caesar/rot13, palindromes, anagram groups.
use std::collections::{BTreeMap, HashMap};

const TEXT: &str = "It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife. \
However little known the feelings or views of such a man may be on his first entering a neighbourhood, this truth is so well \
fixed in the minds of the surrounding families, that he is considered the rightful property of some one or other of their daughters. \
\"My dear Mr. Bennet,\" said his lady to him one day, \"have you heard that Netherfield Park is let at last?\"";

fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![];
    let mut cur = String::new();
    for w in text.split_whitespace() {
        if !cur.is_empty() && cur.len() + 1 + w.len() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

fn rot(s: &str, k: u8) -> String {
    s.chars()
        .map(|c| match c {
            'a'..='z' => (((c as u8 - b'a' + k) % 26) + b'a') as char,
            'A'..='Z' => (((c as u8 - b'A' + k) % 26) + b'A') as char,
            _ => c,
        })
        .collect()
}

fn main() {
    let words: Vec<String> = TEXT
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    println!("words {} unique {}", words.len(), words.iter().collect::<std::collections::HashSet<_>>().len());
    let mut freq: HashMap<&str, usize> = HashMap::new();
    for w in &words {
        *freq.entry(w.as_str()).or_default() += 1;
    }
    let mut top: Vec<(&str, usize)> = freq.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    for (w, c) in top.iter().take(10) {
        println!("{:>10} {:2} {}", w, c, "*".repeat(*c));
    }
    let mut bigrams: BTreeMap<(String, String), u32> = BTreeMap::new();
    for w in words.windows(2) {
        *bigrams.entry((w[0].clone(), w[1].clone())).or_default() += 1;
    }
    let repeated: Vec<_> = bigrams.iter().filter(|(_, &c)| c > 1).collect();
    println!("repeated bigrams: {:?}", repeated);
    let mut by_len: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    for w in &words {
        let e = by_len.entry(w.len()).or_default();
        if !e.contains(&w.as_str()) {
            e.push(w);
        }
    }
    for (l, ws) in by_len.iter().rev().take(3) {
        println!("len {}: {:?}", l, ws);
    }
    let letters = TEXT.chars().filter(|c| c.is_alphabetic()).count();
    let upper = TEXT.chars().filter(|c| c.is_uppercase()).count();
    let punct = TEXT.chars().filter(|c| c.is_ascii_punctuation()).count();
    let spaces = TEXT.chars().filter(|c| c.is_whitespace()).count();
    println!("letters {} upper {} punct {} spaces {} total chars {}", letters, upper, punct, spaces, TEXT.chars().count());
    let mut letter_freq = [0u32; 26];
    for c in TEXT.chars().filter(|c| c.is_ascii_alphabetic()) {
        letter_freq[(c.to_ascii_lowercase() as u8 - b'a') as usize] += 1;
    }
    let lf: String = letter_freq.iter().enumerate().map(|(i, n)| format!("{}{} ", (b'a' + i as u8) as char, n)).collect();
    println!("{}", lf.trim_end());
    for line in wrap(TEXT, 38) {
        println!("|{:<38}|", line);
    }
    let sentence = "The Quick Brown Fox, jumps!";
    println!("rot13 {} -> {} -> {}", sentence, rot(sentence, 13), rot(&rot(sentence, 13), 13));
    println!("rot3 {}", rot(sentence, 3));
    for cand in ["racecar", "A man, a plan, a canal: Panama", "hello", "Was it a car or a cat I saw?", ""] {
        let norm: Vec<char> = cand.chars().filter(|c| c.is_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect();
        let pal = norm.iter().eq(norm.iter().rev());
        println!("palindrome {:?}: {}", cand, pal);
    }
    let mut anagrams: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for w in ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"] {
        let mut k: Vec<char> = w.chars().collect();
        k.sort_unstable();
        anagrams.entry(k.into_iter().collect()).or_default().push(w);
    }
    println!("anagram groups {:?}", anagrams.values().filter(|v| v.len() > 1).collect::<Vec<_>>());
    let acronym: String = "portable network graphics".split(' ').filter_map(|w| w.chars().next()).map(|c| c.to_ascii_uppercase()).collect();
    println!("acronym {}", acronym);
    let title: Vec<String> = "the old man and the sea".split(' ').map(|w| {
        let mut c = w.chars();
        match c.next() {
            Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
            None => String::new(),
        }
    }).collect();
    println!("title case {}", title.join(" "));
}
