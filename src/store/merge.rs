//! How the copies of one issue combine into what the cache shows.
//!
//! Every copy (and every 近期回顾 line pointing at the issue) is kept as a
//! claim. The merged issue takes each field from the best claim that has
//! it. What an issue says of itself (title, period, figures, assessment,
//! body) is best from the issue's own full copy over its own stub over
//! what other issues say of it, then the publisher's own article over a
//! repost or a page from another host (provenance.rs), then the richer
//! copy, then the content hash. Where the issue is (link, account, date)
//! is best from the publisher's article first, with or without a body:
//! a 近期回顾 link to it beats a repost's own link. Both orders are total
//! and do not depend on import order, so a stub never erases a fuller
//! copy whichever arrives first, and re-importing changes nothing. A copy
//! that loses a field it has a different value for is not dropped: it is
//! a conflict (conflicts.rs), shown beside the issue.
//!
//! Since each field is the strongest claim having it, only the claims that
//! supply some field (the *winners*, at most one per field plus the
//! strongest overall) matter for what a later claim can change: merging
//! the winners with new claims gives what merging every claim would.

use std::cmp::Ordering;

use chrono::NaiveDate;

use crate::model::{Assessment, Bulletin, Completeness, Figures, Metric, Period};

/// Where a claim comes from, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    /// A 近期回顾 line of another issue.
    Reference = 0,
    /// The issue's own copy without a body.
    Stub = 1,
    /// The issue's own copy with its body.
    Full = 2,
}

impl Rank {
    pub fn of(b: &Bulletin) -> Rank {
        match b.completeness {
            Completeness::Full => Rank::Full,
            Completeness::Stub => Rank::Stub,
        }
    }

    pub fn from_i64(v: i64) -> Rank {
        match v {
            2 => Rank::Full,
            1 => Rank::Stub,
            _ => Rank::Reference,
        }
    }
}

/// What one source says of one issue (the small fields; the body is
/// compared by [`Strength`] instead of being kept per claim).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Claim {
    pub strength: Strength,
    pub title: Option<String>,
    /// A double issue's last number: it goes with the title.
    pub last_number: Option<u32>,
    pub period: Option<Period>,
    pub published: Option<NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub assessment: Option<Assessment>,
    pub figures: Figures,
}

/// Orders claims: rank, then the publisher's own over others', then how
/// much the copy holds, then content hash as the final, order-independent
/// tie-break. [`Strength::origin_cmp`] puts the publisher first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Strength {
    pub rank: i64,
    /// The series' publisher's own article (provenance.rs): never stored,
    /// worked out from the claim's article identity and its file's label.
    pub publisher: bool,
    pub richness: i64,
    pub sha256: String,
}

impl Ord for Strength {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.rank, self.publisher, self.richness, &self.sha256).cmp(&(
            other.rank,
            other.publisher,
            other.richness,
            &other.sha256,
        ))
    }
}

impl Strength {
    /// The order of where an issue is (link, account, date): the
    /// publisher's article first, whatever else holds more.
    pub fn origin_cmp(&self, other: &Self) -> Ordering {
        self.publisher
            .cmp(&other.publisher)
            .then_with(|| self.cmp(other))
    }
}

impl PartialOrd for Strength {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// How much a copy holds: body text, figures and references.
pub fn richness(b: &Bulletin) -> i64 {
    let body: usize = b.body.iter().map(|p| p.chars().count()).sum();
    let figures = b.figures.len();
    (body + 100 * figures + 50 * b.recent.len() + 10 * b.images.len()) as i64
}

/// The merged small fields of one issue.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Merged {
    pub title: Option<String>,
    pub last_number: Option<u32>,
    pub period: Option<Period>,
    pub published: Option<NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub assessment: Option<Assessment>,
    pub figures: Figures,
    pub cached: bool,
}

/// Which claim supplies each field: the strongest claim having it, the
/// earliest of equally strong ones (as a stable sort, strongest first,
/// would find it).
#[derive(Debug, Default)]
struct Picks {
    top: Option<usize>,
    title: Option<usize>,
    period: Option<usize>,
    published: Option<usize>,
    source: Option<usize>,
    url: Option<usize>,
    assessment: Option<usize>,
    /// Each figure any claim has, and the claim it comes from.
    figures: Vec<(Metric, usize)>,
}

impl Picks {
    fn of(claims: &[&Claim]) -> Picks {
        let mut p = Picks::default();
        let offer = |slot: &mut Option<usize>, i: usize, has: bool| {
            if has && slot.is_none_or(|w| claims[i].strength > claims[w].strength) {
                *slot = Some(i);
            }
        };
        let offer_origin = |slot: &mut Option<usize>, i: usize, has: bool| {
            let stronger =
                |w: usize| claims[i].strength.origin_cmp(&claims[w].strength) == Ordering::Greater;
            if has && slot.is_none_or(stronger) {
                *slot = Some(i);
            }
        };
        for (i, c) in claims.iter().enumerate() {
            offer(&mut p.top, i, true);
            offer(&mut p.title, i, c.title.is_some());
            offer(&mut p.period, i, c.period.is_some());
            offer_origin(&mut p.published, i, c.published.is_some());
            offer_origin(&mut p.source, i, c.source.is_some());
            offer_origin(&mut p.url, i, c.url.is_some());
            offer(&mut p.assessment, i, c.assessment.is_some());
            for (m, _) in c.figures.iter() {
                match p.figures.iter_mut().find(|(f, _)| *f == m) {
                    Some((_, w)) => {
                        if c.strength > claims[*w].strength {
                            *w = i;
                        }
                    }
                    None => p.figures.push((m, i)),
                }
            }
        }
        p
    }

