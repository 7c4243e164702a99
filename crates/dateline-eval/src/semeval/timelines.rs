//! Scoring a merged [`Timeline`] against the gold timelines of the target entities: for each
//! entity, the events of `timeline.about(entity)` against the events on its gold timeline.
//!
//! # Rules
//!
//! - **Gold events**: the events of the lines whose `order` is not 0 (each event is one line of
//!   the official file: its coreferent mentions). Its **position** is its line's `order`; events
//!   that share it are simultaneous. Its date is the line's date read by [`gold_date`] after
//!   dropping trailing unknown parts (`2008-03-XX` is March 2008, `2010-XX-XX` is 2010);
//!   `XXXX-XX-XX` is no date.
//! - **Matching**: a gold mention and a system mention match when they are in the same
//!   document and sentence and [`same_trigger`] says their words agree. A system mention's
//!   sentence is the line of the corpus document's `text` its trigger starts on (as for
//!   [`system_events`](super::system_events)), so the timeline must be built from the corpus's
//!   texts. Each gold event takes the system event with the most mentions matching its own
//!   (ties: the earlier one in the timeline).
//! - **Found**: gold events some system event matches. **Dates right**: found gold events with a
//!   date whose system event's date is right for it by [`date_matches`] (at the gold
//!   granularity); found events without a gold date are counted apart (`undated_found`).
//! - **Order right**: over the pairs of found gold events at different positions, those whose
//!   system events come in the same order in the timeline (index in `events`). Two gold events
//!   that take the same system event disagree.
//! - **Precision**: system events of which some mention matches a mention of any event of the
//!   entity's gold timeline, unanchored ones and those of order 0 included.
//!
//! # The official measure
//!
//! SemEval-2015 Task 4 scored timelines with temporal awareness ([`awareness`]) after turning
//! each into a graph, as the task's page describes: each date a TIMEX3 node, each event
//! related to its date by `SIMULTANEOUS`, `BEFORE` between events one after the other, and
//! `SIMULTANEOUS` between events at one position; the F1 is the micro average over the
//! timelines. The official script (`evaluation_tool_timeline_task4_v3`) was not available to
//! check against, so these choices are ours and may differ from it:
//!
//! - Nodes are mentions (`doc-sentence-word`), since the official files list mentions; a date
//!   node is named by its value, so gold and system dates meet when their values are equal.
//! - Relations are read position by position: each dated mention `SIMULTANEOUS` with its date,
//!   then the position's mentions chained by `SIMULTANEOUS`, then the first mention of the
//!   previous position `BEFORE` the first one of this position. Undated events get no date
//!   relation. (Two positions with one date contradict each other: the `BEFORE` between them is
//!   a violation, counted as TempEval-3's scorer counts violations.)
//! - The system's positions: the timeline's events in order, dated events only (undated ones
//!   would be `order 0`, which the task does not score), consecutive events with one date at
//!   one position. A system date is written as the task writes dates ([`task_date`]).
//! - A system mention that matches gold mentions of the entity's timeline takes their ids (as a
//!   participant writing the corpus's tokens would); others keep their own. The official scorer
//!   compares ids as strings, so a system trigger of two words (`filed suit`) or of another case
//!   would not meet the gold `filed` there.
//!
//! # Examples
//!
//! ```
//! use dateline_eval::semeval::{score_timeline, Corpus};
//! use dateline::{Document, TimelineBuilder};
//!
//! let corpus = Corpus::from_json("tiny.json", r#"{
//!   "documents": [{"doc_id": "1", "dct": "2010-06-08",
//!     "text": "Jobs unveils phone\nSteve Jobs unveiled the phone on 7 June 2010."}],
//!   "timelines": [{"entity": "Steve Jobs", "timeline": [{"order": 1, "events": [
//!     {"date": "2010-06-07", "mentions": [{"doc_id": "1", "sentence": 1, "word": "unveiled"}]}]}]}]
//! }"#)?;
//! let d = &corpus.documents[0];
//! let doc = Document::new(d.doc_id.clone(), d.text.clone()).with_published_str("2010-06-08")?;
//! let timeline = TimelineBuilder::new().document(doc).build()?;
//! let eval = score_timeline(&corpus, &corpus.timelines[0], &timeline.about("Steve Jobs"));
//! assert_eq!(eval.score.found.count, 1);
//! assert_eq!(eval.score.dates.count, 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! [`awareness`]: crate::awareness

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use dateline::time::DateValue;
use dateline::timeline::{Event, Timeline};
use serde::{Deserialize, Serialize};

