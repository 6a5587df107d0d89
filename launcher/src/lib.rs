//! The launchers of clif-toolchain: `bin/rustc` and `bin/rustdoc` are this
//! crate's program, which looks at its own file name. `bin/rustc` runs
//! `libexec/rustc-real` (the base rustc) with the Cranelift backend and the
//! toolchain's linker policy ([`plan`]), read from
//! [`policy::POLICY_FILE`]; `bin/rustdoc` runs `libexec/rustdoc-real`, which
//! finds the sysroot next to it (doctests are compiled by `bin/rustc`).
//!
//! toolchain-builder uses this library too: it writes the policy file, and
//! the test suites take their flags from here.

pub mod args;
pub mod plan;
pub mod policy;

pub use plan::{Environment, Plan, FEATURE_GATE, LLD_ENV, VERSION_MAGIC};
pub use policy::{CrossTarget, Policy, POLICY_FILE};
