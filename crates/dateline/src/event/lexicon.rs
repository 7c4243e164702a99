//! Event triggers: verbs with their inflections and event nouns, by class.
//!
//! Each verb is listed once by lemma; its forms are generated with English inflection rules
//! (irregular forms listed with it), so the lookup at run time is one hash probe per word.

use std::sync::LazyLock;

use rustc_hash::{FxBuildHasher, FxHashMap};

use super::TriggerClass;
use crate::text::pack_word;

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

/// Verbs: lemma, class, irregular past, irregular participle. A lemma ending in `*` doubles its
/// last consonant before -ed/-ing ("admit*" gives "admitted").
const VERBS: &[(&str, TriggerClass, &str, &str)] = &[
    // Meeting
    ("meet", C::Meeting, "met", "met"),
    ("receive", C::Meeting, "", ""),
    ("host", C::Meeting, "", ""),
    ("welcome", C::Meeting, "", ""),
    ("discuss", C::Meeting, "", ""),
    ("negotiate", C::Meeting, "", ""),
    ("talk", C::Meeting, "", ""),
    ("confer*", C::Meeting, "", ""),
    ("convene", C::Meeting, "", ""),
    ("gather", C::Meeting, "", ""),
    ("hold", C::Meeting, "held", "held"),
    // Visit
    ("visit", C::Visit, "", ""),
    ("tour", C::Visit, "", ""),
    ("travel", C::Visit, "", ""),
    ("fly", C::Visit, "flew", "flown"),
    ("return", C::Visit, "", ""),
    ("come", C::Visit, "came", "come"),
    // Arrival, departure
    ("arrive", C::Arrival, "", ""),
    ("land", C::Arrival, "", ""),
    ("reach", C::Arrival, "", ""),
    ("leave", C::Departure, "left", "left"),
    ("depart", C::Departure, "", ""),
    ("quit*", C::Departure, "quit", "quit"),
    ("withdraw", C::Departure, "withdrew", "withdrawn"),
    ("flee", C::Departure, "fled", "fled"),
    // Statement
    ("say", C::Statement, "said", "said"),
    ("announce", C::Statement, "", ""),
    ("state", C::Statement, "", ""),
    ("tell", C::Statement, "told", "told"),
    ("declare", C::Statement, "", ""),
    ("add", C::Statement, "", ""),
    ("note", C::Statement, "", ""),
    ("explain", C::Statement, "", ""),
    ("report", C::Statement, "", ""),
    ("claim", C::Statement, "", ""),
    ("argue", C::Statement, "", ""),
    ("insist", C::Statement, "", ""),
    ("warn", C::Statement, "", ""),
    ("confirm", C::Statement, "", ""),
    ("deny", C::Statement, "", ""),
    ("reveal", C::Statement, "", ""),
    ("disclose", C::Statement, "", ""),
    ("describe", C::Statement, "", ""),
    ("call", C::Statement, "", ""),
    ("stress", C::Statement, "", ""),
    ("emphasize", C::Statement, "", ""),
    ("emphasise", C::Statement, "", ""),
    ("affirm", C::Statement, "", ""),
    ("acknowledge", C::Statement, "", ""),
    ("admit*", C::Statement, "", ""),
    ("urge", C::Statement, "", ""),
    ("ask", C::Statement, "", ""),
    ("demand", C::Statement, "", ""),
    ("suggest", C::Statement, "", ""),
    ("predict", C::Statement, "", ""),
    ("promise", C::Statement, "", ""),
    ("pledge", C::Statement, "", ""),
    ("write", C::Statement, "wrote", "written"),
    ("speak", C::Statement, "spoke", "spoken"),
    ("comment", C::Statement, "", ""),
    ("respond", C::Statement, "", ""),
    ("reply", C::Statement, "", ""),
    ("indicate", C::Statement, "", ""),
    ("hint", C::Statement, "", ""),
    ("express", C::Statement, "", ""),
    ("assert", C::Statement, "", ""),
    ("mention", C::Statement, "", ""),
    ("quote", C::Statement, "", ""),
    // Reaction
    ("condemn", C::Reaction, "", ""),
    ("criticize", C::Reaction, "", ""),
    ("criticise", C::Reaction, "", ""),
    ("denounce", C::Reaction, "", ""),
    ("praise", C::Reaction, "", ""),
    ("protest", C::Reaction, "", ""),
    ("applaud", C::Reaction, "", ""),
    ("slam*", C::Reaction, "", ""),
    ("blame", C::Reaction, "", ""),
    ("accuse", C::Reaction, "", ""),
    ("threaten", C::Reaction, "", ""),
    ("support", C::Reaction, "", ""),
    ("oppose", C::Reaction, "", ""),
    // Election
    ("elect", C::Election, "", ""),
    ("vote", C::Election, "", ""),
    ("win*", C::Election, "won", "won"),
    ("lose", C::Election, "lost", "lost"),
    ("defeat", C::Election, "", ""),
    ("nominate", C::Election, "", ""),
    ("campaign", C::Election, "", ""),
    // Appointment
    ("appoint", C::Appointment, "", ""),
    ("name", C::Appointment, "", ""),
    ("dismiss", C::Appointment, "", ""),
    ("resign", C::Appointment, "", ""),
    ("hire", C::Appointment, "", ""),
    ("promote", C::Appointment, "", ""),
    ("replace", C::Appointment, "", ""),
    ("succeed", C::Appointment, "", ""),
    ("oust", C::Appointment, "", ""),
    ("sack", C::Appointment, "", ""),
    ("head", C::Appointment, "", ""),
    ("lead", C::Appointment, "led", "led"),
    ("chair", C::Appointment, "", ""),
    ("swear", C::Appointment, "swore", "sworn"),
    ("inaugurate", C::Appointment, "", ""),
    // Founding and launches
    ("found", C::Founding, "", ""),
    ("establish", C::Founding, "", ""),
    ("create", C::Founding, "", ""),
    ("form", C::Founding, "", ""),
    ("launch", C::Founding, "", ""),
    ("introduce", C::Founding, "", ""),
    ("open", C::Founding, "", ""),
    ("start", C::Founding, "", ""),
    ("begin*", C::Founding, "began", "begun"),
    ("build", C::Founding, "built", "built"),
    ("unveil", C::Founding, "", ""),
    ("debut", C::Founding, "", ""),
    ("demo", C::Founding, "", ""),
    ("demonstrate", C::Founding, "", ""),
    ("present", C::Founding, "", ""),
    ("show", C::Founding, "showed", "shown"),
    ("produce", C::Founding, "", ""),
    ("develop", C::Founding, "", ""),
    ("design", C::Founding, "", ""),
    ("rename", C::Founding, "", ""),
    ("dub*", C::Founding, "", ""),
    ("brand", C::Founding, "", ""),
    ("discontinue", C::Founding, "", ""),
    ("close", C::Founding, "", ""),
    ("end", C::Founding, "", ""),
    // Life events
    ("bear", C::LifeEvent, "bore", "born"),
    ("die", C::LifeEvent, "died", "died"),
    ("kill", C::LifeEvent, "", ""),
    ("assassinate", C::LifeEvent, "", ""),
    ("murder", C::LifeEvent, "", ""),
    ("injure", C::LifeEvent, "", ""),
    ("wound", C::LifeEvent, "", ""),
    ("marry", C::LifeEvent, "", ""),
    ("bury", C::LifeEvent, "", ""),
    // Agreement
    ("sign", C::Agreement, "", ""),
    ("agree", C::Agreement, "agreed", "agreed"),
    ("ratify", C::Agreement, "", ""),
    ("conclude", C::Agreement, "", ""),
    ("settle", C::Agreement, "", ""),
    ("accept", C::Agreement, "", ""),
    ("endorse", C::Agreement, "", ""),
    // Custody
    ("release", C::Custody, "", ""),
    ("free", C::Custody, "freed", "freed"),
    ("capture", C::Custody, "", ""),
    ("arrest", C::Custody, "", ""),
    ("detain", C::Custody, "", ""),
    ("kidnap*", C::Custody, "", ""),
    ("abduct", C::Custody, "", ""),
    ("jail", C::Custody, "", ""),
    ("imprison", C::Custody, "", ""),
    ("sentence", C::Custody, "", ""),
    ("convict", C::Custody, "", ""),
    ("charge", C::Custody, "", ""),
    ("indict", C::Custody, "", ""),
    ("extradite", C::Custody, "", ""),
    ("exchange", C::Custody, "", ""),
    // Attack
    ("attack", C::Attack, "", ""),
    ("strike", C::Attack, "struck", "struck"),
    ("bomb", C::Attack, "", ""),
    ("shell", C::Attack, "", ""),
    ("fire", C::Attack, "", ""),
    ("shoot", C::Attack, "shot", "shot"),
    ("raid", C::Attack, "", ""),
    ("invade", C::Attack, "", ""),
    ("storm", C::Attack, "", ""),
    ("bombard", C::Attack, "", ""),
    ("target", C::Attack, "", ""),
    ("clash", C::Attack, "", ""),
    ("fight", C::Attack, "fought", "fought"),
    ("destroy", C::Attack, "", ""),
    ("occupy", C::Attack, "", ""),
    ("seize", C::Attack, "", ""),
    // Decision
    ("veto", C::Decision, "", ""),
    ("pass", C::Decision, "", ""),
    ("adopt", C::Decision, "", ""),
    ("approve", C::Decision, "", ""),
    ("reject", C::Decision, "", ""),
    ("ban*", C::Decision, "", ""),
    ("block", C::Decision, "", ""),
    ("suspend", C::Decision, "", ""),
    ("impose", C::Decision, "", ""),
    ("lift", C::Decision, "", ""),
    ("decide", C::Decision, "", ""),
    ("rule", C::Decision, "", ""),
    ("order", C::Decision, "", ""),
    ("sanction", C::Decision, "", ""),
    ("authorize", C::Decision, "", ""),
    ("authorise", C::Decision, "", ""),
    ("grant", C::Decision, "", ""),
    ("recognize", C::Decision, "", ""),
    ("recognise", C::Decision, "", ""),
    ("cancel", C::Decision, "", ""),
    ("postpone", C::Decision, "", ""),
    ("delay", C::Decision, "", ""),
    // Business and law
    ("sell", C::Business, "sold", "sold"),
    ("buy", C::Business, "bought", "bought"),
    ("acquire", C::Business, "", ""),
    ("purchase", C::Business, "", ""),
    ("merge", C::Business, "", ""),
    ("sue", C::Business, "", ""),
    ("file", C::Business, "", ""),
    ("invest", C::Business, "", ""),
    ("ship*", C::Business, "", ""),
    ("price", C::Business, "", ""),
    ("pay", C::Business, "paid", "paid"),
    ("earn", C::Business, "", ""),
    ("export", C::Business, "", ""),
    ("import", C::Business, "", ""),
    ("supply", C::Business, "", ""),
    ("deliver", C::Business, "", ""),
    ("offer", C::Business, "", ""),
    ("provide", C::Business, "", ""),
    ("own", C::Business, "", ""),
    // Other happenings
    ("happen", C::Other, "", ""),
    ("carry", C::Other, "", ""),
    ("occur*", C::Other, "", ""),
    ("increase", C::Other, "", ""),
    ("decrease", C::Other, "", ""),
    ("rise", C::Other, "rose", "risen"),
    ("fall", C::Other, "fell", "fallen"),
    ("grow", C::Other, "grew", "grown"),
    ("drop*", C::Other, "", ""),
    ("cut", C::Other, "cut", "cut"),
    ("reduce", C::Other, "", ""),
    ("use", C::Other, "", ""),
    ("include", C::Other, "", ""),
    ("work", C::Other, "", ""),
    ("move", C::Other, "", ""),
    ("display", C::Other, "", ""),
    ("undergo", C::Other, "underwent", "undergone"),
    ("invite", C::Other, "", ""),
    ("request", C::Other, "", ""),
    ("recommend", C::Other, "", ""),
    ("attribute", C::Other, "", ""),
    ("proceed", C::Other, "", ""),
    ("escalate", C::Other, "", ""),
    ("send", C::Other, "sent", "sent"),
    ("give", C::Other, "gave", "given"),
    ("take", C::Other, "took", "taken"),
    ("make", C::Other, "made", "made"),
    ("keep", C::Other, "kept", "kept"),
    ("play", C::Other, "", ""),
    ("help", C::Other, "", ""),
    ("join", C::Other, "", ""),
    ("replace", C::Other, "", ""),
    ("restore", C::Other, "", ""),
    ("resume", C::Other, "", ""),
    ("continue", C::Other, "", ""),
    ("change", C::Other, "", ""),
    ("improve", C::Other, "", ""),
    ("expand", C::Other, "", ""),
    ("extend", C::Other, "", ""),
    ("add", C::Other, "", ""),
    ("access", C::Other, "", ""),
    ("perform", C::Other, "", ""),
    ("appear", C::Other, "", ""),
    ("fail", C::Other, "", ""),
    ("stop*", C::Other, "", ""),
    ("save", C::Other, "", ""),
    ("pass", C::Other, "", ""),
    ("mark", C::Other, "", ""),
    ("celebrate", C::Other, "", ""),
    ("evacuate", C::Other, "", ""),
    ("rescue", C::Other, "", ""),
    ("investigate", C::Other, "", ""),
    ("examine", C::Other, "", ""),
    ("review", C::Other, "", ""),
    ("publish", C::Other, "", ""),
    ("broadcast", C::Other, "broadcast", "broadcast"),
    ("record", C::Other, "", ""),
    ("post", C::Other, "", ""),
];

