#!/usr/bin/env python3
"""The timeline page in a real browser: headless Chromium, the Python standard library only.

Usage: browser_check.py DATELINE_BINARY SEEDS_DIR

Writes `dateline timeline SEEDS --format html` to a temporary file, opens it in headless
Chromium with the page's test hook (`#dl-test&dl-click=ID`, which clicks the row of event ID
as a reader would and records every error of the page), and reads the page back
(`--dump-dom`). Checks that the page loads with no console error, shows one row per event of
the JSON timeline, that a click on a conflicting row opens its claims with every claim's date
and the sentences that make it, that the axis was drawn, and that a filtered page says it is
filtered. Exit 0 when every check holds, 1 when one fails, 77 when no Chromium is found.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SKIP = 77

# As the machine's notes advise: no background traffic (the network is closed), a fresh
# profile, no sandbox (the checks run as root).
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--enable-logging=stderr",
    "--v=0",
]


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def dump(browser: str, page: Path, fragment: str) -> tuple[str, str]:
    """The page's DOM after load, and what the browser logged."""
    with tempfile.TemporaryDirectory() as profile:
        run = subprocess.run(
            [browser, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri() + fragment],
            capture_output=True,
            text=True,
            timeout=120,
        )
    if run.returncode != 0:
        raise SystemExit(f"chromium exited with {run.returncode}:\n{run.stderr[-2000:]}")
    return run.stdout, run.stderr


def console_errors(log: str) -> list[str]:
    """Lines of the browser's log that report an error of the page's own script."""
    return [
        line
        for line in log.splitlines()
        if "CONSOLE" in line and re.search(r"Uncaught|Error|error", line)
    ]


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    binary, seeds = sys.argv[1], sys.argv[2]
    browser = chromium()
    if browser is None:
        print("browser check skipped: no chromium, chromium-browser or google-chrome on PATH")
        return SKIP
    failures: list[str] = []

    def check(ok: bool, what: str) -> None:
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            failures.append(what)

    timeline = json.loads(
        subprocess.run([binary, "timeline", seeds, "--format", "json"], check=True, capture_output=True, text=True).stdout
    )
    events = timeline["events"]
    conflicting = [e for e in events if e["conflict"]]
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "timeline.html"
        page.write_text(
            subprocess.run([binary, "timeline", seeds, "--format", "html"], check=True, capture_output=True, text=True).stdout,
            encoding="utf-8",
        )
        source = page.read_text(encoding="utf-8")
        check(not re.search(r'(src|href)\s*=\s*"(https?:)?//', source), "the page loads nothing from the network")

        target = conflicting[0]["id"] if conflicting else ""
        dom, log = dump(browser, page, f"#dl-test&dl-click={target}")
        errors = re.search(r'data-dl-errors="([^"]*)"', dom)
        recorded = json.loads(html.unescape(errors.group(1))) if errors else None
        check(recorded == [], f"no error in the page's script (recorded: {recorded})")
        logged = console_errors(log)
        check(not logged, "no console error in the browser's log" + (f": {logged[:3]}" if logged else ""))
        check('data-dl-ready="1"' in dom, "the view's script ran")
        rows = re.findall(r'<tr class="dl-row[^"]*" data-event="([^"]+)"', dom)
        check(rows and sorted(rows) == sorted(e["id"] for e in events), f"one row per event ({len(rows)} rows, {len(events)} events)")
        check(dom.count('class="dl-mark"') > 0, "the time axis is drawn")
        if not conflicting:
            check(False, "the seeds have a conflict to click")
        else:
            row = re.search(r'<tr class="dl-row[^"]*" data-event="%s".*?</tr>' % re.escape(target), dom, re.S)
            text = html.unescape(row.group(0)) if row else ""
            check('<details class="dl-claims" open' in text, "a click on a conflicting row opens its claims")
            plain = re.sub(r"<[^>]+>", "", text)
            for claim in conflicting[0]["conflict"]["claims"]:
                for ev in claim["evidence"]:
                    sentence = " ".join(ev["sentence"].split())
                    check(sentence[:60] in " ".join(plain.split()), f"the claim of {ev['doc']} shows its sentence")
                    check(ev["reason"] in plain, f"and why it weighs {ev['weight']}: {ev['reason'][:50]}")
            check("Why:" in plain, "the rule's explanation is shown")

        filtered = Path(tmp) / "filtered.html"
        filtered.write_text(
            subprocess.run(
                [binary, "timeline", seeds, "--format", "html", "--between", "2022-09-01", "2022-09-30"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout,
            encoding="utf-8",
        )
        dom, _ = dump(browser, filtered, "#dl-test")
        check('class="dl-filter"' in dom and "Filtered" in dom, "a filtered page says it is filtered")

    print(f"browser check: {'passed' if not failures else f'{len(failures)} check(s) failed'} ({browser})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
