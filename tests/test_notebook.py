"""examples/media_analysis.ipynb runs top to bottom without an error."""

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("pandas")
pytest.importorskip("matplotlib")

from conftest import ROOT  # noqa: E402

NOTEBOOK = ROOT / "examples" / "media_analysis.ipynb"


def test_media_analysis_notebook_executes():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )  # fmt: skip
    client.execute()  # raises CellExecutionError on any error
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("presslens-document" in h for h in html), "the article is rendered"
    assert any("presslens-corpus" in h for h in html), "the corpus summary is shown"
    pngs = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(pngs) == 2, "both charts are drawn"
