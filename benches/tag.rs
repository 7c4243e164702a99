//! Single-thread tagging throughput, in bytes of input text per second.
//!
//! Corpora:
//! - `seeds`: the five seed articles in `seeds/*.txt`, tagged with no publication date;
//! - `te3_silver`: the texts of `../shared/data/te3/te3_silver.jsonl` (relative to the repository
//!   root), each tagged with its `dct`; skipped with a message when the file is absent.
//!
//! Groups: `tag` runs [`dateline::tag`] (segmentation included); `segment` runs
//! [`dateline::text::segment`] alone on the same corpora, so that the share of segmentation in
//! tagging is visible.
//!
//! Run with `cargo bench -p dateline --bench tag`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};

/// A document to tag and its publication date.
struct Doc {
    text: String,
    published: Option<NaiveDate>,
}

/// A named corpus of documents.
struct Corpus {
    name: &'static str,
    docs: Vec<Doc>,
}

impl Corpus {
    fn bytes(&self) -> u64 {
        self.docs.iter().map(|d| d.text.len() as u64).sum()
    }
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seed articles, in file-name order.
fn seeds() -> Corpus {
    let dir = repo_root().join("seeds");
    let entries =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let docs = paths
        .iter()
        .map(|p| Doc {
            text: std::fs::read_to_string(p)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display())),
            published: None,
        })
        .collect();
    Corpus {
        name: "seeds",
        docs,
    }
}

/// The TempEval-3 silver texts with their `dct`, or `None` when the file is absent.
fn te3_silver() -> Option<Corpus> {
    let path = repo_root().join("../shared/data/te3/te3_silver.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        println!(
            "te3_silver: {} not found; skipping the TempEval-3 silver corpus",
            path.display()
        );
        return None;
    };
    let mut docs = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), n + 1));
        let Some(text) = value.get("text").and_then(|t| t.as_str()) else {
            panic!("{}:{}: no \"text\"", path.display(), n + 1);
        };
        let published = value
            .get("dct")
            .and_then(|d| d.as_str())
            .and_then(|d| dateline::parse_published(d).ok());
        docs.push(Doc {
            text: text.to_owned(),
            published,
        });
    }
    Some(Corpus {
        name: "te3_silver",
        docs,
    })
}

fn corpora() -> Vec<Corpus> {
    let mut out = vec![seeds()];
    out.extend(te3_silver());
    for c in &out {
        println!(
            "corpus {}: {} documents, {} bytes",
            c.name,
            c.docs.len(),
            c.bytes()
        );
    }
    out
}

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
}

criterion_group!(benches, bench_tag);
criterion_main!(benches);
