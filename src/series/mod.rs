//! The bulletin series zhoubao knows, each declared as data in one file
//! (`cncert.rs`, `cnvd.rs`): its names, the words its titles carry, its
//! assessment and every figure (id, labels, kind, the phrases that carry
//! it, whether it is a headline figure). Nothing else names a figure: the
//! parser reads the declared phrases, the cache stores figures by id, and
//! the comparisons, the output and the TUI list them from here, so adding
//! a figure to a series touches its declaration and nothing else.

mod cncert;
mod cnvd;
mod figures;
#[cfg(test)]
pub(crate) mod test_series;
mod value;

use std::collections::HashMap;
use std::fmt;
use std::sync::{LazyLock, RwLock};

pub use figures::Figures;
pub use value::{Value, MAX_SCALE};

/// One series, as declared.
#[derive(Debug)]
pub struct Series {
    /// The short id on the command line, in keys (`cnvd:2024-17`) and in
    /// the cache: never changes once released.
    pub id: &'static str,
    /// The series' own name.
    pub zh: &'static str,
    pub en: &'static str,
    /// A short name for where room is short (the TUI's list title).
    pub short_zh: &'static str,
    pub short_en: &'static str,
    /// A title names an issue of the series when it holds one of these.
    pub title_words: &'static [&'static str],
    /// The assessment sentence: `{_}` a gap, the word its one capture.
    pub assessment: &'static str,
    pub figures: &'static [Figure],
    /// Lists of `NAME N个` items (the CNVD type breakdown) whose names
    /// are open-ended: a name no figure declares is kept under its own.
    pub families: &'static [Family],
    /// Who publishes the series: its own articles outrank reposts.
    pub publisher: Publisher,
    /// The issue numbers follow the calendar's weeks (第17期 is the 17th
    /// week); false when they drift from it (CNVD漏洞周报 counts its
    /// issues, a double one shifting the rest), and an issue's week is the
    /// one its stated days fall in.
    pub numbered_by_week: bool,
}

/// The account that publishes a series on WeChat, known by its `__biz`
/// (an account's name can change, as CNCERT风险评估 became
/// 国家互联网应急中心CNCERT; its `__biz` stays).
#[derive(Debug)]
pub struct Publisher {
    /// The account's name today, said of a link to one of its articles.
    pub account: &'static str,
    /// Its `__biz` values.
    pub biz: &'static [&'static str],
}

/// What a figure's number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A whole count (`381起`, `18.4万个`).
    Count,
    /// A decimal score, shown with at least `decimals` digits (6.18).
    Score { decimals: u8 },
    /// A percentage (`占75%`).
    Share,
}

impl Kind {
    /// How many decimals a value of this kind shows at least.
    pub fn decimals(self) -> u8 {
        match self {
            Kind::Score { decimals } => decimals,
            Kind::Count | Kind::Share => 0,
        }
    }

    /// Written after the number: `%` for a share.
    pub fn unit(self) -> &'static str {
        match self {
            Kind::Share => "%",
            Kind::Count | Kind::Score { .. } => "",
        }
    }
}

/// Where a figure's number is in the text.
#[derive(Debug, Clone, Copy)]
pub enum Carrier {
    /// Patterns over the article's text, the first that matches wins:
    /// `{n}` is the number (as the kind writes it), `{_}` a gap of blanks;
    /// no other capture.
    Phrases(&'static [&'static str]),
    /// An item `NAME N个` of a family's list under one of these names.
    Item {
        family: &'static str,
        names: &'static [&'static str],
    },
}

/// One declared figure.
#[derive(Debug, Clone, Copy)]
pub struct Figure {
    /// Its name in the cache, JSON and CSV: never changes once released.
    pub id: &'static str,
    /// The bulletin's own short term: the TUI's label and `show`'s words.
    pub zh: &'static str,
    /// The English label of the TUI's panes.
    pub en: &'static str,
    /// The English words of running text (`zhoubao show`).
    pub en_words: &'static str,
    /// The `list` column headers, short.
    pub column_zh: &'static str,
    pub column_en: &'static str,
    pub kind: Kind,
    /// Shown wherever room is short (the list, the trend pane).
    pub headline: bool,
    pub carrier: Carrier,
    /// What an issue says of the week before's figure of this id
    /// (`与上周（19674个）`): compared with when that week is not known.
    pub previous_of: Option<&'static str>,
}

