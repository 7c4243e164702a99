//! Runs `dateline timeline` on the seeds and on a small fixture (three short articles, two of
//! which disagree on the day of an arrival): output shapes, formats, filters, policies, exit
//! codes and messages.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

mod common;

use common::{ok, stderr, stdout};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seeds() -> String {
    root().join("seeds").display().to_string()
}

/// The fixture directory: `a.txt` (arrival on 9 September 2022), `b.txt` (10 September) and
/// `c.txt` (Lavrov's meeting of 12 September).
fn fixture() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/timeline")
        .display()
        .to_string()
}

/// Runs `dateline timeline args…` with `stdin` as standard input.
fn run_with_stdin(args: &[&str], stdin: &str) -> Output {
    let mut all = vec!["timeline"];
    all.extend(args);
    common::run_with_stdin(&all, stdin)
}

fn run(args: &[&str]) -> Output {
    run_with_stdin(args, "")
}

/// Asserts failure with `code`, no panic and no output; returns stderr.
fn fails(o: &Output, code: i32) -> String {
    let err = common::fails(o, code);
    assert!(o.stdout.is_empty(), "output on failure");
    err
}

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = ok(&run(&all));
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("bad JSON: {e}\n{out}"))
}

fn events(v: &Value) -> &Vec<Value> {
    v["events"].as_array().expect("events is an array")
}

fn texts(dir: &str) -> BTreeMap<String, Vec<char>> {
    std::fs::read_dir(dir)
        .expect("the directory reads")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let id = p
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&p).expect("the file reads");
            (id, text.chars().collect())
        })
        .collect()
}

fn cut(chars: &[char], v: &Value, start: &str, end: &str) -> String {
    let a = v[start]
        .as_u64()
        .unwrap_or_else(|| panic!("{start} in {v}")) as usize;
    let b = v[end].as_u64().unwrap_or_else(|| panic!("{end} in {v}")) as usize;
    assert!(a <= b && b <= chars.len(), "{v}");
    chars[a..b].iter().collect()
}

