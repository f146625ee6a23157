use super::*;
use crate::brief::QuoteKind;
use proptest::prelude::*;

fn run(paragraphs: &[&str]) -> Vec<Quote> {
    let finder = QuoteFinder::new(&Lexicon::builtin());
    let paragraphs: Vec<String> = paragraphs.iter().map(|s| s.to_string()).collect();
    finder.find(&paragraphs, &ActorTable::default())
}

fn speaker(q: &Quote) -> Option<(&str, &str, SpeakerMethod)> {
    q.speaker
        .as_ref()
        .map(|s| (s.name.as_str(), s.mention.as_str(), s.method))
}

fn slice(text: &str, span: [usize; 2]) -> String {
    text.chars().skip(span[0]).take(span[1] - span[0]).collect()
}

// `“A,” he said. “B.”` is two quotes with one speaker.
#[test]
fn interrupted_quote_two_quotes_one_speaker() {
    let q = run(&["Sung Kim visited Seoul.", "“We are ready,” he said. “We will wait.”"]);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].text, "We are ready");
    assert_eq!(q[1].text, "We will wait");
    assert_eq!(speaker(&q[0]).map(|s| s.1), Some("he"));
    assert_eq!(
        q[0].speaker.as_ref().map(|s| s.name.as_str()),
        q[1].speaker.as_ref().map(|s| s.name.as_str())
    );
    assert_eq!(q[0].kind, QuoteKind::Full);
    assert_eq!(q[0].cue.as_deref(), Some("said"));
}

