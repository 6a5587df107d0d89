//! Running external programs: a clean environment (no rustup override or
//! rustc wrapper leaking in from the caller), `-v` echo of every command as a
//! copy-pasteable shell line, capture with a timeout (telling exit codes,
//! signals and time-outs apart), and line-by-line streaming for long builds.

use std::ffi::{OsStr, OsString};
use std::fmt;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::progress;

/// Variables that would make cargo or rustc use another compiler, wrapper,
/// flags or output directory than the ones we pass explicitly, or make the
/// programs under test print backtraces (which show source lines only where
/// there is debuginfo, so stderr would differ between the backends).
const INTERFERING_ENV: &[&str] = &[
    "RUST_BACKTRACE",
    "RUST_LIB_BACKTRACE",
    "RUSTUP_TOOLCHAIN",
    "RUSTC",
    "RUSTDOC",
    "RUSTC_WRAPPER",
    "RUSTC_WORKSPACE_WRAPPER",
    "RUSTFLAGS",
    "RUSTDOCFLAGS",
    "CARGO_ENCODED_RUSTFLAGS",
    "CARGO_ENCODED_RUSTDOCFLAGS",
    "CARGO_BUILD_RUSTC",
    "CARGO_BUILD_RUSTDOC",
    "CARGO_BUILD_RUSTC_WRAPPER",
    "CARGO_BUILD_RUSTC_WORKSPACE_WRAPPER",
    "CARGO_BUILD_RUSTFLAGS",
    "CARGO_BUILD_RUSTDOCFLAGS",
    "CARGO_BUILD_TARGET",
    "CARGO_BUILD_TARGET_DIR",
    "CARGO_TARGET_DIR",
];

/// Keeps at most this much of a program's stdout or stderr.
const CAPTURE_LIMIT: usize = 4 << 20;

/// How long to wait for a pipe to close after its program exited.
const DRAIN_GRACE: Duration = Duration::from_secs(2);

/// The executable file `program` names: itself when it is a path (has a
/// `/`), else the first match on `PATH`.
pub fn find_program(program: &str) -> Option<PathBuf> {
    if program.contains('/') {
        return Some(PathBuf::from(program)).filter(|path| path.is_file());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|file| file.is_file())
}

/// A `Command` for `program` without the [`INTERFERING_ENV`] variables.
pub fn clean_command(program: impl AsRef<OsStr>) -> Command {
    let mut cmd = Command::new(program);
    for var in INTERFERING_ENV {
        cmd.env_remove(var);
    }
    cmd
}

/// `LD_LIBRARY_PATH` with `lib_dir` before the caller's value: for programs
/// that link the base toolchain's `librustc_driver` without a RUNPATH.
pub fn library_path(lib_dir: &Path) -> OsString {
    let mut path = OsString::from(lib_dir);
    if let Some(old) = std::env::var_os("LD_LIBRARY_PATH").filter(|old| !old.is_empty()) {
        path.push(":");
        path.push(old);
    }
    path
}

/// How commands are run: with or without echoing them (`-v`).
#[derive(Debug, Clone, Copy)]
pub struct Shell {
    pub verbose: bool,
}

impl Shell {
    /// Prints the command on stderr when verbose.
    pub fn echo(&self, cmd: &Command) {
        if self.verbose {
            progress::note(format!("+ {}", describe(cmd)));
        }
    }

    /// Echoes and starts `cmd` with no stdin and piped stdout and stderr.
    fn spawn_piped(&self, cmd: &mut Command) -> io::Result<std::process::Child> {
        self.echo(cmd);
        cmd.stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
    }

    /// Runs `cmd` with no stdin, capturing stdout and stderr; kills it after
    /// `timeout`.
    pub fn capture(&self, cmd: &mut Command, timeout: Duration) -> io::Result<Captured> {
        let mut child = self.spawn_piped(cmd)?;
        let stdout = drain(child.stdout.take());
        let stderr = drain(child.stderr.take());
        let outcome = wait_with_timeout(&mut child, timeout)?;
        let (stdout, stderr) = join_drains(stdout, stderr);
        Ok(Captured {
            outcome,
            stdout,
            stderr,
        })
    }

