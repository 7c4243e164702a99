//! # dateline-eval
//!
//! Scorers for [dateline]: how well its stages do against gold annotations.
//!
//! - [`te3`]: TempEval-3 Task A, temporal expressions: strict and relaxed spans, type and
//!   value, as `score_te3.py` computes them.
//! - [`semeval`]: SemEval-2015 Task 4 (cross-document timelines): event mentions and their
//!   dates, and merged timelines against the gold timelines of the target entities.
//! - [`awareness`]: temporal awareness (UzZaman and Allen), the relation measure of TempEval-3
//!   and of SemEval-2015 Task 4.
//! - [`events`]: TimeML events (TempEval-3 style JSON Lines): event spans, classes, tense,
//!   aspect, polarity, and which time expression anchors each event, with cross-validation by
//!   document for the learned event model.
//! - [`rows`] and [`pairs`]: the merge's row model and pair model, learned from the stories.
//! - [`stories`]: the project's own multi-source stories: merged timelines against what a
//!   careful reader expects (happenings dated right, reports merged, conflicts shown).
//!
//! The crate does no I/O: callers hand it the text of the annotation files and print what it
//! returns.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod awareness;
pub mod events;
pub mod learn;
pub mod pairs;
pub mod rows;
pub mod semeval;
pub mod stories;
pub mod te3;

use thiserror::Error;

/// `a / b`, and 0 where `b` is 0: a share of nothing counts nothing.
pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// What can go wrong reading gold annotations.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum EvalError {
    /// A line of an annotation file that is not what the scorer expects.
    #[error("{input}, line {line}: {reason}")]
    Corpus {
        /// The file (or `<stdin>`).
        input: String,
        /// Its 1-based line.
        line: usize,
        /// What is wrong, with the value.
        reason: String,
    },
    /// A corpus read whole (such as the SemEval-2015 Task 4 trial corpus) that is not valid
    /// JSON of the expected shape, or whose parts do not agree.
    #[error("{input}: {reason}")]
    InvalidCorpus {
        /// The input the corpus came from (a path, or `<stdin>`).
        input: String,
        /// What is wrong, and where: a line and column, or a document and sentence.
        reason: String,
    },
    /// Cross-validation asked for more folds than documents, or fewer than two.
    #[error("cannot make {folds} folds of {documents} documents: give 2 to {documents} folds")]
    Folds {
        /// The folds asked for.
        folds: usize,
        /// The documents there are.
        documents: usize,
    },
}
