//! Which proxy a request goes through: `https_proxy` / `HTTPS_PROXY` for
//! https, `http_proxy` / `HTTP_PROXY` for http, else `all_proxy` /
//! `ALL_PROXY`; none for a host `no_proxy` / `NO_PROXY` names, and never
//! for the loopback machine.
//!
//! Decided here rather than by ureq's `Proxy::try_from_env`, which takes
//! one proxy for both schemes (`ALL_PROXY` first), matches `NO_PROXY`
//! entries untrimmed and without ports or address ranges, and would route
//! 127.0.0.1 through a proxy named in the environment.

use std::net::IpAddr;

/// The proxy URL for `url`'s scheme and host, or None for a direct
/// connection. `env` reads a variable, so tests need not touch the
/// process environment.
pub fn proxy_for(url: &url::Url, env: impl Fn(&str) -> Option<String>) -> Option<String> {
    proxy_setting(url, env).map(|(_, value)| value)
}

/// [`proxy_for`] with the name of the variable the proxy came from, for
/// a message that tells the user what to change.
pub fn proxy_setting(
    url: &url::Url,
    env: impl Fn(&str) -> Option<String>,
) -> Option<(&'static str, String)> {
    let set = |name: &str| env(name).filter(|v| !v.trim().is_empty());
    let host = url.host_str()?;
    if is_loopback(host) {
        return None;
    }
    let no_proxy = set("no_proxy").or_else(|| set("NO_PROXY"));
    if no_proxy.is_some_and(|list| bypasses(&list, host)) {
        return None;
    }
    let scheme_vars: &[&str] = match url.scheme() {
        "https" => &["https_proxy", "HTTPS_PROXY"],
        _ => &["http_proxy", "HTTP_PROXY"],
    };
    scheme_vars
        .iter()
        .chain(&["all_proxy", "ALL_PROXY"])
        .find_map(|&name| set(name).map(|v| (name, v.trim().to_string())))
}

