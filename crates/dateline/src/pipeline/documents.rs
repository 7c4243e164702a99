//! Documents read and ready to merge ([`ReadDocuments`]), and the loop that builds their
//! timeline: publication dates inferred pass after pass, then the events assembled.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::document::PublishedSource;
use crate::event::Extraction;
use crate::merge::{
    assemble_events, cluster_pass, infer_published, Corpus, Item, PairRecord, Reference,
};
use crate::par::{par_map, par_map_mut, Stop};
use crate::reading::read_extracted;
use crate::reconcile::Policy;
use crate::text::CodePoints;
use crate::time::Interval;
use crate::timeline::{BuiltFrom, DocumentInfo, Timeline};
use crate::{Document, Error, Reading};

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
    /// Sorted by id, ids unique.
    readings: Vec<Arc<Reading>>,
    known: Vec<(Option<NaiveDate>, PublishedSource)>,
    /// What each reading says under its known publication date.
    extractions: Vec<Arc<Extraction>>,
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
        let mut slots: Vec<Option<Document>> = documents.into_iter().map(Some).collect();
        let read: Vec<_> = par_map_mut(&mut slots, |slot| {
            // Once stopped, the documents left are not read.
            let d = slot.take()?;
            if stop.now() {
                return None;
            }
            let len = d.text.len();
            let (reading, known, x) = read_extracted(d);
            observer(len);
            Some((Arc::new(reading), known, Arc::new(x)))
        });
        let read = read
            .into_iter()
            .collect::<Option<Vec<_>>>()
            .ok_or(Error::Interrupted)?;
        let mut out = ReadDocuments {
            readings: Vec::with_capacity(read.len()),
            known: Vec::with_capacity(read.len()),
            extractions: Vec::with_capacity(read.len()),
        };
        for (r, k, x) in read {
            out.readings.push(r);
            out.known.push(k);
            out.extractions.push(x);
        }
        Ok(out)
    }

    /// Documents already read: their dates are resolved against what each gives of its
    /// publication date; no text is read again.
    ///
    /// # Errors
    ///
    /// [`Error::DuplicateDocument`] when two different readings share an id (the same reading
    /// twice counts once).
    pub fn from_readings(readings: impl IntoIterator<Item = Reading>) -> Result<Self, Error> {
        Self::from_shared(
            readings.into_iter().map(Arc::new).collect(),
            Stop::default(),
        )
    }

    /// [`from_readings`](Self::from_readings) of shared readings; `None` when stopped.
    pub(crate) fn from_shared(
        mut readings: Vec<Arc<Reading>>,
        stop: Stop<'_>,
    ) -> Result<Self, Error> {
        readings.sort_by(|a, b| a.id().cmp(b.id()));
        readings.dedup_by(|a, b| Arc::ptr_eq(a, b) || a.document() == b.document());
        for pair in readings.windows(2) {
            if pair[0].id() == pair[1].id() {
                return Err(Error::DuplicateDocument {
                    id: pair[0].id().to_owned(),
                });
            }
        }
        let read: Vec<_> = par_map(&readings, |_, r| {
            (!stop.now()).then(|| {
                let known = r.known_published();
                (known, Arc::new(r.extraction(known.0)))
            })
        });
        let (known, extractions) = read
            .into_iter()
            .collect::<Option<Vec<_>>>()
            .ok_or(Error::Interrupted)?
            .into_iter()
            .unzip();
        Ok(ReadDocuments {
            readings,
            known,
            extractions,
        })
    }

    /// The documents a timeline was built from, as it keeps them: their readings and what
    /// each says under its known publication date. Nothing is read or resolved again.
    pub(crate) fn built_from(b: &BuiltFrom) -> Self {
        ReadDocuments {
            readings: b.readings.to_vec(),
            known: b.readings.iter().map(|r| r.known_published()).collect(),
            extractions: b.extractions.to_vec(),
        }
    }

    /// Both sets of documents read, as one: a document in both (same id, text and date)
    /// counts once.
    ///
    /// # Errors
    ///
    /// [`Error::DuplicateDocument`] when the two sets hold different documents under one id.
    pub fn combine(self, other: ReadDocuments) -> Result<ReadDocuments, Error> {
        let n = self.readings.len() + other.readings.len();
        let mut out = ReadDocuments {
            readings: Vec::with_capacity(n),
            known: Vec::with_capacity(n),
            extractions: Vec::with_capacity(n),
        };
        // Both are sorted by id: walk them together.
        let mut a = self
            .readings
            .into_iter()
            .zip(self.known)
            .zip(self.extractions)
            .peekable();
        let mut b = other
            .readings
            .into_iter()
            .zip(other.known)
            .zip(other.extractions)
            .peekable();
        loop {
            let order = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) => x.0 .0.id().cmp(y.0 .0.id()),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => break,
            };
            let next = match order {
                std::cmp::Ordering::Less => a.next(),
                std::cmp::Ordering::Greater => b.next(),
                std::cmp::Ordering::Equal => {
                    let (x, y) = (a.next(), b.next());
                    match (x, y) {
                        (Some(x), Some(y)) if x.0 .0.document() == y.0 .0.document() => Some(x),
                        (Some(x), _) => {
                            return Err(Error::DuplicateDocument {
                                id: x.0 .0.id().to_owned(),
                            })
                        }
                        (None, y) => y,
                    }
                }
            };
            if let Some(((r, k), x)) = next {
                out.readings.push(r);
                out.known.push(k);
                out.extractions.push(x);
            }
        }
        Ok(out)
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
            self.readings,
            self.known,
            self.extractions,
            policy,
            source_weights,
            stop,
            None,
        )
        .map(|(timeline, _)| timeline)
        .ok_or(Error::Interrupted)
    }

    /// [`build`](Self::build) with the default policy, and, by event, the features its
    /// confidence was weighed by ([`ROW_FEATURES`](crate::merge::ROW_FEATURES)): what
    /// `dateline train rows` learns from.
    #[doc(hidden)]
    pub fn build_with_row_features(self) -> (Timeline, Vec<crate::merge::RowFeatures>) {
        self.build_for_training(None).unwrap_or_default()
    }

    /// [`build_read`] with the default policy, no source weights and no stop: what the
    /// training commands learn from.
    fn build_for_training(
        self,
        record: Option<(&mut Vec<PairRecord>, &mut Vec<Arc<Extraction>>)>,
    ) -> Option<(Timeline, Vec<crate::merge::RowFeatures>)> {
        build_read(
            self.readings,
            self.known,
            self.extractions,
            Arc::new(crate::reconcile::DefaultPolicy),
            &BTreeMap::new(),
            Stop::default(),
            record,
        )
    }

    /// [`build`](Self::build) with the default policy, and the pairs of mentions the pair model
    /// weighed in the last clustering pass, with their features
    /// ([`PAIR_FEATURES`](crate::merge::PAIR_FEATURES)): what `dateline train pairs` learns
    /// from.
    #[doc(hidden)]
    pub fn build_with_pair_features(self) -> (Timeline, Vec<PairExample>) {
        let mut records = Vec::new();
        let mut extractions = Vec::new();
        let built = self.build_for_training(Some((&mut records, &mut extractions)));
        let Some((timeline, _)) = built else {
            return (Timeline::default(), Vec::new());
        };
        let mention = |(doc, event): (usize, usize)| -> Option<PairMention> {
            let x: &Arc<Extraction> = extractions.get(doc)?;
            let e = x.events.get(event)?;
            Some(PairMention {
                doc: timeline.documents.get(doc)?.id.clone(),
                words: std::iter::once((e.trigger_start, e.trigger_end))
                    .chain(e.folded.iter().map(|f| (f.start, f.end)))
                    .collect(),
            })
        };
        let mut pairs: Vec<PairExample> = records
            .into_iter()
            .filter_map(|r| {
                Some(PairExample {
                    a: mention(r.a)?,
                    b: mention(r.b)?,
                    features: r.features,
                    conflict: r.conflict,
                    joins: r.joins,
                    candidate: r.candidate,
                })
            })
            .collect();
        pairs.sort_by(|x, y| (&x.a, &x.b).cmp(&(&y.a, &y.b)));
        pairs.dedup_by(|x, y| (&x.a, &x.b) == (&y.a, &y.b));
        (timeline, pairs)
    }
}

