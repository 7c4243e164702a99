//! Calendar values: the normalized value of a temporal expression.
//!
//! A leaf of the crate (it uses no other module): [`text`](crate::text) gives a dateline's date
//! in it and [`time`](crate::time) its expressions' values; its types are public under
//! [`dateline::time`](crate::time).
//!
//! A [`DateValue`] is a calendar unit (a day, a month, a quarter, a decade, …) whose fields may be
//! partly unknown (`XXXX-03-16`, "a Thursday"). Once its fields are known it denotes an
//! [`Interval`] of days; reconciliation compares values through those intervals and through
//! [`DateValue::intersect`], which also narrows partial values (`XXXX-03-16` ∩ `2023` is
//! `2023-03-16`).
//!
//! Values render as TIMEX3 `value` attributes ([`TimexValue::timex`]) and, where the format can say
//! them, as EDTF ([`TimexValue::edtf`]).

use std::fmt;

use chrono::{Datelike, Duration as Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// How fine a calendar value is, from centuries down to seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// A hundred years.
    Century,
    /// Ten years.
    Decade,
    /// A calendar year.
    Year,
    /// Half a year (January–June, July–December).
    Half,
    /// Three months.
    Quarter,
    /// A meteorological season.
    Season,
    /// A calendar month.
    Month,
    /// An ISO week, Monday to Sunday.
    Week,
    /// A day.
    Day,
    /// Part of a day (morning, evening, …).
    PartOfDay,
    /// An hour.
    Hour,
    /// A minute.
    Minute,
    /// A second.
    Second,
}

impl Granularity {
    /// The lower-case name used in JSON and by the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Century => "century",
            Granularity::Decade => "decade",
            Granularity::Year => "year",
            Granularity::Half => "half",
            Granularity::Quarter => "quarter",
            Granularity::Season => "season",
            Granularity::Month => "month",
            Granularity::Week => "week",
            Granularity::Day => "day",
            Granularity::PartOfDay => "part_of_day",
            Granularity::Hour => "hour",
            Granularity::Minute => "minute",
            Granularity::Second => "second",
        }
    }
}

/// A TIMEX3 `mod`: where in the value, or how far from it, the expression points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Modifier {
    /// "early May", "the start of 2020".
    Start,
    /// "mid-May".
    Mid,
    /// "late May", "the end of 2020".
    End,
    /// "about three years", "around noon".
    Approx,
    /// "before 2020".
    Before,
    /// "after 2020".
    After,
    /// "by 2020", "no later than".
    OnOrBefore,
    /// "since 2020", "2020 or later".
    OnOrAfter,
    /// "less than three years".
    LessThan,
    /// "more than three years".
    MoreThan,
    /// "nearly three years", "up to three years".
    EqualOrLess,
    /// "at least three years".
    EqualOrMore,
}

impl Modifier {
    /// The TIMEX3 spelling (`START`, `EQUAL_OR_LESS`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Modifier::Start => "START",
            Modifier::Mid => "MID",
            Modifier::End => "END",
            Modifier::Approx => "APPROX",
            Modifier::Before => "BEFORE",
            Modifier::After => "AFTER",
            Modifier::OnOrBefore => "ON_OR_BEFORE",
            Modifier::OnOrAfter => "ON_OR_AFTER",
            Modifier::LessThan => "LESS_THAN",
            Modifier::MoreThan => "MORE_THAN",
            Modifier::EqualOrLess => "EQUAL_OR_LESS",
            Modifier::EqualOrMore => "EQUAL_OR_MORE",
        }
    }
}

/// A meteorological season of the northern hemisphere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Season {
    /// March to May.
    Spring,
    /// June to August.
    Summer,
    /// September to November.
    Fall,
    /// December to the next February.
    Winter,
}

impl Season {
    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
}

/// A named part of a day, as TIMEX3 writes it (`TMO`, `TAF`, `TEV`, `TNI`, `TDT`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PartOfDay {
    /// Morning.
    Morning,
    /// Midday ("midday", not the clock time "noon").
    Midday,
    /// Afternoon.
    Afternoon,
    /// Evening.
    Evening,
    /// Night.
    Night,
    /// Daytime.
    Daytime,
}

impl PartOfDay {
    fn code(self) -> &'static str {
        match self {
            PartOfDay::Morning => "MO",
            PartOfDay::Midday => "MI",
            PartOfDay::Afternoon => "AF",
            PartOfDay::Evening => "EV",
            PartOfDay::Night => "NI",
            PartOfDay::Daytime => "DT",
        }
    }
}

/// The time within a day: a clock reading or a named part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum TimeOfDay {
    /// `hour:minute`, with seconds where given.
    Clock {
        /// 0–23.
        hour: u8,
        /// 0–59.
        minute: u8,
        /// 0–59, where given.
        second: Option<u8>,
    },
    /// A part of the day.
    Part(PartOfDay),
}