use super::{
    date_matches, gold_date, line_at, line_starts, same_trigger, Corpus, GoldTimeline, ShownEvent,
    TimelineEvent, TimelineMention,
};
use crate::awareness::{Awareness, Relation, TemporalGraph};
use crate::semeval::Share;

/// The figures of one system timeline against one gold timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineScore {
    /// The target entity.
    pub entity: String,
    /// Events on the gold timeline (order not 0).
    pub gold_events: usize,
    /// Of those, the ones without a gold date.
    pub undated_gold_events: usize,
    /// Events of the system's timeline.
    pub system_events: usize,
    /// Gold events found / gold events.
    pub found: Share,
    /// Found gold events with a date that the system dates right / found gold events with a
    /// date.
    pub dates: Share,
    /// Found gold events without a gold date.
    pub undated_found: usize,
    /// Pairs of found gold events at different positions that the system orders the same way /
    /// such pairs.
    pub order: Share,
    /// System events that match an event of the entity's gold timeline / system events.
    pub precision: Share,
    /// The task's measure: temporal awareness of the timelines as graphs.
    pub official: Awareness,
}

impl TimelineScore {
    /// The micro average of several timelines' figures: counts summed, then divided.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_eval::awareness::Awareness;
    /// use dateline_eval::semeval::{Share, TimelineScore};
    ///
    /// let one = |found, of| TimelineScore {
    ///     entity: "x".into(), gold_events: of, undated_gold_events: 0, system_events: 1,
    ///     found: Share::new(found, of), dates: Share::default(), undated_found: 0,
    ///     order: Share::default(), precision: Share::new(1, 1),
    ///     official: Awareness::new(1, 2, 1, 4),
    /// };
    /// let all = TimelineScore::micro("all", &[one(1, 4), one(3, 4)]);
    /// assert_eq!(all.found, Share::new(4, 8));
    /// assert_eq!(all.official.recall, 0.25);
    /// ```
    pub fn micro(entity: &str, scores: &[TimelineScore]) -> TimelineScore {
        let sum = |f: fn(&TimelineScore) -> Share| {
            scores.iter().map(f).fold(Share::default(), |acc, s| {
                Share::new(acc.count + s.count, acc.of + s.of)
            })
        };
        TimelineScore {
            entity: entity.to_owned(),
            gold_events: scores.iter().map(|s| s.gold_events).sum(),
            undated_gold_events: scores.iter().map(|s| s.undated_gold_events).sum(),
            system_events: scores.iter().map(|s| s.system_events).sum(),
            found: sum(|s| s.found),
            dates: sum(|s| s.dates),
            undated_found: scores.iter().map(|s| s.undated_found).sum(),
            order: sum(|s| s.order),
            precision: sum(|s| s.precision),
            official: Awareness::micro(scores.iter().map(|s| s.official)),
        }
    }
}

/// A gold event that was missed or dated wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldEventReport {
    /// Its position on the gold timeline.
    pub order: u32,
    /// Its gold date as written (`XXXX-XX-XX` included).
    pub date: String,
    /// Its mentions, `doc-sentence-word`.
    pub mentions: Vec<String>,
    /// The system event that took it, if any: the trigger of its first matching mention and
    /// its date.
    pub system: Option<ShownEvent>,
}

impl fmt::Display for GoldEventReport {
    /// `#3 2006-03 4596-2-filed 4596-2-lawsuit | system: "filed" 2006-03-27`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "#{} {} {}",
            self.order,
            self.date,
            self.mentions.join(" ")
        )?;
        match &self.system {
            Some(s) => write!(f, " | system: {s}"),
            None => f.write_str(" | system: nothing"),
        }
    }
}

