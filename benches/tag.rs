//! Single-thread tagging throughput, in bytes of input text per second.
//!
//! Corpora:
//! - `seeds`: the five seed articles in `seeds/*.txt`, tagged with no publication date;
//! - `te3_silver`: the texts of `../shared/data/te3/te3_silver.jsonl` (relative to the repository
//!   root), each tagged with its `dct`; skipped with a message when the file is absent.
//!
//! Groups: `tag` runs [`dateline::tag`] (segmentation included); `segment` runs
//! [`dateline::text::segment`] alone on the same corpora, so that the share of segmentation in
//! tagging is visible; `events` runs [`dateline::extract`] (segmentation, time expressions,
//! names, the event model and anchoring: what `dateline events` computes before it writes).
//!
//! Run with `cargo bench -p dateline --bench tag`.

use std::hint::black_box;
use std::time::Duration;

mod common;

use common::corpora;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};

fn configure(group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        // One pass over the silver corpus takes tens of milliseconds; linear sampling would need
        // 210 passes for 20 samples. Flat sampling keeps the run time within measurement_time.
        .sampling_mode(criterion::SamplingMode::Flat);
}

fn bench_tag(c: &mut Criterion) {
    let corpora = corpora();

    let mut group = c.benchmark_group("tag");
    configure(&mut group);
    for corpus in &corpora {
        group.throughput(Throughput::Bytes(corpus.bytes()));
        group.bench_function(corpus.name, |b| {
            b.iter(|| {
                let mut found = 0usize;
                for doc in &corpus.docs {
                    found += dateline::tag(black_box(&doc.text), doc.published).len();
                }
                black_box(found)
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("segment");
    configure(&mut group);
    for corpus in &corpora {
        group.throughput(Throughput::Bytes(corpus.bytes()));
        group.bench_function(corpus.name, |b| {
            b.iter(|| {
                let mut sentences = 0usize;
                for doc in &corpus.docs {
                    sentences += dateline::text::segment(black_box(&doc.text))
                        .sentences
                        .len();
                }
                black_box(sentences)
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("events");
    configure(&mut group);
    for corpus in &corpora {
        let docs: Vec<dateline::Document> = corpus
            .docs
            .iter()
            .map(|d| {
                let doc = dateline::Document::new(d.id.clone(), d.text.clone());
                match d.published {
                    Some(p) => doc.with_published(p),
                    None => doc,
                }
            })
            .collect();
        group.throughput(Throughput::Bytes(corpus.bytes()));
        group.bench_function(corpus.name, |b| {
            b.iter(|| {
                let mut found = 0usize;
                for doc in &docs {
                    found += dateline::extract(black_box(doc)).events.len();
                }
                black_box(found)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_tag);
criterion_main!(benches);
