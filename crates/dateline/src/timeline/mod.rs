//! The `Timeline`: one merged, deduplicated, ordered list of the dated events of a set of
//! documents, with every date disagreement kept as a [`Conflict`].
//!
//! Entry point: [`TimelineBuilder`].

use std::collections::BTreeMap;
use std::fmt;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::entity::NameKey;
use crate::event::Extraction;
use crate::event::{EventAnchoring, TriggerClass};
use crate::merge::{ReadDocuments, ReadObserver, Stop};
use crate::reconcile::{DefaultPolicy, Policy};
use crate::time::{DateValue, Interval};
use crate::{Document, Error, Reading};

pub use crate::document::PublishedSource;
pub use crate::reconcile::{Claim, Conflict, Evidence};

/// Events less sure than this are folded in the views that fold (Markdown, HTML, the notebook):
/// listed after the others, under a line that says how many. They stay in the timeline.
pub const FOLD_BELOW: f64 = 0.5;

/// A document of the timeline and what is known of its publication date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentInfo {
    /// The document's id.
    pub id: String,
    /// Its publication date, given or inferred.
    pub published: Option<NaiveDate>,
    /// Where that date came from.
    pub published_source: PublishedSource,
    /// The days the publication date may be, when it is not known to the day.
    pub published_bounds: Option<Interval>,
}

/// A span of a document: its text and byte and code-point offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The text of the span.
    pub text: String,
    /// Byte offset in the document.
    pub start: usize,
    /// Byte offset one past the span.
    pub end: usize,
    /// Code-point offset in the document (Python `str` index).
    pub char_start: usize,
    /// Code-point offset one past the span.
    pub char_end: usize,
}

/// One mention of a timeline event in one document: where it is and what date it claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventMentionRef {
    /// The document's id.
    pub doc: String,
    /// The sentence the mention is in.
    pub sentence: Span,
    /// The trigger word: the word that names the happening.
    pub trigger: Span,
    /// The other words of the sentence that tell the same happening and were folded into this
    /// mention: the support verb of "held talks", the verb of "the fire broke out", the
    /// statement that reports it ("officials said … that the talks ended"). In text order.
    pub folded: Vec<Span>,
    /// The temporal expression that dates it, if any, and its TIMEX3 value.
    pub time: Option<(Span, String)>,
    /// The date this mention claims.
    pub when: Option<DateValue>,
    /// How that date was fixed.
    pub anchoring: EventAnchoring,
}

/// A participant of a timeline event, under the fullest name its mentions give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventParticipant {
    /// The fullest name.
    pub name: String,
    /// Other spellings in the mentions, sorted.
    pub aliases: Vec<String>,
    /// The name key that joins the spellings.
    pub key: NameKey,
}

/// One real-world event of the timeline, with all its mentions across documents.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// A stable id, the same for the same mentions whatever the input order.
    pub id: String,
    /// When it happened, as the sources support it.
    pub when: Option<DateValue>,
    /// What kind of event.
    pub class: TriggerClass,
    /// The trigger lemma of its strongest mention.
    pub lemma: String,
    /// A one-line summary: the sentence of its strongest mention.
    pub summary: String,
    /// Its participants.
    pub participants: Vec<EventParticipant>,
    /// Where it happened, if a mention says.
    pub location: Option<String>,
    /// Every mention, in (document, offset) order.
    pub mentions: Vec<EventMentionRef>,
    /// The disagreement on its date, if the mentions disagree.
    pub conflict: Option<Conflict>,
    /// How sure the timeline is of the event and its date, 0–1.
    pub confidence: f64,
}

impl EventMentionRef {
    /// The trigger, then the folded words.
    pub fn triggers(&self) -> impl Iterator<Item = &Span> {
        std::iter::once(&self.trigger).chain(&self.folded)
    }
}

impl Event {
    /// Whether a view shows it among the main rows: it is at least [`FOLD_BELOW`] sure.
    pub fn shown(&self) -> bool {
        self.confidence >= FOLD_BELOW
    }

