//! Word tokens of one text for the actor finder: words (with inner hyphens,
//! apostrophes and initials' dots), possessive endings and punctuation, each
//! with byte offsets and whether it opens a sentence.

use crate::analysis::text;
use std::borrow::Cow;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// A possessive ending: `’s`, `'s`, or a lone `’` after a plural.
    Poss,
    Punct,
}

#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// First word of a sentence (or right after an opening quote mark).
    pub opens: bool,
    /// Starts with a capital letter (words only).
    pub cap: bool,
    /// Written in capitals throughout, two letters or more (words only).
    pub upper: bool,
    /// Lower case, with `’` as `'`: borrowed for ASCII words (see [`tokenize_in`]).
    pub low: Cow<'a, str>,
    /// Which gazetteer phrases start with this word (see `Gazetteer::annotate`).
    pub phrase: u32,
}

/// The tokens of `text`, in order.
pub fn tokenize(text: &str) -> Vec<Tok<'_>> {
    tokenize_in(text, None, &text::sentences(text))
}

/// The tokens of `text`, whose sentences (byte ranges, from [`text::sentences`]) are known.
/// `lowered` is `text` with its ASCII letters in lower case, when the caller has it: ASCII words
/// then borrow their lower-case form from it rather than each allocating one.
pub fn tokenize_in<'a>(text: &'a str, lowered: Option<&'a str>, sentences: &[Range<usize>]) -> Vec<Tok<'a>> {
    // Byte positions throughout; `at` decodes the character starting at one (none at the end).
    let at = |p: usize| char_at(text, p);
    let width = |c: Option<char>| c.map_or(0, char::len_utf8);
    let mut out: Vec<Tok> = Vec::with_capacity(text.len() / 4 + 4);
    let tok = |start: usize, end: usize, kind: Kind| word_tok(text, lowered, start, end, kind);
    let mut i = 0;
    while let Some(c) = at(i) {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() {
            let start = i;
            let mut j = i + c.len_utf8();
            while let Some(d) = at(j) {
                let after_d = j + d.len_utf8();
                if d.is_alphanumeric() {
                    j = after_d;
                    continue;
                }
                let next = at(after_d);
                let next_alnum = next.is_some_and(char::is_alphanumeric);
                let after_next = at(after_d + width(next));
                if matches!(d, '\'' | '’') {
                    // Possessive "’s" ends the word.
                    if matches!(next, Some('s' | 'S')) && !after_next.is_some_and(char::is_alphanumeric) {
                        break;
                    }
                    if next_alnum {
                        j = after_d;
                        continue;
                    }
                    break;
                }
                if matches!(d, '-' | '‐' | '&') && next_alnum {
                    j = after_d;
                    continue;
                }
                if d == '.' {
                    // Initials and dotted acronyms: "U.S.", "K.C.", "W."
                    let word = &text[start..j];
                    let last_seg = word.rsplit('.').next().unwrap_or(word);
                    if last_seg.chars().count() == 1 && last_seg.chars().all(char::is_uppercase) {
                        j = after_d;
                        if next.is_some_and(|ch| ch.is_uppercase())
                            && after_next.is_none_or(|ch| !ch.is_alphanumeric() || ch == '.')
                        {
                            continue;
                        }
                    }
                    break;
                }
                break;
            }
            out.push(tok(start, j, Kind::Word));
            i = j;
            // Possessive ending.
            if let Some(d @ ('\'' | '’')) = at(i) {
                let after_d = i + d.len_utf8();
                let next = at(after_d);
                if matches!(next, Some('s' | 'S')) && !at(after_d + 1).is_some_and(char::is_alphanumeric) {
                    out.push(tok(i, after_d + 1, Kind::Poss));
                    i = after_d + 1;
                } else if !next.is_some_and(char::is_alphanumeric) && text[..i].ends_with(['s', 'S']) {
                    out.push(tok(i, after_d, Kind::Poss));
                    i = after_d;
                }
            }
            continue;
        }
        let end = i + c.len_utf8();
        out.push(tok(i, end, Kind::Punct));
        i = end;
    }
    mark_openers(text, sentences, &mut out);
    out
}

