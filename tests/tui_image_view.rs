//! The image view in the whole TUI, drawn into a TestBackend: `i` opens it
//! over the detail pane on the shown issue's pictures, a small known PNG
//! drawn in halfblocks at 80x24 and 40x12 (each quarter's colour checked in
//! its cells), `→`/`←` and digits switching, a picture not downloaded said
//! in place of it, `o` opening its address, `Esc` going back; the detail
//! pane's list of the issue's pictures, Enter on one opening the view
//! there; and `--demo`'s own charts shown with no network.

mod tui_fixture;

use std::cell::RefCell;
use std::path::Path;
use std::rc::Rc;
use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;

use tui_fixture::{app_with_library, draw, press, screen, text};
use zhoubao::i18n::Lang;
use zhoubao::images::image_identity;
use zhoubao::images::samples::{png, QUARTER_COLOURS};
use zhoubao::model::IssueKey;
use zhoubao::store::{NewImage, Store};
use zhoubao::tui::{action::Action, app::App, update::update};

/// A cache of one synthetic issue with its first chart downloaded: an 8×8
/// picture of four coloured quarters. The other charts are not.
fn cache(dir: &Path) -> (Store, IssueKey, Vec<String>) {
    let mut store = Store::create_or_open(&dir.join("c.db")).unwrap();
    let issue = zhoubao::synth::series(2024, 1, 3).remove(0);
    let md = zhoubao::synth::full_markdown(&issue, &[]);
    zhoubao::import::import_bytes(&mut store, "a.md", md.as_bytes());
    let first = &issue.charts[0];
    store
        .store_image(&NewImage {
            identity: &image_identity(first).unwrap(),
            url: first,
            kind: "png",
            width: 8,
            height: 8,
            bytes: &png(8, 8),
        })
        .unwrap();
    (store, issue.key, issue.charts.clone())
}

fn app_on(store: Store, key: IssueKey, width: u16, height: u16, lang: Lang) -> App {
    let mut app = app_with_library(Box::new(store), Some(key), width, height);
    app.set_language(lang);
    app
}

/// Polls as the event loop does until the worker has drawn the shown
/// picture (or 20 s pass).
fn until_drawn(app: &mut App, width: u16, height: u16) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        update(app, Action::PollImages);
        let shown = screen(app, width, height);
        if !shown.contains("正在绘制图片") && !shown.contains("drawing the image") {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the worker did not draw:\n{shown}"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn rgb(c: [u8; 3]) -> Color {
    Color::Rgb(c[0], c[1], c[2])
}

/// Cells by position, column then row.
type Cells = Vec<(u16, u16)>;

/// The cells in the picture's colours, by quarter: (top-left colour's
/// cells, …), and the bounding box of all of them (left, top, right,
/// bottom).
fn quarter_cells(buf: &Buffer) -> ([Cells; 4], (u16, u16, u16, u16)) {
    let mut found: [Cells; 4] = Default::default();
    let (mut x0, mut y0, mut x1, mut y1) = (u16::MAX, u16::MAX, 0, 0);
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            for (i, c) in QUARTER_COLOURS.iter().enumerate() {
                if cell.fg == rgb(*c) && cell.bg == rgb(*c) {
                    found[i].push((x, y));
                    (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
                }
            }
        }
    }
    (found, (x0, y0, x1, y1))
}

/// The screen's pixels as halfblocks draw them, two a cell (`▀`: the
/// foreground on top; `▄`: below; a blank: the background both), one
/// letter a pixel: R, G, B, W for the picture's quarters, `.` for the
/// terminal's own colour, `#` for any other.
fn pixels(buf: &Buffer) -> String {
    let letter = |c: Color| match c {
        Color::Reset => '.',
        c => QUARTER_COLOURS
            .iter()
            .zip("RGBW".chars())
            .find(|(q, _)| rgb(**q) == c)
            .map_or('#', |(_, l)| l),
    };
    let mut out = String::new();
    for y in 0..buf.area.height {
        let (mut top, mut bottom) = (String::new(), String::new());
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            let (t, b) = match cell.symbol() {
                "▀" => (cell.fg, cell.bg),
                "▄" => (cell.bg, cell.fg),
                _ => (cell.bg, cell.bg),
            };
            top.push(letter(t));
            bottom.push(letter(b));
        }
        out.push_str(top.trim_end_matches('.'));
        out.push('\n');
        out.push_str(bottom.trim_end_matches('.'));
        out.push('\n');
    }
    out
}

