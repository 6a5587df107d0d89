//! toolchain-builder: the host-side CLI of clif-toolchain. It finds the base
//! toolchain, builds the Cranelift backend, the standard library and the
//! toolchain directory with it, and runs the test suites, the benchmarks and
//! the fuzzer.
//! This file only wires the command line to the stages; see the modules for
//! the work itself.

mod abi_cafe;
mod abi_matrix;
mod backend_unit;
mod base;
mod bench;
mod cargo_suite;
mod cli;
mod codegen;
mod config;
mod crater;
mod difftest;
mod exit;
mod fingerprint;
mod fuzz;
mod image;
mod install;
mod layout;
mod libtests;
mod lint;
mod lock;
mod no_core;
mod package;
mod process;
mod progress;
mod rootfs;
mod stages;
mod standalone;
mod std_suite;
mod targets;
#[cfg(test)]
mod workflows_check;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Parser as _;

use base::{BaseSelection, BaseToolchain};
use cli::{Cli, Command, SuiteName};
use codegen::CodegenBackend;
use config::Config;
use difftest::Report;
use exit::{Exit, UsageError};
use layout::Layout;
use process::Shell;
use targets::{TargetSpec, Targets};

/// Environment variables that clap reads; empty means unset.
const OPTION_ENV: &[&str] = &["CLIF_BASE_TOOLCHAIN", "CLIF_BASE_ARCHIVE"];

fn main() -> ExitCode {
    // Still single-threaded here, so changing the environment is sound.
    for var in OPTION_ENV {
        if std::env::var_os(var).is_some_and(|v| v.is_empty()) {
            std::env::remove_var(var);
        }
    }
    let cli = Cli::parse();
    match run(cli) {
        Ok(exit) => exit.into(),
        Err(err) => {
            exit::report(&err);
            exit::exit_for(&err).into()
        }
    }
}

/// What every command needs.
struct Session {
    layout: Layout,
    config: Config,
    selection: BaseSelection,
    /// `--lld`, if given.
    lld: Option<PathBuf>,
    shell: Shell,
}

impl Session {
    fn target<'t>(&self, targets: &'t Targets, triple: &str) -> anyhow::Result<&'t TargetSpec> {
        let target = targets.get(triple)?;
        progress::note(format!("target: {target}"));
        Ok(target)
    }

    fn base(&self) -> anyhow::Result<BaseToolchain> {
        base::resolve(&self.selection, &self.config, &self.layout, self.shell)
    }

    /// Stage `backend`: the built (or cached) backend dylib.
    fn backend(&self, base: &BaseToolchain) -> anyhow::Result<PathBuf> {
        let inputs = stages::backend::Inputs {
            base,
            backend_dir: self.layout.backend_dir(),
            target_dir: self.layout.backend_target_dir(),
            cache_dir: self.layout.backend_cache_dir(),
        };
        Ok(stages::backend::run(&inputs, self.shell)?.dylib)
    }

    /// The codegen backend of the toolchain: the developer override, or the
    /// built backend.
    fn codegen_backend(
        &self,
        base: &BaseToolchain,
        developer: Option<CodegenBackend>,
    ) -> anyhow::Result<CodegenBackend> {
        match developer {
            Some(backend) => Ok(backend),
            None => Ok(CodegenBackend::Dylib(self.backend(base)?)),
        }
    }

    /// Stage `sysroot`: the standard library for `target`.
    fn sysroot(
        &self,
        base: &BaseToolchain,
        backend: &CodegenBackend,
        target: &TargetSpec,
    ) -> anyhow::Result<stages::sysroot::Outputs> {
        let inputs = stages::sysroot::Inputs {
            base,
            backend,
            target,
            template: self.layout.sysroot_template(),
            workspace_dir: self.layout.sysroot_workspace_dir(),
            target_dir: self
                .layout
                .sysroot_target_dir(backend.kind(), &target.triple),
            cache_dir: self.layout.sysroot_cache_dir(),
        };
        stages::sysroot::run(&inputs, self.shell)
    }

    /// The image archive of `image` for the toolchain tarball `tarball`.
    fn image(
        &self,
        targets: &Targets,
        host: &TargetSpec,
        tarball: &Path,
        tag: &str,
    ) -> anyhow::Result<PathBuf> {
        image::build(&image::Inputs {
            build_dir: &self.layout.build,
            tarball,
            host,
            cross: &targets.cross(),
            tag,
            shell: self.shell,
        })
    }

    /// Stages `sysroot` (for the host and each of `cross`) and `dist`: the
    /// toolchain directory.
    fn toolchain(
        &self,
        base: &BaseToolchain,
        backend: &CodegenBackend,
        host: &TargetSpec,
        cross: &[&TargetSpec],
        dist_dir: Option<&Path>,
    ) -> anyhow::Result<stages::dist::Outputs> {
        // Before the sysroots: a missing tool should not wait for a long build.
        let lld = stages::dist::find_lld(self.lld.as_deref(), &self.config.lld)?;
        for target in cross {
            target.require_tools(false)?;
        }
        let cargo = stages::cargo::cargo_binary(self.shell)?;
        let launcher = stages::launcher::run(
            &stages::launcher::Inputs {
                base,
                repo: &self.layout.repo,
                target_dir: self.layout.launcher_target_dir(),
                cache_dir: self.layout.launcher_cache_dir(),
            },
            self.shell,
        )?;
        let sysroot = self.sysroot(base, backend, host)?;
        let cross_sysroots = cross
            .iter()
            .map(|target| self.sysroot(base, backend, target))
            .collect::<anyhow::Result<Vec<_>>>()?;
        let cross: Vec<stages::dist::CrossTarget<'_>> = cross
            .iter()
            .zip(&cross_sysroots)
            .map(|(target, sysroot)| stages::dist::CrossTarget {
                triple: &target.triple,
                sysroot: &sysroot.root,
                sysroot_key: &sysroot.key,
                linker: &target.linker,
                packages: &target.packages,
            })
            .collect();
        let inputs = stages::dist::Inputs {
            base,
            backend,
            sysroot: &sysroot.root,
            sysroot_key: &sysroot.key,
            host: &host.triple,
            cross: &cross,
            lld: &lld,
            launcher: &launcher,
            cargo: &cargo,
            dist_dir: match dist_dir {
                Some(dir) => dir.to_owned(),
                None => self.layout.default_dist_dir(backend.kind()),
            },
        };
        stages::dist::run(&inputs, self.shell)
    }
}

