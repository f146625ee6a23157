//! The digest: one brief across many articles (`korea-brief digest`, SPEC.md).
//!
//! Workers turn each article's [`Brief`] into [`ArticleFacts`] (the brief without its
//! body, dates and captions, plus the body's near-duplicate [`Fingerprint`]); the
//! [`Accumulator`] folds them in input order and [`Accumulator::finish`] gives the
//! [`Digest`]. No article text is kept beyond what the digest prints, so memory grows
//! with the digest, not with the corpus. Pure: no I/O.
//!
//! # Format
//!
//! Every key is always present (`null` or `[]`). Article indices (`article`,
//! `articles`, `duplicate_of`) count from 0 in `articles`, which lists every article
//! parsed, in input order (inputs that failed are not listed).
//!
//! # Duplicates are counted once
//!
//! An article whose body is mostly contained in an earlier one's (see
//! [`fingerprint`]) belongs to that article's story: it is listed in `articles` with
//! `duplicate_of` naming the story's first article, and it adds to the digest only
//! what the story did not have yet: quotes whose words the story had already quoted
//! are dropped, timeline sentences already listed (same date, same words) are dropped,
//! and an actor's `mentions` count once per story (from the first of its articles
//! that names the actor). Its new quotes, events, actors, aliases and roles are kept.

mod fingerprint;
mod keys;

pub use fingerprint::{Fingerprint, CONTAINMENT_THRESHOLD};

use crate::brief::{
    Actor, ActorKind, Brief, DateRef, Published, Quote, QuoteDate, QuoteKind, SourceInfo, Speaker, TimelineEntry,
};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

/// The contract version written to every digest.
pub const DIGEST_SCHEMA_VERSION: &str = "korea-brief-digest/1";

/// One brief across many articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Digest {
    /// Always `korea-brief-digest/1` for this version of the contract.
    pub schema: String,
    /// Every article parsed, in input order; other fields refer to them by index from 0.
    pub articles: Vec<ArticleEntry>,
    /// Actors merged across articles by name (spelling variants are one), most widely
    /// reported first.
    pub actors: Vec<DigestActor>,
    /// Quotations from all articles, in article order, each naming its article.
    pub quotes: Vec<DigestQuote>,
    /// Dated events of all articles in date order (articles in input order on the same date).
    pub timeline: Vec<DigestEvent>,
    /// Groups of articles recognised as the same story (near-duplicates, wire updates).
    pub duplicates: Vec<DuplicateGroup>,
}

/// One article of the digest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ArticleEntry {
    pub source: SourceInfo,
    pub headline: Option<String>,
    pub published: Option<Published>,
    /// The first article of the story this one repeats, or `null` when it is news of its own.
    pub duplicate_of: Option<usize>,
}

/// An actor merged across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DigestActor {
    /// `p1`, `o1`, `s1`, `l1`: kind letter and rank in `actors`.
    pub id: String,
    /// The spelling most articles print (the earliest on a tie).
    pub name: String,
    pub kind: ActorKind,
    /// Other spellings of the name and every other way the articles refer to the actor.
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    /// The first affiliation an article gives.
    pub affiliation: Option<String>,
    /// Indices of the articles that name the actor.
    pub articles: Vec<usize>,
    /// Mentions summed over stories (an article repeating a story adds none).
    pub mentions: usize,
    /// Quotes of the digest attributed to the actor.
    pub quotes: usize,
}

/// A quotation and the article it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DigestQuote {
    /// Index in `articles`.
    pub article: usize,
    /// As in a brief: the words inside the marks.
    pub text: String,
    pub kind: QuoteKind,
    /// As in a brief, except that `name` is the merged actor's name and `actor` its id in
    /// the digest's `actors`.
    pub speaker: Option<Speaker>,
    pub cue: Option<String>,
    pub date: Option<QuoteDate>,
}

/// A dated event and the article it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DigestEvent {
    /// Index in `articles`.
    pub article: usize,
    pub date: DateRef,
    /// The article's sentence that carries the event.
    pub text: String,
}

/// Articles recognised as one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DuplicateGroup {
    /// Indices in `articles`, ascending; the first is the story's first article.
    pub articles: Vec<usize>,
}

