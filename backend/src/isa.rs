//! Turns the session's target (see [`crate::target`]) into a Cranelift
//! `TargetIsa` with the flags this backend relies on.

use std::str::FromStr;
use std::sync::Arc;

use cranelift_codegen::isa::TargetIsa;
use cranelift_codegen::settings::{self, Configurable};
use rustc_session::Session;
use rustc_session::config::OptLevel;
use rustc_target::spec::RelocModel;

use crate::config::{BackendConfig, Regalloc};
use crate::target::TargetDesc;

/// Builds the Cranelift ISA for the session's target, or says why it cannot.
pub fn build_isa(sess: &Session, config: &BackendConfig) -> Result<Arc<dyn TargetIsa>, String> {
    let target = TargetDesc::of(sess)?;
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
    // Returns that do not fit the return registers (i128 and f128 on s390x)
    // go to a buffer whose address the caller passes in the first argument
    // register, which is what LLVM's sret demotion does.
    set(&mut flags, "enable_multi_ret_implicit_sret", "true");
    set(&mut flags, "preserve_frame_pointers", "true");
    set(&mut flags, "unwind_info", "true");
    if let Some(model) = target.tls_model {
        set(&mut flags, "tls_model", model);
    }
    // Large stack frames must touch each guard page (rustc's targets use inline probes).
    set(&mut flags, "enable_probestack", "true");
    set(&mut flags, "probestack_strategy", "inline");

    // Calls to memcpy and friends, like other calls (`TargetDesc::near_calls`).
    if target.near_calls {
        set(&mut flags, "use_colocated_libcalls", "true");
    }

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
