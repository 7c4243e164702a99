//! The native module `dateline._dateline` of the Python package `dateline`.
//!
//! A thin layer over the `dateline` crate: it converts arguments, releases the GIL around the
//! work, maps [`dateline::Error`] to Python exceptions, and hands values back as the JSON
//! contract (code-point offsets, ISO dates) for the pure-Python package in `python/dateline/`
//! to turn into immutable objects. Dates cross as `YYYY-MM-DD` strings, so no date conversion
//! lives here. No logic of the library is repeated here.

use std::any::Any;
use std::collections::{BTreeMap, BTreeSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use chrono::NaiveDate;
use dateline::export::{self, JsonTimex, JsonWhen};
use dateline::reconcile::{DefaultPolicy, Earliest, Latest, TrustedFirst};
use dateline::time::{Anchoring, DateValue};
use dateline::timeline::Filter;
use dateline::{Document, Error, Reading, Timeline, TimelineBuilder};
use pyo3::create_exception;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};
use serde::Serialize;
use serde_json::Value;

create_exception!(
    dateline,
    DatelineError,
    PyValueError,
    "Bad input to dateline: the message names the value and the document."
);
create_exception!(
    dateline,
    InvalidPublishedError,
    DatelineError,
    "A publication date that is not a real calendar day written as YYYY-MM-DD."
);
create_exception!(
    dateline,
    DuplicateDocumentError,
    DatelineError,
    "Two documents of one timeline share an id."
);
create_exception!(
    dateline,
    IncompatibleTimelinesError,
    DatelineError,
    "Timelines built with different policies or source weights cannot merge."
);
create_exception!(
    dateline,
    InvalidReadingError,
    DatelineError,
    "Bytes that are not a reading this version of dateline can read."
);
create_exception!(
    dateline,
    InvalidWeightError,
    DatelineError,
    "A source weight that is not a finite number of 0 or more."
);

/// The Python exception of a library error; the message is the error's own, which names the
/// value and the document. `Error` is non-exhaustive: new variants raise the base class.
fn py_error(e: Error) -> PyErr {
    let message = e.to_string();
    match e {
        Error::InvalidPublished { .. } => InvalidPublishedError::new_err(message),
        Error::DuplicateDocument { .. } => DuplicateDocumentError::new_err(message),
        Error::IncompatibleTimelines { .. } => IncompatibleTimelinesError::new_err(message),
        Error::InvalidWeight { .. } => InvalidWeightError::new_err(message),
        Error::InvalidReading { .. } => InvalidReadingError::new_err(message),
        _ => DatelineError::new_err(message),
    }
}

/// Runs library work with the GIL released, so that other Python threads run meanwhile. A
/// panic (a bug in the library) becomes a `RuntimeError` naming what was being done, instead of
/// pyo3's `PanicException`, which `except Exception` would not catch.
fn detached<T: Send>(py: Python<'_>, what: &str, work: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(|| {
        let run = || catch_unwind(AssertUnwindSafe(work));
        match process_pool() {
            Some(pool) => pool.install(run),
            None => run(),
        }
    })
    .map_err(|payload| PyRuntimeError::new_err(internal(what, payload.as_ref())))
}

/// How often a long build, waiting for its result, looks for a signal (Ctrl-C).
const SIGNAL_CHECK: Duration = Duration::from_millis(50);