/// `localhost`, `*.localhost`, 127.0.0.0/8 and ::1 (brackets allowed).
fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let lower = host.to_ascii_lowercase();
    lower == "localhost"
        || lower.ends_with(".localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Whether a `NO_PROXY` list names `host`: `*` names every host; a name
/// (with or without a leading `.` or `*.`) names itself and its
/// subdomains; an address names itself; `a.b.c.d/n` names a range. Ports
/// on entries are ignored; entries are separated by commas or spaces.
fn bypasses(list: &str, host: &str) -> bool {
    let host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_ascii_lowercase();
    let ip = host.parse::<IpAddr>().ok();
    list.split([',', ' ', '\t'])
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .any(|entry| {
            if entry == "*" {
                return true;
            }
            if let Some((net, bits)) = entry.split_once('/') {
                return match (ip, net.parse::<IpAddr>(), bits.parse::<u32>()) {
                    (Some(ip), Ok(net), Ok(bits)) => in_range(ip, net, bits),
                    _ => false,
                };
            }
            let name = strip_port(entry)
                .trim_start_matches("*.")
                .trim_start_matches('.')
                .trim_start_matches('[')
                .trim_end_matches(']')
                .to_ascii_lowercase();
            if let (Some(ip), Ok(entry_ip)) = (ip, name.parse::<IpAddr>()) {
                return ip == entry_ip;
            }
            !name.is_empty()
                && (host == name
                    || host
                        .strip_suffix(name.as_str())
                        .is_some_and(|rest| rest.ends_with('.')))
        })
}

/// `example.com:8080` → `example.com`; an IPv6 address keeps its colons.
fn strip_port(entry: &str) -> &str {
    if let Some(rest) = entry.strip_prefix('[') {
        return rest.split(']').next().unwrap_or(rest);
    }
    match entry.rsplit_once(':') {
        Some((name, port)) if !name.contains(':') && port.parse::<u16>().is_ok() => name,
        _ => entry,
    }
}

fn in_range(ip: IpAddr, net: IpAddr, bits: u32) -> bool {
    match (ip, net) {
        (IpAddr::V4(ip), IpAddr::V4(net)) if bits <= 32 => {
            let mask = u32::MAX.checked_shl(32 - bits).unwrap_or(0);
            u32::from(ip) & mask == u32::from(net) & mask
        }
        (IpAddr::V6(ip), IpAddr::V6(net)) if bits <= 128 => {
            let mask = u128::MAX.checked_shl(128 - bits).unwrap_or(0);
            u128::from(ip) & mask == u128::from(net) & mask
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    fn proxy(url: &str, vars: &[(&str, &str)]) -> Option<String> {
        proxy_for(&url::Url::parse(url).unwrap(), env(vars))
    }

    #[test]
    fn each_scheme_takes_its_own_variable_then_all_proxy() {
        let vars = [
            ("HTTPS_PROXY", "http://secure.proxy:3128"),
            ("HTTP_PROXY", "http://plain.proxy:3128"),
            ("ALL_PROXY", "socks5://all.proxy"),
        ];
        assert_eq!(
            proxy("https://mp.weixin.qq.com/s", &vars).as_deref(),
            Some("http://secure.proxy:3128")
        );
        assert_eq!(
            proxy("http://mp.weixin.qq.com/s", &vars).as_deref(),
            Some("http://plain.proxy:3128")
        );
        assert_eq!(
            proxy("https://example.org/", &[("ALL_PROXY", "http://all:1")]).as_deref(),
            Some("http://all:1")
        );
        assert_eq!(proxy("https://example.org/", &[]), None);
    }

    #[test]
    fn lower_case_wins_and_empty_values_count_as_unset() {
        let vars = [
            ("https_proxy", "http://lower:1"),
            ("HTTPS_PROXY", "http://upper:1"),
        ];
        assert_eq!(
            proxy("https://a.example/", &vars).as_deref(),
            Some("http://lower:1")
        );
        let vars = [("https_proxy", " "), ("HTTPS_PROXY", "http://upper:1")];
        assert_eq!(
            proxy("https://a.example/", &vars).as_deref(),
            Some("http://upper:1")
        );
    }

    #[test]
    fn no_proxy_names_hosts_their_subdomains_addresses_and_ranges() {
        let vars = |list: &'static str| {
            vec![
                ("HTTPS_PROXY", "http://p:1"),
                ("HTTP_PROXY", "http://p:1"),
                ("NO_PROXY", list),
            ]
        };
        let direct = |url: &str, list: &'static str| proxy(url, &vars(list)).is_none();
        assert!(direct("https://qq.com/", "qq.com"));
        assert!(direct("https://mp.weixin.qq.com/", "example.org, .qq.com"));
        assert!(direct("https://mp.weixin.qq.com/", "*.qq.com"));
        assert!(direct("https://mp.weixin.qq.com:443/", "qq.com:443"));
        assert!(direct("http://10.1.2.3/", "10.0.0.0/8"));
        assert!(direct("http://192.168.1.9/", "192.168.1.9"));
        assert!(direct("http://[fd00::1]/", "fd00::/8"));
        assert!(direct("https://anything.example/", "*"));
        assert!(!direct("https://notqq.com/", "qq.com"));
        assert!(!direct("https://qq.com.evil.example/", "qq.com"));
        assert!(!direct("http://11.0.0.1/", "10.0.0.0/8"));
        assert!(!direct("https://mp.weixin.qq.com/", ""));
    }

    #[test]
    fn the_loopback_machine_is_never_proxied() {
        let vars = [("HTTP_PROXY", "http://p:1"), ("ALL_PROXY", "http://p:1")];
        for url in [
            "http://127.0.0.1:8080/",
            "http://127.5.6.7/",
            "http://localhost/",
            "http://[::1]:9/",
        ] {
            assert_eq!(proxy(url, &vars), None, "{url}");
        }
    }
}
