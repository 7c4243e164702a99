//! The JSON form of a document's event mentions (`dateline events`): the mention objects of the
//! JSON contract, with code-point offsets.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::entity::{Entities, EntityKind};
use crate::event::{
    Aspect, EventAnchoring, EventClass, EventMention, FoldKind, Modality, Polarity, Role, Tense,
    TimeAnchor, TriggerClass,
};
use crate::text::CodePoints;
use crate::time::{DateValue, Timex, TimexValue};
use crate::{Document, Extraction};

/// A span of the document: its text and code-point offsets, `text[start..end]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct JsonSpan {
    /// The words.
    pub text: String,
    /// Code-point offset of the first character.
    pub start: usize,
    /// Code-point offset one past the last character.
    pub end: usize,
}

/// The temporal expression that governs an event mention.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct JsonEventTime {
    /// The expression (`"on 14 October"`).
    pub text: String,
    /// Code-point offset of the first character.
    pub start: usize,
    /// Code-point offset one past the last character.
    pub end: usize,
    /// Its TIMEX3 value (`"2031-10-14"`, `"XXXX-10-14"`).
    pub timex: String,
}

/// When an event happened: inclusive ISO dates, the granularity, the TIMEX3 and EDTF forms.
///
/// `start` and `end` are `null` when the value is partial (`XXXX-03-16`, "a Thursday").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct JsonWhen {
    /// First day, `YYYY-MM-DD`, inclusive.
    pub start: Option<String>,
    /// Last day, `YYYY-MM-DD`, inclusive.
    pub end: Option<String>,
    /// `day`, `week`, `month`, `quarter`, `year`, … (see [`Granularity`](crate::time::Granularity)).
    pub granularity: String,
    /// The TIMEX3 value.
    pub timex: String,
    /// The EDTF value, where EDTF can say it.
    pub edtf: Option<String>,
}

impl From<&DateValue> for JsonWhen {
    /// # Examples
    ///
    /// ```
    /// use dateline::export::JsonWhen;
    /// use dateline::time::DateValue;
    ///
    /// let w = JsonWhen::from(&DateValue::Month { year: Some(2022), month: Some(9) });
    /// assert_eq!(w.start.as_deref(), Some("2022-09-01"));
    /// assert_eq!(w.end.as_deref(), Some("2022-09-30"));
    /// assert_eq!((w.granularity.as_str(), w.timex.as_str()), ("month", "2022-09"));
    /// let partial = JsonWhen::from(&DateValue::Day { year: None, month: 3, day: 16 });
    /// assert_eq!((partial.start, partial.end), (None, None));
    /// assert_eq!(partial.timex, "XXXX-03-16");
    /// ```
    fn from(value: &DateValue) -> Self {
        let interval = value.interval();
        JsonWhen {
            start: interval.map(|iv| iv.start.to_string()),
            end: interval.map(|iv| iv.end.to_string()),
            granularity: value.granularity().as_str().to_owned(),
            timex: value.to_string(),
            edtf: TimexValue::Date(*value).edtf(),
        }
    }
}

/// A participant of an event mention: the entity's name and the words of this mention.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct JsonParticipant {
    /// The entity's fullest name in the document.
    pub name: String,
    /// The words of the mention (`"Kozlov"`).
    pub text: String,
    /// Code-point offset of the mention.
    pub start: usize,
    /// Code-point offset one past the mention.
    pub end: usize,
    /// Its part in the event.
    pub role: Role,
    /// Person, organization or place.
    pub kind: EntityKind,
    /// Other names the document gives the entity.
    pub aliases: Vec<String>,
    /// The title written with the mention (`"Foreign Minister"`), if any.
    pub title: Option<String>,
}

/// The place of an event mention.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct JsonLocation {
    /// The place's fullest name in the document.
    pub name: String,
    /// The words of the mention.
    pub text: String,
    /// Code-point offset of the mention.
    pub start: usize,
    /// Code-point offset one past the mention.
    pub end: usize,
}

/// The TimeML attributes of an event mention.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct JsonTimeml {
    /// `OCCURRENCE`, `REPORTING`, `I_ACTION`, `STATE`, `I_STATE`, `ASPECTUAL`, `PERCEPTION`.
    pub class: EventClass,
    /// `NONE`, `PAST`, `PRESENT`, `FUTURE`, `INFINITIVE`, `PRESPART`, `PASTPART`.
    pub tense: Tense,
    /// `NONE`, `PERFECTIVE`, `PROGRESSIVE`, `PERFECTIVE_PROGRESSIVE`.
    pub aspect: Aspect,
    /// `POS` or `NEG`.
    pub polarity: Polarity,
    /// The modal verb ("would", "could", "may"), or `null`.
    pub modality: Option<String>,
}

/// A word folded into an event mention ([`FoldedTrigger`](crate::event::FoldedTrigger)).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct JsonFolded {
    /// The word(s).
    pub text: String,
    /// Code-point offset.
    pub start: usize,
    /// Code-point offset one past it.
    pub end: usize,
    /// Their lemma.
    pub lemma: String,
    /// Why it was folded: `support`, `occurrence`, `argument` or `report`.
    pub kind: FoldKind,
}

