//! `dateline tag`.

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use dateline::export::{self, JsonTimex};
use dateline::Timex;

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
        std::fs::create_dir_all(dir).map_err(|source| Failure::Create {
            path: dir.display().to_string(),
            source,
        })?;
    }
    let mut sink = Sink {
        format: args.format,
        out_dir: args.out_dir.as_deref(),
        out,
    };
    args.sources
        .for_each(published, &Progress::documents("tagging"), |doc| {
            sink.emit(doc)
        })?
        .finish()
}

struct Sink<'a, W> {
    format: Format,
    out_dir: Option<&'a Path>,
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
                        let path = dir.join(file_name(&doc.id));
                        std::fs::write(&path, xml).map_err(|source| Failure::Create {
                            path: path.display().to_string(),
                            source,
                        })
                    }
                }
            }
        }
    }
}

/// A file name for a document id that stays inside the output directory.
fn file_name(id: &str) -> PathBuf {
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
    let safe = if safe.is_empty() || safe.starts_with('.') {
        format!("_{safe}")
    } else {
        safe
    };
    PathBuf::from(format!("{safe}.tml"))
}

/// One line per timex, columns aligned within the document:
/// `id  start-end  "text"  TYPE  value  mod`; a document without timexes gets one line saying so.
fn text_table(id: &str, timexes: &[JsonTimex]) -> String {
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
        assert_eq!(file_name("APW1998.0711"), PathBuf::from("APW1998.0711.tml"));
        assert_eq!(file_name("../x/y"), PathBuf::from("_.._x_y.tml"));
        assert_eq!(file_name(""), PathBuf::from("_.tml"));
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
    }
}
