"""The timeline: building it, reading it, and converting it for pandas, polars and notebooks."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Sequence, Tuple, Union, overload

from . import _dateline
from ._document import Document, InvalidTextError, PublishedLike, to_date
from ._reading import Reading, _triples
from ._values import DocumentInfo, Event, EventMention, Timex

if TYPE_CHECKING:  # only for annotations: both are optional dependencies
    import pandas
    import polars

__all__ = ["Timeline", "build_timeline", "extract_events", "tag"]

POLICIES = ("default", "earliest", "latest", "trusted")

#: A date bound of ``between``: a day, or ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
DateBound = Union[date, str, None]


def _optional_import(name: str, extra: str) -> Any:
    """Imports an optional dependency on first use, saying how to install it when absent."""
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError as e:
        raise ImportError(
            f"{name} is needed for this: pip install {name} "
            f"(or, from a checkout of dateline, pip install './python[{extra}]')"
        ) from e


def _documents(documents: Iterable[Union[Document, Reading]]) -> List[Union[Document, Reading]]:
    if isinstance(documents, (str, bytes)) or not isinstance(documents, Iterable):
        raise TypeError(
            "documents must be an iterable of dateline.Document (e.g. dateline.read_dir(path)) "
            f"or dateline.Reading, not {type(documents).__name__}"
        )
    docs = list(documents)
    for i, d in enumerate(docs):
        if not isinstance(d, (Document, Reading)):
            raise TypeError(f"documents[{i}] is a {type(d).__name__}, not a dateline.Document or dateline.Reading")
    return docs


def _warn_unknown(what: str, ids: Iterable[str], known: set[str]) -> None:
    for id in ids:
        if id not in known:
            warnings.warn(f"{what} names document {id!r}, which is not among the documents", stacklevel=3)


def _bound(value: DateBound, what: str, end: bool) -> date:
    """The first (or, for ``end``, last) day of a bound given as a date or ``YYYY[-MM[-DD]]``."""
    if value is None:
        return date.max if end else date.min
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a datetime.date, a str (YYYY, YYYY-MM or YYYY-MM-DD) or None")
    try:
        first, last = _dateline.parse_date_range(value)
    except ValueError as e:
        raise ValueError(f"{what} {value!r}: {e} (expected a date as YYYY-MM-DD, YYYY-MM or YYYY)") from None
    return date.fromisoformat(last if end else first)


class Timeline:
    """One merged, deduplicated, ordered list of the dated events of a set of documents.

    Make one with :func:`build_timeline` (``Timeline(docs, ...)`` takes the same arguments). It
    is a sequence of :class:`Event` (``len``, iteration, indexing) ordered by date; ``events``,
    ``documents`` and ``conflicts`` are tuples of immutable values. Timelines compare equal when
    built from the same documents and options with the same events, and pickle by their
    readings and options (building is deterministic, so the copy is equal).
    """

    __slots__ = ("_native", "_payload")

    def __init__(
        self,
        documents: Iterable[Union[Document, Reading]] = (),
        *,
        published: Union[Mapping[str, PublishedLike], PublishedLike] = None,
        policy: Optional[str] = None,
        trusted: Optional[Sequence[str]] = None,
        source_weights: Optional[Mapping[str, float]] = None,
    ) -> None:
        built = build_timeline(
            documents, published=published, policy=policy, trusted=trusted, source_weights=source_weights
        )
        self._native: _dateline.Timeline = built._native
        self._payload: Optional[Tuple[Tuple[DocumentInfo, ...], Tuple[Event, ...]]] = None

    @classmethod
    def _wrap(cls, native: _dateline.Timeline) -> Timeline:
        t = cls.__new__(cls)
        t._native = native
        t._payload = None
        return t

    def _values(self) -> Tuple[Tuple[DocumentInfo, ...], Tuple[Event, ...]]:
        # Made on first use and kept: a timeline never changes. Two threads may both make it;
        # they make equal values.
        if self._payload is None:
            data = json.loads(self._native.payload())
            self._payload = (
                tuple(DocumentInfo._from_json(d) for d in data["documents"]),
                tuple(Event._from_json(e) for e in data["events"]),
            )
        return self._payload

    # --- the sequence of events ------------------------------------------------------------

    @property
    def events(self) -> Tuple[Event, ...]:
        """The events, by date, then granularity, then first mention."""
        return self._values()[1]

    @property
    def documents(self) -> Tuple[DocumentInfo, ...]:
        """The documents, by id, with their publication dates: given, read or inferred."""
        return self._values()[0]

    @property
    def conflicts(self) -> Tuple[Event, ...]:
        """The events whose sources disagree on the date."""
        return tuple(e for e in self.events if e.conflict is not None)

    def __len__(self) -> int:
        return len(self._native)

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    @overload
    def __getitem__(self, index: int) -> Event: ...

    @overload
    def __getitem__(self, index: slice) -> Tuple[Event, ...]: ...

    def __getitem__(self, index: Union[int, slice]) -> Union[Event, Tuple[Event, ...]]:
        if isinstance(index, bool) or not isinstance(index, (int, slice)):
            raise TypeError(f"timeline indices must be integers or slices, not {type(index).__name__}")
        return self.events[index]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Timeline):
            return NotImplemented
        return self._native == other._native

    __hash__ = None  # type: ignore[assignment]  # equal by value, like a list

    def __repr__(self) -> str:
        n = len(self._native)
        c = len(self.conflicts)
        return (
            f"<dateline.Timeline: {n} event{'s' if n != 1 else ''} from {len(self.documents)} documents, "
            f"{c} conflict{'s' if c != 1 else ''}, policy {self.policy!r}>"
        )

    # --- filters and merging -----------------------------------------------------------------

    def about(self, name: str) -> Timeline:
        """The events that involve ``name``, matched by name key: other spellings and
        transliterations (``Sergei``/``Sergey Lavrov``), the family name alone, and any other
        name the texts give the participant (``IMF`` for ``International Monetary Fund (IMF)``)
        match."""
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, not {type(name).__name__}")
        return Timeline._wrap(self._native.about(name))

    def between(self, start: DateBound = None, end: DateBound = None) -> Timeline:
        """The events whose date overlaps ``start``–``end``, both inclusive.

        Each bound is a ``datetime.date`` or a string ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``
        (from the first day of ``start`` to the last of ``end``); ``None`` leaves that side open.
        Events without a complete date are left out.
        """
        first, last = _bound(start, "start", end=False), _bound(end, "end", end=True)
        if last < first:
            raise ValueError(f"the range ends ({last}) before it starts ({first})")
        return Timeline._wrap(
            self._native.between(
                None if start is None else first.isoformat(), None if end is None else last.isoformat()
            )
        )

    @property
    def filters(self) -> Tuple[Tuple[str, Optional[str], Optional[str]], ...]:
        """The filters that made this view, in order: ``("about", name, None)`` or
        ``("between", start, end)`` (``YYYY-MM-DD``, ``None`` for an open end); empty for a
        whole timeline. Every view of the timeline (Markdown, HTML, the notebook) says so."""
        return tuple(self._native.filters)

    @property
    def filter_note(self) -> Optional[str]:
        """The view in plain words (``"Filtered: only the events about 'Lavrov': 3 of 114
        events."``), ``None`` for a whole timeline."""
        return self._native.filter_note()

    def merge(self, other: Timeline) -> Timeline:
        """The timeline of both document sets, exactly as if built from all of them at once
        (commutative, associative, idempotent); Ctrl-C interrupts it as it does
        :func:`build_timeline`. A filtered view merges as the whole timeline it came from. Raises ``IncompatibleTimelinesError`` when the two were built with
        different policies or weigh a source differently, ``DuplicateDocumentError`` when they
        hold different documents under one id."""
        if not isinstance(other, Timeline):
            raise TypeError(f"can only merge a Timeline, not {type(other).__name__}")
        return Timeline._wrap(self._native.merge(other._native))

    # --- what it was built from --------------------------------------------------------------

    @property
    def policy(self) -> str:
        """The policy that chose among conflicting dates: default, earliest, latest, trusted."""
        return self._native.policy

    @property
    def trusted(self) -> Tuple[str, ...]:
        """The trusted sources of the ``trusted`` policy, most trusted first."""
        return tuple(self._native.trusted)

    @property
    def source_weights(self) -> Dict[str, float]:
        """The source weights it was built with, by document id (a copy)."""
        return dict(self._native.source_weights)

    def source_documents(self) -> List[Document]:
        """The documents it was built from, by id, with the publication dates given."""
        return [Document(id, text, published) for id, text, published in self._native.source_documents()]

    @property
    def readings(self) -> List[Reading]:
        """The readings of the documents it was built from, by id: ``build_timeline`` takes
        them to build it again without reading any text."""
        return [Reading._wrap(r) for r in self._native.readings()]

    def add(self, documents: Iterable[Union[Document, Reading]]) -> Timeline:
        """The timeline of its documents and ``documents``, exactly as if built from all of
        them at once, reading only the new documents (readings are not read at all). A
        document it already has counts once; ``DuplicateDocumentError`` when a new one has the
        id of a different one. A view adds to the whole timeline it came from. Ctrl-C raises
        ``KeyboardInterrupt`` and stops the work, as in :func:`build_timeline`."""
        docs = _documents(documents)
        plain = [d for d in docs if isinstance(d, Document)]
        readings = [d._native for d in docs if isinstance(d, Reading)]
        triples = _triples(plain)
        try:
            native = self._native.add(triples, readings)
        except UnicodeEncodeError as e:
            raise InvalidTextError.of_documents(plain) from e
        return Timeline._wrap(native)

    # --- conversions -------------------------------------------------------------------------

    def to_json(self, pretty: bool = True) -> str:
        """The JSON contract, exactly what ``dateline timeline --format json`` writes:
        ``{"schema": "dateline.timeline/1", "documents": [...], "events": [...]}``."""
        return self._native.to_json(pretty)

    def to_dicts(self) -> List[Dict[str, Any]]:
        """The events as the JSON contract's event objects (dates as ISO strings, offsets as
        code points): ``json.loads(t.to_json())["events"]``."""
        events: List[Dict[str, Any]] = json.loads(self._native.to_json(False))["events"]
        return events

    def to_jsonl(self) -> str:
        """JSON Lines: one event object of the JSON contract per line."""
        return self._native.to_jsonl()

    def to_csv(self) -> str:
        """CSV, one row per event, as ``dateline timeline --format csv`` writes it."""
        return self._native.to_csv()

    def to_markdown(self) -> str:
        """Markdown for reading, conflicts marked with their claims."""
        return self._native.to_markdown()

    def to_timelinejs(self) -> str:
        """TimelineJS3 JSON (https://timeline.knightlab.com/); events without a complete
        date are left out."""
        return self._native.to_timelinejs()

    def _rows(self) -> List[Dict[str, Any]]:
        rows = []
        for e in self.events:
            w = e.when
            c = e.conflict
            rows.append(
                {
                    "id": e.id,
                    "date": w.display if w else None,
                    "start": w.start if w else None,
                    "end": w.end if w else None,
                    "granularity": w.granularity if w else None,
                    "timex": w.timex if w else None,
                    "summary": e.summary,
                    "class": e.class_,
                    "lemma": e.lemma,
                    "participants": [p.name for p in e.participants],
                    "location": e.location,
                    "sources": list(e.sources),
                    "mentions": len(e.mentions),
                    "conflict": c is not None,
                    "claims": (
                        None
                        if c is None
                        else "; ".join(f"{cl.when.display} ({', '.join(cl.docs)})" for cl in c.claims)
                    ),
                    "confidence": e.confidence,
                }
            )
        return rows

    #: The columns of :meth:`to_pandas` and :meth:`to_polars`, in order.
    COLUMNS = (
        "id", "date", "start", "end", "granularity", "timex", "summary", "class", "lemma",
        "participants", "location", "sources", "mentions", "conflict", "claims", "confidence",
    )  # fmt: skip

    def to_pandas(self) -> pandas.DataFrame:
        """A pandas DataFrame, one row per event (columns: :attr:`COLUMNS`).

        ``start`` and ``end`` are ``datetime64[s]`` columns (inclusive days at midnight), so
        that ``df[df.start >= "2022-09-10"]`` filters and ``df.start.dt.month`` works. A date
        that has no day on the calendar of years 1–9999 (a year-less ``XXXX-03-16``, "a
        Thursday", a year BC or after 9999) is ``NaT`` there; ``timex`` keeps its value and
        ``date`` says it as a reader would (``25 BC``). ``participants`` and ``sources`` are
        lists. Needs pandas 2 or later (``pip install pandas``).
        """
        pd = _optional_import("pandas", "pandas")
        import numpy as np  # pandas depends on it

        rows = self._rows()
        frame: pandas.DataFrame = pd.DataFrame.from_records(rows, columns=list(self.COLUMNS))
        for key in ("start", "end"):
            days = np.array(
                [r[key].isoformat() if r[key] is not None else "NaT" for r in rows], dtype="datetime64[s]"
            )
            frame[key] = pd.Series(days, index=frame.index, dtype="datetime64[s]")
        return frame

    def to_polars(self) -> polars.DataFrame:
        """A polars DataFrame, one row per event (columns: :attr:`COLUMNS`), ``start`` and
        ``end`` as ``pl.Date`` (``frame.filter(pl.col("start") >= date(2022, 9, 10))``,
        ``pl.col("start").dt.month()``); a date without a day on the calendar of years
        1–9999 is null, as in :meth:`to_pandas`. Needs polars (``pip install polars``)."""
        pl = _optional_import("polars", "polars")
        schema = {
            "id": pl.Utf8, "date": pl.Utf8, "start": pl.Date, "end": pl.Date, "granularity": pl.Utf8,
            "timex": pl.Utf8, "summary": pl.Utf8, "class": pl.Utf8, "lemma": pl.Utf8,
            "participants": pl.List(pl.Utf8), "location": pl.Utf8, "sources": pl.List(pl.Utf8),
            "mentions": pl.Int64, "conflict": pl.Boolean, "claims": pl.Utf8, "confidence": pl.Float64,
        }  # fmt: skip
        frame: polars.DataFrame = pl.DataFrame(self._rows(), schema=schema)
        return frame

    def to_html(self) -> str:
        """One self-contained HTML page, exactly what ``dateline timeline --format html``
        writes: a time axis that opens on the densest stretch of events and zooms and pans,
        one row per event with its trigger marked, and for each conflict every claim with the
        sentences that make it and why each weighs what it weighs. Nothing is fetched: save it
        and open it anywhere (``Path("timeline.html").write_text(t.to_html())``)."""
        return self._native.to_html()

    def _repr_html_(self) -> str:
        # The notebook view is the page's own view, made by the same code.
        return self._native.to_html_fragment()

    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]:
        # By its readings: unpickling assembles the timeline again without reading any text.
        n = self._native
        readings = [bytes(r.to_bytes()) for r in n.readings()]
        return (_restore_readings, (readings, n.policy, n.trusted, n.source_weights, list(n.filters)))


