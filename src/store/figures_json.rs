//! How the cache keeps a claim's or an issue's figures: one JSON object
//! from figure id to number (`{"events_handled":381,"avg_score":6.18}`),
//! the numbers written exactly as the values print, so SQLite's JSON
//! functions read them (`json_extract(figures, '$.avg_score')`) and this
//! build reads them back digit for digit. One column rather than one per
//! figure, so a series gains figures without a migration. Written and
//! read by hand: the objects are flat and this is on the import's and the
//! list's hot path, where serde_json's `Value` would allocate per entry.

use std::borrow::Cow;

use crate::model::{Figures, SeriesId, Value};

/// The object for `figures`, in declaration order; `{}` when none is known.
pub fn encode(figures: &Figures) -> String {
    let mut out = String::with_capacity(2 + figures.len() * 24);
    out.push('{');
    for (i, (m, v)) in figures.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_string(&mut out, m.id());
        out.push(':');
        out.push_str(&v.to_string());
    }
    out.push('}');
    out
}

fn push_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The figures of `series` in an object [`encode`] wrote. An id this
/// build does not know (a later build's figure) and anything that is not
/// such an object are skipped: what can be read is kept.
pub fn decode(series: SeriesId, text: &str) -> Figures {
    let mut figures = Figures::default();
    // Most claims (every 近期回顾 line) state no figure.
    if text == "{}" {
        return figures;
    }
    let mut p = Parser {
        s: text.as_bytes(),
        at: 0,
    };
    if !p.eat(b'{') {
        return figures;
    }
    loop {
        if p.eat(b'}') {
            break;
        }
        let Some(id) = p.string() else { break };
        if !p.eat(b':') {
            break;
        }
        let Some(number) = p.number() else { break };
        if let (Some(m), Some(v)) = (series.metric(id.as_ref()), Value::parse(number)) {
            figures.set(m, Some(v));
        }
        if !p.eat(b',') && !p.eat(b'}') {
            break;
        }
        if p.s.get(p.at.wrapping_sub(1)) == Some(&b'}') {
            break;
        }
    }
    figures
}

struct Parser<'a> {
    s: &'a [u8],
    at: usize,
}

impl<'a> Parser<'a> {
    fn blanks(&mut self) {
        while self.s.get(self.at).is_some_and(|b| b.is_ascii_whitespace()) {
            self.at += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.blanks();
        if self.s.get(self.at) == Some(&b) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    /// The string at the cursor, borrowed unless it has an escape: an id
    /// is read for every figure of every row the list loads.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        if !self.eat(b'"') {
            return None;
        }
        let start = self.at;
        // The common case: no escape, copied whole.
        while let Some(&b) = self.s.get(self.at) {
            match b {
                b'"' => {
                    let s = std::str::from_utf8(&self.s[start..self.at]).ok()?;
                    self.at += 1;
                    return Some(Cow::Borrowed(s));
                }
                b'\\' => return self.escaped(start).map(Cow::Owned),
                _ => self.at += 1,
            }
        }
        None
    }

    fn escaped(&mut self, start: usize) -> Option<String> {
        let mut out = std::str::from_utf8(&self.s[start..self.at])
            .ok()?
            .to_string();
        let rest = std::str::from_utf8(&self.s[self.at..]).ok()?;
        let mut chars = rest.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    self.at += i + 1;
                    return Some(out);
                }
                '\\' => match chars.next()?.1 {
                    'u' => {
                        let hex: String =
                            (0..4).filter_map(|_| chars.next().map(|x| x.1)).collect();
                        out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                    }
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    other => out.push(other),
                },
                c => out.push(c),
            }
        }
        None
    }

    fn number(&mut self) -> Option<&'a str> {
        self.blanks();
        let start = self.at;
        while self
            .s
            .get(self.at)
            .is_some_and(|b| b.is_ascii_digit() || matches!(b, b'-' | b'.'))
        {
            self.at += 1;
        }
        std::str::from_utf8(&self.s[start..self.at]).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_round_trip_exactly_through_the_object() {
        let s = SeriesId::CNVD;
        let mut f = Figures::default();
        f.set(s.metric("avg_score").unwrap(), Value::parse("6.18"));
        f.set_count(s.metric("vulns").unwrap(), Some(623));
        f.set_count(s.metric("type:车联网").unwrap(), Some(1));
        let text = encode(&f);
        assert_eq!(text, r#"{"vulns":623,"avg_score":6.18,"type:车联网":1}"#);
        assert_eq!(decode(s, &text), f);
        assert_eq!(encode(&Figures::default()), "{}");
        assert!(decode(s, "{}").is_empty());
    }

    #[test]
    fn what_sqlite_or_a_later_build_wrote_is_read_as_far_as_it_goes() {
        let s = SeriesId::CNCERT;
        let f = decode(
            s,
            r#"{ "events_handled" : 381 , "a_later_figure": 3, "malicious_urls":5}"#,
        );
        assert_eq!(f.count(s.metric("events_handled").unwrap()), Some(381));
        assert_eq!(f.count(s.metric("malicious_urls").unwrap()), Some(5));
        assert_eq!(f.len(), 2);
        for junk in ["", "[]", "{", r#"{"events_handled":}"#, "null", r#"{"\u00"#] {
            assert!(decode(s, junk).len() <= 1, "{junk}");
        }
        let escaped = decode(SeriesId::CNVD, r#"{"type:\u8f66\u8054\u7f51":1}"#);
        assert_eq!(
            escaped.iter().next().map(|(m, _)| m.id()),
            Some("type:车联网")
        );
    }
}
