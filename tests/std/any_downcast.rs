// Tests dyn Any: downcast_ref/downcast_mut/Box::downcast, type_name, TypeId equality, heterogeneous storage.
use std::any::{type_name, Any, TypeId};
use std::collections::BTreeMap;

#[derive(Debug)]
struct Custom {
    id: u32,
}

fn describe(v: &dyn Any) -> String {
    if let Some(i) = v.downcast_ref::<i32>() {
        format!("i32 {}", i)
    } else if let Some(s) = v.downcast_ref::<String>() {
        format!("String {:?}", s)
    } else if let Some(s) = v.downcast_ref::<&str>() {
        format!("&str {:?}", s)
    } else if let Some(c) = v.downcast_ref::<Custom>() {
        format!("Custom {:?}", c)
    } else if let Some(v) = v.downcast_ref::<Vec<f64>>() {
        format!("Vec<f64> len {}", v.len())
    } else {
        "unknown".to_string()
    }
}

fn name_of<T: ?Sized>(_: &T) -> &'static str {
    type_name::<T>()
}

fn main() {
    let items: Vec<Box<dyn Any>> = vec![
        Box::new(5i32),
        Box::new(String::from("owned")),
        Box::new("borrowed"),
        Box::new(Custom { id: 7 }),
        Box::new(vec![1.0f64, 2.0]),
        Box::new(3u8),
        Box::new(()),
    ];
    for (i, it) in items.iter().enumerate() {
        println!("{}: {} is_i32={}", i, describe(it.as_ref()), it.is::<i32>());
    }
    let mut counters: Vec<Box<dyn Any>> = vec![Box::new(0u64), Box::new(String::new()), Box::new(0u64)];
    for round in 0..3 {
        for c in counters.iter_mut() {
            if let Some(n) = c.downcast_mut::<u64>() {
                *n += 10 + round;
            } else if let Some(s) = c.downcast_mut::<String>() {
                s.push_str(&round.to_string());
            }
        }
    }
    for c in &counters {
        println!("counter: {}", describe(c.as_ref()).replace("unknown", &format!("{:?}", c.downcast_ref::<u64>())));
    }
    let b: Box<dyn Any> = Box::new(Custom { id: 99 });
    match b.downcast::<String>() {
        Ok(_) => println!("wrong"),
        Err(orig) => match orig.downcast::<Custom>() {
            Ok(c) => println!("Box::downcast Custom id={}", c.id),
            Err(_) => println!("wrong2"),
        },
    }
    println!("TypeId eq: {} {} {}", TypeId::of::<u32>() == TypeId::of::<u32>(), TypeId::of::<u32>() == TypeId::of::<i32>(), TypeId::of::<&'static str>() == TypeId::of::<&str>());
    println!("type_name: {} | {} | {} | {}", type_name::<i32>(), type_name::<Vec<Option<String>>>(), type_name::<Custom>(), type_name::<[u8; 3]>());
    println!("name_of: {} {} {}", name_of(&1.5f32), name_of("str"), name_of(&(1u8, 'c')));
    // a tiny type map keyed by a name string
    let mut map: BTreeMap<&str, Box<dyn Any>> = BTreeMap::new();
    map.insert("count", Box::new(3usize));
    map.insert("label", Box::new("hi".to_string()));
    map.insert("ratio", Box::new(0.75f64));
    for (k, v) in &map {
        let s = if let Some(x) = v.downcast_ref::<usize>() {
            format!("usize {}", x)
        } else if let Some(x) = v.downcast_ref::<f64>() {
            format!("f64 {}", x)
        } else if let Some(x) = v.downcast_ref::<String>() {
            format!("string {}", x)
        } else {
            "?".into()
        };
        println!("{} => {}", k, s);
    }
    let r: &dyn Any = &Some(4i64);
    println!("Option<i64> downcast: {:?}", r.downcast_ref::<Option<i64>>());
    println!("wrong downcast: {:?}", r.downcast_ref::<Option<i32>>());
}
