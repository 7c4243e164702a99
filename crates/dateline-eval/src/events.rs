//! TimeML events: spans, attributes and anchoring, scored against TempEval-3 style annotations,
//! with cross-validation by document for the learned event model.
//!
//! # The annotations
//!
//! JSON Lines, one document per line, as `te3_train.jsonl` gives them: `{"doc", "dct", "text",
//! "timexes": [{"tid", "start", "end", ...}], "events": [{"eid", "start", "end", "class",
//! "tense", "aspect", "polarity", ...}], "tlinks": [{"from", "to", "rel"}]}`, offsets in code
//! points. An event's *anchors* are the time expressions it is linked to by `IS_INCLUDED`,
//! `DURING`, `SIMULTANEOUS`, `BEGINS` or `ENDS` (or by the inverse relation from the
//! expression's side: `INCLUDES`, `DURING_INV`, `SIMULTANEOUS`, `BEGUN_BY`, `ENDED_BY`); `t0`,
//! the document creation time, is the publication date.
//!
//! # The measures
//!
//! - Spans: each gold event, in text order, takes the first system mention not taken yet that
//!   overlaps it, preferring one with exactly its span (greedy, one to one, as TempEval-3's
//!   scorer matches entities). *Relaxed* counts every match, *strict* the exact ones.
//! - Classes: recall per gold class (found, of the gold events of that class), and the class
//!   accuracy over the matches; class F1 is that accuracy times the relaxed F1 (TempEval-3's
//!   attribute F1). Tense, aspect and polarity likewise.
//! - Anchoring: of the matched gold events that have an anchor, the share whose system anchor
//!   ([`dateline::event::EventMention::anchor`]: a time expression, matched to the gold one
//!   its span overlaps, or the publication date, which is the creation time) is one of them; a
//!   mention without an anchor counts as wrong. *By the time denoted*, an anchor also counts
//!   as right when it is another expression with the same gold value as a gold anchor (the
//!   second "Friday" of a story, where the annotators linked the first), or the creation time
//!   where a gold anchor's value is the publication day, or the reverse: the time the event is
//!   placed at is the same.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use dateline::event::{
    Aspect, EventClass, EventModel, Polarity, Tense, TimeAnchor, TrainOptions, TrainingAnchor,
    TrainingDocument, TrainingEvent,
};
use dateline::{Document, Extraction};
use serde::{Deserialize, Serialize};

use crate::EvalError;

/// What anchors an event in time.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Anchor {
    /// The document creation time (`t0`): the publication date.
    Creation,
    /// A time expression of the document, by its id (`t3`).
    Timex(String),
}

/// A gold event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldEvent {
    /// Its id (`e12`).
    pub eid: String,
    /// Byte offset in the document text.
    pub start: usize,
    /// Byte offset one past it.
    pub end: usize,
    /// TimeML class.
    pub class: EventClass,
    /// TimeML tense.
    pub tense: Tense,
    /// TimeML aspect.
    pub aspect: Aspect,
    /// TimeML polarity.
    pub polarity: Polarity,
    /// What anchors it, sorted; empty when nothing does.
    pub anchors: Vec<Anchor>,
}

/// A gold time expression: its id, byte span and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    /// Its id (`t3`).
    pub tid: String,
    /// Its TIMEX3 value (`1998-01-08`, `P3M`).
    pub value: String,
    /// Byte offset.
    pub start: usize,
    /// Byte offset one past it.
    pub end: usize,
}

/// A document with its gold events and time expressions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimemlDocument {
    /// Its id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// Its creation time, the publication date.
    pub published: Option<NaiveDate>,
    /// Gold events, in text order.
    pub events: Vec<GoldEvent>,
    /// Gold time expressions, in text order.
    pub timexes: Vec<GoldTimex>,
}

