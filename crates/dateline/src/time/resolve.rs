//! Resolution: from what an expression says ([`Spec`]) to its value, against the publication date
//! and the date the story has reached.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::grammar::{plain_word, Base, Found, Lean, PeriodYear, ReportCue, Spec, Tk};
use super::lexicon::{Holiday, Kw, Lex, Unit};
use super::{Anchoring, TimexType};
use crate::calendar::{DateValue, Granularity, Interval, TimexValue};
use crate::text::TokenKind;

/// The tense around an expression, from the auxiliaries and verb forms near it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Tense {
    Past,
    Future,
    /// "would": future for a weekday ("would leave Tuesday"), too weak to move a date's year.
    Conditional,
    Unknown,
}

/// The tense nearest to an expression, and whether its cue came before the expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct TenseCue {
    pub tense: Tense,
    pub before: bool,
    /// The expression leaves the narrative at the day it had reached: it names, as a
    /// possessive after "after", "before", "since" or "following", the day of a happening
    /// another is counted from ("two days after Sunday's vote"), or it dates the statement
    /// that closes a sentence dated before it ("… late on Saturday, officials said on
    /// Monday"), whose next sentences go on telling the happening.
    pub aside: bool,
}

/// Finds the tense of the clause around tokens `first..=last` within `lo..hi`: the nearest cue
/// before the expression wins, else the nearest after it ("on Friday, officials said").
/// `dated_before`: an expression before it in the sentence dates something.
pub(crate) fn tense(
    toks: &[Tk],
    lo: usize,
    hi: usize,
    first: usize,
    last: usize,
    dated_before: bool,
) -> TenseCue {
    // "two days after Sunday's vote": the day of the happening the narrative counts from.
    let counted_from = first > lo
        && matches!(
            toks[first - 1].lex,
            Lex::Kw(Kw::After | Kw::Before | Kw::Since | Kw::Following)
        );
    TenseCue {
        aside: counted_from && toks.get(last).is_some_and(|t| t.possessive)
            || dated_before && said_on(toks, lo, first),
        ..clause_tense(toks, lo, hi, first, last)
    }
}

/// Whether the expression that starts at token `first` (of a sentence starting at `lo`) dates
/// a "said" right before it ("officials said on Monday", "said late on Tuesday").
fn said_on(toks: &[Tk], lo: usize, first: usize) -> bool {
    let mut k = first;
    while k > lo && matches!(toks[k - 1].lex, Lex::Kw(Kw::On | Kw::Late | Kw::Early)) {
        k -= 1;
    }
    k > lo && toks[k - 1].lex == Lex::Kw(Kw::Said)
}

impl TenseCue {
    /// A cue of `tense`, before the expression or not, that leaves the narrative to move.
    fn new(tense: Tense, before: bool) -> Self {
        TenseCue {
            tense,
            before,
            aside: false,
        }
    }
}

