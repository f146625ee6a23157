//! Extractive summary: TextRank over the body's sentences (word-overlap
//! similarity, PageRank), returned in article order. Only body paragraphs are
//! candidates, so captions, bylines and datelines can never be picked.

use super::actors::FastMap;
use super::text::{alphanumeric_bytes, Body, ASCII_ALPHANUMERIC, HIGH_BITS, ONES};
use std::borrow::Cow;
use std::sync::LazyLock;

/// Candidate sentences considered per article; keeps the quadratic graph bounded on huge inputs.
const MAX_CANDIDATES: usize = 150;
const DAMPING: f64 = 0.85;
const ITERATIONS: usize = 30;

/// Function words that carry no content for sentence similarity.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could", "for",
    "from", "had", "has", "have", "he", "her", "his", "i", "in", "into", "is", "it", "its", "more", "not", "of", "on",
    "or", "our", "over", "s", "said", "says", "she", "than", "that", "the", "their", "there", "these", "they", "this",
    "those", "to", "was", "we", "were", "which", "who", "will", "with", "would", "you",
];

/// The `n` most central sentences of the body, in article order.
pub fn summarize(body: &Body, n: usize) -> Vec<String> {
    if n == 0 {
        return Vec::new();
    }
    let candidates: Vec<&str> = body
        .sentence_texts()
        .filter(|s| has_words(s, 4))
        .take(MAX_CANDIDATES)
        .collect();
    if candidates.len() <= n {
        return candidates.into_iter().map(str::to_string).collect();
    }
    let words = SentenceWords::new(&candidates);
    let scores = rank(&words);
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    // Ties go to the earlier sentence, as news puts the main point first.
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut chosen: Vec<usize> = order.into_iter().take(n).collect();
    chosen.sort_unstable();
    chosen.into_iter().map(|i| candidates[i].to_string()).collect()
}

/// Whether `sentence` has at least `n` whitespace-separated words (`split_whitespace().nth(n - 1)`),
/// counted without building the words; ASCII bytes are tested as bytes, only other characters
/// decoded.
fn has_words(sentence: &str, n: usize) -> bool {
    let bytes = sentence.as_bytes();
    let mut count = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // `char::is_whitespace` of an ASCII character: the five of `is_ascii_whitespace` and the
        // vertical tab.
        let white = if b.is_ascii() {
            i += 1;
            b.is_ascii_whitespace() || b == 0x0B
        } else {
            let ch = sentence[i..].chars().next().expect("a character starts here");
            i += ch.len_utf8();
            ch.is_whitespace()
        };
        if white {
            in_word = false;
        } else if !in_word {
            in_word = true;
            count += 1;
            if count == n {
                return true;
            }
        }
    }
    false
}

/// Each candidate sentence's distinct content words as ids, in one flat list cut at `starts`
/// (the order of a sentence's ids does not matter: only which words two sentences share does).
struct SentenceWords {
    starts: Vec<u32>,
    ids: Vec<u32>,
    /// The number of ids given out (stopwords included): every id is below it.
    vocabulary_size: usize,
}

impl SentenceWords {
    fn new(sentences: &[&str]) -> Self {
        SLOTS.with(|slots| match slots.try_borrow_mut() {
            Ok(mut slots) => Self::collect(sentences, &mut slots),
            // Only a reentrant call could find the table in use; it takes a table of its own.
            Err(_) => Self::collect(sentences, &mut stopword_slots()),
        })
    }

