"""Documents, tagging, event extraction, errors, pickling, data frames and threads."""

from __future__ import annotations

import importlib.metadata
import multiprocessing
import pickle
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from pathlib import Path
from typing import List, Optional

import pytest

import dateline

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# Accents, CJK and astral-plane characters before and inside the spans: a str index differs
# from a UTF-8 byte offset and from a UTF-16 offset here.
NON_ASCII = (
    "Zürich — 😀 Ünal Çelik, the mayor of Łódź, said 北京 talks were held on 3 March 2021. "
    "Foreign Minister José Núñez met President Ana Kovačević in Zürich on Tuesday, 😀 two days later."
)


def test_version_matches_the_package_metadata() -> None:
    assert dateline.__version__ == importlib.metadata.version("dateline")


def test_document_takes_dates_and_iso_strings() -> None:
    assert dateline.Document("a", "x", published="2023-03-17").published == date(2023, 3, 17)
    assert dateline.Document("a", "x", published=date(2023, 3, 17)).published == date(2023, 3, 17)
    assert dateline.Document("a", "x", published=datetime(2023, 3, 17, 9, 30)).published == date(2023, 3, 17)
    assert dateline.Document("a", "x").published is None
    doc = dateline.Document("a", "x")
    with pytest.raises(AttributeError):
        doc.text = "y"  # type: ignore[misc]


@pytest.mark.parametrize("bad", ["2023-02-30", "yesterday", "", "2023-3-17x"])
def test_bad_publication_dates_name_the_value_and_document(bad: str) -> None:
    with pytest.raises(dateline.InvalidPublishedError) as caught:
        dateline.Document("report-7", "text", published=bad)
    message = str(caught.value)
    assert repr(bad).replace("'", '"') in message or bad in message
    assert "report-7" in message
    assert isinstance(caught.value, dateline.DatelineError)
    assert isinstance(caught.value, ValueError)
    with pytest.raises(dateline.InvalidPublishedError, match="report-7"):
        dateline.build_timeline([dateline.Document("report-7", "t")], published={"report-7": bad})
    with pytest.raises(dateline.InvalidPublishedError):
        dateline.tag("on Thursday", published=bad)


def test_wrong_types_raise_type_error() -> None:
    with pytest.raises(TypeError, match="id"):
        dateline.Document(7, "text")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text"):
        dateline.Document("a", b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="published"):
        dateline.Document("a", "x", published=20230317)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="iterable"):
        dateline.build_timeline("not documents")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"documents\[1\]"):
        dateline.build_timeline([dateline.Document("a", "x"), "b"])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        dateline.tag(b"3 March 2021")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        dateline.extract_events("text")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="weight"):
        dateline.build_timeline([dateline.Document("a", "x")], source_weights={"a": "heavy"})  # type: ignore[dict-item]
    with pytest.raises(TypeError):
        dateline.read_dir(3)  # type: ignore[arg-type]


def test_duplicate_ids_name_the_id() -> None:
    docs = [dateline.Document("same", "Talks began on 3 March 2021."), dateline.Document("same", "Other text.")]
    with pytest.raises(dateline.DuplicateDocumentError, match="same"):
        dateline.build_timeline(docs)


@pytest.mark.parametrize("weight", [-1.0, float("nan"), float("inf")])
def test_bad_weights_are_errors(weight: float) -> None:
    with pytest.raises(dateline.InvalidWeightError, match="a"):
        dateline.build_timeline([dateline.Document("a", "x")], source_weights={"a": weight})


def test_empty_input_is_an_empty_timeline() -> None:
    assert len(dateline.build_timeline([])) == 0
    assert len(dateline.build_timeline([dateline.Document("empty", "")])) == 0
    assert dateline.tag("") == []


def test_read_dir_accepts_str_and_path(tmp_path: Path) -> None:
    assert [d.id for d in dateline.read_dir(str(SEEDS))] == [d.id for d in dateline.read_dir(SEEDS)]
    assert len(dateline.read_dir(SEEDS)) == 5
    with pytest.raises(FileNotFoundError):
        dateline.read_dir(tmp_path)
    with pytest.raises(FileNotFoundError):
        dateline.read_dir(tmp_path / "missing")


