//! Properties of the whole pipeline (documents → timeline) on arbitrary and news-like text: it
//! never panics nor fails on text, every span it reports is on character boundaries and is the
//! text it says (in bytes and in code points), the order of the documents does not matter, and
//! the JSON export reads back to the same value.

use chrono::NaiveDate;
use dateline::export::{self, JsonTimeline, JsonTimelineEvent};
use dateline::timeline::{Span, Timeline};
use dateline::{Document, TimelineBuilder};
use proptest::prelude::*;

/// Words of news: names (fictional), roles, verbs of events, places, dates in several forms,
/// connectives and punctuation, and a few characters that are more than one byte.
const WORDS: &[&str] = &[
    "Ana",
    "Silva",
    "Omar",
    "Haddad",
    "Li",
    "Wei",
    "President",
    "Minister",
    "Foreign",
    "the",
    "delegation",
    "ministry",
    "met",
    "visited",
    "arrived",
    "signed",
    "held",
    "talks",
    "said",
    "announced",
    "elected",
    "in",
    "at",
    "to",
    "on",
    "by",
    "with",
    "and",
    "after",
    "later",
    "ago",
    "last",
    "next",
    "week",
    "year",
    "Monday",
    "Thursday",
    "March",
    "Sept.",
    "September",
    "2021",
    "1987",
    "12",
    "16th",
    "the day after",
    "two days later",
    "yesterday",
    "2023-10-26",
    "3/16/2023",
    "Paris",
    "Cairo",
    "Lima",
    "U.S.",
    "Mr.",
    "Hamas",
    "(",
    ")",
    "\"",
    "“",
    "”",
    "’s",
    ",",
    ".",
    ";",
    ":",
    "–",
    "\n",
    "\n\n",
    "é",
    "Müller",
    "日本",
    "🙂",
    "\u{a0}",
    "İ",
];

/// News-like text: words joined by spaces (or nothing), with arbitrary characters mixed in.
fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            8 => prop::sample::select(WORDS).prop_map(str::to_owned),
            1 => "\\PC{1,4}",
        ],
        0..80,
    )
    .prop_map(|words| {
        let mut s = String::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 && i % 7 != 3 {
                s.push(' ');
            }
            s.push_str(w);
        }
        s
    })
}

/// Text of a document: news-like most of the time, any string otherwise.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![4 => news_like(), 1 => any::<String>()]
}

/// A publication date in 1990..2030, or none.
fn published() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of(
        (1990i32..2030, 1u32..=365)
            .prop_map(|(y, ord)| NaiveDate::from_yo_opt(y, ord).unwrap_or(NaiveDate::MIN)),
    )
}

/// One to five documents with distinct ids.
fn documents() -> impl Strategy<Value = Vec<Document>> {
    prop::collection::vec((text(), published()), 1..6).prop_map(|docs| {
        docs.into_iter()
            .enumerate()
            .map(|(i, (text, published))| {
                let mut d = Document::new(format!("d{i}"), text);
                d.published = published;
                d
            })
            .collect()
    })
}

fn build(docs: &[Document]) -> Result<Timeline, TestCaseError> {
    TimelineBuilder::new()
        .documents(docs.iter().cloned())
        .build()
        .map_err(|e| TestCaseError::fail(format!("text made the build fail: {e}")))
}

/// `span` is `text[start..end]` in bytes and the same characters in code points.
fn check_span(what: &str, text: &str, span: &Span) -> Result<(), TestCaseError> {
    prop_assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: {span:?} out of the text"
    );
    prop_assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: {span:?} not on character boundaries"
    );
    prop_assert_eq!(&text[span.start..span.end], span.text.as_str(), "{}", what);
    let by_chars: String = text
        .chars()
        .skip(span.char_start)
        .take(span.char_end.saturating_sub(span.char_start))
        .collect();
    prop_assert_eq!(by_chars, span.text.as_str(), "{} in code points", what);
    Ok(())
}

proptest! {
    // Each case runs the whole pipeline twice over up to five documents.
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_span_is_the_text_it_names(docs in documents()) {
        let timeline = build(&docs)?;
        for event in &timeline.events {
            prop_assert!(!event.mentions.is_empty(), "an event without mentions: {event:?}");
            for m in &event.mentions {
                let doc = docs.iter().find(|d| d.id == m.doc);
                let Some(doc) = doc else {
                    return Err(TestCaseError::fail(format!("unknown document {:?}", m.doc)));
                };
                check_span("sentence", &doc.text, &m.sentence)?;
                check_span("trigger", &doc.text, &m.trigger)?;
                prop_assert!(
                    m.sentence.start <= m.trigger.start && m.trigger.end <= m.sentence.end,
                    "trigger {:?} outside its sentence {:?}", m.trigger, m.sentence
                );
                if let Some((time, _)) = &m.time {
                    check_span("time", &doc.text, time)?;
                }
            }
        }
    }

    #[test]
    fn document_order_does_not_matter(docs in documents()) {
        let forward = build(&docs)?;
        let mut reversed = docs.clone();
        reversed.reverse();
        prop_assert_eq!(export::timeline_json(&build(&reversed)?), export::timeline_json(&forward));
    }

    #[test]
    fn json_exports_read_back_to_the_same_value(docs in documents()) {
        let timeline = build(&docs)?;
        let value = export::json_timeline(&timeline);
        let read: JsonTimeline = serde_json::from_str(&export::timeline_json(&timeline))
            .map_err(|e| TestCaseError::fail(format!("the JSON export does not parse: {e}")))?;
        prop_assert_eq!(&read, &value);
        let lines: Vec<JsonTimelineEvent> = export::timeline_jsonl(&timeline)
            .lines()
            .map(serde_json::from_str)
            .collect::<Result<_, _>>()
            .map_err(|e| TestCaseError::fail(format!("a JSON line does not parse: {e}")))?;
        prop_assert_eq!(&lines, &value.events);
        // The other exports are total too, with one CSV row per event after the header.
        prop_assert!(export::timeline_csv(&timeline).lines().count() > timeline.events.len());
        let _ = export::timeline_markdown(&timeline);
        let _: serde_json::Value = serde_json::from_str(&export::timeline_timelinejs(&timeline))
            .map_err(|e| TestCaseError::fail(format!("TimelineJS export: {e}")))?;
    }

    #[test]
    fn merging_a_timeline_with_itself_changes_nothing(docs in documents()) {
        let timeline = build(&docs)?;
        let merged = timeline
            .merge(&timeline)
            .map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(merged, timeline);
    }
}

#[test]
fn the_generated_documents_make_timelines() {
    // The properties above are only as strong as the documents: most must give events.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    let mut runner = TestRunner::deterministic();
    let mut with_events = 0;
    for _ in 0..40 {
        let docs = documents()
            .new_tree(&mut runner)
            .unwrap_or_else(|e| panic!("{e}"))
            .current();
        let timeline = build(&docs).unwrap_or_else(|e| panic!("{e}"));
        with_events += usize::from(!timeline.events.is_empty());
    }
    assert!(
        with_events >= 20,
        "{with_events} of 40 timelines have events"
    );
}
