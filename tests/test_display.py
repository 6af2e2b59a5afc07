"""Notebook views (HTML, escaped) and plots (matplotlib, Agg)."""

import html
import math
import re

import pytest

import presslens
from presslens import Quote, Span, Speaker
from presslens.corpus import Document

TEXT = "<script>alert(1)</script> “We <b>won</b>,” Ann Lee said. “No,” Bo Ray replied. A “scare” word."


def _span(text, s):
    i = text.index(s)
    return Span(i, i + len(s), s)


def hand_made_document():
    """A Document with quotes by two speakers, nested markup in the text, a scare quote."""
    t = TEXT
    q1 = _span(t, "We <b>won</b>,")
    q2 = _span(t, "No,")
    q3 = _span(t, "scare")
    quotes = [
        Quote(q1.start, q1.end, q1.text, "direct", "Ann Lee", _span(t, "Ann Lee"), _span(t, "said"), 1),
        Quote(q2.start, q2.end, q2.text, "direct", "Bo <Ray>", _span(t, "Bo Ray"), _span(t, "replied"), 2),
        Quote(q3.start, q3.end, q3.text, "scare", None, None, None, 3),
    ]
    d = Document.__new__(Document)
    d.text, d.doc_id, d.outlet = t, "doc<1>", "The <i>Times</i>"
    d.sentences = presslens.split_sentences(t)
    d.quotes = quotes
    d.speakers = [Speaker("Ann Lee", [quotes[0].mention], [], [quotes[0]]),
                  Speaker("Bo <Ray>", [quotes[1].mention], [], [quotes[1]])]
    d.sentence_scores = [presslens.polarity_scores(s.text) for s in d.sentences]
    d.sentiment = {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.25}
    return d


def visible_text(h):
    """The text a browser shows: tags removed, entities decoded."""
    return html.unescape(re.sub(r"<[^>]*>", "", h))


def text_part(h):
    """The visible article text of a rendered Document."""
    div = h[h.index('class="pl-text"'):]
    return visible_text(div[div.index(">") + 1:])


def test_document_html_escapes_everything_and_keeps_the_text():
    h = hand_made_document()._repr_html_()
    assert "<script>" not in h and "<b>won" not in h and "<i>Times" not in h
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in h
    assert text_part(h) == TEXT


def test_document_html_colours_speakers_and_marks_mention_and_cue():
    h = hand_made_document()._repr_html_()
    quote_spans = re.findall(r'<span class="pl-quote" title="([^"]*)" style="background:([^"]*)"', h)
    titles = {t: c for t, c in quote_spans}
    assert html.unescape(next(t for t in titles if "Ann" in t)) == "Ann Lee (direct quote)"
    ann = next(c for t, c in titles.items() if "Ann" in t)
    bo = next(c for t, c in titles.items() if "Bo" in t)
    scare = next(c for t, c in titles.items() if "no speaker" in t)
    assert len({ann, bo, scare}) == 3
    assert "Bo &lt;Ray&gt; (direct quote)" in h  # speaker names are escaped in titles too
    assert h.count('class="pl-mention"') == 2 and h.count('class="pl-cue"') == 2
    assert re.search(r'class="pl-mention"[^>]*>Ann Lee<', h)
    assert re.search(r'class="pl-cue"[^>]*>replied<', h)
    legend = h[h.index('class="pl-legend"'):h.index('class="pl-text"')]
    assert "Ann Lee (1)" in legend and "Bo &lt;Ray&gt; (1)" in legend and "no speaker (1)" in legend


def test_nested_quotes_and_mentions_inside_quotes():
    t = "“Today we hear President Trump say, ‘If I were president,’ ” Putin said."
    outer = _span(t, "Today we hear President Trump say, ‘If I were president,’ ")
    inner = _span(t, "If I were president,")
    d = hand_made_document()
    d.text = t
    d.quotes = [
        Quote(outer.start, outer.end, outer.text, "direct", "Vladimir Putin", _span(t, "Putin"), _span(t, "said"), 0),
        Quote(inner.start, inner.end, inner.text, "direct", "Donald Trump", _span(t, "President Trump"), _span(t, "say"), 0),
    ]
    h = d._repr_html_()
    assert text_part(h) == t
    # The inner quote's words carry the inner speaker's title; the mention inside the outer
    # quote is marked.
    assert re.search(r'title="Donald Trump \(direct quote\)"[^>]*>If I were president,<', h)
    assert re.search(r'title="Vladimir Putin \(direct quote\)"[^>]*><span class="pl-mention"[^>]*>President Trump<', h)


def test_real_document_renders(articles):
    text = articles[sorted(articles)[1]] + "\n<script>x</script>"
    d = presslens.analyze_text(text, doc_id="a", outlet="NBC")
    h = d._repr_html_()
    assert "<script>" not in h and text_part(h) == text
    assert repr(d).startswith("Document(doc_id='a', outlet='NBC', ")


