//! Quotations and their speakers: passages in double quotation marks, paired
//! per paragraph, attributed through cue verbs to a speaker resolved against
//! the article's actors.

use super::actors::ActorTable;
use crate::brief::Quote;
use crate::lexicon::Lexicon;

/// Compiled cue lexicon and patterns.
pub struct QuoteFinder {}

impl QuoteFinder {
    pub fn new(_lexicon: &Lexicon) -> Self {
        QuoteFinder {}
    }

    /// Every quotation of the body, in order, with speaker and cue where the article gives them.
    pub fn find(&self, _paragraphs: &[String], _actors: &ActorTable) -> Vec<Quote> {
        Vec::new()
    }
}
