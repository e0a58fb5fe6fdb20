//! The parser's reasons ([`crate::parse::ParseError`]) in both languages
//! side by side: why a file is not a bulletin, or cannot be read at all.

use std::borrow::Cow;

use super::{Cache, Lang};
use crate::model::IssueKey;
use crate::model::{Skip, Unreadable};

pub(super) fn skip_text(skip: &Skip, lang: Lang) -> String {
    use Lang::{En, Zh};
    let (first_number, last_number) = (IssueKey::NUMBERS.start(), IssueKey::NUMBERS.end());
    let (first_year, last_year) = (IssueKey::YEARS.start(), IssueKey::YEARS.end());
    match (skip, lang) {
        (Skip::NoTitle, Zh) => "没有标题：不是一篇文章".into(),
        (Skip::NoTitle, En) => "no title found: not an article".into(),
        (Skip::NotSeries { title, by }, Zh) => {
            let by = by
                .as_ref()
                .map_or(String::new(), |b| format!("（发布者：{b}）"));
            format!("文章“{title}”{by}不是本系列的一期")
        }
        (Skip::NotSeries { title, by }, En) => {
            let by = by.as_ref().map_or(String::new(), |b| format!(" by {b}"));
            format!("article '{title}'{by} is not an issue of the series")
        }
        (Skip::Unnumbered { title }, Zh) => format!("标题“{title}”没有期号（没有“年第N期”）"),
        (Skip::Unnumbered { title }, En) => {
            format!("title '{title}' names no issue number (no 年第N期)")
        }
        (Skip::BadNumber(n), Zh) => {
            format!("期号 {n} 无效（应为 {first_number} 到 {last_number}）")
        }
        (Skip::BadNumber(n), En) => {
            format!("issue number {n} is not valid (expected {first_number} to {last_number})")
        }
        (Skip::BadYear(y), Zh) => format!("年份 {y:04} 无效（应为 {first_year} 到 {last_year}）"),
        (Skip::BadYear(y), En) => {
            format!("year {y:04} is not valid (expected {first_year} to {last_year})")
        }
        (Skip::NotWechat, Zh) => {
            "HTML 页面不是微信文章（没有 #js_content 或 #activity-name）".into()
        }
        (Skip::NotWechat, En) => {
            "HTML page is not a WeChat article (no #js_content or #activity-name)".into()
        }
        (Skip::NoArticle { message }, Zh) => {
            format!("微信页面里没有文章（已过期或已删除）：“{message}”")
        }
        (Skip::NoArticle { message }, En) => {
            format!("WeChat page holds no article (expired or deleted): '{message}'")
        }
    }
}

pub(super) fn unreadable_text(why: &Unreadable, lang: Lang) -> Cow<'static, str> {
    use Lang::{En, Zh};
    const NOT_A_PAGE_ZH: &str = "不是本工具能读的页面";
    const NOT_A_PAGE_EN: &str = "not a page this tool reads";
    match (why, lang) {
        (Unreadable::Empty, Zh) => "空文件（0 字节）".into(),
        (Unreadable::Empty, En) => "empty file (0 bytes)".into(),
        (Unreadable::TooLarge { bytes }, lang) => Cache::TooLarge {
            bytes: *bytes as u64,
        }
        .text(lang),
        (Unreadable::Binary, Zh) => "二进制数据，不是文本文件".into(),
        (Unreadable::Binary, En) => "binary data, not a text file".into(),
        (Unreadable::MostlyInvalid, Zh) => {
            "二进制数据，不是文本文件（大部分不是有效的 UTF-8）".into()
        }
        (Unreadable::MostlyInvalid, En) => {
            "binary data, not a text file (mostly invalid UTF-8)".into()
        }
        (Unreadable::UnclosedFrontMatter, Zh) => {
            "以 '---' 开头的前置元数据没有结束（文件被截断了？）".into()
        }
        (Unreadable::UnclosedFrontMatter, En) => {
            "front matter opened with '---' is never closed (truncated file?)".into()
        }
        (Unreadable::TooDeep { depth, limit }, Zh) => {
            format!("HTML 元素嵌套至少 {depth} 层（上限 {limit}）：{NOT_A_PAGE_ZH}").into()
        }
        (Unreadable::TooDeep { depth, limit }, En) => format!(
            "HTML nests elements at least {depth} deep (limit {limit}): {NOT_A_PAGE_EN}"
        )
        .into(),
        (Unreadable::TooCostly { percent }, Zh) => format!(
            "HTML 标记构建成页面的代价太大（在 {percent}% 处停止；标签嵌套过深或错乱）：{NOT_A_PAGE_ZH}"
        )
        .into(),
        (Unreadable::TooCostly { percent }, En) => format!(
            "HTML markup is too costly to build into a page (stopped at {percent}% of it; \
             deep or misnested tags): {NOT_A_PAGE_EN}"
        )
        .into(),
        (Unreadable::TooManyAttributes { most }, Zh) => format!(
            "HTML 标签的属性太多（一个标签多达 {most} 个）：{NOT_A_PAGE_ZH}"
        )
        .into(),
        (Unreadable::TooManyAttributes { most }, En) => format!(
            "HTML tags carry far too many attributes (up to {most} in one tag): {NOT_A_PAGE_EN}"
        )
        .into(),
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{ParseError, Skip};

    #[test]
    fn english_texts_are_the_ones_the_tests_and_logs_know() {
        let skip = ParseError::NotBulletin(Skip::NotSeries {
            title: "科技周刊#1".into(),
            by: Some("account".into()),
        });
        assert_eq!(
            skip.to_string(),
            "not a bulletin of the series: article '科技周刊#1' by account is not an issue of the series"
        );
        assert_eq!(
            Skip::BadNumber("0".into()).to_string(),
            "issue number 0 is not valid (expected 1 to 60)"
        );
    }
}
