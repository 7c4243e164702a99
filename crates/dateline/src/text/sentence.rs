//! Sentence boundaries over the tokens.

use super::abbrev::{self, Class};
use super::{Sentence, Token, TokenKind};

/// Characters that end a sentence.
fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？'
    )
}

/// Characters that close a quotation or bracket and stay with the sentence they end.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』'
    )
}

/// Quotation marks, opening or closing.
fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '‹' | '›' | '„' | '`'
    )
}

/// Characters at the end of a line that say the sentence goes on on the next one.
fn is_continuation(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | '-' | '–' | '—' | '(' | '[' | '{' | '&' | '/' | '+' | '=' | '“' | '‘' | '«'
    )
}

/// Quotation marks and bullets that may start a new line's sentence.
fn starts_item(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '«'
            | '„'
            | '`'
            | '•'
            | '·'
            | '‣'
            | '▪'
            | '◦'
            | '●'
            | '■'
            | '►'
            | '▶'
            | '*'
            | '-'
            | '–'
            | '—'
            | '#'
    )
}

/// A letter with no case (Arabic, Hebrew, CJK, …), which may start a sentence like a capital.
fn is_caseless_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()
}

/// The number of line breaks in the white space `gap`, capped at 2 (a blank line).
fn line_breaks(gap: &[u8]) -> u8 {
    let mut n = 0u8;
    let mut i = 0;
    while i < gap.len() {
        match gap[i] {
            b'\n' | 0x0b | 0x0c => n += 1,
            b'\r' if gap.get(i + 1) != Some(&b'\n') => n += 1,
            // U+0085 NEL.
            0xc2 if gap.get(i + 1) == Some(&0x85) => n += 1,
            // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR.
            0xe2 if gap.get(i + 1) == Some(&0x80) => match gap.get(i + 2) {
                Some(0xa8) => n += 1,
                Some(0xa9) => n += 2,
                _ => {}
            },
            _ => {}
        }
        if n >= 2 {
            return 2;
        }
        i += 1;
    }
    n
}

/// The widest line of a hard-wrapped text: the longest line that is followed, after a single
/// line break, by a line starting with a lower-case letter (which only wrapping produces).
/// `None` when no line continues that way, i.e. the text keeps one paragraph per line.
fn wrap_width(text: &str) -> Option<usize> {
    let mut width = None;
    let mut prev: Option<&str> = None;
    for line in text.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            prev = None;
            continue;
        }
        if let Some(p) = prev {
            let ends_sentence = p.chars().next_back().is_some_and(is_terminator);
            if !ends_sentence && line.chars().next().is_some_and(char::is_lowercase) {
                width = width.max(Some(p.len()));
            }
        }
        prev = Some(line);
    }
    width
}

