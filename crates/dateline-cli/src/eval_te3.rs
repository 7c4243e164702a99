//! `dateline eval te3`.

use std::collections::BTreeMap;
use std::io::Write;
use std::time::{Duration, Instant};

use dateline::export::{self, JsonTimex};
use dateline_eval::te3::{score_by_id, Evaluation, Mistake, MistakeKind, ScoredTimex, Te3Summary};
use serde::Serialize;

use crate::failure::{display_input, Failure};
use crate::input;
use crate::tag::tag_document;
use crate::Te3Args;

/// How much text was tagged, and how long the tagger took (reading and scoring excluded).
struct Throughput {
    documents: usize,
    chars: usize,
    tagging: Duration,
}

pub fn run(args: &Te3Args, out: &mut impl Write) -> Result<(), Failure> {
    let is_stdin = |p: &std::path::Path| p.as_os_str() == "-";
    if is_stdin(&args.gold) && args.system.as_deref().is_some_and(is_stdin) {
        return Err(Failure::Usage(
            "standard input (`-`) can be read only once".to_owned(),
        ));
    }
    // The predictions are written under a temporary name and renamed once the gold is read;
    // over the gold itself (or a link to it) they would still replace it.
    if let Some(path) = &args.predictions {
        for input in std::iter::once(&args.gold).chain(&args.system) {
            if crate::output::same_file(path, input) {
                return Err(Failure::Usage(format!(
                    "--predictions {} is the input {}: write the predictions elsewhere",
                    path.display(),
                    display_input(input)
                )));
            }
        }
    }
    let mut predictions = match &args.predictions {
        None => None,
        Some(path) => {
            Some(
                crate::output::Output::create(path).map_err(|source| Failure::Create {
                    path: path.display().to_string(),
                    source,
                })?,
            )
        }
    };
    let mut gold = Vec::new();
    let mut system = Vec::new();
    let mut speed = Throughput {
        documents: 0,
        chars: 0,
        tagging: Duration::ZERO,
    };
    for line in input::json_lines(&args.gold)? {
        if args.limit.is_some_and(|n| speed.documents >= n) {
            break;
        }
        let line = line?;
        if args.system.is_some() {
            gold.push((line.id()?, line.gold_timexes()?));
            speed.documents += 1;
            continue;
        }
        let doc = line.document(None)?;
        let gold_timexes = line.gold_timexes()?;
        let started = Instant::now();
        let timexes = tag_document(&doc)?;
        speed.tagging += started.elapsed();
        speed.documents += 1;
        speed.chars += doc.text.chars().count();
        let found = export::json_timexes(&doc.text, &timexes);
        if let Some(w) = predictions.as_mut() {
            write_prediction(w, &doc.id, &found, args)?;
        }
        gold.push((doc.id.clone(), gold_timexes));
        system.push((doc.id, found.iter().map(ScoredTimex::from).collect()));
    }
    if let Some(w) = predictions {
        w.commit().map_err(|e| prediction_failure(args, e))?;
    }
    if let Some(path) = &args.system {
        for line in input::json_lines(path)? {
            let line = line?;
            system.push((line.id()?, line.timexes()?));
        }
    }
    // Paired by id as score_te3.py pairs its two files, so the numbers agree even when an id
    // repeats.
    let evaluation = score_by_id(&gold, &system);
    let written = if args.json {
        write_json(out, &evaluation, args)
    } else {
        write_table(out, &evaluation, &speed, args)
    };
    written.map_err(Failure::Write)
}

fn prediction_failure(args: &Te3Args, source: std::io::Error) -> Failure {
    Failure::Create {
        path: args
            .predictions
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
        source,
    }
}

/// One line of score_te3.py's prediction format: `{"doc", "timexes"}`.
fn write_prediction(
    w: &mut impl Write,
    id: &str,
    timexes: &[JsonTimex],
    args: &Te3Args,
) -> Result<(), Failure> {
    #[derive(Serialize)]
    struct Prediction<'a> {
        doc: &'a str,
        timexes: &'a [JsonTimex],
    }
    let line = serde_json::to_string(&Prediction { doc: id, timexes })
        .map_err(|e| prediction_failure(args, e.into()))?;
    writeln!(w, "{line}").map_err(|e| prediction_failure(args, e))
}

/// The mistakes of one kind, for the JSON report.
#[derive(Serialize)]
struct KindReport<'a> {
    count: usize,
    /// Counts by TIMEX3 type: the gold type, or the system's for false positives.
    by_type: BTreeMap<&'a str, usize>,
    examples: Vec<&'a Mistake>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    #[serde(flatten)]
    summary: Te3Summary,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<BTreeMap<&'static str, KindReport<'a>>>,
}

