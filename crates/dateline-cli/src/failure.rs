//! Why a command failed, and the exit code that says so.

use std::fmt;
use std::io;
use std::path::Path;

use thiserror::Error;

/// A failed command.
#[derive(Debug)]
pub enum Failure {
    /// A file or stream could not be read.
    Read {
        /// What was being read.
        input: String,
        /// Why not.
        source: io::Error,
    },
    /// An output file could not be written.
    Create {
        /// The file.
        path: String,
        /// Why not.
        source: io::Error,
    },
    /// The output file of one document could not be written: that document is one bad input,
    /// and the others go on.
    Output {
        /// The document.
        id: String,
        /// The file.
        path: String,
        /// Why not.
        source: io::Error,
    },
    /// Standard output could not be written.
    Write(io::Error),
    /// The input is not what it must be (the library's error names the value and where).
    Input(dateline::Error),
    /// An input the reader of files and JSON Lines cannot use (the error names the value and
    /// where).
    Reader(InputError),
    /// The input is not what it must be, at a line of a file.
    At {
        /// The file.
        input: String,
        /// The 1-based line.
        line: usize,
        /// What is wrong there.
        error: dateline::Error,
    },
    /// An input that looks like UTF-16 without a byte-order mark (a NUL in every other byte).
    Utf16 {
        /// The input.
        input: String,
        /// Little-endian (the NUL second) rather than big-endian.
        little_endian: bool,
    },
    /// A document (a text file, or a line of JSON Lines) longer than `--max-bytes`.
    TooLong {
        /// The input.
        input: String,
        /// The 1-based line of JSON Lines; `None` for a text file.
        line: Option<usize>,
        /// The limit.
        max_bytes: u64,
    },
    /// A directory named as input holds no `.txt` file.
    NoDocuments {
        /// The directory.
        dir: String,
    },
    /// Some inputs could not be used: each was reported when met, and the others were used.
    Skipped {
        /// How many could not be used.
        bad: usize,
        /// How many there were.
        inputs: usize,
    },
    /// The arguments do not go together.
    Usage(String),
    /// A gold annotation file that the scorers cannot read.
    Eval(dateline_eval::EvalError),
    /// The library panicked on a document: a bug (the panic hook has printed the message).
    Internal {
        /// The document.
        doc: String,
    },
    /// The library panicked while merging documents that it reads alone without panicking.
    InternalTimeline {
        /// How many documents were merged.
        documents: usize,
    },
}

impl Failure {
    /// 1 for bad input, 2 for bad usage (as clap uses), 101 for a bug (as a Rust panic does).
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Usage(_) => 2,
            Failure::Internal { .. } | Failure::InternalTimeline { .. } => 101,
            _ => 1,
        }
    }

    /// A read failure of `path` (`-` being standard input).
    pub fn read(path: &Path, source: io::Error) -> Self {
        Failure::Read {
            input: display_input(path),
            source,
        }
    }
}

/// How messages name an input: its path, or `<stdin>` for `-`.
pub fn display_input(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Read { input, source } => write!(f, "cannot read {input}: {source}"),
            Failure::Create { path, source } => write!(f, "cannot write {path}: {source}"),
            Failure::Output { id, path, source } => {
                write!(f, "cannot write {path} for document {id:?}: {source}")
            }
            Failure::Write(e) => write!(f, "cannot write the output: {e}"),
            Failure::Input(e) => write!(f, "{e}"),
            Failure::Reader(e) => write!(f, "{e}"),
            Failure::At { input, line, error } => write!(f, "{input}, line {line}: {error}"),
            Failure::Utf16 {
                input,
                little_endian,
            } => {
                let order = if *little_endian { "LE" } else { "BE" };
                write!(
                    f,
                    "{input}: not UTF-8 text: a NUL in every other byte; it looks like \
                     UTF-16{order} without a byte-order mark: convert it to UTF-8, e.g. with \
                     `iconv -f UTF-16{order} -t UTF-8`"
                )
            }
            Failure::TooLong {
                input,
                line: None,
                max_bytes,
            } => write!(
                f,
                "{input}: larger than the {} bytes of --max-bytes: not read",
                thousands(*max_bytes)
            ),
            Failure::TooLong {
                input,
                line: Some(line),
                max_bytes,
            } => write!(
                f,
                "{input}, line {line}: longer than the {} bytes of --max-bytes: the rest of \
                 the input is not read",
                thousands(*max_bytes)
            ),
            Failure::NoDocuments { dir } => write!(f, "no .txt files in the directory {dir}"),
            Failure::Skipped { bad, inputs } => {
                let s = if *inputs == 1 { "" } else { "s" };
                write!(
                    f,
                    "{bad} of {inputs} input{s} could not be used (see above)"
                )
            }
            Failure::Usage(msg) => write!(f, "{msg}"),
            Failure::Eval(e) => write!(f, "{e}"),
            Failure::Internal { doc } => write!(
                f,
                "the internal error above happened while reading document {doc:?} \
                 (a bug in dateline; please report it with the document)"
            ),
            Failure::InternalTimeline { documents } => write!(
                f,
                "the internal error above happened while merging the timeline of {documents} \
                 documents (a bug in dateline; please report it with the documents)"
            ),
        }
    }
}

