//! Reading documents: plain-text files and JSON Lines.
//!
//! A bad input (unreadable, not UTF-8, a bad JSON line, a bad date, a repeated id) is reported
//! and skipped, so that one bad file does not cost the results of the others; `--strict` makes
//! the first one fatal instead.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dateline_eval::te3::ScoredTimex;
use serde_json::{Map, Value};

use crate::failure::{display_input, Failure, InputError};
use crate::progress::Progress;

/// A document to read: its id is the file stem, or the line's `id` (or `doc`).
pub use dateline::Document;

/// The documents a command reads: plain-text files and directories, JSON Lines, and the
/// publication dates given for them.
#[derive(Debug, clap::Args)]
pub struct Sources {
    /// Plain-text files, or directories of .txt files (`-` for standard input); a file named
    /// `.jsonl` or `.ndjson` is read as JSON Lines, as with --jsonl.
    #[arg(value_name = "FILE", required_unless_present = "jsonl")]
    pub files: Vec<PathBuf>,
    /// A JSON Lines file of documents (`-` for standard input); may be repeated.
    #[arg(long, value_name = "FILE")]
    pub jsonl: Vec<PathBuf>,
    /// Publication date: `YYYY-MM-DD` for every document that gives none, or `ID=YYYY-MM-DD`
    /// for the document with that id (over its own); ID may also be the file a document was
    /// read from (`wire.txt=2023-03-17`); may be repeated.
    #[arg(long, value_name = "[ID=]YYYY-MM-DD")]
    pub published: Vec<String>,
    /// Stop at the first input that cannot be used, with exit code 1.
    ///
    /// Without it, each bad input (an unreadable or non-UTF-8 file, a bad JSON line, a missing
    /// field, a bad publication date, an id already read) is reported on standard error and
    /// skipped, the others are processed, and the exit code is 1. With it, `timeline` writes
    /// nothing, while `tag` and `events` have already written the documents before the bad one;
    /// an unknown field of a JSON line, otherwise a warning, is an error too.
    #[arg(long)]
    pub strict: bool,
    /// Read files that are not valid UTF-8 (e.g. Latin-1 or Windows-1252) anyway: each invalid
    /// sequence becomes U+FFFD, and a warning per input counts the bytes replaced.
    ///
    /// A file that starts with a UTF-16 byte-order mark, or has a NUL in every other byte
    /// (UTF-16 without the mark), stays an error: convert it to UTF-8.
    #[arg(long)]
    pub lossy: bool,
    /// The largest document read, in bytes: a text file, or a line of JSON Lines. A larger
    /// one is one bad input (and the rest of its JSON Lines input is not read). `K`, `M` and
    /// `G` multiply by 1024, 1024² and 1024³.
    #[arg(long, value_name = "BYTES", default_value = "1G", value_parser = parse_bytes)]
    pub max_bytes: u64,
}

/// A number of bytes as `--max-bytes` takes it: digits, then `K`, `M` or `G` (1024, 1024²,
/// 1024³; `KiB` and `KB` read alike).
fn parse_bytes(value: &str) -> Result<u64, String> {
    let s = value.trim();
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let (number, unit) = s.split_at(digits);
    let shift = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => {
            return Err(format!(
                "{value:?} is not a number of bytes (e.g. 1048576, 64K, 1G)"
            ))
        }
    };
    number
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .filter(|&n| n > 0)
        .ok_or_else(|| {
            format!("{value:?} is not a number of bytes above 0 (e.g. 1048576, 64K, 1G)")
        })
}

/// Fields of a document line that are read (and that an unknown field may be a misspelling of).
const DOCUMENT_FIELDS: [&str; 5] = ["id", "doc", "text", "published", "dct"];

/// Fields of TempEval-3 corpus lines that are ignored without a warning: such corpora are read
/// as documents (`tag --jsonl te3_train.jsonl`), and a warning per line would drown the rest.
const TE3_FIELDS: [&str; 5] = ["dct_value", "title", "source", "timexes", "empty_timexes"];

/// How close (normalized Damerau-Levenshtein, case ignored) an unknown field must be to a known
/// one to be suggested: `publised` (0.89) and `txt` (0.75) are, `ix` (0.5) is not.
const SUGGESTION_SIMILARITY: f64 = 0.7;

/// What reading the inputs came to: how many there were and how many could not be used.
#[derive(Debug, Default, Clone, Copy)]
#[must_use = "inputs that could not be used make the exit code 1"]
pub struct Outcome {
    /// Documents read or attempted: each text file, each non-blank JSON line, each input that
    /// could not be opened or listed.
    pub inputs: usize,
    /// Those reported and skipped.
    pub bad: usize,
}

impl Outcome {
    /// Whether every input was bad, leaving nothing to build from.
    pub fn nothing_usable(&self) -> bool {
        self.bad > 0 && self.bad == self.inputs
    }

    /// `Ok` when every input was used, else the failure that sums up the skipped ones.
    pub fn finish(self) -> Result<(), Failure> {
        if self.bad == 0 {
            Ok(())
        } else {
            Err(Failure::Skipped {
                bad: self.bad,
                inputs: self.inputs,
            })
        }
    }
}

/// The state of one pass over the inputs: what was seen, what went wrong.
struct Reading<'a> {
    strict: bool,
    progress: &'a Progress,
    /// Each document id read, with where it came from.
    seen: HashMap<String, String>,
    outcome: Outcome,
}

