//! From scanned items to the article's actor table: linking name forms into
//! people, descriptions and surnames to the people they stand for, and
//! organisations, states and places to one actor each.

use super::gazetteer::{FastMap, FastSet, Gazetteer, Target, WordMap, FUNCTION_WORDS};
use super::scan::{Item, PersonCand, Scanner, What};
use super::tokens::{self, is_cap, Kind, Tok};
use super::{ActorDetail, ActorTable, Gender, Mention, MentionForm, Place};
use crate::analysis::text::{self, Body};
use crate::brief::{Actor, ActorKind};
use crate::document::Document;
use std::borrow::Cow;
use std::hash::Hash;
use std::ops::Range;
use std::sync::Arc;

#[derive(Debug, Default)]
struct Ent {
    kind: Option<ActorKind>,
    name: String,
    roles: Vec<String>,
    titles: Vec<usize>,
    state: Option<usize>,
    gender: Option<Gender>,
    /// Normalised name words.
    words: Vec<String>,
    /// Lower-case written words.
    written: Vec<String>,
    surname: Option<String>,
    org_desc: Option<usize>,
    votes: (usize, usize),
}

struct M {
    ent: usize,
    text: usize,
    start: usize,
    end: usize,
    form: MentionForm,
}

fn norm_words(s: &str) -> Vec<String> {
    norm_pieces(s).collect()
}

/// The normalised words of `s` (see [`norm_words`]), one by one.
fn norm_pieces(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| c.is_whitespace() || c == '-' || c == '‐')
        .filter(|w| !w.is_empty())
        .map(lower_straight)
}

/// `word` in lower case with `’` as `'`, in one allocation for the common ASCII word.
fn lower_straight(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.to_lowercase().replace('’', "'")
    }
}

/// `word` in lower case with `’` as `'` (see [`lower_straight`]) into `out`, whose allocation is reused.
fn lower_straight_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        *out = lower_straight(word);
    }
}

/// The normalised words of the words `words` joined with spaces (see [`norm_words`]), written into the
/// strings of `buf` (reused from name to name: no allocation for most): returns how many.
fn norm_words_into(words: &[&str], buf: &mut Vec<String>) -> usize {
    let mut n = 0;
    for w in words {
        for piece in w
            .split(|c: char| c.is_whitespace() || c == '-' || c == '‐')
            .filter(|w| !w.is_empty())
        {
            if n == buf.len() {
                buf.push(String::new());
            }
            lower_straight_into(piece, &mut buf[n]);
            n += 1;
        }
    }
    n
}

/// Whether `long` contains `short` as consecutive words.
fn contains_run(long: &[String], short: &[String]) -> bool {
    short.len() <= long.len() && long.windows(short.len()).any(|w| w == short)
}

fn is_subsequence(short: &[String], long: &[String]) -> bool {
    let mut it = long.iter();
    short.iter().all(|w| it.any(|x| x == w))
}

/// Gives the tokens of one text their word ids and, in the same pass, counts what decides whether the text
/// is restricted (a headline or text set in title case or capitals: capitalisation says nothing there) and
/// its capitalised words (to size the article's set of them). Returns whether it is restricted, and that count.
fn annotate(gaz: &Gazetteer, toks: &mut [Tok], headline: bool) -> (bool, usize) {
    // Among words other than function words: all of them, the capitalised ones, those in capitals.
    let (mut words, mut caps, mut upper) = (0, 0, 0);
    let mut all_caps = 0;
    for t in toks {
        gaz.annotate(t);
        if t.kind == Kind::Word {
            all_caps += usize::from(t.cap);
            if !gaz.tok_in(t, FUNCTION_WORDS) {
                words += 1;
                caps += usize::from(t.cap);
                upper += usize::from(t.upper);
            }
        }
    }
    let restricted = words >= 3 && (upper * 2 >= words || headline && caps * 5 >= words * 4);
    (restricted, all_caps)
}

