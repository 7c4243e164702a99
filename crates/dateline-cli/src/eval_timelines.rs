//! `dateline eval semeval CORPUS --timelines`: the merged timeline of the corpus, scored per
//! target entity against the gold timelines.

use std::io::{self, Write};
use std::time::{Duration, Instant};

use dateline::{Document, Timeline, TimelineBuilder};
use dateline_eval::semeval::{
    self, Corpus, GoldEventReport, Share, TimelineScore, TimelinesEvaluation,
};
use serde::Serialize;

use crate::failure::Failure;
use crate::SemevalArgs;

pub fn run(
    corpus: &Corpus,
    args: &SemevalArgs,
    input: &str,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let mut documents = Vec::with_capacity(corpus.documents.len());
    for d in &corpus.documents {
        let mut doc = Document::new(d.doc_id.clone(), d.text.clone());
        doc.published = d.published()?;
        documents.push(doc);
    }
    let (timeline, build) = timed_build(&documents, args.runs)?;
    let evaluation = semeval::score_timelines(corpus, &timeline);
    let written = if args.json {
        write_json(out, &evaluation, &timeline, &build, args)
    } else {
        write_report(out, &evaluation, &timeline, &build, args, input)
    };
    written.map_err(Failure::Write)
}

/// How long building the timeline took.
#[derive(Serialize)]
struct BuildTime {
    documents: usize,
    runs: u32,
    /// The median over the runs, in milliseconds.
    median_ms: f64,
    documents_per_second: f64,
}

/// Builds the timeline `runs` times (a timeline is a function of its documents, so every run
/// gives the same one) and times each build; a panic of the library is an internal error.
fn timed_build(documents: &[Document], runs: u32) -> Result<(Timeline, BuildTime), Failure> {
    let mut times: Vec<Duration> = Vec::new();
    let mut timeline = None;
    for _ in 0..runs.max(1) {
        let builder = TimelineBuilder::new().documents(documents.iter().cloned());
        let started = Instant::now();
        let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| builder.build()));
        times.push(started.elapsed());
        let built = built.map_err(|_| Failure::InternalTimeline {
            documents: documents.len(),
        })?;
        timeline = Some(built?);
    }
    times.sort();
    let median = times[times.len() / 2].as_secs_f64();
    let build = BuildTime {
        documents: documents.len(),
        runs: runs.max(1),
        median_ms: median * 1000.0,
        documents_per_second: if median > 0.0 {
            documents.len() as f64 / median
        } else {
            0.0
        },
    };
    // `runs` is at least 1, so a timeline was built.
    timeline
        .map(|t| (t, build))
        .ok_or(Failure::InternalTimeline {
            documents: documents.len(),
        })
}

#[derive(Serialize)]
struct Examples<'a> {
    count: usize,
    examples: &'a [GoldEventReport],
}

impl<'a> Examples<'a> {
    fn new(all: &'a [GoldEventReport], examples: usize) -> Self {
        let shown = if examples == 0 {
            all.len()
        } else {
            examples.min(all.len())
        };
        Examples {
            count: all.len(),
            examples: &all[..shown],
        }
    }
}

#[derive(Serialize)]
struct EntityErrors<'a> {
    entity: &'a str,
    missed: Examples<'a>,
    wrong_dates: Examples<'a>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    documents: usize,
    events: usize,
    build: &'a BuildTime,
    entities: Vec<&'a TimelineScore>,
    micro: &'a TimelineScore,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<Vec<EntityErrors<'a>>>,
}

fn write_json(
    out: &mut impl Write,
    evaluation: &TimelinesEvaluation,
    timeline: &Timeline,
    build: &BuildTime,
    args: &SemevalArgs,
) -> io::Result<()> {
    let errors = args.errors.then(|| {
        evaluation
            .entities
            .iter()
            .map(|e| EntityErrors {
                entity: &e.score.entity,
                missed: Examples::new(&e.missed, args.examples),
                wrong_dates: Examples::new(&e.wrong_dates, args.examples),
            })
            .collect()
    });
    let report = JsonReport {
        documents: timeline.documents.len(),
        events: timeline.events.len(),
        build,
        entities: evaluation.entities.iter().map(|e| &e.score).collect(),
        micro: &evaluation.micro,
        errors,
    };
    writeln!(out, "{}", serde_json::to_string(&report)?)
}

/// `7/12 0.58`; a dash when there is nothing to count.
fn cell(s: Share) -> String {
    if s.of == 0 {
        "-".to_owned()
    } else {
        format!("{}/{} {:.2}", s.count, s.of, s.share)
    }
}

fn row(out: &mut impl Write, s: &TimelineScore) -> io::Result<()> {
    let a = &s.official;
    writeln!(
        out,
        "{:<22}{:>5}{:>8}  {:<13}{:<13}{:<16}{:<13}{:>6.2}{:>7.2}{:>7.2}",
        s.entity,
        s.gold_events,
        s.system_events,
        cell(s.found),
        cell(s.dates),
        cell(s.order),
        cell(s.precision),
        a.precision * 100.0,
        a.recall * 100.0,
        a.f1 * 100.0,
    )
}

fn write_report(
    out: &mut impl Write,
    evaluation: &TimelinesEvaluation,
    timeline: &Timeline,
    build: &BuildTime,
    args: &SemevalArgs,
    input: &str,
) -> io::Result<()> {
    let events = timeline.events.len();
    writeln!(
        out,
        "SemEval-2015 Task 4 timelines, {input}: {} documents, {events} event{} in the merged \
         timeline",
        timeline.documents.len(),
        if events == 1 { "" } else { "s" }
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{:<22}{:>5}{:>8}  {:<13}{:<13}{:<16}{:<13}{:>6}{:>7}{:>7}",
        "target entity",
        "gold",
        "system",
        "found",
        "dates right",
        "order right",
        "precision",
        "P",
        "R",
        "F1"
    )?;
    for e in &evaluation.entities {
        row(out, &e.score)?;
    }
    let mut micro = evaluation.micro.clone();
    micro.entity = "micro average".to_owned();
    row(out, &micro)?;
    writeln!(out)?;
    for line in [
        "found: gold events of which some event of `timeline --about ENTITY` has a mention (same",
        "  document, sentence and trigger word); dates right: of the found ones with a gold date,",
        "  dated right at the gold granularity; order right: pairs of found events at different",
        "  gold positions that the timeline orders alike; precision: timeline events matching an",
        "  event of the entity's gold timeline; P/R/F1: the task's official measure (temporal",
        "  awareness of the timelines as graphs of BEFORE/SIMULTANEOUS relations), in percent.",
    ] {
        writeln!(out, "{line}")?;
    }
    if args.errors {
        let limit = |n: usize| if args.examples == 0 { n } else { args.examples };
        for e in &evaluation.entities {
            for (what, items) in [("missed", &e.missed), ("wrong dates", &e.wrong_dates)] {
                writeln!(out)?;
                writeln!(out, "{}, {what}: {}", e.score.entity, items.len())?;
                for item in items.iter().take(limit(items.len())) {
                    writeln!(out, "  {item}")?;
                }
                if limit(items.len()) < items.len() {
                    writeln!(out, "  … and {} more", items.len() - limit(items.len()))?;
                }
            }
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "timeline build: {} documents in {:.1} ms (median of {} runs), {:.0} documents/s",
        build.documents, build.median_ms, build.runs, build.documents_per_second
    )
}
