//! Actors: people, organisations, states and places, found with rules and
//! gazetteers, each once under its canonical name with its aliases.

use crate::brief::{Actor, Quote};
use crate::document::Document;
use crate::lexicon::Lexicon;

/// Compiled gazetteers and name patterns.
pub struct ActorFinder {}

/// The actors of one article and where each is mentioned.
#[derive(Debug, Clone, Default)]
pub struct ActorTable {
    pub actors: Vec<Actor>,
}

impl ActorFinder {
    pub fn new(_lexicon: &Lexicon) -> Self {
        ActorFinder {}
    }

    /// Finds the actors of a document.
    pub fn find(&self, _doc: &Document) -> ActorTable {
        ActorTable::default()
    }
}

impl ActorTable {
    /// The brief's `actors`, with quote counts taken from `quotes`.
    pub fn to_actors(&self, quotes: &[Quote]) -> Vec<Actor> {
        let mut actors = self.actors.clone();
        for actor in &mut actors {
            actor.quotes = quotes
                .iter()
                .filter(|q| q.speaker.as_ref().and_then(|s| s.actor.as_deref()) == Some(actor.id.as_str()))
                .count();
        }
        actors
    }

    /// Names of the actors mentioned in caption `i`.
    pub fn names_in_caption(&self, _i: usize) -> Vec<String> {
        Vec::new()
    }
}