fn run(cli: Cli) -> anyhow::Result<Exit> {
    let global = cli.global;
    // Explicit paths are resolved against the current directory once, here.
    let absolute = |path: Option<&Path>| {
        path.map(|p| std::fs::canonicalize(p).or_else(|_| std::path::absolute(p)))
            .transpose()
            .context("cannot make a path absolute")
    };
    // `install` is a user's command: no repository, build directory or lock.
    if let Command::Install(args) = cli.command {
        // clap requires exactly one of --from and --channel (only `dev`).
        let source = match &args.from {
            Some(from) => install::Source::from_arg(from, !args.no_verify),
            None => install::Source::Manifest(args.manifest_url.clone()),
        };
        let prefix = install::run(&install::Install {
            source,
            prefix: absolute(args.prefix.as_deref())?,
            link: args.link,
            shell: Shell {
                verbose: global.verbose,
            },
        })?;
        println!("{}", prefix.display());
        return Ok(Exit::Success);
    }
    let session = Session {
        layout: Layout::discover(global.build_dir.as_deref())?,
        config: Config::embedded()?,
        selection: BaseSelection {
            dir: absolute(global.base_toolchain.as_deref())?,
            archive: absolute(global.base_archive.as_deref())?,
        },
        lld: absolute(global.lld.as_deref())?,
        shell: Shell {
            verbose: global.verbose,
        },
    };
    let targets = Targets::load(&session.layout.targets_dir())?;
    // Every command builds or runs from the build directory and dist/.
    let _lock = lock::acquire(&session.layout.build)?;
    match cli.command {
        Command::Build(args) => {
            let host = session.target(&targets, targets::HOST)?;
            let cross = match args.targets.is_empty() {
                true => targets.cross(),
                false => {
                    let mut chosen = Vec::new();
                    for triple in &args.targets {
                        let target = session.target(&targets, triple)?;
                        if target.triple != targets::HOST
                            && !chosen
                                .iter()
                                .any(|c: &&TargetSpec| c.triple == target.triple)
                        {
                            chosen.push(target);
                        }
                    }
                    chosen
                }
            };
            let dist_dir = absolute(args.dist.dist_dir.as_deref())?;
            let developer = codegen::developer_override()?;
            let base = session.base()?;
            let backend = session.codegen_backend(&base, developer)?;
            let dist = session.toolchain(&base, &backend, host, &cross, dist_dir.as_deref())?;
            println!("{}", dist.dir.display());
            Ok(Exit::Success)
        }
        Command::Test(args) => test(&session, &targets, args, absolute),
        Command::Package(args) => {
            let dist = absolute(args.dist_dir.as_deref())?
                .unwrap_or_else(|| session.layout.default_dist_dir("clif"));
            let out =
                absolute(args.out.as_deref())?.unwrap_or_else(|| session.layout.packages_dir());
            let tarball = package::run(&package::Package {
                dist: &dist,
                out: &out,
                version: &args.version,
                base_url: &args.base_url,
                repo: &session.layout.repo,
                shell: session.shell,
            })?;
            println!("{}", tarball.display());
            Ok(Exit::Success)
        }
        Command::Install(_) => unreachable!("handled before the session"),
        Command::Lint => {
            let base = session.base()?;
            let clippy = stages::clippy::run(
                &stages::clippy::Inputs {
                    base: &base,
                    rustc_release: &session.config.rustc_release,
                    source: session.config.clippy_source.clone(),
                    workspace_dir: session.layout.clippy_workspace_dir(),
                    target_dir: session.layout.clippy_target_dir(),
                    cache_dir: session.layout.clippy_cache_dir(),
                },
                session.shell,
            )?;
            lint::run(&lint::Lint {
                base: &base,
                clippy: &clippy,
                backend_dir: &session.layout.backend_dir(),
                target_dir: &session.layout.backend_target_dir(),
                shell: session.shell,
            })?;
            Ok(Exit::Success)
        }
        Command::Fuzz(args) => {
            let target = session.target(&targets, targets::HOST)?;
            let dist_dir = absolute(args.dist.dist_dir.as_deref())?;
            let rustlantis = match absolute(args.rustlantis.as_deref())? {
                Some(dir) => dir,
                None => session.layout.repo.join(&session.config.rustlantis),
            };
            let jobs = match args.jobs {
                Some(jobs) => jobs as usize,
                None => std::thread::available_parallelism().map_or(1, usize::from),
            };
            let developer = codegen::developer_override()?;
            let base = session.base()?;
            let backend = session.codegen_backend(&base, developer)?;
            let dist = session.toolchain(
                &base,
                &backend,
                target,
                &targets.cross(),
                dist_dir.as_deref(),
            )?;
            fuzz::run(&fuzz::Fuzz {
                layout: &session.layout,
                base_rustc: &base.rustc,
                toolchain_rustc: &dist.rustc,
                clif_backend: backend,
                rustlantis: &rustlantis,
                seeds: args.seeds,
                jobs,
                shell: session.shell,
            })
        }
        Command::Image(args) => {
            let host = session.target(&targets, targets::HOST)?;
            let packages = session.layout.packages_dir();
            let tarball = absolute(args.tarball.as_deref())?
                .unwrap_or_else(|| packages.join(package::file_name("dev", &host.triple)));
            if !tarball.is_file() {
                return Err(UsageError(format!(
                    "no toolchain tarball at {}: run `toolchain-builder package` first, or name \
                     one with --tarball",
                    tarball.display()
                ))
                .into());
            }
            let out = absolute(args.out.as_deref())?.unwrap_or_else(|| {
                packages.join(format!("clif-toolchain-dev-{}.oci.tar", host.triple))
            });
            let archive = session.image(&targets, host, &tarball, &args.tag)?;
            image::publish(&archive, &out)?;
            println!("{}", out.display());
            Ok(Exit::Success)
        }
        Command::Bench(args) => {
            let target = session.target(&targets, targets::HOST)?;
            // A toolchain of its own: `build` replacing dist/ meanwhile
            // would mix two toolchains in one measurement.
            let dist_dir = absolute(args.dist_dir.as_deref())?
                .unwrap_or_else(|| session.layout.bench_out_dir().join("dist"));
            let developer = codegen::developer_override()?;
            let base = session.base()?;
            let backend = session.codegen_backend(&base, developer)?;
            // The host's library only: the bench measures host builds.
            let dist = session.toolchain(&base, &backend, target, &[], Some(&dist_dir))?;
            let reps = args.reps.unwrap_or(if args.quick { 1 } else { 3 });
            let mut command =
                format!("cargo run --release -p toolchain-builder -- bench --reps {reps}");
            if args.quick {
                command.push_str(" --quick");
            }
            if let Some(jobs) = args.jobs {
                command.push_str(&format!(" --jobs {jobs}"));
            }
            bench::run(&bench::Bench {
                layout: &session.layout,
                base: &base,
                toolchain: &dist,
                target,
                reps: reps as usize,
                quick: args.quick,
                jobs: args.jobs,
                command,
                shell: session.shell,
            })
        }
    }
}