pub fn find(gaz: &Arc<Gazetteer>, doc: &Document, body: &Body) -> ActorTable {
    let mut places: Vec<(Place, &str)> = Vec::new();
    if let Some(h) = &doc.headline {
        places.push((Place::Headline, h));
    }
    for (i, c) in doc.captions.iter().enumerate() {
        places.push((Place::Caption(i), &c.text));
    }
    for (i, p) in doc.paragraphs.iter().enumerate() {
        places.push((Place::Body(i), p));
    }
    // The texts with their ASCII letters in lower case, one after another in one string, for the tokens'
    // lower-case forms to borrow (lower-casing ASCII keeps every byte offset).
    let total: usize = places.iter().map(|(_, t)| t.len()).sum();
    let mut lowered = String::with_capacity(total);
    for (_, t) in &places {
        lowered.push_str(t);
    }
    lowered.make_ascii_lowercase();
    // The tokens of all texts in one vector; `spans[i]` is the range of text `i`'s.
    let mut all: Vec<Tok> = Vec::with_capacity(total / 4 + 4 * places.len());
    let mut spans: Vec<Range<usize>> = Vec::with_capacity(places.len());
    let mut restricted = Vec::with_capacity(places.len());
    let mut cap_count = 0;
    let mut offset = 0;
    for &(place, t) in &places {
        let low = &lowered[offset..offset + t.len()];
        offset += t.len();
        let first = all.len();
        match place {
            Place::Body(i) => tokens::tokenize_into(t, Some(low), &body.sentences[i], &mut all),
            _ => tokens::tokenize_into(t, Some(low), &text::sentences(t), &mut all),
        }
        let (r, caps) = annotate(gaz, &mut all[first..], place == Place::Headline);
        restricted.push(r);
        cap_count += caps;
        spans.push(first..all.len());
    }
    let toks: Vec<&[Tok]> = spans.iter().map(|r| &all[r.clone()]).collect();
    // Capitalised words the article also writes in lower case (common words, not names): collect the
    // capitalised forms first, then mark those the lower-case words find among them (one set, not a second
    // one of the marked words).
    // Sized once: growing a set rehashes it.
    let mut capitalised: WordMap<&str, bool> = WordMap::with_capacity(cap_count);
    for t in all.iter().filter(|t| t.kind == Kind::Word && t.cap) {
        capitalised.get_or_insert(&*t.low, false);
    }
    for t in &all {
        if t.kind == Kind::Word && !t.cap {
            if let Some(lower) = capitalised.get_mut(&t.low) {
                *lower = true;
            }
        }
    }
    // One vector for the items of all texts, handed from scanner to scanner: no copy, less regrowth.
    let mut items: Vec<Item> = Vec::with_capacity(all.len() / 8);
    for (ti, (_, text)) in places.iter().enumerate() {
        let mut sc = Scanner {
            gaz,
            text,
            toks: toks[ti],
            index: ti,
            restricted: restricted[ti],
            lower_words: &capitalised,
            out: std::mem::take(&mut items),
        };
        sc.run();
        items = sc.out;
    }
    items.sort_by_key(|it| (it.text, it.start));
    let surface = |it: &Item| places[it.text].1[it.start..it.end].to_string();
    let authors: Vec<String> = doc
        .byline
        .iter()
        .flat_map(|b| b.authors.iter().map(|a| a.to_lowercase()))
        .collect();
    link(gaz, &items, &places, &surface, &authors)
}

/// How many earlier mentions a backward search for "the nearest such organisation" looks at:
/// far more than an article holds, and a bound that keeps hostile inputs linear.
const MENTION_LOOKBACK: usize = 256;

