//! Progress display for long steps (unpacking, hashing, cargo builds) and the
//! one function every other module uses to print a status line to stderr.
//! On a terminal a step is an indicatif spinner or byte bar; elsewhere (CI
//! logs) it becomes a plain line when it starts and one when it ends, so logs
//! still show what took the time.

use std::fmt::Display;
use std::io::Read;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use indicatif::{MultiProgress, ProgressBar, ProgressStyle};

/// A hidden [`Step::counter`] prints a line at least this often.
const COUNTER_LINE_EVERY: u64 = 25;

fn multi() -> &'static MultiProgress {
    static MULTI: OnceLock<MultiProgress> = OnceLock::new();
    MULTI.get_or_init(MultiProgress::new)
}

/// Prints a status line on stderr without tearing any active progress bar.
pub fn note(message: impl Display) {
    let multi = multi();
    if multi.is_hidden() {
        eprintln!("{message}");
    } else {
        multi.suspend(|| eprintln!("{message}"));
    }
}

/// A long-running step shown while it runs and summarised when it ends.
pub struct Step {
    bar: ProgressBar,
    label: String,
    started: Instant,
}

impl Step {
    /// A step of unknown length (a spinner with a changing message).
    pub fn spinner(label: &str) -> Self {
        let style = ProgressStyle::with_template("{spinner} {prefix} {wide_msg} [{elapsed}]")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        Self::start(ProgressBar::new_spinner().with_style(style), label)
    }

    /// A step that processes `total` bytes.
    pub fn bytes(label: &str, total: u64) -> Self {
        let style = ProgressStyle::with_template(
            "{prefix} [{bar:30}] {bytes}/{total_bytes} ({bytes_per_sec}, eta {eta})",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        Self::start(
            ProgressBar::new(total).with_style(style.progress_chars("=> ")),
            label,
        )
    }

    /// A step of `total` items (a bar with a count); elsewhere than on a
    /// terminal, [`Step::advance`] prints a line every twentieth of it (at
    /// least every [`COUNTER_LINE_EVERY`] items).
    pub fn counter(label: &str, total: u64) -> Self {
        let style = ProgressStyle::with_template(
            "{prefix} [{bar:30}] {pos}/{len} {wide_msg} [{elapsed}, eta {eta}]",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        Self::start(
            ProgressBar::new(total).with_style(style.progress_chars("=> ")),
            label,
        )
    }

    fn start(bar: ProgressBar, label: &str) -> Self {
        let bar = multi().add(bar.with_prefix(label.to_owned()));
        if bar.is_hidden() {
            eprintln!("{label} ...");
        } else {
            bar.enable_steady_tick(Duration::from_millis(120));
        }
        Self {
            bar,
            label: label.to_owned(),
            started: Instant::now(),
        }
    }

    /// Shows a line of the step's own output: as the spinner's message on a
    /// terminal, as an indented line elsewhere (so CI logs show progress).
    pub fn log_line(&self, line: &str) {
        if self.bar.is_hidden() {
            eprintln!("    {line}");
        } else {
            self.bar.set_message(line.to_owned());
        }
    }

    /// Counts one more item of a [`Step::counter`], with `message` shown
    /// next to the bar.
    pub fn advance(&self, message: &str) {
        self.bar.inc(1);
        self.bar.set_message(message.to_owned());
        if self.bar.is_hidden() {
            let (done, total) = (self.bar.position(), self.bar.length().unwrap_or(0));
            let every = total.div_ceil(20).clamp(1, COUNTER_LINE_EVERY);
            if done == total || done % every == 0 {
                let secs = self.started.elapsed().as_secs_f64();
                eprintln!("    {done}/{total} {message} ({secs:.0} s)");
            }
        }
    }

    /// Wraps a reader so that bytes read advance the bar.
    pub fn wrap_read<R: Read>(&self, reader: R) -> impl Read {
        self.bar.wrap_read(reader)
    }

    /// Ends the step, printing `label: outcome (time)`.
    pub fn finish(self, outcome: &str) {
        let secs = self.started.elapsed().as_secs_f64();
        self.bar.finish_and_clear();
        note(format!("{}: {outcome} ({secs:.1} s)", self.label));
    }
}

impl Drop for Step {
    fn drop(&mut self) {
        // A step dropped on an error path just disappears; the error says why.
        if !self.bar.is_finished() {
            self.bar.finish_and_clear();
        }
    }
}
