//! Text helpers shared by the analysis: sentence boundaries and the
//! abbreviations that do not end a sentence.

use std::ops::Range;
use std::sync::LazyLock;

/// ASCII letters and digits by byte value: one load per byte instead of two range tests, for the
/// word scans of quotes, summary and dates.
pub(crate) static ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Each byte of a `u64` set to 1.
pub(crate) const ONES: u64 = u64::MAX / 0xFF;
/// The high bit of each byte of a `u64`.
pub(crate) const HIGH_BITS: u64 = ONES * 0x80;

/// The high bit of each byte of `x` that is an ASCII letter or digit ([`ASCII_ALPHANUMERIC`]),
/// eight bytes at once. Each range test adds a constant that carries into the high bit exactly
/// from the range's bound; the high bits are cleared first, so no sum carries into the next byte.
#[inline]
pub(crate) fn alphanumeric_bytes(x: u64) -> u64 {
    let low = x & !HIGH_BITS;
    let at_least = |v: u64, bound: u8| v + ONES * u64::from(0x80 - bound);
    // `| 0x20` lower-cases a letter and takes no other byte into "a"..="z".
    let folded = low | (ONES * 0x20);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    let digit = at_least(low, b'0') & !at_least(low, b'9' + 1);
    (letter | digit) & !x & HIGH_BITS
}

