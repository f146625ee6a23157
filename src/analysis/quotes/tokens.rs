//! A paragraph as reporter's words, punctuation and opaque quoted regions,
//! with sentence numbers. Attribution scans these tokens in bounded windows.

use super::marks::Region;
use crate::analysis::text::{ascii_run_end, ABBREVIATIONS, ASCII_ALPHANUMERIC};
use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::ops::Deref;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct(char),
    /// A quoted region (index into the paragraph's regions).
    Quote(u32),
}

#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub kind: Kind,
    /// Byte offsets in the paragraph, as `u32` for a smaller token (read them with
    /// [`Token::start`] and [`Token::end`]).
    start: u32,
    end: u32,
    /// Lower-cased word (curly apostrophes made straight); empty for others.
    pub lower: Lower<'a>,
    /// Starts with an upper-case letter or a digit-led capitalised form ("NY1").
    pub cap: bool,
    /// Every letter upper-case, two or more letters ("US", "NY1", "MWW").
    pub upper: bool,
    /// Sentence number within the paragraph.
    pub sentence: u32,
}

/// A word in lower case, curly apostrophes made straight: borrowed from the paragraph's lower-cased
/// copy for ASCII words (no allocation per token), made for the others. Reads as a `str`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lower<'a>(Cow<'a, str>);

impl<'a> Lower<'a> {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form as borrowed from the lower-cased text, when it is (ASCII words).
    pub fn borrowed(&self) -> Option<&'a str> {
        match self.0 {
            Cow::Borrowed(s) => Some(s),
            Cow::Owned(_) => None,
        }
    }
}

impl Deref for Lower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Lower<'_> {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl Token<'_> {
    /// Byte offset of the token's first byte in its paragraph.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset just past the token in its paragraph.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
}

fn word_char(c: char) -> bool {
    // ASCII (nearly every character of news text) by one table load, not the Unicode tests.
    if c.is_ascii() {
        ASCII_ALPHANUMERIC[c as usize]
    } else {
        c.is_alphanumeric()
    }
}

/// A non-ASCII `word` in lower case with the typographic apostrophe made straight ("Clinton’s" ->
/// "clinton's"); `lowered` is the same bytes with the ASCII letters in lower case.
fn lower_word<'a>(word: &str, lowered: &str) -> Lower<'a> {
    Lower(if word.chars().all(|c| c.is_ascii() || c == '’') {
        // ASCII but for typographic apostrophes ("Clinton’s"): the lower-cased bytes with the
        // apostrophe made straight, in one allocation.
        Cow::Owned(lowered.replace('’', "'"))
    } else if word.contains('’') {
        Cow::Owned(word.to_lowercase().replace('’', "'"))
    } else {
        Cow::Owned(word.to_lowercase())
    })
}

/// Longest abbreviation in [`ABBREVIATIONS`] ("messrs"): longer words skip the list.
const LONGEST_ABBREVIATION: usize = 6;

/// [`ABBREVIATIONS`] as a set, built once: a word before a full stop is looked up, not compared
/// with each entry.
fn abbreviations() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| ABBREVIATIONS.iter().copied().collect())
}

/// Tokens of `text`, each region one `Quote` token. `lowered` is `text` with its ASCII letters in
/// lower case (`str::to_ascii_lowercase`), which the words' lower-case forms borrow.
#[cfg(test)]
pub fn tokenize<'a>(text: &'a str, lowered: &'a str, regions: &[Region]) -> Vec<Token<'a>> {
    let mut out = Vec::with_capacity(capacity_for(text));
    tokenize_into(text, lowered, regions, &mut out, &mut vec![0; regions.len()]);
    out
}

/// About one token per five bytes of news text: room for the tokens of `text` without regrowth.
pub fn capacity_for(text: &str) -> usize {
    text.len() / 5 + 4
}

