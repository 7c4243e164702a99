//! `dateline`: tag temporal expressions and find events in news articles, build their merged
//! timeline, and score the stages.
//!
//! A thin shell over the `dateline` library: it reads files, calls the library, writes results.
//! Exit codes: 0 success, 1 bad input (the message says what and where), 2 bad usage,
//! 101 an internal error (a bug; the message names the document).

mod batch;
mod eval_events;
mod eval_semeval;
mod eval_stories;
mod eval_te3;
mod eval_timelines;
mod events;
mod failure;
mod input;
mod output;
mod progress;
mod tag;
mod timeline;
mod train;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use failure::Failure;

// The pipeline makes many small, short-lived allocations (words, spans, names); mimalloc serves
// them markedly faster than the system allocator (see the README's performance section).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Tells mimalloc to keep the memory the process frees rather than give it back to the system
/// soon after (its default): a command builds its result once and exits, and memory given back
/// is zeroed by the kernel again when the next stage asks for it (on the TE3 silver timeline,
/// up to a quarter of the wall time, in the kernel). A user's `MIMALLOC_PURGE_DELAY` still
/// wins.
fn keep_freed_memory() {
    // `mi_option_purge_delay` of mimalloc.h (2.x and 3.x), which libmimalloc-sys does not name.
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets one of mimalloc's options, a plain integer it reads when deciding to
        // purge; valid at any time, from any thread.
        unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) };
    }
}

/// What the exit code says, for `--help`.
const EXIT_CODES: &str = "\
Exit codes: 0 success; 1 bad input; 2 bad usage (nothing is read); 101 an internal error (a bug).
A bad input of tag, events or timeline (an unreadable or non-UTF-8 file, a bad JSON line, a bad
date, a repeated id, a document over --max-bytes, a TimeML file that cannot be written) is
reported on standard error and skipped, the rest is used, and the exit code is 1;
--strict stops at the first one instead. --lossy reads Latin-1 and other non-UTF-8 text,
replacing what is not UTF-8. An output that is also an input is a usage error.";

/// Temporal expressions and events in news articles: find them, export them, score them.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about, long_about = None, args_override_self = true,
          after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Find and normalize the temporal expressions of documents.
    ///
    /// Reads plain-text files (the id of each is its file stem), directories of .txt files
    /// and/or JSON Lines of {"id", "text", "published"?} (TempEval-3's "doc" and "dct" are
    /// accepted for "id" and "published"; other fields draw a warning, except TempEval-3's,
    /// which are ignored). `-` reads standard input. Writes one result per document, offsets
    /// in Unicode code points.
    #[command(after_help = EXIT_CODES)]
    Tag(TagArgs),
    /// Find the event mentions of documents: trigger, participants, place, time.
    ///
    /// Reads documents as `tag` does. Writes one JSON object per document and line:
    /// {"id", "published", "events": [{"doc", "sentence", "sentence_start", "sentence_end",
    /// "trigger": {"text", "start", "end"}, "lemma", "class", "modality", "time", "when",
    /// "anchoring", "timeline", "participants", "location"}]}, offsets in Unicode code points.
    #[command(after_help = EXIT_CODES)]
    Events(EventsArgs),
    /// Build one timeline from all the documents: each event once, dated as the sources
    /// support, disagreements shown.
    ///
    /// Reads documents as `tag` does; publication dates that are not given are inferred. Merges
    /// the mentions of one happening across documents and reconciles their dates; where sources
    /// disagree, a policy chooses and every claim is kept. Writes Markdown by default; `--format
    /// json` writes {"schema": "dateline.timeline/1", "documents", "events"} with code-point
    /// offsets.
    #[command(after_help = EXIT_CODES)]
    Timeline(TimelineArgs),
    /// Score the pipeline against gold annotations.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Train the pipeline's learned models on annotated data.
    #[command(subcommand)]
    Train(TrainCommand),
}