    /// Whether the event involves `name` (by name key, so spellings and partial names match),
    /// under its name or any alias the texts give ("IMF" for "International Monetary Fund").
    pub fn involves(&self, key: &NameKey) -> bool {
        self.participants
            .iter()
            .any(|p| p.key.matches(key) || p.aliases.iter().any(|a| NameKey::new(a).matches(key)))
    }
}

/// A filter that made a view of a timeline ([`Timeline::about`], [`Timeline::between`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Filter {
    /// The events that involve this name.
    About(String),
    /// The events whose date overlaps these days, both inclusive.
    Between {
        /// The first day (`NaiveDate::MIN` for an open start).
        start: NaiveDate,
        /// The last day (`NaiveDate::MAX` for an open end).
        end: NaiveDate,
    },
}

impl fmt::Display for Filter {
    /// In plain words: `about "Lavrov"`, `dated between 1 September 2022 and 30 September
    /// 2022`, `dated from 1 September 2022`, `dated until 30 September 2022`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let day = |d: NaiveDate| crate::time::long_day(d);
        match self {
            Filter::About(name) => write!(f, "about {name:?}"),
            Filter::Between { start, end } => {
                match (*start == NaiveDate::MIN, *end == NaiveDate::MAX) {
                    (true, true) => write!(f, "dated at all"),
                    (false, true) => write!(f, "dated from {}", day(*start)),
                    (true, false) => write!(f, "dated until {}", day(*end)),
                    (false, false) => write!(
                        f,
                        "dated between {}",
                        crate::time::between_days(*start, *end)
                    ),
                }
            }
        }
    }
}

/// The merged timeline of a set of documents.
///
/// A timeline keeps the documents and options it was built from, so that [`Timeline::merge`]
/// can give exactly the timeline of both document sets at once.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Timeline {
    /// The documents, by id.
    pub documents: Vec<DocumentInfo>,
    /// The events, by date, then granularity, then first mention.
    pub events: Vec<Event>,
    /// The filters that made this view, in the order applied; empty for a whole timeline.
    pub filters: Vec<Filter>,
    /// How many events the whole timeline has, before the filters.
    pub unfiltered_events: usize,
    pub(crate) built_from: BuiltFrom,
}

/// What a timeline was built from. Publication dates are inferred across documents and events
/// join across documents, so a merged timeline can only be built again from all of them: it
/// keeps their readings, and what each says under its own publication date, so that building
/// again reads no text.
#[derive(Clone)]
pub(crate) struct BuiltFrom {
    /// Sorted by id, ids unique.
    readings: Arc<[Arc<Reading>]>,
    /// What each reading says under the publication date it gives on its own.
    extractions: Arc<[Arc<Extraction>]>,
    policy: Arc<dyn Policy>,
    source_weights: BTreeMap<String, f64>,
}

impl Default for BuiltFrom {
    fn default() -> Self {
        BuiltFrom {
            readings: Arc::from(Vec::new()),
            extractions: Arc::from(Vec::new()),
            policy: Arc::new(DefaultPolicy),
            source_weights: BTreeMap::new(),
        }
    }
}

impl PartialEq for BuiltFrom {
    fn eq(&self, other: &Self) -> bool {
        self.readings.len() == other.readings.len()
            && self
                .readings
                .iter()
                .zip(other.readings.iter())
                .all(|(a, b)| Arc::ptr_eq(a, b) || a.document() == b.document())
            && self.policy.config() == other.policy.config()
            && self.source_weights == other.source_weights
    }
}

impl fmt::Debug for BuiltFrom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BuiltFrom")
            .field("readings", &self.readings.len())
            .field("policy", &self.policy.config())
            .field("source_weights", &self.source_weights)
            .finish()
    }
}

impl Timeline {
    /// Attaches what the timeline was built from (the `merge` stage calls this).
    pub(crate) fn with_built_from(
        mut self,
        readings: Vec<Arc<Reading>>,
        extractions: Vec<Arc<Extraction>>,
        policy: Arc<dyn Policy>,
        source_weights: BTreeMap<String, f64>,
    ) -> Self {
        self.built_from = BuiltFrom {
            readings: Arc::from(readings),
            extractions: Arc::from(extractions),
            policy,
            source_weights,
        };
        self
    }