/// The figures of one timeline, and its errors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEvaluation {
    /// The figures.
    pub score: TimelineScore,
    /// Gold events no system event matches, in gold order.
    pub missed: Vec<GoldEventReport>,
    /// Found gold events with a date that the system dates wrong (or not at all).
    pub wrong_dates: Vec<GoldEventReport>,
}

/// The figures of every target entity's timeline, and their micro average.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelinesEvaluation {
    /// One per gold timeline, in the corpus's order.
    pub entities: Vec<TimelineEvaluation>,
    /// The micro average over them (entity `"all"`).
    pub micro: TimelineScore,
}

/// Scores the merged `timeline` of the corpus's documents against every gold timeline, each
/// against the events of `timeline.about(entity)`.
pub fn score_timelines(corpus: &Corpus, timeline: &Timeline) -> TimelinesEvaluation {
    let entities: Vec<TimelineEvaluation> = corpus
        .timelines
        .iter()
        .map(|gold| score_timeline(corpus, gold, &timeline.about(&gold.entity)))
        .collect();
    let scores: Vec<TimelineScore> = entities.iter().map(|e| e.score.clone()).collect();
    TimelinesEvaluation {
        micro: TimelineScore::micro("all", &scores),
        entities,
    }
}

/// A date as the task's timelines write it: `YYYY-MM-DD` for a day, else `YYYY-MM` when the
/// date lies within one month, `YYYY` when within one year; `None` for a longer, partial or
/// out-of-range date.
///
/// # Examples
///
/// ```
/// use dateline_eval::semeval::task_date;
/// use dateline::time::DateValue;
///
/// let day = DateValue::Day { year: Some(2010), month: 6, day: 7 };
/// assert_eq!(task_date(&day).as_deref(), Some("2010-06-07"));
/// let week = DateValue::Week { year: Some(2010), week: Some(23) }; // 7–13 June
/// assert_eq!(task_date(&week).as_deref(), Some("2010-06"));
/// let straddling = DateValue::Week { year: Some(2010), week: Some(22) }; // 31 May – 6 June
/// assert_eq!(task_date(&straddling).as_deref(), Some("2010"));
/// assert_eq!(task_date(&DateValue::Decade(201)), None);
/// assert_eq!(task_date(&DateValue::Day { year: None, month: 6, day: 7 }), None);
/// ```
pub fn task_date(value: &DateValue) -> Option<String> {
    use chrono::Datelike;
    let iv = value.interval()?;
    let (s, e) = (iv.start, iv.end);
    if !(0..=9999).contains(&s.year()) {
        return None;
    }
    if s == e {
        Some(s.format("%Y-%m-%d").to_string())
    } else if (s.year(), s.month()) == (e.year(), e.month()) {
        Some(s.format("%Y-%m").to_string())
    } else if s.year() == e.year() {
        Some(s.format("%Y").to_string())
    } else {
        None
    }
}

/// A gold date with its unknown trailing parts dropped (`2008-03-XX` → `2008-03`), if it then
/// is a date.
fn gold_key(date: &str) -> Option<(String, DateValue)> {
    let mut s = date.trim();
    while let Some(head) = s.strip_suffix("-XX") {
        s = head;
    }
    gold_date(s).map(|d| (s.to_owned(), d))
}

/// A gold mention: where it is, its word, and its id.
struct GoldMention<'a> {
    doc: &'a str,
    sentence: usize,
    word: &'a str,
    /// `doc-sentence-word`, lower-cased, with any typo fix applied.
    id: String,
}

impl<'a> GoldMention<'a> {
    fn new(m: &'a TimelineMention) -> Self {
        let (doc, word) = m.fixed();
        GoldMention {
            doc,
            sentence: m.sentence,
            word,
            id: format!("{doc}-{}-{}", m.sentence, word.to_lowercase()),
        }
    }

    fn matches(&self, s: &SystemMention) -> bool {
        self.doc == s.doc && Some(self.sentence) == s.sentence && same_trigger(self.word, s.trigger)
    }
}

