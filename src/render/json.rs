//! JSON: one compact object per line (NDJSON), or indented with `--pretty`.
//!
//! A compact brief is written by hand ([`render_brief`]): the brief's shape is fixed, so its keys
//! and punctuation are constant bytes, and only strings and numbers are formatted. The bytes are
//! serde_json's (pinned by the tests below); anything else goes through serde.

use crate::brief::{
    Actor, ActorKind, Brief, Byline, Caption, DateEntry, DateRef, Dateline, Format, Precision, Published,
    PublishedBasis, Quote, QuoteDate, QuoteDateBasis, QuoteKind, Segment, SourceInfo, SourceKind, Speaker,
    SpeakerMethod, TimelineEntry, TimexKind, Where,
};
use serde::Serialize;
use std::io::Write;

/// The usual size of a compact brief (a BBC article's is about 6 KB).
const BRIEF_BYTES: usize = 8 * 1024;

/// A brief, followed by a newline.
pub fn render_brief(brief: &Brief, pretty: bool) -> Vec<u8> {
    if pretty {
        return render(brief, true);
    }
    // The body is printed once and most of the rest quotes it again in part (summary, quotes,
    // timeline): twice its size plus the usual brief keeps nearly every brief in the first buffer.
    let body: usize = brief.body.iter().map(String::len).sum();
    let mut out = Out(Vec::with_capacity(BRIEF_BYTES + 2 * body));
    out.brief(brief);
    out.0.push(b'\n');
    out.0
}

/// Any value, followed by a newline.
pub fn render(value: &impl Serialize, pretty: bool) -> Vec<u8> {
    let mut out = Vec::new();
    write(value, pretty, &mut out).expect("writing into memory cannot fail");
    out
}

/// A brief or a digest into `out`, followed by a newline.
pub fn write(value: &impl Serialize, pretty: bool, out: &mut impl Write) -> std::io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, value)
    } else {
        serde_json::to_writer(&mut *out, value)
    }
    // A brief or a digest holds only strings, numbers and enums: the only error is the writer's.
    .map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}

/// The compact JSON of a brief, part by part, in the field order of the serde derives.
struct Out(Vec<u8>);

impl Out {
    fn raw(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    fn string(&mut self, text: &str) {
        self.0.push(b'"');
        escape_into(&mut self.0, text.as_bytes());
        self.0.push(b'"');
    }

    fn option<T: ?Sized>(&mut self, value: Option<&T>, write: impl FnOnce(&mut Self, &T)) {
        match value {
            Some(value) => write(self, value),
            None => self.raw(b"null"),
        }
    }

    fn opt_string(&mut self, text: Option<&String>) {
        self.option(text.map(String::as_str), Self::string);
    }

    fn list<T>(&mut self, items: &[T], mut write: impl FnMut(&mut Self, &T)) {
        self.0.push(b'[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.0.push(b',');
            }
            write(self, item);
        }
        self.0.push(b']');
    }

    fn strings(&mut self, items: &[String]) {
        self.list(items, |out, s| out.string(s));
    }

    fn number(&mut self, n: u64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        self.raw(&digits[at..]);
    }

    fn span(&mut self, span: &[usize; 2]) {
        self.0.push(b'[');
        self.number(span[0] as u64);
        self.0.push(b',');
        self.number(span[1] as u64);
        self.0.push(b']');
    }

    fn name(&mut self, name: &str) {
        self.0.push(b'"');
        self.raw(name.as_bytes());
        self.0.push(b'"');
    }

