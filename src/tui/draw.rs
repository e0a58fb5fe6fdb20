//! Draws the whole screen from the App: which widgets show and the props
//! each gets from the state that owns them. The one place the App meets
//! view/: widgets never see the App or state/, so the rooms depend one way.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use ratatui::Frame;

use ratatui_image::picker::ProtocolType;

use super::action::Focus;
use super::app::App;
use super::state::prompt::Prompt;
use super::state::search::SearchState;
use super::ui::Ui;
use super::view::brief::BriefView;
use super::view::chart::ChartPane;
use super::view::chart_view::ChartScreen;
use super::view::detail::DetailView;
use super::view::help::HelpView;
use super::view::layout;
use super::view::list::{issue_label, ListView};
use super::view::status::{Said, StatusView};
use super::view::wrap;
use crate::i18n::{Images, Screen};
use crate::images::view::ImageView;

/// Draws the whole screen from the app state.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let panes = layout::panes_for(area, app.catalog.series().headline().len());
    let buf = frame.buffer_mut();
    let (ui, theme) = (&app.ui, &app.ui.theme);
    if panes.too_small {
        draw_too_small(area, buf, ui);
        return;
    }
    if app.charts.view.open {
        ChartScreen {
            view: &app.charts.view,
            theme,
            lang: ui.lang,
        }
        .render(area, buf);
        status_line(app).render(panes.status, buf);
        draw_help(app, area, buf);
        return;
    }
    // The image view goes over the detail pane and the charts, the list
    // beside it as tall (stacked, over everything but the status line).
    let (list_area, view_area) = match app.images.view() {
        Some(_) => layout::image_view(&panes),
        None => (Some(panes.list), panes.detail),
    };
    let list = &app.list;
    let empty = if app.catalog.summaries.is_empty() {
        Screen::EmptyCache.into()
    } else {
        list.filter.empty_text(ui.keys.label_of("filter", ui.lang))
    };
    let list_view = ListView {
        series: app.catalog.series(),
        summaries: &app.catalog.summaries,
        total: app.catalog.total(),
        rows: &list.rows,
        gaps: &list.gaps,
        selected: list.selected,
        highlight: app.cursor_on_shown(),
        offset: list.offset,
        focused: app.focus == Focus::List,
        unread: app.catalog.unread,
        new: app.new_this_session(),
        filter: list.filter.label().map(|l| ui.say(l)),
        empty: ui.say(empty),
        theme,
        lang: ui.lang,
    };
    if let Some(list_area) = list_area {
        list_view.render(list_area, buf);
    }
    if let (Some(view), Some(renderer)) = (app.images.view(), app.images.renderer()) {
        draw_images(app, view, renderer, view_area, buf);
        status_line(app).render(panes.status, buf);
        draw_help(app, area, buf);
        return;
    }
    let detail = &app.detail;
    DetailView {
        doc: &detail.doc,
        rows: &detail.rows,
        rows_width: detail.rows_width,
        scroll: detail.scroll,
        selected_link: (app.focus == Focus::Links).then_some(detail.link),
        focused: app.focus != Focus::List,
        title: ui.say(Screen::DetailTitle(app.current_key().map(|k| {
            app.catalog
                .get(k)
                .map_or_else(|| k.to_string(), |s| issue_label(s, true))
        }))),
        highlight: app.search.as_ref().map(|s| s.query.as_str()),
        theme,
    }
    .render(panes.detail, buf);
    if let Some(chart_area) = panes.chart {
        ChartPane {
            chart: &app.charts.pane,
            theme,
            empty: ui.say(Screen::NoFiguresYet),
        }
        .render(chart_area, buf);
    }
    status_line(app).render(panes.status, buf);
    draw_help(app, area, buf);
}

/// The image view: the shown picture as the worker drew it, what to
/// press where one is not downloaded; a picture the terminal draws over
/// the cells (kitty, sixel, iTerm2) is left out while the help covers it.
fn draw_images(
    app: &App,
    view: &crate::images::view::ImageViewState,
    renderer: &crate::images::render::ImageRenderer,
    area: Rect,
    buf: &mut Buffer,
) {
    let ui = &app.ui;
    let fetch = ui.keys.label_of("image_fetch", ui.lang);
    let hint = (!fetch.is_empty()).then(|| {
        let missing = view.missing();
        ui.say(Images::ViewFetchHint { fetch, missing })
    });
    let halfblocks = app.images.protocol() == ProtocolType::Halfblocks;
    ImageView::new(view, renderer, ui.lang)
        .border_style(ui.theme.border(true))
        .border_type(ui.theme.border_type(true))
        .dim_style(ui.theme.dim)
        .fetch_hint(hint)
        .show_picture(halfblocks || !app.help.open)
        .render(area, buf);
}

