//! A [`Timeline`] written out: the JSON contract, JSON Lines, CSV, Markdown and TimelineJS3.
//!
//! Every function here is pure: it reads the timeline and returns a string. Offsets are Unicode
//! code points (the `char_*` fields of [`Span`](crate::timeline::Span)), as the JSON contract
//! requires.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::event::{EventAnchoring, TriggerClass};
pub use crate::time::display_date;
use crate::time::{between_days, long_day, DateValue};
use crate::timeline::{
    Claim, Conflict, DocumentInfo, Event, EventMentionRef, Filter, Span, Timeline,
};

use super::events::{put_str, put_uint, JsonEventTime, JsonSpan, JsonWhen};

/// The `schema` value of [`timeline_json`]'s output.
pub const TIMELINE_SCHEMA: &str = "dateline.timeline/1";

/// A whole timeline as the JSON contract gives it (`dateline timeline --format json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonTimeline {
    /// Always [`TIMELINE_SCHEMA`].
    pub schema: String,
    /// The documents and their publication dates.
    pub documents: Vec<JsonDocument>,
    /// The events, in timeline order.
    pub events: Vec<JsonTimelineEvent>,
    /// The filters that made this view (`--about`, `--between`); absent for a whole timeline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub filters: Vec<JsonFilter>,
    /// How many events the whole timeline has; present only when filtered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unfiltered_events: Option<usize>,
}

/// A filter of a view: `{"kind": "about", "name": …}` or `{"kind": "between", "start": …,
/// "end": …}` (`null` for an open end), with `description` in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonFilter {
    /// `about` or `between`.
    pub kind: String,
    /// The name, for `about`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The first day, for `between` (`null` when open).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// The last day, for `between` (`null` when open).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    /// The filter in plain words: `about "Kozlov"`, `dated between 1 and 30 September 2022`.
    pub description: String,
}

/// A document of the timeline and what is known of its publication date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonDocument {
    /// The document's id.
    pub id: String,
    /// Its publication date, given or inferred, `YYYY-MM-DD`.
    pub published: Option<NaiveDate>,
    /// `given`, `dateline`, `inferred` or `unknown`.
    pub published_source: String,
    /// The days the publication date may be, when it is not known to the day.
    pub published_bounds: Option<JsonBounds>,
}

/// An inclusive range of days, `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonBounds {
    /// First day, inclusive.
    pub start: NaiveDate,
    /// Last day, inclusive.
    pub end: NaiveDate,
}

/// One event of the timeline: one line of `--format jsonl`, one element of `events` in JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonTimelineEvent {
    /// The event's stable id.
    pub id: String,
    /// When it happened, as the sources support it.
    pub when: Option<JsonWhen>,
    /// The sentence of its strongest mention.
    pub summary: String,
    /// Its participants, each under its fullest name.
    pub participants: Vec<JsonEventParticipant>,
    /// Where it happened, if a mention says.
    pub location: Option<String>,
    /// Every mention, in (document, offset) order.
    pub mentions: Vec<JsonTimelineMention>,
    /// The disagreement on its date, `null` when the claims agree.
    pub conflict: Option<JsonConflict>,
    /// How sure the timeline is of the event and its date, 0–1.
    pub confidence: f64,
    /// What kind of event (`meeting`, `visit`, …).
    pub class: TriggerClass,
    /// The trigger lemma of its strongest mention.
    pub lemma: String,
}

/// A participant of a timeline event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonEventParticipant {
    /// The fullest name the mentions give.
    pub name: String,
    /// The other spellings, sorted.
    pub aliases: Vec<String>,
}

/// One mention of a timeline event, with code-point offsets into its document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonTimelineMention {
    /// The document's id.
    pub doc: String,
    /// The exact text of the mention's sentence.
    pub sentence: String,
    /// Code-point offset of the sentence.
    pub sentence_start: usize,
    /// Code-point offset one past the sentence.
    pub sentence_end: usize,
    /// The trigger word(s).
    pub trigger: JsonSpan,
    /// The other words of the sentence folded into the mention as telling the same happening
    /// ("held" of "held talks", "said" of "officials said the talks ended"), in text order.
    pub folded: Vec<JsonSpan>,
    /// The expression that dates the mention, if any.
    pub time: Option<JsonEventTime>,
    /// The date the mention claims, if any.
    pub when: Option<JsonWhen>,
    /// How that date was fixed.
    pub anchoring: EventAnchoring,
}

/// Disagreeing dates for one event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonConflict {
    /// Every claim, strongest first.
    pub claims: Vec<JsonClaim>,
    /// Index of the chosen claim in `claims`.
    pub chosen: usize,
    /// The rule that chose.
    pub rule: String,
    /// One line saying why.
    pub explanation: String,
}

/// One date that some sources give for an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonClaim {
    /// The date claimed.
    pub when: JsonWhen,
    /// The documents that claim it.
    pub docs: Vec<String>,
    /// The weight of the claim.
    pub weight: f64,
    /// How many of its mentions date the event with an explicit expression.
    pub explicit: usize,
    /// Each mention that makes the claim, with its sentence and why it weighs what it weighs.
    #[serde(default)]
    pub evidence: Vec<JsonEvidence>,
}

/// One mention behind a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonEvidence {
    /// The document.
    pub doc: String,
    /// Index of the mention in the event's `mentions`.
    pub mention: usize,
    /// The sentence that makes the claim.
    pub sentence: String,
    /// The words that date it, if any ("on 9 September").
    pub time: Option<String>,
    /// The date this mention gives.
    pub when: JsonWhen,
    /// `explicit`, `no_year`, `weekday`, `publication`, `narrative`, `inherited` or `vague`.
    pub basis: String,
    /// Why it weighs what it weighs, in plain words ("explicit date in the same sentence").
    pub reason: String,
    /// Its weight: the basis's weight times the source's.
    pub weight: f64,
}

/// Rounds a score to six decimals, so that `0.1 + 0.2` is written `0.3`; non-finite scores
/// (which the timeline never holds) become 0.
fn score(x: f64) -> f64 {
    if x.is_finite() {
        (x * 1e6).round() / 1e6
    } else {
        0.0
    }
}

fn json_span(span: &Span) -> JsonSpan {
    JsonSpan {
        text: span.text.clone(),
        start: span.char_start,
        end: span.char_end,
    }
}

fn json_document(d: &DocumentInfo) -> JsonDocument {
    JsonDocument {
        id: d.id.clone(),
        published: d.published,
        published_source: d.published_source.as_str().to_owned(),
        published_bounds: d.published_bounds.map(|iv| JsonBounds {
            start: iv.start,
            end: iv.end,
        }),
    }
}

fn json_mention(m: &EventMentionRef) -> JsonTimelineMention {
    JsonTimelineMention {
        doc: m.doc.clone(),
        sentence: m.sentence.text.clone(),
        sentence_start: m.sentence.char_start,
        sentence_end: m.sentence.char_end,
        trigger: json_span(&m.trigger),
        folded: m.folded.iter().map(json_span).collect(),
        time: m.time.as_ref().map(|(span, timex)| JsonEventTime {
            text: span.text.clone(),
            start: span.char_start,
            end: span.char_end,
            timex: timex.clone(),
        }),
        when: m.when.as_ref().map(JsonWhen::from),
        anchoring: m.anchoring,
    }
}

fn json_conflict(e: &Event, c: &Conflict) -> JsonConflict {
    JsonConflict {
        claims: c
            .claims
            .iter()
            .map(|claim| JsonClaim {
                when: JsonWhen::from(&claim.when),
                docs: claim.docs.clone(),
                weight: score(claim.weight),
                explicit: claim.explicit,
                evidence: claim
                    .evidence
                    .iter()
                    .map(|ev| {
                        let m = e.mentions.get(ev.mention);
                        JsonEvidence {
                            doc: ev.doc.clone(),
                            mention: ev.mention,
                            sentence: m.map(|m| m.sentence.text.clone()).unwrap_or_default(),
                            time: m.and_then(|m| m.time.as_ref().map(|(t, _)| t.text.clone())),
                            when: JsonWhen::from(&ev.when),
                            basis: ev.basis.as_str().to_owned(),
                            reason: ev.reason(),
                            weight: score(ev.weight),
                        }
                    })
                    .collect(),
            })
            .collect(),
        chosen: c.chosen,
        rule: c.rule.clone(),
        explanation: c.explanation.clone(),
    }
}

