//! The command line: clap's definitions (args.rs) and one module per
//! subcommand, each with a `run` that main.rs dispatches to. The binary's
//! edge: errors here are `anyhow` with `.context()`.

pub mod args;
pub mod brief;
pub mod cache;
pub mod completions;
pub mod config;
pub mod export;
pub mod feeds;
pub mod fetch;
pub mod images;
pub mod import;
pub mod list;
pub mod localize;
pub mod man;
pub mod note;
pub mod recover;
pub mod reindex;
pub mod search;
pub mod show;
pub mod tui;
pub mod update;
pub mod usage;

use std::path::Path;

use anyhow::anyhow;

use crate::i18n::{Lang, Msg};

/// A message as an error, already in the user's language.
pub fn said(msg: impl Into<Msg>, lang: Lang) -> anyhow::Error {
    anyhow!(msg.into().text(lang).into_owned())
}

/// A path as one printable line.
pub fn shown(p: &Path) -> String {
    crate::sanitize::line(&p.display().to_string())
}
