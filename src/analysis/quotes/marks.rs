//! Pairing of double quotation marks within one paragraph. Curly marks pair by
//! direction, straight marks by parity; apostrophes and single marks are never
//! top-level quote marks. An unclosed mark runs to the paragraph end.

/// One quoted region of a paragraph, in byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// The opening mark.
    pub open: usize,
    /// First byte after the opening mark.
    pub inner_start: usize,
    /// First byte of the closing mark (the paragraph length when unclosed).
    pub inner_end: usize,
    /// First byte after the closing mark (the paragraph length when unclosed).
    pub end: usize,
    pub closed: bool,
}

/// Marks that open a quotation.
pub fn is_open_mark(c: char) -> bool {
    matches!(c, '“' | '„' | '«' | '"')
}

/// The quoted regions of `text`, in order, non-overlapping.
pub fn pair(text: &str) -> Vec<Region> {
    let mut out = Vec::new();
    // (position of the opening mark, the mark)
    let mut open: Option<(usize, char)> = None;
    // Every mark starts with one of three bytes (`"`; 0xE2 for “ ” „; 0xC2 for « »), all of them
    // character starts: only those positions are decoded, the text between is skipped unread.
    for i in memchr::memchr3_iter(b'"', 0xE2, 0xC2, text.as_bytes()) {
        let Some(c) = text[i..].chars().next() else {
            continue;
        };
        let after = i + c.len_utf8();
        let close = |o: usize, m: char, out: &mut Vec<Region>| {
            out.push(Region {
                open: o,
                inner_start: o + m.len_utf8(),
                inner_end: i,
                end: after,
                closed: true,
            });
        };
        match c {
            '“' => match open {
                Some((o, '„')) => {
                    close(o, '„', &mut out);
                    open = None;
                }
                // A typo for the closing mark: `called “Cape Breton Wins“ that …` (a word
                // before it, a space after it) closes the open quotation.
                Some((o, '“')) if closes_like_typo(text, i, after) => {
                    close(o, '“', &mut out);
                    open = None;
                }
                // A second opening mark: the first one was never closed; start over here.
                _ => open = Some((i, c)),
            },
            '„' | '«' => open = Some((i, c)),
            '”' | '»' => {
                if let Some((o, m)) = open.take() {
                    close(o, m, &mut out);
                }
            }
            '"' => {
                // Direction from the neighbours: `␣"Word` opens, `word"␣` closes; otherwise parity.
                let prev = text[..i].chars().next_back();
                let next = text[after..].chars().next();
                let space_before = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–'));
                let space_after = next
                    .is_none_or(|n| n.is_whitespace() || matches!(n, ',' | '.' | ';' | ':' | '?' | '!' | ')' | ']'));
                let opener = space_before && !space_after;
                let closer = space_after && !space_before;
                match open {
                    Some((o, m)) if !opener => {
                        close(o, m, &mut out);
                        open = None;
                    }
                    // An opener while open: the earlier mark was never closed; start over here.
                    Some(_) => open = Some((i, c)),
                    // A stray closer with nothing open is not a quotation.
                    None if closer => {}
                    None => open = Some((i, c)),
                }
            }
            _ => {}
        }
    }
    if let Some((o, m)) = open {
        out.push(Region {
            open: o,
            inner_start: o + m.len_utf8(),
            inner_end: text.len(),
            end: text.len(),
            closed: false,
        });
    }
    out
}

/// An opening curly mark glued to the word before it and followed by a space.
fn closes_like_typo(text: &str, i: usize, after: usize) -> bool {
    let prev = text[..i].chars().next_back();
    let next = text[after..].chars().next();
    prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, '.' | ',' | '!' | '?'))
        && next.is_some_and(char::is_whitespace)
}

/// Whether the paragraph opens with a quotation mark (after leading whitespace).
pub fn opens_with_mark(text: &str) -> bool {
    text.trim_start().chars().next().is_some_and(is_open_mark)
}

/// The `[start, end)` byte range of the quoted words: whitespace trimmed at both
/// ends and trailing `, . ; : ? !` stripped. `None` when nothing is left.
pub fn content(text: &str, region: &Region) -> Option<(usize, usize)> {
    let inner = &text[region.inner_start..region.inner_end];
    let lead = inner.len() - inner.trim_start().len();
    let mut end = inner.len();
    loop {
        let trimmed = inner[..end]
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '?' | '!'));
        if trimmed.len() == end {
            break;
        }
        end = trimmed.len();
    }
    (end > lead).then_some((region.inner_start + lead, region.inner_start + end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        pair(text)
            .iter()
            .filter_map(|r| content(text, r))
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    // Curly marks pair by direction and apostrophes are ignored.
    #[test]
    fn curly_pairs_and_apostrophes() {
        assert_eq!(
            texts("Clinton’s aide said “we’re fine,” and “done.”"),
            ["we’re fine", "done"]
        );
    }

    // Straight marks pair by parity.
    #[test]
    fn straight_parity() {
        assert_eq!(texts(r#""A," he said. "B.""#), ["A", "B"]);
    }

    // Guillemets and low-high German marks are quotation marks too.
    #[test]
    fn guillemets_and_low_marks() {
        assert_eq!(texts("Er sagte „ja“ und «non»."), ["ja", "non"]);
    }

    // An unclosed mark runs to the paragraph end.
    #[test]
    fn unclosed_runs_to_end() {
        let r = pair("He said: “We will go on.");
        assert_eq!(r.len(), 1);
        assert!(!r[0].closed);
        assert_eq!(texts("He said: “We will go on."), ["We will go on"]);
    }

    // An opening mark typed where the closing one belongs still closes the quotation.
    #[test]
    fn mistyped_closing_mark() {
        assert_eq!(
            texts("He set up a site called “Leave If He Wins“ that pitches the island."),
            ["Leave If He Wins"]
        );
    }

    // Single curly quotes nested inside a double quote do not end it.
    #[test]
    fn nested_single_quotes() {
        assert_eq!(texts("“He told me ‘no,’ twice,” she said."), ["He told me ‘no,’ twice"]);
    }
}
