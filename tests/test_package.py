"""The package itself: imports, version, stubs, bad input at the boundary."""

import pathlib

import pytest

import presslens


def test_version_and_typing_files():
    assert presslens.__version__
    pkg = pathlib.Path(presslens.__file__).parent
    assert (pkg / "py.typed").exists()
    assert (pkg / "_core.pyi").exists()


def test_every_public_name_is_documented():
    for name in presslens.__all__:
        obj = getattr(presslens, name)
        if name.startswith("__"):
            continue
        assert obj.__doc__, f"{name} has no docstring"


@pytest.mark.parametrize("bad", [None, b"bytes", 3, float("nan"), ["a list"]])
def test_non_str_raises_type_error_naming_type(bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        presslens.split_sentences(bad)


def test_batch_rejects_single_str_and_bad_items():
    with pytest.raises(TypeError, match="single str"):
        presslens.split_sentences_batch("abc")
    with pytest.raises(TypeError, match=r"texts\[1\].*int"):
        presslens.split_sentences_batch(["ok", 5])
    with pytest.raises(ValueError, match="n_threads"):
        presslens.split_sentences_batch(["ok"], n_threads=0)


def test_no_import_cycles_between_modules():
    """No module of the package imports (even lazily, inside a function) one that imports it
    back, directly or through others."""
    import ast
    import pathlib

    pkg = pathlib.Path(presslens.__file__).parent
    modules = {p.stem: p for p in pkg.glob("*.py") if p.stem != "__init__"}
    graph = {}
    for name, path in modules.items():
        deps = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module == "presslens":
                    deps.update(a.name for a in node.names if a.name in modules)
                elif node.module.startswith("presslens."):
                    deps.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                deps.update(a.name.split(".")[1] for a in node.names if a.name.startswith("presslens."))
        graph[name] = deps & set(modules)

    def reaches(start, goal, seen):
        for dep in graph[start]:
            if dep == goal or (dep not in seen and reaches(dep, goal, seen | {dep})):
                return True
        return False

    cycles = sorted(m for m in graph if reaches(m, m, {m}))
    assert not cycles, cycles


def test_one_public_name_per_thing():
    # cluster_members was quote_clusters; the old name still works, with a warning.
    texts = ["We will rebuild the bridge by spring", "we will rebuild the bridge by spring.", "Nothing"]
    with pytest.warns(DeprecationWarning, match="cluster_members"):
        assert presslens.quote_clusters(texts) == presslens.cluster_members(texts)
    assert "quote_clusters" not in presslens.__all__
    # Batch calls return one result per text; the sentiment columns have their own name.
    assert presslens.polarity_scores_batch(texts) == [presslens.polarity_scores(t) for t in texts]
    cols = presslens.polarity_scores_columns(texts)
    assert cols["compound"] == [presslens.polarity_scores(t)["compound"] for t in texts]
