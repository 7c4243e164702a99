//! Word classes that temporal expressions are built from.
//!
//! One hash lookup per word token, on a lower-cased key built in a stack buffer: the scan over a
//! text allocates nothing per token.

use std::sync::LazyLock;

use chrono::Weekday;
use rustc_hash::{FxBuildHasher, FxHashMap};
use serde::{Deserialize, Serialize};

use crate::calendar::{PartOfDay, Season};
use crate::text::{pack_word, PACKED_WORD};
use crate::vocab::lists::{entries, Entry};

/// A calendar unit as words name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}

/// Fixed-date and computed holidays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub(crate) enum Holiday {
    Christmas,
    ChristmasEve,
    NewYearsDay,
    NewYearsEve,
    Thanksgiving,
    Easter,
    GoodFriday,
    IndependenceDay,
    LaborDay,
    MemorialDay,
    Halloween,
    Valentines,
    VeteransDay,
    BoxingDay,
    PresidentsDay,
    ColumbusDay,
    MothersDay,
    FathersDay,
    /// U.S. general elections: the Tuesday after the first Monday of November.
    ElectionDay,
}

/// Function words and temporal adverbs the grammar reacts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Kw {
    The,
    A,
    This,
    That,
    These,
    Those,
    Last,
    Next,
    Past,
    Coming,
    Previous,
    Following,
    Same,
    /// "comparable", "corresponding": the same period in another year.
    Comparable,
    Current,
    Latest,
    Recent,
    Early,
    Earlier,
    Mid,
    Middle,
    Late,
    Later,
    End,
    Beginning,
    Start,
    Close,
    Ago,
    Before,
    After,
    From,
    Now,
    Today,
    Tomorrow,
    Yesterday,
    Tonight,
    Every,
    Each,
    Per,
    Of,
    And,
    Or,
    To,
    Through,
    Between,
    Until,
    Since,
    In,
    On,
    At,
    By,
    During,
    Around,
    About,
    Nearly,
    Almost,
    Approximately,
    Roughly,
    Some,
    More,
    Less,
    Than,
    Over,
    Under,
    Least,
    Up,
    No,
    Few,
    Several,
    Couple,
    Many,
    Fiscal,
    Half,
    Daily,
    Weekly,
    Monthly,
    Yearly,
    Annually,
    Hourly,
    Future,
    Present,
    Recently,
    Currently,
    Lately,
    Nowadays,
    Once,
    Twice,
    Times,
    Noon,
    Midnight,
    Am,
    Pm,
    Zone,
    Oclock,
    Ahead,
    Hence,
    Within,
    For,
    Turn,
    Soon,
    /// "near", "short": "the near future", "the short term".
    Near,
    /// "account(s)": a "current account" is a balance, not a time.
    Account,
    /// "ended", "ending": "the year ended March 31" is a fiscal year's length.
    Ended,
    /// "his", "her", "their": "in his 30s" is an age.
    Person,
    /// Heads of awards: "player of the year" is no date.
    Award,
    /// Subject pronouns: "in the past it considered" (not a noun after "the past").
    Pronoun,
    Period,
    Term,
    Era,
    Trading,
    Business,
    Additional,
    Another,
    Whole,
    Full,
    Entire,
    Overnight,
    Days,
    Then,
    Will,
    Would,
    Going,
    Expected,
    Scheduled,
    Due,
    Plan,
    Was,
    Had,
    Did,
    Said,
    Thousand,
    Hundred,
    Its,
    Is,
    Old,
    Eve,
    As,
    Set,
    /// A word that opens a new clause: tense cues do not cross it.
    Clause,
    /// "be", "been", "being": a participle after it is passive, not past.
    Be,
    /// "has", "have": a participle after it is perfect, not past.
    Have,
    /// An irregular past-tense verb ("met", "brought").
    PastVerb,
    /// Verbs and adjectives whose infinitive looks ahead: "decided to admit", "ready to leave".
    Intent,
    /// "long": "day-long", "decades-long" are lengths.
    Long,
    /// "still": an adverb that may stand before an adjective ("a still unspecified date").
    Still,
    /// Verbs that take a length: "lasted a week", "took a decade".
    Measure,
}

