//! The `Timeline`: one merged, deduplicated, ordered list of the dated events of a set of
//! documents, with every date disagreement kept as a [`Conflict`].
//!
//! The data of a timeline, with its views ([`Timeline::about`], [`Timeline::between`]); the
//! [`pipeline`](crate::pipeline) builds it ([`TimelineBuilder`](crate::TimelineBuilder)).

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::entity::NameKey;
use crate::event::Extraction;
use crate::event::{EventAnchoring, TriggerClass};
use crate::reconcile::{DefaultPolicy, Policy};
use crate::time::{DateValue, Interval};
use crate::{Document, Reading};

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
    /// How sure the timeline is that the event is a happening a reader expects, dated as the
    /// sources support, 0–1: a logistic model over what its mentions say (how many sources
    /// tell it, how they date it, what kind of event it is, where their articles tell it),
    /// learned from multi-source stories with gold (`dateline train rows`) and scaled so that
    /// views fold the events below [`FOLD_BELOW`].
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
    /// In plain words: `about "Kozlov"`, `dated between 1 September 2022 and 30 September
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
    pub readings: Arc<[Arc<Reading>]>,
    /// What each reading says under the publication date it gives on its own.
    pub extractions: Arc<[Arc<Extraction>]>,
    pub policy: Arc<dyn Policy>,
    pub source_weights: BTreeMap<String, f64>,
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
    /// Attaches what the timeline was built from (the [`pipeline`](crate::pipeline) calls this).
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
    /// [`TimelineBuilder::readings`](crate::TimelineBuilder::readings) takes to build it again
    /// without reading any text.
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

    /// The events that involve `name`, by name key and aliases, or as its acronym or the
    /// name an acronym stands for ("IMF", "International Monetary Fund"). The view records
    /// the filter ([`filters`](Self::filters)), so that what shows it can say it is filtered.
    #[must_use]
    pub fn about(&self, name: &str) -> Timeline {
        let key = NameKey::new(name);
        self.view(Filter::About(name.to_owned()), |e| {
            e.involves(&key)
                || e.participants.iter().any(|p| {
                    std::iter::once(&p.name)
                        .chain(&p.aliases)
                        .any(|f| crate::entity::abbreviates(name.trim(), f))
                })
        })
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
