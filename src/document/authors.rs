//! Which names a page gives as its authors are people. Pages put their own
//! name ("Daily Planet", "Springfield.com"), staff credits ("Gazette Staff"), user
//! accounts ("admin"), job titles ("AP Regional Correspondent") and labels
//! ("Analysis by …", "Letters to the Editor") where the author belongs. SPEC's
//! authors are people, so entries are cut down to the name they carry; a news
//! agency goes to `agency`, and so does the organisation a byline credits when it
//! names no person and no agency ("Daily Planet", "Gazette Staff"): the byline's
//! credit is kept without calling an organisation a person.

use crate::lexicon::Lexicon;
use std::sync::LazyLock;

/// Words that never stand in a person's name: newsroom roles and publication words
/// (`lexicon/data/not_author_words.txt`), lower case.
static NOT_AUTHOR_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    Lexicon::builtin()
        .words("not_author_words")
        .map(str::to_lowercase)
        .collect()
});

/// Ending of a web address: "Springfield.com", "Planet.co".
const DOMAIN_ENDINGS: &[&str] = &[".com", ".net", ".org", ".co", ".uk", ".in", ".au", ".ca", ".news"];

/// What names the publication: its site name, publisher and host ("www.cleveland.com").
#[derive(Debug, Default)]
pub struct Publication<'a> {
    pub names: Vec<&'a str>,
}

/// What a byline credits: people, and the agency or the organisation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Credits {
    pub people: Vec<String>,
    pub agency: Option<String>,
}

impl Credits {
    pub fn is_empty(&self) -> bool {
        self.people.is_empty() && self.agency.is_none()
    }
}

/// How one byline entry counts.
enum Entry<'a> {
    Person(&'a str),
    Agency(&'a str),
    /// The publication, its staff or a desk: credited only when no person or agency is.
    Organisation(&'a str),
    /// An account name, a lone label ("Posts", "Bio"): never credited.
    Noise,
}

/// Sorts byline entries into people and the agency or organisation credited, each
/// cut down to the name it carries: "Analysis by Ann Lee" -> "Ann Lee",
/// "Ann Lee. Example Radio" -> "Ann Lee"; names in
/// capitals are given in title case.
pub fn credits(candidates: &[String], publication: &Publication) -> Credits {
    let mut credits = Credits::default();
    let mut organisation = None;
    for candidate in candidates {
        match classify(name_part(candidate), publication) {
            Entry::Person(name) => {
                let name = title_case_if_shouting(name);
                if !credits.people.contains(&name) {
                    credits.people.push(name);
                }
            }
            Entry::Agency(name) => {
                credits.agency.get_or_insert_with(|| name.to_string());
            }
            Entry::Organisation(name) => {
                organisation.get_or_insert(name);
            }
            Entry::Noise => {}
        }
    }
    if credits.is_empty() {
        credits.agency = organisation.map(str::to_string);
    }
    credits
}

fn classify<'a>(name: &'a str, publication: &Publication) -> Entry<'a> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let names_an_organisation = looks_like_domain(name)
        || words.iter().any(|w| is_not_author_word(w))
        || names_the_publication(name, publication);
    if super::is_agency(name) {
        Entry::Agency(name)
    } else if words.is_empty() || !has_capital(name) || name.contains('@') {
        Entry::Noise
    } else if names_an_organisation {
        // A lone newsroom word is a page label, not a credit.
        if words.len() == 1 && is_not_author_word(name) {
            Entry::Noise
        } else {
            Entry::Organisation(name)
        }
    } else if words.len() <= 5 {
        Entry::Person(name)
    } else {
        Entry::Noise
    }
}

/// Names have capitals; account names ("admin", "jdadmin") do not.
fn has_capital(name: &str) -> bool {
    name.chars().any(|c| c.is_alphabetic() && !c.is_lowercase())
}

/// The part of a byline entry that can be a name: after a label ending in "by"
/// ("Analysis by", "Posted by"), before an affiliation ("X. Example Radio",
/// "X for Springfield.com", "X - Reuters", "X | Staff").
fn name_part(candidate: &str) -> &str {
    let mut name = candidate.trim();
    if let Some(at) = label_end(name) {
        name = &name[at..];
    }
    if let Some(at) = affiliation_period(name) {
        name = &name[..at];
    }
    for separator in [" for ", " - ", " – ", " | "] {
        if let Some((before, _)) = name.split_once(separator) {
            name = before;
        }
    }
    name.trim()
}

/// Offset of a ". " that ends a name before an affiliation ("Ann Lee.
/// Example Radio"), not one after an initial ("Ann B. Lee",
/// "J.R.R. Tolkien", "Martin King Jr. Smith").
fn affiliation_period(name: &str) -> Option<usize> {
    name.match_indices(". ").map(|(at, _)| at).find(|&at| {
        let word = name[..at].rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        word.chars().count() >= 3
    })
}

/// Offset just past "by " when a short label ends with it ("Analysis by ", "by ").
fn label_end(text: &str) -> Option<usize> {
    let lower = text.to_lowercase();
    if lower.starts_with("by ") {
        return Some(3);
    }
    let at = lower.find(" by ")?;
    let label_words = text[..at].split_whitespace().count();
    (label_words <= 2).then_some(at + 4)
}

fn looks_like_domain(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.contains("://") || lower.starts_with("www.") || DOMAIN_ENDINGS.iter().any(|end| lower.ends_with(end))
}

/// "Staff", "Editor-at-large", "(Writer)".
fn is_not_author_word(word: &str) -> bool {
    word.split(|c: char| !c.is_alphanumeric())
        .any(|part| !part.is_empty() && NOT_AUTHOR_WORDS.contains(&part.to_lowercase()))
}

