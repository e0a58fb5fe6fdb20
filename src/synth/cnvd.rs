//! Deterministic synthetic CNVD漏洞周报 reports in the archive Markdown
//! format, for the demo corpus, round-trip tests and the benchmarks' second
//! series. Only the headings and the figure sentences follow the real
//! series' template (the parser depends on them); every other sentence,
//! name and vulnerability here is made up.

use chrono::{Duration, NaiveDate};

use super::prng::SplitMix64;
use super::{archive_file_name, front_matter, text};
use crate::calendar::{key_of_week, period_of_key};
use crate::model::{ArticleId, Assessment, Figures, IssueKey, Period, SeriesId, Value};

/// The account that posts the reports.
pub const SOURCE: &str = "CNVD漏洞平台";
/// A made-up `__biz` (not the real account's).
const BIZ: &str = "MzU5OTg4NzcxMQ==";

/// One generated report, with what a parser must read back from it.
#[derive(Debug, Clone, PartialEq)]
pub struct CnvdIssue {
    pub key: IssueKey,
    /// The last number of a double issue (第40、41期).
    pub last_number: Option<u32>,
    pub period: Period,
    pub published: NaiveDate,
    pub level: Assessment,
    pub figures: Figures,
    pub article: ArticleId,
    pub sn: String,
    /// The period line's end year is written wrong (the title's is right).
    pub year_typo: bool,
    /// The archive cut the file short, inside the important vulnerabilities.
    pub truncated: bool,
}

fn fig(id: &str) -> crate::model::Metric {
    SeriesId::CNVD.figure(id)
}

impl CnvdIssue {
    pub fn title(&self) -> String {
        let numbers = match self.last_number {
            Some(last) => format!("{}、{last}", self.key.number),
            None => self.key.number.to_string(),
        };
        format!("CNVD漏洞周报{}年第{numbers}期", self.key.year)
    }

    pub fn url(&self) -> String {
        format!(
            "https://mp.weixin.qq.com/s?__biz={}&mid={}&idx={}&sn={}&scene=58#rd",
            self.article.biz, self.article.mid, self.article.idx, self.sn
        )
    }

    pub fn file_name(&self) -> String {
        archive_file_name(self.published, SOURCE, &self.title())
    }

    fn count(&self, id: &str) -> Option<i64> {
        self.figures.count(fig(id))
    }
}