/// What the digest takes from one article, made by a worker from its brief.
#[derive(Debug)]
pub struct ArticleFacts {
    source: SourceInfo,
    headline: Option<String>,
    published: Option<Published>,
    actors: Vec<Actor>,
    quotes: Vec<Quote>,
    timeline: Vec<TimelineEntry>,
    fingerprint: Option<Fingerprint>,
}

impl From<Brief> for ArticleFacts {
    fn from(brief: Brief) -> Self {
        ArticleFacts {
            fingerprint: Fingerprint::of(&brief.body),
            source: brief.source,
            headline: brief.headline,
            published: brief.published,
            actors: brief.actors,
            quotes: brief.quotes,
            timeline: brief.timeline,
        }
    }
}

/// An actor while articles are still coming in.
#[derive(Debug)]
struct ActorAcc {
    kind: ActorKind,
    /// Each spelling of the name and the number of articles printing it, in order of appearance.
    spellings: Vec<(String, usize)>,
    aliases: Vec<String>,
    roles: Vec<String>,
    affiliation: Option<String>,
    articles: Vec<usize>,
    mentions: usize,
    quotes: usize,
}

/// Folds articles into a digest, in input order.
#[derive(Debug, Default)]
pub struct Accumulator {
    articles: Vec<ArticleEntry>,
    /// Article index -> index of its story's first article.
    story_of: Vec<usize>,
    index: fingerprint::Index,
    actors: Vec<ActorAcc>,
    actor_by_key: HashMap<(ActorKind, String), usize>,
    /// Quotes with the index in `actors` of their speaker, resolved to a name at the end.
    quotes: Vec<(Option<usize>, DigestQuote)>,
    /// (story, hash of the quote's words): a quotation the story already has.
    quoted: HashSet<(usize, u64)>,
    timeline: Vec<(NaiveDate, DigestEvent)>,
    /// Hashes of (date, sentence) already on the timeline.
    events: HashSet<u64>,
}

impl Accumulator {
    /// Adds the next article.
    pub fn fold(&mut self, facts: ArticleFacts) {
        let article = self.articles.len();
        let repeats = facts
            .fingerprint
            .and_then(|fingerprint| self.index.insert(article, fingerprint));
        let story = repeats.map_or(article, |(earlier, _)| self.story_of[earlier]);
        self.articles.push(ArticleEntry {
            source: facts.source,
            headline: facts.headline,
            published: facts.published,
            duplicate_of: repeats.map(|_| story),
        });
        self.story_of.push(story);
        let local = self.fold_actors(article, story, facts.actors);
        self.fold_quotes(article, story, facts.quotes, &local);
        self.fold_timeline(article, facts.timeline);
    }

    /// Merges the article's actors; returns the article's actor ids -> indices in `self.actors`.
    fn fold_actors(&mut self, article: usize, story: usize, actors: Vec<Actor>) -> HashMap<String, usize> {
        let mut local = HashMap::new();
        for actor in actors {
            let key = (actor.kind, keys::key(&actor.name));
            let at = *self.actor_by_key.entry(key).or_insert_with(|| {
                self.actors.push(ActorAcc::new(actor.kind));
                self.actors.len() - 1
            });
            let story_counted = self.actors[at].articles.iter().any(|&a| self.story_of[a] == story);
            self.actors[at].merge(article, &actor, !story_counted);
            local.insert(actor.id, at);
        }
        local
    }

    fn fold_quotes(&mut self, article: usize, story: usize, quotes: Vec<Quote>, local: &HashMap<String, usize>) {
        for quote in quotes {
            if !self.quoted.insert((story, hash_of(&keys::key(&quote.text)))) {
                continue;
            }
            let speaker_at = quote.speaker.as_ref().and_then(|speaker| {
                speaker
                    .actor
                    .as_ref()
                    .and_then(|id| local.get(id).copied())
                    .or_else(|| {
                        self.actor_by_key
                            .get(&(ActorKind::Person, keys::key(&speaker.name)))
                            .copied()
                    })
            });
            if let Some(at) = speaker_at {
                self.actors[at].quotes += 1;
            }
            self.quotes.push((
                speaker_at,
                DigestQuote {
                    article,
                    text: quote.text,
                    kind: quote.kind,
                    speaker: quote.speaker,
                    cue: quote.cue,
                    date: quote.date,
                },
            ));
        }
    }

