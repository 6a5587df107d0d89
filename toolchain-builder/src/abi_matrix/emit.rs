//! The ABI matrix's sources. Every function gets fixed random argument
//! values and a fixed return value: the callee checks each argument it
//! receives and returns its value, the caller passes the arguments and
//! checks what comes back. Both sides print what they see, one line per
//! check, flushed at once (so a crash still shows how far the run got):
//!
//! ```text
//! F <function> arg <n>[: got <value>]   the callee received a wrong argument
//! R <function> ok|wrong[: got <value>]  the caller got back the return value
//! END                                   the caller finished
//! ```
//!
//! Files (all in one directory, the Rust ones `include!` each other):
//! - `abi_callee_body.rs`: the types and every function, defined in Rust.
//! - `abi_callee.rs`: a library of them (the callee of a Rust caller).
//! - `abi_caller.rs`: a program calling every function; with `--cfg
//!   c_callee` only the C ones, declared in an `extern "C"` block (the
//!   callee is `abi_callee.c`), otherwise those of the `abi_callee` crate.
//! - `abi_c_host.rs`: a program defining every function and calling
//!   `abi_run_c_callers` of `abi_caller.c` (C calls Rust).
//! - `abi_common.h`, `abi_callee.c`, `abi_caller.c`: the same in C, for
//!   the functions C can define and call.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context as _;

use super::signatures::{Conv, Signature};
use super::types::{c_declarations, c_equal, rust_declarations, Features, Rng, Ty, Value};

/// A signature with the values of one call.
pub struct Call {
    pub sig: Signature,
    args: Vec<Value>,
    varargs: Vec<Value>,
    ret: Option<Value>,
}

impl Call {
    /// The calls for `sigs`, with values drawn from a seed per function.
    pub fn for_signatures(sigs: Vec<Signature>) -> Vec<Call> {
        sigs.into_iter()
            .enumerate()
            .map(|(n, sig)| {
                let mut rng = Rng::new(0x5eed_0000 + n as u64);
                let args = sig.args.iter().map(|t| Value::new(*t, &mut rng)).collect();
                let varargs = sig
                    .varargs
                    .iter()
                    .map(|s| Value::new(Ty::Scalar(*s), &mut rng))
                    .collect();
                let ret = sig.ret.map(|t| Value::new(t, &mut rng));
                Call {
                    sig,
                    args,
                    varargs,
                    ret,
                }
            })
            .collect()
    }
}

const RUST_PRELUDE: &str = "\
#![feature(f16, f128, c_variadic)]
#![allow(improper_ctypes, improper_ctypes_definitions, dead_code, unused_unsafe, unused_mut, unused_parens)]
";

