//! Clustering: which mentions tell one happening.
//!
//! Two mentions can tell one happening when their words name a concept in common or one names
//! the broader concept of the other (WordNet: "resigned" and "stepped down", "bought" and
//! "acquisition"; [`crate::vocab::concepts`]), their dates can be one date (or are a day or two
//! apart, which reconciliation reports as a conflict), and their places do not disagree. Then
//! the evidence must be enough for the kinship of their words: a shared participant, a shared
//! place, the same document, or, for the same concept on the same day, nothing against it.
//! Candidate pairs come from postings keyed by concept and time bucket, never from all pairs of
//! the corpus; the clusters are the same whatever the order of the input.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use rustc_hash::{FxHashMap, FxHashSet};

use super::pair_model::{self, PairFeatures, PAIR_FEATURES};
use super::reference::{self, Reference};

use crate::entity::{self, Entity, EntityKind, NameKey, WordSketch};
use crate::event::{EventAnchoring, EventClass, Extraction, Tense, TriggerClass};
use crate::sorted::common;
use crate::time::{DateValue, Interval};
use crate::vocab::concepts::{self, Kinship, Pos};
use crate::Document;

/// The hand lexicon's kinds of happening that may name one happening told in different words:
/// an arrival or a reception is the start of a visit, an arrest and a detention are one
/// custody. 0 for none: WordNet's concepts decide alone.
fn class_group(class: TriggerClass) -> u8 {
    match class {
        TriggerClass::Visit | TriggerClass::Arrival | TriggerClass::Meeting => 1,
        TriggerClass::Statement | TriggerClass::Reaction => 3,
        TriggerClass::Election | TriggerClass::Appointment => 4,
        TriggerClass::Founding => 5,
        TriggerClass::LifeEvent => 6,
        TriggerClass::Agreement => 7,
        TriggerClass::Custody => 8,
        TriggerClass::Attack => 9,
        TriggerClass::Decision => 10,
        TriggerClass::Business => 11,
        TriggerClass::Departure => 12,
        TriggerClass::Other => 0,
    }
}

/// A mention that can go on a timeline, with what merging compares.
pub(crate) struct Item {
    pub doc: usize,
    pub event: usize,
    /// The trigger's lemma, as a number that is the same for the same lemma.
    lemma: u32,
    /// Its kind of happening in the hand lexicon ([`class_group`]).
    group: u8,
    /// The concepts of its words (trigger and folded words), sorted, and the broader ones.
    core: Vec<u32>,
    broad: Vec<u32>,
    /// [`signature`]s of `core` and `broad`.
    core_sig: Signature<1>,
    broad_sig: Signature<1>,
    pub when: DateValue,
    /// The days of `when`, computed once: most comparisons of dates are of intervals.
    days: Option<Interval>,
    /// The event's own participants. This list and the next two are sorted, without
    /// repeats.
    participants: Vec<NameRef>,
    /// The event's own participants that are people.
    persons: Vec<NameRef>,
    /// Its people who did it (agents): two reports of one kind of happening whose doers are
    /// different people tell two happenings.
    agents: Vec<NameRef>,
    /// Every person and organisation named in its sentence.
    sentence_names: Vec<NameRef>,
    location: Option<NameRef>,
    /// Whether the place is a country, a state or a region (which may hold another place).
    wide_location: bool,
    /// The kind of happening its word's first sense names in WordNet ("motion" for
    /// "capsized" and "sank"), where that kind is a physical or social change.
    kind: Option<u8>,
    /// Whether it is the first mention of its sentence on the timeline (the sentence's main
    /// happening, as a rule: "the delegation led by … arrived" starts with a description).
    pub first_in_sentence: bool,
    /// Whether its TimeML class is a happening's (an occurrence, an intended action, a
    /// beginning or end), not a statement, a perception or a state.
    occurrence: bool,
    /// Dated by an explicit expression in an event that happened.
    pub explicit: bool,
    /// The days its document may have been published, as far as known.
    pub(crate) window: Option<(NaiveDate, NaiveDate)>,
    /// Counted from its document's publication day ("on Tuesday", "yesterday", the lede's
    /// day), not a day the text states by number ("12 June").
    from_publication: bool,
    /// Dated only by the narrative around it (no expression of its own, not the story's news
    /// in the lede): it joins only a happening of its own document, and is no evidence of when
    /// a document was published.
    pub inherited: bool,
    /// The figures of its sentence ("24 percent", "6.2", "2:05:48"), hashed, sorted: the
    /// same figure in two reports of one day is one fact told twice.
    figures: Vec<u64>,
    /// The common nouns around its trigger ("certified the petition's signatures"), as
    /// hashed WordNet lemmas, sorted: two reports of one happening name its objects alike.
    arguments: Vec<u64>,
    /// The common nouns of its whole sentence, likewise.
    nouns: Vec<u64>,
    sentence: usize,
    trigger_start: usize,
    /// Its sentence's text, hashed, and the trigger's offset in it: the same words in two
    /// documents (a wire story run twice) tell the same happenings, word for word.
    sentence_text: u64,
    offset_in_sentence: usize,
}

/// What the first tests of [`judge`] read of a mention, apart from the rest of its
/// [`Item`]: most candidate pairs are ruled out by these alone ([`ruled_out`]), and a few
/// dozen bytes per mention, read in place of the scattered fields of two items, keep the
/// pass over millions of pairs in the caches.
#[derive(Debug, Clone, Copy)]
struct Brief {
    doc: usize,
    sentence: usize,
    sentence_text: u64,
    when: DateValue,
    days: Option<Interval>,
    inherited: bool,
    /// The [`signature`] of the classes ([`NameRef::class`]) of its sentence's names
    /// (its participants among them): two mentions whose names share no class share no name.
    classes: Signature<1>,
}

impl Brief {
    fn of(it: &Item) -> Self {
        Brief {
            doc: it.doc,
            sentence: it.sentence,
            sentence_text: it.sentence_text,
            when: it.when,
            days: it.days,
            inherited: it.inherited,
            classes: signature(it.sentence_names.iter().map(|k| u64::from(k.class()))),
        }
    }
}

/// Whether [`judge`] finds two mentions [`Judgement::Never`] one happening by its first tests:
/// their dates, an inherited date, and names (by their classes) or a story in common. `false`
/// says nothing.
fn ruled_out(a: &Brief, b: &Brief, stories: &Stories) -> bool {
    // The tests of `judge`, in its order; a pair it decides by a rule is left to it.
    if a.doc == b.doc && a.sentence == b.sentence || a.sentence_text == b.sentence_text {
        return false;
    }
    let compatible_dates = dates_compatible((a.days, &a.when), (b.days, &b.when));
    let same_doc = a.doc == b.doc;
    if !compatible_dates && (same_doc || !near(&a.when, &b.when)) {
        return true;
    }
    let inherited = (a.inherited || b.inherited) && !same_doc;
    if inherited && !compatible_dates {
        return true;
    }
    // No class in common: no name in common (`around` is false in `judge`).
    let unnamed = disjoint(&a.classes, &b.classes);
    unnamed && (inherited || !same_doc && !stories.related(a.doc, b.doc))
}

/// Month and day of a value that names a day, year or not.
fn month_day(v: &DateValue) -> Option<(u8, u8)> {
    match *v {
        DateValue::Day { month, day, .. } => Some((month, day)),
        _ => None,
    }
}

/// Whether two dates are a day or two apart (years, where known, agreeing), or, told no finer
/// than a month or a year, one month or one year apart: sources that disagree on when a thing
/// happened disagree by one unit of the precision they give ("opened in 1967", "in 1968").
fn near(a: &DateValue, b: &DateValue) -> bool {
    match (*a, *b) {
        (DateValue::Year(x), DateValue::Year(y)) => return x.abs_diff(y) == 1,
        (
            DateValue::Month {
                year: Some(ya),
                month: Some(ma),
            },
            DateValue::Month {
                year: Some(yb),
                month: Some(mb),
            },
        ) => {
            let month = |y: i32, m: u8| i64::from(y) * 12 + i64::from(m);
            return month(ya, ma).abs_diff(month(yb, mb)) == 1;
        }
        _ => {}
    }
    let (Some((ma, da)), Some((mb, db))) = (month_day(a), month_day(b)) else {
        return false;
    };
    if let (Some(ya), Some(yb)) = (a.year(), b.year()) {
        if ya != yb {
            return false;
        }
    }
    let ord = |m: u8, d: u8| i32::from(m) * 31 + i32::from(d);
    (ord(ma, da) - ord(mb, db)).abs() <= 2
}

/// Whether some name of `a` matches some name of `b` (both sorted).
fn shares(a: &[NameRef], b: &[NameRef], names: &Names) -> bool {
    a.iter().any(|&x| names.matches_any(x, b))
}

/// How many compared pairs of names [`Names`] remembers (about 16 bytes each).
const MAX_CACHED_PAIRS: usize = 1 << 20;

/// In a merge block where more than this many mentions have names of one class, a mention is
/// compared with the nearest this many of them in document order, and with the nearest this
/// many of those that share each of its names exactly. News gives far fewer per block, and every
/// pair is compared; a block of thousands of different names of one class (a list of reports
/// about different people on one day) would otherwise be compared pair by pair. Mentions of one
/// event that share a name still join through their neighbours.
const FUZZY_WINDOW: usize = 64;

/// A name of [`Names`]: its [`NameKey::block`] class in the high half, its id in the low
/// half. Sorted lists of them hold the names of one class, the only ones that can match a name
/// of that class, as one run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct NameRef(u64);

impl NameRef {
    fn new(class: u32, id: u32) -> Self {
        NameRef(u64::from(class) << 32 | u64::from(id))
    }

    fn class(self) -> u32 {
        (self.0 >> 32) as u32
    }

    fn id(self) -> usize {
        (self.0 & u64::from(u32::MAX)) as usize
    }
}

/// The distinct name keys of the mentions, each compared with another at most once (up to
/// [`MAX_CACHED_PAIRS`] pairs): merging asks whether two names match far more often than there
/// are distinct pairs of names.
struct Names {
    keys: Vec<NameKey>,
    /// By id: the sketch of the name's last word, which two names that match must have alike
    /// ([`NameKey::matches`] compares the last words first): most pairs are told apart by
    /// these without the cache.
    lasts: Vec<Option<WordSketch>>,
    refs: HashMap<NameKey, NameRef>,
    /// Acronyms the documents introduce, each to the name it stands for ([`acronyms`]).
    acronyms: HashMap<NameKey, NameKey>,
    /// Whether few documents name it (see `cluster_pass`), by id.
    specific: Vec<bool>,
    /// By pair of ids, the smaller first. FxHash: the ids are dense numbers the merge gives
    /// out, not values a document chooses.
    matched: RefCell<FxHashMap<u64, bool>>,
}

