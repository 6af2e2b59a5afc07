"""The command line on a bare install (no pandas) and under hostile conditions: outputs are
written whole or not at all, inputs are never overwritten or re-read as articles, only regular
files are read, and every error is one line naming its file."""

import json
import os
import pathlib
import subprocess
import sys

import pytest

from presslens import _cli_output, cli

from conftest import ARTICLES

# Runs the CLI with pandas, numpy, pyarrow and tqdm unimportable, as after `pip install presslens`.
BARE = (
    "import sys\n"
    "for m in ('pandas', 'numpy', 'pyarrow', 'tqdm'):\n"
    "    sys.modules[m] = None\n"
    "from presslens.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def bare(*args):
    return subprocess.run([sys.executable, "-c", BARE, *map(str, args)], capture_output=True, text=True)


def run(args, capsys):
    code = cli.main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_main_command_works_without_pandas():
    r = bare("analyze", ARTICLES)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["outlet", "speaker", "kind", "sent.", "quote"]
    assert lines[-1].endswith("quotes from 5 documents)") and int(lines[-1][1:].split()[0]) > 50


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_csv_and_jsonl_without_pandas_match_the_full_install(tmp_path, fmt, capsys):
    r = bare("analyze", ARTICLES, "--what", "speakers", "--format", fmt)
    assert r.returncode == 0, r.stderr
    code, out, err = run(["analyze", ARTICLES, "--what", "speakers", "--format", fmt], capsys)
    assert code == 0 and r.stdout == out


def test_parquet_without_pyarrow_names_it(tmp_path):
    r = bare("analyze", ARTICLES, "--format", "parquet", "--out", tmp_path / "q.parquet")
    assert r.returncode == 2 and "pyarrow" in r.stderr and r.stderr.count("\n") == 1
    assert not list(tmp_path.iterdir())


def test_failed_write_leaves_existing_output_untouched(tmp_path, capsys, monkeypatch):
    out = tmp_path / "quotes.jsonl"
    out.write_text("previous results\n", encoding="utf-8")

    def full_disk(table):
        yield '{"first": "line"}\n'
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(_cli_output, "jsonl_chunks", full_disk)
    code, _, err = run(["analyze", ARTICLES, "--format", "jsonl", "--out", out], capsys)
    assert code == 2 and str(out) in err and "No space left on device" in err
    assert out.read_text(encoding="utf-8") == "previous results\n"
    assert [p.name for p in tmp_path.iterdir()] == ["quotes.jsonl"]  # no temporary file left


def test_interrupted_write_leaves_no_partial_file(tmp_path, capsys, monkeypatch):
    out = tmp_path / "quotes.csv"

    def interrupted(table):
        yield "doc_id\n"
        raise KeyboardInterrupt

    monkeypatch.setattr(_cli_output, "csv_chunks", interrupted)
    code, _, _ = run(["analyze", ARTICLES, "--format", "csv", "--out", out], capsys)
    assert code == 130 and not list(tmp_path.iterdir())


def test_output_that_is_an_input_is_refused(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": "“We won,” Ann Lee said."}) + "\n", encoding="utf-8")
    before = src.read_bytes()
    code, _, err = run(["analyze", src, "--format", "jsonl", "--out", src], capsys)
    assert code == 2 and "is one of the inputs" in err and str(src) in err
    assert src.read_bytes() == before


def test_output_inside_the_input_folder_is_not_read_back(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("“We won,” Ann Lee said.", encoding="utf-8")
    out = tmp_path / "result.txt"
    for _ in range(2):
        code, _, err = run(["analyze", tmp_path, "--what", "documents", "--out", out], capsys)
        assert code == 0, err
        assert out.read_text(encoding="utf-8").rstrip().endswith("(1 documents)")


def test_output_symlink_is_replaced_not_followed(tmp_path, capsys):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    link = tmp_path / "out.csv"
    link.symlink_to(victim)
    code, _, err = run(["analyze", ARTICLES / "000_e9a033ff924eacf9.txt", "--format", "csv", "--out", link], capsys)
    assert code == 0, err
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not link.is_symlink() and link.read_text(encoding="utf-8").startswith("doc_id,")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_and_device_links_are_refused_without_reading(tmp_path, capsys):
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    code, _, err = run(["analyze", fifo], capsys)  # would block forever if opened
    assert code == 2 and err.strip() == f"presslens: error: {fifo}: not a regular file"
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    code, _, err = run(["analyze", zero], capsys)
    assert code == 2 and "not a regular file" in err and str(zero) in err


def test_article_size_limit_can_be_raised(tmp_path, capsys):
    big = tmp_path / "big.txt"
    big.write_text("Word. " * 200_000, encoding="utf-8")  # 1.2 MB
    code, _, err = run(["analyze", big, "--max-article-mb", "1"], capsys)
    assert code == 2 and str(big) in err and "--max-article-mb" in err
    code, _, err = run(["analyze", big, "--max-article-mb", "2", "--what", "documents"], capsys)
    assert code == 0, err


@pytest.mark.parametrize("content, msg", [
    (b"file,outlet\nx.txt,\xff\xfe\n", "not UTF-8"),
    (b"name;paper\nx.txt;P\n", "needs the columns 'file' and 'outlet'"),
])  # fmt: skip
def test_bad_sources_csv_is_an_error_naming_it(tmp_path, capsys, content, msg):
    (tmp_path / "x.txt").write_text("One sentence.", encoding="utf-8")
    (tmp_path / "sources.csv").write_bytes(content)
    code, _, err = run(["analyze", tmp_path], capsys)
    assert code == 2 and msg in err and str(tmp_path / "sources.csv") in err
    assert len(err.strip().splitlines()) == 1


def test_errors_name_the_file(tmp_path, capsys):
    out = tmp_path / "no" / "such" / "dir" / "out.csv"
    code, _, err = run(["analyze", ARTICLES, "--format", "csv", "--out", out], capsys)
    assert code == 2 and str(out) in err and len(err.strip().splitlines()) == 1
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9")
    code, _, err = run(["analyze", bad], capsys)
    assert code == 2 and str(bad) in err and "not UTF-8" in err


def test_jsonl_keeps_lone_surrogates_exact(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    text = "“We won\ud800,” Ann Lee said."
    src.write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
    out = tmp_path / "q.jsonl"
    code, _, err = run(["analyze", src, "--format", "jsonl", "--out", out], capsys)
    assert code == 0, err
    rec = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert rec["text"] == text[rec["start"]:rec["end"]]
    code, _, err = run(["analyze", src, "--format", "csv", "--out", tmp_path / "q.csv"], capsys)
    assert code == 0, err  # CSV cannot hold a surrogate: one U+FFFD each, same length
    assert "\ufffd" in pathlib.Path(tmp_path / "q.csv").read_text(encoding="utf-8")


def test_output_is_utf8_whatever_the_locale():
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"}
    r = subprocess.run([sys.executable, "-m", "presslens", "analyze", str(ARTICLES)],
                       capture_output=True, env=env)  # fmt: skip
    assert r.returncode == 0, r.stderr.decode("utf-8", "replace")
    assert "’" in r.stdout.decode("utf-8")
