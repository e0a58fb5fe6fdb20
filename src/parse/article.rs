//! Turns what a reader found (metadata and [`Line`]s) into a [`Bulletin`]:
//! the series check, sections, figures, chart images, body, 近期回顾 and
//! whether the copy holds the article at all. Shared by every format.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::figures::{read_assessment, read_figures, read_figures_besides};
use super::identity::article_id;
use super::series::{read_period_line, read_title, TitleProblem};
use super::text::{collapse_blanks, excerpt, is_chrome, is_web_url, Line, CHROME_START};
use super::{ParseError, Skip};
use crate::model::{ArticleId, Bulletin, Completeness, RecentRef, SourceFormat};

/// What a reader learnt about a copy besides its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ArticleMeta {
    pub format: SourceFormat,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    /// From the page's own script variables; otherwise taken from `url`.
    pub article: Option<ArticleId>,
    /// Other addresses the copy gives itself (a page's short link).
    pub other_urls: Vec<String>,
    /// The archive cut the file short (it ends in `...`, without the
    /// page's closing furniture): its last line is cut too.
    pub truncated: bool,
}

/// Longest title quoted in a skip reason.
const TITLE_IN_MESSAGE: usize = 60;

/// A section heading is a short line; longer lines only mention the words.
const MAX_HEADING_CHARS: usize = 24;

/// A byline (author, account) is short and has no sentence punctuation; the
/// body starts at the first heading or at a line that reads like a sentence.
const MIN_SENTENCE_CHARS: usize = 15;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Preamble,
    Situation,
    Handling,
    /// Another section with charts (CNVD漏洞周报's 事件处置, 类型统计 ...).
    Charts,
    Recent,
}

fn heading(text: &str) -> Option<Section> {
    let kept = |c: &char| !c.is_whitespace() && !matches!(c, '#' | '*' | '【' | '】');
    // Every line is asked: a body paragraph is turned down after a few
    // characters instead of being copied first.
    if text.chars().filter(kept).nth(MAX_HEADING_CHARS).is_some() {
        return None;
    }
    let compact: String = text.chars().filter(kept).collect();
    if compact.contains("基本态势") || compact.contains("漏洞态势研判") {
        Some(Section::Situation)
    } else if [
        "漏洞事件处置",
        "按类型和厂商统计",
        "行业漏洞收录",
        "重要漏洞安全告警",
        "漏洞报送情况",
    ]
    .iter()
    .any(|w| compact.contains(w))
    {
        Some(Section::Charts)
    } else if compact.contains("事件处理情况") {
        Some(Section::Handling)
    } else if compact.contains("近期回顾") || compact.contains("往期回顾") {
        Some(Section::Recent)
    } else {
        None
    }
}

/// The period line is near the top, under the title and the byline.
const PERIOD_LINE_WITHIN: usize = 40;

/// A 近期回顾 section names the last five or so issues; past a year's
/// worth the lines are no references (and each one costs the cache rows).
const MAX_RECENT_REFS: usize = 60;

const BULLETS: &[char] = &['●', '•', '◆', '■', '▪', '◼', '○', '·', '-', '*'];

/// Checks the title against the series, then reads everything else.
pub(crate) fn assemble(meta: ArticleMeta, lines: &[Line]) -> Result<Bulletin, ParseError> {
    let title = meta
        .title
        .as_deref()
        .map(collapse_blanks)
        .filter(|t| !t.is_empty())
        .ok_or(ParseError::NotBulletin(Skip::NoTitle))?;
    let issue = read_title(&title)
        .map_err(|problem| skip_reason(&title, meta.source.as_deref(), problem))?;

    let mut urls = UrlList::default();
    meta.url
        .iter()
        .chain(&meta.other_urls)
        .for_each(|u| urls.push(u));
    for line in lines {
        line.images.iter().for_each(|u| urls.push(u));
        line.links.iter().for_each(|l| urls.push(&l.url));
    }

    let sections = read_sections(lines, &title);
    let series = issue.key.series;
    // A cut file's last line is cut too: a number in it may have lost digits.
    let whole = match (meta.truncated, sections.body.split_last()) {
        (true, Some((_, kept))) => kept,
        _ => &sections.body[..],
    };
    // The handling paragraph is where the first figures are; elsewhere a
    // phrase can only add what it lacks.
    let handling = read_figures(series, &sections.handling.join("\n"));
    let figures = read_figures_besides(series, &whole.join("\n"), &handling);
    let assessment = read_assessment(series, &sections.situation.join("\n"))
        .or_else(|| read_assessment(series, &whole.join("\n")));
    let full = !figures.is_empty() || assessment.is_some() || sections.saw_heading;
    // CNVD漏洞周报 gives its week in a line of its own, not in the title.
    let period = issue.period.or_else(|| {
        lines
            .iter()
            .take(PERIOD_LINE_WITHIN)
            .find_map(|l| read_period_line(&l.text, issue.key))
    });

    let article = meta
        .article
        .clone()
        .or_else(|| meta.url.as_deref().and_then(article_id));
    Ok(Bulletin {
        format: meta.format,
        key: issue.key,
        last_number: issue.last_number,
        title,
        period,
        published: meta.published,
        source: meta.source.filter(|s| !s.is_empty()),
        url: meta.url.filter(|u| is_web_url(u)),
        article,
        urls: urls.list,
        assessment,
        figures,
        images: if full { sections.images } else { Vec::new() },
        body: if full { sections.body } else { Vec::new() },
        recent: sections.recent,
        completeness: if full {
            Completeness::Full
        } else {
            Completeness::Stub
        },
        truncated: meta.truncated && full,
    })
}