    fn collect(sentences: &[&str], slots: &mut Vec<u32>) -> Self {
        let bytes: usize = sentences.iter().map(|s| s.len()).sum();
        let mut vocabulary = Vocabulary::new(slots);
        // Per id, the last sentence it was counted in: a word repeated in a sentence counts once.
        let mut last_seen: Vec<u32> = vec![u32::MAX; STOPWORDS.len()];
        let mut starts = Vec::with_capacity(sentences.len() + 1);
        let mut ids = Vec::with_capacity(bytes / 8);
        starts.push(0);
        for (index, sentence) in sentences.iter().enumerate() {
            let index = index as u32;
            scan_words(sentence, |word, key| {
                let id = vocabulary.id(word, key) as usize;
                if id == last_seen.len() {
                    last_seen.push(u32::MAX);
                }
                // Stopwords hold the first ids and are never counted.
                if id >= STOPWORDS.len() && last_seen[id] != index {
                    last_seen[id] = index;
                    ids.push(id as u32);
                }
            });
            starts.push(ids.len() as u32);
        }
        SentenceWords {
            starts,
            ids,
            vocabulary_size: vocabulary.len() as usize,
        }
    }

    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// Sentence `i`'s distinct content word ids.
    fn of(&self, i: usize) -> &[u32] {
        &self.ids[self.starts[i] as usize..self.starts[i + 1] as usize]
    }
}

/// Up to this many ASCII characters, a lower-cased word is one number ([`packed_key`]).
const PACKED_MAX: usize = 16;

/// Lower-cased words numbered in order of first sight, the stopwords first, so one lookup both
/// filters a word and numbers it. Short ASCII words (nearly all) are keyed by their bytes packed
/// into a `u128` and looked up in an open-addressing table of their own (linear probing, at most
/// half full), cheaper than a general hash map; the others by the string.
struct Vocabulary<'a, 't> {
    /// Per slot, 0 when empty, else one more than the id of the key there. Borrowed from
    /// [`SLOTS`], which holds the stopwords, and left so again on drop.
    slots: &'t mut Vec<u32>,
    /// The packed key of each id (0 for an id not packed).
    keys: Vec<u128>,
    /// The slots taken by words other than the stopwords, to empty them again.
    taken: Vec<u32>,
    other: FastMap<Cow<'a, str>, u32>,
    /// Scratch space for lower-casing the words not packed.
    lower: String,
}

thread_local! {
    /// The slot table of [`Vocabulary`], reused from article to article: a fresh one would be
    /// zeroed each time, which costs more than the lookups in it. Between uses it holds the
    /// stopwords alone.
    static SLOTS: std::cell::RefCell<Vec<u32>> = std::cell::RefCell::new(stopword_slots());
}

impl<'a, 't> Vocabulary<'a, 't> {
    /// A vocabulary holding the stopwords, in the (empty) slot table `slots`.
    fn new(slots: &'t mut Vec<u32>) -> Self {
        let mut keys = Vec::with_capacity(512);
        keys.extend_from_slice(&STOPWORD_KEYS);
        Vocabulary {
            slots,
            keys,
            taken: Vec::with_capacity(512),
            other: FastMap::default(),
            lower: String::new(),
        }
    }

    /// The number of words seen.
    fn len(&self) -> u32 {
        self.keys.len() as u32
    }

    /// The id of `word` in lower case, numbering it if new. `key` is the [`packed_key`] of the
    /// word lower-cased, if it has one.
    #[inline]
    fn id(&mut self, word: &'a str, key: Option<u128>) -> u32 {
        match key {
            Some(key) => self.packed_id(key),
            None => self.other_id(word),
        }
    }

    /// The id of a packed key, numbering it if new.
    #[inline]
    fn packed_id(&mut self, key: u128) -> u32 {
        let mask = self.slots.len() - 1;
        let mut slot = slot_of(key, mask);
        loop {
            match self.slots[slot] {
                0 => break,
                taken if self.keys[taken as usize - 1] == key => return taken - 1,
                _ => slot = (slot + 1) & mask,
            }
        }
        let id = self.len();
        self.keys.push(key);
        self.slots[slot] = id + 1;
        self.taken.push(slot as u32);
        if 2 * (STOPWORDS.len() + self.taken.len()) > self.slots.len() {
            self.grow();
        }
        id
    }

    /// Doubles the slot table, keeping every key's id.
    #[inline(never)]
    fn grow(&mut self) {
        self.taken.clear();
        let slots = 2 * self.slots.len();
        self.slots.fill(0);
        self.slots.resize(slots, 0);
        for (id, &key) in self.keys.iter().enumerate().filter(|&(_, &key)| key != 0) {
            let slot = insert(self.slots, key, id as u32);
            // The stopwords stay in the table between articles.
            if id >= STOPWORDS.len() {
                self.taken.push(slot as u32);
            }
        }
    }

