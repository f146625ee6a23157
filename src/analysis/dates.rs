//! Temporal expressions: find them in running text and normalise them
//! (TIMEX3-style values) against a reference date. Never a guessed year.
//!
//! One combined regex (compiled once in [`DateFinder::new`]) finds every
//! candidate in a single left-to-right pass; its alternatives are ordered from
//! the most specific ("Tuesday, Aug. 20, 2019") to the least ("2019"), and a
//! few cheap context checks (the word before, the word after) reject the
//! candidates that are not dates ("Theresa May", "2000 people"). Values are
//! computed with chrono against the reference date. Expressions that need the
//! narrative date of the article ("In the afternoon", "later that day",
//! "at 2 p.m.") are anchored to the last day-precision date before them.

use super::text::{alphanumeric_bytes, ascii_run_end, sentences, ASCII_ALPHANUMERIC};
use crate::brief::{DateEntry, DateRef, Precision, TimexKind, Where};
use crate::document::Document;
use crate::lexicon::Lexicon;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;
use regex_automata::{meta, util::captures, Anchored, Input, PatternID, Span};
use rustc_hash::FxHashSet;
use std::ops::Range;
use std::sync::OnceLock;

/// What an expression needs from the narrative date to get its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Anchor {
    /// Nothing: the value (or its absence) is final.
    #[default]
    None,
    /// The narrative date shifted by `days`, with an optional part of day
    /// ("AF") or clock time (hours, minutes).
    Narrative {
        days: i64,
        part: Option<&'static str>,
        time: Option<(u32, u32)>,
    },
}

/// One temporal expression found in a piece of text.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeExpr {
    /// Byte offsets into the text searched, `[start, end)`, leading prepositions excluded.
    pub start: usize,
    pub end: usize,
    /// The same span in code points.
    pub char_start: usize,
    pub char_end: usize,
    pub text: String,
    /// TIMEX3-style value, `None` when the anchor is unknown.
    pub value: Option<String>,
    pub precision: Precision,
    pub kind: TimexKind,
    /// How the value depends on the narrative date (anaphoric expressions).
    pub anchor: Anchor,
}

impl TimeExpr {
    /// A calendar date or time (not a duration or a set) with a value.
    pub fn is_dated(&self) -> bool {
        matches!(self.kind, TimexKind::Date | TimexKind::Time) && self.value.is_some()
    }

    /// The day this expression names, when it names one ("2021-06-22", "2021-06-22TMO").
    pub fn day(&self) -> Option<NaiveDate> {
        let v = self.value.as_deref()?;
        if v.len() < 10 || !matches!(self.kind, TimexKind::Date | TimexKind::Time) {
            return None;
        }
        NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()
    }

    fn date_ref(&self) -> DateRef {
        DateRef {
            value: self.value.clone(),
            text: self.text.clone(),
        }
    }
}

/// The temporal expressions of a whole document, by where they stand.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentDates {
    pub headline: Vec<TimeExpr>,
    pub dateline: Option<DateRef>,
    /// The dateline's expression itself, for the `dates` list.
    pub dateline_expr: Option<TimeExpr>,
    /// The expression of a plain-text date line ("Friday, July 21, 2017"), listed with the dateline's.
    pub date_line: Option<TimeExpr>,
    pub captions: Vec<Vec<TimeExpr>>,
    /// Per caption, the body paragraphs before it where known (`Document::caption_at`).
    pub caption_at: Vec<usize>,
    /// Per body paragraph.
    pub body: Vec<Vec<TimeExpr>>,
}

impl DocumentDates {
    /// The `dates` list of the brief, in document order.
    pub fn entries(&self) -> Vec<DateEntry> {
        let entry = |e: &TimeExpr, location, paragraph: Option<usize>| DateEntry {
            text: e.text.clone(),
            value: e.value.clone(),
            precision: e.precision,
            kind: e.kind,
            location,
            paragraph,
            span: paragraph.map(|_| [e.char_start, e.char_end]),
        };
        let mut out: Vec<DateEntry> = self.headline.iter().map(|e| entry(e, Where::Headline, None)).collect();
        out.extend(
            self.date_line
                .iter()
                .chain(&self.dateline_expr)
                .map(|e| entry(e, Where::Dateline, None)),
        );
        // Captions stand where the article printed them when that is known, else before the body.
        let caption_at = |c: usize| self.caption_at.get(c).copied().unwrap_or(0);
        let mut captions = (0..self.captions.len()).peekable();
        for p in 0..=self.body.len() {
            while let Some(c) = captions.next_if(|&c| caption_at(c) <= p) {
                out.extend(self.captions[c].iter().map(|e| entry(e, Where::Caption, None)));
            }
            if let Some(exprs) = self.body.get(p) {
                out.extend(exprs.iter().map(|e| entry(e, Where::Body, Some(p))));
            }
        }
        out
    }

    /// The first date of caption `i`, for `captions[].date`.
    pub fn first_in_caption(&self, i: usize) -> Option<DateRef> {
        let exprs = self.captions.get(i)?;
        let e = exprs.iter().find(|e| e.is_dated()).or_else(|| exprs.first())?;
        Some(e.date_ref())
    }
}

/// The largest count of "N units ago" (or "later") given a calendar value: 10,000 decades stay inside chrono's
/// dates and an i32 year.
const MAX_UNITS_AGO: u64 = 10_000;

const MONTHS_FULL: &str = "January|February|March|April|May|June|July|August|September|October|November|December";
const WEEKDAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
/// Abbreviated months (then a dot or a word boundary) and weekdays (then a dot).
const MONTH_ABBREVIATIONS: &str = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
const WEEKDAY_ABBREVIATIONS: &str = "Mon|Tues|Tue|Wed|Thurs|Thu|Fri|Sat|Sun";
const NUMBER_WORDS: &str = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred";

/// Words after which a bare month name or a bare year is a date ("in May", "since 2018").
const TEMPORAL_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "during",
    "through",
    "throughout",
    "before",
    "after",
    "and",
    "or",
    "to",
    "between",
    "of",
    "around",
    "circa",
    "early",
    "late",
    "mid",
    "the",
    "last",
    "next",
    "this",
    "its",
    "year",
    "than",
    "fiscal",
    "for",
    "on",
    "at",
    "as",
    "into",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "end",
    "start",
    "beginning",
    "back",
    "ca",
    "c",
];

/// Words after which a bare year is one whatever follows ("in 2000 people moved" is rare; "to 2000 people" is not).
const YEAR_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "during",
    "through",
    "throughout",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "circa",
    "by",
    "the",
    "its",
    "year",
    "fiscal",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "back",
    "ca",
    "c",
];

/// Capitalised words that make a weekday a named day ("Good Friday").
const HOLIDAY_PREFIXES: &[&str] = &[
    "Good", "Black", "Super", "Ash", "Holy", "Cyber", "Easter", "Palm", "Bloody", "Maundy",
];

/// Compiled date patterns.
///
/// `re` (the alternatives as the patterns of one regex) finds each expression's
/// extent and which alternative matched it: leftmost-first over several patterns
/// prefers the first that matches, as an alternation does. Only that alternative's
/// own small regex then extracts the parts.
pub struct DateFinder {
    /// The alternatives, searched anchored at the places an expression can start (see [`extents`]).
    re: meta::Regex,
    /// Each alternative anchored at both ends, compiled on first use: a short run meets few of them.
    alternatives: Vec<(String, OnceLock<meta::Regex>)>,
    future: Regex,
    first_words: FirstWords,
}

/// Lazy-DFA cache of the union of date patterns, in bytes (per thread): enough for the states
/// news text reaches, so they are built once rather than rebuilt every few articles.
const DATE_DFA_CACHE: usize = 8 << 20;

/// The name of each alternative's outer group, in order.
const ALTERNATIVE_NAMES: [&str; 23] = [
    "iso", "dd", "my", "rng", "dec", "cent", "q", "ago", "set", "rel", "yend", "rday", "pod2", "ana", "pod", "wd",
    "tm", "t24", "noon", "dur", "mon", "sea", "yr",
];

/// The alternatives of the pattern, in the order they are tried at each position.
fn alternatives() -> Vec<String> {
    let b = r"(?-u:\b)";
    let month = format!(r"(?:(?:{MONTHS_FULL}){b}|(?:{MONTH_ABBREVIATIONS})(?:\.|{b}))");
    let wd_any = format!(r"(?:(?:{WEEKDAYS}){b}|(?:{WEEKDAY_ABBREVIATIONS})\.)");
    let num = format!(
        r"(?:[0-9]+(?:\.[0-9]+)?|(?i:(?:{NUMBER_WORDS})(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?))"
    );
    let pod = r"(?i:morning|afternoon|evening|night)";
    let ord = r"(?:st|nd|rd|th)?";
    let year = r"(?:1[5-9][0-9]{2}|20[0-9]{2})";
    let alternatives = [
        format!(r"(?P<iso>{b}(?P<iso_y>[12][0-9]{{3}})-(?P<iso_m>[01][0-9])-(?P<iso_d>[0-3][0-9]){b})"),
        format!(
            r"(?P<dd>{b}(?:[Tt]he\s+(?P<dd_pod>{pod})\s+of\s+)?(?:(?P<dd_wd>{wd_any}),?\s+)?(?:(?P<mdy_m>{month})\s*(?P<mdy_d>[0-3]?[0-9]){ord}{b}(?:,?\s*(?P<mdy_y>[12][0-9]{{3}}){b})?|(?:the\s+)?(?P<dmy_d>[0-3]?[0-9]){ord}\s+(?:of\s+)?(?P<dmy_m>{month})(?:,?\s+(?P<dmy_y>[12][0-9]{{3}}){b})?))"
        ),
        format!(
            r"(?P<my>{b}(?:(?i:early|late|mid)(?:-|\s+))?(?P<my_m>{month})\s*,?\s+(?:of\s+)?(?P<my_y>[12][0-9]{{3}}){b})"
        ),
        format!(
            r"(?P<rng>{b}(?:[Tt]he\s+)?(?P<rng_a>{year})(?:[-/]|\s*[–—]\s*)(?P<rng_b>[0-9]{{4}}|[0-9]{{2}}){b}(?P<rng_name>(?:\s+[A-Z][a-z]+){{1,3}}{b})?)"
        ),
        format!(
            r"(?P<dec>(?:{b}[Tt]he\s+)?(?:(?i:early|mid|late)[-\s]+)?(?:{b}(?P<dec_d>1[0-9]{{2}}|20[0-9])0s|'(?P<dec_s>[0-9])0s|(?P<dec_w>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))){b})"
        ),
        format!(
            r"(?P<cent>{b}[Tt]he\s+(?P<cent_n>[0-9]{{1,2}}(?:st|nd|rd|th)|(?i:twenty[-\s]first|twentieth|nineteenth|eighteenth|seventeenth|sixteenth))\s+(?i:century){b})"
        ),
        format!(
            r"(?P<q>{b}(?:[Tt]he\s+)?(?P<q_o>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))[-\s]quarter(?:\s+of\s+(?P<q_y>[12][0-9]{{3}}))?{b})"
        ),
        format!(
            r"(?P<ago>(?:{b}|\[)(?P<ago_n>{num}|(?i:a|an|a\s+few|few|several|a\s+couple\s+of))\]?\s+(?P<ago_u>(?i:minutes?|hours?|days?|weeks?|months?|years?|decades?))\s+(?P<ago_dir>(?i:ago|later|earlier)){b})"
        ),
        format!(
            r"(?P<set>{b}(?i:every|each)\s+(?P<set_u>{WEEKDAYS}|(?i:day|week|month|year|morning|afternoon|evening|night|weekend)){b})"
        ),
        format!(
            r"(?P<rel>{b}(?:(?P<rel_pre>(?i:earlier|later|early|late))\s+)?(?P<rel_mod>(?i:this\s+past|last|this|next|coming|previous|current|the\s+coming|the\s+previous|the))\s+(?P<rel_u>(?i:weekend|week|month|years?|decade|quarter)){b})"
        ),
        format!(
            r"(?P<yend>{b}(?i:the\s+end\s+of\s+(?:the|this)\s+(?P<yend_u>year|month|week)|(?:the\s+)?year[-\s]end){b})"
        ),
        format!(
            r"(?P<rday>{b}(?P<rday_w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight)){b})"
        ),
        format!(r"(?P<pod2>{b}(?P<pod2_m>(?i:this|last))\s+(?P<pod2_p>{pod}){b})"),
        format!(
            r"(?P<ana>{b}(?:(?P<ana_pre>(?i:earlier|later))\s+)?(?i:that|the\s+same)\s+(?P<ana_u>(?i:day|morning|afternoon|evening|night))|{b}(?i:the\s+(?P<ana_rel>next|following|previous)\s+(?P<ana_ru>day|morning|afternoon|evening|night))|{b}(?i:the\s+day\s+(?P<ana_b>before|after)){b})"
        ),
        format!(r"(?P<pod>{b}(?i:the)\s+(?P<pod_p>{pod}){b})"),
        format!(
            r"(?P<wd>{b}(?:(?P<wd_mod>(?i:this\s+coming|last|this|next|coming|previous|past))\s+)?(?P<wd_d>{WEEKDAYS}){b})"
        ),
        format!(
            r"(?P<tm>{b}(?P<tm_h>[01]?[0-9]|2[0-3])(?:[:.](?P<tm_m>[0-5][0-9]))?\s*(?P<tm_ap>(?i:[ap]\.m\.|[ap]\.m{b}|[ap]m{b}))(?:\s+(?P<tm_next>(?i:the\s+(?:next|following)\s+day)){b})?)"
        ),
        format!(
            r"(?P<t24>{b}(?P<t24_h>[01]?[0-9]|2[0-3]):(?P<t24_m>[0-5][0-9]){b}(?:\s*(?:GMT|UTC|KST|JST|EST|EDT|CST|CDT|PST|PDT|CET|CEST|BST){b})?(?:\s+(?P<t24_next>(?i:the\s+(?:next|following)\s+day)){b})?)"
        ),
        format!(r"(?P<noon>{b}(?P<noon_w>(?i:noon|midnight|midday)){b})"),
        format!(
            r"(?P<dur>{b}(?:(?P<dur_pre>(?i:the\s+past|the\s+last|the\s+next|the\s+coming|past|next))\s+)?(?P<dur_n>{num}|(?i:a|an|a\s+few|few|several|many))[\s-]+(?P<dur_u>(?i:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)){b}(?P<dur_old>[\s-]+(?i:olds?){b})?)"
        ),
        format!(
            r"(?P<mon>{b}(?:(?P<mon_mod>(?i:early|late|mid|last|next|this))(?:-|\s+))?(?P<mon_m>{MONTHS_FULL}){b})"
        ),
        format!(
            r"(?P<sea>{b}(?:(?P<sea_mod>(?i:last|this|next|early|late|the|past|coming))\s+)?(?P<sea_s>(?i:spring|summer|autumn|fall|winter)){b}(?:\s+(?:of\s+)?(?P<sea_y>[12][0-9]{{3}}){b})?)"
        ),
        format!(r"(?P<yr>{b}(?:(?i:early|late|mid)(?:-|\s+))?(?P<yr_y>{year}){b})"),
    ];
    alternatives.to_vec()
}

