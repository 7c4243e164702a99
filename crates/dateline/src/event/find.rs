//! Finding event mentions in a tagged document: triggers, their modality, participants, place
//! and time.

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use chrono::NaiveDate;

use super::anchor;
use super::happen;
use super::lexicon::{self, Form, Trigger};
use super::model::{EventModel, SentenceTokens};
use super::offset;
use super::{
    Aspect, EventAnchoring, EventClass, EventMention, Modality, Participant, Polarity, Role, Tense,
    TimeAnchor, Timeml, TriggerClass,
};
use crate::calendar::{Reference, TimexValue};
use crate::entity::{Entities, EntityKind};
use crate::text::{Segmented, Token, TokenKind};
use crate::time::{Anchoring, DateValue, Granularity, Timex, TimexType};
use crate::vocab::lists::entries;

/// Longest word the trigger lexicon holds.
const MAX_WORD: usize = 24;

/// A word of the sentence, lower-cased, with what the lexicon says of it.
pub(super) struct Word<'a> {
    pub token: &'a Token,
    /// Empty for words the lexicons cannot hold (see [`lower_into`]).
    pub lower: &'a str,
    /// `cue(lower)`, which the readings of a trigger ask of its neighbours again and again.
    pub cue: Cue,
    pub capitalized: bool,
}

/// Appends `s` lower-cased to `buf`, curly apostrophes straightened, and returns where it is;
/// appends nothing for words longer than [`MAX_WORD`] or with other non-ASCII characters.
/// One buffer holds the words of a sentence: no allocation per word. Only ASCII is appended.
fn lower_into(buf: &mut Vec<u8>, s: &str) -> std::ops::Range<usize> {
    let start = buf.len();
    if s.len() > MAX_WORD {
        return start..start;
    }
    if s.is_ascii() {
        buf.extend(s.bytes().map(|b| b.to_ascii_lowercase()));
        return start..buf.len();
    }
    for c in s.chars() {
        match (c, u8::try_from(c)) {
            ('’', _) => buf.push(b'\''),
            (_, Ok(b)) if b.is_ascii() => buf.push(b.to_ascii_lowercase()),
            _ => {
                buf.truncate(start);
                return start..start;
            }
        }
    }
    start..buf.len()
}

/// Function words that shape a trigger's reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cue {
    Negation,
    Will,
    Modal,
    To,
    Be,
    Have,
    Do,
    Determiner,
    By,
    With,
    Place,
    Clause,
    None,
}

fn cue(lower: &str) -> Cue {
    match lower {
        "not" | "n't" | "never" | "no" => Cue::Negation,
        "will" | "'ll" | "shall" | "wo" => Cue::Will,
        "would" | "could" | "may" | "might" | "should" | "can" | "must" => Cue::Modal,
        "to" => Cue::To,
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am" | "'s" | "'re" => Cue::Be,
        "has" | "have" | "had" | "having" | "'ve" => Cue::Have,
        "did" | "does" | "do" => Cue::Do,
        "the" | "a" | "an" | "this" | "that" | "these" | "those" | "its" | "their" | "his"
        | "her" | "our" | "my" | "your" | "whose" => Cue::Determiner,
        "by" => Cue::By,
        "with" | "between" | "and" => Cue::With,
        "in" | "at" | "from" => Cue::Place,
        "which" | "who" | "whom" | "where" | "while" | "when" | "because" | "although" | "but"
        | "after" | "before" | "since" | "as" | "if" | "until" => Cue::Clause,
        _ => Cue::None,
    }
}

/// Verbs that turn the infinitive after them into a plan or wish rather than a fact: the
/// `event` words of `data/lexicon/intent.txt`.
static INTENT: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| crate::vocab::intent_words("event").collect());

fn is_intent_verb(lower: &str) -> bool {
    INTENT.contains(lower)
}

/// What the anchor ranker saw for one trigger: its byte span, the byte span of each candidate
/// (`None` for the publication date) and each candidate's features. Training collects these.
#[derive(Debug, Clone)]
pub(crate) struct AnchorChoice {
    pub trigger: (usize, usize),
    pub candidates: Vec<Option<(usize, usize)>>,
    pub features: Vec<Vec<u64>>,
}

/// What the event model saw at one word of a document: the word it found an event at, with
/// the attributes it gave. They depend on the words and on where the time expressions are, not
/// on their values: a [`Reading`](crate::Reading) keeps them, so that finding the events again
/// under another publication date does not run the model again.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Detection {
    /// Index of the sentence.
    pub sentence: u32,
    /// Index of the word in the sentence.
    pub word: u32,
    pub class: EventClass,
    pub tense: Tense,
    pub aspect: Aspect,
    pub margin: f32,
}

/// The event model [`find_events`] uses, and where it takes the model's predictions of
/// events from (the model always ranks the anchors, which depend on the dates).
pub(crate) enum Predictions<'a> {
    /// The model, run on every word.
    Model(&'a EventModel),
    /// The model, keeping what it found (in text order) in the list.
    Record(&'a EventModel, &'a mut Vec<Detection>),
    /// What the model found before, in text order, on the same text and time expressions.
    Replay(&'a EventModel, &'a [Detection]),
}

