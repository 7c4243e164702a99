//! The `export` stage: tagged documents written out for other tools.
//!
//! - [`tagged_document`] / [`timexes_json`]: the JSON line that `dateline tag` writes,
//!   `{"id", "timexes": [{"start", "end", "text", "type", "value", "mod"?}]}`, with Unicode
//!   code-point offsets (Python `str` indices), as the JSON contract requires.
//! - [`events_json`] / [`events_document`] / [`json_event_mentions`]: the JSON line that
//!   `dateline events` writes, `{"id", "published", "events": [...]}`, each event a mention
//!   object of the JSON contract (trigger, sentence, time, when, participants, location) with
//!   code-point offsets.
//! - [`timeline_json`] / [`timeline_jsonl`] / [`timeline_csv`] / [`timeline_markdown`] /
//!   [`timeline_timelinejs`]: a [`Timeline`](crate::Timeline) as the JSON contract of
//!   `dateline timeline --format json` (`{"schema": "dateline.timeline/1", "documents",
//!   "events"}`, code-point offsets), JSON Lines of its events, CSV with one row per event,
//!   Markdown for reading (conflicts marked ⚠ with their claims), and TimelineJS3 JSON.
//! - [`timeline_html`] / [`timeline_html_fragment`]: the timeline to look at, as one
//!   self-contained page or a notebook cell: a time axis that zooms and pans, one row per
//!   event, conflicts with every claim and the sentences that make it.
//! - [`timeml`]: a TimeML document with inline `TIMEX3` tags, the format of TimeBank and
//!   TempEval-3.
//!
//! Everything here is pure: it builds strings and values, the caller writes them; the
//! `write_*` forms of the two big JSON exports write to a writer the caller gives instead.

mod events;
mod html;
mod json;
mod timeline;
mod timeml;

pub use events::{
    events_document, events_json, json_event_mentions, EventsDocument, JsonAnchor,
    JsonEventMention, JsonEventTime, JsonFolded, JsonLocation, JsonParticipant, JsonSpan,
    JsonTimeml, JsonWhen,
};
pub use html::{timeline_html, timeline_html_fragment};
pub use json::{json_timexes, tagged_document, timexes_json, JsonTimex, TaggedDocument};
pub use timeline::{
    display_date, filter_note, json_timeline, json_timeline_event, published_words, timeline_csv,
    timeline_json, timeline_jsonl, timeline_markdown, timeline_timelinejs, timelinejs,
    write_timeline_json, write_timeline_jsonl, JsonBounds, JsonClaim, JsonConflict, JsonDocument,
    JsonEventParticipant, JsonEvidence, JsonFilter, JsonTimeline, JsonTimelineEvent,
    JsonTimelineMention, TimelineJs, TimelineJsDate, TimelineJsSlide, TimelineJsText,
    TIMELINE_CSV_HEADER, TIMELINE_SCHEMA,
};
pub use timeml::timeml;
