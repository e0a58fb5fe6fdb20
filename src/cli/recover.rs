//! `zhoubao recover`: a new cache beside a damaged one, from every stored
//! file that can still be read; the damaged cache is only read.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use super::shown;
use crate::i18n::{Cache, Lang};
use crate::import;
use crate::store::Store;

/// `zhoubao recover`: a new cache beside the damaged one, never over a file.
pub fn recover(cache: &Path, to: Option<PathBuf>, lang: Lang) -> Result<ExitCode> {
    // A sound cache needs no copy: say so rather than write one, unless
    // a copy was asked for by name (`--to`).
    if to.is_none() && Store::is_sound(cache) {
        eprintln!(
            "{}",
            Cache::RecoverHealthy {
                cache: shown(cache)
            }
            .text(lang)
        );
        return Ok(ExitCode::SUCCESS);
    }
    let to = to.unwrap_or_else(|| crate::store::default_recovery_path(cache));
    let report = Store::recover(cache, &to, |raw| {
        import::parse_caught(raw).ok().and_then(Result::ok)
    })?;
    eprint!("{}", report.render(lang));
    // Like any command that could not do all it was asked: exit 1.
    let verdict = if report.lost_anything() {
        Cache::RecoverIncomplete
    } else {
        Cache::RecoverComplete
    };
    eprintln!("{}", verdict.text(lang));
    let journals: Vec<String> = ["-wal", "-shm"]
        .iter()
        .map(|s| {
            let mut p = cache.as_os_str().to_owned();
            p.push(s);
            PathBuf::from(p)
        })
        .filter(|p| p.exists())
        .map(|p| shown(&p))
        .collect();
    let next = Cache::RecoverNext {
        cache: shown(cache),
        to: shown(&to),
    };
    eprintln!("{}", next.text(lang));
    if !journals.is_empty() {
        let files = journals;
        eprintln!("{}", Cache::RecoverJournals { files }.text(lang));
    }
    Ok(if report.lost_anything() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
