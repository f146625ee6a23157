//! The quote finder's own scan of the people named so far: capitalised name
//! runs, their gender (from titles and from the he/she that follows them),
//! and surname lookup, so pronouns and bare surnames resolve even without an
//! actor table.

use super::attribution::Grammar;
use super::tokens::{Kind, Token};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum G {
    Male,
    Female,
}

/// One name run in the text.
#[derive(Debug, Clone)]
struct Run<'a> {
    /// Looks like a person's name (not a state, an organisation or a nationality).
    person: bool,
    paragraph: usize,
    sentence: u32,
    /// Borrowed from the paragraph that spells it (no allocation per run), owned when noted
    /// from elsewhere.
    name: Cow<'a, str>,
    /// Stands at the start of its sentence, where the subject is.
    opens: bool,
    /// Byte range in [`Registry::keys`] of the lower-cased words this run indexed (empty when it
    /// indexed none), so that a later run of the same name indexes them without splitting again.
    keys: (u32, u32),
}

/// The words a new run indexes under its lower-cased forms.
enum Words<'t, 'a> {
    /// Its word tokens, one space apart (see [`spaced_words`]).
    Tokens(&'t [Token<'a>]),
    /// The words run `k` (of the same name) indexed.
    Of(usize),
    /// The words of its name, split and lower-cased.
    Name,
}

/// People named so far, in document order.
#[derive(Debug, Default)]
pub struct Registry<'a> {
    runs: Vec<Run<'a>>,
    /// Lower-cased word of a multi-word name -> index of the latest run containing it.
    /// Keys of ASCII words are borrowed from the paragraphs' lower-cased text.
    by_word: FxHashMap<Cow<'a, str>, usize>,
    /// The indexed words of every run, lower-cased, each followed by a space (see [`Run::keys`]).
    keys: String,
    /// Name -> (male votes, female votes).
    votes: FxHashMap<String, (u32, u32)>,
    /// Run index of the latest speaker noted.
    last_noted: Option<usize>,
}

/// How far back (in paragraphs) a pronoun looks for its person.
const PRONOUN_REACH: usize = 3;

/// Words that never stand in a person's name: places, nationalities, institutions.
const NON_PERSON: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "korea",
    "korean",
    "koreans",
    "japan",
    "japanese",
    "china",
    "chinese",
    "america",
    "american",
    "americans",
    "united",
    "states",
    "nations",
    "union",
    "european",
    "asia",
    "asian",
    "russia",
    "russian",
    "britain",
    "british",
    "france",
    "french",
    "germany",
    "german",
    "ministry",
    "bank",
    "group",
    "association",
    "party",
    "committee",
    "council",
    "house",
    "department",
    "agency",
    "government",
    "university",
    "institute",
    "corp.",
    "inc.",
    "co.",
    "co",
    "corp",
    "inc",
    "ltd",
    "company",
    "news",
    "times",
    "post",
    "journal",
    "street",
    "city",
    "republic",
    "assembly",
    "court",
    "office",
    "board",
    "foundation",
    "center",
    "centre",
    "church",
    "army",
    "navy",
    "force",
    "forces",
    "police",
    "service",
    "network",
    "press",
    "trust",
    "fund",
    "exchange",
    "market",
    "motor",
    "motors",
    "electronics",
    "airlines",
    "congress",
    "senate",
    "parliament",
    "white",
    "blue",
    "fed",
    "reserve",
    "commission",
    "peninsula",
    "sea",
    "river",
    "island",
    "islands",
    "province",
    "county",
    "state",
    "federal",
    "national",
    "central",
    "democratic",
    "republican",
    "democrats",
    "republicans",
    "war",
    // portfolios ("Secretary of Commerce Ann Lee")
    "commerce",
    "defense",
    "defence",
    "treasury",
    "labor",
    "labour",
    "energy",
    "health",
    "education",
    "agriculture",
    "interior",
    "transportation",
    "justice",
    "homeland",
    "security",
    "finance",
    "trade",
    "unification",
    "foreign",
    "affairs",
];

