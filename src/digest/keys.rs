//! Which spellings are one name across articles: "Kim Jong Un", "Kim Jong-un" and
//! "KIM JONG-UN" are; "Kim Jong-il" is not. Also the identity of a quotation repeated
//! by two versions of a story. Pure: no I/O.

use unicode_normalization::UnicodeNormalization;

/// The name with case, diacritics, hyphens, spaces and punctuation removed:
/// "Kim Jong-un" -> "kimjongun", "Moon Jae-in" -> "moonjaein", "Sōul" -> "soul".
pub fn key(name: &str) -> String {
    name.nfkd()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spelling variants share a key; different names do not.
    #[test]
    fn variants_share_a_key() {
        assert_eq!(key("Kim Jong Un"), key("Kim Jong-un"));
        assert_eq!(key("KIM JONG-UN"), key("kim jong un"));
        assert_eq!(key("Roh Moo-hyun"), key("Roh Moo Hyun"));
        assert_eq!(key("Pyeongchang"), key("PyeongChang"));
        assert_eq!(key("Sōul"), key("Soul"));
        assert_ne!(key("Kim Jong-un"), key("Kim Jong-il"));
    }

    /// Hangul keeps its letters (NFKD splits syllables into jamo, which are letters).
    #[test]
    fn hangul_survives() {
        assert!(!key("김정은").is_empty());
        assert_eq!(key("김정은"), key("김 정은"));
    }
}