    fn clear_slots(&mut self) {
        for &slot in &self.taken {
            self.slots[slot as usize] = 0;
        }
        self.taken.clear();
    }

    /// A new id for a word that is not packed.
    fn push_other(&mut self) -> u32 {
        let id = self.len();
        self.keys.push(0);
        id
    }

    /// [`Self::id`] of a word not keyed by its characters (long or not ASCII).
    #[inline(never)]
    fn other_id(&mut self, word: &'a str) -> u32 {
        if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
            if let Some(&id) = self.other.get(word) {
                return id;
            }
            let id = self.push_other();
            self.other.insert(Cow::Borrowed(word), id);
            return id;
        }
        let mut lower = std::mem::take(&mut self.lower);
        let lowered = lower_case_into(&mut lower, word);
        // Lower case can make a word ASCII (the Kelvin sign becomes "k"): it takes the key.
        let id = match packed_key(lowered.as_bytes()) {
            Some(key) => self.packed_id(key),
            None => match self.other.get(lowered) {
                Some(&id) => id,
                None => {
                    let id = self.push_other();
                    self.other.insert(Cow::Owned(lowered.to_owned()), id);
                    id
                }
            },
        };
        self.lower = lower;
        id
    }
}

impl Drop for Vocabulary<'_, '_> {
    fn drop(&mut self) {
        self.clear_slots();
    }
}

/// The packed keys of the stopwords, which take the first ids.
static STOPWORD_KEYS: LazyLock<Vec<u128>> = LazyLock::new(|| {
    STOPWORDS
        .iter()
        .map(|word| packed_key(word.as_bytes()).expect("stopwords are short ASCII words"))
        .collect()
});

/// A slot table holding the stopwords alone, as [`SLOTS`] is between articles: they are the same
/// in every article, so they are put in once.
fn stopword_slots() -> Vec<u32> {
    let mut slots = vec![0; 1024];
    for (id, &key) in STOPWORD_KEYS.iter().enumerate() {
        insert(&mut slots, key, id as u32);
    }
    slots
}

/// Puts `key` with `id` in the first free slot from its own, which it returns.
fn insert(slots: &mut [u32], key: u128, id: u32) -> usize {
    let mask = slots.len() - 1;
    let mut slot = slot_of(key, mask);
    while slots[slot] != 0 {
        slot = (slot + 1) & mask;
    }
    slots[slot] = id + 1;
    slot
}

/// The table slot a packed key is first looked for in (Fibonacci hashing of its two halves).
#[inline]
fn slot_of(key: u128, mask: usize) -> usize {
    let mixed = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask
}

/// `bytes` (ASCII alphanumeric, lower case) as one number, a byte a character, when at most
/// [`PACKED_MAX`] long: distinct strings get distinct numbers, as no character is zero.
fn packed_key(bytes: &[u8]) -> Option<u128> {
    (!bytes.is_empty() && bytes.len() <= PACKED_MAX && bytes.is_ascii()).then(|| {
        let mut buffer = [0u8; PACKED_MAX];
        buffer[..bytes.len()].copy_from_slice(bytes);
        u128::from_le_bytes(buffer)
    })
}

/// The words of `sentence`: its runs of alphanumeric characters.
#[cfg(test)]
fn words(sentence: &str) -> Vec<&str> {
    let mut words = Vec::new();
    scan_words(sentence, |word, _| words.push(word));
    words
}

