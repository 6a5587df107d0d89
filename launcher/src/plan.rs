//! The rustc command line the launcher runs: the caller's arguments plus
//! what the [`Policy`] adds.
//!
//! - `-Zcodegen-backend=<root>/<backend>` after the caller's arguments
//!   (found from the toolchain root, so the directory can move). `-Z` flags
//!   need `RUSTC_BOOTSTRAP=1`; so that this does not silently enable
//!   `#![feature]` in user crates, [`FEATURE_GATE`] (no feature may be
//!   enabled) follows unless the caller set `RUSTC_BOOTSTRAP` itself.
//! - Exactly `rustc -vV` (cargo's probe) gets a last line `clif-toolchain:
//!   <dist id>`, so that cargo rebuilds user crates when the toolchain
//!   changes.
//! - The linker: when `CLIF_LLD` is `1` (or unset and the policy's
//!   default), `-Clink-arg=-fuse-ld=lld -Clink-arg=-B<root>/<gcc-ld>`
//!   before the caller's arguments, so that cc runs the bundled lld as
//!   `gcc-ld/ld.lld` and a caller's own `-fuse-ld` comes later and wins.
//!   Not rustc's `-Clinker-flavor=gnu-lld-cc -Clink-self-contained=+linker`,
//!   which says the same: on rustc 1.96 they need `-Zunstable-options`,
//!   which registers rustc's internal lints, and an incremental build whose
//!   previous session had the other setting then ICEs ("unstable
//!   fingerprints for lints_that_dont_need_to_run"); link arguments are not
//!   tracked by incremental compilation. Left out when the caller chose the
//!   linker (see [`Scan::linker_chosen`]) and for a `--target` that is
//!   neither the host nor a cross target. `CLIF_LLD=0` is the system
//!   linker, as with stock rustc.
//! - For a cross `--target`, `-Clinker=<its C compiler driver>` first
//!   unless the caller named a linker (lld is a cross linker; the driver
//!   finds the target's C runtime and assembles `asm!`). When that driver
//!   is not installed and rustc fails, a note names the Debian packages.
//! - The panic strategy is the caller's, as with stock rustc.

use std::ffi::OsString;
use std::path::Path;

use crate::args::{scan, Scan};
use crate::policy::{resolve, Policy};

/// Refuses `#![feature]` in crates compiled without `RUSTC_BOOTSTRAP`
/// (the launcher itself needs it for `-Zcodegen-backend`). The LLVM
/// reference side of the test suites passes it too, to compile the same
/// language.
pub const FEATURE_GATE: &str = "-Zallow-features=";

/// The environment variable that picks the linker of host programs.
pub const LLD_ENV: &str = "CLIF_LLD";

/// The first word of `VERSION` and of the `-vV` identity line.
pub const VERSION_MAGIC: &str = "clif-toolchain";

/// What the launcher reads from its environment.
pub struct Environment<'a> {
    /// `CLIF_LLD` (`None` when unset or empty).
    pub clif_lld: Option<&'a str>,
    /// Whether the caller set `RUSTC_BOOTSTRAP`.
    pub bootstrap: bool,
    /// Whether a program is on `PATH`.
    pub installed: &'a dyn Fn(&str) -> bool,
}

/// How to run `libexec/rustc-real` (always with `RUSTC_BOOTSTRAP=1`).
#[derive(Debug, PartialEq, Eq)]
pub struct Plan {
    pub args: Vec<OsString>,
    /// After a successful run, print `clif-toolchain: <dist id>` (the `-vV`
    /// probe).
    pub identify: bool,
    /// Printed to stderr when rustc fails.
    pub failure_note: Option<String>,
}

