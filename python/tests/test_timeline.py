"""The timeline API on the seed articles: values, filters, merging, exports, equality with the CLI."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import FrozenInstanceError
from datetime import date
from pathlib import Path
from typing import List

import pytest

import dateline

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def prefixes(event: dateline.Event) -> List[str]:
    return [doc[:3] for doc in event.sources]


def test_the_lavrov_meeting_is_one_event_from_three_articles(timeline: dateline.Timeline) -> None:
    lavrov = timeline.about("Sergei Lavrov")
    meetings = [e for e in lavrov if e.when and e.when.timex == "2022-09-12" and e.lemma == "meet"]
    assert len(meetings) == 1, lavrov.events
    meeting = meetings[0]
    # 000 only recalls that the delegation had met Lavrov during that visit, and may join.
    assert set(prefixes(meeting)) >= {"001", "002", "003"}
    assert meeting.when is not None
    assert (meeting.when.start, meeting.when.end) == (date(2022, 9, 12), date(2022, 9, 12))
    assert meeting.when.granularity == "day"
    assert str(meeting.when) == "12 September 2022"
    # Other spellings of the name find the same events.
    assert [e.id for e in timeline.about("Sergey Lavrov")] == [e.id for e in lavrov]


def test_the_arrival_conflict_keeps_both_claims_with_their_sources(timeline: dateline.Timeline) -> None:
    arrivals = [
        e
        for e in timeline.conflicts
        if e.conflict and {c.when.timex for c in e.conflict.claims} >= {"2022-09-10", "2022-09-09"}
    ]
    assert len(arrivals) == 1, timeline.conflicts
    conflict = arrivals[0].conflict
    assert conflict is not None
    docs = {c.when.timex: [d[:3] for d in c.docs] for c in conflict.claims}
    assert docs == {"2022-09-10": ["003"], "2022-09-09": ["001"]}
    assert conflict.chosen_claim in conflict.claims
    assert conflict.rule and conflict.explanation
    assert arrivals[0].location == "Moscow"


def test_events_are_ordered_by_date(timeline: dateline.Timeline) -> None:
    starts = [e.when.start for e in timeline if e.when and e.when.start]
    assert starts == sorted(starts)
    assert len(starts) > 10


def test_sequence_protocol(timeline: dateline.Timeline) -> None:
    assert len(timeline) == len(timeline.events) == len(list(timeline)) > 20
    assert timeline[0] == timeline.events[0]
    assert timeline[-1] == timeline.events[-1]
    assert timeline[1:3] == timeline.events[1:3]
    with pytest.raises(IndexError):
        timeline[len(timeline)]
    with pytest.raises(TypeError):
        timeline["0"]  # type: ignore[call-overload]


def test_documents_say_where_their_dates_come_from(timeline: dateline.Timeline) -> None:
    by_id = {d.id[:3]: d for d in timeline.documents}
    assert sorted(by_id) == ["000", "001", "002", "003", "004"]
    # One seed has a dateline; the others are inferred from their own dates and shared events.
    assert by_id["004"].published_source == "dateline"
    assert by_id["004"].published == date(2023, 10, 26)
    assert all(d.published_source in ("dateline", "inferred", "unknown") for d in by_id.values())


def test_values_are_immutable(timeline: dateline.Timeline) -> None:
    event = timeline[0]
    with pytest.raises(FrozenInstanceError):
        event.summary = "changed"  # type: ignore[misc]
    assert isinstance(event.mentions, tuple)
    assert "Event(when=" in repr(event)


def test_between_takes_dates_and_partial_dates(timeline: dateline.Timeline) -> None:
    september = timeline.between("2022-09", "2022-09")
    assert len(september) >= 3
    for e in september:
        assert e.when and e.when.start and e.when.end
        assert e.when.start <= date(2022, 9, 30) and e.when.end >= date(2022, 9, 1)
    assert [e.id for e in timeline.between(date(2022, 9, 1), date(2022, 9, 30))] == [
        e.id for e in september
    ]
    assert len(timeline.between(None, "1900")) == 0
    with pytest.raises(ValueError, match="before it starts"):
        timeline.between("2023", "2022")
    with pytest.raises(ValueError, match="2022-13"):
        timeline.between("2022-13")
    # Every bad date says what is wrong with it (issue 19).
    with pytest.raises(ValueError, match="no such month 13"):
        timeline.between("2023-13-01")
    with pytest.raises(ValueError, match="no such day 30 in February 2023"):
        timeline.between("2023-02-30")
    with pytest.raises(dateline.InvalidPublishedError, match="no such month 13"):
        dateline.Document("x", "Text.", published="2023-13-01")


def test_merge_equals_building_from_all_documents(seeds: List[dateline.Document], timeline: dateline.Timeline) -> None:
    left = dateline.build_timeline(seeds[:2])
    right = dateline.build_timeline(seeds[2:])
    assert left.merge(right) == timeline
    assert right.merge(left) == timeline
    assert timeline.merge(timeline) == timeline
    # A filtered view merges as the timeline it came from.
    assert left.about("Lavrov").merge(right) == timeline


def test_merge_refuses_other_policies(seeds: List[dateline.Document]) -> None:
    a = dateline.build_timeline(seeds[:2])
    b = dateline.build_timeline(seeds[2:], policy="earliest")
    with pytest.raises(dateline.IncompatibleTimelinesError):
        a.merge(b)
    with pytest.raises(TypeError):
        a.merge(seeds)  # type: ignore[arg-type]


def test_policies_choose_among_claims(seeds: List[dateline.Document]) -> None:
    def arrival(t: dateline.Timeline) -> dateline.Conflict:
        for e in t.conflicts:
            if e.conflict and any(c.when.timex == "2022-09-10" for c in e.conflict.claims):
                return e.conflict
        raise AssertionError("no arrival conflict")

    trusting_001 = dateline.build_timeline(seeds, trusted=[seeds[1].id])
    assert trusting_001.policy == "trusted"
    assert trusting_001.trusted == (seeds[1].id,)
    assert arrival(trusting_001).chosen_claim.docs == (seeds[1].id,)
    trusting_003 = dateline.build_timeline(seeds, policy="trusted", trusted=[seeds[3].id])
    assert arrival(trusting_003).chosen_claim.docs == (seeds[3].id,)
    with pytest.raises(ValueError, match="unknown policy"):
        dateline.build_timeline(seeds, policy="loudest")


def test_source_weights_count(seeds: List[dateline.Document]) -> None:
    heavy = dateline.build_timeline(seeds, source_weights={seeds[1].id: 5})
    assert heavy.source_weights == {seeds[1].id: 5.0}
    claims = [c for e in heavy.conflicts if e.conflict for c in e.conflict.claims if seeds[1].id in c.docs]
    assert claims and all(c.weight > 1 for c in claims)


def test_published_dates_given_win(seeds: List[dateline.Document]) -> None:
    given = dateline.build_timeline(seeds, published={seeds[0].id: "2023-03-17"})
    info = {d.id: d for d in given.documents}[seeds[0].id]
    assert (info.published, info.published_source) == (date(2023, 3, 17), "given")
    with pytest.warns(UserWarning, match="nosuchdoc"):
        dateline.build_timeline(seeds, published={"nosuchdoc": date(2023, 3, 17)})


def test_exports_agree(timeline: dateline.Timeline) -> None:
    contract = json.loads(timeline.to_json())
    assert contract["schema"].startswith("dateline.timeline/")
    assert [e["id"] for e in contract["events"]] == [e.id for e in timeline]
    assert timeline.to_dicts() == contract["events"]
    assert [json.loads(line)["id"] for line in timeline.to_jsonl().splitlines()] == [e.id for e in timeline]
    assert timeline.to_csv().count("\n") >= len(timeline)
    assert "conflict" in timeline.to_markdown().lower()
    tjs = json.loads(timeline.to_timelinejs())
    assert tjs["events"]


def cli() -> Path | None:
    """The `dateline` binary to compare with: $DATELINE_CLI, or the workspace's release build."""
    given = os.environ.get("DATELINE_CLI")
    if given:
        return Path(given)
    target = Path(os.environ.get("CARGO_TARGET_DIR", SEEDS.parent / "target"))
    built = target / "release" / "dateline"
    return built if built.exists() else None


