"""`Document` input checks: errors name `Document`, not the internal calls it makes."""

import pytest

import presslens
from presslens import _core


@pytest.mark.parametrize("bad", [123, b"bytes", None, ["a list"]])
def test_document_refuses_a_non_str_and_names_itself(bad):
    with pytest.raises(TypeError, match=r"^Document\(\) argument 'text' must be str, not "):
        presslens.Document(bad)


def test_the_one_analysis_behind_document_names_document_in_its_error():
    with pytest.raises(TypeError, match=r"^Document\(\) argument 'text' must be str, not bytes"):
        _core._quotes_speakers_attributions(b"bytes")


def test_document_takes_a_str_subclass_like_a_str():
    class Headline(str):
        pass

    text = "“We are ready,” the mayor said."
    doc = presslens.Document(Headline(text))
    plain = presslens.Document(text)
    assert doc.quotes == plain.quotes and doc.attributions == plain.attributions
    assert [q.text for q in doc.quotes] == ["We are ready,"]
