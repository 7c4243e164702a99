//! `Reading`: what one document yields on its own. Its dates resolved again under any
//! publication date equal a fresh extraction; timelines built from readings, merged or grown
//! with `add` equal those built from the documents; the serialized forms round-trip and refuse
//! what they cannot read, without panicking, whatever the bytes.

mod common;

use chrono::NaiveDate;
use dateline::{extract, read, Document, Error, Reading, TimelineBuilder};
use proptest::prelude::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d}"))
}

/// Some of the seeds and short reports of our own: dated, undated, with a dateline.
fn docs() -> Vec<Document> {
    let mut docs = common::seeds();
    docs.push(Document::new(
        "own-undated",
        "The committee met on Thursday. Two days later the minister resigned, and the talks \
         that had begun in May collapsed.",
    ));
    docs.push(Document::new(
        "own-dateline",
        "LISBON, 4 June 2024 (Wire) - Firefighters put out a blaze at a warehouse late on \
         Monday. The owner said it would reopen next week.",
    ));
    docs.push(
        Document::new(
            "own-dated",
            "A fire broke out at the paper mill on Sunday, forcing the evacuation of 200 workers.",
        )
        .with_published(day(2025, 8, 12)),
    );
    docs
}

fn timeline(builder: TimelineBuilder) -> dateline::Timeline {
    builder.build().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn resolving_a_reading_again_equals_extracting_under_that_date() {
    for doc in docs() {
        let reading = read(doc.clone());
        for published in [None, Some(day(2023, 3, 17)), Some(day(2024, 1, 1))] {
            let again = reading.extraction(published);
            let fresh = extract(&Document {
                published,
                ..doc.clone()
            });
            assert_eq!(again.timexes, fresh.timexes, "{} at {published:?}", doc.id);
            assert_eq!(again.events, fresh.events, "{} at {published:?}", doc.id);
            assert_eq!(again.entities, fresh.entities, "{}", doc.id);
            assert_eq!(again.segmented, fresh.segmented, "{}", doc.id);
        }
    }
}

#[test]
fn a_timeline_from_readings_equals_one_from_documents() {
    let docs = docs();
    let whole = timeline(TimelineBuilder::new().documents(docs.clone()));
    let readings: Vec<Reading> = docs.iter().cloned().map(read).collect();
    let from_readings = timeline(TimelineBuilder::new().readings(readings.clone()));
    assert_eq!(from_readings, whole);
    assert_eq!(from_readings.events, whole.events);
    // Half read, half given as documents; a reading given twice counts once.
    let (left, right) = docs.split_at(3);
    let mixed = timeline(
        TimelineBuilder::new()
            .readings(readings[..4].iter().cloned())
            .documents(right.iter().cloned())
            .readings(left.iter().cloned().map(read)),
    );
    assert_eq!(mixed.events, whole.events);
    // Readings that travelled as bytes and as JSON.
    let travelled: Vec<Reading> = readings
        .iter()
        .enumerate()
        .map(|(i, r)| {
            if i % 2 == 0 {
                Reading::from_bytes(&r.to_bytes())
            } else {
                Reading::from_json(&r.to_json())
            }
            .unwrap_or_else(|e| panic!("{e}"))
        })
        .collect();
    assert_eq!(travelled, readings);
    assert_eq!(
        timeline(TimelineBuilder::new().readings(travelled)).events,
        whole.events
    );
}

#[test]
fn a_timeline_keeps_its_readings_and_grows_with_add() {
    let docs = docs();
    let whole = timeline(TimelineBuilder::new().documents(docs.clone()));
    let ids: Vec<&str> = whole.readings().iter().map(|r| r.id()).collect();
    let mut sorted: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    sorted.sort_unstable();
    assert_eq!(ids, sorted);
    let (left, right) = docs.split_at(4);
    let first = timeline(TimelineBuilder::new().documents(left.iter().cloned()));
    let grown = first
        .add(right.iter().cloned())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(grown, whole);
    // A document it has counts once; a different one under a known id is refused.
    assert_eq!(grown.add(docs[..2].iter().cloned()), Ok(whole.clone()));
    let clash = Document::new(docs[0].id.clone(), "Something else entirely happened.");
    assert_eq!(
        grown.add([clash]),
        Err(Error::DuplicateDocument {
            id: docs[0].id.clone()
        })
    );
    // Readings added, and a set flag stops the work.
    let with_readings = first
        .add_interruptible(
            Vec::new(),
            right
                .iter()
                .cloned()
                .map(|d| std::sync::Arc::new(read(d)))
                .collect(),
            &std::sync::atomic::AtomicBool::new(false),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(with_readings, whole);
    let stopped = first.add_interruptible(
        right.to_vec(),
        Vec::new(),
        &std::sync::atomic::AtomicBool::new(true),
    );
    assert_eq!(stopped, Err(Error::Interrupted));
    // Rebuilt from its own readings: the same timeline.
    let again = timeline(TimelineBuilder::new().shared_readings(whole.readings().iter().cloned()));
    assert_eq!(again, whole);
}

#[test]
fn bytes_of_another_version_or_format_are_refused_by_name() {
    let bytes = read(Document::new("v", "They met on 3 May 2021.")).to_bytes();
    let mut other = bytes.clone();
    other[4] = 9;
    let err = Reading::from_bytes(&other).unwrap_err();
    assert!(err.to_string().contains("format version 9"), "{err}");
    let err = Reading::from_bytes(b"PK\x03\x04 a zip").unwrap_err();
    assert!(err.to_string().contains("does not start with"), "{err}");
    let err = Reading::from_bytes(&bytes[..bytes.len() / 2]).unwrap_err();
    assert!(err.to_string().contains("damaged"), "{err}");
    let err = Reading::from_json(r#"{"format": "x", "version": 1, "reading": null}"#).unwrap_err();
    assert!(matches!(err, Error::InvalidReading { .. }), "{err}");
}

#[test]
fn a_reading_whose_parts_do_not_hold_together_is_refused() {
    let reading = read(Document::new("r", "The talks began on Monday in Geneva."));
    let json = reading.to_json();
    // The first token's end pushed past the text.
    let broken = json.replacen("\"end\":3", "\"end\":3000", 1);
    assert_ne!(broken, json);
    let err = Reading::from_json(&broken).unwrap_err();
    assert!(
        err.to_string().contains("not a span of its"),
        "{err}: {broken}"
    );
    assert!(err.to_string().contains("document \"r\""), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Damaged bytes are refused or give a reading that builds a timeline: never a panic.
    #[test]
    fn damaged_bytes_never_panic(
        at in proptest::collection::vec((0usize..4096, any::<u8>()), 1..4),
        cut in proptest::option::of(0usize..4096),
    ) {
        let doc = Document::new(
            "p",
            "LISBON, 4 June 2024 - The minister met union leaders on Monday. Two days later \
             the strike ended, and Ana Costa said talks would resume in July.",
        );
        let mut bytes = read(doc).to_bytes();
        for (i, b) in at {
            let n = bytes.len();
            bytes[i % n] = b;
        }
        if let Some(c) = cut {
            bytes.truncate(c % (bytes.len() + 1));
        }
        if let Ok(r) = Reading::from_bytes(&bytes) {
            let t = TimelineBuilder::new().readings([r]).build();
            prop_assert!(t.is_ok());
        }
    }
}