#[derive(Debug, Subcommand)]
enum TrainCommand {
    /// Train the event model (which words are events; their TimeML class, tense and aspect)
    /// on TimeML JSON Lines, as `te3_train.jsonl` gives them, and write its weights.
    ///
    /// The shipped model, crates/dateline/data/event_model.bin, is made by
    /// `dateline train events ../shared/data/te3/te3_train.jsonl --extra
    /// ../shared/data/te3/te3_silver.jsonl --out crates/dateline/data/event_model.bin`. The
    /// same data, options and code give the same file; the anchor head learns from what the
    /// rules read, so the shipped file (made at commit bcd9623) differs from what today's
    /// rules give (see docs/events.md).
    Events(TrainEventsArgs),
    /// Train the row model (which rows of a merged timeline a view shows) on multi-source
    /// stories with gold, report its cross-validation by story, and write its weights.
    ///
    /// The shipped model, crates/dateline/data/rows.tsv, is made by `dateline train rows
    /// crates/dateline-eval/stories/dev crates/dateline-eval/stories/test --out
    /// crates/dateline/data/rows.tsv`. Each row of each story's timeline (built with the
    /// shipped models) is an example; the same stories give the same file.
    Rows(TrainRowsArgs),
    /// Train the pair model (whether two mentions the merge weighs tell one happening) on
    /// multi-source stories with gold, report its cross-validation by story, and write its
    /// weights.
    ///
    /// The shipped model, crates/dateline/data/pairs.tsv, is made by `dateline train pairs
    /// crates/dateline-eval/stories/dev crates/dateline-eval/stories/test --out
    /// crates/dateline/data/pairs.tsv`. Each pair of reports of gold happenings that the merge
    /// weighs in a story is an example; the line is the lowest at which the held-out pairs
    /// joined are 90% right. Train the row model again after it: rows depend on the merge.
    Pairs(TrainRowsArgs),
}

#[derive(Debug, Args)]
struct TrainRowsArgs {
    /// Story folders, or folders of them (as `dateline eval stories` reads them).
    #[arg(value_name = "DIR", required = true)]
    dirs: Vec<PathBuf>,
    /// Folds of the cross-validation by story.
    #[arg(long, value_name = "K", default_value_t = 10,
          value_parser = clap::value_parser!(u32).range(2..=1000))]
    folds: u32,
    /// Where to write the model; without it, only the cross-validation is reported.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct TrainEventsArgs {
    /// TimeML JSON Lines files to train on (`-` for standard input).
    #[arg(value_name = "GOLD.jsonl", required = true)]
    gold: Vec<PathBuf>,
    /// More training documents whose event spans and classes are learned from but whose tense
    /// and aspect are not (machine-made annotations such as te3_silver.jsonl); may be
    /// repeated.
    #[arg(long, value_name = "FILE")]
    extra: Vec<PathBuf>,
    /// Where to write the model.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Passes over the training examples.
    #[arg(long, value_name = "N", default_value_t = 10,
          value_parser = clap::value_parser!(u32).range(1..=100))]
    epochs: u32,
}

#[derive(Debug, Args)]
struct TagArgs {
    #[command(flatten)]
    sources: input::Sources,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// With `--format timeml`: write one `<id>.tml` file per document into this directory
    /// instead of standard output.
    ///
    /// Characters of an id other than letters, digits, `.`, `-` and `_` become `_`; where that
    /// changes the id, or makes a name too long, or gives a name another id has (letter case
    /// ignored), a hash of the id follows (`a_b~3f2c….tml`), so that distinct ids give distinct
    /// files. Each file is written whole under a temporary name and then renamed: a symbolic
    /// link in DIR is replaced, not followed. A file that cannot be written is one bad input.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
}

/// How `dateline tag` writes its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One JSON object per document and line: {"id", "timexes": [{"start", "end", "text",
    /// "type", "value", "mod"?}]}.
    Json,
    /// A TimeML document per document, with inline TIMEX3 tags.
    Timeml,
    /// One aligned line per temporal expression, for reading.
    Text,
}

#[derive(Debug, Args)]
struct EventsArgs {
    #[command(flatten)]
    sources: input::Sources,
}

#[derive(Debug, Args)]
struct TimelineArgs {
    #[command(flatten)]
    sources: input::Sources,
    /// Only the events that involve NAME (matched by name key: other spellings and partial
    /// names match, e.g. "Okafor" or "Ngozi Okafor" for "Ngozie Okafor").
    #[arg(long, value_name = "NAME")]
    about: Option<String>,
    /// Only the events whose date overlaps START..END, inclusive (YYYY-MM-DD, YYYY-MM or
    /// YYYY); events without a complete date are left out.
    #[arg(long, num_args = 2, value_names = ["START", "END"], conflicts_with_all = ["from", "to"])]
    between: Option<Vec<String>>,
    /// Only the events whose date overlaps DATE or later (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Only the events whose date overlaps DATE or earlier (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// How to choose among conflicting dates [default: default, or trusted with --trust].
    #[arg(long, value_enum)]
    policy: Option<PolicyName>,
    /// A trusted source (document id) for `--policy trusted`; repeat, most trusted first.
    #[arg(long, value_name = "ID")]
    trust: Vec<String>,
    /// The weight of a source's claims (default 1): `ID=W`, W a number, 0 or more; may be
    /// repeated.
    #[arg(long, value_name = "ID=W")]
    weight: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TimelineFormat::Md)]
    format: TimelineFormat,
}