fn kind_report<'a>(
    evaluation: &'a Evaluation,
    kind: MistakeKind,
    examples: usize,
) -> KindReport<'a> {
    let mistakes: Vec<&Mistake> = evaluation.mistakes_of(kind).collect();
    let mut by_type = BTreeMap::new();
    for m in &mistakes {
        *by_type.entry(type_of(m)).or_insert(0) += 1;
    }
    let shown = if examples == 0 {
        mistakes.len()
    } else {
        examples
    };
    KindReport {
        count: mistakes.len(),
        by_type,
        examples: mistakes.into_iter().take(shown).collect(),
    }
}

/// The type a mistake is counted under: the gold type, or the system's for a false positive.
fn type_of(m: &Mistake) -> &str {
    m.gold
        .as_ref()
        .or(m.system.as_ref())
        .map_or("", |t| t.kind.as_str())
}

fn write_json(
    out: &mut impl Write,
    evaluation: &Evaluation,
    args: &Te3Args,
) -> std::io::Result<()> {
    let errors = args.errors.then(|| {
        MistakeKind::ALL
            .iter()
            .map(|&k| (k.as_str(), kind_report(evaluation, k, args.examples)))
            .collect()
    });
    let report = JsonReport {
        summary: evaluation.scores.te3_summary(),
        errors,
    };
    let line = serde_json::to_string(&report)?;
    writeln!(out, "{line}")
}

fn write_table(
    out: &mut impl Write,
    evaluation: &Evaluation,
    speed: &Throughput,
    args: &Te3Args,
) -> std::io::Result<()> {
    let s = evaluation.scores.te3_summary();
    let source = args
        .system
        .as_ref()
        .map(|p| format!(" (from {})", display_input(p)))
        .unwrap_or_default();
    writeln!(
        out,
        "TempEval-3 Task A, {}: {} documents, {} gold and {} system timexes{source}",
        display_input(&args.gold),
        speed.documents,
        s.gold,
        s.system
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{:<10}{:>8}{:>8}{:>8}{:>10}",
        "", "P", "R", "F1", "accuracy"
    )?;
    writeln!(
        out,
        "{:<10}{:>8.2}{:>8.2}{:>8.2}",
        "strict", s.strict_p, s.strict_r, s.strict_f1
    )?;
    writeln!(
        out,
        "{:<10}{:>8.2}{:>8.2}{:>8.2}",
        "relaxed", s.relaxed_p, s.relaxed_r, s.relaxed_f1
    )?;
    writeln!(
        out,
        "{:<10}{:>8}{:>8}{:>8.2}{:>10.2}",
        "type", "", "", s.type_f1, s.type_acc
    )?;
    writeln!(
        out,
        "{:<10}{:>8}{:>8}{:>8.2}{:>10.2}",
        "value", "", "", s.value_f1, s.value_acc
    )?;
    if args.system.is_none() {
        write_throughput(out, speed)?;
    }
    if !args.errors {
        return Ok(());
    }
    write_errors(out, evaluation, args)
}

fn write_throughput(out: &mut impl Write, speed: &Throughput) -> std::io::Result<()> {
    writeln!(out)?;
    let secs = speed.tagging.as_secs_f64();
    let rate = if secs > 0.0 {
        format!(", {:.0} characters/s", speed.chars as f64 / secs)
    } else {
        String::new()
    };
    writeln!(
        out,
        "tagging: {} characters in {:.3} s{rate}",
        speed.chars, secs
    )
}

fn write_errors(
    out: &mut impl Write,
    evaluation: &Evaluation,
    args: &Te3Args,
) -> std::io::Result<()> {
    for kind in MistakeKind::ALL {
        let report = kind_report(evaluation, kind, args.examples);
        let by_type: Vec<String> = report
            .by_type
            .iter()
            .map(|(t, n)| format!("{t} {n}"))
            .collect();
        writeln!(out)?;
        write!(out, "{}: {}", kind.describe(), report.count)?;
        if by_type.is_empty() {
            writeln!(out)?;
        } else {
            writeln!(out, " ({})", by_type.join(", "))?;
        }
        for m in &report.examples {
            writeln!(out, "  {m}")?;
        }
        if report.examples.len() < report.count {
            writeln!(out, "  … and {} more", report.count - report.examples.len())?;
        }
    }
    Ok(())
}
