// Tests Option/Result combinators and the ? operator: map, and_then, or_else, ok_or, filter, zip, unwrap_or_default, transpose, flatten, iter over options.
#[derive(Debug, Clone, PartialEq)]
enum MathError {
    DivByZero,
    Negative(i64),
    Overflow,
}

fn div(a: i64, b: i64) -> Result<i64, MathError> {
    if b == 0 {
        Err(MathError::DivByZero)
    } else {
        Ok(a / b)
    }
}

fn isqrt(a: i64) -> Result<i64, MathError> {
    if a < 0 {
        return Err(MathError::Negative(a));
    }
    Ok((a as f64).sqrt() as i64)
}

fn compute(a: i64, b: i64) -> Result<i64, MathError> {
    let q = div(a, b)?;
    let r = isqrt(q)?;
    r.checked_mul(1_000_000_000_000).ok_or(MathError::Overflow)
}

fn first_even_square(v: &[i32]) -> Option<i32> {
    let e = v.iter().find(|x| *x % 2 == 0)?;
    e.checked_mul(*e)
}

fn parse_pair(s: &str) -> Option<(i32, i32)> {
    let (a, b) = s.split_once(',')?;
    Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
}

fn main() {
    for (a, b) in [(100, 4), (5, 0), (-100, 4), (i64::MAX, 1), (81, 1)] {
        println!("compute({}, {}) = {:?}", a, b, compute(a, b));
    }
    println!("first_even_square {:?} {:?} {:?}", first_even_square(&[1, 3, 4, 6]), first_even_square(&[1, 3]), first_even_square(&[65536]));
    for s in ["1,2", " 10 , -3 ", "x,1", "7", ""] {
        println!("parse_pair {:?} -> {:?}", s, parse_pair(s));
    }
    let some: Option<i32> = Some(4);
    let none: Option<i32> = None;
    println!("map {:?} {:?}", some.map(|x| x * 2), none.map(|x| x * 2));
    println!("and_then {:?} {:?}", some.and_then(|x| if x > 3 { Some(x - 3) } else { None }), Some(2).and_then(|x| if x > 3 { Some(x) } else { None }));
    println!("or {:?} or_else {:?} xor {:?} {:?}", none.or(Some(9)), none.or_else(|| Some(10)), some.xor(none), some.xor(Some(1)));
    println!("filter {:?} {:?}", some.filter(|x| x % 2 == 0), some.filter(|x| x % 2 == 1));
    println!("zip {:?} {:?} unzip {:?}", some.zip(Some('a')), some.zip(None::<char>), Some((1, "x")).unzip());
    println!("unwrap_or {} unwrap_or_default {} unwrap_or_else {}", none.unwrap_or(-1), none.unwrap_or_default(), none.unwrap_or_else(|| 42));
    println!("map_or {} map_or_else {}", some.map_or(0, |x| x + 1), none.map_or_else(|| -5, |x| x + 1));
    println!("ok_or {:?} ok_or_else {:?}", some.ok_or("none"), none.ok_or_else(|| format!("missing {}", 1)));
    println!("is_some_and {} is_none_or {}", some.is_some_and(|x| x > 3), none.is_none_or(|x| x > 100));
    println!("flatten {:?} {:?}", Some(Some(3)).flatten(), Some(None::<i32>).flatten());
    let mut o = Some(5);
    println!("take {:?} now {:?}", o.take(), o);
    let gi = *o.get_or_insert(7);
    println!("get_or_insert {} now {:?}", gi, o);
    println!("replace {:?} now {:?}", o.replace(8), o);
    if let Some(x) = o.as_mut() {
        *x += 100;
    }
    println!("as_mut {:?}", o);
    println!("insert {}", o.insert(1));
    println!("copied {:?} cloned {:?} as_deref {:?}", Some(&3).copied(), Some(&String::from("s")).cloned(), Some(String::from("deref")).as_deref());
    let ok: Result<i32, String> = Ok(10);
    let err: Result<i32, String> = Err("boom".into());
    println!("map {:?} map_err {:?}", ok.clone().map(|x| x * 3), err.clone().map_err(|e| e.len()));
    println!("and_then {:?} or_else {:?}", ok.clone().and_then(|x| if x > 5 { Ok(x) } else { Err("small".into()) }), err.clone().or_else(|e| if e == "boom" { Ok::<i32, String>(0) } else { Err(e) }));
    println!("ok() {:?} err() {:?} {:?}", ok.clone().ok(), ok.clone().err(), err.clone().err());
    println!("unwrap_or {} unwrap_or_else {} unwrap_or_default {}", err.clone().unwrap_or(1), err.clone().unwrap_or_else(|e| e.len() as i32), err.clone().unwrap_or_default());
    println!("is_ok_and {} is_err_and {}", ok.as_ref().is_ok_and(|x| *x == 10), err.as_ref().is_err_and(|e| e.starts_with('b')));
    println!("iter sum {} {}", ok.iter().sum::<i32>(), err.iter().sum::<i32>());
    let t: Option<Result<i32, String>> = Some(Ok(3));
    println!("transpose {:?} {:?}", t.transpose(), Ok::<Option<i32>, String>(None).transpose());
    let opts = [Some(1), None, Some(3), None, Some(5)];
    println!("flatten iter {:?} count some {}", opts.iter().flatten().collect::<Vec<_>>(), opts.iter().filter(|o| o.is_some()).count());
    let results: Vec<Result<i64, MathError>> = (-2..=2).map(|b| div(10, b)).collect();
    println!("results {:?}", results);
    let (oks, errs): (Vec<_>, Vec<_>) = results.into_iter().partition(Result::is_ok);
    println!("oks {:?} errs {:?}", oks.into_iter().map(Result::unwrap).collect::<Vec<_>>(), errs.into_iter().map(|e| e.unwrap_err()).collect::<Vec<_>>());
    println!("matches {}", matches!(compute(-4, 1), Err(MathError::Negative(n)) if n == -4));
    let chain = Some(3u32).map(|x| x + 1).filter(|x| *x > 2).and_then(|x| x.checked_sub(10)).map(|x| x * 2).unwrap_or(0);
    println!("chain {}", chain);
    println!("Option ord/eq {} {} {:?}", Some(1) < Some(2), None::<i32> < Some(i32::MIN), Some(3).max(None));
    println!("sizes Option<Box<u8>>==Box {} Option<u32>=8 {}", std::mem::size_of::<Option<Box<u8>>>() == std::mem::size_of::<Box<u8>>(), std::mem::size_of::<Option<u32>>());
}