impl Reading<'_> {
    /// A bad input: fatal under `--strict`, else reported and counted.
    fn bad(&mut self, failure: Failure) -> Result<(), Failure> {
        if self.strict {
            return Err(failure);
        }
        self.outcome.inputs += 1;
        self.outcome.bad += 1;
        self.progress
            .eprintln(&format!("dateline: error: {failure}"));
        Ok(())
    }

    /// A document read from `place`: handed to `each` unless its id was read before.
    fn accept(
        &mut self,
        mut doc: Document,
        place: String,
        file: Option<&Path>,
        published: &mut Published,
        each: &mut impl FnMut(&Document) -> Result<(), Failure>,
    ) -> Result<(), Failure> {
        if let Some(first) = self.seen.get(&doc.id) {
            let error = InputError::DuplicateInput {
                id: doc.id,
                first: first.clone(),
                second: place,
            };
            return self.bad(Failure::Reader(error));
        }
        self.seen.insert(doc.id.clone(), place);
        published.apply(&mut doc, file);
        match each(&doc) {
            Ok(()) => {}
            // A document whose output file cannot be written is one bad input.
            Err(failure @ Failure::Output { .. }) => return self.bad(failure),
            Err(failure) => return Err(failure),
        }
        self.outcome.inputs += 1;
        self.progress.document(doc.text.len());
        Ok(())
    }

    fn warn(&self, message: &str) {
        self.progress
            .eprintln(&format!("dateline: warning: {message}"));
    }
}

impl Sources {
    /// Checks what the arguments say, before anything is read: the `--published` values and
    /// that standard input is read at most once.
    pub fn check(&self) -> Result<Published, Failure> {
        let published = Published::parse(&self.published)?;
        let stdin_uses = self
            .files
            .iter()
            .chain(&self.jsonl)
            .filter(|p| p.as_os_str() == "-")
            .count();
        if stdin_uses > 1 {
            return Err(Failure::Usage(
                "standard input (`-`) can be read only once".to_owned(),
            ));
        }
        Ok(published)
    }

    /// Reads every document in order (files, then JSON Lines), with its publication date
    /// applied, and hands each to `each`, counting it on `progress` (finished at the end).
    ///
    /// `published` is what [`Sources::check`] gave. A bad input is reported on standard error
    /// and skipped (the [`Outcome`] counts it), or under `--strict` returned as the error. An
    /// error of `each` (writing, a bug) is returned at once.
    pub fn for_each(
        &self,
        mut published: Published,
        progress: &Progress,
        mut each: impl FnMut(&Document) -> Result<(), Failure>,
    ) -> Result<Outcome, Failure> {
        let mut reading = Reading {
            strict: self.strict,
            progress,
            seen: HashMap::new(),
            outcome: Outcome::default(),
        };
        // A file named `.jsonl` (or `.ndjson`) among the plain-text files is JSON Lines: read
        // as text, its documents would be rows of JSON (issue 19).
        let (json_named, text_named): (Vec<&PathBuf>, Vec<&PathBuf>) =
            self.files.iter().partition(|p| is_json_lines_name(p));
        let json_lines_inputs: Vec<&PathBuf> = json_named.into_iter().chain(&self.jsonl).collect();
        for path in text_named {
            let files = match text_files(path) {
                Ok(files) => files,
                Err(e) => {
                    reading.bad(e)?;
                    continue;
                }
            };
            for file in files {
                match read_text(&file, self.lossy, self.max_bytes) {
                    Ok((doc, replaced)) => {
                        let place = display_input(&file);
                        if replaced > 0 {
                            reading.warn(&replaced_warning(&place, replaced));
                        }
                        reading.accept(doc, place, Some(&file), &mut published, &mut each)?;
                    }
                    Err(e) => reading.bad(e)?,
                }
            }
        }
        for path in json_lines_inputs {
            let mut lines = match JsonLines::open(path, self.lossy, self.max_bytes) {
                Ok(lines) => lines,
                Err(e) => {
                    reading.bad(e)?;
                    continue;
                }
            };
            // Each unknown field is reported once per input, not on every line that has it.
            let mut warned = BTreeSet::new();
            for line in &mut lines {
                let line = match line {
                    Ok(line) => line,
                    Err(e) => {
                        reading.bad(e)?;
                        continue;
                    }
                };
                for unknown in line.unknown_fields() {
                    if self.strict {
                        return Err(Failure::Reader(unknown));
                    }
                    if let InputError::UnknownField { field, .. } = &unknown {
                        if warned.insert(field.clone()) {
                            reading.warn(&format!(
                                "{unknown}; ignored (later lines with it are not reported)"
                            ));
                        }
                    }
                }
                match line.document(None) {
                    Ok(doc) => {
                        let place = format!("{}, line {}", line.input, line.number);
                        reading.accept(doc, place, None, &mut published, &mut each)?;
                    }
                    Err(e) => reading.bad(e)?,
                }
            }
            if lines.replaced > 0 {
                reading.warn(&replaced_warning(&lines.input, lines.replaced));
            }
        }
        // Before the warnings, which a bar still drawn would overwrite.
        progress.finish();
        warn_unused(&published);
        Ok(reading.outcome)
    }
}

fn replaced_warning(input: &str, replaced: usize) -> String {
    let s = if replaced == 1 { "" } else { "s" };
    format!("{input}: not valid UTF-8: {replaced} byte{s} replaced with U+FFFD (--lossy)")
}

/// Whether a file named on the command line is JSON Lines by its name (`.jsonl`, `.ndjson`),
/// not a directory.
pub fn is_json_lines_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("jsonl") || x.eq_ignore_ascii_case("ndjson"))
        && !path.is_dir()
}

/// Runs the library on `doc`, turning a panic into a [`Failure::Internal`] that names the
/// document (the panic hook has already printed the panic message).
pub fn guarded<T>(doc: &Document, work: impl FnOnce() -> T) -> Result<T, Failure> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|_| Failure::Internal {
        doc: doc.id.clone(),
    })
}

