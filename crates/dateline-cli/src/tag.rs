//! `dateline tag`.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

use dateline::export::{self, JsonTimex};
use dateline::Timex;

use crate::batch::InOrder;
use crate::failure::Failure;
use crate::input::{self, Document};
use crate::progress::Progress;
use crate::{Format, TagArgs};

/// Tags `doc`, a panic of the library becoming a [`Failure::Internal`] that names it.
pub fn tag_document(doc: &Document) -> Result<Vec<Timex>, Failure> {
    input::guarded(doc, || dateline::tag(&doc.text, doc.published))
}

pub fn run(args: &TagArgs, out: &mut impl Write) -> Result<(), Failure> {
    if args.out_dir.is_some() && args.format != Format::Timeml {
        return Err(Failure::Usage(
            "--out-dir writes TimeML files: use it with --format timeml".to_owned(),
        ));
    }
    // A bad `--published` is a usage error, before the output directory is made.
    let published = args.sources.check()?;
    if let Some(dir) = &args.out_dir {
        refuse_inputs_in(dir, &args.sources)?;
        std::fs::create_dir_all(dir).map_err(|source| Failure::Create {
            path: dir.display().to_string(),
            source,
        })?;
    }
    let progress = Progress::documents("tagging");
    if args.format == Format::Timeml {
        // One file per document may fail on its own (one bad input): one at a time.
        let mut sink = Sink {
            format: args.format,
            out_dir: args.out_dir.as_deref(),
            names: FileNames::default(),
            out,
        };
        return args
            .sources
            .for_each(published, &progress, |doc| sink.emit(doc))?
            .finish();
    }
    // JSON and text go to one stream: documents are tagged on every core, written in order.
    let format = args.format;
    let mut batch = InOrder::new(
        |doc: &Document| {
            let timexes = tag_document(doc)?;
            Ok(match format {
                Format::Text => text_table(&doc.id, &export::json_timexes(&doc.text, &timexes)),
                _ => {
                    let mut line = export::timexes_json(&doc.id, &doc.text, &timexes);
                    line.push('\n');
                    line
                }
            })
        },
        |_: &Document, text: String| out.write_all(text.as_bytes()).map_err(Failure::Write),
    );
    let fed = args
        .sources
        .for_each(published, &progress, |doc| batch.push(doc));
    batch.finish(fed)?.finish()
}

/// A usage error when an input is a `.tml` file of the output directory, which an output
/// could replace (`dateline tag --out-dir out out/a.tml`).
fn refuse_inputs_in(dir: &Path, sources: &input::Sources) -> Result<(), Failure> {
    for input in sources.files.iter().chain(&sources.jsonl) {
        let tml = input
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("tml"));
        let parent = match input.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if tml && crate::output::same_file(parent, dir) {
            return Err(Failure::Usage(format!(
                "the input {} is a TimeML file of --out-dir {}, which the output could \
                 overwrite: write the output elsewhere",
                input.display(),
                dir.display()
            )));
        }
    }
    Ok(())
}

struct Sink<'a, W> {
    format: Format,
    out_dir: Option<&'a Path>,
    names: FileNames,
    out: &'a mut W,
}

impl<W: Write> Sink<'_, W> {
    fn emit(&mut self, doc: &Document) -> Result<(), Failure> {
        let timexes = tag_document(doc)?;
        match self.format {
            Format::Json => {
                let line = export::timexes_json(&doc.id, &doc.text, &timexes);
                writeln!(self.out, "{line}").map_err(Failure::Write)
            }
            Format::Text => {
                let table = text_table(&doc.id, &export::json_timexes(&doc.text, &timexes));
                self.out.write_all(table.as_bytes()).map_err(Failure::Write)
            }
            Format::Timeml => {
                let xml = export::timeml(&doc.id, &doc.text, doc.published, &timexes);
                match self.out_dir {
                    None => self.out.write_all(xml.as_bytes()).map_err(Failure::Write),
                    Some(dir) => {
                        let failed = |path: &Path, source| Failure::Output {
                            id: doc.id.clone(),
                            path: path.display().to_string(),
                            source,
                        };
                        let path = match self.names.name(&doc.id) {
                            Ok(name) => dir.join(name),
                            Err(other) => {
                                let path = dir.join(file_name(&doc.id, true));
                                let why = format!(
                                    "its file name is that of document {other:?} (letter case \
                                     ignored)"
                                );
                                return Err(failed(&path, std::io::Error::other(why)));
                            }
                        };
                        crate::output::write_file(&path, xml.as_bytes())
                            .map_err(|source| failed(&path, source))
                    }
                }
            }
        }
    }
}

/// The longest id (in bytes) that is its own file name; names stay well within the 255 bytes
/// most file systems allow.
const MAX_PLAIN: usize = 200;

/// How much of a sanitized id goes before the hash in a hashed name.
const MAX_HASHED: usize = 100;

