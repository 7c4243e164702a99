//! The pair model (`dateline train pairs`): whether two mentions tell one happening, learned
//! from the multi-source stories with their gold.
//!
//! Each pair of mentions the merge weighs (what its rules leave open), but for pairs dated a
//! day or two apart, which a rule decides (see `crate::merge::pair_model` of `dateline`), is an
//! example when both mentions are reports of gold happenings: its features ([`PAIR_FEATURES`]) and whether the
//! two are reports of one happening. A logistic regression ([`crate::learn`]) learns them;
//! cross-validation by story (each story's pairs scored by a model trained on the other
//! stories) measures it, and chooses the lowest line at which the held-out pairs joined are at
//! least [`PAIR_PRECISION`] right: a wrong join ties two happenings into one row, and chains of
//! joins make one wrong join cost more than one missed join. The shipped weights are trained on
//! every story, with the bias moved so that the chosen line is a score of 0.

use std::collections::{BTreeMap, BTreeSet};

use dateline::pipeline::{PairMention, ReadDocuments, PAIR_FEATURES};

use crate::learn;
use crate::ratio;
use crate::stories::Story;

/// One pair of reports of gold happenings that the merge weighed.
#[derive(Debug, Clone)]
pub struct PairExample {
    /// The index of its story.
    pub story: usize,
    /// What the merge weighs.
    pub features: [f32; PAIR_FEATURES.len()],
    /// Whether the two are reports of one gold happening.
    pub same: bool,
    /// Whether the shipped model joins them.
    pub joined: bool,
    /// Whether blocking makes them a candidate pair.
    pub candidate: bool,
}

/// The gold happenings a mention reports: those with a report in its document whose words
/// its words overlap.
fn happenings_of(story: &Story, docs: &BTreeMap<&str, usize>, m: &PairMention) -> BTreeSet<usize> {
    let Some(&doc) = docs.get(m.doc.as_str()) else {
        return BTreeSet::new();
    };
    story
        .happenings
        .iter()
        .enumerate()
        .filter(|(_, h)| {
            h.reports
                .iter()
                .any(|r| r.doc == doc && r.overlaps(|| m.words.iter().copied()))
        })
        .map(|(i, _)| i)
        .collect()
}

/// The weighed pairs of the stories' mentions that both report gold happenings, built with
/// the shipped models.
///
/// # Errors
///
/// A story with two documents of one id.
pub fn examples(stories: &[Story]) -> Result<Vec<PairExample>, dateline::Error> {
    let mut out = Vec::new();
    let indexes: Vec<BTreeMap<&str, usize>> = stories.iter().map(Story::document_indexes).collect();
    for (si, (story, docs)) in stories.iter().zip(&indexes).enumerate() {
        let read = story.documents.iter().map(|d| d.document()).collect();
        let (_, pairs) = ReadDocuments::new(read)?.build_with_pair_features();
        for p in pairs {
            let (a, b) = (
                happenings_of(story, docs, &p.a),
                happenings_of(story, docs, &p.b),
            );
            if p.conflict || a.is_empty() || b.is_empty() {
                continue;
            }
            out.push(PairExample {
                story: si,
                features: p.features,
                same: a.intersection(&b).next().is_some(),
                joined: p.joins,
                candidate: p.candidate,
            });
        }
    }
    // The stories read together, as a day's newswire mixes stories: a pair of mentions of two
    // stories is never one happening, whatever its words and date share. Each such pair counts
    // for the first story's fold.
    let mut read = Vec::new();
    let mut story_of: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (si, story) in stories.iter().enumerate() {
        for (di, d) in story.documents.iter().enumerate() {
            story_of.insert(d.id.as_str(), (si, di));
            read.push(d.document());
        }
    }
    if stories.len() > 1 {
        let (_, pairs) = ReadDocuments::new(read)?.build_with_pair_features();
        let gold = |m: &PairMention| -> Option<usize> {
            let &(si, _) = story_of.get(m.doc.as_str())?;
            (!happenings_of(&stories[si], &indexes[si], m).is_empty()).then_some(si)
        };
        for p in pairs.iter().filter(|p| !p.conflict) {
            let (Some(a), Some(b)) = (gold(&p.a), gold(&p.b)) else {
                continue;
            };
            if a != b {
                out.push(PairExample {
                    story: a.min(b),
                    features: p.features,
                    same: false,
                    joined: p.joins,
                    candidate: p.candidate,
                });
            }
        }
    }
    Ok(out)
}