/// Finds the event mentions of one document.
pub(crate) fn find_events(
    text: &str,
    segmented: &Segmented,
    timexes: &[Timex],
    entities: &Entities,
    published: Option<NaiveDate>,
    mut predictions: Predictions<'_>,
    mut log: Option<&mut Vec<AnchorChoice>>,
) -> Vec<EventMention> {
    let model = match &predictions {
        Predictions::Model(m) | Predictions::Record(m, _) | Predictions::Replay(m, _) => *m,
    };
    // About one event in 30 tokens in news: sized once rather than grown by doubling.
    let mut out = Vec::with_capacity(segmented.tokens.len() / 32 + 1);
    // A year inside a name ("WWDC 2010") names, it does not date.
    let names: Vec<(usize, usize)> = entities.mentions.iter().map(|m| (m.start, m.end)).collect();
    let in_name = |start: usize, end: usize| {
        let i = names.partition_point(|&(s, _)| s <= start);
        i > 0 && names[i - 1].1 >= end && names[i - 1] != (start, end)
    };
    // A wire dateline's place and agency ("OSLO, May 3 (Wire) -") take no part in the story.
    let head_end = wire_head_end(text, segmented);
    // The day the narrative is at, and the sentence that set it.
    let mut context: Option<(DateValue, usize, usize)> = None;
    // The day the lede dates its first event by: what the story is about.
    let mut main_day: Option<(DateValue, usize)> = None;
    // The first day near the publication date that dates an event anywhere in the article.
    let mut story_day: Option<(DateValue, usize)> = None;
    let mut last_sentence_end = 0usize;
    let mut timex_cursor = 0usize;
    let mut mention_cursor = 0usize;
    // The sentence at hand lower-cased (ASCII letters only, so byte offsets hold), and apart
    // from it the words that need more than that (a curly apostrophe), end to end.
    let mut whole = String::new();
    // Per-sentence lists, kept from sentence to sentence for their capacity.
    let mut ranges: Vec<(bool, std::ops::Range<usize>)> = Vec::new();
    let mut dating: Vec<usize> = Vec::new();
    // By dating expression of the sentence: the words of the noun phrase it modifies, if it
    // stands before a noun ([`premodified`]); and the expressions that may date the event at
    // hand.
    let mut modifies: Vec<Option<(usize, usize)>> = Vec::new();
    let mut own_dating: Vec<usize> = Vec::new();
    let mut mentions: Vec<usize> = Vec::new();
    let mut people: Vec<(usize, usize)> = Vec::new();
    let mut found: Vec<(usize, Trigger)> = Vec::new();
    let mut readings: Vec<(Modality, bool, bool)> = Vec::new();
    let mut lowered: Vec<u8> = Vec::new();
    // The words of the previous sentence, emptied: only their allocation is kept.
    let mut spare_words: Vec<Word<'_>> = Vec::new();
    // The model's view of the sentence, its features and weight rows, and what it predicted
    // for each trigger (by word index): kept from sentence to sentence for their buffers.
    let mut model_words = SentenceTokens::default();
    let mut feats: Vec<u64> = Vec::new();
    let mut rows: Vec<usize> = Vec::new();
    let mut predicted: Vec<(usize, EventClass, Tense, Aspect, f32)> = Vec::new();
    // Anchoring: the narrative's recent dates, the sentence's expressions and the candidates,
    // their features, and the anchor chosen for each trigger.
    let mut narrative = anchor::Narrative::default();
    let mut anchor_end = 0usize;
    let mut here: Vec<(usize, usize, usize)> = Vec::new();
    let mut candidates: Vec<anchor::Candidate> = Vec::new();
    let mut trigger_words: Vec<usize> = Vec::new();
    let mut candidate_feats: Vec<u64> = Vec::new();
    let mut candidate_at: Vec<usize> = Vec::new();

    for (si, sentence) in segmented.sentences.iter().enumerate() {
        // A blank line starts a new section: the narrative time does not carry over it.
        if text
            .get(last_sentence_end..sentence.start)
            .is_some_and(|gap| gap.matches('\n').count() >= 2)
        {
            context = None;
        }
        last_sentence_end = sentence.end;
        let tokens = segmented
            .tokens
            .get(sentence.tokens.clone())
            .unwrap_or_default();
        whole.clear();
        whole.push_str(text.get(sentence.start..sentence.end).unwrap_or(""));
        whole.make_ascii_lowercase();
        lowered.clear();
        // Where each word's lower-case form is: in `whole` (true) or in `lowered`.
        ranges.clear();
        ranges.extend(tokens.iter().map(|t| {
            let s = t.text(text);
            let at = t.start.checked_sub(sentence.start);
            match at {
                Some(at) if t.end <= sentence.end && s.len() <= MAX_WORD && s.is_ascii() => {
                    (true, at..at + s.len())
                }
                _ => (false, lower_into(&mut lowered, s)),
            }
        }));
        // ASCII throughout (see `lower_into`): checked once per sentence, not once per word.
        let lowered = std::str::from_utf8(&lowered).unwrap_or("");
        let mut words: Vec<Word<'_>> = reuse(std::mem::take(&mut spare_words));
        words.extend(
            tokens
                .iter()
                .zip(ranges.drain(..))
                .map(|(t, (in_whole, r))| {
                    let lower = if in_whole {
                        whole.get(r)
                    } else {
                        lowered.get(r)
                    }
                    .unwrap_or("");
                    Word {
                        token: t,
                        lower,
                        cue: cue(lower),
                        capitalized: t.text(text).chars().next().is_some_and(char::is_uppercase),
                    }
                }),
        );
        // The sentence's dating expressions (dates and times, not lengths or references).
        while timex_cursor < timexes.len() && timexes[timex_cursor].end <= sentence.start {
            timex_cursor += 1;
        }
        dating.clear();
        dating.extend(
            (timex_cursor..timexes.len())
                .take_while(|&i| timexes[i].start < sentence.end)
                .filter(|&i| {
                    matches!(timexes[i].kind, TimexType::Date | TimexType::Time)
                        && timexes[i].value.date().is_some()
                        && !in_name(timexes[i].start, timexes[i].end)
                        && timexes[i].start >= head_end
                }),
        );
        modifies.clear();
        modifies.extend(dating.iter().map(|&ti| premodified(&words, &timexes[ti])));
        // A word of a time expression is no function word: "May" of "3 May" is no modal.
        for t in (timex_cursor..timexes.len()).take_while(|&i| timexes[i].start < sentence.end) {
            let (start, end) = (timexes[t].start, timexes[t].end);
            let first = words.partition_point(|w| w.token.start < start);
            for w in words[first..].iter_mut().take_while(|w| w.token.end <= end) {
                w.cue = Cue::None;
            }
        }
        while mention_cursor < entities.mentions.len()
            && entities.mentions[mention_cursor].end <= sentence.start
        {
            mention_cursor += 1;
        }
        mentions.clear();
        mentions.extend(
            (mention_cursor..entities.mentions.len())
                .take_while(|&i| entities.mentions[i].start < sentence.end),
        );
        // The sentence's people and organisations, with the word each starts at.
        people.clear();
        people.extend(
            mentions
                .iter()
                .filter(|&&mi| {
                    entities.mentions[mi].kind != EntityKind::Place
                        && entities.mentions[mi].start >= head_end
                })
                .map(|&mi| (mi, token_index(&words, entities.mentions[mi].start))),
        );

        found.clear();
        predicted.clear();
        model_words.fill(
            text,
            segmented,
            si,
            timexes,
            entities,
            (!matches!(predictions, Predictions::Replay(..))).then_some(model),
        );
        let headline = si == 0 && is_headline(text, sentence.start, sentence.end);
        let title_case = headline && model_words.title_case();
        match &mut predictions {
            // What the model saw in the sentence was kept: the words it found are found again.
            Predictions::Replay(_, given) => {
                let first = given.partition_point(|d| (d.sentence as usize) < si);
                predicted.extend(
                    given[first..]
                        .iter()
                        .take_while(|d| d.sentence as usize == si)
                        .filter(|d| (d.word as usize) < words.len())
                        .map(|d| (d.word as usize, d.class, d.tense, d.aspect, d.margin)),
                );
            }
            Predictions::Model(_) | Predictions::Record(..) => {
                for (wi, w) in words.iter().enumerate() {
                    if !model_words.candidate(wi) {
                        continue;
                    }
                    let mut p = model.predict_word(&model_words, wi, &mut feats, &mut rows);
                    // A noun that a date modifies names a dated happening when WordNet says
                    // it names an act or an event: "the 2006 elections", "yesterday's
                    // earthquake", "Sunday's race", "the clearance on 12 June"; after a
                    // determiner, a sense of it that is not its most frequent one will do ("the
                    // January audit").
                    let modified = dated_by_modifier(&model_words, wi);
                    let determined = || {
                        let before = if modified {
                            wi.checked_sub(2)
                        } else {
                            wi.checked_sub(1)
                        };
                        before.is_some_and(|b| is_determiner(model_words.lower(b)))
                    };
                    let dated_noun = || {
                        !w.capitalized
                            && (modified || dated_by_complement(&model_words, wi))
                            && (modified && happen::named_happening(w.lower).is_some()
                                || determined() && happen::dated_noun(w.lower))
                    };
                    // A headline tells its news in the present ("Regulator fines …",
                    // "Minister resigns"), a register TimeBank has little of.
                    let rule_tense = if p.class.is_some() {
                        None
                    } else if dated_noun() {
                        Some(Tense::None)
                    } else if headline && headline_verb(&words, wi, title_case) {
                        Some(Tense::Present)
                    } else if finite_past_verb(&words, &model_words, wi) {
                        Some(Tense::Past)
                    } else {
                        None
                    };
                    if let Some(tense) = rule_tense {
                        p.class = Some(EventClass::Occurrence);
                        p.tense = tense;
                        p.aspect = Aspect::None;
                        p.margin = 0.0;
                    }
                    let Some(timeml) = p.class else { continue };
                    predicted.push((wi, timeml, p.tense, p.aspect, p.margin));
                }
                if let Predictions::Record(_, kept) = &mut predictions {
                    kept.extend(predicted.iter().map(|&(wi, class, tense, aspect, margin)| {
                        Detection {
                            sentence: u32::try_from(si).unwrap_or(u32::MAX),
                            word: u32::try_from(wi).unwrap_or(u32::MAX),
                            class,
                            tense,
                            aspect,
                            margin,
                        }
                    }));
                }
            }
        }
        for &(wi, _, tense, aspect, _) in &predicted {
            let w = &words[wi];
            let known = lexicon::lookup(w.lower);
            let lemma = match crate::vocab::wordnet::lemmas(w.lower) {
                (Some(v), _) if tense != Tense::None => v,
                (_, Some(n)) if tense == Tense::None => n,
                (Some(v), _) => v,
                _ => known.map_or("", |t| t.lemma),
            };
            // "The refinery run by …": a participle that says who holds its noun is no
            // happening (no auxiliary before it makes it a verb group).
            if tense != Tense::Prespart
                && words.get(wi + 1).is_some_and(|n| n.lower == "by")
                && wi.checked_sub(1).is_some_and(|p| {
                    !matches!(words[p].cue, Cue::Be | Cue::Have) && !words[p].lower.ends_with("ly")
                })
                && happen::is_descriptive(lemma)
            {
                continue;
            }
            let trigger = Trigger {
                lemma,
                class: known.map_or(TriggerClass::Other, |t| t.class),
                form: form_of(w.lower, tense, aspect, known),
            };
            found.push((wi, trigger));
        }

        // The learned anchor of each trigger, among the sentence's time expressions, the
        // narrative's recent dates and the publication date.
        if crate::event::anchor::new_section(text, anchor_end, sentence.start) {
            narrative.clear();
        }
        anchor_end = sentence.end;
        anchor::in_sentence(segmented, si, timexes, &mut here);
        // The dateline's day is when the story was filed, the publication date: no event's.
        here.retain(|h| timexes.get(h.0).is_some_and(|t| t.start >= head_end));
        let dated = anchor::candidates(si, &here, timexes, &narrative, &mut candidates);
        trigger_words.clear();
        trigger_words.extend(found.iter().map(|&(wi, _)| wi));
        let here_indexes: Vec<usize> = here.iter().map(|h| h.0).collect();
        narrative.after_sentence(si, timexes, &here_indexes);

        // Readings of each trigger; a progressive verb makes its clause a background state,
        // the event nouns it governs included ("has been stepping up its raids").
        readings.clear();
        readings.extend(
            found
                .iter()
                .map(|&(wi, trigger)| modality_of(&words, wi, trigger.form)),
        );
        for k in 0..found.len() {
            if !readings[k].2 {
                continue;
            }
            for j in k + 1..found.len() {
                if boundary_between(&words, found[k].0, found[j].0) {
                    break;
                }
                if found[j].1.form == Form::Noun {
                    readings[j].2 = true;
                }
            }
        }
        let first_event = out.len();
        for (k, &(wi, trigger)) in found.iter().enumerate() {
            let w = &words[wi];
            // The lexicon's lemmas are borrowed; only verbs outside it get a lemma of their own.
            let lemma = if trigger.lemma.is_empty() {
                Cow::Owned(match w.lower.strip_suffix("ing") {
                    Some(stem) if trigger.form == Form::Gerund => {
                        regular_lemma(&format!("{stem}ed"))
                    }
                    _ => regular_lemma(w.lower),
                })
            } else {
                Cow::Borrowed(trigger.lemma)
            };
            let (modality, passive, background) = readings[k];
            // The clause around the trigger: from the previous trigger to the next one.
            let lo = if k == 0 { 0 } else { found[k - 1].0 + 1 };
            // A noun after the trigger is part of its clause ("resigned as chairman of the
            // port authority on Tuesday"); the next verb starts another.
            let hi = found[k + 1..]
                .iter()
                .find(|(_, t)| t.form != Form::Noun)
                .map_or(words.len(), |&(n, _)| n);
            // The noun a date modifies is dated by it alone ("the 2021 flood … on Monday").
            own_dating.clear();
            let modified_by = dating
                .iter()
                .zip(&modifies)
                .find(|(_, m)| m.is_some_and(|(a, b)| (a..=b).contains(&wi)));
            match modified_by {
                Some((&ti, _)) => own_dating.push(ti),
                None => own_dating.extend(
                    dating
                        .iter()
                        .zip(&modifies)
                        .filter(|(_, m)| m.is_none_or(|(a, _)| wi >= a))
                        .map(|(&ti, _)| ti),
                ),
            }
            let time = governing_time(
                &words,
                wi,
                trigger.form == Form::Noun,
                &own_dating,
                timexes,
                lo,
                hi,
            );
            let (mut time, (when, anchoring, inherited_from)) = (
                time,
                match time {
                    Some(ti) => {
                        let t = &timexes[ti];
                        let value = t.value.date().copied();
                        (value, event_anchoring(t.anchoring), None)
                    }
                    // "A few days later", "years earlier": the clause is not on the
                    // narrative's day, nor on the publication's.
                    None if vague_time(&words, timexes, &here, lo, hi) => {
                        (None, EventAnchoring::None, None)
                    }
                    None => inherited(
                        context.or(main_day.map(|(d, ti)| (d, si, ti))),
                        si,
                        modality,
                        background,
                        published,
                    ),
                },
            );
            // The learned anchor, among the sentence's expressions, the narrative's recent
            // dates and the publication date; the rules' choice is one of its features.
            let (class, tense, aspect) = predicted
                .binary_search_by_key(&wi, |p| p.0)
                .ok()
                .map_or((EventClass::Occurrence, Tense::None, Aspect::None), |k| {
                    (predicted[k].1, predicted[k].2, predicted[k].3)
                });
            let view = anchor::EventView {
                word: wi,
                class,
                tense,
                aspect,
                lemma: model_words.info(wi).map_or(0, |w| w.lemma),
            };
            let rule_pick = match (time, inherited_from, anchoring) {
                (Some(ti), _, _) | (None, Some(ti), _) => Some(TimeAnchor::Timex(ti)),
                (None, None, EventAnchoring::Publication) => Some(TimeAnchor::Publication),
                _ => None,
            };
            candidate_feats.clear();
            candidate_at.clear();
            candidate_at.push(0);
            for &c in &candidates {
                let as_anchor = match c.timex() {
                    Some(ti) => TimeAnchor::Timex(ti),
                    None => TimeAnchor::Publication,
                };
                anchor::features(
                    &model_words,
                    timexes,
                    &view,
                    &trigger_words,
                    c,
                    anchor::is_nearest(&candidates, c, wi),
                    rule_pick == Some(as_anchor),
                    dated,
                    si,
                    published,
                    &mut candidate_feats,
                );
                candidate_at.push(candidate_feats.len());
            }
            let lists: Vec<&[u64]> = candidate_at
                .windows(2)
                .map(|w| &candidate_feats[w[0]..w[1]])
                .collect();
            let (best, _) = model.rank(&lists);
            let learned = candidates.get(best).map(|&c| match c.timex() {
                Some(ti) => TimeAnchor::Timex(ti),
                None => TimeAnchor::Publication,
            });
            if let Some(log) = log.as_deref_mut() {
                log.push(AnchorChoice {
                    trigger: (w.token.start, w.token.end),
                    candidates: candidates
                        .iter()
                        .map(|c| {
                            c.timex()
                                .and_then(|ti| timexes.get(ti))
                                .map(|t| (t.start, t.end))
                        })
                        .collect(),
                    features: lists.iter().map(|l| l.to_vec()).collect(),
                });
            }
            // A dated expression of the sentence that the ranker links the event to governs
            // it; otherwise the rules' dating stands (TimeBank's links to the creation time and
            // to durations say how an event relates to them, not the day it happened).
            let (when, anchoring, inherited_from) = match learned {
                Some(TimeAnchor::Timex(ti))
                    if own_dating.contains(&ti)
                        && !in_complement(&words, wi, timexes[ti].start) =>
                {
                    time = Some(ti);
                    let t = &timexes[ti];
                    (t.value.date().copied(), event_anchoring(t.anchoring), None)
                }
                _ => (when, anchoring, inherited_from),
            };
            let participants = participants_of(&words, wi, passive, &people, entities, lo, hi);
            let location = location_of(&words, wi, &mentions, entities, lo, hi);
            // On a timeline: what happened or is scheduled, dated by its own clause or by the
            // narrative around it, not by the publication date alone.
            // "a delegation, led by its head, …": a participle after a comma that describes a
            // noun is a description rather than a happening, unless a date of its own follows
            // it ("the company, founded by two students in 1976, …").
            let describes = matches!(trigger.form, Form::Past | Form::Participle)
                && words.get(wi + 1).is_some_and(|n| n.cue == Cue::By)
                && wi > 0
                && words[wi - 1].lower == ","
                && time.is_none_or(|ti| timexes[ti].start < w.token.start);
            let timeline = matches!(modality, Modality::Actual | Modality::Future)
                && !describes
                && when.is_some_and(|v| !matches!(v, DateValue::Unknown(_)))
                && !(background && time.is_none())
                && (time.is_some() || anchoring == EventAnchoring::Inherited);
            let (timeml_class, tense, aspect, margin) =
                predicted.binary_search_by_key(&wi, |p| p.0).ok().map_or(
                    (EventClass::Occurrence, Tense::None, Aspect::None, 0.0),
                    |k| {
                        let p = predicted[k];
                        (p.1, p.2, p.3, p.4)
                    },
                );
            out.push(EventMention {
                trigger_start: w.token.start,
                trigger_end: w.token.end,
                lemma,
                folded: Vec::new(),
                class: trigger.class,
                sentence: si,
                modality,
                participants,
                location,
                time,
                inherited_from,
                counted_from: None,
                anchor: learned,
                when,
                anchoring,
                timeline,
                timeml: Timeml {
                    class: timeml_class,
                    tense,
                    aspect,
                    polarity: if modality == Modality::Negated {
                        Polarity::Neg
                    } else {
                        Polarity::Pos
                    },
                    modality: modal_word(&words, wi),
                },
                confidence: confidence(margin),
            });
        }
        // The triggers of one happening fold into one mention; a caption tells no happening.
        if happen::is_caption(&words) {
            out.truncate(first_event);
        } else {
            let keep = happen::fold(&words, timexes, &mut out[first_event..]);
            let mut index = 0usize;
            out.retain(|_| {
                let kept =
                    index < first_event || keep.get(index - first_event).copied().unwrap_or(true);
                index += 1;
                kept
            });
            happen::mark_references(&words, timexes, &mut out[first_event..]);
            for m in &mut out[first_event..] {
                m.timeline = m.timeline && happen::is_happening(m);
            }
        }
        // "Three days after the vote, …": the day a length counts to from another happening.
        let sentence_timexes = timex_cursor
            ..(timex_cursor..timexes.len())
                .find(|&i| timexes[i].start >= sentence.end)
                .unwrap_or(timexes.len());
        let offset_day = offset::date_by_offset(
            text,
            &words,
            timexes,
            sentence_timexes,
            &mut out,
            first_event,
        );
        // The narrative moves to the day that dated the sentence's happening; years and months
        // are background ("founded in 1976") and do not carry.
        // The sentence's first happening with a day of its own sets it: the main clause comes
        // first ("A ferry capsized late on Sunday, killing 27, officials said on Monday").
        let dated_day = out[first_event..]
            .iter()
            .filter(|e| e.timeml.class != EventClass::Reporting)
            .filter_map(|e| e.time)
            .filter_map(|ti| timexes[ti].value.date().map(|v| (*v, ti)))
            .find(|(v, _)| v.granularity() >= Granularity::Day);
        // "The day after the vote" is dated from the vote, not from the narrative's day the
        // time stage gave the expression.
        let dated_day = match (dated_day, offset_day) {
            (Some((_, a)), Some((v, b))) if a == b => Some((v, b)),
            (dated, offset) => dated.or(offset),
        };
        if let Some((v, ti)) = dated_day {
            context = Some((v, si, ti));
            if main_day.is_none() && si <= LEDE_SENTENCES {
                main_day = Some((v, ti));
            }
            if story_day.is_none() && near_publication(&v, published) {
                story_day = Some((v, ti));
            }
        }
        spare_words = reuse(words);
    }
    // Undated events that fell back on the publication date take the story's day when the
    // article names one close to it: news reports the day things happened, a day or two
    // before it is published. They stay off the timeline, but for the acts of the story's
    // doer below.
    if let Some((day, ti)) = main_day.or(story_day) {
        // Past the narrative's reach, a past act of the person who did the story's dated
        // happening still tells that day ("the chief executive gave the keynote on Monday.
        // … She demoed …"): it goes on the timeline.
        let doers: Vec<usize> = out
            .iter()
            .filter(|e| e.time == Some(ti))
            .flat_map(|e| e.participants.iter())
            .filter(|p| {
                p.role == Role::Agent
                    && entities.mentions.get(p.mention).map(|m| m.kind) == Some(EntityKind::Person)
            })
            .map(|p| p.entity)
            .collect();
        for e in &mut out {
            if e.anchoring == EventAnchoring::Publication && e.time.is_none() {
                e.when = Some(day);
                e.anchoring = EventAnchoring::Inherited;
                e.inherited_from = Some(ti);
                if !doers.is_empty()
                    && e.timeml.tense == Tense::Past
                    && e.modality == Modality::Actual
                    && e.participants
                        .iter()
                        .any(|p| p.role == Role::Agent && doers.contains(&p.entity))
                    && happen::is_happening(e)
                {
                    e.timeline = true;
                }
            }
        }
    }
    // The happenings of the headline and lede are the story's news: dated by the story's day
    // or, without one, the publication day, they go on the timeline.
    for e in &mut out {
        let lede = e.sentence <= LEDE_SENTENCES;
        let dated = e.when.is_some_and(|v| !matches!(v, DateValue::Unknown(_)));
        if lede
            && dated
            && !e.timeline
            && happen::is_happening(e)
            && matches!(
                e.anchoring,
                EventAnchoring::Inherited | EventAnchoring::Publication
            )
            && e.timeml.class != EventClass::Reporting
        {
            e.timeline = true;
        }
    }
    out
}

