//! The launcher program in a fake toolchain whose real rustc and rustdoc
//! are shell scripts that print their arguments.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Mutex, MutexGuard, PoisonError};

use clif_launcher::{CrossTarget, Policy, POLICY_FILE};

struct Toolchain {
    dir: tempfile::TempDir,
    /// Tests take turns: a program written while another test forks can
    /// fail to start with ETXTBSY (the child holds the file open for
    /// writing until it execs).
    _turn: MutexGuard<'static, ()>,
}

static TURN: Mutex<()> = Mutex::new(());

impl Toolchain {
    fn new() -> Self {
        let turn = TURN.lock().unwrap_or_else(PoisonError::into_inner);
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        for sub in ["bin", "libexec"] {
            std::fs::create_dir_all(root.join(sub)).expect("mkdir");
        }
        for tool in ["rustc", "rustdoc"] {
            let to = root.join("bin").join(tool);
            std::fs::copy(env!("CARGO_BIN_EXE_clif-launcher"), &to).expect("copy launcher");
            executable(
                &root.join("libexec").join(format!("{tool}-real")),
                &format!(
                    "#!/bin/sh\necho \"{tool}-real RUSTC_BOOTSTRAP=$RUSTC_BOOTSTRAP $*\"\n\
                     case \" $* \" in *\" --fail \"*) exit 3 ;; esac\n"
                ),
            );
        }
        let policy = Policy {
            host: "h".into(),
            backend: Some("lib/rustlib/h/codegen-backends/clif.so".into()),
            gcc_ld: "lib/rustlib/h/bin/gcc-ld".into(),
            lld_default: true,
            cross: vec![CrossTarget {
                triple: "c".into(),
                driver: "c-gcc-not-installed".into(),
                packages: vec!["gcc-c".into()],
            }],
        };
        std::fs::write(root.join(POLICY_FILE), policy.render()).expect("policy");
        std::fs::write(root.join("VERSION"), "clif-toolchain 0123\nbase: x\n").expect("VERSION");
        Self { dir, _turn: turn }
    }

    fn root(&self) -> PathBuf {
        std::fs::canonicalize(self.dir.path()).expect("canonical")
    }

    fn run(&self, tool: &str, args: &[&str]) -> (Output, String, String) {
        let out = Command::new(self.dir.path().join("bin").join(tool))
            .args(args)
            .env_remove("RUSTC_BOOTSTRAP")
            .env_remove("CLIF_LLD")
            .output()
            .expect("launcher runs");
        let root = self.root().display().to_string();
        let stdout = String::from_utf8_lossy(&out.stdout).replace(&root, "ROOT");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        (out, stdout, stderr)
    }
}

fn executable(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

#[test]
fn rustc_runs_the_real_rustc_with_the_policy() {
    let toolchain = Toolchain::new();
    let (out, stdout, stderr) = toolchain.run("rustc", &["a.rs", "-O"]);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        stdout,
        "rustc-real RUSTC_BOOTSTRAP=1 -Clink-arg=-fuse-ld=lld \
         -Clink-arg=-BROOT/lib/rustlib/h/bin/gcc-ld a.rs -O \
         -Zcodegen-backend=ROOT/lib/rustlib/h/codegen-backends/clif.so -Zallow-features=\n"
    );
}

#[test]
fn the_version_probe_ends_with_the_dist_id() {
    let toolchain = Toolchain::new();
    let (out, stdout, _) = toolchain.run("rustc", &["-vV"]);
    assert!(out.status.success());
    assert_eq!(
        stdout,
        "rustc-real RUSTC_BOOTSTRAP=1 -vV \
         -Zcodegen-backend=ROOT/lib/rustlib/h/codegen-backends/clif.so\n\
         clif-toolchain: 0123\n"
    );
}

#[test]
fn failures_keep_their_status_and_a_missing_driver_is_named() {
    let toolchain = Toolchain::new();
    let (out, _, stderr) = toolchain.run("rustc", &["--fail"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr.is_empty(), "{stderr}");
    let (out, _, stderr) = toolchain.run("rustc", &["--target", "c", "--fail"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr.contains(
            "c is linked and assembled by c-gcc-not-installed, which is not installed; \
             install Debian's gcc-c"
        ),
        "{stderr}"
    );
    let (out, _, stderr) = toolchain.run("rustc", &["--target", "c"]);
    assert!(out.status.success() && stderr.is_empty(), "{stderr}");
}

#[test]
fn rustdoc_passes_its_arguments_through() {
    let toolchain = Toolchain::new();
    let (out, stdout, _) = toolchain.run("rustdoc", &["--test", "lib.rs"]);
    assert!(out.status.success());
    assert_eq!(stdout, "rustdoc-real RUSTC_BOOTSTRAP= --test lib.rs\n");
}

#[test]
fn a_broken_toolchain_is_reported() {
    let toolchain = Toolchain::new();
    std::fs::write(toolchain.root().join(POLICY_FILE), "host h\n").expect("write");
    let (out, _, stderr) = toolchain.run("rustc", &["a.rs"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.starts_with(
            "error (rustc of clif-toolchain): libexec/launcher.policy, line 1: no `gcc-ld` line"
        ),
        "{stderr}"
    );
    std::fs::remove_file(toolchain.root().join("libexec/rustc-real")).expect("rm");
    std::fs::write(
        toolchain.root().join(POLICY_FILE),
        Policy::parse("host h\ngcc-ld g\nlld-default 0\n")
            .expect("policy")
            .render(),
    )
    .expect("write");
    let (out, _, stderr) = toolchain.run("rustc", &["a.rs"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("cannot run ") && stderr.contains("libexec/rustc-real"),
        "{stderr}"
    );
    let (_, _, stderr) = toolchain.run("rustc", &["-vV"]);
    assert!(stderr.contains("cannot run "), "{stderr}");
}

#[test]
fn clif_lld_is_checked() {
    let toolchain = Toolchain::new();
    let out = Command::new(toolchain.root().join("bin/rustc"))
        .arg("a.rs")
        .env("CLIF_LLD", "yes")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("CLIF_LLD must be 1 (the bundled lld) or 0"),
        "{stderr}"
    );
}
