//! Bad input in `tag`, `events` and `timeline`: each bad input is reported with where it came
//! from and skipped, the good ones still make the output, the exit code says something was
//! skipped; `--strict` stops at the first; `--lossy` reads what is not UTF-8.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::*;
use serde_json::Value;

const COMMANDS: [&str; 3] = ["tag", "events", "timeline"];

/// A fresh directory for one test's inputs, holding `files` (name, bytes).
fn scratch(test: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("reliability")
        .join(test);
    // Left over from an earlier run, or absent: either way it is made anew.
    let _ = std::fs::remove_dir_all(&dir);
    for (name, bytes) in files {
        let path = dir.join(name);
        let parent = path.parent().expect("a file in the directory");
        std::fs::create_dir_all(parent).expect("the directory is made");
        std::fs::write(&path, bytes).expect("the input is written");
    }
    std::fs::create_dir_all(&dir).expect("the directory is made");
    dir
}

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

/// `dateline command args…`.
fn run_command(command: &str, args: &[String]) -> Output {
    let mut all = vec![command];
    all.extend(args.iter().map(String::as_str));
    run(&all)
}

/// The document ids of the output of `command` in JSON (`tag`, `events`) or of the timeline's
/// documents.
fn ids(command: &str, out: &str) -> Vec<String> {
    let lines = if command == "timeline" {
        let v: Value = serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: {out}"));
        v["documents"].as_array().expect("documents").clone()
    } else {
        json_lines(out)
    };
    lines
        .iter()
        .map(|l| l["id"].as_str().expect("an id").to_owned())
        .collect()
}

/// Extra arguments that make `command` write JSON.
/// `args` for `command`, with `--format json` for `timeline` (the others write JSON anyway).
fn in_json(command: &str, mut args: Vec<String>) -> Vec<String> {
    if command == "timeline" {
        args.extend(["--format".to_owned(), "json".to_owned()]);
    }
    args
}

const GOOD: &[u8] = b"The talks began on 16 March 2023.";
const LATIN1: &[u8] = b"Le caf\xe9 a ferm\xe9 le 16 March 2023.";

fn mixed_inputs(test: &str) -> (PathBuf, Vec<String>) {
    let jsonl: &[u8] = b"{\"id\": \"j1\", \"text\": \"They met on 12 May 2021.\"}\n\
        {\"id\": \"broken\n\
        \n\
        {\"id\": \"no-text\"}\n\
        {\"id\": \"y\", \"text\": \"x\", \"published\": \"yesterday\"}\n\
        {\"id\": \"good\", \"text\": \"Another good.\"}\n\
        {\"id\": \"j2\", \"text\": \"They left on 13 May 2021.\"}\n";
    let dir = scratch(
        test,
        &[
            ("good.txt", GOOD),
            ("latin1.txt", LATIN1),
            ("empty/readme.md", b"not a document"),
            ("docs.jsonl", jsonl),
        ],
    );
    let args = vec![
        path(&dir, "good.txt"),
        path(&dir, "missing.txt"),
        path(&dir, "latin1.txt"),
        path(&dir, "empty"),
        "--jsonl".to_owned(),
        path(&dir, "docs.jsonl"),
    ];
    (dir, args)
}

#[test]
fn each_bad_input_is_reported_and_the_good_ones_are_used() {
    for command in COMMANDS {
        let (dir, args) = mixed_inputs(&format!("partial-{command}"));
        let args = in_json(command, args);
        let o = run_command(command, &args);
        let err = fails(&o, 1);
        let jsonl = path(&dir, "docs.jsonl");
        let expected = [
            format!(
                "dateline: error: cannot read {}: ",
                path(&dir, "missing.txt")
            ),
            format!(
                "dateline: error: {}: not valid UTF-8: byte 0xE9 at offset 6 (line 1); the file \
                 may be Latin-1 or Windows-1252: try --lossy\n",
                path(&dir, "latin1.txt")
            ),
            format!(
                "dateline: error: no .txt files in the directory {}\n",
                path(&dir, "empty")
            ),
            format!("dateline: error: {jsonl}, line 2: invalid JSON: "),
            format!("dateline: error: {jsonl}, line 4: missing field `text`\n"),
            format!(
                "dateline: error: {jsonl}, line 5: invalid publication date \"yesterday\" for \
                 document \"y\": "
            ),
            format!(
                "dateline: error: duplicate document id \"good\": {jsonl}, line 6 repeats the id \
                 of {}\n",
                path(&dir, "good.txt")
            ),
            // Four files and directories, one good; six non-blank lines, two good.
            "dateline: 7 of 10 inputs could not be used (see above)\n".to_owned(),
        ];
        let mut rest = err.as_str();
        for part in &expected {
            let at = rest
                .find(part.as_str())
                .unwrap_or_else(|| panic!("{command}: no {part:?} (in order) in\n{err}"));
            rest = &rest[at + part.len()..];
        }
        assert!(err.ends_with(expected[7].as_str()), "{command}: {err}");
        assert_eq!(
            ids(command, &stdout(&o)),
            ["good", "j1", "j2"],
            "{command}: {err}"
        );
    }
}

