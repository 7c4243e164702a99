#!/usr/bin/env python3
"""Check story folders against FORMAT.md (beside this script).

Usage: python3 check.py [DIR ...]   (story folders or folders of them; default: the dev and
test folders beside this script)

For every <slug>/ folder with a gold.json it checks:
  - gold.json keys, slug == folder name, slug spelling;
  - documents: ids unique (across all stories) and of the form <slug>-<name>, files exist,
    every .txt in the folder is listed, published is a valid YYYY-MM-DD or null, kind valid;
  - articles: UTF-8, no square brackets, headline on line 1, 150-500 words;
  - events: ids unique, date valid (YYYY, YYYY-MM or YYYY-MM-DD and a real calendar date),
    core is a bool, at least one mention, every mention's doc is listed, every mention text has
    balanced non-nested brackets, 4-20 words, and with the brackets removed occurs exactly once
    in its article; conflict is null or {"dates": [...]} with >= 2 distinct valid dates of the
    same granularity as `date`, including `date`;
  - max_rows is an int >= number of events (warning if not equal);
  - every document is cited by at least one mention (warning otherwise).
Exit status 1 if any error.
"""
import datetime
import json
import os
import re
import sys

KINDS = {"wire", "paper", "blog", "release", "broadcast"}
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE_RES = [
    (re.compile(r"^\d{4}$"), "%Y"),
    (re.compile(r"^\d{4}-\d{2}$"), "%Y-%m"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "%Y-%m-%d"),
]

errors = []
warnings = []


def err(where, msg):
    errors.append(f"ERROR {where}: {msg}")


def warn(where, msg):
    warnings.append(f"WARN  {where}: {msg}")


def granularity(d):
    """Return 'Y', 'M' or 'D' for a valid date string, else None."""
    if not isinstance(d, str):
        return None
    for (rx, fmt), g in zip(DATE_RES, "YMD"):
        if rx.match(d):
            try:
                datetime.datetime.strptime(d, fmt)
            except ValueError:
                return None
            return g
    return None


def strip_brackets(text):
    return text.replace("[", "").replace("]", "")


def check_brackets(text):
    """Balanced, non-nested, non-empty [..] spans; at least one."""
    depth = 0
    spans = 0
    cur = ""
    for ch in text:
        if ch == "[":
            if depth:
                return "nested bracket"
            depth = 1
            cur = ""
        elif ch == "]":
            if not depth:
                return "unbalanced ]"
            if not cur.strip():
                return "empty bracket"
            depth = 0
            spans += 1
        elif depth:
            cur += ch
    if depth:
        return "unclosed ["
    if spans == 0:
        return "no bracketed span"
    return None