    fn brief(&mut self, b: &Brief) {
        self.raw(b"{\"schema\":");
        self.string(&b.schema);
        self.raw(b",\"source\":");
        self.source(&b.source);
        self.raw(b",\"headline\":");
        self.opt_string(b.headline.as_ref());
        self.raw(b",\"byline\":");
        self.option(b.byline.as_ref(), Self::byline);
        self.raw(b",\"published\":");
        self.option(b.published.as_ref(), Self::published);
        self.raw(b",\"dateline\":");
        self.option(b.dateline.as_ref(), Self::dateline);
        self.raw(b",\"captions\":");
        self.list(&b.captions, Self::caption);
        self.raw(b",\"body\":");
        self.strings(&b.body);
        self.raw(b",\"quotes\":");
        self.list(&b.quotes, Self::quote);
        self.raw(b",\"actors\":");
        self.list(&b.actors, Self::actor);
        self.raw(b",\"dates\":");
        self.list(&b.dates, Self::date_entry);
        self.raw(b",\"timeline\":");
        self.list(&b.timeline, Self::timeline_entry);
        self.raw(b",\"summary\":");
        self.strings(&b.summary);
        self.raw(b",\"warnings\":");
        self.strings(&b.warnings);
        self.0.push(b'}');
    }

    fn source(&mut self, s: &SourceInfo) {
        self.raw(b"{\"input\":");
        self.string(&s.input);
        self.raw(b",\"kind\":");
        self.name(source_kind(s.kind));
        self.raw(b",\"format\":");
        self.name(format(s.format));
        self.raw(b",\"url\":");
        self.opt_string(s.url.as_ref());
        self.raw(b",\"bytes\":");
        self.number(s.bytes);
        self.raw(b",\"sha256\":");
        self.string(&s.sha256);
        self.raw(b",\"site\":");
        self.opt_string(s.site.as_ref());
        self.0.push(b'}');
    }

    fn byline(&mut self, b: &Byline) {
        self.raw(b"{\"authors\":");
        self.strings(&b.authors);
        self.raw(b",\"agency\":");
        self.opt_string(b.agency.as_ref());
        self.raw(b",\"text\":");
        self.string(&b.text);
        self.0.push(b'}');
    }

    fn published(&mut self, p: &Published) {
        self.raw(b"{\"value\":");
        self.string(&p.value);
        self.raw(b",\"basis\":");
        self.name(published_basis(p.basis));
        self.0.push(b'}');
    }

    fn dateline(&mut self, d: &Dateline) {
        self.raw(b"{\"place\":");
        self.string(&d.place);
        self.raw(b",\"agency\":");
        self.opt_string(d.agency.as_ref());
        self.raw(b",\"date\":");
        self.option(d.date.as_ref(), Self::date_ref);
        self.raw(b",\"text\":");
        self.string(&d.text);
        self.0.push(b'}');
    }

    fn date_ref(&mut self, d: &DateRef) {
        self.raw(b"{\"value\":");
        self.opt_string(d.value.as_ref());
        self.raw(b",\"text\":");
        self.string(&d.text);
        self.0.push(b'}');
    }

    fn caption(&mut self, c: &Caption) {
        self.raw(b"{\"text\":");
        self.string(&c.text);
        self.raw(b",\"credit\":");
        self.opt_string(c.credit.as_ref());
        self.raw(b",\"actors\":");
        self.strings(&c.actors);
        self.raw(b",\"date\":");
        self.option(c.date.as_ref(), Self::date_ref);
        self.0.push(b'}');
    }

    fn quote(&mut self, q: &Quote) {
        self.raw(b"{\"text\":");
        self.string(&q.text);
        self.raw(b",\"kind\":");
        self.name(quote_kind(q.kind));
        self.raw(b",\"speaker\":");
        self.option(q.speaker.as_ref(), Self::speaker);
        self.raw(b",\"cue\":");
        self.opt_string(q.cue.as_ref());
        self.raw(b",\"date\":");
        self.option(q.date.as_ref(), Self::quote_date);
        self.raw(b",\"segments\":");
        self.list(&q.segments, Self::segment);
        self.0.push(b'}');
    }

