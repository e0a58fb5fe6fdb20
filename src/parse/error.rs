//! The parser's reasons in words: why a file is not a bulletin of the
//! series ([`Skip`]), why it cannot be read at all ([`Unreadable`]), both as
//! a [`ParseError`], and why a typed issue key is not one
//! ([`BadIssueKey`]). The types are plain data in `model`, which words
//! nothing; their words and English `Display` live here.

use std::borrow::Cow;

use crate::i18n::{english_display, Cache, Lang, Localized};
use crate::model::{BadIssueKey, IssueKey, ParseError, Skip, Unreadable};

english_display!(ParseError, Skip, Unreadable, BadIssueKey);

impl Localized for ParseError {
    fn text(&self, lang: Lang) -> Cow<'static, str> {
        match (self, lang) {
            (ParseError::NotBulletin(skip), Lang::Zh) => {
                format!("不是本系列的周报：{}", skip.text(Lang::Zh)).into()
            }
            (ParseError::NotBulletin(skip), Lang::En) => {
                format!("not a bulletin of the series: {}", skip.text(Lang::En)).into()
            }
            (ParseError::Unreadable(why), lang) => why.text(lang),
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<ParseError> {
        Skip::samples()
            .into_iter()
            .map(ParseError::NotBulletin)
            .chain(
                Unreadable::samples()
                    .into_iter()
                    .map(ParseError::Unreadable),
            )
            .collect()
    }
}

/// The reason alone, without "not a bulletin of the series".
impl Localized for Skip {
    fn text(&self, lang: Lang) -> Cow<'static, str> {
        use Lang::{En, Zh};
        let skip = self;
        let (first_number, last_number) = (IssueKey::NUMBERS.start(), IssueKey::NUMBERS.end());
        let (first_year, last_year) = (IssueKey::YEARS.start(), IssueKey::YEARS.end());
        let text = match (skip, lang) {
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
            (Skip::BadYear(y), Zh) => {
                format!("年份 {y:04} 无效（应为 {first_year} 到 {last_year}）")
            }
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
        };
        text.into()
    }

    #[cfg(test)]
    fn samples() -> Vec<Skip> {
        vec![
            Skip::NoTitle,
            Skip::NotSeries {
                title: "科技周刊".into(),
                by: Some("某号".into()),
            },
            Skip::NotSeries {
                title: "科技周刊".into(),
                by: None,
            },
            Skip::Unnumbered {
                title: "网络安全信息与动态周报".into(),
            },
            Skip::BadNumber("0".into()),
            Skip::BadYear(999),
            Skip::NotWechat,
            Skip::NoArticle {
                message: "已删除".into(),
            },
        ]
    }
}

impl Localized for Unreadable {
    fn text(&self, lang: Lang) -> Cow<'static, str> {
        use Lang::{En, Zh};
        let why = self;
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
    fn samples() -> Vec<Unreadable> {
        vec![
            Unreadable::Empty,
            Unreadable::TooLarge { bytes: 20_000_000 },
            Unreadable::Binary,
            Unreadable::MostlyInvalid,
            Unreadable::UnclosedFrontMatter,
            Unreadable::TooDeep {
                depth: 300,
                limit: 256,
            },
            Unreadable::TooCostly { percent: 25 },
            Unreadable::TooManyAttributes { most: 9000 },
        ]
    }
}

/// What clap says of a bad `YEAR-NUMBER` argument (in English, like all
/// of clap's words), and what a status line would.
impl Localized for BadIssueKey {
    fn text(&self, lang: Lang) -> Cow<'static, str> {
        let (first, last) = (IssueKey::YEARS.start(), IssueKey::YEARS.end());
        let (low, high) = (IssueKey::NUMBERS.start(), IssueKey::NUMBERS.end());
        let typed = &self.0;
        match lang {
            Lang::Zh => format!(
                "不是期号：{typed:?}（应为 [系列:]年-期，如 2024-17 或 cnvd:2024-17，年份 {first} 到 {last}，期号 {low} 到 {high}）"
            )
            .into(),
            Lang::En => format!(
                "not an issue key: {typed:?} (expected [SERIES:]YEAR-NUMBER, e.g. 2024-17 or \
                 cnvd:2024-17, with a year from {first} to {last} and a number from {low} to {high})"
            )
            .into(),
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<BadIssueKey> {
        vec![BadIssueKey("2024x".into())]
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{BadIssueKey, ParseError, Skip};

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

    #[test]
    fn a_bad_issue_key_names_what_was_typed_and_the_ranges() {
        assert_eq!(
            BadIssueKey("2024x".into()).to_string(),
            "not an issue key: \"2024x\" (expected [SERIES:]YEAR-NUMBER, e.g. 2024-17 or \
             cnvd:2024-17, with a year from 1000 to 5000 and a number from 1 to 60)"
        );
    }
}