/// A gold event on a scored line.
struct GoldEvent<'a> {
    order: u32,
    date_text: &'a str,
    date: Option<(String, DateValue)>,
    mentions: Vec<GoldMention<'a>>,
}

/// A system mention, placed in the corpus's sentences.
struct SystemMention<'a> {
    doc: &'a str,
    /// `None` when the document is not in the corpus.
    sentence: Option<usize>,
    trigger: &'a str,
    start: usize,
}

/// Scores the system's timeline for one entity (already narrowed to it, e.g. with
/// [`Timeline::about`]) against its gold timeline; see the [module documentation](self).
pub fn score_timeline<'g>(
    corpus: &Corpus,
    gold: &'g GoldTimeline,
    system: &Timeline,
) -> TimelineEvaluation {
    let starts: HashMap<&str, Vec<usize>> = corpus
        .documents
        .iter()
        .map(|d| (d.doc_id.as_str(), line_starts(&d.text)))
        .collect();
    let sys: Vec<Vec<SystemMention>> = system
        .events
        .iter()
        .map(|e| {
            e.mentions
                .iter()
                .map(|m| SystemMention {
                    doc: &m.doc,
                    sentence: starts
                        .get(m.doc.as_str())
                        .map(|s| line_at(s, m.trigger.start)),
                    trigger: &m.trigger.text,
                    start: m.trigger.start,
                })
                .collect()
        })
        .collect();

    let gold_event = |order: u32, e: &'g TimelineEvent| GoldEvent {
        order,
        date_text: &e.date,
        date: gold_key(&e.date),
        mentions: e.mentions.iter().map(GoldMention::new).collect(),
    };
    let golds: Vec<GoldEvent> = gold
        .timeline
        .iter()
        .filter(|l| l.order != 0)
        .flat_map(|l| l.events.iter().map(move |e| (l.order, e)))
        .map(|(order, e)| gold_event(order, e))
        .collect();
    // Every mention of the entity's events, placed or not: what precision counts as right.
    let entity_mentions: Vec<GoldMention> = gold
        .timeline
        .iter()
        .flat_map(|l| &l.events)
        .chain(&gold.unanchored_events)
        .flat_map(|e| e.mentions.iter().map(GoldMention::new))
        .collect();

    // Each gold event's system event: the one with the most matching mention pairs.
    let taken: Vec<Option<usize>> = golds
        .iter()
        .map(|g| {
            let mut best: Option<(usize, usize)> = None;
            for (j, mentions) in sys.iter().enumerate() {
                let pairs = g
                    .mentions
                    .iter()
                    .map(|gm| mentions.iter().filter(|sm| gm.matches(sm)).count())
                    .sum::<usize>();
                if pairs > 0 && best.is_none_or(|(_, most)| pairs > most) {
                    best = Some((j, pairs));
                }
            }
            best.map(|(j, _)| j)
        })
        .collect();

    let report = |g: &GoldEvent, j: Option<usize>| GoldEventReport {
        order: g.order,
        date: g.date_text.to_owned(),
        mentions: g.mentions.iter().map(|m| m.id.clone()).collect(),
        system: j.map(|j| shown(&system.events[j], &sys[j], g)),
    };
    let mut missed = Vec::new();
    let mut wrong_dates = Vec::new();
    let (mut found, mut dated, mut right, mut undated_found) = (0, 0, 0, 0);
    for (g, &j) in golds.iter().zip(&taken) {
        let Some(j) = j else {
            missed.push(report(g, None));
            continue;
        };
        found += 1;
        let Some((_, date)) = &g.date else {
            undated_found += 1;
            continue;
        };
        dated += 1;
        if date_matches(system.events[j].when.as_ref(), std::slice::from_ref(date)) {
            right += 1;
        } else {
            wrong_dates.push(report(g, Some(j)));
        }
    }

    // Pairs of found gold events at different positions, and those the system orders alike.
    let placed: Vec<(u32, usize)> = golds
        .iter()
        .zip(&taken)
        .filter_map(|(g, j)| j.map(|j| (g.order, j)))
        .collect();
    let (mut pairs, mut agree) = (0, 0);
    for (i, &(oa, ja)) in placed.iter().enumerate() {
        for &(ob, jb) in &placed[i + 1..] {
            if oa == ob {
                continue;
            }
            pairs += 1;
            agree += usize::from(ja != jb && (oa < ob) == (ja < jb));
        }
    }

    let matched = sys
        .iter()
        .filter(|mentions| {
            mentions
                .iter()
                .any(|sm| entity_mentions.iter().any(|gm| gm.matches(sm)))
        })
        .count();

    let gold_graph = TemporalGraph::new(gold_relations(&golds));
    let system_graph = TemporalGraph::new(system_relations(system, &sys, &golds));

    TimelineEvaluation {
        score: TimelineScore {
            entity: gold.entity.clone(),
            gold_events: golds.len(),
            undated_gold_events: golds.iter().filter(|g| g.date.is_none()).count(),
            system_events: system.events.len(),
            found: Share::new(found, golds.len()),
            dates: Share::new(right, dated),
            undated_found,
            order: Share::new(agree, pairs),
            precision: Share::new(matched, sys.len()),
            official: gold_graph.awareness(&system_graph),
        },
        missed,
        wrong_dates,
    }
}

