//! Happenings, not triggers: the words of a sentence that tell one happening fold into one
//! event mention.
//!
//! - A support verb and the event noun it takes ("held talks", "made an official visit",
//!   "carried out an attack"): the noun names the happening, the verb is folded into it. Where
//!   the model did not take the noun for an event but WordNet says it names an act or an event,
//!   the noun becomes the trigger all the same.
//! - An event noun and the verb that says it happened ("the summit took place", "a fire broke
//!   out", "the talks began"): the noun, with the verb folded.
//! - An event noun or infinitive that is the argument of another event in its clause ("met to
//!   negotiate an agreement", "agreed to buy the company"): folded into that event, unless a
//!   date of its own in the clause makes it a happening apart.
//! - A reporting frame ("officials said on Sunday that the talks ended", "according to the
//!   ministry, the meeting took place"): the reported happening, with the statement folded
//!   into it as its source. Where nothing it reports happened, the statement stays itself.
//! - A photo caption shows a happening; it is not one.
//!
//! The word lists are in `data/lexicon/happenings.txt`.

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::find::{boundary_between, token_index, Cue, Word};
use super::{
    EventAnchoring, EventClass, EventMention, FoldKind, FoldedTrigger, Modality, Tense, Timeml,
};
use crate::text::TokenKind;
use crate::time::{DateValue, Timex, TimexType};
use crate::vocab::lists::entries;
use crate::vocab::wordnet;

struct Lists {
    saying: FxHashSet<&'static str>,
    support: FxHashSet<&'static str>,
    occurrence: FxHashSet<&'static str>,
    caption: FxHashSet<&'static str>,
    credit: FxHashSet<&'static str>,
    reporting: FxHashSet<&'static str>,
    descriptive: FxHashSet<&'static str>,
    naming: FxHashSet<&'static str>,
}

const HAPPENINGS: &str = include_str!("../../data/lexicon/happenings.txt");

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let mut lists = Lists {
        saying: FxHashSet::default(),
        support: FxHashSet::default(),
        occurrence: FxHashSet::default(),
        caption: FxHashSet::default(),
        credit: FxHashSet::default(),
        reporting: FxHashSet::default(),
        descriptive: FxHashSet::default(),
        naming: FxHashSet::default(),
    };
    for e in entries(HAPPENINGS) {
        let set = match e.section {
            "support" => &mut lists.support,
            "occurrence" => &mut lists.occurrence,
            "caption" => &mut lists.caption,
            "credit" => &mut lists.credit,
            "reporting" => &mut lists.reporting,
            "saying" => &mut lists.saying,
            "descriptive" => &mut lists.descriptive,
            "naming" => &mut lists.naming,
            _ => e.bad("lexicon/happenings.txt", "unknown list"),
        };
        set.insert(e.word);
    }
    lists
});

/// Particles of phrasal verbs ("carry out", "break out", "take place").
pub(crate) const PARTICLES: [&str; 11] = [
    "out", "off", "up", "down", "over", "place", "ahead", "back", "away", "in", "on",
];

/// The particle of a phrasal verb right after word `wi` ([`PARTICLES`]).
fn particle_after(words: &[Word<'_>], wi: usize) -> Option<&'static str> {
    let next = words.get(wi + 1)?;
    PARTICLES.iter().copied().find(|&p| p == next.lower)
}

/// The verb lemma with its particle if the pair is listed ("take place"), else the lemma.
fn phrasal<'a>(
    lemma: &'a str,
    words: &[Word<'_>],
    wi: usize,
    list: &FxHashSet<&'static str>,
) -> Option<(&'a str, Option<&'static str>)> {
    if let Some(p) = particle_after(words, wi) {
        let joined = format!("{lemma} {p}");
        if list.contains(joined.as_str()) {
            return Some((lemma, Some(p)));
        }
    }
    list.contains(lemma).then_some((lemma, None))
}

/// Whether the words between `a` and `b` are one parenthesis set off by commas: "the
/// earthquake, measured at 7.1, struck".
fn parenthesis_between(words: &[Word<'_>], a: usize, b: usize) -> bool {
    let Some(between) = words.get(a + 1..b) else {
        return false;
    };
    between.len() <= 12
        && between.first().is_some_and(|w| w.lower == ",")
        && between.last().is_some_and(|w| w.lower == ",")
        && between.iter().filter(|w| w.lower == ",").count() == 2
        && !between
            .iter()
            .any(|w| matches!(w.lower, ";" | ":" | "and" | "but" | "or"))
}

/// Whether the sentence is a photo caption ("Photo: …", "A (left) and B (right) …") or a credit
/// line ("(Reporting by …; Editing by …)").
pub(super) fn is_caption(words: &[Word<'_>]) -> bool {
    let lists = &*LISTS;
    let first = words
        .iter()
        .position(|w| w.token.kind == TokenKind::Word)
        .unwrap_or(0);
    let opens = words.get(first).is_some_and(|w| {
        lists.caption.contains(w.lower)
            && words
                .get(first + 1)
                .is_some_and(|n| matches!(n.lower, ":" | "—" | "-" | "–" | "|"))
    });
    let credit = words.get(first..first + 2).is_some_and(|w| {
        lists
            .credit
            .contains(format!("{} {}", w[0].lower, w[1].lower).as_str())
    });
    opens
        || credit
        || words.windows(3).any(|w| {
            w[0].lower == "("
                && matches!(w[1].lower, "left" | "right" | "center" | "centre")
                && w[2].lower == ")"
        })
}

/// A word's noun lemma and the lexicographer file of its most frequent noun sense ("noun.act").
fn first_noun_sense(lower: &str) -> Option<(&'static str, &'static str)> {
    let lemma = wordnet::lemmas(lower).1?;
    let first = wordnet::senses(lemma)?.first_noun?;
    Some((lemma, wordnet::LEXFILES.get(usize::from(first))?))
}

/// Whether a word can be the head noun of a happening: WordNet has it as a noun whose most
/// frequent sense is an act, an event, a process or a phenomenon.
pub(crate) fn eventive_noun(lower: &str) -> Option<&'static str> {
    let (lemma, file) = first_noun_sense(lower)?;
    matches!(
        file,
        "noun.act" | "noun.event" | "noun.process" | "noun.phenomenon"
    )
    .then_some(lemma)
}

/// The lemma of a noun whose most frequent sense names a happening ([`eventive_noun`]) or
/// a communication: "an agreement", "talks", "the report", "the 2018 pact" name their
/// making.
pub(crate) fn named_happening(lower: &str) -> Option<&'static str> {
    eventive_noun(lower).or_else(|| {
        let (lemma, file) = first_noun_sense(lower)?;
        (file == "noun.communication").then_some(lemma)
    })
}

/// Whether a noun that a date modifies names a happening: [`eventive_noun`], or its most
/// frequent sense is a state or an attribute and another is an act or an event ("the 2019
/// stoppage", "the clearance on 12 June": the date picks the eventive sense). Nouns whose
/// first sense is a thing, a group or a possession ("the bank on Friday", "the house") are
/// left out, however rare an eventive sense they have.
pub(crate) fn dated_noun(lower: &str) -> bool {
    eventive_noun(lower).is_some()
        || wordnet::lemmas(lower)
            .1
            .and_then(wordnet::senses)
            .is_some_and(|s| {
                let first = s
                    .first_noun
                    .and_then(|f| wordnet::LEXFILES.get(usize::from(f)));
                matches!(first, Some(&("noun.state" | "noun.attribute")))
                    && (s.noun_in("noun.act") || s.noun_in("noun.event"))
            })
}

/// The lemma of a noun that names a happening as the object of a support verb ("made an
/// appearance", "handed in their resignations"): [`happening_object`], unless its most
/// frequent sense is a thing, a place, a measure or a quality: "reached the border post" (a
/// post is first a place), "took part", "took control".
fn support_object(lower: &str) -> Option<&'static str> {
    const THINGS: [&str; 16] = [
        "noun.artifact",
        "noun.object",
        "noun.location",
        "noun.body",
        "noun.substance",
        "noun.food",
        "noun.plant",
        "noun.animal",
        "noun.person",
        "noun.group",
        "noun.quantity",
        "noun.possession",
        "noun.time",
        "noun.relation",
        "noun.shape",
        "noun.attribute",
    ];
    let lemma = happening_object(lower)?;
    let (_, file) = first_noun_sense(lower)?;
    (!THINGS.contains(&file)).then_some(lemma)
}

/// Whether a word can name a happening: WordNet has some noun sense of it that is an act, an
/// event, a process, a phenomenon or a communication.
fn happening_object(lower: &str) -> Option<&'static str> {
    let (_, noun) = wordnet::lemmas(lower);
    let lemma = noun?;
    let senses = wordnet::senses(lemma)?;
    let files = [
        "noun.act",
        "noun.event",
        "noun.process",
        "noun.phenomenon",
        "noun.communication",
    ];
    files
        .iter()
        .filter_map(|f| wordnet::LEXFILES.iter().position(|l| l == f))
        .any(|f| senses.noun >> f & 1 == 1)
        .then_some(lemma)
}