/// [`NON_PERSON`] and the calendar words as one set, built once: a word of a name is looked up,
/// not compared with each entry.
fn never_in_name() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        NON_PERSON
            .iter()
            .chain(crate::lexicon::MONTHS.iter())
            .chain(crate::lexicon::WEEKDAYS.iter())
            .copied()
            .collect()
    })
}

/// Longest lower-cased word built on the stack; longer words take the allocating path.
const KEY_BYTES: usize = 48;

/// `word` lower-cased with the typographic apostrophe made straight (`to_lowercase` then
/// `replace('’', "'")`), handed to `f`. Built on the stack for short words of ASCII letters and
/// ’ (nearly every name), so the hot paths allocate nothing; allocated for the others.
fn with_lower_key<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; KEY_BYTES];
    let mut n = 0;
    let bytes = word.as_bytes();
    let mut k = 0;
    while k < bytes.len() && n < KEY_BYTES {
        let b = bytes[k];
        if b.is_ascii() {
            buf[n] = b.to_ascii_lowercase();
            k += 1;
        } else if bytes[k..].starts_with("’".as_bytes()) {
            buf[n] = b'\'';
            k += "’".len();
        } else {
            break;
        }
        n += 1;
    }
    match std::str::from_utf8(&buf[..n]) {
        Ok(key) if k == bytes.len() => f(key),
        _ => f(&word.to_lowercase().replace('’', "'")),
    }
}

/// Calls `f` on each word of `name`, as `split_whitespace` splits it, while `f` returns true;
/// whether it always did. ASCII names (nearly all) are split byte by byte, without decoding.
fn all_words(name: &str, mut f: impl FnMut(&str) -> bool) -> bool {
    if !name.is_ascii() {
        return name.split_whitespace().all(f);
    }
    let mut start = None;
    for (k, b) in name.bytes().enumerate() {
        // The ASCII characters that `char::is_whitespace` accepts.
        let space = matches!(b, b' ' | b'\t'..=b'\r');
        match (space, start) {
            (false, None) => start = Some(k),
            (true, Some(s)) => {
                if !f(&name[s..k]) {
                    return false;
                }
                start = None;
            }
            _ => {}
        }
    }
    start.is_none_or(|s| f(&name[s..]))
}

/// A byte offset in [`Registry::keys`] as a run stores it (an article's names are far below 4 GiB).
fn offset(i: usize) -> u32 {
    i as u32
}

/// The words of `keys`, a run of [`Registry::keys`] (each word followed by one space), split at
/// the spaces byte by byte.
fn stored_words(keys: &str) -> impl Iterator<Item = &str> {
    let mut rest = keys;
    std::iter::from_fn(move || {
        let at = rest.bytes().position(|b| b == b' ')?;
        let word = &rest[..at];
        rest = &rest[at + 1..];
        Some(word)
    })
}

/// How many words `name` has.
fn word_count(name: &str) -> usize {
    let mut n = 0;
    all_words(name, |_| {
        n += 1;
        true
    });
    n
}

/// A capitalised run that can be a person's name.
pub fn person_like(name: &str, min_words: usize) -> bool {
    let words = word_count(name);
    (min_words..=4).contains(&words) && all_words(name, |w| with_lower_key(w, person_word))
}

/// [`person_like`] for a name whose words are `words`, lower-cased (the words of a run of tokens).
fn person_like_words<'w>(mut words: impl ExactSizeIterator<Item = &'w str>, min_words: usize) -> bool {
    (min_words..=4).contains(&words.len()) && words.all(person_word)
}

/// A lower-cased word that may stand in a person's name.
fn person_word(mut w: &str) -> bool {
    // `trim_end_matches("'s")` without building a substring searcher for each word.
    while let Some(stem) = w.strip_suffix("'s") {
        w = stem;
    }
    let w = w.trim_end_matches('\'');
    !never_in_name().contains(w) && !w.chars().all(|c| c.is_ascii_digit())
}

/// Whether the name spelt by word tokens `run` has these tokens for its words: one space
/// between each two (so its lower-cased words are the tokens' lower-case forms).
fn spaced_words(text: &str, run: &[Token]) -> bool {
    run.windows(2).all(|w| text.get(w[0].end()..w[1].start()) == Some(" "))
}

