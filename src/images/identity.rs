//! An image address's identity: what two copies of one bulletin share when
//! they show the same picture. Copies of a WeChat article name its charts
//! with different query parameters (`from=appmsg`, `tp=webp`, `wxfrom=5`,
//! `wx_lazy=1`), over http or https, and at a width (`/640`) or at full
//! size (`/0`); the picture is the host, the path up to that width, and
//! `wx_fmt` (the format the CDN serves).

/// Hosts of WeChat's image CDN (`mmbiz.qpic.cn`, `mmbiz.qlogo.cn` …), whose
/// query and width segment vary between copies.
fn is_wechat_cdn(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    ["qpic.cn", "qlogo.cn"]
        .iter()
        .any(|cdn| host == *cdn || host.ends_with(&format!(".{cdn}")))
}

/// The identity of an http(s) image address, or None for anything else
/// (a relative path, `data:`, `file:`), which is never fetched.
///
/// On WeChat's CDN: host, path without its trailing width segment, and
/// `wx_fmt` (`mmbiz.qpic.cn/sz_mmbiz_png/ID?wx_fmt=png`). Elsewhere the
/// whole address but its scheme and fragment: another server's query may
/// well choose the picture.
pub fn image_identity(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return None;
    }
    let host = parsed.host_str()?.to_ascii_lowercase();
    let mut id = host.clone();
    if let Some(port) = parsed.port() {
        id.push_str(&format!(":{port}"));
    }
    if is_wechat_cdn(&host) {
        let path = parsed.path().trim_end_matches('/');
        let path = match path.rsplit_once('/') {
            Some((rest, last))
                if !rest.is_empty()
                    && !last.is_empty()
                    && last.bytes().all(|b| b.is_ascii_digit()) =>
            {
                rest
            }
            _ => path,
        };
        id.push_str(path);
        let format = parsed
            .query_pairs()
            .find(|(k, _)| k == "wx_fmt")
            .map(|(_, v)| v.to_ascii_lowercase());
        if let Some(format) = format.filter(|f| !f.is_empty()) {
            id.push_str("?wx_fmt=");
            id.push_str(&format);
        }
    } else {
        id.push_str(parsed.path());
        if let Some(query) = parsed.query().filter(|q| !q.is_empty()) {
            id.push('?');
            id.push_str(query);
        }
    }
    Some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHART: &str =
        "https://mmbiz.qpic.cn/sz_mmbiz_png/1HvTteAHz66LjvsZ/640?wx_fmt=png&from=appmsg";

    #[test]
    fn copies_of_one_wechat_chart_share_an_identity() {
        let id = image_identity(CHART).unwrap();
        assert_eq!(id, "mmbiz.qpic.cn/sz_mmbiz_png/1HvTteAHz66LjvsZ?wx_fmt=png");
        for copy in [
            "http://mmbiz.qpic.cn/sz_mmbiz_png/1HvTteAHz66LjvsZ/640?wx_fmt=png",
            "https://mmbiz.qpic.cn/sz_mmbiz_png/1HvTteAHz66LjvsZ/0?wx_fmt=png&tp=webp&wxfrom=5&wx_lazy=1",
            "https://MMBIZ.qpic.cn/sz_mmbiz_png/1HvTteAHz66LjvsZ/640?from=appmsg&wx_fmt=PNG#imgIndex=2",
            " https://mmbiz.qpic.cn/sz_mmbiz_png/1HvTteAHz66LjvsZ/640?wx_fmt=png ",
        ] {
            assert_eq!(image_identity(copy).as_deref(), Some(id.as_str()), "{copy}");
        }
    }

    #[test]
    fn another_picture_or_format_is_another_identity() {
        let id = image_identity(CHART).unwrap();
        for other in [
            "https://mmbiz.qpic.cn/sz_mmbiz_png/1HvTteAHz66LjvsX/640?wx_fmt=png",
            "https://mmbiz.qpic.cn/sz_mmbiz_png/1HvTteAHz66LjvsZ/640?wx_fmt=jpeg",
            "https://mmbiz.qpic.cn/sz_mmbiz_jpg/1HvTteAHz66LjvsZ/640?wx_fmt=png",
        ] {
            assert_ne!(image_identity(other).unwrap(), id, "{other}");
        }
    }

    #[test]
    fn other_servers_keep_their_query_and_port_but_not_scheme_or_fragment() {
        assert_eq!(
            image_identity("http://127.0.0.1:8080/img/a.png?size=2#x").unwrap(),
            "127.0.0.1:8080/img/a.png?size=2"
        );
        assert_eq!(
            image_identity("https://127.0.0.1:8080/img/a.png?size=2").unwrap(),
            "127.0.0.1:8080/img/a.png?size=2"
        );
        assert_ne!(
            image_identity("http://example.org/chart?id=1"),
            image_identity("http://example.org/chart?id=2")
        );
        // A numeric last segment elsewhere is part of the address.
        assert_eq!(
            image_identity("http://example.org/charts/640").unwrap(),
            "example.org/charts/640"
        );
    }

    #[test]
    fn only_http_and_https_addresses_have_an_identity() {
        for bad in [
            "",
            "chart.png",
            "/img/1.png",
            "data:image/png;base64,iVBORw0KGgo=",
            "file:///etc/passwd",
            "javascript:alert(1)",
        ] {
            assert_eq!(image_identity(bad), None, "{bad}");
        }
    }
}
