//! Finding event mentions in a tagged document: triggers, their modality, participants, place
//! and time.

use std::borrow::Cow;
use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::lexicon::{self, Form, Trigger};
use super::{EventAnchoring, EventMention, Modality, Participant, Role, TriggerClass};
use crate::entity::{Entities, EntityKind};
use crate::text::{Segmented, Token, TokenKind};
use crate::time::{Anchoring, DateValue, Granularity, Timex, TimexType};

/// Longest word the trigger lexicon holds.
const MAX_WORD: usize = 24;

/// A word of the sentence, lower-cased, with what the lexicon says of it.
struct Word<'a> {
    token: &'a Token,
    /// Empty for words the lexicons cannot hold (see [`lower_into`]).
    lower: &'a str,
    /// `cue(lower)`, which the readings of a trigger ask of its neighbours again and again.
    cue: Cue,
    capitalized: bool,
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
enum Cue {
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

/// Verbs that turn the infinitive after them into a plan or wish rather than a fact.
fn is_intent_verb(lower: &str) -> bool {
    matches!(
        lower,
        "plan"
            | "plans"
            | "planned"
            | "planning"
            | "expected"
            | "expect"
            | "expects"
            | "intends"
            | "intend"
            | "intended"
            | "want"
            | "wants"
            | "wanted"
            | "hope"
            | "hopes"
            | "hoped"
            | "seek"
            | "seeks"
            | "sought"
            | "aims"
            | "aim"
            | "going"
            | "due"
            | "set"
            | "scheduled"
            | "slated"
            | "likely"
            | "ready"
            | "prepared"
            | "preparing"
            | "about"
            | "would"
            | "threatened"
            | "vowed"
            | "promised"
            | "pledged"
            | "tried"
            | "try"
            | "tries"
            | "attempt"
            | "attempted"
    )
}

/// Finds the event mentions of one document.
pub(crate) fn find_events(
    text: &str,
    segmented: &Segmented,
    timexes: &[Timex],
    entities: &Entities,
    published: Option<NaiveDate>,
) -> Vec<EventMention> {
    // About one event in 30 tokens in news: sized once rather than grown by doubling.
    let mut out = Vec::with_capacity(segmented.tokens.len() / 32 + 1);
    // Byte spans that belong to names or temporal expressions: no trigger inside them.
    let mut taken: Vec<(usize, usize)> = entities
        .mentions
        .iter()
        .map(|m| (m.start, m.end))
        .chain(timexes.iter().map(|t| (t.start, t.end)))
        .collect();
    taken.sort_unstable();
    // Words are read in text order, so the spans that start before the word at hand are found
    // by a cursor that only moves forward rather than by a search per word.
    let mut taken_before = 0usize;
    // A year inside a name ("WWDC 2010") names, it does not date.
    let names: Vec<(usize, usize)> = entities.mentions.iter().map(|m| (m.start, m.end)).collect();
    let in_name = |start: usize, end: usize| {
        let i = names.partition_point(|&(s, _)| s <= start);
        i > 0 && names[i - 1].1 >= end && names[i - 1] != (start, end)
    };
    // The day the narrative is at, and the sentence that set it.
    let mut context: Option<(DateValue, usize)> = None;
    // The day the lede dates its first event by: what the story is about.
    let mut main_day: Option<DateValue> = None;
    // The first day near the publication date that dates an event anywhere in the article.
    let mut story_day: Option<DateValue> = None;
    let mut last_sentence_end = 0usize;
    let mut timex_cursor = 0usize;
    let mut mention_cursor = 0usize;
    // The sentence at hand lower-cased (ASCII letters only, so byte offsets hold), and apart
    // from it the words that need more than that (a curly apostrophe), end to end.
    let mut whole = String::new();
    // Per-sentence lists, kept from sentence to sentence for their capacity.
    let mut ranges: Vec<(bool, std::ops::Range<usize>)> = Vec::new();
    let mut dating: Vec<usize> = Vec::new();
    let mut mentions: Vec<usize> = Vec::new();
    let mut people: Vec<(usize, usize)> = Vec::new();
    let mut found: Vec<(usize, Trigger)> = Vec::new();
    let mut readings: Vec<(Modality, bool, bool)> = Vec::new();
    let mut lowered: Vec<u8> = Vec::new();
    // The words of the previous sentence, emptied: only their allocation is kept.
    let mut spare_words: Vec<Word<'_>> = Vec::new();
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
                }),
        );
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
        let title_case = is_title_case(&words);
        // The sentence's people and organisations, with the word each starts at.
        people.clear();
        people.extend(
            mentions
                .iter()
                .filter(|&&mi| entities.mentions[mi].kind != EntityKind::Place)
                .map(|&mi| (mi, token_index(&words, entities.mentions[mi].start))),
        );

        found.clear();
        for (wi, w) in words.iter().enumerate() {
            if w.token.kind != TokenKind::Word || w.lower.is_empty() {
                continue;
            }
            while taken
                .get(taken_before)
                .is_some_and(|&(s, _)| s <= w.token.start)
            {
                taken_before += 1;
            }
            // Inside the last name or expression that starts at or before the word.
            if taken_before > 0 && taken[taken_before - 1].1 >= w.token.end {
                continue;
            }
            // Capitalized words inside a sentence are names, unless the line is a headline.
            if w.capitalized && wi > 0 && !title_case {
                continue;
            }
            let after_be = wi > 0 && words[wi - 1].cue == Cue::Be;
            let trigger = match lexicon::lookup(w.lower) {
                Some(t) => Some(t),
                None => lexicon::unknown_past(w.lower)
                    .map(|_| Trigger {
                        lemma: "",
                        class: TriggerClass::Other,
                        form: Form::Past,
                    })
                    .or_else(|| {
                        // "has been stepping up": a progressive verb outside the lexicon.
                        (after_be && w.lower.len() >= 6 && w.lower.ends_with("ing")).then_some(
                            Trigger {
                                lemma: "",
                                class: TriggerClass::Other,
                                form: Form::Gerund,
                            },
                        )
                    }),
            };
            let Some(trigger) = trigger else { continue };
            if !reads_as_event(&words, wi, trigger) {
                continue;
            }
            found.push((wi, trigger));
        }
        drop_support_triggers(&words, &mut found);

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
            let hi = found.get(k + 1).map_or(words.len(), |&(n, _)| n);
            let time = governing_time(
                &words,
                wi,
                trigger.form == Form::Noun,
                &dating,
                timexes,
                lo,
                hi,
            );
            let (when, anchoring) = match time {
                Some(ti) => {
                    let t = &timexes[ti];
                    let value = t.value.date().copied();
                    (value, event_anchoring(t.anchoring))
                }
                None => inherited(
                    context.or(main_day.map(|d| (d, si))),
                    si,
                    modality,
                    background,
                    published,
                ),
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
            out.push(EventMention {
                trigger_start: w.token.start,
                trigger_end: w.token.end,
                lemma,
                class: trigger.class,
                sentence: si,
                modality,
                participants,
                location,
                time,
                when,
                anchoring,
                timeline,
            });
        }
        if found.is_empty() {
            if let Some(e) = caption_meeting(&words, si, &dating, timexes, &mentions, entities) {
                out.push(e);
            }
        }
        // The narrative moves to the last day that dated an event of the sentence; years and
        // months are background ("founded in 1976") and do not carry.
        let dated_day = out[first_event..]
            .iter()
            .rev()
            .filter_map(|e| e.time)
            .filter_map(|ti| timexes[ti].value.date().copied())
            .find(|v| v.granularity() >= Granularity::Day);
        if let Some(v) = dated_day {
            context = Some((v, si));
            if main_day.is_none() && si <= LEDE_SENTENCES {
                main_day = Some(v);
            }
            if story_day.is_none() && near_publication(&v, published) {
                story_day = Some(v);
            }
        }
        spare_words = reuse(words);
    }
    // Undated events that fell back on the publication date take the story's day when the
    // article names one close to it: news reports the day things happened, a day or two
    // before it is published.
    if let Some(day) = main_day.or(story_day) {
        for e in &mut out {
            if e.anchoring == EventAnchoring::Publication && e.time.is_none() {
                e.when = Some(day);
                e.anchoring = EventAnchoring::Inherited;
            }
        }
    }
    out
}

