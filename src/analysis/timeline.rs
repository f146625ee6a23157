//! Dates of quotes (the sentence's own time expression, else the narrative
//! date of the paragraph or the one before, else the occasion of the speaker's
//! previous dated quote) and the timeline of dated events.

use super::dates::{DocumentDates, TimeExpr};
use super::text::Body;
use crate::brief::{DateRef, Precision, Quote, QuoteDate, QuoteDateBasis, TimelineEntry, TimexKind};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::ops::Range;

/// How far back within a paragraph a narrative date is looked for, in time expressions.
const NARRATIVE_REACH: usize = 32;

/// How many paragraphs a speaker's dated remarks carry their date to the speaker's next quote.
const OCCASION_REACH: usize = 6;

/// A paragraph's sentences and the byte offset of each of its characters, built once for
/// the paragraphs that hold quotes, so that each quote costs a binary search, not a rescan.
struct ParagraphIndex<'a> {
    sentences: &'a [Range<usize>],
    text: &'a str,
    /// Code-point and byte offsets coincide.
    ascii: bool,
    /// The last offset asked for, as (code points, bytes): quotes come in text order, so
    /// counting on from it keeps a paragraph of many quotes linear, not quadratic.
    last: (usize, usize),
}

impl<'a> ParagraphIndex<'a> {
    fn new(text: &'a str, sentences: &'a [Range<usize>]) -> Self {
        ParagraphIndex {
            sentences,
            text,
            ascii: text.is_ascii(),
            last: (0, 0),
        }
    }

    /// Byte offset of code-point offset `chars` (clamped to the end). A paragraph has a quote or
    /// two: counting up to each, on from the last one asked for when it is not past it, is
    /// cheaper than a table of every code point.
    fn byte(&mut self, chars: usize) -> usize {
        if self.ascii {
            return chars.min(self.text.len());
        }
        let (from_chars, from_byte) = if chars >= self.last.0 { self.last } else { (0, 0) };
        let byte = from_byte + byte_of_char(&self.text.as_bytes()[from_byte..], chars - from_chars);
        self.last = (chars, byte);
        byte
    }

    /// Byte range of the sentence(s) that hold `[start, end)`, widened to cover it.
    fn sentence_span(&self, start: usize, end: usize) -> (usize, usize) {
        let sents = &self.sentences;
        let first = sents
            .partition_point(|s| s.end <= start)
            .min(sents.len().saturating_sub(1));
        let last = sents.partition_point(|s| s.start < end).saturating_sub(1).max(first);
        match (sents.get(first), sents.get(last)) {
            (Some(a), Some(b)) => (a.start.min(start), b.end.max(end)),
            _ => (start, end),
        }
    }
}

/// The byte offset where code point `chars` of the UTF-8 `bytes` begins, or their length when
/// they have no more: eight bytes at a time, counting the bytes that begin a code point (all but
/// 10xxxxxx).
fn byte_of_char(bytes: &[u8], chars: usize) -> usize {
    const HIGH: u64 = u64::MAX / 0xFF * 0x80;
    let (mut at, mut seen) = (0, 0);
    while let Some(chunk) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let continuations = x & !(x << 1) & HIGH;
        let begun = 8 - continuations.count_ones() as usize;
        if seen + begun > chars {
            break;
        }
        seen += begun;
        at += 8;
    }
    for (i, &b) in bytes[at..].iter().enumerate() {
        if b & 0xC0 != 0x80 {
            if seen == chars {
                return at + i;
            }
            seen += 1;
        }
    }
    bytes.len()
}