/// Runs a long build off this thread, with the GIL released, and every [`SIGNAL_CHECK`]
/// takes the GIL back to run Python's signal handlers: Ctrl-C raises `KeyboardInterrupt` at
/// once (Python only handles signals on its main thread, between bytecodes, never while
/// native code runs). `stop` is then set, which the library looks at for each document and
/// each step of merging, so the build stops soon after on its own. A panic becomes a
/// `RuntimeError`, as in [`detached`].
fn interruptible<T: Send + 'static>(
    py: Python<'_>,
    what: &str,
    stop: Arc<AtomicBool>,
    work: impl FnOnce() -> T + Send + 'static,
) -> PyResult<T> {
    let (sender, mut receiver) = mpsc::channel();
    let job = move || {
        // The caller may have gone (interrupted): the result is then dropped.
        let _ = sender.send(catch_unwind(AssertUnwindSafe(work)));
    };
    match process_pool() {
        Some(pool) => pool.spawn(job),
        None => {
            std::thread::Builder::new()
                .spawn(job)
                .map_err(|e| PyRuntimeError::new_err(format!("cannot start {what}: {e}")))?;
        }
    }
    loop {
        // The receiver goes into the closure and back: it may move to another thread, not be
        // shared with one.
        let got;
        (receiver, got) = py.detach(move || {
            let got = receiver.recv_timeout(SIGNAL_CHECK);
            (receiver, got)
        });
        match got {
            Ok(Ok(value)) => return Ok(value),
            Ok(Err(payload)) => {
                return Err(PyRuntimeError::new_err(internal(what, payload.as_ref())))
            }
            Err(RecvTimeoutError::Timeout) => {
                if let Err(e) = py.check_signals() {
                    stop.store(true, Ordering::Relaxed);
                    return Err(e);
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Err(PyRuntimeError::new_err(format!(
                    "dateline failed while {what}: the work ended without a result; please \
                     report it"
                )))
            }
        }
    }
}

/// The thread pool of this process, and the process it was made in.
static POOL: Mutex<Option<(u32, Arc<ThreadPool>)>> = Mutex::new(None);

/// The thread pool that reads documents in parallel. Not rayon's global pool: its threads do
/// not survive `fork()`, so a child made by `multiprocessing` (fork is the default on Linux
/// before Python 3.14) would wait on them forever. A child gets a pool of its own instead.
fn process_pool() -> Option<Arc<ThreadPool>> {
    let pid = std::process::id();
    let mut slot = POOL.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((owner, pool)) = slot.as_ref() {
        if *owner == pid {
            return Some(Arc::clone(pool));
        }
    }
    let pool = Arc::new(ThreadPoolBuilder::new().build().ok()?);
    // The parent's pool has no threads in this process: dropping it would signal threads that
    // are not there, so it is left alone.
    if let Some(inherited) = slot.replace((pid, Arc::clone(&pool))) {
        std::mem::forget(inherited);
    }
    Some(pool)
}

fn internal(what: &str, payload: &(dyn Any + Send)) -> String {
    let detail = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    format!("dateline failed while {what}: internal error ({detail}); please report it")
}

/// Serializes the values handed to Python; they hold only strings, numbers and dates, so this
/// cannot fail, but a failure is still an exception rather than a panic.
fn to_json<T: Serialize>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| PyRuntimeError::new_err(e.to_string()))
}

/// A date value as the JSON contract's `when`, plus `display`: the date as a reader writes it.
#[derive(Serialize)]
struct When {
    #[serde(flatten)]
    when: JsonWhen,
    display: String,
}

impl From<&DateValue> for When {
    fn from(value: &DateValue) -> Self {
        When {
            when: JsonWhen::from(value),
            display: export::display_date(value),
        }
    }
}

/// Replaces the `when` of a JSON object with the [`When`] of `value`.
fn set_when(object: &mut Value, value: Option<&DateValue>) -> PyResult<()> {
    if let (Some(map), Some(value)) = (object.as_object_mut(), value) {
        let when = serde_json::to_value(When::from(value))
            .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
        map.insert("when".to_owned(), when);
    }
    Ok(())
}

/// The array under `key` of a JSON object, if there is one.
fn array<'a>(object: &'a mut Value, key: &str) -> impl Iterator<Item = &'a mut Value> {
    object
        .get_mut(key)
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
}

/// The timeline as the JSON contract, with `display` added to every `when`.
fn timeline_payload(timeline: &Timeline) -> PyResult<String> {
    let mut json = serde_json::to_value(export::json_timeline(timeline))
        .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
    // The contract's events are the timeline's, in order.
    for (event, object) in timeline.events.iter().zip(array(&mut json, "events")) {
        set_when(object, event.when.as_ref())?;
        for (mention, m) in event.mentions.iter().zip(array(object, "mentions")) {
            set_when(m, mention.when.as_ref())?;
        }
        if let (Some(conflict), Some(c)) = (&event.conflict, object.get_mut("conflict")) {
            for (claim, cl) in conflict.claims.iter().zip(array(c, "claims")) {
                set_when(cl, Some(&claim.when))?;
            }
        }
    }
    to_json(&json)
}

/// One temporal expression: the JSON of `dateline tag`, its anchoring and, for dates, `when`.
#[derive(Serialize)]
struct TimexOut {
    #[serde(flatten)]
    timex: JsonTimex,
    anchoring: Anchoring,
    when: Option<When>,
}

