"""Type stubs for the Rust extension ``presslens._core``."""

from __future__ import annotations

from typing import Any, Hashable, Iterable, Optional

__version__: str

# --- batch calls -----------------------------------------------------------------------
# Every ``n_threads`` argument: None (all cores) or an integer (numpy integers too) from 1 to
# MAX_THREADS (4 x the cores); ValueError for a bool, < 1 or > MAX_THREADS. Batch calls work in
# chunks and check for signals between them: Ctrl-C raises KeyboardInterrupt within about a
# second.

MAX_THREADS: int

def _check_n_threads(n_threads: Optional[int], /) -> Optional[int]:
    """The check every ``n_threads`` argument gets (for the Python layer)."""

def _core_round_trip_ns() -> float:
    """Median round trip of a cache line between two threads, in ns (for the benchmarks: on
    a virtual machine two cores may sit close, ~100 ns, or far apart, ~350 ns)."""

# --- sentences -------------------------------------------------------------------------

class Sentence:
    """A sentence; ``text[s.start:s.end] == s.text`` (code-point offsets).

    Sentences from the splitters keep their article and slice ``.text`` on access; they compare,
    hash and pickle by ``(start, end, text)``, and a pickle holds the sentence, not the article.
    ``len(s)`` is the length of ``s.text``.

    Examples:
        >>> text = "Talks resumed. Both sides spoke."
        >>> s = split_sentences(text)[1]
        >>> s
        Sentence(15, 32, 'Both sides spoke.')
        >>> text[s.start:s.end] == s.text, len(s)
        (True, 17)
        >>> Sentence(15, 32, "Both sides spoke.") == s
        True
    """

    @property
    def start(self) -> int:
        """Offset of the first character in the article (a ``str`` index)."""
    @property
    def end(self) -> int:
        """Offset one past the last character (a ``str`` index)."""
    @property
    def text(self) -> str:
        """The sentence as written, ``text[start:end]``."""
    def __init__(self, start: int, end: int, text: str) -> None: ...
    def __len__(self) -> int: ...

class Span:
    """A span of an article: a speaker mention, a cue or an attribution's content;
    ``text[sp.start:sp.end] == sp.text``. The content of a split attribution (``"A," he said.
    "B."``) is the hull of its pieces, which ``parts`` lists. Spans compare and hash by
    ``start``, ``end`` and ``text``.

    Examples:
        >>> text = "“It works,” she said."
        >>> cue = extract_quotes(text)[0].cue
        >>> cue
        Span(16, 20, 'said')
        >>> text[cue.start:cue.end]
        'said'
    """

    @property
    def start(self) -> int:
        """Offset of the first character in the article (a ``str`` index)."""
    @property
    def end(self) -> int:
        """Offset one past the last character (a ``str`` index)."""
    @property
    def text(self) -> str:
        """The words as written, ``text[start:end]``."""
    @property
    def parts(self) -> list[Span]:
        """The pieces in order of a split content; ``[]`` for a span in one piece (a span
        never lists itself). For a split attribution ``a.content.parts is a.parts``;
        ``Attribution.parts`` always lists the pieces (``[a.content]`` when in one piece).

        Examples:
            >>> text = "“We won,” Ann Lee said. “It was close.”"
            >>> a = extract_attributions(text)[0]
            >>> [p.text for p in a.content.parts]
            ['“We won,”', '“It was close.”']
            >>> a.content.parts is a.parts
            True
        """
    def __init__(self, start: int, end: int, text: str, parts: Optional[list[Span]] = None) -> None: ...

def split_sentences(text: str, /) -> list[Sentence]:
    """Split an article into sentences (news rules), in code-point offsets.

    Every line break ends a sentence (headlines, captions, bylines stand alone); titles,
    abbreviations, initials, numbers, URLs and e-mail addresses do not; closing quotes stay with
    their sentence. Sentences are sorted, disjoint, stripped of whitespace, and together cover
    every non-whitespace character: ``text[s.start:s.end] == s.text``. Raises TypeError for a
    non-str; ``""`` gives ``[]``.

    Examples:
        >>> [s.text for s in split_sentences("Dr. Lee spoke first. The U.S. team left at 5 p.m.")]
        ['Dr. Lee spoke first.', 'The U.S. team left at 5 p.m.']
        >>> [s.text for s in split_sentences("MARKETS RALLY\\nStocks rose on Monday.")]
        ['MARKETS RALLY', 'Stocks rose on Monday.']
    """

