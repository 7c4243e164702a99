//! "Three days after the vote": a length before "after" or "before" counts from a happening
//! the story has told, or from a day it names ("eight days after Oct. 12").
//!
//! TimeML marks "three days" there as a duration, so the time stage leaves it one; here the
//! happenings of its sentence take the day it points at. Without that, they would inherit the
//! narrative's day, which the length says they are not on.

use std::sync::Arc;

use chrono::{Datelike, Months, NaiveDate};
use rustc_hash::FxHashMap;

use super::find::Word;
use super::{CountedFrom, EventAnchoring, EventMention, Extraction, Modality, Tense};
use crate::calendar::{Duration, DurationUnit, TimexValue};
use crate::entity::NameKey;
use crate::time::{DateValue, Timex, TimexType};
use crate::vocab::concepts::{self, Kinship, Pos};
use crate::vocab::wordnet;

/// The most words between "after" and the word naming what it counts from ("after the
/// party's bitter leadership vote").
const REFERENT_WORDS: usize = 6;

/// How many of the document's earlier mentions are searched for the happening a length
/// counts from: the story has told it recently, and the search stays linear in the text.
const LOOK_BACK: usize = 200;
/// The most such phrases of one sentence that are read: a sentence tells a few, and each
/// visits the sentence's mentions.
const PHRASES: usize = 8;