/// Calls `found` with each run of alphanumeric characters of `sentence` and, when the run is
/// ASCII and at most [`PACKED_MAX`] long, its lower case as a [`packed_key`]. ASCII bytes are
/// tested as bytes; only other characters are decoded.
#[inline]
fn scan_words<'s>(sentence: &'s str, mut found: impl FnMut(&'s str, Option<u128>)) {
    let bytes = sentence.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !ASCII_ALPHANUMERIC[usize::from(b)] {
            if b.is_ascii() {
                i += 1;
            } else if alphanumeric_width(sentence, i).is_some() {
                let end = mixed_word_end(sentence, i);
                found(&sentence[i..end], None);
                i = end;
            } else {
                i += utf8_width(b);
            }
            continue;
        }
        let start = i;
        // Most words end within their first eight bytes, found with one test of all eight.
        let first = load8(bytes, start);
        let stops = !alphanumeric_bytes(first) & HIGH_BITS;
        i = if stops != 0 {
            start + (stops.trailing_zeros() / 8) as usize
        } else {
            let mut end = start + 8;
            while end < bytes.len() && ASCII_ALPHANUMERIC[usize::from(bytes[end])] {
                end += 1;
            }
            end
        };
        if i < bytes.len() && !bytes[i].is_ascii() && alphanumeric_width(sentence, i).is_some() {
            // A word with other letters ("café"): the rest character by character, and no key.
            let end = mixed_word_end(sentence, i);
            found(&sentence[start..end], None);
            i = end;
        } else {
            found(&sentence[start..i], ascii_key(first, bytes, start, i));
        }
    }
}

/// The bit that lower-cases an ASCII letter (and leaves a digit), in every byte.
const LOWER: u64 = 0x20 * ONES;

/// The [`packed_key`] of the lower case of the ASCII letters and digits `bytes[start..end]`, when
/// at most [`PACKED_MAX`] long, given their first eight bytes `first` ([`load8`]): the bytes after
/// the word cut off, and `| 0x20` lower-cases a letter and leaves a digit.
#[inline]
fn ascii_key(first: u64, bytes: &[u8], start: usize, end: usize) -> Option<u128> {
    let len = end - start;
    if len > PACKED_MAX {
        return None;
    }
    let keep = |n: usize| u64::MAX.checked_shr(8 * (8 - n.min(8)) as u32).unwrap_or(0);
    let low = (first | LOWER) & keep(len);
    let high = if len > 8 {
        (load8(bytes, start + 8) | LOWER) & keep(len - 8)
    } else {
        0
    };
    Some(u128::from(low) | u128::from(high) << 64)
}

/// Eight bytes of `bytes` from `at` as a little-endian number, zero-padded past the end.
#[inline]
fn load8(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at + 8) {
        Some(chunk) => u64::from_le_bytes(chunk.try_into().expect("eight bytes")),
        None => load8_padded(bytes, at),
    }
}

#[inline(never)]
fn load8_padded(bytes: &[u8], at: usize) -> u64 {
    let rest = bytes.get(at..).unwrap_or_default();
    let mut buffer = [0u8; 8];
    buffer[..rest.len()].copy_from_slice(rest);
    u64::from_le_bytes(buffer)
}

/// The width of the character at byte `i` of `sentence` when it is alphanumeric.
fn alphanumeric_width(sentence: &str, i: usize) -> Option<usize> {
    match sentence.as_bytes()[i] {
        b if b.is_ascii() => b.is_ascii_alphanumeric().then_some(1),
        _ => sentence[i..]
            .chars()
            .next()
            .filter(|c| c.is_alphanumeric())
            .map(char::len_utf8),
    }
}

/// The end of a run of alphanumeric characters through byte `i`.
#[inline(never)]
fn mixed_word_end(sentence: &str, mut i: usize) -> usize {
    let bytes = sentence.as_bytes();
    while i < bytes.len() {
        if ASCII_ALPHANUMERIC[usize::from(bytes[i])] {
            i += 1;
        } else if let Some(width) = (!bytes[i].is_ascii())
            .then(|| alphanumeric_width(sentence, i))
            .flatten()
        {
            i += width;
        } else {
            break;
        }
    }
    i
}

