//! The TUI's error lines speak the session's language: a store error or a
//! browser that cannot start reads in Chinese in a Chinese session, not as
//! the error's English `Display`.

mod tui_fixture;

use std::io;
use std::path::PathBuf;

use ratatui::crossterm::event::KeyCode;

use tui_fixture::*;
use zhoubao::i18n::Lang;
use zhoubao::model::{IssueDetail, IssueKey, IssueSummary};
use zhoubao::store::StoreError;
use zhoubao::tui::browser::OpenError;
use zhoubao::tui::{app::App, library::Library, library::LibraryError, library::MemoryLibrary};

/// The fixture library, whose writes and searches fail as a cache locked
/// by another process does.
struct Locked(MemoryLibrary);

fn locked() -> LibraryError {
    StoreError::Locked {
        path: PathBuf::from("/tmp/周报/cache.db"),
    }
    .into()
}

impl Library for Locked {
    fn summaries(&self) -> Result<Vec<IssueSummary>, LibraryError> {
        self.0.summaries()
    }
    fn detail(&self, key: IssueKey) -> Result<Option<IssueDetail>, LibraryError> {
        self.0.detail(key)
    }
    fn key_for_url(&self, url: &str) -> Result<Option<IssueKey>, LibraryError> {
        self.0.key_for_url(url)
    }
    fn search(&self, _query: &str) -> Result<Vec<IssueKey>, LibraryError> {
        Err(locked())
    }
    fn set_read(&self, _key: IssueKey, _read: bool) -> Result<(), LibraryError> {
        Err(locked())
    }
    fn last_selected(&self) -> Result<Option<IssueKey>, LibraryError> {
        self.0.last_selected()
    }
    fn set_last_selected(&self, key: IssueKey) -> Result<(), LibraryError> {
        self.0.set_last_selected(key)
    }
}

fn app_in(lang: Lang) -> App {
    app_with_ui(
        Box::new(Locked(library())),
        Some(key(2024, 17)),
        80,
        24,
        ui_in(lang),
    )
}

fn status(app: &App) -> String {
    let status = app
        .status
        .message
        .as_ref()
        .expect("an error on the status line");
    assert!(status.error, "{}", status.text);
    status.text.clone()
}

fn has_latin_word(s: &str) -> bool {
    s.split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.len() > 2 && !["cache", "db", "tmp"].contains(&w))
}

#[test]
fn a_store_error_on_marking_reads_in_chinese_in_a_chinese_session() {
    let mut app = app_in(Lang::Zh);
    press(&mut app, KeyCode::Char('m'));
    let text = status(&app);
    assert_eq!(
        text,
        "无法标记 2024-17：/tmp/周报/cache.db：缓存被另一个进程锁住；请等它结束后再试"
    );
    assert!(!has_latin_word(&text), "{text}");
    // The status line shows it, cut to the screen.
    assert!(screen(&app, 80, 24).contains("无法标记 2024-17"));
}

#[test]
fn a_store_error_on_searching_reads_in_chinese_and_in_english_in_english() {
    let mut app = app_in(Lang::Zh);
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "跨境");
    let text = status(&app);
    assert!(
        text.starts_with("搜索失败：/tmp/周报/cache.db：缓存被另一个进程锁住"),
        "{text}"
    );
    assert!(!has_latin_word(&text), "{text}");

    let mut app = app_in(Lang::En);
    press(&mut app, KeyCode::Char('m'));
    assert_eq!(
        status(&app),
        "cannot mark 2024-17: /tmp/周报/cache.db: the cache is locked by another process; \
         try again when it finishes"
    );
}

#[test]
fn a_browser_that_cannot_start_is_named_with_the_reason_in_chinese() {
    let mut app = app_in(Lang::Zh);
    app.set_url_opener(Box::new(|_| {
        Err(OpenError {
            program: Some("firefox".into()),
            error: io::Error::from_raw_os_error(2),
        })
    }));
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(status(&app), "无法打开浏览器：firefox：不存在");
}

#[test]
fn a_long_bad_go_to_key_is_cut_so_the_reason_still_fits_80_columns() {
    let mut app = app_in(Lang::Zh);
    press(&mut app, KeyCode::Char(':'));
    chars(&mut app, &"第十七期".repeat(20));
    press(&mut app, KeyCode::Enter);
    let text = status(&app);
    assert!(
        text.ends_with("”不是期号：请输入 年-期，如 2024-17"),
        "{text}"
    );
    assert!(text.contains('…'), "{text}");
    let shown = screen(&app, 80, 24);
    let last = shown.lines().rfind(|l| !l.is_empty()).unwrap_or_default();
    assert!(
        last.contains("不是期号：请输入 年-期，如 2024-17"),
        "{shown}"
    );
}
