//! TempEval-3 Task A: temporal expressions against gold annotations ([`score`],
//! [`score_by_id`], [`Scorer`]).
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
//! use dateline_eval::te3::{score, ScoredTimex};
//!
//! let gold = [ScoredTimex::new(3, 16, "18 March 2024", "DATE", "2024-03-18")];
//! let system = [ScoredTimex::new(0, 16, "on 18 March 2024", "DATE", "2024-03-18")];
//! let eval = score([("doc", &gold[..], &system[..])]);
//! assert_eq!(eval.scores.strict.f1, 0.0);
//! assert_eq!(eval.scores.relaxed.f1, 1.0);
//! assert_eq!(eval.scores.value_f1, 1.0);
//! assert_eq!(eval.mistakes.len(), 1); // a boundary difference
//! ```

use std::collections::HashMap;
use std::fmt;

use dateline::export::JsonTimex;
use serde::{Deserialize, Serialize};

use crate::ratio;

/// A timex as the scorer sees it, gold or system: code-point offsets, its text, its TIMEX3
/// type and value as strings.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ScoredTimex {
    /// Code-point offset of the first character.
    pub start: usize,
    /// Code-point offset one past the last character.
    pub end: usize,
    /// The text of the span; white space at its ends is trimmed off the span before matching.
    pub text: String,
    /// TIMEX3 type (`DATE`, `TIME`, `DURATION`, `SET`).
    #[serde(rename = "type")]
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

impl ScoredTimex {
    /// A timex from its parts.
    ///
    /// # Examples
    ///
    /// ```
    /// let t = dateline_eval::te3::ScoredTimex::new(0, 4, "1998", "DATE", "1998");
    /// assert_eq!(t.kind, "DATE");
    /// ```
    pub fn new(start: usize, end: usize, text: &str, kind: &str, value: &str) -> Self {
        ScoredTimex {
            start,
            end,
            text: text.to_owned(),
            kind: kind.to_owned(),
            value: value.to_owned(),
        }
    }

    /// The span with the white space at the ends of `text` taken off, as `score_te3.py`'s
    /// `norm` computes it (signed, because it trusts `text` over the offsets).
    fn span(&self) -> (i64, i64) {
        let len = self.text.chars().count();
        let lead = self.text.chars().take_while(|&c| py_isspace(c)).count();
        let trail = if lead == len {
            len
        } else {
            self.text
                .chars()
                .rev()
                .take_while(|&c| py_isspace(c))
                .count()
        };
        (
            to_i64(self.start) + to_i64(lead),
            to_i64(self.end) - to_i64(trail),
        )
    }
}

impl From<&JsonTimex> for ScoredTimex {
    fn from(t: &JsonTimex) -> Self {
        ScoredTimex {
            start: t.start,
            end: t.end,
            text: t.text.clone(),
            kind: t.kind.as_str().to_owned(),
            value: t.value.clone(),
        }
    }
}

impl From<JsonTimex> for ScoredTimex {
    fn from(t: JsonTimex) -> Self {
        ScoredTimex::from(&t)
    }
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Python's `str.isspace`, which `score_te3.py` trims with: Unicode white space and also the
/// separators U+001C–U+001F.
fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1C}'..='\u{1F}').contains(&c)
}

/// The counts the scores are computed from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Counts {
    /// Gold timexes.
    pub gold: usize,
    /// System timexes.
    pub system: usize,
    /// Matches with exactly the gold span.
    pub strict: usize,
    /// Matches (overlapping spans, 1-1).
    pub relaxed: usize,
    /// Matches with the gold type.
    pub type_correct: usize,
    /// Matches with the gold value.
    pub value_correct: usize,
}

/// Precision, recall and F1, as fractions in `0.0..=1.0`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub f1: f64,
}

