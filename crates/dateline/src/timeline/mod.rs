//! The `Timeline`: one merged, deduplicated, ordered list of the dated events of a set of
//! documents, with every date disagreement kept as a [`Conflict`].
//!
//! Entry point: [`TimelineBuilder`].

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::entity::NameKey;
use crate::event::{EventAnchoring, TriggerClass};
use crate::reconcile::{DefaultPolicy, Policy};
use crate::time::{DateValue, Interval};
use crate::{Document, Error};

/// Where a document's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PublishedSource {
    /// Given by the caller (`published` field, `--published`, the API).
    Given,
    /// Read from the document's dateline.
    Dateline,
    /// Inferred from the document's dates and the events it shares with other documents.
    Inferred,
    /// Not known.
    Unknown,
}

impl PublishedSource {
    /// `given`, `dateline`, `inferred` or `unknown`, as JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            PublishedSource::Given => "given",
            PublishedSource::Dateline => "dateline",
            PublishedSource::Inferred => "inferred",
            PublishedSource::Unknown => "unknown",
        }
    }
}

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
    /// The trigger word.
    pub trigger: Span,
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

/// One date that some sources give for an event.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The date claimed (compatible claims intersected).
    pub when: DateValue,
    /// The documents that claim it, sorted.
    pub docs: Vec<String>,
    /// The claim's weight: its mentions' anchoring weights times their sources' weights.
    pub weight: f64,
    /// How many of its mentions date the event with an explicit expression.
    pub explicit: usize,
}

/// Disagreeing dates for one event, every claim kept, and the rule that chose among them.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// Every claim, strongest first.
    pub claims: Vec<Claim>,
    /// Index of the chosen claim.
    pub chosen: usize,
    /// The name of the rule that chose.
    pub rule: String,
    /// One line saying why.
    pub explanation: String,
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

impl Event {
    /// Whether the event involves `name` (by name key, so spellings and partial names match).
    pub fn involves(&self, key: &NameKey) -> bool {
        self.participants.iter().any(|p| p.key.matches(key))
    }
}

/// The merged timeline of a set of documents.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// The documents, by id.
    pub documents: Vec<DocumentInfo>,
    /// The events, by date, then granularity, then first mention.
    pub events: Vec<Event>,
}

impl Timeline {
    /// The events that involve `name`, by name key and aliases.
    #[must_use]
    pub fn about(&self, name: &str) -> Timeline {
        let key = NameKey::new(name);
        Timeline {
            documents: self.documents.clone(),
            events: self
                .events
                .iter()
                .filter(|e| e.involves(&key))
                .cloned()
                .collect(),
        }
    }

    /// The events whose date overlaps `start..=end`.
    #[must_use]
    pub fn between(&self, start: NaiveDate, end: NaiveDate) -> Timeline {
        let range = Interval { start, end };
        Timeline {
            documents: self.documents.clone(),
            events: self
                .events
                .iter()
                .filter(|e| {
                    e.when
                        .and_then(|w| w.interval())
                        .is_some_and(|iv| iv.overlaps(&range))
                })
                .cloned()
                .collect(),
        }
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
    policy: Box<dyn Policy>,
    source_weights: BTreeMap<String, f64>,
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
            policy: Box::new(DefaultPolicy),
            source_weights: BTreeMap::new(),
        }
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

    /// Sets the policy that chooses among conflicting dates.
    #[must_use]
    pub fn policy(mut self, policy: impl Policy + 'static) -> Self {
        self.policy = Box::new(policy);
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
    /// [`Error::DuplicateDocument`] when two documents share an id.
    pub fn build(self) -> Result<Timeline, Error> {
        crate::merge::build(self.documents, self.policy.as_ref(), &self.source_weights)
    }
}
