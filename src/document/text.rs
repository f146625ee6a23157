//! Plain-text layouts -> [`Document`]. Three families are seen in saved
//! articles, and the rules below cover the kind of layout, never one file:
//!
//! - web scrapes: headline, an image placeholder ("Content image - <Site>"),
//!   a caption paragraph ending with its credit ("… in Seoul on Monday. AFP"),
//!   then the body;
//! - wire copy: CAPS headline, a date/time line ("21-APR-1987 01:17:45.69"),
//!   a dateline ("SEOUL, March 17 - "), ~65-column hard wrapping with indented
//!   paragraph starts, and a sign-off ("Reuter");
//! - headline, blank line, one paragraph per line or per block (BBC, Wikinews).

use super::{Document, PublishedFrom, RawCaption, RawDateline};
use crate::brief::Byline;
use chrono::NaiveDate;
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// A headline is one short line; longer first blocks are body text.
const MAX_HEADLINE_WORDS: usize = 30;
/// Lines after the headline that may still be header matter (date line, byline, image line).
const MAX_HEADER_LINES: usize = 6;

/// The date and agency part of a dateline and its dash: ", Aug. 20 (Yonhap) --".
const DATELINE_TAIL: &str = r"(?:\s*,?\s*(?P<date>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[A-Za-z]*\.?\s+\d{1,2}))?(?:\s*,\s*(?:Reuter|REUTER)s?)?(?:\s*\((?P<agency>[A-Za-z][A-Za-z .&-]{0,30})\))?\s*(?P<dash>--|—|–|-)\s?";

static DATELINES: LazyLock<[Regex; 2]> = LazyLock::new(|| {
    let build =
        |place: &str| Regex::new(&format!("^(?P<place>{place}){DATELINE_TAIL}")).expect("static dateline regex");
    [
        // "SEOUL, June 2 -", "DALLAS (AP) —", "SEOUL, Aug. 20 (Yonhap) --", "WASHINGTON, D.C. -"
        build(r"[A-Z][A-Z.'’]*(?:[ -][A-Z][A-Z.'’]*){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"),
        // "New York, Feb 26 -": a place in ordinary case needs the date to be a dateline.
        build(r"[A-Z][a-z.'’]+(?: [A-Za-z][a-z.'’]+){0,2}"),
    ]
});

static BYLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:by)\s+(?P<names>[\p{Lu}][^\n]{1,120})$").expect("static byline regex"));

static IMAGE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    // "Content image - Phnom Penh Post", "Image - The Korea Herald", "[Photo]"
    Regex::new(r"^\[?(?i:(?:content |featured |main |lead )?(?:image|photo|picture|photograph))\]?(?:\s*[-–—:|]\s*(?P<site>.{1,60}))?$")
        .expect("static image-line regex")
});

/// The words that label a credit ("Photo: Yonhap", "Pictures by …"), in lower case.
const CREDIT_LABELS: [&str; 5] = ["photo", "image", "picture", "photograph", "credit"];

static LABELED_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    // "… Photo: Yonhap", "… Image: United States Navy.", "… (Reuters)"
    Regex::new(&format!(
        r"(?:\s(?i:{})s?\s*(?:by\s|:)\s*(?P<labeled>[^.:()]{{2,60}}?)|\s\((?P<paren>[^()]{{2,40}})\))\.?\s*$",
        CREDIT_LABELS.join("|")
    ))
    .expect("static credit regex")
});

static SIGN_OFF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*\b(?:Reuter|REUTER|Reuters|REUTERS)\s*$").expect("static sign-off regex"));

/// `re.captures(text)`, tested first with `is_match`, which costs less than a failed `captures`:
/// most lines and paragraphs tested match none of these patterns.
fn captures<'t>(re: &Regex, text: &'t str) -> Option<regex::Captures<'t>> {
    if re.is_match(text) {
        re.captures(text)
    } else {
        None
    }
}

/// Parses a plain-text article.
pub fn parse(text: &str) -> Document {
    let text = unix_newlines(text);
    let blocks = blocks(&text);
    let mut doc = Document::default();
    let mut rest: &[Vec<&str>] = &blocks;

    if let Some((first, tail)) = rest.split_first() {
        if is_headline(first) {
            doc.headline = Some(first[0].trim().to_string());
            // Lines after the headline in the same block are header matter or body.
            let remainder: Vec<&str> = first[1..].to_vec();
            rest = tail;
            if !remainder.is_empty() {
                let mut owned = vec![remainder];
                owned.extend(rest.iter().cloned());
                return finish(doc, owned);
            }
        } else {
            doc.warnings.push("no headline found".to_string());
        }
    }
    finish(doc, rest.to_vec())
}

