//! Import throughput, in two shapes and two sizes, and against newsboat.
//!
//! Each issue is a full original plus a repost stub (every tenth an
//! anti-bot wall), written as files and imported into a fresh on-disk
//! cache, closing it included (as `zhoubao import` does on exit). In the
//! `chain` shape each bulletin's 近期回顾 names its own five predecessors;
//! in the `same five` shape every bulletin's names the series' first five
//! issues, so those gather a claim from every file. Both shapes run at
//! 2,000 and at 10,000 files. At 10,000, newsboat (when installed)
//! reloads the chain corpus as one local RSS feed (import/newsboat.rs).
//! The runs take turns, `ZHOUBAO_BENCH_RUNS` rounds (default 3), so a
//! change in the machine's load falls on every figure alike; each figure
//! is its best round.
//!
//! Fails when a 10,000-file import is below `ZHOUBAO_BENCH_MIN_FPS`
//! (default 3000 files/s), when the two shapes' rates are more than 1.5×
//! apart, or when import is under `ZHOUBAO_BENCH_MIN_NEWSBOAT_RATIO`
//! (default 2) times newsboat's rate. Run: `cargo bench --bench import`.
//!
//! The scale run sets `ZHOUBAO_BENCH_ISSUES=100000` (full originals; a
//! repost of each is added only when `ZHOUBAO_BENCH_STUBS=1`), and also
//! times listing the whole cache as `zhoubao list` does.
//! `ZHOUBAO_BENCH_CORPUS=DIR` writes the 10,000 files of a shape
//! (`ZHOUBAO_BENCH_SHAPE=chain|same-five`) into DIR and stops, for
//! profiling the real binary on them.

#[path = "import/newsboat.rs"]
mod newsboat;

use std::fs;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use zhoubao::import;
use zhoubao::store::Store;
use zhoubao::synth::{self, StubKind, SynthIssue};

/// Issues per size: each is a full original and a stub, so twice as many files.
const SIZES: [usize; 2] = [1_000, 5_000];
/// `cargo test --benches` runs this without `--bench`: a quick smoke run
/// that checks the import works, with no speed target (debug build).
const SMOKE_ISSUES: usize = 100;
/// Every tenth repost is an anti-bot wall rather than a title-only page.
const WALL_EVERY: usize = 10;
const DEFAULT_MIN_FPS: f64 = 3000.0;
const MAX_SHAPE_RATIO: f64 = 1.5;
const DEFAULT_MIN_NEWSBOAT_RATIO: f64 = 2.0;
const DEFAULT_RUNS: usize = 3;
const SEED: u64 = 0x00be_7c4a_11f0_0d5e;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// 近期回顾 names the five issues before.
    Chain,
    /// 近期回顾 names the series' first five issues, in every file after them.
    SameFive,
}

impl Shape {
    fn name(self) -> &'static str {
        match self {
            Shape::Chain => "chain",
            Shape::SameFive => "same five",
        }
    }

    fn recent(self, issues: &[SynthIssue], index: usize) -> Vec<&SynthIssue> {
        match self {
            Shape::SameFive if index >= synth::RECENT_LINES => {
                issues[..synth::RECENT_LINES].iter().rev().collect()
            }
            _ => synth::recent_for(issues, index),
        }
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("import bench: {e}");
            ExitCode::FAILURE
        }
    }
}

fn env_number<T: std::str::FromStr>(name: &str) -> Result<Option<T>, String> {
    match std::env::var(name) {
        Ok(v) => v
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| format!("{name}={v:?} is not a number")),
        Err(_) => Ok(None),
    }
}

