//! What the numbers were measured on: the machine (`nproc`, the CPU model
//! from `/proc/cpuinfo`, memory from `/proc/meminfo`, the load average) and
//! the toolchain (base rustc, the repository commit, the dist id, cargo).

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use serde::Serialize;

use crate::process::{clean_command, Shell};

/// A query command (git, cargo, date) may take this long.
const QUERY_TIMEOUT: Duration = Duration::from_secs(60);

/// The machine.
#[derive(Debug, Clone, Serialize)]
pub struct Machine {
    /// `nproc`: the CPUs this process may use.
    pub nproc: usize,
    /// The first `model name` of `/proc/cpuinfo`.
    pub cpu_model: Option<String>,
    /// `MemTotal` of `/proc/meminfo`, in GiB.
    pub memory_gib: Option<f64>,
    /// The first three fields of `/proc/loadavg` when the run started.
    pub load_before: Option<String>,
    /// ... and when it ended.
    pub load_after: Option<String>,
}

impl Machine {
    /// Reads the machine's description (the load average at the start).
    pub fn probe() -> Self {
        let read = |path: &str| std::fs::read_to_string(path).ok();
        Self {
            nproc: std::thread::available_parallelism().map_or(1, usize::from),
            cpu_model: read("/proc/cpuinfo").and_then(|text| cpu_model(&text)),
            memory_gib: read("/proc/meminfo").and_then(|text| memory_gib(&text)),
            load_before: load_average(),
            load_after: None,
        }
    }
}

/// The first three fields of `/proc/loadavg` (1, 5 and 15 minutes).
pub fn load_average() -> Option<String> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    Some(
        text.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The value of the first `model name` line of `/proc/cpuinfo`.
fn cpu_model(cpuinfo: &str) -> Option<String> {
    cpuinfo.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        (key.trim() == "model name").then(|| value.trim().to_owned())
    })
}

/// `MemTotal` (kB) of `/proc/meminfo`, in GiB.
fn memory_gib(meminfo: &str) -> Option<f64> {
    let line = meminfo.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / (1024.0 * 1024.0))
}

/// The toolchain measured.
#[derive(Debug, Clone, Serialize)]
pub struct Toolchain {
    /// The first line of the base `rustc -vV`.
    pub base_rustc: String,
    /// `git rev-parse --short HEAD` of the repository (the backend's
    /// commit), with ` (backend/ modified)` if `backend/` has uncommitted
    /// changes.
    pub commit: Option<String>,
    /// The first line of `dist/VERSION`.
    pub dist: Option<String>,
    /// `cargo --version`.
    pub cargo: Option<String>,
}

impl Toolchain {
    pub fn probe(repo: &Path, version_info: &str, dist_dir: &Path, shell: Shell) -> Self {
        let git = |args: &[&str]| {
            let mut cmd = clean_command("git");
            cmd.current_dir(repo).args(args);
            query(&mut cmd, shell)
        };
        let commit = git(&["rev-parse", "--short", "HEAD"]).map(|commit| {
            match git(&["status", "--porcelain", "--", "backend"]) {
                Some(changes) if !changes.is_empty() => format!("{commit} (backend/ modified)"),
                _ => commit,
            }
        });
        let mut cargo = clean_command(crate::stages::cargo::cargo_program());
        cargo.arg("--version");
        Self {
            base_rustc: version_info.lines().next().unwrap_or("rustc").to_owned(),
            commit,
            dist: std::fs::read_to_string(dist_dir.join("VERSION"))
                .ok()
                .and_then(|text| text.lines().next().map(str::to_owned)),
            cargo: query(&mut cargo, shell),
        }
    }
}

/// The current UTC time as `YYYY-MM-DD HH:MM UTC` (from `date`).
pub fn utc_now(shell: Shell) -> Option<String> {
    let mut cmd = clean_command("date");
    cmd.args(["-u", "+%Y-%m-%d %H:%M UTC"]);
    query(&mut cmd, shell)
}

/// The trimmed stdout of a command that succeeded.
fn query(cmd: &mut Command, shell: Shell) -> Option<String> {
    let captured = shell.capture(cmd, QUERY_TIMEOUT).ok()?;
    captured
        .succeeded()
        .then(|| String::from_utf8_lossy(&captured.stdout).trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_model_and_memory_are_read() {
        let cpuinfo = "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) \
                       CPU @ 2.20GHz\n\nprocessor\t: 1\nmodel name\t: other\n";
        assert_eq!(
            cpu_model(cpuinfo).as_deref(),
            Some("Intel(R) Xeon(R) CPU @ 2.20GHz")
        );
        assert_eq!(cpu_model("processor : 0\n"), None);
        let meminfo = "MemTotal:        8388608 kB\nMemFree:         1024 kB\n";
        assert_eq!(memory_gib(meminfo), Some(8.0));
        assert_eq!(memory_gib("MemFree: 1 kB\n"), None);
    }
}
