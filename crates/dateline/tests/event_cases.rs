//! Data-driven event tests: every line of `data/event_cases.txt` is a case.
//!
//! A line is `PUBLISHED | text`, where PUBLISHED is `YYYY-MM-DD` and each happening expected on
//! the timeline is written `[words|VALUE]` (its trigger, or a word folded into it, and the
//! TIMEX3 value of its date), and each word that must not be a happening of the timeline
//! `{words}`. `\n` in the text is a line break (a headline above its story). The test strips
//! the marks, extracts the events and compares. Lines starting with `#` are comments.

use dateline::{extract, parse_published, Document};

struct Case {
    text: String,
    published: chrono::NaiveDate,
    expected: Vec<(String, usize, String)>,
    excluded: Vec<(String, usize)>,
}

fn parse_case(line: &str) -> Case {
    let (published, marked) = line.split_once('|').expect("a case is `PUBLISHED | text`");
    let published = parse_published(published.trim()).expect("a valid publication date");
    let mut text = String::new();
    let mut expected = Vec::new();
    let mut excluded = Vec::new();
    let marked = marked.trim().replace("\\n", "\n");
    let mut rest = marked.as_str();
    while let Some(open) = rest.find(['[', '{']) {
        text.push_str(&rest[..open]);
        let closing = if rest[open..].starts_with('[') {
            ']'
        } else {
            '}'
        };
        let close = rest[open..].find(closing).expect("an unclosed mark") + open;
        let inner = &rest[open + 1..close];
        if closing == ']' {
            let (words, value) = inner.split_once('|').expect("[words|VALUE]");
            expected.push((words.to_owned(), text.len(), value.to_owned()));
            text.push_str(words);
        } else {
            excluded.push((inner.to_owned(), text.len()));
            text.push_str(inner);
        }
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    Case {
        text,
        published,
        expected,
        excluded,
    }
}

#[test]
fn event_cases() {
    let data = include_str!("data/event_cases.txt");
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in data.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        cases += 1;
        let case = parse_case(line);
        let doc = Document::new("case", &case.text).with_published(case.published);
        let x = extract(&doc);
        let on_timeline: Vec<_> = x.events.iter().filter(|e| e.timeline).collect();
        let tells = |e: &dateline::event::EventMention, at: usize| {
            e.trigger_start == at || e.folded.iter().any(|f| f.start == at)
        };
        for (words, at, value) in &case.expected {
            let found = on_timeline
                .iter()
                .find(|e| tells(e, *at))
                .map(|e| e.when.map_or("none".to_owned(), |w| w.to_string()));
            if found.as_deref() != Some(value.as_str()) {
                failures.push(format!(
                    "{line}\n    [{words}] expected {value}, found {}",
                    found.unwrap_or_else(|| "no happening".into())
                ));
            }
        }
        for (words, at) in &case.excluded {
            if on_timeline.iter().any(|e| e.trigger_start == *at) {
                failures.push(format!(
                    "{line}\n    {{{words}}} is a happening of the timeline"
                ));
            }
        }
    }
    assert!(cases >= 20, "the case file has {cases} cases");
    assert!(
        failures.is_empty(),
        "{} of the event cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
