//! The `crater` suite (`test --suite crater`, not part of the default
//! run): real crates.io crates, pinned in `tests/crater/corpus.toml`
//! ([`corpus`]), built and tested by cargo with the toolchain (`dist/`) and
//! with the LLVM reference, exactly as the `cargo` suite does (its
//! [`side`](crate::cargo_suite::side)s, environment and libtest parsing).
//! A library's sources come from crates.io through cargo ([`fetch`]) and
//! its own `cargo test` runs on both sides ([`libs`]); an application is
//! `cargo install`ed in debug and release and its smoke commands compared
//! ([`apps`]). Every difference gets a reason from the clif side's output
//! ([`classify`]); the results are merged into
//! `BUILD_DIR/crater/results.json` and written as `CRATER.md` ([`report`]).
//! A row passes when both sides agree or when it is listed in
//! `tests/crater/known-differences.txt` (which must not list agreeing rows).
//!
//! Everything it writes is under `BUILD_DIR/crater/`: `src/` (unpacked
//! libraries), `fetch/` (the scratch projects that download them),
//! `target/{llvm,clif}/` (one target dir per side, shared by all rows),
//! `apps/<side>/<profile>/<app>/` (installed applications), `logs/<row>/`
//! (one log per cargo command), `results.json` and a copy of `CRATER.md`.

mod apps;
mod classify;
pub mod corpus;
mod fetch;
mod libs;
mod report;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context as _;

use crate::base::BaseToolchain;
use crate::cargo_suite::side::{self, CargoSide, Ran};
use crate::codegen::CodegenBackend;
use crate::difftest::Report;
use crate::layout::Layout;
use crate::libtests::lists::KnownFailures;
use crate::process::Shell;
use crate::stages::dist;
use crate::targets::TargetSpec;

use corpus::{Corpus, Profile, Row, Subset};
use report::{Outcome, Results, RowResult};

/// One cargo command (a library's `cargo test`, an application's `cargo
/// install`) may take this long.
const CARGO_TIMEOUT: Duration = Duration::from_secs(30 * 60);

/// What to run the suite with.
pub struct Suite<'a> {
    pub layout: &'a Layout,
    pub base: &'a BaseToolchain,
    pub toolchain: &'a dist::Outputs,
    pub target: &'a TargetSpec,
    pub shell: Shell,
    /// `BUILD_DIR/crater/`.
    out: PathBuf,
    /// The llvm and clif sides, target dirs in `out/target/`.
    sides: [CargoSide; 2],
    timeout: Duration,
    /// The toolchain's id, from `dist/VERSION`.
    toolchain_id: String,
}

/// Which rows run: the `--subset` and the FILTER (also spelled out in
/// `CRATER.md` as the command that was run).
pub struct Selection<'a> {
    pub subset: Subset,
    pub filter: Option<&'a str>,
}

impl<'a> Suite<'a> {
    pub fn new(
        layout: &'a Layout,
        base: &'a BaseToolchain,
        toolchain: &'a dist::Outputs,
        clif_backend: &CodegenBackend,
        target: &'a TargetSpec,
        shell: Shell,
    ) -> Self {
        let out = layout.build.join("crater");
        let sides = side::sides(base, toolchain, clif_backend, &out.join("target"));
        let version = std::fs::read_to_string(toolchain.dir.join("VERSION")).unwrap_or_default();
        let toolchain_id = version
            .lines()
            .next()
            .and_then(|line| line.split_whitespace().nth(1))
            .unwrap_or("unknown")
            .to_owned();
        Suite {
            layout,
            base,
            toolchain,
            target,
            shell,
            out,
            sides,
            timeout: CARGO_TIMEOUT,
            toolchain_id,
        }
    }