/// One mention of a [`PairExample`]: its document and the byte spans of its words (the
/// trigger, then the folded words).
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PairMention {
    pub doc: String,
    pub words: Vec<(usize, usize)>,
}

/// A pair of mentions the pair model weighed ([`ReadDocuments::build_with_pair_features`]).
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq)]
pub struct PairExample {
    pub a: PairMention,
    pub b: PairMention,
    pub features: crate::merge::PairFeatures,
    /// Whether they are dated a day or two apart: the conflict rule decides them, not the
    /// model.
    pub conflict: bool,
    /// Whether the shipped model (or the conflict rule) joins them.
    pub joins: bool,
    /// Whether blocking makes them a candidate pair (the merge weighs no other).
    pub candidate: bool,
}

/// Builds the timeline of documents already read, sorted by id; `None` when stopped.
fn build_read(
    readings: Vec<Arc<Reading>>,
    mut known: Vec<(Option<NaiveDate>, PublishedSource)>,
    initial: Vec<Arc<Extraction>>,
    policy: Arc<dyn Policy>,
    source_weights: &BTreeMap<String, f64>,
    stop: Stop<'_>,
    mut record: Option<(&mut Vec<PairRecord>, &mut Vec<Arc<Extraction>>)>,
) -> Option<(Timeline, Vec<crate::merge::RowFeatures>)> {
    let documents: Vec<&Document> = readings.iter().map(|r| r.document()).collect();
    let mut extractions = initial.clone();
    // Publication dates not given nor in a dateline are inferred from the events an article
    // shares with others, pass after pass until nothing changes.
    let mut bounds: Vec<Option<Interval>> = vec![None; documents.len()];
    let mut read_with: Vec<(Option<NaiveDate>, Option<Interval>)> =
        known.iter().zip(&bounds).map(|(k, &b)| (k.0, b)).collect();
    let mut items: Vec<Item>;
    let mut clusters: Vec<Vec<usize>>;
    let mut references: Vec<Vec<(usize, Reference)>>;
    let mut pass = 0;
    loop {
        let stale: Vec<usize> = (0..documents.len())
            .filter(|&i| read_with[i] != (known[i].0, bounds[i]))
            .collect();
        let fresh = par_map(&stale, |_, &i| {
            (!stop.now()).then(|| Arc::new(redate_within(&readings[i], known[i].0, bounds[i])))
        });
        for (i, x) in stale.into_iter().zip(fresh) {
            extractions[i] = x?;
            read_with[i] = (known[i].0, bounds[i]);
        }
        // "Three days after the vote", where only another report dates the vote.
        crate::event::date_across(&mut extractions);
        let windows: Vec<Option<(NaiveDate, NaiveDate)>> = known
            .iter()
            .zip(&bounds)
            .map(|(k, b)| match (k.0, b) {
                (Some(p), _) => Some((p, p)),
                (None, Some(iv)) => Some((iv.start, iv.end)),
                (None, None) => None,
            })
            .collect();
        let pairs = record.as_mut().map(|(pairs, _)| {
            pairs.clear();
            &mut **pairs
        });
        (items, clusters, references) =
            cluster_pass(&documents, &extractions, &windows, stop, pairs);
        if stop.now() {
            return None;
        }
        pass += 1;
        if pass >= MAX_PASSES {
            break;
        }
        let inferred = infer_published(&documents, &extractions, &known, &items, &clusters);
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

    if let Some((_, used)) = record {
        used.clone_from(&extractions);
    }
    let code_points: Vec<CodePoints> = par_map(&documents, |_, d| CodePoints::new(&d.text));
    let published: Vec<PublishedSource> = known.iter().map(|k| k.1).collect();
    let corpus = Corpus {
        items: &items,
        documents: &documents,
        extractions: &extractions,
        code_points: &code_points,
        bounds: &bounds,
        published: &published,
    };
    let events = assemble_events(
        &corpus,
        &clusters,
        &references,
        policy.as_ref(),
        source_weights,
        stop,
    )?;
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
    let (events, features): (Vec<_>, Vec<_>) = events.into_iter().unzip();
    let timeline = Timeline {
        documents: infos,
        unfiltered_events: events.len(),
        events,
        ..Timeline::default()
    }
    .with_built_from(readings, initial, policy, source_weights.clone());
    Some((timeline, features))
}

/// The dates and events of an extraction found again for a publication date, or, for a
/// document published at some unknown day within `bounds`, the date each event would have at
/// both ends of the bounds ("16 March" in a past clause is the same 16 March for any day of a
/// year that starts on it), left partial where the ends disagree. Resolution moves
/// monotonically with the publication date, so agreement at both ends means agreement on every
/// day between.
fn redate_within(
    reading: &Reading,
    published: Option<NaiveDate>,
    bounds: Option<Interval>,
) -> Extraction {
    let mut partial = reading.extraction(published);
    let Some(bounds) = bounds.filter(|_| published.is_none()) else {
        return partial;
    };
    let (first, last) = (
        reading.extraction_guessing(bounds.start, bounds.start),
        reading.extraction_guessing(bounds.end, bounds.start),
    );
    // The two ends may find an event more or fewer (admission weighs dates): events pair by
    // their trigger, and one found at one end only stays partial.
    let at = |y: Extraction| -> HashMap<usize, crate::event::EventMention> {
        y.events.into_iter().map(|e| (e.trigger_start, e)).collect()
    };
    let (mut first, last) = (at(first), at(last));
    for event in &mut partial.events {
        let (Some(a), Some(b)) = (
            first.remove(&event.trigger_start),
            last.get(&event.trigger_start),
        ) else {
            continue;
        };
        if a.when.is_some() && a.when == b.when && a.timeline == b.timeline {
            *event = a;
        }
    }
    partial
}

/// Passes of extraction and merging over which publication dates are inferred.
const MAX_PASSES: usize = 4;

/// Inferred bounds at most this many days wide fix a publication date to resolve against.
const NARROW_DAYS: i64 = 7;

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
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
            &crate::read(doc),
            None,
            Some(Interval {
                start: day(2023, 2, 1),
                end: day(2023, 10, 1),
            }),
        );
        assert_eq!(when_of(&x, "resign").as_deref(), Some("2023-01-03"));
        // "The talks began": the talks, with "began" folded into them.
        assert_eq!(when_of(&x, "talks").as_deref(), Some("XXXX-05"));
    }
}