    fn speaker(&mut self, s: &Speaker) {
        self.raw(b"{\"name\":");
        self.string(&s.name);
        self.raw(b",\"actor\":");
        self.opt_string(s.actor.as_ref());
        self.raw(b",\"mention\":");
        self.string(&s.mention);
        self.raw(b",\"method\":");
        self.name(speaker_method(s.method));
        self.0.push(b'}');
    }

    fn quote_date(&mut self, d: &QuoteDate) {
        self.raw(b"{\"value\":");
        self.opt_string(d.value.as_ref());
        self.raw(b",\"text\":");
        self.string(&d.text);
        self.raw(b",\"precision\":");
        self.name(precision(d.precision));
        self.raw(b",\"basis\":");
        self.name(quote_date_basis(d.basis));
        self.0.push(b'}');
    }

    fn segment(&mut self, s: &Segment) {
        self.raw(b"{\"paragraph\":");
        self.number(s.paragraph as u64);
        self.raw(b",\"span\":");
        self.span(&s.span);
        self.0.push(b'}');
    }

    fn actor(&mut self, a: &Actor) {
        self.raw(b"{\"id\":");
        self.string(&a.id);
        self.raw(b",\"name\":");
        self.string(&a.name);
        self.raw(b",\"kind\":");
        self.name(actor_kind(a.kind));
        self.raw(b",\"aliases\":");
        self.strings(&a.aliases);
        self.raw(b",\"roles\":");
        self.strings(&a.roles);
        self.raw(b",\"affiliation\":");
        self.opt_string(a.affiliation.as_ref());
        self.raw(b",\"mentions\":");
        self.number(a.mentions as u64);
        self.raw(b",\"quotes\":");
        self.number(a.quotes as u64);
        self.0.push(b'}');
    }

    fn date_entry(&mut self, d: &DateEntry) {
        self.raw(b"{\"text\":");
        self.string(&d.text);
        self.raw(b",\"value\":");
        self.opt_string(d.value.as_ref());
        self.raw(b",\"precision\":");
        self.name(precision(d.precision));
        self.raw(b",\"kind\":");
        self.name(timex_kind(d.kind));
        self.raw(b",\"where\":");
        self.name(location(d.location));
        self.raw(b",\"paragraph\":");
        self.option(d.paragraph.as_ref(), |out, &p| out.number(p as u64));
        self.raw(b",\"span\":");
        self.option(d.span.as_ref(), Self::span);
        self.0.push(b'}');
    }

    fn timeline_entry(&mut self, t: &TimelineEntry) {
        self.raw(b"{\"date\":");
        self.date_ref(&t.date);
        self.raw(b",\"text\":");
        self.string(&t.text);
        self.0.push(b'}');
    }
}

// The enums' names as `#[serde(rename_all = "snake_case")]` spells them (pinned by a test).

fn source_kind(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::File => "file",
        SourceKind::Stdin => "stdin",
        SourceKind::Url => "url",
    }
}

fn format(format: Format) -> &'static str {
    match format {
        Format::Text => "text",
        Format::Html => "html",
    }
}

fn published_basis(basis: PublishedBasis) -> &'static str {
    match basis {
        PublishedBasis::Flag => "flag",
        PublishedBasis::Metadata => "metadata",
        PublishedBasis::Dateline => "dateline",
        PublishedBasis::Text => "text",
    }
}

fn quote_kind(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Full => "full",
        QuoteKind::Partial => "partial",
    }
}

fn speaker_method(method: SpeakerMethod) -> &'static str {
    match method {
        SpeakerMethod::Explicit => "explicit",
        SpeakerMethod::Pronoun => "pronoun",
        SpeakerMethod::Description => "description",
        SpeakerMethod::Context => "context",
        SpeakerMethod::AccordingTo => "according_to",
    }
}

fn quote_date_basis(basis: QuoteDateBasis) -> &'static str {
    match basis {
        QuoteDateBasis::Sentence => "sentence",
        QuoteDateBasis::Paragraph => "paragraph",
        QuoteDateBasis::Caption => "caption",
        QuoteDateBasis::Dateline => "dateline",
    }
}

