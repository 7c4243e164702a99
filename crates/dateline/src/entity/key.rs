//! Name folding and matching: the machinery behind [`NameKey`](super::NameKey).
//!
//! A name is folded word by word: Unicode compatibility decomposition with the combining marks
//! dropped (`Ḥamās` → `hamas`), lower case, apostrophes of every form removed (`Isma’il` →
//! `ismail`), a final possessive `’s` dropped, article prefixes (`al-`, `el-`) and a leading
//! `the` dropped, hyphens split, a leading demonym replaced by its country
//! (`Kenyan Foreign Ministry` → `kenya foreign ministry`), and the spelling variants of
//! Arabic and Russian transliteration brought together: `x` → `ks`, `ph` → `f`, `q` → `k`,
//! `o` → `u` (so `ou`, `oo` → `u`), word-initial `ye` → `e`, `y` → `i` unless a vowel follows,
//! doubled letters → one, a final `-eh`/`-ah` → `-a`, and a small table of first-name variants
//! (`Mohammed`/`Muhammad`, `Ahmed`/`Ahmad`, `Youssef`/`Yusuf` …).
//!
//! Two folded words are the same when they are equal, when one is the other's initial, or when
//! they sound alike (equal Double Metaphone codes, from `rphonetic`) and are spelt alike
//! (Jaro–Winkler similarity ≥ 0.8, from `strsim`), or are long and nearly identical
//! (Jaro–Winkler ≥ 0.94).

use std::sync::LazyLock;

use rphonetic::DoubleMetaphone;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::gazetteer;

/// Apostrophe-like characters that transliterations use for ʿayn, hamza and the possessive.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '’' | '‘' | 'ʼ' | 'ʿ' | 'ʾ' | '`' | '´' | '′' | 'ʻ' | 'ʹ'
    )
}

/// First-name variants that folding alone does not bring together, after folding.
const VARIANTS: &[(&str, &str)] = &[
    ("muhamed", "muhamad"),
    ("mahamed", "muhamad"),
    ("mahamad", "muhamad"),
    ("muhamat", "muhamad"),
    ("ahmed", "ahmad"),
    ("yusef", "yusuf"),
    ("yusif", "yusuf"),
    ("abdel", "abdul"),
    ("abdal", "abdul"),
    ("husein", "husain"),
    ("hasain", "husain"),
    ("khaled", "khalid"),
    ("aleksander", "aleksandr"),
    ("ismael", "ismail"),
    ("esmail", "ismail"),
    ("ebrahim", "ibrahim"),
    ("yasir", "yaser"),
    ("evgenii", "evgeni"),
    ("iuri", "yuri"),
    ("iurii", "yuri"),
];

