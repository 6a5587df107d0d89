//! The shared libraries that the toolchain's binaries load from outside the
//! toolchain: the base rustc links Debian's `libLLVM.so.22.1`, which links
//! libffi, libedit, libz3, libxml2 (and through it ICU) and more. Stage
//! `dist` copies each of them into `dist/lib/` and gives it the RUNPATH
//! `$ORIGIN` (with Debian's `patchelf`: a library's dependencies are looked
//! up through its own RUNPATH only), so that `dist/` runs on a machine that
//! has nothing but the C runtime and a C compiler.
//!
//! Dependencies are what `ldd` resolves (the dynamic loader's own answer,
//! with every RUNPATH applied).

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context as _};

use crate::process::{clean_command, Shell};

/// How long one `ldd` or `patchelf` may take.
const TIMEOUT: Duration = Duration::from_secs(60);

/// Whether a library is one that every Linux machine with a C compiler has:
/// the C runtime (glibc's libraries, the dynamic loader, the vDSO) and GCC's
/// runtime (`libgcc_s`, and `libstdc++`, which Debian's apt and gcc link
/// too). Those stay the system's: a private copy of glibc cannot work.
fn is_system(soname: &str) -> bool {
    const SYSTEM: &[&str] = &[
        "libc.so.6",
        "libm.so.6",
        "libdl.so.2",
        "libpthread.so.0",
        "librt.so.1",
        "libresolv.so.2",
        "libutil.so.1",
        "libgcc_s.so.1",
        "libstdc++.so.6",
    ];
    SYSTEM.contains(&soname) || soname.starts_with("ld-linux") || soname.starts_with("linux-vdso")
}

/// One line of `ldd`'s output.
#[derive(Debug, PartialEq, Eq)]
enum Resolved {
    /// `name => /path (0x...)`.
    At(String, PathBuf),
    /// `name => not found`.
    NotFound(String),
}

/// The libraries named in `ldd`'s output, without the system ones.
fn parse_ldd(text: &str) -> Vec<Resolved> {
    text.lines()
        .filter_map(|line| {
            let (name, rest) = line.trim().split_once(" => ")?;
            let name = name.trim().to_owned();
            if is_system(&name) {
                return None;
            }
            let rest = rest.trim();
            Some(if rest == "not found" {
                Resolved::NotFound(name)
            } else {
                let path = rest.split_once(" (").map_or(rest, |(path, _)| path);
                Resolved::At(name, PathBuf::from(path))
            })
        })
        .collect()
}

/// What `ldd` says `file` loads, without the system libraries.
fn ldd(file: &Path, shell: Shell) -> anyhow::Result<Vec<Resolved>> {
    let mut cmd = clean_command("ldd");
    cmd.arg(file);
    let out = shell.capture_ok(&mut cmd, TIMEOUT, "Debian's libc-bin")?;
    Ok(parse_ldd(&String::from_utf8_lossy(&out.stdout)))
}

/// A library to bundle: its name (the file name in `dist/lib/`) and where
/// it is on this machine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Library {
    pub soname: String,
    pub path: PathBuf,
}

/// The libraries `files` load that are neither system libraries nor among
/// `shipped` (the file names the toolchain has in its `lib/` already), each
/// once. A library that `ldd` cannot find is an error unless it is shipped
/// (the backend dylib finds `librustc_driver` in the rustc that loads it).
pub fn foreign(
    files: &[PathBuf],
    shipped: &[String],
    shell: Shell,
) -> anyhow::Result<Vec<Library>> {
    let mut found: Vec<Library> = Vec::new();
    for file in files {
        for resolved in ldd(file, shell)? {
            match resolved {
                Resolved::At(soname, _) | Resolved::NotFound(soname)
                    if shipped.contains(&soname) => {}
                Resolved::At(soname, path) => {
                    if !found.iter().any(|lib| lib.soname == soname) {
                        found.push(Library { soname, path });
                    }
                }
                Resolved::NotFound(soname) => bail!(
                    "{} needs {soname}, which this machine does not have (tools/setup.sh \
                     installs what the toolchain needs)",
                    file.display()
                ),
            }
        }
    }
    Ok(found)
}

/// Copies `libraries` into `lib_dir` and makes each find the others there.
pub fn bundle(libraries: &[Library], lib_dir: &Path, shell: Shell) -> anyhow::Result<()> {
    for lib in libraries {
        let to = lib_dir.join(&lib.soname);
        std::fs::copy(&lib.path, &to)
            .with_context(|| format!("cannot copy {} to {}", lib.path.display(), to.display()))?;
        set_runpath(&to, "$ORIGIN", shell)?;
    }
    Ok(())
}

/// Sets the RUNPATH of an ELF file (`$ORIGIN` is the file's directory).
pub fn set_runpath(file: &Path, runpath: &str, shell: Shell) -> anyhow::Result<()> {
    let mut cmd = clean_command("patchelf");
    cmd.arg("--set-rpath").arg(runpath).arg(file);
    shell
        .capture_ok(
            &mut cmd,
            TIMEOUT,
            "Debian's patchelf; tools/setup.sh installs it",
        )
        .map(drop)
}

/// Checks that every library `files` load, other than the system ones, is
/// found inside `root` (or, not found at all, is shipped in `root/lib`).
pub fn check_self_contained(root: &Path, files: &[PathBuf], shell: Shell) -> anyhow::Result<()> {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_owned());
    let mut outside = Vec::new();
    for file in files {
        for resolved in ldd(file, shell)? {
            match resolved {
                Resolved::At(soname, path) => {
                    let path = std::fs::canonicalize(&path).unwrap_or(path);
                    if !path.starts_with(&root) {
                        outside.push(format!(
                            "{} loads {soname} from {}",
                            file.display(),
                            path.display()
                        ));
                    }
                }
                Resolved::NotFound(soname) if root.join("lib").join(&soname).is_file() => {}
                Resolved::NotFound(soname) => {
                    outside.push(format!("{} does not find {soname}", file.display()))
                }
            }
        }
    }
    if !outside.is_empty() {
        bail!(
            "the toolchain is not self-contained:\n  {}",
            outside.join("\n  ")
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ldd_lines_give_libraries_outside_the_system() {
        let text = "\tlinux-vdso.so.1 (0x00007ffd)\n\
                    \tlibLLVM.so.22.1 => /lib/x86_64-linux-gnu/libLLVM.so.22.1 (0x00007f80)\n\
                    \tlibstdc++.so.6 => /lib/x86_64-linux-gnu/libstdc++.so.6 (0x00007f81)\n\
                    \tlibrustc_driver-1.so => not found\n\
                    \t/lib64/ld-linux-x86-64.so.2 (0x00007f82)\n";
        assert_eq!(
            parse_ldd(text),
            [
                Resolved::At(
                    "libLLVM.so.22.1".into(),
                    "/lib/x86_64-linux-gnu/libLLVM.so.22.1".into()
                ),
                Resolved::NotFound("librustc_driver-1.so".into()),
            ]
        );
    }
}