/// What a word can be in a temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Lex {
    /// Not a temporal word.
    Other,
    Month(u8),
    Weekday(Weekday),
    /// Plural weekday ("Mondays"): a recurrence.
    Weekdays(Weekday),
    /// A cardinal number, in digits or words.
    Num(u32),
    /// An ordinal ("third", "16th").
    Ordinal(u32),
    Unit(Unit),
    Units(Unit),
    Season(Season),
    Part(PartOfDay),
    Holiday(Holiday),
    /// The first word of a holiday name that ends in "Day" ("Labor Day"), or in the word the
    /// grammar checks ("New Year's Day", "Good Friday").
    HolidayHead(Holiday),
    /// "nineties", "eighties": a decade of an unnamed century.
    DecadeWord(u8),
    Kw(Kw),
}

/// The words, by class, in `data/lexicon/time.txt`.
const FILE: &str = "lexicon/time.txt";
const TEXT: &str = crate::vocab::calendar::TIME_WORDS;

fn keyword(name: &str) -> Option<Kw> {
    Some(match name {
        "the" => Kw::The,
        "a" => Kw::A,
        "this" => Kw::This,
        "that" => Kw::That,
        "these" => Kw::These,
        "those" => Kw::Those,
        "last" => Kw::Last,
        "next" => Kw::Next,
        "past" => Kw::Past,
        "coming" => Kw::Coming,
        "previous" => Kw::Previous,
        "following" => Kw::Following,
        "same" => Kw::Same,
        "comparable" => Kw::Comparable,
        "current" => Kw::Current,
        "latest" => Kw::Latest,
        "recent" => Kw::Recent,
        "early" => Kw::Early,
        "earlier" => Kw::Earlier,
        "mid" => Kw::Mid,
        "middle" => Kw::Middle,
        "late" => Kw::Late,
        "later" => Kw::Later,
        "end" => Kw::End,
        "beginning" => Kw::Beginning,
        "start" => Kw::Start,
        "close" => Kw::Close,
        "ago" => Kw::Ago,
        "before" => Kw::Before,
        "after" => Kw::After,
        "from" => Kw::From,
        "now" => Kw::Now,
        "today" => Kw::Today,
        "tomorrow" => Kw::Tomorrow,
        "yesterday" => Kw::Yesterday,
        "tonight" => Kw::Tonight,
        "every" => Kw::Every,
        "each" => Kw::Each,
        "per" => Kw::Per,
        "of" => Kw::Of,
        "and" => Kw::And,
        "or" => Kw::Or,
        "to" => Kw::To,
        "through" => Kw::Through,
        "between" => Kw::Between,
        "until" => Kw::Until,
        "since" => Kw::Since,
        "in" => Kw::In,
        "on" => Kw::On,
        "at" => Kw::At,
        "by" => Kw::By,
        "during" => Kw::During,
        "around" => Kw::Around,
        "about" => Kw::About,
        "nearly" => Kw::Nearly,
        "almost" => Kw::Almost,
        "approximately" => Kw::Approximately,
        "roughly" => Kw::Roughly,
        "some" => Kw::Some,
        "more" => Kw::More,
        "less" => Kw::Less,
        "than" => Kw::Than,
        "over" => Kw::Over,
        "under" => Kw::Under,
        "least" => Kw::Least,
        "up" => Kw::Up,
        "no" => Kw::No,
        "few" => Kw::Few,
        "several" => Kw::Several,
        "couple" => Kw::Couple,
        "many" => Kw::Many,
        "fiscal" => Kw::Fiscal,
        "half" => Kw::Half,
        "daily" => Kw::Daily,
        "weekly" => Kw::Weekly,
        "monthly" => Kw::Monthly,
        "yearly" => Kw::Yearly,
        "annually" => Kw::Annually,
        "hourly" => Kw::Hourly,
        "future" => Kw::Future,
        "present" => Kw::Present,
        "recently" => Kw::Recently,
        "currently" => Kw::Currently,
        "lately" => Kw::Lately,
        "nowadays" => Kw::Nowadays,
        "once" => Kw::Once,
        "twice" => Kw::Twice,
        "times" => Kw::Times,
        "noon" => Kw::Noon,
        "midnight" => Kw::Midnight,
        "am" => Kw::Am,
        "pm" => Kw::Pm,
        "zone" => Kw::Zone,
        "oclock" => Kw::Oclock,
        "ahead" => Kw::Ahead,
        "hence" => Kw::Hence,
        "within" => Kw::Within,
        "for" => Kw::For,
        "turn" => Kw::Turn,
        "soon" => Kw::Soon,
        "near" => Kw::Near,
        "account" => Kw::Account,
        "ended" => Kw::Ended,
        "person" => Kw::Person,
        "award" => Kw::Award,
        "pronoun" => Kw::Pronoun,
        "period" => Kw::Period,
        "term" => Kw::Term,
        "era" => Kw::Era,
        "trading" => Kw::Trading,
        "business" => Kw::Business,
        "additional" => Kw::Additional,
        "another" => Kw::Another,
        "whole" => Kw::Whole,
        "full" => Kw::Full,
        "entire" => Kw::Entire,
        "overnight" => Kw::Overnight,
        "days" => Kw::Days,
        "then" => Kw::Then,
        "will" => Kw::Will,
        "would" => Kw::Would,
        "going" => Kw::Going,
        "expected" => Kw::Expected,
        "scheduled" => Kw::Scheduled,
        "due" => Kw::Due,
        "plan" => Kw::Plan,
        "was" => Kw::Was,
        "had" => Kw::Had,
        "did" => Kw::Did,
        "said" => Kw::Said,
        "thousand" => Kw::Thousand,
        "hundred" => Kw::Hundred,
        "its" => Kw::Its,
        "is" => Kw::Is,
        "old" => Kw::Old,
        "eve" => Kw::Eve,
        "as" => Kw::As,
        "set" => Kw::Set,
        "clause" => Kw::Clause,
        "be" => Kw::Be,
        "have" => Kw::Have,
        "past_verb" => Kw::PastVerb,
        "intent" => Kw::Intent,
        "long" => Kw::Long,
        "still" => Kw::Still,
        "measure" => Kw::Measure,
        _ => return None,
    })
}

