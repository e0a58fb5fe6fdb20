//! The charts' state: the chart pane under the detail and the chart view
//! (`c`), both laid out for the shown issue and the screen whenever either
//! changes, so drawing only reads them.

use ratatui::layout::Rect;

use crate::model::IssueKey;
use crate::trend::WeekSeries;
use crate::tui::ui::Ui;
use crate::tui::view::chart::PaneChart;
use crate::tui::view::chart_view::ChartViewState;

pub struct Charts {
    /// The chart pane, laid out for the selection and the size.
    pub pane: PaneChart,
    /// The chart view (`c`): what it shows and its plot.
    pub view: ChartViewState,
    /// How many times the charts were laid out: once per change.
    laid_out: u64,
}

impl Charts {
    pub fn new(weeks: &WeekSeries) -> Charts {
        Charts {
            pane: PaneChart::new(weeks),
            view: ChartViewState::default(),
            laid_out: 0,
        }
    }

    /// A new series (the cache reloaded): the pane's columns are sized to it.
    pub fn reload(&mut self, weeks: &WeekSeries) {
        self.pane = PaneChart::new(weeks);
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
