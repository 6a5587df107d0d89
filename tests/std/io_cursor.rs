// Tests std::io: Write to Vec<u8>, Cursor read/seek/write, BufRead lines/split/read_until over byte slices, Read::take/chain, io::copy, bytes().
use std::io::{self, BufRead, BufReader, Cursor, Read, Seek, SeekFrom, Write};

fn main() -> io::Result<()> {
    let mut out: Vec<u8> = Vec::new();
    write!(out, "header {}\n", 1)?;
    for i in 0..5 {
        writeln!(out, "row {} value {:>4}", i, i * i * 7)?;
    }
    out.write_all(b"trailer without newline")?;
    println!("wrote {} bytes", out.len());
    let text = String::from_utf8(out.clone()).unwrap();
    print!("{}\n", text);

    let cur = Cursor::new(&out);
    for (i, line) in cur.lines().enumerate() {
        let line = line?;
        println!("line {}: {:?} words {}", i, line, line.split_whitespace().count());
    }
    let mut cur = Cursor::new(b"a,bb,,ccc,dddd".to_vec());
    let parts: Vec<String> = (&mut cur).split(b',').map(|p| String::from_utf8(p.unwrap()).unwrap()).collect();
    println!("split: {:?}", parts);
    cur.seek(SeekFrom::Start(2))?;
    let mut buf = Vec::new();
    let n = cur.read_until(b',', &mut buf)?;
    println!("read_until: {} {:?} pos {}", n, String::from_utf8_lossy(&buf), cur.position());
    cur.seek(SeekFrom::End(-4))?;
    let mut s = String::new();
    cur.read_to_string(&mut s)?;
    println!("tail: {:?}", s);
    cur.seek(SeekFrom::Start(0))?;
    cur.write_all(b"XY")?;
    cur.seek(SeekFrom::End(0))?;
    cur.write_all(b",eeeee")?;
    println!("cursor data: {:?}", String::from_utf8(cur.get_ref().clone()).unwrap());

    let mut exact = [0u8; 4];
    let mut src = Cursor::new([1u8, 2, 3, 4, 5, 6]);
    src.read_exact(&mut exact)?;
    println!("read_exact {:?}", exact);
    let e = src.read_exact(&mut exact).unwrap_err();
    println!("read_exact short: {:?}", e.kind());

    let a: &[u8] = b"first part|";
    let b: &[u8] = b"second part";
    let mut chained = a.chain(b);
    let mut all = String::new();
    chained.read_to_string(&mut all)?;
    println!("chain: {}", all);
    let mut limited = String::new();
    (&b"0123456789"[..]).take(4).read_to_string(&mut limited)?;
    println!("take: {}", limited);
    let mut sink = Vec::new();
    let copied = io::copy(&mut &b"copy me please"[..], &mut sink)?;
    println!("io::copy {} bytes {:?}", copied, String::from_utf8(sink).unwrap());
    let bytes: Vec<u8> = (&b"xyz"[..]).bytes().map(|b| b.unwrap() ^ 0x20).collect();
    println!("bytes upper {:?}", String::from_utf8(bytes).unwrap());

    let data = "alpha 1\nbeta 22\n\ngamma 333\r\ndelta\n";
    let reader = BufReader::with_capacity(4, data.as_bytes());
    let mut total = 0;
    for line in reader.lines() {
        let line = line?;
        let num: u32 = line.split(' ').nth(1).and_then(|n| n.parse().ok()).unwrap_or(0);
        total += num;
        println!("  {:?} -> {}", line, num);
    }
    println!("total {}", total);
    let mut br = BufReader::new(Cursor::new("one\ntwo\nthree"));
    let mut l = String::new();
    while br.read_line(&mut l)? > 0 {
        print!("[{}]", l.trim_end());
        l.clear();
    }
    println!();
    let mut bw = io::BufWriter::new(Vec::new());
    for i in 0..100 {
        write!(bw, "{}", i % 10)?;
    }
    let inner = bw.into_inner().map_err(|e| e.into_error())?;
    println!("bufwriter {} bytes, checksum {}", inner.len(), inner.iter().map(|&b| (b - b'0') as u32).sum::<u32>());
    let mut lw = io::LineWriter::new(Vec::new());
    lw.write_all(b"a\nb")?;
    println!("linewriter buffered before flush: {}", lw.get_ref().len());
    lw.flush()?;
    println!("after flush: {}", lw.get_ref().len());
    let mut empty = io::empty();
    let mut eb = String::new();
    println!("empty read {}", empty.read_to_string(&mut eb)?);
    let mut rep = io::repeat(b'z').take(5);
    let mut rs = String::new();
    rep.read_to_string(&mut rs)?;
    println!("repeat {}", rs);
    let mut sinkw = io::sink();
    println!("sink write {}", sinkw.write(b"ignored")?);
    let stdout = io::stdout();
    let mut lock = stdout.lock();
    writeln!(lock, "direct to stdout lock")?;
    lock.flush()?;
    Ok(())
}