impl Names {
    fn new(acronyms: HashMap<NameKey, NameKey>) -> Self {
        Names {
            keys: Vec::new(),
            lasts: Vec::new(),
            refs: HashMap::new(),
            acronyms,
            specific: Vec::new(),
            matched: RefCell::new(FxHashMap::default()),
        }
    }

    fn name(&mut self, key: &NameKey) -> NameRef {
        let key = self.acronyms.get(key).unwrap_or(key);
        if let Some(&r) = self.refs.get(key) {
            return r;
        }
        let id = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
        let r = NameRef::new(key.block(), id);
        self.keys.push(key.clone());
        self.lasts.push(key.parts.last().map(|w| WordSketch::of(w)));
        self.refs.insert(key.clone(), r);
        r
    }

    fn matches(&self, a: NameRef, b: NameRef) -> bool {
        if a == b {
            return true;
        }
        if a.class() != b.class() {
            return false;
        }
        if let (Some(Some(x)), Some(Some(y))) = (self.lasts.get(a.id()), self.lasts.get(b.id())) {
            if !x.may_eq(y) {
                return false;
            }
        }
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        let pair = (lo.id() as u64) << 32 | hi.id() as u64;
        if let Some(&m) = self.matched.borrow().get(&pair) {
            return m;
        }
        let (Some(x), Some(y)) = (self.keys.get(a.id()), self.keys.get(b.id())) else {
            return false;
        };
        let m = x.matches(y);
        let mut matched = self.matched.borrow_mut();
        // Bounded: a day with thousands of different names would otherwise keep every pair.
        if matched.len() < MAX_CACHED_PAIRS {
            matched.insert(pair, m);
        }
        m
    }

    fn specific(&self, r: NameRef) -> bool {
        self.specific.get(r.id()).copied().unwrap_or(false)
    }

    /// Whether `r` matches some name of the sorted `list`: only the run of its class is
    /// compared.
    fn matches_any(&self, r: NameRef, list: &[NameRef]) -> bool {
        let class = r.class();
        let from = list.partition_point(|k| k.class() < class);
        list[from..]
            .iter()
            .take_while(|k| k.class() == class)
            .any(|&k| self.matches(r, k))
    }
}

/// The acronyms the documents introduce ("the County Elections Commission (CEC)"), each to
/// the key of the name it stands for, so that a report that writes only "CEC" and one that
/// writes only the full name name one organisation. An acronym introduced for two different
/// names is left alone.
fn acronyms(extractions: &[Arc<Extraction>]) -> HashMap<NameKey, NameKey> {
    let mut found: BTreeMap<NameKey, Option<NameKey>> = BTreeMap::new();
    for x in extractions {
        for e in &x.entities.entities {
            if e.aliases.is_empty() {
                continue;
            }
            let forms = || std::iter::once(&e.name).chain(&e.aliases);
            for short in forms().filter(|f| entity::is_acronym(f)) {
                for long in forms().filter(|f| entity::stands_for(short, f)) {
                    let long = NameKey::new(long);
                    found
                        .entry(NameKey::new(short))
                        .and_modify(|known| {
                            if known.as_ref().is_some_and(|k| !k.matches(&long)) {
                                *known = None;
                            }
                        })
                        .or_insert(Some(long));
                }
            }
        }
    }
    found
        .into_iter()
        .filter_map(|(short, long)| Some((short, long?)))
        .collect()
}

/// Whether the dates of two mentions can be one date ([`DateValue::compatible`]).
fn compatible(a: &Item, b: &Item) -> bool {
    dates_compatible((a.days, &a.when), (b.days, &b.when))
}

/// [`compatible`] of two mentions' days and dates (of an [`Item`] or a [`Brief`]).
fn dates_compatible(a: (Option<Interval>, &DateValue), b: (Option<Interval>, &DateValue)) -> bool {
    match (a.0, b.0) {
        (Some(x), Some(y)) => x.overlaps(&y),
        _ => a.1.compatible(b.1),
    }
}

/// Union-find with path halving; the smaller index is the root, so the result does not depend
/// on the order unions are made in.
fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[hi] = lo;
    }
}

/// The days a cluster's day-dated mentions cover: as days of the common era where the year is
/// known, and as days of the year (`month * 31 + day`) whatever the year.
#[derive(Debug, Clone, Copy, Default)]
struct Spans {
    days: Option<(i32, i32)>,
    year_days: Option<(i32, i32)>,
    /// The months of mentions dated to a month or finer (`year * 12 + month`): a year ties no
    /// two happenings months apart either.
    months: Option<(i32, i32)>,
}

fn join_span(a: Option<(i32, i32)>, b: Option<(i32, i32)>) -> Option<(i32, i32)> {
    match (a, b) {
        (Some(x), Some(y)) => Some((x.0.min(y.0), x.1.max(y.1))),
        (x, None) => x,
        (None, y) => y,
    }
}

impl Spans {
    fn of(it: &Item) -> Self {
        let days = it
            .days
            .filter(|d| d.start == d.end)
            .map(|d| (d.start.num_days_from_ce(), d.start.num_days_from_ce()));
        let year_days = month_day(&it.when).map(|(m, d)| {
            let x = i32::from(m) * 31 + i32::from(d);
            (x, x)
        });
        let month = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
        let months = it
            .days
            .filter(|d| d.len_days() <= MONTH_DAYS)
            .map(|d| (month(d.start), month(d.end)));
        Spans {
            days,
            year_days,
            months,
        }
    }

    fn join(self, other: Spans) -> Spans {
        Spans {
            days: join_span(self.days, other.days),
            year_days: join_span(self.year_days, other.year_days),
            months: join_span(self.months, other.months),
        }
    }
}

/// The longest date counted in months ([`Spans::months`]).
const MONTH_DAYS: i64 = 31;

/// Whether the clusters of `i` and `j` can be one happening by their days: a hub that fits
/// many days (a year, a weekday) must not tie together happenings days apart. Days are added
/// to a cluster only by a pair of mentions a day or two apart (`conflict`), which
/// reconciliation shows as a conflict; otherwise the joined clusters span no more days than
/// the wider of the two.
fn spans_fit(parent: &mut [usize], spans: &[Spans], i: usize, j: usize, conflict: bool) -> bool {
    let (ra, rb) = (find(parent, i), find(parent, j));
    let (a, b) = (spans[ra], spans[rb]);
    let joined = a.join(b);
    let width = |s: Option<(i32, i32)>| s.map_or(0, |(lo, hi)| hi - lo);
    let fits =
        |x: Option<(i32, i32)>, y: Option<(i32, i32)>, z: Option<(i32, i32)>, most: i32| match z {
            Some((lo, hi)) if conflict => hi - lo <= most,
            Some((lo, hi)) => hi - lo <= width(x).max(width(y)),
            None => true,
        };
    fits(a.days, b.days, joined.days, MAX_SPAN_DAYS)
        && fits(a.year_days, b.year_days, joined.year_days, MAX_SPAN_DAYS)
        && fits(a.months, b.months, joined.months, 1)
}

/// By cluster root: the sentences (document, sentence) its mentions stand in, with their date;
/// ordered, so that a document's sentences are one range.
type Sentences = BTreeMap<(usize, usize), DateValue>;

/// Whether the clusters of `i` and `j` hold no two mentions of one sentence on different
/// dates, nor two mentions of one document on different days: such a sentence tells two
/// happenings, and a report does not give one happening two days (the day before and the day
/// of a signing, a hearing and the day after it), so a chain of joins through other reports
/// must not make them one row. A day and the month or year around it are one date told less
/// precisely.
fn sentences_apart(parent: &mut [usize], sentences: &[Sentences], i: usize, j: usize) -> bool {
    let (ra, rb) = (find(parent, i), find(parent, j));
    let (small, large) = if sentences[ra].len() <= sentences[rb].len() {
        (&sentences[ra], &sentences[rb])
    } else {
        (&sentences[rb], &sentences[ra])
    };
    let day = |v: &DateValue| v.interval().filter(|d| d.start == d.end).map(|d| d.start);
    small.iter().all(|(&(doc, sentence), date)| {
        large.get(&(doc, sentence)).is_none_or(|d| d == date)
            && day(date).is_none_or(|x| {
                large
                    .range((doc, 0)..(doc + 1, 0))
                    .all(|(_, d)| day(d).is_none_or(|y| y == x))
            })
    })
}

/// Joins the clusters of `i` and `j` (see [`union`]), their sentences with them: the smaller
/// set goes into the larger, so that a growing hub costs no more than its size in all.
fn union_sentences(parent: &mut [usize], sentences: &mut [Sentences], i: usize, j: usize) {
    let (ra, rb) = (find(parent, i), find(parent, j));
    if ra == rb {
        return;
    }
    let (mut a, mut b) = (
        std::mem::take(&mut sentences[ra]),
        std::mem::take(&mut sentences[rb]),
    );
    if a.len() < b.len() {
        std::mem::swap(&mut a, &mut b);
    }
    a.extend(b);
    union(parent, i, j);
    let root = find(parent, i);
    sentences[root] = a;
}

/// The phrasal verb `lemma` makes with the particle that opens `after` (the text after the
/// trigger), where WordNet has it as a verb of its own: "step down" of "stepped down as
/// chairman".
fn phrasal_verb(lemma: &str, after: Option<&str>) -> Option<String> {
    let after = after?.trim_start_matches([' ', '\t']);
    let word_end = after
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(after.len());
    let particle = after.get(..word_end)?;
    let particle = crate::event::PARTICLES
        .iter()
        .find(|p| p.eq_ignore_ascii_case(particle))?;
    let phrase = format!("{lemma} {particle}");
    concepts::of(&phrase, Pos::Verb).map(|_| phrase)
}

/// The concepts of a lemma as `pos` (or, failing that, as the other part of speech), appended.
fn push_concepts(lemma: &str, pos: Option<Pos>, core: &mut Vec<u32>, broad: &mut Vec<u32>) {
    let found = match pos {
        Some(p) => concepts::of(lemma, p).or_else(|| {
            let other = if p == Pos::Noun { Pos::Verb } else { Pos::Noun };
            concepts::of(lemma, other)
        }),
        None => concepts::of(lemma, Pos::Verb).or_else(|| concepts::of(lemma, Pos::Noun)),
    };
    if let Some(c) = found {
        core.extend_from_slice(c.core);
        broad.extend_from_slice(c.broad);
    }
}

