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
