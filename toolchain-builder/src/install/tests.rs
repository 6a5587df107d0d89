//! End-to-end tests of `install` on small tarballs made by `package` from
//! fake dist directories, served by `test_server` on 127.0.0.1: each fault
//! must give a clear error and leave the previous installation exactly as
//! it was (and no temporary directory behind).

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

use super::test_server::{Reply, Server};
use super::*;
use crate::package;
use crate::package::tests::{fake_dist, HOST};

const SHELL: Shell = Shell { verbose: false };

/// A package of a fake dist with id `id`, for `base_url`.
fn tarball_of(tmp: &Path, id: &str, base_url: &str) -> PathBuf {
    let dist = tmp.join(format!("dist-{id}"));
    fake_dist(&dist, id);
    let repo = tempfile::tempdir().unwrap();
    package::run(&package::Package {
        dist: &dist,
        out: &tmp.join(format!("out-{id}")),
        version: "dev",
        base_url,
        repo: repo.path(),
        shell: SHELL,
    })
    .expect("package")
}

fn install(source: Source, prefix: &Path) -> anyhow::Result<PathBuf> {
    run(&Install {
        source,
        prefix: Some(prefix.to_owned()),
        link: None,
        shell: SHELL,
    })
}

fn from_file(path: &Path) -> Source {
    Source::File {
        path: path.to_owned(),
        verify: true,
    }
}

/// Every path under `dir` with its kind, mode and content or link target.
fn snapshot(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(d) = pending.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let rel = path.strip_prefix(dir).unwrap().display().to_string();
            let mode = meta.permissions().mode();
            let what = if meta.file_type().is_symlink() {
                format!("-> {}", std::fs::read_link(&path).unwrap().display())
            } else if meta.is_dir() {
                pending.push(path.clone());
                "dir".to_owned()
            } else {
                crate::fingerprint::sha256_of(std::fs::File::open(&path).unwrap()).unwrap()
            };
            out.push(format!("{rel} {mode:o} {what}"));
        }
    }
    out.sort();
    out
}

/// A prefix with the fake toolchain `1111` installed, and its snapshot.
fn installed(tmp: &Path) -> (PathBuf, Vec<String>) {
    let prefix = tmp.join("inst").join("clif");
    install(from_file(&tarball_of(tmp, "1111", "http://x")), &prefix).expect("first install");
    let before = snapshot(&prefix);
    (prefix, before)
}

/// `result` failed mentioning each of `needles`, and `prefix` is unchanged
/// with nothing temporary left next to it.
fn assert_failed_cleanly(
    result: anyhow::Result<PathBuf>,
    needles: &[&str],
    prefix: &Path,
    before: &[String],
) {
    let err = format!("{:#}", result.expect_err("install must fail"));
    for needle in needles {
        assert!(err.contains(needle), "error {err:?} lacks {needle:?}");
    }
    assert_eq!(snapshot(prefix), before, "the installation changed");
    let parent: Vec<_> = std::fs::read_dir(prefix.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        parent,
        [prefix.file_name().unwrap()],
        "left behind: {parent:?}"
    );
}

#[test]
fn install_lays_out_the_toolchain_and_replaces_an_old_one() {
    let tmp = tempfile::tempdir().unwrap();
    let (prefix, before) = installed(tmp.path());
    let rustc = std::fs::read_to_string(prefix.join("bin/rustc")).unwrap();
    assert!(rustc.contains("1111"));
    assert!(
        before.iter().any(|l| l.starts_with("bin/rustc 100755 ")),
        "{before:#?}"
    );
    assert!(before
        .iter()
        .any(|l| l.starts_with("libexec/rustc-real 100755 ")));
    assert!(before.iter().any(|l| l.starts_with("README 100644 ")));
    assert!(before
        .iter()
        .any(|l| l.ends_with("bin/gcc-ld/ld.lld 120777 -> ../rust-lld")));
    let meta = prefix.join("lib/rustlib");
    assert_eq!(
        std::fs::read_to_string(meta.join("components")).unwrap(),
        "rustc\nrust-std-x86_64-unknown-linux-gnu\nrust-std-aarch64-unknown-linux-gnu\nlld\n"
    );
    let manifest = std::fs::read_to_string(meta.join("manifest-rustc")).unwrap();
    assert!(manifest.contains(&format!("file:{}/bin/rustc\n", prefix.display())));
    assert!(meta.join("uninstall.sh").is_file());

    // A second version replaces the first entirely.
    std::fs::write(prefix.join("stray"), "from the old one").unwrap();
    let new = tarball_of(tmp.path(), "2222", "http://x");
    install(from_file(&new), &prefix).expect("second install");
    assert!(std::fs::read_to_string(prefix.join("bin/rustc"))
        .unwrap()
        .contains("2222"));
    assert!(!prefix.join("stray").exists());
    assert_eq!(
        std::fs::read_dir(prefix.parent().unwrap()).unwrap().count(),
        1
    );
}

