//! The compiled word lists of the actor finder: phrase tables looked up by
//! first word, built once from the [`Lexicon`].

use super::tokens::{self, Kind};
use super::Gender;
use crate::lexicon::Lexicon;

/// Maps and sets keyed by short words: FxHash reads eight bytes a step, where SipHash (the std default)
/// and FNV-1a (byte by byte) spend several times as many instructions on a word.
pub type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;
pub type FastSet<K> = rustc_hash::FxHashSet<K>;

/// `Tok::word` when no phrase has the token's word.
pub const NO_WORD: u32 = u32::MAX;
/// `Tok::word` before [`Gazetteer::annotate`].
pub const UNKNOWN_WORD: u32 = u32::MAX - 1;

/// Common English words (see the file's header), compiled in and read without copying.
const COMMON_WORDS: &str = include_str!("../../lexicon/data/common_words.txt");

/// Word lists a token's word id answers for (see [`Gazetteer::tok_in`]): bits of `Gazetteer::lists`.
pub const FUNCTION_WORDS: u8 = 1;
pub const NON_NAMES: u8 = 2;
pub const ORG_HEADS: u8 = 4;
pub const ORG_SUFFIXES: u8 = 8;
pub const PERSON_VERBS: u8 = 16;
/// Bits of `Gazetteer::lists`: the word starts a phrase of two words or more, of one word.
const STARTS_PAIR: u8 = 128;
const STARTS_SINGLE: u8 = 64;

/// A hash table keyed by words, for the word lists and the words of a text: a word of eight bytes or
/// fewer is packed into one `u64` that, with its length, identifies it, so a lookup hashes it with one
/// multiplication and compares it without reading the key's text (FxHash and hashbrown spent some 90
/// instructions a lookup, most words of a text being short). Never shrinks; keeps insertion order.
#[derive(Debug, Clone)]
pub struct WordMap<K, V> {
    /// Open addressing, linear probing, at most half full.
    slots: Vec<Slot>,
    /// The keys and values, in insertion order.
    entries: Vec<(K, V)>,
    /// 64 minus log2 of the number of slots: the hash's top bits pick a slot.
    shift: u32,
}

pub type WordSet<K> = WordMap<K, ()>;

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    /// [`pack`] of the word.
    key: u64,
    len: u32,
    /// 1 + the index of the word in `entries`; 0 for an empty slot.
    entry: u32,
}

/// A word's bytes in a `u64`: all of them for words of eight bytes or fewer (with the length, it tells
/// them apart: overlapping reads cover every byte), the first eight for longer ones.
#[inline(always)]
fn pack(b: &[u8]) -> u64 {
    if let Some(c) = b.first_chunk::<8>() {
        u64::from_le_bytes(*c)
    } else if let (Some(lo), Some(hi)) = (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        u64::from(u32::from_le_bytes(*lo)) | u64::from(u32::from_le_bytes(*hi)) << 32
    } else if let (Some(&first), Some(&last)) = (b.first(), b.last()) {
        // One to three bytes: the middle one is the first or the last of one or two.
        u64::from(first) | u64::from(b.get(1).copied().unwrap_or(first)) << 8 | u64::from(last) << 16
    } else {
        0
    }
}

