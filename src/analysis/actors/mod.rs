//! Actors: people, organisations, states and places, found with rules and
//! gazetteers, each once under its canonical name with its aliases and the
//! positions of its mentions (for speaker resolution).
//!
//! Stages: `tokens` splits each text (headline, captions, paragraphs) into
//! words with byte offsets; `scan` walks them once, splitting capitalised
//! runs into gazetteer hits (states, capitals, cities, known organisations and
//! people), organisation names (head words such as "Ministry", "Corp"), and
//! name candidates with the evidence for them (Korean name shapes, given
//! names, titles, roles before the name or in an apposition after it), plus
//! descriptions ("the minister", "the foreign ministry", "the North") and
//! pronouns; `build` links them: full names first, then bare surnames to the
//! one compatible person, descriptions to the latest person whose stated role
//! fits, and pronouns to genders. All word lists come from the lexicon and are
//! compiled once in [`ActorFinder::new`].

mod build;
mod gazetteer;

pub(crate) use gazetteer::FastMap;
mod scan;
mod tokens;

use crate::analysis::text::Body;
use crate::brief::{Actor, ActorKind, Quote};
use crate::document::Document;
use crate::lexicon::Lexicon;
use gazetteer::Gazetteer;
use std::sync::Arc;

/// Compiled gazetteers and name patterns: built once, shared by every article.
pub struct ActorFinder {
    gaz: Arc<Gazetteer>,
}

/// Grammatical gender of a person, from titles, given names and the pronouns the article uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// How a mention refers to its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionForm {
    /// The full or a fuller name ("Sung Kim", "Kim Jong-un").
    Name,
    /// A bare surname or part of the name ("Kim", "Moon").
    Surname,
    /// A description or title ("the US envoy", "the minister").
    Description,
}

/// Where a mention stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Headline,
    Caption(usize),
    /// A body paragraph index.
    Body(usize),
}

/// One mention of an actor: byte offsets `[start, end)` within its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Index into `ActorTable::actors`.
    pub actor: usize,
    pub place: Place,
    pub start: usize,
    pub end: usize,
    pub form: MentionForm,
}

/// The actors of one article and where each is mentioned.
#[derive(Debug, Clone, Default)]
pub struct ActorTable {
    pub actors: Vec<Actor>,
    /// Per actor (same index), the gender when known.
    pub genders: Vec<Option<Gender>>,
    /// Every mention, in document order (headline, captions, body).
    pub mentions: Vec<Mention>,
    /// Per actor (same index), what resolution needs: name words, roles, affiliation.
    pub details: Vec<ActorDetail>,
    gaz: Option<Arc<Gazetteer>>,
}

/// What the finder knows of an actor beyond the brief's fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorDetail {
    /// Name words, lower case, hyphens as spaces ("kim jong un").
    pub words: Vec<String>,
    /// The family name, lower case, for people.
    pub surname: Option<String>,
    /// Title indices of the roles the article gives (internal to the lexicon).
    pub titles: Vec<usize>,
    /// The state index of the affiliation, or of a state actor itself.
    pub state: Option<usize>,
}

impl ActorFinder {
    pub fn new(lexicon: &Lexicon) -> Self {
        ActorFinder {
            gaz: Arc::new(Gazetteer::new(lexicon)),
        }
    }

    /// Finds the actors of a document.
    pub fn find(&self, doc: &Document) -> ActorTable {
        self.find_in(doc, &Body::new(&doc.paragraphs))
    }

    /// Finds the actors of a document whose body (`doc.paragraphs`) is already split into sentences.
    pub fn find_in(&self, doc: &Document, body: &Body) -> ActorTable {
        build::find(&self.gaz, doc, body)
    }
}

impl ActorTable {
    /// The brief's `actors`, with quote counts taken from `quotes`.
    pub fn to_actors(&self, quotes: &[Quote]) -> Vec<Actor> {
        let mut actors = self.actors.clone();
        for actor in &mut actors {
            actor.quotes = quotes
                .iter()
                .filter(|q| q.speaker.as_ref().and_then(|s| s.actor.as_deref()) == Some(actor.id.as_str()))
                .count();
        }
        actors
    }

