"""One version: Cargo.toml is the source; the wheel metadata, ``presslens.__version__``,
``presslens --version`` and CHANGELOG.md must all agree with it."""

import importlib.metadata
import re
import subprocess
import sys

import presslens
from conftest import ROOT


def cargo_version() -> str:
    text = (ROOT / "Cargo.toml").read_text(encoding="utf-8")
    package = text.split("[package]", 1)[1].split("\n[", 1)[0]
    m = re.search(r'^version\s*=\s*"([^"]+)"', package, re.M)
    assert m, "no version in Cargo.toml [package]"
    return m.group(1)


def test_version_comes_from_cargo_toml():
    # pyproject.toml declares the version dynamic, so there is no second copy to forget.
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^dynamic\s*=\s*\[[^\]]*"version"', pyproject, re.M)
    assert not re.search(r"^version\s*=", pyproject.split("[project]", 1)[1].split("\n[", 1)[0], re.M)
    # A pre-release such as 1.0.0-rc.1 would read 1.0.0rc1 in the wheel: keep plain versions.
    assert re.fullmatch(r"\d+\.\d+\.\d+", cargo_version())
    assert presslens.__version__ == cargo_version()


def test_installed_metadata_agrees():
    assert importlib.metadata.version("presslens") == presslens.__version__


def test_command_line_version_agrees():
    out = subprocess.run(
        [sys.executable, "-m", "presslens", "--version"], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == f"presslens {presslens.__version__}"


def test_changelog_has_a_section_for_the_version():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[?{re.escape(presslens.__version__)}\]?\b", changelog, re.M)
