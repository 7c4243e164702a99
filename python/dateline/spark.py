"""Timelines from Spark DataFrames: documents are read in the executors, the timeline is
assembled from their readings.

    from pyspark.sql import SparkSession
    import dateline.spark

    spark = SparkSession.builder.master("local[*]").getOrCreate()
    df = spark.read.json("articles.jsonl")          # columns id, text, published
    timeline = dateline.spark.build_timeline(df)
    timeline.to_pandas()

Reading (sentences, dates, names, event detection) is most of the work and needs no other
document: it runs in the executors, on Arrow batches (``mapInArrow``), each batch on all the
cores its executor gives it. Each reading comes back to the driver in its compact binary form
(the text once and what was read in it, about twice the text) and the timeline is assembled
there from the readings, reading no text again: publication dates inferred across documents,
clustering, reconciliation. The result is the timeline one process builds from the same
documents (the tests check it on TE3 news).

Needs ``pip install 'dateline[spark]'`` (pyspark and pyarrow) in the driver and executors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Iterator, List, Optional

from ._document import Document
from ._reading import Reading
from ._timeline import Timeline
from ._timeline import build_timeline as _build_timeline

if TYPE_CHECKING:  # pyspark and pyarrow are optional dependencies
    import pyarrow
    import pyspark.sql

__all__ = ["build_timeline", "read"]

#: The schema of what the executors send back: one row per document.
READINGS_SCHEMA = "id string, reading binary"


def _published_column(df: "pyspark.sql.DataFrame", published: Optional[str]) -> Any:
    """The publication date as ``YYYY-MM-DD`` text (or null): a string column as it is (the
    library checks it and names the document when it is not a date), a date or timestamp
    column by its day."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import DateType, StringType, TimestampType

    if published is None or published not in df.columns:
        return F.lit(None).cast(StringType()).alias("published")
    kind = df.schema[published].dataType
    if isinstance(kind, (DateType, TimestampType)):
        return F.date_format(F.to_date(F.col(published)), "yyyy-MM-dd").alias("published")
    return F.col(published).cast(StringType()).alias("published")


def _read_batches(batches: Iterable["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:
    """Runs in the executors: Arrow batches of (id, text, published) in, (id, reading) out."""
    import pyarrow as pa

    from ._reading import read as read_documents

    for batch in batches:
        columns = batch.to_pydict()
        docs = [
            Document(i, t if t is not None else "", p)
            for i, t, p in zip(columns["id"], columns["text"], columns["published"])
        ]
        readings = read_documents(docs)
        yield pa.RecordBatch.from_arrays(
            [pa.array([r.id for r in readings], pa.string()), pa.array([r.to_bytes() for r in readings], pa.binary())],
            names=["id", "reading"],
        )


def read(
    df: "pyspark.sql.DataFrame", id: str = "id", text: str = "text", published: Optional[str] = "published"
) -> "pyspark.sql.DataFrame":
    """The readings of the documents of ``df``, made in the executors: a DataFrame of
    ``id string, reading binary`` (``Reading.from_bytes`` reads one back), one row per
    document. Keep it (``.write.parquet``) to build timelines of any subset later without
    reading the texts again. ``published`` may name a string (``YYYY-MM-DD``), date or
    timestamp column, or be ``None`` (or absent) for documents with no given date."""
    from pyspark.sql import functions as F

    for name in (id, text):
        if name not in df.columns:
            raise ValueError(f"the DataFrame has no column {name!r} (its columns: {', '.join(df.columns)})")
    docs = df.select(
        F.col(id).cast("string").alias("id"),
        F.col(text).cast("string").alias("text"),
        _published_column(df, published),
    )
    return docs.mapInArrow(_read_batches, READINGS_SCHEMA)


def build_timeline(
    df: "pyspark.sql.DataFrame",
    id: str = "id",
    text: str = "text",
    published: Optional[str] = "published",
    **options: Any,
) -> Timeline:
    """The timeline of the documents of ``df``: read in the executors (see :func:`read`),
    assembled in the driver from their readings. ``options`` are those of
    :func:`dateline.build_timeline` (``policy``, ``trusted``, ``source_weights``; here
    ``published`` names the column). Equal to ``dateline.build_timeline`` of the same documents in
    one process."""
    readings: List[Reading] = [Reading.from_bytes(row["reading"]) for row in read(df, id, text, published).toLocalIterator()]
    return _build_timeline(readings, **options)