def _restore_readings(
    readings: List[bytes],
    policy: str,
    trusted: List[str],
    source_weights: Dict[str, float],
    filters: Sequence[Tuple[str, Optional[str], Optional[str]]] = (),
) -> Timeline:
    """Unpickles a timeline: assembles it again from its readings and options (building is
    deterministic), then applies the filters of a view again."""
    natives = [_dateline.Reading.from_bytes(r) for r in readings]
    native = _dateline.build_timeline([], policy, trusted, source_weights, natives)
    for kind, first, second in filters:
        native = native.about(first or "") if kind == "about" else native.between(first, second)
    return Timeline._wrap(native)


def _restore(
    documents: List[Tuple[str, str, Optional[str]]],
    policy: str,
    trusted: List[str],
    source_weights: Dict[str, float],
    event_ids: Optional[List[str]],
    filters: Sequence[Tuple[str, Optional[str], Optional[str]]] = (),
) -> Timeline:
    """Unpickles a timeline: builds it again from its documents and options (building is
    deterministic), then applies the filters of a view again (``event_ids``: the events a
    view kept, as older pickles give them)."""
    native = _dateline.build_timeline(documents, policy, trusted, source_weights)
    for kind, first, second in filters:
        native = native.about(first or "") if kind == "about" else native.between(first, second)
    if event_ids is not None:
        native = native.select(event_ids)
    return Timeline._wrap(native)