    fn fold_timeline(&mut self, article: usize, timeline: Vec<TimelineEntry>) {
        for entry in timeline {
            let Some(day) = entry
                .date
                .value
                .as_deref()
                .and_then(crate::analysis::timeline::sort_key)
            else {
                continue;
            };
            if !self.events.insert(hash_of(&(day, keys::key(&entry.text)))) {
                continue;
            }
            self.timeline.push((
                day,
                DigestEvent {
                    article,
                    date: entry.date,
                    text: entry.text,
                },
            ));
        }
    }

    /// The digest of every article folded in.
    pub fn finish(self) -> Digest {
        let mut order: Vec<usize> = (0..self.actors.len()).collect();
        // Most widely reported first; the earliest seen on a tie (the sort is stable).
        order.sort_by_key(|&at| {
            let actor = &self.actors[at];
            std::cmp::Reverse((actor.articles.len(), actor.mentions))
        });
        let mut ids = vec![String::new(); self.actors.len()];
        let mut per_kind: HashMap<ActorKind, usize> = HashMap::new();
        for &at in &order {
            let rank = per_kind.entry(self.actors[at].kind).or_default();
            *rank += 1;
            ids[at] = format!("{}{rank}", kind_letter(self.actors[at].kind));
        }
        let names: Vec<String> = self.actors.iter().map(|a| a.name().to_string()).collect();
        let quotes = self
            .quotes
            .into_iter()
            .map(|(speaker_at, mut quote)| {
                if let (Some(at), Some(speaker)) = (speaker_at, quote.speaker.as_mut()) {
                    speaker.name = names[at].clone();
                    speaker.actor = Some(ids[at].clone());
                }
                quote
            })
            .collect();
        let mut timeline = self.timeline;
        timeline.sort_by_key(|(day, _)| *day);
        let mut actors: Vec<Option<ActorAcc>> = self.actors.into_iter().map(Some).collect();
        let actors = order
            .iter()
            .map(|&at| {
                let actor = actors[at].take().expect("each actor is taken once");
                actor.into_digest(std::mem::take(&mut ids[at]))
            })
            .collect();
        Digest {
            schema: DIGEST_SCHEMA_VERSION.to_string(),
            duplicates: duplicate_groups(&self.story_of),
            articles: self.articles,
            actors,
            quotes,
            timeline: timeline.into_iter().map(|(_, event)| event).collect(),
        }
    }
}

impl ActorAcc {
    fn new(kind: ActorKind) -> Self {
        ActorAcc {
            kind,
            spellings: Vec::new(),
            aliases: Vec::new(),
            roles: Vec::new(),
            affiliation: None,
            articles: Vec::new(),
            mentions: 0,
            quotes: 0,
        }
    }

    /// Adds one article's view of the actor; `new_story` when no earlier version of the
    /// article's story named it (its mentions then count).
    fn merge(&mut self, article: usize, actor: &Actor, new_story: bool) {
        match self.spellings.iter_mut().find(|(name, _)| *name == actor.name) {
            Some((_, count)) => *count += 1,
            None => self.spellings.push((actor.name.clone(), 1)),
        }
        push_new(&mut self.aliases, &actor.aliases);
        push_new(&mut self.roles, &actor.roles);
        if self.affiliation.is_none() {
            self.affiliation.clone_from(&actor.affiliation);
        }
        if self.articles.last() != Some(&article) {
            self.articles.push(article);
        }
        if new_story {
            self.mentions += actor.mentions;
        }
    }

    /// The spelling most articles print, the earliest on a tie.
    fn name(&self) -> &str {
        let mut best: Option<&(String, usize)> = None;
        for spelling in &self.spellings {
            if best.is_none_or(|b| spelling.1 > b.1) {
                best = Some(spelling);
            }
        }
        best.map_or("", |(name, _)| name)
    }

