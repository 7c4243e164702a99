//! Word classes that names, titles and roles are recognized by: one hash lookup per word, on a
//! lower-cased key, gives a set of flags.
//!
//! The lists, in `data/lexicon/entity.txt`, are general English (and common transliterated first
//! names); nothing in them is specific to a story.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::fx::{hash_str, FxBuild};
use crate::vocab::lists::entries;

/// Heads of titles and roles: "Minister", "spokesperson", "head", "CEO".
pub(crate) const TITLE: u32 = 1;
/// Words that modify a title: "Deputy", "Foreign", "Prime", "former".
pub(crate) const TITLE_MOD: u32 = 1 << 1;
/// Honorifics that mark a person but are not roles: "Mr", "Mrs", "Ms".
pub(crate) const HONORIFIC: u32 = 1 << 2;
/// Capitalized last words of organisation names: "Ministry", "Council", "Party".
pub(crate) const ORG_CUE: u32 = 1 << 3;
/// Capitalized last words of place names: "Mosque", "Square", "Airport".
pub(crate) const PLACE_CUE: u32 = 1 << 4;
/// Function words and sentence adverbs: never start a name.
pub(crate) const FUNCTION: u32 = 1 << 5;
/// Common first names.
pub(crate) const FIRST_NAME: u32 = 1 << 6;
/// Capitalized words that name no entity: days, months, religions, holidays, page furniture.
pub(crate) const NON_ENTITY: u32 = 1 << 7;
/// Name particles: "al", "el", "bin", "van", "de".
pub(crate) const PARTICLE: u32 = 1 << 8;
/// Nouns that, right after a name, show it is an organisation: "delegation", "officials".
pub(crate) const ORG_AFTER: u32 = 1 << 9;
/// Nouns that, right before a name, show it is an organisation: "group", "movement".
pub(crate) const ORG_BEFORE: u32 = 1 << 10;
/// Verbs of saying: a name before them is more likely a person.
pub(crate) const SPEECH: u32 = 1 << 11;
/// Prepositions before a place: "in", "near".
pub(crate) const PLACE_PREP: u32 = 1 << 12;
/// Determiners and possessive pronouns before a role: "the", "his", "its".
pub(crate) const DET: u32 = 1 << 13;
/// Prepositions that open a role's complement: "of", "to", "for".
pub(crate) const ROLE_PREP: u32 = 1 << 14;
/// Lower-case organisation nouns after a demonym: "Russian foreign ministry".
pub(crate) const LC_ORG: u32 = 1 << 15;
/// Words whose name-run continues over "of" ("Republic of", "Bank of"); set with the cue.
pub(crate) const TAKES_OF: u32 = 1 << 16;
/// Place nouns: "city", "town", "capital" before a name show it is a place.
pub(crate) const PLACE_NOUN: u32 = 1 << 17;
/// Direction words that join a following place: "East Berlin", "Northern Iraq".
pub(crate) const DIRECTION: u32 = 1 << 18;
/// Weak place prepositions: "to", "from".
pub(crate) const PLACE_PREP_WEAK: u32 = 1 << 19;

/// Particles of the lexicon that also join the next word across a space when written in
/// lower case ("bin Laden", "von der Leyen"): `spaced` in the data file.
pub(crate) const PARTICLE_SPACED: u32 = 1 << 20;

/// The word classes, one section each, in `data/lexicon/entity.txt`.
const FILE: &str = "lexicon/entity.txt";
const TEXT: &str = include_str!("../../data/lexicon/entity.txt");

/// The flag of each section of the file.
const SECTIONS: [(&str, u32); 20] = [
    ("title", TITLE),
    ("title_mod", TITLE_MOD),
    ("honorific", HONORIFIC),
    ("org_cue", ORG_CUE),
    ("place_cue", PLACE_CUE),
    ("function", FUNCTION),
    ("non_entity", NON_ENTITY),
    ("first_name", FIRST_NAME),
    ("particle", PARTICLE),
    ("org_after", ORG_AFTER),
    ("org_before", ORG_BEFORE),
    ("speech", SPEECH),
    ("place_prep", PLACE_PREP),
    ("place_prep_weak", PLACE_PREP_WEAK),
    ("det", DET),
    ("role_prep", ROLE_PREP),
    ("lc_org", LC_ORG),
    ("place_noun", PLACE_NOUN),
    ("direction", DIRECTION),
    ("takes_of", TAKES_OF),
];

struct Lexicon {
    /// Word hash ([`hash_str`] of the lower-cased word) → flags.
    flags: HashMap<u64, u32, FxBuild>,
    /// Surname endings, in the file's order.
    endings: Vec<&'static str>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lexicon = Lexicon {
        flags: HashMap::with_capacity_and_hasher(2500, FxBuild),
        endings: Vec::new(),
    };
    for e in entries(TEXT) {
        if e.section == "surname_ending" {
            lexicon.endings.push(e.word);
            continue;
        }
        let Some(&(_, flag)) = SECTIONS.iter().find(|s| s.0 == e.section) else {
            e.bad(FILE, "unknown section")
        };
        let flag = match e.field(0) {
            None => flag,
            Some("spaced") if flag == PARTICLE => flag | PARTICLE_SPACED,
            Some(_) => e.bad(FILE, "unknown field"),
        };
        *lexicon.flags.entry(hash_str(e.word)).or_insert(0) |= flag;
    }
    for word in crate::vocab::calendar::calendar_names() {
        *lexicon.flags.entry(hash_str(word)).or_insert(0) |= NON_ENTITY;
    }
    lexicon
});

/// The flags of a word by its [`hash_str`].
#[inline]
pub(crate) fn flags_of_hash(hash: u64) -> u32 {
    LEXICON.flags.get(&hash).copied().unwrap_or(0)
}

/// Whether a lower-cased word names a kind of place ("village", "town", "port"): "the village
/// of Pontyr" places what happens there.
pub(crate) fn is_place_noun(lower: &str) -> bool {
    flags_of_hash(super::fx::hash_str(lower)) & PLACE_NOUN != 0
}

/// Whether a lower-cased word ends like a family name in a common pattern (Slavic -ov, -enko,
/// -sky; Georgian -shvili; Armenian -yan; Turkish -oglu …).
pub(crate) fn surname_like(lower: &str) -> bool {
    lower.chars().count() >= 4 && LEXICON.endings.iter().any(|e| lower.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::lists::problems;

    #[test]
    fn data_file_parses() {
        let mut sections: Vec<&str> = SECTIONS.iter().map(|s| s.0).collect();
        sections.push("surname_ending");
        let p = problems(TEXT, &sections, true);
        assert!(p.is_empty(), "data/{FILE}: {p:?}");
        // Building the table panics on a section or field it does not know.
        assert!(LEXICON.flags.len() > 1500);
        assert_eq!(LEXICON.endings.first(), Some(&"ov"));
        let f = |w: &str| flags_of_hash(hash_str(w));
        assert_eq!(
            f("bin") & (PARTICLE | PARTICLE_SPACED),
            PARTICLE | PARTICLE_SPACED
        );
        assert_eq!(f("abu") & (PARTICLE | PARTICLE_SPACED), PARTICLE);
        assert_ne!(f("minister") & TITLE, 0);
        assert_ne!(f("republic") & TAKES_OF, 0);
        assert!(surname_like("ivanov") && !surname_like("ov"));
        for w in ["march", "sept", "thursday"] {
            assert_ne!(f(w) & NON_ENTITY, 0, "{w}");
        }
        assert_eq!(f("thu") & NON_ENTITY, 0);
    }
}