    fn slots(&self) -> impl Iterator<Item = usize> + '_ {
        [
            self.top,
            self.title,
            self.period,
            self.published,
            self.source,
            self.url,
            self.assessment,
        ]
        .into_iter()
        .flatten()
        .chain(self.figures.iter().map(|(_, w)| *w))
    }

    fn merged(&self, claims: &[&Claim]) -> Merged {
        let at = |slot: Option<usize>| slot.map(|i| claims[i]);
        let figures = self
            .figures
            .iter()
            .filter_map(|&(m, i)| Some((m, claims[i].figures.get(m)?)))
            .collect();
        Merged {
            title: at(self.title).and_then(|c| c.title.clone()),
            last_number: at(self.title).and_then(|c| c.last_number),
            period: at(self.period).and_then(|c| c.period),
            published: at(self.published).and_then(|c| c.published),
            source: at(self.source).and_then(|c| c.source.clone()),
            url: at(self.url).and_then(|c| c.url.clone()),
            assessment: at(self.assessment).and_then(|c| c.assessment),
            figures,
            cached: at(self.top).is_some_and(|c| Rank::from_i64(c.strength.rank) == Rank::Full),
        }
    }
}

/// Merges claims field by field, strongest claim first: the merge as it
/// was when every import re-read all claims, kept as the reference that
/// tests hold [`merge_winners`] and the incremental import to.
#[cfg(test)]
pub fn merge(claims: &[Claim]) -> Merged {
    let mut sorted: Vec<&Claim> = claims.iter().collect();
    sorted.sort_by(|a, b| b.strength.cmp(&a.strength));
    let mut by_origin = sorted.clone();
    by_origin.sort_by(|a, b| b.strength.origin_cmp(&a.strength));
    let first = |f: &dyn Fn(&Claim) -> bool| sorted.iter().copied().find(|c| f(c));
    let origin = |f: &dyn Fn(&Claim) -> bool| by_origin.iter().copied().find(|c| f(c));
    let mut figures = Figures::default();
    for c in &sorted {
        figures.fill_from(&c.figures);
    }
    Merged {
        title: first(&|c| c.title.is_some()).and_then(|c| c.title.clone()),
        last_number: first(&|c| c.title.is_some()).and_then(|c| c.last_number),
        period: sorted.iter().find_map(|c| c.period),
        published: by_origin.iter().find_map(|c| c.published),
        source: origin(&|c| c.source.is_some()).and_then(|c| c.source.clone()),
        url: origin(&|c| c.url.is_some()).and_then(|c| c.url.clone()),
        assessment: sorted.iter().find_map(|c| c.assessment),
        figures,
        cached: sorted
            .first()
            .is_some_and(|c| Rank::from_i64(c.strength.rank) == Rank::Full),
    }
}

