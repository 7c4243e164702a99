#!/usr/bin/env bash
# The main command: tag the seed articles and print their temporal expressions, one per line
# (document, code-point span, text, TIMEX3 type, value, mod). Extra arguments go to
# `dateline tag`, e.g. `--format json` or `--published 2023-03-17`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
exec cargo run --release -q -p dateline-cli -- tag seeds/*.txt --format text "$@"
