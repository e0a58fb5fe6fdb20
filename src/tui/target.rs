//! What the detail pane shows, in a file of its own so the App and the
//! flows that save and restore it (search, history) share it without
//! depending on each other.

use super::view::detail::LinkTarget;
use crate::model::IssueKey;

/// What the detail pane shows: an issue by key, or a 近期回顾 line whose
/// issue the cache cannot name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Issue(IssueKey),
    Reference(LinkTarget),
}