    /// Like [`Shell::capture`], but an error unless `cmd` exits with 0 (with
    /// its stderr); `provider` names where the program comes from, for when
    /// it cannot be started (e.g. "Debian's patchelf").
    pub fn capture_ok(
        &self,
        cmd: &mut Command,
        timeout: Duration,
        provider: &str,
    ) -> anyhow::Result<Captured> {
        let out = self
            .capture(cmd, timeout)
            .map_err(|err| anyhow::anyhow!("cannot run `{}` ({provider}): {err}", describe(cmd)))?;
        if !out.succeeded() {
            anyhow::bail!(
                "`{}` failed ({}): {}",
                describe(cmd),
                out.outcome,
                out.stderr_text()
            );
        }
        Ok(out)
    }

    /// Runs `cmd` with no stdin, calling `on_line` for each stderr line as it
    /// arrives; returns the exit status and all stdout and stderr lines.
    pub fn stream_stderr(
        &self,
        cmd: &mut Command,
        mut on_line: impl FnMut(&str),
    ) -> io::Result<Streamed> {
        let mut child = self.spawn_piped(cmd)?;
        let stdout = drain(child.stdout.take());
        let mut lines = Vec::new();
        if let Some(stderr) = child.stderr.take() {
            for line in BufReader::new(stderr).lines() {
                let line = line?;
                on_line(&line);
                lines.push(line);
            }
        }
        let status = child.wait()?;
        let (stdout, _) = join_drains(stdout, None);
        let stdout = String::from_utf8_lossy(&stdout).into_owned();
        lines.extend(stdout.lines().map(str::to_owned));
        Ok(Streamed { status, lines })
    }
}

/// Result of [`Shell::stream_stderr`].
pub struct Streamed {
    pub status: ExitStatus,
    /// Stderr lines, then stdout lines.
    pub lines: Vec<String>,
}

/// How a captured program ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Exited(i32),
    Signaled(i32),
    TimedOut(Duration),
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Outcome::Exited(code) => write!(f, "exit code {code}"),
            Outcome::Signaled(signal) => match signal_name(signal) {
                Some(name) => write!(f, "killed by signal {signal} ({name})"),
                None => write!(f, "killed by signal {signal}"),
            },
            Outcome::TimedOut(limit) => write!(f, "timed out after {} s", limit.as_secs()),
        }
    }
}

fn signal_name(signal: i32) -> Option<&'static str> {
    Some(match signal {
        4 => "SIGILL",
        5 => "SIGTRAP",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        13 => "SIGPIPE",
        15 => "SIGTERM",
        _ => return None,
    })
}