/// Whether the run starting at token `i` opens its sentence (past a leading conjunction).
fn opens_sentence(tokens: &[Token], i: usize) -> bool {
    let starts = |k: usize| k == 0 || tokens[k - 1].sentence != tokens[k].sentence;
    starts(i) || (i >= 1 && starts(i - 1) && matches!(tokens[i - 1].lower.as_str(), "but" | "and" | "so" | "yet"))
}

pub fn pronoun_gender(lower: &str) -> Option<G> {
    match lower {
        "he" | "him" | "his" | "himself" => Some(G::Male),
        "she" | "her" | "hers" | "herself" => Some(G::Female),
        _ => None,
    }
}

impl<'a> Registry<'a> {
    /// An empty registry with room for the names of a typical article, so that it seldom regrows.
    pub fn with_room() -> Self {
        Registry {
            runs: Vec::with_capacity(48),
            by_word: FxHashMap::with_capacity_and_hasher(32, Default::default()),
            keys: String::with_capacity(256),
            votes: FxHashMap::with_capacity_and_hasher(8, Default::default()),
            last_noted: None,
        }
    }

    /// Records the name runs and pronouns of tokens `[from, to)` of paragraph `p`.
    pub fn scan(&mut self, g: &Grammar, text: &'a str, tokens: &[Token<'a>], p: usize, from: usize, to: usize) {
        let mut i = from;
        while i < to {
            let t = &tokens[i];
            if t.kind != Kind::Word {
                i += 1;
                continue;
            }
            // Only the nominative he/she votes.
            let nominative = match t.lower.as_str() {
                "he" => Some(G::Male),
                "she" => Some(G::Female),
                _ => None,
            };
            if let Some(gender) = nominative {
                self.vote(p, gender);
                i += 1;
                continue;
            }
            if !t.cap || g.is_stop(t) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < to && tokens[j + 1].is_word() && tokens[j + 1].cap && !g.is_stop(&tokens[j + 1]) {
                j += 1;
            }
            if let Some((a, b)) = g.proper_name(tokens, i, j) {
                // Titles before the name (inside the run or just before it) tell the gender.
                let title_gender = (i.saturating_sub(2)..a)
                    .rev()
                    .find_map(|k| g.role_gender(&tokens[k].lower));
                let mut name = Cow::Borrowed(&text[tokens[a].start()..tokens[b].end()]);
                let run = &tokens[a..=b];
                // Most names are words one space apart: their tokens' lower-case forms serve, with
                // no splitting and no lower-casing of the name.
                let spaced = spaced_words(text, run);
                let mut keys = if spaced { Words::Tokens(run) } else { Words::Name };
                let mut person = b > a
                    && if spaced {
                        person_like_words(run.iter().map(|t| t.lower.as_str()), 2)
                    } else {
                        person_like(&name, 2)
                    };
                // A surname of a person named before stands for that person ("Kim, who is also …").
                if a == b {
                    // The token's lower-case form is the name's key.
                    if let Some(&k) = self.by_word.get(tokens[a].lower.as_str()) {
                        // Run `k` indexed its words (it is a person of several words): they serve.
                        name = self.runs[k].name.clone();
                        person = true;
                        keys = Words::Of(k);
                    }
                }
                self.add(p, tokens[a].sentence, name, person, opens_sentence(tokens, i), keys);
                if let Some(c) = title_gender {
                    let gender = if c == 'm' { G::Male } else { G::Female };
                    self.add_votes(self.runs.len() - 1, gender, 2);
                }
            }
            i = j + 1;
        }
    }

    /// Records a run named `name`, indexing its `words` when it is a person of several words.
    fn add(
        &mut self,
        paragraph: usize,
        sentence: u32,
        name: Cow<'a, str>,
        person: bool,
        opens: bool,
        words: Words<'_, 'a>,
    ) {
        let index = self.runs.len();
        let from = self.keys.len();
        let keys = match words {
            Words::Tokens(run) if person && run.len() > 1 => {
                for t in run {
                    match t.lower.borrowed() {
                        Some(key) => self.index_word(key, index, || Cow::Borrowed(key)),
                        None => self.index_word(t.lower.as_str(), index, || Cow::Owned(t.lower.to_string())),
                    }
                    self.keys.push_str(&t.lower);
                    self.keys.push(' ');
                }
                (from, self.keys.len())
            }
            Words::Tokens(_) => (from, from),
            Words::Of(k) => {
                let (s, e) = self.runs[k].keys;
                self.index_keys(s as usize, e as usize, index);
                (s as usize, e as usize)
            }
            Words::Name if person && word_count(&name) > 1 => {
                self.push_keys(&name);
                self.index_keys(from, self.keys.len(), index);
                (from, self.keys.len())
            }
            Words::Name => (from, from),
        };
        self.runs.push(Run {
            person,
            paragraph,
            sentence,
            name,
            opens,
            keys: (offset(keys.0), offset(keys.1)),
        });
    }

    /// Appends the words of `name` to [`Registry::keys`], lower-cased (as [`with_lower_key`]
    /// makes them), each followed by a space.
    fn push_keys(&mut self, name: &str) {
        if name.is_ascii() {
            // Nearly every name: its bytes lower-cased, each run of spaces one space after a word.
            let mut in_word = false;
            for b in name.bytes() {
                let space = matches!(b, b' ' | b'\t'..=b'\r');
                if space && in_word {
                    self.keys.push(' ');
                } else if !space {
                    self.keys.push(char::from(b.to_ascii_lowercase()));
                }
                in_word = !space;
            }
            if in_word {
                self.keys.push(' ');
            }
            return;
        }
        all_words(name, |w| {
            with_lower_key(w, |key| self.keys.push_str(key));
            self.keys.push(' ');
            true
        });
    }

    /// The words stored in [`Registry::keys`] at `[from, to)` now stand for run `index`.
    fn index_keys(&mut self, from: usize, to: usize, index: usize) {
        let keys = &self.keys[from..to];
        for key in stored_words(keys) {
            match self.by_word.get_mut(key) {
                Some(at) => *at = index,
                None => {
                    self.by_word.insert(Cow::Owned(key.to_string()), index);
                }
            }
        }
    }

    /// Lower-cased word `key` of a name now stands for run `index`; `stored` makes the key kept
    /// when the word is new.
    fn index_word(&mut self, key: &str, index: usize, stored: impl FnOnce() -> Cow<'a, str>) {
        // Most words were seen before: update in place rather than store a key.
        match self.by_word.get_mut(key) {
            Some(at) => *at = index,
            None => {
                self.by_word.insert(stored(), index);
            }
        }
    }

    /// A nominative he/she votes for the first person named in the most recent sentence that names one.
    fn vote(&mut self, p: usize, gender: G) {
        let Some(i) = self.latest_sentence_subject(p) else {
            return;
        };
        self.add_votes(i, gender, 1);
    }

    /// Adds `n` votes for `gender` to the name of run `run` (its key allocated only when new).
    fn add_votes(&mut self, run: usize, gender: G, n: u32) {
        let name: &str = &self.runs[run].name;
        let v = match self.votes.get_mut(name) {
            Some(v) => v,
            None => self.votes.entry(name.to_string()).or_default(),
        };
        match gender {
            G::Male => v.0 += n,
            G::Female => v.1 += n,
        }
    }

    /// Index of the first person named in the most recent sentence that names one, in paragraph
    /// `p` or the one before (runs are in document order, so older paragraphs end the search).
    fn latest_sentence_subject(&self, p: usize) -> Option<usize> {
        let mut pick = None;
        let mut at = None;
        for (i, r) in self.runs.iter().enumerate().rev().take(12) {
            if r.paragraph + 1 < p {
                break;
            }
            if !r.person {
                continue;
            }
            let key = (r.paragraph, r.sentence);
            match at {
                None => at = Some(key),
                Some(k) if k != key => break,
                _ => {}
            }
            pick = Some(i);
        }
        pick
    }

    /// Records a speaker's name (so pronouns and surnames can find it), with the gender its
    /// title or role implies ("Spokeswoman Haley Morris", "the congressman").
    pub fn note_speaker(&mut self, paragraph: usize, sentence: u32, name: &str, gender: Option<G>) {
        if self.runs.last().is_none_or(|r| r.name != name) {
            self.add_noted(paragraph, sentence, name);
        }
        self.last_noted = self.runs.len().checked_sub(1);
        // The latest run is the one named `name`.
        if let (Some(g), Some(run)) = (gender, self.last_noted) {
            self.add_votes(run, g, 2);
        }
    }

    /// Records a speaker's name as a run: [`add`](Self::add) of a name [`person_like`] with one
    /// word or more, its words split and lower-cased once for both.
    fn add_noted(&mut self, paragraph: usize, sentence: u32, name: &str) {
        let index = self.runs.len();
        let from = self.keys.len();
        self.push_keys(name);
        let keys = &self.keys[from..];
        let words = keys.bytes().filter(|&b| b == b' ').count();
        let person = (1..=4).contains(&words) && stored_words(keys).all(person_word);
        let to = if person && words > 1 {
            self.index_keys(from, self.keys.len(), index);
            self.keys.len()
        } else {
            self.keys.truncate(from);
            from
        };
        self.runs.push(Run {
            person,
            paragraph,
            sentence,
            name: Cow::Owned(name.to_string()),
            opens: false,
            keys: (offset(from), offset(to)),
        });
    }

    pub fn gender(&self, name: &str) -> Option<G> {
        let (m, f) = self.votes.get(name).copied().or_else(|| self.votes_by_surname(name))?;
        match m.cmp(&f) {
            std::cmp::Ordering::Greater => Some(G::Male),
            std::cmp::Ordering::Less => Some(G::Female),
            std::cmp::Ordering::Equal => None,
        }
    }

    /// Votes cast for the same person under another form of the name: a speaker resolved to
    /// its canonical actor ("Lindsey Graham") was voted for as written ("Graham", "Sen. Lindsey Graham").
    fn votes_by_surname(&self, name: &str) -> Option<(u32, u32)> {
        let last = name.split_whitespace().last()?;
        self.votes
            .iter()
            .filter(|(k, _)| k.split_whitespace().last() == Some(last))
            .map(|(_, v)| *v)
            .reduce(|a, b| (a.0 + b.0, a.1 + b.1))
    }

    /// The latest full name that a single word (a surname or given name) belongs to.
    pub fn full_name(&self, word: &str) -> Option<&str> {
        let i = with_lower_key(word, |key| self.by_word.get(key).copied())?;
        Some(&*self.runs[i].name)
    }

    /// The most recent person of gender `gender` named in reach of paragraph `p`.
    pub fn nearest(&self, p: usize, gender: G) -> Option<&str> {
        self.runs
            .iter()
            .rev()
            .take_while(|r| r.paragraph + PRONOUN_REACH >= p)
            .take(24)
            .find(|r| r.person && self.gender(&r.name) == Some(gender))
            .map(|r| &*r.name)
    }

    /// A person who opened a sentence after the latest speaker was noted, when nothing says
    /// its gender is not `gender`: a new subject outranks the previous quote's speaker
    /// ("Trump wasted no time responding. “…,” he said").
    /// The cue's object (`object`, a lower-cased word: "he told Hannity") is never its speaker.
    pub fn fresh_subject(&self, p: usize, gender: G, object: Option<&str>) -> Option<&str> {
        let i = self.latest_sentence_subject(p)?;
        let r = &self.runs[i];
        let is_object = object.is_some_and(|o| r.name.split_whitespace().any(|w| w.to_lowercase() == o));
        let fresh = r.opens && !is_object && self.last_noted.is_none_or(|n| n < i);
        (fresh && self.gender(&r.name).is_none_or(|g| g == gender)).then_some(&*r.name)
    }

    /// The subject (first person named) of the most recent sentence, in this paragraph or the
    /// one before, when nothing says its gender is not `gender`.
    pub fn recent_subject(&self, p: usize, gender: G) -> Option<&str> {
        let r = &self.runs[self.latest_sentence_subject(p)?];
        self.gender(&r.name).is_none_or(|g| g == gender).then_some(&*r.name)
    }
}
