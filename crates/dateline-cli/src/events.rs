//! `dateline events`.

use std::io::Write;
use std::panic::{self, AssertUnwindSafe};

use dateline::Extraction;

use crate::failure::Failure;
use crate::input::{self, Document};
use crate::EventsArgs;

/// Runs the per-document stages on `doc`, turning a panic of the library into a
/// [`Failure::Internal`] that names the document (the panic hook has already printed the
/// panic message).
pub fn extract_document(doc: &Document) -> Result<Extraction, Failure> {
    panic::catch_unwind(AssertUnwindSafe(|| dateline::extract(doc))).map_err(|_| {
        Failure::Internal {
            doc: doc.id.clone(),
        }
    })
}

pub fn run(args: &EventsArgs, out: &mut impl Write) -> Result<(), Failure> {
    let mut published = input::Published::parse(&args.published)?;
    let stdin_uses = args
        .files
        .iter()
        .chain(&args.jsonl)
        .filter(|p| p.as_os_str() == "-")
        .count();
    if stdin_uses > 1 {
        return Err(Failure::Usage(
            "standard input (`-`) can be read only once".to_owned(),
        ));
    }
    let mut emit = |doc: &Document| -> Result<(), Failure> {
        let extraction = extract_document(doc)?;
        let line = dateline::export::events_json(doc, &extraction);
        writeln!(out, "{line}").map_err(Failure::Write)
    };
    for path in input::expand_paths(&args.files)? {
        let mut doc = input::read_text(&path, None)?;
        published.apply(&mut doc);
        emit(&doc)?;
    }
    for path in &args.jsonl {
        for line in input::json_lines(path)? {
            let mut doc = line?.document(None)?;
            published.apply(&mut doc);
            emit(&doc)?;
        }
    }
    input::warn_unused(&published);
    Ok(())
}
