//! Property test of the incremental merge: random sets of bulletins (full
//! copies, stubs, references naming the same issues, duplicates,
//! conflicting titles, periods and figures) imported in random orders,
//! one file per transaction or in batches, give exactly the cache that
//! the full recompute (`reindex`, and `merge::merge` over every claim)
//! gives, and the outcomes the old before/after comparison gave.

use std::collections::HashMap;

use chrono::NaiveDate;
use proptest::prelude::*;
use rusqlite::{params, types::Value, OptionalExtension};

use super::merge::{self, Claim};
use super::read::{claim_from_row_at, CLAIM_COLUMNS};
use super::{ImportOutcome, Store};
use crate::model::{
    Assessment, Bulletin, Completeness, Figures, IssueKey, Period, RecentRef, SeriesId,
    SourceFormat, Value as FigureValue,
};

/// Few keys, so that copies and references pile up on the same issues.
const KEYS: u32 = 4;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 4, d).unwrap()
}

fn period() -> impl Strategy<Value = Option<Period>> {
    prop::option::of((1u32..4, 4u32..7).prop_map(|(s, e)| Period {
        start: day(s * 3),
        end: day(e * 4),
    }))
}

fn pick<T: Clone + std::fmt::Debug + 'static>(items: &'static [T]) -> impl Strategy<Value = T> {
    prop::sample::select(items)
}

fn text(options: &'static [&'static str]) -> impl Strategy<Value = Option<String>> {
    prop::option::of(pick(options).prop_map(str::to_string))
}

/// Keys of both series, the same weeks: a claim of one never touches the
/// other's issue.
fn key() -> impl Strategy<Value = IssueKey> {
    (1..=KEYS, prop::bool::weighted(0.3)).prop_map(|(n, cnvd)| {
        let series = if cnvd {
            SeriesId::CNVD
        } else {
            SeriesId::CNCERT
        };
        IssueKey::of(series, 2024, n)
    })
}

fn reference() -> impl Strategy<Value = RecentRef> {
    (
        prop::option::weighted(0.85, key()),
        pick(&[
            "第2期（4月1日-4月7日）",
            "第2期",
            "网络安全信息与动态周报第3期",
        ]),
        period(),
        text(&[
            "http://mp.weixin.qq.com/s?__biz=QUJD&mid=1&idx=1",
            "https://mp.weixin.qq.com/s?__biz=QUJD&mid=2&idx=1&sn=x",
            "https://example.org/elsewhere",
            // The publishers' own articles (provenance.rs), of each series.
            "https://mp.weixin.qq.com/s?__biz=MzIwNDk0MDgxMw==&mid=5&idx=1",
            "https://mp.weixin.qq.com/s?__biz=MzU3ODM2NTg2Mg==&mid=6&idx=1",
        ]),
    )
        .prop_map(|(key, title, period, url)| RecentRef {
            key,
            title: title.to_string(),
            period,
            url,
        })
}

/// Counts of the first series' headline figures, and a decimal and a
/// family name of the second's (each kept only by its own series).
fn figures() -> impl Strategy<Value = Figures> {
    let figure = || prop::option::of(pick(&[5i64, 149, 381, 2410]));
    (
        (figure(), figure(), figure(), figure(), figure()),
        prop::option::of(pick(&["6.18", "6.6", "7"])),
        figure(),
    )
        .prop_map(|((a, b, c, d, e), score, car)| {
            let mut f = Figures::headline(SeriesId::CNCERT, &[a, b, c, d, e]);
            f.set(
                SeriesId::CNVD.figure("avg_score"),
                score.and_then(FigureValue::parse),
            );
            f.set_count(SeriesId::CNVD.metric("type:车联网").unwrap(), car);
            f
        })
}

fn bulletin() -> impl Strategy<Value = Bulletin> {
    let fields = (
        key(),
        pick(&["周报第1期", "周报第1期（转载）", "网络安全信息与动态周报"]),
        period(),
        prop::option::of((1u32..4).prop_map(|d| day(d + 20))),
        text(&["国家互联网应急中心CNCERT", "网安资讯转载"]),
        text(&[
            "https://mp.weixin.qq.com/s?__biz=QUJD&mid=1&idx=1&sn=a",
            "https://mp.weixin.qq.com/s?__biz=WFla&mid=7&idx=2",
            "https://mp.weixin.qq.com/s?__biz=MzIwNDk0MDgxMw==&mid=5&idx=1&sn=c",
            "https://mp.weixin.qq.com/s?__biz=MzU3ODM2NTg2Mg==&mid=6&idx=1",
        ]),
        prop::option::of(pick(&[Assessment::Good, Assessment::Excellent])),
    );
    let content = (
        figures(),
        prop::collection::vec(pick(&["本周态势良。", "本周共处理事件381起，较多。"]), 0..3),
        prop::collection::vec(
            pick(&["https://img.example/1.png", "https://img.example/2.png"]),
            0..2,
        ),
        prop::collection::vec(reference(), 0..5),
        prop::bool::weighted(0.6),
    );
    (fields, content).prop_map(
        |(
            (key, title, period, published, source, url, assessment),
            (figures, body, images, recent, full),
        )| Bulletin {
            format: SourceFormat::Markdown,
            key,
            last_number: (key.number == 2 && title.contains("转载")).then_some(3),
            title: title.to_string(),
            period,
            published,
            article: url.as_deref().and_then(crate::parse::article_id),
            urls: url.iter().cloned().collect(),
            source,
            url,
            assessment,
            // A bulletin states the figures of its own series only.
            figures: figures
                .iter()
                .filter(|(m, _)| m.series() == key.series)
                .collect(),
            images: images.into_iter().map(str::to_string).collect(),
            body: body.into_iter().map(str::to_string).collect(),
            truncated: full && recent.len() == 2,
            recent,
            completeness: if full {
                Completeness::Full
            } else {
                Completeness::Stub
            },
        },
    )
}

