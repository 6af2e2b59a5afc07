"""The command line: inputs, formats, the terminal table, and one-line errors (exit 2)."""

import json
import subprocess
import sys

import pytest

pd = pytest.importorskip("pandas")

import presslens  # noqa: E402
from presslens import cli  # noqa: E402

from conftest import ARTICLES  # noqa: E402


def run(args, capsys):
    code = cli.main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_folder_of_articles_gives_quotes_table_with_outlets(capsys):
    code, out, err = run(["analyze", str(ARTICLES), "--what", "documents"], capsys)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["doc", "outlet", "sentences", "quotes", "speakers", "sent."]
    # Outlets come from examples/articles/sources.csv.
    for outlet in ("NBC News", "NOTUS", "NYT", "WSJ", "Clarion (NYT)"):
        assert any(outlet in line for line in lines)
    assert lines[-1] == "(5 documents)"
    code, out, err = run(["analyze", str(ARTICLES)], capsys)
    assert code == 0 and out.splitlines()[0].split() == ["outlet", "speaker", "kind", "sent.", "quote"]
    n = sum(len(presslens.extract_quotes(p.read_text(encoding="utf-8"))) for p in ARTICLES.glob("*.txt"))
    assert out.splitlines()[-1] == f"({n} quotes from 5 documents)"


def test_txt_outlet_defaults_to_file_stem(tmp_path, capsys):
    (tmp_path / "reuters.txt").write_text("One. Two sentences here.", encoding="utf-8")
    code, out, err = run(["analyze", str(tmp_path / "reuters.txt"), "--what", "documents",
                          "--format", "csv"], capsys)
    assert code == 0, err
    df = pd.read_csv(__import__("io").StringIO(out))
    assert df["outlet"].tolist() == ["reuters"] and df["doc_id"].tolist() == ["reuters.txt"]
    assert df["n_sentences"].tolist() == [len(presslens.split_sentences("One. Two sentences here."))]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_table_files_round_trip(tmp_path, capsys, fmt, articles):
    texts = [articles[n] for n in sorted(articles)][:2]
    src = pd.DataFrame({"body": texts, "id": ["a", "b"], "paper": ["P", "Q"]})
    path = tmp_path / f"in.{fmt}"
    if fmt == "csv":
        src.to_csv(path, index=False)
    elif fmt == "jsonl":
        src.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        src.to_parquet(path)
    out_path = tmp_path / f"out.{fmt}"
    code, out, err = run(["analyze", str(path), "--text-column", "body", "--id-column", "id",
                          "--outlet-column", "paper", "--what", "sentences", "--format", fmt,
                          "--out", str(out_path)], capsys)  # fmt: skip
    assert code == 0, err
    assert out == ""
    if fmt == "csv":
        got = pd.read_csv(out_path)
    elif fmt == "jsonl":
        got = pd.DataFrame([json.loads(line) for line in out_path.read_text(encoding="utf-8").splitlines()])
    else:
        got = pd.read_parquet(out_path)
    want = presslens.analyze(src, text="body", id="id", outlet="paper").sentences
    assert got["doc_id"].tolist() == want["doc_id"].tolist()
    assert got["text"].tolist() == want["text"].tolist()
    assert got["start"].tolist() == want["start"].tolist()
    assert got["compound"].tolist() == pytest.approx(want["compound"].tolist())


def test_jsonl_speakers_keep_lists_and_nulls(tmp_path, capsys):
    p = tmp_path / "a.txt"
    p.write_text("“We won,” Ann Lee said. Ok.", encoding="utf-8")
    for what in ("quotes", "speakers", "documents"):
        code, out, err = run(["analyze", str(p), "--what", what, "--format", "jsonl"], capsys)
        assert code == 0, err
        for line in out.splitlines():
            rec = json.loads(line)
            assert "NaN" not in line
            if what == "speakers":
                assert isinstance(rec["descriptions"], list)


