//! The command line: global options for finding the base toolchain and the
//! build directory, and the `build` and `test` commands. The doc comments
//! here are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::targets;

/// Builds and tests clif-toolchain, a Rust toolchain whose code generator is
/// Cranelift.
///
/// The backend (`backend/`, the `rustc_codegen_clif` dylib) is compiled by a
/// base toolchain: rustc 1.96.0 with the rustc-dev and rust-src components.
/// It is found, in this order: --base-toolchain DIR, --base-archive FILE, the
/// archive ../shared/base-toolchain/clif-base-1.96.0-x86_64-unknown-linux-gnu.tar.xz
/// (unpacked once into BUILD_DIR/base/), and the rustup toolchain 1.96.0
/// (`rustup toolchain install 1.96.0 --component rustc-dev,rust-src`).
///
/// Exit codes: 0 success, 1 tests failed, 2 usage error, 3 no usable base
/// toolchain, 4 a build stage failed, 5 other errors.
#[derive(Debug, Parser)]
#[command(
    name = "toolchain-builder",
    version,
    propagate_version = true,
    after_help = "Examples (from the repository root):\n  \
        tools/setup.sh && cargo run --release -p toolchain-builder -- build\n  \
        cargo run --release -p toolchain-builder -- test\n  \
        cargo run --release -p toolchain-builder -- test int_   # only tests named *int_*\n  \
        cargo run --release -p toolchain-builder -- -v --base-toolchain DIR build"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalOptions,

    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted by every command.
#[derive(Debug, Args)]
pub struct GlobalOptions {
    /// Use this base toolchain directory (it has bin/rustc and lib/rustlib/,
    /// like a rustup toolchain or the unpacked archive's clif-base-1.96.0/).
    #[arg(long, value_name = "DIR", env = "CLIF_BASE_TOOLCHAIN", global = true)]
    pub base_toolchain: Option<PathBuf>,

    /// Use this base toolchain archive (.tar.xz); it is checked against
    /// FILE.sha256 when that exists and unpacked once into BUILD_DIR/base/.
    #[arg(long, value_name = "FILE", env = "CLIF_BASE_ARCHIVE", global = true)]
    pub base_archive: Option<PathBuf>,

    /// Where all build products and caches go [default: build/ in the
    /// repository].
    #[arg(long, value_name = "DIR", global = true)]
    pub build_dir: Option<PathBuf>,

    /// Print every command that is run (as a shell line).
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the Cranelift codegen backend.
    ///
    /// Compiles backend/ with the base toolchain (cargo build --release,
    /// target dir BUILD_DIR/backend-target) and stores the dylib in
    /// BUILD_DIR/backend/<hash>/librustc_codegen_clif.so, where the hash
    /// covers the backend's Cargo.toml, Cargo.lock, build.rs, src/ and the
    /// base rustc's version. When that file already exists cargo is not run
    /// at all. Prints the dylib's path on stdout.
    Build(BuildArgs),

    /// Build the backend if needed, then run the no_core test suite.
    ///
    /// tests/no_core/mini_core.rs is compiled as an rlib with rustc's LLVM
    /// backend and with the Cranelift backend; every other tests/no_core/*.rs
    /// is compiled with both, both binaries are run (10 s time-out each) and
    /// the test passes when stdout and exit status are equal. Directives in a
    /// test's leading comments: `//@ args: a b` passes arguments;
    /// `//@ expect-clif-error: TEXT` requires the Cranelift compile to fail
    /// cleanly (no ICE) with TEXT in its stderr. Output goes to
    /// BUILD_DIR/tests/no_core/{llvm,clif}/. Ends with `N passed, N failed`;
    /// exits with 1 if any test failed.
    ///
    /// Developer option: CLIF_TEST_BACKEND=llvm makes the "clif" side use
    /// the LLVM backend too (and skips building the backend), to check the
    /// tests and the harness before the backend works.
    Test(TestArgs),
}

/// Options of `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub target: TargetOption,
}

/// Options of `test`.
#[derive(Debug, Args)]
pub struct TestArgs {
    #[command(flatten)]
    pub target: TargetOption,

    /// Run only the tests whose name (file stem) contains FILTER.
    #[arg(value_name = "FILTER")]
    pub filter: Option<String>,
}

/// The `--target` option.
#[derive(Debug, Args)]
pub struct TargetOption {
    /// Target triple to build for; must have a file in targets/.
    #[arg(long, value_name = "TRIPLE", default_value = targets::HOST)]
    pub target: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory as _;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn test_command_takes_filter_target_and_global_options() {
        let cli = Cli::try_parse_from([
            "toolchain-builder",
            "test",
            "arith",
            "--target",
            "x86_64-unknown-linux-gnu",
            "-v",
            "--build-dir",
            "/tmp/b",
        ])
        .expect("parses");
        assert!(cli.global.verbose);
        assert_eq!(cli.global.build_dir, Some(PathBuf::from("/tmp/b")));
        match cli.command {
            Command::Test(args) => {
                assert_eq!(args.filter.as_deref(), Some("arith"));
                assert_eq!(args.target.target, "x86_64-unknown-linux-gnu");
            }
            Command::Build(_) => panic!("parsed as build"),
        }
    }

    #[test]
    fn target_defaults_to_host() {
        let cli = Cli::try_parse_from(["toolchain-builder", "build"]).expect("parses");
        match cli.command {
            Command::Build(args) => assert_eq!(args.target.target, targets::HOST),
            Command::Test(_) => panic!("parsed as test"),
        }
    }
}