def build_timeline(
    documents: Iterable[Union[Document, Reading]],
    *,
    published: Union[Mapping[str, PublishedLike], PublishedLike] = None,
    policy: Optional[str] = None,
    trusted: Optional[Sequence[str]] = None,
    source_weights: Optional[Mapping[str, float]] = None,
) -> Timeline:
    """Reads the documents and builds their timeline. ``documents`` may mix
    :class:`Document` and :class:`Reading` (from :func:`dateline.read`): readings are not read
    again.

    - ``published``: a mapping of document id to publication date (``datetime.date`` or
      ``YYYY-MM-DD``) that overrides the documents' own, or one date for every document that
      has none.
    - ``policy``: how to choose among conflicting dates: ``"default"`` (the most weight of
      evidence: explicit dates count most, then those resolved against a publication date, then
      narrative ones), ``"earliest"``, ``"latest"``, or ``"trusted"`` with ``trusted=[ids]``
      (a claim of the most trusted source that makes one; else the default). Giving
      ``trusted`` alone implies ``policy="trusted"``.
    - ``source_weights``: document id to weight (a finite number, 0 or more; 1 by default);
      a source's claims count that many times.

    The GIL is released while the documents are read, so other threads run meanwhile; Ctrl-C
    raises ``KeyboardInterrupt`` at once (within a tenth of a second), and the build stops.
    Raises ``DuplicateDocumentError``, ``InvalidPublishedError`` or ``InvalidWeightError``
    (all ``DatelineError``, a ``ValueError``) naming the document and value; ``TypeError`` for
    arguments of the wrong type.
    """
    docs = _documents(documents)
    known = {d.id for d in docs}
    if isinstance(published, Mapping):
        overrides = {}
        for id, value in published.items():
            if not isinstance(id, str):
                raise TypeError(f"published keys must be document ids (str), not {type(id).__name__}")
            overrides[id] = to_date(value, id, "published")
        _warn_unknown("published", overrides, known)
        docs = [_with_published(d, overrides[d.id]) if d.id in overrides else d for d in docs]
    else:
        default = to_date(published, None, "published")
        if default is not None:
            docs = [d if d.published is not None else _with_published(d, default) for d in docs]

    if trusted is not None and (isinstance(trusted, (str, bytes)) or not isinstance(trusted, Iterable)):
        raise TypeError("trusted must be a list of document ids, most trusted first")
    trusted_ids = list(trusted or ())
    for t in trusted_ids:
        if not isinstance(t, str):
            raise TypeError(f"trusted holds a {type(t).__name__}: document ids are str")
    if policy is None:
        policy = "trusted" if trusted_ids else "default"
    if not isinstance(policy, str):
        raise TypeError(f"policy must be one of {', '.join(POLICIES)} (a str), not {type(policy).__name__}")
    _warn_unknown("trusted", trusted_ids, known)

    weights: Dict[str, float] = {}
    if source_weights is not None:
        if not isinstance(source_weights, Mapping):
            raise TypeError("source_weights must be a mapping of document id to weight")
        for id, w in source_weights.items():
            if not isinstance(id, str):
                raise TypeError(f"source_weights keys must be document ids (str), not {type(id).__name__}")
            if isinstance(w, bool) or not isinstance(w, (int, float)):
                raise TypeError(f"the weight of document {id!r} must be a number, not {type(w).__name__}")
            weights[id] = float(w)
        _warn_unknown("source_weights", weights, known)

    plain = [d for d in docs if isinstance(d, Document)]
    triples = _triples(plain)
    readings = [d._native for d in docs if isinstance(d, Reading)]
    try:
        return Timeline._wrap(_dateline.build_timeline(triples, policy, trusted_ids, weights, readings))
    except UnicodeEncodeError as e:
        raise InvalidTextError.of_documents(plain) from e


