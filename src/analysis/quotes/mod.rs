//! Quotations and their speakers: passages in double quotation marks, paired
//! per paragraph, attributed through cue verbs to a speaker resolved against
//! the article's actors.
//!
//! - [`marks`] pairs the marks of each paragraph into regions;
//! - [`tokens`] turns a paragraph into words, punctuation and opaque regions;
//! - [`attribution`] finds a region's cue and the noun phrase of its speaker;
//! - [`speaker`] keeps the finder's own record of people named so far.
//!
//! Every region costs bounded work (fixed scan windows), so a paragraph's cost is linear.

mod attribution;
mod marks;
mod speaker;
mod tokens;

use super::actors::{ActorTable, Gender, Place};
use crate::brief::{ActorKind, Quote, QuoteKind, Segment, Speaker, SpeakerMethod};
use crate::lexicon::Lexicon;
use attribution::{Attribution, Grammar, Np};
use marks::Region;
use speaker::{pronoun_gender, Registry, G};
use tokens::{Kind, Token};

/// Compiled cue lexicon and patterns.
pub struct QuoteFinder {
    grammar: Grammar,
}

/// One paragraph, analysed.
struct Para<'a> {
    text: &'a str,
    regions: Vec<Region>,
    tokens: &'a [Token<'a>],
    /// Token index of each region.
    region_token: Vec<usize>,
}

/// Where a quote stands, for the context rules.
struct Meta {
    /// First and last paragraph of its segments.
    first: usize,
    last: usize,
    /// Sentence number (within the first paragraph) of its opening mark.
    sentence: u32,
    /// One or two words without a cue: kept only as a continuation of an attributed quotation.
    short_uncued: bool,
}

/// A region's attribution with its speaker resolved.
#[derive(Debug, Clone, Default)]
struct Found {
    cue: Option<String>,
    speaker: Option<Speaker>,
    /// Reporting cue right at the marks or as the clause's verb (not just inherited).
    has_cue: bool,
    /// The cue stands right at the marks.
    adjacent: bool,
}

impl QuoteFinder {
    pub fn new(lexicon: &Lexicon) -> Self {
        QuoteFinder {
            grammar: Grammar::new(lexicon),
        }
    }

