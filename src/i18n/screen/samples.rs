//! One of each TUI message, for the test that checks both languages.

use chrono::NaiveDate;

use super::Screen;
use crate::model::IssueKey;

impl Screen {
    /// One of each message, for the test that checks both languages.
    pub(in crate::i18n) fn samples() -> Vec<Screen> {
        use Screen::*;
        let k = IssueKey::new(2024, 17);
        let e = || Box::new(crate::i18n::Msg::Os(crate::i18n::Os::StorageFull));
        let key = || "f".to_string();
        let mut all = vec![
            NeedsTerminal {
                stdin: false,
                stdout: true,
            },
            NeedsTerminal {
                stdin: true,
                stdout: false,
            },
            CannotReadCache(e()),
            CannotSetUpTerminal,
            CannotCopy(e()),
            TooSmall {
                width: 20,
                height: 5,
                min_width: 30,
                min_height: 8,
            },
            TooSmallShort {
                min_width: 30,
                min_height: 8,
            },
            NotInCache(k),
            NotInCacheShort(k),
            CannotReload(e()),
            CacheBusy,
            CacheUpdated {
                issues: 140,
                added: 2,
            },
            CannotLoad { key: k, error: e() },
            NewestIssue,
            OldestIssue,
            NoOlderInList,
            NoNewerInList,
            UnknownWeeks(42),
            NoFigure(6),
            NarrowestSpan,
            WidestSpan,
            NoLinkLine(9),
            CannotLookUpLink(e()),
            NoEarlierPage,
            NoLaterPage,
            CannotRemember(e()),
            CannotEndSession(e()),
            CannotReadLastSession(e()),
            FallbackTitle(k),
            CannotMark { key: k, error: e() },
            NothingToMark(k),
            ReadOnlyMarks,
            MarkedReadForSession(1),
            MarkedReadForSession(3),
            FilterCached,
            FilterUnread,
            EmptyCache,
            NoCachedIssue { key: key() },
            NoUnreadIssue { key: key() },
            ShowingAll(5),
            ShowingCached { rows: 3, total: 5 },
            ShowingUnread { rows: 2, total: 5 },
            AskMarkAllRead(1),
            AskMarkAllRead(3),
            NextUnread {
                key: k,
                left: 0,
                wrapped: true,
            },
            NextUnread {
                key: k,
                left: 2,
                wrapped: false,
            },
            NoUnread,
            NoUnreadToMark,
            Cancelled,
            MarkedRead(1),
            MarkedRead(4),
            CannotMarkAll(e()),
            BadIssueKey("2024x".into()),
            IssueShown(k),
            Greeting {
                new: vec![],
                when: Some("2024-05-01".into()),
            },
            Greeting {
                new: vec![k],
                when: None,
            },
            Greeting {
                new: vec![IssueKey::new(2024, 16), k],
                when: None,
            },
            SearchFailed(e()),
            StillSearching,
            NoMatch("跨境".into()),
            NoSearch { key: "/".into() },
            Searching(0),
            Searching(3),
            Hits { hits: 0, index: 0 },
            Hits { hits: 1, index: 0 },
            Hits { hits: 4, index: 1 },
            NoUrl,
            NoLinkOnLine,
            NotWeb { copying: false },
            NotWeb { copying: true },
            Opened("https://example.org/".into()),
            CannotOpenBrowser(e()),
            BrowserFailed {
                program: "firefox".into(),
                why: e(),
            },
            UrlTooLong,
            Copied("https://example.org/".into()),
            CopiedShort("https://example.org/".into()),
            TitleTotal {
                total: 140,
                named: true,
            },
            TitleTotal {
                total: 140,
                named: false,
            },
            TitleUnread(34),
            DetailTitle(Some("cnvd:2024-40/41".into())),
            DetailTitle(None),
            NotCachedNote("F".into()),
            PeriodLabel,
            PublishedLabel,
            AssessmentLabel,
            SourceLabel,
            BodyHeading,
            ChartsHeading,
            RecentHeading,
            CachedMark,
            NotCachedMark,
            NothingYet,
            ImportHint,
            DemoHint,
            ThisWeek,
            MinLabel,
            MaxLabel,
            PaneTitle {
                first: IssueKey::new(2023, 1),
                last: k,
                weeks: 52,
            },
            PaneTitleEmpty,
            PaneTitleShort {
                first: IssueKey::new(2024, 12),
                last: IssueKey::new(2024, 17),
            },
            BeyondScale("↑".into()),
            FromZero,
            NoFiguresYet,
            Weeks(52),
            AllWeeks,
            MovingAverageLabel,
            MovingAverageShort,
            YearBefore,
            NoSuchWeek,
            ChartTooSmall,
            AxisYear(2024),
            AxisYearMonth(2024, 4),
            AxisMonth(12),
            Days {
                start: NaiveDate::from_ymd_opt(2024, 12, 30).unwrap_or_default(),
                end: NaiveDate::from_ymd_opt(2025, 1, 5).unwrap_or_default(),
                with_years: true,
            },
            HelpTitle {
                close: "Esc".into(),
                scroll: "j/k".into(),
            },
            HelpPosition {
                first: 1,
                last: 20,
                total: 90,
                more: true,
            },
            HelpPosition {
                first: 71,
                last: 90,
                total: 90,
                more: false,
            },
        ];
        for m in crate::model::SeriesId::all().flat_map(|s| s.figures().iter().copied()) {
            all.push(Metric(m));
            all.push(NoFigureInSpan(m));
        }
        all
    }
}