/// Gives each quote the date in reach of it, or leaves it `None`.
pub fn date_quotes(quotes: &mut [Quote], body: &Body, dates: &DocumentDates) {
    let paragraphs = body.paragraphs;
    let mut index: Vec<Option<ParagraphIndex>> = (0..paragraphs.len()).map(|_| None).collect();
    for quote in quotes.iter_mut() {
        let Some(segment) = quote.segments.first() else {
            continue;
        };
        let p = segment.paragraph;
        let (Some(text), Some(exprs)) = (paragraphs.get(p), dates.body.get(p)) else {
            continue;
        };
        let para = index[p].get_or_insert_with(|| ParagraphIndex::new(text, &body.sentences[p]));
        let start = para.byte(segment.span[0]);
        let end = para.byte(segment.span[1]).max(start);
        let (from, to) = para.sentence_span(start, end);
        // Expressions are in text order: find the sentence's and the earlier ones by binary search.
        let (lo, hi) = (
            exprs.partition_point(|e| e.start < from),
            exprs.partition_point(|e| e.start < to),
        );
        let in_sentence = exprs[lo..hi]
            .iter()
            .filter(|e| e.end <= to && matches!(e.kind, TimexKind::Date | TimexKind::Time))
            .min_by_key(|e| (e.value.is_none(), e.start));
        let earlier = &exprs[lo.saturating_sub(NARRATIVE_REACH)..lo];
        quote.date = match in_sentence {
            Some(e) => Some(day_of_part_of_day(quote_date(e, QuoteDateBasis::Sentence))),
            None => narrative(earlier.iter().filter(|e| e.end <= from))
                .or_else(|| {
                    let previous = dates.body.get(p.checked_sub(1)?)?;
                    narrative(previous[previous.len().saturating_sub(NARRATIVE_REACH)..].iter())
                })
                .map(narrative_date),
        };
    }
    date_from_the_same_occasion(quotes, dates);
}

/// An undated quote continues the occasion of its speaker's previous dated quote when
/// the story tells no other date in between: "On June 22 the envoy met the minister and
/// said “…”. [paragraphs without a date] “…,” the envoy said." dates the second quote
/// to June 22. Only an occasion carries (a day, a time or a week, with a value); any
/// other occasion told in between, or a gap of more than [`OCCASION_REACH`] paragraphs,
/// ends it.
fn date_from_the_same_occasion(quotes: &mut [Quote], dates: &DocumentDates) {
    // Per speaker: the paragraph of their latest quote and its date.
    let mut latest: HashMap<String, (usize, Option<QuoteDate>)> = HashMap::new();
    for quote in quotes.iter_mut() {
        let (Some(speaker), Some(segment)) = (&quote.speaker, quote.segments.first()) else {
            continue;
        };
        let p = segment.paragraph;
        if let (None, Some((from, Some(date)))) = (&quote.date, latest.get(&speaker.name)) {
            if is_an_occasion(date)
                && p.saturating_sub(*from) <= OCCASION_REACH
                && !dated_between(dates, *from, p, date)
            {
                quote.date = Some(QuoteDate {
                    basis: QuoteDateBasis::Paragraph,
                    ..date.clone()
                });
            }
        }
        latest.insert(speaker.name.clone(), (p, quote.date.clone()));
    }
}

/// Whether another occasion is told after paragraph `from`'s last use of `date` and
/// before paragraph `to`'s quote (whose own paragraph has none, or the quote would be
/// dated): a day, a time or a week. Years and longer spans ("the 1950-1953 Korean
/// War") are history, not a new occasion.
fn dated_between(dates: &DocumentDates, from: usize, to: usize, date: &QuoteDate) -> bool {
    let after_the_occasion = dates.body.get(from).is_some_and(|exprs| {
        exprs
            .iter()
            .rev()
            .find(|e| tells_an_occasion(e))
            .is_some_and(|last| last.text != date.text)
    });
    after_the_occasion
        || (from + 1..to).any(|p| {
            dates
                .body
                .get(p)
                .is_some_and(|exprs| exprs.iter().any(tells_an_occasion))
        })
}

fn tells_an_occasion(e: &TimeExpr) -> bool {
    e.is_dated() && is_occasion_precision(e.precision)
}

/// A quote date that names an occasion (a day, a time, a week) with a value: "this
/// year" or "in 2004" says when, not on which occasion, and carries to no other quote.
fn is_an_occasion(date: &QuoteDate) -> bool {
    date.value.is_some() && is_occasion_precision(date.precision)
}

fn is_occasion_precision(precision: Precision) -> bool {
    matches!(precision, Precision::Time | Precision::Day | Precision::Week)
}

/// The narrative date among `exprs`: the last day-precision (or finer) one, else the last dated one.
fn narrative<'a>(exprs: impl DoubleEndedIterator<Item = &'a TimeExpr> + Clone) -> Option<&'a TimeExpr> {
    exprs
        .clone()
        .rev()
        .find(|e| e.day().is_some())
        .or_else(|| exprs.rev().find(|e| e.is_dated()))
}

