//! Handing a URL to the outside: the browser command (the config's
//! `browser`, else `$BROWSER`, else the platform's opener; the URL always
//! one argument, never through a shell), and the OSC 52 sequence that puts
//! it on the clipboard, and the clean form of a link `y` copies.
//!
//! OSC 52 reaches the clipboard of the terminal the user sits at, over ssh
//! too. Inside tmux it is passed on only with `set -g set-clipboard on`:
//! tmux's default, `external`, ignores the sequence from applications.

use std::borrow::Cow;
use std::io::{self, Write};
use std::process::{Command, Stdio};

use base64::Engine;

use crate::i18n::{english_display, Lang, Localized, Msg, Os, Screen};
use crate::sanitize;

/// Only web URLs go to the opener: a `file:` or custom scheme could run
/// something on the user's machine.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// The OSC 52 sequence that sets the clipboard to `text`: sanitized, then
/// base64, so nothing in it can end the sequence early.
pub fn osc52(text: &str) -> Vec<u8> {
    let clean = sanitize::line(text);
    let encoded = base64::engine::general_purpose::STANDARD.encode(clean.as_bytes());
    format!("\x1b]52;c;{encoded}\x07").into_bytes()
}

/// The query fields that name a WeChat article: `__biz`, `mid` and `idx`
/// say which, `sn` is the signature WeChat checks before showing it.
/// Everything else (`chksm`, `scene`, `#rd`) is tracking or session noise.
const WECHAT_FIELDS: [&str; 4] = ["__biz", "mid", "idx", "sn"];

/// The link `y` copies: an article on mp.weixin.qq.com keeps only
/// [`WECHAT_FIELDS`] (in the order given) and no fragment; any other link,
/// or one without those fields, is copied as it is.
pub fn clean_link(link: &str) -> String {
    let Ok(parsed) = url::Url::parse(link) else {
        return link.to_string();
    };
    if parsed.host_str() != Some("mp.weixin.qq.com") || parsed.path() != "/s" {
        return link.to_string();
    }
    let kept: Vec<&str> = parsed
        .query()
        .unwrap_or("")
        .split('&')
        .filter(|pair| {
            let name = pair.split('=').next().unwrap_or("");
            WECHAT_FIELDS.contains(&name)
        })
        .collect();
    if kept.is_empty() {
        return link.to_string();
    }
    format!(
        "{}://mp.weixin.qq.com/s?{}",
        parsed.scheme(),
        kept.join("&")
    )
}

/// Writes the OSC 52 sequence for `text` to the terminal.
pub fn write_clipboard(out: &mut impl Write, text: &str) -> io::Result<()> {
    out.write_all(&osc52(text))?;
    out.flush()
}

/// The commands to try, in order, to open `url`: the config's `browser`
/// (`configured`: the program, then its arguments, `%s` in one of them
/// replaced by the URL, else the URL added last), else `$BROWSER` (as
/// `browser`), else the platform's opener. `$BROWSER` follows the usual
/// convention: a `:`-separated list of commands tried in turn, each split
/// into words as a shell would split them (quotes respected, nothing
/// expanded), `%s` in a word replaced by the URL and `%%` by `%`, the URL
/// added as the last argument when no word holds `%s`.
pub fn browser_commands(
    configured: Option<&[String]>,
    browser: Option<&str>,
    url: &str,
) -> Vec<Command> {
    if let Some((program, args)) = configured.and_then(|c| c.split_first()) {
        return vec![command_with_url(program, args, url)];
    }
    let separator = if cfg!(windows) { ';' } else { ':' };
    let from_env: Vec<Command> = browser
        .unwrap_or("")
        .split(separator)
        .filter_map(|entry| browser_command(entry, url))
        .collect();
    if !from_env.is_empty() {
        return from_env;
    }
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let mut command = Command::new(program);
    command.arg(url);
    vec![command]
}

fn browser_command(entry: &str, url: &str) -> Option<Command> {
    let words = shlex::split(entry.trim())?;
    let (program, args) = words.split_first()?;
    Some(command_with_url(program, args, url))
}

fn command_with_url(program: &str, args: &[String], url: &str) -> Command {
    let mut command = Command::new(program);
    let mut placed = false;
    for arg in args {
        placed |= arg.contains("%s");
        command.arg(substitute(arg, url));
    }
    if !placed {
        command.arg(url);
    }
    command
}

/// `%s` becomes the URL, `%%` a percent sign; the rest stays as it is.
fn substitute(word: &str, url: &str) -> String {
    let mut out = String::with_capacity(word.len() + url.len());
    let mut chars = word.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('s') => out.push_str(url),
            Some('%') => out.push('%'),
            Some(other) => {
                out.push('%');
                out.push(other);
            }
            None => out.push('%'),
        }
    }
    out
}

/// Why no browser could be started: the last command tried and what the
/// system said; `Display` is the English text.
#[derive(Debug, thiserror::Error)]
pub struct OpenError {
    /// The program that failed; None when there was no command to try.
    pub program: Option<String>,
    pub error: io::Error,
}

impl OpenError {
    /// Its words as a message (as through [`Localized`], without the import).
    pub fn message(&self) -> Msg {
        Localized::message(self)
    }
}

english_display!(OpenError);

