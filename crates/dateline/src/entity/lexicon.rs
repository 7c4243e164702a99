//! Word classes that names, titles and roles are recognized by: one hash lookup per word, on a
//! lower-cased key, gives a set of flags.
//!
//! The lists are general English (and common transliterated first names); nothing in them is
//! specific to a story.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::fx::{hash_str, FxBuild};

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
/// Direction words that join a following place: "East Jerusalem", "Northern Iraq".
pub(crate) const DIRECTION: u32 = 1 << 18;
/// Weak place prepositions: "to", "from".
pub(crate) const PLACE_PREP_WEAK: u32 = 1 << 19;

const TITLES: &str = "president minister secretary ambassador spokesperson spokesman spokeswoman \
spokespeople head chief leader chairman chairwoman chairperson chair ceo cfo coo cto general \
king queen prince princess sheikh sheik emir amir sultan senator governor mayor envoy \
representative director commander judge pope cardinal archbishop bishop rabbi imam ayatollah \
cleric professor prof dr coach captain capt colonel col lieutenant lt sergeant sgt admiral adm \
marshal brigadier officer official adviser advisor aide member members deputy candidate \
lawmaker legislator congressman congresswoman mp analyst expert researcher scholar journalist \
correspondent reporter editor columnist commentator founder co-founder owner economist \
negotiator manager premier chancellor president-elect consul diplomat mufti patriarch rev \
reverend lord lady sir dame baron baroness duke duchess emperor empress tsar czar shah activist \
lawyer attorney prosecutor commissioner superintendent inspector detective sheriff speaker \
treasurer comptroller auditor dean rector executive vp fm pm gen maj sen gov pres supt det atty \
amb hon secretary-general undersecretary under-secretary spokesmen officials leaders experts \
analysts heads chiefs ministers presidents ambassadors envoys advisers advisors aides deputies \
dictator strongman mullah pastor priest father monsignor chaplain principal ombudsman \
viceroy regent crown-prince coordinator ministers";

const TITLE_MODS: &str =
    "deputy vice foreign prime defense defence interior finance economy economic \
trade health education energy culture justice agriculture transport transportation labor labour \
environment security national home state federal former ex acting interim senior junior chief \
special first assistant associate executive attorney supreme grand crown political military \
media press international regional affairs permanent top lead principal managing honorary \
outgoing incoming current parliamentary presidential bureau politburo deputy-head general \
major foreign-affairs information intelligence commerce industry housing tourism sports \
communications emergency public local chief-of-staff staff party movement council committee \
office ministry government army navy police department group company bank union federation \
relations human rights legal technical scientific religious spiritual opposition rebel \
militant islamist majority minority house senate lower upper central regional provincial \
municipal city county district world global";

const HONORIFICS: &str = "mr mrs ms miss mx messrs mme mlle madam madame monsieur herr";

const ORG_CUES: &str =
    "ministry movement council committee party bureau office agency organization \
organisation union front brigades brigade authority parliament duma assembly corp corporation \
inc ltd llc plc co company bank university college institute institution news times post \
journal herald tribune gazette association federation commission court department service \
services army forces force navy police group foundation fund church club airlines airways \
press network channel radio television tv net online daily weekly media newspaper politburo \
battalion regiment division corps guard guards militia league alliance coalition congress \
senate cabinet administration secretariat directorate board school academy centre center \
society trust partners holdings industries systems technologies motors bureau commission \
council's inc. corp. ltd. co. llc. plc. conference summit command brotherhood jihad \
embassy consulate mission institute laboratory lab hospital clinic \
house kremlin pentagon parliament knesset majlis rada sejm bundestag junta tribunal";

const PLACE_CUES: &str = "mosque square street airport bridge strait bay sea ocean river lake \
mountains mountain mount island islands valley desert gulf peninsula province region district \
county camp plaza park avenue road canal palace temple stadium heights coast highway port \
harbor harbour crossing checkpoint border hills basin delta oblast governorate prefecture \
republic kingdom emirate sultanate principality territory territories";

