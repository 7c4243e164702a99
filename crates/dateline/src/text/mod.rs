//! The `text` stage: sentences and tokens with byte offsets, and the leading dateline.
//!
//! Entry point: [`segment`]. Everything is reported as byte offsets into the text that was
//! given, always on character boundaries; [`CodePoints`] converts them to code-point offsets.
//!
//! # Tokens
//!
//! White space separates tokens and belongs to none; every other character belongs to exactly
//! one token:
//!
//! - [`TokenKind::Word`]: letters, with apostrophes between letters (`Isma'il`, `don’t`), and
//!   the periods of known abbreviations (`Mr.`, `Sept.`, `Calif.`, `etc.`) and of initialisms
//!   (`U.S.`, `a.m.`, the `F.` of `John F. Kennedy`). Hyphens split words (`mid`, `-`,
//!   `1990s`).
//! - [`TokenKind::Number`]: digits, with `,` or `.` between digits (`1,000`, `3.5`).
//! - [`TokenKind::Alnum`]: digits and letters together (`1990s`, `16th`, `10am`).
//! - [`TokenKind::Punct`]: any other character, one per token.
//!
//! # Sentences
//!
//! A sentence ends:
//!
//! - after `.`, `!`, `?` or `…` and the closing quotes and brackets that follow them (`."`,
//!   `?’`), unless the next word starts in lower case (`“Why?” he asked`, `... and`);
//! - after an abbreviation when the next word is capitalized, except after titles (`Mr.`,
//!   `Gen.`), single initials (`John F. Kennedy`), and, for initialisms and company suffixes
//!   (`U.S.`, `p.m.`, `Inc.`), unless the next word is one that commonly starts a sentence
//!   (`the U.S. The next day` ends; `U.S. President`, `3 p.m. Friday` do not);
//! - at a blank line;
//! - at a single line break after a line without final punctuation (a headline, a dateline)
//!   when the next line starts with a capital, a digit, a quotation mark or a bullet. In a
//!   hard-wrapped text (one where some line goes on with a lower-case word), only when the
//!   next line's first word would have fitted on the line, i.e. the line was broken on purpose.
//!
//! # Datelines
//!
//! The first three lines (within the first 300 bytes) are searched for a publication date:
//! a labelled line (`date 2023-10-26`, `Published: May 7, 2005`), a line that is only a date
//! (`May 7, 2005`, `Thursday, 7 May 2005`), or a wire dateline (`MOSCOW, March 16 (Reuters) -`,
//! whose date has no year). A labelled date or date line is a sentence of its own.

mod abbrev;
mod dateline;
mod sentence;
#[cfg(test)]
mod tests;
mod token;

use serde::{Deserialize, Serialize};
use std::ops::Range;

use crate::calendar::DateValue;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TokenKind {
    /// Letters, with inner apostrophes (`Isma'il`) and, for abbreviations and initialisms,
    /// their periods (`Sept.`, `U.S.`, `a.m.`).
    Word,
    /// Digits, with inner separators between digits (`1,000`, `3.5`).
    Number,
    /// Digits and letters together (`1990s`, `16th`, `10am`, `Q3`).
    Alnum,
    /// Any other single character that is not white space.
    Punct,
}

/// A token: `text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What the token is made of.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text in the source it was cut from.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.start..self.end).unwrap_or("")
    }
}

/// A sentence: `text[start..end]`, made of `tokens[tokens.start..tokens.end]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte offset of the sentence's first token.
    pub start: usize,
    /// Byte offset one past its last token.
    pub end: usize,
    /// Indexes into [`Segmented::tokens`].
    pub tokens: Range<usize>,
}

impl Sentence {
    /// The sentence's text in the source it was cut from.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.start..self.end).unwrap_or("")
    }
}

/// How a leading dateline gave the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DatelineKind {
    /// A labelled line: `date 2023-10-26`, `Published: May 7, 2005`.
    Labelled,
    /// A line that is only a date: `May 7, 2005`.
    DateLine,
    /// A wire-service dateline: `MOSCOW, March 16 (Reuters) -`.
    Wire,
}

/// The publication date that a leading line of the text gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Dateline {
    /// Byte offset of the date's text.
    pub start: usize,
    /// Byte offset one past the date's text.
    pub end: usize,
    /// The date; its year is unknown when the line does not give it (`March 16`).
    pub date: DateValue,
    /// The form of the line.
    pub kind: DatelineKind,
}

/// A text cut into tokens and sentences.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segmented {
    /// Every token, in order.
    pub tokens: Vec<Token>,
    /// Every sentence, in order; together they hold every token.
    pub sentences: Vec<Sentence>,
    /// The dateline at the head of the text, if any.
    pub dateline: Option<Dateline>,
}