fn unit(name: &str) -> Option<Unit> {
    Some(match name {
        "second" => Unit::Second,
        "minute" => Unit::Minute,
        "hour" => Unit::Hour,
        "day" => Unit::Day,
        "weekend" => Unit::Weekend,
        "week" => Unit::Week,
        "fortnight" => Unit::Fortnight,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        "century" => Unit::Century,
        "millennium" => Unit::Millennium,
        _ => return None,
    })
}

fn weekday(name: &str) -> Option<Weekday> {
    name.parse().ok()
}

fn season(name: &str) -> Option<Season> {
    Some(match name {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "fall" => Season::Fall,
        "winter" => Season::Winter,
        _ => return None,
    })
}

fn part_of_day(name: &str) -> Option<PartOfDay> {
    Some(match name {
        "morning" => PartOfDay::Morning,
        "afternoon" => PartOfDay::Afternoon,
        "evening" => PartOfDay::Evening,
        "night" => PartOfDay::Night,
        "midday" => PartOfDay::Midday,
        "daytime" => PartOfDay::Daytime,
        _ => return None,
    })
}

fn holiday(name: &str) -> Option<Holiday> {
    Some(match name {
        "christmas" => Holiday::Christmas,
        "christmas_eve" => Holiday::ChristmasEve,
        "new_years_day" => Holiday::NewYearsDay,
        "new_years_eve" => Holiday::NewYearsEve,
        "thanksgiving" => Holiday::Thanksgiving,
        "easter" => Holiday::Easter,
        "good_friday" => Holiday::GoodFriday,
        "independence_day" => Holiday::IndependenceDay,
        "labor_day" => Holiday::LaborDay,
        "memorial_day" => Holiday::MemorialDay,
        "halloween" => Holiday::Halloween,
        "valentines" => Holiday::Valentines,
        "veterans_day" => Holiday::VeteransDay,
        "boxing_day" => Holiday::BoxingDay,
        "presidents_day" => Holiday::PresidentsDay,
        "columbus_day" => Holiday::ColumbusDay,
        "mothers_day" => Holiday::MothersDay,
        "fathers_day" => Holiday::FathersDay,
        "election_day" => Holiday::ElectionDay,
        _ => return None,
    })
}

