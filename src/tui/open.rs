//! `o` and `y`: which URL is selected, handing it to the browser
//! (`$BROWSER`, else the platform's opener; the URL always one argument,
//! never through a shell) and the OSC 52 sequence that puts it on the
//! clipboard. `update` only records a copy request; the event loop writes
//! the sequence, so drawing and updating never write to the terminal.
//!
//! OSC 52 reaches the clipboard of the terminal the user sits at, over ssh
//! too. Inside tmux it is passed on only with `set -g set-clipboard on`:
//! tmux's default, `external`, ignores the sequence from applications.

use std::io::{self, Write};
use std::process::{Command, Stdio};

use base64::Engine;

use super::action::Focus;
use super::app::{is_web_url, App};
use super::detail::Item;
use crate::sanitize;

/// Longer than any real article or image address; a terminal may drop a
/// longer OSC 52 sequence without a word.
const MAX_COPY_BYTES: usize = 4096;

/// Why `o` or `y` has nothing to act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoUrl {
    Missing,
    LineWithoutLink,
    NotWeb,
}

impl NoUrl {
    /// The status line's words; `verb` is "opening" or "copying".
    pub fn message(self, verb: &str) -> String {
        match self {
            NoUrl::Missing => "this issue has no URL".to_string(),
            NoUrl::LineWithoutLink => "this 近期回顾 line has no link".to_string(),
            NoUrl::NotWeb => format!("not {verb} a URL that is not http(s)"),
        }
    }
}

impl App {
    /// The URL `o` and `y` act on: the selected image address or 近期回顾
    /// line while the links have focus, else the shown issue's own URL.
    pub fn selected_url(&self) -> Result<String, NoUrl> {
        let selected = (self.focus == Focus::Links)
            .then(|| self.doc.items.get(self.link_selected))
            .flatten();
        let url = match selected {
            Some(Item::Image(i)) => self.doc.images.get(*i).cloned(),
            Some(Item::Link(i)) => match self.doc.links.get(*i) {
                Some(link) => match &link.url {
                    Some(url) => Some(url.clone()),
                    None => return Err(NoUrl::LineWithoutLink),
                },
                None => None,
            },
            None => self.doc.url.clone(),
        };
        let Some(url) = url else {
            return Err(NoUrl::Missing);
        };
        if !is_web_url(&url) {
            return Err(NoUrl::NotWeb);
        }
        Ok(url)
    }

    /// `o` (and Enter on an image address): hands the URL to the opener.
    pub fn open_url(&mut self) {
        let url = match self.selected_url() {
            Ok(url) => url,
            Err(why) => return self.set_error(why.message("opening")),
        };
        match (self.opener)(&url) {
            Ok(()) => self.set_message(format!("opened in the browser: {url}")),
            Err(e) => self.set_error(format!("cannot open the browser: {e}")),
        }
    }

    /// `y`: asks the event loop to copy the URL to the clipboard.
    pub fn copy_url(&mut self) {
        let url = match self.selected_url() {
            Ok(url) => url,
            Err(why) => return self.set_error(why.message("copying")),
        };
        if url.len() > MAX_COPY_BYTES {
            return self.set_error("the URL is too long to copy through the terminal");
        }
        self.set_message(format!("copied: {url}"));
        self.clipboard_request = Some(url);
    }

    /// The copy `y` asked for, once: the event loop writes it.
    pub fn take_clipboard_request(&mut self) -> Option<String> {
        self.clipboard_request.take()
    }
}

/// The OSC 52 sequence that sets the clipboard to `text`: sanitized, then
/// base64, so nothing in it can end the sequence early.
pub fn osc52(text: &str) -> Vec<u8> {
    let clean = sanitize::line(text);
    let encoded = base64::engine::general_purpose::STANDARD.encode(clean.as_bytes());
    format!("\x1b]52;c;{encoded}\x07").into_bytes()
}

/// Writes the OSC 52 sequence for `text` to the terminal.
pub fn write_clipboard(out: &mut impl Write, text: &str) -> io::Result<()> {
    out.write_all(&osc52(text))?;
    out.flush()
}

/// The commands to try, in order, to open `url`, from `$BROWSER` (as
/// `browser`) or the platform's opener. `$BROWSER` follows the usual
/// convention: a `:`-separated list of commands tried in turn, each split
/// into words as a shell would split them (quotes respected, nothing
/// expanded), `%s` in a word replaced by the URL and `%%` by `%`, the URL
/// added as the last argument when no word holds `%s`.
pub fn browser_commands(browser: Option<&str>, url: &str) -> Vec<Command> {
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
    let mut command = Command::new(program);
    let mut placed = false;
    for arg in args {
        placed |= arg.contains("%s");
        command.arg(substitute(arg, url));
    }
    if !placed {
        command.arg(url);
    }
    Some(command)
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

/// Starts the first browser command that runs, detached from the terminal,
/// and reaps it in the background so no zombie is left.
pub fn open_in_browser(url: &str) -> io::Result<()> {
    let browser = std::env::var("BROWSER").ok();
    let mut last_error = io::Error::new(io::ErrorKind::NotFound, "no browser command");
    for mut command in browser_commands(browser.as_deref(), url) {
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
            Err(e) => {
                let program = command.get_program().to_string_lossy().into_owned();
                last_error = io::Error::new(e.kind(), format!("{program}: {e}"));
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
        let commands = browser_commands(Some("firefox"), url);
        assert_eq!(commands.len(), 1);
        assert_eq!(argv(&commands[0]), ["firefox", url]);
        let commands = browser_commands(Some("firefox --new-tab"), url);
        assert_eq!(argv(&commands[0]), ["firefox", "--new-tab", url]);
    }

    #[test]
    fn placeholder_words_take_the_url_and_quotes_group_words() {
        let url = "https://example.org/x";
        let commands = browser_commands(Some("'my browser' --url=%s --label '100%%'"), url);
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
        let commands = browser_commands(Some("w3m:lynx -dump"), url);
        let all: Vec<_> = commands.iter().map(argv).collect();
        assert_eq!(all, [vec!["w3m", url], vec!["lynx", "-dump", url]]);
        for blank in [None, Some(""), Some("  "), Some("'unclosed")] {
            let commands = browser_commands(blank, url);
            assert_eq!(commands.len(), 1);
            assert_eq!(argv(&commands[0]).last().map(String::as_str), Some(url));
        }
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
}