impl TimemlDocument {
    /// The document as the model trains on it; `attributes` says whether its tense and aspect
    /// are to be learned from (not for machine-made annotations that follow other conventions).
    pub fn training(&self, attributes: bool) -> TrainingDocument {
        TrainingDocument {
            text: self.text.clone(),
            published: self.published,
            events: self
                .events
                .iter()
                .map(|e| TrainingEvent {
                    start: e.start,
                    end: e.end,
                    class: e.class,
                    tense: attributes.then_some(e.tense),
                    aspect: attributes.then_some(e.aspect),
                    anchors: e
                        .anchors
                        .iter()
                        .filter_map(|a| match a {
                            Anchor::Creation => Some(TrainingAnchor::Creation),
                            Anchor::Timex(tid) => {
                                self.timexes.iter().find(|t| &t.tid == tid).map(|t| {
                                    TrainingAnchor::Span {
                                        start: t.start,
                                        end: t.end,
                                    }
                                })
                            }
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// The document as the pipeline reads it.
    pub fn document(&self) -> Document {
        let doc = Document::new(self.id.clone(), self.text.clone());
        match self.published {
            Some(p) => doc.with_published(p),
            None => doc,
        }
    }
}

#[derive(Deserialize)]
struct RawDoc {
    #[serde(alias = "id")]
    doc: String,
    #[serde(default)]
    dct: Option<String>,
    text: String,
    #[serde(default)]
    timexes: Vec<RawTimex>,
    #[serde(default)]
    events: Vec<RawEvent>,
    #[serde(default)]
    tlinks: Vec<RawLink>,
}

#[derive(Deserialize)]
struct RawTimex {
    tid: String,
    #[serde(default)]
    value: String,
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct RawEvent {
    eid: String,
    start: usize,
    end: usize,
    class: String,
    #[serde(default)]
    tense: Option<String>,
    #[serde(default)]
    aspect: Option<String>,
    #[serde(default)]
    polarity: Option<String>,
}

#[derive(Deserialize)]
struct RawLink {
    from: String,
    to: String,
    rel: String,
}

/// Reads TimeML JSON Lines (see the module's documentation). `input` names the source in
/// errors.
///
/// # Errors
///
/// [`EvalError::Corpus`] for a line that is not such a document, an offset outside its text or
/// not on a character boundary, or an unknown event class.
///
/// # Examples
///
/// ```
/// let line = r#"{"doc": "d1", "dct": "1998-01-08", "text": "Prices fell on Monday.",
///   "timexes": [{"tid": "t1", "start": 15, "end": 21}],
///   "events": [{"eid": "e1", "start": 7, "end": 11, "class": "OCCURRENCE", "tense": "PAST"}],
///   "tlinks": [{"from": "e1", "to": "t1", "rel": "IS_INCLUDED"}]}"#;
/// let docs = dateline_eval::events::read_timeml("gold.jsonl", &line.replace('\n', " ")).unwrap();
/// let e = &docs[0].events[0];
/// assert_eq!(&docs[0].text[e.start..e.end], "fell");
/// assert_eq!(e.anchors, [dateline_eval::events::Anchor::Timex("t1".into())]);
/// ```
pub fn read_timeml(input: &str, jsonl: &str) -> Result<Vec<TimemlDocument>, EvalError> {
    let mut out = Vec::new();
    for (n, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |reason: String| EvalError::Corpus {
            input: input.to_owned(),
            line: n + 1,
            reason,
        };
        let raw: RawDoc = serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
        let published = match raw.dct.as_deref() {
            Some(d) if !d.is_empty() => Some(
                dateline::parse_published(d)
                    .map_err(|e| bad(format!("document {:?}: {e}", raw.doc)))?,
            ),
            _ => None,
        };
        // Code points to bytes.
        let starts: Vec<usize> = raw
            .text
            .char_indices()
            .map(|(b, _)| b)
            .chain([raw.text.len()])
            .collect();
        let byte = |cp: usize, what: &str| {
            starts.get(cp).copied().ok_or_else(|| {
                bad(format!(
                    "document {:?}: {what} offset {cp} is past the end of its text ({} code points)",
                    raw.doc,
                    starts.len() - 1
                ))
            })
        };
        let mut timexes = Vec::with_capacity(raw.timexes.len());
        for t in &raw.timexes {
            let (start, end) = (byte(t.start, "timex")?, byte(t.end, "timex")?);
            if start >= end {
                return Err(bad(format!(
                    "timex {} has an empty or reversed span",
                    t.tid
                )));
            }
            timexes.push(GoldTimex {
                tid: t.tid.clone(),
                value: t.value.clone(),
                start,
                end,
            });
        }
        let mut anchors: BTreeMap<&str, Vec<Anchor>> = BTreeMap::new();
        let timex = |id: &str| {
            if id == "t0" {
                Anchor::Creation
            } else {
                Anchor::Timex(id.to_owned())
            }
        };
        for l in &raw.tlinks {
            let forward = matches!(
                l.rel.as_str(),
                "IS_INCLUDED" | "DURING" | "SIMULTANEOUS" | "BEGINS" | "ENDS"
            );
            let inverse = matches!(
                l.rel.as_str(),
                "INCLUDES" | "DURING_INV" | "SIMULTANEOUS" | "BEGUN_BY" | "ENDED_BY"
            );
            if forward && l.from.starts_with('e') && l.to.starts_with('t') {
                anchors.entry(&l.from).or_default().push(timex(&l.to));
            } else if inverse && l.from.starts_with('t') && l.to.starts_with('e') {
                anchors.entry(&l.to).or_default().push(timex(&l.from));
            }
        }
        let mut events = Vec::with_capacity(raw.events.len());
        for e in &raw.events {
            let (start, end) = (byte(e.start, "event")?, byte(e.end, "event")?);
            if start >= end {
                return Err(bad(format!(
                    "event {} has an empty or reversed span",
                    e.eid
                )));
            }
            let class = EventClass::from_label(&e.class)
                .ok_or_else(|| bad(format!("event {} has class {:?}", e.eid, e.class)))?;
            let mut a = anchors.get(e.eid.as_str()).cloned().unwrap_or_default();
            a.sort();
            a.dedup();
            events.push(GoldEvent {
                eid: e.eid.clone(),
                start,
                end,
                class,
                tense: Tense::from_label(e.tense.as_deref().unwrap_or("NONE")),
                aspect: Aspect::from_label(e.aspect.as_deref().unwrap_or("NONE")),
                polarity: if e.polarity.as_deref() == Some("NEG") {
                    Polarity::Neg
                } else {
                    Polarity::Pos
                },
                anchors: a,
            });
        }
        events.sort_by_key(|e| e.start);
        timexes.sort_by_key(|t| t.start);
        out.push(TimemlDocument {
            id: raw.doc,
            text: raw.text,
            published,
            events,
            timexes,
        });
    }
    Ok(out)
}

/// Found of total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Share {
    /// How many.
    pub found: usize,
    /// Of how many.
    pub total: usize,
}

impl Share {
    /// `found / total`, 0 for none.
    pub fn value(self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.found as f64 / self.total as f64
        }
    }

    fn add(&mut self, other: Share) {
        self.found += other.found;
        self.total += other.total;
    }
}

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Matches.
    pub matched: usize,
    /// System mentions.
    pub system: usize,
    /// Gold events.
    pub gold: usize,
    /// `matched / system`.
    pub precision: f64,
    /// `matched / gold`.
    pub recall: f64,
    /// Their harmonic mean.
    pub f1: f64,
}

impl Prf {
    fn new(matched: usize, system: usize, gold: usize) -> Self {
        let p = if system == 0 {
            0.0
        } else {
            matched as f64 / system as f64
        };
        let r = if gold == 0 {
            0.0
        } else {
            matched as f64 / gold as f64
        };
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        Prf {
            matched,
            system,
            gold,
            precision: p,
            recall: r,
            f1,
        }
    }
}

/// The counts one scoring run adds up; [`EventScores`] are made from them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct EventCounts {
    /// Documents scored.
    pub documents: usize,
    /// Gold events.
    pub gold: usize,
    /// System mentions.
    pub system: usize,
    /// Matches (overlap).
    pub relaxed: usize,
    /// Matches with the exact span.
    pub strict: usize,
    /// Per gold class: matched of all.
    pub class_recall: BTreeMap<String, Share>,
    /// Matches with the gold class.
    pub class: usize,
    /// Matches with the gold tense.
    pub tense: usize,
    /// Matches with the gold aspect.
    pub aspect: usize,
    /// Matches with the gold polarity.
    pub polarity: usize,
    /// Matched gold events that have an anchor: anchored right of all.
    pub anchoring: Share,
    /// The same events: anchored to a time expression with the same gold value as an anchor
    /// (or to the creation time where a gold anchor has the publication day's value).
    pub anchoring_same_time: Share,
    /// Of those, the ones anchored by the creation time in the gold: right of all.
    pub anchoring_creation: Share,
    /// Of those, the ones anchored by a time expression: right of all.
    pub anchoring_timex: Share,
}

impl EventCounts {
    fn add(&mut self, o: &EventCounts) {
        self.documents += o.documents;
        self.gold += o.gold;
        self.system += o.system;
        self.relaxed += o.relaxed;
        self.strict += o.strict;
        for (k, v) in &o.class_recall {
            self.class_recall.entry(k.clone()).or_default().add(*v);
        }
        self.class += o.class;
        self.tense += o.tense;
        self.aspect += o.aspect;
        self.polarity += o.polarity;
        self.anchoring.add(o.anchoring);
        self.anchoring_same_time.add(o.anchoring_same_time);
        self.anchoring_creation.add(o.anchoring_creation);
        self.anchoring_timex.add(o.anchoring_timex);
    }
}

/// The scores of a set of documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventScores {
    /// The counts they come from.
    pub counts: EventCounts,
    /// Span P/R/F1, overlap.
    pub relaxed: Prf,
    /// Span P/R/F1, exact span.
    pub strict: Prf,
    /// Class accuracy over the matches.
    pub class_accuracy: f64,
    /// Class accuracy × relaxed F1.
    pub class_f1: f64,
    /// Tense accuracy over the matches.
    pub tense_accuracy: f64,
    /// Aspect accuracy over the matches.
    pub aspect_accuracy: f64,
    /// Polarity accuracy over the matches.
    pub polarity_accuracy: f64,
    /// Recall per gold class.
    pub class_recall: BTreeMap<String, f64>,
    /// Anchoring accuracy (see the module's documentation).
    pub anchoring_accuracy: f64,
    /// Anchoring accuracy by the time denoted (see the module's documentation).
    pub anchoring_same_time_accuracy: f64,
}

impl EventScores {
    /// The scores of counts.
    pub fn from_counts(counts: EventCounts) -> Self {
        let relaxed = Prf::new(counts.relaxed, counts.system, counts.gold);
        let strict = Prf::new(counts.strict, counts.system, counts.gold);
        let acc = |n: usize| {
            if counts.relaxed == 0 {
                0.0
            } else {
                n as f64 / counts.relaxed as f64
            }
        };
        EventScores {
            relaxed,
            strict,
            class_accuracy: acc(counts.class),
            class_f1: acc(counts.class) * relaxed.f1,
            tense_accuracy: acc(counts.tense),
            aspect_accuracy: acc(counts.aspect),
            polarity_accuracy: acc(counts.polarity),
            class_recall: counts
                .class_recall
                .iter()
                .map(|(k, v)| (k.clone(), v.value()))
                .collect(),
            anchoring_accuracy: counts.anchoring.value(),
            anchoring_same_time_accuracy: counts.anchoring_same_time.value(),
            counts,
        }
    }
}

/// One mistake, for `--errors`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventMistake {
    /// The document.
    pub doc: String,
    /// What went wrong: `missed`, `spurious`, `class`, `anchor`.
    pub kind: &'static str,
    /// The word.
    pub word: String,
    /// Its sentence, or the text around it.
    pub context: String,
    /// What the gold says.
    pub gold: String,
    /// What the system says.
    pub system: String,
}

/// Scores one document: the system's extraction against its gold.
pub fn score_document(
    gold: &TimemlDocument,
    x: &Extraction,
    mistakes: Option<&mut Vec<EventMistake>>,
) -> EventCounts {
    // Every word the system took for an event: each mention's trigger and the words folded
    // into it (the event model found them all; folding only groups them into happenings).
    let words: Vec<SystemWord> = x
        .events
        .iter()
        .flat_map(|m| {
            std::iter::once(SystemWord {
                start: m.trigger_start,
                end: m.trigger_end,
                timeml: m.timeml,
                anchor: m.anchor,
            })
            .chain(m.folded.iter().map(|f| SystemWord {
                start: f.start,
                end: f.end,
                timeml: f.timeml,
                anchor: f.anchor,
            }))
        })
        .collect();
    let mut c = EventCounts {
        documents: 1,
        gold: gold.events.len(),
        system: words.len(),
        ..EventCounts::default()
    };
    let mut mine: Vec<usize> = (0..words.len()).collect();
    mine.sort_by_key(|&i| (words[i].start, words[i].end));
    let mut taken = vec![false; words.len()];
    let mut log: Vec<EventMistake> = Vec::new();
    let text = gold.text.as_str();
    let context = |start: usize, end: usize| {
        let lo = text[..start].rfind(['\n', '.']).map_or(0, |i| i + 1);
        let hi = text[end..]
            .find(['\n', '.'])
            .map_or(text.len(), |i| end + i + 1);
        text.get(lo..hi).unwrap_or("").trim().to_owned()
    };
    for g in &gold.events {
        let from = mine.partition_point(|&i| words[i].end <= g.start);
        let overlapping: Vec<usize> = mine[from..]
            .iter()
            .copied()
            .take_while(|&i| words[i].start < g.end)
            .filter(|&i| !taken[i] && words[i].end > g.start)
            .collect();
        let exact = overlapping
            .iter()
            .copied()
            .find(|&i| words[i].start == g.start && words[i].end == g.end);
        let cls = g.class.as_str().to_owned();
        let recall = c.class_recall.entry(cls).or_default();
        recall.total += 1;
        let Some(i) = exact.or(overlapping.first().copied()) else {
            log.push(EventMistake {
                doc: gold.id.clone(),
                kind: "missed",
                word: text[g.start..g.end].to_owned(),
                context: context(g.start, g.end),
                gold: g.class.as_str().to_owned(),
                system: String::new(),
            });
            continue;
        };
        taken[i] = true;
        recall.found += 1;
        c.relaxed += 1;
        c.strict += usize::from(exact.is_some());
        let m = &words[i];
        c.class += usize::from(m.timeml.class == g.class);
        c.tense += usize::from(m.timeml.tense == g.tense);
        c.aspect += usize::from(m.timeml.aspect == g.aspect);
        c.polarity += usize::from(m.timeml.polarity == g.polarity);
        if m.timeml.class != g.class {
            log.push(EventMistake {
                doc: gold.id.clone(),
                kind: "class",
                word: text[g.start..g.end].to_owned(),
                context: context(g.start, g.end),
                gold: g.class.as_str().to_owned(),
                system: m.timeml.class.as_str().to_owned(),
            });
        }
        if !g.anchors.is_empty() {
            let anchor = system_anchor(gold, x, m.anchor);
            let right = anchor.as_ref().is_some_and(|a| g.anchors.contains(a));
            let value = |a: &Anchor| match a {
                Anchor::Creation => gold.published.map(|p| p.to_string()),
                Anchor::Timex(t) => gold
                    .timexes
                    .iter()
                    .find(|x| &x.tid == t)
                    .map(|x| x.value.clone()),
            };
            let same_time = right
                || anchor.as_ref().and_then(value).is_some_and(|v| {
                    g.anchors
                        .iter()
                        .any(|a| value(a).as_deref() == Some(v.as_str()))
                });
            c.anchoring_same_time.add(Share {
                found: usize::from(same_time),
                total: 1,
            });
            let right = Share {
                found: usize::from(right),
                total: 1,
            };
            c.anchoring.add(right);
            if g.anchors.contains(&Anchor::Creation) {
                c.anchoring_creation.add(right);
            } else {
                c.anchoring_timex.add(right);
            }
            if right.found == 0 {
                let name = |a: &Anchor| match a {
                    Anchor::Creation => "t0 (creation time)".to_owned(),
                    Anchor::Timex(t) => gold
                        .timexes
                        .iter()
                        .find(|x| &x.tid == t)
                        .map_or(t.clone(), |x| format!("{t} {:?}", &text[x.start..x.end])),
                };
                log.push(EventMistake {
                    doc: gold.id.clone(),
                    kind: "anchor",
                    word: text[g.start..g.end].to_owned(),
                    context: context(g.start, g.end),
                    gold: g.anchors.iter().map(name).collect::<Vec<_>>().join(", "),
                    system: anchor.as_ref().map_or("none".to_owned(), name),
                });
            }
        }
    }
    for (i, m) in words.iter().enumerate() {
        if !taken[i] {
            log.push(EventMistake {
                doc: gold.id.clone(),
                kind: "spurious",
                word: text.get(m.start..m.end).unwrap_or("").to_owned(),
                context: context(m.start, m.end),
                gold: String::new(),
                system: m.timeml.class.as_str().to_owned(),
            });
        }
    }
    if let Some(out) = mistakes {
        out.extend(log);
    }
    c
}

/// A word the system took for an event.
struct SystemWord {
    start: usize,
    end: usize,
    timeml: dateline::event::Timeml,
    anchor: Option<TimeAnchor>,
}

/// A system anchor as the gold names it: see the module's documentation.
fn system_anchor(
    gold: &TimemlDocument,
    x: &Extraction,
    anchor: Option<TimeAnchor>,
) -> Option<Anchor> {
    match anchor? {
        TimeAnchor::Timex(ti) => {
            let t = x.timexes.get(ti)?;
            gold.timexes
                .iter()
                .find(|g| g.start < t.end && t.start < g.end)
                .map(|g| Anchor::Timex(g.tid.clone()))
        }
        TimeAnchor::Publication => Some(Anchor::Creation),
    }
}

/// Scores the documents with an event model (the shipped one, or another).
pub fn score(
    documents: &[TimemlDocument],
    model: &EventModel,
    mistakes: Option<&mut Vec<EventMistake>>,
) -> EventScores {
    let per_doc: Vec<(EventCounts, Vec<EventMistake>)> = par_map(documents, |d| {
        let x = dateline::event::extract_with(&d.document(), model);
        let mut log = Vec::new();
        let c = score_document(d, &x, Some(&mut log));
        (c, log)
    });
    let mut total = EventCounts::default();
    let mut all = Vec::new();
    for (c, log) in per_doc {
        total.add(&c);
        all.extend(log);
    }
    if let Some(out) = mistakes {
        out.extend(all);
    }
    EventScores::from_counts(total)
}

/// The result of cross-validation: each fold's scores, their mean, and the pooled counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CrossValidation {
    /// The folds.
    pub folds: Vec<EventScores>,
    /// The mean of each figure over the folds.
    pub mean: MeanScores,
    /// The scores of all held-out documents together.
    pub pooled: EventScores,
}

