//! Temporal awareness (UzZaman and Allen, 2011): how well one graph of temporal relations
//! agrees with another, once both are closed under transitivity. TempEval-3 scores temporal
//! relations with it, and SemEval-2015 Task 4 scores timelines with it after turning each into
//! such a graph ([`semeval::score_timeline`](crate::semeval::score_timeline)).
//!
//! The measure, as TempEval-3's `temporal_evaluation.py` computes it:
//!
//! - Each graph's relations are read in order into a timegraph. A relation the graph already
//!   entails is redundant and left out of the graph's **core** relations; one that contradicts
//!   it is a violation, kept out of the graph but counted among the core relations; any other
//!   is added and is a core relation. (So the core is the reduced graph that this reading order
//!   gives, plus the violations.)
//! - Precision is the share of the system's core relations that the gold graph states or
//!   entails; recall is the share of the gold core relations that the system graph states or
//!   entails. A relation whose nodes are not both in the other graph is not matched.
//! - Over several graphs (files, timelines) the counts are summed before dividing: the micro
//!   average ([`Awareness::micro`]).
//!
//! Only the two relations that timelines give are supported: `BEFORE` and `SIMULTANEOUS`
//! (`AFTER` is `BEFORE` with its ends swapped). For these the closure is exact and cheap:
//! simultaneous nodes form classes (union–find) and `BEFORE` is reachability between classes.
//! TempEval-3's script finds duplicates and explicit matches with regular-expression searches
//! over tab-joined text, which also match an id inside a longer one (`e1` in `e11`); here ids
//! are compared whole.
//!
//! # Examples
//!
//! ```
//! use dateline_eval::awareness::{Relation, TemporalGraph};
//!
//! let gold = TemporalGraph::new([
//!     Relation::before("a", "b"),
//!     Relation::before("b", "c"),
//!     Relation::before("a", "c"), // entailed: not a core relation
//! ]);
//! assert_eq!(gold.core().len(), 2);
//! let system = TemporalGraph::new([Relation::before("a", "c"), Relation::simultaneous("c", "d")]);
//! let a = gold.awareness(&system);
//! // a<c is entailed by the gold graph; c=d has a node the gold graph lacks.
//! assert_eq!((a.precision_matched, a.system_relations), (1, 2));
//! // Neither a<b nor b<c follows from the system's graph.
//! assert_eq!((a.recall_matched, a.gold_relations), (0, 2));
//! ```

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

/// The type of a temporal relation between two intervals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RelType {
    /// The first ends before the second starts.
    Before,
    /// Both start and end together.
    Simultaneous,
}

/// A temporal relation between two nodes, named by id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Relation {
    /// The first node.
    pub from: String,
    /// The second node.
    pub to: String,
    /// How they relate.
    pub rel: RelType,
}

impl Relation {
    /// `from` BEFORE `to`.
    pub fn before(from: impl Into<String>, to: impl Into<String>) -> Self {
        Relation {
            from: from.into(),
            to: to.into(),
            rel: RelType::Before,
        }
    }

    /// `from` SIMULTANEOUS `to`.
    pub fn simultaneous(from: impl Into<String>, to: impl Into<String>) -> Self {
        Relation {
            from: from.into(),
            to: to.into(),
            rel: RelType::Simultaneous,
        }
    }
}

/// What reading a relation into a graph did with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Added,
    Redundant,
    Violated,
}

/// A graph of `BEFORE`/`SIMULTANEOUS` relations read in order, with its closure and its core
/// relations (see the [module documentation](self)).
#[derive(Debug, Clone, Default)]
pub struct TemporalGraph {
    ids: HashMap<String, usize>,
    /// Union–find parents: a class of simultaneous nodes per root.
    parent: Vec<usize>,
    /// Per class root, its number of nodes (the smaller class joins the larger).
    size: Vec<usize>,
    /// Per class root, the nodes that class is directly before (any member of their class).
    before: Vec<Vec<usize>>,
    /// The relations as given, both ways for `SIMULTANEOUS`: what the graph states.
    stated: HashSet<(String, String, RelType)>,
    core: Vec<Relation>,
    violations: usize,
}

