//! `zhoubao config`: the complete default config file, commented in the
//! session's language, whatever the config in place says (it may be
//! broken: this is how to start over); and the config every other command
//! reads first.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::args::{Cli, Command};
use crate::config::Config;
use crate::i18n::Lang;

/// `lang` is the environment's alone: the config in place is not read
/// (it may be the broken file being replaced).
pub fn run(lang: Lang) -> Result<ExitCode> {
    std::io::stdout()
        .lock()
        .write_all(crate::config::default_file(lang).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// The config file, or None when the command needs none and is done:
/// `config`, `completions` and `man` print what they print whatever the
/// config says (it may be broken: `zhoubao config` is how to start over).
pub fn load(cli: &Cli, lang: Lang) -> Result<Option<Config>> {
    match &cli.command {
        Some(Command::Config) => {
            run(lang)?;
            return Ok(None);
        }
        Some(Command::Completions { shell }) => {
            super::completions::completions(*shell)?;
            return Ok(None);
        }
        Some(Command::Man { dir }) => {
            super::man::man(dir.as_deref())?;
            return Ok(None);
        }
        _ => {}
    }
    let config = Config::load(
        cli.config.as_deref(),
        crate::config::no_color_from_env(),
        lang,
    )?;
    Ok(Some(config))
}
