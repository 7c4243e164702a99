//! The JSON form of tagged documents (`dateline tag`).

use serde::{Deserialize, Serialize};

use crate::text::CodePoints;
use crate::time::{Modifier, Timex, TimexType};

/// One temporal expression as JSON reports it: code-point offsets into the document text.
///
/// Serializes as `{"start", "end", "text", "type", "value", "mod"?}`; `mod` is left out when
/// there is none.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct JsonTimex {
    /// Code-point offset of the first character.
    pub start: usize,
    /// Code-point offset one past the last character.
    pub end: usize,
    /// The expression's text, `text[start..end]` in code points.
    pub text: String,
    /// TIMEX3 type (`"DATE"`, `"TIME"`, `"DURATION"`, `"SET"`).
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value (`"2023-03-16"`, `"P3D"`, `"XXXX-03-16"`, …).
    pub value: String,
    /// TIMEX3 `mod` (`"START"`, `"APPROX"`, …), if any.
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Modifier>,
}

/// A document and its temporal expressions: one line of `dateline tag` output.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TaggedDocument {
    /// The document's id.
    pub id: String,
    /// Its temporal expressions, in text order.
    pub timexes: Vec<JsonTimex>,
}

/// Converts timexes with byte offsets into `text` to their JSON form with code-point offsets.
///
/// A timex whose offsets are not character boundaries of `text` (which the tagger never
/// produces) gets an empty `text` rather than a panic.
///
/// # Examples
///
/// ```
/// use dateline::export::json_timexes;
/// use dateline::time::{Anchoring, DateValue, Timex, TimexType, TimexValue};
///
/// let text = "Über 16 March";
/// let day = chrono::NaiveDate::from_ymd_opt(2023, 3, 16).unwrap();
/// let timex = Timex {
///     start: 6, // bytes: "Ü" takes two
///     end: 14,
///     kind: TimexType::Date,
///     value: TimexValue::Date(DateValue::from_date(day)),
///     modifier: None,
///     anchoring: Anchoring::Publication,
/// };
/// let json = json_timexes(text, &[timex]);
/// assert_eq!((json[0].start, json[0].end), (5, 13));
/// assert_eq!(json[0].text, "16 March");
/// ```
pub fn json_timexes(text: &str, timexes: &[Timex]) -> Vec<JsonTimex> {
    let cp = CodePoints::new(text);
    timexes
        .iter()
        .map(|t| JsonTimex {
            start: cp.to_code_point(t.start),
            end: cp.to_code_point(t.end),
            text: text.get(t.start..t.end).unwrap_or_default().to_owned(),
            kind: t.kind,
            value: t.value.timex(),
            modifier: t.modifier,
        })
        .collect()
}

/// The [`TaggedDocument`] of a document: its id and its timexes with code-point offsets.
///
/// # Examples
///
/// ```
/// let doc = dateline::export::tagged_document("a", "Nothing to see.", &[]);
/// assert_eq!(doc.id, "a");
/// assert!(doc.timexes.is_empty());
/// ```
pub fn tagged_document(id: &str, text: &str, timexes: &[Timex]) -> TaggedDocument {
    TaggedDocument {
        id: id.to_owned(),
        timexes: json_timexes(text, timexes),
    }
}

/// The JSON line that `dateline tag` writes for a document (no trailing newline):
/// `{"id": …, "timexes": [{"start", "end", "text", "type", "value", "mod"?}]}` with code-point
/// offsets.
///
/// # Examples
///
/// ```
/// let line = dateline::export::timexes_json("doc-1", "Nothing to see.", &[]);
/// assert_eq!(line, r#"{"id":"doc-1","timexes":[]}"#);
/// ```
pub fn timexes_json(id: &str, text: &str, timexes: &[Timex]) -> String {
    // Only strings, integers and unit enums go in, so serialization cannot fail; the fallback
    // keeps the function total anyway.
    serde_json::to_string(&tagged_document(id, text, timexes))
        .unwrap_or_else(|e| format!("{{\"id\":{id:?},\"error\":{:?}}}", e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{Anchoring, DateValue, TimexValue};
    use chrono::NaiveDate;

    fn day_timex(text: &str, needle: &str, ymd: (i32, u32, u32)) -> Timex {
        let start = text.find(needle).expect("needle in text");
        let date = NaiveDate::from_ymd_opt(ymd.0, ymd.1, ymd.2).expect("valid date");
        Timex {
            start,
            end: start + needle.len(),
            kind: TimexType::Date,
            value: TimexValue::Date(DateValue::from_date(date)),
            modifier: None,
            anchoring: Anchoring::Explicit,
        }
    }

    #[test]
    fn offsets_are_code_points() {
        // Curly quotes and an emoji before the timex: 3- and 4-byte characters.
        let text = "“Hamas” 🇵🇸 met on 12 September 2022 — again.";
        let t = day_timex(text, "12 September 2022", (2022, 9, 12));
        let json = json_timexes(text, &[t]);
        let chars: Vec<char> = text.chars().collect();
        let spanned: String = chars[json[0].start..json[0].end].iter().collect();
        assert_eq!(spanned, "12 September 2022");
        assert_eq!(json[0].text, "12 September 2022");
        assert_eq!(json[0].start, 18);
    }

    #[test]
    fn line_shape_and_mod() {
        let text = "At the start of 2020, it began.";
        let mut t = day_timex(text, "the start of 2020", (2020, 1, 1));
        t.modifier = Some(Modifier::Start);
        let line = timexes_json("d1", text, &[t]);
        let v: serde_json::Value = serde_json::from_str(&line).expect("valid JSON");
        assert_eq!(v["id"], "d1");
        let tx = &v["timexes"][0];
        assert_eq!(tx["start"], 3);
        assert_eq!(tx["end"], 20);
        assert_eq!(tx["text"], "the start of 2020");
        assert_eq!(tx["type"], "DATE");
        assert_eq!(tx["value"], "2020-01-01");
        assert_eq!(tx["mod"], "START");
        // Keys in contract order.
        assert!(line.find("\"start\"") < line.find("\"end\""));
        assert!(line.find("\"value\"") < line.find("\"mod\""));
    }

    #[test]
    fn no_mod_key_without_modifier() {
        let text = "On 16 March 2023.";
        let t = day_timex(text, "16 March 2023", (2023, 3, 16));
        let line = timexes_json("x", text, &[t]);
        assert!(!line.contains("\"mod\""), "{line}");
    }

    #[test]
    fn bad_offsets_do_not_panic() {
        let text = "é";
        let mut t = day_timex("2023", "2023", (2023, 1, 1));
        t.start = 1; // inside the two-byte "é"
        t.end = 9; // past the end
        let json = json_timexes(text, &[t]);
        assert_eq!(json[0].text, "");
    }

    #[test]
    fn round_trips_through_serde() {
        let text = "On 16 March 2023.";
        let doc = tagged_document(
            "x",
            text,
            &[day_timex(text, "16 March 2023", (2023, 3, 16))],
        );
        let line = serde_json::to_string(&doc).expect("serializes");
        let back: TaggedDocument = serde_json::from_str(&line).expect("parses");
        assert_eq!(back, doc);
    }
}