/// [`tense`], but for `aside`.
fn clause_tense(toks: &[Tk], lo: usize, hi: usize, first: usize, last: usize) -> TenseCue {
    const WINDOW: usize = 10;
    const FUTURE_WINDOW: usize = 16;
    let lex = |i: usize| toks.get(i).map_or(Lex::Other, |t| t.lex);
    // "Wednesday's ruling" names a happening, most likely one already reported: a "would" of
    // the clause ("ways to get around Wednesday's ruling") does not move it ahead.
    let possessive = toks.get(last).is_some_and(|t| t.possessive);
    let marker = |i: usize| -> Option<Tense> {
        let t = &toks[i];
        match t.lex {
            Lex::Kw(Kw::Would) if possessive => None,
            // A plan in the past perfect was overtaken: "had been due to expire Friday".
            Lex::Kw(Kw::Expected | Kw::Scheduled | Kw::Due | Kw::Plan)
                if i >= 2 && lex(i - 1) == Lex::Kw(Kw::Be) && lex(i - 2) == Lex::Kw(Kw::Had) =>
            {
                Some(Tense::Past)
            }
            // "announced the plan Aug. 21", "the rationing plan on Tuesday": a noun, not a
            // plan for that day ("plans to vote", "plans for Friday" look ahead).
            Lex::Kw(Kw::Plan)
                if !matches!(lex(i + 1), Lex::Kw(Kw::To | Kw::For))
                    && noun_phrase_head(toks, i) =>
            {
                None
            }
            // "going to" looks ahead; "going through the ballots" is a verb of its own.
            Lex::Kw(Kw::Going) if lex(i + 1) != Lex::Kw(Kw::To) => None,
            Lex::Kw(Kw::Will | Kw::Going | Kw::Expected | Kw::Scheduled | Kw::Due | Kw::Plan) => {
                Some(Tense::Future)
            }
            Lex::Kw(Kw::Would) => Some(Tense::Conditional),
            // "is to resume", "set to begin"; "is set for Friday"
            Lex::Kw(Kw::Is | Kw::Set) if lex(i + 1) == Lex::Kw(Kw::To) => Some(Tense::Future),
            Lex::Kw(Kw::Set)
                if lex(i + 1) == Lex::Kw(Kw::For)
                    && i > 0
                    && matches!(lex(i - 1), Lex::Kw(Kw::Is | Kw::Be)) =>
            {
                Some(Tense::Future)
            }
            // "decided to admit", "ready to leave": the infinitive looks ahead of the decision.
            Lex::Kw(Kw::To)
                if i > 0
                    && lex(i - 1) == Lex::Kw(Kw::Intent)
                    && toks.get(i + 1).is_some_and(plain_word) =>
            {
                Some(Tense::Future)
            }
            Lex::Kw(Kw::Was | Kw::Had | Kw::Did | Kw::Said) => Some(Tense::Past),
            // A participle after "be" or "have" ("will be held", "has signed") takes its tense
            // from the auxiliary, which the scan meets next.
            // ("decided" and the like are past too where no infinitive follows.)
            Lex::Kw(Kw::PastVerb | Kw::Intent) | Lex::Other
                if (t.lex == Lex::Kw(Kw::PastVerb) || t.past_form)
                    && !(i > 0 && matches!(lex(i - 1), Lex::Kw(Kw::Be | Kw::Is | Kw::Have)))
                    && !attributive(toks, i) =>
            {
                Some(Tense::Past)
            }
            _ => None,
        }
    };
    // A deadline or earliest date right before the expression looks ahead, even after a past
    // verb ("extended its deadline until Tuesday", "as soon as Tuesday"), unless it opens a
    // sentence in the past perfect ("Until Thursday, they had not named him").
    let ahead = first > lo && {
        let p = lex(first - 1);
        let pp = if first >= lo + 2 {
            lex(first - 2)
        } else {
            Lex::Other
        };
        matches!(p, Lex::Kw(Kw::Until))
            || (matches!(p, Lex::Kw(Kw::As)) && matches!(pp, Lex::Kw(Kw::Soon | Kw::Early)))
    };
    // Cues do not cross into another clause ("…, where the Aug. 7 blasts killed").
    // A list of names ("Poland, Hungary and the Czech Republic") is one phrase, not clauses.
    let cap = |j: usize| {
        toks.get(j)
            .is_some_and(|t| t.cap && t.kind == TokenKind::Word)
    };
    let in_names = |i: usize| {
        i > lo && cap(i - 1) && (cap(i + 1) || (lex(i + 1) == Lex::Kw(Kw::The) && cap(i + 2)))
    };
    // Nor is a bare "and" between two plain lower-case words ("to pharmacies and clinics on
    // Thursday"): it joins nouns, and the verb before them still governs.
    let plain = |j: usize| {
        toks.get(j).is_some_and(|t| {
            t.kind == TokenKind::Word && !t.cap && !t.past_form && t.lex == Lex::Other
        })
    };
    let in_nouns = |i: usize| {
        i > lo && matches!(lex(i), Lex::Kw(Kw::And | Kw::Or)) && plain(i - 1) && plain(i + 1)
    };
    let boundary = |i: usize| {
        let t = &toks[i];
        let joins = matches!(t.lex, Lex::Kw(Kw::And | Kw::Or))
            || (t.kind == TokenKind::Punct && t.first == ',');
        let splits = matches!(t.lex, Lex::Kw(Kw::Clause))
            || (t.kind == TokenKind::Punct && matches!(t.first, ';' | ':' | '(' | ')'));
        splits || (joins && !in_names(i) && !in_nouns(i))
    };
    for i in (lo.max(first.saturating_sub(FUTURE_WINDOW))..first).rev() {
        // A parenthesis that opens right at the expression restates the clause around it:
        // "will leave at 4 in the morning (4 a.m. Thursday)".
        let opens_here = i + 1 == first && toks[i].first == '(';
        if boundary(i) && !opens_here {
            break;
        }
        // Past a few words only a future auxiliary still governs the clause: "will be named
        // commander of the shuttle for a mission in December".
        if first - i > WINDOW {
            if lex(i) == Lex::Kw(Kw::Will) {
                return TenseCue::new(Tense::Future, true);
            }
            // And a reported one: "said it would lodge a formal request for a recount with
            // the board on Tuesday".
            if lex(i) == Lex::Kw(Kw::Would) && !possessive {
                return TenseCue::new(Tense::Conditional, true);
            }
            continue;
        }
        if let Some(tense) = marker(i) {
            return TenseCue::new(if ahead { Tense::Future } else { tense }, true);
        }
    }
    // "by May", "by Aug. 6": a deadline looks ahead unless the clause before it is past ("had
    // fallen by May"); a cue after it is usually another clause's ("..., untouched by ...").
    // A sentence that opens with it is often a tally ("By Friday, the toll had risen").
    if ahead || (first > lo + 1 && lex(first - 1) == Lex::Kw(Kw::By)) {
        // A deadline that opens the sentence is past if its clause has a past perfect.
        let past_perfect = ahead
            && first == lo + 1
            && toks
                .get(last + 1..hi.min(last + 1 + WINDOW))
                .is_some_and(|after| after.iter().any(|t| t.lex == Lex::Kw(Kw::Had)));
        return TenseCue::new(
            if past_perfect {
                Tense::Past
            } else {
                Tense::Future
            },
            true,
        );
    }
    for i in (last + 1)..hi.min(last + 1 + WINDOW) {
        if boundary(i) && i > last + 1 {
            break;
        }
        if let Some(tense) = marker(i) {
            return TenseCue::new(tense, false);
        }
    }
    TenseCue::new(Tense::Unknown, false)
}

/// Whether the "-ed" word at `i` modifies a noun after a determiner ("a still unspecified date",
/// "the proposed merger"): an adjective, no cue of tense.
fn attributive(toks: &[Tk], i: usize) -> bool {
    // One adverb may stand between: "a newly elected", "a still unspecified".
    let adverb = |j: usize| {
        let t = &toks[j];
        t.kind == TokenKind::Word
            && !t.cap
            && !t.past_form
            && (t.lex == Lex::Kw(Kw::Still) || (t.second_last_byte == b'l' && t.last_byte == b'y'))
    };
    (i >= 1 && determiner(toks, i - 1)) || (i >= 2 && adverb(i - 1) && determiner(toks, i - 2))
}

/// Whether the word at `i` ends a noun phrase that a determiner opens at most two plain words
/// before it ("the plan", "the rationing plan", "its new budget plan").
fn noun_phrase_head(toks: &[Tk], i: usize) -> bool {
    let plain = |t: &Tk| t.kind == TokenKind::Word && !t.cap && t.lex == Lex::Other;
    (1..=3).any(|back| {
        i >= back && determiner(toks, i - back) && toks[i - back + 1..i].iter().all(plain)
    })
}

