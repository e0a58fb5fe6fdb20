//! Plain data types shared by the parser, the cache, the CLI and the TUI.

use std::fmt;
use std::ops::RangeInclusive;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::Serialize;

pub use crate::series::{Figures, Metric, SeriesId, Value};

/// An issue of a series: (series, year, number), e.g. 2024 第17期 of
/// 网络安全信息与动态周报. Written `2024-17` for that series, the first,
/// and with the series' id for the others: `cnvd:2024-17`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct IssueKey {
    pub series: SeriesId,
    pub year: i32,
    pub number: u32,
}

impl IssueKey {
    /// Years a key may have, wherever it comes from (a title, a 近期回顾
    /// line, the command line), and so the years of any date the parser
    /// keeps: four digits, with room for the synthetic archives of the
    /// scale benchmarks (100,000 weekly issues run about two thousand
    /// years ahead). `0000` and `9999` are typos or forgeries.
    pub const YEARS: RangeInclusive<i32> = 1000..=5000;

    /// The series is weekly: a number above 60 is a typo or a forgery.
    pub const NUMBERS: RangeInclusive<u32> = 1..=60;

    /// An issue of 网络安全信息与动态周报, the series a key names unless
    /// it says otherwise.
    pub const fn new(year: i32, number: u32) -> Self {
        IssueKey::of(SeriesId::CNCERT, year, number)
    }

    /// An issue of `series`.
    pub const fn of(series: SeriesId, year: i32, number: u32) -> Self {
        IssueKey {
            series,
            year,
            number,
        }
    }

    /// Whether a key with these parts can exist.
    pub fn is_valid(year: i32, number: u32) -> bool {
        Self::YEARS.contains(&year) && Self::NUMBERS.contains(&number)
    }

    /// The same week's issue of another series.
    pub fn in_series(self, series: SeriesId) -> Self {
        IssueKey { series, ..self }
    }

    /// The week alone, for orders and filters across series.
    pub fn week(self) -> (i32, u32) {
        (self.year, self.number)
    }
}

impl fmt::Display for IssueKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.series != SeriesId::CNCERT {
            write!(f, "{}:", self.series)?;
        }
        write!(f, "{}-{}", self.year, self.number)
    }
}

/// A typed issue key that is not one; its words are parse/error.rs's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct BadIssueKey(pub String);

impl FromStr for IssueKey {
    type Err = BadIssueKey;

    /// Accepts `2024-17`, `2024/17`, `2024-017` and, for another series,
    /// `cnvd:2024-17` (`cncert:2024-17` is `2024-17`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadIssueKey(s.to_string());
        let (series, week) = match s.trim().split_once(':') {
            Some((id, week)) => (SeriesId::from_id(id).ok_or_else(bad)?, week),
            None => (SeriesId::CNCERT, s),
        };
        let (y, n) = week.trim().split_once(['-', '/']).ok_or_else(bad)?;
        let year: i32 = y.trim().parse().map_err(|_| bad())?;
        let number: u32 = n.trim().parse().map_err(|_| bad())?;
        if !IssueKey::is_valid(year, number) {
            return Err(bad());
        }
        Ok(IssueKey::of(series, year, number))
    }
}

/// The week an issue covers. Normally Monday to Sunday, not always.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// The word of the assessment sentence: 网络安全信息与动态周报's 整体评价为
/// 优 / 良 / 中 / 差, CNVD漏洞周报's threat level 高 / 中 / 低 (its 中 is
/// [`Assessment::Fair`]: one word, one value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Assessment {
    Excellent,
    Good,
    Fair,
    Poor,
    High,
    Low,
}

impl Assessment {
    pub fn from_chinese(c: char) -> Option<Self> {
        match c {
            '优' => Some(Assessment::Excellent),
            '良' => Some(Assessment::Good),
            '中' => Some(Assessment::Fair),
            '差' => Some(Assessment::Poor),
            '高' => Some(Assessment::High),
            '低' => Some(Assessment::Low),
            _ => None,
        }
    }

    pub fn chinese(self) -> &'static str {
        match self {
            Assessment::Excellent => "优",
            Assessment::Good => "良",
            Assessment::Fair => "中",
            Assessment::Poor => "差",
            Assessment::High => "高",
            Assessment::Low => "低",
        }
    }
}

/// How the TUI shows a figure an issue does not have.
pub const UNKNOWN_FIGURE: &str = "—";
/// How text output (`list`, `show`) shows it: ASCII, for pipes and tools.
pub const UNKNOWN_FIGURE_ASCII: &str = "-";

/// A WeChat article's identity: `__biz` + `mid` + `idx`. Everything else in
/// the URL (sn, chksm, scene, fragment, scheme) varies between copies.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ArticleId {
    pub biz: String,
    pub mid: String,
    pub idx: String,
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}/{}", self.biz, self.mid, self.idx)
    }
}

