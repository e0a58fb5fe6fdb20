//! Saved or fetched mp.weixin.qq.com article pages.
//!
//! The DOM gives the title (`#activity-name`), the account (`#js_name`) and
//! the article (`#js_content`); the publish time and the reliable identity
//! only exist in script variables (`var ct`, `var biz` ...), because
//! WeChat's JavaScript fills the visible fields.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use scraper::{Html, Selector};

use super::article::ArticleMeta;
use super::date::{beijing_day, read_day_text};
use super::html::lines_of;
use super::identity::article_id;
use super::text::{collapse_blanks, Line};
use crate::model::{ArticleId, SourceFormat};

/// What a WeChat page says about itself, before any series check.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WechatPage {
    pub title: Option<String>,
    /// The account that posted it (`#js_name`, `var nickname`).
    pub account: Option<String>,
    pub published: Option<NaiveDate>,
    /// The page's own address (`og:url` or `var msg_link`), `&amp;` undone;
    /// the long form naming the article when the page has one.
    pub url: Option<String>,
    /// Every own address the page gives (long and short forms).
    pub own_urls: Vec<String>,
    pub article: Option<ArticleId>,
    /// Set when the page holds no article: WeChat's own message
    /// (链接已过期, 该内容已被发布者删除 ...) or a generic reason.
    pub unavailable: Option<String>,
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("static selector")
}

static CONTENT: LazyLock<Selector> = LazyLock::new(|| selector("#js_content"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("#activity-name, .rich_media_title"));
static ACCOUNT: LazyLock<Selector> = LazyLock::new(|| selector("#js_name"));
static PROFILE_NAME: LazyLock<Selector> = LazyLock::new(|| selector(".profile_nickname"));
static PUBLISH_TIME: LazyLock<Selector> = LazyLock::new(|| selector("#publish_time"));
static OG_TITLE: LazyLock<Selector> = LazyLock::new(|| selector(r#"meta[property="og:title"]"#));
static OG_URL: LazyLock<Selector> = LazyLock::new(|| selector(r#"meta[property="og:url"]"#));
static MESSAGE: LazyLock<Selector> =
    LazyLock::new(|| selector(".weui-msg__title, .weui-msg__desc, .mesg-block, .global_error_msg"));
static PAGE_TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));

/// Whether a parsed page comes from WeChat at all.
pub(crate) fn is_wechat_page(doc: &Html, raw: &str) -> bool {
    doc.select(&CONTENT).next().is_some()
        || doc.select(&TITLE).next().is_some()
        || [
            "mp.weixin.qq.com",
            "res.wx.qq.com",
            "weui-msg",
            "mesg-block",
        ]
        .iter()
        .any(|marker| raw.contains(marker))
}

/// Reads the page's fields and, when it holds an article, its lines.
pub(crate) fn read(doc: &Html, raw: &str) -> (WechatPage, Vec<Line>) {
    let vars = ScriptVars::find(raw);
    let text_of = |sel: &Selector| {
        doc.select(sel)
            .next()
            .map(|e| collapse_blanks(&e.text().collect::<String>()))
            .filter(|t| !t.is_empty())
    };
    let attr_of = |sel: &Selector, attr: &str| {
        doc.select(sel)
            .next()
            .and_then(|e| e.value().attr(attr))
            .map(collapse_blanks)
            .filter(|t| !t.is_empty())
    };
    let content = doc.select(&CONTENT).next();
    let title = text_of(&TITLE)
        .or_else(|| attr_of(&OG_TITLE, "content"))
        .or_else(|| vars.title.clone())
        .or_else(|| content.and_then(|_| text_of(&PAGE_TITLE)));
    let url_candidates: Vec<String> = [attr_of(&OG_URL, "content"), vars.link.clone()]
        .into_iter()
        .flatten()
        .map(|u| unescape_entities(&u))
        .collect();
    let url = url_candidates
        .iter()
        .find(|u| article_id(u).is_some())
        .or_else(|| url_candidates.first())
        .cloned();
    let article = vars
        .article_id()
        .or_else(|| url_candidates.iter().find_map(|u| article_id(u)));
    let published = text_of(&PUBLISH_TIME)
        .and_then(|t| read_day_text(&t))
        .or(vars.published);
    let unavailable = match content {
        Some(_) => None,
        None => Some(
            text_of(&MESSAGE)
                .or_else(|| text_of(&PAGE_TITLE))
                .unwrap_or_else(|| "no #js_content element".to_string()),
        ),
    };
    let page = WechatPage {
        title,
        account: text_of(&ACCOUNT)
            .or_else(|| vars.nickname.clone())
            .or_else(|| text_of(&PROFILE_NAME)),
        published,
        url,
        own_urls: url_candidates,
        article,
        unavailable,
    };
    let lines = content.map(lines_of).unwrap_or_default();
    (page, lines)
}

impl WechatPage {
    pub(crate) fn meta(&self) -> ArticleMeta {
        ArticleMeta {
            format: SourceFormat::WechatHtml,
            title: self.title.clone(),
            source: self.account.clone(),
            url: self.url.clone(),
            published: self.published,
            article: self.article.clone(),
            other_urls: self.own_urls.clone(),
            truncated: false,
        }
    }
}

/// Values of the script variables WeChat renders into every article page.
#[derive(Debug, Default)]
struct ScriptVars {
    biz: Option<String>,
    mid: Option<String>,
    idx: Option<String>,
    published: Option<NaiveDate>,
    nickname: Option<String>,
    link: Option<String>,
    title: Option<String>,
}

static VAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bvar\s+(biz|mid|idx|ct|create_time|publish_time|nickname|msg_link|msg_title)\s*=")
        .expect("static regex")
});
static HTML_DECODED_NICKNAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\bnickname\s*[=:]\s*htmlDecode\(\s*"([^"\n]{1,200})""#).expect("static regex")
});