/// Whether the token at `j` is an article or possessive that opens a noun phrase.
fn determiner(toks: &[Tk], j: usize) -> bool {
    matches!(
        toks[j].lex,
        Lex::Kw(Kw::The | Kw::A | Kw::Its | Kw::Person | Kw::This)
    )
}

/// Resolves expressions in text order, carrying the story date along.
pub(crate) struct Resolver {
    dct: Option<NaiveDate>,
    /// The latest complete date the text has mentioned: what narrative expressions count from.
    story: Option<DateValue>,
    /// The latest day the text has mentioned: what "the same day", "the day after" count from,
    /// even when a year or month was mentioned since.
    story_day: Option<DateValue>,
    /// In a text with no publication date, the latest day it has mentioned without a year
    /// ("on 12 July"): "two days later" is 14 July of that unknown year.
    yearless_day: Option<(u8, u8)>,
    /// The period a report is about: the latest quarter or half named, or the year after
    /// year-to-date figures ("the first nine months"). "The quarter" and "the year-ago period"
    /// refer to it even after the text has named a day ("the quarter ended Sept. 30").
    period: Option<DateValue>,
    /// The publication date is one guess of many: the document is undated and `dct` is one
    /// of the days it may have been published on, the earliest of which is this. Its own days
    /// from a week before it on, not the guess, are what a bare weekday after them counts
    /// from; an older day it names is background ("since the trial began on 12 January").
    guessed_from: Option<NaiveDate>,
}

/// A resolved expression.
pub(crate) struct Resolved {
    pub kind: TimexType,
    pub value: TimexValue,
    pub anchoring: Anchoring,
}

impl Resolver {
    /// The day a bare weekday counts from, and whether it is the story's: in a text with no
    /// publication date, or only a guessed one, the latest day the text told (from a week
    /// before the earliest guess on); otherwise the publication date.
    fn weekday_base(&self) -> (Option<NaiveDate>, bool) {
        let story = self.story_day.and_then(|d| d.interval()).map(|iv| iv.start);
        if story.is_some_and(|day| {
            self.dct.is_none()
                || self
                    .guessed_from
                    .is_some_and(|from| day + chrono::Duration::days(7) >= from)
        }) {
            (story, true)
        } else {
            (self.dct, false)
        }
    }

    pub(crate) fn new(dct: Option<NaiveDate>) -> Self {
        Resolver {
            dct,
            story: dct.map(DateValue::from_date),
            story_day: dct.map(DateValue::from_date),
            yearless_day: None,
            period: None,
            guessed_from: None,
        }
    }

    /// A resolver for an undated text, with `day` one of the days it may have been published:
    /// the story starts at no day, and a bare weekday after a day the text names is the next
    /// such day, as with no publication date at all.
    pub(crate) fn guessing(day: NaiveDate, earliest: NaiveDate) -> Self {
        Resolver {
            story: None,
            story_day: None,
            guessed_from: Some(earliest),
            ..Resolver::new(Some(day))
        }
    }

    pub(crate) fn resolve(&mut self, f: &Found, cue: TenseCue) -> Resolved {
        let tense = match f.spec {
            // A bare weekday in news is nearly always the past few days; only a future auxiliary
            // before it ("will meet on Monday") moves it ahead, not one after ("Monday, it will").
            Spec::Weekday(..) if cue.tense == Tense::Future && !cue.before => Tense::Unknown,
            Spec::Weekday(..) if cue.tense == Tense::Conditional && cue.before => Tense::Future,
            _ if cue.tense == Tense::Conditional => Tense::Unknown,
            _ => cue.tense,
        };
        let (value, anchoring) = self.date_of(&f.spec, tense);
        let resolved = match (value, f.time) {
            (Some(DateOrFixed::Date(d)), Some(t)) => Resolved {
                kind: TimexType::Time,
                value: TimexValue::Time(d, t),
                anchoring,
            },
            (Some(DateOrFixed::Date(d)), None) => Resolved {
                kind: TimexType::Date,
                value: TimexValue::Date(d),
                anchoring,
            },
            // "Tuesday nights": a recurrence at a part of the day.
            (Some(DateOrFixed::Fixed(TimexType::Set, TimexValue::EveryDate(d))), Some(t)) => {
                Resolved {
                    kind: TimexType::Set,
                    value: TimexValue::EveryTime(d, t),
                    anchoring: Anchoring::None,
                }
            }
            (Some(DateOrFixed::Fixed(kind, v)), _) => Resolved {
                kind,
                value: v,
                anchoring: Anchoring::None,
            },
            (None, t) => {
                let g = granularity_hint(&f.spec);
                let d = DateValue::Unknown(g);
                match t {
                    Some(t) => Resolved {
                        kind: TimexType::Time,
                        value: TimexValue::Time(d, t),
                        anchoring: Anchoring::None,
                    },
                    None => Resolved {
                        kind: TimexType::Date,
                        value: TimexValue::Date(d),
                        anchoring: Anchoring::None,
                    },
                }
            }
        };
        // Comparisons ("a year earlier", "two years ago", "the year-ago quarter") do not move
        // the story on.
        let comparison = matches!(f.spec, Spec::Ago { unit, .. } if unit >= Unit::Month)
            || matches!(f.spec, Spec::ReportPeriod { .. })
            || f.report == ReportCue::PeriodEnd;
        if let Some(d) = resolved.value.date() {
            if let DateValue::Day {
                year: None,
                month,
                day,
            } = *d
            {
                if f.modifier.is_none() && !comparison {
                    self.yearless_day = Some((month, day));
                }
            } else if d.granularity() == Granularity::Day {
                // The story has moved to another day, placed or not ("On Monday … two days
                // later" counts from the Monday).
                self.yearless_day = None;
            }
            if d.is_complete() && f.modifier.is_none() && !comparison && !cue.aside {
                self.story = Some(*d);
                match d.granularity() {
                    Granularity::Day => self.story_day = Some(*d),
                    Granularity::Quarter | Granularity::Half if f.report != ReportCue::Aside => {
                        self.period = Some(*d)
                    }
                    _ => {}
                }
            }
        }
        if f.report == ReportCue::YearToDate {
            if let Some(y) = self.dct.map(|d| DateValue::Year(d.year())) {
                self.story = Some(y);
                self.period = Some(y);
            }
        }
        resolved
    }

