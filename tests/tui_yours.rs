//! Making the TUI yours: the mono theme (NO_COLOR) with no colour in any
//! cell and every state still visible, one language at a time, remapped
//! keys everywhere, keys that back out, help paging and a whole
//! "too small" message at any size.

mod tui_fixture;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui::style::{Color, Modifier};

use tui_fixture::*;
use zhoubao::config::Config;
use zhoubao::i18n::Lang;
use zhoubao::tui::{
    action::Action, action::Focus, action::InputMode, app::App, ui::Ui, update::update,
};

fn mono_app(width: u16, height: u16) -> App {
    let config = Config::parse("", "test.toml", true, Lang::En).expect("valid");
    let ui = Ui {
        lang: Lang::En,
        theme: config.theme,
        keys: config.keys,
    };
    app_with_ui(Box::new(library()), None, width, height, ui)
}

fn colourless(c: Color) -> bool {
    c == Color::Reset
}

#[test]
fn mono_draws_no_colour_in_any_cell_and_reverses_the_selected_row() {
    let mut app = mono_app(80, 24);
    let buf = draw(&app, 80, 24);
    for cell in buf.content() {
        assert!(
            colourless(cell.fg) && colourless(cell.bg),
            "{:?} has colour",
            cell
        );
    }
    // The selected row (2024-17, the first) is reversed from edge to edge.
    // (A cell under the second half of a wide character is not drawn.)
    for x in 1..31u16 {
        let behind_wide =
            x > 1 && unicode_width::UnicodeWidthStr::width(buf[(x - 1, 1)].symbol()) > 1;
        assert!(
            behind_wide || buf[(x, 1)].modifier.contains(Modifier::REVERSED),
            "column {x}"
        );
    }
    assert!(!buf[(1, 2)].modifier.contains(Modifier::REVERSED));
    // The focused pane's border is thick, the others thin.
    assert_eq!(buf[(0, 0)].symbol(), "┏");
    assert_eq!(buf[(32, 0)].symbol(), "┌");
    // Unread is bold, not cached has its mark, rises are bold.
    assert!(buf[(1, 1)].modifier.contains(Modifier::BOLD));
    assert!(text(&buf).contains("┃·  2024-15"));
    press(&mut app, KeyCode::Tab);
    let buf = draw(&app, 80, 24);
    assert_eq!(buf[(0, 0)].symbol(), "┌");
    assert_eq!(buf[(32, 0)].symbol(), "┏");
    // The list's selection without focus is still marked: underlined.
    assert!(buf[(2, 1)].modifier.contains(Modifier::UNDERLINED));
    let screen = text(&buf);
    let (y, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("+12 (+3.3%)"))
        .expect("the rise");
    let x = line
        .find("+12")
        .map(|b| unicode_width::UnicodeWidthStr::width(&line[..b]));
    let cell = &buf[(
        u16::try_from(x.expect("found")).unwrap_or(0),
        u16::try_from(y).unwrap_or(0),
    )];
    assert!(cell.modifier.contains(Modifier::BOLD), "{cell:?}");
}

#[test]
fn mono_search_hits_and_the_chart_view_have_no_colour_either() {
    let mut app = mono_app(80, 24);
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "第17期");
    press(&mut app, KeyCode::Enter);
    let buf = draw(&app, 80, 24);
    let hit = buf
        .content()
        .iter()
        .find(|c| c.symbol() == "第" && c.modifier.contains(Modifier::UNDERLINED));
    assert!(hit.is_some(), "the hit is underlined");
    press(&mut app, KeyCode::Char('c'));
    let buf = draw(&app, 80, 24);
    assert!(buf
        .content()
        .iter()
        .all(|c| colourless(c.fg) && colourless(c.bg)));
}

