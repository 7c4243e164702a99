//! Anchoring: which time expression an event is placed in, or the publication date.
//!
//! A ranking perceptron scores each candidate anchor of an event: the time expressions of its
//! sentence (dates, times, durations, references like "now"), the last two that dated the
//! narrative in the sentences before, and the document's creation time (the publication
//! date). The features say how the candidate stands to the event: its kind and grain, where it
//! lies (before or after, how far, across a comma or a clause word, past other events), the
//! preposition that introduces it, and the event's class, tense and aspect. The weights are
//! learned from TimeBank's event–time links with the event model ([`super::model`]).

use super::features::{fnv, Cue};
use super::model::SentenceTokens;
use super::{Aspect, EventClass, Tense};
use crate::time::{Anchoring, Granularity, Timex, TimexType, TimexValue};

/// A candidate anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Candidate {
    /// A time expression of the event's sentence: index into the document's timexes, and its
    /// first and last word in the sentence.
    Here {
        timex: usize,
        first: usize,
        last: usize,
    },
    /// A time expression of an earlier sentence that dated the narrative: index into the
    /// timexes, and how many sentences back.
    Before { timex: usize, back: usize },
    /// The story's day: the first day-dated expression of the article's first sentences,
    /// which later reports ("officials said") are often placed on. Index into the timexes.
    Lede { timex: usize },
    /// The document creation time.
    Creation,
}

impl Candidate {
    /// The timex it is, if any.
    pub(crate) fn timex(self) -> Option<usize> {
        match self {
            Candidate::Here { timex, .. }
            | Candidate::Before { timex, .. }
            | Candidate::Lede { timex } => Some(timex),
            Candidate::Creation => None,
        }
    }
}

/// What the ranker knows of the event.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EventView {
    /// Its word in the sentence.
    pub word: usize,
    pub class: EventClass,
    pub tense: Tense,
    pub aspect: Aspect,
    /// Its lemma's hash.
    pub lemma: u64,
}

// Template numbers of the anchor features: apart from the word features' (1–99).
const KIND: u64 = 101;
const KIND_TENSE: u64 = 102;
const KIND_CLASS: u64 = 103;
const KIND_ASPECT: u64 = 104;
const TYPE: u64 = 105;
const TYPE_TENSE: u64 = 106;
const GRAIN: u64 = 107;
const GRAIN_TENSE: u64 = 108;
const SIDE_DISTANCE: u64 = 109;
const PREP: u64 = 110;
const PREP_SIDE: u64 = 111;
const COMMA_SIDE: u64 = 112;
const CLAUSE_SIDE: u64 = 113;
const EVENTS_BETWEEN: u64 = 114;
const NEAREST: u64 = 115;
const ANCHORING: u64 = 116;
const BACK: u64 = 117;
const CREATION_DATED: u64 = 118;
const LEMMA_KIND: u64 = 119;
const REF: u64 = 120;
const QUOTE: u64 = 121;
const FRONTED: u64 = 122;
const TYPE_CLASS: u64 = 123;
const EVENTS_BETWEEN_TYPE: u64 = 124;
const SENTENCE_POSITION: u64 = 125;
const IS_DCT: u64 = 126;
const PREP_TENSE: u64 = 127;
const SIDE_DISTANCE_TYPE: u64 = 128;
const ONLY_TIMEX: u64 = 129;
const RULE: u64 = 130;

#[inline]
fn mix(template: u64, a: u64, b: u64) -> u64 {
    let mut h = template.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a;
    h = h.rotate_left(29).wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ b;
    h ^= h >> 31;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h | 1
}

fn bucket(n: usize) -> u64 {
    match n {
        0..=3 => n as u64,
        4..=5 => 4,
        6..=8 => 5,
        9..=12 => 6,
        _ => 7,
    }
}

fn type_of(t: &Timex) -> u64 {
    match t.kind {
        TimexType::Date => 1,
        TimexType::Time => 2,
        TimexType::Duration => 3,
        TimexType::Set => 4,
    }
}

fn grain_of(t: &Timex) -> u64 {
    match t.value.date().map(|d| d.granularity()) {
        None => 0,
        Some(g) if g >= Granularity::Day => 1,
        Some(Granularity::Week) => 2,
        Some(Granularity::Month) => 3,
        Some(Granularity::Season | Granularity::Quarter | Granularity::Half) => 4,
        Some(Granularity::Year) => 5,
        Some(_) => 6,
    }
}

fn anchoring_of(t: &Timex) -> u64 {
    match t.anchoring {
        Anchoring::Explicit => 1,
        Anchoring::Publication => 2,
        Anchoring::Narrative => 3,
        Anchoring::None => 4,
    }
}

