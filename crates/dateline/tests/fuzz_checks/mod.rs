//! The invariants that the fuzz targets check (`fuzz/`), shared with `fuzz_regressions.rs` so
//! that a crash found by fuzzing is replayed through exactly the same checks.
//!
//! Each function takes the raw bytes a fuzz target gets and panics when an invariant breaks.

// The fuzz crate uses this module too (`#[path]`), and each user needs only part of it.
#![allow(dead_code)]

use chrono::NaiveDate;
use dateline::reconcile::{DefaultPolicy, Earliest, Latest, TrustedFirst};
use dateline::{Document, TimelineBuilder};

/// The most documents the timeline target makes of one input.
pub const MAX_DOCUMENTS: usize = 8;

/// Splits an optional leading `YYYY-MM-DD\n` publication date off `text`.
///
/// A first line of that shape that is not a real day stays in the text.
pub fn split_published(text: &str) -> (Option<NaiveDate>, &str) {
    if let Some((head, rest)) = text.split_once('\n') {
        if head.len() == 10 {
            if let Ok(day) = dateline::parse_published(head) {
                return (Some(day), rest);
            }
        }
    }
    (None, text)
}

/// Whether a value starts as the documented TIMEX3 forms do: never with a minus sign; a run
/// of at most four digits (a century, decade or year of 0–9999), or `BC` or `+` and digits for
/// the years beyond (`BC0024`, `+10000-01-01`); anything else (`XXXX`, `P3D`) as it is.
fn year_form(value: &str) -> bool {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    match value.strip_prefix("BC").or_else(|| value.strip_prefix('+')) {
        Some(rest) => digits(rest) >= 2,
        None => !value.starts_with('-') && digits(value) <= 4,
    }
}

/// Tags `bytes` (decoded lossily, with an optional leading publication date) and checks the
/// spans: non-empty, on character boundaries, in order, not overlapping, each inside one
/// sentence; the JSON form agrees with them in code points; the TimeML export is total.
pub fn check_tag(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let (published, text) = split_published(&text);
    let timexes = dateline::tag(text, published);
    let segmented = dateline::text::segment(text);

    let mut prev_end = 0;
    // Sentences are in order too: walk them beside the spans.
    let mut sentences = segmented.sentences.iter().peekable();
    for t in &timexes {
        assert!(t.start < t.end, "empty or reversed span {t:?}");
        assert!(t.end <= text.len(), "span past the end {t:?}");
        assert!(
            text.is_char_boundary(t.start) && text.is_char_boundary(t.end),
            "span off char boundaries {t:?}"
        );
        assert!(
            t.start >= prev_end,
            "spans out of order or overlapping at {t:?}"
        );
        prev_end = t.end;
        while sentences.next_if(|s| s.end <= t.start).is_some() {}
        assert!(
            sentences
                .peek()
                .is_some_and(|s| s.start <= t.start && t.end <= s.end),
            "span {t:?} is not inside one sentence"
        );
        let value = t.value.timex();
        assert!(!value.is_empty(), "empty value {t:?}");
        assert!(year_form(&value), "{value:?} is not a TIMEX3 value {t:?}");
    }

    let json = dateline::export::json_timexes(text, &timexes);
    assert_eq!(json.len(), timexes.len());
    for (j, t) in json.iter().zip(&timexes) {
        assert_eq!(
            j.text,
            &text[t.start..t.end],
            "JSON text differs from the span"
        );
        assert_eq!(
            j.end - j.start,
            j.text.chars().count(),
            "code-point offsets differ from the text's length"
        );
    }
    let _ = dateline::export::timeml("fuzz", text, published, &timexes);
}