/// Dates the happenings of the sentence whose events are `out[first..]` when a length before
/// "after" or "before" (`sentence_timexes`, indexes into `timexes`) places them: the day
/// the length points at, counted from the latest earlier happening of the document that the
/// words after it name (by lemma or a WordNet concept in common), or from the day they name.
/// Where nothing named can be found, a happening that had only inherited the narrative's day
/// is left undated. Returns the day set and the expression, for the narrative to move to.
pub(super) fn date_by_offset(
    text: &str,
    words: &[Word<'_>],
    timexes: &[Timex],
    sentence_timexes: std::ops::Range<usize>,
    out: &mut [EventMention],
    first: usize,
) -> Option<(DateValue, usize)> {
    let mut moved = None;
    let phrases = sentence_timexes
        .filter_map(|ti| offset_phrase(words, timexes, ti))
        .take(PHRASES);
    for phrase in phrases {
        moved = date_phrase(text, words, timexes, phrase, out, first).or(moved);
    }
    moved
}

/// [`date_by_offset`] for one phrase: its expression, length, direction and the word "after"
/// or "before".
fn date_phrase(
    text: &str,
    words: &[Word<'_>],
    timexes: &[Timex],
    Phrase {
        timex: ti,
        length,
        sign,
        after_word,
        own,
    }: Phrase,
    out: &mut [EventMention],
    first: usize,
) -> Option<(DateValue, usize)> {
    let phrase_word = words.partition_point(|w| w.token.start < timexes[ti].start);
    // The words that name what the length counts from: up to a comma or the clause's end.
    // Up to a comma, a conjunction, a pronoun or a verb: an opening phrase without its comma
    // ends where its clause's subject or verb begins ("The day after the vote he resigned").
    let verb_at = |w: &Word<'_>| {
        out[first.min(out.len())..]
            .iter()
            .any(|m| m.trigger_start == w.token.start && m.timeml.tense != Tense::None)
    };
    let np_end = words[after_word + 1..]
        .iter()
        .take(REFERENT_WORDS)
        .position(|w| {
            is_boundary(w.lower)
                || matches!(
                    w.lower,
                    "and" | "but" | "he" | "she" | "they" | "it" | "we" | "i" | "you"
                )
                || verb_at(w)
        })
        .map_or((after_word + 1 + REFERENT_WORDS).min(words.len()), |p| {
            after_word + 1 + p
        });
    let byte = |k: usize| words.get(k).map_or(usize::MAX, |w| w.token.start);
    let in_np = |start: usize| start >= byte(after_word + 1) && start < byte(np_end);
    // What the phrase governs: opening its clause ("Three days after the vote, the minister
    // resigned"), the clause after it; else the clause it closes ("the minister resigned
    // three days after the vote").
    let opens = (0..phrase_word)
        .rev()
        .find(|&k| !is_adverb(words[k].lower))
        .is_none_or(|k| is_quote(words[k].token.text(text)));
    let scope = if opens {
        let stop = (np_end..words.len())
            .skip(1)
            .find(|&k| words[k].lower == ";" || is_quote(words[k].token.text(text)))
            .unwrap_or(words.len());
        byte(np_end)..byte(stop)
    } else {
        let mut k = phrase_word;
        while k > 0 && (words[k - 1].lower == "," || is_adverb(words[k - 1].lower)) {
            k -= 1;
        }
        let from = (0..k)
            .rev()
            .find(|&j| is_boundary(words[j].lower) || is_quote(words[j].token.text(text)))
            .map_or(0, |j| j + 1);
        byte(from)..byte(phrase_word)
    };
    let (earlier, here) = out.split_at_mut(first.min(out.len()));
    // A clause with a date of its own counts from that date instead ("launched on Friday,
    // two days after a first attempt was scrubbed"): the clause rules date it.
    let dated_here = here.iter().any(|m| {
        scope.contains(&m.trigger_start)
            && m.time.is_some_and(|t| {
                !(own && t == ti) && timexes.get(t).is_some_and(|t| t.value.date().is_some())
            })
    });
    // What the length counts from, named in the phrase, is that much before the day of the
    // clause it closes ("the grounding came on Sunday, two days after the accident": the
    // accident on Friday), not on it.
    if !own {
        date_named_from_clause(here, timexes, ti, length, sign, in_np);
    }
    if dated_here {
        return None;
    }
    // A day named after "after" ("eight days after Oct. 12").
    let named_day = timexes
        .iter()
        .skip(ti + 1)
        .take_while(|t| t.start < byte(np_end))
        .filter(|t| matches!(t.kind, TimexType::Date) && in_np(t.start))
        .find_map(|t| full_day(t.value.date()?));
    // Nouns that can name a happening ("the vote", "the seizure").
    let nouns: Vec<&'static str> = if named_day.is_some() {
        Vec::new()
    } else {
        words[after_word + 1..np_end]
            .iter()
            .filter_map(|w| wordnet::lemmas(w.lower).1)
            .filter(|n| concepts::of(n, Pos::Noun).is_some())
            .collect()
    };
    // The latest earlier report of the happening named, dated by its own words if one is: a
    // mention that only took the narrative's day ("The vote has raised questions") says
    // when the story was, not when the happening was.
    let referent = named_day.or_else(|| {
        let mut latest = None;
        let reports = earlier
            .iter()
            .rev()
            .take(LOOK_BACK)
            .filter(|e| e.modality == Modality::Actual && e.timeline)
            .filter(|e| {
                // Or by a word folded into it ("suspended" of "suspended the licence").
                nouns.iter().any(|l| {
                    names_same(l, &e.lemma) || e.folded.iter().any(|f| names_same(l, &f.lemma))
                })
            });
        for e in reports {
            let Some(day) = e.when.as_ref().and_then(full_day) else {
                continue;
            };
            if e.anchoring != EventAnchoring::Inherited {
                return Some(day);
            }
            latest.get_or_insert(day);
        }
        latest
    });
    let mut moved = None;
    for m in here.iter_mut() {
        if in_np(m.trigger_start) {
            // The happening counted from, named again: its day where the story gave it; else,
            // for "the day after the vote" dated from the narrative, the day before that.
            let own_day = || {
                let day = full_day(timexes.get(ti)?.value.date()?)?;
                shift(day, length, -sign)
            };
            if let Some(day) = referent {
                m.when = Some(DateValue::from_date(day));
                m.anchoring = EventAnchoring::Inherited;
            } else if let Some(when) = own_day().filter(|_| own && m.time == Some(ti)) {
                m.when = Some(when);
            }
            continue;
        }
        if !scope.contains(&m.trigger_start) || m.time.is_some_and(|t| !(own && t == ti)) {
            continue;
        }
        if referent.is_none() && !nouns.is_empty() && length.amount.is_some() {
            // Another report of the story may date what it counts from.
            m.counted_from = Some(CountedFrom {
                nouns: nouns.clone(),
                length,
                sign: if sign < 0 { -1 } else { 1 },
                timex: ti,
            });
        }
        match referent.and_then(|day| shift(day, length, sign)) {
            Some(when) => {
                m.time = Some(ti);
                count_from(m, when);
                moved = Some((when, ti));
            }
            // Days or weeks after something the story did not date, or some length after
            // anything: not the narrative's day. ("The day after the vote" keeps the day the
            // narrative gives it.)
            None if !own
                && (length.amount.is_none()
                    || matches!(length.unit, DurationUnit::Day | DurationUnit::Week))
                && m.anchoring == EventAnchoring::Inherited =>
            {
                undate(m);
            }
            None => {}
        }
    }
    moved.filter(|(v, _)| matches!(v, DateValue::Day { .. }))
}