/// Appends the features of one candidate anchor of an event.
///
/// `events` are the words of the sentence's other events; `dated` says whether the sentence
/// has a time expression with a date; `sentence` is the sentence's index in the document.
#[allow(clippy::too_many_arguments)]
pub(crate) fn features(
    words: &SentenceTokens,
    timexes: &[Timex],
    event: &EventView,
    events: &[usize],
    candidate: Candidate,
    nearest: bool,
    rule: bool,
    dated: bool,
    sentence: usize,
    published: Option<chrono::NaiveDate>,
    out: &mut Vec<u64>,
) {
    let kind: u64 = match candidate {
        Candidate::Here { .. } => 1,
        Candidate::Before { .. } => 2,
        Candidate::Creation => 3,
        Candidate::Lede { .. } => 4,
    };
    let tense = event.tense as u64;
    let class = event.class as u64;
    out.push(mix(KIND, kind, 0));
    // The hand-written rules' choice: the ranker learns where TimeBank agrees with it.
    out.push(mix(RULE, kind, u64::from(rule)));
    out.push(mix(
        RULE,
        10 + kind,
        u64::from(rule) << 4 | event.tense as u64,
    ));
    out.push(mix(
        RULE,
        100 + kind,
        u64::from(rule) << 4 | event.class as u64,
    ));
    out.push(mix(KIND_TENSE, kind, tense));
    out.push(mix(KIND_CLASS, kind, class));
    out.push(mix(KIND_ASPECT, kind, event.aspect as u64));
    out.push(mix(LEMMA_KIND, event.lemma, kind));
    out.push(mix(
        SENTENCE_POSITION,
        kind,
        (sentence.min(4) as u64) << 1 | u64::from(dated),
    ));
    // A time expression that names the publication day itself ("Friday" in a Friday report).
    if let Some(t) = candidate.timex().and_then(|ti| timexes.get(ti)) {
        let is_dct = match (t.value.date().and_then(|d| d.interval()), published) {
            (Some(iv), Some(p)) => u64::from(iv.start <= p && p <= iv.end) + 1,
            _ => 0,
        };
        out.push(mix(IS_DCT, kind, is_dct));
        out.push(mix(IS_DCT, 10 + kind, is_dct << 4 | tense));
    }
    match candidate {
        Candidate::Creation => {
            out.push(mix(CREATION_DATED, u64::from(dated), tense));
            out.push(mix(CREATION_DATED, u64::from(dated), 100 + class));
            let quoted =
                (0..event.word).any(|j| words.info(j).is_some_and(|w| w.cue == Cue::Quote));
            out.push(mix(QUOTE, u64::from(quoted), tense));
        }
        Candidate::Lede { timex } => {
            let Some(t) = timexes.get(timex) else { return };
            out.push(mix(ANCHORING, kind, anchoring_of(t)));
            out.push(mix(CREATION_DATED, 20 + u64::from(dated), tense));
            out.push(mix(CREATION_DATED, 20 + u64::from(dated), 100 + class));
        }
        Candidate::Before { timex, back } => {
            let Some(t) = timexes.get(timex) else { return };
            out.push(mix(BACK, back.min(4) as u64, tense));
            out.push(mix(TYPE, kind, type_of(t)));
            out.push(mix(GRAIN, kind, grain_of(t)));
            out.push(mix(GRAIN_TENSE, grain_of(t), tense));
            out.push(mix(ANCHORING, kind, anchoring_of(t)));
            out.push(mix(CREATION_DATED, 10 + u64::from(dated), tense));
        }
        Candidate::Here { timex, first, last } => {
            let Some(t) = timexes.get(timex) else { return };
            let ty = type_of(t);
            out.push(mix(TYPE, kind, ty));
            out.push(mix(TYPE_TENSE, ty, tense));
            out.push(mix(TYPE_CLASS, ty, class));
            out.push(mix(GRAIN, kind, grain_of(t)));
            out.push(mix(GRAIN_TENSE, grain_of(t), tense));
            out.push(mix(ANCHORING, kind, anchoring_of(t)));
            if let TimexValue::Ref(r) = t.value {
                out.push(mix(REF, r as u64, tense));
            }
            let after = first > event.word;
            let side = u64::from(after);
            let (lo, hi) = if after {
                (event.word, first)
            } else {
                (last, event.word)
            };
            let distance = hi.saturating_sub(lo);
            out.push(mix(SIDE_DISTANCE, side, bucket(distance)));
            out.push(mix(NEAREST, side, u64::from(nearest)));
            // The word that introduces the expression: "on", "in", "since", "for", "during".
            let prep = first
                .checked_sub(1)
                .map_or(0, |p| fnv(words.lower(p).as_bytes()));
            out.push(mix(PREP, prep, 0));
            out.push(mix(PREP_SIDE, prep, side));
            out.push(mix(PREP_TENSE, prep, tense));
            out.push(mix(SIDE_DISTANCE_TYPE, side << 8 | bucket(distance), ty));
            let only = events.len() <= 1;
            out.push(mix(ONLY_TIMEX, u64::from(only), side));
            let between = lo + 1..hi;
            let cues = || between.clone().filter_map(|j| words.info(j)).map(|w| w.cue);
            let commas = cues().filter(|&c| c == Cue::Comma).count();
            let clause = cues()
                .filter(|&c| {
                    matches!(
                        c,
                        Cue::Wh | Cue::That | Cue::Conjunction | Cue::Stop | Cue::Quote
                    )
                })
                .count();
            out.push(mix(COMMA_SIDE, commas.min(3) as u64, side));
            out.push(mix(CLAUSE_SIDE, clause.min(3) as u64, side));
            let others = events.iter().filter(|&&e| e > lo && e < hi).count();
            out.push(mix(EVENTS_BETWEEN, others.min(3) as u64, side));
            out.push(mix(EVENTS_BETWEEN_TYPE, others.min(3) as u64, ty));
            out.push(mix(FRONTED, u64::from(first <= 1), side));
        }
    }
}

