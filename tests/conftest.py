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


def pytest_report_header(config) -> str:
    # Says which presslens the suite tests: the installed wheel (scripts/check_wheel.sh checks
    # this line) or a development build.
    import presslens

    return f"presslens {presslens.__version__} from {pathlib.Path(presslens.__file__).parent}"
