//! Which codegen backend compiles something: rustc's own LLVM backend, or a
//! backend dylib (ours, `rustc_codegen_clif`) loaded with
//! `-Zcodegen-backend=`. Stages and test suites take one of these; the
//! developer variable `CLIF_TEST_BACKEND=llvm` (read here) swaps the
//! Cranelift backend for LLVM everywhere, so the pipeline can be checked
//! before the backend can compile everything.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::exit::UsageError;
use crate::progress;

/// The codegen backend a compile uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodegenBackend {
    /// rustc's own LLVM backend.
    Llvm,
    /// A backend dylib loaded with `-Zcodegen-backend=`.
    Dylib(PathBuf),
}

impl CodegenBackend {
    /// A short name for messages and directory names: `llvm` or `clif`.
    pub fn kind(&self) -> &'static str {
        match self {
            CodegenBackend::Llvm => "llvm",
            CodegenBackend::Dylib(_) => "clif",
        }
    }

    /// The rustc flag selecting this backend, if it is not the default.
    pub fn flag(&self) -> Option<OsString> {
        match self {
            CodegenBackend::Llvm => None,
            CodegenBackend::Dylib(dylib) => {
                let mut flag = OsString::from("-Zcodegen-backend=");
                flag.push(dylib);
                Some(flag)
            }
        }
    }
}

/// The developer variable `CLIF_TEST_BACKEND`: `llvm` means "use the LLVM
/// backend where the Cranelift backend would be used" (tests, sysroot and
/// dist), which checks tests, harness and stages without the Cranelift
/// backend. Unset, empty or `clif` means the normal pipeline.
pub fn developer_override() -> anyhow::Result<Option<CodegenBackend>> {
    match std::env::var("CLIF_TEST_BACKEND").as_deref() {
        Err(std::env::VarError::NotPresent) | Ok("") | Ok("clif") => Ok(None),
        Ok("llvm") => {
            progress::note(
                "CLIF_TEST_BACKEND=llvm: the LLVM backend stands in for the Cranelift backend \
                 (developer mode)",
            );
            Ok(Some(CodegenBackend::Llvm))
        }
        Ok(other) => Err(UsageError(format!(
            "CLIF_TEST_BACKEND={other} is not understood; use `llvm` or leave it unset"
        ))
        .into()),
        Err(err) => Err(UsageError(format!("CLIF_TEST_BACKEND: {err}")).into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_dylib_needs_a_flag() {
        assert_eq!(CodegenBackend::Llvm.flag(), None);
        assert_eq!(CodegenBackend::Llvm.kind(), "llvm");
        let clif = CodegenBackend::Dylib(PathBuf::from("/b/librustc_codegen_clif.so"));
        assert_eq!(
            clif.flag(),
            Some(OsString::from(
                "-Zcodegen-backend=/b/librustc_codegen_clif.so"
            ))
        );
        assert_eq!(clif.kind(), "clif");
    }
}