def test_read_dir_reads_as_the_command_does(tmp_path: Path) -> None:
    # Issue 18: a bare UnicodeDecodeError naming no file lost the whole directory, and a UTF-8
    # byte-order mark stayed in the text (offsets one off from the command's).
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf16 March 2023 was a Thursday.")
    (tmp_path / "b.txt").write_bytes(b"One.\nLe caf\xe9 a ferm\xe9.")
    with pytest.raises(dateline.InvalidTextError) as caught:
        dateline.read_dir(tmp_path)
    message = str(caught.value)
    assert str(tmp_path / "b.txt") in message
    assert "byte 0xE9 at offset 11 (line 2)" in message
    assert 'errors="replace"' in message
    docs = dateline.read_dir(tmp_path, errors="replace")
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[0].text == "16 March 2023 was a Thursday."
    assert docs[1].text == "One.\nLe caf\ufffd a ferm\ufffd."
    assert dateline.tag(docs[0].text)[0].start == 0
    # UTF-16, with or without a byte-order mark, is an error either way.
    for name, data in [("c.txt", "\ufeffMay".encode("utf-16-le")), ("d.txt", "On 3 May 2021.".encode("utf-16-le"))]:
        other = tmp_path / "utf16"
        other.mkdir(exist_ok=True)
        (other / name).write_bytes(data)
        with pytest.raises(dateline.InvalidTextError, match="UTF-16"):
            dateline.read_dir(other, errors="replace")
        (other / name).unlink()
    with pytest.raises(ValueError, match="errors"):
        dateline.read_dir(tmp_path, errors="ignore")


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_read_dir_reports_a_dangling_link(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("On 3 May 2021.")
    (tmp_path / "b.txt").symlink_to(tmp_path / "gone.txt")
    with pytest.raises(FileNotFoundError, match="b.txt"):
        dateline.read_dir(tmp_path)


def test_tag_normalizes_against_the_publication_date() -> None:
    timexes = dateline.tag("The talks resume next Thursday at 10 a.m.; they lasted three days.", published="2023-03-17")
    by_text = {t.text: t for t in timexes}
    assert by_text["next Thursday"].value == "2023-03-23"
    assert by_text["next Thursday"].type == "DATE"
    when = by_text["next Thursday"].when
    assert when is not None and when.start == when.end == date(2023, 3, 23)
    assert by_text["three days"].type == "DURATION"
    assert by_text["three days"].value == "P3D"
    # Without a publication date the value stays partial.
    partial = dateline.tag("on 16 March")[0]
    assert partial.value == "XXXX-03-16"
    assert partial.when is not None and partial.when.start is None


@pytest.mark.parametrize(
    "text, published, value, display",
    [
        ("The pyramid was built 45 centuries ago.", "2021-03-04", "BC25", "2501 BC to 2402 BC"),
        ("In 1200 BC the city fell; the temple was built 30 centuries earlier.", None, None, None),
        ("It happened yesterday.", "0001-01-01", "0000-12-31", "31 December 1 BC"),
        ("It happens tomorrow.", "9999-12-31", "+10000-01-01", "1 January 10000"),
        ("It happens in the next decade.", "9999-12-31", "+1000", "the 10000s"),
    ],
)
def test_years_outside_1_to_9999_keep_their_timex_and_no_dates(
    text: str, published: Optional[str], value: Optional[str], display: Optional[str]
) -> None:
    # Issue 18: a bare ValueError ("Invalid isoformat string: '-2500-01-01'") on ordinary text.
    timexes = dateline.tag(text, published)
    assert timexes, text
    for t in timexes:
        assert t.when is None or (t.when.start is None) == (t.when.end is None)
    if value is not None:
        (t,) = timexes
        assert t.value == value
        assert t.when is not None and t.when.timex == value and t.when.display == display
        assert (t.when.start, t.when.end, t.when.is_complete) == (None, None, False)
    doc = dateline.Document("far", text, published=published)
    dateline.extract_events(doc)
    timeline = dateline.build_timeline([doc, dateline.Document("near", "Talks began on 3 March 2021.")])
    assert timeline.to_pandas() is not None
    assert len(timeline.documents) == 2


def test_a_publication_date_of_year_0_is_an_invalid_published_error() -> None:
    with pytest.raises(dateline.InvalidPublishedError, match="0000-01-01.*'a'"):
        dateline.Document("a", "x", published="0000-01-01")


def test_offsets_are_str_indices_on_non_ascii_text() -> None:
    timexes = dateline.tag(NON_ASCII, published="2021-03-20")
    assert {t.text for t in timexes} >= {"3 March 2021", "Tuesday", "two days later"}
    for t in timexes:
        assert NON_ASCII[t.start : t.end] == t.text
    doc = dateline.Document("utf", NON_ASCII, published="2021-03-20")
    mentions = dateline.extract_events(doc)
    assert mentions
    for m in mentions:
        assert NON_ASCII[m.trigger.start : m.trigger.end] == m.trigger.text
        assert NON_ASCII[m.sentence_start : m.sentence_end] == m.sentence
        for p in m.participants:
            assert NON_ASCII[p.start : p.end] == p.text
        if m.time is not None:
            assert NON_ASCII[m.time.start : m.time.end] == m.time.text
    timeline = dateline.build_timeline([doc])
    for event in timeline:
        for m in event.mentions:
            assert NON_ASCII[m.trigger.start : m.trigger.end] == m.trigger.text


def test_extract_events_finds_participants_place_and_time() -> None:
    doc = dateline.Document(
        "a", "Foreign Minister Sergey Lavrov met the delegation in Moscow on 12 September 2022."
    )
    (meeting,) = [m for m in dateline.extract_events(doc) if m.lemma == "meet"]
    assert meeting.when is not None and meeting.when.start == date(2022, 9, 12)
    assert [p.name for p in meeting.participants] == ["Sergey Lavrov"]
    assert meeting.location is not None and meeting.location.name == "Moscow"
    assert meeting.modality == "actual" and meeting.timeline


def test_pickle_round_trips(seeds: List[dateline.Document], timeline: dateline.Timeline) -> None:
    copy = pickle.loads(pickle.dumps(timeline))
    assert copy == timeline
    assert copy.events == timeline.events
    view = timeline.about("Lavrov")
    view_copy = pickle.loads(pickle.dumps(view))
    assert [e.id for e in view_copy] == [e.id for e in view]
    assert view_copy == view and view_copy.filters == view.filters
    dated = timeline.between("2022-09", None)
    assert pickle.loads(pickle.dumps(dated)) == dated
    trusted = dateline.build_timeline(seeds, trusted=[seeds[3].id], source_weights={seeds[1].id: 2})
    assert pickle.loads(pickle.dumps(trusted)) == trusted
    for value in (seeds[0], timeline[0], dateline.tag("on 3 March 2021")[0], timeline.documents[0]):
        assert pickle.loads(pickle.dumps(value)) == value


def test_pandas_round_trip(timeline: dateline.Timeline) -> None:
    pd = pytest.importorskip("pandas")
    frame = timeline.to_pandas()
    assert list(frame.columns) == list(dateline.Timeline.COLUMNS)
    assert list(frame["id"]) == [e.id for e in timeline]
    assert frame["conflict"].sum() == len(timeline.conflicts)
    row = frame.set_index("id").loc[timeline.conflicts[0].id]
    assert "2022" in row["claims"]
    # Dates are datetime64: they filter and `.dt` works (issue 19).
    assert str(frame["start"].dtype).startswith("datetime64") and str(frame["end"].dtype).startswith("datetime64")
    dated = frame.dropna(subset=["start"])
    expected = [e.when.start for e in timeline if e.when is not None and e.when.start is not None]
    assert list(dated["start"].dt.date) == expected
    late = frame[frame.start >= "2022-09-10"]
    assert len(late) == sum(1 for d in expected if d >= date(2022, 9, 10)) and len(late) > 0
    assert set(late.start.dt.year) <= {2022, 2023}
    assert (frame.end.dropna() >= frame.start.dropna()).all()
    # A date before year 1, or year-less, is NaT; its TIMEX3 value stays.
    bc = dateline.build_timeline([dateline.Document("old", "The city was founded 45 centuries ago, in a ceremony.")])
    old = bc.to_pandas()
    assert old["start"].isna().all() and str(old["start"].dtype).startswith("datetime64")
    empty = dateline.build_timeline([]).to_pandas()
    assert len(empty) == 0 and str(empty["start"].dtype).startswith("datetime64")
    # And the contract's dicts make the same table of ids and summaries.
    again = pd.DataFrame(timeline.to_dicts())
    assert list(again["id"]) == list(frame["id"])
    assert list(again["summary"]) == list(frame["summary"])


def test_polars(timeline: dateline.Timeline) -> None:
    pl = pytest.importorskip("polars")
    frame = timeline.to_polars()
    assert frame.columns == list(dateline.Timeline.COLUMNS)
    assert frame.schema["start"] == pl.Date
    assert frame.height == len(timeline)
    late = frame.filter(pl.col("start") >= date(2022, 9, 10))
    assert late.height > 0 and set(late["start"].dt.year().to_list()) <= {2022, 2023}


def test_missing_optional_dependency_says_how_to_install(monkeypatch: pytest.MonkeyPatch, timeline: dateline.Timeline) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(ImportError, match=r"pip install pandas") as raised:
        timeline.to_pandas()
    assert "pip install './python[pandas]'" in str(raised.value)


def test_threads_build_the_same_timeline(seeds: List[dateline.Document], timeline: dateline.Timeline) -> None:
    with ThreadPoolExecutor(max_workers=4) as pool:
        built = list(pool.map(lambda _: dateline.build_timeline(seeds), range(8)))
        tagged = list(pool.map(lambda d: dateline.tag(d.text), seeds))
    assert all(t == timeline for t in built)
    assert tagged == [dateline.tag(d.text) for d in seeds]


def test_building_releases_the_gil(seeds: List[dateline.Document]) -> None:
    # Many copies of the seeds, so the build takes a while. Were the GIL held, this thread would
    # stall for the whole build; released, it keeps ticking, with pauses of at most a few
    # switch intervals.
    docs = [dateline.Document(f"{d.id}-{i}", d.text) for i in range(60) for d in seeds]
    took = [0.0]
    done = threading.Event()

    def build() -> None:
        start = time.perf_counter()
        dateline.build_timeline(docs)
        took[0] = time.perf_counter() - start
        done.set()

    worker = threading.Thread(target=build)
    last = time.perf_counter()
    longest_pause = 0.0
    worker.start()
    while not done.is_set():
        now = time.perf_counter()
        longest_pause = max(longest_pause, now - last)
        last = now
    worker.join()
    assert took[0] > 0.1, f"the build took only {took[0]:.3f} s: too short to tell"
    assert longest_pause < took[0] / 2, f"paused {longest_pause:.3f} s during a {took[0]:.3f} s build"


def _events_in_worker(timeline: dateline.Timeline) -> tuple[int, int]:
    """In a worker process: the events of the timeline it was sent, and of one built there."""
    return len(timeline), len(dateline.build_timeline(dateline.read_dir(SEEDS)))


@pytest.mark.parametrize("method", [m for m in ("fork", "spawn") if m in multiprocessing.get_all_start_methods()])
def test_timelines_travel_to_worker_processes(method: str, timeline: dateline.Timeline) -> None:
    # The parent has built timelines, so its thread pool is running; a forked child must not
    # wait on that pool's threads, which it does not have.
    with multiprocessing.get_context(method).Pool(2) as pool:
        results = pool.map_async(_events_in_worker, [timeline, timeline.about("Lavrov")]).get(timeout=120)
    assert results == [(len(timeline), len(timeline)), (len(timeline.about("Lavrov")), len(timeline))]


def test_text_that_is_not_unicode_is_an_error_naming_the_document() -> None:
    # A lone surrogate: what errors="surrogateescape" leaves of undecodable bytes.
    bad = b"Talks began on 3 March 2021 \xff.".decode("utf-8", errors="surrogateescape")
    with pytest.raises(dateline.InvalidTextError, match=r"the text of document 'wire-9'.*index 28"):
        dateline.build_timeline([dateline.Document("ok", "Fine."), dateline.Document("wire-9", bad)])
    with pytest.raises(dateline.InvalidTextError, match="the text is not valid Unicode"):
        dateline.tag(bad)
    with pytest.raises(dateline.InvalidTextError, match="wire-9"):
        dateline.extract_events(dateline.Document("wire-9", bad))
    assert issubclass(dateline.InvalidTextError, dateline.DatelineError)
    # Decoded with replacement, the same bytes are fine.
    fine = b"Talks began on 3 March 2021 \xff.".decode("utf-8", errors="replace")
    assert [t.text for t in dateline.tag(fine)] == ["3 March 2021"]


@pytest.mark.parametrize(
    "text",
    ["", "\x00" * 100, "(" * 5000 + ")" * 5000, "1999 " * 5000, "\u202e\ufeff\U0010ffff" * 100, "a" * 200_000],
)
def test_odd_text_builds_without_error(text: str) -> None:
    timeline = dateline.build_timeline([dateline.Document("odd", text)])
    assert len(timeline) >= 0
    for t in dateline.tag(text):
        assert text[t.start : t.end] == t.text


def test_random_text_never_crashes_and_offsets_hold() -> None:
    import random

    rng = random.Random(20261122)
    pieces = [
        "Monday", "3 March 2021", "last year", "’s", "'", "(", ")", "“", "”", ".", ",", " ", "\n",
        "Mr.", "U.S.", "12", "1999", "-", "é", "北京", "😀", "\u0301", "\x00", "Lavrov", "met", "in",
    ]  # fmt: skip
    for _ in range(200):
        text = "".join(rng.choice(pieces) if rng.random() < 0.8 else chr(rng.randrange(1, 0xD7FF)) for _ in range(rng.randrange(0, 60)))
        for t in dateline.tag(text, published="2023-03-17"):
            assert text[t.start : t.end] == t.text
        doc = dateline.Document("r", text)
        for m in dateline.extract_events(doc):
            assert text[m.trigger.start : m.trigger.end] == m.trigger.text
        dateline.build_timeline([doc, dateline.Document("s", text[::-1])])


def test_the_version_is_the_workspaces() -> None:
    import importlib.metadata

    assert dateline.__version__ == importlib.metadata.version("dateline")
    assert dateline.__version__.count(".") == 2
