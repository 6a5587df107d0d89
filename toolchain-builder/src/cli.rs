//! The command line: global options for finding the base toolchain and the
//! build directory, and the `build`, `test`, `lint`, `bench`, `fuzz`,
//! `package` and `install` commands. The doc comments
//! here are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::crater::corpus::Subset;
use crate::fuzz::SeedRange;
use crate::targets;

/// Builds and tests clif-toolchain, a Rust toolchain whose code generator is
/// Cranelift.
///
/// `build` runs the stages backend (the `rustc_codegen_clif` dylib, from
/// backend/), sysroot (the standard library compiled by that backend) and
/// dist (the toolchain directory dist/, usable with `rustup toolchain link`).
/// Each stage is cached by a hash of its inputs. The backend is compiled by a
/// base toolchain: rustc 1.96.0 with the rustc-dev and rust-src components.
/// It is found, in this order: --base-toolchain DIR, --base-archive FILE, the
/// archive ../shared/base-toolchain/clif-base-1.96.0-x86_64-unknown-linux-gnu.tar.xz
/// (unpacked once into BUILD_DIR/base/), and the rustup toolchain 1.96.0
/// (`rustup toolchain install 1.96.0 --component rustc-dev,rust-src`).
///
/// `test --suite backend-unit` runs the backend's own unit tests and `lint`
/// runs clippy on the backend, both with the base toolchain.
///
/// Exit codes: 0 success, 1 tests failed, 2 usage error, 3 no usable base
/// toolchain, 4 a build stage failed (or `lint` found problems), 5 other
/// errors.
#[derive(Debug, Parser)]
#[command(
    name = "toolchain-builder",
    version,
    propagate_version = true,
    after_help = "Examples (from the repository root):\n  \
        tools/setup.sh && cargo run --release -p toolchain-builder -- build\n  \
        cargo run --release -p toolchain-builder -- test\n  \
        cargo run --release -p toolchain-builder -- test int_   # only tests named *int_*\n  \
        cargo run --release -p toolchain-builder -- test --suite no_core\n  \
        cargo run --release -p toolchain-builder -- test --suite cargo\n  \
        cargo run --release -p toolchain-builder -- test --suite backend-unit\n  \
        cargo run --release -p toolchain-builder -- lint   # clippy -D warnings on backend/\n  \
        cargo run --release -p toolchain-builder -- test --suite crater --subset ci   # writes CRATER.md\n  \
        cargo run --release -p toolchain-builder -- bench --reps 3   # writes BENCHMARKS.md\n  \
        cargo run --release -p toolchain-builder -- fuzz --seeds 0..5000\n  \
        cargo run --release -p toolchain-builder -- package --version dev --out dist-pkg\n  \
        toolchain-builder install --channel dev --link clif\n  \
        CLIF_TEST_BACKEND=llvm cargo run --release -p toolchain-builder -- test   # developer mode\n  \
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

    /// The lld binary that stage dist bundles as
    /// lib/rustlib/<host>/bin/rust-lld [default: /usr/lib/llvm-22/bin/lld,
    /// from Debian's package lld-22, which tools/setup.sh installs].
    #[arg(long, value_name = "FILE", global = true)]
    pub lld: Option<PathBuf>,

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
    /// Build the toolchain: backend, sysroot and dist.
    ///
    /// Stage backend compiles backend/ with the base toolchain (cargo build
    /// --release, target dir BUILD_DIR/backend-target) into
    /// BUILD_DIR/backend/<hash>/librustc_codegen_clif.so; the hash covers the
    /// backend's Cargo.toml, Cargo.lock, build.rs, src/ and the base rustc's
    /// version.
    ///
    /// Stage sysroot compiles the standard library from the base toolchain's
    /// rust-src with that backend (cargo, offline, panic=unwind with both panic
    /// runtimes; target dir
    /// BUILD_DIR/sysroot-target/) into
    /// BUILD_DIR/sysroot/<hash>/lib/rustlib/<TRIPLE>/lib/; the hash covers the
    /// backend's bytes, the base rustc, the target, the flags and
    /// sysroot/Cargo.toml.in.
    ///
    /// Stage launcher compiles launcher/ (the program that is the
    /// toolchain's bin/rustc and bin/rustdoc) with the base rustc into
    /// BUILD_DIR/launcher/<hash>/clif-launcher.
    ///
    /// Stage dist (host target only) assembles the toolchain directory
    /// (default: dist/ in the repository): bin/rustc and bin/rustdoc (the
    /// launcher, running libexec/rustc-real with the Cranelift backend and
    /// the linker settings of libexec/launcher.policy), lib/, the sysroot
    /// and rust-lld (a copy of --lld). Use it with `rustup toolchain link
    /// clif dist` and `cargo +clif build`.
    ///
    /// A stage whose output exists for the same inputs does nothing. Prints
    /// the dist directory (or, for another target, the sysroot) on stdout.
    ///
    /// Developer option: CLIF_TEST_BACKEND=llvm builds sysroot and dist with
    /// the LLVM backend instead (and does not build the backend); its dist
    /// goes to BUILD_DIR/dist-llvm unless --dist-dir is given.
    Build(BuildArgs),

    /// Run the no_core, std, cargo and libtests test suites, or the crater
    /// suite (building what they need).
    ///
    /// no_core: tests/no_core/mini_core.rs is compiled as an rlib with rustc's
    /// LLVM backend and with the Cranelift backend; every other
    /// tests/no_core/*.rs is compiled with both against it. Output in
    /// BUILD_DIR/tests/no_core/{llvm,clif}/.
    ///
    /// std: every tests/std/*.rs is compiled by the base rustc with LLVM and
    /// by the toolchain's bin/rustc (so `build` runs first), both with
    /// --edition 2021 -Copt-level=0 and RUSTC_BOOTSTRAP=1 (some
    /// programs test unstable library features). If the toolchain cannot be
    /// built, the error is printed and every std test counts as failed.
    /// Output in BUILD_DIR/tests/std/{llvm,clif}/.
    ///
    /// In both, both binaries of a test run (10 s time-out each) and the
    /// test passes when stdout, stderr (thread ids in panic messages and the
    /// frames of backtraces blanked) and exit status are equal. Directives in a
    /// test's leading comments: `//@ args: a b` passes arguments; `//@
    /// expect-clif-error: TEXT` requires the Cranelift compile to fail
    /// cleanly (no ICE) with TEXT in its stderr.
    ///
    /// cargo: the workspace tests/cargo/ (crates.io dependencies, a proc
    /// macro, a build script, unit, integration and doc tests) is built by
    /// cargo with RUSTC/RUSTDOC set to the toolchain's bin/rustc and
    /// bin/rustdoc, and with the base rustc and rustdoc (the reference); target dirs BUILD_DIR/tests/cargo/{llvm,clif}/, logs
    /// in BUILD_DIR/tests/cargo/logs/. `cargo_test`: `cargo test --locked`
    /// passes on both with the same test results; `cargo_run`: `cargo run
    /// --locked -p report` prints the same stdout and exits alike. Uses the
    /// usual CARGO_HOME; the crates must be downloadable or cached. If the
    /// toolchain cannot be built, the cargo tests count as failed.
    ///
    /// One line per test; each suite ends with `SUITE: N passed, N failed`
    /// and the run with an overall `N passed, N failed`; exits with 1 if any
    /// test failed.
    ///
    /// libtests (in the default run only without FILTER; about 3 to 5
    /// minutes on 2 cores): rust-src's coretests and alloctests built by
    /// cargo (dev profile, no debuginfo) with the base rustc and LLVM
    /// and with the toolchain's
    /// bin/rustc, each test binary run with --test-threads=2; prints both
    /// sides' passed/failed/ignored side by side and fails when a
    /// Cranelift-side failure is not listed in
    /// tests/libtests/known-failures.txt. Modules and functions in
    /// tests/libtests/excluded.txt are left out of both builds, tests in
    /// tests/libtests/skipped-tests.txt are skipped. Output in
    /// BUILD_DIR/libtests/. Needs crates.io (rand) once. With `--suite
    /// libtests`, FILTER is passed to the test binaries.
    ///
    /// backend-unit (only with `--suite backend-unit`, never in the default
    /// run): the backend's own unit tests, `cargo test --release --lib` on
    /// backend/ with the base rustc (RUSTC_BOOTSTRAP=1, target dir
    /// BUILD_DIR/backend-target, the base's lib/ on LD_LIBRARY_PATH); one
    /// line per libtest result, named backend::PATH. FILTER is passed to the
    /// test binary. Needs neither the sysroot nor dist.
    /// crater (only with `--suite crater`; hours for the whole corpus, see
    /// CRATER.md): the crates.io libraries of tests/crater/corpus.toml run
    /// their own `cargo test --no-fail-fast` (unpacked into
    /// BUILD_DIR/crater/src/, dev-dependencies pinned by
    /// tests/crater/locks/NAME-VERSION.lock, generated and saved there when
    /// missing) and its applications are built with `cargo install
    /// --locked` in debug and release and run their smoke commands in
    /// tests/crater/smoke/, with the toolchain and with the LLVM reference
    /// as in the cargo suite. A row passes when both sides agree (same
    /// per-test results, same smoke output) or when it is listed in
    /// tests/crater/known-differences.txt; a listed row that agrees fails.
    /// Every difference gets a reason (unwinding, vendor intrinsic NAME, or
    /// a bug) read from the clif side's output. Results are merged into
    /// BUILD_DIR/crater/results.json and written to CRATER.md. `--subset
    /// ci` runs the rows marked `ci = true` (what CI runs).
    /// abi-cafe (only with `--suite abi-cafe`; it takes long): abi-cafe
    /// 1.1.0, installed once with `cargo install --locked` into
    /// BUILD_DIR/abi-cafe/install/, pairs the toolchain's backend with rustc
    /// (LLVM) and cc both ways (clif_calls_rustc, rustc_calls_clif,
    /// clif_calls_cc, cc_calls_clif), conventions c and rust. The clif side
    /// is the base rustc with -Zcodegen-backend= and dist/'s backend dylib
    /// (and the base standard library, like the LLVM side: abi-cafe links
    /// both sides' static libraries into one program). One line per test
    /// set abi-cafe ran; a failed set
    /// fails the run. With FILTER, only the abi-cafe test files named in it
    /// (comma-separated, e.g. `simple,u8`) run. Output and log in
    /// BUILD_DIR/abi-cafe/. Needs crates.io once.
    ///
    /// Developer option: CLIF_TEST_BACKEND=llvm makes the "clif" side use
    /// the LLVM backend too (an LLVM-built sysroot and dist for std and
    /// cargo; the backend is not built), to check the tests and the harness
    /// before the backend works.
    Test(TestArgs),

    /// Run clippy on the backend with -D warnings (all targets, so its unit
    /// tests too).
    ///
    /// The backend links rustc 1.96.0's internal crates, which only a clippy
    /// built against that rustc can load. Stage clippy provides one: the
    /// base toolchain's own bin/cargo-clippy and bin/clippy-driver when it
    /// has them (a rustup 1.96.0 toolchain with the clippy component), else
    /// clippy built by cargo with the base rustc from the clippy source of
    /// rustc 1.96.0 (/usr/src/rustc-1.96.0/src/tools/clippy, from Debian's
    /// package rust-web-src, which tools/setup.sh installs; crates.io or a
    /// filled cargo cache for its dependencies) into
    /// BUILD_DIR/clippy/<hash>/ (workspace BUILD_DIR/clippy-workspace,
    /// target dir BUILD_DIR/clippy-target; the hash covers the source, its
    /// Cargo.lock and the base rustc's version).
    ///
    /// Then `cargo-clippy clippy --release --all-targets -- -D warnings` on
    /// backend/, with the base rustc and the backend's target dir
    /// BUILD_DIR/backend-target; the full output goes to
    /// BUILD_DIR/backend-target/clippy.log when it fails. Exits with 4 when
    /// clippy finds anything.
    Lint,

    /// Benchmark the toolchain against the LLVM backend of the base rustc
    /// (compile time and run time), on the workspace bench/.
    ///
    /// Builds the toolchain first (as `build`, but into BUILD_DIR/bench/dist
    /// unless --dist-dir) and fetches bench/'s crates
    /// (`cargo fetch --locked`), so no download is timed. Compile time:
    /// every crate set of bench/ (hello, regex, serde, syn, rand, clap) is
    /// built from an empty target dir, in each repetition in turn with
    /// `cargo build` and that toolchain's bin/rustc, `cargo build` and the
    /// base rustc with LLVM (-Zallow-features=, RUSTC_BOOTSTRAP=1, matching
    /// the toolchain) and
    /// `cargo check` with the base rustc (the floor). Reports medians of
    /// wall seconds and CPU seconds (user + sys of the cargo process tree,
    /// from getrusage(RUSAGE_CHILDREN)), the ratio clif/LLVM and the backend
    /// share (clif - check) / (LLVM - check), per crate and the median over
    /// crates.
    ///
    /// Run time: bench/runtime's CPU-bound programs (raytrace, hashmap,
    /// tokenize) are built by both in the dev and the release profile and
    /// run alternately; both must print the same output (a difference is a
    /// failure). Reports median seconds and clif/LLVM per profile.
    ///
    /// Speed levers (not with --quick): every crate set is built once more
    /// per repetition for each lever, a clif build with one setting changed
    /// (CLIF_REGALLOC=single_pass, CLIF_PARALLEL=0, CLIF_VERIFIER=1,
    /// CLIF_LLD=0), reported relative to the default clif build; the
    /// single-pass allocator's dev-profile programs are run too. Breakdown:
    /// one more clif build per crate set with CLIF_TIMINGS, summed into
    /// lowering, Cranelift passes, object writing and linking.
    ///
    /// Writes BUILD_DIR/bench/results.json (every sample) and
    /// BUILD_DIR/bench/BENCHMARKS.md, and (unless --quick) BENCHMARKS.md in
    /// the repository; prints the Markdown report. Target dirs and cargo logs
    /// in BUILD_DIR/bench/. Exits with 1 if a build failed or outputs
    /// differ (the reports list the failures). Do not run other heavy jobs
    /// meanwhile: they make the numbers noisy.
    Bench(BenchArgs),

    /// Differential fuzzing with rustlantis: random UB-free programs
    /// compiled by LLVM and by the toolchain, whose runs must agree.
    ///
    /// Builds the toolchain first (as `build`) and rustlantis' generator:
    /// the rustlantis checkout (default ../shared/third-party/rustlantis) is
    /// copied into BUILD_DIR/fuzz/rustlantis-src and built with the
    /// machine's cargo (RUSTC_BOOTSTRAP=1, crates.io or a filled cargo
    /// cache needed once); the binary is cached in
    /// BUILD_DIR/fuzz/generator/<hash>/ by a hash of the sources.
    ///
    /// For every seed, the generated program (custom MIR) is compiled by the
    /// base rustc with LLVM at -Copt-level=0 (the reference) and by the
    /// toolchain's bin/rustc at -Copt-level=0 and -Copt-level=3, all with
    /// -Zmir-opt-level=0 and RUSTC_BOOTSTRAP=1; the three
    /// binaries run (10 s time-out each) and ours must match the reference
    /// in exit status, stdout and stderr. A seed that does not pass (a
    /// difference, a time-out, a compile failure or crash of ours, or a
    /// generator or reference failure) is kept in BUILD_DIR/fuzz/<seed>/:
    /// prog.rs, llvm-O0.out, clif-O0.out, clif-O3.out (status, stdout,
    /// stderr), the compile logs and reason.txt. Passing seeds leave
    /// nothing.
    ///
    /// Prints each difference as it is found, then the failed seeds and
    /// `fuzz: N seeds, N passed, N differences`; exits with 1 if any seed
    /// failed. Ctrl-C (SIGINT) stops starting seeds: the seeds under way
    /// finish, the summary counts the seeds that ran and names those that
    /// did not, and the exit code is 1.
    Fuzz(FuzzArgs),

    /// Package dist/ as a rust-installer tarball for a release.
    ///
    /// Writes, in the --out directory, clif-toolchain-<VERSION>-<HOST>.tar.xz
    /// (top directory clif-toolchain-<VERSION>-<HOST>/ with rust-installer's
    /// install.sh, components, rust-installer-version, version,
    /// git-commit-hash when the repository's HEAD is known, and the
    /// components rustc, rust-std-<TARGET> per target in dist/ and lld, each
    /// with its manifest.in), <tarball>.sha256 (sha256sum's format), and
    /// dev-release.json with this host's entry (entries of other hosts of
    /// the same version already in that file are kept). The archive is
    /// reproducible: sorted entries, uid/gid 0, modes 0755/0644, and one
    /// mtime: SOURCE_DATE_EPOCH, else HEAD's commit time, else 0. Each file
    /// is written to a temporary file and renamed. Prints the tarball's path.
    // --version is the release's, not the program's.
    #[command(disable_version_flag = true)]
    Package(PackageArgs),

    /// Install a packaged toolchain (needs no repository checkout).
    ///
    /// Takes the tarball from --from (a URL, checked against URL.sha256, or
    /// a file, checked against FILE.sha256 unless --no-verify) or from the
    /// release manifest (--channel dev: this host's entry of
    /// --manifest-url, checked against its sha256 and size). Downloads go
    /// to a temporary directory next to the prefix. Every archive entry is
    /// checked (no absolute paths, no `..`, no links leaving the tree, no
    /// devices), the components are laid out as install.sh would (with its
    /// lib/rustlib/ manifests, so the tarball's install.sh --uninstall also
    /// works) and `bin/rustc -vV` must run before the new directory
    /// replaces the prefix in one rename. On any failure an existing
    /// installation is left as it was. An existing prefix that is not a
    /// clif-toolchain installation is refused.
    Install(InstallArgs),

    /// Build the container image without a container engine: an OCI image
    /// layout archive that `docker load` and `podman load` accept.
    ///
    /// A Debian 12 root file system (mmdebstrap: minbase, gcc, libc6-dev,
    /// ca-certificates, xz-utils and every cross target's packages from
    /// targets/*.toml; cached in BUILD_DIR/rootfs/), the toolchain tarball
    /// of `package` installed into /opt/clif-toolchain with its install.sh
    /// (run inside the root, with unshare: needs root), the cargo that runs
    /// toolchain-builder as /usr/local/bin/cargo, and the environment: PATH
    /// with the toolchain first, CARGO_TARGET_<T>_LINKER and _RUNNER for
    /// every cross target, working directory /src. Cached in
    /// BUILD_DIR/image/<hash>.oci.tar by its inputs; copied to --out.
    /// `test --suite image` builds the image and checks it. Prints the
    /// archive's path.
    Image(ImageArgs),
}

