//! Builds with `serde`, the `serde_derive` proc macro and `serde_json`.

use serde_derive::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct Point {
    name: String,
    x: i64,
    y: Option<f64>,
    tags: Vec<String>,
}

fn main() {
    let p = Point {
        name: "origin".to_owned(),
        x: 0,
        y: Some(1.5),
        tags: vec!["a".to_owned(), "b".to_owned()],
    };
    let text = serde_json::to_string(&p).expect("serializes");
    let back: Point = serde_json::from_str(&text).expect("deserializes");
    assert_eq!(p, back);
    println!("{text}");
}