impl Figure {
    /// A count with the same words in every place; the builders below
    /// set the rest.
    pub const fn count(id: &'static str, zh: &'static str, en: &'static str) -> Figure {
        Figure {
            id,
            zh,
            en,
            en_words: en,
            column_zh: zh,
            column_en: en,
            kind: Kind::Count,
            headline: false,
            carrier: Carrier::Phrases(&[]),
            previous_of: None,
        }
    }

    pub const fn kind(self, kind: Kind) -> Figure {
        Figure { kind, ..self }
    }

    pub const fn headline(self) -> Figure {
        Figure {
            headline: true,
            ..self
        }
    }

    pub const fn words(self, en_words: &'static str) -> Figure {
        Figure { en_words, ..self }
    }

    pub const fn column(self, column_zh: &'static str, column_en: &'static str) -> Figure {
        Figure {
            column_zh,
            column_en,
            ..self
        }
    }

    pub const fn phrases(self, phrases: &'static [&'static str]) -> Figure {
        Figure {
            carrier: Carrier::Phrases(phrases),
            ..self
        }
    }

    pub const fn item(self, family: &'static str, names: &'static [&'static str]) -> Figure {
        Figure {
            carrier: Carrier::Item { family, names },
            ..self
        }
    }

    pub const fn previous_of(self, id: &'static str) -> Figure {
        Figure {
            previous_of: Some(id),
            ..self
        }
    }
}

/// A list sentence of `NAME N个` items.
#[derive(Debug, Clone, Copy)]
pub struct Family {
    /// Prefix of the ids of names no figure declares: `type:车联网`.
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// The sentence: its one capture is the list of items.
    pub list: &'static str,
}

// --- the registry: every declared figure gets a handle, in series order.

/// A series, by its place in the declarations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SeriesId(u8);

/// A figure of some series: a declared one, or a name of an open-ended
/// family ([`Family`]) met in a bulletin. Cheap to copy and compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Metric(u16);

/// Everything known of one figure, declared or met.
#[derive(Debug)]
pub struct FigureInfo {
    pub id: &'static str,
    pub series: SeriesId,
    pub zh: &'static str,
    pub en: &'static str,
    pub en_words: &'static str,
    pub column_zh: &'static str,
    pub column_en: &'static str,
    pub kind: Kind,
    pub headline: bool,
    /// The declaration, None for a name met in a family's list.
    pub declared: Option<&'static Figure>,
    /// The family a met name belongs to.
    pub family: Option<&'static Family>,
}

/// Every series, in the order their ids are given out. The test build
/// adds one that declares a sixth figure (test_series.rs).
#[cfg(not(test))]
static SERIES: [&Series; 2] = [&cncert::SERIES, &cnvd::SERIES];
#[cfg(test)]
static SERIES: [&Series; 3] = [&cncert::SERIES, &cnvd::SERIES, &test_series::SERIES];

struct Registry {
    figures: Vec<FigureInfo>,
    /// Per series: its declared figures, its headline ones.
    declared: Vec<Vec<Metric>>,
    headline: Vec<Vec<Metric>>,
    by_id: HashMap<(SeriesId, &'static str), Metric>,
}

static REGISTRY: LazyLock<Registry> = LazyLock::new(|| {
    let mut r = Registry {
        figures: Vec::new(),
        declared: Vec::new(),
        headline: Vec::new(),
        by_id: HashMap::new(),
    };
    for (s, decl) in SERIES.iter().enumerate() {
        let series = SeriesId(s as u8);
        let mut declared = Vec::new();
        let mut headline = Vec::new();
        for f in decl.figures {
            let m = Metric(r.figures.len() as u16);
            r.figures.push(FigureInfo {
                id: f.id,
                series,
                zh: f.zh,
                en: f.en,
                en_words: f.en_words,
                column_zh: f.column_zh,
                column_en: f.column_en,
                kind: f.kind,
                headline: f.headline,
                declared: Some(f),
                family: match f.carrier {
                    Carrier::Item { family, .. } => decl.families.iter().find(|x| x.id == family),
                    Carrier::Phrases(_) => None,
                },
            });
            r.by_id.insert((series, f.id), m);
            declared.push(m);
            if f.headline {
                headline.push(m);
            }
        }
        r.declared.push(declared);
        r.headline.push(headline);
    }
    r
});

/// Names met in families' lists, given handles after the declared ones.
/// Bounded: past [`MAX_MET`] names a process keeps no more (a hostile
/// archive could name a new category in every file).
#[derive(Default)]
struct Met {
    figures: Vec<&'static FigureInfo>,
    by_id: HashMap<(SeriesId, String), Metric>,
}

static MET: LazyLock<RwLock<Met>> = LazyLock::new(|| RwLock::new(Met::default()));

/// Most family names one process gives handles to.
pub const MAX_MET: usize = 1024;

/// Longest name (in characters) kept from a family's list.
pub const MAX_NAME_CHARS: usize = 16;

impl SeriesId {
    pub const CNCERT: SeriesId = SeriesId(0);
    pub const CNVD: SeriesId = SeriesId(1);