def split_sentences_batch(
    texts: Iterable[str], n_threads: Optional[int] = None
) -> list[list[Sentence]]:
    """Split many articles in parallel (rayon, GIL released): ``[split_sentences(t) for t in
    texts]``. ``n_threads`` threads split while the calling thread makes the Python objects of
    articles already split; ``n_threads=1`` does everything on the calling thread; ``None``
    uses all cores.

    Examples:
        >>> split_sentences_batch(["One. Two.", "Three!"], n_threads=1)
        [[Sentence(0, 4, 'One.'), Sentence(5, 9, 'Two.')], [Sentence(0, 6, 'Three!')]]
    """

# --- quotes and speakers ---------------------------------------------------------------

class Quote:
    """A quotation: the words between the marks, its kind, and who said it.

    ``text[q.start:q.end] == q.text`` (code-point offsets; the marks are excluded). Quotes
    compare equal field by field, hash, pickle and have a readable ``repr``.

    Examples:
        >>> text = "“We will rebuild,” Mayor Ana Ruiz said. She called it “a fresh start.”"
        >>> q = extract_quotes(text)[0]
        >>> q
        Quote(1, 17, 'We will rebuild,', kind="direct", speaker="Ana Ruiz")
        >>> q.mention.text, q.cue.text, q.sentence
        ('Mayor Ana Ruiz', 'said', 0)
    """

    @property
    def start(self) -> int:
        """Offset of the first character inside the marks (a ``str`` index)."""
    @property
    def end(self) -> int:
        """Offset one past the last character inside the marks (a ``str`` index)."""
    @property
    def text(self) -> str:
        """The quoted words, ``text[start:end]``, without the quotation marks."""
    @property
    def kind(self) -> str:
        """``"direct"`` (a quoted utterance), ``"partial"`` (a fragment inside the writer's
        sentence), ``"scare"`` (titles, signs, nicknames, distancing: no speaker) or
        ``"headline"`` (in the article's headline: its title-like first line(s) when a body
        paragraph follows; the speaker is kept where the headline names one, "Mayor: ‘…’",
        "‘…,’ says union chief"; a one-line text has no headline).

        Examples:
            >>> text = ("Mayor: ‘We Cannot Wait’\\n\\nThe council met on Monday night, and the "
            ...         "mayor said “we cannot wait” for the budget.")
            >>> [(q.kind, q.speaker, q.text) for q in extract_quotes(text)][0]
            ('headline', 'Mayor', 'We Cannot Wait')
        """
    @property
    def speaker(self) -> Optional[str]:
        """Canonical speaker name: the fullest form the article gives ("Donald Trump"; "Trump"
        when it never writes the first name, see ``analyze(known_people=...)``), or a
        description for an unnamed source ("senior Trump administration official"); None for
        scare quotes or no speaker found (a headline quote keeps the headline's source)."""
    @property
    def mention(self) -> Optional[Span]:
        """The words the attribution hangs on ("he", "Mr. Putin", "a White House official")."""
    @property
    def cue(self) -> Optional[Span]:
        """The speech verb or cue ("said", "told", "according to", a colon)."""
    @property
    def sentence(self) -> int:
        """Index of the quote's sentence in ``split_sentences(text)``."""
    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        kind: str,
        speaker: Optional[str] = None,
        mention: Optional[Span] = None,
        cue: Optional[Span] = None,
        sentence: int = 0,
    ) -> None: ...

