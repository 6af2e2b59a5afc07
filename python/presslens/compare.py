"""Cross-outlet comparison: one speaker across articles, one remark across outlets, coverage.

``presslens.analyze(...).compare()`` (or ``Comparison.from_tables(quotes, speakers, mentions)``
on the tidy tables ``Corpus.quotes``, ``Corpus.speakers`` and ``Corpus.mentions``) links them
across articles. The matching
itself (speaker linking, quote clustering) runs in Rust: :func:`presslens.link_speakers` and
:func:`presslens.cluster_members`.
"""

from __future__ import annotations

import html
from typing import Any, Iterable, Optional, Sequence

from presslens import _names, _optional, _tables
from presslens.plot import _axes
from presslens._core import link_speakers
from presslens._quote_clusters import (
    _cluster,
    _coverage,
    _diff_ops,
    _differs,
    _is_missing,
)

__all__ = ["Comparison", "ClusterDiff"]

QUOTE_COLUMNS = ("doc_id", "outlet", "quote", "start", "end", "text", "kind", "speaker", "mention")
SPEAKER_COLUMNS = ("doc_id", "speaker")

_PRONOUNS = {
    "he", "she", "they", "him", "her", "them", "i", "we", "you", "it", "his", "hers", "their",
    "who", "which", "that", "this",
}
# A capital on these only reflects sentence position: "The president" is "the president".
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "this", "that"}
# Longer forms are appositive descriptions, not the way a person is named or referred to.
_MAX_FORM_WORDS = 8
SPEAKERS_OUT = ["speaker_id", "name", "variants", "descriptions", "n_docs", "n_outlets",
                "n_quotes"]


def _pd():
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - exercised only without pandas
        raise ImportError(
            "presslens comparison tables need pandas: pip install presslens[pandas]"
        ) from e
    return pd


def _surface(form: str) -> Optional[str]:
    """A surface form as a variant: None for pronouns and long descriptions; a leading
    determiner's sentence capital lower-cased."""
    f = " ".join(form.split())
    words = f.split(" ")
    if not f or f.lower() in _PRONOUNS or len(words) > _MAX_FORM_WORDS or any(
        c in f for c in ",;"
    ):
        return None
    if len(words) > 1 and words[0].lower() in _DETERMINERS and words[0][:1].isupper():
        f = words[0].lower() + f[len(words[0]):]
    return f


def _check_columns(df: Any, needed: Iterable[str], name: str) -> None:
    missing = [c for c in needed if c not in df.columns]
    if missing:
        raise KeyError(
            f"{name} table is missing column(s) {missing}; it has {list(df.columns)}"
        )


class ClusterDiff:
    """Word-level differences between the members of one quote cluster and its reference
    wording. ``str()`` marks them ``[-removed-]{+added+}``; in a notebook they are
    highlighted. ``.members`` is a DataFrame: ``doc_id``, ``outlet``, ``text``, ``ops``
    (``(op, reference_words, member_words)`` from :mod:`difflib`), ``variant``.

    Examples:
        >>> import presslens
        >>> texts = ["“We will rebuild the old bridge by spring,” Mayor Ana Ruiz said.",
        ...          "“We will rebuild the bridge by the spring,” Ruiz said."]
        >>> cmp = presslens.analyze(texts, outlet=["Daily Post", "City Herald"]).compare()
        >>> print(cmp.diff(0))
        cluster 0: We will rebuild the old bridge by spring,
          Daily Post (0): We will rebuild the old bridge by spring,
          City Herald (1): We will rebuild the [-old-] bridge by {+the+} spring,
    """

    def __init__(self, cluster_id: int, reference: str, members: Any) -> None:
        self.cluster_id = cluster_id
        self.reference = reference
        self.members = members

    def _render(self, ops, esc, dele, ins) -> str:
        out = []
        for op, a, b in ops:
            if op == "equal":
                out.append(esc(" ".join(b)))
            else:
                if a:
                    out.append(dele(esc(" ".join(a))))
                if b:
                    out.append(ins(esc(" ".join(b))))
        return " ".join(x for x in out if x)

    def __str__(self) -> str:
        lines = [f"cluster {self.cluster_id}: {self.reference}"]
        for r in self.members.itertuples(index=False):
            body = self._render(r.ops, str, lambda s: f"[-{s}-]", lambda s: f"{{+{s}+}}")
            lines.append(f"  {r.outlet} ({r.doc_id}): {body}")
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        e = html.escape
        rows = []
        for r in self.members.itertuples(index=False):
            body = self._render(
                r.ops,
                e,
                lambda s: f'<del style="background:#fdd">{s}</del>',
                lambda s: f'<ins style="background:#dfd;text-decoration:none">{s}</ins>',
            )
            rows.append(f"<tr><td>{e(str(r.outlet))}</td><td>{body}</td></tr>")
        return (
            f"<div><b>cluster {e(str(self.cluster_id))}</b>: {e(self.reference)}"
            f"<table><tr><th>outlet</th><th>wording vs reference</th></tr>{''.join(rows)}"
            "</table></div>"
        )


