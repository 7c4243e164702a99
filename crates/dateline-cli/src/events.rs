//! `dateline events`.

use std::io::Write;

use dateline::Extraction;

use crate::batch::InOrder;
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
    let published = args.sources.check()?;
    let mut batch = InOrder::new(
        |doc: &Document| {
            let extraction = extract_document(doc)?;
            Ok(dateline::export::events_json(doc, &extraction))
        },
        |_: &Document, line: String| {
            out.write_all(line.as_bytes())
                .and_then(|()| out.write_all(b"\n"))
                .map_err(Failure::Write)
        },
    );
    let fed = args.sources.for_each(
        published,
        &Progress::documents("finding events in"),
        |doc| batch.push(doc),
    );
    batch.finish(fed)?.finish()
}