/// The rules that choose among conflicting dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PolicyName {
    /// The heaviest claim: explicit dates over resolved ones over inherited ones, times each
    /// source's weight; then the more specific, the more sources, the earlier.
    Default,
    /// The earliest claim.
    Earliest,
    /// The latest claim.
    Latest,
    /// A claim of the first trusted source (`--trust`) that gives one, else the default.
    Trusted,
}

/// How `dateline timeline` writes the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TimelineFormat {
    /// Markdown for reading: one bullet per event, conflicts marked ⚠ with their claims.
    #[value(alias = "markdown")]
    Md,
    /// The JSON contract: {"schema": "dateline.timeline/1", "documents", "events"}.
    Json,
    /// One JSON event object per line.
    Jsonl,
    /// One CSV row per event, with a header.
    Csv,
    /// TimelineJS3 JSON (events with a complete date).
    Timelinejs,
    /// One self-contained HTML page to open in a browser: a time axis that zooms and pans,
    /// one row per event, conflicts with their claims and sentences. Nothing is fetched.
    Html,
}

#[derive(Debug, Subcommand)]
enum EvalCommand {
    /// TempEval-3 Task A: strict and relaxed span P/R/F1, type and value accuracy and F1.
    ///
    /// GOLD is JSON Lines of {"doc", "dct", "text", "timexes": [{"start", "end", "text",
    /// "type", "value"}]} with code-point offsets. Each document is tagged with its "dct" as the
    /// publication date. The scores are those of score_te3.py.
    Te3(Te3Args),
    /// SemEval-2015 Task 4 (cross-document timelines): events found and dated.
    ///
    /// CORPUS is the trial corpus's JSON (apple.json). Each document's "text" is read with its
    /// "dct" as the publication date. Prints the recall of the mentions on the gold timelines
    /// (same document, sentence and trigger word), the share of those found that are dated
    /// right at the gold granularity, the precision against all gold event mentions, and
    /// figures per target entity.
    ///
    /// With --timelines, builds the merged timeline of all the documents instead and scores,
    /// for each target entity, the events that `timeline --about ENTITY` gives against its gold
    /// timeline: gold events found, dated right and ordered right, precision, and the task's
    /// official measure (temporal awareness P/R/F1), with the micro average and the time the
    /// build took.
    Semeval(SemevalArgs),
    /// TimeML events: span P/R/F1 (overlap and exact), recall per class, class F1, tense,
    /// aspect and polarity accuracy, and anchoring accuracy.
    ///
    /// GOLD is TimeML JSON Lines as `te3_train.jsonl` gives them ({"doc", "dct", "text",
    /// "timexes", "events", "tlinks"}, code-point offsets). Without --folds, the shipped model
    /// (or --model) reads every document; with --folds K, the documents are dealt into K folds
    /// by id, and each fold is read by a model trained on the other folds (cross-validation by
    /// document): the mean over the folds is reported.
    Events(EventsEvalArgs),
    /// Multi-source stories with gold (crates/dateline-eval/stories): each story's merged
    /// timeline against the happenings a reader expects.
    ///
    /// Each DIR is a story (a folder with gold.json) or a folder of stories. Prints, per story
    /// and in all: core happenings dated right, required merges made, planted conflicts shown,
    /// conflicts between different happenings (there should be none), and rows per gold
    /// happening.
    Stories(StoriesArgs),
}

#[derive(Debug, Args)]
struct StoriesArgs {
    /// Story folders, or folders of them.
    #[arg(value_name = "DIR", required = true)]
    dirs: Vec<PathBuf>,
    /// Print one JSON object: {"total", "stories", "errors"?}.
    #[arg(long)]
    json: bool,
    /// List what went wrong: missed happenings, wrong dates, merges not made, conflicts.
    #[arg(long)]
    errors: bool,
}

#[derive(Debug, Args)]
struct EventsEvalArgs {
    /// The gold JSON Lines file (`-` for standard input).
    #[arg(value_name = "GOLD.jsonl")]
    gold: PathBuf,
    /// Cross-validate: train on K-1 folds, score the held-out fold, report the mean.
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u32).range(2..))]
    folds: Option<u32>,
    /// Passes over the training examples with --folds.
    #[arg(long, value_name = "N", default_value_t = 10, requires = "folds",
          value_parser = clap::value_parser!(u32).range(1..=100))]
    epochs: u32,
    /// With --folds: more training documents (TimeML JSON Lines), added to every fold's
    /// training set and never scored; may be repeated.
    #[arg(long, value_name = "FILE", requires = "folds")]
    extra: Vec<PathBuf>,
    /// Read with this model file (from `dateline train events`) instead of the shipped one.
    #[arg(long, value_name = "FILE", conflicts_with = "folds")]
    model: Option<PathBuf>,
    /// Print one JSON object: {"scores", "folds"?, "errors"?}.
    #[arg(long)]
    json: bool,
    /// List the errors: missed and spurious events, wrong classes and anchors.
    #[arg(long)]
    errors: bool,
    /// Examples to show per kind of error with `--errors` (0 for all).
    #[arg(long, value_name = "N", default_value_t = 10)]
    examples: usize,
}

