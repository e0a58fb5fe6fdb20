//! Where each pane goes for a given terminal size. A pure function of the
//! size, so `update` (mouse hit-testing, page sizes, wrap width) and drawing
//! agree without drawing having to report back.

use ratatui::layout::Rect;

/// Below this the panes cannot show anything useful; a message says so.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

/// Side by side from this width on; stacked below it.
const SIDE_BY_SIDE_WIDTH: u16 = 80;

/// Stacked, the list's height (border included: four issues) and the
/// detail's (six lines) before the charts get any.
const STACKED_LIST: u16 = 6;
const STACKED_DETAIL: u16 = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    /// The whole terminal, for the overlays and full-screen views.
    pub screen: Rect,
    pub list: Rect,
    pub detail: Rect,
    /// None when there is no room for the charts.
    pub chart: Option<Rect>,
    pub status: Rect,
    pub too_small: bool,
}

/// [`panes_for`] 网络安全信息与动态周报's five headline figures.
pub fn panes(area: Rect) -> Panes {
    panes_for(area, crate::model::SeriesId::CNCERT.headline().len())
}

/// Splits the screen for a series with `headline` figures (the chart
/// pane's rows); every rect lies inside `area`.
pub fn panes_for(area: Rect, headline: usize) -> Panes {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Panes {
            screen: area,
            too_small: true,
            ..Panes::default()
        };
    }
    let body_height = area.height - 1;
    let status = Rect::new(area.x, area.y + body_height, area.width, 1);
    let side_by_side = area.width >= SIDE_BY_SIDE_WIDTH;
    // From 20 rows the charts get a row per headline figure and the
    // border (7 for five); from 36 rows two rows per figure (12). Stacked,
    // the list and the detail come first: the charts give up figures
    // (the last ones first) until the list keeps `STACKED_LIST` rows and
    // the detail `STACKED_DETAIL`, and go when not one figure is left.
    let figures = u16::try_from(headline).unwrap_or(5);
    let mut chart_height = match area.height {
        36.. => 2 * figures + 2,
        20.. => figures + 2,
        _ => 0,
    };
    if !side_by_side && chart_height > 0 {
        let room = body_height.saturating_sub(STACKED_LIST + STACKED_DETAIL);
        chart_height = chart_height.min(room);
        if chart_height < 3 {
            chart_height = 0;
        }
    }
    let top_height = body_height - chart_height;
    let chart = (chart_height > 0)
        .then(|| Rect::new(area.x, area.y + top_height, area.width, chart_height));
    let (list, detail) = if side_by_side {
        let list_width = (area.width * 3 / 10).clamp(32, 44);
        (
            Rect::new(area.x, area.y, list_width, top_height),
            Rect::new(
                area.x + list_width,
                area.y,
                area.width - list_width,
                top_height,
            ),
        )
    } else {
        // Without the charts (under 20 rows) every row is already the panes'.
        let least = if chart_height > 0 { STACKED_LIST } else { 4 };
        let list_height = (top_height / 3).max(least);
        (
            Rect::new(area.x, area.y, area.width, list_height),
            Rect::new(
                area.x,
                area.y + list_height,
                area.width,
                top_height - list_height,
            ),
        )
    };
    Panes {
        screen: area,
        list,
        detail,
        chart,
        status,
        too_small: false,
    }
}

/// Where the image view goes, and the list beside it (None when the
/// panes are stacked): over the detail pane and the charts under it,
/// down to the status line, with the list beside it as tall; where the
/// panes are stacked, the view takes everything above the status line, as
/// a picture needs the width and the height.
pub fn image_view(panes: &Panes) -> (Option<Rect>, Rect) {
    let body = panes.status.y.saturating_sub(panes.screen.y);
    let side_by_side = panes.list.y == panes.detail.y && panes.list.x < panes.detail.x;
    if !side_by_side {
        return (
            None,
            Rect {
                height: body,
                ..panes.screen
            },
        );
    }
    let list = Rect {
        height: body,
        ..panes.list
    };
    let view = Rect {
        height: panes.status.y.saturating_sub(panes.detail.y),
        ..panes.detail
    };
    (Some(list), view)
}