/// A year that may not be known yet (`XXXX`).
pub type Year = Option<i32>;

/// A calendar value: a unit of the calendar whose fields may be partly unknown.
///
/// # Examples
///
/// ```
/// use dateline::time::DateValue;
///
/// let march_16 = DateValue::Day { year: None, month: 3, day: 16 };
/// assert_eq!(march_16.to_string(), "XXXX-03-16");
/// let y2023 = DateValue::Year(2023);
/// let narrowed = march_16.intersect(&y2023).unwrap();
/// assert_eq!(narrowed.to_string(), "2023-03-16");
/// assert!(y2023.interval().unwrap().contains(&narrowed.interval().unwrap()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DateValue {
    /// A century by its leading digits: `19` is 1900–1999.
    Century(i32),
    /// A decade by its leading digits: `198` is 1980–1989.
    Decade(i32),
    /// A year.
    Year(i32),
    /// Half 1 or 2 of a year.
    Half {
        /// The year, when known.
        year: Year,
        /// 1 or 2.
        half: u8,
    },
    /// Quarter 1–4 of a year.
    Quarter {
        /// The year, when known.
        year: Year,
        /// 1–4.
        quarter: u8,
    },
    /// A season of a year (winter belongs to the year of its December).
    Season {
        /// The year, when known.
        year: Year,
        /// The season.
        season: Season,
    },
    /// A month of a year; the month may be unknown (`1989-XX`).
    Month {
        /// The year, when known.
        year: Year,
        /// 1–12, when known.
        month: Option<u8>,
    },
    /// An ISO week of a year; the week may be unknown (`1989-WXX`).
    Week {
        /// The ISO week-numbering year, when known.
        year: Year,
        /// 1–53, when known.
        week: Option<u8>,
    },
    /// The weekend (Saturday and Sunday) of an ISO week.
    Weekend {
        /// The ISO week-numbering year, when known.
        year: Year,
        /// 1–53, when known.
        week: Option<u8>,
    },
    /// A calendar day whose year may be unknown (`XXXX-03-16`).
    Day {
        /// The year, when known.
        year: Year,
        /// 1–12.
        month: u8,
        /// 1–31.
        day: u8,
    },
    /// Some day that is the given weekday (`XXXX-WXX-4` is "a Thursday").
    Weekday(Weekday),
    /// A value of this granularity that nothing fixes yet ("yesterday" with no publication
    /// date): `XXXX-XX-XX`.
    Unknown(Granularity),
}

/// An inclusive range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Interval {
    /// First day, inclusive.
    pub start: NaiveDate,
    /// Last day, inclusive.
    pub end: NaiveDate,
}

impl Interval {
    /// The interval from `start` to `end`, or `None` when `end` is before `start`.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Option<Self> {
        (start <= end).then_some(Interval { start, end })
    }

    /// One day.
    pub fn day(date: NaiveDate) -> Self {
        Interval {
            start: date,
            end: date,
        }
    }

    /// Whether every day of `other` is in `self`.
    pub fn contains(&self, other: &Interval) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two share at least one day.
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// The days both share.
    pub fn intersection(&self, other: &Interval) -> Option<Interval> {
        Interval::new(self.start.max(other.start), self.end.min(other.end))
    }

    /// Number of days, at least one.
    pub fn len_days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

fn month_interval(year: i32, month: u32) -> Option<Interval> {
    let start = ymd(year, month, 1)?;
    let next = if month == 12 {
        ymd(year.checked_add(1)?, 1, 1)?
    } else {
        ymd(year, month + 1, 1)?
    };
    Interval::new(start, next.pred_opt()?)
}

fn months_interval(year: i32, first: u32, count: u32) -> Option<Interval> {
    let start = month_interval(year, first)?.start;
    let last_month0 = first - 1 + count - 1;
    let end_year = year.checked_add((last_month0 / 12) as i32)?;
    let end = month_interval(end_year, last_month0 % 12 + 1)?.end;
    Interval::new(start, end)
}

fn years_interval(first: i32, count: i32) -> Option<Interval> {
    Interval::new(
        ymd(first, 1, 1)?,
        ymd(first.checked_add(count - 1)?, 12, 31)?,
    )
}

fn iso_week_interval(year: i32, week: u32) -> Option<Interval> {
    let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
    Interval::new(monday, monday.checked_add_signed(Days::days(6))?)
}

impl DateValue {
    /// The day at `date`.
    pub fn from_date(date: NaiveDate) -> Self {
        DateValue::Day {
            year: Some(date.year()),
            month: date.month() as u8,
            day: date.day() as u8,
        }
    }

