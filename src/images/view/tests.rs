//! The image view drawn into a TestBackend: a known picture in halfblocks
//! at 80x24 and 40x12 (each quarter's colour where it belongs), the
//! states without a picture, and flipping through.

use std::time::Duration;

use ratatui::backend::TestBackend;
use ratatui::style::Color;
use ratatui::Terminal;
use ratatui_image::picker::Picker;

use super::*;
use crate::images::samples::{png, QUARTER_COLOURS};
use crate::images::{ImageKind, Reason};

fn image(index: usize, state: ImageState) -> IssueImage {
    IssueImage {
        index,
        url: format!("https://mmbiz.qpic.cn/sz_mmbiz_png/Chart{index}/640?wx_fmt=png"),
        identity: Some(format!(
            "mmbiz.qpic.cn/sz_mmbiz_png/Chart{index}?wx_fmt=png"
        )),
        heading: Some("本周网络安全基本态势".into()),
        caption: Some(format!("图{index} 境内感染网络病毒的主机数量")),
        state,
    }
}

fn cached() -> ImageState {
    ImageState::Cached {
        kind: ImageKind::Png,
        width: 8,
        height: 8,
        bytes: 100,
    }
}

fn key() -> IssueKey {
    IssueKey::new(2024, 17)
}

/// The view drawn at `w`×`h` once the renderer has the shown picture.
fn drawn(state: &ImageViewState, w: u16, h: u16, lang: Lang) -> Buffer {
    let mut renderer = ImageRenderer::new(Picker::halfblocks());
    state.request(&mut renderer, Rect::new(0, 0, w, h), |_| Some(png(8, 8)));
    assert!(renderer.wait(Duration::from_secs(20)));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| f.render_widget(ImageView::new(state, &renderer, lang), f.area()))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// Row `y` as text, each wide character once.
fn row(buf: &Buffer, y: u16) -> String {
    let mut line = String::new();
    let mut hidden = 0;
    for x in 0..buf.area.width {
        if hidden > 0 {
            hidden -= 1;
            continue;
        }
        let symbol = buf[(x, y)].symbol();
        hidden = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        line.push_str(symbol);
    }
    line
}

fn rgb(c: [u8; 3]) -> Color {
    Color::Rgb(c[0], c[1], c[2])
}

/// Each quarter of the picture shows its colour at its centre, and the
/// picture is centred in the area the widget says it uses.
fn assert_quarters(buf: &Buffer, w: u16, h: u16) {
    let area = ImageView::picture_area(Rect::new(0, 0, w, h));
    // A square picture in cells of 1:2: as wide as two rows per column.
    let side = area.width.min(area.height * 2) / 2 * 2;
    let (cols, rows) = (side, side / 2);
    let left = area.x + (area.width - cols) / 2;
    let top = area.y + (area.height - rows) / 2;
    let centres = [
        (left + cols / 4, top + rows / 4),
        (left + cols * 3 / 4, top + rows / 4),
        (left + cols * 3 / 4, top + rows * 3 / 4),
        (left + cols / 4, top + rows * 3 / 4),
    ];
    for (i, (x, y)) in centres.into_iter().enumerate() {
        let cell = &buf[(x, y)];
        let colour = rgb(QUARTER_COLOURS[i]);
        assert_eq!(
            (cell.fg, cell.bg),
            (colour, colour),
            "quarter {i} at ({x},{y}) of {w}x{h}"
        );
    }
    // Outside the picture, left of it: nothing drawn.
    if left > area.x {
        assert_eq!(buf[(area.x, top + rows / 2)].bg, Color::Reset);
    }
}

#[test]
fn a_known_picture_in_halfblocks_at_80x24() {
    let state = ImageViewState::new(key(), vec![image(1, cached()), image(2, cached())]);
    let buf = drawn(&state, 80, 24, Lang::Zh);
    assert!(
        row(&buf, 0).starts_with("┌ 图 1/2 · 本周网络安全基本态势 "),
        "{}",
        row(&buf, 0)
    );
    assert!(
        row(&buf, 22).starts_with("│图1 境内感染网络病毒的主机数量"),
        "{}",
        row(&buf, 22)
    );
    assert_quarters(&buf, 80, 24);
}

#[test]
fn a_known_picture_in_halfblocks_at_40x12() {
    let state = ImageViewState::new(key(), vec![image(1, cached())]);
    let buf = drawn(&state, 40, 12, Lang::En);
    assert!(
        row(&buf, 0).starts_with("┌ image 1/1 · 本周网络安全基本态势 "),
        "{}",
        row(&buf, 0)
    );
    assert_quarters(&buf, 40, 12);
}