    /// Every quotation of the body, in order, with speaker and cue where the article gives them.
    pub fn find(&self, paragraphs: &[String], actors: &ActorTable) -> Vec<Quote> {
        let mut all_regions: Vec<Vec<Region>> = paragraphs.iter().map(|text| marks::pair(text)).collect();
        // Paragraphs after the last one with marks hold no quotation, and nothing read from them
        // (the speaker registry) is asked for after that paragraph: they are not tokenized.
        let Some(last) = all_regions.iter().rposition(|r| !r.is_empty()) else {
            return Vec::new();
        };
        let paragraphs = &paragraphs[..=last];
        all_regions.truncate(last + 1);
        // The paragraphs with their ASCII letters in lower case, for the tokens' lower-case forms to
        // borrow, and the tokens of every paragraph: one buffer each per article.
        let mut lowered = String::with_capacity(paragraphs.iter().map(String::len).sum());
        for text in paragraphs {
            lowered.push_str(text);
        }
        lowered.make_ascii_lowercase();
        let mut all_tokens = Vec::with_capacity(paragraphs.iter().map(|p| tokens::capacity_for(p)).sum());
        let mut spans = Vec::with_capacity(paragraphs.len());
        let mut offset = 0;
        for (text, regions) in paragraphs.iter().zip(&all_regions) {
            let from = all_tokens.len();
            // The tokenizer notes where each region's token stands, without a second pass.
            let mut region_token = vec![0; regions.len()];
            let lower = &lowered[offset..offset + text.len()];
            tokens::tokenize_into(text, lower, regions, &mut all_tokens, &mut region_token);
            spans.push((from..all_tokens.len(), region_token));
            offset += text.len();
        }
        let paras: Vec<Para> = paragraphs
            .iter()
            .zip(all_regions)
            .zip(spans)
            .map(|((text, regions), (span, region_token))| {
                let tokens = &all_tokens[span];
                Para {
                    text,
                    regions,
                    tokens,
                    region_token,
                }
            })
            .collect();

        // Attribution patterns per region, then speakers resolved in document order.
        let attributions: Vec<Vec<Option<Attribution>>> = paras
            .iter()
            .map(|para| (0..para.regions.len()).map(|r| self.attribute(para, r)).collect())
            .collect();
        let found = self.resolve_all(&paras, &attributions, actors);

        // Chains: a region left open at a paragraph's end continues into a next paragraph that opens with a mark.
        // Every chain's (paragraph, region) links in one list, each chain starting at its bound.
        let mut links: Vec<(usize, usize)> = Vec::new();
        let mut bounds: Vec<usize> = Vec::new();
        let mut continues = false;
        for (p, para) in paras.iter().enumerate() {
            for r in 0..para.regions.len() {
                if r == 0
                    && continues
                    && marks::opens_with_mark(para.text)
                    && para.regions[0].open == para.text.len() - para.text.trim_start().len()
                {
                    // The last chain is the tail of the list: the link extends it.
                    if !bounds.is_empty() {
                        links.push((p, 0));
                        continue;
                    }
                }
                bounds.push(links.len());
                links.push((p, r));
            }
            continues = para.regions.last().is_some_and(|r| !r.closed);
        }

        let mut quotes: Vec<Quote> = Vec::new();
        let mut meta: Vec<Meta> = Vec::new();
        // Per paragraph: (byte offset, code points before it), advanced monotonically.
        let mut cursors: Vec<(usize, usize)> = vec![(0, 0); paras.len()];
        for (k, &from) in bounds.iter().enumerate() {
            let chain = &links[from..bounds.get(k + 1).copied().unwrap_or(links.len())];
            let mut segments = Vec::new();
            // The segments' words joined by single spaces.
            let mut text = String::new();
            for &(p, r) in chain {
                let para = &paras[p];
                if let Some((s, e)) = marks::content(para.text, &para.regions[r]) {
                    // Regions are visited in order within each paragraph: count code points onward.
                    let (byte, chars) = &mut cursors[p];
                    *chars += para.text[*byte..s].chars().count();
                    *byte = s;
                    let start = *chars;
                    let len = para.text[s..e].chars().count();
                    if !segments.is_empty() {
                        text.push(' ');
                    }
                    segments.push(Segment {
                        paragraph: p,
                        span: [start, start + len],
                    });
                    text.push_str(&para.text[s..e]);
                }
            }
            if segments.is_empty() {
                continue;
            }
            let own = chain
                .iter()
                .map(|&(p, r)| &found[p][r])
                .find(|f| f.speaker.is_some())
                .or_else(|| chain.iter().map(|&(p, r)| &found[p][r]).find(|f| f.has_cue));
            let (p0, r0) = chain[0];
            let has_cue = own.is_some_and(|f| f.has_cue);
            // Only counts up to four are told apart below: five words stand for any more.
            let words = text.split_whitespace().take(5).count();
            // Titles, nicknames and scare quotes: a word or two nobody is reported saying. Kept
            // only when it continues an attributed quotation as a sentence of its own (“Big time.”).
            let short_uncued = words < 3 && !has_cue;
            let first_region = &paras[p0].regions[r0];
            if paras[p0].text[..first_region.open].ends_with('=') {
                // Markup attribute values (`author="…"`).
                continue;
            }
            let verb_adjacent =
                own.is_some_and(|f| f.adjacent && f.cue.as_deref().is_some_and(|c| !c.starts_with("according")));
            let kind = self.kind(&paras[p0], r0);
            // A capitalised word or two standing as a sentence of its own (“Done.”) is speech.
            let sentence_of_its_own = kind == QuoteKind::Full
                && inner_terminal(&paras[p0].text[first_region.inner_start..first_region.inner_end]);
            // The word test last: most quotations are cued sentences of their own.
            if chain.len() == 1
                && (kind == QuoteKind::Partial || !(verb_adjacent || sentence_of_its_own))
                && is_title(&paras[p0].text[first_region.inner_start..first_region.inner_end])
            {
                // Titles of works and names in marks ("Parks and Recreation", "Carlos Danger").
                continue;
            }
            if chain.len() == 1 && self.naming(&paras[p0], r0) {
                // A name given to a thing: a show called "Brokers", a phenomenon called “differential nonresponse”.
                continue;
            }
            if chain.len() == 1 && words <= 4 && self.attributive(&paras[p0], r0, words) {
                // A phrase in marks used as a modifier: the “top secret” level, my “campaign”.
                continue;
            }
            let last_p = chain.last().map_or(p0, |&(p, _)| p);
            let sentence = paras[p0].tokens[paras[p0].region_token[r0]].sentence;
            meta.push(Meta {
                first: p0,
                last: last_p,
                sentence,
                short_uncued,
            });
            quotes.push(Quote {
                text,
                kind,
                speaker: own.and_then(|f| f.speaker.clone()),
                cue: own.and_then(|f| f.cue.clone()),
                date: None,
                segments,
            });
        }
        self.context(&paras, &mut quotes, &meta);
        // `retain` visits the quotes in order, alongside their `meta`.
        let mut metas = meta.iter();
        quotes.retain(|q| {
            metas
                .next()
                .is_none_or(|m| !m.short_uncued || (q.speaker.is_some() && q.kind == QuoteKind::Full))
        });
        quotes
    }