/// What places an event mention in time: a time expression or the publication date.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct JsonAnchor {
    /// `timex` or `publication`.
    pub kind: String,
    /// The expression, for `timex`.
    pub text: Option<String>,
    /// Code-point offset of the expression.
    pub start: Option<usize>,
    /// Code-point offset one past it.
    pub end: Option<usize>,
    /// Its TIMEX3 value.
    pub timex: Option<String>,
}

/// One event mention as the JSON contract's `mentions` objects give it, with code-point
/// offsets into the document text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonEventMention {
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
    /// The trigger's lemma.
    pub lemma: String,
    /// The other words of the sentence that tell the same happening, folded into it.
    pub folded: Vec<JsonFolded>,
    /// What kind of happening.
    pub class: TriggerClass,
    /// Whether it happened.
    pub modality: Modality,
    /// The expression that dates it, if any.
    pub time: Option<JsonEventTime>,
    /// When it happened, if known.
    pub when: Option<JsonWhen>,
    /// How `when` was fixed.
    pub anchoring: EventAnchoring,
    /// Whether the mention belongs on a timeline (it happened and is dated).
    pub timeline: bool,
    /// Its participants, in text order.
    pub participants: Vec<JsonParticipant>,
    /// Where it happened, if the text says.
    pub location: Option<JsonLocation>,
    /// Its TimeML attributes.
    pub timeml: JsonTimeml,
    /// What places it in time (TimeML's anchoring link), if anything.
    pub anchor: Option<JsonAnchor>,
    /// How sure the event model is that the trigger names an event, 0 to 1.
    pub confidence: f32,
}

/// A document and its event mentions: one line of `dateline events` output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventsDocument {
    /// The document's id.
    pub id: String,
    /// Its publication date as given, `YYYY-MM-DD`.
    pub published: Option<NaiveDate>,
    /// Its event mentions, in text order.
    pub events: Vec<JsonEventMention>,
}

/// Text and code-point offsets of a byte span; an empty text where the span is not one of
/// `text` (which the stages never produce).
fn span(text: &str, cp: &CodePoints, start: usize, end: usize) -> (String, usize, usize) {
    (
        text.get(start..end).unwrap_or_default().to_owned(),
        cp.to_code_point(floor_boundary(text, start)),
        cp.to_code_point(floor_boundary(text, end)),
    )
}

/// The last character boundary of `text` at or before `i`.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The JSON form of the event mentions of an [`Extraction`] of `text`, with code-point offsets.
///
/// Indexes that point nowhere (a participant, place, time or sentence the extraction lacks,
/// which the stages never produce) leave the field out rather than panic.
///
/// # Examples
///
/// ```
/// use dateline::event::{EventMention, TriggerClass};
/// use dateline::export::json_event_mentions;
/// use dateline::Document;
///
/// let text = "Über Nacht: Velsky met them.";
/// let mut extraction = dateline::extract(&Document::new("d", text));
/// let start = text.find("met").unwrap();
/// extraction.events = vec![EventMention {
///     class: TriggerClass::Meeting,
///     ..EventMention::new(start, start + 3, "meet", 0)
/// }];
/// let events = json_event_mentions("d", text, &extraction);
/// assert_eq!(events[0].trigger.text, "met");
/// assert_eq!((events[0].trigger.start, events[0].trigger.end), (19, 22)); // code points
/// assert_eq!(events[0].sentence, text);
/// ```
pub fn json_event_mentions(
    doc_id: &str,
    text: &str,
    extraction: &Extraction,
) -> Vec<JsonEventMention> {
    let cp = CodePoints::new(text);
    extraction
        .events
        .iter()
        .map(|e| json_event_mention(doc_id, text, &cp, extraction, e))
        .collect()
}