#[test]
fn strict_stops_at_the_first_bad_input() {
    for command in COMMANDS {
        let (dir, args) = mixed_inputs(&format!("strict-{command}"));
        let mut args = in_json(command, args);
        args.push("--strict".to_owned());
        let o = run_command(command, &args);
        let err = fails(&o, 1);
        assert_eq!(
            err,
            format!(
                "dateline: error: cannot read {}: No such file or directory (os error 2)\n",
                path(&dir, "missing.txt")
            ),
            "{command}"
        );
        let out = stdout(&o);
        if command == "timeline" {
            assert_eq!(out, "", "a timeline of part of the input");
        } else {
            // Streamed: the document before the bad one is already written.
            assert_eq!(ids(command, &out), ["good"]);
        }
    }
}

#[test]
fn a_file_that_is_not_utf8_is_named_and_lossy_reads_it() {
    let dir = scratch("latin1", &[("notes.txt", LATIN1)]);
    let notes = path(&dir, "notes.txt");
    for command in COMMANDS {
        let o = run(&[command, &notes]);
        let err = fails(&o, 1);
        assert!(
            err.starts_with(&format!(
                "dateline: error: {notes}: not valid UTF-8: byte 0xE9 at offset 6 (line 1); the \
                 file may be Latin-1 or Windows-1252: try --lossy\n"
            )),
            "{command}: {err}"
        );
        assert!(
            err.ends_with("dateline: 1 of 1 input could not be used (see above)\n"),
            "{command}: {err}"
        );
        // Nothing was usable: not even an empty timeline.
        assert_eq!(stdout(&o), "", "{command}");
    }
    let o = run(&["tag", &notes, "--lossy"]);
    let out = ok(&o);
    assert_eq!(
        stderr(&o),
        format!(
            "dateline: warning: {notes}: not valid UTF-8: 2 bytes replaced with U+FFFD (--lossy)\n"
        )
    );
    let line = &json_lines(&out)[0];
    assert_eq!(line["id"], "notes");
    let timexes = line["timexes"].as_array().expect("timexes");
    assert!(
        timexes
            .iter()
            .any(|t| t["value"] == "2023-03-16" && t["text"] == "16 March 2023"),
        "{out}"
    );
    // The replacement is one code point: the offsets are those of the decoded text.
    assert_eq!(timexes[0]["start"], 19, "{out}");
    for command in ["events", "timeline"] {
        ok(&run(&[command, &notes, "--lossy"]));
    }
}

#[test]
fn a_utf16_file_is_recognised_even_with_lossy() {
    let dir = scratch("utf16", &[("wide.txt", b"\xff\xfeM\x00a\x00y\x00")]);
    let wide = path(&dir, "wide.txt");
    for lossy in [false, true] {
        let mut args = vec!["tag", wide.as_str()];
        if lossy {
            args.push("--lossy");
        }
        let err = fails(&run(&args), 1);
        assert!(
            err.starts_with(&format!(
                "dateline: error: {wide}: not valid UTF-8: byte 0xFF at offset 0 (line 1); it \
                 looks like UTF-16"
            )),
            "{err}"
        );
    }
}