/// One entry of the file: its word, what it is, and whether it is a short form.
fn read(e: &Entry) -> (Lex, bool) {
    let value = e.field(0).unwrap_or("");
    let number = || value.parse::<u32>().ok();
    let small = || value.parse::<u8>().ok();
    let lex = match e.section {
        "month" | "month_abbreviation" => small().map(Lex::Month),
        "weekday" | "weekday_abbreviation" => weekday(value).map(Lex::Weekday),
        "number" => number().map(Lex::Num),
        "ordinal" => number().map(Lex::Ordinal),
        "unit" => unit(value).and_then(|u| match e.field(1) {
            None => Some(Lex::Unit(u)),
            Some("plural") => Some(Lex::Units(u)),
            Some(_) => None,
        }),
        "season" => season(value).map(Lex::Season),
        "part_of_day" => part_of_day(value).map(Lex::Part),
        "decade" => small().map(Lex::DecadeWord),
        "holiday" => holiday(value).map(Lex::Holiday),
        "holiday_head" => holiday(value).map(Lex::HolidayHead),
        "keyword" => keyword(value).map(Lex::Kw),
        _ => e.bad(FILE, "unknown section"),
    };
    let Some(lex) = lex else {
        e.bad(FILE, "unknown value")
    };
    (lex, e.section.ends_with("_abbreviation"))
}

// FxHash, not the default SipHash: every word of every document is looked up here, and the keys
// are the fixed lexicon, so words chosen to collide cannot make lookups slower than a probe.
// Each word maps to its class and whether it is a short form (`sept`, `thu`). A word is in one
// class only (the file's test checks it).
// Keyed by the word packed into one number (`pack_word`): the lookup lower-cases into a byte
// buffer and packs it.
static LEXICON: LazyLock<FxHashMap<u128, (Lex, bool)>> = LazyLock::new(|| {
    let mut all: FxHashMap<u128, (Lex, bool)> =
        FxHashMap::with_capacity_and_hasher(512, FxBuildHasher);
    for e in entries(TEXT) {
        let (lex, short) = read(&e);
        // Every key fits (`data_file_parses` tests it); one that did not would never be found.
        if let Some(key) = pack_word(e.word.as_bytes()) {
            all.insert(key, (lex, short));
        }
        // Plural weekdays are recurrences ("on Mondays"). Packed from a string made here and
        // dropped: the table keeps no text.
        if let (Lex::Weekday(w), false) = (lex, short) {
            if let Some(key) = pack_word(format!("{}s", e.word).as_bytes()) {
                all.insert(key, (Lex::Weekdays(w), false));
            }
        }
    }
    for word in crate::vocab::intent_words("time") {
        if let Some(key) = pack_word(word.as_bytes()) {
            all.insert(key, (Lex::Kw(Kw::Intent), false));
        }
    }
    all
});

/// The number a lower-case number word names ("two", "dozen"), as the table has it.
pub(crate) fn number_word(lower: &str) -> Option<u32> {
    match LEXICON.get(&pack_word(lower.as_bytes())?) {
        Some(&(Lex::Num(n), _)) => Some(n),
        _ => None,
    }
}

/// The longest word the lexicon holds, so longer words skip the lookup.
const MAX_KEY: usize = PACKED_WORD;

/// What [`lookup`] found for a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    pub lex: Lex,
    /// Written with a period (`Sept.`, `a.m.`).
    pub dotted: bool,
    /// A short form (`Sept`, `Thu`) that is a temporal word only in a clear context.
    pub abbreviation: bool,
}

