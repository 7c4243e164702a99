//! The publication date that the head of a text gives: a labelled line (`Date: 2023-10-26`), a
//! line that is only a date (`May 7, 2005`) or a wire-service dateline
//! (`MOSCOW, March 16 (Reuters) -`).
//!
//! Hand-written parsing over the tokens; nothing is allocated.

use chrono::NaiveDate;

use super::{Dateline, DatelineKind, Token, TokenKind};
use crate::calendar::DateValue;

/// How far from the first token a line may start and still be looked at, in bytes.
const WINDOW: usize = 300;
/// How many lines are looked at.
const LINES: usize = 3;

/// Lower-cases an ASCII word of at most `N` bytes into `buf`, without a final period.
fn lower<const N: usize>(word: &str, buf: &mut [u8; N]) -> Option<usize> {
    let word = word.strip_suffix('.').unwrap_or(word);
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > N || !word.is_ascii() {
        return None;
    }
    buf[..bytes.len()].copy_from_slice(bytes);
    buf[..bytes.len()].make_ascii_lowercase();
    Some(bytes.len())
}

/// The month (1–12) that `word` names, in full or abbreviated, with or without a period,
/// in any case.
pub(crate) fn month_number(word: &str) -> Option<u8> {
    let mut buf = [0u8; 9];
    let n = lower(word, &mut buf)?;
    let abbreviated = word.ends_with('.');
    let m = crate::vocab::calendar::month_of(&buf[..n])?;
    // A period only follows an abbreviation (`Sept.`), never a full name (`March.`).
    (!abbreviated || n <= 4).then_some(m)
}

/// Whether `word` names a day of the week, in full or abbreviated, in any case.
pub(crate) fn is_weekday(word: &str) -> bool {
    let mut buf = [0u8; 9];
    let Some(n) = lower(word, &mut buf) else {
        return false;
    };
    crate::vocab::calendar::is_weekday(&buf[..n])
}

/// The value of an all-digit ASCII string of `min..=max` digits.
fn digits(s: &str, min: usize, max: usize) -> Option<u32> {
    if s.len() < min || s.len() > max || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.bytes().try_fold(0u32, |n, b| {
        n.checked_mul(10)?.checked_add(u32::from(b - b'0'))
    })
}

/// The day of a month: `7`, `07`, `7th`.
fn day_number(s: &str) -> Option<u8> {
    let body = s.len().checked_sub(2).and_then(|cut| {
        let (num, suffix) = (s.get(..cut)?, s.get(cut..)?);
        ["st", "nd", "rd", "th"]
            .iter()
            .any(|x| suffix.eq_ignore_ascii_case(x))
            .then_some(num)
    });
    let d = digits(body.unwrap_or(s), 1, 2)?;
    u8::try_from(d).ok().filter(|d| (1..=31).contains(d))
}

/// A four-digit year.
fn year_number(s: &str) -> Option<i32> {
    let y = digits(s, 4, 4)?;
    i32::try_from(y).ok().filter(|y| (1000..=9999).contains(y))
}

/// The day `year-month-day` when it exists (any year's February 29 when the year is unknown).
fn validate(year: Option<i32>, month: u8, day: u8) -> Option<DateValue> {
    let ok = match year {
        Some(y) => NaiveDate::from_ymd_opt(y, u32::from(month), u32::from(day)).is_some(),
        None => {
            let last = match month {
                2 => 29,
                4 | 6 | 9 | 11 => 30,
                1..=12 => 31,
                _ => 0,
            };
            (1..=last).contains(&day)
        }
    };
    ok.then_some(DateValue::Day { year, month, day })
}

