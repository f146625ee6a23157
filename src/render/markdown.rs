//! Markdown: a brief a person reads in a minute. Article text is untrusted:
//! Markdown specials are escaped and control, bidi-override and zero-width
//! characters removed.

use crate::brief::{Actor, ActorKind, Brief, Quote, QuoteDate};
use std::fmt::Write;

pub fn render(brief: &Brief) -> String {
    let mut out = String::new();
    let headline = brief.headline.as_deref().unwrap_or("(no headline)");
    let _ = writeln!(out, "# {}\n", escape(headline));
    let source_line = source_line(brief);
    if !source_line.is_empty() {
        let _ = writeln!(out, "*{source_line}*\n");
    }
    section(
        &mut out,
        "Summary",
        brief.summary.iter().map(|s| format!("- {}", escape(s))),
    );
    out.push_str("## Who said what\n\n");
    if brief.quotes.is_empty() {
        out.push_str("No quotations found.\n\n");
    } else {
        out.push_str("| Date | Speaker | Quote |\n|---|---|---|\n");
        for quote in &brief.quotes {
            let _ = writeln!(
                out,
                "| {} | {} | “{}” |",
                quote_date(quote),
                speaker(quote, &brief.actors),
                escape(&quote.text)
            );
        }
        out.push('\n');
    }
    section(&mut out, "Actors", brief.actors.iter().map(actor_line));
    section(
        &mut out,
        "Timeline",
        brief.timeline.iter().map(|t| {
            let when = t.date.value.as_deref().unwrap_or(&t.date.text);
            format!("- **{}**: {}", escape(when), escape(&t.text))
        }),
    );
    out
}

fn source_line(brief: &Brief) -> String {
    let mut parts = Vec::new();
    if let Some(site) = &brief.source.site {
        parts.push(escape(site));
    }
    if let Some(byline) = &brief.byline {
        parts.push(escape(&byline.text));
    }
    if let Some(published) = &brief.published {
        parts.push(escape(&published.value));
    }
    parts.push(escape(&brief.source.input));
    parts.join(" · ")
}

pub(super) fn section(out: &mut String, title: &str, lines: impl Iterator<Item = String>) {
    let _ = writeln!(out, "## {title}\n");
    let mut any = false;
    for line in lines {
        any = true;
        let _ = writeln!(out, "{line}");
    }
    if !any {
        out.push_str("None found.\n");
    }
    out.push('\n');
}

fn quote_date(quote: &Quote) -> String {
    date_cell(quote.date.as_ref())
}

/// A quote's date value (or its words when the value is unknown), "–" when it has none.
pub(super) fn date_cell(date: Option<&QuoteDate>) -> String {
    date.map(|d| escape(d.value.as_deref().unwrap_or(&d.text)))
        .unwrap_or_else(|| "–".to_string())
}

fn speaker(quote: &Quote, actors: &[Actor]) -> String {
    let Some(speaker) = &quote.speaker else {
        return "unknown".to_string();
    };
    let role = speaker
        .actor
        .as_ref()
        .and_then(|id| actors.iter().find(|a| &a.id == id))
        .and_then(|a| a.roles.first());
    match role {
        Some(role) => format!("{} ({})", escape(&speaker.name), escape(role)),
        None => escape(&speaker.name),
    }
}

fn actor_line(actor: &Actor) -> String {
    let mut line = actor_head(&actor.name, actor.kind, &actor.roles, actor.affiliation.as_deref());
    match actor.quotes {
        0 => {}
        1 => line.push_str(" (1 quote)"),
        n => {
            let _ = write!(line, " ({n} quotes)");
        }
    }
    line
}

/// "- **Sung Kim** (person): US special representative; United States"
pub(super) fn actor_head(name: &str, kind: ActorKind, roles: &[String], affiliation: Option<&str>) -> String {
    let mut line = format!("- **{}** ({})", escape(name), kind_name(kind));
    let mut details: Vec<String> = roles.iter().map(|r| escape(r)).collect();
    if let Some(affiliation) = affiliation {
        details.push(escape(affiliation));
    }
    if !details.is_empty() {
        let _ = write!(line, ": {}", details.join("; "));
    }
    line
}

fn kind_name(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "person",
        ActorKind::Organization => "organization",
        ActorKind::State => "state",
        ActorKind::Place => "place",
    }
}

/// Escapes Markdown specials and drops characters that could disguise text on a terminal.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        match c {
            '|' | '*' | '_' | '`' | '[' | ']' | '\\' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            '#' if i == 0 => out.push_str("\\#"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() || is_invisible(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Bidi overrides and zero-width characters.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Specials are escaped; controls and bidi overrides vanish.
    #[test]
    fn escapes() {
        assert_eq!(escape("#1 a|b *c* [d]"), "\\#1 a\\|b \\*c\\* \\[d\\]");
        assert_eq!(escape("x\u{202E}y\u{1b}z"), "xyz");
    }
}
