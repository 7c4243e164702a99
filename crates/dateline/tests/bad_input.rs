//! Bad input through the library's API: each is a typed error that names the value and the
//! document, or, where the input is merely odd (empty text), a result without events.

use dateline::reconcile::Earliest;
use dateline::{parse_published, Document, Error, TimelineBuilder};

#[test]
fn impossible_and_malformed_publication_dates_name_the_value() {
    for (value, reason) in [
        ("2023-02-30", "no such day 30 in February 2023"),
        ("2023-13-01", "no such month 13"),
        ("2023-00-10", "no such month 0"),
        ("2023-04-00", "no such day 0 (days start at 1)"),
        ("2023", "not a date written as digits"),
        ("yesterday", "not a date written as digits"),
        ("2023-2-3", "not a date written as digits"),
        ("2023-02-03T10:00", "not a date written as digits"),
        ("", "the value is empty"),
        ("   ", "the value is empty"),
    ] {
        match parse_published(value) {
            Err(Error::InvalidPublished {
                value: v,
                document: None,
                reason: r,
            }) => {
                assert_eq!((v.as_str(), r.to_string().as_str()), (value, reason));
            }
            other => panic!("{value:?}: {other:?}"),
        }
    }
    let err = Document::new("wire-7", "Text.")
        .with_published_str("2023-02-30")
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some(
            "invalid publication date \"2023-02-30\" for document \"wire-7\": no such day 30 \
             in February 2023 (expected YYYY-MM-DD)"
        )
    );
    // Surrounding white space is forgiven, as in a hand-edited file.
    assert_eq!(
        parse_published(" 2023-10-26\n").map(|d| d.to_string()),
        Ok("2023-10-26".to_owned())
    );
}

#[test]
fn duplicate_ids_are_an_error_naming_the_id() {
    let result = TimelineBuilder::new()
        .documents([
            Document::new("a", "Ana Silva met Omar Haddad in Lima on 3 March 2021."),
            Document::new("b", "Omar Haddad visited Cairo on 5 March 2021."),
            Document::new("a", "Another text under the same id."),
        ])
        .build();
    match result {
        Err(e @ Error::DuplicateDocument { .. }) => {
            assert_eq!(
                e.to_string(),
                "duplicate document id \"a\": every document of a timeline needs its own id"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn empty_documents_give_no_events() {
    let timeline = TimelineBuilder::new()
        .documents([
            Document::new("empty", ""),
            Document::new("blank", " \n\n\t "),
            Document::new("punctuation", ".,;:!?()\"'"),
        ])
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(timeline.events.is_empty(), "{:?}", timeline.events);
    assert_eq!(timeline.documents.len(), 3);
    assert!(dateline::tag("", None).is_empty());
    // Beside a real report, they change nothing.
    let report = Document::new("r", "Ana Silva met Omar Haddad in Lima on 3 March 2021.");
    let alone = TimelineBuilder::new()
        .document(report.clone())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let with_empty = TimelineBuilder::new()
        .documents([report, Document::new("empty", "")])
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(with_empty.events, alone.events);
    assert!(!alone.events.is_empty());
}

#[test]
fn bad_source_weights_name_the_document_and_value() {
    for (weight, shown) in [(f64::NAN, "NaN"), (-1.0, "-1"), (f64::INFINITY, "inf")] {
        let err = TimelineBuilder::new()
            .document(Document::new("a", "Text."))
            .source_weight("a", weight)
            .build()
            .err();
        assert_eq!(
            err,
            Some(Error::InvalidWeight {
                document: "a".to_owned(),
                value: shown.to_owned(),
            })
        );
    }
}

#[test]
fn timelines_built_differently_do_not_merge() {
    let doc = |id: &str| Document::new(id, "Ana Silva met Omar Haddad in Lima on 3 March 2021.");
    let plain = TimelineBuilder::new()
        .document(doc("a"))
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let earliest = TimelineBuilder::new()
        .document(doc("b"))
        .policy(Earliest)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(
        plain.merge(&earliest),
        Err(Error::IncompatibleTimelines { .. })
    ));
    // One id for two different documents is refused, one id for the same document is not.
    let other = TimelineBuilder::new()
        .document(Document::new("a", "Different text."))
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(
        plain.merge(&other),
        Err(Error::DuplicateDocument { .. })
    ));
    assert_eq!(plain.merge(&plain).as_ref(), Ok(&plain));
}

#[test]
fn text_that_is_not_prose_never_fails() {
    let odd = [
        "\u{0}\u{1}\u{7f}\u{feff}\u{200b}\u{202e}",
        "((((((((((((((((((((",
        "\"\"\"\"\"“”“”’’’'''",
        "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31",
        "2023-02-30 2023-13-45 9999-99-99 0000-00-00 31/02/2023 32 March 1 Marchember",
        "Mr. Mr. Mr. Dr. U.S. U.S. St. Jan. Feb. Sept. a.m. p.m.",
        "\r\r\r\n\n\n\u{2028}\u{2029}\u{85}",
        "🙂🙂🙂 日本語のテキスト 2023年10月26日 العربية ١٢ مارس",
    ];
    for (i, text) in odd.iter().enumerate() {
        let result = TimelineBuilder::new()
            .document(Document::new(format!("odd-{i}"), *text))
            .build();
        assert!(result.is_ok(), "{text:?}: {result:?}");
    }
}
