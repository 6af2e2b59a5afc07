import json
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
ARTICLES = ROOT / "examples" / "articles"


def read_article(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def articles() -> dict:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))}


def load_jsonl(name: str) -> list:
    with open(DATA / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def quote_mentions(text: str) -> list:
    """(quote start, quote end, kind, mention start, mention end, mention text) of each quote of
    `extract_quotes(text)`, every span checked against the text (the mention's None if none)."""
    import presslens

    out = []
    for q in presslens.extract_quotes(text):
        assert text[q.start : q.end] == q.text
        m = q.mention
        if m is not None:
            assert text[m.start : m.end] == m.text
        out.append((q.start, q.end, q.kind, m.start if m else None, m.end if m else None, m.text if m else None))
    return out


def pytest_report_header(config) -> str:
    # Says which presslens the suite tests: the installed wheel (scripts/check_wheel.sh checks
    # this line) or a development build.
    import presslens

    return f"presslens {presslens.__version__} from {pathlib.Path(presslens.__file__).parent}"