fn json_event_mention(
    doc_id: &str,
    text: &str,
    cp: &CodePoints,
    extraction: &Extraction,
    e: &EventMention,
) -> JsonEventMention {
    let (sentence, sentence_start, sentence_end) =
        match extraction.segmented.sentences.get(e.sentence) {
            Some(s) => span(text, cp, s.start, s.end),
            None => (String::new(), 0, 0),
        };
    let (trigger, start, end) = span(text, cp, e.trigger_start, e.trigger_end);
    let time = e.time.and_then(|i| extraction.timexes.get(i)).map(|t| {
        let (words, start, end) = span(text, cp, t.start, t.end);
        JsonEventTime {
            text: words,
            start,
            end,
            timex: t.value.timex(),
        }
    });
    let entities = &extraction.entities;
    let participants = e
        .participants
        .iter()
        .filter_map(|p| participant(text, cp, entities, p.mention, p.entity, p.role))
        .collect();
    let location = e.location.and_then(|i| {
        let m = entities.mentions.get(i)?;
        let entity = entities.entities.get(m.entity)?;
        let (words, start, end) = span(text, cp, m.start, m.end);
        Some(JsonLocation {
            name: entity.name.clone(),
            text: words,
            start,
            end,
        })
    });
    JsonEventMention {
        doc: doc_id.to_owned(),
        sentence,
        sentence_start,
        sentence_end,
        trigger: JsonSpan {
            text: trigger,
            start,
            end,
        },
        lemma: e.lemma.to_string(),
        folded: e
            .folded
            .iter()
            .map(|f| {
                let (text, start, end) = span(text, cp, f.start, f.end);
                JsonFolded {
                    text,
                    start,
                    end,
                    lemma: f.lemma.to_string(),
                    kind: f.kind,
                }
            })
            .collect(),
        class: e.class,
        modality: e.modality,
        time,
        when: e.when.as_ref().map(JsonWhen::from),
        anchoring: e.anchoring,
        timeline: e.timeline,
        participants,
        location,
        timeml: JsonTimeml {
            class: e.timeml.class,
            tense: e.timeml.tense,
            aspect: e.timeml.aspect,
            polarity: e.timeml.polarity,
            modality: e.timeml.modality.map(str::to_owned),
        },
        anchor: e.anchor.map(|a| match a {
            TimeAnchor::Timex(i) => {
                let t = extraction.timexes.get(i);
                let s = t.map(|t| span(text, cp, t.start, t.end));
                JsonAnchor {
                    kind: "timex".to_owned(),
                    text: s.as_ref().map(|s| s.0.clone()),
                    start: s.as_ref().map(|s| s.1),
                    end: s.as_ref().map(|s| s.2),
                    timex: t.map(|t| t.value.timex()),
                }
            }
            TimeAnchor::Publication => JsonAnchor {
                kind: "publication".to_owned(),
                text: None,
                start: None,
                end: None,
                timex: None,
            },
        }),
        // Rounded to two places: the JSON says how sure, not the weight arithmetic.
        confidence: (e.confidence * 100.0).round() / 100.0,
    }
}

fn participant(
    text: &str,
    cp: &CodePoints,
    entities: &Entities,
    mention: usize,
    entity: usize,
    role: Role,
) -> Option<JsonParticipant> {
    let m = entities.mentions.get(mention)?;
    let entity = entities.entities.get(entity)?;
    let (words, start, end) = span(text, cp, m.start, m.end);
    Some(JsonParticipant {
        name: entity.name.clone(),
        text: words,
        start,
        end,
        role,
        kind: entity.kind,
        aliases: entity.aliases.clone(),
        title: m.title.and_then(|(a, b)| text.get(a..b)).map(str::to_owned),
    })
}

/// The [`EventsDocument`] of a document and its extraction.
///
/// # Examples
///
/// ```
/// use dateline::Document;
///
/// let doc = Document::new("a", "Nothing happened.").with_published_str("2023-03-17")?;
/// let out = dateline::export::events_document(&doc, &dateline::extract(&doc));
/// assert_eq!(out.id, "a");
/// assert_eq!(out.published.map(|d| d.to_string()).as_deref(), Some("2023-03-17"));
/// # Ok::<(), dateline::Error>(())
/// ```
pub fn events_document(doc: &Document, extraction: &Extraction) -> EventsDocument {
    EventsDocument {
        id: doc.id.clone(),
        published: doc.published,
        events: json_event_mentions(&doc.id, &doc.text, extraction),
    }
}

/// The JSON line that `dateline events` writes for a document (no trailing newline):
/// `{"id", "published", "events": [...]}`, each event a mention object of the JSON contract
/// with code-point offsets.
///
/// # Examples
///
/// ```
/// use dateline::Document;
///
/// let doc = Document::new("a", "");
/// let line = dateline::export::events_json(&doc, &dateline::extract(&doc));
/// assert_eq!(line, r#"{"id":"a","published":null,"events":[]}"#);
/// ```
pub fn events_json(doc: &Document, extraction: &Extraction) -> String {
    // Written straight from the extraction: what serde_json writes of `events_document`, byte
    // for byte (the tests compare), without its many small strings.
    if let Some(line) = write_events(doc, extraction)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
    {
        return line;
    }
    // Only strings, integers, booleans, dates and unit enums go in, so serialization cannot
    // fail; the fallback keeps the function total anyway.
    serde_json::to_string(&events_document(doc, extraction))
        .unwrap_or_else(|e| format!("{{\"id\":{:?},\"error\":{:?}}}", doc.id, e.to_string()))
}