// `,” said Sen. Susan Collins`: inverted attribution, title stripped from the name.
#[test]
fn inverted_attribution_strips_title() {
    let q = run(&[r#""He's going to have to stop," said Sen. Susan Collins."#]);
    assert_eq!(
        speaker(&q[0]),
        Some(("Susan Collins", "Sen. Susan Collins", SpeakerMethod::Explicit))
    );
}

// `,” <descriptor> <Name> said`: the descriptor goes to the mention, the name to name.
#[test]
fn descriptor_before_name() {
    let q = run(&["“We will compete,” Sanders campaign manager Jeff Weaver said."]);
    assert_eq!(
        speaker(&q[0]),
        Some((
            "Jeff Weaver",
            "Sanders campaign manager Jeff Weaver",
            SpeakerMethod::Explicit
        ))
    );
}

// `<NP> said, “…”`: the speaker before the opening mark.
#[test]
fn speaker_before_opening_mark() {
    let q = run(&["Democratic nominee Hillary Clinton, at a later press gaggle, said, “I’ve been briefed.”"]);
    assert_eq!(q[0].speaker.as_ref().map(|s| s.name.as_str()), Some("Hillary Clinton"));
    assert_eq!(q[0].kind, QuoteKind::Full);
}

// A partial quote belongs to the subject of its clause, and keeps its cue.
#[test]
fn partial_quote_clause_subject() {
    let q = run(&["On June 21, Sung Kim offered to meet with Pyongyang “anywhere, anytime, without preconditions,” and expressed hope."]);
    assert_eq!(q[0].text, "anywhere, anytime, without preconditions");
    assert_eq!(q[0].kind, QuoteKind::Partial);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Sung Kim"));
    assert_eq!(q[0].cue.as_deref(), Some("offered"));
}

// A one-word quote inside a clause with a cue is kept; a surname takes the full name seen before.
#[test]
fn short_quote_with_cue_kept() {
    let q = run(&[
        "First vice-foreign minister Choi Jong-kun told a session.",
        "Choi said it could send a “signal” to the North.",
    ]);
    assert_eq!(q.len(), 1);
    assert_eq!(speaker(&q[0]), Some(("Choi Jong-kun", "Choi", SpeakerMethod::Explicit)));
}

// Scare quotes and titles of one or two words without a cue are not quotes.
#[test]
fn scare_quotes_dropped() {
    assert!(run(&["The so-called “reform” package passed the “Senate floor” today."]).is_empty());
}

// A multiword cue wins over the single verb inside it, and an apposition gives the name.
#[test]
fn statement_saying_apposition() {
    let q = run(&["Pyongyang poured cold water when the leader’s powerful younger sister, Kim Yo-jong, issued a statement saying the talks would “plunge them into a greater disappointment”."]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Kim Yo-jong"));
    assert_eq!(q[0].cue.as_deref(), Some("issued a statement saying"));
}

// A relative pronoun subject takes its antecedent.
#[test]
fn relative_pronoun_antecedent() {
    let q = run(&["Kim was responding to US national security adviser Jake Sullivan, who said the comments were an “interesting signal”."]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Jake Sullivan"));
}

// `according to <NP>` attributes when no cue verb does.
#[test]
fn according_to() {
    let q = run(&["The plan would be “a disaster for everyone,” according to the ministry."]);
    assert_eq!(
        speaker(&q[0]).map(|s| (s.0, s.2)),
        Some(("the ministry", SpeakerMethod::AccordingTo))
    );
}

// The clause's own cue verb wins over a trailing `according to`.
#[test]
fn clause_verb_beats_according_to() {
    let q = run(&["Moon vowed to put ties “on a certain track”, according to Cheong Wa Dae."]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Moon"));
}

// A quotation over two paragraphs is one quote with two segments.
#[test]
fn multi_paragraph_quote() {
    let paras = ["Smith said: “We will go on.", "“And we will win,” he added."];
    let q = run(&paras);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].segments.len(), 2);
    assert_eq!(q[0].text, "We will go on And we will win");
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Smith"));
}

// A paragraph that is only a quote continues the previous paragraph's speaker.
#[test]
fn quote_only_paragraph_continues() {
    let q = run(&["“We are ready,” Jane Doe said.", "“The talks will resume soon.”"]);
    assert_eq!(q.len(), 2);
    assert_eq!(
        speaker(&q[1]).map(|s| (s.0, s.2)),
        Some(("Jane Doe", SpeakerMethod::Context))
    );
}

// A quote with no attribution anywhere has a null speaker.
#[test]
fn no_speaker_is_null() {
    let q = run(&["Crowds waved banners with “no entry for anyone here” in big letters."]);
    assert_eq!(q.len(), 1);
    assert!(q[0].speaker.is_none());
}

// Pronouns resolve to the nearest person of the same gender from the finder's own scan.
#[test]
fn pronoun_gender_from_usage() {
    let q = run(&[
        "Mary Jones met Tom Smith on Monday. She said the talks went well.",
        "“This is a good start,” she said.",
    ]);
    assert_eq!(
        speaker(&q[0]).map(|s| (s.0, s.1, s.2)),
        Some(("Mary Jones", "she", SpeakerMethod::Pronoun))
    );
}

// Apostrophes never open a quote and an unbalanced mark does not cost the next paragraph.
#[test]
fn apostrophes_and_unbalanced() {
    let q = run(&[
        "Clinton’s aide said “it’s over, we are done",
        "“Fine,” Trump’s spokesman Tom Lee said of the ‘deal’.",
    ]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].segments.len(), 2);
}

// Ten thousand quotes in one paragraph stay fast (no quadratic rescans).
#[test]
fn many_quotes_linear() {
    let para = "“We will go,” he said. ".repeat(10_000);
    let start = std::time::Instant::now();
    let q = run(&[&para]);
    assert_eq!(q.len(), 10_000);
    assert!(start.elapsed().as_secs() < 10);
}

proptest! {
    // Word soup with cue words, names, marks and brackets never panics and keeps spans exact.
    #[test]
    fn word_soup_never_panics(paras in proptest::collection::vec(
        "((said|says|he|She|Smith|Kim Jong-un|according to|told reporters|the|a|who|of|one|Sen\\.|U\\.S\\.|called|issued a statement saying|, |\\. |: |“|”|\"|«|»|„|\\(|\\)|é|—|'|’|\\$15|[a-z]{1,6}) ?){0,30}", 0..4)) {
        let refs: Vec<&str> = paras.iter().map(String::as_str).collect();
        for q in run(&refs) {
            let pieces: Vec<String> = q.segments.iter().map(|s| slice(&paras[s.paragraph], s.span)).collect();
            prop_assert_eq!(pieces.join(" "), q.text);
        }
    }

    // Every segment equals its paragraph sliced by chars at its span, and segments joined with spaces equal the text.
    #[test]
    fn segments_match_spans(paras in proptest::collection::vec("[a-zA-Z ,.:“”\"'’«»„A-Z]{0,40}", 0..5)) {
        let refs: Vec<&str> = paras.iter().map(String::as_str).collect();
        for q in run(&refs) {
            let pieces: Vec<String> = q.segments.iter().map(|s| slice(&paras[s.paragraph], s.span)).collect();
            for p in &pieces {
                prop_assert!(!p.is_empty());
                prop_assert_eq!(p.trim(), p.as_str());
            }
            prop_assert_eq!(pieces.join(" "), q.text);
        }
    }
}

// An of-phrase after the name stays in the mention; the name is the part before `of`.
#[test]
fn inverted_with_of_phrase() {
    let q = run(&["“There’s just a passion for Donald,” said Robert Antonacci of the New York delegation."]);
    assert_eq!(
        speaker(&q[0]).map(|s| (s.0, s.1)),
        Some(("Robert Antonacci", "Robert Antonacci of the New York delegation"))
    );
}

// A parenthetical and an apposition between the name and the cue are stepped over.
#[test]
fn parenthetical_and_apposition_after_quote() {
    let q = run(&["“They would just go get them,” Rep. Jim Jordan (R-Ohio), an oversight panel member, said in a phone interview."]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Jim Jordan"));
}

// A short phrase in marks used as a modifier is not a quote.
#[test]
fn attributive_phrase_dropped() {
    assert!(run(&["Democrats said none of the emails reached the “top secret” level."]).is_empty());
}

// A thing named with `called “…”` holds a name, not speech.
#[test]
fn naming_is_not_a_quote() {
    assert!(run(&["It is an adaptation of a show called “Brokers of the Night Sky,” written by a troupe."]).is_empty());
}

// With the real actor table, a description resolves to the canonical actor and its id.
#[test]
fn description_resolves_through_actor_table() {
    let paragraphs = vec![
        "US special representative for North Korea Sung Kim arrived in Seoul.".to_string(),
        "“We support dialogue,” the US envoy said.".to_string(),
    ];
    let lexicon = Lexicon::builtin();
    let doc = crate::document::Document {
        paragraphs: paragraphs.clone(),
        ..Default::default()
    };
    let table = crate::analysis::actors::ActorFinder::new(&lexicon).find(&doc);
    let q = QuoteFinder::new(&lexicon).find(&paragraphs, &table);
    let s = q[0].speaker.as_ref().unwrap();
    assert_eq!((s.name.as_str(), s.mention.as_str()), ("Sung Kim", "the US envoy"));
    assert!(s.actor.as_deref().is_some_and(|id| id.starts_with('p')));
}

// A sentence that ends with its cue introduces the quotation that follows.
#[test]
fn cue_sentence_before_quote() {
    let q =
        run(&["Her friend Brittany Lockwood, 20, a student from Memphis, chimed in. “I did not think I would vote.”"]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Brittany Lockwood"));
}

// "According to" opening a sentence attributes the quotation after it.
#[test]
fn according_to_at_sentence_start() {
    let q = run(&["According to Smith, “the plan is dead and buried.”"]);
    assert_eq!(
        speaker(&q[0]).map(|s| (s.0, s.2)),
        Some(("Smith", SpeakerMethod::AccordingTo))
    );
}

// A one-word sentence after an attributed quote is a quote of the same speaker, not a title.
#[test]
fn one_word_continuation_kept() {
    let q = run(&["“It is over,” said Jane Doe. “Done.”"]);
    assert_eq!(q.len(), 2);
    assert_eq!(
        speaker(&q[1]).map(|s| (s.0, s.2)),
        Some(("Jane Doe", SpeakerMethod::Context))
    );
}

// A gendered role in an earlier attribution lets a later "she" skip the last speaker of unknown gender.
#[test]
fn pronoun_uses_role_gender() {
    let q = run(&[
        "“We disagree,” said spokeswoman Jane Roe.",
        "“We agree,” said Tom Smith.",
        "“Not at all, not one bit,” she said.",
    ]);
    assert_eq!(speaker(&q[2]).map(|s| (s.0, s.1)), Some(("Jane Roe", "she")));
}

// States and institutions are never the person a pronoun stands for; a surname stands for the full name.
#[test]
fn pronoun_skips_states_and_uses_surnames() {
    let q = run(&[
        "The surplus is growing too fast, Deputy Prime Minister Kim Mahn-je said.",
        "Kim, who is also planning minister, met South Korea Trade Association officials.",
        "“We will hold the surplus at five billion dollars,” he said.",
    ]);
    assert_eq!(speaker(&q[0]).map(|s| (s.0, s.1)), Some(("Kim Mahn-je", "he")));
}

// A relative clause after a name with a party parenthetical goes back to the name.
#[test]
fn relative_after_parenthetical() {
    let q = run(&["He echoed Sen. Ron Johnson (R-Wis.), who told a newspaper that she could be impeached for “willful concealment and destruction” soon."]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Ron Johnson"));
}

// "it added" after an institution's quote speaks for that institution.
#[test]
fn it_continues_an_institution() {
    let paragraphs = vec!["“The drill is a provocation,” said KCNA. “It deserves punishment,” it added.".to_string()];
    let lexicon = Lexicon::builtin();
    let doc = crate::document::Document {
        paragraphs: paragraphs.clone(),
        ..Default::default()
    };
    let table = crate::analysis::actors::ActorFinder::new(&lexicon).find(&doc);
    let q = QuoteFinder::new(&lexicon).find(&paragraphs, &table);
    let s = q[1].speaker.as_ref().unwrap();
    assert_eq!((s.name.as_str(), s.mention.as_str()), ("KCNA", "it"));
}

// A paragraph ending with a colon introduces the quotation that opens the next paragraph.
#[test]
fn colon_paragraph_introduces_next_quote() {
    let q = run(&[
        "The governor met farmers in the north on Friday. In a radio address, he declared:",
        "“We will rebuild every bridge the floods took.”",
    ]);
    assert_eq!(speaker(&q[0]).map(|s| (s.1, s.2)), Some(("he", SpeakerMethod::Pronoun)));
    assert_eq!(q[0].cue.as_deref(), Some("declared"));
    // Without a cue verb, the subject of the introducing clause speaks.
    let q = run(&[
        "After the vote, Finance Minister Anna Berg issued the following statement:",
        "“Today the house chose stability over chaos.”",
    ]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Anna Berg"));
}

// After a quotation that ends its sentence, the next sentence's report is not its attribution.
#[test]
fn sentence_final_quote_keeps_its_own_speaker() {
    let q = run(&[
        "Mayor Lisa Grant called the plan “a real step forward.” But council members said the costs would rise.",
    ]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Lisa Grant"));
    let q = run(&[
        "The reporter asked Tom Hale, “Would you run again?” He answered, “Not this year.”",
        "“It is too early,” Hale said. “We have work to do.” Jane Park said she would run.",
    ]);
    assert_eq!(speaker(&q[0]).map(|s| s.1), Some("The reporter"));
    assert_eq!(speaker(&q[1]).map(|s| (s.1, s.2)), Some(("He", SpeakerMethod::Pronoun)));
    assert_eq!(speaker(&q[3]).map(|s| s.0), Some("Tom Hale"));
}

// A person who opens the sentence after the last quotation is whom the next pronoun names,
// but "he added" carries on the previous speaker and a cue's object never speaks.
#[test]
fn pronoun_prefers_new_sentence_subject() {
    let q = run(&[
        "“The bill is dead,” said Senator Paul Ward of Ohio.",
        "Governor Mark Stone disagreed.",
        "“It will pass this month,” he said.",
    ]);
    assert_eq!(speaker(&q[1]).map(|s| (s.0, s.1)), Some(("Mark Stone", "he")));
    let q = run(&[
        "“The bill is dead,” said Senator Paul Ward of Ohio.",
        "Governor Mark Stone has promised a veto.",
        "“And it will stay dead,” he added.",
    ]);
    assert_eq!(speaker(&q[1]).map(|s| s.0), Some("Paul Ward"));
    let q = run(&[
        "“The bill is dead,” said Senator Paul Ward of Ohio.",
        "Reporter Mark Stone asked Ward about the veto.",
        "“It will stay dead,” he told Stone.",
    ]);
    assert_eq!(speaker(&q[1]).map(|s| s.0), Some("Paul Ward"));
}

// Participles take the clause's subject past prepositions: "by saying", "on Twitter writing".
#[test]
fn participle_after_preposition_takes_clause_subject() {
    let q = run(&["Senator Ann Holt ended the debate by saying, “We have heard enough.”"]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Ann Holt"));
    let q = run(&["Ann Holt posted a message on Twitter reading “Thank you, Ohio.”"]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Ann Holt"));
    let q = run(&["Band member Joe Rand shared the news last week, writing “We are going on tour again.”"]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Joe Rand"));
}

// Speakers written before their name, inverted at the sentence start, after "who" or as "another".
#[test]
fn varied_speaker_phrases() {
    let q = run(&["“She was always kind to us,” another friend, Maria Lopez told reporters."]);
    assert_eq!(
        speaker(&q[0]).map(|s| (s.0, s.1)),
        Some(("Maria Lopez", "another friend, Maria Lopez"))
    );
    let q = run(&["Said Dora Finch, who grew up on the street, “We were all so proud.”"]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Dora Finch"));
    let q = run(&["The tweet came from Rita Wells who wrote, “Nobody here follows the rules.”"]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Rita Wells"));
    let q = run(&["Another tweeted, “The debate was a circus from start to finish.”"]);
    assert_eq!(speaker(&q[0]).map(|s| s.1), Some("Another"));
    let q = run(&["After the vote, Ms. Hale shot back, “I suppose we will see in November.”"]);
    assert_eq!(q[0].cue.as_deref(), Some("shot back"));
    let q = run(&["Sen. Ray Dunn (D-Ill.), noting the size of the crowd, said, “This is a movement now.”"]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Ray Dunn"));
}

// A description in apposition to the name stays in the mention; the name is the name.
#[test]
fn apposition_mention_keeps_description() {
    let q = run(&["In a statement, her senior policy adviser, Tom Baker, said: “She values a strong alliance.”"]);
    assert_eq!(
        speaker(&q[0]).map(|s| (s.0, s.1)),
        Some(("Tom Baker", "her senior policy adviser, Tom Baker"))
    );
}

// "Editor’s note" is a noun; after a sentence-final quotation, "He said Clinton would …" is a new report.
#[test]
fn nouns_and_new_reports_are_not_attributions() {
    let q = run(&["“We are ready,” Mary Cole said. “It is time.”Editor’s note: the story was updated."]);
    assert_eq!(speaker(&q[1]).map(|s| s.0), Some("Mary Cole"));
    let q = run(&["Governor Dan Reese interjected: “It is just not true.” He said Cole would not go far enough."]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Dan Reese"));
}

// A cue inside the reported clause of an earlier cue reports the earlier speaker's words.
#[test]
fn outer_cue_owns_quote_in_reported_clause() {
    let q = run(&[
        "Envoy Sara Lind stressed that the two countries agree on a shared goal of “lasting peace on the peninsula”.",
    ]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Sara Lind"));
    assert_eq!(q[0].cue.as_deref(), Some("stressed"));
}

// Time words between subject and cue, a name with its description before a colon, and
// "agreed" as a cue of its own.
#[test]
fn time_words_descriptions_and_agreement() {
    let q = run(&["Priebus later Thursday told Fox News: “Both men are meeting next week.”"]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Priebus"));
    let q = run(&["Jeremy Lott, author: “I am sick of being told whom to vote for.”"]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Jeremy Lott"));
    let q = run(&["State pollster Dana Bright agreed. “Mainstream candidates are running out of time.”"]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Dana Bright"));
    let q = run(&["The ad shows footage of Mayor Ann Cole asking, “Why are we not ahead?”"]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Ann Cole"));
}

// The object of a place preposition before the cue is not its subject.
#[test]
fn place_object_is_not_the_speaker() {
    let q = run(&["Protesters marching through the streets chanted “What curfew?” and kept going."]);
    assert_ne!(speaker(&q[0]).map(|s| s.1), Some("the streets"));
}

// The subject of a passive cue is the one asked, not the speaker; the answer keeps its own.
#[test]
fn passive_cue_subject_is_not_the_speaker() {
    let q = run(&["Mayor Tom Reed was asked, “Will you run again?” He replied, “Not this time.”"]);
    assert!(q[0].speaker.is_none());
    assert_eq!(speaker(&q[1]).map(|s| s.1), Some("He"));
    let q = run(&["“Is the bridge safe?” Ann Ford was asked on Monday."]);
    assert!(q[0].speaker.is_none());
    let q = run(&["Ann Ford was quoted as saying, “The bridge is safe.”"]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Ann Ford"));
}

// A cue right at the marks wins over an earlier cue whose reported clause holds it.
#[test]
fn adjacent_cue_beats_outer_reported_clause() {
    let q = run(&["Ann Ford said that the figures were wrong, to which Tom Reed replied: “They are right.”"]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Tom Reed"));
}

// A passive cue away from the marks, or raising a verb ("is said to have called"), keeps its subject.
#[test]
fn passive_cues_that_keep_their_subject() {
    let q = run(&["Governor Ann Ford is said to have called the plan “a waste of money.”"]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Ann Ford"));
    let q = run(&["She said that her team would continue “to fight for every vote” this year."]);
    assert_eq!(speaker(&q[0]).map(|s| s.1), Some("She"));
}

// A participle after a subordinate clause belongs to that clause's subject, and a relative
// pronoun's to its antecedent.
#[test]
fn participle_takes_nearest_clause_subject() {
    let q = run(&["Mayor Ann Ford spoke near the mill, where about 40 workers had gathered, chanting “fair pay now”."]);
    assert_eq!(speaker(&q[0]).map(|s| s.1), Some("about 40 workers"));
    let q = run(&["Ann Ford campaigned for a local teacher named Tom Reed, who is running for mayor and who greeted the crowd, praising “the best town in the state.”"]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Tom Reed"));
}

// A past form after the clause's subject is its verb, not part of the speaker's phrase.
#[test]
fn clause_subject_stops_at_its_verb() {
    let q = run(&["The former mayor began by calling the plan “a gift to developers”."]);
    assert_eq!(speaker(&q[0]).map(|s| s.1), Some("The former mayor"));
}

// Coordinated roles and an institution after a role's "of" are a description, not a name; a
// bare role phrase after a comma is an apposition to the name before it.
#[test]
fn role_of_institution_is_a_description() {
    let q = run(&["“We will act,” the former secretary of State said."]);
    assert_eq!(
        speaker(&q[0]).map(|s| (s.0, s.2)),
        Some(("the former secretary of State", SpeakerMethod::Description))
    );
    let q = run(&["Ann Lee, president and CEO of the Ohio Growers Association stated, “Prices will rise.”"]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Ann Lee"));
    let q = run(&["“Prices will rise,” said Secretary of Commerce Ann Lee."]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Ann Lee"));
}

// "The director of the agency said": the director speaks, not the agency.
#[test]
fn role_of_the_institution_speaks() {
    let q = run(&["“The review is complete,” the director of the Weather Service said."]);
    assert_eq!(speaker(&q[0]).map(|s| s.1), Some("the director of the Weather Service"));
}

// A name in use ("known as") is not a quote; a cue word after a preposition is a noun, so a
// colon introduction names the speaker; "one of those advisers" is a speaker phrase.
#[test]
fn names_in_use_nouns_after_prepositions_and_partitives() {
    assert!(run(&["The tactic, known here as “the long march” after its author, works."]).is_empty());
    let q = run(&["Ann Lee attacked the council in a series of tweets: “The council does nothing!”"]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Ann Lee"));
    let q = run(&["“There is no way back,” said one of those advisers, who asked not to be named."]);
    assert_eq!(speaker(&q[0]).map(|s| s.1), Some("one of those advisers"));
}

// Adjectives set off by a comma stay in the speaker's phrase; after a quotation that ends its
// sentence, a sentence with a verb of its own is not the attribution.
#[test]
fn comma_adjectives_and_new_statements() {
    let q = run(&["“We will rebuild,” the soft-spoken, 64-year-old mayor said."]);
    assert_eq!(speaker(&q[0]).map(|s| s.1), Some("the soft-spoken, 64-year-old mayor"));
    let q = run(&[
        "Ann Lee asked: “Is Rand Hill off Main Street?” Rand Hill is a gift shop in Dayton, according to its website.",
    ]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Ann Lee"));
}

// A relative pronoun's antecedent keeps its prepositional phrase: the colleague speaks, not the Senate.
#[test]
fn antecedent_with_prepositional_phrase() {
    let q = run(&[
        "She wrote about a colleague in the Senate who stopped her in a hallway and told her, “You look tired.”",
    ]);
    assert_eq!(speaker(&q[0]).map(|s| s.1), Some("a colleague in the Senate"));
}

// "put it" reports speech only when it ends its clause ("as she put it"), not with an object.
#[test]
fn put_it_is_a_cue_only_at_the_clause_end() {
    let q = run(&[
        "“Paper is fine,” said Ann Lee, who was sorting the files and putting it into boxes: “Nobody reads them.”",
    ]);
    assert_ne!(q[1].cue.as_deref(), Some("putting it"));
    let q = run(&["As Ann Lee put it in a letter, “Nobody reads them.”"]);
    assert_eq!(speaker(&q[0]).map(|s| s.0), Some("Ann Lee"));
}
