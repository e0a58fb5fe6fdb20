//! The reader's layer as a file, for another machine or a backup:
//! `zhoubao export --notes` writes every read mark, flag and note as JSON,
//! and `zhoubao import FILE.json` reads such a file back, matching issues
//! by series and key. Notes are written exactly as typed, every character
//! a terminal could act on as a `\uXXXX` escape (see
//! [`crate::sanitize::json_escaped`]), so the file reads back to the same
//! text and is safe to print. serde_json does the reading and writing; the
//! entry checks are ours, because a bad entry is reported and skipped
//! while the rest of the file is imported.

use std::borrow::Cow;

use serde_json::{json, Value};

use crate::i18n::{english_display, Lang, Localized};
use crate::model::{IssueKey, SeriesId, UserMarks};

/// The `format` field that tells a marks file from any other JSON.
pub const FORMAT: &str = "zhoubao-marks";
/// The layout written; a reader refuses a later one.
pub const VERSION: u64 = 1;

/// `marks` as the file `export --notes` writes, exported at `at`.
pub fn to_json(marks: &[UserMarks], at: chrono::DateTime<chrono::Utc>) -> String {
    let issues: Vec<Value> = marks
        .iter()
        .map(|m| {
            json!({
                "key": m.key.to_string(),
                "series": m.key.series.id(),
                "year": m.key.year,
                "number": m.key.number,
                "read": m.read,
                "flagged": m.flagged,
                "note": m.note,
            })
        })
        .collect();
    let v = json!({
        "format": FORMAT,
        "version": VERSION,
        "exported_at": at.to_rfc3339(),
        "issues": issues,
    });
    let text = serde_json::to_string_pretty(&v).unwrap_or_else(|_| "null".into());
    let mut text = crate::sanitize::json_escaped(&text);
    text.push('\n');
    text
}

/// Why a marks file, or one of its entries, cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MarksFileError {
    /// Not JSON at all: serde_json's reason.
    NotJson { reason: String },
    /// JSON, but not a marks file (no `"format": "zhoubao-marks"`).
    NotMarks,
    /// Written by a later zhoubao.
    TooNew { version: u64 },
    /// Entry `index` (0-based) is not an issue's marks.
    BadEntry { index: usize, reason: String },
}

english_display!(MarksFileError);

