//! The brief: the JSON contract of `SPEC.md`, and its assembly from a
//! [`Document`](crate::document::Document) and the [`Analysis`](crate::analysis::Analysis).
//!
//! # Format
//!
//! One [`Brief`] per article. Every key is always present: absent values are
//! `null` or `[]`, never a missing key. Offsets (`span`) are `[start, end)` in
//! Unicode code points within `body[paragraph]`. Dates are TimeML/TIMEX3-style
//! values (`2021-06-22`, `2021-W24`, `2021-06`, `2021`, `1950/1953`, `P5D`).
//! The `schema` field names the contract version; a field changes meaning only
//! with a new version.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The contract version written to every brief.
pub const SCHEMA_VERSION: &str = "korea-brief/1";

/// One article's brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Brief {
    /// Always `korea-brief/1` for this version of the contract.
    pub schema: String,
    pub source: SourceInfo,
    /// The article's headline; `null` only when it has none (a warning says so).
    pub headline: Option<String>,
    pub byline: Option<Byline>,
    /// The article's own publication date, or the `--date` flag.
    pub published: Option<Published>,
    pub dateline: Option<Dateline>,
    pub captions: Vec<Caption>,
    /// Clean text, one string per paragraph, in reading order.
    pub body: Vec<String>,
    pub quotes: Vec<Quote>,
    pub actors: Vec<Actor>,
    /// Every temporal expression, in document order.
    pub dates: Vec<DateEntry>,
    /// Dated events in date order.
    pub timeline: Vec<TimelineEntry>,
    /// Extractive summary: sentences of the body, in article order.
    pub summary: Vec<String>,
    /// Things a reader should know about this brief ("no headline found").
    pub warnings: Vec<String>,
}