def _with_published(d: Union[Document, Reading], published: Optional[date]) -> Union[Document, Reading]:
    if isinstance(d, Reading):
        return d.with_published(published)
    return Document(d.id, d.text, published)


def tag(text: str, published: PublishedLike = None) -> List[Timex]:
    """The temporal expressions of ``text``, normalized to TIMEX3 values.

    ``published`` (a ``datetime.date`` or ``YYYY-MM-DD``) is the publication date that
    "Thursday" or "16 March" are resolved against; without it such values stay partial
    (``XXXX-03-16``). Offsets are ``str`` indices: ``text[t.start:t.end] == t.text``.

    A date outside the years 1–9999 ("45 centuries ago") keeps its TIMEX3 value (``BC25``,
    ``+10000-01-01``; see :class:`When`) and has no ``datetime.date`` bounds.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    day = to_date(published)
    try:
        found = _dateline.tag(text, day.isoformat() if day else None)
    except UnicodeEncodeError as e:
        raise InvalidTextError.find([("the text", text)]) from e
    return [Timex._from_json(t) for t in json.loads(found)]


def extract_events(document: Document) -> List[EventMention]:
    """The event mentions of one document: trigger, participants, place and time, in text
    order. Offsets are ``str`` indices into ``document.text``."""
    if not isinstance(document, Document):
        raise TypeError(f"document must be a dateline.Document, not {type(document).__name__}")
    day = document.published.isoformat() if document.published else None
    try:
        found = json.loads(_dateline.extract_events(document.id, document.text, day))
    except UnicodeEncodeError as e:
        raise InvalidTextError.of_documents([document]) from e
    return [EventMention._from_json(m) for m in found]
