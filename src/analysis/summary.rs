//! Extractive summary: TextRank over the body's sentences (word-overlap
//! similarity, PageRank), returned in article order. Only body paragraphs are
//! candidates, so captions, bylines and datelines can never be picked.

use super::actors::FastMap;
use super::text::{Body, ASCII_ALPHANUMERIC};
use std::borrow::Cow;

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
    let mut vocabulary = Vocabulary::new();
    let mut ids = Vec::new();
    let words: Vec<Vec<u32>> = candidates
        .iter()
        .map(|s| content_words(s, &mut vocabulary, &mut ids))
        .collect();
    let scores = rank(&words, vocabulary.len() as usize);
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    // Ties go to the earlier sentence, as news puts the main point first.
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut chosen: Vec<usize> = order.into_iter().take(n).collect();
    chosen.sort_unstable();
    chosen.into_iter().map(|i| candidates[i].to_string()).collect()
}

/// Whether `sentence` has at least `n` whitespace-separated words (`split_whitespace().nth(n - 1)`),
/// counted without building the words.
fn has_words(sentence: &str, n: usize) -> bool {
    let mut count = 0;
    let mut in_word = false;
    for ch in sentence.chars() {
        if ch.is_whitespace() {
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

/// Up to this many ASCII characters, a lower-cased word is one number ([`Vocabulary::packed`]).
const PACKED_MAX: usize = 2 * HALF;
/// Characters in each `u64` half of a packed key, seven bits each.
const HALF: usize = 9;

/// Lower-cased words numbered in order of first sight, the stopwords first, so one lookup both
/// filters a word and numbers it. Short ASCII words (nearly all) are keyed by their characters
/// packed into a `u128`, seven bits each, which is cheaper to hash and compare than a string;
/// the others by the string.
struct Vocabulary<'a> {
    packed: FastMap<u128, u32>,
    other: FastMap<Cow<'a, str>, u32>,
    len: u32,
}

impl<'a> Vocabulary<'a> {
    fn new() -> Self {
        let mut vocabulary = Vocabulary {
            packed: FastMap::with_capacity_and_hasher(512, Default::default()),
            other: FastMap::default(),
            len: 0,
        };
        let mut lower = String::new();
        for word in STOPWORDS {
            vocabulary.id(word, packed_key(word.as_bytes()), &mut lower);
        }
        vocabulary
    }

    /// The number of words seen.
    fn len(&self) -> u32 {
        self.len
    }

    /// The id of `word` in lower case, numbering it if new. `key` is the packed lower case of an
    /// ASCII word ([`packed_key`] of it lower-cased), if short enough; `lower` is scratch space.
    #[inline]
    fn id(&mut self, word: &'a str, key: Option<u128>, lower: &mut String) -> u32 {
        let next = self.len;
        let id = match key {
            Some(key) => *self.packed.entry(key).or_insert(next),
            None => self.other_id(word, lower),
        };
        if id == next {
            self.len += 1;
        }
        id
    }

    /// [`Self::id`] of a word not keyed by its characters (long or not ASCII), without counting it.
    #[inline(never)]
    fn other_id(&mut self, word: &'a str, lower: &mut String) -> u32 {
        let next = self.len;
        if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return *self.other.entry(Cow::Borrowed(word)).or_insert(next);
        }
        let lowered = lower_case_into(lower, word);
        // Lower case can make a word ASCII (the Kelvin sign becomes "k"): it takes the key.
        match packed_key(lowered.as_bytes()) {
            Some(key) => *self.packed.entry(key).or_insert(next),
            None => match self.other.get(lowered) {
                Some(&id) => id,
                None => {
                    self.other.insert(Cow::Owned(lowered.to_owned()), next);
                    next
                }
            },
        }
    }
}

/// `bytes` (ASCII, lower case) as one number, seven bits a character, when at most
/// [`PACKED_MAX`] long: distinct strings get distinct numbers, as no character is zero.
fn packed_key(bytes: &[u8]) -> Option<u128> {
    (bytes.len() <= PACKED_MAX && bytes.is_ascii())
        .then(|| bytes.iter().rev().fold(0, |key, &b| key << 7 | u128::from(b)))
}

/// The sentence's distinct content words as sorted ids into `vocabulary` (the stopwords are left
/// out). `ids` is scratch space for the ids, copied out once at their final length.
fn content_words<'a>(sentence: &'a str, vocabulary: &mut Vocabulary<'a>, ids: &mut Vec<u32>) -> Vec<u32> {
    ids.clear();
    let mut lower = String::new();
    let mut at = 0;
    while let Some((word, key)) = next_word(sentence, &mut at) {
        let id = vocabulary.id(word, key, &mut lower);
        if id as usize >= STOPWORDS.len() {
            ids.push(id);
        }
    }
    ids.sort_unstable();
    ids.dedup();
    ids.to_vec()
}

