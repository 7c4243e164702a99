//! The error type of the library.

use thiserror::Error;

/// Everything that can go wrong in dateline, with the offending value and where it came from.
///
/// # Examples
///
/// ```
/// use dateline::{parse_published, Error};
///
/// let err = parse_published("2023-02-30").unwrap_err();
/// assert!(matches!(err, Error::InvalidPublished { .. }));
/// assert_eq!(
///     err.to_string(),
///     "invalid publication date \"2023-02-30\": no such day 30 in February 2023 (expected YYYY-MM-DD)",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum Error {
    /// Two documents of one timeline share an id.
    #[error("duplicate document id {id:?}: every document of a timeline needs its own id")]
    DuplicateDocument {
        /// The id given twice.
        id: String,
    },
    /// Two inputs that give documents under one id (a reader of several inputs reports the later
    /// one; [`Error::DuplicateDocument`] is the same fault found where the places are unknown).
    #[error("duplicate document id {id:?}: {second} repeats the id of {first}")]
    DuplicateInput {
        /// The id given twice.
        id: String,
        /// Where the document kept came from: a path, or `path, line N`.
        first: String,
        /// Where the document with the repeated id came from, in the same form.
        second: String,
    },
    /// Two timelines that cannot merge: built with different policies or source weights.
    #[error("cannot merge the timelines: {reason}")]
    IncompatibleTimelines {
        /// How their options differ.
        reason: String,
    },
    /// A source weight that is not a finite number of 0 or more.
    #[error("invalid weight {value} for document {document:?}: a source weight is a finite number, 0 or more")]
    InvalidWeight {
        /// The document the weight was given for.
        document: String,
        /// The weight, as written by Rust (`NaN`, `-1`, `inf`).
        value: String,
    },
    /// A publication date that is not a real calendar day written as `YYYY-MM-DD`.
    #[error("invalid publication date {value:?}{}: {reason} (expected YYYY-MM-DD)", doc_suffix(.document))]
    InvalidPublished {
        /// The text that was given as a date.
        value: String,
        /// The document it was given for, when known.
        document: Option<String>,
        /// Why it was rejected.
        reason: DateProblem,
    },
    /// A line of a JSON Lines input that is not a JSON object of the expected shape.
    #[error("{input}, line {line}: {reason}")]
    InvalidJsonLine {
        /// The input the line came from (a path, or `<stdin>`).
        input: String,
        /// The 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// A line of a JSON Lines input that lacks a field it must have.
    #[error("{input}, line {line}: missing field `{field}`")]
    MissingField {
        /// The input the line came from (a path, or `<stdin>`).
        input: String,
        /// The 1-based line number.
        line: usize,
        /// The name of the missing field.
        field: &'static str,
    },
    /// A field of a JSON Lines document that is not one of the fields a document has (a typo
    /// would otherwise lose the value silently).
    #[error("{input}, line {line}: unknown field `{field}` {}", field_hint(.suggestion))]
    UnknownField {
        /// The input the line came from (a path, or `<stdin>`).
        input: String,
        /// The 1-based line number.
        line: usize,
        /// The field as written.
        field: String,
        /// The known field it is closest to, when it is close to one.
        suggestion: Option<&'static str>,
    },
    /// An input that is not valid UTF-8.
    #[error(
        "{input}: not valid UTF-8: byte 0x{byte:02X} at offset {} (line {line}); {}",
        thousands(*.offset),
        utf8_hint(*.utf16)
    )]
    InvalidUtf8 {
        /// The input (a path, or `<stdin>`).
        input: String,
        /// The first byte that is not UTF-8.
        byte: u8,
        /// Its 0-based byte offset in the input.
        offset: usize,
        /// The 1-based line it is on.
        line: usize,
        /// Whether the input starts with a UTF-16 byte-order mark (FF FE or FE FF).
        utf16: bool,
    },
    /// An event model file that cannot be read.
    #[error("invalid event model: {reason}")]
    InvalidModel {
        /// What is wrong with it.
        reason: String,
    },
    /// A build stopped before its end by the flag given to
    /// [`TimelineBuilder::interruptible`](crate::TimelineBuilder::interruptible) (a Python
    /// caller's Ctrl-C).
    #[error("the timeline build was interrupted")]
    Interrupted,
    /// An evaluation corpus (such as the SemEval-2015 Task 4 trial corpus) that is not valid
    /// JSON of the expected shape, or whose parts do not agree.
    #[error("{input}: {reason}")]
    InvalidCorpus {
        /// The input the corpus came from (a path, or `<stdin>`).
        input: String,
        /// What is wrong, and where: a line and column, or a document and sentence.
        reason: String,
    },
}

