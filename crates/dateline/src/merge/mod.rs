//! The `merge` stage: cross-document and within-document event coreference.
//!
//! Mentions of one happening join when their trigger classes are compatible, their dates are
//! compatible (or a day or two apart, which reconciliation then reports as a conflict), they
//! share participants by name key, and their places do not disagree. Candidate pairs come from
//! blocks keyed by trigger class and calendar day, never from all pairs of the corpus; the
//! clusters are the same whatever the order of the input.
//!
//! Entry point: [`build`] (documents → [`Timeline`]).

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use chrono::{Datelike, Days, NaiveDate};
use rustc_hash::FxHashMap;

use crate::entity::{Entity, EntityKind, NameKey};
use crate::event::{extract_segmented, redate, EventAnchoring, Extraction, TriggerClass};
use crate::reconcile::{anchoring_weight, reconcile, MentionClaim, Policy};
use crate::text::CodePoints;
use crate::time::{DateValue, Granularity, Interval};
use crate::timeline::{
    DocumentInfo, Event, EventMentionRef, EventParticipant, PublishedSource, Span, Timeline,
};
use crate::{Document, Error};

/// Classes whose mentions may name one happening: an arrival is the start of a visit.
fn class_group(class: TriggerClass) -> u8 {
    match class {
        TriggerClass::Visit | TriggerClass::Arrival => 1,
        TriggerClass::Meeting => 2,
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
        TriggerClass::Other => 13,
    }
}

/// A mention that can go on the timeline, with what merging compares.
struct Item {
    doc: usize,
    event: usize,
    group: u8,
    /// The trigger's lemma, as a number that is the same for the same lemma.
    lemma: usize,
    when: DateValue,
    /// The days of `when`, computed once: most comparisons of dates are of intervals.
    days: Option<Interval>,
    /// The event's own participants. This list and the next two are sorted, without
    /// repeats.
    participants: Vec<NameRef>,
    /// The event's own participants that are people.
    persons: Vec<NameRef>,
    /// Every person and organisation named in its sentence.
    sentence_names: Vec<NameRef>,
    location: Option<NameRef>,
    /// Dated by an explicit expression in an event that happened.
    explicit: bool,
    sentence: usize,
    trigger_start: usize,
}

/// Month and day of a value that names a day, year or not.
fn month_day(v: &DateValue) -> Option<(u8, u8)> {
    match *v {
        DateValue::Day { month, day, .. } => Some((month, day)),
        _ => None,
    }
}

/// Whether two dates are a day or two apart (years, where known, agreeing).
fn near(a: &DateValue, b: &DateValue) -> bool {
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

/// A bare weekday is compared with the mentions that share one of its names: with all of them
/// where a name has at most this many (outside its own sentence), else with the nearest this
/// many in document order. News gives far fewer, and every pair is compared; thousands of
/// reports naming one person would otherwise be compared with each weekday mention of them.
/// Mentions of one event that share a name still join through their neighbours.
const WEEKDAY_WINDOW: usize = 512;

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
    refs: HashMap<NameKey, NameRef>,
    /// Whether few documents name it (see `cluster_pass`), by id.
    specific: Vec<bool>,
    /// By pair of ids, the smaller first. FxHash: the ids are dense numbers the merge gives
    /// out, not values a document chooses.
    matched: RefCell<FxHashMap<u64, bool>>,
}

impl Names {
    fn new() -> Self {
        Names {
            keys: Vec::new(),
            refs: HashMap::new(),
            specific: Vec::new(),
            matched: RefCell::new(FxHashMap::default()),
        }
    }

