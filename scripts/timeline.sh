#!/usr/bin/env bash
# The main command: build one timeline from the seed articles (no publication dates given; they
# are inferred) and print it as Markdown: each event once, dated as the sources support, with
# disagreements between sources marked ⚠ and every claim listed. Extra arguments go to
# `dateline timeline`, e.g. `--format json`, `--about Lavrov` or `--policy earliest`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
exec cargo run --release -q -p dateline-cli -- timeline seeds/ --format md "$@"