impl Prf {
    fn new(correct: usize, system: usize, gold: usize) -> Self {
        let precision = ratio(correct, system);
        let recall = ratio(correct, gold);
        Prf {
            precision,
            recall,
            f1: f1(precision, recall),
        }
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// TempEval-3 Task A scores, as fractions in `0.0..=1.0`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    /// The counts behind the scores.
    pub counts: Counts,
    /// Exact-span matching.
    pub strict: Prf,
    /// Overlap matching.
    pub relaxed: Prf,
    /// Share of relaxed matches with the gold type.
    pub type_accuracy: f64,
    /// Share of relaxed matches with the gold value.
    pub value_accuracy: f64,
    /// `type_accuracy × relaxed.f1`.
    pub type_f1: f64,
    /// `value_accuracy × relaxed.f1`.
    pub value_f1: f64,
}

impl Scores {
    /// The scores that `counts` give.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_eval::te3::{Counts, Scores};
    ///
    /// let c = Counts { gold: 4, system: 2, strict: 1, relaxed: 2, type_correct: 2, value_correct: 1 };
    /// let s = Scores::from_counts(c);
    /// assert_eq!(s.relaxed.precision, 1.0);
    /// assert_eq!(s.relaxed.recall, 0.5);
    /// assert_eq!(s.value_accuracy, 0.5);
    /// ```
    pub fn from_counts(counts: Counts) -> Self {
        let relaxed = Prf::new(counts.relaxed, counts.system, counts.gold);
        let type_accuracy = ratio(counts.type_correct, counts.relaxed);
        let value_accuracy = ratio(counts.value_correct, counts.relaxed);
        Scores {
            counts,
            strict: Prf::new(counts.strict, counts.system, counts.gold),
            relaxed,
            type_accuracy,
            value_accuracy,
            type_f1: type_accuracy * relaxed.f1,
            value_f1: value_accuracy * relaxed.f1,
        }
    }

    /// The scores as `score_te3.py` prints them: the same keys, in the same order, as
    /// percentages rounded to two decimals.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_eval::te3::{Counts, Scores};
    ///
    /// let c = Counts { gold: 3, system: 3, strict: 1, relaxed: 2, type_correct: 2, value_correct: 2 };
    /// let s = Scores::from_counts(c).te3_summary();
    /// assert_eq!(s.strict_p, 33.33);
    /// assert_eq!(s.relaxed_f1, 66.67);
    /// ```
    pub fn te3_summary(&self) -> Te3Summary {
        let pct = |x: f64| round2(100.0 * x);
        Te3Summary {
            gold: self.counts.gold,
            system: self.counts.system,
            strict_p: pct(self.strict.precision),
            strict_r: pct(self.strict.recall),
            strict_f1: pct(self.strict.f1),
            relaxed_p: pct(self.relaxed.precision),
            relaxed_r: pct(self.relaxed.recall),
            relaxed_f1: pct(self.relaxed.f1),
            type_acc: pct(self.type_accuracy),
            value_acc: pct(self.value_accuracy),
            type_f1: pct(self.type_f1),
            value_f1: pct(self.value_f1),
        }
    }
}

/// Python's `round(x, 2)`: the correctly rounded decimal, ties to even, which is also what
/// Rust's `{:.2}` formatting computes.
fn round2(x: f64) -> f64 {
    format!("{x:.2}").parse().unwrap_or(x)
}

/// The scores in `score_te3.py`'s JSON form: percentages rounded to two decimals.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Te3Summary {
    /// Gold timexes.
    pub gold: usize,
    /// System timexes.
    pub system: usize,
    /// Strict precision.
    #[serde(rename = "strict_P")]
    pub strict_p: f64,
    /// Strict recall.
    #[serde(rename = "strict_R")]
    pub strict_r: f64,
    /// Strict F1.
    #[serde(rename = "strict_F1")]
    pub strict_f1: f64,
    /// Relaxed precision.
    #[serde(rename = "relaxed_P")]
    pub relaxed_p: f64,
    /// Relaxed recall.
    #[serde(rename = "relaxed_R")]
    pub relaxed_r: f64,
    /// Relaxed F1.
    #[serde(rename = "relaxed_F1")]
    pub relaxed_f1: f64,
    /// Type accuracy over relaxed matches.
    pub type_acc: f64,
    /// Value accuracy over relaxed matches.
    pub value_acc: f64,
    /// Type F1.
    #[serde(rename = "type_F1")]
    pub type_f1: f64,
    /// Value F1.
    #[serde(rename = "value_F1")]
    pub value_f1: f64,
}