    /// Every series, in declaration order.
    pub fn all() -> impl Iterator<Item = SeriesId> {
        (0..SERIES.len()).map(|i| SeriesId(i as u8))
    }

    /// The series with this id (`cncert`, `cnvd`).
    pub fn from_id(id: &str) -> Option<SeriesId> {
        SeriesId::all().find(|s| s.id().eq_ignore_ascii_case(id.trim()))
    }

    pub fn decl(self) -> &'static Series {
        SERIES[usize::from(self.0)]
    }

    pub fn id(self) -> &'static str {
        self.decl().id
    }

    /// The declared figures, in declaration order.
    pub fn figures(self) -> &'static [Metric] {
        &REGISTRY.declared[usize::from(self.0)]
    }

    /// The headline figures, in declaration order.
    pub fn headline(self) -> &'static [Metric] {
        &REGISTRY.headline[usize::from(self.0)]
    }

    /// The declared figure `id`, for code that names one by a literal id
    /// (the generator, tests). Panics when the series does not declare it:
    /// a typo in such a literal is a bug, not input.
    pub fn figure(self, id: &str) -> Metric {
        REGISTRY
            .by_id
            .get(&(self, id))
            .copied()
            .unwrap_or_else(|| panic!("{} declares no figure {id:?}", self.id()))
    }

    /// The figure `id` of this series: a declared one, or a name of one
    /// of its families (`type:车联网`), given a handle the first time.
    pub fn metric(self, id: &str) -> Option<Metric> {
        // A few dozen short ids: comparing them beats hashing one, and the
        // cache decodes an id for every figure of every row it reads.
        if let Some(m) = self.figures().iter().find(|m| m.id() == id) {
            return Some(*m);
        }
        let (family, name) = id.split_once(':')?;
        let family = self.decl().families.iter().find(|f| f.id == family)?;
        self.met(family, name)
    }

    /// The figure a family's item `name` is: the declared one that lists
    /// the name, else the name's own (`type:车联网`); None for a name that
    /// is empty, too long or past [`MAX_MET`].
    pub fn family_item(self, family: &str, name: &str) -> Option<Metric> {
        let fam = self.decl().families.iter().find(|f| f.id == family)?;
        let declared = self.figures().iter().copied().find(|m| {
            matches!(m.info().declared.map(|d| d.carrier),
                Some(Carrier::Item { family: f, names }) if f == family && names.contains(&name))
        });
        declared.or_else(|| self.met(fam, name))
    }

    fn met(self, family: &'static Family, name: &str) -> Option<Metric> {
        let count = name.chars().count();
        if count == 0 || count > MAX_NAME_CHARS || name.contains(|c: char| c.is_control()) {
            return None;
        }
        let id = format!("{}:{name}", family.id);
        if let Some(m) = MET.read().ok()?.by_id.get(&(self, id.clone())) {
            return Some(*m);
        }
        let mut met = MET.write().ok()?;
        if let Some(m) = met.by_id.get(&(self, id.clone())) {
            return Some(*m);
        }
        if met.figures.len() >= MAX_MET {
            return None;
        }
        let m = Metric(u16::try_from(REGISTRY.figures.len() + met.figures.len()).ok()?);
        // Leaked once per name for the life of the process: bounded by MAX_MET.
        let id: &'static str = Box::leak(id.into_boxed_str());
        let label = &id[family.id.len() + 1..];
        let info: &'static FigureInfo = Box::leak(Box::new(FigureInfo {
            id,
            series: self,
            zh: label,
            en: label,
            en_words: label,
            column_zh: label,
            column_en: label,
            kind: Kind::Count,
            headline: false,
            declared: None,
            family: Some(family),
        }));
        met.figures.push(info);
        met.by_id.insert((self, id.to_string()), m);
        Some(m)
    }

    /// The figure of this series that states last week's `m`.
    pub fn previous_of(self, m: Metric) -> Option<Metric> {
        let id = m.id();
        self.figures()
            .iter()
            .copied()
            .find(|p| p.info().declared.and_then(|d| d.previous_of) == Some(id))
    }
}

