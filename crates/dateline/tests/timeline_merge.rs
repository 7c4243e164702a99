//! `Timeline::merge`: equal to building from both document sets at once, whatever the batching
//! and order; commutative, associative, idempotent; refuses what cannot merge.

mod common;

use dateline::reconcile::{Earliest, TrustedFirst};
use dateline::timeline::Timeline;
use dateline::{Document, Error, TimelineBuilder};
use proptest::prelude::*;

/// The seeds and a few short reports that share events with them, some with publication dates,
/// so that merging changes what is inferred for the undated seeds.
fn pool() -> Vec<Document> {
    let mut docs = common::seeds();
    let extra = [
        (
            "x-monday",
            Some("2022-09-13"),
            "Russian Foreign Minister Sergei Lavrov met a Hamas delegation led by Ismail Haniyeh \
             in Moscow on Monday, the ministry said.",
        ),
        (
            "x-thursday",
            Some("2023-03-17"),
            "Deputy Foreign Minister Mikhail Bogdanov received Hamas officials in Moscow on \
             Thursday.",
        ),
        (
            "x-undated",
            None,
            "The delegation arrived in Moscow on September 10, 2022, and left for Kazan four \
             days later.",
        ),
    ];
    for (id, published, text) in extra {
        let doc = Document::new(id, text);
        docs.push(match published {
            Some(p) => doc.with_published_str(p).unwrap_or_else(|e| panic!("{e}")),
            None => doc,
        });
    }
    docs
}

