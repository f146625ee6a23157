//! Markdown of a digest: a morning briefing across articles. The sections of a
//! brief's Markdown (articles instead of a summary, who said what, actors,
//! timeline), plus the stories told twice. Articles are numbered from 1 in the
//! "Articles" list and every quote and event names its article by that number.

use super::markdown::{actor_head, date_cell, escape, section};
use crate::digest::{ArticleEntry, Digest, DigestActor, DigestQuote};
use std::fmt::Write;

pub fn render(digest: &Digest) -> String {
    let mut out = String::from("# Morning briefing\n\n");
    let stories = digest.articles.iter().filter(|a| a.duplicate_of.is_none()).count();
    let _ = writeln!(
        out,
        "*{} · {}*\n",
        plural(digest.articles.len(), "article"),
        plural(stories, "story")
    );
    section(
        &mut out,
        "Articles",
        digest.articles.iter().enumerate().map(article_line),
    );
    who_said_what(&mut out, digest);
    section(&mut out, "Actors", digest.actors.iter().map(actor_line));
    section(
        &mut out,
        "Timeline",
        digest.timeline.iter().map(|event| {
            let when = event.date.value.as_deref().unwrap_or(&event.date.text);
            format!(
                "- **{}**: {} (article {})",
                escape(when),
                escape(&event.text),
                event.article + 1
            )
        }),
    );
    section(
        &mut out,
        "Same story",
        digest.duplicates.iter().map(|group| {
            let numbers: Vec<String> = group.articles.iter().map(|a| (a + 1).to_string()).collect();
            let headline = digest.articles[group.articles[0]]
                .headline
                .as_deref()
                .unwrap_or("(no headline)");
            format!("- Articles {}: {}", numbers.join(", "), escape(headline))
        }),
    );
    out
}

/// "1. **Headline** · Site · 2021-06-23 · saved/a.txt", with the story it repeats.
fn article_line((index, article): (usize, &ArticleEntry)) -> String {
    let mut parts = vec![format!(
        "**{}**",
        escape(article.headline.as_deref().unwrap_or("(no headline)"))
    )];
    if let Some(site) = &article.source.site {
        parts.push(escape(site));
    }
    if let Some(published) = &article.published {
        parts.push(escape(&published.value));
    }
    parts.push(escape(&article.source.input));
    let mut line = format!("{}. {}", index + 1, parts.join(" · "));
    if let Some(first) = article.duplicate_of {
        let _ = write!(line, " (same story as {})", first + 1);
    }
    line
}

/// One table per speaker, the most quoted first; quotes nobody is named for come last.
fn who_said_what(out: &mut String, digest: &Digest) {
    out.push_str("## Who said what\n\n");
    if digest.quotes.is_empty() {
        out.push_str("No quotations found.\n\n");
        return;
    }
    let mut speakers: Vec<(Option<&str>, Vec<&DigestQuote>)> = Vec::new();
    for quote in &digest.quotes {
        let name = quote.speaker.as_ref().map(|s| s.name.as_str());
        match speakers.iter_mut().find(|(speaker, _)| *speaker == name) {
            Some((_, quotes)) => quotes.push(quote),
            None => speakers.push((name, vec![quote])),
        }
    }
    // Stable: speakers with as many quotes keep the order in which they first spoke.
    speakers.sort_by_key(|(name, quotes)| (name.is_none(), std::cmp::Reverse(quotes.len())));
    for (name, quotes) in speakers {
        let _ = writeln!(out, "### {}\n", speaker_heading(name, quotes[0], &digest.actors));
        out.push_str("| Date | Quote | Article |\n|---|---|---|\n");
        for quote in quotes {
            let _ = writeln!(
                out,
                "| {} | “{}” | {} |",
                date_cell(quote.date.as_ref()),
                escape(&quote.text),
                quote.article + 1
            );
        }
        out.push('\n');
    }
}

/// "Sung Kim (US special representative for North Korea)", or "Unattributed".
fn speaker_heading(name: Option<&str>, quote: &DigestQuote, actors: &[DigestActor]) -> String {
    let Some(name) = name else {
        return "Unattributed".to_string();
    };
    let role = quote
        .speaker
        .as_ref()
        .and_then(|s| s.actor.as_ref())
        .and_then(|id| actors.iter().find(|a| &a.id == id))
        .and_then(|a| a.roles.first());
    match role {
        Some(role) => format!("{} ({})", escape(name), escape(role)),
        None => escape(name),
    }
}

/// "- **Sung Kim** (person): envoy; United States · 3 articles, 4 quotes"
fn actor_line(actor: &DigestActor) -> String {
    let mut line = actor_head(&actor.name, actor.kind, &actor.roles, actor.affiliation.as_deref());
    let _ = write!(line, " · {}", plural(actor.articles.len(), "article"));
    if actor.quotes > 0 {
        let _ = write!(line, ", {}", plural(actor.quotes, "quote"));
    }
    line
}

/// "1 article", "3 articles", "2 stories".
fn plural(n: usize, noun: &str) -> String {
    match (n, noun.strip_suffix('y')) {
        (1, _) => format!("1 {noun}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        _ => format!("{n} {noun}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts read as English.
    #[test]
    fn plurals() {
        assert_eq!(plural(1, "story"), "1 story");
        assert_eq!(plural(2, "story"), "2 stories");
        assert_eq!(plural(0, "article"), "0 articles");
    }
}