/// Options of `image`.
#[derive(Debug, Args)]
pub struct ImageArgs {
    /// The toolchain tarball to install [default:
    /// dist-pkg/clif-toolchain-dev-<host>.tar.xz, as `package` writes it].
    #[arg(long, value_name = "FILE")]
    pub tarball: Option<PathBuf>,

    /// Where to write the archive [default:
    /// dist-pkg/clif-toolchain-dev-<host>.oci.tar].
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// The image's name and tag.
    #[arg(long, value_name = "NAME:TAG", default_value = "clif-toolchain:dev")]
    pub tag: String,
}

/// Options of `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// A cross target whose standard library goes into the toolchain
    /// (repeatable; must have a file in targets/) [default: every target in
    /// targets/]. The host's is always built.
    #[arg(long = "target", value_name = "TRIPLE")]
    pub targets: Vec<String>,

    #[command(flatten)]
    pub dist: DistOption,
}

/// Options of `test`.
#[derive(Debug, Args)]
pub struct TestArgs {
    #[command(flatten)]
    pub target: TargetOption,

    #[command(flatten)]
    pub dist: DistOption,

    /// Run only this suite (default: no_core, std, cargo, libtests, in this
    /// order; libtests only without FILTER; backend-unit, crater and
    /// abi-cafe only when named).
    #[arg(long, value_enum, value_name = "SUITE")]
    pub suite: Option<SuiteName>,

