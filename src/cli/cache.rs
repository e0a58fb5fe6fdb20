//! Which cache a command works on and how it is opened: `--db`, the
//! environment, the config or the platform data dir; created only by the
//! commands that store, read-only when it cannot be written; or the demo
//! corpus in memory.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::args::Command;
use super::{said, shown};
use crate::i18n::{Cache, Cmd, Lang};
use crate::import::{self, FileResult};
use crate::store::{Store, StoreError};

/// Only `import` and `fetch` create a cache; `reindex` needs one it can
/// write; the rest read, and work on a cache this process cannot write.
/// `default_path`: the cache is the platform's, whose folder `import`
/// creates, so a missing folder there is only a first run.
pub fn open_store(
    path: &Path,
    default_path: bool,
    command: Option<&Command>,
    lang: Lang,
) -> Result<Store> {
    let store = match command {
        Some(Command::Import { .. } | Command::Fetch { .. } | Command::Update { .. }) => {
            Store::create_or_open(path)?
        }
        Some(Command::Reindex) => {
            let store = Store::open_existing(path)?;
            store.check_sound()?;
            store
        }
        _ => open_for_reading(path).map_err(|e| match e {
            StoreError::NoCache { path } => said(Cmd::NoCacheYet { path: shown(&path) }, lang),
            StoreError::NoFolder { path, .. } if default_path => {
                said(Cmd::NoCacheYet { path: shown(&path) }, lang)
            }
            e => e.into(),
        })?,
    };
    rerank_if_merged_by_older_rules(store, lang)
}

/// A cache merged under an older build's rules is re-derived once, on the
/// first open that can write it, and says so on stderr.
fn rerank_if_merged_by_older_rules(mut store: Store, lang: Lang) -> Result<Store> {
    let parse = |raw: &[u8]| import::parse_caught(raw).ok().and_then(Result::ok);
    if let Some(counts) = store.rederive_if_merged_by_older_rules(parse)? {
        if counts.sources > 0 {
            let said = Cache::Reranked {
                issues: store.issue_count()?,
                files: counts.sources,
            };
            let _ = writeln!(std::io::stderr(), "{}", said.text(lang));
        }
    }
    Ok(store)
}

/// Opens for writing read marks when the cache can be written, else
/// read-only (a file or folder without write access).
fn open_for_reading(path: &Path) -> Result<Store, StoreError> {
    match Store::open_existing(path) {
        Err(e) if e.is_read_only() => Store::open_read_only(path),
        other => other,
    }
}

/// `--db`, then `ZHOUBAO_DB` (both via clap), then the config's `db`, then
/// the platform data dir, which is created only for a command that creates
/// the cache.
pub fn cache_path(explicit: Option<PathBuf>, creating: bool, lang: Lang) -> Result<PathBuf> {
    if let Some(p) = explicit {
        return Ok(p);
    }
    let dirs =
        directories::ProjectDirs::from("", "", "zhoubao").ok_or_else(|| said(Cmd::NoHome, lang))?;
    let dir = dirs.data_dir();
    if creating {
        std::fs::create_dir_all(dir)
            .with_context(|| Cmd::CreatingFolder { dir: shown(dir) }.text(lang))?;
    }
    Ok(dir.join("cache.db"))
}

/// An in-memory cache holding the demo corpus embedded in the binary, and
/// the charts drawn from its figures.
pub fn open_demo(lang: Lang) -> Result<Store> {
    let mut store = Store::open_in_memory()?;
    for (name, bytes) in crate::demo::files() {
        if let FileResult::Failed(why) = import::import_bytes(&mut store, name, bytes) {
            let name = name.to_string();
            return Err(said(
                Cmd::DemoFile {
                    name,
                    why: Box::new(why),
                },
                lang,
            ));
        }
    }
    crate::demo::charts::attach(&mut store)?;
    Ok(store)
}
