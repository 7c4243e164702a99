//! The project's own multi-source stories: a merged timeline scored against what a careful
//! reader expects of it.
//!
//! # A story
//!
//! A folder of articles (`<name>.txt`) and a `gold.json` that lists every dated happening a
//! reader expects as a row, once, with every report of it in every article (a verbatim snippet
//! with the words that name the happening in square brackets), its true date (`YYYY`,
//! `YYYY-MM` or `YYYY-MM-DD`), whether it is one of the story's main happenings (`core`), and
//! the dates the sources give where they disagree (`conflict`). The format is documented with
//! the stories (`crates/dateline-eval/stories/FORMAT.md`).
//!
//! # The measures
//!
//! A timeline row *tells* a gold happening when one of its mentions' triggers overlaps a
//! bracketed word of one of the happening's snippets. A happening's row is the row that tells it
//! in the most snippets (the earliest row on a tie).
//!
//! - **Core events dated right**: core happenings whose row has the gold date, at the gold
//!   granularity.
//! - **Required merges**: happenings reported by two or more articles whose row tells it from
//!   every one of those articles.
//! - **Planted conflicts shown**: happenings with a gold conflict whose row shows a conflict
//!   with a claim for every date the gold lists.
//! - **Conflicts between different happenings**: rows with a conflict that tell two or more gold
//!   happenings (a date of one happening set against a date of another). Must be none.
//! - **Rows**: the rows a view shows (those at least [`dateline::timeline::FOLD_BELOW`] sure;
//!   the others are folded), against the number of gold happenings.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use dateline::timeline::{Event, Timeline};
use dateline::Document;
use serde::{Deserialize, Serialize};

use crate::events::Share;
use crate::EvalError;

/// One article of a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryDocument {
    /// The id the pipeline reads it under.
    pub id: String,
    /// Its file in the story's folder.
    pub file: String,
    /// The publication date given to the pipeline, if any.
    pub published: Option<NaiveDate>,
    /// `wire`, `paper`, `blog`, `release` or `broadcast`.
    pub kind: String,
    /// Its text.
    pub text: String,
}

impl StoryDocument {
    /// The document as the pipeline reads it.
    pub fn document(&self) -> Document {
        let doc = Document::new(self.id.clone(), self.text.clone());
        match self.published {
            Some(p) => doc.with_published(p),
            None => doc,
        }
    }
}

/// One report of a gold happening: its article, and the byte spans of the words that name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldReport {
    /// Index into [`Story::documents`].
    pub doc: usize,
    /// Byte spans of the bracketed words in the article.
    pub words: Vec<(usize, usize)>,
    /// The snippet as written in the gold, brackets and all.
    pub snippet: String,
}

impl GoldReport {
    /// Whether some of the byte spans that `spans` gives (a mention's words) overlap its
    /// bracketed words.
    pub fn overlaps<I: Iterator<Item = (usize, usize)>>(&self, spans: impl Fn() -> I) -> bool {
        self.words
            .iter()
            .any(|&(s, e)| spans().any(|(ms, me)| ms < e && s < me))
    }
}

/// A happening a reader expects on the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldHappening {
    /// Its id in the gold.
    pub id: String,
    /// What happened, in a few words.
    pub what: String,
    /// Its date as the gold writes it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// One of the story's main happenings.
    pub core: bool,
    /// Every report of it.
    pub reports: Vec<GoldReport>,
    /// The dates the sources give, where they disagree.
    pub conflict: Option<Vec<String>>,
}

/// A story: its articles and gold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// Its folder's name.
    pub slug: String,
    /// politics, disasters, business, courts, sport, science, markets.
    pub domain: String,
    /// Its articles.
    pub documents: Vec<StoryDocument>,
    /// The happenings a reader expects.
    pub happenings: Vec<GoldHappening>,
    /// The most rows a reader should see.
    pub max_rows: usize,
}

impl Story {
    /// Its documents' indexes, by id.
    pub fn document_indexes(&self) -> BTreeMap<&str, usize> {
        self.documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect()
    }
}

