"""``analyze`` / ``analyze_text`` and the objects they return: ``Corpus`` and ``Document``."""

from __future__ import annotations

import math
from typing import Any, Iterator, Optional

from presslens import _core, _names, _optional, _tables
from presslens.compare import Comparison


def analyze(
    data: Any,
    *,
    text: str = "text",
    id: Any = None,
    outlet: Any = None,
    progress: Optional[bool] = None,
    n_threads: Optional[int] = None,
    known_people: Any = None,
    nested: bool = False,
) -> "Corpus":
    """Analyse many articles into tidy tables.

    ``data`` is a list of str, a pandas Series (its index becomes ``doc_id``) or a DataFrame
    (``text`` names the text column, ``id`` an optional id column, ``outlet`` an optional
    outlet column; a column called ``outlet`` is used when ``outlet`` is not given). For a
    list or Series, ``outlet`` may be one str for all texts or one value per text.

    A missing text (None/NaN) keeps its document row with zero counts; any other non-str
    value raises TypeError naming its index label; a missing column raises KeyError naming
    it and the columns there are. ``progress`` shows a tqdm bar (default: only for large
    jobs). ``n_threads`` caps the Rust worker threads (default: all cores).

    Names: an article that writes only a surname ("Mr. Ruiz", "Governor Ruiz") gets the
    speaker "Ruiz" from the article alone. Across the corpus, such a speaker becomes the one
    full name that the corpus's speakers give for that surname ("Ana Ruiz"); when two
    different full names share the surname, it stays "Ruiz". ``known_people`` adds names for
    your own beat and takes precedence: a mapping ``{"Ruiz": "Ana Ruiz"}`` or a path to a
    UTF-8 text file with one full name per line (a surname two lines share is ignored). The
    renaming applies alike to the ``speaker`` column of the quotes, attributions, speakers
    and mentions tables (``corpus.document(i)`` analyses one article alone and keeps the
    surname).

    ``nested=True`` makes the attributions nested in others' contents rows of ``attributions``
    too (``extract_attributions(text, nested=True)``; column ``nested_in``), counted in the
    speakers' ``n_direct``/``n_indirect`` like any other: every voice, not one per statement.

    Examples:
        >>> texts = ["“We will rebuild the bridge by spring,” Mayor Ana Ruiz said on Monday.",
        ...          "Ruiz said: “We will rebuild the bridge by spring.” Critics were unconvinced."]
        >>> corpus = analyze(texts, outlet=["Daily Post", "City Herald"])
        >>> corpus
        Corpus(2 documents, 3 sentences, 2 quotes, 2 speakers)
        >>> corpus.quotes[["outlet", "speaker", "kind"]].values.tolist()
        [['Daily Post', 'Ana Ruiz', 'direct'], ['City Herald', 'Ana Ruiz', 'direct']]
        >>> analyze(texts[1:], known_people={"Ruiz": "Ana Ruiz"}).quotes["speaker"].tolist()
        ['Ana Ruiz']
    """
    known = _names.load_known_people(known_people)
    return _analyze(data, text, id, outlet, progress, n_threads, known, nested=nested)


def _analyze(
    data: Any, text: str, id: Any, outlet: Any, progress: Optional[bool],
    n_threads: Optional[int], known: dict, full_names: Any = None, nested: bool = False,
) -> "Corpus":  # fmt: skip
    """``analyze`` with ``known_people`` loaded; ``full_names`` (surname -> full name) replaces
    the names the corpus itself gives (``presslens.dask``: those of all partitions), and
    ``False`` skips the renaming."""
    inputs = _tables.normalize(data, text, id, outlet)
    cols = _tables.table_columns(inputs, progress, n_threads, known, full_names, nested)
    return Corpus._from_tables(inputs, _tables.build_tables(inputs, cols), nested)


def analyze_text(
    text: str, *, doc_id: Any = None, outlet: Optional[str] = None, nested: bool = False
) -> "Document":
    """Analyse one article: its sentences, quotes, speakers and sentiment (no pandas needed).
    ``nested``: ``.attributions`` holds the nested ones too (see ``extract_attributions``).

    Examples:
        >>> doc = analyze_text("“We will rebuild,” Mayor Ana Ruiz said. Work starts soon.")
        >>> doc
        Document(2 sentences, 1 quotes, 1 speakers)
        >>> [sp.name for sp in doc.speakers], doc.quotes[0].text
        (['Ana Ruiz'], 'We will rebuild,')
    """
    if not isinstance(text, str):
        raise TypeError(f"analyze_text() argument 'text' must be str, not {type(text).__name__}")
    return Document(text, doc_id=doc_id, outlet=outlet, nested=nested)


def _mean_scores(scores: list) -> dict:
    if not scores:
        return {k: math.nan for k in _tables.SCORES}
    return {k: sum(s[k] for s in scores) / len(scores) for k in _tables.SCORES}


