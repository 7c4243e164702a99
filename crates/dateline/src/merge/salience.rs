//! How sure the timeline is that a row is a happening a reader expects: a logistic model over
//! what the row's mentions say about it (how many sources tell it, how they date it, what
//! kind of event it is, where in their articles it stands), learned from the project's
//! multi-source stories with their gold (`dateline train rows`), its weights in
//! `data/rows.tsv`.
//!
//! The weights are scaled so that 0.5 is the line below which views fold a row
//! ([`FOLD_BELOW`](crate::timeline::FOLD_BELOW)): the line the training chose to keep the most
//! happenings shown for the fewest rows that tell none.

use std::sync::LazyLock;

use crate::event::{EventAnchoring, EventClass, EventMention, Modality, Tense};
use crate::time::{DateValue, Granularity};

/// The features of a row, by name, in the order of [`RowFeatures`]; the model file names
/// them so that a file for other features is not read as this one's.
pub const ROW_FEATURES: [&str; 32] = [
    "bias",
    "rule",
    "log_mentions",
    "two_sources",
    "three_sources",
    "own_date",
    "own_narrative_date",
    "no_own_date",
    "occurrence",
    "reporting",
    "state",
    "first_in_sentence",
    "model_confidence",
    "day",
    "month",
    "year_or_coarser",
    "conflict",
    "lede",
    "future",
    "present",
    "participants",
    "noun",
    "background",
    "first_person",
    "headline",
    "log_sentence",
    "folded",
    "log_references",
    "after_publication",
    "generic_verb",
    "stative_verb",
    "mental_verb",
];

/// The values of [`ROW_FEATURES`] for one row.
pub type RowFeatures = [f32; ROW_FEATURES.len()];

/// The features of the row of a cluster (`members`, items of `corpus`; `lead` the item of
/// its strongest mention): its date, whether its sources disagree, the rule's confidence (the
/// noisy-or of its mentions) and how many nouns refer back to it.
pub(super) fn of_cluster(
    members: &[usize],
    lead: usize,
    corpus: &super::Corpus<'_>,
    when: Option<&DateValue>,
    conflict: bool,
    rule: f64,
    references: usize,
) -> RowFeatures {
    let items = corpus.items;
    let facts: Vec<MentionFacts<'_>> = members
        .iter()
        .map(|&i| {
            let it = &items[i];
            let x = &corpus.extractions[it.doc];
            let e = &x.events[it.event];
            let sentence = x
                .segmented
                .sentences
                .get(e.sentence)
                .and_then(|s| corpus.documents[it.doc].text.get(s.start..s.end))
                .unwrap_or("");
            MentionFacts {
                event: e,
                first_in_sentence: it.first_in_sentence,
                sentence,
            }
        })
        .collect();
    let sources = members
        .iter()
        .map(|&i| items[i].doc)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let windows = || members.iter().filter_map(|&i| items[i].window);
    row_features(
        &facts,
        when,
        &RowFacts {
            lead: members.iter().position(|&i| i == lead).unwrap_or(0),
            conflict,
            rule,
            earliest_published: windows().map(|(lo, _)| lo).min(),
            latest_published: windows().map(|(_, hi)| hi).max(),
            sources,
            references,
        },
    )
}

/// What one mention of a row brings to its features.
struct MentionFacts<'a> {
    event: &'a EventMention,
    first_in_sentence: bool,
    /// Its sentence's text.
    sentence: &'a str,
}

/// What else the merge knows of a row.
struct RowFacts {
    /// The index of its strongest mention.
    lead: usize,
    conflict: bool,
    /// The rule's confidence: the noisy-or of its mentions.
    rule: f64,
    /// The earliest day its sources may have been published.
    earliest_published: Option<chrono::NaiveDate>,
    /// The latest such day.
    latest_published: Option<chrono::NaiveDate>,
    /// How many documents tell it.
    sources: usize,
    /// How many nouns refer back to it ("the quake").
    references: usize,
}

/// The sentences at the head of an article, whose happenings are its news.
const LEDE_SENTENCES: usize = 3;

