"""dateline.spark on a local Spark: the timeline of TE3 silver news read in the executors
equals the one built in this process. Skipped without pyspark and pyarrow (``pip install
'dateline[spark]'``), Java, or the TE3 corpus beside the repository."""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any, Iterator, List

import pytest

import dateline
import dateline.spark

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")

DATA = Path(os.environ.get("DATELINE_DATA", Path(__file__).resolve().parents[2].parent / "shared" / "data"))
SILVER = DATA / "te3" / "te3_silver.jsonl"
DOCUMENTS = int(os.environ.get("DATELINE_SPARK_DOCUMENTS", "400"))

if shutil.which("java") is None and "JAVA_HOME" not in os.environ:
    pytest.skip("Spark needs Java (17)", allow_module_level=True)
if not SILVER.exists():
    pytest.skip(f"{SILVER} not found: the TE3 corpus is kept beside the repository", allow_module_level=True)


def silver(n: int) -> List[dict]:
    rows = []
    with SILVER.open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            rows.append({"id": d["doc"], "text": d["text"], "published": d.get("dct")})
            if len(rows) == n:
                break
    return rows


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    # The executors run this interpreter, where dateline is installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("dateline-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_a_spark_timeline_equals_one_built_in_process(spark: Any) -> None:
    rows = silver(DOCUMENTS)
    assert len(rows) == DOCUMENTS
    df = spark.createDataFrame(rows, "id string, text string, published string").repartition(4)
    started = time.perf_counter()
    from_spark = dateline.spark.build_timeline(df)
    spark_seconds = time.perf_counter() - started
    started = time.perf_counter()
    local = dateline.build_timeline([dateline.Document(r["id"], r["text"], r["published"]) for r in rows])
    local_seconds = time.perf_counter() - started
    print(f"\n{DOCUMENTS} documents: Spark local[2] {spark_seconds:.1f} s, one process {local_seconds:.1f} s")
    assert len(from_spark) > 0
    assert from_spark.to_json() == local.to_json()
    assert from_spark == local


def test_readings_as_a_dataframe_build_any_subset_later(spark: Any) -> None:
    rows = silver(40)
    df = spark.createDataFrame(rows, "id string, text string, published string")
    readings = dateline.spark.read(df).collect()
    assert sorted(r["id"] for r in readings) == sorted(r["id"] for r in rows)
    kept = [dateline.Reading.from_bytes(r["reading"]) for r in readings if r["id"] < rows[20]["id"]]
    want = [dateline.Document(r["id"], r["text"], r["published"]) for r in rows if r["id"] < rows[20]["id"]]
    assert dateline.build_timeline(kept) == dateline.build_timeline(want)


def test_date_columns_and_missing_columns(spark: Any) -> None:
    from pyspark.sql import functions as F

    rows = silver(10)
    df = spark.createDataFrame(rows, "id string, text string, published string")
    dated = df.withColumn("day", F.to_date("published")).drop("published")
    by_date = dateline.spark.build_timeline(dated, published="day")
    assert by_date == dateline.build_timeline([dateline.Document(r["id"], r["text"], r["published"]) for r in rows])
    with pytest.raises(ValueError, match="no column 'body'"):
        dateline.spark.build_timeline(df, text="body")
