//! The pipeline: the one module that composes the stages into a timeline.
//!
//! ```text
//! documents ─ read ─→ readings ─┬─ publication dates (inferred, pass after pass) ─┐
//!                               └─ cluster ←──────────────────────────────────────┘
//!                                     └─ reconcile ─ assemble ─→ Timeline
//! ```
//!
//! [`read`] runs the per-document stages on one document ([`Reading`]). From readings,
//! [`ReadDocuments`] resolves each document's dates under its own publication date, then,
//! pass after pass, clusters the mentions and infers the publication dates that were not given
//! (the `merge` stage), resolving again the documents whose date changed; it then assembles
//! the events, each reconciled ([`reconcile`](crate::reconcile)), into a
//! [`Timeline`](crate::Timeline). [`TimelineBuilder`] is the front door;
//! [`Timeline::merge`](crate::Timeline::merge) and [`Timeline::add`](crate::Timeline::add)
//! build again from what a timeline was built from.
//!
//! The stages are leaves: none of them uses this module, and none uses a stage that comes
//! after it (see `docs/design.md`, "Pipeline").

mod builder;
mod documents;

#[doc(hidden)]
pub use crate::merge::{PairFeatures, RowFeatures, PAIR_FEATURES, ROW_FEATURES};
pub use crate::reading::{read, read_all, Reading, READING_VERSION};
pub use builder::TimelineBuilder;
pub use documents::{build, PairExample, PairMention, ReadDocuments, ReadObserver};
