//! The `reading` stage: [`Reading`], what one document yields on its own ([`read`]).
//!
//! Reading a document (its sentences, time expressions, names and where events are) is most
//! of the work of a timeline and needs no other document: it runs the per-document stages
//! ([`text`](crate::text), [`time`](crate::time), [`entity`](crate::entity),
//! [`event`](crate::event)). Publication dates inferred across documents, clustering,
//! reconciliation and assembly come after, in the [`pipeline`](crate::pipeline), from
//! readings alone.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::document::PublishedSource;
use crate::entity::Entities;
use crate::event::{Detection, EventModel, Extraction, Predictions};
use crate::text::Segmented;
use crate::time::Unresolved;
use crate::{Document, Error};

/// The version of the serialized forms ([`Reading::to_bytes`], [`Reading::to_json`]). Bytes of
/// another version are refused rather than misread.
pub const READING_VERSION: u32 = 2;

/// The first bytes of [`Reading::to_bytes`].
const MAGIC: &[u8; 4] = b"DLRD";

/// What one document yields on its own, before any other document is seen: its sentences and
/// tokens (the text once), its time expressions as written (resolved against a publication
/// date only when asked), its names with their keys, and where the event model found events.
///
/// Reading is most of the work of building a timeline. A reading depends on its document alone,
/// so readings can be made anywhere (another thread, another machine: a Spark executor) and
/// kept; [`TimelineBuilder::readings`](crate::TimelineBuilder::readings) builds a timeline from
/// them without reading any text again, and [`Timeline::merge`](crate::Timeline::merge)
/// combines the readings of two timelines. Publication dates inferred across documents are
/// applied by resolving the reading's dates again, which needs no second reading.
///
/// A reading serializes to a compact binary form ([`to_bytes`](Self::to_bytes), about twice
/// the size of the text) and to JSON ([`to_json`](Self::to_json)), both versioned
/// ([`READING_VERSION`]).
///
/// # Examples
///
/// ```
/// use dateline::{read, Document, Reading, TimelineBuilder};
///
/// let a = read(Document::new("a", "Aleksey Velsky met the delegation in Tarvik on 14 October 2031."));
/// let b = read(Document::new("b", "Alexei Velsky received the delegation in Tarvik on October 14, 2031."));
/// // Sent elsewhere and back: the bytes hold everything the timeline needs.
/// let b = Reading::from_bytes(&b.to_bytes())?;
/// assert_eq!(b.id(), "b");
/// let timeline = TimelineBuilder::new().readings([a, b]).build()?;
/// assert_eq!(timeline.events[0].mentions.len(), 2);
/// # Ok::<(), dateline::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    document: Document,
    segmented: Arc<Segmented>,
    timexes: Vec<Unresolved>,
    entities: Arc<Entities>,
    detections: Vec<Detection>,
}

/// Reads one document: see [`Reading`].
///
/// # Examples
///
/// ```
/// let reading = dateline::read(dateline::Document::new("a1", "The talks began on Monday."));
/// assert_eq!(reading.id(), "a1");
/// assert_eq!(reading.segmented().sentences.len(), 1);
/// ```
pub fn read(document: Document) -> Reading {
    read_extracted(document).0
}

/// Reads documents, on all cores with the `rayon` feature: the readings of
/// [`read`], in the order of the documents.
///
/// # Examples
///
/// ```
/// use dateline::{read_all, Document};
///
/// let readings = read_all(vec![Document::new("b", "They met."), Document::new("a", "They left.")]);
/// assert_eq!(readings.iter().map(|r| r.id()).collect::<Vec<_>>(), ["b", "a"]);
/// ```
pub fn read_all(documents: Vec<Document>) -> Vec<Reading> {
    #[cfg(feature = "rayon")]
    {
        use rayon::prelude::*;
        documents.into_par_iter().map(read).collect()
    }
    #[cfg(not(feature = "rayon"))]
    {
        documents.into_iter().map(read).collect()
    }
}

/// Reads one document, and finds what it says under its own publication date (given, else its
/// dateline's): the reading, how the date was known, and the extraction under it.
pub(crate) fn read_extracted(
    document: Document,
) -> (Reading, (Option<NaiveDate>, PublishedSource), Extraction) {
    let segmented = Arc::new(crate::text::segment(&document.text));
    let known = known_published(&document, &segmented);
    let text = document.text.as_str();
    let unresolved = crate::time::recognize(text, &segmented);
    let timexes = crate::time::resolve(&unresolved, &segmented, known.0);
    let entities = Arc::new(crate::entity::recognize(text, &segmented));
    let mut detections = Vec::new();
    let events = crate::event::find_events(
        text,
        &segmented,
        &timexes,
        &entities,
        known.0,
        Predictions::Record(EventModel::shipped(), &mut detections),
        None,
    );
    let extraction = Extraction {
        id: document.id.clone(),
        segmented: Arc::clone(&segmented),
        timexes,
        entities: Arc::clone(&entities),
        events,
    };
    let reading = Reading {
        document,
        segmented,
        timexes: unresolved,
        entities,
        detections,
    };
    (reading, known, extraction)
}

