"""The examples in the docstrings and the documentation pages run and give what they show.

Compiled functions are documented in ``python/presslens/_core.pyi`` (the reference site reads
the stubs); their examples run here against the real extension. Modules whose extra is missing
are skipped.
"""

import ast
import doctest
import importlib
import os

import pytest

import presslens
from conftest import ROOT

PURE_PYTHON_MODULES = {
    "presslens.corpus": ["pandas"],
    "presslens.compare": ["pandas"],
    "presslens._sentiment": [],
    "presslens.accessor": ["pandas"],
    "presslens.dask": ["pandas", "dask.dataframe"],
    "presslens.plot": ["pandas", "matplotlib"],
    "presslens.cli": [],
}
PAGES = ["docs/index.md", "docs/getting-started.md"]
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def run(test: doctest.DocTest) -> None:
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    out: list = []
    runner.run(test, out=out.append)
    assert runner.failures == 0, "".join(out)


def stub_docstrings() -> list:
    """(name, line, docstring) of every class, function and method in _core.pyi."""
    tree = ast.parse((ROOT / "python" / "presslens" / "_core.pyi").read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            doc = ast.get_docstring(node)
            found.append((node.name, node.lineno, doc))
    return found


def test_every_exported_name_is_documented_with_an_example():
    # The public API is presslens.__all__; compiled names are documented in the stubs.
    tree = ast.parse((ROOT / "python" / "presslens" / "_core.pyi").read_text(encoding="utf-8"))
    stubs = {
        node.name: ast.get_docstring(node)
        for node in tree.body
        if isinstance(node, (ast.FunctionDef, ast.ClassDef))
    }
    missing = []
    for name in presslens.__all__:
        if name == "__version__":
            continue
        obj = getattr(presslens, name)
        doc = obj.__doc__ if obj.__module__ != "presslens._core" else stubs.get(name)
        if not doc or ">>>" not in doc:
            missing.append(name)
    assert not missing, f"no docstring example: {missing}"


def test_every_exported_name_is_in_the_reference():
    # Each public name has a `::: presslens.NAME` block on some page of docs/api.
    pages = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs" / "api").glob("*.md"))
    missing = [n for n in presslens.__all__ if n != "__version__" and f"::: presslens.{n}\n" not in pages]
    assert not missing, f"not in docs/api/*.md: {missing}"


@pytest.mark.parametrize("name,line,doc", [d for d in stub_docstrings() if d[2] and ">>>" in d[2]],
                         ids=lambda v: v if isinstance(v, str) and v.isidentifier() else "")
def test_stub_examples(name, line, doc):
    core = importlib.import_module("presslens._core")
    globs = {n: getattr(core, n) for n in dir(core) if not n.startswith("__")}
    # The package's analyzer (a subclass with a dict-like .lexicon) is the documented one.
    globs["SentimentIntensityAnalyzer"] = presslens.SentimentIntensityAnalyzer
    run(doctest.DocTestParser().get_doctest(doc, globs, name, "_core.pyi", line))


@pytest.mark.parametrize("module", sorted(PURE_PYTHON_MODULES))
def test_module_examples(module):
    for dep in PURE_PYTHON_MODULES[module]:
        pytest.importorskip(dep)
    mod = importlib.import_module(module)
    tests = doctest.DocTestFinder().find(mod, globs=dict(vars(mod)))
    assert any(t.examples for t in tests), f"{module} has no examples"
    for t in tests:
        run(t)


@pytest.mark.parametrize("page", PAGES)
def test_page_examples(page):
    path = ROOT / page
    test = doctest.DocTestParser().get_doctest(
        path.read_text(encoding="utf-8"), {}, page, str(path), 0
    )
    assert test.examples
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        run(test)
    finally:
        os.chdir(cwd)