fn skip_reason(title: &str, source: Option<&str>, problem: TitleProblem) -> ParseError {
    let title = excerpt(title, TITLE_IN_MESSAGE);
    ParseError::NotBulletin(match problem {
        TitleProblem::NotSeries => Skip::NotSeries {
            title,
            by: source
                .map(|s| excerpt(s, TITLE_IN_MESSAGE))
                .filter(|s| !s.is_empty()),
        },
        TitleProblem::Unnumbered => Skip::Unnumbered { title },
        TitleProblem::BadNumber(n) => Skip::BadNumber(n),
        TitleProblem::BadYear(y) => Skip::BadYear(y),
    })
}

#[derive(Default)]
struct UrlList {
    seen: HashSet<String>,
    list: Vec<String>,
}

impl UrlList {
    fn push(&mut self, url: &str) {
        let url = url.trim();
        if is_web_url(url) && self.seen.insert(url.to_string()) {
            self.list.push(url.to_string());
        }
    }
}

#[derive(Default)]
struct Sections {
    body: Vec<String>,
    situation: Vec<String>,
    handling: Vec<String>,
    images: Vec<String>,
    recent: Vec<RecentRef>,
    saw_heading: bool,
}

fn read_sections(lines: &[Line], title: &str) -> Sections {
    let compact_title: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    let mut out = Sections::default();
    let mut section = Section::Preamble;
    let mut body_started = false;
    for line in lines {
        let text = line.text.trim();
        if text == CHROME_START {
            break;
        }
        if let Some(next) = heading(text) {
            section = next;
            out.saw_heading |= next != Section::Recent;
            body_started |= next != Section::Recent;
            if next != Section::Recent {
                out.body.push(text.to_string());
            }
            continue;
        }
        if matches!(section, Section::Situation | Section::Charts) {
            out.images.extend(line.images.iter().cloned());
        }
        if section == Section::Recent {
            if out.recent.len() < MAX_RECENT_REFS {
                out.recent.extend(recent_refs(line));
                out.recent.truncate(MAX_RECENT_REFS);
            }
            continue;
        }
        if text.is_empty() || is_chrome(text) || is_title(text, &compact_title) {
            continue;
        }
        if !body_started && !reads_like_a_sentence(text) {
            continue;
        }
        body_started = true;
        match section {
            Section::Situation => out.situation.push(text.to_string()),
            Section::Handling => out.handling.push(text.to_string()),
            _ => {}
        }
        out.body.push(text.to_string());
    }
    out
}

fn is_title(text: &str, compact_title: &str) -> bool {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '#')
        .eq(compact_title.chars())
}

fn reads_like_a_sentence(text: &str) -> bool {
    text.chars().count() >= MIN_SENTENCE_CHARS && text.contains(['。', '，', '；', ',', '.'])
}

/// The refs of one 近期回顾 line; a page that runs several links together
/// in one paragraph gives one ref per link.
fn recent_refs(line: &Line) -> Vec<RecentRef> {
    if line.links.len() > 1 {
        return line
            .links
            .iter()
            .filter_map(|link| {
                recent_ref(&Line {
                    text: link.text.clone(),
                    images: Vec::new(),
                    links: vec![link.clone()],
                })
            })
            .collect();
    }
    recent_ref(line).into_iter().collect()
}

/// One 近期回顾 line: `●[title](url)` or a bare `●title`.
fn recent_ref(line: &Line) -> Option<RecentRef> {
    let text = line.text.trim();
    let had_bullet = text.starts_with(BULLETS);
    let title = collapse_blanks(text.trim_start_matches(BULLETS));
    if title.is_empty() || is_chrome(&title) {
        return None;
    }
    let issue = read_title(&title).ok();
    if !had_bullet && issue.is_none() && line.links.is_empty() {
        return None;
    }
    Some(RecentRef {
        key: issue.map(|i| i.key),
        period: issue.and_then(|i| i.period),
        url: line
            .links
            .first()
            .map(|l| l.url.replace("&amp;", "&"))
            .filter(|u| !u.is_empty()),
        title,
    })
}

