//! Ten thousand issues: the first frame and a key press must stay fast.
//! Release builds (`cargo test --release --test tui_perf`) check the real
//! budget (150 ms to the first frame, 16 ms per key); debug builds only
//! check that nothing is pathologically slow.

mod tui_fixture;

use std::time::{Duration, Instant};

use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::Terminal;

use tui_fixture::{cached, figures, key, press};
use zhoubao::model::IssueKey;
use zhoubao::tui::{action::Action, update, App, MemoryLibrary};

const ISSUES: u32 = 10_000;

fn big_library() -> MemoryLibrary {
    let mut lib = MemoryLibrary::new();
    for i in 0..ISSUES {
        let v = i64::from(i % 97) * 7 + 100;
        let mut d = cached(
            1,
            (1, 1),
            (1, 7),
            figures([Some(v), Some(v / 2), Some(v - 50), Some(3), Some(v % 11)]),
        );
        let k = IssueKey::new(1900 + i32::try_from(i / 50).unwrap_or(0), i % 50 + 1);
        d.summary.key = k;
        lib.insert(d);
    }
    lib
}

fn budget(release: u64, debug: u64) -> Duration {
    Duration::from_millis(if cfg!(debug_assertions) {
        debug
    } else {
        release
    })
}

#[test]
fn ten_thousand_issues_draw_the_first_frame_and_answer_keys_in_budget() {
    let lib = big_library();
    let mut terminal = Terminal::new(TestBackend::new(160, 50)).expect("test backend");

    let start = Instant::now();
    let mut app = App::new(Box::new(lib), None).expect("memory library");
    update(&mut app, Action::Resize(160, 50));
    terminal
        .draw(|f| zhoubao::tui::draw(f, &app))
        .expect("draw");
    let first = start.elapsed();
    eprintln!("first frame after {first:?}");
    assert!(first < budget(150, 3000), "first frame took {first:?}");
    assert_eq!(app.summaries.len(), usize::try_from(ISSUES).unwrap_or(0));

    let mut worst = Duration::ZERO;
    for code in [
        KeyCode::Char('j'),
        KeyCode::PageDown,
        KeyCode::Char('G'),
        KeyCode::Char('['),
        KeyCode::Char('g'),
        KeyCode::Tab,
        KeyCode::Char('j'),
    ] {
        let t = Instant::now();
        press(&mut app, code);
        terminal
            .draw(|f| zhoubao::tui::draw(f, &app))
            .expect("draw");
        worst = worst.max(t.elapsed());
    }
    eprintln!("slowest key press + redraw {worst:?}");
    assert!(worst < budget(16, 500), "a key press took {worst:?}");
    assert_eq!(app.current_key(), Some(key(2099, 50)));
}

/// The same budget on the real SQLite store (in memory).
#[test]
fn ten_thousand_issues_from_the_store_draw_the_first_frame_in_budget() {
    use zhoubao::model::{Bulletin, Completeness, SourceFormat};
    let mut store = zhoubao::store::Store::open_in_memory().expect("store");
    for i in 0..ISSUES {
        let key = IssueKey::new(1900 + i32::try_from(i / 50).unwrap_or(0), i % 50 + 1);
        let v = i64::from(i % 97) * 7 + 100;
        let b = Bulletin {
            format: SourceFormat::Markdown,
            key,
            title: format!("网络安全信息与动态周报{}年第{}期", key.year, key.number),
            period: None,
            published: None,
            source: Some("国家互联网应急中心CNCERT".into()),
            url: Some(format!(
                "https://mp.weixin.qq.com/s?__biz=PERF&mid={i}&idx=1"
            )),
            article: None,
            urls: Vec::new(),
            assessment: None,
            figures: figures([Some(v), Some(v / 2), None, Some(3), Some(v % 11)]),
            images: Vec::new(),
            body: vec!["正文".into()],
            recent: Vec::new(),
            completeness: Completeness::Full,
        };
        store.import_bulletin(&b).expect("import");
    }
    let mut terminal = Terminal::new(TestBackend::new(160, 50)).expect("test backend");
    let start = Instant::now();
    let mut app = App::new(Box::new(store), None).expect("store loads");
    update(&mut app, Action::Resize(160, 50));
    terminal
        .draw(|f| zhoubao::tui::draw(f, &app))
        .expect("draw");
    let first = start.elapsed();
    eprintln!("store: first frame after {first:?}");
    assert!(first < budget(150, 3000), "first frame took {first:?}");
    let t = Instant::now();
    press(&mut app, KeyCode::Char('j'));
    terminal
        .draw(|f| zhoubao::tui::draw(f, &app))
        .expect("draw");
    let key_time = t.elapsed();
    eprintln!("store: key press + redraw {key_time:?}");
    assert!(key_time < budget(16, 500), "a key press took {key_time:?}");
}