/// The JSON form of one timeline event, with code-point offsets.
pub fn json_timeline_event(e: &Event) -> JsonTimelineEvent {
    JsonTimelineEvent {
        id: e.id.clone(),
        when: e.when.as_ref().map(JsonWhen::from),
        summary: e.summary.clone(),
        participants: e
            .participants
            .iter()
            .map(|p| JsonEventParticipant {
                name: p.name.clone(),
                aliases: p.aliases.clone(),
            })
            .collect(),
        location: e.location.clone(),
        mentions: e.mentions.iter().map(json_mention).collect(),
        conflict: e.conflict.as_ref().map(|c| json_conflict(e, c)),
        confidence: score(e.confidence),
        class: e.class,
        lemma: e.lemma.clone(),
    }
}

/// The JSON form of a timeline: the value [`timeline_json`] writes.
pub fn json_timeline(timeline: &Timeline) -> JsonTimeline {
    JsonTimeline {
        schema: TIMELINE_SCHEMA.to_owned(),
        documents: timeline.documents.iter().map(json_document).collect(),
        events: timeline.events.iter().map(json_timeline_event).collect(),
        filters: timeline.filters.iter().map(json_filter).collect(),
        unfiltered_events: timeline.is_filtered().then_some(timeline.unfiltered_events),
    }
}

fn json_filter(f: &Filter) -> JsonFilter {
    let (kind, name, start, end) = match f {
        Filter::About(name) => ("about", Some(name.clone()), None, None),
        Filter::Between { start, end } => (
            "between",
            None,
            (*start != NaiveDate::MIN).then_some(*start),
            (*end != NaiveDate::MAX).then_some(*end),
        ),
    };
    JsonFilter {
        kind: kind.to_owned(),
        name,
        start,
        end,
        description: f.to_string(),
    }
}

/// "Filtered: about "Kozlov", dated from 1 September 2022: 3 of 114 events." for a view;
/// `None` for a whole timeline.
pub fn filter_note(timeline: &Timeline) -> Option<String> {
    if !timeline.is_filtered() {
        return None;
    }
    let filters: Vec<String> = timeline.filters.iter().map(ToString::to_string).collect();
    Some(format!(
        "Filtered: only the events {}: {} of {}.",
        filters.join(", "),
        timeline.events.len(),
        plural(timeline.unfiltered_events, "event", "events")
    ))
}

/// Serializes a value that holds only strings, integers, finite floats, dates and unit enums,
/// which cannot fail; the fallback keeps the functions total anyway.
fn to_json<T: Serialize>(value: &T, pretty: bool) -> String {
    let out = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    out.unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()))
}

/// The timeline as the JSON contract of `dateline timeline --format json` (pretty-printed, no
/// trailing newline): `{"schema": "dateline.timeline/1", "documents": [...], "events": [...]}`.
///
/// Each event has `id`, `when` (`start`/`end` inclusive ISO dates, `null` while partial;
/// `granularity`, `timex`, `edtf`), `summary`, `participants` (`name`, `aliases`), `location`,
/// `mentions` (`doc`, `sentence`, `sentence_start`, `sentence_end`, `trigger`, `time`, `when`,
/// `anchoring`), `conflict` (`claims` with `when`, `docs`, `weight`; `chosen`, `rule`,
/// `explanation`; `null` when the claims agree), `confidence`, `class` and `lemma`. Offsets are
/// code points into the document text.
///
/// # Examples
///
/// ```
/// use dateline::{Document, TimelineBuilder};
///
/// let doc = Document::new("a", "Aleksey Velsky met the delegation in Tarvik on 14 October 2031.");
/// let timeline = TimelineBuilder::new().document(doc).build()?;
/// let json: serde_json::Value = serde_json::from_str(&dateline::export::timeline_json(&timeline))?;
/// assert_eq!(json["schema"], "dateline.timeline/1");
/// assert_eq!(json["events"][0]["when"]["start"], "2031-10-14");
/// assert_eq!(json["events"][0]["mentions"][0]["trigger"]["text"], "met");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn timeline_json(timeline: &Timeline) -> String {
    to_json(&json_timeline(timeline), true)
}

/// [`timeline_json`] written straight to `out`, with no string of the whole timeline in
/// between (a timeline of thousands of documents is tens of megabytes of JSON); the bytes are
/// the same.
///
/// # Errors
///
/// Whatever writing to `out` gives.
///
/// # Examples
///
/// ```
/// use dateline::{Document, TimelineBuilder};
///
/// let doc = Document::new("a", "Aleksey Velsky met the delegation in Tarvik on 14 October 2031.");
/// let timeline = TimelineBuilder::new().document(doc).build()?;
/// let mut out = Vec::new();
/// dateline::export::write_timeline_json(&timeline, &mut out)?;
/// assert_eq!(out, dateline::export::timeline_json(&timeline).into_bytes());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_timeline_json(
    timeline: &Timeline,
    mut out: impl std::io::Write,
) -> std::io::Result<()> {
    // The events are written by hand, as serde_json's pretty printer writes them, straight from
    // the timeline (no copy of its strings); the rest, small or rare, through serde_json.
    let mut buf: Vec<u8> = Vec::with_capacity(1 << 17);
    buf.extend_from_slice(b"{");
    pretty_key(&mut buf, true, 1, "schema");
    put_str(&mut buf, TIMELINE_SCHEMA);
    pretty_key(&mut buf, false, 1, "documents");
    let documents: Vec<JsonDocument> = timeline.documents.iter().map(json_document).collect();
    put_pretty(&mut buf, &documents, 1)?;
    pretty_key(&mut buf, false, 1, "events");
    if timeline.events.is_empty() {
        buf.extend_from_slice(b"[]");
    } else {
        buf.push(b'[');
        for (k, e) in timeline.events.iter().enumerate() {
            if k > 0 {
                buf.push(b',');
            }
            pretty_newline(&mut buf, 2);
            put_pretty_event(&mut buf, e, 3)?;
            if buf.len() >= 1 << 16 {
                out.write_all(&buf)?;
                buf.clear();
            }
        }
        pretty_newline(&mut buf, 1);
        buf.push(b']');
    }
    if !timeline.filters.is_empty() {
        pretty_key(&mut buf, false, 1, "filters");
        let filters: Vec<JsonFilter> = timeline.filters.iter().map(json_filter).collect();
        put_pretty(&mut buf, &filters, 1)?;
    }
    if timeline.is_filtered() {
        pretty_key(&mut buf, false, 1, "unfiltered_events");
        put_uint(&mut buf, timeline.unfiltered_events);
    }
    buf.extend_from_slice(b"\n}");
    out.write_all(&buf)
}

/// A JSON array as serde_json's pretty printer writes it at nesting `level`: `[]` when empty,
/// else one item per line, each written by `put` at the level inside the array.
fn put_pretty_array<T>(
    out: &mut Vec<u8>,
    items: &[T],
    level: usize,
    mut put: impl FnMut(&mut Vec<u8>, &T, usize),
) {
    if items.is_empty() {
        out.extend_from_slice(b"[]");
        return;
    }
    out.push(b'[');
    for (k, x) in items.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        pretty_newline(out, level + 1);
        put(out, x, level + 2);
    }
    pretty_newline(out, level);
    out.push(b']');
}

/// A line break and the indent of `level` (two spaces each), as serde_json's pretty printer
/// writes them.
fn pretty_newline(out: &mut Vec<u8>, level: usize) {
    out.push(b'\n');
    for _ in 0..level {
        out.extend_from_slice(b"  ");
    }
}

/// The key of an object's field at `level`, after a comma unless it is the `first`.
fn pretty_key(out: &mut Vec<u8>, first: bool, level: usize, key: &str) {
    if !first {
        out.push(b',');
    }
    pretty_newline(out, level);
    put_str(out, key);
    out.extend_from_slice(b": ");
}

/// A value pretty-printed by serde_json as it prints it at `level`: a value's lines are
/// indented by its level, and a JSON string holds no line break of its own (it is escaped).
fn put_pretty<T: Serialize>(out: &mut Vec<u8>, value: &T, level: usize) -> std::io::Result<()> {
    let alone = serde_json::to_vec_pretty(value).map_err(std::io::Error::from)?;
    for &b in &alone {
        if b == b'\n' {
            pretty_newline(out, level);
        } else {
            out.push(b);
        }
    }
    Ok(())
}

