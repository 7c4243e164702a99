#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets in fuzz/corpus/<target>/ (gitignored) from
# seeds/*.txt, the timex cases of the tests and, when present, the shared corpora in
# ../shared/data (or $DATELINE_DATA): TempEval-3 texts and the SemEval-2015 trial articles.
# Inputs are cut to at most 64 KB (tag) and 4 KB (timeline, the fuzzing -max_len).
# Usage: fuzz/seed.sh   (re-running replaces the seeds, keeps what fuzzing added)
set -euo pipefail
fuzz="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$fuzz")"
data="${DATELINE_DATA:-$root/../shared/data}"
mkdir -p "$fuzz/corpus/tag" "$fuzz/corpus/timeline"
python3 - "$root" "$data" "$fuzz/corpus" <<'PY'
import json, pathlib, sys

root, data, corpus = (pathlib.Path(p) for p in sys.argv[1:4])
TAG_MAX, TIMELINE_MAX = 64 * 1024, 4096


def cut(text: str, limit: int) -> bytes:
    """The text's UTF-8 bytes, cut at a character boundary to at most `limit` bytes."""
    b = text.encode("utf-8")
    if len(b) <= limit:
        return b
    return b[:limit].decode("utf-8", "ignore").encode("utf-8")


def dated(text: str, dct) -> str:
    """The fuzz targets' form: an optional leading YYYY-MM-DD line is the publication date."""
    return f"{dct}\n{text}" if dct else text


def write(target: str, name: str, content: bytes) -> None:
    (corpus / target / f"seed-{name}").write_bytes(content)


def timeline_group(docs) -> bytes:
    """Documents cut on NUL, each cut so that the group fits the timeline max_len."""
    share = TIMELINE_MAX // len(docs) - 1
    return b"\0".join(cut(d, share) for d in docs)[:TIMELINE_MAX]


counts = {"tag": 0, "timeline": 0}

# The seed articles: alone (tag) and together (timeline), with and without dates.
seeds = [p.read_text() for p in sorted((root / "seeds").glob("*.txt"))]
for i, text in enumerate(seeds):
    write("tag", f"seeds-{i}", cut(text, TAG_MAX))
    write("tag", f"seeds-{i}-dated", cut(dated(text, "2023-03-17"), TAG_MAX))
    counts["tag"] += 2
write("timeline", "seeds-all", timeline_group(seeds))
write("timeline", "seeds-all-dated", timeline_group([dated(t, "2023-03-17") for t in seeds]))
for i in range(len(seeds) - 1):
    write("timeline", f"seeds-pair-{i}", timeline_group(seeds[i : i + 2]))
counts["timeline"] += 2 + len(seeds) - 1

# The timex cases of the tests: one short sentence each, with its publication date.
cases = []
for n, line in enumerate((root / "crates/dateline/tests/data/timex_cases.txt").read_text().splitlines()):
    if not line.strip() or line.startswith("#") or "|" not in line:
        continue
    dct, text = (s.strip() for s in line.split("|", 1))
    plain = []
    for part in text.replace("[", "\x01[").split("\x01"):
        # "[words|TYPE|value]" -> "words"
        if part.startswith("["):
            inner, _, rest = part[1:].partition("]")
            plain.append(inner.split("|", 1)[0] + rest)
        else:
            plain.append(part)
    sentence = "".join(plain)
    cases.append((None if dct == "-" else dct, sentence))
    write("tag", f"case-{n}", dated(sentence, None if dct == "-" else dct).encode())
    counts["tag"] += 1
# Groups of cases as small timelines.
for i in range(0, len(cases), 4):
    group = [dated(s, d) for d, s in cases[i : i + 4]]
    write("timeline", f"cases-{i}", "\0".join(group).encode())
    counts["timeline"] += 1

# TempEval-3: gold texts (all) and a sample of the silver ones, with their DCT.
te3 = data / "te3"
for name, step in (("te3_train.jsonl", 1), ("te3_silver.jsonl", 10)):
    path = te3 / name
    if not path.is_file():
        print(f"seed.sh: {path} not found, skipped", file=sys.stderr)
        continue
    docs = [json.loads(l) for l in path.read_text().splitlines() if l.strip()][::step]
    stem = name.split(".")[0]
    for i, d in enumerate(docs):
        write("tag", f"{stem}-{i}", cut(dated(d["text"], d.get("dct")), TAG_MAX))
        counts["tag"] += 1
    # Consecutive documents as small timelines (newswire of the same days).
    for i in range(0, min(len(docs), 120), 3):
        write("timeline", f"{stem}-{i}", timeline_group([dated(d["text"], d.get("dct")) for d in docs[i : i + 3]]))
        counts["timeline"] += 1

# SemEval-2015 trial: 30 Wikinews articles about Apple, with their publication dates.
apple = data / "semeval2015-trial" / "apple.json"
if apple.is_file():
    docs = json.loads(apple.read_text())["corpus"]["documents"]
    for i, d in enumerate(docs):
        write("tag", f"semeval-{i}", cut(dated(d["text"], d.get("dct")), TAG_MAX))
        counts["tag"] += 1
    for i in range(0, len(docs), 2):
        write("timeline", f"semeval-{i}", timeline_group([dated(d["text"], d.get("dct")) for d in docs[i : i + 2]]))
        counts["timeline"] += 1
    write("timeline", "semeval-undated", timeline_group([d["text"] for d in docs[:4]]))
    counts["timeline"] += 1
else:
    print(f"seed.sh: {apple} not found, skipped", file=sys.stderr)

for target, n in counts.items():
    print(f"fuzz/corpus/{target}: {n} seeds")
PY