    /// Quotes without an attribution of their own take the speaker of a quote in
    /// the same sentence, or of an earlier quote in the same paragraph; a paragraph
    /// that is only a quotation continues the previous paragraph's last speaker.
    fn context(&self, paras: &[Para], quotes: &mut [Quote], meta: &[Meta]) {
        // Same sentence, later quote ("“A” and “B,” he said").
        for i in (0..quotes.len()).rev() {
            if quotes[i].speaker.is_some() || i + 1 >= quotes.len() {
                continue;
            }
            let (p, s) = (meta[i].first, meta[i].sentence);
            let (np, ns) = (meta[i + 1].first, meta[i + 1].sentence);
            if np == p && ns == s {
                if let Some(sp) = quotes[i + 1].speaker.clone() {
                    quotes[i].speaker = Some(Speaker {
                        method: SpeakerMethod::Context,
                        ..sp
                    });
                    quotes[i].cue = quotes[i].cue.take().or_else(|| quotes[i + 1].cue.clone());
                }
            }
        }
        for i in 1..quotes.len() {
            if quotes[i].speaker.is_some() {
                continue;
            }
            let p = meta[i].first;
            let prev_last = meta[i - 1].last;
            let Some(prev) = quotes[i - 1].speaker.clone() else {
                continue;
            };
            let same_paragraph = prev_last == p;
            // A paragraph with no reporter's words, only quotations.
            let continues = p > 0 && prev_last + 1 == p && paras[p].tokens.iter().all(|t| !t.is_word());
            if same_paragraph || continues {
                quotes[i].speaker = Some(Speaker {
                    method: SpeakerMethod::Context,
                    ..prev
                });
                if quotes[i].cue.is_none() {
                    quotes[i].cue = quotes[i - 1].cue.clone();
                }
            }
        }
    }