/// A number as serde_json writes it.
fn put_number(out: &mut Vec<u8>, x: f64) -> std::io::Result<()> {
    serde_json::to_writer(out, &x).map_err(std::io::Error::from)
}

fn put_pretty_option_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => put_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// [`JsonWhen`] of `value`, its fields at `level`.
fn put_pretty_when(out: &mut Vec<u8>, value: &DateValue, level: usize) {
    let interval = value.interval();
    let mut text = String::new();
    out.push(b'{');
    pretty_key(out, true, level, "start");
    let mut date = |out: &mut Vec<u8>, day: Option<NaiveDate>| match day {
        Some(day) => {
            text.clear();
            // Writing to a String cannot fail.
            let _ = write!(text, "{day}");
            put_str(out, &text);
        }
        None => out.extend_from_slice(b"null"),
    };
    date(out, interval.map(|iv| iv.start));
    pretty_key(out, false, level, "end");
    date(out, interval.map(|iv| iv.end));
    pretty_key(out, false, level, "granularity");
    put_str(out, value.granularity().as_str());
    pretty_key(out, false, level, "timex");
    text.clear();
    let _ = write!(text, "{value}");
    put_str(out, &text);
    pretty_key(out, false, level, "edtf");
    put_pretty_option_str(out, crate::time::TimexValue::Date(*value).edtf().as_deref());
    pretty_newline(out, level - 1);
    out.push(b'}');
}

/// [`JsonSpan`] of `span`, its fields at `level`.
fn put_pretty_span(out: &mut Vec<u8>, span: &Span, level: usize) {
    out.push(b'{');
    put_pretty_span_fields(out, span, level);
    pretty_newline(out, level - 1);
    out.push(b'}');
}

/// The fields of [`JsonSpan`] (the text and its code-point offsets), the first of an object.
fn put_pretty_span_fields(out: &mut Vec<u8>, span: &Span, level: usize) {
    pretty_key(out, true, level, "text");
    put_str(out, &span.text);
    pretty_key(out, false, level, "start");
    put_uint(out, span.char_start);
    pretty_key(out, false, level, "end");
    put_uint(out, span.char_end);
}

/// [`JsonTimelineMention`] of `m`, its fields at `level`.
fn put_pretty_mention(out: &mut Vec<u8>, m: &EventMentionRef, level: usize) {
    out.push(b'{');
    pretty_key(out, true, level, "doc");
    put_str(out, &m.doc);
    pretty_key(out, false, level, "sentence");
    put_str(out, &m.sentence.text);
    pretty_key(out, false, level, "sentence_start");
    put_uint(out, m.sentence.char_start);
    pretty_key(out, false, level, "sentence_end");
    put_uint(out, m.sentence.char_end);
    pretty_key(out, false, level, "trigger");
    put_pretty_span(out, &m.trigger, level + 1);
    pretty_key(out, false, level, "folded");
    put_pretty_array(out, &m.folded, level, |out, f, at| {
        put_pretty_span(out, f, at)
    });
    pretty_key(out, false, level, "time");
    match &m.time {
        Some((span, timex)) => {
            out.push(b'{');
            put_pretty_span_fields(out, span, level + 1);
            pretty_key(out, false, level + 1, "timex");
            put_str(out, timex);
            pretty_newline(out, level);
            out.push(b'}');
        }
        None => out.extend_from_slice(b"null"),
    }
    pretty_key(out, false, level, "when");
    match &m.when {
        Some(w) => put_pretty_when(out, w, level + 1),
        None => out.extend_from_slice(b"null"),
    }
    pretty_key(out, false, level, "anchoring");
    put_str(out, m.anchoring.as_str());
    pretty_newline(out, level - 1);
    out.push(b'}');
}

/// [`JsonTimelineEvent`] of `e`, its fields at `level`.
fn put_pretty_event(out: &mut Vec<u8>, e: &Event, level: usize) -> std::io::Result<()> {
    out.push(b'{');
    pretty_key(out, true, level, "id");
    put_str(out, &e.id);
    pretty_key(out, false, level, "when");
    match &e.when {
        Some(w) => put_pretty_when(out, w, level + 1),
        None => out.extend_from_slice(b"null"),
    }
    pretty_key(out, false, level, "summary");
    put_str(out, &e.summary);
    pretty_key(out, false, level, "participants");
    put_pretty_array(out, &e.participants, level, |out, p, at| {
        out.push(b'{');
        pretty_key(out, true, at, "name");
        put_str(out, &p.name);
        pretty_key(out, false, at, "aliases");
        put_pretty_array(out, &p.aliases, at, |out, a, _| put_str(out, a));
        pretty_newline(out, at - 1);
        out.push(b'}');
    });
    pretty_key(out, false, level, "location");
    put_pretty_option_str(out, e.location.as_deref());
    pretty_key(out, false, level, "mentions");
    put_pretty_array(out, &e.mentions, level, |out, m, at| {
        put_pretty_mention(out, m, at)
    });
    pretty_key(out, false, level, "conflict");
    match &e.conflict {
        Some(c) => put_pretty(out, &json_conflict(e, c), level)?,
        None => out.extend_from_slice(b"null"),
    }
    pretty_key(out, false, level, "confidence");
    put_number(out, score(e.confidence))?;
    pretty_key(out, false, level, "class");
    put_str(out, e.class.as_str());
    pretty_key(out, false, level, "lemma");
    put_str(out, &e.lemma);
    pretty_newline(out, level - 1);
    out.push(b'}');
    Ok(())
}

/// The timeline's events as JSON Lines: one event object of the JSON contract per line, each
/// line ending in a newline (nothing for an empty timeline).
///
/// # Examples
///
/// ```
/// use dateline::{Document, TimelineBuilder};
///
/// let doc = Document::new("a", "Aleksey Velsky met the delegation in Tarvik on 14 October 2031.");
/// let timeline = TimelineBuilder::new().document(doc).build()?;
/// let lines = dateline::export::timeline_jsonl(&timeline);
/// assert_eq!(lines.lines().count(), timeline.events.len());
/// # Ok::<(), dateline::Error>(())
/// ```
pub fn timeline_jsonl(timeline: &Timeline) -> String {
    let mut out = String::new();
    for e in &timeline.events {
        out.push_str(&to_json(&json_timeline_event(e), false));
        out.push('\n');
    }
    out
}

