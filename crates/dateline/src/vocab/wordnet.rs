//! What WordNet 3.0 says of an English word: its parts of speech, the lexicographer files
//! ("noun.event", "verb.communication") of its senses, and its lemma.
//!
//! The tables (`data/wordnet/*.tsv`, made by `scripts/wordnet/tables.py`) are compiled into the
//! crate and read into hash tables at first use. Words are looked up lower-case.

use std::cell::RefCell;
use std::sync::LazyLock;

use rustc_hash::{FxBuildHasher, FxHashMap};

/// The lexicographer files of WordNet 3.0, in its numbering: a sense's file is its coarse kind.
pub(crate) const LEXFILES: [&str; 45] = [
    "adj.all",
    "adj.pert",
    "adv.all",
    "noun.Tops",
    "noun.act",
    "noun.animal",
    "noun.artifact",
    "noun.attribute",
    "noun.body",
    "noun.cognition",
    "noun.communication",
    "noun.event",
    "noun.feeling",
    "noun.food",
    "noun.group",
    "noun.location",
    "noun.motive",
    "noun.object",
    "noun.person",
    "noun.phenomenon",
    "noun.plant",
    "noun.possession",
    "noun.process",
    "noun.quantity",
    "noun.relation",
    "noun.shape",
    "noun.state",
    "noun.substance",
    "noun.time",
    "verb.body",
    "verb.change",
    "verb.cognition",
    "verb.communication",
    "verb.competition",
    "verb.consumption",
    "verb.contact",
    "verb.creation",
    "verb.emotion",
    "verb.motion",
    "verb.perception",
    "verb.possession",
    "verb.social",
    "verb.stative",
    "verb.weather",
    "adj.ppl",
];

/// A lexicographer file, as its index in [`LEXFILES`].
pub(crate) type LexFile = u8;

/// What the table knows of one lemma.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordSenses {
    /// The files of its noun senses, as bits of their [`LEXFILES`] index.
    pub noun: u64,
    /// The files of its verb senses, likewise.
    pub verb: u64,
    /// The file of its most frequent noun sense.
    pub first_noun: Option<LexFile>,
    /// The file of its most frequent verb sense.
    pub first_verb: Option<LexFile>,
    /// Whether it is an adjective.
    pub adjective: bool,
}

impl WordSenses {
    /// Whether some noun sense is in `file` (a [`LEXFILES`] name).
    pub(crate) fn noun_in(&self, file: &str) -> bool {
        lexfile(file).is_some_and(|f| self.noun >> f & 1 == 1)
    }
}

/// The index of a lexicographer file's name.
pub(crate) fn lexfile(name: &str) -> Option<LexFile> {
    LEXFILES
        .iter()
        .position(|&f| f == name)
        .and_then(|i| LexFile::try_from(i).ok())
}

/// A part of speech of the inflection table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Pos {
    Noun,
    Verb,
    Adjective,
}

struct Tables {
    words: FxHashMap<&'static str, WordSenses>,
    /// Irregular forms: (form, part of speech) → lemma.
    inflections: FxHashMap<(&'static str, Pos), &'static str>,
}

static WORDS: &str = include_str!("../../data/wordnet/words.tsv");
static INFLECTIONS: &str = include_str!("../../data/wordnet/inflections.tsv");

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    // The index of each file name after its prefix ("act" of "noun.act"), the first where two
    // are the same: looked up once per sense of fifty thousand words.
    let files_of = |prefix: &str| {
        let mut files: FxHashMap<&'static str, LexFile> = FxHashMap::default();
        for (i, l) in LEXFILES.iter().enumerate() {
            if let (Some(name), Ok(f)) = (l.strip_prefix(prefix), LexFile::try_from(i)) {
                files.entry(name).or_insert(f);
            }
        }
        files
    };
    let (noun_files, verb_files) = (files_of("noun."), files_of("verb."));
    let mut words = FxHashMap::with_capacity_and_hasher(50_000, FxBuildHasher);
    for line in WORDS.lines().filter(|l| !l.starts_with('#')) {
        let Some((word, cols)) = line.split_once('\t') else {
            continue;
        };
        let mut senses = WordSenses::default();
        for col in cols.split(' ') {
            let (pos, files) = col.split_once(':').unwrap_or((col, ""));
            let of_pos = match pos {
                "n" => &noun_files,
                "v" => &verb_files,
                _ => {
                    senses.adjective = true;
                    continue;
                }
            };
            for (k, file) in files.split(',').enumerate() {
                let Some(&f) = of_pos.get(file) else {
                    continue;
                };
                if pos == "n" {
                    senses.noun |= 1 << f;
                    if k == 0 {
                        senses.first_noun = Some(f);
                    }
                } else {
                    senses.verb |= 1 << f;
                    if k == 0 {
                        senses.first_verb = Some(f);
                    }
                }
            }
        }
        words.insert(word, senses);
    }
    let mut inflections = FxHashMap::with_capacity_and_hasher(6_000, FxBuildHasher);
    for line in INFLECTIONS.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let (Some(form), Some(pos), Some(lemma)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let pos = match pos {
            "n" => Pos::Noun,
            "v" => Pos::Verb,
            _ => Pos::Adjective,
        };
        inflections.insert((form, pos), lemma);
    }
    Tables { words, inflections }
});