/// Output of [`Shell::capture`].
#[derive(Debug)]
pub struct Captured {
    pub outcome: Outcome,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl Captured {
    pub fn succeeded(&self) -> bool {
        self.outcome == Outcome::Exited(0)
    }

    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

/// Collects a pipe's bytes on a thread; see [`Drain::finish`].
struct Drain {
    kept: Arc<Mutex<Vec<u8>>>,
    done: mpsc::Receiver<()>,
}

fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> Option<Drain> {
    let mut pipe = pipe?;
    let kept = Arc::new(Mutex::new(Vec::new()));
    let (done_tx, done) = mpsc::channel();
    let sink = Arc::clone(&kept);
    thread::spawn(move || {
        let mut buf = [0u8; 8192];
        // Keep the first CAPTURE_LIMIT bytes and discard the rest, so that
        // the child never blocks on a full pipe.
        while let Ok(n) = pipe.read(&mut buf) {
            if n == 0 {
                break;
            }
            if let Ok(mut kept) = sink.lock() {
                let room = CAPTURE_LIMIT.saturating_sub(kept.len());
                kept.extend_from_slice(&buf[..n.min(room)]);
            }
        }
        let _ = done_tx.send(());
    });
    Some(Drain { kept, done })
}

impl Drain {
    /// The bytes read, once the pipe closes or, if a process the child left
    /// behind still holds it open, at `deadline`.
    fn finish(self, deadline: Instant) -> Vec<u8> {
        let _ = self
            .done
            .recv_timeout(deadline.saturating_duration_since(Instant::now()));
        self.kept
            .lock()
            .map(|mut kept| std::mem::take(&mut *kept))
            .unwrap_or_default()
    }
}

/// Waits at most [`DRAIN_GRACE`] for both pipes of an exited program.
fn join_drains(stdout: Option<Drain>, stderr: Option<Drain>) -> (Vec<u8>, Vec<u8>) {
    let deadline = Instant::now() + DRAIN_GRACE;
    let finish = |drain: Option<Drain>| drain.map(|d| d.finish(deadline)).unwrap_or_default();
    (finish(stdout), finish(stderr))
}

fn wait_with_timeout(child: &mut Child, timeout: Duration) -> io::Result<Outcome> {
    use std::os::unix::process::ExitStatusExt as _;
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(match (status.code(), status.signal()) {
                (Some(code), _) => Outcome::Exited(code),
                (None, Some(signal)) => Outcome::Signaled(signal),
                (None, None) => Outcome::Exited(-1),
            });
        }
        if Instant::now() >= deadline {
            // The child may exit between try_wait and kill; either way it is
            // reaped below and reported as timed out.
            let _ = child.kill();
            child.wait()?;
            return Ok(Outcome::TimedOut(timeout));
        }
        thread::sleep(Duration::from_millis(5));
    }
}

/// A shell-like rendering of a command: `cd DIR && VAR=val prog args`.
pub fn describe(cmd: &Command) -> String {
    let mut parts = Vec::new();
    if let Some(dir) = cmd.get_current_dir() {
        parts.push(format!("cd {} &&", quote(dir.as_os_str())));
    }
    for (key, value) in cmd.get_envs() {
        if let Some(value) = value {
            parts.push(format!("{}={}", key.to_string_lossy(), quote(value)));
        }
    }
    parts.push(quote(cmd.get_program()));
    parts.extend(cmd.get_args().map(quote));
    parts.join(" ")
}

fn quote(word: &OsStr) -> String {
    let word = word.to_string_lossy();
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-./=:,+@%".contains(c));
    if plain {
        word.into_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_quotes_and_shows_env() {
        let mut cmd = clean_command("rustc");
        cmd.env("RUSTC_BOOTSTRAP", "1")
            .args(["--crate-name", "it's here", "a b.rs"]);
        assert_eq!(
            describe(&cmd),
            r"RUSTC_BOOTSTRAP=1 rustc --crate-name 'it'\''s here' 'a b.rs'"
        );
    }

    #[test]
    fn capture_tells_exit_codes_signals_and_timeouts_apart() {
        let shell = Shell { verbose: false };
        let run = |script: &str, timeout| {
            shell
                .capture(Command::new("sh").args(["-c", script]), timeout)
                .expect("sh runs")
        };
        let ok = run("echo out; echo err >&2; exit 3", Duration::from_secs(10));
        assert_eq!(ok.outcome, Outcome::Exited(3));
        assert_eq!(ok.stdout, b"out\n");
        assert_eq!(ok.stderr, b"err\n");
        let killed = run("kill -SEGV $$", Duration::from_secs(10));
        assert_eq!(killed.outcome, Outcome::Signaled(11));
        assert_eq!(killed.outcome.to_string(), "killed by signal 11 (SIGSEGV)");
        let slow = run("exec sleep 5", Duration::from_millis(100));
        assert_eq!(slow.outcome, Outcome::TimedOut(Duration::from_millis(100)));
    }
}