/// The hash of a word whose [`pack`] is `key`: its last eight bytes too for longer words.
#[inline(always)]
fn word_hash(b: &[u8], key: u64) -> u64 {
    let tail = match b.last_chunk::<8>() {
        Some(c) if b.len() > 8 => u64::from_le_bytes(*c),
        _ => 0,
    };
    (key ^ tail.rotate_left(29) ^ b.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl<K: AsRef<str>, V> WordMap<K, V> {
    /// An empty map with room for `n` words before it grows.
    pub fn with_capacity(n: usize) -> Self {
        let slots = (2 * n + 1).next_power_of_two().max(8);
        WordMap {
            slots: vec![Slot::default(); slots],
            entries: Vec::with_capacity(n),
            shift: 64 - slots.trailing_zeros(),
        }
    }

    /// The slot holding `word`, or the empty slot where it would go.
    fn find(&self, b: &[u8]) -> (usize, Slot) {
        let key = pack(b);
        let mask = self.slots.len() - 1;
        let mut s = (word_hash(b, key) >> self.shift) as usize;
        loop {
            let slot = self.slots[s];
            if slot.entry == 0
                || slot.key == key
                    && slot.len as usize == b.len()
                    && (b.len() <= 8 || self.entries[slot.entry as usize - 1].0.as_ref().as_bytes() == b)
            {
                return (s, Slot { key, ..slot });
            }
            s = (s + 1) & mask;
        }
    }

    /// 1 + the index of `word` in `entries`, 0 when it is not there: [`WordMap::find`] for lookups, inlined
    /// (a call cost a fifth of a lookup).
    #[inline(always)]
    fn entry_of(&self, b: &[u8]) -> u32 {
        let key = pack(b);
        let mask = self.slots.len() - 1;
        let mut s = (word_hash(b, key) >> self.shift) as usize;
        loop {
            let slot = self.slots[s & mask];
            if slot.entry == 0
                || slot.key == key
                    && slot.len as usize == b.len()
                    && (b.len() <= 8 || self.entries[slot.entry as usize - 1].0.as_ref().as_bytes() == b)
            {
                return slot.entry;
            }
            s += 1;
        }
    }

    #[inline(always)]
    pub fn get(&self, word: &str) -> Option<&V> {
        match self.entry_of(word.as_bytes()) {
            0 => None,
            e => self.entries.get(e as usize - 1).map(|(_, v)| v),
        }
    }

    #[inline(always)]
    pub fn get_mut(&mut self, word: &str) -> Option<&mut V> {
        match self.entry_of(word.as_bytes()) {
            0 => None,
            e => self.entries.get_mut(e as usize - 1).map(|(_, v)| v),
        }
    }

    #[inline(always)]
    pub fn contains(&self, word: &str) -> bool {
        self.entry_of(word.as_bytes()) != 0
    }

    /// The value under `key`, `value` inserted first if there is none.
    pub fn get_or_insert(&mut self, key: K, value: V) -> &mut V {
        let (s, slot) = self.find(key.as_ref().as_bytes());
        let e = match slot.entry {
            0 => self.add(s, slot.key, key, value),
            e => e as usize - 1,
        };
        &mut self.entries[e].1
    }

    /// Sets the value under `key` (replacing the value, not the key, of a word already there).
    pub fn insert(&mut self, key: K, value: V) {
        let (s, slot) = self.find(key.as_ref().as_bytes());
        match slot.entry {
            0 => {
                self.add(s, slot.key, key, value);
            }
            e => self.entries[e as usize - 1].1 = value,
        }
    }

    /// Adds a new word in empty slot `s`; returns its index in `entries`.
    fn add(&mut self, s: usize, packed: u64, key: K, value: V) -> usize {
        let len = key.as_ref().len() as u32;
        self.entries.push((key, value));
        let e = self.entries.len();
        self.slots[s] = Slot {
            key: packed,
            len,
            entry: e as u32,
        };
        if 2 * e >= self.slots.len() {
            self.grow();
        }
        e - 1
    }

    fn grow(&mut self) {
        let slots = self.slots.len() * 2;
        self.slots = vec![Slot::default(); slots];
        self.shift = 64 - slots.trailing_zeros();
        for (i, (k, _)) in self.entries.iter().enumerate() {
            let b = k.as_ref().as_bytes();
            let mut s = (word_hash(b, pack(b)) >> self.shift) as usize;
            while self.slots[s].entry != 0 {
                s = (s + 1) & (slots - 1);
            }
            self.slots[s] = Slot {
                key: pack(b),
                len: b.len() as u32,
                entry: i as u32 + 1,
            };
        }
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.entries.iter().map(|(k, _)| k)
    }
}

impl<K: AsRef<str>, V> Default for WordMap<K, V> {
    fn default() -> Self {
        WordMap::with_capacity(0)
    }
}

impl<K: AsRef<str>> FromIterator<K> for WordSet<K> {
    fn from_iter<I: IntoIterator<Item = K>>(iter: I) -> Self {
        let mut set = WordSet::default();
        for k in iter {
            set.get_or_insert(k, ());
        }
        set
    }
}

/// What a lower-case noun before a name says the name is ("the magazine Nordwind Review").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Org,
    Place,
    Thing,
}

/// What a gazetteer phrase stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A state by name or other name.
    State(usize),
    /// A state's capital: the government, or the city as a place.
    Capital(usize),
    /// A state's adjective or demonym: an affiliation.
    Adjective(usize),
    /// "the North": the state only when the article names it.
    StateDescription(usize),
    /// A known organisation.
    Org(usize),
    /// A lower-case organisation description ("foreign ministry").
    OrgDescription(usize),
    /// A city.
    Place(usize),
    /// A title ("prime minister"), index into `titles`.
    Title(usize),
    /// A widely known person, index into `people`.
    Person(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Any,
    Cap,
    Upper,
}

#[derive(Debug)]
struct Phrase {
    /// Word ids (see `Gazetteer::words`) and the case each needs.
    words: Vec<(u32, Case)>,
    target: Target,
}

#[derive(Debug)]
pub struct State {
    pub name: String,
    /// The form used before an organisation ("US", "South Korean").
    pub short: String,
}

#[derive(Debug)]
pub struct Org {
    pub name: String,
    pub state: Option<usize>,
}

#[derive(Debug)]
pub struct OrgDescription {
    pub text: String,
    pub default_state: Option<usize>,
}

#[derive(Debug)]
pub struct Title {
    #[allow(dead_code)]
    pub text: String,
    pub classes: Vec<String>,
}

#[derive(Debug)]
pub struct KnownPerson {
    #[allow(dead_code)]
    pub name: String,
    pub gender: Option<Gender>,
}

/// The common-word list (lower-case words of three letters `a`-`z` or more, sorted, one a line), searched
/// in place: its words grouped by their first four letters (or three, for words of three), each group (a
/// few words) searched by binary search. One pass over the text at startup, where hashing the 175,000
/// words took ten times as long, and lookups as quick as a hash set's.
#[derive(Debug, Default)]
pub struct CommonWords {
    text: &'static str,
    /// Byte range of each word in `text`, in the list's order.
    words: Vec<(u32, u32)>,
    /// Per group, the index in `words` of its first word; then the number of words.
    groups: Vec<u32>,
}

/// Groups of words by their first three letters (26³), each split by the fourth: none (the word of
/// three letters, first in sorted order), then `a` to `z`. Groups of three letters held hundreds of
/// words, and a binary search over them cost some 400 instructions a lookup.
const GROUPS: usize = 26 * 26 * 26 * 27;

/// The group of a word by its first four letters, when they are `a`-`z` (or the word has three).
fn group(word: &[u8]) -> Option<usize> {
    let letters = word.get(..3)?;
    if !letters.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    let three = letters.iter().fold(0, |g, &b| g * 26 + usize::from(b - b'a'));
    let fourth = match word.get(3) {
        None => 0,
        Some(&b) if b.is_ascii_lowercase() => 1 + usize::from(b - b'a'),
        Some(_) => return None,
    };
    Some(three * 27 + fourth)
}

impl CommonWords {
    /// The words of `text`; lines starting with `#` are comments. A line of another shape than the
    /// list's is never found (a test keeps the list to its shape).
    fn new(text: &'static str) -> Self {
        let mut words = Vec::with_capacity(text.len() / 8);
        let mut counts = vec![0u32; GROUPS + 1];
        // Line by line with a plain loop over the bytes: a search call per short line costs more.
        let bytes = text.as_bytes();
        let mut start = 0;
        for end in (0..=bytes.len()).filter(|&k| bytes.get(k).is_none_or(|&b| b == b'\n')) {
            let word = &bytes[start..end];
            if let (false, Some(g)) = (word.starts_with(b"#"), group(word)) {
                words.push((start as u32, end as u32));
                counts[g + 1] += 1;
            }
            start = end + 1;
        }
        // Prefix sums: the list is sorted, so each group's words follow one another.
        let mut groups = counts;
        for g in 1..groups.len() {
            groups[g] += groups[g - 1];
        }
        CommonWords { text, words, groups }
    }

    fn word(&self, (start, end): (u32, u32)) -> &'static [u8] {
        &self.text.as_bytes()[start as usize..end as usize]
    }

    pub fn contains(&self, word: &str) -> bool {
        let Some(g) = group(word.as_bytes()) else {
            return false;
        };
        let members = &self.words[self.groups[g] as usize..self.groups[g + 1] as usize];
        members
            .binary_search_by(|&range| self.word(range).cmp(word.as_bytes()))
            .is_ok()
    }
}

