//! A WeChat article's identity (`__biz` + `mid` + `idx`) from its URL.

use crate::model::ArticleId;

/// The identity named by a long-form mp.weixin.qq.com link, whatever its
/// scheme, `sn` / `chksm` / `scene`, fragment or `&amp;` escaping. Short
/// links (`/s/<token>`) and other hosts name none.
pub fn article_id(url: &str) -> Option<ArticleId> {
    let url = url.trim().replace("&amp;", "&");
    let without_fragment = url.split('#').next().unwrap_or("");
    let (address, query) = without_fragment.split_once('?')?;
    let host = address
        .split_once("//")
        .map_or(address, |(_, rest)| rest)
        .split('/')
        .next()
        .unwrap_or("");
    if !host.eq_ignore_ascii_case("mp.weixin.qq.com") {
        return None;
    }
    let (mut biz, mut mid, mut idx) = (None, None, None);
    for pair in query.split('&') {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        // `__biz` values end in `==`, so only the first `=` separates.
        let slot = match name {
            "__biz" => &mut biz,
            "mid" | "appmsgid" => &mut mid,
            "idx" | "itemidx" => &mut idx,
            _ => continue,
        };
        let value = percent_decode(value.trim());
        if slot.is_none() && !value.is_empty() {
            *slot = Some(value);
        }
    }
    Some(ArticleId {
        biz: biz?,
        mid: mid?,
        idx: idx?,
    })
}

/// `%3D%3D` and `==` are the same `__biz`; only ASCII escapes matter here.
fn percent_decode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let hex: String = chars.clone().take(2).collect();
        match u8::from_str_radix(&hex, 16) {
            Ok(byte) if hex.len() == 2 && byte.is_ascii() => {
                out.push(char::from(byte));
                chars.nth(1);
            }
            _ => out.push('%'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(biz: &str, mid: &str, idx: &str) -> Option<ArticleId> {
        Some(ArticleId {
            biz: biz.into(),
            mid: mid.into(),
            idx: idx.into(),
        })
    }

    #[test]
    fn long_link_gives_biz_mid_idx() {
        let url = "https://mp.weixin.qq.com/s?__biz=QUJDRA==&mid=2247400001&idx=1&sn=ff&chksm=aa&scene=58&subscene=0#rd";
        assert_eq!(article_id(url), id("QUJDRA==", "2247400001", "1"));
    }

    #[test]
    fn copies_of_one_link_share_an_identity() {
        let a =
            "http://mp.weixin.qq.com/s?__biz=QUJDRA==&amp;mid=7&amp;idx=2&amp;sn=1#wechat_redirect";
        let b = "https://MP.WEIXIN.QQ.COM/s?sn=2&__biz=QUJDRA%3D%3D&idx=2&mid=7";
        assert_eq!(article_id(a), article_id(b));
        assert_eq!(article_id(a), id("QUJDRA==", "7", "2"));
    }

    #[test]
    fn short_links_and_other_hosts_name_no_article() {
        assert_eq!(
            article_id("https://mp.weixin.qq.com/s/tr38EieqyftubIx2FMWUWw"),
            None
        );
        assert_eq!(
            article_id("https://example.com/s?__biz=A&mid=1&idx=1"),
            None
        );
        assert_eq!(article_id("https://mp.weixin.qq.com/s?__biz=A&mid=1"), None);
        assert_eq!(article_id(""), None);
    }

    #[test]
    fn broken_escapes_are_kept_verbatim() {
        let url = "https://mp.weixin.qq.com/s?__biz=A%&mid=%4&idx=%E4%BD";
        assert_eq!(article_id(url), id("A%", "%4", "%E4%BD"));
    }
}