fn link(
    gaz: &Arc<Gazetteer>,
    items: &[Item],
    places: &[(Place, &str)],
    surface: &dyn Fn(&Item) -> String,
    authors: &[String],
) -> ActorTable {
    let mut ents: Vec<Ent> = Vec::new();
    let mut ms: Vec<M> = Vec::new();
    let mut keys = Keys::default();
    let named_states: FastSet<usize> = items
        .iter()
        .filter_map(|it| if let What::State(s) = it.what { Some(s) } else { None })
        .collect();
    let mut acronyms: FastMap<&str, usize> = FastMap::default();
    for it in items {
        if let What::Acronym(a) = &it.what {
            *acronyms.entry(a).or_insert(0) += 1;
        }
    }
    // States, places, organisations.
    for it in items {
        let mention = |ent: usize, form| M {
            ent,
            text: it.text,
            start: it.start,
            end: it.end,
            form,
        };
        match &it.what {
            What::State(s) | What::StateDescription(s) => {
                let description = matches!(it.what, What::StateDescription(_));
                if description && !named_states.contains(s) {
                    continue;
                }
                let e = get(&mut ents, &mut keys.states, *s, ActorKind::State, &gaz.states[*s].name);
                ents[e].state = Some(*s);
                ms.push(mention(
                    e,
                    if description {
                        MentionForm::Description
                    } else {
                        MentionForm::Name
                    },
                ));
            }
            What::Place(p) => {
                let e = get_named(&mut ents, &mut keys.places, p, ActorKind::Place, p);
                ms.push(mention(e, MentionForm::Name));
            }
            What::Org { name, known } => {
                let key = lower(name);
                let e = match keys.orgs.get(&*key) {
                    Some(&e) => e,
                    None => org_ent(gaz, &mut ents, &mut keys.orgs, key.into_owned(), name, known.is_some()),
                };
                if let Some(o) = known {
                    ents[e].state = gaz.orgs[*o].state;
                }
                ms.push(mention(e, MentionForm::Name));
            }
            What::OrgAlias { name, alias } => {
                let key = keys.orgs.get(&*lower(name)).copied();
                if let Some(e) = key {
                    keys.aliases.insert(alias.to_lowercase(), e);
                    ms.push(mention(e, MentionForm::Name));
                }
            }
            What::OrgDescription { desc, state } => {
                let d = &gaz.org_descriptions[*desc];
                let existing = if state.is_none() {
                    ms.iter()
                        .rev()
                        .take(MENTION_LOOKBACK)
                        .find(|m| ents[m.ent].org_desc == Some(*desc))
                        .map(|m| m.ent)
                } else {
                    None
                };
                let e = match existing {
                    Some(e) => e,
                    None => {
                        let name = match state.or(d.default_state) {
                            Some(s) => format!("{} {}", gaz.states[s].short, d.text),
                            None => d.text.clone(),
                        };
                        let e = get_named(&mut ents, &mut keys.orgs, &name, ActorKind::Organization, &name);
                        ents[e].org_desc = Some(*desc);
                        ents[e].state = state.or(d.default_state);
                        e
                    }
                };
                ms.push(mention(e, MentionForm::Description));
            }
            What::Acronym(name) => {
                let key = lower(name);
                let alias = keys.aliases.get(&*key).copied();
                let e = match (alias, keys.orgs.get(&*key)) {
                    (Some(e), _) | (None, Some(&e)) => e,
                    _ if acronyms.get(name).copied().unwrap_or(0) >= 2 => get(
                        &mut ents,
                        &mut keys.orgs,
                        key.into_owned(),
                        ActorKind::Organization,
                        name,
                    ),
                    _ => continue,
                };
                ms.push(mention(e, MentionForm::Name));
            }
            What::OrgHead(head) => {
                let found = ms.iter().rev().take(MENTION_LOOKBACK).find(|m| {
                    ents[m.ent].kind == Some(ActorKind::Organization) && ents[m.ent].words.iter().any(|w| w == head)
                });
                if let Some(m) = found {
                    let e = m.ent;
                    ms.push(mention(e, MentionForm::Description));
                }
            }
            _ => {}
        }
    }
    // People named in full.
    let person_items: Vec<(&Item, &PersonCand)> = items
        .iter()
        .filter_map(|it| {
            if let What::Person(p) = &it.what {
                Some((it, p))
            } else {
                None
            }
        })
        .collect();
    let mut multi: Vec<&(&Item, &PersonCand)> = person_items.iter().filter(|(_, p)| p.words.len() >= 2).collect();
    // Names with evidence first: a weak run sharing a word with one ("Warhol Factory") is not a person.
    multi.sort_by_key(|(it, p)| (!p.strong, it.text, it.start));
    // The normalised words of a candidate's words joined with spaces, without joining them, in strings
    // reused from candidate to candidate: most candidates only repeat a name, and the words are only kept
    // (copied) for a new or fuller one.
    let mut word_buf: Vec<String> = Vec::new();
    for (it, p) in multi {
        let n = norm_words_into(&p.words, &mut word_buf);
        let words = &word_buf[..n];
        let people = || (0..ents.len()).filter(|&e| ents[e].kind == Some(ActorKind::Person));
        let exact = people().find(|&e| ents[e].words == words);
        let e = exact.or_else(|| {
            // The one person whose name words contain these or are contained in them.
            let mut subs = people().filter(|&e| {
                ents[e].words.len() >= 2
                    && (is_subsequence(words, &ents[e].words) || is_subsequence(&ents[e].words, words))
            });
            let first = subs.next();
            first.filter(|_| subs.next().is_none())
        });
        let e = match e {
            Some(e) => e,
            None if !p.strong
                && people().any(|e| ents[e].surname.as_deref().is_some_and(|s| lower_is(p.words[0], s))) =>
            {
                continue
            }
            None => {
                ents.push(Ent {
                    kind: Some(ActorKind::Person),
                    ..Ent::default()
                });
                ents.len() - 1
            }
        };
        let ent = &mut ents[e];
        if words.len() > ent.words.len() {
            ent.name = p.words.join(" ");
            ent.words = words.to_vec();
            ent.written = p.words.iter().map(|w| w.to_lowercase()).collect();
            ent.surname = Some(if p.family_first {
                ent.written[0].clone()
            } else {
                ent.written[ent.written.len() - 1].clone()
            });
        }
        add_person_facts(ent, p, gaz);
        ms.push(M {
            ent: e,
            text: it.text,
            start: it.start,
            end: it.end,
            form: MentionForm::Name,
        });
    }
    // Bare surnames and single names.
    // A bare name's word in lower case, in one string reused from name to name.
    let mut x = String::new();
    for (it, p) in person_items.iter().filter(|(_, p)| p.words.len() == 1) {
        lower_straight_into(p.words[0], &mut x);
        // The people whose name has the word, counted without collecting them: nearly always none or one.
        let is_cand = |e: usize| {
            ents[e].kind == Some(ActorKind::Person) && (ents[e].written.contains(&x) || ents[e].words.contains(&x))
        };
        let mut cands = (0..ents.len()).filter(|&e| is_cand(e));
        let first = cands.next();
        let several = cands.next().is_some();
        let chosen = match (first, several) {
            (None, _) => None,
            (Some(e), false) => Some(e),
            (Some(_), true) => {
                let mut by_surname =
                    (0..ents.len()).filter(|&e| is_cand(e) && ents[e].surname.as_deref() == Some(x.as_str()));
                let one = by_surname.next();
                one.filter(|_| by_surname.next().is_none())
            }
        };
        let e = match chosen {
            Some(e) => e,
            None if several => continue,
            None => {
                // A word of an organisation's name: "Goldstar" after "Goldstar Precision Co Ltd".
                let org_word = || {
                    ms.iter()
                        .rev()
                        .take(MENTION_LOOKBACK)
                        .find(|m| {
                            ents[m.ent].kind == Some(ActorKind::Organization) && ents[m.ent].words.first() == Some(&x)
                        })
                        .map(|m| m.ent)
                };
                if let Some(o) = keys
                    .aliases
                    .get(x.as_str())
                    .or_else(|| keys.orgs.get(x.as_str()))
                    .copied()
                    .or_else(org_word)
                {
                    ms.push(M {
                        ent: o,
                        text: it.text,
                        start: it.start,
                        end: it.end,
                        form: MentionForm::Name,
                    });
                    continue;
                }
                let known = gaz.people_by_surname.get(&x).copied();
                let verb_only = p.verb && x.chars().count() > 2 && !gaz.is_common(&x) && !gaz.org_heads.contains(&x);
                if p.link_only || !(p.strong || known.is_some() || verb_only) {
                    continue;
                }
                ents.push(Ent {
                    kind: Some(ActorKind::Person),
                    name: p.words[0].to_string(),
                    words: vec![x.clone()],
                    written: vec![x.clone()],
                    surname: Some(x.clone()),
                    gender: known.and_then(|k| gaz.people[k].gender),
                    ..Ent::default()
                });
                ents.len() - 1
            }
        };
        add_person_facts(&mut ents[e], p, gaz);
        ms.push(M {
            ent: e,
            text: it.text,
            start: it.start,
            end: it.end,
            form: if ents[e].words.len() > 1 {
                MentionForm::Surname
            } else {
                MentionForm::Name
            },
        });
    }
    ms.sort_by_key(|m| (m.text, m.start));
    // Descriptions of people and pronouns, in order.
    let mut extra: Vec<M> = Vec::new();
    for it in items {
        match &it.what {
            What::PersonDescription { title, state } => {
                if let Some(e) = latest_compatible(&ents, &ms, gaz, *title, *state, (it.text, it.start)) {
                    extra.push(M {
                        ent: e,
                        text: it.text,
                        start: it.start,
                        end: it.end,
                        form: MentionForm::Description,
                    });
                }
            }
            What::Pronoun(g) => {
                // `ms` is sorted by place: search back from the pronoun, not from the end.
                let at = ms.partition_point(|m| (m.text, m.start) < (it.text, it.start));
                let prev = ms[..at]
                    .iter()
                    .rev()
                    .take(MENTION_LOOKBACK)
                    .find(|m| m.text == it.text && ents[m.ent].kind == Some(ActorKind::Person));
                if let Some(m) = prev {
                    let v = &mut ents[m.ent].votes;
                    match g {
                        Gender::Male => v.0 += 1,
                        Gender::Female => v.1 += 1,
                    }
                }
            }
            _ => {}
        }
    }
    ms.extend(extra);
    // The article's own writers are not actors, even where a tagline names them.
    if !authors.is_empty() {
        let author: Vec<bool> = ents
            .iter()
            .map(|e| e.kind == Some(ActorKind::Person) && authors.iter().any(|a| lower_is(&e.name, a)))
            .collect();
        ms.retain(|m| !author[m.ent]);
    }
    ms.sort_by_key(|m| (m.text, m.start));
    finish(gaz, ents, ms, places, surface)
}