class Speaker:
    """A canonical speaker of one article.

    Examples:
        >>> text = "“We will rebuild,” Mayor Ana Ruiz said. She called it “a fresh start.”"
        >>> sp = speakers(text)[0]
        >>> sp.name, [m.text for m in sp.mentions], len(sp.quotes)
        ('Ana Ruiz', ['Mayor Ana Ruiz', 'She'], 2)
    """

    @property
    def name(self) -> str:
        """Fullest name form in the article, titles and initials dropped."""
    @property
    def mentions(self) -> list[Span]:
        """Every mention: name forms, pronouns and role nouns resolved to this speaker."""
    @property
    def descriptions(self) -> list[str]:
        """Appositions the article gives ("a senior Pentagon official in the Biden
        administration")."""
    @property
    def quotes(self) -> list[Quote]:
        """The speaker's quotes, in text order."""
    def __init__(
        self, name: str, mentions: list[Span], descriptions: list[str], quotes: list[Quote]
    ) -> None: ...

def extract_quotes(text: str, /) -> list[Quote]:
    """Every quotation of an article, in text order, with kind, speaker, mention and cue.

    Raises TypeError for non-str input. Unbalanced quotation marks never fail: they are
    dropped at the end of their paragraph. A quote whose paragraphs each reopen with a mark
    and only the last closes is one quote (its text holds the inner line breaks and marks);
    a quoted transcript gives one quote per turn, attributed to its label ("JONES: …"; the
    cue is the label's colon), and leaves out stage directions ("(CROSSTALK)").

    Examples:
        >>> text = "“We will rebuild,” Mayor Ana Ruiz said. She called it “a fresh start.”"
        >>> [(q.kind, q.speaker, q.text) for q in extract_quotes(text)]
        [('direct', 'Ana Ruiz', 'We will rebuild,'), ('partial', 'Ana Ruiz', 'a fresh start.')]
    """

def extract_quotes_batch(
    texts: Iterable[str], n_threads: Optional[int] = None
) -> list[list[Quote]]:
    """Quotes of many articles in parallel (rayon, GIL released); same result as
    ``[extract_quotes(t) for t in texts]``.

    Examples:
        >>> extract_quotes_batch(["“Yes,” he said.", "No quotes here."], n_threads=1)
        [[Quote(1, 5, 'Yes,', kind="direct", speaker=None)], []]
    """

def speakers(text: str, /) -> list[Speaker]:
    """The quoted speakers of an article, in order of their first quote, with mentions,
    descriptions and quotes.

    Examples:
        >>> text = "“Prices will fall,” said Tom Baker, a retired banker. Baker added: “Soon.”"
        >>> [(sp.name, sp.descriptions, len(sp.quotes)) for sp in speakers(text)]
        [('Tom Baker', ['a retired banker'], 2)]
    """

# --- reported speech ---------------------------------------------------------------------

class Attribution:
    """Who said (or believes, found, plans) what: a content, its source and its cue.

    A direct quote and its attribution are one ``"direct"`` attribution (a quote split by "he
    said" is one attribution whose ``parts`` are the pieces); reported speech holding a quoted
    phrase is ``"mixed"``; reported speech without quotation marks is ``"indirect"``. By
    default only the outermost attribution of a sentence is returned ("He said she said that …"
    is one); ``extract_attributions(text, nested=True)`` adds the ones inside contents, with
    ``nested_in`` the index of the attribution holding each. Every span is exact in ``str``
    offsets. Attributions compare field by field and pickle.

    Examples:
        >>> text = "The mayor said the bridge would reopen in May. “It will take years,” she added."
        >>> a, b = extract_attributions(text)
        >>> a
        Attribution(Span(15, 45, 'the bridge would reopen in May'), kind="indirect", source="The mayor", speaker="mayor")
        >>> (a.cue.text, b.kind, b.source.text, b.speaker)
        ('said', 'direct', 'she', 'mayor')
    """

    def __init__(
        self,
        content: Span,
        parts: list[Span],
        source: Optional[Span],
        speaker: Optional[str],
        cue: Optional[Span],
        kind: str,
        quotes: list[Quote],
        sentence: int,
        nested_in: Optional[int] = None,
    ) -> None: ...
    @property
    def content(self) -> Span:
        """The content; for a split content the hull from its first part to its last."""
    @property
    def parts(self) -> list[Span]:
        """The content pieces in order: one, or several for a split quote ("A," he said. "B.")
        or a parenthetical source ("A, officials said, B"). The same as ``content.parts``
        (kept here for backward compatibility)."""
    @property
    def start(self) -> int:
        """``content.start``."""
    @property
    def end(self) -> int:
        """``content.end``."""
    @property
    def text(self) -> str:
        """``content.text``."""
    @property
    def source(self) -> Optional[Span]:
        """The source as written ("the ministry", "he", "a new poll"), or None when the text
        names none ("it is believed that …")."""
    @property
    def speaker(self) -> Optional[str]:
        """Canonical speaker name, resolved like quote speakers (pronouns and role nouns to
        the person they refer to); for an organisation or document the source without its
        article; None without a source or for a pronoun that resolves to nobody."""
    @property
    def cue(self) -> Optional[Span]:
        """The cue ("said", "told", "according to", "said in a statement", a colon)."""
    @property
    def kind(self) -> str:
        """``"direct"``, ``"mixed"`` or ``"indirect"``."""
    @property
    def quotes(self) -> list[Quote]:
        """The quotes inside the content (as :func:`extract_quotes` returns them)."""
    @property
    def sentence(self) -> int:
        """Index of the sentence holding the content start in ``split_sentences(text)``."""
    @property
    def nested_in(self) -> Optional[int]:
        """Index, in the same article's list, of the attribution whose content holds this one
        (``extract_attributions(text, nested=True)``: "the council told her that …" inside
        "The mayor said the council told her that …"), or None for an outermost attribution."""

