//! The tokenizer: one pass over the bytes, with a table for ASCII and `char` properties for the
//! rest.

use super::abbrev;
use super::{Token, TokenKind};

const SPACE: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const OTHER: u8 = 3;

/// The class of each ASCII byte; white space is what [`char::is_whitespace`] says it is.
static ASCII: [u8; 128] = {
    let mut table = [OTHER; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        table[i] = if b == b' ' || (b >= 0x09 && b <= 0x0d) {
            SPACE
        } else if b.is_ascii_alphabetic() {
            LETTER
        } else if b.is_ascii_digit() {
            DIGIT
        } else {
            OTHER
        };
        i += 1;
    }
    table
};

/// Apostrophes that may join the letters of a word (`Isma'il`, `don’t`).
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | 'ʿ' | '‘')
}

/// Combining marks and joiners, which continue a word but start none.
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{05BF}'
        | '\u{05C1}'..='\u{05C2}'
        | '\u{05C4}'..='\u{05C5}'
        | '\u{05C7}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{0900}'..='\u{0903}'
        | '\u{093A}'..='\u{094F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
    )
}

/// What a non-white-space character is to the tokenizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CharClass {
    /// [`char::is_alphabetic`].
    Letter,
    /// [`char::is_numeric`] and not a letter.
    Digit,
    /// Anything else.
    Other,
}

/// The class of `c`, with fast paths for the common blocks (Latin, Cyrillic, Hebrew, Arabic,
/// CJK, Hangul, general punctuation) before the Unicode tables.
#[inline]
pub(crate) fn char_class(c: char) -> CharClass {
    let letter = match c as u32 {
        0x41..=0x5a | 0x61..=0x7a => true,
        0x30..=0x39 => return CharClass::Digit,
        0..=0x7f => false,
        0xaa | 0xb5 | 0xba => true,
        0xb2 | 0xb3 | 0xb9 | 0xbc..=0xbe => return CharClass::Digit,
        0x80..=0xbf | 0xd7 | 0xf7 => false,
        0xc0..=0x24f => true,
        // Combining diacritical marks, of which U+0345 and U+0363.. are alphabetic.
        0x300..=0x344 | 0x346..=0x362 => false,
        0x400..=0x481 | 0x48a..=0x52f => true,
        0x5d0..=0x5ea | 0x620..=0x64a => true,
        0x2000..=0x206f => false,
        0x4e00..=0x9fff | 0xac00..=0xd7a3 => true,
        _ => c.is_alphabetic(),
    };
    if letter {
        CharClass::Letter
    } else if !c.is_ascii() && c.is_numeric() {
        CharClass::Digit
    } else {
        CharClass::Other
    }
}

/// The character at byte offset `at`, if `at` is a character boundary inside `text`.
#[inline]
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|s| s.chars().next())
}

/// Whether a letter starts at byte offset `at`.
#[inline]
fn letter_at(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        Some(&b) if b < 0x80 => b.is_ascii_alphabetic(),
        Some(_) => char_at(text, at).is_some_and(|c| char_class(c) == CharClass::Letter),
        None => false,
    }
}

/// How many of the eight bytes of `chunk` (in memory order) are ASCII letters before the first
/// byte that is not one.
#[inline]
fn ascii_letters(chunk: u64) -> usize {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Fold case: letters become `a`..=`z`; no other byte lands there except from its own
    // neighbours `@`, `[`..`_` (which land on `` ` `` and `{`..`\x7f`).
    let folded = chunk | 0x2020_2020_2020_2020;
    let low = folded & LOW7;
    // High bit of each byte: at least `a`; at least `{`. No carries cross bytes.
    let at_least_a = low + 0x1f1f_1f1f_1f1f_1f1f;
    let past_z = low + 0x0505_0505_0505_0505;
    let letter = at_least_a & !past_z & !chunk & HIGH;
    let other = !letter & HIGH;
    (other.trailing_zeros() / 8) as usize
}