#[derive(Debug, Args)]
struct SemevalArgs {
    /// The corpus JSON file (`-` for standard input).
    #[arg(value_name = "CORPUS.json")]
    corpus: PathBuf,
    /// Print one JSON object: {"scores", "errors"?}.
    #[arg(long)]
    json: bool,
    /// List the errors: missed timeline mentions, wrong dates, false positives.
    #[arg(long)]
    errors: bool,
    /// Examples to show per kind of error with `--errors` (0 for all).
    #[arg(long, value_name = "N", default_value_t = 10)]
    examples: usize,
    /// Score only the event mentions the event stage marks for a timeline.
    #[arg(long, conflicts_with = "timelines")]
    timeline_only: bool,
    /// Score the merged timeline's events about each target entity against its gold timeline,
    /// instead of the event mentions of each document.
    #[arg(long)]
    timelines: bool,
    /// With --timelines: build the timeline N times and report the median build time.
    #[arg(long, value_name = "N", default_value_t = 5, requires = "timelines",
          value_parser = clap::value_parser!(u32).range(1..))]
    runs: u32,
}

#[derive(Debug, Args)]
struct Te3Args {
    /// Gold JSON Lines file (`-` for standard input).
    #[arg(value_name = "GOLD.jsonl")]
    gold: PathBuf,
    /// List the errors, grouped by kind, with counts and examples.
    #[arg(long)]
    errors: bool,
    /// Examples to show per kind of error with `--errors` (0 for all).
    #[arg(long, value_name = "N", default_value_t = 10)]
    examples: usize,
    /// Score only the first N documents.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Print one JSON object with score_te3.py's keys (and "errors" with `--errors`).
    #[arg(long)]
    json: bool,
    /// Also write the system's timexes as JSON Lines of {"doc", "timexes"}, the form
    /// score_te3.py reads. Written under a temporary name and renamed at the end; FILE may not
    /// be GOLD.
    #[arg(long, value_name = "FILE", conflicts_with = "system")]
    predictions: Option<PathBuf>,
    /// Score these timexes instead of tagging: JSON Lines of {"doc" (or "id"), "timexes":
    /// [{"start", "end", "text", "type", "value"}]} with code-point offsets, as score_te3.py
    /// reads them (another system's output, or a file written with --predictions).
    #[arg(long, value_name = "FILE")]
    system: Option<PathBuf>,
}

/// Standard output, unbuffered: a file of its own descriptor where there is one. `Stdout`
/// buffers by line, and so searches every write for its last line break: the lines of
/// `dateline events` are tens of kilobytes each. Nothing else here writes to standard output.
fn stdout() -> Box<dyn Write> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if let Ok(fd) = io::stdout().as_fd().try_clone_to_owned() {
            return Box::new(std::fs::File::from(fd));
        }
    }
    Box::new(io::stdout().lock())
}

fn main() -> ExitCode {
    keep_freed_memory();
    // A panic is a bug: say so in one line, without a backtrace, whatever RUST_BACKTRACE says.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("dateline: internal error: {info}");
    }));
    let cli = Cli::parse();
    let mut out = io::BufWriter::new(stdout());
    let result = match cli.command {
        Command::Tag(args) => tag::run(&args, &mut out),
        Command::Events(args) => events::run(&args, &mut out),
        Command::Timeline(args) => timeline::run(&args, &mut out),
        Command::Eval(EvalCommand::Te3(args)) => eval_te3::run(&args, &mut out),
        Command::Eval(EvalCommand::Semeval(args)) => eval_semeval::run(&args, &mut out),
        Command::Eval(EvalCommand::Events(args)) => eval_events::run(&args, &mut out),
        Command::Eval(EvalCommand::Stories(args)) => eval_stories::run(&args, &mut out),
        Command::Train(TrainCommand::Events(args)) => train::run(&args, &mut out),
        Command::Train(TrainCommand::Rows(args)) => train::rows(&args, &mut out),
        Command::Train(TrainCommand::Pairs(args)) => train::pairs(&args, &mut out),
    }
    .and_then(|()| out.flush().map_err(Failure::Write));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`dateline tag … | head`) is the reader's choice, not an error.
        Err(Failure::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        // The summary of skipped inputs follows their own error lines; it is not another.
        Err(failure @ Failure::Skipped { .. }) => {
            eprintln!("dateline: {failure}");
            ExitCode::from(failure.exit_code())
        }
        Err(failure) => {
            eprintln!("dateline: error: {failure}");
            ExitCode::from(failure.exit_code())
        }
    }
}