impl TemporalGraph {
    /// Reads `relations` in order. A relation given twice is read once.
    pub fn new(relations: impl IntoIterator<Item = Relation>) -> Self {
        let mut graph = TemporalGraph::default();
        for r in relations {
            graph.add(r);
        }
        graph
    }

    /// The core relations: those not entailed by the ones read before them, violations
    /// included, in reading order.
    pub fn core(&self) -> &[Relation] {
        &self.core
    }

    /// How many relations contradicted the ones read before them (they are in [`core`](Self::core)).
    pub fn violations(&self) -> usize {
        self.violations
    }

    /// Whether the graph's closure holds `r`. Nodes the graph lacks hold nothing.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_eval::awareness::{Relation, TemporalGraph};
    ///
    /// let g = TemporalGraph::new([Relation::simultaneous("a", "t"), Relation::before("t", "b")]);
    /// assert!(g.entails(&Relation::before("a", "b")));
    /// assert!(g.entails(&Relation::simultaneous("t", "a")));
    /// assert!(!g.entails(&Relation::before("b", "a")));
    /// assert!(!g.entails(&Relation::before("a", "zz")));
    /// ```
    pub fn entails(&self, r: &Relation) -> bool {
        let (Some(&a), Some(&b)) = (self.ids.get(&r.from), self.ids.get(&r.to)) else {
            return false;
        };
        let (ra, rb) = (self.find(a), self.find(b));
        match r.rel {
            RelType::Simultaneous => ra == rb,
            RelType::Before => ra != rb && self.reaches(ra, rb),
        }
    }

    /// Whether the graph states `r` (as given, violations included) or entails it: how
    /// TempEval-3's scorer checks a relation of the other graph.
    pub fn holds(&self, r: &Relation) -> bool {
        self.stated.contains(&(r.from.clone(), r.to.clone(), r.rel)) || self.entails(r)
    }

    /// The temporal awareness of `system` against this graph as the gold one.
    pub fn awareness(&self, system: &TemporalGraph) -> Awareness {
        Awareness::new(
            system.core.iter().filter(|r| self.holds(r)).count(),
            system.core.len(),
            self.core.iter().filter(|r| system.holds(r)).count(),
            self.core.len(),
        )
    }

    fn add(&mut self, r: Relation) {
        let key = (r.from.clone(), r.to.clone(), r.rel);
        if self.stated.contains(&key) {
            return;
        }
        self.stated.insert(key);
        if r.rel == RelType::Simultaneous {
            self.stated.insert((r.to.clone(), r.from.clone(), r.rel));
        }
        let outcome = self.read(&r);
        match outcome {
            Outcome::Added => self.core.push(r),
            Outcome::Violated => {
                self.violations += 1;
                self.core.push(r);
            }
            Outcome::Redundant => {}
        }
    }

    fn read(&mut self, r: &Relation) -> Outcome {
        if r.from == r.to {
            // An interval is simultaneous with itself and before nothing of itself.
            self.node(&r.from);
            return match r.rel {
                RelType::Simultaneous => Outcome::Redundant,
                RelType::Before => Outcome::Violated,
            };
        }
        let (a, new_a) = self.node(&r.from);
        let (b, new_b) = self.node(&r.to);
        let (ra, rb) = (self.find(a), self.find(b));
        // A relation with a node not seen before can be neither entailed nor contradicted.
        let known = !(new_a || new_b);
        match r.rel {
            RelType::Simultaneous => {
                if known && ra == rb {
                    return Outcome::Redundant;
                }
                if known && (self.reaches(ra, rb) || self.reaches(rb, ra)) {
                    return Outcome::Violated;
                }
                let (big, small) = if self.size[ra] >= self.size[rb] {
                    (ra, rb)
                } else {
                    (rb, ra)
                };
                self.parent[small] = big;
                self.size[big] += self.size[small];
                let moved = std::mem::take(&mut self.before[small]);
                self.before[big].extend(moved);
            }
            RelType::Before => {
                if known && (ra == rb || self.reaches(rb, ra)) {
                    return Outcome::Violated;
                }
                if known && self.reaches(ra, rb) {
                    return Outcome::Redundant;
                }
                self.before[ra].push(b);
            }
        }
        Outcome::Added
    }