impl Segmented {
    /// The day the dateline gives, when it gives a whole day (not a month or a year alone).
    pub fn dateline_day(&self) -> Option<chrono::NaiveDate> {
        self.dateline
            .and_then(|d| d.date.interval())
            .filter(|iv| iv.start == iv.end)
            .map(|iv| iv.start)
    }
}

/// The longest word [`pack_word`] packs.
pub(crate) const PACKED_WORD: usize = 16;

/// A word of at most [`PACKED_WORD`] bytes as one number: its bytes in order, zeros after them
/// (no word holds a zero byte, so different words give different numbers). The lexicons are
/// keyed by it: hashing and comparing one number is cheaper than a byte string.
pub(crate) fn pack_word(word: &[u8]) -> Option<u128> {
    let mut bytes = [0u8; PACKED_WORD];
    bytes.get_mut(..word.len())?.copy_from_slice(word);
    Some(u128::from_le_bytes(bytes))
}

/// Cuts `text` into tokens and sentences and finds its dateline.
///
/// Linear in the length of the text; never panics.
///
/// # Examples
///
/// ```
/// use dateline::text::{segment, DatelineKind, TokenKind};
/// use dateline::time::DateValue;
///
/// let text = "LAGOS, June 3 (Reuters) - Mr. Okafor met the delegation at 10 a.m. on \
///             Thursday. It was the U.S. The talks lasted 3.5 hours.";
/// let s = segment(text);
///
/// let sentences: Vec<&str> = s.sentences.iter().map(|x| x.text(text)).collect();
/// assert_eq!(sentences.len(), 3);
/// assert!(sentences[0].ends_with("on Thursday."));
/// assert_eq!(sentences[1], "It was the U.S.");
///
/// let words: Vec<&str> = s.tokens.iter().map(|t| t.text(text)).collect();
/// assert!(words.contains(&"Mr.") && words.contains(&"a.m.") && words.contains(&"3.5"));
/// assert_eq!(s.tokens[2].kind, TokenKind::Word);
///
/// let dateline = s.dateline.unwrap();
/// assert_eq!(dateline.kind, DatelineKind::Wire);
/// assert_eq!(&text[dateline.start..dateline.end], "June 3");
/// assert_eq!(dateline.date, DateValue::Day { year: None, month: 6, day: 3 });
/// ```
pub fn segment(text: &str) -> Segmented {
    let tokens = token::tokenize(text);
    let dateline = dateline::find(text, &tokens);
    let force_end = dateline
        .filter(|d| d.kind != DatelineKind::Wire)
        .map(|d| d.end);
    let sentences = sentence::split(text, &tokens, force_end);
    Segmented {
        tokens,
        sentences,
        dateline,
    }
}

/// Converts byte offsets of a text into Unicode code-point offsets (Python `str` indices), as
/// JSON output and the Python package report them.
///
/// Built once per text in linear time; each conversion is a binary search.
///
/// # Examples
///
/// ```
/// use dateline::text::CodePoints;
///
/// let text = "Russia’s minister";
/// let cp = CodePoints::new(text);
/// let byte = text.find("minister").unwrap();
/// assert_eq!(byte, 11);
/// assert_eq!(cp.to_code_point(byte), 9);
/// assert_eq!(cp.to_byte(9), Some(11));
/// ```
#[derive(Debug, Clone)]
pub struct CodePoints {
    /// For each multi-byte character: its byte offset, its code-point offset, and the bytes
    /// beyond one per character up to and including it.
    wide: Vec<(usize, usize, usize)>,
    len: usize,
}

impl CodePoints {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut extra = 0;
        let wide = text
            .char_indices()
            .filter(|(_, c)| !c.is_ascii())
            .map(|(byte, c)| {
                let cp = byte - extra;
                extra += c.len_utf8() - 1;
                (byte, cp, extra)
            })
            .collect();
        CodePoints {
            wide,
            len: text.len(),
        }
    }

    /// The code-point offset of byte offset `byte` (a character boundary, or the end).
    pub fn to_code_point(&self, byte: usize) -> usize {
        let before = self.wide.partition_point(|&(b, _, _)| b < byte);
        let extra = before.checked_sub(1).map_or(0, |i| self.wide[i].2);
        byte - extra
    }

    /// The byte offset of code-point offset `cp`, or `None` past the end.
    pub fn to_byte(&self, cp: usize) -> Option<usize> {
        let before = self.wide.partition_point(|&(_, c, _)| c < cp);
        let extra = before.checked_sub(1).map_or(0, |i| self.wide[i].2);
        let byte = cp + extra;
        (byte <= self.len).then_some(byte)
    }
}
