//! 网络安全信息与动态周报 (CNCERT), declared: the five figures of 本周事件
//! 处理情况 every issue since 2022 states, and the situation figures the
//! older issues (2018 and before) still wrote as text and newer ones show
//! only as chart images. Wording drifts (dropped characters such as
//! `跨境网络安全事149起` and `重点处332起`, `共处理了…`, `其中跨境…`,
//! `恶意URL链16个`): the phrases allow for it.

use super::{Figure, Publisher, Series};

pub static SERIES: Series = Series {
    id: "cncert",
    zh: "网络安全信息与动态周报",
    en: "CNCERT weekly security bulletin",
    short_zh: "CNCERT周报",
    short_en: "CNCERT",
    title_words: &["网络安全信息与动态周报"],
    assessment: "整体评价为{_}([优良中差])",
    figures: &[
        HANDLING[0],
        HANDLING[1],
        HANDLING[2],
        HANDLING[3],
        HANDLING[4],
        // The older issues' 基本态势 in words (18.4万 is 184,000).
        Figure::count("infected_hosts", "感染主机", "Infected hosts")
            .words("infected hosts")
            .column("感染主机", "HOSTS")
            .phrases(&["感染网络病毒的主机数量{_}约?{_}为?{_}{n}{_}个"]),
        Figure::count("defaced_sites", "被篡改网站", "Defaced sites")
            .words("defaced sites")
            .column("篡改网站", "DEFACED")
            .phrases(&["被篡改(?:的)?网站(?:数量|总数)?{_}为?{_}{n}{_}个"]),
        Figure::count("backdoored_sites", "被植入后门网站", "Backdoored sites")
            .words("backdoored sites")
            .column("后门网站", "BACKDOORED")
            .phrases(&["被植入后门的?网站(?:数量|总数)?{_}为?{_}{n}{_}个"]),
        Figure::count("phishing_pages", "仿冒页面", "Phishing pages")
            .words("phishing pages")
            .column("仿冒页面", "PAGES")
            .phrases(&["仿冒页面(?:数量|总数)?{_}为?{_}{n}{_}个"]),
        Figure::count("cnvd_vulns", "CNVD收录漏洞", "CNVD vulns")
            .words("vulnerabilities CNVD collected")
            .column("CNVD漏洞", "CNVD")
            .phrases(&["CNVD[）)]?{_}(?:新|共)?收录(?:了)?{_}网络安全漏洞{_}{n}{_}个"]),
    ],
    families: &[],
    // The account posted as CNCERT风险评估 until 2023, with the same
    // `__biz` (the archive's `corpus/`).
    publisher: Publisher {
        account: "国家互联网应急中心CNCERT",
        biz: &["MzIwNDk0MDgxMw=="],
    },
    numbered_by_week: true,
};

/// The five figures of 本周事件处理情况, in the order the sentence gives
/// them (also the start of the test build's series with a sixth).
pub(super) const HANDLING: [Figure; 5] = [
    Figure::count("events_handled", "处理事件", "Events")
        .words("events handled")
        .column("处理事件", "EVENTS")
        .headline()
        .phrases(&["共处理了?{_}网络安全事件?{_}{n}{_}起"]),
    Figure::count("cross_border", "跨境事件", "Cross-border")
        .words("cross-border")
        .column("跨境事件", "CROSS-BORDER")
        .headline()
        .phrases(&["(?:含|其中){_}跨境网络安全事件?{_}{n}{_}起"]),
    Figure::count("phishing_complaints", "仿冒投诉", "Phishing")
        .words("phishing")
        .column("仿冒投诉", "PHISHING")
        .headline()
        .phrases(&["重点处理?了?{_}{n}{_}起{_}(?:网页)?仿冒"]),
    Figure::count("malicious_app_platforms", "恶意APP平台", "App platforms")
        .words("app platforms")
        .column("恶意APP", "APPS")
        .headline()
        .phrases(&["协调{_}{n}{_}个{_}提供恶意移动应用"]),
    Figure::count("malicious_urls", "恶意URL", "Malicious URLs")
        .words("malicious URLs")
        .column("恶意URL", "URLS")
        .headline()
        .phrases(&["(?i:url){_}链接?{_}{n}{_}个"]),
];
