//! Event triggers: verbs with their inflections and event nouns, by class.
//!
//! The words are in `data/lexicon/triggers.txt`. Each verb is listed once by lemma; its forms are generated with English inflection rules
//! (irregular forms listed with it), so the lookup at run time is one hash probe per word.

use std::sync::LazyLock;

use rustc_hash::{FxBuildHasher, FxHashMap};

use super::TriggerClass;
use crate::text::pack_word;
use crate::vocab::lists::entries;

/// The grammatical form of a trigger word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Form {
    /// "meet", "visit": after "to", a modal or "did".
    Base,
    /// "meets", "visits".
    Third,
    /// "met", "visited" (also the participle of regular verbs).
    Past,
    /// "met" after "has", "been" after "has".
    Participle,
    /// "meeting", "visiting".
    Gerund,
    /// "meeting", "visit" as a noun.
    Noun,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Trigger {
    pub lemma: &'static str,
    pub class: TriggerClass,
    pub form: Form,
}

use TriggerClass as C;

/// The verbs and nouns, in `data/lexicon/triggers.txt`.
const FILE: &str = "lexicon/triggers.txt";
const TEXT: &str = include_str!("../../data/lexicon/triggers.txt");

fn class(name: &str) -> Option<TriggerClass> {
    Some(match name {
        "meeting" => C::Meeting,
        "visit" => C::Visit,
        "arrival" => C::Arrival,
        "departure" => C::Departure,
        "statement" => C::Statement,
        "reaction" => C::Reaction,
        "election" => C::Election,
        "appointment" => C::Appointment,
        "founding" => C::Founding,
        "life_event" => C::LifeEvent,
        "agreement" => C::Agreement,
        "custody" => C::Custody,
        "attack" => C::Attack,
        "decision" => C::Decision,
        "business" => C::Business,
        "other" => C::Other,
        _ => return None,
    })
}

