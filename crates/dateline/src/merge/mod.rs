//! The `merge` stage: cross-document and within-document event coreference, and the events
//! it makes.
//!
//! Mentions of one happening join when their trigger classes are compatible, their dates are
//! compatible (or a day or two apart, which reconciliation then reports as a conflict), they
//! share participants by name key, and their places do not disagree. Candidate pairs come from
//! blocks keyed by trigger class and calendar day, never from all pairs of the corpus; the
//! clusters are the same whatever the order of the input.
//!
//! Entry points, which [`pipeline`](crate::pipeline) calls pass after pass: `cluster_pass`
//! (mentions → clusters, with the nouns that refer back to them), `infer_published`
//! (clusters → the days an undated document may have been published) and `assemble_events`
//! (clusters → events, each reconciled by [`reconcile`](crate::reconcile), in timeline
//! order). The stage uses neither the pipeline nor readings: it works on extractions.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::sync::Arc;

use chrono::{Datelike, Days, NaiveDate};

use crate::document::PublishedSource;
use crate::entity::{EntityKind, NameKey};
use crate::event::{EventAnchoring, Extraction, Modality, Tense};
use crate::par::{par_map, Stop};
use crate::reconcile::{anchoring_weight, reconcile, Basis, MentionClaim, Policy};
use crate::text::CodePoints;
use crate::time::resolve::PAST_GRACE_DAYS;
use crate::time::{DateValue, Granularity, Interval};
use crate::timeline::{Event, EventMentionRef, EventParticipant, Span};
use crate::Document;

mod cluster;
mod model_file;
mod pair_model;
mod reference;
mod salience;

pub(crate) use cluster::{cluster_pass, Item, PairRecord};
pub use pair_model::{PairFeatures, PAIR_FEATURES};
pub(crate) use reference::Reference;
pub use salience::{RowFeatures, ROW_FEATURES};

fn span(text: &str, cps: &CodePoints, start: usize, end: usize) -> Span {
    Span {
        text: text.get(start..end).unwrap_or("").to_owned(),
        start,
        end,
        char_start: cps.to_code_point(start),
        char_end: cps.to_code_point(end),
    }
}

/// How long after the latest day it dates explicitly an article is taken to be published.
const NEWS_DAYS: u64 = 365;
/// How long after a day it names without its year ("on October 7") a document may have been
/// published, if that day is to keep its year at every publication day allowed: a past-tense
/// report may name a day up to [`PAST_GRACE_DAYS`] ahead, so a year less that grace.
const YEARLESS_DAYS: u64 = 364 - PAST_GRACE_DAYS as u64;

/// How long before the earliest dated article of a set, and after its latest, an article of
/// the set that nothing else dates is taken to be published: a story is told within weeks, and
/// commentary follows it for some months.
const STORY_BEFORE_DAYS: u64 = 31;
const STORY_AFTER_DAYS: u64 = 92;

/// How many days after the latest happening it shares with dated sources an undated article
/// is taken to be published.
const NEAR_DAYS: u64 = 7;

/// Whether a mention is told in the past tense, by its trigger or a word folded into it.
fn told_as_past(e: &crate::event::EventMention) -> bool {
    e.timeml.tense == Tense::Past || e.folded.iter().any(|f| f.timeml.tense == Tense::Past)
}

/// Moves `latest` to `day` if it is later (or there is none yet).
fn raise(latest: &mut Option<NaiveDate>, day: NaiveDate) {
    *latest = Some(latest.map_or(day, |d| d.max(day)));
}

fn tighten(bound: &mut [Option<(NaiveDate, NaiveDate)>], doc: usize, lo: NaiveDate, hi: NaiveDate) {
    bound[doc] = Some(match bound[doc] {
        Some((l, h)) => (l.max(lo), h.min(hi).max(l.max(lo))),
        None => (lo, hi),
    });
}