    /// Cue and speaker phrase of region `r`.
    fn attribute(&self, para: &Para, r: usize) -> Option<Attribution> {
        let g = &self.grammar;
        let q = para.region_token[r];
        let after = g.after(para.tokens, q);
        if let Some(a) = &after {
            if !a.according_to {
                return after;
            }
        }
        if let Some(b) = g.before(para.tokens, q) {
            if b.np.is_some() || after.is_none() {
                return Some(b);
            }
        }
        if after.is_some() {
            return after;
        }
        // `A footnote in the report makes that clear: “…”`
        if q > 0 && para.tokens[q - 1].is_punct(':') {
            let np = g.colon_subject(para.tokens, q - 1);
            return Some(Attribution {
                cue: (q - 1, q - 1),
                np,
                according_to: false,
                adjacent: true,
            });
        }
        None
    }

    /// Body mentions of the actor table in the first `paragraphs` paragraphs, sorted by paragraph
    /// then start: `(paragraph, start, end, actor)`, in one list (one allocation per article).
    fn mention_index(paragraphs: usize, actors: &ActorTable) -> Vec<Mention> {
        let mut index: Vec<Mention> = actors
            .mentions
            .iter()
            .filter_map(|m| match m.place {
                Place::Body(p) if p < paragraphs => Some((p, m.start, m.end, m.actor)),
                _ => None,
            })
            .collect();
        index.sort_unstable();
        index
    }

    /// Resolves every attribution's speaker in document order.
    fn resolve_all(
        &self,
        paras: &[Para],
        attributions: &[Vec<Option<Attribution>>],
        actors: &ActorTable,
    ) -> Vec<Vec<Found>> {
        let mut registry = Registry::with_room();
        let mut last_speaker: Option<(Speaker, usize)> = None;
        let mentions = Self::mention_index(paras.len(), actors);
        let ctx = Ctx {
            actors,
            mentions: &mentions,
        };
        let mut out = Vec::with_capacity(paras.len());
        for (p, para) in paras.iter().enumerate() {
            // Attributions of this paragraph in order of their phrase.
            let mut order: Vec<(usize, usize)> = attributions[p]
                .iter()
                .enumerate()
                .filter_map(|(r, a)| a.as_ref().map(|a| (a.np.map_or(a.cue.0, |np| np.first), r)))
                .collect();
            order.sort_unstable();
            let mut found = vec![Found::default(); para.regions.len()];
            // A paragraph that opens with a quotation of no attribution of its own may be
            // introduced by the previous paragraph's closing colon.
            let introduced =
                p > 0 && !para.regions.is_empty() && para.region_token[0] == 0 && attributions[p][0].is_none();
            if let Some(intro) = introduced
                .then(|| self.grammar.introduction(paras[p - 1].tokens))
                .flatten()
            {
                found[0] = self.found(&paras[p - 1], p - 1, &intro, &ctx, &mut registry, &mut last_speaker);
            }
            let mut scanned = 0;
            for (at, r) in order {
                let Some(a) = &attributions[p][r] else {
                    continue;
                };
                if at > scanned {
                    registry.scan(&self.grammar, para.text, para.tokens, p, scanned, at);
                    scanned = at;
                }
                found[r] = self.found(para, p, a, &ctx, &mut registry, &mut last_speaker);
            }
            // The last paragraph's remaining names are never asked for.
            if p + 1 < paras.len() {
                registry.scan(&self.grammar, para.text, para.tokens, p, scanned, para.tokens.len());
            }
            out.push(found);
        }
        out
    }

    /// Attribution `a` of paragraph `p` with its speaker resolved; a resolved speaker is
    /// recorded for the pronouns and context rules that follow.
    fn found(
        &self,
        para: &Para,
        p: usize,
        a: &Attribution,
        ctx: &Ctx,
        registry: &mut Registry,
        last_speaker: &mut Option<(Speaker, usize)>,
    ) -> Found {
        let at = a.np.map_or(a.cue.0, |np| np.first);
        let cue = if para.tokens[a.cue.0].is_punct(':') {
            ":".to_string()
        } else {
            para.text[para.tokens[a.cue.0].start()..para.tokens[a.cue.1].end()].to_string()
        };
        let speaker =
            a.np.and_then(|np| self.speaker(para, p, np, a, ctx, registry, last_speaker.as_ref()));
        if let Some(s) = &speaker {
            if s.method != SpeakerMethod::Pronoun || s.name != s.mention {
                let role_gender = a.np.and_then(|np| {
                    para.tokens[np.first..=np.last]
                        .iter()
                        .find_map(|t| match self.grammar.role_gender(&t.lower) {
                            Some('m') => Some(G::Male),
                            Some('f') => Some(G::Female),
                            _ => None,
                        })
                });
                registry.note_speaker(p, para.tokens[at].sentence, &s.name, role_gender);
                *last_speaker = Some((s.clone(), p));
            }
        }
        Found {
            cue: Some(cue),
            speaker,
            has_cue: true,
            adjacent: a.adjacent,
        }
    }