/// The share of the pairs a model joins that must be reports of one happening.
pub const PAIR_PRECISION: f64 = 0.9;

/// Joined pairs against pairs that are one happening.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct JoinCounts {
    /// Pairs joined.
    pub joined: usize,
    /// Pairs joined that are one happening.
    pub right: usize,
    /// Pairs that are one happening.
    pub same: usize,
}

impl JoinCounts {
    fn of(examples: &[PairExample], joined: impl Fn(usize) -> bool) -> Self {
        let mut c = JoinCounts::default();
        for (i, x) in examples.iter().enumerate() {
            let j = joined(i);
            c.joined += usize::from(j);
            c.right += usize::from(j && x.same);
            c.same += usize::from(x.same);
        }
        c
    }

    /// Of the pairs joined, the share that are one happening.
    pub fn precision(&self) -> f64 {
        ratio(self.right, self.joined)
    }

    /// Of the pairs that are one happening, the share joined.
    pub fn recall(&self) -> f64 {
        ratio(self.right, self.same)
    }
}

/// What cross-validation by story found.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CrossValidation {
    /// Folds (stories `i` with `i % folds == k` are fold k).
    pub folds: usize,
    /// The lowest line at which the held-out pairs joined are at least [`PAIR_PRECISION`]
    /// right.
    pub line: f64,
    /// Held out, the pairs the models of the other folds join at that line.
    pub model: JoinCounts,
    /// The pairs the shipped model joins.
    pub shipped: JoinCounts,
}

/// The weights of a logistic regression of `same` on the features of `examples`.
pub fn train(examples: &[&PairExample]) -> [f64; PAIR_FEATURES.len()] {
    let labelled: Vec<_> = examples.iter().map(|x| (&x.features, x.same)).collect();
    learn::logistic(&labelled)
}

/// Cross-validates the pair model by story.
pub fn cross_validate(examples: &[PairExample], stories: usize, folds: usize) -> CrossValidation {
    let folds = folds.clamp(2, stories.max(2));
    let held_out = crate::learn::held_out(examples, folds, |x| x.story, |x| (&x.features, x.same));
    // The line: the lowest of every 0.01 from 0.05 to 0.95 whose joins are right often
    // enough.
    let (line, model) = (5..=95)
        .map(|c| {
            let line = f64::from(c) / 100.0;
            (line, JoinCounts::of(examples, |i| held_out[i] >= line))
        })
        .find(|(_, c)| c.precision() >= PAIR_PRECISION)
        .unwrap_or((0.95, JoinCounts::of(examples, |i| held_out[i] >= 0.95)));
    CrossValidation {
        folds,
        line,
        model,
        shipped: JoinCounts::of(examples, |i| examples[i].joined),
    }
}

/// The model file: the weights trained on every example, the bias moved so that `line` is a
/// score of 0, with a header that says how it was made.
pub fn model_file(examples: &[PairExample], line: f64, header: &str) -> String {
    let all: Vec<&PairExample> = examples.iter().collect();
    learn::model_file(&PAIR_FEATURES, train(&all), line, header)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(story: usize, x: f32, same: bool) -> PairExample {
        let mut features = [0f32; PAIR_FEATURES.len()];
        features[0] = 1.0;
        features[1] = x;
        PairExample {
            story,
            features,
            same,
            joined: x >= 0.5,
            candidate: true,
        }
    }

    #[test]
    fn the_line_keeps_joins_precise() {
        // Pairs with a high feature are one happening, but for one in ten.
        let xs: Vec<PairExample> = (0..200)
            .map(|i| example(i % 5, (i % 10) as f32 / 10.0, i % 10 >= 5 && i % 50 != 5))
            .collect();
        let cv = cross_validate(&xs, 5, 5);
        assert!(cv.model.precision() >= PAIR_PRECISION, "{cv:?}");
        assert!(cv.model.recall() > 0.5, "{cv:?}");
        let file = model_file(&xs, cv.line, "made in a test");
        assert!(file.starts_with("# made in a test\n"));
        assert_eq!(
            file.lines().filter(|l| !l.starts_with('#')).count(),
            PAIR_FEATURES.len()
        );
    }
}