/// For each document whose publication date is not given: the days it may be, from the events
/// it shares with other documents. A year-less date that another source dates fully was in the
/// article's past year; a bare weekday that another source dates was in its past week; a
/// year-less date and a weekday of one event fix the year in which that day is that weekday.
/// A document nothing of this dates is published around the set's dated ones.
pub(crate) fn infer_published(
    documents: &[&Document],
    extractions: &[Arc<Extraction>],
    known: &[(Option<NaiveDate>, PublishedSource)],
    items: &[Item],
    clusters: &[Vec<usize>],
) -> Vec<Option<Interval>> {
    let open = |d: usize| {
        matches!(
            known[d].1,
            PublishedSource::Unknown | PublishedSource::Inferred
        )
    };
    // Only open documents get bounds: with none, there is nothing to look at.
    if !(0..documents.len()).any(open) {
        return vec![None; documents.len()];
    }
    let mut bound: Vec<Option<(NaiveDate, NaiveDate)>> = vec![None; documents.len()];
    // By item: whether a source with a date tells its happening as still to come ("the budget
    // vote on 16 December"). Such a day says nothing of whether an undated report was written
    // before or after it.
    let mut planned = vec![false; items.len()];
    for members in clusters {
        let future = members.iter().any(|&i| {
            let it = &items[i];
            !open(it.doc)
                && known[it.doc]
                    .0
                    .zip(it.when.interval())
                    .is_some_and(|(published, iv)| iv.start > published)
        });
        // An undated report that tells it in the past tense ("the government won the vote on
        // Wednesday") was written after it all the same.
        let past_here = |i: usize| {
            extractions[items[i].doc]
                .events
                .get(items[i].event)
                .is_some_and(told_as_past)
        };
        for &i in members.iter().filter(|_| future) {
            planned[i] = !past_here(i);
        }
    }
    // A document's own explicit past days: it was published after the latest of them, and,
    // news being news, within a year of it.
    let mut latest: Vec<Option<NaiveDate>> = vec![None; documents.len()];
    for (i, it) in items.iter().enumerate() {
        if open(it.doc) && it.explicit && !planned[i] {
            if let Some(iv) = it.when.interval().filter(|iv| iv.start == iv.end) {
                raise(&mut latest[it.doc], iv.start);
            }
        }
    }
    for (doc, day) in latest.iter().enumerate() {
        if let Some(lo) = *day {
            let hi = lo.checked_add_days(Days::new(NEWS_DAYS)).unwrap_or(lo);
            tighten(&mut bound, doc, lo, hi);
        }
    }
    // Its own future tense: a plan for a day it names in full ("the summit will open on 14
    // May 2026") was written before that day, and, news being news, within a year of it.
    for (doc, x) in extractions.iter().enumerate().filter(|&(d, _)| open(d)) {
        let earliest_plan = x
            .events
            .iter()
            .filter(|e| e.modality == Modality::Future && e.anchoring == EventAnchoring::Explicit)
            .filter_map(|e| e.when?.interval().filter(|iv| iv.start == iv.end))
            .map(|iv| iv.start)
            .min();
        if let Some(hi) = earliest_plan {
            let lo = hi.checked_sub_days(Days::new(NEWS_DAYS)).unwrap_or(hi);
            tighten(&mut bound, doc, lo, hi);
        }
    }
    // Events dated fully by some sources.
    for members in clusters {
        let mut days: BTreeMap<NaiveDate, usize> = BTreeMap::new();
        for &i in members.iter().filter(|&&i| !items[i].inherited) {
            if let Some(iv) = items[i].when.interval().filter(|iv| iv.start == iv.end) {
                *days.entry(iv.start).or_default() += 1;
            }
        }
        let Some((&day, _)) = days
            .iter()
            .max_by_key(|&(d, n)| (*n, std::cmp::Reverse(*d)))
        else {
            continue;
        };
        for &i in members {
            let it = &items[i];
            if !open(it.doc) || it.inherited || planned[i] {
                continue;
            }
            match it.when {
                DateValue::Day {
                    year: None,
                    month,
                    day: dd,
                } if u32::from(month) == day.month() && u32::from(dd) == day.day() => {
                    let hi = day
                        .checked_add_days(Days::new(YEARLESS_DAYS))
                        .unwrap_or(day);
                    tighten(&mut bound, it.doc, day, hi);
                }
                DateValue::Weekday(w) if day.weekday() == w => {
                    let hi = day.checked_add_days(Days::new(6)).unwrap_or(day);
                    tighten(&mut bound, it.doc, day, hi);
                }
                _ => {}
            }
        }
    }
    // Published near the latest happening it tells as news that dated sources date too:
    // within [`NEAR_DAYS`] after it (news reports what has just happened; a planned day is not
    // one).
    let mut latest_shared: Vec<Option<NaiveDate>> = vec![None; documents.len()];
    for members in clusters {
        // The day the dated sources give it, by their own words.
        let Some(day) = members
            .iter()
            .filter(|&&i| !open(items[i].doc) && !items[i].inherited)
            .filter_map(|&i| items[i].when.interval().filter(|iv| iv.start == iv.end))
            .map(|iv| iv.start)
            .min()
        else {
            continue;
        };
        for &i in members {
            let it = &items[i];
            // News is told by its weekday or its day ("on Wednesday", "on 10 March"); a date
            // in full ("in September 2022") tells history, which a later article recalls.
            if open(it.doc) && !it.inherited && !it.explicit && !planned[i] {
                raise(&mut latest_shared[it.doc], day);
            }
        }
    }
    for (doc, day) in latest_shared.iter().enumerate() {
        if let Some(lo) = *day {
            let hi = lo.checked_add_days(Days::new(NEAR_DAYS)).unwrap_or(lo);
            tighten(&mut bound, doc, lo, hi);
        }
    }
    // A year-less day and a weekday of one event: the year in which that day is that weekday,
    // within what is known of the sources' dates.
    for members in clusters {
        let partial = members.iter().find_map(|&i| match items[i].when {
            DateValue::Day {
                year: None,
                month,
                day,
            } => Some((month, day)),
            _ => None,
        });
        let weekday = members
            .iter()
            .filter(|&&i| !items[i].inherited)
            .find_map(|&i| match items[i].when {
                DateValue::Weekday(w) => Some(w),
                _ => None,
            });
        let (Some((month, dd)), Some(w)) = (partial, weekday) else {
            continue;
        };
        // The years the involved documents allow.
        let mut window: Option<(NaiveDate, NaiveDate)> = None;
        for &i in members {
            let doc_window = bound[items[i].doc].or_else(|| known[items[i].doc].0.map(|p| (p, p)));
            if let Some((lo, hi)) = doc_window {
                // The event lies in the year before the publication.
                let lo = lo.checked_sub_days(Days::new(364)).unwrap_or(lo);
                window = Some(match window {
                    Some((a, b)) => (a.max(lo), b.min(hi)),
                    None => (lo, hi),
                });
            }
        }
        let Some((lo, hi)) = window else { continue };
        let fits: Vec<NaiveDate> = (lo.year()..=hi.year())
            .filter_map(|y| NaiveDate::from_ymd_opt(y, u32::from(month), u32::from(dd)))
            .filter(|d| d.weekday() == w && *d >= lo && *d <= hi)
            .collect();
        let [day] = fits.as_slice() else { continue };
        for &i in members {
            let it = &items[i];
            if !open(it.doc) || it.inherited {
                continue;
            }
            let span = if matches!(it.when, DateValue::Weekday(_)) {
                6
            } else {
                YEARLESS_DAYS
            };
            let hi = day.checked_add_days(Days::new(span)).unwrap_or(*day);
            tighten(&mut bound, it.doc, *day, hi);
        }
    }
    // Nothing shared nor dated in full: an article of a story set was published around the
    // others. The window is wide (no "yesterday" resolves by it) but fixes the year of a day
    // said with its weekday ("Monday, 15 March"), and of a year-less day where every
    // publication day of the window agrees on it.
    let dated = || known.iter().filter_map(|k| k.0);
    if let (Some(first), Some(last)) = (dated().min(), dated().max()) {
        let lo = first
            .checked_sub_days(Days::new(STORY_BEFORE_DAYS))
            .unwrap_or(first);
        let hi = last
            .checked_add_days(Days::new(STORY_AFTER_DAYS))
            .unwrap_or(last);
        // A day it tells as past without its year ("the ash came down on 20 February") that
        // falls once in that window is that day: the article was written after it.
        let mut told_after: Vec<Option<NaiveDate>> = vec![None; documents.len()];
        for it in items.iter().filter(|it| !it.inherited) {
            let x = &extractions[it.doc];
            let event = x.events.get(it.event);
            // Its year may be one that bounds of an earlier pass gave it: the text still
            // named no year, and the day bounds this pass as it did that one.
            let year_guessed = || {
                event
                    .and_then(|e| x.timexes.get(e.time?))
                    .is_some_and(|t| t.anchoring != crate::time::Anchoring::Explicit)
            };
            let (month, day) = match it.when {
                DateValue::Day {
                    year: None,
                    month,
                    day,
                } => (month, day),
                DateValue::Day {
                    year: Some(_),
                    month,
                    day,
                } if year_guessed() => (month, day),
                _ => continue,
            };
            let past = event.is_some_and(told_as_past);
            if !past || !open(it.doc) || bound[it.doc].is_some() {
                continue;
            }
            let fits: Vec<NaiveDate> = (lo.year()..=hi.year())
                .filter_map(|y| NaiveDate::from_ymd_opt(y, u32::from(month), u32::from(day)))
                .filter(|d| *d >= lo && *d <= hi)
                .collect();
            if let [d] = fits.as_slice() {
                raise(&mut told_after[it.doc], *d);
            }
        }
        for (d, b) in bound.iter_mut().enumerate() {
            if open(d) && b.is_none() && known[d].0.is_none() {
                *b = Some((told_after[d].map_or(lo, |day| day.max(lo)), hi));
            }
        }
    }
    bound
        .into_iter()
        .map(|b| b.and_then(|(lo, hi)| Interval::new(lo, hi.max(lo))))
        .collect()
}

