//! Runs `dateline events` and `dateline eval semeval` on small fixtures: output shapes, exit
//! codes, messages. The event stage's quality is not tested here, only the form of what it
//! writes.

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;

fn cut(chars: &[char], v: &Value, start: &str, end: &str) -> String {
    let a = v[start]
        .as_u64()
        .unwrap_or_else(|| panic!("{start} in {v}")) as usize;
    let b = v[end].as_u64().unwrap_or_else(|| panic!("{end} in {v}")) as usize;
    assert!(a <= b && b <= chars.len(), "{v}");
    chars[a..b].iter().collect()
}

const EVENT_KEYS: [&str; 14] = [
    "doc",
    "sentence",
    "sentence_start",
    "sentence_end",
    "trigger",
    "lemma",
    "class",
    "modality",
    "time",
    "when",
    "anchoring",
    "timeline",
    "participants",
    "location",
];

/// Checks one `dateline events` line against its document: keys, types, and that every
/// code-point span gives the reported text.
fn check_events(line: &Value, id: &str, text: &str) {
    let obj = line.as_object().expect("an object");
    assert_eq!(obj["id"], id, "{line}");
    assert!(obj.contains_key("published"), "{line}");
    assert!(
        obj["published"].is_null() || obj["published"].is_string(),
        "{line}"
    );
    let chars: Vec<char> = text.chars().collect();
    for e in obj["events"].as_array().expect("events is an array") {
        for key in EVENT_KEYS {
            assert!(e.get(key).is_some(), "{key} missing from {e}");
        }
        assert_eq!(e["doc"], id);
        assert_eq!(
            e["sentence"].as_str(),
            Some(cut(&chars, e, "sentence_start", "sentence_end").as_str()),
            "{e}"
        );
        let trigger = &e["trigger"];
        assert_eq!(
            trigger["text"].as_str(),
            Some(cut(&chars, trigger, "start", "end").as_str()),
            "{e}"
        );
        assert!(
            !trigger["text"].as_str().unwrap_or_default().is_empty(),
            "{e}"
        );
        for key in ["lemma", "class", "modality", "anchoring"] {
            assert!(e[key].is_string(), "{key} in {e}");
        }
        assert!(e["timeline"].is_boolean(), "{e}");
        if !e["time"].is_null() {
            let t = &e["time"];
            assert_eq!(
                t["text"].as_str(),
                Some(cut(&chars, t, "start", "end").as_str()),
                "{e}"
            );
            assert!(t["timex"].is_string(), "{e}");
        }
        if !e["when"].is_null() {
            let w = &e["when"];
            for key in ["start", "end", "granularity", "timex", "edtf"] {
                assert!(w.get(key).is_some(), "{key} missing from {w}");
            }
            assert!(
                w["granularity"].is_string() && w["timex"].is_string(),
                "{w}"
            );
            // Inclusive ISO dates, or both null for a partial value.
            assert_eq!(w["start"].is_null(), w["end"].is_null(), "{w}");
            if let (Some(a), Some(b)) = (w["start"].as_str(), w["end"].as_str()) {
                assert_eq!((a.len(), b.len()), (10, 10), "{w}");
                assert!(a <= b, "{w}");
            }
        }
        for p in e["participants"].as_array().expect("participants") {
            for key in ["name", "text", "role", "kind", "aliases"] {
                assert!(p.get(key).is_some(), "{key} missing from {p}");
            }
            assert_eq!(
                p["text"].as_str(),
                Some(cut(&chars, p, "start", "end").as_str()),
                "{p}"
            );
            assert!(p["aliases"].is_array(), "{p}");
        }
        if !e["location"].is_null() {
            let l = &e["location"];
            assert!(l["name"].is_string(), "{l}");
            assert_eq!(
                l["text"].as_str(),
                Some(cut(&chars, l, "start", "end").as_str()),
                "{l}"
            );
        }
    }
}

#[test]
fn events_of_a_directory_in_name_order() {
    let out = ok(&run(&[
        "events",
        &fixture_str("events_dir"),
        "--published",
        "2022-09-14",
    ]));
    let lines = json_lines(&out);
    // notes.md is not read; a_… comes before b_….
    assert_eq!(lines.len(), 2, "{out}");
    check_events(
        &lines[0],
        "a_merger",
        &fixture_text("events_dir/a_merger.txt"),
    );
    check_events(
        &lines[1],
        "b_meeting",
        &fixture_text("events_dir/b_meeting.txt"),
    );
    assert!(lines.iter().all(|l| l["published"] == "2022-09-14"));
}

#[test]
fn events_of_a_file_without_a_date() {
    let path = fixture_str("events_dir/b_meeting.txt");
    let lines = json_lines(&ok(&run(&["events", &path])));
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["published"], Value::Null);
    check_events(
        &lines[0],
        "b_meeting",
        &fixture_text("events_dir/b_meeting.txt"),
    );
}

