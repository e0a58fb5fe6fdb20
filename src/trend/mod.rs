//! Weekly statistics, pure and computed once: the series of each figure by
//! calendar week ([`series`]), the comparisons of an issue's figures with
//! earlier weeks ([`compare`]) and their wording ([`describe`]), how far
//! back a value is the highest or lowest ([`extremes`]), and the
//! span statistics the charts scale by ([`window`]), which `zhoubao show`,
//! the TUI's detail pane and the charts all read, so the CLI and the TUI
//! can never disagree.

pub mod compare;
pub mod describe;
pub mod extremes;
pub mod series;
pub mod window;

pub use compare::IssueComparisons;
pub use series::{Week, WeekSeries};
