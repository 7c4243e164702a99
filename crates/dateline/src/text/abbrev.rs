//! Abbreviations, initialisms and the words that start sentences.
//!
//! The lexicon is a static sorted slice searched with a binary search over an ASCII-lower-cased
//! copy of the word on the stack: no allocation, no initialisation at run time.

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

/// `(key, class, case)`: `key` is the lower-cased abbreviation without its final period.
/// Sorted by key (checked by a test).
static LEXICON: &[(&str, Class, Case)] = &[
    ("a.m", Class::Initialism, Case::Any),
    ("adm", Class::Title, Case::Capital),
    ("al", Class::Other, Case::Any),
    ("ala", Class::Other, Case::Capital),
    ("amb", Class::Title, Case::Capital),
    ("approx", Class::Title, Case::Any),
    ("apr", Class::Month, Case::Capital),
    ("ariz", Class::Other, Case::Capital),
    ("ark", Class::Other, Case::Capital),
    ("assn", Class::Other, Case::Capital),
    ("atty", Class::Title, Case::Capital),
    ("aug", Class::Month, Case::Capital),
    ("ave", Class::Other, Case::Capital),
    ("blvd", Class::Other, Case::Capital),
    ("brig", Class::Title, Case::Capital),
    ("bros", Class::Suffix, Case::Capital),
    ("ca", Class::Title, Case::Any),
    ("calif", Class::Other, Case::Capital),
    ("capt", Class::Title, Case::Capital),
    ("cdr", Class::Title, Case::Capital),
    ("cf", Class::Title, Case::Any),
    ("cmdr", Class::Title, Case::Capital),
    ("co", Class::Suffix, Case::Capital),
    ("col", Class::Title, Case::Capital),
    ("colo", Class::Other, Case::Capital),
    ("conn", Class::Other, Case::Capital),
    ("corp", Class::Suffix, Case::Capital),
    ("cos", Class::Suffix, Case::Capital),
    ("cpl", Class::Title, Case::Capital),
    ("dec", Class::Month, Case::Capital),
    ("del", Class::Other, Case::Capital),
    ("dept", Class::Other, Case::Capital),
    ("det", Class::Title, Case::Capital),
    ("dr", Class::Title, Case::Capital),
    ("e.g", Class::Title, Case::Any),
    ("esp", Class::Other, Case::Any),
    ("est", Class::Other, Case::Any),
    ("etc", Class::Other, Case::Any),
    ("feb", Class::Month, Case::Capital),
    ("fig", Class::Suffix, Case::BeforeNumber),
    ("fla", Class::Other, Case::Capital),
    ("fr", Class::Title, Case::Capital),
    ("fri", Class::Weekday, Case::Capital),
    ("ft", Class::Title, Case::Capital),
    ("ga", Class::Other, Case::Capital),
    ("gen", Class::Title, Case::Capital),
    ("gov", Class::Title, Case::Capital),
    ("hon", Class::Title, Case::Capital),
    ("i.e", Class::Title, Case::Any),
    ("ill", Class::Other, Case::Capital),
    ("inc", Class::Suffix, Case::Capital),
    ("incl", Class::Other, Case::Any),
    ("ind", Class::Other, Case::Capital),
    ("insp", Class::Title, Case::Capital),
    ("jan", Class::Month, Case::Capital),
    ("jr", Class::Suffix, Case::Capital),
    ("jul", Class::Month, Case::Capital),
    ("jun", Class::Month, Case::Capital),
    ("kan", Class::Other, Case::Capital),
    ("kans", Class::Other, Case::Capital),
    ("ky", Class::Other, Case::Capital),
    ("la", Class::Other, Case::Capital),
    ("llc", Class::Suffix, Case::Capital),
    ("lt", Class::Title, Case::Capital),
    ("ltd", Class::Suffix, Case::Capital),
    ("maj", Class::Title, Case::Capital),
    ("mar", Class::Month, Case::Capital),
    ("mass", Class::Other, Case::Capital),
    ("md", Class::Other, Case::Capital),
    ("messrs", Class::Title, Case::Capital),
    ("mich", Class::Other, Case::Capital),
    ("minn", Class::Other, Case::Capital),
    ("miss", Class::Other, Case::Capital),
    ("mo", Class::Other, Case::Capital),
    ("mon", Class::Weekday, Case::Capital),
    ("mont", Class::Other, Case::Capital),
    ("mr", Class::Title, Case::Capital),
    ("mrs", Class::Title, Case::Capital),
    ("ms", Class::Title, Case::Capital),
    ("msgr", Class::Title, Case::Capital),
    ("mt", Class::Title, Case::Capital),
    ("neb", Class::Other, Case::Capital),
    ("nebr", Class::Other, Case::Capital),
    ("nev", Class::Other, Case::Capital),
    ("no", Class::Suffix, Case::BeforeNumber),
    ("nos", Class::Suffix, Case::BeforeNumber),
    ("nov", Class::Month, Case::Capital),
    ("oct", Class::Month, Case::Capital),
    ("okla", Class::Other, Case::Capital),
    ("ore", Class::Other, Case::Capital),
    ("p.m", Class::Initialism, Case::Any),
    ("pa", Class::Other, Case::Capital),
    ("penn", Class::Other, Case::Capital),
    ("pfc", Class::Title, Case::Capital),
    ("ph.d", Class::Suffix, Case::Capital),
    ("pp", Class::Suffix, Case::BeforeNumber),
    ("pres", Class::Title, Case::Capital),
    ("prof", Class::Title, Case::Capital),
    ("pvt", Class::Title, Case::Capital),
    ("rd", Class::Other, Case::Capital),
    ("rep", Class::Title, Case::Capital),
    ("reps", Class::Title, Case::Capital),
    ("rev", Class::Title, Case::Capital),
    ("sat", Class::Weekday, Case::Capital),
    ("sen", Class::Title, Case::Capital),
    ("sens", Class::Title, Case::Capital),
    ("sep", Class::Month, Case::Capital),
    ("sept", Class::Month, Case::Capital),
    ("sgt", Class::Title, Case::Capital),
    ("sr", Class::Suffix, Case::Capital),
    ("st", Class::Title, Case::Capital),
    ("sun", Class::Weekday, Case::Capital),
    ("supt", Class::Title, Case::Capital),
    ("tenn", Class::Other, Case::Capital),
    ("tex", Class::Other, Case::Capital),
    ("thu", Class::Weekday, Case::Capital),
    ("thur", Class::Weekday, Case::Capital),
    ("thurs", Class::Weekday, Case::Capital),
    ("tue", Class::Weekday, Case::Capital),
    ("tues", Class::Weekday, Case::Capital),
    ("univ", Class::Other, Case::Capital),
    ("v", Class::Title, Case::Any),
    ("va", Class::Other, Case::Capital),
    ("viz", Class::Title, Case::Any),
    ("vol", Class::Suffix, Case::BeforeNumber),
    ("vs", Class::Title, Case::Any),
    ("vt", Class::Other, Case::Capital),
    ("wash", Class::Other, Case::Capital),
    ("wed", Class::Weekday, Case::Capital),
    ("wis", Class::Other, Case::Capital),
    ("wisc", Class::Other, Case::Capital),
    ("wyo", Class::Other, Case::Capital),
];

