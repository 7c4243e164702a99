//! Dates as a reader writes them: `12 September 2022`, `September 2022`, `the 1980s`,
//! `16 March (year unknown)`, `25 BC`. Every view (Markdown, HTML, CSV's `date`, Python's
//! `When.display`) and the conflicts' explanations use these words.

use chrono::{Datelike, NaiveDate, Weekday};

use super::{DateValue, Season};

use crate::vocab::calendar::month_name;

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

pub(crate) fn long_day(d: NaiveDate) -> String {
    format!(
        "{} {} {}",
        d.day(),
        month_name(d.month() as u8).unwrap_or("?"),
        reader_year(d.year())
    )
}

/// Two days as a reader joins them after "between": `16 and 22 March 2023`, `16 March and 2
/// April 2023`, `16 March 2023 and 14 March 2024`.
pub(crate) fn between_days(a: NaiveDate, b: NaiveDate) -> String {
    let month = |d: NaiveDate| month_name(d.month() as u8).unwrap_or("?");
    if a.year() != b.year() {
        format!("{} and {}", long_day(a), long_day(b))
    } else if a.month() != b.month() {
        format!("{} {} and {}", a.day(), month(a), long_day(b))
    } else {
        format!("{} and {}", a.day(), long_day(b))
    }
}

/// A year as a reader writes it: `2022`, and `25 BC` for the year -24 (year 0 is 1 BC).
fn reader_year(y: i32) -> String {
    if y > 0 {
        y.to_string()
    } else {
        format!("{} BC", 1 - i64::from(y))
    }
}

/// A date value as a reader would write it: `12 September 2022`, `September 2022`, `2022`,
/// `the 1980s`, `16 March (year unknown)`, `a Thursday (date unknown)`.
///
/// # Examples
///
/// ```
/// use dateline::time::display_date;
/// use dateline::time::DateValue;
///
/// assert_eq!(display_date(&DateValue::Day { year: Some(2022), month: 9, day: 12 }), "12 September 2022");
/// assert_eq!(display_date(&DateValue::Month { year: Some(2022), month: Some(9) }), "September 2022");
/// assert_eq!(display_date(&DateValue::Year(1987)), "1987");
/// assert_eq!(display_date(&DateValue::Decade(200)), "the 2000s");
/// assert_eq!(display_date(&DateValue::Day { year: None, month: 3, day: 16 }), "16 March (year unknown)");
/// assert_eq!(display_date(&DateValue::Year(-24)), "25 BC");
/// assert_eq!(display_date(&DateValue::Century(-25)), "2501 BC to 2402 BC");
/// ```
pub fn display_date(value: &DateValue) -> String {
    let year = |y: Option<i32>| y.map_or_else(|| "(year unknown)".to_owned(), reader_year);
    // Centuries and decades before year 0 do not line up with those counted BC ("the 3rd
    // century BC" is 300 to 201 BC): their years are written out.
    let years = |first: i64, count: i64| {
        let year = |y: i64| reader_year(i32::try_from(y).unwrap_or(i32::MIN));
        format!("{} to {}", year(first), year(first + count - 1))
    };
    match *value {
        DateValue::Century(c) if c < 0 => years(i64::from(c) * 100, 100),
        DateValue::Decade(d) if d < 0 => years(i64::from(d) * 10, 10),
        DateValue::Century(c) => format!("the {} century", ordinal(i64::from(c) + 1)),
        DateValue::Decade(d) => format!("the {}0s", d),
        DateValue::Year(y) => reader_year(y),
        DateValue::Half { year: y, half } => {
            let which = if half == 1 { "first" } else { "second" };
            format!("{which} half of {}", year(y))
        }
        DateValue::Quarter { year: y, quarter } => format!("Q{quarter} {}", year(y)),
        DateValue::Season { year: y, season } => match (season, y) {
            (Season::Winter, Some(y)) => {
                format!(
                    "winter {}–{}",
                    reader_year(y),
                    reader_year(y.saturating_add(1))
                )
            }
            (Season::Winter, None) => "winter (year unknown)".to_owned(),
            (Season::Spring, _) => format!("spring {}", year(y)),
            (Season::Summer, _) => format!("summer {}", year(y)),
            (Season::Fall, _) => format!("autumn {}", year(y)),
        },
        DateValue::Month { year: y, month } => match (month.and_then(month_name), y) {
            (Some(m), _) => format!("{m} {}", year(y)),
            (None, Some(y)) => format!("a month of {}", reader_year(y)),
            (None, None) => "a month (date unknown)".to_owned(),
        },
        DateValue::Week { year: y, week } => match (value.interval(), week) {
            (Some(iv), _) => format!("the week of {}", long_day(iv.start)),
            (None, Some(w)) => format!("week {w} of {}", year(y)),
            (None, None) => format!("a week of {}", year(y)),
        },
        DateValue::Weekend { year: y, .. } => match value.interval() {
            Some(iv) => format!("the weekend of {}", long_day(iv.start)),
            None => format!("a weekend of {}", year(y)),
        },
        DateValue::Day {
            year: y,
            month,
            day,
        } => {
            let m = month_name(month).unwrap_or("?");
            format!("{day} {m} {}", year(y))
        }
        DateValue::Weekday(w) => format!("a {} (date unknown)", weekday_name(w)),
        DateValue::Unknown(g) => format!("date unknown ({})", g.as_str().replace('_', " ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_of_days() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        assert_eq!(
            between_days(d(2023, 3, 16), d(2023, 3, 22)),
            "16 and 22 March 2023"
        );
        assert_eq!(
            between_days(d(2023, 3, 16), d(2023, 4, 2)),
            "16 March and 2 April 2023"
        );
        assert_eq!(
            between_days(d(2023, 3, 16), d(2024, 3, 14)),
            "16 March 2023 and 14 March 2024"
        );
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal(1), "1st");
        assert_eq!(ordinal(11), "11th");
        assert_eq!(ordinal(22), "22nd");
        assert_eq!(ordinal(113), "113th");
    }
}