fn run() -> Result<bool, Box<dyn std::error::Error>> {
    if let Ok(dir) = std::env::var("ZHOUBAO_BENCH_CORPUS") {
        let shape = match std::env::var("ZHOUBAO_BENCH_SHAPE").as_deref() {
            Ok("same-five") => Shape::SameFive,
            _ => Shape::Chain,
        };
        fs::create_dir_all(&dir)?;
        let written = write_corpus(Path::new(&dir), SIZES[1], true, shape)?;
        println!("wrote {written} files ({}) into {dir}", shape.name());
        return Ok(true);
    }
    let measuring = std::env::args().any(|a| a == "--bench");
    if let Some(issues) = env_number::<usize>("ZHOUBAO_BENCH_ISSUES")? {
        let stubs = std::env::var("ZHOUBAO_BENCH_STUBS").is_ok_and(|v| v == "1");
        return scale_run(issues, stubs, measuring);
    }
    let min_fps = match env_number::<f64>("ZHOUBAO_BENCH_MIN_FPS")? {
        _ if !measuring => 0.0,
        Some(v) => v,
        None => DEFAULT_MIN_FPS,
    };
    let runs: usize = env_number("ZHOUBAO_BENCH_RUNS")?
        .unwrap_or(DEFAULT_RUNS)
        .max(1);
    let sizes: &[usize] = if measuring { &SIZES } else { &[SMOKE_ISSUES] };
    let runs = if measuring { runs } else { 1 };
    let min_ratio = env_number::<f64>("ZHOUBAO_BENCH_MIN_NEWSBOAT_RATIO")?
        .unwrap_or(DEFAULT_MIN_NEWSBOAT_RATIO);
    let mut ok = true;
    for &issues in sizes {
        let shapes = [Shape::Chain, Shape::SameFive];
        let mut corpora = Vec::new();
        for shape in shapes {
            let dir = tempfile::tempdir()?;
            let written = write_corpus(dir.path(), issues, true, shape)?;
            corpora.push((dir, written));
        }
        // newsboat reloads the larger chain corpus, in the same rounds.
        let mut feed = None;
        if measuring && issues == SIZES[SIZES.len() - 1] {
            feed = newsboat::Feed::write(corpora[0].0.path(), corpora[0].1)?;
        }
        // Runs take turns, so a change in the machine's load falls on
        // every figure alike; each figure is its best run.
        let mut rates = vec![Vec::new(); shapes.len()];
        let mut reloads = Vec::new();
        for _ in 0..runs {
            for (i, (dir, written)) in corpora.iter().enumerate() {
                rates[i].push(import_once(dir.path(), *written, issues, &mut ok)?);
            }
            if let Some(feed) = &feed {
                reloads.push(feed.reload()?);
            }
        }
        let best: Vec<f64> = rates
            .iter()
            .map(|r| r.iter().copied().fold(0.0, f64::max))
            .collect();
        for ((shape, (_, written)), (best, each)) in
            shapes.iter().zip(&corpora).zip(best.iter().zip(&rates))
        {
            println!(
                "import {written} files, {}: {best:.0} files/s (best of {}: {})",
                shape.name(),
                each.len(),
                list(each)
            );
            if measuring && *written >= 10_000 && *best < min_fps {
                eprintln!(
                    "{best:.0} files/s is below the target of {min_fps:.0} (ZHOUBAO_BENCH_MIN_FPS)"
                );
                ok = false;
            }
        }
        let ratio = best[0].max(best[1]) / best[0].min(best[1]).max(f64::EPSILON);
        println!("  shapes {ratio:.2}× apart (at most {MAX_SHAPE_RATIO}×)");
        if measuring && ratio > MAX_SHAPE_RATIO {
            eprintln!(
                "the two shapes' rates are {ratio:.2}× apart at {} files",
                issues * 2
            );
            ok = false;
        }
        match &feed {
            Some(feed) => ok &= feed.report(&reloads, best[0], min_ratio),
            None if measuring && issues == SIZES[SIZES.len() - 1] => {
                println!(
                    "newsboat comparison skipped: newsboat is not installed (zhoubao: {:.0} files/s)",
                    best[0]
                );
            }
            None => {}
        }
    }
    if !measuring {
        println!("newsboat comparison skipped (smoke run)");
    }
    Ok(ok)
}

