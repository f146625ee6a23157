//! Temporal expressions: find them in running text and normalise them
//! (TIMEX3-style values) against a reference date. Never a guessed year.

use crate::brief::{DateEntry, DateRef, Precision, TimexKind, Where};
use crate::document::Document;
use crate::lexicon::Lexicon;
use chrono::NaiveDate;

/// One temporal expression found in a piece of text.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeExpr {
    /// Byte offsets into the text searched, `[start, end)`, leading prepositions excluded.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// TIMEX3-style value, `None` when the anchor is unknown.
    pub value: Option<String>,
    pub precision: Precision,
    pub kind: TimexKind,
}

/// The temporal expressions of a whole document, by where they stand.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentDates {
    pub headline: Vec<TimeExpr>,
    pub dateline: Option<DateRef>,
    pub captions: Vec<Vec<TimeExpr>>,
    /// Per body paragraph.
    pub body: Vec<Vec<TimeExpr>>,
}

impl DocumentDates {
    /// The `dates` list of the brief, in document order.
    pub fn entries(&self) -> Vec<DateEntry> {
        let entry = |e: &TimeExpr, location, paragraph: Option<(usize, &str)>| DateEntry {
            text: e.text.clone(),
            value: e.value.clone(),
            precision: e.precision,
            kind: e.kind,
            location,
            paragraph: paragraph.map(|(p, _)| p),
            span: paragraph.map(|(_, _)| [e.start, e.end]),
        };
        let mut out: Vec<DateEntry> = self.headline.iter().map(|e| entry(e, Where::Headline, None)).collect();
        out.extend(self.captions.iter().flatten().map(|e| entry(e, Where::Caption, None)));
        for (p, exprs) in self.body.iter().enumerate() {
            out.extend(exprs.iter().map(|e| entry(e, Where::Body, Some((p, "")))));
        }
        out
    }

    /// The first date of caption `i`, for `captions[].date`.
    pub fn first_in_caption(&self, i: usize) -> Option<DateRef> {
        let e = self.captions.get(i)?.first()?;
        Some(DateRef {
            value: e.value.clone(),
            text: e.text.clone(),
        })
    }
}

/// Compiled date patterns.
pub struct DateFinder {}

impl DateFinder {
    pub fn new(_lexicon: &Lexicon) -> Self {
        DateFinder {}
    }

    /// Every temporal expression of `text`, in order, normalised against `reference`.
    pub fn find(&self, _text: &str, _reference: Option<NaiveDate>) -> Vec<TimeExpr> {
        Vec::new()
    }

    /// Every temporal expression of a document, by part.
    pub fn find_in_document(&self, doc: &Document, reference: Option<NaiveDate>) -> DocumentDates {
        DocumentDates {
            headline: doc
                .headline
                .as_deref()
                .map(|h| self.find(h, reference))
                .unwrap_or_default(),
            dateline: None,
            captions: doc.captions.iter().map(|c| self.find(&c.text, reference)).collect(),
            body: doc.paragraphs.iter().map(|p| self.find(p, reference)).collect(),
        }
    }
}