def extract_attributions(text: str, /, *, nested: bool = False) -> list[Attribution]:
    """Every attribution of an article, quoted or reported, in text order.

    Covers "X said (that) …", "…, X said", "according to X", "X told reporters …", "X plans
    to …", "it is believed that …" (no source), "X's claim that …", headlines such as
    "Poll: …", and ", adding that …" (sharing the source before it). Linear in the text; cue
    lexicons and clause-boundary rules, no parser. Raises TypeError for non-str input.

    Examples:
        >>> [(a.kind, a.source.text, a.text) for a in extract_attributions(
        ...     "According to officials, the talks will resume on Friday.")]
        [('indirect', 'officials', 'the talks will resume on Friday')]

    With ``nested=True`` the attributions inside a content are searched too (the same rules on
    the content, at most three levels below the outermost one), each with ``nested_in`` the
    index of the attribution holding it; keep ``a.nested_in is None`` for one per statement.
    Off by default: the newsdev gold marks few nested attributions (see README).

        >>> [(a.source.text, a.text, a.nested_in) for a in extract_attributions(
        ...     "The mayor said the council told her that the budget was short.", nested=True)]
        [('The mayor', 'the council told her that the budget was short', None), ('the council', 'that the budget was short', 0)]
    """

def _quotes_speakers_attributions(
    text: str, /, *, nested: bool = False
) -> tuple[list[Quote], list[Speaker], list[Attribution]]:
    """``(extract_quotes(text), speakers(text), extract_attributions(text))`` from one analysis
    (for ``Document``); the speakers' and attributions' quotes are objects of the quotes list."""

def _attribution_rejections(text: str, /, *, nested: bool = False) -> list[tuple[Span, str]]:
    """Hidden, for error analysis: every cue word the clause rules turned down in ``text``, as
    ``(cue span, reason)`` in the order met; reasons: ``no_holder``, ``no_source``,
    ``no_content``, ``too_short``, ``adjunct_only``, ``form``."""

def extract_attributions_batch(
    texts: Iterable[str], n_threads: Optional[int] = None, *, nested: bool = False
) -> list[list[Attribution]]:
    """Attributions of many articles in parallel (rayon, GIL released); same result as
    ``[extract_attributions(t, nested=nested) for t in texts]``.

    Examples:
        >>> extract_attributions_batch(["Officials said the talks failed.", "No one spoke."], n_threads=1)
        [[Attribution(Span(15, 31, 'the talks failed'), kind="indirect", source="Officials", speaker="officials")], []]
    """

# --- sentiment -------------------------------------------------------------------------

