//! Which of the URLs the cache knows for an issue a fetch asks for: the
//! CNCERT original before a repost, since only the original carries the
//! whole bulletin (a repost is often a title and a link).

use super::web_url;
use crate::model::IssueDetail;

/// What the original account's name holds (`国家互联网应急中心CNCERT`).
const ORIGINAL_ACCOUNT: &str = "CNCERT";

/// The best URL to fetch `detail` from, or None when none is a web URL:
/// a copy from CNCERT's own account first, then a link from a 近期回顾
/// line (which CNCERT's bulletins write to their own articles), then any
/// WeChat article, then anything else; the issue's own URL first among
/// equals, then the aliases in the cache's order.
pub fn url_for_issue(detail: &IssueDetail) -> Option<String> {
    let own = detail
        .url
        .iter()
        .map(|u| (u.as_str(), detail.source.as_deref()));
    let aliases = detail
        .aliases
        .iter()
        .filter_map(|a| a.url.as_deref().map(|u| (u, a.source.as_deref())));
    own.chain(aliases)
        .filter(|(u, _)| web_url(u).is_ok())
        .min_by_key(|&(u, source)| rank(u, source))
        .map(|(u, _)| u.to_string())
}

fn rank(url: &str, source: Option<&str>) -> u8 {
    let wechat = web_url(url).is_ok_and(|u| u.host_str() == Some(super::http::WECHAT_HOST));
    match source {
        Some(s) if s.contains(ORIGINAL_ACCOUNT) => 0,
        None => 1,
        Some(_) if wechat => 2,
        Some(_) => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Alias, IssueKey, IssueSummary};

    fn detail(
        url: Option<&str>,
        source: Option<&str>,
        aliases: &[(&str, Option<&str>)],
    ) -> IssueDetail {
        IssueDetail {
            summary: IssueSummary {
                key: IssueKey::new(2025, 30),
                last_number: None,
                title: None,
                period: None,
                published: None,
                assessment: None,
                figures: Default::default(),
                cached: false,
                read: false,
                flagged: false,
                note: None,
            },
            source: source.map(str::to_string),
            url: url.map(str::to_string),
            body: Vec::new(),
            images: Vec::new(),
            recent: Vec::new(),
            aliases: aliases
                .iter()
                .map(|(u, s)| Alias {
                    url: Some(u.to_string()),
                    source: s.map(str::to_string),
                })
                .collect(),
            truncated: false,
            conflicts: Vec::new(),
        }
    }

    const REPOST: &str = "https://mp.weixin.qq.com/s?__biz=Mzg2&mid=2247524477&idx=4";
    const ORIGINAL: &str = "https://mp.weixin.qq.com/s?__biz=MzIw&mid=2247500190&idx=1";
    const LINKED: &str = "http://mp.weixin.qq.com/s?__biz=MzIw&mid=2247500190&idx=1";

    #[test]
    fn the_cncert_original_wins_over_reposts_and_links() {
        let d = detail(
            Some(REPOST),
            Some("深信服千里目安全技术中心"),
            &[
                (REPOST, Some("Doonsec's feed")),
                (LINKED, None),
                (ORIGINAL, Some("国家互联网应急中心CNCERT")),
            ],
        );
        assert_eq!(url_for_issue(&d).as_deref(), Some(ORIGINAL));
    }

    #[test]
    fn a_linked_url_wins_over_a_repost_and_a_repost_over_nothing() {
        let d = detail(Some(REPOST), Some("Doonsec's feed"), &[(LINKED, None)]);
        assert_eq!(url_for_issue(&d).as_deref(), Some(LINKED));
        let d = detail(Some(REPOST), Some("Doonsec's feed"), &[]);
        assert_eq!(url_for_issue(&d).as_deref(), Some(REPOST));
        let d = detail(Some("/saved/page.html"), Some("Doonsec's feed"), &[]);
        assert_eq!(url_for_issue(&d), None, "not a web URL");
    }
}