/// The bytes of [`events_json`]: the fields of [`EventsDocument`] and [`JsonEventMention`] in
/// their order. What many mentions share is written once and copied: the document id, the
/// sentence, a time expression, a date.
fn write_events(doc: &Document, x: &Extraction) -> Result<Vec<u8>, serde_json::Error> {
    let text = doc.text.as_str();
    let cp = CodePoints::new(text);
    // A mention object is about 1 kB, most of it its sentence.
    let mut out = Vec::with_capacity(64 + x.events.len() * 1024);
    out.extend_from_slice(b"{\"id\":");
    put_str(&mut out, &doc.id);
    out.extend_from_slice(b",\"published\":");
    serde_json::to_writer(&mut out, &doc.published)?;
    out.extend_from_slice(b",\"events\":[");
    let mut doc_field = Vec::with_capacity(doc.id.len() + 16);
    doc_field.extend_from_slice(b"{\"doc\":");
    put_str(&mut doc_field, &doc.id);
    doc_field.extend_from_slice(b",\"sentence\":");
    // The previous mention's sentence and where its text and offsets are in `out`.
    let mut last_sentence: Option<(usize, std::ops::Range<usize>)> = None;
    // Per time expression, where its `"text",…,"timex"}` is in `side`.
    let mut timex_tails: Vec<Option<std::ops::Range<usize>>> = vec![None; x.timexes.len()];
    let mut whens: Vec<(DateValue, std::ops::Range<usize>)> = Vec::new();
    let mut side: Vec<u8> = Vec::new();
    let entities = &x.entities;
    for (k, e) in x.events.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        out.extend_from_slice(&doc_field);
        match &last_sentence {
            Some((si, range)) if *si == e.sentence => out.extend_from_within(range.clone()),
            _ => {
                let at = out.len();
                match x.segmented.sentences.get(e.sentence) {
                    Some(s) => put_span(
                        &mut out,
                        text,
                        &cp,
                        s.start,
                        s.end,
                        b"\"sentence_start\"",
                        b"\"sentence_end\"",
                    ),
                    None => out.extend_from_slice(b"\"\",\"sentence_start\":0,\"sentence_end\":0"),
                }
                last_sentence = Some((e.sentence, at..out.len()));
            }
        }
        out.extend_from_slice(b",\"trigger\":{\"text\":");
        put_text_span(&mut out, text, &cp, e.trigger_start, e.trigger_end);
        out.extend_from_slice(b"},\"lemma\":");
        put_str(&mut out, &e.lemma);
        out.extend_from_slice(b",\"folded\":[");
        for (j, f) in e.folded.iter().enumerate() {
            if j > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"text\":");
            put_text_span(&mut out, text, &cp, f.start, f.end);
            out.extend_from_slice(b",\"lemma\":");
            put_str(&mut out, &f.lemma);
            out.extend_from_slice(b",\"kind\":");
            put_name(&mut out, f.kind.as_str());
            out.push(b'}');
        }
        out.extend_from_slice(b"],\"class\":");
        put_name(&mut out, e.class.as_str());
        out.extend_from_slice(b",\"modality\":");
        put_name(&mut out, e.modality.as_str());
        out.extend_from_slice(b",\"time\":");
        match e.time.and_then(|i| Some((i, x.timexes.get(i)?))) {
            Some((i, t)) => {
                out.push(b'{');
                let tail = timex_tail(&mut side, &mut timex_tails, text, &cp, i, t);
                out.extend_from_slice(side.get(tail).unwrap_or_default());
            }
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"when\":");
        match &e.when {
            Some(v) => {
                let range = match whens.iter().find(|(w, _)| w == v) {
                    Some((_, range)) => range.clone(),
                    None => {
                        let at = side.len();
                        serde_json::to_writer(&mut side, &JsonWhen::from(v))?;
                        whens.push((*v, at..side.len()));
                        at..side.len()
                    }
                };
                out.extend_from_slice(side.get(range).unwrap_or_default());
            }
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"anchoring\":");
        put_name(&mut out, e.anchoring.as_str());
        out.extend_from_slice(if e.timeline {
            b",\"timeline\":true,\"participants\":["
        } else {
            b",\"timeline\":false,\"participants\":["
        });
        let mut first = true;
        for p in &e.participants {
            let (Some(m), Some(entity)) = (
                entities.mentions.get(p.mention),
                entities.entities.get(p.entity),
            ) else {
                continue;
            };
            if !first {
                out.push(b',');
            }
            first = false;
            put_name_and_span(&mut out, &entity.name, text, &cp, m.start, m.end);
            out.extend_from_slice(b",\"role\":");
            put_name(&mut out, p.role.as_str());
            out.extend_from_slice(b",\"kind\":");
            put_name(&mut out, entity.kind.as_str());
            out.extend_from_slice(b",\"aliases\":[");
            for (j, a) in entity.aliases.iter().enumerate() {
                if j > 0 {
                    out.push(b',');
                }
                put_str(&mut out, a);
            }
            out.extend_from_slice(b"],\"title\":");
            match m.title.and_then(|(a, b)| text.get(a..b)) {
                Some(title) => put_str(&mut out, title),
                None => out.extend_from_slice(b"null"),
            }
            out.push(b'}');
        }
        out.extend_from_slice(b"],\"location\":");
        let location = e.location.and_then(|i| {
            let m = entities.mentions.get(i)?;
            Some((m, entities.entities.get(m.entity)?))
        });
        match location {
            Some((m, entity)) => {
                put_name_and_span(&mut out, &entity.name, text, &cp, m.start, m.end);
                out.push(b'}');
            }
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"timeml\":{\"class\":");
        put_name(&mut out, e.timeml.class.as_str());
        out.extend_from_slice(b",\"tense\":");
        put_name(&mut out, e.timeml.tense.as_str());
        out.extend_from_slice(b",\"aspect\":");
        put_name(&mut out, e.timeml.aspect.as_str());
        out.extend_from_slice(b",\"polarity\":");
        put_name(&mut out, e.timeml.polarity.as_str());
        out.extend_from_slice(b",\"modality\":");
        match e.timeml.modality {
            Some(m) => put_str(&mut out, m),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b"},\"anchor\":");
        match e.anchor {
            Some(TimeAnchor::Timex(i)) => match x.timexes.get(i) {
                Some(t) => {
                    out.extend_from_slice(b"{\"kind\":\"timex\",");
                    let tail = timex_tail(&mut side, &mut timex_tails, text, &cp, i, t);
                    out.extend_from_slice(side.get(tail).unwrap_or_default());
                }
                None => out.extend_from_slice(
                    b"{\"kind\":\"timex\",\"text\":null,\"start\":null,\"end\":null,\"timex\":null}",
                ),
            },
            Some(TimeAnchor::Publication) => out.extend_from_slice(
                b"{\"kind\":\"publication\",\"text\":null,\"start\":null,\"end\":null,\"timex\":null}",
            ),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"confidence\":");
        // Rounded to two places: the JSON says how sure, not the weight arithmetic.
        serde_json::to_writer(&mut out, &((e.confidence * 100.0).round() / 100.0))?;
        out.push(b'}');
    }
    out.extend_from_slice(b"]}");
    Ok(out)
}