class _Plot:
    """``comparison.plot.coverage()``: quotes per speaker per outlet (matplotlib)."""

    def __init__(self, comparison: "Comparison") -> None:
        self._c = comparison

    def coverage(self, value: str = "n_quotes", top: int = 8, ax: Any = None) -> Any:
        """Stacked bars: for each outlet, ``value`` (``n_quotes``, ``quoted_words`` or
        ``share_of_quotes``) per speaker, the ``top`` speakers overall and "other".
        Returns the matplotlib Axes."""
        cov = self._c.coverage
        if value not in ("n_quotes", "quoted_words", "share_of_quotes"):
            raise ValueError(
                f"value must be 'n_quotes', 'quoted_words' or 'share_of_quotes', not {value!r}"
            )
        table = cov.pivot_table(index="outlet", columns="name", values=value, aggfunc="sum")
        table = table.fillna(0)
        order = table.sum().sort_values(ascending=False).index
        keep = list(order[:top])
        rest = [c for c in table.columns if c not in keep]
        if rest:
            table["other"] = table[rest].sum(axis=1)
            table = table[keep + ["other"]]
        else:
            table = table[keep]
        ax = _axes(ax, (8, 0.6 * max(3, len(table)) + 1), "comparison.plot")
        table.plot.barh(stacked=True, ax=ax)
        ax.set_xlabel(value.replace("_", " "))
        ax.set_ylabel("outlet")
        ax.set_title("Who each outlet quoted")
        ax.legend(title="speaker", bbox_to_anchor=(1.02, 1), loc="upper left")
        return ax