    /// How fine the value is.
    pub fn granularity(&self) -> Granularity {
        match self {
            DateValue::Century(_) => Granularity::Century,
            DateValue::Decade(_) => Granularity::Decade,
            DateValue::Year(_) => Granularity::Year,
            DateValue::Half { .. } => Granularity::Half,
            DateValue::Quarter { .. } => Granularity::Quarter,
            DateValue::Season { .. } => Granularity::Season,
            DateValue::Month { .. } => Granularity::Month,
            DateValue::Week { .. } | DateValue::Weekend { .. } => Granularity::Week,
            DateValue::Day { .. } | DateValue::Weekday(_) => Granularity::Day,
            DateValue::Unknown(g) => *g,
        }
    }

    /// The year, where the value names one.
    pub fn year(&self) -> Year {
        match *self {
            DateValue::Century(_)
            | DateValue::Decade(_)
            | DateValue::Weekday(_)
            | DateValue::Unknown(_) => None,
            DateValue::Year(y) => Some(y),
            DateValue::Half { year, .. }
            | DateValue::Quarter { year, .. }
            | DateValue::Season { year, .. }
            | DateValue::Month { year, .. }
            | DateValue::Week { year, .. }
            | DateValue::Weekend { year, .. }
            | DateValue::Day { year, .. } => year,
        }
    }

    /// The same value with the year set (for the units that have one).
    #[must_use]
    pub fn with_year(self, y: i32) -> Self {
        match self {
            DateValue::Half { half, .. } => DateValue::Half {
                year: Some(y),
                half,
            },
            DateValue::Quarter { quarter, .. } => DateValue::Quarter {
                year: Some(y),
                quarter,
            },
            DateValue::Season { season, .. } => DateValue::Season {
                year: Some(y),
                season,
            },
            DateValue::Month { month, .. } => DateValue::Month {
                year: Some(y),
                month,
            },
            DateValue::Week { week, .. } => DateValue::Week {
                year: Some(y),
                week,
            },
            DateValue::Weekend { week, .. } => DateValue::Weekend {
                year: Some(y),
                week,
            },
            DateValue::Day { month, day, .. } => DateValue::Day {
                year: Some(y),
                month,
                day,
            },
            other => other,
        }
    }

    /// Whether every field is known, so that the value denotes one interval.
    pub fn is_complete(&self) -> bool {
        self.interval().is_some()
    }

    /// The days the value denotes, when all its fields are known and it is a real date.
    pub fn interval(&self) -> Option<Interval> {
        match *self {
            DateValue::Century(c) => years_interval(c.checked_mul(100)?, 100),
            DateValue::Decade(d) => years_interval(d.checked_mul(10)?, 10),
            DateValue::Year(y) => years_interval(y, 1),
            DateValue::Half { year, half } => {
                (1..=2).contains(&half).then_some(())?;
                months_interval(year?, u32::from(half - 1) * 6 + 1, 6)
            }
            DateValue::Quarter { year, quarter } => {
                (1..=4).contains(&quarter).then_some(())?;
                months_interval(year?, u32::from(quarter - 1) * 3 + 1, 3)
            }
            DateValue::Season { year, season } => {
                let first = match season {
                    Season::Spring => 3,
                    Season::Summer => 6,
                    Season::Fall => 9,
                    Season::Winter => 12,
                };
                months_interval(year?, first, 3)
            }
            DateValue::Month { year, month } => month_interval(year?, u32::from(month?)),
            DateValue::Week { year, week } => iso_week_interval(year?, u32::from(week?)),
            DateValue::Weekend { year, week } => {
                let week = iso_week_interval(year?, u32::from(week?))?;
                Interval::new(week.end.pred_opt()?, week.end)
            }
            DateValue::Day { year, month, day } => {
                Some(Interval::day(ymd(year?, u32::from(month), u32::from(day))?))
            }
            DateValue::Weekday(_) | DateValue::Unknown(_) => None,
        }
    }

    /// Whether `date` could be a day of this value (unknown fields match anything).
    pub fn admits(&self, date: NaiveDate) -> bool {
        if let Some(iv) = self.interval() {
            return iv.start <= date && date <= iv.end;
        }
        let year_ok = |y: Year| y.is_none_or(|y| y == date.year());
        match *self {
            DateValue::Unknown(_) => true,
            DateValue::Weekday(w) => date.weekday() == w,
            DateValue::Day { year, month, day } => {
                year_ok(year) && u32::from(month) == date.month() && u32::from(day) == date.day()
            }
            DateValue::Month { year, month } => {
                year_ok(year) && month.is_none_or(|m| u32::from(m) == date.month())
            }
            DateValue::Week { year, week } | DateValue::Weekend { year, week } => {
                let iso = date.iso_week();
                let weekend_ok = !matches!(self, DateValue::Weekend { .. })
                    || matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
                weekend_ok
                    && year.is_none_or(|y| y == iso.year())
                    && week.is_none_or(|w| u32::from(w) == iso.week())
            }
            DateValue::Half { half, .. } => (date.month() - 1) / 6 + 1 == u32::from(half),
            DateValue::Quarter { quarter, .. } => (date.month() - 1) / 3 + 1 == u32::from(quarter),
            DateValue::Season { season, .. } => {
                let m = date.month();
                match season {
                    Season::Spring => (3..=5).contains(&m),
                    Season::Summer => (6..=8).contains(&m),
                    Season::Fall => (9..=11).contains(&m),
                    Season::Winter => m == 12 || m <= 2,
                }
            }
            _ => false,
        }
    }

