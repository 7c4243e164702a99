//! The `time` stage: temporal expressions (TIMEX3 DATE, TIME, DURATION, SET) with normalized values.
//!
//! Entry point: [`tag`]. It recognizes, following the TimeBank conventions:
//!
//! - absolute dates in every common order and form (`16 March`, `September 10, 2022`,
//!   `Sept. 30, 1989`, `the 16th of March`, `2023-10-26`, `10/26/2023`, `Thursday, March 16`);
//! - year-less dates and weekdays, resolved against the publication date with the tense of their
//!   clause (a report about "Thursday" means the latest Thursday unless a future cue precedes it);
//! - deictic relatives (`yesterday`, `last week`, `September last year`, `two years ago`,
//!   `earlier this month`) and narrative ones, counted from the date the story has reached
//!   (`the day after`, `the same day`, `two days later`, `that year`, `a year earlier`);
//! - decades, centuries, seasons, quarters, halves, fiscal years, holidays, with `START`/`MID`/`END`
//!   for early, mid and late (`the late 2000s` is `200`, mod `END`);
//! - durations (`three days`, `the past two years`, `two-year`), recurrences (`every Monday`,
//!   `annually`, `twice a year`), times of day attached to their day (`10 a.m.`, `Friday night`),
//!   both ends of ranges (`9-12 September`, `from March to May`), and `PRESENT_REF`, `PAST_REF`,
//!   `FUTURE_REF` (`now`, `recently`, `the future`).
//!
//! Words that only look temporal are left alone: "may" and "March" as verbs, "May" as a name,
//! "second" as an ordinal, money, counts, scores and phone numbers. Each [`Timex`] records how its
//! value was fixed ([`Anchoring`]), which later stages weigh.

mod display;
mod grammar;
pub(crate) mod lexicon;
pub(crate) mod resolve;

pub use crate::calendar::{
    DateValue, Duration, DurationUnit, Granularity, Interval, Modifier, PartOfDay, Reference,
    Season, TimeOfDay, TimexValue, Year,
};
pub use display::display_date;
pub(crate) use display::{between_days, long_day};
pub(crate) use lexicon::number_word;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::text::Segmented;

/// The TIMEX3 type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period ("16 March", "last year", "the 1990s").
    Date,
    /// A time of day ("10 a.m.", "Friday night").
    Time,
    /// A length of time ("three days").
    Duration,
    /// A recurrence ("every Monday", "annually").
    Set,
}

impl TimexType {
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// How a temporal expression's value was fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchoring {
    /// The text says the whole value ("16 March 2023", "1987").
    Explicit,
    /// Resolved against the publication date ("yesterday", "Thursday", "16 March").
    Publication,
    /// Resolved against the date the story had reached ("the day after", "that year").
    Narrative,
    /// Nothing to resolve (durations, sets, references) or nothing to resolve against.
    None,
}

/// A temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Timex {
    /// Byte offset of the first byte of the expression.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// Normalized value.
    pub value: TimexValue,
    /// TIMEX3 `mod`, if any.
    pub modifier: Option<Modifier>,
    /// How the value was fixed.
    pub anchoring: Anchoring,
}

/// Finds and normalizes the temporal expressions of a segmented text.
///
/// `published` is the publication date; without it, a complete date from the text's dateline is
/// used, and values that need one stay partial. Expressions come out in text order, never
/// overlapping, each within one sentence.
pub fn tag(text: &str, segmented: &Segmented, published: Option<NaiveDate>) -> Vec<Timex> {
    resolve(&recognize(text, segmented), segmented, published)
}

/// A temporal expression as the text says it, before it is resolved against a publication
/// date: what a [`Reading`](crate::Reading) keeps so that its dates can be resolved again
/// under a publication date found later, without reading the text again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Unresolved {
    pub start: usize,
    pub end: usize,
    found: grammar::Found,
    cue: resolve::TenseCue,
}

/// The expressions of a segmented text, unresolved, in text order: the part of [`tag`] that
/// reads the text.
pub(crate) fn recognize(text: &str, segmented: &Segmented) -> Vec<Unresolved> {
    let toks = grammar::prepare(text, segmented);
    let mut grammar = grammar::Grammar::new(&toks);
    let mut found = Vec::new();
    // About one expression in 40 tokens in news: sized once rather than grown by doubling.
    let mut out = Vec::with_capacity(toks.len() / 40 + 1);
    for sentence in &segmented.sentences {
        found.clear();
        let (lo, hi) = (sentence.tokens.start, sentence.tokens.end);
        grammar.scan(lo, hi, &mut found);
        // Whether an expression before this one in the sentence dates something: the day of
        // a statement after it leaves the story where it was (`TenseCue::aside`).
        let mut dated_before = false;
        for f in &found {
            out.push(Unresolved {
                start: toks[f.first].start,
                end: toks[f.last].end,
                found: *f,
                cue: resolve::tense(&toks, lo, hi, f.first, f.last, dated_before),
            });
            dated_before |= !matches!(
                f.spec,
                grammar::Spec::Duration(_) | grammar::Spec::Every(_) | grammar::Spec::Ago { .. }
            );
        }
    }
    out
}

/// Resolves expressions [`recognize`]d in a text against its publication date (else its
/// dateline's complete date): the part of [`tag`] that depends on the date.
pub(crate) fn resolve(
    unresolved: &[Unresolved],
    segmented: &Segmented,
    published: Option<NaiveDate>,
) -> Vec<Timex> {
    let dct = published.or_else(|| segmented.dateline_day());
    resolve_with(unresolved, resolve::Resolver::new(dct))
}

/// [`resolve`] for an undated text that may have been published on `day`, one of the days
/// from `earliest` on: its own recent days, not `day`, are what its bare weekdays after them
/// count from.
pub(crate) fn resolve_guessing(
    unresolved: &[Unresolved],
    segmented: &Segmented,
    day: NaiveDate,
    earliest: NaiveDate,
) -> Vec<Timex> {
    match segmented.dateline_day() {
        Some(dct) => resolve_with(unresolved, resolve::Resolver::new(Some(dct))),
        None => resolve_with(unresolved, resolve::Resolver::guessing(day, earliest)),
    }
}

fn resolve_with(unresolved: &[Unresolved], mut resolver: resolve::Resolver) -> Vec<Timex> {
    unresolved
        .iter()
        .map(|u| {
            let r = resolver.resolve(&u.found, u.cue);
            Timex {
                start: u.start,
                end: u.end,
                kind: r.kind,
                value: r.value,
                modifier: u.found.modifier,
                anchoring: r.anchoring,
            }
        })
        .collect()
}