/// A verb of the file: lemma (a lemma ending in `*` doubles its last consonant before -ed and
/// -ing: "admit*" gives "admitted"), class, irregular past, irregular participle (`""` when
/// regular).
type Verb = (&'static str, TriggerClass, &'static str, &'static str);
/// A noun of the file: word, lemma, class.
type Noun = (&'static str, &'static str, TriggerClass);

/// The verbs and the nouns, in the file's order (which decides between two entries that give
/// one form).
fn read() -> (Vec<Verb>, Vec<Noun>) {
    let (mut verbs, mut nouns) = (Vec::new(), Vec::new());
    for e in entries(TEXT) {
        let Some(c) = e.field(0).and_then(class) else {
            e.bad(FILE, "unknown class")
        };
        match e.section {
            "verb" => verbs.push((
                e.word,
                c,
                e.field(1).unwrap_or(""),
                e.field(2).unwrap_or(""),
            )),
            "noun" => nouns.push((e.word, e.field(1).unwrap_or(e.word), c)),
            _ => e.bad(FILE, "unknown section"),
        }
    }
    (verbs, nouns)
}

fn ends_cvc_doubled(lemma: &str) -> Option<(&str, char)> {
    let stem = lemma.strip_suffix('*')?;
    let last = stem.chars().last()?;
    Some((stem, last))
}

/// The stem of a lexicon lemma (`admit*` gives `admit`) and its inflected forms. The stem is a
/// slice of the lemma, so the table borrows it from the lexicon rather than leaking a copy (a
/// leaked copy that no entry kept was a leak that LeakSanitizer reported).
fn forms(lemma: &'static str, past: &str, participle: &str) -> (&'static str, Vec<(String, Form)>) {
    let (stem, double) = match ends_cvc_doubled(lemma) {
        Some((stem, c)) => (stem, Some(c)),
        None => (lemma, None),
    };
    let mut out = Vec::new();
    out.push((stem.to_owned(), Form::Base));
    // Third person: -es after sibilants and -o, -ies after consonant + y.
    let third = if stem.ends_with('y') && !stem.ends_with("ay") && !stem.ends_with("ey") {
        format!("{}ies", &stem[..stem.len() - 1])
    } else if ["s", "sh", "ch", "x", "z", "o"]
        .iter()
        .any(|e| stem.ends_with(e))
    {
        format!("{stem}es")
    } else {
        format!("{stem}s")
    };
    out.push((third, Form::Third));
    let regular_past = if let Some(c) = double {
        format!("{stem}{c}ed")
    } else if stem.ends_with('e') {
        format!("{stem}d")
    } else if stem.ends_with('y') && !stem.ends_with("ay") && !stem.ends_with("ey") {
        format!("{}ied", &stem[..stem.len() - 1])
    } else {
        format!("{stem}ed")
    };
    let gerund = if let Some(c) = double {
        format!("{stem}{c}ing")
    } else if let Some(base) = stem.strip_suffix("ie") {
        format!("{base}ying")
    } else if stem.ends_with('e') && !stem.ends_with("ee") && stem.len() > 2 {
        format!("{}ing", &stem[..stem.len() - 1])
    } else {
        format!("{stem}ing")
    };
    out.push((gerund, Form::Gerund));
    if past.is_empty() {
        out.push((regular_past, Form::Past));
    } else {
        out.push((past.to_owned(), Form::Past));
    }
    if !participle.is_empty() && participle != past {
        out.push((participle.to_owned(), Form::Participle));
    }
    (stem, out)
}

// FxHash, not SipHash: every word of every document is looked up, and the keys are the fixed
// lexicon, so words chosen to collide cannot make a lookup slower than a probe. Words are keyed
// packed into one number (`text::pack_word`); the few longer ones, by their text.
struct Triggers {
    packed: FxHashMap<u128, Trigger>,
    long: FxHashMap<String, Trigger>,
}

static TRIGGERS: LazyLock<Triggers> = LazyLock::new(|| {
    let (verbs, nouns) = read();
    let mut map: FxHashMap<String, Trigger> =
        FxHashMap::with_capacity_and_hasher(verbs.len() * 5 + nouns.len(), FxBuildHasher);
    for (word, lemma, class) in nouns {
        map.insert(
            word.to_owned(),
            Trigger {
                lemma,
                class,
                form: Form::Noun,
            },
        );
    }
    for (lemma, class, past, participle) in verbs {
        let (stem, list) = forms(lemma, past, participle);
        for (form_text, form) in list {
            // The first class listed for a form wins; nouns listed above keep their noun
            // reading only for the -s and base forms, which verbs override after a subject.
            map.entry(form_text).or_insert(Trigger {
                lemma: stem,
                class,
                form,
            });
        }
    }
    let mut triggers = Triggers {
        packed: FxHashMap::with_capacity_and_hasher(map.len(), FxBuildHasher),
        long: FxHashMap::default(),
    };
    for (word, trigger) in map {
        match pack_word(word.as_bytes()) {
            Some(key) => triggers.packed.insert(key, trigger),
            None => triggers.long.insert(word, trigger),
        };
    }
    triggers
});

/// Looks up a trigger word (lower-case ASCII expected; anything else is not a trigger).
pub(crate) fn lookup(lower: &str) -> Option<Trigger> {
    match pack_word(lower.as_bytes()) {
        Some(key) => TRIGGERS.packed.get(&key).copied(),
        None => TRIGGERS.long.get(lower).copied(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_file_parses() {
        let p = crate::vocab::lists::problems(TEXT, &["verb", "noun"], true);
        assert!(p.is_empty(), "data/{FILE}: {p:?}");
        // Reading panics on a class or a section it does not know.
        let (verbs, nouns) = read();
        assert!(verbs.len() > 200 && nouns.len() > 80);
        for e in entries(TEXT) {
            let most = if e.section == "verb" { 3 } else { 2 };
            assert!(
                e.rest.split('\t').count() <= most && !e.rest.contains("\t\t"),
                "data/{FILE}:{}",
                e.line
            );
        }
        assert!(lookup("met").is_some());
    }

    #[test]
    fn inflections_reach_the_lemma() {
        for (word, lemma, form) in [
            ("met", "meet", Form::Past),
            ("meets", "meet", Form::Third),
            ("arrived", "arrive", Form::Past),
            ("arriving", "arrive", Form::Gerund),
            ("admitted", "admit", Form::Past),
            ("said", "say", Form::Past),
            ("dies", "die", Form::Third),
            ("dying", "die", Form::Gerund),
            ("carried", "carry", Form::Past),
            ("born", "bear", Form::Participle),
            ("vetoes", "veto", Form::Third),
        ] {
            let t = lookup(word).unwrap_or_else(|| panic!("{word} is a trigger"));
            assert_eq!((t.lemma, t.form), (lemma, form), "{word}");
        }
        assert_eq!(lookup("meeting").map(|t| t.form), Some(Form::Noun));
        assert_eq!(lookup("table"), None);
    }

    #[test]
    fn stems_borrow_the_lexicon_lemma() {
        // No copy of a stem is made to outlive the table (fuzzing under LeakSanitizer found
        // leaked stems of verbs whose forms were all taken by earlier entries).
        for lemma in ["admit*", "meet", "hold"] {
            let (stem, list) = forms(lemma, "", "");
            assert!(lemma.starts_with(stem) && std::ptr::eq(stem.as_ptr(), lemma.as_ptr()));
            assert_eq!(list[0], (stem.to_owned(), Form::Base));
        }
        assert_eq!(forms("admit*", "", "").0, "admit");
        for (lemma, _, past, participle) in read().0 {
            let stem = forms(lemma, past, participle).0;
            assert!(std::ptr::eq(stem.as_ptr(), lemma.as_ptr()), "{lemma}");
        }
    }
}