/// A document's publication date as far as it tells on its own: given, else a complete date
/// in its dateline.
fn known_published(
    document: &Document,
    segmented: &Segmented,
) -> (Option<NaiveDate>, PublishedSource) {
    match (document.published, segmented.dateline_day()) {
        (Some(p), _) => (Some(p), PublishedSource::Given),
        (None, Some(p)) => (Some(p), PublishedSource::Dateline),
        (None, None) => (None, PublishedSource::Unknown),
    }
}

/// The JSON form: the reading with its format and version.
#[derive(Serialize)]
struct JsonOut<'a> {
    format: &'static str,
    version: u32,
    reading: &'a Reading,
}

#[derive(Deserialize)]
struct JsonIn {
    format: String,
    version: u32,
    reading: Reading,
}

const JSON_FORMAT: &str = "dateline-reading";

impl Reading {
    /// The document's id.
    pub fn id(&self) -> &str {
        &self.document.id
    }

    /// The document read: its id, text and given publication date.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The document's text.
    pub fn text(&self) -> &str {
        &self.document.text
    }

    /// Its sentences and tokens.
    pub fn segmented(&self) -> &Segmented {
        &self.segmented
    }

    /// Its names and their mentions.
    pub fn entities(&self) -> &Entities {
        &self.entities
    }

    /// The same reading of the document given another publication date (`None`: none given).
    /// The date changes no word the model saw and no expression's span, only what dates
    /// resolve to, which is done when the reading is used: nothing is read again.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use dateline::{read, Document};
    ///
    /// let day = NaiveDate::from_ymd_opt(2023, 3, 17);
    /// let reading = read(Document::new("a", "The talks began on Monday.")).with_published(day);
    /// assert_eq!(reading.document().published, day);
    /// assert_eq!(reading, read(Document { published: day, ..Document::new("a", "The talks began on Monday.") }));
    /// ```
    #[must_use]
    pub fn with_published(mut self, published: Option<NaiveDate>) -> Reading {
        self.document.published = published;
        self
    }

    /// The publication date the document gives on its own (given, else its dateline's), and
    /// how it was known.
    pub fn known_published(&self) -> (Option<NaiveDate>, PublishedSource) {
        known_published(&self.document, &self.segmented)
    }

    /// What the document says with its dates resolved against `published` (`None`: its
    /// dateline's date, else left partial), as [`extract`](crate::extract) finds it: the event
    /// model is not run again.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    ///
    /// let reading = dateline::read(dateline::Document::new("a", "The talks began on Monday."));
    /// let x = reading.extraction(NaiveDate::from_ymd_opt(2023, 3, 17));
    /// assert_eq!(x.timexes[0].value.timex(), "2023-03-13");
    /// assert_eq!(reading.extraction(None).timexes[0].value.timex(), "XXXX-WXX-1");
    /// ```
    pub fn extraction(&self, published: Option<NaiveDate>) -> Extraction {
        let timexes = crate::time::resolve(&self.timexes, &self.segmented, published);
        self.extraction_with(timexes, published)
    }

    /// [`extraction`](Self::extraction) for an undated document that may have been published
    /// on `day`, one of the days from `earliest` on: a bare weekday after a recent day the text
    /// names counts from that day, as with no publication date ([`crate::time`]).
    pub(crate) fn extraction_guessing(&self, day: NaiveDate, earliest: NaiveDate) -> Extraction {
        let timexes = crate::time::resolve_guessing(&self.timexes, &self.segmented, day, earliest);
        self.extraction_with(timexes, Some(day))
    }

    fn extraction_with(
        &self,
        timexes: Vec<crate::time::Timex>,
        published: Option<NaiveDate>,
    ) -> Extraction {
        let text = self.document.text.as_str();
        let events = crate::event::find_events(
            text,
            &self.segmented,
            &timexes,
            &self.entities,
            published,
            Predictions::Replay(EventModel::shipped(), &self.detections),
            None,
        );
        Extraction {
            id: self.document.id.clone(),
            segmented: Arc::clone(&self.segmented),
            timexes,
            entities: Arc::clone(&self.entities),
            events,
        }
    }