/// A publication date given as `YYYY-MM-DD`, for the named document if any.
fn published(value: Option<&str>, document: Option<&str>) -> PyResult<Option<NaiveDate>> {
    value
        .map(|v| {
            dateline::parse_published(v).map_err(|e| match document {
                Some(id) => py_error(e.in_document(id)),
                None => py_error(e),
            })
        })
        .transpose()
}

/// Parses a publication date written `YYYY-MM-DD` (surrounding blanks allowed) and returns it
/// in that form; raises `InvalidPublishedError` naming the value and `document`.
#[pyfunction]
#[pyo3(signature = (value, document=None))]
fn parse_published(value: &str, document: Option<&str>) -> PyResult<String> {
    let day = published(Some(value), document)?;
    Ok(day.map(|d| d.to_string()).unwrap_or_default())
}

/// The first and last day of a date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as
/// `YYYY-MM-DD`; raises `ValueError` saying what is wrong ("no such month 13").
#[pyfunction]
fn parse_date_range(value: &str) -> PyResult<(String, String)> {
    dateline::parse_date_range(value)
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .map_err(|problem| PyValueError::new_err(problem.to_string()))
}

/// The temporal expressions of `text` as a JSON array: `start`, `end` (code points), `text`,
/// `type`, `value`, `mod` (when there is one), `anchoring`, and `when` for dates and times.
#[pyfunction]
#[pyo3(signature = (text, published=None))]
fn tag(py: Python<'_>, text: String, published: Option<&str>) -> PyResult<String> {
    let dct = self::published(published, None)?;
    detached(py, "tagging a text", move || {
        let timexes = dateline::tag(&text, dct);
        let json = export::json_timexes(&text, &timexes);
        json.into_iter()
            .zip(&timexes)
            .map(|(timex, t)| TimexOut {
                timex,
                anchoring: t.anchoring,
                when: t.value.date().map(When::from),
            })
            .collect::<Vec<_>>()
    })
    .and_then(|out| to_json(&out))
}

/// The event mentions of one document as a JSON array of the mention objects of
/// `dateline events` (code-point offsets), each `when` with `display`.
#[pyfunction]
#[pyo3(signature = (id, text, published=None))]
fn extract_events(
    py: Python<'_>,
    id: String,
    text: String,
    published: Option<&str>,
) -> PyResult<String> {
    let dct = self::published(published, Some(&id))?;
    let doc = Document {
        id,
        text,
        published: dct,
    };
    let (extraction, json) = detached(py, "reading a document", || {
        let x = dateline::extract(&doc);
        let json = export::json_event_mentions(&doc.id, &doc.text, &x);
        (x, json)
    })?;
    let mut json =
        serde_json::to_value(&json).map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
    if let Some(mentions) = json.as_array_mut() {
        for (mention, object) in extraction.events.iter().zip(mentions) {
            set_when(object, mention.when.as_ref())?;
        }
    }
    to_json(&json)
}

/// The policy that chooses among conflicting dates, as Python names it.
#[derive(Debug, Clone, PartialEq)]
enum Policy {
    Default,
    Earliest,
    Latest,
    Trusted(Vec<String>),
}

impl Policy {
    fn parse(name: &str, trusted: Vec<String>) -> PyResult<Self> {
        let policy = match name {
            "default" => Policy::Default,
            "earliest" => Policy::Earliest,
            "latest" => Policy::Latest,
            "trusted" if trusted.is_empty() => {
                return Err(PyValueError::new_err(
                    "policy \"trusted\" needs the trusted sources: trusted=[id, ...], most \
                     trusted first",
                ))
            }
            "trusted" => return Ok(Policy::Trusted(trusted)),
            other => {
                return Err(PyValueError::new_err(format!(
                    "unknown policy {other:?}: expected \"default\", \"earliest\", \"latest\" or \
                     \"trusted\""
                )))
            }
        };
        if trusted.is_empty() {
            Ok(policy)
        } else {
            Err(PyValueError::new_err(format!(
                "trusted sources go with policy \"trusted\", not {name:?}"
            )))
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Policy::Default => "default",
            Policy::Earliest => "earliest",
            Policy::Latest => "latest",
            Policy::Trusted(_) => "trusted",
        }
    }

