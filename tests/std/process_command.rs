// Tests std::process::Command: capturing stdout/stderr and exit codes from sh, printf with args, piping stdin to cat/tr, env vars for children, status of failing commands.
use std::io::Write;
use std::process::{Command, Stdio};

fn main() {
    let out = Command::new("sh").arg("-c").arg("echo hi; echo err >&2; exit 3").output().expect("sh");
    println!("stdout={:?} stderr={:?} code={:?} success={}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr), out.status.code(), out.status.success());

    let out = Command::new("printf").args(["%s-%d|%5.2f\\n", "abc", "42", "3.14159"]).output().unwrap();
    print!("printf: {}", String::from_utf8(out.stdout).unwrap());
    let out = Command::new("printf").arg("%s,").args(["x", "y z", "é"]).output().unwrap();
    println!("printf multi: {:?}", String::from_utf8(out.stdout).unwrap());

    let mut child = Command::new("cat").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    {
        let mut stdin = child.stdin.take().unwrap();
        for i in 0..5 {
            writeln!(stdin, "line {} {}", i, "*".repeat(i)).unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    print!("cat echoed:\n{}", String::from_utf8(out.stdout).unwrap());
    println!("cat status ok {}", out.status.success());

    let mut child = Command::new("tr").arg("a-z").arg("A-Z").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(b"hello from rust, piped through tr\n").unwrap();
    let out = child.wait_with_output().unwrap();
    print!("tr: {}", String::from_utf8(out.stdout).unwrap());

    let out = Command::new("sh").arg("-c").arg("echo \"$CLIF_TEST_VAR-$CLIF_OTHER\"").env("CLIF_TEST_VAR", "value1").env("CLIF_OTHER", "v2").output().unwrap();
    print!("env to child: {}", String::from_utf8(out.stdout).unwrap());
    let out = Command::new("sh").arg("-c").arg("echo \"[${HOME_UNSET_FOR_TEST:-unset}]\"").env_clear().output().unwrap();
    print!("env_clear: {}", String::from_utf8(out.stdout).unwrap());

    for code in [0, 1, 2, 42, 255] {
        let st = Command::new("sh").arg("-c").arg(format!("exit {}", code)).status().unwrap();
        println!("exit {} -> code {:?} success {}", code, st.code(), st.success());
    }
    let st = Command::new("sh").arg("-c").arg("kill -9 $$").status().unwrap();
    {
        use std::os::unix::process::ExitStatusExt;
        println!("killed: code {:?} signal {:?}", st.code(), st.signal());
    }
    match Command::new("/nonexistent/definitely_not_here").output() {
        Ok(_) => println!("unexpected success"),
        Err(e) => println!("spawn missing: kind {:?}", e.kind()),
    }
    let out = Command::new("sh").arg("-c").arg("seq 1 200 | awk '{s+=$1} END {print s}'").output().unwrap();
    print!("seq sum: {}", String::from_utf8(out.stdout).unwrap());
    let out = Command::new("sh").arg("-c").arg("pwd").current_dir("/").output().unwrap();
    print!("pwd in /: {}", String::from_utf8(out.stdout).unwrap());
    // chain: output of one as input to another
    let first = Command::new("printf").arg("b\\na\\nc\\na\\n").stdout(Stdio::piped()).spawn().unwrap();
    let second = Command::new("sort").arg("-u").stdin(Stdio::from(first.stdout.unwrap())).output().unwrap();
    println!("sorted unique: {:?}", String::from_utf8(second.stdout).unwrap());
    let large = Command::new("sh").arg("-c").arg("i=0; while [ $i -lt 3000 ]; do echo line$i; i=$((i+1)); done").output().unwrap();
    let text = String::from_utf8(large.stdout).unwrap();
    println!("large output: {} lines, {} bytes, last {:?}", text.lines().count(), text.len(), text.lines().last());
}