/// Folds one lower-case ASCII word (see the module docs).
fn transliterate(word: String) -> String {
    let mut s: Vec<u8> = word.into_bytes();
    if s.contains(&b'x') {
        let mut t = Vec::with_capacity(s.len() + 2);
        for &c in &s {
            if c == b'x' {
                t.extend_from_slice(b"ks");
            } else {
                t.push(c);
            }
        }
        s = t;
    }
    // In place: every rewrite below keeps or shortens the word.
    let (mut r, mut w) = (0, 0);
    while r < s.len() {
        let c = s[r];
        let next = s.get(r + 1).copied();
        let (out, skip) = match (c, next) {
            (b'p', Some(b'h')) => (b'f', 2),
            (b'c', Some(b'k')) => (b'k', 2),
            (b'q', _) => (b'k', 1),
            (b'o', _) => (b'u', 1),
            _ => (c, 1),
        };
        s[w] = out;
        w += 1;
        r += skip;
    }
    s.truncate(w);
    // Word-initial "ye" before a consonant: Yevgeny / Evgeny, Yelena / Elena.
    if s.len() > 3 && s[0] == b'y' && s[1] == b'e' && !is_vowel(s[2]) {
        s.remove(0);
    }
    // "y" → "i" unless a vowel follows: Sergey → sergei, Husayn → husain, Dmitry → dmitri.
    for i in 0..s.len() {
        if s[i] == b'y' && i > 0 && !s.get(i + 1).copied().is_some_and(is_vowel) {
            s[i] = b'i';
        }
    }
    s.dedup();
    if s.len() > 3 && (s.ends_with(b"eh") || s.ends_with(b"ah")) {
        s.truncate(s.len() - 2);
        s.push(b'a');
    }
    match VARIANTS
        .iter()
        .find(|(from, _)| from.as_bytes() == s.as_slice())
    {
        Some((_, to)) => (*to).to_owned(),
        None => String::from_utf8(s).unwrap_or_default(),
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Ends the word being read: drops a possessive "'s" (an apostrophe right before a final
/// "s") and keeps the word if anything is left.
fn end_word(cur: &mut String, words: &mut Vec<String>, apostrophe_at: Option<usize>) {
    if apostrophe_at.is_some_and(|a| a > 0 && a + 1 == cur.len()) && cur.ends_with('s') {
        cur.pop();
    }
    if !cur.is_empty() {
        let cap = cur.capacity();
        words.push(std::mem::replace(cur, String::with_capacity(cap)));
    }
}

/// Folds a name into its key words (see the module docs).
pub(crate) fn fold(name: &str) -> Vec<String> {
    // Decompose, drop marks, lower-case; apostrophes and periods vanish, other
    // non-alphanumerics split words, and a final possessive "'s" is dropped.
    let mut words: Vec<String> = Vec::with_capacity(4);
    let mut cur = String::with_capacity(name.len());
    let mut apostrophe_at: Option<usize> = None;
    if name.is_ascii() {
        // Most names: byte by byte, as the general path below would read them.
        for &b in name.as_bytes() {
            match b {
                b'\'' | b'`' => apostrophe_at = Some(cur.len()),
                b'.' => {}
                _ if b.is_ascii_alphanumeric() => cur.push(char::from(b.to_ascii_lowercase())),
                _ => end_word(&mut cur, &mut words, apostrophe_at.take()),
            }
        }
    } else {
        for c in name.nfkd() {
            if is_combining_mark(c) {
                continue;
            }
            if is_apostrophe(c) {
                apostrophe_at = Some(cur.len());
            } else if c == '.' {
                // U.S. → us
            } else if c.is_alphanumeric() {
                if c.is_ascii() {
                    cur.push(c.to_ascii_lowercase());
                } else {
                    cur.extend(c.to_lowercase());
                }
            } else {
                end_word(&mut cur, &mut words, apostrophe_at.take());
            }
        }
    }
    end_word(&mut cur, &mut words, apostrophe_at);
    // Article prefixes and a leading "the".
    let article = |w: &String| matches!(w.as_str(), "al" | "el" | "ul");
    if words.iter().any(|w| !article(w)) {
        words.retain(|w| !article(w));
    }
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    // A leading demonym names its country: "Kenyan Foreign Ministry" ~ "Kenya's Foreign Ministry".
    if let Some(first) = words.first() {
        if let Some(place) = gazetteer::lookup(first).filter(|p| p.demonym) {
            let replacement: Vec<String> = place
                .canonical
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
            words.splice(0..1, replacement);
        }
    }
    words
        .into_iter()
        .map(|w| {
            if w.bytes().all(|b| b.is_ascii_lowercase()) {
                transliterate(w)
            } else {
                w
            }
        })
        .filter(|w| !w.is_empty())
        .collect()
}

static METAPHONE: LazyLock<DoubleMetaphone> = LazyLock::new(|| DoubleMetaphone::new(None));

/// Whether two folded words are the same name (see the module docs).
pub(crate) fn word_eq(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (Some(fa), Some(fb)) = (a.chars().next(), b.chars().next()) else {
        return false;
    };
    if !alike_initials(fa, fb) {
        return false;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la == 1 || lb == 1 {
        return a.chars().next() == b.chars().next();
    }
    if la < 3 || lb < 3 || la.abs_diff(lb) > 3 {
        return false;
    }
    if a.is_ascii() && b.is_ascii() && !enough_common_letters(a.as_bytes(), b.as_bytes()) {
        return false;
    }
    let jw = strsim::jaro_winkler(a, b);
    if jw >= 0.94 && la >= 6 && lb >= 6 {
        return true;
    }
    if jw < 0.8 || !a.is_ascii() || !b.is_ascii() {
        return false;
    }
    let (ma, mb) = (METAPHONE.double_metaphone(a), METAPHONE.double_metaphone(b));
    let (pa, aa, pb, ab) = (ma.primary(), ma.alternate(), mb.primary(), mb.alternate());
    !pa.is_empty() && (pa == pb || pa == ab || aa == pb)
}

/// Whether two ASCII words share enough letters for a Jaro–Winkler similarity of 0.8, the
/// least [`word_eq`] accepts: most pairs of different names fail this count, which is cheaper
/// than the similarity (and its allocation).
///
/// Jaro's matching characters are at most the letters the words share (counted with
/// multiplicity), `common`, so Jaro ≤ (common/|a| + common/|b| + 1) / 3, and Jaro–Winkler ≤
/// 0.6 · Jaro + 0.4 (a common prefix of at most 4). Jaro–Winkler ≥ 0.8 needs Jaro ≥ 2/3,
/// so common/|a| + common/|b| ≥ 1.
fn enough_common_letters(a: &[u8], b: &[u8]) -> bool {
    let mut counts = [0i16; 128];
    for &c in a {
        counts[usize::from(c & 0x7f)] += 1;
    }
    let mut common = 0usize;
    for &c in b {
        let n = &mut counts[usize::from(c & 0x7f)];
        if *n > 0 {
            *n -= 1;
            common += 1;
        }
    }
    // common/|a| + common/|b| ≥ 1, in integers.
    common * (a.len() + b.len()) >= a.len() * b.len()
}

/// What [`word_eq`] needs of a word to rule most pairs out without reading either word: a
/// hash for equality, the first letter, the length, and for an ASCII word its letters counted
/// in 32 bins. A merge asks whether two names match millions of times; this answers most of
/// the pairs that do not from a few dozen bytes per name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordSketch {
    hash: u64,
    first: Option<char>,
    len: usize,
    /// Byte counts by `byte & 31` (an ASCII word of at most 255 bytes only).
    bins: Option<[u8; 32]>,
}

impl WordSketch {
    pub(crate) fn of(word: &str) -> Self {
        let bins = (word.is_ascii() && word.len() <= usize::from(u8::MAX)).then(|| {
            let mut bins = [0u8; 32];
            for b in word.bytes() {
                let bin = &mut bins[usize::from(b & 31)];
                *bin = bin.saturating_add(1);
            }
            bins
        });
        WordSketch {
            hash: super::fx::hash_str(word),
            first: word.chars().next(),
            len: word.chars().count(),
            bins,
        }
    }

    /// `false` only where [`word_eq`] is `false` for the two words: its tests in its order,
    /// with the letters counted by bin (two bins' letters in common are at least the letters
    /// in common of each, so a pair whose bins share too few shares too few letters).
    pub(crate) fn may_eq(&self, other: &WordSketch) -> bool {
        if self.hash == other.hash {
            return true;
        }
        let (Some(fa), Some(fb)) = (self.first, other.first) else {
            return false;
        };
        if !alike_initials(fa, fb) {
            return false;
        }
        let (la, lb) = (self.len, other.len);
        if la == 1 || lb == 1 {
            return fa == fb;
        }
        if la < 3 || lb < 3 || la.abs_diff(lb) > 3 {
            return false;
        }
        match (&self.bins, &other.bins) {
            (Some(x), Some(y)) => {
                let common: usize = x.iter().zip(y).map(|(&p, &q)| usize::from(p.min(q))).sum();
                common * (la + lb) >= la * lb
            }
            _ => true,
        }
    }
}

/// Whether two first letters can begin spellings of one name (a vowel for a vowel, `k` for
/// `g` or `c`, `s` for `z` …).
fn alike_initials(a: char, b: char) -> bool {
    a == b || CLASSES.iter().any(|c| c.contains(a) && c.contains(b))
}

const CLASSES: [&str; 5] = ["aeiouy", "ckgqj", "szcx", "fvpw", "td"];

/// A number shared by every pair of letters [`alike_initials`] accepts: the classes that
/// share a letter ("c") count as one.
pub(crate) fn initial_class(c: char) -> u32 {
    match c {
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' => 0,
        'c' | 'k' | 'g' | 'q' | 'j' | 's' | 'z' | 'x' => 1,
        'f' | 'v' | 'p' | 'w' => 2,
        't' | 'd' => 3,
        other => 16 + u32::from(other),
    }
}

/// Whether two folded names can name the same entity (see [`NameKey::matches`]).
///
/// [`NameKey::matches`]: super::NameKey::matches
pub(crate) fn parts_match(x: &[String], y: &[String]) -> bool {
    let (a, b) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    let (Some(a_last), Some(b_last)) = (a.last(), b.last()) else {
        return false;
    };
    if a.len() == b.len() {
        return word_eq(a_last, b_last) && a.iter().zip(b).all(|(p, q)| word_eq(p, q));
    }
    // A partial name: its last word is the family name, and it must be the full name's last.
    if a_last.chars().count() < 2 || !word_eq(a_last, b_last) {
        return false;
    }
    let mut j = 0;
    let rest = &b[..b.len() - 1];
    'words: for w in &a[..a.len() - 1] {
        while j < rest.len() {
            j += 1;
            if word_eq(w, &rest[j - 1]) {
                continue 'words;
            }
        }
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_letter_count_never_rejects_a_pair_jaro_winkler_accepts(
            a in "[a-f]{1,12}",
            b in "[a-f]{1,12}",
        ) {
            if strsim::jaro_winkler(&a, &b) >= 0.8 {
                proptest::prop_assert!(enough_common_letters(a.as_bytes(), b.as_bytes()));
            }
        }
    }

    proptest::proptest! {
        /// The ASCII fast path folds as the general path does: a trailing combining mark
        /// sends the same name down the general path and is dropped there.
        #[test]
        fn ascii_names_fold_as_the_general_path_folds_them(name in "[ -~]{0,30}") {
            proptest::prop_assert_eq!(fold(&name), fold(&format!("{name}\u{301}")));
        }
    }

    proptest::proptest! {
        /// The sketch rules out no pair of words that are the same name.
        #[test]
        fn sketches_never_rule_out_words_that_are_equal(
            a in "[a-fsz'é]{0,9}",
            b in "[a-fsz'é]{0,9}",
        ) {
            if word_eq(&a, &b) {
                proptest::prop_assert!(WordSketch::of(&a).may_eq(&WordSketch::of(&b)));
            }
        }
    }

    #[test]
    fn sketches_rule_out_most_different_names() {
        let sketch = |w: &str| WordSketch::of(w);
        for (a, b) in [
            ("varkov", "varkov"),
            ("hadiyeh", "hadiya"),
            ("j", "johnson"),
            ("smith", "smyth"),
        ] {
            assert!(word_eq(a, b), "{a} {b}");
            assert!(sketch(a).may_eq(&sketch(b)), "{a} {b}");
        }
        assert!(!sketch("smith").may_eq(&sketch("cohen")));
        assert!(!sketch("kim").may_eq(&sketch("kowalczyk")));
    }

    #[test]
    fn the_letter_count_rejects_names_without_letters_in_common() {
        assert!(!enough_common_letters(b"smith", b"cohen"));
        assert!(enough_common_letters(b"smith", b"smyth"));
    }

    #[test]
    fn alike_initials_share_a_class() {
        let letters: Vec<char> = ('a'..='z').chain("éøß".chars()).collect();
        for &a in &letters {
            for &b in &letters {
                if alike_initials(a, b) {
                    assert_eq!(initial_class(a), initial_class(b), "{a} {b}");
                }
            }
        }
        assert_ne!(initial_class('l'), initial_class('m'));
    }
}