/// [`timeline_jsonl`] written straight to `out`, one event at a time; the bytes are the same.
///
/// # Errors
///
/// Whatever writing to `out` gives.
///
/// # Examples
///
/// ```
/// use dateline::{Document, TimelineBuilder};
///
/// let doc = Document::new("a", "Aleksey Velsky met the delegation in Tarvik on 14 October 2031.");
/// let timeline = TimelineBuilder::new().document(doc).build()?;
/// let mut out = Vec::new();
/// dateline::export::write_timeline_jsonl(&timeline, &mut out)?;
/// assert_eq!(out, dateline::export::timeline_jsonl(&timeline).into_bytes());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_timeline_jsonl(
    timeline: &Timeline,
    mut out: impl std::io::Write,
) -> std::io::Result<()> {
    for e in &timeline.events {
        serde_json::to_writer(&mut out, &json_timeline_event(e)).map_err(std::io::Error::from)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Dates for people.

pub(super) fn display_when(when: Option<&DateValue>) -> String {
    when.map_or_else(|| "undated".to_owned(), display_date)
}

/// The distinct documents of an event's mentions, in order.
pub(super) fn sources(e: &Event) -> Vec<&str> {
    let set: BTreeSet<&str> = e.mentions.iter().map(|m| m.doc.as_str()).collect();
    set.into_iter().collect()
}

/// Whitespace runs (line breaks included) as one space.
pub(super) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) fn participant_names(e: &Event) -> Vec<&str> {
    e.participants.iter().map(|p| p.name.as_str()).collect()
}

// ---------------------------------------------------------------------------------------------
// CSV.

/// A CSV field, quoted when it holds a comma, a quote, a line break or edge spaces (RFC 4180).
/// A field a spreadsheet would take for a formula (one that begins with `=`, `+`, `-`, `@`, a
/// tab or a carriage return: an id `=cmd|calc!A1`, a date `-0024-03-15`) is written after a
/// `'`, which spreadsheets show as text.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    let needs = s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ');
    if needs {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

fn csv_row(out: &mut String, fields: &[&str]) {
    let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    out.push_str(&row.join(","));
    out.push('\n');
}

/// The CSV header of [`timeline_csv`].
pub const TIMELINE_CSV_HEADER: [&str; 14] = [
    "date",
    "start",
    "end",
    "granularity",
    "timex",
    "summary",
    "trigger",
    "participants",
    "location",
    "sources",
    "documents",
    "conflict",
    "claims",
    "id",
];

/// The timeline as CSV, one row per event after a header: `date` (as a reader would write it),
/// `start`/`end` (inclusive ISO dates, empty while partial), `granularity`, `timex`, `summary`,
/// `trigger` (its words in the summary, else its lemma), `participants` (`; `-separated), `location`, `sources` (how many documents), `documents`
/// (`; `-separated), `conflict` (`true`/`false`), `claims` (every claim with its documents, the
/// chosen one first, `; `-separated) and `id`. Fields are quoted as RFC 4180 says; a field that
/// begins with `=`, `+`, `-`, `@`, a tab or a carriage return, which a spreadsheet would run as
/// a formula, is written after a `'`.
///
/// # Examples
///
/// ```
/// use dateline::timeline::Timeline;
///
/// let csv = dateline::export::timeline_csv(&Timeline::default());
/// assert!(csv.starts_with("date,start,end,granularity,timex,summary,"));
/// ```
pub fn timeline_csv(timeline: &Timeline) -> String {
    let mut out = String::new();
    csv_row(&mut out, &TIMELINE_CSV_HEADER);
    for e in &timeline.events {
        let interval = e.when.and_then(|w| w.interval());
        let start = interval.map(|iv| iv.start.to_string()).unwrap_or_default();
        let end = interval.map(|iv| iv.end.to_string()).unwrap_or_default();
        let docs = sources(e);
        let trigger = summary_trigger(e).map_or_else(
            || e.lemma.clone(),
            |(start, end)| one_line(&e.summary[start..end]),
        );
        let claims = e
            .conflict
            .as_ref()
            .map(|c| {
                claims_in_order(c)
                    .map(|(chosen, claim)| {
                        let why: Vec<String> = claim
                            .evidence
                            .iter()
                            .map(|ev| format!("{}: {}", ev.doc, ev.reason()))
                            .collect();
                        format!(
                            "{}{} ({})",
                            claim.when,
                            if chosen { " [chosen]" } else { "" },
                            if why.is_empty() {
                                claim.docs.join(" ")
                            } else {
                                why.join(" / ")
                            }
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default();
        csv_row(
            &mut out,
            &[
                &display_when(e.when.as_ref()),
                &start,
                &end,
                e.when.map_or("", |w| w.granularity().as_str()),
                &e.when.map(|w| w.to_string()).unwrap_or_default(),
                &one_line(&e.summary),
                &trigger,
                &participant_names(e).join("; "),
                e.location.as_deref().unwrap_or(""),
                &docs.len().to_string(),
                &docs.join("; "),
                if e.conflict.is_some() {
                    "true"
                } else {
                    "false"
                },
                &claims,
                &e.id,
            ],
        );
    }
    out
}

/// The claims of a conflict, the chosen one first, each with whether it is the chosen one.
pub(super) fn claims_in_order(
    c: &Conflict,
) -> impl Iterator<Item = (bool, &crate::timeline::Claim)> {
    let chosen = c.claims.get(c.chosen).map(|claim| (true, claim));
    let others = c
        .claims
        .iter()
        .enumerate()
        .filter(move |&(i, _)| i != c.chosen)
        .map(|(_, claim)| (false, claim));
    chosen.into_iter().chain(others)
}

// ---------------------------------------------------------------------------------------------
// Markdown.

/// Text with the characters that Markdown would read as markup escaped, on one line.
fn md_text(s: &str) -> String {
    md_inline(s).trim().to_owned()
}

/// [`md_text`] without trimming: each whitespace run becomes one space.
fn md_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    if space {
        out.push(' ');
    }
    out
}

/// Where the trigger of the mention that gave the summary is in the summary, in bytes.
pub(super) fn summary_trigger(e: &Event) -> Option<(usize, usize)> {
    e.mentions.iter().find_map(|m| {
        if m.sentence.text != e.summary {
            return None;
        }
        let start = m.trigger.start.checked_sub(m.sentence.start)?;
        let end = m.trigger.end.checked_sub(m.sentence.start)?;
        (start < end && e.summary.get(start..end) == Some(m.trigger.text.as_str()))
            .then_some((start, end))
    })
}

/// The summary for Markdown, its trigger in bold so that events of one sentence stand apart.
fn md_summary(e: &Event) -> String {
    match summary_trigger(e) {
        Some((start, end)) => format!(
            "{}**{}**{}",
            md_inline(&e.summary[..start]),
            md_text(&e.summary[start..end]),
            md_inline(&e.summary[end..])
        )
        .trim()
        .to_owned(),
        None => md_text(&e.summary),
    }
}

fn md_code(s: &str) -> String {
    if s.contains('`') {
        format!("`` {s} ``")
    } else {
        format!("`{s}`")
    }
}

fn md_docs<'a>(docs: impl IntoIterator<Item = &'a str>) -> String {
    docs.into_iter().map(md_code).collect::<Vec<_>>().join(", ")
}

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The timeline as Markdown, for reading: a heading and a count, then one bullet per event
/// (date in bold, the summary sentence, participants, place, sources); an event whose sources
/// disagree on its date is marked ⚠, with every claim and its documents listed under it, the
/// chosen one first, and the rule's explanation. A list of the documents and their
/// publication dates closes it.
///
/// # Examples
///
/// ```
/// use dateline::{Document, TimelineBuilder};
///
/// let doc = Document::new("a", "Aleksey Velsky met the delegation in Tarvik on 14 October 2031.");
/// let timeline = TimelineBuilder::new().document(doc).build()?;
/// let md = dateline::export::timeline_markdown(&timeline);
/// assert!(md.starts_with("# Timeline\n"));
/// assert!(md.contains("- **14 October 2031** — Aleksey Velsky **met** the delegation"));
/// # Ok::<(), dateline::Error>(())
/// ```
pub fn timeline_markdown(timeline: &Timeline) -> String {
    let mut out = String::from("# Timeline\n\n");
    let n_conflicts = timeline.conflicts().count();
    let _ = write!(
        out,
        "{} from {}",
        plural(timeline.events.len(), "event", "events"),
        plural(timeline.documents.len(), "document", "documents")
    );
    if n_conflicts > 0 {
        let _ = write!(
            out,
            "; ⚠ {} whose sources disagree on the date",
            plural(n_conflicts, "event", "events")
        );
    }
    out.push_str(".\n\n");
    if let Some(note) = filter_note(timeline) {
        let _ = writeln!(out, "*{}*\n", md_text(&note));
    }
    for e in &timeline.events {
        markdown_event(&mut out, e);
    }
    if !timeline.documents.is_empty() {
        out.push_str("\n## Sources\n\n");
        for d in &timeline.documents {
            let _ = writeln!(
                out,
                "- {}: {}",
                md_code(&d.id),
                md_text(&published_words(d))
            );
        }
    }
    escape_controls(out)
}

/// `s` with its control characters but the line ends written as `\u{1b}`: an id or a text
/// that holds an escape sequence must not reach a terminal as one.
fn escape_controls(s: String) -> String {
    let control = |c: char| c.is_control() && c != '\n';
    if !s.chars().any(control) {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if control(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// What is known of a document's publication date, in plain words: `published 26 October
/// 2023 (dateline)`, `published between 16 and 22 March 2023 (inferred)`, `published after 14
/// September 2022 (inferred)`, `publication date unknown`.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use dateline::export::published_words;
/// use dateline::time::Interval;
/// use dateline::timeline::{DocumentInfo, PublishedSource};
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2023, m, d).unwrap();
/// let doc = DocumentInfo {
///     id: "wire".into(),
///     published: Some(day(3, 16)),
///     published_source: PublishedSource::Inferred,
///     published_bounds: Interval::new(day(3, 16), day(3, 22)),
/// };
/// assert_eq!(
///     published_words(&doc),
///     "published between 16 and 22 March 2023 (inferred; its dates read as of 16 March 2023)"
/// );
/// ```
pub fn published_words(d: &DocumentInfo) -> String {
    let bounds = d.published_bounds;
    let source = d.published_source.as_str();
    match (d.published, bounds) {
        (Some(day), Some(iv)) if iv.start != iv.end => format!(
            "published {} ({source}; its dates read as of {})",
            range_words(iv.start, iv.end),
            long_day(day)
        ),
        (Some(day), _) => format!("published {} ({source})", long_day(day)),
        (None, Some(iv)) if iv.start == iv.end => {
            format!("published {} ({source})", long_day(iv.start))
        }
        (None, Some(iv)) => format!("published {} ({source})", range_words(iv.start, iv.end)),
        (None, None) => "publication date unknown".to_owned(),
    }
}

/// Windows at least this many days wide are told by their start alone: an article's latest
/// event bounds it from below, and the upper bound (how long after it news is still written)
/// is a convention, not something the text says.
const OPEN_WINDOW_DAYS: i64 = 180;

/// `between 16 and 22 March 2023`; `after 14 September 2022` for bounds open at the end or
/// wider than [`OPEN_WINDOW_DAYS`]; `before …` for bounds open at the start.
fn range_words(start: NaiveDate, end: NaiveDate) -> String {
    let open_start = start == NaiveDate::MIN;
    let wide = !open_start && (end - start).num_days() >= OPEN_WINDOW_DAYS;
    match (open_start, end == NaiveDate::MAX || wide) {
        (false, true) => format!("after {}", long_day(start)),
        (true, false) => format!("before {}", long_day(end)),
        (true, true) => "at an unknown date".to_owned(),
        (false, false) => format!("between {}", between_days(start, end)),
    }
}

fn markdown_event(out: &mut String, e: &Event) {
    let mark = if e.conflict.is_some() { "⚠ " } else { "" };
    let _ = write!(
        out,
        "- {mark}**{}** — {}",
        display_when(e.when.as_ref()),
        md_summary(e)
    );
    let mut facts = Vec::new();
    let names = participant_names(e);
    if !names.is_empty() {
        let names: Vec<String> = names.iter().map(|n| md_text(n)).collect();
        facts.push(format!("with {}", names.join(", ")));
    }
    if let Some(place) = &e.location {
        facts.push(format!("in {}", md_text(place)));
    }
    let docs = sources(e);
    if !docs.is_empty() {
        facts.push(format!(
            "{}: {}",
            if docs.len() == 1 { "source" } else { "sources" },
            md_docs(docs.iter().copied())
        ));
    }
    if facts.is_empty() {
        out.push('\n');
    } else {
        let _ = writeln!(out, " *({})*", facts.join("; "));
    }
    if let Some(c) = &e.conflict {
        let _ = writeln!(out, "  - ⚠ the sources disagree on the date:");
        for (chosen, claim) in claims_in_order(c) {
            let _ = writeln!(
                out,
                "    - {}{} — {} (weight {:.2})",
                if chosen { "chosen: " } else { "" },
                if chosen {
                    format!("**{}**", display_date(&claim.when))
                } else {
                    display_date(&claim.when)
                },
                md_docs(claim.docs.iter().map(String::as_str)),
                claim.weight
            );
            for w in witnesses(e, claim) {
                let _ = writeln!(
                    out,
                    "      - {}: “{}” — {} ({}weight {:.2})",
                    md_code(w.doc),
                    w.mention.map_or_else(String::new, md_sentence),
                    md_text(&w.reason),
                    w.time
                        .map(|t| format!("“{}”, ", md_text(t)))
                        .unwrap_or_default(),
                    w.weight
                );
            }
        }
        let _ = writeln!(
            out,
            "  - why: {} (rule {})",
            md_text(&c.explanation),
            md_code(&c.rule)
        );
    }
}

/// One mention behind a claim, as the views show it.
pub(super) struct Witness<'a> {
    pub(super) doc: &'a str,
    pub(super) mention: Option<&'a EventMentionRef>,
    pub(super) time: Option<&'a str>,
    pub(super) reason: String,
    pub(super) weight: f64,
}

/// The mentions behind a claim, with their sentences and why each weighs what it weighs.
pub(super) fn witnesses<'a>(e: &'a Event, claim: &'a Claim) -> impl Iterator<Item = Witness<'a>> {
    claim.evidence.iter().map(move |ev| {
        let mention = e.mentions.get(ev.mention);
        Witness {
            doc: &ev.doc,
            mention,
            time: mention.and_then(|m| m.time.as_ref().map(|(t, _)| t.text.as_str())),
            reason: ev.reason(),
            weight: ev.weight,
        }
    })
}

/// Where a mention's trigger is in its sentence, in bytes of the sentence.
pub(super) fn trigger_in_sentence(m: &EventMentionRef) -> Option<(usize, usize)> {
    let start = m.trigger.start.checked_sub(m.sentence.start)?;
    let end = m.trigger.end.checked_sub(m.sentence.start)?;
    (start < end && m.sentence.text.get(start..end) == Some(m.trigger.text.as_str()))
        .then_some((start, end))
}

/// A mention's sentence for Markdown, its trigger in bold.
fn md_sentence(m: &EventMentionRef) -> String {
    let s = &m.sentence.text;
    match trigger_in_sentence(m) {
        Some((start, end)) => format!(
            "{}**{}**{}",
            md_inline(&s[..start]),
            md_text(&s[start..end]),
            md_inline(&s[end..])
        )
        .trim()
        .to_owned(),
        None => md_text(s),
    }
}

// ---------------------------------------------------------------------------------------------
// TimelineJS3.

/// A TimelineJS3 document: `{"title", "events"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineJs {
    /// The title slide.
    pub title: TimelineJsSlide,
    /// One slide per dated event.
    pub events: Vec<TimelineJsSlide>,
}

/// A TimelineJS3 slide.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineJsSlide {
    /// Where the slide goes on the time axis (not on the title slide).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<TimelineJsDate>,
    /// Where it ends, when it spans more than its start's precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<TimelineJsDate>,
    /// The date as a reader would write it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_date: Option<String>,
    /// Headline and HTML body.
    pub text: TimelineJsText,
    /// The row the slide goes in (the event's class).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The event's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique_id: Option<String>,
}

/// A TimelineJS3 date: a year, with month and day when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineJsDate {
    /// The year.
    pub year: i32,
    /// 1–12.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    /// 1–31.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u32>,
}

/// The text of a TimelineJS3 slide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineJsText {
    /// A short headline (HTML-escaped).
    pub headline: String,
    /// The body, HTML.
    pub text: String,
}

fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// At most `max` characters of `s`, cut at a word boundary with an ellipsis.
fn headline(s: &str, max: usize) -> String {
    let s = one_line(s);
    if s.chars().count() <= max {
        return s;
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > 0 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':']))
}

