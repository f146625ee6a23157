//! One pass over a text's tokens: gazetteer hits, capitalised runs split into
//! organisations, states, places and person-name candidates with their roles,
//! descriptions ("the minister", "the foreign ministry") and pronouns.

use super::gazetteer::{
    Gazetteer, NameKind, Target, WordMap, FUNCTION_WORDS, NON_NAMES, ORG_HEADS, ORG_SUFFIXES, PERSON_VERBS,
};
use super::tokens::{is_cap, is_upper, Kind, Tok};
use super::Gender;

/// Something found in a text, before linking. Names are borrowed from the text or the gazetteer: most items
/// are dropped in linking, and a copy of each cost more than finding it.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    /// Index of the text (headline, captions, body paragraphs in order).
    pub text: usize,
    pub start: usize,
    pub end: usize,
    pub what: What<'a>,
}

#[derive(Debug, Clone)]
pub enum What<'a> {
    Person(PersonCand<'a>),
    State(usize),
    /// "the North": counts only when the article names the state.
    StateDescription(usize),
    Place(&'a str),
    Org {
        name: &'a str,
        known: Option<usize>,
    },
    /// An unknown acronym: an organisation when used twice or defined.
    Acronym(&'a str),
    /// A short form in brackets right after an organisation's name: "(Kepco)".
    OrgAlias {
        name: &'a str,
        alias: &'a str,
    },
    /// "the foreign ministry": description index and the state stated with it.
    OrgDescription {
        desc: usize,
        state: Option<usize>,
    },
    /// "the ministry": the head word.
    OrgHead(&'a str),
    /// "the US envoy": the title and the state it names.
    PersonDescription {
        title: usize,
        state: Option<usize>,
    },
    Pronoun(Gender),
}

#[derive(Debug, Clone)]
pub struct PersonCand<'a> {
    /// Name words as written.
    pub words: Vec<&'a str>,
    /// Family name first ("Kim Jong-un").
    pub family_first: bool,
    /// Evidence beyond capitalisation (title, honorific, name shape, given name, known person).
    pub strong: bool,
    /// Followed by a reporting verb or preceded by "said".
    pub verb: bool,
    pub role: Option<String>,
    pub role_titles: Vec<usize>,
    pub affiliation: Option<usize>,
    pub gender: Option<Gender>,
    /// Only a link to a person the article names elsewhere (a single word of a capitalised headline).
    pub link_only: bool,
}

/// Per-text scanning state.
pub struct Scanner<'a> {
    pub gaz: &'a Gazetteer,
    pub text: &'a str,
    pub toks: &'a [Tok<'a>],
    pub index: usize,
    /// Only gazetteer hits and strong names: a title-case or all-capitals headline.
    pub restricted: bool,
    /// The article's capitalised words, each marked when the article also writes it in lower case (a common word).
    pub lower_words: &'a WordMap<&'a str, bool>,
    pub out: Vec<Item<'a>>,
}

const CONNECTORS: &[&str] = &["of", "for", "on", "and", "&", "at"];
const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "al", "el", "bin", "da", "di", "du", "del", "dos", "le", "la",
];

impl<'a> Scanner<'a> {
    fn w(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.text[t.start..t.end]
    }

    /// Whether the article writes capitalised word `low` in lower case too.
    fn lower_word(&self, low: &str) -> bool {
        self.lower_words.get(low) == Some(&true)
    }

