//! What a rustc command line says about the target and the linker.

use std::ffi::OsString;

/// The facts of a command line that the policy depends on.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Scan {
    /// The `--target`, if any.
    pub target: Option<String>,
    /// The caller chose how to link: `-C linker-flavor`, `-C
    /// link-self-contained`, `-C linker-features`, or a `-C linker` that is
    /// not a C compiler driver (a driver runs lld as well).
    pub linker_chosen: bool,
    /// The caller named a `-C linker`.
    pub linker_named: bool,
}

/// Scans `args`, reading `@file` argument files (one argument per line)
/// as rustc does; an argument file that cannot be read is left to rustc
/// to report.
pub fn scan(args: &[OsString]) -> Scan {
    let mut scan = Scan::default();
    let mut pending = None;
    for arg in args {
        let Some(arg) = arg.to_str() else {
            pending = None;
            continue;
        };
        match arg.strip_prefix('@') {
            Some(file) => {
                let mut inner = None;
                if let Ok(text) = std::fs::read_to_string(file) {
                    for line in text.lines() {
                        scan.argument(line, &mut inner);
                    }
                }
                pending = None;
            }
            None => scan.argument(arg, &mut pending),
        }
    }
    scan
}

impl Scan {
    /// One argument; `pending` is the option waiting for its value.
    fn argument<'a>(&mut self, arg: &'a str, pending: &mut Option<&'a str>) {
        match pending.take() {
            Some("--target") => self.target = Some(arg.to_owned()),
            Some(_) => self.codegen(arg),
            None => {
                if let Some(target) = arg.strip_prefix("--target=") {
                    self.target = Some(target.to_owned());
                } else if let Some(option) = arg.strip_prefix("--codegen=") {
                    self.codegen(option);
                } else if let Some(option) = arg.strip_prefix("-C").filter(|o| !o.is_empty()) {
                    self.codegen(option);
                } else if matches!(arg, "--target" | "-C" | "--codegen") {
                    *pending = Some(arg);
                }
            }
        }
    }

    /// The value of a `-C` option.
    fn codegen(&mut self, option: &str) {
        let (name, value) = option.split_once('=').unwrap_or((option, ""));
        match name {
            "linker-flavor" | "link-self-contained" | "linker-features" => {
                self.linker_chosen = true;
            }
            "linker" => {
                self.linker_named = true;
                self.linker_chosen |= !is_c_driver(value);
            }
            _ => {}
        }
    }
}

/// Whether the linker `path` names a C compiler driver: `cc`, `gcc`,
/// `clang`, `c++`, `g++` or `clang++`, maybe after `<triple>-`, and `gcc`
/// or `clang` maybe with a `-<version>` suffix.
fn is_c_driver(path: &str) -> bool {
    const DRIVERS: [&str; 6] = ["cc", "gcc", "clang", "c++", "g++", "clang++"];
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let name = name.strip_suffix(".exe").unwrap_or(name);
    let prefixed = |head: &str| head.is_empty() || head.ends_with('-');
    DRIVERS
        .iter()
        .any(|driver| name.strip_suffix(driver).is_some_and(prefixed))
        || ["gcc-", "clang-"].iter().any(|driver| {
            name.match_indices(driver).any(|(at, _)| {
                prefixed(&name[..at])
                    && name[at + driver.len()..].starts_with(|c: char| c.is_ascii_digit())
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(args: &[&str]) -> Scan {
        scan(&args.iter().map(OsString::from).collect::<Vec<_>>())
    }

    #[test]
    fn target_in_every_spelling() {
        assert_eq!(of(&["a.rs"]).target, None);
        assert_eq!(of(&["--target", "t", "a.rs"]).target.as_deref(), Some("t"));
        assert_eq!(of(&["--target=t"]).target.as_deref(), Some("t"));
        // The value of another option is not a --target.
        assert_eq!(of(&["--cfg", "--target"]).target.as_deref(), None);
    }

    #[test]
    fn argument_files_are_read() {
        let dir = std::env::temp_dir().join(format!("clif-launcher-args-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("mkdir");
        let file = dir.join("args");
        std::fs::write(&file, "--target\nt\n-C\nlinker=ld.bfd\n").expect("write");
        let scan = of(&[&format!("@{}", file.display()), "a.rs"]);
        assert_eq!(scan.target.as_deref(), Some("t"));
        assert!(scan.linker_chosen && scan.linker_named);
        std::fs::remove_dir_all(&dir).expect("rm");
        assert_eq!(of(&["@/does/not/exist"]), Scan::default());
    }

    #[test]
    fn drivers_do_not_choose_the_linker() {
        for driver in [
            "cc",
            "gcc",
            "clang++",
            "/usr/bin/x86_64-linux-gnu-gcc",
            "clang-19",
            "gcc-12",
            "aarch64-linux-gnu-gcc-12",
            "C:\\llvm\\clang.exe",
        ] {
            let scan = of(&[&format!("-Clinker={driver}")]);
            assert!(!scan.linker_chosen && scan.linker_named, "{driver}");
        }
        assert!(!of(&["-C", "linker=gcc"]).linker_chosen);
        assert!(!of(&["-Copt-level=1"]).linker_named);
    }

    #[test]
    fn other_linkers_and_flavors_choose_it() {
        for args in [
            &["-Clinker=ld.bfd"][..],
            &["-C", "linker=/opt/bin/my-linker"],
            &["-Clinker=rust-lld"],
            &["-Clinker-flavor=gnu-cc"],
            &["-C", "link-self-contained=-linker"],
            &["--codegen", "linker-features=-lld"],
            &["--codegen=linker-flavor=gnu"],
        ] {
            assert!(of(args).linker_chosen, "{args:?}");
        }
        // `-C` takes the next argument; `--cfg`'s value is not a -C option.
        assert!(!of(&["--cfg", "linker=x"]).linker_chosen);
    }
}