/// What went wrong with one gold or system timex.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MistakeKind {
    /// A gold timex that no system timex overlaps.
    Missed,
    /// A system timex that matches no gold timex.
    FalsePositive,
    /// Matched with the right type and value, but not the exact span.
    Span,
    /// Matched with the right type but another value.
    Value,
    /// Matched with another type (the value may be wrong as well).
    Type,
}

impl MistakeKind {
    /// Every kind, in the order reports list them.
    pub const ALL: [MistakeKind; 5] = [
        MistakeKind::Missed,
        MistakeKind::FalsePositive,
        MistakeKind::Span,
        MistakeKind::Value,
        MistakeKind::Type,
    ];

    /// A short name: `missed`, `false_positive`, `span`, `value`, `type`.
    pub fn as_str(self) -> &'static str {
        match self {
            MistakeKind::Missed => "missed",
            MistakeKind::FalsePositive => "false_positive",
            MistakeKind::Span => "span",
            MistakeKind::Value => "value",
            MistakeKind::Type => "type",
        }
    }

    /// A heading for reports.
    pub fn describe(self) -> &'static str {
        match self {
            MistakeKind::Missed => "missed (no system timex overlaps the gold one)",
            MistakeKind::FalsePositive => "false positive (no gold timex overlaps)",
            MistakeKind::Span => "span only (type and value right, boundaries differ)",
            MistakeKind::Value => "wrong value (type right)",
            MistakeKind::Type => "wrong type",
        }
    }
}

/// One error of the system against the gold annotation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Mistake {
    /// The document.
    pub doc: String,
    /// What went wrong.
    pub kind: MistakeKind,
    /// The gold timex (absent for a false positive).
    pub gold: Option<ScoredTimex>,
    /// The system timex (absent for a miss).
    pub system: Option<ScoredTimex>,
    /// Whether the matched spans are the same after trimming (false when unmatched).
    pub exact_span: bool,
}

impl fmt::Display for Mistake {
    /// One line: `doc: gold "text" TYPE value | sys "text" TYPE value`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.doc)?;
        if let Some(g) = &self.gold {
            write!(f, " gold {:?} {} {}", g.text, g.kind, g.value)?;
        }
        if self.gold.is_some() && self.system.is_some() {
            f.write_str(" |")?;
        }
        if let Some(s) = &self.system {
            write!(f, " sys {:?} {} {}", s.text, s.kind, s.value)?;
        }
        Ok(())
    }
}

/// The outcome of scoring: the scores and every mistake, in document order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// The scores.
    pub scores: Scores,
    /// The mistakes: for each document, misses and matched differences in gold order, then
    /// false positives in system order.
    pub mistakes: Vec<Mistake>,
}

impl Evaluation {
    /// The mistakes of one kind.
    pub fn mistakes_of(&self, kind: MistakeKind) -> impl Iterator<Item = &Mistake> {
        self.mistakes.iter().filter(move |m| m.kind == kind)
    }
}

