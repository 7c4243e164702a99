//! A general gazetteer: countries (with their other names, demonyms and capitals), major world
//! cities, US states and world regions.
//!
//! The data (`data/lexicon/gazetteer.txt`) is text parsed once into a hash map from the lower-cased name (words joined
//! by single spaces, hyphens kept) to the place it names. Nothing here is specific to any story.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::fx::{hash_str, FxBuild};
use crate::vocab::lists::entries;

/// The gazetteer's data: sections `country`, `city`, `state`, `region` and `personal`.
const FILE: &str = "lexicon/gazetteer.txt";
const TEXT: &str = include_str!("../../data/lexicon/gazetteer.txt");

/// Place names that are also common first names (lower-case): followed by a capitalized word,
/// they start a person's name rather than name a place ("Jordan Peterson").
pub(crate) static PERSONAL: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    entries(TEXT)
        .filter(|e| e.section == "personal")
        .map(|e| e.word)
        .collect()
});

/// What kind of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceKind {
    Country,
    City,
    State,
    Region,
}

/// One gazetteer entry as a name or demonym reaches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    /// The canonical name ("United States" for "U.S.", "Russia" for "Russian").
    pub canonical: &'static str,
    /// What kind of place.
    pub kind: PlaceKind,
    /// Whether the entry is a demonym ("Russian") rather than a name.
    pub demonym: bool,
}

/// The gazetteer: lower-cased name → place, and the most words any name has.
pub(crate) struct Gazetteer {
    pub names: HashMap<String, Place, FxBuild>,
    /// [`hash_str`] of the first word of each name (a final period dropped) → the most words
    /// a name starting with it has.
    pub starts: HashMap<u64, u8, FxBuild>,
}

fn key_of(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn add(g: &mut Gazetteer, name: &str, place: Place) {
    let key = key_of(name);
    if key.is_empty() {
        return;
    }
    let words = key.split(' ').count();
    if let Some(first) = key.split(' ').next() {
        let first = if first.len() > 1 {
            first.strip_suffix('.').unwrap_or(first)
        } else {
            first
        };
        let e = g.starts.entry(hash_str(first)).or_insert(1);
        *e = (*e).max(words.min(8) as u8);
    }
    // The first entry wins: a country's name over a city's of the same spelling.
    g.names.entry(key).or_insert(place);
}

/// The gazetteer, built on first use.
pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut g = Gazetteer {
        names: HashMap::with_capacity_and_hasher(1400, FxBuild),
        starts: HashMap::with_capacity_and_hasher(1200, FxBuild),
    };
    let place = |canonical, kind, demonym| Place {
        canonical,
        kind,
        demonym,
    };
    // Capitals are read after all countries and before the cities, so that a country's name
    // wins over a city's of the same spelling and a capital over another city's.
    let (mut capitals, mut cities, mut states, mut regions) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for e in entries(TEXT) {
        match e.section {
            "country" => {
                let name = e.word;
                add(&mut g, name, place(name, PlaceKind::Country, false));
                for o in e
                    .field(0)
                    .unwrap_or("")
                    .split(',')
                    .filter(|s| !s.is_empty())
                {
                    add(&mut g, o, place(name, PlaceKind::Country, false));
                }
                for d in e
                    .field(1)
                    .unwrap_or("")
                    .split(',')
                    .filter(|s| !s.is_empty())
                {
                    add(&mut g, d, place(name, PlaceKind::Country, true));
                }
                let caps = e.field(2).unwrap_or("");
                capitals.extend(caps.split(';').filter(|s| !s.is_empty()));
            }
            "city" => cities.push(e.word),
            "state" => states.push(e.word),
            "region" => regions.push((e.word, e.field(0).unwrap_or(""))),
            "personal" => {}
            _ => e.bad(FILE, "unknown section"),
        }
    }
    for group in capitals.into_iter().chain(cities).map(str::trim) {
        let mut spellings = group.split('/').map(str::trim);
        let Some(canonical) = spellings.next().filter(|s| !s.is_empty()) else {
            continue;
        };
        add(&mut g, canonical, place(canonical, PlaceKind::City, false));
        for s in spellings {
            add(&mut g, s, place(canonical, PlaceKind::City, false));
        }
    }
    for s in states {
        add(&mut g, s, place(s, PlaceKind::State, false));
    }
    for (names, demonyms) in regions {
        let mut spellings = names.split('/').map(str::trim);
        let Some(canonical) = spellings.next().filter(|s| !s.is_empty()) else {
            continue;
        };
        add(
            &mut g,
            canonical,
            place(canonical, PlaceKind::Region, false),
        );
        for s in spellings {
            add(&mut g, s, place(canonical, PlaceKind::Region, false));
        }
        for d in demonyms.split(',').filter(|s| !s.is_empty()) {
            add(&mut g, d, place(canonical, PlaceKind::Region, true));
        }
    }
    g
});

/// The place a lower-cased name (words joined by single spaces) names.
pub(crate) fn lookup(key: &str) -> Option<Place> {
    GAZETTEER.names.get(key).copied()
}

/// Whether the name is of a country, a state or a world region: a place that holds towns,
/// so that a happening placed there may be one placed in a town of it.
pub(crate) fn is_wide_place(name: &str) -> bool {
    lookup(&key_of(name)).is_some_and(|p| {
        matches!(
            p.kind,
            PlaceKind::Country | PlaceKind::State | PlaceKind::Region
        )
    })
}

/// The country or region a demonym names ("Russian" → "Russia", "Kenyans" → "Kenya").
///
/// # Examples
///
/// ```
/// use dateline::entity::demonym_place;
///
/// assert_eq!(demonym_place("Russian"), Some("Russia"));
/// assert_eq!(demonym_place("Palestinians"), Some("Palestine"));
/// assert_eq!(demonym_place("Israeli"), Some("Israel"));
/// assert_eq!(demonym_place("North Korean"), Some("North Korea"));
/// assert_eq!(demonym_place("Moscow"), None);
/// ```
pub fn demonym_place(word: &str) -> Option<&'static str> {
    lookup(&key_of(word))
        .filter(|p| p.demonym)
        .map(|p| p.canonical)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::lists::problems;

    #[test]
    fn data_file_parses() {
        let sections = ["country", "city", "state", "region", "personal"];
        let p = problems(TEXT, &sections, false);
        assert!(p.is_empty(), "data/{FILE}: {p:?}");
        for e in entries(TEXT) {
            let fields = e.rest.split('\t').count();
            let most = match e.section {
                "country" => 3,
                "region" => 1,
                _ => 0,
            };
            assert!(
                e.rest.is_empty() || fields <= most,
                "data/{FILE}:{}",
                e.line
            );
            if e.section == "personal" {
                assert_eq!(e.word, e.word.to_lowercase(), "data/{FILE}:{}", e.line);
            }
        }
        // Building the table panics on a section it does not know.
        assert!(GAZETTEER.names.len() > 1000);
        assert_eq!(lookup("kiev").map(|p| p.canonical), Some("Kyiv"));
        assert_eq!(lookup("georgia").map(|p| p.kind), Some(PlaceKind::Country));
        assert_eq!(
            lookup("gazans").map(|p| (p.canonical, p.demonym)),
            Some(("Gaza Strip", true))
        );
        assert!(PERSONAL.contains(&"jordan"));
    }
}
