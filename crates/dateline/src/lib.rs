//! # dateline
//!
//! dateline turns news articles into timelines: [`TimelineBuilder`] reads a set of documents
//! and gives one merged [`Timeline`] ([`pipeline`], the one module that composes the stages;
//! [`reconcile`], [`timeline`]). Its per-document stages:
//! [`text`] (sentences, tokens, datelines), [`time`] (temporal expressions with TIMEX3 values,
//! reachable alone through [`tag`]), [`entity`] (people, organisations, places, name keys) and
//! [`event`] (event mentions with participants, place and time), run together by [`extract`]
//! (and by [`read`], which keeps what a later merge needs);
//! with [`export`] (JSON, TimeML) beside them. The scorers (TempEval-3, SemEval-2015) are the
//! crate `dateline-eval`.
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
//! Narrative expressions count from the date the story has reached, not the publication date.
//! Without a publication date, a bare weekday after a day the text named is the next such day
//! (the text tells its days in order), and what needs a publication date stays partial for
//! later stages to fix:
//!
//! ```
//! use dateline::time::{Anchoring, Granularity};
//!
//! let text = "They arrived on 12 September 2022. The day after, they met. On Thursday, they left.";
//! let t = dateline::tag(text, None);
//! let values: Vec<String> = t.iter().map(|t| t.value.timex()).collect();
//! assert_eq!(values, ["2022-09-12", "2022-09-13", "2022-09-15"]);
//! assert_eq!(dateline::tag("On Thursday, they left.", None)[0].value.timex(), "XXXX-WXX-4");
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

mod calendar;
mod document;
pub mod entity;
mod error;
pub mod event;
pub mod export;
mod merge;
mod par;
pub mod pipeline;
mod reading;
pub mod reconcile;
mod sorted;
pub mod text;
pub mod time;
pub mod timeline;
mod vocab;

use chrono::NaiveDate;

pub use document::Document;
pub use error::{DateProblem, Error};
pub use event::{extract, Extraction};
pub use pipeline::TimelineBuilder;
pub use reading::{read, read_all, Reading};
pub use time::Timex;
pub use timeline::Timeline;

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
    match parse_date_range(value) {
        Ok((start, end)) if start == end && value.trim().len() == 10 => Ok(start),
        // `2023` and `2023-10` are ranges, not days.
        Ok(_) => Err(bad(DateProblem::NotDigits)),
        Err(problem) => Err(bad(problem)),
    }
}

/// Parses a date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (blanks around it allowed) into
/// the days it covers, first and last: a year, a month or a day.
///
/// # Errors
///
/// A [`DateProblem`] that names what is wrong: the shape, "no such month 13", "no such day
/// 30 in February 2023".
///
/// # Examples
///
/// ```
/// use dateline::{parse_date_range, DateProblem};
///
/// let (first, last) = parse_date_range("2024-02").unwrap();
/// assert_eq!((first.to_string(), last.to_string()), ("2024-02-01".into(), "2024-02-29".into()));
/// assert_eq!(parse_date_range("2023-13-01"), Err(DateProblem::NoSuchMonth(13)));
/// assert_eq!(
///     parse_date_range("2023-02-30").unwrap_err().to_string(),
///     "no such day 30 in February 2023"
/// );
/// ```
pub fn parse_date_range(value: &str) -> Result<(NaiveDate, NaiveDate), DateProblem> {
    let s = value.trim();
    if s.is_empty() {
        return Err(DateProblem::Empty);
    }
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = s.split('-').collect();
    let shaped = match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    };
    // Fixed-width ASCII digits always parse; the fallbacks keep the function total anyway.
    let number = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
    let year = number(0).and_then(|y| i32::try_from(y).ok());
    let (true, Some(year)) = (shaped, year) else {
        return Err(DateProblem::NotDigits);
    };
    let month = number(1);
    if let Some(m) = month.filter(|m| !(1..=12).contains(m)) {
        return Err(DateProblem::NoSuchMonth(m));
    }
    let (first_month, last_month) = month.map_or((1, 12), |m| (m, m));
    let first = NaiveDate::from_ymd_opt(year, first_month, 1).ok_or(DateProblem::NotDigits)?;
    let last = NaiveDate::from_ymd_opt(year + i32::from(last_month == 12), last_month % 12 + 1, 1)
        .and_then(|d| d.pred_opt())
        .ok_or(DateProblem::NotDigits)?;
    match number(2) {
        None => Ok((first, last)),
        Some(day) => NaiveDate::from_ymd_opt(year, first_month, day)
            .map(|d| (d, d))
            .ok_or(DateProblem::NoSuchDay {
                year,
                month: first_month,
                day,
            }),
    }
}