/// Scores documents one at a time.
///
/// # Examples
///
/// ```
/// use dateline_eval::te3::{Scorer, ScoredTimex};
///
/// let mut scorer = Scorer::new();
/// let gold = [ScoredTimex::new(0, 4, "1998", "DATE", "1998")];
/// scorer.add("a", &gold, &[]);
/// scorer.add("b", &[], &gold);
/// let eval = scorer.finish();
/// assert_eq!(eval.scores.counts.gold, 1);
/// assert_eq!(eval.scores.counts.system, 1);
/// assert_eq!(eval.scores.relaxed.f1, 0.0);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Scorer {
    counts: Counts,
    mistakes: Vec<Mistake>,
}

impl Scorer {
    /// A scorer with nothing added.
    pub fn new() -> Self {
        Scorer::default()
    }

    /// Adds one document: its gold timexes and the system's.
    pub fn add(&mut self, doc: &str, gold: &[ScoredTimex], system: &[ScoredTimex]) {
        self.counts.gold += gold.len();
        self.counts.system += system.len();
        let spans: Vec<(i64, i64)> = system.iter().map(ScoredTimex::span).collect();
        let mut used = vec![false; system.len()];
        for g in gold {
            let (ga, gb) = g.span();
            let mut best = None;
            for (i, &(pa, pb)) in spans.iter().enumerate() {
                // An exact span replaces an earlier overlap; otherwise the first overlap stays.
                if !used[i] && pa < gb && ga < pb && (best.is_none() || (pa, pb) == (ga, gb)) {
                    best = Some(i);
                }
            }
            let Some(i) = best else {
                self.mistakes.push(Mistake {
                    doc: doc.to_owned(),
                    kind: MistakeKind::Missed,
                    gold: Some(g.clone()),
                    system: None,
                    exact_span: false,
                });
                continue;
            };
            used[i] = true;
            let s = &system[i];
            let exact = spans[i] == (ga, gb);
            let type_ok = s.kind == g.kind;
            let value_ok = s.value == g.value;
            self.counts.relaxed += 1;
            self.counts.strict += usize::from(exact);
            self.counts.type_correct += usize::from(type_ok);
            self.counts.value_correct += usize::from(value_ok);
            let kind = if !type_ok {
                MistakeKind::Type
            } else if !value_ok {
                MistakeKind::Value
            } else if !exact {
                MistakeKind::Span
            } else {
                continue;
            };
            self.mistakes.push(Mistake {
                doc: doc.to_owned(),
                kind,
                gold: Some(g.clone()),
                system: Some(s.clone()),
                exact_span: exact,
            });
        }
        for (s, _) in system.iter().zip(&used).filter(|(_, &u)| !u) {
            self.mistakes.push(Mistake {
                doc: doc.to_owned(),
                kind: MistakeKind::FalsePositive,
                gold: None,
                system: Some(s.clone()),
                exact_span: false,
            });
        }
    }

    /// The counts so far.
    pub fn counts(&self) -> Counts {
        self.counts
    }

    /// The scores and mistakes of everything added.
    pub fn finish(self) -> Evaluation {
        Evaluation {
            scores: Scores::from_counts(self.counts),
            mistakes: self.mistakes,
        }
    }
}

