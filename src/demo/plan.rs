//! What the embedded demo corpus holds: which weeks have a full bulletin,
//! which only a stub, which no file at all. `examples/gen_demo.rs` writes
//! it to assets/demo; a test checks the committed files still match.

use crate::model::{IssueKey, SeriesId};
use crate::synth::cnvd::{self, CnvdIssue};
use crate::synth::{self, StubKind, SynthIssue};

pub const DEMO_SEED: u64 = 0x7a68_6f75_6261_6f31;
/// Files cover 2024 第40期 to 2025 第50期; the series starts five weeks
/// earlier so that even the first file has a full 近期回顾 list, whose
/// targets exist only as references.
pub const SERIES_START: IssueKey = IssueKey::new(2024, 35);
pub const FIRST_FILE: IssueKey = IssueKey::new(2024, 40);
pub const ISSUE_COUNT: usize = 68;

/// Weeks without any file: known only from later issues' 近期回顾.
const GAPS: [(i32, u32); 4] = [(2024, 46), (2025, 8), (2025, 21), (2025, 33)];
/// Weeks known only through a repost stub.
const STUB_ONLY: [(i32, u32, StubKind); 2] = [
    (2025, 12, StubKind::TitleOnly),
    (2025, 37, StubKind::AntiBotWall),
];
/// Weeks with the full original and also a repost stub.
const ALSO_REPOSTED: [(i32, u32); 3] = [(2024, 47), (2025, 27), (2025, 50)];
/// The week whose bulletin lacks the mobile-app sentence.
const WITHOUT_MOBILE: (i32, u32) = (2024, 43);

/// One file of the demo corpus and the issue it was written from.
#[derive(Debug, Clone)]
pub struct DemoFile {
    pub name: String,
    pub markdown: String,
    pub issue: SynthIssue,
    /// The original with its body, not a stub.
    pub full: bool,
}

fn is(key: IssueKey, (year, number): (i32, u32)) -> bool {
    key == IssueKey::new(year, number)
}

/// The issues of the demo series after the plan's adjustments.
pub fn demo_series() -> Vec<SynthIssue> {
    let mut issues = synth::series_from(SERIES_START, ISSUE_COUNT, DEMO_SEED);
    let platforms = SeriesId::CNCERT.figure("malicious_app_platforms");
    let urls = SeriesId::CNCERT.figure("malicious_urls");
    for issue in &mut issues {
        let mobile_known = !is(issue.key, WITHOUT_MOBILE);
        if !mobile_known {
            issue.figures.set(platforms, None);
            issue.figures.set(urls, None);
        } else if issue.figures.get(urls).is_none() {
            // Keep exactly one such week in the demo, so it is easy to find.
            let week = i64::from(issue.key.number);
            issue.figures.set_count(platforms, Some(week % 17));
            issue.figures.set_count(urls, Some(week % 41 + 3));
        }
        // The demo shows the implicit spelling the brief's file names use.
        issue.explicit_years = false;
    }
    issues
}

/// Every file of the demo corpus, sorted by name.
pub fn generate() -> Vec<DemoFile> {
    let issues = demo_series();
    let mut files = Vec::new();
    for (index, issue) in issues.iter().enumerate() {
        if issue.key < FIRST_FILE || GAPS.iter().any(|g| is(issue.key, *g)) {
            continue;
        }
        let stub_only = STUB_ONLY
            .iter()
            .find(|(y, n, _)| is(issue.key, (*y, *n)))
            .map(|(_, _, kind)| *kind);
        if let Some(kind) = stub_only {
            files.push(stub(issue, kind));
            continue;
        }
        files.push(DemoFile {
            name: issue.file_name(),
            markdown: synth::full_markdown(issue, &synth::recent_for(&issues, index)),
            issue: issue.clone(),
            full: true,
        });
        if ALSO_REPOSTED.iter().any(|r| is(issue.key, *r)) {
            files.push(stub(issue, StubKind::TitleOnly));
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

fn stub(issue: &SynthIssue, kind: StubKind) -> DemoFile {
    DemoFile {
        name: issue.stub_file_name(),
        markdown: synth::stub_markdown(issue, kind),
        issue: issue.clone(),
        full: false,
    }
}

// --- the second series: CNVD漏洞周报 for the same weeks.

/// The CNVD reports start with the files of the first series.
pub const CNVD_FIRST: IssueKey = IssueKey::of(SeriesId::CNVD, 2024, 40);
/// 2024 第40、41期 is one report, as in the real archive.
const CNVD_DOUBLE: [IssueKey; 1] = [IssueKey::of(SeriesId::CNVD, 2024, 40)];
pub const CNVD_COUNT: usize = 62;
const CNVD_SEED: u64 = 0x636e_7664_6465_6d6f;
/// Weeks without a report: gaps the charts show.
const CNVD_GAPS: [(i32, u32); 3] = [(2025, 5), (2025, 21), (2025, 44)];
/// Weeks known only by a title-only repost of the CNCERT account.
const CNVD_STUB_ONLY: [(i32, u32); 1] = [(2025, 30)];
/// Reposted by the CNCERT account as well as posted by CNVD's own.
const CNVD_REPOSTED: [(i32, u32); 2] = [(2024, 44), (2025, 49)];
/// The account that reposts the reports.
const CNVD_REPOSTER: &str = "国家互联网应急中心CNCERT";

/// One CNVD file of the demo corpus.
#[derive(Debug, Clone)]
pub struct CnvdDemoFile {
    pub name: String,
    pub markdown: String,
    pub issue: CnvdIssue,
    pub full: bool,
}

/// The CNVD reports of the demo, sorted by name.
pub fn generate_cnvd() -> Vec<CnvdDemoFile> {
    let at =
        |k: IssueKey, list: &[(i32, u32)]| list.iter().any(|&(y, n)| (k.year, k.number) == (y, n));
    let mut files = Vec::new();
    for issue in cnvd::series_from(CNVD_FIRST, CNVD_COUNT, CNVD_SEED, &CNVD_DOUBLE) {
        if at(issue.key, &CNVD_GAPS) {
            continue;
        }
        if at(issue.key, &CNVD_STUB_ONLY) || at(issue.key, &CNVD_REPOSTED) {
            files.push(CnvdDemoFile {
                name: synth::archive_file_name(
                    issue.published + chrono::Duration::days(1),
                    CNVD_REPOSTER,
                    &issue.title(),
                ),
                markdown: cnvd_repost(&issue),
                issue: issue.clone(),
                full: false,
            });
        }
        if !at(issue.key, &CNVD_STUB_ONLY) {
            files.push(CnvdDemoFile {
                name: issue.file_name(),
                markdown: cnvd::markdown(&issue),
                issue,
                full: true,
            });
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

/// A title-only repost by the CNCERT account.
fn cnvd_repost(issue: &CnvdIssue) -> String {
    format!(
        "---\ntitle: {title}\nurl: https://mp.weixin.qq.com/s?__biz=MzA5ODc2NTQzMg==&mid={}&idx=3&sn=demo\nsource: {CNVD_REPOSTER}\ndate: {}\n---\n\n# {title}\n\n：\n\n赞\n",
        issue.article.mid,
        (issue.published + chrono::Duration::days(1)).format("%Y-%m-%d"),
        title = issue.title(),
    )
}

/// Every file of the demo corpus, both series, as (name, text), sorted by
/// name: what assets/demo holds.
pub fn all_files() -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = generate()
        .into_iter()
        .map(|f| (f.name, f.markdown))
        .chain(generate_cnvd().into_iter().map(|f| (f.name, f.markdown)))
        .collect();
    all.sort();
    all
}