/// The names each document uses, to tell whether two documents are about one story.
struct Stories {
    /// By document: its telling names ([`Stories::telling`]), sorted.
    names: Vec<Vec<NameRef>>,
    /// By document: the [`signature`] of its telling names, 256 bits wide as a document names
    /// dozens. Most pairs of documents share no name: no common bit says so without walking
    /// both lists.
    signatures: Vec<Signature<4>>,
    /// The counts of one document's pairs, as they are asked for.
    memo: RefCell<StoryMemo>,
}

/// How many telling names one document shares with each other, counted as asked: the
/// candidates of a mention come in runs by document, and the mentions of one document (next to
/// each other in item order) meet many of the same documents. A count walks the other
/// document's names against marks of this one's, not two lists in step.
#[derive(Default)]
struct StoryMemo {
    /// The document counted for.
    doc: Option<usize>,
    /// Which document's counts `counts` holds: the number of times the document changed.
    round: u32,
    /// By other document: the round it was counted in, and the count.
    counts: Vec<(u32, u32)>,
    /// By name id: whether `doc` gives it.
    marks: Vec<bool>,
}

/// A set of numbers as `64 * W` bits (`W` a power of two).
type Signature<const W: usize> = [u64; W];

/// The numbers as a [`Signature`]: each sets one bit, by a multiplicative hash. Two sets with
/// no common bit ([`disjoint`]) share no number; a common bit says only that they may.
fn signature<const W: usize>(numbers: impl IntoIterator<Item = u64>) -> Signature<W> {
    let shift = 64 - (64 * W).trailing_zeros();
    let mut sig = [0u64; W];
    for n in numbers {
        let bit = (n.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize;
        sig[bit / 64] |= 1 << (bit % 64);
    }
    sig
}

/// Whether two signatures have no bit in common.
fn disjoint<const W: usize>(a: &Signature<W>, b: &Signature<W>) -> bool {
    a.iter().zip(b).all(|(x, y)| x & y == 0)
}

impl Stories {
    /// Whether documents `a` and `b` tell one story: the same document, or both give a name
    /// that at most a tenth of the documents (or ten) give; a name every report of a big
    /// corpus uses ("U.S.") does not tie two reports to one story. Names are compared by their
    /// key, exactly: a linear walk of two sorted lists, with no cache to grow.
    fn related(&self, a: usize, b: usize) -> bool {
        a == b || self.shared(a, b, 1) >= 1
    }

    /// How many telling names the one of documents `a` and `b` that gives fewer gives.
    fn fewer_names(&self, a: usize, b: usize) -> usize {
        let count = |d: usize| self.names.get(d).map_or(0, Vec::len);
        count(a).min(count(b))
    }

    /// How many telling names documents `a` and `b` share, counted up to `enough`: a walk of
    /// two sorted lists, after their signatures say they may share one at all.
    fn shared(&self, a: usize, b: usize, enough: usize) -> usize {
        let mut memo = self.memo.borrow_mut();
        let memo = &mut *memo;
        // Counted for `a`, unless the memo holds `b`'s counts.
        let (this, other) = if memo.doc == Some(b) { (b, a) } else { (a, b) };
        if memo.doc != Some(this) {
            let names = |d: Option<usize>| d.and_then(|d| self.names.get(d)).into_iter().flatten();
            for k in names(memo.doc) {
                if let Some(m) = memo.marks.get_mut(k.id()) {
                    *m = false;
                }
            }
            for k in names(Some(this)) {
                if memo.marks.len() <= k.id() {
                    memo.marks.resize(k.id() + 1, false);
                }
                memo.marks[k.id()] = true;
            }
            memo.doc = Some(this);
            memo.round = memo.round.wrapping_add(1);
            if memo.round == 0 {
                // Round 0 is that of counts never made.
                memo.counts.fill((0, 0));
                memo.round = 1;
            }
            if memo.counts.len() < self.names.len() {
                memo.counts.resize(self.names.len(), (0, 0));
            }
        }
        let all = match memo.counts.get(other) {
            Some(&(round, n)) if round == memo.round => n as usize,
            _ => {
                let n = self.count_shared(this, other, &memo.marks);
                if let Some(slot) = memo.counts.get_mut(other) {
                    *slot = (memo.round, u32::try_from(n).unwrap_or(u32::MAX));
                }
                n
            }
        };
        all.min(enough)
    }

    /// How many telling names documents `a` and `b` share, `marks` marking `a`'s by id.
    fn count_shared(&self, a: usize, b: usize, marks: &[bool]) -> usize {
        let (Some(sa), Some(sb)) = (self.signatures.get(a), self.signatures.get(b)) else {
            return 0;
        };
        if disjoint(sa, sb) {
            return 0;
        }
        // Both lists are without repeats: the names of `b` that `a` gives.
        self.names.get(b).map_or(0, |y| {
            y.iter()
                .filter(|k| marks.get(k.id()).copied().unwrap_or(false))
                .count()
        })
    }
}

/// How closely the concepts of two mentions' words are related: [`concepts::kinship`], with
/// the signatures of their concepts telling most unrelated pairs apart without a walk.
fn kinship(a: &Item, b: &Item) -> Kinship {
    if disjoint(&a.core_sig, &b.core_sig)
        && disjoint(&a.core_sig, &b.broad_sig)
        && disjoint(&a.broad_sig, &b.core_sig)
        && disjoint(&a.broad_sig, &b.broad_sig)
    {
        return Kinship::None;
    }
    concepts::kinship(&a.core, &a.broad, &b.core, &b.broad)
}

/// Whether two mentions name one place.
fn same_place(a: &Item, b: &Item, names: &Names) -> bool {
    matches!((a.location, b.location), (Some(x), Some(y)) if names.matches(x, y))
}

/// Whether two mentions are at different places: different happenings, unless one is a
/// country or a region that may hold the other ("in Vienna", "in Austria").
fn places_differ(a: &Item, b: &Item, names: &Names) -> bool {
    matches!((a.location, b.location),
        (Some(x), Some(y)) if !names.matches(x, y) && a.wide_location == b.wide_location)
}

/// Whether both mentions name who did it and nobody is on both sides.
fn doers_differ(a: &Item, b: &Item, names: &Names) -> bool {
    !a.agents.is_empty() && !b.agents.is_empty() && !shares(&a.agents, &b.agents, names)
}

/// What two mentions' words, dates, people, places and figures say about whether they tell
/// one happening ([`judge`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Judgement {
    /// They cannot be one happening (two happenings of one sentence, dates that cannot be one
    /// date, different places, two documents of different stories…).
    Never,
    /// They are one happening (the same words of one sentence, told twice), or not, by a rule
    /// that weighs nothing: a bare weekday ([`same_event`]).
    Rule(bool),
    /// The evidence, weighed by the pair model ([`pair_model`](super::pair_model)). Dates a day
    /// or two apart (`conflict`) join only when nobody takes part in one that the other does
    /// not know of (`subsumed`).
    Weighed {
        features: PairFeatures,
        conflict: bool,
        subsumed: bool,
    },
}

/// Whether two mentions tell one happening: the [`Judgement`] of [`judge`], the evidence
/// weighed by the pair model.
fn same_event(a: &Item, b: &Item, names: &Names, stories: &Stories) -> bool {
    match judge(a, b, names, stories) {
        Judgement::Never => false,
        Judgement::Rule(joined) => joined,
        Judgement::Weighed {
            features,
            conflict,
            subsumed,
        } => pair_model::joins(&features, conflict, subsumed),
    }
}

