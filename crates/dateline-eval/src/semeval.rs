//! SemEval-2015 Task 4 (TimeLine: cross-document event ordering): how many of the events on the
//! gold timelines the event stage finds, how many of those it dates right, and how precise its
//! event mentions are against every gold event mention.
//!
//! Merged timelines are scored apart, per target entity, against the gold timelines (events
//! found, dated and ordered right, and the task's official measure): [`score_timelines`], with
//! its rules in [`timelines`].
//!
//! The corpus is read from its JSON form ([`Corpus::from_json`]): documents with their
//! publication date (`dct`), sentences (one per line of `text`), every gold event mention, and
//! the gold timelines of the target entities. The system's side is a list of [`SystemEvent`]s
//! per document: a sentence index, the trigger's text and its date ([`system_events`] derives
//! them from an [`Extraction`] of the document's `text`).
//!
//! # Matching rules
//!
//! - **Same trigger** ([`same_trigger`]): same document, same sentence index, and the gold word
//!   and the system trigger share a word, compared case-insensitively after splitting both on
//!   white space, `_` (the corpus joins the tokens of multi-token mentions with `_`) and `-`
//!   (so that the head of a hyphenated word meets it). So `"met"` matches `"met"`, a system
//!   `"filed suit"` matches the gold `"filed"`, a system `"took"` matches the gold `"took_off"`
//!   (and `"buzzing about"`'s first token `"buzzing"`), a system `"orders"` the gold
//!   `"pre-orders"`.
//!   Matching is by word, not by token position: where a word occurs twice in a sentence, a
//!   system mention of either occurrence matches a gold mention of either.
//! - **Timeline mentions** (recall): every mention on a gold timeline line whose order is not 0;
//!   the `unanchored_events` (order 0, `XXXX-XX-XX`) are not read. A mention on several
//!   timelines, or on two lines of one, is counted once (keyed by document, sentence and
//!   lower-cased word) with all its dates. A mention with a `suspected_typo_fix` is read with
//!   the fix applied (`9590-10-access` names document 9509). Recall is the share of these
//!   mentions that some system mention matches.
//! - **Dates**: a gold date is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `XXXX-XX-XX` (an event placed
//!   on the timeline without a date) is no date, and such mentions count for recall but not for
//!   dates. A found mention's date is right when some system mention that matches it has a
//!   complete [`DateValue`] whose interval ([`DateValue::interval`]) starts within the period
//!   one of its gold dates names and is no longer than that period: its start, truncated to the
//!   gold granularity, is the gold date, and it is not coarser than the gold date. So
//!   `2010-06-07` and the week of 7 June 2010 are right for `2010-06`; `2010` is not (too
//!   coarse, even for `2010-01`); the week of 27 March – 2 April 2006 is right for `2006-03`
//!   (where its start is), not for `2006-04`.
//! - **Precision**: the share of system mentions that match (same document, sentence, a shared
//!   word) any of the gold event mentions of the corpus (`event_mentions`, 944 in the trial
//!   corpus), timeline or not. System mentions of documents the corpus lacks count as unmatched.
//!   The same rule gives the recall of all gold event mentions.
//!
//! # Examples
//!
//! ```
//! use std::collections::BTreeMap;
//! use dateline_eval::semeval::{score, Corpus, SystemEvent};
//! use dateline::time::DateValue;
//!
//! let corpus = Corpus::from_json("tiny.json", r#"{
//!   "documents": [{"doc_id": "1", "dct": "2010-06-08", "text": "Title\nJobs unveiled it.",
//!     "sentences": [{"id": 0, "tokens": ["Title"], "t_ids": [1], "text": "Title"},
//!                   {"id": 1, "tokens": ["Jobs", "unveiled", "it", "."], "t_ids": [2, 3, 4, 5],
//!                    "text": "Jobs unveiled it."}],
//!     "event_mentions": [{"m_id": "1", "sentence": 1, "t_ids": [3], "text": "unveiled"}]}],
//!   "timelines": [{"entity": "Steve Jobs", "timeline": [{"order": 1, "dates": ["2010-06"],
//!     "events": [{"date": "2010-06", "mentions": [{"id": "1-1-unveiled", "doc_id": "1",
//!       "sentence": 1, "word": "unveiled"}]}]}]}]
//! }"#)?;
//! let mut system = BTreeMap::new();
//! let day = DateValue::Day { year: Some(2010), month: 6, day: 7 };
//! system.insert("1".to_string(), vec![SystemEvent::new(1, "unveiled", Some(day))]);
//! let eval = score(&corpus, &system);
//! assert_eq!(eval.scores.recall.share, 1.0);
//! assert_eq!(eval.scores.date.share, 1.0);
//! assert_eq!(eval.scores.precision.share, 1.0);
//! # Ok::<(), dateline_eval::EvalError>(())
//! ```
//!
//! [`Extraction`]: dateline::Extraction

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use chrono::NaiveDate;
use dateline::time::DateValue;
use dateline::{Error, Extraction};
use serde::{Deserialize, Serialize};

use crate::EvalError;

pub mod timelines;

pub use timelines::{
    score_timeline, score_timelines, task_date, GoldEventReport, TimelineEvaluation, TimelineScore,
    TimelinesEvaluation,
};

// ---------------------------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------------------------

/// A SemEval-2015 Task 4 corpus: its documents and the gold timelines of its target entities.
///
/// Fields of the JSON that the scorer does not use (`url`, `title`, `notes`, …) are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corpus {
    /// The entities the timelines are about.
    #[serde(default)]
    pub target_entities: Vec<String>,
    /// The documents.
    pub documents: Vec<CorpusDocument>,
    /// One gold timeline per target entity.
    #[serde(default)]
    pub timelines: Vec<GoldTimeline>,
}