#[test]
fn install_from_url_and_channel() {
    let tmp = tempfile::tempdir().unwrap();
    let server = Server::start();
    let tarball = tarball_of(tmp.path(), "3333", &format!("{}/dl", server.base));
    let name = tarball.file_name().unwrap().to_string_lossy().into_owned();
    let bytes = std::fs::read(&tarball).unwrap();
    let sums = std::fs::read(tarball.with_file_name(format!("{name}.sha256"))).unwrap();
    let url = server.route(&format!("/dl/{name}"), Reply::Ok(bytes));
    server.route(&format!("/dl/{name}.sha256"), Reply::Ok(sums));
    let manifest = std::fs::read(tarball.with_file_name("dev-release.json")).unwrap();
    let manifest_url = server.route("/dev-release.json", Reply::Ok(manifest));

    let by_url = tmp.path().join("a/clif");
    install(Source::Url(url), &by_url).expect("install --from URL");
    assert!(std::fs::read_to_string(by_url.join("bin/rustc"))
        .unwrap()
        .contains("3333"));
    let by_channel = tmp.path().join("b/clif");
    install(Source::Manifest(manifest_url), &by_channel).expect("install --channel dev");
    assert_eq!(snapshot(&by_url).len(), snapshot(&by_channel).len());
}

#[test]
fn download_faults_leave_the_installation_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let (prefix, before) = installed(tmp.path());
    let server = Server::start();
    let tarball = tarball_of(tmp.path(), "4444", &format!("{}/dl", server.base));
    let bytes = std::fs::read(&tarball).unwrap();
    let sum = crate::fingerprint::sha256_of(&bytes[..]).unwrap();
    let sums = format!("{sum}  t.tar.xz\n").into_bytes();
    let wrong = format!("{}  t.tar.xz\n", "0".repeat(64)).into_bytes();
    let cases: Vec<(&str, Reply, Vec<u8>, Vec<&str>)> = vec![
        (
            "/wrong-sum.tar.xz",
            Reply::Ok(bytes.clone()),
            wrong,
            vec!["checksum mismatch", "/wrong-sum.tar.xz", &sum],
        ),
        (
            "/short.tar.xz",
            Reply::Short {
                body: bytes[..bytes.len() / 3].to_vec(),
                claimed: bytes.len(),
            },
            sums.clone(),
            vec!["/short.tar.xz", "broke off after"],
        ),
        (
            "/reset.tar.xz",
            Reply::Reset(bytes.clone()),
            sums.clone(),
            vec!["/reset.tar.xz", "broke off after"],
        ),
        (
            "/missing.tar.xz",
            Reply::Status(404),
            sums.clone(),
            vec!["/missing.tar.xz", "HTTP 404"],
        ),
        (
            "/broken.tar.xz",
            Reply::Status(500),
            sums.clone(),
            vec!["/broken.tar.xz", "HTTP 500"],
        ),
    ];
    for (path, reply, sums, needles) in cases {
        let url = server.route(path, reply);
        server.route(&format!("{path}.sha256"), Reply::Ok(sums));
        assert_failed_cleanly(
            install(Source::Url(url), &prefix),
            &needles,
            &prefix,
            &before,
        );
    }
    // A missing checksum file is an error too.
    let url = server.route("/no-sum.tar.xz", Reply::Ok(bytes));
    assert_failed_cleanly(
        install(Source::Url(url), &prefix),
        &["/no-sum.tar.xz.sha256", "HTTP 404"],
        &prefix,
        &before,
    );
}

