//! Whole-brief throughput, in-process, one thread: `cargo bench --bench throughput`.
//!
//! Two groups, each over a corpus folder read and decoded into memory once:
//! - text: plain-text articles (default `../shared/corpus/general/bbc`, or the
//!   folder given as the first argument);
//! - html: the 181 pages of the article-extraction benchmark
//!   (`../shared/corpus/general/aeb`), with the time split between the document
//!   stage (parsing, metadata, body extraction) and the rest (analysis, brief, JSON).
//!
//! Each group parses and renders every article to JSON repeatedly for about three
//! seconds and reports articles per second of CPU time on one thread and MB/s. No timing assertion: this is
//! a measurement, compared by hand with the figures in the README. `--only text` or `--only html`
//! measures one group; `--rounds N` runs N rounds instead of three seconds, for callgrind:
//! `valgrind --tool=callgrind target/release/deps/throughput-* --only text --rounds 1`.

use korea_brief::analysis::Analyzer;
use korea_brief::input::Source;
use korea_brief::lexicon::Lexicon;
use korea_brief::render::OutputFormat;
use korea_brief::ParseOptions;
use std::path::PathBuf;
use std::time::{Duration, Instant};

mod common;
use common::load_all;

/// How long each measurement runs (at least one whole round).
const MEASURE_FOR: Duration = Duration::from_secs(3);

/// Command-line settings: `[DIR] [--only text|html] [--rounds N]`.
#[derive(Default)]
struct Settings {
    text_dir: Option<PathBuf>,
    only: Option<String>,
    /// A fixed number of rounds instead of about three seconds: for callgrind,
    /// whose counts are then per article comparable between runs.
    rounds: Option<usize>,
}

fn settings() -> Settings {
    let mut settings = Settings::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--only" => settings.only = args.next(),
            "--rounds" => settings.rounds = args.next().and_then(|n| n.parse().ok()),
            // cargo bench passes --bench to harness-less benches
            flag if flag.starts_with('-') => {}
            dir => settings.text_dir = Some(PathBuf::from(dir)),
        }
    }
    settings
}

fn main() {
    let shared = common::general_corpus();
    let settings = settings();
    let text_dir = settings.text_dir.clone().unwrap_or_else(|| shared.join("bbc"));
    let analyzer = Analyzer::new(&Lexicon::builtin());
    for (group, dir, extension) in [("text", text_dir, "txt"), ("html", shared.join("aeb"), "html")] {
        if settings.only.as_deref().is_some_and(|only| only != group) {
            continue;
        }
        let sources = load_all(&dir, extension);
        if sources.is_empty() {
            eprintln!("no .{extension} articles under {}: nothing to measure", dir.display());
            continue;
        }
        let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
        let brief_rate = rate(&sources, settings.rounds, |source| {
            let brief = korea_brief::parse_source(source, &analyzer, &ParseOptions::default());
            std::hint::black_box(korea_brief::render::render(&brief, OutputFormat::Json, false));
        });
        let document_rate = rate(&sources, settings.rounds, |source| {
            std::hint::black_box(korea_brief::document::read(source, ParseOptions::default().max_depth));
        });
        let document_share = brief_rate / document_rate;
        println!(
            "{}: {} .{extension} articles: {brief_rate:.0} articles/s, {:.1} MB/s (per CPU-second of one thread, whole brief to JSON); \
             document stage {:.0}% of the time ({document_rate:.0} articles/s alone), analysis + brief + JSON {:.0}%",
            dir.display(),
            sources.len(),
            brief_rate * bytes as f64 / sources.len() as f64 / 1e6,
            100.0 * document_share,
            100.0 * (1.0 - document_share),
        );
    }
}

/// Articles per second of `work` over `sources`, per second of this thread's CPU
/// time where the system reports it (so that other processes sharing the cores
/// do not slow the figure down), else per second of wall time.
fn rate(sources: &[Source], fixed_rounds: Option<usize>, mut work: impl FnMut(&Source)) -> f64 {
    let started = Instant::now();
    let cpu_started = thread_cpu_time();
    let mut rounds = 0;
    let more = |rounds: usize| match fixed_rounds {
        Some(fixed) => rounds < fixed,
        None => started.elapsed() < MEASURE_FOR || rounds == 0,
    };
    while more(rounds) {
        sources.iter().for_each(&mut work);
        rounds += 1;
    }
    let spent = match (cpu_started, thread_cpu_time()) {
        (Some(from), Some(to)) => to - from,
        _ => started.elapsed(),
    };
    (sources.len() * rounds) as f64 / spent.as_secs_f64()
}

/// CPU time this thread has run, from Linux's `/proc/thread-self/schedstat`.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}