/// One 近期回顾 line: an earlier issue this one points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecentRef {
    /// None when the line's title names no issue number.
    pub key: Option<IssueKey>,
    pub title: String,
    pub period: Option<Period>,
    /// Some lines carry only the title text, no link.
    pub url: Option<String>,
}

/// How much of an article a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Completeness {
    /// A repost, share card, empty page or anti-bot wall: title at most.
    Stub,
    /// The article body with its figures.
    Full,
}

/// Which input format a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum SourceFormat {
    Markdown,
    WechatHtml,
}

impl SourceFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::Markdown => "markdown",
            SourceFormat::WechatHtml => "wechat-html",
        }
    }
}

/// What the parser read from one file: one copy of one issue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bulletin {
    pub format: SourceFormat,
    pub key: IssueKey,
    /// The last number of a double issue (`2024年第40、41期`: 41), whose
    /// key has the first; None for a single one.
    pub last_number: Option<u32>,
    pub title: String,
    pub period: Option<Period>,
    pub published: Option<NaiveDate>,
    /// The account that posted this copy (国家互联网应急中心CNCERT, Doonsec's feed ...).
    pub source: Option<String>,
    /// The copy's own URL as given.
    pub url: Option<String>,
    pub article: Option<ArticleId>,
    /// Every URL found in the file (own URL, links, images), deduplicated, in order.
    pub urls: Vec<String>,
    pub assessment: Option<Assessment>,
    pub figures: Figures,
    /// Chart image addresses of the 基本态势 section.
    pub images: Vec<String>,
    /// Body paragraphs without page chrome.
    pub body: Vec<String>,
    pub recent: Vec<RecentRef>,
    pub completeness: Completeness,
    /// The archive cut the article short (it ends in `...`): the body is
    /// what there is, the rest unknown.
    pub truncated: bool,
}

/// One row of the issue list: everything the list, the charts and
/// `zhoubao list` need, without the body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IssueSummary {
    pub key: IssueKey,
    /// The last number a double issue covers (see [`Bulletin::last_number`]).
    pub last_number: Option<u32>,
    pub title: Option<String>,
    pub period: Option<Period>,
    pub published: Option<NaiveDate>,
    pub assessment: Option<Assessment>,
    pub figures: Figures,
    /// A full copy is in the cache (not just a stub or a reference).
    pub cached: bool,
    pub read: bool,
    /// The reader flagged the issue (`*` in the TUI).
    pub flagged: bool,
    /// The reader's note, as typed: sanitise it before drawing or printing.
    pub note: Option<String>,
}

impl IssueSummary {
    /// The issue's key as a reader names it: both numbers of a double
    /// issue (`cnvd:2024-40/41`), the series as [`IssueKey`] shows it.
    pub fn label(&self) -> String {
        match self.last_number.filter(|&n| n > self.key.number) {
            Some(last) => format!("{}/{last}", self.key),
            None => self.key.to_string(),
        }
    }
}

#[cfg(test)]
impl IssueSummary {
    /// A cached, unread issue known only by its key and figures: what the
    /// unit tests of the statistics and the output build on.
    pub(crate) fn with_figures(key: IssueKey, figures: Figures) -> IssueSummary {
        IssueSummary {
            key,
            last_number: None,
            title: None,
            period: None,
            published: None,
            assessment: None,
            figures,
            cached: true,
            read: false,
            flagged: false,
            note: None,
        }
    }
}

/// One row of `zhoubao list` and `export`: the summary and the issue's own
/// URL. The URL is not in [`IssueSummary`], which the TUI keeps for every
/// issue of the cache and never shows the URL from.
#[derive(Debug, Clone, PartialEq)]
pub struct IssueRow {
    pub summary: IssueSummary,
    pub url: Option<String>,
}

/// The reader's own marks on one issue: what `export --notes` writes and
/// `import FILE.json` reads back. The note is as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserMarks {
    pub key: IssueKey,
    pub read: bool,
    pub flagged: bool,
    pub note: Option<String>,
}

impl UserMarks {
    /// Whether the marks say anything (an unread, unflagged issue without
    /// a note has nothing to carry).
    pub fn is_empty(&self) -> bool {
        !self.read && !self.flagged && self.note.is_none()
    }
}

/// The title and body of an issue that a search found, to show the match
/// in context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueText {
    pub key: IssueKey,
    pub title: String,
    pub body: Vec<String>,
    /// The reader's note, which the search reads too.
    pub note: Option<String>,
}

/// A 近期回顾 line as stored, with whether its target is cached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredRef {
    pub position: u32,
    pub key: Option<IssueKey>,
    pub title: String,
    pub url: Option<String>,
    pub cached: bool,
}