def check_story(folder, all_doc_ids, stats):
    slug = os.path.basename(folder.rstrip("/"))
    where = slug
    gpath = os.path.join(folder, "gold.json")
    try:
        with open(gpath, encoding="utf-8") as f:
            gold = json.load(f)
    except Exception as e:  # noqa: BLE001
        err(where, f"cannot read gold.json: {e}")
        return
    for key in ("story", "domain", "summary", "documents", "events", "max_rows"):
        if key not in gold:
            err(where, f"gold.json lacks key {key!r}")
    if gold.get("story") != slug:
        err(where, f"story {gold.get('story')!r} != folder name {slug!r}")
    if not SLUG_RE.match(slug):
        err(where, "slug is not lower-case words joined by '-'")

    # documents
    docs = {}
    texts = {}
    listed_files = set()
    for d in gold.get("documents", []):
        did = d.get("id")
        w = f"{slug}/doc {did}"
        if did in all_doc_ids:
            err(w, "document id not unique across stories")
        all_doc_ids.add(did)
        if did in docs:
            err(w, "duplicate document id")
        fname = d.get("file", "")
        name = os.path.splitext(fname)[0]
        if did != f"{slug}-{name}":
            err(w, f"id should be {slug}-{name}")
        if not fname.endswith(".txt"):
            err(w, "file should be a .txt")
        listed_files.add(fname)
        pub = d.get("published", "MISSING")
        if pub is not None and granularity(pub) != "D":
            err(w, f"published {pub!r} is not YYYY-MM-DD or null")
        if d.get("kind") not in KINDS:
            err(w, f"kind {d.get('kind')!r} not in {sorted(KINDS)}")
        path = os.path.join(folder, fname)
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except Exception as e:  # noqa: BLE001
            err(w, f"cannot read {fname}: {e}")
            continue
        if "[" in text or "]" in text:
            err(w, "square bracket in article text")
        lines = text.split("\n")
        if not lines[0].strip():
            err(w, "first line (headline) is empty")
        nwords = len(text.split())
        if not 150 <= nwords <= 500:
            warn(w, f"{nwords} words (expected 150-500)")
        stats["words"].append(nwords)
        docs[did] = d
        texts[did] = text
    for fname in sorted(os.listdir(folder)):
        if fname.endswith(".txt") and fname not in listed_files:
            err(where, f"{fname} not listed in documents")

    # events
    ev_ids = set()
    cited = set()
    events = gold.get("events", [])
    for ev in events:
        eid = ev.get("id")
        w = f"{slug}/event {eid}"
        if eid in ev_ids:
            err(w, "duplicate event id")
        ev_ids.add(eid)
        if not ev.get("what"):
            err(w, "missing 'what'")
        g = granularity(ev.get("date"))
        if g is None:
            err(w, f"invalid date {ev.get('date')!r}")
        if not isinstance(ev.get("core"), bool):
            err(w, "core must be true or false")
        mentions = ev.get("mentions") or []
        if not mentions:
            err(w, "no mentions")
        for m in mentions:
            doc = m.get("doc")
            mt = m.get("text", "")
            mw = f"{w}/mention {mt!r}"
            if doc not in docs:
                err(mw, f"doc {doc!r} not in documents")
                continue
            cited.add(doc)
            b = check_brackets(mt)
            if b:
                err(mw, b)
            plain = strip_brackets(mt)
            n = len(plain.split())
            if not 4 <= n <= 20:
                err(mw, f"{n} words (expected 4-20)")
            count = texts[doc].count(plain)
            if count != 1:
                err(mw, f"occurs {count} times in {docs[doc]['file']} (expected exactly once)")
        if "conflict" not in ev:
            err(w, "missing 'conflict' (use null)")
        conf = ev.get("conflict")
        if conf is not None:
            if not isinstance(conf, dict) or not isinstance(conf.get("dates"), list):
                err(w, "conflict must be null or {\"dates\": [...]}")
            else:
                ds = conf["dates"]
                if len(set(ds)) < 2:
                    err(w, "conflict needs at least two distinct dates")
                if ev.get("date") not in ds:
                    err(w, "conflict dates do not include the gold date")
                for d in ds:
                    if granularity(d) is None:
                        err(w, f"invalid conflict date {d!r}")
                    elif granularity(d) != g:
                        err(w, f"conflict date {d!r} granularity differs from date")
                stats["conflicts"] += 1
    for did in docs:
        if did not in cited:
            warn(f"{slug}/doc {did}", "no mention cites this document")
    mr = gold.get("max_rows")
    if not isinstance(mr, int) or mr < len(events):
        err(where, f"max_rows {mr!r} must be an int >= number of events ({len(events)})")
    elif mr != len(events):
        warn(where, f"max_rows {mr} != number of events {len(events)}")
    nm = sum(len(e.get("mentions") or []) for e in events)
    undated = sum(1 for d in docs.values() if d.get("published") is None)
    stats["rows"].append((slug, gold.get("domain"), len(docs), undated, len(events),
                          sum(1 for e in events if e.get("core")), nm,
                          sum(1 for e in events if e.get("conflict"))))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    batches = sys.argv[1:] or [os.path.join(here, "dev"), os.path.join(here, "test")]
    all_doc_ids = set()
    stats = {"words": [], "conflicts": 0, "rows": []}
    for batch in batches:
        # A story folder itself, or a folder of stories.
        if os.path.exists(os.path.join(batch, "gold.json")):
            check_story(batch, all_doc_ids, stats)
            continue
        for name in sorted(os.listdir(batch)):
            folder = os.path.join(batch, name)
            if os.path.isdir(folder):
                if not os.path.exists(os.path.join(folder, "gold.json")):
                    err(name, "no gold.json")
                    continue
                check_story(folder, all_doc_ids, stats)
    print(f"{'story':24} {'domain':12} docs undated events core mentions conflicts")
    for slug, dom, nd, nu, ne, nc, nm, ncf in stats["rows"]:
        print(f"{slug:24} {str(dom):12} {nd:4} {nu:7} {ne:6} {nc:4} {nm:8} {ncf:9}")
    tot = stats["rows"]
    print(f"TOTAL: {len(tot)} stories, {sum(r[2] for r in tot)} articles "
          f"({sum(r[3] for r in tot)} undated), {sum(r[4] for r in tot)} events, "
          f"{sum(r[6] for r in tot)} mentions, {stats['conflicts']} conflicts; "
          f"article words {min(stats['words'], default=0)}-{max(stats['words'], default=0)}")
    for w in warnings:
        print(w)
    for e in errors:
        print(e)
    if not stats["rows"]:
        errors.append("no story checked: give story folders or folders of them")
    print("OK" if not errors else f"{len(errors)} error(s)")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
