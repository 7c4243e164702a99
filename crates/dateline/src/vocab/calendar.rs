//! The names of months and weekdays, read from the time words (`data/lexicon/time.txt`, the
//! one place they are listed) for the readers outside the `time` stage: the dateline reader,
//! the sentence splitter's abbreviations, the entity lexicon, and messages and views that
//! write a month's name.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::lists::entries;

/// The time words; `time::lexicon` reads the whole file, this module its calendar sections.
pub(crate) const TIME_WORDS: &str = include_str!("../../data/lexicon/time.txt");

/// A month or a weekday, by lower-case name or abbreviation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Name {
    Month(u8),
    Weekday,
}

static NAMES: LazyLock<HashMap<&'static str, Name>> = LazyLock::new(|| {
    entries(TIME_WORDS)
        .filter_map(|e| match e.section {
            "month" | "month_abbreviation" => {
                let m = e.field(0).and_then(|v| v.parse::<u8>().ok());
                match m {
                    Some(m @ 1..=12) => Some((e.word, Name::Month(m))),
                    _ => e.bad("lexicon/time.txt", "a month needs its number, 1 to 12"),
                }
            }
            "weekday" | "weekday_abbreviation" => Some((e.word, Name::Weekday)),
            _ => None,
        })
        .collect()
});

/// The month (1–12) a lower-case month name or abbreviation names.
pub(crate) fn month_of(lower: &[u8]) -> Option<u8> {
    let word = std::str::from_utf8(lower).ok()?;
    match NAMES.get(word) {
        Some(&Name::Month(m)) => Some(m),
        _ => None,
    }
}

/// Whether a lower-case word is a weekday name or abbreviation.
pub(crate) fn is_weekday(lower: &[u8]) -> bool {
    std::str::from_utf8(lower).is_ok_and(|w| NAMES.get(w) == Some(&Name::Weekday))
}

/// The names of months (full and abbreviated) and of weekdays (full), lower-case.
pub(crate) fn calendar_names() -> impl Iterator<Item = &'static str> {
    entries(TIME_WORDS)
        .filter(|e| matches!(e.section, "month" | "month_abbreviation" | "weekday"))
        .map(|e| e.word)
}

/// The short forms of months and weekdays (`sept`, `thu`), each with whether it is a month's:
/// the abbreviations of the sentence splitter are these.
pub(crate) fn short_forms() -> impl Iterator<Item = (&'static str, bool)> {
    entries(TIME_WORDS).filter_map(|e| match e.section {
        "month_abbreviation" => Some((e.word, true)),
        "weekday_abbreviation" => Some((e.word, false)),
        _ => None,
    })
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of a month (1–12): the one spelling of it in output and messages.
pub(crate) fn month_name(month: u8) -> Option<&'static str> {
    MONTHS.get(usize::from(month).checked_sub(1)?).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_time_words() {
        assert_eq!(month_of(b"sept"), Some(9));
        assert_eq!(month_of(b"march"), Some(3));
        assert_eq!(month_of(b"thu"), None);
        assert!(is_weekday(b"thursday") && is_weekday(b"tues"));
        assert!(!is_weekday(b"thor"));
        assert!(calendar_names().any(|w| w == "december"));
        assert!(short_forms().any(|f| f == ("sept", true)));
        // Every month has its display name, and the full names are the display names.
        for e in entries(TIME_WORDS).filter(|e| e.section == "month") {
            let m = month_of(e.word.as_bytes()).unwrap_or(0);
            assert_eq!(
                month_name(m).map(str::to_lowercase).as_deref(),
                Some(e.word)
            );
        }
    }
}