/// Looks a word up, ignoring case and periods (`Sept.` is `sept`, `a.m.` is `am`).
pub(crate) fn lookup(word: &str) -> Word {
    let other = Word {
        lex: Lex::Other,
        dotted: false,
        abbreviation: false,
    };
    // Possessives take the class of their stem: "Friday's", "today's", "year’s".
    for suffix in ["'s", "’s"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return lookup(stem);
            }
        }
    }
    let bytes = word.as_bytes();
    if bytes.len() > MAX_KEY + 4 {
        return other;
    }
    if !word.is_ascii() {
        // A curly apostrophe is the one non-ASCII character a temporal word may carry.
        if word.contains('’') {
            return lookup(&word.replace('’', "'"));
        }
        return other;
    }
    // Packed as `pack_word` packs it, lower-cased in place: a word of more than `MAX_KEY`
    // bytes without its periods is in no entry.
    let mut buf = [0u8; MAX_KEY];
    let mut n = 0;
    let mut dotted = false;
    for &b in bytes {
        if b == b'.' {
            dotted = true;
            continue;
        }
        let Some(slot) = buf.get_mut(n) else {
            return other;
        };
        *slot = b.to_ascii_lowercase();
        n += 1;
    }
    let key = u128::from_le_bytes(buf);
    match LEXICON.get(&key) {
        Some(&(lex, abbreviation)) => Word {
            lex,
            dotted,
            abbreviation,
        },
        None => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_file_parses() {
        let sections = [
            "month",
            "month_abbreviation",
            "weekday",
            "weekday_abbreviation",
            "number",
            "ordinal",
            "unit",
            "season",
            "part_of_day",
            "decade",
            "holiday",
            "holiday_head",
            "keyword",
        ];
        let p = crate::vocab::lists::problems(TEXT, &sections, true);
        assert!(p.is_empty(), "data/{FILE}: {p:?}");
        let mut seen = std::collections::HashSet::new();
        for e in entries(TEXT) {
            // One class a word: a second entry would silently replace the first.
            assert!(
                seen.insert(e.word.to_owned()),
                "data/{FILE}:{}: {:?} twice",
                e.line,
                e.word
            );
            let (lex, _) = read(&e);
            assert!(
                pack_word(e.word.as_bytes()).is_some() && !e.word.contains('\0'),
                "{:?} does not pack",
                e.word
            );
            assert_eq!(lookup(e.word).lex, lex, "{:?}", e.word);
            if e.section == "weekday" {
                assert!(seen.insert(format!("{}s", e.word)), "{:?}", e.word);
            }
        }
        for word in crate::vocab::intent_words("time") {
            assert!(
                seen.insert(word.to_owned()),
                "{word:?} is in time.txt and intent.txt"
            );
            assert_eq!(lookup(word).lex, Lex::Kw(Kw::Intent), "{word:?}");
        }
        assert_eq!(pack_word(b"abc"), pack_word(b"abc"));
        assert_ne!(pack_word(b"abc"), pack_word(b"abcd"));
        assert_eq!(pack_word(&[b'a'; MAX_KEY + 1]), None);
    }

    #[test]
    fn looks_up_words_and_abbreviations() {
        let sept = lookup("Sept.");
        assert_eq!(sept.lex, Lex::Month(9));
        assert!(sept.dotted && sept.abbreviation);
        assert_eq!(lookup("MARCH").lex, Lex::Month(3));
        assert!(!lookup("MARCH").abbreviation);
        assert_eq!(lookup("a.m.").lex, Lex::Kw(Kw::Am));
        assert_eq!(lookup("Thursdays").lex, Lex::Weekdays(Weekday::Thu));
        assert_eq!(lookup("second").lex, Lex::Ordinal(2));
        assert_eq!(lookup("seconds").lex, Lex::Units(Unit::Second));
        assert_eq!(lookup("Beirut").lex, Lex::Other);
        assert_eq!(lookup("O’clock").lex, Lex::Kw(Kw::Oclock));
        assert_eq!(lookup("déjà").lex, Lex::Other);
    }
}