/// Longest key of [`LEXICON`], in bytes.
const MAX_KEY: usize = 8;

/// The keys of [`LEXICON`] packed into big-endian integers, which sort like the keys.
static KEYS: [u64; LEXICON.len()] = {
    let mut keys = [0u64; LEXICON.len()];
    let mut i = 0;
    while i < LEXICON.len() {
        keys[i] = pack(LEXICON[i].0.as_bytes());
        i += 1;
    }
    keys
};

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
    let i = KEYS.binary_search(&pack(bytes)).ok()?;
    let (_, class, case) = LEXICON.get(i)?;
    Some((*class, *case))
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

/// Capitalized words that commonly start a sentence and rarely follow `U.S.`, `Inc.` or `a.m.`
/// inside one. Sorted (checked by a test).
static STARTERS: &[&str] = &[
    "A",
    "About",
    "According",
    "After",
    "Again",
    "Against",
    "All",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "Another",
    "Any",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Earlier",
    "Even",
    "Every",
    "For",
    "From",
    "Further",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Instead",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "Much",
    "My",
    "Neither",
    "Nevertheless",
    "No",
    "None",
    "Nor",
    "Not",
    "Now",
    "Of",
    "On",
    "Once",
    "One",
    "Only",
    "Or",
    "Other",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Under",
    "Unlike",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Without",
    "Yet",
    "You",
    "Your",
];

/// Whether `word` is a capitalized word that commonly starts a sentence (`The`, `He`, `But`).
pub(crate) fn is_starter(word: &str) -> bool {
    STARTERS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_short() {
        assert!(LEXICON.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(KEYS.windows(2).all(|w| w[0] < w[1]));
        assert!(LEXICON.iter().all(|(k, _, _)| k.len() <= MAX_KEY
            && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'.')));
        assert!(STARTERS.windows(2).all(|w| w[0] < w[1]));
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
