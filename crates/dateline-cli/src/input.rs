//! Reading documents: plain-text files and JSON Lines.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dateline::eval::ScoredTimex;
use serde_json::{Map, Value};

use crate::failure::{display_input, Failure};
use crate::progress::Progress;

/// A document to read: its id is the file stem, or the line's `id` (or `doc`).
pub use dateline::Document;

/// The documents a command reads: plain-text files and directories, JSON Lines, and the
/// publication dates given for them.
#[derive(Debug, clap::Args)]
pub struct Sources {
    /// Plain-text files, or directories of .txt files (`-` for standard input).
    #[arg(value_name = "FILE", required_unless_present = "jsonl")]
    pub files: Vec<PathBuf>,
    /// A JSON Lines file of documents (`-` for standard input); may be repeated.
    #[arg(long, value_name = "FILE")]
    pub jsonl: Vec<PathBuf>,
    /// Publication date: `YYYY-MM-DD` for every document that gives none, or `ID=YYYY-MM-DD`
    /// for the document with that id (over its own); may be repeated.
    #[arg(long, value_name = "[ID=]YYYY-MM-DD")]
    pub published: Vec<String>,
}

impl Sources {
    /// Reads every document in order (files, then JSON Lines), with its publication date
    /// applied, and hands each to `each`, counting it on `progress` (finished at the end).
    pub fn for_each(
        &self,
        progress: &Progress,
        mut each: impl FnMut(&Document) -> Result<(), Failure>,
    ) -> Result<(), Failure> {
        let mut published = Published::parse(&self.published)?;
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
        for path in expand_paths(&self.files)? {
            let mut doc = read_text(&path, None)?;
            published.apply(&mut doc);
            each(&doc)?;
            progress.document(doc.text.len());
        }
        for path in &self.jsonl {
            for line in json_lines(path)? {
                let mut doc = line?.document(None)?;
                published.apply(&mut doc);
                each(&doc)?;
                progress.document(doc.text.len());
            }
        }
        // Before the warnings, which a bar still drawn would overwrite.
        progress.finish();
        warn_unused(&published);
        Ok(())
    }
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

/// The plain-text inputs named on the command line: files as they are (`-` included), and for
/// each directory its `.txt` files, sorted by name (not recursive).
pub fn expand_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" || !path.is_dir() {
            out.push(path.clone());
            continue;
        }
        let entries = std::fs::read_dir(path).map_err(|e| Failure::read(path, e))?;
        let mut texts = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| Failure::read(path, e))?;
            let file = entry.path();
            let is_txt = file
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("txt"));
            if is_txt && file.is_file() {
                texts.push(file);
            }
        }
        if texts.is_empty() {
            return Err(Failure::NoDocuments {
                dir: path.display().to_string(),
            });
        }
        texts.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
        out.extend(texts);
    }
    Ok(out)
}

/// Publication dates from `--published`: one for every document (`YYYY-MM-DD`) and one per
/// document id (`ID=YYYY-MM-DD`).
#[derive(Debug, Default)]
pub struct Published {
    default: Option<NaiveDate>,
    by_id: BTreeMap<String, (NaiveDate, bool)>,
}

impl Published {
    /// Parses the values of `--published`.
    pub fn parse(values: &[String]) -> Result<Self, Failure> {
        let mut p = Published::default();
        for value in values {
            match value.rsplit_once('=') {
                None => {
                    let date = dateline::parse_published(value)?;
                    if p.default.is_some_and(|d| d != date) {
                        return Err(Failure::Usage(format!(
                            "--published {value}: a date for all documents is already given"
                        )));
                    }
                    p.default = Some(date);
                }
                Some((id, date)) => {
                    let date = dateline::parse_published(date).map_err(|e| e.in_document(id))?;
                    if id.is_empty() {
                        return Err(Failure::Usage(format!(
                            "--published {value}: no document id before `=`"
                        )));
                    }
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
    pub fn apply(&mut self, doc: &mut Document) {
        if let Some((date, used)) = self.by_id.get_mut(&doc.id) {
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

/// Reads a plain-text document; its id is the file stem (`stdin` for `-`).
pub fn read_text(path: &Path, published: Option<NaiveDate>) -> Result<Document, Failure> {
    let mut text = String::new();
    open(path)?
        .read_to_string(&mut text)
        .map_err(|e| Failure::read(path, e))?;
    let id = if path.as_os_str() == "-" {
        "stdin".to_owned()
    } else {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string())
    };
    Ok(Document {
        id,
        text,
        published,
    })
}

/// One non-blank line of a JSON Lines input: a JSON object, and where it came from.
pub struct Line {
    input: String,
    number: usize,
    object: Map<String, Value>,
}

/// The JSON objects of a JSON Lines input, one per non-blank line.
pub fn json_lines(path: &Path) -> Result<impl Iterator<Item = Result<Line, Failure>>, Failure> {
    let reader = open(path)?;
    let input = display_input(path);
    Ok(reader.lines().enumerate().filter_map(move |(i, line)| {
        let number = i + 1;
        let line = match line {
            Ok(line) => line,
            Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                return Some(Err(Failure::Input(dateline::Error::InvalidJsonLine {
                    input: input.clone(),
                    line: number,
                    reason: "not valid UTF-8".to_owned(),
                })))
            }
            Err(e) => {
                return Some(Err(Failure::Read {
                    input: input.clone(),
                    source: e,
                }))
            }
        };
        if line.trim().is_empty() {
            return None;
        }
        Some(parse_line(&input, number, &line))
    }))
}

fn parse_line(input: &str, number: usize, line: &str) -> Result<Line, Failure> {
    let invalid = |reason: String| {
        Failure::Input(dateline::Error::InvalidJsonLine {
            input: input.to_owned(),
            line: number,
            reason,
        })
    };
    // serde_json's message ends with "at line 1 column N"; the line is ours to say.
    let value: Value = serde_json::from_str(line).map_err(|e| {
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        invalid(format!("invalid JSON: {message} (column {})", e.column()))
    })?;
    match value {
        Value::Object(object) => Ok(Line {
            input: input.to_owned(),
            number,
            object,
        }),
        other => Err(invalid(format!(
            "expected a JSON object, found {}",
            json_kind(&other)
        ))),
    }
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
        Failure::Input(dateline::Error::InvalidJsonLine {
            input: self.input.clone(),
            line: self.number,
            reason,
        })
    }

    fn missing(&self, field: &'static str) -> Failure {
        Failure::Input(dateline::Error::MissingField {
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
            .ok_or_else(|| self.missing("text"))?;
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

    /// The id of the line's document: `id` or `doc`, a string or an integer.
    pub fn id(&self) -> Result<String, Failure> {
        match self.field(&["id", "doc"]) {
            None => Err(self.missing("id")),
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
                Ok(ScoredTimex {
                    start: offset("start")?,
                    end: offset("end")?,
                    text: string("text")?,
                    kind: string("type")?,
                    value: string("value")?,
                })
            })
            .collect()
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
        let m = msg(r#"{"id": "a", "text": "", "published": "2023-13-01"}"#);
        assert!(
            m.starts_with(
                "in.jsonl, line 7: invalid publication date \"2023-13-01\" for document \"a\""
            ),
            "{m}"
        );
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
    }
}