class Comparison:
    """Several outlets' articles side by side.

    - ``.speakers``: one row per corpus-level speaker: ``speaker_id``, ``name`` (fullest name
      form, in the spelling most articles use), ``variants`` (the surface forms naming or
      referring to the person: "Mr. Trump", "President Donald Trump", "the U.S. president";
      no pronouns; most frequent first), ``descriptions`` (appositive descriptions the
      articles give), ``n_docs``, ``n_outlets``, ``n_quotes``.
    - ``.quote_clusters``: one row per member of a cluster of quotes that render the same remark:
      ``cluster_id``, ``doc_id``, ``outlet``, ``quote``, ``start``, ``end``, ``text``,
      ``speaker_id``, ``part`` (the part of the quote that carries the remark),
      ``cluster_text`` (reference wording) and ``variant`` (members word it differently). A quote
      that carries two shared remarks is a member of both clusters.
    - ``.coverage``: outlet × speaker: ``n_quotes``, ``quoted_words``, ``share_of_quotes``,
      ``compound``.
    - ``.quotes``: the input quotes table (same rows and order) with ``speaker_id``.
    - ``.carried()``: cluster × outlet, True where the outlet carries the remark.
    - ``.diff(cluster_id)``: word-level differences between a cluster's members.

    The comparison counts what the articles' bodies quote: scare quotes (nobody's speech) and
    headline quotes (kind ``"headline"``: the headline repeats words its body quotes, and would
    count an outlet's quote twice) are left out of ``n_quotes``, the clusters and the coverage;
    they stay in ``.quotes``.

    Examples:
        >>> import presslens
        >>> texts = ["“We will rebuild the bridge by spring,” Mayor Ana Ruiz said on Monday.",
        ...          "Ruiz said: “We will rebuild the bridge by spring.” Critics were unconvinced."]
        >>> cmp = presslens.analyze(texts, outlet=["Daily Post", "City Herald"]).compare()
        >>> cmp
        Comparison(2 outlets, 1 speakers, 1 shared remarks)
        >>> cmp.speakers[["name", "n_outlets", "n_quotes"]].values.tolist()
        [['Ana Ruiz', 2, 2]]
        >>> cmp.carried().values.tolist()
        [[True, True]]
    """

    def __init__(
        self,
        speakers: Any,
        quote_clusters: Any,
        coverage: Any,
        outlets: Sequence[str],
        quotes: Any = None,
    ):
        self.speakers = speakers
        self.quote_clusters = quote_clusters
        self.coverage = coverage
        self.outlets = list(outlets)
        self.quotes = quotes

    # ------------------------------------------------------------------ construction

    @classmethod
    def from_tables(
        cls,
        quotes: Any,
        speakers: Any = None,
        mentions: Any = None,
        *,
        outlets: Optional[Sequence[str]] = None,
        n_threads: Optional[int] = None,
    ) -> "Comparison":
        """Build from ``Corpus.quotes``, ``Corpus.speakers`` and ``Corpus.mentions``.

        ``outlets`` lists every outlet of the corpus (also those that quote nobody), in display
        order; by default the outlets seen in the tables.

        ``mentions`` gives every surface form of each speaker: a DataFrame with ``doc_id``,
        ``speaker`` and ``mention`` (or ``text``) columns, or an iterable of
        ``(doc_id, speaker, [forms])``. When given, it is the source of the variants; without
        it, the quotes' attribution mentions are. Pronouns and forms longer than a few words
        are left out. ``speakers`` adds speakers and their ``descriptions``, which never
        name a person. Scare quotes take no part in clusters.

        Two speakers of one article are never linked to one person. A person's ``name`` is
        the fullest name form among its speaker names and name variants (first name, middle
        names or initials); among equally full forms, the surname spelling most articles
        use, then the form most articles use (see :func:`presslens.link_speakers`).
        """
        pd = _pd()
        _check_columns(quotes, QUOTE_COLUMNS, "quotes")
        q = quotes.reset_index(drop=True).copy()
        q["outlet"] = [
            str(d) if _is_missing(o) else str(o) for o, d in zip(q["outlet"], q["doc_id"])
        ]
        seen = list(q["outlet"])
        if speakers is not None and "outlet" in speakers.columns:
            seen += [str(o) for o in speakers["outlet"] if not _is_missing(o)]
        outlets = list(dict.fromkeys(([str(o) for o in outlets] if outlets else []) + seen))

        # ---- speakers: one entry per (doc, speaker). Names and surface forms (the label,
        # attribution mentions, the mentions table) are linking evidence and variants;
        # descriptions are kept apart and never name anyone.
        forms: dict[tuple[Any, str], dict[str, int]] = {}
        descriptions: dict[tuple[Any, str], list[str]] = {}

        def entry(doc: Any, sp: Any) -> Optional[tuple[Any, str]]:
            if _is_missing(sp) or not str(sp).strip():
                return None
            key = (doc, str(sp))
            forms.setdefault(key, {})
            descriptions.setdefault(key, [])
            return key

        def add(doc: Any, sp: Any, form: Any) -> None:
            key = entry(doc, sp)
            f = None if key is None or _is_missing(form) else _surface(str(form))
            if f is not None:
                forms[key][f] = forms[key].get(f, 0) + 1

        for doc, sp, m in zip(q["doc_id"], q["speaker"], q["mention"]):
            entry(doc, sp)
            if mentions is None:
                add(doc, sp, m)
        doc_outlet = dict(zip(q["doc_id"], q["outlet"]))
        if speakers is not None:
            _check_columns(speakers, SPEAKER_COLUMNS, "speakers")
            descs = speakers["descriptions"] if "descriptions" in speakers.columns else None
            for i, (doc, sp) in enumerate(zip(speakers["doc_id"], speakers["speaker"])):
                key = entry(doc, sp)
                if key is not None and descs is not None:
                    d = descs.iloc[i]
                    for f in [] if _is_missing(d) else ([d] if isinstance(d, str) else list(d)):
                        if not _is_missing(f) and str(f).strip() not in descriptions[key]:
                            descriptions[key].append(str(f).strip())
                if "outlet" in speakers.columns and doc not in doc_outlet:
                    o = speakers["outlet"].iloc[i]
                    doc_outlet[doc] = str(doc) if _is_missing(o) else str(o)
        if mentions is not None:
            if hasattr(mentions, "columns"):
                col = "mention" if "mention" in mentions.columns else "text"
                _check_columns(mentions, ("doc_id", "speaker", col), "mentions")
                for doc, sp, m in zip(mentions["doc_id"], mentions["speaker"], mentions[col]):
                    add(doc, sp, m)
            else:
                for doc, sp, fs in mentions:
                    for f in [fs] if isinstance(fs, str) else fs:
                        add(doc, sp, f)
        for key, fs in forms.items():
            for d in descriptions[key]:
                fs.pop(d, None)
        entries = list(forms)
        labels = [sp for _, sp in entries]
        doc_codes = {d: i for i, d in enumerate(dict.fromkeys(d for d, _ in entries))}
        ids, names = link_speakers(
            labels,
            [list(forms[e]) for e in entries],
            n_threads=n_threads,
            docs=[doc_codes[d] for d, _ in entries],
        )
        sid = {e: i for e, i in zip(entries, ids)}

        q["speaker_id"] = [
            None if _is_missing(sp) else sid.get((doc, str(sp)))
            for doc, sp in zip(q["doc_id"], q["speaker"])
        ]
        q["speaker_id"] = q["speaker_id"].astype("Int64")
        # Body speech only: a headline quote repeats the body (see the class docstring).
        spoken = q[~q["kind"].isin(["scare", "headline"])]

        members: dict[int, list[tuple[Any, str]]] = {}
        for e, i in sid.items():
            members.setdefault(i, []).append(e)
        n_quotes = spoken["speaker_id"].value_counts()
        rows = []
        for pid, name in enumerate(names):
            mine = members.get(pid, [])
            docs = list(dict.fromkeys(d for d, _ in mine))
            count: dict[str, int] = {}
            for e in mine:
                # An entry seen under no surface form at all is known by its label.
                for f, c in (forms[e] or {e[1]: 1}).items():
                    count[f] = count.get(f, 0) + c
            rows.append(
                {
                    "speaker_id": pid,
                    "name": name,
                    # Most frequent first; ties in order of appearance.
                    "variants": sorted(count, key=lambda f: -count[f]),
                    "descriptions": list(dict.fromkeys(x for e in mine for x in descriptions[e])),
                    "n_docs": len(docs),
                    "n_outlets": len({doc_outlet.get(d, str(d)) for d in docs}),
                    "n_quotes": int(n_quotes.get(pid, 0)),
                }
            )
        speakers_out = pd.DataFrame(rows, columns=SPEAKERS_OUT)

        clusters = _cluster(pd, spoken, n_threads)
        coverage = _coverage(pd, spoken, names)
        return cls(speakers_out, clusters, coverage, outlets, q)

    @classmethod
    def from_articles(
        cls,
        texts: Sequence[str],
        outlets: Optional[Sequence[str]] = None,
        doc_ids: Optional[Sequence[Any]] = None,
        *,
        n_threads: Optional[int] = None,
    ) -> "Comparison":
        """Compare raw articles: ``presslens.analyze(texts, id=doc_ids,
        outlet=outlets).compare()``. Without outlets, each document is its own outlet."""
        texts = list(texts)
        doc_ids = list(range(len(texts))) if doc_ids is None else list(doc_ids)
        outlets = [str(d) for d in doc_ids] if outlets is None else list(outlets)
        if not (len(texts) == len(doc_ids) == len(outlets)):
            raise ValueError("texts, outlets and doc_ids must have the same length")
        # The tables analyze() builds, without the Corpus around them (corpus.py imports this
        # module, not the other way round).
        inputs = _tables.normalize(texts, "text", doc_ids, outlets)
        cols = _tables.run_columns(inputs.texts, progress=False, n_threads=n_threads)
        _names.resolve_speakers(cols)
        return cls._from_corpus_tables(_tables.build_tables(inputs, cols), n_threads)

    @classmethod
    def _from_corpus_tables(cls, tables: Any, n_threads: Optional[int]) -> "Comparison":
        """The comparison of a corpus's tables (a Corpus, or the dict ``build_tables`` gives)."""
        get = tables.__getitem__ if isinstance(tables, dict) else lambda name: getattr(tables, name)
        pd = _optional.pandas()
        outlets = [o for o in get("documents")["outlet"].unique() if not _tables._is_missing(o, pd)]
        return cls.from_tables(
            get("quotes"), get("speakers"), get("mentions"), outlets=outlets, n_threads=n_threads
        )

    # ------------------------------------------------------------------ views

    def carried(self) -> Any:
        """Cluster × outlet: True where the outlet carries the remark."""
        pd = _pd()
        qc = self.quote_clusters
        if qc.empty:
            return pd.DataFrame(columns=self.outlets, dtype=bool).rename_axis("cluster_id")
        t = pd.crosstab(qc["cluster_id"], qc["outlet"]) > 0
        return t.reindex(columns=self.outlets, fill_value=False)

    def diff(self, cluster_id: int) -> ClusterDiff:
        """Word-level differences between the members of ``cluster_id`` and its reference
        wording (``cluster_text``)."""
        qc = self.quote_clusters
        rows = qc[qc["cluster_id"] == cluster_id]
        if rows.empty:
            raise KeyError(f"no quote cluster with id {cluster_id!r}")
        ref = rows["cluster_text"].iloc[0]
        m = rows[["doc_id", "outlet", "part"]].rename(columns={"part": "text"}).copy()
        m["ops"] = [_diff_ops(ref, t) for t in m["text"]]
        m["variant"] = [_differs(o) for o in m["ops"]]
        return ClusterDiff(cluster_id, ref, m.reset_index(drop=True))

    @property
    def plot(self) -> _Plot:
        """Plots (matplotlib, the ``plot`` extra): ``.plot.coverage()``."""
        return _Plot(self)

    def __repr__(self) -> str:
        n = self.quote_clusters["cluster_id"].nunique() if len(self.quote_clusters) else 0
        return (
            f"Comparison({len(self.outlets)} outlets, {len(self.speakers)} speakers, "
            f"{n} shared remarks)"
        )

    def _repr_html_(self, max_clusters: int = 30) -> str:
        e = html.escape
        qc = self.quote_clusters
        parts = [f"<div><b>{e(repr(self))}</b>"]
        top = self.speakers.sort_values("n_quotes", ascending=False).head(10)
        parts.append("<table><tr><th>speaker</th><th>quotes</th><th>outlets</th><th>also named</th></tr>")
        for r in top.itertuples(index=False):
            also = ", ".join(v for v in r.variants if v != r.name)
            parts.append(
                f"<tr><td>{e(str(r.name))}</td><td>{r.n_quotes}</td><td>{r.n_outlets}</td>"
                f"<td>{e(also)}</td></tr>"
            )
        parts.append("</table>")
        if len(qc):
            parts.append("<table><tr><th>remark</th><th>outlet</th><th>wording</th></tr>")
            for cid in list(dict.fromkeys(qc["cluster_id"]))[:max_clusters]:
                d = self.diff(cid)
                first = True
                for r in d.members.itertuples(index=False):
                    body = d._render(
                        r.ops,
                        e,
                        lambda s: f'<del style="background:#fdd">{s}</del>',
                        lambda s: f'<mark style="background:#ffe08a">{s}</mark>',
                    )
                    head = (
                        f'<td rowspan="{len(d.members)}">{e(d.reference)}</td>' if first else ""
                    )
                    first = False
                    parts.append(f"<tr>{head}<td>{e(str(r.outlet))}</td><td>{body}</td></tr>")
            parts.append("</table>")
        parts.append("</div>")
        return "".join(parts)


