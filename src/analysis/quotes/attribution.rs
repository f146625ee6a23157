//! Attribution: the cue (reporting verb or phrase) of a quotation and the noun
//! phrase of its speaker, found by patterns over a paragraph's tokens in
//! bounded windows (so every quotation costs constant work).

use super::tokens::{Kind, Token};
use crate::lexicon::Lexicon;
use rustc_hash::{FxHashMap, FxHashSet};

/// How far (in tokens) a scan may look.
const WINDOW: usize = 48;
const MAX_NP: usize = 10;

/// Cue phrases keyed by their first word form.
pub struct Cues {
    by_first: FxHashMap<String, Vec<Vec<String>>>,
    /// The first word forms, for misses without hashing.
    filter: WordFilter,
}

/// One bit per (first byte, last byte, length) of the words of a set: a word whose bit is clear
/// is surely not in the set. Most words looked up are not, and skip hashing.
struct WordFilter {
    bits: Box<[u64]>,
}

impl WordFilter {
    fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut bits = vec![0u64; 1 << 9].into_boxed_slice();
        for w in words {
            let s = Self::slot(w);
            bits[s >> 6] |= 1 << (s & 63);
        }
        WordFilter { bits }
    }

    /// Five bits each of the first byte, the last byte and the length (31 for longer words).
    fn slot(w: &str) -> usize {
        let (first, last) = match w.as_bytes() {
            [] => (0, 0),
            [f] => (*f, *f),
            [f, .., l] => (*f, *l),
        };
        (usize::from(first & 31) << 10) | (usize::from(last & 31) << 5) | w.len().min(31)
    }

    fn may_contain(&self, w: &str) -> bool {
        let s = Self::slot(w);
        self.bits[s >> 6] >> (s & 63) & 1 != 0
    }
}

/// Words that never belong to a speaker's noun phrase.
const STOP: &[&str] = &[
    // prepositions
    "about",
    "of",
    "above",
    "across",
    "after",
    "against",
    "along",
    "amid",
    "among",
    "around",
    "as",
    "at",
    "before",
    "behind",
    "below",
    "beside",
    "besides",
    "between",
    "beyond",
    "by",
    "despite",
    "down",
    "during",
    "except",
    "for",
    "from",
    "in",
    "inside",
    "into",
    "like",
    "near",
    "off",
    "on",
    "onto",
    "out",
    "outside",
    "over",
    "past",
    "per",
    "since",
    "than",
    "through",
    "throughout",
    "to",
    "toward",
    "towards",
    "under",
    "unlike",
    "until",
    "up",
    "upon",
    "via",
    "with",
    "within",
    "without", // conjunctions and subordinators
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "because",
    "although",
    "though",
    "while",
    "whereas",
    "if",
    "unless",
    "when",
    "whenever",
    "where",
    "wherever",
    "whether",
    "once",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "how",
    "why",
    "then",
    "than", // auxiliaries and common verbs
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "not",
    "n't",
    "get",
    "got",
    "let",
    "make",
    "made",
    "it's",
    "he's",
    "she's",
    "there",
    "here", // adverbs and time words
    "also",
    "later",
    "now",
    "again",
    "still",
    "just",
    "even",
    "only",
    "already",
    "previously",
    "recently",
    "earlier",
    "repeatedly",
    "reportedly",
    "further",
    "however",
    "meanwhile",
    "never",
    "often",
    "always",
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "last",
    "next",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "morning",
    "afternoon",
    "evening",
    "night",
    "day",
    "days",
    "weekend",
    "ago",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "aug.",
    "sept.",
    "sep.",
    "oct.",
    "nov.",
    "dec.",
    "asked",
    "speaking",
    "instead",
    "too",
    "very",
    "simply",
    "finally",
    "first",
    "initially",
    "subsequently",
    "separately",
    "similarly",
    "likewise",
    "indeed",
    "perhaps",
    "meantime",
    "moreover",
    "furthermore",
    "nonetheless",
    "nevertheless",
    "thus",
    "therefore",
    "hence",
    "actually",
    "clearly",
    "obviously",
    "publicly",
    "privately",
    "openly",
    "directly",
    "quickly",
    "immediately",
    "flatly",
    "bluntly",
    "angrily",
    "loudly",
    "tearfully",
    "ago",
    "both",
    "all",
    "some",
    "many",
    "most",
    "few",
    "several",
    "no",
    "not",
    "there's",
    "i",
    "me",
    "you",
    "we",
    "us",
    "they",
    "them",
    "him",
    "it",
    "he",
    "she",
    "one",
    "if",
    "this",
    "these",
    "those",
    "such",
    "own",
];

/// Words between a subject and its cue that are not part of the subject.
const ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "once",
    "previously",
    "recently",
    "earlier",
    "repeatedly",
    "reportedly",
    "further",
    "again",
    "still",
    "just",
    "even",
    "has",
    "have",
    "had",
    "would",
    "will",
    "could",
    "did",
    "does",
    "do",
    "was",
    "is",
    "were",
    "are",
    "once",
    "often",
    "always",
    "never",
    "simply",
    "finally",
    "first",
    "initially",
    "subsequently",
    "separately",
    "similarly",
    "quickly",
    "immediately",
    "flatly",
    "bluntly",
    "publicly",
    "privately",
    "openly",
    "directly",
    "recently",
    "angrily",
    "loudly",
    "tearfully",
    "famously",
    "memorably",
    "proudly",
    "happily",
    "sadly",
    "succinctly",
    "candidly",
    "frankly",
    "herself",
    "himself",
    "themselves",
    "itself",
    "not",
    "n't",
    "reportedly",
    "allegedly",
    "apparently",
    "already",
    "subsequently",
    "jokingly",
    "then-",
    "quietly",
    "pointedly",
    "sharply",
    "curtly",
    "emphatically",
    "previously",
    "likewise",
];

/// Lower-case nouns ending in -ly.
const LY_NOUNS: &[&str] = &[
    "family", "ally", "rally", "assembly", "daily", "weekly", "monthly", "anomaly", "monopoly", "supply", "bully",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those", "another", "one",
    "two", "three", "several", "some", "many", "other",
];

pub const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
/// Prepositions whose object is a place, medium or time, never the one who speaks.
const PLACE_PREPOSITIONS: &[&str] = &[
    "at", "in", "on", "into", "onto", "from", "to", "for", "by", "through", "over", "under", "across", "along", "near",
    "toward", "towards", "upon", "via", "within", "against", "among", "between", "behind", "beyond", "about", "after",
    "before", "during",
];

/// Auxiliaries: after a noun phrase they make it the subject of a new clause.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "will", "would", "has", "have", "had", "can", "could", "should", "may", "might",
    "must", "do", "does", "did",
];

/// Forms of "be" that make a following participle passive.
const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "'s"];

/// Past forms of cue verbs that do not end in -ed.
const IRREGULAR_PAST: &[&str] = &["said", "told", "wrote", "spoke", "sang"];

/// Capitalised cues that open a sentence with the speaker after them ("According to X, “…”",
/// "Said Dorothy Poynter, who grew up with him, “…”").
const INVERTED_OPENERS: &[&str] = &["according", "said", "says"];