/// The character starting at byte `i` (none at the end), without decoding ASCII.
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text[i..].chars().next(),
        None => None,
    }
}

/// The lower-case form of `word`: borrowed from `lowered` (or from the word itself when it has no
/// capital) for ASCII words, made for the others.
fn lower_case<'a>(word: &'a str, lowered: Option<&'a str>) -> Cow<'a, str> {
    if word.is_ascii() {
        match lowered {
            Some(low) => Cow::Borrowed(low),
            None if !word.bytes().any(|b| b.is_ascii_uppercase()) => Cow::Borrowed(word),
            None => Cow::Owned(word.to_ascii_lowercase()),
        }
    } else {
        let low = word.to_lowercase();
        Cow::Owned(if low.contains('’') {
            low.replace('’', "'")
        } else {
            low
        })
    }
}

fn word_tok<'a>(text: &'a str, lowered: Option<&'a str>, start: usize, end: usize, kind: Kind) -> Tok<'a> {
    let word = &text[start..end];
    let low = lower_case(word, lowered.map(|l| &l[start..end]));
    let word_kind = kind == Kind::Word;
    let cap = word_kind && word.chars().next().is_some_and(char::is_uppercase);
    let upper = word_kind
        && cap
        && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !word.chars().any(char::is_lowercase);
    Tok {
        start,
        end,
        kind,
        cap,
        upper,
        opens: false,
        low,
        phrase: super::gazetteer::UNKNOWN_PHRASE,
    }
}

fn mark_openers(text: &str, sentences: &[Range<usize>], toks: &mut [Tok<'_>]) {
    let starts: Vec<usize> = sentences.iter().map(|r| r.start).collect();
    let mut s = 0;
    let mut open_next = false;
    for t in toks.iter_mut() {
        while s < starts.len() && starts[s] < t.start {
            s += 1;
            open_next = true;
        }
        if s < starts.len() && starts[s] == t.start {
            open_next = true;
            s += 1;
        }
        match t.kind {
            Kind::Word => {
                t.opens = open_next;
                open_next = false;
            }
            Kind::Punct if matches!(&text[t.start..t.end], "“" | "\"" | "‘" | "(" | "«" | "—" | ":") => {
                open_next = true
            }
            Kind::Punct if open_next => {}
            _ => open_next = false,
        }
    }
}

/// Whether the token starts with a capital letter.
pub fn is_cap(_text: &str, t: &Tok) -> bool {
    t.cap
}

/// Whether the token is written in capitals throughout (two letters or more).
pub fn is_upper(_text: &str, t: &Tok) -> bool {
    t.upper
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.start..t.end]).collect()
    }

    // Hyphenated names, possessives and dotted acronyms stay whole; `’s` is its own token.
    #[test]
    fn splits_words() {
        assert_eq!(
            words("Kim Jong-un’s U.S. trip, Workers' Party"),
            ["Kim", "Jong-un", "’s", "U.S.", "trip", ",", "Workers", "'", "Party"]
        );
    }

    // A middle initial keeps its dot; a sentence-final capital does not swallow the full stop wrongly.
    #[test]
    fn initials() {
        assert_eq!(
            words("George W. Bush met Steven F. Udvar-Hazy."),
            ["George", "W.", "Bush", "met", "Steven", "F.", "Udvar-Hazy", "."]
        );
    }

    // Sentence openers are marked, also after an opening quote.
    #[test]
    fn openers() {
        let text = "The talks ended. “We agree,” Kim said.";
        let toks = tokenize(text);
        let opened: Vec<&str> = toks.iter().filter(|t| t.opens).map(|t| &text[t.start..t.end]).collect();
        assert_eq!(opened, ["The", "We"]);
    }
}