#[derive(Deserialize)]
struct RawStory {
    story: String,
    domain: String,
    documents: Vec<RawDocument>,
    events: Vec<RawHappening>,
    max_rows: usize,
}

#[derive(Deserialize)]
struct RawDocument {
    id: String,
    file: String,
    published: Option<String>,
    kind: String,
}

#[derive(Deserialize)]
struct RawHappening {
    id: String,
    what: String,
    date: String,
    core: bool,
    mentions: Vec<RawReport>,
    conflict: Option<RawConflict>,
}

#[derive(Deserialize)]
struct RawReport {
    doc: String,
    text: String,
}

#[derive(Deserialize)]
struct RawConflict {
    dates: Vec<String>,
}

/// Reads a story from its `gold.json` (named `input` in errors) and a function that gives the
/// text of one of its files.
///
/// # Errors
///
/// [`EvalError::Corpus`] for a gold file that is not of the story format, a file that cannot be
/// read, a snippet that is not in its article exactly once, or a date that is not `YYYY`,
/// `YYYY-MM` or `YYYY-MM-DD`.
pub fn read_story(
    input: &str,
    gold_json: &str,
    mut read_file: impl FnMut(&str) -> Result<String, String>,
) -> Result<Story, EvalError> {
    let bad = |reason: String| EvalError::Corpus {
        input: input.to_owned(),
        line: 1,
        reason,
    };
    let raw: RawStory = serde_json::from_str(gold_json).map_err(|e| EvalError::Corpus {
        input: input.to_owned(),
        line: e.line(),
        reason: e.to_string(),
    })?;
    let mut documents = Vec::with_capacity(raw.documents.len());
    for d in raw.documents {
        let text = read_file(&d.file).map_err(|e| bad(format!("{}: {e}", d.file)))?;
        let published = match d.published.as_deref() {
            Some(p) => Some(
                dateline::parse_published(p)
                    .map_err(|e| bad(format!("document {:?}: {e}", d.id)))?,
            ),
            None => None,
        };
        documents.push(StoryDocument {
            id: d.id,
            file: d.file,
            published,
            kind: d.kind,
            text,
        });
    }
    let mut happenings = Vec::with_capacity(raw.events.len());
    for e in raw.events {
        check_date(&e.date).map_err(|r| bad(format!("event {:?}: {r}", e.id)))?;
        let mut reports = Vec::with_capacity(e.mentions.len());
        for m in &e.mentions {
            let doc = documents
                .iter()
                .position(|d| d.id == m.doc)
                .ok_or_else(|| bad(format!("event {:?}: no document {:?}", e.id, m.doc)))?;
            let words = locate(&documents[doc].text, &m.text)
                .map_err(|r| bad(format!("event {:?}, snippet {:?}: {r}", e.id, m.text)))?;
            reports.push(GoldReport {
                doc,
                words,
                snippet: m.text.clone(),
            });
        }
        let conflict = match e.conflict {
            Some(c) => {
                for d in &c.dates {
                    check_date(d).map_err(|r| bad(format!("event {:?}: {r}", e.id)))?;
                }
                Some(c.dates)
            }
            None => None,
        };
        happenings.push(GoldHappening {
            id: e.id,
            what: e.what,
            date: e.date,
            core: e.core,
            reports,
            conflict,
        });
    }
    Ok(Story {
        slug: raw.story,
        domain: raw.domain,
        documents,
        happenings,
        max_rows: raw.max_rows,
    })
}

fn check_date(d: &str) -> Result<(), String> {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = d.split('-').collect();
    let ok = match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [_, _, _] => dateline::parse_published(d).is_ok(),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!("date {d:?} is not YYYY, YYYY-MM or YYYY-MM-DD"))
    }
}

