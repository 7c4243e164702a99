"""Times the Python package against the command line on the seeds timeline, in one run.

    python benches/python_vs_cli.py [--cli target/release/dateline] [--runs 20]

Run it with the Python that has dateline installed (e.g. the test command's virtual
environment, target/py-test-venv/bin/python). Prints medians: the import time of ``dateline``,
building the seeds timeline in process (and making its Python event objects), and whole
processes that write the seeds timeline as JSON from Python and from the CLI.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, List

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def median_seconds(run: Callable[[], object], runs: int) -> float:
    times: List[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def process(argv: List[str]) -> Callable[[], object]:
    return lambda: subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", default=str(ROOT / "target" / "release" / "dateline"))
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    import dateline

    python = sys.executable
    bare = median_seconds(process([python, "-c", "pass"]), args.runs)
    with_import = median_seconds(process([python, "-c", "import dateline"]), args.runs)
    docs = dateline.read_dir(SEEDS)
    build = median_seconds(lambda: dateline.build_timeline(docs), args.runs)
    objects = median_seconds(lambda: dateline.build_timeline(docs).events, args.runs)
    script = f"import dateline; print(dateline.build_timeline(dateline.read_dir({str(SEEDS)!r})).to_json())"
    python_whole = median_seconds(process([python, "-c", script]), args.runs)
    cli_whole = median_seconds(process([args.cli, "timeline", str(SEEDS), "--format", "json"]), args.runs)

    ms = lambda s: f"{s * 1000:8.1f} ms"  # noqa: E731
    print(f"medians of {args.runs} runs; {len(docs)} seed documents, {sum(len(d.text.encode()) for d in docs)} bytes")
    print(f"import dateline (python -c 'import dateline' minus python -c pass) {ms(with_import - bare)}")
    print(f"build_timeline(seeds), in process                                 {ms(build)}")
    print(f"build_timeline(seeds).events (Python objects too), in process     {ms(objects)}")
    print(f"whole process, Python: read, build, to_json                        {ms(python_whole)}")
    print(f"whole process, CLI: dateline timeline seeds --format json          {ms(cli_whole)}")
    print(f"Python process / CLI process                                       {python_whole / cli_whole:8.2f}x")


if __name__ == "__main__":
    main()
