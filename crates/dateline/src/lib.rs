//! # dateline
//!
//! dateline turns news articles into timelines: [`TimelineBuilder`] reads a set of documents
//! and gives one merged [`Timeline`] ([`merge`], [`reconcile`], [`timeline`]). Its per-document
//! stages:
//! [`text`] (sentences, tokens, datelines), [`time`] (temporal expressions with TIMEX3 values,
//! reachable alone through [`tag`]), [`entity`] (people, organisations, places, name keys) and
//! [`event`] (event mentions with participants, place and time), run together by [`extract`];
//! with [`export`] (JSON, TimeML) and [`eval`] (TempEval-3 and SemEval-2015 scoring) beside them.
//!
//! # Examples
//!
//! Tag a text with its publication date; offsets are bytes into the text:
//!
//! ```
//! use chrono::NaiveDate;
//!
//! let published = NaiveDate::from_ymd_opt(2023, 3, 17);
//! let text = "The delegation met the minister on Thursday.";
//! let timexes = dateline::tag(text, published);
//! assert_eq!(timexes.len(), 1);
//! let t = &timexes[0];
//! assert_eq!(&text[t.start..t.end], "Thursday");
//! assert_eq!(t.value.timex(), "2023-03-16");
//! ```
//!
//! Narrative expressions count from the date the story has reached, not the publication date;
//! without a publication date, what needs one stays partial for later stages to fix:
//!
//! ```
//! use dateline::time::{Anchoring, Granularity};
//!
//! let text = "They arrived on 12 September 2022. The day after, they met. On Thursday, they left.";
//! let t = dateline::tag(text, None);
//! let values: Vec<String> = t.iter().map(|t| t.value.timex()).collect();
//! assert_eq!(values, ["2022-09-12", "2022-09-13", "XXXX-WXX-4"]);
//! assert_eq!(t[1].anchoring, Anchoring::Narrative);
//! let day = t[1].value.date().unwrap();
//! assert_eq!(day.granularity(), Granularity::Day);
//! assert_eq!(day.interval().unwrap().start.to_string(), "2022-09-13");
//! ```
//!
//! Durations, recurrences and modifiers follow TIMEX3:
//!
//! ```
//! let text = "Prices peaked in the late 1990s and fell for nearly forty years, twice a year.";
//! let t = dateline::tag(text, None);
//! let got: Vec<(&str, &str, String, Option<&str>)> = t
//!     .iter()
//!     .map(|t| (&text[t.start..t.end], t.kind.as_str(), t.value.timex(), t.modifier.map(|m| m.as_str())))
//!     .collect();
//! assert_eq!(got, [
//!     ("the late 1990s", "DATE", "199".to_string(), Some("END")),
//!     ("nearly forty years", "DURATION", "P40Y".to_string(), Some("EQUAL_OR_LESS")),
//!     ("a year", "SET", "P1Y".to_string(), None),
//! ]);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod document;
pub mod entity;
mod error;
pub mod eval;
pub mod event;
pub mod export;
pub mod merge;
pub mod reconcile;
pub mod text;
pub mod time;
pub mod timeline;
mod vocab;

use chrono::NaiveDate;

pub use document::Document;
pub use error::Error;
pub use event::{extract, Extraction};
pub use time::Timex;
pub use timeline::{Timeline, TimelineBuilder};

/// Finds and normalizes the temporal expressions of `text`.
///
/// `published` is the publication date (the DCT). Without it, a date that the text's leading
/// dateline gives is used; values that need a publication date and have none stay partial
/// (`XXXX-03-16`). The system clock is never read.
pub fn tag(text: &str, published: Option<NaiveDate>) -> Vec<Timex> {
    let segmented = text::segment(text);
    time::tag(text, &segmented, published)
}

/// Parses a publication date written as `YYYY-MM-DD`.
///
/// # Errors
///
/// [`Error::InvalidPublished`] names the value when it is not a real day in that form.
///
/// # Examples
///
/// ```
/// let day = dateline::parse_published("2023-10-26").unwrap();
/// assert_eq!(day.to_string(), "2023-10-26");
/// assert!(dateline::parse_published("yesterday").is_err());
/// ```
pub fn parse_published(value: &str) -> Result<NaiveDate, Error> {
    let bad = |reason| Error::InvalidPublished {
        value: value.to_owned(),
        document: None,
        reason,
    };
    let s = value.trim();
    if s.is_empty() {
        return Err(bad("the value is empty"));
    }
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let mut parts = s.split('-');
    let fields = match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), Some(d), None) if digits(y, 4) && digits(m, 2) && digits(d, 2) => {
            (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>())
        }
        _ => return Err(bad("not a date written as digits")),
    };
    // Fixed-width ASCII digits always parse; the match keeps the function total anyway.
    let (Ok(y), Ok(m), Ok(d)) = fields else {
        return Err(bad("not a date written as digits"));
    };
    if !(1..=12).contains(&m) {
        return Err(bad("no such month"));
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| bad("no such day in the calendar"))
}