/// The events of the clusters, each assembled and reconciled, in timeline order (by date, then
/// granularity, then first mention), each with the features its confidence was weighed by;
/// `None` when stopped.
pub(crate) fn assemble_events(
    corpus: &Corpus<'_>,
    clusters: &[Vec<usize>],
    references: &[Vec<(usize, Reference)>],
    policy: &dyn Policy,
    source_weights: &BTreeMap<String, f64>,
    stop: Stop<'_>,
) -> Option<Vec<(Event, RowFeatures)>> {
    // Each event is assembled and reconciled on its own: on all cores with `rayon`.
    let events: Vec<(Event, RowFeatures)> = par_map(clusters, |ci, members| {
        (!stop.now()).then(|| {
            assemble(
                members,
                references.get(ci).map_or(&[][..], Vec::as_slice),
                corpus,
                policy,
                source_weights,
            )
        })
    })
    .into_iter()
    .collect::<Option<_>>()?;
    // The keys are computed once, not at each comparison: a date's interval is calendar work.
    let mut order: Vec<_> = events
        .iter()
        .enumerate()
        .map(|(i, (e, _))| {
            let when = (
                e.when.and_then(|w| w.interval()).map(|iv| iv.start),
                e.when.map(|w| w.granularity()),
            );
            (when, first_mention(e), i)
        })
        .collect();
    order.sort_unstable();
    let order: Vec<usize> = order.into_iter().map(|(_, _, i)| i).collect();
    let mut slots: Vec<Option<(Event, RowFeatures)>> = events.into_iter().map(Some).collect();
    Some(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take))
            .collect(),
    )
}

