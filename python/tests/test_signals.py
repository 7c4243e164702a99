"""Ctrl-C during a long build: KeyboardInterrupt at once, not when the build ends."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[1].parent / "seeds"

# Builds a timeline of copies of the seed articles sized to take several seconds here (timed on
# a small build first, and capped so that memory stays a few hundred megabytes), says when it
# starts, and says how it ended.
CHILD = """
import sys, time, dateline
seeds = dateline.read_dir(sys.argv[1])
def copies(n):
    return [dateline.Document(f"{d.id}-{i}", d.text) for i in range(n) for d in seeds]
dateline.build_timeline(copies(2))
t0 = time.monotonic()
dateline.build_timeline(copies(20))
per_copy = (time.monotonic() - t0) / 20
n = min(600, max(20, int(8.0 / per_copy)))
if n * per_copy < 3.0:
    print("too fast", flush=True)
    sys.exit(0)
docs = copies(n)
print("building", flush=True)
try:
    dateline.build_timeline(docs)
except KeyboardInterrupt:
    print("KeyboardInterrupt", flush=True)
    sys.exit(3)
print("finished", flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is a POSIX signal")
def test_ctrl_c_interrupts_a_long_build() -> None:
    # Issue 18: SIGINT at 1 s raised KeyboardInterrupt only at 32 s, when the build had ended.
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(SEEDS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        started = child.stdout.readline()
        if started == "too fast\n":
            pytest.skip("this machine builds the largest timeline the test makes in under 3 s")
        assert started == "building\n", child.communicate()[1]
        time.sleep(1.0)
        sent = time.monotonic()
        child.send_signal(signal.SIGINT)
        ended = child.stdout.readline()
        waited = time.monotonic() - sent
        assert ended == "KeyboardInterrupt\n", child.communicate()[1]
        assert waited < 1.0, f"KeyboardInterrupt {waited:.2f} s after SIGINT"
        assert child.wait(timeout=60) == 3
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
