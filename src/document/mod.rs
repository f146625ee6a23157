//! The DOCUMENT stage: decoded text or HTML -> [`Document`], the article's
//! parts (headline, byline, dateline, captions, paragraphs) with no NLP.
//! Pure: no I/O here.

pub mod authors;
pub mod depth;
pub mod html;
pub mod metadata;
pub mod readable;
pub mod text;

use crate::brief::Byline;
use crate::input::Source;
use chrono::NaiveDate;

/// An article split into its parts, before any analysis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub headline: Option<String>,
    pub byline: Option<Byline>,
    pub dateline: Option<RawDateline>,
    /// A plain-text date line as printed ("Friday, July 21, 2017"), which also gave `published`.
    pub date_line: Option<String>,
    /// The publication date the article states, and where it stated it.
    pub published: Option<(NaiveDate, PublishedFrom)>,
    pub captions: Vec<RawCaption>,
    /// Per caption, how many body paragraphs come before it in the article, where the layout tells (plain
    /// text); empty when it does not.
    pub caption_at: Vec<usize>,
    /// Body paragraphs: hard-wrapped lines joined with single spaces.
    pub paragraphs: Vec<String>,
    /// The publication's name where the article names it.
    pub site: Option<String>,
    pub warnings: Vec<String>,
}

/// Where a [`Document`]'s own publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishedFrom {
    /// A date line in a plain-text article ("21-APR-1987 01:17:45.69").
    Text,
    /// The dateline ("SEOUL, Aug. 20 (Yonhap) --") when it carries a year.
    Dateline,
    /// Page metadata (JSON-LD, meta tags, `<time>`).
    Metadata,
}

/// A dateline as printed: "SEOUL, Aug. 20 (Yonhap) --".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDateline {
    pub place: String,
    pub agency: Option<String>,
    /// The date words of the dateline ("Aug. 20"), normalised later.
    pub date_text: Option<String>,
    pub text: String,
}

/// A photo caption with its credit split off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawCaption {
    pub text: String,
    pub credit: Option<String>,
}

/// Splits a decoded source into a [`Document`], by its format. HTML nested deeper
/// than `max_depth` elements is flattened first, its scripts and styles emptied
/// (see [`depth`]).
pub fn read(source: &Source, max_depth: usize) -> Document {
    if source.text.trim().is_empty() {
        return Document {
            warnings: vec!["empty input: no text to read".to_string()],
            ..Document::default()
        };
    }
    let mut doc = match source.format {
        crate::brief::Format::Text => text::parse(&source.text),
        crate::brief::Format::Html => {
            let prepared = depth::prepare(&source.text, max_depth);
            let mut doc = html::parse(&prepared.html);
            if prepared.flattened {
                doc.warnings.push(format!(
                    "markup nested deeper than {max_depth} elements was flattened (--max-depth)"
                ));
            }
            doc
        }
    };
    if source.encoding_detected {
        doc.warnings.push(format!(
            "not UTF-8 and no charset declared: read as {} (detected)",
            source.encoding
        ));
    }
    doc
}

/// Whether `name` is a news agency ("Reuters", "AP", "Yonhap"): agencies go
/// to `agency`, never to authors.
pub fn is_agency(name: &str) -> bool {
    static AGENCIES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        crate::lexicon::Lexicon::builtin()
            .entries("agencies")
            .iter()
            .flatten()
            .map(|s| s.to_lowercase())
            .collect()
    });
    let name = name.trim().to_lowercase();
    AGENCIES.contains(&name)
}