    fn apply(&self, builder: TimelineBuilder) -> TimelineBuilder {
        match self {
            Policy::Default => builder.policy(DefaultPolicy),
            Policy::Earliest => builder.policy(Earliest),
            Policy::Latest => builder.policy(Latest),
            Policy::Trusted(trusted) => builder.policy(TrustedFirst {
                trusted: trusted.clone(),
            }),
        }
    }
}

/// Builds the timeline of `documents`, `(id, text, published)` triples with `published` as
/// `YYYY-MM-DD` or `None`, and of `readings`, documents already read.
#[pyfunction]
#[pyo3(signature = (documents, policy="default", trusted=Vec::new(), source_weights=BTreeMap::new(), readings=Vec::new()))]
fn build_timeline(
    py: Python<'_>,
    documents: Vec<(String, String, Option<String>)>,
    policy: &str,
    trusted: Vec<String>,
    source_weights: BTreeMap<String, f64>,
    readings: Vec<PyRef<'_, PyReading>>,
) -> PyResult<PyTimeline> {
    let policy = Policy::parse(policy, trusted)?;
    let docs = documents_of(documents)?;
    let readings: Vec<Arc<Reading>> = readings.iter().map(|r| Arc::clone(&r.inner)).collect();
    let stop = Arc::new(AtomicBool::new(false));
    let mut builder = policy
        .apply(
            TimelineBuilder::new()
                .documents(docs)
                .shared_readings(readings),
        )
        .interruptible(Arc::clone(&stop));
    for (id, w) in source_weights {
        builder = builder.source_weight(id, w);
    }
    let timeline =
        interruptible(py, "building a timeline", stop, || builder.build())?.map_err(py_error)?;
    Ok(PyTimeline {
        inner: timeline,
        policy,
        view: false,
    })
}

/// Documents from `(id, text, published)` triples.
fn documents_of(documents: Vec<(String, String, Option<String>)>) -> PyResult<Vec<Document>> {
    let mut docs = Vec::with_capacity(documents.len());
    for (id, text, date) in documents {
        let dct = published(date.as_deref(), Some(&id))?;
        docs.push(Document {
            id,
            text,
            published: dct,
        });
    }
    Ok(docs)
}

/// Reads `documents`, `(id, text, published)` triples, on all cores with the GIL released:
/// their readings, in order.
#[pyfunction]
fn read(
    py: Python<'_>,
    documents: Vec<(String, String, Option<String>)>,
) -> PyResult<Vec<PyReading>> {
    let docs = documents_of(documents)?;
    let readings = detached(py, "reading documents", || dateline::read_all(docs))?;
    Ok(readings
        .into_iter()
        .map(|r| PyReading { inner: Arc::new(r) })
        .collect())
}

/// What one document yields on its own (`dateline::Reading`). The Python package wraps it in
/// `dateline.Reading`.
#[pyclass(frozen, module = "dateline._dateline", name = "Reading")]
struct PyReading {
    inner: Arc<Reading>,
}

#[pymethods]
impl PyReading {
    /// Reads the compact binary form back.
    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<PyReading> {
        let r =
            detached(py, "decoding a reading", || Reading::from_bytes(data))?.map_err(py_error)?;
        Ok(PyReading { inner: Arc::new(r) })
    }

    /// The compact binary form.
    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
        let r = Arc::clone(&self.inner);
        let bytes = detached(py, "encoding a reading", move || r.to_bytes())?;
        Ok(pyo3::types::PyBytes::new(py, &bytes))
    }

    /// The JSON form.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// Reads the JSON form back.
    #[staticmethod]
    fn from_json(json: &str) -> PyResult<PyReading> {
        let r = Reading::from_json(json).map_err(py_error)?;
        Ok(PyReading { inner: Arc::new(r) })
    }

    /// The document's id.
    #[getter]
    fn id(&self) -> &str {
        self.inner.id()
    }

    /// The document's text.
    #[getter]
    fn text(&self) -> &str {
        self.inner.text()
    }

    /// The given publication date, `YYYY-MM-DD`, or `None`.
    #[getter]
    fn published(&self) -> Option<String> {
        self.inner.document().published.map(|d| d.to_string())
    }

    /// The same reading with another given publication date (`None`: none).
    #[pyo3(signature = (published=None))]
    fn with_published(&self, published: Option<&str>) -> PyResult<PyReading> {
        let day = self::published(published, Some(self.inner.id()))?;
        Ok(PyReading {
            inner: Arc::new((*self.inner).clone().with_published(day)),
        })
    }

    fn __eq__(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner) || self.inner == other.inner
    }
}

