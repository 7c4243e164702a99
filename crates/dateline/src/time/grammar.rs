//! Recognition: which token spans are temporal expressions, and what they say before anything is
//! resolved against a publication date.
//!
//! The grammar is a set of hand-written matchers over word classes ([`super::lexicon`]); at each
//! token the longest match wins. A match yields a [`Spec`], which [`super::resolve`] turns into a
//! value.

use chrono::Weekday;
use serde::{Deserialize, Serialize};

use super::lexicon::{lookup, Holiday, Kw, Lex, Unit};
use crate::calendar::{
    DateValue, Duration, DurationUnit, Modifier, PartOfDay, Reference, TimeOfDay,
};
use crate::text::{Segmented, TokenKind};

/// A token with what the grammar needs to know of it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tk {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    pub lex: Lex,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Written with a period.
    pub dotted: bool,
    /// A short form that needs context (`Sept`, `Thu`).
    pub abbreviation: bool,
    /// The value of a number token (digits, no separators).
    pub num: Option<u32>,
    /// How many digits a number token has.
    pub digits: u8,
    /// The first character, for punctuation tests.
    pub first: char,
    /// An `-ed` word, a cue of past tense.
    pub past_form: bool,
    /// Special forms of mixed tokens.
    pub alnum: Alnum,
    /// Written with a possessive `'s`, which `end` leaves out.
    pub possessive: bool,
    /// The word's last two bytes, lower-cased (for plural tests).
    pub last_byte: u8,
    pub second_last_byte: u8,
}

/// Mixed letter-digit tokens that mean something temporal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Alnum {
    None,
    /// `1990s`: the decade starting at this year.
    Decade(i32),
    /// `90s`: two-digit decade.
    ShortDecade(u8),
    /// `16th`.
    Ordinal(u32),
    /// `10am`, `10pm`.
    Clock {
        hour: u8,
        pm: bool,
    },
    /// `Q3`.
    Quarter(u8),
    /// `H1`.
    Half(u8),
    /// `FY2020`, `FY89`.
    FiscalYear(i32),
}

fn classify_alnum(s: &str) -> Alnum {
    let lower = s.to_ascii_lowercase();
    let b = lower.as_bytes();
    let digits_end = b
        .iter()
        .position(|c| !c.is_ascii_digit())
        .unwrap_or(b.len());
    let (num, rest) = lower.split_at(digits_end);
    if !num.is_empty() {
        let Ok(n) = num.parse::<u32>() else {
            return Alnum::None;
        };
        return match rest {
            "s" if num.len() == 4 && n % 10 == 0 => Alnum::Decade(n as i32),
            "s" if num.len() == 2 && n % 10 == 0 => Alnum::ShortDecade(n as u8),
            "st" | "nd" | "rd" | "th" if (1..=100).contains(&n) => Alnum::Ordinal(n),
            "am" | "pm" if (1..=12).contains(&n) => Alnum::Clock {
                hour: n as u8,
                pm: rest == "pm",
            },
            _ => Alnum::None,
        };
    }
    let digits = |p: &str| p.bytes().all(|c| c.is_ascii_digit()) && !p.is_empty();
    if let Some(q) = lower.strip_prefix('q') {
        if q.len() == 1 && digits(q) {
            let q: u8 = q.parse().unwrap_or(0);
            if (1..=4).contains(&q) {
                return Alnum::Quarter(q);
            }
        }
    }
    if let Some(h) = lower.strip_prefix('h') {
        if h == "1" || h == "2" {
            return Alnum::Half(if h == "1" { 1 } else { 2 });
        }
    }
    if let Some(y) = lower.strip_prefix("fy") {
        if digits(y) && (y.len() == 2 || y.len() == 4) {
            if let Ok(n) = y.parse::<i32>() {
                return Alnum::FiscalYear(if y.len() == 2 { n + 1900 } else { n });
            }
        }
    }
    Alnum::None
}

/// The "-eed" endings of past forms ("agreed", "guaranteed"); other "-eed" words are not.
const PAST_EED: &[&str] = &["agreed", "freed", "teed", "decreed"];

/// Prepares the tokens of a text for the grammar.
pub(crate) fn prepare(text: &str, seg: &Segmented) -> Vec<Tk> {
    seg.tokens
        .iter()
        .map(|t| {
            let s = t.text(text);
            let first = s.chars().next().unwrap_or(' ');
            let mut tk = Tk {
                start: t.start,
                end: t.end,
                kind: t.kind,
                lex: Lex::Other,
                cap: first.is_uppercase(),
                dotted: false,
                abbreviation: false,
                num: None,
                digits: 0,
                first,
                past_form: false,
                alnum: Alnum::None,
                possessive: false,
                last_byte: s.as_bytes().last().map_or(0, u8::to_ascii_lowercase),
                second_last_byte: s
                    .len()
                    .checked_sub(2)
                    .and_then(|i| s.as_bytes().get(i))
                    .map_or(0, u8::to_ascii_lowercase),
            };
            match t.kind {
                TokenKind::Word => {
                    let w = lookup(s);
                    if w.lex != Lex::Other {
                        // "Friday's": the expression is the stem.
                        for suffix in ["'s", "’s"] {
                            if s.len() > suffix.len() && s.ends_with(suffix) {
                                tk.end -= suffix.len();
                                tk.possessive = true;
                            }
                        }
                    }
                    tk.lex = w.lex;
                    tk.dotted = w.dotted;
                    tk.abbreviation = w.abbreviation;
                    // A capitalized "-ed" word is a name ("United", "Reed"), not a verb, and
                    // most "-eed" words are not past forms ("succeed", "need", "proceed").
                    tk.past_form = s.len() > 4
                        && s.ends_with("ed")
                        && !tk.cap
                        && (!s.ends_with("eed") || PAST_EED.iter().any(|p| s.ends_with(p)));
                }
                TokenKind::Number => {
                    if s.bytes().all(|b| b.is_ascii_digit()) && s.len() <= 9 {
                        tk.num = s.parse().ok();
                        tk.digits = s.len() as u8;
                        if let Some(n) = tk.num {
                            tk.lex = Lex::Num(n);
                        }
                    }
                }
                TokenKind::Alnum => {
                    tk.alnum = classify_alnum(s);
                    if let Alnum::Ordinal(n) = tk.alnum {
                        tk.lex = Lex::Ordinal(n);
                    }
                }
                TokenKind::Punct => {}
            }
            tk
        })
        .collect()
}

/// Which date a relative expression counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Base {
    /// The publication date ("yesterday", "last week", "two years ago").
    Publication,
    /// The date the story has reached ("the next day", "that year", "two days later").
    Narrative,
}

/// Where a year-less or weekday expression falls relative to its base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Lean {
    /// By the tense of the sentence (news-past preference).
    Tense,
    /// The one before ("last Friday", "last May").
    Before,
    /// The one after ("next Friday").
    After,
    /// The one in the current unit ("this Friday", "this May").
    Current,
    /// That day or the next one after it (a weekday told after a day of the narrative).
    OnOrAfter,
}

/// What an expression says, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Spec {
    /// A calendar value whose missing year (if any) is filled by tense from the base.
    Calendar(DateValue, Lean),
    /// A weekday.
    Weekday(Weekday, Lean),
    /// A day without its year, said with its weekday ("Monday, 4 December"): the year is the
    /// one near the base in which that day falls on that weekday.
    DayOnWeekday(DateValue, Weekday),
    /// A weekday before or after the story's day: "the previous Friday", "the following Monday".
    StoryWeekday(Weekday, Lean),
    /// `n` units from the base, at the unit's granularity.
    Shift {
        unit: Unit,
        n: i32,
        base: Base,
    },
    /// A calendar value in the year `n` years from the base's year ("May last year").
    InYear {
        value: DateValue,
        n: i32,
        base: Base,
    },
    /// A holiday, by tense.
    Holiday(Holiday, Lean, Option<i32>),
    /// The week of a holiday ("Easter week", "Thanksgiving week"), by tense.
    HolidayWeek(Holiday),
    /// "N units ago/earlier/later": like `Shift`, but keeps the finer grain of a quarter or month
    /// it counts from ("a year earlier" of the third quarter is last year's third quarter).
    Ago {
        unit: Unit,
        n: i32,
        base: Base,
    },
    /// "the quarter", "the week", "the weekend": the unit the story or the publication is in.
    TheUnit(Unit),
    /// The most recent completed quarter ("the latest quarter").
    LatestQuarter,
    /// The period a financial report is about (its quarter or half, or the year for year-to-date
    /// figures), in another year: "the 1988 quarter", "last year's quarter", "the year-ago
    /// period", "the corresponding period last year". `quarter` says the text named a quarter, so
    /// a report about no known period still means one.
    ReportPeriod {
        year: PeriodYear,
        quarter: bool,
    },
    /// A time of day alone: on the story's day.
    Clock,
    /// The week holding a day ("the week of March 6"); the day's year is filled as a calendar
    /// value's.
    WeekOf(DateValue, Lean),
    Duration(Duration),
    Every(Duration),
    EveryDate(DateValue),
    Ref(Reference),
    /// A weekday with its day of the month and no month ("Sunday the 13th"): the day near the
    /// base, by tense, that is that day of some month and falls on that weekday.
    WeekdayDay(Weekday, u8),
}

/// The year of a [`Spec::ReportPeriod`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum PeriodYear {
    /// Written out: "the 1988 quarter".
    Explicit(i32),
    /// Years from the publication year: "last year's quarter" is -1.
    Shift(i32),
    /// The period's own year: "the latest period".
    Same,
}

/// A recognized expression: tokens `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Found {
    pub first: usize,
    pub last: usize,
    pub spec: Spec,
    pub modifier: Option<Modifier>,
    pub time: Option<TimeOfDay>,
    /// What the expression says of the period a financial report is about.
    pub report: ReportCue,
}

/// How an expression bears on the period a report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum ReportCue {
    /// As its value says: a quarter or half named is the report's period.
    Plain,
    /// A span of months up to the report's date ("the first nine months"): the report now
    /// speaks of the year so far, so its comparisons are with the year before.
    YearToDate,
    /// A period named in passing ("after a flat second quarter"), not the one reported.
    Aside,
    /// The end of the period just named ("the quarter ended Sept. 30"): it describes that
    /// period, so the story stays at the period.
    PeriodEnd,
}

impl Found {
    fn new(first: usize, last: usize, spec: Spec) -> Self {
        Found {
            first,
            last,
            spec,
            modifier: None,
            time: None,
            report: ReportCue::Plain,
        }
    }
}

/// The TIMEX3 unit of a word unit and how many of it one word unit is. Decades and centuries
/// are written in years (`P20Y`), as TimeBank writes them.
fn duration_unit(unit: Unit) -> (DurationUnit, u32) {
    match unit {
        Unit::Second => (DurationUnit::Second, 1),
        Unit::Minute => (DurationUnit::Minute, 1),
        Unit::Hour => (DurationUnit::Hour, 1),
        Unit::Day => (DurationUnit::Day, 1),
        Unit::Weekend => (DurationUnit::Day, 2),
        Unit::Week => (DurationUnit::Week, 1),
        Unit::Fortnight => (DurationUnit::Week, 2),
        Unit::Month => (DurationUnit::Month, 1),
        Unit::Quarter => (DurationUnit::Quarter, 1),
        Unit::Year => (DurationUnit::Year, 1),
        Unit::Decade => (DurationUnit::Year, 10),
        Unit::Century => (DurationUnit::Year, 100),
        Unit::Millennium => (DurationUnit::Year, 1000),
    }
}

fn duration(amount: Option<u32>, half: bool, unit: Unit) -> Duration {
    let (unit, factor) = duration_unit(unit);
    // "a decade and a half" is fifteen years: a half of an even factor is whole.
    let whole_half = half && factor % 2 == 0;
    Duration {
        amount: amount.map(|a| {
            let base = a.saturating_mul(factor);
            if whole_half {
                base.saturating_add(factor / 2)
            } else {
                base
            }
        }),
        and_a_half: half && !whole_half,
        unit,
    }
}

/// The recognizer over one text.
pub(crate) struct Grammar<'a> {
    toks: &'a [Tk],
    /// Tokens of the sentence being scanned: `lo..hi`.
    lo: usize,
    hi: usize,
}

impl<'a> Grammar<'a> {
    pub(crate) fn new(toks: &'a [Tk]) -> Self {
        Grammar { toks, lo: 0, hi: 0 }
    }