/// Where the article came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceInfo {
    /// The path as the user gave it (joined with the path found under a directory), or `-`.
    pub input: String,
    pub kind: SourceKind,
    pub format: Format,
    /// The URL the article was fetched from, when it was.
    pub url: Option<String>,
    /// Size of the raw input in bytes.
    pub bytes: u64,
    /// SHA-256 of the raw input, lowercase hex.
    pub sha256: String,
    /// The publication's name where the article names it.
    pub site: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    File,
    Stdin,
    Url,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Text,
    Html,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Byline {
    /// People only: agencies go to `agency`.
    pub authors: Vec<String>,
    pub agency: Option<String>,
    /// The byline as printed.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Published {
    /// `YYYY-MM-DD`.
    pub value: String,
    pub basis: PublishedBasis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PublishedBasis {
    /// From `--date`.
    Flag,
    /// From page metadata (JSON-LD, meta tags, `<time>`).
    Metadata,
    /// From the dateline ("SEOUL, Aug. 20 (Yonhap) --").
    Dateline,
    /// From a date line in a plain-text article.
    Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dateline {
    /// The place as printed ("SEOUL").
    pub place: String,
    pub agency: Option<String>,
    pub date: Option<DateRef>,
    /// The dateline as printed, with its trailing dash.
    pub text: String,
}

/// A date as a value and the words that gave it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateRef {
    /// TIMEX3-style value; `null` when the anchor is unknown.
    pub value: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Caption {
    /// The caption without its credit.
    pub text: String,
    /// The photo credit ("AFP", "Reuters"); neither an author nor an actor.
    pub credit: Option<String>,
    /// Names of the actors the caption mentions.
    pub actors: Vec<String>,
    pub date: Option<DateRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// The words inside the marks, without the marks and trailing `, . ; : ? !`;
    /// segments joined with single spaces.
    pub text: String,
    pub kind: QuoteKind,
    /// `null` when the article does not say who spoke.
    pub speaker: Option<Speaker>,
    /// The reporting verb or phrase ("said", "told reporters", ":").
    pub cue: Option<String>,
    pub date: Option<QuoteDate>,
    /// One entry per paragraph the quotation runs over.
    pub segments: Vec<Segment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A sentence (or more) of its own, set off by its attribution.
    Full,
    /// A fragment inside the reporter's sentence.
    Partial,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    /// Canonical actor name.
    pub name: String,
    /// Id in `actors`, when the speaker is one.
    pub actor: Option<String>,
    /// The words that name the speaker here ("he", "the minister").
    pub mention: String,
    pub method: SpeakerMethod,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerMethod {
    Explicit,
    Pronoun,
    Description,
    Context,
    AccordingTo,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuoteDate {
    pub value: Option<String>,
    pub text: String,
    pub precision: Precision,
    pub basis: QuoteDateBasis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuoteDateBasis {
    Sentence,
    Paragraph,
    Caption,
    Dateline,
}

/// `[start, end)` in Unicode code points within `body[paragraph]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    pub paragraph: usize,
    pub span: [usize; 2],
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// `p1`, `o1`, `s1`, `l1`: kind letter and order of first mention.
    pub id: String,
    /// The fullest form the article prints, in its word order.
    pub name: String,
    pub kind: ActorKind,
    /// Every other way the article refers to the actor.
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub affiliation: Option<String>,
    pub mentions: usize,
    pub quotes: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Person,
    Organization,
    State,
    Place,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Time,
    Day,
    Week,
    Month,
    Season,
    Quarter,
    Year,
    Decade,
    Range,
    Duration,
    Set,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TimexKind {
    Date,
    Time,
    Duration,
    Set,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Where {
    Headline,
    Dateline,
    Caption,
    Body,
}

/// One temporal expression of the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateEntry {
    /// The expression as written, without leading prepositions.
    pub text: String,
    pub value: Option<String>,
    pub precision: Precision,
    pub kind: TimexKind,
    #[serde(rename = "where")]
    pub location: Where,
    /// Index into `body` (body dates only).
    pub paragraph: Option<usize>,
    /// Code-point span within `body[paragraph]` (body dates only).
    pub span: Option<[usize; 2]>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimelineEntry {
    pub date: DateRef,
    /// The article's sentence that carries the event.
    pub text: String,
}

use crate::analysis::Analysis;
use crate::document::{Document, PublishedFrom};
use crate::input::Source;
use chrono::NaiveDate;

/// Assembles the brief of one article. `flag_date` is `--date`: it fills
/// `published` only when the article states no date of its own.
pub fn assemble(source: &Source, doc: Document, analysis: Analysis, flag_date: Option<NaiveDate>) -> Brief {
    let published = match (doc.published, flag_date) {
        (Some((date, from)), _) => Some(Published {
            value: date.to_string(),
            basis: published_basis(from),
        }),
        (None, Some(date)) => Some(Published {
            value: date.to_string(),
            basis: PublishedBasis::Flag,
        }),
        (None, None) => None,
    };
    let dateline = doc.dateline.map(|d| Dateline {
        place: d.place,
        agency: d.agency,
        date: analysis
            .dateline_date
            .clone()
            .or_else(|| d.date_text.map(|text| DateRef { value: None, text })),
        text: d.text,
    });
    let captions = doc
        .captions
        .into_iter()
        .enumerate()
        .map(|(i, c)| Caption {
            text: c.text,
            credit: c.credit,
            actors: analysis.caption_actors.get(i).cloned().unwrap_or_default(),
            date: analysis.caption_dates.get(i).cloned().flatten(),
        })
        .collect();
    Brief {
        schema: SCHEMA_VERSION.to_string(),
        source: SourceInfo {
            input: source.input.clone(),
            kind: source.kind,
            format: source.format,
            url: source.url.clone(),
            bytes: source.bytes,
            sha256: source.sha256.clone(),
            site: doc.site,
        },
        headline: doc.headline,
        byline: doc.byline,
        published,
        dateline,
        captions,
        body: doc.paragraphs,
        quotes: analysis.quotes,
        actors: analysis.actors,
        dates: analysis.dates,
        timeline: analysis.timeline,
        summary: analysis.summary,
        warnings: doc.warnings,
    }
}

fn published_basis(from: PublishedFrom) -> PublishedBasis {
    match from {
        PublishedFrom::Text => PublishedBasis::Text,
        PublishedFrom::Dateline => PublishedBasis::Dateline,
        PublishedFrom::Metadata => PublishedBasis::Metadata,
    }
}