/// `count` consecutive reports from `first`; `double` names the first
/// number of each double issue (it takes the next number too).
pub fn series_from(
    first: IssueKey,
    count: usize,
    seed: u64,
    double: &[IssueKey],
) -> Vec<CnvdIssue> {
    let Some(first_period) = period_of_key(first) else {
        return Vec::new();
    };
    let mut rng = SplitMix64::new(seed);
    let mut mid: u64 = 2_247_490_000 + rng.range(0, 90_000) as u64;
    let mut gov = rng.range(3_000, 30_000);
    let mut vulns = rng.range(250, 450);
    let mut out: Vec<CnvdIssue> = Vec::with_capacity(count);
    let mut week = 0i64;
    while out.len() < count {
        let start = first_period.start + Duration::weeks(week);
        let Some(key) = key_of_week(start).map(|k| k.in_series(SeriesId::CNVD)) else {
            break;
        };
        let is_double = double.contains(&key);
        let weeks = if is_double { 2 } else { 1 };
        week += weeks;
        let period = Period {
            start,
            end: start + Duration::days(7 * weeks - 1),
        };
        mid += rng.range(8, 24) as u64;
        let last_gov = gov;
        vulns = (vulns + (380 - vulns) / 4 + rng.range(-90, 90)).clamp(80, 700);
        gov = (gov + (15_000 - gov) / 4 + rng.range(-6_000, 6_000)).clamp(400, 60_000);
        let mut f = Figures::default();
        let mut set = |id: &str, v: Option<i64>| f.set_count(fig(id), v);
        let high = vulns * rng.range(30, 60) / 100;
        let low = vulns * rng.range(2, 10) / 100;
        set("vulns", Some(vulns));
        set("vulns_high", Some(high));
        set("vulns_medium", Some(vulns - high - low));
        set("vulns_low", Some(low));
        let zero = vulns * rng.range(10, 88) / 100;
        set("zero_day", Some(zero));
        set("zero_day_share", Some(zero * 100 / vulns.max(1)));
        set("gov_vulns", Some(gov));
        // Now and then the report misremembers last week.
        let said = if rng.chance(0.1) {
            last_gov + rng.range(1, 40)
        } else {
            last_gov
        };
        set("gov_vulns_last_week", Some(said));
        set("events_industry", Some(rng.range(1, 50)));
        set("events_telecom", Some(rng.range(0, 100)));
        set("events_branches", Some(rng.range(200, 1500)));
        set("events_education", Some(rng.range(10, 300)));
        // One clause in twenty is not there: unknown, not 0.
        set(
            "events_superior",
            (!rng.chance(0.05)).then(|| rng.range(5, 120)),
        );
        let mut left = vulns;
        for (id, share) in [
            ("type_web", 45),
            ("type_app", 25),
            ("type_network", 15),
            ("type_iot", 7),
        ] {
            let n = (vulns * (share + rng.range(-5, 5)) / 100).min(left);
            set(id, Some(n));
            left -= n;
        }
        let sec = rng.range(0, 6).min(left);
        left -= sec;
        set("type_security", (sec > 0).then_some(sec));
        let db = rng.range(0, 6).min(left);
        left -= db;
        set("type_database", (db > 0).then_some(db));
        set("type_os", Some(left));
        set("ind_telecom", Some(rng.range(10, 80)));
        set("ind_mobile", Some(rng.range(4, 70)));
        set("ind_ics", Some(rng.range(2, 15)));
        let score = Value::decimal(rng.range(580, 740), 2);
        f.set(fig("avg_score"), score);
        out.push(CnvdIssue {
            key,
            last_number: is_double.then_some(key.number + 1),
            period,
            published: period.end + Duration::days(rng.range(1, 3)),
            level: if rng.chance(0.05) {
                Assessment::High
            } else {
                Assessment::Fair
            },
            figures: f,
            article: ArticleId {
                biz: BIZ.to_string(),
                mid: mid.to_string(),
                idx: "1".to_string(),
            },
            sn: rng.hex(32),
            year_typo: rng.chance(0.03),
            truncated: rng.chance(0.3),
        });
    }
    out
}

/// `2024年04月22日-2024年04月28日`, the end's year wrong when `typo`.
fn period_line(p: Period, typo: bool) -> String {
    let end_year = if typo {
        p.end
            .format("%Y")
            .to_string()
            .parse::<i32>()
            .unwrap_or(2000)
            - 1
    } else {
        p.end.format("%Y").to_string().parse().unwrap_or(2000)
    };
    format!(
        "{}-{end_year}年{}",
        p.start.format("%Y年%m月%d日"),
        p.end.format("%m月%d日")
    )
}