/// The status line's props: the prompt while one is open, else the last
/// message, else the kept search or the hints.
fn status_line(app: &App) -> StatusView<'_> {
    let ui = &app.ui;
    let search = app.search.as_ref();
    let said = match (&app.prompt, search) {
        (Prompt::Search(_), Some(s)) => Said::Searching {
            query: &s.query,
            hits: if s.query.is_empty() {
                String::new()
            } else {
                hit_count(s, ui)
            },
        },
        (Prompt::Goto(typed), _) => Said::Goto { typed },
        (Prompt::Note(draft), _) => Said::Note {
            label: ui.say(crate::i18n::Mine::NotePrompt { key: draft.key }),
            typed: &draft.typed,
        },
        (Prompt::Confirm(q), _) => Said::Asking(ui.say(q.text())),
        _ => match &app.status.message {
            Some(m) => Said::Message {
                text: &m.text,
                shorter: &m.shorter,
                error: m.error,
            },
            None => Said::Idle {
                search: search.filter(|s| !s.query.is_empty()).map(|s| {
                    // n/N only when there is a hit to walk to.
                    let keys = if s.hits.is_empty() && !s.is_pending() {
                        String::new()
                    } else {
                        format!(
                            "{}/{}",
                            ui.keys.label_of("next_hit", ui.lang),
                            ui.keys.label_of("prev_hit", ui.lang)
                        )
                    };
                    (s.query.as_str(), hit_count(s, ui), keys)
                }),
            },
        },
    };
    StatusView {
        said,
        hints: &app.status.hints,
        position: app.list.position(app.current_key(), app.catalog.total()),
        theme: &ui.theme,
    }
}

/// `3/12`, or how many hits so far while the search goes on.
fn hit_count(search: &SearchState, ui: &Ui) -> String {
    let hits = search.hits.len();
    if search.is_pending() {
        return ui.say(Screen::Searching(hits));
    }
    ui.say(Screen::Hits {
        hits,
        index: search.index,
    })
}

/// The brief overlay, then the help overlay over it, over whichever
/// screen is showing.
fn draw_help(app: &App, area: Rect, buf: &mut Buffer) {
    if app.brief.open {
        BriefView {
            layout: &app.brief.layout,
            scroll: app.brief.scroll,
            theme: &app.ui.theme,
            lang: app.ui.lang,
        }
        .render(area, buf);
    }
    if app.help.open {
        HelpView {
            scroll: app.help.scroll,
            layout: &app.help.layout,
            theme: &app.ui.theme,
            lang: app.ui.lang,
        }
        .render(area, buf);
    }
}

/// Says the terminal is too small, whole at any size: the longest form
/// that fits without cutting a word, wrapped and centred.
fn draw_too_small(area: Rect, buf: &mut Buffer, ui: &Ui) {
    if area.is_empty() {
        return;
    }
    let (min_width, min_height) = (layout::MIN_WIDTH, layout::MIN_HEIGHT);
    let forms = [
        ui.say(Screen::TooSmall {
            width: area.width,
            height: area.height,
            min_width,
            min_height,
        }),
        ui.say(Screen::TooSmallShort {
            min_width,
            min_height,
        }),
        format!("{min_width}x{min_height}"),
    ];
    let cells = usize::from(area.width);
    let rows = usize::from(area.height);
    let lines = too_small_lines(&forms, cells, rows);
    let top = area.y + u16::try_from(rows.saturating_sub(lines.len()) / 2).unwrap_or(0);
    for (y, line) in (top..area.bottom()).zip(&lines) {
        let x = area.x + u16::try_from(cells.saturating_sub(wrap::width(line)) / 2).unwrap_or(0);
        buf.set_stringn(x, y, line, cells, ui.theme.error);
    }
}

/// The first form whose wrapped rows fit `rows` without splitting a Latin
/// word or number; else the last form broken anywhere; else cut.
fn too_small_lines(forms: &[String], cells: usize, rows: usize) -> Vec<String> {
    let whole_words = |text: &str, lines: &[String]| {
        text.split(|c: char| !c.is_ascii_alphanumeric() && c != '.')
            .filter(|w| !w.is_empty())
            .all(|w| lines.iter().any(|l| l.contains(w)))
    };
    for form in forms {
        let lines = wrap::wrap(form, cells);
        if lines.len() <= rows && whole_words(form, &lines) {
            return lines;
        }
    }
    let last = forms.last().map(String::as_str).unwrap_or_default();
    let lines = wrap::wrap(last, cells);
    if lines.len() <= rows {
        return lines;
    }
    vec![wrap::truncate(last, cells)]
}