    /// The value both `self` and `other` allow, if they are compatible.
    ///
    /// For complete values this is the finer one when it lies within the coarser one (a week that
    /// straddles a month boundary is not within the month, but overlaps it: the week is kept).
    /// A partial value is narrowed by a complete one: `XXXX-03-16` ∩ `2023` is `2023-03-16`,
    /// and "a Thursday" ∩ `2023-03-16` is `2023-03-16` because that day is a Thursday.
    pub fn intersect(&self, other: &DateValue) -> Option<DateValue> {
        match (self.interval(), other.interval()) {
            (Some(a), Some(b)) => {
                a.overlaps(&b).then_some(())?;
                Some(if self.granularity() >= other.granularity() {
                    *self
                } else {
                    *other
                })
            }
            (Some(_), None) => other.narrow_by(self),
            (None, Some(_)) => self.narrow_by(other),
            (None, None) => match (self, other) {
                (DateValue::Unknown(_), _) => Some(*other),
                (_, DateValue::Unknown(_)) => Some(*self),
                (DateValue::Weekday(a), DateValue::Weekday(b)) => (a == b).then_some(*self),
                (DateValue::Weekday(_), _) => Some(*other),
                (_, DateValue::Weekday(_)) => Some(*self),
                _ if self == other => Some(*self),
                // Two partial values with different unknowns: keep the finer if the known
                // fields agree on some day of a leap year (the most permissive calendar).
                _ => {
                    let (fine, coarse) = if self.granularity() >= other.granularity() {
                        (self, other)
                    } else {
                        (other, self)
                    };
                    let probe = fine.with_year(2000);
                    let iv = probe.interval()?;
                    let coarse = coarse.with_year(2000);
                    let mut d = iv.start;
                    while d <= iv.end {
                        if coarse.admits(d) {
                            return Some(*fine);
                        }
                        d = d.succ_opt()?;
                    }
                    None
                }
            },
        }
    }

    /// Narrows a partial value by a complete one.
    fn narrow_by(&self, complete: &DateValue) -> Option<DateValue> {
        let iv = complete.interval()?;
        match *self {
            DateValue::Unknown(_) => Some(*complete),
            DateValue::Weekday(w) => {
                // A weekday inside one week (or one day) fixes the day; inside a longer span it
                // stays partial, narrowed only by consistency.
                if iv.len_days() <= 7 {
                    let mut d = iv.start;
                    while d <= iv.end {
                        if d.weekday() == w {
                            return Some(DateValue::from_date(d));
                        }
                        d = d.succ_opt()?;
                    }
                    None
                } else {
                    Some(*complete)
                }
            }
            _ => {
                // Try the years the complete interval covers (at most a handful for the units
                // that carry a year; centuries and decades keep the value partial).
                let (y0, y1) = (iv.start.year(), iv.end.year());
                if y1 - y0 > 1 {
                    // Many years fit: the value stays partial if any of them admits it.
                    let fits = (y0..=y1).any(|y| {
                        self.with_year(y)
                            .interval()
                            .is_some_and(|c| c.overlaps(&iv))
                    });
                    return fits.then_some(*self);
                }
                let mut found = None;
                for y in y0..=y1 {
                    let candidate = self.with_year(y);
                    if let Some(c) = candidate.interval() {
                        if c.overlaps(&iv) {
                            if found.is_some() {
                                // Two years fit: the value stays partial.
                                return Some(*self);
                            }
                            found = Some(if candidate.granularity() >= complete.granularity() {
                                candidate
                            } else {
                                *complete
                            });
                        }
                    }
                }
                found
            }
        }
    }

    /// Whether the two values can denote the same time.
    pub fn compatible(&self, other: &DateValue) -> bool {
        self.intersect(other).is_some()
    }
}

fn write_year(f: &mut fmt::Formatter<'_>, year: Year) -> fmt::Result {
    match year {
        Some(y) => write_leading(f, y, 4),
        None => f.write_str("XXXX"),
    }
}

/// Writes the leading digits of a year, decade or century (`width` 4, 3 or 2) as TIMEX3 does
/// for years 0–9999: zero-padded. Before year 0 (astronomical numbering, as ISO 8601: 0 is
/// 1 BC, -1 is 2 BC) the digits of its magnitude follow `BC`, as TimeML writes years BC
/// (`BC0024` is the year -24, 25 BC; `BC25` the century -2500 to -2401). After 9999 they follow
/// `+`, as ISO 8601 writes years of more than four digits (`+10000`, the decade `+1000`, the
/// century `+100`), so that no such value reads as a value of another unit.
fn write_leading(f: &mut fmt::Formatter<'_>, v: i32, width: usize) -> fmt::Result {
    let max = 10u32.pow(width as u32) - 1;
    match u16::try_from(v) {
        Ok(d) if u32::from(d) <= max => write_digits(f, d, width),
        _ if v < 0 => write!(f, "BC{:0width$}", v.unsigned_abs()),
        _ => write!(f, "+{v}"),
    }
}