/// `text` with CRLF and lone CR line ends as LF; most texts have none, and are not copied.
fn unix_newlines(text: &str) -> Cow<'_, str> {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Header lines, captions, dateline, body paragraphs and sign-off, after the headline.
fn finish(mut doc: Document, blocks: Vec<Vec<&str>>) -> Document {
    let mut blocks = blocks.into_iter().peekable();
    let mut header_lines = 0;
    let mut expect_caption = false;
    // Header matter: single lines that are a date line, a byline or an image placeholder.
    while let Some(block) = blocks.peek() {
        if header_lines >= MAX_HEADER_LINES || expect_caption {
            break;
        }
        let mut consumed = 0;
        for line in block.iter() {
            let line = line.trim();
            if let Some(date) = parse_date_line(line) {
                if doc.published.is_none() {
                    doc.published = Some((date, PublishedFrom::Text));
                    doc.date_line = Some(line.to_string());
                }
            } else if let Some(byline) = parse_byline(line) {
                doc.byline.get_or_insert(byline);
            } else if let Some(caps) = captures(&IMAGE_LINE, line) {
                if let Some(site) = caps.name("site") {
                    doc.site.get_or_insert_with(|| site.as_str().trim().to_string());
                }
                expect_caption = true;
            } else {
                break;
            }
            consumed += 1;
        }
        header_lines += consumed;
        if consumed == 0 {
            break;
        }
        let block = blocks.next().expect("peeked");
        if consumed < block.len() {
            // The rest of this block is body (or the caption).
            let remainder = block[consumed..].to_vec();
            return body(doc, std::iter::once(remainder).chain(blocks).collect(), expect_caption);
        }
    }
    body(doc, blocks.collect(), expect_caption)
}

fn body(mut doc: Document, blocks: Vec<Vec<&str>>, caption_first: bool) -> Document {
    let mut paragraphs: Vec<String> = blocks.iter().flat_map(|b| paragraphs_of(b)).collect();
    if caption_first && !paragraphs.is_empty() {
        let caption = paragraphs.remove(0);
        doc.captions.push(split_credit(&caption, true));
        doc.caption_at.push(0);
    }
    // Wikinews-style inline captions: a paragraph ending in "Image: <credit>."
    let mut kept = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        match labeled_caption(&p) {
            Some(caption) => {
                doc.captions.push(caption);
                doc.caption_at.push(kept.len());
            }
            None => kept.push(p),
        }
    }
    if let Some(first) = kept.first_mut() {
        if let Some((dateline, rest)) = split_dateline(first) {
            *first = rest;
            doc.dateline = Some(dateline);
        }
    }
    if let Some(last) = kept.last_mut() {
        let trimmed = SIGN_OFF.replace(last, "").into_owned();
        *last = trimmed;
    }
    kept.retain(|p| !p.trim().is_empty());
    doc.paragraphs = kept;
    if doc.paragraphs.is_empty() {
        doc.warnings.push("no body text found".to_string());
    }
    doc
}

/// Blank-line separated blocks of lines (lines keep their indentation).
fn blocks(text: &str) -> Vec<Vec<&str>> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    for line in lines(text) {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The lines of `text` (which has LF line ends only), split by `memchr`, which scans many bytes
/// at a time. Unlike `str::lines`, a text ending in a line end gives a last, empty line: a blank
/// line, which only ends the last block, as the end of the text does anyway.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut from = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .map(Some)
        .chain(std::iter::once(None))
        .map(move |end| {
            let end = end.unwrap_or(text.len());
            let line = &text[from..end];
            from = end + 1;
            line
        })
}

fn is_headline(block: &[&str]) -> bool {
    let first = block[0].trim();
    let words = first.split_whitespace().count();
    // A first line that is the start of a wrapped paragraph continues on the next line in lower case.
    let continues = block.get(1).is_some_and(|next| {
        !next.starts_with([' ', '\t']) && next.trim_start().starts_with(|c: char| c.is_lowercase())
    });
    // A quotation with its attribution opens the body of a file without headline.
    let quoted_sentence = first.starts_with(['“', '"']) && (first.ends_with('.') || first.contains(" said"));
    words <= MAX_HEADLINE_WORDS && !continues && !quoted_sentence
}