fn first_mention(e: &Event) -> (&str, usize) {
    e.mentions
        .first()
        .map_or(("", 0), |m| (m.doc.as_str(), m.trigger.start))
}

/// What the documents gave: the mentions to merge and, by document, its text, what was read
/// in it, its code-point offsets and its publication bounds.
pub(crate) struct Corpus<'a> {
    pub items: &'a [Item],
    pub documents: &'a [&'a Document],
    pub extractions: &'a [Arc<Extraction>],
    pub code_points: &'a [CodePoints],
    pub bounds: &'a [Option<Interval>],
    /// Where each document's publication date came from.
    pub published: &'a [PublishedSource],
}

/// The most participants of a happening a new name is compared with to find its other
/// spellings.
const MAX_NAME_COMPARISONS: usize = 64;

/// The most distinct dates of one source in one happening that its coarser claims are
/// compared with.
const MAX_DATES_PER_SOURCE: usize = 64;

/// Turns a cluster of mentions into an event.
fn assemble(
    members: &[usize],
    references: &[(usize, Reference)],
    corpus: &Corpus<'_>,
    policy: &dyn Policy,
    source_weights: &BTreeMap<String, f64>,
) -> (Event, RowFeatures) {
    let Corpus {
        items,
        documents,
        extractions,
        code_points,
        bounds,
        published,
    } = *corpus;
    // With the index of their document: documents are in id order, so sorting by index sorts
    // by id without comparing the ids.
    let mut mentions: Vec<(usize, EventMentionRef)> = Vec::with_capacity(members.len());
    let mut claims = Vec::new();
    // By folded name: the longest name, its key (an entity's key is that of its name, so
    // names need not be folded again here), and the other spellings, all borrowed from what
    // the documents gave until the event is built.
    let mut names: BTreeMap<&[String], (&str, &NameKey, BTreeSet<&str>)> = BTreeMap::new();
    let mut places: BTreeMap<&str, usize> = BTreeMap::new();
    let mut strongest: Option<(f64, usize)> = None;
    for &i in members {
        let it = &items[i];
        let doc = &documents[it.doc];
        let x = &extractions[it.doc];
        let e = &x.events[it.event];
        let cps = &code_points[it.doc];
        let sentence = &x.segmented.sentences[e.sentence];
        let time = e.time.map(|ti| {
            let t = &x.timexes[ti];
            (span(&doc.text, cps, t.start, t.end), t.value.timex())
        });
        let source_weight = source_weights.get(&doc.id).copied().unwrap_or(1.0);
        // Why the date weighs what it does is only worth reading again (see `Basis::of`)
        // where there are other claims to weigh it against; a lone mention's weight only
        // sets the event's confidence.
        let (basis, weight) = if members.len() > 1 {
            let expression = time.as_ref().map(|(span, _)| span.text.as_str());
            let basis = Basis::of(e.anchoring, expression, &it.when, published[it.doc]);
            (basis, basis.weight())
        } else {
            let basis = Basis::of(e.anchoring, None, &it.when, published[it.doc]);
            (basis, anchoring_weight(e.anchoring, &it.when))
        };
        let weight = weight * source_weight;
        claims.push(MentionClaim {
            when: it.when,
            doc: doc.id.clone(),
            weight,
            basis,
            source_weight,
            mention: mentions.len(),
            explicit: e.anchoring == EventAnchoring::Explicit,
            published_within: bounds.get(it.doc).copied().flatten(),
        });
        if strongest.is_none_or(|(w, _)| weight > w) {
            strongest = Some((weight, i));
        }
        for p in &e.participants {
            let ent = &x.entities.entities[p.entity];
            if ent.kind == EntityKind::Place {
                continue;
            }
            let surface = doc
                .text
                .get(x.entities.mentions[p.mention].start..x.entities.mentions[p.mention].end)
                .unwrap_or("");
            // Spellings of one key gather under its longest name.
            let entry = names
                .entry(ent.key.parts.as_slice())
                .or_insert_with(|| (ent.name.as_str(), &ent.key, BTreeSet::new()));
            if ent.name.len() > entry.0.len() {
                let old = std::mem::replace(&mut entry.0, ent.name.as_str());
                entry.1 = &ent.key;
                entry.2.insert(old);
            }
            if surface != entry.0 && !surface.is_empty() {
                entry.2.insert(surface);
            }
            // The other names the text gives it ("International Monetary Fund" of "IMF"), so
            // that a view about any of them finds the event.
            entry.2.extend(
                ent.aliases
                    .iter()
                    .map(String::as_str)
                    .filter(|a| *a != entry.0),
            );
        }
        if let Some(mi) = e.location {
            let ent = &x.entities.entities[x.entities.mentions[mi].entity];
            *places.entry(ent.name.as_str()).or_default() += 1;
        }
        mentions.push((
            it.doc,
            EventMentionRef {
                doc: doc.id.clone(),
                sentence: span(&doc.text, cps, sentence.start, sentence.end),
                trigger: span(&doc.text, cps, e.trigger_start, e.trigger_end),
                folded: e
                    .folded
                    .iter()
                    .map(|f| span(&doc.text, cps, f.start, f.end))
                    .collect(),
                time,
                when: e.when,
                anchoring: e.anchoring,
            },
        ));
    }
    // Its id comes from the mentions that date it, before the references join them.
    let mut dated: Vec<&(usize, EventMentionRef)> = mentions.iter().collect();
    dated.sort_by_key(|(doc, m)| (*doc, m.trigger.start));
    let id = event_id(dated.iter().map(|(_, m)| m));
    // Nouns that refer back to it ("the quake") are reports of it with no date of their own.
    for &(di, r) in references {
        let doc = &documents[di];
        let cps = &code_points[di];
        let Some(sentence) = extractions[di].segmented.sentences.get(r.sentence) else {
            continue;
        };
        mentions.push((
            di,
            EventMentionRef {
                doc: doc.id.clone(),
                sentence: span(&doc.text, cps, sentence.start, sentence.end),
                trigger: span(&doc.text, cps, r.start, r.end),
                folded: Vec::new(),
                time: None,
                when: None,
                anchoring: EventAnchoring::None,
            },
        ));
    }
    // Mentions in (document, offset) order; `place[i]` is where the i-th one read went.
    let mut sorted: Vec<usize> = (0..mentions.len()).collect();
    sorted.sort_by_key(|&i| (mentions[i].0, mentions[i].1.trigger.start));
    let mut place = vec![0; mentions.len()];
    for (to, &from) in sorted.iter().enumerate() {
        place[from] = to;
    }
    let mut slots: Vec<Option<EventMentionRef>> =
        mentions.into_iter().map(|(_, m)| Some(m)).collect();
    let mentions: Vec<EventMentionRef> = sorted
        .iter()
        .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
        .collect();
    // A document's coarser claim that one of its finer claims falls in says nothing more
    // ("in 2022" beside its own "9 September"): it is left out, so that a source is never
    // counted for two dates it does not both give.
    // Each claim is compared with its document's distinct dates only: one document's
    // thousand copies of a report cost no more than one.
    let mut dates_of: BTreeMap<&str, Vec<DateValue>> = BTreeMap::new();
    for c in &claims {
        let dates = dates_of.entry(c.doc.as_str()).or_default();
        if !dates.contains(&c.when) && dates.len() < MAX_DATES_PER_SOURCE {
            dates.push(c.when);
        }
    }
    let subsumed: Vec<bool> = claims
        .iter()
        .map(|c| {
            dates_of.get(c.doc.as_str()).is_some_and(|dates| {
                dates.iter().any(|o| {
                    *o != c.when && o.granularity() > c.when.granularity() && o.compatible(&c.when)
                })
            })
        })
        .collect();
    let mut k = 0;
    claims.retain(|_| {
        k += 1;
        !subsumed[k - 1]
    });
    let (when, mut conflict, confidence) = reconcile(&claims, policy);
    if let Some(c) = &mut conflict {
        for claim in &mut c.claims {
            for ev in &mut claim.evidence {
                ev.mention = place.get(ev.mention).copied().unwrap_or(ev.mention);
            }
            claim.evidence.sort_by_key(|ev| ev.mention);
        }
    }
    // How sure the timeline is that this is a happening: each mention is a chance that it is,
    // its model's confidence weighed by how it is dated and what kind of event it is; mentions
    // from more sentences and sources make it surer.
    let unsure: f64 = members
        .iter()
        .map(|&i| {
            let it = &items[i];
            let e = &extractions[it.doc].events[it.event];
            1.0 - mention_confidence(e, &it.when, it.first_in_sentence)
        })
        .product();
    let happening = 1.0 - unsure;
    let disputed = conflict.is_some();
    let lead = strongest.map_or(members[0], |(_, i)| i);
    let lead_item = &items[lead];
    let lead_event = &extractions[lead_item.doc].events[lead_item.event];
    let lead_sentence = &extractions[lead_item.doc].segmented.sentences[lead_event.sentence];
    let summary = one_line(
        documents[lead_item.doc]
            .text
            .get(lead_sentence.start..lead_sentence.end)
            .unwrap_or(""),
    );
    // Merge spellings whose keys match (partial names, transliterations) under one name;
    // each is compared with the first few of its name class only, so that a happening with
    // thousands of participants costs linear time.
    let mut merged: Vec<(&str, &NameKey, Vec<&str>)> = Vec::new();
    for (_, (name, key, aliases)) in names {
        let class = key.block();
        match merged
            .iter_mut()
            .filter(|p| p.1.block() == class)
            .take(MAX_NAME_COMPARISONS)
            .find(|p| p.1.matches(key))
        {
            Some(p) => {
                let other = if name.len() > p.0.len() {
                    p.1 = key;
                    std::mem::replace(&mut p.0, name)
                } else {
                    name
                };
                p.2.push(other);
                p.2.extend(aliases);
            }
            None => merged.push((name, key, aliases.into_iter().collect())),
        }
    }
    let participants: Vec<EventParticipant> = merged
        .into_iter()
        .map(|(name, key, mut aliases)| {
            aliases.retain(|a| *a != name);
            aliases.sort_unstable();
            aliases.dedup();
            EventParticipant {
                name: name.to_owned(),
                aliases: aliases.into_iter().map(str::to_owned).collect(),
                key: key.clone(),
            }
        })
        .collect();
    let location = places
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(name, _)| name.to_owned());
    // Sure of the date as far as the sources agree: a disagreement makes it less sure by the
    // chosen claim's share, and a date coarser than a day a little.
    let rule = happening
        * if disputed {
            0.5 + confidence / 1.8
        } else {
            1.0
        }
        * if when.is_some_and(|w| w.granularity() >= Granularity::Day) {
            1.0
        } else {
            0.9
        };
    let features = salience::of_cluster(
        members,
        lead,
        corpus,
        when.as_ref(),
        disputed,
        rule,
        references.len(),
    );
    let event = Event {
        id,
        when,
        class: lead_event.class,
        lemma: lead_event.lemma.to_string(),
        summary,
        participants,
        location,
        mentions,
        conflict,
        confidence: salience::row_confidence(&features),
    };
    (event, features)
}

