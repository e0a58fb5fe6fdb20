//! The format-neutral article text every reader produces: one [`Line`] per
//! paragraph with its images and links, and the page chrome to ignore.

/// One paragraph of an article as the reader saw it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Line {
    /// Visible text, blanks collapsed, markup removed.
    pub text: String,
    /// Image addresses in the paragraph, in order.
    pub images: Vec<String>,
    /// Links in the paragraph, in order.
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Link {
    pub text: String,
    pub url: String,
}

impl Line {
    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && self.images.is_empty() && self.links.is_empty()
    }
}

/// Lines of WeChat's page furniture, share cards and anti-bot wall, as
/// archived next to (or instead of) the article.
const CHROME_LINES: &[&str] = &[
    "预览时标签不可点",
    "微信扫一扫",
    "关注该公众号",
    "继续滑动看下一个",
    "轻触阅读原文",
    "向上滑动看下一个",
    "知道了",
    "使用小程序",
    "取消",
    "允许",
    "分析",
    "微信扫一扫可打开此内容，",
    "微信扫一扫可打开此内容",
    "使用完整服务",
    "视频",
    "小程序",
    "赞",
    "，轻点两下取消赞",
    "在看",
    "，轻点两下取消在看",
    "分享",
    "留言",
    "收藏",
    "听过",
    "原创",
    "阅读全文",
    "阅读原文",
    "修改于",
    "写留言",
    "环境异常",
    "当前环境异常，完成验证后即可继续访问。",
    "去验证",
    "跳转二维码",
    "作者头像",
];

/// The first line of the trailing page furniture: nothing after it is article.
pub(crate) const CHROME_START: &str = "预览时标签不可点";

/// Page furniture, a lone punctuation mark, or a date stamp like 修改于….
pub(crate) fn is_chrome(text: &str) -> bool {
    let text = text.trim();
    CHROME_LINES.contains(&text)
        || text.starts_with("修改于")
        || (!text.is_empty() && text.chars().all(is_punctuation_or_blank))
}

fn is_punctuation_or_blank(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(
            c,
            '，' | '。'
                | '：'
                | '；'
                | '、'
                | '！'
                | '？'
                | '×'
                | '·'
                | '…'
                | '—'
                | '「'
                | '」'
                | '《'
                | '》'
                | '（'
                | '）'
                | '“'
                | '”'
                | '‘'
                | '’'
        )
}

/// Collapses every run of blanks (including no-break and ideographic
/// spaces) into one space and trims the ends.
pub(crate) fn collapse_blanks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}') {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Whether `url` is a web address (http or https), the only kind a reader
/// can follow or open: `javascript:`, `data:`, `file:` and relative
/// paths are not kept as links, images or the copy's own address.
pub(crate) fn is_web_url(url: &str) -> bool {
    let url = url.trim();
    ["http://", "https://"].iter().any(|scheme| {
        url.get(..scheme.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(scheme))
    })
}

/// Full-width digits (and the full-width point) as ASCII: hand-typed
/// titles and figures use them, the patterns are written in ASCII.
pub(crate) fn ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            c => c,
        })
        .collect()
}

/// The text shortened for a one-line message, by characters not bytes.
pub(crate) fn excerpt(text: &str, max_chars: usize) -> String {
    let one_line = crate::sanitize::line(&collapse_blanks(text));
    if one_line.chars().count() <= max_chars {
        one_line
    } else {
        let head: String = one_line.chars().take(max_chars).collect();
        format!("{head}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_and_lone_punctuation_are_chrome() {
        for line in [
            "预览时标签不可点",
            " 赞 ",
            "：",
            "，",
            "。",
            "修改于2024年5月4日",
            "×",
        ] {
            assert!(is_chrome(line), "{line}");
        }
        for line in ["本周事件处理情况", "CNCERT", "近期回顾"] {
            assert!(!is_chrome(line), "{line}");
        }
    }

    #[test]
    fn blanks_collapse_to_single_spaces() {
        assert_eq!(
            collapse_blanks("\n  周报\u{a0}\u{3000} 第17期\t"),
            "周报 第17期"
        );
    }

    #[test]
    fn only_http_and_https_are_web_addresses() {
        for url in ["http://a", " HTTPS://mp.weixin.qq.com/s?x", "https://"] {
            assert!(is_web_url(url), "{url}");
        }
        for url in [
            "javascript:alert(1)",
            "data:x",
            "file:///etc",
            "//a/b",
            "a.md",
            "httpx://a",
            "周报",
        ] {
            assert!(!is_web_url(url), "{url}");
        }
    }

    #[test]
    fn excerpts_cut_by_characters_and_stay_on_one_line() {
        assert_eq!(excerpt("网络\n安全\x1b[31m信息", 4), "网络 安…");
        assert_eq!(excerpt("短", 4), "短");
    }
}
