//! Weekly statistics, pure and computed once: the series of each figure by
//! calendar week ([`series`]), from which the comparisons shown by
//! `zhoubao show` and the TUI's detail pane, and the charts (with the span
//! statistics of [`window`]), all read, so the CLI and the TUI can never
//! disagree.

pub mod series;
pub mod window;

pub use series::{Week, WeekSeries};
