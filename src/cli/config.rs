//! `zhoubao config`: the complete default config file, commented, whatever
//! the config in place says (it may be broken: this is how to start over).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

pub fn run() -> Result<ExitCode> {
    std::io::stdout()
        .lock()
        .write_all(crate::config::default_file().as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