/// A case: the files (raw bytes and what they parse to), an order to
/// import them in, and whether each goes into a batch.
type Case = (Vec<(Vec<u8>, Bulletin)>, Vec<usize>, Vec<bool>);

/// The files of one case: bulletins, and which of them each file holds
/// with which of two byte-for-byte variants (same variant: a duplicate
/// file, which changes nothing; other variant: another copy, another hash).
fn case() -> impl Strategy<Value = Case> {
    prop::collection::vec(bulletin(), 1..6)
        .prop_flat_map(|bulletins| {
            let n = bulletins.len();
            let files = prop::collection::vec((0..n, 0u8..2), 1..12);
            (Just(bulletins), files)
        })
        .prop_map(|(bulletins, picks)| {
            picks
                .into_iter()
                .map(|(i, variant)| {
                    let mut raw = serde_json::to_vec(&bulletins[i]).unwrap();
                    raw.push(b'0' + variant);
                    (raw, bulletins[i].clone())
                })
                .collect::<Vec<_>>()
        })
        .prop_flat_map(|files| {
            let n = files.len();
            let order = Just((0..n).collect::<Vec<_>>()).prop_shuffle();
            let batched = prop::collection::vec(any::<bool>(), n);
            (Just(files), order, batched)
        })
}

/// Every table import writes, as plain values, in an order that does not
/// depend on import order (claims by content, not by rowid).
fn dump(s: &Store, with_marks: bool) -> Vec<Vec<Value>> {
    let wins = if with_marks { "wins" } else { "0" };
    let queries = [
        "SELECT * FROM issues ORDER BY series, year, number".to_string(),
        "SELECT * FROM issue_texts ORDER BY series, year, number".into(),
        "SELECT * FROM recent_refs ORDER BY series, year, number, position".into(),
        format!("SELECT series, year, number, {CLAIM_COLUMNS}, biz, mid, idx, {wins} FROM claims"),
    ];
    let mut rows = Vec::new();
    for q in queries {
        let mut stmt = s.conn.prepare(&q).unwrap();
        let n = stmt.column_count();
        let mut r = stmt.query([]).unwrap();
        let mut table: Vec<Vec<Value>> = Vec::new();
        while let Some(row) = r.next().unwrap() {
            table.push((0..n).map(|i| row.get::<_, Value>(i).unwrap()).collect());
        }
        table.sort_by_cached_key(|row| format!("{row:?}"));
        rows.extend(table);
        rows.push(vec![Value::Text("--".into())]);
    }
    rows
}

/// What `detail` shows of every issue: aliases and 近期回顾 included.
fn details(s: &Store) -> Vec<crate::model::IssueDetail> {
    s.summaries()
        .unwrap()
        .iter()
        .map(|i| s.detail(i.key).unwrap().unwrap())
        .collect()
}

/// The old import's view of an issue row, to check outcomes against.
fn old_snapshot(s: &Store, key: IssueKey) -> Option<(Option<String>, String, bool)> {
    s.conn
        .query_row(
            "SELECT title || '|' || ifnull(period_start,'') || '|' || ifnull(published,'') || '|' ||
                    ifnull(assessment,'') || '|' || figures || '|' || ifnull(last_number, ''),
                    body_sha256, cached
             FROM issues WHERE series = ?1 AND year = ?2 AND number = ?3",
            params![key.series.id(), key.year, key.number],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()
        .unwrap()
}

fn old_outcome(
    b: &Bulletin,
    known: bool,
    before: Option<(Option<String>, String, bool)>,
    after: Option<(Option<String>, String, bool)>,
) -> ImportOutcome {
    match (known, b.completeness, before) {
        (true, _, _) => ImportOutcome::Unchanged,
        (_, Completeness::Stub, _) => ImportOutcome::StubMerged,
        (_, _, None) => ImportOutcome::New,
        (_, _, Some((_, _, false))) => ImportOutcome::New,
        (_, _, b) if b == after => ImportOutcome::LowerCopy,
        _ => ImportOutcome::Updated,
    }
}

fn is_known(s: &Store, raw: &[u8]) -> bool {
    s.conn
        .query_row(
            "SELECT 1 FROM sources WHERE sha256 = ?1",
            [super::source::hex_sha256(raw)],
            |_| Ok(()),
        )
        .optional()
        .unwrap()
        .is_some()
}

/// Where a file was read from, the same for the same bytes: a file on
/// disk, or a page from a host that is not WeChat's (never the
/// publisher's, whatever it says: provenance.rs).
fn label(raw: &[u8]) -> &'static str {
    if raw.len().is_multiple_of(3) {
        "http://127.0.0.1:8080/page"
    } else {
        "f.md"
    }
}