/// One article of the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusDocument {
    /// The document's id (`"1514"`).
    pub doc_id: String,
    /// Its publication date, `YYYY-MM-DD`.
    #[serde(default)]
    pub dct: Option<String>,
    /// Its sentences; sentence 0 is the title, sentence 1 usually the dateline.
    #[serde(default)]
    pub sentences: Vec<CorpusSentence>,
    /// The sentences' texts, one per line.
    pub text: String,
    /// Every gold event mention of the document.
    #[serde(default)]
    pub event_mentions: Vec<GoldEventMention>,
}

/// One sentence of a corpus document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusSentence {
    /// Its index in the document, from 0.
    pub id: usize,
    /// Its tokens.
    #[serde(default)]
    pub tokens: Vec<String>,
    /// The corpus-wide ids of its tokens.
    #[serde(default)]
    pub t_ids: Vec<u64>,
    /// Its text (the tokens, detokenized).
    pub text: String,
}

/// A gold event mention: tokens of one sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldEventMention {
    /// The mention's id within its document.
    pub m_id: String,
    /// The sentence index.
    pub sentence: usize,
    /// Its token ids.
    #[serde(default)]
    pub t_ids: Vec<u64>,
    /// Its tokens, joined with spaces (`"rolled out"`).
    pub text: String,
}

/// The gold timeline of one target entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldTimeline {
    /// The target entity (`"Steve Jobs"`).
    pub entity: String,
    /// Its lines, in order.
    #[serde(default)]
    pub timeline: Vec<TimelineLine>,
    /// Events of the entity that are not placed on the timeline (order 0); not scored.
    #[serde(default)]
    pub unanchored_events: Vec<TimelineEvent>,
}

/// One line of a gold timeline: the events at one place in the order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineLine {
    /// The place in the order, from 1; lines that share it are simultaneous; 0 is unordered.
    pub order: u32,
    /// The dates of its events.
    #[serde(default)]
    pub dates: Vec<String>,
    /// Its events.
    #[serde(default)]
    pub events: Vec<TimelineEvent>,
}

/// One event of a gold timeline: its date and its coreferent mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEvent {
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or `XXXX-XX-XX` when not dated.
    pub date: String,
    /// Its mentions, across documents.
    #[serde(default)]
    pub mentions: Vec<TimelineMention>,
}

/// A mention of a gold timeline event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineMention {
    /// `<doc_id>-<sentence>-<word>` as the official data writes it.
    #[serde(default)]
    pub id: String,
    /// The document.
    pub doc_id: String,
    /// The sentence index.
    pub sentence: usize,
    /// The trigger word; the tokens of a multi-token mention are joined with `_`.
    pub word: String,
    /// The sentence's text.
    #[serde(default)]
    pub sentence_text: String,
    /// Token ids the word may stand for (one list per occurrence in the sentence).
    #[serde(default)]
    pub t_ids_candidates: Vec<Vec<u64>>,
    /// Ids of the gold event mentions it corresponds to.
    #[serde(default)]
    pub m_ids: Vec<String>,
    /// A correction of an id that names the wrong document or word.
    #[serde(default)]
    pub suspected_typo_fix: Option<TypoFix>,
}

/// The corrected parts of a mention id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypoFix {
    /// The right document, if that was wrong.
    #[serde(default)]
    pub doc_id: Option<String>,
    /// The right word, if that was wrong.
    #[serde(default)]
    pub word: Option<String>,
}

impl TimelineMention {
    /// The document and word, with a [`TypoFix`] applied.
    fn fixed(&self) -> (&str, &str) {
        let fix = self.suspected_typo_fix.as_ref();
        (
            fix.and_then(|f| f.doc_id.as_deref())
                .unwrap_or(&self.doc_id),
            fix.and_then(|f| f.word.as_deref()).unwrap_or(&self.word),
        )
    }
}

impl Corpus {
    /// Reads a corpus from JSON: either the corpus object itself or a file that holds it under
    /// `"corpus"` (as the trial corpus's `apple.json` does, beside `"source"` and `"notes"`).
    ///
    /// Checks that each document's `text` has one line per sentence and that sentence `id`s
    /// count from 0, since system mentions are placed in sentences by the line they fall on.
    ///
    /// # Errors
    ///
    /// [`EvalError::InvalidCorpus`] naming `input` and the line and column of a JSON error, or
    /// the document whose sentences and text disagree.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_eval::semeval::Corpus;
    ///
    /// let json = r#"{"source": "…", "corpus": {"documents": [], "timelines": []}}"#;
    /// assert!(Corpus::from_json("c.json", json)?.documents.is_empty());
    /// let err = Corpus::from_json("c.json", r#"{"documents": [{"text": ""}]}"#).unwrap_err();
    /// assert!(err.to_string().starts_with("c.json: line 1, column "), "{err}");
    /// assert!(err.to_string().contains("missing field `doc_id`"), "{err}");
    /// # Ok::<(), dateline_eval::EvalError>(())
    /// ```
    pub fn from_json(input: &str, json: &str) -> Result<Corpus, EvalError> {
        #[derive(Deserialize)]
        struct Wrapped {
            corpus: Corpus,
        }
        let invalid = |reason: String| EvalError::InvalidCorpus {
            input: input.to_owned(),
            reason,
        };
        let located = |e: serde_json::Error| {
            let message = e.to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(m, _)| m);
            invalid(format!(
                "line {}, column {}: {message}",
                e.line(),
                e.column()
            ))
        };
        let value: serde_json::Value = serde_json::from_str(json).map_err(located)?;
        let wrapped = value.as_object().is_some_and(|o| o.contains_key("corpus"));
        let corpus = if wrapped {
            serde_json::from_str::<Wrapped>(json)
                .map_err(located)?
                .corpus
        } else {
            serde_json::from_str::<Corpus>(json).map_err(located)?
        };
        corpus.check().map_err(invalid)?;
        Ok(corpus)
    }

    fn check(&self) -> Result<(), String> {
        let mut seen = HashSet::new();
        for doc in &self.documents {
            if !seen.insert(doc.doc_id.as_str()) {
                return Err(format!("document {:?} appears twice", doc.doc_id));
            }
            if doc.sentences.is_empty() {
                continue;
            }
            let lines = doc.text.split('\n').count();
            if lines != doc.sentences.len() {
                return Err(format!(
                    "document {:?}: its text has {lines} lines but it has {} sentences \
                     (expected one sentence per line)",
                    doc.doc_id,
                    doc.sentences.len()
                ));
            }
            if let Some((i, s)) = doc.sentences.iter().enumerate().find(|(i, s)| s.id != *i) {
                return Err(format!(
                    "document {:?}: sentence {i} has id {} (expected ids 0, 1, 2, …)",
                    doc.doc_id, s.id
                ));
            }
        }
        Ok(())
    }
}

