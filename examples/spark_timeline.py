"""The timeline of a folder of articles or a JSON Lines file, read on Spark.

    pip install './python[spark]'          # dateline with pyspark and pyarrow (needs Java 17)
    python examples/spark_timeline.py seeds/
    python examples/spark_timeline.py articles.jsonl   # lines of {"id", "text", "published"}

Documents are read in the executors (here the local cores, ``local[*]``); the driver assembles
the timeline from their readings and prints it as Markdown.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pyspark.sql import SparkSession

import dateline
import dateline.spark


def main(path: str) -> None:
    # The executors run this interpreter, where dateline is installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.master("local[*]").appName("dateline").config("spark.ui.enabled", "false").getOrCreate()
    try:
        source = Path(path)
        if source.is_dir():
            docs = dateline.read_dir(source)
            rows = [(d.id, d.text, d.published.isoformat() if d.published else None) for d in docs]
            df = spark.createDataFrame(rows, "id string, text string, published string")
        else:
            df = spark.read.json(str(source))
        timeline = dateline.spark.build_timeline(df)
        print(timeline.to_markdown())
    finally:
        spark.stop()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "seeds")
