//! `zhoubao man`: the man pages (roff), made by clap_mangen from the same
//! definitions as `--help`, with the sections clap does not know
//! (manpage.rs): the main page on stdout, or every page into a folder.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::CommandFactory;

use super::args::Cli;
use super::shown;
use crate::tui::keymap::KeyMap;

pub fn man(dir: Option<&Path>) -> Result<ExitCode> {
    let keys = KeyMap::default();
    match dir {
        Some(dir) => {
            crate::manpage::write_pages(Cli::command(), &keys, dir)
                .with_context(|| format!("writing the man pages into {}", shown(dir)))?;
        }
        None => {
            let page = crate::manpage::main_page(Cli::command(), &keys)?;
            std::io::stdout().lock().write_all(&page)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
