//! Progress on standard error for long runs: drawn only when standard error is a terminal, so
//! that pipes, files and scripts see nothing but the messages they always saw.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use indicatif::{HumanBytes, ProgressBar, ProgressDrawTarget, ProgressFinish, ProgressStyle};

/// Runs shorter than this finish before anything is drawn: no flicker on small inputs.
const DELAY: Duration = Duration::from_millis(500);

/// A progress display: a bar when the total is known, else a counter. Cheap to clone; clones
/// share one display, and every method may be called from any thread.
#[derive(Clone)]
pub struct Progress {
    /// `None` when standard error is not a terminal.
    bar: Option<ProgressBar>,
    /// Bytes of the documents counted, for the counter's message.
    bytes: Arc<AtomicU64>,
}

impl Progress {
    /// A counter of documents and their bytes, for input of unknown length.
    pub fn documents(verb: &str) -> Self {
        Self::new(
            None,
            &format!("{{spinner}} {verb} {{pos}} documents ({{msg}}) {{elapsed}}"),
        )
    }

    /// A bar over `total` bytes of documents.
    pub fn bytes(total: u64, verb: &str) -> Self {
        Self::new(
            Some(total),
            &format!(
                "{verb} [{{wide_bar}}] {{bytes}}/{{total_bytes}} {{bytes_per_sec}} eta {{eta}}"
            ),
        )
    }

    fn new(total: Option<u64>, template: &str) -> Self {
        let bytes = Arc::new(AtomicU64::new(0));
        if !std::io::stderr().is_terminal() {
            return Progress { bar: None, bytes };
        }
        let Ok(style) = ProgressStyle::with_template(template) else {
            // A template error is a bug here; showing no progress is the safe answer.
            return Progress { bar: None, bytes };
        };
        // Hidden until DELAY has passed (see `tick`); cleared when dropped, so that an error
        // message after it starts on a clean line.
        let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::hidden())
            .with_style(style.progress_chars("=> "))
            .with_finish(ProgressFinish::AndClear);
        Progress {
            bar: Some(bar),
            bytes,
        }
    }

    /// One document of `bytes` bytes done: counts one document on a counter, its bytes on a bar.
    pub fn document(&self, bytes: usize) {
        if let Some(bar) = &self.bar {
            if bar.length().is_some() {
                bar.inc(bytes as u64);
            } else {
                let so_far = self.bytes.fetch_add(bytes as u64, Ordering::Relaxed) + bytes as u64;
                bar.inc(1);
                bar.set_message(HumanBytes(so_far).to_string());
            }
            self.tick();
        }
    }

    /// Says what is being done now (e.g. the step after reading) and keeps the display moving
    /// while no documents come in.
    pub fn phase(&self, message: &str) {
        if let Some(bar) = &self.bar {
            if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} {elapsed}") {
                bar.set_style(style);
            }
            bar.set_message(message.to_owned());
            bar.enable_steady_tick(Duration::from_millis(120));
            self.tick();
        }
    }

    /// Writes `line` to standard error, the display (if drawn) kept off it.
    pub fn eprintln(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Removes the display.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    /// Starts drawing once the run has lasted [`DELAY`].
    fn tick(&self) {
        if let Some(bar) = &self.bar {
            if bar.is_hidden() && bar.elapsed() >= DELAY {
                bar.set_draw_target(ProgressDrawTarget::stderr());
            }
        }
    }
}