impl Localized for MarksFileError {
    fn text(&self, lang: Lang) -> Cow<'static, str> {
        use Lang::{En, Zh};
        use MarksFileError::*;
        match (self, lang) {
            (NotJson { reason }, Zh) => format!("不是 JSON：{reason}").into(),
            (NotJson { reason }, En) => format!("not JSON: {reason}").into(),
            (NotMarks, Zh) => {
                "不是 zhoubao export --notes 写出的标记文件（没有 \"format\": \"zhoubao-marks\"）"
                    .into()
            }
            (NotMarks, En) => {
                "not a marks file written by zhoubao export --notes (no \"format\": \"zhoubao-marks\")"
                    .into()
            }
            (TooNew { version }, Zh) => format!(
                "这是更新版本的 zhoubao 写出的标记文件（格式 {version}，这个版本只认 {VERSION}）：请升级"
            )
            .into(),
            (TooNew { version }, En) => format!(
                "written by a later zhoubao (layout {version}; this one reads {VERSION}): upgrade"
            )
            .into(),
            (BadEntry { index, reason }, Zh) => {
                format!("第 {} 条不可用，已跳过：{reason}", index + 1).into()
            }
            (BadEntry { index, reason }, En) => {
                format!("entry {} skipped: {reason}", index + 1).into()
            }
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<MarksFileError> {
        use MarksFileError::*;
        vec![
            NotJson {
                reason: "EOF while parsing".into(),
            },
            NotMarks,
            TooNew { version: 2 },
            BadEntry {
                index: 0,
                reason: "no series".into(),
            },
        ]
    }
}

/// Whether `bytes` claim to be a marks file: a JSON object with the
/// format field. Anything else (a bulletin, other JSON) is not one.
pub fn is_marks_file(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    text.starts_with('{')
        && serde_json::from_str::<Value>(text).is_ok_and(|v| v["format"] == FORMAT)
}

/// The marks a file holds, and the entries that could not be read (the
/// rest are kept); Err when the file itself is no marks file.
pub fn from_json(bytes: &[u8]) -> Result<(Vec<UserMarks>, Vec<MarksFileError>), MarksFileError> {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_start_matches('\u{feff}');
    let v: Value = serde_json::from_str(text).map_err(|e| MarksFileError::NotJson {
        reason: crate::sanitize::line(&e.to_string()),
    })?;
    if v["format"] != FORMAT {
        return Err(MarksFileError::NotMarks);
    }
    match v["version"].as_u64() {
        Some(version) if version > VERSION => return Err(MarksFileError::TooNew { version }),
        Some(_) => {}
        None => return Err(MarksFileError::NotMarks),
    }
    let Some(entries) = v["issues"].as_array() else {
        return Err(MarksFileError::NotMarks);
    };
    let (mut marks, mut bad) = (Vec::new(), Vec::new());
    for (index, entry) in entries.iter().enumerate() {
        match entry_marks(entry) {
            Ok(m) => marks.push(m),
            Err(reason) => bad.push(MarksFileError::BadEntry { index, reason }),
        }
    }
    Ok((marks, bad))
}

/// One entry: its series, year and number (or, without them, its key),
/// and its marks; a missing mark is not set.
fn entry_marks(entry: &Value) -> Result<UserMarks, String> {
    if !entry.is_object() {
        return Err("not an object".into());
    }
    let key = match (&entry["series"], &entry["year"], &entry["number"]) {
        (Value::String(series), year, number) => {
            let series = SeriesId::from_id(series)
                .ok_or_else(|| format!("series {:?} unknown", crate::sanitize::line(series)))?;
            let year = year
                .as_i64()
                .and_then(|y| i32::try_from(y).ok())
                .ok_or("no year")?;
            let number = number
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .ok_or("no number")?;
            if !IssueKey::is_valid(year, number) {
                return Err(format!("no issue {year}-{number}"));
            }
            IssueKey::of(series, year, number)
        }
        _ => entry["key"]
            .as_str()
            .and_then(|k| k.parse().ok())
            .ok_or("no series, year and number, nor a key")?,
    };
    let flag = |name: &str| -> Result<bool, String> {
        match &entry[name] {
            Value::Null => Ok(false),
            Value::Bool(b) => Ok(*b),
            _ => Err(format!("{name} is not true or false")),
        }
    };
    let note = match &entry["note"] {
        Value::Null => None,
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Some(s.clone()),
        _ => return Err("note is not text".into()),
    };
    Ok(UserMarks {
        key,
        read: flag("read")?,
        flagged: flag("flagged")?,
        note,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks() -> Vec<UserMarks> {
        vec![
            UserMarks {
                key: IssueKey::new(2025, 7),
                read: true,
                flagged: true,
                note: Some("跨境回落\n\x1b[31m原样\u{202e}\t".into()),
            },
            UserMarks {
                key: IssueKey::of(SeriesId::CNVD, 2025, 6),
                read: false,
                flagged: true,
                note: None,
            },
        ]
    }

    #[test]
    fn a_written_file_reads_back_to_the_same_marks_and_prints_safely() {
        let at = chrono::DateTime::parse_from_rfc3339("2025-03-01T08:00:00Z")
            .unwrap()
            .to_utc();
        let text = to_json(&marks(), at);
        assert!(
            !text.contains('\x1b') && !text.contains('\u{202e}'),
            "{text}"
        );
        assert!(text.contains("\"key\": \"cnvd:2025-6\""), "{text}");
        assert!(is_marks_file(text.as_bytes()));
        assert_eq!(from_json(text.as_bytes()).unwrap(), (marks(), Vec::new()));
    }

    #[test]
    fn other_files_are_not_marks_files_and_say_why() {
        assert!(!is_marks_file(b"# \xe7\xbd\x91\xe7\xbb\x9c"));
        assert!(!is_marks_file(b"[{\"format\": \"zhoubao-marks\"}]"));
        assert!(!is_marks_file(b"{\"format\": \"other\"}"));
        assert!(matches!(
            from_json(b"{\"format\": "),
            Err(MarksFileError::NotJson { .. })
        ));
        assert_eq!(
            from_json(b"{\"format\": \"zhoubao-marks\", \"version\": 9, \"issues\": []}"),
            Err(MarksFileError::TooNew { version: 9 })
        );
    }

    #[test]
    fn a_bad_entry_is_reported_and_the_others_are_kept() {
        let text = r#"{"format": "zhoubao-marks", "version": 1, "issues": [
            {"series": "cncert", "year": 2025, "number": 7, "flagged": true},
            {"series": "later", "year": 2025, "number": 7},
            {"key": "cnvd:2024-17", "note": "仅有 key"},
            {"series": "cncert", "year": 2025, "number": 99},
            {"series": "cncert", "year": 2025, "number": 8, "read": "yes"}
        ]}"#;
        let (marks, bad) = from_json(text.as_bytes()).unwrap();
        let keys: Vec<String> = marks.iter().map(|m| m.key.to_string()).collect();
        assert_eq!(keys, ["2025-7", "cnvd:2024-17"]);
        assert!(marks[0].flagged && !marks[0].read);
        let indexes: Vec<usize> = bad
            .iter()
            .map(|e| match e {
                MarksFileError::BadEntry { index, .. } => *index,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(indexes, [1, 3, 4]);
        assert!(
            bad[0].to_string().contains("\"later\" unknown"),
            "{}",
            bad[0]
        );
    }
}