/// [`tokenize`] appending to `out`, so that an article's paragraphs share one buffer; sets
/// `region_token[r]` (one entry per region) to the index of region `r`'s token among this
/// paragraph's tokens.
pub fn tokenize_into<'a>(
    text: &'a str,
    lowered: &'a str,
    regions: &[Region],
    out: &mut Vec<Token<'a>>,
    region_token: &mut [usize],
) {
    let first = out.len();
    let bytes = text.as_bytes();
    let mut next_region = 0;
    // Where the next region opens: words stop there, the region becomes one token.
    let mut next_open = regions.first().map_or(usize::MAX, |r| r.open);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // The commonest byte first (a region opens at a mark, never at a space).
        if b == b' ' {
            i += 1;
            continue;
        }
        if i == next_open {
            let r = regions[next_region];
            region_token[next_region] = out.len() - first;
            out.push(Token {
                kind: Kind::Quote(offset(next_region)),
                start: offset(r.open),
                end: offset(r.end),
                lower: Lower::default(),
                cap: false,
                upper: false,
                sentence: 0,
            });
            next_region += 1;
            next_open = regions.get(next_region).map_or(usize::MAX, |r| r.open);
            let len = char_at(text, i).map_or(1, char::len_utf8);
            i = next_boundary(text, (i + len).max(r.end));
            continue;
        }
        // ASCII bytes (nearly all) are classified by their byte, without decoding.
        if b.is_ascii() {
            if ASCII_ALPHANUMERIC[usize::from(b)] || b == b'$' {
                // Most words are a run of ASCII letters and digits ending at a space or a
                // stop: taken here, without the general word's joiners and abbreviations.
                let mut end = ascii_run_end(bytes, i + 1, bytes.len().min(next_open));
                if let Some(stop) = plain_word_stop(bytes, b, end) {
                    // A trailing full stop of an abbreviation or an initial stays with the word.
                    if stop == b'.'
                        && ((end - i == 1 && b.is_ascii_uppercase())
                            || (end - i <= LONGEST_ABBREVIATION && abbreviations().contains(&lowered[i..end])))
                    {
                        end += 1;
                    }
                    let word = &bytes[i..end];
                    out.push(Token {
                        kind: Kind::Word,
                        start: offset(i),
                        end: offset(end),
                        lower: Lower(Cow::Borrowed(&lowered[i..end])),
                        cap: b.is_ascii_uppercase() || (b.is_ascii_digit() && word.iter().any(u8::is_ascii_uppercase)),
                        upper: !b.is_ascii_lowercase() && ascii_all_capitals(word),
                        sentence: 0,
                    });
                    i = end;
                } else {
                    i = push_word(text, lowered, i, char::from(b), next_open, out);
                }
            } else if matches!(b, b'\t'..=b'\r') {
                // The other ASCII characters that `char::is_whitespace` accepts.
                i += 1;
            } else {
                out.push(punct(char::from(b), i));
                i += 1;
            }
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            i += c.len_utf8();
        } else if word_char(c) {
            i = push_word(text, lowered, i, c, next_open, out);
        } else {
            out.push(punct(c, i));
            i += c.len_utf8();
        }
    }
    number_sentences(text, regions, &mut out[first..]);
}

/// For an ASCII word starting with byte `first` whose run of letters and digits ends at byte
/// `end`: the byte that ends it (0 at the text's end) when nothing after the run can join the
/// word (`Clinton’s`, `Jong-un`, `U.S`, `AT&T`, `3,000`), so the word is that run.
fn plain_word_stop(bytes: &[u8], first: u8, end: usize) -> Option<u8> {
    let Some(&stop) = bytes.get(end) else {
        return Some(0);
    };
    let next = bytes.get(end + 1).copied();
    let joins = match stop {
        // Only the general path decodes a character that is not ASCII.
        _ if !stop.is_ascii() => true,
        b'\'' | b'-' | b'.' | b'&' => next.is_some_and(|n| !n.is_ascii() || ASCII_ALPHANUMERIC[usize::from(n)]),
        b',' => first.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
        _ => false,
    };
    (!joins).then_some(stop)
}