#[test]
fn a_json_line_that_is_not_utf8_names_its_line() {
    let jsonl: &[u8] = b"{\"id\": \"a\", \"text\": \"On 1 May 2021.\"}\n\
        {\"id\": \"b\", \"text\": \"caf\xe9\"}\n\
        {\"id\": \"c\", \"text\": \"\xe9t\xe9 2020\"}\n\
        {\"id\": \"d\", \"text\": \"On 2 May 2021.\"}\n";
    let dir = scratch("latin1-jsonl", &[("docs.jsonl", jsonl)]);
    let docs = path(&dir, "docs.jsonl");
    let o = run(&["tag", "--jsonl", &docs]);
    let err = fails(&o, 1);
    assert_eq!(
        err,
        format!(
            "dateline: error: {docs}: not valid UTF-8: byte 0xE9 at offset 62 (line 2); the file \
             may be Latin-1 or Windows-1252: try --lossy\n\
             dateline: error: {docs}: not valid UTF-8: byte 0xE9 at offset 87 (line 3); the file \
             may be Latin-1 or Windows-1252: try --lossy\n\
             dateline: 2 of 4 inputs could not be used (see above)\n"
        )
    );
    assert_eq!(ids("tag", &stdout(&o)), ["a", "d"]);

    // With --lossy every line is read, and one warning counts the bytes of the whole input.
    let o = run(&["tag", "--jsonl", &docs, "--lossy"]);
    assert_eq!(ids("tag", &ok(&o)), ["a", "b", "c", "d"]);
    assert_eq!(
        stderr(&o),
        format!(
            "dateline: warning: {docs}: not valid UTF-8: 3 bytes replaced with U+FFFD (--lossy)\n"
        )
    );
}

#[test]
fn a_utf8_byte_order_mark_is_dropped() {
    let dir = scratch(
        "bom",
        &[
            ("marked.txt", b"\xef\xbb\xbf16 March 2023 was a Thursday."),
            (
                "marked.jsonl",
                b"\xef\xbb\xbf{\"id\": \"j\", \"text\": \"16 March 2023\"}\n",
            ),
        ],
    );
    let o = run(&[
        "tag",
        &path(&dir, "marked.txt"),
        "--jsonl",
        &path(&dir, "marked.jsonl"),
    ]);
    let out = ok(&o);
    assert_eq!(stderr(&o), "");
    for line in json_lines(&out) {
        let first = &line["timexes"][0];
        assert_eq!(
            (&first["start"], &first["text"]),
            (&Value::from(0), &Value::from("16 March 2023")),
            "{line}"
        );
    }
}

#[test]
fn duplicate_ids_across_a_directory_and_json_lines() {
    let jsonl: &[u8] = b"{\"id\": \"c\", \"text\": \"Third.\"}\n\
        {\"id\": \"b\", \"text\": \"Not the b of the directory.\"}\n\
        {\"id\": \"c\", \"text\": \"Third again.\"}\n";
    let dir = scratch(
        "duplicates",
        &[
            ("dir/a.txt", b"First."),
            ("dir/b.txt", b"Second."),
            ("more.jsonl", jsonl),
        ],
    );
    let more = path(&dir, "more.jsonl");
    for command in COMMANDS {
        let args = in_json(
            command,
            vec![path(&dir, "dir"), "--jsonl".to_owned(), more.clone()],
        );
        let o = run_command(command, &args);
        let err = fails(&o, 1);
        assert_eq!(
            err,
            format!(
                "dateline: error: duplicate document id \"b\": {more}, line 2 repeats the id of \
                 {}\n\
                 dateline: error: duplicate document id \"c\": {more}, line 3 repeats the id of \
                 {more}, line 1\n\
                 dateline: 2 of 5 inputs could not be used (see above)\n",
                path(&dir, "dir/b.txt")
            ),
            "{command}"
        );
        let mut got = ids(command, &stdout(&o));
        got.sort();
        assert_eq!(got, ["a", "b", "c"], "{command}");
    }
    // The first b is the directory's.
    let o = run(&[
        "tag",
        &path(&dir, "dir"),
        "--jsonl",
        &more,
        "--format",
        "text",
    ]);
    assert!(!stdout(&o).contains("Not the b"));
    let o = run(&["events", &path(&dir, "dir"), "--jsonl", &more, "--strict"]);
    let err = fails(&o, 1);
    assert!(err.contains("duplicate document id \"b\""), "{err}");
    assert!(!err.contains("duplicate document id \"c\""), "{err}");
}

