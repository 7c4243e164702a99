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


def read_dir(path: Union[str, os.PathLike[str]], errors: str = "strict") -> List[Document]:
    """The ``.txt`` files of a directory as documents, sorted by file name (not recursive).

    Each document's id is its file name without ``.txt``, as for the ``dateline`` command. The
    text is read as UTF-8 exactly as stored (line ends included, so offsets match the file and
    the command's), without a leading byte-order mark. A file that is not UTF-8 raises
    ``InvalidTextError`` naming the file, the byte and its offset; with ``errors="replace"``
    its invalid bytes become U+FFFD instead (as ``dateline --lossy`` reads them). A file in
    UTF-16 (with a byte-order mark, or a NUL in every other byte) raises ``InvalidTextError``
    either way. Raises ``FileNotFoundError`` when the directory holds no ``.txt`` file, or when
    one is a link whose target is gone.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a str or os.PathLike, not {type(path).__name__}")
    if errors not in ("strict", "replace"):
        raise ValueError(f'errors must be "strict" or "replace", not {errors!r}')
    directory = Path(path)
    # Not directories rather than files: a link whose target is gone is reported, not skipped.
    files = sorted(
        (p for p in directory.iterdir() if p.suffix.lower() == ".txt" and not p.is_dir()),
        key=lambda p: p.name,
    )
    if not files:
        raise FileNotFoundError(f"no .txt files in the directory {directory}")
    return [Document(file.stem, _decode(file, file.read_bytes(), errors)) for file in files]


def _decode(file: Path, data: bytes, errors: str) -> str:
    """The text of a file's bytes, as ``read_dir`` reads it (and the ``dateline`` command)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_mark(data):
        raise InvalidTextError(
            f"{file}: not UTF-8 text: it looks like UTF-16 (a byte-order mark, or a NUL in every "
            "other byte): convert it to UTF-8"
        )
    # The UTF-8 byte-order mark says nothing a reader needs and would become part of the first
    # word; offsets in messages stay those of the file.
    mark = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[mark:].decode("utf-8")
    except UnicodeDecodeError as e:
        if errors == "replace":
            return data[mark:].decode("utf-8", errors="replace")
        at = mark + e.start
        line = data.count(b"\n", 0, at) + 1
        raise InvalidTextError(
            f"{file}: not valid UTF-8: byte 0x{data[at]:02X} at offset {at:,} (line {line}); the "
            "file may be Latin-1 or Windows-1252: read it with errors=\"replace\""
        ) from None


def _utf16_without_mark(data: bytes) -> bool:
    """Whether the start of a file looks like UTF-16 without a byte-order mark: mostly Latin
    text then has a NUL in every other byte, which UTF-8 text does not (as the command tells)."""
    sample = data[: min(len(data), 1024) & ~1]
    units = len(sample) // 2
    first, second = sample[0::2].count(0), sample[1::2].count(0)
    most, least = max(first, second), min(first, second)
    return units > 0 and most * 2 >= units and least * 4 <= most
