//! Deterministic synthetic bulletins in the archive Markdown format, for the
//! demo corpus, round-trip tests against the parser and import benchmarks.
//!
//! Only the fixed headings and the figure-sentence template are those of the
//! real series (the parser depends on them); every other sentence is our own.

pub mod cnvd;
mod prng;
mod text;

use chrono::{Duration, NaiveDate};

use crate::model::{ArticleId, Assessment, Figures, IssueKey, Period};

use crate::calendar;
pub use crate::calendar::{first_week_start, key_of_week, period_of_key};
pub use prng::SplitMix64;

/// The account that posts the full bulletins.
pub const ORIGINAL_SOURCE: &str = "国家互联网应急中心CNCERT";
/// A made-up aggregator account whose reposts carry the title only.
pub const REPOST_SOURCE: &str = "网安资讯转载";

/// Made-up `__biz` values (base64-looking, not any real account's).
const ORIGINAL_BIZ: &str = "MzA5ODc2NTQzMg==";
const REPOST_BIZ: &str = "MzI4ODExNzY1MA==";

/// How many 近期回顾 lines a full bulletin carries.
pub const RECENT_LINES: usize = 5;

/// One generated issue of the series, with everything needed to write any
/// copy of it and to check what a parser reads back.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthIssue {
    pub key: IssueKey,
    pub period: Period,
    pub published: NaiveDate,
    pub assessment: Assessment,
    /// Either both mobile figures are known or neither (the whole mobile
    /// sentence is absent), as in the real series.
    pub figures: Figures,
    pub article: ArticleId,
    pub sn: String,
    /// The issue's own title writes the years out when the week crosses
    /// the new year (`2024年12月30日-2025年1月5日`); references never do.
    pub explicit_years: bool,
    /// Clauses separated by `；` rather than `。`, a variant of the series.
    pub semicolons: bool,
    /// The 基本态势 sentences after the assessment sentence.
    pub situation: String,
    pub charts: Vec<String>,
}

/// Which kind of copy a stub file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StubKind {
    /// A repost by another account: front matter, title, chrome.
    TitleOnly,
    /// WeChat's anti-bot wall fetched instead of the article.
    AntiBotWall,
}

impl SynthIssue {
    pub fn crosses_year(&self) -> bool {
        calendar::crosses_year(self.period)
    }

    /// The title as the issue gives it itself.
    pub fn title(&self) -> String {
        let years = self.explicit_years && self.crosses_year();
        format!(
            "网络安全信息与动态周报{}年第{}期（{}）",
            self.key.year,
            self.key.number,
            calendar::period_text(self.period, years)
        )
    }

    /// The title as later issues cite it in 近期回顾.
    pub fn ref_title(&self) -> String {
        format!(
            "网络安全信息与动态周报{}年第{}期（{}）",
            self.key.year,
            self.key.number,
            calendar::period_text(self.period, false)
        )
    }

    /// The article's own address, as in the front matter of the original.
    pub fn url(&self) -> String {
        format!(
            "https://mp.weixin.qq.com/s?__biz={}&mid={}&idx={}&sn={}&chksm={}&scene=58&subscene=0#rd",
            self.article.biz,
            self.article.mid,
            self.article.idx,
            self.sn,
            text::chksm(&self.sn)
        )
    }

    /// The address later issues link to: same identity, other decorations.
    pub fn ref_url(&self) -> String {
        let scheme = if self.key.number.is_multiple_of(3) {
            "http"
        } else {
            "https"
        };
        format!(
            "{scheme}://mp.weixin.qq.com/s?__biz={}&mid={}&idx={}&sn={}&scene=21#wechat_redirect",
            self.article.biz, self.article.mid, self.article.idx, self.sn
        )
    }

    /// The identity a repost of this issue carries (another account's article).
    pub fn repost_article(&self) -> ArticleId {
        ArticleId {
            biz: REPOST_BIZ.to_string(),
            mid: self.article.mid.clone(),
            idx: "2".to_string(),
        }
    }

    pub fn repost_published(&self) -> NaiveDate {
        self.published + Duration::days(2)
    }

    /// The archive's file name for the original.
    pub fn file_name(&self) -> String {
        archive_file_name(self.published, ORIGINAL_SOURCE, &self.title())
    }

    /// The archive's file name for a repost of this issue.
    pub fn stub_file_name(&self) -> String {
        archive_file_name(self.repost_published(), REPOST_SOURCE, &self.title())
    }
}

/// `2025-01-10__国家互联网应急中心CNCERT_<title>.md`, as the archive names files.
pub fn archive_file_name(published: NaiveDate, source: &str, title: &str) -> String {
    format!("{}__{}_{}.md", published.format("%Y-%m-%d"), source, title)
}

/// `count` consecutive weekly issues starting at 第1期 of `start_year`.
pub fn series(start_year: i32, count: usize, seed: u64) -> Vec<SynthIssue> {
    series_from(IssueKey::new(start_year, 1), count, seed)
}