impl ScriptVars {
    fn find(raw: &str) -> Self {
        let mut vars = ScriptVars::default();
        let mut times: Vec<i64> = Vec::new();
        let mut publish_day = None;
        for caps in VAR.captures_iter(raw) {
            let (Some(name), Some(whole)) = (caps.get(1), caps.get(0)) else {
                continue;
            };
            let Some(value) = raw.get(whole.end()..).and_then(first_string_literal) else {
                continue;
            };
            let value = unescape_entities(&value);
            let slot = match name.as_str() {
                "biz" => &mut vars.biz,
                "mid" => &mut vars.mid,
                "idx" => &mut vars.idx,
                "nickname" => &mut vars.nickname,
                "msg_link" => &mut vars.link,
                "msg_title" => &mut vars.title,
                "ct" | "create_time" => {
                    times.extend(value.trim().parse::<i64>().ok());
                    continue;
                }
                _ => {
                    publish_day = publish_day.or_else(|| read_day_text(&value));
                    continue;
                }
            };
            if slot.is_none() {
                *slot = Some(value);
            }
        }
        if vars.nickname.is_none() {
            vars.nickname = HTML_DECODED_NICKNAME
                .captures(raw)
                .and_then(|c| c.get(1))
                .map(|m| unescape_entities(m.as_str()));
        }
        vars.published = times.into_iter().find_map(beijing_day).or(publish_day);
        vars
    }

    fn article_id(&self) -> Option<ArticleId> {
        Some(ArticleId {
            biz: self.biz.clone()?,
            mid: self.mid.clone()?,
            idx: self.idx.clone()?,
        })
    }
}

/// The first non-empty literal of `"a" || "b" || 'c'` at the start of
/// `code`; `null`, expressions and empty strings give None.
fn first_string_literal(code: &str) -> Option<String> {
    let mut rest = code;
    loop {
        rest = rest.trim_start_matches([' ', '\t']);
        let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let body = rest.get(1..)?;
        let end = body.find([quote, '\n'])?;
        let literal = body.get(..end)?;
        if !literal.trim().is_empty() {
            return Some(literal.trim().to_string());
        }
        rest = body.get(end + 1..)?.trim_start_matches([' ', '\t']);
        rest = rest.strip_prefix("||")?;
    }
}

/// Script strings and attributes carry `&amp;`-style escapes (and JS
/// `\x26`) that the page decodes at run time.
fn unescape_entities(text: &str) -> String {
    if !text.contains('&') && !text.contains('\\') {
        return text.to_string();
    }
    text.replace("\\x26", "&")
        .replace("\\/", "/")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_non_empty_literal_wins() {
        assert_eq!(
            first_string_literal(r#" "" || "QQ==" || """#).as_deref(),
            Some("QQ==")
        );
        assert_eq!(first_string_literal(r#" "7" * 1;"#).as_deref(), Some("7"));
        assert_eq!(first_string_literal(" 'a b'").as_deref(), Some("a b"));
        assert_eq!(first_string_literal(r#" "" || """#), None);
        assert_eq!(first_string_literal(" null;"), None);
        assert_eq!(first_string_literal(" \"unterminated"), None);
    }

    #[test]
    fn script_vars_give_identity_time_and_names() {
        let raw = r#"<script>var biz = "" || "QUJD"; var mid = "2247" || "";
            var idx = "1"; var biz = "OTHER"; var ct = "1714790400";
            var nickname = "账号"; var msg_link = "http://mp.weixin.qq.com/s?__biz=QUJD&amp;mid=2247&amp;idx=1";
            var msg_title = '标题'.html(false);</script>"#;
        let vars = ScriptVars::find(raw);
        let id = vars.article_id().unwrap();
        assert_eq!(
            (id.biz.as_str(), id.mid.as_str(), id.idx.as_str()),
            ("QUJD", "2247", "1")
        );
        assert_eq!(vars.published, NaiveDate::from_ymd_opt(2024, 5, 4));
        assert_eq!(vars.nickname.as_deref(), Some("账号"));
        assert_eq!(vars.title.as_deref(), Some("标题"));
        assert!(vars.link.unwrap().contains("&mid=2247&idx=1"));
    }

    #[test]
    fn legacy_publish_time_is_read() {
        let vars = ScriptVars::find(r#"var publish_time = "2017-07-31" || "";"#);
        assert_eq!(vars.published, NaiveDate::from_ymd_opt(2017, 7, 31));
    }

    #[test]
    fn a_time_no_bulletin_can_carry_gives_way_to_the_next() {
        let vars = ScriptVars::find(
            r#"var ct = "8210266876799"; var create_time = "-5" * 1; var publish_time = "2017-07-31";"#,
        );
        assert_eq!(vars.published, NaiveDate::from_ymd_opt(2017, 7, 31));
    }

    #[test]
    fn html_decoded_nickname_is_read() {
        let vars = ScriptVars::find(r#"window.a = { nickname = htmlDecode("某账号") }"#);
        assert_eq!(vars.nickname.as_deref(), Some("某账号"));
    }
}