    /// In a text with no publication date (or only a guess at it), a day it names without a
    /// year in the months around a day it named in full is that day's year's: the narrative
    /// says which ("arrived on 3 October 2025 … the images released on 7 October": 2025).
    /// HeidelTime reads narratives the same way. Only a day within [`NARRATIVE_YEAR_DAYS`] of
    /// the narrative's, where one year alone fits.
    fn narrative_year(&self, v: DateValue) -> Option<DateValue> {
        if self.dct.is_some() && self.guessed_from.is_none() {
            return None;
        }
        let DateValue::Day { year: None, .. } = v else {
            return None;
        };
        let story = self
            .story_day?
            .interval()
            .filter(|iv| iv.start == iv.end)?
            .start;
        let y = story.year();
        let mut fits = [y - 1, y, y + 1].into_iter().filter(|&y| {
            v.with_year(y)
                .interval()
                .is_some_and(|iv| (iv.start - story).num_days().abs() <= NARRATIVE_YEAR_DAYS)
        });
        match (fits.next(), fits.next()) {
            (Some(y), None) => Some(v.with_year(y)),
            _ => None,
        }
    }

    /// The ISO week of the day `day` resolves to ("the week of March 6", "Easter week").
    fn week_holding(&self, day: &Spec, tense: Tense) -> (Option<DateOrFixed>, Anchoring) {
        let (day, anchoring) = self.date_of(day, tense);
        let week = match day {
            Some(DateOrFixed::Date(d)) => week_of(d),
            _ => None,
        };
        (week.map(DateOrFixed::Date), anchoring)
    }

