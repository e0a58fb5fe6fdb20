//! The words and figures of a synthetic bulletin: figure random walk,
//! 基本态势 sentences (our own wording), addresses and page chrome.

use chrono::{Duration, NaiveDate};

use super::prng::SplitMix64;
use crate::model::{Assessment, Figures, SeriesId};

/// A made-up cover image address (the host is the real image CDN's).
pub const COVER: &str =
    "https://mmbiz.qpic.cn/sz_mmbiz_jpg/SynthCoverZbQk2v7Lr0aWcX9eTnYp4HdMuF1gJs/0?wx_fmt=jpeg";

/// WeChat page chrome after the article, which the parser must ignore.
pub const FULL_CHROME: &str = "预览时标签不可点\n\n![]()\n\n微信扫一扫\n关注该公众号\n\n\
继续滑动看下一个\n\n轻触阅读原文\n\n国家互联网应急中心CNCERT\n\n向上滑动看下一个\n\n知道了\n\n\
![]()\n微信扫一扫\n使用小程序\n\n取消\n允许\n\n×\n分析\n\n微信扫一扫可打开此内容，\n使用完整服务\n\n\
：\n，\n，\n，\n。\n\n视频\n小程序\n赞\n，轻点两下取消赞\n在看\n，轻点两下取消在看\n分享\n留言\n收藏\n听过";

/// The chrome left of a page fetched without its article.
pub const STUB_CHROME: &str =
    "：\n，\n。\n\n视频\n小程序\n赞\n，轻点两下取消赞\n在看\n，轻点两下取消在看";

const INFRASTRUCTURE: [&str; 4] = [
    "境内主要网络基础设施运行总体稳定，本周未监测到影响全国或单个省份的重大运行故障。",
    "骨干网络与重要信息系统运行正常，未发现波及较大范围的基础设施安全事件。",
    "基础网络整体运转平稳，各地均未报告造成明显影响的运行安全事件。",
    "全国网络基础设施保持平稳运行，没有出现需要跨地区协同处置的重大故障。",
];

const THREATS: [&str; 4] = [
    "本周需要关注的威胁主要包括高危软件漏洞被利用、恶意程序扩散以及针对网站的攻击。",
    "面向政府机构、企业和普通网民的风险，主要集中在未修补的高危漏洞、恶意代码和网页仿冒三个方面。",
    "从监测情况看，漏洞利用、木马与僵尸程序传播、网站篡改仍是主要威胁来源。",
    "攻击者仍以利用公开漏洞、投放恶意代码和仿冒知名网站为主要手段，用户需及时更新软件。",
];

const BETTER_WEEK: [&str; 2] = [
    "多项监测指标较上周明显回落。",
    "本周各类告警数量处于近期低位。",
];

const WORSE_WEEK: [&str; 2] = [
    "本周部分指标波动较大，建议各单位加强值守与排查。",
    "受集中攻击活动影响，本周告警数量有所上升，需持续跟踪。",
];

/// Mostly 良, as in the series, with some 优 and 中 so the demo shows them.
pub fn assessment(rng: &mut SplitMix64) -> Assessment {
    let draw = rng.unit();
    if draw < 0.08 {
        Assessment::Excellent
    } else if draw < 0.14 {
        Assessment::Fair
    } else {
        Assessment::Good
    }
}

/// The 基本态势 sentences after `整体评价为X。`, varied per issue.
pub fn situation(rng: &mut SplitMix64, assessment: Assessment) -> String {
    let mut text = String::new();
    text.push_str(rng.pick(&INFRASTRUCTURE).copied().unwrap_or_default());
    text.push_str(rng.pick(&THREATS).copied().unwrap_or_default());
    let extra: &[&str] = match assessment {
        Assessment::Excellent => &BETTER_WEEK,
        Assessment::Fair | Assessment::Poor | Assessment::High => &WORSE_WEEK,
        Assessment::Good | Assessment::Low => &[],
    };
    text.push_str(rng.pick(extra).copied().unwrap_or_default());
    text
}

pub fn chart_url(rng: &mut SplitMix64) -> String {
    format!(
        "https://mmbiz.qpic.cn/sz_mmbiz_png/Synth{}/640?wx_fmt=png&from=appmsg",
        rng.hex(40)
    )
}

