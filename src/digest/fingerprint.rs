//! Near-duplicate articles: the same story twice, or a wire story and its update.
//!
//! Each body becomes the set of its word 3-grams ("shingles"), summarised by a
//! MinHash signature of [`HASHES`] values: the fraction of equal values between two
//! signatures estimates the Jaccard similarity of the two sets, and with the set
//! sizes, the *containment* of the shorter text in the longer one (an update that
//! adds paragraphs to a story still contains most of it). Candidates come from
//! locality-sensitive hashing (bands of [`BAND_ROWS`] values), so each new article
//! is compared with a handful of earlier ones, not with all of them.
//!
//! [`CONTAINMENT_THRESHOLD`] was measured on `../shared/corpus` (4,352 articles,
//! exact containment over all pairs sharing a 3-gram): pairs at or above 0.5 are
//! copies, wire updates and rewrites of one event; from 0.3 to 0.5 they are mostly
//! follow-up stories that reuse background paragraphs. Pure: no I/O.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Values per signature. The estimate's standard error is √(J(1−J)/HASHES): 0.028 at J = 0.27.
pub const HASHES: usize = 256;
/// Words per shingle.
const SHINGLE_WORDS: usize = 3;
/// Bodies with fewer shingles (a caption, a paywall notice) are too short to compare.
const MIN_SHINGLES: usize = 20;
/// Containment of the shorter body in the longer at which two articles are one story.
pub const CONTAINMENT_THRESHOLD: f64 = 0.5;
/// Least estimated Jaccard similarity for which a containment is trusted. Containment is
/// Jaccard scaled by the size ratio, so between a 14,000-word page and a 180-word wire
/// item two chance agreements of the signatures read as 0.8 (measured on the corpus).
/// At 0.1 (26 agreeing values) chance plays no part; the price is that a text under a
/// tenth of the other's length is never matched.
const MIN_JACCARD: f64 = 0.1;
/// Values per LSH band: two equal values make a candidate. With 64 bands a pair at
/// Jaccard 0.2 (containment 0.5 when one text is twice the other) is found 93% of the
/// time, one at 0.27 (a typical rewrite) 99%; unrelated pairs (J ≈ 0.01) rarely.
const BAND_ROWS: usize = 2;
const BANDS: usize = 64;
/// Earlier articles looked at per band: bounds the work when thousands of copies share a band.
const MAX_CHAIN: usize = 256;
const NONE: u32 = u32::MAX;

/// The MinHash signature of one body and its number of distinct shingles. Values keep
/// 16 bits (b-bit minwise hashing): two different minima agree by chance once in 65,536
/// comparisons, a bias far below the estimate's error, for half the memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    mins: Box<[u16]>,
    shingles: u32,
}

impl Fingerprint {
    /// The fingerprint of a body, or `None` when it is too short to compare.
    pub fn of(paragraphs: &[String]) -> Option<Fingerprint> {
        let words: Vec<u64> = paragraphs.iter().flat_map(|p| words(p)).collect();
        let mut shingles: Vec<u64> = words.windows(SHINGLE_WORDS).map(shingle_hash).collect();
        shingles.sort_unstable();
        shingles.dedup();
        if shingles.len() < MIN_SHINGLES {
            return None;
        }
        let mut mins = vec![u64::MAX; HASHES];
        for &shingle in &shingles {
            for (min, &(a, b)) in mins.iter_mut().zip(PERMUTATIONS.iter()) {
                // Multiply-shift hashing: one cheap permutation per signature value.
                *min = (*min).min(shingle.wrapping_mul(a).wrapping_add(b));
            }
        }
        Some(Fingerprint {
            mins: mins.iter().map(|&min| (min >> 48) as u16).collect(),
            shingles: shingles.len() as u32,
        })
    }

    /// Estimated Jaccard similarity of the two shingle sets.
    fn jaccard(&self, other: &Fingerprint) -> f64 {
        let equal = self.mins.iter().zip(other.mins.iter()).filter(|(a, b)| a == b).count();
        equal as f64 / HASHES as f64
    }

    /// Estimated share of the shorter body's shingles found in the longer one:
    /// |A∩B| = J(|A|+|B|)/(1+J), divided by min(|A|, |B|); `None` when the signatures
    /// agree too little for the estimate to mean anything.
    pub fn containment(&self, other: &Fingerprint) -> Option<f64> {
        let j = self.jaccard(other);
        let (a, b) = (f64::from(self.shingles), f64::from(other.shingles));
        (j >= MIN_JACCARD).then(|| (j * (a + b) / (1.0 + j) / a.min(b)).min(1.0))
    }

    fn band_key(&self, band: usize) -> u32 {
        let rows = &self.mins[band * BAND_ROWS..(band + 1) * BAND_ROWS];
        let key = rows.iter().fold(band as u64 + 1, |h, &v| mix(h ^ u64::from(v)));
        (key >> 32) as u32
    }
}