/// Dates the happenings named after "after" or "before" (`in_np`) that took the day of an
/// expression before the phrase (the clause's day): `length` before it (for "after") or after
/// it (for "before").
fn date_named_from_clause(
    here: &mut [EventMention],
    timexes: &[Timex],
    ti: usize,
    length: Duration,
    sign: i32,
    in_np: impl Fn(usize) -> bool,
) {
    let Some(phrase_start) = timexes.get(ti).map(|t| t.start) else {
        return;
    };
    for m in here.iter_mut().filter(|m| in_np(m.trigger_start)) {
        let Some(t) = m.time.filter(|&t| t != ti) else {
            continue;
        };
        let day = timexes
            .get(t)
            .filter(|x| x.end <= phrase_start)
            .and_then(|x| full_day(x.value.date()?));
        if let Some(when) = day.and_then(|d| shift(d, length, -sign)) {
            m.when = Some(when);
            m.anchoring = EventAnchoring::Narrative;
            m.inherited_from = None;
            // A happening the clause counts from, dated by it: a report of that happening.
            m.timeline = m.modality == Modality::Actual && super::happen::is_happening(m);
        }
    }
}

/// Dates a mention on the day a length counts to from a happening.
fn count_from(m: &mut EventMention, when: DateValue) {
    let was_dated = m.when.is_some_and(|v| !matches!(v, DateValue::Unknown(_)));
    m.when = Some(when);
    m.anchoring = EventAnchoring::Narrative;
    m.inherited_from = None;
    if !was_dated {
        m.timeline = matches!(m.modality, Modality::Actual | Modality::Future)
            && super::happen::is_happening(m);
    }
}

/// How many names two documents share at least for one to date what the other counts from:
/// they tell one story.
const RELATED_NAMES: usize = 2;

/// Dates the mentions whose clause counts from a happening their own document does not date
/// ([`EventMention::counted_from`]): from the day that the most other documents of the story
/// (sharing [`RELATED_NAMES`] names with it) give a happening of that name by the words of
/// its clause, the earliest such day on a tie. Documents are looked at only if they have such
/// mentions; the result does not depend on the documents' order.
pub(crate) fn date_across(extractions: &mut [Arc<Extraction>]) {
    let pending: Vec<usize> = (0..extractions.len())
        .filter(|&i| {
            extractions[i]
                .events
                .iter()
                .any(|e| e.counted_from.is_some())
        })
        .collect();
    if pending.is_empty() {
        return;
    }
    // Each document's names as numbers, one per distinct key: the count of names two
    // documents share is the same, and comparing every pending document with every other
    // compares numbers, not the keys' words.
    let mut ids: FxHashMap<&NameKey, usize> = FxHashMap::default();
    let names: Vec<Vec<usize>> = extractions
        .iter()
        .map(|x| {
            let mut keys: Vec<usize> = x
                .entities
                .entities
                .iter()
                .map(|e| {
                    let next = ids.len();
                    *ids.entry(&e.key).or_insert(next)
                })
                .collect();
            keys.sort_unstable();
            keys.dedup();
            keys
        })
        .collect();
    drop(ids);
    let mut dated: Vec<(usize, Vec<(usize, DateValue)>)> = Vec::new();
    for &i in &pending {
        let related: Vec<usize> = (0..extractions.len())
            .filter(|&j| {
                j != i
                    && crate::sorted::common(&names[i], &names[j], RELATED_NAMES) >= RELATED_NAMES
            })
            .collect();
        let events = &extractions[i].events;
        let mut found = Vec::new();
        for (ei, e) in events.iter().enumerate() {
            let Some(counted) = &e.counted_from else {
                continue;
            };
            let Some(when) = referent_day(extractions, &related, &counted.nouns)
                .and_then(|day| shift(day, counted.length, i32::from(counted.sign)))
            else {
                continue;
            };
            found.push((ei, when));
            // What inherits the narrative's day from the phrase moves with it.
            found.extend(
                events
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| {
                        f.counted_from.is_none()
                            && f.anchoring == EventAnchoring::Inherited
                            && f.inherited_from == Some(counted.timex)
                    })
                    .map(|(fi, _)| (fi, when)),
            );
        }
        dated.push((i, found));
    }
    for (i, found) in dated {
        if found.is_empty() {
            continue;
        }
        let x = Arc::make_mut(&mut extractions[i]);
        for (ei, when) in found {
            match x.events.get_mut(ei) {
                Some(m) if m.counted_from.is_some() => count_from(m, when),
                Some(m) => m.when = Some(when),
                None => {}
            }
        }
    }
}

