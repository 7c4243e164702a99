//! Runs the built `dateline` binary on small fixtures: output shapes, exit codes, messages.

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;

/// Checks one `dateline tag` JSON line against the document text: keys, types, and that the
/// code-point offsets give the reported text.
fn check_tagged(line: &Value, text: &str) {
    let obj = line.as_object().expect("an object");
    assert!(obj["id"].is_string(), "{line}");
    let chars: Vec<char> = text.chars().collect();
    for t in obj["timexes"].as_array().expect("timexes is an array") {
        let start = t["start"].as_u64().expect("start") as usize;
        let end = t["end"].as_u64().expect("end") as usize;
        assert!(start < end && end <= chars.len(), "{t}");
        let spanned: String = chars[start..end].iter().collect();
        assert_eq!(t["text"].as_str(), Some(spanned.as_str()), "{t}");
        let kind = t["type"].as_str().expect("type");
        assert!(["DATE", "TIME", "DURATION", "SET"].contains(&kind), "{t}");
        assert!(t["value"].is_string(), "{t}");
        if let Some(m) = t.get("mod") {
            assert!(m.is_string(), "{t}");
        }
    }
}

#[test]
fn tags_a_plain_file_as_json() {
    let out = ok(&run(&["tag", &fixture_str("march.txt")]));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["id"], "march");
    check_tagged(&lines[0], "It happened on March 16, 2023.\n");
}

#[test]
fn finds_an_explicit_date() {
    let out = ok(&run(&["tag", &fixture_str("march.txt")]));
    let lines = json_lines(&out);
    let timexes = lines[0]["timexes"].as_array().expect("timexes");
    let t = timexes
        .iter()
        .find(|t| t["text"] == "March 16, 2023")
        .unwrap_or_else(|| panic!("no timex \"March 16, 2023\" in {out}"));
    assert_eq!(t["value"], "2023-03-16");
    assert_eq!(t["type"], "DATE");
    assert_eq!(
        (t["start"].as_u64(), t["end"].as_u64()),
        (Some(15), Some(29))
    );
}