/// The start and end of a complete value at its own precision.
fn timelinejs_dates(value: &DateValue) -> Option<(TimelineJsDate, Option<TimelineJsDate>)> {
    let iv = value.interval()?;
    let day = |d: NaiveDate| TimelineJsDate {
        year: d.year(),
        month: Some(d.month()),
        day: Some(d.day()),
    };
    let month = |d: NaiveDate| TimelineJsDate {
        year: d.year(),
        month: Some(d.month()),
        day: None,
    };
    let year = |d: NaiveDate| TimelineJsDate {
        year: d.year(),
        month: None,
        day: None,
    };
    Some(match value {
        DateValue::Day { .. } => (day(iv.start), None),
        DateValue::Month { .. } => (month(iv.start), None),
        DateValue::Year(_) => (year(iv.start), None),
        DateValue::Century(_) | DateValue::Decade(_) => (year(iv.start), Some(year(iv.end))),
        DateValue::Half { .. } | DateValue::Quarter { .. } | DateValue::Season { .. } => {
            (month(iv.start), Some(month(iv.end)))
        }
        _ => (day(iv.start), Some(day(iv.end))),
    })
}

/// The timeline as a TimelineJS3 document (pretty-printed JSON, no trailing newline):
/// `{"title": {"text": {"headline", "text"}}, "events": [{"start_date": {"year", "month"?,
/// "day"?}, "end_date"?, "display_date", "text": {"headline", "text"}, "group", "unique_id"}]}`.
/// Events without a complete date are left out; the body lists participants, place, sources
/// and, for a conflict, every claim.
///
/// # Examples
///
/// ```
/// use dateline::{Document, TimelineBuilder};
///
/// let doc = Document::new("a", "Aleksey Velsky met the delegation in Tarvik on 14 October 2031.");
/// let timeline = TimelineBuilder::new().document(doc).build()?;
/// let js: serde_json::Value =
///     serde_json::from_str(&dateline::export::timeline_timelinejs(&timeline))?;
/// let date = &js["events"][0]["start_date"];
/// assert_eq!((date["year"].as_i64(), date["month"].as_i64(), date["day"].as_i64()),
///            (Some(2031), Some(10), Some(14)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn timeline_timelinejs(timeline: &Timeline) -> String {
    to_json(&timelinejs(timeline), true)
}