#[test]
fn events_of_json_lines_with_dates_per_document() {
    let out = ok(&run(&[
        "events",
        "--jsonl",
        &fixture_str("events.jsonl"),
        "--published",
        "2020-01-01",
        "--published",
        "x2=2023-03-17",
    ]));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    // x1 keeps its own date (no ID=DATE for it); x2 gets its ID=DATE.
    assert_eq!(lines[0]["published"], "2022-09-14");
    assert_eq!(lines[1]["published"], "2023-03-17");
    let texts: Vec<String> = fixture_text("events.jsonl")
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("fixture line");
            v["text"].as_str().expect("text").to_owned()
        })
        .collect();
    check_events(&lines[0], "x1", &texts[0]);
    check_events(&lines[1], "x2", &texts[1]);

    // An ID=DATE overrides the line's own date; the date for all fills in where none is given.
    let out = ok(&run(&[
        "events",
        "--jsonl",
        &fixture_str("events.jsonl"),
        "--published",
        "x1=2022-09-13",
        "--published",
        "2020-01-01",
    ]));
    let lines = json_lines(&out);
    assert_eq!(lines[0]["published"], "2022-09-13");
    assert_eq!(lines[1]["published"], "2020-01-01");
}

#[test]
fn events_from_standard_input() {
    let text = "«Über» — the minister met the delegation in Doha on 12 September 2022.";
    let o = run_with_stdin(&["events", "-"], text);
    let lines = json_lines(&ok(&o));
    assert_eq!(lines.len(), 1);
    check_events(&lines[0], "stdin", text);
    let line = format!("{}\n", serde_json::json!({"id": "s", "text": text}));
    let o = run_with_stdin(&["events", "--jsonl", "-"], &line);
    check_events(&json_lines(&ok(&o))[0], "s", text);
}

#[test]
fn events_warns_about_dates_for_unknown_documents() {
    let o = run(&[
        "events",
        &fixture_str("events_dir/a_merger.txt"),
        "--published",
        "nosuch=2020-01-01",
    ]);
    assert_eq!(json_lines(&ok(&o)).len(), 1);
    assert!(
        stderr(&o).contains("warning: --published names document \"nosuch\""),
        "{}",
        stderr(&o)
    );
}

#[test]
fn events_bad_input_exits_1() {
    let err = fails(&run(&["events", "no/such/file.txt"]), 1);
    assert!(err.contains("cannot read no/such/file.txt"), "{err}");

    let err = fails(&run(&["events", &fixture_str("events_empty")]), 1);
    assert!(err.contains("no .txt files in the directory"), "{err}");

    let err = fails(
        &run(&["events", "--jsonl", &fixture_str("bad_json.jsonl")]),
        1,
    );
    assert!(err.contains("bad_json.jsonl, line "), "{err}");

    let err = fails(
        &run(&["events", "--jsonl", &fixture_str("missing_text.jsonl")]),
        1,
    );
    assert!(err.contains("missing field `text`"), "{err}");
}

#[test]
fn events_usage_errors_exit_2() {
    let path = fixture_str("events_dir/a_merger.txt");
    fails(&run(&["events"]), 2);
    fails(&run(&["events", &path, "--format", "xml"]), 2);
    let err = fails(&run(&["events", "-", "--jsonl", "-"]), 2);
    assert!(err.contains("only once"), "{err}");
    let err = fails(
        &run(&[
            "events",
            &path,
            "--published",
            "a=2020-01-01",
            "--published",
            "a=2020-01-02",
        ]),
        2,
    );
    assert!(err.contains("already has 2020-01-01"), "{err}");
    let err = fails(
        &run(&[
            "events",
            &path,
            "--published",
            "2020-01-01",
            "--published",
            "2020-01-02",
        ]),
        2,
    );
    assert!(err.contains("already given"), "{err}");
    let err = fails(&run(&["events", &path, "--published", "=2020-01-01"]), 2);
    assert!(err.contains("no document id"), "{err}");
    // A bad date is a bad argument, not bad input.
    let o = run(&["events", &path, "--published", "2023-02-30"]);
    let err = fails(&o, 2);
    assert!(
        err.contains("invalid publication date \"2023-02-30\""),
        "{err}"
    );
    assert!(o.stdout.is_empty());
    let err = fails(&run(&["events", &path, "--published", "a=2023-13-01"]), 2);
    assert!(err.contains("\"2023-13-01\" for document \"a\""), "{err}");
}

#[test]
fn tag_reads_directories_and_dates_per_document_too() {
    let out = ok(&run(&[
        "tag",
        &fixture_str("events_dir"),
        "--published",
        "a_merger=2021-05-04",
    ]));
    let lines = json_lines(&out);
    let ids: Vec<&str> = lines.iter().filter_map(|l| l["id"].as_str()).collect();
    assert_eq!(ids, ["a_merger", "b_meeting"]);
}

// --- eval semeval ------------------------------------------------------------------------------