/// Splits a block into paragraphs: indented lines start one; lines are either
/// hard-wrapped (joined) or one paragraph each, told by their lengths.
fn paragraphs_of(block: &[&str]) -> Vec<String> {
    if let [line] = block {
        // One line is one paragraph (what the loop below makes of it, without measuring it).
        let line = line.trim();
        return if line.is_empty() {
            Vec::new()
        } else {
            vec![line.to_string()]
        };
    }
    let width = block.iter().map(|l| l.trim_end().chars().count()).max().unwrap_or(0);
    // Hard-wrapped text stays under ~100 columns; longer lines are whole paragraphs.
    let wrapped = width <= 100 && block.len() > 1;
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for (i, line) in block.iter().enumerate() {
        let indented = i > 0 && line.starts_with([' ', '\t']);
        let starts_new = i > 0 && (!wrapped || indented || ends_short_paragraph(block[i - 1], width));
        if starts_new && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(line.trim());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// In wrapped text, a line well short of the wrap width that ends a sentence ends its paragraph.
fn ends_short_paragraph(line: &str, width: usize) -> bool {
    let line = line.trim_end();
    line.chars().count() * 4 < width * 3 && line.ends_with(['.', '!', '?', '"', '”', ':'])
}

/// "By Stella Kim and Jennifer Jett", "By Jane Doe, Reuters".
fn parse_byline(line: &str) -> Option<Byline> {
    let caps = captures(&BYLINE, line)?;
    let names = caps.name("names")?.as_str().trim();
    if names.split_whitespace().count() > 12 || names.ends_with(['.', '!', '?']) && !names.ends_with("Jr.") {
        return None;
    }
    let mut authors = Vec::new();
    let mut agency = None;
    for part in names.split([',', '&', ';']).flat_map(|p| p.split(" and ")) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        if crate::document::is_agency(part) {
            agency.get_or_insert_with(|| part.to_string());
        } else if part
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        {
            authors.push(part.to_string());
        }
    }
    Some(Byline {
        authors,
        agency,
        text: line.to_string(),
    })
}

/// A line that is only a date, with an optional weekday and time:
/// "21-APR-1987 01:17:45.69", "Friday, July 21, 2017", "June 22, 2021", "22 June 2021", "2021-06-22".
pub(crate) fn parse_date_line(line: &str) -> Option<NaiveDate> {
    static ISO: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T][\d:.]+Z?)?$").expect("static"));
    static WIRE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\d{1,2})-([A-Za-z]{3})-(\d{4})(?:\s+[\d:.]+)?$").expect("static"));
    static MDY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?([A-Z][a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:\s+[\d:.]+\s*(?:[AaPp]\.?[Mm]\.?)?.*)?$")
            .expect("static")
    });
    static DMY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(\d{1,2})\s+([A-Z][a-z]+)\.?,?\s+(\d{4})$")
            .expect("static")
    });
    let line = line.trim();
    let ymd = |y: &str, m: u32, d: &str| NaiveDate::from_ymd_opt(y.parse().ok()?, m, d.parse().ok()?);
    if let Some(c) = captures(&ISO, line) {
        return ymd(&c[1], c[2].parse().ok()?, &c[3]);
    }
    if let Some(c) = captures(&WIRE, line) {
        return ymd(&c[3], month_number(&c[2])?, &c[1]);
    }
    if let Some(c) = captures(&MDY, line) {
        return ymd(&c[3], month_number(&c[1])?, &c[2]);
    }
    if let Some(c) = captures(&DMY, line) {
        return ymd(&c[3], month_number(&c[2])?, &c[1]);
    }
    None
}

/// 1–12 for an English month name or its abbreviation ("Aug", "Sept", "august").
pub(crate) fn month_number(word: &str) -> Option<u32> {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    let index = crate::lexicon::MONTHS.iter().position(|m| m.starts_with(&lower))?;
    Some(index as u32 + 1)
}