#[test]
fn unknown_fields_warn_with_a_suggestion_or_fail_under_strict() {
    let jsonl: &[u8] = b"{\"id\": \"a\", \"text\": \"On Friday.\", \"publised\": \"2023-03-17\"}\n\
        {\"id\": \"b\", \"text\": \"On Friday.\", \"publised\": \"2023-03-17\", \"colour\": 1}\n";
    let dir = scratch("unknown", &[("typo.jsonl", jsonl)]);
    let typo = path(&dir, "typo.jsonl");
    for command in COMMANDS {
        let mut args = in_json(command, vec!["--jsonl".to_owned(), typo.clone()]);
        let o = run_command(command, &args);
        assert_eq!(ids(command, &ok(&o)), ["a", "b"], "{command}");
        // Once per field and input, at the first line that has it.
        assert_eq!(
            stderr(&o),
            format!(
                "dateline: warning: {typo}, line 1: unknown field `publised` (did you mean \
                 `published`?); ignored (later lines with it are not reported)\n\
                 dateline: warning: {typo}, line 2: unknown field `colour` (a document has `id`, \
                 `text` and `published`); ignored (later lines with it are not reported)\n"
            ),
            "{command}"
        );

        args.push("--strict".to_owned());
        let o = run_command(command, &args);
        let err = fails(&o, 1);
        assert_eq!(
            err,
            format!(
                "dateline: error: {typo}, line 1: unknown field `publised` (did you mean \
                 `published`?)\n"
            ),
            "{command}"
        );
        assert_eq!(stdout(&o), "", "{command}");
    }
    // The misspelt date is not used.
    let o = run(&["events", "--jsonl", &typo]);
    assert_eq!(json_lines(&ok(&o))[0]["published"], Value::Null);
}

#[test]
fn bad_publication_date_flags_are_usage_errors() {
    let dir = scratch("published-flag", &[("a.txt", GOOD)]);
    let a = path(&dir, "a.txt");
    for command in COMMANDS {
        for (value, says) in [
            (
                "2023-02-30",
                "--published \"2023-02-30\": invalid publication date \"2023-02-30\": no such day \
                 30 in February 2023",
            ),
            (
                "yesterday",
                "--published \"yesterday\": invalid publication date \"yesterday\": not a date \
                 written as digits (expected YYYY-MM-DD)",
            ),
            (
                "",
                "--published \"\": invalid publication date \"\": the value is empty",
            ),
            (
                "a=",
                "--published \"a=\": invalid publication date \"\" for document \"a\": the value \
                 is empty",
            ),
        ] {
            let o = run(&[command, &a, "--published", value]);
            let err = fails(&o, 2);
            assert!(
                err.starts_with(&format!("dateline: error: {says}")),
                "{command} {value:?}: {err}"
            );
            assert_eq!(stdout(&o), "", "{command} {value:?}");
        }
    }
    // Made before any input is read: no output directory either.
    let out_dir = dir.join("tml");
    let o = run(&[
        "tag",
        &a,
        "--format",
        "timeml",
        "--out-dir",
        &out_dir.display().to_string(),
        "--published",
        "yesterday",
    ]);
    fails(&o, 2);
    assert!(!out_dir.exists());
}

#[test]
fn bad_publication_dates_in_json_lines_are_input_errors() {
    let jsonl: &[u8] = b"{\"id\": \"ok\", \"text\": \"Fine.\", \"published\": \"2023-03-17\"}\n\
        {\"id\": \"y\", \"text\": \"x\", \"published\": \"yesterday\"}\n\
        {\"id\": \"e\", \"text\": \"x\", \"published\": \"\"}\n\
        {\"id\": \"f\", \"text\": \"x\", \"dct\": \"2023-02-30\"}\n";
    let dir = scratch("published-jsonl", &[("dates.jsonl", jsonl)]);
    let dates = path(&dir, "dates.jsonl");
    for command in COMMANDS {
        let args = in_json(command, vec!["--jsonl".to_owned(), dates.clone()]);
        let o = run_command(command, &args);
        let err = fails(&o, 1);
        assert_eq!(
            err,
            format!(
                "dateline: error: {dates}, line 2: invalid publication date \"yesterday\" for \
                 document \"y\": not a date written as digits (expected YYYY-MM-DD)\n\
                 dateline: error: {dates}, line 3: invalid publication date \"\" for document \
                 \"e\": the value is empty (expected YYYY-MM-DD)\n\
                 dateline: error: {dates}, line 4: invalid publication date \"2023-02-30\" for \
                 document \"f\": no such day 30 in February 2023 (expected YYYY-MM-DD)\n\
                 dateline: 3 of 4 inputs could not be used (see above)\n"
            ),
            "{command}"
        );
        assert_eq!(ids(command, &stdout(&o)), ["ok"], "{command}");
    }
}

