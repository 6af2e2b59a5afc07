#!/usr/bin/env python3
"""Fuzz every public text function with random news-like texts.

    python scripts/fuzz_texts.py --seeds 0-39 --texts 3000
    python scripts/fuzz_texts.py --seeds 7 --index 1234 --show    # one failing text again

Texts are made from the project's own word lists (data/lexicon/*.txt: cue verbs, titles, name
parts, people nouns, grammar words ...), invented names, quotation marks of every style, dashes,
colons, line breaks, digits, emoji, the occasional lone surrogate and very long words and
sentences, then in some texts a few edits anywhere (mid-word too). Text ``i`` of seed ``s``
depends only on ``(s, i)``, so a failure is reproduced with ``--seeds s --index i``.

Each text goes through split_sentences, extract_quotes, speakers, extract_attributions (also
``nested=True``), polarity_scores, sentence_sentiment and analyze_text; each seed's texts
through the ``*_batch`` forms, polarity_scores_columns and the tables (``analyze_columns``).
Checks: every span a user sees is exact (``text[start:end] == .text``: sentences, quotes,
mentions, cues, sources, contents and their parts, table rows), no exception at all (lone
surrogates are documented as accepted; the documented errors are for non-str input and bad
``n_threads`` only), batch results equal single-call results. Prints a summary and the first
failures; the exit code is 1 when anything failed. Standard library and presslens only.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import traceback
from pathlib import Path

import presslens
from presslens import _core

LEXICON = Path(__file__).resolve().parent.parent / "data" / "lexicon"

# Quotation marks of every style, as (open, close) pairs, and loose marks on their own.
MARK_PAIRS = [
    ('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'"), ("«", "»"), ("« ", " »"), ("»", "«"),
    ("‹", "›"), ("„", "“"), ("‚", "‘"), ("「", "」"), ("”", "”"), ("''", "''"), ("``", "''"),
]
LOOSE = list('"“”‘’\'«»‹›„‚「」') + ["''", "``"]
PUNCT = [".", ",", ";", ":", "!", "?", "…", "...", "—", " — ", "–", " - ", "-", "(", ")",
         "[", "]", "/", "&", "%", "$", "@", "#", "*", "·", "‐", "'s", "’s", ".", ",", ".", ","]
SPACES = [" ", " ", " ", " ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u2028",
          "\u2009", " \n ", "\u200b"]
EMOJI = ["😀", "🎉", "👍🏽", "👩‍👩‍👧", "🇺🇸", "❤️", "☃", "🔥", "😂😂"]
FOREIGN = ["Ärztin", "café", "naïve", "Zürich", "Łódź", "İstanbul", "straße", "ǅemal", "Ωmega",
           "東京", "مرحبا", "Ελλάδα", "Ñuñoa", "ﬁnance", "x\u0301y"]
PRONOUNS = ["he", "she", "they", "it", "we", "I", "He", "She", "They", "It", "We", "you", "his",
            "her", "their", "Her", "His"]
SYLLABLES = ["an", "ba", "co", "da", "el", "fi", "go", "ha", "is", "jo", "ka", "lu", "ma", "ne",
             "or", "pe", "qu", "ri", "sa", "to", "ur", "vi", "wa", "xe", "ya", "zo", "mac", "mc",
             "o'", "van"]


def _words(line: str) -> list[str]:
    line = line.split("#", 1)[0]
    if ":" in line and "[" not in line:  # cue_verbs.txt rows: `forms : classes`
        line = line.split(":", 1)[0]
    return [w for w in line.split() if w]


def load_lexicon(root: Path = LEXICON) -> dict[str, list[str]]:
    """Every word of the project's lists, by file stem and section (``"titles:person"``), and
    ``"all"``; cue verbs are ``"cue_verbs"``."""
    out: dict[str, list[str]] = {"all": []}
    for path in sorted(root.glob("*.txt")):
        section = path.stem
        for raw in path.read_text(encoding="utf-8").splitlines():
            s = raw.strip()
            if not s or s.startswith("#"):
                continue
            if s.startswith("[") and s.endswith("]"):
                section = f"{path.stem}:{s[1:-1]}"
                continue
            ws = _words(s)
            out.setdefault(path.stem, []).extend(ws)
            if section != path.stem:
                out.setdefault(section, []).extend(ws)
            out["all"].extend(ws)
    return out


class TextMaker:
    """Random news-like texts; ``text(seed, i)`` depends only on its arguments."""

    def __init__(self, lex: dict[str, list[str]]):
        self.words = lex["all"]
        self.cues = lex.get("cue_verbs", ["said"])
        self.titles = lex.get("titles", ["mr"])
        self.roles = lex.get("people_nouns", ["official"])
        self.particles = lex.get("name_parts:particle", ["de"]) + lex.get(
            "name_parts:entity_particle", []
        )
        self.suffixes = lex.get("name_parts:suffix", ["jr"])
        self.orgs = lex.get("organisation_words", ["council"])
        self.grammar = lex.get("attribution_grammar", ["the"]) + lex.get("grammar", [])

    # --- pieces -----------------------------------------------------------------------
    def name(self, r: random.Random) -> str:
        parts = []
        for _ in range(r.choice([1, 1, 2, 2, 2, 3])):
            w = "".join(r.choice(SYLLABLES) for _ in range(r.randint(1, 3)))
            parts.append(w[:1].upper() + w[1:])
            if r.random() < 0.05:
                parts.append(r.choice(self.particles))
        if r.random() < 0.05:
            parts.append(r.choice(self.suffixes).capitalize() + r.choice(["", "."]))
        if r.random() < 0.05:
            parts.insert(min(1, len(parts)), r.choice("ABCDEFGHJK") + ".")
        return " ".join(parts)

    def source(self, r: random.Random) -> str:
        k = r.random()
        if k < 0.35:
            title = r.choice(self.titles)
            title = title if r.random() < 0.3 else title.capitalize()
            return f"{title} {self.name(r)}" if r.random() < 0.7 else self.name(r)
        if k < 0.55:
            return r.choice(PRONOUNS)
        if k < 0.8:
            det = r.choice(["the", "a", "The", "A", "two", "some", "senior", "an"])
            return f"{det} {r.choice(self.roles)}"
        org = " ".join(w.capitalize() for w in r.sample(self.orgs, r.randint(1, 3)))
        return r.choice(["the ", "The ", ""]) + org

    def word(self, r: random.Random) -> str:
        k = r.random()
        if k < 0.55:
            w = r.choice(self.words)
        elif k < 0.7:
            w = r.choice(self.words).capitalize()
        elif k < 0.78:
            w = r.choice(self.cues)
        elif k < 0.84:
            w = r.choice(self.grammar)
        elif k < 0.88:
            w = r.choice(FOREIGN)
        elif k < 0.92:
            w = r.choice(["3", "2024", "1,000", "3.5", "5 p.m.", "No. 7", "$4.2", "70%", "1990s",
                          "U.S.", "e.g.", "a.m.", "http://x.org/a.b", "2:30", "10-3"])
        elif k < 0.95:
            w = r.choice(self.words).upper()
        elif k < 0.97:
            w = r.choice(EMOJI)
        elif k < 0.985:
            w = r.choice(PRONOUNS)
        else:
            w = self.long_word(r)
        return w

    def long_word(self, r: random.Random) -> str:
        n = r.choice([40, 200, 1000, 5000])
        k = r.random()
        if k < 0.4:
            return r.choice("aeiouxz") * n
        if k < 0.7:
            return "".join(r.choices(self.words, k=max(1, n // 8)))
        return "".join(r.choices("abcé😀-'.’", k=n))

    def clause(self, r: random.Random, lo: int = 2, hi: int = 14) -> str:
        n = r.randint(lo, hi)
        out = []
        for _ in range(n):
            out.append(self.word(r))
            if r.random() < 0.06:
                out.append(r.choice(PUNCT))
        return " ".join(out)

    def quoted(self, r: random.Random) -> str:
        o, c = r.choice(MARK_PAIRS)
        inner = self.clause(r, 1, 18)
        if r.random() < 0.15:  # a quote inside the quote, in another style
            o2, c2 = r.choice(MARK_PAIRS)
            inner = f"{inner} {o2}{self.clause(r, 1, 5)}{c2} {self.clause(r, 0, 4)}"
        end = r.choice([",", ".", "", "?", "!", ",", ",", "…", " —"])
        if r.random() < 0.1:  # unbalanced on purpose
            return o + inner + end
        return f"{o}{inner}{end}{c}"

    def sentence(self, r: random.Random) -> str:
        src, cue = self.source(r), r.choice(self.cues)
        k = 10 if r.random() < 0.005 else r.choice([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13])
        if k == 0:
            return f"{self.quoted(r)} {src} {cue}."
        if k == 1:
            return f"{self.quoted(r)} {cue} {src}, {self.clause(r, 1, 6)}."
        if k == 2:
            return f"{src} {cue} {r.choice(['that ', '', ''])}{self.clause(r)}."
        if k == 3:
            return f"According to {src}, {self.clause(r)}."
        if k == 4:
            return f"{src} {cue}: {self.quoted(r)}"
        if k == 5:
            return f"{self.clause(r)}, {src} {cue} {self.clause(r, 0, 4)}."
        if k == 6:
            return f"{src.upper()}: {self.clause(r)}"
        if k == 7:
            return f"{self.quoted(r)} {src} {cue}. {self.quoted(r)}"
        if k == 8:
            return f"{src} {cue} {self.clause(r, 1, 5)} {self.quoted(r)} {self.clause(r, 0, 5)}."
        if k == 9:
            return f"{src}, {self.clause(r, 1, 5)}, {cue} {self.clause(r)}."
        if k == 10:  # a very long sentence
            return f"{src} {cue} " + " ".join(self.clause(r) for _ in range(r.randint(20, 120)))
        if k == 11:
            return f"It {cue} {self.clause(r)}; {src} {cue} to {self.clause(r, 1, 6)}"
        return self.clause(r, 1, 25) + r.choice([".", "!", "?", "", ":", " —"])

    def glue(self, r: random.Random) -> str:
        k = r.random()
        if k < 0.75:
            return r.choice(SPACES)
        if k < 0.85:
            return r.choice(PUNCT) + " "
        if k < 0.93:
            return r.choice(LOOSE)
        if k < 0.97:
            return " " + r.choice(EMOJI) + " "
        return r.choice(["\ud800", "\udfff", " \udc80 ", "\ud83d"])  # lone surrogates

    def text(self, seed: int, i: int) -> str:
        r = random.Random(seed * 1_000_003 + i)
        n = r.choice([0, 1, 1, 2, 3, 4, 5, 6, 8, 12, 20]) if r.random() > 0.002 else 200
        parts = []
        for _ in range(n):
            parts.append(self.sentence(r) if r.random() < 0.8 else self.clause(r, 1, 10))
            parts.append(self.glue(r))
        text = "".join(parts)
        if text and r.random() < 0.2:  # cut anywhere: unclosed marks, half words
            text = text[: r.randint(0, len(text))]
        if text and r.random() < 0.3:
            text = self.mutate(r, text)
        return text

    def mutate(self, r: random.Random, text: str) -> str:
        """A few edits anywhere, mid-word too: a mark, a dash, a break or a surrogate put in,
        a range dropped or doubled."""
        for _ in range(r.randint(1, 4)):
            i = r.randint(0, len(text))
            k = r.random()
            if k < 0.5:
                piece = r.choice(LOOSE + PUNCT + SPACES + EMOJI + ["\ud800", ":", "—"])
                text = text[:i] + piece + text[i:]
            elif k < 0.75:
                text = text[:i] + text[i + r.randint(1, 20):]
            else:
                text = text[:i] + text[i: i + r.randint(1, 40)] + text[i:]
        return text


# --- checks -------------------------------------------------------------------------------
def check_span(text: str, span, where: str) -> list[str]:
    """Failures of one span a user sees: in range and ``text[start:end] == span.text``;
    the parts of a ``Span`` too, each inside the span."""
    if span is None:
        return []
    bad = []
    s, e, t = span.start, span.end, span.text
    if not (0 <= s <= e <= len(text)):
        bad.append(f"{where}: range {s}..{e} outside 0..{len(text)}")
    elif text[s:e] != t:
        bad.append(f"{where}: text[{s}:{e}] = {text[s:e]!r} but .text = {t!r}")
    for j, p in enumerate(getattr(span, "parts", None) or []):
        bad += check_span(text, p, f"{where}.parts[{j}]")
        if not (s <= p.start <= p.end <= e):
            bad.append(f"{where}.parts[{j}]: {p.start}..{p.end} outside its hull {s}..{e}")
    return bad


def check_sentences(text: str, sents, where: str) -> list[str]:
    bad, prev = [], 0
    for j, s in enumerate(sents):
        bad += check_span(text, s, f"{where}[{j}]")
        if s.start < prev:
            bad.append(f"{where}[{j}]: starts at {s.start} before the previous end {prev}")
        prev = s.end
    return bad


def check_quotes(text: str, quotes, where: str) -> list[str]:
    bad = []
    for j, q in enumerate(quotes):
        bad += check_span(text, q, f"{where}[{j}]")
        bad += check_span(text, q.mention, f"{where}[{j}].mention")
        bad += check_span(text, q.cue, f"{where}[{j}].cue")
    return bad


def check_attributions(text: str, attrs, where: str) -> list[str]:
    bad = []
    for j, a in enumerate(attrs):
        w = f"{where}[{j}]"
        bad += check_span(text, a.content, f"{w}.content")
        if (a.start, a.end, a.text) != (a.content.start, a.content.end, a.content.text):
            bad.append(f"{w}: start/end/text differ from its content")
        for k, p in enumerate(a.parts):
            bad += check_span(text, p, f"{w}.parts[{k}]")
        bad += check_span(text, a.source, f"{w}.source")
        bad += check_span(text, a.cue, f"{w}.cue")
        bad += check_quotes(text, a.quotes, f"{w}.quotes")
        if a.nested_in is not None and not (0 <= a.nested_in < len(attrs)):
            bad.append(f"{w}: nested_in {a.nested_in} not an index of the list")
    return bad


def check_speakers(text: str, sps, where: str) -> list[str]:
    bad = []
    for j, sp in enumerate(sps):
        for k, m in enumerate(sp.mentions):
            bad += check_span(text, m, f"{where}[{j}].mentions[{k}]")
        bad += check_quotes(text, sp.quotes, f"{where}[{j}].quotes")
    return bad


def _scores_equal(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(
        a[k] == b[k] or (math.isnan(a[k]) and math.isnan(b[k])) for k in a
    )


def check_text(text: str) -> tuple[list[str], dict]:
    """Every single-call function on one text: failures, and the results the batch checks
    compare against."""
    bad: list[str] = []
    got: dict = {}

    def call(name, f, *args, **kw):
        try:
            return f(*args, **kw)
        except Exception as e:  # noqa: BLE001 - any exception is a finding
            bad.append(f"{name} raised {type(e).__name__}: {e}")
            return None

    sents = got["sentences"] = call("split_sentences", presslens.split_sentences, text)
    if sents is not None:
        bad += check_sentences(text, sents, "sentences")
    quotes = got["quotes"] = call("extract_quotes", presslens.extract_quotes, text)
    if quotes is not None:
        bad += check_quotes(text, quotes, "quotes")
    sps = call("speakers", presslens.speakers, text)
    if sps is not None:
        bad += check_speakers(text, sps, "speakers")
    for nested in (False, True):
        key = f"attributions{'_nested' if nested else ''}"
        attrs = got[key] = call(
            f"extract_attributions(nested={nested})",
            presslens.extract_attributions, text, nested=nested,
        )  # fmt: skip
        if attrs is not None:
            bad += check_attributions(text, attrs, key)
    got["scores"] = call("polarity_scores", presslens.polarity_scores, text)
    rows = call("sentence_sentiment", presslens.sentence_sentiment, text)
    if rows is not None and sents is not None:
        spans = [(d["start"], d["end"], d["text"]) for d in rows]
        if spans != [(s.start, s.end, s.text) for s in sents]:
            bad.append("sentence_sentiment: spans differ from split_sentences")
    doc = call("analyze_text", presslens.analyze_text, text, nested=True)
    if doc is not None:
        if doc.quotes != quotes:
            bad.append("analyze_text: quotes differ from extract_quotes")
        if doc.attributions != got["attributions_nested"]:
            bad.append("analyze_text(nested=True): attributions differ from extract_attributions")
        if doc.sentences != sents:
            bad.append("analyze_text: sentences differ from split_sentences")
    return bad, got


TABLE_SPANS = {  # table -> (start, end, text) column triples that must be exact
    "sentences": [("start", "end", "text")],
    "quotes": [("start", "end", "text"), ("mention_start", "mention_end", "mention")],
    "attributions": [("start", "end", "text"), ("mention_start", "mention_end", "mention")],
    "mentions": [("start", "end", "text")],
}


def check_batch(texts: list[str], singles: list[dict], n_threads: int) -> list[tuple[int, str]]:
    """The batch forms and the tables against the single calls: ``(text index, failure)``."""
    bad: list[tuple[int, str]] = []

    def call(name, f, *args, **kw):
        try:
            return f(*args, **kw)
        except Exception as e:  # noqa: BLE001
            bad.append((-1, f"{name} raised {type(e).__name__}: {e}"))
            return None

    def same(name, got, key):
        if got is None:
            return
        if len(got) != len(texts):
            bad.append((-1, f"{name}: {len(got)} results for {len(texts)} texts"))
            return
        for i, (g, one) in enumerate(zip(got, singles)):
            want = one.get(key)
            if want is None:
                continue
            eq = _scores_equal(g, want) if key == "scores" else g == want
            if not eq:
                bad.append((i, f"{name} differs from the single call"))

    n = n_threads
    same("split_sentences_batch", call("split_sentences_batch",
         presslens.split_sentences_batch, texts, n_threads=n), "sentences")  # fmt: skip
    same("extract_quotes_batch", call("extract_quotes_batch",
         presslens.extract_quotes_batch, texts, n_threads=n), "quotes")  # fmt: skip
    for nested in (False, True):
        key = f"attributions{'_nested' if nested else ''}"
        name = f"extract_attributions_batch(nested={nested})"
        same(name, call(name, presslens.extract_attributions_batch, texts, n_threads=n,
                        nested=nested), key)  # fmt: skip
    same("polarity_scores_batch", call("polarity_scores_batch",
         presslens.polarity_scores_batch, texts, n_threads=n), "scores")  # fmt: skip
    cols = call("polarity_scores_columns", presslens.polarity_scores_columns, texts, n_threads=n)
    if cols is not None:
        same("polarity_scores_columns", [dict(zip(cols, v)) for v in zip(*cols.values())],
             "scores")  # fmt: skip
    for nested in (False, True):
        tables = call(f"analyze_columns(nested={nested})", _core.analyze_columns, texts,
                      n_threads=n, nested=nested)  # fmt: skip
        if tables is not None:
            bad += check_tables(texts, singles, tables, nested)
    return bad


def check_tables(texts, singles, tables, nested) -> list[tuple[int, str]]:
    bad = []
    for name, triples in TABLE_SPANS.items():
        cols = tables[name]
        for row, doc in enumerate(cols["doc"]):
            text = texts[doc]
            for s_col, e_col, t_col in triples:
                s, e, t = cols[s_col][row], cols[e_col][row], cols[t_col][row]
                if s is None and e is None:
                    continue
                if s is None or e is None or not (0 <= s <= e <= len(text)) or text[s:e] != t:
                    bad.append((doc, f"tables[{name}] row {row}: {s_col}..{e_col} = {s}..{e} "
                                     f"does not give {t_col} {t!r}"))  # fmt: skip
    # The quotes and attributions rows are the single calls' results, in order.
    for name, key in (("quotes", "quotes"),
                      ("attributions", "attributions_nested" if nested else "attributions")):
        cols = tables[name]
        rows: dict[int, list] = {}
        for row, doc in enumerate(cols["doc"]):
            rows.setdefault(doc, []).append((cols["start"][row], cols["end"][row],
                                             cols["text"][row], cols["kind"][row]))
        for i, one in enumerate(singles):
            want = one.get(key)
            if want is None:
                continue
            want = [(x.start, x.end, x.text, x.kind) for x in want]
            if rows.get(i, []) != want:
                bad.append((i, f"tables[{name}](nested={nested}) rows differ from the single call"))
    return bad


# --- driver -------------------------------------------------------------------------------
def parse_seeds(spec: str) -> list[int]:
    seeds: list[int] = []
    for part in spec.split(","):
        lo, _, hi = part.partition("-")
        seeds += list(range(int(lo), int(hi) + 1)) if hi else [int(lo)]
    return seeds


def run(seeds, n_texts, chunk=500, n_threads=1, only=None, maker=None, max_shown=20, out=print):
    """Fuzz; returns the failures as ``(seed, index, message)``."""
    maker = maker or TextMaker(load_lexicon())
    failures: list[tuple[int, int, str]] = []
    n_done = 0
    for seed in seeds:
        indexes = [only] if only is not None else range(n_texts)
        for lo in range(0, len(indexes), chunk):
            idx = list(indexes[lo: lo + chunk])
            texts = [maker.text(seed, i) for i in idx]
            singles = []
            for i, text in zip(idx, texts):
                try:
                    bad, got = check_text(text)
                except Exception:  # noqa: BLE001 - a bug of the checker still shows where
                    bad, got = [f"checker failed: {traceback.format_exc(limit=3)}"], {}
                singles.append(got)
                failures += [(seed, i, b) for b in bad]
            for j, b in check_batch(texts, singles, n_threads):
                failures.append((seed, idx[j] if j >= 0 else -1, b))
            n_done += len(texts)
        out(f"seed {seed}: {n_done} texts so far, {len(failures)} failures so far", flush=True)
    out(f"{n_done} texts, {len(seeds)} seeds: {len(failures)} failures")
    shown = {}
    for seed, i, msg in failures:
        if len(shown) >= max_shown:
            break
        shown.setdefault((seed, i, msg.split(":")[0]), msg)
    for (seed, i, _), msg in shown.items():
        text = maker.text(seed, i) if i >= 0 else ""
        rep = repr(text if len(text) <= 300 else text[:300] + "…")
        out(f"FAIL seed {seed} index {i}: {msg}\n    text ({len(text)} chars): {rep}")
    return failures


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", default="0", help="e.g. 0-39 or 1,5,9-12")
    ap.add_argument("--texts", type=int, default=1000, help="texts per seed")
    ap.add_argument("--index", type=int, help="only this text of each seed (to reproduce)")
    ap.add_argument("--show", action="store_true", help="print the text(s) made, repr")
    ap.add_argument("--threads", type=int, default=1, help="n_threads of the batch calls")
    ap.add_argument("--chunk", type=int, default=500, help="texts per batch call")
    args = ap.parse_args(argv)
    seeds = parse_seeds(args.seeds)
    maker = TextMaker(load_lexicon())
    if args.show:
        for seed in seeds:
            for i in [args.index] if args.index is not None else range(args.texts):
                print(f"seed {seed} index {i}: {maker.text(seed, i)!r}")
    failures = run(seeds, args.texts, args.chunk, args.threads, args.index, maker)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
