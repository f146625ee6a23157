//! The HTML path: any text read as a page (depth flattening, DOM, metadata, extraction), then analysis
//! and JSON. The first byte picks `--max-depth` (1..=64) so flattening runs on small inputs too.
#![no_main]

use korea_brief::analysis::Analyzer;
use korea_brief::brief::{Brief, Format, SourceKind};
use korea_brief::input::Source;
use korea_brief::lexicon::Lexicon;
use korea_brief::render::{self, OutputFormat};
use korea_brief::ParseOptions;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(|| Analyzer::new(&Lexicon::builtin()));

fuzz_target!(|data: &[u8]| {
    let Some((&depth, page)) = data.split_first() else {
        return;
    };
    let Ok(mut source) = Source::from_bytes("fuzz.html".to_string(), SourceKind::File, page, None) else {
        return;
    };
    source.format = Format::Html;
    let options = ParseOptions {
        max_depth: usize::from(depth % 64) + 1,
        ..ParseOptions::default()
    };
    let brief = korea_brief::parse_source(&source, &ANALYZER, &options);
    let json = render::render(&brief, OutputFormat::Json, false);
    serde_json::from_slice::<Brief>(&json).expect("output deserialises as a brief");
});