const FUNCTION_WORDS: &str =
    "the a an this that these those it its he she they we i you his her their our \
my your me him them us in on at by for from of to with without within about above across after \
against along amid amidst among around as before behind below beneath beside besides between \
beyond but despite down during except following inside into like near off onto out outside over \
past per since than through throughout till toward towards under underneath unlike until up \
upon via and or nor so yet if when while where whereas whether because although though once \
unless how what which who whom whose why all any both each either every few many more most much \
neither no none not other others several some such another also additionally meanwhile however \
moreover furthermore nevertheless nonetheless therefore thus hence indeed instead still then \
there here now today tomorrow yesterday tonight later earlier already again even only just \
perhaps maybe finally first second third last next according regarding concerning including \
given is are was were be been being has have had do does did will would shall should can could \
may might must yes oh ok okay let please well so-called whatever whoever whenever wherever \
nothing everything something anything everyone someone anyone nobody somebody everybody \
generally specifically similarly likewise overall currently recently previously initially \
eventually suffice prior true false below above among amid why unlike accordingly consequently \
subsequently notably importantly interestingly ultimately apparently clearly obviously \
certainly surely actually basically essentially especially particularly mainly mostly largely \
partly fully nearly almost about approximately roughly often sometimes usually always never \
rarely seldom soon long once twice thanks thank hello dear sorry says said asked told whereby \
otherwise altogether anyway besides hopefully sadly unfortunately fortunately luckily \
ironically here's there's it's that's what's who's let's don't doesn't didn't isn't aren't \
wasn't weren't can't couldn't won't wouldn't shouldn't i'm i've i'd i'll we're we've they're \
you're he's she's";

const NON_ENTITIES: &str = "monday tuesday wednesday thursday friday saturday sunday january february march \
april may june july august september october november december jan feb mar apr jun jul aug sep \
sept oct nov dec islam islamic islamist islamists muslim muslims jewish jew jews christian \
christians christianity catholic catholics protestant protestants orthodox sunni sunnis shia \
shiite shiites hindu hindus buddhist buddhists judaism buddhism hinduism zionist zionists \
zionism arab arabs arabic western eastern northern southern central god allah internet \
ramadan christmas easter eid hanukkah passover thanksgiving diwali lent halloween ok tv \
photo photos source sources comments comment reply share read more click advertisement related \
subscribe copyright image images credit caption video videos note update updated editor \
newsletter login sign menu home search print email follow tags tag category categories \
celsius fahrenheit am pm a.m. p.m. ad bc ce bce english latin spanish-language \
communist communists socialist socialists democrat democrats republican republicans liberal \
liberals conservative conservatives nazi nazis fascist marxist leninist soviet bolshevik \
countries nations peoples covid covid-19 coronavirus aids hiv ebola sars olympics olympic games world war cup \
mr. mrs. ms. dr. inc";

const PARTICLES: &str =
    "al el ad ar as at az ash ul bin ibn bint ben van von der den de da di du del della \
la le dos das ter abu abd abdel abdul abou";

const ORG_AFTER_WORDS: &str =
    "movement group party organization organisation militia faction delegation \
officials official leadership leaders leader members member spokesperson spokesman spokeswoman \
fighters militants forces government regime authorities statement media website news agency \
newspaper channel politburo bureau office council committee company firm corporation bank \
shares stock executives board lawmakers representatives representative chief head activists \
supporters administration troops army police network headquarters founder affiliate subsidiary \
officer officers commanders commander brigades wing cadres operatives envoy envoys delegates \
delegations ministry ministers minister embassy mission sources's spokespeople chairman \
president director leaders' members' investors customers employees staff shareholders \
subscribers users platform app brand products product plant factory stores unit division";

const ORG_BEFORE_WORDS: &str =
    "group movement party organization organisation militia company firm \
faction newspaper broadcaster agency network outlet channel daily website publication union \
bank carrier airline automaker retailer giant conglomerate insurer lender manufacturer maker \
startup start-up operator outfit broadcaster organisations organizations groups movements \
parties factions militias companies firms";