/// The entity of an organisation named `name` (lower case `key`) that has no entity under its key yet:
/// a shorter or longer form of one already named ("Home Office", "UK Home Office"), else a new one.
fn org_ent(
    gaz: &Gazetteer,
    ents: &mut Vec<Ent>,
    orgs: &mut FastMap<String, usize>,
    key: String,
    name: &str,
    known: bool,
) -> usize {
    let words = norm_words(name);
    // "LG" and "LG Group": one more word that is only a head or suffix.
    let head_only = |long: &[String], short: &[String]| {
        long.len() == short.len() + 1 && long.starts_with(short) && gaz.is_org_head(&long[long.len() - 1])
    };
    let similar = ents.iter().position(|x| {
        x.kind == Some(ActorKind::Organization)
            && (words.len() >= 2
                && x.words.len() >= 2
                && (contains_run(&x.words, &words) || contains_run(&words, &x.words))
                || head_only(&words, &x.words)
                || head_only(&x.words, &words))
    });
    match similar {
        Some(e) => {
            if known || words.len() > ents[e].words.len() && ents[e].org_desc.is_none() {
                ents[e].name = name.to_string();
                ents[e].words = words;
            }
            orgs.insert(key, e);
            e
        }
        None => {
            ents.push(Ent {
                kind: Some(ActorKind::Organization),
                name: name.to_string(),
                words,
                ..Ent::default()
            });
            orgs.insert(key, ents.len() - 1);
            ents.len() - 1
        }
    }
}

