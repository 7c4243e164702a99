//! # dateline-eval
//!
//! Scorers for [dateline]: how well its stages do against gold annotations.
//!
//! - [`events`]: TimeML events (TempEval-3 style JSON Lines): event spans, classes, tense,
//!   aspect, polarity, and which time expression anchors each event, with cross-validation by
//!   document for the learned event model.
//! - [`stories`]: the project's own multi-source stories: merged timelines against what a
//!   careful reader expects (happenings dated right, reports merged, conflicts shown).
//!
//! The crate does no I/O: callers hand it the text of the annotation files and print what it
//! returns.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod events;
pub mod stories;

use thiserror::Error;

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
    /// Cross-validation asked for more folds than documents, or fewer than two.
    #[error("cannot make {folds} folds of {documents} documents: give 2 to {documents} folds")]
    Folds {
        /// The folds asked for.
        folds: usize,
        /// The documents there are.
        documents: usize,
    },
}
