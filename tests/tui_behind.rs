//! Saying what is missing, in the TUI: on start, when the newest issue
//! with text is behind the newest one known, the status line says how far
//! and what to do (`R` updates, `F` fetches), whole where it fits and in a
//! shorter form where it does not, in both languages.

mod tui_fixture;

use chrono::{NaiveDate, Weekday};

use tui_fixture::{app_with_ui, app_zh, library, not_cached, screen, ui_in};
use zhoubao::config::Config;
use zhoubao::i18n::Lang;
use zhoubao::model::{IssueDetail, Period};
use zhoubao::tui::library::MemoryLibrary;
use zhoubao::tui::ui::Ui;

/// 2024's issue `number` known only by its title, which gives its week.
fn title_only(number: u32) -> IssueDetail {
    let mut d = not_cached(number);
    let start = NaiveDate::from_isoywd_opt(2024, number, Weekday::Mon).expect("a week");
    d.summary.period = Some(Period {
        start,
        end: start + chrono::Days::new(6),
    });
    d
}

/// The fixture's issues (the newest with text 2024-17) and thirteen newer
/// ones known only by title, as 近期回顾 lines and title-only copies leave
/// them: 2024-18 … 2024-30.
fn behind_library() -> MemoryLibrary {
    let mut lib = library();
    for number in 18..=30 {
        lib.insert(title_only(number));
    }
    lib
}

fn status_line(screen: &str) -> &str {
    screen.lines().last().unwrap_or_default()
}

#[test]
fn the_behind_notice_at_80x24_in_chinese() {
    let app = app_zh(behind_library(), None, 80, 24);
    let text = screen(&app, 80, 24);
    insta::assert_snapshot!(text);
    assert!(
        status_line(&text).starts_with("正文最新到 2024-17，落后 2024-30 共 13 期：R 更新，F 获取"),
        "{text}"
    );
    // The whole of it is kept for a wider screen.
    let said = app.status.message.as_ref().expect("a notice");
    assert_eq!(
        said.text,
        "有正文的最新一期是 2024-17，比已知最新的 2024-30 落后 13 期：R 更新，F 获取"
    );
    let wide = screen(&app, 120, 30);
    assert!(status_line(&wide).starts_with(&said.text), "{wide}");
}

#[test]
fn the_behind_notice_at_40x12_in_chinese() {
    let app = app_zh(behind_library(), None, 40, 12);
    let text = screen(&app, 40, 12);
    insta::assert_snapshot!(text);
    assert!(
        status_line(&text).starts_with("落后 13 期：R 更新 · ? 帮助 · q 退出"),
        "{text}"
    );
}

#[test]
fn the_behind_notice_in_english_at_both_sizes() {
    let app = app_with_ui(Box::new(behind_library()), None, 80, 24, ui_in(Lang::En));
    let said = app.status.message.as_ref().expect("a notice");
    assert_eq!(
        said.text,
        "newest with text 2024-17, 13 behind 2024-30: R updates, F fetches"
    );
    assert!(
        status_line(&screen(&app, 80, 24))
            .starts_with("text to 2024-17, 13 behind 2024-30: R updates, F fetches · ? help"),
        "{}",
        screen(&app, 80, 24)
    );
    let app = app_with_ui(Box::new(behind_library()), None, 40, 12, ui_in(Lang::En));
    assert!(
        status_line(&screen(&app, 40, 12)).starts_with("13 behind: R updates · ? help · q quit"),
        "{}",
        screen(&app, 40, 12)
    );
}

#[test]
fn the_notice_names_the_keys_as_remapped_and_leaves_out_an_unbound_one() {
    let config = Config::parse(
        "[keys]\nupdate = [\"U\"]\nfetch = []\n",
        "my.toml",
        false,
        Lang::En,
    )
    .expect("valid");
    let ui = Ui {
        lang: Lang::En,
        theme: config.theme,
        keys: config.keys,
    };
    let app = app_with_ui(Box::new(behind_library()), None, 80, 24, ui);
    assert_eq!(
        app.status.message.as_ref().map(|s| s.text.as_str()),
        Some("newest with text 2024-17, 13 behind 2024-30: U updates")
    );
}

#[test]
fn a_cache_whose_newest_issue_has_text_says_nothing_of_it() {
    let app = app_zh(library(), None, 80, 24);
    assert_eq!(app.status.message, None);
    // Known only by title, nothing with text at all: it says that.
    let mut lib = MemoryLibrary::new();
    lib.insert(title_only(18));
    lib.insert(title_only(19));
    let app = app_with_ui(Box::new(lib), None, 80, 24, ui_in(Lang::En));
    assert_eq!(
        app.status.message.as_ref().map(|s| s.text.as_str()),
        Some("no issue has text yet; 2 known, the newest 2024-19: R updates, F fetches")
    );
}