#[test]
fn empty_documents_are_fine() {
    let jsonl: &[u8] = b"{\"id\": \"j\", \"text\": \"\"}\n";
    let dir = scratch(
        "empty-docs",
        &[
            ("empty.txt", b""),
            ("blank.txt", b"  \n\t\n"),
            ("marked.txt", b"\xef\xbb\xbf"),
            ("empty.jsonl", jsonl),
        ],
    );
    let inputs = [
        path(&dir, "empty.txt"),
        path(&dir, "blank.txt"),
        path(&dir, "marked.txt"),
        "--jsonl".to_owned(),
        path(&dir, "empty.jsonl"),
    ];
    let o = run_command("tag", &inputs);
    let out = ok(&o);
    assert_eq!(stderr(&o), "");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 4);
    assert!(lines.iter().all(|l| l["timexes"] == Value::Array(vec![])));
    let o = run_command("events", &inputs);
    let lines = json_lines(&ok(&o));
    assert_eq!(lines.len(), 4);
    assert!(lines.iter().all(|l| l["events"] == Value::Array(vec![])));
    let args = in_json("timeline", inputs.to_vec());
    let v: Value = serde_json::from_str(&ok(&run_command("timeline", &args))).expect("JSON");
    assert_eq!(v["documents"].as_array().map(Vec::len), Some(4));
    assert_eq!(v["events"], Value::Array(vec![]));

    // A directory without documents is still an error.
    let nothing = scratch("no-txt", &[("notes.md", b"# not a document")]);
    for command in COMMANDS {
        let o = run(&[command, &nothing.display().to_string()]);
        let err = fails(&o, 1);
        assert!(
            err.starts_with(&format!(
                "dateline: error: no .txt files in the directory {}\n",
                nothing.display()
            )),
            "{command}: {err}"
        );
        assert_eq!(stdout(&o), "", "{command}");
    }
}

#[test]
fn years_outside_1_to_9999_are_timex3_values() {
    // Issue 18: `-1-12-31` for a year before 1, `1000` (a year) for the decade after 9999.
    let dir = scratch("far-years", &[]);
    let cases = [
        (
            "The temple was built 45 centuries ago.",
            "2021-03-04",
            "BC25",
        ),
        ("It happened yesterday.", "0001-01-01", "0000-12-31"),
        ("It happened two years ago.", "0001-06-01", "BC0001"),
        ("It happens tomorrow.", "9999-12-31", "+10000-01-01"),
        ("It happens in the next decade.", "9999-12-31", "+1000"),
        ("It happens in the next century.", "9999-12-31", "+100"),
    ];
    for (i, (text, published, value)) in cases.iter().enumerate() {
        let file = dir.join(format!("t{i}.txt"));
        std::fs::write(&file, text).expect("the input is written");
        let o = run(&["tag", &file.display().to_string(), "--published", published]);
        let out = ok(&o);
        let timexes = &json_lines(&out)[0]["timexes"];
        assert_eq!(timexes[0]["value"], *value, "{text} ({published}): {out}");
    }
}

/// The `<DOCID>` of each TimeML file of `dir`, by file name.
fn timeml_files(dir: &Path) -> std::collections::BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .expect("the directory lists")
        .map(|e| {
            let path = e.expect("an entry").path();
            let xml = std::fs::read_to_string(&path).unwrap_or_default();
            let id = xml
                .split_once("<DOCID>")
                .and_then(|(_, rest)| rest.split_once("</DOCID>"))
                .map_or("", |(id, _)| id)
                .to_owned();
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            (name.unwrap_or_default(), id)
        })
        .collect()
}