/// The chosen claim's start date of each conflict.
fn chosen_starts(v: &Value) -> Vec<String> {
    events(v)
        .iter()
        .filter(|e| !e["conflict"].is_null())
        .map(|e| {
            let c = &e["conflict"];
            let i = c["chosen"].as_u64().expect("chosen") as usize;
            c["claims"][i]["when"]["start"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

#[test]
fn markdown_is_the_default() {
    let out = ok(&run(&[&seeds()]));
    assert!(out.starts_with("# Timeline\n\n"), "{out}");
    assert!(out.contains("- **12 September 2022** — "), "{out}");
    assert!(out.contains("- ⚠ **"), "the seeds have a conflict: {out}");
    assert!(out.contains("\n## Sources\n"), "{out}");
    let same = ok(&run(&[&seeds(), "--format", "md"]));
    assert_eq!(out, same);
    let alias = ok(&run(&[&seeds(), "--format", "markdown"]));
    assert_eq!(out, alias);
}

#[test]
fn json_follows_the_contract() {
    let v = json(&[&seeds()]);
    assert_eq!(v["schema"], "dateline.timeline/1");
    let texts = texts(&seeds());
    let docs = v["documents"].as_array().expect("documents");
    let ids: Vec<&str> = docs.iter().filter_map(|d| d["id"].as_str()).collect();
    assert_eq!(ids, texts.keys().map(String::as_str).collect::<Vec<_>>());
    for d in docs {
        for key in ["id", "published", "published_source", "published_bounds"] {
            assert!(d.get(key).is_some(), "{key} missing from {d}");
        }
    }
    let events = events(&v);
    assert!(events.len() > 5);
    for e in events {
        for key in [
            "id",
            "when",
            "summary",
            "participants",
            "location",
            "mentions",
            "conflict",
            "confidence",
        ] {
            assert!(e.get(key).is_some(), "{key} missing from {e}");
        }
        if !e["when"].is_null() {
            for key in ["start", "end", "granularity", "timex", "edtf"] {
                assert!(e["when"].get(key).is_some(), "when.{key} missing from {e}");
            }
        }
        for m in e["mentions"].as_array().expect("mentions") {
            let chars = &texts[m["doc"].as_str().expect("doc")];
            assert_eq!(
                cut(chars, m, "sentence_start", "sentence_end"),
                m["sentence"].as_str().unwrap_or_default()
            );
            assert_eq!(
                cut(chars, &m["trigger"], "start", "end"),
                m["trigger"]["text"].as_str().unwrap_or_default()
            );
            if !m["time"].is_null() {
                assert_eq!(
                    cut(chars, &m["time"], "start", "end"),
                    m["time"]["text"].as_str().unwrap_or_default()
                );
                assert!(m["time"]["timex"].is_string());
            }
        }
        if !e["conflict"].is_null() {
            let c = &e["conflict"];
            let claims = c["claims"].as_array().expect("claims");
            assert!(claims.len() >= 2, "{c}");
            assert!((c["chosen"].as_u64().expect("chosen") as usize) < claims.len());
            for claim in claims {
                assert!(claim["docs"].as_array().is_some_and(|d| !d.is_empty()));
                assert!(claim["weight"].is_number());
                assert!(claim["when"]["granularity"].is_string());
            }
            assert!(c["rule"].is_string() && c["explanation"].is_string());
        }
    }
}

#[test]
fn jsonl_csv_and_timelinejs() {
    let v = json(&[&seeds()]);
    let n = events(&v).len();

    let jsonl = ok(&run(&[&seeds(), "--format", "jsonl"]));
    let lines: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(&Value::Array(lines), &v["events"]);

    let csv = ok(&run(&[&seeds(), "--format", "csv"]));
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), n + 1, "a header and a row per event");
    assert!(rows[0].starts_with("date,start,end,granularity,timex,summary,"));
    assert!(csv.contains(",true,"), "the conflict is flagged");

    let js = ok(&run(&[&seeds(), "--format", "timelinejs"]));
    let js: Value = serde_json::from_str(&js).expect("valid JSON");
    assert!(js["title"]["text"]["headline"].is_string());
    let slides = js["events"].as_array().expect("events");
    let complete = events(&v)
        .iter()
        .filter(|e| e["when"]["start"].is_string())
        .count();
    assert_eq!(slides.len(), complete);
    for s in slides {
        assert!(s["start_date"]["year"].is_i64(), "{s}");
        assert!(s["text"]["headline"].is_string(), "{s}");
    }
}

#[test]
fn about_keeps_the_events_of_one_name() {
    let all = json(&[&seeds()]);
    let about = json(&[&seeds(), "--about", "Sergei Lavrov"]);
    let events = events(&about);
    assert!(!events.is_empty());
    assert!(events.len() < self::events(&all).len());
    for e in events {
        let named = e["participants"].as_array().is_some_and(|ps| {
            ps.iter().any(|p| {
                p["name"].as_str().is_some_and(|n| n.contains("Lavrov"))
                    || p["aliases"].to_string().contains("Lavrov")
            })
        });
        assert!(named, "{e}");
    }
    assert!(events.iter().any(|e| e["when"]["start"] == "2022-09-12"));
    let nobody = json(&[&seeds(), "--about", "Nobody Anywhere"]);
    assert!(self::events(&nobody).is_empty());
}

#[test]
fn date_ranges() {
    let v = json(&[&seeds(), "--between", "2022-09-01", "2022-09-30"]);
    assert!(!events(&v).is_empty());
    for e in events(&v) {
        let start = e["when"]["start"].as_str().expect("a complete date");
        let end = e["when"]["end"].as_str().expect("a complete date");
        assert!(start <= "2022-09-30" && end >= "2022-09-01", "{e}");
    }
    let month = json(&[&seeds(), "--between", "2022-09", "2022-09"]);
    assert_eq!(month["events"], v["events"], "YYYY-MM covers the month");
    let open = json(&[&seeds(), "--from", "2022-09-01", "--to", "2022-09-30"]);
    assert_eq!(open["events"], v["events"]);
    let later = json(&[&seeds(), "--from", "2023"]);
    for e in events(&later) {
        assert!(
            e["when"]["end"].as_str().is_some_and(|d| d >= "2023-01-01"),
            "{e}"
        );
    }

    let err = fails(&run(&[&seeds(), "--from", "September"]), 2);
    assert!(err.contains("--from \"September\""), "{err}");
    let err = fails(
        &run(&[&seeds(), "--between", "2023-01-01", "2022-01-01"]),
        2,
    );
    assert!(err.contains("before it starts"), "{err}");
    fails(&run(&[&seeds(), "--between", "2023", "--from", "2022"]), 2);
}

#[test]
fn policies_trust_and_weights_choose_among_claims() {
    let dir = fixture();
    let default = json(&[&dir]);
    assert!(
        !chosen_starts(&default).is_empty(),
        "the fixture has a conflict"
    );
    assert!(chosen_starts(&default).iter().all(|d| d == "2022-09-09"));

    let latest = json(&[&dir, "--policy", "latest"]);
    assert!(chosen_starts(&latest).iter().all(|d| d == "2022-09-10"));
    assert!(events(&latest)
        .iter()
        .filter(|e| !e["conflict"].is_null())
        .all(|e| e["conflict"]["rule"] == "latest" && e["when"]["start"] == "2022-09-10"));
    let earliest = json(&[&dir, "--policy", "earliest"]);
    assert!(chosen_starts(&earliest).iter().all(|d| d == "2022-09-09"));

    let trusted = json(&[&dir, "--trust", "b"]);
    assert!(chosen_starts(&trusted).iter().all(|d| d == "2022-09-10"));
    assert!(events(&trusted)
        .iter()
        .filter(|e| !e["conflict"].is_null())
        .all(|e| e["conflict"]["rule"] == "trusted"));
    let explicit = json(&[&dir, "--policy", "trusted", "--trust", "b"]);
    assert_eq!(explicit, trusted);

    let weighted = json(&[&dir, "--weight", "b=3"]);
    assert!(chosen_starts(&weighted).iter().all(|d| d == "2022-09-10"));
    for e in events(&weighted)
        .iter()
        .filter(|e| !e["conflict"].is_null())
    {
        let claims = e["conflict"]["claims"].as_array().expect("claims");
        let b = claims
            .iter()
            .find(|c| c["docs"] == serde_json::json!(["b"]))
            .expect("b's claim");
        assert_eq!(b["weight"], 3.0, "{e}");
    }
}

#[test]
fn bad_policy_arguments_are_usage_errors() {
    let dir = fixture();
    for bad in ["heavy", "-1", "inf", "NaN"] {
        let value = format!("b={bad}");
        let err = fails(&run(&[&dir, "--weight", &value]), 2);
        assert!(err.contains(&format!("--weight {value}")), "{err}");
        assert!(err.contains(bad), "{err}");
    }
    let err = fails(&run(&[&dir, "--weight", "b"]), 2);
    assert!(err.contains("--weight b: expected ID=WEIGHT"), "{err}");
    let err = fails(&run(&[&dir, "--policy", "trusted"]), 2);
    assert!(err.contains("--trust"), "{err}");
    let err = fails(&run(&[&dir, "--policy", "earliest", "--trust", "a"]), 2);
    assert!(err.contains("--policy trusted"), "{err}");
    fails(&run(&[&dir, "--policy", "newest"]), 2);
    fails(&run(&[&dir, "--format", "yaml"]), 2);

    // A weight or trust for a document not read is a warning, not an error.
    let o = run(&[&dir, "--weight", "zz=2", "--trust", "yy"]);
    ok(&o);
    let err = stderr(&o);
    assert!(err.contains("--weight names document \"zz\""), "{err}");
    assert!(err.contains("--trust names document \"yy\""), "{err}");
}

#[test]
fn duplicate_ids_exit_1_naming_the_id_and_keep_the_first() {
    let a = format!("{}/a.txt", fixture());
    let o = run(&[&a, &a, "--format", "json"]);
    let err = common::fails(&o, 1);
    assert!(
        err.contains(&format!(
            "dateline: error: duplicate document id \"a\": {a} repeats the id of {a}\n"
        )),
        "{err}"
    );
    let v: Value = serde_json::from_str(&stdout(&o)).expect("the timeline of the first");
    assert_eq!(v["documents"].as_array().map(Vec::len), Some(1));

    let jsonl = "{\"id\": \"x\", \"text\": \"They met on 12 September 2022.\"}\n\
                 {\"id\": \"x\", \"text\": \"They left.\"}\n";
    let o = run_with_stdin(&["--jsonl", "-", "--format", "json"], jsonl);
    let err = common::fails(&o, 1);
    assert!(
        err.contains(
            "duplicate document id \"x\": <stdin>, line 2 repeats the id of <stdin>, line 1"
        ),
        "{err}"
    );
    let v: Value = serde_json::from_str(&stdout(&o)).expect("the timeline of the first");
    assert!(v["events"].to_string().contains("met"), "{v}");
    assert!(!v["events"].to_string().contains("left"), "{v}");

    fails(&run_with_stdin(&["--jsonl", "-", "--strict"], jsonl), 1);
}

#[test]
fn published_dates_and_json_lines() {
    let v = json(&[&fixture(), "--published", "c=2022-09-13"]);
    let c = v["documents"]
        .as_array()
        .and_then(|d| d.iter().find(|d| d["id"] == "c"))
        .expect("document c");
    assert_eq!(c["published"], "2022-09-13");
    assert_eq!(c["published_source"], "given");

    let jsonl = "{\"id\": \"r\", \"text\": \"Sergey Lavrov met Ismail Haniyeh in Moscow on Thursday.\", \"published\": \"2023-03-17\"}\n";
    let out = ok(&run_with_stdin(
        &["--jsonl", "-", "--format", "json"],
        jsonl,
    ));
    let v: Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["documents"][0]["published_source"], "given");
    assert_eq!(v["events"][0]["when"]["start"], "2023-03-16");

    let err = fails(&run(&[&fixture(), "--published", "c=2022-02-30"]), 2);
    assert!(err.contains("2022-02-30"), "{err}");
}

#[test]
fn no_documents_is_a_usage_error_and_empty_input_is_an_empty_timeline() {
    fails(&run(&[]), 2);
    let out = ok(&run_with_stdin(&["-", "--format", "json"], ""));
    let v: Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["documents"][0]["id"], "stdin");
    assert!(events(&v).is_empty());
    let md = ok(&run_with_stdin(&["-"], ""));
    assert!(
        md.starts_with("# Timeline\n\n0 events from 1 document.\n"),
        "{md}"
    );
}

