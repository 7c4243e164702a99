//! The pipeline's unit of work: [`Reading`], what one document yields on its own ([`read`]).
//!
//! Reading a document (its sentences, time expressions, names and where events are) is most
//! of the work of a timeline and needs no other document; publication dates inferred across
//! documents, clustering, reconciliation and assembly come after, in [`merge`](crate::merge),
//! from readings alone.

mod reading;

pub(crate) use reading::read_extracted;
pub use reading::{read, read_all, Reading, READING_VERSION};