impl From<dateline_eval::EvalError> for Failure {
    fn from(e: dateline_eval::EvalError) -> Self {
        match e {
            dateline_eval::EvalError::Folds { .. } => Failure::Usage(e.to_string()),
            e => Failure::Eval(e),
        }
    }
}

/// `n` with a comma every three digits.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() * 4 / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

impl From<dateline::Error> for Failure {
    fn from(e: dateline::Error) -> Self {
        Failure::Input(e)
    }
}

impl From<InputError> for Failure {
    fn from(e: InputError) -> Self {
        Failure::Reader(e)
    }
}

/// What is wrong with an input file or a line of JSON Lines. The library takes documents, not
/// files, so these are the reader's own: each names the value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum InputError {
    /// Two inputs that give documents under one id (the later one is reported;
    /// [`dateline::Error::DuplicateDocument`] is the same fault found by the library, where
    /// the places are unknown).
    #[error("duplicate document id {id:?}: {second} repeats the id of {first}")]
    DuplicateInput {
        /// The id given twice.
        id: String,
        /// Where the document kept came from: a path, or `path, line N`.
        first: String,
        /// Where the document with the repeated id came from, in the same form.
        second: String,
    },
    /// A line of a JSON Lines input that is not a JSON object of the expected shape.
    #[error("{input}, line {line}: {reason}")]
    InvalidJsonLine {
        /// The input the line came from (a path, or `<stdin>`).
        input: String,
        /// The 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// A line of a JSON Lines input that lacks a field it must have.
    #[error("{input}, line {line}: missing field `{field}`")]
    MissingField {
        /// The input the line came from (a path, or `<stdin>`).
        input: String,
        /// The 1-based line number.
        line: usize,
        /// The name of the missing field.
        field: &'static str,
    },
    /// A field of a JSON Lines document that is not one of the fields a document has (a typo
    /// would otherwise lose the value silently).
    #[error("{input}, line {line}: unknown field `{field}` {}", field_hint(.suggestion))]
    UnknownField {
        /// The input the line came from (a path, or `<stdin>`).
        input: String,
        /// The 1-based line number.
        line: usize,
        /// The field as written.
        field: String,
        /// The known field it is closest to, when it is close to one.
        suggestion: Option<&'static str>,
    },
    /// An input that is not valid UTF-8.
    #[error(
        "{input}: not valid UTF-8: byte 0x{byte:02X} at offset {} (line {line}); {}",
        thousands(*.offset as u64),
        utf8_hint(*.utf16)
    )]
    InvalidUtf8 {
        /// The input (a path, or `<stdin>`).
        input: String,
        /// The first byte that is not UTF-8.
        byte: u8,
        /// Its 0-based byte offset in the input.
        offset: usize,
        /// The 1-based line it is on.
        line: usize,
        /// Whether the input starts with a UTF-16 byte-order mark (FF FE or FE FF).
        utf16: bool,
    },
}

fn field_hint(suggestion: &Option<&'static str>) -> String {
    match suggestion {
        Some(known) => format!("(did you mean `{known}`?)"),
        None => "(a document has `id`, `text` and `published`)".to_owned(),
    }
}

fn utf8_hint(utf16: bool) -> &'static str {
    if utf16 {
        "it looks like UTF-16 (it starts with a UTF-16 byte-order mark): convert it to UTF-8, \
         e.g. with `iconv -f UTF-16 -t UTF-8`"
    } else {
        "the file may be Latin-1 or Windows-1252: try --lossy"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_input_names_both_places() {
        let e = InputError::DuplicateInput {
            id: "a".to_owned(),
            first: "dir/a.txt".to_owned(),
            second: "more.jsonl, line 3".to_owned(),
        };
        assert_eq!(
            e.to_string(),
            "duplicate document id \"a\": more.jsonl, line 3 repeats the id of dir/a.txt"
        );
    }

    #[test]
    fn unknown_field_suggests_the_close_one() {
        let e = |suggestion| InputError::UnknownField {
            input: "docs.jsonl".to_owned(),
            line: 4,
            field: "publised".to_owned(),
            suggestion,
        };
        assert_eq!(
            e(Some("published")).to_string(),
            "docs.jsonl, line 4: unknown field `publised` (did you mean `published`?)"
        );
        assert_eq!(
            e(None).to_string(),
            "docs.jsonl, line 4: unknown field `publised` (a document has `id`, `text` and \
             `published`)"
        );
    }

    #[test]
    fn invalid_utf8_names_the_byte_and_where() {
        let e = |byte, offset, line, utf16| {
            InputError::InvalidUtf8 {
                input: "notes.txt".to_owned(),
                byte,
                offset,
                line,
                utf16,
            }
            .to_string()
        };
        assert_eq!(
            e(0xE9, 1234, 12, false),
            "notes.txt: not valid UTF-8: byte 0xE9 at offset 1,234 (line 12); the file may be \
             Latin-1 or Windows-1252: try --lossy"
        );
        assert!(
            e(0xFF, 0, 1, true).starts_with(
                "notes.txt: not valid UTF-8: byte 0xFF at offset 0 (line 1); it looks like UTF-16"
            ),
            "{}",
            e(0xFF, 0, 1, true)
        );
    }

    #[test]
    fn thousands_groups_digits() {
        let cases = [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (123_456, "123,456"),
            (1_234_567, "1,234,567"),
        ];
        for (n, s) in cases {
            assert_eq!(thousands(n), s);
        }
    }
}