/// `count` consecutive weekly issues starting at `first` (numbering restarts
/// at 1 with the week that holds 1 January). Empty if `first` names no week.
pub fn series_from(first: IssueKey, count: usize, seed: u64) -> Vec<SynthIssue> {
    let Some(first_period) = period_of_key(first) else {
        return Vec::new();
    };
    let mut rng = SplitMix64::new(seed);
    let mut walk = text::FigureWalk::start(&mut rng);
    let mut mid: u64 = 2_247_600_000 + rng.range(0, 90_000) as u64;
    let mut issues = Vec::with_capacity(count);
    for week in 0..count {
        let start = first_period.start + Duration::weeks(week as i64);
        let period = Period {
            start,
            end: start + Duration::days(6),
        };
        let Some(key) = key_of_week(start) else {
            break;
        };
        mid += rng.range(8, 24) as u64;
        let assessment = text::assessment(&mut rng);
        issues.push(SynthIssue {
            key,
            period,
            published: period.end + Duration::days(publication_delay(&mut rng)),
            assessment,
            figures: walk.step(&mut rng),
            article: ArticleId {
                biz: ORIGINAL_BIZ.to_string(),
                mid: mid.to_string(),
                idx: "1".to_string(),
            },
            sn: rng.hex(32),
            explicit_years: rng.chance(0.5),
            semicolons: rng.chance(0.06),
            situation: text::situation(&mut rng, assessment),
            charts: (0..rng.range(5, 6))
                .map(|_| text::chart_url(&mut rng))
                .collect(),
        });
    }
    issues
}

/// Days from the end of the period to publication: usually the Thursday or
/// Friday after, now and then a week late.
fn publication_delay(rng: &mut SplitMix64) -> i64 {
    if rng.chance(0.05) {
        rng.range(8, 12)
    } else {
        rng.range(3, 5)
    }
}

/// The up to five issues before `index` in `series`, newest first: what the
/// issue at `index` lists under 近期回顾.
pub fn recent_for(series: &[SynthIssue], index: usize) -> Vec<&SynthIssue> {
    let earlier = series.get(..index).unwrap_or(series);
    earlier.iter().rev().take(RECENT_LINES).collect()
}

/// A full bulletin as the archive stores the original.
pub fn full_markdown(issue: &SynthIssue, recent: &[&SynthIssue]) -> String {
    let title = issue.title();
    let mut md = front_matter(
        &title,
        &issue.url(),
        ORIGINAL_SOURCE,
        issue.published,
        issue.sn.as_str(),
    );
    md.push_str(&format!(
        "# {title}\n\n![cover_image]({})\n\n# {title}\n\n",
        text::COVER
    ));
    md.push_str(&format!("原创\n\nCNCERT\n\n{ORIGINAL_SOURCE}\n\n"));
    md.push_str("本周网络安全基本态势\n\n");
    md.push_str(&format!(
        "本周，互联网网络安全态势整体评价为{}。{}\n\n",
        issue.assessment.chinese(),
        issue.situation
    ));
    let charts: String = issue.charts.iter().map(|c| format!("![]({c})")).collect();
    md.push_str(&charts);
    md.push_str("\n\n本周事件处理情况\n\n");
    md.push_str(&text::incident_paragraph(&issue.figures, issue.semicolons));
    md.push_str("\n\n近期回顾\n\n");
    for earlier in recent {
        md.push_str(&format!(
            "●[{}]({})\n\n",
            earlier.ref_title(),
            earlier.ref_url()
        ));
    }
    md.push_str(text::FULL_CHROME);
    md
}

/// A stub copy of `issue` posted by [`REPOST_SOURCE`]: no body, no figures.
pub fn stub_markdown(issue: &SynthIssue, kind: StubKind) -> String {
    let title = issue.title();
    let article = issue.repost_article();
    let url = format!(
        "https://mp.weixin.qq.com/s?__biz={}&mid={}&idx={}&sn={}",
        article.biz,
        article.mid,
        article.idx,
        text::chksm(&issue.sn).get(..32).unwrap_or_default()
    );
    let mut md = front_matter(
        &title,
        &url,
        REPOST_SOURCE,
        issue.repost_published(),
        &issue.sn,
    );
    md.push_str(&format!("# {title}\n\n"));
    if kind == StubKind::AntiBotWall {
        md.push_str("## 环境异常\n\n当前环境异常，完成验证后即可继续访问。\n\n去验证\n\n");
    }
    md.push_str(text::STUB_CHROME);
    md
}

fn front_matter(title: &str, url: &str, source: &str, date: NaiveDate, salt: &str) -> String {
    format!(
        "---\ntitle: {title}\nurl: {url}\nsource: {source}\ndate: {}\nfetch_date: {}\n---\n\n",
        date.format("%Y-%m-%d"),
        text::fetch_timestamp(date, salt)
    )
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod roundtrip_tests;