impl DateFinder {
    pub fn new(_lexicon: &Lexicon) -> Self {
        let alternatives = alternatives();
        DateFinder {
            // The union is big: with the default lazy-DFA cache (2 MB) the cache keeps filling
            // up, is cleared and the same states are rebuilt, article after article. It is
            // searched anchored, where a prefilter of its literals has nothing to skip.
            re: meta::Regex::builder()
                .configure(meta::Regex::config().hybrid_cache_capacity(DATE_DFA_CACHE).auto_prefilter(false))
                .build_many(&alternatives)
                .expect("static date pattern"),
            alternatives: alternatives.iter().map(|a| (format!("^(?:{a})$"), OnceLock::new())).collect(),
            future: Regex::new(
                r"(?i)(?:(?-u:\b)(?:will|won't|shall|would|going\s+to|scheduled|slated|due\s+to|set\s+to|plans?\s+to|planned|expected\s+to|is\s+to|are\s+to|to\s+be\s+held|upcoming)(?-u:\b)|['’]ll(?-u:\b))",
            )
            .expect("static future pattern"),
            first_words: FirstWords::new(),
        }
    }

    /// Every temporal expression of `text`, in order, normalised against `reference`.
    pub fn find(&self, text: &str, reference: Option<NaiveDate>) -> Vec<TimeExpr> {
        let mut exprs = self.find_raw(text, reference);
        let mut narrative = None;
        resolve(&mut exprs, &mut narrative);
        exprs
    }

    /// Every temporal expression of a document, by part.
    pub fn find_in_document(&self, doc: &Document, reference: Option<NaiveDate>) -> DocumentDates {
        let dateline_expr = doc
            .dateline
            .as_ref()
            .and_then(|d| d.date_text.as_deref())
            .and_then(|t| self.find(t, reference).into_iter().next());
        let mut narrative = None;
        let body = doc
            .paragraphs
            .iter()
            .map(|p| {
                let mut exprs = self.find_raw(p, reference);
                resolve(&mut exprs, &mut narrative);
                exprs
            })
            .collect();
        DocumentDates {
            headline: doc
                .headline
                .as_deref()
                .map(|h| self.find(h, reference))
                .unwrap_or_default(),
            dateline: dateline_expr.as_ref().map(TimeExpr::date_ref),
            dateline_expr,
            date_line: doc
                .date_line
                .as_deref()
                .and_then(|t| self.find(t, reference).into_iter().next()),
            captions: doc.captions.iter().map(|c| self.find(&c.text, reference)).collect(),
            caption_at: doc.caption_at.clone(),
            body,
        }
    }

    /// Alternative `i`, anchored at both ends. Only its groups are wanted, on an extent it is
    /// known to match: no DFA is built to find the match first (the backtracker takes the
    /// extent directly) and no prefilter, which also makes it cheap to compile.
    fn alternative(&self, i: usize) -> &meta::Regex {
        let (pattern, regex) = &self.alternatives[i];
        regex.get_or_init(|| {
            meta::Regex::builder()
                .configure(meta::Regex::config().hybrid(false).dfa(false).auto_prefilter(false))
                .build(pattern)
                .expect("static date pattern")
        })
    }

    /// Matches and values, before anaphoric expressions are anchored.
    fn find_raw(&self, text: &str, reference: Option<NaiveDate>) -> Vec<TimeExpr> {
        let mut ctx = Context {
            text,
            reference,
            sentences: None,
            future: &self.future,
        };
        let mut out: Vec<TimeExpr> = Vec::new();
        let (mut last_byte, mut last_char) = (0, 0);
        for (m, i) in self.extents(text) {
            let extent = &text[m.clone()];
            // Anchored on the extent alone, so no search: only the parts are extracted.
            let caps = match ALTERNATIVE_NAMES[i] {
                "yr" => Captures::of_year(extent),
                alt @ ("rday" | "noon" | "wd" | "mon") => Some(Captures::of_words(alt, extent)),
                // `(?i)` takes a Kelvin sign for the "k" of "weekend" and a long s for the "s" of
                // "last": not the ASCII letters [`Captures::modifier_and_name`] looks for.
                alt @ ("rel" | "pod" | "pod2") if extent.is_ascii() => Some(Captures::of_words(alt, extent)),
                _ => Captures::of(self.alternative(i), extent),
            };
            let Some(caps) = caps else {
                continue;
            };
            let Some(found) = interpret(ALTERNATIVE_NAMES[i], &caps, m.start, &mut ctx) else {
                continue;
            };
            let (start, end, value, precision, kind, anchor) = found;
            let text_slice = &text[start..end];
            let char_start = last_char + text[last_byte..start].chars().count();
            let char_end = char_start + text_slice.chars().count();
            last_byte = end;
            last_char = char_end;
            out.push(TimeExpr {
                start,
                end,
                char_start,
                char_end,
                text: text_slice.to_string(),
                value,
                precision,
                kind,
                anchor,
            });
        }
        anchor_times_in_sentence(&mut out, &mut ctx);
        out
    }

    /// The extents of the union's matches in `text`, left to right: those of `find_iter`, found by
    /// searching anchored only where a match can start ([`match_starts`]). The leftmost match is
    /// the one at the first such place where an anchored search matches, and an anchored search
    /// from a place that begins no date dies within a few bytes, where the unanchored search would
    /// scan the whole text with a much larger automaton (whose states are costly to build).
    /// Each with the index of the alternative that matched.
    fn extents(&self, text: &str) -> Vec<(Range<usize>, usize)> {
        let Some(starts) = match_starts(text, &self.first_words) else {
            return self
                .re
                .find_iter(text)
                .map(|m| (m.range(), m.pattern().as_usize()))
                .collect();
        };
        let mut out = Vec::new();
        let mut from = 0;
        for start in starts {
            if start < from {
                continue; // inside the previous match, which the search continues after
            }
            let input = Input::new(text).range(start..).anchored(Anchored::Yes);
            if let Some(m) = self.re.search(&input) {
                from = m.end();
                out.push((m.range(), m.pattern().as_usize()));
            }
        }
        out
    }
}

/// The words a match can begin with besides the month, weekday and number words of the patterns
/// ([`first_words`]), in lower case: with a digit, these begin every alternative but those
/// starting with "[" or "'" ([`match_starts`]).
#[rustfmt::skip]
const OTHER_FIRST_WORDS: &[&str] = &[
    "the", "a", "an", "few", "several", "many", "early", "late", "mid", "earlier", "later", "this", "that", "last",
    "next", "coming", "previous", "current", "past", "every", "each", "first", "second", "third", "fourth", "final",
    "year", "yesterday", "today", "tomorrow", "tonight", "noon", "midnight", "midday", "spring", "summer", "autumn",
    "fall", "winter", "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties",
];

/// Every word a match can begin with ("the", "last", "twenty", "June", "Tues"), and whether only
/// in the case given: the patterns take month and weekday names as written, the other words in
/// any case. The month, weekday and number words come from the lists the patterns are built from.
fn first_words() -> impl Iterator<Item = (&'static str, bool)> {
    let names = [MONTHS_FULL, MONTH_ABBREVIATIONS, WEEKDAYS, WEEKDAY_ABBREVIATIONS]
        .into_iter()
        .flat_map(|words| words.split('|'));
    OTHER_FIRST_WORDS
        .iter()
        .copied()
        .chain(NUMBER_WORDS.split('|'))
        .map(|word| (word, false))
        .chain(names.map(|word| (word, true)))
}

/// The longest of [`first_words`]: nine ASCII characters of seven bits each fit a `u64` key.
const FIRST_WORD_MAX: usize = 9;

/// The words that can follow "the" in a match, in lower case (with a digit or "'": "the 1990s",
/// "the '90s"): the most common first word is only a start before one of these.
#[rustfmt::skip]
const AFTER_THE: &[&str] = &[
    "morning", "afternoon", "evening", "night", "early", "mid", "late", "twenties", "thirties", "forties", "fifties",
    "sixties", "seventies", "eighties", "nineties", "twenty", "twentieth", "nineteenth", "eighteenth", "seventeenth",
    "sixteenth", "first", "second", "third", "fourth", "final", "coming", "previous", "weekend", "week", "month",
    "year", "years", "decade", "quarter", "end", "day", "same", "next", "following", "last", "past", "spring",
    "summer", "autumn", "fall", "winter",
];

/// The words that can follow "a" or "an" in a match ("a few days", "a week ago"), in lower case.
#[rustfmt::skip]
const AFTER_A: &[&str] = &[
    "few", "couple", "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "decade", "decades", "century", "centuries",
];

/// The words that can follow "this" in a match ("this week", "this past Monday", "this May"), in
/// lower case, besides the month and weekday names.
#[rustfmt::skip]
const AFTER_THIS: &[&str] = &[
    "past", "coming", "weekend", "week", "month", "year", "years", "decade", "quarter", "morning", "afternoon",
    "evening", "night", "spring", "summer", "autumn", "fall", "winter",
];

/// How the word after "that" begins in a match ("that day", "that morning"): the pattern ends
/// there without a word boundary.
const AFTER_THAT: &[&str] = &["day", "morning", "afternoon", "evening", "night"];

/// The words that can follow a number in a match, in lower case, besides the month names: a
/// unit ("5 years", "10-day"), "of" ("21st of June"), a clock's "am" or "pm" ("10 a.m.").
#[rustfmt::skip]
const AFTER_NUMBER: &[&str] = &[
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
    "year", "years", "decade", "decades", "century", "centuries", "of", "a", "p", "am", "pm",
];

/// The endings a word that begins with digits can have in a match, in lower case: "21st",
/// "1990s", "10am", "10a.m.".
const NUMBER_ENDINGS: &[&str] = &["st", "nd", "rd", "th", "s", "am", "pm", "a", "p"];

/// The units that can follow a number word or "several", "few", "many" in a match ("two years",
/// "several days ago"), in lower case, besides the digits of a compound number ("twenty-one").
#[rustfmt::skip]
const UNITS: &[&str] = &[
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
    "year", "years", "decade", "decades", "century", "centuries",
];