/// Writes the name of a unit variant, which needs no escaping, as a JSON string.
fn put_name(out: &mut Vec<u8>, name: &str) {
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.push(b'"');
}

/// Where the `"text":…,"start":…,"end":…,"timex":…}` of time expression `i` is in `side`,
/// written there the first time it is asked for.
fn timex_tail(
    side: &mut Vec<u8>,
    tails: &mut [Option<std::ops::Range<usize>>],
    text: &str,
    cp: &CodePoints,
    i: usize,
    t: &Timex,
) -> std::ops::Range<usize> {
    if let Some(range) = tails.get(i).cloned().flatten() {
        return range;
    }
    let at = side.len();
    side.extend_from_slice(b"\"text\":");
    put_text_span(side, text, cp, t.start, t.end);
    side.extend_from_slice(b",\"timex\":");
    put_str(side, &t.value.timex());
    side.push(b'}');
    if let Some(slot) = tails.get_mut(i) {
        *slot = Some(at..side.len());
    }
    at..side.len()
}

/// Writes what [`span`] gives as a string and two fields named `start_key` and `end_key`:
/// `"words","start":1,"end":2`.
/// Opens a participant's or a place's object: `{"name":…,"text":…,"start":…,"end":…` (the
/// caller closes it).
fn put_name_and_span(
    out: &mut Vec<u8>,
    name: &str,
    text: &str,
    cp: &CodePoints,
    start: usize,
    end: usize,
) {
    out.extend_from_slice(b"{\"name\":");
    put_str(out, name);
    out.extend_from_slice(b",\"text\":");
    put_text_span(out, text, cp, start, end);
}

/// [`put_span`] with the keys `"start"` and `"end"`.
fn put_text_span(out: &mut Vec<u8>, text: &str, cp: &CodePoints, start: usize, end: usize) {
    put_span(out, text, cp, start, end, b"\"start\"", b"\"end\"");
}

fn put_span(
    out: &mut Vec<u8>,
    text: &str,
    cp: &CodePoints,
    start: usize,
    end: usize,
    start_key: &[u8],
    end_key: &[u8],
) {
    put_str(out, text.get(start..end).unwrap_or_default());
    out.push(b',');
    out.extend_from_slice(start_key);
    out.push(b':');
    put_uint(out, cp.to_code_point(floor_boundary(text, start)));
    out.push(b',');
    out.extend_from_slice(end_key);
    out.push(b':');
    put_uint(out, cp.to_code_point(floor_boundary(text, end)));
}

pub(super) fn put_uint(out: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// Whether any of the 8 bytes of `w` is one a JSON string escapes: a control character, `"`
/// or `\\`. Exact: a borrow only runs upward from a byte that matches.
#[inline]
fn needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |v: u64, n: u64| v.wrapping_sub(ONES * n) & !v & HIGH;
    (below(w, 0x20)
        | below(w ^ (ONES * u64::from(b'"')), 1)
        | below(w ^ (ONES * u64::from(b'\\')), 1))
        != 0
}

