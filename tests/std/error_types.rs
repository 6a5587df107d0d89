// Tests custom error types implementing std::error::Error, Display, source chains, Box<dyn Error> with ? conversions, From impls, downcasting errors.
use std::error::Error;
use std::fmt;
use std::num::ParseIntError;

#[derive(Debug)]
enum ConfigError {
    Missing(String),
    BadNumber { key: String, source: ParseIntError },
    OutOfRange(i64),
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            ConfigError::Missing(k) => write!(f, "missing key '{}'", k),
            ConfigError::BadNumber { key, .. } => write!(f, "key '{}' is not a number", key),
            ConfigError::OutOfRange(v) => write!(f, "value {} out of range", v),
        }
    }
}

impl Error for ConfigError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            ConfigError::BadNumber { source, .. } => Some(source),
            _ => None,
        }
    }
}

#[derive(Debug)]
struct AppError {
    context: String,
    inner: Box<dyn Error>,
}
impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}", self.context)
    }
}
impl Error for AppError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(self.inner.as_ref())
    }
}

fn get(cfg: &[(&str, &str)], key: &str) -> Result<i64, ConfigError> {
    let raw = cfg.iter().find(|(k, _)| *k == key).map(|(_, v)| *v).ok_or_else(|| ConfigError::Missing(key.to_string()))?;
    let v: i64 = raw.parse().map_err(|e| ConfigError::BadNumber { key: key.to_string(), source: e })?;
    if !(0..=1000).contains(&v) {
        return Err(ConfigError::OutOfRange(v));
    }
    Ok(v)
}

fn load(cfg: &[(&str, &str)]) -> Result<i64, Box<dyn Error>> {
    let w = get(cfg, "width")?;
    let h = get(cfg, "height")?;
    let scale: f64 = cfg.iter().find(|(k, _)| *k == "scale").map(|(_, v)| *v).unwrap_or("1.0").parse()?;
    if scale <= 0.0 {
        return Err("scale must be positive".into());
    }
    Ok(((w * h) as f64 * scale) as i64)
}

fn load_app(cfg: &[(&str, &str)]) -> Result<i64, AppError> {
    load(cfg).map_err(|e| AppError { context: "failed to load config".into(), inner: e })
}

fn chain(e: &dyn Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut cur = e.source();
    while let Some(s) = cur {
        parts.push(s.to_string());
        cur = s.source();
    }
    parts.join(" <- ")
}

fn main() {
    let cases: Vec<Vec<(&str, &str)>> = vec![
        vec![("width", "10"), ("height", "20")],
        vec![("width", "10")],
        vec![("width", "ten"), ("height", "20")],
        vec![("width", "10"), ("height", "2000")],
        vec![("width", "3"), ("height", "4"), ("scale", "2.5")],
        vec![("width", "3"), ("height", "4"), ("scale", "abc")],
        vec![("width", "3"), ("height", "4"), ("scale", "-1")],
        vec![("width", "99999999999999999999"), ("height", "1")],
    ];
    for (i, c) in cases.iter().enumerate() {
        match load_app(c) {
            Ok(v) => println!("case {}: ok {}", i, v),
            Err(e) => {
                println!("case {}: {}", i, chain(&e));
                let inner = e.source().unwrap();
                if let Some(ce) = inner.downcast_ref::<ConfigError>() {
                    println!("   config error variant: {:?}", std::mem::discriminant(ce) == std::mem::discriminant(&ConfigError::OutOfRange(0)));
                    if let ConfigError::BadNumber { source, .. } = ce {
                        println!("   parse int kind: {:?}", source.kind());
                    }
                } else if inner.downcast_ref::<std::num::ParseFloatError>().is_some() {
                    println!("   it was a ParseFloatError");
                } else {
                    println!("   other error: {:?}", inner.to_string());
                }
            }
        }
    }
    let e: Box<dyn Error + Send + Sync> = From::from("plain string error");
    println!("boxed str error: {} / debug {:?}", e, e.to_string());
    let io = std::io::Error::new(std::io::ErrorKind::InvalidData, ConfigError::Missing("x".into()));
    println!("io error: {} kind {:?} has inner {}", io, io.kind(), io.get_ref().is_some());
    let io2 = std::io::Error::other("custom other");
    println!("io other: {} {:?}", io2, io2.kind());
    let r: Result<u8, _> = "300".parse::<u8>();
    let boxed: Result<u8, Box<dyn Error>> = r.map_err(|e| e.into());
    println!("boxed parse error: {}", boxed.unwrap_err());
    println!("debug of ConfigError: {:?}", ConfigError::BadNumber { key: "k".into(), source: "z".parse::<i32>().unwrap_err() });
}
