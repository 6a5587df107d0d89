//! Why a row differs, read mechanically from the clif side's output: every
//! difference gets one [`Reason`], never "unknown".
//!
//! At run time (a test that fails only with clif, or a smoke command whose
//! output differs), in this order:
//! - the backend's run-time refusal `clif backend: the LLVM intrinsic
//!   `NAME` is not supported yet (aborting)` is *vendor intrinsic `NAME`*
//!   (the vendor-intrinsics issue); any other `clif backend: ... is not
//!   supported yet` refusal is a bug;
//! - output that mentions unwinding or backtraces (`unwind`,
//!   `catch_unwind`, `backtrace`; not the `RUST_BACKTRACE=1` hint of every
//!   panic message) is *unwinding*;
//! - a crash by a signal other than the abort of a panic is a bug (`crash
//!   (SIGSEGV)`), and so is a panic or any other failure (`fails only with
//!   clif`, with the panic message).
//!
//! At build time (clif's build fails where LLVM's succeeds): the run-time
//! refusal of an LLVM intrinsic reached by a proc macro or build script
//! compiled by clif (*vendor intrinsic `NAME`*), the backend's compile-time
//! refusal (`error: the clif backend does not support X yet`), a
//! compiler panic (named after its message, and called a Cranelift panic
//! when the panicking file is Cranelift's), a link error or the first
//! `error` line; all bugs.

use std::fmt;

/// Messages are cut to this many characters.
const MAX_MESSAGE: usize = 120;

/// The classified reason of one difference.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reason {
    /// Belongs to the unwinding issue.
    Unwinding,
    /// An LLVM vendor intrinsic without a lowering (the vendor-intrinsics
    /// issue).
    VendorIntrinsic(String),
    /// A bug of the backend or toolchain, described.
    Bug(String),
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Unwinding => f.write_str("unwinding"),
            Reason::VendorIntrinsic(name) => write!(f, "vendor intrinsic `{name}`"),
            Reason::Bug(what) => write!(f, "bug: {what}"),
        }
    }
}

/// The reason of a run-time difference, from what the clif side printed.
pub fn at_run_time(output: &str) -> Reason {
    if let Some(name) = between(output, "clif backend: the LLVM intrinsic `", "`") {
        return Reason::VendorIntrinsic(name.to_owned());
    }
    if let Some(what) = between(output, "clif backend: ", " is not supported yet") {
        return Reason::Bug(format!("run-time refusal: {}", cut(what)));
    }
    let mentions_unwinding = output
        .lines()
        .filter(|line| !line.contains("RUST_BACKTRACE="))
        .map(str::to_lowercase)
        .any(|line| line.contains("unwind") || line.contains("backtrace"));
    if mentions_unwinding {
        return Reason::Unwinding;
    }
    let panic = panic_message(output);
    if panic.is_none() {
        for signal in [
            "SIGSEGV", "SIGBUS", "SIGILL", "SIGFPE", "SIGABRT", "SIGKILL",
        ] {
            if output.contains(signal) {
                return Reason::Bug(format!("crash ({signal})"));
            }
        }
    }
    match panic {
        Some(message) => Reason::Bug(format!("fails only with clif (panic: {})", cut(message))),
        None => Reason::Bug("fails only with clif".to_owned()),
    }
}

/// The reason of a build that fails only with clif, from cargo's stderr.
pub fn at_build_time(stderr: &str) -> Reason {
    // A proc macro or build script compiled by clif that reaches an LLVM
    // intrinsic aborts the compiler or cargo with the run-time message.
    if let Some(name) = between(stderr, "clif backend: the LLVM intrinsic `", "`") {
        return Reason::VendorIntrinsic(name.to_owned());
    }
    // Only errors: the same words in a warning (an LLVM intrinsic that
    // would abort if reached) refuse nothing.
    if let Some(what) = between(stderr, "error: the clif backend does not support ", " yet") {
        return Reason::Bug(format!("compile-time refusal: {}", cut(what)));
    }
    if let Some((file, message)) = panic_location(stderr) {
        let what = if file.contains("cranelift") {
            "Cranelift panic"
        } else {
            "compiler panic"
        };
        let file = file.rsplit_once("/src/").map_or(file, |(_, rest)| rest);
        return Reason::Bug(format!("{what} in {file}: {}", cut(message)));
    }
    let link_error = stderr.lines().map(str::trim).find(|line| {
        line.starts_with("error: linking with")
            || line.contains("undefined reference to")
            || line.contains("undefined symbol:")
            || line.contains("ld.lld: error:")
    });
    if let Some(line) = link_error {
        return Reason::Bug(format!("link error: {}", cut(line)));
    }
    let first_error = stderr
        .lines()
        .map(str::trim)
        .find(|line| line.starts_with("error") && !line.starts_with("error: could not compile"));
    match first_error {
        Some(line) => Reason::Bug(format!("build fails: {}", cut(line))),
        None => Reason::Bug("build fails".to_owned()),
    }
}

/// The text between the first `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &text[text.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}

/// The first panic's message: the line after `panicked at FILE:L:C:` (or
/// the rest of the line, in the older one-line format).
fn panic_message(output: &str) -> Option<&str> {
    panic_location(output).map(|(_, message)| message)
}