fn write_opt2(f: &mut fmt::Formatter<'_>, v: Option<u8>) -> fmt::Result {
    match v {
        Some(v) => write_digits(f, v.into(), 2),
        None => f.write_str("XX"),
    }
}

/// Writes `v` zero-padded to `width` digits (more when it needs them), as `{v:0width$}` does
/// but without the formatting machinery: a value is rendered for every mention and claim.
fn write_digits(f: &mut fmt::Formatter<'_>, v: u16, width: usize) -> fmt::Result {
    let mut buf = [b'0'; 5];
    let mut rest = v;
    let mut len = 0;
    while len < buf.len() && (rest > 0 || len < width) {
        buf[buf.len() - 1 - len] = b'0' + (rest % 10) as u8;
        rest /= 10;
        len += 1;
    }
    f.write_str(std::str::from_utf8(&buf[buf.len() - len..]).unwrap_or_default())
}

/// Renders the TIMEX3 value (`2023-03-16`, `1989-Q3`, `198`, `XXXX-WXX-4`).
impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DateValue::Century(c) => write_leading(f, c, 2),
            DateValue::Decade(d) => write_leading(f, d, 3),
            DateValue::Year(y) => write_year(f, Some(y)),
            DateValue::Half { year, half } => {
                write_year(f, year)?;
                write!(f, "-H{half}")
            }
            DateValue::Quarter { year, quarter } => {
                write_year(f, year)?;
                write!(f, "-Q{quarter}")
            }
            DateValue::Season { year, season } => {
                write_year(f, year)?;
                write!(f, "-{}", season.code())
            }
            DateValue::Month { year, month } => {
                write_year(f, year)?;
                f.write_str("-")?;
                write_opt2(f, month)
            }
            DateValue::Week { year, week } => {
                write_year(f, year)?;
                f.write_str("-W")?;
                write_opt2(f, week)
            }
            DateValue::Weekend { year, week } => {
                write_year(f, year)?;
                f.write_str("-W")?;
                write_opt2(f, week)?;
                f.write_str("-WE")
            }
            DateValue::Day { year, month, day } => {
                write_year(f, year)?;
                f.write_str("-")?;
                write_digits(f, month.into(), 2)?;
                f.write_str("-")?;
                write_digits(f, day.into(), 2)
            }
            DateValue::Weekday(w) => write!(f, "XXXX-WXX-{}", w.number_from_monday()),
            DateValue::Unknown(g) => f.write_str(match g {
                Granularity::Century => "XX",
                Granularity::Decade => "XXX",
                Granularity::Year => "XXXX",
                Granularity::Half => "XXXX-HX",
                Granularity::Quarter => "XXXX-QX",
                Granularity::Season => "XXXX-XX",
                Granularity::Month => "XXXX-XX",
                Granularity::Week => "XXXX-WXX",
                _ => "XXXX-XX-XX",
            }),
        }
    }
}

/// The unit of a duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum DurationUnit {
    /// Seconds (`PTnS`).
    Second,
    /// Minutes (`PTnM`).
    Minute,
    /// Hours (`PTnH`).
    Hour,
    /// Days (`PnD`).
    Day,
    /// Weeks (`PnW`).
    Week,
    /// Months (`PnM`).
    Month,
    /// Quarters (`PnQ`).
    Quarter,
    /// Years (`PnY`).
    Year,
    /// Decades (`PnDE`).
    Decade,
    /// Centuries (`PnCE`).
    Century,
    /// Millennia (`PnML`).
    Millennium,
}

impl DurationUnit {
    fn code(self) -> (&'static str, &'static str) {
        match self {
            DurationUnit::Second => ("PT", "S"),
            DurationUnit::Minute => ("PT", "M"),
            DurationUnit::Hour => ("PT", "H"),
            DurationUnit::Day => ("P", "D"),
            DurationUnit::Week => ("P", "W"),
            DurationUnit::Month => ("P", "M"),
            DurationUnit::Quarter => ("P", "Q"),
            DurationUnit::Year => ("P", "Y"),
            DurationUnit::Decade => ("P", "DE"),
            DurationUnit::Century => ("P", "CE"),
            DurationUnit::Millennium => ("P", "ML"),
        }
    }
}