#[test]
fn timeml_files_of_distinct_ids_are_distinct_files() {
    // Issue 18: `a/b`, `a b`, `a:b`, `a\b` and `a_b` all became `a_b.tml`, `""` and `_` both
    // `_.tml`; exit 0 and one file left of each group.
    let ids = ["a/b", "a b", "a:b", "a\\b", "a_b", "", "_", "A_B"];
    let jsonl: String = ids
        .iter()
        .map(|id| format!("{{\"id\": {id:?}, \"text\": \"On 3 March 2021.\"}}\n"))
        .collect();
    let dir = scratch("out-dir-names", &[("docs.jsonl", jsonl.as_bytes())]);
    let out = dir.join("tml");
    let o = run(&[
        "tag",
        "--format",
        "timeml",
        "--out-dir",
        &out.display().to_string(),
        "--jsonl",
        &path(&dir, "docs.jsonl"),
    ]);
    ok(&o);
    let files = timeml_files(&out);
    let mut written: Vec<&str> = files.values().map(String::as_str).collect();
    written.sort_unstable();
    let mut expected = ids.to_vec();
    expected.sort_unstable();
    assert_eq!(written, expected, "{files:?}");
    // Names made of letters, digits, `.`, `-` and `_` are the id itself.
    assert_eq!(files.get("a_b.tml").map(String::as_str), Some("a_b"));
    assert_eq!(files.get("_.tml").map(String::as_str), Some("_"));
    // A name case-insensitive file systems would confuse with it is hashed.
    assert!(!files.contains_key("A_B.tml"), "{files:?}");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_in_the_output_directory_is_replaced_not_followed() {
    let dir = scratch(
        "out-dir-link",
        &[
            ("precious.txt", b"keep me"),
            ("a.txt", b"They met on 3 March 2021."),
            ("tml/.keep", b""),
        ],
    );
    let out = dir.join("tml");
    std::os::unix::fs::symlink(dir.join("precious.txt"), out.join("a.tml")).expect("a link");
    let o = run(&[
        "tag",
        "--format",
        "timeml",
        "--out-dir",
        &out.display().to_string(),
        &path(&dir, "a.txt"),
    ]);
    ok(&o);
    assert_eq!(
        std::fs::read_to_string(dir.join("precious.txt"))
            .ok()
            .as_deref(),
        Some("keep me")
    );
    let meta = std::fs::symlink_metadata(out.join("a.tml")).expect("the output is there");
    assert!(meta.is_file(), "{meta:?}");
    assert_eq!(
        timeml_files(&out).get("a.tml").map(String::as_str),
        Some("a")
    );
}

#[test]
fn a_timeml_file_that_cannot_be_written_is_one_bad_input() {
    // Issue 18: an id too long for a file name ended the batch with exit 1 and no summary, and
    // the later documents were never written. Such ids now get short names; a file that still
    // cannot be written (here a directory is in its place) is one bad input.
    let long = "x".repeat(300);
    let accents = "é".repeat(130);
    let jsonl = format!(
        "{{\"id\": \"{long}\", \"text\": \"On 3 March 2021.\"}}\n\
         {{\"id\": \"{accents}\", \"text\": \"On 4 March 2021.\"}}\n\
         {{\"id\": \"blocked\", \"text\": \"On 5 March 2021.\"}}\n\
         {{\"id\": \"after\", \"text\": \"On 6 March 2021.\"}}\n"
    );
    let dir = scratch(
        "out-dir-unwritable",
        &[("docs.jsonl", jsonl.as_bytes()), ("tml/blocked.tml/x", b"")],
    );
    let out = dir.join("tml");
    let o = run(&[
        "tag",
        "--format",
        "timeml",
        "--out-dir",
        &out.display().to_string(),
        "--jsonl",
        &path(&dir, "docs.jsonl"),
    ]);
    let err = fails(&o, 1);
    assert!(
        err.starts_with(&format!(
            "dateline: error: cannot write {} for document \"blocked\": ",
            out.join("blocked.tml").display()
        )),
        "{err}"
    );
    assert!(
        err.ends_with("dateline: 1 of 4 inputs could not be used (see above)\n"),
        "{err}"
    );
    let ids: Vec<String> = timeml_files(&out).into_values().collect();
    for id in [long.as_str(), accents.as_str(), "after"] {
        assert!(ids.iter().any(|i| i == id), "{id} not written: {ids:?}");
    }
}

#[test]
fn predictions_never_replace_the_gold() {
    // Issue 18: `eval te3 gold.jsonl --predictions gold.jsonl` left the gold empty.
    let gold: &[u8] = b"{\"doc\": \"d\", \"dct\": \"2021-03-04\", \"text\": \"On 3 March 2021.\", \
        \"timexes\": [{\"start\": 3, \"end\": 15, \"text\": \"3 March 2021\", \"type\": \"DATE\", \
        \"value\": \"2021-03-03\"}]}\n";
    let dir = scratch("predictions", &[("gold.jsonl", gold)]);
    let gold_path = path(&dir, "gold.jsonl");
    let mut same = vec![gold_path.clone(), path(&dir, "./gold.jsonl")];
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.join("gold.jsonl"), dir.join("link.jsonl")).expect("link");
        same.push(path(&dir, "link.jsonl"));
    }
    for predictions in &same {
        let o = run(&["eval", "te3", &gold_path, "--predictions", predictions]);
        let err = fails(&o, 2);
        assert!(
            err.starts_with(&format!(
                "dateline: error: --predictions {predictions} is the input {gold_path}"
            )),
            "{err}"
        );
        assert_eq!(
            std::fs::read(dir.join("gold.jsonl")).ok().as_deref(),
            Some(gold)
        );
    }
    // Elsewhere, written whole, and no temporary file is left.
    let o = run(&[
        "eval",
        "te3",
        &gold_path,
        "--predictions",
        &path(&dir, "pred.jsonl"),
    ]);
    ok(&o);
    let written = std::fs::read_to_string(dir.join("pred.jsonl")).expect("written");
    assert!(written.contains("\"2021-03-03\""), "{written}");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("listed")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort_unstable();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn a_timeml_input_in_the_output_directory_is_refused() {
    let dir = scratch("out-dir-input", &[("tml/a.tml", b"On 3 March 2021.")]);
    let out = dir.join("tml");
    let o = run(&[
        "tag",
        "--format",
        "timeml",
        "--out-dir",
        &out.display().to_string(),
        &path(&dir, "tml/a.tml"),
    ]);
    let err = fails(&o, 2);
    assert!(err.contains("which the output could overwrite"), "{err}");
    assert_eq!(
        std::fs::read_to_string(out.join("a.tml")).ok().as_deref(),
        Some("On 3 March 2021.")
    );
}