    /// Finds the expressions in the sentence of tokens `lo..hi`.
    pub(crate) fn scan(&mut self, lo: usize, hi: usize, out: &mut Vec<Found>) {
        self.lo = lo;
        self.hi = hi.min(self.toks.len());
        let mut i = self.lo;
        // The first token not yet inside an expression: nothing found may start before it.
        let mut free = self.lo;
        while i < self.hi {
            if !self.may_start(i) {
                i += 1;
                continue;
            }
            match self.parse_at(i) {
                Some(found) if self.title_like(&found) => i = found.last + 1,
                Some(mut found) => {
                    self.apposition(out, &mut found);
                    // A range "9-12 September" gives its first day as an expression of its own.
                    if let Some(first_day) = self.range_start(&found) {
                        if first_day.first >= free {
                            out.push(first_day);
                        }
                    }
                    free = found.last + 1;
                    i = found.last + 1;
                    // "April 24 and 25", "Sept. 9-12": the last day is an expression too.
                    let last_day = self.range_end(&mut found);
                    out.push(found);
                    if let Some(last_day) = last_day {
                        free = last_day.last + 1;
                        i = last_day.last + 1;
                        out.push(last_day);
                    }
                }
                None => i += 1,
            }
        }
    }

    /// A name that looks like a time: a capitalized unit inside running lower-case text or
    /// after an opening quote ("ABC's \"This Week\"", "CBS's \"60 Minutes\"").
    fn title_like(&self, f: &Found) -> bool {
        if matches!(
            f.spec,
            Spec::Calendar(..)
                | Spec::DayOnWeekday(..)
                | Spec::WeekdayDay(..)
                | Spec::Weekday(..)
                | Spec::StoryWeekday(..)
                | Spec::Holiday(..)
                | Spec::HolidayWeek(..)
                | Spec::InYear { .. }
        ) || f.first == self.lo
        {
            return false;
        }
        let capital_unit = (f.first + 1..=f.last).any(|j| {
            self.tk(j).is_some_and(|t| {
                t.cap
                    && matches!(
                        t.lex,
                        Lex::Unit(_) | Lex::Units(_) | Lex::Part(_) | Lex::Kw(Kw::Noon)
                    )
            })
        });
        let before = self.tk(f.first - 1);
        capital_unit
            && before.is_some_and(|b| {
                (b.kind == TokenKind::Punct && matches!(b.first, '"' | '\'' | '`' | '“'))
                    || (b.kind == TokenKind::Word && !b.cap)
            })
    }

    fn may_start(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let starts = match t.lex {
            Lex::Other => false,
            // Prepositions, conjunctions and the verbs that tense is read from are looked at
            // only around an expression ("in 1990", "between May and June", "will meet on
            // Friday"): no rule starts with one, and they are a third of news words.
            Lex::Kw(
                Kw::And
                | Kw::Or
                | Kw::Of
                | Kw::To
                | Kw::In
                | Kw::On
                | Kw::By
                | Kw::For
                | Kw::From
                | Kw::Than
                | Kw::Over
                | Kw::After
                | Kw::Before
                | Kw::As
                | Kw::Said
                | Kw::Is
                | Kw::Was
                | Kw::Be
                | Kw::Have
                | Kw::Had
                | Kw::Will
                | Kw::Would
                | Kw::Clause,
            ) => false,
            _ => true,
        };
        starts || t.alnum != Alnum::None || t.first == '\''
    }

    // ---- token access -------------------------------------------------------------------------

    fn tk(&self, i: usize) -> Option<&Tk> {
        (i >= self.lo && i < self.hi).then(|| &self.toks[i])
    }

    fn lex(&self, i: usize) -> Lex {
        self.tk(i).map_or(Lex::Other, |t| t.lex)
    }

    fn kw(&self, i: usize) -> Option<Kw> {
        match self.lex(i) {
            Lex::Kw(k) => Some(k),
            _ => None,
        }
    }

    fn is(&self, i: usize, k: Kw) -> bool {
        self.kw(i) == Some(k)
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.tk(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && t.first == c)
    }

    fn hyphen(&self, i: usize) -> bool {
        self.tk(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && matches!(t.first, '-' | '–' | '—' | '‐'))
    }