    /// The node of `id`, and whether it is new.
    fn node(&mut self, id: &str) -> (usize, bool) {
        if let Some(&i) = self.ids.get(id) {
            return (i, false);
        }
        let i = self.parent.len();
        self.ids.insert(id.to_owned(), i);
        self.parent.push(i);
        self.size.push(1);
        self.before.push(Vec::new());
        (i, true)
    }

    fn find(&self, mut i: usize) -> usize {
        while self.parent[i] != i {
            i = self.parent[i];
        }
        i
    }

    /// Whether class `from` is before class `to` through one or more `BEFORE` steps.
    fn reaches(&self, from: usize, to: usize) -> bool {
        let mut seen = vec![false; self.parent.len()];
        let mut stack = vec![from];
        while let Some(c) = stack.pop() {
            for &next in &self.before[c] {
                let n = self.find(next);
                if n == to {
                    return true;
                }
                if !seen[n] {
                    seen[n] = true;
                    stack.push(n);
                }
            }
        }
        false
    }
}

/// Temporal awareness: the matched core relations of each side, and precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Awareness {
    /// System core relations that the gold graph states or entails.
    pub precision_matched: usize,
    /// System core relations.
    pub system_relations: usize,
    /// Gold core relations that the system graph states or entails.
    pub recall_matched: usize,
    /// Gold core relations.
    pub gold_relations: usize,
    /// `precision_matched / system_relations` (0 when there are none).
    pub precision: f64,
    /// `recall_matched / gold_relations` (0 when there are none).
    pub recall: f64,
    /// The harmonic mean of precision and recall (0 when both are 0).
    pub f1: f64,
}

impl Awareness {
    /// The measure from its counts.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_eval::awareness::Awareness;
    ///
    /// let a = Awareness::new(1, 2, 1, 4);
    /// assert_eq!((a.precision, a.recall), (0.5, 0.25));
    /// assert!((a.f1 - 1.0 / 3.0).abs() < 1e-12);
    /// assert_eq!(Awareness::new(0, 0, 0, 3).f1, 0.0);
    /// ```
    pub fn new(
        precision_matched: usize,
        system_relations: usize,
        recall_matched: usize,
        gold_relations: usize,
    ) -> Self {
        let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
        let precision = ratio(precision_matched, system_relations);
        let recall = ratio(recall_matched, gold_relations);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Awareness {
            precision_matched,
            system_relations,
            recall_matched,
            gold_relations,
            precision,
            recall,
            f1,
        }
    }