/// How a report shows the system event that took gold event `g`: the trigger of its first
/// mention that matches `g`, and its date.
fn shown(event: &Event, mentions: &[SystemMention], g: &GoldEvent) -> ShownEvent {
    let trigger = mentions
        .iter()
        .find(|sm| g.mentions.iter().any(|gm| gm.matches(sm)))
        .map_or("", |sm| sm.trigger);
    ShownEvent {
        trigger: trigger.to_owned(),
        when: event.when.map(|w| w.to_string()),
    }
}

/// The node of a date.
fn timex_node(date: &str) -> String {
    format!("TIMEX3 {date}")
}

/// One position of a timeline: its events, each with its date (as the task writes it) and the
/// ids of its mentions.
type Position = Vec<(Option<String>, Vec<String>)>;

/// The relations of a timeline given as positions in order (see the module documentation).
fn relations(positions: &[Position]) -> Vec<Relation> {
    let mut out = Vec::new();
    let mut previous: Option<&String> = None;
    for position in positions {
        for (date, ids) in position {
            if let Some(date) = date {
                let t = timex_node(date);
                out.extend(ids.iter().map(|id| Relation::simultaneous(id, &t)));
            }
        }
        let ids: Vec<&String> = position.iter().flat_map(|(_, ids)| ids).collect();
        out.extend(ids.windows(2).map(|w| Relation::simultaneous(w[0], w[1])));
        if let (Some(p), Some(&first)) = (previous, ids.first()) {
            out.push(Relation::before(p, first));
        }
        if let Some(&first) = ids.first() {
            previous = Some(first);
        }
    }
    out
}

fn gold_relations(golds: &[GoldEvent]) -> Vec<Relation> {
    let mut by_order: BTreeMap<u32, Position> = BTreeMap::new();
    for g in golds {
        by_order.entry(g.order).or_default().push((
            g.date.as_ref().map(|(key, _)| key.clone()),
            g.mentions.iter().map(|m| m.id.clone()).collect(),
        ));
    }
    relations(&by_order.into_values().collect::<Vec<_>>())
}

fn system_relations(
    system: &Timeline,
    sys: &[Vec<SystemMention>],
    golds: &[GoldEvent],
) -> Vec<Relation> {
    let mut positions: Vec<Position> = Vec::new();
    let mut last: Option<String> = None;
    for (event, mentions) in system.events.iter().zip(sys) {
        // Undated events would be order 0, which the task does not score.
        let Some(date) = event.when.as_ref().and_then(task_date) else {
            continue;
        };
        let ids = mentions
            .iter()
            .flat_map(|sm| system_ids(sm, golds))
            .collect();
        let entry = (Some(date.clone()), ids);
        match positions.last_mut() {
            Some(position) if last.as_ref() == Some(&date) => position.push(entry),
            _ => positions.push(vec![entry]),
        }
        last = Some(date);
    }
    relations(&positions)
}

