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
    /// The gazetteer's id of this word (see `Gazetteer::annotate`).
    pub word: u32,
}

/// Classes of bytes for the tokenizer: ASCII letters and digits, ASCII white space (what
/// `char::is_alphanumeric` and `char::is_whitespace` say of them), other ASCII, and bytes of other
/// characters.
const ALNUM: u8 = 0;
const SPACE: u8 = 1;
const MARK: u8 = 2;
const OTHER: u8 = 3;
static CLASS: [u8; 256] = {
    let mut class = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        class[b] = if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(c, b' ' | b'\t'..=b'\r') {
            SPACE
        } else {
            MARK
        };
        b += 1;
    }
    class
};

/// The tokens of `text`, in order.
pub fn tokenize(text: &str) -> Vec<Tok<'_>> {
    tokenize_in(text, None, &text::sentences(text))
}

/// The tokens of `text`, whose sentences (byte ranges, from [`text::sentences`]) are known.
/// `lowered` is `text` with its ASCII letters in lower case, when the caller has it: ASCII words
/// then borrow their lower-case form from it rather than each allocating one.
pub fn tokenize_in<'a>(text: &'a str, lowered: Option<&'a str>, sentences: &[Range<usize>]) -> Vec<Tok<'a>> {
    let mut out: Vec<Tok> = Vec::with_capacity(text.len() / 4 + 4);
    tokenize_into(text, lowered, sentences, &mut out);
    out
}

/// [`tokenize_in`], the tokens pushed onto `out` (the tokens of all an article's texts share one vector:
/// one allocation rather than one per paragraph).
pub fn tokenize_into<'a>(text: &'a str, lowered: Option<&'a str>, sentences: &[Range<usize>], out: &mut Vec<Tok<'a>>) {
    // Byte positions throughout; ASCII bytes (nearly all of a text) are classified without decoding.
    let bytes = text.as_bytes();
    let first = out.len();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match CLASS[usize::from(b)] {
            ALNUM => {
                // Most words are ASCII letters and digits up to a byte that cannot continue them: found here,
                // without a call; `word_end` takes the others from the first byte that might.
                let mut j = i + 1;
                while bytes.get(j).is_some_and(|&b| CLASS[usize::from(b)] == ALNUM) {
                    j += 1;
                }
                let (j, ascii) = match bytes.get(j) {
                    Some(&b) if !b.is_ascii() || matches!(b, b'\'' | b'-' | b'&' | b'.') => word_end(text, i, j),
                    _ => (j, true),
                };
                out.push(word_tok(text, lowered, i, j, ascii));
                // A possessive ending starts with `'` or `’` (whose first byte is 0xE2); most words are
                // followed by one space, skipped here rather than by another turn of the loop.
                i = match bytes.get(j) {
                    Some(b' ') => j + 1,
                    Some(b'\'' | 0xE2) => possessive(text, lowered, j, out),
                    _ => j,
                };
                continue;
            }
            SPACE => {
                i += 1;
                continue;
            }
            MARK => {
                out.push(punct_tok(&text[i..i + 1], i));
                i += 1;
                continue;
            }
            _ => {}
        }
        let c = text[i..].chars().next().unwrap_or_default();
        let end = i + c.len_utf8();
        if c.is_whitespace() {
            i = end;
        } else if c.is_alphanumeric() {
            let (j, _) = word_end(text, i, end);
            out.push(word_tok(text, lowered, i, j, false));
            i = possessive(text, lowered, j, out);
        } else {
            out.push(other_tok(text, lowered, i, end, Kind::Punct));
            i = end;
        }
    }
    mark_openers(text, sentences, &mut out[first..]);
}

/// After a word ending at byte `i`: pushes its possessive ending (`’s`, or `’` after a final "s") if one
/// follows, and returns where the next token starts.
fn possessive<'a>(text: &'a str, lowered: Option<&'a str>, i: usize, out: &mut Vec<Tok<'a>>) -> usize {
    let at = |p: usize| char_at(text, p);
    if let Some(d @ ('\'' | '’')) = at(i) {
        let after_d = i + d.len_utf8();
        let next = at(after_d);
        if matches!(next, Some('s' | 'S')) && !at(after_d + 1).is_some_and(char::is_alphanumeric) {
            out.push(other_tok(text, lowered, i, after_d + 1, Kind::Poss));
            return after_d + 1;
        } else if !next.is_some_and(char::is_alphanumeric) && text[..i].ends_with(['s', 'S']) {
            out.push(other_tok(text, lowered, i, after_d, Kind::Poss));
            return after_d;
        }
    }
    i
}

