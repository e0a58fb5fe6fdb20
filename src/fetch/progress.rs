//! The progress line the fetching commands (`fetch`, `update`, `images
//! --fetch`) draw on stderr: one spinner style and one waiting message, so
//! the three read alike.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::i18n::{Fetch, Lang};

/// A spinner line on stderr when `wanted` and stderr is a terminal, else a
/// hidden bar that draws nothing (scripts and pipes see no escapes).
pub fn spinner(wanted: bool) -> ProgressBar {
    if !(wanted && std::io::stderr().is_terminal()) {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(10));
    bar.set_style(
        ProgressStyle::with_template("{spinner} {prefix} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(Duration::from_millis(100));
    bar
}

/// Says on `bar` that the next request to `host` waits `wait` (the
/// politeness delay).
pub fn show_wait(bar: &ProgressBar, host: &str, wait: Duration, lang: Lang) {
    bar.set_message(
        Fetch::Waiting {
            host: crate::sanitize::line(host),
            secs: format!("{:.1}", wait.as_secs_f64()),
        }
        .text(lang)
        .into_owned(),
    );
}