/// Whether byte `at` lies in one of `timexes` (sorted, not overlapping).
fn in_timex(timexes: &[Timex], at: usize) -> bool {
    let k = timexes.partition_point(|t| t.end <= at);
    timexes.get(k).is_some_and(|t| t.start <= at)
}

/// Words that can stand between a support verb and its object's head: determiners,
/// adjectives, numbers, possessives.
fn in_noun_phrase(w: &Word<'_>) -> bool {
    match w.token.kind {
        TokenKind::Number | TokenKind::Alnum => true,
        TokenKind::Punct => matches!(w.lower, "-" | "'" | "’"),
        // A word that opens a time ("suspended the day after the vote") ends it.
        TokenKind::Word => {
            (matches!(w.cue, Cue::Determiner | Cue::None) || w.lower == "'s")
                && !matches!(w.lower, "after" | "before" | "since" | "until" | "during")
        }
    }
}

/// The longest "of" phrase between an event noun and its verb, in words.
const MAX_OF_PHRASE: usize = 10;

/// Whether only an "of" phrase of plain noun-phrase words stands between the noun at `noun` and
/// the verb at `verb`: "the trial of the former harbour engineer opened".
fn of_phrase_between(words: &[Word<'_>], noun: usize, verb: usize) -> bool {
    verb > noun + 2
        && verb - noun <= MAX_OF_PHRASE + 1
        && words.get(noun + 1).is_some_and(|w| w.lower == "of")
        && words[noun + 2..verb].iter().all(in_noun_phrase)
}

/// The word index of each mention's trigger.
fn positions(words: &[Word<'_>], mentions: &[EventMention]) -> Vec<usize> {
    mentions
        .iter()
        .map(|m| token_index(words, m.trigger_start))
        .collect()
}

/// Folds mention `from` into mention `into`: the words of `from` become folded words of
/// `into`, and `into` takes what it lacks from `from` (a time, participants, a place).
/// Folds the verb at `from` that says the noun's happening at `into` took place ("the trial
/// began"). The date after that verb dates the happening over one the noun took from before
/// it, which is another clause's ("the verdict on 4 March after a trial that began on 12
/// January").
fn fold_occurrence(mentions: &mut [EventMention], timexes: &[Timex], into: usize, from: usize) {
    let start = |m: &EventMention| m.time.and_then(|ti| timexes.get(ti)).map(|t| t.start);
    let (noun, verb) = (&mentions[into], &mentions[from]);
    let verb_dates = verb.time != noun.time
        && start(verb).is_some_and(|s| s >= verb.trigger_end)
        && start(noun).is_some_and(|s| s < noun.trigger_start);
    if verb_dates {
        let noun = &mut mentions[into];
        noun.time = None;
        noun.when = None;
        noun.anchor = None;
        noun.inherited_from = None;
    }
    fold_into(mentions, into, from, FoldKind::Occurrence);
}

fn fold_into(mentions: &mut [EventMention], into: usize, from: usize, kind: FoldKind) {
    if into == from {
        return;
    }
    let source = mentions[from].clone();
    let target = &mut mentions[into];
    target.folded.push(FoldedTrigger {
        start: source.trigger_start,
        end: source.trigger_end,
        lemma: source.lemma.clone(),
        kind,
        timeml: source.timeml,
        anchor: source.anchor,
    });
    target.folded.extend(source.folded);
    target.folded.sort_by_key(|f| f.start);
    target.folded.dedup_by_key(|f| f.start);
    // The folded word's own time dates the happening when the trigger has none of its own
    // ("the meeting took place on Thursday").
    if target.time.is_none() && source.time.is_some() {
        target.time = source.time;
        target.when = source.when;
        target.anchoring = source.anchoring;
        target.inherited_from = source.inherited_from;
        target.anchor = source.anchor;
        target.timeline = source.timeline || target.timeline;
    } else if target.when.is_none() && source.when.is_some() {
        target.when = source.when;
        target.anchoring = source.anchoring;
        target.inherited_from = source.inherited_from;
        target.timeline = source.timeline || target.timeline;
    }
    for p in source.participants {
        if !target.participants.iter().any(|q| q.mention == p.mention) {
            target.participants.push(p);
        }
    }
    target.participants.sort_by_key(|p| p.mention);
    target.location = target.location.or(source.location);
    target.confidence = target.confidence.max(source.confidence);
    // The verb that says a noun's happening took place carries the clause's modality: "the
    // summit will open" is a plan, "the talks did not take place" did not happen.
    if matches!(kind, FoldKind::Occurrence | FoldKind::Support)
        && target.modality == Modality::Actual
        && source.modality != Modality::Actual
    {
        target.modality = source.modality;
    }
}

/// Folds the mentions of one sentence (in text order) into happenings: `keep[i]` says
/// whether mention i is still a happening of its own; the others are folded into one.
pub(super) fn fold(
    words: &[Word<'_>],
    timexes: &[Timex],
    mentions: &mut [EventMention],
) -> Vec<bool> {
    let lists = &*LISTS;
    let n = mentions.len();
    let mut keep = vec![true; n];
    if n == 0 {
        return keep;
    }
    let at = positions(words, mentions);
    let mention_at = |wi: usize| at.iter().position(|&p| p == wi);
    // The model's tense is NONE for nouns, and now and then for a verb it does not know in
    // its context ("struck southern Peru"): a word WordNet has no noun for is a verb.
    let is_noun = |m: &EventMention| {
        m.timeml.tense == Tense::None
            && words
                .binary_search_by_key(&m.trigger_start, |w| w.token.start)
                .map_or(true, |wi| {
                    wordnet::lemmas(words[wi].lower).1.is_some() && !after_modal(words, wi)
                })
    };

    // 1. Support verb + event noun object: "held talks", "carried out an attack".
    for i in 0..n {
        if !keep[i] || is_noun(&mentions[i]) {
            continue;
        }
        // "took place", "broke out": a phrase that says the happening occurred (step 2).
        if matches!(
            phrasal(&mentions[i].lemma, words, at[i], &lists.occurrence),
            Some((_, Some(_)))
        ) {
            continue;
        }
        let Some((_, particle)) = phrasal(&mentions[i].lemma, words, at[i], &lists.support) else {
            continue;
        };
        // "was held" with its noun before it is an occurrence (below), not a support.
        let passive = at[i] > 0 && words[at[i] - 1].cue == Cue::Be;
        if passive {
            continue;
        }
        // "Announced that the fair would return": a clause, not an object. "That" opens one
        // after a verb of reporting, or before another determiner or a name.
        let complement = words.get(at[i] + 1).is_some_and(|w| w.lower == "that")
            && (mentions[i].timeml.class == EventClass::Reporting
                || words
                    .get(at[i] + 2)
                    .is_some_and(|w| w.cue == Cue::Determiner || w.capitalized));
        if complement {
            continue;
        }
        let mut j = at[i] + 1 + usize::from(particle.is_some());
        let limit = (j + 5).min(words.len());
        let mut head = None;
        while j < limit {
            let w = &words[j];
            if let Some(k) = mention_at(j) {
                if is_noun(&mentions[k]) {
                    head = Some((j, Some(k)));
                }
                break;
            }
            if !in_noun_phrase(w) {
                break;
            }
            if w.token.kind == TokenKind::Word && w.cue == Cue::None && !w.capitalized {
                if let Some(lemma) = support_object(w.lower) {
                    // A noun followed by another noun is a modifier ("peace talks", "a
                    // corruption inquiry"), whether or not the model took the head for a
                    // happening; not a word of a time ("their resignations last Wednesday").
                    let next_noun = words.get(j + 1).is_some_and(|n| {
                        n.token.kind == TokenKind::Word
                            && n.cue == Cue::None
                            && (mention_at(j + 1).is_some_and(|k| is_noun(&mentions[k]))
                                || (!n.capitalized
                                    && happening_object(n.lower).is_some()
                                    && !in_timex(timexes, n.token.start)))
                    });
                    if !next_noun {
                        head = Some((j, None));
                        let _ = lemma;
                        break;
                    }
                }
            }
            j += 1;
        }
        match head {
            Some((_, Some(k))) => {
                fold_into(mentions, k, i, FoldKind::Support);
                keep[i] = false;
            }
            Some((j, None)) => {
                // The noun becomes the trigger: the mention moves to it, the verb is folded.
                let Some(lemma) = support_object(words[j].lower) else {
                    continue;
                };
                let m = &mut mentions[i];
                let verb = FoldedTrigger {
                    start: m.trigger_start,
                    end: m.trigger_end,
                    lemma: m.lemma.clone(),
                    kind: FoldKind::Support,
                    timeml: m.timeml,
                    anchor: m.anchor,
                };
                m.trigger_start = words[j].token.start;
                m.trigger_end = words[j].token.end;
                m.lemma = Cow::Borrowed(lemma);
                m.folded.push(verb);
                m.folded.sort_by_key(|f| f.start);
                m.timeml.tense = Tense::None;
            }
            None => {}
        }
    }

    // 2. Event noun + occurrence verb: "the summit took place", "a fire broke out", "the
    // talks were held", "the talks began".
    for i in 0..n {
        if !keep[i] || is_noun(&mentions[i]) {
            continue;
        }
        let phrase = phrasal(&mentions[i].lemma, words, at[i], &lists.occurrence);
        let occurrence = phrase.is_some()
            || (mentions[i].lemma == "hold" && at[i] > 0 && words[at[i] - 1].cue == Cue::Be)
            || (mentions[i].timeml.class == EventClass::Aspectual);
        if !occurrence {
            continue;
        }
        // The particle of the phrase is part of the verb ("place" of "took place").
        if let Some((_, Some(_))) = phrase {
            if let Some(k) = mention_at(at[i] + 1) {
                fold_into(mentions, i, k, FoldKind::Occurrence);
                keep[k] = false;
            }
        }
        // The nearest noun event before it in its clause.
        let subject = (0..i).rev().find(|&k| {
            keep[k]
                && is_noun(&mentions[k])
                && ((at[i] - at[k] <= 6 && !boundary_between(words, at[k], at[i]))
                    || parenthesis_between(words, at[k], at[i])
                    || (of_phrase_between(words, at[k], at[i]) && (k + 1..i).all(|x| !keep[x])))
        });
        if let Some(k) = subject {
            fold_occurrence(mentions, timexes, k, i);
            keep[i] = false;
            continue;
        }
        // "A fire broke out", "an outbreak in the same province killed 41", "its deadliest
        // eruption, in 1931, killed": where the model did not take the noun for an event; as
        // far back as for a noun event above.
        let start = at[i].saturating_sub(6);
        if let Some(j) = (start..at[i]).rev().find(|&j| {
            let w = &words[j];
            w.token.kind == TokenKind::Word
                && w.cue == Cue::None
                && !w.capitalized
                && eventive_noun(w.lower).is_some()
                && (!boundary_between(words, j, at[i]) || parenthesis_between(words, j, at[i]))
        }) {
            let Some(lemma) = eventive_noun(words[j].lower) else {
                continue;
            };
            let m = &mut mentions[i];
            let verb = FoldedTrigger {
                start: m.trigger_start,
                end: m.trigger_end,
                lemma: m.lemma.clone(),
                kind: FoldKind::Occurrence,
                timeml: m.timeml,
                anchor: m.anchor,
            };
            m.trigger_start = words[j].token.start;
            m.trigger_end = words[j].token.end;
            m.lemma = Cow::Borrowed(lemma);
            m.folded.push(verb);
            m.folded.sort_by_key(|f| f.start);
            m.timeml.tense = Tense::None;
        }
        // An aspectual verb with its event after it: "began talks", "started to negotiate",
        // "completed its review"; not a purpose after a date or a place ("was completed in
        // 1968 to supply water" tells the completion).
        if mentions[i].timeml.class == EventClass::Aspectual && keep[i] {
            if let Some(k) = (i + 1..n).find(|&k| {
                keep[k]
                    && at[k] - at[i] <= 4
                    && words[at[i] + 1..at[k]]
                        .iter()
                        .all(|w| in_noun_phrase(w) || w.cue == Cue::To)
            }) {
                fold_into(mentions, k, i, FoldKind::Occurrence);
                keep[i] = false;
            }
        }
    }

    // 3. Arguments: an infinitive or an event noun in the clause of an event before it, with
    // no date of its own, is part of that event ("met to negotiate an agreement").
    for i in 0..n {
        if !keep[i] {
            continue;
        }
        let m = &mentions[i];
        let argument = m.timeml.tense == Tense::Infinitive || is_noun(m);
        if !argument {
            continue;
        }
        let Some(k) = (0..i).rev().find(|&k| keep[k]) else {
            continue;
        };
        let governor = &mentions[k];
        if is_noun(governor) && m.timeml.tense != Tense::Infinitive {
            continue;
        }
        // A happening that a statement reports is the happening, the statement its source
        // (step 5): "said on Tuesday they had opened an investigation" tells the
        // investigation.
        let reports = (governor.timeml.class == EventClass::Reporting
            || lists.reporting.contains(&*governor.lemma))
            && frames_a_report(words, at[k], &governor.lemma, lists)
            && m.timeml.tense != Tense::Infinitive
            && !m.folded.is_empty()
            && matches!(m.modality, Modality::Actual)
            && matches!(
                m.timeml.class,
                EventClass::Occurrence | EventClass::Aspectual | EventClass::IAction
            );
        if reports {
            continue;
        }
        // Counted in words: the hyphens of "41-euro-per-share" are no distance.
        let hyphens = words
            .get(at[k] + 1..at[i])
            .unwrap_or_default()
            .iter()
            .filter(|w| matches!(w.lower, "-" | "‐" | "‑"))
            .count();
        let near = at[i] - at[k] - hyphens <= 6 && !boundary_between(words, at[k], at[i]);
        // A date of its own, other than its governor's, makes it a happening apart ("condemned
        // the 7 August bombing").
        let own_date = m.time.is_some() && m.time != governor.time;
        // Unless the date closes the verb phrase after the noun and the verb has none of its
        // own (none, or one from an earlier clause, not fronted at the head of the sentence):
        // "said on Monday that the board had approved the offer on Sunday" dates the approval,
        // as news writes it.
        let governor_time_elsewhere = governor
            .time
            .and_then(|ti| timexes.get(ti))
            .is_none_or(|t| t.end <= governor.trigger_start && token_index(words, t.start) > 2);
        // An adverbial date right after the noun ("the offer on Sunday"), not one inside
        // another noun phrase ("withdrawal to the 1957 lines").
        let closes_phrase = governor_time_elsewhere
            && m.time.and_then(|ti| timexes.get(ti)).is_some_and(|t| {
                let p = token_index(words, t.start);
                t.start >= m.trigger_end
                    && p >= 1
                    && p <= at[i] + 2
                    && matches!(words[p - 1].lower, "on" | "in" | "at" | "during")
            });
        if near && own_date && closes_phrase {
            let (time, when, anchoring, anchor) = (m.time, m.when, m.anchoring, m.anchor);
            let g = &mut mentions[k];
            g.time = time;
            g.when = when;
            g.anchoring = anchoring;
            g.anchor = anchor;
            g.inherited_from = None;
            fold_into(mentions, k, i, FoldKind::Argument);
            keep[i] = false;
        } else if near && !own_date {
            fold_into(mentions, k, i, FoldKind::Argument);
            keep[i] = false;
        }
    }

    // 4. A plan with a date of its own clause: the planned happening is the event, the verb
    // that schedules it folded in ("is scheduled to be sworn in on 2 May", "expects to reopen
    // the line on Monday").
    for k in 0..n {
        if keep[k] && mentions[k].time.is_some() && PLAN.contains(words[at[k]].lower) {
            plan_to_planned(words, &mut mentions[k], at[k]);
        }
    }

    // 4b. A plan whose subject names the happening ("Sentencing is set for 29 January", "the
    // vote is scheduled for Friday"): the noun is the planned happening, the plan folded in.
    for k in 0..n {
        if keep[k] && mentions[k].time.is_some() && PLAN.contains(words[at[k]].lower) {
            if let Some((i, lemma)) = planned_subject(words, &mentions[k], at[k]) {
                match (0..n).find(|&i2| keep[i2] && i2 != k && at[i2] == i) {
                    Some(i2) => {
                        fold_into(mentions, i2, k, FoldKind::Plan);
                        mentions[i2].modality = Modality::Future;
                        keep[k] = false;
                    }
                    None => subject_planned(words, &mut mentions[k], i, lemma),
                }
            }
        }
    }

    // 5. Reporting frames: the statement is the source of the happening it reports.
    for i in 0..n {
        if !keep[i] {
            continue;
        }
        let reporting = mentions[i].timeml.class == EventClass::Reporting
            || lists.reporting.contains(&*mentions[i].lemma);
        if !reporting || !frames_a_report(words, at[i], &mentions[i].lemma, lists) {
            continue;
        }
        let reported = |k: usize| {
            keep[k]
                && k != i
                && matches!(mentions[k].modality, Modality::Actual)
                && matches!(
                    mentions[k].timeml.class,
                    EventClass::Occurrence | EventClass::Aspectual | EventClass::IAction
                )
        };
        // What it reports follows it ("said that …"), in its own clause: "confirmed the
        // first cases on 16 June, and the ministry declared …" reports nothing after the
        // comma and "and"; or it closes the sentence ("…, officials said"), and reports the
        // sentence's main happening, its first, when no new clause is joined between them
        // ("discovered on 5 September, and was confirmed two days later" is a second
        // happening, not a source).
        // A statement with its own "that" clause reports what that clause tells, nothing
        // before it ("welcomed the guests and announced that …"); a participle still tells
        // the act before it ("responded angrily, saying that …").
        let that_follows = words.get(at[i] + 1).is_some_and(|w| w.lower == "that")
            && !words[at[i]].lower.ends_with("ing");
        let target = (i + 1..n)
            .take_while(|&k| !clauses_joined(words, at[i], at[k]))
            .find(|&k| reported(k))
            .or_else(|| {
                (0..i)
                    .find(|&k| reported(k) && !that_follows)
                    .filter(|&k| !clauses_joined(words, at[k], at[i]))
            });
        if let Some(k) = target {
            // The reported happening without a date of its own takes the statement's.
            fold_into(mentions, k, i, FoldKind::Report);
            keep[i] = false;
        }
    }
    keep
}

/// Whether the word at `wi` follows a modal ("would build", "will not open"): a verb, whatever
/// else the word can be.
fn after_modal(words: &[Word<'_>], wi: usize) -> bool {
    let mut j = wi;
    while j > 0 {
        j -= 1;
        match words[j].cue {
            Cue::Will | Cue::Modal => return true,
            Cue::Negation => {}
            _ => return false,
        }
    }
    false
}

/// Whether a new clause is joined between words `from` and `to`: a semicolon, or a comma
/// and a conjunction ("…, and the ministry declared").
fn clauses_joined(words: &[Word<'_>], from: usize, to: usize) -> bool {
    let between = words.get(from + 1..to).unwrap_or_default();
    between.iter().any(|w| w.lower == ";")
        || between
            .windows(2)
            .any(|p| p[0].lower == "," && matches!(p[1].lower, "and" | "but" | "while" | "whereas"))
}

/// Words that schedule the happening of the infinitive after them: the `plan` words of
/// `data/lexicon/intent.txt`.
static PLAN: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| crate::vocab::intent_words("plan").collect());

/// The word (index) of the subject noun that names what a plan in the passive at word `wi`
/// schedules ("Sentencing is set for 29 January", "the vote was scheduled for Friday"): a
/// [`planned_noun`] right before "is", "are", "was" or "were", or before ", which" and one of
/// them ("the old building is set for demolition" names none).
fn planned_subject(
    words: &[Word<'_>],
    m: &EventMention,
    wi: usize,
) -> Option<(usize, &'static str)> {
    if m.timeml.tense == Tense::None || wi < 2 {
        return None;
    }
    if !matches!(words[wi - 1].lower, "is" | "are" | "was" | "were") {
        return None;
    }
    // Or the noun a relative clause of the plan describes ("talks, which are set for
    // Wednesday").
    let s = match (wi.checked_sub(4), words[wi - 2].lower) {
        (Some(s), "which") if words[wi - 3].lower == "," => s,
        _ => wi - 2,
    };
    planned_noun(words[s].lower).map(|lemma| (s, lemma))
}

/// The lemma of a noun that names a planned happening: [`eventive_noun`]; a noun whose first
/// WordNet sense is a communication ("talks", "a speech", "the announcement": scheduled for a
/// day, it is held or made that day); or a gerund WordNet knows only as a verb's form, by the
/// verb's lemma ("sentencing": sentence).
fn planned_noun(lower: &str) -> Option<&'static str> {
    named_happening(lower).or_else(|| match wordnet::lemmas(lower) {
        (Some(verb), None) if lower.len() > 5 && lower.ends_with("ing") => Some(verb),
        _ => None,
    })
}

/// Makes the plan `m` the happening its subject noun (word `s`, of lemma `lemma`) names, the
/// plan folded in.
fn subject_planned(words: &[Word<'_>], m: &mut EventMention, s: usize, lemma: &'static str) {
    let frame = FoldedTrigger {
        start: m.trigger_start,
        end: m.trigger_end,
        lemma: std::mem::replace(&mut m.lemma, Cow::Borrowed(lemma)),
        kind: FoldKind::Plan,
        timeml: m.timeml,
        anchor: m.anchor,
    };
    m.trigger_start = words[s].token.start;
    m.trigger_end = words[s].token.end;
    m.timeml = Timeml::default();
    m.modality = Modality::Future;
    m.folded.push(frame);
    m.folded.sort_by_key(|f| f.start);
}

/// How many words a noun that tells a planned happening may stand from the support verb
/// before it or the occurrence verb after it ("to deliver its final verdict").
const PLANNED_NOUN_WORDS: usize = 3;

/// Makes the happening a planning verb (at word `wi`) folded in as its argument the trigger of
/// `m`, a plan (future), with the planning verb folded into it: only a happening right after
/// "to" or "to be" ("scheduled to be sworn in"), not a noun or another clause's verb.
fn plan_to_planned(words: &[Word<'_>], m: &mut EventMention, wi: usize) {
    let after_to = |start: usize| {
        let at = token_index(words, start);
        (at > wi + 1 && words[at - 1].lower == "to")
            || (at > wi + 2 && words[at - 1].lower == "be" && words[at - 2].lower == "to")
    };
    // The planned happening may be told by a noun: the object of a support verb after "to"
    // ("expected to deliver its verdict", "to take the oath"), or the subject of an
    // occurrence verb after "to" ("expects the acquisition to close"): the folded word after
    // "to" points at it.
    let folded_after_to = |kind: FoldKind| {
        m.folded
            .iter()
            .find(|f| f.kind == kind && f.start > m.trigger_start && after_to(f.start))
            .map(|f| token_index(words, f.start))
    };
    let support = folded_after_to(FoldKind::Support);
    let occurrence = folded_after_to(FoldKind::Occurrence);
    let told_by_noun = |start: usize| {
        let at = token_index(words, start);
        support.is_some_and(|s| at > s && at - s <= PLANNED_NOUN_WORDS)
            || occurrence.is_some_and(|o| at < o && o - at <= PLANNED_NOUN_WORDS)
    };
    let Some(pos) = m.folded.iter().position(|f| {
        f.kind == FoldKind::Argument
            && f.start > m.trigger_start
            && !matches!(f.timeml.class, EventClass::State | EventClass::IState)
            && (after_to(f.start) || told_by_noun(f.start))
    }) else {
        return;
    };
    let planned = m.folded.remove(pos);
    let frame = FoldedTrigger {
        start: m.trigger_start,
        end: m.trigger_end,
        lemma: std::mem::replace(&mut m.lemma, planned.lemma),
        kind: FoldKind::Plan,
        timeml: m.timeml,
        anchor: std::mem::replace(&mut m.anchor, planned.anchor),
    };
    m.trigger_start = planned.start;
    m.trigger_end = planned.end;
    m.timeml = planned.timeml;
    m.modality = Modality::Future;
    m.folded.push(frame);
    m.folded.sort_by_key(|f| f.start);
}

/// Whether `lemma` is a verb whose participle before "by" describes who holds its noun
/// (`[descriptive]` of `data/lexicon/happenings.txt`): "the refinery run by", "owned by".
pub(super) fn is_descriptive(lemma: &str) -> bool {
    LISTS.descriptive.contains(lemma)
}

/// Whether `lemma` is a verb whose participle after a noun names, places or counts it
/// (`[naming]` of `data/lexicon/happenings.txt`): "a group called", "a firm based in".
pub(super) fn is_naming(lemma: &str) -> bool {
    LISTS.naming.contains(lemma)
}

/// Whether `lemma` is a verb of saying (`[saying]` of `data/lexicon/happenings.txt`).
pub(super) fn is_saying(lemma: &str) -> bool {
    LISTS.saying.contains(lemma)
}

/// Whether a reporting word at word `wi` frames a report ("said the talks ended", "announced
/// that …", "…, officials said", "according to") rather than names a happening with its
/// object ("declared a state of emergency", "announced the deal").
fn frames_a_report(words: &[Word<'_>], wi: usize, lemma: &str, lists: &Lists) -> bool {
    if lists.reporting.contains(lemma) || lists.saying.contains(lemma) {
        return true;
    }
    let next = words.get(wi + 1).map(|w| w.lower);
    let opens_clause = matches!(
        next,
        Some("that" | ":" | "\"" | "“" | "'" | "‘" | "," | "to" | "on" | "in" | "late" | "early")
    );
    // At the end of the sentence, after what it reports: "…, officials announced."
    let closes = words
        .get(wi + 1..)
        .is_some_and(|rest| rest.iter().all(|w| w.token.kind == TokenKind::Punct));
    let after_quote_or_comma = wi > 0
        && words[..wi]
            .iter()
            .rev()
            .take(4)
            .any(|w| matches!(w.lower, "," | "\"" | "”" | "’"));
    opens_clause || (closes && after_quote_or_comma)
}

/// A verb in a clause of "after", "before" or "since" that the sentence's date does not
/// govern: "sentenced on Wednesday, two days after he was convicted". The date stands before
/// the conjunction, in the main clause; "two days after" moves it back two days ("before"
/// forward), and with no such measure the clause's happening has no date of its own.
fn clause_after(words: &[Word<'_>], timexes: &[Timex], m: &mut EventMention) {
    const CONJUNCTIONS: [&str; 4] = ["after", "before", "since", "until"];
    let Some(time) = m.time.and_then(|t| timexes.get(t)) else {
        measured_from_narrative(words, m);
        return;
    };
    if matches!(
        m.anchoring,
        EventAnchoring::Inherited | EventAnchoring::None
    ) {
        return;
    }
    let wi = token_index(words, m.trigger_start);
    // Back over the clause's subject and auxiliaries ("he was", "the vote had been").
    let Some(conj) = (wi.saturating_sub(6)..wi)
        .rev()
        .find(|&j| CONJUNCTIONS.contains(&words[j].lower) && !boundary_between(words, j, wi))
    else {
        return;
    };
    if time.end > words[conj].token.start {
        return; // the date is the clause's own ("since the trial began on 10 January")
    }
    shift_or_clear(words, conj, m, -1);
}

/// A happening named after "after", "before" or "following" ("resigned on Thursday after a run
/// on deposits", "banned last month following his red card") takes no date from the clause:
/// it came before (or after) that day, by how much the text does not say. With a length
/// before the word ("two days after the vote") the day is counted elsewhere
/// ([`super::offset`]); with a date of its own after it ("after the vote on Monday") it keeps
/// that date.
fn noun_after(words: &[Word<'_>], timexes: &[Timex], m: &mut EventMention) {
    const PREPOSITIONS: [&str; 3] = ["after", "before", "following"];
    let Some(time) = m.time.and_then(|t| timexes.get(t)) else {
        return;
    };
    let wi = token_index(words, m.trigger_start);
    let Some(prep) = (wi.saturating_sub(NOUN_AFTER_WORDS)..wi)
        .rev()
        .find(|&j| PREPOSITIONS.contains(&words[j].lower) && !boundary_between(words, j, wi))
    else {
        return;
    };
    let measured = length_before(words, prep).is_some_and(|(_, unit)| {
        matches!(
            unit,
            "day" | "days" | "week" | "weeks" | "month" | "months" | "year" | "years"
        )
    });
    if time.end <= words[prep].token.start && !measured {
        undate(m);
    }
}

/// How many words before a noun [`noun_after`] looks for its preposition ("after his red
/// card").
const NOUN_AFTER_WORDS: usize = 4;

/// A date in an opening clause of "since", "after", "before" or "until" belongs to that
/// clause's happening, not to the main clause after its comma: "Since the trial began on 10
/// January, the court has heard 60 witnesses" does not date the hearing; "Two days after the
/// vote on Monday, the minister resigned" dates the resignation two days later.
fn opening_clause(words: &[Word<'_>], timexes: &[Timex], m: &mut EventMention) {
    const CONJUNCTIONS: [&str; 4] = ["after", "before", "since", "until"];
    let Some(time) = m.time.and_then(|t| timexes.get(t)) else {
        return;
    };
    if matches!(
        m.anchoring,
        EventAnchoring::Inherited | EventAnchoring::None
    ) || time.start >= m.trigger_start
    {
        return;
    }
    let wi = token_index(words, m.trigger_start);
    let ti = token_index(words, time.start);
    let Some(conj) = (ti.saturating_sub(10)..ti)
        .rev()
        .find(|&j| CONJUNCTIONS.contains(&words[j].lower) && !boundary_between(words, j, ti))
    else {
        return;
    };
    // The clause opens the sentence (after a measure, "Two days after") or follows a comma,
    // and a comma closes it before the trigger.
    let opens = words[..conj.saturating_sub(2)]
        .iter()
        .all(|w| w.token.kind == TokenKind::Punct)
        || words[conj - 1].lower == ",";
    let closed = words[ti..wi].iter().any(|w| w.lower == ",");
    if opens && closed {
        shift_or_clear(words, conj, m, 1);
    }
}

/// A date in a clause that a comma closes before the verb, with a happening of its own,
/// belongs to that happening: "The church, built in 1684, has lost its tower", "Founded in
/// 1998, the company builds turbines", "They signed an accord in June 2008, but it produced
/// little", "Halbach, who took over in 2019, had fought the bid" do not date the losing, the
/// building, the producing or the fighting. A verb in the present, the future or a perfect
/// (before its own reference time, not at the clause's) after such a clause is of another
/// time; a verb in the simple past is when the clause is set apart (a parenthesis, an opening
/// participle) or the verb follows "but". "When the
/// quake struck on Thursday, roofs caved in" and "The quake struck on Thursday, flattening
/// homes" keep their date; a participle loses it only after a parenthesis. `triggers` are the
/// words of the sentence's mentions.
fn closed_clause(words: &[Word<'_>], timexes: &[Timex], triggers: &[usize], m: &mut EventMention) {
    const CONTRAST: [&str; 6] = ["but", "although", "though", "while", "whereas", "yet"];
    const RELATIVE: [&str; 4] = ["who", "which", "whose", "whom"];
    // An event noun is told by the verb folded into it ("has lost its tower").
    let timeml = match m.timeml.tense {
        Tense::None => m
            .folded
            .iter()
            .find(|f| matches!(f.kind, FoldKind::Support | FoldKind::Occurrence))
            .map_or(m.timeml, |f| f.timeml),
        _ => m.timeml,
    };
    if m.anchoring != EventAnchoring::Explicit
        || !matches!(
            timeml.tense,
            Tense::Past | Tense::Present | Tense::Future | Tense::Prespart
        )
    {
        return;
    }
    let Some(time) = time_before(timexes, m) else {
        return;
    };
    let wi = token_index(words, m.trigger_start);
    let ti = token_index(words, time.start);
    // The first word after the date.
    let after = token_index(words, time.end);
    // The break between the date and the verb, and the one before the date (or the start).
    let Some(close) = (after..wi).find(|&j| is_break(&words[j])) else {
        return;
    };
    let open = (0..ti).rev().find(|&j| is_break(&words[j]));
    let first = open.map_or(0, |o| o + 1);
    // The clause of the date has a happening of its own, and none of "after", "before",
    // "since", "until" or "when" (their clauses are read by `opening_clause` and keep their
    // simultaneity).
    let own = triggers
        .iter()
        .find(|&&k| k >= first && k < close && k != wi);
    let Some(&own) = own else {
        return;
    };
    if words[first..close].iter().any(|w| {
        matches!(
            w.lower,
            "after" | "before" | "since" | "until" | "when" | "once"
        )
    }) {
        return;
    }
    let other_time = matches!(timeml.tense, Tense::Present | Tense::Future)
        || matches!(
            timeml.aspect,
            super::Aspect::Perfective | super::Aspect::PerfectiveProgressive
        );
    let set_apart = match open {
        // A parenthesis: ", built in 1684," or ", who took over in 2019,".
        Some(_) => RELATIVE.contains(&words[first].lower) || own == first,
        // An opening participle: "Founded in 1998, …".
        None => own == first,
    };
    let contrast = words[close + 1..wi]
        .iter()
        .any(|w| CONTRAST.contains(&w.lower));
    // A participle after the comma ("struck on Wednesday, flooding the harbour") shares the
    // clause's date unless that clause is set apart ("the ferry, built in 1994, still working").
    let participle = timeml.tense == Tense::Prespart;
    if set_apart || (!participle && (other_time || contrast)) {
        undate(m);
    }
}

/// The mention's date expression when it stands before the trigger ("On Monday, … met").
fn time_before<'t>(timexes: &'t [Timex], m: &EventMention) -> Option<&'t Timex> {
    m.time
        .and_then(|t| timexes.get(t))
        .filter(|t| t.end <= m.trigger_start)
}

/// Whether a word breaks a clause off: a comma, a semicolon or a dash.
fn is_break(w: &Word<'_>) -> bool {
    matches!(w.lower, "," | ";" | "--" | "—" | "–")
}

/// A verb dated by an expression in the clause before its own ("confirmed the cases on 16
/// June, and the ministry declared an outbreak two days later") takes the one its own clause
/// gives after it.
fn later_own_date(words: &[Word<'_>], timexes: &[Timex], m: &mut EventMention) {
    if m.timeml.tense == Tense::None {
        return;
    }
    let Some(time) = time_before(timexes, m) else {
        return;
    };
    let wi = token_index(words, m.trigger_start);
    if !clauses_joined(words, token_index(words, time.start), wi) {
        return;
    }
    let end = words.last().map_or(0, |w| w.token.end);
    let later = timexes
        .iter()
        .enumerate()
        .skip_while(|(_, t)| t.start < m.trigger_end)
        .take_while(|(_, t)| t.start < end)
        .find(|(_, t)| {
            matches!(t.kind, TimexType::Date | TimexType::Time) && t.value.date().is_some()
        });
    let Some((j, t)) = later else {
        return;
    };
    let upto = token_index(words, t.start).max(wi + 1);
    if words[wi + 1..upto].iter().any(is_break) {
        return;
    }
    m.time = Some(j);
    m.when = t.value.date().copied();
    m.anchoring = super::find::event_anchoring(t.anchoring);
    m.anchor = Some(super::TimeAnchor::Timex(j));
}

/// How far after "after" or "before" the verb of its clause may stand: a subject of a few
/// words ("a day after the bodies of four more men were brought").
const CLAUSE_WORDS: usize = 10;

/// A verb with no date of its own, in a clause that a length and "after" or "before" open
/// ("The suspension comes three days after he won the grand prix"): the length counts from the
/// day the narrative is at, which the verb inherited.
fn measured_from_narrative(words: &[Word<'_>], m: &mut EventMention) {
    if m.anchoring != EventAnchoring::Inherited || m.timeml.tense == Tense::None {
        return;
    }
    let wi = token_index(words, m.trigger_start);
    let Some(conj) = (wi.saturating_sub(CLAUSE_WORDS)..wi)
        .rev()
        .find(|&j| matches!(words[j].lower, "after" | "before") && !boundary_between(words, j, wi))
    else {
        return;
    };
    if length_before(words, conj)
        .is_some_and(|(_, unit)| matches!(unit, "day" | "days" | "week" | "weeks"))
    {
        shift_or_clear(words, conj, m, -1);
    }
}

/// Moves a mention's day by the measure before the conjunction at `conj` ("two days after"),
/// in the direction `sign` gives for "after" (the other way for "before"); with no measure,
/// the mention has no date of its own ("since" alone leaves a verb in its clause its date).
fn shift_or_clear(words: &[Word<'_>], conj: usize, m: &mut EventMention, sign: i64) {
    let measure = length_before(words, conj).and_then(|(n, unit)| {
        let days = match unit {
            "day" | "days" => n,
            "week" | "weeks" => n * 7,
            _ => return None,
        };
        Some(if words[conj].lower == "before" {
            -days * sign
        } else {
            days * sign
        })
    });
    let shifted = match (m.when, measure) {
        (
            Some(DateValue::Day {
                year: Some(y),
                month,
                day,
            }),
            Some(by),
        ) => chrono::NaiveDate::from_ymd_opt(y, u32::from(month), u32::from(day))
            .and_then(|d| d.checked_add_signed(chrono::TimeDelta::try_days(by)?))
            .map(DateValue::from_date),
        _ => None,
    };
    match shifted {
        Some(v) => m.when = Some(v),
        None if words[conj].lower != "since" || sign > 0 => undate(m),
        None => {}
    }
}

/// A past participle that modifies a noun ("the satellite built by students", "its
/// earthquake, measured at 7.1, struck") describes its noun; a date earlier in the sentence
/// belongs to the main clause, not to it. With a date of its own after it ("the church,
/// built in 1684") it keeps that date.
fn reduced_relative(words: &[Word<'_>], timexes: &[Timex], m: &mut EventMention) {
    if !matches!(m.timeml.tense, Tense::Pastpart | Tense::None)
        || matches!(
            m.anchoring,
            EventAnchoring::Inherited | EventAnchoring::None
        )
    {
        return;
    }
    let Some(time) = m.time.and_then(|t| timexes.get(t)) else {
        return;
    };
    if time.start >= m.trigger_end {
        return;
    }
    let wi = token_index(words, m.trigger_start);
    // An auxiliary before it (skipping adverbs) makes it a verb group: "was built", "has
    // been sold".
    let auxiliary = (wi.saturating_sub(3)..wi)
        .rev()
        .map(|j| &words[j])
        .find(|w| w.cue != Cue::Negation && !w.lower.ends_with("ly"))
        .is_some_and(|w| matches!(w.cue, Cue::Be | Cue::Have));
    // TimeBank gives a participle that modifies a noun no tense: a verb with tense NONE.
    let participle = m.timeml.tense == Tense::Pastpart
        || (m.timeml.tense == Tense::None
            && matches!(wordnet::lemmas(words[wi].lower), (Some(_), None)));
    if participle && !auxiliary {
        undate(m);
    }
}

/// Takes a mention's date away: what dated it belongs to another happening. It stays a
/// mention, off the timeline.
fn undate(m: &mut EventMention) {
    m.timeline = false;
    m.when = None;
    m.time = None;
    m.anchor = None;
    m.anchoring = EventAnchoring::None;
}

/// The length written right before word `at` ("two days after", "a week before"): its number
/// ("a" for one) and its unit word as written.
fn length_before<'w>(words: &[Word<'w>], at: usize) -> Option<(i64, &'w str)> {
    let k = at.checked_sub(2)?;
    let n = number_of(words[k].lower).or_else(|| (words[k].lower == "a").then_some(1))?;
    Some((n, words[k + 1].lower))
}

/// A small number written as digits or a word ("2", "two").
fn number_of(lower: &str) -> Option<i64> {
    lower
        .parse::<i64>()
        .ok()
        .filter(|n| (1..=60).contains(n))
        // The number words of the time lexicon up to ten: "one" to "ten".
        .or_else(|| {
            crate::time::number_word(lower)
                .filter(|n| (1..=10).contains(n))
                .map(i64::from)
        })
}

/// A date in a clause of "since" that follows a verb, with a happening of its own before the
/// date, belongs to that happening: "the shares lost 23 percent, their worst day since the
/// group floated in 2011" does not date the fall. The verb is left undated, as the clause rules
/// above leave it. (After "after" or "before" TimeBank's annotators mostly let the clause's
/// day date the verb too: "resigned after the board met on Monday".)
fn date_in_later_clause(
    words: &[Word<'_>],
    timexes: &[Timex],
    triggers: &[usize],
    m: &mut EventMention,
) {
    let Some(time) = m.time.and_then(|t| timexes.get(t)) else {
        return;
    };
    if time.start < m.trigger_end {
        return;
    }
    let wi = token_index(words, m.trigger_start);
    let ti = token_index(words, time.start);
    let Some(conj) = (wi + 1..ti).find(|&j| words[j].lower == "since") else {
        return;
    };
    // The clause's own happening stands between the conjunction and the date.
    if triggers.iter().any(|&k| k > conj && k < ti) {
        undate(m);
    }
}

/// Marks event nouns that a temporal preposition governs ("after the talks", "since the
/// crash", "the day after the meeting") as references: they place another happening in time
/// and are not dated by the clause they stand in. They stay mentions; they do not go on the
/// timeline by themselves.
pub(super) fn mark_references(
    words: &[Word<'_>],
    timexes: &[Timex],
    mentions: &mut [EventMention],
) {
    const TEMPORAL: [&str; 8] = [
        "after",
        "before",
        "since",
        "following",
        "until",
        "till",
        "during",
        "amid",
    ];
    let triggers: Vec<usize> = mentions
        .iter()
        .map(|m| token_index(words, m.trigger_start))
        .collect();
    for m in mentions.iter_mut() {
        reduced_relative(words, timexes, m);
        later_own_date(words, timexes, m);
        closed_clause(words, timexes, &triggers, m);
        if m.timeml.tense == Tense::None {
            noun_after(words, timexes, m);
        }
        if m.timeml.tense != Tense::None {
            clause_after(words, timexes, m);
            opening_clause(words, timexes, m);
            date_in_later_clause(words, timexes, &triggers, m);
            // "This comes after …", "It follows …": the sentence places something told before
            // relative to another happening; it tells none of its own.
            let wi = token_index(words, m.trigger_start);
            if matches!(&*m.lemma, "come" | "follow")
                && wi > 0
                && matches!(words[wi - 1].lower, "this" | "that" | "it" | "which")
            {
                m.timeline = false;
            }
            continue;
        }
        let wi = token_index(words, m.trigger_start);
        // Back over the noun phrase: determiners, adjectives, names, possessives.
        let mut j = wi;
        let mut steps = 0;
        while j > 0 && steps < 5 {
            let w = &words[j - 1];
            if TEMPORAL.contains(&w.lower) {
                // Its own date keeps it a happening: a whole date ("since the crash of March
                // 2020"), or a day after it ("after a trial that began on 12 January").
                let own = m.time.and_then(|ti| timexes.get(ti)).is_some_and(|t| {
                    m.anchoring == EventAnchoring::Explicit
                        || (m.anchoring != EventAnchoring::Inherited && t.start >= m.trigger_end)
                });
                if !own {
                    m.timeline = false;
                }
                break;
            }
            if !in_noun_phrase(w) && !w.capitalized {
                break;
            }
            j -= 1;
            steps += 1;
        }
    }
}

/// Whether a mention is a happening for the timeline, whatever its date: it happened or is
/// scheduled, and it is not a state of mind or a circumstance, unless a support verb tells
/// its making.
pub(super) fn is_happening(m: &EventMention) -> bool {
    // What is planned is a happening of the timeline only where the text gives it a date of
    // its own ("will meet on Friday"), not a purpose ("arrived to meet officials").
    let modality = match m.modality {
        Modality::Actual => true,
        Modality::Future => m.time.is_some(),
        Modality::Possible | Modality::Negated => false,
    };
    // A support verb that tells an act makes its noun one ("reached an agreement": TimeBank
    // calls an agreement a state of mind).
    let stative = |c: EventClass| matches!(c, EventClass::State | EventClass::IState);
    modality
        && (!stative(m.timeml.class)
            || m.folded
                .iter()
                .any(|f| f.kind == FoldKind::Support && !stative(f.timeml.class)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::lists::problems;

    #[test]
    fn data_file_parses() {
        let sections = [
            "support",
            "occurrence",
            "caption",
            "credit",
            "reporting",
            "saying",
            "descriptive",
            "naming",
        ];
        let p = problems(HAPPENINGS, &sections, true);
        assert!(p.is_empty(), "data/lexicon/happenings.txt: {p:?}");
        // Building the lists panics on a list it does not know.
        assert!(LISTS.support.contains("carry out") && LISTS.saying.contains("say"));
    }

    #[test]
    fn small_numbers() {
        assert_eq!(number_of("ten"), Some(10));
        assert_eq!(number_of("one"), Some(1));
        assert_eq!(number_of("42"), Some(42));
        assert_eq!(number_of("dozen"), None);
        assert_eq!(number_of("zero"), None);
        assert_eq!(number_of("eleven"), None);
    }
}