    fn into_digest(self, id: String) -> DigestActor {
        let name = self.name().to_string();
        let mut aliases: Vec<String> = Vec::new();
        let others = self.spellings.iter().map(|(spelling, _)| spelling).chain(&self.aliases);
        for alias in others {
            if *alias != name && !aliases.contains(alias) {
                aliases.push(alias.clone());
            }
        }
        DigestActor {
            id,
            name,
            kind: self.kind,
            aliases,
            roles: self.roles,
            affiliation: self.affiliation,
            articles: self.articles,
            mentions: self.mentions,
            quotes: self.quotes,
        }
    }
}

/// Appends the items of `from` that `to` lacks, in order.
fn push_new(to: &mut Vec<String>, from: &[String]) {
    for item in from {
        if !to.contains(item) {
            to.push(item.clone());
        }
    }
}

fn kind_letter(kind: ActorKind) -> char {
    match kind {
        ActorKind::Person => 'p',
        ActorKind::Organization => 'o',
        ActorKind::State => 's',
        ActorKind::Place => 'l',
    }
}

/// Stories of more than one article, each listing its articles in order.
fn duplicate_groups(story_of: &[usize]) -> Vec<DuplicateGroup> {
    let mut stories: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (article, &story) in story_of.iter().enumerate() {
        stories.entry(story).or_default().push(article);
    }
    stories
        .into_values()
        .filter(|articles| articles.len() > 1)
        .map(|articles| DuplicateGroup { articles })
        .collect()
}

fn hash_of(value: &impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;
    use crate::lexicon::Lexicon;

    const STORY: &str = "Talks on tariffs resume\n\nSouth Korean trade minister Ahn Duk-geun met his \
        counterparts in Seoul on Monday to resume talks on tariffs on cars, steel and chips that both \
        governments say hurt exporters, officials said.\n\n\"We expect progress this week,\" Ahn Duk-geun \
        told reporters after the first round of talks in the capital.\n";

    fn facts(text: &str, input: &str) -> ArticleFacts {
        let analyzer = Analyzer::new(&Lexicon::builtin());
        ArticleFacts::from(crate::parse_text(text, input, &analyzer, None))
    }

    /// A copy of a story is one story: listed, grouped, but its quote and mentions are not counted twice.
    #[test]
    fn copies_counted_once() {
        let mut accumulator = Accumulator::default();
        accumulator.fold(facts(STORY, "a.txt"));
        accumulator.fold(facts(STORY, "b.txt"));
        let digest = accumulator.finish();
        assert_eq!(digest.articles[1].duplicate_of, Some(0));
        assert_eq!(digest.duplicates, vec![DuplicateGroup { articles: vec![0, 1] }]);
        assert_eq!(digest.quotes.len(), 1);
        let ahn = digest.actors.iter().find(|a| a.name == "Ahn Duk-geun").expect("actor");
        assert_eq!(ahn.articles, vec![0, 1]);
        assert_eq!(ahn.quotes, 1);
        let single = {
            let mut one = Accumulator::default();
            one.fold(facts(STORY, "a.txt"));
            one.finish()
        };
        let alone = single.actors.iter().find(|a| a.name == "Ahn Duk-geun").expect("actor");
        assert_eq!(ahn.mentions, alone.mentions);
    }

    /// The spelling most articles print names the merged actor; the others become aliases.
    #[test]
    fn majority_spelling_wins() {
        let mut actor = ActorAcc::new(ActorKind::Person);
        for (article, name) in ["Kim Jong Un", "Kim Jong-un", "Kim Jong-un"].into_iter().enumerate() {
            let seen = Actor {
                id: "p1".into(),
                name: name.into(),
                kind: ActorKind::Person,
                aliases: vec!["Kim".into()],
                roles: vec![],
                affiliation: None,
                mentions: 2,
                quotes: 0,
            };
            actor.merge(article, &seen, true);
        }
        let merged = actor.into_digest("p1".into());
        assert_eq!(merged.name, "Kim Jong-un");
        assert_eq!(merged.aliases, vec!["Kim Jong Un", "Kim"]);
        assert_eq!(merged.mentions, 6);
    }

    /// Only stories of several articles are duplicate groups.
    #[test]
    fn groups_of_several() {
        let groups = duplicate_groups(&[0, 1, 0, 3, 1]);
        let articles: Vec<Vec<usize>> = groups.into_iter().map(|g| g.articles).collect();
        assert_eq!(articles, vec![vec![0, 2], vec![1, 4]]);
    }
}
