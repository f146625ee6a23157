//! Whole-brief throughput, in-process, one thread: `cargo bench --bench throughput`.
//!
//! Reads every article of a corpus folder into memory once (default
//! `../shared/corpus/general/bbc`, or the folder given as the first argument),
//! then parses and renders each to JSON repeatedly for about three seconds and
//! reports articles per second and MB/s. No timing assertion: this is a
//! measurement, compared by hand with the figures in the README.

use korea_brief::analysis::Analyzer;
use korea_brief::lexicon::Lexicon;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/general/bbc"));
    let mut texts = Vec::new();
    collect(&dir, &mut texts);
    if texts.is_empty() {
        eprintln!("no articles under {}: nothing to measure", dir.display());
        return;
    }
    let analyzer = Analyzer::new(&Lexicon::builtin());
    let bytes: usize = texts.iter().map(String::len).sum();
    let started = Instant::now();
    let mut rounds = 0;
    while started.elapsed() < Duration::from_secs(3) || rounds == 0 {
        for text in &texts {
            let brief = korea_brief::parse_text(text, "bench.txt", &analyzer, None);
            std::hint::black_box(serde_json::to_vec(&brief).expect("serialises"));
        }
        rounds += 1;
    }
    let secs = started.elapsed().as_secs_f64();
    let articles = (texts.len() * rounds) as f64;
    println!(
        "{}: {} articles x {rounds} rounds: {:.0} articles/s, {:.1} MB/s (one thread, whole brief to JSON)",
        dir.display(),
        texts.len(),
        articles / secs,
        (bytes * rounds) as f64 / secs / 1e6
    );
}

fn collect(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt" || e == "html") {
            if let Ok(text) = std::fs::read_to_string(&path) {
                out.push(text);
            }
        }
    }
}