    /// With `--suite crater`: all of the corpus, or only the CI subset
    /// (the entries marked `ci = true`).
    #[arg(long, value_enum, value_name = "SUBSET", default_value = "all")]
    pub subset: Subset,

    /// Run only the tests whose name (file stem; cargo_test, cargo_run;
    /// a crater row's `NAME@VERSION` or `NAME@VERSION/PROFILE`) contains
    /// FILTER, in every suite run; it is an error if no test matches.
    #[arg(value_name = "FILTER")]
    pub filter: Option<String>,
}

/// Options of `bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Where stage dist puts the toolchain measured [default:
    /// BUILD_DIR/bench/dist: a toolchain of the benchmark's own, so that a
    /// `build` running meanwhile cannot replace it halfway].
    #[arg(long, value_name = "DIR")]
    pub dist_dir: Option<PathBuf>,

    /// Repeat every measurement N times and report medians [default: 3;
    /// 1 with --quick].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub reps: Option<u32>,

    /// Smoke test: one repetition (unless --reps), only the hello and regex
    /// crate sets, no speed levers; BENCHMARKS.md in the repository is left
    /// alone.
    #[arg(long)]
    pub quick: bool,

    /// Cargo's -j for every build [default: cargo's, one job per CPU].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub jobs: Option<u32>,
}