/// Splits "SEOUL, Aug. 20 (Yonhap) -- North Korea …" into the dateline and the rest.
pub(super) fn split_dateline(paragraph: &str) -> Option<(RawDateline, String)> {
    let (index, caps) = DATELINES
        .iter()
        .enumerate()
        .find_map(|(i, re)| captures(re, paragraph).map(|c| (i, c)))?;
    if index == 1 && caps.name("date").is_none() {
        return None;
    }
    let whole = caps.get(0)?;
    let rest = paragraph[whole.end()..].trim_start();
    let place = caps.name("place")?.as_str();
    // A dateline place is in capitals ("SEOUL", "NEW YORK"), and the body follows it.
    let letters: String = place.split(',').next()?.chars().filter(|c| c.is_alphabetic()).collect();
    // Without a date, a lower-case continuation means this was a sentence, not a dateline.
    let lowercase_rest = rest.starts_with(char::is_lowercase) && caps.name("date").is_none();
    if letters.chars().count() < 2 || rest.is_empty() || lowercase_rest {
        return None;
    }
    let dateline = RawDateline {
        place: place.to_string(),
        agency: caps.name("agency").map(|m| m.as_str().to_string()),
        date_text: caps.name("date").map(|m| m.as_str().to_string()),
        text: whole.as_str().trim_end().to_string(),
    };
    Some((dateline, rest.to_string()))
}

/// "(Image: Getty Images)", "Picture: PA", "Photo by Mukhtar Khan" -> the credit alone.
pub(super) fn credit_without_label(credit: &str) -> String {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:(?:photo|image|picture|photograph|credit)s?\s*(?:by\s|:)\s*)").expect("static regex")
    });
    let inner = credit.trim().trim_start_matches('(').trim_end_matches(')').trim();
    LABEL.replace(inner, "").trim().to_string()
}

/// Splits a trailing photo credit off a caption: "… in Seoul on Monday. AFP",
/// "… (Reuters)", "… Photo: Yonhap". A bare credit (no label) is taken only
/// when `allow_bare`, i.e. where the layout says the paragraph is a caption.
pub(super) fn split_credit(caption: &str, allow_bare: bool) -> RawCaption {
    let caption = caption.trim();
    if let Some(caps) = LABELED_CREDIT.captures(caption) {
        let credit = caps
            .name("labeled")
            .or(caps.name("paren"))
            .expect("one alternative matched");
        let text = caption[..caps.get(0).expect("whole match").start()].trim();
        if !text.is_empty() {
            return RawCaption {
                text: text.to_string(),
                credit: Some(credit_without_label(credit.as_str())),
            };
        }
    }
    if allow_bare {
        if let Some((text, credit)) = bare_credit(caption) {
            return RawCaption {
                text: text.to_string(),
                credit: Some(credit.to_string()),
            };
        }
    }
    RawCaption {
        text: caption.to_string(),
        credit: None,
    }
}

/// The words after the caption's last sentence, when they look like a credit:
/// a few capitalised words or an agency, no closing full stop ("AFP", "Yonhap",
/// "Richard Vogel/AP", "Getty Images").
fn bare_credit(caption: &str) -> Option<(&str, &str)> {
    let boundary = caption
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, '.' | '!' | '?' | '”' | ')') && caption[i + c.len_utf8()..].starts_with(char::is_whitespace)
        })
        .map(|(i, c)| i + c.len_utf8())
        .next_back()?;
    let (text, credit) = (caption[..boundary].trim(), caption[boundary..].trim());
    let words: Vec<&str> = credit.split_whitespace().collect();
    let looks_like_credit = !words.is_empty()
        && words.len() <= 6
        && !credit.ends_with(['.', '!', '?', ',', ':'])
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '©'));
    (looks_like_credit && !text.is_empty()).then_some((text, credit))
}