/// The compound numbers' second words ("twenty-one").
const DIGIT_WORDS: &[&str] = &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

/// The modifiers, which begin a match only before one of [`AFTER_MODIFIER`] (or a digit, or
/// "'": "mid-1990s", "early '90s").
const MODIFIERS: &[&str] = &[
    "last", "next", "past", "early", "late", "mid", "current", "previous", "coming", "earlier", "later",
];

/// The words that can follow one of [`MODIFIERS`] in a match, in lower case, besides the month,
/// weekday and number words: another modifier ("later this year", "earlier that day", "early
/// last week"), a unit ("last week", "the past few days"), a part of the day ("last night"), a
/// season, a decade ("the late nineties").
#[rustfmt::skip]
const AFTER_MODIFIER: &[&str] = &[
    "this", "that", "the", "past", "last", "next", "coming", "previous", "current", "weekend", "week", "month",
    "year", "years", "decade", "quarter", "a", "an", "few", "several", "many", "morning", "afternoon", "evening",
    "night", "spring", "summer", "autumn", "fall", "winter", "twenties", "thirties", "forties", "fifties", "sixties",
    "seventies", "eighties", "nineties",
];

/// What can follow "each" or "every" in a match ("every day", "each Monday"), in lower case,
/// besides the weekday names.
const AFTER_EVERY: &[&str] = &[
    "day",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
];

/// What a first word asks of the word after it.
#[derive(Clone, Copy, PartialEq)]
enum Next {
    Any,
    /// One of [`AFTER_THE`] or a digit.
    AfterThe,
    /// One of [`AFTER_A`].
    AfterA,
    /// One of [`AFTER_THIS`] or a month or weekday name.
    AfterThis,
    /// A word beginning with one of [`AFTER_THAT`].
    AfterThat,
    /// One of [`AFTER_NUMBER`] or a month name.
    AfterNumber,
    /// One of [`UNITS`] or [`DIGIT_WORDS`].
    AfterQuantity,
    /// One of [`AFTER_EVERY`] or a weekday name.
    AfterEvery,
    /// "quarter" ("first-quarter").
    AfterOrdinal,
    /// "end" ("year-end").
    AfterYear,
    /// One of [`AFTER_MODIFIER`], a month, weekday or number word, or a digit.
    AfterModifier,
}

/// [`first_words`] in the forms [`match_starts`] tests a word against.
struct FirstWords {
    /// By their first two letters in any case ([`FirstWords::pair`]), the lengths of the first
    /// words (bit `len`): most words of running text are ruled out by this one load.
    lengths: Box<[u16; 1024]>,
    /// By lower-cased first byte and length ([`FirstWords::bucket`]), the first words as
    /// [`word_key`]s, with what they ask of the next word and, for a word taken only as written,
    /// its [`exact_key`]: a few to compare, no hashing.
    keys: Vec<Vec<(u64, Next, Option<u64>)>>,
    after_the: FxHashSet<u64>,
    after_a: FxHashSet<u64>,
    after_this: FxHashSet<u64>,
    after_number: FxHashSet<u64>,
    after_quantity: FxHashSet<u64>,
    after_every: FxHashSet<u64>,
    after_modifier: FxHashSet<u64>,
}

impl FirstWords {
    fn new() -> Self {
        let mut lengths = Box::new([0u16; 1024]);
        let mut keys = vec![Vec::new(); 128 * (FIRST_WORD_MAX + 1)];
        let next = |word: &str| match word {
            "the" => Next::AfterThe,
            "a" | "an" => Next::AfterA,
            "this" => Next::AfterThis,
            "that" => Next::AfterThat,
            "several" | "few" | "many" => Next::AfterQuantity,
            "each" | "every" => Next::AfterEvery,
            "first" | "second" | "third" | "fourth" | "final" => Next::AfterOrdinal,
            "year" => Next::AfterYear,
            _ if MODIFIERS.contains(&word) => Next::AfterModifier,
            _ if NUMBER_WORDS.split('|').any(|n| n == word) => Next::AfterQuantity,
            _ => Next::Any,
        };
        // A word listed twice keeps its first entry: the one in any case.
        for (word, as_written) in first_words() {
            let bytes = word.as_bytes();
            lengths[Self::pair(bytes)] |= 1 << word.len();
            let bucket: &mut Vec<(u64, Next, Option<u64>)> = &mut keys[Self::bucket(bytes)];
            let key = word_key(bytes);
            if !bucket.iter().any(|&(k, _, _)| k == key) {
                bucket.push((key, next(word), as_written.then(|| exact_key(bytes))));
            }
        }
        let keyed = |words: &mut dyn Iterator<Item = &str>| {
            words
                .filter(|w| w.len() <= FIRST_WORD_MAX)
                .map(|w| word_key(w.as_bytes()))
                .collect()
        };
        let names = [MONTHS_FULL, WEEKDAYS].into_iter().flat_map(|words| words.split('|'));
        let months = [MONTHS_FULL, MONTH_ABBREVIATIONS]
            .into_iter()
            .flat_map(|words| words.split('|'));
        FirstWords {
            lengths,
            keys,
            after_the: keyed(&mut AFTER_THE.iter().copied()),
            after_a: keyed(&mut AFTER_A.iter().copied()),
            after_this: keyed(&mut AFTER_THIS.iter().copied().chain(names)),
            after_number: keyed(&mut AFTER_NUMBER.iter().copied().chain(months)),
            after_quantity: keyed(&mut UNITS.iter().chain(DIGIT_WORDS).copied()),
            after_every: keyed(&mut AFTER_EVERY.iter().copied().chain(WEEKDAYS.split('|'))),
            after_modifier: keyed(
                &mut [MONTHS_FULL, MONTH_ABBREVIATIONS, WEEKDAYS, NUMBER_WORDS]
                    .into_iter()
                    .flat_map(|words| words.split('|'))
                    .chain(AFTER_MODIFIER.iter().copied()),
            ),
        }
    }

    /// Where in `lengths` a word is: five bits of each of its first two bytes (of the first
    /// alone for a one-letter word), which tell a letter in any case from any other letter.
    fn pair(word: &[u8]) -> usize {
        let second = word.get(1).map_or(0, |&b| usize::from(b & 0x1F));
        usize::from(word[0] & 0x1F) << 5 | second
    }

    /// Whether `word`, a run of ASCII letters and digits not starting with a digit, may be one of
    /// the first words: `false` for most words, at the cost of one load.
    fn may_be(&self, word: &[u8]) -> bool {
        word.len() <= FIRST_WORD_MAX && self.lengths[Self::pair(word)] & 1 << word.len() != 0
    }

    /// Where in `keys` a word of at most [`FIRST_WORD_MAX`] bytes is.
    fn bucket(word: &[u8]) -> usize {
        (usize::from(word[0] | 0x20) & 0x7F) * (FIRST_WORD_MAX + 1) + word.len()
    }

    /// Whether `word`, a run of ASCII letters and digits not starting with a digit, is one of
    /// the first words in any case, and what it asks of the next word.
    fn get(&self, word: &[u8]) -> Option<Next> {
        if !self.may_be(word) {
            return None;
        }
        let key = word_key(word);
        let &(_, next, exact) = self.keys[Self::bucket(word)].iter().find(|&&(k, _, _)| k == key)?;
        exact.is_none_or(|exact| exact == exact_key(word)).then_some(next)
    }

    /// Whether `word` (a run of ASCII letters and digits) may follow a first word asking `next`.
    fn may_follow(&self, next: Next, word: &[u8]) -> bool {
        // Longer words are not keyed ("nineteenth"): let them through.
        let among = |set: &FxHashSet<u64>| word.len() > FIRST_WORD_MAX || set.contains(&word_key(word));
        match next {
            Next::Any => true,
            Next::AfterThe => word[0].is_ascii_digit() || among(&self.after_the),
            Next::AfterA => among(&self.after_a),
            Next::AfterThis => among(&self.after_this),
            Next::AfterNumber => among(&self.after_number),
            Next::AfterQuantity => among(&self.after_quantity),
            Next::AfterEvery => among(&self.after_every),
            Next::AfterModifier => word[0].is_ascii_digit() || among(&self.after_modifier),
            Next::AfterOrdinal => word.eq_ignore_ascii_case(b"quarter"),
            Next::AfterYear => word.eq_ignore_ascii_case(b"end"),
            Next::AfterThat => AFTER_THAT.iter().any(|start| {
                word.get(..start.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(start.as_bytes()))
            }),
        }
    }
}

/// A word of ASCII letters and digits up to [`FIRST_WORD_MAX`] long, as written, as one number:
/// seven bits a character.
fn exact_key(word: &[u8]) -> u64 {
    word.iter().rev().fold(0, |key, &b| key << 7 | u64::from(b))
}

/// A word of ASCII letters and digits up to [`FIRST_WORD_MAX`] long, lower-cased, as one number:
/// seven bits a character (`| 0x20` lower-cases a letter and leaves a digit as it is).
fn word_key(word: &[u8]) -> u64 {
    word.iter().rev().fold(0, |key, &b| key << 7 | u64::from(b | 0x20))
}

/// The end of the word (run of ASCII letters and digits) that starts at `start`.
fn word_end(bytes: &[u8], start: usize) -> usize {
    ascii_run_end(bytes, start + 1, bytes.len())
}

/// Gathers the low bit of each byte into the top byte (byte `j` to bit `56 + j`).
const GATHER: u64 = 0x0102_0408_1020_4080;

/// Bit `i` set when byte `at + i` of `bytes` is an ASCII letter or digit, for 64 bytes (none past
/// the end). `at` is inside `bytes`.
fn alphanumeric_block(bytes: &[u8], at: usize) -> u64 {
    let mut padded = [0u8; 64];
    let block = match bytes.get(at..at + 64) {
        Some(block) => block,
        None => {
            let rest = &bytes[at..];
            padded[..rest.len()].copy_from_slice(rest);
            &padded
        }
    };
    let mut bits = 0;
    for (k, chunk) in block.chunks_exact(8).enumerate() {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        bits |= (alphanumeric_bytes(x) >> 7).wrapping_mul(GATHER) >> 56 << (8 * k);
    }
    bits
}

/// Calls `f` with the start and end of each word of `bytes` (run of ASCII letters and digits),
/// in order: 64 bytes at a time, the words told by bit operations on which bytes are letters or
/// digits rather than byte by byte.
fn for_each_word(bytes: &[u8], mut f: impl FnMut(usize, usize)) {
    let mut block = 0;
    // Whether the last byte of the previous block is in a word, which then goes on.
    let mut carry = 0;
    while block < bytes.len() {
        let bits = alphanumeric_block(bytes, block);
        let mut starts = bits & !(bits << 1 | carry);
        while starts != 0 {
            let i = starts.trailing_zeros() as usize;
            let run = (!(bits >> i)).trailing_zeros() as usize;
            let end = if i + run < 64 {
                block + i + run
            } else {
                word_end(bytes, block + 63)
            };
            f(block + i, end);
            starts &= starts - 1;
        }
        carry = bits >> 63;
        block += 64;
    }
}

/// Whether `bytes` hold a long s ("ſ", C5 BF) or a Kelvin sign ("K", E2 84 AA).
fn has_long_s_or_kelvin(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(0xC5, 0xE2, bytes).any(|i| {
        let rest = &bytes[i..];
        rest.starts_with(&[0xC5, 0xBF]) || rest.starts_with(&[0xE2, 0x84, 0xAA])
    })
}