/// The punctuation token `c` at byte `i`.
fn punct<'a>(c: char, i: usize) -> Token<'a> {
    Token {
        kind: Kind::Punct(c),
        start: offset(i),
        end: offset(i + c.len_utf8()),
        lower: Lower::default(),
        cap: false,
        upper: false,
        sentence: 0,
    }
}

/// Pushes the word that starts with `c` at byte `i`; the byte after it.
fn push_word<'a>(
    text: &'a str,
    lowered: &'a str,
    i: usize,
    c: char,
    next_open: usize,
    out: &mut Vec<Token<'a>>,
) -> usize {
    let bytes = text.as_bytes();
    let (end, ascii, dotted) = word_end(text, i, c, next_open);
    let mut end = end;
    // An ASCII word's form is borrowed: its text is not sliced (nor its slice checked) here.
    let mut lower = if ascii {
        Lower(Cow::Borrowed(&lowered[i..end]))
    } else {
        lower_word(&text[i..end], &lowered[i..end])
    };
    // A trailing full stop of an abbreviation, an initial or a dotted acronym stays with the word.
    if bytes.get(end) == Some(&b'.') {
        let single_initial = end - i == 1 && c.is_uppercase();
        let abbreviation = lower.len() <= LONGEST_ABBREVIATION && abbreviations().contains(lower.as_str());
        if single_initial || dotted || abbreviation {
            end += 1;
            lower = match lower.0 {
                Cow::Borrowed(_) => Lower(Cow::Borrowed(&lowered[i..end])),
                Cow::Owned(word) => Lower(Cow::Owned(word + ".")),
            };
        }
    }
    // The word's text is read only for digit-led words and words that may be all capitals.
    let cap = c.is_uppercase() || (c.is_ascii_digit() && text[i..end].chars().any(char::is_uppercase));
    // A word that opens with a lower-case ASCII letter has a lower-case letter; an ASCII
    // word is tested on its bytes, without a second pass to learn that it is ASCII.
    let upper = !c.is_ascii_lowercase()
        && if ascii {
            ascii_all_capitals(&bytes[i..end])
        } else {
            all_capitals(&text[i..end])
        };
    out.push(Token {
        kind: Kind::Word,
        start: offset(i),
        end: offset(end),
        lower,
        cap,
        upper,
        sentence: 0,
    });
    end
}

/// The end of the word that starts with `c` at byte `i` (never past `next_open`), whether the
/// word is all ASCII, and whether it holds an inner full stop ("U.S").
fn word_end(text: &str, i: usize, c: char, next_open: usize) -> (usize, bool, bool) {
    let bytes = text.as_bytes();
    // Runs of ASCII letters and digits stop at the next region's mark, which is never one.
    let stop = bytes.len().min(next_open);
    let mut ascii = c.is_ascii();
    let mut dotted = false;
    let mut end = i + c.len_utf8();
    let mut j = end;
    loop {
        // Runs of ASCII letters and digits.
        let run_end = ascii_run_end(bytes, j, stop);
        if run_end > j {
            j = run_end;
            end = j;
        }
        // The text's end or the next region's mark.
        if j == stop {
            break;
        }
        // Most words end at an ASCII byte that neither continues nor joins them (a space, a stop).
        if bytes[j].is_ascii() && !matches!(bytes[j], b'\'' | b'-' | b'.' | b'&' | b',') {
            break;
        }
        let Some(d) = char_at(text, j) else {
            break;
        };
        let after = j + d.len_utf8();
        if word_char(d) {
            ascii &= d.is_ascii();
            end = after;
            j = after;
            continue;
        }
        // Inner joiners: Clinton’s, Jong-un, U.S, AT&T, 3.5
        if matches!(d, '\'' | '’' | '-' | '.' | '&' | ',') {
            let next = char_at(text, after);
            let joins = next.is_some_and(word_char)
                && (d != ',' || (c.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit())));
            if joins {
                ascii &= d.is_ascii();
                dotted |= d == '.';
                j = after;
                continue;
            }
        }
        break;
    }
    (end, ascii, dotted)
}