#[test]
fn manifest_faults_leave_the_installation_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let (prefix, before) = installed(tmp.path());
    let server = Server::start();
    let tarball = tarball_of(tmp.path(), "5555", &format!("{}/dl", server.base));
    let manifest = std::fs::read(tarball.with_file_name("dev-release.json")).unwrap();
    let no_host = String::from_utf8(manifest.clone())
        .unwrap()
        .replace(HOST, "sparc-unknown-linux-gnu");
    let cases = [
        (
            "/html.json",
            Reply::Ok(b"<html>oops</html>".to_vec()),
            vec!["/html.json", "is not a clif-toolchain release manifest"],
        ),
        (
            "/500.json",
            Reply::Status(500),
            vec!["/500.json", "HTTP 500"],
        ),
        (
            "/no-host.json",
            Reply::Ok(no_host.into_bytes()),
            vec!["no tarball for this host", HOST],
        ),
        // The manifest's tarball URL is not served: 404.
        (
            "/ok.json",
            Reply::Ok(manifest),
            vec!["HTTP 404", "/dl/clif-toolchain-dev-"],
        ),
    ];
    for (path, reply, needles) in cases {
        let url = server.route(path, reply);
        assert_failed_cleanly(
            install(Source::Manifest(url), &prefix),
            &needles,
            &prefix,
            &before,
        );
    }
}

#[test]
fn local_file_checksum_is_required_and_checked() {
    let tmp = tempfile::tempdir().unwrap();
    let (prefix, before) = installed(tmp.path());
    let tarball = tarball_of(tmp.path(), "6666", "http://x");
    let sums = tarball.with_file_name(format!(
        "{}.sha256",
        tarball.file_name().unwrap().to_string_lossy()
    ));
    std::fs::write(&sums, format!("{}  x\n", "a".repeat(64))).unwrap();
    assert_failed_cleanly(
        install(from_file(&tarball), &prefix),
        &["checksum mismatch"],
        &prefix,
        &before,
    );
    std::fs::remove_file(&sums).unwrap();
    assert_failed_cleanly(
        install(from_file(&tarball), &prefix),
        &["--no-verify"],
        &prefix,
        &before,
    );
    let unverified = Source::File {
        path: tarball,
        verify: false,
    };
    install(unverified, &prefix).expect("--no-verify installs");
}

/// An entry of [`evil_tarball`]: name, entry type, link target.
type Evil<'a> = (&'a str, tar::EntryType, &'a str);