class Document:
    """One analysed article.

    ``.sentences`` (list of Sentence), ``.quotes`` (list of Quote), ``.speakers`` (list of
    Speaker), ``.attributions`` (list of Attribution: quoted and reported speech),
    ``.sentence_scores`` (VADER scores per sentence) and ``.sentiment`` (the mean of
    the sentence scores: ``neg``, ``neu``, ``pos``, ``compound``; NaN without sentences).
    In a notebook it renders with its quotes highlighted per speaker.

    Examples:
        >>> doc = Document("Great news. “We did it,” the coach said.", outlet="Daily Post")
        >>> [s.text for s in doc.sentences]
        ['Great news.', '“We did it,” the coach said.']
        >>> doc.sentiment["compound"]
        0.31245
    """

    def __init__(
        self, text: str, doc_id: Any = None, outlet: Optional[str] = None, nested: bool = False
    ) -> None:
        if not isinstance(text, str):
            raise TypeError(f"Document() argument 'text' must be str, not {type(text).__name__}")
        self.text = text
        self.doc_id = doc_id
        self.outlet = outlet
        self.sentences = _core.split_sentences(text)
        # One analysis gives all three (the quote pipeline runs once, not three times).
        self.quotes, self.speakers, self.attributions = _core._quotes_speakers_attributions(
            text, nested=nested
        )
        self.sentence_scores = [_core.polarity_scores(s.text) for s in self.sentences]
        self.sentiment = _mean_scores(self.sentence_scores)

    def __repr__(self) -> str:
        head = [f"doc_id={self.doc_id!r}"] if self.doc_id is not None else []
        if self.outlet is not None:
            head.append(f"outlet={self.outlet!r}")
        return (
            f"Document({', '.join(head + [''])}{len(self.sentences)} sentences, "
            f"{len(self.quotes)} quotes, {len(self.speakers)} speakers)"
        )

    def _repr_html_(self) -> str:
        from presslens import display

        return display.document_html(self)


# The tables of a Corpus, in the order the docs list them.
TABLES = ("documents", "sentences", "quotes", "speakers", "mentions", "attributions")


