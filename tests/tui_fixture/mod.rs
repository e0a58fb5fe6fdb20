//! Hand-made Chinese fixture issues and helpers shared by the TUI tests:
//! building an app at a size, pressing keys and reading the screen as text.
#![allow(dead_code)]

use chrono::NaiveDate;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use unicode_width::UnicodeWidthStr;

use zhoubao::i18n::Lang;
use zhoubao::model::{
    Alias, Assessment, Figures, IssueDetail, IssueKey, IssueSummary, Metric, Period, SeriesId,
    StoredRef,
};
use zhoubao::tui::{app::App, library::Library, library::MemoryLibrary, ui::Ui, update::update};

pub fn key(year: i32, number: u32) -> IssueKey {
    IssueKey::new(year, number)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("fixture dates are valid")
}

pub fn url(number: u32) -> String {
    format!("https://mp.weixin.qq.com/s?__biz=FIXTURE&mid={number}&idx=1")
}

/// 网络安全信息与动态周报's five figures, in their order.
pub fn figures(values: [Option<i64>; 5]) -> Figures {
    Figures::headline(SeriesId::CNCERT, &values)
}

/// One of 网络安全信息与动态周报's figures, by id.
pub fn fig(id: &str) -> Metric {
    SeriesId::CNCERT.figure(id)
}

/// A full (cached) issue of 2024 with the given week and figures.
pub fn cached(number: u32, start: (u32, u32), end: (u32, u32), f: Figures) -> IssueDetail {
    IssueDetail {
        summary: IssueSummary {
            last_number: None,
            key: key(2024, number),
            title: Some(format!(
                "网络安全信息与动态周报2024年第{number}期（{}月{}日-{}月{}日）",
                start.0, start.1, end.0, end.1
            )),
            period: Some(Period { start: date(2024, start.0, start.1), end: date(2024, end.0, end.1) }),
            published: Some(date(2024, end.0, end.1) + chrono::Days::new(3)),
            assessment: Some(Assessment::Good),
            figures: f,
            cached: true,
            read: false,
            flagged: false,
            note: None,
        },
        source: Some("国家互联网应急中心CNCERT".to_string()),
        url: Some(url(number)),
        body: vec![
            "本周，互联网网络安全态势整体评价为良。这是测试用的自拟文字，不取自任何真实周报。".to_string(),
            format!("第{number}期正文第二段：一段足够长的中文句子，用来检验在窄终端里按显示宽度逐字换行，而不是只在空格处断行。"),
        ],
        images: vec![format!("https://mmbiz.qpic.cn/fixture/{number}/chart1.png")],
        recent: Vec::new(),
        aliases: vec![Alias { url: Some(url(number)), source: Some("国家互联网应急中心CNCERT".to_string()) }],
        truncated: false,
        conflicts: Vec::new(),
    }
}

/// An issue known only by its title (a reference or a stub).
pub fn not_cached(number: u32) -> IssueDetail {
    IssueDetail {
        summary: IssueSummary {
            last_number: None,
            key: key(2024, number),
            title: Some(format!("网络安全信息与动态周报2024年第{number}期")),
            period: Some(Period {
                start: date(2024, 4, 8),
                end: date(2024, 4, 14),
            }),
            published: None,
            assessment: None,
            figures: Figures::default(),
            cached: false,
            read: false,
            flagged: false,
            note: None,
        },
        source: None,
        url: Some(url(number)),
        body: Vec::new(),
        images: Vec::new(),
        recent: Vec::new(),
        aliases: Vec::new(),
        truncated: false,
        conflicts: Vec::new(),
    }
}

pub fn reference(
    position: u32,
    k: Option<IssueKey>,
    title: &str,
    link: Option<String>,
) -> StoredRef {
    StoredRef {
        position,
        key: k,
        title: title.to_string(),
        url: link,
        cached: false,
    }
}