#[test]
fn main_screen_in_chinese_80x24() {
    let app = app_zh(library(), None, 80, 24);
    let text = screen(&app, 80, 24);
    insta::assert_snapshot!(text);
    // One language: the English words are gone from the frame.
    for english in [
        "Detail", "issues", "unread", "help", "quit", "Figures", "Weekly",
    ] {
        assert!(!text.contains(english), "{english}:\n{text}");
    }
}

#[test]
fn main_screen_in_english_80x24_has_no_chinese_but_the_bulletins_own() {
    let app = app(80, 24);
    let text = screen(&app, 80, 24);
    for chinese in [
        "详情",
        "未读",
        "本周数据",
        "每周趋势",
        "处理事件",
        "帮助",
        "退出",
        "周期",
    ] {
        assert!(!text.contains(chinese), "{chinese}:\n{text}");
    }
    // The bulletin's own words stay as they are.
    assert!(text.contains("网络安全信息与动态周报2024年第17期"));
    assert!(text.contains("良"));
}

#[test]
fn chart_view_in_english_80x24() {
    let mut app = app_with(
        weeks_library(
            &(1..=30)
                .map(|n| (2024, n, events(100 + i64::from(n) * 7 % 50)))
                .collect::<Vec<_>>(),
        ),
        Some(key(2024, 18)),
        80,
        24,
    );
    press(&mut app, KeyCode::Char('c'));
    let text = screen(&app, 80, 24);
    insta::assert_snapshot!(text);
    assert!(text.contains("1/5 Events · 52 wks"), "{text}");
    assert!(
        text.contains("now") && text.contains("4-wk moving avg"),
        "{text}"
    );
    assert!(!text.contains("本期") && !text.contains("月"), "{text}");
}

#[test]
fn help_in_english_100x30() {
    let mut app = app(100, 30);
    press(&mut app, KeyCode::Char('?'));
    let text = screen(&app, 100, 30);
    insta::assert_snapshot!(text);
    assert!(text.contains("Keys — Esc closes, j/k scroll"), "{text}");
    assert!(text.contains("↓ more below"), "{text}");
}

#[test]
fn help_pages_with_every_paging_key_and_the_wheel_and_says_where_it_is() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('?'));
    let top = screen(&app, 80, 24);
    assert!(top.contains(" 1–20 of "), "{top}");
    let end = zhoubao::tui::view::help::max_scroll(app.panes.screen, &app.ui);
    assert!(end > 40, "the help is long enough to page: {end}");
    let page = zhoubao::tui::view::help::visible_rows(app.panes.screen, &app.ui) - 1;
    for (code, mods, expected) in [
        (KeyCode::PageDown, KeyModifiers::NONE, page),
        (KeyCode::Char(' '), KeyModifiers::NONE, 2 * page),
        (KeyCode::PageUp, KeyModifiers::NONE, page),
        (KeyCode::Char('d'), KeyModifiers::CONTROL, 2 * page),
        (KeyCode::Char('u'), KeyModifiers::CONTROL, page),
        (KeyCode::Char('G'), KeyModifiers::SHIFT, end),
        (KeyCode::Char('g'), KeyModifiers::NONE, 0),
        (KeyCode::End, KeyModifiers::NONE, end),
        (KeyCode::Home, KeyModifiers::NONE, 0),
        (KeyCode::Char('j'), KeyModifiers::NONE, 1),
    ] {
        press_with(&mut app, code, mods);
        assert_eq!(app.help.scroll, expected, "{code:?} {mods:?}");
        assert_eq!(app.mode(), InputMode::Help);
    }
    update(
        &mut app,
        Action::Scroll {
            column: 0,
            row: 0,
            down: true,
        },
    );
    assert_eq!(app.help.scroll, 4, "the wheel scrolls wherever it is");
    press(&mut app, KeyCode::End);
    let bottom = screen(&app, 80, 24);
    assert!(!bottom.contains("more below"), "{bottom}");
    assert!(
        bottom.contains("Mouse") && bottom.contains("wheel: scroll"),
        "{bottom}"
    );
    // The list did not move meanwhile.
    assert_eq!(app.current_key(), Some(key(2024, 17)));
}