/// The area inside a pane's one-cell border.
pub fn inner(rect: Rect) -> Rect {
    Rect::new(
        rect.x.saturating_add(1),
        rect.y.saturating_add(1),
        rect.width.saturating_sub(2),
        rect.height.saturating_sub(2),
    )
}

pub fn contains(rect: Rect, column: u16, row: u16) -> bool {
    column >= rect.x && column < rect.right() && row >= rect.y && row < rect.bottom()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_stay_inside_the_screen_and_do_not_overlap_at_any_size() {
        for w in 0..=200 {
            for h in 0..=60 {
                let area = Rect::new(0, 0, w, h);
                let p = panes(area);
                if p.too_small {
                    continue;
                }
                let mut rects = vec![p.list, p.detail, p.status];
                rects.extend(p.chart);
                for r in &rects {
                    assert_eq!(area.intersection(*r), *r, "{w}x{h}");
                }
                for (i, a) in rects.iter().enumerate() {
                    for b in rects.iter().skip(i + 1) {
                        assert!(!a.intersects(*b), "{w}x{h}: {a:?} {b:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_charts_show_from_twenty_rows_stacked_or_side_by_side() {
        for (w, h) in [(80, 20), (60, 22), (60, 29)] {
            let p = panes(Rect::new(0, 0, w, h));
            let chart = p.chart.expect("room for the charts");
            assert_eq!(chart.height, 7, "{w}x{h}");
            assert!(
                inner(p.list).height >= 4 && inner(p.detail).height >= 6,
                "{w}x{h}"
            );
        }
        assert!(panes(Rect::new(0, 0, 60, 19)).chart.is_none());
        assert_eq!(
            panes(Rect::new(0, 0, 60, 36)).chart.map(|c| c.height),
            Some(12)
        );
    }

    #[test]
    fn the_image_view_covers_the_detail_and_the_charts_or_everything_when_stacked() {
        for w in MIN_WIDTH..=200 {
            for h in MIN_HEIGHT..=60 {
                let p = panes(Rect::new(0, 0, w, h));
                let (list, view) = image_view(&p);
                assert_eq!(view.bottom(), p.status.y, "{w}x{h}");
                assert_eq!(view.right(), w, "{w}x{h}");
                match list {
                    Some(list) => {
                        assert_eq!((view.x, view.y), (p.detail.x, p.detail.y));
                        assert_eq!((list.right(), list.height), (view.x, view.height));
                    }
                    None => assert_eq!((view.x, view.y), (0, 0), "{w}x{h}"),
                }
            }
        }
        let (list, view) = image_view(&panes(Rect::new(0, 0, 80, 24)));
        assert_eq!(list, Some(Rect::new(0, 0, 32, 23)));
        assert_eq!(view, Rect::new(32, 0, 48, 23));
        assert_eq!(
            image_view(&panes(Rect::new(0, 0, 40, 12))),
            (None, Rect::new(0, 0, 40, 11))
        );
    }

    #[test]
    fn stacked_the_charts_give_up_figures_before_the_list_gives_up_rows() {
        for (w, h) in [(60, 20), (40, 20), (79, 21)] {
            let p = panes(Rect::new(0, 0, w, h));
            let chart = p.chart.expect("a figure or more still fits");
            assert!(chart.height < 7 && chart.height >= 3, "{w}x{h}: {chart:?}");
            assert!(inner(p.list).height >= 4, "{w}x{h}: {:?}", p.list);
            assert!(inner(p.detail).height >= 6, "{w}x{h}: {:?}", p.detail);
        }
        // Every stacked height from 20 rows: the list keeps four issues.
        for h in 20..=60 {
            let p = panes(Rect::new(0, 0, 60, h));
            assert!(inner(p.list).height >= 4, "60x{h}: {:?}", p.list);
        }
    }

    #[test]
    fn wide_screens_put_list_and_detail_side_by_side_narrow_ones_stack() {
        let wide = panes(Rect::new(0, 0, 120, 40));
        assert_eq!(wide.list.y, wide.detail.y);
        let narrow = panes(Rect::new(0, 0, 40, 12));
        assert_eq!(narrow.list.x, narrow.detail.x);
        assert!(narrow.detail.y > narrow.list.y);
        assert!(panes(Rect::new(0, 0, 29, 40)).too_small);
    }
}