/// The byte offsets, in order, where a match of the union can start: a superset. Every
/// alternative but the decades begins at a word boundary with a digit or one of the first words,
/// or with "[" ("[two] days ago") or "'" ("'90s"). Words are runs of ASCII letters and digits, as
/// every word of the patterns is. `None` when the text holds a Kelvin sign or a long s, which
/// `(?i)` matches as "k" and "s": such text takes the plain search.
#[inline(never)]
fn match_starts(text: &str, first_words: &FirstWords) -> Option<Vec<usize>> {
    let bytes = text.as_bytes();
    if has_long_s_or_kelvin(bytes) {
        return None;
    }
    let mut starts = Vec::with_capacity(bytes.len() / 32);
    // Whether the text has a decade, which can also start inside a word ([`decades_inside`]).
    let mut decades = false;
    // A "the" or "a" waiting for the next word to tell whether it can begin a match.
    let mut waiting: Option<(usize, Next)> = None;
    // "[" and "'", which begin a match and end the wait of a "the" or "a" (kept whatever follows).
    let mut marks = memchr::memchr2_iter(b'[', b'\'', bytes);
    let mut next_mark = marks.next().unwrap_or(usize::MAX);
    for_each_word(bytes, |start, end| {
        while next_mark < start {
            starts.extend(waiting.take().map(|(start, _)| start));
            starts.push(next_mark);
            next_mark = marks.next().unwrap_or(usize::MAX);
        }
        let word = &bytes[start..end];
        decades |= word[word.len() - 1] | 0x20 == b's' && may_end_decade(word);
        if waiting.is_none() && !word[0].is_ascii_digit() && !first_words.may_be(word) {
            return; // most words: nothing to do
        }
        if let Some((first, next)) = waiting.take() {
            if first_words.may_follow(next, word) {
                starts.push(first);
            }
        }
        if word[0].is_ascii_digit() {
            match number_start(word, bytes.get(end).copied()) {
                Some(Next::Any) => starts.push(start),
                Some(next) => waiting = Some((start, next)),
                None => {}
            }
        } else if let Some(next) = first_words.get(word) {
            if next == Next::Any {
                starts.push(start);
            } else {
                waiting = Some((start, next));
            }
        }
    });
    while next_mark != usize::MAX {
        starts.extend(waiting.take().map(|(start, _)| start));
        starts.push(next_mark);
        next_mark = marks.next().unwrap_or(usize::MAX);
    }
    if decades {
        let inside = decades_inside(bytes);
        if !inside.is_empty() {
            starts.extend(inside);
            starts.sort_unstable();
        }
    }
    Some(starts)
}

/// Whether a word beginning with a digit can begin a match, given the byte after it, and what it
/// asks of the next word. Four digits can be a year, with anything after them. Other numbers
/// go on with a decimal or the minutes (".", ":"), "]" ("[2] days ago") or else the next word:
/// a unit, "of" or a month, "am" or "pm" ([`AFTER_NUMBER`]). Digits with letters are an
/// ordinal, a decade or a clock time ([`NUMBER_ENDINGS`]).
fn number_start(word: &[u8], after: Option<u8>) -> Option<Next> {
    let digits = word.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == word.len() {
        return match (digits, after) {
            (4, _) | (_, Some(b'.' | b':' | b']')) => Some(Next::Any),
            _ => Some(Next::AfterNumber),
        };
    }
    let ending = &word[digits..];
    NUMBER_ENDINGS
        .iter()
        .any(|e| ending.eq_ignore_ascii_case(e.as_bytes()))
        .then_some(Next::Any)
}

/// The places inside words where a decade can start ([`decade_inside`]): a second pass, for the
/// few texts that have a decade.
fn decades_inside(bytes: &[u8]) -> Vec<usize> {
    let mut inside = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if !ASCII_ALPHANUMERIC[usize::from(bytes[at])] {
            at += 1;
            continue;
        }
        let end = word_end(bytes, at);
        if let Some(offset) = decade_inside(&bytes[at..end]) {
            inside.push(at + offset);
        }
        at = end;
    }
    inside
}

/// Whether `word` (ending in "s") can end a decade: "1990s", "'90s" or a decade word ("sixties").
fn may_end_decade(word: &[u8]) -> bool {
    word.ends_with(b"0s") || word.len() >= 4 && word[word.len() - 4..].eq_ignore_ascii_case(b"ties")
}

/// Where inside `word` (after its first byte) a decade can begin, which no word boundary
/// precedes: "early", "mid" or "late" ending the word ("…mid 1990s") or a decade word ending it
/// ("…twenties"), in any case.
fn decade_inside(word: &[u8]) -> Option<usize> {
    const DECADE_WORDS: [&[u8]; 8] = [
        b"twenties",
        b"thirties",
        b"forties",
        b"fifties",
        b"sixties",
        b"seventies",
        b"eighties",
        b"nineties",
    ];
    let endings: &[&[u8]] = match word[word.len() - 1] | 0x20 {
        b'y' => &[b"early"],
        b'd' => &[b"mid"],
        b'e' => &[b"late"],
        b's' if may_end_decade(word) => &DECADE_WORDS,
        _ => return None,
    };
    endings.iter().find_map(|ending| {
        let offset = word.len().checked_sub(ending.len()).filter(|&o| o > 0)?;
        word[offset..].eq_ignore_ascii_case(ending).then_some(offset)
    })
}

type Found = (usize, usize, Option<String>, Precision, TimexKind, Anchor);

/// What the context checks need: the text, the reference, sentences (computed on demand).
struct Context<'a> {
    text: &'a str,
    reference: Option<NaiveDate>,
    sentences: Option<Vec<Range<usize>>>,
    future: &'a Regex,
}

impl Context<'_> {
    fn sentence_of(&mut self, byte: usize) -> Range<usize> {
        let text = self.text;
        let sentences = self.sentences.get_or_insert_with(|| sentences(text));
        sentences
            .iter()
            .find(|r| r.start <= byte && byte < r.end.max(r.start + 1))
            .cloned()
            .unwrap_or(0..text.len())
    }

    /// Whether the clause before `start` speaks of the future ("will meet on Monday").
    fn future_before(&mut self, start: usize) -> bool {
        let mut from = start.saturating_sub(80);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        // The last sentence of the window is the start of the expression's own sentence.
        let window = &self.text[from..start.max(from)];
        // The clause is the end of the window, and starts after a non-word character or at the
        // window's start: a match in it is a match in the window. Most windows have none, and
        // then need no splitting into sentences.
        if !self.future.is_match(window) {
            return false;
        }
        let window = sentences(window).last().map_or(window, |r| &window[r.start..]);
        let clause = window.rfind([',', ';', '—']).map_or(window, |i| {
            &window[i + window[i..].chars().next().map_or(1, char::len_utf8)..]
        });
        self.future.is_match(clause)
    }

    fn word_before(&self, start: usize) -> &str {
        let before = self.text[..start].trim_end();
        let cut = before
            .rfind(|c: char| !c.is_alphanumeric())
            .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
        &before[cut..]
    }

    fn char_before(&self, start: usize) -> Option<char> {
        self.text[..start].chars().next_back()
    }

    fn rest(&self, end: usize) -> &str {
        &self.text[end..]
    }
}

/// The groups of one alternative's match of a whole extent, as `regex::Captures` gives them.
struct Captures<'h> {
    /// `None` for the alternatives whose groups the extent itself tells ([`Captures::of_year`],
    /// [`Captures::of_words`]).
    caps: Option<captures::Captures>,
    /// The alternative, for the groups of `caps: None`.
    alt: &'static str,
    extent: &'h str,
}

/// One group of [`Captures`]: its offsets in the extent and its text.
#[derive(Clone, Copy)]
struct Group<'h> {
    start: usize,
    end: usize,
    text: &'h str,
}

impl<'h> Group<'h> {
    fn start(&self) -> usize {
        self.start
    }

    fn end(&self) -> usize {
        self.end
    }

    fn as_str(&self) -> &'h str {
        self.text
    }
}

impl<'h> Captures<'h> {
    /// The groups of `regex` matching `extent` from its start; `None` when it does not match.
    fn of(regex: &meta::Regex, extent: &'h str) -> Option<Self> {
        let mut caps = regex.create_captures();
        regex.search_captures(&Input::new(extent).anchored(Anchored::Yes), &mut caps);
        caps.is_match().then_some(Captures {
            caps: Some(caps),
            alt: "",
            extent,
        })
    }

    /// The groups of the year alternative ("yr") on an extent it matched ("2019", "mid-2020"):
    /// its pattern ends with the four digits of the year, so no regex need tell where they are.
    fn of_year(extent: &'h str) -> Option<Self> {
        let year = extent.len().checked_sub(4)?;
        extent.is_char_boundary(year).then_some(Captures {
            caps: None,
            alt: "yr",
            extent,
        })
    }

    /// The groups of an alternative that is one group of words ("rday": "yesterday"; "noon") or
    /// an optional modifier then a name ("wd": "next Monday"; "mon": "mid-June"), on an extent it
    /// matched: the name is the letters at its end, the modifier what comes before but its
    /// separator ("-" or white space).
    fn of_words(alt: &'static str, extent: &'h str) -> Self {
        Captures {
            caps: None,
            alt,
            extent,
        }
    }

    /// For "rel" ("later this year", "the coming week"): the earlier or later before the
    /// modifier, and the modifier. None of the modifiers begins with one of the former.
    fn relative_parts(&self) -> (Option<Span>, Span) {
        let before = &self.extent[..self.modifier_and_name().0.map_or(0, |span| span.end)];
        let first = before.find(char::is_whitespace).unwrap_or(before.len());
        let is_pre = ["earlier", "later", "early", "late"]
            .iter()
            .any(|pre| before[..first].eq_ignore_ascii_case(pre));
        if !is_pre {
            return (None, Span::from(0..before.len()));
        }
        let modifier = before.len() - before[first..].trim_start().len();
        (Some(Span::from(0..first)), Span::from(modifier..before.len()))
    }

    /// For "wd", "mon", "rel", "pod" and "pod2": the name at the end of the extent, and the
    /// modifier before it.
    fn modifier_and_name(&self) -> (Option<Span>, Span) {
        let len = self.extent.len();
        // The names are ASCII letters; white space or "-" comes before them.
        let name = len - self.extent.bytes().rev().take_while(u8::is_ascii_alphabetic).count();
        let before = &self.extent[..name];
        let modifier = before.strip_suffix('-').unwrap_or_else(|| before.trim_end());
        let modifier = (!modifier.is_empty()).then(|| Span::from(0..modifier.len()));
        (modifier, Span::from(name..len))
    }

    fn group(&self, span: Span) -> Group<'h> {
        Group {
            start: span.start,
            end: span.end,
            text: &self.extent[span.range()],
        }
    }

    fn get(&self, index: usize) -> Option<Group<'h>> {
        match &self.caps {
            Some(caps) => caps.get_group(index).map(|span| self.group(span)),
            None => (index == 0).then(|| self.group(Span::from(0..self.extent.len()))),
        }
    }

    /// The group named `name`: a few names to compare, where the group index would hash it.
    fn name(&self, name: &str) -> Option<Group<'h>> {
        let Some(caps) = &self.caps else {
            let len = self.extent.len();
            return match (self.alt, name) {
                ("yr", "yr")
                | ("rday", "rday" | "rday_w")
                | ("noon", "noon" | "noon_w")
                | ("wd", "wd")
                | ("mon", "mon") => self.get(0),
                ("yr", "yr_y") => Some(self.group(Span::from(len - 4..len))),
                ("wd", "wd_d") | ("mon", "mon_m") | ("rel", "rel_u") => Some(self.group(self.modifier_and_name().1)),
                ("rel", "rel") | ("pod", "pod") | ("pod2", "pod2") => self.get(0),
                ("pod", "pod_p") | ("pod2", "pod2_p") => Some(self.group(self.modifier_and_name().1)),
                ("pod2", "pod2_m") => self.modifier_and_name().0.map(|span| self.group(span)),
                ("rel", "rel_pre") => self.relative_parts().0.map(|span| self.group(span)),
                ("rel", "rel_mod") => Some(self.group(self.relative_parts().1)),
                ("wd", "wd_mod") | ("mon", "mon_mod") => self.modifier_and_name().0.map(|span| self.group(span)),
                _ => None,
            };
        };
        let index = caps
            .group_info()
            .pattern_names(PatternID::ZERO)
            .position(|n| n == Some(name))?;
        self.get(index)
    }
}

fn group<'h>(caps: &Captures<'h>, name: &str) -> Option<&'h str> {
    caps.name(name).map(|m| m.as_str())
}