def test_render_table_fits_the_width_and_truncates_text():
    df = pd.DataFrame({
        "outlet": ["NBC News", None], "speaker": ["Donald Trump", None], "kind": ["direct", "scare"],
        "compound": [0.4404, float("nan")],
        "text": ["We had an extremely productive meeting and many points were agreed to " * 3,
                 "ALASKA\n2025"]})
    text = cli.render_table(df, "quotes", width=80)
    lines = text.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "Donald Trump" in lines[2] and "+0.44" in lines[2] and lines[2].endswith("…")
    assert "ALASKA 2025" in lines[3]  # newlines inside a cell never break the table


def test_missing_file_one_line_exit_2(capsys):
    code, out, err = run(["analyze", "no/such/file.txt"], capsys)
    assert code == 2 and out == ""
    assert err.strip() == "presslens: error: no/such/file.txt: no such file or directory"


def test_bad_column_one_line_exit_2(tmp_path, capsys):
    p = tmp_path / "x.csv"
    pd.DataFrame({"a": [1], "b": ["x"]}).to_csv(p, index=False)
    code, out, err = run(["analyze", str(p), "--text-column", "body"], capsys)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "'body'" in err and "a, b" in err


@pytest.mark.parametrize("args, msg", [
    (["analyze", "{tmp}/empty"], "no .txt files"),
    (["analyze", "{tmp}/x.docx"], "unsupported file type"),
    (["analyze", "{tmp}/x.csv", "--format", "parquet"], "needs --out"),
    (["analyze", "{tmp}/broken.parquet"], "cannot read"),
])  # fmt: skip
def test_other_usage_errors(tmp_path, capsys, args, msg):
    (tmp_path / "empty").mkdir()
    (tmp_path / "x.docx").write_text("x")
    (tmp_path / "broken.parquet").write_text("not parquet")
    pd.DataFrame({"text": ["One."]}).to_csv(tmp_path / "x.csv", index=False)
    code, out, err = run([a.format(tmp=tmp_path) for a in args], capsys)
    assert code == 2 and msg in err and len(err.strip().splitlines()) == 1


def test_python_dash_m_and_no_traceback(tmp_path):
    r = subprocess.run([sys.executable, "-m", "presslens", "analyze", str(tmp_path / "missing")],
                       capture_output=True, text=True)  # fmt: skip
    assert r.returncode == 2
    assert "Traceback" not in r.stderr and r.stderr.count("\n") == 1
    r = subprocess.run([sys.executable, "-m", "presslens", "analyze", str(ARTICLES), "--what", "speakers"],
                       capture_output=True, text=True)  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0].split()[:3] == ["outlet", "speaker", "quotes"]
    r = subprocess.run([sys.executable, "-m", "presslens", "analyze", "--format", "xml", "x"],
                       capture_output=True, text=True)  # fmt: skip
    assert r.returncode == 2 and "invalid choice" in r.stderr


def test_no_command_prints_help_exit_2(capsys):
    code, out, err = run([], capsys)
    assert code == 2 and "analyze" in err
    with pytest.raises(SystemExit) as e:
        cli.main(["--version"])
    assert e.value.code == 0 and presslens.__version__ in capsys.readouterr().out


def test_what_mentions(capsys):
    code, out, err = run(["analyze", str(ARTICLES), "--what", "mentions", "--format", "csv"],
                         capsys)  # fmt: skip
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "doc_id,outlet,speaker,start,end,text"
    assert any(line.endswith(",the Russian leader") for line in lines)


def test_threads_out_of_range_is_a_usage_error(capsys):
    from presslens import _core

    for bad in ("0", "-1", str(_core.MAX_THREADS + 1), "100000"):
        code, out, err = run(["analyze", str(ARTICLES), "--threads", bad], capsys)
        assert code == 2, (bad, err)
        assert "--threads" in err and "n_threads" in err, err