/// Options of `package`.
#[derive(Debug, Args)]
pub struct PackageArgs {
    /// The toolchain directory to package [default: dist/ in the
    /// repository]; made by `toolchain-builder build`.
    #[arg(long, value_name = "DIR")]
    pub dist_dir: Option<PathBuf>,

    /// Where the tarball, its .sha256 and dev-release.json go [default:
    /// dist-pkg/ in the repository].
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// The release's version, part of the tarball's name (letters, digits,
    /// `.`, `_`, `+`, `-`).
    #[arg(long, value_name = "V", default_value = "dev")]
    pub version: String,

    /// The URL the tarball will be downloadable under, without the file
    /// name (dev-release.json's `url` is BASE-URL/<tarball>).
    #[arg(
        long,
        value_name = "URL",
        default_value = "https://github.com/clif-toolchain/clif-toolchain/releases/download/dev"
    )]
    pub base_url: String,
}

/// Options of `install`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("source").required(true).args(["from", "channel"])))]
pub struct InstallArgs {
    /// The tarball to install: an http(s):// URL (its checksum is fetched
    /// from URL.sha256) or a file (checked against FILE.sha256, which must
    /// exist unless --no-verify).
    #[arg(long, value_name = "URL|FILE")]
    pub from: Option<String>,

    /// Install this host's tarball of the release manifest (--manifest-url).
    #[arg(long, value_enum, value_name = "CHANNEL")]
    pub channel: Option<Channel>,