/// Opens `path` for reading, `-` being standard input.
fn open(path: &Path) -> Result<Box<dyn BufRead>, Failure> {
    if path.as_os_str() == "-" {
        Ok(Box::new(BufReader::new(io::stdin())))
    } else {
        let file = File::open(path).map_err(|e| Failure::read(path, e))?;
        Ok(Box::new(BufReader::new(file)))
    }
}

/// The plain-text inputs a command-line argument names: a file as it is (`-` included), and
/// for a directory its `.txt` files, sorted by name (not recursive).
pub fn text_files(path: &Path) -> Result<Vec<PathBuf>, Failure> {
    if path.as_os_str() == "-" || !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let entries = std::fs::read_dir(path).map_err(|e| Failure::read(path, e))?;
    let mut texts = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Failure::read(path, e))?;
        let file = entry.path();
        let is_txt = file
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("txt"));
        // Not a directory rather than a file: a link whose target is gone is an input that
        // cannot be read, to report, not one to skip.
        if is_txt && !file.is_dir() {
            texts.push(file);
        }
    }
    if texts.is_empty() {
        return Err(Failure::NoDocuments {
            dir: path.display().to_string(),
        });
    }
    texts.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(texts)
}

/// Publication dates from `--published`: one for every document (`YYYY-MM-DD`) and one per
/// document id (`ID=YYYY-MM-DD`).
#[derive(Debug, Default)]
pub struct Published {
    default: Option<NaiveDate>,
    by_id: BTreeMap<String, (NaiveDate, bool)>,
}

impl Published {
    /// Parses the values of `--published`; a bad one is a usage error that names it.
    pub fn parse(values: &[String]) -> Result<Self, Failure> {
        let mut p = Published::default();
        for value in values {
            let usage = |e: dateline::Error| Failure::Usage(format!("--published {value:?}: {e}"));
            match value.rsplit_once('=') {
                None => {
                    let date = dateline::parse_published(value).map_err(usage)?;
                    if p.default.is_some_and(|d| d != date) {
                        return Err(Failure::Usage(format!(
                            "--published {value}: a date for all documents is already given"
                        )));
                    }
                    p.default = Some(date);
                }
                Some((id, date)) => {
                    if id.is_empty() {
                        return Err(Failure::Usage(format!(
                            "--published {value}: no document id before `=`"
                        )));
                    }
                    let date =
                        dateline::parse_published(date).map_err(|e| usage(e.in_document(id)))?;
                    match p.by_id.get(id) {
                        Some((d, _)) if *d != date => {
                            return Err(Failure::Usage(format!(
                                "--published {value}: document {id:?} already has {d}"
                            )))
                        }
                        _ => {
                            p.by_id.insert(id.to_owned(), (date, false));
                        }
                    }
                }
            }
        }
        Ok(p)
    }

    /// Sets the document's publication date: its own `ID=DATE` if given, else the date it came
    /// with (a JSON line's `published`), else the date for all.
    ///
    /// `ID` may also name the file a document was read from, as given or by its file name
    /// (`--published wire.txt=2023-03-17` for the document `wire`).
    pub fn apply(&mut self, doc: &mut Document, file: Option<&Path>) {
        let names = [
            Some(doc.id.clone()),
            file.map(|f| f.display().to_string()),
            file.and_then(|f| f.file_name())
                .map(|n| n.to_string_lossy().into_owned()),
        ];
        let key = names
            .into_iter()
            .flatten()
            .find(|name| self.by_id.contains_key(name));
        if let Some((date, used)) = key.and_then(|k| self.by_id.get_mut(&k)) {
            *used = true;
            doc.published = Some(*date);
        } else if doc.published.is_none() {
            doc.published = self.default;
        }
    }

    /// The ids given dates that no document read had.
    pub fn unused(&self) -> Vec<&str> {
        self.by_id
            .iter()
            .filter(|(_, (_, used))| !used)
            .map(|(id, _)| id.as_str())
            .collect()
    }
}

/// Warns on standard error about `--published ID=DATE` values that named no document read.
pub fn warn_unused(published: &Published) {
    for id in published.unused() {
        eprintln!("dateline: warning: --published names document {id:?}, which was not read");
    }
}

/// Where a run of bytes starts in its input, for the messages about them.
#[derive(Debug, Clone, Copy)]
struct At {
    /// The 0-based byte offset.
    offset: usize,
    /// The 1-based line.
    line: usize,
}

/// How much of the start of an input [`utf16_order`] looks at.
const UTF16_SAMPLE: usize = 1024;

/// Whether `bytes`, the start of an input, look like UTF-16 without a byte-order mark: text of
/// mostly Latin letters then has a NUL in every other byte (the high byte of each code unit),
/// which UTF-8 text does not. `Some(true)` for little-endian (NUL second), `Some(false)` for
/// big-endian.
fn utf16_order(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(UTF16_SAMPLE) & !1];
    let units = sample.len() / 2;
    let (mut high_first, mut high_second) = (0, 0);
    for unit in sample.chunks_exact(2) {
        high_first += usize::from(unit[0] == 0);
        high_second += usize::from(unit[1] == 0);
    }
    // At least half the units with a NUL on one side, and few on the other (an input of NULs
    // only is not text in either form).
    let (most, least) = (high_first.max(high_second), high_first.min(high_second));
    (units > 0 && most * 2 >= units && least * 4 <= most).then_some(high_second > high_first)
}