    fn date_of(&self, spec: &Spec, tense: Tense) -> (Option<DateOrFixed>, Anchoring) {
        let fixed = |k, v| (Some(DateOrFixed::Fixed(k, v)), Anchoring::None);
        match *spec {
            Spec::Duration(d) => fixed(TimexType::Duration, TimexValue::Duration(d)),
            Spec::Every(d) => fixed(TimexType::Set, TimexValue::Every(d)),
            Spec::EveryDate(d) => fixed(TimexType::Set, TimexValue::EveryDate(d)),
            Spec::Ref(r) => fixed(TimexType::Date, TimexValue::Ref(r)),
            Spec::Calendar(v, lean) => {
                if v.is_complete() {
                    return (Some(DateOrFixed::Date(v)), Anchoring::Explicit);
                }
                if let Some(d) = self.narrative_year(v) {
                    return (Some(DateOrFixed::Date(d)), Anchoring::Narrative);
                }
                match self.dct {
                    Some(dct) => (
                        fill_year(v, lean, tense, dct).map(DateOrFixed::Date),
                        Anchoring::Publication,
                    ),
                    None => (Some(DateOrFixed::Date(v)), Anchoring::None),
                }
            }
            Spec::DayOnWeekday(v, w) => match self.dct {
                Some(dct) => (
                    fill_year_on_weekday(v, w, tense, dct).map(DateOrFixed::Date),
                    Anchoring::Publication,
                ),
                None => (Some(DateOrFixed::Date(v)), Anchoring::None),
            },
            Spec::WeekdayDay(w, n) => {
                let (base, narrative) = self.weekday_base();
                // After a day the story told, the next such day, as for a bare weekday.
                let (tense, anchoring) = if narrative {
                    (Tense::Future, Anchoring::Narrative)
                } else {
                    (tense, Anchoring::Publication)
                };
                on_weekday(w, base, anchoring, |day| weekday_day_near(w, n, tense, day))
            }
            Spec::WeekOf(v, lean) => self.week_holding(&Spec::Calendar(v, lean), tense),
            Spec::Weekday(w, lean) | Spec::StoryWeekday(w, lean) => {
                // "the previous Friday" counts from the story's day, "Friday" from publication.
                let (day, anchoring, lean) = if matches!(*spec, Spec::StoryWeekday(..)) {
                    let story = self.story_day.and_then(|d| d.interval()).map(|iv| iv.start);
                    (story.or(self.dct), Anchoring::Narrative, lean)
                } else {
                    match self.weekday_base() {
                        // A text with no publication date tells its days in order: a bare
                        // weekday after a day it named is the next such day ("capsized on
                        // Sunday 12 July … on Wednesday they called off the search": 15 July).
                        (story, true) => {
                            let lean = match lean {
                                Lean::Tense => Lean::OnOrAfter,
                                other => other,
                            };
                            (story, Anchoring::Narrative, lean)
                        }
                        (dct, false) => (dct, Anchoring::Publication, lean),
                    }
                };
                on_weekday(w, day, anchoring, |day| weekday_near(w, lean, tense, day))
            }
            Spec::Shift { unit, n, base } => {
                let (anchor, anchoring) = self.anchor_for(base, unit);
                let Some(anchor) = anchor else {
                    return self.shift_from_yearless_day(base, unit, n);
                };
                // "last year" is a year even when the story is at a quarter.
                let anchor = match anchor.interval() {
                    Some(iv) if unit >= Unit::Year => DateValue::from_date(iv.start),
                    _ => anchor,
                };
                (
                    shift_value(anchor, unit, n).map(DateOrFixed::Date),
                    anchoring,
                )
            }
            Spec::Ago { unit, n, base } => {
                let (anchor, anchoring) = self.anchor_for(base, unit);
                let Some(mut anchor) = anchor else {
                    return self.shift_from_yearless_day(base, unit, n);
                };
                // In quarterly reports "a year ago" means the same quarter a year before: the
                // report's quarter, when the story is at a quarter.
                if let Some(s @ DateValue::Quarter { year: Some(y), .. }) = self.story {
                    if unit == Unit::Year && self.dct.is_none_or(|d| d.year() == y) {
                        anchor = match self.period {
                            Some(p @ DateValue::Quarter { year: Some(py), .. }) if py == y => p,
                            _ => s,
                        };
                    }
                }
                (
                    shift_value(anchor, unit, n).map(DateOrFixed::Date),
                    anchoring,
                )
            }
            Spec::TheUnit(unit) => {
                let Some(dct) = self.dct else {
                    return (None, Anchoring::None);
                };
                let value = match unit {
                    Unit::Quarter => match self.period {
                        Some(p @ DateValue::Quarter { year: Some(_), .. }) => Some(p),
                        _ => latest_quarter(dct),
                    },
                    Unit::Weekend => {
                        // The weekend just past, or the coming one in the future tense.
                        let n = match (tense, dct.weekday()) {
                            (_, Weekday::Sat | Weekday::Sun) => 0,
                            (Tense::Future, _) => 0,
                            _ => -1,
                        };
                        shift_value(DateValue::from_date(dct), Unit::Weekend, n)
                    }
                    other => shift_value(DateValue::from_date(dct), other, 0),
                };
                (value.map(DateOrFixed::Date), Anchoring::Publication)
            }
            Spec::InYear { value, n, base } => {
                let anchor = match base {
                    Base::Publication => self.dct.map(DateValue::from_date),
                    Base::Narrative => self.story,
                };
                match anchor.and_then(|a| year_of(&a)) {
                    Some(y) => (
                        Some(DateOrFixed::Date(value.with_year(y + n))),
                        Anchoring::Publication,
                    ),
                    None => (Some(DateOrFixed::Date(value)), Anchoring::None),
                }
            }
            Spec::Holiday(h, lean, year) => {
                if let Some(y) = year {
                    return (
                        holiday_date(h, y).map(|d| DateOrFixed::Date(DateValue::from_date(d))),
                        Anchoring::Explicit,
                    );
                }
                let Some(dct) = self.dct else {
                    return (None, Anchoring::None);
                };
                let candidates = [dct.year() - 1, dct.year(), dct.year() + 1]
                    .map(|y| holiday_date(h, y).map(Interval::day));
                (
                    choose(&candidates, lean, tense, dct, Granularity::Day)
                        .map(|iv| DateOrFixed::Date(DateValue::from_date(iv.start))),
                    Anchoring::Publication,
                )
            }
            Spec::HolidayWeek(h) => self.week_holding(&Spec::Holiday(h, Lean::Tense, None), tense),
            Spec::ReportPeriod { year, quarter } => {
                let Some(dct) = self.dct else {
                    return (None, Anchoring::None);
                };
                let (y, anchoring) = match year {
                    PeriodYear::Explicit(y) => (Some(y), Anchoring::Explicit),
                    PeriodYear::Shift(n) => (Some(dct.year() + n), Anchoring::Publication),
                    PeriodYear::Same => (None, Anchoring::Narrative),
                };
                let value = match (self.period, y) {
                    (Some(p @ (DateValue::Quarter { .. } | DateValue::Half { .. })), y) => {
                        Some(y.map_or(p, |y| p.with_year(y)))
                    }
                    (_, None) => latest_quarter(dct),
                    // A report about no quarter in particular: the latest one, as for "the
                    // quarter"; a "period" then is the year.
                    (_, Some(y)) if quarter => latest_quarter(dct).map(|q| q.with_year(y)),
                    (_, Some(y)) => Some(DateValue::Year(y)),
                };
                (value.map(DateOrFixed::Date), anchoring)
            }
            Spec::LatestQuarter => match self.dct {
                Some(dct) => (
                    latest_quarter(dct).map(DateOrFixed::Date),
                    Anchoring::Publication,
                ),
                None => (None, Anchoring::None),
            },
            Spec::Clock => {
                // A clock time alone is on the story's day (or the publication day).
                match self.story.filter(|s| s.granularity() == Granularity::Day) {
                    Some(day) => (Some(DateOrFixed::Date(day)), Anchoring::Narrative),
                    None => match self.dct {
                        Some(d) => (
                            Some(DateOrFixed::Date(DateValue::from_date(d))),
                            Anchoring::Publication,
                        ),
                        None => (None, Anchoring::None),
                    },
                }
            }
        }
    }
}

impl Resolver {
    /// A narrative shift by days from the latest day of an unknown year ("two days later").
    fn shift_from_yearless_day(
        &self,
        base: Base,
        unit: Unit,
        n: i32,
    ) -> (Option<DateOrFixed>, Anchoring) {
        match (base, unit, self.yearless_day) {
            (Base::Narrative, Unit::Day, Some((m, d))) => (
                shift_yearless(m, d, n).map(DateOrFixed::Date),
                Anchoring::Narrative,
            ),
            _ => (None, Anchoring::None),
        }
    }

    /// What a shift by `unit` counts from: day and week shifts in a narrative count from the
    /// story's last day, coarser ones from its last date of any grain.
    fn anchor_for(&self, base: Base, unit: Unit) -> (Option<DateValue>, Anchoring) {
        match base {
            Base::Publication => (self.dct.map(DateValue::from_date), Anchoring::Publication),
            Base::Narrative => {
                let fine = unit <= Unit::Fortnight;
                let coarse_story = self.story.filter(|s| s.granularity() >= Granularity::Day);
                let anchor = if fine {
                    coarse_story.or(self.story_day)
                } else {
                    self.story
                };
                (anchor, Anchoring::Narrative)
            }
        }
    }
}