/// A date carried from the narrative is its day: "the morning of June 22" dates a later
/// statement to June 22, not to that morning.
fn narrative_date(e: &TimeExpr) -> QuoteDate {
    match e.day() {
        Some(day) => QuoteDate {
            value: Some(day.format("%Y-%m-%d").to_string()),
            text: e.text.clone(),
            precision: Precision::Day,
            basis: QuoteDateBasis::Paragraph,
        },
        None => quote_date(e, QuoteDateBasis::Paragraph),
    }
}

fn quote_date(e: &TimeExpr, basis: QuoteDateBasis) -> QuoteDate {
    QuoteDate {
        value: e.value.clone(),
        text: e.text.clone(),
        precision: e.precision,
        basis,
    }
}

/// Words are said on a day: "on the morning of June 22, he said …" dates the quote
/// to 2021-06-22, not to a part of that day (clock times stay as they are).
fn day_of_part_of_day(date: QuoteDate) -> QuoteDate {
    let part_of_day = date.value.as_deref().and_then(|v| v.get(10..)).is_some_and(|rest| {
        rest.len() == 3 && rest.starts_with('T') && rest[1..].chars().all(|c| c.is_ascii_uppercase())
    });
    if !part_of_day {
        return date;
    }
    QuoteDate {
        value: date.value.map(|v| v[..10].to_string()),
        precision: Precision::Day,
        ..date
    }
}

/// The article's dated events in date order, each with its sentence.
pub fn build(body: &Body, dates: &DocumentDates) -> Vec<TimelineEntry> {
    let mut events: Vec<(NaiveDate, TimelineEntry)> = Vec::new();
    for ((text, sentences), exprs) in body.paragraphs.iter().zip(&body.sentences).zip(&dates.body) {
        if !exprs.iter().any(is_event_date) {
            continue;
        }
        for sentence in sentences.iter().cloned() {
            // Expressions are in text order: start at the sentence's first by binary search, not a rescan.
            let first = exprs.partition_point(|e| e.start < sentence.start);
            let Some(e) = exprs[first..]
                .iter()
                .take_while(|e| e.start < sentence.end)
                .find(|e| e.end <= sentence.end && is_event_date(e))
            else {
                continue;
            };
            let Some(key) = e.value.as_deref().and_then(sort_key) else {
                continue;
            };
            events.push((
                key,
                TimelineEntry {
                    date: DateRef {
                        value: e.value.clone(),
                        text: e.text.clone(),
                    },
                    text: text[sentence].to_string(),
                },
            ));
        }
    }
    events.sort_by_key(|(key, _)| *key);
    events.into_iter().map(|(_, entry)| entry).collect()
}

/// A date precise enough to place an event: a day (or a time on one), a week or a month.
fn is_event_date(e: &TimeExpr) -> bool {
    e.is_dated() && (matches!(e.precision, Precision::Day | Precision::Week | Precision::Month) || e.day().is_some())
}