fn actor_kind(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "person",
        ActorKind::Organization => "organization",
        ActorKind::State => "state",
        ActorKind::Place => "place",
    }
}

fn precision(precision: Precision) -> &'static str {
    match precision {
        Precision::Time => "time",
        Precision::Day => "day",
        Precision::Week => "week",
        Precision::Month => "month",
        Precision::Season => "season",
        Precision::Quarter => "quarter",
        Precision::Year => "year",
        Precision::Decade => "decade",
        Precision::Range => "range",
        Precision::Duration => "duration",
        Precision::Set => "set",
        Precision::Unknown => "unknown",
    }
}

fn timex_kind(kind: TimexKind) -> &'static str {
    match kind {
        TimexKind::Date => "date",
        TimexKind::Time => "time",
        TimexKind::Duration => "duration",
        TimexKind::Set => "set",
    }
}

fn location(location: Where) -> &'static str {
    match location {
        Where::Headline => "headline",
        Where::Dateline => "dateline",
        Where::Caption => "caption",
        Where::Body => "body",
    }
}

/// `0x01` repeated, to repeat a byte across a word.
const ONES: u64 = 0x0101_0101_0101_0101;
/// Each byte's top bit.
const HIGH_BITS: u64 = 0x80 * ONES;

/// `text` escaped as serde_json escapes a string's contents: `"` and `\` with a backslash, the
/// control characters below 0x20 as `\b \t \n \f \r` or `\u00xx`; every other byte as it is.
fn escape_into(out: &mut Vec<u8>, text: &[u8]) {
    let mut copied = 0;
    let mut at = 0;
    while at < text.len() {
        let escapes = escape_bits(load8(text, at));
        if escapes == 0 {
            at += 8;
            continue;
        }
        // The lowest flag is exact (see `escape_bits`); the search restarts after it.
        let found = at + (escapes.trailing_zeros() / 8) as usize;
        out.extend_from_slice(&text[copied..found]);
        push_escape(out, text[found]);
        at = found + 1;
        copied = at;
    }
    out.extend_from_slice(&text[copied..]);
}

