//! Word lists of the domain (titles, cue verbs, Korean surnames, institutions,
//! states and their capitals) as plain-text data files compiled in with
//! `include_str!`, extendable at run time with `--lexicon DIR`.
//!
//! File format: one entry per line; `#` starts a comment; fields of an entry
//! are separated by a tab or ` | ` where a list needs several (its file header
//! says which). A file `DIR/<list>.txt` given with `--lexicon` adds its entries
//! to the built-in list of the same name.

use std::collections::BTreeMap;
use std::path::Path;

/// Month names, lower case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names, lower case, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether a lower-case word names a month or a weekday: never part of a name.
pub fn is_calendar_word(lower: &str) -> bool {
    MONTHS.contains(&lower) || WEEKDAYS.contains(&lower)
}

/// The built-in lists: name and contents.
const BUILTIN: &[(&str, &str)] = &[
    ("cue_verbs", include_str!("data/cue_verbs.txt")),
    ("titles", include_str!("data/titles.txt")),
    ("speaker_nouns", include_str!("data/speaker_nouns.txt")),
    ("korean_surnames", include_str!("data/korean_surnames.txt")),
    ("states", include_str!("data/states.txt")),
    ("organizations", include_str!("data/organizations.txt")),
    ("org_heads", include_str!("data/org_heads.txt")),
    ("given_names", include_str!("data/given_names.txt")),
    ("non_names", include_str!("data/non_names.txt")),
    ("agencies", include_str!("data/agencies.txt")),
    ("org_descriptions", include_str!("data/org_descriptions.txt")),
    ("places", include_str!("data/places.txt")),
    ("people", include_str!("data/people.txt")),
    ("person_verbs", include_str!("data/person_verbs.txt")),
    ("place_heads", include_str!("data/place_heads.txt")),
    ("kind_nouns", include_str!("data/kind_nouns.txt")),
    ("boilerplate", include_str!("data/boilerplate.txt")),
    ("not_author_words", include_str!("data/not_author_words.txt")),
];

/// All word lists, each a list of entries split into fields.
#[derive(Debug, Clone)]
pub struct Lexicon {
    lists: BTreeMap<String, Vec<Vec<String>>>,
}

#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("{path}: unknown list (known: {known})")]
    Unknown { path: String, known: String },
}

impl Lexicon {
    /// The lists compiled into the binary.
    pub fn builtin() -> Self {
        let lists = BUILTIN
            .iter()
            .map(|(name, text)| (name.to_string(), parse_entries(text)))
            .collect();
        Lexicon { lists }
    }

    /// Adds the entries of every `<list>.txt` in `dir` to the list of that name.
    pub fn extend_from_dir(&mut self, dir: &Path) -> Result<(), LexiconError> {
        let read_err = |path: &Path, source| LexiconError::Read {
            path: path.display().to_string(),
            source,
        };
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| read_err(dir, e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for path in files {
            let name = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            let Some(list) = self.lists.get_mut(&name) else {
                let known = BUILTIN.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ");
                return Err(LexiconError::Unknown {
                    path: path.display().to_string(),
                    known,
                });
            };
            let text = std::fs::read_to_string(&path).map_err(|e| read_err(&path, e))?;
            list.extend(parse_entries(&text));
        }
        Ok(())
    }

    /// Entries of a list, each split into its fields.
    pub fn entries(&self, list: &str) -> &[Vec<String>] {
        self.lists.get(list).map(Vec::as_slice).unwrap_or_default()
    }

    /// The first field of every entry of a list.
    pub fn words(&self, list: &str) -> impl Iterator<Item = &str> {
        self.entries(list).iter().filter_map(|e| e.first().map(String::as_str))
    }
}

fn parse_entries(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(|line| line.split('#').next().unwrap_or_default())
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.split(['\t', '|']).map(|f| f.trim().to_string()).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every built-in list parses and is non-empty.
    #[test]
    fn builtin_lists_present() {
        let lex = Lexicon::builtin();
        for (name, _) in BUILTIN {
            assert!(!lex.entries(name).is_empty(), "{name} is empty");
        }
    }

    /// `--lexicon DIR` appends entries; unknown list names are refused.
    #[test]
    fn extends_from_dir() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("titles.txt"), "# extra\nchief whip\n").unwrap();
        let mut lex = Lexicon::builtin();
        lex.extend_from_dir(dir.path()).unwrap();
        assert!(lex.words("titles").any(|w| w == "chief whip"));
        std::fs::write(dir.path().join("nonsense.txt"), "x\n").unwrap();
        assert!(matches!(
            lex.extend_from_dir(dir.path()),
            Err(LexiconError::Unknown { .. })
        ));
    }

    /// Fields split on tabs and bars, comments dropped.
    #[test]
    fn parses_fields() {
        assert_eq!(
            parse_entries("a | b\tc # note\n\n# only comment\n"),
            vec![vec!["a", "b", "c"]]
        );
    }
}