/// What tells whether two mentions tell one happening.
///
/// The evidence ([`PAIR_FEATURES`]): what their words name (the same lemma, the same concept,
/// a broader one, or words of one kind of change with the same objects or a distinctive figure),
/// their dates (the same date, or for the same concept a day or week in the other's month; a
/// day or two apart, which can only join the same concept, as a conflict), who takes part (a
/// participant of both, a name in both sentences; doers on both sides that are all different
/// people), where (the same place; different places: never), a figure both give, the common
/// nouns around both triggers, and the same document. Pairs of documents that tell different
/// stories (no telling name in common) and share no name are never one happening.
fn judge(a: &Item, b: &Item, names: &Names, stories: &Stories) -> Judgement {
    use Judgement::{Never, Rule};
    // Two mentions of one sentence are different happenings unless they are the same words
    // (the folding of a sentence's words into happenings has run).
    if a.doc == b.doc && a.sentence == b.sentence {
        return Rule(a.trigger_start == b.trigger_start);
    }
    // The same sentence in two documents: its happenings pair word for word.
    if a.sentence_text == b.sentence_text {
        return Rule(a.offset_in_sentence == b.offset_in_sentence);
    }
    // Dates that cannot be one date, unless a day or two apart in two documents, rule the pair
    // out whatever else the two share: the cheap tests go first, the names last.
    let compatible_dates = compatible(a, b);
    if !compatible_dates && (a.doc == b.doc || !near(&a.when, &b.when)) {
        return Never;
    }
    let same_doc = a.doc == b.doc;
    let inherited = (a.inherited || b.inherited) && !same_doc;
    // A date inherited from the narrative is weak evidence: such a mention joins another
    // document's only for the same concept with a name in common, and never as a conflict
    // (dates that are not one date).
    if inherited && !compatible_dates {
        return Never;
    }
    // A mention's participants are among its sentence's names: no name of the sentences in
    // common, no participant in common (most pairs), and the participants are compared only
    // when the sentences share a name.
    let around = shares(&a.sentence_names, &b.sentence_names, names);
    let own = around && shares(&a.participants, &b.participants, names);
    if inherited && !around {
        return Never;
    }
    if !same_doc && !around && !stories.related(a.doc, b.doc) {
        return Never;
    }
    // The words last: the walk of their concepts costs most.
    let kin = if a.lemma == b.lemma {
        Kinship::Same
    } else {
        match kinship(a, b) {
            Kinship::None if a.group != 0 && a.group == b.group => Kinship::Broad,
            k => k,
        }
    };
    if inherited && kin != Kinship::Same {
        return Never;
    }
    let one_day = a.days.is_some_and(|d| d.start == d.end) && a.days == b.days;
    // Two sources name one happening with words WordNet does not relate ("capsized",
    // "sank"; "firmed", "strengthened"): words of one kind of change, on one day, with someone
    // a distinctive figure or a place in common, are weak evidence of one happening.
    // Only each sentence's first happening, so that a sentence's other words do not tie two
    // of its happenings together through another source.
    let same_kind = kin == Kinship::None
        && a.doc != b.doc
        && a.first_in_sentence
        && b.first_in_sentence
        && a.kind.is_some()
        && a.kind == b.kind;
    let same_place = same_place(a, b, names);
    let figures = figure_weight(&a.figures, &b.figures);
    let weak = same_kind && one_day && (same_place || own || figures >= 2);
    if places_differ(a, b, names) {
        return Never;
    }
    let weekday = |v: &DateValue| matches!(v, DateValue::Weekday(_));
    // Dates a day or two apart: one happening told differently (a conflict), for the same
    // concept, or, a day apart, a broader one or one of the same kind of change in the same
    // place ("arrived on the 9th", "the visit of the 10th"; "capsized late on Sunday", "went
    // down early on Monday").
    let near_dates = !compatible_dates
        && !same_doc
        && near(&a.when, &b.when)
        && (kin == Kinship::Same
            || ((kin == Kinship::Broad || same_kind)
                && same_place
                && day_apart(&a.when, &b.when) <= 1));
    if !compatible_dates && !near_dates {
        return Never;
    }
    // A bare weekday fits any day: it joins only a day of the same kind of happening, and
    // only through someone both name.
    if weekday(&a.when) || weekday(&b.when) {
        let day = |v: &DateValue| weekday(v) || month_day(v).is_some();
        let specific = a
            .sentence_names
            .iter()
            .filter(|&&k| names.specific(k))
            .any(|&k| names.matches_any(k, &b.sentence_names));
        return Rule(
            (kin == Kinship::Same || (kin == Kinship::Broad && own))
                && day(&a.when)
                && day(&b.when)
                && compatible_dates
                && weekday_fits(a, b)
                && weekday_fits(b, a)
                && (specific || (same_place && own)),
        );
    }
    // A day of an unknown year (an undated article's "on 18 March") is the same date as that
    // day in full: the article's year is inferred from such pairs after the merge.
    let same_day_of_year = (a.when.year().is_none() || b.when.year().is_none())
        && month_day(&a.when).is_some()
        && month_day(&a.when) == month_day(&b.when);
    // The same concept on a date within the other's month or week ("began in June", "began
    // on 20 June"): one source is less precise than the other. Not within a year: a year would
    // tie together the happenings of a story's every month.
    let within = || match (a.days, b.days) {
        (Some(x), Some(y)) => {
            x != y
                && x.len_days().max(y.len_days()) <= MONTH_DAYS
                && (x.contains(&y) || y.contains(&x))
        }
        _ => false,
    };
    let same_date =
        a.when == b.when || one_day || same_day_of_year || (kin == Kinship::Same && within());
    let arguments = shared_words(&a.arguments, &b.arguments);
    // Words of one kind of change in one place are two happenings as often as one ("pulled a
    // girl from the rubble", "closed the library"): something named around both, or a
    // distinctive figure, is needed too. Someone taking part in both is not enough (it counts
    // already): one person's day holds many acts ("suspended", "released a video").
    let kind_evidence = kin == Kinship::None
        && (weak || (same_kind && near_dates))
        && (arguments > 0 || figures >= 2);
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    let mut f: PairFeatures = [0.0; PAIR_FEATURES.len()];
    f[0] = 1.0;
    f[1] = flag(a.lemma == b.lemma);
    f[2] = flag(kin == Kinship::Same && a.lemma != b.lemma);
    f[3] = flag(kin == Kinship::Broad);
    f[4] = flag(kind_evidence);
    f[5] = flag(near_dates);
    f[6] = flag(same_date && !near_dates);
    f[7] = flag(own);
    f[8] = flag(around && !own);
    f[9] = flag(same_place);
    f[10] = flag(same_doc);
    f[11] = figures as f32;
    f[12] = if same_doc {
        0.0
    } else {
        arguments.min(MAX_ARGUMENT_WEIGHT) as f32
    };
    f[13] = flag(doers_differ(a, b, names));
    f[14] = flag(a.group != 0 && a.group == b.group);
    f[15] = flag(a.first_in_sentence && b.first_in_sentence);
    f[16] = flag(a.occurrence && b.occurrence);
    f[17] = flag(one_day || same_day_of_year);
    f[18] = flag(a.explicit && b.explicit);
    f[19] = if same_doc {
        arguments.min(MAX_ARGUMENT_WEIGHT) as f32
    } else {
        0.0
    };
    f[20] = flag(a.kind.is_some() && a.kind == b.kind);
    f[21] = shared_words(&a.nouns, &b.nouns).min(MAX_SENTENCE_NOUNS) as f32;
    f[22] = a
        .sentence_names
        .iter()
        .filter(|&&k| names.specific(k) && names.matches_any(k, &b.sentence_names))
        .count()
        .min(3) as f32;
    f[23] = flag(same_date && !near_dates && !one_day && !same_day_of_year);
    f[24] = flag(!around && !same_doc);
    if !same_doc {
        let shared = stories.shared(a.doc, b.doc, usize::MAX);
        f[25] = shared.min(pair_model::STORY_NAMES) as f32;
        f[26] = shared as f32 / stories.fewer_names(a.doc, b.doc).max(1) as f32;
    }
    // The same or related words on the same day in reports of one story are stronger
    // evidence than either alone: a day holds many happenings, and many words tell one, but
    // few happenings of one story's day are told with words of one meaning. Only in reports
    // that share telling names: a day's newswire holds many stories, the stories learned from
    // one each. Likewise related words in one report.
    let one_story = same_doc || f[25] >= pair_model::STORY_NAMES as f32;
    let same_day = (one_day || same_day_of_year) && one_story;
    f[27] = flag(kin == Kinship::Same && same_day);
    f[28] = flag(kin == Kinship::Broad && same_day);
    f[29] = flag(kin == Kinship::Same && same_doc);
    // Dates a day or two apart are one happening told differently only when nobody takes part
    // in one that the other does not know of ("the day after the meeting with the minister,
    // the delegation met the speaker" is a second happening). (A report that names nobody
    // contradicts nobody: "the delegation arrived on the 9th".)
    let subsumed = |x: &Item, y: &Item| {
        y.persons.is_empty()
            || x.persons
                .iter()
                .filter(|&&k| names.specific(k))
                .all(|&k| names.matches_any(k, &y.sentence_names))
    };
    // Reports that name nobody in common (often nobody at all: "the deal was struck in the
    // early hours") are one happening on two dates only on stronger evidence than a name: the
    // same word, nouns of their sentences in common, reports that share two in five of their
    // names (shared sentence nouns and name overlap are features 21 and 26), at least
    // one of them naming nobody, and no figures that disagree ("lost 15 percent", "lost 0.27
    // percent").
    let nameless = |x: &Item| !x.sentence_names.iter().any(|&k| names.specific(k));
    let unnamed_evidence = || {
        a.lemma == b.lemma
            && f[21] >= 1.0
            && f[26] >= CONFLICT_NAME_OVERLAP
            && (nameless(a) || nameless(b))
            && (a.figures.is_empty() || b.figures.is_empty() || figures > 0)
    };
    Judgement::Weighed {
        features: f,
        conflict: near_dates,
        subsumed: near_dates
            && !moves_with_publication(a, b)
            && if around {
                subsumed(a, b) && subsumed(b, a)
            } else {
                unnamed_evidence()
            },
    }
}

/// The share of their names two reports must have in common for a conflict between mentions
/// that name nobody in common.
const CONFLICT_NAME_OVERLAP: f32 = 0.4;

/// Whether two mentions dated as many days from the publication of their documents, which were
/// published on different days, are more likely a happening that recurs (a market's daily
/// close, a match day's scores, "said on Tuesday" and "said on Wednesday") than one happening
/// that two sources date differently.
fn moves_with_publication(a: &Item, b: &Item) -> bool {
    let offset = |x: &Item| match (x.window, x.days) {
        (Some((lo, hi)), Some(d)) if x.from_publication && lo == hi && d.start == d.end => {
            Some(((d.start - lo).num_days(), lo))
        }
        _ => None,
    };
    matches!((offset(a), offset(b)), (Some((oa, pa)), Some((ob, pb))) if oa == ob && pa != pb)
}

/// How many days apart two dates are by month and day (their years, where known, agreeing;
/// see [`near`]).
fn day_apart(a: &DateValue, b: &DateValue) -> i32 {
    match (month_day(a), month_day(b)) {
        (Some((ma, da)), Some((mb, db))) => {
            ((i32::from(ma) * 31 + i32::from(da)) - (i32::from(mb) * 31 + i32::from(db))).abs()
        }
        _ => i32::MAX,
    }
}

/// Whether a bare weekday (of `w`) and a day of an unknown year (of `d`) can be one day: some
/// year that the publication windows of their documents allow makes that day that weekday
/// (the day in the year before its document's publication, the weekday in the week before
/// its own). Anything else fits.
fn weekday_fits(w: &Item, d: &Item) -> bool {
    let (
        DateValue::Weekday(weekday),
        DateValue::Day {
            year: None,
            month,
            day,
        },
    ) = (w.when, d.when)
    else {
        return true;
    };
    let Some((lo, hi)) = d.window else {
        return true;
    };
    let from = lo.checked_sub_days(chrono::Days::new(366)).unwrap_or(lo);
    (from.year()..=hi.year())
        .filter_map(|y| NaiveDate::from_ymd_opt(y, u32::from(month), u32::from(day)))
        .filter(|x| *x >= from && *x <= hi && x.weekday() == weekday)
        .any(|x| {
            w.window.is_none_or(|(wlo, whi)| {
                let wfrom = wlo.checked_sub_days(chrono::Days::new(7)).unwrap_or(wlo);
                x >= wfrom && x <= whi
            })
        })
}

/// The most common nouns two reports share around their triggers that count
/// ([`PAIR_FEATURES`]).
const MAX_ARGUMENT_WEIGHT: i32 = 2;

/// What the figures two sentences share weigh: 2 for a distinctive one (a decimal, a
/// percentage, three digits or more), 1 for another, 0 for none.
fn figure_weight(a: &[u64], b: &[u64]) -> i32 {
    let (mut i, mut j) = (0, 0);
    let mut best = 0;
    while i < a.len() && j < b.len() {
        match (a[i] >> 1).cmp(&(b[j] >> 1)) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                best = best.max(if a[i] & 1 == 1 { 2 } else { 1 });
                i += 1;
                j += 1;
            }
        }
    }
    best
}

