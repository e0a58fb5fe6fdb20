//! `zhoubao reindex`: every issue rebuilt from the raw files the cache
//! keeps, after an upgrade of the parser.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::i18n::{Cache, Lang};
use crate::import;
use crate::store::Store;

pub fn run(store: &mut Store, lang: Lang) -> Result<ExitCode> {
    let counts = store.reindex(|raw| import::parse_caught(raw).ok().and_then(Result::ok))?;
    let reindexed = Cache::Reindexed {
        issues: store.issue_count()?,
        files: counts.sources,
        parsed: counts.bulletins,
    };
    let _ = writeln!(std::io::stderr(), "{}", reindexed.text(lang));
    Ok(ExitCode::SUCCESS)
}
