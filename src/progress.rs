//! The progress bar of a long run, on stderr.
//!
//! It appears only when asked for (the command line asks when stderr is a terminal and the run
//! is not `--quiet`) and only once a run has lasted [`DELAY`]: a pre-commit run over a few
//! files finishes before it would show, so nothing flickers. It is cleared before any output.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before the bar appears.
pub const DELAY: Duration = Duration::from_millis(700);

pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    shown: OnceLock<()>,
}

impl Progress {
    /// A bar over `files` files, or one that never draws when `enabled` is false.
    pub fn new(enabled: bool, files: u64) -> Self {
        let bar = enabled.then(|| {
            let bar = ProgressBar::with_draw_target(Some(files), ProgressDrawTarget::hidden());
            bar.set_style(style());
            bar.set_message("files");
            bar
        });
        Progress { bar, started: Instant::now(), shown: OnceLock::new() }
    }

    /// One more unit of the current phase done.
    pub fn inc(&self) {
        self.inc_by(1);
    }

    /// `n` more units of the current phase done.
    pub fn inc_by(&self, n: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(n);
            self.reveal(bar);
        }
    }

    /// Starts a new phase of `len` units.
    pub fn phase(&self, name: &str, len: u64) {
        if let Some(bar) = &self.bar {
            bar.reset(); // position, elapsed time and rate start over for the phase
            bar.set_length(len);
            bar.set_message(name.to_string());
            self.reveal(bar);
        }
    }

    /// Removes the bar from the terminal.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    fn reveal(&self, bar: &ProgressBar) {
        if self.shown.get().is_none() && self.started.elapsed() >= DELAY && self.shown.set(()).is_ok() {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

fn style() -> ProgressStyle {
    ProgressStyle::with_template("{spinner} {msg:>16} [{bar:30}] {pos}/{len} ({elapsed}, {eta} left)")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_disabled_bar_counts_nothing_and_never_draws() {
        let p = Progress::new(false, 10);
        p.inc();
        p.phase("repository rules", 3);
        assert!(p.bar.is_none());
    }

    #[test]
    fn an_enabled_bar_stays_hidden_until_the_delay() {
        let p = Progress::new(true, 10);
        p.inc();
        let bar = p.bar.as_ref().unwrap();
        assert_eq!(bar.position(), 1);
        assert!(bar.is_hidden());
        p.phase("repository rules", 3);
        assert_eq!((bar.position(), bar.length()), (0, Some(3)));
    }
}
