//! Abbreviations, initialisms and the words that start sentences.
//!
//! The lexicon (`data/lexicon/abbreviations.txt`) is read once into a sorted table searched with
//! a binary search over the word packed into an integer on the stack: no allocation per word.

use std::sync::LazyLock;

use crate::vocab::lists::entries;

/// How an abbreviation that ends in a period behaves before a capitalized word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Always followed by what it qualifies: titles (`Mr.`, `Gen.`), `St.`, `e.g.`, `vs.`.
    /// Never ends a sentence.
    Title,
    /// Month abbreviations (`Sept.`): end a sentence before a capitalized word.
    Month,
    /// Weekday abbreviations (`Thu.`): end a sentence before a capitalized word.
    Weekday,
    /// Company and name suffixes (`Inc.`, `Corp.`, `Jr.`), often followed by a title or a
    /// name, and number prefixes (`No.`, `Vol.`), often followed by a code: end a sentence
    /// only before a word that commonly starts one (`The`, `He`, …).
    Suffix,
    /// Initialisms of two or more letters (`U.S.`, `a.m.`): like [`Class::Suffix`], since
    /// `U.S. President`, `3 p.m. Friday` are far more frequent than a sentence ending there.
    Initialism,
    /// A single capital letter with a period (`F.` in `John F. Kennedy`): ends a sentence only
    /// after a lower-case word and before a sentence-starting word.
    Initial,
    /// Everything else (`etc.`, `Calif.`, `No.`, `Ave.`): ends a sentence before a capitalized
    /// word.
    Other,
}

/// Which spellings of an abbreviation count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// Any case: `etc.`, `e.g.`, `vs.`.
    Any,
    /// A capital first letter: `Mass.` but not `mass.`, `Sun.` but not `sun.`.
    Capital,
    /// A capital first letter, or any case before a number: `No. 1`, `team no. 225`, but not
    /// `said no.`.
    BeforeNumber,
}

/// The abbreviations and the sentence starters, in `data/lexicon/abbreviations.txt`; the month
/// and weekday abbreviations are those of the time lexicon.
const FILE: &str = "lexicon/abbreviations.txt";
const TEXT: &str = include_str!("../../data/lexicon/abbreviations.txt");

/// The lexicon: the keys (lower-cased abbreviations without their final period) packed into
/// big-endian integers, which sort like the keys, and the entry of each, in the same order.
struct Lexicon {
    keys: Vec<u64>,
    entries: Vec<(Class, Case)>,
    /// Capitalized sentence starters, sorted.
    starters: Vec<&'static str>,
}

fn class(name: &str) -> Option<Class> {
    Some(match name {
        "title" => Class::Title,
        "suffix" => Class::Suffix,
        "initialism" => Class::Initialism,
        "other" => Class::Other,
        _ => return None,
    })
}

fn case(name: &str) -> Option<Case> {
    Some(match name {
        "any" => Case::Any,
        "capital" => Case::Capital,
        "before_number" => Case::BeforeNumber,
        _ => return None,
    })
}

/// The entries of the lexicon by key, unsorted: the file's, then the time lexicon's short
/// forms of months and weekdays.
fn read() -> Vec<(&'static str, Class, Case)> {
    let mut all = Vec::with_capacity(160);
    let mut starters = 0;
    for e in entries(TEXT) {
        match e.section {
            "abbreviation" => {
                let (Some(class), Some(case)) =
                    (e.field(0).and_then(class), e.field(1).and_then(case))
                else {
                    e.bad(FILE, "unknown class or case")
                };
                all.push((e.word, class, case));
            }
            "starter" => starters += 1,
            _ => e.bad(FILE, "unknown section"),
        }
    }
    debug_assert!(starters > 0);
    for (word, month) in crate::vocab::calendar::short_forms() {
        let class = if month { Class::Month } else { Class::Weekday };
        all.push((word, class, Case::Capital));
    }
    all
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut all: Vec<(u64, Class, Case)> = read()
        .into_iter()
        .map(|(k, class, case)| (pack(k.as_bytes()), class, case))
        .collect();
    all.sort_by_key(|e| e.0);
    let mut starters: Vec<&'static str> = entries(TEXT)
        .filter(|e| e.section == "starter")
        .map(|e| e.word)
        .collect();
    starters.sort_unstable();
    Lexicon {
        keys: all.iter().map(|e| e.0).collect(),
        entries: all.iter().map(|e| (e.1, e.2)).collect(),
        starters,
    }
});

