//! Target lookup: turns rustc's target spec into a Cranelift `TargetIsa` with
//! the flags this backend relies on, and reports the baseline target
//! features for `cfg(target_feature)`. The only place that knows which
//! architectures Cranelift supports.

use std::str::FromStr;
use std::sync::Arc;

use cranelift_codegen::isa::TargetIsa;
use cranelift_codegen::settings::{self, Configurable};
use rustc_session::Session;
use rustc_session::config::OptLevel;
use rustc_span::Symbol;
use rustc_target::spec::{PanicStrategy, RelocModel};

use crate::config::{BackendConfig, Regalloc};

/// Builds the Cranelift ISA for the session's target, or says why it cannot.
pub fn build_isa(sess: &Session, config: &BackendConfig) -> Result<Arc<dyn TargetIsa>, String> {
    let triple_str = sess.target.llvm_target.as_ref();
    let triple = target_lexicon::Triple::from_str(triple_str)
        .map_err(|e| format!("clif backend: cannot parse target triple `{triple_str}`: {e}"))?;

    let mut flags = settings::builder();
    let set = |flags: &mut settings::Builder, name: &str, value: &str| {
        flags
            .set(name, value)
            .unwrap_or_else(|e| panic!("bad Cranelift setting {name}={value}: {e}"))
    };
    let opt = if sess.opts.optimize == OptLevel::No {
        "none"
    } else {
        "speed"
    };
    set(&mut flags, "opt_level", opt);
    set(
        &mut flags,
        "enable_verifier",
        if config.verifier { "true" } else { "false" },
    );
    let regalloc = match config.regalloc {
        Regalloc::Backtracking => "backtracking",
        Regalloc::SinglePass => "single_pass",
    };
    set(&mut flags, "regalloc_algorithm", regalloc);
    let pic = sess.relocation_model() != RelocModel::Static;
    set(&mut flags, "is_pic", if pic { "true" } else { "false" });
    // i128 arguments and returns follow the LLVM/GCC convention.
    set(&mut flags, "enable_llvm_abi_extensions", "true");
    set(&mut flags, "preserve_frame_pointers", "true");
    set(&mut flags, "unwind_info", "true");
    if sess.target.options.is_like_darwin || sess.target.options.is_like_windows {
        // TLS is not implemented for these object formats yet.
    } else {
        set(&mut flags, "tls_model", "elf_gd");
    }
    // Large stack frames must touch each guard page (rustc's targets use inline probes).
    set(&mut flags, "enable_probestack", "true");
    set(&mut flags, "probestack_strategy", "inline");

    let isa_builder = cranelift_codegen::isa::lookup(triple.clone()).map_err(|e| {
        format!("clif backend: target `{triple_str}` is not supported by Cranelift ({e})")
    })?;
    isa_builder
        .finish(settings::Flags::new(flags))
        .map_err(|e| format!("clif backend: cannot configure Cranelift for `{triple_str}`: {e}"))
}

/// Whether Cranelift rounds floats to integral values (`floor`, `ceil`,
/// `trunc`) with an instruction: everywhere but on x86_64 without SSE4.1
/// (the baseline), where it calls libm, which in our std is
/// compiler-builtins' portable implementation compiled by Cranelift.
pub fn has_native_rounding(isa: &dyn TargetIsa) -> bool {
    isa.triple().architecture != target_lexicon::Architecture::X86_64
        || isa
            .isa_flags()
            .iter()
            .any(|flag| flag.name == "has_sse41" && flag.as_bool() == Some(true))
}

/// Whether calls that unwind into cleanup code get landing pads: with
/// panic=unwind, on targets whose unwinder reads DWARF call frame tables
/// and an LSDA (`.eh_frame`, `.gcc_except_table`). Cranelift's exception
/// tables have payload registers for the system calling convention on all
/// its ISAs (the registers `__builtin_eh_return_data_regno` names).
pub fn has_landing_pads(sess: &Session) -> bool {
    sess.panic_strategy() == PanicStrategy::Unwind && unwinds_with_dwarf(sess)
}

/// Whether the target's unwinder is the DWARF one (not Windows' SEH).
pub fn unwinds_with_dwarf(sess: &Session) -> bool {
    !sess.target.options.is_like_windows && !sess.target.options.is_like_wasm
}

/// The target features every CPU of the target has, with what they imply.
pub fn target_features(sess: &Session) -> Vec<Symbol> {
    let baseline: &[&str] = match sess.target.arch.desc() {
        "x86_64" => &["fxsr", "sse", "sse2", "x87"],
        "aarch64" => &["neon"],
        _ => &[],
    };
    let mut features: Vec<Symbol> = baseline
        .iter()
        .flat_map(|f| sess.target.implied_target_features(f))
        .map(Symbol::intern)
        .collect();
    features.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    features.dedup();
    features
}

/// Which of `f16`/`f128` (and their math) the library may rely on.
pub struct ReliableFloats {
    pub f16: bool,
    pub f128: bool,
    pub f128_math: bool,
}

/// f16/f128 arithmetic is lowered to compiler-builtins calls and their math
/// to libm calls (`lower::wide_float`), so they work wherever those symbols
/// exist and the C ABI for the types is settled. MinGW's is not (GCC bug
/// 115054, as for the LLVM backend); the `*f128` math functions are
/// glibc's, on 64-bit Linux.
pub fn reliable_floats(sess: &Session) -> ReliableFloats {
    let arch = sess.target.arch.desc();
    let os = sess.target.options.os.desc();
    let env = sess.target.options.env.desc();
    let mingw = arch == "x86_64" && os == "windows" && env == "gnu";
    let f128 = !mingw;
    ReliableFloats {
        f16: !mingw,
        f128,
        f128_math: f128 && os == "linux" && env == "gnu" && sess.target.pointer_width == 64,
    }
}