fn lower(s: &str) -> String {
    if !s.contains(char::is_whitespace) {
        return s.to_ascii_lowercase(); // one word: nothing to split and join
    }
    s.to_ascii_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Dispatches one match to its interpretation; `None` rejects it.
///
/// `caps` are of the matched extent alone, which starts at byte `base` of the text.
fn interpret(alt: &str, caps: &Captures, base: usize, ctx: &mut Context) -> Option<Found> {
    let whole = caps.get(0)?;
    let (start, end) = (base + whole.start(), base + whole.end());
    let r = ctx.reference;
    let date = |v: Option<String>, p| Some((start, end, v, p, TimexKind::Date, Anchor::None));
    if alt == "iso" {
        let d = ymd(group(caps, "iso_y")?, group(caps, "iso_m")?, group(caps, "iso_d")?)?;
        return date(Some(day_value(d)), Precision::Day);
    }
    if alt == "dd" {
        return interpret_day(caps, ctx, start, end);
    }
    if alt == "my" {
        let m = month_number(group(caps, "my_m")?)?;
        return date(Some(format!("{}-{m:02}", group(caps, "my_y")?)), Precision::Month);
    }
    if alt == "rng" {
        let a: i32 = group(caps, "rng_a")?.parse().ok()?;
        let raw_b = group(caps, "rng_b")?;
        let mut b: i32 = raw_b.parse().ok()?;
        if raw_b.len() == 2 {
            b += a / 100 * 100;
        }
        if b <= a || b - a > 100 {
            // "2021-06": not a range; take the year alone.
            let m = caps.name("rng_a")?;
            if !year_ok(ctx, base + m.start(), base + m.end()) {
                return None;
            }
            return Some((
                base + m.start(),
                base + m.end(),
                Some(a.to_string()),
                Precision::Year,
                TimexKind::Date,
                Anchor::None,
            ));
        }
        let text = whole.as_str();
        // "the" belongs to the expression only with the event it names ("the 1950-1953 Korean War").
        let start = if caps.name("rng_name").is_none() && text.starts_with(['T', 't']) {
            base + caps.name("rng_a")?.start()
        } else {
            start
        };
        return Some((
            start,
            end,
            Some(format!("{a}/{b}")),
            Precision::Range,
            TimexKind::Date,
            Anchor::None,
        ));
    }
    if alt == "dec" {
        let value = if let Some(d) = group(caps, "dec_d") {
            format!("{d}X")
        } else if let Some(s) = group(caps, "dec_s") {
            let d: u32 = s.parse().ok()?;
            if d <= 2 {
                format!("20{d}X")
            } else {
                format!("19{d}X")
            }
        } else {
            let w = lower(group(caps, "dec_w")?);
            if !whole.as_str().to_ascii_lowercase().starts_with("the") {
                return None; // "in their sixties" is an age.
            }
            let d = [
                "twenties",
                "thirties",
                "forties",
                "fifties",
                "sixties",
                "seventies",
                "eighties",
                "nineties",
            ]
            .iter()
            .position(|x| *x == w)?
                + 2;
            format!("19{d}X")
        };
        return date(Some(value), Precision::Decade);
    }
    if alt == "cent" {
        let n = lower(group(caps, "cent_n")?);
        let n: u32 = match n.as_str() {
            "twenty-first" | "twenty first" => 21,
            "twentieth" => 20,
            "nineteenth" => 19,
            "eighteenth" => 18,
            "seventeenth" => 17,
            "sixteenth" => 16,
            other => other.trim_end_matches(char::is_alphabetic).parse().ok()?,
        };
        if !(1..=30).contains(&n) {
            return None;
        }
        return date(Some(format!("{:02}00/{:02}99", n - 1, n - 1)), Precision::Range);
    }
    if alt == "q" {
        let q = match lower(group(caps, "q_o")?).as_str() {
            "first" | "1st" => 1,
            "second" | "2nd" => 2,
            "third" | "3rd" => 3,
            _ => 4,
        };
        let y = match group(caps, "q_y") {
            Some(y) => Some(y.parse::<i32>().ok()?),
            None => r.map(|r| r.year()),
        };
        return date(y.map(|y| format!("{y}-Q{q}")), Precision::Quarter);
    }
    if alt == "ago" {
        let n = number(group(caps, "ago_n")?);
        let unit = lower(group(caps, "ago_u")?);
        let unit = unit.trim_end_matches('s');
        let direction = lower(group(caps, "ago_dir")?);
        if direction != "ago" {
            // "two days later" counts from the narrative date; "two years later" stays a duration.
            let sign = if direction == "later" { 1 } else { -1 };
            if let (Some(n @ ..=MAX_UNITS_AGO), "day" | "week") = (n, unit) {
                let days = sign * n as i64 * if unit == "week" { 7 } else { 1 };
                let anchor = Anchor::Narrative {
                    days,
                    part: None,
                    time: None,
                };
                return Some((start, end, None, Precision::Day, TimexKind::Date, anchor));
            }
            let unit_end = base + caps.name("ago_u")?.end();
            let value = duration_value(&duration_number(group(caps, "ago_n")?)?, unit);
            return Some((
                start,
                unit_end,
                Some(value),
                Precision::Duration,
                TimexKind::Duration,
                Anchor::None,
            ));
        }
        let (value, precision) = match (r, n) {
            // Beyond the calendar ("3513715568177 hours ago"): no value rather than an overflow.
            (Some(r), Some(n)) if n <= MAX_UNITS_AGO => {
                let n = n as i64;
                match unit {
                    "minute" | "hour" => {
                        let days = if unit == "hour" { n / 24 } else { n / 1440 };
                        (Some(day_value(r - Duration::days(days))), Precision::Day)
                    }
                    "day" => (Some(day_value(r - Duration::days(n))), Precision::Day),
                    "week" => (Some(week_value(r - Duration::days(7 * n))), Precision::Week),
                    "month" => {
                        let (y, m) = add_months(r.year(), r.month(), -(n as i32));
                        (Some(format!("{y}-{m:02}")), Precision::Month)
                    }
                    "decade" => (Some((r.year() - 10 * n as i32).to_string()), Precision::Year),
                    _ => (Some((r.year() - n as i32).to_string()), Precision::Year),
                }
            }
            _ => (None, unit_precision(unit)),
        };
        return date(value, precision);
    }
    if alt == "set" {
        let u = group(caps, "set_u")?;
        let value = match weekday(u) {
            Some(w) => format!("XXXX-WXX-{}", w.number_from_monday()),
            None => match lower(u).as_str() {
                "day" => "P1D".to_string(),
                "week" => "P1W".to_string(),
                "weekend" => "XXXX-WXX-WE".to_string(),
                "month" => "P1M".to_string(),
                "year" => "P1Y".to_string(),
                other => format!("XXXX-XX-XXT{}", part_code(other)?),
            },
        };
        return Some((start, end, Some(value), Precision::Set, TimexKind::Set, Anchor::None));
    }
    if alt == "rel" {
        return interpret_relative(caps, ctx, start, end);
    }
    if alt == "yend" {
        let unit = group(caps, "yend_u").map_or_else(|| "year".to_string(), lower);
        let precision = match unit.as_str() {
            "week" => Precision::Week,
            "month" => Precision::Month,
            _ => Precision::Year,
        };
        let value = r.map(|r| match unit.as_str() {
            "week" => week_value(r),
            "month" => format!("{}-{:02}", r.year(), r.month()),
            _ => r.year().to_string(),
        });
        return date(value, precision);
    }
    if alt == "rday" {
        let w = lower(group(caps, "rday_w")?);
        let before = ctx.word_before(start);
        if whole.as_str().starts_with('T') && before.starts_with(char::is_uppercase) && ctx.text[..start].ends_with(' ')
        {
            return None; // "USA Today", "Korea Today": a title
        }
        let offset = match w.as_str() {
            "yesterday" => -1,
            "tomorrow" => 1,
            "the day before yesterday" => -2,
            "the day after tomorrow" => 2,
            _ => 0,
        };
        // "yesterday afternoon" is dated by its day; "tonight" is a part of day itself.
        let part = (w == "tonight").then_some("NI");
        let value = r.map(|r| with_part(r + Duration::days(offset), part));
        let (precision, kind) = if part.is_some() {
            (Precision::Time, TimexKind::Time)
        } else {
            (Precision::Day, TimexKind::Date)
        };
        return Some((start, end, value, precision, kind, Anchor::None));
    }
    if alt == "pod2" {
        let part = part_code(&lower(group(caps, "pod2_p")?))?;
        let offset = if lower(group(caps, "pod2_m")?) == "last" { -1 } else { 0 };
        if offset == 0 && part == "NI" {
            // "this night" is rare; "tonight" covers it.
            return None;
        }
        let value = r.map(|r| with_part(r + Duration::days(offset), Some(part)));
        return Some((start, end, value, Precision::Time, TimexKind::Time, Anchor::None));
    }
    if alt == "ana" {
        let (days, unit) = if let Some(rel) = group(caps, "ana_rel") {
            (
                if lower(rel) == "previous" { -1 } else { 1 },
                lower(group(caps, "ana_ru")?),
            )
        } else if let Some(b) = group(caps, "ana_b") {
            (if lower(b) == "before" { -1 } else { 1 }, "day".to_string())
        } else {
            (0, lower(group(caps, "ana_u")?))
        };
        let part = if unit == "day" { None } else { Some(part_code(&unit)?) };
        let (precision, kind) = if part.is_some() {
            (Precision::Time, TimexKind::Time)
        } else {
            (Precision::Day, TimexKind::Date)
        };
        return Some((
            start,
            end,
            None,
            precision,
            kind,
            Anchor::Narrative { days, part, time: None },
        ));
    }
    if alt == "pod" {
        let before = ctx.word_before(start).to_ascii_lowercase();
        if !matches!(
            before.as_str(),
            "in" | "during" | "throughout" | "by" | "until" | "through" | "early" | "late"
        ) {
            return None;
        }
        let part = part_code(&lower(group(caps, "pod_p")?))?;
        return Some((
            start,
            end,
            None,
            Precision::Time,
            TimexKind::Time,
            Anchor::Narrative {
                days: 0,
                part: Some(part),
                time: None,
            },
        ));
    }
    if alt == "wd" {
        let w = weekday(group(caps, "wd_d")?)?;
        let modifier = group(caps, "wd_mod").map(lower);
        if modifier.is_none() && HOLIDAY_PREFIXES.contains(&ctx.word_before(start)) {
            return None; // "Good Friday", "Super Tuesday": named days, not the last such weekday
        }
        let direction = match modifier.as_deref() {
            Some("next" | "coming" | "this coming") => Direction::After,
            Some("last" | "previous" | "past") => Direction::Before,
            _ if ctx.future_before(start) => Direction::OnOrAfter,
            _ => Direction::OnOrBefore,
        };
        // "Thursday night" is dated by its day: the span is the weekday.
        return date(r.map(|r| day_value(resolve_weekday(r, w, direction))), Precision::Day);
    }
    if alt == "tm" {
        let mut h: u32 = group(caps, "tm_h")?.parse().ok()?;
        let m: u32 = group(caps, "tm_m").map_or(Some(0), |m| m.parse().ok())?;
        if !(1..=12).contains(&h)
            || matches!(ctx.char_before(start), Some(c) if c.is_ascii_digit() || c == '.' || c == ',' || c == '$')
        {
            return None;
        }
        let pm = group(caps, "tm_ap")?.to_ascii_lowercase().starts_with('p');
        if pm && h < 12 {
            h += 12;
        } else if !pm && h == 12 {
            h = 0;
        }
        return Some(time_expr(start, end, h, m, caps.name("tm_next").is_some()));
    }
    if alt == "t24" {
        if matches!(ctx.char_before(start), Some(c) if c.is_ascii_digit() || c == ':' || c == '.' || c == ',')
            || ctx.rest(end).starts_with([':', '.']) && ctx.rest(end)[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            return None;
        }
        let h: u32 = group(caps, "t24_h")?.parse().ok()?;
        let m: u32 = group(caps, "t24_m")?.parse().ok()?;
        return Some(time_expr(start, end, h, m, caps.name("t24_next").is_some()));
    }
    if alt == "noon" {
        let h = if lower(group(caps, "noon_w")?) == "midnight" {
            0
        } else {
            12
        };
        return Some(time_expr(start, end, h, 0, false));
    }
    if alt == "dur" {
        if caps.name("dur_old").is_some() {
            return None; // "a five-year-old boy" is an age.
        }
        let unit = lower(group(caps, "dur_u")?);
        let raw_n = group(caps, "dur_n")?;
        let n = duration_number(raw_n)?;
        if !unit.ends_with('s') && raw_n.len() == 4 && raw_n.starts_with(['1', '2']) {
            // "World Cup 2018 day five": a year, not 2018 days.
            let m = caps.name("dur_n")?;
            if base + m.start() != start || !year_ok(ctx, base + m.start(), base + m.end()) {
                return None;
            }
            return Some((
                start,
                base + m.end(),
                Some(raw_n.to_string()),
                Precision::Year,
                TimexKind::Date,
                Anchor::None,
            ));
        }
        let value = duration_value(&n, unit.trim_end_matches('s'));
        return Some((
            start,
            end,
            Some(value),
            Precision::Duration,
            TimexKind::Duration,
            Anchor::None,
        ));
    }
    if alt == "mon" {
        let modifier = group(caps, "mon_mod").map(lower);
        if modifier.is_none() {
            let before = ctx.word_before(start).to_ascii_lowercase();
            if !TEMPORAL_PREPOSITIONS.contains(&before.as_str()) || before == "the" {
                return None; // "Theresa May", "March on Washington".
            }
        }
        let m = month_number(group(caps, "mon_m")?)?;
        let value = r.map(|r| {
            let y = match modifier.as_deref() {
                Some("last") => {
                    if m < r.month() {
                        r.year()
                    } else {
                        r.year() - 1
                    }
                }
                Some("next") => {
                    if m > r.month() {
                        r.year()
                    } else {
                        r.year() + 1
                    }
                }
                _ => {
                    let future = ctx.future_before(start);
                    month_year(r, m, future)
                }
            };
            format!("{y}-{m:02}")
        });
        return date(value, Precision::Month);
    }
    if alt == "sea" {
        let season = lower(group(caps, "sea_s")?);
        let modifier = group(caps, "sea_mod").map(lower);
        let year = group(caps, "sea_y");
        if season == "fall" && modifier.is_none() && year.is_none() {
            return None; // the verb
        }
        let word = group(caps, "sea_s")?;
        if year.is_none()
            && word.starts_with(char::is_uppercase)
            && ctx.rest(end).trim_start().starts_with(char::is_uppercase)
        {
            return None; // "the Summer Olympics", "Spring Festival": a name
        }
        // "the fall of Saigon" is no season; "in the fall" is.
        let bare = modifier.is_none() || modifier.as_deref() == Some("the") && season == "fall";
        if bare && year.is_none() {
            let before = ctx.word_before(start).to_ascii_lowercase();
            if !matches!(
                before.as_str(),
                "in" | "since"
                    | "until"
                    | "by"
                    | "during"
                    | "through"
                    | "throughout"
                    | "over"
                    | "this"
                    | "last"
                    | "next"
            ) {
                return None;
            }
        }
        let (code, first_month) = match season.as_str() {
            "spring" => ("SP", 3),
            "summer" => ("SU", 6),
            "autumn" | "fall" => ("FA", 9),
            _ => ("WI", 12),
        };
        let y = match year {
            Some(y) => Some(y.parse::<i32>().ok()?),
            None => r.map(|r| season_year(r, first_month, modifier.as_deref().unwrap_or(""))),
        };
        return date(y.map(|y| format!("{y}-{code}")), Precision::Season);
    }
    if alt == "yr" {
        let m = caps.name("yr_y")?;
        // "mid-2020": the modifier vouches for the year.
        if m.start() == 0 && !year_ok(ctx, base + m.start(), base + m.end()) {
            return None;
        }
        return date(Some(m.as_str().to_string()), Precision::Year);
    }
    None
}

/// "June 22", "22 June 2021", "Tuesday, Aug. 20", "the morning of June 22".
fn interpret_day(caps: &Captures, ctx: &mut Context, start: usize, end: usize) -> Option<Found> {
    let (m, d, y) = match group(caps, "mdy_m") {
        Some(m) => (m, group(caps, "mdy_d")?, group(caps, "mdy_y")),
        None => (group(caps, "dmy_m")?, group(caps, "dmy_d")?, group(caps, "dmy_y")),
    };
    let month = month_number(m)?;
    let day: u32 = d.parse().ok()?;
    if !(1..=31).contains(&day) {
        return None;
    }
    let wd = group(caps, "dd_wd").and_then(weekday);
    let value = match (y, ctx.reference) {
        (Some(y), _) => Some(NaiveDate::from_ymd_opt(y.parse().ok()?, month, day)?),
        (None, Some(r)) => {
            let future = ctx.future_before(start);
            day_year(r, month, day, wd, future)
        }
        (None, None) => None,
    };
    if y.is_none() && ctx.reference.is_none() && NaiveDate::from_ymd_opt(2000, month, day).is_none() {
        return None; // "February 30"
    }
    let part = match group(caps, "dd_pod") {
        Some(p) => Some(part_code(&lower(p))?),
        None => None,
    };
    let value = value.map(|v| with_part(v, part));
    let (precision, kind) = if part.is_some() {
        (Precision::Time, TimexKind::Time)
    } else {
        (Precision::Day, TimexKind::Date)
    };
    Some((start, end, value, precision, kind, Anchor::None))
}

/// "last week", "this year", "earlier this month", "the weekend".
fn interpret_relative(caps: &Captures, ctx: &mut Context, start: usize, end: usize) -> Option<Found> {
    let unit = lower(group(caps, "rel_u")?);
    let unit = unit.trim_end_matches('s');
    let modifier = lower(group(caps, "rel_mod")?);
    if group(caps, "rel_u")?.ends_with(['s', 'S']) && modifier != "this" {
        return None; // "in last years" is a span, not a year; "this years" is a slip for "this year's".
    }
    if modifier == "the" && unit != "weekend" {
        return None; // "the week", "the year" are anaphoric or generic
    }
    let offset: i64 = match modifier.as_str() {
        "last" | "previous" | "the previous" | "this past" => -1,
        "next" | "coming" | "the coming" => 1,
        _ => 0,
    };
    let precision = match unit {
        "weekend" | "week" => Precision::Week,
        "month" => Precision::Month,
        "quarter" => Precision::Quarter,
        "decade" => Precision::Decade,
        _ => Precision::Year,
    };
    let Some(r) = ctx.reference else {
        return Some((start, end, None, precision, TimexKind::Date, Anchor::None));
    };
    let value = match unit {
        "week" => week_value(r + Duration::days(7 * offset)),
        "weekend" => {
            let monday = r - Duration::days(r.weekday().num_days_from_monday() as i64);
            let this_week = if offset == 0 {
                // Early in the week "this weekend" is the one just past, unless the sentence looks ahead.
                if r.weekday().num_days_from_monday() <= 2 && !ctx.future_before(start) {
                    -1
                } else {
                    0
                }
            } else if offset < 0 {
                -1
            } else {
                1
            };
            format!("{}-WE", week_value(monday + Duration::days(7 * this_week)))
        }
        "month" => {
            let (y, m) = add_months(r.year(), r.month(), offset as i32);
            format!("{y}-{m:02}")
        }
        "quarter" => {
            let q = (r.month0() / 3) as i64 + offset;
            let (y, q) = (r.year() + q.div_euclid(4) as i32, q.rem_euclid(4) + 1);
            format!("{y}-Q{q}")
        }
        "decade" => format!("{}X", r.year() / 10 + offset as i32),
        _ => (r.year() + offset as i32).to_string(),
    };
    Some((start, end, Some(value), precision, TimexKind::Date, Anchor::None))
}

/// A clock time on the narrative day, or the day after it ("2:30 the next day").
fn time_expr(start: usize, end: usize, h: u32, m: u32, next_day: bool) -> Found {
    (
        start,
        end,
        None,
        Precision::Time,
        TimexKind::Time,
        Anchor::Narrative {
            days: i64::from(next_day),
            part: None,
            time: Some((h, m)),
        },
    )
}

/// A bare 4-digit year must look like one: not an amount ("2000 people", "$1500", "2,000").
fn year_ok(ctx: &Context, start: usize, end: usize) -> bool {
    if matches!(ctx.char_before(start), Some(c) if c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '#' | '.' | ',' | ':' | '/' | '-' | '+'))
    {
        return false;
    }
    let rest = ctx.rest(end);
    let mut chars = rest.chars();
    match chars.next() {
        Some('%' | '-' | '/' | ':' | '+' | '×') => return false,
        Some('.' | ',') if chars.next().is_some_and(|c| c.is_ascii_digit()) => return false,
        _ => {}
    }
    let before = ctx.word_before(start);
    if YEAR_PREPOSITIONS.contains(&before.to_ascii_lowercase().as_str()) {
        return true;
    }
    // "World Cup 2018", "Expo Canada 2016"; "2000 - 2050"; "from 2006 to 2009".
    let before_text = ctx.text[..start].trim_end();
    if matches!(before, "to" | "and" | "or" | "through")
        && before_text[..before_text.len() - before.len()]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    if before.starts_with(char::is_uppercase) && before_text.ends_with(char::is_alphabetic)
        || before_text
            .strip_suffix(['-', '–', '—'])
            .is_some_and(|t| t.trim_end().ends_with(|c: char| c.is_ascii_digit()))
    {
        return true;
    }
    // Otherwise only when no lower-case word follows ("2000 people").
    let next = rest.trim_start();
    let lower_word_follows = rest.starts_with(char::is_whitespace) && next.starts_with(|c: char| c.is_lowercase());
    !lower_word_follows || next.starts_with("and ") || next.starts_with("to ")
}