/// FNV-1a of a text: the same sentence gives the same number in every document.
fn text_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The tokens of sentence `sentence` of an extraction, and whether a byte offset lies inside
/// one of the sentence's time expressions.
fn sentence_tokens(
    x: &Extraction,
    sentence: usize,
) -> Option<(&[crate::text::Token], impl Fn(usize) -> bool + '_)> {
    let s = x.segmented.sentences.get(sentence)?;
    let tokens = x.segmented.tokens.get(s.tokens.clone()).unwrap_or_default();
    let first_timex = x.timexes.partition_point(|t| t.end <= s.start);
    let (sentence_end, timexes) = (s.end, &x.timexes[first_timex..]);
    let in_timex = move |start: usize| {
        timexes
            .iter()
            .take_while(|t| t.start < sentence_end)
            .any(|t| t.start <= start && start < t.end)
    };
    Some((tokens, in_timex))
}

/// The figures of a sentence: its numbers of two characters or more that are not part of a
/// date, each hashed, shifted left, with the lowest bit set for a distinctive one (a decimal, a
/// percentage, three digits or more); sorted.
fn figures(text: &str, x: &Extraction, sentence: usize) -> Vec<u64> {
    let Some((tokens, in_timex)) = sentence_tokens(x, sentence) else {
        return Vec::new();
    };
    let mut out: Vec<u64> = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        if t.kind != crate::text::TokenKind::Number || t.end - t.start < 2 || in_timex(t.start) {
            continue;
        }
        let digits = t.text(text);
        let percent = tokens.get(k + 1).is_some_and(|n| {
            let w = n.text(text);
            w == "%" || w.eq_ignore_ascii_case("percent") || w.eq_ignore_ascii_case("per")
        });
        let distinctive = percent || digits.contains('.') || digits.len() >= 3;
        // The same digits give the same number in every document.
        out.push(text_hash(digits) << 1 | u64::from(distinctive));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The most common nouns two sentences share that count ([`PAIR_FEATURES`]).
const MAX_SENTENCE_NOUNS: i32 = 4;

/// How many words on either side of a trigger its [`arguments`] are read from.
const ARGUMENT_WORDS: usize = 8;

/// The common nouns near a trigger in its sentence, each hashed: lower-case content words
/// outside time expressions and names, a word WordNet knows only as a noun not of time or
/// quantity ("day", "percent") by its lemma, a word it does not know ("rubble") as written,
/// less a plural "s" (the sentence's `nouns`, [`sentence_nouns`]), the trigger itself left out.
/// Returns those within [`ARGUMENT_WORDS`] of the trigger, and those of the whole sentence.
fn arguments(
    x: &Extraction,
    sentence: usize,
    trigger: usize,
    nouns: &[(usize, u64)],
) -> (Vec<u64>, Vec<u64>) {
    let Some((tokens, _)) = sentence_tokens(x, sentence) else {
        return (Vec::new(), Vec::new());
    };
    let at = tokens.partition_point(|t| t.start < trigger);
    let lo = at.saturating_sub(ARGUMENT_WORDS);
    let hi = (at + 1 + ARGUMENT_WORDS).min(tokens.len());
    let mut out: Vec<u64> = Vec::new();
    let mut all: Vec<u64> = Vec::new();
    for &(k, h) in nouns.iter().filter(|&&(k, _)| k != at) {
        all.push(h);
        if (lo..hi).contains(&k) {
            out.push(h);
        }
    }
    for list in [&mut out, &mut all] {
        list.sort_unstable();
        list.dedup();
    }
    (out, all)
}

/// What the items of one sentence share ([`cluster_pass`]).
struct SentenceFacts {
    sentence: usize,
    /// Its common nouns ([`sentence_nouns`]).
    nouns: Vec<(usize, u64)>,
    /// Its [`figures`].
    figures: Vec<u64>,
    /// Its text, hashed ([`text_hash`]; 0 for a sentence the extraction does not have).
    text: u64,
}

impl SentenceFacts {
    fn of(text: &str, x: &Extraction, sentence: usize) -> Self {
        SentenceFacts {
            sentence,
            nouns: sentence_nouns(text, x, sentence),
            figures: figures(text, x, sentence),
            text: x
                .segmented
                .sentences
                .get(sentence)
                .map_or(0, |s| text_hash(s.text(text))),
        }
    }
}

/// The common nouns of a sentence as [`arguments`] reads them, with the index of the word
/// each is, in text order.
fn sentence_nouns(text: &str, x: &Extraction, sentence: usize) -> Vec<(usize, u64)> {
    use crate::vocab::wordnet;
    static SKIP: std::sync::LazyLock<[Option<wordnet::LexFile>; 2]> =
        std::sync::LazyLock::new(|| {
            [
                wordnet::lexfile("noun.time"),
                wordnet::lexfile("noun.quantity"),
            ]
        });
    let Some((tokens, in_timex)) = sentence_tokens(x, sentence) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        let word = t.text(text);
        if t.kind != crate::text::TokenKind::Word
            || word.len() < 4
            || !word.bytes().all(|b| b.is_ascii_lowercase())
            || crate::event::cue(word, t.kind) != crate::event::Cue::Other
            || in_timex(t.start)
        {
            continue;
        }
        let noun = match wordnet::lemmas(word) {
            (_, Some(noun)) => {
                let first = wordnet::senses(noun).and_then(|s| s.first_noun);
                if first.is_none() || SKIP.contains(&first) {
                    continue;
                }
                noun
            }
            (Some(_), None) => continue,
            (None, None) if wordnet::senses(word).is_some() => continue,
            (None, None) => match word.strip_suffix('s') {
                Some(stem) if !stem.ends_with('s') => stem,
                _ => word,
            },
        };
        out.push((k, text_hash(noun)));
    }
    out
}

/// How many hashed words two sorted lists share.
fn shared_words(a: &[u64], b: &[u64]) -> i32 {
    i32::try_from(common(a, b, usize::MAX)).unwrap_or(i32::MAX)
}

/// The short name an organisation's full name starts with, when the article also uses it
/// alone: "the Veltra Workers' Party" is "Veltra" where "Veltra" is named too.
fn short_name(ent: &Entity, all: &[Entity]) -> Option<NameKey> {
    if ent.kind != EntityKind::Organization {
        return None;
    }
    let first = ent.name.split_whitespace().next()?;
    if first.len() == ent.name.len() {
        return None;
    }
    all.iter()
        .find(|o| o.kind == EntityKind::Organization && o.name == first)
        .map(|o| o.key.clone())
}

/// The time bucket of a date: mentions are compared with those of compatible buckets only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Bucket {
    /// A day or a week: its first day, as days from the common era.
    Day(i32),
    /// A month of a known year.
    Month(i32, u32),
    /// A year, a season, a quarter or a half of a known year.
    Year(i32),
    /// Longer periods (decades, centuries), by the decade they start in.
    Long(i32),
    /// A month and day of an unknown year, as `month * 31 + day`.
    MonthDay(i32),
    /// A month of an unknown year.
    MonthOnly(u8),
    /// A bare weekday.
    Weekday(u8),
}

fn bucket(it: &Item) -> Option<Bucket> {
    if let Some(iv) = it.days {
        let len = iv.len_days();
        let (s, e) = (iv.start, iv.end);
        return Some(if len <= 7 {
            Bucket::Day(s.num_days_from_ce())
        } else if s.year() == e.year() && s.month() == e.month() {
            Bucket::Month(s.year(), s.month())
        } else if s.year() == e.year() {
            Bucket::Year(s.year())
        } else {
            Bucket::Long(s.year().div_euclid(10))
        });
    }
    match it.when {
        DateValue::Day {
            year: None,
            month,
            day,
        } => Some(Bucket::MonthDay(i32::from(month) * 31 + i32::from(day))),
        DateValue::Month {
            year: None,
            month: Some(m),
        } => Some(Bucket::MonthOnly(m)),
        DateValue::Weekday(w) => Some(Bucket::Weekday(w.num_days_from_monday() as u8)),
        _ => None,
    }
}

/// The buckets whose mentions a mention of bucket `b` (of item `it`) is compared with. Each
/// pair of compatible buckets is queried from the finer side only, or from both when equal.
fn queries(b: Bucket, it: &Item, out: &mut Vec<Bucket>) {
    out.clear();
    match b {
        Bucket::Day(d) => {
            out.extend((d - 2..=d + 2).map(Bucket::Day));
            if let Some(iv) = it.days {
                let s = iv.start;
                out.push(Bucket::Month(s.year(), s.month()));
                out.push(Bucket::Year(s.year()));
                out.push(Bucket::Long(s.year().div_euclid(10)));
                let md = s.month() as i32 * 31 + s.day() as i32;
                out.extend((md - 2..=md + 2).map(Bucket::MonthDay));
                out.push(Bucket::MonthOnly(s.month() as u8));
                out.push(Bucket::Weekday(s.weekday().num_days_from_monday() as u8));
            }
        }
        Bucket::Month(y, m) => {
            out.push(b);
            // The next month: one happening a source puts a month late (see `near`).
            out.push(if m == 12 {
                Bucket::Month(y + 1, 1)
            } else {
                Bucket::Month(y, m + 1)
            });
            out.push(Bucket::Year(y));
            out.push(Bucket::Long(y.div_euclid(10)));
            out.push(Bucket::MonthOnly(m as u8));
        }
        Bucket::Year(y) => {
            out.push(b);
            out.push(Bucket::Year(y + 1));
            out.push(Bucket::Long(y.div_euclid(10)));
        }
        Bucket::MonthDay(md) => {
            out.extend((md - 2..=md + 2).map(Bucket::MonthDay));
            out.push(Bucket::MonthOnly((md / 31) as u8));
            // A day of an unknown year can be any weekday.
            out.extend((0..7).map(Bucket::Weekday));
        }
        Bucket::Long(_) | Bucket::MonthOnly(_) | Bucket::Weekday(_) => out.push(b),
    }
}

/// The sentences at the head of an article, whose happenings are its news.
const LEDE_SENTENCES: usize = 3;

/// How many days apart the day-dated mentions of one happening may be: a date one source gets
/// a day or two wrong is a conflict; more is another happening.
const MAX_SPAN_DAYS: i32 = 2;

/// The pseudo-concept of a lemma: mentions of the same lemma always meet in a posting.
fn lemma_concept(lemma: u32) -> u32 {
    lemma | 1 << 31
}

/// The pseudo-concept of a kind of happening of the hand lexicon.
fn group_key(group: u8) -> u32 {
    u32::from(group) | 3 << 29
}

/// The pseudo-concept of a kind of change (see [`kind_of`]).
fn kind_key(kind: u8) -> u32 {
    u32::from(kind) | 7 << 29
}

