//! placeholder for the TUI.
