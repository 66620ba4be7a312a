"""The notebooks: the walkthrough and the analysis notebook run top to bottom on the seed corpus,
and every notebook under notebooks/ is committed clean (no outputs, no execution counts)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import nbclient
import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
WALKTHROUGH = NOTEBOOKS / "walkthrough.ipynb"
ANALYSIS = NOTEBOOKS / "analysis.ipynb"
COMMITTED = sorted(p for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


@pytest.fixture
def python3_kernel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make the `python3` kernelspec run this interpreter (the one that has kg installed).

    Jupyter searches JUPYTER_PATH before the user, environment and system folders, and the first
    `python3` it finds wins, so a spec put first there shadows any other installed python3 kernel.
    """
    data_dir = tmp_path / "jupyter"
    spec_dir = data_dir / "kernels" / "python3"
    spec_dir.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (kg tests)",
        "language": "python",
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    search_path = [
        str(data_dir),
        *filter(None, os.environ.get("JUPYTER_PATH", "").split(os.pathsep)),
    ]
    monkeypatch.setenv("JUPYTER_PATH", os.pathsep.join(search_path))
    monkeypatch.delenv("KG_CORPUS", raising=False)  # the notebook's checks run on the seed corpus
    return spec_dir


def test_python3_kernel_is_this_interpreter(python3_kernel: Path) -> None:
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec("python3")
    assert spec.argv[0] == sys.executable


@pytest.mark.parametrize("path", [WALKTHROUGH, ANALYSIS], ids=lambda p: p.stem)
def test_notebook_runs_on_the_seeds(python3_kernel: Path, path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=600,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()  # raises CellExecutionError, with the cell and its traceback, on a failure

    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    errors = [
        f"cell {cell.get('id', index)}: {output.ename}: {output.evalue}"
        for index, cell in enumerate(code_cells)
        for output in cell.outputs
        if output.output_type == "error"
    ]
    assert not errors
    assert all(cell.execution_count is not None for cell in code_cells)


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: str(p.relative_to(NOTEBOOKS)))
def test_committed_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata.kernelspec.name == "python3"
    dirty = [
        cell.get("id", index)
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)
    ]
    assert not dirty, f"{path.name}: clear the outputs of cells {dirty} before committing"


@pytest.mark.parametrize("path", [WALKTHROUGH, ANALYSIS], ids=lambda p: p.stem)
def test_the_executed_notebooks_are_committed(path: Path) -> None:
    assert path in COMMITTED