/// Decodes the bytes of an input (or of one line of it, starting `at`) as UTF-8, without a
/// leading byte-order mark. With `lossy`, invalid sequences become U+FFFD; the count says how
/// many bytes were replaced.
fn decode(
    input: &str,
    mut bytes: Vec<u8>,
    lossy: bool,
    mut at: At,
) -> Result<(String, usize), Failure> {
    // Both UTF-16 marks hold bytes UTF-8 never has; decoding them lossily would give noise.
    if at.offset == 0 && (bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])) {
        return Err(Failure::Reader(InputError::InvalidUtf8 {
            input: input.to_owned(),
            byte: bytes[0],
            offset: 0,
            line: at.line,
            utf16: true,
        }));
    }
    // Without a mark, UTF-16 is valid UTF-8 (NULs and letters) that reads as nothing.
    if at.offset == 0 {
        if let Some(little_endian) = utf16_order(&bytes) {
            return Err(Failure::Utf16 {
                input: input.to_owned(),
                little_endian,
            });
        }
    }
    // The UTF-8 byte-order mark says nothing a reader needs, and would become part of the
    // first word (or make a JSON line invalid).
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
        at.offset += 3;
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, 0)),
        Err(e) if lossy => {
            let replaced = e.as_bytes().utf8_chunks().map(|c| c.invalid().len()).sum();
            Ok((String::from_utf8_lossy(e.as_bytes()).into_owned(), replaced))
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            Err(Failure::Reader(InputError::InvalidUtf8 {
                input: input.to_owned(),
                // `valid_up_to` is less than the length when there is an error.
                byte: bytes.get(valid).copied().unwrap_or_default(),
                offset: at.offset + valid,
                line: at.line + bytes[..valid].iter().filter(|&&b| b == b'\n').count(),
                utf16: false,
            }))
        }
    }
}

/// Reads a plain-text document of at most `max_bytes`; its id is the file stem (`stdin` for
/// `-`). Also says how many bytes `lossy` decoding replaced.
pub fn read_text(path: &Path, lossy: bool, max_bytes: u64) -> Result<(Document, usize), Failure> {
    let too_long = || Failure::TooLong {
        input: display_input(path),
        line: None,
        max_bytes,
    };
    // A file's size says it before anything is read.
    if path.as_os_str() != "-"
        && std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() > max_bytes)
    {
        return Err(too_long());
    }
    let mut bytes = Vec::new();
    open(path)?
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::read(path, e))?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_long());
    }
    let (text, replaced) = decode(
        &display_input(path),
        bytes,
        lossy,
        At { offset: 0, line: 1 },
    )?;
    let id = if path.as_os_str() == "-" {
        "stdin".to_owned()
    } else {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string())
    };
    let doc = Document {
        id,
        text,
        published: None,
    };
    Ok((doc, replaced))
}

/// One non-blank line of a JSON Lines input: a JSON object, and where it came from.
pub struct Line {
    input: String,
    number: usize,
    object: Map<String, Value>,
}

/// The JSON objects of a JSON Lines input, one per non-blank line; a line that is not one is an
/// error item, and reading goes on with the next (except after a read error, or in a UTF-16
/// input, where every line would fail).
pub struct JsonLines {
    reader: Box<dyn BufRead>,
    /// The input, as messages name it.
    input: String,
    lossy: bool,
    /// The longest line read, in bytes (its end of line excluded).
    max_bytes: u64,
    /// Where the next line starts.
    at: At,
    /// Bytes replaced by `lossy` decoding so far.
    replaced: usize,
    done: bool,
}

impl JsonLines {
    /// Opens `path` (`-` for standard input); with `lossy`, lines that are not UTF-8 are
    /// decoded with replacement; a line longer than `max_bytes` ends the input with an error.
    pub fn open(path: &Path, lossy: bool, max_bytes: u64) -> Result<Self, Failure> {
        Ok(JsonLines {
            reader: open(path)?,
            input: display_input(path),
            lossy,
            max_bytes,
            at: At { offset: 0, line: 1 },
            replaced: 0,
            done: false,
        })
    }
}

impl Iterator for JsonLines {
    type Item = Result<Line, Failure>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let mut bytes = Vec::new();
            // At most the longest line and its end of line (`\r\n`): a line without an end is
            // not read into memory whole.
            let limit = self.max_bytes.saturating_add(2);
            let read = match (&mut self.reader).take(limit).read_until(b'\n', &mut bytes) {
                Ok(0) => return None,
                Ok(n) => n,
                Err(e) => {
                    // A read error may repeat forever; the rest of the input is lost either way.
                    self.done = true;
                    return Some(Err(Failure::Read {
                        input: self.input.clone(),
                        source: e,
                    }));
                }
            };
            let at = self.at;
            self.at = At {
                offset: at.offset + read,
                line: at.line + 1,
            };
            let ended = bytes.ends_with(b"\n");
            if ended {
                bytes.pop();
            }
            if bytes.ends_with(b"\r") && (ended || bytes.len() as u64 > self.max_bytes) {
                bytes.pop();
            }
            if bytes.len() as u64 > self.max_bytes {
                // Where the line ends is not known, nor whether it ever does.
                self.done = true;
                return Some(Err(Failure::TooLong {
                    input: self.input.clone(),
                    line: Some(at.line),
                    max_bytes: self.max_bytes,
                }));
            }
            let line = match decode(&self.input, bytes, self.lossy, at) {
                Ok((line, replaced)) => {
                    self.replaced += replaced;
                    line
                }
                Err(e) => {
                    // In UTF-16 every line would fail.
                    self.done = matches!(
                        e,
                        Failure::Utf16 { .. }
                            | Failure::Reader(InputError::InvalidUtf8 { utf16: true, .. })
                    );
                    return Some(Err(e));
                }
            };
            if !line.trim().is_empty() {
                return Some(parse_line(&self.input, at.line, &line));
            }
        }
        None
    }
}

/// The largest line [`json_lines`] reads: the default of `--max-bytes`.
pub const DEFAULT_MAX_BYTES: u64 = 1 << 30;

/// The JSON objects of a JSON Lines input, one per non-blank line, strictly UTF-8, each line
/// at most [`DEFAULT_MAX_BYTES`].
pub fn json_lines(path: &Path) -> Result<JsonLines, Failure> {
    JsonLines::open(path, false, DEFAULT_MAX_BYTES)
}