/// Writes every source into `dir`.
pub fn write_sources(dir: &Path, calls: &[Call], features: Features) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let files = [
        ("abi_callee_body.rs", rust_callee_body(calls, features)),
        (
            "abi_callee.rs",
            format!("{RUST_PRELUDE}include!(\"abi_callee_body.rs\");\n"),
        ),
        ("abi_caller.rs", rust_caller(calls, features)),
        // The Rust caller's own copy of the types, for a C callee.
        ("abi_types.rs", rust_declarations(features)),
        (
            "abi_c_host.rs",
            format!(
                "{RUST_PRELUDE}include!(\"abi_callee_body.rs\");\n\
                 extern \"C\" {{\n    fn abi_run_c_callers();\n}}\n\
                 fn main() {{\n    unsafe {{ abi_run_c_callers() }};\n    println!(\"END\");\n}}\n"
            ),
        ),
        ("abi_common.h", c_common(features)),
        ("abi_callee.c", c_callee(calls, features)),
        ("abi_caller.c", c_caller(calls, features)),
    ];
    for (name, text) in files {
        let path = dir.join(name);
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

/// The Rust parameter list, `a0: T0, a1: T1`.
fn rust_params(sig: &Signature) -> String {
    let params: Vec<String> = sig
        .args
        .iter()
        .enumerate()
        .map(|(i, t)| format!("a{i}: {}", t.rust()))
        .collect();
    params.join(", ")
}

fn rust_ret(sig: &Signature) -> String {
    sig.ret
        .map_or_else(String::new, |t| format!(" -> {}", t.rust()))
}

fn rust_callee_body(calls: &[Call], features: Features) -> String {
    let mut out = rust_declarations(features);
    out.push_str(
        "fn arg_wrong(function: &str, arg: usize, got: &dyn core::fmt::Debug) {\n    \
         println!(\"F {function} arg {arg}: got {got:?}\");\n}\n",
    );
    for call in calls {
        let sig = &call.sig;
        let name = &sig.name;
        let mut params = rust_params(sig);
        let head = match (sig.conv, sig.variadic) {
            (Conv::Rust, _) => "#[inline(never)]\npub fn".to_owned(),
            (Conv::C, false) => "#[no_mangle]\n#[inline(never)]\npub extern \"C\" fn".to_owned(),
            (Conv::C, true) => {
                params.push_str(", mut va: ...");
                "#[no_mangle]\n#[inline(never)]\npub unsafe extern \"C\" fn".to_owned()
            }
        };
        let _ = writeln!(out, "{head} {name}({params}){} {{", rust_ret(sig));
        for (i, (ty, value)) in sig.args.iter().zip(&call.args).enumerate() {
            let got = match ty {
                Ty::Ref(_) => format!("*a{i}"),
                _ => format!("a{i}"),
            };
            let expected = match ty {
                Ty::Ref(_) => format!("*{}", value.rust),
                _ => value.rust.clone(),
            };
            let _ = writeln!(
                out,
                "    if {got} != ({expected}) {{ arg_wrong(\"{name}\", {i}, &{got}); }}"
            );
        }
        for (k, (s, value)) in sig.varargs.iter().zip(&call.varargs).enumerate() {
            let i = sig.args.len() + k;
            let _ = writeln!(
                out,
                "    let v{k} = unsafe {{ va.arg::<{}>() }};\n    \
                 if v{k} != ({}) {{ arg_wrong(\"{name}\", {i}, &v{k}); }}",
                s.rust(),
                value.rust
            );
        }
        if let Some(ret) = &call.ret {
            let _ = writeln!(out, "    {}", ret.rust);
        }
        out.push_str("}\n");
    }
    out
}

fn rust_caller(calls: &[Call], features: Features) -> String {
    let mut out = format!(
        "{RUST_PRELUDE}\
         #[cfg(c_callee)]\nmod types {{\n    include!(\"abi_types.rs\");\n}}\n\
         #[cfg(c_callee)]\nuse types::*;\n\
         #[cfg(not(c_callee))]\nuse abi_callee::*;\n\
         #[cfg(not(c_callee))]\nuse abi_callee as callee;\n"
    );
    // The C callee's functions.
    out.push_str("#[cfg(c_callee)]\nmod callee {\n    use super::*;\n    extern \"C\" {\n");
    for call in calls.iter().filter(|c| c.sig.in_c(features)) {
        let sig = &call.sig;
        let mut params = rust_params(sig);
        if sig.variadic {
            params.push_str(", ...");
        }
        let _ = writeln!(
            out,
            "        pub fn {}({params}){};",
            sig.name,
            rust_ret(sig)
        );
    }
    out.push_str("    }\n}\n");
    out.push_str(
        "fn returned(function: &str, ok: bool, got: &dyn core::fmt::Debug) {\n    \
         if ok { println!(\"R {function} ok\") } else { println!(\"R {function} wrong: got {got:?}\") }\n}\n",
    );
    // One function per call (a single huge `main` overflows rustc's stack).
    let mut main = String::from("fn main() {\n");
    for call in calls {
        let sig = &call.sig;
        let mut cfg = Vec::new();
        if !sig.in_c(features) {
            cfg.push("not(c_callee)");
        }
        let cfg = match cfg.is_empty() {
            true => String::new(),
            false => format!("#[cfg(all({}))]\n", cfg.join(", ")),
        };
        let args: Vec<&str> = call
            .args
            .iter()
            .chain(&call.varargs)
            .map(|v| v.rust.as_str())
            .collect();
        let invoke = format!("unsafe {{ callee::{}({}) }}", sig.name, args.join(", "));
        let check = match &call.ret {
            Some(ret) => format!(
                "let r = {invoke}; returned(\"{}\", r == ({}), &r);",
                sig.name, ret.rust
            ),
            None => format!("{invoke}; returned(\"{}\", true, &());", sig.name),
        };
        let name = &sig.name;
        let _ = writeln!(out, "{cfg}fn call_{name}() {{\n    {check}\n}}");
        // (`let` because attributes on expression statements are unstable.)
        let _ = writeln!(main, "    {cfg}let () = call_{name}();");
    }
    main.push_str("    println!(\"END\");\n}\n");
    out + &main
}

fn c_common(features: Features) -> String {
    let mut out = String::from(
        "#include <stdarg.h>\n#include <stdbool.h>\n#include <stdint.h>\n#include <stdio.h>\n#include <string.h>\n",
    );
    let mut float = |bits: u32, ty: &str, uint: &str| {
        let _ = writeln!(
            out,
            "static inline {ty} f{bits}_from_bits({uint} b) {{ {ty} f; memcpy(&f, &b, sizeof f); return f; }}"
        );
    };
    float(32, "float", "uint32_t");
    float(64, "double", "uint64_t");
    if features.c_f16 {
        float(16, "_Float16", "uint16_t");
    }
    if features.c_f128 {
        float(128, "_Float128", "unsigned __int128");
    }
    out.push_str(&c_declarations(features));
    out.push_str(
        "static void arg_wrong(const char *function, int arg) { printf(\"F %s arg %d\\n\", function, arg); fflush(stdout); }\n\
         static void returned(const char *function, int ok) { printf(\"R %s %s\\n\", function, ok ? \"ok\" : \"wrong\"); fflush(stdout); }\n",
    );
    out
}

fn c_prototype(sig: &Signature) -> String {
    let mut params: Vec<String> = sig
        .args
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{} a{i}", t.c()))
        .collect();
    if sig.variadic {
        params.push("...".to_owned());
    }
    let ret = sig.ret.map_or_else(|| "void".to_owned(), |t| t.c());
    format!("{ret} {}({})", sig.name, params.join(", "))
}

fn c_callee(calls: &[Call], features: Features) -> String {
    let mut out = String::from("#include \"abi_common.h\"\n");
    for call in calls.iter().filter(|c| c.sig.in_c(features)) {
        let sig = &call.sig;
        let _ = writeln!(out, "{} {{", c_prototype(sig));
        for (i, (ty, value)) in sig.args.iter().zip(&call.args).enumerate() {
            let expected = value.c.as_deref().expect("C value");
            let _ = writeln!(
                out,
                "    if (!{}) arg_wrong(\"{}\", {i});",
                c_equal(*ty, &format!("a{i}"), expected),
                sig.name
            );
        }
        if sig.variadic {
            let last = sig.args.len() - 1;
            let _ = writeln!(out, "    va_list va;\n    va_start(va, a{last});");
            for (k, (s, value)) in sig.varargs.iter().zip(&call.varargs).enumerate() {
                let i = sig.args.len() + k;
                let ty = Ty::Scalar(*s).c();
                let _ = writeln!(
                    out,
                    "    {{ {ty} v = va_arg(va, {ty}); if (!{}) arg_wrong(\"{}\", {i}); }}",
                    c_equal(Ty::Scalar(*s), "v", value.c.as_deref().expect("C value")),
                    sig.name
                );
            }
            out.push_str("    va_end(va);\n");
        }
        if let Some(ret) = &call.ret {
            let _ = writeln!(out, "    return {};", ret.c.as_deref().expect("C value"));
        }
        out.push_str("}\n");
    }
    out
}

fn c_caller(calls: &[Call], features: Features) -> String {
    let mut out = String::from("#include \"abi_common.h\"\n");
    let calls: Vec<&Call> = calls.iter().filter(|c| c.sig.in_c(features)).collect();
    for call in &calls {
        let _ = writeln!(out, "{};", c_prototype(&call.sig));
    }
    out.push_str("void abi_run_c_callers(void) {\n");
    for call in &calls {
        let sig = &call.sig;
        let args: Vec<&str> = call
            .args
            .iter()
            .chain(&call.varargs)
            .map(|v| v.c.as_deref().expect("C value"))
            .collect();
        let invoke = format!("{}({})", sig.name, args.join(", "));
        let line = match (&call.ret, sig.ret) {
            (Some(ret), Some(ty)) => format!(
                "    {{ {} r = {invoke}; returned(\"{}\", {}); }}",
                ty.c(),
                sig.name,
                c_equal(ty, "r", ret.c.as_deref().expect("C value"))
            ),
            _ => format!("    {{ {invoke}; returned(\"{}\", 1); }}", sig.name),
        };
        let _ = writeln!(out, "{line}");
    }
    out.push_str("}\n");
    out
}