/// The documents the timeline target makes of `bytes`.
///
/// A first byte below 4 chooses the policy (0 default, 1 earliest, 2 latest, 3 trusted `d0`)
/// and gives `d0` a source weight of 0.5; the rest is cut on NUL bytes into at most
/// [`MAX_DOCUMENTS`] documents `d0`, `d1`, … (decoded lossily), each with an optional leading
/// `YYYY-MM-DD\n` publication date.
pub fn documents(bytes: &[u8]) -> (Option<u8>, Vec<Document>) {
    let (selector, body) = match bytes.split_first() {
        Some((&b, rest)) if b < 4 => (Some(b), rest),
        _ => (None, bytes),
    };
    let docs = body
        .split(|&b| b == 0)
        .take(MAX_DOCUMENTS)
        .enumerate()
        .map(|(i, part)| {
            let text = String::from_utf8_lossy(part);
            let (published, text) = split_published(&text);
            let doc = Document::new(format!("d{i}"), text);
            match published {
                Some(day) => doc.with_published(day),
                None => doc,
            }
        })
        .collect();
    (selector, docs)
}

/// Builds the timeline of `docs` with the settings `selector` chooses.
pub fn build(
    selector: Option<u8>,
    docs: Vec<Document>,
) -> Result<dateline::Timeline, dateline::Error> {
    let builder = TimelineBuilder::new().documents(docs);
    let builder = match selector {
        None => return builder.build(),
        Some(1) => builder.policy(Earliest),
        Some(2) => builder.policy(Latest),
        Some(3) => builder.policy(TrustedFirst {
            trusted: vec!["d0".into()],
        }),
        Some(_) => builder.policy(DefaultPolicy),
    };
    builder.source_weight("d0", 0.5).build()
}

/// Builds the timeline of the documents in `bytes`, exports it in every format, and checks
/// that the documents in reverse order give the same JSON.
pub fn check_timeline(bytes: &[u8]) {
    let (selector, docs) = documents(bytes);
    let mut reversed = docs.clone();
    reversed.reverse();
    let timeline = match build(selector, docs) {
        Ok(t) => t,
        // Errors are values (ids are unique here, weights valid, so none is expected, but an
        // `Err` is not a crash).
        Err(_) => return,
    };
    let json = dateline::export::timeline_json(&timeline);
    let _: serde_json::Value = serde_json::from_str(&json).expect("timeline JSON parses");
    let _ = dateline::export::timeline_markdown(&timeline);
    let _ = dateline::export::timeline_jsonl(&timeline);
    let _ = dateline::export::timeline_csv(&timeline);
    let _ = dateline::export::timeline_timelinejs(&timeline);
    let _ = timeline.conflicts().count();

    let again = build(selector, reversed).expect("the same documents build in reverse order");
    let json_again = dateline::export::timeline_json(&again);
    assert!(
        json == json_again,
        "the timeline depends on the order of its documents:\n{json}\n---\n{json_again}"
    );
}

/// Bytes taken as a serialized [`dateline::Reading`]: either refused with an error or a reading
/// that builds a timeline and exports, never a panic. Inputs that do not start with the
/// format's magic are first made into a valid reading of their text and then damaged by their
/// own bytes, so that the fuzzer reaches the checks past the header.
pub fn check_reading(bytes: &[u8]) {
    let data: Vec<u8> = if bytes.starts_with(b"DLRD") {
        bytes.to_vec()
    } else {
        // Split: the first half is a text to read, the second damages its reading.
        let (text, damage) = bytes.split_at(bytes.len() / 2);
        let doc = Document::new("r", String::from_utf8_lossy(text).into_owned());
        let mut data = dateline::read(doc).to_bytes();
        for pair in damage.chunks(3) {
            if let [a, b, value] = *pair {
                let at = usize::from(u16::from_le_bytes([a, b])) % data.len().max(1);
                if let Some(byte) = data.get_mut(at) {
                    *byte = value;
                }
            }
        }
        data
    };
    let Ok(reading) = dateline::Reading::from_bytes(&data) else {
        return;
    };
    let Ok(timeline) = dateline::TimelineBuilder::new().readings([reading]).build() else {
        return;
    };
    let json = dateline::export::timeline_json(&timeline);
    let _: serde_json::Value = serde_json::from_str(&json).expect("timeline JSON parses");
}
