// Tests trait objects: Vec<Box<dyn Trait>>, default methods, supertraits, &dyn, Rc<dyn>, dyn with generics methods via vtables.
use std::fmt;
use std::rc::Rc;

trait Shape: fmt::Debug {
    fn area(&self) -> f64;
    fn perimeter(&self) -> f64;
    fn name(&self) -> String {
        "shape".to_string()
    }
    fn describe(&self) -> String {
        format!("{} area={:.3} perim={:.3}", self.name(), self.area(), self.perimeter())
    }
    fn scale(&mut self, k: f64);
}

#[derive(Debug)]
struct Circle(f64);
#[derive(Debug)]
struct Rect {
    w: f64,
    h: f64,
}
#[derive(Debug)]
struct Tri([f64; 3]);

impl Shape for Circle {
    fn area(&self) -> f64 {
        std::f64::consts::PI * self.0 * self.0
    }
    fn perimeter(&self) -> f64 {
        2.0 * std::f64::consts::PI * self.0
    }
    fn name(&self) -> String {
        format!("circle(r={})", self.0)
    }
    fn scale(&mut self, k: f64) {
        self.0 *= k;
    }
}
impl Shape for Rect {
    fn area(&self) -> f64 {
        self.w * self.h
    }
    fn perimeter(&self) -> f64 {
        2.0 * (self.w + self.h)
    }
    fn scale(&mut self, k: f64) {
        self.w *= k;
        self.h *= k;
    }
}
impl Shape for Tri {
    fn area(&self) -> f64 {
        let [a, b, c] = self.0;
        let s = (a + b + c) / 2.0;
        (s * (s - a) * (s - b) * (s - c)).sqrt()
    }
    fn perimeter(&self) -> f64 {
        self.0.iter().sum()
    }
    fn name(&self) -> String {
        "triangle".into()
    }
    fn scale(&mut self, k: f64) {
        for s in self.0.iter_mut() {
            *s *= k;
        }
    }
}

trait Animal {
    fn speak(&self) -> &'static str;
    fn legs(&self) -> u32 {
        4
    }
}
struct Dog;
struct Bird;
impl Animal for Dog {
    fn speak(&self) -> &'static str {
        "woof"
    }
}
impl Animal for Bird {
    fn speak(&self) -> &'static str {
        "tweet"
    }
    fn legs(&self) -> u32 {
        2
    }
}

fn total_area(shapes: &[Box<dyn Shape>]) -> f64 {
    shapes.iter().map(|s| s.area()).sum()
}

fn loudest(a: &dyn Animal, times: usize) -> String {
    vec![a.speak(); times].join("-")
}

trait Visitor {
    fn visit(&mut self, n: i64);
}
struct SumV(i64);
struct MaxV(Option<i64>);
impl Visitor for SumV {
    fn visit(&mut self, n: i64) {
        self.0 += n;
    }
}
impl Visitor for MaxV {
    fn visit(&mut self, n: i64) {
        self.0 = Some(self.0.map_or(n, |m| m.max(n)));
    }
}
fn walk(data: &[i64], vs: &mut [&mut dyn Visitor]) {
    for &d in data {
        for v in vs.iter_mut() {
            v.visit(d);
        }
    }
}

fn main() {
    let mut shapes: Vec<Box<dyn Shape>> = vec![
        Box::new(Circle(1.0)),
        Box::new(Rect { w: 3.0, h: 4.5 }),
        Box::new(Tri([3.0, 4.0, 5.0])),
        Box::new(Circle(0.25)),
    ];
    for s in &shapes {
        println!("{}", s.describe());
    }
    println!("total area {:.6}", total_area(&shapes));
    for s in shapes.iter_mut() {
        s.scale(2.0);
    }
    shapes.sort_by(|a, b| a.area().partial_cmp(&b.area()).unwrap());
    for s in &shapes {
        println!("{:?} -> {:.4}", s, s.area());
    }
    println!("total area scaled {:.6}", total_area(&shapes));
    let animals: Vec<Rc<dyn Animal>> = vec![Rc::new(Dog), Rc::new(Bird), Rc::new(Dog)];
    let shared = Rc::clone(&animals[1]);
    for a in &animals {
        println!("{} legs={} x3={}", a.speak(), a.legs(), loudest(a.as_ref(), 3));
    }
    println!("total legs {} rc count {}", animals.iter().map(|a| a.legs()).sum::<u32>(), Rc::strong_count(&shared));
    let mut s = SumV(0);
    let mut m = MaxV(None);
    walk(&[3, -7, 12, 5, 0, 9], &mut [&mut s, &mut m]);
    println!("sum {} max {:?}", s.0, m.0);
    let fs: Vec<(&str, Box<dyn Fn(f64) -> f64>)> = vec![
        ("sq", Box::new(|x| x * x)),
        ("half", Box::new(|x| x / 2.0)),
        ("neg", Box::new(|x: f64| -x)),
    ];
    let mut x = 3.0;
    for (n, f) in &fs {
        x = f(x);
        println!("{} -> {}", n, x);
    }
    let d: &dyn fmt::Display = &42;
    let d2: Box<dyn fmt::Display> = Box::new("text");
    println!("[{:>5}] [{:<6}]", d, d2);
    println!("size_of &dyn = 2 words: {}", std::mem::size_of::<&dyn Shape>() == 2 * std::mem::size_of::<usize>());
}