/// Issue 19: a page to look at, one row per event, nothing fetched; a filtered view says so
/// in every format.
#[test]
fn html_is_one_page_with_a_row_per_event_and_filters_say_so() {
    let whole = json(&[&seeds()]);
    let page = ok(&run(&[&seeds(), "--format", "html"]));
    assert!(page.starts_with("<!DOCTYPE html>"), "{}", &page[..100]);
    assert_eq!(
        page.matches("<tr class=\"dl-row").count(),
        events(&whole).len()
    );
    assert!(!page.contains("src=\"http") && !page.contains("href=\"http"));
    let conflicts = events(&whole)
        .iter()
        .filter(|e| !e["conflict"].is_null())
        .count();
    assert_eq!(
        page.matches("<details class=\"dl-claims\">").count(),
        conflicts
    );
    assert!(!page.contains("Filtered"));

    let args = [
        seeds(),
        "--between".into(),
        "2022-09".into(),
        "2022-09".into(),
    ];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    for format in ["md", "html", "json", "csv"] {
        let mut all = args.clone();
        all.extend(["--format", format]);
        let o = run(&all);
        let out = ok(&o);
        assert!(
            stderr(&o)
                .contains("note: Filtered: only the events dated between 1 and 30 September 2022"),
            "{}",
            stderr(&o)
        );
        match format {
            "md" | "html" => assert!(
                out.contains("Filtered: only the events dated between"),
                "{format}"
            ),
            "json" => {
                let v: Value = serde_json::from_str(&out).unwrap_or(Value::Null);
                assert_eq!(v["filters"][0]["kind"], "between");
                assert_eq!(v["filters"][0]["start"], "2022-09-01");
                assert_eq!(v["unfiltered_events"], events(&whole).len());
            }
            _ => {}
        }
    }
}

