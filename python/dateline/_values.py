"""Immutable value objects: what a timeline, ``tag`` and ``extract_events`` give back.

Each is a frozen dataclass made from the JSON contract that the native module writes
(``dateline timeline --format json``): offsets are ``str`` indices (code points) into the
document text, dates are ``datetime.date``, lists are tuples.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Dict, Optional, Tuple

__all__ = [
    "Anchor",
    "Claim",
    "Conflict",
    "DateRange",
    "DocumentInfo",
    "Event",
    "EventMention",
    "Folded",
    "Location",
    "Mention",
    "MentionParticipant",
    "Participant",
    "Span",
    "TimeSpan",
    "Timeml",
    "Timex",
    "When",
]

JsonObject = Dict[str, Any]


def _day(value: Optional[str]) -> Optional[date]:
    """A day of the JSON contract; ``None`` for none, and for a day of a year outside the
    1–9999 that ``datetime.date`` holds, which ISO 8601 writes ``0000-12-31`` (1 BC),
    ``-2500-01-01`` or ``+10000-01-01``: the TIMEX3 value still says it."""
    if value is None or value.startswith(("-", "+", "0000")):
        return None
    return date.fromisoformat(value)


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass(frozen=True)
class When:
    """A date as the sources support it: a calendar interval with a granularity.

    ``start`` and ``end`` are inclusive days, ``None`` while the value is partial (a year-less
    ``XXXX-03-16``, "a Thursday"). ``timex`` is the TIMEX3 value, ``edtf`` the Extended
    Date/Time Format where EDTF can say it, ``display`` the date as a reader writes it
    (``12 September 2022``, ``16 March (year unknown)``).

    A day outside the years 1–9999 that ``datetime.date`` holds is ``None`` too, and ``timex``
    says the value: years before 1 as TimeML writes years BC, ``BC`` and the digits of the ISO
    8601 year (``BC0024`` is the year -24, 25 BC; ``0000`` is 1 BC; ``BC25`` the century -2500
    to -2401), years after 9999 with a ``+`` (``+10000-01-01``, the decade ``+1000``); ``display``
    writes ``25 BC``. Text never raises for its dates: "45 centuries ago" is such a value.
    """

    timex: str
    granularity: str
    start: Optional[date]
    end: Optional[date]
    edtf: Optional[str] = field(default=None, repr=False)
    display: str = field(default="", repr=False)

    @classmethod
    def _from_json(cls, d: JsonObject) -> When:
        return cls(
            timex=d["timex"],
            granularity=d["granularity"],
            start=_day(d.get("start")),
            end=_day(d.get("end")),
            edtf=d.get("edtf"),
            display=d.get("display") or d["timex"],
        )

    @property
    def is_complete(self) -> bool:
        """Whether the value is a known interval of days (of the years 1–9999)."""
        return self.start is not None and self.end is not None

    def __str__(self) -> str:
        return self.display or self.timex


def _when(d: Optional[JsonObject]) -> Optional[When]:
    return None if d is None else When._from_json(d)


@dataclass(frozen=True)
class DateRange:
    """An inclusive range of days."""

    start: date
    end: date


@dataclass(frozen=True)
class Span:
    """Words of a document: ``document_text[start:end] == text``."""

    text: str
    start: int
    end: int

    @classmethod
    def _from_json(cls, d: JsonObject) -> Span:
        return cls(text=d["text"], start=d["start"], end=d["end"])


@dataclass(frozen=True)
class TimeSpan:
    """The temporal expression that dates a mention, and its TIMEX3 value."""

    text: str
    start: int
    end: int
    timex: str

    @classmethod
    def _from_json(cls, d: Optional[JsonObject]) -> Optional[TimeSpan]:
        if d is None:
            return None
        return cls(text=d["text"], start=d["start"], end=d["end"], timex=d["timex"])


@dataclass(frozen=True)
class Timex:
    """A temporal expression found by :func:`dateline.tag`.

    ``type`` is the TIMEX3 type (``DATE``, ``TIME``, ``DURATION``, ``SET``), ``value`` the
    TIMEX3 value, ``mod`` the TIMEX3 modifier (``START``, ``APPROX``, …) or ``None``,
    ``anchoring`` how the value was fixed (``explicit``, ``publication``, ``narrative``,
    ``none``), and ``when`` the calendar value of dates and times.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: Optional[str] = None
    anchoring: str = "none"
    when: Optional[When] = field(default=None, repr=False)

    @classmethod
    def _from_json(cls, d: JsonObject) -> Timex:
        return cls(
            start=d["start"],
            end=d["end"],
            text=d["text"],
            type=d["type"],
            value=d["value"],
            mod=d.get("mod"),
            anchoring=d["anchoring"],
            when=_when(d.get("when")),
        )