/// The byte spans of the bracketed words of `snippet` in `text`, where the snippet without its
/// brackets occurs exactly once.
fn locate(text: &str, snippet: &str) -> Result<Vec<(usize, usize)>, String> {
    let plain: String = snippet.chars().filter(|&c| c != '[' && c != ']').collect();
    let mut found = text.match_indices(plain.as_str());
    let Some((at, _)) = found.next() else {
        return Err("not in the article".into());
    };
    if found.next().is_some() {
        return Err("more than once in the article".into());
    }
    let mut spans = Vec::new();
    let mut offset = 0usize;
    let mut open: Option<usize> = None;
    for c in snippet.chars() {
        match c {
            '[' => open = Some(at + offset),
            ']' => {
                if let Some(start) = open.take() {
                    spans.push((start, at + offset));
                }
            }
            c => offset += c.len_utf8(),
        }
    }
    if spans.is_empty() {
        return Err("no bracketed words".into());
    }
    Ok(spans)
}

/// The figures of one story, or of several added up.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct StoryCounts {
    /// Stories.
    pub stories: usize,
    /// Articles.
    pub documents: usize,
    /// Gold happenings.
    pub happenings: usize,
    /// Rows of the timelines that a view shows (folded rows apart).
    pub rows: usize,
    /// Every row, folded ones too.
    pub all_rows: usize,
    /// The most rows the gold allows.
    pub max_rows: usize,
    /// Gold happenings that some row tells.
    pub found: Share,
    /// Of them, those whose row a view shows (not folded).
    pub found_shown: usize,
    /// Core happenings dated right.
    pub core_dated: Share,
    /// All happenings dated right.
    pub dated: Share,
    /// Happenings of several articles told by one row from all of them.
    pub merges: Share,
    /// Planted conflicts shown.
    pub conflicts: Share,
    /// Rows with a conflict that tell different happenings.
    pub conflicts_between_happenings: usize,
    /// Rows with a conflict whose happening the gold gives no conflict.
    pub conflicts_not_in_gold: usize,
    /// Rows that tell no gold happening.
    pub unmatched_rows: usize,
    /// Of them, the rows a view shows (folded rows apart).
    pub unmatched_shown: usize,
    /// Rows that tell two or more gold happenings (happenings merged that are not one).
    pub mixed_rows: usize,
}

impl StoryCounts {
    /// Adds another story's counts.
    pub fn add(&mut self, o: &StoryCounts) {
        self.stories += o.stories;
        self.documents += o.documents;
        self.happenings += o.happenings;
        self.rows += o.rows;
        self.all_rows += o.all_rows;
        self.max_rows += o.max_rows;
        for (a, b) in [
            (&mut self.found, o.found),
            (&mut self.core_dated, o.core_dated),
            (&mut self.dated, o.dated),
            (&mut self.merges, o.merges),
            (&mut self.conflicts, o.conflicts),
        ] {
            a.found += b.found;
            a.total += b.total;
        }
        self.conflicts_between_happenings += o.conflicts_between_happenings;
        self.conflicts_not_in_gold += o.conflicts_not_in_gold;
        self.unmatched_rows += o.unmatched_rows;
        self.unmatched_shown += o.unmatched_shown;
        self.found_shown += o.found_shown;
        self.mixed_rows += o.mixed_rows;
    }

    /// Rows per gold happening.
    pub fn rows_per_happening(&self) -> f64 {
        if self.happenings == 0 {
            0.0
        } else {
            self.rows as f64 / self.happenings as f64
        }
    }
}

/// What went wrong with one gold happening or row, for reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoryMistake {
    /// The story.
    pub story: String,
    /// `missed`, `date`, `merge`, `conflict`, `false conflict`, `extra row`, `mixed row`.
    pub kind: &'static str,
    /// The gold happening, or the row's summary.
    pub what: String,
    /// Details.
    pub detail: String,
}

/// The gold reports a row tells: (happening, report).
type Told = BTreeSet<(usize, usize)>;