/// The tokens of a text, with the questions the parsers ask of them.
struct View<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl View<'_> {
    fn str(&self, k: usize) -> &str {
        self.tokens.get(k).map_or("", |t| t.text(self.text))
    }

    fn kind(&self, k: usize) -> Option<TokenKind> {
        self.tokens.get(k).map(|t| t.kind)
    }

    /// Whether token `k + 1` exists and is on the same line as token `k`.
    fn same_line(&self, k: usize) -> bool {
        match (self.tokens.get(k), self.tokens.get(k + 1)) {
            (Some(a), Some(b)) => self
                .text
                .get(a.end..b.start)
                .is_some_and(|gap| !gap.contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'])),
            _ => false,
        }
    }

    /// Whether token `k + 1` directly follows token `k`.
    fn adjacent(&self, k: usize) -> bool {
        match (self.tokens.get(k), self.tokens.get(k + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// Whether token `k + 1` is on the same line as `k` and reads `s`.
    fn next_is(&self, k: usize, s: &str) -> bool {
        self.same_line(k) && self.str(k + 1) == s
    }

    fn capitalized_word(&self, k: usize) -> bool {
        self.kind(k) == Some(TokenKind::Word)
            && self.str(k).chars().next().is_some_and(char::is_uppercase)
    }

    /// A date that starts at token `k`; its value and its last token.
    fn date(&self, k: usize, need_year: bool) -> Option<(DateValue, usize)> {
        if let Some(found) = self.iso(k) {
            return Some(found);
        }
        let mut p = k;
        if is_weekday(self.str(p)) && self.same_line(p) {
            p += 1;
            if self.next_is(p - 1, ",") {
                p += 1;
            }
            if !self.same_line(p - 1) {
                return None;
            }
        }
        let (month, day, last) = if let Some(m) = month_number(self.str(p)) {
            if !self.same_line(p) {
                return None;
            }
            (m, day_number(self.str(p + 1))?, p + 1)
        } else {
            let d = day_number(self.str(p))?;
            if !self.same_line(p) {
                return None;
            }
            (month_number(self.str(p + 1))?, d, p + 1)
        };
        let (year, last) = if self.next_is(last, ",") && self.same_line(last + 1) {
            match year_number(self.str(last + 2)) {
                Some(y) => (Some(y), last + 2),
                None => (None, last),
            }
        } else if self.same_line(last) {
            match year_number(self.str(last + 1)) {
                Some(y) => (Some(y), last + 1),
                None => (None, last),
            }
        } else {
            (None, last)
        };
        if need_year && year.is_none() {
            return None;
        }
        Some((validate(year, month, day)?, last))
    }

    /// `2023-10-26` or `2023/10/26`.
    fn iso(&self, k: usize) -> Option<(DateValue, usize)> {
        let year = year_number(self.str(k))?;
        let sep = self.str(k + 1);
        if !(sep == "-" || sep == "/") || self.str(k + 3) != sep {
            return None;
        }
        if !(k..k + 4).all(|p| self.adjacent(p)) {
            return None;
        }
        let month = digits(self.str(k + 2), 1, 2)?;
        let day = digits(self.str(k + 4), 1, 2)?;
        let (month, day) = (u8::try_from(month).ok()?, u8::try_from(day).ok()?);
        Some((validate(Some(year), month, day)?, k + 4))
    }

    fn found(&self, first: usize, last: usize, date: DateValue, kind: DatelineKind) -> Dateline {
        Dateline {
            start: self.tokens[first].start,
            end: self.tokens[last].end,
            date,
            kind,
        }
    }

    /// `Date: 2023-10-26`, `Published: May 7, 2005`, `Posted on 7 May 2005`.
    fn labelled(&self, k: usize) -> Option<Dateline> {
        let mut p = k;
        let mut label = false;
        loop {
            let mut buf = [0u8; 11];
            let Some(n) = lower(self.str(p), &mut buf) else {
                break;
            };
            if self.kind(p) != Some(TokenKind::Word) {
                break;
            }
            match &buf[..n] {
                b"date" | b"dated" | b"published" | b"posted" | b"pubdate" | b"dateline" => {
                    label = true;
                }
                b"publication" | b"first" | b"originally" | b"release" | b"on" => {}
                _ => break,
            }
            if p - k >= 4 || !self.same_line(p) {
                return None;
            }
            p += 1;
        }
        if !label {
            return None;
        }
        for _ in 0..2 {
            if matches!(self.str(p), ":" | "-" | "–" | "—" | "|" | "=" | ",") {
                if !self.same_line(p) {
                    return None;
                }
                p += 1;
            }
        }
        if self.str(p).eq_ignore_ascii_case("on") && self.same_line(p) {
            p += 1;
        }
        let (date, last) = self.date(p, false)?;
        Some(self.found(p, last, date, DatelineKind::Labelled))
    }

    /// A line that is only a date, perhaps with a time of day: `Thursday, May 7, 2005`.
    fn date_line(&self, k: usize) -> Option<Dateline> {
        let (date, last) = self.date(k, true)?;
        let mut p = last;
        while self.same_line(p) {
            p += 1;
            if p - last > 8 || !self.time_like(p) {
                return None;
            }
        }
        Some(self.found(k, last, date, DatelineKind::DateLine))
    }

    /// What may follow a date on its line: `10:30 a.m. EDT`, `| 14:05 GMT`.
    fn time_like(&self, p: usize) -> bool {
        let s = self.str(p);
        match self.kind(p) {
            Some(TokenKind::Number | TokenKind::Alnum) => true,
            Some(TokenKind::Punct) => {
                matches!(s, ":" | "," | "|" | "-" | "–" | "—" | "(" | ")" | "/")
            }
            Some(TokenKind::Word) => {
                ["am", "pm", "a.m.", "p.m."]
                    .iter()
                    .any(|x| s.eq_ignore_ascii_case(x))
                    || ((2..=5).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase()))
            }
            None => false,
        }
    }

    /// `LAGOS, June 3 (Reuters) -`, `NAIROBI, Kenya, Aug. 8 (AP) _`, `PARIS, 3 June -`.
    fn wire(&self, k: usize) -> Option<Dateline> {
        if !self.capitalized_word(k) {
            return None;
        }
        // The city: capitalized words, perhaps joined by hyphens or apostrophes.
        let mut p = k;
        let mut all_caps = true;
        loop {
            if self.capitalized_word(p) {
                all_caps &= !self.str(p).chars().any(char::is_lowercase);
            } else if !matches!(self.str(p), "-" | "'" | "’" | ".") {
                return None;
            }
            if p - k >= 6 || !self.same_line(p) {
                return None;
            }
            p += 1;
            if self.str(p) == "," {
                break;
            }
        }
        // Then regions (`Kenya,`) until the date.
        let mut q = p + 1;
        if !self.same_line(p) {
            return None;
        }
        for _ in 0..3 {
            if let Some((date, last)) = self.date(q, false) {
                return self.wire_tail(q, last, date, all_caps);
            }
            let mut r = q;
            while r - q < 3 && self.capitalized_word(r) && self.same_line(r) {
                r += 1;
            }
            if r == q || self.str(r) != "," || !self.same_line(r) {
                return None;
            }
            q = r + 1;
        }
        None
    }

    /// The agency and dash after a wire dateline's date (tokens `first..=last`).
    fn wire_tail(
        &self,
        first: usize,
        last: usize,
        date: DateValue,
        all_caps: bool,
    ) -> Option<Dateline> {
        let mut p = last;
        let mut agency = false;
        for (open, close) in [("(", ")"), ("/", "/")] {
            if self.next_is(p, open) {
                let mut r = p + 1;
                while r - p < 6 && self.same_line(r) && self.kind(r + 1) == Some(TokenKind::Word) {
                    r += 1;
                }
                if r > p + 1 && self.next_is(r, close) {
                    agency = true;
                    p = r + 1;
                    break;
                }
            }
        }
        let dash = self.same_line(p) && matches!(self.str(p + 1), "-" | "–" | "—" | "_" | ":");
        let line_ends = !self.same_line(p);
        (agency || dash || (all_caps && line_ends))
            .then(|| self.found(first, last, date, DatelineKind::Wire))
    }
}

/// The dateline at the head of `text`: the first of its first lines that gives a date.
pub(crate) fn find(text: &str, tokens: &[Token]) -> Option<Dateline> {
    let v = View { text, tokens };
    let limit = tokens.first()?.start.saturating_add(WINDOW);
    let mut k = 0;
    for _ in 0..LINES {
        match tokens.get(k) {
            Some(t) if t.start < limit => {}
            _ => return None,
        }
        if let Some(found) = v
            .labelled(k)
            .or_else(|| v.date_line(k))
            .or_else(|| v.wire(k))
        {
            return Some(found);
        }
        // On to the next line.
        while k < tokens.len() && tokens[k].start < limit && v.same_line(k) {
            k += 1;
        }
        k += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("SEPTEMBER"), Some(9));
        assert_eq!(month_number("march"), Some(3));
        assert_eq!(month_number("March."), None);
        assert_eq!(month_number("Mayo"), None);
        assert_eq!(month_number("é"), None);
        assert!(is_weekday("Thu."));
        assert!(is_weekday("thursday"));
        assert!(!is_weekday("Thor"));
    }

    #[test]
    fn numbers() {
        assert_eq!(day_number("7"), Some(7));
        assert_eq!(day_number("07"), Some(7));
        assert_eq!(day_number("7th"), Some(7));
        assert_eq!(day_number("31ST"), Some(31));
        assert_eq!(day_number("32"), None);
        assert_eq!(day_number("0"), None);
        assert_eq!(day_number("th"), None);
        assert_eq!(day_number("7x"), None);
        assert_eq!(year_number("2005"), Some(2005));
        assert_eq!(year_number("205"), None);
        assert_eq!(year_number("20050"), None);
        assert_eq!(
            validate(None, 2, 29),
            Some(DateValue::Day {
                year: None,
                month: 2,
                day: 29
            })
        );
        assert_eq!(validate(Some(2023), 2, 29), None);
        assert_eq!(validate(None, 4, 31), None);
        assert_eq!(validate(None, 13, 1), None);
    }
}