/// The mean over folds of the main figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MeanScores {
    /// Relaxed span precision.
    pub precision: f64,
    /// Relaxed span recall.
    pub recall: f64,
    /// Relaxed span F1.
    pub f1: f64,
    /// Strict span F1.
    pub strict_f1: f64,
    /// Class F1.
    pub class_f1: f64,
    /// Recall per gold class.
    pub class_recall: BTreeMap<String, f64>,
    /// Tense accuracy.
    pub tense_accuracy: f64,
    /// Aspect accuracy.
    pub aspect_accuracy: f64,
    /// Polarity accuracy.
    pub polarity_accuracy: f64,
    /// Anchoring accuracy.
    pub anchoring_accuracy: f64,
    /// Anchoring accuracy by the time denoted.
    pub anchoring_same_time_accuracy: f64,
}

/// Cross-validation by document: the documents (in id order) are dealt into `k` folds; for
/// each fold a model is trained on the others (and on `extra` documents, which are never
/// scored) and scored on it.
///
/// # Errors
///
/// [`EvalError::Folds`] unless 2 ≤ `k` ≤ the number of documents.
pub fn cross_validate(
    documents: &[TimemlDocument],
    extra: &[TrainingDocument],
    k: usize,
    options: &TrainOptions,
    mut mistakes: Option<&mut Vec<EventMistake>>,
) -> Result<CrossValidation, EvalError> {
    if k < 2 || k > documents.len() {
        return Err(EvalError::Folds {
            folds: k,
            documents: documents.len(),
        });
    }
    let mut order: Vec<usize> = (0..documents.len()).collect();
    order.sort_by(|&a, &b| documents[a].id.cmp(&documents[b].id));
    let fold_of: Vec<usize> = {
        let mut f = vec![0; documents.len()];
        for (rank, &i) in order.iter().enumerate() {
            f[i] = rank % k;
        }
        f
    };
    let folds: Vec<usize> = (0..k).collect();
    let results: Vec<(EventCounts, Vec<EventMistake>)> = par_map(&folds, |&fold| {
        let train: Vec<TrainingDocument> = documents
            .iter()
            .zip(&fold_of)
            .filter(|&(_, &f)| f != fold)
            .map(|(d, _)| d.training(true))
            .chain(extra.iter().cloned())
            .collect();
        let model = EventModel::train(&train, options);
        let test: Vec<TimemlDocument> = documents
            .iter()
            .zip(&fold_of)
            .filter(|&(_, &f)| f == fold)
            .map(|(d, _)| d.clone())
            .collect();
        let mut log = Vec::new();
        let s = score(&test, &model, Some(&mut log));
        (s.counts, log)
    });
    let mut pooled = EventCounts::default();
    let mut fold_scores = Vec::with_capacity(k);
    for (c, log) in results {
        pooled.add(&c);
        if let Some(out) = mistakes.as_deref_mut() {
            out.extend(log);
        }
        fold_scores.push(EventScores::from_counts(c));
    }
    let n = k as f64;
    let mean_of = |f: &dyn Fn(&EventScores) -> f64| fold_scores.iter().map(f).sum::<f64>() / n;
    let mut class_recall = BTreeMap::new();
    for s in &fold_scores {
        for (c, v) in &s.class_recall {
            *class_recall.entry(c.clone()).or_insert(0.0) += v / n;
        }
    }
    let mean = MeanScores {
        precision: mean_of(&|s| s.relaxed.precision),
        recall: mean_of(&|s| s.relaxed.recall),
        f1: mean_of(&|s| s.relaxed.f1),
        strict_f1: mean_of(&|s| s.strict.f1),
        class_f1: mean_of(&|s| s.class_f1),
        class_recall,
        tense_accuracy: mean_of(&|s| s.tense_accuracy),
        aspect_accuracy: mean_of(&|s| s.aspect_accuracy),
        polarity_accuracy: mean_of(&|s| s.polarity_accuracy),
        anchoring_accuracy: mean_of(&|s| s.anchoring_accuracy),
        anchoring_same_time_accuracy: mean_of(&|s| s.anchoring_same_time_accuracy),
    };
    Ok(CrossValidation {
        folds: fold_scores,
        mean,
        pooled: EventScores::from_counts(pooled),
    })
}

/// `f` over every element, on all cores with the `rayon` feature; the results keep the order.
fn par_map<T: Sync, U: Send>(items: &[T], f: impl Fn(&T) -> U + Sync + Send) -> Vec<U> {
    #[cfg(feature = "rayon")]
    {
        use rayon::prelude::*;
        items.par_iter().map(f).collect()
    }
    #[cfg(not(feature = "rayon"))]
    {
        items.iter().map(f).collect()
    }
}