/// The picture is drawn whole in halfblocks: each quarter in its own
/// corner of one square (two rows per column), its cells' foreground and
/// background both the quarter's colour, and nothing of it left of `left`.
fn assert_quarters_drawn(buf: &Buffer, left: u16) {
    let (found, (x0, y0, x1, y1)) = quarter_cells(buf);
    assert!(found.iter().all(|q| !q.is_empty()), "a quarter is missing");
    assert!(x0 >= left, "the picture is left of the view");
    let (cx, cy) = ((x0 + x1) / 2, (y0 + y1) / 2);
    let corners = [
        |x: u16, y: u16, cx: u16, cy: u16| x <= cx && y <= cy,
        |x: u16, y: u16, cx: u16, cy: u16| x > cx && y <= cy,
        |x: u16, y: u16, cx: u16, cy: u16| x > cx && y > cy,
        |x: u16, y: u16, cx: u16, cy: u16| x <= cx && y > cy,
    ];
    for (i, cells) in found.iter().enumerate() {
        assert!(
            cells.iter().all(|&(x, y)| corners[i](x, y, cx, cy)),
            "quarter {i} outside its corner: {cells:?}"
        );
        // The quarter's middle cell, exactly.
        let &(x, y) = &cells[cells.len() / 2];
        assert_eq!(buf[(x, y)].fg, rgb(QUARTER_COLOURS[i]));
        assert_eq!(buf[(x, y)].bg, rgb(QUARTER_COLOURS[i]));
    }
    // Square in pixels: twice as many columns as rows.
    let (w, h) = (x1 - x0 + 1, y1 - y0 + 1);
    assert_eq!(w, h * 2, "{w}x{h}");
    // Right of it, inside the border: nothing drawn.
    assert_eq!(buf[(x1 + 1, cy)].bg, Color::Reset);
}

#[test]
fn i_shows_a_known_picture_in_halfblocks_at_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let (store, key, _) = cache(dir.path());
    let mut app = app_on(store, key, 80, 24, Lang::Zh);
    press(&mut app, KeyCode::Char('i'));
    until_drawn(&mut app, 80, 24);
    let buf = draw(&app, 80, 24);
    let shot = format!("{}\n{}", text(&buf), pixels(&buf));
    insta::assert_snapshot!("image_view_80x24", shot);
    assert_quarters_drawn(&buf, 1);
}

#[test]
fn i_shows_a_known_picture_in_halfblocks_at_40x12() {
    let dir = tempfile::tempdir().unwrap();
    let (store, key, _) = cache(dir.path());
    let mut app = app_on(store, key, 40, 12, Lang::En);
    press(&mut app, KeyCode::Char('i'));
    until_drawn(&mut app, 40, 12);
    let buf = draw(&app, 40, 12);
    let shot = format!("{}\n{}", text(&buf), pixels(&buf));
    insta::assert_snapshot!("image_view_40x12", shot);
    assert_quarters_drawn(&buf, 1);
}

#[test]
fn a_picture_not_downloaded_says_so_and_which_key_fetches_it() {
    let dir = tempfile::tempdir().unwrap();
    let (store, key, charts) = cache(dir.path());
    let mut app = app_on(store, key, 80, 24, Lang::Zh);
    press(&mut app, KeyCode::Char('i'));
    press(&mut app, KeyCode::Right);
    let shown = screen(&app, 80, 24);
    insta::assert_snapshot!("image_view_not_cached_80x24", shown);
    assert!(shown.contains(&format!("图 2/{}", charts.len())), "{shown}");
    assert!(shown.contains("还没有下载"), "{shown}");
    assert!(shown.contains("按 F 下载"), "{shown}");
    // Nothing of a picture is drawn in place of it.
    let (found, _) = quarter_cells(&draw(&app, 80, 24));
    assert!(found.iter().all(Vec::is_empty));
}

