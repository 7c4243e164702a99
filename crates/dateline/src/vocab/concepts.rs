//! The happenings a word can name, as WordNet concepts: what lets "resigned", "stepped down",
//! "quit" and "resignation" meet, or "bought" and "acquisition".
//!
//! Each verb (phrasal verbs with their particle, "step down") and each noun that can name a
//! happening has the concepts of its most frequent senses (their synsets; for a noun also the
//! verbs it derives from, and the verbs it is a nominalization of in any sense, "eruption" of
//! "erupt"; for a verb what it causes, "kill" causing "die"), and apart the broader concepts
//! one step up. The table (`data/wordnet/concepts.tsv`, made by
//! `scripts/wordnet/tables.py`) is read at first use.

use std::sync::LazyLock;

use rustc_hash::{FxBuildHasher, FxHashMap};

/// A part of speech of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Pos {
    Noun,
    Verb,
}

/// The concepts of one lemma: numbers, sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Concepts {
    /// What its senses name.
    pub core: &'static [u32],
    /// One step broader.
    pub broad: &'static [u32],
}

struct Table {
    /// (lemma, part of speech) → range of `core` and of `broad` in `pool`.
    index: FxHashMap<(&'static str, Pos), (u32, u32, u32)>,
    pool: Vec<u32>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let text = include_str!("../../data/wordnet/concepts.tsv");
    let mut index = FxHashMap::with_capacity_and_hasher(34_000, FxBuildHasher);
    let mut pool: Vec<u32> = Vec::with_capacity(400_000);
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let (Some(lemma), Some(pos), Some(core), Some(broad)) =
            (cols.next(), cols.next(), cols.next(), cols.next())
        else {
            continue;
        };
        let pos = if pos == "v" { Pos::Verb } else { Pos::Noun };
        let start = pool.len();
        pool.extend(core.split(' ').filter_map(number));
        let mid = pool.len();
        pool.extend(broad.split(' ').filter_map(number));
        let end = pool.len();
        let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        index.insert((lemma, pos), (at(start), at(mid), at(end)));
    }
    Table { index, pool }
});

/// `n.parse::<u32>().ok()`, the digits of the table's usual numbers (up to nine) read
/// directly: the table has four hundred thousand of them.
fn number(n: &str) -> Option<u32> {
    let b = n.as_bytes();
    if b.is_empty() || b.len() > 9 || !b.iter().all(u8::is_ascii_digit) {
        return n.parse().ok();
    }
    Some(b.iter().fold(0u32, |v, &d| v * 10 + u32::from(d - b'0')))
}

/// The concepts of a lemma as a noun or a verb, if the table has it.
pub(crate) fn of(lemma: &str, pos: Pos) -> Option<Concepts> {
    let table: &'static Table = &TABLE;
    let &(start, mid, end) = table.index.get(&(lemma, pos))?;
    let slice = |a: u32, b: u32| table.pool.get(a as usize..b as usize).unwrap_or_default();
    Some(Concepts {
        core: slice(start, mid),
        broad: slice(mid, end),
    })
}

/// How closely two sets of concepts are related.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kinship {
    /// Nothing in common.
    None,
    /// One names what the other's broader concept names ("bought" and "acquisition"), or both
    /// are kinds of one broader concept ("plunged" and "tumbled", both ways to fall).
    Broad,
    /// They name a concept in common ("resigned" and "stepped down").
    Same,
}

/// Whether two sorted lists share a number.
fn meet(a: &[u32], b: &[u32]) -> bool {
    crate::sorted::common(a, b, 1) > 0
}

/// How closely two words' concepts are related.
pub(crate) fn kinship(a_core: &[u32], a_broad: &[u32], b_core: &[u32], b_broad: &[u32]) -> Kinship {
    if meet(a_core, b_core) {
        Kinship::Same
    } else if meet(a_core, b_broad) || meet(a_broad, b_core) || meet(a_broad, b_broad) {
        Kinship::Broad
    } else {
        Kinship::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kin(a: (&str, Pos), b: (&str, Pos)) -> Kinship {
        let (Some(x), Some(y)) = (of(a.0, a.1), of(b.0, b.1)) else {
            return Kinship::None;
        };
        kinship(x.core, x.broad, y.core, y.broad)
    }

    #[test]
    fn numbers_read_as_parse_reads_them() {
        for n in [
            "",
            "0",
            "7",
            "007",
            "123456789",
            "999999999",
            "1234567890",
            "4294967295",
            "4294967296",
            "+5",
            "-5",
            "1a",
            " 1",
            "٣",
        ] {
            assert_eq!(number(n), n.parse::<u32>().ok(), "{n:?}");
        }
    }

    #[test]
    fn paraphrases_and_nominalizations_meet() {
        use Pos::{Noun, Verb};
        for (a, b, k) in [
            (("resign", Verb), ("step down", Verb), Kinship::Same),
            (("quit", Verb), ("resignation", Noun), Kinship::Same),
            (("die", Verb), ("death", Noun), Kinship::Same),
            (("kill", Verb), ("die", Verb), Kinship::Same),
            (("elect", Verb), ("election", Noun), Kinship::Same),
            (("buy", Verb), ("acquisition", Noun), Kinship::Broad),
            (("eruption", Noun), ("erupt", Verb), Kinship::Same),
            (("hearing", Noun), ("hear", Verb), Kinship::Same),
            (("plunge", Verb), ("tumble", Verb), Kinship::Broad),
            (("meet", Verb), ("meeting", Noun), Kinship::Same),
            (("resign", Verb), ("buy", Verb), Kinship::None),
        ] {
            assert_eq!(kin(a, b), k, "{a:?} {b:?}");
        }
    }
}
