// Tests std::fs in a private temp dir: create_dir_all, write/read/append, read_dir (sorted), metadata, rename, copy, remove, BufReader/BufWriter, errors.
use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, BufWriter, ErrorKind, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let base: PathBuf = std::env::temp_dir().join(format!("clif_std_fs_test_{}", std::process::id()));
    if base.exists() {
        fs::remove_dir_all(&base)?;
    }
    fs::create_dir_all(base.join("sub/deeper"))?;
    println!("created dirs: {}", base.join("sub/deeper").is_dir());

    let a = base.join("a.txt");
    fs::write(&a, "line one\nline two\n")?;
    println!("read: {:?}", fs::read_to_string(&a)?);
    {
        let mut f = OpenOptions::new().append(true).open(&a)?;
        writeln!(f, "line three")?;
        f.write_all(b"line four (no newline)")?;
    }
    let content = fs::read_to_string(&a)?;
    println!("after append: {} lines, {} bytes", content.lines().count(), content.len());
    println!("metadata len {} is_file {} is_dir {}", fs::metadata(&a)?.len(), a.is_file(), a.is_dir());

    // BufWriter then BufReader lines
    let b = base.join("sub/numbers.csv");
    {
        let mut w = BufWriter::new(File::create(&b)?);
        for i in 0..100 {
            writeln!(w, "{},{},{}", i, i * i, i % 7)?;
        }
        w.flush()?;
    }
    let r = BufReader::new(File::open(&b)?);
    let mut sum = 0u64;
    let mut n = 0;
    for line in r.lines() {
        let line = line?;
        let parts: Vec<u64> = line.split(',').map(|p| p.parse().unwrap()).collect();
        sum += parts[1] * parts[2];
        n += 1;
    }
    println!("csv rows {} weighted sum {}", n, sum);
    println!("csv size {}", fs::metadata(&b)?.len());

    // binary read/write with seek
    let c = base.join("sub/deeper/bin.dat");
    {
        let mut f = File::create(&c)?;
        let bytes: Vec<u8> = (0..=255u8).collect();
        f.write_all(&bytes)?;
    }
    {
        let mut f = File::open(&c)?;
        f.seek(SeekFrom::Start(250))?;
        let mut buf = [0u8; 10];
        let k = f.read(&mut buf)?;
        println!("read {} bytes at 250: {:?}", k, &buf[..k]);
        f.seek(SeekFrom::End(-3))?;
        let mut rest = Vec::new();
        f.read_to_end(&mut rest)?;
        println!("last 3: {:?}", rest);
        let pos = f.seek(SeekFrom::Current(-100))?;
        println!("pos after seek back {}", pos);
    }
    {
        let mut f = OpenOptions::new().read(true).write(true).open(&c)?;
        f.seek(SeekFrom::Start(1))?;
        f.write_all(b"XYZ")?;
        f.set_len(8)?;
    }
    println!("patched: {:?}", fs::read(&c)?);

    // rename + copy + read_dir
    fs::rename(&a, base.join("renamed.txt"))?;
    println!("old exists {} new exists {}", a.exists(), base.join("renamed.txt").exists());
    let copied = fs::copy(base.join("renamed.txt"), base.join("sub/copy.txt"))?;
    println!("copied {} bytes", copied);
    for name in ["z.log", "m.log", "b.log"] {
        fs::write(base.join(name), name.repeat(3))?;
    }
    let mut entries: Vec<(String, bool, u64)> = fs::read_dir(&base)?
        .map(|e| {
            let e = e.unwrap();
            let md = e.metadata().unwrap();
            (e.file_name().to_string_lossy().into_owned(), md.is_dir(), if md.is_dir() { 0 } else { md.len() })
        })
        .collect();
    entries.sort();
    for (name, dir, len) in &entries {
        println!("entry {:12} dir={} len={}", name, dir, len);
    }
    let mut sub: Vec<String> = fs::read_dir(base.join("sub"))?.map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    sub.sort();
    println!("sub: {:?}", sub);

    // errors
    match fs::read_to_string(base.join("missing.txt")) {
        Ok(_) => println!("unexpected"),
        Err(e) => println!("missing: kind={:?}", e.kind()),
    }
    match fs::create_dir(base.join("sub")) {
        Ok(_) => println!("unexpected"),
        Err(e) => println!("create existing: kind={:?} is AlreadyExists {}", e.kind(), e.kind() == ErrorKind::AlreadyExists),
    }
    match File::options().write(true).create_new(true).open(base.join("b.log")) {
        Ok(_) => println!("unexpected"),
        Err(e) => println!("create_new existing: {:?}", e.kind()),
    }
    println!("remove_dir non-empty is_err {}", fs::remove_dir(base.join("sub")).is_err());

    // path manipulation (relative parts only)
    let p = base.join("sub/deeper/bin.dat");
    println!("file_name {:?} stem {:?} ext {:?}", p.file_name(), p.file_stem(), p.extension());
    println!("parent ends with deeper {}", p.parent().unwrap().ends_with("sub/deeper"));
    println!("strip_prefix {:?}", p.strip_prefix(&base).unwrap());
    println!("with_extension {:?}", PathBuf::from("x/y.tar.gz").with_extension("zip"));
    println!("components {:?}", PathBuf::from("a/b/../c.txt").components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>());

    fs::remove_file(base.join("z.log"))?;
    println!("removed z.log exists {}", base.join("z.log").exists());
    fs::remove_dir_all(&base)?;
    println!("cleaned up: {}", !base.exists());
    Ok(())
}
