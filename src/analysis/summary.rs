//! Extractive summary: TextRank over the body's sentences (word-overlap
//! similarity, PageRank), returned in article order. Only body paragraphs are
//! candidates, so captions, bylines and datelines can never be picked.

use super::actors::FastMap;
use super::text::Body;
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
        .filter(|s| s.split_whitespace().count() >= 4)
        .take(MAX_CANDIDATES)
        .collect();
    if candidates.len() <= n {
        return candidates.into_iter().map(str::to_string).collect();
    }
    // The stopwords take the first ids, so one lookup both filters a word and numbers it.
    let mut vocabulary: FastMap<Cow<str>, u32> = FastMap::with_capacity_and_hasher(512, Default::default());
    vocabulary.extend(
        STOPWORDS
            .iter()
            .enumerate()
            .map(|(id, &w)| (Cow::Borrowed(w), id as u32)),
    );
    let mut lower = String::new();
    let words: Vec<Vec<u32>> = candidates
        .iter()
        .map(|s| content_words(s, &mut vocabulary, &mut lower))
        .collect();
    let scores = rank(&words, vocabulary.len());
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    // Ties go to the earlier sentence, as news puts the main point first.
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut chosen: Vec<usize> = order.into_iter().take(n).collect();
    chosen.sort_unstable();
    chosen.into_iter().map(|i| candidates[i].to_string()).collect()
}

/// The sentence's distinct content words as sorted ids into `vocabulary` (lower-cased words, seeded
/// with the stopwords, which are left out). Words already in lower case are borrowed from the
/// sentence; `lower` is scratch space for the others, so only new capitalised words allocate.
fn content_words<'a>(sentence: &'a str, vocabulary: &mut FastMap<Cow<'a, str>, u32>, lower: &mut String) -> Vec<u32> {
    let mut ids = Vec::new();
    for word in sentence.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let borrowed = word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase());
        let key = if borrowed { word } else { lower_case_into(lower, word) };
        let id = match vocabulary.get(key) {
            Some(&id) => id,
            None => {
                let next = vocabulary.len() as u32;
                let entry = if borrowed {
                    Cow::Borrowed(word)
                } else {
                    Cow::Owned(key.to_owned())
                };
                vocabulary.insert(entry, next);
                next
            }
        };
        if id as usize >= STOPWORDS.len() {
            ids.push(id);
        }
    }
    ids.sort_unstable();
    ids.dedup();
    ids
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
    let log_len: Vec<f64> = words.iter().map(|w| (w.len() as f64).max(2.0).ln()).collect();
    // The graph is symmetric and sparse (most sentence pairs share no word): each sentence keeps
    // only its neighbours (pushed in index order), so every sum adds the same non-zero terms in the same
    // order as over the full matrix and the scores are bit-identical to the dense computation.
    let mut neighbours: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    // Overlaps by marking sentence i's words, then counting the marked words of each later one.
    let mut marked_by = vec![usize::MAX; vocabulary_size];
    for i in 0..n {
        for &w in &words[i] {
            marked_by[w as usize] = i;
        }
        for j in i + 1..n {
            let shared = words[j].iter().filter(|&&w| marked_by[w as usize] == i).count();
            if shared > 0 {
                let w = shared as f64 / (log_len[i] + log_len[j]);
                neighbours[i].push((j, w));
                neighbours[j].push((i, w));
            }
        }
    }
    let out_sums: Vec<f64> = neighbours
        .iter()
        .map(|list| list.iter().map(|&(_, w)| w).sum())
        .collect();
    let mut scores = vec![1.0; n];
    let mut share = vec![0.0; n];
    for _ in 0..ITERATIONS {
        for (j, slot) in share.iter_mut().enumerate() {
            *slot = if out_sums[j] > 0.0 {
                scores[j] / out_sums[j]
            } else {
                0.0
            };
        }
        for (slot, list) in scores.iter_mut().zip(&neighbours) {
            let incoming: f64 = list.iter().map(|&(j, w)| w * share[j]).sum();
            *slot = (1.0 - DAMPING) + DAMPING * incoming;
        }
    }
    scores
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