    /// The release manifest that --channel reads.
    #[arg(
        long,
        value_name = "URL",
        default_value = "https://github.com/clif-toolchain/clif-toolchain/releases/download/dev/dev-release.json"
    )]
    pub manifest_url: String,

    /// Where the toolchain goes (replaced as a whole) [default:
    /// $XDG_DATA_HOME/clif-toolchain/<version>, i.e.
    /// ~/.local/share/clif-toolchain/<version>, <version> from the tarball].
    #[arg(long, value_name = "DIR")]
    pub prefix: Option<PathBuf>,

    /// After installing, run `rustup toolchain link NAME <prefix>`, so that
    /// `cargo +NAME` uses it. If that fails the installation stays and the
    /// command exits with an error.
    #[arg(long, value_name = "NAME")]
    pub link: Option<String>,

    /// With --from FILE: install without FILE.sha256.
    #[arg(long)]
    pub no_verify: bool,
}

/// A release channel of `install`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Channel {
    /// The rolling development build of the main branch.
    Dev,
}

/// Options of `fuzz`.
#[derive(Debug, Args)]
pub struct FuzzArgs {
    /// The generator seeds to run: `A..B` (A to B-1) or one seed `N`.
    #[arg(long, value_name = "A..B")]
    pub seeds: SeedRange,

