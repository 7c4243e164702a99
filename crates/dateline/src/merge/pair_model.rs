//! Whether two mentions tell one happening, weighed: a linear model over what their words,
//! dates, people, places and figures share ([`PAIR_FEATURES`]), learned from the project's
//! multi-source stories with their gold (`dateline train pairs`), its weights in
//! `data/pairs.tsv`. The rules around it (dates that cannot be one date, different places,
//! two happenings of one sentence, a bare weekday) stay rules: the model weighs only the pairs
//! they leave open.

use std::sync::LazyLock;

/// The features of a pair of mentions, by name, in the order of [`PairFeatures`]; the model
/// file names them so that a file for other features is not read as this one's.
pub const PAIR_FEATURES: [&str; 30] = [
    "bias",
    "same_lemma",
    "same_concept",
    "broader_concept",
    "same_kind_with_objects",
    "dates_apart",
    "same_date",
    "shared_participant",
    "shared_name_only",
    "same_place",
    "same_document",
    "shared_figure",
    "shared_objects",
    "different_doers",
    "same_lexicon_class",
    "both_first_in_sentence",
    "both_occurrences",
    "same_day",
    "both_explicit",
    "shared_objects_same_document",
    "same_kind",
    "shared_sentence_nouns",
    "shared_specific_names",
    "same_date_coarser_than_a_day",
    "two_documents_nobody_in_common",
    "documents_share_names",
    "documents_name_overlap",
    "related_words_same_day",
    "broader_words_same_day",
    "related_words_same_document",
];

/// The values of [`PAIR_FEATURES`] for one pair of mentions.
pub type PairFeatures = [f32; PAIR_FEATURES.len()];

/// The model's weights, by feature; read once from `data/pairs.tsv`.
static WEIGHTS: LazyLock<PairFeatures> = LazyLock::new(|| {
    super::model_file::parse(include_str!("../../data/pairs.tsv"), &PAIR_FEATURES)
});

/// Whether a pair with these features tells one happening: the model decides, but for what
/// the stories it learns from cannot teach, where the rule it replaced must agree too. Each
/// story tells one story: of their pairs dated a day or two apart (a conflict if joined), nine
/// in ten are one happening, while in a day's newswire most are not; and two reports of
/// different stories that share a word and a date but nobody named are rare among them, while
/// a newswire of hundreds of stories is full of them. So a pair dated a day or two apart is
/// the rule's alone (with `subsumed`: neither names someone the other does not know of), and a
/// pair of two documents with nobody in common needs the rule's yes as well as the model's,
/// unless the documents share [`STORY_NAMES`] telling names, or [`STORY_OVERLAP`] of the
/// fewer: then they tell one story.
pub(super) fn joins(f: &PairFeatures, conflict: bool, subsumed: bool) -> bool {
    if conflict {
        // Reports that name nobody in common come this far only on the stronger evidence
        // of `subsumed`; the rule weighs names, which they lack.
        return subsumed && (rule_joins(f) || f[NOBODY_IN_COMMON] == 1.0);
    }
    score(f, &WEIGHTS) >= 0.0
        && (f[NOBODY_IN_COMMON] == 0.0
            || f[DOCUMENTS_SHARE] >= STORY_NAMES as f32
            || f[DOCUMENTS_OVERLAP] >= STORY_OVERLAP
            || rule_joins(f))
}

/// The indexes of `two_documents_nobody_in_common`, `documents_share_names` and
/// `documents_name_overlap` in [`PAIR_FEATURES`].
const NOBODY_IN_COMMON: usize = 24;
const DOCUMENTS_SHARE: usize = 25;
const DOCUMENTS_OVERLAP: usize = 26;

/// The share of the telling names of the document that gives fewer that the other gives too,
/// at which two documents tell one story (feature `documents_name_overlap`): a short report
/// that names two people, both in the other.
const STORY_OVERLAP: f32 = 0.5;

/// How many telling names two documents share at least to tell one story, for the model to
/// join their reports that name nobody in common on its own (feature `documents_share_names`
/// counts up to it).
pub(super) const STORY_NAMES: usize = 3;