/// A length of time: an amount (unknown for "several days") of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Duration {
    /// How many units, when said (`None` renders as `X`).
    pub amount: Option<u32>,
    /// Half a unit more ("a year and a half", "2 1/2 years").
    pub and_a_half: bool,
    /// The unit.
    pub unit: DurationUnit,
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (prefix, suffix) = self.unit.code();
        // A half unit is written in the next smaller unit where it is whole: "2 1/2 years" is
        // `P2Y6M`, "a minute and a half" `PT1M30S`, as TimeBank writes them.
        let half_in = match self.unit {
            DurationUnit::Year => Some("6M"),
            DurationUnit::Day => Some("T12H"),
            DurationUnit::Hour => Some("30M"),
            DurationUnit::Minute => Some("30S"),
            _ => None,
        };
        f.write_str(prefix)?;
        match (self.amount, self.and_a_half, half_in) {
            (Some(n), true, Some(rest)) => write!(f, "{n}{suffix}{rest}"),
            (Some(n), true, None) => write!(f, "{n}.5{suffix}"),
            (Some(n), false, _) => write!(f, "{n}{suffix}"),
            (None, _, _) => write!(f, "X{suffix}"),
        }
    }
}

/// A reference to the present, the past or the future with no fixed date ("now", "recently").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Reference {
    /// `PRESENT_REF`.
    Present,
    /// `PAST_REF`.
    Past,
    /// `FUTURE_REF`.
    Future,
}

/// The normalized value of a temporal expression: the TIMEX3 `value`, as a type.
///
/// # Examples
///
/// ```
/// use chrono::Weekday;
/// use dateline::time::{DateValue, Duration, DurationUnit, PartOfDay, TimeOfDay, TimexValue};
///
/// let v = TimexValue::Date(DateValue::Quarter { year: Some(1989), quarter: 3 });
/// assert_eq!(v.timex(), "1989-Q3");
/// assert_eq!(v.edtf().as_deref(), Some("1989-35"));
///
/// let d = TimexValue::Duration(Duration { amount: Some(3), and_a_half: false, unit: DurationUnit::Day });
/// assert_eq!(d.timex(), "P3D");
/// assert_eq!(d.edtf(), None);
///
/// // "Tuesday nights"
/// let s = TimexValue::EveryTime(DateValue::Weekday(Weekday::Tue), TimeOfDay::Part(PartOfDay::Night));
/// assert_eq!(s.timex(), "XXXX-WXX-2TNI");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TimexValue {
    /// A calendar value (TIMEX3 DATE).
    Date(DateValue),
    /// A time of day on a day (TIMEX3 TIME): `2000-01-07TEV`, `1998-10-23T22:00`.
    Time(DateValue, TimeOfDay),
    /// A length of time (TIMEX3 DURATION).
    Duration(Duration),
    /// A recurrence: every such length (`P1D` for "daily").
    Every(Duration),
    /// A recurrence on a calendar pattern (`XXXX-WXX-4` for "every Thursday").
    EveryDate(DateValue),
    /// A recurrence at a time of day on a calendar pattern (`XXXX-WXX-2TNI` for "Tuesday
    /// nights").
    EveryTime(DateValue, TimeOfDay),
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Ref(Reference),
}

impl TimexValue {
    /// The TIMEX3 `value` attribute.
    pub fn timex(&self) -> String {
        // Sized for the usual value ("2023-03-16T10:30") so that writing it does not regrow.
        let mut out = String::with_capacity(24);
        // Writing to a String cannot fail.
        let _ = fmt::Write::write_fmt(&mut out, format_args!("{self}"));
        out
    }

    /// The calendar value, for dates and times.
    pub fn date(&self) -> Option<&DateValue> {
        match self {
            TimexValue::Date(d) | TimexValue::Time(d, _) => Some(d),
            _ => None,
        }
    }