/// The first day a value covers: "2021-06-22…", "2021-W24", "2021-06".
pub fn sort_key(value: &str) -> Option<NaiveDate> {
    if let Some(day) = value
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        return Some(day);
    }
    if let Some((year, week)) = value.split_once("-W") {
        let week: u32 = week.get(..2)?.parse().ok()?;
        return NaiveDate::from_isoywd_opt(year.parse().ok()?, week, chrono::Weekday::Mon);
    }
    let (year, month) = value.split_once('-')?;
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::dates::DateFinder;
    use crate::brief::{QuoteKind, Segment};
    use crate::document::Document;
    use crate::lexicon::Lexicon;

    /// Counting eight bytes at a time finds the code points `char_indices` finds.
    #[test]
    fn byte_of_char_as_char_indices() {
        let text = "“Seoul”, said Kim — on 22 June, ‘yes’ ² é and more text past eight bytes";
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for chars in 0..starts.len() + 3 {
            let expected = starts.get(chars).copied().unwrap_or(text.len());
            assert_eq!(byte_of_char(text.as_bytes(), chars), expected, "{chars}");
        }
    }

    /// Counting on from the last offset asked for gives the same bytes in any order of asking,
    /// past the end included.
    #[test]
    fn paragraph_offsets_in_any_order() {
        let text = "“Seoul”, said Kim — on 22 June, ‘yes’ ² é and more text past eight bytes";
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let mut para = ParagraphIndex::new(text, &[]);
        for chars in [3, 9, 9, 80, 70, 2, 0, 40, 41, 100, 5] {
            let expected = starts.get(chars).copied().unwrap_or(text.len());
            assert_eq!(para.byte(chars), expected, "{chars}");
        }
    }

    fn dates_of(paragraphs: &[&str]) -> (Vec<String>, DocumentDates) {
        let paragraphs: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
        let doc = Document {
            paragraphs: paragraphs.clone(),
            ..Document::default()
        };
        static FINDER: std::sync::LazyLock<DateFinder> =
            std::sync::LazyLock::new(|| DateFinder::new(&Lexicon::builtin()));
        let dates = FINDER.find_in_document(&doc, NaiveDate::from_ymd_opt(2021, 6, 23));
        (paragraphs, dates)
    }

    /// A quote of `words` in paragraph `p`, located by searching for them.
    fn quote(paragraphs: &[String], p: usize, words: &str) -> Quote {
        let byte = paragraphs[p].find(words).expect("quote words in paragraph");
        let start = paragraphs[p][..byte].chars().count();
        Quote {
            text: words.to_string(),
            kind: QuoteKind::Partial,
            speaker: None,
            cue: None,
            date: None,
            segments: vec![Segment {
                paragraph: p,
                span: [start, start + words.chars().count()],
            }],
        }
    }

    fn dated(paragraphs: &[&str], p: usize, words: &str) -> Option<QuoteDate> {
        let (paragraphs, dates) = dates_of(paragraphs);
        let mut quotes = [quote(&paragraphs, p, words)];
        date_quotes(&mut quotes, &Body::new(&paragraphs), &dates);
        quotes[0].date.clone()
    }

    /// A part of day in the quote's sentence dates it to that day.
    #[test]
    fn part_of_day_is_its_day() {
        let d = dated(
            &["On the morning of June 22, the envoy stressed they are “very closely aligned”."],
            0,
            "very closely",
        );
        let d = d.unwrap();
        assert_eq!(
            (d.value.as_deref(), d.precision, d.basis),
            (Some("2021-06-22"), Precision::Day, QuoteDateBasis::Sentence)
        );
    }

    /// A time expression in the quote's own sentence dates it (basis sentence).
    #[test]
    fn sentence_date() {
        let d = dated(&["Last week Kim Jong-un said his country was ready for “both dialogue and confrontation” with Washington."], 0, "both dialogue");
        let d = d.unwrap();
        assert_eq!(
            (d.value.as_deref(), d.text.as_str(), d.basis),
            (Some("2021-W24"), "Last week", QuoteDateBasis::Sentence)
        );
    }

    /// Without a date in its sentence, a quote takes the narrative date of the paragraph before.
    #[test]
    fn previous_paragraph_date() {
        let d = dated(
            &[
                "On the morning of June 22, the US envoy met with unification minister Lee In-young.",
                "Lee, who handles inter-Korean affairs, said it was a “critical watershed moment” for dialogue.",
            ],
            1,
            "critical watershed",
        )
        .unwrap();
        assert_eq!((d.value.as_deref(), d.precision), (Some("2021-06-22"), Precision::Day));
        assert_eq!(d.basis, QuoteDateBasis::Paragraph);
    }

    /// Quotes of `(speaker, paragraph, words)`, dated together.
    fn dated_by_speaker(paragraphs: &[&str], quotes: &[(&str, usize, &str)]) -> Vec<Option<String>> {
        let (paragraphs, dates) = dates_of(paragraphs);
        let mut quotes: Vec<Quote> = quotes
            .iter()
            .map(|&(speaker, p, words)| Quote {
                speaker: Some(crate::brief::Speaker {
                    name: speaker.to_string(),
                    actor: None,
                    mention: speaker.to_string(),
                    method: crate::brief::SpeakerMethod::Explicit,
                }),
                ..quote(&paragraphs, p, words)
            })
            .collect();
        date_quotes(&mut quotes, &Body::new(&paragraphs), &dates);
        quotes
            .iter()
            .map(|q| q.date.as_ref().and_then(|d| d.value.clone()))
            .collect()
    }

    /// A speaker's later undated quote keeps the occasion of their dated one while the
    /// story tells no other day; history ("the 1950-53 war") does not end the occasion.
    #[test]
    fn speaker_keeps_the_occasion() {
        let story = [
            "On Tuesday the trade envoy met the finance minister and called the talks “a fresh start”.",
            "The minister spoke of “hard choices” ahead.",
            "Both recalled the ports rebuilt after the 1950-1953 war.",
            "The envoy said the sides would meet again.",
            "“We will keep working on it,” the envoy said.",
        ];
        let dated = dated_by_speaker(
            &story,
            &[
                ("Envoy", 0, "a fresh start"),
                ("Minister", 1, "hard choices"),
                ("Envoy", 4, "We will keep working on it"),
            ],
        );
        assert_eq!(dated[2].as_deref(), Some("2021-06-22"), "{dated:?}");
        let mut interrupted = story;
        interrupted[2] = "On Wednesday the envoy flew to the coast.";
        let dated = dated_by_speaker(
            &interrupted,
            &[
                ("Envoy", 0, "a fresh start"),
                ("Envoy", 4, "We will keep working on it"),
            ],
        );
        assert_eq!(dated[1], None, "another day was told in between");
    }

    /// A date earlier in the quote's own paragraph beats the previous paragraph's.
    #[test]
    fn same_paragraph_date_first() {
        let d = dated(
            &[
                "They met on June 20.",
                "Kim arrived on June 21. He said it was “a good start” for talks.",
            ],
            1,
            "a good start",
        )
        .unwrap();
        assert_eq!(
            (d.value.as_deref(), d.basis),
            (Some("2021-06-21"), QuoteDateBasis::Paragraph)
        );
    }

    /// No date in the quote's paragraph or the one before: no date, even if an earlier paragraph has one.
    #[test]
    fn no_date_in_reach() {
        let d = dated(
            &[
                "They met on June 20.",
                "Nothing was agreed.",
                "The minister said it was “a critical moment” for talks.",
            ],
            2,
            "a critical moment",
        );
        assert_eq!(d, None);
    }

    /// A partial expression ("In the afternoon") takes its day from the narrative; the quote is dated to that day.
    #[test]
    fn partial_expression_anchored() {
        let d = dated(
            &[
                "On June 22, Kim met Lee.",
                "In the afternoon, Moon vowed to put ties “on a certain track”, aides said.",
            ],
            1,
            "on a certain track",
        )
        .unwrap();
        assert_eq!(
            (d.value.as_deref(), d.basis),
            (Some("2021-06-22"), QuoteDateBasis::Sentence)
        );
    }

    /// The timeline lists dated sentences in date order, stable, with the sentence as written.
    #[test]
    fn timeline_in_date_order() {
        let (paragraphs, dates) = dates_of(&[
            "Seoul said on June 22 it would act. Talks were held on June 21 in Seoul.",
            "Nothing dated here. It began in 1950.",
        ]);
        let timeline = build(&Body::new(&paragraphs), &dates);
        let got: Vec<_> = timeline
            .iter()
            .map(|t| (t.date.value.as_deref(), t.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (Some("2021-06-21"), "Talks were held on June 21 in Seoul."),
                (Some("2021-06-22"), "Seoul said on June 22 it would act.")
            ]
        );
    }

    /// Week and month values sort by their first day.
    #[test]
    fn sort_keys() {
        assert_eq!(sort_key("2021-W24"), NaiveDate::from_ymd_opt(2021, 6, 14));
        assert_eq!(sort_key("2021-06"), NaiveDate::from_ymd_opt(2021, 6, 1));
        assert_eq!(sort_key("2021-06-22TMO"), NaiveDate::from_ymd_opt(2021, 6, 22));
        assert_eq!(sort_key("P5D"), None);
    }

    /// Quotes with spans past the paragraph's end or no segments do not panic.
    #[test]
    fn odd_quotes_do_not_panic() {
        let (paragraphs, dates) = dates_of(&["On June 22 they met."]);
        let mut quotes = [quote(&paragraphs, 0, "they met"), quote(&paragraphs, 0, "On")];
        quotes[0].segments[0].span = [500, 900];
        quotes[1].segments.clear();
        date_quotes(&mut quotes, &Body::new(&paragraphs), &dates);
    }
}
