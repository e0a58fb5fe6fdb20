//! clap's usage errors in the user's language. clap words them in English
//! only (no locale), so the kinds a user meets (an unknown option or
//! command, a missing argument, a bad value) are reworded here from the
//! error's context, the value's own error in its own words; help, version
//! and the rarer kinds print as clap prints them. `--help` itself stays
//! English, like the man page made from the same doc comments.

use std::borrow::Cow;
use std::error::Error as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::localize::localize;
use crate::i18n::{Lang, Localized};

/// A usage error in zhoubao's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsageError {
    UnknownArgument {
        arg: String,
        similar: Option<String>,
    },
    UnknownCommand {
        name: String,
        similar: Option<String>,
    },
    Missing {
        args: Vec<String>,
    },
    NoValue {
        arg: String,
    },
    NotOneOf {
        arg: String,
        value: String,
        possible: Vec<String>,
    },
    /// A value its parser refused; `why` is that parser's error, already
    /// in the user's language.
    BadValue {
        arg: String,
        value: String,
        why: String,
    },
    UsedTwice {
        arg: String,
    },
    Conflict {
        arg: String,
        with: String,
    },
    ExtraValue {
        arg: String,
        value: String,
    },
    /// The last line: where the full list is.
    TryHelp,
}

fn string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => v.first().cloned(),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        _ => None,
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

impl UsageError {
    /// The error of `e` in zhoubao's words, when it is a kind worded here.
    pub fn of(e: &clap::Error, lang: Lang) -> Option<UsageError> {
        let arg = || string(e, ContextKind::InvalidArg);
        let value = || string(e, ContextKind::InvalidValue);
        Some(match e.kind() {
            ErrorKind::UnknownArgument => UsageError::UnknownArgument {
                arg: arg()?,
                similar: string(e, ContextKind::SuggestedArg),
            },
            ErrorKind::InvalidSubcommand => UsageError::UnknownCommand {
                name: string(e, ContextKind::InvalidSubcommand)?,
                similar: string(e, ContextKind::SuggestedSubcommand),
            },
            ErrorKind::MissingRequiredArgument => UsageError::Missing {
                args: strings(e, ContextKind::InvalidArg),
            },
            ErrorKind::InvalidValue if value().is_some_and(|v| v.is_empty()) => {
                UsageError::NoValue { arg: arg()? }
            }
            ErrorKind::InvalidValue => UsageError::NotOneOf {
                arg: arg()?,
                value: value()?,
                possible: strings(e, ContextKind::ValidValue),
            },
            ErrorKind::ValueValidation => UsageError::BadValue {
                arg: arg()?,
                value: value()?,
                why: localize(e.source()?, lang),
            },
            ErrorKind::ArgumentConflict => {
                let arg = arg()?;
                match string(e, ContextKind::PriorArg) {
                    Some(prior) if prior == arg => UsageError::UsedTwice { arg },
                    Some(with) => UsageError::Conflict { arg, with },
                    None => return None,
                }
            }
            ErrorKind::TooManyValues => UsageError::ExtraValue {
                arg: arg()?,
                value: value()?,
            },
            _ => return None,
        })
    }
}

/// What the binary prints for a usage error `e` in `lang`: zhoubao's
/// words, clap's usage line and where the help is; None for help, version
/// and the kinds clap words best itself.
pub fn reworded(e: &clap::Error, lang: Lang) -> Option<String> {
    let said = UsageError::of(e, lang)?;
    let mut out = format!("zhoubao: {}\n", crate::sanitize::line(&said.text(lang)));
    if let Some(usage) = string(e, ContextKind::Usage) {
        let usage = match lang {
            Lang::Zh => match usage.strip_prefix("Usage:") {
                Some(rest) => format!("用法：{}", rest.trim_start()),
                None => usage,
            },
            Lang::En => usage,
        };
        out.push('\n');
        out.push_str(&crate::sanitize::line(&usage));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&UsageError::TryHelp.text(lang));
    out.push('\n');
    Some(out)
}

