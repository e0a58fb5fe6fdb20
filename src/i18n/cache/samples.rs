//! One of each import and cache message, for the test that checks both
//! languages.

use super::{Cache, FileKind};
use crate::i18n::{Msg, Os};

impl Cache {
    /// One of each message, for the test that checks both languages.
    pub(in crate::i18n) fn samples() -> Vec<Cache> {
        use Cache::*;
        let p = || "/tmp/c.db".to_string();
        let why = || Box::new(Msg::Os(Os::InvalidData));
        let verdicts = [
            super::Verdict::New,
            super::Verdict::Updated,
            super::Verdict::Unchanged,
            super::Verdict::Stub,
            super::Verdict::NoText,
            super::Verdict::Skipped,
            super::Verdict::Failed,
        ];
        let kinds = [
            FileKind::Fifo,
            FileKind::Socket,
            FileKind::CharDevice,
            FileKind::BlockDevice,
            FileKind::Folder,
            FileKind::Other,
        ];
        let own = [
            super::OwnFile::Database,
            super::OwnFile::Wal,
            super::OwnFile::Shm,
            super::OwnFile::Journal,
        ];
        let mut all: Vec<Cache> = verdicts
            .into_iter()
            .map(Verdict)
            .chain(kinds.into_iter().map(NotRegular))
            .chain(own.into_iter().map(OwnFile))
            .collect();
        all.extend([
            CannotRead {
                error: Os::PermissionDenied,
            },
            CannotReadFolder {
                error: Os::NotFound,
            },
            TooLarge { bytes: 17_000_000 },
            GrewPastLimit,
            ParserCrashed {
                detail: "index out of range".into(),
                at: Some("src/parse/x.rs:1".into()),
            },
            ParserCrashed {
                detail: String::new(),
                at: None,
            },
            SkippedLine {
                path: "a.md".into(),
                why: why(),
            },
            FailedLine {
                path: "a.md".into(),
                why: why(),
            },
            Summary {
                files: 1,
                new: 1,
                updated: 0,
                unchanged: 0,
                lower: 0,
                stubs: 1,
                empty: 0,
                skipped: 0,
                failed: 0,
            },
            Summary {
                files: 33,
                new: 0,
                updated: 0,
                unchanged: 0,
                lower: 18,
                stubs: 0,
                empty: 33,
                skipped: 0,
                failed: 0,
            },
            NoTextHint { files: 1 },
            NoTextHint { files: 33 },
            Stopped {
                reason: Box::new(Msg::Cache(StopLocked {
                    cache: p(),
                    secs: 5,
                })),
                not_imported: 1,
                of: 1,
                hint: Box::new(Msg::Cache(HintRunAgain)),
            },
            StopDamaged {
                cache: p(),
                reason: "bad page".into(),
            },
            HintRecover,
            NoFiles {
                paths: "/tmp/empty".into(),
            },
            NothingReadable {
                paths: vec![
                    (
                        "/tmp/typo".into(),
                        Box::new(Msg::Cache(CannotRead {
                            error: Os::NotFound,
                        })),
                    ),
                    (
                        "/root/x.md".into(),
                        Box::new(Msg::Cache(CannotRead {
                            error: Os::PermissionDenied,
                        })),
                    ),
                ],
            },
            Reindexed {
                issues: 140,
                files: 147,
                parsed: 146,
            },
            Reranked {
                issues: 140,
                files: 247,
            },
            RecoverSaved {
                saved: 1,
                of: 1,
                to: p(),
                issues: 1,
                marks: 1,
            },
            RecoverKeptMarks { flags: 1, notes: 2 },
            RecoverHealthy { cache: p() },
            RecoverLost { files: 1 },
            RecoverLostUnnamed { files: 2 },
            RecoverEndUnknown,
            RecoverComplete,
            RecoverIncomplete,
            RecoverMarksDamaged { lost: 1 },
            RecoverSettingsLost { settings: 1 },
            RecoverNext {
                cache: p(),
                to: p(),
            },
            RecoverJournals {
                files: vec!["c.db-wal".into(), "c.db-shm".into()],
            },
        ]);
        all
    }
}