/// Pronouns that open a reported clause after a cue ("said he would").
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// Sentence openers that begin a new statement rather than an attribution: conjunctions,
/// prepositions, question words and time adverbs.
const CLAUSE_OPENERS: &[&str] = &[
    "but",
    "and",
    "or",
    "so",
    "yet",
    "still",
    "meanwhile",
    "however",
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "while",
    "as",
    "if",
    "since",
    "during",
    "for",
    "with",
    "without",
    "from",
    "by",
    "of",
    "to",
    "also",
    "instead",
    "even",
    "although",
    "though",
    "because",
    "indeed",
    "here",
    "there",
    "what",
    "why",
    "how",
    "where",
    "later",
    "earlier",
    "then",
    "now",
    "today",
    "yesterday",
];
const RELATIVES: &[&str] = &["who", "which", "that"];

/// Words that open a subordinate clause with a subject of its own.
const SUBORDINATORS: &[&str] = &[
    "where", "who", "which", "while", "whereas", "as", "because", "although", "though",
];

/// Words other than clause openers whose capitalised form starts a sentence but never a name.
const OTHER_OPENERS: &[&str] = &[
    "asked", "speaking", "last", "next", "this", "that", "these", "those", "he", "she", "it", "we", "i", "they", "you",
    "his", "her", "its", "our", "their", "my", "who", "mr.", "mrs.", "ms.",
];

/// Common irregular past forms: after a subject they are its verb.
const IRREGULAR_VERBS: &[&str] = &[
    "took", "began", "gave", "made", "came", "went", "won", "lost", "met", "left", "sent", "got", "held", "kept",
    "found", "brought", "thought", "saw", "ran", "led", "stood", "spent", "became", "struck", "drew", "heard", "paid",
    "sold", "sat", "rose", "fell", "broke", "chose", "wore", "threw", "knew", "grew", "fought", "caught", "sought",
    "bought", "built", "meant", "said", "told", "wrote", "spoke",
];

/// A lower-case past form ("took", "gathered"), which after a subject is its verb.
fn is_past_verb(t: &Token) -> bool {
    t.is_word()
        && !t.cap
        && (IRREGULAR_VERBS.contains(&t.lower.as_str()) || (t.lower.ends_with("ed") && t.lower.len() > 4))
}

/// A word whose capitalised form starts a sentence but never a name.
fn is_opener(lower: &str) -> bool {
    CLAUSE_OPENERS.contains(&lower) || OTHER_OPENERS.contains(&lower)
}

/// A noun phrase found as a speaker: token range `[first, last]` in its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Np {
    pub first: usize,
    pub last: usize,
    /// A proper name inside the phrase (token range), when it has one.
    pub name: Option<(usize, usize)>,
}

/// What was found for one quoted region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Token range of the cue `[first, last]`, or the colon token.
    pub cue: (usize, usize),
    pub np: Option<Np>,
    pub according_to: bool,
    /// Found right before or after the marks (vs. the subject of an enclosing clause).
    pub adjacent: bool,
}

pub struct Grammar {
    pub cues: Cues,
    stop: FxHashSet<&'static str>,
    stop_filter: WordFilter,
    adverbs: FxHashSet<&'static str>,
    adverb_filter: WordFilter,
    /// Role nouns and titles (lower case) with their gender when they imply one.
    roles: FxHashMap<String, Option<char>>,
    role_filter: WordFilter,
    /// The roles that imply a gender, apart: most words asked for a gender are other roles or none.
    gendered: FxHashMap<String, char>,
    gendered_filter: WordFilter,
}

fn inflections(base: &str) -> Vec<String> {
    let mut out = vec![base.to_string()];
    let chars: Vec<char> = base.chars().collect();
    let n = chars.len();
    if n == 0 {
        return out;
    }
    let last = chars[n - 1];
    let vowel = |c: char| "aeiou".contains(c);
    if let Some(stem) = base.strip_suffix('e') {
        out.push(format!("{base}s"));
        out.push(format!("{base}d"));
        out.push(format!("{stem}ing"));
    } else if last == 'y' && n > 1 && !vowel(chars[n - 2]) {
        let stem = &base[..base.len() - 1];
        out.push(format!("{stem}ies"));
        out.push(format!("{stem}ied"));
        out.push(format!("{base}ing"));
    } else {
        if base.ends_with('s')
            || base.ends_with("sh")
            || base.ends_with("ch")
            || base.ends_with('x')
            || base.ends_with('z')
        {
            out.push(format!("{base}es"));
        } else {
            out.push(format!("{base}s"));
        }
        out.push(format!("{base}ed"));
        out.push(format!("{base}ing"));
        // Consonant doubling (admit -> admitted, quip -> quipped).
        if n >= 3 && !vowel(last) && vowel(chars[n - 2]) && !vowel(chars[n - 3]) && !"wxy".contains(last) {
            out.push(format!("{base}{last}ed"));
            out.push(format!("{base}{last}ing"));
        }
    }
    out
}

impl Grammar {
    pub fn new(lexicon: &Lexicon) -> Self {
        let mut by_first: FxHashMap<String, Vec<Vec<String>>> = FxHashMap::default();
        for entry in lexicon.entries("cue_verbs") {
            let Some(phrase) = entry.first() else {
                continue;
            };
            let words: Vec<String> = phrase
                .split_whitespace()
                .map(|w| w.to_lowercase().replace('’', "'"))
                .collect();
            let Some((first, rest)) = words.split_first() else {
                continue;
            };
            let mut forms = inflections(first);
            // Irregular forms of a multiword cue name its first word ("went on" -> "went").
            forms.extend(
                entry[1..]
                    .iter()
                    .filter_map(|f| f.split_whitespace().next())
                    .map(str::to_lowercase),
            );
            for form in forms {
                let list = by_first.entry(form).or_default();
                if !list.contains(&rest.to_vec()) {
                    list.push(rest.to_vec());
                }
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|rest| std::cmp::Reverse(rest.len()));
        }
        let mut roles = FxHashMap::default();
        for list in ["speaker_nouns", "titles"] {
            for entry in lexicon.entries(list) {
                let Some(word) = entry.first() else { continue };
                // Only speaker nouns carry a gender (m or f); the titles list's second field is a class.
                let gender = entry
                    .get(1)
                    .filter(|_| list == "speaker_nouns")
                    .and_then(|g| g.chars().next())
                    .filter(|c| matches!(c, 'm' | 'f'));
                roles.entry(word.to_lowercase()).or_insert(gender);
            }
        }
        let gendered: FxHashMap<String, char> = roles.iter().filter_map(|(w, g)| g.map(|g| (w.clone(), g))).collect();
        // Calendar names end a speaker's phrase too; not "may", which is also a verb.
        let stop: FxHashSet<&'static str> = STOP
            .iter()
            .chain(crate::lexicon::WEEKDAYS.iter())
            .chain(crate::lexicon::MONTHS.iter().filter(|m| **m != "may"))
            .copied()
            .collect();
        Grammar {
            cues: Cues {
                filter: WordFilter::new(by_first.keys().map(String::as_str)),
                by_first,
            },
            stop_filter: WordFilter::new(stop.iter().copied()),
            stop,
            adverbs: ADVERBS.iter().copied().collect(),
            adverb_filter: WordFilter::new(ADVERBS.iter().copied()),
            role_filter: WordFilter::new(roles.keys().map(String::as_str)),
            gendered_filter: WordFilter::new(gendered.keys().map(String::as_str)),
            gendered,
            roles,
        }
    }

