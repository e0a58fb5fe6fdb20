//! What the TUI's screen says, in both languages (`Screen`, named apart
//! from `crate::tui`): pane titles and labels, status and error messages,
//! prompts, the charts and the help's frame. A section of the message
//! table ([`super::Msg::Screen`]) in a folder of its own, as the TUI has
//! over a hundred. Same rules as messages.rs: a variant, its two
//! arms, a sample; never a catch-all arm.
//!
//! Bulletin content is never translated. The figures' short names (处理事件
//! …) are the TUI's labels, not the bulletin's words, so they are.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};

use super::words::{month, plural};
use super::Lang;
use crate::model::{IssueKey, Metric};

/// Why something failed: the library's or the system's message.
pub type Why = Box<super::Msg>;

/// Something the TUI says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    // The screen and the terminal.
    /// Which of stdin and stdout are terminals (not both).
    NeedsTerminal {
        stdin: bool,
        stdout: bool,
    },
    CannotReadCache(Why),
    CannotSetUpTerminal,
    CannotCopy(Why),
    TooSmall {
        width: u16,
        height: u16,
        min_width: u16,
        min_height: u16,
    },
    TooSmallShort {
        min_width: u16,
        min_height: u16,
    },
    // Moving around.
    NotInCache(IssueKey),
    NotInCacheShort(IssueKey),
    CannotReload(Why),
    /// Another process holds the cache's lock; the TUI tries again.
    CacheBusy,
    CacheUpdated {
        issues: usize,
        added: usize,
    },
    CannotLoad {
        key: IssueKey,
        error: Why,
    },
    NewestIssue,
    OldestIssue,
    NoOlderInList,
    NoNewerInList,
    /// The list's separator between two issues: weeks no known issue covers.
    UnknownWeeks(u32),
    NoFigure(u8),
    NarrowestSpan,
    WidestSpan,
    NoLinkLine(usize),
    CannotLookUpLink(Why),
    NoEarlierPage,
    NoLaterPage,
    CannotRemember(Why),
    CannotEndSession(Why),
    CannotReadLastSession(Why),
    /// An issue's title when nothing better is known.
    FallbackTitle(IssueKey),
    // Reading state and the review flow.
    CannotMark {
        key: IssueKey,
        error: Why,
    },
    NothingToMark(IssueKey),
    /// A read-only cache: marks are kept in memory only.
    ReadOnlyMarks,
    MarkedReadForSession(usize),
    FilterCached,
    FilterUnread,
    EmptyCache,
    /// The filter hides every issue; `key` cycles it.
    NoCachedIssue {
        key: String,
    },
    NoUnreadIssue {
        key: String,
    },
    ShowingAll(usize),
    ShowingCached {
        rows: usize,
        total: usize,
    },
    ShowingUnread {
        rows: usize,
        total: usize,
    },
    AskMarkAllRead(usize),
    /// `u` went to `key`; `left` unread remain; it `wrapped` to the newest.
    NextUnread {
        key: IssueKey,
        left: usize,
        wrapped: bool,
    },
    NoUnread,
    NoUnreadToMark,
    Cancelled,
    MarkedRead(usize),
    CannotMarkAll(Why),
    BadIssueKey(String),
    IssueShown(IssueKey),
    /// The start-up line: issues new since the last session (oldest
    /// first), and that session's date.
    Greeting {
        new: Vec<IssueKey>,
        when: Option<String>,
    },
    // Search.
    SearchFailed(Why),
    StillSearching,
    NoMatch(String),
    NoSearch {
        key: String,
    },
    Searching(usize),
    Hits {
        hits: usize,
        index: usize,
    },
    // Opening and copying.
    NoUrl,
    NoLinkOnLine,
    NotWeb {
        copying: bool,
    },
    Opened(String),
    CannotOpenBrowser(Why),
    /// The browser command `program` could not be started.
    BrowserFailed {
        program: String,
        why: Why,
    },
    UrlTooLong,
    /// `y`: the link was handed to the terminal's clipboard (OSC 52). The
    /// terminal never answers, so the words say sent, not copied; for any
    /// `y` (the list's, a brief's).
    Copied(String),
    /// [`Screen::Copied`] for a narrow status line.
    CopiedShort(String),
    // The list pane.
    /// The list title's count; `named` says 周报 too when there is room.
    TitleTotal {
        total: usize,
        named: bool,
    },
    TitleUnread(usize),
    // The detail pane.
    /// The shown issue's label (`cnvd:2024-40/41` for a double issue).
    DetailTitle(Option<String>),
    /// With the key that fetches an issue.
    NotCachedNote(String),
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
    // The charts.
    Metric(Metric),
    ThisWeek,
    /// The lowest and highest value of the span shown, before the number.
    MinLabel,
    MaxLabel,
    PaneTitle {
        first: IssueKey,
        last: IssueKey,
        weeks: i64,
    },
    PaneTitleEmpty,
    /// [`Screen::PaneTitle`] without the scale's span: a narrow pane keeps
    /// the [`Screen::BeyondScale`] note rather than the span.
    PaneTitleShort {
        first: IssueKey,
        last: IssueKey,
    },
    BeyondScale(String),
    /// The charts' baseline rule, in the chart view's title.
    FromZero,
    NoFiguresYet,
    Weeks(usize),
    AllWeeks,
    MovingAverageLabel,
    /// The same where the header has no room for the full name.
    MovingAverageShort,
    YearBefore,
    NoSuchWeek,
    ChartTooSmall,
    NoFigureInSpan(Metric),
    AxisYear(i32),
    AxisYearMonth(i32, u32),
    AxisMonth(u32),
    /// A week's days, with their years when it crosses one.
    Days {
        start: NaiveDate,
        end: NaiveDate,
        with_years: bool,
    },
    // The help overlay's frame.
    HelpTitle {
        close: String,
        scroll: String,
    },
    HelpPosition {
        first: usize,
        last: usize,
        total: usize,
        more: bool,
    },
}