const SPEECH_WORDS: &str =
    "said says told added explained stated noted stressed urged asked insisted \
argued warned wrote claimed emphasized emphasised replied continued recalled declared believes \
thinks thought tweeted remarked acknowledged admitted conceded confirmed denied suggested \
recounted complained lamented mused quipped testified";

const PLACE_PREPS: &str = "in near outside inside across throughout into toward towards around \
within";

const PLACE_PREPS_WEAK: &str = "to from via at";

const DETS: &str = "the a an his her its their our my your this that whose";

const ROLE_PREPS: &str = "of to for at in on with";

const LC_ORGS: &str =
    "ministry government parliament embassy army navy cabinet senate duma council \
committee agency military-intelligence foreign-ministry";

const PLACE_NOUNS: &str =
    "city cities town towns village villages region regions province provinces \
capital district districts state port island islands country countries camp camps area \
neighbourhood neighborhood suburb municipality governorate oblast republic";

const DIRECTIONS: &str = "east west north south eastern western northern southern central upper \
lower greater northeast northwest southeast southwest northeastern northwestern southeastern \
southwestern occupied";

/// Common given names across English, Arabic, Hebrew, Persian, Turkish, Russian and other
/// Slavic, French, Spanish, German, Chinese and Indian usage, in their usual English spellings.
const FIRST_NAMES: &str =
    "aaron abdullah abraham adam adrian ahmad ahmed aisha alan albert alex alexander \
alexandre alexandra alexei alexey aleksandr aleksei ali alice alicia alison amanda amir amy ana \
anatoly andre andrea andreas andrei andrew andrey andy angela angelina anita ann anna anne \
anthony antonio anton arkady arthur ashley avi barack barbara bashar ben benjamin bernard \
bernie beth betty bill billy bob bobby boris brad brandon brenda brian bruce carl carlos \
carmen carol caroline catherine charles charlie chen chris christian christina christine \
christopher claire claude claudia colin craig cynthia dan daniel daniela danny dave david \
deborah denis dennis diana diane dmitri dmitry dmitriy donald donna doug douglas edward \
elena elizabeth ellen emily emma emmanuel eric erik eva evgeny fatima faisal fernando \
francesco francis francisco frank fred frederick gary george gerald gerhard gregory greg \
hamid hamza hans harold harry hasan hassan heather helen henry hillary howard hugo hussein \
ibrahim igor ilya irina isaac ismail ivan jack jacob james jamal jan jane janet jason jean \
jeff jeffrey jennifer jeremy jerry jessica jim jimmy joan joe john johnny jon jonathan jorge \
jose joseph joshua juan julia julian julie justin karen karim karl kate katherine kathleen \
kathy keith kelly ken kenneth kevin khaled khalid kim kirill kyle larry laura lauren lee leonid \
linda lisa liu louis luis luke lynn mahmoud mahmud marco margaret maria marie marina mario mark \
martin mary matthew maxim maksim maya megan melissa michael michel michelle miguel mikhail mike \
mohamed mohammad mohammed muhammad mustafa nancy natalia natalya nathan neil nicholas nick \
nicolas nikita nikolai nikolay nina oleg olga omar oscar osama pablo patricia patrick paul \
pavel pedro peter philip philippe pierre rachel rafael ralph ramzan randy raul ray raymond \
rebecca richard rick robert roberto roger roman ronald rose ruth ryan saad salah saleh sally \
sam samuel sandra sara sarah scott sean sergei sergey sharon shirley simon sophie stanislav \
stephanie stephen steve steven susan svetlana tamara tanya tatiana tatyana teresa thomas \
tim timothy tom tony tyler valentina valery vasily victor viktor vincent vladimir vladislav \
walid walter wang wayne william xi yasser yevgeny yuri yury zhang yusuf youssef yousef \
musa moussa mousa mohamad abdel abdul abdulla abdallah nabil nasser rami sami tarek tariq \
ayman anwar hosni hafez fahd saud salman turki tamim hamad zayed issa yahya zakaria marwan \
khalil jawad rashid rashed naji nadia layla leila yasmin zainab maryam ehud yitzhak moshe \
shimon ariel avigdor naftali yair benny gideon itamar bezalel reuven dov eli yossi \
ali-reza alireza reza hossein mohsen hassan javad mahmoud ebrahim recep ahmet mehmet mustafa \
kemal emine narendra rahul sonia indira rajiv amit arjun priya sunil anil vijay ravi shinzo \
fumio yoshihide junichiro kim moon yoon jae hu li xi wen emmanuel francois jacques nicolas \
angela olaf helmut gerhard friedrich wolfgang jurgen klaus hans volodymyr petro viktor \
vitali vitaly alexander recep joe kamala nancy mitch chuck donald hillary bernie \
ted rand marco elon jeff tim satya sundar mark warren jamie larry sergey";