/// A photo caption that shows people together at a date ("A (left) and B (right) in March
/// 2020"): news captions name the encounter they depict without a verb. The trigger is the
/// span from the first person to the last.
fn caption_meeting(
    words: &[Word<'_>],
    si: usize,
    dating: &[usize],
    timexes: &[Timex],
    mentions: &[usize],
    entities: &Entities,
) -> Option<EventMention> {
    let caption = words.windows(3).any(|w| {
        w[0].lower == "("
            && matches!(w[1].lower, "left" | "right" | "center" | "centre")
            && w[2].lower == ")"
    }) || words.iter().any(|w| w.lower == "photo");
    if !caption {
        return None;
    }
    let &ti = dating.first()?;
    let mut people: Vec<usize> = mentions
        .iter()
        .copied()
        .filter(|&mi| entities.mentions[mi].kind == EntityKind::Person)
        .collect();
    people.dedup_by_key(|mi| entities.mentions[*mi].entity);
    let distinct: BTreeSet<usize> = people
        .iter()
        .map(|&mi| entities.mentions[mi].entity)
        .collect();
    if distinct.len() < 2 {
        return None;
    }
    let (&first, &last) = (people.first()?, people.last()?);
    let t = &timexes[ti];
    let wi = token_index(words, entities.mentions[first].start);
    let location = location_of(words, wi, mentions, entities, 0, words.len());
    Some(EventMention {
        trigger_start: entities.mentions[first].start,
        trigger_end: entities.mentions[last].end,
        lemma: Cow::Borrowed("meet"),
        class: TriggerClass::Meeting,
        sentence: si,
        modality: Modality::Actual,
        participants: people
            .iter()
            .map(|&mi| Participant {
                mention: mi,
                entity: entities.mentions[mi].entity,
                role: Role::Participant,
            })
            .collect(),
        location,
        time: Some(ti),
        when: t.value.date().copied(),
        anchoring: event_anchoring(t.anchoring),
        timeline: true,
    })
}

/// How an event is anchored when its governing expression is anchored so.
fn event_anchoring(a: Anchoring) -> EventAnchoring {
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

/// A headline written in Title Case: most words capitalized.
fn is_title_case(words: &[Word<'_>]) -> bool {
    let (long, capitalized) = words
        .iter()
        .filter(|w| w.token.kind == TokenKind::Word && w.lower.len() > 3)
        .fold((0usize, 0usize), |(n, c), w| {
            (n + 1, c + usize::from(w.capitalized))
        });
    long >= 3 && capitalized * 4 >= long * 3
}

/// Whether a trigger word reads as an event here, not as an adjective or a name part.
fn reads_as_event(words: &[Word<'_>], wi: usize, trigger: Trigger) -> bool {
    let prev = wi.checked_sub(1).map_or(Cue::None, |p| words[p].cue);
    let next_by = words.get(wi + 1).is_some_and(|n| n.lower == "by");
    // "(left)", "from right to left": a direction in a caption, not a departure.
    if words[wi].lower == "left"
        && (wi > 0 && matches!(words[wi - 1].lower, "(" | "to")
            || words.get(wi + 1).is_some_and(|n| n.lower == ")"))
    {
        return false;
    }
    match trigger.form {
        // "the occupied West Bank", "an expected visit": participles as adjectives.
        Form::Past | Form::Participle if prev == Cue::Determiner && !next_by => false,
        // "the talks", "a visit": nouns need no more; verbs in base form need a subject or cue.
        Form::Noun | Form::Gerund | Form::Past | Form::Participle | Form::Third => true,
        Form::Base => {
            matches!(
                prev,
                Cue::To | Cue::Will | Cue::Modal | Cue::Do | Cue::Negation
            ) || wi > 0
                && words[wi - 1].token.kind == TokenKind::Word
                && prev == Cue::None
                && can_be_subject(&words[wi - 1])
        }
    }
}

/// Whether the word before a base-form trigger can be the subject of a verb. Event nouns
/// ("iPod use", "great demand") read as events too, so most words pass; prepositions do not,
/// nor proper adjectives: "a sovereign Palestinian state" names a country, not a statement.
fn can_be_subject(w: &Word<'_>) -> bool {
    let lower = w.lower;
    if matches!(lower, "of" | "for" | "on" | "in") {
        return false;
    }
    let proper_adjective = w.capitalized
        && (["ian", "ean", "ese", "ish"]
            .iter()
            .any(|end| lower.ends_with(end))
            || (lower.len() > 4 && lower.ends_with('i')));
    !proper_adjective
}

/// Drops triggers that repeat another trigger of their clause: the support verb of "the meeting
/// took place" and of "made an official visit", "held talks", "paid a visit", and the reporting
/// noun of "a statement said", whose verb carries the report.
fn drop_support_triggers(words: &[Word<'_>], found: &mut Vec<(usize, Trigger)>) {
    // Indices to drop: few sentences have any, so nothing is allocated for most.
    let mut dropped: Vec<usize> = Vec::new();
    for k in 0..found.len() {
        let (wi, t) = found[k];
        // A light verb whose object is an event noun a few words on ("made an official visit"):
        // the noun names the event, the verb only carries it.
        let light = matches!(
            t.lemma,
            "make" | "hold" | "pay" | "give" | "conduct" | "carry"
        ) && t.form != Form::Noun;
        if light {
            if let Some(&(wn, u)) = found.get(k + 1) {
                if u.form == Form::Noun
                    && wn > wi
                    && wn - wi <= 4
                    && !boundary_between(words, wi, wn)
                {
                    dropped.push(k);
                }
            }
        }
        let takes_place =
            t.lemma == "take" && words.get(wi + 1).is_some_and(|n| n.lower == "place");
        if takes_place
            && found[..k]
                .iter()
                .rev()
                .take_while(|&&(wj, _)| !boundary_between(words, wj, wi))
                .any(|&(_, u)| u.form == Form::Noun)
        {
            dropped.push(k);
        }
        if t.form == Form::Noun && t.class == TriggerClass::Statement {
            if let Some(&(wn, u)) = found.get(k + 1) {
                if wn == wi + 1 && u.form != Form::Noun && u.class == TriggerClass::Statement {
                    dropped.push(k);
                }
            }
        }
    }
    if !dropped.is_empty() {
        let mut k = 0;
        found.retain(|_| {
            k += 1;
            !dropped.contains(&(k - 1))
        });
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
            Cue::Modal if modality == Modality::Actual => modality = Modality::Possible,
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

/// Whether a clause boundary (a comma, semicolon, conjunction or relative word) lies between
/// words `a` and `b` (exclusive).
fn boundary_between(words: &[Word<'_>], a: usize, b: usize) -> bool {
    let (a, b) = if a < b { (a, b) } else { (b, a) };
    let between = &words[a + 1..b];
    // A bare "and" joins names as often as clauses ("Palestine and west Asia"); after a comma
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
            // A time set off by a comma still ends the clause: "met him in Moscow, in 2020".
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
        if !in_clause {
            continue;
        }
        let score = distance + penalty;
        if best.is_none_or(|(d, _)| score < d) {
            best = Some((score, ti));
        }
    }
    // One dating expression in the sentence dates it even from another clause: "welcomed the
    // delegation in Moscow, where they discussed the region on 12 September".
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
    context: Option<(DateValue, usize)>,
    sentence: usize,
    modality: Modality,
    background: bool,
    published: Option<NaiveDate>,
) -> (Option<DateValue>, EventAnchoring) {
    if background || !matches!(modality, Modality::Actual) {
        return (None, EventAnchoring::None);
    }
    if let Some((value, set_at)) = context {
        if sentence - set_at <= CONTEXT_SENTENCES {
            return (Some(value), EventAnchoring::Inherited);
        }
    }
    match published {
        Some(d) => (Some(DateValue::from_date(d)), EventAnchoring::Publication),
        None => (None, EventAnchoring::None),
    }
}

fn token_index(words: &[Word<'_>], byte: usize) -> usize {
    words.partition_point(|w| w.token.start < byte)
}

/// Whether a relative or subordinating word, or a semicolon, lies between words `a` and `b`:
/// names beyond it belong to another clause.
fn clause_between(words: &[Word<'_>], a: usize, b: usize) -> bool {
    let (a, b) = if a < b { (a, b) } else { (b, a) };
    words[a + 1..b]
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
        }
    }
    out
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
        let before = p.checked_sub(1).map_or(Cue::None, |b| words[b].cue);
        if !matches!(before, Cue::Place | Cue::To) {
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
            "Lavrov’s",
            "MOSCOW",
            "Москва",
            "déjà",
            &"x".repeat(MAX_WORD + 1),
        ] {
            let r = lower_into(&mut buf, word);
            lowered.push(String::from_utf8(buf[r].to_vec()).unwrap_or_default());
        }
        assert_eq!(lowered, ["met", "lavrov's", "moscow", "", "", ""]);
        assert_eq!(buf, b"metlavrov'smoscow");
    }
}