/// The entities already made, by kind and key: a state's index, lower-case names of places and
/// organisations, lower-case short forms of organisations.
#[derive(Default)]
struct Keys {
    states: FastMap<usize, usize>,
    places: FastMap<String, usize>,
    orgs: FastMap<String, usize>,
    aliases: FastMap<String, usize>,
}

/// `s.to_lowercase()`, borrowed when that is `s` itself.
fn lower(s: &str) -> Cow<'_, str> {
    if !s.is_ascii() {
        Cow::Owned(s.to_lowercase())
    } else if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// The entity under the lower-case form of `key`, made (named `name`) if there is none.
fn get_named(ents: &mut Vec<Ent>, map: &mut FastMap<String, usize>, key: &str, kind: ActorKind, name: &str) -> usize {
    let key = lower(key);
    match map.get(&*key) {
        Some(&e) => e,
        None => get(ents, map, key.into_owned(), kind, name),
    }
}

fn get<K: Hash + Eq>(
    ents: &mut Vec<Ent>,
    by_key: &mut FastMap<K, usize>,
    key: K,
    kind: ActorKind,
    name: &str,
) -> usize {
    *by_key.entry(key).or_insert_with(|| {
        ents.push(Ent {
            kind: Some(kind),
            name: name.to_string(),
            words: norm_words(name),
            ..Ent::default()
        });
        ents.len() - 1
    })
}

