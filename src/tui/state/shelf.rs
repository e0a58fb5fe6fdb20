//! The series not shown and what each keeps while another is: `s` shows
//! the next series, and switching back returns to its list (cursor, scroll
//! and filter), the issue it showed (scroll and selected line) and its
//! search, as they were left. A kept catalog is dropped when the cache
//! changes and loaded again on return; the places stay, since they name
//! issues by key.

use super::catalog::Catalog;
use super::detail::{Target, Visit};
use super::list::ListPane;
use super::search::SearchState;
use crate::model::SeriesId;
use crate::tui::library::{Library, LibraryError};

/// What a series keeps while another is shown.
pub struct Kept {
    /// None once the cache changed: loaded again when the series returns.
    pub catalog: Option<Catalog>,
    pub list: ListPane,
    /// The issue it showed, with the scroll and the selected line.
    pub shown: Option<Visit>,
    /// Its last search: its hits are issues of the series.
    pub search: Option<SearchState>,
}

#[derive(Default)]
pub struct Shelf {
    kept: Vec<(SeriesId, Kept)>,
}

/// The App's pieces that belong to the series shown, swapped on a switch.
pub struct Showing<'a> {
    pub catalog: &'a mut Catalog,
    pub list: &'a mut ListPane,
    pub search: &'a mut Option<SearchState>,
}

impl Shelf {
    /// The series `s` goes to from `series`: the next in declaration
    /// order, round.
    pub fn next(series: SeriesId) -> SeriesId {
        let all: Vec<SeriesId> = SeriesId::all().collect();
        let at = all.iter().position(|s| *s == series).unwrap_or(0);
        all.get(at + 1).copied().unwrap_or(all[0])
    }

    /// Keeps what `series` had while another is shown.
    pub fn put(&mut self, series: SeriesId, kept: Kept) {
        self.kept.retain(|(s, _)| *s != series);
        self.kept.push((series, kept));
    }

    /// What `series` kept, if it was shown before.
    pub fn take(&mut self, series: SeriesId) -> Option<Kept> {
        let at = self.kept.iter().position(|(s, _)| *s == series)?;
        Some(self.kept.swap_remove(at).1)
    }

    /// Puts `series`' catalog (kept, else read from `library`), list and
    /// search in place of what is `shown`, which is kept with `here` (the
    /// issue shown, its scroll and selected line); the list as it was
    /// left, its rows read again (a series shown for the first time lists
    /// what the last one did). What `series` showed when last shown, if
    /// anything; the library's error when the catalog cannot be read,
    /// with nothing changed.
    pub fn bring(
        &mut self,
        series: SeriesId,
        library: &dyn Library,
        shown: Showing<'_>,
        here: Option<Visit>,
    ) -> Result<Option<Visit>, LibraryError> {
        let mut kept = self.take(series);
        let (catalog, reloaded) = match kept.as_mut().and_then(|k| k.catalog.take()) {
            Some(catalog) => (catalog, false),
            None => match Catalog::load(library, series) {
                Ok(catalog) => (catalog, true),
                Err(e) => {
                    if let Some(kept) = kept {
                        self.put(series, kept);
                    }
                    return Err(e);
                }
            },
        };
        let from = std::mem::replace(shown.catalog, catalog);
        let filter = shown.list.filter;
        let left = Kept {
            list: std::mem::take(shown.list),
            shown: here,
            search: shown.search.take(),
            catalog: None,
        };
        self.put(
            from.series(),
            Kept {
                catalog: Some(from),
                ..left
            },
        );
        let Kept {
            list,
            shown: was,
            search,
            ..
        } = kept.unwrap_or(Kept {
            catalog: None,
            list: ListPane {
                filter,
                ..ListPane::default()
            },
            shown: None,
            search: None,
        });
        let (selected, offset) = (list.selected, list.offset);
        *shown.list = list;
        let key = was.as_ref().and_then(|v| match &v.target {
            Target::Issue(k) => Some(*k),
            Target::Reference(r) => r.key,
        });
        shown.list.rebuild(shown.catalog, key);
        if !reloaded {
            shown.list.return_to(selected, offset);
        }
        *shown.search = search;
        Ok(was)
    }

    /// The cache changed: every kept catalog is stale.
    pub fn forget_catalogs(&mut self) {
        for (_, kept) in &mut self.kept {
            kept.catalog = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s_goes_round_every_series() {
        let all: Vec<SeriesId> = SeriesId::all().collect();
        let mut at = SeriesId::CNCERT;
        let mut seen = Vec::new();
        for _ in 0..all.len() {
            seen.push(at);
            at = Shelf::next(at);
        }
        assert_eq!(at, SeriesId::CNCERT, "back at the first");
        assert_eq!(seen, all);
        assert_eq!(Shelf::next(SeriesId::CNCERT), SeriesId::CNVD);
    }

    #[test]
    fn a_series_keeps_one_place_and_gives_it_back_once() {
        let mut shelf = Shelf::default();
        let kept = |selected| Kept {
            catalog: None,
            list: ListPane {
                selected,
                ..ListPane::default()
            },
            shown: None,
            search: None,
        };
        shelf.put(SeriesId::CNVD, kept(3));
        shelf.put(SeriesId::CNVD, kept(5));
        assert_eq!(shelf.take(SeriesId::CNVD).map(|k| k.list.selected), Some(5));
        assert!(shelf.take(SeriesId::CNVD).is_none());
        assert!(shelf.take(SeriesId::CNCERT).is_none());
    }
}