from os import PathLike as _PathLike
from typing import Mapping as _Mapping
from typing import Union as _Union

def polarity_scores(text: str, /) -> dict[str, float]:
    """VADER scores of one text: ``neg``, ``neu``, ``pos``, ``compound``.

    Exactly the numbers of vaderSentiment 3.3.2 (quirks included).

    Examples:
        >>> polarity_scores("I love this!")
        {'neg': 0.0, 'neu': 0.308, 'pos': 0.692, 'compound': 0.6696}
    """

def polarity_scores_batch(
    texts: Iterable[str], n_threads: Optional[int] = None
) -> list[dict[str, float]]:
    """VADER scores of many texts in parallel (rayon, GIL released): one dict per text,
    ``[polarity_scores(t) for t in texts]``, the shape of every ``*_batch`` call.
    :func:`polarity_scores_columns` gives the same numbers as columns.

    Examples:
        >>> polarity_scores_batch(["I love this!", "Awful."], n_threads=1)
        [{'neg': 0.0, 'neu': 0.308, 'pos': 0.692, 'compound': 0.6696}, {'neg': 1.0, 'neu': 0.0, 'pos': 0.0, 'compound': -0.4588}]
    """

def polarity_scores_columns(
    texts: Iterable[str], n_threads: Optional[int] = None
) -> dict[str, list[float]]:
    """The scores of :func:`polarity_scores_batch` as a dict of four equal-length lists
    ``neg``, ``neu``, ``pos``, ``compound`` (no dict per text: the fastest form, and
    ``pandas.DataFrame(result)`` works directly).

    Examples:
        >>> polarity_scores_columns(["I love this!", "Awful."], n_threads=1)
        {'neg': [0.0, 1.0], 'neu': [0.308, 0.0], 'pos': [0.692, 0.0], 'compound': [0.6696, -0.4588]}
    """

def sentence_sentiment(text: str, /) -> list[dict[str, _Union[int, float, str]]]:
    """Each sentence of ``split_sentences(text)`` with its scores: dicts with ``start``,
    ``end``, ``text`` (code-point offsets) and ``neg``, ``neu``, ``pos``, ``compound``.

    Examples:
        >>> [(d["text"], d["compound"]) for d in sentence_sentiment("Great news. Terrible weather.")]
        [('Great news.', 0.6249), ('Terrible weather.', -0.4767)]
    """

class SentimentIntensityAnalyzer:
    """Drop-in replacement for ``vaderSentiment``'s ``SentimentIntensityAnalyzer``.

    ``lexicon`` / ``emoji_lexicon``: a path (str or PathLike) to a file in VADER's
    tab-separated format, or a mapping (``{token: valence}`` / ``{emoji: description}``);
    None uses VADER's bundled lexicons. A malformed file or value raises ValueError naming
    the file, line (or key) and reason. Instances pickle.

    Examples:
        >>> sia = SentimentIntensityAnalyzer(lexicon={"splendid": 2.8})
        >>> sia.polarity_scores("A splendid day")["compound"]
        0.5859
    """

    def __init__(
        self,
        lexicon: _Union[str, _PathLike[str], _Mapping[str, float], None] = None,
        emoji_lexicon: _Union[str, _PathLike[str], _Mapping[str, str], None] = None,
    ) -> None: ...
    def polarity_scores(self, text: str) -> dict[str, float]:
        """VADER scores of one text: ``neg``, ``neu``, ``pos``, ``compound``."""
    def polarity_scores_batch(
        self, texts: Iterable[str], n_threads: Optional[int] = None
    ) -> list[dict[str, float]]:
        """Scores of many texts in parallel: one dict per text."""
    def polarity_scores_columns(
        self, texts: Iterable[str], n_threads: Optional[int] = None
    ) -> dict[str, list[float]]:
        """Scores of many texts in parallel: a dict of four equal-length lists."""
    def remove_lexicon(self, tokens: list[str]) -> None:
        """Remove entries by token; KeyError (and nothing removed) if one is missing."""
    def update_lexicon(self, mapping: _Mapping[str, float]) -> None:
        """Add or override entries; all are validated first (nothing is half-applied).

        Valences must be finite and within ±1e100 (ValueError otherwise). A batch running
        meanwhile keeps the lexicon it started with."""
    @property
    def lexicon(self) -> dict[str, float]:
        """A copy of the word lexicon ``{token: valence}``."""
    @property
    def emojis(self) -> dict[str, str]:
        """A copy of the emoji lexicon ``{emoji: description}``."""

