//! The whole brief, in-process, with divan: `cargo bench --bench brief`.
//!
//! Each sample parses every article of a corpus folder and renders it to JSON, as `parse` does;
//! divan reports the rate in articles per second of wall time on one thread (the `item/s` column),
//! so measure on an otherwise idle machine. `text` is `../shared/corpus/general/bbc` (2,225 BBC
//! articles), `html` the 181 pages of `../shared/corpus/general/aeb`. `benches/throughput.rs`
//! gives the same figures per CPU-second, with the document stage's share.

use divan::counter::ItemsCount;
use divan::Bencher;
use korea_brief::analysis::Analyzer;
use korea_brief::input::Source;
use korea_brief::lexicon::Lexicon;
use korea_brief::render::{self, OutputFormat};
use korea_brief::ParseOptions;
use std::sync::LazyLock;

mod common;

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(|| Analyzer::new(&Lexicon::builtin()));

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 12, sample_size = 1)]
fn text(bencher: Bencher) {
    briefs(bencher, &common::load_all(&common::general_corpus().join("bbc"), "txt"));
}

#[divan::bench(sample_count = 12, sample_size = 1)]
fn html(bencher: Bencher) {
    briefs(
        bencher,
        &common::load_all(&common::general_corpus().join("aeb"), "html"),
    );
}

/// Every article of `sources` to a JSON brief, per sample.
fn briefs(bencher: Bencher, sources: &[Source]) {
    assert!(
        !sources.is_empty(),
        "no articles under ../shared/corpus/general: nothing to measure"
    );
    let analyzer = &*ANALYZER;
    bencher.counter(ItemsCount::new(sources.len())).bench(|| {
        for source in sources {
            let brief = korea_brief::parse_source(source, analyzer, &ParseOptions::default());
            divan::black_box(render::render(&brief, OutputFormat::Json, false));
        }
    });
}
