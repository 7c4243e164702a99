//! `dateline eval semeval`.

use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::time::{Duration, Instant};

use dateline::Document;
use dateline_eval::semeval::{self, Corpus, SemevalEvaluation, SystemEvent};
use serde::Serialize;

use crate::events::extract_document;
use crate::failure::{display_input, Failure};
use crate::SemevalArgs;

/// Examples of missed timeline mentions shown without `--errors`.
const MISSES_SHOWN: usize = 5;

pub fn run(args: &SemevalArgs, out: &mut impl Write) -> Result<(), Failure> {
    let input = display_input(&args.corpus);
    let mut json = String::new();
    let read = if args.corpus.as_os_str() == "-" {
        io::stdin().read_to_string(&mut json)
    } else {
        std::fs::File::open(&args.corpus).and_then(|mut f| f.read_to_string(&mut json))
    };
    read.map_err(|e| Failure::read(&args.corpus, e))?;
    let corpus = Corpus::from_json(&input, &json)?;
    if args.timelines {
        return crate::eval_timelines::run(&corpus, args, &input, out);
    }

    let mut system = BTreeMap::new();
    let mut chars = 0;
    let mut elapsed = Duration::ZERO;
    for d in &corpus.documents {
        let mut doc = Document::new(d.doc_id.clone(), d.text.clone());
        doc.published = d.published()?;
        let started = Instant::now();
        let extraction = extract_document(&doc)?;
        elapsed += started.elapsed();
        chars += d.text.chars().count();
        let events: Vec<SystemEvent> = semeval::system_events(&d.text, &extraction)
            .into_iter()
            .zip(&extraction.events)
            .filter(|(_, e)| !args.timeline_only || e.timeline)
            .map(|(s, _)| s)
            .collect();
        system.insert(d.doc_id.clone(), events);
    }
    let evaluation = semeval::score(&corpus, &system);
    let written = if args.json {
        write_json(out, &evaluation, args)
    } else {
        write_report(out, &evaluation, args, &input).and_then(|()| write_speed(out, chars, elapsed))
    };
    written.map_err(Failure::Write)
}

#[derive(Serialize)]
struct KindReport<'a, T> {
    count: usize,
    examples: &'a [T],
}

impl<'a, T> KindReport<'a, T> {
    fn new(all: &'a [T], examples: usize) -> Self {
        let shown = if examples == 0 {
            all.len()
        } else {
            examples.min(all.len())
        };
        KindReport {
            count: all.len(),
            examples: &all[..shown],
        }
    }
}

#[derive(Serialize)]
struct Errors<'a> {
    missed: KindReport<'a, semeval::TimelineMiss>,
    wrong_dates: KindReport<'a, semeval::TimelineMiss>,
    false_positives: KindReport<'a, semeval::FalsePositive>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    scores: &'a semeval::SemevalScores,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<Errors<'a>>,
}

fn write_json(
    out: &mut impl Write,
    evaluation: &SemevalEvaluation,
    args: &SemevalArgs,
) -> io::Result<()> {
    let errors = args.errors.then(|| Errors {
        missed: KindReport::new(&evaluation.missed, args.examples),
        wrong_dates: KindReport::new(&evaluation.wrong_dates, args.examples),
        false_positives: KindReport::new(&evaluation.false_positives, args.examples),
    });
    let report = JsonReport {
        scores: &evaluation.scores,
        errors,
    };
    writeln!(out, "{}", serde_json::to_string(&report)?)
}

fn write_report(
    out: &mut impl Write,
    evaluation: &SemevalEvaluation,
    args: &SemevalArgs,
    input: &str,
) -> io::Result<()> {
    let s = &evaluation.scores;
    let scope = if args.timeline_only {
        " marked for a timeline"
    } else {
        ""
    };
    writeln!(
        out,
        "SemEval-2015 Task 4, {input}: {} documents, {} timeline mentions ({} without a gold \
         date), {} gold event mentions, {} system event mentions{scope}",
        s.documents,
        s.timeline_mentions,
        s.undated_mentions,
        s.gold_event_mentions,
        s.system_mentions
    )?;
    writeln!(out)?;
    let rows = [
        (
            "timeline recall",
            s.recall,
            "timeline mentions found (same document, sentence, word)",
        ),
        (
            "date accuracy",
            s.date,
            "found, dated mentions dated right at the gold granularity",
        ),
        (
            "precision",
            s.precision,
            "system mentions that are gold event mentions",
        ),
        ("event recall", s.event_recall, "gold event mentions found"),
    ];
    for (name, share, what) in rows {
        writeln!(out, "{name:<17}{:<22}{what}", share.to_string())?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:<22}{:>9}{:>7}{:>7}{:>12}   (dated: found, with a gold date)",
        "target entity", "mentions", "found", "dated", "date right"
    )?;
    for e in &s.entities {
        writeln!(
            out,
            "{:<22}{:>9}{:>7}{:>7}{:>12}",
            e.entity, e.mentions, e.found, e.found_dated, e.date_correct
        )?;
    }
    if args.errors {
        let limit = |n: usize| if args.examples == 0 { n } else { args.examples };
        section(
            out,
            "missed timeline mentions (gold | the system's mentions of the sentence)",
            &evaluation.missed,
            limit(evaluation.missed.len()),
        )?;
        section(
            out,
            "wrong dates (gold | the matching system mentions)",
            &evaluation.wrong_dates,
            limit(evaluation.wrong_dates.len()),
        )?;
        section(
            out,
            "false positives (system | the gold event mentions of the sentence)",
            &evaluation.false_positives,
            limit(evaluation.false_positives.len()),
        )?;
    } else if !evaluation.missed.is_empty() {
        section(
            out,
            "missed timeline mentions, first examples (--errors for all errors)",
            &evaluation.missed,
            MISSES_SHOWN,
        )?;
    }
    Ok(())
}

fn section<T: std::fmt::Display>(
    out: &mut impl Write,
    title: &str,
    items: &[T],
    shown: usize,
) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{title}: {}", items.len())?;
    for item in items.iter().take(shown) {
        writeln!(out, "  {item}")?;
    }
    if shown < items.len() {
        writeln!(out, "  … and {} more", items.len() - shown)?;
    }
    Ok(())
}

fn write_speed(out: &mut impl Write, chars: usize, elapsed: Duration) -> io::Result<()> {
    writeln!(out)?;
    let secs = elapsed.as_secs_f64();
    let rate = if secs > 0.0 {
        format!(", {:.0} characters/s", chars as f64 / secs)
    } else {
        String::new()
    };
    writeln!(out, "extraction: {chars} characters in {secs:.3} s{rate}")
}
