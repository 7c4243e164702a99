"""Readings: what one document yields on its own, made once and used anywhere."""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable, List, Optional, Tuple

from . import _dateline
from ._document import Document, InvalidTextError, PublishedLike, to_date

__all__ = ["Reading", "read"]


class Reading:
    """What one document yields on its own: its sentences (the text once), its time
    expressions as written, its names and where the event model found events.

    Reading is most of the work of a timeline and needs no other document, so readings can be
    made anywhere (threads, processes, Spark executors: see ``dateline.spark``) and kept.
    ``build_timeline`` takes readings as it takes documents and reads no text again; a reading
    pickles compactly (its binary form, about twice the size of the text). Readings compare
    equal when they read the same document. Make them with :func:`read`.
    """

    __slots__ = ("_native",)
    _native: _dateline.Reading

    def __init__(self) -> None:
        raise TypeError("readings are made by dateline.read(documents) or Reading.from_bytes(data)")

    @classmethod
    def _wrap(cls, native: _dateline.Reading) -> Reading:
        r = cls.__new__(cls)
        r._native = native
        return r

    @property
    def id(self) -> str:
        """The document's id."""
        return self._native.id

    @property
    def text(self) -> str:
        """The document's text."""
        return self._native.text

    @property
    def published(self) -> Optional[date]:
        """The publication date given with the document, if any."""
        day = self._native.published
        return date.fromisoformat(day) if day is not None else None

    @property
    def document(self) -> Document:
        """The document read."""
        return Document(self.id, self.text, self.published)

    def with_published(self, published: PublishedLike) -> Reading:
        """The same reading given another publication date (``None``: none). Nothing is read
        again: the date only changes what dates resolve to, which is done when the reading is
        used."""
        day = to_date(published, self.id)
        return Reading._wrap(self._native.with_published(day.isoformat() if day else None))

    def to_bytes(self) -> bytes:
        """The compact binary form (versioned): what a reading pickles as."""
        return bytes(self._native.to_bytes())

    @staticmethod
    def from_bytes(data: bytes) -> Reading:
        """Reads the binary form back; ``InvalidReadingError`` (a ``DatelineError``) when the
        bytes are not a reading of this version, or are damaged."""
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"data must be bytes, not {type(data).__name__}")
        return Reading._wrap(_dateline.Reading.from_bytes(bytes(data)))

    def to_json(self) -> str:
        """The JSON form (versioned): ``{"format": "dateline-reading", "version": 2, ...}``."""
        return self._native.to_json()

    @staticmethod
    def from_json(text: str) -> Reading:
        """Reads the JSON form back; ``InvalidReadingError`` as for :meth:`from_bytes`."""
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
        return Reading._wrap(_dateline.Reading.from_json(text))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Reading):
            return NotImplemented
        return self._native == other._native

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        day = self._native.published
        return f"<dateline.Reading {self.id!r}: {len(self.text)} characters{', published ' + day if day else ''}>"

    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]:
        return (_restore_reading, (self.to_bytes(),))


def _restore_reading(data: bytes) -> Reading:
    return Reading.from_bytes(data)


def _triples(docs: List[Document]) -> List[Tuple[str, str, Optional[str]]]:
    """Documents as the native module takes them: ``(id, text, published as YYYY-MM-DD)``."""
    return [(d.id, d.text, d.published.isoformat() if d.published else None) for d in docs]


def read(documents: Iterable[Document]) -> List[Reading]:
    """Reads the documents, on all cores with the GIL released: their readings, in order.

    >>> [r.id for r in read([Document("b", "They met."), Document("a", "They left.")])]
    ['b', 'a']
    """
    if isinstance(documents, (str, bytes)) or not isinstance(documents, Iterable):
        raise TypeError(f"documents must be an iterable of dateline.Document, not {type(documents).__name__}")
    docs = list(documents)
    for i, d in enumerate(docs):
        if not isinstance(d, Document):
            raise TypeError(f"documents[{i}] is a {type(d).__name__}, not a dateline.Document")
    try:
        return [Reading._wrap(r) for r in _dateline.read(_triples(docs))]
    except UnicodeEncodeError as e:
        raise InvalidTextError.of_documents(docs) from e