fn add_person_facts(ent: &mut Ent, p: &PersonCand, gaz: &Gazetteer) {
    if let Some(r) = &p.role {
        if !ent.roles.contains(r) {
            ent.roles.push(r.clone());
        }
    }
    for t in &p.role_titles {
        if !ent.titles.contains(t) {
            ent.titles.push(*t);
        }
    }
    if ent.state.is_none() {
        ent.state = p.affiliation;
    }
    if ent.gender.is_none() {
        ent.gender = p.gender;
    }
    let _ = gaz;
}

fn compatible(gaz: &Gazetteer, ent: &Ent, title: usize, state: Option<usize>) -> bool {
    if ent.kind != Some(ActorKind::Person) || ent.titles.is_empty() {
        return false;
    }
    if state.is_some() && ent.state != state {
        return false;
    }
    let want = &gaz.titles[title].classes;
    want.iter().any(|c| c == "*")
        || ent
            .titles
            .iter()
            .any(|&t| gaz.titles[t].classes.iter().any(|c| want.contains(c)))
}

/// The person most recently mentioned before `pos` whose stated role fits the title.
fn latest_compatible(
    ents: &[Ent],
    ms: &[M],
    gaz: &Gazetteer,
    title: usize,
    state: Option<usize>,
    pos: (usize, usize),
) -> Option<usize> {
    // `ms` is sorted by place (text, start).
    let at = ms.partition_point(|m| (m.text, m.start) < pos);
    ms[..at]
        .iter()
        .rev()
        .find(|m| compatible(gaz, &ents[m.ent], title, state))
        .map(|m| m.ent)
}

fn finish(
    gaz: &Arc<Gazetteer>,
    mut ents: Vec<Ent>,
    ms: Vec<M>,
    places: &[(Place, &str)],
    surface: &dyn Fn(&Item) -> String,
) -> ActorTable {
    let _ = surface;
    // Order of first mention; ids per kind.
    let mut order: Vec<usize> = Vec::new();
    let mut seen = vec![false; ents.len()];
    for m in &ms {
        if !seen[m.ent] {
            seen[m.ent] = true;
            order.push(m.ent);
        }
    }
    // Listed by kind (people, organisations, states, places), each in order of first mention.
    let rank = |k: Option<ActorKind>| match k {
        Some(ActorKind::Person) | None => 0,
        Some(ActorKind::Organization) => 1,
        Some(ActorKind::State) => 2,
        Some(ActorKind::Place) => 3,
    };
    order.sort_by_key(|&e| rank(ents[e].kind));
    let mut new_index = vec![usize::MAX; ents.len()];
    let mut table = ActorTable {
        gaz: Some(gaz.clone()),
        actors: Vec::with_capacity(order.len()),
        genders: Vec::with_capacity(order.len()),
        mentions: Vec::with_capacity(ms.len()),
        details: Vec::with_capacity(order.len()),
    };
    let mut counts: FastMap<char, usize> = FastMap::default();
    // Each entity is listed once: its fields move into the table.
    for &e in &order {
        let ent = &mut ents[e];
        let kind = ent.kind.unwrap_or(ActorKind::Person);
        let letter = match kind {
            ActorKind::Person => 'p',
            ActorKind::Organization => 'o',
            ActorKind::State => 's',
            ActorKind::Place => 'l',
        };
        let n = counts.entry(letter).or_insert(0);
        *n += 1;
        new_index[e] = table.actors.len();
        let affiliation = if kind == ActorKind::State {
            None
        } else {
            ent.state.map(|s| gaz.states[s].name.clone())
        };
        let gender = ent.gender.or(match ent.votes {
            (m, f) if m > f => Some(Gender::Male),
            (m, f) if f > m => Some(Gender::Female),
            _ => None,
        });
        table.actors.push(Actor {
            id: actor_id(letter, *n),
            name: std::mem::take(&mut ent.name),
            kind,
            aliases: Vec::new(),
            roles: std::mem::take(&mut ent.roles),
            affiliation,
            mentions: 0,
            quotes: 0,
        });
        table
            .genders
            .push(if kind == ActorKind::Person { gender } else { None });
        table.details.push(ActorDetail {
            words: std::mem::take(&mut ent.words),
            surname: ent.surname.take(),
            titles: std::mem::take(&mut ent.titles),
            state: ent.state,
        });
    }
    for m in ms {
        let a = new_index[m.ent];
        let actor = &mut table.actors[a];
        actor.mentions += 1;
        let text = &places[m.text].1[m.start..m.end];
        if text != actor.name && !actor.aliases.iter().any(|a| a == text) {
            actor.aliases.push(text.to_string());
        }
        table.mentions.push(Mention {
            actor: a,
            place: places[m.text].0,
            start: m.start,
            end: m.end,
            form: m.form,
        });
    }
    table
}