    /// The documents the timeline was built from, by id, with their given publication dates.
    pub fn source_documents(&self) -> impl ExactSizeIterator<Item = &Document> + '_ {
        self.built_from.readings.iter().map(|r| r.document())
    }

    /// The readings of the documents the timeline was built from, by id: what
    /// [`TimelineBuilder::readings`] takes to build it again without reading any text.
    pub fn readings(&self) -> &[Arc<Reading>] {
        &self.built_from.readings
    }

    /// The policy that chose among conflicting dates.
    pub fn policy(&self) -> &dyn Policy {
        self.built_from.policy.as_ref()
    }

    /// The source weights the timeline was built with, by document id.
    pub fn source_weights(&self) -> &BTreeMap<String, f64> {
        &self.built_from.source_weights
    }

    /// The timeline of both document sets, exactly as if built from all of them at once:
    /// publication dates are inferred again and events join across the two sets. Merging is
    /// commutative, associative and idempotent (a document in both sets counts once).
    ///
    /// A filtered view ([`about`](Self::about), [`between`](Self::between)) merges as the
    /// whole timeline it came from; filter the merged timeline again.
    ///
    /// # Errors
    ///
    /// [`Error::DuplicateDocument`] when the two sets hold different documents under one id;
    /// [`Error::IncompatibleTimelines`] when they were built with different policies or give
    /// one source different weights.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline::{Document, TimelineBuilder};
    ///
    /// let a = Document::new("a", "Sergey Lavrov met the delegation in Moscow on 12 September 2022.");
    /// let b = Document::new("b", "Sergei Lavrov received the delegation in Moscow on September 12, 2022.");
    /// let left = TimelineBuilder::new().document(a.clone()).build()?;
    /// let right = TimelineBuilder::new().document(b.clone()).build()?;
    /// let merged = left.merge(&right)?;
    /// assert_eq!(merged, TimelineBuilder::new().documents([a, b]).build()?);
    /// assert_eq!(merged.events[0].mentions.len(), 2);
    /// # Ok::<(), dateline::Error>(())
    /// ```
    pub fn merge(&self, other: &Timeline) -> Result<Timeline, Error> {
        self.merge_until(other, Stop::default())
    }

    /// [`merge`](Self::merge), stopped soon after `flag` is set from another thread (a
    /// merge builds the timeline again: see [`TimelineBuilder::interruptible`]).
    ///
    /// # Errors
    ///
    /// Those of [`merge`](Self::merge), and [`Error::Interrupted`] once `flag` is set.
    pub fn merge_interruptible(
        &self,
        other: &Timeline,
        flag: &AtomicBool,
    ) -> Result<Timeline, Error> {
        self.merge_until(other, Stop::on(flag))
    }

    fn merge_until(&self, other: &Timeline, stop: Stop<'_>) -> Result<Timeline, Error> {
        let (mine, theirs) = (&self.built_from, &other.built_from);
        if mine.policy.config() != theirs.policy.config() {
            return Err(Error::IncompatibleTimelines {
                reason: format!(
                    "one was built with the policy {:?}, the other with {:?}",
                    mine.policy.config(),
                    theirs.policy.config()
                ),
            });
        }
        let mut weights = mine.source_weights.clone();
        for (id, &w) in &theirs.source_weights {
            match weights.get(id) {
                Some(&v) if v != w => {
                    return Err(Error::IncompatibleTimelines {
                        reason: format!("source {id:?} weighs {v} in one and {w} in the other"),
                    })
                }
                _ => {
                    weights.insert(id.clone(), w);
                }
            }
        }
        // What each reading says under its own publication date does not depend on the other
        // documents: it is kept, and nothing is read or resolved again but where the other
        // set changes an inferred publication date.
        let parts =
            |b: &BuiltFrom| ReadDocuments::from_parts(b.readings.to_vec(), b.extractions.to_vec());
        parts(mine)
            .combine(parts(theirs))?
            .build_until(Arc::clone(&mine.policy), &weights, stop)
    }

    /// The timeline of its documents and `documents`, exactly as if built from all of them at
    /// once, reading only the new documents. A document it already has (same id, text and
    /// date) counts once.
    ///
    /// # Errors
    ///
    /// [`Error::DuplicateDocument`] when a new document has the id of a different one.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline::{Document, TimelineBuilder};
    ///
    /// let a = Document::new("a", "Sergey Lavrov met the delegation in Moscow on 12 September 2022.");
    /// let b = Document::new("b", "Sergei Lavrov received the delegation in Moscow on September 12, 2022.");
    /// let grown = TimelineBuilder::new().document(a.clone()).build()?.add([b.clone()])?;
    /// assert_eq!(grown, TimelineBuilder::new().documents([a, b]).build()?);
    /// # Ok::<(), dateline::Error>(())
    /// ```
    pub fn add(&self, documents: impl IntoIterator<Item = Document>) -> Result<Timeline, Error> {
        let b = &self.built_from;
        let new =
            ReadDocuments::read_all(documents.into_iter().collect(), &|_| {}, Stop::default())?;
        ReadDocuments::from_parts(b.readings.to_vec(), b.extractions.to_vec())
            .combine(new)?
            .build_until(Arc::clone(&b.policy), &b.source_weights, Stop::default())
    }

    /// Whether this is a view: some filter left events out.
    pub fn is_filtered(&self) -> bool {
        !self.filters.is_empty()
    }

    /// A view of the timeline: the events that `keep` keeps, and `filter` recorded.
    fn view(&self, filter: Filter, keep: impl Fn(&Event) -> bool) -> Timeline {
        let mut filters = self.filters.clone();
        filters.push(filter);
        Timeline {
            documents: self.documents.clone(),
            events: self.events.iter().filter(|e| keep(e)).cloned().collect(),
            filters,
            unfiltered_events: if self.is_filtered() {
                self.unfiltered_events
            } else {
                self.events.len()
            },
            built_from: self.built_from.clone(),
        }
    }

    /// The events that involve `name`, by name key and aliases. The view records the filter
    /// ([`filters`](Self::filters)), so that what shows it can say it is filtered.
    #[must_use]
    pub fn about(&self, name: &str) -> Timeline {
        let key = NameKey::new(name);
        self.view(Filter::About(name.to_owned()), |e| e.involves(&key))
    }

    /// The names the timeline's events involve, each under its fullest name, sorted and
    /// distinct: what [`about`](Self::about) can match.
    pub fn participant_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .events
            .iter()
            .flat_map(|e| {
                e.participants.iter().flat_map(|p| {
                    std::iter::once(p.name.as_str()).chain(p.aliases.iter().map(String::as_str))
                })
            })
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// The events whose date overlaps `start..=end`.
    #[must_use]
    pub fn between(&self, start: NaiveDate, end: NaiveDate) -> Timeline {
        let range = Interval { start, end };
        self.view(Filter::Between { start, end }, |e| {
            e.when
                .and_then(|w| w.interval())
                .is_some_and(|iv| iv.overlaps(&range))
        })
    }

    /// The events with a date conflict.
    pub fn conflicts(&self) -> impl Iterator<Item = &Event> {
        self.events.iter().filter(|e| e.conflict.is_some())
    }
}

