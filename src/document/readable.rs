//! The body extractor: the article's paragraphs from a parsed page, by the
//! Readability algorithm (dom_smoothie), behind one function so that the
//! algorithm can change without touching its callers. Readability keeps some
//! page furniture inside the article's container (time stamps, share prompts,
//! "Read more" teasers, photo credits, repeated gallery captions); a post-filter
//! drops those lines.

use super::metadata::squash;
use crate::lexicon::{Lexicon, MONTHS, WEEKDAYS};
use dom_smoothie::{Config, Readability, TextMode};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Paragraphs of at most this many words can be a teaser or a prompt.
const SHORT_LINE_WORDS: usize = 20;
/// Paragraphs of at most this many words can be a time stamp, a byline or a breadcrumb trail.
const STAMP_WORDS: usize = 12;
/// Paragraphs of at least this many words are not told twice in an article: a
/// repeat is a gallery caption or a pull quote.
const REPEATABLE_WORDS: usize = 20;
/// Paragraphs of at most this many words that give an e-mail address or a handle
/// are contact lines or newsletter prompts.
const CONTACT_WORDS: usize = 40;

/// The article's paragraphs, in reading order; `None` when no article is found.
/// Figures and their captions are removed first so that captions never leak into
/// the body. Takes the page by value: the extractor rewrites the tree.
pub fn paragraphs(page: dom_query::Document) -> Option<Vec<String>> {
    page.select("figure, figcaption").remove();
    let config = Config {
        text_mode: TextMode::Formatted,
        // The metadata layer reads JSON-LD itself.
        disable_json_ld: true,
        // Only the text is read: stripping the article's class attributes is wasted work.
        keep_classes: true,
        ..Config::default()
    };
    let article = Readability::with_document(page, None, Some(config))
        .ok()?
        .parse()
        .ok()?;
    let mut seen = HashSet::new();
    let paragraphs: Vec<String> = article
        .text_content
        .split("\n\n")
        // Blank pieces between blocks are common: drop them before allocating.
        .filter(|piece| !piece.trim_start().is_empty())
        .map(squash)
        .filter(|p| {
            let words = squashed_words(p);
            !is_page_furniture(p, words) && (words < REPEATABLE_WORDS || seen.insert(p.clone()))
        })
        .collect();
    (!paragraphs.is_empty()).then_some(paragraphs)
}

/// How a boilerplate phrase marks a paragraph (see `lexicon/data/boilerplate.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marks {
    /// The paragraph is the phrase: "Comments", "Advertisement".
    Line,
    /// A short paragraph starts with it: "Read more: …", "Sign up for …".
    Start,
    /// A short paragraph starts with it and holds a number: "Updated 5:27 am CST".
    Stamp,
}

static BOILERPLATE: LazyLock<Vec<(String, Marks)>> = LazyLock::new(|| {
    Lexicon::builtin()
        .entries("boilerplate")
        .iter()
        .filter_map(|entry| {
            let marks = match entry.get(1).map(String::as_str) {
                Some("line") => Marks::Line,
                Some("start") => Marks::Start,
                Some("stamp") => Marks::Stamp,
                _ => return None,
            };
            Some((entry.first()?.to_lowercase(), marks))
        })
        .collect()
});

/// The number of words of a squashed paragraph (single spaces between words,
/// none at the ends): one byte scan instead of a whitespace split.
fn squashed_words(paragraph: &str) -> usize {
    paragraph.bytes().filter(|&b| b == b' ').count() + 1
}

/// A line of the page that is not article text; `words` is its word count.
fn is_page_furniture(paragraph: &str, words: usize) -> bool {
    if is_photo_credit(paragraph) {
        return true;
    }
    // Longer paragraphs are article text or beyond these rules: skip the work.
    if words > CONTACT_WORDS {
        return false;
    }
    if gives_an_address(paragraph) {
        return true;
    }
    if words > SHORT_LINE_WORDS {
        return false;
    }
    let line = comparable(paragraph);
    let has_digit = line.contains(|c: char| c.is_ascii_digit());
    BOILERPLATE.iter().any(|(phrase, marks)| match marks {
        Marks::Line => line == *phrase,
        Marks::Start => starts_with_phrase(&line, phrase),
        Marks::Stamp => words <= STAMP_WORDS && has_digit && starts_with_phrase(&line, phrase),
    }) || (words <= STAMP_WORDS && (is_date_stamp(&line) || is_breadcrumb(paragraph)))
        || (is_byline(paragraph) && (words <= STAMP_WORDS || has_digit))
}

/// "News > Nation", "Mensagens » Mensagens de Autoestima » Só quem se Ama…".
fn is_breadcrumb(paragraph: &str) -> bool {
    [" > ", " » ", " › "].iter().any(|sep| paragraph.contains(sep))
}

/// An e-mail address or a social-network handle: "akuperinsky@njadvancemedia.com",
/// "Follow @BGRDeals". (Web addresses alone are not enough: listings give them.)
fn gives_an_address(paragraph: &str) -> bool {
    paragraph.split_whitespace().any(|word| {
        let word = word.trim_end_matches(['.', ',', ')', ':', ';']);
        word.split_once('@').is_some_and(|(user, host)| {
            let handle = user.is_empty() && host.len() > 1 && host.chars().all(|c| c.is_alphanumeric() || c == '_');
            let email = !user.is_empty() && host.contains('.') && !host.starts_with('.');
            handle || email
        })
    })
}