# --- comparison ------------------------------------------------------------------------

def cluster_quotes(
    texts: Iterable[str],
    speakers: Optional[Iterable[Optional[str]]] = None,
    n_threads: Optional[int] = None,
) -> list[int]:
    """One cluster id per quote; equal ids mean the same remark (near-linear, GIL released).

    ``speakers`` (one per quote, None for unknown) keeps two different known speakers apart;
    name variants ("Mr. Trump", "Donald Trump") count as one speaker. A quote that carries
    several shared remarks joins them under one id; :func:`cluster_members` keeps them apart.

    Examples:
        >>> cluster_quotes(
        ...     ["We will rebuild the bridge by spring", "we will rebuild the bridge by spring.",
        ...      "Nothing to add"],
        ...     speakers=["Ana Ruiz", "Ms. Ruiz", None],
        ... )
        [0, 0, 1]
    """

def cluster_members(
    texts: Iterable[str],
    speakers: Optional[Iterable[Optional[str]]] = None,
    n_threads: Optional[int] = None,
) -> dict[str, list[int]]:
    """Memberships of quotes in remarks, as columns ``cluster``, ``quote`` (input position),
    ``start``, ``end`` (code-point range of the quote text carrying the remark). Only clusters of
    two or more quotes; a quote can be in several clusters. (Formerly ``quote_clusters``, still
    there as a deprecated alias.)

    Examples:
        >>> cluster_members(["We will rebuild the bridge by spring",
        ...                  "we will rebuild the bridge by spring.", "Nothing to add"])
        {'cluster': [0, 0], 'quote': [0, 1], 'start': [0, 0], 'end': [36, 37]}
    """

def link_speakers(
    names: Iterable[str],
    variants: Optional[Iterable[Iterable[str]]] = None,
    n_threads: Optional[int] = None,
    docs: Optional[Iterable[Hashable]] = None,
) -> tuple[list[int], list[str]]:
    """Link speaker names across articles: ``(ids, names)`` with one person id per input and
    the name per id. ``variants[i]`` are other forms the same article uses for input ``i``;
    ``docs[i]`` is its article: two inputs of one article are never merged. Titles,
    honorifics, middle initials and surname spellings are handled; two people sharing a
    surname are never merged without evidence; descriptions ("a White House official") only
    merge with the identical description.

    The name is the fullest name form (first name, middle names or initials, suffix) among
    the names and name variants, never a description; among equally full forms, the surname
    spelling most inputs use wins ("Volodymyr Zelenskyy" in three articles over "Volodymyr
    Zelensky" in one), then the form most inputs use, then capitals over scrape-lowered case.

    Examples:
        >>> link_speakers(["Ana Ruiz", "Mayor Ana Ruiz", "Ms. Ruiz"])
        ([0, 0, 0], ['Ana Ruiz'])
        >>> # With a second Ruiz around, the bare surname is ambiguous and stays apart.
        >>> link_speakers(["Ana Ruiz", "Ms. Ruiz", "Tom Ruiz"])
        ([0, 1, 2], ['Ana Ruiz', 'Ruiz', 'Tom Ruiz'])
    """

# --- word lists extended at run time ---------------------------------------------------

