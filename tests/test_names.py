"""Canonical speaker names without a built-in list of people: the article's own full name, the
one full name a corpus gives for a surname, and the user's ``known_people``."""

import importlib.util
import json
import pathlib
import re

import pytest

import presslens
from presslens import _names

ROOT = pathlib.Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("score_quotes", ROOT / "scripts" / "score_quotes.py")
score_quotes = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score_quotes)

GOLD = ROOT / "tests" / "data" / "quotes_gold.jsonl"
ARTICLES = ROOT / "examples" / "articles"


def speakers_of(corpus, doc):
    out = {}
    for table in ("quotes", "attributions", "speakers", "mentions"):
        df = getattr(corpus, table)
        out[table] = set(df.loc[df["doc_id"] == doc, "speaker"].dropna())
    return out


def test_a_lone_article_keeps_the_surname_it_wrote():
    # No full name anywhere in the text: no guess from a list of famous people.
    quotes = presslens.extract_quotes("“The talks are over,” Mr. Trump told the crowd.")
    assert [q.speaker for q in quotes] == ["Trump"]
    quotes = presslens.extract_quotes("“We reopen the mill on Friday,” Governor Halvorsen said.")
    assert [q.speaker for q in quotes] == ["Halvorsen"]


def test_the_full_name_written_once_in_the_article_names_the_later_quotes():
    text = (
        "Governor Edda Halvorsen visited the mill on Thursday.\n\n"
        "“We reopen it on Friday,” Ms. Halvorsen said."
    )
    assert [q.speaker for q in presslens.extract_quotes(text)] == ["Edda Halvorsen"]


def test_the_corpus_completes_a_surname_in_every_speaker_column():
    texts = [
        "“The levee will hold,” said Mayor Tobias Wendling of Riverton.",
        "“We are ready for the flood,” Mr. Wendling said. He toured the dikes.",
    ]
    corpus = presslens.analyze(texts)
    for table, names in speakers_of(corpus, 1).items():
        assert names == {"Tobias Wendling"}, table
    # The document alone still has only the surname.
    assert [q.speaker for q in corpus.document(1).quotes] == ["Wendling"]


def test_two_full_names_for_one_surname_leave_the_surname():
    texts = [
        "“Taxes must fall,” said Senator Marta Quill.",
        "“Taxes must rise,” said Representative Oren Quill.",
        "“Neither will happen,” Ms. Quill said.",
    ]
    corpus = presslens.analyze(texts)
    assert speakers_of(corpus, 2)["quotes"] == {"Quill"}
    assert speakers_of(corpus, 0)["quotes"] == {"Marta Quill"}
    assert speakers_of(corpus, 1)["quotes"] == {"Oren Quill"}


def test_known_people_as_a_mapping_wins_over_the_corpus():
    texts = [
        "“The budget is late,” Ivo Brandt, the council clerk, said.",
        "“The budget is fine,” Mayor Brandt said.",
    ]
    plain = presslens.analyze(texts)
    assert speakers_of(plain, 1)["quotes"] == {"Ivo Brandt"}
    told = presslens.analyze(texts, known_people={"Brandt": "Helga Brandt"})
    assert speakers_of(told, 1)["speakers"] == {"Helga Brandt"}
    # A full name the article itself gives is never replaced.
    assert speakers_of(told, 0)["speakers"] == {"Ivo Brandt"}


def test_known_people_from_a_file_skips_comments_and_ambiguous_surnames(tmp_path):
    beat = tmp_path / "beat.txt"
    beat.write_text(
        "# city hall\nHelga Brandt\n\nPia Sorensen\nLars Sorensen\n", encoding="utf-8"
    )
    assert _names.load_known_people(beat) == {"brandt": "Helga Brandt"}
    corpus = presslens.analyze(
        ["“It passed,” Mayor Brandt said.", "“It failed,” Mr. Sorensen said."],
        known_people=str(beat),
    )
    assert speakers_of(corpus, 0)["quotes"] == {"Helga Brandt"}
    assert speakers_of(corpus, 1)["quotes"] == {"Sorensen"}


def test_known_people_rejects_other_types_clearly(tmp_path):
    with pytest.raises(TypeError, match="known_people"):
        presslens.analyze(["x"], known_people=["Helga Brandt"])
    with pytest.raises(TypeError, match="str"):
        presslens.analyze(["x"], known_people={"Brandt": 3})
    with pytest.raises(FileNotFoundError):
        presslens.analyze(["x"], known_people=str(tmp_path / "missing.txt"))


# --- invented names on the sample articles ------------------------------------------------

def _person_names(docs):
    names = set()
    for d in docs:
        for q in d["quotes"]:
            s = q["speaker"]
            if s and _names._is_full_name(s) and all(p[:1].isupper() for p in s.split(" ")):
                names.add(s)
    return sorted(names)


def _invented(word, k, taken):
    """A made-up word as long as ``word`` (capitalised like it), distinct from ``taken``."""
    cons, vows = "bdfgklmnprstvz", "aeiou"
    for shift in range(100):
        letters = [
            (cons[(7 * k + 3 * i + shift) % len(cons)] if i % 2 == 0 else vows[(k + i + shift) % 5])
            for i in range(len(word))
        ]
        new = "".join(letters).capitalize()
        if word.isupper():
            new = new.upper()
        if new.lower() not in taken:
            return new
    raise AssertionError("no invented word")


def invent_names(docs, texts):
    """Every word of every person's name in the gold replaced, in texts and gold alike, by an
    invented word of the same length (so offsets stay valid)."""
    words = sorted({w for n in _person_names(docs) for w in n.split(" ")}, key=len, reverse=True)
    taken = {w.lower() for t in texts for w in re.findall(r"\w+", t)}
    table = {}
    for k, w in enumerate(words):
        table[w] = _invented(w, k, taken)
        table[w.upper()] = table[w].upper()
        taken.add(table[w].lower())
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in table) + r")\b")

    def sub(s):
        return None if s is None else pattern.sub(lambda m: table[m.group(1)], s)

    new_docs = []
    for d in docs:
        quotes = [dict(q, speaker=sub(q["speaker"]), mention=sub(q["mention"])) for q in d["quotes"]]
        new_docs.append(dict(d, quotes=quotes))
    return new_docs, [sub(t) for t in texts], table


def test_invented_names_keep_canonical_speakers_on_the_corpus(tmp_path):
    docs = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    texts = [(ARTICLES / d["doc"]).read_text(encoding="utf-8") for d in docs]
    new_docs, new_texts, table = invent_names(docs, texts)
    assert "Donald" in table and "Trump" in table
    assert all(len(a) == len(b) for a, b in zip(texts, new_texts))
    assert all("Trump" not in t and "Putin" not in t for t in new_texts)
    (tmp_path / "articles").mkdir()
    for d, t in zip(new_docs, new_texts):
        (tmp_path / "articles" / d["doc"]).write_text(t, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(d) + "\n" for d in new_docs), encoding="utf-8")
    r = score_quotes.score(score_quotes.corpus_predictor(new_texts), gold, tmp_path / "articles")
    assert r["speaker_acc"] >= 0.95, r
    # The same test with the real names scores the same: nothing depends on who they are.
    real = score_quotes.score(score_quotes.corpus_predictor(texts), GOLD, ARTICLES)
    assert abs(real["speaker_acc"] - r["speaker_acc"]) < 0.02, (real, r)