#[test]
fn a_document_larger_than_max_bytes_is_one_bad_input() {
    let jsonl: &[u8] = b"{\"id\": \"j1\", \"text\": \"They met on 12 May 2021.\"}\n\
        {\"id\": \"big\", \"text\": \"They met on 12 May 2021 and talked and talked.\"}\n\
        {\"id\": \"j3\", \"text\": \"Never read.\"}\n";
    let dir = scratch(
        "max-bytes",
        &[
            ("small.txt", b"On 3 March 2021."),
            ("large.txt", &[b'x'; 200]),
            ("docs.jsonl", jsonl),
        ],
    );
    for command in COMMANDS {
        let args = in_json(
            command,
            vec![
                path(&dir, "small.txt"),
                path(&dir, "large.txt"),
                "--jsonl".to_owned(),
                path(&dir, "docs.jsonl"),
                "--max-bytes".to_owned(),
                "60".to_owned(),
            ],
        );
        let o = run_command(command, &args);
        let err = fails(&o, 1);
        assert_eq!(
            err,
            format!(
                "dateline: error: {}: larger than the 60 bytes of --max-bytes: not read\n\
                 dateline: error: {}, line 2: longer than the 60 bytes of --max-bytes: the rest \
                 of the input is not read\n\
                 dateline: 2 of 4 inputs could not be used (see above)\n",
                path(&dir, "large.txt"),
                path(&dir, "docs.jsonl"),
            ),
            "{command}"
        );
        let mut got = ids(command, &stdout(&o));
        got.sort();
        assert_eq!(got, ["j1", "small"], "{command}");
    }
    let o = run(&["tag", &path(&dir, "small.txt"), "--max-bytes", "lots"]);
    let err = fails(&o, 2);
    assert!(err.contains("\"lots\" is not a number of bytes"), "{err}");
}

#[test]
fn an_endless_json_line_is_an_error_not_an_abort() {
    // Issue 18: a line without an end grew until the allocation failed (exit 134). Bytes are
    // written until dateline stops reading; it must stop, and say why.
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["tag", "--jsonl", "-", "--max-bytes", "1M"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the dateline binary runs");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let chunk = [b'x'; 64 * 1024];
    let mut written = 0usize;
    stdin
        .write_all(b"{\"id\": \"endless\", \"text\": \"")
        .expect("the start is written");
    // At most 256 MB: far past the limit, were it not kept.
    while written < 256 << 20 && stdin.write_all(&chunk).is_ok() {
        written += chunk.len();
    }
    drop(stdin);
    let o = child.wait_with_output().expect("dateline finishes");
    let err = fails(&o, 1);
    assert!(written < 64 << 20, "{written} bytes were read");
    assert_eq!(
        err,
        "dateline: error: <stdin>, line 1: longer than the 1,048,576 bytes of --max-bytes: the \
         rest of the input is not read\n\
         dateline: 1 of 1 input could not be used (see above)\n"
    );
}

#[test]
fn utf16_without_a_byte_order_mark_is_recognised_too() {
    // Issue 18: read as nothing (0 timexes, exit 0).
    let utf16 = |text: &str, little: bool| -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if little {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                }
            })
            .collect()
    };
    let le = utf16("The talks began on 16 March 2023.", true);
    let be = utf16("The talks began on 16 March 2023.", false);
    let jsonl = utf16(
        "{\"id\": \"a\", \"text\": \"16 March 2023\"}\n{\"id\": \"b\", \"text\": \"x\"}\n",
        true,
    );
    let dir = scratch(
        "utf16-no-bom",
        &[("le.txt", &le), ("be.txt", &be), ("docs.jsonl", &jsonl)],
    );
    for lossy in [false, true] {
        let mut args = vec![
            path(&dir, "le.txt"),
            path(&dir, "be.txt"),
            "--jsonl".to_owned(),
            path(&dir, "docs.jsonl"),
        ];
        if lossy {
            args.push("--lossy".to_owned());
        }
        let o = run_command("tag", &args);
        let err = fails(&o, 1);
        let says = |input: &str, order: &str| {
            format!(
                "dateline: error: {}: not UTF-8 text: a NUL in every other byte; it looks like \
                 UTF-16{order} without a byte-order mark: convert it to UTF-8, e.g. with `iconv \
                 -f UTF-16{order} -t UTF-8`\n",
                path(&dir, input)
            )
        };
        assert_eq!(
            err,
            format!(
                "{}{}{}dateline: 3 of 3 inputs could not be used (see above)\n",
                says("le.txt", "LE"),
                says("be.txt", "BE"),
                says("docs.jsonl", "LE")
            )
        );
        assert_eq!(stdout(&o), "");
    }
}