/// The last quarter completed before `dct`.
fn latest_quarter(dct: NaiveDate) -> Option<DateValue> {
    let done = dct.month0() / 3; // quarters completed this year
    let (year, quarter) = if done == 0 {
        (dct.year().checked_sub(1)?, 4)
    } else {
        (dct.year(), done)
    };
    Some(DateValue::Quarter {
        year: Some(year),
        quarter: quarter as u8,
    })
}

enum DateOrFixed {
    Date(DateValue),
    Fixed(TimexType, TimexValue),
}

fn granularity_hint(spec: &Spec) -> Granularity {
    match spec {
        Spec::Shift { unit, .. } | Spec::Ago { unit, .. } | Spec::TheUnit(unit) => {
            unit_granularity(*unit)
        }
        Spec::Calendar(v, _) | Spec::InYear { value: v, .. } | Spec::DayOnWeekday(v, _) => {
            v.granularity()
        }
        Spec::LatestQuarter => Granularity::Quarter,
        Spec::WeekOf(..) => Granularity::Week,
        Spec::ReportPeriod { quarter: true, .. } => Granularity::Quarter,
        Spec::ReportPeriod { quarter: false, .. } => Granularity::Year,
        _ => Granularity::Day,
    }
}

fn unit_granularity(unit: Unit) -> Granularity {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Granularity::Day,
        Unit::Week | Unit::Weekend | Unit::Fortnight => Granularity::Week,
        Unit::Month => Granularity::Month,
        Unit::Quarter => Granularity::Quarter,
        Unit::Year => Granularity::Year,
        Unit::Decade => Granularity::Decade,
        Unit::Century | Unit::Millennium => Granularity::Century,
    }
}

fn year_of(v: &DateValue) -> Option<i32> {
    v.year().or_else(|| v.interval().map(|iv| iv.start.year()))
}

/// Shifts a complete value by `n` units and renders it at the unit's granularity, keeping the
/// anchor's finer granularity for whole-year shifts ("a year earlier" of a quarter is a quarter).
fn shift_value(anchor: DateValue, unit: Unit, n: i32) -> Option<DateValue> {
    let iv = anchor.interval()?;
    let g = anchor.granularity();
    if unit == Unit::Year
        && n != 0
        && matches!(
            g,
            Granularity::Half | Granularity::Quarter | Granularity::Season | Granularity::Month
        )
    {
        let y = anchor.year()?;
        return Some(anchor.with_year(y.checked_add(n)?));
    }
    let date = iv.start;
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => (g == Granularity::Day).then_some(anchor),
        Unit::Day => {
            if g > Granularity::Week || g == Granularity::Day {
                add_days(date, i64::from(n)).map(DateValue::from_date)
            } else {
                None
            }
        }
        Unit::Week | Unit::Fortnight => {
            let step = if unit == Unit::Fortnight { 14 } else { 7 };
            let d = add_days(date, i64::from(n) * step)?;
            let w = d.iso_week();
            Some(DateValue::Week {
                year: Some(w.year()),
                week: Some(w.week() as u8),
            })
        }
        Unit::Weekend => {
            let d = add_days(date, i64::from(n) * 7)?;
            let w = d.iso_week();
            Some(DateValue::Weekend {
                year: Some(w.year()),
                week: Some(w.week() as u8),
            })
        }
        Unit::Month => {
            let d = add_months(date, n)?;
            Some(DateValue::Month {
                year: Some(d.year()),
                month: Some(d.month() as u8),
            })
        }
        Unit::Quarter => {
            let d = add_months(date, n.checked_mul(3)?)?;
            Some(DateValue::Quarter {
                year: Some(d.year()),
                quarter: (d.month0() / 3 + 1) as u8,
            })
        }
        Unit::Year => Some(DateValue::Year(date.year().checked_add(n)?)),
        Unit::Decade => Some(DateValue::Decade(
            date.year().div_euclid(10).checked_add(n)?,
        )),
        Unit::Century | Unit::Millennium => Some(DateValue::Century(
            date.year().div_euclid(100).checked_add(n)?,
        )),
    }
}