/// Times and anaphoric expressions take a day named in their own sentence first.
fn anchor_times_in_sentence(exprs: &mut [TimeExpr], ctx: &mut Context) {
    for i in 0..exprs.len() {
        let Anchor::Narrative {
            days,
            time: Some((h, m)),
            ..
        } = exprs[i].anchor
        else {
            continue;
        };
        let sentence = ctx.sentence_of(exprs[i].start);
        let day = exprs
            .iter()
            .filter(|e| e.start >= sentence.start && e.end <= sentence.end && e.anchor == Anchor::None)
            .find_map(TimeExpr::day);
        if let Some(day) = day {
            exprs[i].value = Some(format!("{}T{h:02}:{m:02}", day_value(day + Duration::days(days))));
            exprs[i].anchor = Anchor::None;
        }
    }
}

/// Anchors narrative-dependent expressions to the last day named before them, in order.
fn resolve(exprs: &mut [TimeExpr], narrative: &mut Option<NaiveDate>) {
    for e in exprs.iter_mut() {
        if let Anchor::Narrative { days, part, time } = e.anchor {
            if e.value.is_none() {
                if let Some(n) = *narrative {
                    let day = n + Duration::days(days);
                    e.value = Some(match time {
                        Some((h, m)) => format!("{}T{h:02}:{m:02}", day_value(day)),
                        None => with_part(day, part),
                    });
                }
            }
        }
        if let Some(day) = e.day() {
            *narrative = Some(day);
        }
    }
}

#[derive(Clone, Copy)]
enum Direction {
    Before,
    OnOrBefore,
    OnOrAfter,
    After,
}

fn resolve_weekday(r: NaiveDate, w: Weekday, direction: Direction) -> NaiveDate {
    let back = (7 + r.weekday().num_days_from_monday() as i64 - w.num_days_from_monday() as i64) % 7;
    let forward = (7 - back) % 7;
    match direction {
        Direction::OnOrBefore => r - Duration::days(back),
        Direction::Before => r - Duration::days(if back == 0 { 7 } else { back }),
        Direction::OnOrAfter => r + Duration::days(forward),
        Direction::After => r + Duration::days(if forward == 0 { 7 } else { forward }),
    }
}

/// The year of a month-day without one: the reference's, unless that puts it
/// months after the reference in a sentence that does not look ahead (or months
/// before it in one that does); a given weekday picks the year it falls in.
fn day_year(r: NaiveDate, month: u32, day: u32, wd: Option<Weekday>, future: bool) -> Option<NaiveDate> {
    if let Some(w) = wd {
        let mut best: Option<NaiveDate> = None;
        for y in r.year() - 6..=r.year() + 1 {
            if let Some(d) = NaiveDate::from_ymd_opt(y, month, day) {
                if d.weekday() == w && best.is_none_or(|b| (d - r).num_days().abs() < (b - r).num_days().abs()) {
                    best = Some(d);
                }
            }
        }
        if best.is_some() {
            return best;
        }
    }
    let this = NaiveDate::from_ymd_opt(r.year(), month, day);
    let shifted = |y| NaiveDate::from_ymd_opt(y, month, day);
    match this {
        Some(d) if !future && (d - r).num_days() > 120 => shifted(r.year() - 1),
        Some(d) if future && (r - d).num_days() > 60 => shifted(r.year() + 1),
        Some(d) => Some(d),
        None => {
            // February 29 outside a leap year: the nearest leap year in the right direction.
            let y = if future { r.year() + 1 } else { r.year() - 1 };
            (0..4).find_map(|k| shifted(if future { y + k } else { y - k }))
        }
    }
}

fn month_year(r: NaiveDate, month: u32, future: bool) -> i32 {
    let diff = month as i32 - r.month() as i32;
    if !future && diff > 4 {
        r.year() - 1
    } else if future && diff < -2 {
        r.year() + 1
    } else {
        r.year()
    }
}

fn season_year(r: NaiveDate, first_month: u32, modifier: &str) -> i32 {
    // The season containing a date: winter of year Y runs December Y to February Y+1.
    let (y, m) = (r.year(), r.month());
    let current_year = if first_month == 12 && m < 3 { y - 1 } else { y };
    let start = |year: i32| (year, first_month);
    let end = |year: i32| add_months(year, first_month, 2);
    match modifier {
        "last" | "past" => {
            let mut year = current_year;
            while end(year) >= (y, m) {
                year -= 1;
            }
            year
        }
        "next" | "coming" => {
            let mut year = current_year;
            while start(year) <= (y, m) {
                year += 1;
            }
            year
        }
        _ => current_year,
    }
}

