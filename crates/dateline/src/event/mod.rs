//! The `event` stage: event mentions — a trigger, its participants, place and time, and how the
//! time was anchored.
//!
//! Entry point: [`extract`] (the whole per-document pipeline: text, time, entity, event).

mod find;
mod lexicon;

use serde::{Deserialize, Serialize};

use crate::entity::Entities;
use crate::text::Segmented;
use crate::time::{DateValue, Timex};
use crate::Document;

/// What kind of happening a trigger names; merging only joins mentions of compatible classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TriggerClass {
    /// met, meeting, talks, received, hosted.
    Meeting,
    /// visit, visited, trip, tour.
    Visit,
    /// arrived, arrival, landed.
    Arrival,
    /// left, departed.
    Departure,
    /// said, announced, stated, told, declared.
    Statement,
    /// condemned, criticized, denounced, welcomed.
    Reaction,
    /// elected, election, won, voted.
    Election,
    /// appointed, named, dismissed, resigned.
    Appointment,
    /// founded, established, created, launched.
    Founding,
    /// born, died, killed.
    LifeEvent,
    /// signed, agreed, deal, accord, treaty.
    Agreement,
    /// released, freed, captured, arrested.
    Custody,
    /// attacked, struck, bombed, fired.
    Attack,
    /// vetoed, passed, adopted, approved, rejected.
    Decision,
    /// sold, bought, acquired, merged, sued.
    Business,
    /// Anything else the lexicon knows.
    Other,
}

/// Whether the text says the event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// It happened or happens ("met", "meets").
    Actual,
    /// It is planned or expected ("will meet", "plans to visit").
    Future,
    /// It may happen ("may", "could", "would").
    Possible,
    /// It did not happen ("did not meet", "will not give").
    Negated,
}

/// A participant's part in the event, where the syntax shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Who did it (the subject of an active verb, the `by` of a passive one).
    Agent,
    /// Who it was done to (the object; the subject of a passive verb): who was received.
    Patient,
    /// Involved, role unknown ("with", "between", in the clause).
    Participant,
}

/// How an event's time was fixed; reconciliation weighs claims by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventAnchoring {
    /// A temporal expression that says the whole date governs it ("on 12 September 2022").
    Explicit,
    /// A temporal expression resolved against the publication date ("on Thursday").
    Publication,
    /// A temporal expression resolved against the story's previous date ("the day after").
    Narrative,
    /// No expression governs it; it inherits the time of its context.
    Inherited,
    /// No time.
    None,
}

/// A participant of an event mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Participant {
    /// Index into [`Entities::mentions`].
    pub mention: usize,
    /// Index into [`Entities::entities`].
    pub entity: usize,
    /// Its part.
    pub role: Role,
}

/// One mention of an event in one document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EventMention {
    /// Byte offset of the trigger word(s).
    pub trigger_start: usize,
    /// Byte offset one past the trigger.
    pub trigger_end: usize,
    /// The trigger's lemma ("meet" for "met", "visit" for "visits").
    pub lemma: String,
    /// What kind of happening.
    pub class: TriggerClass,
    /// Index of its sentence in [`Segmented::sentences`].
    pub sentence: usize,
    /// Whether it happened.
    pub modality: Modality,
    /// Its participants, in text order.
    pub participants: Vec<Participant>,
    /// Index into [`Entities::mentions`] of the place it happened, if the text says.
    pub location: Option<usize>,
    /// Index into [`Extraction::timexes`] of the expression that governs it, if any.
    pub time: Option<usize>,
    /// When it happened, as far as the text tells.
    pub when: Option<DateValue>,
    /// How `when` was fixed.
    pub anchoring: EventAnchoring,
    /// Whether the mention belongs on a timeline: it happened (or is scheduled) and is dated,
    /// rather than an undated background state ("has been stepping up raids").
    pub timeline: bool,
}

/// Everything the per-document stages find in one document.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// The document's id.
    pub id: String,
    /// Sentences and tokens.
    pub segmented: Segmented,
    /// Temporal expressions.
    pub timexes: Vec<Timex>,
    /// Entities and their mentions.
    pub entities: Entities,
    /// Event mentions, in text order.
    pub events: Vec<EventMention>,
}

/// Runs the per-document stages on `doc`: text, time, entity, event.
pub fn extract(doc: &Document) -> Extraction {
    let segmented = crate::text::segment(&doc.text);
    let timexes = crate::time::tag(&doc.text, &segmented, doc.published);
    let entities = crate::entity::recognize(&doc.text, &segmented);
    let events = find::find_events(&doc.text, &segmented, &timexes, &entities, doc.published);
    Extraction {
        id: doc.id.clone(),
        segmented,
        timexes,
        entities,
        events,
    }
}