/// For each row of a story's timeline, the gold reports it tells, as (happening, report); and
/// for each gold happening, its row: the row that tells it in the most reports (the earliest
/// on a tie).
fn tells_and_rows(story: &Story, timeline: &Timeline) -> (Vec<Told>, Vec<Option<usize>>) {
    let doc_index = story.document_indexes();
    let tells: Vec<Told> = timeline
        .events
        .iter()
        .map(|e| {
            let mut set = BTreeSet::new();
            for m in &e.mentions {
                let Some(&doc) = doc_index.get(m.doc.as_str()) else {
                    continue;
                };
                for (h, g) in story.happenings.iter().enumerate() {
                    for (r, report) in g.reports.iter().enumerate() {
                        if report.doc != doc {
                            continue;
                        }
                        let hit = report.overlaps(|| m.triggers().map(|t| (t.start, t.end)));
                        if hit {
                            set.insert((h, r));
                        }
                    }
                }
            }
            set
        })
        .collect();
    let mut row_of: Vec<Option<usize>> = vec![None; story.happenings.len()];
    for (h, _) in story.happenings.iter().enumerate() {
        let mut best: Option<(usize, usize)> = None;
        for (row, set) in tells.iter().enumerate() {
            let n = set.iter().filter(|&&(x, _)| x == h).count();
            if n > 0 && best.is_none_or(|(_, bn)| n > bn) {
                best = Some((row, n));
            }
        }
        row_of[h] = best.map(|(row, _)| row);
    }
    (tells, row_of)
}

/// Whether each row of a story's timeline is the row of some gold happening: what the row
/// model learns to show (`dateline train rows`).
pub fn happening_rows(story: &Story, timeline: &Timeline) -> Vec<bool> {
    let (_, row_of) = tells_and_rows(story, timeline);
    let mut is_row = vec![false; timeline.events.len()];
    for r in row_of.into_iter().flatten() {
        if let Some(x) = is_row.get_mut(r) {
            *x = true;
        }
    }
    is_row
}