#[test]
fn arrows_and_digits_switch_o_opens_the_pictures_address_and_esc_goes_back() {
    let dir = tempfile::tempdir().unwrap();
    let (store, key, charts) = cache(dir.path());
    let mut app = app_on(store, key, 80, 24, Lang::En);
    let opened = Rc::new(RefCell::new(Vec::<String>::new()));
    let seen = opened.clone();
    app.set_url_opener(Box::new(move |url| {
        seen.borrow_mut().push(url.to_string());
        Ok(())
    }));
    let detail_before = screen(&app, 80, 24);
    press(&mut app, KeyCode::Char('i'));
    let of = charts.len();
    assert!(screen(&app, 80, 24).contains(&format!("image 1/{of}")));
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    assert!(screen(&app, 80, 24).contains(&format!("image 3/{of}")));
    press(&mut app, KeyCode::Left);
    assert!(screen(&app, 80, 24).contains(&format!("image 2/{of}")));
    press(&mut app, KeyCode::Char('4'));
    assert!(screen(&app, 80, 24).contains(&format!("image 4/{of}")));
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(*opened.borrow(), vec![charts[3].clone()]);
    // A number past the issue's pictures says so and stays.
    press(&mut app, KeyCode::Char('9'));
    let shown = screen(&app, 80, 24);
    assert!(shown.contains(&format!("image 4/{of}")), "{shown}");
    assert!(
        shown.contains(&format!("no image 9: this issue has {of} images")),
        "{shown}"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(screen(&app, 80, 24), detail_before);
}

#[test]
fn the_detail_pane_lists_the_pictures_and_enter_opens_the_view_at_one() {
    let dir = tempfile::tempdir().unwrap();
    let (store, key, charts) = cache(dir.path());
    let mut app = app_on(store, key, 80, 24, Lang::Zh);
    // The detail pane's end: the charts, one line each.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('G'));
    let shown = screen(&app, 80, 24);
    insta::assert_snapshot!("detail_image_list_80x24", shown);
    assert!(shown.contains("图1 已下载"), "{shown}");
    assert!(shown.contains("图2 未下载"), "{shown}");
    // Tab to its selectable lines: the first chart.
    press(&mut app, KeyCode::Tab);
    // The second chart selected, Enter: the view at it.
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Enter);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains(&format!("图 2/{}", charts.len())), "{shown}");
    // i on a selected chart line opens there too.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('i'));
    assert!(screen(&app, 80, 24).contains(&format!("图 2/{}", charts.len())));
}

#[test]
fn bytes_that_do_not_decode_show_their_reason_in_place_of_the_picture() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, key, charts) = cache(dir.path());
    // The second chart's stored bytes say PNG and are not one.
    store
        .store_image(&NewImage {
            identity: &image_identity(&charts[1]).unwrap(),
            url: &charts[1],
            kind: "png",
            width: 8,
            height: 8,
            bytes: b"\x89PNG\r\n\x1a\nnot a picture at all",
        })
        .unwrap();
    let mut app = app_on(store, key, 80, 24, Lang::En);
    press(&mut app, KeyCode::Char('i'));
    press(&mut app, KeyCode::Char('2'));
    until_drawn(&mut app, 80, 24);
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains(&format!("image 2/{}", charts.len())),
        "{shown}"
    );
    assert!(shown.contains("unreadable PNG image"), "{shown}");
}

#[test]
fn the_demo_shows_its_own_charts_with_no_network() {
    let store = zhoubao::cli::cache::open_demo(Lang::En).unwrap();
    let mut app = app_with_library(Box::new(store), None, 80, 24);
    app.set_language(Lang::En);
    press(&mut app, KeyCode::Char('i'));
    until_drawn(&mut app, 80, 24);
    let buf = draw(&app, 80, 24);
    let shown = text(&buf);
    assert!(shown.contains("image 1/"), "{shown}");
    assert!(!shown.contains("not downloaded"), "{shown}");
    // A picture: many cells of half blocks in colour.
    let coloured = (0..24)
        .flat_map(|y| (0..80).map(move |x| (x, y)))
        .filter(|&p| matches!(buf[p].bg, Color::Rgb(..)))
        .count();
    assert!(coloured > 100, "{shown}");
    // F there fetches nothing: the demo never touches the network.
    press(&mut app, KeyCode::Char('F'));
    assert!(screen(&app, 80, 24).contains("--demo never touches the network"));
}

#[test]
fn i_on_an_issue_known_only_by_its_title_says_it_is_not_cached() {
    // 2024-15 of the shared fixture is a 近期回顾 reference without text.
    let lib = tui_fixture::library();
    let mut app = tui_fixture::app_with(lib, Some(tui_fixture::key(2024, 15)), 80, 24);
    press(&mut app, KeyCode::Char('i'));
    assert_ne!(app.mode(), zhoubao::tui::action::InputMode::Image);
    let shot = screen(&app, 80, 24);
    assert!(shot.contains("not cached: F fetches it"), "{shot}");
    assert!(!shot.contains("no images"), "{shot}");
}

#[test]
fn i_on_an_issue_without_pictures_says_so_and_opens_no_empty_view() {
    let lib = tui_fixture::weeks_library(&[(2024, 17, tui_fixture::events(300))]);
    let mut app = tui_fixture::app_zh(lib, Some(tui_fixture::key(2024, 17)), 80, 24);
    tui_fixture::press(&mut app, KeyCode::Char('i'));
    assert_eq!(app.mode(), zhoubao::tui::action::InputMode::Normal);
    let said = app.status.message.as_ref().map(|m| m.text.clone());
    assert_eq!(said.as_deref(), Some("2024-17 的正文里没有图片"));
}