#[cfg(unix)]
#[test]
fn a_dangling_link_in_a_directory_is_a_bad_input() {
    // Issue 18: a `.txt` link whose target is gone was skipped without a word (exit 0).
    let dir = scratch("dangling", &[("docs/a.txt", GOOD)]);
    let docs = dir.join("docs");
    std::os::unix::fs::symlink(dir.join("gone.txt"), docs.join("b.txt")).expect("a link");
    let o = run(&["tag", &docs.display().to_string()]);
    let err = fails(&o, 1);
    assert!(
        err.starts_with(&format!(
            "dateline: error: cannot read {}: No such file or directory",
            docs.join("b.txt").display()
        )),
        "{err}"
    );
    assert!(
        err.ends_with("dateline: 1 of 2 inputs could not be used (see above)\n"),
        "{err}"
    );
    assert_eq!(ids("tag", &stdout(&o)), ["a"]);
}

#[test]
fn gold_offsets_out_of_range_or_reversed_are_errors() {
    // Issue 18: `eval te3` scored such gold as it was.
    for (start, end, says) in [
        (9, 3, "timexes[0]: the offsets 9..3 are reversed"),
        (
            3,
            99,
            "timexes[0]: the offsets 3..99 go past the end of the text (16 characters)",
        ),
    ] {
        let gold = format!(
            "{{\"doc\": \"d\", \"dct\": \"2021-03-04\", \"text\": \"On 3 March 2021.\", \
             \"timexes\": [{{\"start\": {start}, \"end\": {end}, \"text\": \"3 March 2021\", \
             \"type\": \"DATE\", \"value\": \"2021-03-03\"}}]}}\n"
        );
        let dir = scratch("bad-gold", &[("gold.jsonl", gold.as_bytes())]);
        let gold = path(&dir, "gold.jsonl");
        for system in [false, true] {
            let mut args = vec!["eval", "te3", gold.as_str()];
            if system {
                args.extend(["--system", gold.as_str()]);
            }
            let err = fails(&run(&args), 1);
            assert_eq!(err, format!("dateline: error: {gold}, line 1: {says}\n"));
        }
    }
}

#[test]
fn csv_cells_are_never_formulas_and_ids_never_escape_sequences() {
    // Issue 18: an id `=cmd|calc!A1` reached spreadsheets as a formula; escape characters in
    // ids reached the terminal raw in `md` and `text`.
    let text = "Sergey Lavrov met the delegation in Moscow on 12 September 2022.";
    let jsonl = format!(
        "{{\"id\": \"=cmd|calc!A1\", \"text\": {text:?}}}\n\
         {{\"id\": \"red\\u001b[31m\\u0007\", \"text\": {text:?}}}\n"
    );
    let dir = scratch("csv-escapes", &[("docs.jsonl", jsonl.as_bytes())]);
    let docs = path(&dir, "docs.jsonl");
    let csv = ok(&run(&["timeline", "--jsonl", &docs, "--format", "csv"]));
    let row = csv.lines().nth(1).expect("one event");
    assert!(row.contains(",'=cmd|calc!A1; red"), "{row}");
    assert!(
        !csv.lines()
            .any(|l| l.split(',').any(|c| c.starts_with('='))),
        "{csv}"
    );
    for args in [
        vec!["timeline", "--jsonl", &docs],
        vec!["tag", "--jsonl", &docs, "--format", "text"],
    ] {
        let out = ok(&run(&args));
        assert!(
            !out.chars().any(|c| c.is_control() && c != '\n'),
            "{args:?}: {out:?}"
        );
        assert!(out.contains("red\\u{1b}[31m\\u{7}"), "{args:?}: {out}");
    }
}