    /// No space between tokens `i` and `i + 1`.
    fn glued(&self, i: usize) -> bool {
        match (self.tk(i), self.tk(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// `i` is a hyphen glued to both neighbours (`two-year`, `mid-1990s`).
    fn compound_hyphen(&self, i: usize) -> bool {
        self.hyphen(i) && i > 0 && self.glued(i - 1) && self.glued(i)
    }

    fn num(&self, i: usize) -> Option<u32> {
        self.tk(i).and_then(|t| t.num)
    }

    fn digits(&self, i: usize) -> u8 {
        self.tk(i).map_or(0, |t| t.digits)
    }

    // ---- numbers ------------------------------------------------------------------------------

    /// A cardinal at `i`: digits, or words ("twenty four", "twenty-four", "a hundred").
    /// Returns the value and the last token.
    fn cardinal(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tk(i)?;
        if t.kind == TokenKind::Number {
            return Some((t.num?, i));
        }
        let Lex::Num(n) = t.lex else {
            if self.is(i, Kw::A) && self.is(i + 1, Kw::Hundred) {
                return Some((100, i + 1));
            }
            return None;
        };
        let mut value = n;
        let mut last = i;
        if (20..=90).contains(&n) && n % 10 == 0 {
            let j = if self.compound_hyphen(i + 1) {
                i + 2
            } else {
                i + 1
            };
            if let Lex::Num(u) = self.lex(j) {
                if (1..=9).contains(&u) && self.tk(j).is_some_and(|t| t.kind == TokenKind::Word) {
                    value += u;
                    last = j;
                }
            }
        }
        if self.is(last + 1, Kw::Hundred) {
            value = value.saturating_mul(100);
            last += 1;
        }
        if self.is(last + 1, Kw::Thousand) {
            value = value.saturating_mul(1000);
            last += 1;
        }
        Some((value, last))
    }

    /// An amount of units: a cardinal, "a"/"an", "a few", "several", "a couple of".
    /// `None` as value means unspecified (`X`).
    fn amount(&self, i: usize) -> Option<(Option<u32>, usize)> {
        if let Some((n, last)) = self.cardinal(i) {
            return Some((Some(n), last));
        }
        match self.kw(i)? {
            Kw::A => match self.kw(i + 1) {
                Some(Kw::Few) => Some((None, i + 1)),
                Some(Kw::Couple) if self.is(i + 2, Kw::Of) => Some((Some(2), i + 2)),
                Some(Kw::Couple) => Some((Some(2), i + 1)),
                _ => Some((Some(1), i)),
            },
            Kw::Several | Kw::Few | Kw::Many => Some((None, i)),
            Kw::Couple if self.is(i + 1, Kw::Of) => Some((Some(2), i + 1)),
            _ => None,
        }
    }

    /// A four-digit (or spoken) year at `i`.
    fn year(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tk(i)?;
        if t.kind == TokenKind::Number && t.digits == 4 {
            let y = t.num? as i32;
            return (1000..=2199).contains(&y).then_some((y, i));
        }
        // "nineteen ninety-six", "nineteen eighty".
        if let Lex::Num(h) = t.lex {
            if (11..=20).contains(&h) && t.kind == TokenKind::Word {
                if let Some((rest, last)) = self.cardinal(i + 1) {
                    if (10..=99).contains(&rest) && self.tk(i + 1)?.kind == TokenKind::Word {
                        return Some(((h * 100 + rest) as i32, last));
                    }
                }
            }
        }
        // "two thousand (and) one".
        if self.lex(i) == Lex::Num(2) && self.is(i + 1, Kw::Thousand) {
            let mut last = i + 1;
            let mut y = 2000;
            let j = if self.is(last + 1, Kw::And) {
                last + 2
            } else {
                last + 1
            };
            if let Some((n, l)) = self.cardinal(j) {
                if n < 100 && self.tk(j)?.kind == TokenKind::Word {
                    y += n as i32;
                    last = l;
                }
            }
            return Some((y, last));
        }
        None
    }

    /// An apostrophe year: `'98`.
    fn short_year(&self, i: usize) -> Option<(i32, usize)> {
        if (self.punct(i, '\'') || self.punct(i, '’')) && self.glued(i) && self.digits(i + 1) == 2
        {
            let n = self.num(i + 1)? as i32;
            return Some((if n < 30 { 2000 + n } else { 1900 + n }, i + 1));
        }
        None
    }

    /// A day of the month: `16`, `16th`, `sixteenth`.
    fn day_number(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.tk(i)?;
        match t.lex {
            Lex::Num(n)
                if t.kind == TokenKind::Number && t.digits <= 2 && (1..=31).contains(&n) =>
            {
                Some((n as u8, i))
            }
            Lex::Ordinal(n) if (1..=31).contains(&n) => {
                // "twenty-first"
                Some((n as u8, i))
            }
            Lex::Num(n) if (20..=30).contains(&n) && t.kind == TokenKind::Word => {
                let j = if self.compound_hyphen(i + 1) {
                    i + 2
                } else {
                    i + 1
                };
                match self.lex(j) {
                    Lex::Ordinal(u) if (1..=9).contains(&u) && n + u <= 31 => {
                        Some(((n + u) as u8, j))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// A month name at `i`, allowing abbreviations only where they are clear.
    fn month(&self, i: usize) -> Option<u8> {
        let t = self.tk(i)?;
        let Lex::Month(m) = t.lex else { return None };
        if t.abbreviation && !t.dotted && self.num(i + 1).is_none() {
            return None;
        }
        if t.abbreviation && !t.cap {
            return None;
        }
        Some(m)
    }

    /// A month standing alone needs a capital and, for words that are also verbs or names
    /// ("May", "March"), a temporal context.
    fn lone_month_ok(&self, i: usize, m: u8) -> bool {
        let Some(t) = self.tk(i) else { return false };
        if !t.cap {
            return false;
        }
        if m == 5 || m == 3 {
            let before = i.checked_sub(1).map_or(Lex::Other, |p| self.lex(p));
            return matches!(
                before,
                Lex::Kw(
                    Kw::In
                        | Kw::Since
                        | Kw::Until
                        | Kw::By
                        | Kw::Of
                        | Kw::During
                        | Kw::Last
                        | Kw::Next
                        | Kw::This
                        | Kw::Early
                        | Kw::Mid
                        | Kw::Late
                        | Kw::Before
                        | Kw::After
                        | Kw::From
                        | Kw::Between
                        | Kw::End
                        | Kw::Beginning
                        | Kw::Start
                        | Kw::Middle
                        | Kw::Every
                        | Kw::Each
                )
            ) || (before == Lex::Kw(Kw::The) && self.noun_follows(i + 1))
                || i.checked_sub(1).is_some_and(|p| self.hyphen(p))
                || (matches!(before, Lex::Kw(Kw::To | Kw::And | Kw::Through))
                    && (i.saturating_sub(4)..i).any(|p| matches!(self.lex(p), Lex::Month(_))));
        }
        true
    }

    /// Whether the weekday at `i` shares the plural part of the next: "Monday and Tuesday
    /// nights".
    fn shares_plural_part(&self, i: usize) -> bool {
        matches!(self.kw(i + 1), Some(Kw::And | Kw::Or))
            && self.weekday(i + 2).is_some()
            && self.plural_part(i + 3)
    }

    /// Whether the token at `i` is a part of the day in the plural ("nights", "mornings").
    fn plural_part(&self, i: usize) -> bool {
        self.tk(i).is_some_and(|t| {
            matches!(t.lex, Lex::Part(_)) && !t.cap && !t.possessive && t.last_byte == b's'
        })
    }

    fn weekday(&self, i: usize) -> Option<Weekday> {
        let t = self.tk(i)?;
        let Lex::Weekday(w) = t.lex else { return None };
        if t.abbreviation && !t.dotted {
            return None;
        }
        if !t.cap {
            return None;
        }
        Some(w)
    }

    // ---- the grammar --------------------------------------------------------------------------

    fn parse_at(&self, i: usize) -> Option<Found> {
        let (j, pre) = self.premodifier(i);
        if j > i {
            if let Some(mut found) = self.core(j) {
                if pre_fits(pre, &found.spec) {
                    // TimeBank leaves some hedges outside the span ("about two weeks",
                    // "almost five months"); the modifier is kept either way.
                    if !self.hedge_outside(i) {
                        found.first = i;
                    }
                    found.modifier = Some(pre);
                    return Some(found);
                }
            }
        }
        self.core(i)
    }

    fn hedge_outside(&self, i: usize) -> bool {
        matches!(self.kw(i), Some(Kw::About | Kw::Almost))
            || (self.is(i, Kw::At) && self.is(i + 1, Kw::Least))
    }

    /// Words before the core that set a modifier: "early", "the end of", "about", "more than".
    fn premodifier(&self, i: usize) -> (usize, Modifier) {
        let the = usize::from(self.is(i, Kw::The));
        let k = i + the;
        match self.kw(k) {
            Some(Kw::Early) if the == 0 || self.era_follows(k + 1) => (k + 1, Modifier::Start),
            Some(Kw::Late) if the == 0 || self.era_follows(k + 1) => (k + 1, Modifier::End),
            Some(Kw::Mid) => {
                if self.hyphen(k + 1) {
                    (k + 2, Modifier::Mid)
                } else {
                    (k + 1, Modifier::Mid)
                }
            }
            Some(Kw::End | Kw::Close) if self.is(k + 1, Kw::Of) => (k + 2, Modifier::End),
            Some(Kw::Beginning | Kw::Start) if self.is(k + 1, Kw::Of) => (k + 2, Modifier::Start),
            Some(Kw::Middle) if self.is(k + 1, Kw::Of) => (k + 2, Modifier::Mid),
            Some(Kw::About | Kw::Around | Kw::Approximately | Kw::Roughly) if the == 0 => {
                (k + 1, Modifier::Approx)
            }
            Some(Kw::Some) if the == 0 && self.cardinal(k + 1).is_some() => {
                (k + 1, Modifier::Approx)
            }
            Some(Kw::Nearly | Kw::Almost) if the == 0 => (k + 1, Modifier::EqualOrLess),
            Some(Kw::More) if the == 0 && self.is(k + 1, Kw::Than) => (k + 2, Modifier::MoreThan),
            Some(Kw::Less) if the == 0 && self.is(k + 1, Kw::Than) => (k + 2, Modifier::LessThan),
            Some(Kw::At) if the == 0 && self.is(k + 1, Kw::Least) => (k + 2, Modifier::EqualOrMore),
            Some(Kw::Up) if the == 0 && self.is(k + 1, Kw::To) => (k + 2, Modifier::EqualOrLess),
            Some(Kw::No) if the == 0 && self.is(k + 2, Kw::Than) => match self.kw(k + 1) {
                Some(Kw::More) => (k + 3, Modifier::EqualOrLess),
                Some(Kw::Less) => (k + 3, Modifier::EqualOrMore),
                _ => (i, Modifier::Approx),
            },
            _ => (i, Modifier::Approx),
        }
    }

    /// A decade, century, year or season at `i`: "the late 1990s", "the early summer".
    fn era_follows(&self, i: usize) -> bool {
        let i = if self.hyphen(i) { i + 1 } else { i };
        let Some(t) = self.tk(i) else { return false };
        matches!(t.alnum, Alnum::Decade(_) | Alnum::ShortDecade(_))
            || matches!(t.lex, Lex::DecadeWord(_) | Lex::Season(_))
            || (t.kind == TokenKind::Number && t.digits == 4)
            || (matches!(t.lex, Lex::Ordinal(_))
                && matches!(self.lex(i + 1), Lex::Unit(Unit::Century)))
    }

    /// The longest core expression starting at `i`.
    fn core(&self, i: usize) -> Option<Found> {
        let candidates = [
            self.calendar(i),
            self.relative(i),
            self.part_of_day(i),
            self.amount_expression(i),
            self.recurrence(i),
            self.reference(i),
            self.clock(i),
        ];
        let mut best: Option<Found> = None;
        for c in candidates.into_iter().flatten() {
            if best.is_none_or(|b| c.last > b.last) {
                best = Some(c);
            }
        }
        let mut best = best?;
        self.attach_time(&mut best);
        // "the quarter ended Sept. 30", "the nine months ending June 30" (not "the strike
        // ended Tuesday", a happening).
        if best.first > self.lo + 1
            && self.is(best.first - 1, Kw::Ended)
            && matches!(
                self.lex(best.first - 2),
                Lex::Unit(_) | Lex::Units(_) | Lex::Kw(Kw::Period | Kw::Half)
            )
        {
            best.report = ReportCue::PeriodEnd;
        }
        Some(best)
    }

    /// A part of the day on its own: "in the morning" (the story's day), "mid-afternoon
    /// yesterday", "by mid afternoon".
    fn part_of_day(&self, i: usize) -> Option<Found> {
        let mid = self.is(i, Kw::Mid);
        let k = if mid && self.hyphen(i + 1) {
            i + 2
        } else {
            i + 1
        };
        let the = self.is(i, Kw::The) && i > self.lo && self.is(i - 1, Kw::In);
        if !(mid || the) {
            return None;
        }
        let Lex::Part(p) = self.lex(k) else {
            return None;
        };
        // "the night" is often a night named by what follows ("the night the plane went down").
        if !matches!(
            p,
            PartOfDay::Morning | PartOfDay::Afternoon | PartOfDay::Evening
        ) || self.tk(k).is_some_and(|t| t.last_byte == b's')
            || self.noun_follows(k + 1)
        {
            return None;
        }
        let time = Some(TimeOfDay::Part(p));
        if mid {
            // "mid-afternoon yesterday", "mid-morning Friday"
            if let Some(mut day) = self.calendar(k + 1).or_else(|| self.relative(k + 1)) {
                if spec_is_day(&day.spec) && day.time.is_none() {
                    day.first = i;
                    day.time = time;
                    day.modifier = Some(Modifier::Mid);
                    return Some(day);
                }
            }
        }
        let mut f = Found::new(i, k, Spec::Clock);
        f.time = time;
        if mid {
            f.modifier = Some(Modifier::Mid);
        }
        Some(f)
    }

    /// After a day: a part of the day or a clock time ("Friday night", "Friday at 10 a.m.").
    fn attach_time(&self, f: &mut Found) {
        if f.time.is_some() || !spec_is_day(&f.spec) {
            return;
        }
        let j = f.last + 1;
        if let Lex::Part(p) = self.lex(j) {
            f.time = Some(TimeOfDay::Part(p));
            f.last = j;
        }
    }

    /// Absolute and year-less calendar expressions.
    fn calendar(&self, i: usize) -> Option<Found> {
        let the = usize::from(self.is(i, Kw::The));
        let k = i + the;
        let t = self.tk(k)?;

        // Weekday, optionally followed by a date: "Thursday, March 16, 2023"; a part of the
        // day may stand between them and goes with the date ("Monday night, 13 October").
        if let Some(w) = self.weekday(k) {
            let mut j = k + 1;
            let part = match self.lex(j) {
                Lex::Part(p) => {
                    j += 1;
                    Some(p)
                }
                _ => None,
            };
            if self.punct(j, ',') {
                j += 1;
            }
            if let Some(mut date) = self.month_day(j).or_else(|| self.day_month(j)) {
                date.first = k;
                if let Spec::Calendar(v @ DateValue::Day { year: None, .. }, _) = date.spec {
                    date.spec = Spec::DayOnWeekday(v, w);
                }
                if date.time.is_none() {
                    date.time = part.map(TimeOfDay::Part);
                }
                return Some(date);
            }
            // "Sunday the 13th": the weekday and its day of the month, the month left to the
            // base. Not across a comma, nor before a noun or a number: "closed lower Friday,
            // the fourth decline", "confirmed on Wednesday the first two cases".
            let noun_follows = |at: usize| {
                self.tk(at).is_some_and(|t| {
                    t.kind == TokenKind::Number
                        || (t.kind == TokenKind::Word
                            && !t.cap
                            && matches!(t.lex, Lex::Other | Lex::Num(_)))
                })
            };
            if !self.punct(j - 1, ',') && self.is(j, Kw::The) && !noun_follows(j + 2) {
                if let Lex::Ordinal(n @ 1..=31) = self.lex(j + 1) {
                    let mut f = Found::new(i, j + 1, Spec::WeekdayDay(w, n as u8));
                    f.time = part.map(TimeOfDay::Part);
                    return Some(f);
                }
            }
            // "Monday and Tuesday nights" is a recurrence (see `recurrence`).
            if self.shares_plural_part(k) || self.plural_part(k + 1) {
                return None;
            }
            // "On Monday 3 November … on the Wednesday": the article makes it the Wednesday
            // of the week the story tells, that day or after it.
            // Before a noun it is news-past as any weekday ("the Friday explosions").
            let noun_after = self
                .tk(k + 1)
                .is_some_and(|t| t.kind == TokenKind::Word && t.lex == Lex::Other && !t.cap);
            if the == 1 && noun_after {
                return None;
            }
            if the == 1 {
                let mut f = Found::new(i, k, Spec::StoryWeekday(w, Lean::OnOrAfter));
                self.attach_time(&mut f);
                return Some(f);
            }
            return Some(Found::new(i, k, Spec::Weekday(w, Lean::Tense)));
        }

        // "the 16th of March" keeps its article; "the Oct. 23 meeting" does not.
        if let Some(mut f) = self.day_month(k) {
            f.first = i;
            return Some(f);
        }
        if let Some(f) = self.month_day(k) {
            return Some(f);
        }

        // ISO 2023-10-26 and numeric dates 10/26/2023.
        if t.kind == TokenKind::Number && the == 0 {
            if let Some(f) = self.numeric_date(k) {
                return Some(f);
            }
        }

        // Month [of|,] Year, Month alone.
        if let Some(m) = self.month(k) {
            let mut j = k + 1;
            if self.is(j, Kw::Of) || self.punct(j, ',') {
                j += 1;
            }
            if let Some((y, last)) = self.year(j).or_else(|| self.short_year(j)) {
                return Some(Found::new(
                    k,
                    last,
                    Spec::Calendar(
                        DateValue::Month {
                            year: Some(y),
                            month: Some(m),
                        },
                        Lean::Tense,
                    ),
                ));
            }
            if self.lone_month_ok(k, m) {
                // "May last year", "September this year".
                if let Some((n, last)) = self.year_shift(k + 1) {
                    return Some(Found::new(
                        i,
                        last,
                        Spec::InYear {
                            value: DateValue::Month {
                                year: None,
                                month: Some(m),
                            },
                            n,
                            base: Base::Publication,
                        },
                    ));
                }
                // "the October slaying": the article is the noun's, not the month's.
                let first = if the == 1 && self.noun_follows(k + 1) {
                    k
                } else {
                    i
                };
                return Some(Found::new(
                    first,
                    k,
                    Spec::Calendar(
                        DateValue::Month {
                            year: None,
                            month: Some(m),
                        },
                        Lean::Tense,
                    ),
                ));
            }
            return None;
        }

        // Seasons: "summer 2020", "the summer of 1998", "last fall" is in `relative`.
        if let Lex::Season(s) = t.lex {
            let mut j = k + 1;
            if self.is(j, Kw::Of) || self.punct(j, ',') {
                j += 1;
            }
            if let Some((y, last)) = self.year(j) {
                return Some(Found::new(
                    i,
                    last,
                    Spec::Calendar(
                        DateValue::Season {
                            year: Some(y),
                            season: s,
                        },
                        Lean::Tense,
                    ),
                ));
            }
            // A bare season needs "the" or a preposition ("in spring"); "fall" and "spring" are
            // also verbs.
            let prev = i.checked_sub(1).map(|p| self.lex(p));
            let prep = matches!(
                prev,
                Some(Lex::Kw(
                    Kw::In | Kw::During | Kw::Since | Kw::Until | Kw::By | Kw::Early | Kw::Late
                ))
            );
            if (the == 1 || prep) && !self.is(k + 1, Kw::Of) {
                return Some(Found::new(
                    i,
                    k,
                    Spec::Calendar(
                        DateValue::Season {
                            year: None,
                            season: s,
                        },
                        Lean::Tense,
                    ),
                ));
            }
            return None;
        }

        // Years: "1987", "the year 2000", "fiscal 1989", "'98".
        if self.is(k, Kw::Fiscal) {
            let mut j = k + 1;
            if matches!(self.lex(j), Lex::Unit(Unit::Year)) {
                j += 1;
            }
            if let Some((y, last)) = self.year(j).or_else(|| self.short_year(j)) {
                return Some(Found::new(
                    i,
                    last,
                    Spec::Calendar(DateValue::Year(y), Lean::Tense),
                ));
            }
        }
        if let Alnum::FiscalYear(y) = t.alnum {
            return Some(Found::new(
                i,
                k,
                Spec::Calendar(DateValue::Year(y), Lean::Tense),
            ));
        }
        if matches!(t.lex, Lex::Unit(Unit::Year)) && the == 1 {
            if let Some((y, last)) = self.year(k + 1) {
                return Some(Found::new(
                    i,
                    last,
                    Spec::Calendar(DateValue::Year(y), Lean::Tense),
                ));
            }
        }
        if let Some((y, last)) = self.year(k) {
            if the == 0 && self.plausible_year(k, last) {
                return Some(Found::new(
                    i,
                    last,
                    Spec::Calendar(DateValue::Year(y), Lean::Tense),
                ));
            }
            if the == 1 {
                // "the 1988 quarter", "the 1989 period": the report's period in that year.
                let quarter = match self.lex(last + 1) {
                    Lex::Unit(Unit::Quarter) => Some(true),
                    Lex::Kw(Kw::Period) => Some(false),
                    _ => None,
                };
                if let Some(quarter) = quarter {
                    return Some(Found::new(
                        i,
                        last + 1,
                        Spec::ReportPeriod {
                            year: PeriodYear::Explicit(y),
                            quarter,
                        },
                    ));
                }
                // "the 1989 second quarter"
                return self.quarter_like(i);
            }
        }

        // Decades: "1990s", "the '90s", "the nineties".
        match t.alnum {
            // "the 1800s" is a century; "the 2000s", like "the 1990s", a decade.
            Alnum::Decade(y) if y % 100 == 0 && y < 2000 => {
                return Some(Found::new(
                    i,
                    k,
                    Spec::Calendar(DateValue::Century(y / 100), Lean::Tense),
                ));
            }
            Alnum::Decade(y) => {
                return Some(Found::new(
                    i,
                    k,
                    Spec::Calendar(DateValue::Decade(y / 10), Lean::Tense),
                ));
            }
            // "in his 30s" is an age.
            Alnum::ShortDecade(_) if k > 0 && self.is(k - 1, Kw::Person) => return None,
            Alnum::ShortDecade(d) => {
                return Some(Found::new(
                    i,
                    k,
                    Spec::Calendar(DateValue::Decade(190 + i32::from(d) / 10), Lean::Tense),
                ));
            }
            _ => {}
        }
        if (self.punct(k, '\'') || self.punct(k, '’')) && self.glued(k) {
            if let Some(Alnum::ShortDecade(d)) = self.tk(k + 1).map(|t| t.alnum) {
                return Some(Found::new(
                    i,
                    k + 1,
                    Spec::Calendar(DateValue::Decade(190 + i32::from(d) / 10), Lean::Tense),
                ));
            }
        }
        if let Lex::DecadeWord(d) = t.lex {
            if the == 1 || self.lex(k.wrapping_sub(1)) == Lex::Kw(Kw::Mid) {
                return Some(Found::new(
                    i,
                    k,
                    Spec::Calendar(DateValue::Decade(190 + i32::from(d)), Lean::Tense),
                ));
            }
        }

        // Centuries: "the 20th century", "the nineteenth century".
        if let Lex::Ordinal(n) = t.lex {
            let j = if self.compound_hyphen(k + 1) {
                k + 2
            } else {
                k + 1
            };
            if matches!(self.lex(j), Lex::Unit(Unit::Century)) && (1..=30).contains(&n) {
                return Some(Found::new(
                    i,
                    j,
                    Spec::Calendar(DateValue::Century(n as i32 - 1), Lean::Tense),
                ));
            }
        }

        if let Some(f) = self.quarter_like(i) {
            return Some(f);
        }
        self.holiday(i)
    }

    /// "last year", "this year", "next year" after a month or season.
    fn year_shift(&self, j: usize) -> Option<(i32, usize)> {
        let j = if self.is(j, Kw::Of) { j + 1 } else { j };
        if !matches!(self.lex(j + 1), Lex::Unit(Unit::Year)) {
            return None;
        }
        let n = match self.kw(j)? {
            Kw::Last | Kw::Past | Kw::Previous => -1,
            Kw::This | Kw::Current => 0,
            Kw::Next | Kw::Coming => 1,
            _ => return None,
        };
        Some((n, j + 1))
    }

    /// A four-digit number is a year unless it counts something.
    fn plausible_year(&self, first: usize, last: usize) -> bool {
        if first != last {
            return true; // spoken years
        }
        let prev = first.checked_sub(1).and_then(|p| self.tk(p));
        if let Some(p) = prev {
            if p.kind == TokenKind::Punct && matches!(p.first, '$' | '£' | '€' | '#' | '+') {
                return false;
            }
            if p.kind == TokenKind::Number {
                return false;
            }
            // "555-1234", "3-2000": a number joined to another is not a year.
            if p.kind == TokenKind::Punct
                && self.glued(first - 1)
                && first >= 2
                && self
                    .tk(first - 2)
                    .is_some_and(|q| q.kind == TokenKind::Number)
                && self.glued(first - 2)
            {
                return false;
            }
        }
        // After an article, possessive or preposition a four-digit number is a year
        // ("its 1990 invasion", "in 1968 when").
        let framed = prev.is_some_and(|p| {
            p.possessive
                || matches!(
                    p.lex,
                    Lex::Kw(
                        Kw::The
                            | Kw::Its
                            | Kw::In
                            | Kw::Since
                            | Kw::By
                            | Kw::Of
                            | Kw::From
                            | Kw::Until
                            | Kw::Before
                            | Kw::After
                            | Kw::During
                            | Kw::That
                            | Kw::This
                            | Kw::Through
                            | Kw::Between
                            | Kw::And
                            | Kw::To
                            | Kw::Early
                            | Kw::Late
                            | Kw::Mid
                    )
                )
        });
        match self.tk(last + 1) {
            None => true,
            Some(n) => match n.kind {
                TokenKind::Punct => !matches!(n.first, '%' | ':' | '/'),
                TokenKind::Number | TokenKind::Alnum => false,
                TokenKind::Word => {
                    // "2000 troops", "1500 shares": a plural noun right after a bare number
                    // is what it counts.
                    framed || n.cap || !self.looks_plural(last + 1)
                }
            },
        }
    }

    /// A lower-case word that looks like a plural noun ("troops", "shares"), not a verb or
    /// function word ("was", "has", "is").
    fn looks_plural(&self, i: usize) -> bool {
        let Some(t) = self.tk(i) else { return false };
        if t.lex != Lex::Other {
            return matches!(t.lex, Lex::Units(_));
        }
        let len = t.end - t.start;
        len > 3 && !t.past_form && !t.possessive && t.first.is_lowercase() && self.ends_in_s(i)
    }

    fn ends_in_s(&self, i: usize) -> bool {
        self.text_end_byte(i)
            .is_some_and(|(last, before)| last == b's' && before != b's' && before != b'u')
    }

    fn text_end_byte(&self, i: usize) -> Option<(u8, u8)> {
        let t = self.tk(i)?;
        Some((t.last_byte, t.second_last_byte))
    }

    /// Month Day [,] [Year]: "March 16", "Sept. 30, 1989", "March 16th 2023".
    fn month_day(&self, k: usize) -> Option<Found> {
        let m = self.month(k)?;
        let mut j = k + 1;
        if self.is(j, Kw::The) {
            j += 1;
        }
        let (d, last) = self.day_number(j)?;
        // "May 5" needs no context, but "March 5 people" would be odd news; a following
        // unit word means a count ("March 3 days").
        if matches!(self.lex(last + 1), Lex::Unit(_) | Lex::Units(_)) {
            return None;
        }
        self.with_year(k, last, m, d)
    }

    /// Day Month [Year]: "16 March", "the 16th of March 2023".
    fn day_month(&self, k: usize) -> Option<Found> {
        let (d, last_day) = self.day_number(k)?;
        let mut j = last_day + 1;
        if self.is(j, Kw::Of) {
            j += 1;
        }
        let m = self.month(j)?;
        self.with_year(k, j, m, d)
    }

    /// Completes a day with an optional year after `last`.
    fn with_year(&self, first: usize, last: usize, m: u8, d: u8) -> Option<Found> {
        let mut j = last + 1;
        if self.punct(j, ',') {
            j += 1;
        }
        if let Some((y, ylast)) = self.year(j).or_else(|| self.short_year(j)) {
            let v = DateValue::Day {
                year: Some(y),
                month: m,
                day: d,
            };
            v.interval()?;
            return Some(Found::new(first, ylast, Spec::Calendar(v, Lean::Tense)));
        }
        if d > days_in_month_any_year(m) {
            return None;
        }
        let v = DateValue::Day {
            year: None,
            month: m,
            day: d,
        };
        // "March 16 last year".
        if let Some((n, ylast)) = self.year_shift(last + 1) {
            return Some(Found::new(
                first,
                ylast,
                Spec::InYear {
                    value: v,
                    n,
                    base: Base::Publication,
                },
            ));
        }
        Some(Found::new(first, last, Spec::Calendar(v, Lean::Tense)))
    }

    /// `2023-10-26`, `10/26/2023`, `26.10.2023`.
    fn numeric_date(&self, k: usize) -> Option<Found> {
        let sep = self.tk(k + 1)?;
        if sep.kind != TokenKind::Punct || !self.glued(k) || !self.glued(k + 1) {
            return None;
        }
        let c = sep.first;
        if !matches!(c, '-' | '/') {
            return None;
        }
        if !(self.punct(k + 3, c) && self.glued(k + 2) && self.glued(k + 3)) {
            return None;
        }
        let (a, b, e) = (self.num(k)?, self.num(k + 2)?, self.num(k + 4)?);
        let (da, db, de) = (self.digits(k), self.digits(k + 2), self.digits(k + 4));
        let (y, m, d) = if da == 4 && db <= 2 && de <= 2 {
            (a as i32, b, e)
        } else if de == 4 && da <= 2 && db <= 2 && c == '/' {
            // American order unless the first number cannot be a month.
            if a > 12 {
                (e as i32, b, a)
            } else {
                (e as i32, a, b)
            }
        } else if de == 2 && da <= 2 && db <= 2 && c == '/' {
            (1900 + e as i32 + if e < 30 { 100 } else { 0 }, a, b)
        } else {
            return None;
        };
        let v = DateValue::Day {
            year: Some(y),
            month: u8::try_from(m).ok()?,
            day: u8::try_from(d).ok()?,
        };
        v.interval()?;
        Some(Found::new(k, k + 4, Spec::Calendar(v, Lean::Tense)))
    }

    /// Quarters and halves: "the third quarter", "third-quarter", "Q3 2020",
    /// "the first half of 1989", "the 1989 second quarter".
    fn quarter_like(&self, i: usize) -> Option<Found> {
        let the = usize::from(self.is(i, Kw::The));
        let mut k = i + the;
        let mut year: Option<i32> = None;
        // "the 1989 second quarter", "this year's third quarter" handled via `relative`.
        if let Some((y, last)) = self.year(k) {
            if the == 1 {
                year = Some(y);
                k = last + 1;
            }
        }
        if self.is(k, Kw::Fiscal) {
            k += 1;
            // "the fiscal-first quarter"
            if self.compound_hyphen(k) {
                k += 1;
            }
        }
        let t = self.tk(k)?;
        // "the last half of 1989" is its second half.
        if the == 1 && self.is(k, Kw::Last) && self.is(k + 1, Kw::Half) && self.is(k + 2, Kw::Of) {
            if let Some((y, last)) = self.year(k + 3) {
                let value = quarter_or_half(true, Some(y), 2);
                return Some(Found::new(i, last, Spec::Calendar(value, Lean::Tense)));
            }
        }
        let (n, unit_at, is_half) = match t.alnum {
            Alnum::Quarter(q) => (q, k, false),
            Alnum::Half(h) => (h, k, true),
            _ => {
                let Lex::Ordinal(n) = t.lex else {
                    return None;
                };
                let mut j = k + 1;
                if self.compound_hyphen(j) {
                    j += 1;
                }
                if self.is(j, Kw::Fiscal) {
                    j += 1;
                }
                match self.lex(j) {
                    Lex::Unit(Unit::Quarter) if (1..=4).contains(&n) => (n as u8, j, false),
                    Lex::Kw(Kw::Half) if (1..=2).contains(&n) => (n as u8, j, true),
                    _ => return None,
                }
            }
        };
        // "the first half of the decade", "the second half of the month": not a year's half.
        if self.is(unit_at + 1, Kw::Of) {
            let j = unit_at + 2 + usize::from(self.is(unit_at + 2, Kw::The));
            if matches!(self.lex(j), Lex::Unit(u) if u != Unit::Year) {
                return None;
            }
        }
        let mut last = unit_at;
        if year.is_none() {
            let mut j = unit_at + 1;
            if self.is(j, Kw::Of) || self.punct(j, ',') {
                j += 1;
            }
            if self.is(j, Kw::Fiscal) {
                j += 1;
            }
            if let Some((y, l)) = self.year(j).or_else(|| self.short_year(j)) {
                year = Some(y);
                last = l;
            } else if let Some((shift, l)) = self.year_shift_of(unit_at + 1) {
                return Some(Found::new(
                    i,
                    l,
                    Spec::InYear {
                        value: quarter_or_half(is_half, None, n),
                        n: shift,
                        base: Base::Publication,
                    },
                ));
            }
        }
        // A bare ordinal quarter with no "the" is a period ("a flat second quarter", "in its
        // fourth quarter"), but not a share ("a third quarter of the votes", "one fourth quarter")
        // nor a half ("a first half" is rare and "second half" is also a game's).
        if the == 0
            && year.is_none()
            && !self.compound_hyphen(k + 1)
            && !t.cap
            && t.alnum == Alnum::None
            && (is_half
                || k.checked_sub(1).is_some_and(|p| {
                    matches!(self.lex(p), Lex::Kw(Kw::A) | Lex::Num(_))
                        || self.tk(p).is_some_and(|t| t.kind == TokenKind::Number)
                })
                || self.is(unit_at + 1, Kw::Of)
                || self.hyphen(unit_at + 1))
        {
            return None;
        }
        let value = quarter_or_half(is_half, year, n);
        // "a (flat) second quarter" names a quarter in passing; "a third-quarter loss" is the
        // report's own.
        let indefinite = |p: usize| self.is(p, Kw::A);
        let aside = the == 0
            && !unit_at
                .checked_sub(1)
                .is_some_and(|h| self.compound_hyphen(h))
            && (i.checked_sub(1).is_some_and(indefinite)
                || (i >= 2 && self.lex(i - 1) == Lex::Other && indefinite(i - 2)));
        // "the third-quarter results": the article belongs to the noun phrase.
        let first = if the == 1 && self.compound_hyphen(unit_at - 1) && year.is_none() {
            i + 1
        } else {
            i
        };
        let mut f = Found::new(first, last, Spec::Calendar(value, Lean::Tense));
        if aside {
            f.report = ReportCue::Aside;
        }
        Some(f)
    }

    /// "of last year", "of this year" after a quarter.
    fn year_shift_of(&self, j: usize) -> Option<(i32, usize)> {
        if !self.is(j, Kw::Of) {
            return None;
        }
        self.year_shift(j + 1)
    }

    /// Named holidays: "Christmas", "Christmas Eve", "New Year's Day", "Independence Day".
    fn holiday(&self, i: usize) -> Option<Found> {
        let t = self.tk(i)?;
        if !t.cap {
            return None;
        }
        let next_is_day = |j: usize| {
            matches!(self.lex(j), Lex::Unit(Unit::Day)) && self.tk(j).is_some_and(|t| t.cap)
        };
        let (h, last) = match t.lex {
            Lex::Holiday(Holiday::Christmas) if self.is(i + 1, Kw::Eve) => {
                (Holiday::ChristmasEve, i + 1)
            }
            Lex::Holiday(h) if next_is_day(i + 1) => (h, i + 1),
            Lex::Holiday(Holiday::Easter)
                if matches!(self.lex(i + 1), Lex::Weekday(Weekday::Sun)) =>
            {
                (Holiday::Easter, i + 1)
            }
            Lex::Holiday(h) => (h, i),
            Lex::HolidayHead(Holiday::NewYearsDay) => {
                // "New Year's Day", "New Year's Eve"
                let year = self.tk(i + 1)?;
                if !(year.cap && matches!(year.lex, Lex::Unit(Unit::Year))) {
                    return None;
                }
                if self.is(i + 2, Kw::Eve) {
                    (Holiday::NewYearsEve, i + 2)
                } else if next_is_day(i + 2) {
                    (Holiday::NewYearsDay, i + 2)
                } else {
                    return None;
                }
            }
            Lex::HolidayHead(Holiday::GoodFriday) => {
                if !matches!(self.lex(i + 1), Lex::Weekday(Weekday::Fri)) {
                    return None;
                }
                (Holiday::GoodFriday, i + 1)
            }
            Lex::HolidayHead(h) => {
                // "Presidents' Day": a stray apostrophe may sit between.
                let j = if self.punct(i + 1, '\'') || self.punct(i + 1, '’') {
                    i + 2
                } else {
                    i + 1
                };
                if !next_is_day(j) {
                    return None;
                }
                (h, j)
            }
            _ => return None,
        };
        // "Easter week": the week the holiday falls in.
        if self.lex(last + 1) == Lex::Unit(Unit::Week) && self.tk(last + 1).is_some_and(|t| !t.cap)
        {
            return Some(Found::new(i, last + 1, Spec::HolidayWeek(h)));
        }
        Some(Found::new(i, last, Spec::Holiday(h, Lean::Tense, None)))
    }

    /// Expressions relative to the publication or story date.
    fn relative(&self, i: usize) -> Option<Found> {
        if let Some(f) = self
            .year_earlier(i)
            .or_else(|| self.period_year_before(i))
            .or_else(|| self.years_period(i))
            .or_else(|| self.the_year(i))
        {
            return Some(f);
        }
        let t = self.tk(i)?;
        match t.lex {
            Lex::Kw(Kw::Today) => {
                return Some(Found::new(
                    i,
                    i,
                    Spec::Shift {
                        unit: Unit::Day,
                        n: 0,
                        base: Base::Publication,
                    },
                ))
            }
            Lex::Kw(Kw::Yesterday) => {
                return Some(Found::new(
                    i,
                    i,
                    Spec::Shift {
                        unit: Unit::Day,
                        n: -1,
                        base: Base::Publication,
                    },
                ))
            }
            Lex::Kw(Kw::Tomorrow) => {
                return Some(Found::new(
                    i,
                    i,
                    Spec::Shift {
                        unit: Unit::Day,
                        n: 1,
                        base: Base::Publication,
                    },
                ))
            }
            Lex::Kw(Kw::Tonight) => {
                let mut f = Found::new(
                    i,
                    i,
                    Spec::Shift {
                        unit: Unit::Day,
                        n: 0,
                        base: Base::Publication,
                    },
                );
                f.time = Some(TimeOfDay::Part(PartOfDay::Night));
                return Some(f);
            }
            _ => {}
        }

        // "earlier this year", "later this month", "early next year" (modifier from the word).
        if let Some(Kw::Earlier | Kw::Later) = self.kw(i) {
            let earlier = self.is(i, Kw::Earlier);
            if let Some(mut f) = self.relative(i + 1) {
                if matches!(self.kw(i + 1), Some(Kw::This | Kw::That | Kw::Today))
                    || matches!(self.kw(i + 1), Some(Kw::Yesterday | Kw::Tomorrow))
                    || self.weekday(i + 1).is_some()
                {
                    f.first = i;
                    f.modifier = Some(if earlier {
                        Modifier::Start
                    } else {
                        Modifier::End
                    });
                    if matches!(
                        f.spec,
                        Spec::Shift {
                            unit: Unit::Day,
                            ..
                        }
                    ) {
                        f.modifier = None;
                    }
                    return Some(f);
                }
            }
            if let Some(w) = self.weekday(i + 1) {
                let mut f = Found::new(i, i + 1, Spec::Weekday(w, Lean::Tense));
                self.attach_time(&mut f);
                return Some(f);
            }
        }

        // "this morning", "last night", "yesterday afternoon".
        let the = usize::from(self.is(i, Kw::The));
        let k = i + the;
        let det = self.kw(k);
        let (n, base, lean) = match det {
            Some(Kw::Last) => (-1, Base::Publication, Lean::Before),
            Some(Kw::Past | Kw::Previous) if the == 1 => (-1, Base::Narrative, Lean::Before),
            Some(Kw::Past) => (-1, Base::Publication, Lean::Before),
            Some(Kw::Previous) => (-1, Base::Narrative, Lean::Before),
            Some(Kw::Next) if the == 1 => (1, Base::Narrative, Lean::After),
            Some(Kw::Next) => (1, Base::Publication, Lean::After),
            Some(Kw::Coming) => (1, Base::Publication, Lean::After),
            Some(Kw::Following) => (1, Base::Narrative, Lean::After),
            Some(Kw::This) if the == 0 => (0, Base::Publication, Lean::Current),
            Some(Kw::Current) => (0, Base::Publication, Lean::Current),
            Some(Kw::That) if the == 0 => (0, Base::Narrative, Lean::Current),
            Some(Kw::Same) if the == 1 => (0, Base::Narrative, Lean::Current),
            Some(Kw::Latest) | Some(Kw::Recent) if the == 1 => (0, Base::Publication, Lean::Before),
            _ => {
                return self.relative_tail(i);
            }
        };
        let mut j = k + 1;
        // "this past weekend", "this coming Sunday"
        if det == Some(Kw::This) && matches!(self.kw(j), Some(Kw::Past | Kw::Coming)) {
            j += 1;
        }
        let lean = if det == Some(Kw::This) && self.is(k + 1, Kw::Past) {
            Lean::Before
        } else if det == Some(Kw::This) && self.is(k + 1, Kw::Coming) {
            Lean::After
        } else {
            lean
        };
        if self.is(j, Kw::Fiscal) {
            j += 1;
        }
        let u = self.tk(j)?;
        // "the latest period": the period the report is about.
        if det == Some(Kw::Latest) && u.lex == Lex::Kw(Kw::Period) {
            let spec = Spec::ReportPeriod {
                year: PeriodYear::Same,
                quarter: true,
            };
            return Some(Found::new(i, j, spec));
        }
        match u.lex {
            Lex::Unit(unit) => {
                if det == Some(Kw::Latest) || det == Some(Kw::Recent) {
                    if unit == Unit::Quarter {
                        return Some(Found::new(i, j, Spec::LatestQuarter));
                    }
                    return None;
                }
                let mut f = Found::new(i, j, Spec::Shift { unit, n, base });
                self.attach_time(&mut f);
                Some(f)
            }
            Lex::Part(p) => {
                // "the next morning", "the previous evening", "that night": the story's day or
                // one next to it. ("the following mornings" is no one day.)
                if base == Base::Narrative {
                    if u.last_byte == b's' {
                        return None;
                    }
                    let mut f = Found::new(
                        i,
                        j,
                        Spec::Shift {
                            unit: Unit::Day,
                            n,
                            base,
                        },
                    );
                    f.time = Some(TimeOfDay::Part(p));
                    return Some(f);
                }
                // "this morning", "last night", "this afternoon".
                if the == 1 {
                    return None;
                }
                let day_n = if det == Some(Kw::Last) && p == PartOfDay::Night {
                    -1
                } else if det == Some(Kw::This) {
                    0
                } else {
                    return None;
                };
                let mut f = Found::new(
                    i,
                    j,
                    Spec::Shift {
                        unit: Unit::Day,
                        n: day_n,
                        base: Base::Publication,
                    },
                );
                f.time = Some(TimeOfDay::Part(p));
                Some(f)
            }
            Lex::Weekday(w) if u.cap && (!u.abbreviation || u.dotted) => {
                let spec = if base == Base::Narrative && lean != Lean::Current {
                    Spec::StoryWeekday(w, lean)
                } else {
                    Spec::Weekday(w, lean)
                };
                let mut f = Found::new(i, j, spec);
                self.attach_time(&mut f);
                Some(f)
            }
            // "last Oct. 23" is the date "Oct. 23"; "last" only leans it to the past.
            Lex::Month(_) if self.day_number(j + 1).is_some() => None,
            Lex::Month(m) if u.cap && (!u.abbreviation || u.dotted) && the == 0 => {
                let lean = if det == Some(Kw::This) {
                    Lean::Current
                } else {
                    lean
                };
                Some(Found::new(
                    i,
                    j,
                    Spec::Calendar(
                        DateValue::Month {
                            year: None,
                            month: Some(m),
                        },
                        lean,
                    ),
                ))
            }
            // "the following spring", "the previous winter": the season of the year after (or
            // before) the story's date.
            Lex::Season(s) if base == Base::Narrative && lean != Lean::Current => Some(Found::new(
                i,
                j,
                Spec::InYear {
                    value: DateValue::Season {
                        year: None,
                        season: s,
                    },
                    n,
                    base,
                },
            )),
            Lex::Season(s) => Some(Found::new(
                i,
                j,
                Spec::Calendar(
                    DateValue::Season {
                        year: None,
                        season: s,
                    },
                    if det == Some(Kw::This) && lean == Lean::Current {
                        Lean::Current
                    } else {
                        lean
                    },
                ),
            )),
            _ => None,
        }
    }

    /// "year-earlier", "the year-ago quarter", "the comparable year-earlier period": the report's
    /// period a year before, as financial news compares results.
    fn year_earlier(&self, i: usize) -> Option<Found> {
        let the = usize::from(self.is(i, Kw::The));
        let mut k = i + the;
        if the == 1 && self.is(k, Kw::Comparable) {
            k += 1;
        }
        if !matches!(self.lex(k), Lex::Unit(Unit::Year))
            || !self.compound_hyphen(k + 1)
            || !matches!(self.kw(k + 2), Some(Kw::Earlier | Kw::Ago))
        {
            return None;
        }
        let j = k + 2;
        let period = |quarter| Spec::ReportPeriod {
            year: PeriodYear::Shift(-1),
            quarter,
        };
        // "the year-earlier third quarter", "the year-ago first half"
        if let Some((value, last)) = self.ordinal_period(j + 1) {
            let spec = Spec::InYear {
                value,
                n: -1,
                base: Base::Publication,
            };
            return Some(Found::new(i, last, spec));
        }
        if matches!(self.lex(j + 1), Lex::Unit(Unit::Quarter)) {
            return Some(Found::new(i, j + 1, period(true)));
        }
        if self.is(j + 1, Kw::Period) {
            return Some(Found::new(i, j + 1, period(false)));
        }
        // The article belongs to the expression only when the noun does.
        Some(Found::new(k, j, period(false)))
    }

    /// "third quarter", "first half", "second-quarter" at `j`, without a year.
    fn ordinal_period(&self, j: usize) -> Option<(DateValue, usize)> {
        let Lex::Ordinal(n) = self.lex(j) else {
            return None;
        };
        let u = if self.compound_hyphen(j + 1) {
            j + 2
        } else {
            j + 1
        };
        match self.lex(u) {
            Lex::Unit(Unit::Quarter) if (1..=4).contains(&n) => {
                Some((quarter_or_half(false, None, n as u8), u))
            }
            Lex::Kw(Kw::Half) if (1..=2).contains(&n) => {
                Some((quarter_or_half(true, None, n as u8), u))
            }
            _ => None,
        }
    }

    /// "the quarter a year ago", "the corresponding period last year", "the same quarter a year
    /// earlier": the report's period in the year before.
    fn period_year_before(&self, i: usize) -> Option<Found> {
        if !self.is(i, Kw::The) {
            return None;
        }
        let mut k = i + 1;
        if matches!(self.kw(k), Some(Kw::Comparable | Kw::Same)) {
            k += 1;
        }
        let quarter = match self.lex(k) {
            Lex::Unit(Unit::Quarter) => true,
            Lex::Kw(Kw::Period) => false,
            _ => return None,
        };
        let mut j = k + 1;
        if self.is(j, Kw::Of) {
            j += 1;
        }
        let last = if self.is(j, Kw::Last) && matches!(self.lex(j + 1), Lex::Unit(Unit::Year)) {
            j + 1
        } else if self.is(j, Kw::A)
            && matches!(self.lex(j + 1), Lex::Unit(Unit::Year))
            && matches!(self.kw(j + 2), Some(Kw::Ago | Kw::Earlier))
        {
            j + 2
        } else {
            return None;
        };
        Some(Found::new(
            i,
            last,
            Spec::ReportPeriod {
                year: PeriodYear::Shift(-1),
                quarter,
            },
        ))
    }

    /// "the year", "the full year", "the fiscal year": the year the story is in, or a fiscal
    /// year's length when its end follows ("the year ended March 31", as TimeBank has it).
    fn the_year(&self, i: usize) -> Option<Found> {
        if !self.is(i, Kw::The) {
            return None;
        }
        let mut k = i + 1;
        // "the full year" and "the fiscal year" are a report's own; "the year" may be the
        // story's ("in 1995 ... during the year").
        let mut base = Base::Narrative;
        if matches!(self.kw(k), Some(Kw::Full | Kw::Fiscal)) {
            k += 1;
            base = Base::Publication;
        }
        let year = self.tk(k)?;
        if !matches!(year.lex, Lex::Unit(Unit::Year)) || year.possessive || self.hyphen(k + 1) {
            return None;
        }
        // "the full year target" qualifies a noun; "player of the year" is an award; "the year
        // 325" is a year too early for `year`.
        if (base == Base::Publication && self.noun_follows(k + 1))
            || (i >= 2 && self.is(i - 1, Kw::Of) && self.is(i - 2, Kw::Award))
            || self.tk(k + 1).is_some_and(|t| t.kind == TokenKind::Number)
        {
            return None;
        }
        // "the year before", "the year of the flood", "the year earlier" are other readings.
        if let Some(Kw::Of | Kw::Before | Kw::After | Kw::Earlier | Kw::Later | Kw::Ago) =
            self.kw(k + 1)
        {
            return None;
        }
        // "the year ended March 31", "the year to February": a fiscal year's length.
        let to = if self.is(k + 1, Kw::Up) { k + 2 } else { k + 1 };
        let ended = self.is(k + 1, Kw::Ended)
            || (matches!(self.kw(to), Some(Kw::To | Kw::Through))
                && matches!(self.lex(to + 1), Lex::Month(_)));
        let spec = if ended {
            Spec::Duration(duration(Some(1), false, Unit::Year))
        } else {
            Spec::Shift {
                unit: Unit::Year,
                n: 0,
                base,
            }
        };
        Some(Found::new(i, k, spec))
    }

    /// A plain lower-case word at `j`, most likely the noun that the words before it qualify
    /// ("the short term rating", "the March accession", "the May vote"; not "the March on
    /// Washington"), not a verb in the past or a function word.
    fn noun_follows(&self, j: usize) -> bool {
        self.tk(j).is_some_and(plain_word)
    }

    /// "this year's third quarter", "last year's quarter", "next year's first half".
    fn years_period(&self, i: usize) -> Option<Found> {
        let n = match self.kw(i)? {
            Kw::Last => -1,
            Kw::This => 0,
            Kw::Next => 1,
            _ => return None,
        };
        let year = self.tk(i + 1)?;
        if !(matches!(year.lex, Lex::Unit(Unit::Year)) && year.possessive) {
            return None;
        }
        if let Some((value, last)) = self.ordinal_period(i + 2) {
            let spec = Spec::InYear {
                value,
                n,
                base: Base::Publication,
            };
            return Some(Found::new(i, last, spec));
        }
        let quarter = match self.lex(i + 2) {
            Lex::Unit(Unit::Quarter) => true,
            Lex::Kw(Kw::Period) => false,
            _ => return None,
        };
        Some(Found::new(
            i,
            i + 2,
            Spec::ReportPeriod {
                year: PeriodYear::Shift(n),
                quarter,
            },
        ))
    }

    /// "two years ago", "a day later", "the day after", "three weeks earlier".
    fn relative_tail(&self, i: usize) -> Option<Found> {
        // "the day after", "the day before", "the next day" handled above; "the day after" here.
        if self.is(i, Kw::The) {
            if let Lex::Unit(unit) = self.lex(i + 1) {
                let next = self.kw(i + 2);
                // "the week of March 6"
                if unit == Unit::Week && next == Some(Kw::Of) {
                    let day = self.month_day(i + 3).or_else(|| self.day_month(i + 3));
                    if let Some(Found {
                        last,
                        spec: Spec::Calendar(v @ DateValue::Day { .. }, lean),
                        ..
                    }) = day
                    {
                        return Some(Found::new(i, last, Spec::WeekOf(v, lean)));
                    }
                }
                let possessive = self.tk(i + 1).is_some_and(|t| t.possessive);
                // "the end of the month": the month is the current one, as "the week" is.
                let bounds_the_month = unit == Unit::Month
                    && i >= 2
                    && self.is(i - 1, Kw::Of)
                    && matches!(
                        self.kw(i - 2),
                        Some(Kw::End | Kw::Start | Kw::Beginning | Kw::Middle)
                    );
                if (matches!(unit, Unit::Quarter | Unit::Week | Unit::Weekend) || bounds_the_month)
                    && !matches!(next, Some(Kw::Of | Kw::After | Kw::Before))
                    && !self.hyphen(i + 2)
                    && !possessive
                {
                    return Some(Found::new(i, i + 1, Spec::TheUnit(unit)));
                }
                let n = match self.kw(i + 2) {
                    Some(Kw::After) => 1,
                    Some(Kw::Before) => -1,
                    _ => return None,
                };
                // "the day after tomorrow"
                if self.is(i + 3, Kw::Tomorrow) && unit == Unit::Day {
                    return Some(Found::new(
                        i,
                        i + 3,
                        Spec::Shift {
                            unit,
                            n: 2,
                            base: Base::Publication,
                        },
                    ));
                }
                if self.is(i + 3, Kw::Yesterday) && unit == Unit::Day {
                    return Some(Found::new(
                        i,
                        i + 3,
                        Spec::Shift {
                            unit,
                            n: -2,
                            base: Base::Publication,
                        },
                    ));
                }
                return Some(Found::new(
                    i,
                    i + 2,
                    Spec::Shift {
                        unit,
                        n,
                        base: Base::Narrative,
                    },
                ));
            }
            return None;
        }
        // "Months later", "years earlier", "decades ago": a bare length names an unspecified
        // future or past, as "a few months later" does.
        if matches!(self.lex(i), Lex::Units(_)) && (i == 0 || self.amount(i - 1).is_none()) {
            match self.kw(i + 1) {
                Some(Kw::Ago | Kw::Earlier) => {
                    return Some(Found::new(i, i + 1, Spec::Ref(Reference::Past)));
                }
                Some(Kw::Later) => {
                    return Some(Found::new(i, i + 1, Spec::Ref(Reference::Future)));
                }
                _ => {}
            }
        }
        let (amount, last) = self.amount(i)?;
        // A four-digit amount is a year ("the 1988 quarter"), not a count.
        if amount.is_some_and(|a| a > 999) {
            return None;
        }
        let j = last + 1;
        let unit = match self.lex(j) {
            Lex::Unit(u) | Lex::Units(u) => u,
            _ => return None,
        };
        let Some(amount) = amount else {
            // "several years ago", "a few months later": an unspecified past or future.
            return match self.kw(j + 1) {
                Some(Kw::Ago | Kw::Earlier) => {
                    Some(Found::new(i, j + 1, Spec::Ref(Reference::Past)))
                }
                Some(Kw::Later | Kw::Hence) => {
                    Some(Found::new(i, j + 1, Spec::Ref(Reference::Future)))
                }
                _ => None,
            };
        };
        let amount = i32::try_from(amount).ok()?;
        let (sign, base, end): (i32, Base, usize) = match self.kw(j + 1) {
            Some(Kw::Ago) => (-1, Base::Publication, j + 1),
            Some(Kw::Earlier) => (-1, Base::Narrative, j + 1),
            Some(Kw::Later) => (1, Base::Narrative, j + 1),
            Some(Kw::Hence) => (1, Base::Publication, j + 1),
            Some(Kw::From) if self.is(j + 2, Kw::Now) => (1, Base::Publication, j + 2),
            _ => return None,
        };
        Some(Found::new(
            i,
            end,
            Spec::Ago {
                unit,
                n: sign.saturating_mul(amount),
                base,
            },
        ))
    }

    /// Durations: "three days", "the past two years", "two-year", "a decade".
    fn amount_expression(&self, i: usize) -> Option<Found> {
        let the = usize::from(matches!(
            self.kw(i),
            Some(Kw::The | Kw::Its | Kw::Another | Kw::These | Kw::Those)
        ));
        let mut k = i + the;
        // "the past two years", "the next few days", "the first nine months"
        let mut lead = false;
        if matches!(
            self.kw(k),
            Some(
                Kw::Past
                    | Kw::Last
                    | Kw::Next
                    | Kw::Coming
                    | Kw::Previous
                    | Kw::Following
                    | Kw::Recent
                    | Kw::Whole
                    | Kw::Full
                    | Kw::Entire
            )
        ) || (the == 1 && matches!(self.lex(k), Lex::Ordinal(1) | Lex::Kw(Kw::Latest)))
        {
            k += 1;
            lead = true;
        }
        // "day-long", "decades-long": a length, one unit or an unspecified number of them.
        if !lead && self.compound_hyphen(k + 1) && self.is(k + 2, Kw::Long) {
            let (unit, amount) = match self.lex(k) {
                Lex::Unit(u) => (u, Some(1)),
                Lex::Units(u) => (u, None),
                _ => return None,
            };
            return Some(Found::new(
                k,
                k + 2,
                Spec::Duration(duration(amount, false, unit)),
            ));
        }
        // Bare plurals after a preposition: "for years", "within weeks", "in the weeks before".
        if !lead {
            if let Lex::Units(unit) = self.lex(k) {
                let prep = i.checked_sub(1).map(|p| self.lex(p));
                let prep_ok = matches!(
                    prep,
                    Some(Lex::Kw(
                        Kw::For | Kw::In | Kw::Within | Kw::Over | Kw::After | Kw::During
                    ))
                );
                if prep_ok && !self.is(k + 1, Kw::Of) {
                    return Some(Found::new(
                        k,
                        k,
                        Spec::Duration(duration(None, false, unit)),
                    ));
                }
                if the == 0 {
                    return None;
                }
            }
        }
        let (amount, last) = match self.amount(k) {
            // "the 1988 quarter" names a year; "two thousand years" counts them.
            Some((Some(a), _)) if a > 999 && self.digits(k) == 4 => return None,
            Some(a) => a,
            None if lead || the == 1 => {
                // "the past few weeks" / "recent years": unspecified amounts.
                (None, k - 1)
            }
            None => return None,
        };
        let mut j = last + 1;
        // "two and a half years", "a year and a half"
        let mut half = false;
        if self.is(j, Kw::And) && self.is(j + 1, Kw::A) && self.is(j + 2, Kw::Half) {
            half = true;
            j += 3;
        } else if self.num(j) == Some(1)
            && self.punct(j + 1, '/')
            && self.num(j + 2) == Some(2)
            && self.glued(j)
            && self.glued(j + 1)
        {
            // "2 1/2 years"
            half = true;
            j += 3;
        }
        // adjectival: "two-year", "99-year", "five-year-old"
        let hyphenated = self.compound_hyphen(j);
        if hyphenated {
            j += 1;
        }
        while matches!(
            self.kw(j),
            Some(Kw::More | Kw::Additional | Kw::Trading | Kw::Business | Kw::Full)
        ) {
            j += 1;
        }
        let (unit, plural) = match self.lex(j) {
            Lex::Unit(u) => (u, false),
            Lex::Units(u) => (u, true),
            Lex::Ordinal(2) if amount.is_some() => (Unit::Second, false),
            _ => return None,
        };
        // "a several-year tenure" is a length; "the past year" is not.
        if amount.is_none() && !plural && !(hyphenated && self.is(k, Kw::Several)) {
            return None;
        }
        // "three-quarters of its food", "more than a quarter of the market": shares, not times.
        if unit == Unit::Quarter
            && ((amount == Some(1) && self.is(j + 1, Kw::Of)) || (plural && hyphenated))
        {
            return None;
        }
        // "the first two quarters of 1990" is its first half.
        if unit == Unit::Quarter && amount == Some(2) && lead && self.is(j + 1, Kw::Of) {
            let half = match self.lex(k - 1) {
                Lex::Ordinal(1) => Some(1),
                Lex::Kw(Kw::Last) => Some(2),
                _ => None,
            };
            if let (Some(h), Some((y, ylast))) = (half, self.year(j + 2)) {
                let value = quarter_or_half(true, Some(y), h);
                return Some(Found::new(i, ylast, Spec::Calendar(value, Lean::Tense)));
            }
        }
        // A bare "a year" / "the year" is too vague to be a duration; "the year" is left out
        // and "a year" counts only in "a year ago"-like or measure contexts handled elsewhere.
        if the == 1 && !lead && amount.is_none() {
            return None;
        }
        if the == 1 && !lead && amount == Some(1) && !self.is(k, Kw::A) {
            return None;
        }
        let mut last = j;
        if !half && self.is(j + 1, Kw::And) && self.is(j + 2, Kw::A) && self.is(j + 3, Kw::Half) {
            half = true;
            last = j + 3;
        }
        // Ages ("a 6-year-old boy", "52 years old") are not times.
        if self.is(j + 1, Kw::Old) || (self.compound_hyphen(j + 1) && self.is(j + 2, Kw::Old)) {
            return None;
        }
        // "a year" alone is a time only where a preposition or hedge asks for a length.
        if self.is(k, Kw::A) && amount == Some(1) && the == 0 && !lead && !half {
            let prev = i.checked_sub(1).map(|p| self.lex(p));
            let hedged = matches!(
                prev,
                Some(Lex::Kw(
                    Kw::For
                        | Kw::Within
                        | Kw::In
                        | Kw::Than
                        | Kw::Around
                        | Kw::About
                        | Kw::Nearly
                        | Kw::Almost
                        | Kw::After
                        | Kw::Least
                        | Kw::Over
                        | Kw::Under
                        | Kw::Measure
                ))
            );
            // "a month after the strike", "a month or two": the length between or around.
            let measured = matches!(self.kw(last + 1), Some(Kw::After | Kw::Before))
                || (self.is(last + 1, Kw::Or) && self.cardinal(last + 2).is_some());
            if !hedged && !measured {
                return None;
            }
        }
        if self.is(last + 1, Kw::Period) || self.is(last + 1, Kw::Term) {
            last += 1;
        }
        let a = if self.is(k, Kw::A) && amount == Some(1) && half {
            Some(1)
        } else {
            amount
        };
        // "the two-week visit": the article belongs to the noun phrase, not the expression.
        let first = if hyphenated && the == 1 && !lead {
            i + 1
        } else {
            i
        };
        let mut f = Found::new(first, last, Spec::Duration(duration(a, half, unit)));
        // "the nine months", "the first six months", "the latest nine months": results for the
        // year so far (not "the past nine months", a span back from now).
        let so_far = !lead || matches!(self.lex(k - 1), Lex::Ordinal(1) | Lex::Kw(Kw::Latest));
        if self.is(i, Kw::The)
            && so_far
            && unit == Unit::Month
            && matches!(amount, Some(6 | 9))
            && !hyphenated
        {
            f.report = ReportCue::YearToDate;
        }
        // "the past year" (no number) is the previous year as a date, as TimeBank has it.
        if lead && amount.is_none() && !plural {
            return None;
        }
        if the == 0 && !lead && amount.is_none() && plural {
            // Bare plurals ("for years") need a preposition before them.
            let prev = i.checked_sub(1).map(|p| self.lex(p));
            if !matches!(
                prev,
                Some(Lex::Kw(
                    Kw::For | Kw::In | Kw::Within | Kw::Over | Kw::After | Kw::Several
                ))
            ) && !matches!(self.kw(i), Some(Kw::Several | Kw::Few | Kw::Many | Kw::A))
            {
                return None;
            }
        }
        // "recent years", "the past several quarters", "coming months": vague references to the
        // past or future rather than lengths (TimeBank's PAST_REF / FUTURE_REF).
        if amount.is_none() && plural {
            let lead_kw = if lead { self.kw(k - 1) } else { None };
            match lead_kw {
                Some(Kw::Recent | Kw::Past | Kw::Last) => f.spec = Spec::Ref(Reference::Past),
                Some(Kw::Coming) => f.spec = Spec::Ref(Reference::Future),
                _ => {}
            }
        }
        Some(f)
    }

    /// Recurrences: "every day", "each Thursday", "daily", "twice a year", "on Mondays".
    fn recurrence(&self, i: usize) -> Option<Found> {
        let t = self.tk(i)?;
        let every = |u: DurationUnit, n: u32| {
            Spec::Every(Duration {
                amount: Some(n),
                and_a_half: false,
                unit: u,
            })
        };
        match t.lex {
            Lex::Kw(Kw::Daily) => return Some(Found::new(i, i, every(DurationUnit::Day, 1))),
            Lex::Kw(Kw::Weekly) => return Some(Found::new(i, i, every(DurationUnit::Week, 1))),
            Lex::Kw(Kw::Monthly) => return Some(Found::new(i, i, every(DurationUnit::Month, 1))),
            Lex::Kw(Kw::Yearly | Kw::Annually) => {
                return Some(Found::new(i, i, every(DurationUnit::Year, 1)))
            }
            Lex::Kw(Kw::Hourly) => return Some(Found::new(i, i, every(DurationUnit::Hour, 1))),
            Lex::Weekdays(w) if t.cap => {
                let mut f = Found::new(i, i, Spec::EveryDate(DateValue::Weekday(w)));
                if let Lex::Part(p) = self.lex(i + 1) {
                    f.last = i + 1;
                    f.time = Some(TimeOfDay::Part(p));
                }
                return Some(f);
            }
            // "Tuesday nights": the plural part makes the day a recurrence, and the first day
            // of "Monday and Tuesday nights" one too.
            Lex::Weekday(w) if self.weekday(i).is_some() => {
                let (last, part) = if self.plural_part(i + 1) {
                    (i + 1, i + 1)
                } else if self.shares_plural_part(i) {
                    (i, i + 3)
                } else {
                    return None;
                };
                let Lex::Part(p) = self.lex(part) else {
                    return None;
                };
                let mut f = Found::new(i, last, Spec::EveryDate(DateValue::Weekday(w)));
                f.time = Some(TimeOfDay::Part(p));
                return Some(f);
            }
            _ => {}
        }
        if matches!(t.lex, Lex::Kw(Kw::Every | Kw::Each)) {
            let mut j = i + 1;
            // "every other week"
            let mut n = 1;
            if let Some((a, last)) = self.cardinal(j) {
                n = a;
                j = last + 1;
            }
            return match self.lex(j) {
                Lex::Unit(u) | Lex::Units(u) => {
                    let d = duration(Some(n), false, u);
                    Some(Found::new(i, j, Spec::Every(d)))
                }
                Lex::Weekday(w) => {
                    let mut f = Found::new(i, j, Spec::EveryDate(DateValue::Weekday(w)));
                    if let Lex::Part(p) = self.lex(j + 1) {
                        f.last = j + 1;
                        f.time = Some(TimeOfDay::Part(p));
                    }
                    Some(f)
                }
                Lex::Month(m) if self.tk(j)?.cap => Some(Found::new(
                    i,
                    j,
                    Spec::EveryDate(DateValue::Month {
                        year: None,
                        month: Some(m),
                    }),
                )),
                Lex::Season(s) => Some(Found::new(
                    i,
                    j,
                    Spec::EveryDate(DateValue::Season {
                        year: None,
                        season: s,
                    }),
                )),
                Lex::Part(_) => Some(Found::new(i, j, every(DurationUnit::Day, 1))),
                _ => None,
            };
        }
        // "a year" / "per year" after "once", "twice", "N times".
        if matches!(t.lex, Lex::Kw(Kw::A | Kw::Per)) {
            if let Lex::Unit(u) = self.lex(i + 1) {
                let prev = i.checked_sub(1).map(|p| self.lex(p));
                if matches!(prev, Some(Lex::Kw(Kw::Once | Kw::Twice | Kw::Times))) {
                    return Some(Found::new(
                        i,
                        i + 1,
                        Spec::Every(duration(Some(1), false, u)),
                    ));
                }
            }
        }
        None
    }

    /// "now", "currently", "recently", "the future", "the past".
    fn reference(&self, i: usize) -> Option<Found> {
        let the = usize::from(self.is(i, Kw::The));
        let k = i + the;
        let r = match (the, self.kw(k)?) {
            (0, Kw::Now) => {
                // "right now": "right" is not in the lexicon; the span is "now".
                Reference::Present
            }
            (0, Kw::Currently | Kw::Nowadays) => Reference::Present,
            (0, Kw::Recently | Kw::Lately) => Reference::Past,
            (1, Kw::Future) => Reference::Future,
            (1, Kw::Present) => Reference::Present,
            // "in the past"; "the past two years" and "the past week" are longer matches, and
            // "the past two seasons", "the past season" count or qualify something else.
            (1, Kw::Past)
                if !self.noun_follows(k + 1)
                    && self.amount(k + 1).is_none()
                    && !matches!(self.lex(k + 1), Lex::Ordinal(_)) =>
            {
                Reference::Past
            }
            // "the near future", "the near term", "the short term"
            (1, Kw::Near)
                if matches!(self.kw(k + 1), Some(Kw::Future | Kw::Term))
                    && !self.noun_follows(k + 2) =>
            {
                return Some(Found::new(i, k + 1, Spec::Ref(Reference::Future)));
            }
            // "current market conditions", "his current position" (TimeBank's PRESENT_REF);
            // "the current year" is a longer match, and a "current account" is a balance.
            (0, Kw::Current) if self.current_attributive(k) => {
                if k > 0 && self.is(k - 1, Kw::Then) {
                    // "the then current price"
                    return Some(Found::new(k - 1, k, Spec::Ref(Reference::Past)));
                }
                Reference::Present
            }
            (0, Kw::These) if self.is(k + 1, Kw::Days) => {
                return Some(Found::new(i, k + 1, Spec::Ref(Reference::Present)))
            }
            _ => return None,
        };
        // "the near future"
        Some(Found::new(i, k, Spec::Ref(r)))
    }

    /// "current" before the noun it qualifies, not the noun "current" nor a "current account".
    fn current_attributive(&self, k: usize) -> bool {
        let Some(next) = self.tk(k + 1) else {
            return false;
        };
        next.kind == TokenKind::Word
            && !next.cap
            && !next.past_form
            && !matches!(next.lex, Lex::Kw(Kw::Account))
    }

    /// Clock times: "10 a.m.", "10:30 p.m. EST", "noon", "midnight", with an optional day after.
    fn clock(&self, i: usize) -> Option<Found> {
        let t = self.tk(i)?;
        let (time, mut last) = match (t.kind, t.lex, t.alnum) {
            (_, Lex::Kw(Kw::Noon), _) => (
                TimeOfDay::Clock {
                    hour: 12,
                    minute: 0,
                    second: None,
                },
                i,
            ),
            (_, Lex::Kw(Kw::Midnight), _) => (
                TimeOfDay::Clock {
                    hour: 24,
                    minute: 0,
                    second: None,
                },
                i,
            ),
            (_, _, Alnum::Clock { hour, pm }) => (
                TimeOfDay::Clock {
                    hour: to_24(hour, pm),
                    minute: 0,
                    second: None,
                },
                i,
            ),
            (TokenKind::Number, _, _) => {
                let h = t.num?;
                let (mut minute, mut last) = (0u32, i);
                // 10:30 — also a Number token "10.30"? Only with a colon.
                if self.punct(i + 1, ':') && self.glued(i) && self.glued(i + 1) {
                    minute = self.num(i + 2).filter(|_| self.digits(i + 2) == 2)?;
                    last = i + 2;
                }
                if h > 24 || minute > 59 || t.digits > 2 {
                    return None;
                }
                let ampm = match self.kw(last + 1) {
                    Some(Kw::Am) => Some(false),
                    Some(Kw::Pm) => Some(true),
                    _ => None,
                };
                match ampm {
                    Some(pm) if (1..=12).contains(&h) => {
                        last += 1;
                        (
                            TimeOfDay::Clock {
                                hour: to_24(h as u8, pm),
                                minute: minute as u8,
                                second: None,
                            },
                            last,
                        )
                    }
                    // "4 in the morning", "8:30 in the evening"
                    None if (1..=12).contains(&h)
                        && self.is(last + 1, Kw::In)
                        && self.is(last + 2, Kw::The)
                        && matches!(
                            self.lex(last + 3),
                            Lex::Part(
                                PartOfDay::Morning | PartOfDay::Afternoon | PartOfDay::Evening
                            )
                        )
                        && !self.noun_follows(last + 4) =>
                    {
                        let pm = !matches!(self.lex(last + 3), Lex::Part(PartOfDay::Morning));
                        (
                            TimeOfDay::Clock {
                                hour: to_24(h as u8, pm),
                                minute: minute as u8,
                                second: None,
                            },
                            last + 3,
                        )
                    }
                    None if last > i => (
                        TimeOfDay::Clock {
                            hour: h as u8,
                            minute: minute as u8,
                            second: None,
                        },
                        last,
                    ),
                    None if self.is(i + 1, Kw::Oclock) => (
                        TimeOfDay::Clock {
                            hour: h as u8,
                            minute: 0,
                            second: None,
                        },
                        i + 1,
                    ),
                    _ => return None,
                }
            }
            _ => return None,
        };
        if self.is(last + 1, Kw::Zone) {
            last += 1;
        }
        // A day right after: "10 p.m. Wednesday", "noon Thursday", "9 p.m. EST, Nov. 9",
        // "10 a.m. on Tuesday".
        let mut j = last + 1;
        if self.punct(j, ',') || self.is(j, Kw::On) {
            j += 1;
        }
        if let Some(mut day) = self.calendar(j).or_else(|| self.relative(j)) {
            if spec_is_day(&day.spec) && day.time.is_none() {
                day.first = i;
                day.time = Some(time);
                return Some(day);
            }
        }
        let mut f = Found::new(i, last, Spec::Clock);
        f.time = Some(time);
        Some(f)
    }

    /// The first day of a range "9-12 September" / "9 to 12 September", as its own expression.
    fn range_start(&self, found: &Found) -> Option<Found> {
        let Spec::Calendar(DateValue::Day { year, month, .. }, lean) = found.spec else {
            return None;
        };
        let first = found.first;
        let sep = first.checked_sub(1)?;
        if !self.range_sep(sep) {
            return None;
        }
        let start = sep.checked_sub(1)?;
        let (d, last) = self.day_number(start)?;
        if last != start || self.tk(start)?.kind != TokenKind::Number {
            return None;
        }
        let v = DateValue::Day {
            year,
            month,
            day: d,
        };
        if d > days_in_month_any_year(month) {
            return None;
        }
        Some(Found::new(start, start, Spec::Calendar(v, lean)))
    }

    /// Whether the token at `i` joins the two days of a range: "9-12", "9 to 12", "9 and 12".
    fn range_sep(&self, i: usize) -> bool {
        self.hyphen(i) || matches!(self.kw(i), Some(Kw::To | Kw::And | Kw::Through))
    }

    /// "Oct. 12, the day before the crash": the phrase describes the date just named, so it is
    /// that day, not one before it ("Oct. 12, the day before," without an event still is).
    fn apposition(&self, out: &[Found], found: &mut Found) {
        let Spec::Shift {
            unit: Unit::Day,
            n: -1 | 1,
            base: Base::Narrative,
        } = found.spec
        else {
            return;
        };
        let named_day = out.last().is_some_and(|prev| {
            spec_is_day(&prev.spec)
                && prev.last + 2 == found.first
                && self.punct(prev.last + 1, ',')
        });
        let event_follows = self
            .tk(found.last + 1)
            .is_some_and(|t| t.kind == TokenKind::Word && found.last + 1 < self.hi);
        if named_day && event_follows {
            found.spec = Spec::Shift {
                unit: Unit::Day,
                n: 0,
                base: Base::Narrative,
            };
        }
    }

    /// The last day of a range written month first ("April 24 and 25", "Sept. 9-12"), as its
    /// own expression. The number must end the phrase: "April 24 and 25 people" is a count. A
    /// year after the last day is the first day's too.
    fn range_end(&self, found: &mut Found) -> Option<Found> {
        let Spec::Calendar(DateValue::Day { month, day, year }, lean) = found.spec else {
            return None;
        };
        if !matches!(self.lex(found.first), Lex::Month(_)) {
            return None;
        }
        let at = found.last + 2;
        let tk = self.tk(at)?;
        if !self.range_sep(found.last + 1) || tk.kind != TokenKind::Number || tk.digits > 2 {
            return None;
        }
        let d = u8::try_from(tk.num?).ok()?;
        if d <= day || d > days_in_month_any_year(month) {
            return None;
        }
        // Punctuation ends it, but not a decimal point, a percent sign or another number's hyphen.
        let ends_phrase = match self.tk(at + 1) {
            Some(n) if at + 1 < self.hi => {
                n.kind == TokenKind::Punct
                    && (n.first != '.' || at + 2 >= self.hi)
                    && !matches!(n.first, '%' | '-' | '/' | ':')
            }
            _ => true,
        };
        if !ends_phrase {
            return None;
        }
        // "August 6 and 9, 1945": the year is both days'.
        if year.is_none() && self.punct(at + 1, ',') {
            if let Some((y, ylast)) = self.year(at + 2) {
                let v = DateValue::Day {
                    year: Some(y),
                    month,
                    day: d,
                };
                let first = DateValue::Day {
                    year: Some(y),
                    month,
                    day,
                };
                v.interval()?;
                first.interval()?;
                found.spec = Spec::Calendar(first, Lean::Tense);
                return Some(Found::new(at, ylast, Spec::Calendar(v, Lean::Tense)));
            }
        }
        let v = DateValue::Day {
            year,
            month,
            day: d,
        };
        Some(Found::new(at, at, Spec::Calendar(v, lean)))
    }
}

/// A lower-case word that is neither a function word nor a past form: a noun, or a verb in the
/// base form ("vote", "plan" and the other words of intent count too).
pub(crate) fn plain_word(t: &Tk) -> bool {
    t.kind == TokenKind::Word
        && !t.cap
        && !t.past_form
        && matches!(t.lex, Lex::Other | Lex::Kw(Kw::Intent | Kw::Plan))
}

fn to_24(hour: u8, pm: bool) -> u8 {
    match (hour, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    }
}

fn quarter_or_half(is_half: bool, year: Option<i32>, n: u8) -> DateValue {
    if is_half {
        DateValue::Half { year, half: n }
    } else {
        DateValue::Quarter { year, quarter: n }
    }
}

fn days_in_month_any_year(m: u8) -> u8 {
    match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    }
}

fn spec_is_day(spec: &Spec) -> bool {
    match spec {
        Spec::Calendar(v, _) => matches!(v, DateValue::Day { .. }),
        Spec::Weekday(..) | Spec::StoryWeekday(..) | Spec::Holiday(..) => true,
        Spec::DayOnWeekday(..) | Spec::WeekdayDay(..) => true,
        Spec::Shift { unit, .. } | Spec::Ago { unit, .. } => *unit == Unit::Day,
        Spec::InYear { value, .. } => matches!(value, DateValue::Day { .. }),
        _ => false,
    }
}

/// Whether a premodifier can apply to a core expression.
fn pre_fits(m: Modifier, spec: &Spec) -> bool {
    match m {
        Modifier::Start | Modifier::Mid | Modifier::End => !matches!(
            spec,
            Spec::Duration(_) | Spec::Every(_) | Spec::EveryDate(_) | Spec::Ref(_) | Spec::Clock
        ),
        Modifier::Approx => !matches!(spec, Spec::Ref(_) | Spec::Every(_) | Spec::EveryDate(_)),
        _ => matches!(
            spec,
            Spec::Duration(_) | Spec::Shift { .. } | Spec::Ago { .. }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentences of the data-driven cases without their markup, and sentences where the
    /// words `may_start` skips stand right before temporal words.
    fn sentences() -> Vec<String> {
        let cases = include_str!("../../tests/data/timex_cases.txt");
        let mut out: Vec<String> = cases
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once(" | ").map(|(_, text)| text))
            .map(|text| {
                let mut plain = String::new();
                let mut in_mark = false;
                let mut skipping = false;
                for c in text.chars() {
                    match c {
                        '[' => in_mark = true,
                        '|' if in_mark => skipping = true,
                        ']' if in_mark => (in_mark, skipping) = (false, false),
                        _ if !skipping => plain.push(c),
                        _ => {}
                    }
                }
                plain
            })
            .collect();
        out.extend(
            [
                "Prices rose from March to May and in 1990, by 2001, for years, than a year ago.",
                "It will be held on Friday, after noon, before dawn, as of Monday, over the weekend.",
                "He said that was the year; it is the day after, and of the next two weeks.",
                "Had they met in the spring, or would they wait for three days until the 16th?",
            ]
            .map(String::from),
        );
        out
    }

    #[test]
    fn no_expression_starts_at_a_token_the_scan_skips() {
        for text in sentences() {
            let seg = crate::text::segment(&text);
            let toks = prepare(&text, &seg);
            let mut grammar = Grammar::new(&toks);
            for sentence in &seg.sentences {
                (grammar.lo, grammar.hi) = (sentence.tokens.start, sentence.tokens.end);
                for i in grammar.lo..grammar.hi {
                    if !grammar.may_start(i) {
                        let found = grammar.parse_at(i);
                        assert!(found.is_none(), "{text:?}: an expression starts at {i}");
                    }
                }
            }
        }
    }
}
