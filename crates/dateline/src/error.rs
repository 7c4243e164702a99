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
///     "invalid publication date \"2023-02-30\": no such day in the calendar (expected YYYY-MM-DD)",
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
        reason: &'static str,
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
