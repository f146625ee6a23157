//! Actors: people, organisations, states and places, found with rules and
//! gazetteers, each once under its canonical name with its aliases and the
//! positions of its mentions (for speaker resolution).

use crate::brief::{Actor, ActorKind, Quote};
use crate::document::Document;
use crate::lexicon::Lexicon;

/// Compiled gazetteers and name patterns.
pub struct ActorFinder {}

/// Grammatical gender of a person, from titles, given names and the pronouns the article uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// How a mention refers to its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionForm {
    /// The full or a fuller name ("Sung Kim", "Kim Jong-un").
    Name,
    /// A bare surname or part of the name ("Kim", "Moon").
    Surname,
    /// A description or title ("the US envoy", "the minister").
    Description,
}

/// Where a mention stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Headline,
    Caption(usize),
    /// A body paragraph index.
    Body(usize),
}

/// One mention of an actor: byte offsets `[start, end)` within its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Index into `ActorTable::actors`.
    pub actor: usize,
    pub place: Place,
    pub start: usize,
    pub end: usize,
    pub form: MentionForm,
}

/// The actors of one article and where each is mentioned.
#[derive(Debug, Clone, Default)]
pub struct ActorTable {
    pub actors: Vec<Actor>,
    /// Per actor (same index), the gender when known.
    pub genders: Vec<Option<Gender>>,
    /// Every mention, in document order (headline, captions, body).
    pub mentions: Vec<Mention>,
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
    pub fn names_in_caption(&self, i: usize) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for m in self.mentions.iter().filter(|m| m.place == Place::Caption(i)) {
            let name = &self.actors[m.actor].name;
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
        names
    }

    /// Mentions in body paragraph `paragraph`, in order.
    pub fn mentions_in(&self, paragraph: usize) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().filter(move |m| m.place == Place::Body(paragraph))
    }

    /// The actor a mention overlapping byte range `[start, end)` of body paragraph `paragraph` refers to.
    pub fn actor_at(&self, paragraph: usize, start: usize, end: usize) -> Option<usize> {
        self.mentions_in(paragraph)
            .find(|m| m.start < end && start < m.end)
            .map(|m| m.actor)
    }

    /// Resolves words as written ("Sung Kim", "Kim", "the minister", "the US envoy") at
    /// byte offset `at` of body paragraph `paragraph` to an actor of kind `kind`: the
    /// article's most recent compatible actor before that point. `None` when unsure.
    pub fn resolve(&self, _words: &str, _paragraph: usize, _at: usize, _kind: Option<ActorKind>) -> Option<usize> {
        None
    }

    /// Gender of actor `index`, when known.
    pub fn gender(&self, index: usize) -> Option<Gender> {
        self.genders.get(index).copied().flatten()
    }
}