/// The features of a row: its mentions, its date and what else the merge knows of it.
fn row_features(
    mentions: &[MentionFacts<'_>],
    when: Option<&DateValue>,
    row: &RowFacts,
) -> RowFeatures {
    let mut f = [0f32; ROW_FEATURES.len()];
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    let Some(lead) = mentions.get(row.lead).or(mentions.first()) else {
        return f;
    };
    let e = lead.event;
    let own = |m: &MentionFacts<'_>| m.event.time.is_some();
    let own_date = mentions.iter().any(|m| {
        m.event.anchoring == EventAnchoring::Explicit
            || (own(m) && m.event.anchoring == EventAnchoring::Publication)
    });
    let own_narrative = mentions
        .iter()
        .any(|m| own(m) && m.event.anchoring == EventAnchoring::Narrative);
    let granularity = when.map(DateValue::granularity);
    let interval = when.and_then(DateValue::interval);
    let background = match (interval, row.earliest_published) {
        (Some(iv), Some(p)) => (p - iv.end).num_days() > 365,
        _ => false,
    };
    let after_publication = match (interval, row.latest_published) {
        (Some(iv), Some(p)) => iv.start > p,
        _ => false,
    };
    let senses = crate::vocab::wordnet::senses(&e.lemma);
    let first_verb = senses
        .and_then(|s| s.first_verb)
        .and_then(|f| crate::vocab::wordnet::LEXFILES.get(usize::from(f)))
        .copied();
    f[0] = 1.0;
    f[1] = row.rule as f32;
    f[2] = (1.0 + mentions.len() as f32).ln();
    f[3] = flag(row.sources >= 2);
    f[4] = flag(row.sources >= 3);
    f[5] = flag(own_date);
    f[6] = flag(own_narrative && !own_date);
    f[7] = flag(!own_date && !own_narrative);
    f[8] = flag(matches!(
        e.timeml.class,
        EventClass::Occurrence | EventClass::Aspectual | EventClass::IAction
    ));
    f[9] = flag(e.timeml.class == EventClass::Reporting);
    f[10] = flag(matches!(
        e.timeml.class,
        EventClass::State | EventClass::IState | EventClass::Perception
    ));
    f[11] = flag(mentions.iter().any(|m| m.first_in_sentence));
    f[12] = mentions
        .iter()
        .map(|m| m.event.confidence)
        .fold(0.0, f32::max);
    f[13] = flag(granularity.is_some_and(|g| g >= Granularity::Day));
    f[14] = flag(granularity == Some(Granularity::Month));
    f[15] = flag(granularity.is_none_or(|g| g < Granularity::Month));
    f[16] = flag(row.conflict);
    f[17] = flag(mentions.iter().any(|m| m.event.sentence <= LEDE_SENTENCES));
    f[18] = flag(e.modality == Modality::Future);
    f[19] = flag(e.timeml.tense == Tense::Present);
    f[20] = flag(mentions.iter().any(|m| !m.event.participants.is_empty()));
    f[21] = flag(e.timeml.tense == Tense::None);
    f[22] = flag(background);
    // A writer's own experience ("fans I have spoken to") is colour, not the story's news.
    f[23] = flag(
        lead.sentence
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .any(|w| matches!(w, "I" | "I've" | "I’ve" | "I'm" | "I’m" | "me" | "my")),
    );
    let first_sentence = mentions.iter().map(|m| m.event.sentence).min().unwrap_or(0);
    f[24] = flag(first_sentence == 0);
    f[25] = (1.0 + first_sentence as f32).ln();
    f[26] = flag(mentions.iter().any(|m| !m.event.folded.is_empty()));
    f[27] = (1.0 + row.references as f32).ln();
    f[28] = flag(after_publication);
    // A verb with senses in many of WordNet's files ("run", "take", "come") says little of
    // what happened; one whose commonest sense is a state or a state of mind, less still.
    f[29] = flag(senses.is_some_and(|s| s.verb.count_ones() >= 6));
    f[30] = flag(first_verb == Some("verb.stative"));
    f[31] = flag(matches!(
        first_verb,
        Some("verb.cognition" | "verb.perception" | "verb.emotion")
    ));
    f
}

/// The model's weights, by feature; read once from `data/rows.tsv`.
static WEIGHTS: LazyLock<RowFeatures> =
    LazyLock::new(|| super::model_file::parse(include_str!("../../data/rows.tsv"), &ROW_FEATURES));

/// How sure the model is that a row with these features is a happening a reader expects,
/// 0–1, with 0.5 at the fold line.
pub(super) fn row_confidence(f: &RowFeatures) -> f64 {
    let z: f32 = f.iter().zip(WEIGHTS.iter()).map(|(x, w)| x * w).sum();
    if z.is_nan() {
        return 0.5;
    }
    1.0 / (1.0 + f64::from(-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_file_weighs_every_feature_by_name() {
        let text = include_str!("../../data/rows.tsv");
        assert_eq!(super::super::model_file::names(text), ROW_FEATURES);
        assert!(WEIGHTS.iter().any(|w| *w != 0.0));
    }

    #[test]
    fn confidence_is_a_probability() {
        let mut f = [0f32; ROW_FEATURES.len()];
        for x in [-1e30f32, -3.0, 0.0, 2.0, 1e30] {
            f[0] = x;
            let c = row_confidence(&f);
            assert!((0.0..=1.0).contains(&c), "{c}");
        }
    }
}