/// 2024 第12、13、15、16、17期 (14 is missing, 15 is not cached). 17's
/// 近期回顾 points at 16 (cached), 15 (not cached), 14 (unknown), a
/// keyless line whose URL is 13's, and a keyless line without a link.
pub fn library() -> MemoryLibrary {
    let mut lib = MemoryLibrary::new();
    let mut i17 = cached(
        17,
        (4, 22),
        (4, 27),
        figures([Some(381), Some(149), Some(332), Some(5), Some(5)]),
    );
    i17.recent = vec![
        reference(
            1,
            Some(key(2024, 16)),
            "网络安全信息与动态周报2024年第16期（4月15日-4月21日）",
            Some(url(16)),
        ),
        reference(
            2,
            Some(key(2024, 15)),
            "网络安全信息与动态周报2024年第15期（4月8日-4月14日）",
            Some(url(15)),
        ),
        reference(
            3,
            Some(key(2024, 14)),
            "网络安全信息与动态周报2024年第14期（4月1日-4月7日）",
            Some(url(14)),
        ),
        reference(4, None, "上上期周报（标题里没有期号）", Some(url(13))),
        reference(5, None, "一条没有链接的回顾", None),
    ];
    let mut i16 = cached(
        16,
        (4, 15),
        (4, 21),
        figures([Some(369), Some(152), Some(320), None, Some(3)]),
    );
    i16.recent = vec![reference(
        1,
        Some(key(2024, 15)),
        "网络安全信息与动态周报2024年第15期（4月8日-4月14日）",
        Some(url(15)),
    )];
    lib.insert(i17);
    lib.insert(i16);
    lib.insert(not_cached(15));
    lib.insert(cached(
        13,
        (3, 25),
        (3, 31),
        figures([Some(402), Some(170), Some(390), Some(7), Some(9)]),
    ));
    let mut i12 = cached(
        12,
        (3, 18),
        (3, 24),
        figures([Some(355), Some(140), Some(301), Some(4), Some(6)]),
    );
    i12.summary.read = true;
    lib.insert(i12);
    lib
}

pub fn app_with(lib: MemoryLibrary, open: Option<IssueKey>, width: u16, height: u16) -> App {
    app_with_library(Box::new(lib), open, width, height)
}

/// The fixture's UI: English (most tests read the status line's words),
/// the default theme and keys.
pub fn ui_in(lang: Lang) -> Ui {
    Ui {
        lang,
        ..Ui::default()
    }
}

pub fn app_with_library(
    lib: Box<dyn Library>,
    open: Option<IssueKey>,
    width: u16,
    height: u16,
) -> App {
    app_with_ui(lib, open, width, height, ui_in(Lang::En))
}

pub fn app_with_ui(
    lib: Box<dyn Library>,
    open: Option<IssueKey>,
    width: u16,
    height: u16,
    ui: Ui,
) -> App {
    let mut app = App::with_ui(lib, open, ui).expect("the fixture library loads");
    app.set_url_opener(Box::new(|_| Ok(())));
    update(
        &mut app,
        zhoubao::tui::action::Action::Resize(width, height),
    );
    app
}

pub fn app(width: u16, height: u16) -> App {
    app_with(library(), None, width, height)
}

/// `app_with` in Chinese, the series' language, for the chart and
/// comparison tests that read its labels.
pub fn app_zh(lib: MemoryLibrary, open: Option<IssueKey>, width: u16, height: u16) -> App {
    app_with_ui(Box::new(lib), open, width, height, ui_in(Lang::Zh))
}

pub fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|f| zhoubao::tui::draw::draw(f, app))
        .expect("drawing to a test backend");
    terminal.backend().buffer().clone()
}

/// The frame as drawn, before the terminal diff hides cells covered by a
/// wide character: where a half-covered character would be lost.
pub fn draw_frame(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    let frame = terminal
        .draw(|f| zhoubao::tui::draw::draw(f, app))
        .expect("drawing to a test backend");
    frame.buffer.clone()
}

/// The screen as text, one line per row, wide characters once.
pub fn text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut hidden = 0;
        for x in area.left()..area.right() {
            if hidden > 0 {
                hidden -= 1;
                continue;
            }
            let symbol = buf[(x, y)].symbol();
            hidden = symbol.width().saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn screen(app: &App, width: u16, height: u16) -> String {
    text(&draw(app, width, height))
}

/// The hits of the current search, none without one.
pub fn hits(app: &App) -> Vec<IssueKey> {
    app.search
        .as_ref()
        .map(|s| s.hits.clone())
        .unwrap_or_default()
}

pub fn press(app: &mut App, code: KeyCode) {
    press_with(app, code, KeyModifiers::NONE);
}

pub fn press_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    let key = KeyEvent::new(code, modifiers);
    if let Some(a) = app.ui.keys.action(key, app.mode(), app.focus) {
        update(app, a);
    }
}