/// The weights of the rule the model replaced, by feature, for the features it weighs: the
/// same word or concept 3, a broader one 2, the same date 1, a day or two apart −1, a
/// participant of both 2 (a name in both sentences 1), the same place 2, …; it joins at 4.
const RULE: [(&str, f32); 14] = [
    ("bias", -4.0),
    ("same_lemma", 3.0),
    ("same_concept", 3.0),
    ("broader_concept", 2.0),
    ("same_kind_with_objects", 2.0),
    ("dates_apart", -1.0),
    ("same_date", 1.0),
    ("shared_participant", 2.0),
    ("shared_name_only", 1.0),
    ("same_place", 2.0),
    ("same_document", 1.0),
    ("shared_figure", 1.0),
    ("shared_objects", 1.0),
    ("different_doers", -3.0),
];

/// [`RULE`] by feature, made once: the rule decides pairs on the merge's hot path.
static RULE_WEIGHTS: LazyLock<PairFeatures> = LazyLock::new(|| {
    let mut w = [0f32; PAIR_FEATURES.len()];
    for (name, weight) in RULE {
        if let Some(i) = PAIR_FEATURES.iter().position(|n| *n == name) {
            w[i] = weight;
        }
    }
    w
});

/// The weighed sum of features by `weights`.
fn score(f: &PairFeatures, weights: &PairFeatures) -> f32 {
    f.iter().zip(weights).map(|(x, w)| x * w).sum()
}

/// Whether the rule joins a pair with these features.
fn rule_joins(f: &PairFeatures) -> bool {
    score(f, &RULE_WEIGHTS) >= 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(names: &[&str]) -> PairFeatures {
        let mut f = [0f32; PAIR_FEATURES.len()];
        for name in names {
            let i = PAIR_FEATURES.iter().position(|n| n == name);
            assert!(i.is_some(), "{name}");
            f[i.unwrap_or(0)] = 1.0;
        }
        f
    }

    #[test]
    fn the_rule_weighs_features_the_model_has() {
        for (name, _) in RULE {
            assert!(PAIR_FEATURES.contains(&name), "{name}");
        }
        assert_eq!(
            PAIR_FEATURES[NOBODY_IN_COMMON],
            "two_documents_nobody_in_common"
        );
        assert_eq!(PAIR_FEATURES[DOCUMENTS_SHARE], "documents_share_names");
        assert_eq!(PAIR_FEATURES[DOCUMENTS_OVERLAP], "documents_name_overlap");
    }

    #[test]
    fn dates_apart_are_the_rules_and_need_nobody_unknown() {
        let named = features(&["bias", "same_lemma", "dates_apart", "shared_name_only"]);
        assert!(!joins(&named, true, true), "3 of 4");
        let place = features(&[
            "bias",
            "same_lemma",
            "dates_apart",
            "shared_name_only",
            "same_place",
        ]);
        assert!(joins(&place, true, true));
        assert!(!joins(&place, true, false));
    }

    #[test]
    fn the_model_file_weighs_every_feature_by_name() {
        let text = include_str!("../../data/pairs.tsv");
        assert_eq!(super::super::model_file::names(text), PAIR_FEATURES);
        assert!(WEIGHTS[0] < 0.0, "no evidence must not join two mentions");
    }

    #[test]
    fn the_same_words_on_the_same_day_with_someone_in_common_join() {
        assert!(!joins(&features(&["bias"]), false, false));
        let f = features(&[
            "bias",
            "same_lemma",
            "same_date",
            "same_day",
            "shared_participant",
            "both_first_in_sentence",
            "both_occurrences",
            "both_explicit",
            "documents_share_names",
        ]);
        let mut one_story = f;
        one_story[DOCUMENTS_SHARE] = STORY_NAMES as f32;
        assert!(joins(&one_story, false, false));
        // The same word on the same day in two documents that share no name: two stories.
        let mut apart = features(&[
            "bias",
            "same_lemma",
            "same_date",
            "same_day",
            "two_documents_nobody_in_common",
        ]);
        assert!(!joins(&apart, false, false));
        apart[DOCUMENTS_SHARE] = 1.0;
        assert!(!joins(&apart, false, false));
    }
}