/// The sentence splitter over one text and its tokens.
struct Splitter<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl Splitter<'_> {
    #[inline]
    fn first_char(&self, i: usize) -> char {
        let Some(t) = self.tokens.get(i) else {
            return ' ';
        };
        match self.text.as_bytes().get(t.start) {
            Some(&b) if b < 0x80 => b as char,
            _ => self
                .text
                .get(t.start..)
                .and_then(|s| s.chars().next())
                .unwrap_or(' '),
        }
    }

    #[inline]
    fn str(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    #[inline]
    fn adjacent(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// The number of line breaks between tokens `i` and `i + 1`, capped at 2.
    #[inline(always)]
    fn breaks_in_gap(&self, i: usize) -> u8 {
        let (Some(a), Some(b)) = (self.tokens.get(i), self.tokens.get(i + 1)) else {
            return 0;
        };
        let bytes = self.text.as_bytes();
        // Fast path: nothing or one space between the tokens.
        if b.start <= a.end + 1 && (b.start == a.end || bytes.get(a.end) == Some(&b' ')) {
            return 0;
        }
        line_breaks(bytes.get(a.end..b.start).unwrap_or(&[]))
    }

    fn is_punct(&self, i: usize, pred: fn(char) -> bool) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && pred(self.first_char(i)))
    }

    /// Whether token `i` is a short number that touches the next token (`14.`).
    fn is_enumerator(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Number && t.end - t.start <= 3 && self.adjacent(i)
        })
    }

    /// The abbreviation class of token `i`, if it is a word that ends in a period.
    fn abbreviation(&self, i: usize) -> Option<Class> {
        let t = self.tokens.get(i)?;
        if t.kind != TokenKind::Word
            || self.text.as_bytes().get(t.end.checked_sub(1)?) != Some(&b'.')
        {
            return None;
        }
        abbrev::classify(self.str(i))
    }

    /// The last token of the run of closing quotes and brackets right after token `i`.
    fn closers_after(&self, mut i: usize) -> usize {
        while self.adjacent(i) && self.is_punct(i + 1, is_closer) {
            i += 1;
        }
        i
    }

    /// The last token of the run of terminators and closers that starts with terminator `i`.
    ///
    /// Closing quotes and brackets join the run when they touch it; any quotation mark does when
    /// it touches the run but not the next word (`.“ `), or when only spaces part it from the
    /// run and a line break or the end of the text follows it (`… ‘⏎`).
    fn terminators_after(&self, mut i: usize) -> usize {
        let line_ends_after = |k: usize| k + 1 >= self.tokens.len() || self.breaks_in_gap(k) > 0;
        loop {
            let same_line = self.adjacent(i) || self.breaks_in_gap(i) == 0;
            let next = i + 1;
            let joins = if self.is_punct(next, is_terminator) {
                same_line
            } else if self.is_punct(next, is_closer) {
                self.adjacent(i) || (same_line && line_ends_after(next))
            } else if self.is_punct(next, is_quote) {
                (self.adjacent(i) && !self.adjacent(next)) || (same_line && line_ends_after(next))
            } else {
                false
            };
            if !joins {
                return i;
            }
            i = next;
        }
    }

    /// Whether the sentence ends after the run of terminators ending at token `j`.
    fn terminator_ends(&self, j: usize) -> bool {
        let c = self.first_char(j + 1);
        !(c.is_lowercase() || matches!(c, ',' | ';'))
    }

    /// Whether a sentence ends after abbreviation `i` of class `class`, whose run of closers
    /// ends at token `j`. `title_case` says the sentence so far looks like a title-case
    /// headline, where capitals say nothing.
    fn abbreviation_ends(&self, class: Class, i: usize, j: usize, title_case: bool) -> bool {
        let mut next = j + 1;
        if self.is_punct(next, is_quote) {
            next += 1;
        }
        let c = self.first_char(next);
        if !c.is_uppercase() || title_case {
            return false;
        }
        let starter = || abbrev::is_starter(self.str(next));
        match class {
            Class::Title => false,
            Class::Month | Class::Weekday | Class::Other => true,
            Class::Suffix | Class::Initialism => starter(),
            Class::Initial => {
                let after_lower = i.checked_sub(1).is_some_and(|p| {
                    self.tokens[p].kind != TokenKind::Punct && !self.first_char(p).is_uppercase()
                });
                after_lower && starter()
            }
        }
    }

    /// Whether a single line break after token `j` (that ends a line without a sentence's
    /// final punctuation) ends the sentence. `line_start` is the line's first token; `wrap`
    /// gives the text's wrapping width, if it is hard-wrapped.
    fn line_ends(&self, j: usize, line_start: usize, wrap: impl FnOnce() -> Option<usize>) -> bool {
        let last = self.first_char(j);
        if self.tokens[j].kind == TokenKind::Punct && is_continuation(last) {
            return false;
        }
        let c = self.first_char(j + 1);
        if !(c.is_uppercase() || c.is_numeric() || is_caseless_letter(c) || starts_item(c)) {
            return false;
        }
        match wrap() {
            None => true,
            Some(width) => {
                // Hard-wrapped text: the line was broken on purpose when the next word would
                // have fitted on it.
                let line = self.tokens[j].end - self.tokens[line_start].start;
                let word = self.tokens[j + 1].end - self.tokens[j + 1].start;
                line + 1 + word <= width
            }
        }
    }
}

/// Tokens after which an unpunctuated run (a scraped table, a line of 10 MB without a period)
/// ends its sentence at the next clause break (`,` before a word, `;`, `:`, a dash): every later
/// stage looks at whole sentences, and an event mention carries its sentence's text.
const SOFT_CAP: usize = 200;
/// Tokens after which a sentence ends whatever follows.
const HARD_CAP: usize = 400;

/// Whether the clause break at token `j` may end a sentence that has run past [`SOFT_CAP`]: a
/// semicolon, colon or dash, or a comma that is not inside a number or date (`March 16, 2023`).
fn clause_break(s: &Splitter<'_>, j: usize) -> bool {
    if s.tokens[j].kind != TokenKind::Punct {
        return false;
    }
    match s.first_char(j) {
        ';' | ':' | '\u{2013}' | '\u{2014}' => true,
        ',' => s
            .tokens
            .get(j + 1)
            .is_some_and(|next| next.kind == TokenKind::Word),
        _ => false,
    }
}

