//! The `entity` stage: people, organisations and places, with titles and roles, and the name
//! keys that bring spelling and transliteration variants of one name together.
//!
//! Entry point: [`recognize`]. It needs no model: names are found from capitalization and
//! lexicons that hold general English, not any story's names.
//!
//! - **Places** come from a gazetteer of about 200 countries (with their other names and
//!   demonyms: `Russian` → Russia, `Kenyans` → Kenya, see [`demonym_place`]),
//!   their capitals, some 180 major cities, the US states and world regions (`Sahel`,
//!   `Gaza Strip`, `Middle East`); from place cues (`Al-Aqsa Mosque`, `Republic of …`); and
//!   from context (`in …`, `the city of …`, `…, capital of`).
//! - **Organisations** are runs of capitalized words that end in an organisation cue
//!   (`Ministry`, `Movement`, `Council`, `Party`, `Bureau`, `Office`, `Agency`, `Union`,
//!   `Corp`, `University`, `News` …), acronyms (`UN`, `NATO`), and single names whose
//!   neighbours say so (`the … delegation`, `… officials`, `the group …`).
//! - **People** are name runs with a title (`Russia's Deputy Foreign Minister Mikhail
//!   Orlov`), an honorific (`Mr.`), a lower-case role (`Amal spokesperson Saleh al-Tamimi`),
//!   an appositive role (`the head of the movement's International Relations Office, Musa Abu
//!   Salem`; `Ismail Darwazi, head of the Amal political bureau,`), a common first name, or
//!   two or more name words with no organisation cue.
//! - Sentence-initial words (`During`, `According`) and Title Case headlines do not make
//!   names: a capitalized word at the start of a sentence is a name only if it is known or is
//!   written capitalized elsewhere in the body, and a headline word only if the body writes it
//!   as a name too.
//!
//! Mentions of one entity are grouped within the text: partial names join the fullest name
//! they abbreviate ("Darwazi" joins "Isma'il Darwazi"), spelling variants become aliases. Across
//! texts, compare [`Entity::key`]s with [`NameKey::matches`].
//!
//! Offsets are byte offsets into the text, on character boundaries; a possessive `'s` is not
//! part of a name. The work is linear in the text.

pub(crate) mod fx;
mod gazetteer;
mod key;
pub(crate) mod lexicon;
mod recognize;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use gazetteer::demonym_place;
pub(crate) use gazetteer::is_wide_place;
pub(crate) use key::WordSketch;

use crate::text::Segmented;

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person ("Andrei Kozlov").
    Person,
    /// An organisation, party, movement, ministry, company ("Amal", "the Kenyan Foreign Ministry").
    Organization,
    /// A country, city, region or named site ("Vienna", "the Sahel").
    Place,
}

impl EntityKind {
    /// Its name in the JSON contract: `person`, `organization` or `place`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
        }
    }
}

/// A name as written in one place of a text: `text[start..end]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Mention {
    /// Byte offset of the name.
    pub start: usize,
    /// Byte offset one past the name.
    pub end: usize,
    /// What it names.
    pub kind: EntityKind,
    /// Index into [`Entities::entities`].
    pub entity: usize,
    /// Byte span of the title or role written with it ("Deputy Foreign Minister" in "Russia's
    /// Deputy Foreign Minister Pavel Orlov"), if any.
    pub title: Option<(usize, usize)>,
    /// Index of the sentence ([`Segmented::sentences`]) the mention is in.
    pub sentence: usize,
}

/// One entity of a text: every mention of it, under its fullest name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entity {
    /// What it is.
    pub kind: EntityKind,
    /// The fullest form the text gives ("Musa Abu Salem" rather than "Abu Salem").
    pub name: String,
    /// The folded key of `name`.
    pub key: NameKey,
    /// Other forms the text uses, sorted, without `name`.
    pub aliases: Vec<String>,
    /// Titles and roles the text gives it, in order of first use, without repeats.
    pub roles: Vec<String>,
}

/// The entities of a text and their mentions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entities {
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// Every entity, in order of first mention.
    pub entities: Vec<Entity>,
}

/// A name folded so that spelling and transliteration variants meet: case, diacritics,
/// apostrophes, article prefixes (al-, el-) and common vowel and consonant variants.
///
/// Two keys [`matches`](NameKey::matches) when they name the same entity as far as the names
/// can tell, including a partial name against the full one ("Darwazi" and "Ismail Darwazi").
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct NameKey {
    /// The folded words of the name, in order.
    pub parts: Vec<String>,
}

impl NameKey {
    /// Folds a name: Unicode decomposition without combining marks, lower case, apostrophes
    /// of every form removed, a possessive `'s` dropped, article prefixes (`al-`, `el-`) and a
    /// leading `the` dropped, hyphens split, a leading demonym replaced by its country, and
    /// the usual variants of Arabic and Russian transliteration folded (`ou`/`u`, `q`/`k`,
    /// `-eh`/`-ah`/`-a`, `y`/`i`, doubled letters, and a few first-name variants).
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline::entity::NameKey;
    ///
    /// assert_eq!(NameKey::new("Ḥamās").as_string(), "hamas");
    /// assert_eq!(NameKey::new("Sergey Lavrov"), NameKey::new("Sergei Lavrov"));
    /// assert_eq!(NameKey::new("Moussa Abu Marzouq"), NameKey::new("Musa Abu Marzouk"));
    /// assert_eq!(NameKey::new("Saleh al-Arouri"), NameKey::new("Saleh Aruri"));
    /// assert_eq!(NameKey::new("Russia's"), NameKey::new("Russia"));
    /// ```
    pub fn new(name: &str) -> Self {
        NameKey {
            parts: key::fold(name),
        }
    }