/// Builds a [`Timeline`] from documents.
///
/// # Examples
///
/// ```
/// use dateline::timeline::TimelineBuilder;
/// use dateline::Document;
///
/// let a = Document::new("a", "Foreign Minister Sergey Lavrov met the delegation in Moscow on 12 September 2022.");
/// let b = Document::new("b", "Sergei Lavrov received the delegation in Moscow on September 12, 2022.");
/// let timeline = TimelineBuilder::new().documents([a, b]).build()?;
/// let meeting = &timeline.events[0];
/// assert_eq!(meeting.when.unwrap().to_string(), "2022-09-12");
/// assert_eq!(meeting.mentions.len(), 2);
/// assert!(meeting.conflict.is_none());
/// # Ok::<(), dateline::Error>(())
/// ```
pub struct TimelineBuilder {
    documents: Vec<Document>,
    readings: Vec<Arc<Reading>>,
    policy: Arc<dyn Policy>,
    source_weights: BTreeMap<String, f64>,
    on_read: Option<Box<ReadObserver>>,
    interrupt: Option<Arc<AtomicBool>>,
}

impl Default for TimelineBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl TimelineBuilder {
    /// A builder with no documents and the default policy.
    pub fn new() -> Self {
        TimelineBuilder {
            documents: Vec::new(),
            readings: Vec::new(),
            policy: Arc::new(DefaultPolicy),
            source_weights: BTreeMap::new(),
            on_read: None,
            interrupt: None,
        }
    }

