//! The speed levers the bench measures: settings of the clif toolchain that
//! trade compile time (or run time) and are on or off by default. Each full
//! run builds every crate set once more per lever with that one setting
//! changed, and reports the time relative to the default clif build; levers
//! that change the generated code also build and run the run-time programs.

/// One setting, changed from the toolchain's default through the
/// environment the backend and the `bin/rustc` launcher read.
pub struct Lever {
    /// For the report (`single-pass regalloc`).
    pub name: &'static str,
    /// For target dirs and log names (`single-pass`).
    pub slug: &'static str,
    /// What the changed setting does, for the report.
    pub what: &'static str,
    pub env: &'static [(&'static str, &'static str)],
    /// Whether the generated code differs (then the run-time programs are
    /// measured with it too).
    pub changes_code: bool,
}

/// Every lever, in report order.
pub const LEVERS: &[Lever] = &[
    Lever {
        name: "single-pass regalloc",
        slug: "single-pass",
        what: "Cranelift's single-pass register allocator instead of the \
               backtracking one (`CLIF_REGALLOC=single_pass`)",
        env: &[("CLIF_REGALLOC", "single_pass")],
        changes_code: true,
    },
    Lever {
        name: "no worker threads",
        slug: "serial",
        what: "every codegen unit compiled on rustc's thread instead of on \
               jobserver-limited worker threads (`CLIF_PARALLEL=0`)",
        env: &[("CLIF_PARALLEL", "0")],
        changes_code: false,
    },
    Lever {
        name: "verifier on",
        slug: "verifier",
        what: "Cranelift's IR verifier run on every function (`CLIF_VERIFIER=1`)",
        env: &[("CLIF_VERIFIER", "1")],
        changes_code: false,
    },
    Lever {
        name: "system linker",
        slug: "system-linker",
        what: "cc's default linker (GNU ld) instead of the bundled lld (`CLIF_LLD=0`)",
        env: &[("CLIF_LLD", "0")],
        changes_code: false,
    },
];
