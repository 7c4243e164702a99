//! The seed articles, tagged with no publication date given: what the time stage must find in
//! real news before later stages infer publication dates.

mod common;

use common::seed_text as seed;

/// (text, TIMEX3 value) of every expression found.
fn tagged(stem: &str) -> Vec<(String, String)> {
    let text = seed(stem);
    dateline::tag(&text, None)
        .into_iter()
        .map(|t| (text[t.start..t.end].to_owned(), t.value.timex()))
        .collect()
}

fn has(found: &[(String, String)], text: &str, value: &str) -> bool {
    found.iter().any(|(t, v)| t == text && v == value)
}

#[test]
fn explicit_dates_and_narrative_relatives_resolve_without_a_publication_date() {
    let found = tagged("003_ee77a87f937499ff");
    for (text, value) in [
        ("September 10, 2022", "2022-09-10"),
        ("September 12, 2022", "2022-09-12"),
        ("The day after", "2022-09-13"),
        ("September 14, 2022", "2022-09-14"),
        ("December 1987", "1987-12"),
        ("the late 2000s", "200"),
        ("2006", "2006"),
    ] {
        assert!(
            has(&found, text, value),
            "{text} = {value} not in {found:?}"
        );
    }
    // "Thursday" stays a weekday until a publication date is known.
    assert!(has(&found, "Thursday", "XXXX-WXX-4"), "{found:?}");
}

#[test]
fn year_less_dates_stay_partial() {
    let found = tagged("000_e7ff0e64a7849bbc");
    assert!(has(&found, "16 March", "XXXX-03-16"), "{found:?}");
    let found = tagged("001_81fdf5034d92bce2");
    assert!(has(&found, "9 September", "XXXX-09-09"), "{found:?}");
    assert!(has(&found, "12 September", "XXXX-09-12"), "{found:?}");
    assert!(has(&found, "March 2020", "2020-03"), "{found:?}");
}

#[test]
fn a_labelled_dateline_gives_the_publication_date() {
    let text = seed("004_4be500a43fb9c99e");
    let seg = dateline::text::segment(&text);
    let line = seg.dateline.expect("seed 004 has a dateline");
    assert_eq!(line.kind, dateline::text::DatelineKind::Labelled);
    assert_eq!(line.date.to_string(), "2023-10-26");
    let found = tagged("004_4be500a43fb9c99e");
    assert!(has(&found, "October 26", "2023-10-26"), "{found:?}");
    assert!(has(&found, "the same day", "2023-10-26"), "{found:?}");
}