    /// Stops the build soon after `flag` is set from another thread (on Ctrl-C, say):
    /// [`build`](Self::build) then returns [`Error::Interrupted`]. The flag is looked at for
    /// each document read and each step of merging, so the build stops within about the time
    /// one document takes.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::sync::atomic::AtomicBool;
    /// use std::sync::Arc;
    /// use dateline::{Document, Error, TimelineBuilder};
    ///
    /// let flag = Arc::new(AtomicBool::new(true)); // already set: nothing is read
    /// let built = TimelineBuilder::new()
    ///     .document(Document::new("a", "They met on 3 March 2021."))
    ///     .interruptible(flag)
    ///     .build();
    /// assert_eq!(built, Err(Error::Interrupted));
    /// ```
    #[must_use]
    pub fn interruptible(mut self, flag: Arc<AtomicBool>) -> Self {
        self.interrupt = Some(flag);
        self
    }

    /// Calls `observer` once for each document read, with the document's length in bytes, to
    /// show the progress of a long build (reading the documents is most of its work). The
    /// observer may be called from several threads at once (the `rayon` feature) and in any
    /// order; the timeline does not depend on it.
    #[must_use]
    pub fn on_document_read(mut self, observer: impl Fn(usize) + Send + Sync + 'static) -> Self {
        self.on_read = Some(Box::new(observer));
        self
    }

    /// Adds a document.
    #[must_use]
    pub fn document(mut self, doc: Document) -> Self {
        self.documents.push(doc);
        self
    }

    /// Adds documents.
    #[must_use]
    pub fn documents(mut self, docs: impl IntoIterator<Item = Document>) -> Self {
        self.documents.extend(docs);
        self
    }

    /// Adds documents already read ([`read`](crate::read)): they are not read again.
    #[must_use]
    pub fn readings(mut self, readings: impl IntoIterator<Item = Reading>) -> Self {
        self.readings.extend(readings.into_iter().map(Arc::new));
        self
    }

    /// Adds shared readings, such as those of another timeline ([`Timeline::readings`]).
    #[must_use]
    pub fn shared_readings(mut self, readings: impl IntoIterator<Item = Arc<Reading>>) -> Self {
        self.readings.extend(readings);
        self
    }

    /// Sets the policy that chooses among conflicting dates.
    #[must_use]
    pub fn policy(mut self, policy: impl Policy + 'static) -> Self {
        self.policy = Arc::new(policy);
        self
    }

    /// Weighs the claims of one source (by document id); the default weight is 1.
    #[must_use]
    pub fn source_weight(mut self, id: impl Into<String>, weight: f64) -> Self {
        self.source_weights.insert(id.into(), weight);
        self
    }

    /// Reads the documents and builds their timeline.
    ///
    /// # Errors
    ///
    /// [`Error::DuplicateDocument`] when two different documents (or readings) share an id;
    /// [`Error::InvalidWeight`] when a source weight is negative, infinite or NaN;
    /// [`Error::Interrupted`] when the flag of [`interruptible`](Self::interruptible) is set.
    pub fn build(self) -> Result<Timeline, Error> {
        crate::merge::check_weights(&self.source_weights)?;
        let stop = self
            .interrupt
            .as_deref()
            .map_or_else(Stop::default, Stop::on);
        let read = match &self.on_read {
            Some(observer) => ReadDocuments::read_all(self.documents, observer.as_ref(), stop)?,
            None => ReadDocuments::read_all(self.documents, &|_| {}, stop)?,
        };
        let read = if self.readings.is_empty() {
            read
        } else {
            read.combine(ReadDocuments::from_shared(self.readings, stop)?)?
        };
        read.build_until(self.policy, &self.source_weights, stop)
    }
}