/// The TimelineJS3 document of a timeline: the value [`timeline_timelinejs`] writes.
pub fn timelinejs(timeline: &Timeline) -> TimelineJs {
    let events: Vec<TimelineJsSlide> = timeline
        .events
        .iter()
        .filter_map(|e| {
            let when = e.when?;
            let (start, end) = timelinejs_dates(&when)?;
            Some(TimelineJsSlide {
                start_date: Some(start),
                end_date: end,
                display_date: Some(display_date(&when)),
                text: TimelineJsText {
                    headline: html(&format!(
                        "{}{}",
                        if e.conflict.is_some() { "⚠ " } else { "" },
                        headline(&e.summary, 90)
                    )),
                    text: timelinejs_body(e),
                },
                group: Some(class_name(e.class)),
                unique_id: Some(e.id.clone()),
            })
        })
        .collect();
    let title = TimelineJsSlide {
        start_date: None,
        end_date: None,
        display_date: None,
        text: TimelineJsText {
            headline: "Timeline".to_owned(),
            text: html(&format!(
                "{} from {}{}",
                plural(events.len(), "dated event", "dated events"),
                plural(timeline.documents.len(), "document", "documents"),
                filter_note(timeline)
                    .map(|n| format!(". {n}"))
                    .unwrap_or_default()
            )),
        },
        group: None,
        unique_id: None,
    };
    TimelineJs { title, events }
}