/// Writes `s` as a JSON string, escaped as serde_json escapes it: `\"`, `\\`, the short forms
/// of five control characters and `\u00xx` for the others; nothing else.
pub(super) fn put_str(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            if !needs_escape(u64::from_le_bytes(w)) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let short = match b {
            b'"' => Some(b'"'),
            b'\\' => Some(b'\\'),
            0x08 => Some(b'b'),
            0x0c => Some(b'f'),
            b'\n' => Some(b'n'),
            b'\r' => Some(b'r'),
            b'\t' => Some(b't'),
            0..=0x1f => None,
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[start..i]);
        match short {
            Some(c) => out.extend_from_slice(&[b'\\', c]),
            None => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xf)],
            ]),
        }
        i += 1;
        start = i;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::{Entity, Mention, NameKey};
    use crate::event::Participant;
    use crate::time::{Anchoring, Timex, TimexType};
    use serde_json::Value;

    const TEXT: &str =
        "«Über» — Игорь Вельский met Tariq Abu Selim in Varnholm on 14 October 2031. \
                        Then they left.";

    fn at(needle: &str) -> (usize, usize) {
        let start = TEXT.find(needle).expect("needle in text");
        (start, start + needle.len())
    }

    /// Code points of a byte offset, counted the slow way.
    fn cps(byte: usize) -> usize {
        TEXT[..byte].chars().count()
    }

    fn extraction() -> Extraction {
        let doc = Document::new("d1", TEXT);
        let mut x = crate::extract(&doc);
        let mention = |needle: &str, kind, entity, title: Option<&str>| {
            let (start, end) = at(needle);
            Mention {
                start,
                end,
                kind,
                entity,
                title: title.map(at),
                sentence: 0,
            }
        };
        let entity = |kind, name: &str, aliases: &[&str]| Entity {
            kind,
            name: name.to_owned(),
            key: NameKey::new(name),
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            roles: vec![],
        };
        x.entities = std::sync::Arc::new(Entities {
            mentions: vec![
                mention("Вельский", EntityKind::Person, 0, Some("Игорь")),
                mention("Tariq Abu Selim", EntityKind::Person, 1, None),
                mention("Varnholm", EntityKind::Place, 2, None),
            ],
            entities: vec![
                entity(EntityKind::Person, "Игорь Вельский", &["Вельский"]),
                entity(EntityKind::Person, "Tariq Abu Selim", &[]),
                entity(EntityKind::Place, "Varnholm", &[]),
            ],
        });
        let (ts, te) = at("14 October 2031");
        let day = DateValue::Day {
            year: Some(2031),
            month: 10,
            day: 14,
        };
        x.timexes = vec![Timex {
            start: ts,
            end: te,
            kind: TimexType::Date,
            value: TimexValue::Date(day),
            modifier: None,
            anchoring: Anchoring::Explicit,
        }];
        let (ms, me) = at("met");
        let (ls, le) = at("left");
        x.events = vec![
            EventMention {
                trigger_start: ms,
                trigger_end: me,
                lemma: "meet".into(),
                folded: Vec::new(),
                class: TriggerClass::Meeting,
                sentence: 0,
                modality: Modality::Actual,
                participants: vec![
                    Participant {
                        mention: 0,
                        entity: 0,
                        role: Role::Agent,
                    },
                    Participant {
                        mention: 1,
                        entity: 1,
                        role: Role::Patient,
                    },
                    // Points nowhere: left out.
                    Participant {
                        mention: 9,
                        entity: 0,
                        role: Role::Participant,
                    },
                ],
                location: Some(2),
                time: Some(0),
                when: Some(day),
                anchoring: EventAnchoring::Explicit,
                timeline: true,
                inherited_from: None,
                counted_from: None,
                anchor: None,
                timeml: crate::event::Timeml::default(),
                confidence: 1.0,
            },
            EventMention {
                trigger_start: ls,
                trigger_end: le,
                lemma: "leave".into(),
                folded: Vec::new(),
                class: TriggerClass::Departure,
                sentence: 1,
                modality: Modality::Actual,
                participants: vec![],
                location: None,
                time: None,
                when: Some(DateValue::Day {
                    year: None,
                    month: 10,
                    day: 14,
                }),
                anchoring: EventAnchoring::Inherited,
                timeline: false,
                inherited_from: None,
                counted_from: None,
                anchor: None,
                timeml: crate::event::Timeml::default(),
                confidence: 1.0,
            },
        ];
        x
    }

    #[test]
    fn mentions_with_code_point_offsets() {
        let x = extraction();
        assert_eq!(x.segmented.sentences.len(), 2, "the text has two sentences");
        let events = json_event_mentions("d1", TEXT, &x);
        assert_eq!(events.len(), 2);
        let chars: Vec<char> = TEXT.chars().collect();
        let cut = |a: usize, b: usize| chars[a..b].iter().collect::<String>();

        let met = &events[0];
        assert_eq!(met.doc, "d1");
        assert_eq!(met.trigger.text, "met");
        let (ms, me) = at("met");
        assert_eq!((met.trigger.start, met.trigger.end), (cps(ms), cps(me)));
        assert_eq!(cut(met.trigger.start, met.trigger.end), "met");
        assert!(met.trigger.start < ms, "offsets are code points, not bytes");
        assert_eq!(
            met.sentence,
            "«Über» — Игорь Вельский met Tariq Abu Selim in Varnholm on 14 October 2031."
        );
        assert_eq!(met.sentence_start, 0);
        assert_eq!(cut(met.sentence_start, met.sentence_end), met.sentence);
        let time = met.time.as_ref().expect("a time");
        assert_eq!(time.text, "14 October 2031");
        assert_eq!(cut(time.start, time.end), time.text);
        assert_eq!(time.timex, "2031-10-14");
        let when = met.when.as_ref().expect("a date");
        assert_eq!(when.start.as_deref(), Some("2031-10-14"));
        assert_eq!(when.end.as_deref(), Some("2031-10-14"));
        assert_eq!(when.granularity, "day");
        assert_eq!(when.edtf.as_deref(), Some("2031-10-14"));
        assert_eq!(met.participants.len(), 2);
        let velsky = &met.participants[0];
        assert_eq!(
            (velsky.name.as_str(), velsky.text.as_str()),
            ("Игорь Вельский", "Вельский")
        );
        assert_eq!(cut(velsky.start, velsky.end), "Вельский");
        assert_eq!(velsky.aliases, ["Вельский"]);
        assert_eq!(velsky.title.as_deref(), Some("Игорь"));
        assert_eq!(met.participants[1].role, Role::Patient);
        let place = met.location.as_ref().expect("a place");
        assert_eq!(
            (place.name.as_str(), place.text.as_str()),
            ("Varnholm", "Varnholm")
        );
        assert_eq!(cut(place.start, place.end), "Varnholm");

        let left = &events[1];
        assert_eq!(
            cut(left.sentence_start, left.sentence_end),
            "Then they left."
        );
        assert_eq!(left.sentence, "Then they left.");
        assert!(left.time.is_none() && left.location.is_none());
        let when = left.when.as_ref().expect("a partial date");
        assert_eq!((when.start.as_deref(), when.end.as_deref()), (None, None));
        assert_eq!(when.timex, "XXXX-10-14");
    }

    #[test]
    fn json_line_shape() {
        let x = extraction();
        let doc = Document::new("d1", TEXT)
            .with_published(NaiveDate::from_ymd_opt(2031, 10, 15).expect("a real day"));
        let line = events_json(&doc, &x);
        assert!(!line.contains('\n'));
        let v: Value = serde_json::from_str(&line).expect("valid JSON");
        assert_eq!(v["id"], "d1");
        assert_eq!(v["published"], "2031-10-15");
        let events = v["events"].as_array().expect("events");
        let met = &events[0];
        let keys: Vec<&str> = met
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        for key in [
            "doc",
            "sentence",
            "sentence_start",
            "sentence_end",
            "trigger",
            "lemma",
            "class",
            "modality",
            "time",
            "when",
            "anchoring",
            "participants",
            "location",
        ] {
            assert!(keys.contains(&key), "{key} missing from {met}");
        }
        assert_eq!(met["class"], "meeting");
        assert_eq!(met["modality"], "actual");
        assert_eq!(met["anchoring"], "explicit");
        assert_eq!(met["participants"][0]["role"], "agent");
        assert_eq!(met["participants"][0]["kind"], "person");
        assert_eq!(met["when"]["timex"], "2031-10-14");
        assert_eq!(met["location"]["name"], "Varnholm");
        let left = &events[1];
        assert_eq!(left["time"], Value::Null);
        assert_eq!(left["location"], Value::Null);
        assert_eq!(left["when"]["start"], Value::Null);
        assert_eq!(left["anchoring"], "inherited");
        // It reads back as it was written.
        let back: EventsDocument = serde_json::from_str(&line).expect("reads back");
        assert_eq!(back, events_document(&doc, &x));
    }

    /// What serde_json writes of the document, which [`events_json`] writes by hand.
    fn serde_line(doc: &Document, x: &Extraction) -> String {
        serde_json::to_string(&events_document(doc, x)).expect("serializes")
    }

    #[test]
    fn events_json_writes_what_serde_json_writes() {
        let doc = Document::new("d\"1\\\u{1}é", TEXT)
            .with_published(NaiveDate::from_ymd_opt(2031, 10, 15).expect("a real day"));
        let mut x = extraction();
        assert_eq!(events_json(&doc, &x), serde_line(&doc, &x));
        // Every optional part, and indexes that point nowhere.
        let (ms, me) = at("met");
        x.events[0].folded = vec![crate::event::FoldedTrigger {
            start: ms,
            end: me,
            lemma: "me\"et".into(),
            kind: FoldKind::Support,
            timeml: crate::event::Timeml::default(),
            anchor: None,
        }];
        x.events[0].anchor = Some(TimeAnchor::Timex(0));
        x.events[0].timeml.modality = Some("would");
        x.events[0].confidence = 0.876_54;
        x.events[1].anchor = Some(TimeAnchor::Publication);
        x.events[1].confidence = f32::NAN;
        let mut third = x.events[0].clone();
        third.anchor = Some(TimeAnchor::Timex(7));
        third.time = Some(7);
        third.sentence = 1;
        third.location = Some(9);
        third.when = Some(DateValue::Year(-12));
        third.confidence = 0.1;
        let mut fourth = third.clone();
        fourth.sentence = 99;
        fourth.when = Some(DateValue::Year(2031));
        x.events.push(third);
        x.events.push(fourth);
        x.events.push(x.events[0].clone());
        assert_eq!(events_json(&doc, &x), serde_line(&doc, &x));
        let doc = Document::new("", "");
        assert_eq!(
            events_json(&doc, &crate::extract(&doc)),
            serde_line(&doc, &crate::extract(&doc))
        );
    }

    /// The variants' `as_str` names are serde's.
    #[test]
    fn variant_names_are_serdes() {
        fn check<T: Serialize>(v: T, name: &str) {
            assert_eq!(
                serde_json::to_string(&v).expect("serializes"),
                format!("\"{name}\"")
            );
        }
        use TriggerClass as T;
        for c in [
            T::Meeting,
            T::Visit,
            T::Arrival,
            T::Departure,
            T::Statement,
            T::Reaction,
            T::Election,
            T::Appointment,
            T::Founding,
            T::LifeEvent,
            T::Agreement,
            T::Custody,
            T::Attack,
            T::Decision,
            T::Business,
            T::Other,
        ] {
            check(c, c.as_str());
        }
        use Modality as M;
        for m in [M::Actual, M::Future, M::Possible, M::Negated] {
            check(m, m.as_str());
        }
        use EventAnchoring as A;
        for a in [
            A::Explicit,
            A::Publication,
            A::Narrative,
            A::Inherited,
            A::None,
        ] {
            check(a, a.as_str());
        }
        for r in [Role::Agent, Role::Patient, Role::Participant] {
            check(r, r.as_str());
        }
        use EntityKind as K;
        for k in [K::Person, K::Organization, K::Place] {
            check(k, k.as_str());
        }
        use FoldKind as F;
        for f in [F::Support, F::Occurrence, F::Argument, F::Report, F::Plan] {
            check(f, f.as_str());
        }
        for c in EventClass::ALL {
            check(c, c.as_str());
        }
        for t in Tense::ALL {
            check(t, t.as_str());
        }
        for a in Aspect::ALL {
            check(a, a.as_str());
        }
        for p in [Polarity::Pos, Polarity::Neg] {
            check(p, p.as_str());
        }
    }

    /// Every byte a JSON string may escape, in text the stages read.
    #[test]
    fn events_json_escapes_as_serde_json() {
        let mut text = String::from(
            "Officials said on Monday, 12 May 2021, that \"Acme\\Corp\" met \
                                     Velsky in Varnholm. ",
        );
        for b in 1u8..0x20 {
            text.push(char::from(b));
            text.push_str("They resigned ");
        }
        text.push_str("\u{7f} «Über» — the minister resigned on Tuesday in Paris.\"\\");
        let doc = Document::new("id\t\"x\"", text.as_str())
            .with_published(NaiveDate::from_ymd_opt(2021, 5, 14).expect("a real day"));
        let x = crate::extract(&doc);
        assert!(x.events.len() > 3, "{} events", x.events.len());
        assert_eq!(events_json(&doc, &x), serde_line(&doc, &x));
        for s in [
            "",
            "a",
            "\"",
            "\\",
            "12345678\"",
            "1234567\u{1f}",
            "ab\u{0}cdefghij\u{1b}",
        ] {
            let mut out = Vec::new();
            put_str(&mut out, s);
            assert_eq!(out, serde_json::to_vec(s).expect("serializes"), "{s:?}");
        }
    }

    #[test]
    fn indexes_that_point_nowhere_do_not_panic() {
        let mut x = extraction();
        x.events[0].sentence = 99;
        x.events[0].time = Some(5);
        x.events[0].location = Some(42);
        x.events[0].trigger_end = TEXT.len() + 10;
        // Inside the two-byte "Ü" and the two-byte "»".
        x.events[1].trigger_start = TEXT.find('Ü').map_or(0, |i| i + 1);
        x.events[1].trigger_end = TEXT.find('»').map_or(0, |i| i + 1);
        let events = json_event_mentions("d1", TEXT, &x);
        let e = &events[0];
        assert_eq!(
            (e.sentence.as_str(), e.sentence_start, e.sentence_end),
            ("", 0, 0)
        );
        assert!(e.time.is_none() && e.location.is_none());
        assert_eq!(e.trigger.text, "");
        assert_eq!(e.trigger.end, TEXT.chars().count());
        let e = &events[1];
        assert_eq!(e.trigger.text, "");
        assert_eq!((e.trigger.start, e.trigger.end), (1, 5));
    }
}