/// Whether `text` holds one of the [`CREDIT_LABELS`] in any case, as a labelled
/// credit must: a test a few times cheaper than the regex, which most paragraphs fail. ASCII case
/// suffices: no other character case-folds to a letter of these words.
fn has_credit_label(text: &str) -> bool {
    static LABELS: LazyLock<[memchr::memmem::Finder<'static>; 5]> =
        LazyLock::new(|| CREDIT_LABELS.map(|label| memchr::memmem::Finder::new(label).into_owned()));
    let lower = text.to_ascii_lowercase();
    LABELS.iter().any(|label| label.find(lower.as_bytes()).is_some())
}

/// The end of `text` a labelled credit of [`LABELED_CREDIT`] must lie in: after the last `.`, `(`
/// or `)`, not counting a full stop followed by white space alone. Neither the label, its `by` or
/// colon, nor the credit holds one of these, so every labelled match lies in this end (and the
/// regex, with no look-behind, finds the same matches in it as in the whole text).
fn credit_region(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut last = memchr::memrchr3(b'.', b'(', b')', bytes);
    if let Some(stop) = last.filter(|&i| bytes[i] == b'.' && text[i + 1..].trim_start().is_empty()) {
        last = memchr::memrchr3(b'.', b'(', b')', &bytes[..stop]);
    }
    last.map_or(text, |stop| &text[stop + 1..])
}

/// A paragraph ending in a labelled credit ("… Image: United States Navy.") is a caption.
fn labeled_caption(paragraph: &str) -> Option<RawCaption> {
    // Most paragraphs end in a sentence without a label word: the regex never sees them.
    let region = credit_region(paragraph);
    if !has_credit_label(region) {
        return None;
    }
    captures(&LABELED_CREDIT, region)?.name("labeled")?;
    let caption = split_credit(paragraph, false);
    caption.credit.is_some().then_some(caption)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The web-scrape layout: headline, image line with site, caption with credit, body.
    #[test]
    fn web_scrape_layout() {
        let doc = parse("Talks set to resume\n\nContent image - Korea Daily\nMoon meets Kim in Seoul on Monday. AFP\n\nSeoul said talks would resume.\n\nThe North agreed.");
        assert_eq!(doc.headline.as_deref(), Some("Talks set to resume"));
        assert_eq!(doc.site.as_deref(), Some("Korea Daily"));
        assert_eq!(
            doc.captions,
            [RawCaption {
                text: "Moon meets Kim in Seoul on Monday.".into(),
                credit: Some("AFP".into())
            }]
        );
        assert_eq!(doc.paragraphs, ["Seoul said talks would resume.", "The North agreed."]);
        assert_eq!(doc.byline, None);
        assert_eq!(doc.dateline, None);
    }

    /// Wire copy: CAPS headline, date line, dateline, wrapped lines, indented paragraphs, sign-off.
    #[test]
    fn wire_layout() {
        let text = "SOUTH KOREA CUTS RATES\n21-APR-1987 01:17:45.69\n\nSEOUL, April 21 - South Korea cut its\ndiscount rate on Tuesday, the central\nbank said.\n    The move was expected, officials\nsaid.\n Reuter\n";
        let doc = parse(text);
        assert_eq!(doc.headline.as_deref(), Some("SOUTH KOREA CUTS RATES"));
        assert_eq!(
            doc.published,
            Some((NaiveDate::from_ymd_opt(1987, 4, 21).unwrap(), PublishedFrom::Text))
        );
        let dateline = doc.dateline.unwrap();
        assert_eq!(dateline.place, "SEOUL");
        assert_eq!(dateline.date_text.as_deref(), Some("April 21"));
        assert_eq!(dateline.text, "SEOUL, April 21 -");
        assert_eq!(
            doc.paragraphs,
            [
                "South Korea cut its discount rate on Tuesday, the central bank said.",
                "The move was expected, officials said."
            ]
        );
    }

    /// Datelines with agencies and long dashes.
    #[test]
    fn datelines() {
        let (d, rest) = split_dateline("New York, Feb 26 - American Express Co remained silent.").unwrap();
        assert_eq!(
            (d.place.as_str(), d.date_text.as_deref(), rest.as_str()),
            ("New York", Some("Feb 26"), "American Express Co remained silent.")
        );
        let (d, _) = split_dateline("NEW YORK , March 5 - Responsibility for it.").unwrap();
        assert_eq!(d.place, "NEW YORK");
        assert!(split_dateline("Officials said - again - nothing.").is_none());
        let (d, rest) = split_dateline("SEOUL, Aug. 20 (Yonhap) -- North Korea slammed the drill.").unwrap();
        assert_eq!(
            (d.place.as_str(), d.agency.as_deref(), d.date_text.as_deref()),
            ("SEOUL", Some("Yonhap"), Some("Aug. 20"))
        );
        assert_eq!(d.text, "SEOUL, Aug. 20 (Yonhap) --");
        assert_eq!(rest, "North Korea slammed the drill.");
        let (d, _) = split_dateline("DALLAS (AP) — Democratic candidate Martin O’Malley is shifting staff.").unwrap();
        assert_eq!((d.place.as_str(), d.agency.as_deref()), ("DALLAS", Some("AP")));
        assert!(split_dateline("U.S. officials said - nothing").is_none());
        assert!(split_dateline("Seoul and Washington agreed - again.").is_none());
    }

    /// Bylines: several authors, agencies apart.
    #[test]
    fn bylines() {
        let b = parse_byline("By Stella Kim and Jennifer Jett").unwrap();
        assert_eq!(b.authors, ["Stella Kim", "Jennifer Jett"]);
        assert_eq!(b.agency, None);
        let b = parse_byline("By Jane Doe, Reuters").unwrap();
        assert_eq!(
            (b.authors, b.agency),
            (vec!["Jane Doe".to_string()], Some("Reuters".to_string()))
        );
        assert!(parse_byline("By the end of the year, prices rose.").is_none());
    }

    /// BBC-style: one paragraph per long line.
    #[test]
    fn line_per_paragraph() {
        let long = "A long paragraph line that goes on well past any wrapping width, as unwrapped text does in many datasets here.";
        let doc = parse(&format!("Headline\n\n{long}\n{long}\n"));
        assert_eq!(doc.paragraphs.len(), 2);
    }

    /// Date lines in common styles.
    #[test]
    fn date_lines() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(parse_date_line("Friday, July 21, 2017"), d(2017, 7, 21));
        assert_eq!(parse_date_line("22 June 2021"), d(2021, 6, 22));
        assert_eq!(parse_date_line("2021-06-22"), d(2021, 6, 22));
        assert_eq!(parse_date_line("Sept. 3, 2019"), d(2019, 9, 3));
        assert_eq!(parse_date_line("June 22 was hot, 2021"), None);
    }

    /// Credit labels are dropped: the credit is who took or supplied the photo.
    #[test]
    fn credit_labels_dropped() {
        assert_eq!(credit_without_label("(Image: Getty Images)"), "Getty Images");
        assert_eq!(credit_without_label("Photo by Mukhtar Khan"), "Mukhtar Khan");
        assert_eq!(
            split_credit("Black Rod walks through the Royal Gallery (Picture: PA)", true)
                .credit
                .as_deref(),
            Some("PA")
        );
    }

    /// Wikinews-style inline captions are taken out of the body.
    #[test]
    fn labeled_captions() {
        let doc = parse("Headline here\n\nFirst paragraph.\n\nThe robots met in Washington. Image: United States Navy.\n\nLast paragraph.");
        assert_eq!(doc.captions[0].credit.as_deref(), Some("United States Navy"));
        assert_eq!(doc.captions[0].text, "The robots met in Washington.");
        assert_eq!(doc.paragraphs, ["First paragraph.", "Last paragraph."]);
    }

    /// Labelled credits are found as the regex alone finds them, however long the text before
    /// them and whatever the whitespace.
    #[test]
    fn labeled_captions_anywhere() {
        let long = "The robots met in Washington on a long day of talks that went on and on. ".repeat(3);
        for paragraph in [
            format!("{long}Image: United States Navy."),
            format!("{long}Photo by   Jane   Doe  "),
            format!("{long}Photographs:\u{a0}Yonhap \u{2003}"),
            format!("{long}Image: {}", "x".repeat(70)),
            "Image: Yonhap".to_string(),
            format!("{long}(Reuters)"),
            format!("{long}no credit here, image or not"),
            format!("{long}Photo: AP. \u{2003}"),
            format!("{long}Photo: AP.."),
            format!("{long}Photo: A."),
            format!("{long}(Photo: AP)"),
            format!("{long}Photo: AP (file)."),
            format!("{long}Image: Mr. Kim"),
            "Photo: AP.".to_string(),
        ] {
            let expected = LABELED_CREDIT
                .captures(&paragraph)
                .and_then(|caps| caps.name("labeled"))
                .map(|_| split_credit(&paragraph, false))
                .filter(|caption| caption.credit.is_some());
            assert_eq!(labeled_caption(&paragraph), expected, "{paragraph}");
        }
    }

    /// A file that starts with body text has no headline, and says so.
    #[test]
    fn no_headline() {
        let doc = parse("“We will talk,” he said on Monday.\n\nMore text.");
        assert_eq!(doc.headline, None);
        assert!(doc.warnings.iter().any(|w| w.contains("headline")));
    }

    /// Windows (CRLF) and old Mac (CR) line ends read like Unix ones.
    #[test]
    fn carriage_returns_end_lines() {
        let unix = parse("Talks set to resume\n\nSeoul said talks\nwould resume.\n\nThe North agreed.");
        for text in [
            "Talks set to resume\r\n\r\nSeoul said talks\r\nwould resume.\r\n\r\nThe North agreed.",
            "Talks set to resume\r\rSeoul said talks\rwould resume.\r\rThe North agreed.",
        ] {
            let doc = parse(text);
            assert_eq!(doc.headline, unix.headline);
            assert_eq!(doc.paragraphs, ["Seoul said talks would resume.", "The North agreed."]);
        }
    }
}
