//! `dateline eval events`.

use std::io::{self, Read, Write};
use std::path::Path;

use dateline::event::{EventModel, TrainOptions};
use dateline_eval::events::{self, EventMistake, EventScores, TimemlDocument};
use serde::Serialize;

use crate::failure::{display_input, Failure};
use crate::EventsEvalArgs;

/// Reads a TimeML JSON Lines file (`-` for standard input).
pub fn read_gold(path: &Path) -> Result<Vec<TimemlDocument>, Failure> {
    let mut text = String::new();
    let read = if path.as_os_str() == "-" {
        io::stdin().read_to_string(&mut text)
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_string(&mut text))
    };
    read.map_err(|e| Failure::read(path, e))?;
    Ok(events::read_timeml(&display_input(path), &text)?)
}

#[derive(Serialize)]
struct Report<'a> {
    scores: &'a EventScores,
    #[serde(skip_serializing_if = "Option::is_none")]
    folds: Option<&'a events::CrossValidation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<&'a [EventMistake]>,
}

pub fn run(args: &EventsEvalArgs, out: &mut impl Write) -> Result<(), Failure> {
    let documents = read_gold(&args.gold)?;
    let mut mistakes = Vec::new();
    let log = args.errors.then_some(&mut mistakes);
    let (scores, cv) = match args.folds {
        Some(k) => {
            let options = TrainOptions {
                epochs: args.epochs as usize,
                ..TrainOptions::default()
            };
            let mut extra = Vec::new();
            for path in &args.extra {
                extra.extend(read_gold(path)?.iter().map(|d| d.training(false)));
            }
            let cv = events::cross_validate(&documents, &extra, k as usize, &options, log)?;
            (cv.pooled.clone(), Some(cv))
        }
        None => {
            let model = match &args.model {
                Some(path) => {
                    let bytes = std::fs::read(path).map_err(|e| Failure::read(path, e))?;
                    EventModel::from_bytes(&bytes)?
                }
                None => EventModel::shipped().clone(),
            };
            (events::score(&documents, &model, log), None)
        }
    };
    let written = if args.json {
        let report = Report {
            scores: &scores,
            folds: cv.as_ref(),
            errors: args.errors.then_some(mistakes.as_slice()),
        };
        serde_json::to_writer_pretty(&mut *out, &report)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        write_report(out, &scores, cv.as_ref(), &mistakes, args)
    };
    written.map_err(Failure::Write)
}

fn write_report(
    out: &mut impl Write,
    s: &EventScores,
    cv: Option<&events::CrossValidation>,
    mistakes: &[EventMistake],
    args: &EventsEvalArgs,
) -> io::Result<()> {
    let c = &s.counts;
    writeln!(
        out,
        "{} documents, {} gold events, {} system mentions{}",
        c.documents,
        c.gold,
        c.system,
        match cv {
            Some(cv) => format!(" ({}-fold cross-validation by document)", cv.folds.len()),
            None => String::new(),
        }
    )?;
    let pct = |x: f64| format!("{:5.1}", 100.0 * x);
    if let Some(cv) = cv {
        let m = &cv.mean;
        writeln!(out, "\nmean over the folds:")?;
        writeln!(
            out,
            "  span (overlap)  P {}  R {}  F1 {}",
            pct(m.precision),
            pct(m.recall),
            pct(m.f1)
        )?;
        writeln!(out, "  span (exact)    F1 {}", pct(m.strict_f1))?;
        writeln!(out, "  class F1        {}", pct(m.class_f1))?;
        writeln!(
            out,
            "  tense / aspect / polarity accuracy  {} / {} / {}",
            pct(m.tense_accuracy),
            pct(m.aspect_accuracy),
            pct(m.polarity_accuracy)
        )?;
        writeln!(
            out,
            "  anchoring accuracy  {}  (by the time denoted {})",
            pct(m.anchoring_accuracy),
            pct(m.anchoring_same_time_accuracy)
        )?;
        let recall: Vec<String> = m
            .class_recall
            .iter()
            .map(|(k, v)| format!("{k} {}", pct(*v).trim()))
            .collect();
        writeln!(out, "  recall by class: {}", recall.join(", "))?;
        writeln!(out, "\nall held-out documents together:")?;
    }
    writeln!(
        out,
        "  span (overlap)  P {}  R {}  F1 {}",
        pct(s.relaxed.precision),
        pct(s.relaxed.recall),
        pct(s.relaxed.f1)
    )?;
    writeln!(
        out,
        "  span (exact)    P {}  R {}  F1 {}",
        pct(s.strict.precision),
        pct(s.strict.recall),
        pct(s.strict.f1)
    )?;
    writeln!(
        out,
        "  class F1        {}  (class accuracy {} of the matches)",
        pct(s.class_f1),
        pct(s.class_accuracy)
    )?;
    writeln!(
        out,
        "  tense / aspect / polarity accuracy  {} / {} / {}",
        pct(s.tense_accuracy),
        pct(s.aspect_accuracy),
        pct(s.polarity_accuracy)
    )?;
    writeln!(
        out,
        "  anchoring accuracy  {}  ({} of {}; creation time {} of {}, time expressions {} of {}); by the time denoted {}",
        pct(s.anchoring_accuracy),
        c.anchoring.found,
        c.anchoring.total,
        c.anchoring_creation.found,
        c.anchoring_creation.total,
        c.anchoring_timex.found,
        c.anchoring_timex.total,
        pct(s.anchoring_same_time_accuracy)
    )?;
    writeln!(out, "  recall by class:")?;
    for (class, share) in &c.class_recall {
        writeln!(
            out,
            "    {class:<12} {}  ({} of {})",
            pct(share.value()),
            share.found,
            share.total
        )?;
    }
    if args.errors {
        for kind in ["missed", "spurious", "class", "anchor"] {
            let of_kind: Vec<&EventMistake> = mistakes.iter().filter(|m| m.kind == kind).collect();
            writeln!(out, "\n{kind}: {}", of_kind.len())?;
            let shown = if args.examples == 0 {
                of_kind.len()
            } else {
                args.examples
            };
            for m in of_kind.iter().take(shown) {
                writeln!(
                    out,
                    "  {} {:?} gold {} system {}: {}",
                    m.doc, m.word, m.gold, m.system, m.context
                )?;
            }
        }
    }
    Ok(())
}