    /// The value in the Extended Date/Time Format (ISO 8601-2), where EDTF can express it.
    ///
    /// Quarters, halves and seasons use EDTF's sub-year groupings (`1989-35` is Q3 1989), decades
    /// and centuries its unspecified digits (`198X`), weeks an interval of days. Durations, sets
    /// and references have no EDTF form.
    pub fn edtf(&self) -> Option<String> {
        let d = self.date()?;
        // EDTF writes years of four digits, with a sign before year 0 (`-0024`); a year of more
        // digits only alone (`Y10000`), never in a date.
        let signed = |v: i32, width: usize| {
            let sign = if v < 0 { "-" } else { "" };
            let digits = format!("{:0width$}", v.unsigned_abs());
            (digits.len() == width).then(|| format!("{sign}{digits}"))
        };
        let year = |y: Year| match y {
            Some(y) => signed(y, 4),
            None => Some("XXXX".to_owned()),
        };
        Some(match *d {
            DateValue::Century(c) => format!("{}XX", signed(c, 2)?),
            DateValue::Decade(dec) => format!("{}X", signed(dec, 3)?),
            DateValue::Year(y) => year(Some(y)).unwrap_or_else(|| format!("Y{y}")),
            DateValue::Half { year: y, half } => format!("{}-{}", year(y)?, 39 + u32::from(half)),
            DateValue::Quarter { year: y, quarter } => {
                format!("{}-{}", year(y)?, 32 + u32::from(quarter))
            }
            DateValue::Season { year: y, season } => {
                let code = match season {
                    Season::Spring => 21,
                    Season::Summer => 22,
                    Season::Fall => 23,
                    Season::Winter => 24,
                };
                format!("{}-{code}", year(y)?)
            }
            DateValue::Month { year: y, month } => match month {
                Some(m) => format!("{}-{m:02}", year(y)?),
                None => format!("{}-XX", year(y)?),
            },
            DateValue::Week { .. } | DateValue::Weekend { .. } => match d.interval() {
                Some(iv) => {
                    let day = |d: NaiveDate| {
                        Some(format!(
                            "{}-{:02}-{:02}",
                            year(Some(d.year()))?,
                            d.month(),
                            d.day()
                        ))
                    };
                    format!("{}/{}", day(iv.start)?, day(iv.end)?)
                }
                None => format!("{}-XX-XX", year(d.year())?),
            },
            DateValue::Day {
                year: y,
                month,
                day,
            } => format!("{}-{month:02}-{day:02}", year(y)?),
            DateValue::Weekday(_) => "XXXX-XX-XX".to_owned(),
            DateValue::Unknown(g) => match g {
                Granularity::Century | Granularity::Decade | Granularity::Year => "XXXX",
                Granularity::Half
                | Granularity::Quarter
                | Granularity::Season
                | Granularity::Month => "XXXX-XX",
                _ => "XXXX-XX-XX",
            }
            .to_owned(),
        })
    }
}