#[test]
fn a_picture_not_downloaded_says_so_in_place_of_it() {
    let failed = ImageState::Failed {
        reason: Reason::of(&ImageError::Html),
    };
    let mut state =
        ImageViewState::new(key(), vec![image(1, ImageState::Missing), image(2, failed)]);
    let buf = drawn(&state, 40, 12, Lang::Zh);
    let screen: String = (0..12).map(|y| row(&buf, y) + "\n").collect();
    assert!(screen.contains("还没有下载"), "{screen}");
    assert!(state.forward());
    let buf = drawn(&state, 40, 12, Lang::En);
    let screen: String = (0..12).map(|y| row(&buf, y) + "\n").collect();
    // Wrapped within the border, centred.
    assert!(
        screen.contains("│ failed: not an image: the server sent│"),
        "{screen}"
    );
    assert!(screen.contains("a web page"), "{screen}");
    assert!(screen.contains("image 2/2"), "{screen}");
}

#[test]
fn bytes_that_do_not_decode_show_their_reason() {
    let state = ImageViewState::new(key(), vec![image(1, cached())]);
    let mut renderer = ImageRenderer::new(Picker::halfblocks());
    state.request(&mut renderer, Rect::new(0, 0, 40, 12), |_| {
        Some(b"\x89PNG\r\n\x1a\nbroken".to_vec())
    });
    assert!(renderer.wait(Duration::from_secs(20)));
    let mut terminal = Terminal::new(TestBackend::new(40, 12)).unwrap();
    terminal
        .draw(|f| f.render_widget(ImageView::new(&state, &renderer, Lang::En), f.area()))
        .unwrap();
    let buf = terminal.backend().buffer();
    let screen: String = (0..12).map(|y| row(buf, y) + "\n").collect();
    assert!(screen.contains("unreadable PNG image"), "{screen}");
}

#[test]
fn before_the_worker_is_done_the_view_says_it_is_drawing() {
    let state = ImageViewState::new(key(), vec![image(1, cached())]);
    let renderer = ImageRenderer::new(Picker::halfblocks());
    let mut terminal = Terminal::new(TestBackend::new(40, 12)).unwrap();
    terminal
        .draw(|f| f.render_widget(ImageView::new(&state, &renderer, Lang::Zh), f.area()))
        .unwrap();
    let screen: String = (0..12)
        .map(|y| row(terminal.backend().buffer(), y) + "\n")
        .collect();
    assert!(screen.contains("正在绘制图片…"), "{screen}");
}

#[test]
fn an_issue_without_pictures_says_so() {
    let state = ImageViewState::new(key(), Vec::new());
    assert_eq!(state.position(), None);
    let buf = drawn(&state, 40, 12, Lang::Zh);
    let screen: String = (0..12).map(|y| row(&buf, y) + "\n").collect();
    assert!(screen.contains("这一期没有图片"), "{screen}");
}

#[test]
fn arrows_and_digits_choose_within_the_issues_pictures() {
    let mut state = ImageViewState::new(key(), (1..=5).map(|i| image(i, cached())).collect());
    assert_eq!(state.position(), Some((1, 5)));
    assert!(!state.back(), "no picture before the first");
    assert!(state.forward());
    assert_eq!(state.position(), Some((2, 5)));
    assert!(state.select(5));
    assert!(!state.forward(), "no picture after the last");
    assert!(!state.select(6) && !state.select(0));
    assert!(state.back());
    assert_eq!(state.current().map(|i| i.index), Some(4));
    // Read again after a download: the same picture stays shown.
    let mut again: Vec<IssueImage> = (1..=5).map(|i| image(i, cached())).collect();
    again.remove(0);
    state.refresh(again);
    assert_eq!(state.current().map(|i| i.index), Some(4));
    assert_eq!(state.position(), Some((3, 4)));
    state.refresh(Vec::new());
    assert_eq!(state.position(), None);
}

#[test]
fn pictures_to_fetch_are_the_missing_and_the_failed() {
    let failed = ImageState::Failed {
        reason: Reason::of(&ImageError::Empty),
    };
    let state = ImageViewState::new(
        key(),
        vec![
            image(1, cached()),
            image(2, ImageState::Missing),
            image(3, failed),
            image(4, ImageState::BadAddress),
        ],
    );
    assert_eq!(state.missing(), 2);
}
