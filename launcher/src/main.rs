//! `bin/rustc` and `bin/rustdoc` of clif-toolchain (see the library).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use clif_launcher::{plan, Environment, Policy, LLD_ENV, VERSION_MAGIC};

fn main() -> ExitCode {
    let exe = std::env::current_exe().and_then(std::fs::canonicalize);
    let tool = exe
        .as_ref()
        .ok()
        .and_then(|exe| exe.file_stem())
        .map_or_else(|| "rustc".to_owned(), |s| s.to_string_lossy().into_owned());
    let result = exe
        .map_err(|err| format!("cannot find the launcher's own path: {err}"))
        .and_then(|exe| launch(&tool, &exe));
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error ({tool} of clif-toolchain): {message}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the real `tool`; `exe` is `<root>/bin/<tool>`.
fn launch(tool: &str, exe: &Path) -> Result<ExitCode, String> {
    let root = exe
        .parent()
        .and_then(Path::parent)
        .ok_or_else(|| format!("{} is not in a toolchain's bin/", exe.display()))?;
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let real = root
        .join("libexec")
        .join(format!("{tool}-real{}", std::env::consts::EXE_SUFFIX));
    match tool {
        "rustdoc" => run(Command::new(&real).args(&args), None, &real),
        "rustc" => {
            let policy = Policy::read(root)?;
            let clif_lld = std::env::var_os(LLD_ENV).filter(|value| !value.is_empty());
            let clif_lld = clif_lld
                .as_ref()
                .map(|value| value.to_str().unwrap_or("(not UTF-8)"));
            let env = Environment {
                clif_lld,
                bootstrap: std::env::var_os("RUSTC_BOOTSTRAP").is_some_and(|v| !v.is_empty()),
                installed: &on_path,
            };
            let plan = plan::rustc(&policy, root, &args, &env)?;
            let mut cmd = Command::new(&real);
            cmd.args(&plan.args).env("RUSTC_BOOTSTRAP", "1");
            if !plan.identify {
                return run(&mut cmd, plan.failure_note.as_deref(), &real);
            }
            let status = cmd
                .status()
                .map_err(|err| format!("cannot run {}: {err}", real.display()))?;
            if !status.success() {
                return Ok(exit_code(status));
            }
            println!("{VERSION_MAGIC}: {}", dist_id(root)?);
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!(
            "the launcher runs as bin/rustc or bin/rustdoc, not as {other}"
        )),
    }
}

/// Runs `cmd` in place of the launcher; with a `failure_note`, as a child
/// whose failure gets the note.
fn run(cmd: &mut Command, failure_note: Option<&str>, real: &Path) -> Result<ExitCode, String> {
    #[cfg(unix)]
    if failure_note.is_none() {
        use std::os::unix::process::CommandExt as _;
        let err = cmd.exec();
        return Err(format!("cannot run {}: {err}", real.display()));
    }
    let status = cmd
        .status()
        .map_err(|err| format!("cannot run {}: {err}", real.display()))?;
    if let (false, Some(note)) = (status.success(), failure_note) {
        eprintln!("{note}");
    }
    Ok(exit_code(status))
}

/// The exit code for `status`; a signal is 128 + its number, as in a shell.
fn exit_code(status: std::process::ExitStatus) -> ExitCode {
    #[cfg(unix)]
    if let Some(signal) = std::os::unix::process::ExitStatusExt::signal(&status) {
        return ExitCode::from(128u8.wrapping_add(signal as u8));
    }
    match status.code() {
        Some(0) => ExitCode::SUCCESS,
        Some(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        None => ExitCode::FAILURE,
    }
}

/// The dist id: the first line of `VERSION` is `clif-toolchain <id>`.
fn dist_id(root: &Path) -> Result<String, String> {
    let path = root.join("VERSION");
    let text = std::fs::read_to_string(&path)
        .map_err(|err| format!("cannot read {}: {err}", path.display()))?;
    text.lines()
        .next()
        .and_then(|line| line.strip_prefix(VERSION_MAGIC))
        .and_then(|rest| rest.strip_prefix(' '))
        .map(str::to_owned)
        .ok_or_else(|| {
            format!(
                "{} does not start with `{VERSION_MAGIC} <id>`",
                path.display()
            )
        })
}

/// Whether `program` is found on `PATH` (or is a path that exists).
fn on_path(program: &str) -> bool {
    let is_file = |path: PathBuf| {
        path.is_file()
            || (!std::env::consts::EXE_SUFFIX.is_empty()
                && path
                    .with_extension(&std::env::consts::EXE_SUFFIX[1..])
                    .is_file())
    };
    if program.contains(['/', '\\']) {
        return is_file(PathBuf::from(program));
    }
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| is_file(dir.join(program))))
}