/// Lower case, curly apostrophes straightened, outer punctuation trimmed ("| UPDATED:
/// 11:05" -> "updated: 11:05").
fn comparable(paragraph: &str) -> String {
    paragraph
        .to_lowercase()
        .replace('’', "'")
        .trim_matches(|c: char| !(c.is_alphanumeric() || c == '©'))
        .to_string()
}

/// `line` starts with `phrase` as whole words.
fn starts_with_phrase(line: &str, phrase: &str) -> bool {
    line.strip_prefix(phrase)
        .is_some_and(|rest| !phrase.ends_with(char::is_alphanumeric) || !rest.starts_with(char::is_alphanumeric))
}

/// A line of dates and times only: "November 18, 2019 | 4:10pm", "18 NOV 2019".
fn is_date_stamp(line: &str) -> bool {
    const TIME_WORDS: &[&str] = &[
        "am", "pm", "a", "p", "m", "utc", "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet",
        "kst", "jst", "at", "on",
    ];
    let is_calendar = |w: &str| {
        let short = |names: &[&str]| names.iter().any(|n| n.starts_with(w) && w.len() >= 3);
        short(&MONTHS) || short(&WEEKDAYS)
    };
    let tokens: Vec<&str> = line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    tokens.iter().any(|t| t.starts_with(|c: char| c.is_ascii_digit()))
        && tokens
            .iter()
            .all(|t| t.starts_with(|c: char| c.is_ascii_digit()) || is_calendar(t) || TIME_WORDS.contains(t))
}

/// A byline standing as a paragraph: "By Justine Coleman - 11/18/19 11:04 PM EST", "By Reuters".
fn is_byline(paragraph: &str) -> bool {
    let mut words = paragraph.split_whitespace();
    matches!(words.next(), Some("By" | "BY" | "by"))
        && words.next().is_some_and(|name| name.starts_with(char::is_uppercase))
        && !paragraph.ends_with(['.', '!', '?', '"', '”'])
}

/// A photo credit or a caption with its credit: "Photo: Hau Dinh, AP", "… in size
/// (Image: GETTY )", "… (AP Photo/Alan Diaz, File)".
fn is_photo_credit(paragraph: &str) -> bool {
    static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
        let label = r"(?:photo|image|picture|photograph|foto|фото)s?";
        Regex::new(&format!(r"(?i)^\(?{label}\s*:|\([^()]*\b{label}\s*[:/][^()]*\)\s*\.?$")).expect("static regex")
    });
    // The regex runs only where a label or a closing parenthesis can be.
    let labelled_start = paragraph.chars().take(16).any(|c| c == ':');
    let closing_paren = paragraph.trim_end_matches(['.', ' ']).ends_with(')');
    (labelled_start || closing_paren) && CREDIT.is_match(paragraph)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Page furniture is recognised; article sentences that resemble it are kept.
    #[test]
    fn furniture_lines() {
        for line in [
            "Comments",
            "Advertisement",
            "Read more: Alibaba poised to launch record-breaking $13.4bn Hong Kong listing",
            "You may also like...",
            "| UPDATED: 11:05, Tue, Nov 19, 2019",
            "Updated 5:27 am CST, Wednesday, November 20, 2019",
            "Published 1 day ago",
            "November 18, 2019 | 4:10pm",
            "18 NOV 2019",
            "By Justine Coleman - 11/18/19 11:04 PM EST",
            "By Reuters",
            "© Aaron Schwartz",
            "Photo: Hau Dinh, AP",
            "Фото:личный архив Андрея Рудькова",
            "China has warned they will cease control of Hong Kong (Image: GETTY )",
            "Vicente Aguiar loads garage door trims into his pickup truck. (AP Photo/Alan Diaz, File)",
            "By HNN Staff | November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM",
            "News > Nation UPDATED: Tue., Nov. 19, 2019",
            "Reach the reporters on Twitter at @MegKinnardAP",
            "Have a tip? Amy Kuperinsky may be reached at akuperinsky@njadvancemedia.com.",
            "Follow @BGRDeals on Twitter to keep up with the latest deals.",
        ] {
            assert!(is_page_furniture(line, squashed_words(line)), "{line}");
        }
        for line in [
            "More than 100 people were arrested on Monday.",
            "Comments by the minister drew criticism from the opposition.",
            "Updated figures from the ministry show exports fell by 5 percent in October compared with a year earlier, the first fall in two years of steady growth.",
            "By Monday, all of them were gone.",
            "The agency published 12 reports in 2019.",
            "Posted guards stood at the gate.",
            "The ministry (KCNA) said on Friday.",
            "Shares rose 5% to $10 @ noon, and the index gained 2 > 1 points.",
        ] {
            assert!(!is_page_furniture(line, squashed_words(line)), "{line}");
        }
    }
}
