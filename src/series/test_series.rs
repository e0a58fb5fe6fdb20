//! A series only the test build knows: 网络安全信息与动态周报's five
//! figures and a sixth (DDoS attacks), declared here and nowhere else, so
//! the tests can show a new figure flowing from the parser through the
//! cache, the comparisons and the output with no other change.

use super::cncert::HANDLING;
use super::{Figure, Publisher, Series};

pub static SERIES: Series = Series {
    id: "test6",
    zh: "六项测试周报",
    en: "six-figure test bulletin",
    short_zh: "测试周报",
    short_en: "test6",
    title_words: &["六项测试周报"],
    assessment: "整体评价为{_}([优良中差])",
    figures: &[
        HANDLING[0],
        HANDLING[1],
        HANDLING[2],
        HANDLING[3],
        HANDLING[4],
        Figure::count("ddos_attacks", "DDoS攻击", "DDoS")
            .words("DDoS attacks")
            .column("DDoS", "DDOS")
            .headline()
            .phrases(&["(?i:ddos){_}攻击{_}{n}{_}起"]),
    ],
    families: &[],
    publisher: Publisher {
        account: "国家互联网应急中心CNCERT",
        biz: &["MzIwNDk0MDgxMw=="],
    },
    numbered_by_week: true,
};

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::model::{IssueKey, IssueRow, SeriesId};
    use crate::store::Store;
    use crate::trend::{IssueComparisons, WeekSeries};

    fn test6() -> SeriesId {
        SeriesId::from_id("test6").expect("the test build's series")
    }

    /// A bulletin of the test series, in the archive's Markdown, with its
    /// five handling figures and the sixth.
    fn file(number: u32, ddos: i64) -> String {
        format!(
            "---\ntitle: 六项测试周报2024年第{number}期\nsource: 测试账号\n---\n\n\
             # 六项测试周报2024年第{number}期\n\n本周网络安全基本态势\n\n\
             本周，互联网网络安全态势整体评价为良。这是测试用的自拟文字。\n\n本周事件处理情况\n\n\
             本周，协调各方共处理网络安全事件{e}起，含跨境网络安全事件{c}起。重点处理{p}起仿冒投诉事件。\
             协调3个提供恶意移动应用程序下载服务的平台，共处理恶意URL链接9个。本周还监测到DDoS攻击{ddos}起。\n",
            e = 400 + number,
            c = 100 + number,
            p = 300 + number,
        )
    }

    #[test]
    fn a_figure_only_its_declaration_names_flows_from_the_text_to_the_output() {
        let series = test6();
        let ddos = series.figure("ddos_attacks");
        // parse
        let b = crate::parse::parse(file(17, 88).as_bytes()).unwrap();
        assert_eq!(b.key, IssueKey::of(series, 2024, 17));
        assert_eq!(b.figures.count(ddos), Some(88));
        assert_eq!(b.figures.len(), 6);
        // store
        let mut store = Store::open_in_memory().unwrap();
        for (n, v) in [(16, 80), (17, 88)] {
            let text = file(n, v);
            crate::import::import_bytes(&mut store, "t.md", text.as_bytes());
        }
        let d = store
            .detail(IssueKey::of(series, 2024, 17))
            .unwrap()
            .unwrap();
        assert_eq!(d.summary.figures.count(ddos), Some(88));
        // comparisons
        let weeks = WeekSeries::build(&store.summaries_of(series).unwrap());
        let c = IssueComparisons::compute(&weeks, d.summary.key, &d.summary.figures);
        let m = c.get(ddos).expect("a headline figure is compared");
        let p = m.previous.unwrap();
        assert_eq!(
            (p.key.number, p.change.map(|v| v.to_string())),
            (16, Some("8".into()))
        );
        // output
        let show = crate::output::show_text(&d, &c, Lang::En);
        assert!(
            show.contains("DDoS attacks    88  +8 (+10.0%) vs test6:2024-16 (80), the week before"),
            "{show}"
        );
        let rows: Vec<IssueRow> = store
            .rows()
            .unwrap()
            .into_iter()
            .filter(|r| r.summary.key.series == series)
            .collect();
        let csv = crate::output::export_csv(&rows, &[series]);
        let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
        let at = header.iter().position(|c| *c == "ddos_attacks").unwrap();
        let first: Vec<&str> = csv.lines().nth(1).unwrap().split(',').collect();
        assert_eq!(first[at], "88");
        let list = crate::output::list_text(&rows, &[series], Lang::En);
        assert!(list.lines().next().unwrap().contains("DDOS"), "{list}");
        assert!(list.contains("test6:2024-17"), "{list}");
        let json = crate::output::list_json(&rows);
        assert!(json.contains("\"ddos_attacks\": 88"), "{json}");
    }
}