def test_corpus_html_summary_is_escaped():
    pd = pytest.importorskip("pandas")
    c = presslens.analyze(pd.DataFrame({"text": [TEXT, "Two. Three."], "outlet": ["<b>X</b>", None]}))
    h = c._repr_html_()
    assert "<b>X</b>" not in h and "&lt;b&gt;X&lt;/b&gt;" in h
    assert "2 documents" in h and "(no outlet)" in h
    assert repr(c).startswith("Corpus(2 documents, ")


def corpus_with_quotes():
    """A Corpus whose tables hold hand-made quotes (the quote engine may still be a stub)."""
    pd = pytest.importorskip("pandas")
    from presslens import _tables
    from presslens.corpus import Corpus

    rows = [("NBC News", "Donald Trump", 0.6), ("NBC News", "Donald Trump", 0.2),
            ("NBC News", "Vladimir Putin", -0.5), ("NOTUS", "Donald Trump", 0.1),
            ("NOTUS", "White House official", -0.2), ("NOTUS", None, 0.0),
            ("WSJ", "Samuel Charap", -0.7)]  # fmt: skip
    outlets = ["NBC News", "NOTUS", "WSJ"]
    inputs = _tables.Inputs(["t"] * 3, pd.Index([0, 1, 2], name="doc_id"), pd.Series(outlets, name="outlet"))
    n = len(rows)
    docs = [outlets.index(o) for o, _, _ in rows]
    cols = {
        "documents": {"doc": [0, 1, 2], "n_sentences": [1] * 3, "n_quotes": [3, 3, 1], "n_speakers": [2, 2, 1],
                      "neg": [0.0] * 3, "neu": [1.0] * 3, "pos": [0.0] * 3, "compound": [0.0] * 3},
        "sentences": {k: [] for k in ["doc", "sentence", "start", "end", "text", "neg", "neu", "pos", "compound"]},
        "quotes": {"doc": docs, "quote": list(range(n)), "start": [0] * n, "end": [1] * n, "text": ["t"] * n,
                   "kind": ["direct"] * n, "speaker": [s for _, s, _ in rows], "mention": [None] * n,
                   "mention_start": [None] * n, "mention_end": [None] * n, "cue": [None] * n,
                   "sentence": [0] * n, "neg": [0.0] * n, "neu": [1.0] * n, "pos": [0.0] * n,
                   "compound": [c for _, _, c in rows]},
        "speakers": {k: [] for k in ["doc", "speaker", "n_quotes", "n_mentions", "n_direct", "n_indirect",
                                     "descriptions", "compound"]},
    }
    return Corpus._from_tables(inputs, _tables.build_tables(inputs, cols))


def test_plots_are_labelled_and_count_right(tmp_path):
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    c = corpus_with_quotes()
    ax = c.plot.speakers()
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel() == "speaker"
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[-1] == "Donald Trump"  # most quoted on top
    widths = {}
    for patch, (label) in zip(ax.patches, [None] * len(ax.patches)):
        y = round(patch.get_y() + patch.get_height() / 2)
        widths[labels[y]] = widths.get(labels[y], 0) + patch.get_width()
    assert widths == {"Donald Trump": 3, "Vladimir Putin": 1, "White House official": 1, "Samuel Charap": 1}
    assert sorted(t.get_text() for t in ax.get_legend().get_texts()) == ["NBC News", "NOTUS", "WSJ"]
    ax.figure.savefig(tmp_path / "speakers.png")

    ax = c.plot.sentiment()
    assert "Sentiment" in ax.get_title() and ax.get_xlabel() == "outlet"
    data = ax.images[0].get_array()
    ys = [t.get_text() for t in ax.get_yticklabels()]
    xs = [t.get_text() for t in ax.get_xticklabels()]
    assert data[ys.index("Donald Trump"), xs.index("NBC News")] == pytest.approx(0.4)
    assert math.isnan(float(data.filled(math.nan)[ys.index("Samuel Charap"), xs.index("NBC News")]))
    assert any(t.get_text() == "+0.40\nn=2" for t in ax.texts)
    ax.figure.savefig(tmp_path / "sentiment.png")
    import matplotlib.pyplot as plt

    plt.close("all")


def test_plots_of_a_corpus_without_quotes():
    matplotlib = pytest.importorskip("matplotlib")
    pytest.importorskip("pandas")
    matplotlib.use("Agg")
    c = presslens.analyze(["No quotes here."])
    for ax in (c.plot.speakers(), c.plot.sentiment()):
        if len(c.quotes) == 0:
            assert any("no attributed quotes" in t.get_text() for t in ax.texts)
    import matplotlib.pyplot as plt

    plt.close("all")