@dataclass(frozen=True)
class Participant:
    """A participant of a timeline event, under the fullest name its mentions give."""

    name: str
    aliases: Tuple[str, ...] = ()

    @classmethod
    def _from_json(cls, d: JsonObject) -> Participant:
        return cls(name=d["name"], aliases=tuple(d["aliases"]))


@dataclass(frozen=True)
class Mention:
    """One mention of a timeline event in one document, and the date it claims.

    ``folded`` are the other words of its sentence that tell the same happening: the support
    verb of "held talks", the verb of "a fire broke out", the statement that reports it.
    """

    doc: str
    trigger: Span
    when: Optional[When]
    anchoring: str
    sentence: str = field(repr=False)
    sentence_start: int = field(repr=False)
    sentence_end: int = field(repr=False)
    time: Optional[TimeSpan] = field(default=None, repr=False)
    folded: Tuple[Span, ...] = field(default=(), repr=False)

    @classmethod
    def _from_json(cls, d: JsonObject) -> Mention:
        return cls(
            doc=d["doc"],
            trigger=Span._from_json(d["trigger"]),
            when=_when(d.get("when")),
            anchoring=d["anchoring"],
            sentence=d["sentence"],
            sentence_start=d["sentence_start"],
            sentence_end=d["sentence_end"],
            time=TimeSpan._from_json(d.get("time")),
            folded=tuple(Span._from_json(f) for f in d.get("folded", ())),
        )


@dataclass(frozen=True)
class Claim:
    """One date that some sources give for an event, with their combined weight."""

    when: When
    docs: Tuple[str, ...]
    weight: float
    explicit: int = 0

    @classmethod
    def _from_json(cls, d: JsonObject) -> Claim:
        return cls(
            when=When._from_json(d["when"]),
            docs=tuple(d["docs"]),
            weight=d["weight"],
            explicit=d.get("explicit", 0),
        )


@dataclass(frozen=True)
class Conflict:
    """Sources that disagree on an event's date: every claim, the chosen one, and why."""

    claims: Tuple[Claim, ...]
    chosen: int
    rule: str
    explanation: str = field(repr=False)

    @classmethod
    def _from_json(cls, d: Optional[JsonObject]) -> Optional[Conflict]:
        if d is None:
            return None
        return cls(
            claims=tuple(Claim._from_json(c) for c in d["claims"]),
            chosen=d["chosen"],
            rule=d["rule"],
            explanation=d["explanation"],
        )

    @property
    def chosen_claim(self) -> Claim:
        """The claim the policy chose."""
        return self.claims[self.chosen]