/// The name is the publication's: its site name, publisher or host, compared
/// without case, spaces, punctuation or a leading "The"; or the initials of a
/// several-word site name ("TMG" for "The Morning Gazette").
fn names_the_publication(name: &str, publication: &Publication) -> bool {
    let key = comparable(name);
    publication.names.iter().any(|site| {
        let site_key = comparable(site);
        let host_label = site_key.strip_prefix("www").unwrap_or(&site_key);
        !key.is_empty() && (site_key == key || host_label.starts_with(&key) && key.len() >= 3 || initials(site) == name)
    })
}

/// Lower-case letters and digits only, without a leading "the".
fn comparable(text: &str) -> String {
    let key: String = text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    match key.strip_prefix("the") {
        Some(rest) if text.trim_start().to_lowercase().starts_with("the ") => rest.to_string(),
        _ => key,
    }
}

/// "The Morning Gazette" -> "TMG"; empty for a name of one word.
fn initials(site: &str) -> String {
    let words: Vec<&str> = site.split_whitespace().collect();
    if words.len() < 2 {
        return String::new();
    }
    words
        .iter()
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// "TOM KRISHER" -> "Tom Krisher", "AMELIA THOMSON-DEVEAUX" -> "Amelia Thomson-Deveaux";
/// names with any lower-case letter, and single words ("MS": initials), are left alone.
fn title_case_if_shouting(name: &str) -> String {
    let shouting = name.split_whitespace().count() > 1 && !name.chars().any(char::is_lowercase);
    if !shouting {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    let mut word_start = true;
    for c in name.chars() {
        if word_start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        word_start = !c.is_alphabetic();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(candidates: &[&str], sites: &[&str]) -> Credits {
        let candidates: Vec<String> = candidates.iter().map(|c| c.to_string()).collect();
        credits(&candidates, &Publication { names: sites.to_vec() })
    }

    fn people(candidates: &[&str], sites: &[&str]) -> Vec<String> {
        of(candidates, sites).people
    }

    const NOBODY: [&str; 0] = [];

    /// People stay; the site's own name, accounts, addresses and job titles are no people.
    #[test]
    fn only_people_are_authors() {
        assert_eq!(people(&["Jane Doe", "Daily Planet"], &["Daily Planet"]), ["Jane Doe"]);
        assert_eq!(people(&["admin", "webdesk2"], &[]), NOBODY);
        assert_eq!(people(&["Springfield.com"], &[]), NOBODY);
        assert_eq!(people(&["AP Regional Correspondent", "Ann Lee"], &[]), ["Ann Lee"]);
        assert_eq!(people(&["Ann Lee", "Gazette Editor-at-large"], &[]), ["Ann Lee"]);
        assert_eq!(people(&["Letters to the Editor"], &[]), NOBODY);
        assert_eq!(people(&["Ann Lee", "Posts", "Bio"], &[]), ["Ann Lee"]);
    }

    /// With no person named, the organisation credited goes to `agency`; with a
    /// person, it is dropped; a known agency is always the agency.
    #[test]
    fn organisation_credited_when_no_person_is() {
        assert_eq!(of(&["Gazette Staff"], &[]).agency.as_deref(), Some("Gazette Staff"));
        assert_eq!(
            of(&["Daily Planet"], &["Daily Planet"]).agency.as_deref(),
            Some("Daily Planet")
        );
        assert_eq!(of(&["Ann Lee", "Gazette Staff"], &[]).agency, None);
        let wire = of(&["Ann Lee", "Associated Press"], &[]);
        assert_eq!(
            (wire.people, wire.agency.as_deref()),
            (vec!["Ann Lee".to_string()], Some("Associated Press"))
        );
        assert!(of(&["admin", "Posts"], &[]).is_empty());
    }

    /// The site is recognised by name, by host and by its initials.
    #[test]
    fn the_publication_in_its_forms() {
        assert_eq!(people(&["planetnews"], &["www.planetnews.example"]), NOBODY);
        assert_eq!(people(&["Planet"], &["www.planetnews.example"]), NOBODY);
        assert_eq!(people(&["TMG"], &["The Morning Gazette"]), NOBODY);
        assert_eq!(people(&["Morning Gazette"], &["The Morning Gazette"]), NOBODY);
        assert_eq!(people(&["Tom Morgan"], &["The Morning Gazette"]), ["Tom Morgan"]);
    }

    /// Labels before a name and affiliations after it are cut off; initials are not
    /// mistaken for the end of a name.
    #[test]
    fn labels_and_affiliations_cut() {
        assert_eq!(people(&["Analysis by Ann Lee"], &[]), ["Ann Lee"]);
        assert_eq!(people(&["by Ann Lee"], &[]), ["Ann Lee"]);
        assert_eq!(people(&["Ann Lee. Example Radio"], &[]), ["Ann Lee"]);
        assert_eq!(people(&["Ann Lee for Springfield.com"], &[]), ["Ann Lee"]);
        assert_eq!(people(&["Bobby Stand-By"], &[]), ["Bobby Stand-By"]);
        assert_eq!(
            people(&["Ann B. Lee", "J.R.R. Tolkien"], &[]),
            ["Ann B. Lee", "J.R.R. Tolkien"]
        );
    }

    /// Names in capitals are given in title case; initials are left alone.
    #[test]
    fn shouting_names_title_cased() {
        assert_eq!(people(&["ANN O'NEIL-SMITH", "JD"], &[]), ["Ann O'Neil-Smith", "JD"]);
    }
}