/// A file name for a document id that stays inside the output directory: the id itself where
/// it is made of letters, digits, `.`, `-` and `_` and is short enough, else (or with `hashed`)
/// the id with other characters made `_`, cut short, and a hash of the whole id after a `~`,
/// which no plain name holds. Distinct ids give distinct names.
fn file_name(id: &str, hashed: bool) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    // "." and ".." (and names starting with a dot) would not be plain files of the directory.
    let plain = safe == id && !id.is_empty() && !id.starts_with('.') && id.len() <= MAX_PLAIN;
    if plain && !hashed {
        return format!("{safe}.tml");
    }
    let mut cut = MAX_HASHED.min(safe.len());
    while !safe.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("_{}~{:016x}.tml", &safe[..cut], fnv1a(id.as_bytes()))
}

/// FNV-1a, 64 bits: a hash that is the same in every run and on every platform.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The file names given so far, so that two documents never share one, even where the file
/// system ignores letter case ("A.tml" and "a.tml").
#[derive(Default)]
struct FileNames {
    /// By lower-cased name, the id that has it.
    used: HashMap<String, String>,
}

impl FileNames {
    /// The file name of document `id`: [`file_name`], hashed when the plain name is another
    /// document's; `Err` with that document's id when the hashed one is taken too.
    fn name(&mut self, id: &str) -> Result<String, String> {
        let mut last = String::new();
        for hashed in [false, true] {
            let name = file_name(id, hashed);
            match self.used.get(&name.to_lowercase()) {
                Some(other) if other != id => last = other.clone(),
                _ => {
                    self.used.insert(name.to_lowercase(), id.to_owned());
                    return Ok(name);
                }
            }
        }
        Err(last)
    }
}

/// One line per timex, columns aligned within the document:
/// `id  start-end  "text"  TYPE  value  mod`; a document without timexes gets one line saying so.
fn text_table(id: &str, timexes: &[JsonTimex]) -> String {
    // The text of each timex is quoted with its escapes; the id is written as it is, but for
    // control characters, which must not reach a terminal raw.
    let id: String = id
        .chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect();
    let id = id.as_str();
    let mut s = String::new();
    if timexes.is_empty() {
        let _ = writeln!(s, "{id}  (no temporal expressions)");
        return s;
    }
    let rows: Vec<[String; 5]> = timexes
        .iter()
        .map(|t| {
            [
                format!("{}-{}", t.start, t.end),
                format!("{:?}", t.text),
                t.kind.as_str().to_owned(),
                t.value.clone(),
                t.modifier
                    .map(|m| m.as_str().to_owned())
                    .unwrap_or_default(),
            ]
        })
        .collect();
    // Minimum widths keep most documents in the same columns without buffering them all.
    let mut widths = [11, 20, 8, 10, 0];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    for row in &rows {
        let mut line = id.to_owned();
        for (cell, w) in row.iter().zip(widths) {
            let _ = write!(line, "  {cell:<w$}");
        }
        let _ = writeln!(s, "{}", line.trim_end());
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline::time::{Modifier, TimexType};

    #[test]
    fn file_names_stay_in_the_directory() {
        assert_eq!(file_name("APW1998.0711", false), "APW1998.0711.tml");
        let name = file_name("../x/y", false);
        assert!(
            name.starts_with("_.._x_y~") && name.ends_with(".tml"),
            "{name}"
        );
        assert!(file_name("", false).starts_with("_~"));
        assert!(!file_name(".", false).starts_with('.'));
    }

    #[test]
    fn distinct_ids_give_distinct_file_names() {
        // Issue 18: all of these were `a_b.tml` (or `_.tml`), one file left.
        let ids = [
            "a/b", "a b", "a:b", "a\\b", "a_b", "", "_", ".", "..", "A_B", "a_B",
        ];
        let mut names = FileNames::default();
        let mut seen = std::collections::HashSet::new();
        for id in ids {
            let name = names
                .name(id)
                .unwrap_or_else(|other| panic!("{id:?}: {other:?}"));
            assert!(seen.insert(name.to_lowercase()), "{id:?}: {name} twice");
            assert!(
                !name.contains(['/', '\\']) && !name.starts_with('.'),
                "{name}"
            );
        }
        // Too long for a file name: cut, with a hash.
        for id in ["x".repeat(300), "é".repeat(130)] {
            let name = names.name(&id).unwrap_or_else(|other| panic!("{other:?}"));
            assert!(name.len() < 130, "{} bytes", name.len());
        }
        // The same id again (a second run into the directory) keeps its name.
        assert_eq!(names.name("a_b"), Ok("a_b.tml".to_owned()));
    }

    #[test]
    fn text_table_aligns_columns() {
        let t = |start, end, text: &str, value: &str, modifier| JsonTimex {
            start,
            end,
            text: text.to_owned(),
            kind: TimexType::Date,
            value: value.to_owned(),
            modifier,
        };
        let table = text_table(
            "d",
            &[
                t(3, 11, "11 April", "2021-04-11", None),
                t(120, 124, "2023", "2023", Some(Modifier::Start)),
            ],
        );
        assert_eq!(
            table,
            "d  3-11         \"11 April\"            DATE      2021-04-11\n\
             d  120-124      \"2023\"                DATE      2023        START\n"
        );
        assert_eq!(text_table("e", &[]), "e  (no temporal expressions)\n");
        assert_eq!(
            text_table("e\u{1b}[2J\t", &[]),
            "e\\u{1b}[2J\\u{9}  (no temporal expressions)\n"
        );
    }
}