/// Whether word `wi` follows a temporal expression that modifies it: "2006" of "the 2006
/// elections", "yesterday's" of "yesterday's earthquake".
fn dated_by_modifier(words: &SentenceTokens, wi: usize) -> bool {
    let Some(prev) = wi.checked_sub(1) else {
        return false;
    };
    if words.in_timex(prev) {
        return true;
    }
    matches!(words.lower(prev), "'s" | "’s" | "'" | "’")
        && prev.checked_sub(1).is_some_and(|p| words.in_timex(p))
}

/// Whether the clause of words `lo..hi` holds an expression of the past or the future that
/// names no date ("a few days later", "years earlier": `PAST_REF`, `FUTURE_REF`) among the
/// sentence's expressions `here`. "Recently" is not one: what news calls recent is near its
/// day.
fn vague_time(
    words: &[Word<'_>],
    timexes: &[Timex],
    here: &[(usize, usize, usize)],
    lo: usize,
    hi: usize,
) -> bool {
    let (Some(from), Some(to)) = (words.get(lo), words.get(hi.saturating_sub(1))) else {
        return false;
    };
    here.iter().any(|&(ti, first, _)| {
        timexes.get(ti).is_some_and(|t| {
            t.start >= from.token.start
                && t.end <= to.token.end
                && matches!(
                    t.value,
                    TimexValue::Ref(Reference::Past | Reference::Future)
                )
                && !words
                    .get(first)
                    .is_some_and(|w| matches!(w.lower, "recently" | "lately"))
        })
    })
}

/// Whether word `wi` is followed by "on" and a temporal expression: "the clearance on 12 June".
fn dated_by_complement(words: &SentenceTokens, wi: usize) -> bool {
    words.lower(wi + 1) == "on" && words.in_timex(wi + 2)
}

/// Whether the sentence at `start..end` is a headline: the text's first line, standing alone
/// and not closed by a full stop or another sentence's punctuation.
fn is_headline(text: &str, start: usize, end: usize) -> bool {
    let (Some(line), Some(after)) = (text.get(start..end), text.get(end..)) else {
        return false;
    };
    let line = line.trim_end();
    !line.is_empty()
        && !line.contains('\n')
        && !line.ends_with(['.', '!', '?', ':', '"', '\u{201d}'])
        && after
            .trim_start_matches([' ', '\t', '\r'])
            .starts_with('\n')
}

/// Whether word `wi` of a headline is its verb in the present: a lower-case word in "-s" that
/// WordNet knows as a verb's inflection, after the word that names its subject (a name or a
/// noun, not a determiner). "Acme shares slump": after a name and before another verb, a
/// word in "-s" is a plural noun. In a headline in title case, where capitals tell no names,
/// only a word that is no noun's plural ("Hospital Network Restores Systems").
fn headline_verb(words: &[Word<'_>], wi: usize, title_case: bool) -> bool {
    use crate::vocab::wordnet::lemmas;
    let w = &words[wi];
    if plural_subject_verb(words, wi) {
        return true;
    }
    let s_form = w.token.kind == TokenKind::Word
        && w.cue == Cue::None
        && w.lower.len() >= 4
        && w.lower.ends_with('s')
        && !w.lower.ends_with("ss");
    let Some(prev) = wi.checked_sub(1).map(|p| &words[p]).filter(|_| s_form) else {
        return false;
    };
    let (verb, noun) = lemmas(w.lower);
    if verb.is_none_or(|v| v.len() >= w.lower.len()) {
        return false;
    }
    if title_case {
        return noun.is_none();
    }
    let subject = !w.capitalized
        && prev.token.kind == TokenKind::Word
        && prev.cue == Cue::None
        && !is_determiner(prev.lower)
        && (prev.capitalized || lemmas(prev.lower).1.is_some());
    let plural_after_name = prev.capitalized
        && words.get(wi + 1).is_some_and(|n| {
            n.token.kind == TokenKind::Word && !n.capitalized && lemmas(n.lower).0 == Some(n.lower)
        });
    subject && !plural_after_name
}

/// Whether word `wi` is a verb's plain form right after a plural noun, with more of the
/// headline after it: the plural's verb in the present ("Regulators freeze the merger",
/// "Shares fall"), as a plural rarely modifies a noun after it.
fn plural_subject_verb(words: &[Word<'_>], wi: usize) -> bool {
    use crate::vocab::wordnet::lemmas;
    let w = &words[wi];
    let plain_verb = w.token.kind == TokenKind::Word
        && w.cue == Cue::None
        && w.lower.len() >= 3
        && lemmas(w.lower).0 == Some(w.lower);
    // A plural by its ending (WordNet's table holds only the nouns that can name a
    // happening), not a singular in "-s" that WordNet knows ("news", "series").
    let plural = |p: &Word<'_>| {
        p.token.kind == TokenKind::Word
            && p.cue == Cue::None
            && p.lower.len() >= 4
            && p.lower.ends_with('s')
            && !(p.lower.ends_with("ss") || p.lower.ends_with("us") || p.lower.ends_with("is"))
            && lemmas(p.lower).1 != Some(p.lower)
    };
    plain_verb
        && wi.checked_sub(1).is_some_and(|p| plural(&words[p]))
        && words
            .get(wi + 1)
            .is_some_and(|n| n.token.kind == TokenKind::Word)
}

/// Whether word `wi` is a regular past-tense verb between its subject and its object ("the
/// regulator fined Acme", "inspectors spotted the cracks"): a happening however rare the verb,
/// where TimeBank, which has few such verbs, leaves the model unsure. A form that is also a
/// noun's ("planned", "ruled") or an adjective ("troubled") is left to the model, and so are
/// participles that name their noun ("a group called …").
fn finite_past_verb(words: &[Word<'_>], model_words: &SentenceTokens, wi: usize) -> bool {
    use super::features::Cue as Class;
    use crate::vocab::wordnet::{lemmas, senses};
    let w = &words[wi];
    if w.token.kind != TokenKind::Word
        || w.cue != Cue::None
        || w.capitalized
        || w.lower.len() < 5
        || !w.lower.ends_with("ed")
    {
        return false;
    }
    let (Some(verb), None) = lemmas(w.lower) else {
        return false;
    };
    // "the troubled lender", "long opposed": a form WordNet has as an adjective too is the
    // model's call.
    if verb.len() >= w.lower.len()
        || happen::is_naming(verb)
        || senses(w.lower).is_some_and(|s| s.adjective)
    {
        return false;
    }
    let class = |j: usize| model_words.info(j).map(|w| w.cue);
    // A subject: a noun or name (not an adverb, an adjective in "-ed" or a gerund), a pronoun,
    // or a relative ("who", "that").
    let subject = wi.checked_sub(1).is_some_and(|p| {
        let prev = &words[p];
        match class(p) {
            Some(Class::Other) => {
                prev.token.kind == TokenKind::Word
                    && !prev.lower.ends_with("ly")
                    && !prev.lower.ends_with("ed")
                    && !prev.lower.ends_with("ing")
            }
            Some(Class::Pronoun) => !matches!(prev.lower, "him" | "them" | "us" | "me"),
            Some(Class::Wh | Class::That) => true,
            _ => false,
        }
    });
    // A direct object: a name, a determiner, a figure or a pronoun, not a date ("the quarter
    // ended Sept. 30").
    let object = words.get(wi + 1).is_some_and(|n| {
        !model_words.in_timex(wi + 1)
            && (n.capitalized
                || matches!(class(wi + 1), Some(Class::Determiner | Class::Number))
                || matches!(n.lower, "him" | "her" | "them" | "us"))
    });
    subject && object
}

/// Whether a word opens a noun phrase as a determiner does: "the", "a", "its", a possessive
/// ("the board's").
fn is_determiner(lower: &str) -> bool {
    matches!(
        lower,
        "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our"
    ) || lower.ends_with("'s")
        || lower.ends_with("’s")
}

/// The form a trigger takes, from its spelling, the tense and aspect the model gives it, and
/// the hand lexicon where it knows the word.
fn form_of(lower: &str, tense: Tense, aspect: Aspect, known: Option<Trigger>) -> Form {
    match tense {
        Tense::None => Form::Noun,
        Tense::Prespart => Form::Gerund,
        Tense::Pastpart => Form::Participle,
        Tense::Infinitive | Tense::Future => Form::Base,
        Tense::Past | Tense::Present => {
            if aspect == Aspect::Progressive || lower.ends_with("ing") {
                Form::Gerund
            } else if let Some(t) = known.filter(|t| t.form != Form::Noun) {
                t.form
            } else if lower.ends_with("ed") || tense == Tense::Past {
                Form::Past
            } else if lower.ends_with('s') {
                Form::Third
            } else {
                Form::Base
            }
        }
    }
}

/// The modal verb of a trigger's verb group ("would", "could", "may"), TimeML's modality.
fn modal_word(words: &[Word<'_>], wi: usize) -> Option<&'static str> {
    const MODALS: [&str; 9] = [
        "would", "could", "may", "might", "should", "can", "must", "shall", "ought",
    ];
    for j in (wi.saturating_sub(4)..wi).rev() {
        let w = &words[j];
        if let Some(m) = MODALS.iter().find(|&&m| m == w.lower) {
            return Some(m);
        }
        if !matches!(
            w.cue,
            Cue::Be | Cue::Have | Cue::Negation | Cue::To | Cue::None
        ) || w.token.kind != TokenKind::Word
        {
            return None;
        }
    }
    None
}

/// How sure the model is, from its margin over "no event": a logistic curve.
fn confidence(margin: f32) -> f32 {
    1.0 / (1.0 + (-margin / CONFIDENCE_SCALE).exp())
}

/// Margin, in weight units, at which the model is about 73% sure (one unit of the logistic).
const CONFIDENCE_SCALE: f32 = 4.0;

/// How an event is anchored when its governing expression is anchored so.
pub(super) fn event_anchoring(a: Anchoring) -> EventAnchoring {
    match a {
        Anchoring::Explicit => EventAnchoring::Explicit,
        Anchoring::Publication => EventAnchoring::Publication,
        Anchoring::Narrative => EventAnchoring::Narrative,
        Anchoring::None => EventAnchoring::None,
    }
}

/// Whether a day lies within a week before or after the publication date.
fn near_publication(v: &DateValue, published: Option<NaiveDate>) -> bool {
    match (v.interval(), published) {
        (Some(iv), Some(p)) => (iv.start - p).num_days().abs() <= 7,
        _ => false,
    }
}

/// The modality of a trigger from the words before it in its clause, whether it is passive,
/// and whether it reads as a background state (progressive or perfect progressive).
fn modality_of(words: &[Word<'_>], wi: usize, form: Form) -> (Modality, bool, bool) {
    let mut modality = Modality::Actual;
    let mut negated = false;
    let mut passive = false;
    let mut background = false;
    let mut saw_be = false;
    for j in (wi.saturating_sub(5)..wi).rev() {
        let w = &words[j];
        if matches!(w.lower, "," | ";" | ":") {
            break;
        }
        match w.cue {
            Cue::Negation => negated = true,
            Cue::Will if modality == Modality::Actual => modality = Modality::Future,
            Cue::Modal if modality == Modality::Actual => {
                modality = if w.lower == "would" && reports_ahead(words, j) {
                    Modality::Future
                } else {
                    Modality::Possible
                };
            }
            Cue::To if j + 1 == wi || saw_be => {
                // "plans to visit", "expected to be signed": intended, not done.
                let governor = j.checked_sub(1).map(|g| words[g].lower);
                if governor.is_some_and(is_intent_verb) {
                    modality = Modality::Future;
                } else if form == Form::Base {
                    modality = Modality::Possible;
                }
            }
            Cue::Be => {
                saw_be = true;
                if matches!(form, Form::Past | Form::Participle) {
                    passive = true;
                }
                if form == Form::Gerund {
                    background = true;
                }
            }
            Cue::Clause => break,
            _ => {}
        }
    }
    if negated {
        modality = Modality::Negated;
    }
    (modality, passive, background)
}

/// How many words before a "would" a verb of saying may stand for it to tell what was
/// announced ("said on Tuesday that the party would").
const REPORTED_WOULD_WORDS: usize = 5;

/// Whether the "would" at word `j` tells the future of a report in the past ("said he would
/// travel to the region on Friday", "told reporters the party would lodge a request"): a
/// past form of a verb of saying shortly before it, in its sentence part. The happening is
/// announced as to come, not a possibility. So does any past form of a verb right before
/// "that" ("announced that the plant would close").
fn reports_ahead(words: &[Word<'_>], j: usize) -> bool {
    for k in (j.saturating_sub(REPORTED_WOULD_WORDS)..j).rev() {
        let w = words[k].lower;
        if matches!(w, "." | ";" | ":" | "?" | "!") || w.is_empty() {
            return false;
        }
        if let (Some(verb), _) = crate::vocab::wordnet::lemmas(w) {
            // Or any past form before "that": "announced that", "promised that".
            let that_follows = words.get(k + 1).is_some_and(|n| n.lower == "that");
            if verb != w && (happen::is_saying(verb) || that_follows) {
                return true;
            }
        }
    }
    false
}

/// Whether a clause boundary (a comma, semicolon, conjunction or relative word) lies between
/// words `a` and `b` (exclusive).
pub(super) fn boundary_between(words: &[Word<'_>], a: usize, b: usize) -> bool {
    let (a, b) = if a < b { (a, b) } else { (b, a) };
    let between = words.get(a + 1..b).unwrap_or_default();
    // A bare "and" joins names as often as clauses ("Kenya and east Africa"); after a comma
    // it starts a new clause.
    between.iter().enumerate().any(|(i, w)| {
        matches!(w.lower, ";" | ":" | "but" | ",")
            || w.cue == Cue::Clause
            || (w.lower == ","
                && between
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.lower, "and" | "or" | "but")))
    })
}

/// The words of the noun phrase a date stands in as a modifier before its noun, from the word
/// after the date to the head (at most three words on): "the 2021 flood", "a January audit",
/// "Sunday's race". Such a date does not date the happenings before the phrase ("appealed
/// against his conviction over the 2021 flood"), unless the phrase is the occasion of their
/// clause ("won silver at the 2023 championships", "during the 2019 strike"); what the phrase
/// does, or a clause about it tells, it may ("the 2021 flood, in which 14 died").
fn premodified(words: &[Word<'_>], t: &Timex) -> Option<(usize, usize)> {
    let first = words.partition_point(|w| w.token.start < t.start);
    let end = words.partition_point(|w| w.token.end <= t.end);
    // "Sunday's" is one word: the date ends inside it, before its possessive.
    let joined = words.get(end).is_some_and(|w| {
        w.token.start < t.end && (w.lower.ends_with("'s") || w.lower.ends_with("’s"))
    });
    let last = if joined { end } else { end.checked_sub(1)? };
    if last < first {
        return None;
    }
    let content = |w: &Word<'_>| w.token.kind == TokenKind::Word && w.cue == Cue::None;
    let mut next = last + 1;
    let before = if joined {
        first.checked_sub(1)
    } else if words
        .get(next)
        .is_some_and(|w| matches!(w.lower, "'s" | "'"))
    {
        next += 1;
        first.checked_sub(1)
    } else if words[first..=last]
        .iter()
        .any(|w| w.lower == "-" || w.lower.contains('-'))
    {
        // A date made an adjective by its hyphen needs no determiner: "first-quarter results".
        first.checked_sub(1)
    } else {
        let det = first.checked_sub(1)?;
        if words[det].cue != Cue::Determiner {
            return None;
        }
        det.checked_sub(1)
    };
    // After a preposition the date is the verb's ("spoke at Sunday's rally"), unless the
    // preposition follows a word that can only be a noun: then its phrase is that noun's
    // ("certified his victory in last Sunday's run-off").
    if before.is_some_and(|b| {
        matches!(words[b].lower, "at" | "in" | "during" | "on" | "amid")
            && !b.checked_sub(1).is_some_and(|n| {
                matches!(
                    crate::vocab::wordnet::lemmas(words[n].lower),
                    (None, Some(_))
                )
            })
    }) {
        return None;
    }
    if !words.get(next).is_some_and(content) {
        return None;
    }
    let mut head = next;
    while head < next + 3 && words.get(head + 1).is_some_and(content) {
        head += 1;
    }
    Some((next, head))
}

/// The dating expression that governs the trigger: the nearest in its clause, looking right
/// first ("met on 12 September"), then left ("On Thursday, the minister met"). A day beats a
/// year or a month at a similar distance: "this year's conference" names the event, "yesterday"
/// dates it.
fn governing_time(
    words: &[Word<'_>],
    wi: usize,
    noun: bool,
    dating: &[usize],
    timexes: &[Timex],
    lo: usize,
    hi: usize,
) -> Option<usize> {
    if dating.is_empty() {
        return None;
    }
    let pos = |ti: usize| {
        let start = timexes[ti].start;
        words.partition_point(|w| w.token.start < start)
    };
    let pos_end = |ti: usize| {
        let end = timexes[ti].end;
        words.partition_point(|w| w.token.end <= end)
    };
    let mut best: Option<(usize, usize)> = None;
    let mut anchor_of_relative = None;
    for &ti in dating {
        let p = pos(ti).min(words.len().saturating_sub(1));
        // "the day after the meeting": the noun is what the expression counts from, not what
        // it dates.
        let counts_from = noun
            && timexes[ti].anchoring == Anchoring::Narrative
            && p < wi
            && pos_end(ti) + 2 >= wi;
        if counts_from {
            anchor_of_relative = Some(ti);
            continue;
        }
        // "the 1967 borders", "the 2006 elections": a year before a noun dates that noun only.
        let attributive = p > 0
            && words[p - 1].cue == Cue::Determiner
            && words[p].lower.bytes().all(|b| b.is_ascii_digit())
            && words.get(pos_end(ti)).is_some_and(|n| {
                n.token.kind == TokenKind::Word
                    && !n.capitalized
                    && n.cue == Cue::None
                    && !matches!(n.lower, "of" | "for" | "on" | "to")
            });
        if attributive && !(noun && wi >= pos_end(ti) && wi <= pos_end(ti) + 2) {
            continue;
        }
        let coarse = timexes[ti]
            .value
            .date()
            .is_some_and(|d| d.granularity() < Granularity::Week);
        let penalty = if coarse { 4 } else { 0 };
        let (distance, in_clause) = if p > wi {
            // A time set off by a comma still ends the clause: "met him in Vienna, in 2020".
            let mut q = p;
            if q > wi + 2 && matches!(words[q - 1].lower, "in" | "on" | "during") {
                q -= 1;
            }
            if q > wi + 1 && words[q - 1].lower == "," {
                q -= 1;
            }
            (
                p - wi,
                p < hi.max(wi + 1) + 3 && !boundary_between(words, wi, q),
            )
        } else {
            // A time fronted at the head of the sentence governs its main clause across the
            // comma; any other time before the trigger must share its clause.
            let fronted = p <= 2;
            (
                (wi - p) * 3 / 2 + 1,
                fronted || (p + 3 >= lo && !boundary_between(words, p, wi)),
            )
        };
        if !in_clause || in_complement(words, wi, timexes[ti].start) {
            continue;
        }
        let score = distance + penalty;
        if best.is_none_or(|(d, _)| score < d) {
            best = Some((score, ti));
        }
    }
    // One dating expression in the sentence dates it even from another clause: "welcomed the
    // delegation in Vienna, where they discussed the region on 12 September".
    best.map(|(_, ti)| ti).or_else(|| {
        // Only a day reaches across clauses; a year elsewhere in the sentence is
        // background ("founded in 1976, it now sells …").
        let day = |ti: usize| {
            timexes[ti]
                .value
                .date()
                .is_some_and(|d| d.granularity() >= Granularity::Day)
        };
        (dating.len() == 1 && day(dating[0]) && anchor_of_relative != Some(dating[0]))
            .then(|| dating[0])
    })
}

/// How many sentences a narrative time carries to undated events after it.
const CONTEXT_SENTENCES: usize = 4;

/// The sentences at the head of an article whose first dated day is the story's day.
const LEDE_SENTENCES: usize = 3;

/// The time an undated event takes from its context: the narrative time of the last few
/// sentences, else the publication date (news reports what happened lately).
fn inherited(
    context: Option<(DateValue, usize, usize)>,
    sentence: usize,
    modality: Modality,
    background: bool,
    published: Option<NaiveDate>,
) -> (Option<DateValue>, EventAnchoring, Option<usize>) {
    if background || !matches!(modality, Modality::Actual) {
        return (None, EventAnchoring::None, None);
    }
    if let Some((value, set_at, ti)) = context {
        if sentence - set_at <= CONTEXT_SENTENCES {
            return (Some(value), EventAnchoring::Inherited, Some(ti));
        }
    }
    match published {
        Some(d) => (
            Some(DateValue::from_date(d)),
            EventAnchoring::Publication,
            None,
        ),
        None => (None, EventAnchoring::None, None),
    }
}

/// Whether a date at byte `at` lies in a clause that complements the trigger at word `wi`:
/// after "that" and the auxiliary of that clause's verb ("announced that the plant would open
/// in 2027" dates the opening, not the announcement).
fn in_complement(words: &[Word<'_>], wi: usize, at: usize) -> bool {
    let p = token_index(words, at);
    let between = words.get(wi + 1..p).unwrap_or_default();
    between
        .iter()
        .position(|w| w.lower == "that")
        .is_some_and(|t| {
            between[t + 1..].iter().any(|w| {
                matches!(
                    w.cue,
                    Cue::Will | Cue::Modal | Cue::Be | Cue::Have | Cue::Do
                )
            })
        })
}

pub(super) fn token_index(words: &[Word<'_>], byte: usize) -> usize {
    words.partition_point(|w| w.token.start < byte)
}

/// Whether a relative or subordinating word, or a semicolon, lies between words `a` and `b`:
/// names beyond it belong to another clause.
fn clause_between(words: &[Word<'_>], a: usize, b: usize) -> bool {
    let (a, b) = if a < b { (a, b) } else { (b, a) };
    words
        .get(a + 1..b)
        .unwrap_or_default()
        .iter()
        .any(|w| w.lower == ";" || w.cue == Cue::Clause)
}

/// An emptied vector of words that borrows nothing, its allocation kept for the next sentence:
/// collecting an emptied `Vec` into one of the same layout reuses its buffer.
#[expect(
    clippy::unnecessary_filter_map,
    reason = "the map is what changes the borrow's lifetime; it sees no element"
)]
fn reuse<'b>(mut words: Vec<Word<'_>>) -> Vec<Word<'b>> {
    words.clear();
    words.into_iter().filter_map(|_| None).collect()
}

/// Where a wire dateline's head ends: past the dash after its date and agency ("OSLO, May 3
/// (Wire) -"), or 0 when the text opens with none.
fn wire_head_end(text: &str, segmented: &Segmented) -> usize {
    let Some(d) = segmented
        .dateline
        .filter(|d| d.kind == crate::text::DatelineKind::Wire)
    else {
        return 0;
    };
    let rest = text.get(d.end..).unwrap_or("");
    // The dash comes within a short agency name of the date.
    let mut head = rest.len().min(80);
    while !rest.is_char_boundary(head) {
        head -= 1;
    }
    let head_text = rest.get(..head).unwrap_or("");
    [" - ", " \u{2013} ", " \u{2014} "]
        .iter()
        .filter_map(|dash| head_text.find(dash))
        .min()
        .map_or(0, |k| d.end + k)
}

/// People and organisations in the trigger's clause (of the sentence's `people`: mention and
/// word index), with their parts where the syntax shows: names before an active verb did it,
/// names after it had it done to them; a passive verb turns that round, and "by" names the doer.
fn participants_of(
    words: &[Word<'_>],
    wi: usize,
    passive: bool,
    people: &[(usize, usize)],
    entities: &Entities,
    lo: usize,
    hi: usize,
) -> Vec<Participant> {
    let mut out = Vec::new();
    let mut subject_seen = false;
    for &(mi, p) in people {
        let m = &entities.mentions[mi];
        let in_clause = if p < wi {
            p >= lo && !clause_between(words, p, wi)
        } else {
            p <= hi && !clause_between(words, wi, p)
        };
        if !in_clause {
            continue;
        }
        let before = p.checked_sub(1).map_or(Cue::None, |b| words[b].cue);
        let role = if p < wi {
            subject_seen = true;
            if passive {
                Role::Patient
            } else {
                Role::Agent
            }
        } else {
            match before {
                Cue::By if passive => Role::Agent,
                Cue::With => Role::Participant,
                _ if passive => Role::Participant,
                _ => Role::Patient,
            }
        };
        out.push(Participant {
            mention: mi,
            entity: m.entity,
            role,
        });
    }
    // "The delegation arrived … and met the minister": the subject of the first verb is the
    // subject of the second.
    if !subject_seen {
        if let Some(&(mi, _)) = people
            .iter()
            .rev()
            .find(|&&(_, p)| p < lo && !clause_between(words, p, wi))
        {
            let role = if passive { Role::Patient } else { Role::Agent };
            out.insert(
                0,
                Participant {
                    mention: mi,
                    entity: entities.mentions[mi].entity,
                    role,
                },
            );
            subject_seen = true;
        }
    }
    // "He resigned", "the company said": the doer named before, by a pronoun or a role.
    if !subject_seen {
        if let Some(mi) = referent(words, wi, lo, entities) {
            let role = if passive { Role::Patient } else { Role::Agent };
            out.insert(
                0,
                Participant {
                    mention: mi,
                    entity: entities.mentions[mi].entity,
                    role,
                },
            );
        }
    }
    out
}

struct References {
    person: FxHashSet<&'static str>,
    organization: FxHashSet<&'static str>,
    organization_noun: FxHashSet<&'static str>,
}

const REFERENCES_FILE: &str = include_str!("../../data/lexicon/references.txt");

static REFERENCES: LazyLock<References> = LazyLock::new(|| {
    let mut r = References {
        person: FxHashSet::default(),
        organization: FxHashSet::default(),
        organization_noun: FxHashSet::default(),
    };
    for e in entries(REFERENCES_FILE) {
        let set = match e.section {
            "person" => &mut r.person,
            "organization" => &mut r.organization,
            "organization_noun" => &mut r.organization_noun,
            _ => e.bad("lexicon/references.txt", "unknown list"),
        };
        set.insert(e.word);
    }
    r
});

/// How many sentences back a pronoun or a role looks for the one it refers to.
const REFERENCE_SENTENCES: usize = 3;

/// The name a pronoun or a role before the trigger (in its clause, from word `lo`) refers to:
/// the last person ("he", "she", "the minister") or organisation ("it", "the company") named
/// before it, no more than a few sentences back. Index into [`Entities::mentions`].
fn referent(words: &[Word<'_>], wi: usize, lo: usize, entities: &Entities) -> Option<usize> {
    let refs = &*REFERENCES;
    let from = lo.max(wi.saturating_sub(6));
    let mut kind = None;
    let mut at = 0usize;
    for j in (from..wi).rev() {
        let w = &words[j];
        if matches!(w.lower, "," | ";" | ":") || w.cue == Cue::Clause {
            break;
        }
        let after_the = j > 0 && matches!(words[j - 1].lower, "the" | "its" | "their");
        let person_role = after_the
            && crate::entity::lexicon::flags_of_hash(crate::entity::fx::hash_str(w.lower))
                & crate::entity::lexicon::TITLE
                != 0;
        if refs.person.contains(w.lower) || person_role {
            kind = Some(EntityKind::Person);
        } else if refs.organization.contains(w.lower)
            || (after_the && refs.organization_noun.contains(w.lower))
        {
            kind = Some(EntityKind::Organization);
        }
        if kind.is_some() {
            at = w.token.start;
            break;
        }
    }
    let kind = kind?;
    let before = entities.mentions.partition_point(|m| m.start < at);
    let sentence = entities
        .mentions
        .get(before.checked_sub(1)?)
        .map(|m| m.sentence)?;
    entities.mentions[..before]
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, m)| m.sentence + REFERENCE_SENTENCES >= sentence)
        .find(|(_, m)| m.kind == kind)
        .map(|(i, _)| i)
}

/// The place the event happened: a place named after "in", "at" or "to" near the trigger.
fn location_of(
    words: &[Word<'_>],
    wi: usize,
    mentions: &[usize],
    entities: &Entities,
    lo: usize,
    hi: usize,
) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for &mi in mentions {
        let m = &entities.mentions[mi];
        if m.kind != EntityKind::Place {
            continue;
        }
        let p = token_index(words, m.start);
        if p < lo.saturating_sub(3) || p > hi + 3 {
            continue;
        }
        // "in Pontyr", "near Pontyr", and the same before "the village of Pontyr".
        let locative =
            |b: usize| matches!(words[b].cue, Cue::Place | Cue::To) || words[b].lower == "near";
        let named_kind = p >= 3
            && words[p - 1].lower == "of"
            && crate::entity::lexicon::is_place_noun(words[p - 2].lower)
            && (locative(p - 3)
                || (p >= 4 && words[p - 3].cue == Cue::Determiner && locative(p - 4)));
        if !(named_kind || (p >= 1 && locative(p - 1))) {
            continue;
        }
        let d = p.abs_diff(wi);
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, mi));
        }
    }
    best.map(|(_, mi)| mi)
}

/// The lemma of a regular past form outside the lexicon: "tried" → "try", "issued" → "issue",
/// "stopped" → "stop", "rebuffed" → "rebuff".
fn regular_lemma(past: &str) -> String {
    if let Some(stem) = past.strip_suffix("ied") {
        return format!("{stem}y");
    }
    let Some(stem) = past.strip_suffix("ed") else {
        return past.to_owned();
    };
    let b = stem.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'f' | b'z') {
        return stem[..n - 1].to_owned();
    }
    // Stems that drop a final "e" before "-ed": "disclos(e)d", "argu(e)d", "produc(e)d".
    if matches!(b.last(), Some(b's' | b'c' | b'v' | b'z' | b'u' | b'g'))
        && !stem.ends_with("ss")
        && !stem.ends_with("ng")
    {
        return format!("{stem}e");
    }
    stem.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_file_parses() {
        let sections = ["person", "organization", "organization_noun"];
        let p = crate::vocab::lists::problems(REFERENCES_FILE, &sections, true);
        assert!(p.is_empty(), "data/lexicon/references.txt: {p:?}");
        // Building the lists panics on a list it does not know.
        assert!(REFERENCES.person.contains("she") && REFERENCES.organization_noun.contains("bank"));
        assert!(is_intent_verb("slated") && !is_intent_verb("decided"));
    }

    #[test]
    fn regular_lemmas() {
        for (past, lemma) in [
            ("tried", "try"),
            ("issued", "issue"),
            ("disclosed", "disclose"),
            ("stopped", "stop"),
            ("rebuffed", "rebuff"),
            ("yielded", "yield"),
            ("passed", "pass"),
        ] {
            assert_eq!(regular_lemma(past), lemma);
        }
    }

    #[test]
    fn words_are_lowered_into_one_buffer() {
        let mut buf = Vec::new();
        let mut lowered = Vec::new();
        for word in [
            "Met",
            "Velsky’s",
            "VARNHOLM",
            "Варнхольм",
            "déjà",
            &"x".repeat(MAX_WORD + 1),
        ] {
            let r = lower_into(&mut buf, word);
            lowered.push(String::from_utf8(buf[r].to_vec()).unwrap_or_default());
        }
        assert_eq!(lowered, ["met", "velsky's", "varnholm", "", "", ""]);
        assert_eq!(buf, b"metvelsky'svarnholm");
    }

    #[test]
    fn a_wire_datelines_agency_takes_no_part() {
        let text = "HARLOW, March 12 (Wire) - The trial of a shipyard engineer opened on \
                    Monday. Prosecutors charged Anna Berg on Tuesday.";
        let x = crate::extract(&crate::Document::new("w", text));
        let trial = x.events.iter().find(|e| e.lemma == "trial");
        assert!(trial.is_some_and(|e| e.participants.is_empty()), "{x:?}");
        let charged = x.events.iter().find(|e| e.lemma == "charge");
        let who: Vec<&str> = charged
            .map(|e| {
                e.participants
                    .iter()
                    .map(|p| x.entities.entities[p.entity].name.as_str())
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(who, ["Anna Berg"]);
        assert_eq!(
            wire_head_end(text, &x.segmented),
            text.find(" - ").unwrap_or(0)
        );
    }
}
