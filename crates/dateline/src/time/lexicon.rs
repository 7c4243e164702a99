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

const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

/// Month abbreviations: words only when written with their period or before a number.
pub(crate) const MONTH_ABBREVIATIONS: &[(&str, u8)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// Weekday abbreviations, words only with their period.
pub(crate) const WEEKDAY_ABBREVIATIONS: &[(&str, Weekday)] = &[
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("thur", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

const NUMBERS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("dozen", 12),
];

const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
];

const UNITS: &[(&str, Unit, bool)] = &[
    ("second", Unit::Second, false),
    ("seconds", Unit::Second, true),
    ("minute", Unit::Minute, false),
    ("minutes", Unit::Minute, true),
    ("min", Unit::Minute, false),
    ("mins", Unit::Minute, true),
    ("hour", Unit::Hour, false),
    ("hours", Unit::Hour, true),
    ("hr", Unit::Hour, false),
    ("hrs", Unit::Hour, true),
    ("day", Unit::Day, false),
    ("days", Unit::Day, true),
    ("weekend", Unit::Weekend, false),
    ("weekends", Unit::Weekend, true),
    ("week", Unit::Week, false),
    ("weeks", Unit::Week, true),
    ("fortnight", Unit::Fortnight, false),
    ("fortnights", Unit::Fortnight, true),
    ("month", Unit::Month, false),
    ("months", Unit::Month, true),
    ("quarter", Unit::Quarter, false),
    ("quarters", Unit::Quarter, true),
    ("year", Unit::Year, false),
    ("years", Unit::Year, true),
    ("yr", Unit::Year, false),
    ("yrs", Unit::Year, true),
    ("decade", Unit::Decade, false),
    ("decades", Unit::Decade, true),
    ("century", Unit::Century, false),
    ("centuries", Unit::Century, true),
    ("millennium", Unit::Millennium, false),
    ("millennia", Unit::Millennium, true),
];

const SEASONS: &[(&str, Season)] = &[
    ("spring", Season::Spring),
    ("summer", Season::Summer),
    ("fall", Season::Fall),
    ("autumn", Season::Fall),
    ("winter", Season::Winter),
];

const PARTS: &[(&str, PartOfDay)] = &[
    ("morning", PartOfDay::Morning),
    ("mornings", PartOfDay::Morning),
    ("afternoon", PartOfDay::Afternoon),
    ("afternoons", PartOfDay::Afternoon),
    ("evening", PartOfDay::Evening),
    ("evenings", PartOfDay::Evening),
    ("night", PartOfDay::Night),
    ("nights", PartOfDay::Night),
    ("midday", PartOfDay::Midday),
    ("daytime", PartOfDay::Daytime),
];

const DECADE_WORDS: &[(&str, u8)] = &[
    ("twenties", 2),
    ("thirties", 3),
    ("forties", 4),
    ("fifties", 5),
    ("sixties", 6),
    ("seventies", 7),
    ("eighties", 8),
    ("nineties", 9),
];

/// Single-word holiday names (multi-word names are matched by the grammar from these heads).
const HOLIDAYS: &[(&str, Holiday)] = &[
    ("christmas", Holiday::Christmas),
    ("xmas", Holiday::Christmas),
    ("thanksgiving", Holiday::Thanksgiving),
    ("easter", Holiday::Easter),
    ("halloween", Holiday::Halloween),
];

const HOLIDAY_HEADS: &[(&str, Holiday)] = &[
    ("new", Holiday::NewYearsDay),
    ("good", Holiday::GoodFriday),
    ("independence", Holiday::IndependenceDay),
    ("labor", Holiday::LaborDay),
    ("labour", Holiday::LaborDay),
    ("memorial", Holiday::MemorialDay),
    ("veterans", Holiday::VeteransDay),
    ("boxing", Holiday::BoxingDay),
    ("columbus", Holiday::ColumbusDay),
    ("presidents", Holiday::PresidentsDay),
    ("valentine", Holiday::Valentines),
    ("mother", Holiday::MothersDay),
    ("mothers", Holiday::MothersDay),
    ("father", Holiday::FathersDay),
    ("fathers", Holiday::FathersDay),
    ("election", Holiday::ElectionDay),
];

const KEYWORDS: &[(&str, Kw)] = &[
    ("the", Kw::The),
    ("a", Kw::A),
    ("an", Kw::A),
    ("this", Kw::This),
    ("that", Kw::That),
    ("these", Kw::These),
    ("those", Kw::Those),
    ("last", Kw::Last),
    ("next", Kw::Next),
    ("past", Kw::Past),
    ("coming", Kw::Coming),
    ("upcoming", Kw::Coming),
    ("previous", Kw::Previous),
    ("preceding", Kw::Previous),
    ("prior", Kw::Previous),
    ("following", Kw::Following),
    ("succeeding", Kw::Following),
    ("same", Kw::Same),
    ("comparable", Kw::Comparable),
    ("corresponding", Kw::Comparable),
    ("current", Kw::Current),
    ("latest", Kw::Latest),
    ("recent", Kw::Recent),
    ("early", Kw::Early),
    ("earlier", Kw::Earlier),
    ("mid", Kw::Mid),
    ("middle", Kw::Middle),
    ("late", Kw::Late),
    ("later", Kw::Later),
    ("end", Kw::End),
    ("beginning", Kw::Beginning),
    ("start", Kw::Start),
    ("close", Kw::Close),
    ("ago", Kw::Ago),
    ("before", Kw::Before),
    ("after", Kw::After),
    ("from", Kw::From),
    ("now", Kw::Now),
    ("today", Kw::Today),
    ("tomorrow", Kw::Tomorrow),
    ("yesterday", Kw::Yesterday),
    ("tonight", Kw::Tonight),
    ("every", Kw::Every),
    ("each", Kw::Each),
    ("per", Kw::Per),
    ("of", Kw::Of),
    ("and", Kw::And),
    ("or", Kw::Or),
    ("to", Kw::To),
    ("through", Kw::Through),
    ("thru", Kw::Through),
    ("between", Kw::Between),
    ("until", Kw::Until),
    ("till", Kw::Until),
    ("since", Kw::Since),
    ("in", Kw::In),
    ("on", Kw::On),
    ("at", Kw::At),
    ("by", Kw::By),
    ("during", Kw::During),
    ("around", Kw::Around),
    ("about", Kw::About),
    ("nearly", Kw::Nearly),
    ("almost", Kw::Almost),
    ("approximately", Kw::Approximately),
    ("roughly", Kw::Roughly),
    ("some", Kw::Some),
    ("more", Kw::More),
    ("less", Kw::Less),
    ("fewer", Kw::Less),
    ("than", Kw::Than),
    ("over", Kw::Over),
    ("under", Kw::Under),
    ("least", Kw::Least),
    ("up", Kw::Up),
    ("no", Kw::No),
    ("few", Kw::Few),
    ("several", Kw::Several),
    ("couple", Kw::Couple),
    ("many", Kw::Many),
    ("fiscal", Kw::Fiscal),
    ("half", Kw::Half),
    ("daily", Kw::Daily),
    ("nightly", Kw::Daily),
    ("weekly", Kw::Weekly),
    ("monthly", Kw::Monthly),
    ("yearly", Kw::Yearly),
    ("annually", Kw::Annually),
    ("hourly", Kw::Hourly),
    ("future", Kw::Future),
    ("present", Kw::Present),
    ("recently", Kw::Recently),
    ("currently", Kw::Currently),
    ("presently", Kw::Currently),
    ("lately", Kw::Lately),
    ("nowadays", Kw::Nowadays),
    ("once", Kw::Once),
    ("twice", Kw::Twice),
    ("times", Kw::Times),
    ("noon", Kw::Noon),
    ("midnight", Kw::Midnight),
    ("am", Kw::Am),
    ("pm", Kw::Pm),
    ("est", Kw::Zone),
    ("edt", Kw::Zone),
    ("cst", Kw::Zone),
    ("cdt", Kw::Zone),
    ("mst", Kw::Zone),
    ("mdt", Kw::Zone),
    ("pst", Kw::Zone),
    ("pdt", Kw::Zone),
    ("gmt", Kw::Zone),
    ("utc", Kw::Zone),
    ("bst", Kw::Zone),
    ("cet", Kw::Zone),
    ("o'clock", Kw::Oclock),
    ("ahead", Kw::Ahead),
    ("hence", Kw::Hence),
    ("within", Kw::Within),
    ("for", Kw::For),
    ("turn", Kw::Turn),
    ("soon", Kw::Soon),
    ("near", Kw::Near),
    ("short", Kw::Near),
    ("account", Kw::Account),
    ("accounts", Kw::Account),
    ("ended", Kw::Ended),
    ("his", Kw::Person),
    ("her", Kw::Person),
    ("their", Kw::Person),
    ("my", Kw::Person),
    ("your", Kw::Person),
    ("our", Kw::Person),
    ("player", Kw::Award),
    ("coach", Kw::Award),
    ("manager", Kw::Award),
    ("rookie", Kw::Award),
    ("athlete", Kw::Award),
    ("man", Kw::Award),
    ("woman", Kw::Award),
    ("person", Kw::Award),
    ("team", Kw::Award),
    ("album", Kw::Award),
    ("song", Kw::Award),
    ("book", Kw::Award),
    ("film", Kw::Award),
    ("movie", Kw::Award),
    ("car", Kw::Award),
    ("it", Kw::Pronoun),
    ("he", Kw::Pronoun),
    ("she", Kw::Pronoun),
    ("they", Kw::Pronoun),
    ("we", Kw::Pronoun),
    ("you", Kw::Pronoun),
    ("ending", Kw::Ended),
    ("period", Kw::Period),
    ("term", Kw::Term),
    ("era", Kw::Era),
    ("trading", Kw::Trading),
    ("business", Kw::Business),
    ("additional", Kw::Additional),
    ("extra", Kw::Additional),
    ("another", Kw::Another),
    ("whole", Kw::Whole),
    ("full", Kw::Full),
    ("entire", Kw::Entire),
    ("overnight", Kw::Overnight),
    ("then", Kw::Then),
    ("eve", Kw::Eve),
    ("as", Kw::As),
    ("set", Kw::Set),
    ("planning", Kw::Plan),
    ("but", Kw::Clause),
    ("be", Kw::Be),
    ("been", Kw::Be),
    ("being", Kw::Be),
    ("has", Kw::Have),
    ("have", Kw::Have),
    ("which", Kw::Clause),
    ("who", Kw::Clause),
    ("whom", Kw::Clause),
    ("where", Kw::Clause),
    ("while", Kw::Clause),
    ("when", Kw::Clause),
    ("because", Kw::Clause),
    ("although", Kw::Clause),
    ("though", Kw::Clause),
    ("whereas", Kw::Clause),
    ("still", Kw::Still),
    ("long", Kw::Long),
    ("decided", Kw::Intent),
    ("decide", Kw::Intent),
    ("decides", Kw::Intent),
    ("agreed", Kw::Intent),
    ("agree", Kw::Intent),
    ("agrees", Kw::Intent),
    ("voted", Kw::Intent),
    ("vote", Kw::Intent),
    ("votes", Kw::Intent),
    ("promised", Kw::Intent),
    ("promise", Kw::Intent),
    ("promises", Kw::Intent),
    ("pledged", Kw::Intent),
    ("pledge", Kw::Intent),
    ("pledges", Kw::Intent),
    ("vowed", Kw::Intent),
    ("vow", Kw::Intent),
    ("vows", Kw::Intent),
    ("threatened", Kw::Intent),
    ("threaten", Kw::Intent),
    ("threatens", Kw::Intent),
    ("hope", Kw::Intent),
    ("hopes", Kw::Intent),
    ("hoped", Kw::Intent),
    ("want", Kw::Intent),
    ("wants", Kw::Intent),
    ("wanted", Kw::Intent),
    ("aim", Kw::Intent),
    ("aims", Kw::Intent),
    ("aimed", Kw::Intent),
    ("prepared", Kw::Intent),
    ("ready", Kw::Intent),
    ("likely", Kw::Intent),
    ("poised", Kw::Intent),
    ("met", Kw::PastVerb),
    ("brought", Kw::PastVerb),
    ("made", Kw::PastVerb),
    ("gave", Kw::PastVerb),
    ("went", Kw::PastVerb),
    ("came", Kw::PastVerb),
    ("began", Kw::PastVerb),
    ("held", Kw::PastVerb),
    ("saw", Kw::PastVerb),
    ("won", Kw::PastVerb),
    ("lost", Kw::PastVerb),
    ("led", Kw::PastVerb),
    ("left", Kw::PastVerb),
    ("fell", Kw::PastVerb),
    ("rose", Kw::PastVerb),
    ("sold", Kw::PastVerb),
    ("bought", Kw::PastVerb),
    ("paid", Kw::PastVerb),
    ("became", Kw::PastVerb),
    ("sent", Kw::PastVerb),
    ("built", Kw::PastVerb),
    ("found", Kw::PastVerb),
    ("kept", Kw::PastVerb),
    ("got", Kw::PastVerb),
    ("struck", Kw::PastVerb),
    ("spoke", Kw::PastVerb),
    ("wrote", Kw::PastVerb),
    ("broke", Kw::PastVerb),
    ("chose", Kw::PastVerb),
    ("drew", Kw::PastVerb),
    ("flew", Kw::PastVerb),
    ("grew", Kw::PastVerb),
    ("knew", Kw::PastVerb),
    ("ran", Kw::PastVerb),
    ("sought", Kw::PastVerb),
    ("stood", Kw::PastVerb),
    ("thought", Kw::PastVerb),
    ("threw", Kw::PastVerb),
    ("arose", Kw::PastVerb),
    ("fought", Kw::PastVerb),
    ("heard", Kw::PastVerb),
    ("meant", Kw::PastVerb),
    ("will", Kw::Will),
    ("'ll", Kw::Will),
    ("shall", Kw::Will),
    ("would", Kw::Would),
    ("going", Kw::Going),
    ("expected", Kw::Expected),
    ("expects", Kw::Expected),
    ("scheduled", Kw::Scheduled),
    ("due", Kw::Due),
    ("plan", Kw::Plan),
    ("plans", Kw::Plan),
    ("planned", Kw::Plan),
    ("intends", Kw::Plan),
    ("upcoming", Kw::Coming),
    ("was", Kw::Was),
    ("were", Kw::Was),
    ("had", Kw::Had),
    ("did", Kw::Did),
    ("said", Kw::Said),
    ("says", Kw::Said),
    ("told", Kw::Said),
    ("thousand", Kw::Thousand),
    ("hundred", Kw::Hundred),
    ("its", Kw::Its),
    ("is", Kw::Is),
    ("old", Kw::Old),
    ("lasted", Kw::Measure),
    ("lasts", Kw::Measure),
    ("took", Kw::Measure),
    ("takes", Kw::Measure),
    ("spent", Kw::Measure),
    ("spend", Kw::Measure),
    ("waited", Kw::Measure),
    ("served", Kw::Measure),
    ("are", Kw::Is),
    ("days", Kw::Days),
];

// FxHash, not the default SipHash: every word of every document is looked up here, and the keys
// are the fixed lexicon, so words chosen to collide cannot make lookups slower than a probe.
// Each word maps to its class and whether it is a short form (`sept`, `thu`); a full word wins
// over a short form, a month's short form over a weekday's.
// Keyed by the word packed into one number (`pack_word`): the lookup lower-cases into a byte
// buffer and packs it.
static LEXICON: LazyLock<FxHashMap<u128, (Lex, bool)>> = LazyLock::new(|| {
    let mut map: FxHashMap<&'static str, Lex> =
        FxHashMap::with_capacity_and_hasher(512, FxBuildHasher);
    for &(k, v) in KEYWORDS {
        map.insert(k, Lex::Kw(v));
    }
    for &(k, v) in NUMBERS {
        map.insert(k, Lex::Num(v));
    }
    for &(k, v) in ORDINALS {
        map.insert(k, Lex::Ordinal(v));
    }
    for &(k, u, plural) in UNITS {
        map.insert(k, if plural { Lex::Units(u) } else { Lex::Unit(u) });
    }
    for &(k, v) in SEASONS {
        map.insert(k, Lex::Season(v));
    }
    for &(k, v) in PARTS {
        map.insert(k, Lex::Part(v));
    }
    for &(k, v) in DECADE_WORDS {
        map.insert(k, Lex::DecadeWord(v));
    }
    for &(k, v) in HOLIDAYS {
        map.insert(k, Lex::Holiday(v));
    }
    for &(k, v) in HOLIDAY_HEADS {
        map.insert(k, Lex::HolidayHead(v));
    }
    for &(k, v) in MONTHS {
        map.insert(k, Lex::Month(v));
    }
    for &(k, v) in WEEKDAYS {
        map.insert(k, Lex::Weekday(v));
    }
    // "second" is an ordinal first; the grammar reads it as a unit after a number.
    map.insert("second", Lex::Ordinal(2));
    // Every key fits (`every_key_packs` tests it); one that did not would never be found.
    let mut all: FxHashMap<u128, (Lex, bool)> = map
        .into_iter()
        .filter_map(|(k, v)| Some((pack_word(k.as_bytes())?, (v, false))))
        .collect();
    // Plural weekdays are recurrences ("on Mondays"). Packed from a string made here and
    // dropped: the table keeps no text.
    for &(k, v) in WEEKDAYS {
        if let Some(key) = pack_word(format!("{k}s").as_bytes()) {
            all.insert(key, (Lex::Weekdays(v), false));
        }
    }
    for &(k, m) in MONTH_ABBREVIATIONS {
        if let Some(key) = pack_word(k.as_bytes()) {
            all.entry(key).or_insert((Lex::Month(m), true));
        }
    }
    for &(k, w) in WEEKDAY_ABBREVIATIONS {
        if let Some(key) = pack_word(k.as_bytes()) {
            all.entry(key).or_insert((Lex::Weekday(w), true));
        }
    }
    all
});

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
    let mut buf = [0u8; MAX_KEY + 4];
    let mut n = 0;
    let mut dotted = false;
    for &b in bytes {
        if b == b'.' {
            dotted = true;
            continue;
        }
        buf[n] = b.to_ascii_lowercase();
        n += 1;
    }
    let Some(key) = pack_word(&buf[..n]) else {
        return other;
    };
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
    fn every_key_packs() {
        let words = KEYWORDS
            .iter()
            .map(|e| e.0)
            .chain(NUMBERS.iter().map(|e| e.0))
            .chain(ORDINALS.iter().map(|e| e.0))
            .chain(UNITS.iter().map(|e| e.0))
            .chain(SEASONS.iter().map(|e| e.0))
            .chain(PARTS.iter().map(|e| e.0))
            .chain(DECADE_WORDS.iter().map(|e| e.0))
            .chain(HOLIDAYS.iter().map(|e| e.0))
            .chain(HOLIDAY_HEADS.iter().map(|e| e.0))
            .chain(MONTHS.iter().map(|e| e.0))
            .chain(MONTH_ABBREVIATIONS.iter().map(|e| e.0))
            .chain(WEEKDAY_ABBREVIATIONS.iter().map(|e| e.0));
        let plurals = WEEKDAYS.iter().map(|e| format!("{}s", e.0));
        let all: Vec<String> = words
            .chain(WEEKDAYS.iter().map(|e| e.0))
            .map(String::from)
            .chain(plurals)
            .collect();
        for w in &all {
            assert!(
                pack_word(w.as_bytes()).is_some() && !w.contains('\0'),
                "{w:?} does not pack"
            );
            assert_ne!(lookup(w).lex, Lex::Other, "{w:?}");
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
