"""The Python examples (the notebook and the script) run from top to bottom, so they cannot rot."""

from __future__ import annotations

from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_the_seeds_notebook_runs() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("matplotlib")
    pytest.importorskip("ipykernel")
    notebook = nbformat.read(EXAMPLES / "seeds_timeline.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}
    )
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    # The timeline cell shows the HTML table; the plot cell an image.
    assert any("dl-view" in o.get("data", {}).get("text/html", "") for o in outputs)
    assert any("image/png" in o.get("data", {}) for o in outputs)


def test_the_seeds_script_runs() -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, str(EXAMPLES / "seeds_timeline.py"), "--about", "Mikhail Bogdanov"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "Where the sources disagree:" in out
    assert "10 September 2022" in out and "9 September 2022" in out
    assert "The events of Mikhail Bogdanov:" in out
    assert "16 March 2023" in out.split("The events of Mikhail Bogdanov:")[1]
