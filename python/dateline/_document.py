"""Documents: the input of a timeline, made by hand or read from a directory."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Iterable, List, Optional, Tuple, Union

from . import _dateline

__all__ = ["Document", "InvalidTextError", "PublishedLike", "read_dir", "to_date"]

#: What a publication date may be given as.
PublishedLike = Union[date, str, None]


def to_date(value: PublishedLike, document: Optional[str] = None, what: str = "published") -> Optional[date]:
    """A publication date from a ``datetime.date`` (a ``datetime`` counts by its day), an ISO
    string ``YYYY-MM-DD`` or ``None``; a bad string raises ``InvalidPublishedError`` naming the
    value and the document."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        day = _dateline.parse_published(value, document)
        if day.startswith("0000"):
            # A real day of the calendar (1 BC), but not one a ``datetime.date`` can be.
            of = "" if document is None else f" for document {document!r}"
            raise _dateline.InvalidPublishedError(
                f"invalid publication date {value!r}{of}: the year 0 is before the years 1–9999 "
                "that datetime.date holds"
            )
        return date.fromisoformat(day)
    raise TypeError(
        f"{what} must be a datetime.date, an ISO date string (YYYY-MM-DD) or None, "
        f"not {type(value).__name__}"
    )


class InvalidTextError(_dateline.DatelineError):
    """A text that is not valid Unicode: a lone surrogate (from decoding with
    ``errors="surrogateescape"``, or from cutting a UTF-16 pair in two), which no UTF-8 text
    can hold. The message names the document and the index; decode with
    ``errors="replace"`` to read such text."""

    @classmethod
    def find(cls, named: "List[Tuple[str, str]]") -> "InvalidTextError":
        """The error for the first ``(what, value)`` whose value holds a lone surrogate;
        ``what`` names the value in the message ("the text of document 'a'")."""
        for what, value in named:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as e:
                return cls(
                    f"{what} is not valid Unicode: a lone surrogate {value[e.start]!r} at index "
                    f"{e.start} (decode with errors='replace')"
                )
        return cls("a text is not valid Unicode")

    @classmethod
    def of_documents(cls, documents: "Iterable[Document]") -> "InvalidTextError":
        return cls.find(
            [(f"the {what} of document {d.id!r}", v) for d in documents for what, v in (("id", d.id), ("text", d.text))]
        )


@dataclass(frozen=True, init=False)
class Document:
    """A news article to read: an id, its text and, when known, its publication date.

    ``published`` accepts a ``datetime.date`` or an ISO string ``YYYY-MM-DD`` and is kept as a
    ``datetime.date``. Without it, a date in the article's leading line is used, else one is
    inferred from the other articles of the timeline.

    >>> Document("a1", "The talks began on Monday.", published="2023-03-17").published
    datetime.date(2023, 3, 17)
    """

    id: str
    text: str
    published: Optional[date]

    def __init__(self, id: str, text: str, published: PublishedLike = None) -> None:
        if not isinstance(id, str):
            raise TypeError(f"a document id must be a str, not {type(id).__name__}")
        if not isinstance(text, str):
            raise TypeError(f"the text of document {id!r} must be a str, not {type(text).__name__}")
        # Frozen: set the fields once, here.
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "published", to_date(published, id))

    def __repr__(self) -> str:
        text = self.text if len(self.text) <= 40 else self.text[:39] + "…"
        return f"Document(id={self.id!r}, text={text!r}, published={self.published!r})"

    def __reduce__(self) -> tuple[type[Document], tuple[str, str, Optional[date]]]:
        return (Document, (self.id, self.text, self.published))


def read_dir(path: Union[str, os.PathLike[str]]) -> List[Document]:
    """The ``.txt`` files of a directory as documents, sorted by file name (not recursive).

    Each document's id is its file name without ``.txt``, as for the ``dateline`` command; the
    text is read as UTF-8 exactly as stored (line ends included, so offsets match the file).
    Raises ``FileNotFoundError`` when the directory holds no ``.txt`` file.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a str or os.PathLike, not {type(path).__name__}")
    directory = Path(path)
    files = sorted(
        (p for p in directory.iterdir() if p.suffix.lower() == ".txt" and p.is_file()),
        key=lambda p: p.name,
    )
    if not files:
        raise FileNotFoundError(f"no .txt files in the directory {directory}")
    docs = []
    for file in files:
        # newline="": no translation of line ends, so offsets are those of the file.
        with open(file, encoding="utf-8", newline="") as f:
            docs.append(Document(file.stem, f.read()))
    return docs