    /// The speaker named by phrase `np`.
    #[allow(clippy::too_many_arguments)]
    fn speaker(
        &self,
        para: &Para,
        p: usize,
        np: Np,
        a: &Attribution,
        ctx: &Ctx,
        registry: &Registry,
        last: Option<&(Speaker, usize)>,
    ) -> Option<Speaker> {
        let actors = ctx.actors;
        let tokens = para.tokens;
        let according_to = a.according_to;
        // "he added", "she continued": the cue carries on the previous quotation.
        let continues = matches!(
            tokens[a.cue.0].lower.as_str(),
            "added" | "adds" | "adding" | "continued" | "continues"
        ) || tokens.get(a.cue.0 + 1).is_some_and(|t| t.lower == "on");
        let (start, end) = (tokens[np.first].start(), tokens[np.last].end());
        let mention = para.text[start..end].trim_end_matches(['’', '\'']).to_string();
        if mention.is_empty() {
            return None;
        }
        let with_actor = |index: usize, mention: String, method| {
            let actor = actors.actors.get(index)?;
            Some(Speaker {
                name: actor.name.clone(),
                actor: Some(actor.id.clone()),
                mention,
                method,
            })
        };
        let plain = |name: String, mention: String, method| {
            Some(Speaker {
                name,
                actor: None,
                mention,
                method,
            })
        };
        let first = &tokens[np.first];
        if np.first == np.last && attribution::PRONOUNS.contains(&first.lower.as_str()) {
            let method = SpeakerMethod::Pronoun;
            if let Some(i) = actors.resolve(&mention, p, start, Some(ActorKind::Person)) {
                return with_actor(i, mention, method);
            }
            let Some(gender) = pronoun_gender(&first.lower) else {
                // "it" and "they" speak for the institution or group that spoke just before.
                let institution = last.filter(|&&(_, lp)| lp + 1 >= p).filter(|(l, _)| {
                    let kind = l
                        .actor
                        .as_ref()
                        .and_then(|id| ctx.index_of(id))
                        .map(|i| actors.actors[i].kind);
                    matches!(first.lower.as_str(), "it" | "they")
                        && matches!(kind, Some(ActorKind::Organization | ActorKind::State))
                });
                if let Some((last, _)) = institution {
                    return Some(Speaker {
                        mention,
                        method,
                        ..last.clone()
                    });
                }
                return plain(mention.clone(), mention, method);
            };
            // A person who became the subject after the previous quote, unless the cue continues
            // that quote ("he added"); the previous speaker when the gender agrees, a person of that
            // gender named nearby, else the previous speaker whose gender is unknown.
            if !continues {
                let object = tokens.get(a.cue.1 + 1).filter(|t| t.cap).map(|t| t.lower.as_str());
                if let Some(name) = registry.fresh_subject(p, gender, object) {
                    return plain(name.to_string(), mention, method);
                }
            }
            let mut unknown_last = None;
            if let Some((last, _)) = last.filter(|&&(_, lp)| lp + 2 >= p) {
                let known = last
                    .actor
                    .as_ref()
                    .and_then(|id| ctx.index_of(id))
                    .and_then(|i| actors.gender(i));
                // The article's own he/she usage outranks a guess from a given name.
                let g = registry
                    .gender(&last.name)
                    .or_else(|| known.map(|g| if g == Gender::Male { G::Male } else { G::Female }));
                match g {
                    Some(g) if g == gender => {
                        return Some(Speaker {
                            name: last.name.clone(),
                            actor: last.actor.clone(),
                            mention,
                            method,
                        })
                    }
                    None if speaker::person_like(&last.name, 1) => unknown_last = Some(last),
                    None => {}
                    Some(_) => {}
                }
            }
            if let Some(name) = registry.nearest(p, gender) {
                return plain(name.to_string(), mention, method);
            }
            if let Some(last) = unknown_last {
                return Some(Speaker {
                    name: last.name.clone(),
                    actor: last.actor.clone(),
                    mention,
                    method,
                });
            }
            if let Some(name) = registry.recent_subject(p, gender) {
                return plain(name.to_string(), mention, method);
            }
            return plain(mention.clone(), mention, method);
        }
        let method = if according_to {
            SpeakerMethod::AccordingTo
        } else {
            SpeakerMethod::Explicit
        };
        if let Some((a, b)) = np.name {
            let (ns, ne) = (tokens[a].start(), tokens[b].end());
            let name = para.text[ns..ne].trim_end_matches(['’', '\'']).to_string();
            if let Some(i) = ctx.actor_at(p, ns, ne).or_else(|| actors.resolve(&name, p, ns, None)) {
                return with_actor(i, mention, method);
            }
            let name = if a == b {
                registry.full_name(&name).map_or(name, str::to_string)
            } else {
                name
            };
            return plain(name, mention, method);
        }
        let method = if according_to {
            SpeakerMethod::AccordingTo
        } else {
            SpeakerMethod::Description
        };
        // "a colleague in the Senate", "the director of the FBI": the head, not the institution
        // in its prepositional phrase, is the one speaking.
        let head_end = (np.first + 1..=np.last)
            .find(|&k| {
                matches!(
                    tokens[k].lower.as_str(),
                    "of" | "in" | "at" | "from" | "with" | "for" | "on"
                )
            })
            .map_or(end, |k| tokens[k - 1].end());
        if let Some(i) = ctx
            .actor_at(p, start, head_end)
            .or_else(|| actors.resolve(&mention, p, start, None))
        {
            return with_actor(i, mention, method);
        }
        plain(mention.clone(), mention, method)
    }