/// The sentences at the head of an article, whose undated happenings are the story's news.
const LEDE_SENTENCES: usize = 3;

/// How likely a mention is to be a happening of the timeline dated right: its model's
/// confidence, times how it was dated (by words of its own clause, resolved against the
/// publication or the story's day, most; a happening of the lede that takes the story's day
/// less; one that only inherits a date further down is a guess), times how much its kind of
/// event is a happening (statements and states less so), times whether it is its sentence's
/// first happening (the others are mostly its details: "struck on Thursday, flattening
/// homes").
fn mention_confidence(e: &crate::event::EventMention, when: &DateValue, first: bool) -> f64 {
    use crate::event::EventClass;
    let own_words = e.time.is_some();
    let dating = match e.anchoring {
        EventAnchoring::Explicit => 0.9,
        EventAnchoring::Publication if own_words => 0.9,
        EventAnchoring::Narrative if own_words => 0.8,
        EventAnchoring::Inherited | EventAnchoring::Publication | EventAnchoring::Narrative
            if e.sentence <= LEDE_SENTENCES =>
        {
            0.4
        }
        EventAnchoring::None if matches!(when, DateValue::Day { .. } | DateValue::Month { .. }) => {
            0.85
        }
        _ => 0.25,
    };
    let class = match e.timeml.class {
        EventClass::Occurrence | EventClass::Aspectual | EventClass::IAction => 1.0,
        EventClass::Perception => 0.8,
        EventClass::Reporting => 0.5,
        EventClass::State | EventClass::IState => 0.3,
    };
    let salience = if first { 1.0 } else { 0.3 };
    f64::from(e.confidence) * dating * class * salience
}

