//! placeholder for the TUI.

/// Placeholder until the TUI lands.
pub fn run(
    _store: crate::store::Store,
    _open: Option<crate::model::IssueKey>,
) -> anyhow::Result<()> {
    anyhow::bail!("the TUI is not built yet")
}