@dataclass(frozen=True, repr=False)
class Event:
    """One real-world event of a timeline with all its mentions across documents.

    ``when`` is the reconciled date (``None`` if no mention dates it), ``summary`` the sentence
    of its strongest mention, ``conflict`` the disagreement on its date (``None`` when the
    sources agree), ``confidence`` 0–1, ``class_`` its kind (``meeting``, ``visit``, …; the JSON
    contract's ``class``) and ``lemma`` the trigger lemma of its strongest mention.
    """

    id: str
    when: Optional[When]
    summary: str
    participants: Tuple[Participant, ...]
    location: Optional[str]
    mentions: Tuple[Mention, ...]
    conflict: Optional[Conflict]
    confidence: float
    class_: str
    lemma: str

    @classmethod
    def _from_json(cls, d: JsonObject) -> Event:
        return cls(
            id=d["id"],
            when=_when(d.get("when")),
            summary=d["summary"],
            participants=tuple(Participant._from_json(p) for p in d["participants"]),
            location=d.get("location"),
            mentions=tuple(Mention._from_json(m) for m in d["mentions"]),
            conflict=Conflict._from_json(d.get("conflict")),
            confidence=d["confidence"],
            class_=d["class"],
            lemma=d["lemma"],
        )

    @property
    def sources(self) -> Tuple[str, ...]:
        """The ids of the documents that mention the event, sorted."""
        return tuple(sorted({m.doc for m in self.mentions}))

    def __repr__(self) -> str:
        when = self.when.timex if self.when else None
        names = tuple(p.name for p in self.participants)
        return (
            f"Event(when={when!r}, lemma={self.lemma!r}, summary={_short(self.summary)!r}, "
            f"participants={names!r}, sources={self.sources!r}, "
            f"conflict={self.conflict is not None})"
        )


@dataclass(frozen=True)
class DocumentInfo:
    """A document of a timeline and what is known of its publication date.

    ``published_source`` is ``given``, ``dateline`` (read from the article's leading line),
    ``inferred`` (from its dates and the events it shares with other articles) or ``unknown``;
    ``published_bounds`` the days it may have been published on, when not known to the day.
    A date or bound outside the years 1–9999 of ``datetime.date`` (inferred from events of
    year 9999, say) is ``None``.
    """

    id: str
    published: Optional[date]
    published_source: str
    published_bounds: Optional[DateRange] = None

    @classmethod
    def _from_json(cls, d: JsonObject) -> DocumentInfo:
        bounds = d.get("published_bounds") or {}
        first, last = _day(bounds.get("start")), _day(bounds.get("end"))
        return cls(
            id=d["id"],
            published=_day(d.get("published")),
            published_source=d["published_source"],
            published_bounds=None if first is None or last is None else DateRange(first, last),
        )


@dataclass(frozen=True)
class MentionParticipant:
    """A participant of an event mention: the entity's name and the words of this mention."""

    name: str
    text: str
    start: int
    end: int
    role: str
    kind: str
    aliases: Tuple[str, ...] = field(default=(), repr=False)
    title: Optional[str] = field(default=None, repr=False)

    @classmethod
    def _from_json(cls, d: JsonObject) -> MentionParticipant:
        return cls(
            name=d["name"],
            text=d["text"],
            start=d["start"],
            end=d["end"],
            role=d["role"],
            kind=d["kind"],
            aliases=tuple(d["aliases"]),
            title=d.get("title"),
        )


@dataclass(frozen=True)
class Location:
    """The place of an event mention."""

    name: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Timeml:
    """The TimeML attributes of an event mention.

    ``class_`` is ``OCCURRENCE``, ``REPORTING``, ``I_ACTION``, ``STATE``, ``I_STATE``,
    ``ASPECTUAL`` or ``PERCEPTION``; ``tense`` ``NONE``, ``PAST``, ``PRESENT``, ``FUTURE``,
    ``INFINITIVE``, ``PRESPART`` or ``PASTPART``; ``aspect`` ``NONE``, ``PERFECTIVE``,
    ``PROGRESSIVE`` or ``PERFECTIVE_PROGRESSIVE``; ``polarity`` ``POS`` or ``NEG``;
    ``modality`` the modal verb ("would", "could") or ``None``.
    """

    class_: str
    tense: str
    aspect: str
    polarity: str
    modality: Optional[str]

    @classmethod
    def _from_json(cls, d: JsonObject) -> Timeml:
        return cls(
            class_=d["class"],
            tense=d["tense"],
            aspect=d["aspect"],
            polarity=d["polarity"],
            modality=d.get("modality"),
        )