/// The node ids of a system mention: those of the gold mentions it matches, else its own.
fn system_ids(sm: &SystemMention, golds: &[GoldEvent]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for gm in golds.iter().flat_map(|g| &g.mentions) {
        if gm.matches(sm) && !ids.contains(&gm.id) {
            ids.push(gm.id.clone());
        }
    }
    if ids.is_empty() {
        let word: String = sm.trigger.split_whitespace().collect::<Vec<_>>().join("_");
        ids.push(match sm.sentence {
            Some(s) => format!("{}-{s}-{word}", sm.doc),
            // Not a corpus document: no sentence to name, so the byte offset stands in.
            None => format!("{}-@{}-{word}", sm.doc, sm.start),
        });
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline::event::{EventAnchoring, TriggerClass};
    use dateline::timeline::{EventMentionRef, Span};

    /// Two documents; timeline "X":
    /// - #1 2009: a/2 "filed"
    /// - #2 2010-06: a/1 "met" + b/1 "met" (one event); #2 XXXX-XX-XX: a/3 "launched"
    /// - #3 2011-03-XX: b/2 "resigned"
    /// - #0 (not scored): b/1 "talks"; unanchored: a/2 "lawsuit".
    const CORPUS: &str = r#"{"documents": [
      {"doc_id": "a", "dct": "2010-06-08",
       "text": "Title A\nJobs met Cook.\nApple filed a lawsuit.\nThe phone launched."},
      {"doc_id": "b", "dct": "2011-03-02", "text": "Title B\nThey met for talks.\nCook resigned."}],
     "timelines": [{"entity": "X", "timeline": [
       {"order": 1, "events": [{"date": "2009", "mentions": [
         {"doc_id": "a", "sentence": 2, "word": "filed"}]}]},
       {"order": 2, "events": [
         {"date": "2010-06", "mentions": [{"doc_id": "a", "sentence": 1, "word": "met"},
                                          {"doc_id": "b", "sentence": 1, "word": "met"}]},
         {"date": "XXXX-XX-XX", "mentions": [{"doc_id": "a", "sentence": 3, "word": "launched"}]}]},
       {"order": 3, "events": [{"date": "2011-03-XX", "mentions": [
         {"doc_id": "b", "sentence": 2, "word": "resigned"}]}]},
       {"order": 0, "events": [{"date": "XXXX-XX-XX", "mentions": [
         {"doc_id": "b", "sentence": 1, "word": "talks"}]}]}],
      "unanchored_events": [{"date": "XXXX-XX-XX", "mentions": [
         {"doc_id": "a", "sentence": 2, "word": "lawsuit"}]}]}]}"#;

    fn corpus() -> Corpus {
        Corpus::from_json("t.json", CORPUS).unwrap_or_else(|e| panic!("{e}"))
    }

    fn span(text: &str, start: usize, end: usize) -> Span {
        Span {
            text: text[start..end].to_owned(),
            start,
            end,
            char_start: text[..start].chars().count(),
            char_end: text[..end].chars().count(),
        }
    }

    /// A system event dated `when` with a mention of `word` on line `line` of each document.
    fn event(corpus: &Corpus, when: Option<DateValue>, mentions: &[(&str, usize, &str)]) -> Event {
        let mentions = mentions
            .iter()
            .map(|&(doc, line, word)| {
                let text = &corpus
                    .documents
                    .iter()
                    .find(|d| d.doc_id == doc)
                    .unwrap_or_else(|| panic!("no document {doc}"))
                    .text;
                let starts = line_starts(text);
                let end_of_line = starts.get(line + 1).map_or(text.len(), |&s| s - 1);
                let start = starts[line]
                    + text[starts[line]..end_of_line]
                        .find(word)
                        .unwrap_or_else(|| panic!("no {word:?} on line {line} of {doc}"));
                EventMentionRef {
                    doc: doc.to_owned(),
                    sentence: span(text, starts[line], end_of_line),
                    trigger: span(text, start, start + word.len()),
                    folded: Vec::new(),
                    time: None,
                    when,
                    anchoring: EventAnchoring::None,
                }
            })
            .collect();
        Event {
            id: String::new(),
            when,
            class: TriggerClass::Other,
            lemma: String::new(),
            summary: String::new(),
            participants: vec![],
            location: None,
            mentions,
            conflict: None,
            confidence: 1.0,
        }
    }

    fn day(y: i32, m: u8, d: u8) -> Option<DateValue> {
        Some(DateValue::Day {
            year: Some(y),
            month: m,
            day: d,
        })
    }

    fn month(y: i32, m: u8) -> Option<DateValue> {
        Some(DateValue::Month {
            year: Some(y),
            month: Some(m),
        })
    }

    fn timeline(events: Vec<Event>) -> Timeline {
        // `Timeline` has a private field: fill a default one rather than name every field.
        let mut timeline = Timeline::default();
        timeline.events = events;
        timeline
    }

    /// The system timeline of the hand-computed figures, in this (deliberately unsorted) order.
    fn system(c: &Corpus) -> Timeline {
        timeline(vec![
            event(c, Some(DateValue::Year(2009)), &[("a", 2, "filed")]),
            event(c, day(2011, 2, 1), &[("b", 2, "resigned")]),
            event(c, day(2010, 6, 7), &[("a", 1, "met")]),
            event(c, month(2010, 6), &[("b", 1, "met")]),
            event(c, Some(DateValue::Year(2010)), &[("b", 1, "talks")]),
            event(c, Some(DateValue::Year(2012)), &[("a", 3, "phone")]),
        ])
    }

    #[test]
    fn hand_computed_figures() {
        let c = corpus();
        let e = score_timeline(&c, &c.timelines[0], &system(&c));
        let s = &e.score;
        assert_eq!(
            (s.gold_events, s.undated_gold_events, s.system_events),
            (4, 1, 6)
        );
        // Found: filed, met (its first system event, index 2, wins the tie with index 3),
        // resigned; missed: launched.
        assert_eq!(s.found, Share::new(3, 4));
        // 2009 is right for 2009, 2010-06-07 for 2010-06; 2011-02-01 is not March 2011.
        assert_eq!(s.dates, Share::new(2, 3));
        assert_eq!(s.undated_found, 0);
        // Positions 1, 2, 3 at system indexes 0, 2, 1: (1,2) and (1,3) agree, (2,3) does not.
        assert_eq!(s.order, Share::new(2, 3));
        // All but "phone" match an event of X (order-0 "talks" included).
        assert_eq!(s.precision, Share::new(5, 6));

        let missed: Vec<String> = e.missed.iter().map(ToString::to_string).collect();
        assert_eq!(missed, ["#2 XXXX-XX-XX a-3-launched | system: nothing"]);
        let wrong: Vec<String> = e.wrong_dates.iter().map(ToString::to_string).collect();
        assert_eq!(
            wrong,
            ["#3 2011-03-XX b-2-resigned | system: \"resigned\" 2011-02-01"]
        );
    }

    #[test]
    fn official_measure_by_hand() {
        let c = corpus();
        let e = score_timeline(&c, &c.timelines[0], &system(&c));
        // Gold core: filed=2009, a-met=2010-06, b-met=2010-06, b-met=launched, filed<a-met,
        // resigned=2011-03, a-met<resigned (a-met=b-met is entailed through 2010-06).
        // System core (every relation brings a new node): filed=2009, resigned=2011-02-01,
        // filed<resigned, a-met=2010-06-07, resigned<a-met, b-met=2010-06, a-met<b-met,
        // talks=2010, b-met<talks, phone=2012, talks<phone.
        let a = e.score.official;
        assert_eq!((a.gold_relations, a.system_relations), (7, 11));
        // Precision: filed=2009, filed<resigned (through a-met), b-met=2010-06.
        assert_eq!(a.precision_matched, 3);
        // Recall: filed=2009, b-met=2010-06, filed<a-met (through resigned).
        assert_eq!(a.recall_matched, 3);
        // P 3/11, R 3/7: F1 1/3.
        assert!((a.f1 - 1.0 / 3.0).abs() < 1e-12, "{}", a.f1);
    }

    #[test]
    fn the_gold_timeline_itself_scores_one() {
        let c = corpus();
        let system = timeline(vec![
            event(&c, Some(DateValue::Year(2009)), &[("a", 2, "filed")]),
            event(&c, month(2010, 6), &[("a", 1, "met"), ("b", 1, "met")]),
            event(&c, month(2011, 3), &[("b", 2, "resigned")]),
        ]);
        let e = score_timeline(&c, &c.timelines[0], &system);
        let s = &e.score;
        assert_eq!(s.found, Share::new(3, 4));
        assert_eq!(s.dates, Share::new(3, 3));
        assert_eq!(s.order, Share::new(3, 3));
        assert_eq!(s.precision, Share::new(3, 3));
        // Everything the system says holds in gold; only the undated "launched" is missing.
        assert_eq!(s.official.precision, 1.0);
        assert_eq!(
            (s.official.recall_matched, s.official.gold_relations),
            (6, 7)
        );
    }

    #[test]
    fn one_system_event_for_two_gold_positions_is_a_disagreement() {
        let c = corpus();
        let system = timeline(vec![event(
            &c,
            Some(DateValue::Year(2010)),
            &[("a", 2, "filed"), ("a", 1, "met")],
        )]);
        let s = score_timeline(&c, &c.timelines[0], &system).score;
        assert_eq!(s.found, Share::new(2, 4));
        assert_eq!(s.order, Share::new(0, 1));
        // 2010 is coarser than 2010-06 and not 2009.
        assert_eq!(s.dates, Share::new(0, 2));
    }

    #[test]
    fn nothing_scores_zero_and_micro_sums() {
        let c = corpus();
        let empty = score_timeline(&c, &c.timelines[0], &timeline(vec![])).score;
        assert_eq!(empty.found, Share::new(0, 4));
        assert_eq!(empty.precision, Share::new(0, 0));
        assert_eq!(empty.official.f1, 0.0);
        assert_eq!(empty.official.gold_relations, 7);
        let full = score_timeline(&c, &c.timelines[0], &system(&c)).score;
        let all = TimelineScore::micro("all", &[empty, full]);
        assert_eq!(all.found, Share::new(3, 8));
        assert_eq!(all.official.gold_relations, 14);
        assert_eq!(all.entity, "all");
    }

    #[test]
    fn every_entity_is_scored_against_its_about_timeline() {
        let c = corpus();
        // Events without participants are about no one.
        let eval = score_timelines(&c, &system(&c));
        assert_eq!(eval.entities.len(), 1);
        assert_eq!(eval.entities[0].score.system_events, 0);
        assert_eq!(eval.micro.gold_events, 4);
    }

    #[test]
    fn gold_dates_drop_unknown_parts() {
        let key = |s: &str| gold_key(s).map(|(k, _)| k);
        assert_eq!(key("2008-03-XX").as_deref(), Some("2008-03"));
        assert_eq!(key("2010-XX-XX").as_deref(), Some("2010"));
        assert_eq!(key("2010-06-07").as_deref(), Some("2010-06-07"));
        assert_eq!(key("XXXX-XX-XX"), None);
        assert_eq!(key("XXX-XX-XX"), None);
        assert_eq!(key("2010-13-XX"), None);
    }

    #[test]
    fn a_mention_outside_the_corpus_matches_nothing() {
        let c = corpus();
        let mut e = event(&c, Some(DateValue::Year(2009)), &[("a", 2, "filed")]);
        e.mentions[0].doc = "elsewhere".into();
        let s = score_timeline(&c, &c.timelines[0], &timeline(vec![e])).score;
        assert_eq!(s.found, Share::new(0, 4));
        assert_eq!(s.precision, Share::new(0, 1));
        assert_eq!(s.official.precision_matched, 0);
    }
}