    fn fetcher(&self) -> fetch::Fetcher<'_> {
        fetch::Fetcher {
            out: &self.out,
            locks: self.layout.repo.join("tests").join("crater").join("locks"),
            rustc: &self.base.rustc,
            target: self.target,
            shell: self.shell,
        }
    }

    /// Runs `cargo <args>` (`args[0]` is the command) for `row` in `dir`
    /// with `side`'s compilers, logged to
    /// `out/logs/<row>/<side>-<command>.log`.
    fn run_cargo(
        &self,
        row: &Row,
        side: &CargoSide,
        dir: &Path,
        args: &[&str],
    ) -> Result<Ran, String> {
        let command = args.first().copied().unwrap_or_default();
        let log = self
            .out
            .join("logs")
            .join(row.id().replace(['@', '/'], "-"))
            .join(format!("{}-{command}.log", side.name));
        let label = format!("{} cargo {command} ({})", row.id(), side.name);
        let cmd = side.cargo(dir, self.target, args);
        side::run_logged(self.shell, side.name, cmd, &label, &log, self.timeout)
    }

    /// Where `cargo install` puts an application.
    fn app_root(&self, side: &str, profile: Profile, name: &str) -> PathBuf {
        self.out
            .join("apps")
            .join(side)
            .join(profile.to_string())
            .join(name)
    }

    /// A result for `row` with nothing filled in yet.
    fn empty_result(&self, row: &Row) -> RowResult {
        RowResult {
            id: row.id(),
            name: row.name().to_owned(),
            version: row.version().to_owned(),
            kind: row.kind(),
            llvm: String::new(),
            clif: String::new(),
            outcome: Outcome::Same,
            reasons: Vec::new(),
            details: Vec::new(),
            toolchain: self.toolchain_id.clone(),
            seconds: 0,
        }
    }
}

/// The rows of the corpus that `selection` picks (an error if none does).
pub fn discover(layout: &Layout, selection: &Selection<'_>) -> anyhow::Result<Vec<Row>> {
    let corpus = Corpus::load(&corpus_file(&layout.repo))?;
    let rows = corpus.select(selection.subset, selection.filter);
    if rows.is_empty() {
        let ids: Vec<String> = corpus.rows().iter().map(Row::id).collect();
        anyhow::bail!(
            "no crater row matches `{}`; rows: {}",
            selection.filter.unwrap_or_default(),
            ids.join(", ")
        );
    }
    Ok(rows)
}

fn corpus_file(repo: &Path) -> PathBuf {
    repo.join("tests").join("crater").join("corpus.toml")
}

/// Runs `rows`, one after the other; prints one line per row and, after
/// each row, merges its result into `results.json` and rewrites
/// `CRATER.md` (an interrupted run keeps what it did).
pub fn run(suite: &Suite<'_>, rows: &[Row], selection: &Selection<'_>) -> anyhow::Result<Report> {
    let known_file = suite.layout.repo.join("tests/crater/known-differences.txt");
    let known = KnownFailures::load(&known_file)?;
    let corpus = Corpus::load(&corpus_file(&suite.layout.repo))?;
    let results_file = suite.out.join("results.json");
    let mut results = Results::load(&results_file)?;
    let mut command = "cargo run --release -p toolchain-builder -- test --suite crater".to_owned();
    if selection.subset == Subset::Ci {
        command.push_str(" --subset ci");
    }
    if let Some(filter) = selection.filter {
        command.push_str(&format!(" {filter}"));
    }
    println!(
        "running {} crater rows with {} (toolchain {}), output in {}",
        rows.len(),
        suite.toolchain.rustc.display(),
        suite.toolchain_id,
        suite.out.display()
    );
    let mut report = Report::default();
    for row in rows {
        let result = match row {
            Row::Lib(lib) => libs::run(suite, lib),
            Row::App(app, profile) => apps::run(suite, app, *profile),
        };
        report.record(&row.id(), result.verdict(&known));
        results.rows.insert(result.id.clone(), result);
        results.save(&results_file)?;
        let markdown = results.markdown(&corpus.rows(), &known, &command);
        for file in [
            suite.layout.repo.join("CRATER.md"),
            suite.out.join("CRATER.md"),
        ] {
            std::fs::write(&file, &markdown)
                .with_context(|| format!("cannot write {}", file.display()))?;
        }
    }
    println!("wrote {}", suite.layout.repo.join("CRATER.md").display());
    report.print_summary("crater: ");
    Ok(report)
}