/// One copy of an issue that was imported or that pointed at it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alias {
    pub url: Option<String>,
    pub source: Option<String>,
}

/// A copy of an issue that disagrees with what the issue shows and lost
/// to a better one (the publisher's own, or a fuller copy): kept, and
/// shown as "another copy says …", never silently dropped or taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    /// What it says differently, in the order title, period, date, figures.
    pub says: Vec<Disagreement>,
}

/// One thing a [`Conflict`]ing copy says otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Disagreement {
    Title(String),
    Period(Period),
    /// Only between two copies that are each the publisher's article:
    /// a repost is dated when it was reposted.
    Published(NaiveDate),
    Figure(Metric, Value),
}

impl Serialize for Disagreement {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(2))?;
        match self {
            Disagreement::Title(t) => map.serialize_entry("title", t)?,
            Disagreement::Period(p) => map.serialize_entry("period", p)?,
            Disagreement::Published(d) => map.serialize_entry("published", d)?,
            Disagreement::Figure(m, v) => {
                map.serialize_entry("figure", m.id())?;
                map.serialize_entry("value", v)?;
            }
        }
        map.end()
    }
}

/// Everything known of one issue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IssueDetail {
    pub summary: IssueSummary,
    pub source: Option<String>,
    pub url: Option<String>,
    pub body: Vec<String>,
    pub images: Vec<String>,
    pub recent: Vec<StoredRef>,
    pub aliases: Vec<Alias>,
    /// The body shown was cut short by the archive.
    pub truncated: bool,
    /// Lower copies that say otherwise (see [`Conflict`]).
    pub conflicts: Vec<Conflict>,
}

// --- what the parser and the cache report, as plain data: the message
// table (i18n) words these, and depends on nothing but this module.

/// Larger files are refused before any parsing: no bulletin comes near it
/// (the biggest real WeChat page is 3.5 MB) and it bounds memory.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// Why a file did not yield a bulletin (the parser's verdict). Its words,
/// and its English `Display`, are parse/error.rs's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Readable, but not an issue of the series (another article, an
    /// expired page, an unnumbered title): the import skips it.
    NotBulletin(Skip),
    /// Not something the parser can read at all (binary, truncated,
    /// undecodable): the import reports it as failed.
    Unreadable(Unreadable),
}

/// Why a readable file is not an issue of the series. Quoted titles and
/// accounts are already shortened to one sanitized line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Skip {
    /// No title at all: not an article.
    NoTitle,
    /// Another article altogether, and the account that published it.
    NotSeries { title: String, by: Option<String> },
    /// The series name without `YYYY年第N期`.
    Unnumbered { title: String },
    /// `第0期`, `第999期`: the number as written.
    BadNumber(String),
    /// A year outside [`crate::model::IssueKey::YEARS`].
    BadYear(i32),
    /// An HTML page that is not a WeChat article.
    NotWechat,
    /// A WeChat page saying the article is gone, and what it says.
    NoArticle { message: String },
}

/// Why a file cannot be read as a document at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unreadable {
    Empty,
    /// Past [`MAX_FILE_BYTES`].
    TooLarge {
        bytes: usize,
    },
    /// NUL bytes or control characters: not text.
    Binary,
    /// Decodes, but mostly to replacement characters.
    MostlyInvalid,
    /// A front matter block opened with `---` and never closed.
    UnclosedFrontMatter,
    /// HTML nesting at least `depth` deep, past `limit`.
    TooDeep {
        depth: usize,
        limit: usize,
    },
    /// Tree-building work past the budget, `percent` of the way through.
    TooCostly {
        percent: usize,
    },
    /// The most attributes found in one tag, past the limit.
    TooManyAttributes {
        most: u64,
    },
}

/// What importing one file did to the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    /// A full copy of an issue the cache did not hold in full before.
    New,
    /// A full copy that changed what the cache shows of its issue.
    Updated,
    /// The file was imported before (the same bytes are stored).
    Unchanged,
    /// A full copy of an issue the cache already shows from a better copy
    /// (the publisher's, a fuller one), such as a repost: kept, and its
    /// 近期回顾 read, but what the issue shows did not change.
    LowerCopy,
    /// A stub (repost, empty page): merged as an alias and title.
    StubMerged,
}

/// What a feed's address gave instead of a feed (RSS 2.0, Atom, JSON
/// Feed 1.x), told from the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotFeed {
    /// A web page: the account's page rather than its feed.
    Html,
    /// XML whose root is none of rss, feed, rdf.
    OtherXml,
    /// JSON that is not a JSON Feed of version 1.x.
    OtherJson,
    /// Neither XML nor JSON.
    Other,
}