/// The plan for `bin/rustc args` in the toolchain at `root`.
pub fn rustc(
    policy: &Policy,
    root: &Path,
    args: &[OsString],
    env: &Environment<'_>,
) -> Result<Plan, String> {
    let backend = policy.backend_in(root).map(|dylib| {
        let mut flag = OsString::from("-Zcodegen-backend=");
        flag.push(dylib);
        flag
    });
    if args.len() == 1 && args[0] == "-vV" {
        return Ok(Plan {
            args: args.iter().cloned().chain(backend).collect(),
            identify: true,
            failure_note: None,
        });
    }
    let lld = match env.clif_lld {
        None => policy.lld_default,
        Some("0") => false,
        Some("1") => true,
        Some(other) => {
            return Err(format!(
                "{LLD_ENV} must be 1 (the bundled lld) or 0 (the system linker), not '{other}'"
            ))
        }
    };
    let Scan {
        target,
        linker_chosen,
        linker_named,
    } = scan(args);
    let cross = target.as_deref().and_then(|t| policy.cross_target(t));
    let known = match target.as_deref() {
        None => true,
        Some(triple) => triple == policy.host || cross.is_some(),
    };
    let driver = cross.filter(|_| !linker_named);

    let mut planned = Vec::new();
    if let Some(cross) = driver {
        planned.push(OsString::from(format!("-Clinker={}", cross.driver)));
    }
    if lld && known && !linker_chosen {
        planned.push("-Clink-arg=-fuse-ld=lld".into());
        let mut dir = OsString::from("-Clink-arg=-B");
        dir.push(resolve(root, &policy.gcc_ld));
        planned.push(dir);
    }
    planned.extend(args.iter().cloned());
    planned.extend(backend);
    if !env.bootstrap {
        planned.push(FEATURE_GATE.into());
    }
    let failure_note = driver
        .filter(|cross| !(env.installed)(&cross.driver))
        .map(|cross| {
            format!(
                "note (clif-toolchain): {} is linked and assembled by {}, which is not \
                 installed; install Debian's {}",
                cross.triple,
                cross.driver,
                cross.packages.join(" ")
            )
        });
    Ok(Plan {
        args: planned,
        identify: false,
        failure_note,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::CrossTarget;

    fn policy(lld_default: bool) -> Policy {
        Policy {
            host: "h".into(),
            backend: Some("lib/rustlib/h/codegen-backends/clif.so".into()),
            gcc_ld: "lib/rustlib/h/bin/gcc-ld".into(),
            lld_default,
            cross: vec![CrossTarget {
                triple: "c".into(),
                driver: "c-gcc".into(),
                packages: vec!["gcc-c".into(), "qemu-user".into()],
            }],
        }
    }

    /// The plan's arguments as one line, with `/r` the root.
    fn line(args: &[&str], clif_lld: Option<&str>, bootstrap: bool) -> String {
        let plan = plan(args, clif_lld, bootstrap, &|_| true).expect("plan");
        let words: Vec<String> = plan
            .args
            .iter()
            .map(|arg| arg.to_string_lossy().replace('\\', "/"))
            .collect();
        words.join(" ")
    }

    fn plan(
        args: &[&str],
        clif_lld: Option<&str>,
        bootstrap: bool,
        installed: &dyn Fn(&str) -> bool,
    ) -> Result<Plan, String> {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        let env = Environment {
            clif_lld,
            bootstrap,
            installed,
        };
        rustc(&policy(true), Path::new("/r"), &args, &env)
    }

    const BACKEND: &str = "-Zcodegen-backend=/r/lib/rustlib/h/codegen-backends/clif.so";
    const LLD: &str = "-Clink-arg=-fuse-ld=lld -Clink-arg=-B/r/lib/rustlib/h/bin/gcc-ld";

    #[test]
    fn backend_and_feature_gate_follow_the_callers_arguments() {
        assert_eq!(
            line(&["a.rs", "-O"], Some("0"), false),
            format!("a.rs -O {BACKEND} -Zallow-features=")
        );
        assert_eq!(line(&["a.rs"], Some("0"), true), format!("a.rs {BACKEND}"));
    }

    #[test]
    fn lld_flags_come_first() {
        assert_eq!(
            line(&["a.rs", "-O"], Some("1"), false),
            format!("{LLD} a.rs -O {BACKEND} -Zallow-features=")
        );
    }

    #[test]
    fn lld_default_applies_when_clif_lld_is_unset() {
        let args: Vec<OsString> = vec!["a.rs".into()];
        let env = |clif_lld| Environment {
            clif_lld,
            bootstrap: true,
            installed: &|_| true,
        };
        for default in [false, true] {
            let plan = rustc(&policy(default), Path::new("/r"), &args, &env(None)).expect("plan");
            assert_eq!(plan.args.len(), if default { 4 } else { 2 }, "{plan:?}");
        }
        let err = rustc(&policy(true), Path::new("/r"), &args, &env(Some("yes")))
            .expect_err("bad CLIF_LLD");
        assert!(err.contains("CLIF_LLD must be 1"), "{err}");
    }

    #[test]
    fn lld_only_for_known_targets_and_unchosen_linkers() {
        for args in [&["a.rs"][..], &["--target", "h"], &["--target=h"]] {
            assert!(line(args, Some("1"), true).starts_with(LLD), "{args:?}");
        }
        for args in [
            &["--target", "x86_64-pc-windows-gnu"][..],
            &["--target=my-target.json"],
            &["-Clinker=ld.bfd"],
            &["-Clinker-flavor=gnu-cc"],
        ] {
            assert!(!line(args, Some("1"), true).contains("fuse-ld"), "{args:?}");
        }
        assert!(line(&["-Clinker=cc"], Some("1"), true).starts_with(LLD));
    }

    #[test]
    fn cross_targets_get_their_driver_and_lld() {
        assert_eq!(
            line(&["--target", "c", "a.rs"], Some("1"), true),
            format!("-Clinker=c-gcc {LLD} --target c a.rs {BACKEND}")
        );
        let named = line(&["--target=c", "-Clinker=my-gcc"], Some("0"), true);
        assert_eq!(named, format!("--target=c -Clinker=my-gcc {BACKEND}"));
        assert!(!line(&["a.rs"], None, true).contains("c-gcc"));
    }

    #[test]
    fn a_missing_cross_driver_gets_a_note() {
        let note = |args: &[&str], installed: &dyn Fn(&str) -> bool| {
            plan(args, None, true, installed)
                .expect("plan")
                .failure_note
        };
        assert_eq!(note(&["--target", "c"], &|_| true), None);
        assert_eq!(
            note(&["--target", "c"], &|program| program != "c-gcc").as_deref(),
            Some(
                "note (clif-toolchain): c is linked and assembled by c-gcc, which is not \
                 installed; install Debian's gcc-c qemu-user"
            )
        );
        // A linker of the caller's is not the launcher's business.
        assert_eq!(note(&["--target", "c", "-Clinker=x-gcc"], &|_| false), None);
        assert_eq!(note(&["a.rs"], &|_| false), None);
    }

    #[test]
    fn the_panic_strategy_is_the_callers() {
        for args in [&["--test", "a.rs"][..], &["-Cpanic=abort", "a.rs"]] {
            let line = line(args, None, false);
            assert!(!line.contains("panic-abort-tests"), "{line}");
            assert_eq!(
                line.matches("-Cpanic").count(),
                usize::from(args.contains(&"-Cpanic=abort")),
                "{line}"
            );
        }
    }

    #[test]
    fn the_version_probe_names_the_backend_and_identifies() {
        let probe = plan(&["-vV"], Some("bad"), false, &|_| true).expect("plan");
        assert!(probe.identify);
        assert_eq!(probe.args, [OsString::from("-vV"), OsString::from(BACKEND)]);
        assert!(
            !plan(&["-vV", "a.rs"], None, false, &|_| true)
                .expect("plan")
                .identify
        );
    }

    #[test]
    fn the_llvm_developer_mode_adds_no_backend() {
        let llvm = Policy {
            backend: None,
            ..policy(false)
        };
        let env = Environment {
            clif_lld: None,
            bootstrap: false,
            installed: &|_| true,
        };
        let plan = rustc(&llvm, Path::new("/r"), &["a.rs".into()], &env).expect("plan");
        assert_eq!(
            plan.args,
            [OsString::from("a.rs"), OsString::from(FEATURE_GATE)]
        );
    }
}
