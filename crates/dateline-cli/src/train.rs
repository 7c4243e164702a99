//! `dateline train events`, `dateline train rows` and `dateline train pairs`.

use std::io::Write;
use std::time::Instant;

use dateline::event::{EventModel, TrainOptions};

use crate::eval_events::read_gold;
use crate::failure::Failure;
use crate::{TrainEventsArgs, TrainRowsArgs};

pub fn run(args: &TrainEventsArgs, out: &mut impl Write) -> Result<(), Failure> {
    let mut training = Vec::new();
    for path in &args.gold {
        training.extend(read_gold(path)?.iter().map(|d| d.training(true)));
    }
    for path in &args.extra {
        training.extend(read_gold(path)?.iter().map(|d| d.training(false)));
    }
    let events: usize = training.iter().map(|d| d.events.len()).sum();
    let options = TrainOptions {
        epochs: args.epochs as usize,
        ..TrainOptions::default()
    };
    let started = Instant::now();
    let model = EventModel::train(&training, &options);
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).map_err(|source| Failure::Create {
        path: args.out.display().to_string(),
        source,
    })?;
    writeln!(
        out,
        "trained on {} documents ({events} events), {} passes, in {:.1} s: {} features, {} bytes, written to {}",
        training.len(),
        options.epochs,
        started.elapsed().as_secs_f64(),
        model.len(),
        bytes.len(),
        args.out.display()
    )
    .map_err(Failure::Write)
}

/// The stories of the folders, in the order of their slugs.
fn read_stories(
    dirs: &[std::path::PathBuf],
) -> Result<Vec<dateline_eval::stories::Story>, Failure> {
    let mut stories = Vec::new();
    for dir in dirs {
        for story in crate::eval_stories::story_dirs(dir)? {
            stories.push(crate::eval_stories::read(&story)?);
        }
    }
    stories.sort_by(|a, b| a.slug.cmp(&b.slug));
    Ok(stories)
}

/// Writes a model file, and says where.
fn write_model(path: &std::path::Path, text: String, out: &mut impl Write) -> Result<(), Failure> {
    std::fs::write(path, text).map_err(|source| Failure::Create {
        path: path.display().to_string(),
        source,
    })?;
    writeln!(out, "written to {}", path.display()).map_err(Failure::Write)
}

pub fn pairs(args: &TrainRowsArgs, out: &mut impl Write) -> Result<(), Failure> {
    use dateline_eval::pairs;
    let stories = read_stories(&args.dirs)?;
    let examples = pairs::examples(&stories).map_err(Failure::Input)?;
    let cv = pairs::cross_validate(&examples, stories.len(), args.folds as usize);
    let line = |name: &str, c: &pairs::JoinCounts| {
        format!(
            "{name}: {} pairs joined, {} of {} pairs of one happening ({:.1}%), precision {:.1}%",
            c.joined,
            c.right,
            c.same,
            100.0 * c.recall(),
            100.0 * c.precision(),
        )
    };
    let report = format!(
        "{} stories, {} pairs; cross-validation by story, {} folds, line {:.2}\n{}\n{}",
        stories.len(),
        examples.len(),
        cv.folds,
        cv.line,
        line("held out", &cv.model),
        line("shipped model", &cv.shipped),
    );
    writeln!(out, "{report}").map_err(Failure::Write)?;
    if let Some(path) = &args.out {
        let header = format!(
            "The pair model of crate::merge::pair_model (feature<TAB>weight), made by `dateline train pairs`\n\
             from {} stories ({} pairs); the bias is moved so that the line {:.2} is a score of 0.\n{}",
            stories.len(),
            examples.len(),
            cv.line,
            report
        );
        write_model(path, pairs::model_file(&examples, cv.line, &header), out)?;
    }
    Ok(())
}

pub fn rows(args: &TrainRowsArgs, out: &mut impl Write) -> Result<(), Failure> {
    use dateline_eval::rows;
    let stories = read_stories(&args.dirs)?;
    let examples = rows::examples(&stories).map_err(Failure::Input)?;
    let cv = rows::cross_validate(&examples, stories.len(), args.folds as usize);
    let line = |name: &str, c: &rows::ShownCounts| {
        format!(
            "{name}: {} rows shown, {} of {} happenings' rows ({:.1}%), precision {:.1}%, F1 {:.3}",
            c.shown,
            c.happenings_shown,
            c.happenings,
            100.0 * c.recall(),
            100.0 * c.precision(),
            c.f1()
        )
    };
    let report = format!(
        "{} stories, {} rows; cross-validation by story, {} folds, line {:.2}\n{}\n{}\n{}",
        stories.len(),
        examples.len(),
        cv.folds,
        cv.line,
        line("held out", &cv.model),
        line("the rule alone, same budget", &cv.rule),
        line("shipped model", &cv.shipped),
    );
    writeln!(out, "{report}").map_err(Failure::Write)?;
    if let Some(path) = &args.out {
        let header = format!(
            "The row model of crate::merge::salience (feature<TAB>weight), made by `dateline train rows`\n\
             from {} stories ({} rows); the bias is moved so that the line {:.2} is 0.5.\n{}",
            stories.len(),
            examples.len(),
            cv.line,
            report
        );
        write_model(path, rows::model_file(&examples, cv.line, &header), out)?;
    }
    Ok(())
}