/// Everything the finder needs from the lexicon, compiled once.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// Every word of a phrase or of the lists in `lists` (lower case) -> its id.
    words: WordMap<String, u32>,
    phrases: Vec<Phrase>,
    /// Per word id, the one-word phrases of that word, in the lexicon's order.
    singles: Vec<Vec<u32>>,
    /// Phrases of two words or more by their first two word ids, longest first (else in the lexicon's
    /// order): only phrases whose second word follows need checking.
    by_pair: FastMap<(u32, u32), Vec<u32>>,
    /// Per word id, the lists (bits such as [`FUNCTION_WORDS`]) that hold the word: the words of these
    /// lists have ids too, so that one lookup per token answers for all of them.
    lists: Vec<u8>,
    /// The word ids of the one-byte ASCII words (marks and letters): a tenth of a text's tokens.
    byte_ids: Vec<u32>,
    pub states: Vec<State>,
    pub orgs: Vec<Org>,
    pub org_descriptions: Vec<OrgDescription>,
    pub places: Vec<String>,
    pub titles: Vec<Title>,
    pub people: Vec<KnownPerson>,
    /// Bare surname (lower case) of a known person -> index.
    pub people_by_surname: WordMap<String, usize>,
    /// Lower-case organisation head words, and which of them are company suffixes.
    pub org_heads: WordSet<String>,
    pub org_suffixes: WordSet<String>,
    pub surnames: WordSet<String>,
    pub given: WordMap<String, Option<Gender>>,
    pub non_names: WordSet<String>,
    pub function_words: WordSet<String>,
    pub person_verbs: WordSet<String>,
    /// Common lower-case English words (a static list, searched in place).
    pub common: CommonWords,
    pub place_heads: WordSet<String>,
    pub kind_nouns: WordMap<String, NameKind>,
}