impl CorpusDocument {
    /// The publication date (`dct`), if given.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPublished`] naming the value and the document when it is not a real
    /// `YYYY-MM-DD` day.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_eval::semeval::CorpusDocument;
    ///
    /// let mut doc = CorpusDocument {
    ///     doc_id: "1514".into(), dct: Some("2005-05-07".into()), sentences: vec![],
    ///     text: String::new(), event_mentions: vec![],
    /// };
    /// assert_eq!(doc.published()?.unwrap().to_string(), "2005-05-07");
    /// doc.dct = Some("2005-02-30".into());
    /// assert!(doc.published().unwrap_err().to_string().contains("\"1514\""));
    /// # Ok::<(), dateline::Error>(())
    /// ```
    pub fn published(&self) -> Result<Option<NaiveDate>, Error> {
        self.dct
            .as_deref()
            .map(|d| dateline::parse_published(d).map_err(|e| e.in_document(&self.doc_id)))
            .transpose()
    }
}

// ---------------------------------------------------------------------------------------------
// The system's side
// ---------------------------------------------------------------------------------------------

/// A system event mention as the scorer sees it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SystemEvent {
    /// The index of its sentence, as the corpus counts them (the line of the document's text).
    pub sentence: usize,
    /// The trigger's text.
    pub trigger: String,
    /// The other words of the sentence folded into the mention as telling the same
    /// happening ("held" of "held talks"): a gold mention of any of them is found.
    pub folded: Vec<String>,
    /// When it happened, as far as the system tells.
    pub when: Option<DateValue>,
}

impl SystemEvent {
    /// Whether the gold word is its trigger or one of its folded words.
    pub fn tells(&self, gold: &str) -> bool {
        same_trigger(gold, &self.trigger) || self.folded.iter().any(|f| same_trigger(gold, f))
    }

    /// A system event from its parts.
    ///
    /// # Examples
    ///
    /// ```
    /// let e = dateline_eval::semeval::SystemEvent::new(2, "met", None);
    /// assert_eq!((e.sentence, e.trigger.as_str()), (2, "met"));
    /// ```
    pub fn new(sentence: usize, trigger: &str, when: Option<DateValue>) -> Self {
        SystemEvent {
            sentence,
            trigger: trigger.to_owned(),
            folded: Vec::new(),
            when,
        }
    }
}

/// The events of an [`Extraction`] of `text`, placed in the corpus's sentences: each event's
/// sentence is the line (`\n`-separated, from 0) its trigger starts on, which is the corpus's
/// sentence index since its texts hold one sentence per line. The extraction's own sentence
/// split is not used.
///
/// # Examples
///
/// ```
/// use dateline_eval::semeval::system_events;
/// use dateline::event::EventMention;
/// use dateline::{Document, Extraction};
///
/// let text = "Title\nJobs unveiled it.";
/// let mut extraction = dateline::extract(&Document::new("d", text));
/// extraction.events = vec![EventMention::new(11, 19, "unveil", 0)];
/// let events = system_events(text, &extraction);
/// assert_eq!((events[0].sentence, events[0].trigger.as_str()), (1, "unveiled"));
/// ```
pub fn system_events(text: &str, extraction: &Extraction) -> Vec<SystemEvent> {
    let starts = line_starts(text);
    extraction
        .events
        .iter()
        .map(|e| SystemEvent {
            sentence: line_at(&starts, e.trigger_start),
            trigger: text
                .get(e.trigger_start..e.trigger_end)
                .unwrap_or_default()
                .to_owned(),
            folded: e
                .folded
                .iter()
                .map(|f| text.get(f.start..f.end).unwrap_or_default().to_owned())
                .collect(),
            when: e.when,
        })
        .collect()
}

/// The byte offsets at which the lines of `text` start: the corpus's sentences.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// The index of the line (the corpus's sentence) that byte `offset` falls on.
fn line_at(starts: &[usize], offset: usize) -> usize {
    starts.partition_point(|&s| s <= offset).saturating_sub(1)
}

// ---------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------

fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Whether a system trigger and a gold word (or gold mention text) name the same trigger: they
/// share a word, case-insensitively, once both are split on white space, `_` and `-`.
///
/// # Examples
///
/// ```
/// use dateline_eval::semeval::same_trigger;
///
/// assert!(same_trigger("unveiled", "Unveiled"));
/// assert!(same_trigger("filed", "filed suit"));
/// assert!(same_trigger("took_off", "took"));
/// assert!(same_trigger("buzzing about", "buzzing"));
/// assert!(same_trigger("pre-orders", "orders"));
/// assert!(!same_trigger("met", "meeting"));
/// assert!(!same_trigger("", ""));
/// ```
pub fn same_trigger(gold: &str, system: &str) -> bool {
    let gold: Vec<String> = words(gold).collect();
    words(system).any(|w| gold.contains(&w))
}

