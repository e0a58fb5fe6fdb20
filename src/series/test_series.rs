//! A series only the test build knows: 网络安全信息与动态周报's five
//! figures and a sixth (DDoS attacks), declared here and nowhere else, so
//! the tests can show a new figure flowing from the parser through the
//! cache, the comparisons and the output with no other change.

use super::cncert::HANDLING;
use super::{Figure, Series};

pub static SERIES: Series = Series {
    id: "test6",
    zh: "六项测试周报",
    en: "six-figure test bulletin",
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
};