fn list(rates: &[f64]) -> String {
    rates
        .iter()
        .map(|r| format!("{r:.0}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Imports the files under `input` into a fresh cache; returns files/s
/// and clears `ok` when the import did not do what the files say.
fn import_once(
    input: &Path,
    written: usize,
    issues: usize,
    ok: &mut bool,
) -> Result<f64, Box<dyn std::error::Error>> {
    let cache = tempfile::tempdir()?;
    let mut store = Store::open(&cache.path().join("bench.db"))?;
    let started = Instant::now();
    let summary = import::import_paths(&mut store, &[input.to_path_buf()], false);
    // Closing writes the journal into the cache, as when `zhoubao import`
    // exits: part of what an import costs.
    drop(store);
    let elapsed = started.elapsed().as_secs_f64();
    *ok &= check(&summary, written, issues);
    Ok(summary.files() as f64 / elapsed.max(f64::EPSILON))
}

fn check(summary: &import::ImportSummary, written: usize, issues: usize) -> bool {
    let mut ok = true;
    if summary.files() != written {
        eprintln!(
            "import saw {} files, {written} were written",
            summary.files()
        );
        ok = false;
    }
    if let Some((path, why)) = summary.failed.first() {
        eprintln!(
            "{} files failed, first {}: {}",
            summary.failed.len(),
            path.display(),
            why.text(zhoubao::i18n::Lang::En)
        );
        ok = false;
    }
    if summary.new != issues {
        eprintln!("expected {issues} new issues, got {}", summary.new);
        ok = false;
    }
    ok
}

/// The single large run: full originals (and stubs if asked), then the
/// whole list as `zhoubao list` prints it.
fn scale_run(
    issues: usize,
    stubs: bool,
    measuring: bool,
) -> Result<bool, Box<dyn std::error::Error>> {
    let min_fps = match env_number::<f64>("ZHOUBAO_BENCH_MIN_FPS")? {
        _ if !measuring => 0.0,
        Some(v) => v,
        None => DEFAULT_MIN_FPS,
    };
    let input = tempfile::tempdir()?;
    let written = write_corpus(input.path(), issues, stubs, Shape::Chain)?;
    let cache = tempfile::tempdir()?;
    let mut store = Store::open(&cache.path().join("bench.db"))?;
    let started = Instant::now();
    let summary = import::import_paths(&mut store, &[input.path().to_path_buf()], false);
    let elapsed = started.elapsed().as_secs_f64();
    let fps = summary.files() as f64 / elapsed.max(f64::EPSILON);
    println!(
        "import: {} files in {elapsed:.2} s = {fps:.0} files/s \
         (new {}, stubs {}, unchanged {}, updated {}, skipped {}, failed {})",
        summary.files(),
        summary.new,
        summary.stubs,
        summary.unchanged,
        summary.updated,
        summary.skipped.len(),
        summary.failed.len()
    );
    let listed = Instant::now();
    // As `zhoubao list` does: the rows with their URLs, then the text.
    let list = store.rows()?;
    let text = zhoubao::output::list_text(
        &list,
        &[zhoubao::model::SeriesId::CNCERT],
        zhoubao::i18n::Lang::En,
    );
    println!(
        "list: {} issues ({} KB of text) in {:.0} ms",
        list.len(),
        text.len() / 1024,
        listed.elapsed().as_secs_f64() * 1000.0
    );
    let mut ok = check(&summary, written, issues);
    if fps < min_fps {
        eprintln!("{fps:.0} files/s is below the target of {min_fps:.0} (ZHOUBAO_BENCH_MIN_FPS)");
        ok = false;
    }
    Ok(ok)
}

/// The bulletins of `issues` issues in `shape`, in import order: each
/// original's file name and text, then its stub's when `stubs`.
fn bulletins(issues: usize, stubs: bool, shape: Shape) -> Vec<(String, String)> {
    let series = synth::series(1995, issues, SEED);
    let mut out = Vec::with_capacity(issues * 2);
    for (index, issue) in series.iter().enumerate() {
        let recent = shape.recent(&series, index);
        out.push((issue.file_name(), synth::full_markdown(issue, &recent)));
        if !stubs {
            continue;
        }
        let kind = if index % WALL_EVERY == 0 {
            StubKind::AntiBotWall
        } else {
            StubKind::TitleOnly
        };
        out.push((issue.stub_file_name(), synth::stub_markdown(issue, kind)));
    }
    out
}

/// Writes the synthetic corpus into `dir`; returns how many files it wrote.
fn write_corpus(dir: &Path, issues: usize, stubs: bool, shape: Shape) -> std::io::Result<usize> {
    let files = bulletins(issues, stubs, shape);
    for (name, text) in &files {
        fs::write(dir.join(name), text)?;
    }
    settle();
    Ok(files.len())
}

/// Flushes what was just written, so the kernel writing the corpus back
/// does not compete with the import being timed.
pub fn settle() {
    let _ = std::process::Command::new("sync").status();
}
