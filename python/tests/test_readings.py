"""Readings: made once, used anywhere; timelines from readings equal timelines from documents."""

from __future__ import annotations

import pickle
from datetime import date
from typing import List

import pytest

import dateline


def test_read_gives_one_reading_per_document_in_order(seeds: List[dateline.Document]) -> None:
    readings = dateline.read(reversed(seeds))
    assert [r.id for r in readings] == [d.id for d in reversed(seeds)]
    assert all(isinstance(r, dateline.Reading) for r in readings)
    first = readings[-1]
    assert first.document == seeds[0]
    assert first.text == seeds[0].text
    assert repr(first).startswith(f"<dateline.Reading {seeds[0].id!r}")


def test_a_timeline_from_readings_equals_one_from_documents(
    seeds: List[dateline.Document], timeline: dateline.Timeline
) -> None:
    readings = dateline.read(seeds)
    assert dateline.build_timeline(readings) == timeline
    # Mixed: some read, some not; the same document twice counts once.
    mixed = dateline.build_timeline(readings[:2] + seeds[1:])
    assert mixed.to_json() == timeline.to_json()
    # The timeline keeps its readings.
    assert [r.id for r in timeline.readings] == sorted(d.id for d in seeds)
    assert dateline.build_timeline(timeline.readings) == timeline


def test_published_overrides_apply_to_readings(seeds: List[dateline.Document]) -> None:
    day = date(2023, 3, 20)
    from_docs = dateline.build_timeline(seeds, published=day)
    from_readings = dateline.build_timeline(dateline.read(seeds), published=day)
    assert from_readings.to_json() == from_docs.to_json()
    moved = dateline.read(seeds[:1])[0].with_published("2023-03-17")
    assert moved.published == date(2023, 3, 17)
    assert moved == dateline.read([dateline.Document(seeds[0].id, seeds[0].text, "2023-03-17")])[0]


def test_readings_pickle_and_travel_as_bytes_and_json(seeds: List[dateline.Document]) -> None:
    reading = dateline.read(seeds[:1])[0]
    assert pickle.loads(pickle.dumps(reading)) == reading
    data = reading.to_bytes()
    assert data[:4] == b"DLRD"
    # Compact: the text and what was read in it, about twice the text.
    assert len(data) < 4 * len(reading.text.encode("utf-8"))
    assert dateline.Reading.from_bytes(data) == reading
    assert dateline.Reading.from_json(reading.to_json()) == reading
    with pytest.raises(dateline.InvalidReadingError, match="format version 7"):
        dateline.Reading.from_bytes(data[:4] + bytes([7, 0, 0, 0]) + data[8:])
    with pytest.raises(dateline.DatelineError, match="damaged"):
        dateline.Reading.from_bytes(data[: len(data) // 2])
    with pytest.raises(TypeError):
        dateline.Reading.from_bytes("not bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        dateline.Reading()


def test_a_timeline_pickles_by_its_readings(timeline: dateline.Timeline) -> None:
    copy = pickle.loads(pickle.dumps(timeline))
    assert copy == timeline
    assert copy.to_json() == timeline.to_json()
    view = timeline.about("Lavrov")
    assert pickle.loads(pickle.dumps(view)).to_json() == view.to_json()


def test_add_reads_only_the_new_documents(seeds: List[dateline.Document], timeline: dateline.Timeline) -> None:
    first = dateline.build_timeline(seeds[:2])
    assert first.add(seeds[2:]) == timeline
    assert first.add(dateline.read(seeds[2:])) == timeline
    assert first.add(seeds[2:3] + dateline.read(seeds[3:])) == timeline
    clash = dateline.Document(seeds[0].id, "Something else entirely happened.")
    with pytest.raises(dateline.DuplicateDocumentError):
        first.add([clash])
