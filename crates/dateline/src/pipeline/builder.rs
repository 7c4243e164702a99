//! [`TimelineBuilder`], and the ways a [`Timeline`] grows: [`Timeline::merge`] and
//! [`Timeline::add`].

use std::collections::BTreeMap;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use super::documents::{check_weights, ReadDocuments, ReadObserver};
use crate::par::Stop;
use crate::reconcile::{DefaultPolicy, Policy};
use crate::timeline::Timeline;
use crate::{Document, Error, Reading};

// Growing a timeline builds it again from what it was built from: that composes the stages,
// so it is the pipeline's, not the timeline data's.
impl Timeline {
    /// The timeline of both document sets, exactly as if built from all of them at once:
    /// publication dates are inferred again and events join across the two sets. Merging is
    /// commutative, associative and idempotent (a document in both sets counts once).
    ///
    /// A filtered view ([`about`](Self::about), [`between`](Self::between)) merges as the
    /// whole timeline it came from; filter the merged timeline again.
    ///
    /// # Errors
    ///
    /// [`Error::DuplicateDocument`] when the two sets hold different documents under one id;
    /// [`Error::IncompatibleTimelines`] when they were built with different policies or give
    /// one source different weights.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline::{Document, TimelineBuilder};
    ///
    /// let a = Document::new("a", "Sergey Lavrov met the delegation in Moscow on 12 September 2022.");
    /// let b = Document::new("b", "Sergei Lavrov received the delegation in Moscow on September 12, 2022.");
    /// let left = TimelineBuilder::new().document(a.clone()).build()?;
    /// let right = TimelineBuilder::new().document(b.clone()).build()?;
    /// let merged = left.merge(&right)?;
    /// assert_eq!(merged, TimelineBuilder::new().documents([a, b]).build()?);
    /// assert_eq!(merged.events[0].mentions.len(), 2);
    /// # Ok::<(), dateline::Error>(())
    /// ```
    pub fn merge(&self, other: &Timeline) -> Result<Timeline, Error> {
        self.merge_until(other, Stop::default())
    }

    /// [`merge`](Self::merge), stopped soon after `flag` is set from another thread (a
    /// merge builds the timeline again: see [`TimelineBuilder::interruptible`]).
    ///
    /// # Errors
    ///
    /// Those of [`merge`](Self::merge), and [`Error::Interrupted`] once `flag` is set.
    pub fn merge_interruptible(
        &self,
        other: &Timeline,
        flag: &AtomicBool,
    ) -> Result<Timeline, Error> {
        self.merge_until(other, Stop::on(flag))
    }

    fn merge_until(&self, other: &Timeline, stop: Stop<'_>) -> Result<Timeline, Error> {
        let (mine, theirs) = (&self.built_from, &other.built_from);
        if mine.policy.config() != theirs.policy.config() {
            return Err(Error::IncompatibleTimelines {
                reason: format!(
                    "one was built with the policy {:?}, the other with {:?}",
                    mine.policy.config(),
                    theirs.policy.config()
                ),
            });
        }
        let mut weights = mine.source_weights.clone();
        for (id, &w) in &theirs.source_weights {
            match weights.get(id) {
                Some(&v) if v != w => {
                    return Err(Error::IncompatibleTimelines {
                        reason: format!("source {id:?} weighs {v} in one and {w} in the other"),
                    })
                }
                _ => {
                    weights.insert(id.clone(), w);
                }
            }
        }
        // What each reading says under its own publication date does not depend on the other
        // documents: it is kept, and nothing is read or resolved again but where the other
        // set changes an inferred publication date.
        ReadDocuments::built_from(mine)
            .combine(ReadDocuments::built_from(theirs))?
            .build_until(Arc::clone(&mine.policy), &weights, stop)
    }

    /// The timeline of its documents and `documents`, exactly as if built from all of them at
    /// once, reading only the new documents. A document it already has (same id, text and
    /// date) counts once.
    ///
    /// # Errors
    ///
    /// [`Error::DuplicateDocument`] when a new document has the id of a different one.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline::{Document, TimelineBuilder};
    ///
    /// let a = Document::new("a", "Sergey Lavrov met the delegation in Moscow on 12 September 2022.");
    /// let b = Document::new("b", "Sergei Lavrov received the delegation in Moscow on September 12, 2022.");
    /// let grown = TimelineBuilder::new().document(a.clone()).build()?.add([b.clone()])?;
    /// assert_eq!(grown, TimelineBuilder::new().documents([a, b]).build()?);
    /// # Ok::<(), dateline::Error>(())
    /// ```
    pub fn add(&self, documents: impl IntoIterator<Item = Document>) -> Result<Timeline, Error> {
        self.add_until(documents.into_iter().collect(), Vec::new(), Stop::default())
    }

    /// [`add`](Self::add) of documents and of readings (which are not read), stopped soon
    /// after `flag` is set from another thread (see [`TimelineBuilder::interruptible`]).
    ///
    /// # Errors
    ///
    /// Those of [`add`](Self::add), and [`Error::Interrupted`] once `flag` is set.
    pub fn add_interruptible(
        &self,
        documents: Vec<Document>,
        readings: Vec<Arc<Reading>>,
        flag: &AtomicBool,
    ) -> Result<Timeline, Error> {
        self.add_until(documents, readings, Stop::on(flag))
    }