fn parse_line(input: &str, number: usize, line: &str) -> Result<Line, Failure> {
    let invalid = |reason: String| {
        Failure::Reader(InputError::InvalidJsonLine {
            input: input.to_owned(),
            line: number,
            reason,
        })
    };
    // serde_json's message ends with "at line 1 column N"; the line is ours to say.
    let value: TopLevel = serde_json::from_str(line).map_err(|e| {
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        match message.strip_prefix(REPEATED) {
            Some(field) => invalid(format!(
                "field `{field}` is given twice (column {}): which value is meant is unclear",
                e.column()
            )),
            None => invalid(format!("invalid JSON: {message} (column {})", e.column())),
        }
    })?;
    match value {
        TopLevel::Object(object) => Ok(Line {
            input: input.to_owned(),
            number,
            object,
        }),
        TopLevel::Other(kind) => Err(invalid(format!("expected a JSON object, found {kind}"))),
    }
}

/// What a JSON line holds: an object whose fields are each given once, or another value
/// (named as [`json_kind`] names it). `serde_json::Value` would keep the last of two values of
/// one field without a word.
enum TopLevel {
    Object(Map<String, Value>),
    Other(&'static str),
}

/// Starts the message of a field given twice, for [`parse_line`] to tell it from bad JSON.
const REPEATED: &str = "\u{1}repeated ";

impl<'de> serde::Deserialize<'de> for TopLevel {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{Error, IgnoredAny, MapAccess, SeqAccess, Visitor};

        struct Top;

        impl<'de> Visitor<'de> for Top {
            type Value = TopLevel;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON value")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopLevel, A::Error> {
                let mut object = Map::new();
                while let Some(key) = map.next_key::<String>()? {
                    if object.contains_key(&key) {
                        return Err(A::Error::custom(format_args!("{REPEATED}{key}")));
                    }
                    let value: Value = map.next_value()?;
                    object.insert(key, value);
                }
                Ok(TopLevel::Object(object))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<TopLevel, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(TopLevel::Other("an array"))
            }

            fn visit_str<E: Error>(self, _: &str) -> Result<TopLevel, E> {
                Ok(TopLevel::Other("a string"))
            }

            fn visit_bool<E: Error>(self, _: bool) -> Result<TopLevel, E> {
                Ok(TopLevel::Other("a boolean"))
            }

            fn visit_i64<E: Error>(self, _: i64) -> Result<TopLevel, E> {
                Ok(TopLevel::Other("a number"))
            }

            fn visit_u64<E: Error>(self, _: u64) -> Result<TopLevel, E> {
                Ok(TopLevel::Other("a number"))
            }

            fn visit_f64<E: Error>(self, _: f64) -> Result<TopLevel, E> {
                Ok(TopLevel::Other("a number"))
            }

            fn visit_unit<E: Error>(self) -> Result<TopLevel, E> {
                Ok(TopLevel::Other("null"))
            }
        }

        d.deserialize_any(Top)
    }
}