    /// Whether the two keys can name the same entity, as far as names tell.
    ///
    /// Keys of the same length match when each word matches: equal after folding, an
    /// initial of the other, or alike in sound (Double Metaphone) and spelling
    /// (Jaro–Winkler). A shorter key matches a longer one when its last word matches the
    /// longer one's last word (the family name) and its other words match, in order, words
    /// of the longer one: "Darwazi" matches "Ismail Darwazi", "Abu Salem" matches "Musa Abu
    /// Salem", but "Musa" does not match "Musa Abu Zuhri", and "Musa Abu Salem" does not
    /// match "Musa Abu Zuhri".
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline::entity::NameKey;
    ///
    /// let key = |s: &str| NameKey::new(s);
    /// assert!(key("Ismail Haniyeh").matches(&key("Isma'il Haniya")));
    /// assert!(key("Haniya").matches(&key("Ismail Haniyeh")));
    /// assert!(key("Moussa Abu Marzouq").matches(&key("Abu Marzuk")));
    /// assert!(key("Sergei Lavrov").matches(&key("Sergey Lavrov")));
    /// assert!(!key("Musa Abu Marzouk").matches(&key("Musa Abu Zuhri")));
    /// assert!(!key("Musa").matches(&key("Musa Abu Zuhri")));
    /// ```
    pub fn matches(&self, other: &NameKey) -> bool {
        key::parts_match(&self.parts, &other.parts)
    }

    /// A coarse class of the name that every name it [`matches`](Self::matches) shares: the
    /// sound class of the first letter of its last word. Merging compares only mentions whose
    /// names share a class.
    pub fn block(&self) -> u32 {
        let first = self
            .parts
            .last()
            .and_then(|w| w.chars().next())
            .unwrap_or(' ');
        key::initial_class(first)
    }

    /// The folded words joined by single spaces.
    pub fn as_string(&self) -> String {
        self.parts.join(" ")
    }
}

impl Entities {
    /// The entity of mention `mention` (an index into [`Entities::mentions`]).
    pub fn entity_of(&self, mention: usize) -> Option<&Entity> {
        self.mentions
            .get(mention)
            .and_then(|m| self.entities.get(m.entity))
    }

    /// The indexes of the mentions of entity `entity`, in text order.
    pub fn mentions_of(&self, entity: usize) -> impl Iterator<Item = usize> + '_ {
        self.mentions
            .iter()
            .enumerate()
            .filter(move |(_, m)| m.entity == entity)
            .map(|(i, _)| i)
    }
}

/// Whether a name is written as an acronym: two to eight capital letters ("IMF", "CEC").
pub(crate) fn is_acronym(name: &str) -> bool {
    (2..=8).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether `acronym` is made of the initials of the words of `long`, with or without its
/// small words ("International Monetary Fund", "Organisation of the Petroleum Exporting
/// Countries").
pub(crate) fn stands_for(acronym: &str, long: &str) -> bool {
    let words: Vec<&str> = long
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 2 {
        return false;
    }
    let initials = |skip_small: bool| -> String {
        words
            .iter()
            .filter(|w| !(skip_small && w.starts_with(|c: char| c.is_lowercase())))
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect()
    };
    initials(true) == acronym || initials(false) == acronym
}

/// Whether one of two names is an acronym of the other ("IMF", "International Monetary Fund").
pub(crate) fn abbreviates(a: &str, b: &str) -> bool {
    (is_acronym(a) && stands_for(a, b)) || (is_acronym(b) && stands_for(b, a))
}

/// Finds the people, organisations and places of a segmented text, with their titles and
/// roles, and groups their mentions into entities.
///
/// Linear in the length of the text; never panics.
///
/// # Examples
///
/// ```
/// use dateline::entity::{recognize, EntityKind};
/// use dateline::text::segment;
///
/// let text = "Russia's Deputy Foreign Minister Mikhail Bogdanov received a delegation in \
///             Moscow. During the meeting, Hamas spokesperson Saleh al-Arouri thanked Bogdanov.";
/// let found = recognize(text, &segment(text));
///
/// let bogdanov = found.entities.iter().find(|e| e.name == "Mikhail Bogdanov").unwrap();
/// assert_eq!(bogdanov.kind, EntityKind::Person);
/// assert_eq!(bogdanov.roles, ["Deputy Foreign Minister"]);
///
/// let arouri = found.entities.iter().find(|e| e.name == "Saleh al-Arouri").unwrap();
/// assert_eq!(arouri.roles, ["spokesperson"]);
///
/// let kind_of = |name: &str| found.entities.iter().find(|e| e.name == name).map(|e| e.kind);
/// assert_eq!(kind_of("Russia"), Some(EntityKind::Place));
/// assert_eq!(kind_of("Moscow"), Some(EntityKind::Place));
/// assert_eq!(kind_of("Hamas"), Some(EntityKind::Organization));
/// assert_eq!(kind_of("During"), None);
///
/// // "Bogdanov" alone is the same person.
/// let m = found.mentions.iter().position(|m| &text[m.start..m.end] == "Bogdanov").unwrap();
/// assert_eq!(found.entity_of(m).unwrap().name, "Mikhail Bogdanov");
/// ```
pub fn recognize(text: &str, segmented: &Segmented) -> Entities {
    recognize::recognize(text, segmented)
}