#[test]
fn tags_json_lines_in_order_with_te3_fields() {
    let out = ok(&run(&["tag", "--jsonl", &fixture_str("docs.jsonl")]));
    let lines = json_lines(&out);
    let ids: Vec<&str> = lines.iter().filter_map(|l| l["id"].as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    check_tagged(&lines[0], "It happened on March 16, 2023.");
    check_tagged(
        &lines[1],
        "Rien à signaler — « calme » à Москва.\nLine two & <tags>.",
    );
    check_tagged(&lines[2], "The talks ended yesterday.");
    // Exactly the contract's keys, "id" first.
    let keys: Vec<&String> = lines[0].as_object().expect("object").keys().collect();
    assert_eq!(keys.len(), 2);
    assert!(out.starts_with("{\"id\":\"a\",\"timexes\":["), "{out}");
}

#[test]
fn reads_standard_input() {
    let out = ok(&run_with_stdin(&["tag", "-"], "Nothing here."));
    assert_eq!(json_lines(&out)[0]["id"], "stdin");
    let out = ok(&run_with_stdin(
        &["tag", "--jsonl", "-"],
        "{\"id\": \"x\", \"text\": \"Nothing here.\"}\n",
    ));
    assert_eq!(json_lines(&out)[0]["id"], "x");
}

#[test]
fn timeml_output() {
    let out = ok(&run(&[
        "tag",
        "--jsonl",
        &fixture_str("docs.jsonl"),
        "--format",
        "timeml",
    ]));
    assert!(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>"));
    assert_eq!(out.matches("<TimeML>").count(), 3);
    assert!(out.contains("<DOCID>a</DOCID>"));
    // Document a has a publication date, b has none.
    assert!(out.contains(
        "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2023-03-20\" temporalFunction=\"false\" \
         functionInDocument=\"CREATION_TIME\">2023-03-20</TIMEX3></DCT>"
    ));
    assert!(out.contains("Line two &amp; &lt;tags&gt;.</TEXT>"), "{out}");
}

#[test]
fn timeml_files_in_a_directory() {
    let dir = std::env::temp_dir().join(format!("dateline-cli-test-{}", std::process::id()));
    let dir_str = dir.display().to_string();
    let out = run(&[
        "tag",
        &fixture_str("march.txt"),
        "--format",
        "timeml",
        "--out-dir",
        &dir_str,
        "--published",
        "2023-03-20",
    ]);
    assert_eq!(ok(&out), "");
    let xml = std::fs::read_to_string(dir.join("march.tml")).expect("march.tml written");
    assert!(xml.contains("<DOCID>march</DOCID>"));
    assert!(xml.contains("value=\"2023-03-20\""));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn out_dir_needs_timeml() {
    let err = fails(
        &run(&["tag", &fixture_str("march.txt"), "--out-dir", "x"]),
        2,
    );
    assert!(err.contains("--format timeml"), "{err}");
}

#[test]
fn text_output_is_one_line_per_timex() {
    let out = ok(&run(&[
        "tag",
        "--jsonl",
        &fixture_str("docs.jsonl"),
        "--format",
        "text",
    ]));
    for id in ["a", "b", "c"] {
        assert!(
            out.lines().any(|l| l.starts_with(&format!("{id}  "))),
            "no line for {id}: {out}"
        );
    }
    for line in out.lines() {
        assert!(
            line.contains("(no temporal expressions)")
                || ["DATE", "TIME", "DURATION", "SET"]
                    .iter()
                    .any(|k| line.contains(&format!("  {k}  "))),
            "{line}"
        );
    }
}

#[test]
fn missing_text_names_the_line() {
    let o = run(&["tag", "--jsonl", &fixture_str("missing_text.jsonl")]);
    let err = fails(&o, 1);
    assert!(
        err.contains("missing_text.jsonl, line 3: missing field `text`"),
        "{err}"
    );
    // Documents before the bad line were already written.
    assert_eq!(json_lines(&stdout(&o)).len(), 1);
}

#[test]
fn bad_json_names_the_file_and_line() {
    let err = fails(&run(&["tag", "--jsonl", &fixture_str("bad_json.jsonl")]), 1);
    assert!(
        err.contains("bad_json.jsonl, line 2: invalid JSON"),
        "{err}"
    );
}

#[test]
fn bad_published_date_names_the_value() {
    let err = fails(
        &run(&[
            "tag",
            &fixture_str("march.txt"),
            "--published",
            "16/03/2023",
        ]),
        2,
    );
    assert!(err.contains("--published \"16/03/2023\""), "{err}");
    let err = fails(
        &run(&["tag", "--jsonl", &fixture_str("bad_published.jsonl")]),
        1,
    );
    assert!(err.contains("bad_published.jsonl, line 1"), "{err}");
    assert!(err.contains("\"2023-02-30\""), "{err}");
    assert!(err.contains("\"feb\""), "{err}");
}

#[test]
fn unreadable_file_is_bad_input() {
    let err = fails(&run(&["tag", "no/such/file.txt"]), 1);
    assert!(err.contains("cannot read no/such/file.txt"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    fails(&run(&["tag"]), 2);
    fails(&run(&["tag", "x.txt", "--format", "yaml"]), 2);
    fails(&run(&["eval", "te3"]), 2);
    fails(&run(&["frobnicate"]), 2);
    let err = fails(&run_with_stdin(&["tag", "-", "--jsonl", "-"], ""), 2);
    assert!(err.contains("only once"), "{err}");
}

#[test]
fn help_says_what_the_exit_codes_strict_and_lossy_do() {
    for args in [&["--help"][..], &["tag", "--help"], &["timeline", "-h"]] {
        let help = ok(&run(args));
        assert!(
            help.contains("Exit codes: 0 success; 1 bad input; 2 bad usage"),
            "{args:?}: {help}"
        );
        assert!(help.contains("--strict stops at the first one"), "{args:?}");
    }
    let help = ok(&run(&["events", "--help"]));
    assert!(help.contains("--strict"), "{help}");
    assert!(help.contains("--lossy"), "{help}");
}

#[test]
fn eval_te3_json_has_the_scorer_keys() {
    let out = ok(&run(&["eval", "te3", &fixture_str("gold.jsonl"), "--json"]));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1);
    let obj = lines[0].as_object().expect("an object");
    // serde_json's map sorts keys, so read their order off the raw line.
    let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
    keys.sort_by_key(|k| out.find(&format!("\"{k}\":")));
    assert_eq!(
        keys,
        [
            "gold",
            "system",
            "strict_P",
            "strict_R",
            "strict_F1",
            "relaxed_P",
            "relaxed_R",
            "relaxed_F1",
            "type_acc",
            "value_acc",
            "type_F1",
            "value_F1"
        ]
    );
    assert_eq!(obj["gold"], 3);
    for (k, v) in obj {
        let x = v.as_f64().unwrap_or_else(|| panic!("{k} is a number"));
        assert!(
            (0.0..=100.0).contains(&x) || k == "system",
            "{k} = {x} out of range"
        );
    }
}

#[test]
fn eval_te3_scores_a_given_system_file() {
    // g1 exact and right; g2 one span too long (value right) and one wrong value; g3 one false
    // positive; "zzz" is not in the gold and is ignored. Gold 3, system 4, strict 2, relaxed 3,
    // types right 3, values right 2:
    //   strict P 2/4, R 2/3, F1 4/7; relaxed P 3/4, R 1, F1 6/7; value F1 2/3 × 6/7 = 4/7.
    let out = ok(&run(&[
        "eval",
        "te3",
        &fixture_str("gold.jsonl"),
        "--system",
        &fixture_str("system.jsonl"),
        "--json",
    ]));
    assert_eq!(
        out.trim_end(),
        r#"{"gold":3,"system":4,"strict_P":50.0,"strict_R":66.67,"strict_F1":57.14,"relaxed_P":75.0,"relaxed_R":100.0,"relaxed_F1":85.71,"type_acc":100.0,"value_acc":66.67,"type_F1":85.71,"value_F1":57.14}"#
    );
    let out = ok(&run(&[
        "eval",
        "te3",
        &fixture_str("gold.jsonl"),
        "--system",
        &fixture_str("system.jsonl"),
        "--errors",
    ]));
    for needle in [
        "missed (no system timex overlaps the gold one): 0",
        "false positive (no gold timex overlaps): 1 (DATE 1)",
        "  g3: sys \"No dates\" DATE XXXX",
        "span only (type and value right, boundaries differ): 1 (DURATION 1)",
        "  g2: gold \"three days\" DURATION P3D | sys \"lasted three days\" DURATION P3D",
        "wrong value (type right): 1 (DATE 1)",
        "  g2: gold \"Friday\" DATE 1998-01-09 | sys \"Friday\" DATE 1998-01-16",
        "wrong type: 0",
    ] {
        assert!(out.contains(needle), "no {needle:?} in:\n{out}");
    }
}

#[test]
fn eval_te3_limit_and_errors() {
    let out = ok(&run(&[
        "eval",
        "te3",
        &fixture_str("gold.jsonl"),
        "--limit",
        "1",
        "--json",
        "--errors",
    ]));
    let v = &json_lines(&out)[0];
    assert_eq!(v["gold"], 1);
    let errors = v["errors"].as_object().expect("errors object");
    for kind in ["missed", "false_positive", "span", "value", "type"] {
        assert!(errors[kind]["count"].is_u64(), "{kind}: {v}");
        assert!(errors[kind]["examples"].is_array(), "{kind}: {v}");
    }
}

#[test]
fn eval_te3_table() {
    let out = ok(&run(&[
        "eval",
        "te3",
        &fixture_str("gold.jsonl"),
        "--errors",
    ]));
    for needle in [
        "3 documents, 3 gold",
        "strict",
        "relaxed",
        "value",
        "missed",
        "false positive",
        "wrong value",
        "wrong type",
    ] {
        assert!(out.contains(needle), "no {needle:?} in:\n{out}");
    }
}

#[test]
fn eval_te3_writes_predictions_for_the_reference_scorer() {
    let path = std::env::temp_dir().join(format!("dateline-pred-{}.jsonl", std::process::id()));
    let path_str = path.display().to_string();
    ok(&run(&[
        "eval",
        "te3",
        &fixture_str("gold.jsonl"),
        "--predictions",
        &path_str,
    ]));
    let written = std::fs::read_to_string(&path).expect("predictions written");
    let _ = std::fs::remove_file(&path);
    let lines = json_lines(&written);
    let docs: Vec<&str> = lines.iter().filter_map(|l| l["doc"].as_str()).collect();
    assert_eq!(docs, ["g1", "g2", "g3"]);
}

#[test]
fn eval_te3_rejects_gold_without_timexes() {
    let err = fails(
        &run(&["eval", "te3", &fixture_str("missing_text.jsonl")]),
        1,
    );
    assert!(
        err.contains("missing_text.jsonl, line 1: missing field `timexes`"),
        "{err}"
    );
}

/// Tags the TempEval-3 training corpus when the development data is there (it is not part of
/// the repository): every document gets a line and every offset gives its text.
#[test]
fn tags_the_te3_corpus_when_present() {
    let gold =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/te3/te3_train.jsonl");
    if !gold.exists() {
        eprintln!("skipped: {} not found", gold.display());
        return;
    }
    let gold_str = gold.display().to_string();
    let out = ok(&run(&["tag", "--jsonl", &gold_str]));
    let corpus = std::fs::read_to_string(&gold).expect("corpus is readable");
    let texts: Vec<(String, String)> = corpus
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("corpus line");
            (
                v["doc"].as_str().expect("doc").to_owned(),
                v["text"].as_str().expect("text").to_owned(),
            )
        })
        .collect();
    let lines = json_lines(&out);
    assert_eq!(lines.len(), texts.len());
    for (line, (doc, text)) in lines.iter().zip(&texts) {
        assert_eq!(line["id"].as_str(), Some(doc.as_str()));
        check_tagged(line, text);
    }
}

/// Progress is drawn on standard error only when it is a terminal: with standard error piped,
/// runs long enough to show a bar (many documents) print nothing there.
#[test]
fn long_runs_print_no_progress_when_stderr_is_not_a_terminal() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut texts: Vec<String> = std::fs::read_dir(&seeds)
        .expect("seeds/ is readable")
        .map(|e| std::fs::read_to_string(e.expect("an entry").path()).expect("a seed"))
        .collect();
    texts.sort();
    let mut jsonl = String::new();
    for copy in 0..12 {
        for (n, text) in texts.iter().enumerate() {
            let line = serde_json::json!({"id": format!("copy{copy}-{n}"), "text": text});
            jsonl.push_str(&format!("{line}\n"));
        }
    }
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("progress_many.jsonl");
    std::fs::write(&path, jsonl).expect("the input is written");
    let path = path.display().to_string();
    for command in ["tag", "events", "timeline"] {
        let o = run(&[command, "--jsonl", &path]);
        let out = ok(&o);
        assert!(!out.is_empty(), "{command}: no output");
        assert_eq!(stderr(&o), "", "{command}: something on stderr");
    }
}