    /// Run this many seeds at a time [default: the number of CPUs].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub jobs: Option<u32>,

    /// The rustlantis checkout to build the generator from [default:
    /// ../shared/third-party/rustlantis from the repository root]; it is
    /// only read.
    #[arg(long, value_name = "DIR")]
    pub rustlantis: Option<PathBuf>,

    #[command(flatten)]
    pub dist: DistOption,
}

/// A test suite (the same names in `targets/*.toml`'s `[tests]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SuiteName {
    /// tests/no_core: programs on the project's own mini_core.
    #[value(name = "no_core")]
    #[serde(rename = "no_core")]
    NoCore,
    /// tests/std: programs using the standard library, built with dist/.
    Std,
    /// tests/cargo: a cargo workspace with crates.io dependencies, built
    /// and tested by cargo with dist/.
    Cargo,
    /// A generated ABI matrix: functions of many signatures defined by one
    /// of our backend, LLVM and the C compiler and called from another
    /// (in the default run only when no FILTER is given).
    Abi,
    /// rust-src's coretests and alloctests, built with dist/ and with LLVM
    /// (in the default run only when no FILTER is given).
    Libtests,
    /// The backend's own unit tests, built with the base toolchain (never
    /// in the default run).
    #[value(name = "backend-unit")]
    BackendUnit,
    /// tests/crater/corpus.toml: crates.io crates' own test suites and
    /// applications, with dist/ and with LLVM (only with --suite crater).
    Crater,
    /// abi-cafe 1.1.0 pairing dist/'s backend with rustc (LLVM) and cc
    /// (only with `--suite abi-cafe`).
    #[value(name = "abi-cafe")]
    AbiCafe,
    /// dist/ inside a bare Debian 12 root file system (gcc, no LLVM, no
    /// Rust), made with mmdebstrap; needs root (only with `--suite
    /// standalone`).
    Standalone,
    /// The container image of `image` (built from the toolchain tarball
    /// of `package`), unpacked into a directory: cargo build, test and run
    /// of tests/image/hello for every target inside it; needs root (only
    /// with `--suite image`).
    Image,
}