/// The end of the run of ASCII letters and digits that starts at byte `at`, no further than
/// `stop`: eight bytes at a time, the last few one by one.
#[inline]
pub(crate) fn ascii_run_end(bytes: &[u8], mut at: usize, stop: usize) -> usize {
    while let Some(chunk) = bytes.get(at..at + 8).filter(|_| at + 8 <= stop) {
        let others = !alphanumeric_bytes(u64::from_le_bytes(chunk.try_into().expect("eight bytes"))) & HIGH_BITS;
        if others != 0 {
            // The lowest set bit belongs to the first byte that is not a letter or digit.
            return at + (others.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while at < stop && ASCII_ALPHANUMERIC[usize::from(bytes[at])] {
        at += 1;
    }
    at
}

/// Abbreviations that keep their full stop: a stop after them does not end a sentence ("Sen.", "Mr.", "Jan.").
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "maj", "gov", "sen", "rep",
    "st", "jr", "sr", "inc", "co", "corp", "ltd", "vs", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov",
    "dec", "no", "mt", "ft", "rev", "messrs", "hon", "pres", "u.s", "u.n", "u.k", "e.g", "i.e", "a.m", "p.m", "ph.d",
    "gens", "reps", "sens", "govt", "dept",
];

/// The body's paragraphs with their sentences, split once per article and shared by the stages
/// (actors, summary, timeline) rather than split again by each.
pub struct Body<'a> {
    pub paragraphs: &'a [String],
    /// Per paragraph, the byte ranges of its sentences (see [`sentences`]).
    pub sentences: Vec<Vec<Range<usize>>>,
}

impl<'a> Body<'a> {
    pub fn new(paragraphs: &'a [String]) -> Self {
        Body {
            paragraphs,
            sentences: paragraphs.iter().map(|p| sentences(p)).collect(),
        }
    }

    /// Each paragraph's sentences as text, in article order.
    pub fn sentence_texts(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.paragraphs
            .iter()
            .zip(&self.sentences)
            .flat_map(|(p, ranges)| ranges.iter().map(move |r| &p[r.clone()]))
    }
}

/// Byte ranges of the sentences of `text`, trimmed of surrounding whitespace.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut from = 0;
    // The stops are ASCII, so the byte offsets found are char boundaries. `memchr3` scans many
    // bytes at a time: most of a paragraph is not a stop.
    while let Some(offset) = memchr::memchr3(b'.', b'!', b'?', &text.as_bytes()[from..]) {
        let stop = from + offset;
        // Take closing quotes and brackets with the sentence.
        let end = stop
            + 1
            + text[stop + 1..]
                .chars()
                .take_while(|&ch| matches!(ch, '"' | '”' | '’' | '\'' | ')' | ']' | '»'))
                .map(char::len_utf8)
                .sum::<usize>();
        if ends_sentence(text, stop, end) {
            push_trimmed(text, start..end, &mut out);
            start = end;
            from = end;
        } else {
            from = stop + 1;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// A boundary needs whitespace and then a capital, digit or opening quote, and no abbreviation before the stop.
fn ends_sentence(text: &str, stop: usize, after: usize) -> bool {
    let rest = &text[after..];
    let Some(next) = rest.chars().next() else {
        return true;
    };
    if !next.is_whitespace() {
        return false;
    }
    let Some(following) = rest.chars().find(|ch| !ch.is_whitespace()) else {
        return true;
    };
    if !(following.is_uppercase()
        || following.is_ascii_digit()
        || matches!(following, '"' | '“' | '‘' | '\'' | '(' | '«'))
    {
        return false;
    }
    text.as_bytes()[stop] != b'.' || !is_abbreviation(&text[..stop])
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|ch: char| ch.is_whitespace() || ch == '(' || ch == '"' || ch == '“')
        .next()
        .unwrap_or("");
    // A single capital initial ("Jong-un K. Lee") or a dotted acronym ("U.S"). The abbreviations are
    // ASCII, and no other letter lower-cases into one of theirs, so an ASCII comparison suffices.
    (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || is_listed_abbreviation(word)
        || (word.len() <= 4 && word.contains('.') && word.chars().all(|ch| ch == '.' || ch.is_uppercase()))
}

/// Whether `word` is one of [`ABBREVIATIONS`] in any ASCII case
/// (`ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))`), by a binary search of their
/// [`abbreviation_key`]s rather than a comparison with each: this runs at most sentence ends.
fn is_listed_abbreviation(word: &str) -> bool {
    static KEYS: LazyLock<Vec<u64>> = LazyLock::new(|| {
        let mut keys: Vec<u64> = ABBREVIATIONS
            .iter()
            .map(|a| abbreviation_key(a).expect("abbreviations are short"))
            .collect();
        keys.sort_unstable();
        keys
    });
    abbreviation_key(word).is_some_and(|key| KEYS.binary_search(&key).is_ok())
}

/// A word of at most seven bytes as one number: its bytes ASCII-lower-cased, and its length in the
/// top byte (so a word with a zero byte keeps a key of its own).
fn abbreviation_key(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    (bytes.len() <= 7).then(|| {
        let mut buffer = [0u8; 8];
        buffer[..bytes.len()].copy_from_slice(bytes);
        buffer.make_ascii_lowercase();
        buffer[7] = bytes.len() as u8;
        u64::from_le_bytes(buffer)
    })
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    /// Plain full stops split; abbreviations and initials do not.
    #[test]
    fn splits_sentences() {
        assert_eq!(
            split("Mr. Kim met U.S. envoy Sung Kim on Jan. 5 in Seoul. They talked. Did it work?  Yes!"),
            [
                "Mr. Kim met U.S. envoy Sung Kim on Jan. 5 in Seoul.",
                "They talked.",
                "Did it work?",
                "Yes!"
            ]
        );
    }

    /// Closing quotes stay with their sentence.
    #[test]
    fn quotes_stay_attached() {
        assert_eq!(
            split("“We support dialogue.” Sung Kim said so. “A,” he said."),
            ["“We support dialogue.”", "Sung Kim said so.", "“A,” he said."]
        );
    }

    /// The keyed lookup of abbreviations answers as a comparison with each.
    #[test]
    fn abbreviation_lookup_matches_list() {
        let mut words: Vec<String> = ABBREVIATIONS.iter().map(|a| a.to_string()).collect();
        words.extend(ABBREVIATIONS.iter().map(|a| a.to_ascii_uppercase()));
        words.extend(ABBREVIATIONS.iter().map(|a| format!("{a}s")));
        words.extend(ABBREVIATIONS.iter().map(|a| a[1..].to_string()));
        words.extend(["", "mr\0", "Mr\u{e9}", "messrsx", "MeSsRs", "seoul", "U.S", "k", "ſt"].map(String::from));
        for word in &words {
            let expected = ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
            assert_eq!(is_listed_abbreviation(word), expected, "{word:?}");
        }
    }

    /// Decimal numbers and lower-case continuations do not split.
    #[test]
    fn no_split_inside_numbers() {
        assert_eq!(
            split("Growth was 3.5 pct. in 1986, it said."),
            ["Growth was 3.5 pct. in 1986, it said."]
        );
    }
}