/// Fingerprints of the articles seen so far, bucketed by band for candidate lookup.
#[derive(Debug, Default)]
pub struct Index {
    /// (article number, fingerprint), in insertion order.
    entries: Vec<(usize, Fingerprint)>,
    /// Band key -> the latest entry with it.
    heads: HashMap<u32, u32>,
    /// `entry * BANDS + band` -> the previous entry with the same band key, or `NONE`.
    chains: Vec<u32>,
}

impl Index {
    /// The earlier article this one repeats (the best containment at or above the
    /// threshold, the earliest on a tie) and the containment; then remembers this one.
    pub fn insert(&mut self, article: usize, fingerprint: Fingerprint) -> Option<(usize, f64)> {
        let best = self.best_match(&fingerprint);
        let entry = self.entries.len() as u32;
        for band in 0..BANDS {
            let previous = self.heads.insert(fingerprint.band_key(band), entry);
            self.chains.push(previous.unwrap_or(NONE));
        }
        self.entries.push((article, fingerprint));
        best
    }

    fn best_match(&self, fingerprint: &Fingerprint) -> Option<(usize, f64)> {
        let mut candidates = Vec::new();
        for band in 0..BANDS {
            let mut entry = self.heads.get(&fingerprint.band_key(band)).copied().unwrap_or(NONE);
            for _ in 0..MAX_CHAIN {
                if entry == NONE {
                    break;
                }
                candidates.push(entry);
                entry = self.chains[entry as usize * BANDS + band];
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .filter_map(|entry| {
                let (article, earlier) = &self.entries[entry as usize];
                Some((*article, fingerprint.containment(earlier)?))
            })
            .filter(|&(_, containment)| containment >= CONTAINMENT_THRESHOLD)
            .fold(None, |best: Option<(usize, f64)>, candidate| match best {
                Some(b) if b.1 >= candidate.1 => Some(b),
                _ => Some(candidate),
            })
    }
}

/// Hashes of the body's words, lowercased, split at anything not a letter or digit.
fn words(text: &str) -> impl Iterator<Item = u64> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(word_hash)
}

/// FNV-1a over the lowercased characters.
fn word_hash(word: &str) -> u64 {
    word.chars()
        .flat_map(char::to_lowercase)
        .fold(0xcbf2_9ce4_8422_2325, |h, c| {
            (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3)
        })
}

fn shingle_hash(words: &[u64]) -> u64 {
    words.iter().fold(0, |h, &w| mix(h ^ w))
}

/// The splitmix64 finaliser: spreads every input bit over the output.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The (odd multiplier, offset) pairs of the signature's permutations, fixed so runs are reproducible.
static PERMUTATIONS: LazyLock<Vec<(u64, u64)>> =
    LazyLock::new(|| (0..HASHES as u64).map(|i| (mix(2 * i) | 1, mix(2 * i + 1))).collect());

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> Vec<String> {
        text.split("\n\n").map(str::to_string).collect()
    }

    const STORY: &str = "South Korea will cut import taxes on 50 items, including construction equipment, \
        photographic film, cigarettes and pipe tobacco, to help reduce its trade surplus with the United \
        States, the finance ministry said.\n\nThe tariff cuts, of between five and 30 percentage points, take \
        effect on July 1. This brings to 157 the number of goods on which import taxes have been cut this \
        year, a ministry official said.";

    /// A rewritten update of a story is one story; an unrelated article is not.
    #[test]
    fn update_matches_unrelated_does_not() {
        let update = format!(
            "{STORY}\n\nThe officials said the tariff cuts would contribute to holding wholesale and consumer \
             price rises at less than three pct this year."
        );
        let other = "The national football team beat its rivals three goals to one on Saturday evening in \
            front of a crowd of forty thousand, the coach praising the young striker who scored twice before \
            half time and once more after the break.";
        let mut index = Index::default();
        assert_eq!(index.insert(0, Fingerprint::of(&body(STORY)).unwrap()), None);
        assert_eq!(index.insert(1, Fingerprint::of(&body(other)).unwrap()), None);
        let (earlier, containment) = index.insert(2, Fingerprint::of(&body(&update)).unwrap()).unwrap();
        assert_eq!(earlier, 0);
        assert!(containment > 0.8, "{containment}");
    }

    /// Letter case and punctuation do not change the fingerprint.
    #[test]
    fn case_and_punctuation_ignored() {
        let shouted = STORY.to_uppercase().replace(',', " ;");
        assert_eq!(Fingerprint::of(&body(STORY)), Fingerprint::of(&body(&shouted)));
    }

    /// Too short to compare: no fingerprint.
    #[test]
    fn short_bodies_have_none() {
        assert_eq!(Fingerprint::of(&body("Photo: AFP. All rights reserved.")), None);
    }
}
