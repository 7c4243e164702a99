//! The input: a document with an id, its text and, when known, its publication date; and
//! where a publication date came from ([`PublishedSource`]). It uses no stage.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Error;

/// A news article to read.
///
/// # Examples
///
/// ```
/// use dateline::Document;
///
/// let doc = Document::new("a1", "The talks began on Monday.").with_published_str("2023-03-17")?;
/// assert_eq!(doc.published.unwrap().to_string(), "2023-03-17");
/// let err = Document::new("a2", "…").with_published_str("2023-02-30").unwrap_err();
/// assert!(err.to_string().contains("a2"));
/// # Ok::<(), dateline::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Document {
    /// The document's id (a file's stem, or the `id` of a JSON line).
    pub id: String,
    /// The text.
    pub text: String,
    /// The publication date, when given.
    pub published: Option<NaiveDate>,
}

impl Document {
    /// A document with no publication date.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            published: None,
        }
    }

    /// Sets the publication date.
    #[must_use]
    pub fn with_published(mut self, published: NaiveDate) -> Self {
        self.published = Some(published);
        self
    }

    /// Sets the publication date from `YYYY-MM-DD`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPublished`] naming the value and this document.
    pub fn with_published_str(self, published: &str) -> Result<Self, Error> {
        let date = crate::parse_published(published).map_err(|e| e.in_document(&self.id))?;
        Ok(self.with_published(date))
    }
}

/// Where a document's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PublishedSource {
    /// Given by the caller (`published` field, `--published`, the API).
    Given,
    /// Read from the document's dateline.
    Dateline,
    /// Inferred from the document's dates and the events it shares with other documents, or,
    /// with nothing else to go on, from the other documents' dates (a document of a set is
    /// taken to be published from a month before the first dated one to three months after
    /// the last).
    Inferred,
    /// Not known.
    Unknown,
}

impl PublishedSource {
    /// `given`, `dateline`, `inferred` or `unknown`, as JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            PublishedSource::Given => "given",
            PublishedSource::Dateline => "dateline",
            PublishedSource::Inferred => "inferred",
            PublishedSource::Unknown => "unknown",
        }
    }
}
