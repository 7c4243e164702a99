//! `dateline eval stories`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use dateline::TimelineBuilder;
use dateline_eval::stories::{self, Story, StoryCounts, StoryMistake};
use serde::Serialize;

use crate::failure::Failure;
use crate::StoriesArgs;

/// The story folders under `dir`: itself if it holds a gold.json, else its subfolders that do,
/// by name.
pub(crate) fn story_dirs(dir: &Path) -> Result<Vec<PathBuf>, Failure> {
    if dir.join("gold.json").is_file() {
        return Ok(vec![dir.to_path_buf()]);
    }
    let entries = std::fs::read_dir(dir).map_err(|e| Failure::read(dir, e))?;
    let mut out = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Failure::read(dir, e))?.path();
        if path.is_dir() {
            out.extend(story_dirs(&path)?);
        }
    }
    out.sort();
    if out.is_empty() {
        return Err(Failure::Usage(format!(
            "{}: no story folder (a folder with gold.json) here",
            dir.display()
        )));
    }
    Ok(out)
}

pub(crate) fn read(dir: &Path) -> Result<Story, Failure> {
    let gold_path = dir.join("gold.json");
    let gold = std::fs::read_to_string(&gold_path).map_err(|e| Failure::read(&gold_path, e))?;
    Ok(stories::read_story(
        &gold_path.display().to_string(),
        &gold,
        |file| std::fs::read_to_string(dir.join(file)).map_err(|e| e.to_string()),
    )?)
}

#[derive(Serialize)]
struct StoryReport<'a> {
    story: &'a str,
    domain: &'a str,
    counts: &'a StoryCounts,
}

#[derive(Serialize)]
struct Report<'a> {
    total: &'a StoryCounts,
    stories: Vec<StoryReport<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<&'a [StoryMistake]>,
}

pub fn run(args: &StoriesArgs, out: &mut impl Write) -> Result<(), Failure> {
    let mut dirs = Vec::new();
    for d in &args.dirs {
        dirs.extend(story_dirs(d)?);
    }
    let mut all = Vec::new();
    let mut total = StoryCounts::default();
    let mut mistakes = Vec::new();
    for dir in &dirs {
        let story = read(dir)?;
        let timeline = TimelineBuilder::new()
            .documents(story.documents.iter().map(|d| d.document()))
            .build()?;
        let (counts, m) = stories::score_story(&story, &timeline);
        total.add(&counts);
        mistakes.extend(m);
        all.push((story, counts));
    }
    let written = if args.json {
        let report = Report {
            total: &total,
            stories: all
                .iter()
                .map(|(s, c)| StoryReport {
                    story: &s.slug,
                    domain: &s.domain,
                    counts: c,
                })
                .collect(),
            errors: args.errors.then_some(mistakes.as_slice()),
        };
        serde_json::to_writer_pretty(&mut *out, &report)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        write_report(out, &all, &total, &mistakes, args.errors)
    };
    written.map_err(Failure::Write)
}

fn write_report(
    out: &mut impl Write,
    all: &[(Story, StoryCounts)],
    total: &StoryCounts,
    mistakes: &[StoryMistake],
    errors: bool,
) -> io::Result<()> {
    let share = |s: dateline_eval::events::Share| {
        if s.total == 0 {
            "   -".to_owned()
        } else {
            format!("{:3.0}% ({}/{})", 100.0 * s.value(), s.found, s.total)
        }
    };
    writeln!(
        out,
        "{:<22} {:>5} {:>16} {:>16} {:>16} {:>6} {:>12}",
        "story", "docs", "core dated", "merges", "conflicts", "false", "rows/gold"
    )?;
    let mut line = |name: &str, c: &StoryCounts| {
        writeln!(
            out,
            "{:<22} {:>5} {:>16} {:>16} {:>16} {:>6} {:>5}/{:<3} {:.2}",
            name,
            c.documents,
            share(c.core_dated),
            share(c.merges),
            share(c.conflicts),
            c.conflicts_between_happenings,
            c.rows,
            c.happenings,
            c.rows_per_happening()
        )
    };
    for (s, c) in all {
        line(&s.slug, c)?;
    }
    line("all", total)?;
    writeln!(
        out,
        "\n{} stories, {} articles, {} happenings: found {} ({} on a shown row), dated right {}; {} rows tell no gold happening ({} of them shown); {} rows tell two or more; {} conflicts the gold does not have",
        total.stories,
        total.documents,
        total.happenings,
        share(total.found),
        total.found_shown,
        share(total.dated),
        total.unmatched_rows,
        total.unmatched_shown,
        total.mixed_rows,
        total.conflicts_not_in_gold
    )?;
    if errors {
        for m in mistakes {
            writeln!(out, "  [{}] {}: {} — {}", m.story, m.kind, m.what, m.detail)?;
        }
    }
    Ok(())
}