impl Localized for OpenError {
    fn text(&self, lang: Lang) -> Cow<'static, str> {
        let why = Os::of(&self.error);
        match &self.program {
            Some(program) => Screen::BrowserFailed {
                program: sanitize::line(program),
                why: Box::new(Msg::Os(why)),
            }
            .text(lang),
            None => why.text(lang),
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<OpenError> {
        let error = || io::Error::from(io::ErrorKind::NotFound);
        vec![
            OpenError {
                program: Some("firefox".into()),
                error: error(),
            },
            OpenError {
                program: None,
                error: error(),
            },
        ]
    }
}

/// Starts the first browser command that runs, detached from the terminal,
/// and reaps it in the background so no zombie is left.
pub fn open_in_browser(configured: Option<&[String]>, url: &str) -> Result<(), OpenError> {
    let browser = std::env::var("BROWSER").ok();
    let mut last_error = OpenError {
        program: None,
        error: io::ErrorKind::NotFound.into(),
    };
    for mut command in browser_commands(configured, browser.as_deref(), url) {
        let started = command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        match started {
            Ok(mut child) => {
                std::thread::spawn(move || child.wait());
                return Ok(());
            }
            Err(error) => {
                last_error = OpenError {
                    program: Some(command.get_program().to_string_lossy().into_owned()),
                    error,
                };
            }
        }
    }
    Err(last_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(command: &Command) -> Vec<String> {
        std::iter::once(command.get_program())
            .chain(command.get_args())
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn browser_without_placeholder_gets_the_url_as_its_last_argument() {
        let url = "https://example.org/a?b=1&c=2";
        let commands = browser_commands(None, Some("firefox"), url);
        assert_eq!(commands.len(), 1);
        assert_eq!(argv(&commands[0]), ["firefox", url]);
        let commands = browser_commands(None, Some("firefox --new-tab"), url);
        assert_eq!(argv(&commands[0]), ["firefox", "--new-tab", url]);
    }

    #[test]
    fn placeholder_words_take_the_url_and_quotes_group_words() {
        let url = "https://example.org/x";
        let commands = browser_commands(None, Some("'my browser' --url=%s --label '100%%'"), url);
        assert_eq!(
            argv(&commands[0]),
            [
                "my browser",
                "--url=https://example.org/x",
                "--label",
                "100%"
            ]
        );
    }

    #[test]
    fn a_colon_separated_browser_list_is_tried_in_order_and_blank_means_the_opener() {
        let url = "https://example.org/";
        let commands = browser_commands(None, Some("w3m:lynx -dump"), url);
        let all: Vec<_> = commands.iter().map(argv).collect();
        assert_eq!(all, [vec!["w3m", url], vec!["lynx", "-dump", url]]);
        for blank in [None, Some(""), Some("  "), Some("'unclosed")] {
            let commands = browser_commands(None, blank, url);
            assert_eq!(commands.len(), 1);
            assert_eq!(argv(&commands[0]).last().map(String::as_str), Some(url));
        }
    }

    #[test]
    fn the_configured_browser_wins_over_browser_and_takes_the_url_as_one_argument() {
        let url = "https://example.org/a b;rm -rf ~";
        let configured = ["firefox".to_string(), "--new-window".to_string()];
        let commands = browser_commands(Some(&configured), Some("w3m"), url);
        assert_eq!(commands.len(), 1);
        assert_eq!(argv(&commands[0]), ["firefox", "--new-window", url]);
        let placed = ["open".to_string(), "-u=%s".to_string(), "-x".to_string()];
        let commands = browser_commands(Some(&placed), None, url);
        assert_eq!(argv(&commands[0]), ["open", &format!("-u={url}"), "-x"]);
        // An empty list means no configured browser.
        let commands = browser_commands(Some(&[]), Some("w3m"), url);
        assert_eq!(argv(&commands[0]), ["w3m", url]);
    }

    #[test]
    fn osc52_carries_the_sanitized_url_base64_encoded_between_esc_and_bel() {
        let bytes = osc52("https://example.org/周报\u{1b}]0;x\u{7}");
        let text = String::from_utf8(bytes).expect("ascii");
        let body = text
            .strip_prefix("\u{1b}]52;c;")
            .and_then(|t| t.strip_suffix('\u{7}'))
            .expect("an OSC 52 sequence");
        assert!(!body.contains(['\u{1b}', '\u{7}']));
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(body)
            .expect("base64");
        assert_eq!(
            String::from_utf8(decoded).ok().as_deref(),
            Some(sanitize::line("https://example.org/周报\u{1b}]0;x\u{7}").as_str())
        );
        assert!(!sanitize::line("\u{1b}]0;x\u{7}").contains('\u{1b}'));
    }

    #[test]
    fn a_wechat_link_is_copied_with_biz_mid_idx_and_sn_only() {
        let long = "https://mp.weixin.qq.com/s?__biz=MzIw&mid=2247500190&idx=1&sn=ab12&chksm=ff00&scene=21&subscene=0#wechat_redirect";
        assert_eq!(
            clean_link(long),
            "https://mp.weixin.qq.com/s?__biz=MzIw&mid=2247500190&idx=1&sn=ab12"
        );
        let plain = "http://mp.weixin.qq.com/s?scene=58&__biz=A%3D%3D&idx=2&mid=9";
        assert_eq!(
            clean_link(plain),
            "http://mp.weixin.qq.com/s?__biz=A%3D%3D&idx=2&mid=9"
        );
        // Other hosts and WeChat's short links are left as they are.
        for same in [
            "https://example.org/s?__biz=A&mid=1&scene=2#x",
            "https://mp.weixin.qq.com/s/AbCdEf?scene=1",
            "https://mmbiz.qpic.cn/fixture/17/chart1.png",
        ] {
            assert_eq!(clean_link(same), same);
        }
    }

    #[test]
    fn only_http_and_https_urls_are_opened() {
        assert!(is_web_url("https://mp.weixin.qq.com/s?__biz=x"));
        assert!(is_web_url("HTTP://example.org/"));
        assert!(!is_web_url("file:///etc/passwd"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("https://example.org/a b"));
    }
}