impl Screen {
    pub fn text(&self, lang: Lang) -> Cow<'static, str> {
        use Lang::{En, Zh};
        use Screen::*;
        match (self, lang) {
            (CannotReadCache(e), Zh) => format!("读不了缓存：{}", e.text(Zh)).into(),
            (CannotReadCache(e), En) => format!("cannot read the cache: {}", e.text(En)).into(),
            (CannotSetUpTerminal, Zh) => "无法设置终端".into(),
            (CannotSetUpTerminal, En) => "cannot set up the terminal".into(),
            (CannotCopy(e), Zh) => format!("无法复制到剪贴板：{}", e.text(Zh)).into(),
            (CannotCopy(e), En) => format!("cannot copy to the clipboard: {}", e.text(En)).into(),
            (
                TooSmall {
                    width,
                    height,
                    min_width,
                    min_height,
                },
                Zh,
            ) => format!("终端太小：{width}x{height}，至少要 {min_width}x{min_height}").into(),
            (
                TooSmall {
                    width,
                    height,
                    min_width,
                    min_height,
                },
                En,
            ) => format!("terminal too small: {width}x{height}, need {min_width}x{min_height}")
                .into(),
            (
                TooSmallShort {
                    min_width,
                    min_height,
                },
                Zh,
            ) => format!("太小，要 {min_width}x{min_height}").into(),
            (
                TooSmallShort {
                    min_width,
                    min_height,
                },
                En,
            ) => format!("need {min_width}x{min_height}").into(),
            (NotInCache(k), Zh) => format!("缓存里没有 {k}：没有文件或近期回顾条目提到它").into(),
            (NotInCache(k), En) => {
                format!("{k} is not in the cache: no file or 近期回顾 line names it").into()
            }
            (NotInCacheShort(k), Zh) => format!("缓存里没有 {k}").into(),
            (NotInCacheShort(k), En) => format!("{k} is not in the cache").into(),
            (CannotReload(e), Zh) => format!("无法重新读取缓存：{}", e.text(Zh)).into(),
            (CannotReload(e), En) => format!("cannot reload the cache: {}", e.text(En)).into(),
            (CacheBusy, Zh) => "缓存正被另一个进程写入，稍后自动重试…".into(),
            (CacheBusy, En) => {
                "the cache is busy (another process is writing); trying again…".into()
            }
            (NeedsTerminal { stdin, stdout }, Zh) => {
                let not = match (stdin, stdout) {
                    (false, false) => "标准输入和标准输出都不是终端",
                    (false, _) => "标准输入不是终端",
                    _ => "标准输出不是终端",
                };
                format!("浏览界面需要终端（{not}）；文字输出请用 zhoubao list").into()
            }
            (NeedsTerminal { stdin, stdout }, En) => {
                let not = match (stdin, stdout) {
                    (false, false) => "stdin and stdout are not one",
                    (false, _) => "stdin is not one",
                    _ => "stdout is not one",
                };
                format!("the browser needs a terminal ({not}); try `zhoubao list` for text").into()
            }
            (CacheUpdated { issues, added }, Zh) => {
                format!("缓存已被另一个进程更新：共 {issues} 期，新增 {added} 期").into()
            }
            (CacheUpdated { issues, added }, En) => format!(
                "cache updated by another process: {}, {added} new",
                plural(*issues, "issue", "issues")
            )
            .into(),
            (CannotLoad { key, error }, Zh) => format!("无法读取 {key}：{}", error.text(Zh)).into(),
            (CannotLoad { key, error }, En) => {
                format!("cannot load {key}: {}", error.text(En)).into()
            }
            (NewestIssue, Zh) => "这是最新的一期".into(),
            (NewestIssue, En) => "this is the newest issue".into(),
            (OldestIssue, Zh) => "这是最早的一期".into(),
            (OldestIssue, En) => "this is the oldest issue".into(),
            (NoOlderInList, Zh) => "列表里没有更早的期".into(),
            (NoOlderInList, En) => "no older issue in this list".into(),
            (NoNewerInList, Zh) => "列表里没有更新的期".into(),
            (NoNewerInList, En) => "no newer issue in this list".into(),
            (UnknownWeeks(n), Zh) => format!("… {n} 周无记录").into(),
            (UnknownWeeks(1), En) => "… 1 week without issues".into(),
            (UnknownWeeks(n), En) => format!("… {n} weeks without issues").into(),
            (NoFigure(n), Zh) => format!("没有第 {n} 项指标").into(),
            (NoFigure(n), En) => format!("no figure {n}").into(),
            (NarrowestSpan, Zh) => "已经最窄：13 周".into(),
            (NarrowestSpan, En) => "already the narrowest span: 13 weeks".into(),
            (WidestSpan, Zh) => "已经是全部的周".into(),
            (WidestSpan, En) => "already every week of the series".into(),
            (NoLinkLine(n), Zh) => format!("没有第 {n} 条近期回顾").into(),
            (NoLinkLine(n), En) => format!("no 近期回顾 line {n}").into(),
            (CannotLookUpLink(e), Zh) => format!("无法查找这条链接：{}", e.text(Zh)).into(),
            (CannotLookUpLink(e), En) => format!("cannot look up the link: {}", e.text(En)).into(),
            (NoEarlierPage, Zh) => "历史里没有更早的页面".into(),
            (NoEarlierPage, En) => "no earlier page in the history".into(),
            (NoLaterPage, Zh) => "历史里没有更晚的页面".into(),
            (NoLaterPage, En) => "no later page in the history".into(),
            (CannotRemember(e), Zh) => format!("无法记住当前选中的期：{}", e.text(Zh)).into(),
            (CannotRemember(e), En) => {
                format!("cannot remember the selection: {}", e.text(En)).into()
            }
            (CannotEndSession(e), Zh) => format!("无法记录本次会话结束：{}", e.text(Zh)).into(),
            (CannotEndSession(e), En) => {
                format!("cannot record the end of the session: {}", e.text(En)).into()
            }
            (CannotReadLastSession(e), Zh) => format!("读不到上次会话：{}", e.text(Zh)).into(),
            (CannotReadLastSession(e), En) => {
                format!("cannot read the last session: {}", e.text(En)).into()
            }
            (FallbackTitle(k), Zh) => format!("{}年第{}期", k.year, k.number).into(),
            (FallbackTitle(k), En) => format!("Issue {k}").into(),
            (CannotMark { key, error }, Zh) => format!("无法标记 {key}：{}", error.text(Zh)).into(),
            (CannotMark { key, error }, En) => {
                format!("cannot mark {key}: {}", error.text(En)).into()
            }
            (NothingToMark(k), Zh) => format!("{k} 未缓存：没有可标记的").into(),
            (NothingToMark(k), En) => format!("{k} is not cached: nothing to mark").into(),
            (ReadOnlyMarks, Zh) => "缓存只读：已读标记只保留到本次退出".into(),
            (ReadOnlyMarks, En) => "read-only cache: read marks last only this session".into(),
            (MarkedReadForSession(n), Zh) => {
                format!("已将 {n} 期标为已读（缓存只读，仅限本次）").into()
            }
            (MarkedReadForSession(1), En) => {
                "marked 1 issue read for this session (read-only cache)".into()
            }
            (MarkedReadForSession(n), En) => {
                format!("marked {n} issues read for this session (read-only cache)").into()
            }
            (FilterCached, Zh) => "仅已缓存".into(),
            (FilterCached, En) => "cached only".into(),
            (FilterUnread, Zh) => "仅未读".into(),
            (FilterUnread, En) => "unread only".into(),
            (EmptyCache, Zh) => "（缓存是空的）".into(),
            (EmptyCache, En) => "(empty cache)".into(),
            (NoCachedIssue { key }, Zh) => format!("没有已缓存的期（{key} 换筛选）").into(),
            (NoCachedIssue { key }, En) => {
                format!("no cached issue ({key} changes the filter)").into()
            }
            (NoUnreadIssue { key }, Zh) => format!("没有未读的期（{key} 换筛选）").into(),
            (NoUnreadIssue { key }, En) => {
                format!("no unread issue ({key} changes the filter)").into()
            }
            (ShowingAll(n), Zh) => format!("显示全部 {n} 期").into(),
            (ShowingAll(n), En) => format!("showing all {}", plural(*n, "issue", "issues")).into(),
            (ShowingCached { rows, total }, Zh) => {
                format!("显示 {total} 期中已缓存的 {rows} 期").into()
            }
            (ShowingCached { rows, total }, En) => {
                format!("showing the {rows} cached issues of {total}").into()
            }
            (ShowingUnread { rows, total }, Zh) => {
                format!("显示 {total} 期中未读的 {rows} 期").into()
            }
            (ShowingUnread { rows, total }, En) => {
                format!("showing the {rows} unread issues of {total}").into()
            }
            (AskMarkAllRead(n), Zh) => format!("把 {n} 期未读全部标为已读？y/n").into(),
            (AskMarkAllRead(1), En) => "Mark the 1 unread issue read? y/n".into(),
            (AskMarkAllRead(n), En) => format!("Mark all {n} unread issues read? y/n").into(),
            (NextUnread { key, left, wrapped }, Zh) => {
                let left = match left {
                    0 => "这是最后一期未读".to_string(),
                    n => format!("还有 {n} 期未读"),
                };
                let wrap = if *wrapped {
                    "（已从最新一期重新开始）"
                } else {
                    ""
                };
                format!("{key}：{left}{wrap}").into()
            }
            (NextUnread { key, left, wrapped }, En) => {
                let left = match left {
                    0 => "that was the last unread issue".to_string(),
                    n => format!("{n} more unread"),
                };
                let wrap = if *wrapped {
                    " (wrapped to the newest)"
                } else {
                    ""
                };
                format!("{key}: {left}{wrap}").into()
            }
            (NoUnread, Zh) => "没有未读的期".into(),
            (NoUnread, En) => "no unread issues".into(),
            (NoUnreadToMark, Zh) => "没有未读的期：没有可标记的".into(),
            (NoUnreadToMark, En) => "no unread issues: nothing to mark".into(),
            (Cancelled, Zh) => "已取消：没有标记任何期".into(),
            (Cancelled, En) => "cancelled: nothing marked".into(),
            (MarkedRead(n), Zh) => format!("已把 {n} 期标为已读").into(),
            (MarkedRead(n), En) => format!("marked {} read", plural(*n, "issue", "issues")).into(),
            (CannotMarkAll(e), Zh) => format!("无法把各期标为已读：{}", e.text(Zh)).into(),
            (CannotMarkAll(e), En) => format!("cannot mark the issues read: {}", e.text(En)).into(),
            (BadIssueKey(t), Zh) => format!("“{t}”不是期号：请输入 年-期，如 2024-17").into(),
            (BadIssueKey(t), En) => {
                format!("“{t}” is not an issue key: type YEAR-NUMBER, e.g. 2024-17").into()
            }
            (IssueShown(k), Zh) => format!("{k} 就是当前显示的一期").into(),
            (IssueShown(k), En) => format!("{k} is the issue shown").into(),
            (Greeting { new, when }, Zh) => {
                let when = when
                    .as_ref()
                    .map(|w| format!("（{w}）"))
                    .unwrap_or_default();
                match new.as_slice() {
                    [] => format!("自上次访问{when}以来没有新的期").into(),
                    [one] => format!("自上次访问{when}以来新到 1 期：{one}").into(),
                    [oldest, .., newest] => format!(
                        "自上次访问{when}以来新到 {} 期：{oldest} … {newest}",
                        new.len()
                    )
                    .into(),
                }
            }
            (Greeting { new, when }, En) => {
                let when = when.as_ref().map(|w| format!(" ({w})")).unwrap_or_default();
                match new.as_slice() {
                    [] => format!("no new issues since your last visit{when}").into(),
                    [one] => format!("1 new issue since your last visit{when}: {one}").into(),
                    [oldest, .., newest] => format!(
                        "{} new issues since your last visit{when}: {oldest} … {newest}",
                        new.len()
                    )
                    .into(),
                }
            }
            (SearchFailed(e), Zh) => format!("搜索失败：{}", e.text(Zh)).into(),
            (SearchFailed(e), En) => format!("search failed: {}", e.text(En)).into(),
            (StillSearching, Zh) => "仍在搜索：还没有结果".into(),
            (StillSearching, En) => "still searching: no hit yet".into(),
            (NoMatch(q), Zh) => format!("“{q}”：没有结果").into(),
            (NoMatch(q), En) => format!("“{q}”: no match").into(),
            (NoSearch { key }, Zh) => format!("没有搜索：按 {key} 搜索").into(),
            (NoSearch { key }, En) => format!("no search: press {key} to search").into(),
            (Searching(0), Zh) => "搜索中…".into(),
            (Searching(n), Zh) => format!("搜索中… 已找到 {n} 个").into(),
            (Searching(0), En) => "searching…".into(),
            (Searching(n), En) => format!("searching… {} so far", plural(*n, "hit", "hits")).into(),
            (Hits { hits: 0, .. }, Zh) => "没有结果".into(),
            (Hits { hits: 1, .. }, Zh) => "1 个结果".into(),
            (Hits { hits, index }, Zh) => format!("{hits} 个结果（{}/{hits}）", index + 1).into(),
            (Hits { hits: 0, .. }, En) => "no match".into(),
            (Hits { hits: 1, .. }, En) => "1 hit".into(),
            (Hits { hits, index }, En) => format!("{hits} hits ({}/{hits})", index + 1).into(),
            (NoUrl, Zh) => "本期没有网址".into(),
            (NoUrl, En) => "this issue has no URL".into(),
            (NoLinkOnLine, Zh) => "这条近期回顾没有链接".into(),
            (NoLinkOnLine, En) => "this 近期回顾 line has no link".into(),
            (NotWeb { copying: false }, Zh) => "不打开不是 http(s) 的网址".into(),
            (NotWeb { copying: true }, Zh) => "不复制不是 http(s) 的网址".into(),
            (NotWeb { copying: false }, En) => "not opening a URL that is not http(s)".into(),
            (NotWeb { copying: true }, En) => "not copying a URL that is not http(s)".into(),
            (Opened(url), Zh) => format!("已在浏览器中打开：{url}").into(),
            (Opened(url), En) => format!("opened in the browser: {url}").into(),
            (CannotOpenBrowser(e), Zh) => format!("无法打开浏览器：{}", e.text(Zh)).into(),
            (CannotOpenBrowser(e), En) => format!("cannot open the browser: {}", e.text(En)).into(),
            (BrowserFailed { program, why }, Zh) => format!("{program}：{}", why.text(Zh)).into(),
            (BrowserFailed { program, why }, En) => format!("{program}: {}", why.text(En)).into(),
            (UrlTooLong, Zh) => "网址太长，无法通过终端复制".into(),
            (UrlTooLong, En) => "the URL is too long to copy through the terminal".into(),
            (Copied(url), Zh) => {
                format!("已发送到终端的剪贴板（OSC 52，终端不回告是否收到）：{url}").into()
            }
            (Copied(url), En) => format!(
                "sent to the terminal's clipboard (OSC 52: the terminal does not confirm): {url}"
            )
            .into(),
            (CopiedShort(url), Zh) => format!("已发往终端剪贴板（无法确认）：{url}").into(),
            (CopiedShort(url), En) => {
                format!("sent to the terminal's clipboard (unconfirmed): {url}").into()
            }
            (TitleTotal { total, named: true }, Zh) => format!("周报 {total} 期").into(),
            (
                TitleTotal {
                    total,
                    named: false,
                },
                Zh,
            ) => format!("{total} 期").into(),
            (TitleTotal { total, named: true }, En) => plural(*total, "issue", "issues").into(),
            (
                TitleTotal {
                    total,
                    named: false,
                },
                En,
            ) => total.to_string().into(),
            (TitleUnread(n), Zh) => format!("{n} 未读").into(),
            (TitleUnread(n), En) => format!("{n} unread").into(),
            (DetailTitle(Some(k)), Zh) => format!(" 详情 {k} ").into(),
            (DetailTitle(None), Zh) => " 详情 ".into(),
            (DetailTitle(Some(k)), En) => format!(" Detail {k} ").into(),
            (DetailTitle(None), En) => " Detail ".into(),
            (NotCachedNote(key), Zh) => {
                format!("未缓存：按 {key} 从网上获取，或导入保存的副本").into()
            }
            (NotCachedNote(key), En) => {
                format!("not cached: {key} fetches it, or import a saved copy").into()
            }
            (PeriodLabel, Zh) => "周期".into(),
            (PeriodLabel, En) => "week".into(),
            (PublishedLabel, Zh) => "发布".into(),
            (PublishedLabel, En) => "published".into(),
            (AssessmentLabel, Zh) => "评价".into(),
            (AssessmentLabel, En) => "rated".into(),
            (SourceLabel, Zh) => "来源".into(),
            (SourceLabel, En) => "source".into(),
            (BodyHeading, Zh) => "正文".into(),
            (BodyHeading, En) => "Text".into(),
            (ChartsHeading, Zh) => "图表".into(),
            (ChartsHeading, En) => "Charts".into(),
            (RecentHeading, Zh) => "近期回顾".into(),
            (RecentHeading, En) => "Recent issues (近期回顾)".into(),
            (CachedMark, Zh) => "[已缓存]".into(),
            (CachedMark, En) => "[cached]".into(),
            (NotCachedMark, Zh) => "[未缓存]".into(),
            (NotCachedMark, En) => "[not cached]".into(),
            (NothingYet, Zh) => "还没有可显示的内容。".into(),
            (NothingYet, En) => "Nothing to show yet.".into(),
            (ImportHint, Zh) => "导入周报：zhoubao import 路径…".into(),
            (ImportHint, En) => "Import bulletins with: zhoubao import PATH…".into(),
            (DemoHint, Zh) => "或者先看看演示：zhoubao --demo".into(),
            (DemoHint, En) => "or look around first with: zhoubao --demo".into(),
            (Metric(m), lang) => super::metric::name(*m, lang, super::metric::Form::Label).into(),
            (ThisWeek, Zh) => "本期".into(),
            (ThisWeek, En) => "now".into(),
            (MinLabel, Zh) => "最低".into(),
            (MinLabel, En) => "min".into(),
            (MaxLabel, Zh) => "最高".into(),
            (MaxLabel, En) => "max".into(),
            (PaneTitle { first, last, weeks }, Zh) => {
                format!(" 每周趋势 {first} … {last} · 自0起，刻度：至本期 {weeks} 周 ").into()
            }
            (PaneTitle { first, last, weeks }, En) => {
                format!(" Weekly {first} … {last} · from 0, top: {weeks} wks to now ").into()
            }
            (PaneTitleShort { first, last }, Zh) => format!(" 每周趋势 {first} … {last} ").into(),
            (PaneTitleShort { first, last }, En) => format!(" Weekly {first} … {last} ").into(),
            (PaneTitleEmpty, Zh) => " 每周趋势 ".into(),
            (PaneTitleEmpty, En) => " Weekly ".into(),
            (FromZero, Zh) => "自0起".into(),
            (FromZero, En) => "from 0".into(),
            (BeyondScale(marks), Zh) => format!("· {marks} 超出刻度 ").into(),
            (BeyondScale(marks), En) => format!("· {marks} beyond the scale ").into(),
            (NoFiguresYet, Zh) => "还没有指标数据".into(),
            (NoFiguresYet, En) => "no figures yet".into(),
            (Weeks(n), Zh) => format!("{n}周").into(),
            (Weeks(n), En) => format!("{n} wks").into(),
            (AllWeeks, Zh) => "全部".into(),
            (AllWeeks, En) => "all".into(),
            // Not the detail pane's 前4周均 (the mean of the four weeks
            // before): the average of the four weeks up to each week, that
            // week included, and the name says so.
            (MovingAverageLabel, Zh) => "含本周4周滑均".into(),
            (MovingAverageLabel, En) => "4-wk moving avg".into(),
            (MovingAverageShort, Zh) => "滑均".into(),
            (MovingAverageShort, En) => "MA".into(),
            (YearBefore, Zh) => "上年".into(),
            (YearBefore, En) => "a year ago".into(),
            (NoSuchWeek, Zh) => "无此期".into(),
            (NoSuchWeek, En) => "no such week".into(),
            (ChartTooSmall, Zh) => "终端太小，画不下图表".into(),
            (ChartTooSmall, En) => "terminal too small for the chart".into(),
            (NoFigureInSpan(m), Zh) => format!("这段时间没有{}的数据", m.label()).into(),
            (NoFigureInSpan(m), En) => format!(
                "no {} figures in these weeks",
                Metric(*m).text(En).to_lowercase()
            )
            .into(),
            (AxisYear(y), Zh) => format!("{y}年").into(),
            (AxisYear(y), En) => y.to_string().into(),
            (AxisYearMonth(y, m), Zh) => format!("{y}年{m}月").into(),
            (AxisYearMonth(y, m), En) => format!("{} {y}", month(*m)).into(),
            (AxisMonth(m), Zh) => format!("{m}月").into(),
            (AxisMonth(m), En) => month(*m).into(),
            (
                Days {
                    start,
                    end,
                    with_years,
                },
                Zh,
            ) => {
                let day = |d: &NaiveDate| match with_years {
                    true => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
                    false => format!("{}月{}日", d.month(), d.day()),
                };
                format!("{}-{}", day(start), day(end)).into()
            }
            (
                Days {
                    start,
                    end,
                    with_years,
                },
                En,
            ) => {
                let day = |d: &NaiveDate| match with_years {
                    true => format!("{} {}, {}", month(d.month()), d.day(), d.year()),
                    false => format!("{} {}", month(d.month()), d.day()),
                };
                format!("{} – {}", day(start), day(end)).into()
            }
            (HelpTitle { close, scroll }, Zh) => {
                format!(" 按键 — {close} 关闭，{scroll} 滚动 ").into()
            }
            (HelpTitle { close, scroll }, En) => {
                format!(" Keys — {close} closes, {scroll} scroll ").into()
            }
            (
                HelpPosition {
                    first,
                    last,
                    total,
                    more: true,
                },
                Zh,
            ) => format!(" 第 {first}–{last} 行，共 {total} 行 ↓ 下面还有 ").into(),
            (
                HelpPosition {
                    first,
                    last,
                    total,
                    more: false,
                },
                Zh,
            ) => format!(" 第 {first}–{last} 行，共 {total} 行 ").into(),
            (
                HelpPosition {
                    first,
                    last,
                    total,
                    more: true,
                },
                En,
            ) => format!(" {first}–{last} of {total} ↓ more below ").into(),
            (
                HelpPosition {
                    first,
                    last,
                    total,
                    more: false,
                },
                En,
            ) => format!(" {first}–{last} of {total} ").into(),
        }
    }
}

#[cfg(test)]
mod samples;