    fn low(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &*t.low)
    }

    /// Whether list `list` holds the lower-case word of token `i` (none past the end).
    fn listed(&self, i: usize, list: u8) -> bool {
        match self.toks.get(i) {
            Some(t) => self.gaz.tok_in(t, list),
            None => self.gaz.is_in("", list),
        }
    }

    /// The same for the lists of organisation heads and suffixes, which are looked up without the
    /// word's final full stops ("Corp." is "corp").
    fn listed_undotted(&self, i: usize, list: u8) -> bool {
        self.lists_undotted(i) & list != 0
    }

    /// The lists (bits) holding token `i`'s word without its final full stops (none past the end).
    fn lists_undotted(&self, i: usize) -> u8 {
        match self.toks.get(i) {
            Some(t) => self.gaz.lists_undotted(t),
            None => self.gaz.lists_of(""),
        }
    }

    fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| is_cap(self.text, t))
    }

    fn push(&mut self, start: usize, end: usize, what: What<'a>) {
        // A name next to a slash is a photo credit: "Anthony Wallace / AFP - Getty Images".
        let slash = |k: usize| self.toks.get(k).is_some_and(|t| t.low == "/");
        if matches!(what, What::Person(_) | What::Org { .. } | What::Acronym(_))
            && (slash(end) || start > 0 && slash(start - 1))
        {
            return;
        }
        let (s, e) = (self.toks[start].start, self.toks[end - 1].end);
        self.out.push(Item {
            text: self.index,
            start: s,
            end: e,
            what,
        });
    }

    /// Scans the whole text.
    pub fn run(&mut self) {
        let mut i = 0;
        while i < self.toks.len() {
            if self.toks[i].kind != Kind::Word {
                i += 1;
                continue;
            }
            // "Image: Twitter / Barack Obama.": a photo credit ends the text's actors.
            // The cheap tests first: most words are not capitalised.
            if self.cap(i)
                && self.low(i + 1) == ":"
                && matches!(
                    self.low(i),
                    "image" | "images" | "photo" | "photos" | "photograph" | "picture" | "credit"
                )
            {
                break;
            }
            i = self.step(i);
        }
    }

    fn step(&mut self, i: usize) -> usize {
        let low = self.low(i);
        // Pronouns start with "h" or "s": most words are answered by their first byte.
        if !self.restricted && matches!(low.as_bytes().first(), Some(b'h' | b's')) {
            match low {
                "he" | "him" | "his" | "himself" => self.push(i, i + 1, What::Pronoun(Gender::Male)),
                "she" | "her" | "hers" | "herself" => self.push(i, i + 1, What::Pronoun(Gender::Female)),
                _ => {}
            }
        }
        // Phrases that may start lower case: "the North", "the Blue House", "foreign ministry".
        if let Some((target, end)) = self.gaz.longest(self.text, self.toks, i, |t| {
            matches!(
                t,
                Target::StateDescription(_) | Target::Org(_) | Target::OrgDescription(_) | Target::State(_)
            )
        }) {
            if !self.cap(i) || low == "the" {
                if let Some(next) = self.emit_hit(i, target, end) {
                    return next;
                }
            }
        }
        if low == "the" {
            if let Some(end) = self.description(i) {
                return end;
            }
        }
        if self.cap(i) || is_upper(self.text, &self.toks[i]) {
            return self.cap_run(i);
        }
        i + 1
    }

    /// The state stated right before token `i`: "the South’s", "South Korean", "US".
    fn state_before(&self, i: usize) -> Option<usize> {
        let mut end = i;
        if end > 0 && self.toks[end - 1].kind == Kind::Poss {
            end -= 1;
        }
        for len in 1..=4 {
            if end < len {
                break;
            }
            if let Some((t, e)) = self.gaz.longest(self.text, self.toks, end - len, |_| true) {
                if e == end {
                    return match t {
                        Target::State(s) | Target::Adjective(s) | Target::StateDescription(s) | Target::Capital(s) => {
                            Some(s)
                        }
                        _ => None,
                    };
                }
            }
        }
        None
    }

    /// Emits a gazetteer hit at `[i, end)`; returns where to continue, or `None` to decline.
    fn emit_hit(&mut self, i: usize, target: Target, end: usize) -> Option<usize> {
        match target {
            Target::StateDescription(s) => self.push(i, end, What::StateDescription(s)),
            Target::State(s) => self.push(i, end, What::State(s)),
            Target::Org(o) => {
                let start = if self.low(i) == "the" { i + 1 } else { i };
                let name = self.gaz.orgs[o].name.as_str();
                self.push(start, end, What::Org { name, known: Some(o) });
            }
            Target::OrgDescription(d) => {
                // Only as a definite description, or after a state ("the South's foreign ministry").
                let state = self.state_before(i);
                let definite = i > 0 && matches!(self.low(i - 1), "the" | "its" | "their");
                if state.is_none() && !definite {
                    return None;
                }
                self.push(i, end, What::OrgDescription { desc: d, state });
            }
            _ => return None,
        }
        Some(end)
    }

    /// "the [state] [modifiers] title" not followed by a name: a description of a person, or "the ministry".
    fn description(&mut self, i: usize) -> Option<usize> {
        let mut k = i + 1;
        let mut state = None;
        let mut mods = 0;
        while k < self.toks.len() && mods <= 4 {
            let t = &self.toks[k];
            if t.kind != Kind::Word {
                return None;
            }
            if let Some((Target::Title(ti), e)) = self
                .gaz
                .longest(self.text, self.toks, k, |t| matches!(t, Target::Title(_)))
            {
                if self.gaz.titles[ti].classes.iter().any(|c| c.starts_with("honorific")) {
                    return None;
                }
                // A name right after makes it a role, handled with the name.
                if self.cap(e) && !self.toks[e].opens {
                    return None;
                }
                if e < self.toks.len() && matches!(self.low(e), "of" | "for") {
                    return None;
                }
                self.push(i, e, What::PersonDescription { title: ti, state });
                return Some(e);
            }
            if self.listed_undotted(k, ORG_HEADS) && !self.cap(k) && mods == 0 && state.is_none() {
                if self
                    .toks
                    .get(k + 1)
                    .is_some_and(|n| n.kind == Kind::Word && (self.cap(k + 1) || n.low == "of"))
                {
                    return None;
                }
                let head: &'a str = &self.toks[k].low;
                self.push(i, k + 1, What::OrgHead(head));
                return Some(k + 1);
            }
            if let Some((target, e)) = self.gaz.longest(self.text, self.toks, k, |t| {
                matches!(t, Target::State(_) | Target::Adjective(_))
            }) {
                if state.is_none() {
                    state = match target {
                        Target::State(s) | Target::Adjective(s) => Some(s),
                        _ => None,
                    };
                    k = e;
                    continue;
                }
                return None;
            }
            if is_cap(self.text, t) || self.listed(k, FUNCTION_WORDS) {
                return None;
            }
            mods += 1;
            k += 1;
        }
        None
    }

    /// End of the capitalised run starting at `i` (capitalised words and name particles).
    fn run_end(&self, i: usize) -> usize {
        let mut j = i;
        while j < self.toks.len() {
            let t = &self.toks[j];
            if t.kind == Kind::Word
                && (is_cap(self.text, t)
                    || is_upper(self.text, t)
                    || t.low.chars().next().is_some_and(|c| c.is_ascii_digit()) && j > i)
            {
                if j > i && t.opens {
                    break;
                }
                j += 1;
                continue;
            }
            if j > i && t.kind == Kind::Word && self.cap(j + 1) && is_particle(&t.low) {
                j += 1;
                continue;
            }
            // "Heavy Industries Co. Ltd": the full stop of a company suffix.
            if j > i
                && t.kind == Kind::Punct
                && t.low == "."
                && self.listed(j - 1, ORG_SUFFIXES)
                && j + 1 < self.toks.len()
                && self.listed(j + 1, ORG_SUFFIXES)
            {
                j += 1;
                continue;
            }
            break;
        }
        j.max(i + 1)
    }

    /// An organisation named by a capitalised run with a head word, extended through "of", "for", "and" …:
    /// its first and end token.
    fn org_span(&self, i: usize, j: usize) -> Option<(usize, usize)> {
        let has_head = |a: usize, b: usize| {
            (a..b).rev().find(|&k| {
                let lists = self.lists_undotted(k);
                lists & ORG_HEADS != 0 && !is_upper(self.text, &self.toks[k]) || lists & ORG_SUFFIXES != 0
            })
        };
        let mut start = i;
        while start < j
            && (self.listed(start, FUNCTION_WORDS) || self.listed(start, NON_NAMES) && self.toks[start].opens)
        {
            start += 1;
        }
        if start >= j {
            return None;
        }
        let mut end = match has_head(start, j) {
            Some(h) => h + 1,
            None => start,
        };
        // Extend: "Ministry of Unification", "Finance and Economy Ministry", "Council on American-Islamic Relations".
        let mut k = j;
        for _ in 0..3 {
            if k >= self.toks.len() || !CONNECTORS.contains(&self.low(k)) {
                break;
            }
            let mut n = k + 1;
            if self.low(n) == "the" {
                n += 1;
            }
            if !self.cap(n) || self.toks[n].opens {
                break;
            }
            let m = self.run_end(n);
            // Not into a date or a number: "Kennedy Space Center on April 12".
            if self.listed(n, NON_NAMES) || (n..m).any(|x| self.low(x).chars().any(|c| c.is_ascii_digit())) {
                break;
            }
            let conn = self.low(k);
            // A company name ends with its suffix: "Co Ltd of Seoul" names a place after it.
            if conn != "and" && conn != "&" && self.listed_undotted(k - 1, ORG_SUFFIXES) {
                break;
            }
            let ext_head = has_head(n, m);
            let ok = match conn {
                "and" | "&" => ext_head.is_some() && end == start,
                _ => end == k,
            };
            if !ok {
                break;
            }
            end = match ext_head {
                Some(h) if conn == "and" || conn == "&" => h + 1,
                _ => m,
            };
            k = m;
        }
        // Not a title after the name: "Museum of Flight CEO".
        while end > start + 1 && self.gaz.title(self.low(end - 1)).is_some() {
            end -= 1;
        }
        if end <= start || end - start < 2 {
            return None;
        }
        Some((start, end))
    }

    fn cap_run(&mut self, i: usize) -> usize {
        // A capitalised function word ("The", "But") starts nothing: the run begins after it.
        if self.listed(i, FUNCTION_WORDS) && !is_upper(self.text, &self.toks[i]) {
            return i + 1;
        }
        let j = self.run_end(i);
        if !self.restricted && j == i + 1 && self.acronym(i) {
            let name = self.w(i);
            self.push(i, i + 1, What::Acronym(name));
            return j;
        }
        if !self.restricted {
            if let Some((s, e)) = self.org_span(i, j) {
                // A known organisation covering more wins.
                let known = self
                    .gaz
                    .longest(self.text, self.toks, s, |t| matches!(t, Target::Org(_)));
                let (e, name, known) = match known {
                    Some((Target::Org(o), ke))
                        if ke >= e || (ke..e).all(|x| self.low(x) == "." || self.listed_undotted(x, ORG_SUFFIXES)) =>
                    {
                        (ke.max(e), self.gaz.orgs[o].name.as_str(), Some(o))
                    }
                    _ => (e, &self.text[self.toks[s].start..self.toks[e - 1].end], None),
                };
                let e = e.max(s + 1);
                self.push(s, e, What::Org { name, known });
                // "(Kepco)" right after: a short form.
                if self.low(e) == "("
                    && self.toks.get(e + 2).is_some_and(|t| self.text[t.start..t.end] == *")")
                    && self.cap(e + 1)
                {
                    let alias = self.w(e + 1);
                    self.push(e + 1, e + 2, What::OrgAlias { name, alias });
                    return e + 3;
                }
                return e;
            }
        }
        self.pieces(i, j)
    }

    /// An unknown acronym ("DAB", "FTU"): an organisation when the article uses it more than once.
    fn acronym(&self, i: usize) -> bool {
        let w = self.w(i);
        let letters = w.chars().filter(|c| c.is_ascii_uppercase()).count();
        is_upper(self.text, &self.toks[i])
            && (2..=6).contains(&w.chars().count())
            && letters >= 2
            && w.chars().all(|c| c.is_ascii_uppercase())
            && !self.listed(i, NON_NAMES)
            && self.gaz.title(self.low(i)).is_none()
            && self.gaz.longest(self.text, self.toks, i, |_| true).is_none()
    }

    /// Splits a capitalised run into gazetteer hits, titles and name words.
    fn pieces(&mut self, i: usize, j: usize) -> usize {
        let mut k = i;
        let mut role_start: Option<usize> = None;
        let mut titles: Vec<usize> = Vec::new();
        let mut honorific: Option<Option<Gender>> = None;
        let mut affiliation: Option<usize> = None;
        while k < j {
            if let Some((target, e)) = self.gaz.longest(self.text, self.toks, k, |_| true) {
                match target {
                    Target::Title(t) => {
                        let classes = &self.gaz.titles[t].classes;
                        if let Some(h) = classes.iter().find(|c| c.starts_with("honorific")) {
                            honorific = Some(match h.as_str() {
                                "honorific-m" => Some(Gender::Male),
                                "honorific-f" => Some(Gender::Female),
                                _ => None,
                            });
                        } else {
                            role_start.get_or_insert(k);
                            titles.push(t);
                        }
                        k = e;
                        continue;
                    }
                    Target::Person(_) => {}
                    Target::Adjective(s) => {
                        affiliation = Some(s);
                        k = e;
                        continue;
                    }
                    _ => {
                        let prev_in = |x: usize| {
                            x > 0
                                && matches!(
                                    self.low(x - 1),
                                    "in" | "at"
                                        | "to"
                                        | "from"
                                        | "near"
                                        | "around"
                                        | "outside"
                                        | "across"
                                        | "into"
                                        | "via"
                                        | "inside"
                                )
                        };
                        match target {
                            Target::State(s) => {
                                self.push(k, e, What::State(s));
                                affiliation = Some(s);
                            }
                            Target::StateDescription(s) => self.push(k, e, What::StateDescription(s)),
                            Target::Capital(s) => {
                                if prev_in(k) {
                                    let name = &self.text[self.toks[k].start..self.toks[e - 1].end];
                                    self.push(k, e, What::Place(name));
                                } else {
                                    self.push(k, e, What::State(s));
                                }
                            }
                            Target::Place(p) => {
                                let name = self.gaz.places[p].as_str();
                                self.push(k, e, What::Place(name));
                            }
                            Target::Org(o) => {
                                let name = self.gaz.orgs[o].name.as_str();
                                let s = if self.low(k) == "the" { k + 1 } else { k };
                                self.push(s, e, What::Org { name, known: Some(o) });
                            }
                            Target::OrgDescription(_) | Target::Title(_) | Target::Adjective(_) | Target::Person(_) => {
                            }
                        }
                        k = e;
                        if e >= j {
                            return e;
                        }
                        continue;
                    }
                }
            }
            // Name words up to the next gazetteer hit or title.
            let mut n = k;
            while n < j {
                if n > k {
                    if let Some((t, e)) = self.gaz.longest(self.text, self.toks, n, |_| true) {
                        // A city used as a family name after a given name: "Valeska Paris".
                        let surname_city = n == k + 1
                            && e == n + 1
                            && matches!(t, Target::Capital(_) | Target::Place(_))
                            && self.gaz.given.contains(self.w(k))
                            && !self.listed(k, NON_NAMES);
                        if !(matches!(t, Target::Person(_))
                            || surname_city
                            || matches!(t, Target::Title(_)) && is_particle(self.low(n)))
                        {
                            break;
                        }
                    }
                }
                n += 1;
            }
            // Capitalised words right before a title are part of the role ("Home Secretary").
            if n < j
                && matches!(self.gaz.longest(self.text, self.toks, n, |t| matches!(t, Target::Title(_))), Some((Target::Title(t), _)) if !self.gaz.titles[t].classes[0].starts_with("honorific"))
            {
                role_start.get_or_insert(k);
                k = n;
                continue;
            }
            let end = self.name(k, n, role_start, &titles, honorific, affiliation);
            role_start = None;
            titles.clear();
            honorific = None;
            if end > n {
                return end;
            }
            k = n;
        }
        j
    }

    /// Classifies name words `[a, b)`; `role_start..a` are title words of the same run.
    fn name(
        &mut self,
        a: usize,
        b: usize,
        role_start: Option<usize>,
        titles: &[usize],
        honorific: Option<Option<Gender>>,
        affiliation: Option<usize>,
    ) -> usize {
        if self.restricted {
            self.headline_names(a, b);
            return b;
        }
        let mut a = a;
        let mut b = b;
        while a < b && (self.listed(a, NON_NAMES) || is_particle(self.low(a))) {
            a += 1;
        }
        while b > a && self.listed(b - 1, NON_NAMES) {
            b -= 1;
        }
        // "Cheerful Volunteers wave …": a word opening the sentence that the article also writes in
        // lower case, or a common adjective, is not part of a name.
        if b - a >= 2
            && self.toks[a].opens
            && (self.lower_word(self.low(a))
                || self.gaz.is_common(self.low(a))
                    && ["ful", "ous", "ive", "ing", "ly", "less", "able"]
                        .iter()
                        .any(|ending| self.low(a).ends_with(ending)))
            && !self.gaz.given.contains(self.w(a))
            && !self.gaz.surnames.contains(self.w(a))
        {
            a += 1;
        }
        if a >= b || b - a > 4 {
            return b;
        }
        // "Secretary of State George Shultz": a word of the role left before a given name.
        if b - a >= 3
            && !self.gaz.given.contains(self.w(a))
            && !self.w(a).ends_with('.')
            && self.gaz.given.contains(self.w(a + 1))
        {
            a += 1;
        }
        // Borrowed from the text, in place (four words at most, above): most runs are dropped before they
        // become a candidate.
        let mut buf = [""; 4];
        for (word, k) in buf.iter_mut().zip(a..b) {
            *word = self.w(k);
        }
        let words = &buf[..b - a];
        // "DVDs", "CEOs": plural acronyms are not names.
        let plural_acronym = |w: &str| w.chars().take(2).all(|c| c.is_uppercase()) && w.ends_with('s') && w.len() > 2;
        if words.iter().any(|w| {
            plural_acronym(w)
                || w.chars().any(|c| c.is_ascii_digit())
                || w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
        }) {
            return b;
        }
        if words.len() >= 2 && self.gaz.place_heads.contains(self.low(b - 1)) {
            let name = &self.text[self.toks[a].start..self.toks[b - 1].end];
            self.push(a, b, What::Place(name));
            return b;
        }
        if (a..b).any(|k| self.listed_undotted(k, ORG_HEADS) || self.gaz.title(self.low(k)).is_some()) {
            return b;
        }
        let known = self
            .gaz
            .longest(self.text, self.toks, a, |t| matches!(t, Target::Person(_)));
        let family_first = self.korean_order(words);
        let western_korean = self.western_korean(words);
        let given = self.gaz.given.get(words[0]).copied();
        let initial = words.len() >= 3
            && words[1..words.len() - 1]
                .iter()
                .any(|w| w.len() == 2 && w.ends_with('.'));
        let mut role = None;
        let mut role_titles = titles.to_vec();
        let mut affiliation = affiliation;
        if let Some(rs) = role_start {
            let text: Vec<String> = (rs..a).map(|k| self.w(k).to_lowercase()).collect();
            role = Some(text.join(" "));
        } else if let Some((r, ts, aff)) = self.role_before(a) {
            role = Some(r);
            role_titles = ts;
            affiliation = aff.or(affiliation);
        }
        let mut end = b;
        if role.is_none() {
            if let Some((r, ts, aff, e)) = self.role_after(b) {
                role = Some(r);
                role_titles = ts;
                affiliation = aff;
                end = e;
            }
        }
        // "the Monti government", "the Biden administration"
        let leader_of = b - a == 1
            && a > 0
            && self.low(a - 1) == "the"
            && matches!(self.low(b), "government" | "administration")
            && !self.gaz.is_common(self.low(a))
            && !nationality_like(self.low(a));
        let verb =
            self.listed(b, PERSON_VERBS) || (a > 0 && matches!(self.low(a - 1), "said" | "says" | "told" | "added"));
        let strong = leader_of
            || role.is_some()
            || honorific.is_some()
            || family_first.is_some()
            || western_korean
            || given.is_some() && words.len() >= 2
            || initial
            || known.is_some_and(|(_, e)| e == b);
        let gender = honorific.flatten().or_else(|| match known {
            Some((Target::Person(p), _)) => self.gaz.people[p].gender,
            _ => None,
        });
        let gender = gender.or(if family_first.is_none() && words.len() >= 2 {
            given.flatten()
        } else {
            None
        });
        if !strong {
            if let Some(kind) = self.names_a_thing(a, b) {
                let name = &self.text[self.toks[a].start..self.toks[b - 1].end];
                match kind {
                    NameKind::Org => self.push(a, b, What::Org { name, known: None }),
                    NameKind::Place => self.push(a, b, What::Place(name)),
                    NameKind::Thing => {}
                }
                return end;
            }
        }
        if words.len() >= 2 && !strong {
            // Unknown capitalised words: a name only in running text, when none is a common word of the article.
            // Called last: the common-word searches are the dearest tests.
            let common = || {
                self.toks[a..b]
                    .iter()
                    .any(|t| self.lower_word(&t.low) || self.gaz.tok_in(t, NON_NAMES))
                    || self.toks[a..b].iter().all(|t| self.gaz.is_common(&t.low))
                    || self.gaz.is_common(self.low(b - 1))
                    || b - a >= 3 && self.toks[a..b].iter().any(|t| self.gaz.is_common(&t.low))
            };
            if self.restricted || self.toks[a..b].iter().any(|t| t.low.len() < 2) || common() {
                return end;
            }
        }
        if self.restricted && words.len() >= 2 && !strong {
            return end;
        }
        let cand = PersonCand {
            words: words.to_vec(),
            family_first: family_first.unwrap_or(false),
            strong,
            verb,
            role,
            role_titles,
            affiliation,
            gender,
            link_only: false,
        };
        self.push(a, b, What::Person(cand));
        end
    }

    /// Words around name words `[a, b)` without evidence of a person that say they name something else: a
    /// noun of kind right before ("the magazine Nordwind Review"), a determiner ("the Silver Order", "a Nobel
    /// Prize-winner"), the head of an organisation's description after one word ("the Zentrix
    /// organization"), an apposition with "its" ("Opera Neon, its main rival").
    fn names_a_thing(&self, a: usize, b: usize) -> Option<NameKind> {
        if self.low(b) == "," && self.low(b + 1) == "its" {
            return Some(NameKind::Thing);
        }
        // Not "the Reagan administration" or "the Smith office": a leader's, a person's.
        // The word lists first: the common-word search is the dearest test.
        if b - a == 1
            && self
                .toks
                .get(b)
                .is_some_and(|t| t.kind == Kind::Word && !is_cap(self.text, t))
            && self.listed_undotted(b, ORG_HEADS)
            && !matches!(self.low(b), "administration" | "office" | "team" | "foundation")
            && !self.low(a).contains('-')
            && !nationality_like(self.low(a))
            && !self.gaz.is_common(self.low(a))
        {
            return Some(NameKind::Org);
        }
        let before = a.checked_sub(1)?;
        // "A Lo Cicero (Italy)": a capital "A" before a name is an initial.
        if self.toks[before].kind != Kind::Word || self.w(before) == "A" {
            return None;
        }
        if !self.cap(before) {
            if let Some(kind) = self.gaz.kind_noun(self.low(before)) {
                return Some(kind);
            }
        }
        // One word after "the" may be a family: "the Sams".
        (b - a >= 2
            && matches!(
                self.low(before),
                "the" | "a" | "an" | "this" | "that" | "these" | "those" | "its" | "their"
            ))
        .then_some(NameKind::Thing)
    }

    /// Names inside a title-case or capitals headline, where every word is capitalised: name shapes,
    /// given name + family name, and single words (which only link to people the article names).
    fn headline_names(&mut self, a: usize, b: usize) {
        let title_case = |w: &str| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().skip(1).all(|c| !c.is_uppercase() || c == '-')
        };
        let mut p = a;
        while p < b {
            let words = |n: usize| -> Vec<&str> { (p..(p + n).min(b)).map(|k| self.w(k)).collect() };
            let low = self.low(p);
            if self.listed(p, NON_NAMES) || self.gaz.is_common(low) && !self.gaz.surnames.contains(self.w(p)) {
                p += 1;
                continue;
            }
            let found = [3, 2].into_iter().find(|&n| {
                p + n <= b && {
                    let ws = words(n);
                    ws.iter().all(|w| title_case(w))
                        && (self.korean_order(&ws).is_some() || n == 2 && self.western_korean(&ws))
                }
            });
            let (n, family_first, strong) = match found {
                Some(n) => (n, self.korean_order(&words(n)).is_some(), true),
                None if p + 1 < b && self.gaz.given.contains(self.w(p)) && !self.gaz.is_common(self.low(p + 1)) => {
                    (2, false, true)
                }
                None => (1, false, false),
            };
            let cand = PersonCand {
                words: words(n),
                family_first,
                strong,
                verb: false,
                role: None,
                role_titles: Vec::new(),
                affiliation: None,
                gender: None,
                link_only: n == 1,
            };
            if title_case(cand.words[0]) || is_upper(self.text, &self.toks[p]) {
                self.push(p, p + n, What::Person(cand));
            }
            p += n;
        }
    }

    /// A Korean or Chinese name with the family name first: "Kim Jong-un", "Rha Woong Bae".
    fn korean_order(&self, words: &[&str]) -> Option<bool> {
        let syllable = |w: &str| {
            w.len() <= 6
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).all(char::is_lowercase)
        };
        let hyphen_given = |w: &str| {
            let parts: Vec<&str> = w.split('-').collect();
            parts.len() == 2
                && parts
                    .iter()
                    .all(|p| (1..=6).contains(&p.len()) && p.chars().all(char::is_alphabetic))
                && syllable(parts[0])
                && !self.gaz.given.contains(w)
        };
        if !self.gaz.surnames.contains(words[0]) {
            return None;
        }
        match words.len() {
            2 if hyphen_given(words[1]) => Some(true),
            3 if syllable(words[1]) && syllable(words[2]) && !self.gaz.given.contains(words[1]) => Some(true),
            _ => None,
        }
    }

    /// A Korean name in Western order: "Sung Kim", "Woong-Bae Rha".
    fn western_korean(&self, words: &[&str]) -> bool {
        if words.len() != 2 || !self.gaz.surnames.contains(words[1]) {
            return false;
        }
        let w = &words[0];
        let parts: Vec<&str> = w.split('-').collect();
        parts.len() <= 2
            && parts.iter().all(|p| {
                (2..=6).contains(&p.len())
                    && p.chars().next().is_some_and(char::is_uppercase)
                    && p.chars().skip(1).all(char::is_lowercase)
            })
    }

    /// A title, by its lower-case words, ending right before token `end`: start and title index.
    fn title_ending_at(&self, end: usize) -> Option<(usize, usize)> {
        for len in (1..=3).rev() {
            if end < len {
                continue;
            }
            if let Some((Target::Title(t), e)) = self
                .gaz
                .longest(self.text, self.toks, end - len, |t| matches!(t, Target::Title(_)))
            {
                if e == end && !self.gaz.titles[t].classes[0].starts_with("honorific") {
                    return Some((end - len, t));
                }
            }
        }
        None
    }

    fn modifier(&self, k: usize) -> bool {
        let t = &self.toks[k];
        t.kind == Kind::Word
            && (!is_cap(self.text, t) || t.opens)
            && !self.listed(k, FUNCTION_WORDS)
            && !self.listed(k, PERSON_VERBS)
            && !t.low.ends_with("ing")
            && !t.low.chars().all(|c| c.is_ascii_digit())
    }

    /// A lower-case role right before a name: "unification minister Lee", "US special representative for North
    /// Korea Sung Kim". Returns the role, its title, and the state before it.
    fn role_before(&self, a: usize) -> Option<(String, Vec<usize>, Option<usize>)> {
        let mut end = a;
        // "… for North Korea Sung Kim": a state or organisation named inside the role.
        let mut tail_end = a;
        if end >= 2 {
            let mut c = end;
            while c > 0 && self.cap(c - 1) && !self.toks[c - 1].opens && end - c < 6 {
                c -= 1;
            }
            if c < end
                && c >= 2
                && matches!(self.low(c - 1), "for" | "of" | "on")
                && self.title_ending_at(c - 1).is_some()
            {
                end = c - 1;
            } else {
                tail_end = a;
            }
        }
        let (head_start, title) = self.title_ending_at(end)?;
        let mut m = head_start;
        let mut mods = 0;
        while m > 0 && mods < 3 && self.modifier(m - 1) {
            m -= 1;
            mods += 1;
        }
        let affiliation = self.state_before(m);
        let mut role = self.text[self.toks[m].start..self.toks[tail_end - 1].end].to_string();
        if self.toks[m].opens || self.cap(m) && m == head_start {
            role = lower_first(&role);
        }
        Some((role, vec![title], affiliation))
    }

    /// An apposition right after a name: "Noh Kyu-duk (right), South Korea's special representative for …,".
    fn role_after(&self, b: usize) -> Option<(String, Vec<usize>, Option<usize>, usize)> {
        let mut k = b;
        if self.low(k) == "(" {
            let close = (k + 1..(k + 6).min(self.toks.len())).find(|&x| self.low(x) == ")")?;
            k = close + 1;
        }
        if self.low(k) != "," {
            return None;
        }
        k += 1;
        if matches!(self.low(k), "the" | "a" | "an") {
            k += 1;
        }
        let mut affiliation = None;
        if k < self.toks.len() {
            if let Some((target, e)) = self.gaz.longest(self.text, self.toks, k, |t| {
                matches!(t, Target::State(_) | Target::Adjective(_) | Target::StateDescription(_))
            }) {
                if let Target::State(s) | Target::Adjective(s) | Target::StateDescription(s) = target {
                    affiliation = Some(s);
                }
                k = e;
                if self.toks.get(k).is_some_and(|t| t.kind == Kind::Poss) {
                    k += 1;
                }
            }
        }
        let role_start = k;
        let mut mods = 0;
        let mut found = None;
        while k < self.toks.len() && mods <= 3 {
            if let Some((Target::Title(t), e)) = self
                .gaz
                .longest(self.text, self.toks, k, |t| matches!(t, Target::Title(_)))
            {
                if !self.gaz.titles[t].classes[0].starts_with("honorific") {
                    found = Some((t, e));
                    break;
                }
            }
            if !self.modifier(k) || is_cap(self.text, &self.toks[k]) {
                return None;
            }
            mods += 1;
            k += 1;
        }
        let (title, mut e) = found?;
        // "for Korean Peninsula Peace and Security Affairs", "of the ruling party"
        if matches!(self.low(e), "for" | "of" | "on") {
            let mut x = e + 1;
            if self.low(x) == "the" {
                x += 1;
            }
            let mut y = x;
            while y < self.toks.len()
                && y - x < 10
                && (self.cap(y) || matches!(self.low(y), "and" | "of" | "the" | "&") && self.cap(y + 1))
            {
                y += 1;
            }
            if y > x {
                e = y;
            }
        }
        if e < self.toks.len() && !matches!(self.low(e), "," | "." | ";" | ")" | "—" | "-") {
            return None;
        }
        let role = self.text[self.toks[role_start].start..self.toks[e - 1].end].to_string();
        Some((role, vec![title], affiliation, e))
    }
}

/// Whether a lower-case word is a name particle ("van", "de"): none is longer than three bytes, so most
/// words are answered by their length.
fn is_particle(low: &str) -> bool {
    low.len() <= 3 && PARTICLES.contains(&low)
}

/// A word with the ending of an adjective of nationality ("Japanese", "European"): not a name.
fn nationality_like(low: &str) -> bool {
    ["ese", "ian", "ean", "ish", "ic"]
        .iter()
        .any(|suffix| low.ends_with(suffix))
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}