/// Event nouns: word, lemma, class.
const NOUNS: &[(&str, &str, TriggerClass)] = &[
    ("meeting", "meeting", C::Meeting),
    ("meetings", "meeting", C::Meeting),
    ("talks", "talks", C::Meeting),
    ("summit", "summit", C::Meeting),
    ("conference", "conference", C::Meeting),
    ("negotiations", "negotiation", C::Meeting),
    ("consultations", "consultation", C::Meeting),
    ("discussions", "discussion", C::Meeting),
    ("reception", "reception", C::Meeting),
    ("visit", "visit", C::Visit),
    ("visits", "visit", C::Visit),
    ("trip", "trip", C::Visit),
    ("tour", "tour", C::Visit),
    ("arrival", "arrival", C::Arrival),
    ("departure", "departure", C::Departure),
    ("withdrawal", "withdrawal", C::Departure),
    ("statement", "statement", C::Statement),
    ("announcement", "announcement", C::Statement),
    ("speech", "speech", C::Statement),
    ("interview", "interview", C::Statement),
    ("keynote", "keynote", C::Statement),
    ("press conference", "press conference", C::Statement),
    ("declaration", "declaration", C::Statement),
    ("remarks", "remarks", C::Statement),
    ("condemnation", "condemnation", C::Reaction),
    ("protest", "protest", C::Reaction),
    ("protests", "protest", C::Reaction),
    ("demonstration", "demonstration", C::Reaction),
    ("election", "election", C::Election),
    ("elections", "election", C::Election),
    ("vote", "vote", C::Election),
    ("referendum", "referendum", C::Election),
    ("victory", "victory", C::Election),
    ("defeat", "defeat", C::Election),
    ("appointment", "appointment", C::Appointment),
    ("resignation", "resignation", C::Appointment),
    ("dismissal", "dismissal", C::Appointment),
    ("inauguration", "inauguration", C::Appointment),
    ("founding", "founding", C::Founding),
    ("foundation", "foundation", C::Founding),
    ("establishment", "establishment", C::Founding),
    ("launch", "launch", C::Founding),
    ("introduction", "introduction", C::Founding),
    ("unveiling", "unveiling", C::Founding),
    ("debut", "debut", C::Founding),
    ("opening", "opening", C::Founding),
    ("birth", "birth", C::LifeEvent),
    ("death", "death", C::LifeEvent),
    ("funeral", "funeral", C::LifeEvent),
    ("assassination", "assassination", C::LifeEvent),
    ("killing", "killing", C::LifeEvent),
    ("agreement", "agreement", C::Agreement),
    ("deal", "deal", C::Agreement),
    ("accord", "accord", C::Agreement),
    ("treaty", "treaty", C::Agreement),
    ("ceasefire", "ceasefire", C::Agreement),
    ("truce", "truce", C::Agreement),
    ("settlement", "settlement", C::Agreement),
    ("release", "release", C::Custody),
    ("arrest", "arrest", C::Custody),
    ("capture", "capture", C::Custody),
    ("detention", "detention", C::Custody),
    ("trial", "trial", C::Custody),
    ("attack", "attack", C::Attack),
    ("attacks", "attack", C::Attack),
    ("bombing", "bombing", C::Attack),
    ("raid", "raid", C::Attack),
    ("raids", "raid", C::Attack),
    ("invasion", "invasion", C::Attack),
    ("war", "war", C::Attack),
    ("offensive", "offensive", C::Attack),
    ("operation", "operation", C::Attack),
    ("decision", "decision", C::Decision),
    ("veto", "veto", C::Decision),
    ("ban", "ban", C::Decision),
    ("sanctions", "sanctions", C::Decision),
    ("resolution", "resolution", C::Decision),
    ("ruling", "ruling", C::Decision),
    ("sale", "sale", C::Business),
    ("sales", "sale", C::Business),
    ("purchase", "purchase", C::Business),
    ("acquisition", "acquisition", C::Business),
    ("merger", "merger", C::Business),
    ("lawsuit", "lawsuit", C::Business),
    ("suit", "suit", C::Business),
    ("dispute", "dispute", C::Business),
    ("case", "case", C::Business),
    ("ceremony", "ceremony", C::Other),
    ("event", "event", C::Other),
    ("appearance", "appearance", C::Other),
    ("invitation", "invitation", C::Other),
    ("request", "request", C::Other),
    ("development", "development", C::Other),
    ("growth", "growth", C::Other),
    ("increase", "increase", C::Other),
    ("reduction", "reduction", C::Other),
    ("move", "move", C::Other),
    ("crisis", "crisis", C::Other),
    ("escalation", "escalation", C::Other),
    ("farewell", "farewell", C::Other),
    ("absence", "absence", C::Other),
    ("absences", "absence", C::Other),
    ("upgrade", "upgrade", C::Other),
];

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
    let mut map: FxHashMap<String, Trigger> =
        FxHashMap::with_capacity_and_hasher(VERBS.len() * 5 + NOUNS.len(), FxBuildHasher);
    for &(word, lemma, class) in NOUNS {
        map.insert(
            word.to_owned(),
            Trigger {
                lemma,
                class,
                form: Form::Noun,
            },
        );
    }
    for &(lemma, class, past, participle) in VERBS {
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
        for &(lemma, _, past, participle) in VERBS {
            let stem = forms(lemma, past, participle).0;
            assert!(std::ptr::eq(stem.as_ptr(), lemma.as_ptr()), "{lemma}");
        }
    }
}