/// Cuts `tokens` of `text` into sentences; a sentence also ends after the token that ends at
/// byte `force_end` (a dateline's date), unless punctuation sticks to it (`2005.`), and after
/// [`SOFT_CAP`] tokens at a clause break or [`HARD_CAP`] tokens at the latest.
pub(crate) fn split(text: &str, tokens: &[Token], force_end: Option<usize>) -> Vec<Sentence> {
    let s = Splitter { text, tokens };
    let n = tokens.len();
    let mut sentences = Vec::with_capacity(n / 20 + 1);
    // Measured the first time a line break needs it.
    let mut wrap: Option<Option<usize>> = None;
    let mut sent_start = 0;
    let mut line_start = 0;
    // Words of four or more bytes in the sentence so far, capitalized and not.
    let mut capitalized = 0u32;
    let mut lower = 0u32;
    let mut has_word = false;
    let mut i = 0;
    while i < n {
        let t = tokens[i];
        let mut j = i;
        let mut ends = false;
        let mut plain = false;
        if t.kind == TokenKind::Punct && is_terminator(s.first_char(i)) {
            j = s.terminators_after(i);
            // A terminator before any word (`“…Alexei`) ends nothing, nor does the period of a
            // number that starts a line (`14.` in a numbered list).
            let enumerator = i == sent_start + 1 && i == line_start + 1 && s.is_enumerator(i - 1);
            ends = has_word && !enumerator && s.terminator_ends(j);
        } else if let Some(class) = s.abbreviation(i) {
            has_word = true;
            j = s.closers_after(i);
            let title_case = capitalized >= 3 && lower == 0;
            ends = s.abbreviation_ends(class, i, j, title_case);
        } else {
            plain = true;
            has_word |= t.kind != TokenKind::Punct;
            if t.kind == TokenKind::Word && t.end - t.start >= 4 {
                if s.first_char(i).is_uppercase() {
                    capitalized += 1;
                } else {
                    lower += 1;
                }
            }
        }
        if j + 1 >= n {
            break;
        }
        let breaks = s.breaks_in_gap(j);
        if !ends {
            ends = breaks >= 2
                || (breaks == 1
                    && plain
                    && s.line_ends(j, line_start, || {
                        *wrap.get_or_insert_with(|| wrap_width(text))
                    }))
                || (force_end == Some(tokens[j].end)
                    && !(s.adjacent(j) && tokens[j + 1].kind == TokenKind::Punct));
            let length = j + 1 - sent_start;
            ends |= length >= HARD_CAP || (length >= SOFT_CAP && clause_break(&s, j));
        }
        if breaks > 0 {
            line_start = j + 1;
        }
        if ends {
            sentences.push(Sentence {
                start: tokens[sent_start].start,
                end: tokens[j].end,
                tokens: sent_start..j + 1,
            });
            sent_start = j + 1;
            capitalized = 0;
            lower = 0;
            has_word = false;
        }
        i = j + 1;
    }
    if sent_start < n {
        sentences.push(Sentence {
            start: tokens[sent_start].start,
            end: tokens[n - 1].end,
            tokens: sent_start..n,
        });
    }
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_line_breaks() {
        assert_eq!(line_breaks(b" "), 0);
        assert_eq!(line_breaks(b"\n"), 1);
        assert_eq!(line_breaks(b"\r\n"), 1);
        assert_eq!(line_breaks(b" \r\n  \r\n"), 2);
        assert_eq!(line_breaks(b"\r\r"), 2);
        assert_eq!(line_breaks("\u{2028}".as_bytes()), 1);
        assert_eq!(line_breaks("\u{2029}".as_bytes()), 2);
        assert_eq!(line_breaks("\u{a0}\u{85}".as_bytes()), 1);
    }

    #[test]
    fn measures_wrapping() {
        assert_eq!(wrap_width("One line.\nAnother line."), None);
        assert_eq!(wrap_width("Headline\nBody text."), None);
        assert_eq!(
            wrap_width("The minister said that the\nvisit was important.\nOK"),
            Some(26)
        );
    }

    fn lengths(text: &str) -> Vec<usize> {
        crate::text::segment(text)
            .sentences
            .iter()
            .map(|s| s.tokens.len())
            .collect()
    }

    #[test]
    fn an_unpunctuated_run_ends_at_the_hard_cap() {
        let text = "word ".repeat(1000);
        assert_eq!(lengths(&text), vec![HARD_CAP, HARD_CAP, 200]);
    }

    #[test]
    fn a_long_sentence_ends_at_a_clause_break_past_the_soft_cap() {
        // A comma inside a date does not end it; the comma before a word does.
        let text = format!(
            "{} on March 16, 2023 {}, and then {}",
            "word ".repeat(SOFT_CAP),
            "word ".repeat(5),
            "word ".repeat(10)
        );
        let n = lengths(&text);
        assert_eq!(n.len(), 2, "{n:?}");
        assert_eq!(n[0], SOFT_CAP + 5 + 5 + 1);
        // Short sentences with commas are untouched.
        assert_eq!(lengths("He came, he saw, he left; they stayed."), vec![12]);
    }
}
