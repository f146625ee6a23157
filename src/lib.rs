//! korea-brief: news articles -> structured briefs.
//!
//! Stages, each owning one type: [`input`] (bytes -> [`input::Source`]),
//! [`document`] (-> [`document::Document`]), [`analysis`] (-> facts),
//! [`brief`] (-> [`brief::Brief`], the JSON contract), [`render`] (-> bytes).
//! Everything after `input` is pure.
#![forbid(unsafe_code)]

pub mod analysis;
pub mod batch;
pub mod brief;
pub mod cli;
pub mod config;
pub mod document;
pub mod error;
pub mod input;
pub mod lexicon;
pub mod output;
pub mod render;

use analysis::{Analyzer, Options};
use brief::Brief;
use chrono::NaiveDate;

/// The whole pipeline after reading: decoded source -> brief. `flag_date` is `--date`.
pub fn parse_source(
    source: &input::Source,
    analyzer: &Analyzer,
    flag_date: Option<NaiveDate>,
    summary_sentences: usize,
) -> Brief {
    let doc = document::read(source);
    let reference = flag_date.or(doc.published.map(|(date, _)| date));
    let analysis = analyzer.analyze(
        &doc,
        Options {
            reference,
            summary_sentences,
        },
    );
    brief::assemble(source, doc, analysis, flag_date)
}

/// Parses a text as if read from a file named `input`: for tests, benches and fuzzing.
pub fn parse_text(text: &str, input: &str, analyzer: &Analyzer, flag_date: Option<NaiveDate>) -> Brief {
    let raw = text.as_bytes();
    let source = input::Source {
        input: input.to_string(),
        kind: brief::SourceKind::File,
        format: if input::decode::looks_like_html(text) {
            brief::Format::Html
        } else {
            brief::Format::Text
        },
        url: None,
        bytes: raw.len() as u64,
        sha256: String::new(),
        text: text.to_string(),
        encoding: "UTF-8",
    };
    parse_source(&source, analyzer, flag_date, 3)
}