/// A built timeline. The Python package wraps it in `dateline.Timeline`.
#[pyclass(frozen, module = "dateline._dateline", name = "Timeline")]
struct PyTimeline {
    inner: Timeline,
    policy: Policy,
    /// Whether some events were filtered out (`about`, `between`, `select`).
    view: bool,
}

impl PyTimeline {
    fn view_of(&self, inner: Timeline) -> PyTimeline {
        PyTimeline {
            inner,
            policy: self.policy.clone(),
            view: true,
        }
    }
}

#[pymethods]
impl PyTimeline {
    fn __len__(&self) -> usize {
        self.inner.events.len()
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.inner == other.inner
    }

    fn __repr__(&self) -> String {
        format!(
            "<dateline._dateline.Timeline: {} events from {} documents>",
            self.inner.events.len(),
            self.inner.documents.len()
        )
    }

    /// The JSON contract (`dateline timeline --format json`), pretty-printed or on one line.
    #[pyo3(signature = (pretty=true))]
    fn to_json(&self, py: Python<'_>, pretty: bool) -> PyResult<String> {
        let t = &self.inner;
        if pretty {
            detached(py, "writing JSON", || export::timeline_json(t))
        } else {
            to_json(&export::json_timeline(t))
        }
    }

    /// One event object of the JSON contract per line.
    fn to_jsonl(&self) -> String {
        export::timeline_jsonl(&self.inner)
    }

    /// CSV, one row per event.
    fn to_csv(&self) -> String {
        export::timeline_csv(&self.inner)
    }

    /// Markdown for reading, conflicts marked with their claims.
    fn to_markdown(&self) -> String {
        export::timeline_markdown(&self.inner)
    }

    /// TimelineJS3 JSON.
    fn to_timelinejs(&self) -> String {
        export::timeline_timelinejs(&self.inner)
    }

    /// The JSON contract with `display` in every `when`: what the Python objects are made of.
    fn payload(&self, py: Python<'_>) -> PyResult<String> {
        let t = &self.inner;
        detached(py, "converting a timeline", || timeline_payload(t))?
    }

    /// The events that involve `name`, by name key and aliases.
    fn about(&self, py: Python<'_>, name: &str) -> PyResult<PyTimeline> {
        let t = &self.inner;
        let about = detached(py, "filtering a timeline", || t.about(name))?;
        Ok(self.view_of(about))
    }

    /// The events whose date overlaps `start..=end` (`YYYY-MM-DD`, inclusive; `None` for an
    /// open end).
    #[pyo3(signature = (start=None, end=None))]
    fn between(&self, start: Option<&str>, end: Option<&str>) -> PyResult<PyTimeline> {
        let day = |s: Option<&str>, open: NaiveDate| match s {
            None => Ok(open),
            Some(s) => s.parse().map_err(|_| {
                PyValueError::new_err(format!("invalid date {s:?}: expected YYYY-MM-DD"))
            }),
        };
        let (first, last) = (day(start, NaiveDate::MIN)?, day(end, NaiveDate::MAX)?);
        Ok(self.view_of(self.inner.between(first, last)))
    }

    /// The filters that made this view, in order: `("about", name, None)` or `("between",
    /// start, end)` with `YYYY-MM-DD` or `None` for an open end.
    #[getter]
    fn filters(&self) -> Vec<(String, Option<String>, Option<String>)> {
        self.inner
            .filters
            .iter()
            .map(|f| match f {
                Filter::About(name) => ("about".to_owned(), Some(name.clone()), None),
                Filter::Between { start, end } => (
                    "between".to_owned(),
                    (*start != NaiveDate::MIN).then(|| start.to_string()),
                    (*end != NaiveDate::MAX).then(|| end.to_string()),
                ),
                _ => ("other".to_owned(), None, None),
            })
            .collect()
    }

    /// The view in plain words ("Filtered: only the events about …: 3 of 114 events."), or
    /// `None` for a whole timeline.
    fn filter_note(&self) -> Option<String> {
        export::filter_note(&self.inner)
    }

    /// One self-contained HTML page: the time axis, one row per event, the conflicts.
    fn to_html(&self, py: Python<'_>) -> PyResult<String> {
        let t = &self.inner;
        detached(py, "writing HTML", || export::timeline_html(t))
    }

