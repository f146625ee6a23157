//! Any bytes -> decode -> document -> analysis -> JSON: no panic, and the output is one valid brief.
#![no_main]

use korea_brief::analysis::Analyzer;
use korea_brief::brief::{Brief, SourceKind};
use korea_brief::input::Source;
use korea_brief::lexicon::Lexicon;
use korea_brief::render::{self, OutputFormat};
use korea_brief::ParseOptions;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(|| Analyzer::new(&Lexicon::builtin()));

fuzz_target!(|data: &[u8]| {
    // Binary input is refused with an error: that is a correct outcome, not a finding.
    let Ok(source) = Source::from_bytes("fuzz".to_string(), SourceKind::File, data, None) else {
        return;
    };
    let brief = korea_brief::parse_source(&source, &ANALYZER, &ParseOptions::default());
    let json = render::render(&brief, OutputFormat::Json, false);
    let line = std::str::from_utf8(&json).expect("JSON output is UTF-8");
    assert!(
        line.ends_with('\n') && !line.trim_end().contains('\n'),
        "one line per brief"
    );
    serde_json::from_str::<Brief>(line).expect("output deserialises as a brief");
    render::render(&brief, OutputFormat::Markdown, false);
});