fn gender(field: Option<&String>) -> Option<Gender> {
    match field.map(String::as_str) {
        Some("M" | "m") => Some(Gender::Male),
        Some("F" | "f") => Some(Gender::Female),
        _ => None,
    }
}

fn list(field: Option<&String>) -> impl Iterator<Item = &str> {
    field
        .map(String::as_str)
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

impl Gazetteer {
    pub fn new(lexicon: &Lexicon) -> Self {
        let mut g = Gazetteer::default();
        for e in lexicon.entries("states") {
            let Some(name) = e.first() else { continue };
            let id = g.states.len();
            let short = e
                .get(1)
                .filter(|s| !s.is_empty())
                .cloned()
                .unwrap_or_else(|| name.clone());
            g.states.push(State {
                name: name.clone(),
                short,
            });
            g.add(name, Target::State(id));
            for a in list(e.get(3)) {
                g.add(a, Target::State(id));
            }
            for a in list(e.get(2)) {
                g.add(a, Target::Adjective(id));
            }
            for a in list(e.get(4)) {
                g.add(a, Target::Capital(id));
            }
            for a in list(e.get(5)) {
                g.add(a, Target::StateDescription(id));
            }
        }
        for e in lexicon.entries("organizations") {
            let Some(name) = e.first() else { continue };
            let id = g.orgs.len();
            let state = e.get(2).and_then(|s| g.state_index(s));
            g.orgs.push(Org {
                name: name.clone(),
                state,
            });
            g.add(name, Target::Org(id));
            for a in list(e.get(1)) {
                g.add(a, Target::Org(id));
            }
        }
        for e in lexicon.entries("org_descriptions") {
            let Some(text) = e.first() else { continue };
            let id = g.org_descriptions.len();
            let default_state = e.get(1).and_then(|s| g.state_index(s));
            g.org_descriptions.push(OrgDescription {
                text: text.clone(),
                default_state,
            });
            g.add(text, Target::OrgDescription(id));
        }
        for name in lexicon.words("places") {
            let id = g.places.len();
            g.places.push(name.to_string());
            g.add(name, Target::Place(id));
        }
        let mut title_ids: FastMap<String, usize> = FastMap::default();
        for e in lexicon.entries("titles") {
            let Some(text) = e.first() else { continue };
            let text = text.to_lowercase();
            let class = e.get(1).cloned().unwrap_or_else(|| text.clone());
            if let Some(&id) = title_ids.get(&text) {
                g.titles[id].classes.push(class);
                continue;
            }
            let id = g.titles.len();
            title_ids.insert(text.clone(), id);
            g.titles.push(Title {
                text: text.clone(),
                classes: vec![class],
            });
            g.add(&text, Target::Title(id));
        }
        for e in lexicon.entries("people") {
            let Some(name) = e.first() else { continue };
            let id = g.people.len();
            g.people.push(KnownPerson {
                name: name.clone(),
                gender: gender(e.get(1)),
            });
            if let Some(last) = name.split_whitespace().last() {
                let surname = if name.contains('-') {
                    name.split_whitespace().next().unwrap_or(last)
                } else {
                    last
                };
                g.people_by_surname.get_or_insert(surname.to_lowercase(), id);
            }
            g.add(name, Target::Person(id));
        }
        for e in lexicon.entries("org_heads") {
            if let Some(w) = e.first() {
                let w = w.to_lowercase();
                if e.get(1).is_some_and(|f| f == "suffix") {
                    g.org_suffixes.insert(w.trim_end_matches('.').to_string(), ());
                }
                g.org_heads.insert(w.trim_end_matches('.').to_string(), ());
            }
        }
        g.common = CommonWords::new(COMMON_WORDS);
        g.place_heads = lexicon.words("place_heads").map(str::to_lowercase).collect();
        for e in lexicon.entries("kind_nouns") {
            let kind = match e.get(1).map(String::as_str) {
                Some("org") => NameKind::Org,
                Some("place") => NameKind::Place,
                _ => NameKind::Thing,
            };
            if let Some(w) = e.first() {
                g.kind_nouns.insert(w.to_lowercase(), kind);
            }
        }
        g.surnames = lexicon.words("korean_surnames").map(str::to_string).collect();
        for e in lexicon.entries("given_names") {
            if let Some(n) = e.first() {
                g.given.insert(n.clone(), gender(e.get(1)));
            }
        }
        for e in lexicon.entries("non_names") {
            if let Some(w) = e.first() {
                let w = w.to_lowercase();
                if e.get(1).is_some_and(|f| f == "f") {
                    g.function_words.insert(w.clone(), ());
                }
                g.non_names.insert(w, ());
            }
        }
        for w in lexicon.words("person_verbs").chain(lexicon.words("cue_verbs")) {
            let w = w.to_lowercase();
            g.person_verbs.insert(format!("{w}s"), ());
            g.person_verbs.insert(format!("{}d", w.trim_end_matches('e')), ());
            g.person_verbs.insert(format!("{}ed", w.trim_end_matches('e')), ());
            g.person_verbs.insert(w, ());
        }
        g.index_lists();
        g
    }

    /// Gives the words of the word lists ids and notes which lists hold each.
    fn index_lists(&mut self) {
        let mut listed: Vec<(String, u8)> = Vec::new();
        for (set, bit) in [
            (&self.function_words, FUNCTION_WORDS),
            (&self.non_names, NON_NAMES),
            (&self.org_heads, ORG_HEADS),
            (&self.org_suffixes, ORG_SUFFIXES),
            (&self.person_verbs, PERSON_VERBS),
        ] {
            listed.extend(set.keys().map(|w| (w.clone(), bit)));
        }
        for (w, bit) in listed {
            let id = self.word_id(&w) as usize;
            if self.lists.len() <= id {
                self.lists.resize(id + 1, 0);
            }
            self.lists[id] |= bit;
        }
        self.lists.resize(self.singles.len(), 0);
        for &(first, _) in self.by_pair.keys() {
            self.lists[first as usize] |= STARTS_PAIR;
        }
        for (id, singles) in self.singles.iter().enumerate() {
            if !singles.is_empty() {
                self.lists[id] |= STARTS_SINGLE;
            }
        }
        // Last: every word has its id by now.
        self.byte_ids = (0..128u8)
            .map(|b| {
                self.words
                    .get(char::from(b).encode_utf8(&mut [0; 4]))
                    .copied()
                    .unwrap_or(NO_WORD)
            })
            .collect();
    }

    /// Whether list `list` (one bit, such as [`FUNCTION_WORDS`]) holds the lower-case word `low`.
    pub fn is_in(&self, low: &str, list: u8) -> bool {
        let set = match list {
            FUNCTION_WORDS => &self.function_words,
            NON_NAMES => &self.non_names,
            ORG_HEADS => &self.org_heads,
            ORG_SUFFIXES => &self.org_suffixes,
            _ => &self.person_verbs,
        };
        set.contains(low)
    }

    /// [`Gazetteer::is_in`] for a token's word, by its id once annotated.
    pub fn tok_in(&self, t: &tokens::Tok, list: u8) -> bool {
        match t.word {
            UNKNOWN_WORD => self.is_in(&t.low, list),
            NO_WORD => false,
            id => self.lists[id as usize] & list != 0,
        }
    }

    /// The lists (bits) holding a token's word with its final full stops dropped ("Corp." is "corp"): the
    /// organisation heads and suffixes are looked up so, and one lookup answers for both.
    #[inline]
    pub fn lists_undotted(&self, t: &tokens::Tok) -> u8 {
        let id = match t.low.strip_suffix('.') {
            Some(stem) => {
                let stem = stem.trim_end_matches('.');
                if stem.is_empty() {
                    return self.lists_of("");
                }
                self.word_of(stem)
            }
            None => self.id_of(t),
        };
        self.lists.get(id as usize).copied().unwrap_or(0)
    }

    /// The lists (bits) holding `low`, by set.
    pub fn lists_of(&self, low: &str) -> u8 {
        [FUNCTION_WORDS, NON_NAMES, ORG_HEADS, ORG_SUFFIXES, PERSON_VERBS]
            .into_iter()
            .filter(|&bit| self.is_in(low, bit))
            .fold(0, |bits, bit| bits | bit)
    }

    fn state_index(&self, name: &str) -> Option<usize> {
        self.states.iter().position(|s| s.name == name)
    }

    fn add(&mut self, phrase: &str, target: Target) {
        let toks = tokens::tokenize(phrase);
        let words: Vec<(u32, Case)> = toks
            .iter()
            .map(|t| {
                let case = if t.kind != Kind::Word {
                    Case::Any
                } else if tokens::is_upper(phrase, t) {
                    Case::Upper
                } else if tokens::is_cap(phrase, t) {
                    Case::Cap
                } else {
                    Case::Any
                };
                (self.word_id(&t.low), case)
            })
            .collect();
        let id = self.phrases.len() as u32;
        match words[..] {
            [] => return,
            [(first, _)] => self.singles[first as usize].push(id),
            [(first, _), (second, _), ..] => {
                let list = self.by_pair.entry((first, second)).or_default();
                // Stable: phrases of one length stay in the lexicon's order.
                let at = list.partition_point(|&p| self.phrases[p as usize].words.len() >= words.len());
                list.insert(at, id);
            }
        }
        self.phrases.push(Phrase { words, target });
    }

    /// The id of a phrase word, made on first sight.
    fn word_id(&mut self, low: &str) -> u32 {
        let next = self.singles.len() as u32;
        let id = *self.words.get_or_insert(low.to_string(), next);
        if id == next {
            self.singles.push(Vec::new());
        }
        id
    }

    /// The id of a token's word (`NO_WORD` when no phrase has it).
    fn id_of(&self, t: &tokens::Tok) -> u32 {
        match t.word {
            UNKNOWN_WORD => self.word_of_unannotated(&t.low),
            id => id,
        }
    }

    /// [`Gazetteer::word_of`] out of line, for the tokens of `resolve`'s few words (the article's are
    /// annotated): inlined into every phrase lookup, it slowed them all.
    #[inline(never)]
    fn word_of_unannotated(&self, low: &str) -> u32 {
        self.word_of(low)
    }

    /// The id of a lower-case word (`NO_WORD` when no phrase or list has it). Inlined: the call cost a
    /// quarter of the lookup.
    #[inline(always)]
    fn word_of(&self, low: &str) -> u32 {
        if let [b] = low.as_bytes() {
            if let Some(&id) = self.byte_ids.get(usize::from(*b)) {
                return id;
            }
        }
        self.words.get(low).copied().unwrap_or(NO_WORD)
    }

    /// The longest phrase starting at token `i`: its target and the index after it. The first word of a
    /// phrase written "the" matches "The" too; capitalised words must be capitalised in the text. Among
    /// phrases of one length, the lexicon's first wins.
    #[inline]
    pub fn longest(
        &self,
        text: &str,
        toks: &[tokens::Tok],
        i: usize,
        filter: impl Fn(Target) -> bool,
    ) -> Option<(Target, usize)> {
        // Most words start no phrase: answered here, without a call.
        let first = self.id_of(&toks[i]);
        let starts = self
            .lists
            .get(first as usize)
            .map_or(0, |l| l & (STARTS_PAIR | STARTS_SINGLE));
        if starts == 0 {
            return None;
        }
        self.longest_from(text, toks, i, first, starts & STARTS_PAIR != 0, filter)
    }

    /// [`Gazetteer::longest`] for token `i`, whose word id is `first`; `pairs` when phrases of two words or
    /// more start with it.
    fn longest_from(
        &self,
        text: &str,
        toks: &[tokens::Tok],
        i: usize,
        first: u32,
        pairs: bool,
        filter: impl Fn(Target) -> bool,
    ) -> Option<(Target, usize)> {
        let case_ok = |case: Case, t: &tokens::Tok| match case {
            Case::Any => true,
            Case::Cap => tokens::is_cap(text, t),
            Case::Upper => tokens::is_upper(text, t),
        };
        if let Some(next) = toks.get(i + 1).filter(|_| pairs) {
            let second = self.id_of(next);
            if second != NO_WORD {
                if let Some(list) = self.by_pair.get(&(first, second)) {
                    for &p in list {
                        let p = &self.phrases[p as usize];
                        let end = i + p.words.len();
                        if end > toks.len() || !filter(p.target) {
                            continue;
                        }
                        // The first word is the token's: only its case needs checking.
                        let ok = case_ok(p.words[0].1, &toks[i])
                            && p.words[1..]
                                .iter()
                                .zip(&toks[i + 1..end])
                                .all(|(&(w, case), t)| w == self.id_of(t) && case_ok(case, t));
                        if ok {
                            return Some((p.target, end));
                        }
                    }
                }
            }
        }
        self.singles[first as usize]
            .iter()
            .map(|&p| &self.phrases[p as usize])
            .find(|p| filter(p.target) && case_ok(p.words[0].1, &toks[i]))
            .map(|p| (p.target, i + 1))
    }

    /// Notes on a token the id of its word: one lookup.
    #[inline]
    pub fn annotate(&self, t: &mut tokens::Tok) {
        t.word = self.word_of(&t.low);
    }

    /// Title index of a single lower-case word.
    pub fn title(&self, low: &str) -> Option<usize> {
        let id = *self.words.get(low)?;
        self.singles[id as usize]
            .iter()
            .find_map(|&p| match self.phrases[p as usize].target {
                Target::Title(t) => Some(t),
                _ => None,
            })
    }

    /// Whether a lower-case word (or its singular) is a common English word.
    pub fn is_common(&self, low: &str) -> bool {
        let has = |w: &str| self.common.contains(w);
        has(low) || low.strip_suffix('s').is_some_and(has) || low.strip_suffix("es").is_some_and(has)
    }

    /// The kind a noun (singular or plural) names: "schools" -> organisation.
    pub fn kind_noun(&self, low: &str) -> Option<NameKind> {
        let singular = [low.strip_suffix("es"), low.strip_suffix('s')];
        std::iter::once(Some(low))
            .chain(singular)
            .flatten()
            .find_map(|w| self.kind_nouns.get(w).copied())
    }

    pub fn is_org_head(&self, low: &str) -> bool {
        self.org_heads.contains(low.trim_end_matches('.'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The common-word list keeps its shape (sorted byte-wise, no duplicates, words of three letters
    /// `a`-`z` or more): grouping and binary search rely on it.
    #[test]
    fn common_words_sorted() {
        let list = CommonWords::new(COMMON_WORDS);
        let count = COMMON_WORDS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .count();
        assert!(count > 100_000 && list.words.len() == count);
        assert!(list.words.windows(2).all(|w| list.word(w[0]) < list.word(w[1])));
        assert!(list.contains("aardvark") && list.contains("zythum") && list.contains("welfare"));
        assert!(!list.contains("") && !list.contains("aa") && !list.contains("Welfare") && !list.contains("welfarez"));
    }
}