/// A gold date of the timelines as a [`DateValue`]: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a real
/// day); anything else, `XXXX-XX-XX` included, is no date.
///
/// # Examples
///
/// ```
/// use dateline_eval::semeval::gold_date;
/// use dateline::time::DateValue;
///
/// assert_eq!(gold_date("2010"), Some(DateValue::Year(2010)));
/// assert_eq!(gold_date("2010-06"), Some(DateValue::Month { year: Some(2010), month: Some(6) }));
/// assert_eq!(gold_date("2010-06-07").map(|d| d.to_string()).as_deref(), Some("2010-06-07"));
/// assert_eq!(gold_date("XXXX-XX-XX"), None);
/// assert_eq!(gold_date("2010-02-30"), None);
/// ```
pub fn gold_date(s: &str) -> Option<DateValue> {
    let num = |p: &str, n: usize| -> Option<u32> {
        (p.len() == n && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let parts: Vec<&str> = s.trim().split('-').collect();
    let year = i32::try_from(num(parts.first()?, 4)?).ok()?;
    let value = match parts[1..] {
        [] => DateValue::Year(year),
        [m] => DateValue::Month {
            year: Some(year),
            month: Some(u8::try_from(num(m, 2)?).ok()?),
        },
        [m, d] => DateValue::Day {
            year: Some(year),
            month: u8::try_from(num(m, 2)?).ok()?,
            day: u8::try_from(num(d, 2)?).ok()?,
        },
        _ => return None,
    };
    value.is_complete().then_some(value)
}

/// Whether a system date is right for gold dates: complete, starting within the period one of
/// them names, and no longer than that period.
///
/// # Examples
///
/// ```
/// use dateline_eval::semeval::{date_matches, gold_date};
/// use dateline::time::DateValue;
///
/// let gold = [gold_date("2010-06").unwrap()];
/// let day = DateValue::Day { year: Some(2010), month: 6, day: 7 };
/// assert!(date_matches(Some(&day), &gold));
/// assert!(!date_matches(Some(&DateValue::Year(2010)), &gold));
/// assert!(!date_matches(Some(&DateValue::Day { year: None, month: 6, day: 7 }), &gold));
/// assert!(!date_matches(None, &gold));
/// ```
pub fn date_matches(system: Option<&DateValue>, gold: &[DateValue]) -> bool {
    let Some(got) = system.and_then(DateValue::interval) else {
        return false;
    };
    gold.iter().filter_map(DateValue::interval).any(|period| {
        period.start <= got.start && got.start <= period.end && got.len_days() <= period.len_days()
    })
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

/// A share: `count` of `of`, and the fraction (0 when `of` is 0).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Share {
    /// The numerator.
    pub count: usize,
    /// The denominator.
    pub of: usize,
    /// `count / of`, in `0.0..=1.0`.
    pub share: f64,
}

impl Share {
    /// `count` of `of`.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_eval::semeval::Share;
    ///
    /// assert_eq!(Share::new(1, 4).share, 0.25);
    /// assert_eq!(Share::new(0, 0).share, 0.0);
    /// assert_eq!(Share::new(1, 3).to_string(), "0.333 (1/3)");
    /// ```
    pub fn new(count: usize, of: usize) -> Self {
        Share {
            count,
            of,
            share: if of == 0 {
                0.0
            } else {
                count as f64 / of as f64
            },
        }
    }
}

impl fmt::Display for Share {
    /// `0.333 (1/3)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.3} ({}/{})", self.share, self.count, self.of)
    }
}

/// The figures of one target entity's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityFigures {
    /// The target entity.
    pub entity: String,
    /// Mentions on its timeline (each counted once).
    pub mentions: usize,
    /// Of those, the ones some system mention matches.
    pub found: usize,
    /// Of the found ones, those with a gold date on this timeline.
    pub found_dated: usize,
    /// Of those, the ones the system dates right.
    pub date_correct: usize,
}

/// The figures of a run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SemevalScores {
    /// Documents in the corpus.
    pub documents: usize,
    /// Distinct mentions on the gold timelines.
    pub timeline_mentions: usize,
    /// Of those, the ones with no gold date (`XXXX-XX-XX`).
    pub undated_mentions: usize,
    /// Gold event mentions of all documents.
    pub gold_event_mentions: usize,
    /// System event mentions.
    pub system_mentions: usize,
    /// Timeline mentions found / timeline mentions.
    pub recall: Share,
    /// Found dated timeline mentions with the right date / found dated timeline mentions.
    pub date: Share,
    /// System mentions matching a gold event mention / system mentions.
    pub precision: Share,
    /// Gold event mentions some system mention matches / gold event mentions.
    pub event_recall: Share,
    /// Per target entity, in the corpus's order.
    pub entities: Vec<EntityFigures>,
}

/// A system mention as reports show it: its trigger and its date as a TIMEX3 value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownEvent {
    /// The trigger's text.
    pub trigger: String,
    /// Its date (`2010-06-07`, `XXXX-06-07`), if any.
    pub when: Option<String>,
}

impl From<&SystemEvent> for ShownEvent {
    fn from(e: &SystemEvent) -> Self {
        ShownEvent {
            trigger: e.trigger.clone(),
            when: e.when.map(|w| w.to_string()),
        }
    }
}

impl fmt::Display for ShownEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.trigger)?;
        match &self.when {
            Some(w) => write!(f, " {w}"),
            None => f.write_str(" (no date)"),
        }
    }
}

/// A gold timeline mention the system missed or dated wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineMiss {
    /// The target entities whose timelines hold it.
    pub entities: Vec<String>,
    /// The document.
    pub doc: String,
    /// The sentence index.
    pub sentence: usize,
    /// The gold word.
    pub word: String,
    /// Its gold dates (`XXXX-XX-XX` included).
    pub dates: Vec<String>,
    /// The sentence's text.
    pub sentence_text: String,
    /// For a miss, every system mention of the sentence; for a wrong date, the system mentions
    /// that match it.
    pub system: Vec<ShownEvent>,
}

impl fmt::Display for TimelineMiss {
    /// `doc/sentence "word" dates [entities] | system: "trigger" date, …`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}/{} {:?} {} [{}]",
            self.doc,
            self.sentence,
            self.word,
            self.dates.join(" "),
            self.entities.join("; ")
        )?;
        if self.system.is_empty() {
            f.write_str(" | system: nothing")
        } else {
            let shown: Vec<String> = self.system.iter().map(ToString::to_string).collect();
            write!(f, " | system: {}", shown.join(", "))
        }
    }
}

