//! Data-driven tagging tests: every line of `data/timex_cases.txt` is a case.
//!
//! A line is `PUBLISHED | text`, where PUBLISHED is `YYYY-MM-DD` or `-` for none and every
//! expected expression is written `[words|TYPE|value]` or `[words|TYPE|value|MOD]`. The test
//! strips the brackets, tags the text, and compares the expressions found with those expected,
//! span, type, value and modifier. Lines starting with `#` are comments.

use dateline::parse_published;

#[derive(Debug, PartialEq, Eq)]
struct Expected {
    text: String,
    kind: String,
    value: String,
    modifier: Option<String>,
}

fn parse_case(line: &str) -> (String, Option<chrono::NaiveDate>, Vec<Expected>) {
    let (published, marked) = line.split_once('|').expect("a case is `PUBLISHED | text`");
    let published = match published.trim() {
        "-" => None,
        s => Some(parse_published(s).expect("a valid publication date")),
    };
    let marked = marked.trim();
    let mut text = String::new();
    let mut expected = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('[') {
        text.push_str(&rest[..open]);
        let close = rest[open..].find(']').expect("unclosed [") + open;
        let inner = &rest[open + 1..close];
        let mut parts = inner.split('|');
        let words = parts.next().unwrap_or_default();
        let kind = parts.next().expect("a TYPE").to_owned();
        let value = parts.next().expect("a value").to_owned();
        let modifier = parts.next().map(str::to_owned);
        text.push_str(words);
        expected.push(Expected {
            text: words.to_owned(),
            kind,
            value,
            modifier,
        });
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    (text, published, expected)
}

#[test]
fn timex_cases() {
    let data = include_str!("data/timex_cases.txt");
    let mut failures = Vec::new();
    let mut cases = 0;
    for (n, line) in data.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        cases += 1;
        let (text, published, expected) = parse_case(line);
        let got: Vec<Expected> = dateline::tag(&text, published)
            .into_iter()
            .map(|t| Expected {
                text: text[t.start..t.end].to_owned(),
                kind: t.kind.as_str().to_owned(),
                value: t.value.timex(),
                modifier: t.modifier.map(|m| m.as_str().to_owned()),
            })
            .collect();
        if got != expected {
            failures.push(format!(
                "line {}: {text}\n  expected {expected:?}\n  got      {got:?}",
                n + 1
            ));
        }
    }
    assert!(cases > 50, "the case file holds {cases} cases");
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