def add_cue_verbs(
    words: Iterable[str], *, usage: str = "both", inflect: bool = True
) -> list[str]:
    """Add cue verbs: verbs that attribute speech, like "said". From the next call on,
    :func:`extract_quotes`, :func:`extract_attributions`, :func:`analyze` and sentence
    splitting (``"Why?" Smith harrumphed.`` stays one sentence) take them as cues, on every
    thread, as the built-in ones of ``data/lexicon/cue_verbs.txt``.

    Args:
        words: base forms ("harrumph"), any case. With ``inflect=True`` (the default) each
            one's regular forms are added too: harrumphs, harrumphed, harrumphing (-ies/-ied
            after a consonant and y, -es after s/x/z/ch/sh/o, no doubled consonant). With
            ``inflect=False`` each word is one form as written: use it for irregular or
            doubled forms ("spoke", "chatted").
        usage: ``"both"`` (a direct-quote cue and a reported-speech cue that takes a clause,
            like "said"), ``"quotes"`` (``"…," Smith harrumphed``) or ``"reported"``
            ("Smith harrumphed that …").

    Returns:
        The forms added, lower case.

    Raises:
        TypeError: ``words`` is a single str, not iterable, or holds a non-str.
        ValueError: a word is empty, has white space, digits or punctuation other than an
            inner ``-`` or ``'``, is longer than 40 characters, or ``usage`` is unknown.
            Nothing is added then.

    Additions are process-wide and stay until :func:`reset_lexicon_additions`; a call that is
    running when words are added keeps the lexicon it started with.

    Examples:
        >>> text = '"We have no other choice," Ms. Varga zindled.'
        >>> [q.cue for q in extract_quotes(text)]
        [None]
        >>> add_cue_verbs(["zindle"])
        ['zindle', 'zindles', 'zindled', 'zindling']
        >>> [(q.cue.text, q.speaker) for q in extract_quotes(text)]
        [('zindled', 'Varga')]
        >>> reset_lexicon_additions()
    """

def add_titles(words: Iterable[str]) -> list[str]:
    """Add titles that stand before a person's name ("Archdeacon", "Cmdr."). From the next
    call on they are stripped from speaker names (:func:`extract_quotes`,
    :func:`extract_attributions`, :func:`analyze`), make the capitalised word after them a
    person's name, and count as titles when :func:`link_speakers` and
    :meth:`Corpus.compare` match names across articles.

    Args:
        words: one word each, any case, optionally with a final period; stored lower case
            without it ("Cmdr." and "cmdr" are one title). Whether a period after a title ends
            a sentence is the abbreviation list's business (``data/lexicon/abbreviations.txt``),
            so prefer titles written without one.

    Returns:
        The titles added, as stored.

    Raises:
        TypeError: ``words`` is a single str, not iterable, or holds a non-str.
        ValueError: a word is empty, has white space, digits or other punctuation, or is
            longer than 40 characters. Nothing is added then.

    Examples:
        >>> text = '"The bridge stays open," said Quorister Amalia Brant.'
        >>> extract_quotes(text)[0].speaker
        'Quorister Amalia Brant'
        >>> add_titles(["Quorister"])
        ['quorister']
        >>> extract_quotes(text)[0].speaker
        'Amalia Brant'
        >>> reset_lexicon_additions()
    """

def lexicon_additions() -> dict[str, list[str]]:
    """The words added at run time, sorted: ``{"quote_cues": [...], "reported_cues": [...],
    "titles": [...]}`` (cue verbs in every form added).

    Examples:
        >>> add_cue_verbs(["zindle"], usage="quotes")
        ['zindle', 'zindles', 'zindled', 'zindling']
        >>> lexicon_additions()["reported_cues"]
        []
        >>> reset_lexicon_additions()
    """

def reset_lexicon_additions() -> None:
    """Remove every cue verb and title added with :func:`add_cue_verbs` and
    :func:`add_titles`; the built-in lists stay.

    Examples:
        >>> add_titles(["Quorister"])
        ['quorister']
        >>> reset_lexicon_additions()
        >>> lexicon_additions()["titles"]
        []
    """

# --- tables ----------------------------------------------------------------------------

