// Tests {:?} and {:#?} of nested structs, enums, tuples, Options, collections, and custom Debug impls.
#![allow(dead_code)]
use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
enum Shape {
    Circle { r: f64 },
    Rect(u32, u32),
    Empty,
    Poly(Vec<(i32, i32)>),
}

#[derive(Debug)]
struct Layer {
    name: String,
    visible: bool,
    shapes: Vec<Shape>,
    meta: Option<BTreeMap<&'static str, i64>>,
    tag: Tag,
}

#[derive(Debug)]
struct Tag(char, &'static str);

#[derive(Debug)]
struct Unit;

struct Secret(u32);
impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("Secret").field("len", &self.0).finish_non_exhaustive()
    }
}

struct Pairs(Vec<(u8, u8)>);
impl fmt::Debug for Pairs {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_map().entries(self.0.iter().map(|(a, b)| (a, b))).finish()
    }
}

struct L(Vec<i32>);
impl fmt::Debug for L {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_list().entries(self.0.iter().filter(|x| **x > 0)).finish()?;
        f.debug_tuple("T").field(&self.0.len()).finish()
    }
}

fn main() {
    let mut meta = BTreeMap::new();
    meta.insert("z", -1);
    meta.insert("a", 100);
    let layer = Layer {
        name: "base \"layer\"\n".to_string(),
        visible: true,
        shapes: vec![
            Shape::Circle { r: 1.5 },
            Shape::Rect(3, 4),
            Shape::Empty,
            Shape::Poly(vec![(0, 0), (1, -1)]),
        ],
        meta: Some(meta),
        tag: Tag('\'', "t\tab"),
    };
    println!("{:?}", layer);
    println!("{:#?}", layer);
    let l2 = Layer { name: String::new(), visible: false, shapes: vec![], meta: None, tag: Tag('\u{7f}', "") };
    println!("{:?}", l2);
    println!("{:#?}", (1, "two", [3.0, 4.5], Unit, ()));
    println!("{:?} {:?}", Secret(5), Pairs(vec![(1, 2), (3, 4)]));
    println!("{:#?}", Pairs(vec![(9, 8)]));
    println!("{:?}", L(vec![-1, 2, -3, 4]));
    let nested: Option<Result<Vec<Option<&str>>, String>> = Some(Ok(vec![Some("a"), None]));
    println!("{:?}", nested);
    println!("{:#?}", nested);
    let e: Result<(), Box<Shape>> = Err(Box::new(Shape::Rect(0, 1)));
    println!("{:?}", e);
    println!("{:>20?}|{:<10?}|", Some(1), Shape::Empty);
    println!("{:?}", ["a\u{301}", "\u{0}", "\\", "\r\n", "日本"]);
    println!("{:?}", 'a'..='e');
    println!("{:?} {:?}", (1..4), (..=7));
    println!("{:?}", std::cmp::Ordering::Less);
    println!("{:?}", Box::new([Some(Unit), None]));
    println!("{:?}", std::rc::Rc::new(std::cell::RefCell::new(vec![1u8])));
    println!("{:?}", std::cell::Cell::new(3));
    println!("{:?}", String::from("x").as_bytes());
    println!("{:?} {:?}", 1.0f64, 0.1f32);
    println!("{:#?}", Shape::Circle { r: -0.0 });
}