/// A suite that could not run, as one failed test.
fn not_run(suite: &str, why: &str) -> Report {
    let mut report = Report::default();
    report.record(
        suite,
        difftest::case::Verdict::fail(format!("not run: {why}")),
    );
    report
}

/// The `test` command: no_core, then std, then cargo, then libtests, then
/// the overall counts; or one of the suites that only run when named
/// (backend-unit, crater, abi-cafe).
fn test(
    session: &Session,
    targets: &Targets,
    args: cli::TestArgs,
    absolute: impl Fn(Option<&Path>) -> anyhow::Result<Option<PathBuf>>,
) -> anyhow::Result<Exit> {
    if args.suite == Some(SuiteName::BackendUnit) {
        let base = session.base()?;
        let report = backend_unit::run(&backend_unit::Suite {
            base: &base,
            backend_dir: &session.layout.backend_dir(),
            target_dir: &session.layout.backend_target_dir(),
            filter: args.filter.as_deref(),
            shell: session.shell,
        });
        return Ok(report.exit());
    }
    let target = session.target(targets, &args.target.target)?;
    target.require_tools(true)?;
    let dist_dir = absolute(args.dist.dist_dir.as_deref())?;
    let developer = codegen::developer_override()?;
    // The base toolchain's standard library is the host's; a cross target's
    // LLVM reference needs one built for it.
    let cross = target.triple != targets::HOST;
    let tests = &target.tests;
    let names = |suites: &[SuiteName]| -> String {
        suites
            .iter()
            .filter_map(clap::ValueEnum::to_possible_value)
            .map(|v| v.get_name().to_owned())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(suite) = args.suite.filter(|s| !tests.has(*s)) {
        return Err(UsageError(format!(
            "the {} suite does not run for {} (the [tests] of targets/{}.toml); it has {}",
            names(&[suite]),
            target.triple,
            target.triple,
            names(&[&tests.suites[..], &tests.on_request[..]].concat())
        ))
        .into());
    }
    if args.suite.is_none() {
        progress::note(format!(
            "{}: {} ({} only with --suite)",
            target.triple,
            names(&tests.suites),
            names(&tests.on_request)
        ));
    }
    let wants = |suite| match args.suite {
        Some(s) => s == suite,
        None => tests.suites.contains(&suite),
    };
    let filter = args.filter.as_deref();

    if args.suite == Some(SuiteName::Crater) {
        return crater_suite(
            session,
            targets,
            target,
            &args,
            developer,
            dist_dir.as_deref(),
        );
    }

    let no_core_plan = if wants(SuiteName::NoCore) {
        Some(no_core::discover(&session.layout)?)
    } else {
        None
    };
    let std_cases = if wants(SuiteName::Std) {
        std_suite::discover(&session.layout)?
    } else {
        Vec::new()
    };
    let cargo_cases = if wants(SuiteName::Cargo) {
        cargo_suite::discover(&session.layout)?
    } else {
        Vec::new()
    };
    let mut all_names: Vec<String> = no_core_plan
        .iter()
        .flat_map(|plan| plan.cases.iter())
        .chain(&std_cases)
        .chain(&cargo_cases)
        .map(|case| case.name.clone())
        .collect();
    let no_core_plan = no_core_plan.map(|plan| no_core::Plan {
        cases: difftest::select(plan.cases, filter),
        ..plan
    });
    let std_cases = difftest::select(std_cases, filter);
    let cargo_cases = difftest::select(cargo_cases, filter);
    let no_core_selected = no_core_plan.as_ref().is_some_and(|p| !p.cases.is_empty());
    // In the default run only without a filter (a filter selects tests of
    // the other suites; libtests' builds take minutes).
    let run_libtests =
        wants(SuiteName::Libtests) && (args.suite == Some(SuiteName::Libtests) || filter.is_none());
    let run_abi = wants(SuiteName::Abi) && (args.suite == Some(SuiteName::Abi) || filter.is_none());
    let run_abi_cafe = args.suite == Some(SuiteName::AbiCafe);
    let run_standalone = args.suite == Some(SuiteName::Standalone);
    let run_image = args.suite == Some(SuiteName::Image);
    let needs_toolchain = !std_cases.is_empty()
        || !cargo_cases.is_empty()
        || run_abi
        || run_libtests
        || run_abi_cafe
        || run_standalone
        || run_image;
    if let Some(filter) = filter {
        if !no_core_selected && !needs_toolchain {
            all_names.sort();
            return Err(UsageError(format!(
                "no test matches `{filter}`; tests: {}",
                if all_names.is_empty() {
                    "none".to_owned()
                } else {
                    all_names.join(", ")
                }
            ))
            .into());
        }
    }

    let base = session.base()?;
    let backend = session.codegen_backend(&base, developer)?;
    let mut total = Report::default();
    if let Some(plan) = no_core_plan.filter(|_| no_core_selected || filter.is_none()) {
        let suite = no_core::Suite {
            layout: &session.layout,
            base: &base,
            target,
            clif_backend: backend.clone(),
            shell: session.shell,
        };
        total.absorb(no_core::run(&suite, &plan));
    }
    if needs_toolchain {
        println!();
        let host = targets.get(targets::HOST)?;
        let toolchain =
            match session.toolchain(&base, &backend, host, &targets.cross(), dist_dir.as_deref()) {
                Ok(dist) => Ok(dist),
                Err(err) if exit::exit_for(&err) == Exit::StageFailed => {
                    exit::report(&err);
                    Err("see the error above")
                }
                Err(err) => return Err(err),
            };
        // The reference's std for a cross target, built by LLVM.
        let needs_llvm_std =
            !std_cases.is_empty() || !cargo_cases.is_empty() || run_abi || run_libtests;
        let llvm_sysroot = match cross && needs_llvm_std {
            true => Some(session.sysroot(&base, &CodegenBackend::Llvm, target)?.root),
            false => None,
        };
        if !std_cases.is_empty() {
            total.absorb(match &toolchain {
                Ok(dist) => std_suite::run(
                    &std_suite::Suite {
                        layout: &session.layout,
                        base_rustc: &base.rustc,
                        llvm_sysroot: llvm_sysroot.as_deref(),
                        toolchain_rustc: &dist.rustc,
                        clif_backend: backend.clone(),
                        target,
                        shell: session.shell,
                    },
                    &std_cases,
                ),
                Err(why) => difftest::toolchain_unavailable("std", &std_cases, why),
            });
        }
        if !cargo_cases.is_empty() {
            if !std_cases.is_empty() {
                println!();
            }
            total.absorb(match &toolchain {
                Ok(dist) => cargo_suite::run(
                    &cargo_suite::Suite {
                        layout: &session.layout,
                        base: &base,
                        toolchain: dist,
                        clif_backend: backend.clone(),
                        target,
                        llvm_sysroot: llvm_sysroot.as_deref(),
                        shell: session.shell,
                    },
                    &cargo_cases,
                ),
                Err(why) => difftest::toolchain_unavailable("cargo", &cargo_cases, why),
            });
        }
        if run_abi {
            println!();
            total.absorb(match &backend {
                CodegenBackend::Dylib(dylib) => abi_matrix::run(&abi_matrix::Suite {
                    out_dir: session
                        .layout
                        .build
                        .join("tests")
                        .join("abi")
                        .join(&target.triple),
                    base_rustc: &base.rustc,
                    llvm_sysroot: llvm_sysroot.as_deref(),
                    backend: dylib.clone(),
                    target,
                    shell: session.shell,
                })?,
                CodegenBackend::Llvm => not_run("abi", "it needs the Cranelift backend dylib"),
            });
        }
        if run_libtests {
            total.absorb(match &toolchain {
                Ok(dist) => libtests::run(&libtests::Suite {
                    repo: &session.layout.repo,
                    out_dir: session.layout.build.join("libtests"),
                    base: &base,
                    toolchain_rustc: &dist.rustc,
                    target,
                    llvm_sysroot: llvm_sysroot.as_deref(),
                    filter,
                    shell: session.shell,
                })?,
                Err(why) => not_run("libtests", &format!("the toolchain did not build ({why})")),
            });
        }
        if run_abi_cafe {
            total.absorb(match (&toolchain, &backend) {
                (Ok(dist), CodegenBackend::Dylib(_)) => abi_cafe::run(&abi_cafe::Suite {
                    out_dir: session.layout.build.join("abi-cafe"),
                    base: &base,
                    dist: &dist.dir,
                    tests: filter,
                    shell: session.shell,
                })?,
                (Ok(_), CodegenBackend::Llvm) => {
                    not_run("abi-cafe", "it needs the Cranelift backend dylib")
                }
                (Err(why), _) => {
                    not_run("abi-cafe", &format!("the toolchain did not build ({why})"))
                }
            });
        }
        if run_standalone {
            total.absorb(match &toolchain {
                Ok(dist) => standalone::run(&standalone::Suite {
                    build_dir: &session.layout.build,
                    tests_dir: session.layout.repo.join("tests").join("standalone"),
                    dist: &dist.dir,
                    base_rustc: &base.rustc,
                    cross: targets.cross(),
                    shell: session.shell,
                })?,
                Err(why) => not_run(
                    "standalone",
                    &format!("the toolchain did not build ({why})"),
                ),
            });
        }
        if run_image {
            total.absorb(match &toolchain {
                Ok(dist) => image_suite(session, targets, host, &base, &dist.dir)?,
                Err(why) => not_run("image", &format!("the toolchain did not build ({why})")),
            });
        }
    }
    println!();
    println!("{}", total.counts());
    Ok(total.exit())
}

/// `test --suite image`: the toolchain packaged (into
/// BUILD_DIR/image-suite/pkg/), its image built, then checked.
fn image_suite(
    session: &Session,
    targets: &Targets,
    host: &TargetSpec,
    base: &BaseToolchain,
    dist: &Path,
) -> anyhow::Result<Report> {
    let work = session.layout.build.join("image-suite");
    let packaged = work.join("pkg");
    // Packaging takes minutes; a tarball of the same dist (by its id) is
    // reused.
    let dist_id = stages::dist::existing_id(dist)
        .with_context(|| format!("{} has no clif-toolchain VERSION", dist.display()))?;
    let key = packaged.join("dist-id");
    let mut tarball = packaged.join(package::file_name("dev", &host.triple));
    if !tarball.is_file() || std::fs::read_to_string(&key).ok().as_deref() != Some(&dist_id) {
        let _ = std::fs::remove_file(&key);
        tarball = package::run(&package::Package {
            dist,
            out: &packaged,
            version: "dev",
            base_url: "http://127.0.0.1/unpublished",
            repo: &session.layout.repo,
            shell: session.shell,
        })?;
        std::fs::write(&key, &dist_id)?;
    } else {
        progress::note(format!("package: up to date ({})", tarball.display()));
    }
    let archive = session.image(targets, host, &tarball, "clif-toolchain:dev")?;
    let mut all = vec![host];
    all.extend(targets.cross());
    image::check::run(&image::check::Suite {
        work: work.join("check"),
        crate_dir: session
            .layout
            .repo
            .join("tests")
            .join("image")
            .join("hello"),
        archive: &archive,
        tarball: &tarball,
        base,
        host,
        targets: all,
        shell: session.shell,
    })
}

/// `test --suite crater`: the rows selected, then the toolchain, then the
/// suite.
fn crater_suite(
    session: &Session,
    targets: &Targets,
    target: &TargetSpec,
    args: &cli::TestArgs,
    developer: Option<CodegenBackend>,
    dist_dir: Option<&Path>,
) -> anyhow::Result<Exit> {
    let selection = crater::Selection {
        subset: args.subset,
        filter: args.filter.as_deref(),
    };
    let rows = crater::discover(&session.layout, &selection)
        .map_err(|err| UsageError(format!("{err:#}")))?;
    let base = session.base()?;
    let backend = session.codegen_backend(&base, developer)?;
    let dist = session.toolchain(&base, &backend, target, &targets.cross(), dist_dir)?;
    let suite = crater::Suite::new(
        &session.layout,
        &base,
        &dist,
        &backend,
        target,
        session.shell,
    );
    let report = crater::run(&suite, &rows, &selection)?;
    println!();
    println!("{}", report.counts());
    Ok(report.exit())
}