/// A day of an unknown year moved by `n` days, when every year moves it to the same month and
/// day: not across the end of February (29 February is in some years only).
fn shift_yearless(month: u8, day: u8, n: i32) -> Option<DateValue> {
    // Two years that differ in February only (2001 is not leap, 2004 is).
    let moved = |y: i32| {
        NaiveDate::from_ymd_opt(y, u32::from(month), u32::from(day))
            .and_then(|d| add_days(d, i64::from(n)))
            .map(|d| (d.month(), d.day()))
    };
    let (a, b) = (moved(2001)?, moved(2004)?);
    if a != b {
        return None;
    }
    Some(DateValue::Day {
        year: None,
        month: u8::try_from(a.0).ok()?,
        day: u8::try_from(a.1).ok()?,
    })
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    let first = d.with_day(1)?;
    if n >= 0 {
        first.checked_add_months(Months::new(n as u32))
    } else {
        first.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

/// The ISO week a date falls in.
fn week_of(d: DateValue) -> Option<DateValue> {
    let w = d.interval()?.start.iso_week();
    Some(DateValue::Week {
        year: Some(w.year()),
        week: u8::try_from(w.week()).ok(),
    })
}

/// The weekday `w` nearest to `dct` in the direction the lean or tense gives.
fn weekday_near(w: Weekday, lean: Lean, tense: Tense, dct: NaiveDate) -> Option<NaiveDate> {
    let back = (7 + dct.weekday().num_days_from_monday() - w.num_days_from_monday()) % 7;
    let fwd = (7 + w.num_days_from_monday() - dct.weekday().num_days_from_monday()) % 7;
    match lean {
        Lean::Before => add_days(dct, -i64::from(if back == 0 { 7 } else { back })),
        Lean::After => add_days(dct, i64::from(if fwd == 0 { 7 } else { fwd })),
        Lean::OnOrAfter => add_days(dct, i64::from(fwd)),
        Lean::Current => {
            let monday = add_days(dct, -i64::from(dct.weekday().num_days_from_monday()))?;
            add_days(monday, i64::from(w.num_days_from_monday()))
        }
        Lean::Tense => match tense {
            Tense::Future => add_days(dct, i64::from(fwd)),
            _ => add_days(dct, -i64::from(back)),
        },
    }
}

/// The date a weekday expression resolves to from `day` by `pick`, or the bare weekday when
/// there is no day to count from.
fn on_weekday(
    w: Weekday,
    day: Option<NaiveDate>,
    anchoring: Anchoring,
    pick: impl FnOnce(NaiveDate) -> Option<NaiveDate>,
) -> (Option<DateOrFixed>, Anchoring) {
    match day {
        Some(day) => (
            pick(day).map(|d| DateOrFixed::Date(DateValue::from_date(d))),
            anchoring,
        ),
        None => (
            Some(DateOrFixed::Date(DateValue::Weekday(w))),
            Anchoring::None,
        ),
    }
}

/// The day `n` of a month that falls on weekday `w` nearest `base` in the direction of the
/// tense: the last such day on or before it (news tells the past), or for the future the first
/// on or after it; the other side when none lies within a year.
fn weekday_day_near(w: Weekday, n: u8, tense: Tense, base: NaiveDate) -> Option<NaiveDate> {
    let month0 = base.year() * 12 + base.month0() as i32;
    let day_of = |m: i32| {
        let (y, m0) = (m.div_euclid(12), m.rem_euclid(12));
        NaiveDate::from_ymd_opt(y, u32::try_from(m0).ok()? + 1, u32::from(n))
            .filter(|d| d.weekday() == w)
    };
    const MONTHS: i32 = 12;
    let before = (0..=MONTHS)
        .filter_map(|k| day_of(month0 - k))
        .find(|d| *d <= base);
    let after = (0..=MONTHS)
        .filter_map(|k| day_of(month0 + k))
        .find(|d| *d >= base);
    if tense == Tense::Future {
        after.or(before)
    } else {
        before.or(after)
    }
}

/// Fills the missing year of a partial value from the publication date.
fn fill_year(v: DateValue, lean: Lean, tense: Tense, dct: NaiveDate) -> Option<DateValue> {
    match v {
        // A quarter or half is the publication year's (financial news speaks of "third-quarter
        // profit" all year, and "expects to report third-quarter results" is about this year),
        // unless a past tense puts it before the publication ("profit fell in the fourth
        // quarter" in January is last year's).
        DateValue::Quarter { .. } | DateValue::Half { .. }
            if lean == Lean::Tense && tense != Tense::Past =>
        {
            Some(v.with_year(dct.year()))
        }
        DateValue::Weekday(w) => weekday_near(w, lean, tense, dct).map(DateValue::from_date),
        _ => {
            let y = dct.year();
            let candidates = [y - 1, y, y + 1].map(|y| v.with_year(y).interval());
            let g = v.granularity();
            let iv = choose(&candidates, lean, tense, dct, g)?;
            let idx = candidates.iter().position(|c| *c == Some(iv))?;
            Some(v.with_year(y - 1 + idx as i32))
        }
    }
}

/// How far from the day a narrative has reached a day it names without a year takes that
/// day's year ([`Resolver::narrative_year`]): a season of the story, either way.
const NARRATIVE_YEAR_DAYS: i64 = 120;

/// How far ahead of the publication date a year-less day in a past-tense report may lie ("the
/// vote on Dec. 15" reported in November): plans are news too.
pub(crate) const PAST_GRACE_DAYS: i64 = 62;

/// How many years from the year the tense gives a day said with its weekday is looked for.
/// A date's weekday moves by one or two days a year, so in three years running it falls on
/// three different weekdays: at most one fits. Further off, a wrong weekday is likelier a slip
/// of the writer's than a story years away.
const WEEKDAY_YEARS: i32 = 1;

/// The year of a year-less day said with its weekday ("Monday, 4 December"): of the years
/// near the one the tense gives, the nearest in which the day is that weekday (the earlier of
/// two as near); the tense's year where none is.
fn fill_year_on_weekday(
    v: DateValue,
    w: Weekday,
    tense: Tense,
    dct: NaiveDate,
) -> Option<DateValue> {
    let by_tense = fill_year(v, Lean::Tense, tense, dct)?;
    let DateValue::Day {
        year: Some(y0),
        month,
        day,
    } = by_tense
    else {
        return Some(by_tense);
    };
    let fits = |y: i32| {
        NaiveDate::from_ymd_opt(y, u32::from(month), u32::from(day))
            .is_some_and(|d| d.weekday() == w)
    };
    let found = (0..=WEEKDAY_YEARS)
        .flat_map(|k| [y0 - k, y0 + k])
        .find(|&y| fits(y));
    Some(found.map_or(by_tense, |y| v.with_year(y)))
}

/// Chooses among the same partial value in the years around the publication date.
fn choose(
    candidates: &[Option<Interval>; 3],
    lean: Lean,
    tense: Tense,
    dct: NaiveDate,
    g: Granularity,
) -> Option<Interval> {
    let present = candidates[1]?;
    let iter = candidates.iter().flatten().copied();
    // The unit that holds the publication date: "last May" is before the current month.
    let contains_dct = |iv: &Interval| iv.start <= dct && dct <= iv.end;
    match lean {
        Lean::Current => Some(present),
        // The month just gone is "last month": "last February" said in March is a year back.
        Lean::Before => iter
            .filter(|iv| {
                iv.end < dct
                    && !contains_dct(iv)
                    && !(g == Granularity::Month && iv.end.succ_opt() == dct.with_day(1))
            })
            .max(),
        Lean::After => iter.filter(|iv| iv.start > dct).min(),
        Lean::OnOrAfter => iter.filter(|iv| iv.end >= dct).min(),
        Lean::Tense => match tense {
            // A past-tense report may still name a date a little ahead ("the vote on Dec. 15"
            // in November), as news about plans often does.
            Tense::Past => {
                let grace = if g == Granularity::Day {
                    PAST_GRACE_DAYS
                } else {
                    15
                };
                iter.filter(|iv| iv.start <= dct + chrono::Duration::days(grace))
                    .max()
                    .or(Some(present))
            }
            // A plan for a day a few days gone ("to return him by Jan. 14" on Jan. 15) was
            // reported late, not a year early.
            Tense::Future => iter
                .filter(|iv| {
                    iv.end
                        .checked_add_signed(chrono::Duration::days(7))
                        .is_none_or(|late| late >= dct)
                })
                .min()
                .or(Some(present)),
            Tense::Unknown | Tense::Conditional => {
                // Nearest to the publication date, a date ahead counting twice as far.
                let dist = |iv: &Interval| {
                    if contains_dct(iv) {
                        0
                    } else if iv.end < dct {
                        (dct - iv.end).num_days()
                    } else {
                        // News leans to the past: a future date counts as twice as far.
                        2 * (iv.start - dct).num_days()
                    }
                };
                candidates
                    .iter()
                    .flatten()
                    .min_by_key(|iv| dist(iv))
                    .copied()
            }
        },
    }
}

/// The date of a holiday in year `y`.
pub(crate) fn holiday_date(h: Holiday, y: i32) -> Option<NaiveDate> {
    let nth = |month: u32, w: Weekday, n: u8| NaiveDate::from_weekday_of_month_opt(y, month, w, n);
    let last = |month: u32, w: Weekday| {
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(y + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(y, month + 1, 1)?
        };
        let mut d = next.pred_opt()?;
        while d.weekday() != w {
            d = d.pred_opt()?;
        }
        Some(d)
    };
    let fixed = |m, d| NaiveDate::from_ymd_opt(y, m, d);
    match h {
        Holiday::Christmas => fixed(12, 25),
        Holiday::ChristmasEve => fixed(12, 24),
        Holiday::NewYearsDay => fixed(1, 1),
        Holiday::NewYearsEve => fixed(12, 31),
        Holiday::Thanksgiving => nth(11, Weekday::Thu, 4),
        Holiday::Easter => easter(y),
        Holiday::GoodFriday => easter(y).and_then(|d| add_days(d, -2)),
        Holiday::IndependenceDay => fixed(7, 4),
        Holiday::LaborDay => nth(9, Weekday::Mon, 1),
        Holiday::MemorialDay => last(5, Weekday::Mon),
        Holiday::Halloween => fixed(10, 31),
        Holiday::Valentines => fixed(2, 14),
        Holiday::VeteransDay => fixed(11, 11),
        Holiday::BoxingDay => fixed(12, 26),
        Holiday::PresidentsDay => nth(2, Weekday::Mon, 3),
        Holiday::ColumbusDay => nth(10, Weekday::Mon, 2),
        Holiday::MothersDay => nth(5, Weekday::Sun, 2),
        Holiday::FathersDay => nth(6, Weekday::Sun, 3),
        Holiday::ElectionDay => nth(11, Weekday::Mon, 1).and_then(|d| add_days(d, 1)),
    }
}

/// Western Easter Sunday (the anonymous Gregorian computus).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn easter_dates() {
        assert_eq!(easter(2024), Some(d(2024, 3, 31)));
        assert_eq!(easter(2000), Some(d(2000, 4, 23)));
        assert_eq!(easter(2019), Some(d(2019, 4, 21)));
    }

    #[test]
    fn a_day_said_with_its_weekday_takes_the_year_it_fits() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN);
        let jan9 = DateValue::Day {
            year: None,
            month: 1,
            day: 9,
        };
        // The future tense alone gives January 2025; 9 January was a Tuesday in 2024.
        assert_eq!(
            fill_year_on_weekday(jan9, Weekday::Tue, Tense::Future, day(2024, 1, 10)),
            Some(DateValue::from_date(day(2024, 1, 9)))
        );
        // A weekday that fits no year near the tense's leaves the tense's year.
        assert_eq!(
            fill_year_on_weekday(jan9, Weekday::Sat, Tense::Past, day(2024, 1, 10)),
            Some(DateValue::from_date(day(2024, 1, 9)))
        );
    }

    #[test]
    fn weekdays_lean_to_the_past() {
        let fri = d(2023, 3, 17);
        assert_eq!(
            weekday_near(Weekday::Thu, Lean::Tense, Tense::Unknown, fri),
            Some(d(2023, 3, 16))
        );
        assert_eq!(
            weekday_near(Weekday::Fri, Lean::Tense, Tense::Past, fri),
            Some(fri)
        );
        assert_eq!(
            weekday_near(Weekday::Mon, Lean::Tense, Tense::Future, fri),
            Some(d(2023, 3, 20))
        );
        assert_eq!(
            weekday_near(Weekday::Fri, Lean::Before, Tense::Unknown, fri),
            Some(d(2023, 3, 10))
        );
    }

    #[test]
    fn shifts_keep_quarter_granularity() {
        let q = DateValue::Quarter {
            year: Some(1989),
            quarter: 3,
        };
        assert_eq!(
            shift_value(q, Unit::Year, -1),
            Some(DateValue::Quarter {
                year: Some(1988),
                quarter: 3
            })
        );
        let day = DateValue::from_date(d(2022, 9, 12));
        assert_eq!(
            shift_value(day, Unit::Day, 1),
            Some(DateValue::from_date(d(2022, 9, 13)))
        );
        assert_eq!(
            shift_value(day, Unit::Month, -1).unwrap().to_string(),
            "2022-08"
        );
    }
}
