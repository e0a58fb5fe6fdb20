//! Import throughput: 10,000 generated bulletin files (5,000 full originals
//! and a repost stub of each) into a fresh on-disk cache. Prints files/s and fails when
//! below `ZHOUBAO_BENCH_MIN_FPS` (default 3000). Run: `cargo bench --bench import`.
//!
//! The scale run sets `ZHOUBAO_BENCH_ISSUES=100000` (full originals; a
//! repost of each is added only when `ZHOUBAO_BENCH_STUBS=1`), and also
//! times listing the whole cache as `zhoubao list` does.

use std::fs;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use zhoubao::import;
use zhoubao::store::Store;
use zhoubao::synth::{self, StubKind};

/// 5,000 originals plus a repost of each make the 10,000 files.
const FULL_FILES: usize = 5_000;
/// `cargo test --benches` runs this without `--bench`: a quick smoke run
/// that checks the import works, with no speed target (debug build).
const SMOKE_FULL_FILES: usize = 200;
/// Every tenth repost is an anti-bot wall rather than a title-only page.
const WALL_EVERY: usize = 10;
const DEFAULT_MIN_FPS: f64 = 3000.0;
const SEED: u64 = 0x00be_7c4a_11f0_0d5e;

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

fn run() -> Result<bool, Box<dyn std::error::Error>> {
    let measuring = std::env::args().any(|a| a == "--bench");
    let scale: Option<usize> = std::env::var("ZHOUBAO_BENCH_ISSUES")
        .ok()
        .and_then(|v| v.trim().parse().ok());
    let stubs = scale.is_none() || std::env::var("ZHOUBAO_BENCH_STUBS").is_ok_and(|v| v == "1");
    let full_files = if let Some(n) = scale {
        n
    } else if measuring {
        FULL_FILES
    } else {
        SMOKE_FULL_FILES
    };
    let min_fps = match std::env::var("ZHOUBAO_BENCH_MIN_FPS") {
        _ if !measuring => 0.0,
        Ok(v) => v.trim().parse::<f64>()?,
        Err(_) => DEFAULT_MIN_FPS,
    };
    let input = tempfile::tempdir()?;
    let written = write_corpus(input.path(), full_files, stubs)?;
    let cache = tempfile::tempdir()?;
    let mut store = Store::open(&cache.path().join("bench.db"))?;

    let started = Instant::now();
    let summary = import::import_paths(&mut store, &[input.path().to_path_buf()], false);
    let elapsed = started.elapsed().as_secs_f64();

    let files = summary.files();
    let fps = files as f64 / elapsed.max(f64::EPSILON);
    println!(
        "import: {files} files in {elapsed:.2} s = {fps:.0} files/s \
         (new {}, stubs {}, unchanged {}, updated {}, skipped {}, failed {})",
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
    let text = zhoubao::output::list_text(&list, zhoubao::i18n::Lang::En);
    println!(
        "list: {} issues ({} KB of text) in {:.0} ms",
        list.len(),
        text.len() / 1024,
        listed.elapsed().as_secs_f64() * 1000.0
    );
    let mut ok = true;
    if files != written {
        eprintln!("import saw {files} files, {written} were written");
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
    if summary.new != full_files {
        eprintln!("expected {full_files} new issues, got {}", summary.new);
        ok = false;
    }
    if fps < min_fps {
        eprintln!("{fps:.0} files/s is below the target of {min_fps:.0} (ZHOUBAO_BENCH_MIN_FPS)");
        ok = false;
    }
    Ok(ok)
}

/// Writes the synthetic corpus into `dir`; returns how many files it wrote.
fn write_corpus(dir: &Path, full_files: usize, stubs: bool) -> std::io::Result<usize> {
    let issues = synth::series(1995, full_files, SEED);
    let mut written = 0;
    for (index, issue) in issues.iter().enumerate() {
        let recent = synth::recent_for(&issues, index);
        fs::write(
            dir.join(issue.file_name()),
            synth::full_markdown(issue, &recent),
        )?;
        written += 1;
        if !stubs {
            continue;
        }
        let kind = if index % WALL_EVERY == 0 {
            StubKind::AntiBotWall
        } else {
            StubKind::TitleOnly
        };
        fs::write(
            dir.join(issue.stub_file_name()),
            synth::stub_markdown(issue, kind),
        )?;
        written += 1;
    }
    Ok(written)
}