/// Issue 19: every claim of a conflict, in every format, comes with the sentence that makes
/// it and why it weighs what it weighs.
#[test]
fn conflicts_give_each_claims_sentences_and_reasons() {
    let v = json(&[&seeds()]);
    let conflict = events(&v)
        .iter()
        .find_map(|e| e["conflict"].as_object())
        .expect("the seeds have a conflict");
    for claim in conflict["claims"].as_array().into_iter().flatten() {
        let evidence = claim["evidence"].as_array().expect("evidence");
        assert!(!evidence.is_empty());
        for ev in evidence {
            assert!(!ev["sentence"].as_str().unwrap_or("").is_empty());
            assert!(!ev["reason"].as_str().unwrap_or("").is_empty());
        }
    }
    let md = ok(&run(&[&seeds()]));
    assert!(
        md.contains("— explicit date in the same sentence ("),
        "{md}"
    );
    assert!(md.contains("  - why: chose "), "{md}");
    let csv = ok(&run(&[&seeds(), "--format", "csv"]));
    assert!(
        csv.contains(": explicit date in the same sentence"),
        "{csv}"
    );
    let tjs = ok(&run(&[&seeds(), "--format", "timelinejs"]));
    assert!(tjs.contains("explicit date in the same sentence"));
}

/// Issue 19: the slips of a first hour are read as meant or told plainly.
#[test]
fn newcomer_slips_are_understood_or_explained() {
    // A .jsonl file given as a plain file is read as JSON Lines, as with --jsonl.
    let jsonl = common::fixture_str("docs.jsonl");
    let plain = json(&[&jsonl]);
    let flagged = json(&["--jsonl", &jsonl]);
    assert_eq!(plain, flagged);
    assert!(!events(&plain).is_empty());
    assert!(!events(&plain)
        .iter()
        .any(|e| e["summary"].as_str().unwrap_or("").contains("\"text\"")));

    // --published takes the file name as well as the id.
    let seeds = seeds();
    let by_file = run(&[
        &seeds,
        "--published",
        "004_4be500a43fb9c99e.txt=2023-10-27",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&ok(&by_file)).unwrap_or(Value::Null);
    let doc = v["documents"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|d| d["id"] == "004_4be500a43fb9c99e")
        .cloned()
        .unwrap_or(Value::Null);
    assert_eq!(doc["published"], "2023-10-27");
    assert_eq!(doc["published_source"], "given");
    assert!(
        !stderr(&by_file).contains("warning"),
        "{}",
        stderr(&by_file)
    );

    // --about that matches nothing names the closest names the timeline knows.
    let o = run(&[&seeds, "--about", "Lavrob Sergeyy"]);
    let err = stderr(&o);
    ok(&o);
    assert!(
        err.contains("--about \"Lavrob Sergeyy\" matches no event of the timeline; the closest names it knows: \"Sergey Lavrov\""),
        "{err}"
    );

    // A bad date says what is wrong with it.
    let err = fails(&run(&[&seeds, "--between", "2023-13-01", "2024"]), 2);
    assert!(
        err.contains("--between \"2023-13-01\": no such month 13"),
        "{err}"
    );
    let err = fails(&run(&[&seeds, "--from", "2023-02-29"]), 2);
    assert!(err.contains("no such day 29 in February 2023"), "{err}");
    let err = fails(&run(&[&seeds, "--published", "2023-13-01"]), 2);
    assert!(err.contains("no such month 13"), "{err}");
}