/// Scores `(document id, gold timexes, system timexes)` triples.
///
/// # Examples
///
/// ```
/// use dateline_eval::te3::{score, ScoredTimex};
///
/// let gold = [ScoredTimex::new(0, 4, "1998", "DATE", "1998")];
/// let eval = score([("a", &gold[..], &gold[..])]);
/// assert_eq!(eval.scores.strict.f1, 1.0);
/// assert!(eval.mistakes.is_empty());
/// ```
pub fn score<'a, I>(docs: I) -> Evaluation
where
    I: IntoIterator<Item = (&'a str, &'a [ScoredTimex], &'a [ScoredTimex])>,
{
    let mut scorer = Scorer::new();
    for (doc, gold, system) in docs {
        scorer.add(doc, gold, system);
    }
    scorer.finish()
}

/// Scores gold and system documents paired by id, as `score_te3.py` pairs its two files:
/// every gold document is scored, in the order its id first appears; a repeated id counts once,
/// with its last timexes; a gold document the system lacks has no system timexes; system
/// documents without gold are ignored.
///
/// # Examples
///
/// ```
/// use dateline_eval::te3::{score_by_id, ScoredTimex};
///
/// let t = ScoredTimex::new(0, 4, "1998", "DATE", "1998");
/// let gold = vec![("a".to_string(), vec![t.clone()]), ("b".to_string(), vec![t.clone()])];
/// let system = vec![("b".to_string(), vec![t]), ("z".to_string(), vec![])];
/// let eval = score_by_id(&gold, &system);
/// assert_eq!(eval.scores.counts.gold, 2);
/// assert_eq!(eval.scores.counts.system, 1);
/// assert_eq!(eval.scores.relaxed.recall, 0.5);
/// ```
pub fn score_by_id(
    gold: &[(String, Vec<ScoredTimex>)],
    system: &[(String, Vec<ScoredTimex>)],
) -> Evaluation {
    let system_of: HashMap<&str, &[ScoredTimex]> = system
        .iter()
        .map(|(id, ts)| (id.as_str(), ts.as_slice()))
        .collect();
    let mut gold_of: HashMap<&str, &[ScoredTimex]> = HashMap::new();
    let mut order = Vec::new();
    for (id, ts) in gold {
        if gold_of.insert(id.as_str(), ts.as_slice()).is_none() {
            order.push(id.as_str());
        }
    }
    let mut scorer = Scorer::new();
    for id in order {
        let g = gold_of.get(id).copied().unwrap_or_default();
        let s = system_of.get(id).copied().unwrap_or_default();
        scorer.add(id, g, s);
    }
    scorer.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(start: usize, end: usize, text: &str, kind: &str, value: &str) -> ScoredTimex {
        ScoredTimex::new(start, end, text, kind, value)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn mixed_document() {
        // Gold: three timexes. System: one exact, one with a shorter span, one spurious.
        let gold = [
            t(0, 5, "March", "DATE", "2023-03"),
            t(10, 20, "18 March 1", "DATE", "2024-03-18"),
            t(30, 37, "3 days.", "DURATION", "P3D"),
        ];
        let system = [
            t(0, 5, "March", "DATE", "2023-03"),
            t(12, 20, "March 1", "DATE", "2024-03-18"),
            t(40, 45, "today", "DATE", "2020"),
        ];
        let e = score([("d", &gold[..], &system[..])]);
        let c = e.scores.counts;
        assert_eq!((c.gold, c.system, c.strict, c.relaxed), (3, 3, 1, 2));
        assert_eq!((c.type_correct, c.value_correct), (2, 2));
        // strict 1/3 each; relaxed 2/3 each; accuracies 1 → type/value F1 = relaxed F1.
        let s = e.scores;
        assert!(close(s.strict.precision, 1.0 / 3.0));
        assert!(close(s.strict.recall, 1.0 / 3.0));
        assert!(close(s.strict.f1, 1.0 / 3.0));
        assert!(close(s.relaxed.f1, 2.0 / 3.0));
        assert!(close(s.type_accuracy, 1.0));
        assert!(close(s.value_f1, 2.0 / 3.0));
        let kinds: Vec<MistakeKind> = e.mistakes.iter().map(|m| m.kind).collect();
        assert_eq!(
            kinds,
            [
                MistakeKind::Span,
                MistakeKind::Missed,
                MistakeKind::FalsePositive
            ]
        );
        assert_eq!(
            e.mistakes[1].gold.as_ref().map(|g| g.kind.as_str()),
            Some("DURATION")
        );
        let summary = s.te3_summary();
        assert_eq!(summary.strict_p, 33.33);
        assert_eq!(summary.relaxed_r, 66.67);
        assert_eq!(summary.value_acc, 100.0);
    }

    #[test]
    fn exact_span_is_preferred_over_earlier_overlap() {
        let gold = [t(5, 15, "0123456789", "DATE", "v")];
        let system = [
            t(3, 8, "01234", "DATE", "v"),
            t(5, 15, "0123456789", "DATE", "v"),
        ];
        let e = score([("d", &gold[..], &system[..])]);
        let c = e.scores.counts;
        assert_eq!((c.strict, c.relaxed), (1, 1));
        // P = 1/2, R = 1, F1 = 2/3 for both.
        assert!(close(e.scores.strict.f1, 2.0 / 3.0));
        assert_eq!(e.mistakes.len(), 1);
        assert_eq!(e.mistakes[0].kind, MistakeKind::FalsePositive);
        assert_eq!(e.mistakes[0].system.as_ref().map(|s| s.start), Some(3));
    }

    #[test]
    fn first_overlap_without_exact_and_last_exact_among_several() {
        // No exact span: the first overlapping system timex is taken.
        let gold = [t(0, 10, "0123456789", "DATE", "v")];
        let system = [
            t(2, 4, "23", "DATE", "x"),
            t(0, 9, "012345678", "DATE", "v"),
        ];
        let e = score([("d", &gold[..], &system[..])]);
        assert_eq!(e.scores.counts.value_correct, 0);
        assert_eq!(e.mistakes[0].kind, MistakeKind::Value);
        assert_eq!(e.mistakes[1].kind, MistakeKind::FalsePositive);

        // Two exact spans: the later one wins, as in the Python loop.
        let system = [
            t(0, 10, "0123456789", "DATE", "x"),
            t(0, 10, "0123456789", "DATE", "v"),
        ];
        let e = score([("d", &gold[..], &system[..])]);
        assert_eq!(e.scores.counts.value_correct, 1);
    }

    #[test]
    fn one_to_one_greedy() {
        // One system timex overlaps two gold ones: the first gold takes it.
        let gold = [
            t(0, 10, "aaaaaaaaaa", "DATE", "1"),
            t(10, 20, "bbbbbbbbbb", "DATE", "2"),
        ];
        let system = [t(5, 15, "aaaaabbbbb", "DATE", "1")];
        let e = score([("d", &gold[..], &system[..])]);
        let c = e.scores.counts;
        assert_eq!((c.relaxed, c.strict, c.value_correct), (1, 0, 1));
        // relaxed P = 1, R = 1/2, F1 = 2/3.
        assert!(close(e.scores.relaxed.f1, 2.0 / 3.0));
        assert_eq!(e.mistakes[1].kind, MistakeKind::Missed);
    }

    #[test]
    fn touching_spans_do_not_overlap() {
        let gold = [t(0, 5, "March", "DATE", "v")];
        let system = [t(5, 9, "2023", "DATE", "v")];
        let e = score([("d", &gold[..], &system[..])]);
        assert_eq!(e.scores.counts.relaxed, 0);
    }

    #[test]
    fn white_space_is_trimmed_like_python() {
        let gold = [t(10, 20, "March 2023", "DATE", "2023-03")];
        let system = [t(9, 21, " March 2023\n", "DATE", "2023-03")];
        let e = score([("d", &gold[..], &system[..])]);
        assert_eq!(e.scores.counts.strict, 1);
        // U+001C is white space to Python's str.strip, not to Rust's char::is_whitespace.
        let gold = [t(5, 8, "May", "DATE", "v")];
        let system = [t(4, 9, "\u{1C}May\u{A0}", "DATE", "v")];
        let e = score([("d", &gold[..], &system[..])]);
        assert_eq!(e.scores.counts.strict, 1);
        // Offsets count code points: a multi-byte text is trimmed by characters.
        let system = [t(4, 8, "\u{3000}May", "DATE", "v")];
        let e = score([("d", &gold[..], &system[..])]);
        assert_eq!(e.scores.counts.strict, 1);
    }

    #[test]
    fn all_white_space_text_inverts_the_span() {
        // norm("   ") at 0..3 is (3, 0): it overlaps nothing, as in Python.
        let gold = [t(0, 3, "abc", "DATE", "v")];
        let system = [t(0, 3, "   ", "DATE", "v")];
        let e = score([("d", &gold[..], &system[..])]);
        assert_eq!(e.scores.counts.relaxed, 0);
    }

    #[test]
    fn wrong_type_and_wrong_value() {
        let gold = [
            t(0, 8, "18 March", "DATE", "2024-03-18"),
            t(20, 25, "a day", "DURATION", "P1D"),
        ];
        let system = [
            t(0, 8, "18 March", "DATE", "XXXX-03-18"),
            t(20, 25, "a day", "DATE", "P1D"),
        ];
        let e = score([("d", &gold[..], &system[..])]);
        let s = e.scores;
        assert_eq!(s.relaxed.f1, 1.0);
        assert_eq!(s.strict.f1, 1.0);
        assert_eq!(s.type_accuracy, 0.5);
        assert_eq!(s.type_f1, 0.5);
        assert_eq!(s.value_accuracy, 0.5);
        let kinds: Vec<MistakeKind> = e.mistakes.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, [MistakeKind::Value, MistakeKind::Type]);
        assert!(e.mistakes[0].exact_span);
        assert_eq!(
            e.mistakes[0].to_string(),
            "d: gold \"18 March\" DATE 2024-03-18 | sys \"18 March\" DATE XXXX-03-18"
        );
    }

    #[test]
    fn nothing_scores_zero() {
        let e = score(std::iter::empty());
        assert_eq!(e.scores, Scores::default());
        let s = e.scores.te3_summary();
        assert_eq!((s.gold, s.system, s.relaxed_f1), (0, 0, 0.0));
    }

    #[test]
    fn pairs_by_id_like_python_dicts() {
        let a = t(0, 4, "1998", "DATE", "1998");
        let b = t(0, 4, "1998", "DATE", "1999");
        let gold = vec![
            ("d1".to_owned(), vec![a.clone()]),
            ("d2".to_owned(), vec![a.clone()]),
            // A repeated id: counted once, with these timexes, at its first place.
            (
                "d1".to_owned(),
                vec![a.clone(), t(10, 14, "2001", "DATE", "2001")],
            ),
        ];
        let system = vec![
            ("d1".to_owned(), vec![b]),
            ("d1".to_owned(), vec![a.clone()]),
            ("other".to_owned(), vec![a]),
        ];
        let e = score_by_id(&gold, &system);
        let c = e.scores.counts;
        assert_eq!((c.gold, c.system, c.relaxed, c.value_correct), (3, 1, 1, 1));
        assert_eq!(e.mistakes[0].doc, "d1");
        assert_eq!(e.mistakes[0].kind, MistakeKind::Missed);
        assert_eq!(e.mistakes[1].doc, "d2");
    }

    #[test]
    fn python_rounding() {
        assert_eq!(round2(66.665), 66.67); // binary value is just above the tie
        assert_eq!(round2(0.125), 0.12); // an exact tie goes to even
        assert_eq!(round2(100.0 * 2.0 / 3.0), 66.67);
    }

    #[test]
    fn summary_keys_match_the_python_script() {
        let s = Scores::from_counts(Counts {
            gold: 2,
            system: 1,
            strict: 1,
            relaxed: 1,
            type_correct: 1,
            value_correct: 0,
        });
        let json = serde_json::to_string(&s.te3_summary()).expect("serializes");
        assert_eq!(
            json,
            r#"{"gold":2,"system":1,"strict_P":100.0,"strict_R":50.0,"strict_F1":66.67,"relaxed_P":100.0,"relaxed_R":50.0,"relaxed_F1":66.67,"type_acc":100.0,"value_acc":0.0,"type_F1":66.67,"value_F1":0.0}"#
        );
    }
}