def analyze_columns(
    texts: Iterable[str], n_threads: Optional[int] = None, nested: bool = False
) -> dict[str, dict[str, list]]:
    """Analyse many articles in parallel; the four tables as column lists.

    Keys ``documents`` (n_sentences, n_quotes, n_speakers, neg, neu, pos, compound: means of
    the sentence scores, NaN without sentences), ``sentences`` (doc, sentence, start, end,
    text, neg, neu, pos, compound), ``quotes`` (doc, quote, start, end, text, kind, speaker,
    mention, mention_start, mention_end, cue, sentence, neg, neu, pos, compound),
    ``speakers`` (doc, speaker, n_quotes, n_mentions, descriptions, compound) and ``mentions``
    (doc, speaker, start, end, text: every mention of every speaker, names, role nouns and
    pronouns, in text order), ``attributions`` (the quotes' columns, ``attribution`` for
    ``quote``, with ``nested_in``: the holder's ``attribution``, None for an outermost one;
    with ``nested`` the nested attributions are rows too). ``doc`` is the position in
    ``texts``; offsets are code points; ``kind`` holds one of ``QUOTE_KINDS`` /
    ``ATTRIBUTION_KINDS``. ValueError for an offset or count beyond int32 (a text of more than
    2**31 - 1 characters).
    """

QUOTE_KINDS: tuple[str, ...]
"""The quotes table's ``kind`` values, sorted: its categories, and ``analyze_arrow``'s codes
index them."""
ATTRIBUTION_KINDS: tuple[str, ...]
"""The attributions table's ``kind`` values, sorted (as ``QUOTE_KINDS``)."""

def analyze_arrow(
    texts: Iterable[str], n_threads: Optional[int] = None, *, nested: bool = False
) -> Optional[dict[str, dict[str, Any]]]:
    """``analyze_columns`` as Arrow-layout buffers instead of lists (no Python object per cell).

    The same tables and columns (and ``documents`` has ``doc`` too). Every buffer is a
    ``ColumnBuffer``. A number column is one of native int64 (``doc``: positions in ``texts``),
    int32 (offsets, counts, numbers within a document) or float64 (scores) values; ``kind`` is
    int8 codes into ``QUOTE_KINDS`` / ``ATTRIBUTION_KINDS``; ``mention_start``,
    ``mention_end`` and ``nested_in`` are ``(values, missing)``: int32 ``values``, ``missing``
    numpy bools (True = missing), ``values`` None when every
    value is missing (no buffer of zeros is built for them); a text column is
    ``(length, null_count, offsets, data, validity)``: the buffers of an Arrow ``large_string``
    array (int64 byte offsets into the UTF-8 ``data``; ``validity`` a bitmap, or None when no
    value is missing); ``descriptions`` is a list of lists. None when a text has lone
    surrogates, which UTF-8 cannot hold exactly (``analyze_columns`` keeps them).
    """

class ColumnBuffer:
    """Memory of one column built in Rust, for numpy (``numpy.asarray(buffer)``: a writable
    array over it, through ``__array_interface__``) and pyarrow
    (``pyarrow.foreign_buffer(buffer.address, buffer.size, buffer)``), without a copy; freed
    with the last array over it."""

    address: int
    size: int
    __array_interface__: dict[str, Any]
    def __len__(self) -> int: ...

class ArrowTables:
    """``analyze_arrow`` over many calls, for ``analyze`` with pyarrow: each column grows as
    one buffer across the calls and is handed over once (``finish``), without a copy."""

    def __init__(self, *, nested: bool = False) -> None: ...
    def add(
        self, texts: Iterable[str], positions: list[int], n_threads: Optional[int] = None,
        done: float = 1.0,
    ) -> bool:
        """Add the rows of ``texts`` with ``doc`` = ``positions``; False on lone surrogates.
        ``done``: the share of the run's text added once this call returns (after the first
        call the columns get room for the whole run at once)."""
    def speaker_names(self) -> list[str]:
        """The distinct names of the speakers table, in order of first appearance."""
    def speakers_named(self, names: list[str]) -> tuple[list[int], list[str]]:
        """``(docs, names)`` of the speakers-table rows whose name is one of ``names``."""
    def rename_speakers(self, rename: dict[tuple[int, str], str]) -> None:
        """Rename ``(doc, name)`` to ``rename[(doc, name)]`` in the four speaker columns."""
    def finish(self) -> dict[str, Any]:
        """The columns, as ``analyze_arrow`` gives them; a second call raises ValueError."""