def test_the_same_timeline_as_the_command_line(timeline: dateline.Timeline) -> None:
    binary = cli()
    if binary is None:
        pytest.skip("no dateline binary: set DATELINE_CLI or build it with cargo build --release")
    out = subprocess.run(
        [str(binary), "timeline", str(SEEDS), "--format", "json"], check=True, capture_output=True, text=True
    ).stdout
    assert json.loads(out) == json.loads(timeline.to_json())


def test_html_shows_a_table_an_axis_and_the_conflicts(timeline: dateline.Timeline) -> None:
    page = timeline._repr_html_()
    assert page.count('<tr class="dl-row') == len(timeline)
    assert "<svg" in page
    assert page.count('<details class="dl-claims">') == len(timeline.conflicts)
    assert "12 September 2022" in page
    assert '<mark class="dl-trigger">' in page
    # The page is the notebook view in a document of its own, made by the same code.
    whole = timeline.to_html()
    assert whole.startswith("<!DOCTYPE html>") and page in whole
    # Nothing to fetch.
    assert 'src="http' not in whole and 'href="http' not in whole
    # A view says it is filtered.
    view = timeline.about("Lavrov")
    assert view.filters == (("about", "Lavrov", None),)
    assert view.filter_note is not None and "Filtered" in view._repr_html_()
    assert timeline.filter_note is None and "Filtered" not in page
    # Text is escaped.
    doc = dateline.Document("x", "Foreign Minister <b>Ana Diaz</b> met Prime Minister Li Wei in Paris on 3 May 2021.")
    assert "<b>Ana" not in dateline.build_timeline([doc])._repr_html_()


def test_repr(timeline: dateline.Timeline) -> None:
    assert repr(timeline).startswith(f"<dateline.Timeline: {len(timeline)} events from 5 documents")
