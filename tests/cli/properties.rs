//! Properties of `parse` on arbitrary text.

use korea_brief::analysis::Analyzer;
use korea_brief::lexicon::Lexicon;
use proptest::prelude::*;
use std::sync::LazyLock;

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(|| Analyzer::new(&Lexicon::builtin()));

/// Text made of article-like pieces, so quotes, names, dates and layout lines actually occur.
fn articleish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("’".to_string()),
        Just("\n\n".to_string()),
        Just("\n    ".to_string()),
        Just(" said Kim Jong-un. ".to_string()),
        Just(", he said on Monday. ".to_string()),
        Just("SEOUL, Aug. 20 (Yonhap) -- ".to_string()),
        Just("By Jane Doe\n".to_string()),
        Just("Content image - Site\n".to_string()),
        Just(" last week in June 2021 ".to_string()),
        "[A-Za-z ,.]{0,30}",
        any::<String>(),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Parsing never panics, and the brief round-trips through JSON.
    #[test]
    fn never_panics_and_round_trips(text in articleish()) {
        let brief = korea_brief::parse_text(&text, "x.txt", &ANALYZER, None);
        let json = serde_json::to_string(&brief).unwrap();
        let back: korea_brief::brief::Brief = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, brief);
    }

    /// Every quote segment is `body[paragraph]` at its code-point span, and the segments
    /// joined with spaces are the quote's text.
    #[test]
    fn quote_segments_slice_the_body(text in articleish()) {
        let brief = korea_brief::parse_text(&text, "x.txt", &ANALYZER, Some(chrono::NaiveDate::from_ymd_opt(2021, 6, 23).unwrap()));
        for quote in &brief.quotes {
            let mut pieces = Vec::new();
            for seg in &quote.segments {
                let para = &brief.body[seg.paragraph];
                let piece: String = para.chars().skip(seg.span[0]).take(seg.span[1] - seg.span[0]).collect();
                prop_assert!(seg.span[1] <= para.chars().count());
                pieces.push(piece);
            }
            prop_assert_eq!(pieces.join(" "), quote.text.clone());
        }
        for date in brief.dates.iter().filter(|d| d.paragraph.is_some()) {
            let para = &brief.body[date.paragraph.unwrap()];
            let span = date.span.unwrap();
            let piece: String = para.chars().skip(span[0]).take(span[1] - span[0]).collect();
            prop_assert_eq!(piece, date.text.clone());
        }
    }
}