fn place_key(p: Place) -> (u8, usize) {
    match p {
        Place::Headline => (0, 0),
        Place::Caption(i) => (1, i),
        Place::Body(i) => (2, i),
    }
}

/// See [`ActorTable::resolve`].
pub fn resolve(
    table: &ActorTable,
    gaz: &Gazetteer,
    words: &str,
    paragraph: usize,
    at: usize,
    kind: Option<ActorKind>,
) -> Option<usize> {
    let here = (place_key(Place::Body(paragraph)), at);
    let before = |m: &Mention| (place_key(m.place), m.start) < here;
    let kind_ok = |a: usize| kind.is_none_or(|k| table.actors[a].kind == k);
    let w = words
        .trim()
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .trim_end_matches(['’', '\''])
        .trim();
    let bare = w.strip_prefix("the ").or_else(|| w.strip_prefix("The ")).unwrap_or(w);
    // The latest actor mentioned before here that satisfies `f`.
    let latest = |f: &dyn Fn(usize) -> bool| {
        table
            .mentions
            .iter()
            .rev()
            .filter(|m| before(m))
            .find(|m| kind_ok(m.actor) && f(m.actor))
            .map(|m| m.actor)
    };
    let lw = w.to_lowercase();
    // "the "/"The " lower-cases to the four bytes "the ", so the bare form is a tail of `lw`.
    let lbare = &lw[w.len() - bare.len()..];
    // A name or alias the article used.
    if let Some(a) = latest(&|a| {
        let act = &table.actors[a];
        let fits = |x: &str| lower_is(x, lbare) || lower_is(x, &lw);
        fits(&act.name) || act.aliases.iter().any(|x| fits(x))
    }) {
        // A bare word several people share stays unresolved unless it was used for this one.
        let single = !lbare.contains(' ');
        if !single || table.actors[a].kind != ActorKind::Person {
            return Some(a);
        }
    }
    // A name after a title or role: "President Moon Jae-in", "US envoy Sung Kim".
    if lw.contains(' ') {
        if let Some(a) = latest(&|a| ends_with_name(&lw, &table.actors[a].name)) {
            return Some(a);
        }
    }
    let toks = tokens::tokenize(w);
    if toks.is_empty() {
        return None;
    }
    // A state by name, capital or description.
    if let Some((target, end)) = gaz.longest(w, &toks, 0, |t| {
        matches!(t, Target::State(_) | Target::Capital(_) | Target::StateDescription(_))
    }) {
        if end == toks.len() {
            if let Target::State(s) | Target::Capital(s) | Target::StateDescription(s) = target {
                if let Some(a) = (0..table.actors.len())
                    .find(|&a| table.actors[a].kind == ActorKind::State && table.details[a].state == Some(s))
                {
                    return kind_ok(a).then_some(a);
                }
            }
        }
    }
    // A bare name word: the one person it fits.
    if !lbare.contains(' ')
        && toks.iter().filter(|t| t.kind == Kind::Word).count() == 1
        && is_cap(w, &toks[toks.len() - 1])
    {
        let x = lbare.replace('’', "'");
        let fits: Vec<usize> = (0..table.actors.len())
            .filter(|&a| table.actors[a].kind == ActorKind::Person && table.details[a].words.contains(&x))
            .collect();
        let chosen = match fits.len() {
            0 => None,
            1 => Some(fits[0]),
            _ => {
                let sur: Vec<usize> = fits
                    .iter()
                    .copied()
                    .filter(|&a| table.details[a].surname.as_deref() == Some(x.as_str()))
                    .collect();
                if sur.len() == 1 {
                    Some(sur[0])
                } else {
                    // Used before, in this bare form, for one of them.
                    table
                        .mentions
                        .iter()
                        .rev()
                        .filter(|m| before(m) && m.place != Place::Headline)
                        .find(|m| m.form == MentionForm::Surname && fits.contains(&m.actor))
                        .map(|m| m.actor)
                }
            }
        };
        return chosen.filter(|&a| kind_ok(a) && table.mentions.iter().any(|m| m.actor == a && before(m)));
    }
    // A description: "[the] [US] [modifiers] title" or "the ministry".
    let first_word = toks.iter().position(|t| t.kind == Kind::Word)?;
    let mut k = first_word;
    if toks[k].low == "the" {
        k += 1;
    }
    let mut state = None;
    if k < toks.len() {
        if let Some((Target::State(s) | Target::Adjective(s), e)) =
            gaz.longest(w, &toks, k, |t| matches!(t, Target::State(_) | Target::Adjective(_)))
        {
            state = Some(s);
            k = e;
        }
    }
    for s in k..toks.len() {
        if let Some((Target::Title(t), e)) = gaz.longest(w, &toks, s, |t| matches!(t, Target::Title(_))) {
            if e == toks.len() {
                return latest(&|a| {
                    let d = &table.details[a];
                    let ent = Ent {
                        kind: Some(table.actors[a].kind),
                        titles: d.titles.clone(),
                        state: d.state,
                        ..Ent::default()
                    };
                    compatible(gaz, &ent, t, state)
                });
            }
        }
    }
    let head = toks.last()?.low.to_string();
    if gaz.is_org_head(&head) && toks.len() - k == 1 {
        return latest(&|a| table.actors[a].kind == ActorKind::Organization && table.details[a].words.contains(&head));
    }
    None
}