fn build(docs: &[Document]) -> Timeline {
    TimelineBuilder::new()
        .documents(docs.iter().cloned())
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

fn merge(a: &Timeline, b: &Timeline) -> Timeline {
    a.merge(b).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn merging_equals_building_from_both_sets() {
    let docs = pool();
    let (left, right) = docs.split_at(3);
    let merged = merge(&build(left), &build(right));
    let whole = build(&docs);
    assert_eq!(merged, whole);
    // The merge did more than concatenate: the two halves share events.
    let halves = build(left).events.len() + build(right).events.len();
    assert!(
        merged.events.len() < halves,
        "{} events",
        merged.events.len()
    );
}

#[test]
fn merging_with_itself_or_empty_changes_nothing() {
    let t = build(&pool());
    assert_eq!(merge(&t, &t), t);
    assert_eq!(merge(&t, &Timeline::default()), t);
    assert_eq!(merge(&Timeline::default(), &t), t);
}

#[test]
fn a_filtered_view_merges_as_its_whole_timeline() {
    let docs = pool();
    let view = build(&docs[..2]).about("Lavrov");
    assert_eq!(merge(&view, &build(&docs[2..])), build(&docs));
}

#[test]
fn different_documents_under_one_id_do_not_merge() {
    let a = build(&[Document::new("same", "The talks began on 3 May 2021.")]);
    let b = build(&[Document::new("same", "The talks ended on 9 May 2021.")]);
    assert_eq!(
        a.merge(&b),
        Err(Error::DuplicateDocument {
            id: "same".to_owned()
        })
    );
}

#[test]
fn different_options_do_not_merge() {
    let doc = |id: &str| Document::new(id, "The talks began on 3 May 2021.");
    let plain = build(&[doc("a")]);
    let earliest = TimelineBuilder::new()
        .document(doc("b"))
        .policy(Earliest)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let err = plain.merge(&earliest).unwrap_err();
    assert!(
        matches!(&err, Error::IncompatibleTimelines { reason } if reason.contains("earliest")),
        "{err}"
    );

    let trusting = |who: &str| {
        TimelineBuilder::new()
            .document(doc("c"))
            .policy(TrustedFirst {
                trusted: vec![who.to_owned()],
            })
            .build()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    assert!(trusting("a").merge(&trusting("b")).is_err());

    let weighted = |w: f64| {
        TimelineBuilder::new()
            .document(doc("d"))
            .source_weight("a", w)
            .build()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let err = weighted(2.0).merge(&weighted(3.0)).unwrap_err();
    assert!(err.to_string().contains("\"a\" weighs 2"), "{err}");
    // Weights for different sources combine.
    let merged = weighted(2.0)
        .merge(&plain)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(merged.source_weights().get("a"), Some(&2.0));
    assert_eq!(merged.source_documents().len(), 2);
}

/// A permutation of the pool cut into batches: (document indices, batch of each position).
fn batching() -> impl Strategy<Value = (Vec<usize>, Vec<usize>)> {
    let n = pool().len();
    (
        Just((0..n).collect::<Vec<_>>()).prop_shuffle(),
        proptest::collection::vec(0..4usize, n),
    )
}

proptest! {
    // Each case builds several timelines of up to eight articles; a few cases cover the
    // batchings that matter (one batch, singletons, uneven cuts).
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn any_batching_and_order_gives_the_whole_timeline((order, batch_of) in batching()) {
        let docs = pool();
        let whole = build(&docs);
        let mut batches: Vec<Vec<Document>> = vec![Vec::new(); 4];
        for (&i, &b) in order.iter().zip(&batch_of) {
            batches[b].push(docs[i].clone());
        }
        let timelines: Vec<Timeline> = batches.iter().map(|b| build(b)).collect();
        // Folded left to right and right to left: associativity and commutativity at once.
        let left = timelines.iter().fold(Timeline::default(), |acc, t| merge(&acc, t));
        let right = timelines.iter().rev().fold(Timeline::default(), |acc, t| merge(t, &acc));
        prop_assert_eq!(&left, &whole);
        prop_assert_eq!(&right, &whole);
        // Grouped differently: (t0 ∘ t1) ∘ (t2 ∘ t3).
        let paired = merge(&merge(&timelines[0], &timelines[1]), &merge(&timelines[2], &timelines[3]));
        prop_assert_eq!(&paired, &whole);
    }
}

#[test]
fn the_read_observer_sees_every_document_once_and_changes_nothing() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    let docs = pool();
    let (calls, bytes) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let (c, b) = (Arc::clone(&calls), Arc::clone(&bytes));
    let observed = TimelineBuilder::new()
        .documents(docs.clone())
        .on_document_read(move |n| {
            c.fetch_add(1, Ordering::Relaxed);
            b.fetch_add(n, Ordering::Relaxed);
        })
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(calls.load(Ordering::Relaxed), docs.len());
    let total: usize = docs.iter().map(|d| d.text.len()).sum();
    assert_eq!(bytes.load(Ordering::Relaxed), total);
    let plain = TimelineBuilder::new()
        .documents(docs)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(observed, plain);
}

#[test]
fn a_view_about_an_organisation_finds_it_under_its_acronym_too() {
    // Made-up report: the acronym the text introduces is the organisation's other name.
    let text = "The International Monetary Fund (IMF) approved a loan to the republic on \
                Tuesday.\n\nThe IMF said on Wednesday that the first payment would follow.";
    let doc = Document::new("wire", text)
        .with_published_str("2026-03-05")
        .unwrap_or_else(|e| panic!("{e}"));
    let timeline = build(&[doc]);
    let lemmas =
        |view: &Timeline| -> Vec<String> { view.events.iter().map(|e| e.lemma.clone()).collect() };
    let by_long = lemmas(&timeline.about("International Monetary Fund"));
    let by_short = lemmas(&timeline.about("IMF"));
    assert_eq!(by_long, by_short);
    assert!(by_long.iter().any(|l| l == "approve"), "{by_long:?}");
    assert!(by_long.iter().any(|l| l == "say"), "{by_long:?}");
}

#[test]
fn an_undated_article_is_published_before_the_plans_it_dates() {
    // Made-up report, undated: it was written after the ministers met and before the summit
    // it says will open (issue 16, item 4: bounds from its own tenses).
    let text = "Ministers prepare for summit\n\n\
                The foreign ministers met in Geneva on 2 May 2026 to prepare the summit.\n\n\
                The summit will open in Oslo on 14 May 2026.";
    let timeline = build(&[Document::new("undated", text)]);
    let doc = timeline
        .documents
        .iter()
        .find(|d| d.id == "undated")
        .unwrap_or_else(|| panic!("no document info"));
    let bounds = doc
        .published_bounds
        .unwrap_or_else(|| panic!("no bounds: {doc:?}"));
    assert_eq!(bounds.start.to_string(), "2026-05-02");
    assert_eq!(bounds.end.to_string(), "2026-05-14");
}
