#!/usr/bin/env python3
"""One version, one MSRV, one changelog: the checks of what a release says about itself.

Usage: check_release.py [REPO_ROOT]   (the standard library only; Python 3.11 for tomllib)

- The version is set once, in the workspace's Cargo.toml (`[workspace.package] version`):
  every crate inherits it, the workspace's own path dependencies ask for exactly it, the
  Python package takes it from the binding crate (`dynamic = ["version"]`, maturin), and
  CHANGELOG.md has a section for it.
- The MSRV is declared once (`[workspace.package] rust-version`) and every crate inherits
  it. The machine has one Rust toolchain and can fetch no other, so the MSRV is checked the
  way that needs none: every crate that building the library, the command line or the
  Python module pulls in (normal and build dependencies, as Cargo.lock resolves them)
  declares a rust-version no newer than ours, and clippy's `incompatible_msrv` lint (on by
  default, an error under -D warnings) refuses standard-library items newer than it. The
  test suite's own dev-dependencies may need a newer Rust; they are listed, not refused.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path


def version_tuple(v: str) -> tuple[int, ...]:
    """`1.85` and `1.85.0` alike: three numbers."""
    parts = [int(x) for x in re.findall(r"\d+", v)[:3]]
    return tuple(parts + [0] * (3 - len(parts)))


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent)
    problems: list[str] = []
    workspace = tomllib.loads((root / "Cargo.toml").read_text())
    package = workspace["workspace"]["package"]
    version, msrv = package["version"], package["rust-version"]

    for name, dep in workspace["workspace"].get("dependencies", {}).items():
        if isinstance(dep, dict) and "path" in dep and dep.get("version") not in (None, f"={version}", version):
            problems.append(f"workspace dependency {name} asks for {dep['version']}, not {version}")

    metadata = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--locked"],
            cwd=root,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    members = set(metadata["workspace_members"])
    packages = {p["id"]: p for p in metadata["packages"]}
    for pid in sorted(members):
        p = packages[pid]
        if p["version"] != version:
            problems.append(f"crate {p['name']} is version {p['version']}, not the workspace's {version}")
        if p.get("rust_version") != msrv:
            problems.append(f"crate {p['name']} declares rust-version {p.get('rust_version')}, not {msrv}")
        manifest = tomllib.loads(Path(p["manifest_path"]).read_text())["package"]
        for key in ("version", "rust-version"):
            if manifest.get(key) != {"workspace": True}:
                problems.append(f"crate {p['name']}: {key} is not inherited from the workspace ({key}.workspace = true)")

    # Normal and build dependencies of the members, as resolved: what a user's build compiles.
    nodes = {n["id"]: n for n in metadata["resolve"]["nodes"]}
    needed: set[str] = set()
    todo = list(members)
    while todo:
        pid = todo.pop()
        for dep in nodes[pid]["deps"]:
            kinds = {k["kind"] for k in dep["dep_kinds"]}
            if kinds & {None, "build"} and dep["pkg"] not in needed:
                needed.add(dep["pkg"])
                todo.append(dep["pkg"])
    newer = sorted(
        f"{packages[pid]['name']} {packages[pid]['version']} (rust-version {packages[pid]['rust_version']})"
        for pid in needed
        if packages[pid].get("rust_version") and version_tuple(packages[pid]["rust_version"]) > version_tuple(msrv)
    )
    for n in newer:
        problems.append(f"dependency {n} needs a newer Rust than the declared MSRV {msrv}")
    dev_newer = sorted(
        {
            f"{p['name']} {p['version']} (rust-version {p['rust_version']})"
            for pid, p in packages.items()
            if pid not in needed
            and pid not in members
            and p.get("rust_version")
            and version_tuple(p["rust_version"]) > version_tuple(msrv)
        }
    )

    pyproject = tomllib.loads((root / "python" / "pyproject.toml").read_text())
    project = pyproject["project"]
    if "version" in project or "version" not in project.get("dynamic", []):
        problems.append("python/pyproject.toml sets its own version: it must be dynamic = [\"version\"] (from Cargo.toml)")

    for py in sorted((root / "python").rglob("*.py")):
        if re.search(r'^__version__\s*=\s*["\']', py.read_text(), re.M):
            problems.append(f"{py.relative_to(root)} writes a version of its own")

    changelog = root / "CHANGELOG.md"
    if not changelog.exists():
        problems.append("CHANGELOG.md is missing")
    elif not re.search(rf"^## \[?{re.escape(version)}\]?", changelog.read_text(), re.M):
        problems.append(f"CHANGELOG.md has no section for {version} (a line '## {version} …')")

    for p in problems:
        print(f"release check: {p}")
    if problems:
        return 1
    print(f"release check: version {version} everywhere (crates, Python package, CHANGELOG.md); MSRV {msrv} "
          f"declared once, and the {len(needed)} crates a build compiles allow it")
    if dev_newer:
        print("  (test-only dependencies that need a newer Rust: " + ", ".join(dev_newer) + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