    /// The micro average: counts summed, then divided.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_eval::awareness::Awareness;
    ///
    /// let all = Awareness::micro([Awareness::new(1, 1, 1, 3), Awareness::new(0, 3, 0, 1)]);
    /// assert_eq!((all.precision, all.recall), (0.25, 0.25));
    /// ```
    pub fn micro(parts: impl IntoIterator<Item = Awareness>) -> Self {
        let (mut pm, mut s, mut rm, mut g) = (0, 0, 0, 0);
        for a in parts {
            pm += a.precision_matched;
            s += a.system_relations;
            rm += a.recall_matched;
            g += a.gold_relations;
        }
        Awareness::new(pm, s, rm, g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(core: &[Relation]) -> Vec<String> {
        core.iter()
            .map(|r| {
                let rel = match r.rel {
                    RelType::Before => "<",
                    RelType::Simultaneous => "=",
                };
                format!("{}{rel}{}", r.from, r.to)
            })
            .collect()
    }

    #[test]
    fn reading_order_decides_the_core() {
        // a<b, b<c, then a<c: entailed, left out.
        let g = TemporalGraph::new([
            Relation::before("a", "b"),
            Relation::before("b", "c"),
            Relation::before("a", "c"),
        ]);
        assert_eq!(ids(g.core()), ["a<b", "b<c"]);
        // a<c first: nothing entails it yet, so all three are core.
        let g = TemporalGraph::new([
            Relation::before("a", "b"),
            Relation::before("a", "c"),
            Relation::before("b", "c"),
        ]);
        assert_eq!(ids(g.core()), ["a<b", "a<c", "b<c"]);
    }

    #[test]
    fn simultaneous_classes_carry_before() {
        let g = TemporalGraph::new([
            Relation::simultaneous("a", "t1"),
            Relation::simultaneous("b", "t1"),
            Relation::simultaneous("a", "b"), // entailed through t1
            Relation::simultaneous("c", "t2"),
            Relation::before("b", "c"),
            Relation::before("a", "t2"), // entailed: a=b<c=t2
        ]);
        assert_eq!(ids(g.core()), ["a=t1", "b=t1", "c=t2", "b<c"]);
        assert!(g.entails(&Relation::before("t1", "t2")));
        assert!(g.entails(&Relation::simultaneous("b", "a")));
        assert!(!g.entails(&Relation::simultaneous("a", "c")));
        assert_eq!(g.violations(), 0);
    }

    #[test]
    fn violations_stay_in_the_core_but_out_of_the_graph() {
        // Two events on one day (both simultaneous with its timex) and one before the other.
        let g = TemporalGraph::new([
            Relation::simultaneous("a", "day"),
            Relation::simultaneous("b", "day"),
            Relation::before("a", "b"),
            Relation::before("x", "y"),
            Relation::before("y", "x"),
            Relation::before("x", "x"),
            Relation::simultaneous("x", "y"),
        ]);
        assert_eq!(g.violations(), 4);
        assert_eq!(
            ids(g.core()),
            ["a=day", "b=day", "a<b", "x<y", "y<x", "x<x", "x=y"]
        );
        assert!(!g.entails(&Relation::before("a", "b")));
        // Stated, though not in the closure: the scorer's explicit match.
        assert!(g.holds(&Relation::before("a", "b")));
        assert!(g.holds(&Relation::simultaneous("y", "x")));
        assert!(g.entails(&Relation::before("x", "y")));
    }

    #[test]
    fn duplicates_are_read_once() {
        let g = TemporalGraph::new([
            Relation::before("a", "b"),
            Relation::before("a", "b"),
            Relation::simultaneous("c", "d"),
            Relation::simultaneous("d", "c"),
        ]);
        assert_eq!(ids(g.core()), ["a<b", "c=d"]);
    }

    #[test]
    fn awareness_against_gold() {
        // Gold: a<b<c. System: a=b, b<c, c<d.
        let gold = TemporalGraph::new([Relation::before("a", "b"), Relation::before("b", "c")]);
        let system = TemporalGraph::new([
            Relation::simultaneous("a", "b"),
            Relation::before("b", "c"),
            Relation::before("c", "d"),
        ]);
        let a = gold.awareness(&system);
        // Precision: b<c holds in gold; a=b does not; c<d has a node gold lacks.
        assert_eq!((a.precision_matched, a.system_relations), (1, 3));
        // Recall: b<c holds in the system; a<b does not (a=b there).
        assert_eq!((a.recall_matched, a.gold_relations), (1, 2));
        assert!((a.f1 - 0.4).abs() < 1e-12);
        // Identical graphs score 1, however they are read.
        let same = TemporalGraph::new([
            Relation::before("b", "c"),
            Relation::before("a", "b"),
            Relation::before("a", "c"),
        ]);
        let a = gold.awareness(&same);
        assert_eq!(a.precision, 1.0);
        assert_eq!(a.recall, 1.0);
        // Nothing against something.
        let a = gold.awareness(&TemporalGraph::default());
        assert_eq!((a.precision, a.recall, a.f1), (0.0, 0.0, 0.0));
    }

    #[test]
    fn a_long_chain_reads_in_reasonable_time() {
        let n = 2_000;
        let rels = (0..n).map(|i| Relation::before(i.to_string(), (i + 1).to_string()));
        let g = TemporalGraph::new(rels);
        assert_eq!(g.core().len(), n);
        assert!(g.entails(&Relation::before("0", n.to_string())));
    }
}