    fn name(&mut self, key: &NameKey) -> NameRef {
        if let Some(&r) = self.refs.get(key) {
            return r;
        }
        let id = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
        let r = NameRef::new(key.block(), id);
        self.keys.push(key.clone());
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

/// The entries of `sorted` (by key, then mention) whose key is `key`, found by two searches:
/// a crowded run is never walked.
fn run_of<K: Ord + Copy>(sorted: &[(K, usize)], key: K) -> &[(K, usize)] {
    let from = sorted.partition_point(|&(k, _)| k < key);
    let to = sorted.partition_point(|&(k, _)| k <= key);
    &sorted[from..to]
}

/// The [`FUZZY_WINDOW`] entries of a run (sorted by mention) nearest mention `i` in document
/// order.
fn nearest<K>(run: &[(K, usize)], i: usize) -> &[(K, usize)] {
    let at = run.partition_point(|&(_, j)| j < i);
    let lo = at.saturating_sub(FUZZY_WINDOW / 2);
    let hi = (lo + FUZZY_WINDOW).min(run.len());
    &run[lo..hi]
}

/// Whether the dates of two mentions can be one date ([`DateValue::compatible`]).
fn compatible(a: &Item, b: &Item) -> bool {
    match (a.days, b.days) {
        (Some(x), Some(y)) => x.overlaps(&y),
        _ => a.when.compatible(&b.when),
    }
}

/// Whether two mentions name one happening.
fn same_event(a: &Item, b: &Item, names: &Names) -> bool {
    if a.group != b.group {
        return false;
    }
    // Two mentions of one sentence are different events unless they are the same words.
    if a.doc == b.doc && a.sentence == b.sentence {
        return a.trigger_start == b.trigger_start;
    }
    if let (Some(x), Some(y)) = (a.location, b.location) {
        if !names.matches(x, y) {
            return false;
        }
    }
    // Computed only when the dates leave the answer open: most candidate pairs are settled
    // by their dates alone.
    let own = || shares(&a.participants, &b.participants, names);
    let around = || shares(&a.sentence_names, &b.sentence_names, names);
    // A participant that few events share (a minister, not the delegation every article is
    // about) is what ties two differently dated mentions together.
    let specific_shared = || {
        a.sentence_names
            .iter()
            .filter(|&&k| names.specific(k))
            .any(|&k| names.matches_any(k, &b.sentence_names))
    };
    // A bare weekday fits any day: it joins only a day and only through someone specific.
    let weekday = |v: &DateValue| matches!(v, DateValue::Weekday(_));
    if weekday(&a.when) || weekday(&b.when) {
        let day = |v: &DateValue| weekday(v) || month_day(v).is_some();
        return day(&a.when) && day(&b.when) && compatible(a, b) && specific_shared();
    }
    if compatible(a, b) {
        own() || (around() && (a.lemma == b.lemma || specific_shared()))
    } else if near(&a.when, &b.when) {
        let (own, around, specific_shared) = (own(), around(), specific_shared());
        // Dates a day or two apart are one event told differently only when nobody takes part
        // in one that the other does not know of ("the day after the meeting with the
        // minister, the delegation met the speaker" is a second event), and when a specific
        // participant, or a shared participant in the same place, ties them.
        let subsumed = |x: &Item, y: &Item| {
            x.persons
                .iter()
                .filter(|&&k| names.specific(k))
                .all(|&k| names.matches_any(k, &y.sentence_names))
        };
        let same_place =
            matches!((a.location, b.location), (Some(x), Some(y)) if names.matches(x, y));
        // A visit is the trip of its party to its place: an arrival and a visit by the same
        // party to the same place a day apart are one trip, whoever else each names.
        if a.group == class_group(TriggerClass::Visit) && same_place && (own || around) {
            return true;
        }
        subsumed(a, b) && subsumed(b, a) && (specific_shared || (same_place && (own || around)))
    } else {
        false
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

fn span(text: &str, cps: &CodePoints, start: usize, end: usize) -> Span {
    Span {
        text: text.get(start..end).unwrap_or("").to_owned(),
        start,
        end,
        char_start: cps.to_code_point(start),
        char_end: cps.to_code_point(end),
    }
}

/// Reads the documents and builds their timeline.
///
/// # Errors
///
/// [`Error::DuplicateDocument`] when two documents share an id; [`Error::InvalidWeight`] when
/// a source weight is negative, infinite or NaN.
pub fn build(
    documents: Vec<Document>,
    policy: Arc<dyn Policy>,
    source_weights: &BTreeMap<String, f64>,
) -> Result<Timeline, Error> {
    build_until(documents, policy, source_weights, Stop::default())
}

/// [`build`], stopped with [`Error::Interrupted`] soon after `stop` is set.
pub(crate) fn build_until(
    documents: Vec<Document>,
    policy: Arc<dyn Policy>,
    source_weights: &BTreeMap<String, f64>,
    stop: Stop<'_>,
) -> Result<Timeline, Error> {
    check_weights(source_weights)?;
    ReadDocuments::read_all(documents, &|_| {}, stop)?.build_until(policy, source_weights, stop)
}

/// A flag another thread sets to stop a build (a Python caller's Ctrl-C, see
/// [`TimelineBuilder::interruptible`](crate::TimelineBuilder::interruptible)): looked at for
/// each document read and each step of merging, so that a build stops within about the time
/// one document takes.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Stop<'a>(Option<&'a AtomicBool>);

impl<'a> Stop<'a> {
    pub(crate) fn on(flag: &'a AtomicBool) -> Self {
        Stop(Some(flag))
    }

    fn now(self) -> bool {
        self.0.is_some_and(|f| f.load(Ordering::Relaxed))
    }
}

/// [`Error::InvalidWeight`] for the first source weight that is negative, infinite or NaN.
pub(crate) fn check_weights(source_weights: &BTreeMap<String, f64>) -> Result<(), Error> {
    match source_weights
        .iter()
        .find(|(_, w)| !w.is_finite() || **w < 0.0)
    {
        Some((id, w)) => Err(Error::InvalidWeight {
            document: id.clone(),
            value: w.to_string(),
        }),
        None => Ok(()),
    }
}

/// Called once for each document read, with the document's length in bytes, from the thread
/// that read it: progress reporting for long runs (see [`ReadDocuments::observed`]).
pub type ReadObserver = dyn Fn(usize) + Send + Sync;

/// Documents read (segmented, their dates tagged, names and events found) and ready to merge:
/// reading is most of the work of building a timeline, merging the rest.
pub struct ReadDocuments {
    documents: Vec<Document>,
    known: Vec<(Option<NaiveDate>, PublishedSource)>,
    extractions: Vec<Extraction>,
}

impl ReadDocuments {
    /// Reads the documents (on all cores with the `rayon` feature).
    ///
    /// # Errors
    ///
    /// [`Error::DuplicateDocument`] when two documents share an id.
    pub fn new(documents: Vec<Document>) -> Result<Self, Error> {
        Self::observed(documents, &|_| {})
    }

    /// Reads the documents as [`new`](Self::new) does, calling `observer` with each document's
    /// length in bytes once it is read. With the `rayon` feature, documents are read on several
    /// threads and in no fixed order: the observer sees every document once, and nothing else
    /// depends on it.
    ///
    /// # Errors
    ///
    /// [`Error::DuplicateDocument`] when two documents share an id.
    pub fn observed(documents: Vec<Document>, observer: &ReadObserver) -> Result<Self, Error> {
        Self::read_all(documents, observer, Stop::default())
    }

    /// [`observed`](Self::observed), stopped with [`Error::Interrupted`] soon after `stop` is
    /// set.
    pub(crate) fn read_all(
        mut documents: Vec<Document>,
        observer: &ReadObserver,
        stop: Stop<'_>,
    ) -> Result<Self, Error> {
        // The same set in any order gives the same timeline: work in id order.
        documents.sort_by(|a, b| a.id.cmp(&b.id));
        for pair in documents.windows(2) {
            if pair[0].id == pair[1].id {
                return Err(Error::DuplicateDocument {
                    id: pair[0].id.clone(),
                });
            }
        }
        let read: Vec<_> = par_map(&documents, |_, d| {
            // Once stopped, the documents left are not read.
            if stop.now() {
                return None;
            }
            let r = read(d);
            observer(d.text.len());
            Some(r)
        });
        let (known, extractions) = read
            .into_iter()
            .collect::<Option<Vec<_>>>()
            .ok_or(Error::Interrupted)?
            .into_iter()
            .unzip();
        Ok(ReadDocuments {
            documents,
            known,
            extractions,
        })
    }

    /// The event mentions found, those that cannot go on a timeline included.
    pub fn mention_count(&self) -> usize {
        self.extractions.iter().map(|x| x.events.len()).sum()
    }

    /// Merges the mentions into events and reconciles their dates. The source weights are
    /// taken as given: finite and 0 or more, as [`build`] checks them.
    pub fn build(
        self,
        policy: Arc<dyn Policy>,
        source_weights: &BTreeMap<String, f64>,
    ) -> Timeline {
        // Never stopped: there is always a timeline.
        self.build_until(policy, source_weights, Stop::default())
            .unwrap_or_default()
    }

    /// [`build`](Self::build), stopped with [`Error::Interrupted`] soon after `stop` is set.
    pub(crate) fn build_until(
        self,
        policy: Arc<dyn Policy>,
        source_weights: &BTreeMap<String, f64>,
        stop: Stop<'_>,
    ) -> Result<Timeline, Error> {
        build_read(
            self.documents,
            self.known,
            self.extractions,
            policy,
            source_weights,
            stop,
        )
        .ok_or(Error::Interrupted)
    }
}

/// Reads one document: its publication date (given, else its dateline's) and what it says.
fn read(d: &Document) -> ((Option<NaiveDate>, PublishedSource), Extraction) {
    let segmented = crate::text::segment(&d.text);
    let dateline = segmented
        .dateline
        .as_ref()
        .and_then(|l| l.date.interval())
        .filter(|iv| iv.start == iv.end)
        .map(|iv| iv.start);
    let known = match (d.published, dateline) {
        (Some(p), _) => (Some(p), PublishedSource::Given),
        (None, Some(p)) => (Some(p), PublishedSource::Dateline),
        (None, None) => (None, PublishedSource::Unknown),
    };
    let x = extract_segmented(&d.id, &d.text, segmented, known.0);
    (known, x)
}

/// Builds the timeline of documents already read, sorted by id; `None` when stopped.
fn build_read(
    documents: Vec<Document>,
    mut known: Vec<(Option<NaiveDate>, PublishedSource)>,
    mut extractions: Vec<Extraction>,
    policy: Arc<dyn Policy>,
    source_weights: &BTreeMap<String, f64>,
    stop: Stop<'_>,
) -> Option<Timeline> {
    // Publication dates not given nor in a dateline are inferred from the events an article
    // shares with others, pass after pass until nothing changes.
    let mut bounds: Vec<Option<Interval>> = vec![None; documents.len()];
    let mut read_with: Vec<(Option<NaiveDate>, Option<Interval>)> =
        known.iter().zip(&bounds).map(|(k, &b)| (k.0, b)).collect();
    let mut items: Vec<Item>;
    let mut clusters: Vec<Vec<usize>>;
    let mut pass = 0;
    loop {
        let stale: Vec<usize> = (0..documents.len())
            .filter(|&i| read_with[i] != (known[i].0, bounds[i]))
            .collect();
        let fresh = par_map(&stale, |_, &i| {
            (!stop.now())
                .then(|| redate_within(&extractions[i], &documents[i].text, known[i].0, bounds[i]))
        });
        for (i, x) in stale.into_iter().zip(fresh) {
            extractions[i] = x?;
            read_with[i] = (known[i].0, bounds[i]);
        }
        (items, clusters) = cluster_pass(&documents, &extractions, stop);
        if stop.now() {
            return None;
        }
        pass += 1;
        if pass >= MAX_PASSES {
            break;
        }
        let inferred = infer_published(&documents, &known, &items, &clusters);
        let mut changed = false;
        for (i, found) in inferred.into_iter().enumerate() {
            if let Some(iv) = found {
                if known[i].1 == PublishedSource::Unknown
                    || (known[i].1 == PublishedSource::Inferred && bounds[i] != Some(iv))
                {
                    // Bounds a week wide or less give a date to resolve "yesterday" and "on
                    // Thursday" by; wider ones are kept as bounds only, leaving year-less dates
                    // partial for the other sources to fix.
                    let date = (iv.len_days() <= NARROW_DAYS).then_some(iv.start);
                    known[i] = (date, PublishedSource::Inferred);
                    bounds[i] = Some(iv);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }

    let code_points: Vec<CodePoints> = par_map(&documents, |_, d| CodePoints::new(&d.text));
    let corpus = Corpus {
        items: &items,
        documents: &documents,
        extractions: &extractions,
        code_points: &code_points,
        bounds: &bounds,
    };
    // Each event is assembled and reconciled on its own: on all cores with `rayon`.
    let events: Vec<Event> = par_map(&clusters, |_, members| {
        (!stop.now()).then(|| assemble(members, &corpus, policy.as_ref(), source_weights))
    })
    .into_iter()
    .collect::<Option<_>>()?;
    // The keys are computed once, not at each comparison: a date's interval is calendar work.
    let mut order: Vec<_> = events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let when = (
                e.when.and_then(|w| w.interval()).map(|iv| iv.start),
                e.when.map(|w| w.granularity()),
            );
            (when, first_mention(e), i)
        })
        .collect();
    order.sort_unstable();
    let order: Vec<usize> = order.into_iter().map(|(_, _, i)| i).collect();
    let mut slots: Vec<Option<Event>> = events.into_iter().map(Some).collect();
    let events: Vec<Event> = order
        .into_iter()
        .filter_map(|i| slots.get_mut(i).and_then(Option::take))
        .collect();

    let infos = documents
        .iter()
        .zip(&known)
        .zip(&bounds)
        .map(|((d, &(published, source)), &bounds)| DocumentInfo {
            id: d.id.clone(),
            published,
            published_source: source,
            published_bounds: bounds,
        })
        .collect();
    Some(
        Timeline {
            documents: infos,
            events,
            ..Timeline::default()
        }
        .with_built_from(documents, policy, source_weights.clone()),
    )
}

/// The dates and events of an extraction found again for a publication date, or, for a
/// document published at some unknown day within `bounds`, the date each event would have at
/// both ends of the bounds ("16 March" in a past clause is the same 16 March for any day of a
/// year that starts on it), left partial where the ends disagree. Resolution moves
/// monotonically with the publication date, so agreement at both ends means agreement on every
/// day between.
fn redate_within(
    x: &Extraction,
    text: &str,
    published: Option<NaiveDate>,
    bounds: Option<Interval>,
) -> Extraction {
    let mut partial = redate(x, text, published);
    let Some(bounds) = bounds.filter(|_| published.is_none()) else {
        return partial;
    };
    let (first, last) = (
        redate(x, text, Some(bounds.start)),
        redate(x, text, Some(bounds.end)),
    );
    let aligned = |y: &Extraction| {
        y.events.len() == partial.events.len()
            && y.events
                .iter()
                .zip(&partial.events)
                .all(|(a, b)| a.trigger_start == b.trigger_start)
    };
    if !aligned(&first) || !aligned(&last) {
        return partial;
    }
    for ((event, a), b) in partial
        .events
        .iter_mut()
        .zip(first.events)
        .zip(&last.events)
    {
        if a.when.is_some() && a.when == b.when && a.timeline == b.timeline {
            *event = a;
        }
    }
    partial
}

/// `f` over every element, on all cores with the `rayon` feature; the results keep the order.
fn par_map<T: Sync, U: Send>(items: &[T], f: impl Fn(usize, &T) -> U + Sync + Send) -> Vec<U> {
    #[cfg(feature = "rayon")]
    {
        use rayon::prelude::*;
        items.par_iter().enumerate().map(|(i, t)| f(i, t)).collect()
    }
    #[cfg(not(feature = "rayon"))]
    {
        items.iter().enumerate().map(|(i, t)| f(i, t)).collect()
    }
}

/// The short name an organisation's full name starts with, when the article also uses it
/// alone: "the Hamas Islamic Resistance Movement" is "Hamas" where "Hamas" is named too.
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

/// The mentions that can go on a timeline and their clusters (not all of them once `stop` is
/// set: the caller then throws them away).
fn cluster_pass(
    documents: &[Document],
    extractions: &[Extraction],
    stop: Stop<'_>,
) -> (Vec<Item>, Vec<Vec<usize>>) {
    // The items that can go on a timeline: dated by their own clause.
    let mut items: Vec<Item> = Vec::with_capacity(extractions.iter().map(|x| x.events.len()).sum());
    let mut names = Names::new();
    let mut lemmas: HashMap<&str, usize> = HashMap::new();
    // By entity of the document at hand: its name, and the short name it starts with, looked
    // up once rather than at each mention of each event.
    let mut entity_names: Vec<Option<NameRef>> = Vec::new();
    let mut short_names: Vec<Option<Option<NameRef>>> = Vec::new();
    for (di, x) in extractions.iter().enumerate() {
        let entities = &x.entities.entities;
        entity_names.clear();
        entity_names.resize(entities.len(), None);
        short_names.clear();
        short_names.resize(entities.len(), None);
        for (ei, e) in x.events.iter().enumerate() {
            let Some(when) = e.when else { continue };
            if !e.timeline || e.time.is_none() || matches!(when, DateValue::Unknown(_)) {
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
            let location = e.location.map(|mi| name_of(&mut names, mi));
            for list in [&mut participants, &mut persons, &mut sentence_names] {
                list.sort_unstable();
                list.dedup();
            }
            items.push(Item {
                doc: di,
                event: ei,
                group: class_group(e.class),
                lemma: {
                    let next = lemmas.len();
                    *lemmas.entry(&*e.lemma).or_insert(next)
                },
                when,
                days: when.interval(),
                participants,
                persons,
                sentence_names,
                location,
                explicit: e.anchoring == EventAnchoring::Explicit
                    && e.modality == crate::event::Modality::Actual,
                sentence: e.sentence,
                trigger_start: e.trigger_start,
            });
        }
    }

    // How many documents name each key: names every article uses do not tie events together.
    let mut docs_naming: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); names.keys.len()];
    for it in &items {
        for &k in &it.sentence_names {
            docs_naming[k.id()].insert(it.doc);
        }
    }
    let n_docs = documents.len();
    names.specific = docs_naming
        .iter()
        .map(|d| n_docs <= 2 || d.len() * 2 <= n_docs + 1)
        .collect();
    let names = names;

    // Blocks: (class group, kind, year, month-day) where kind 0 is a day with its year, 1 a
    // day without one, 2 anything coarser (by year). A year-less day is compared with the days
    // of every year near its month-day; a dated day only with the days of its own year.
    let md = |m: u8, d: u8| i32::from(m) * 31 + i32::from(d);
    let block_key = |it: &Item| match (month_day(&it.when), it.when.year()) {
        (Some((m, d)), Some(y)) => (it.group, 0, y, md(m, d)),
        (Some((m, d)), None) => (it.group, 1, 0, md(m, d)),
        (None, y) => (it.group, 2, y.unwrap_or(0), 0),
    };
    // Copies of one mention (a wire story that many outlets run, a paragraph repeated) are one
    // event, and each compares with others as any copy would: two copies from different
    // sentences stand for all of them (two, so that one is never in the other mention's
    // sentence), which keeps a block from growing with the number of copies.
    let mut parent: Vec<usize> = (0..items.len()).collect();
    let mut compared = vec![true; items.len()];
    type Signature<'a> = (
        u8,
        usize,
        DateValue,
        &'a [NameRef],
        &'a [NameRef],
        &'a [NameRef],
        Option<NameRef>,
    );
    let mut copies: HashMap<Signature<'_>, (usize, Option<usize>)> =
        HashMap::with_capacity(items.len());
    // A bare weekday joins only through a name few documents give (see `same_event`).
    let joins_as_weekday = |it: &Item| {
        matches!(it.when, DateValue::Weekday(_))
            && it.sentence_names.iter().any(|&k| names.specific(k))
    };
    for (i, it) in items.iter().enumerate() {
        // Copies of a weekday join only through such a name; a mention without names joins
        // nothing.
        let unnamed = it.participants.is_empty() && it.sentence_names.is_empty();
        let weekday = matches!(it.when, DateValue::Weekday(_));
        if unnamed || (weekday && !joins_as_weekday(it)) {
            continue;
        }
        let key = (
            it.group,
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
            // Two mentions of one sentence are compared as themselves.
            continue;
        }
        if second.is_some() {
            compared[i] = false;
        } else {
            *second = Some(i);
        }
        union(&mut parent, *first, i);
    }

    let mut blocks: BTreeMap<(u8, u8, i32, i32), Vec<usize>> = BTreeMap::new();
    let mut dated_days: HashMap<(u8, i32), Vec<usize>> = HashMap::new();
    // Computed once: the comparisons below ask for the block of each candidate.
    let block_keys: Vec<_> = items.iter().map(block_key).collect();
    for (i, &key) in block_keys.iter().enumerate().filter(|&(i, _)| compared[i]) {
        blocks.entry(key).or_default().push(i);
        if key.1 == 0 {
            dated_days.entry((key.0, key.3)).or_default().push(i);
        }
    }
    // The name classes of each item, end to end: item i's are
    // `class_pool[class_at[i]..class_at[i + 1]]`.
    let mut class_pool: Vec<u32> = Vec::new();
    let mut class_at: Vec<usize> = Vec::with_capacity(items.len() + 1);
    class_at.push(0);
    let mut scratch: Vec<u32> = Vec::new();
    for it in &items {
        scratch.clear();
        scratch.extend(
            it.sentence_names
                .iter()
                .chain(&it.participants)
                .map(|k| k.class()),
        );
        scratch.sort_unstable();
        scratch.dedup();
        class_pool.extend_from_slice(&scratch);
        class_at.push(class_pool.len());
    }
    let classes = |i: usize| &class_pool[class_at[i]..class_at[i + 1]];
    // Lists kept from block to block for their capacity.
    let mut others: Vec<usize> = Vec::new();
    let mut by_class: Vec<(u32, usize)> = Vec::new();
    let mut by_name: Vec<(NameRef, usize)> = Vec::new();
    let mut candidates: Vec<usize> = Vec::new();
    for (key, members) in &blocks {
        if stop.now() {
            break;
        }
        // Within the block, and with the next two days' blocks for near-date conflicts.
        others.clear();
        let (group, kind, year, day) = *key;
        if kind < 2 {
            for step in 1..=2 {
                if let Some(b) = blocks.get(&(group, kind, year, day + step)) {
                    others.extend(b);
                }
            }
        }
        if kind == 1 {
            for step in -2..=2 {
                if let Some(b) = dated_days.get(&(group, day + step)) {
                    others.extend(b);
                }
            }
        }
        // Every join needs a shared name, and names that match share a block class: compare
        // only the mentions of the block whose names share one.
        by_class.clear();
        by_name.clear();
        for &i in members.iter().chain(&others) {
            by_class.extend(classes(i).iter().map(|&c| (c, i)));
            let it = &items[i];
            by_name.extend(
                it.sentence_names
                    .iter()
                    .chain(&it.participants)
                    .map(|&r| (r, i)),
            );
        }
        by_class.sort_unstable();
        by_name.sort_unstable();
        by_name.dedup();
        for &i in members {
            candidates.clear();
            let mut crowded = false;
            for &c in classes(i) {
                let run = run_of(&by_class, c);
                if run.len() <= FUZZY_WINDOW {
                    candidates.extend(run.iter().map(|&(_, j)| j));
                } else {
                    // The nearest mentions around this one; those sharing a name come below.
                    crowded = true;
                    candidates.extend(nearest(run, i).iter().map(|&(_, j)| j));
                }
            }
            if crowded {
                // And those that share a name with it: the nearest as many again of each, so
                // that a name that thousands share is not walked for each of them either.
                let it = &items[i];
                for &r in it.sentence_names.iter().chain(&it.participants) {
                    candidates.extend(nearest(run_of(&by_name, r), i).iter().map(|&(_, j)| j));
                }
            }
            candidates.sort_unstable();
            candidates.dedup();
            for &j in &candidates {
                // A pair inside the block is compared once, from its smaller index.
                let same_block = block_keys[j] == *key;
                if j == i || (same_block && j < i) {
                    continue;
                }
                // Already one event through others: nothing to learn from the pair.
                if find(&mut parent, i) == find(&mut parent, j) {
                    continue;
                }
                if same_event(&items[i], &items[j], &names) {
                    union(&mut parent, i, j);
                }
            }
        }
    }
    // A bare weekday ("on Thursday", no publication date to place it) can be any day: it is
    // compared with the mentions of its class that name someone it names. Only a weekday
    // mention with a name few documents give can join one (`same_event`), and the other
    // mentions of its own sentence are other events: neither is compared.
    if items
        .iter()
        .enumerate()
        .any(|(i, it)| compared[i] && joins_as_weekday(it))
    {
        weekday_pass(
            &items,
            &compared,
            &names,
            &mut parent,
            joins_as_weekday,
            stop,
        );
    }
    let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..items.len() {
        let root = find(&mut parent, i);
        clusters.entry(root).or_default().push(i);
    }

    (items, clusters.into_values().collect())
}

/// Where a mention is: its document and sentence, then its trigger.
type Place = (usize, usize, usize);

fn place_of(it: &Item) -> Place {
    (it.doc, it.sentence, it.trigger_start)
}

/// The day of the week a mention's date can be, for the weekday pass: 0–6 from Monday, 7 for
/// any day (a day without its year), `None` for a date that is no single day (a month, a
/// year), which no bare weekday joins.
fn weekday_class(it: &Item) -> Option<u8> {
    match it.when {
        DateValue::Weekday(w) => u8::try_from(w.num_days_from_monday()).ok(),
        DateValue::Day { .. } => match it.days {
            Some(iv) => u8::try_from(iv.start.weekday().num_days_from_monday()).ok(),
            None => Some(ANY_WEEKDAY),
        },
        _ => None,
    }
}

/// The [`weekday_class`] of a day that may be any day of the week.
const ANY_WEEKDAY: u8 = 7;

/// The weekday pass of [`cluster_pass`]: each bare weekday mention that `joins` says can join
/// is compared with the mentions of its class group that share one of its sentence names
/// exactly and whose date can be that weekday, up to [`WEEKDAY_WINDOW`] per name. Linear in the
/// mentions: the lists by name are made once, and a mention's own sentence is skipped by a
/// search rather than walked.
fn weekday_pass(
    items: &[Item],
    compared: &[bool],
    names: &Names,
    parent: &mut [usize],
    joins: impl Fn(&Item) -> bool,
    stop: Stop<'_>,
) {
    // By class group, name and weekday class, the mentions that name it, in document order.
    let mut by_name: HashMap<(u8, NameRef, u8), Vec<usize>> = HashMap::new();
    for (i, it) in items.iter().enumerate().filter(|&(i, _)| compared[i]) {
        let Some(class) = weekday_class(it) else {
            continue;
        };
        for &k in &it.sentence_names {
            by_name.entry((it.group, k, class)).or_default().push(i);
        }
    }
    for list in by_name.values_mut() {
        list.sort_unstable_by_key(|&j| (place_of(&items[j]), j));
    }
    // `seen[j] == i`: mention j is already a candidate of mention i.
    let mut seen = vec![usize::MAX; items.len()];
    let mut candidates: Vec<usize> = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if !compared[i] || !joins(it) {
            continue;
        }
        if stop.now() {
            return;
        }
        let (doc, sentence, trigger) = place_of(it);
        let Some(class) = weekday_class(it) else {
            continue;
        };
        candidates.clear();
        // The mentions whose date can be its weekday: that weekday, or any day.
        let lists = it
            .sentence_names
            .iter()
            .flat_map(|&k| [class, ANY_WEEKDAY].map(|c| by_name.get(&(it.group, k, c))));
        for list in lists.flatten() {
            let at = |p: Place| list.partition_point(|&j| place_of(&items[j]) < p);
            // The mentions of its own sentence join it only if they are the same words.
            let (lo, hi) = (at((doc, sentence, 0)), at((doc, sentence + 1, 0)));
            let (same_lo, same_hi) = (
                at((doc, sentence, trigger)),
                at((doc, sentence, trigger + 1)),
            );
            let (before, after) = (&list[..lo], &list[hi..]);
            let from_before = before
                .len()
                .min((WEEKDAY_WINDOW / 2).max(WEEKDAY_WINDOW.saturating_sub(after.len())));
            let from_after = after.len().min(WEEKDAY_WINDOW - from_before);
            let near = before[before.len() - from_before..]
                .iter()
                .chain(&list[same_lo..same_hi])
                .chain(&after[..from_after]);
            for &j in near {
                if j != i && seen[j] != i {
                    seen[j] = i;
                    candidates.push(j);
                }
            }
        }
        candidates.sort_unstable();
        for &j in &candidates {
            if find(parent, i) != find(parent, j) && same_event(it, &items[j], names) {
                union(parent, i, j);
            }
        }
    }
}

/// Passes of extraction and merging over which publication dates are inferred.
const MAX_PASSES: usize = 4;

/// Inferred bounds at most this many days wide fix a publication date to resolve against.
const NARROW_DAYS: i64 = 7;

fn tighten(bound: &mut [Option<(NaiveDate, NaiveDate)>], doc: usize, lo: NaiveDate, hi: NaiveDate) {
    bound[doc] = Some(match bound[doc] {
        Some((l, h)) => (l.max(lo), h.min(hi).max(l.max(lo))),
        None => (lo, hi),
    });
}

/// For each document whose publication date is not given: the days it may be, from the events
/// it shares with other documents. A year-less date that another source dates fully was in the
/// article's past year; a bare weekday that another source dates was in its past week; a
/// year-less date and a weekday of one event fix the year in which that day is that weekday.
fn infer_published(
    documents: &[Document],
    known: &[(Option<NaiveDate>, PublishedSource)],
    items: &[Item],
    clusters: &[Vec<usize>],
) -> Vec<Option<Interval>> {
    let open = |d: usize| {
        matches!(
            known[d].1,
            PublishedSource::Unknown | PublishedSource::Inferred
        )
    };
    // Only open documents get bounds: with none, there is nothing to look at.
    if !(0..documents.len()).any(open) {
        return vec![None; documents.len()];
    }
    let mut bound: Vec<Option<(NaiveDate, NaiveDate)>> = vec![None; documents.len()];
    // A document's own explicit past days: it was published after them.
    for it in items {
        if open(it.doc) && it.explicit {
            if let Some(iv) = it.when.interval().filter(|iv| iv.start == iv.end) {
                let lo = iv.start;
                let hi = lo.checked_add_days(Days::new(3650)).unwrap_or(lo);
                tighten(&mut bound, it.doc, lo, hi);
            }
        }
    }
    // Events dated fully by some sources.
    for members in clusters {
        let mut days: BTreeMap<NaiveDate, usize> = BTreeMap::new();
        for &i in members {
            if let Some(iv) = items[i].when.interval().filter(|iv| iv.start == iv.end) {
                *days.entry(iv.start).or_default() += 1;
            }
        }
        let Some((&day, _)) = days
            .iter()
            .max_by_key(|&(d, n)| (*n, std::cmp::Reverse(*d)))
        else {
            continue;
        };
        for &i in members {
            let it = &items[i];
            if !open(it.doc) {
                continue;
            }
            match it.when {
                DateValue::Day {
                    year: None,
                    month,
                    day: dd,
                } if u32::from(month) == day.month() && u32::from(dd) == day.day() => {
                    let hi = day.checked_add_days(Days::new(364)).unwrap_or(day);
                    tighten(&mut bound, it.doc, day, hi);
                }
                DateValue::Weekday(w) if day.weekday() == w => {
                    let hi = day.checked_add_days(Days::new(6)).unwrap_or(day);
                    tighten(&mut bound, it.doc, day, hi);
                }
                _ => {}
            }
        }
    }
    // A year-less day and a weekday of one event: the year in which that day is that weekday,
    // within what is known of the sources' dates.
    for members in clusters {
        let partial = members.iter().find_map(|&i| match items[i].when {
            DateValue::Day {
                year: None,
                month,
                day,
            } => Some((month, day)),
            _ => None,
        });
        let weekday = members.iter().find_map(|&i| match items[i].when {
            DateValue::Weekday(w) => Some(w),
            _ => None,
        });
        let (Some((month, dd)), Some(w)) = (partial, weekday) else {
            continue;
        };
        // The years the involved documents allow.
        let mut window: Option<(NaiveDate, NaiveDate)> = None;
        for &i in members {
            let doc_window = bound[items[i].doc].or_else(|| known[items[i].doc].0.map(|p| (p, p)));
            if let Some((lo, hi)) = doc_window {
                // The event lies in the year before the publication.
                let lo = lo.checked_sub_days(Days::new(364)).unwrap_or(lo);
                window = Some(match window {
                    Some((a, b)) => (a.max(lo), b.min(hi)),
                    None => (lo, hi),
                });
            }
        }
        let Some((lo, hi)) = window else { continue };
        let fits: Vec<NaiveDate> = (lo.year()..=hi.year())
            .filter_map(|y| NaiveDate::from_ymd_opt(y, u32::from(month), u32::from(dd)))
            .filter(|d| d.weekday() == w && *d >= lo && *d <= hi)
            .collect();
        let [day] = fits.as_slice() else { continue };
        for &i in members {
            let it = &items[i];
            if !open(it.doc) {
                continue;
            }
            let span = if matches!(it.when, DateValue::Weekday(_)) {
                6
            } else {
                364
            };
            let hi = day.checked_add_days(Days::new(span)).unwrap_or(*day);
            tighten(&mut bound, it.doc, *day, hi);
        }
    }
    bound
        .into_iter()
        .map(|b| b.and_then(|(lo, hi)| Interval::new(lo, hi.max(lo))))
        .collect()
}

fn first_mention(e: &Event) -> (&str, usize) {
    e.mentions
        .first()
        .map_or(("", 0), |m| (m.doc.as_str(), m.trigger.start))
}

/// What the documents gave: the mentions to merge and, by document, its text, what was read
/// in it, its code-point offsets and its publication bounds.
struct Corpus<'a> {
    items: &'a [Item],
    documents: &'a [Document],
    extractions: &'a [Extraction],
    code_points: &'a [CodePoints],
    bounds: &'a [Option<Interval>],
}

/// Turns a cluster of mentions into an event.
fn assemble(
    members: &[usize],
    corpus: &Corpus<'_>,
    policy: &dyn Policy,
    source_weights: &BTreeMap<String, f64>,
) -> Event {
    let Corpus {
        items,
        documents,
        extractions,
        code_points,
        bounds,
    } = *corpus;
    // With the index of their document: documents are in id order, so sorting by index sorts
    // by id without comparing the ids.
    let mut mentions: Vec<(usize, EventMentionRef)> = Vec::with_capacity(members.len());
    let mut claims = Vec::new();
    // By folded name: the longest name, its key (an entity's key is that of its name, so
    // names need not be folded again here), and the other spellings, all borrowed from what
    // the documents gave until the event is built.
    let mut names: BTreeMap<&[String], (&str, &NameKey, BTreeSet<&str>)> = BTreeMap::new();
    let mut places: BTreeMap<&str, usize> = BTreeMap::new();
    let mut strongest: Option<(f64, usize)> = None;
    for &i in members {
        let it = &items[i];
        let doc = &documents[it.doc];
        let x = &extractions[it.doc];
        let e = &x.events[it.event];
        let cps = &code_points[it.doc];
        let sentence = &x.segmented.sentences[e.sentence];
        let time = e.time.map(|ti| {
            let t = &x.timexes[ti];
            (span(&doc.text, cps, t.start, t.end), t.value.timex())
        });
        let weight = anchoring_weight(e.anchoring, &it.when)
            * source_weights.get(&doc.id).copied().unwrap_or(1.0);
        claims.push(MentionClaim {
            when: it.when,
            doc: doc.id.clone(),
            weight,
            explicit: e.anchoring == EventAnchoring::Explicit,
            published_within: bounds.get(it.doc).copied().flatten(),
        });
        if strongest.is_none_or(|(w, _)| weight > w) {
            strongest = Some((weight, i));
        }
        for p in &e.participants {
            let ent = &x.entities.entities[p.entity];
            if ent.kind == EntityKind::Place {
                continue;
            }
            let surface = doc
                .text
                .get(x.entities.mentions[p.mention].start..x.entities.mentions[p.mention].end)
                .unwrap_or("");
            // Spellings of one key gather under its longest name.
            let entry = names
                .entry(ent.key.parts.as_slice())
                .or_insert_with(|| (ent.name.as_str(), &ent.key, BTreeSet::new()));
            if ent.name.len() > entry.0.len() {
                let old = std::mem::replace(&mut entry.0, ent.name.as_str());
                entry.1 = &ent.key;
                entry.2.insert(old);
            }
            if surface != entry.0 && !surface.is_empty() {
                entry.2.insert(surface);
            }
        }
        if let Some(mi) = e.location {
            let ent = &x.entities.entities[x.entities.mentions[mi].entity];
            *places.entry(ent.name.as_str()).or_default() += 1;
        }
        mentions.push((
            it.doc,
            EventMentionRef {
                doc: doc.id.clone(),
                sentence: span(&doc.text, cps, sentence.start, sentence.end),
                trigger: span(&doc.text, cps, e.trigger_start, e.trigger_end),
                time,
                when: e.when,
                anchoring: e.anchoring,
            },
        ));
    }
    mentions.sort_by_key(|(doc, m)| (*doc, m.trigger.start));
    let mentions: Vec<EventMentionRef> = mentions.into_iter().map(|(_, m)| m).collect();
    let (when, conflict, confidence) = reconcile(&claims, policy);
    let lead = strongest.map_or(members[0], |(_, i)| i);
    let lead_item = &items[lead];
    let lead_event = &extractions[lead_item.doc].events[lead_item.event];
    let lead_sentence = &extractions[lead_item.doc].segmented.sentences[lead_event.sentence];
    let summary = one_line(
        documents[lead_item.doc]
            .text
            .get(lead_sentence.start..lead_sentence.end)
            .unwrap_or(""),
    );
    // Merge spellings whose keys match (partial names, transliterations) under one name.
    let mut merged: Vec<(&str, &NameKey, Vec<&str>)> = Vec::new();
    for (_, (name, key, aliases)) in names {
        match merged.iter_mut().find(|p| p.1.matches(key)) {
            Some(p) => {
                let other = if name.len() > p.0.len() {
                    p.1 = key;
                    std::mem::replace(&mut p.0, name)
                } else {
                    name
                };
                p.2.push(other);
                p.2.extend(aliases);
            }
            None => merged.push((name, key, aliases.into_iter().collect())),
        }
    }
    let participants: Vec<EventParticipant> = merged
        .into_iter()
        .map(|(name, key, mut aliases)| {
            aliases.retain(|a| *a != name);
            aliases.sort_unstable();
            aliases.dedup();
            EventParticipant {
                name: name.to_owned(),
                aliases: aliases.into_iter().map(str::to_owned).collect(),
                key: key.clone(),
            }
        })
        .collect();
    let location = places
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(name, _)| name.to_owned());
    let id = event_id(&mentions);
    Event {
        id,
        when,
        class: lead_event.class,
        lemma: lead_event.lemma.to_string(),
        summary,
        participants,
        location,
        mentions,
        conflict,
        confidence: if when.is_some_and(|w| w.granularity() >= Granularity::Day) {
            confidence
        } else {
            confidence * 0.9
        },
    }
}