fn doc_suffix(document: &Option<String>) -> String {
    match document {
        Some(id) => format!(" for document {id:?}"),
        None => String::new(),
    }
}

fn field_hint(suggestion: &Option<&'static str>) -> String {
    match suggestion {
        Some(known) => format!("(did you mean `{known}`?)"),
        None => "(a document has `id`, `text` and `published`)".to_owned(),
    }
}

fn utf8_hint(utf16: bool) -> &'static str {
    if utf16 {
        "it looks like UTF-16 (it starts with a UTF-16 byte-order mark): convert it to UTF-8, \
         e.g. with `iconv -f UTF-16 -t UTF-8`"
    } else {
        "the file may be Latin-1 or Windows-1252: try --lossy"
    }
}

/// `n` with a comma every three digits: offsets into large files stay readable.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// What is wrong with a date written as digits (`YYYY-MM-DD`, or `YYYY[-MM[-DD]]` for a
/// range), in words that name the bad part: "no such month 13", "no such day 30 in February
/// 2023".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DateProblem {
    /// Nothing but blanks.
    Empty,
    /// Not in the expected shape of digits and hyphens.
    NotDigits,
    /// A month outside 1–12.
    NoSuchMonth(u32),
    /// A day that the month does not have.
    NoSuchDay {
        /// The year.
        year: i32,
        /// The month, 1–12.
        month: u32,
        /// The day given.
        day: u32,
    },
}

impl std::fmt::Display for DateProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            DateProblem::Empty => write!(f, "the value is empty"),
            DateProblem::NotDigits => write!(f, "not a date written as digits"),
            DateProblem::NoSuchMonth(m) => write!(f, "no such month {m}"),
            DateProblem::NoSuchDay { year, month, day } => {
                let name = u8::try_from(month)
                    .ok()
                    .and_then(crate::time::month_name)
                    .unwrap_or("?");
                if day == 0 {
                    write!(f, "no such day 0 (days start at 1)")
                } else {
                    write!(f, "no such day {day} in {name} {year}")
                }
            }
        }
    }
}

impl Error {
    /// Attaches the id of the document the error is about, where it had none.
    #[must_use]
    pub fn in_document(self, id: &str) -> Self {
        match self {
            Error::InvalidPublished {
                value,
                document: None,
                reason,
            } => Error::InvalidPublished {
                value,
                document: Some(id.to_owned()),
                reason,
            },
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_input_names_both_places() {
        let e = Error::DuplicateInput {
            id: "a".to_owned(),
            first: "dir/a.txt".to_owned(),
            second: "more.jsonl, line 3".to_owned(),
        };
        assert_eq!(
            e.to_string(),
            "duplicate document id \"a\": more.jsonl, line 3 repeats the id of dir/a.txt"
        );
    }

    #[test]
    fn unknown_field_suggests_the_close_one() {
        let e = |suggestion| Error::UnknownField {
            input: "docs.jsonl".to_owned(),
            line: 4,
            field: "publised".to_owned(),
            suggestion,
        };
        assert_eq!(
            e(Some("published")).to_string(),
            "docs.jsonl, line 4: unknown field `publised` (did you mean `published`?)"
        );
        assert_eq!(
            e(None).to_string(),
            "docs.jsonl, line 4: unknown field `publised` (a document has `id`, `text` and \
             `published`)"
        );
    }

    #[test]
    fn invalid_utf8_names_the_byte_and_where() {
        let e = |byte, offset, line, utf16| {
            Error::InvalidUtf8 {
                input: "notes.txt".to_owned(),
                byte,
                offset,
                line,
                utf16,
            }
            .to_string()
        };
        assert_eq!(
            e(0xE9, 1234, 12, false),
            "notes.txt: not valid UTF-8: byte 0xE9 at offset 1,234 (line 12); the file may be \
             Latin-1 or Windows-1252: try --lossy"
        );
        assert!(
            e(0xFF, 0, 1, true).starts_with(
                "notes.txt: not valid UTF-8: byte 0xFF at offset 0 (line 1); it looks like UTF-16"
            ),
            "{}",
            e(0xFF, 0, 1, true)
        );
    }

    #[test]
    fn thousands_groups_digits() {
        let cases = [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (123_456, "123,456"),
            (1_234_567, "1,234,567"),
        ];
        for (n, s) in cases {
            assert_eq!(thousands(n), s);
        }
    }

    #[test]
    fn empty_publication_date_says_so() {
        let e = crate::parse_published("").map_err(|e| e.in_document("a"));
        assert_eq!(
            e.map_err(|e| e.to_string()),
            Err(
                "invalid publication date \"\" for document \"a\": the value is empty \
                 (expected YYYY-MM-DD)"
                    .to_owned()
            )
        );
    }
}