/// Scores one story's timeline.
pub fn score_story(story: &Story, timeline: &Timeline) -> (StoryCounts, Vec<StoryMistake>) {
    let mut c = StoryCounts {
        stories: 1,
        documents: story.documents.len(),
        happenings: story.happenings.len(),
        rows: timeline.events.iter().filter(|e| e.shown()).count(),
        all_rows: timeline.events.len(),
        max_rows: story.max_rows,
        ..StoryCounts::default()
    };
    let mut mistakes = Vec::new();
    let (tells, row_of) = tells_and_rows(story, timeline);
    let when = |e: &Event| {
        e.when
            .map(|w| w.to_string())
            .unwrap_or_else(|| "none".into())
    };
    for (h, g) in story.happenings.iter().enumerate() {
        let row = row_of[h].map(|r| &timeline.events[r]);
        c.found.total += 1;
        c.dated.total += 1;
        if g.core {
            c.core_dated.total += 1;
        }
        let Some(row) = row else {
            mistakes.push(StoryMistake {
                story: story.slug.clone(),
                kind: "missed",
                what: format!("{} ({})", g.what, g.id),
                detail: g
                    .reports
                    .iter()
                    .map(|r| r.snippet.clone())
                    .collect::<Vec<_>>()
                    .join(" | "),
            });
            continue;
        };
        c.found.found += 1;
        c.found_shown += usize::from(row.shown());
        if !row.shown() {
            mistakes.push(StoryMistake {
                story: story.slug.clone(),
                kind: "folded",
                what: format!("{} ({})", g.what, g.id),
                detail: format!(
                    "row {} {:?} confidence {:.2}: {}",
                    when(row),
                    row.lemma,
                    row.confidence,
                    row.summary
                ),
            });
        }
        let right = when(row) == g.date;
        c.dated.found += usize::from(right);
        if g.core {
            c.core_dated.found += usize::from(right);
        }
        if !right {
            mistakes.push(StoryMistake {
                story: story.slug.clone(),
                kind: "date",
                what: format!("{} ({})", g.what, g.id),
                detail: format!("gold {}, row {}: {}", g.date, when(row), row.summary),
            });
        }
        let docs: BTreeSet<usize> = g.reports.iter().map(|r| r.doc).collect();
        if docs.len() >= 2 {
            c.merges.total += 1;
            let row_index = row_of[h].unwrap_or_default();
            let told: BTreeSet<usize> = tells[row_index]
                .iter()
                .filter(|&&(x, _)| x == h)
                .map(|&(_, r)| g.reports[r].doc)
                .collect();
            if told == docs {
                c.merges.found += 1;
            } else {
                let missing: Vec<&str> = docs
                    .difference(&told)
                    .map(|&d| story.documents[d].id.as_str())
                    .collect();
                // Where each report went: the row that tells it, or none.
                let reports: Vec<String> = g
                    .reports
                    .iter()
                    .enumerate()
                    .map(|(r, report)| {
                        let row = tells.iter().position(|set| set.contains(&(h, r)));
                        format!(
                            "{} {:?} → {}",
                            story.documents[report.doc].id,
                            report.snippet,
                            match row {
                                Some(k) => format!(
                                    "row {k} ({}, {})",
                                    when(&timeline.events[k]),
                                    timeline.events[k].lemma
                                ),
                                None => "no row".to_owned(),
                            }
                        )
                    })
                    .collect();
                mistakes.push(StoryMistake {
                    story: story.slug.clone(),
                    kind: "merge",
                    what: format!("{} ({})", g.what, g.id),
                    detail: format!(
                        "its row {row_index} lacks {}; {}",
                        missing.join(", "),
                        reports.join("; ")
                    ),
                });
            }
        }
        if let Some(dates) = &g.conflict {
            c.conflicts.total += 1;
            let shown = row.conflict.as_ref().is_some_and(|k| {
                dates
                    .iter()
                    .all(|d| k.claims.iter().any(|cl| &cl.when.to_string() == d))
            });
            c.conflicts.found += usize::from(shown);
            if !shown {
                mistakes.push(StoryMistake {
                    story: story.slug.clone(),
                    kind: "conflict",
                    what: format!("{} ({})", g.what, g.id),
                    detail: format!(
                        "gold {}, row {}",
                        dates.join(" vs "),
                        match &row.conflict {
                            Some(k) => k
                                .claims
                                .iter()
                                .map(|cl| cl.when.to_string())
                                .collect::<Vec<_>>()
                                .join(" vs "),
                            None => "no conflict".into(),
                        }
                    ),
                });
            }
        }
    }
    for (row, set) in tells.iter().enumerate() {
        let e = &timeline.events[row];
        let happenings: BTreeSet<usize> = set.iter().map(|&(h, _)| h).collect();
        if happenings.is_empty() {
            c.unmatched_rows += 1;
            c.unmatched_shown += usize::from(e.shown());
            mistakes.push(StoryMistake {
                story: story.slug.clone(),
                kind: if e.shown() {
                    "extra row (shown)"
                } else {
                    "extra row"
                },
                what: e.summary.clone(),
                detail: format!("{} {:?}", when(e), e.lemma),
            });
        }
        if happenings.len() >= 2 {
            c.mixed_rows += 1;
            mistakes.push(StoryMistake {
                story: story.slug.clone(),
                kind: "mixed row",
                what: e.summary.clone(),
                detail: format!(
                    "one row tells {}",
                    happenings
                        .iter()
                        .map(|&h| story.happenings[h].id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        }
        if e.conflict.is_none() {
            continue;
        }
        if happenings.len() >= 2 {
            c.conflicts_between_happenings += 1;
            mistakes.push(StoryMistake {
                story: story.slug.clone(),
                kind: "false conflict",
                what: e.summary.clone(),
                detail: format!(
                    "the row's conflict sets different happenings against each other: {}",
                    happenings
                        .iter()
                        .map(|&h| story.happenings[h].id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        } else if happenings
            .iter()
            .all(|&h| story.happenings[h].conflict.is_none())
        {
            c.conflicts_not_in_gold += 1;
            mistakes.push(StoryMistake {
                story: story.slug.clone(),
                kind: "conflict not in gold",
                what: e.summary.clone(),
                detail: format!("{} {:?}", when(e), e.lemma),
            });
        }
    }
    (c, mistakes)
}