/// Imports `files` in `order`, a file alone or into a batch as `batched`
/// says, checking each outcome against the old rules.
fn import_all(files: &[(Vec<u8>, Bulletin)], order: &[usize], batched: &[bool]) -> Store {
    let mut s = Store::open_in_memory().unwrap();
    let mut in_batch = false;
    for (&i, &batch) in order.iter().zip(batched) {
        let (raw, b) = &files[i];
        if in_batch && !batch {
            s.commit_batch().unwrap();
            in_batch = false;
        }
        if batch && !in_batch {
            s.begin_batch().unwrap();
            in_batch = true;
        }
        let known = is_known(&s, raw);
        let before = old_snapshot(&s, b.key);
        let outcome = if batch {
            s.import_in_batch(&super::SourceFile::new(
                label(raw).into(),
                raw.clone(),
                b.clone(),
            ))
            .unwrap()
        } else {
            s.import_file(label(raw), raw, b).unwrap()
        };
        let after = old_snapshot(&s, b.key);
        assert_eq!(outcome, old_outcome(b, known, before, after), "{b:?}");
    }
    if in_batch {
        s.commit_batch().unwrap();
    }
    s
}

/// Every issue row against `merge::merge` over all of the issue's claims.
fn check_against_full_merge(s: &Store) {
    let mut by_key: HashMap<IssueKey, Vec<Claim>> = HashMap::new();
    let mut stmt = s
        .conn
        .prepare(&format!(
            "SELECT series, year, number, {CLAIM_COLUMNS} FROM claims ORDER BY rowid"
        ))
        .unwrap();
    let mut rows = stmt.query([]).unwrap();
    while let Some(r) = rows.next().unwrap() {
        let series = SeriesId::from_id(&r.get::<_, String>(0).unwrap()).unwrap();
        let key = IssueKey::of(series, r.get(1).unwrap(), r.get(2).unwrap());
        by_key
            .entry(key)
            .or_default()
            .push(claim_from_row_at(r, 3, series).unwrap());
    }
    let summaries = s.summaries().unwrap();
    assert_eq!(
        summaries.len(),
        by_key.len(),
        "one issue row per claimed key"
    );
    for summary in summaries {
        let m = merge::merge(&by_key[&summary.key]);
        let d = s.detail(summary.key).unwrap().unwrap();
        assert_eq!(
            (
                d.summary.title,
                d.summary.period,
                d.summary.published,
                d.summary.assessment,
                d.summary.figures,
                d.summary.cached,
                d.summary.last_number,
                d.source,
                d.url
            ),
            (
                m.title,
                m.period,
                m.published,
                m.assessment,
                m.figures,
                m.cached,
                m.last_number,
                m.source,
                m.url
            ),
            "{}",
            summary.key
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn incremental_merge_equals_the_full_recompute_in_any_order(
        (files, order, batched) in case()
    ) {
        let given: Vec<usize> = (0..files.len()).collect();
        let a = import_all(&files, &given, &batched);
        let b = import_all(&files, &order, &batched);
        prop_assert_eq!(dump(&a, true), dump(&b, true));
        prop_assert_eq!(details(&a), details(&b));
        check_against_full_merge(&a);

        let mut c = import_all(&files, &order, &batched);
        let bulletins: HashMap<Vec<u8>, Bulletin> = files.iter().cloned().collect();
        c.reindex(|raw| bulletins.get(raw).cloned()).unwrap();
        prop_assert_eq!(dump(&a, true), dump(&c, true));
        prop_assert_eq!(details(&a), details(&c));

        // A cache migrated to marks (every claim marked a winner) ends the
        // same once the rest arrives; only marks of issues no later file
        // touched stay wider than needed.
        let half = order.len() / 2;
        let mut d = import_all(&files, &order[..half], &batched[..half]);
        d.conn.execute_batch("UPDATE claims SET wins = 1").unwrap();
        for &i in &order[half..] {
            let (raw, bulletin) = &files[i];
            d.import_file(label(raw), raw, bulletin).unwrap();
        }
        prop_assert_eq!(dump(&a, false), dump(&d, false));
        prop_assert_eq!(details(&a), details(&d));
    }
}