/// The byte length of the UTF-8 sequence a leading byte starts.
fn utf8_width(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// `word` in lower case, written into the reused `buffer`.
fn lower_case_into<'b>(buffer: &'b mut String, word: &str) -> &'b str {
    buffer.clear();
    if word.is_ascii() {
        buffer.push_str(word);
        buffer.make_ascii_lowercase();
    } else {
        buffer.push_str(&word.to_lowercase());
    }
    buffer
}

/// PageRank over the similarity graph (Mihalcea & Tarau 2004: overlap / (log|a| + log|b|)).
fn rank(words: &SentenceWords) -> Vec<f64> {
    let n = words.len();
    let similarity = Similarity::new(words);
    // Every sum below runs over a full row of the similarity matrix in index order, zeros
    // included: a zero adds +0.0 to a sum of non-negative terms, which changes no bit, so the
    // sums are those over each sentence's neighbours alone.
    let out_sums: Vec<f64> = (0..n)
        .map(|i| similarity.row(i).iter().fold(0.0, |sum, &w| sum + w))
        .collect();
    let mut scores = vec![1.0; n];
    let mut share = vec![0.0; n];
    for _ in 0..ITERATIONS {
        for ((slot, &score), &out_sum) in share.iter_mut().zip(&scores).zip(&out_sums) {
            *slot = if out_sum > 0.0 { score / out_sum } else { 0.0 };
        }
        // incoming[i] = sum over j in order of weight(i, j) * share[j], LANES sentences at a time.
        for (block, slots) in scores.chunks_mut(LANES).enumerate() {
            let incoming = similarity.incoming(block, &share);
            for (slot, &sum) in slots.iter_mut().zip(&incoming) {
                *slot = (1.0 - DAMPING) + DAMPING * sum;
            }
        }
    }
    scores
}

/// Sentences whose PageRank sums are taken side by side: each keeps its own sum, added to in the
/// same order as alone, but one pass over the matrix serves them all (and the compiler can keep
/// the sums in vector registers).
const LANES: usize = 8;

/// The similarity matrix, dense, each row padded with zeros to a multiple of [`LANES`]. It is
/// symmetric, so row `j` from column `block * LANES` holds the weights of sentences
/// `block * LANES ..` to sentence `j`.
struct Similarity {
    n: usize,
    stride: usize,
    weights: Vec<f64>,
}

impl Similarity {
    fn new(words: &SentenceWords) -> Self {
        let n = words.len();
        let stride = n.div_ceil(LANES) * LANES;
        let log_len: Vec<f64> = (0..n).map(|i| (words.of(i).len() as f64).max(2.0).ln()).collect();
        let mut weights = vec![0.0f64; n * stride];
        // Overlaps through an index of the sentences each word is in (in order): for sentence i,
        // count the words each later sentence shares with it.
        let postings = sentences_by_word(words);
        let mut shared = vec![0u32; n];
        for i in 0..n {
            for &w in words.of(i) {
                for &j in postings.of(w).iter().rev().take_while(|&&j| j as usize > i) {
                    shared[j as usize] += 1;
                }
            }
            // Iterated rather than indexed: this scan of every later sentence is quadratic, so it
            // is kept free of a bounds check per sentence.
            for (j, count) in shared.iter_mut().enumerate().skip(i + 1) {
                if *count > 0 {
                    let weight = f64::from(*count) / (log_len[i] + log_len[j]);
                    weights[i * stride + j] = weight;
                    weights[j * stride + i] = weight;
                    *count = 0;
                }
            }
        }
        Similarity { n, stride, weights }
    }

    /// Sentence `i`'s weights to every sentence, in index order.
    fn row(&self, i: usize) -> &[f64] {
        &self.weights[i * self.stride..i * self.stride + self.n]
    }

    /// For each sentence `block * LANES + k`, the sum over every sentence j in order of
    /// weight * `share[j]`.
    #[inline]
    fn incoming(&self, block: usize, share: &[f64]) -> [f64; LANES] {
        let mut sums = [0.0; LANES];
        let from = block * LANES;
        for (row, &share) in self.weights.chunks_exact(self.stride).zip(share) {
            let lanes: &[f64; LANES] = row[from..from + LANES].try_into().expect("LANES columns");
            for (sum, &weight) in sums.iter_mut().zip(lanes) {
                *sum += weight * share;
            }
        }
        sums
    }
}