/// A `.tar.xz` (with its `.sha256`) holding a valid top directory and then
/// `evil`, names written raw since the tar crate refuses to write such
/// paths.
fn evil_tarball(dir: &Path, name: &str, evil: &[Evil<'_>]) -> PathBuf {
    let path = dir.join(name);
    let xz = xz2::write::XzEncoder::new(std::fs::File::create(&path).unwrap(), 1);
    let mut builder = tar::Builder::new(xz);
    let mut entries = vec![("top/", tar::EntryType::Directory, "")];
    entries.extend_from_slice(evil);
    for (entry_name, kind, link) in entries {
        let mut header = tar::Header::new_gnu();
        let old = header.as_old_mut();
        old.name[..entry_name.len()].copy_from_slice(entry_name.as_bytes());
        old.linkname[..link.len()].copy_from_slice(link.as_bytes());
        header.set_entry_type(kind);
        header.set_mode(0o644);
        let data: &[u8] = if kind == tar::EntryType::Regular {
            b"x\n"
        } else {
            b""
        };
        header.set_size(data.len() as u64);
        header.set_cksum();
        builder.append(&header, data).unwrap();
    }
    builder.into_inner().unwrap().finish().unwrap();
    let sum = crate::fingerprint::sha256_of(std::fs::File::open(&path).unwrap()).unwrap();
    std::fs::write(
        dir.join(format!("{name}.sha256")),
        format!("{sum}  {name}\n"),
    )
    .unwrap();
    path
}

#[test]
fn unsafe_archives_are_refused() {
    use tar::EntryType::{Block, Char, Link, Regular, Symlink};
    let tmp = tempfile::tempdir().unwrap();
    let (prefix, before) = installed(tmp.path());
    let cases: Vec<(&str, Vec<Evil<'_>>, &str)> = vec![
        (
            "dotdot",
            vec![("top/../../escaped", Regular, "")],
            "contains `..`",
        ),
        (
            "absolute",
            vec![("/tmp/clif-absolute-entry", Regular, "")],
            "is absolute",
        ),
        (
            "symlink-out",
            vec![("top/l", Symlink, "../../../etc")],
            "pointing outside",
        ),
        (
            "symlink-abs",
            vec![("top/l", Symlink, "/etc/passwd")],
            "pointing outside",
        ),
        (
            "through-link",
            vec![("top/d/l", Symlink, ".."), ("top/d/l/x", Regular, "")],
            "below a symbolic link",
        ),
        (
            "hardlink-out",
            vec![("top/h", Link, "../x")],
            "hard link pointing outside",
        ),
        ("char-device", vec![("top/null", Char, "")], "device"),
        ("block-device", vec![("top/sda", Block, "")], "device"),
    ];
    for (name, evil, why) in cases {
        let archive = evil_tarball(tmp.path(), &format!("{name}.tar.xz"), &evil);
        assert_failed_cleanly(
            install(from_file(&archive), &prefix),
            &["refusing to unpack", why],
            &prefix,
            &before,
        );
    }
    assert!(!Path::new("/tmp/clif-absolute-entry").exists());
    assert!(!tmp.path().join("escaped").exists());
}

#[test]
fn a_toolchain_that_does_not_run_is_not_installed() {
    let tmp = tempfile::tempdir().unwrap();
    let (prefix, before) = installed(tmp.path());
    let dist = tmp.path().join("dist-broken");
    fake_dist(&dist, "7777");
    std::fs::write(dist.join("bin/rustc"), "#!/bin/sh\nexit 3\n").unwrap();
    let repo = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out-broken");
    let tarball = package::run(&package::Package {
        dist: &dist,
        out: &out,
        version: "dev",
        base_url: "http://x",
        repo: repo.path(),
        shell: SHELL,
    })
    .unwrap();
    assert_failed_cleanly(
        install(from_file(&tarball), &prefix),
        &["does not work", "exit code 3"],
        &prefix,
        &before,
    );
}

#[test]
fn the_tarballs_install_sh_installs_and_uninstalls() {
    let tmp = tempfile::tempdir().unwrap();
    let tarball = tarball_of(tmp.path(), "8888", "http://x");
    let unpacked = tmp.path().join("unpacked");
    std::fs::create_dir(&unpacked).unwrap();
    unpack::unpack(&tarball, &unpacked).unwrap();
    let top = unpack::top_dir(&unpacked).unwrap();
    let prefix = tmp.path().join("by-install-sh");
    let sh = |args: &[&str]| {
        let out = std::process::Command::new("sh")
            .arg(top.join("install.sh"))
            .args(args)
            .arg(format!("--prefix={}", prefix.display()))
            .arg("--disable-ldconfig")
            .output()
            .unwrap();
        assert!(out.status.success(), "install.sh {args:?}: {out:?}");
        let text = format!("{out:?}");
        assert!(!text.contains("WARNING"), "install.sh {args:?}: {text}");
    };
    sh(&[]);
    for file in [
        "bin/rustc",
        "libexec/rustc-real",
        "lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld",
        "VERSION",
    ] {
        assert!(prefix.join(file).exists(), "{file}");
    }
    assert_eq!(
        std::fs::read_link(prefix.join("lib/rustlib/x86_64-unknown-linux-gnu/bin/gcc-ld/ld.lld"))
            .unwrap(),
        Path::new("../rust-lld")
    );
    // Same files as our own installer (install.sh adds its log).
    let ours = tmp.path().join("by-us");
    install(from_file(&tarball), &ours).unwrap();
    let names = |dir: &Path| {
        snapshot(dir)
            .into_iter()
            .map(|l| l.split(' ').next().unwrap().to_owned())
            .filter(|n| n != "lib/rustlib/install.log")
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&prefix), names(&ours));
    sh(&["--uninstall"]);
    assert!(!prefix.join("bin/rustc").exists());
    assert!(!prefix.join("lib/rustlib").exists());
}