/// The senses of a lemma (lower-case), if WordNet has it as a verb, an adjective or a noun of
/// some eventive kind (act, event, process, state...). Nouns that are only things, people,
/// places or substances are left out of the table: they read as unknown words.
pub(crate) fn senses(lemma: &str) -> Option<WordSenses> {
    TABLES.words.get(lemma).copied()
}

/// The lemmas of a lower-case word form as a verb and as a noun, WordNet's "morphy" way: an
/// irregular form from the exception lists, else the first suffix rule whose result is in the
/// table. `None` where no rule gives a known lemma.
pub(crate) fn lemmas(word: &str) -> (Option<&'static str>, Option<&'static str>) {
    // Words repeat (Zipf): one look-up in a per-thread memo replaces the half-dozen of the
    // morphy rules. The memo is emptied when full, so memory stays bounded on any input.
    const MEMO_CAP: usize = 1 << 16;
    type Memo = FxHashMap<Box<str>, (Option<&'static str>, Option<&'static str>)>;
    thread_local! {
        static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
    }
    let compute = || (lemma_as(word, Pos::Verb), lemma_as(word, Pos::Noun));
    if word.len() > 32 {
        return compute();
    }
    MEMO.with(|memo| {
        let Ok(mut memo) = memo.try_borrow_mut() else {
            return compute();
        };
        if let Some(&hit) = memo.get(word) {
            return hit;
        }
        if memo.len() >= MEMO_CAP {
            memo.clear();
        }
        let found = compute();
        memo.insert(word.into(), found);
        found
    })
}

/// Suffix rules of morphy: (ending, replacement).
const NOUN_RULES: [(&str, &str); 8] = [
    ("s", ""),
    ("ses", "s"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("ies", "y"),
];
const VERB_RULES: [(&str, &str); 8] = [
    ("s", ""),
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
];

fn lemma_as(word: &str, pos: Pos) -> Option<&'static str> {
    let t: &'static Tables = &TABLES;
    if let Some(&lemma) = t.inflections.get(&(word, pos)) {
        return Some(lemma);
    }
    let known = |w: &str| {
        t.words.get(w).is_some_and(|s| match pos {
            Pos::Noun => s.noun != 0,
            Pos::Verb => s.verb != 0,
            Pos::Adjective => s.adjective,
        })
    };
    if let Some((&key, _)) = t.words.get_key_value(word) {
        if known(word) {
            return Some(key);
        }
    }
    let rules: &[(&str, &str)] = match pos {
        Pos::Noun => &NOUN_RULES,
        Pos::Verb => &VERB_RULES,
        Pos::Adjective => &[],
    };
    let mut buf = String::new();
    for &(end, with) in rules {
        let Some(stem) = word.strip_suffix(end) else {
            continue;
        };
        if stem.len() < 2 {
            continue;
        }
        buf.clear();
        buf.push_str(stem);
        buf.push_str(with);
        if let Some((&key, _)) = t.words.get_key_value(buf.as_str()) {
            if known(key) {
                return Some(key);
            }
        }
        // "stopped", "planning": a doubled final consonant.
        let b = stem.as_bytes();
        if with.is_empty()
            && matches!(end, "ed" | "ing")
            && b.len() >= 3
            && b[b.len() - 1] == b[b.len() - 2]
        {
            let single = &stem[..stem.len() - 1];
            if let Some((&key, _)) = t.words.get_key_value(single) {
                if known(key) {
                    return Some(key);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemmas_of_regular_and_irregular_forms() {
        for (word, verb, noun) in [
            ("met", Some("meet"), None),
            ("said", Some("say"), None),
            ("states", Some("state"), Some("state")),
            ("resigned", Some("resign"), None),
            ("stopped", Some("stop"), None),
            ("planning", Some("plan"), Some("planning")),
            ("talks", Some("talk"), Some("talks")),
            ("elections", None, Some("election")),
            ("died", Some("die"), None),
            ("fires", Some("fire"), Some("fire")),
            ("xyzzyed", None, None),
        ] {
            assert_eq!(lemmas(word), (verb, noun), "{word}");
        }
    }

    #[test]
    fn senses_name_their_files() {
        let fire = senses("fire").unwrap_or_default();
        assert!(fire.noun_in("noun.event"));
        assert!(fire.verb != 0);
        assert_eq!(fire.first_noun, lexfile("noun.event"));
        let say = senses("say").unwrap_or_default();
        assert_eq!(say.first_verb, lexfile("verb.communication"));
        // Nouns that are only things are not in the table.
        assert_eq!(senses("aardvark"), None);
        assert_eq!(lexfile("noun.none"), None);
    }
}
