//! How far the cache's newest readable issue is behind the newest one it
//! knows of: what the TUI's status line and `zhoubao update` say when
//! titles (近期回顾 lines, title-only copies) name issues that no copy
//! with text has brought yet. Pure: a list of issues in, a verdict out.

use crate::model::{IssueKey, IssueSummary};

/// The newest issue with text against the newest known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Behind {
    /// None when no issue has text at all.
    pub newest_with_text: Option<IssueKey>,
    pub newest_known: IssueKey,
    /// Known issues newer than `newest_with_text` (all of them when none
    /// has text).
    pub behind: usize,
}

impl Behind {
    /// None when the newest known issue has text, or nothing is known.
    /// `issues` are one series' (keys of two series do not compare by
    /// week).
    pub fn of(issues: &[IssueSummary]) -> Option<Behind> {
        let newest_known = issues.iter().map(|s| s.key).max()?;
        let newest_with_text = issues.iter().filter(|s| s.cached).map(|s| s.key).max();
        if newest_with_text == Some(newest_known) {
            return None;
        }
        let behind = issues
            .iter()
            .filter(|s| newest_with_text.is_none_or(|t| s.key > t))
            .count();
        Some(Behind {
            newest_with_text,
            newest_known,
            behind,
        })
    }

    /// The words for it (`newest with text 2025-7, 48 behind 2026-36`).
    pub fn message(&self) -> crate::i18n::FeedMsg {
        crate::i18n::FeedMsg::Behind {
            with_text: self.newest_with_text.map(|k| k.to_string()),
            behind: self.behind,
            newest: self.newest_known.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn issue(year: i32, number: u32, cached: bool) -> IssueSummary {
        IssueSummary {
            key: IssueKey::new(year, number),
            last_number: None,
            title: None,
            period: None,
            published: None,
            assessment: None,
            figures: Default::default(),
            cached,
            read: false,
            flagged: false,
            note: None,
        }
    }

    #[test]
    fn known_issues_newer_than_the_newest_with_text_are_counted() {
        let mut issues = vec![issue(2025, 6, true), issue(2025, 7, true)];
        issues.extend((8..=52).map(|n| issue(2025, n, false)));
        issues.extend((1..=3).map(|n| issue(2026, n, false)));
        let b = Behind::of(&issues).expect("behind");
        assert_eq!(b.newest_with_text, Some(IssueKey::new(2025, 7)));
        assert_eq!(b.newest_known, IssueKey::new(2026, 3));
        assert_eq!(b.behind, 48);
        assert_eq!(
            b.message().text(Lang::En),
            "newest with text 2025-7, 48 behind 2026-3"
        );
    }

    #[test]
    fn a_cache_whose_newest_issue_has_text_is_not_behind() {
        let issues = [issue(2025, 6, false), issue(2025, 7, true)];
        assert_eq!(Behind::of(&issues), None);
        assert_eq!(Behind::of(&[]), None);
    }

    #[test]
    fn without_any_text_every_known_issue_is_behind() {
        let issues = [issue(2025, 44, false), issue(2025, 45, false)];
        let b = Behind::of(&issues).expect("behind");
        assert_eq!((b.newest_with_text, b.behind), (None, 2));
        assert_eq!(
            b.message().text(Lang::En),
            "no issue has text yet; 2 known, the newest 2025-45"
        );
    }
}