/// `s` with its runs of white space made single spaces and its ends trimmed.
fn one_line(s: &str) -> String {
    // Most sentences are one line with single ASCII spaces already: copy those as they are.
    let bytes = s.as_bytes();
    let plain = s.is_ascii()
        && bytes.first().is_none_or(|&b| b != b' ')
        && bytes.last().is_none_or(|&b| b != b' ')
        && !bytes.windows(2).any(|w| w == b"  ")
        && !bytes
            .iter()
            .any(|&b| matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r'));
    if plain {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A stable id from the event's mentions (FNV-1a over document ids and trigger offsets).
fn event_id<'a>(mentions: impl Iterator<Item = &'a EventMentionRef>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for m in mentions {
        for b in m
            .doc
            .bytes()
            .chain(m.trigger.start.to_le_bytes())
            .chain([0xff])
        {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let mut id = String::with_capacity(17);
    // Writing to a String cannot fail.
    let _ = write!(id, "e{h:016x}");
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_is_the_words_joined_by_single_spaces() {
        for s in [
            "",
            " ",
            "One line.",
            " lead and trail ",
            "two  spaces",
            "tab\there",
            "new\nline",
            "vertical\u{b}tab",
            "no\u{a0}break and\u{2009}thin",
            "ünïcode  words",
        ] {
            let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(one_line(s), joined, "{s:?}");
        }
    }
}
