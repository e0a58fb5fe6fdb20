//! Paragraph lists stored as one text column, a paragraph per line: a
//! substring search over the column then matches what the reader sees.

/// A newline inside a paragraph (the parser makes one line of each, but
/// the type does not promise it) becomes a space, so paragraphs stay apart.
pub fn join(lines: &[String]) -> String {
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if line.contains('\n') {
            out.extend(line.chars().map(|c| if c == '\n' { ' ' } else { c }));
        } else {
            out.push_str(line);
        }
    }
    out
}

pub fn split(text: &str) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    text.split('\n').map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_round_trip_and_none_is_empty() {
        let p = vec!["本周，态势良。".to_string(), "第二段 \"引号\"".to_string()];
        assert_eq!(split(&join(&p)), p);
        assert_eq!(split(&join(&[])), Vec::<String>::new());
        let broken = vec!["一行\n两行".to_string(), "三".to_string()];
        assert_eq!(split(&join(&broken)), vec!["一行 两行", "三"]);
    }
}