    /// The same view as a fragment, for a notebook cell.
    fn to_html_fragment(&self, py: Python<'_>) -> PyResult<String> {
        let t = &self.inner;
        detached(py, "writing HTML", || export::timeline_html_fragment(t))
    }

    /// The events with these ids, in timeline order.
    fn select(&self, ids: Vec<String>) -> PyTimeline {
        let ids: BTreeSet<String> = ids.into_iter().collect();
        let mut inner = self.inner.clone();
        inner.events.retain(|e| ids.contains(&e.id));
        self.view_of(inner)
    }

    /// The timeline of both document sets, as if built from all of them at once.
    fn merge(&self, py: Python<'_>, other: &Self) -> PyResult<PyTimeline> {
        // Merging builds the timeline again: as long, and as interruptible. The work runs on
        // its own while this thread waits, so it gets its own copies.
        let (a, b) = (self.inner.clone(), other.inner.clone());
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let merged = interruptible(py, "merging timelines", stop, move || {
            a.merge_interruptible(&b, &flag)
        })?
        .map_err(py_error)?;
        Ok(PyTimeline {
            inner: merged,
            policy: self.policy.clone(),
            view: false,
        })
    }

    /// The documents it was built from: `(id, text, published)`, by id.
    fn source_documents(&self) -> Vec<(String, String, Option<String>)> {
        self.inner
            .source_documents()
            .map(|d| {
                (
                    d.id.clone(),
                    d.text.clone(),
                    d.published.map(|p| p.to_string()),
                )
            })
            .collect()
    }

    /// The readings of the documents it was built from, by id.
    fn readings(&self) -> Vec<PyReading> {
        self.inner
            .readings()
            .iter()
            .map(|r| PyReading {
                inner: Arc::clone(r),
            })
            .collect()
    }

    /// The timeline of its documents, `documents` (`(id, text, published)` triples) and
    /// `readings`, reading only `documents`; Ctrl-C stops it as it stops a build.
    #[pyo3(signature = (documents, readings=Vec::new()))]
    fn add(
        &self,
        py: Python<'_>,
        documents: Vec<(String, String, Option<String>)>,
        readings: Vec<PyRef<'_, PyReading>>,
    ) -> PyResult<PyTimeline> {
        let docs = documents_of(documents)?;
        let readings: Vec<Arc<Reading>> = readings.iter().map(|r| Arc::clone(&r.inner)).collect();
        let whole = self.inner.clone();
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let grown = interruptible(py, "adding documents", stop, move || {
            whole.add_interruptible(docs, readings, &flag)
        })?
        .map_err(py_error)?;
        Ok(PyTimeline {
            inner: grown,
            policy: self.policy.clone(),
            view: false,
        })
    }

    /// The ids of its events, in order.
    fn event_ids(&self) -> Vec<String> {
        self.inner.events.iter().map(|e| e.id.clone()).collect()
    }

    /// `default`, `earliest`, `latest` or `trusted`.
    #[getter]
    fn policy(&self) -> &'static str {
        self.policy.name()
    }

    /// The trusted sources of the `trusted` policy, most trusted first.
    #[getter]
    fn trusted(&self) -> Vec<String> {
        match &self.policy {
            Policy::Trusted(ids) => ids.clone(),
            _ => Vec::new(),
        }
    }

    /// The policy as the library describes it (`weight`, `trusted: a, b`, …).
    #[getter]
    fn policy_config(&self) -> String {
        self.inner.policy().config()
    }

    /// The source weights, by document id.
    #[getter]
    fn source_weights(&self) -> BTreeMap<String, f64> {
        self.inner.source_weights().clone()
    }

    /// Whether events were filtered out of the timeline it was built as.
    #[getter]
    fn is_view(&self) -> bool {
        self.view
    }
}

/// dateline's native core; use the `dateline` package rather than this module.
#[pymodule]
mod _dateline {
    #[pymodule_export]
    use super::{
        build_timeline, extract_events, parse_date_range, parse_published, read, tag,
        DatelineError, DuplicateDocumentError, IncompatibleTimelinesError, InvalidPublishedError,
        InvalidReadingError, InvalidWeightError, PyReading, PyTimeline,
    };

    use pyo3::prelude::*;

    /// `__version__`: the workspace's version, set once in Cargo.toml.
    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }
}
