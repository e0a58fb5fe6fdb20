//! The charts' state: the chart pane under the detail and the chart view
//! (`c`), both laid out for the shown issue and the screen whenever either
//! changes, so drawing only reads them.

use ratatui::layout::Rect;

use crate::model::{IssueKey, SeriesId};
use crate::trend::WeekSeries;
use crate::tui::ui::Ui;
use crate::tui::view::chart::PaneChart;
use crate::tui::view::chart_view::{charted_figures, ChartViewState};

pub struct Charts {
    /// The chart pane, laid out for the selection and the size.
    pub pane: PaneChart,
    /// The chart view (`c`): what it shows and its plot.
    pub view: ChartViewState,
    /// How many times the charts were laid out: once per change.
    laid_out: u64,
}

impl Charts {
    /// The charts of `weeks`, the weeks of `series`.
    pub fn new(weeks: &WeekSeries, series: SeriesId) -> Charts {
        let mut charts = Charts {
            pane: PaneChart::new(weeks),
            view: ChartViewState::default(),
            laid_out: 0,
        };
        charts
            .view
            .set_figures(series, charted_figures(weeks, series));
        charts
    }

    /// New weeks (the cache reloaded, or `series` is shown now): the
    /// pane's columns are sized to them, and the chart view steps through
    /// the figures they have.
    pub fn reload(&mut self, weeks: &WeekSeries, series: SeriesId) {
        self.pane = PaneChart::new(weeks);
        self.view
            .set_figures(series, charted_figures(weeks, series));
    }

    /// Lays out what shows of the charts for `selected`: the chart view's
    /// plot on `screen` while it is open, else the chart pane in `pane`
    /// (hidden under the view, it is laid out when the view closes).
    pub fn refresh(
        &mut self,
        weeks: &WeekSeries,
        selected: Option<IssueKey>,
        screen: Rect,
        pane: Option<Rect>,
        ui: &Ui,
    ) {
        self.laid_out += 1;
        if self.view.open {
            self.pane.layout = None;
            self.view
                .refresh(weeks, selected, screen, &ui.theme, ui.lang);
        } else {
            self.pane.update(weeks, selected, pane, ui.lang);
        }
    }

    /// How many times the charts have been laid out (see `refresh`).
    pub fn laid_out(&self) -> u64 {
        self.laid_out
    }
}