class Corpus:
    """Tidy tables of many analysed articles (pandas DataFrames).

    - ``documents``: doc_id, outlet, n_sentences, n_quotes, n_speakers, compound
    - ``sentences``: doc_id, sentence, start, end, text, neg, neu, pos, compound
    - ``quotes``: doc_id, outlet, quote, start, end, text, kind, speaker, mention,
      mention_start, mention_end, cue, sentence, neg, neu, pos, compound (``kind``: ``direct``,
      ``headline``, ``partial`` or ``scare``, see ``Quote.kind``)
    - (``speaker`` in every table: surname-only names resolved across the corpus; see
      ``analyze``)
    - ``speakers``: doc_id, outlet, speaker, n_quotes, n_mentions, n_direct, n_indirect,
      descriptions, compound (``n_direct``/``n_indirect``: the speaker's quoted and reported
      attributions, ``mixed`` counted as reported)
    - ``mentions``: doc_id, outlet, speaker, start, end, text: every mention of every speaker
      in text order (name forms such as "Mr. Putin", role nouns such as "the Russian leader",
      and pronouns, as resolved to that speaker; a speaker's ``n_mentions`` rows)
    - ``attributions``: doc_id, outlet, attribution, kind, start, end, text, speaker, mention,
      mention_start, mention_end, cue, sentence, nested_in, neg, neu, pos, compound: every
      attribution, quoted or reported (see ``extract_attributions``); ``mention`` is the source as written
      and the scores are those of the content (its parts), not of the whole sentence;
      ``nested_in`` (nullable ``Int32``) is the ``attribution`` number, in the same document, of
      the attribution whose content holds it, null for an outermost one (all null unless
      ``analyze(..., nested=True)``)

    Offsets are ``str`` indexes into the article. Counts, offsets and numbers within a
    document are ``int32`` (``mention_start``/``mention_end``/``nested_in``: nullable
    ``Int32``; a text has at most 2**31 - 1 characters), ``doc_id`` the input's index dtype,
    ``kind`` categorical over a fixed set of values per table, scores ``float64``, text pandas'
    own text dtype (``str`` in pandas 3: with pyarrow installed, Arrow buffers written
    by the Rust core, no Python object per cell), ``descriptions`` lists. ``to_arrow()`` hands
    the tables to DuckDB or polars without copying the text. ``document(i)`` gives one article
    as a ``Document``; ``plot.speakers()`` / ``plot.sentiment()`` draw the usual charts.

    Examples:
        >>> texts = ["“We will rebuild the bridge by spring,” Mayor Ana Ruiz said on Monday.",
        ...          "Ruiz said: “We will rebuild the bridge by spring.” Critics were unconvinced."]
        >>> corpus = analyze(texts, outlet=["Daily Post", "City Herald"])
        >>> corpus.speakers[["outlet", "speaker", "n_quotes"]].values.tolist()
        [['Daily Post', 'Ana Ruiz', 1], ['City Herald', 'Ana Ruiz', 1]]
        >>> doc = corpus.document(1)
        >>> doc.outlet, [q.speaker for q in doc.quotes]
        ('City Herald', ['Ruiz'])
    """

    documents: Any
    sentences: Any
    quotes: Any
    speakers: Any
    mentions: Any
    attributions: Any

    @classmethod
    def _from_tables(cls, inputs: Any, tables: dict, nested: bool = False) -> "Corpus":
        """The corpus of ``tables``; ``nested``: they were made with nested attributions, and so
        are the ``Document`` objects it gives."""
        self = cls.__new__(cls)
        self.documents = tables["documents"]
        self.sentences = tables["sentences"]
        self.quotes = tables["quotes"]
        self.speakers = tables["speakers"]
        self.mentions = tables["mentions"]
        self.attributions = tables["attributions"]
        self._doc_scores = tables["doc_scores"]
        self._texts = inputs.texts
        self._nested = nested
        return self

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self) -> Iterator[Document]:
        for i in range(len(self)):
            yield self._document_at(i)

    def __repr__(self) -> str:
        return (
            f"Corpus({len(self.documents)} documents, {len(self.sentences)} sentences, "
            f"{len(self.quotes)} quotes, {len(self.speakers)} speakers)"
        )

    def _repr_html_(self) -> str:
        from presslens import display

        return display.corpus_html(self)

    def _document_at(self, i: int) -> Document:
        row = self.documents.iloc[i]
        text = self._texts[i]
        outlet = row["outlet"]
        outlet = None if _tables._is_missing(outlet, _optional.pandas()) else outlet
        text = "" if text is None else text
        return Document(text, doc_id=row["doc_id"], outlet=outlet, nested=self._nested)

    def document(self, key: Any) -> Document:
        """One article as a ``Document``: by ``doc_id`` if some row has it, else by position."""
        ids = self.documents["doc_id"]
        hits = ids.index[ids == key] if not isinstance(key, (list, tuple, dict)) else []
        if len(hits) > 0:
            return self._document_at(int(hits[0]))
        if isinstance(key, int) and not isinstance(key, bool):
            n = len(self)
            if -n <= key < n:
                return self._document_at(key % n)
            raise IndexError(f"document position {key} out of range for {n} documents")
        raise KeyError(f"no document with doc_id {key!r}")

    def to_arrow(self, table: Optional[str] = None) -> Any:
        """The tables as ``pyarrow.Table`` objects, for DuckDB (which scans them in place),
        polars and other Arrow readers (needs pyarrow: ``pip install presslens[arrow]``).

        ``to_arrow("quotes")`` gives one table, ``to_arrow()`` a dict of all six. Text
        columns are handed over without a copy (``large_string``: the very buffers the
        DataFrame holds, built in Rust); number columns are wrapped, not copied;
        missing values (NaN, None, ``pd.NA``) become Arrow nulls; ``kind`` becomes
        ``dictionary<int8, large_string>``; ``descriptions`` becomes ``list<string>``.

        Examples:
            >>> corpus = analyze(["“We will rebuild,” Mayor Ana Ruiz said. Work starts soon."])
            >>> corpus.to_arrow("quotes").column("speaker").to_pylist()
            ['Ana Ruiz']
            >>> sorted(corpus.to_arrow())
            ['attributions', 'documents', 'mentions', 'quotes', 'sentences', 'speakers']
            >>> import polars as pl; pl.from_arrow(corpus.to_arrow("sentences"))  # doctest: +SKIP
        """
        pa = _optional.pyarrow("Corpus.to_arrow()")
        if table is None:
            return {name: self.to_arrow(name) for name in TABLES}
        if table not in TABLES:
            raise ValueError(f"no table {table!r}; the tables are: {', '.join(TABLES)}")
        return pa.Table.from_pandas(getattr(self, table), preserve_index=False)

    def sentiment(self) -> Any:
        """Mean sentence scores (neg, neu, pos, compound) per document, keyed by doc_id."""
        df = self._doc_scores.copy()
        df.index = self.documents["doc_id"].rename("doc_id")
        return df

    @property
    def plot(self) -> Any:
        """Charts: ``plot.speakers()`` (quotes per speaker per outlet) and
        ``plot.sentiment()`` (quote sentiment per speaker per outlet). Needs matplotlib."""
        from presslens.plot import CorpusPlots

        return CorpusPlots(self)

    def compare(self, n_threads: Optional[int] = None) -> Any:
        """Cross-outlet comparison (``presslens.compare.Comparison``): one row per person
        across articles (linked from the speakers' names and every mention of them), the
        remarks several outlets carried, and who each outlet quoted."""
        return Comparison._from_corpus_tables(self, n_threads)
