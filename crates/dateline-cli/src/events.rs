//! `dateline events`.

use std::io::Write;

use dateline::Extraction;

use crate::failure::Failure;
use crate::input::{self, Document};
use crate::progress::Progress;
use crate::EventsArgs;

/// Runs the per-document stages on `doc`, a panic of the library becoming a
/// [`Failure::Internal`] that names it.
pub fn extract_document(doc: &Document) -> Result<Extraction, Failure> {
    input::guarded(doc, || dateline::extract(doc))
}

pub fn run(args: &EventsArgs, out: &mut impl Write) -> Result<(), Failure> {
    let mut emit = |doc: &Document| -> Result<(), Failure> {
        let extraction = extract_document(doc)?;
        let line = dateline::export::events_json(doc, &extraction);
        writeln!(out, "{line}").map_err(Failure::Write)
    };
    let published = args.sources.check()?;
    args.sources
        .for_each(
            published,
            &Progress::documents("finding events in"),
            |doc| emit(doc),
        )?
        .finish()
}
