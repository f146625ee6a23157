//! Actors: people, organisations, states and places, found with rules and
//! gazetteers, each once under its canonical name with its aliases and the
//! positions of its mentions (for speaker resolution).

mod build;
mod gazetteer;
mod scan;
mod tokens;

use crate::brief::{Actor, ActorKind, Quote};
use crate::document::Document;
use crate::lexicon::Lexicon;
use gazetteer::Gazetteer;
use std::sync::Arc;

/// Compiled gazetteers and name patterns: built once, shared by every article.
pub struct ActorFinder {
    gaz: Arc<Gazetteer>,
}

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
    /// Per actor (same index), what resolution needs: name words, roles, affiliation.
    pub details: Vec<ActorDetail>,
    gaz: Option<Arc<Gazetteer>>,
}

/// What the finder knows of an actor beyond the brief's fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorDetail {
    /// Name words, lower case, hyphens as spaces ("kim jong un").
    pub words: Vec<String>,
    /// The family name, lower case, for people.
    pub surname: Option<String>,
    /// Title indices of the roles the article gives (internal to the lexicon).
    pub titles: Vec<usize>,
    /// The state index of the affiliation, or of a state actor itself.
    pub state: Option<usize>,
}

impl ActorFinder {
    pub fn new(lexicon: &Lexicon) -> Self {
        ActorFinder {
            gaz: Arc::new(Gazetteer::new(lexicon)),
        }
    }

    /// Finds the actors of a document.
    pub fn find(&self, doc: &Document) -> ActorTable {
        build::find(&self.gaz, doc)
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

    /// Names of the people and organisations mentioned in caption `i` (states and places there are
    /// mostly adjectives and settings: "his US counterpart", "in Seoul").
    pub fn names_in_caption(&self, i: usize) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        let who = |a: usize| matches!(self.actors[a].kind, ActorKind::Person | ActorKind::Organization);
        for m in self
            .mentions
            .iter()
            .filter(|m| m.place == Place::Caption(i) && who(m.actor))
        {
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
    pub fn resolve(&self, words: &str, paragraph: usize, at: usize, kind: Option<ActorKind>) -> Option<usize> {
        build::resolve(self, self.gaz.as_deref()?, words, paragraph, at, kind)
    }

    /// Gender of actor `index`, when known.
    pub fn gender(&self, index: usize) -> Option<Gender> {
        self.genders.get(index).copied().flatten()
    }
}