/// The words of `sentence`: its runs of alphanumeric characters.
#[cfg(test)]
fn words(sentence: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    std::iter::from_fn(move || next_word(sentence, &mut at).map(|(word, _)| word))
}

/// The next run of alphanumeric characters of `sentence` from byte `at` (moved past it), and when
/// it is ASCII and at most [`PACKED_MAX`] long, its lower case as a [`packed_key`] (built during
/// the scan: `| 0x20` lower-cases an ASCII letter and leaves a digit). ASCII bytes are tested as
/// bytes; only other characters are decoded.
fn next_word<'s>(sentence: &'s str, at: &mut usize) -> Option<(&'s str, Option<u128>)> {
    let bytes = sentence.as_bytes();
    // The width of the character at `i` when it is alphanumeric.
    let alphanumeric_width = |i: usize| match bytes[i] {
        b if b.is_ascii() => b.is_ascii_alphanumeric().then_some(1),
        _ => sentence[i..]
            .chars()
            .next()
            .filter(|c| c.is_alphanumeric())
            .map(char::len_utf8),
    };
    let mut i = *at;
    while i < bytes.len() && !ASCII_ALPHANUMERIC[usize::from(bytes[i])] {
        if bytes[i].is_ascii() {
            i += 1;
        } else if alphanumeric_width(i).is_some() {
            break;
        } else {
            i += utf8_width(bytes[i]);
        }
    }
    let start = i;
    // The key in two halves of nine characters (63 bits) each: shifts of a u64 are cheap.
    let (mut low, mut high) = (0u64, 0u64);
    let mut ascii = true;
    while i < bytes.len() {
        let b = bytes[i];
        if ASCII_ALPHANUMERIC[usize::from(b)] {
            let k = i - start;
            let lower = u64::from(b | 0x20);
            if k < HALF {
                low |= lower << (7 * k);
            } else if k < PACKED_MAX {
                high |= lower << (7 * (k - HALF));
            }
            i += 1;
        } else if let Some(width) = (!b.is_ascii()).then(|| alphanumeric_width(i)).flatten() {
            ascii = false;
            i += width;
        } else {
            break;
        }
    }
    let key = u128::from(low) | u128::from(high) << (7 * HALF);
    *at = i;
    let key = (ascii && i - start <= PACKED_MAX).then_some(key);
    (i > start).then(|| (&sentence[start..i], key))
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
/// `words` are each sentence's distinct word ids, all below `vocabulary_size`.
fn rank(words: &[Vec<u32>], vocabulary_size: usize) -> Vec<f64> {
    let n = words.len();
    let graph = Graph::new(words, vocabulary_size);
    // Every sum below runs over a sentence's neighbours in index order: the same additions, in the
    // same order, as summing a full row of the similarity matrix, since the zeros left out would
    // each add +0.0 to a sum of non-negative terms, which changes no bit.
    let out_sums: Vec<f64> = (0..n)
        .map(|i| graph.links_of(i).iter().fold(0.0, |sum, &(_, w)| sum + w))
        .collect();
    // Each sentence's links, cut out once rather than every iteration.
    let rows: Vec<&[(u32, f64)]> = (0..n).map(|i| graph.links_of(i)).collect();
    let mut scores = vec![1.0; n];
    let mut share = vec![0.0; n];
    for _ in 0..ITERATIONS {
        // Zipped rather than indexed: no bounds check per sentence.
        for ((slot, &score), &out_sum) in share.iter_mut().zip(&scores).zip(&out_sums) {
            *slot = if out_sum > 0.0 { score / out_sum } else { 0.0 };
        }
        // incoming[i] = sum over neighbours j in order of weight(i, j) * share[j] (the graph is symmetric).
        for (slot, &links) in scores.iter_mut().zip(&rows) {
            let incoming = links.iter().fold(0.0, |sum, &(j, w)| sum + w * share[j as usize]);
            *slot = (1.0 - DAMPING) + DAMPING * incoming;
        }
    }
    scores
}

/// The similarity graph, sparse: for each sentence, the sentences sharing a word with it (in
/// index order) with the edge weights, in one flat list cut at `starts`. A neighbour and its
/// weight sit side by side, so the PageRank sums walk one list rather than two in step.
struct Graph {
    starts: Vec<u32>,
    links: Vec<(u32, f64)>,
}

impl Graph {
    fn new(words: &[Vec<u32>], vocabulary_size: usize) -> Self {
        let n = words.len();
        let log_len: Vec<f64> = words.iter().map(|w| (w.len() as f64).max(2.0).ln()).collect();
        // The edges (i, j, weight) with i < j, ordered by i then j. Overlaps through an index of the
        // sentences each word is in (in order): for sentence i, count the words each later
        // sentence shares with it.
        let postings = sentences_by_word(words, vocabulary_size);
        let mut shared = vec![0u32; n];
        let mut edges: Vec<(u32, u32, f64)> = Vec::new();
        let mut degree = vec![0u32; n + 1];
        for i in 0..n {
            for &w in &words[i] {
                for &j in postings.of(w).iter().rev().take_while(|&&j| j as usize > i) {
                    shared[j as usize] += 1;
                }
            }
            // Iterated rather than indexed: this scan of every later sentence is quadratic, so it
            // is kept free of a bounds check per sentence.
            for (j, count) in shared.iter_mut().enumerate().skip(i + 1) {
                if *count > 0 {
                    edges.push((i as u32, j as u32, f64::from(*count) / (log_len[i] + log_len[j])));
                    degree[i + 1] += 1;
                    degree[j + 1] += 1;
                    *count = 0;
                }
            }
        }
        for k in 1..degree.len() {
            degree[k] += degree[k - 1];
        }
        let starts = degree;
        // Filling in edge order keeps each sentence's neighbours in index order: those before it
        // come from earlier sentences' edges, those after it from its own, in order.
        let mut fill = starts.clone();
        let mut links = vec![(0u32, 0.0f64); edges.len() * 2];
        for &(i, j, w) in &edges {
            for (from, to) in [(i, j), (j, i)] {
                let slot = fill[from as usize] as usize;
                links[slot] = (to, w);
                fill[from as usize] += 1;
            }
        }
        Graph { starts, links }
    }

    fn range(&self, i: usize) -> std::ops::Range<usize> {
        self.starts[i] as usize..self.starts[i + 1] as usize
    }

    /// Sentence `i`'s neighbours in index order, each with the edge weight.
    fn links_of(&self, i: usize) -> &[(u32, f64)] {
        &self.links[self.range(i)]
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

fn sentences_by_word(words: &[Vec<u32>], vocabulary_size: usize) -> Postings {
    let mut starts = vec![0u32; vocabulary_size + 1];
    for &w in words.iter().flatten() {
        starts[w as usize + 1] += 1;
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    let mut fill = starts.clone();
    let mut sentences = vec![0u32; words.iter().map(Vec::len).sum()];
    for (i, ws) in words.iter().enumerate() {
        for &w in ws {
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
            assert_eq!(words(text).collect::<Vec<_>>(), expected, "{text}");
        }
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