impl Localized for UsageError {
    fn text(&self, lang: Lang) -> Cow<'static, str> {
        use Lang::{En, Zh};
        use UsageError::*;
        match (self, lang) {
            (UnknownArgument { arg, similar }, Zh) => match similar {
                Some(s) => format!("没有 {arg} 这个选项，是不是 {s}？"),
                None => format!("没有 {arg} 这个选项"),
            }
            .into(),
            (UnknownArgument { arg, similar }, En) => match similar {
                Some(s) => format!("unexpected argument '{arg}'; did you mean '{s}'?"),
                None => format!("unexpected argument '{arg}'"),
            }
            .into(),
            (UnknownCommand { name, similar }, Zh) => match similar {
                Some(s) => format!("没有 {name} 这个命令，是不是 {s}？"),
                None => format!("没有 {name} 这个命令"),
            }
            .into(),
            (UnknownCommand { name, similar }, En) => match similar {
                Some(s) => format!("unrecognized subcommand '{name}'; did you mean '{s}'?"),
                None => format!("unrecognized subcommand '{name}'"),
            }
            .into(),
            (Missing { args }, Zh) => format!("缺少 {}", args.join("、")).into(),
            (Missing { args }, En) => format!(
                "the following required arguments were not provided: {}",
                args.join(", ")
            )
            .into(),
            (NoValue { arg }, Zh) => format!("{arg} 后面要有一个值").into(),
            (NoValue { arg }, En) => {
                format!("a value is required for '{arg}' but none was supplied").into()
            }
            (
                NotOneOf {
                    arg,
                    value,
                    possible,
                },
                Zh,
            ) if possible.is_empty() => format!("{arg} 不能是 “{value}”").into(),
            (
                NotOneOf {
                    arg,
                    value,
                    possible,
                },
                Zh,
            ) => format!("{arg} 不能是 “{value}”，可选：{}", possible.join("、")).into(),
            (
                NotOneOf {
                    arg,
                    value,
                    possible,
                },
                En,
            ) if possible.is_empty() => format!("invalid value '{value}' for '{arg}'").into(),
            (
                NotOneOf {
                    arg,
                    value,
                    possible,
                },
                En,
            ) => format!(
                "invalid value '{value}' for '{arg}' [possible values: {}]",
                possible.join(", ")
            )
            .into(),
            (BadValue { arg, value, why }, Zh) => {
                format!("{arg} 的值 “{value}” 不对：{why}").into()
            }
            (BadValue { arg, value, why }, En) => {
                format!("invalid value '{value}' for '{arg}': {why}").into()
            }
            (UsedTwice { arg }, Zh) => format!("{arg} 只能给一次").into(),
            (UsedTwice { arg }, En) => {
                format!("the argument '{arg}' cannot be used multiple times").into()
            }
            (Conflict { arg, with }, Zh) => format!("{arg} 不能和 {with} 一起用").into(),
            (Conflict { arg, with }, En) => {
                format!("the argument '{arg}' cannot be used with '{with}'").into()
            }
            (ExtraValue { arg, value }, Zh) => {
                format!("多出一个值 “{value}”（{arg} 只要这些）").into()
            }
            (ExtraValue { arg, value }, En) => {
                format!("unexpected value '{value}' for '{arg}' found; no more were expected")
                    .into()
            }
            (TryHelp, Zh) => "zhoubao --help 列出全部命令和选项（说明为英文）。".into(),
            (TryHelp, En) => "For more information, try '--help'.".into(),
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<UsageError> {
        use UsageError::*;
        let s = |t: &str| t.to_string();
        vec![
            UnknownArgument {
                arg: s("--frob"),
                similar: None,
            },
            UnknownArgument {
                arg: s("--formt"),
                similar: Some(s("--format")),
            },
            UnknownCommand {
                name: s("shwo"),
                similar: Some(s("show")),
            },
            UnknownCommand {
                name: s("x"),
                similar: None,
            },
            Missing {
                args: vec![s("<KEY>")],
            },
            NoValue { arg: s("--db") },
            NotOneOf {
                arg: s("--format"),
                value: s("xls"),
                possible: vec![s("csv"), s("json")],
            },
            NotOneOf {
                arg: s("--format"),
                value: s("xls"),
                possible: Vec::new(),
            },
            BadValue {
                arg: s("<KEY>"),
                value: s("2024-99"),
                why: s("…"),
            },
            UsedTwice { arg: s("--db") },
            Conflict {
                arg: s("--json"),
                with: s("--csv"),
            },
            ExtraValue {
                arg: s("<KEY>"),
                value: s("x"),
            },
            TryHelp,
        ]
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::cli::args::Cli;

    fn error_of(args: &[&str]) -> clap::Error {
        match Cli::try_parse_from(std::iter::once("zhoubao").chain(args.iter().copied())) {
            Ok(cli) => panic!("{args:?} parsed: {cli:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn usage_errors_have_words_in_each_language() {
        let wrong = crate::i18n::missing_words::<UsageError>();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn an_unknown_command_is_said_in_chinese_with_the_similar_one_and_the_usage() {
        let text = reworded(&error_of(&["shwo"]), Lang::Zh).expect("worded");
        assert!(
            text.starts_with("zhoubao: 没有 shwo 这个命令，是不是 show？\n"),
            "{text}"
        );
        assert!(
            text.contains("\n用法：zhoubao [OPTIONS] [COMMAND]\n"),
            "{text}"
        );
        assert!(
            text.ends_with("zhoubao --help 列出全部命令和选项（说明为英文）。\n"),
            "{text}"
        );
    }

    #[test]
    fn a_bad_issue_key_gives_the_keys_own_chinese_words() {
        let text = reworded(&error_of(&["show", "2024-99"]), Lang::Zh).expect("worded");
        let first = text.lines().next().unwrap_or("");
        assert!(first.contains("“2024-99” 不对：不是期号"), "{first}");
        assert!(!first.contains("expected"), "{first}");
    }

    #[test]
    fn each_common_mistake_is_worded_and_names_what_was_typed() {
        for (args, typed) in [
            (&["--frob"][..], "--frob"),
            (&["show"][..], "缺少"),
            (&["export", "--format", "xls"][..], "xls"),
            (&["list", "--series", "cnvdx"][..], "cnvdx"),
            (&["--db"][..], "--db"),
        ] {
            let e = error_of(args);
            let text = reworded(&e, Lang::Zh).unwrap_or_else(|| panic!("{args:?}: {e}"));
            let first = text.lines().next().unwrap_or("");
            assert!(first.contains(typed), "{args:?}: {first}");
            assert!(!first.is_ascii(), "{args:?} not in Chinese: {first}");
        }
    }

    #[test]
    fn help_and_version_are_left_to_clap() {
        for args in [&["--help"][..], &["--version"][..], &["show", "--help"][..]] {
            assert!(reworded(&error_of(args), Lang::Zh).is_none(), "{args:?}");
        }
    }
}
