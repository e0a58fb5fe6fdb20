//! Saying what is missing, in the TUI: on start, when the newest issue
//! with text is behind the newest one known, the status line says how far
//! and what to do (`R` updates, `F` fetches), whole where it fits and in a
//! shorter form where it does not, in both languages; the detail pane of
//! an issue whose imported copies held no text says so, and what to do.

mod tui_fixture;

use chrono::{NaiveDate, Weekday};

use tui_fixture::{app_with_ui, app_zh, library, not_cached, screen, ui_in};
use zhoubao::config::Config;
use zhoubao::i18n::Lang;
use zhoubao::model::{IssueDetail, IssueKey, Period};
use zhoubao::store::Store;
use zhoubao::synth::{self, StubKind};
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

/// The detail pane's rows (right of the list), joined with `sep` (a
/// space where English wrapped at one): a note wrapped over several rows
/// reads whole.
fn detail_text(screen: &str, sep: &str) -> String {
    screen
        .lines()
        .filter_map(|l| l.split("││").nth(1))
        .map(|l| l.trim_end_matches('│').trim_end())
        .collect::<Vec<_>>()
        .join(sep)
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
        status_line(&text).starts_with("正文最新到 2024-17，落后 2024-30 共 13 期：R 更新 · "),
        "{text}"
    );
    // The whole of it is kept for a wider screen.
    let said = app.status.message.as_ref().expect("a notice");
    assert_eq!(
        said.text,
        "有正文的最新一期是 2024-17，比已知最新的 2024-30 落后 13 期：R 更新，F 获取未缓存期"
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
        "newest with text 2024-17, 13 behind 2024-30: R updates, F fetches uncached ones"
    );
    assert!(
        status_line(&screen(&app, 80, 24))
            .starts_with("text to 2024-17, 13 behind 2024-30: R updates · ? help"),
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
        Some("no issue has text yet; 2 known, the newest 2024-19: R updates, F fetches uncached ones")
    );
}

#[test]
fn an_issue_whose_imported_copies_held_no_text_says_so_in_the_detail_pane() {
    let issues = synth::series(2025, 3, 0x5eed_5eed);
    let dir = tempfile::tempdir().unwrap();
    // 2025-1 and 2025-3 in full; 2025-2 only as two title-only copies.
    let mut files = Vec::new();
    let mut write = |name: &str, text: String| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        files.push(path);
    };
    write("a.md", synth::full_markdown(&issues[0], &[]));
    write(
        "b1.md",
        synth::stub_markdown(&issues[1], StubKind::TitleOnly),
    );
    write(
        "b2.md",
        synth::stub_markdown(&issues[1], StubKind::AntiBotWall),
    );
    write("c.md", synth::full_markdown(&issues[2], &[]));
    let db = dir.path().join("c.db");
    let mut store = Store::create_or_open(&db).unwrap();
    zhoubao::import::import_paths(&mut store, &files, false);
    drop(store);
    let empty = IssueKey::new(2025, 2);

    let store = Store::open_existing(&db).unwrap();
    let app = app_with_ui(Box::new(store), Some(empty), 80, 24, ui_in(Lang::Zh));
    let text = screen(&app, 80, 24);
    insta::assert_snapshot!(text);
    assert!(
        detail_text(&text, "").contains(
            "未缓存：导入的 2 份都没有正文（空白页面或只有标题）；按 R 更新订阅源，或按 F 从网上获取有正文的一份"
        ),
        "{text}"
    );

    let store = Store::open_existing(&db).unwrap();
    let app = app_with_ui(Box::new(store), Some(empty), 160, 30, ui_in(Lang::En));
    let text = screen(&app, 160, 30);
    assert!(
        detail_text(&text, " ").contains(
            "not cached: the 2 imported copies held no article text (empty pages or titles \
             only); R updates the feeds, or F fetches a copy with text"
        ),
        "{text}"
    );
    // An issue known only from a 近期回顾 line keeps the plain note.
    let store = Store::open_existing(&db).unwrap();
    let app = app_with_ui(
        Box::new(store),
        Some(IssueKey::new(2025, 1)),
        160,
        30,
        ui_in(Lang::En),
    );
    assert!(!screen(&app, 160, 30).contains("imported cop"));
}