/// Eight bytes of `text` from `at`, padded past the end with spaces (which need no escape).
#[inline]
fn load8(text: &[u8], at: usize) -> u64 {
    match text.get(at..at + 8) {
        Some(chunk) => u64::from_le_bytes(chunk.try_into().expect("eight bytes")),
        None => {
            let mut buffer = [b' '; 8];
            let rest = &text[at..];
            buffer[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(buffer)
        }
    }
}

/// A top bit set in the byte of each of the eight bytes of `x` that needs an escape, eight at a
/// time. Only the lowest flag is exact: a borrow out of a flagged byte can flag the one above it.
#[inline]
fn escape_bits(x: u64) -> u64 {
    let zero_bytes = |v: u64| v.wrapping_sub(ONES) & !v & HIGH_BITS;
    let control = x.wrapping_sub(0x20 * ONES) & !x & HIGH_BITS;
    control | zero_bytes(x ^ (u64::from(b'"') * ONES)) | zero_bytes(x ^ (u64::from(b'\\') * ONES))
}

fn push_escape(out: &mut Vec<u8>, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match byte {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        0x08 => out.extend_from_slice(b"\\b"),
        0x09 => out.extend_from_slice(b"\\t"),
        0x0A => out.extend_from_slice(b"\\n"),
        0x0C => out.extend_from_slice(b"\\f"),
        0x0D => out.extend_from_slice(b"\\r"),
        _ => out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(byte >> 4)],
            HEX[usize::from(byte & 0xF)],
        ]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_line(value: &impl Serialize) -> String {
        let mut expected = serde_json::to_vec(value).unwrap();
        expected.push(b'\n');
        String::from_utf8(expected).unwrap()
    }

    /// Strings are escaped exactly as serde_json escapes them: every byte value, at every offset
    /// of the eight-byte blocks, and non-ASCII text.
    #[test]
    fn strings_escape_as_serde_json() {
        let mut texts: Vec<String> = (0u8..0x80)
            .map(|b| format!("ab{}cdefghijklmnop{}", b as char, b as char))
            .collect();
        texts.extend((0..20).map(|n| format!("{}\"{}\\\n", "x".repeat(n), "é".repeat(n))));
        texts.push("tab\t nl\n cr\r \u{1f} \u{7f} \"q\" \\ / \u{2028} 서울 “curly” é".to_string());
        texts.push(String::new());
        for text in texts {
            let mut out = Out(Vec::new());
            out.string(&text);
            assert_eq!(String::from_utf8(out.0).unwrap(), serde_json::to_string(&text).unwrap());
        }
    }

    /// The hand-written brief is serde_json's, byte for byte, on the fixtures' briefs.
    #[test]
    fn briefs_render_as_serde_json() {
        for name in ["seed-phnompenhpost", "wikinews-asylum", "wikinews-korea"] {
            let path = format!("{}/fixtures/expected/{name}.json", env!("CARGO_MANIFEST_DIR"));
            let brief: Brief = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            assert_eq!(
                String::from_utf8(render_brief(&brief, false)).unwrap(),
                serde_line(&brief)
            );
        }
    }

    /// The enums' names are serde's.
    #[test]
    fn enum_names_are_serdes() {
        fn check<T: Serialize>(values: &[T], name: fn(&T) -> &'static str) {
            for value in values {
                assert_eq!(serde_json::to_string(value).unwrap(), format!("\"{}\"", name(value)));
            }
        }
        check(&[SourceKind::File, SourceKind::Stdin, SourceKind::Url], |&v| {
            source_kind(v)
        });
        check(&[Format::Text, Format::Html], |&v| format(v));
        let bases = [
            PublishedBasis::Flag,
            PublishedBasis::Metadata,
            PublishedBasis::Dateline,
            PublishedBasis::Text,
        ];
        check(&bases, |&v| published_basis(v));
        check(&[QuoteKind::Full, QuoteKind::Partial], |&v| quote_kind(v));
        let methods = [
            SpeakerMethod::Explicit,
            SpeakerMethod::Pronoun,
            SpeakerMethod::Description,
            SpeakerMethod::Context,
            SpeakerMethod::AccordingTo,
        ];
        check(&methods, |&v| speaker_method(v));
        let bases = [
            QuoteDateBasis::Sentence,
            QuoteDateBasis::Paragraph,
            QuoteDateBasis::Caption,
            QuoteDateBasis::Dateline,
        ];
        check(&bases, |&v| quote_date_basis(v));
        let kinds = [
            ActorKind::Person,
            ActorKind::Organization,
            ActorKind::State,
            ActorKind::Place,
        ];
        check(&kinds, |&v| actor_kind(v));
        let precisions = [
            Precision::Time,
            Precision::Day,
            Precision::Week,
            Precision::Month,
            Precision::Season,
            Precision::Quarter,
            Precision::Year,
            Precision::Decade,
            Precision::Range,
            Precision::Duration,
            Precision::Set,
            Precision::Unknown,
        ];
        check(&precisions, |&v| precision(v));
        check(
            &[TimexKind::Date, TimexKind::Time, TimexKind::Duration, TimexKind::Set],
            |&v| timex_kind(v),
        );
        check(&[Where::Headline, Where::Dateline, Where::Caption, Where::Body], |&v| {
            location(v)
        });
    }

    /// Numbers print as serde_json prints them.
    #[test]
    fn numbers() {
        for n in [0u64, 7, 10, 99, 100, 12_345, u64::MAX] {
            let mut out = Out(Vec::new());
            out.number(n);
            assert_eq!(String::from_utf8(out.0).unwrap(), n.to_string());
        }
    }
}