#[test]
fn semeval_json_has_the_figures() {
    let out = ok(&run(&[
        "eval",
        "semeval",
        &fixture_str("semeval_tiny.json"),
        "--json",
    ]));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1);
    let s = &lines[0]["scores"];
    // Gold-side counts do not depend on the event stage.
    assert_eq!(s["documents"], 2);
    assert_eq!(s["timeline_mentions"], 4); // unanchored "resigns" is not scored
    assert_eq!(s["undated_mentions"], 1);
    assert_eq!(s["gold_event_mentions"], 6);
    for key in ["recall", "date", "precision", "event_recall"] {
        let share = &s[key];
        let (count, of) = (share["count"].as_u64(), share["of"].as_u64());
        assert!(count.is_some() && of.is_some(), "{key}: {share}");
        assert!(count <= of, "{key}: {share}");
        let f = share["share"].as_f64().expect("a fraction");
        assert!((0.0..=1.0).contains(&f), "{key}: {share}");
    }
    assert_eq!(s["recall"]["of"], 4);
    let entities: Vec<&str> = s["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .filter_map(|e| e["entity"].as_str())
        .collect();
    assert_eq!(entities, ["Acme", "Jane Roe"]);
    assert_eq!(s["entities"][1]["mentions"], 2);
    assert!(lines[0].get("errors").is_none());

    let out = ok(&run(&[
        "eval",
        "semeval",
        &fixture_str("semeval_tiny.json"),
        "--json",
        "--errors",
        "--examples",
        "0",
    ]));
    let v: Value = serde_json::from_str(out.trim()).expect("JSON");
    for kind in ["missed", "wrong_dates", "false_positives"] {
        let k = &v["errors"][kind];
        let count = k["count"].as_u64().expect("count") as usize;
        assert_eq!(k["examples"].as_array().map(Vec::len), Some(count), "{k}");
    }
    let missed = v["errors"]["missed"]["count"].as_u64();
    let found = v["scores"]["recall"]["count"].as_u64();
    assert_eq!(missed.zip(found).map(|(m, f)| m + f), Some(4));
}

#[test]
fn semeval_table() {
    let path = fixture_str("semeval_tiny.json");
    let out = ok(&run(&["eval", "semeval", &path]));
    for needle in [
        "2 documents, 4 timeline mentions (1 without a gold date), 6 gold event mentions",
        "timeline recall",
        "date accuracy",
        "precision",
        "Jane Roe",
        "extraction: ",
    ] {
        assert!(out.contains(needle), "{needle:?} not in\n{out}");
    }
    let out = ok(&run(&["eval", "semeval", &path, "--errors"]));
    assert!(out.contains("false positives"), "{out}");
    let out = ok(&run(&["eval", "semeval", &path, "--timeline-only"]));
    assert!(out.contains("marked for a timeline"), "{out}");
    // Standard input.
    let o = run_with_stdin(
        &["eval", "semeval", "-", "--json"],
        &fixture_text("semeval_tiny.json"),
    );
    assert_eq!(json_lines(&ok(&o))[0]["scores"]["documents"], 2);
}

#[test]
fn semeval_bad_corpus_exits_1() {
    let err = fails(&run(&["eval", "semeval", "no/such.json"]), 1);
    assert!(err.contains("cannot read no/such.json"), "{err}");

    let o = run_with_stdin(
        &["eval", "semeval", "-"],
        "{\"documents\": [\n  {\"text\": 1}]}",
    );
    let err = fails(&o, 1);
    assert!(err.contains("<stdin>: line 2, column "), "{err}");

    let bad_dct = fixture_text("semeval_tiny.json").replace("2011-03-02", "2011-02-30");
    let err = fails(&run_with_stdin(&["eval", "semeval", "-"], &bad_dct), 1);
    assert!(err.contains("\"2011-02-30\" for document \"102\""), "{err}");

    let bad_lines = fixture_text("semeval_tiny.json")
        .replace("March 2, 2011\\nJane Roe", "March 2, 2011 Jane Roe");
    let err = fails(&run_with_stdin(&["eval", "semeval", "-"], &bad_lines), 1);
    assert!(
        err.contains("document \"102\": its text has 2 lines but it has 3 sentences"),
        "{err}"
    );
}

#[test]
fn semeval_usage_errors_exit_2() {
    fails(&run(&["eval", "semeval"]), 2);
    fails(
        &run(&[
            "eval",
            "semeval",
            &fixture_str("semeval_tiny.json"),
            "--examples",
            "many",
        ]),
        2,
    );
}

/// The trial corpus, when `../shared/data` is there: the command runs and reports the corpus's
/// 944 gold event mentions and 6 timelines (figures are the event stage's, not checked here).
#[test]
fn semeval_trial_corpus_when_present() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/semeval2015-trial/apple.json");
    if !path.exists() {
        eprintln!("skipped: {} not found", path.display());
        return;
    }
    let out = ok(&run(&[
        "eval",
        "semeval",
        &path.display().to_string(),
        "--json",
    ]));
    let v: Value = serde_json::from_str(out.trim()).expect("JSON");
    let s = &v["scores"];
    assert_eq!(s["documents"], 30);
    assert_eq!(s["gold_event_mentions"], 944);
    assert_eq!(s["timeline_mentions"], 169);
    assert_eq!(s["entities"].as_array().map(Vec::len), Some(6));
}