#[cfg(test)]
mod tests {
    use super::super::text::Link;
    use super::*;
    use crate::model::{IssueKey, SeriesId};

    fn meta(title: &str) -> ArticleMeta {
        ArticleMeta {
            format: SourceFormat::Markdown,
            title: Some(title.into()),
            source: Some("account".into()),
            url: Some("https://mp.weixin.qq.com/s?__biz=QQ==&mid=1&idx=1&sn=x".into()),
            published: None,
            article: None,
            other_urls: Vec::new(),
            truncated: false,
        }
    }

    fn text(t: &str) -> Line {
        Line {
            text: t.into(),
            ..Line::default()
        }
    }

    const TITLE: &str = "网络安全信息与动态周报2024年第5期（1月29日-2月4日）";

    fn full_lines() -> Vec<Line> {
        vec![
            text(&format!("# {TITLE}")),
            text("原创"),
            text("某作者"),
            text("本周网络安全基本态势"),
            text("本周，互联网网络安全态势整体评价为良。运行平稳，无重大事件。"),
            Line {
                images: vec!["https://img.example/a.png".into(), "https://img.example/b.png".into()],
                ..Line::default()
            },
            text("本周事件处理情况"),
            text("本周共处理网络安全事件10起，含跨境网络安全事件2起。重点处理3起仿冒投诉事件。协调4个提供恶意移动应用程序下载服务的平台，恶意URL链接5个。"),
            text("近期回顾"),
            Line {
                text: "●网络安全信息与动态周报2024年第4期（1月22日-1月28日）".into(),
                links: vec![Link {
                    text: "网络安全信息与动态周报2024年第4期（1月22日-1月28日）".into(),
                    url: "http://mp.weixin.qq.com/s?__biz=QQ==&amp;mid=0&amp;idx=1".into(),
                }],
                ..Line::default()
            },
            text("●网络安全信息与动态周报2024年第3期（1月15日-1月21日）"),
            text(CHROME_START),
            text("微信扫一扫"),
        ]
    }

    #[test]
    fn full_article_gives_body_figures_images_and_refs() {
        let b = assemble(meta(TITLE), &full_lines()).unwrap();
        assert_eq!(b.key, IssueKey::new(2024, 5));
        assert_eq!(b.completeness, Completeness::Full);
        let urls = SeriesId::CNCERT.metric("malicious_urls").unwrap();
        assert_eq!(b.figures.count(urls), Some(5));
        assert_eq!(b.images.len(), 2);
        assert_eq!(
            b.body.first().map(String::as_str),
            Some("本周网络安全基本态势")
        );
        assert!(!b
            .body
            .iter()
            .any(|p| p.contains("原创") || p.contains("某作者") || p.contains('●')));
        assert_eq!(b.recent.len(), 2);
        assert_eq!(b.recent[0].key, Some(IssueKey::new(2024, 4)));
        assert_eq!(
            b.recent[0].url.as_deref(),
            Some("http://mp.weixin.qq.com/s?__biz=QQ==&mid=0&idx=1")
        );
        assert_eq!(b.recent[1].url, None);
        assert_eq!(b.article.map(|a| a.mid), Some("1".to_string()));
    }

    #[test]
    fn title_and_chrome_only_is_a_stub_without_body() {
        let lines = [
            text(&format!("# {TITLE}")),
            text("："),
            text("赞"),
            text("在看"),
        ];
        let b = assemble(meta(TITLE), &lines).unwrap();
        assert_eq!(b.completeness, Completeness::Stub);
        assert!(b.body.is_empty());
        assert!(b.figures.is_empty());
    }

    #[test]
    fn urls_are_deduplicated_in_order() {
        let mut lines = full_lines();
        lines.push(Line {
            images: vec!["https://img.example/a.png".into()],
            ..Line::default()
        });
        let b = assemble(meta(TITLE), &lines).unwrap();
        assert_eq!(b.urls[1], "https://img.example/a.png");
        assert_eq!(b.urls.iter().filter(|u| u.ends_with("a.png")).count(), 1);
    }

    #[test]
    fn a_paragraph_of_several_links_gives_one_ref_per_link() {
        let link = |n: u32| Link {
            text: format!("网络安全信息与动态周报2024年第{n}期"),
            url: format!("http://mp.weixin.qq.com/s?__biz=QQ==&mid={n}&idx=1"),
        };
        let mut lines = full_lines();
        lines.truncate(9);
        lines.push(Line {
            text: "●周报第4期 ●周报第3期".into(),
            images: Vec::new(),
            links: vec![link(4), link(3)],
        });
        let b = assemble(meta(TITLE), &lines).unwrap();
        let keys: Vec<_> = b.recent.iter().map(|r| r.key.map(|k| k.number)).collect();
        assert_eq!(keys, [Some(4), Some(3)]);
        assert!(b.recent[1].url.as_deref().unwrap().contains("mid=3"));
    }

