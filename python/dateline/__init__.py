"""dateline: one merged, deduplicated timeline from a set of news articles.

Read the articles, build their timeline, look at it::

    import dateline

    docs = dateline.read_dir("seeds/")
    timeline = dateline.build_timeline(docs)
    timeline                         # a table in a notebook, conflicts highlighted
    timeline.about("Lavrov").to_pandas()
    for event in timeline.conflicts:
        print(event.when, [(c.when.display, c.docs) for c in event.conflict.claims])

Every event is an immutable value with its date (``When``: ``datetime.date`` bounds and a
granularity), participants, and the mentions of every document that reports it; where the sources
disagree on the date, ``event.conflict`` keeps every claim with its documents and the rule that
chose. ``tag`` finds and normalizes the temporal expressions of a text; ``extract_events`` the
event mentions of one document.

Errors are ``DatelineError`` (a ``ValueError``) or one of its subclasses, with messages that name
the document and the value; arguments of the wrong type raise ``TypeError``.
"""

from __future__ import annotations

from ._dateline import (
    DatelineError,
    DuplicateDocumentError,
    IncompatibleTimelinesError,
    InvalidPublishedError,
    InvalidReadingError,
    InvalidWeightError,
)
from . import _dateline
from ._document import Document, InvalidTextError, read_dir
from ._reading import Reading, read
from ._timeline import Timeline, build_timeline, extract_events, tag
from ._values import (
    Anchor,
    Claim,
    Conflict,
    DateRange,
    DocumentInfo,
    Event,
    EventMention,
    Folded,
    Location,
    Mention,
    MentionParticipant,
    Participant,
    Span,
    TimeSpan,
    Timeml,
    Timex,
    When,
)

#: The version of the package: the workspace's, set once in Cargo.toml.
__version__: str = _dateline.__version__

__all__ = [
    "Anchor",
    "Claim",
    "Conflict",
    "DateRange",
    "DatelineError",
    "Document",
    "DocumentInfo",
    "DuplicateDocumentError",
    "Event",
    "EventMention",
    "Folded",
    "IncompatibleTimelinesError",
    "InvalidPublishedError",
    "InvalidReadingError",
    "InvalidTextError",
    "InvalidWeightError",
    "Location",
    "Mention",
    "MentionParticipant",
    "Participant",
    "Reading",
    "Span",
    "TimeSpan",
    "Timeml",
    "Timeline",
    "Timex",
    "When",
    "build_timeline",
    "extract_events",
    "read",
    "read_dir",
    "tag",
]
