//! The date finder and normaliser on any text, with and without a reference date: no panic, and
//! every expression's byte and code-point spans name exactly its text.
#![no_main]

use chrono::NaiveDate;
use korea_brief::analysis::dates::DateFinder;
use korea_brief::lexicon::Lexicon;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static FINDER: LazyLock<DateFinder> = LazyLock::new(|| DateFinder::new(&Lexicon::builtin()));

fuzz_target!(|text: &str| {
    let reference = NaiveDate::from_ymd_opt(2021, 6, 23);
    for reference in [reference, None] {
        for expr in FINDER.find(text, reference) {
            assert!(expr.start <= expr.end && expr.end <= text.len(), "{expr:?}");
            assert_eq!(text.get(expr.start..expr.end), Some(expr.text.as_str()), "{expr:?}");
            assert_eq!(text[..expr.start].chars().count(), expr.char_start, "{expr:?}");
            assert_eq!(expr.char_end - expr.char_start, expr.text.chars().count(), "{expr:?}");
            expr.day();
        }
    }
});