/// The kind of change an item can meet another by (see [`same_event`]): only the first
/// happening of its sentence, dated to a day, is compared by its kind.
fn weak_kind(it: &Item) -> Option<u8> {
    it.kind
        .filter(|_| it.first_in_sentence && it.days.is_some_and(|d| d.start == d.end))
}

/// The kinds of change, by the suffix of WordNet's lexicographer file, that two different
/// words may share and tell one happening: bodily, physical and social changes. Saying,
/// thinking, perceiving, feeling and being are too general to tell anything.
const KINDS: [&str; 10] = [
    "body",
    "change",
    "competition",
    "consumption",
    "contact",
    "creation",
    "motion",
    "possession",
    "social",
    "weather",
];

/// The kind of change the first WordNet sense of a lemma names, as a noun or a verb.
fn kind_of(lemma: &str, pos: Pos) -> Option<u8> {
    let senses = crate::vocab::wordnet::senses(lemma)?;
    let file = match pos {
        Pos::Verb => senses.first_verb,
        Pos::Noun => senses.first_noun,
    }?;
    let name = crate::vocab::wordnet::LEXFILES.get(usize::from(file))?;
    let suffix = name.split_once('.')?.1;
    KINDS
        .iter()
        .position(|&k| k == suffix)
        .and_then(|k| u8::try_from(k).ok())
}

/// The pseudo-concept of a figure: mentions that give the same figure meet in a posting.
fn figure_key(figure: u64) -> u32 {
    (figure as u32 & 0x3fff_ffff) | 1 << 30
}

/// The keys a mention is both posted and looked up under: its concepts, its lemma, its kind
/// of happening and of change, its figures, and the names that tell its story (`telling`).
/// Posted only, so that a pair meets once through them: its broader concepts and the nouns
/// around it, looked up by [`cluster_pass`] itself.
fn meeting_keys<'a>(
    it: &'a Item,
    telling: &'a impl Fn(&&NameRef) -> bool,
) -> impl Iterator<Item = u32> + 'a {
    it.core
        .iter()
        .copied()
        .chain([lemma_concept(it.lemma)])
        .chain((it.group != 0).then(|| group_key(it.group)))
        .chain(weak_kind(it).map(kind_key))
        .chain(it.figures.iter().map(|&f| figure_key(f)))
        .chain(
            it.sentence_names
                .iter()
                .filter(telling)
                .map(|&k| name_key(k)),
        )
}

/// The pseudo-concept of a name (see [`cluster_pass`]).
fn name_key(name: NameRef) -> u32 {
    (name.0.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 35) as u32 | 6 << 29
}

/// The pseudo-concept of a common noun around a trigger (see [`arguments`]).
fn argument_key(word: u64) -> u32 {
    (word as u32 & 0x1fff_ffff) | 5 << 29
}

/// The mentions that can go on a timeline, their clusters, and by cluster the nouns that
/// refer back to it (document, reference).
pub(crate) type Clusters = (Vec<Item>, Vec<Vec<usize>>, Vec<Vec<(usize, Reference)>>);

/// A pair of mentions the pair model weighed, for `dateline train pairs`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PairRecord {
    /// The mentions, as (document, event) of the extractions, the smaller first.
    pub a: (usize, usize),
    pub b: (usize, usize),
    pub features: PairFeatures,
    /// Whether they are dated a day or two apart: the conflict rule decides them, not the
    /// model.
    pub conflict: bool,
    /// Whether the shipped model (or rule) joins them.
    pub joins: bool,
    /// Whether blocking makes them a candidate pair.
    pub candidate: bool,
}

