//! Backend settings: Cranelift's register allocator and IR verifier, and
//! whether units compile on worker threads. Declared once here with their
//! defaults; read from the environment so the toolchain's wrappers and tests
//! can set them without new rustc flags.

/// The register allocator Cranelift uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Regalloc {
    /// Cranelift's default: better code, slower to run.
    Backtracking,
    /// One linear pass: faster compiles, worse code.
    SinglePass,
}

#[derive(Clone, Debug)]
pub struct BackendConfig {
    /// `CLIF_VERIFIER=1|0`: run Cranelift's IR verifier on every function.
    /// Default: on in debug builds of the backend, off in release builds.
    pub verifier: bool,
    /// `CLIF_REGALLOC=backtracking|single_pass`.
    pub regalloc: Regalloc,
    /// `CLIF_PARALLEL=1|0`: compile units on worker threads as cargo's
    /// jobserver allows (default), or all on rustc's thread (for measuring
    /// what the threads gain).
    pub parallel: bool,
}

impl BackendConfig {
    pub fn from_env() -> Self {
        let verifier = match std::env::var("CLIF_VERIFIER").as_deref() {
            Ok("1") => true,
            Ok("0") => false,
            _ => cfg!(debug_assertions),
        };
        let regalloc = match std::env::var("CLIF_REGALLOC").as_deref() {
            Ok("single_pass") => Regalloc::SinglePass,
            _ => Regalloc::Backtracking,
        };
        let parallel = std::env::var("CLIF_PARALLEL").as_deref() != Ok("0");
        BackendConfig {
            verifier,
            regalloc,
            parallel,
        }
    }
}