/// The report as the archive stores it.
pub fn markdown(issue: &CnvdIssue) -> String {
    let title = issue.title();
    let mut md = front_matter(&title, &issue.url(), SOURCE, issue.published, &issue.sn);
    let c = |id: &str| issue.count(id).unwrap_or(0);
    let score = issue
        .figures
        .get(fig("avg_score"))
        .map_or_else(String::new, |v| v.text(2));
    md.push_str(&format!("# {title}\n\n{SOURCE}\n\n"));
    md.push_str("国家信息安全漏洞共享平台是收集、整理和发布安全漏洞信息的平台（以下为演示用的自拟文字）。\n\n");
    md.push_str(&format!(
        "{}\n\n",
        period_line(issue.period, issue.year_typo)
    ));
    md.push_str("**本周漏洞态势研判情况**\n\n");
    md.push_str(&format!(
        "本周信息安全漏洞威胁整体评价级别为**{}**。\n\n",
        issue.level.chinese()
    ));
    md.push_str(&format!(
        "本周共收集、整理信息安全漏洞{}个，其中高危漏洞{}个、中危漏洞{}个、低危漏洞{}个。漏洞平均分值为{score}。\
         本周收录的漏洞中，涉及0day漏洞{}个（占{}%），多为演示用的示例产品。\
         本周接到的涉及党政机关和企事业单位的漏洞总数{}个，与上周（{}个）相比有所变化。\n\n",
        c("vulns"),
        c("vulns_high"),
        c("vulns_medium"),
        c("vulns_low"),
        c("zero_day"),
        c("zero_day_share"),
        c("gov_vulns"),
        c("gov_vulns_last_week"),
    ));
    md.push_str("**本周漏洞事件处置情况**\n\n");
    let mut events = format!(
        "本周，CNVD向银行、保险、能源等重要行业单位通报漏洞事件{}起，向基础电信企业通报漏洞事件{}起，\
         协调CNCERT各分中心验证和处置涉及地方重要部门漏洞事件{}起，\
         协调教育行业应急组织验证和处置高校科研院所系统漏洞事件{}起",
        c("events_industry"),
        c("events_telecom"),
        c("events_branches"),
        c("events_education"),
    );
    if let Some(n) = issue.count("events_superior") {
        events.push_str(&format!(
            "，向国家上级信息安全协调机构上报涉及部委门户、子站或直属单位信息系统漏洞事件{n}起"
        ));
    }
    md.push_str(&events);
    md.push_str("。\n\n**本周漏洞按类型和厂商统计**\n\n");
    let mut types = vec![
        format!("WEB应用{}个", c("type_web")),
        format!("应用程序{}个", c("type_app")),
        format!(
            "网络设备（交换机、路由器等网络端设备）{}个",
            c("type_network")
        ),
        format!("智能设备（物联网终端设备）{}个", c("type_iot")),
    ];
    for (id, name) in [("type_security", "安全产品"), ("type_database", "数据库")] {
        if let Some(n) = issue.count(id) {
            types.push(format!("{name}{n}个"));
        }
    }
    types.push(format!("操作系统{}个", c("type_os")));
    md.push_str(&format!(
        "本周，CNVD收录了{}个漏洞。{}。\n\n",
        c("vulns"),
        types.join("，")
    ));
    md.push_str("**本周行业漏洞收录情况**\n\n");
    md.push_str(&format!(
        "本周，CNVD收录了{}个电信行业漏洞，{}个移动互联网行业漏洞，{}个工控行业漏洞（如下图所示）。\n\n",
        c("ind_telecom"),
        c("ind_mobile"),
        c("ind_ics"),
    ));
    md.push_str("**本周重要漏洞安全告警**\n\n");
    let id = |n: u64| format!("CNVD-{}-{:05}", issue.key.year, 10_000 + n);
    let mid: u64 = issue.article.mid.parse().unwrap_or(0) % 80_000;
    for (i, product) in ["示例路由器", "示例办公套件", "示例数据库"]
        .iter()
        .enumerate()
    {
        let cnvd = id(mid + i as u64);
        md.push_str(&format!(
            "****{}、{product}安全漏洞****\n\n{product}是演示用的虚构产品。本周，该产品被披露存在多个漏洞。\
             CNVD收录的相关漏洞包括：{product}命令执行漏洞（{cnvd}）。\n\n参考链接：\n\n\
             https://www.cnvd.org.cn/flaw/show/{cnvd}\n\n",
            i + 1
        ));
    }
    if issue.truncated {
        md.push_str("https://www.cnvd.org.cn/flaw/show/CNVD-20...");
    } else {
        md.push_str(text::FULL_CHROME);
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Completeness;
    use crate::parse::parse;

    #[test]
    fn every_generated_report_parses_back_to_what_it_was_written_from() {
        let first = IssueKey::of(SeriesId::CNVD, 2024, 30);
        let double = [IssueKey::of(SeriesId::CNVD, 2024, 40)];
        let issues = series_from(first, 40, 7, &double);
        assert_eq!(issues.len(), 40);
        assert!(issues.iter().any(|i| i.truncated) && issues.iter().any(|i| !i.truncated));
        for issue in &issues {
            let b = parse(markdown(issue).as_bytes()).unwrap();
            assert_eq!(b.key, issue.key);
            assert_eq!(b.last_number, issue.last_number, "{}", issue.key);
            assert_eq!(
                b.period,
                Some(issue.period),
                "{}: the title's year wins",
                issue.key
            );
            assert_eq!(b.assessment, Some(issue.level));
            assert_eq!(b.figures, issue.figures, "{}", issue.key);
            assert_eq!(b.truncated, issue.truncated);
            assert_eq!(b.completeness, Completeness::Full);
        }
        let d = issues.iter().find(|i| i.last_number.is_some()).unwrap();
        assert_eq!(d.title(), "CNVD漏洞周报2024年第40、41期");
        let after = issues.iter().position(|i| i.key == d.key).unwrap() + 1;
        assert_eq!(issues[after].key.number, 42, "no 第41期 of its own");
    }
}