/// A byte offset or index within a paragraph as stored in a token (paragraphs are far below 4 GiB).
fn offset(i: usize) -> u32 {
    i as u32
}

/// The character starting at byte `i` (none at the end), without decoding ASCII.
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text[i..].chars().next(),
        None => None,
    }
}

/// The first character boundary at or after byte `i` (the end at most).
fn next_boundary(text: &str, i: usize) -> usize {
    (i.min(text.len())..=text.len())
        .find(|&k| text.is_char_boundary(k))
        .unwrap_or(text.len())
}

/// Two letters or more, every one upper case ("US", "NY1").
fn all_capitals(word: &str) -> bool {
    if word.is_ascii() {
        return ascii_all_capitals(word.as_bytes());
    }
    let mut letters = 0;
    for ch in word.chars().filter(|c| c.is_alphabetic()) {
        if !ch.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// [`all_capitals`] of an ASCII word, on its bytes.
fn ascii_all_capitals(word: &[u8]) -> bool {
    let mut letters = 0;
    for b in word.iter().filter(|b| b.is_ascii_alphabetic()) {
        if !b.is_ascii_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// A sentence ends at `. ? !` and after a quotation that ends with one when a
/// capitalised word or another quotation follows.
fn number_sentences(text: &str, regions: &[Region], tokens: &mut [Token<'_>]) {
    let mut sentence = 0;
    for i in 0..tokens.len() {
        tokens[i].sentence = sentence;
        let ends = match tokens[i].kind {
            // A stop ends a sentence unless a lower-case word, a comma or a closing bracket follows ("(R-Fla.) said").
            Kind::Punct('.' | '?' | '!') => tokens.get(i + 1).is_none_or(|t| match t.kind {
                Kind::Word => t.cap,
                Kind::Punct(c) => !matches!(c, ')' | ',' | ';' | ']'),
                Kind::Quote(_) => true,
            }),
            Kind::Quote(r) => {
                let r = r as usize;
                let inner = text[regions[r].inner_start..regions[r].inner_end].trim_end();
                let terminal = inner.ends_with(['.', '?', '!']) || inner.ends_with(".'") || inner.ends_with(".’");
                terminal
                    && tokens
                        .get(i + 1)
                        .is_some_and(|t| (t.is_word() && t.cap) || matches!(t.kind, Kind::Quote(_)))
            }
            _ => false,
        };
        if ends {
            sentence += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::marks::pair;
    use super::*;

    // Eight bytes at a time, a run ends where the byte table says it does, for every byte value.
    #[test]
    fn ascii_runs_match_the_table() {
        for b in 0..=255u8 {
            for at in 0..12 {
                let mut bytes = vec![b'a'; 12];
                bytes[at] = b;
                let expected = bytes
                    .iter()
                    .position(|&c| !ASCII_ALPHANUMERIC[usize::from(c)])
                    .unwrap_or(12);
                assert_eq!(ascii_run_end(&bytes, 0, 12), expected, "byte {b:#x} at {at}");
            }
        }
    }

    // Words keep abbreviation stops and inner apostrophes; quotes are one token.
    #[test]
    fn tokens_and_sentences() {
        let text = "“We won,” Sen. Susan Collins’ aide said. He left.";
        let lowered = text.to_ascii_lowercase();
        let t = tokenize(text, &lowered, &pair(text));
        let words: Vec<&str> = t.iter().map(|t| &text[t.start()..t.end()]).collect();
        assert_eq!(
            words,
            [
                "“We won,”",
                "Sen.",
                "Susan",
                "Collins",
                "’",
                "aide",
                "said",
                ".",
                "He",
                "left",
                "."
            ]
        );
        assert_eq!(t[8].sentence, 1);
    }
}