/// Whether `s.to_lowercase() == lower`, without allocating for ASCII `s` (resolve asks this of every
/// name and alias for each earlier mention, so allocating each time cost most of its time).
fn lower_is(s: &str, lower: &str) -> bool {
    if s.is_ascii() {
        s.len() == lower.len() && s.bytes().zip(lower.bytes()).all(|(a, b)| a.to_ascii_lowercase() == b)
    } else {
        s.to_lowercase() == lower
    }
}

/// Whether the lower-case words `lw` end with the lower-cased `name` of several words after a space:
/// "president moon jae-in" ends with "Moon Jae-in".
fn ends_with_name(lw: &str, name: &str) -> bool {
    if !name.contains(' ') {
        return false;
    }
    if !name.is_ascii() {
        let name = name.to_lowercase();
        return lw.ends_with(&name) && lw[..lw.len() - name.len()].ends_with(' ');
    }
    // An ASCII name keeps its length when lower-cased, so its lower case can only be this tail.
    let Some(start) = lw.len().checked_sub(name.len()) else {
        return false;
    };
    lw.is_char_boundary(start) && lower_is(name, &lw[start..]) && lw[..start].ends_with(' ')
}

/// An actor's id, its kind's letter and number ("p2"), written directly: `format!` spent several
/// hundred instructions on each.
fn actor_id(letter: char, n: usize) -> String {
    let mut id = String::with_capacity(8);
    id.push(letter);
    let digits_at = id.len();
    let mut rest = n;
    loop {
        // The lowest digit goes in front of those already written.
        id.insert(digits_at, char::from(b'0' + (rest % 10) as u8));
        rest /= 10;
        if rest == 0 {
            return id;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::actor_id;

    #[test]
    fn actor_ids_are_letter_and_decimal_number() {
        for (letter, n) in [('p', 1), ('o', 9), ('s', 10), ('l', 120), ('p', 1005)] {
            assert_eq!(actor_id(letter, n), format!("{letter}{n}"));
        }
    }
}