#[test]
fn q_and_esc_back_out_one_level_and_q_on_the_list_quits() {
    let mut app = app(80, 24);
    // From the links pane, q goes back to the list.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Links);
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(app.focus, Focus::List);
    assert!(!app.quit);
    // Help over the detail: q closes it, q again back to the list.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('?'));
    press(&mut app, KeyCode::Char('q'));
    assert_eq!((app.mode(), app.focus), (InputMode::Normal, Focus::Detail));
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(app.focus, Focus::List);
    // The chart view: Esc leaves it.
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), InputMode::Normal);
    assert!(!app.quit);
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quit, "q on the list quits");
}

#[test]
fn esc_clears_a_message_or_a_search_first_then_backs_out() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "第16期");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Detail);
    assert!(app.search.is_some());
    press(&mut app, KeyCode::Esc);
    assert!(app.search.is_none(), "the highlight goes first");
    assert_eq!(app.focus, Focus::Detail);
    press(&mut app, KeyCode::Char('9')); // an error message
    assert!(app.status.message.is_some());
    press(&mut app, KeyCode::Esc);
    assert!(app.status.message.is_none());
    assert_eq!(app.focus, Focus::Detail, "the message went, not the pane");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus, Focus::List);
    press(&mut app, KeyCode::Esc);
    assert!(!app.quit, "Esc never quits");
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    for setup in ["", "?", "c", "/", ":"] {
        let mut app = app(80, 24);
        chars(&mut app, setup);
        press_with(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert!(app.quit, "after {setup:?}");
    }
}

#[test]
fn a_remap_shows_in_the_keys_the_help_and_the_status_line() {
    let config = Config::parse(
        "[keys]\nmove_down = [\"n\"]\nnext_hit = [\"ctrl-n\"]\nhelp = [\"f1\"]\n",
        "test.toml",
        false,
        Lang::En,
    )
    .expect("valid");
    let ui = Ui {
        lang: Lang::En,
        theme: config.theme,
        keys: config.keys,
    };
    let mut app = app_with_ui(Box::new(library()), None, 80, 24, ui);
    // The review keys lead the hints: move's is in the line from 120 columns.
    assert!(last_line(&screen(&app, 120, 24)).contains("n/k move"));
    assert!(last_line(&screen(&app, 80, 24)).contains("F1 help"));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.current_key(), Some(key(2024, 16)));
    press(&mut app, KeyCode::F(1));
    let help = screen(&app, 80, 24);
    assert!(help.contains("Keys — Esc closes, n/k scroll"), "{help}");
    assert!(
        help.contains("  n                   down: next issue"),
        "{help}"
    );
}

fn last_line(text: &str) -> String {
    text.lines().last().unwrap_or_default().to_string()
}

#[test]
fn too_small_says_so_whole_at_every_width_up_to_30() {
    for lang in [Lang::En, Lang::Zh] {
        for height in [1u16, 2, 3, 4, 7, 24] {
            for width in 1u16..=30 {
                // Too few cells for even the size needed ("30x8").
                if (width == 30 && height >= 8) || usize::from(width) * usize::from(height) < 4 {
                    continue;
                }
                let mut app = app_with_ui(Box::new(library()), None, width, height, ui_in(lang));
                update(&mut app, Action::Resize(width, height));
                let text = screen(&app, width, height);
                let joined: String = text.split_whitespace().collect();
                assert!(!joined.contains('…'), "{width}x{height}: {text}");
                assert!(
                    joined.contains("30x8"),
                    "{lang:?} {width}x{height}: the size needed, whole:\n{text}"
                );
                // With a few rows, the full sentence and the size it has.
                if width >= 20 && height >= 3 {
                    let full = format!("{width}x{height}");
                    assert!(joined.contains(&full), "{width}x{height}: {text}");
                }
            }
        }
    }
}