/// The end of the word starting at byte `start`, whose first character ends at `j` (letters and digits,
/// with inner apostrophes, hyphens and ampersands, and the dots of initials), and whether the word is
/// ASCII when its first character is.
fn word_end(text: &str, start: usize, mut j: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let at = |p: usize| char_at(text, p);
    let width = |c: Option<char>| c.map_or(0, char::len_utf8);
    let mut ascii = true;
    loop {
        // ASCII letters and digits without decoding (`char::is_alphanumeric` agrees on them).
        j += bytes[j..]
            .iter()
            .position(|&b| CLASS[usize::from(b)] != ALNUM)
            .unwrap_or(bytes.len() - j);
        // Most words end at a space or a mark that cannot continue them.
        match bytes.get(j) {
            None => break,
            Some(&b) if b.is_ascii() && !matches!(b, b'\'' | b'-' | b'&' | b'.') => break,
            _ => {}
        }
        let Some(d) = at(j) else { break };
        let after_d = j + d.len_utf8();
        if d.is_alphanumeric() {
            ascii &= d.is_ascii();
            j = after_d;
            continue;
        }
        // Only these may continue a word: anything else ends it.
        if !matches!(d, '\'' | '’' | '-' | '‐' | '&' | '.') {
            break;
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
                ascii &= d.is_ascii();
                j = after_d;
                continue;
            }
            break;
        }
        if matches!(d, '-' | '‐' | '&') && next_alnum {
            ascii &= d.is_ascii();
            j = after_d;
            continue;
        }
        if d == '.' {
            // Initials and dotted acronyms: "U.S.", "K.C.", "W."
            if last_segment_is_capital(&text[start..j]) {
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
    (j, ascii)
}

/// Whether the part of `word` after its last full stop is one capital letter ("W", "U.S" but not "Mr").
fn last_segment_is_capital(word: &str) -> bool {
    let b = word.as_bytes();
    match b {
        // An ASCII last letter: one letter when the word is that letter or a stop comes before it.
        [.., before, last] if last.is_ascii() => *last != b'.' && *before == b'.' && last.is_ascii_uppercase(),
        [last] if last.is_ascii() => last.is_ascii_uppercase(),
        _ => {
            let last_seg = word.rsplit('.').next().unwrap_or(word);
            last_seg.chars().count() == 1 && last_seg.chars().all(char::is_uppercase)
        }
    }
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

/// A word token; `ascii` when the word is ASCII throughout (its forms then need no decoding).
fn word_tok<'a>(text: &'a str, lowered: Option<&'a str>, start: usize, end: usize, ascii: bool) -> Tok<'a> {
    if !ascii {
        return other_tok(text, lowered, start, end, Kind::Word);
    }
    let word = &text.as_bytes()[start..end];
    let low = match lowered {
        Some(l) => Cow::Borrowed(&l[start..end]),
        None => lower_case(&text[start..end], None),
    };
    // The `char` tests below, on ASCII bytes.
    let cap = word[0].is_ascii_uppercase();
    let upper =
        cap && word.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 2 && !word.iter().any(u8::is_ascii_lowercase);
    Tok {
        start,
        end,
        kind: Kind::Word,
        cap,
        upper,
        opens: false,
        low,
        word: super::gazetteer::UNKNOWN_WORD,
    }
}

/// An ASCII punctuation mark at byte `start`: its own lower-case form.
fn punct_tok(mark: &str, start: usize) -> Tok<'_> {
    Tok {
        start,
        end: start + mark.len(),
        kind: Kind::Punct,
        cap: false,
        upper: false,
        opens: false,
        low: Cow::Borrowed(mark),
        word: super::gazetteer::UNKNOWN_WORD,
    }
}

/// Any token, its forms found by decoding: words with other than ASCII letters, possessives, marks.
fn other_tok<'a>(text: &'a str, lowered: Option<&'a str>, start: usize, end: usize, kind: Kind) -> Tok<'a> {
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
        word: super::gazetteer::UNKNOWN_WORD,
    }
}

fn mark_openers(text: &str, sentences: &[Range<usize>], toks: &mut [Tok<'_>]) {
    let starts = sentences;
    let mut s = 0;
    let mut open_next = false;
    // The start of sentence `s` (none: past the end), kept at hand: most tokens start no sentence.
    let start_of = |s: usize| starts.get(s).map_or(usize::MAX, |r| r.start);
    let mut next = start_of(0);
    for t in toks.iter_mut() {
        if next <= t.start {
            while next < t.start {
                s += 1;
                open_next = true;
                next = start_of(s);
            }
            if next == t.start {
                open_next = true;
                s += 1;
                next = start_of(s);
            }
        }
        match t.kind {
            Kind::Word => {
                t.opens = open_next;
                open_next = false;
            }
            Kind::Punct if opens_after(text, t) => open_next = true,
            Kind::Punct if open_next => {}
            _ => open_next = false,
        }
    }
}

/// Whether punctuation mark `t` makes the next word an opener: an opening quote mark or bracket, a dash,
/// a colon. Told by its first byte for most marks (ASCII marks are one byte).
fn opens_after(text: &str, t: &Tok) -> bool {
    match text.as_bytes()[t.start] {
        b'"' | b'(' | b':' => true,
        0xC2 | 0xE2 => matches!(&text[t.start..t.end], "“" | "‘" | "«" | "—"),
        _ => false,
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