/// The day that the most of documents `related` give a happening that one of `nouns` names,
/// by the words of its clause (the earliest on a tie).
fn referent_day(
    extractions: &[Arc<Extraction>],
    related: &[usize],
    nouns: &[&str],
) -> Option<NaiveDate> {
    // (day, document) of each report, one per document and day.
    let mut reports: Vec<(NaiveDate, usize)> = related
        .iter()
        .flat_map(|&j| {
            extractions[j]
                .events
                .iter()
                .filter(|e| {
                    e.modality == Modality::Actual
                        && e.timeline
                        && e.counted_from.is_none()
                        && matches!(
                            e.anchoring,
                            EventAnchoring::Explicit | EventAnchoring::Publication
                        )
                        && nouns.iter().any(|n| {
                            names_same(n, &e.lemma)
                                || e.folded.iter().any(|f| names_same(n, &f.lemma))
                        })
                })
                .filter_map(move |e| Some((full_day(e.when.as_ref()?)?, j)))
        })
        .collect();
    reports.sort_unstable();
    reports.dedup();
    let mut best: Option<(usize, NaiveDate)> = None;
    for run in reports.chunk_by(|a, b| a.0 == b.0) {
        if best.is_none_or(|(n, _)| run.len() > n) {
            best = Some((run.len(), run[0].0));
        }
    }
    best.map(|(_, day)| day)
}

fn is_boundary(lower: &str) -> bool {
    matches!(lower, "," | ";" | "." | ":" | "(" | ")")
}

fn is_quote(word: &str) -> bool {
    matches!(word, "\"" | "“" | "”" | "'" | "‘" | "’")
}

/// Words that may stand before the length in its phrase ("just one year after", "a good two
/// days after", "more than a week after").
fn is_adverb(lower: &str) -> bool {
    matches!(
        lower,
        "just"
            | "only"
            | "some"
            | "about"
            | "nearly"
            | "almost"
            | "barely"
            | "exactly"
            | "a"
            | "good"
            | "full"
            | "fully"
            | "more"
            | "less"
            | "than"
            | "around"
            | "roughly"
    )
}

/// Leaves a mention without the day it had inherited.
fn undate(m: &mut EventMention) {
    m.when = None;
    m.anchoring = EventAnchoring::None;
    m.inherited_from = None;
    m.timeline = false;
}

/// A length that places happenings from another: "three days after the vote", "the day
/// before the summit".
#[derive(Debug, Clone, Copy)]
struct Phrase {
    /// The expression of the length.
    timex: usize,
    length: Duration,
    /// +1 for "after", -1 for "before".
    sign: i32,
    /// The index of that word.
    after_word: usize,
    /// Whether the expression is the whole phrase ("the day after", which the time stage
    /// dates from the narrative) rather than the length before it.
    own: bool,
}

