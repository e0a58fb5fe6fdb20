//! Whose copy a claim is: the series' publisher's own article (its
//! `__biz`, see `series::Publisher`), or anyone else's (a repost, a page
//! from another host). Worked out from what the cache keeps of every
//! claim (its article identity and the address or path its file came
//! from), so it is never stored and a change of the rule needs no
//! migration, only a re-merge.

use crate::model::SeriesId;

/// Whether a claim of `series` naming the article `biz` (its `__biz`),
/// from the file stored under `label` (a path, or the address a page or
/// feed item was read from), is the publisher's own.
///
/// A page read from a host other than mp.weixin.qq.com is nobody's
/// article but that host's, whatever `__biz` its text claims; a file
/// (imported from disk) is what its text says, as the user chose it. A
/// feed item is stored under its link, so one linking to the publisher's
/// article counts as the publisher's.
pub fn is_publisher(series: SeriesId, biz: Option<&str>, label: Option<&str>) -> bool {
    let Some(biz) = biz else { return false };
    if label.is_some_and(read_from_elsewhere) {
        return false;
    }
    series.decl().publisher.biz.contains(&biz)
}

/// An http(s) address whose host is not WeChat's article host.
pub(super) fn read_from_elsewhere(label: &str) -> bool {
    let lower = label.trim_start().to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let host = host_port.split(':').next().unwrap_or("");
    host != "mp.weixin.qq.com"
}

#[cfg(test)]
mod tests {
    use super::*;

    const CNCERT_BIZ: &str = "MzIwNDk0MDgxMw==";
    const CNVD_BIZ: &str = "MzU3ODM2NTg2Mg==";

    #[test]
    fn each_series_has_its_own_publisher() {
        assert!(is_publisher(SeriesId::CNCERT, Some(CNCERT_BIZ), None));
        assert!(!is_publisher(SeriesId::CNCERT, Some(CNVD_BIZ), None));
        // CNCERT reposts CNVD's report: the repost is not the original.
        assert!(is_publisher(SeriesId::CNVD, Some(CNVD_BIZ), None));
        assert!(!is_publisher(SeriesId::CNVD, Some(CNCERT_BIZ), None));
        assert!(!is_publisher(SeriesId::CNCERT, None, None));
    }

    #[test]
    fn a_page_read_from_another_host_is_not_the_publishers_whatever_it_says() {
        let files = ["corpus/2024-17.md", "/tmp/x.html", "item1"];
        for label in files {
            assert!(is_publisher(
                SeriesId::CNCERT,
                Some(CNCERT_BIZ),
                Some(label)
            ));
        }
        let wechat = [
            "https://mp.weixin.qq.com/s?__biz=MzIwNDk0MDgxMw==&mid=1&idx=1",
            "HTTP://MP.WEIXIN.QQ.COM:443/s/abc",
        ];
        for label in wechat {
            assert!(is_publisher(
                SeriesId::CNCERT,
                Some(CNCERT_BIZ),
                Some(label)
            ));
        }
        let elsewhere = [
            "http://127.0.0.1:8080/s?__biz=MzIwNDk0MDgxMw==",
            "https://mp.weixin.qq.com.evil.example/s",
            "https://evil.example/mp.weixin.qq.com/",
            "https://mp.weixin.qq.com@evil.example/s",
        ];
        for label in elsewhere {
            assert!(
                !is_publisher(SeriesId::CNCERT, Some(CNCERT_BIZ), Some(label)),
                "{label}"
            );
        }
    }
}