/// [`merge`], and whether each claim is a winner: supplies a field or is
/// the strongest. The others can never matter again, whatever arrives
/// later, since a new claim can only take a field from its winner.
pub fn merge_winners(claims: &[&Claim]) -> (Merged, Vec<bool>) {
    let picks = Picks::of(claims);
    let mut wins = vec![false; claims.len()];
    for i in picks.slots() {
        wins[i] = true;
    }
    (picks.merged(claims), wins)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(rank: Rank, richness: i64, sha: &str, title: &str) -> Claim {
        Claim {
            strength: Strength {
                rank: rank as i64,
                richness,
                sha256: sha.into(),
                publisher: false,
            },
            title: Some(title.into()),
            ..Claim::default()
        }
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn own_title_and_period_win_over_what_references_say() {
        let mut own = claim(Rank::Stub, 0, "b", "第17期（4月22日-4月27日）");
        own.period = Some(Period {
            start: date(2024, 4, 22),
            end: date(2024, 4, 27),
        });
        let mut reference = claim(Rank::Reference, 0, "a", "第17期（4月22日-4月28日）");
        reference.period = Some(Period {
            start: date(2024, 4, 22),
            end: date(2024, 4, 28),
        });
        for claims in [
            vec![own.clone(), reference.clone()],
            vec![reference, own.clone()],
        ] {
            let m = merge(&claims);
            assert_eq!(m.title, own.title);
            assert_eq!(m.period, own.period);
        }
    }

    fn events() -> Metric {
        crate::model::SeriesId::CNCERT
            .metric("events_handled")
            .unwrap()
    }

    fn urls() -> Metric {
        crate::model::SeriesId::CNCERT
            .metric("malicious_urls")
            .unwrap()
    }

    #[test]
    fn stub_fills_only_what_the_full_copy_lacks() {
        let mut full = claim(Rank::Full, 900, "f", "full");
        full.figures.set_count(events(), Some(381));
        full.source = Some("国家互联网应急中心CNCERT".into());
        let mut stub = claim(Rank::Stub, 0, "s", "stub");
        stub.figures.set_count(events(), Some(1));
        stub.source = Some("Doonsec's feed".into());
        stub.url = Some("https://example.org/repost".into());
        let a = merge(&[full.clone(), stub.clone()]);
        let b = merge(&[stub, full]);
        assert_eq!(a, b);
        assert_eq!(a.title.as_deref(), Some("full"));
        assert_eq!(a.figures.count(events()), Some(381));
        assert_eq!(a.source.as_deref(), Some("国家互联网应急中心CNCERT"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/repost"));
        assert!(a.cached);
    }

    #[test]
    fn equal_copies_tie_break_on_hash_not_on_order() {
        let x = claim(Rank::Full, 10, "aaa", "x");
        let y = claim(Rank::Full, 10, "bbb", "y");
        assert_eq!(merge(&[x.clone(), y.clone()]), merge(&[y, x]));
    }

    #[test]
    fn the_winners_are_the_claims_that_supply_a_field_or_are_strongest() {
        let mut full = claim(Rank::Full, 900, "f", "full");
        full.figures.set_count(events(), Some(381));
        let mut stub = claim(Rank::Stub, 0, "s", "stub");
        stub.url = Some("https://example.org/repost".into());
        let reference = claim(Rank::Reference, 0, "r", "ref");
        let (_, wins) = merge_winners(&[&reference, &full, &stub]);
        assert_eq!(wins, vec![false, true, true]);
    }

    #[test]
    fn of_equally_strong_claims_the_earlier_wins() {
        let first = claim(Rank::Reference, 0, "same", "first");
        let second = claim(Rank::Reference, 0, "same", "second");
        let (m, wins) = merge_winners(&[&first, &second]);
        assert_eq!(m.title.as_deref(), Some("first"));
        assert_eq!(wins, vec![true, false]);
    }

    fn any_claim() -> impl proptest::strategy::Strategy<Value = Claim> {
        use proptest::prelude::*;
        let some = |p: f64| prop::option::weighted(p, 0i64..3);
        (
            (0i64..3, any::<bool>()),
            0i64..3,
            prop::sample::select(vec!["a", "b", "c"]),
            (some(0.5), some(0.5), some(0.3), some(0.4)),
            (some(0.3), some(0.3)),
        )
            .prop_map(
                |((rank, publisher), richness, sha, (title, period, published, url), (ev, ur))| {
                    let day = |d: i64| NaiveDate::from_ymd_opt(2024, 5, 1 + d as u32).unwrap();
                    Claim {
                        strength: Strength {
                            rank,
                            publisher,
                            richness,
                            sha256: sha.into(),
                        },
                        title: title.map(|t| format!("title {t}")),
                        period: period.map(|d| Period {
                            start: day(d),
                            end: day(d + 6),
                        }),
                        published: published.map(day),
                        source: url.map(|u| format!("source {u}")),
                        url: url.map(|u| format!("https://example.org/{u}")),
                        assessment: ev.map(|_| Assessment::Good),
                        figures: {
                            let mut f = Figures::default();
                            f.set_count(events(), ev);
                            f.set_count(urls(), ur);
                            f
                        },
                        last_number: title.filter(|t| *t == 1).map(|_| 2),
                    }
                },
            )
    }

    fn refs(claims: &[Claim]) -> Vec<&Claim> {
        claims.iter().collect()
    }

    proptest::proptest! {
        #[test]
        fn winners_and_later_claims_merge_as_every_claim_does(
            earlier in proptest::collection::vec(any_claim(), 0..8),
            later in proptest::collection::vec(any_claim(), 0..4),
        ) {
            let (_, wins) = merge_winners(&refs(&earlier));
            let kept: Vec<Claim> = earlier
                .iter()
                .zip(&wins)
                .filter(|(_, w)| **w)
                .map(|(c, _)| c.clone())
                .chain(later.iter().cloned())
                .collect();
            let all: Vec<Claim> = earlier.iter().chain(&later).cloned().collect();
            let (whole, all_wins) = merge_winners(&refs(&all));
            let (incremental, kept_wins) = merge_winners(&refs(&kept));
            proptest::prop_assert_eq!(&whole, &merge(&all));
            proptest::prop_assert_eq!(whole, incremental);
            // The same claims win either way.
            let winners = |claims: &[Claim], wins: &[bool]| -> Vec<Claim> {
                claims.iter().zip(wins).filter(|(_, w)| **w).map(|(c, _)| c.clone()).collect()
            };
            proptest::prop_assert_eq!(winners(&all, &all_wins), winners(&kept, &kept_wins));
        }
    }

    #[test]
    fn only_references_means_not_cached() {
        let m = merge(&[claim(Rank::Reference, 0, "r", "t")]);
        assert!(!m.cached);
        assert_eq!(m.title.as_deref(), Some("t"));
    }
}
