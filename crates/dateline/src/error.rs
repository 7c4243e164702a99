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
    /// Two timelines that cannot merge: built with different policies or source weights.
    #[error("cannot merge the timelines: {reason}")]
    IncompatibleTimelines {
        /// How their options differ.
        reason: String,
    },
    /// Bytes that are not a [`Reading`](crate::Reading) this version can read: another
    /// format version, or damaged.
    #[error("cannot read the reading{}: {reason}", id.as_ref().map(|i| format!(" of document {i:?}")).unwrap_or_default())]
    InvalidReading {
        /// The document's id, when the bytes got as far as giving it.
        id: Option<String>,
        /// What is wrong with them.
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
}

fn doc_suffix(document: &Option<String>) -> String {
    match document {
        Some(id) => format!(" for document {id:?}"),
        None => String::new(),
    }
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
                    .and_then(crate::vocab::calendar::month_name)
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