/// A system mention that matches no gold event mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FalsePositive {
    /// The document.
    pub doc: String,
    /// The sentence index.
    pub sentence: usize,
    /// The mention.
    pub system: ShownEvent,
    /// The gold event mentions of that sentence.
    pub gold: Vec<String>,
}

impl fmt::Display for FalsePositive {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let gold: Vec<String> = self.gold.iter().map(|g| format!("{g:?}")).collect();
        write!(
            f,
            "{}/{} {} | gold: {}",
            self.doc,
            self.sentence,
            self.system,
            if gold.is_empty() {
                "nothing".to_owned()
            } else {
                gold.join(", ")
            }
        )
    }
}

/// The outcome of scoring: the figures and every error, in corpus order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SemevalEvaluation {
    /// The figures.
    pub scores: SemevalScores,
    /// Timeline mentions no system mention matches.
    pub missed: Vec<TimelineMiss>,
    /// Found dated timeline mentions whose date the system gets wrong (or gives none).
    pub wrong_dates: Vec<TimelineMiss>,
    /// System mentions that match no gold event mention.
    pub false_positives: Vec<FalsePositive>,
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

/// A distinct gold timeline mention.
struct Gold<'a> {
    doc: &'a str,
    sentence: usize,
    word: &'a str,
    sentence_text: &'a str,
    entities: Vec<&'a str>,
    dates: Vec<&'a str>,
}

/// A timeline's share of the distinct mentions: an index into them, and the dates that timeline
/// gives it.
type Own<'a> = (usize, Vec<&'a str>);

/// Scores the system's event mentions, by document id, against the corpus (see the [module
/// documentation](self) for the rules).
///
/// # Examples
///
/// ```
/// use std::collections::BTreeMap;
/// use dateline_eval::semeval::{score, Corpus};
///
/// let corpus = Corpus::from_json("empty", r#"{"documents": [], "timelines": []}"#)?;
/// let eval = score(&corpus, &BTreeMap::new());
/// assert_eq!(eval.scores.recall.of, 0);
/// assert_eq!(eval.scores.precision.share, 0.0);
/// # Ok::<(), dateline_eval::EvalError>(())
/// ```
pub fn score(corpus: &Corpus, system: &BTreeMap<String, Vec<SystemEvent>>) -> SemevalEvaluation {
    let mut by_sentence: HashMap<(&str, usize), Vec<&SystemEvent>> = HashMap::new();
    for (doc, events) in system {
        for e in events {
            by_sentence
                .entry((doc.as_str(), e.sentence))
                .or_default()
                .push(e);
        }
    }
    let in_sentence = |doc, sentence| in_sentence(&by_sentence, doc, sentence);

    // Distinct timeline mentions, in order of first appearance, and each entity's share of them
    // (with the dates its own timeline gives them).
    let mut golds: Vec<Gold> = Vec::new();
    let mut index: HashMap<(&str, usize, String), usize> = HashMap::new();
    let mut per_entity: Vec<(&str, Vec<Own>)> = Vec::new();
    for timeline in &corpus.timelines {
        let mut own: Vec<Own> = Vec::new();
        for line in timeline.timeline.iter().filter(|l| l.order != 0) {
            for event in &line.events {
                for m in &event.mentions {
                    let (doc, word) = m.fixed();
                    let key = (doc, m.sentence, word.to_lowercase());
                    let i = *index.entry(key).or_insert_with(|| {
                        golds.push(Gold {
                            doc,
                            sentence: m.sentence,
                            word,
                            sentence_text: &m.sentence_text,
                            entities: Vec::new(),
                            dates: Vec::new(),
                        });
                        golds.len() - 1
                    });
                    let g = &mut golds[i];
                    push_new(&mut g.entities, timeline.entity.as_str());
                    push_new(&mut g.dates, event.date.as_str());
                    match own.iter_mut().find(|(j, _)| *j == i) {
                        Some((_, dates)) => push_new(dates, event.date.as_str()),
                        None => own.push((i, vec![event.date.as_str()])),
                    }
                }
            }
        }
        per_entity.push((&timeline.entity, own));
    }

    // Which system mentions match each gold mention, and whether one of them has its date.
    let matches: Vec<Vec<&SystemEvent>> = golds
        .iter()
        .map(|g| {
            in_sentence(g.doc, g.sentence)
                .iter()
                .copied()
                .filter(|e| e.tells(g.word))
                .collect()
        })
        .collect();
    let parse =
        |dates: &[&str]| -> Vec<DateValue> { dates.iter().filter_map(|d| gold_date(d)).collect() };
    let right = |found: &[&SystemEvent], dates: &[DateValue]| {
        found.iter().any(|e| date_matches(e.when.as_ref(), dates))
    };

    let mut eval = SemevalEvaluation::default();
    let (mut found, mut dated_found, mut date_correct, mut undated) = (0, 0, 0, 0);
    for (g, m) in golds.iter().zip(&matches) {
        let dates = parse(&g.dates);
        undated += usize::from(dates.is_empty());
        let miss = |system: Vec<ShownEvent>| TimelineMiss {
            entities: g.entities.iter().map(|&e| e.to_owned()).collect(),
            doc: g.doc.to_owned(),
            sentence: g.sentence,
            word: g.word.to_owned(),
            dates: g.dates.iter().map(|&d| d.to_owned()).collect(),
            sentence_text: g.sentence_text.to_owned(),
            system,
        };
        if m.is_empty() {
            let all = in_sentence(g.doc, g.sentence);
            eval.missed
                .push(miss(all.iter().map(|&e| ShownEvent::from(e)).collect()));
            continue;
        }
        found += 1;
        if dates.is_empty() {
            continue;
        }
        dated_found += 1;
        if right(m, &dates) {
            date_correct += 1;
        } else {
            eval.wrong_dates
                .push(miss(m.iter().map(|&e| ShownEvent::from(e)).collect()));
        }
    }

    let entities = per_entity
        .into_iter()
        .map(|(entity, own)| {
            let mut f = EntityFigures {
                entity: entity.to_owned(),
                mentions: own.len(),
                found: 0,
                found_dated: 0,
                date_correct: 0,
            };
            for (i, dates) in &own {
                if matches[*i].is_empty() {
                    continue;
                }
                f.found += 1;
                let dates = parse(dates);
                if !dates.is_empty() {
                    f.found_dated += 1;
                    f.date_correct += usize::from(right(&matches[*i], &dates));
                }
            }
            f
        })
        .collect();

    // Precision against every gold event mention, and the recall of those.
    let mut gold_in_sentence: HashMap<(&str, usize), Vec<&str>> = HashMap::new();
    let mut gold_event_mentions = 0;
    let mut gold_found = 0;
    for doc in &corpus.documents {
        for m in &doc.event_mentions {
            gold_event_mentions += 1;
            gold_in_sentence
                .entry((doc.doc_id.as_str(), m.sentence))
                .or_default()
                .push(&m.text);
            let hit = in_sentence(&doc.doc_id, m.sentence)
                .iter()
                .any(|e| e.tells(&m.text));
            gold_found += usize::from(hit);
        }
    }
    let mut system_mentions = 0;
    let mut matched = 0;
    let corpus_order = corpus.documents.iter().map(|d| d.doc_id.as_str());
    let others = system
        .keys()
        .map(String::as_str)
        .filter(|id| !corpus.documents.iter().any(|d| d.doc_id == *id));
    for doc in corpus_order.chain(others) {
        for e in system.get(doc).map_or(&[][..], Vec::as_slice) {
            system_mentions += 1;
            let gold = gold_in_sentence
                .get(&(doc, e.sentence))
                .map_or(&[][..], Vec::as_slice);
            if gold.iter().any(|g| e.tells(g)) {
                matched += 1;
            } else {
                eval.false_positives.push(FalsePositive {
                    doc: doc.to_owned(),
                    sentence: e.sentence,
                    system: ShownEvent::from(e),
                    gold: gold.iter().map(|&g| g.to_owned()).collect(),
                });
            }
        }
    }

    eval.scores = SemevalScores {
        documents: corpus.documents.len(),
        timeline_mentions: golds.len(),
        undated_mentions: undated,
        gold_event_mentions,
        system_mentions,
        recall: Share::new(found, golds.len()),
        date: Share::new(date_correct, dated_found),
        precision: Share::new(matched, system_mentions),
        event_recall: Share::new(gold_found, gold_event_mentions),
        entities,
    };
    eval
}