impl fmt::Display for TimexValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimexValue::Date(d) | TimexValue::EveryDate(d) => d.fmt(f),
            TimexValue::Time(d, t) | TimexValue::EveryTime(d, t) => {
                d.fmt(f)?;
                match t {
                    TimeOfDay::Clock {
                        hour,
                        minute,
                        second,
                    } => {
                        write!(f, "T{hour:02}:{minute:02}")?;
                        if let Some(s) = second {
                            write!(f, ":{s:02}")?;
                        }
                        Ok(())
                    }
                    TimeOfDay::Part(p) => write!(f, "T{}", p.code()),
                }
            }
            TimexValue::Duration(d) | TimexValue::Every(d) => d.fmt(f),
            TimexValue::Ref(Reference::Present) => f.write_str("PRESENT_REF"),
            TimexValue::Ref(Reference::Past) => f.write_str("PAST_REF"),
            TimexValue::Ref(Reference::Future) => f.write_str("FUTURE_REF"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Digits(u16, usize);

    impl fmt::Display for Digits {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write_digits(f, self.0, self.1)
        }
    }

    #[test]
    fn digits_are_written_as_the_formatter_pads_them() {
        for v in [
            0u16,
            7,
            9,
            10,
            99,
            100,
            999,
            1000,
            2023,
            9999,
            10000,
            u16::MAX,
        ] {
            for width in [2, 4] {
                assert_eq!(Digits(v, width).to_string(), format!("{v:0width$}"));
            }
        }
    }

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn renders_timex_values() {
        let cases: &[(DateValue, &str)] = &[
            (DateValue::Century(19), "19"),
            (DateValue::Decade(200), "200"),
            (DateValue::Year(1987), "1987"),
            (
                DateValue::Half {
                    year: Some(1989),
                    half: 2,
                },
                "1989-H2",
            ),
            (
                DateValue::Season {
                    year: Some(1998),
                    season: Season::Summer,
                },
                "1998-SU",
            ),
            (
                DateValue::Month {
                    year: Some(1989),
                    month: None,
                },
                "1989-XX",
            ),
            (
                DateValue::Week {
                    year: Some(2000),
                    week: Some(13),
                },
                "2000-W13",
            ),
            (
                DateValue::Weekend {
                    year: Some(2000),
                    week: Some(2),
                },
                "2000-W02-WE",
            ),
            (
                DateValue::Day {
                    year: None,
                    month: 3,
                    day: 16,
                },
                "XXXX-03-16",
            ),
            (DateValue::Weekday(Weekday::Thu), "XXXX-WXX-4"),
        ];
        for (v, s) in cases {
            assert_eq!(v.to_string(), *s);
        }
    }

    #[test]
    fn intervals_cover_their_units() {
        let q = DateValue::Quarter {
            year: Some(1989),
            quarter: 4,
        };
        assert_eq!(
            q.interval(),
            Some(Interval {
                start: d(1989, 10, 1),
                end: d(1989, 12, 31)
            })
        );
        let w = DateValue::Season {
            year: Some(2022),
            season: Season::Winter,
        };
        assert_eq!(w.interval().unwrap().end, d(2023, 2, 28));
        let dec = DateValue::Decade(200);
        assert_eq!(dec.interval().unwrap().start, d(2000, 1, 1));
        assert_eq!(dec.interval().unwrap().end, d(2009, 12, 31));
        let week = DateValue::Week {
            year: Some(2022),
            week: Some(37),
        };
        assert_eq!(week.interval().unwrap().start, d(2022, 9, 12));
        assert!(DateValue::Day {
            year: Some(2023),
            month: 2,
            day: 30
        }
        .interval()
        .is_none());
    }

    #[test]
    fn intersection_narrows_and_rejects() {
        let y2020 = DateValue::Year(2020);
        let march = DateValue::Month {
            year: Some(2020),
            month: Some(3),
        };
        assert_eq!(y2020.intersect(&march), Some(march));
        assert_eq!(march.intersect(&y2020), Some(march));
        let april_2021 = DateValue::Month {
            year: Some(2021),
            month: Some(4),
        };
        assert_eq!(y2020.intersect(&april_2021), None);
        // A Thursday that is 16 March 2023.
        let thursday = DateValue::Weekday(Weekday::Thu);
        let day = DateValue::from_date(d(2023, 3, 16));
        assert_eq!(thursday.intersect(&day), Some(day));
        assert_eq!(
            DateValue::Weekday(Weekday::Fri).intersect(&day),
            None,
            "16 March 2023 is not a Friday"
        );
        // Year-less day with a year.
        let partial = DateValue::Day {
            year: None,
            month: 9,
            day: 12,
        };
        assert_eq!(
            partial.intersect(&DateValue::Year(2022)),
            Some(DateValue::from_date(d(2022, 9, 12)))
        );
        assert!(partial.compatible(&DateValue::Month {
            year: None,
            month: Some(9)
        }));
        assert!(!partial.compatible(&DateValue::Month {
            year: None,
            month: Some(10)
        }));
    }

    #[test]
    fn edtf_forms() {
        let v = TimexValue::Date(DateValue::Decade(198));
        assert_eq!(v.edtf().as_deref(), Some("198X"));
        let v = TimexValue::Date(DateValue::Season {
            year: Some(2001),
            season: Season::Fall,
        });
        assert_eq!(v.edtf().as_deref(), Some("2001-23"));
        let v = TimexValue::Time(
            DateValue::from_date(d(2000, 1, 7)),
            TimeOfDay::Part(PartOfDay::Evening),
        );
        assert_eq!(v.timex(), "2000-01-07TEV");
        assert_eq!(v.edtf().as_deref(), Some("2000-01-07"));
    }

    #[test]
    fn years_outside_1_to_9999_stay_timex3_values() {
        let day = |y| DateValue::from_date(d(y, 12, 31));
        let cases: &[(DateValue, &str, Option<&str>)] = &[
            (DateValue::Year(0), "0000", Some("0000")),
            (DateValue::Year(-24), "BC0024", Some("-0024")),
            (DateValue::Year(-12345), "BC12345", Some("Y-12345")),
            (DateValue::Year(10000), "+10000", Some("Y10000")),
            (day(0), "0000-12-31", Some("0000-12-31")),
            (day(-1), "BC0001-12-31", Some("-0001-12-31")),
            (day(10000), "+10000-12-31", None),
            (DateValue::Century(-25), "BC25", Some("-25XX")),
            (DateValue::Century(100), "+100", None),
            (DateValue::Century(0), "00", Some("00XX")),
            (DateValue::Decade(-3), "BC003", Some("-003X")),
            (DateValue::Decade(1000), "+1000", None),
            (
                DateValue::Month {
                    year: Some(-1),
                    month: Some(3),
                },
                "BC0001-03",
                Some("-0001-03"),
            ),
            (
                DateValue::Quarter {
                    year: Some(10001),
                    quarter: 2,
                },
                "+10001-Q2",
                None,
            ),
            (DateValue::Century(i32::MIN), "BC2147483648", None),
        ];
        for (v, timex, edtf) in cases {
            assert_eq!(v.to_string(), *timex, "{v:?}");
            assert_eq!(TimexValue::Date(*v).edtf().as_deref(), *edtf, "{v:?}");
        }
        // A week of year 10000 has no EDTF either.
        let week = DateValue::Week {
            year: Some(10000),
            week: Some(11),
        };
        assert_eq!(week.to_string(), "+10000-W11");
        assert_eq!(TimexValue::Date(week).edtf(), None);
    }

    #[test]
    fn durations_render() {
        let half = Duration {
            amount: Some(2),
            and_a_half: true,
            unit: DurationUnit::Year,
        };
        assert_eq!(half.to_string(), "P2Y6M");
        let weeks = Duration {
            amount: Some(1),
            and_a_half: true,
            unit: DurationUnit::Week,
        };
        assert_eq!(weeks.to_string(), "P1.5W");
        let x = Duration {
            amount: None,
            and_a_half: false,
            unit: DurationUnit::Hour,
        };
        assert_eq!(x.to_string(), "PTXH");
    }
}