/// Longest key of [`LEXICON`], in bytes.
const MAX_KEY: usize = 8;

/// Packs up to [`MAX_KEY`] bytes, lower-cased, into a big-endian integer padded with zeros.
const fn pack(bytes: &[u8]) -> u64 {
    let mut key = 0u64;
    let mut i = 0;
    while i < MAX_KEY {
        let b = if i < bytes.len() {
            bytes[i].to_ascii_lowercase()
        } else {
            0
        };
        key = (key << 8) | b as u64;
        i += 1;
    }
    key
}

/// Looks `body` (an abbreviation without its final period) up in the lexicon, in any case; the
/// entry's [`Case`] is returned for the caller to check.
fn lookup(body: &str) -> Option<(Class, Case)> {
    let bytes = body.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_KEY || !body.is_ascii() {
        return None;
    }
    let lexicon = &*LEXICON;
    let i = lexicon.keys.binary_search(&pack(bytes)).ok()?;
    lexicon.entries.get(i).copied()
}

/// Whether `body`, followed by a period, is a known abbreviation in this spelling;
/// `before_number` says whether a number follows the period.
fn known(body: &str, before_number: bool) -> bool {
    let capital = body.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
    match lookup(body) {
        Some((_, Case::Any)) => true,
        Some((_, Case::Capital)) => capital,
        Some((_, Case::BeforeNumber)) => capital || before_number,
        None => false,
    }
}

/// The class of a word token that ends in a period (`Mr.`, `U.S.`, `F.`), or `None` when the
/// token is not an abbreviation. The tokenizer has already checked the spelling: only
/// abbreviations keep their period.
pub(crate) fn classify(token: &str) -> Option<Class> {
    let body = token.strip_suffix('.')?;
    if let Some((class, _)) = lookup(body) {
        return Some(class);
    }
    let mut chars = body.chars();
    let first = chars.next()?;
    if body.contains('.') {
        return Some(Class::Initialism);
    }
    (chars.next().is_none() && first.is_uppercase()).then_some(Class::Initial)
}

/// Where a word token `text[start..end]` of letters ends once the periods of an abbreviation
/// or initialism that follow it are included; `end` when there are none. `text[end]` is `.`.
pub(crate) fn extend(text: &str, start: usize, end: usize) -> usize {
    let Some(word) = text.get(start..end) else {
        return end;
    };
    let bytes = text.as_bytes();
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return end;
    };
    if chars.next().is_none() {
        // A chain of single letters, each followed by a period: `U.S.`, `a.m.`, `e.g.`.
        let mut k = end + 1;
        let mut letters = 1;
        while let Some(c) = text.get(k..).and_then(|s| s.chars().next()) {
            let after = k + c.len_utf8();
            if c.is_alphabetic() && bytes.get(after) == Some(&b'.') {
                letters += 1;
                k = after + 1;
            } else {
                break;
            }
        }
        if letters >= 2 {
            return k;
        }
        return if first.is_uppercase() || known(word, false) {
            end + 1
        } else {
            end
        };
    }
    // A two-part abbreviation (`Ph.D.`) takes precedence over its first part.
    if let Some(k) = two_part(text, start, end) {
        return k;
    }
    if known(word, number_follows(bytes, end + 1)) {
        end + 1
    } else {
        end
    }
}

/// Whether an ASCII digit follows byte offset `at` after at most a few spaces.
fn number_follows(bytes: &[u8], at: usize) -> bool {
    bytes
        .iter()
        .skip(at)
        .take(4)
        .find(|&&b| b != b' ')
        .is_some_and(u8::is_ascii_digit)
}