    /// Names of the people and organisations mentioned in caption `i` (states and places there are
    /// mostly adjectives and settings: "his US counterpart", "in Seoul").
    pub fn names_in_caption(&self, i: usize) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        let who = |a: usize| matches!(self.actors[a].kind, ActorKind::Person | ActorKind::Organization);
        for m in self
            .mentions
            .iter()
            .filter(|m| m.place == Place::Caption(i) && who(m.actor))
        {
            let name = &self.actors[m.actor].name;
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
        names
    }

    /// Mentions in body paragraph `paragraph`, in order.
    pub fn mentions_in(&self, paragraph: usize) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().filter(move |m| m.place == Place::Body(paragraph))
    }

    /// The actor a mention overlapping byte range `[start, end)` of body paragraph `paragraph` refers to.
    pub fn actor_at(&self, paragraph: usize, start: usize, end: usize) -> Option<usize> {
        self.mentions_in(paragraph)
            .find(|m| m.start < end && start < m.end)
            .map(|m| m.actor)
    }

    /// Resolves words as written ("Sung Kim", "Kim", "the minister", "the US envoy") at
    /// byte offset `at` of body paragraph `paragraph` to an actor of kind `kind`: the
    /// article's most recent compatible actor before that point. `None` when unsure.
    pub fn resolve(&self, words: &str, paragraph: usize, at: usize, kind: Option<ActorKind>) -> Option<usize> {
        build::resolve(self, self.gaz.as_deref()?, words, paragraph, at, kind)
    }

    /// Gender of actor `index`, when known.
    pub fn gender(&self, index: usize) -> Option<Gender> {
        self.genders.get(index).copied().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::LazyLock;

    static FINDER: LazyLock<ActorFinder> = LazyLock::new(|| ActorFinder::new(&Lexicon::builtin()));

    fn table(paragraphs: &[&str]) -> ActorTable {
        let doc = Document {
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            ..Document::default()
        };
        FINDER.find(&doc)
    }

    fn actor<'a>(t: &'a ActorTable, name: &str) -> Option<&'a Actor> {
        t.actors.iter().find(|a| a.name == name)
    }

    fn people(t: &ActorTable) -> Vec<&str> {
        t.actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person)
            .map(|a| a.name.as_str())
            .collect()
    }

    // A Korean name with a hyphenated given name is a person, and a later bare surname links to it.
    #[test]
    fn korean_name_and_surname() {
        let t = table(&[
            "Unification minister Lee In-young met officials.",
            "Lee said talks would resume.",
        ]);
        assert_eq!(people(&t), ["Lee In-young"]);
        assert_eq!(actor(&t, "Lee In-young").unwrap().mentions, 2);
    }

    // Two people sharing a surname stay apart, and an ambiguous bare "Kim" merges with neither.
    #[test]
    fn shared_surname_stays_apart() {
        let t = table(&["Kim Yo-jong criticised Sung Kim.", "Kim did not reply."]);
        assert_eq!(people(&t), ["Kim Yo-jong", "Sung Kim"]);
        assert!(t.mentions.iter().all(|m| m.place != Place::Body(1)));
    }

    // Western-order Korean names keep their order: "Woong-Bae Rha".
    #[test]
    fn western_order_korean_name() {
        let t = table(&["The report was written by Woong-Bae Rha, a researcher."]);
        assert_eq!(people(&t), ["Woong-Bae Rha"]);
    }

    // A role before the name is kept without the state, which becomes the affiliation.
    #[test]
    fn role_and_affiliation_before_name() {
        let t = table(&["He met US special representative for North Korea Sung Kim in Seoul."]);
        let a = actor(&t, "Sung Kim").unwrap();
        assert_eq!(a.roles, ["special representative for North Korea"]);
        assert_eq!(a.affiliation.as_deref(), Some("United States"));
    }

    // An apposition after the name gives the role: "Noh Kyu-duk, South Korea's special representative …,".
    #[test]
    fn role_from_apposition() {
        let t = table(&["Noh Kyu-duk (right), South Korea's special representative for Peace Affairs, spoke."]);
        let a = actor(&t, "Noh Kyu-duk").unwrap();
        assert_eq!(a.roles, ["special representative for Peace Affairs"]);
        assert_eq!(a.affiliation.as_deref(), Some("South Korea"));
    }

    // A given name from the list starts a Western name; the title before it is the role.
    #[test]
    fn western_name_with_title() {
        let t = table(&["US national security adviser Jake Sullivan spoke."]);
        assert_eq!(actor(&t, "Jake Sullivan").unwrap().roles, ["national security adviser"]);
        assert_eq!(t.gender(0).or(t.gender(1)), Some(Gender::Male));
    }

    // "US" in capitals is the United States, not the pronoun "us".
    #[test]
    fn us_is_a_state() {
        let t = table(&["The US and South Korea agreed. US officials said so."]);
        assert_eq!(actor(&t, "United States").unwrap().mentions, 2);
    }

    // Capitals acting are their states; a capital after "in" is a place.
    #[test]
    fn capital_metonymy_and_place() {
        let t = table(&["Pyongyang rejected the offer made in Seoul."]);
        assert_eq!(actor(&t, "North Korea").unwrap().kind, ActorKind::State);
        assert_eq!(actor(&t, "Seoul").unwrap().kind, ActorKind::Place);
    }

    // "the North" stands for North Korea only when the article names North Korea.
    #[test]
    fn the_north_needs_the_state() {
        assert!(actor(&table(&["Talks with the North stalled."]), "North Korea").is_none());
        let t = table(&["North Korea fired a missile.", "Talks with the North stalled."]);
        assert_eq!(actor(&t, "North Korea").unwrap().mentions, 2);
    }

    // A lower-case organisation description takes the state stated with it.
    #[test]
    fn ministry_with_state() {
        let t = table(&["the South’s foreign ministry said on Monday that the ministry would reply."]);
        let a = actor(&t, "South Korean foreign ministry").unwrap();
        assert_eq!(a.kind, ActorKind::Organization);
        assert_eq!(a.mentions, 2);
    }

    // Capitalised runs with an organisation head are organisations, extended through "of".
    #[test]
    fn organisation_heads() {
        let t = table(&["The Ministry of Unification and Korea Electric Power Corp (Kepco) agreed. Kepco said so."]);
        assert_eq!(
            actor(&t, "Ministry of Unification").unwrap().kind,
            ActorKind::Organization
        );
        assert_eq!(
            actor(&t, "Korea Electric Power Corp").unwrap().kind,
            ActorKind::Organization
        );
        assert!(people(&t).is_empty());
    }

    // Months, weekdays and sentence-initial function words are not people.
    #[test]
    fn no_junk_people() {
        let t = table(&["On Monday, The Working Group met. In June Better Idea won. During March nothing happened."]);
        assert!(people(&t).is_empty(), "{:?}", people(&t));
    }

    // A widely known person named by surname alone is a person, possessive included.
    #[test]
    fn known_surname_only() {
        let t = table(&["He reaffirmed Biden’s support."]);
        assert_eq!(people(&t), ["Biden"]);
    }

    // resolve: descriptions link to the latest person whose stated role fits, with the state when given.
    #[test]
    fn resolves_descriptions() {
        let p = [
            "Visiting US special representative Sung Kim met unification minister Lee In-young.",
            "Later the minister and the US envoy spoke.",
        ];
        let t = table(&p);
        let sung = t.actors.iter().position(|a| a.name == "Sung Kim");
        let lee = t.actors.iter().position(|a| a.name == "Lee In-young");
        assert_eq!(t.resolve("the minister", 1, 6, None), lee);
        assert_eq!(t.resolve("the US envoy", 1, 24, Some(ActorKind::Person)), sung);
        assert_eq!(t.resolve("the president", 1, 6, None), None);
    }

    // resolve: a bare surname needs one fitting person; capitals resolve to their state.
    #[test]
    fn resolves_names_and_states() {
        let t = table(&[
            "Kim Jong-un and Moon Jae-in met in Pyongyang.",
            "Pyongyang said Moon and Kim agreed.",
        ]);
        let moon = t.actors.iter().position(|a| a.name == "Moon Jae-in");
        let nk = t.actors.iter().position(|a| a.name == "North Korea");
        assert_eq!(t.resolve("Moon", 1, 15, None), moon);
        assert_eq!(t.resolve("Pyongyang", 1, 0, Some(ActorKind::State)), nk);
    }

    // Gender comes from the pronouns that follow a person's mentions.
    #[test]
    fn gender_from_pronouns() {
        let t = table(&["Choi Jong-kun spoke. She said talks would go on."]);
        let i = t.actors.iter().position(|a| a.name == "Choi Jong-kun").unwrap();
        assert_eq!(t.gender(i), Some(Gender::Female));
    }

    // The common-word list is loaded and answers plurals too.
    #[test]
    fn common_words_loaded() {
        let g = &FINDER.gaz;
        assert!(g.is_common("welfare") && g.is_common("affairs") && !g.is_common("sullivan"));
    }

    // Acronyms used twice are organisations; once, they are left alone.
    #[test]
    fn acronyms_twice() {
        let t = table(&[
            "The DAB won seats in the election held in the city.",
            "The DAB said it was pleased with the result, while the ZQX did not comment.",
        ]);
        assert_eq!(actor(&t, "DAB").unwrap().kind, ActorKind::Organization);
        assert!(actor(&t, "ZQX").is_none());
    }

    // Actors are listed by kind: people, organisations, states, places.
    #[test]
    fn listed_by_kind() {
        let t = table(&["In Seoul, North Korea and the foreign ministry met Sung Kim."]);
        let kinds: Vec<ActorKind> = t.actors.iter().map(|a| a.kind).collect();
        let mut sorted = kinds.clone();
        sorted.sort_by_key(|k| *k as u8);
        assert_eq!(kinds, sorted);
        assert_eq!(t.actors[0].id, "p1");
    }

    // A bare word of an organisation's name is that organisation, not a person: "Goldstar said".
    #[test]
    fn org_word_is_not_a_person() {
        let t = table(&[
            "Goldstar Precision Co Ltd makes cameras.",
            "Goldstar said exports rose.",
        ]);
        assert!(people(&t).is_empty());
        assert_eq!(actor(&t, "Goldstar Precision Co Ltd").unwrap().mentions, 2);
    }

    // A known company followed by its legal suffix keeps its known name.
    #[test]
    fn known_company_with_suffix() {
        let t = table(&["Samsung Electronics Co Ltd and Samsung agreed."]);
        let orgs: Vec<&str> = t.actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(orgs, ["Samsung"]);
    }

    // resolve: a full name after a title, the ministry, and an ambiguous bare "Kim" (None).
    #[test]
    fn resolves_titled_names_and_ambiguity() {
        let p = [
            "Kim Yo-jong and Kim Jong-un met President Moon Jae-in; the foreign ministry said so.",
            "President Moon Jae-in thanked Kim, and the ministry agreed.",
        ];
        let t = table(&p);
        let moon = t.actors.iter().position(|a| a.name == "Moon Jae-in");
        let ministry = t.actors.iter().position(|a| a.name == "foreign ministry");
        assert_eq!(t.resolve("President Moon Jae-in", 1, 0, None), moon);
        assert_eq!(t.resolve("Kim", 1, 35, Some(ActorKind::Person)), None);
        assert_eq!(t.resolve("the ministry", 1, 45, None), ministry);
        assert!(ministry.is_some());
    }

    // Photo credits are not actors: a name beside a slash, or after "Image:".
    #[test]
    fn credits_are_not_actors() {
        let t = table(&[
            "Moon Jae-in speaks in Seoul. Anthony Wallace / AFP - Getty Images",
            "The ship at sea. Image: Jane Doe Smith.",
        ]);
        assert_eq!(people(&t), ["Moon Jae-in"]);
    }

    // In a title-case headline, name shapes are found inside the long capitalised run, and single
    // words only link to people the body names.
    #[test]
    fn title_case_headline() {
        let doc = Document {
            headline: Some("Kim Jong Un Meets Putin In Vladivostok As Moon Watches".into()),
            paragraphs: vec!["Kim Jong Un met Vladimir Putin. South Korean President Moon Jae-in said little.".into()],
            ..Document::default()
        };
        let t = FINDER.find(&doc);
        assert_eq!(people(&t), ["Kim Jong Un", "Vladimir Putin", "Moon Jae-in"]);
        let in_headline = |m: &&Mention| m.place == Place::Headline && t.actors[m.actor].kind == ActorKind::Person;
        assert_eq!(t.mentions.iter().filter(in_headline).count(), 3);
    }

    // "the Monti government" makes Monti a person; "the Korean government" does not.
    #[test]
    fn leader_of_government() {
        let t = table(&["Taxes rose under the Monti government, and the Korean government agreed."]);
        assert_eq!(people(&t), ["Monti"]);
    }

    // Bylined authors are not actors, even when a tagline in the body names them.
    #[test]
    fn authors_are_not_actors() {
        let doc = Document {
            byline: Some(crate::brief::Byline {
                authors: vec!["Stella Kim".into()],
                agency: None,
                text: "By Stella Kim".into(),
            }),
            paragraphs: vec!["Lee Jae-myung spoke.".into(), "Stella Kim reported from Seoul.".into()],
            ..Document::default()
        };
        assert_eq!(people(&FINDER.find(&doc)), ["Lee Jae-myung"]);
    }

    fn kind_of(t: &ActorTable, name: &str) -> Option<ActorKind> {
        actor(t, name).map(|a| a.kind)
    }

    // A noun of kind before an unknown name types it: a magazine is an organisation, a mosque a place.
    #[test]
    fn noun_of_kind_types_the_name() {
        let t = table(&[
            "The secularist magazine Nordwind Review called the ruling historic.",
            "Pilgrims gathered near the old mosque Masjid Qiblatain on Friday.",
        ]);
        assert!(people(&t).is_empty());
        assert_eq!(kind_of(&t, "Nordwind Review"), Some(ActorKind::Organization));
        assert_eq!(kind_of(&t, "Masjid Qiblatain"), Some(ActorKind::Place));
    }

    // A determiner before unknown capitalised words ("the Silver Order") or an apposition with "its" says they do
    // not name a person; one word after "the" may still be a family.
    #[test]
    fn determiner_or_its_apposition_is_not_a_person() {
        let t = table(&[
            "He left the Silver Order after a year.",
            "Opera Neon, its main rival, gained users.",
            "She is a Nobel Prize-winner.",
        ]);
        assert!(people(&t).is_empty(), "{:?}", people(&t));
    }

    // One unknown word before the head of an organisation's description is an organisation.
    #[test]
    fn word_before_organisation_head_is_an_organisation() {
        let t = table(&[
            "He called the Zentrix organization twice.",
            "Zentrix declined to comment.",
        ]);
        assert!(people(&t).is_empty());
        assert_eq!(kind_of(&t, "Zentrix"), Some(ActorKind::Organization));
    }

    // An adjective opening a sentence is not part of a name, so a real name after it still counts.
    #[test]
    fn sentence_opening_adjective_is_not_a_name() {
        let t = table(&[
            "Cheerful Volunteers wave flags.",
            "Grateful Chan Ka-ming thanked voters.",
        ]);
        assert_eq!(people(&t), ["Chan Ka-ming"]);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    static FINDER: LazyLock<ActorFinder> = LazyLock::new(|| ActorFinder::new(&Lexicon::builtin()));

    proptest! {
        // Any text: no panic, and every mention's byte range is inside its text on character boundaries.
        #[test]
        fn mentions_are_valid_ranges(text in "(\\PC|[A-Z][a-z]+|Kim|Jong-un|the North|’s| |\\.|,){0,60}") {
            let doc = Document { headline: Some(text.clone()), paragraphs: vec![text.clone()], ..Document::default() };
            let t = FINDER.find(&doc);
            for m in &t.mentions {
                prop_assert!(m.start < m.end && m.end <= text.len());
                prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                prop_assert!(m.actor < t.actors.len());
            }
            let _ = t.resolve(&text, 0, text.len(), None);
        }
    }
}