impl fmt::Display for SeriesId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl serde::Serialize for SeriesId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl Metric {
    pub fn info(self) -> &'static FigureInfo {
        let i = usize::from(self.0);
        match REGISTRY.figures.get(i) {
            Some(info) => info,
            None => {
                let met = MET.read().unwrap_or_else(|e| e.into_inner());
                met.figures[i - REGISTRY.figures.len()]
            }
        }
    }

    /// The figure's id (`events_handled`, `type:车联网`).
    pub fn id(self) -> &'static str {
        self.info().id
    }

    pub fn series(self) -> SeriesId {
        self.info().series
    }

    pub fn kind(self) -> Kind {
        self.info().kind
    }

    pub fn is_headline(self) -> bool {
        self.info().headline
    }

    /// Short Chinese label (the bulletin's own term).
    pub fn label(self) -> &'static str {
        self.info().zh
    }

    /// A value of this figure as shown: its digits with the figure's
    /// decimals and unit (`6.18`, `75%`, `381`).
    pub fn show(self, v: Value) -> String {
        let kind = self.kind();
        format!("{}{}", v.text(kind.decimals()), kind.unit())
    }

    /// A value of this figure as shown, else `unknown`: never 0 for a
    /// figure nobody reported.
    pub fn show_or(self, v: Option<Value>, unknown: &str) -> String {
        v.map_or_else(|| unknown.to_string(), |v| self.show(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn todays_five_figures_keep_their_ids_as_cncerts_headline() {
        let ids: Vec<_> = SeriesId::CNCERT.headline().iter().map(|m| m.id()).collect();
        assert_eq!(
            ids,
            [
                "events_handled",
                "cross_border",
                "phishing_complaints",
                "malicious_app_platforms",
                "malicious_urls"
            ]
        );
    }

    #[test]
    fn every_id_is_unique_within_its_series_and_series_ids_are_unique() {
        for s in SeriesId::all() {
            let mut ids: Vec<_> = s.figures().iter().map(|m| m.id()).collect();
            ids.sort();
            let n = ids.len();
            ids.dedup();
            assert_eq!(ids.len(), n, "{s}");
            assert_eq!(SeriesId::from_id(s.id()), Some(s));
            for m in s.figures() {
                assert_eq!(s.metric(m.id()), Some(*m));
                assert_eq!(m.series(), s);
                assert!(!m.id().contains(':'), "{}: ':' marks a family name", m.id());
            }
        }
    }

    #[test]
    fn a_figure_stated_of_last_week_names_a_figure_of_its_series() {
        for s in SeriesId::all() {
            for f in s.decl().figures {
                if let Some(of) = f.previous_of {
                    let m = s.metric(of).unwrap_or_else(|| panic!("{of}"));
                    assert_eq!(s.previous_of(m).map(Metric::id), Some(f.id));
                }
            }
        }
    }

    #[test]
    fn a_family_name_no_figure_declares_gets_its_own_figure() {
        let s = SeriesId::CNVD;
        let web = s.family_item("type", "WEB应用").unwrap();
        assert_eq!(web.id(), "type_web");
        let car = s.family_item("type", "车联网").unwrap();
        assert_eq!(car.id(), "type:车联网");
        assert_eq!(car.label(), "车联网");
        assert_eq!(s.metric("type:车联网"), Some(car));
        assert_eq!(s.family_item("type", "车联网"), Some(car));
        assert_eq!(s.metric("nope:车联网"), None);
        assert_eq!(s.family_item("type", ""), None);
        assert_eq!(
            s.family_item("type", &"长".repeat(MAX_NAME_CHARS + 1)),
            None
        );
        assert_eq!(SeriesId::CNCERT.metric("type:车联网"), None);
    }

    #[test]
    fn values_show_with_the_figures_decimals_and_unit() {
        let s = SeriesId::CNVD;
        let score = s.metric("avg_score").unwrap();
        assert_eq!(score.show(Value::parse("6.6").unwrap()), "6.60");
        assert_eq!(score.show(Value::parse("6.18").unwrap()), "6.18");
        let share = s.metric("zero_day_share").unwrap();
        assert_eq!(share.show(Value::count(75)), "75%");
        assert_eq!(s.metric("vulns").unwrap().show_or(None, "—"), "—");
    }
}