/// `s` with its runs of white space made single spaces and its ends trimmed.
fn one_line(s: &str) -> String {
    // Most sentences are one line with single ASCII spaces already: copy those as they are.
    let bytes = s.as_bytes();
    let plain = s.is_ascii()
        && bytes.first().is_none_or(|&b| b != b' ')
        && bytes.last().is_none_or(|&b| b != b' ')
        && !bytes.windows(2).any(|w| w == b"  ")
        && !bytes
            .iter()
            .any(|&b| matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r'));
    if plain {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A stable id from the event's mentions (FNV-1a over document ids and trigger offsets).
fn event_id(mentions: &[EventMentionRef]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for m in mentions {
        for b in m
            .doc
            .bytes()
            .chain(m.trigger.start.to_le_bytes())
            .chain([0xff])
        {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let mut id = String::with_capacity(17);
    // Writing to a String cannot fail.
    let _ = write!(id, "e{h:016x}");
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn one_line_is_the_words_joined_by_single_spaces() {
        for s in [
            "",
            " ",
            "One line.",
            " lead and trail ",
            "two  spaces",
            "tab\there",
            "new\nline",
            "vertical\u{b}tab",
            "no\u{a0}break and\u{2009}thin",
            "ünïcode  words",
        ] {
            let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(one_line(s), joined, "{s:?}");
        }
    }

    fn when_of(x: &Extraction, lemma: &str) -> Option<String> {
        x.events
            .iter()
            .find(|e| e.lemma == lemma)
            .and_then(|e| e.when.map(|w| w.to_string()))
    }

    #[test]
    fn bounds_fix_a_date_their_ends_agree_on() {
        let doc = Document::new(
            "d",
            "The minister resigned on 3 January. The talks began in May.",
        );
        // Published some day from February to October 2023: every such day puts 3 January in
        // 2023, but "May" before or after the publication depends on the day.
        let x = redate_within(
            &crate::extract(&doc),
            &doc.text,
            None,
            Some(Interval {
                start: day(2023, 2, 1),
                end: day(2023, 10, 1),
            }),
        );
        assert_eq!(when_of(&x, "resign").as_deref(), Some("2023-01-03"));
        assert_eq!(when_of(&x, "begin").as_deref(), Some("XXXX-05"));
    }
}
