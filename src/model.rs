//! Plain data types shared by the parser, the cache, the CLI and the TUI.

use std::fmt;
use std::ops::RangeInclusive;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::Serialize;

/// An issue of the series: (year, number), e.g. 2024 第17期.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct IssueKey {
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

    pub fn new(year: i32, number: u32) -> Self {
        IssueKey { year, number }
    }

    /// Whether a key with these parts can exist.
    pub fn is_valid(year: i32, number: u32) -> bool {
        Self::YEARS.contains(&year) && Self::NUMBERS.contains(&number)
    }
}

impl fmt::Display for IssueKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.year, self.number)
    }
}

/// A typed issue key that is not one; its words are parse/error.rs's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct BadIssueKey(pub String);

impl FromStr for IssueKey {
    type Err = BadIssueKey;

    /// Accepts `2024-17`, `2024/17` and `2024-017`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadIssueKey(s.to_string());
        let (y, n) = s.trim().split_once(['-', '/']).ok_or_else(bad)?;
        let year: i32 = y.trim().parse().map_err(|_| bad())?;
        let number: u32 = n.trim().parse().map_err(|_| bad())?;
        if !IssueKey::is_valid(year, number) {
            return Err(bad());
        }
        Ok(IssueKey { year, number })
    }
}

/// The week an issue covers. Normally Monday to Sunday, not always.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// 整体评价为 优 / 良 / 中 / 差.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Assessment {
    Excellent,
    Good,
    Fair,
    Poor,
}

impl Assessment {
    pub fn from_chinese(c: char) -> Option<Self> {
        match c {
            '优' => Some(Assessment::Excellent),
            '良' => Some(Assessment::Good),
            '中' => Some(Assessment::Fair),
            '差' => Some(Assessment::Poor),
            _ => None,
        }
    }

    pub fn chinese(self) -> &'static str {
        match self {
            Assessment::Excellent => "优",
            Assessment::Good => "良",
            Assessment::Fair => "中",
            Assessment::Poor => "差",
        }
    }
}

/// The five weekly figures of 本周事件处理情况.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Metric {
    EventsHandled,
    CrossBorder,
    PhishingComplaints,
    MaliciousAppPlatforms,
    MaliciousUrls,
}

impl Metric {
    pub const ALL: [Metric; 5] = [
        Metric::EventsHandled,
        Metric::CrossBorder,
        Metric::PhishingComplaints,
        Metric::MaliciousAppPlatforms,
        Metric::MaliciousUrls,
    ];

    /// Column name used in the cache, CSV and JSON.
    pub fn column(self) -> &'static str {
        match self {
            Metric::EventsHandled => "events_handled",
            Metric::CrossBorder => "cross_border",
            Metric::PhishingComplaints => "phishing_complaints",
            Metric::MaliciousAppPlatforms => "malicious_app_platforms",
            Metric::MaliciousUrls => "malicious_urls",
        }
    }

    /// Short Chinese label for the TUI.
    pub fn label(self) -> &'static str {
        match self {
            Metric::EventsHandled => "处理事件",
            Metric::CrossBorder => "跨境事件",
            Metric::PhishingComplaints => "仿冒投诉",
            Metric::MaliciousAppPlatforms => "恶意APP平台",
            Metric::MaliciousUrls => "恶意URL",
        }
    }
}

/// How the TUI shows a figure an issue does not have.
pub const UNKNOWN_FIGURE: &str = "—";
/// How text output (`list`, `show`) shows it: ASCII, for pipes and tools.
pub const UNKNOWN_FIGURE_ASCII: &str = "-";

/// A figure as shown: its value, else `unknown` ([`UNKNOWN_FIGURE`] or
/// [`UNKNOWN_FIGURE_ASCII`]); never 0 for a figure nobody reported.
pub fn figure_text(v: Option<i64>, unknown: &str) -> String {
    v.map_or_else(|| unknown.to_string(), |v| v.to_string())
}

/// A missing figure is unknown (`None`), never 0.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Figures {
    pub events_handled: Option<i64>,
    pub cross_border: Option<i64>,
    pub phishing_complaints: Option<i64>,
    pub malicious_app_platforms: Option<i64>,
    pub malicious_urls: Option<i64>,
}

impl Figures {
    pub fn get(&self, m: Metric) -> Option<i64> {
        match m {
            Metric::EventsHandled => self.events_handled,
            Metric::CrossBorder => self.cross_border,
            Metric::PhishingComplaints => self.phishing_complaints,
            Metric::MaliciousAppPlatforms => self.malicious_app_platforms,
            Metric::MaliciousUrls => self.malicious_urls,
        }
    }

    pub fn set(&mut self, m: Metric, v: Option<i64>) {
        let slot = match m {
            Metric::EventsHandled => &mut self.events_handled,
            Metric::CrossBorder => &mut self.cross_border,
            Metric::PhishingComplaints => &mut self.phishing_complaints,
            Metric::MaliciousAppPlatforms => &mut self.malicious_app_platforms,
            Metric::MaliciousUrls => &mut self.malicious_urls,
        };
        *slot = v;
    }

    pub fn is_empty(&self) -> bool {
        Metric::ALL.iter().all(|m| self.get(*m).is_none())
    }
}

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
}

/// One row of the issue list: everything the list, the charts and
/// `zhoubao list` need, without the body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IssueSummary {
    pub key: IssueKey,
    pub title: Option<String>,
    pub period: Option<Period>,
    pub published: Option<NaiveDate>,
    pub assessment: Option<Assessment>,
    pub figures: Figures,
    /// A full copy is in the cache (not just a stub or a reference).
    pub cached: bool,
    pub read: bool,
}

#[cfg(test)]
impl IssueSummary {
    /// A cached, unread issue known only by its key and figures: what the
    /// unit tests of the statistics and the output build on.
    pub(crate) fn with_figures(key: IssueKey, figures: Figures) -> IssueSummary {
        IssueSummary {
            key,
            title: None,
            period: None,
            published: None,
            assessment: None,
            figures,
            cached: true,
            read: false,
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

/// The title and body of an issue that a search found, to show the match
/// in context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueText {
    pub key: IssueKey,
    pub title: String,
    pub body: Vec<String>,
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
    /// The file was imported before, or adds nothing.
    Unchanged,
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