    fn add_until(
        &self,
        documents: Vec<Document>,
        readings: Vec<Arc<Reading>>,
        stop: Stop<'_>,
    ) -> Result<Timeline, Error> {
        let b = &self.built_from;
        let mut new = ReadDocuments::read_all(documents, &|_| {}, stop)?;
        if !readings.is_empty() {
            new = new.combine(ReadDocuments::from_shared(readings, stop)?)?;
        }
        ReadDocuments::built_from(b).combine(new)?.build_until(
            Arc::clone(&b.policy),
            &b.source_weights,
            stop,
        )
    }
}

/// Builds a [`Timeline`] from documents.
///
/// # Examples
///
/// ```
/// use dateline::{Document, TimelineBuilder};
///
/// let a = Document::new("a", "Foreign Minister Sergey Lavrov met the delegation in Moscow on 12 September 2022.");
/// let b = Document::new("b", "Sergei Lavrov received the delegation in Moscow on September 12, 2022.");
/// let timeline = TimelineBuilder::new().documents([a, b]).build()?;
/// let meeting = &timeline.events[0];
/// assert_eq!(meeting.when.unwrap().to_string(), "2022-09-12");
/// assert_eq!(meeting.mentions.len(), 2);
/// assert!(meeting.conflict.is_none());
/// # Ok::<(), dateline::Error>(())
/// ```
pub struct TimelineBuilder {
    documents: Vec<Document>,
    readings: Vec<Arc<Reading>>,
    policy: Arc<dyn Policy>,
    source_weights: BTreeMap<String, f64>,
    on_read: Option<Box<ReadObserver>>,
    interrupt: Option<Arc<AtomicBool>>,
}

impl Default for TimelineBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl TimelineBuilder {
    /// A builder with no documents and the default policy.
    pub fn new() -> Self {
        TimelineBuilder {
            documents: Vec::new(),
            readings: Vec::new(),
            policy: Arc::new(DefaultPolicy),
            source_weights: BTreeMap::new(),
            on_read: None,
            interrupt: None,
        }
    }

    /// Stops the build soon after `flag` is set from another thread (on Ctrl-C, say):
    /// [`build`](Self::build) then returns [`Error::Interrupted`]. The flag is looked at for
    /// each document read and each step of merging, so the build stops within about the time
    /// one document takes.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::sync::atomic::AtomicBool;
    /// use std::sync::Arc;
    /// use dateline::{Document, Error, TimelineBuilder};
    ///
    /// let flag = Arc::new(AtomicBool::new(true)); // already set: nothing is read
    /// let built = TimelineBuilder::new()
    ///     .document(Document::new("a", "They met on 3 March 2021."))
    ///     .interruptible(flag)
    ///     .build();
    /// assert_eq!(built, Err(Error::Interrupted));
    /// ```
    #[must_use]
    pub fn interruptible(mut self, flag: Arc<AtomicBool>) -> Self {
        self.interrupt = Some(flag);
        self
    }

    /// Calls `observer` once for each document read, with the document's length in bytes, to
    /// show the progress of a long build (reading the documents is most of its work). The
    /// observer may be called from several threads at once (the `rayon` feature) and in any
    /// order; the timeline does not depend on it.
    #[must_use]
    pub fn on_document_read(mut self, observer: impl Fn(usize) + Send + Sync + 'static) -> Self {
        self.on_read = Some(Box::new(observer));
        self
    }

    /// Adds a document.
    #[must_use]
    pub fn document(mut self, doc: Document) -> Self {
        self.documents.push(doc);
        self
    }

    /// Adds documents.
    #[must_use]
    pub fn documents(mut self, docs: impl IntoIterator<Item = Document>) -> Self {
        self.documents.extend(docs);
        self
    }

    /// Adds documents already read ([`read`](crate::read)): they are not read again.
    #[must_use]
    pub fn readings(mut self, readings: impl IntoIterator<Item = Reading>) -> Self {
        self.readings.extend(readings.into_iter().map(Arc::new));
        self
    }

    /// Adds shared readings, such as those of another timeline ([`Timeline::readings`]).
    #[must_use]
    pub fn shared_readings(mut self, readings: impl IntoIterator<Item = Arc<Reading>>) -> Self {
        self.readings.extend(readings);
        self
    }

    /// Sets the policy that chooses among conflicting dates.
    #[must_use]
    pub fn policy(mut self, policy: impl Policy + 'static) -> Self {
        self.policy = Arc::new(policy);
        self
    }

    /// Weighs the claims of one source (by document id); the default weight is 1.
    #[must_use]
    pub fn source_weight(mut self, id: impl Into<String>, weight: f64) -> Self {
        self.source_weights.insert(id.into(), weight);
        self
    }

    /// Reads the documents and builds their timeline.
    ///
    /// # Errors
    ///
    /// [`Error::DuplicateDocument`] when two different documents (or readings) share an id;
    /// [`Error::InvalidWeight`] when a source weight is negative, infinite or NaN;
    /// [`Error::Interrupted`] when the flag of [`interruptible`](Self::interruptible) is set.
    pub fn build(self) -> Result<Timeline, Error> {
        check_weights(&self.source_weights)?;
        let stop = self
            .interrupt
            .as_deref()
            .map_or_else(Stop::default, Stop::on);
        let read = match &self.on_read {
            Some(observer) => ReadDocuments::read_all(self.documents, observer.as_ref(), stop)?,
            None => ReadDocuments::read_all(self.documents, &|_| {}, stop)?,
        };
        let read = if self.readings.is_empty() {
            read
        } else {
            read.combine(ReadDocuments::from_shared(self.readings, stop)?)?
        };
        read.build_until(self.policy, &self.source_weights, stop)
    }
}
