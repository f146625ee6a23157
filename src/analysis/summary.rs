//! Extractive summary: TextRank over the body's sentences (word-overlap
//! similarity, PageRank), returned in article order. Only body paragraphs are
//! candidates, so captions, bylines and datelines can never be picked.

use super::text::sentences;
use std::collections::HashSet;

/// Candidate sentences considered per article; keeps the quadratic graph bounded on huge inputs.
const MAX_CANDIDATES: usize = 150;
const DAMPING: f64 = 0.85;
const ITERATIONS: usize = 30;

/// Function words that carry no content for sentence similarity.
const STOPWORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "by", "with", "from", "as", "is", "are",
    "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "i", "you",
    "his", "her", "their", "our", "has", "have", "had", "will", "would", "said", "says", "not", "also", "which", "who",
    "there", "than", "after", "about", "into", "over", "more", "can", "could", "s",
];

/// The `n` most central sentences of the body, in article order.
pub fn summarize(paragraphs: &[String], n: usize) -> Vec<String> {
    if n == 0 {
        return Vec::new();
    }
    let candidates: Vec<&str> = paragraphs
        .iter()
        .flat_map(|p| sentences(p).into_iter().map(move |r| &p[r]))
        .filter(|s| s.split_whitespace().count() >= 4)
        .take(MAX_CANDIDATES)
        .collect();
    if candidates.len() <= n {
        return candidates.into_iter().map(str::to_string).collect();
    }
    let words: Vec<HashSet<String>> = candidates.iter().map(|s| content_words(s)).collect();
    let scores = rank(&words);
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    // Ties go to the earlier sentence, as news puts the main point first.
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut chosen: Vec<usize> = order.into_iter().take(n).collect();
    chosen.sort_unstable();
    chosen.into_iter().map(|i| candidates[i].to_string()).collect()
}

fn content_words(sentence: &str) -> HashSet<String> {
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .collect()
}

/// PageRank over the similarity graph (Mihalcea & Tarau 2004: overlap / (log|a| + log|b|)).
fn rank(words: &[HashSet<String>]) -> Vec<f64> {
    let n = words.len();
    let mut weights = vec![vec![0.0; n]; n];
    for i in 0..n {
        for j in i + 1..n {
            let overlap = words[i].intersection(&words[j]).count() as f64;
            let norm = ((words[i].len() as f64).max(2.0)).ln() + ((words[j].len() as f64).max(2.0)).ln();
            let w = if norm > 0.0 { overlap / norm } else { 0.0 };
            weights[i][j] = w;
            weights[j][i] = w;
        }
    }
    let out_sums: Vec<f64> = weights.iter().map(|row| row.iter().sum()).collect();
    let mut scores = vec![1.0; n];
    for _ in 0..ITERATIONS {
        let next: Vec<f64> = (0..n)
            .map(|i| {
                let incoming: f64 = (0..n)
                    .filter(|&j| out_sums[j] > 0.0)
                    .map(|j| weights[j][i] / out_sums[j] * scores[j])
                    .sum();
                (1.0 - DAMPING) + DAMPING * incoming
            })
            .collect();
        scores = next;
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
        let summary = summarize(&paragraphs, 2);
        assert_eq!(summary.len(), 2);
        let positions: Vec<usize> = summary
            .iter()
            .map(|s| paragraphs.join(" ").find(s.as_str()).unwrap())
            .collect();
        assert!(positions[0] < positions[1]);
        assert!(!summary.iter().any(|s| s.contains("football")));
    }

    /// Zero sentences asked, none given; short bodies are returned whole.
    #[test]
    fn edge_counts() {
        let paragraphs = vec!["Only one sentence is here.".to_string()];
        assert!(summarize(&paragraphs, 0).is_empty());
        assert_eq!(summarize(&paragraphs, 3), ["Only one sentence is here."]);
    }
}
