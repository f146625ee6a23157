//! The ANALYSIS stage: [`Document`] -> facts (actors, dates, quotes with
//! speakers and dates, timeline, summary). One file per concern; pure
//! functions, no I/O. The [`Analyzer`] compiles the lexicon once per run and
//! is shared by every article (and every worker thread).

pub mod actors;
pub mod dates;
pub mod quotes;
pub mod summary;
pub mod text;
pub mod timeline;

use crate::brief::{Actor, DateEntry, DateRef, Quote, TimelineEntry};
use crate::document::Document;
use crate::lexicon::Lexicon;
use chrono::NaiveDate;

/// Per-run settings of the analysis.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The date relative expressions resolve against (`--date`, else the article's own).
    pub reference: Option<NaiveDate>,
    pub summary_sentences: usize,
}

/// Everything the analysis found in one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    pub quotes: Vec<Quote>,
    pub actors: Vec<Actor>,
    pub dates: Vec<DateEntry>,
    pub timeline: Vec<TimelineEntry>,
    pub summary: Vec<String>,
    /// Per caption (same order as `Document::captions`): actor names and date.
    pub caption_actors: Vec<Vec<String>>,
    pub caption_dates: Vec<Option<DateRef>>,
    /// The dateline's date, normalised.
    pub dateline_date: Option<DateRef>,
}

/// The compiled lexicon: build once, analyse many articles.
pub struct Analyzer {
    dates: dates::DateFinder,
    actors: actors::ActorFinder,
    quotes: quotes::QuoteFinder,
}

impl Analyzer {
    pub fn new(lexicon: &Lexicon) -> Self {
        Analyzer {
            dates: dates::DateFinder::new(lexicon),
            actors: actors::ActorFinder::new(lexicon),
            quotes: quotes::QuoteFinder::new(lexicon),
        }
    }

    /// Analyses one document.
    pub fn analyze(&self, doc: &Document, options: Options) -> Analysis {
        let body = text::Body::new(&doc.paragraphs);
        let found_dates = self.dates.find_in_document(doc, options.reference);
        let table = self.actors.find_in(doc, &body);
        let mut quotes = self.quotes.find(&doc.paragraphs, &table);
        timeline::date_quotes(&mut quotes, &body, &found_dates);
        let actors = table.to_actors(&quotes);
        let timeline = timeline::build(&body, &found_dates);
        Analysis {
            caption_actors: (0..doc.captions.len()).map(|i| table.names_in_caption(i)).collect(),
            caption_dates: (0..doc.captions.len())
                .map(|i| found_dates.first_in_caption(i))
                .collect(),
            dateline_date: found_dates.dateline.clone(),
            dates: found_dates.entries(),
            quotes,
            actors,
            timeline,
            summary: summary::summarize(&body, options.summary_sentences),
        }
    }
}