/// The file and message of the first `thread '...' panicked at FILE:L:C:`.
fn panic_location(output: &str) -> Option<(&str, &str)> {
    let mut lines = output.lines();
    while let Some(line) = lines.next() {
        let Some((_, location)) = line.split_once("panicked at ") else {
            continue;
        };
        let (location, inline) = location.split_once(": ").unwrap_or((location, ""));
        let file = location.trim_end_matches(':');
        let file = file.split(':').next().unwrap_or(file);
        let message = if inline.trim().is_empty() {
            lines.next().unwrap_or_default().trim()
        } else {
            inline.trim()
        };
        return Some((file, message));
    }
    None
}

/// `text` cut to [`MAX_MESSAGE`] characters.
fn cut(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(MAX_MESSAGE) {
        Some((at, _)) => format!("{}...", &text[..at]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_time_reasons() {
        let intrinsic = "---- simd stderr ----\nclif backend: the LLVM intrinsic \
                         `llvm.x86.sse2.pmovmskb.128` is not supported yet (aborting)\n";
        assert_eq!(
            at_run_time(intrinsic).to_string(),
            "vendor intrinsic `llvm.x86.sse2.pmovmskb.128`"
        );
        assert_eq!(
            at_run_time(
                "clif backend: this inline assembly (`asm!`) is not supported yet (aborting)"
            )
            .to_string(),
            "bug: run-time refusal: this inline assembly (`asm!`)"
        );
        let panic = "thread 'x' panicked at src/lib.rs:3:5:\nassertion `left == right` failed\n\
                     note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n";
        assert_eq!(
            at_run_time(panic).to_string(),
            "bug: fails only with clif (panic: assertion `left == right` failed)"
        );
        assert_eq!(
            at_run_time("assertion failed: Backtrace::capture().status() == Captured").to_string(),
            "unwinding"
        );
        assert_eq!(
            at_run_time(
                "process didn't exit successfully (signal: 11, SIGSEGV: invalid memory reference)"
            )
            .to_string(),
            "bug: crash (SIGSEGV)"
        );
        assert_eq!(at_run_time("").to_string(), "bug: fails only with clif");
    }

    #[test]
    fn build_time_reasons() {
        let refusal =
            "error: the clif backend does not support explicit tail calls (`become`) yet\n";
        assert_eq!(
            at_build_time(refusal).to_string(),
            "bug: compile-time refusal: explicit tail calls (`become`)"
        );
        let cranelift = "   Compiling regex v1.0.0\n\nthread 'rustc' panicked at \
                         /r/cranelift-codegen-0.136.5/src/machinst/lower.rs:1203:13:\n\
                         value_lowered_uses mismatch\nnote: run with `RUST_BACKTRACE=1`\n\
                         error: could not compile `regex`\n";
        assert_eq!(
            at_build_time(cranelift).to_string(),
            "bug: Cranelift panic in machinst/lower.rs: value_lowered_uses mismatch"
        );
        let ice = "thread 'rustc' panicked at backend/src/lower/mod.rs:10:5: oops\n";
        assert_eq!(
            at_build_time(ice).to_string(),
            "bug: compiler panic in lower/mod.rs: oops"
        );
        let link = "error: linking with `cc` failed: exit status: 1\n  = note: ...\n";
        assert_eq!(
            at_build_time(link).to_string(),
            "bug: link error: error: linking with `cc` failed: exit status: 1"
        );
        assert_eq!(
            at_build_time(
                "error[E0463]: can't find crate for `core`\nerror: could not compile `x`\n"
            )
            .to_string(),
            "bug: build fails: error[E0463]: can't find crate for `core`"
        );
        assert_eq!(at_build_time("").to_string(), "bug: build fails");
    }

    #[test]
    fn long_messages_are_cut() {
        let long = "x".repeat(500);
        let reason = at_run_time(&format!("thread 'a' panicked at a.rs:1:1:\n{long}\n"));
        assert_eq!(
            reason.to_string().len(),
            "bug: fails only with clif (panic: )".len() + MAX_MESSAGE + 3
        );
    }

    #[test]
    fn an_intrinsic_reached_by_a_proc_macro_is_not_a_refusal() {
        let stderr = "warning: the clif backend does not support the LLVM intrinsic \
                      `llvm.x86.avx2.pmadd.wd` yet; reaching it at run time aborts\n\
                      clif backend: the LLVM intrinsic `llvm.x86.avx2.pshuf.b` is not \
                      supported yet (aborting)\nerror: could not compile `base64` (lib test)\n";
        assert_eq!(
            at_build_time(stderr),
            Reason::VendorIntrinsic("llvm.x86.avx2.pshuf.b".to_owned())
        );
        let warning_only = "warning: the clif backend does not support the LLVM intrinsic \
                            `llvm.x86.sse2.pause` yet; reaching it at run time aborts\n\
                            error: linking with `cc` failed: exit status: 1\n";
        assert_eq!(
            at_build_time(warning_only),
            Reason::Bug("link error: error: linking with `cc` failed: exit status: 1".to_owned())
        );
    }
}