/// Cuts `text` into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(bytes.len() / 5 + 1);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            match ASCII[b as usize] {
                SPACE => i += 1,
                LETTER | DIGIT => i = run(text, i, &mut tokens),
                _ => {
                    tokens.push(Token {
                        start: i,
                        end: i + 1,
                        kind: TokenKind::Punct,
                    });
                    i += 1;
                }
            }
        } else {
            let Some(c) = char_at(text, i) else {
                // Unreachable: `i` always sits on a character boundary.
                break;
            };
            let n = c.len_utf8();
            if c.is_whitespace() {
                i += n;
            } else if char_class(c) != CharClass::Other {
                i = run(text, i, &mut tokens);
            } else {
                tokens.push(Token {
                    start: i,
                    end: i + n,
                    kind: TokenKind::Punct,
                });
                i += n;
            }
        }
    }
    tokens
}

/// Scans the word, number or mix of both that starts at `start` (a letter or digit), pushes it
/// and returns where it ends.
fn run(text: &str, start: usize, tokens: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    let mut j = start;
    let mut letters = false;
    let mut digits = false;
    let mut apostrophe = false;
    let mut prev_digit = false;
    while j < bytes.len() {
        // Fast path: ASCII letters, eight bytes at a time.
        if let Some(chunk) = bytes
            .get(j..j + 8)
            .and_then(|c| <[u8; 8]>::try_from(c).ok())
        {
            let n = ascii_letters(u64::from_le_bytes(chunk));
            if n > 0 {
                letters = true;
                prev_digit = false;
                j += n;
                if n == 8 {
                    continue;
                }
            }
        }
        let Some(&b) = bytes.get(j) else { break };
        if b < 0x80 {
            match ASCII[b as usize] {
                LETTER => {
                    letters = true;
                    prev_digit = false;
                    j += 1;
                }
                DIGIT => {
                    digits = true;
                    prev_digit = true;
                    j += 1;
                }
                _ if b == b'\'' && letter_at(text, j + 1) => {
                    apostrophe = true;
                    prev_digit = false;
                    j += 1;
                }
                _ if (b == b',' || b == b'.')
                    && prev_digit
                    && bytes.get(j + 1).is_some_and(u8::is_ascii_digit) =>
                {
                    j += 1;
                }
                _ => break,
            }
        } else {
            let Some(c) = char_at(text, j) else { break };
            let n = c.len_utf8();
            let class = char_class(c);
            if class == CharClass::Letter {
                letters = true;
                prev_digit = false;
            } else if class == CharClass::Digit {
                digits = true;
                prev_digit = true;
            } else if is_mark(c) {
                // Continues whatever came before.
            } else if is_apostrophe(c) && letter_at(text, j + n) {
                apostrophe = true;
                prev_digit = false;
            } else {
                break;
            }
            j += n;
        }
    }
    let kind = match (letters, digits) {
        (true, true) => TokenKind::Alnum,
        (false, true) => TokenKind::Number,
        _ => TokenKind::Word,
    };
    if kind == TokenKind::Word && !apostrophe && bytes.get(j) == Some(&b'.') {
        j = abbrev::extend(text, start, j);
    }
    tokens.push(Token {
        start,
        end: j,
        kind,
    });
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_classes_agree_with_unicode() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let expected = if c.is_alphabetic() {
                CharClass::Letter
            } else if c.is_numeric() {
                CharClass::Digit
            } else {
                CharClass::Other
            };
            assert_eq!(char_class(c), expected, "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn counts_ascii_letters_like_the_byte_table() {
        let slow = |bytes: &[u8; 8]| bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        let mut cases: Vec<[u8; 8]> = vec![*b"abcdefgh", *b"abc defg", *b"Zz@[`{ab", *b"        "];
        for b in 0..=255u8 {
            cases.push([b'a', b, b'a', b'a', b'a', b'a', b'a', b]);
            cases.push([b; 8]);
        }
        for case in cases {
            assert_eq!(
                ascii_letters(u64::from_le_bytes(case)),
                slow(&case),
                "{case:?}"
            );
        }
    }
}