/// For each word id, the sentences it is in, in order: one flat list cut at `starts`.
struct Postings {
    starts: Vec<u32>,
    sentences: Vec<u32>,
}

impl Postings {
    fn of(&self, word: u32) -> &[u32] {
        &self.sentences[self.starts[word as usize] as usize..self.starts[word as usize + 1] as usize]
    }
}

fn sentences_by_word(words: &SentenceWords) -> Postings {
    let mut starts = vec![0u32; words.vocabulary_size + 1];
    for &w in &words.ids {
        starts[w as usize + 1] += 1;
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    let mut fill = starts.clone();
    let mut sentences = vec![0u32; words.ids.len()];
    for i in 0..words.len() {
        for &w in words.of(i) {
            sentences[fill[w as usize] as usize] = i as u32;
            fill[w as usize] += 1;
        }
    }
    Postings { starts, sentences }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Picks the requested number of sentences, in article order.
    #[test]
    fn picks_n_in_order() {
        let paragraphs = vec![
            "North Korea rejected talks with the United States on Tuesday. The weather was fine in Seoul today.".to_string(),
            "The United States urged North Korea to return to talks. Officials in Seoul backed the talks with North Korea.".to_string(),
            "A football match ended in a draw on Sunday evening.".to_string(),
        ];
        let summary = summarize(&Body::new(&paragraphs), 2);
        assert_eq!(summary.len(), 2);
        let positions: Vec<usize> = summary
            .iter()
            .map(|s| paragraphs.join(" ").find(s.as_str()).unwrap())
            .collect();
        assert!(positions[0] < positions[1]);
        assert!(!summary.iter().any(|s| s.contains("football")));
    }

    /// Words are the runs of alphanumeric characters, ASCII or not.
    #[test]
    fn words_are_alphanumeric_runs() {
        for text in [
            "Kim Jong-un’s 3.5% rise, “Pyeongchang” — Ünïcode café 北京 talks…ok 🙂x",
            "",
            "--",
            "é",
            "a’b",
        ] {
            let expected: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(words(text), expected, "{text}");
        }
    }

    /// Words are counted as `split_whitespace` counts them, Unicode spaces included.
    #[test]
    fn has_words_counts_as_split_whitespace() {
        for text in [
            "a b c d",
            "a\u{a0}b c d",
            "a\u{b}b c d",
            "  a  b\tc\nd ",
            "a b c",
            "é ü ö ä",
            "a\u{2003}b\u{3000}c\u{85}d",
            "",
        ] {
            for n in 1..6 {
                let expected = text.split_whitespace().nth(n - 1).is_some();
                assert_eq!(has_words(text, n), expected, "{text:?} {n}");
            }
        }
    }

    /// The reused table still knows the stopwords, and only them, after an article large enough
    /// to grow it.
    #[test]
    fn table_survives_growth() {
        let big: Vec<String> = (0..3000)
            .map(|i| format!("Word{i} alpha{i} beta{i} gamma{i}."))
            .collect();
        let paragraphs = vec![big.join(" ")];
        let body = Body::new(&paragraphs);
        assert_eq!(summarize(&body, 2).len(), 2);
        let words = SentenceWords::new(&["The said of and to", "Talks talks TALKS with Seoul seoul"]);
        assert!(words.of(0).is_empty());
        assert_eq!(words.of(1).len(), 2);
    }

    /// The stopword list stays sorted and distinct: each stopword takes its own vocabulary id.
    #[test]
    fn stopwords_sorted() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    /// Zero sentences asked, none given; short bodies are returned whole.
    #[test]
    fn edge_counts() {
        let paragraphs = vec!["Only one sentence is here.".to_string()];
        assert!(summarize(&Body::new(&paragraphs), 0).is_empty());
        assert_eq!(summarize(&Body::new(&paragraphs), 3), ["Only one sentence is here."]);
    }
}
