"""Shared fixtures: the seed articles of the repository."""

from __future__ import annotations

from pathlib import Path
from typing import List

import pytest

import dateline

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds() -> List[dateline.Document]:
    return dateline.read_dir(SEEDS)


@pytest.fixture(scope="session")
def timeline(seeds: List[dateline.Document]) -> dateline.Timeline:
    return dateline.build_timeline(seeds)
