//! Per-document work on every core, written in input order: what `tag` and `events` compute
//! for a document depends on no other, so documents are gathered into batches, each batch is
//! worked on in parallel (rayon), and the results are written one by one in the order read.
//! The output is the same, byte for byte, as one document at a time.

use rayon::prelude::*;

use crate::failure::Failure;
use crate::input::Document;

/// A batch is worked on when it holds this many documents…
const BATCH_DOCUMENTS: usize = 256;
/// … or this many bytes of text, so that memory stays bounded whatever the documents' sizes.
const BATCH_BYTES: usize = 4 << 20;

/// Documents waiting for their work, and what is done with each result.
pub struct InOrder<W, R> {
    pending: Vec<Document>,
    bytes: usize,
    work: W,
    write: R,
}

impl<T, W, R> InOrder<W, R>
where
    T: Send,
    W: Fn(&Document) -> Result<T, Failure> + Sync,
    R: FnMut(&Document, T) -> Result<(), Failure>,
{
    /// `work` runs on documents in parallel; `write` takes each result in input order.
    pub fn new(work: W, write: R) -> Self {
        InOrder {
            pending: Vec::new(),
            bytes: 0,
            work,
            write,
        }
    }

    /// Adds a document; a full batch is worked on and written.
    pub fn push(&mut self, doc: &Document) -> Result<(), Failure> {
        self.bytes += doc.text.len();
        self.pending.push(doc.clone());
        if self.pending.len() >= BATCH_DOCUMENTS || self.bytes >= BATCH_BYTES {
            self.flush()?;
        }
        Ok(())
    }

    /// Works on the waiting documents and writes their results in order, stopping at the
    /// first failure (the documents before it written, as one at a time would have).
    pub fn flush(&mut self) -> Result<(), Failure> {
        let work = &self.work;
        let results: Vec<Result<T, Failure>> = self.pending.par_iter().map(work).collect();
        self.bytes = 0;
        let pending = std::mem::take(&mut self.pending);
        for (doc, result) in pending.iter().zip(results) {
            (self.write)(doc, result?)?;
        }
        Ok(())
    }

    /// Ends a run of [`Sources::for_each`](crate::input::Sources::for_each) that fed the
    /// batches: what was read before it stopped is written, unless writing is what failed.
    pub fn finish<O>(mut self, fed: Result<O, Failure>) -> Result<O, Failure> {
        match fed {
            Err(e @ Failure::Write(_)) => Err(e),
            Err(e) => {
                self.flush()?;
                Err(e)
            }
            Ok(outcome) => {
                self.flush()?;
                Ok(outcome)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order_and_stop_at_the_first_failure() {
        let mut written = Vec::new();
        let docs: Vec<Document> = (0..600)
            .map(|i| Document::new(format!("d{i}"), "x".repeat(i % 7)))
            .collect();
        let outcome = {
            let mut batch = InOrder::new(
                |d: &Document| {
                    if d.id == "d555" {
                        Err(Failure::Usage("bad".to_owned()))
                    } else {
                        Ok(d.id.clone())
                    }
                },
                |_: &Document, id: String| {
                    written.push(id);
                    Ok(())
                },
            );
            let fed: Result<(), Failure> = docs.iter().try_for_each(|d| batch.push(d));
            batch.finish(fed)
        };
        assert!(outcome.is_err());
        let expected: Vec<String> = (0..555).map(|i| format!("d{i}")).collect();
        assert_eq!(written, expected);
    }
}