/// The first sentences, whose first day is the story's day.
const LEDE_SENTENCES: usize = 3;

/// How many sentences back a narrative date can anchor an event.
const NARRATIVE_SENTENCES: usize = 3;

/// The dates the narrative has gone through: the last two dating expressions of the sentences
/// read so far, with their sentences.
#[derive(Debug, Default, Clone)]
pub(crate) struct Narrative {
    recent: Vec<(usize, usize)>,
    /// The story's day ([`Candidate::Lede`]), once found.
    lede: Option<usize>,
}

impl Narrative {
    /// Records the dating expressions of sentence `si` (indexes into `timexes`, in order).
    pub(crate) fn after_sentence(&mut self, si: usize, timexes: &[Timex], indexes: &[usize]) {
        for &ti in indexes {
            let dating = timexes.get(ti).is_some_and(|t| {
                matches!(t.kind, TimexType::Date | TimexType::Time) && t.value.date().is_some()
            });
            if dating {
                self.recent.push((ti, si));
                let day = timexes[ti]
                    .value
                    .date()
                    .is_some_and(|d| d.granularity() >= Granularity::Day);
                if day && si < LEDE_SENTENCES && self.lede.is_none() {
                    self.lede = Some(ti);
                }
            }
        }
        let n = self.recent.len();
        if n > 2 {
            self.recent.drain(..n - 2);
        }
    }

    /// Forgets the recent dates: a new section starts (the story's day stays).
    pub(crate) fn clear(&mut self) {
        self.recent.clear();
    }
}

/// The candidate anchors of the events of sentence `si`: its time expressions (`here`:
/// indexes into `timexes`, with their first and last word in the sentence), the narrative's
/// recent dates, and the creation time. Returns whether the sentence has a dating expression.
pub(crate) fn candidates(
    si: usize,
    here: &[(usize, usize, usize)],
    timexes: &[Timex],
    narrative: &Narrative,
    out: &mut Vec<Candidate>,
) -> bool {
    out.clear();
    let mut dated = false;
    for &(timex, first, last) in here {
        dated |= timexes.get(timex).is_some_and(|t| t.value.date().is_some());
        out.push(Candidate::Here { timex, first, last });
    }
    for &(timex, s) in narrative.recent.iter().rev() {
        let back = si.saturating_sub(s);
        if (1..=NARRATIVE_SENTENCES).contains(&back) {
            out.push(Candidate::Before { timex, back });
        }
    }
    if let Some(timex) = narrative.lede {
        if !out.iter().any(|c| c.timex() == Some(timex)) {
            out.push(Candidate::Lede { timex });
        }
    }
    out.push(Candidate::Creation);
    dated
}

/// Whether `candidate` is the nearest of `all` on its side of word `event`.
pub(crate) fn is_nearest(all: &[Candidate], candidate: Candidate, event: usize) -> bool {
    let Candidate::Here { first, last, .. } = candidate else {
        return false;
    };
    let after = first > event;
    let distance = |f: usize, l: usize| {
        if after {
            f.saturating_sub(event)
        } else {
            event.saturating_sub(l)
        }
    };
    let d = distance(first, last);
    !all.iter().any(|&c| match c {
        Candidate::Here {
            first: f, last: l, ..
        } => (f > event) == after && c != candidate && distance(f, l) < d,
        _ => false,
    })
}

/// The time expressions of sentence `si` (of `segmented`): indexes into `timexes` (sorted by
/// position), with their first and last word in the sentence.
pub(crate) fn in_sentence(
    segmented: &crate::text::Segmented,
    si: usize,
    timexes: &[Timex],
    out: &mut Vec<(usize, usize, usize)>,
) {
    out.clear();
    let Some(s) = segmented.sentences.get(si) else {
        return;
    };
    let tokens = segmented.tokens.get(s.tokens.clone()).unwrap_or_default();
    let from = timexes.partition_point(|t| t.end <= s.start);
    for (ti, t) in timexes.iter().enumerate().skip(from) {
        if t.start >= s.end {
            break;
        }
        let first = tokens.partition_point(|k| k.end <= t.start);
        let last = tokens
            .partition_point(|k| k.start < t.end)
            .saturating_sub(1)
            .max(first);
        out.push((ti, first, last));
    }
}

/// Whether a blank line lies between byte offsets `from` and `to` of `text`: a new section,
/// over which the narrative's date does not carry.
pub(crate) fn new_section(text: &str, from: usize, to: usize) -> bool {
    text.get(from..to)
        .is_some_and(|gap| gap.matches('\n').count() >= 2)
}