    #[test]
    fn a_recent_section_keeps_at_most_a_years_worth_of_refs() {
        let mut lines = full_lines();
        lines.truncate(9);
        lines.extend(
            (0..5000).map(|i| text(&format!("●网络安全信息与动态周报2023年第{}期", i % 52 + 1))),
        );
        let b = assemble(meta(TITLE), &lines).unwrap();
        assert_eq!(b.recent.len(), MAX_RECENT_REFS);
        assert_eq!(b.recent[0].key, Some(IssueKey::new(2023, 1)));
    }

    #[test]
    fn missing_title_is_no_bulletin() {
        let mut m = meta(TITLE);
        m.title = None;
        assert!(assemble(m, &[]).unwrap_err().is_skip());
    }

    #[test]
    fn skip_reasons_say_what_the_article_is() {
        let err = assemble(meta("科技周刊#1"), &[]).unwrap_err();
        assert_eq!(
            err,
            ParseError::NotBulletin(Skip::NotSeries {
                title: "科技周刊#1".into(),
                by: Some("account".into())
            })
        );
        let err = assemble(meta("网络安全信息与动态周报2024年第0期"), &[]).unwrap_err();
        assert_eq!(err, ParseError::NotBulletin(Skip::BadNumber("0".into())));
    }

    #[test]
    fn an_older_issue_states_its_situation_in_words_and_those_are_figures_too() {
        let title = "网络安全信息与动态周报2018年第9期（2月26日-3月4日）";
        let lines = [
            text(&format!("# {title}")),
            text("本周网络安全基本态势"),
            text("本周，互联网网络安全态势整体评价为良。本周境内感染网络病毒的主机数量约为18.4万个。"),
            text("境内被篡改网站数量为1865个；境内被植入后门的网站数量为717个；针对境内网站的仿冒页面数量为187个。"),
            text("国家信息安全漏洞共享平台（CNVD）新收录网络安全漏洞284个。"),
            text("本周事件处理情况"),
            text("本周，CNCERT协调各方共处理网络安全事件494起，其中跨境网络安全事件202起。"),
        ];
        let b = assemble(meta(title), &lines).unwrap();
        let f = |id| b.figures.count(SeriesId::CNCERT.figure(id));
        assert_eq!(f("infected_hosts"), Some(184_000));
        assert_eq!(f("defaced_sites"), Some(1865));
        assert_eq!(f("backdoored_sites"), Some(717));
        assert_eq!(f("phishing_pages"), Some(187));
        assert_eq!(f("cnvd_vulns"), Some(284));
        assert_eq!(f("events_handled"), Some(494));
        assert_eq!(f("phishing_complaints"), None);
        // A newer issue does not state them: unknown, not 0.
        let newer = assemble(meta(TITLE), &full_lines()).unwrap();
        assert_eq!(
            newer
                .figures
                .count(SeriesId::CNCERT.figure("infected_hosts")),
            None
        );
        assert_eq!(newer.figures.len(), 5);
    }

    #[test]
    fn a_cnvd_report_is_of_its_series_with_its_period_line_and_cut_body() {
        let title = "CNVD漏洞周报2024年第17期";
        let lines = [
            text(&format!("# {title}")),
            text("2024年04月22日-2023年04月28日"),
            text("本周漏洞态势研判情况"),
            text("本周信息安全漏洞威胁整体评价级别为中。"),
            text("本周共收集、整理信息安全漏洞623个，其中高危漏洞240个。漏洞平均分值为6.18。"),
            text("本周重要漏洞安全告警"),
            text("Microsoft Windows Hyper-V拒绝服务漏洞（CNVD-2024-19326）"),
            text("本周CNVD接到的涉及党政机关和企事业单位的漏洞总数99"),
        ];
        let mut m = meta(title);
        m.truncated = true;
        let b = assemble(m, &lines).unwrap();
        assert_eq!(b.key, IssueKey::of(SeriesId::CNVD, 2024, 17));
        assert!(b.truncated);
        let p = b.period.unwrap();
        assert_eq!(
            (p.start.to_string(), p.end.to_string()),
            ("2024-04-22".into(), "2024-04-28".into())
        );
        let f = |id| {
            b.figures
                .get(SeriesId::CNVD.figure(id))
                .map(|v| v.to_string())
        };
        assert_eq!(f("vulns").as_deref(), Some("623"));
        assert_eq!(f("avg_score").as_deref(), Some("6.18"));
        // The cut last line is not read for figures: its number may have
        // lost digits.
        assert_eq!(f("gov_vulns"), None);
        assert!(b.body.iter().any(|l| l.contains("CNVD-2024-19326")));
    }
}
