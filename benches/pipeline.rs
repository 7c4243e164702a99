//! Full-pipeline throughput: documents in, merged timeline out, in bytes of input per second.
//!
//! Groups:
//! - `timeline/1-thread`: [`TimelineBuilder::build`] inside a one-thread rayon pool, the figure
//!   the one-thread target is about;
//! - `timeline/all-threads`: the same on every core (the `rayon` feature, on by default);
//! - `read` and `merge`: the two halves, reading (segmentation, tagging, names, events) and
//!   merging with reconciliation, one thread, to show where the time goes;
//! - `merge-halves`: [`Timeline::merge`](dateline::Timeline::merge) of the timelines of the
//!   two halves of the corpus, one thread: it combines their readings and reads no text,
//!   so it costs a fraction of `timeline/1-thread`.
//!
//! Corpora as in `benches/common`: the seeds (no publication dates: the inference passes run)
//! and the TempEval-3 silver texts with their dates, as one story set.
//!
//! Run with `cargo bench -p dateline --bench pipeline`.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

mod common;

use common::{corpora, Corpus};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use dateline::pipeline::ReadDocuments;
use dateline::reconcile::DefaultPolicy;
use dateline::{Document, TimelineBuilder};

fn documents(corpus: &Corpus) -> Vec<Document> {
    corpus
        .docs
        .iter()
        .map(|d| Document {
            id: d.id.clone(),
            text: d.text.clone(),
            published: d.published,
        })
        .collect()
}

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap_or_else(|e| panic!("rayon pool: {e}"))
}

fn bench_pipeline(c: &mut Criterion) {
    let corpora = corpora();
    let one = pool(1);
    let all = pool(std::thread::available_parallelism().map_or(1, |n| n.get()));

    let mut group = c.benchmark_group("timeline");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10))
        .sampling_mode(criterion::SamplingMode::Flat);
    for corpus in &corpora {
        let docs = documents(corpus);
        group.throughput(Throughput::Bytes(corpus.bytes()));
        for (name, threads) in [("1-thread", &one), ("all-threads", &all)] {
            group.bench_function(format!("{}/{name}", corpus.name), |b| {
                b.iter_batched(
                    || docs.clone(),
                    |docs| {
                        threads.install(|| {
                            let t = TimelineBuilder::new().documents(docs).build();
                            black_box(t.map(|t| t.events.len()).unwrap_or(0))
                        })
                    },
                    BatchSize::PerIteration,
                )
            });
        }
        group.bench_function(format!("{}/read", corpus.name), |b| {
            b.iter_batched(
                || docs.clone(),
                |docs| {
                    one.install(|| black_box(ReadDocuments::new(docs).map(|r| r.mention_count())))
                },
                BatchSize::PerIteration,
            )
        });
        let (left, right) = docs.split_at(docs.len() / 2);
        let half = |d: &[Document]| {
            one.install(|| TimelineBuilder::new().documents(d.iter().cloned()).build())
                .unwrap_or_else(|e| panic!("{e}"))
        };
        let (left, right) = (half(left), half(right));
        group.bench_function(format!("{}/merge-halves", corpus.name), |b| {
            b.iter(|| {
                one.install(|| black_box(left.merge(&right).map(|t| t.events.len()).unwrap_or(0)))
            })
        });
        let read = || one.install(|| ReadDocuments::new(docs.clone()));
        group.bench_function(format!("{}/merge", corpus.name), |b| {
            b.iter_batched(
                || read().unwrap_or_else(|e| panic!("{e}")),
                |r| {
                    one.install(|| {
                        black_box(
                            r.build(Arc::new(DefaultPolicy), &BTreeMap::new())
                                .events
                                .len(),
                        )
                    })
                },
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, bench_pipeline);
criterion_main!(benches);