pub fn chars(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// An address for an issue of any year (`url` is by number alone).
pub fn url_of(k: IssueKey) -> String {
    format!(
        "https://mp.weixin.qq.com/s?__biz=FIXTURE&mid={}{:02}&idx=1",
        k.year, k.number
    )
}

/// A full (cached) issue of any year, its week from the series' calendar
/// (so weeks across a new year and 53-week years come out right).
pub fn cached_week(year: i32, number: u32, f: Figures) -> IssueDetail {
    let k = key(year, number);
    let period = zhoubao::calendar::period_of_key(k).expect("fixture weeks are on the calendar");
    let days = zhoubao::calendar::period_text(period, zhoubao::calendar::crosses_year(period));
    IssueDetail {
        summary: IssueSummary {
            last_number: None,
            key: k,
            title: Some(format!(
                "网络安全信息与动态周报{year}年第{number}期（{days}）"
            )),
            period: Some(period),
            published: Some(period.end + chrono::Days::new(3)),
            assessment: Some(Assessment::Good),
            figures: f,
            cached: true,
            read: false,
            flagged: false,
            note: None,
        },
        source: Some("国家互联网应急中心CNCERT".to_string()),
        url: Some(url_of(k)),
        body: vec![format!(
            "{year}年第{number}期：自拟的测试正文，不取自任何真实周报。"
        )],
        images: Vec::new(),
        recent: Vec::new(),
        aliases: vec![Alias {
            url: Some(url_of(k)),
            source: Some("国家互联网应急中心CNCERT".to_string()),
        }],
        truncated: false,
        conflicts: Vec::new(),
    }
}

/// 2024-6 and the 52 weeks after it, to 2025-6 (the year crossing
/// between), made so that 2025-6 shows every kind of comparison:
/// - 处理事件 620: against the adjacent 2025-5, a mean of all four weeks,
///   a year earlier (2024-6) that is known, the highest of 52 known weeks;
/// - 跨境事件 100: 2024-6 lacks it (year earlier absent), and 2024-26 had
///   100 too: joint lowest;
/// - 仿冒投诉 346: none in 2025-3 … 2025-5, so against 2025-2, named, a
///   mean of one week, ranked among 49 known;
/// - 恶意APP平台 3: 2025-5 had 0 (no percentage: "new"), second lowest;
/// - 恶意URL: not in 2025-6 at all.
pub fn comparisons_library() -> MemoryLibrary {
    let first = zhoubao::calendar::week_index(key(2024, 6)).expect("2024-6 is on the calendar");
    let mut lib = MemoryLibrary::new();
    for k in 0..=52i64 {
        let week = zhoubao::calendar::key_at(first + k).expect("fixture weeks are on the calendar");
        let mut f = figures([
            Some(300 + k * 37 % 200),
            Some(101 + k * 53 % 90),
            Some(200 + k * 29 % 150),
            Some(5 + k * 7 % 11),
            Some(10 + k % 9),
        ]);
        match (week.year, week.number) {
            (2024, 6) => f.set(fig("cross_border"), None),
            (2024, 26) => f.set_count(fig("cross_border"), Some(100)),
            (2025, 3..=5) => f.set(fig("phishing_complaints"), None),
            _ => {}
        }
        if week == key(2025, 5) {
            f.set_count(fig("malicious_app_platforms"), Some(0));
        }
        if week == key(2025, 6) {
            f = figures([Some(620), Some(100), Some(346), Some(3), None]);
        }
        lib.insert(cached_week(week.year, week.number, f));
    }
    lib
}

/// Only 处理事件 known: the figure most chart tests look at.
pub fn events(v: i64) -> Figures {
    figures([Some(v), None, None, None, None])
}

/// A library of cached issues, one per `(year, number, figures)`.
pub fn weeks_library(weeks: &[(i32, u32, Figures)]) -> MemoryLibrary {
    let mut lib = MemoryLibrary::new();
    for (year, number, f) in weeks {
        lib.insert(cached_week(*year, *number, f.clone()));
    }
    lib
}

/// What the detail pane says of an issue known only by reference (English).
pub const NOT_CACHED_NOTE: &str = "not cached: F fetches it, or import a saved copy";