/// `Ph.D.` (or `Ph.D`): a word, a period and a short run of letters that the lexicon knows,
/// with the period that follows them.
fn two_part(text: &str, start: usize, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut k = end + 1;
    while k < bytes.len() && k - start <= MAX_KEY && bytes[k].is_ascii_alphabetic() {
        k += 1;
    }
    if k == end + 1 || bytes.get(k).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    if !known(text.get(start..k)?, false) {
        return None;
    }
    Some(if bytes.get(k) == Some(&b'.') {
        k + 1
    } else {
        k
    })
}

/// Whether `word` is a capitalized word that commonly starts a sentence (`The`, `He`, `But`).
pub(crate) fn is_starter(word: &str) -> bool {
    LEXICON.starters.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_file_parses() {
        let p = crate::vocab::lists::problems(TEXT, &["abbreviation", "starter"], false);
        assert!(p.is_empty(), "data/{FILE}: {p:?}");
        // Reading panics on a class, a case or a section it does not know.
        let all = read();
        assert!(all.iter().all(|(k, _, _)| !k.is_empty()
            && k.len() <= MAX_KEY
            && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'.')));
        // No key twice, with the time lexicon's short forms either: keys sort strictly.
        assert!(LEXICON.keys.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(LEXICON.keys.len(), all.len());
        for e in entries(TEXT).filter(|e| e.section == "starter") {
            let mut chars = e.word.chars();
            assert!(
                chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase),
                "data/{FILE}:{}",
                e.line
            );
        }
        assert!(LEXICON.starters.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn classes() {
        assert_eq!(classify("Mr."), Some(Class::Title));
        assert_eq!(classify("MR."), Some(Class::Title));
        assert_eq!(classify("Sept."), Some(Class::Month));
        assert_eq!(classify("U.S."), Some(Class::Initialism));
        assert_eq!(classify("a.m."), Some(Class::Initialism));
        assert_eq!(classify("e.g."), Some(Class::Title));
        assert_eq!(classify("F."), Some(Class::Initial));
        assert_eq!(classify("f."), None);
        assert_eq!(classify("Mass."), Some(Class::Other));
        assert_eq!(classify("etc."), Some(Class::Other));
        assert_eq!(classify("Inc."), Some(Class::Suffix));
        assert_eq!(classify("Ph.D."), Some(Class::Suffix));
        assert_eq!(classify("said."), None);
        assert_eq!(classify("."), None);
        assert_eq!(classify(""), None);
    }

    #[test]
    fn extends() {
        let t = "the U.S. and Mr. Smith, Ph.D. at 10 a.m. a. b";
        let at = |w: &str| t.find(w).unwrap();
        let us = at("U.S.");
        assert_eq!(extend(t, us, us + 1), us + 4);
        let mr = at("Mr.");
        assert_eq!(extend(t, mr, mr + 2), mr + 3);
        let phd = at("Ph.D.");
        assert_eq!(extend(t, phd, phd + 2), phd + 5);
        let am = at("a.m.");
        assert_eq!(extend(t, am, am + 1), am + 4);
        let a = at("a. b");
        assert_eq!(extend(t, a, a + 1), a + 1);
        assert_eq!(extend("x.", 0, 1), 1);
        assert_eq!(extend("X.", 0, 1), 2);
        assert_eq!(extend("v. Wade", 0, 1), 2);
        assert_eq!(extend("mr. x", 0, 2), 2);
        assert_eq!(extend("Mass. x", 0, 4), 5);
        assert_eq!(extend("mass. x", 0, 4), 4);
        assert_eq!(extend("team no. 225", 5, 7), 8);
        assert_eq!(extend("said no. 2", 5, 7), 8);
        assert_eq!(extend("said no. Then", 5, 7), 7);
        assert_eq!(extend("a Ph.D student", 2, 4), 6);
        assert_eq!(extend("end.Next.", 0, 3), 3);
    }

    #[test]
    fn starters() {
        assert!(is_starter("The"));
        assert!(!is_starter("the"));
        assert!(!is_starter("President"));
    }
}