fn add_months(y: i32, m: u32, delta: i32) -> (i32, u32) {
    let total = y * 12 + m as i32 - 1 + delta;
    (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32)
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn day_value(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn week_value(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

fn with_part(d: NaiveDate, part: Option<&str>) -> String {
    match part {
        Some(p) => format!("{}T{p}", day_value(d)),
        None => day_value(d),
    }
}

fn part_code(word: &str) -> Option<&'static str> {
    Some(match word {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

fn unit_precision(unit: &str) -> Precision {
    match unit {
        "day" => Precision::Day,
        "week" => Precision::Week,
        "month" => Precision::Month,
        _ => Precision::Year,
    }
}

fn month_number(word: &str) -> Option<u32> {
    crate::document::text::month_number(word)
}

fn weekday(word: &str) -> Option<Weekday> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let i = days.iter().position(|d| w.starts_with(d))?;
    Some(
        [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ][i],
    )
}

/// A cardinal in digits or words ("5", "five", "twenty-one", "a"); `None` when vague ("a few").
fn number(s: &str) -> Option<u64> {
    let s = lower(s).replace('-', " ");
    if let Ok(n) = s.parse::<u64>() {
        return Some(n);
    }
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let mut total = 0;
    for word in s.split(' ') {
        total += match word {
            "a" | "an" => 1,
            "hundred" => 100,
            w => {
                if let Some(i) = UNITS.iter().position(|u| *u == w) {
                    i as u64
                } else {
                    (TENS.iter().position(|t| *t == w)? as u64 + 2) * 10
                }
            }
        };
    }
    Some(total)
}

/// The number of a duration: "5", "1.5", "five"; "X" when vague ("a few", "several").
fn duration_number(s: &str) -> Option<String> {
    if s.contains('.') {
        return s.parse::<f64>().ok().map(|_| s.to_string());
    }
    Some(number(s).map_or_else(|| "X".to_string(), |n| n.to_string()))
}

/// "P5D", "PT2H", "P10Y" (a decade) for a number and a singular unit.
fn duration_value(n: &str, unit: &str) -> String {
    match unit {
        "second" => format!("PT{n}S"),
        "minute" => format!("PT{n}M"),
        "hour" => format!("PT{n}H"),
        "day" => format!("P{n}D"),
        "week" => format!("P{n}W"),
        "month" => format!("P{n}M"),
        "year" => format!("P{n}Y"),
        "decade" => scaled(n, 10, "Y"),
        _ => scaled(n, 100, "Y"),
    }
}

fn scaled(n: &str, factor: u64, unit: &str) -> String {
    match n.parse::<u64>() {
        Ok(n) => format!("P{}{unit}", n * factor),
        Err(_) => format!("PX{unit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One finder for all tests: compiling the patterns is the slow part in debug builds.
    fn finder() -> &'static DateFinder {
        static FINDER: std::sync::LazyLock<DateFinder> =
            std::sync::LazyLock::new(|| DateFinder::new(&Lexicon::builtin()));
        &FINDER
    }

    /// Pieces of text that begin, end or break dates, for the search below.
    const PIECES: &[&str] = &[
        "the ",
        "The ",
        "a ",
        "an ",
        "few ",
        "several ",
        "days",
        "day",
        "weeks ",
        "ago",
        "later",
        "[",
        "]",
        "'",
        "90s",
        "1990s",
        "mid",
        "mid-",
        "pyramid ",
        "early ",
        "nearly ",
        "late",
        "Early-",
        "twenties",
        "xtwenties",
        "humid",
        "century",
        "21st ",
        "first",
        "quarter",
        "of ",
        "2019",
        "5",
        "12",
        "3.5",
        ":",
        "30",
        " GMT",
        "p.m.",
        "am ",
        "Aug. ",
        "June ",
        "Tuesday",
        "Tues.",
        "next ",
        "last ",
        "this ",
        "that ",
        "This ",
        "THAT ",
        "may ",
        "march ",
        "MAY ",
        "sun ",
        "Days",
        "mornings ",
        "nights",
        "daytime ",
        "5 ",
        "10",
        "am",
        "AM ",
        "a.m. ",
        "21",
        "st ",
        "rd ",
        "x ",
        "of ",
        "June",
        "Jun.",
        "-",
        "1990",
        "s ",
        "%",
        "people ",
        "seconds",
        "one ",
        "One-",
        "nine ",
        "many ",
        "each ",
        "Every ",
        "quarter ",
        "Quarter",
        "year-",
        "end",
        "times ",
        "hundred",
        "forty",
        "Final ",
        "same ",
        "year",
        "-end",
        "end ",
        "twenty",
        "-one ",
        "hundred ",
        "morning",
        "noon",
        "tonight",
        "yesterday",
        "every ",
        "spring ",
        "fall ",
        "–",
        "—",
        " ",
        "  ",
        ",",
        ".",
        "\u{a0}",
        "é",
        "_",
        "x",
        "Mayor ",
        "May ",
        "\u{212A}",
        "\u{17F}",
        "olds",
        "-old ",
        "few ",
        "couple of ",
        "following ",
        "previous ",
        "coming ",
        "week",
        "decade",
        "century",
        "past ",
        "day ",
        "evening",
        "twentieth ",
        "an ",
        "A ",
        "THE ",
        "same ",
        "hours",
        "]",
        "nineteenth ",
        "seventeenth ",
        "sixteenth ",
        "earlier ",
        "Later ",
        "current ",
        "Mid-",
        "two ",
        "night ",
        "winter",
        "Sept ",
        "weekend",
        "Monday ",
        "Wednesday",
        "several ",
        "plan ",
    ];

    proptest::proptest! {
        /// The anchored search at the possible starts finds what the plain search finds.
        #[test]
        fn extents_are_those_of_find_iter(picks in proptest::collection::vec(0..PIECES.len(), 0..40)) {
            let text: String = picks.iter().map(|&i| PIECES[i]).collect();
            let plain: Vec<(Range<usize>, usize)> =
                finder().re.find_iter(&text).map(|m| (m.range(), m.pattern().as_usize())).collect();
            proptest::prop_assert_eq!(finder().extents(&text), plain, "{:?}", text);
        }
    }

    fn reference() -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2021, 6, 23)
    }

    /// (text, value) pairs found in `text` against 2021-06-23 (a Wednesday).
    fn found(text: &str) -> Vec<(String, Option<String>)> {
        finder()
            .find(text, reference())
            .into_iter()
            .map(|e| (e.text, e.value))
            .collect()
    }

    // A caption's dates are listed where the article printed the caption, between body paragraphs.
    #[test]
    fn caption_dates_in_document_order() {
        let doc = Document {
            paragraphs: vec!["Talks began on June 1.".into(), "They ended on June 3.".into()],
            captions: vec![crate::document::RawCaption {
                text: "Delegates on June 2.".into(),
                credit: None,
            }],
            caption_at: vec![1],
            ..Document::default()
        };
        let texts: Vec<String> = finder()
            .find_in_document(&doc, reference())
            .entries()
            .into_iter()
            .map(|e| e.text)
            .collect();
        assert_eq!(texts, ["June 1", "June 2", "June 3"]);
    }

    // Fuzz finding (dates): a count of hours beyond the calendar panicked in chrono's day arithmetic.
    #[test]
    fn fuzz_dates_huge_count_ago() {
        for text in [
            "3513715568177 hours ago",
            "99999999999 days ago",
            "4000000000 years ago",
        ] {
            let all = found(text);
            assert!(all.iter().all(|(_, v)| v.is_none()), "{text:?} -> {all:?}");
        }
        assert_eq!(one("10 years ago").1.as_deref(), Some("2011"));
        let _ = found("Talks began on June 1. 99999999999999 days later they ended.");
    }

    /// The groups told by the words of an extent are those the alternative's regex gives.
    #[test]
    fn word_groups_are_those_of_the_regex() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "rday",
                &["rday", "rday_w"],
                &["yesterday", "Today", "the day after\u{a0}tomorrow"],
            ),
            ("noon", &["noon", "noon_w"], &["noon", "Midnight"]),
            (
                "wd",
                &["wd", "wd_mod", "wd_d"],
                &["Monday", "next Monday", "this  coming\u{a0}Friday", "PAST\u{a0}Sunday"],
            ),
            (
                "mon",
                &["mon", "mon_mod", "mon_m"],
                &["June", "mid-June", "Early\u{2003}May", "last  March"],
            ),
            (
                "rel",
                &["rel", "rel_pre", "rel_mod", "rel_u"],
                &[
                    "last year",
                    "later this  past\tweek",
                    "Early the Coming MONTH",
                    "earlier the years",
                    "the decade",
                ],
            ),
            ("pod", &["pod", "pod_p"], &["the morning", "The\t NIGHT"]),
            ("pod2", &["pod2", "pod2_m", "pod2_p"], &["last night", "THIS  Evening"]),
        ];
        let finder = finder();
        for &(alt, names, extents) in cases {
            let i = ALTERNATIVE_NAMES.iter().position(|&a| a == alt).unwrap();
            for &extent in extents {
                let by_regex = Captures::of(finder.alternative(i), extent).expect(extent);
                let by_words = Captures::of_words(alt, extent);
                for &name in names {
                    let spans = |caps: &Captures| caps.name(name).map(|g| (g.start(), g.end()));
                    assert_eq!(spans(&by_words), spans(&by_regex), "{alt} {name} {extent:?}");
                }
            }
        }
    }

    fn one(text: &str) -> (String, Option<String>) {
        let all = found(text);
        assert_eq!(all.len(), 1, "{text:?} -> {all:?}");
        all.into_iter().next().unwrap()
    }

    fn pair(text: &str, value: &str) -> (String, Option<String>) {
        (text.to_string(), Some(value.to_string()))
    }

    /// A month-day without a year takes the reference's year.
    #[test]
    fn month_day_takes_reference_year() {
        assert_eq!(one("the ministry said on June 22 that"), pair("June 22", "2021-06-22"));
    }

    /// A month-day far after the reference in a past-tense sentence is last year's.
    #[test]
    fn month_day_far_ahead_is_last_year() {
        assert_eq!(one("They met on Dec. 5 in Seoul."), pair("Dec. 5", "2020-12-05"));
    }

    /// A month-day months after the reference stays in its year when the sentence looks ahead.
    #[test]
    fn future_month_day_keeps_year() {
        assert_eq!(
            one("The vote is to be held on November 20."),
            pair("November 20", "2021-11-20")
        );
    }

    /// News date styles: day-month-year, ISO, weekday with month-day.
    #[test]
    fn news_date_styles() {
        assert_eq!(one("on 22 June 2021 it"), pair("22 June 2021", "2021-06-22"));
        assert_eq!(one("dated 2021-06-22."), pair("2021-06-22", "2021-06-22"));
        let dated = finder().find("SEOUL, Tuesday, Aug. 20 (Yonhap)", NaiveDate::from_ymd_opt(2019, 8, 21));
        assert_eq!(dated[0].value.as_deref(), Some("2019-08-20"));
        assert_eq!(one("June 22, 2021"), pair("June 22, 2021", "2021-06-22"));
    }

    /// A weekday is the most recent such day on or before the reference, the same day when it matches.
    #[test]
    fn weekday_on_or_before() {
        assert_eq!(one("They met in Seoul on Monday."), pair("Monday", "2021-06-21"));
        assert_eq!(one("They met in Seoul on Wednesday."), pair("Wednesday", "2021-06-23"));
        assert_eq!(one("They met in Seoul on Thursday."), pair("Thursday", "2021-06-17"));
    }

    /// A weekday in a future-tense clause, or after "next", is ahead of the reference.
    #[test]
    fn weekday_in_future() {
        assert_eq!(one("Kim will visit Tokyo on Friday."), pair("Friday", "2021-06-25"));
        assert_eq!(one("They meet next Monday."), pair("next Monday", "2021-06-28"));
    }

    /// "last week" is the ISO week before the reference's; "this week" is the reference's.
    #[test]
    fn relative_weeks() {
        assert_eq!(one("Last week Kim said so."), pair("Last week", "2021-W24"));
        assert_eq!(one("He said this week that"), pair("this week", "2021-W25"));
    }

    /// Relative days, months and years, and "earlier this month".
    #[test]
    fn relative_units() {
        assert_eq!(one("Yesterday he left."), pair("Yesterday", "2021-06-22"));
        assert_eq!(
            one("It fell earlier this month."),
            pair("earlier this month", "2021-06")
        );
        assert_eq!(one("He won last year."), pair("last year", "2020"));
        assert_eq!(one("He returns next month."), pair("next month", "2021-07"));
    }

    /// Without a reference, relative expressions keep their text and no value.
    #[test]
    fn no_reference_no_value() {
        let all: Vec<_> = finder()
            .find("On Monday and last week, and June 22.", None)
            .into_iter()
            .map(|e| e.value)
            .collect();
        assert_eq!(all, [None, None, None]);
    }

    /// Month with year, a bare month after a preposition, but not a surname.
    #[test]
    fn months() {
        assert_eq!(
            one("established in November 2018 and"),
            pair("November 2018", "2018-11")
        );
        assert_eq!(one("It started in March."), pair("March", "2021-03"));
        assert!(found("Theresa May said").is_empty());
    }

    /// A weekday given with a month-day picks the nearest year it falls in.
    #[test]
    fn weekday_picks_year() {
        assert_eq!(
            one("On Tuesday, Aug. 20, they met."),
            pair("Tuesday, Aug. 20", "2019-08-20")
        );
    }

    /// Years with a modifier.
    #[test]
    fn modified_years() {
        assert_eq!(one("It began in mid-2020."), pair("mid-2020", "2020"));
    }

    /// Years after prepositions count; amounts do not.
    #[test]
    fn years() {
        assert_eq!(one("It was built in 2018."), pair("2018", "2018"));
        assert!(found("about 2000 people came").is_empty());
        assert!(found("It cost $2000.").is_empty());
        assert_eq!(found("taxes from 2006 to 2009 are due").len(), 2);
        assert_eq!(one("FIFA World Cup 2018 day five"), pair("2018", "2018"));
    }

    /// A year range is one entry, with the event it names.
    #[test]
    fn year_range() {
        assert_eq!(
            one("separated by the 1950-1953 Korean War, and"),
            pair("the 1950-1953 Korean War", "1950/1953")
        );
        assert_eq!(one("in 2014-15"), pair("2014-15", "2014/2015"));
    }

    /// Decades and centuries.
    #[test]
    fn decades() {
        assert_eq!(one("in the 1990s"), pair("the 1990s", "199X"));
        assert_eq!(one("art of the sixties"), pair("the sixties", "196X"));
        assert_eq!(one("in the 20th century"), pair("the 20th century", "1900/1999"));
        assert!(found("in their sixties").is_empty());
    }

    /// Durations are durations, never dates: "a decade", "five-day", "two years".
    #[test]
    fn durations() {
        let all = finder().find("a five-day visit after two years and a decade of talks", reference());
        let got: Vec<_> = all
            .iter()
            .map(|e| (e.text.as_str(), e.value.as_deref().unwrap(), e.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("five-day", "P5D", TimexKind::Duration),
                ("two years", "P2Y", TimexKind::Duration),
                ("a decade", "P10Y", TimexKind::Duration)
            ]
        );
    }

    /// "N units ago" is a date counted back from the reference.
    #[test]
    fn ago() {
        assert_eq!(one("Two years ago he"), pair("Two years ago", "2019"));
        assert_eq!(one("three days ago"), pair("three days ago", "2021-06-20"));
    }

    /// Seasons and quarters.
    #[test]
    fn seasons_and_quarters() {
        assert_eq!(one("It happened last summer."), pair("last summer", "2020-SU"));
        assert_eq!(one("in the summer of 2018"), pair("the summer of 2018", "2018-SU"));
        assert_eq!(one("growth in the first quarter"), pair("the first quarter", "2021-Q1"));
        assert!(found("prices fall").is_empty());
    }

    /// Titles and named days are not relative dates.
    #[test]
    fn names_are_not_dates() {
        assert!(found("a report in USA Today said").is_empty());
        assert!(found("shops opened on Black Friday").is_empty());
        assert_eq!(one("He left. Today he is back."), pair("Today", "2021-06-23"));
    }

    /// Seasons in names and "the fall of" are not seasons.
    #[test]
    fn season_lookalikes() {
        assert!(found("before the fall of Saigon").is_empty());
        assert!(found("at the Summer Olympics").is_empty());
        assert_eq!(one("They met in the fall."), pair("the fall", "2021-FA"));
    }

    /// Sets: "every Monday".
    #[test]
    fn sets() {
        let all = finder().find("They meet every Monday.", reference());
        assert_eq!(
            (all[0].text.as_str(), all[0].value.as_deref(), all[0].kind),
            ("every Monday", Some("XXXX-WXX-1"), TimexKind::Set)
        );
    }

    /// Clock times take the day of their sentence.
    #[test]
    fn times_take_sentence_day() {
        let all = finder().find("The talks began at 2 p.m. on June 22.", reference());
        assert_eq!(
            (all[0].text.as_str(), all[0].value.as_deref(), all[0].kind),
            ("2 p.m.", Some("2021-06-22T14:00"), TimexKind::Time)
        );
    }

    /// "2:30 the next day" is one time, on the day after the narrative date.
    #[test]
    fn time_the_next_day() {
        let all = finder().find(
            "Polls closed on Sunday at 22:30 and the last ballot was cast at 2:30 the next day.",
            reference(),
        );
        let got: Vec<_> = all.iter().map(|e| (e.text.as_str(), e.value.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("Sunday", Some("2021-06-20")),
                ("22:30", Some("2021-06-20T22:30")),
                ("2:30 the next day", Some("2021-06-21T02:30"))
            ]
        );
    }

    /// "N days later" counts from the narrative date; "N years later" is a duration.
    #[test]
    fn later_and_earlier() {
        let all = finder().find(
            "They met on June 10. Two days later, Kim left. Three years later he returned.",
            reference(),
        );
        let got: Vec<_> = all.iter().map(|e| (e.text.as_str(), e.value.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("June 10", Some("2021-06-10")),
                ("Two days later", Some("2021-06-12")),
                ("Three years", Some("P3Y"))
            ]
        );
    }

    /// An age is not a duration.
    #[test]
    fn ages_are_not_durations() {
        assert!(found("a five-year-old boy and 25-year olds").is_empty());
    }

    /// Parts of day are anchored to the narrative date; leading prepositions are not in the span.
    #[test]
    fn part_of_day_anchored() {
        let all = finder().find(
            "On the morning of June 22, they met. In the afternoon, he left.",
            reference(),
        );
        let got: Vec<_> = all.iter().map(|e| (e.text.as_str(), e.value.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("the morning of June 22", Some("2021-06-22TMO")),
                ("the afternoon", Some("2021-06-22TAF"))
            ]
        );
    }

    /// An anaphoric expression with no narrative date has no value.
    #[test]
    fn part_of_day_without_narrative() {
        assert_eq!(
            found("In the afternoon, he left."),
            [("the afternoon".to_string(), None)]
        );
    }

    /// Entries report code-point spans within the paragraph, not byte offsets.
    #[test]
    fn entries_use_code_points() {
        let doc = Document {
            paragraphs: vec!["“Ré” was said on June 22.".to_string()],
            ..Document::default()
        };
        let entries = finder().find_in_document(&doc, reference()).entries();
        assert_eq!(entries[0].span, Some([17, 24]));
    }

    /// The dateline's date words are normalised.
    #[test]
    fn dateline_normalised() {
        let doc = Document {
            dateline: Some(crate::document::RawDateline {
                place: "SEOUL".into(),
                agency: Some("Yonhap".into()),
                date_text: Some("Aug. 20".into()),
                text: "SEOUL, Aug. 20 (Yonhap) --".into(),
            }),
            ..Document::default()
        };
        let dates = finder().find_in_document(&doc, NaiveDate::from_ymd_opt(2019, 8, 21));
        assert_eq!(
            dates.dateline,
            Some(DateRef {
                value: Some("2019-08-20".into()),
                text: "Aug. 20".into()
            })
        );
    }

    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        /// Any mix of date words, digits, punctuation and multi-byte characters: no panic, and
        /// every span is a char-boundary slice whose code-point span agrees with it.
        #[test]
        fn spans_valid_on_any_text(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(vec![
                        "June", "22", "2021", "Aug.", "Monday", "last", "week", "the", "morning", "of", "—", "–",
                        "-", ",", ".", "“", "”", "é", "in", "1950-1953", "1990s", "ago", "five-day", "p.m.", "2",
                        "12:30", "every", "summer", "fall", "first", "quarter", "earlier", "this", "month", "[", "]",
                        "'90s", "will", "next", "year", "Sept.", "31", "February", "29", "later", "that", "day",
                    ])
                    .prop_map(str::to_string),
                    "\\PC{0,3}",
                ],
                0..40,
            ),
            glue in proptest::sample::select(vec![" ", "", "  ", "\n"]),
        ) {
            let text = parts.join(glue);
            for reference in [reference(), None] {
                for e in finder().find(&text, reference) {
                    proptest::prop_assert!(e.start < e.end && e.end <= text.len());
                    proptest::prop_assert_eq!(&text[e.start..e.end], e.text.as_str());
                    proptest::prop_assert_eq!(e.char_start, text[..e.start].chars().count());
                    proptest::prop_assert_eq!(e.char_end, text[..e.end].chars().count());
                }
            }
        }
    }

    /// Eight bytes at a time, a byte is a letter or digit as in the table.
    #[test]
    fn alphanumeric_bytes_as_the_table() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = [b'a'; 8];
                chunk[at] = b;
                let found = alphanumeric_bytes(u64::from_le_bytes(chunk)) >> (8 * at + 7) & 1 == 1;
                assert_eq!(found, ASCII_ALPHANUMERIC[usize::from(b)], "{b:#x} at {at}");
            }
        }
        let text = b"mid-1990s and Twenties, 2019x\xc3\xa9ab";
        for start in 0..text.len() {
            let bytewise = (start + 1..text.len())
                .find(|&i| !ASCII_ALPHANUMERIC[usize::from(text[i])])
                .unwrap_or(text.len());
            assert_eq!(word_end(text, start), bytewise, "{start}");
        }
        // Words 64 bytes at a time, across blocks and at the end, are those of a byte scan.
        let long = "a".repeat(70) + " 1990s, x" + &"é".repeat(30) + "Tue. " + &"b".repeat(63) + " z";
        for text in [
            &b"mid-1990s and Twenties, 2019x\xc3\xa9ab"[..],
            long.as_bytes(),
            b"",
            b"a",
            b" ",
        ] {
            let mut words = Vec::new();
            for_each_word(text, |start, end| words.push((start, end)));
            let mut bytewise = Vec::new();
            let mut at = 0;
            while at < text.len() {
                if ASCII_ALPHANUMERIC[usize::from(text[at])] {
                    let end = (at..text.len())
                        .find(|&i| !ASCII_ALPHANUMERIC[usize::from(text[i])])
                        .unwrap_or(text.len());
                    bytewise.push((at, end));
                    at = end;
                } else {
                    at += 1;
                }
            }
            assert_eq!(words, bytewise);
        }
    }

    /// The year alternative's groups without its regex are those of its regex.
    #[test]
    fn year_groups_without_the_regex() {
        let f = finder();
        let i = ALTERNATIVE_NAMES.iter().position(|&n| n == "yr").expect("yr");
        for extent in [
            "2019",
            "mid-2020",
            "early 2021",
            "Late\u{a0}1999",
            "MID-1500",
            "late  2099",
        ] {
            let by_regex = Captures::of(f.alternative(i), extent).expect(extent);
            let by_end = Captures::of_year(extent).expect(extent);
            let span = |g: Option<Group>| g.map(|g| (g.start(), g.end(), g.as_str().to_string()));
            assert_eq!(span(by_regex.get(0)), span(by_end.get(0)), "{extent}");
            for name in ["yr", "yr_y", "dd"] {
                assert_eq!(span(by_regex.name(name)), span(by_end.name(name)), "{extent} {name}");
            }
        }
    }

    /// Each alternative's outer group is named in ALTERNATIVE_NAMES, in order.
    #[test]
    fn alternative_names_in_order() {
        let alternatives = alternatives();
        assert_eq!(alternatives.len(), ALTERNATIVE_NAMES.len());
        for (a, name) in alternatives.iter().zip(ALTERNATIVE_NAMES) {
            assert!(a.starts_with(&format!("(?P<{name}>")), "{name}");
        }
    }

    /// Hostile input neither panics nor hangs.
    #[test]
    fn no_panic_on_odd_input() {
        let f = finder();
        for text in [
            "",
            "—",
            "Taipei, Taiwan — The festival opened on Saturday.",
            "2021-",
            "on 0 June",
            "the 99th century",
            "31 February 2021",
            "12:",
            "Monday Monday Monday",
            "é2019é",
            "[ years ago",
        ] {
            let _ = f.find(text, reference());
            let _ = f.find(text, None);
        }
    }
}