/// Expression `ti` as a length followed by "after" or "before", or as "the day after" or
/// "the day before" followed by what it counts from.
fn offset_phrase(words: &[Word<'_>], timexes: &[Timex], ti: usize) -> Option<Phrase> {
    let t = timexes.get(ti)?;
    let k = words.partition_point(|w| w.token.start < t.end);
    let sign = |word: &Word<'_>| match word.lower {
        "after" => Some(1),
        "before" => Some(-1),
        _ => None,
    };
    match t.value {
        // A vague length ("a few weeks after the vote") places them too, on no day.
        TimexValue::Duration(d) if !d.and_a_half => Some(Phrase {
            timex: ti,
            length: d,
            sign: sign(words.get(k)?)?,
            after_word: k,
            own: false,
        }),
        // "The day after the vote": the time stage counts it from the narrative's day; the
        // happening it names is a better start, when the story has dated one.
        TimexValue::Date(_) => {
            let first = words.partition_point(|w| w.token.start < t.start);
            let [the, day, after] = words.get(first..k)? else {
                return None;
            };
            let next = words.get(k)?;
            let names_something = next.token.kind == crate::text::TokenKind::Word
                && timexes
                    .get(ti + 1)
                    .is_none_or(|n| n.start > next.token.start);
            (the.lower == "the" && day.lower == "day" && names_something).then_some(Phrase {
                timex: ti,
                length: Duration {
                    amount: Some(1),
                    and_a_half: false,
                    unit: DurationUnit::Day,
                },
                sign: sign(after)?,
                after_word: k - 1,
                own: true,
            })
        }
        _ => None,
    }
}

/// Whether a noun's lemma and an earlier happening's lemma name one kind of happening.
fn names_same(noun: &str, lemma: &str) -> bool {
    if noun == lemma {
        return true;
    }
    let Some(n) = concepts::of(noun, Pos::Noun) else {
        return false;
    };
    let other = concepts::of(lemma, Pos::Verb).or_else(|| concepts::of(lemma, Pos::Noun));
    other.is_some_and(|o| concepts::kinship(n.core, n.broad, o.core, o.broad) == Kinship::Same)
}

/// A day with its year.
fn full_day(v: &DateValue) -> Option<NaiveDate> {
    match *v {
        DateValue::Day { year: Some(_), .. } => v.interval().map(|iv| iv.start),
        _ => None,
    }
}

/// The day, month or year a length away from `day`, at the length's granularity.
fn shift(day: NaiveDate, length: Duration, sign: i32) -> Option<DateValue> {
    let n = i64::from(length.amount?) * i64::from(sign);
    let days = |k: i64| day.checked_add_signed(chrono::Duration::try_days(k)?);
    let months = |k: i64| {
        let m = Months::new(u32::try_from(k.unsigned_abs()).ok()?);
        if k >= 0 {
            day.checked_add_months(m)
        } else {
            day.checked_sub_months(m)
        }
    };
    match length.unit {
        DurationUnit::Second | DurationUnit::Minute | DurationUnit::Hour => {
            Some(DateValue::from_date(day))
        }
        DurationUnit::Day => days(n).map(DateValue::from_date),
        DurationUnit::Week => days(n.checked_mul(7)?).map(DateValue::from_date),
        DurationUnit::Month => months(n).map(|d| DateValue::Month {
            year: Some(d.year()),
            month: u8::try_from(d.month()).ok(),
        }),
        DurationUnit::Year => months(n.checked_mul(12)?).map(|d| DateValue::Year(d.year())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn len(amount: u32, unit: DurationUnit) -> Duration {
        Duration {
            amount: Some(amount),
            and_a_half: false,
            unit,
        }
    }

    #[test]
    fn a_length_shifts_at_its_own_granularity() {
        let d = NaiveDate::from_ymd_opt(2025, 10, 7).unwrap_or_default();
        let day =
            |y, m, dd| DateValue::from_date(NaiveDate::from_ymd_opt(y, m, dd).unwrap_or_default());
        assert_eq!(
            shift(d, len(3, DurationUnit::Day), 1),
            Some(day(2025, 10, 10))
        );
        assert_eq!(
            shift(d, len(2, DurationUnit::Week), -1),
            Some(day(2025, 9, 23))
        );
        assert_eq!(
            shift(d, len(5, DurationUnit::Hour), 1),
            Some(day(2025, 10, 7))
        );
        assert_eq!(
            shift(d, len(3, DurationUnit::Month), 1),
            Some(DateValue::Month {
                year: Some(2026),
                month: Some(1)
            })
        );
        assert_eq!(
            shift(d, len(2, DurationUnit::Year), -1),
            Some(DateValue::Year(2023))
        );
    }

    #[test]
    fn nouns_meet_the_verbs_they_name() {
        assert!(names_same("meeting", "meet"));
        assert!(names_same("seizure", "seize"));
        assert!(names_same("vote", "vote"));
        assert!(!names_same("vote", "resign"));
    }
}