/// The known field that `field` is closest to, when close enough to be a misspelling of it.
fn suggest_field(field: &str) -> Option<&'static str> {
    let field = field.to_lowercase();
    DOCUMENT_FIELDS
        .iter()
        .map(|&known| (known, strsim::normalized_damerau_levenshtein(&field, known)))
        .filter(|&(_, similarity)| similarity >= SUGGESTION_SIMILARITY)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(known, _)| known)
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Line {
    fn invalid(&self, reason: String) -> Failure {
        Failure::Reader(InputError::InvalidJsonLine {
            input: self.input.clone(),
            line: self.number,
            reason,
        })
    }

    fn missing(&self, field: &'static str) -> Failure {
        Failure::Reader(InputError::MissingField {
            input: self.input.clone(),
            line: self.number,
            field,
        })
    }

    /// The first of `names` that is present and not null, with its name.
    fn field(&self, names: &[&'static str]) -> Option<(&'static str, &Value)> {
        names
            .iter()
            .find_map(|&n| self.object.get(n).filter(|v| !v.is_null()).map(|v| (n, v)))
    }

    /// A field a document must have is missing; or, if one of `names` is there as `null`, of
    /// the wrong type (`"text": null` is given, not left out).
    fn absent(&self, names: &[&'static str], must_be: &str) -> Failure {
        match names.iter().find(|&&n| self.object.contains_key(n)) {
            Some(name) => self.invalid(format!("field `{name}` must be {must_be}, found null")),
            None => self.missing(names[0]),
        }
    }

    fn string(&self, names: &[&'static str]) -> Result<Option<String>, Failure> {
        match self.field(names) {
            None => Ok(None),
            Some((_, Value::String(s))) => Ok(Some(s.clone())),
            Some((name, other)) => Err(self.invalid(format!(
                "field `{name}` must be a string, found {}",
                json_kind(other)
            ))),
        }
    }

    /// The document of the line: `id` (or `doc`; a string or an integer), `text`, and
    /// `published` (or `dct`; `default_published` when neither is given).
    pub fn document(&self, default_published: Option<NaiveDate>) -> Result<Document, Failure> {
        let id = self.id()?;
        let text = self
            .string(&["text"])?
            .ok_or_else(|| self.absent(&["text"], "a string"))?;
        let published = match self.string(&["published", "dct"])? {
            None => default_published,
            Some(s) => Some(dateline::parse_published(&s).map_err(|e| Failure::At {
                input: self.input.clone(),
                line: self.number,
                error: e.in_document(&id),
            })?),
        };
        Ok(Document {
            id,
            text,
            published,
        })
    }

    /// The fields of the line that a document line does not have (TempEval-3's are known),
    /// each an [`InputError::UnknownField`] with the field it may be a misspelling of.
    pub fn unknown_fields(&self) -> Vec<InputError> {
        self.object
            .keys()
            .filter(|k| !DOCUMENT_FIELDS.contains(&k.as_str()) && !TE3_FIELDS.contains(&k.as_str()))
            .map(|field| InputError::UnknownField {
                input: self.input.clone(),
                line: self.number,
                field: field.clone(),
                suggestion: suggest_field(field),
            })
            .collect()
    }

    /// The id of the line's document: `id` or `doc`, a string or an integer.
    pub fn id(&self) -> Result<String, Failure> {
        match self.field(&["id", "doc"]) {
            None => Err(self.absent(&["id", "doc"], "a string or an integer")),
            Some((_, Value::String(s))) => Ok(s.clone()),
            Some((_, Value::Number(n))) if n.is_u64() || n.is_i64() => Ok(n.to_string()),
            Some((name, other)) => Err(self.invalid(format!(
                "field `{name}` must be a string, found {}",
                json_kind(other)
            ))),
        }
    }

    /// The annotated timexes of the line: `timexes`, each with `start`, `end`, `text`, `type`
    /// and `value` (other fields are ignored).
    pub fn timexes(&self) -> Result<Vec<ScoredTimex>, Failure> {
        let list = match self.field(&["timexes"]) {
            None => return Err(self.missing("timexes")),
            Some((_, Value::Array(list))) => list,
            Some((_, other)) => {
                return Err(self.invalid(format!(
                    "field `timexes` must be an array, found {}",
                    json_kind(other)
                )))
            }
        };
        list.iter()
            .enumerate()
            .map(|(i, t)| {
                let bad = |what: String| self.invalid(format!("timexes[{i}]: {what}"));
                let Value::Object(t) = t else {
                    return Err(bad(format!("expected an object, found {}", json_kind(t))));
                };
                let offset = |name: &str| match t.get(name) {
                    None => Err(bad(format!("missing field `{name}`"))),
                    Some(v) => v
                        .as_u64()
                        .and_then(|n| usize::try_from(n).ok())
                        .ok_or_else(|| {
                            bad(format!("field `{name}` must be a non-negative integer"))
                        }),
                };
                let string = |name: &str| match t.get(name) {
                    None => Err(bad(format!("missing field `{name}`"))),
                    Some(Value::String(s)) => Ok(s.clone()),
                    Some(other) => Err(bad(format!(
                        "field `{name}` must be a string, found {}",
                        json_kind(other)
                    ))),
                };
                let (start, end) = (offset("start")?, offset("end")?);
                if start > end {
                    return Err(bad(format!("the offsets {start}..{end} are reversed")));
                }
                Ok(ScoredTimex {
                    start,
                    end,
                    text: string("text")?,
                    kind: string("type")?,
                    value: string("value")?,
                })
            })
            .collect()
    }

    /// The annotated timexes of a gold line, as [`timexes`](Self::timexes) reads them, each
    /// within the line's `text` (code points).
    pub fn gold_timexes(&self) -> Result<Vec<ScoredTimex>, Failure> {
        let timexes = self.timexes()?;
        if let Some((_, Value::String(text))) = self.field(&["text"]) {
            let length = text.chars().count();
            if let Some((i, t)) = timexes.iter().enumerate().find(|(_, t)| t.end > length) {
                return Err(self.invalid(format!(
                    "timexes[{i}]: the offsets {}..{} go past the end of the text ({length} \
                     characters)",
                    t.start, t.end
                )));
            }
        }
        Ok(timexes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(s: &str) -> Result<Line, Failure> {
        parse_line("in.jsonl", 7, s)
    }

    #[test]
    fn reads_both_field_spellings() {
        let l = line(r#"{"doc": "d", "dct": "1998-01-08", "text": "x", "extra": 1}"#)
            .unwrap_or_else(|e| panic!("{e}"));
        let d = l.document(None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(d.id, "d");
        assert_eq!(
            d.published.map(|p| p.to_string()).as_deref(),
            Some("1998-01-08")
        );
        let l =
            line(r#"{"id": 3, "text": "x", "published": null}"#).unwrap_or_else(|e| panic!("{e}"));
        let default = NaiveDate::from_ymd_opt(2020, 1, 2);
        let d = l.document(default).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((d.id.as_str(), d.published), ("3", default));
    }

    #[test]
    fn errors_name_the_line() {
        let msg = |s: &str| match line(s).and_then(|l| l.document(None)) {
            Ok(_) => panic!("accepted {s}"),
            Err(e) => e.to_string(),
        };
        assert_eq!(
            msg(r#"{"id": "a"}"#),
            "in.jsonl, line 7: missing field `text`"
        );
        assert_eq!(
            msg(r#"{"text": "a"}"#),
            "in.jsonl, line 7: missing field `id`"
        );
        assert_eq!(
            msg(r#"{"id": "a", "text": 5}"#),
            "in.jsonl, line 7: field `text` must be a string, found a number"
        );
        assert_eq!(
            msg("[1]"),
            "in.jsonl, line 7: expected a JSON object, found an array"
        );
        assert!(msg(r#"{"id": "a", "#).starts_with("in.jsonl, line 7: invalid JSON: "));
        // Given as null is not left out (issue 18).
        assert_eq!(
            msg(r#"{"id": "a", "text": null}"#),
            "in.jsonl, line 7: field `text` must be a string, found null"
        );
        assert_eq!(
            msg(r#"{"id": null, "text": ""}"#),
            "in.jsonl, line 7: field `id` must be a string or an integer, found null"
        );
        // A field given twice: serde_json would keep the last value without a word.
        assert_eq!(
            msg(r#"{"id": "a", "text": "x", "text": "y"}"#),
            "in.jsonl, line 7: field `text` is given twice (column 31): which value is meant is \
             unclear"
        );
        for (line, kind) in [("5", "a number"), ("\"s\"", "a string"), ("null", "null")] {
            assert_eq!(
                msg(line),
                format!("in.jsonl, line 7: expected a JSON object, found {kind}")
            );
        }
        // Only the top level: the fields of nested objects are the caller's to read.
        assert!(line(r#"{"id": "a", "text": "", "x": {"k": 1, "k": 2}}"#).is_ok());
        let m = msg(r#"{"id": "a", "text": "", "published": "2023-13-01"}"#);
        assert!(
            m.starts_with(
                "in.jsonl, line 7: invalid publication date \"2023-13-01\" for document \"a\""
            ),
            "{m}"
        );
    }

    fn decoded(bytes: &[u8], lossy: bool) -> Result<(String, usize), String> {
        decode("in.txt", bytes.to_vec(), lossy, At { offset: 0, line: 1 })
            .map_err(|e| e.to_string())
    }

    #[test]
    fn decoding_names_the_bad_byte_its_offset_and_line() {
        assert_eq!(decoded(b"caf\xc3\xa9", false), Ok(("café".to_owned(), 0)));
        assert_eq!(
            decoded(b"one\ntwo\ncaf\xe9 2023", false),
            Err(
                "in.txt: not valid UTF-8: byte 0xE9 at offset 11 (line 3); the file may be \
                 Latin-1 or Windows-1252: try --lossy"
                    .to_owned()
            )
        );
        // An incomplete sequence at the very end is invalid too.
        let e = decoded(b"ab\xc3", false).expect_err("truncated");
        assert!(e.contains("byte 0xC3 at offset 2 (line 1)"), "{e}");
        let line = decode(
            "in.jsonl",
            b"x\xff".to_vec(),
            false,
            At {
                offset: 1500,
                line: 40,
            },
        )
        .map_err(|e| e.to_string());
        assert!(
            line.as_ref()
                .is_err_and(|e| e.contains("byte 0xFF at offset 1,501 (line 40)")),
            "{line:?}"
        );
    }

    #[test]
    fn lossy_decoding_counts_the_replaced_bytes() {
        assert_eq!(
            decoded(b"caf\xe9 \xe9t\xe9", true),
            Ok(("caf\u{FFFD} \u{FFFD}t\u{FFFD}".to_owned(), 3))
        );
        assert_eq!(decoded(b"fine", true), Ok(("fine".to_owned(), 0)));
    }

    #[test]
    fn byte_order_marks() {
        assert_eq!(
            decoded(b"\xef\xbb\xbfMarch", false),
            Ok(("March".to_owned(), 0))
        );
        // Offsets stay those of the file, mark included.
        let e = decoded(b"\xef\xbb\xbfab\xe9", false).expect_err("Latin-1");
        assert!(e.contains("at offset 5 (line 1)"), "{e}");
        for bom in [&b"\xff\xfea\x00"[..], b"\xfe\xff\x00a"] {
            for lossy in [false, true] {
                let e = decoded(bom, lossy).expect_err("UTF-16");
                assert!(
                    e.contains("at offset 0 (line 1); it looks like UTF-16"),
                    "{e}"
                );
            }
        }
    }

    fn lines_of(bytes: &[u8], lossy: bool) -> (Vec<Result<String, String>>, usize) {
        lines_within(bytes, lossy, DEFAULT_MAX_BYTES)
    }

    fn lines_within(
        bytes: &[u8],
        lossy: bool,
        max_bytes: u64,
    ) -> (Vec<Result<String, String>>, usize) {
        let mut lines = JsonLines {
            reader: Box::new(io::Cursor::new(bytes.to_vec())),
            input: "in.jsonl".to_owned(),
            lossy,
            max_bytes,
            at: At { offset: 0, line: 1 },
            replaced: 0,
            done: false,
        };
        let items = (&mut lines)
            .map(|l| {
                l.and_then(|l| l.document(None))
                    .map(|d| d.text)
                    .map_err(|e| e.to_string())
            })
            .collect();
        (items, lines.replaced)
    }

    #[test]
    fn json_lines_go_on_after_a_bad_line() {
        let input = b"\xef\xbb\xbf{\"id\": \"a\", \"text\": \"x\"}\r\n\n\
                      {\"id\": \"b\", \"text\": \"caf\xe9\"}\n\
                      {\"id\": \"c\", \"text\": \"y\"}";
        let (items, replaced) = lines_of(input, false);
        assert_eq!(items.len(), 3, "{items:?}");
        assert_eq!(items[0], Ok("x".to_owned()));
        assert!(
            items[1]
                .as_ref()
                .is_err_and(|e| e
                    .starts_with("in.jsonl: not valid UTF-8: byte 0xE9 at offset 54 (line 3);")),
            "{:?}",
            items[1]
        );
        assert_eq!(items[2], Ok("y".to_owned()));
        assert_eq!(replaced, 0);
        let (items, replaced) = lines_of(input, true);
        assert_eq!(items[1], Ok("caf\u{FFFD}".to_owned()));
        assert_eq!(replaced, 1);
    }

    #[test]
    fn a_utf16_json_lines_input_is_one_error() {
        let (items, _) = lines_of(b"\xff\xfe{\x00\n\x00}\x00\n\x00", false);
        assert_eq!(items.len(), 1, "{items:?}");
        assert!(items[0].as_ref().is_err_and(|e| e.contains("UTF-16")));
    }

    #[test]
    fn a_line_longer_than_max_bytes_ends_the_input() {
        let input = b"{\"id\": \"a\", \"text\": \"x\"}\r\n\
                      {\"id\": \"b\", \"text\": \"a long line\"}\n\
                      {\"id\": \"c\", \"text\": \"y\"}\n";
        // The first line is 24 bytes without its end: 24 is enough, 23 is not.
        let (items, _) = lines_within(input, false, 24);
        assert_eq!(items[0], Ok("x".to_owned()));
        assert_eq!(
            items[1],
            Err(
                "in.jsonl, line 2: longer than the 24 bytes of --max-bytes: the rest of the \
                 input is not read"
                    .to_owned()
            )
        );
        assert_eq!(items.len(), 2, "{items:?}");
        let (items, _) = lines_within(input, false, 23);
        assert_eq!(items.len(), 1, "{items:?}");
        assert!(items[0]
            .as_ref()
            .is_err_and(|e| e.starts_with("in.jsonl, line 1: longer")));
        let (items, _) = lines_within(input, false, 1 << 10);
        assert_eq!(items.len(), 3, "{items:?}");
    }

    #[test]
    fn max_bytes_values() {
        assert_eq!(parse_bytes("4096"), Ok(4096));
        assert_eq!(parse_bytes("64K"), Ok(64 << 10));
        assert_eq!(parse_bytes("3mib"), Ok(3 << 20));
        assert_eq!(parse_bytes(" 1G "), Ok(1 << 30));
        for bad in ["", "0", "G", "1T", "-1", "1.5G", "99999999999999999999"] {
            assert!(parse_bytes(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_recognised() {
        let le: Vec<u8> = "On 3 March 2021 the talks began."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Über 北京 talks on 3 March 2021."
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(utf16_order(&le), Some(true));
        assert_eq!(utf16_order(&be), Some(false));
        assert_eq!(utf16_order(&le[..2]), Some(true));
        for text in [
            &b""[..],
            b"M",
            b"plain text",
            &[0u8; 64],
            b"caf\xc3\xa9 \x00 bar",
        ] {
            assert_eq!(utf16_order(text), None, "{text:?}");
        }
        for lossy in [false, true] {
            let e = decoded(&le, lossy).expect_err("UTF-16LE");
            assert!(
                e.contains("it looks like UTF-16LE without a byte-order mark"),
                "{e}"
            );
        }
        let (items, _) = lines_of(&le, false);
        assert_eq!(items.len(), 1, "{items:?}");
    }

    #[test]
    fn unknown_fields_with_suggestions() {
        let l = line(r#"{"id": "a", "text": "", "publised": "2023-01-02", "Text": "", "zzz": 1}"#)
            .unwrap_or_else(|e| panic!("{e}"));
        let unknown: Vec<String> = l.unknown_fields().iter().map(|e| e.to_string()).collect();
        assert_eq!(
            unknown,
            [
                "in.jsonl, line 7: unknown field `Text` (did you mean `text`?)",
                "in.jsonl, line 7: unknown field `publised` (did you mean `published`?)",
                "in.jsonl, line 7: unknown field `zzz` (a document has `id`, `text` and \
                 `published`)",
            ]
        );
        assert_eq!(suggest_field("txt"), Some("text"));
        assert_eq!(suggest_field("published_at"), Some("published"));
        assert_eq!(suggest_field("ix"), None);
        // TempEval-3 corpus lines are documents too.
        let te3 = line(r#"{"doc": "d", "dct": "1998-01-08", "dct_value": "1998-01-08", "title": null, "text": "", "timexes": [], "empty_timexes": [], "source": "x"}"#)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(te3.unknown_fields().is_empty());
    }

    #[test]
    fn bad_published_flags_are_usage_errors_naming_the_value() {
        for (value, says) in [
            ("2023-02-30", "--published \"2023-02-30\": invalid publication date \"2023-02-30\": no such day 30 in February 2023"),
            ("2023-13-01", "--published \"2023-13-01\": invalid publication date \"2023-13-01\": no such month 13"),
            ("yesterday", "--published \"yesterday\": invalid publication date \"yesterday\": not a date written as digits (expected YYYY-MM-DD)"),
            ("", "--published \"\": invalid publication date \"\": the value is empty"),
            ("a=", "--published \"a=\": invalid publication date \"\" for document \"a\": the value is empty"),
        ] {
            match Published::parse(&[value.to_owned()]) {
                Err(e @ Failure::Usage(_)) => {
                    assert!(e.to_string().starts_with(says), "{e}");
                    assert_eq!(e.exit_code(), 2);
                }
                Err(e) => panic!("{value:?}: not a usage error: {e}"),
                Ok(_) => panic!("{value:?} accepted"),
            }
        }
    }

    #[test]
    fn gold_timexes_are_checked() {
        let l = line(r#"{"doc": "d", "text": "", "timexes": [{"start": 0, "end": -1, "text": "", "type": "DATE", "value": ""}]}"#)
            .unwrap_or_else(|e| panic!("{e}"));
        let e = l.timexes().err().map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("in.jsonl, line 7: timexes[0]: field `end` must be a non-negative integer")
        );
        // Offsets reversed, or past the text (issue 18).
        let gold = |start: usize, end: usize| {
            line(&format!(
                r#"{{"doc": "d", "text": "On 3 May.", "timexes": [{{"start": {start}, "end": {end}, "text": "", "type": "DATE", "value": ""}}]}}"#
            ))
            .and_then(|l| l.gold_timexes())
            .map(|t| t.len())
            .map_err(|e| e.to_string())
        };
        assert_eq!(gold(3, 8), Ok(1));
        assert_eq!(gold(0, 9), Ok(1));
        assert_eq!(
            gold(8, 3),
            Err("in.jsonl, line 7: timexes[0]: the offsets 8..3 are reversed".to_owned())
        );
        assert_eq!(
            gold(3, 10),
            Err(
                "in.jsonl, line 7: timexes[0]: the offsets 3..10 go past the end of the text \
                 (9 characters)"
                    .to_owned()
            )
        );
    }
}