fn class_name(class: TriggerClass) -> String {
    serde_json::to_value(class)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn timelinejs_body(e: &Event) -> String {
    let mut out = format!("<p>{}</p>", html(&e.summary));
    let names = participant_names(e);
    if !names.is_empty() {
        let names: Vec<String> = names.iter().map(|n| html(n)).collect();
        let _ = write!(out, "<p>With {}.</p>", names.join(", "));
    }
    if let Some(place) = &e.location {
        let _ = write!(out, "<p>In {}.</p>", html(place));
    }
    let docs: Vec<String> = sources(e).iter().map(|d| html(d)).collect();
    let _ = write!(out, "<p>Sources: {}.</p>", docs.join(", "));
    if let Some(c) = &e.conflict {
        out.push_str("<p>⚠ The sources disagree on the date:</p><ul>");
        for (chosen, claim) in claims_in_order(c) {
            let _ = write!(
                out,
                "<li>{}{} — {}",
                if chosen { "chosen: " } else { "" },
                html(&display_date(&claim.when)),
                html(&claim.docs.join(", "))
            );
            let mut any = false;
            for w in witnesses(e, claim) {
                out.push_str(if any { "" } else { "<ul>" });
                any = true;
                let _ = write!(
                    out,
                    "<li>{}: “{}” — {}</li>",
                    html(w.doc),
                    w.mention
                        .map_or_else(String::new, |m| html(&m.sentence.text)),
                    html(&w.reason)
                );
            }
            out.push_str(if any { "</ul></li>" } else { "</li>" });
        }
        let _ = write!(out, "</ul><p>Why: {}</p>", html(&c.explanation));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::NameKey;
    use crate::reconcile::Basis;
    use crate::time::{Granularity, Interval, Season};
    use crate::timeline::{EventParticipant, Evidence, PublishedSource};
    use chrono::Weekday;
    use serde_json::Value;

    const DOC_A: &str =
        "«Über» — Андрей Волков met Karim Ben Salahi in Orvika on 12 September 2031.";
    const DOC_B: &str = "The delegation arrived on 9 September, said \"Hamas\", a day early.";

    fn day(y: i32, m: u8, d: u8) -> DateValue {
        DateValue::Day {
            year: Some(y),
            month: m,
            day: d,
        }
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
    }

    /// The span of `needle` in `text`, with byte and code-point offsets.
    fn span(text: &str, needle: &str) -> Span {
        let start = text.find(needle).expect("needle in text");
        let end = start + needle.len();
        Span {
            text: needle.to_owned(),
            start,
            end,
            char_start: text[..start].chars().count(),
            char_end: text[..end].chars().count(),
        }
    }

    fn participant(name: &str, aliases: &[&str]) -> EventParticipant {
        EventParticipant {
            name: name.to_owned(),
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            key: NameKey::new(name),
        }
    }

    fn timeline() -> Timeline {
        let meeting = Event {
            id: "ev-meet".to_owned(),
            when: Some(day(2031, 9, 12)),
            class: TriggerClass::Meeting,
            lemma: "meet".to_owned(),
            summary: DOC_A.to_owned(),
            participants: vec![
                participant("Андрей Волков", &["Волков"]),
                participant("Karim Ben Salahi", &[]),
            ],
            location: Some("Orvika".to_owned()),
            mentions: vec![EventMentionRef {
                doc: "a".to_owned(),
                sentence: span(DOC_A, DOC_A),
                trigger: span(DOC_A, "met"),
                folded: Vec::new(),
                time: Some((span(DOC_A, "12 September 2031"), "2031-09-12".to_owned())),
                when: Some(day(2031, 9, 12)),
                anchoring: EventAnchoring::Explicit,
            }],
            conflict: None,
            confidence: 0.9,
        };
        let arrival = Event {
            id: "ev-arrive".to_owned(),
            when: Some(day(2031, 9, 10)),
            class: TriggerClass::Arrival,
            lemma: "arrive".to_owned(),
            summary: DOC_B.to_owned(),
            participants: vec![],
            location: None,
            mentions: vec![
                EventMentionRef {
                    doc: "a".to_owned(),
                    sentence: span(DOC_A, DOC_A),
                    trigger: span(DOC_A, "met"),
                    folded: Vec::new(),
                    time: None,
                    when: Some(day(2031, 9, 10)),
                    anchoring: EventAnchoring::Narrative,
                },
                EventMentionRef {
                    doc: "b".to_owned(),
                    sentence: span(DOC_B, DOC_B),
                    trigger: span(DOC_B, "arrived"),
                    folded: Vec::new(),
                    time: Some((span(DOC_B, "9 September"), "XXXX-09-09".to_owned())),
                    when: Some(DateValue::Day {
                        year: None,
                        month: 9,
                        day: 9,
                    }),
                    anchoring: EventAnchoring::None,
                },
            ],
            conflict: Some(Conflict {
                claims: vec![
                    Claim {
                        when: day(2031, 9, 10),
                        docs: vec!["a".to_owned()],
                        weight: 0.1 + 0.2,
                        explicit: 1,
                        evidence: vec![Evidence {
                            mention: 0,
                            doc: "a".to_owned(),
                            when: day(2031, 9, 10),
                            basis: Basis::Narrative,
                            weight: 0.1 + 0.2,
                            source_weight: 1.0,
                            year_placed: false,
                        }],
                    },
                    Claim {
                        when: day(2031, 9, 9),
                        docs: vec!["b".to_owned()],
                        weight: 0.9,
                        explicit: 0,
                        evidence: vec![Evidence {
                            mention: 1,
                            doc: "b".to_owned(),
                            when: day(2031, 9, 9),
                            basis: Basis::NoYear { year_from: None },
                            weight: 0.9,
                            source_weight: 1.0,
                            year_placed: true,
                        }],
                    },
                ],
                chosen: 1,
                rule: "weight".to_owned(),
                explanation: "chose 2031-09-09 over 2031-09-10: more weight of evidence".to_owned(),
            }),
            confidence: 0.5,
        };
        let partial = Event {
            id: "ev-partial".to_owned(),
            when: Some(DateValue::Day {
                year: None,
                month: 3,
                day: 16,
            }),
            class: TriggerClass::Statement,
            lemma: "say".to_owned(),
            summary: "On 16 March, it said so.".to_owned(),
            participants: vec![],
            location: None,
            mentions: vec![],
            conflict: None,
            confidence: 0.3,
        };
        let month = Event {
            id: "ev-month".to_owned(),
            when: Some(DateValue::Month {
                year: Some(2020),
                month: Some(3),
            }),
            class: TriggerClass::Meeting,
            lemma: "meet".to_owned(),
            summary: "They met in March 2020.".to_owned(),
            participants: vec![],
            location: None,
            mentions: vec![],
            conflict: None,
            confidence: 0.7,
        };
        Timeline {
            documents: vec![
                DocumentInfo {
                    id: "a".to_owned(),
                    published: Some(date(2031, 9, 13)),
                    published_source: PublishedSource::Given,
                    published_bounds: None,
                },
                DocumentInfo {
                    id: "b".to_owned(),
                    published: None,
                    published_source: PublishedSource::Inferred,
                    published_bounds: Some(Interval {
                        start: date(2031, 9, 9),
                        end: date(2031, 12, 31),
                    }),
                },
            ],
            events: vec![month, arrival, meeting, partial],
            ..Timeline::default()
        }
    }

    fn chars(text: &str, start: &Value, end: &Value) -> String {
        let (s, e) = (
            start.as_u64().expect("an offset") as usize,
            end.as_u64().expect("an offset") as usize,
        );
        text.chars().skip(s).take(e - s).collect()
    }

    #[test]
    fn json_follows_the_contract() {
        let json: Value = serde_json::from_str(&timeline_json(&timeline())).expect("valid JSON");
        assert_eq!(json["schema"], "dateline.timeline/1");
        let docs = json["documents"].as_array().expect("documents");
        assert_eq!(docs[0]["published"], "2031-09-13");
        assert_eq!(docs[0]["published_source"], "given");
        assert_eq!(docs[0]["published_bounds"], Value::Null);
        assert_eq!(docs[1]["published"], Value::Null);
        assert_eq!(docs[1]["published_source"], "inferred");
        assert_eq!(docs[1]["published_bounds"]["start"], "2031-09-09");
        assert_eq!(docs[1]["published_bounds"]["end"], "2031-12-31");

        let events = json["events"].as_array().expect("events");
        assert_eq!(events.len(), 4);
        for e in events {
            for key in [
                "id",
                "when",
                "summary",
                "participants",
                "location",
                "mentions",
                "conflict",
                "confidence",
            ] {
                assert!(e.get(key).is_some(), "{key} missing from {e}");
            }
        }
        let month = &events[0];
        assert_eq!(month["when"]["start"], "2020-03-01");
        assert_eq!(month["when"]["end"], "2020-03-31");
        assert_eq!(month["when"]["granularity"], "month");
        assert_eq!(month["when"]["timex"], "2020-03");
        assert_eq!(month["when"]["edtf"], "2020-03");
        assert_eq!(month["conflict"], Value::Null);
        assert_eq!(month["location"], Value::Null);

        let meeting = &events[2];
        assert_eq!(meeting["class"], "meeting");
        assert_eq!(meeting["lemma"], "meet");
        assert_eq!(meeting["confidence"], 0.9);
        assert_eq!(meeting["location"], "Orvika");
        assert_eq!(meeting["participants"][0]["name"], "Андрей Волков");
        assert_eq!(meeting["participants"][0]["aliases"][0], "Волков");
        let m = &meeting["mentions"][0];
        assert_eq!(m["doc"], "a");
        assert_eq!(m["sentence"], DOC_A);
        assert_eq!(
            chars(DOC_A, &m["sentence_start"], &m["sentence_end"]),
            DOC_A
        );
        assert_eq!(m["trigger"]["text"], "met");
        // Code points, not bytes: «, Ü, », — and the Cyrillic letters are wider than a byte.
        assert_eq!(m["trigger"]["start"], 23);
        assert_eq!(m["trigger"]["end"], 26);
        assert_ne!(
            m["trigger"]["start"].as_u64(),
            DOC_A.find("met").map(|b| b as u64)
        );
        assert_eq!(
            chars(DOC_A, &m["trigger"]["start"], &m["trigger"]["end"]),
            "met"
        );
        let time = &m["time"];
        assert_eq!(time["text"], "12 September 2031");
        assert_eq!(time["timex"], "2031-09-12");
        assert_eq!(
            chars(DOC_A, &time["start"], &time["end"]),
            "12 September 2031"
        );
        assert_eq!(m["when"]["start"], "2031-09-12");
        assert_eq!(m["anchoring"], "explicit");

        let arrival = &events[1];
        let c = &arrival["conflict"];
        assert_eq!(c["chosen"], 1);
        assert_eq!(c["rule"], "weight");
        assert!(c["explanation"]
            .as_str()
            .is_some_and(|s| s.contains("2031-09-09")));
        let claims = c["claims"].as_array().expect("claims");
        assert_eq!(claims.len(), 2);
        assert_eq!(claims[0]["when"]["start"], "2031-09-10");
        assert_eq!(claims[0]["when"]["granularity"], "day");
        assert_eq!(claims[0]["docs"][0], "a");
        assert_eq!(claims[0]["weight"], 0.3, "weights are rounded");
        assert_eq!(claims[1]["weight"], 0.9);
        // A mention whose time has no year: partial dates keep their timex, no start or end.
        let partial = &arrival["mentions"][1];
        assert_eq!(partial["time"]["timex"], "XXXX-09-09");
        assert_eq!(partial["when"]["start"], Value::Null);
        assert_eq!(partial["when"]["end"], Value::Null);
        assert_eq!(partial["when"]["timex"], "XXXX-09-09");
        assert_eq!(arrival["mentions"][0]["time"], Value::Null);

        let partial = &events[3];
        assert_eq!(partial["when"]["start"], Value::Null);
        assert_eq!(partial["when"]["end"], Value::Null);
        assert_eq!(partial["when"]["granularity"], "day");
        assert_eq!(partial["when"]["timex"], "XXXX-03-16");
    }

    #[test]
    fn written_json_is_serde_jsons_pretty_print() {
        let same = |t: &Timeline| {
            let mut out = Vec::new();
            write_timeline_json(t, &mut out).expect("writes to a Vec");
            assert_eq!(String::from_utf8(out).expect("UTF-8"), timeline_json(t));
        };
        let mut t = timeline();
        same(&t);
        // Folded words, a control character and quotes in a sentence, an empty view.
        let arrival = &mut t.events[1];
        arrival.mentions[1].folded = vec![span(DOC_B, "said"), span(DOC_B, "early")];
        arrival.mentions[1].sentence.text = "a \"quoted\"\tword\u{1}".to_owned();
        arrival.when = None;
        same(&t);
        same(&t.about("Volkov"));
        same(&t.between(date(2031, 9, 1), date(2031, 9, 30)));
        same(&t.between(date(1990, 1, 1), date(1990, 1, 2)));
        same(&Timeline::default());
    }

    #[test]
    fn json_reads_back() {
        let t = timeline();
        let back: JsonTimeline =
            serde_json::from_str(&timeline_json(&t)).expect("reads back into its types");
        assert_eq!(back, json_timeline(&t));
    }

    #[test]
    fn jsonl_is_one_event_object_per_line() {
        let t = timeline();
        let lines = timeline_jsonl(&t);
        assert!(lines.ends_with('\n'));
        let full: Value = serde_json::from_str(&timeline_json(&t)).expect("valid JSON");
        let events: Vec<Value> = lines
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect();
        assert_eq!(events.len(), 4);
        assert_eq!(&Value::Array(events), &full["events"]);
        let empty = Timeline::default();
        assert_eq!(timeline_jsonl(&empty), "");
    }

    #[test]
    fn dates_for_readers() {
        let cases = [
            (day(2031, 9, 12), "12 September 2031"),
            (
                DateValue::Month {
                    year: Some(2031),
                    month: Some(9),
                },
                "September 2031",
            ),
            (DateValue::Year(2031), "2031"),
            (DateValue::Decade(200), "the 2000s"),
            (DateValue::Century(19), "the 20th century"),
            (DateValue::Century(20), "the 21st century"),
            (
                DateValue::Day {
                    year: None,
                    month: 3,
                    day: 16,
                },
                "16 March (year unknown)",
            ),
            (
                DateValue::Month {
                    year: None,
                    month: Some(5),
                },
                "May (year unknown)",
            ),
            (
                DateValue::Month {
                    year: Some(1989),
                    month: None,
                },
                "a month of 1989",
            ),
            (
                DateValue::Quarter {
                    year: Some(2023),
                    quarter: 2,
                },
                "Q2 2023",
            ),
            (
                DateValue::Half {
                    year: Some(2023),
                    half: 1,
                },
                "first half of 2023",
            ),
            (
                DateValue::Season {
                    year: Some(2031),
                    season: Season::Winter,
                },
                "winter 2031–2032",
            ),
            (
                DateValue::Week {
                    year: Some(2031),
                    week: Some(37),
                },
                "the week of 8 September 2031",
            ),
            (
                DateValue::Weekday(Weekday::Thu),
                "a Thursday (date unknown)",
            ),
            (DateValue::Unknown(Granularity::Day), "date unknown (day)"),
        ];
        for (value, want) in cases {
            assert_eq!(display_date(&value), want, "{value}");
        }
    }

    #[test]
    fn csv_quotes_and_rows() {
        let csv = timeline_csv(&timeline());
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], TIMELINE_CSV_HEADER.join(","));
        // Header and four events; no field holds a line break.
        assert_eq!(lines.len(), 5);
        assert_eq!(
            lines[1],
            "March 2020,2020-03-01,2020-03-31,month,2020-03,They met in March 2020.,meet,,,0,,false,,ev-month"
        );
        // Quotes doubled, commas quoted; the conflict and its claims, chosen first.
        assert_eq!(
            lines[2],
            "10 September 2031,2031-09-10,2031-09-10,day,2031-09-10,\
             \"The delegation arrived on 9 September, said \"\"Hamas\"\", a day early.\",\
             arrived,,,2,a; b,true,\"2031-09-09 [chosen] (b: date in the same sentence, \
             without its year; read as 2031, the year within its publication bounds nearest \
             the other claims); 2031-09-10 (a: date resolved against the date the story had \
             reached)\",ev-arrive"
        );
        assert!(lines[3].starts_with("12 September 2031,"));
        assert!(lines[3].contains(",met,Андрей Волков; Karim Ben Salahi,Orvika,1,a,false,,ev-meet"));
        assert!(
            lines[4].starts_with("16 March (year unknown),,,day,XXXX-03-16,"),
            "{}",
            lines[4]
        );
        assert_eq!(csv_field("a\nb"), "\"a\nb\"");
        assert_eq!(csv_field(" padded"), "\" padded\"");
        assert_eq!(csv_field("plain"), "plain");
        // What a spreadsheet would run as a formula is text (issue 18).
        assert_eq!(csv_field("=cmd|calc!A1"), "'=cmd|calc!A1");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("+1"), "'+1");
        assert_eq!(csv_field("-0024-03-15"), "'-0024-03-15");
        assert_eq!(csv_field("\tx"), "'\tx");
        assert_eq!(csv_field("=a,b"), "\"'=a,b\"");
        assert_eq!(csv_field("a=b"), "a=b");
    }

    #[test]
    fn markdown_marks_conflicts_and_lists_claims() {
        let md = timeline_markdown(&timeline());
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(lines[0], "# Timeline");
        assert_eq!(
            lines[2],
            "4 events from 2 documents; ⚠ 1 event whose sources disagree on the date."
        );
        assert_eq!(lines[4], "- **March 2020** — They met in March 2020.");
        assert!(lines[5].starts_with("- ⚠ **10 September 2031** — The delegation **arrived** on"));
        assert!(lines[5].ends_with("*(sources: `a`, `b`)*"), "{}", lines[5]);
        assert_eq!(lines[6], "  - ⚠ the sources disagree on the date:");
        assert_eq!(
            lines[7],
            "    - chosen: **9 September 2031** — `b` (weight 0.90)"
        );
        assert_eq!(
            lines[8],
            "      - `b`: “The delegation **arrived** on 9 September, said \"Hamas\", a day \
             early.” — date in the same sentence, without its year; read as 2031, the year \
             within its publication bounds nearest the other claims (“9 September”, weight 0.90)"
        );
        assert_eq!(lines[9], "    - 10 September 2031 — `a` (weight 0.30)");
        assert_eq!(
            lines[10],
            "      - `a`: “«Über» — Андрей Волков **met** Karim Ben Salahi in Orvika on 12 \
             September 2031.” — date resolved against the date the story had reached (weight 0.30)"
        );
        assert_eq!(
            lines[11],
            "  - why: chose 2031-09-09 over 2031-09-10: more weight of evidence (rule `weight`)"
        );
        assert_eq!(
            lines[12],
            "- **12 September 2031** — «Über» — Андрей Волков **met** Karim Ben Salahi in Orvika \
             on 12 September 2031. *(with Андрей Волков, Karim Ben Salahi; in Orvika; \
             source: `a`)*"
        );
        assert!(lines[13].starts_with("- **16 March (year unknown)** — On 16 March, it said so."));
        assert!(md.contains("\n## Sources\n\n- `a`: published 13 September 2031 (given)\n"));
        assert!(
            md.contains("- `b`: published between 9 September and 31 December 2031 (inferred)\n")
        );
    }

    #[test]
    fn wide_inferred_bounds_read_as_after_the_latest_event() {
        // Issue 19: "published between 16 March 2023 and 14 March 2024" told a year that the
        // text never gave; a reader writes "after 16 March 2023".
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN);
        assert_eq!(
            range_words(day(2023, 3, 16), day(2024, 3, 14)),
            "after 16 March 2023"
        );
        assert_eq!(
            range_words(day(2023, 3, 16), day(2023, 3, 22)),
            "between 16 and 22 March 2023"
        );
        assert_eq!(
            range_words(day(2023, 3, 16), day(2023, 6, 30)),
            "between 16 March and 30 June 2023"
        );
        assert_eq!(
            range_words(NaiveDate::MIN, day(2023, 6, 30)),
            "before 30 June 2023"
        );
    }

    #[test]
    fn markdown_escapes_markup() {
        assert_eq!(md_text("a *b*_c_\n[d]"), "a \\*b\\*\\_c\\_ \\[d\\]");
        assert_eq!(md_code("x`y"), "`` x`y ``");
    }

    #[test]
    fn markdown_writes_control_characters_as_escapes() {
        // Issue 18: an id with an escape sequence reached the terminal raw.
        let mut t = timeline();
        t.documents[0].id = "a\u{1b}[31mred\u{7}\u{9b}".to_owned();
        let md = timeline_markdown(&t);
        assert!(!md.chars().any(|c| c.is_control() && c != '\n'), "{md}");
        assert!(
            md.contains("- `a\\u{1b}[31mred\\u{7}\\u{9b}`: published"),
            "{md}"
        );
        assert_eq!(escape_controls("plain\n".to_owned()), "plain\n");
    }

    #[test]
    fn timelinejs_skips_partial_dates() {
        let js: Value =
            serde_json::from_str(&timeline_timelinejs(&timeline())).expect("valid JSON");
        assert_eq!(js["title"]["text"]["headline"], "Timeline");
        assert!(js["title"].get("start_date").is_none());
        let events = js["events"].as_array().expect("events");
        assert_eq!(events.len(), 3, "the year-less event is left out");
        let month = &events[0];
        assert_eq!(month["start_date"]["year"], 2020);
        assert_eq!(month["start_date"]["month"], 3);
        assert!(month["start_date"].get("day").is_none());
        assert!(month.get("end_date").is_none());
        assert_eq!(month["display_date"], "March 2020");
        assert_eq!(month["group"], "meeting");
        let arrival = &events[1];
        assert_eq!(arrival["start_date"]["day"], 10);
        assert_eq!(arrival["unique_id"], "ev-arrive");
        let headline = arrival["text"]["headline"].as_str().expect("a headline");
        assert!(headline.starts_with("⚠ The delegation"), "{headline}");
        assert!(headline.contains("&quot;Hamas&quot;"), "{headline}");
        let body = arrival["text"]["text"].as_str().expect("a body");
        assert!(
            body.contains("<li>chosen: 9 September 2031 — b<ul><li>b: “The delegation arrived"),
            "{body}"
        );
        assert!(
            body.contains("<li>10 September 2031 — a<ul><li>a: “«Über»"),
            "{body}"
        );
        assert!(
            body.contains("— date resolved against the date the story had reached</li>"),
            "{body}"
        );
        let meeting = &events[2];
        assert!(meeting["text"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("With Андрей Волков, Karim Ben Salahi.")));

        let decade = timelinejs_dates(&DateValue::Decade(198)).expect("complete");
        assert_eq!(decade.0.year, 1980);
        assert_eq!(decade.1.map(|d| d.year), Some(1989));
        assert!(timelinejs_dates(&DateValue::Weekday(Weekday::Mon)).is_none());
    }

    #[test]
    fn headlines_are_cut_at_words() {
        assert_eq!(headline("short", 10), "short");
        assert_eq!(headline("one two, three four", 12), "one two…");
        assert_eq!(headline("abcdefghijkl", 5), "abcde…");
    }
}