/// A checksum-looking decoration derived from `sn`, so it is stable per issue.
pub fn chksm(sn: &str) -> String {
    SplitMix64::new(fold(sn)).hex(64)
}

/// An ISO timestamp some months after `date`, like the archive's fetch_date.
pub fn fetch_timestamp(date: NaiveDate, salt: &str) -> String {
    let mut rng = SplitMix64::new(fold(salt));
    let day = date + Duration::days(rng.range(200, 400));
    format!(
        "{}T{:02}:{:02}:{:02}.{:06}",
        day.format("%Y-%m-%d"),
        rng.range(0, 23),
        rng.range(0, 59),
        rng.range(0, 59),
        rng.range(0, 999_999)
    )
}

fn fold(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// The 本周事件处理情况 paragraph; a clause whose figure is unknown is left out.
pub fn incident_paragraph(figures: &Figures, semicolons: bool) -> String {
    let stop = if semicolons { "；" } else { "。" };
    let mut text = String::from(
        "本周，CNCERT协调云服务商、域名注册服务机构、应用商店、各省分中心以及国际合作组织",
    );
    let get = |id: &str| figures.count(SeriesId::CNCERT.figure(id));
    if let Some(events) = get("events_handled") {
        text.push_str(&format!("共处理网络安全事件{events}起"));
        if let Some(cross) = get("cross_border") {
            text.push_str(&format!("，含跨境网络安全事件{cross}起"));
        }
        text.push_str(stop);
    }
    if let Some(phishing) = get("phishing_complaints") {
        text.push_str(&format!(
            "其中，协调境内外域名注册机构、境外CERT等机构重点处理{phishing}起仿冒投诉事件{stop}"
        ));
    }
    if let (Some(platforms), Some(urls)) = (get("malicious_app_platforms"), get("malicious_urls")) {
        text.push_str(&format!(
            "协调{platforms}个提供恶意移动应用程序下载服务的平台开展移动互联网恶意代码处理工作，\
             共处理传播移动互联网恶意代码的恶意URL链接{urls}个。"
        ));
    }
    text
}

/// Week-to-week drift of the figures, with an occasional spike week.
#[derive(Debug, Clone)]
pub struct FigureWalk {
    events: i64,
    phishing: i64,
    platforms: i64,
    urls: i64,
}

impl FigureWalk {
    pub fn start(rng: &mut SplitMix64) -> Self {
        FigureWalk {
            events: rng.range(350, 700),
            phishing: rng.range(250, 600),
            platforms: rng.range(3, 25),
            urls: rng.range(5, 60),
        }
    }

    pub fn step(&mut self, rng: &mut SplitMix64) -> Figures {
        // Pulled back toward a typical level so the walk neither sticks at
        // a bound nor wanders off across a long series.
        self.events = drift(rng, self.events, 550, 70, (300, 800));
        self.phishing = drift(rng, self.phishing, 450, 60, (200, 700));
        self.platforms = drift(rng, self.platforms, 15, 6, (0, 40));
        self.urls = drift(rng, self.urls, 40, 15, (0, 100));
        // A spike lifts one week only; the walk carries on from its base.
        let events = if rng.chance(0.04) {
            self.events * rng.range(150, 200) / 100
        } else {
            self.events
        };
        let cross = events * rng.range(30, 60) / 100;
        let mobile_known = !rng.chance(0.03);
        let mut f = Figures::default();
        let mut set = |id: &str, v: Option<i64>| f.set_count(SeriesId::CNCERT.figure(id), v);
        set("events_handled", Some(events));
        set("cross_border", Some(cross));
        set("phishing_complaints", Some(self.phishing));
        set(
            "malicious_app_platforms",
            mobile_known.then_some(self.platforms),
        );
        set("malicious_urls", mobile_known.then_some(self.urls));
        f
    }
}

/// One mean-reverting random step of at most `jitter` plus the pull.
fn drift(rng: &mut SplitMix64, value: i64, center: i64, jitter: i64, (lo, hi): (i64, i64)) -> i64 {
    let pull = (center - value) / 5;
    (value + pull + rng.range(-jitter, jitter)).clamp(lo, hi)
}