/// The `--dist-dir` option.
#[derive(Debug, Args)]
pub struct DistOption {
    /// Where stage dist puts the toolchain [default: dist/ in the
    /// repository; BUILD_DIR/dist-llvm with CLIF_TEST_BACKEND=llvm]. An
    /// existing directory is replaced only if it is a dist directory.
    #[arg(long, value_name = "DIR")]
    pub dist_dir: Option<PathBuf>,
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
            "--lld",
            "/opt/lld",
        ])
        .expect("parses");
        assert!(cli.global.verbose);
        assert_eq!(cli.global.build_dir, Some(PathBuf::from("/tmp/b")));
        assert_eq!(cli.global.lld, Some(PathBuf::from("/opt/lld")));
        match cli.command {
            Command::Test(args) => {
                assert_eq!(args.filter.as_deref(), Some("arith"));
                assert_eq!(args.target.target, "x86_64-unknown-linux-gnu");
                assert_eq!(args.suite, None);
            }
            other => panic!("parsed as {other:?}"),
        }
    }

    #[test]
    fn target_defaults_to_host_and_build_takes_several() {
        let cli = Cli::try_parse_from(["toolchain-builder", "test"]).expect("parses");
        match cli.command {
            Command::Test(args) => assert_eq!(args.target.target, targets::HOST),
            other => panic!("parsed as {other:?}"),
        }
        let cli = Cli::try_parse_from(["toolchain-builder", "build"]).expect("parses");
        match cli.command {
            Command::Build(args) => assert!(args.targets.is_empty()),
            other => panic!("parsed as {other:?}"),
        }
        let cli =
            Cli::try_parse_from(["toolchain-builder", "build", "--target", "a", "--target=b"])
                .expect("parses");
        match cli.command {
            Command::Build(args) => assert_eq!(args.targets, ["a", "b"]),
            other => panic!("parsed as {other:?}"),
        }
    }

    #[test]
    fn suite_and_dist_dir_parse() {
        let cli = Cli::try_parse_from([
            "toolchain-builder",
            "test",
            "--suite",
            "no_core",
            "--dist-dir",
            "/tmp/d",
        ])
        .expect("parses");
        match cli.command {
            Command::Test(args) => {
                assert_eq!(args.suite, Some(SuiteName::NoCore));
                assert_eq!(args.dist.dist_dir, Some(PathBuf::from("/tmp/d")));
            }
            other => panic!("parsed as {other:?}"),
        }
        assert!(Cli::try_parse_from(["toolchain-builder", "test", "--suite", "x"]).is_err());
        let cli = Cli::try_parse_from(["toolchain-builder", "test", "--suite", "libtests"])
            .expect("parses");
        match cli.command {
            Command::Test(args) => assert_eq!(args.suite, Some(SuiteName::Libtests)),
            other => panic!("parsed as {other:?}"),
        }
        let cli = Cli::try_parse_from(["toolchain-builder", "test", "--suite", "abi-cafe", "u8"])
            .expect("parses");
        match cli.command {
            Command::Test(args) => {
                assert_eq!(args.suite, Some(SuiteName::AbiCafe));
                assert_eq!(args.filter.as_deref(), Some("u8"));
            }
            other => panic!("parsed as {other:?}"),
        }
        let cli =
            Cli::try_parse_from(["toolchain-builder", "test", "--suite", "cargo"]).expect("parses");
        match cli.command {
            Command::Test(args) => assert_eq!(args.suite, Some(SuiteName::Cargo)),
            other => panic!("parsed as {other:?}"),
        }
        let cli = Cli::try_parse_from(["toolchain-builder", "test", "--suite", "backend-unit"])
            .expect("parses");
        match cli.command {
            Command::Test(args) => assert_eq!(args.suite, Some(SuiteName::BackendUnit)),
            other => panic!("parsed as {other:?}"),
        }
        assert!(matches!(
            Cli::try_parse_from(["toolchain-builder", "lint"]).map(|cli| cli.command),
            Ok(Command::Lint)
        ));
    }

    #[test]
    fn bench_options_parse() {
        let cli = Cli::try_parse_from(["toolchain-builder", "bench"]).expect("parses");
        match cli.command {
            Command::Bench(args) => {
                assert_eq!((args.reps, args.quick, args.jobs), (None, false, None));
            }
            other => panic!("parsed as {other:?}"),
        }
        let cli = Cli::try_parse_from([
            "toolchain-builder",
            "bench",
            "--quick",
            "--reps",
            "2",
            "-j1",
        ])
        .expect("parses");
        match cli.command {
            Command::Bench(args) => {
                assert_eq!((args.reps, args.quick, args.jobs), (Some(2), true, Some(1)));
            }
            other => panic!("parsed as {other:?}"),
        }
        assert!(Cli::try_parse_from(["toolchain-builder", "bench", "--reps", "0"]).is_err());
    }

    #[test]
    fn package_and_install_options_parse() {
        let cli = Cli::try_parse_from(["toolchain-builder", "package"]).expect("parses");
        match cli.command {
            Command::Package(args) => {
                assert_eq!((args.dist_dir, args.out), (None, None));
                assert_eq!(args.version, "dev");
                assert!(args.base_url.ends_with("/releases/download/dev"));
            }
            other => panic!("parsed as {other:?}"),
        }
        let cli = Cli::try_parse_from([
            "toolchain-builder",
            "package",
            "--version",
            "dev",
            "--out",
            "dist-pkg",
        ])
        .expect("parses");
        assert!(matches!(cli.command, Command::Package(a) if a.out == Some("dist-pkg".into())));
        let cli = Cli::try_parse_from([
            "toolchain-builder",
            "install",
            "--from",
            "f.tar.xz",
            "--prefix",
            "/p",
            "--link",
            "clif",
        ])
        .expect("parses");
        match cli.command {
            Command::Install(args) => {
                assert_eq!(args.from.as_deref(), Some("f.tar.xz"));
                assert_eq!(args.prefix, Some(PathBuf::from("/p")));
                assert_eq!(args.link.as_deref(), Some("clif"));
                assert!(!args.no_verify && args.channel.is_none());
            }
            other => panic!("parsed as {other:?}"),
        }
        let cli = Cli::try_parse_from(["toolchain-builder", "install", "--channel", "dev"])
            .expect("parses");
        match cli.command {
            Command::Install(args) => {
                assert_eq!(args.channel, Some(Channel::Dev));
                assert!(args.manifest_url.ends_with("/dev/dev-release.json"));
            }
            other => panic!("parsed as {other:?}"),
        }
        for bad in [
            &["install"][..],
            &["install", "--from", "f", "--channel", "dev"],
            &["install", "--channel", "nightly"],
        ] {
            let args = std::iter::once("toolchain-builder").chain(bad.iter().copied());
            assert!(Cli::try_parse_from(args).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn fuzz_options_parse() {
        let cli =
            Cli::try_parse_from(["toolchain-builder", "fuzz", "--seeds", "0..40"]).expect("parses");
        match cli.command {
            Command::Fuzz(args) => {
                assert_eq!(args.seeds.to_string(), "0..40");
                assert_eq!((args.jobs, args.rustlantis), (None, None));
            }
            other => panic!("parsed as {other:?}"),
        }
        let cli = Cli::try_parse_from([
            "toolchain-builder",
            "fuzz",
            "--seeds=7",
            "-j3",
            "--rustlantis",
            "/r",
        ])
        .expect("parses");
        match cli.command {
            Command::Fuzz(args) => {
                assert_eq!(args.seeds.len(), 1);
                assert_eq!(args.jobs, Some(3));
                assert_eq!(args.rustlantis, Some(PathBuf::from("/r")));
            }
            other => panic!("parsed as {other:?}"),
        }
        for bad in [
            &["fuzz"][..],
            &["fuzz", "--seeds", "3..3"],
            &["fuzz", "--seeds", "0..9", "-j0"],
        ] {
            let args = std::iter::once("toolchain-builder").chain(bad.iter().copied());
            assert!(Cli::try_parse_from(args).is_err(), "{bad:?}");
        }
    }
}