/// The mentions that can go on a timeline and their clusters (not all of them once `stop` is
/// set).
pub(crate) fn cluster_pass(
    documents: &[&Document],
    extractions: &[Arc<Extraction>],
    windows: &[Option<(NaiveDate, NaiveDate)>],
    stop: crate::par::Stop<'_>,
    mut record: Option<&mut Vec<PairRecord>>,
) -> Clusters {
    let mut items: Vec<Item> = Vec::with_capacity(extractions.iter().map(|x| x.events.len()).sum());
    let mut names = Names::new(acronyms(extractions));
    let mut lemmas: HashMap<Cow<'_, str>, u32> = HashMap::new();
    // By entity of the document at hand: its name, and the short name it starts with, looked
    // up once rather than at each mention of each event.
    let mut entity_names: Vec<Option<NameRef>> = Vec::new();
    let mut short_names: Vec<Option<Option<NameRef>>> = Vec::new();
    // By document: every name it gives, for the story test.
    let mut doc_names: Vec<Vec<NameRef>> = Vec::with_capacity(extractions.len());
    for (di, x) in extractions.iter().enumerate() {
        let entities = &x.entities.entities;
        let mut given: Vec<NameRef> = entities.iter().map(|e| names.name(&e.key)).collect();
        given.sort_unstable();
        given.dedup();
        doc_names.push(given);
        entity_names.clear();
        entity_names.resize(entities.len(), None);
        short_names.clear();
        short_names.resize(entities.len(), None);
        // What the items of one sentence share, read once for its run of events (events are
        // in text order).
        let mut facts: Option<SentenceFacts> = None;
        for (ei, e) in x.events.iter().enumerate() {
            let Some(when) = e.when else { continue };
            if !e.timeline || matches!(when, DateValue::Unknown(_)) {
                continue;
            }
            let mut name_of = |names: &mut Names, mi: usize| {
                let entity = x.entities.mentions[mi].entity;
                *entity_names[entity].get_or_insert_with(|| names.name(&entities[entity].key))
            };
            let mut participants: Vec<NameRef> = e
                .participants
                .iter()
                .map(|p| name_of(&mut names, p.mention))
                .collect();
            let mut persons: Vec<NameRef> = e
                .participants
                .iter()
                .filter(|p| entities[p.entity].kind == EntityKind::Person)
                .map(|p| name_of(&mut names, p.mention))
                .collect();
            let mut agents: Vec<NameRef> = e
                .participants
                .iter()
                .filter(|p| {
                    entities[p.entity].kind == EntityKind::Person
                        && p.role == crate::event::Role::Agent
                })
                .map(|p| name_of(&mut names, p.mention))
                .collect();
            agents.sort_unstable();
            agents.dedup();
            let mut sentence_names = Vec::new();
            // Mentions are in text order: the sentence's are one run, found by binary search
            // rather than a scan of the document per event.
            let mentions = &x.entities.mentions;
            let first = mentions.partition_point(|m| m.sentence < e.sentence);
            let run = mentions[first..]
                .iter()
                .take_while(|m| m.sentence == e.sentence);
            for (mi, m) in (first..).zip(run) {
                if m.kind == EntityKind::Place {
                    continue;
                }
                sentence_names.push(name_of(&mut names, mi));
                let short = *short_names[m.entity].get_or_insert_with(|| {
                    short_name(&entities[m.entity], entities).map(|k| names.name(&k))
                });
                sentence_names.extend(short);
            }
            // The participants are named in the sentence too (a pronoun's antecedent may be
            // in an earlier one).
            sentence_names.extend_from_slice(&participants);
            let location = e.location.map(|mi| name_of(&mut names, mi));
            let wide_location = e.location.is_some_and(|mi| {
                crate::entity::is_wide_place(&entities[x.entities.mentions[mi].entity].name)
            });
            for list in [&mut participants, &mut persons, &mut sentence_names] {
                list.sort_unstable();
                list.dedup();
            }
            let (mut core, mut broad) = (Vec::new(), Vec::new());
            let pos = if e.timeml.tense == Tense::None {
                Pos::Noun
            } else {
                Pos::Verb
            };
            // A phrasal verb names its own happening: "stepped down" resigned, "walked out"
            // struck; "stepped" alone did neither.
            let lemma: Cow<'_, str> = match pos {
                Pos::Verb => phrasal_verb(&e.lemma, documents[di].text.get(e.trigger_end..))
                    .map_or(Cow::Borrowed(&*e.lemma), Cow::Owned),
                Pos::Noun => Cow::Borrowed(&*e.lemma),
            };
            push_concepts(&lemma, Some(pos), &mut core, &mut broad);
            let kind = kind_of(&e.lemma, pos);
            // Words that are part of the happening ("buy" of "agreed to buy") widen what it
            // can meet, one step removed; support verbs and statements name nothing of it.
            for f in e
                .folded
                .iter()
                .filter(|f| f.kind == crate::event::FoldKind::Argument)
            {
                let (mut arg_core, mut arg_broad) = (Vec::new(), Vec::new());
                push_concepts(&f.lemma, None, &mut arg_core, &mut arg_broad);
                broad.extend(arg_core);
            }
            core.sort_unstable();
            core.dedup();
            broad.sort_unstable();
            broad.dedup();
            let next = u32::try_from(lemmas.len()).unwrap_or(u32::MAX >> 1);
            if facts.as_ref().is_some_and(|f| f.sentence != e.sentence) {
                facts = None;
            }
            let facts =
                facts.get_or_insert_with(|| SentenceFacts::of(&documents[di].text, x, e.sentence));
            let (arguments, nouns) = arguments(x, e.sentence, e.trigger_start, &facts.nouns);
            items.push(Item {
                doc: di,
                event: ei,
                lemma: *lemmas.entry(lemma).or_insert(next),
                group: class_group(e.class),
                core_sig: signature(core.iter().map(|&c| u64::from(c))),
                broad_sig: signature(broad.iter().map(|&c| u64::from(c))),
                core,
                broad,
                when,
                days: when.interval(),
                participants,
                persons,
                agents,
                sentence_names,
                location,
                wide_location,
                kind,
                first_in_sentence: items
                    .last()
                    .is_none_or(|p| p.doc != di || p.sentence != e.sentence),
                occurrence: matches!(
                    e.timeml.class,
                    EventClass::Occurrence | EventClass::IAction | EventClass::Aspectual
                ),
                explicit: e.anchoring == EventAnchoring::Explicit
                    && e.modality == crate::event::Modality::Actual,
                window: windows.get(di).copied().flatten(),
                from_publication: match e.time {
                    Some(t) => x.timexes.get(t).is_some_and(|t| {
                        t.anchoring == crate::time::Anchoring::Publication
                            && documents[di]
                                .text
                                .get(t.start..t.end)
                                .is_some_and(|s| !s.bytes().any(|b| b.is_ascii_digit()))
                    }),
                    None => e.anchoring == EventAnchoring::Publication,
                },
                inherited: e.time.is_none()
                    && e.anchoring == EventAnchoring::Inherited
                    && e.sentence > LEDE_SENTENCES,
                figures: facts.figures.clone(),
                arguments,
                nouns,
                sentence: e.sentence,
                trigger_start: e.trigger_start,
                sentence_text: facts.text,
                offset_in_sentence: x
                    .segmented
                    .sentences
                    .get(e.sentence)
                    .map_or(0, |s| e.trigger_start.saturating_sub(s.start)),
            });
        }
    }

    // How many documents name each key: names every article uses do not tie events together.
    // Counted over the mentions dated by their own words: a name the narrative around every
    // article repeats is not what ties two reports together. (Pairs sorted and counted: one
    // set per key would cost an allocation for each of hundreds of thousands of keys.)
    let mut key_docs: Vec<(usize, usize)> = items
        .iter()
        .filter(|it| !it.inherited)
        .flat_map(|it| it.sentence_names.iter().map(move |k| (k.id(), it.doc)))
        .collect();
    key_docs.sort_unstable();
    key_docs.dedup();
    let mut docs_naming = vec![0usize; names.keys.len()];
    for &(k, _) in &key_docs {
        if let Some(n) = docs_naming.get_mut(k) {
            *n += 1;
        }
    }
    drop(key_docs);
    let n_docs = documents.len();
    names.specific = docs_naming
        .iter()
        .map(|&d| n_docs <= 2 || d * 2 <= n_docs + 1)
        .collect();
    let names = names;
    // A name that at most a tenth of the documents (or ten: the reports of one story in a
    // small set all name its places and people) give tells their story.
    let telling_limit = (n_docs / 10).max(10);
    let mut naming_docs: HashMap<NameRef, usize> = HashMap::new();
    for list in &doc_names {
        for &k in list {
            *naming_docs.entry(k).or_default() += 1;
        }
    }
    for list in &mut doc_names {
        list.retain(|k| naming_docs.get(k).is_some_and(|&n| n <= telling_limit));
    }
    let signatures = doc_names
        .iter()
        .map(|list| signature(list.iter().map(|k| k.0)))
        .collect();
    let stories = Stories {
        names: doc_names,
        signatures,
        memo: RefCell::new(StoryMemo::default()),
    };

    // Copies of one mention (a wire story that many outlets run, a paragraph repeated) are one
    // happening, and each compares with others as any copy would: two copies from different
    // sentences stand for all of them (two, so that one is never in the other mention's
    // sentence), which keeps a posting from growing with the number of copies.
    let mut parent: Vec<usize> = (0..items.len()).collect();
    let mut compared = vec![true; items.len()];
    type Signature<'a> = (
        u32,
        DateValue,
        &'a [NameRef],
        &'a [NameRef],
        &'a [NameRef],
        Option<NameRef>,
    );
    let mut copies: HashMap<Signature<'_>, (usize, Option<usize>)> =
        HashMap::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        let unnamed = it.participants.is_empty() && it.sentence_names.is_empty();
        if unnamed || matches!(it.when, DateValue::Weekday(_)) {
            continue;
        }
        let key = (
            it.lemma,
            it.when,
            it.participants.as_slice(),
            it.persons.as_slice(),
            it.sentence_names.as_slice(),
            it.location,
        );
        let (first, second) = copies.entry(key).or_insert((i, None));
        let place = |k: usize| (items[k].doc, items[k].sentence);
        if *first == i || place(*first) == place(i) {
            continue;
        }
        if second.is_some() {
            compared[i] = false;
        } else {
            *second = Some(i);
        }
        union(&mut parent, *first, i);
    }

    // The names around a mention that tell its story: two reports of one happening in other
    // words ("detained", "arrested") meet through them.
    let telling = |k: &&NameRef| naming_docs.get(*k).is_some_and(|&n| n <= telling_limit);
    // Postings: by time bucket, then by concept, the mentions compared there, in item order.
    // Bucket first: most buckets a mention queries hold nothing, which one look-up says for
    // all its concepts.
    let buckets: Vec<Option<Bucket>> = items.iter().map(bucket).collect();
    let mut postings: FxHashMap<Bucket, FxHashMap<u32, Vec<usize>>> = FxHashMap::default();
    for (i, it) in items.iter().enumerate() {
        let Some(b) = buckets[i].filter(|_| compared[i]) else {
            continue;
        };
        let keys = it
            .broad
            .iter()
            .copied()
            .chain(it.arguments.iter().map(|&w| argument_key(w)))
            .chain(meeting_keys(it, &telling));
        let posting = postings.entry(b).or_default();
        for key in keys {
            posting.entry(key).or_default().push(i);
        }
    }
    // By name, for crowded postings: the mentions that name someone (in item order).
    let mut by_name: FxHashMap<NameRef, Vec<usize>> = FxHashMap::default();
    for (i, it) in items.iter().enumerate().filter(|&(i, _)| compared[i]) {
        for &k in it.sentence_names.iter().chain(&it.participants) {
            let list = by_name.entry(k).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    // By cluster root: the first and last day of its day-dated mentions, and the first and
    // last month and day of them whatever their year (a day of an unknown year is a day too).
    let mut spans: Vec<Spans> = items.iter().map(Spans::of).collect();
    // By cluster root: the sentences (document, sentence) its mentions stand in, sorted.
    let mut sentences: Vec<Sentences> = items
        .iter()
        .map(|it| {
            let mut one = Sentences::default();
            one.insert((it.doc, it.sentence), it.when);
            one
        })
        .collect();
    // Copies joined above: their roots' spans.
    for i in 0..items.len() {
        let r = find(&mut parent, i);
        if r != i {
            let mine = std::mem::take(&mut sentences[i]);
            sentences[r].extend(mine);
            spans[r] = spans[r].join(spans[i]);
        }
    }
    let briefs: Vec<Brief> = items.iter().map(Brief::of).collect();
    let mut query: Vec<Bucket> = Vec::new();
    let mut candidates: Vec<usize> = Vec::new();
    // By item: the mention whose candidates it was last added to, plus one. Postings repeat a
    // candidate (one per concept and bucket it shares): each is added once, and only the
    // distinct ones are sorted.
    let mut added: Vec<usize> = vec![0; items.len()];
    for (i, it) in items.iter().enumerate() {
        let Some(b) = buckets[i].filter(|_| compared[i]) else {
            continue;
        };
        // A stopped build's clusters are not used: leave them as they are.
        if i % 256 == 0 && stop.now() {
            break;
        }
        queries(b, it, &mut query);
        candidates.clear();
        // A candidate the first tests of `judge` rule out is left out as it is gathered:
        // those tests read only the two mentions (not the clusters made so far), and most
        // candidates end there, so far fewer are sorted and compared below.
        let fresh = |added: &mut [usize], j: usize| {
            first_time(added, i, j) && !ruled_out(&briefs[i], &briefs[j], &stories)
        };
        let mut crowded = false;
        let keys: Vec<u32> = meeting_keys(it, &telling).collect();
        for posting in query.iter().filter_map(|q| postings.get(q)) {
            for c in &keys {
                let Some(list) = posting.get(c) else {
                    continue;
                };
                if list.len() <= FUZZY_WINDOW {
                    candidates.extend(list.iter().copied().filter(|&j| fresh(&mut added, j)));
                } else {
                    crowded = true;
                    let at = list.partition_point(|&j| j < i);
                    let lo = at.saturating_sub(FUZZY_WINDOW / 2);
                    let hi = (lo + FUZZY_WINDOW).min(list.len());
                    candidates.extend(
                        list[lo..hi]
                            .iter()
                            .copied()
                            .filter(|&j| fresh(&mut added, j)),
                    );
                }
            }
        }
        // Reports in other documents that name the same things around their trigger ("the
        // girl … from the rubble"): one happening told in other words, perhaps.
        for posting in query.iter().filter_map(|q| postings.get(q)) {
            for &w in &it.arguments {
                let Some(list) = posting.get(&argument_key(w)) else {
                    continue;
                };
                let at = list.partition_point(|&j| j < i);
                let lo = at.saturating_sub(FUZZY_WINDOW / 2);
                let hi = (lo + FUZZY_WINDOW).min(list.len());
                crowded |= list.len() > FUZZY_WINDOW;
                candidates.extend(
                    list[lo..hi]
                        .iter()
                        .copied()
                        .filter(|&j| items[j].doc != it.doc && fresh(&mut added, j)),
                );
            }
        }
        if crowded {
            // And the nearest that share a name with it, so that a name thousands share is not
            // walked for each of them either.
            for k in it.sentence_names.iter().chain(&it.participants) {
                if let Some(list) = by_name.get(k) {
                    let at = list.partition_point(|&j| j < i);
                    let lo = at.saturating_sub(FUZZY_WINDOW / 2);
                    let hi = (lo + FUZZY_WINDOW).min(list.len());
                    candidates.extend(
                        list[lo..hi]
                            .iter()
                            .copied()
                            .filter(|&j| fresh(&mut added, j)),
                    );
                }
            }
        }
        candidates.sort_unstable();
        if let Some(record) = record.as_deref_mut() {
            // Every later mention, so that training sees the pairs blocking leaves out too.
            for j in i + 1..items.len() {
                if let Judgement::Weighed {
                    features,
                    conflict,
                    subsumed,
                } = judge(it, &items[j], &names, &stories)
                {
                    let (x, y) = (&items[i.min(j)], &items[i.max(j)]);
                    record.push(PairRecord {
                        a: (x.doc, x.event),
                        b: (y.doc, y.event),
                        features,
                        conflict,
                        joins: pair_model::joins(&features, conflict, subsumed),
                        candidate: candidates.contains(&j),
                    });
                }
            }
        }
        for &j in &candidates {
            if j == i || find(&mut parent, i) == find(&mut parent, j) {
                continue;
            }
            let conflict = near(&it.when, &items[j].when) && !compatible(it, &items[j]);
            let joined = same_event(it, &items[j], &names, &stories)
                && sentences_apart(&mut parent, &sentences, i, j)
                && spans_fit(&mut parent, &spans, i, j, conflict);
            if joined {
                let (ra, rb) = (find(&mut parent, i), find(&mut parent, j));
                let joined_span = spans[ra].join(spans[rb]);
                union_sentences(&mut parent, &mut sentences, i, j);
                let root = find(&mut parent, i);
                spans[root] = joined_span;
            }
        }
    }
    if !stop.now() {
        align_unique_dates(
            &items,
            &mut parent,
            &spans,
            &mut sentences,
            &names,
            &stories,
        );
    }
    // Clusters in the order of their roots, members in item order.
    let mut by_root: Vec<(usize, usize)> = (0..items.len())
        .map(|i| (find(&mut parent, i), i))
        .collect();
    by_root.sort_unstable();
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for (k, &(root, i)) in by_root.iter().enumerate() {
        if k == 0 || by_root[k - 1].0 != root {
            clusters.push(Vec::new());
        }
        if let Some(c) = clusters.last_mut() {
            c.push(i);
        }
    }
    let references =
        attach_references(documents, extractions, &items, &clusters, &lemmas, &stories);
    (items, clusters, references)
}

/// Whether `j` is a candidate of mention `i` for the first time, marking it in `added` (see
/// [`cluster_pass`]).
fn first_time(added: &mut [usize], i: usize, j: usize) -> bool {
    match added.get_mut(j) {
        Some(mark) if *mark == i + 1 => false,
        Some(mark) => {
            *mark = i + 1;
            true
        }
        None => false,
    }
}

/// How many telling names two documents share at least for [`align_unique_dates`] to take
/// them for reports of one story: one shared name ("Africa", "the EU") ties unrelated
/// reports of a big corpus together.
const ALIGN_STORY_NAMES: usize = 3;

/// How many documents of one date [`align_unique_dates`] compares each with, at most.
const ALIGN_WINDOW: usize = 32;

/// Joins the happenings that two documents of one story each date to one date and to nothing
/// else, whatever their words ("the embankment was built in 1931" / "which the water board
/// raised in 1931"): a date a report gives one happening only, and another report of the
/// story gives one happening only, dates one happening, when the two also share someone, a
/// place or a figure. Only happenings dated by
/// their own words as happened (not statements or states, nor dates from the narrative), each
/// the first of its sentence; a document that gives the date to two happenings aligns nothing
/// there.
fn align_unique_dates(
    items: &[Item],
    parent: &mut [usize],
    spans: &[Spans],
    sentences: &mut [Sentences],
    names: &Names,
    stories: &Stories,
) {
    // (date, document, cluster, item) of every sentence's first happening dated by its words;
    // dates numbered in item order (dates have no order of their own).
    let mut date_ids: FxHashMap<DateValue, usize> = FxHashMap::default();
    let mut dated: Vec<(usize, usize, usize, usize)> = items
        .iter()
        .enumerate()
        .filter(|(_, it)| {
            it.first_in_sentence
                && !it.inherited
                && it.days.is_some()
                && !matches!(it.when, DateValue::Weekday(_) | DateValue::Unknown(_))
        })
        .map(|(i, it)| {
            let next = date_ids.len();
            let date = *date_ids.entry(it.when).or_insert(next);
            (date, it.doc, find(parent, i), i)
        })
        .collect();
    dated.sort_unstable();
    // By date: the documents that give it to one cluster, with that cluster's first
    // eligible mention.
    let mut unique: Vec<usize> = Vec::new();
    let mut start = 0;
    while start < dated.len() {
        let mut end = start;
        while end < dated.len() && dated[end].0 == dated[start].0 {
            end += 1;
        }
        unique.clear();
        let mut d = start;
        while d < end {
            let mut e = d;
            while e < end && dated[e].1 == dated[d].1 {
                e += 1;
            }
            let one = dated[d..e].iter().all(|x| x.2 == dated[d].2);
            if let Some(&(_, _, _, i)) = dated[d..e]
                .iter()
                .find(|x| one && items[x.3].explicit && items[x.3].occurrence)
            {
                unique.push(i);
            }
            d = e;
        }
        for (k, &i) in unique.iter().enumerate() {
            for &j in unique[k + 1..].iter().take(ALIGN_WINDOW) {
                let (a, b) = (&items[i], &items[j]);
                if find(parent, i) == find(parent, j) || !aligned(a, b, names, stories) {
                    continue;
                }
                if spans_fit(parent, spans, i, j, false) && sentences_apart(parent, sentences, i, j)
                {
                    union_sentences(parent, sentences, i, j);
                }
            }
        }
        start = end;
    }
}

/// Whether two happenings that their documents each date to one date only are one:
/// documents of one story, someone, a place or a figure in common, no different places and
/// no different doers.
fn aligned(a: &Item, b: &Item, names: &Names, stories: &Stories) -> bool {
    let around = shares(&a.participants, &b.participants, names)
        || shares(&a.sentence_names, &b.sentence_names, names);
    !places_differ(a, b, names)
        && !doers_differ(a, b, names)
        && stories.shared(a.doc, b.doc, ALIGN_STORY_NAMES) >= ALIGN_STORY_NAMES
        && (around || same_place(a, b, names) || figure_weight(&a.figures, &b.figures) >= 1)
}

/// How many mentions of one lemma or concept on each side of a document a reference of it is
/// compared with.
const MAX_REFERENCE_CANDIDATES: usize = 64;

/// The definite event nouns of each document ("the quake", "his death"), each added to the
/// cluster of the happening it names: the nearest earlier mention of the same concept in its
/// document, or else the cluster that most mentions of the same concept in documents of its
/// story belong to. By cluster: (document, reference).
fn attach_references(
    documents: &[&Document],
    extractions: &[Arc<Extraction>],
    items: &[Item],
    clusters: &[Vec<usize>],
    lemmas: &HashMap<Cow<'_, str>, u32>,
    stories: &Stories,
) -> Vec<Vec<(usize, Reference)>> {
    let mut out: Vec<Vec<(usize, Reference)>> = vec![Vec::new(); clusters.len()];
    let mut cluster_of = vec![0usize; items.len()];
    for (ci, members) in clusters.iter().enumerate() {
        for &i in members {
            cluster_of[i] = ci;
        }
    }
    // By lemma and by concept: the mentions, in item order (so in document order).
    let mut by_key: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (i, it) in items.iter().enumerate() {
        by_key.entry(lemma_concept(it.lemma)).or_default().push(i);
        for &c in &it.core {
            by_key.entry(c).or_default().push(i);
        }
    }
    let mut taken: FxHashSet<usize> = FxHashSet::default();
    let mut votes: BTreeMap<usize, usize> = BTreeMap::new();
    for (di, x) in extractions.iter().enumerate() {
        // Items are in document order: this document's are one run.
        let first = items.partition_point(|it| it.doc < di);
        let own = &items[first..items.partition_point(|it| it.doc <= di)];
        taken.clear();
        for it in own {
            let e = &x.events[it.event];
            taken.insert(e.trigger_start);
            taken.extend(e.folded.iter().map(|f| f.start));
        }
        for r in reference::find(&documents[di].text, x, &taken) {
            let lemma = lemmas.get(r.lemma).copied();
            let core = concepts::of(r.lemma, Pos::Noun).map_or(&[][..], |c| c.core);
            let same = |it: &Item| {
                Some(it.lemma) == lemma
                    || concepts::kinship(core, &[], &it.core, &[]) == Kinship::Same
            };
            // In its own document: the nearest mention told before it, or else after it.
            let here = own
                .iter()
                .enumerate()
                .filter(|(_, it)| same(it))
                .min_by_key(|(_, it)| {
                    if it.sentence <= r.sentence {
                        (0, r.sentence - it.sentence)
                    } else {
                        (1, it.sentence - r.sentence)
                    }
                })
                .map(|(k, _)| first + k);
            let chosen = here.or_else(|| {
                votes.clear();
                let keys = lemma
                    .map(lemma_concept)
                    .into_iter()
                    .chain(core.iter().copied());
                for key in keys {
                    let Some(list) = by_key.get(&key) else {
                        continue;
                    };
                    // The mentions of documents next to this one in the list, so that a
                    // word every document uses costs no more than a rare one.
                    let at = list.partition_point(|&j| items[j].doc < di);
                    let lo = at.saturating_sub(MAX_REFERENCE_CANDIDATES);
                    let hi = (at + MAX_REFERENCE_CANDIDATES).min(list.len());
                    for &j in list[lo..hi]
                        .iter()
                        .filter(|&&j| items[j].doc != di && stories.related(di, items[j].doc))
                    {
                        *votes.entry(cluster_of[j]).or_default() += 1;
                    }
                }
                votes
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                    .and_then(|(&c, _)| clusters[c].first().copied())
            });
            if let Some(j) = chosen {
                out[cluster_of[j]].push((di, r));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cluster of one mention, dated to a year.
    fn one(doc: usize, sentence: usize, year: i32) -> Sentences {
        let mut s = Sentences::default();
        s.insert((doc, sentence), DateValue::Year(year));
        s
    }

    #[test]
    fn a_sentence_on_two_dates_stays_two_happenings_through_any_chain() {
        // Items 0 and 2 stand in one sentence of document 0, on different dates; item 1,
        // another report, could join either.
        let mut parent: Vec<usize> = (0..4).collect();
        let mut sentences = vec![one(0, 3, 10), one(1, 0, 10), one(0, 3, 12), one(0, 3, 10)];
        assert!(sentences_apart(&mut parent, &sentences, 0, 1));
        union_sentences(&mut parent, &mut sentences, 0, 1);
        assert_eq!(find(&mut parent, 1), 0);
        // The cluster of 0 and 1 may not take the sentence's other date ...
        assert!(!sentences_apart(&mut parent, &sentences, 1, 2));
        assert!(!sentences_apart(&mut parent, &sentences, 2, 0));
        // ... but may take another mention of it on the same date (one happening, two words).
        assert!(sentences_apart(&mut parent, &sentences, 3, 1));
        union_sentences(&mut parent, &mut sentences, 3, 1);
        assert_eq!(sentences[find(&mut parent, 3)].len(), 2);
    }

    #[test]
    fn a_document_gives_one_happening_one_day() {
        let at = |doc: usize, sentence: usize, when: DateValue| {
            let mut s = Sentences::default();
            s.insert((doc, sentence), when);
            s
        };
        let day = |day: u8| DateValue::Day {
            year: Some(2026),
            month: 9,
            day,
        };
        let september = DateValue::Month {
            year: Some(2026),
            month: Some(9),
        };
        let mut parent: Vec<usize> = (0..4).collect();
        // Item 0: a report of document 0 on the 15th; item 1: another sentence of it on the
        // 16th; item 2: its September; item 3: document 1 on the 16th.
        let sentences = vec![
            at(0, 1, day(15)),
            at(0, 5, day(16)),
            at(0, 7, september),
            at(1, 2, day(16)),
        ];
        assert!(!sentences_apart(&mut parent, &sentences, 0, 1));
        assert!(sentences_apart(&mut parent, &sentences, 0, 2));
        assert!(sentences_apart(&mut parent, &sentences, 0, 3));
    }
}
