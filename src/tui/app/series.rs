//! The App's moves between series: `s` shows the next series, and a link,
//! `:`, the same-week line or the history into another series shows that
//! one. The shelf (state/shelf.rs) keeps what each series not shown had.

use super::App;
use crate::i18n::SeriesTui;
use crate::model::{IssueKey, IssueSummary, SeriesId};
use crate::tui::state::detail::{Target, Visit};
use crate::tui::state::notice::Notice;
use crate::tui::state::shelf::{Shelf, Showing};
use crate::tui::view::detail::DetailDoc;
use crate::tui::view::list::issue_label;

impl App {
    /// The series shown: the catalog's.
    pub fn series(&self) -> SeriesId {
        self.catalog.series()
    }

    /// The issue `key` names in the cache, of whichever series: itself, or
    /// the double issue that covers it (`cnvd:2024-41` is 第40、41期);
    /// None when the cache knows neither, or cannot say.
    pub fn known(&self, key: IssueKey) -> Option<IssueKey> {
        if key.series == self.series() {
            return self.catalog.resolve(key);
        }
        let summary = self.session.library().summary(key).ok().flatten();
        summary.map(|s| s.key)
    }

    /// The issues of the other series for `shown`'s week, those the cache
    /// knows: the ones whose period overlaps its own. The numbers mostly
    /// agree, but not always (CNVD漏洞周报 2025年第5期 covers two weeks
    /// under one number, so its 第6期 is the other series' 第7期): the
    /// numbers one either side are looked at too. Without periods to
    /// compare, the same numbers are the same weeks. What the cache
    /// cannot read is left out.
    pub(super) fn same_week(&self, shown: &IssueSummary) -> Vec<IssueSummary> {
        let key = shown.key;
        let last = shown.last_number.unwrap_or(key.number).max(key.number);
        let same_numbers = |s: &IssueSummary| {
            let s_last = s.last_number.unwrap_or(s.key.number).max(s.key.number);
            s.key.year == key.year && s.key.number <= last && key.number <= s_last
        };
        let overlaps = |s: &IssueSummary| match (shown.period, s.period) {
            (Some(a), Some(b)) => a.start <= b.end && b.start <= a.end,
            _ => same_numbers(s),
        };
        let mut found: Vec<IssueSummary> = Vec::new();
        for series in SeriesId::all().filter(|s| *s != key.series) {
            for number in key.number.saturating_sub(1).max(1)..=last + 1 {
                let other = IssueKey::of(series, key.year, number);
                let Ok(Some(s)) = self.session.library().summary(other) else {
                    continue;
                };
                if overlaps(&s) && !found.iter().any(|f| f.key == s.key) {
                    found.push(s);
                }
            }
        }
        found.sort_by_key(|s| s.key);
        found
    }

    /// Enter on the detail pane's `n`-th same-week line: that issue, in
    /// the back/forward history like a followed 近期回顾 line.
    pub fn go_to_same_week(&mut self, n: usize) {
        if let Some(key) = self.detail.doc.same_week.get(n).copied() {
            self.go_to(Target::Issue(key));
        }
    }

    /// `s`: shows the next series. One shown before comes back as it was
    /// left (its list, issue, scroll and search); one shown for the first
    /// time opens at the same week as the issue shown, else at its newest
    /// cached issue, else its newest. The status line says which.
    pub fn switch_series(&mut self) {
        let to = Shelf::next(self.catalog.series());
        let week = self.current_key();
        // The detail pane's same-week line, matched by period, else the
        // same number.
        let same_weeks = &self.detail.doc.same_week;
        let named = same_weeks.iter().find(|k| k.series == to).copied();
        let week_index = week.and_then(|k| self.catalog.weeks.index_of(k));
        let Some(kept) = self.bring_series(to) else {
            return;
        };
        let same_week = named
            .and_then(|k| self.catalog.resolve(k))
            .or_else(|| week.and_then(|k| self.catalog.resolve(k.in_series(to))));
        // No issue of that week: the nearest one, said so below.
        let nearest = match (same_week, week_index) {
            (None, Some(i)) => self.catalog.weeks.nearest(i).map(|w| w.key),
            _ => None,
        };
        let arrived = same_week.or(nearest).or(self.catalog.opening());
        let nearest = nearest.filter(|_| kept.is_none()).zip(week);
        match (kept, arrived) {
            (Some(visit), _) => {
                let focus = self.focus;
                self.show(visit.target);
                self.return_to(visit.scroll, visit.link, focus);
            }
            (None, Some(key)) => {
                self.show(Target::Issue(key));
                self.list.centre_on_cursor();
            }
            (None, None) => {
                self.detail.clear(DetailDoc::empty(&self.ui));
                self.refresh_charts();
            }
        }
        let key = Some(self.ui.keys.label_of("switch_series", self.ui.lang));
        let key = key.filter(|k| !k.is_empty());
        let said = match (self.catalog.summaries.len(), nearest) {
            (0, _) => SeriesTui::Empty { series: to, key },
            (_, Some((shown, from))) => SeriesTui::Nearest {
                series: to,
                week: format!("{}-{}", from.year, from.number),
                shown: self
                    .catalog
                    .get(shown)
                    .map_or_else(|| shown.to_string(), |s| issue_label(s, true)),
            },
            (issues, None) => {
                let shown = |key, short| SeriesTui::Shown {
                    series: to,
                    issues,
                    key,
                    short,
                };
                let notice = Notice::with_short(shown(key, false), shown(None, true), false);
                return self.status.notice(&self.ui, &notice);
            }
        };
        self.status.set_message(self.ui.say(said));
    }

    /// After a search of the shown series found nothing: the other series'
    /// hits for the query, said on the status line with the key that
    /// switches, so a CNVD id searched in the first series is not "no
    /// match" when the cache has it.
    pub fn say_hits_elsewhere(&mut self) {
        let Some(search) = self.search.as_ref() else {
            return;
        };
        if !search.hits.is_empty() || search.is_pending() || search.query.trim().is_empty() {
            return;
        }
        let shown = self.catalog.series();
        let library = self.session.library();
        let found = SeriesId::all().filter(|s| *s != shown).find_map(|s| {
            let hits = library.search_of(s, &search.query).ok()?.len();
            (hits > 0).then_some((s, hits))
        });
        if let Some((series, hits)) = found {
            let key = self.ui.keys.label_of("switch_series", self.ui.lang);
            let said = |short| SeriesTui::HitsElsewhere {
                query: search.query.clone(),
                series,
                hits,
                key: Some(key.clone()).filter(|k| !k.is_empty()),
                short,
            };
            let notice = Notice::with_short(said(false), said(true), false);
            self.status.notice(&self.ui, &notice);
        }
    }

    /// Shows `series`' issues in place of the shown series' (the shelf
    /// keeps those) and lays the panes out for it; what it showed when
    /// last shown, if anything. None when its issues cannot be read: the
    /// status line says why, and nothing changes.
    pub(super) fn bring_series(&mut self, series: SeriesId) -> Option<Option<Visit>> {
        let here = self.detail.here(self.focus);
        let shown = Showing {
            catalog: &mut self.catalog,
            list: &mut self.list,
            search: &mut self.search,
        };
        match self
            .shelf
            .bring(series, self.session.library(), shown, here)
        {
            Ok(kept) => {
                self.charts.reload(&self.catalog.weeks, series);
                self.lay_out(self.panes.screen);
                Some(kept)
            }
            Err(e) => {
                let error = Box::new(e.message());
                let said = SeriesTui::CannotSwitch { series, error };
                self.status.set_error(self.ui.say(said));
                None
            }
        }
    }
}