    /// Whether a short quoted phrase is used as a word of the reporter's sentence rather than
    /// reported speech: between a determiner and a noun (the “top secret” level), or after a
    /// possessive (my “campaign”).
    fn attributive(&self, para: &Para, r: usize, words: usize) -> bool {
        let q = para.region_token[r];
        let tokens = para.tokens;
        let Some(prev) = q.checked_sub(1).map(|i| &tokens[i]) else {
            return false;
        };
        let possessive = matches!(
            prev.lower.as_str(),
            "my" | "his" | "her" | "their" | "our" | "its" | "your"
        );
        if possessive && words <= 2 {
            return true;
        }
        let determiner = possessive || matches!(prev.lower.as_str(), "the" | "a" | "an" | "this" | "that");
        let next = tokens.get(q + 1);
        let noun_follows =
            next.is_some_and(|t| t.is_word() && !t.cap && !self.grammar.is_stop(t) && !self.grammar.is_cue_word(t));
        // A word or two right before a noun modifies it (a national “chalking” movement).
        noun_follows && (determiner || words <= 2)
    }

    /// `<noun> called|named|dubbed|titled “…”`, `known as “…”`: the marks hold a name, not speech.
    fn naming(&self, para: &Para, r: usize) -> bool {
        let q = para.region_token[r];
        let tokens = para.tokens;
        if q < 2 {
            return false;
        }
        let (verb, noun) = (&tokens[q - 1], &tokens[q - 2]);
        let naming_verb = matches!(
            verb.lower.as_str(),
            "called" | "named" | "dubbed" | "titled" | "entitled" | "nicknamed"
        );
        // "known (here) as “the full Ford”": a name in use, not anyone's words.
        let known_as = verb.lower == "as" && tokens[q.saturating_sub(3)..q - 1].iter().any(|t| t.lower == "known");
        known_as
            || naming_verb
                && noun.is_word()
                && !noun.cap
                && !self.grammar.is_stop(noun)
                && !self.grammar.is_adverb_word(noun)
    }