    /// The gender a role noun or title implies (`m` or `f`), when `lower` is one that implies one.
    pub fn role_gender(&self, lower: &str) -> Option<char> {
        if !self.gendered_filter.may_contain(lower) {
            return None;
        }
        self.gendered.get(lower).copied()
    }

    /// The last token of the longest cue phrase starting at token `i`.
    pub fn cue_at(&self, tokens: &[Token], i: usize) -> Option<usize> {
        let t = tokens.get(i)?;
        if !t.is_word() {
            return None;
        }
        // Most words are no cue: look the word up before weighing its neighbours.
        if !self.cues.filter.may_contain(&t.lower) {
            return None;
        }
        let rests = self.cues.by_first.get(t.lower.as_str())?;
        // Cues are lower-case verbs ("Sung" is a name), not nouns after a determiner ("a courtesy call").
        // "According to" may open a sentence.
        let opens_sentence = i == 0 || tokens[i - 1].sentence != t.sentence;
        // "Another tweeted": a past form after a quantifier that stands alone is a verb.
        let after_determiner = i.checked_sub(1).is_some_and(|k| {
            let d = tokens[k].lower.as_str();
            let pronoun_like = matches!(d, "another" | "one" | "some" | "many" | "several" | "others");
            DETERMINERS.contains(&d)
                && !(pronoun_like && (t.lower.ends_with("ed") || IRREGULAR_PAST.contains(&t.lower.as_str())))
        });
        // "Editor’s note", "Clinton's claim": after a possessive the word is a noun.
        let after_possessive = i.checked_sub(1).is_some_and(|k| {
            tokens[k].lower.ends_with("'s")
                || (matches!(tokens[k].kind, Kind::Punct('’' | '\'')) && k > 0 && tokens[k - 1].is_word())
        });
        // "a series of tweets", "in remarks": after a preposition only a participle is a verb
        // ("to" also marks an infinitive: "to accuse").
        let after_preposition = i.checked_sub(1).is_some_and(|k| {
            let p = tokens[k].lower.as_str();
            (p == "of" || PLACE_PREPOSITIONS.contains(&p)) && p != "to" && !t.lower.ends_with("ing")
        });
        if (t.cap && !(opens_sentence && INVERTED_OPENERS.contains(&t.lower.as_str())))
            || after_determiner
            || after_preposition
            || after_possessive
        {
            return None;
        }
        'next: for rest in rests {
            let mut j = i;
            for w in rest {
                j += 1;
                match tokens.get(j) {
                    Some(tok) if tok.is_word() && &tok.lower == w => {}
                    _ => continue 'next,
                }
            }
            // "as she put it (in an interview), “…”" reports; "putting it into the file" moves a thing.
            let idiom_goes_on = rest.last().is_some_and(|w| w == "it")
                && tokens.get(j + 1).is_some_and(|t| {
                    matches!(
                        t.lower.as_str(),
                        "into" | "onto" | "on" | "back" | "together" | "away" | "up" | "down" | "out" | "off"
                    )
                });
            if idiom_goes_on {
                continue;
            }
            return Some(j);
        }
        None
    }

    /// The cue at token `cue` is a passive participle ("was asked", "were told"): right at the
    /// marks, its subject is the one addressed, not the speaker. "Quoted" aside: "was quoted as
    /// saying" names the speaker.
    fn passive(&self, tokens: &[Token], cue: usize) -> bool {
        let verb = &tokens[cue];
        let participle = verb.lower.ends_with("ed") || matches!(verb.lower.as_str(), "told" | "written" | "spoken");
        // "is reported to have called": the subject is the one who called.
        let raising = tokens.get(cue + 1).is_some_and(|t| t.lower == "to");
        if !participle || raising || verb.lower == "quoted" {
            return false;
        }
        let mut k = cue;
        while k > 0 && self.is_adverb(&tokens[k - 1]) && !BE_FORMS.contains(&tokens[k - 1].lower.as_str()) {
            k -= 1;
        }
        k.checked_sub(1)
            .is_some_and(|b| tokens[b].is_word() && BE_FORMS.contains(&tokens[b].lower.as_str()))
    }

    pub fn is_stop(&self, t: &Token) -> bool {
        self.stop_filter.may_contain(&t.lower) && self.stop.contains(t.lower.as_str())
    }

    pub fn is_adverb_word(&self, t: &Token) -> bool {
        self.is_adverb(t)
    }

    fn is_adverb(&self, t: &Token) -> bool {
        t.is_word()
            && ((self.adverb_filter.may_contain(&t.lower) && self.adverbs.contains(t.lower.as_str()))
                || (t.lower.ends_with("ly") && !t.cap && t.lower.len() > 4 && !LY_NOUNS.contains(&t.lower.as_str())))
    }

    pub fn is_role(&self, t: &Token) -> bool {
        self.role_filter.may_contain(&t.lower) && self.roles.contains_key(t.lower.as_str())
    }

    pub fn is_cue_word(&self, t: &Token) -> bool {
        t.is_word() && self.cues.filter.may_contain(&t.lower) && self.cues.by_first.contains_key(t.lower.as_str())
    }

    /// A word that may stand inside a speaker's noun phrase.
    fn np_word(&self, t: &Token, head: bool) -> bool {
        if !t.is_word() {
            return false;
        }
        if t.cap {
            return t.upper || !(is_opener(&t.lower) || (self.is_stop(t) && !DETERMINERS.contains(&t.lower.as_str())));
        }
        if self.is_role(t) {
            return true;
        }
        if self.is_stop(t) || self.is_cue_word(t) || t.lower.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
        // Adverbs are verbs' company; participles may modify a noun ("the gambling tycoon") but not head it.
        !(self.is_adverb(t) || head && (t.lower.ends_with("ing") || (t.lower.ends_with("ed") && t.lower.len() > 4)))
    }

    /// The noun phrase ending at token `last` (inclusive), scanning left no further than `floor`.
    pub fn np_ending_at(&self, tokens: &[Token], last: usize, floor: usize) -> Option<Np> {
        let t = tokens.get(last)?;
        let quantifier = matches!(
            t.lower.as_str(),
            "one" | "another" | "others" | "some" | "many" | "several" | "both"
        );
        if t.is_word() && (PRONOUNS.contains(&t.lower.as_str()) || RELATIVES.contains(&t.lower.as_str()) || quantifier)
        {
            return Some(Np {
                first: last,
                last,
                name: None,
            });
        }
        let mut first = last + 1;
        let mut i = last + 1;
        while i > floor && last + 1 - (i - 1) <= MAX_NP {
            let k = i - 1;
            let tok = &tokens[k];
            if tok.is_word() && DETERMINERS.contains(&tok.lower.as_str()) {
                if k < last {
                    first = k;
                }
                // "the director of the FBI": the phrase goes on before `of the`.
                let of_the = tok.lower == "the"
                    && k >= floor + 2
                    && tokens[k - 1].lower == "of"
                    && (self.is_role(&tokens[k - 2]) || tokens[k - 2].cap);
                if of_the && k < last {
                    i = k;
                    continue;
                }
                break;
            }
            if self.np_word(tok, k == last) {
                first = k;
                i = k;
                continue;
            }
            // "Secretary of State John Kerry", "director of the FBI": keep `of` after a role or title.
            if tok.is_word() && tok.lower == "of" && k > floor && first <= last {
                let prev = &tokens[k - 1];
                if prev.is_word()
                    && (self.is_role(prev) || prev.cap)
                    && (tokens[first].cap || tokens[first].lower == "the")
                {
                    first = k;
                    i = k;
                    continue;
                }
            }
            // Coordinated roles ("president and CEO", "the senator and presidential candidate").
            if tok.lower == "and" && first <= last && k > floor && (first..=last).any(|j| self.is_role(&tokens[j])) {
                let prev = &tokens[k - 1];
                if self.is_role(prev) && !prev.cap {
                    first = k;
                    i = k;
                    continue;
                }
            }
            // Possessive apostrophe standing alone ("Collins’ aide").
            if matches!(tok.kind, Kind::Punct('’' | '\'')) && first <= last && k > floor && tokens[k - 1].is_word() {
                first = k;
                i = k;
                continue;
            }
            break;
        }
        if first > last {
            return None;
        }
        // Never start on `of` or an apostrophe.
        while first <= last && (!tokens[first].is_word() || tokens[first].lower == "of") {
            first += 1;
        }
        if first > last {
            return None;
        }
        Some(Np {
            first,
            last,
            name: self.proper_name(tokens, first, last),
        })
    }

    /// The noun phrase starting at token `first`, scanning right no further than `ceil` (exclusive).
    pub fn np_starting_at(&self, tokens: &[Token], first: usize, ceil: usize) -> Option<Np> {
        let t = tokens.get(first)?;
        if first >= ceil {
            return None;
        }
        if t.is_word() && PRONOUNS.contains(&t.lower.as_str()) {
            return Some(Np {
                first,
                last: first,
                name: None,
            });
        }
        if t.is_word()
            && matches!(
                t.lower.as_str(),
                "one" | "another" | "others" | "some" | "many" | "several"
            )
        {
            // "said one of those advisers", "said another."
            let next = tokens.get(first + 1);
            if next.is_some_and(|n| n.lower == "of") {
                let inner = self.np_starting_at(tokens, first + 2, ceil)?;
                return Some(Np { first, ..inner });
            }
            if next.is_none_or(|n| !n.is_word() || self.is_stop(n)) {
                return Some(Np {
                    first,
                    last: first,
                    name: None,
                });
            }
        }
        let mut last: Option<usize> = None;
        let mut i = first;
        if t.is_word() && DETERMINERS.contains(&t.lower.as_str()) {
            i += 1;
        }
        while i < ceil && i < first + MAX_NP {
            let tok = &tokens[i];
            let after_role = last.is_some_and(|l| self.is_role(&tokens[l]) && !tokens[l].cap);
            // "Band member Flea shared the news": a past form after a name is the verb.
            let verb_after_name = last.is_some_and(|l| tokens[l].cap)
                && tok.is_word()
                && !tok.cap
                && tok.lower.ends_with("ed")
                && !self.is_role(tok);
            if verb_after_name {
                break;
            }
            if self.np_word(tok, false)
                && !(tok.is_word() && DETERMINERS.contains(&tok.lower.as_str()))
                && (!after_role || tok.cap || self.is_role(tok))
            {
                last = Some(i);
                i += 1;
                continue;
            }
            if tok.is_word() && tok.lower == "of" && last.is_some_and(|l| self.is_role(&tokens[l]) || tokens[l].cap) {
                if let Some(next) = tokens.get(i + 1) {
                    if next.is_word() && (next.cap || next.lower == "the") {
                        i += 1;
                        if next.lower == "the" {
                            i += 1;
                        }
                        continue;
                    }
                }
            }
            if matches!(tok.kind, Kind::Punct('’' | '\'')) && last.is_some() {
                i += 1;
                continue;
            }
            break;
        }
        let last = last?;
        Some(Np {
            first,
            last,
            name: self.proper_name(tokens, first, last),
        })
    }

    /// The proper name at the end of a phrase: the trailing run of capitalised
    /// words, without the titles before the name ("Sen. Susan Collins" -> "Susan Collins").
    pub fn proper_name(&self, tokens: &[Token], first: usize, last: usize) -> Option<(usize, usize)> {
        let lt = &tokens[last];
        if !lt.is_word() || !lt.cap || self.is_role(lt) {
            // "Robert Antonacci of the New York delegation": the name before `of`.
            let of = (first + 1..last).rev().find(|&k| tokens[k].lower == "of")?;
            return self.proper_name(tokens, first, of - 1);
        }
        // "Steve Cerier of Manufacturers Hanover Trust Co.": a person's name before `of` (but
        // "Secretary of State John Kerry" has a title there).
        if let Some(of) = (first + 1..last).find(|&k| tokens[k].lower == "of") {
            let before = &tokens[of - 1];
            if before.is_word() && before.cap && !self.is_role(before) {
                if let Some(name) = self.proper_name(tokens, first, of - 1) {
                    return Some(name);
                }
            }
        }
        let mut start = last;
        while start > first {
            let p = &tokens[start - 1];
            let particle = p.is_word()
                && matches!(
                    p.lower.as_str(),
                    "de" | "van" | "von" | "bin" | "al" | "da" | "del" | "la" | "le"
                );
            if p.is_word() && (p.cap || particle) && !DETERMINERS.contains(&p.lower.as_str()) {
                start -= 1;
            } else {
                break;
            }
        }
        // Drop titles and role words: the name follows the last of them.
        let mut name_start = start;
        for (k, t) in tokens.iter().enumerate().take(last).skip(start) {
            // Titles ("Sen.", "President"), and possessives ("Bethlehem Steel's Wendt").
            if self.is_role(t) || t.lower.ends_with('.') && t.lower.len() > 2 || t.lower.ends_with("'s") {
                name_start = k + 1;
            }
        }
        // "secretary of State", "CEO of the Restaurant Association", "Secretary of State John
        // Kerry": after a role and `of`, the institution's words are not the speaker's name.
        let of_at = if start > first && tokens[start - 1].lower == "the" {
            start - 1
        } else {
            start
        };
        let of_role = of_at >= first + 2
            && tokens[of_at - 1].lower == "of"
            && self.is_role(&tokens[of_at - 2])
            && name_start == start;
        if of_role {
            if let Some(k) = (start..=last)
                .rev()
                .find(|&k| !super::speaker::person_like(&tokens[k].lower, 1))
            {
                name_start = k + 1;
            }
            // One word after a role's `of` is a place or an institution ("governor of Texas").
            if name_start == last {
                return None;
            }
        }
        // Drop a possessive run ("Clinton's aide" ends lower-case, so only names survive here).
        (name_start <= last).then_some((name_start, last))
    }

    /// Attribution right after region token `q`: `,” he said`, `,” said Sen. X`, `,” according to X`.
    pub fn after(&self, tokens: &[Token], q: usize) -> Option<Attribution> {
        let mut i = q + 1;
        if tokens.get(i).is_some_and(|t| t.is_punct(',')) {
            i += 1;
        }
        let sentence = tokens.get(i).map_or(0, |t| t.sentence);
        let limit = (i + 30).min(tokens.len());
        // Inverted: said Sen. Susan Collins / according to X.
        if let Some(cue_end) = self.cue_at(tokens, i) {
            let ceil = (cue_end + 1 + MAX_NP + 2).min(tokens.len());
            let according_to = tokens[i].lower == "according";
            // "said in a statement" etc.: skip a prepositional tail to reach the subject.
            let np = self.np_starting_at(tokens, cue_end + 1, ceil);
            // The phrase must end the clause ("said the senator.", "said Tom Rath, a veteran"),
            // not be an object ("posted the clip to YouTube").
            let ends_clause = np.is_some_and(|np| {
                tokens.get(np.last + 1).is_none_or(|t| {
                    !t.is_word()
                        || (self.is_stop(t)
                            && !matches!(t.lower.as_str(), "to" | "into")
                            && !AUXILIARIES.contains(&t.lower.as_str()))
                })
            });
            let np = np.filter(|_| ends_clause);
            if np.is_some() || according_to {
                return Some(Attribution {
                    cue: (i, cue_end),
                    np,
                    according_to,
                    adjacent: true,
                });
            }
            return None;
        }
        // Subject then cue: he said / Sanders campaign manager Jeff Weaver said / Melissa Roloson, 32, said.
        // After a quotation that ends its sentence, a sentence opening with a conjunction or a
        // preposition is the reporter's next statement, not an attribution ("“…” But others said").
        let ends_sentence = tokens.get(i).is_some_and(|t| t.sentence != tokens[q].sentence);
        if ends_sentence
            && tokens
                .get(i)
                .is_some_and(|t| t.is_word() && CLAUSE_OPENERS.contains(&t.lower.as_str()))
        {
            return None;
        }
        let mut j = i;
        // Where a parenthetical after the subject began ("Rep. Jim Jordan (R-Ohio) said").
        let mut paren: Option<usize> = None;
        while j < limit {
            let t = &tokens[j];
            if t.sentence != sentence && j > i {
                break;
            }
            if t.is_punct('(') && j > i {
                match (j + 1..(j + 8).min(limit)).find(|&k| tokens[k].is_punct(')')) {
                    Some(close) => {
                        paren.get_or_insert(j);
                        j = close + 1;
                        continue;
                    }
                    None => return None,
                }
            }
            if matches!(t.kind, Kind::Quote(_)) || matches!(t.kind, Kind::Punct(';' | ':' | '—' | '(')) {
                break;
            }
            // "“…?” Dalton Brody is a store, according to its website": after a quotation that
            // ends its sentence, a clause with a verb of its own before any comma is a new statement.
            if ends_sentence
                && j > i
                && AUXILIARIES.contains(&t.lower.as_str())
                && !tokens[i..j].iter().any(|t| t.is_punct(','))
            {
                return None;
            }
            if j > i && !self.is_adverb(t) {
                if let Some(cue_end) = self.cue_at(tokens, j) {
                    if self.passive(tokens, j) {
                        return None;
                    }
                    // The subject ends before any adverbs or auxiliaries.
                    let mut e = j - 1;
                    while e > i && self.is_adverb(&tokens[e]) {
                        e -= 1;
                    }
                    if tokens[e].is_punct(',') || tokens[e].is_punct(')') {
                        return self.after_apposition(tokens, i, e, (j, cue_end));
                    }
                    if ends_sentence && self.starts_new_report(tokens, cue_end) {
                        return None;
                    }
                    let np = self.subject_span(tokens, i, paren.map_or(e, |p| p - 1))?;
                    return Some(Attribution {
                        cue: (j, cue_end),
                        np: Some(np),
                        according_to: false,
                        adjacent: true,
                    });
                }
            }
            j += 1;
        }
        None
    }

    /// After a quotation that ends its sentence, a cue followed by a reported clause ("Kasich
    /// said he would …", "said that …") or by the next quotation ("He answered, “…”") reports
    /// something new rather than attributing the quotation before it.
    fn starts_new_report(&self, tokens: &[Token], cue_end: usize) -> bool {
        let mut k = cue_end + 1;
        while tokens.get(k).is_some_and(|t| t.is_punct(',') || t.is_punct(':')) {
            k += 1;
        }
        // Verbs of saying that take a clause, not a person, as their object.
        let clausal = matches!(
            tokens[cue_end].lower.as_str(),
            "said" | "says" | "added" | "adds" | "noted" | "notes"
        );
        tokens.get(k).is_some_and(|t| match t.kind {
            Kind::Quote(_) => k > cue_end + 1,
            Kind::Word => {
                k == cue_end + 1
                    && (t.lower == "that"
                        || SUBJECT_PRONOUNS.contains(&t.lower.as_str())
                        || (clausal && t.cap && !crate::lexicon::is_calendar_word(&t.lower)))
            }
            Kind::Punct(_) => false,
        })
    }

    /// `NP (prep NP){1,2}` spanning `[i, e]`, given the last NP `np`: the whole phrase, named
    /// by its first NP ("Robert Antonacci of the New York delegation").
    fn with_pps(&self, tokens: &[Token], i: usize, e: usize, np: Np) -> Option<Np> {
        let mut head = np;
        for _ in 0..2 {
            let prep = head.first.checked_sub(1)?;
            if prep <= i
                || !matches!(
                    tokens[prep].lower.as_str(),
                    "of" | "in" | "at" | "from" | "with" | "for" | "on"
                )
            {
                return None;
            }
            let before = self.np_ending_at(tokens, prep - 1, i)?;
            if before.first == i {
                return Some(Np {
                    first: i,
                    last: e,
                    name: before.name,
                });
            }
            head = before;
        }
        None
    }

    /// The subject spanning tokens `[i, e]` after a closing mark: one noun phrase, possibly with
    /// prepositional phrases ("a voice-over in the ad", "Robert Antonacci of the New York
    /// delegation"), or a name or pronoun after a few verbless lead-in words.
    fn subject_span(&self, tokens: &[Token], i: usize, e: usize) -> Option<Np> {
        if e < i {
            return None;
        }
        // "Katie Packer, who is chairman of Our Principles Pac said": the phrase before a relative clause.
        if let Some(comma) = (i + 1..e).find(|&k| tokens[k].is_punct(',')) {
            let relative = tokens
                .get(comma + 1)
                .is_some_and(|t| matches!(t.lower.as_str(), "who" | "which"));
            if relative {
                if let Some(np) = self.np_ending_at(tokens, comma - 1, i).filter(|np| np.first == i) {
                    return Some(np);
                }
            }
        }
        let np = self.np_ending_at(tokens, e, i)?;
        if np.first == i {
            return Some(np);
        }
        // "another friend, Mariam Emara told": a description, then the name in apposition.
        let named_apposition = np.first > i + 1
            && tokens[np.first - 1].is_punct(',')
            && np.name == Some((np.first, np.last))
            && self.np_ending_at(tokens, np.first - 2, i).is_some_and(|d| d.first == i);
        // "the bespectacled, 71-year-old diplomat": adjectives set off by a comma.
        let comma_adjectives = np.first > i + 1
            && tokens[np.first - 1].is_punct(',')
            && np.name.is_none()
            && DETERMINERS.contains(&tokens[i].lower.as_str())
            && tokens[i + 1..np.first - 1]
                .iter()
                .all(|t| t.is_word() && !t.cap && !self.is_stop(t) && !self.is_cue_word(t));
        if named_apposition || comma_adjectives {
            return Some(Np { first: i, ..np });
        }
        if let Some(whole) = self.with_pps(tokens, i, e, np) {
            return Some(whole);
        }
        // Words between the marks and the subject ("Fight for $15 organizing director
        // Kendall Fells"): allowed before a name or pronoun when they hold no verb.
        let named = np.name.is_some() || matches!(tokens[np.first].lower.as_str(), "he" | "she");
        let lead_in_ok = named
            && np.first - i <= 6
            && tokens[i..np.first]
                .iter()
                .all(|t| (t.is_word() || t.kind == Kind::Punct('$')) && !self.is_cue_word(t));
        lead_in_ok.then_some(np)
    }

    /// `,” Melissa Roloson, 32, of Sodus, said`: the subject is the first phrase after the marks.
    fn after_apposition(&self, tokens: &[Token], i: usize, comma: usize, cue: (usize, usize)) -> Option<Attribution> {
        let mut k = i;
        while k < comma && !tokens[k].is_punct(',') && !tokens[k].is_punct('(') {
            k += 1;
        }
        if k == i {
            return None;
        }
        let np = self.subject_span(tokens, i, k - 1)?;
        Some(Attribution {
            cue,
            np: Some(np),
            according_to: false,
            adjacent: true,
        })
    }

    /// The nearest cue before region token `q` in its sentence, and the subject of that cue.
    pub fn before(&self, tokens: &[Token], q: usize) -> Option<Attribution> {
        let sentence = tokens[q].sentence;
        let floor = q.saturating_sub(WINDOW);
        let mut k = q;
        let adjacent_end = {
            let mut a = q;
            while a > 0 && (tokens[a - 1].is_punct(',') || tokens[a - 1].is_punct(':') || tokens[a - 1].lower == "that")
            {
                a -= 1;
            }
            a
        };
        let mut fallback = None;
        // "Lockwood, a major from Memphis, chimed in. “I did not think …”": a sentence that
        // ends with its cue introduces the quotation that follows it.
        if q >= 2 && tokens[q - 1].is_punct('.') && tokens[q - 2].is_word() {
            let end = q - 2;
            let start = (end.saturating_sub(3)..=end).find(|&s| self.cue_at(tokens, s) == Some(end));
            if let Some(k) = start {
                let np = self.subject_before(tokens, k, floor.max(sentence_start(tokens, k)));
                if np.is_some() {
                    return Some(Attribution {
                        cue: (k, end),
                        np,
                        according_to: false,
                        adjacent: true,
                    });
                }
            }
        }
        while k > floor {
            k -= 1;
            if tokens[k].sentence != sentence {
                break;
            }
            if !tokens[k].is_word() {
                continue;
            }
            let Some(mut cue_end) = self.cue_at(tokens, k) else {
                continue;
            };
            if cue_end >= q {
                continue;
            }
            // A longer phrase covering this one ("issued a statement saying").
            let longer = (k.saturating_sub(4).max(floor)..k).find_map(|s| {
                self.cue_at(tokens, s)
                    .filter(|&e| e >= cue_end && e < q)
                    .map(|e| (s, e))
            });
            if let Some((s, e)) = longer {
                k = s;
                cue_end = e;
            }
            let adjacent = cue_end + 1 == adjacent_end;
            // Set off by a comma or colon: `replied: “`.
            let introduces = adjacent && cue_end + 1 < q;
            let inverted = tokens[k].cap && tokens[k].lower != "according";
            let found = if tokens[k].lower == "according" || inverted {
                let np = self.np_starting_at(tokens, cue_end + 1, q);
                Attribution {
                    cue: (k, cue_end),
                    np,
                    according_to: !inverted,
                    adjacent,
                }
            } else {
                // "The mayor was asked, “…”": the subject of a passive cue is spoken to or about.
                let np = (!(adjacent && self.passive(tokens, k)))
                    .then(|| self.subject_before(tokens, k, floor.max(sentence_start(tokens, k))))
                    .flatten();
                Attribution {
                    cue: (k, cue_end),
                    np,
                    according_to: false,
                    adjacent,
                }
            };
            if let Some(np) = found.np {
                // "stressed that the two countries agree on … “…”": a cue inside the reported
                // clause of an earlier cue reports the earlier speaker's words; not a cue right at
                // the marks ("She said that …, to which Reese interjected: “…”").
                let outer = (floor.max(sentence_start(tokens, k))..np.first)
                    .filter(|_| !introduces)
                    .find_map(|c| {
                        let end = self.cue_at(tokens, c)?;
                        let that = tokens.get(end + 1).is_some_and(|t| t.lower == "that");
                        that.then_some(c)
                    });
                match outer {
                    Some(c) if fallback.is_none() => {
                        fallback = Some(found);
                        k = c + 1;
                        continue;
                    }
                    _ => return Some(found),
                }
            }
            // A cue without a subject ("adding that", a noun): look further back, keep this one.
            fallback.get_or_insert(found);
        }
        fallback
    }

    /// The subject of the cue at token `cue`: the phrase right before it, past
    /// adverbs, appositions and parentheticals; a relative pronoun takes its antecedent.
    pub fn subject_before(&self, tokens: &[Token], cue: usize, floor: usize) -> Option<Np> {
        if cue <= floor {
            return None;
        }
        let mut e = cue - 1;
        // "Priebus later Thursday told": adverbs and time words stand between subject and cue.
        let between = |t: &Token| {
            self.is_adverb(t)
                || crate::lexicon::WEEKDAYS.contains(&t.lower.as_str())
                || matches!(t.lower.as_str(), "today" | "yesterday" | "tonight")
        };
        while e > floor && between(&tokens[e]) {
            e -= 1;
        }
        if between(&tokens[e]) {
            return None;
        }
        if tokens[e].is_word() && matches!(tokens[e].lower.as_str(), "and" | "but" | "or") {
            // "the envoy met the minister and stressed": the clause's subject.
            return self.clause_subject(tokens, e, floor);
        }
        if tokens[e].is_punct(',') && tokens[cue].lower.ends_with("ing") {
            // "he sounded a rare note, saying": a participle takes the main clause's subject.
            return self.clause_subject(tokens, e, floor);
        }
        let participle = tokens[cue].lower.ends_with("ing");
        if participle
            && matches!(
                tokens[e].lower.as_str(),
                "by" | "while" | "after" | "before" | "when" | "in" | "without"
            )
        {
            // "appeared to assert his plans by saying": the subject of the clause.
            return self.clause_subject(tokens, e, floor);
        }
        if participle {
            // "into the polls saying", "a message on Twitter reading": the object of a preposition
            // does not say anything; the clause's subject does ("with protesters saying", "footage
            // of Clinton asking" and "has Podesta saying" aside).
            let np = self.np_ending_at(tokens, e, floor)?;
            let governed = np
                .first
                .checked_sub(1)
                .is_some_and(|k| PLACE_PREPOSITIONS.contains(&tokens[k].lower.as_str()));
            if governed {
                return self.clause_subject(tokens, e, floor);
            }
        }
        if tokens[e].is_punct(')') {
            // "Rep. Paul Ryan (R-WI) said": the subject before the parenthetical.
            let open = (e.saturating_sub(8).max(floor)..e)
                .rev()
                .find(|&k| tokens[k].is_punct('('))?;
            e = open.checked_sub(1)?;
            if e < floor {
                return None;
            }
        }
        if !tokens[e].is_punct(',') {
            let np = self.np_ending_at(tokens, e, floor)?;
            // "Ann Lee, president and CEO of the association stated": a bare role phrase after a
            // comma is an apposition to the name before it (the closing comma left off).
            let bare_role = !tokens[np.first].cap && self.is_role(&tokens[np.first]) && np.name.is_none();
            if bare_role && np.first > floor + 1 && tokens[np.first - 1].is_punct(',') {
                return self.chain_subject(tokens, np.last + 1, floor);
            }
            // "Protesters marching through the streets chanted": the object of a place
            // preposition is not the subject; the clause's subject is, or nobody we can name.
            let governed = np
                .first
                .checked_sub(1)
                .is_some_and(|k| k > floor && PLACE_PREPOSITIONS.contains(&tokens[k].lower.as_str()));
            if governed {
                return self.clause_subject(tokens, e, floor);
            }
            if tokens[np.first].is_word() && RELATIVES.contains(&tokens[np.first].lower.as_str()) {
                // "Jake Sullivan, who said": the antecedent before the comma.
                let c = np.first.checked_sub(1)?;
                if c > floor && tokens[c].is_punct(',') {
                    // Past a parenthetical ("Sen. Ron Johnson (R-Wis.), who"), the phrase right before.
                    let mut e = c - 1;
                    if tokens[e].is_punct(')') {
                        let open = (e.saturating_sub(8).max(floor)..e)
                            .rev()
                            .find(|&k| tokens[k].is_punct('('))?;
                        e = open.checked_sub(1)?;
                    }
                    if e >= floor && tokens[e].is_word() {
                        return self.np_ending_at(tokens, e, floor);
                    }
                    return self.chain_subject(tokens, c, floor);
                }
                // "Rikkie Wells who tweeted": a name right before `who`.
                if c >= floor && tokens[c].cap && tokens[np.first].lower == "who" {
                    return self.np_ending_at(tokens, c, floor);
                }
                return None;
            }
            return Some(np);
        }
        self.chain_subject(tokens, e, floor)
    }

    /// Comma-separated chunks before `comma`: skip parentheticals, prefer a proper name in apposition.
    fn chain_subject(&self, tokens: &[Token], comma: usize, floor: usize) -> Option<Np> {
        let mut end = comma; // exclusive end of the current chunk
        let mut candidates: Vec<Np> = Vec::new();
        for _ in 0..5 {
            // "Sen. Ron Johnson (R-Wis.), who": step back over a parenthetical closing the chunk.
            if end > floor + 1 && tokens[end - 1].is_punct(')') {
                if let Some(open) = (end.saturating_sub(9).max(floor)..end - 1)
                    .rev()
                    .find(|&k| tokens[k].is_punct('('))
                {
                    end = open;
                }
            }
            // Chunk [start, end)
            let mut start = end;
            while start > floor
                && !tokens[start - 1].is_punct(',')
                && !matches!(
                    tokens[start - 1].kind,
                    Kind::Quote(_) | Kind::Punct(';' | ':' | '(' | ')' | '—')
                )
            {
                start -= 1;
            }
            if start >= end {
                break;
            }
            let head = &tokens[start];
            // "Sen. Richard J. Durbin (D-Ill.), noting the size of his following, said".
            // (A chunk opening with a past form is a clause of its own: "poured cold water when …".)
            let participial = !head.cap && head.is_word() && head.lower.ends_with("ing");
            let parenthetical = participial
                || !head.cap && (self.is_stop(head) && !DETERMINERS.contains(&head.lower.as_str()))
                || head.lower.chars().all(|c| c.is_ascii_digit())
                || (head.cap && is_opener(&head.lower) && !DETERMINERS.contains(&head.lower.as_str()));
            if !parenthetical {
                let np = self.np_ending_at(tokens, end - 1, start)?;
                // "a student from Memphis": the phrase with its prepositional phrases.
                let np = self.with_pps(tokens, start, end - 1, np).unwrap_or(np);
                let whole = np.first == start;
                candidates.push(np);
                if !whole {
                    break;
                }
            } else if head.is_word() && RELATIVES.contains(&head.lower.as_str()) {
                // a relative clause: keep going to its antecedent
            }
            if start == 0 || start <= floor || !tokens[start - 1].is_punct(',') {
                break;
            }
            end = start - 1;
        }
        let subject = *candidates.last()?;
        if subject.name.is_some() {
            return Some(subject);
        }
        // A name in apposition to the description: the mention spans both ("her senior policy
        // adviser, Jake Sullivan"), the name is the name.
        let k = candidates
            .iter()
            .rposition(|c| c.name.is_some() && c.name == Some((c.first, c.last)));
        let Some(k) = k else {
            return Some(subject);
        };
        let named = candidates[k];
        let described = candidates
            .get(k + 1)
            .filter(|d| d.name.is_none() && d.last + 2 == named.first && tokens[d.last + 1].is_punct(','));
        Some(described.map_or(named, |d| Np {
            first: d.first,
            ..named
        }))
    }

    /// The subject at the start of the clause that reaches token `before`, past an introductory phrase.
    fn clause_subject(&self, tokens: &[Token], before: usize, floor: usize) -> Option<Np> {
        let start = sentence_start(tokens, before).max(floor);
        // Clause starts nearest first: after each comma back to the sentence start.
        let mut end = before;
        loop {
            let mut k = end;
            while k > start && !tokens[k - 1].is_punct(',') {
                k -= 1;
            }
            // A subordinate clause inside the chunk is nearer than the chunk's own subject
            // ("…, where about 50 workers had gathered, chanting"); a relative pronoun before
            // its verb stands for its antecedent ("Ann Ford, who worked the crowd, praising").
            for s in (k..end)
                .rev()
                .filter(|&s| SUBORDINATORS.contains(&tokens[s].lower.as_str()))
            {
                if let Some(np) = self.subject_opening(tokens, s + 1, end, before) {
                    return Some(np);
                }
                if RELATIVES.contains(&tokens[s].lower.as_str()) && self.clause_verb(tokens, s + 1) {
                    if let Some(np) = self.antecedent(tokens, s, start) {
                        return Some(np);
                    }
                }
            }
            if let Some(np) = self.subject_opening(tokens, k, end, before) {
                return Some(np);
            }
            if k <= start {
                return None;
            }
            end = k - 1;
        }
    }

    /// The noun phrase opening a clause at token `k` (before `end`) when a verb follows it.
    fn subject_opening(&self, tokens: &[Token], k: usize, end: usize, before: usize) -> Option<Np> {
        // A counted subject ("about 50 protesters", "12 senators"): the count opens the phrase.
        let number = |i: usize| {
            tokens
                .get(i)
                .is_some_and(|t| t.lower.starts_with(|c: char| c.is_ascii_digit()))
        };
        let approximate = matches!(
            tokens[k].lower.as_str(),
            "about" | "around" | "nearly" | "roughly" | "some"
        );
        let counted = if number(k) {
            Some(k + 1)
        } else if approximate && number(k + 1) {
            Some(k + 2)
        } else {
            None
        };
        let mut np = match counted {
            Some(noun) => Np {
                first: k,
                ..self.np_starting_at(tokens, noun, end)?
            },
            None => self.np_starting_at(tokens, k, end)?,
        };
        // "Ann Ford took aim", "the campaign began": a past form inside the phrase is its verb.
        if let Some(verb) = (np.first + 1..=np.last).find(|&j| is_past_verb(&tokens[j])) {
            np = Np {
                last: verb - 1,
                name: self.proper_name(tokens, np.first, verb - 1),
                ..np
            };
        }
        let head = &tokens[np.first];
        let nominal = PRONOUNS.contains(&head.lower.as_str())
            || DETERMINERS.contains(&head.lower.as_str())
            || counted.is_some()
            || (np.first..=np.last).any(|i| tokens[i].cap || self.is_role(&tokens[i]));
        // "Rep. Ann Ford (D-Ore.) reacted": past a parenthetical.
        let mut after = np.last + 1;
        if tokens.get(after).is_some_and(|t| t.is_punct('(')) {
            if let Some(close) = (after + 1..(after + 9).min(end)).find(|&k| tokens[k].is_punct(')')) {
                after = close + 1;
            }
        }
        let verb = self.clause_verb(tokens, after);
        (nominal && verb && head.lower != "i" && np.last < before).then_some(np)
    }

    /// Token `i` can be a clause's verb (or an auxiliary or adverb before it).
    fn clause_verb(&self, tokens: &[Token], i: usize) -> bool {
        tokens.get(i).is_some_and(|t| {
            t.is_word() && !t.cap && !DETERMINERS.contains(&t.lower.as_str()) && (!self.is_stop(t) || self.is_adverb(t))
        })
    }

    /// The antecedent of the relative pronoun at token `rel`: the phrase before it, past the
    /// comma of a non-restrictive clause and a coordinated relative ("who … and who").
    fn antecedent(&self, tokens: &[Token], rel: usize, floor: usize) -> Option<Np> {
        let mut r = rel;
        // "who is running for Congress and who worked": the first relative of the chain.
        while let Some(first) = (floor..r)
            .rev()
            .take(12)
            .take_while(|&j| !tokens[j].is_punct(','))
            .find(|&j| tokens[j].lower == tokens[rel].lower)
        {
            r = first;
        }
        let mut e = r.checked_sub(1)?;
        if tokens[e].is_punct(',') {
            e = e.checked_sub(1)?;
        }
        if e < floor || !tokens[e].is_word() {
            return None;
        }
        let np = self.np_ending_at(tokens, e, floor)?;
        // "a male colleague in the Senate who": the phrase the prepositional phrase belongs to.
        let prep = np.first.checked_sub(1).filter(|&k| {
            k > floor
                && matches!(
                    tokens[k].lower.as_str(),
                    "of" | "in" | "at" | "from" | "with" | "for" | "on"
                )
        });
        match prep.and_then(|k| self.np_ending_at(tokens, k - 1, floor)) {
            Some(head) => Some(Np {
                first: head.first,
                last: e,
                name: head.name,
            }),
            None => Some(np),
        }
    }

    /// A paragraph ending with a colon introduces the quotation that opens the next one
    /// ("In a statement, the ministry said:", "Transcript as follows:"): the cue and
    /// subject of its last sentence, else the subject of a verbless introduction.
    pub fn introduction(&self, tokens: &[Token]) -> Option<Attribution> {
        let colon = tokens.len().checked_sub(1)?;
        if !tokens[colon].is_punct(':') || colon == 0 {
            return None;
        }
        if let Some(found) = self.before(tokens, colon) {
            return Some(found);
        }
        let np = self
            .colon_subject(tokens, colon)
            .or_else(|| self.clause_subject(tokens, colon, sentence_start(tokens, colon)))?;
        Some(Attribution {
            cue: (colon, colon),
            np: Some(np),
            according_to: false,
            adjacent: true,
        })
    }

    /// `X: “…”` with no cue verb: the sentence's first noun phrase followed by a verb
    /// ("A footnote in the report makes that clear:"), or a sentence that is only a name
    /// and an outlet ("Peggy Drexler, CNN:").
    pub fn colon_subject(&self, tokens: &[Token], colon: usize) -> Option<Np> {
        let start = sentence_start(tokens, colon);
        let np = self.np_starting_at(tokens, start, colon)?;
        let next = tokens.get(np.last + 1)?;
        if next.is_word() && !next.cap && np.last < colon {
            return Some(np);
        }
        let only_names = colon + 1 - start <= 9
            && np.name.is_some()
            && tokens[start..colon]
                .iter()
                .all(|t| t.is_punct(',') || (t.is_word() && (t.cap || t.lower == "of" || t.lower == "the")));
        // "Jeremy Lott, author:", "Rep. Trey Gowdy (R-S.C.):": a name and its description, no verb.
        let name_and_description = colon + 1 - start <= 12
            && np.name.is_some_and(|(_, last)| last == np.last)
            && next.is_punct(',') | next.is_punct('(')
            && !tokens[np.last + 1..colon].iter().any(|t| self.is_cue_word(t));
        (only_names || name_and_description).then_some(np)
    }
}

/// First token of the sentence of token `i`.
pub fn sentence_start(tokens: &[Token], i: usize) -> usize {
    let s = tokens[i].sentence;
    let mut k = i;
    let floor = i.saturating_sub(WINDOW * 2);
    while k > floor && tokens[k - 1].sentence == s {
        k -= 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    // Regular inflections with spelling changes are generated from a base form.
    #[test]
    fn inflects() {
        let f = inflections("admit");
        assert!(f.contains(&"admitted".to_string()) && f.contains(&"admits".to_string()));
        assert!(inflections("deny").contains(&"denied".to_string()));
        assert!(inflections("vow").contains(&"vowed".to_string()));
        assert!(inflections("note").contains(&"noting".to_string()));
    }
}
