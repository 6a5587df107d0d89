// Tests std::env::var/set_var/remove_var/vars on variables the program sets itself, var errors, current_dir and temp_dir sanity (booleans only).
use std::env;

fn main() {
    let key = "CLIF_STD_TEST_VAR";
    println!("initially: {:?}", env::var(key));
    env::set_var(key, "hello=world");
    println!("after set: {:?}", env::var(key));
    env::set_var("CLIF_STD_TEST_NUM", "12345");
    let n: u32 = env::var("CLIF_STD_TEST_NUM").unwrap().parse().unwrap();
    println!("parsed num + 1 = {}", n + 1);
    env::set_var("CLIF_STD_TEST_UNI", "ünïcødé ✓");
    println!("unicode: {:?}", env::var("CLIF_STD_TEST_UNI"));
    env::set_var("CLIF_STD_TEST_EMPTY", "");
    println!("empty: {:?}", env::var("CLIF_STD_TEST_EMPTY"));
    let mut mine: Vec<(String, String)> = env::vars().filter(|(k, _)| k.starts_with("CLIF_STD_TEST_")).collect();
    mine.sort();
    for (k, v) in &mine {
        println!("var {} = {:?}", k, v);
    }
    env::remove_var(key);
    println!("after remove: {:?}", env::var(key));
    println!("var_os missing is_none: {}", env::var_os("CLIF_STD_TEST_DEFINITELY_MISSING").is_none());
    {
        use std::os::unix::ffi::OsStringExt;
        env::set_var("CLIF_STD_TEST_BAD", std::ffi::OsString::from_vec(vec![0x66, 0xff, 0x6f]));
    }
    match env::var("CLIF_STD_TEST_BAD") {
        Ok(v) => println!("unexpected ok {}", v),
        Err(e) => println!("non-unicode: {} / {:?}", e, matches!(e, env::VarError::NotUnicode(_))),
    }
    println!("var_os bad bytes len {:?}", env::var_os("CLIF_STD_TEST_BAD").map(|o| o.len()));
    let count = env::vars_os().filter(|(k, _)| k.to_string_lossy().starts_with("CLIF_STD_TEST_")).count();
    println!("vars_os count mine: {}", count);
    // child sees the variable
    env::set_var("CLIF_STD_TEST_CHILD", "inherited");
    let out = std::process::Command::new("sh").arg("-c").arg("echo $CLIF_STD_TEST_CHILD").output().unwrap();
    print!("child: {}", String::from_utf8_lossy(&out.stdout));
    println!("current_dir is absolute: {}", env::current_dir().unwrap().is_absolute());
    println!("temp_dir is absolute: {}", env::temp_dir().is_absolute());
    println!("consts: os={} family={} arch_nonempty={}", env::consts::OS, env::consts::FAMILY, !env::consts::ARCH.is_empty());
    let paths = env::join_paths(["/a/b", "/c"]).unwrap();
    println!("join_paths {:?}", paths);
    println!("split_paths {:?}", env::split_paths("/x:/y/z::/w").collect::<Vec<_>>());
    println!("exe exists: {}", env::current_exe().map(|p| p.exists()).unwrap_or(false));
}