    /// Full when the quotation stands as a sentence of its own; partial when it is a fragment of the reporter's.
    fn kind(&self, para: &Para, r: usize) -> QuoteKind {
        let q = para.region_token[r];
        let region = &para.regions[r];
        let starts_upper = para.text[region.inner_start..region.inner_end]
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '…' | '.' | '[' | '(' | '‘' | '\''));
        if !starts_upper {
            return QuoteKind::Partial;
        }
        let tokens = para.tokens;
        let Some(prev) = q.checked_sub(1).map(|i| &tokens[i]) else {
            return QuoteKind::Full;
        };
        let opens = prev.sentence != tokens[q].sentence
            || matches!(
                prev.kind,
                Kind::Punct('.' | '?' | '!' | ':' | '—' | '(') | Kind::Quote(_)
            )
            || ((prev.is_punct(',') || prev.is_punct(':'))
                && (q.saturating_sub(5)..q.saturating_sub(1)).any(|s| self.grammar.cue_at(tokens, s) == Some(q - 2)))
            || self.grammar.cue_at(tokens, q - 1).is_some();
        if opens {
            QuoteKind::Full
        } else {
            QuoteKind::Partial
        }
    }
}

/// A body mention of an actor: `(paragraph, start, end, actor)`.
type Mention = (usize, usize, usize, usize);

/// The actor table with its body mentions sorted by paragraph and start.
struct Ctx<'a> {
    actors: &'a ActorTable,
    mentions: &'a [Mention],
}

impl Ctx<'_> {
    /// The actor of a mention overlapping byte range `[start, end)` of body paragraph `p`.
    fn actor_at(&self, p: usize, start: usize, end: usize) -> Option<usize> {
        let list = &self.mentions[self.mentions.partition_point(|m| m.0 < p)..];
        let to = list.partition_point(|&(q, s, _, _)| q == p && s < end);
        list[..to]
            .iter()
            .rev()
            .take(8)
            .find(|&&(_, _, e, _)| start < e)
            .map(|m| m.3)
    }

    /// Index of the actor with id `id`.
    fn index_of(&self, id: &str) -> Option<usize> {
        self.actors.actors.iter().position(|a| a.id == id)
    }
}

/// The quoted words end with a sentence's end inside the marks.
fn inner_terminal(inner: &str) -> bool {
    inner.trim_end().ends_with(['.', '?', '!'])
}

/// Words that stay lower case in a title.
const TITLE_SMALL: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as", "vs", "nor", "but",
];

/// Title Case words without a sentence's end: a title or a name, not speech.
fn is_title(inner: &str) -> bool {
    let inner = inner.trim().trim_end_matches([',', '.', ';', ':']);
    // Nine words at most are split: a ninth already rules a title out (long quotations are common).
    let mut words = [""; 9];
    let mut n = 0;
    for w in inner.split_whitespace().take(9) {
        words[n] = w;
        n += 1;
    }
    let words = &words[..n];
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    let mut capitals = 0;
    for w in words {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(c) = w.chars().next() else { continue };
        if c.is_uppercase() || c.is_ascii_digit() {
            capitals += 1;
        } else if !TITLE_SMALL.contains(&w) {
            return false;
        }
    }
    capitals > 0
        && words.first().is_some_and(|w| {
            w.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| !c.is_lowercase())
        })
}

#[cfg(test)]
mod tests;