@dataclass(frozen=True)
class Anchor:
    """What places an event mention in time, as TimeML links it: a time expression
    (``kind == "timex"``, with its words, offsets and TIMEX3 value) or the publication date
    (``kind == "publication"``, the other fields ``None``)."""

    kind: str
    text: Optional[str]
    start: Optional[int]
    end: Optional[int]
    timex: Optional[str]

    @classmethod
    def _from_json(cls, d: Optional[JsonObject]) -> Optional[Anchor]:
        if d is None:
            return None
        return cls(kind=d["kind"], text=d.get("text"), start=d.get("start"), end=d.get("end"), timex=d.get("timex"))


@dataclass(frozen=True)
class Folded:
    """A word folded into an event mention as telling the same happening; ``kind`` is
    ``support`` ("held" of "held talks"), ``occurrence`` ("broke out" of "a fire broke
    out"), ``argument`` ("negotiate" of "met to negotiate"), ``report`` ("said") or ``plan``
    ("scheduled" of "is scheduled to be sworn in on 2 May")."""

    text: str
    start: int
    end: int
    lemma: str
    kind: str

    @classmethod
    def _from_json(cls, d: JsonObject) -> Folded:
        return cls(text=d["text"], start=d["start"], end=d["end"], lemma=d["lemma"], kind=d["kind"])


@dataclass(frozen=True, repr=False)
class EventMention:
    """An event mention found by :func:`dateline.extract_events`: a trigger, its participants,
    place and time, and how the time was anchored.

    ``modality`` is ``actual``, ``future``, ``possible`` or ``negated``; ``timeline`` says
    whether the mention belongs on a timeline (it happened and is dated). ``timeml`` holds its
    TimeML class, tense, aspect, polarity and modality; ``anchor`` what places it in time as
    TimeML links it; ``confidence`` how sure the event model is (0 to 1); ``folded`` the
    other words of its sentence that tell the same happening.
    """

    doc: str
    trigger: Span
    lemma: str
    class_: str
    modality: str
    when: Optional[When]
    anchoring: str
    timeline: bool
    participants: Tuple[MentionParticipant, ...]
    location: Optional[Location]
    time: Optional[TimeSpan]
    sentence: str
    sentence_start: int
    sentence_end: int
    timeml: Optional[Timeml] = None
    anchor: Optional[Anchor] = None
    confidence: float = 1.0
    folded: Tuple[Folded, ...] = ()

    @classmethod
    def _from_json(cls, d: JsonObject) -> EventMention:
        loc = d.get("location")
        return cls(
            doc=d["doc"],
            trigger=Span._from_json(d["trigger"]),
            lemma=d["lemma"],
            class_=d["class"],
            modality=d["modality"],
            when=_when(d.get("when")),
            anchoring=d["anchoring"],
            timeline=d["timeline"],
            participants=tuple(MentionParticipant._from_json(p) for p in d["participants"]),
            location=None if loc is None else Location(loc["name"], loc["text"], loc["start"], loc["end"]),
            time=TimeSpan._from_json(d.get("time")),
            sentence=d["sentence"],
            sentence_start=d["sentence_start"],
            sentence_end=d["sentence_end"],
            timeml=None if d.get("timeml") is None else Timeml._from_json(d["timeml"]),
            anchor=Anchor._from_json(d.get("anchor")),
            confidence=d.get("confidence", 1.0),
            folded=tuple(Folded._from_json(f) for f in d.get("folded", ())),
        )

    def __repr__(self) -> str:
        when = self.when.timex if self.when else None
        names = tuple(p.name for p in self.participants)
        place = self.location.name if self.location else None
        return (
            f"EventMention(trigger={self.trigger.text!r}, lemma={self.lemma!r}, when={when!r}, "
            f"participants={names!r}, location={place!r}, modality={self.modality!r})"
        )
