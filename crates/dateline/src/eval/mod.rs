//! Scoring the pipeline against gold annotations. The module does no I/O: callers hand it
//! annotations and system output and print what it returns.
//!
//! - TempEval-3 Task A, temporal expressions: [`score`], [`score_by_id`], [`Scorer`].
//! - SemEval-2015 Task 4 (cross-document timelines), event mentions and their dates, and merged
//!   timelines against the gold timelines of the target entities: [`semeval`].
//! - Temporal awareness (UzZaman and Allen), the relation measure of TempEval-3 and of
//!   SemEval-2015 Task 4: [`awareness`].
//!
//! # TempEval-3
//!
//! This reproduces `score_te3.py` (the character-offset form of the TempEval-3 entity scorer)
//! number for number:
//!
//! - spans are code-point offsets, trimmed of the white space their `text` starts or ends with;
//! - each gold timex, in order, takes one system timex not taken yet that overlaps it: the last
//!   one with exactly its span if there is one, else the first that overlaps (greedy, 1-1);
//! - strict counts the matches with the exact span, relaxed every match;
//! - type and value accuracy are over the relaxed matches, and type/value F1 is that accuracy
//!   times the relaxed F1 (the toolkit's `performance_type` / `performance_value`).
//!
//! # Examples
//!
//! ```
//! use dateline::eval::{score, ScoredTimex};
//!
//! let gold = [ScoredTimex::new(3, 16, "16 March 2023", "DATE", "2023-03-16")];
//! let system = [ScoredTimex::new(0, 16, "on 16 March 2023", "DATE", "2023-03-16")];
//! let eval = score([("doc", &gold[..], &system[..])]);
//! assert_eq!(eval.scores.strict.f1, 0.0);
//! assert_eq!(eval.scores.relaxed.f1, 1.0);
//! assert_eq!(eval.scores.value_f1, 1.0);
//! assert_eq!(eval.mistakes.len(), 1); // a boundary difference
//! ```

pub mod awareness;
pub mod semeval;
mod te3;

pub use te3::{
    score, score_by_id, Counts, Evaluation, Mistake, MistakeKind, Prf, ScoredTimex, Scorer, Scores,
    Te3Summary,
};
