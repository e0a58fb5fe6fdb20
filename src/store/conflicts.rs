//! The copies of an issue that say otherwise than it shows: a lower copy
//! (a repost, a page from another host, a stub beside a full copy) that
//! has a different title, period or figure, or, being the publisher's
//! article too, another date. Worked out when the issue is read, from the
//! claims the cache keeps of every copy, so a copy that loses is never
//! silently dropped.

use super::merge::{Claim, Rank};
use super::provenance::read_from_elsewhere;
use crate::model::{Conflict, Disagreement, IssueSummary};

/// The conflicts among `own` (the issue's own copies, not what other
/// issues' 近期回顾 say of it, each with its file's label) with `shown`,
/// strongest copy first; a copy that agrees with everything shown is left
/// out. A page read from another host is shown at the address it was read
/// from, not the one it claims.
pub fn conflicts(own: &[(Claim, Option<String>)], shown: &IssueSummary) -> Vec<Conflict> {
    let mut copies: Vec<&(Claim, Option<String>)> = own
        .iter()
        .filter(|(c, _)| c.strength.rank > Rank::Reference as i64)
        .collect();
    copies.sort_by(|(a, _), (b, _)| b.strength.cmp(&a.strength));
    let mut out: Vec<Conflict> = Vec::new();
    for (c, label) in copies {
        let says = disagreements(c, shown);
        if says.is_empty() {
            continue;
        }
        let url = match label {
            Some(l) if read_from_elsewhere(l) => Some(l.clone()),
            _ => c.url.clone(),
        };
        let conflict = Conflict {
            source: c.source.clone(),
            url,
            published: c.published,
            says,
        };
        // Two files of the same repost say the same: once is enough.
        if !out.contains(&conflict) {
            out.push(conflict);
        }
    }
    out
}

fn disagreements(c: &Claim, shown: &IssueSummary) -> Vec<Disagreement> {
    let mut says = Vec::new();
    if let (Some(theirs), Some(ours)) = (&c.title, &shown.title) {
        if comparable(theirs) != comparable(ours) {
            says.push(Disagreement::Title(theirs.clone()));
        }
    }
    if let (Some(theirs), Some(ours)) = (c.period, shown.period) {
        if theirs != ours {
            says.push(Disagreement::Period(theirs));
        }
    }
    // Only the publisher's own copies can disagree on the date: a repost
    // is dated the day it was reposted.
    if c.strength.publisher {
        if let (Some(theirs), Some(ours)) = (c.published, shown.published) {
            if theirs != ours {
                says.push(Disagreement::Published(theirs));
            }
        }
    }
    for (m, theirs) in c.figures.iter() {
        if shown.figures.get(m).is_some_and(|ours| ours != theirs) {
            says.push(Disagreement::Figure(m, theirs));
        }
    }
    says
}

/// A title as compared: full-width ASCII (`２０２４`, `（`) as ASCII, no
/// blanks. Copies that differ only so are the same title.
fn comparable(title: &str) -> String {
    title
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Figures, IssueKey, SeriesId};
    use crate::store::merge::Strength;

    fn claim(rank: Rank, publisher: bool, title: &str, events: Option<i64>) -> Claim {
        Claim {
            strength: Strength {
                rank: rank as i64,
                publisher,
                richness: 0,
                sha256: title.into(),
            },
            title: Some(title.into()),
            figures: Figures::headline(SeriesId::CNCERT, &[events]),
            source: Some(if publisher { "CNCERT" } else { "elsewhere" }.into()),
            ..Claim::default()
        }
    }

    fn shown(title: &str, events: i64) -> IssueSummary {
        IssueSummary {
            title: Some(title.into()),
            ..IssueSummary::with_figures(
                IssueKey::new(2024, 17),
                Figures::headline(SeriesId::CNCERT, &[Some(events)]),
            )
        }
    }

    #[test]
    fn a_lower_copy_with_other_figures_is_a_conflict_naming_them() {
        let own = [
            claim(Rank::Full, true, "周报2024年第17期", Some(381)),
            claim(Rank::Full, false, "周报２０２４年第１７期", Some(103)),
        ];
        let own = own.map(|c| (c, None));
        let c = conflicts(&own, &shown("周报2024年第17期", 381));
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].source.as_deref(), Some("elsewhere"));
        assert_eq!(
            c[0].says,
            vec![Disagreement::Figure(
                SeriesId::CNCERT.figure("events_handled"),
                103.into()
            )],
            "a title differing only in full-width digits is the same title"
        );
    }

    #[test]
    fn copies_that_agree_or_only_lack_something_are_no_conflict() {
        let own = [
            claim(Rank::Full, true, "周报 2024年第17期", Some(381)),
            claim(Rank::Stub, false, "周报2024年第17期", None),
            claim(Rank::Reference, false, "第17期（4月22日-4月28日）", None),
        ];
        let own = own.map(|c| (c, None));
        assert_eq!(conflicts(&own, &shown("周报2024年第17期", 381)), vec![]);
    }

    #[test]
    fn only_the_publishers_copies_disagree_on_the_date() {
        let day = |d| chrono::NaiveDate::from_ymd_opt(2024, 5, d).unwrap();
        let mut repost = claim(Rank::Stub, false, "t", None);
        repost.published = Some(day(6));
        let mut again = claim(Rank::Stub, true, "t", None);
        again.published = Some(day(5));
        let mut s = shown("t", 1);
        s.published = Some(day(4));
        let c = conflicts(&[(repost, None), (again, None)], &s);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].says, vec![Disagreement::Published(day(5))]);
    }
}