    /// The compact binary form: `DLRD`, the format version as 4 bytes little-endian, then the
    /// reading in [postcard](https://docs.rs/postcard).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.document.text.len() * 2 + 64);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&READING_VERSION.to_le_bytes());
        // Writing to a vector fails only on a type serde cannot write; a reading has none.
        postcard::to_extend(self, out).unwrap_or_default()
    }

    /// Reads the binary form back.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidReading`] when the bytes are not a reading of this format version, or
    /// do not hold together (an offset outside the text, a sentence with tokens it does not
    /// have).
    pub fn from_bytes(bytes: &[u8]) -> Result<Reading, Error> {
        let invalid = |reason: String| Error::InvalidReading { id: None, reason };
        let Some((magic, rest)) = bytes.split_first_chunk::<4>() else {
            return Err(invalid(format!("{} bytes are too few", bytes.len())));
        };
        if magic != MAGIC {
            return Err(invalid(format!(
                "it does not start with {:?}",
                String::from_utf8_lossy(MAGIC)
            )));
        }
        let Some((version, body)) = rest.split_first_chunk::<4>() else {
            return Err(invalid("it ends before its version".to_owned()));
        };
        let version = u32::from_le_bytes(*version);
        if version != READING_VERSION {
            return Err(invalid(format!(
                "it is format version {version}; this dateline reads version {READING_VERSION}"
            )));
        }
        let reading: Reading =
            postcard::from_bytes(body).map_err(|e| invalid(format!("damaged bytes: {e}")))?;
        reading.check()?;
        Ok(reading)
    }

    /// The JSON form: `{"format": "dateline-reading", "version": 2, "reading": {…}}`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&JsonOut {
            format: JSON_FORMAT,
            version: READING_VERSION,
            reading: self,
        })
        .unwrap_or_default()
    }

    /// Reads the JSON form back.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidReading`] as for [`from_bytes`](Self::from_bytes).
    pub fn from_json(json: &str) -> Result<Reading, Error> {
        let invalid = |reason: String| Error::InvalidReading { id: None, reason };
        let parsed: JsonIn =
            serde_json::from_str(json).map_err(|e| invalid(format!("not a reading: {e}")))?;
        if parsed.format != JSON_FORMAT {
            return Err(invalid(format!(
                "its format is {:?}, not {JSON_FORMAT:?}",
                parsed.format
            )));
        }
        if parsed.version != READING_VERSION {
            return Err(invalid(format!(
                "it is format version {}; this dateline reads version {READING_VERSION}",
                parsed.version
            )));
        }
        parsed.reading.check()?;
        Ok(parsed.reading)
    }

    /// Checks that what was deserialized holds together, so that no later stage indexes out
    /// of bounds: spans inside the text on character boundaries and in order, indexes that
    /// point at something.
    fn check(&self) -> Result<(), Error> {
        let fail = |reason: String| {
            Err(Error::InvalidReading {
                id: Some(self.document.id.clone()),
                reason,
            })
        };
        let text = self.document.text.as_str();
        let span = |what: &str, start: usize, end: usize| -> Result<(), String> {
            if start <= end && text.is_char_boundary(start) && text.is_char_boundary(end) {
                Ok(())
            } else {
                Err(format!(
                    "{what} at bytes {start}..{end} is not a span of its {}-byte text",
                    text.len()
                ))
            }
        };
        let seg = &self.segmented;
        let mut last = 0;
        for t in &seg.tokens {
            if let Err(e) = span("a token", t.start, t.end) {
                return fail(e);
            }
            if t.start < last {
                return fail(format!("the token at byte {} is out of order", t.start));
            }
            last = t.end;
        }
        let mut last = (0, 0);
        for s in &seg.sentences {
            if let Err(e) = span("a sentence", s.start, s.end) {
                return fail(e);
            }
            if s.tokens.start > s.tokens.end || s.tokens.end > seg.tokens.len() {
                return fail(format!(
                    "the sentence at byte {} has tokens {:?} of {}",
                    s.start,
                    s.tokens,
                    seg.tokens.len()
                ));
            }
            let outside = seg.tokens[s.tokens.clone()]
                .iter()
                .any(|t| t.start < s.start || t.end > s.end);
            if outside {
                return fail(format!(
                    "the sentence at byte {} has tokens outside it",
                    s.start
                ));
            }
            if (s.start, s.tokens.start) < last {
                return fail(format!("the sentence at byte {} is out of order", s.start));
            }
            last = (s.end, s.tokens.end);
        }
        if let Some(d) = &seg.dateline {
            if let Err(e) = span("the dateline", d.start, d.end) {
                return fail(e);
            }
        }
        let mut last = 0;
        for t in &self.timexes {
            if let Err(e) = span("a time expression", t.start, t.end) {
                return fail(e);
            }
            if t.start < last {
                return fail(format!(
                    "the time expression at byte {} is out of order",
                    t.start
                ));
            }
            last = t.end;
        }
        let mut last = 0;
        for m in &self.entities.mentions {
            if let Err(e) = span("a name", m.start, m.end) {
                return fail(e);
            }
            if let Some((s, e)) = m.title {
                if let Err(e) = span("a title", s, e) {
                    return fail(e);
                }
            }
            let in_sentence = seg
                .sentences
                .get(m.sentence)
                .is_some_and(|s| s.start <= m.start && m.end <= s.end);
            if m.start < last || m.entity >= self.entities.entities.len() || !in_sentence {
                return fail(format!(
                    "the name at byte {} is out of order or points nowhere",
                    m.start
                ));
            }
            last = m.start;
        }
        let mut last = (0, 0);
        for d in &self.detections {
            let words = seg
                .sentences
                .get(d.sentence as usize)
                .map(|s| s.tokens.len());
            if words.is_none_or(|n| d.word as usize >= n) || (d.sentence, d.word) < last {
                return fail(format!(
                    "an event at word {} of sentence {} is out of order or points nowhere",
                    d.word, d.sentence
                ));
            }
            last = (d.sentence, d.word);
        }
        Ok(())
    }
}
