//! CNVD漏洞周报 (国家信息安全漏洞共享平台), declared: the week's
//! vulnerabilities and their severity, the average score, 0-days, the
//! vulnerability events handed to each sector, the type breakdown (whose
//! categories are open-ended: `车联网1个` is kept as `type:车联网`) and
//! the industry counts. The bulletin also states last week's
//! `gov_vulns` (`与上周（19674个）`), kept as `gov_vulns_last_week`.

use super::{Family, Figure, Kind, Publisher, Series};

pub static SERIES: Series = Series {
    id: "cnvd",
    zh: "CNVD漏洞周报",
    en: "CNVD weekly vulnerability report",
    short_zh: "CNVD周报",
    short_en: "CNVD",
    title_words: &["CNVD漏洞周报"],
    assessment: r"整体评价级别为{_}(?:\*+{_})?([高中低])",
    figures: &[
        Figure::count("vulns", "收录漏洞", "Vulns")
            .words("vulnerabilities collected")
            .column("收录漏洞", "VULNS")
            .headline()
            .phrases(&["共收集、?{_}整理(?:信息安全)?漏洞{_}{n}{_}个"]),
        Figure::count("vulns_high", "高危", "High")
            .words("high-risk")
            .column("高危", "HIGH")
            .headline()
            .phrases(&["高危漏洞{_}{n}{_}个"]),
        Figure::count("vulns_medium", "中危", "Medium")
            .words("medium-risk")
            .column("中危", "MEDIUM")
            .phrases(&["中危漏洞{_}{n}{_}个"]),
        Figure::count("vulns_low", "低危", "Low")
            .words("low-risk")
            .column("低危", "LOW")
            .phrases(&["低危漏洞{_}{n}{_}个"]),
        Figure::count("avg_score", "平均分值", "Avg score")
            .kind(Kind::Score { decimals: 2 })
            .words("average score")
            .column("均分", "SCORE")
            .headline()
            .phrases(&["平均分值{_}为?{_}{n}"]),
        Figure::count("zero_day", "0day漏洞", "0-days")
            .words("0-day vulnerabilities")
            .column("0day", "0DAY")
            .headline()
            .phrases(&["(?i:0day)漏洞{_}{n}{_}个"]),
        Figure::count("zero_day_share", "0day占比", "0-day share")
            .kind(Kind::Share)
            .words("0-day share")
            .column("0day占比", "0DAY%")
            .phrases(&["(?i:0day)漏洞{_}[0-9]+{_}个{_}[（(]{_}占{_}{n}{_}[%％]"]),
        Figure::count("gov_vulns", "党政企事业漏洞", "Gov & org vulns")
            .words("gov & organisation vulns")
            .column("党政企事业", "GOV")
            .headline()
            .phrases(&["企事业单位的{_}(?:事件型)?{_}漏洞总数{_}{n}"]),
        Figure::count(
            "gov_vulns_last_week",
            "上周党政企事业漏洞",
            "Gov & org, last week",
        )
        .words("gov & org vulns last week")
        .column("上周党政", "GOV-1")
        .previous_of("gov_vulns")
        .phrases(&["与上周{_}[（(]{_}{n}{_}个?{_}[）)]"]),
        Figure::count("events_industry", "重要行业", "Key industries")
            .words("events, key industries")
            .column("重要行业", "INDUSTRY")
            .phrases(&["重要行业单位{_}通报(?:了)?{_}漏洞事件{_}{n}{_}起"]),
        Figure::count("events_telecom", "基础电信", "Telecom operators")
            .words("events, telecom operators")
            .column("基础电信", "TELECOM")
            .phrases(&["基础电信企业{_}通报(?:了)?{_}漏洞事件{_}{n}{_}起"]),
        Figure::count("events_branches", "CNCERT分中心", "CNCERT branches")
            .words("events, CNCERT branches")
            .column("分中心", "BRANCHES")
            .phrases(&["各分中心[^，。；]{0,40}?漏洞事件{_}{n}{_}起"]),
        Figure::count("events_education", "教育行业", "Education")
            .words("events, education CERTs")
            .column("教育行业", "EDUCATION")
            .phrases(&["教育行业应急组织[^，。；]{0,40}?漏洞事件{_}{n}{_}起"]),
        Figure::count("events_superior", "上级机构", "Superior bodies")
            .words("events, superior bodies")
            .column("上级机构", "SUPERIOR")
            .phrases(&["上级信息安全协调机构[^，。；]{0,40}?漏洞事件{_}{n}{_}起"]),
        Figure::count("type_web", "WEB应用", "Web apps")
            .words("web applications")
            .column("WEB应用", "WEB")
            .item("type", &["WEB应用", "Web应用", "web应用"]),
        Figure::count("type_app", "应用程序", "Applications")
            .words("applications")
            .column("应用程序", "APP")
            .item("type", &["应用程序"]),
        Figure::count("type_network", "网络设备", "Network devices")
            .words("network devices")
            .column("网络设备", "NETWORK")
            .item("type", &["网络设备"]),
        Figure::count("type_iot", "智能设备", "Smart devices")
            .words("smart (IoT) devices")
            .column("智能设备", "IOT")
            .item("type", &["智能设备"]),
        Figure::count("type_security", "安全产品", "Security products")
            .words("security products")
            .column("安全产品", "SECURITY")
            .item("type", &["安全产品"]),
        Figure::count("type_database", "数据库", "Databases")
            .words("databases")
            .column("数据库", "DATABASE")
            .item("type", &["数据库"]),
        Figure::count("type_os", "操作系统", "Operating systems")
            .words("operating systems")
            .column("操作系统", "OS")
            .item("type", &["操作系统"]),
        Figure::count("ind_telecom", "电信行业", "Telecom industry")
            .words("telecom industry vulns")
            .column("电信行业", "IND-TELECOM")
            .phrases(&["{n}{_}个{_}电信行业漏洞"]),
        Figure::count("ind_mobile", "移动互联网行业", "Mobile internet")
            .words("mobile internet vulns")
            .column("移动互联网", "IND-MOBILE")
            .phrases(&["{n}{_}个{_}移动互联网行业漏洞"]),
        Figure::count("ind_ics", "工控行业", "Industrial control")
            .words("industrial control vulns")
            .column("工控行业", "IND-ICS")
            .phrases(&["{n}{_}个{_}工控(?:系统)?行业漏洞"]),
    ],
    families: &[Family {
        id: "type",
        zh: "漏洞类型",
        en: "type",
        // `本周，CNVD收录了623个漏洞。WEB应用219个，…` (or `按类型划分包括WEB应用…`).
        list: "收录了?{_}[0-9]+{_}个漏洞{_}[。.，,：:]?{_}(?:按类型划分)?(?:包括)?{_}([^。]*)",
    }],
    // CNVD's own account posts the report; 国家互联网应急中心CNCERT
    // reposts it the next day (the archive's `corpus-cnvd/`).
    publisher: Publisher {
        account: "CNVD漏洞平台",
        biz: &["MzU3ODM2NTg2Mg=="],
    },
    numbered_by_week: false,
};