fn insert(map: &mut HashMap<u64, u32, FxBuild>, words: &'static str, flag: u32) {
    for w in words.split_whitespace() {
        *map.entry(hash_str(w)).or_insert(0) |= flag;
    }
}

/// Word hash ([`hash_str`] of the lower-cased word) → flags.
static LEXICON: LazyLock<HashMap<u64, u32, FxBuild>> = LazyLock::new(|| {
    let mut map = HashMap::with_capacity_and_hasher(2500, FxBuild);
    insert(&mut map, TITLES, TITLE);
    insert(&mut map, TITLE_MODS, TITLE_MOD);
    insert(&mut map, HONORIFICS, HONORIFIC);
    insert(&mut map, ORG_CUES, ORG_CUE);
    insert(&mut map, PLACE_CUES, PLACE_CUE);
    insert(&mut map, FUNCTION_WORDS, FUNCTION);
    insert(&mut map, NON_ENTITIES, NON_ENTITY);
    insert(&mut map, FIRST_NAMES, FIRST_NAME);
    insert(&mut map, PARTICLES, PARTICLE);
    insert(&mut map, ORG_AFTER_WORDS, ORG_AFTER);
    insert(&mut map, ORG_BEFORE_WORDS, ORG_BEFORE);
    insert(&mut map, SPEECH_WORDS, SPEECH);
    insert(&mut map, PLACE_PREPS, PLACE_PREP);
    insert(&mut map, PLACE_PREPS_WEAK, PLACE_PREP_WEAK);
    insert(&mut map, DETS, DET);
    insert(&mut map, ROLE_PREPS, ROLE_PREP);
    insert(&mut map, LC_ORGS, LC_ORG);
    insert(&mut map, PLACE_NOUNS, PLACE_NOUN);
    insert(&mut map, DIRECTIONS, DIRECTION);
    insert(
        &mut map,
        "republic kingdom state gulf bay sea strait isle island province city emirate sultanate \
         principality university bank ministry council committee office organization organisation \
         department institute college school academy court federation union league association \
         commission agency authority party movement front church house secretary minister",
        TAKES_OF,
    );
    map
});

/// The flags of a word by its [`hash_str`].
#[inline]
pub(crate) fn flags_of_hash(hash: u64) -> u32 {
    LEXICON.get(&hash).copied().unwrap_or(0)
}

/// Whether a lower-cased word ends like a family name in a common pattern (Slavic -ov, -enko,
/// -sky; Georgian -shvili; Armenian -yan; Turkish -oglu …).
pub(crate) fn surname_like(lower: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ov", "ova", "ev", "eva", "in", "ina", "enko", "sky", "ski", "ska", "skaya", "vich",
        "wicz", "shvili", "dze", "yan", "ian", "oglu", "ić", "ic", "escu", "son", "sen", "ez",
        "stein", "berg", "mann",
    ];
    lower.chars().count() >= 4 && ENDINGS.iter().any(|e| lower.ends_with(e))
}
