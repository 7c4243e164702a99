//! The exports of the seeds timeline (five articles, no publication dates given): snapshots of
//! its Markdown and JSON, and the JSON contract checked against the article texts.
//!
//! When the timeline changes, review and refresh the snapshots with
//! `INSTA_UPDATE=always cargo test -p dateline --test timeline_exports`
//! (or `cargo insta test -p dateline --test timeline_exports --review`).

mod common;

use common::{seeds, seeds_timeline};
use std::collections::BTreeMap;

use dateline::export::{timeline_json, timeline_jsonl, timeline_markdown, timeline_timelinejs};
use serde_json::Value;

fn snapshot(name: &str, description: &str, value: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_description(description);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, value));
}

#[test]
fn seeds_markdown() {
    snapshot(
        "seeds_markdown",
        "dateline::export::timeline_markdown of the seeds timeline, no publication dates given",
        &timeline_markdown(&seeds_timeline()),
    );
}

#[test]
fn seeds_json() {
    snapshot(
        "seeds_json",
        "dateline::export::timeline_json of the seeds timeline, no publication dates given",
        &timeline_json(&seeds_timeline()),
    );
}

/// The code points `start..end` of `text`.
fn cut(text: &[char], v: &Value, start: &str, end: &str) -> String {
    let at = |k: &str| {
        v[k].as_u64()
            .unwrap_or_else(|| panic!("no offset {k} in {v}")) as usize
    };
    let (s, e) = (at(start), at(end));
    assert!(s <= e && e <= text.len(), "{s}..{e} out of range in {v}");
    text[s..e].iter().collect()
}

#[test]
fn seeds_json_offsets_are_code_points_into_the_articles() {
    let texts: BTreeMap<String, Vec<char>> = seeds()
        .into_iter()
        .map(|d| (d.id, d.text.chars().collect()))
        .collect();
    let json: Value = serde_json::from_str(&timeline_json(&seeds_timeline())).expect("valid JSON");
    assert_eq!(json["schema"], "dateline.timeline/1");
    let docs = json["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 5);
    for d in docs {
        let source = d["published_source"].as_str().expect("a source");
        assert!(
            ["given", "dateline", "inferred", "unknown"].contains(&source),
            "{d}"
        );
    }
    let events = json["events"].as_array().expect("events");
    assert!(!events.is_empty());
    let mut mentions = 0;
    let mut wide = 0;
    for e in events {
        for m in e["mentions"].as_array().expect("mentions") {
            let text = &texts[m["doc"].as_str().expect("a doc id")];
            assert_eq!(
                cut(text, m, "sentence_start", "sentence_end"),
                m["sentence"].as_str().expect("a sentence")
            );
            let trigger = &m["trigger"];
            assert_eq!(cut(text, trigger, "start", "end"), trigger["text"]);
            if !m["time"].is_null() {
                assert_eq!(cut(text, &m["time"], "start", "end"), m["time"]["text"]);
            }
            let start = trigger["start"].as_u64().unwrap_or(0) as usize;
            if text[..start].iter().any(|c| !c.is_ascii()) {
                wide += 1;
            }
            mentions += 1;
        }
    }
    assert!(mentions >= events.len());
    assert!(wide > 0, "some mention follows a non-ASCII character");
}

#[test]
fn seeds_other_formats_hold_the_same_events() {
    let t = seeds_timeline();
    let json: Value = serde_json::from_str(&timeline_json(&t)).expect("valid JSON");
    let lines: Vec<Value> = timeline_jsonl(&t)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(Value::Array(lines), json["events"]);
    let js: Value = serde_json::from_str(&timeline_timelinejs(&t)).expect("valid JSON");
    let complete = t
        .events
        .iter()
        .filter(|e| e.when.is_some_and(|w| w.interval().is_some()))
        .count();
    assert_eq!(js["events"].as_array().map(Vec::len), Some(complete));
    let csv = dateline::export::timeline_csv(&t);
    assert!(csv.starts_with("date,"));
    let md = timeline_markdown(&t);
    assert_eq!(
        md.matches("\n- ").count(),
        t.events.len() + t.documents.len()
    );
    assert_eq!(md.matches("- ⚠ **").count(), t.conflicts().count());
}
