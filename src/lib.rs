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

/// Per-run settings of the pipeline after reading.
#[derive(Debug, Clone, Copy)]
pub struct ParseOptions {
    /// `--date`: the reference date for relative dates.
    pub date: Option<NaiveDate>,
    pub summary_sentences: usize,
    /// `--max-depth`: HTML nested deeper is flattened before parsing.
    pub max_depth: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            date: None,
            summary_sentences: 3,
            max_depth: 512,
        }
    }
}

/// The whole pipeline after reading: decoded source -> brief.
pub fn parse_source(source: &input::Source, analyzer: &Analyzer, options: &ParseOptions) -> Brief {
    let doc = document::read(source, options.max_depth);
    let reference = options.date.or(doc.published.map(|(date, _)| date));
    let analysis = analyzer.analyze(
        &doc,
        Options {
            reference,
            summary_sentences: options.summary_sentences,
        },
    );
    brief::assemble(source, doc, analysis, options.date)
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
    parse_source(
        &source,
        analyzer,
        &ParseOptions {
            date: flag_date,
            ..ParseOptions::default()
        },
    )
}