/// The system mentions of a sentence.
fn in_sentence<'h, 'm>(
    by_sentence: &'h HashMap<(&'m str, usize), Vec<&'m SystemEvent>>,
    doc: &'m str,
    sentence: usize,
) -> &'h [&'m SystemEvent] {
    by_sentence.get(&(doc, sentence)).map_or(&[], Vec::as_slice)
}

fn push_new<'a>(v: &mut Vec<&'a str>, x: &'a str) {
    if !v.contains(&x) {
        v.push(x);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two documents, two timelines; sentence 0 is a title.
    ///
    /// Document "a" (sentences 0–2), document "b" (0–1). Gold event mentions: a/1 "met",
    /// a/1 "talks", a/2 "took off", b/1 "filed", b/1 "lawsuit" (5). Timelines:
    /// - "X": order 1 2010-06 {a/1 met, b/1 filed}; order 2 XXXX-XX-XX {a/2 took_off};
    ///   order 0 2011 {a/1 talks} (not scored).
    /// - "Y": order 1 2010-06-07 {a/1 met}; order 2 2009 {b/1 lawsuit}.
    ///   Unanchored: a/1 talks.
    const CORPUS: &str = r#"{"source": "test", "notes": ["ignored"], "corpus": {
      "split": "trial", "target_entities": ["X", "Y"],
      "documents": [
        {"doc_id": "a", "dct": "2010-06-08", "url": "u",
         "text": "Title A\nThey met for talks.\nThe plane took off.",
         "sentences": [
           {"id": 0, "tokens": ["Title", "A"], "t_ids": [1, 2], "text": "Title A"},
           {"id": 1, "tokens": ["They", "met", "for", "talks", "."], "t_ids": [3, 4, 5, 6, 7],
            "text": "They met for talks."},
           {"id": 2, "tokens": ["The", "plane", "took", "off", "."], "t_ids": [8, 9, 10, 11, 12],
            "text": "The plane took off."}],
         "event_mentions": [
           {"m_id": "1", "sentence": 1, "t_ids": [4], "text": "met"},
           {"m_id": "2", "sentence": 1, "t_ids": [6], "text": "talks"},
           {"m_id": "3", "sentence": 2, "t_ids": [10, 11], "text": "took off"}]},
        {"doc_id": "b", "dct": "2010-06-09",
         "text": "Title B\nApple filed a lawsuit.",
         "sentences": [
           {"id": 0, "tokens": ["Title", "B"], "t_ids": [1, 2], "text": "Title B"},
           {"id": 1, "tokens": ["Apple", "filed", "a", "lawsuit", "."], "t_ids": [3, 4, 5, 6, 7],
            "text": "Apple filed a lawsuit."}],
         "event_mentions": [
           {"m_id": "1", "sentence": 1, "t_ids": [4], "text": "filed"},
           {"m_id": "2", "sentence": 1, "t_ids": [6], "text": "lawsuit"}]}],
      "timelines": [
        {"entity": "X", "file": "x.txt", "timeline": [
          {"order": 1, "dates": ["2010-06"], "events": [
            {"date": "2010-06", "mentions": [
              {"id": "a-1-met", "doc_id": "a", "sentence": 1, "word": "met",
               "sentence_text": "They met for talks.", "t_ids_candidates": [[4]], "m_ids": ["1"]},
              {"id": "c-1-filed", "doc_id": "c", "sentence": 1, "word": "filed",
               "suspected_typo_fix": {"doc_id": "b", "word": "filed"}}]}]},
          {"order": 2, "dates": ["XXXX-XX-XX"], "events": [
            {"date": "XXXX-XX-XX", "mentions": [
              {"id": "a-2-took_off", "doc_id": "a", "sentence": 2, "word": "took_off",
               "discontinuous": false}]}]},
          {"order": 0, "dates": ["2011"], "events": [
            {"date": "2011", "mentions": [
              {"id": "a-1-talks", "doc_id": "a", "sentence": 1, "word": "talks"}]}]}],
         "unanchored_events": []},
        {"entity": "Y", "timeline": [
          {"order": 1, "dates": ["2010-06-07"], "events": [
            {"date": "2010-06-07", "mentions": [
              {"id": "a-1-met", "doc_id": "a", "sentence": 1, "word": "Met"}]}]},
          {"order": 2, "dates": ["2009"], "events": [
            {"date": "2009", "mentions": [
              {"id": "b-1-lawsuit", "doc_id": "b", "sentence": 1, "word": "lawsuit"}]}]}],
         "unanchored_events": [
            {"date": "XXXX-XX-XX", "mentions": [
              {"id": "a-1-talks", "doc_id": "a", "sentence": 1, "word": "talks"}]}]}]}}"#;

    fn corpus() -> Corpus {
        Corpus::from_json("test.json", CORPUS).unwrap_or_else(|e| panic!("{e}"))
    }

    fn day(y: i32, m: u8, d: u8) -> Option<DateValue> {
        Some(DateValue::Day {
            year: Some(y),
            month: m,
            day: d,
        })
    }

    fn system(docs: &[(&str, Vec<SystemEvent>)]) -> BTreeMap<String, Vec<SystemEvent>> {
        docs.iter()
            .map(|(id, events)| ((*id).to_owned(), events.clone()))
            .collect()
    }

    #[test]
    fn reads_the_wrapped_corpus_and_ignores_extra_keys() {
        let c = corpus();
        assert_eq!(c.documents.len(), 2);
        assert_eq!(c.target_entities, ["X", "Y"]);
        assert_eq!(c.timelines[1].unanchored_events.len(), 1);
        assert_eq!(c.documents[0].event_mentions[2].t_ids, [10, 11]);
        assert_eq!(
            c.documents[1].published().ok().flatten(),
            NaiveDate::from_ymd_opt(2010, 6, 9)
        );
    }

    #[test]
    fn hand_computed_figures() {
        // a/1 "met" 2010-06-07 (right for X's 2010-06 and Y's 2010-06-07);
        // a/1 "talks" (gold event, not on a scored line); a/2 "took" (matches took_off,
        // undated); b/1 "filed" with 2010 (too coarse for 2010-06); b/1 "sued" (no gold);
        // "zz"/1 "x" (document not in the corpus).
        let sys = system(&[
            (
                "a",
                vec![
                    SystemEvent::new(1, "met", day(2010, 6, 7)),
                    SystemEvent::new(1, "talks", None),
                    SystemEvent::new(2, "took", None),
                ],
            ),
            (
                "b",
                vec![
                    SystemEvent::new(1, "filed", Some(DateValue::Year(2010))),
                    SystemEvent::new(1, "sued", day(2010, 6, 1)),
                ],
            ),
            ("zz", vec![SystemEvent::new(1, "x", None)]),
        ]);
        let e = score(&corpus(), &sys);
        let s = &e.scores;
        // Distinct timeline mentions: a/1 met, b/1 filed (typo fixed), a/2 took_off,
        // b/1 lawsuit = 4; order-0 and unanchored "talks" are not among them.
        assert_eq!(s.timeline_mentions, 4);
        assert_eq!(s.undated_mentions, 1);
        // Found: met, filed, took_off; missed: lawsuit.
        assert_eq!(s.recall, Share::new(3, 4));
        // Dated and found: met (right), filed (2010 is coarser than 2010-06: wrong).
        assert_eq!(s.date, Share::new(1, 2));
        // System mentions 6; matching gold event mentions: met, talks, took, filed = 4.
        assert_eq!(s.system_mentions, 6);
        assert_eq!(s.precision, Share::new(4, 6));
        // Gold event mentions 5; found: met, talks, took off, filed = 4.
        assert_eq!(s.gold_event_mentions, 5);
        assert_eq!(s.event_recall, Share::new(4, 5));
        assert_eq!(s.documents, 2);

        let x = &s.entities[0];
        assert_eq!(
            (
                x.entity.as_str(),
                x.mentions,
                x.found,
                x.found_dated,
                x.date_correct
            ),
            ("X", 3, 3, 2, 1)
        );
        let y = &s.entities[1];
        assert_eq!(
            (
                y.entity.as_str(),
                y.mentions,
                y.found,
                y.found_dated,
                y.date_correct
            ),
            ("Y", 2, 1, 1, 1)
        );

        assert_eq!(e.missed.len(), 1);
        let miss = &e.missed[0];
        assert_eq!((miss.doc.as_str(), miss.word.as_str()), ("b", "lawsuit"));
        // A miss lists every system mention of its sentence.
        assert_eq!(miss.system.len(), 2);
        assert_eq!(
            miss.to_string(),
            "b/1 \"lawsuit\" 2009 [Y] | system: \"filed\" 2010, \"sued\" 2010-06-01"
        );
        assert_eq!(e.wrong_dates.len(), 1);
        assert_eq!(e.wrong_dates[0].word, "filed");
        assert_eq!(e.wrong_dates[0].dates, ["2010-06"]);
        let fps: Vec<String> = e.false_positives.iter().map(ToString::to_string).collect();
        assert_eq!(
            fps,
            [
                "b/1 \"sued\" 2010-06-01 | gold: \"filed\", \"lawsuit\"",
                "zz/1 \"x\" (no date) | gold: nothing"
            ]
        );
    }

    #[test]
    fn a_mention_on_two_timelines_counts_once_with_both_dates() {
        // "met" is 2010-06 on X and 2010-06-07 on Y: a date in June but not on the 7th is
        // right overall (within 2010-06) and on X, wrong on Y.
        let sys = system(&[("a", vec![SystemEvent::new(1, "MET", day(2010, 6, 20))])]);
        let e = score(&corpus(), &sys);
        assert_eq!(e.scores.date, Share::new(1, 1));
        assert_eq!(e.scores.entities[0].date_correct, 1);
        assert_eq!(e.scores.entities[1].date_correct, 0);
        assert_eq!(e.scores.entities[1].found_dated, 1);
    }

    #[test]
    fn any_matching_system_mention_may_carry_the_date() {
        let sys = system(&[(
            "a",
            vec![
                SystemEvent::new(1, "met", None),
                SystemEvent::new(1, "met for", day(2010, 6, 7)),
            ],
        )]);
        let e = score(&corpus(), &sys);
        assert_eq!(e.scores.date, Share::new(1, 1));
        assert!(e.wrong_dates.is_empty());
    }

    #[test]
    fn wrong_sentence_or_partial_date_does_not_count() {
        let partial = Some(DateValue::Day {
            year: None,
            month: 6,
            day: 7,
        });
        let sys = system(&[(
            "a",
            vec![
                SystemEvent::new(1, "met", partial),
                SystemEvent::new(0, "took", None),
            ],
        )]);
        let e = score(&corpus(), &sys);
        assert_eq!(e.scores.recall, Share::new(1, 4));
        assert_eq!(e.scores.date, Share::new(0, 1));
        assert_eq!(
            e.wrong_dates[0].system[0].when.as_deref(),
            Some("XXXX-06-07")
        );
        assert_eq!(e.scores.precision, Share::new(1, 2));
    }

    #[test]
    fn nothing_found_scores_zero() {
        let e = score(&corpus(), &BTreeMap::new());
        assert_eq!(e.scores.recall, Share::new(0, 4));
        assert_eq!(e.scores.date, Share::new(0, 0));
        assert_eq!(e.scores.precision, Share::new(0, 0));
        assert_eq!(e.missed.len(), 4);
        assert!(e.missed.iter().all(|m| m.system.is_empty()));
    }

    #[test]
    fn sentences_and_text_must_agree() {
        let bad = CORPUS.replace(
            "They met for talks.\\nThe plane",
            "They met for talks. The plane",
        );
        let err = Corpus::from_json("t.json", &bad).unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.json: document \"a\": its text has 2 lines but it has 3 sentences \
             (expected one sentence per line)"
        );
        let bad = CORPUS.replace(r#"{"id": 2,"#, r#"{"id": 5,"#);
        let err = Corpus::from_json("t.json", &bad).unwrap_err();
        assert!(err.to_string().contains("sentence 2 has id 5"), "{err}");
        let bad = CORPUS.replace(r#""doc_id": "b""#, r#""doc_id": "a""#);
        let err = Corpus::from_json("t.json", &bad).unwrap_err();
        assert!(err.to_string().contains("\"a\" appears twice"), "{err}");
        let err = Corpus::from_json("t.json", "{\n  \"documents\": 3}").unwrap_err();
        assert!(
            matches!(&err, EvalError::InvalidCorpus { input, reason }
                if input == "t.json" && reason.starts_with("line 2, column ")),
            "{err}"
        );
        assert!(Corpus::from_json("t.json", "[1,").is_err());
    }

    #[test]
    fn gold_dates() {
        assert_eq!(gold_date(" 1968 "), Some(DateValue::Year(1968)));
        assert_eq!(gold_date("2006-13"), None);
        assert_eq!(gold_date("06-03"), None);
        assert_eq!(gold_date("2006-03-01-01"), None);
        assert_eq!(gold_date("XXXX"), None);
        assert_eq!(gold_date(""), None);
        // A week straddling two months counts for the month it starts in.
        let week = DateValue::Week {
            year: Some(2010),
            week: Some(22),
        }; // 31 May – 6 June 2010
        let gold = |s: &str| gold_date(s).into_iter().collect::<Vec<_>>();
        assert!(!date_matches(Some(&week), &gold("2010-06")));
        assert!(date_matches(Some(&week), &gold("2010-05")));
        assert!(date_matches(Some(&week), &gold("2010")));
        assert!(!date_matches(Some(&week), &gold("2010-05-31")));
        // Coarser than the gold date is wrong even where the start agrees.
        assert!(!date_matches(
            Some(&DateValue::Year(2010)),
            &gold("2010-01")
        ));
        let q1 = DateValue::Quarter {
            year: Some(2010),
            quarter: 1,
        };
        assert!(!date_matches(Some(&q1), &gold("2010-01")));
        assert!(date_matches(Some(&q1), &gold("2010")));
        assert!(date_matches(Some(&DateValue::Year(2010)), &gold("2010")));
        assert!(!date_matches(Some(&DateValue::Year(2010)), &gold("2011")));
        // Any of several gold dates will do.
        let both = [gold("2011-03"), gold("2011-06")].concat();
        let june = DateValue::Day {
            year: Some(2011),
            month: 6,
            day: 6,
        };
        assert!(date_matches(Some(&june), &both));
    }

    #[test]
    fn system_events_take_the_line_of_the_trigger() {
        use dateline::event::{EventAnchoring, EventMention};
        let text = "Tïtle\n«Jobs» unveiled it.\nThen it shipped.";
        let mut x = dateline::extract(&dateline::Document::new("d", text));
        let mention = |word: &str| {
            let start = text.find(word).unwrap_or(0);
            EventMention {
                when: day(2010, 6, 7),
                anchoring: EventAnchoring::Explicit,
                timeline: true,
                ..EventMention::new(start, start + word.len(), word.to_owned(), 0)
            }
        };
        x.events = vec![mention("unveiled"), mention("shipped"), mention("Tïtle")];
        let got = system_events(text, &x);
        let got: Vec<(usize, &str)> = got
            .iter()
            .map(|e| (e.sentence, e.trigger.as_str()))
            .collect();
        assert_eq!(got, [(1, "unveiled"), (2, "shipped"), (0, "Tïtle")]);
        assert_eq!(system_events(text, &x)[0].when, day(2010, 6, 7));
    }
}
