"""Full names for surname-only speakers across a corpus, without a built-in list of people.

One article often writes a person's full name once ("Mayor Ana Ruiz") and the surname after
that; within one article the Rust core already links the two. An article that only ever writes
"Mr. Ruiz" or "Governor Ruiz" gets the speaker "Ruiz". Across a corpus, this module gives such
a speaker the full name when exactly one full name with that surname occurs among the corpus's
speakers (two or more: ambiguous, the surname stays), or the full name the user listed for
their beat (``known_people``), which takes precedence. The same renaming is applied to the
speaker column of the quotes, attributions, speakers and mentions tables, so they stay
consistent. Linear: one pass to collect full names, one dictionary lookup per row.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, Optional

# The tables whose ``speaker`` column names a speaker of the document.
SPEAKER_TABLES = ("quotes", "attributions", "speakers", "mentions")


def _surname_key(name: str) -> str:
    """The last word of a name, lower-cased: "Donald Trump" -> "trump"."""
    return name.rsplit(" ", 1)[-1].lower()


def _is_full_name(name: str) -> bool:
    """Two or more words, first and last capitalised ("Ana Ruiz", "Bashar al-Assad"), not a
    description ("White House official")."""
    parts = name.split(" ")
    return len(parts) >= 2 and parts[0][:1].isupper() and parts[-1][:1].isupper()


def _is_surname_only(name: str) -> bool:
    """One capitalised word in mixed case ("Ruiz"); acronyms ("NATO") are organisations."""
    return (
        bool(name)
        and " " not in name
        and name[:1].isupper()
        and any(c.islower() for c in name)
    )


def load_known_people(known_people: Any) -> dict:
    """``known_people`` (None, a mapping surname -> full name, or a path to a UTF-8 text file
    with one full name per line) as a dict lower-cased surname -> full name.

    In a file, blank lines and lines starting with ``#`` are skipped, and a surname that two
    listed names share is left out (ambiguous).

    Examples:
        >>> load_known_people({"Ruiz": "Ana Ruiz"})
        {'ruiz': 'Ana Ruiz'}
    """
    if known_people is None:
        return {}
    if isinstance(known_people, Mapping):
        out = {}
        for surname, full in known_people.items():
            if not isinstance(surname, str) or not isinstance(full, str):
                raise TypeError(
                    "known_people must map str surnames to str full names, got "
                    f"{surname!r}: {full!r}"
                )
            if not surname.strip() or not full.strip():
                raise ValueError(f"known_people has an empty name: {surname!r}: {full!r}")
            out[_surname_key(surname.strip())] = " ".join(full.split())
        return out
    if isinstance(known_people, (str, os.PathLike)):
        with open(known_people, encoding="utf-8") as f:
            names = [" ".join(line.split()) for line in f]
        by_key: dict = {}
        for name in names:
            if name and not name.startswith("#"):
                by_key.setdefault(_surname_key(name), set()).add(name)
        return {k: next(iter(v)) for k, v in by_key.items() if len(v) == 1}
    raise TypeError(
        "known_people must be a mapping {surname: full name} or a path to a text file with "
        f"one full name per line, not {type(known_people).__name__}"
    )


def corpus_full_names(speakers: Any) -> dict:
    """Lower-cased surname -> the one full name the speaker names ``speakers`` give for it
    (surnames with two or more different full names are left out)."""
    by_key: dict = {}
    for name in speakers:
        if isinstance(name, str) and _is_full_name(name):
            by_key.setdefault(_surname_key(name), set()).add(name)
    return {k: next(iter(v)) for k, v in by_key.items() if len(v) == 1}


def speaker_renames(
    docs: list, speakers: list, known: Optional[dict] = None, full_names: Optional[dict] = None
) -> dict:
    """``(doc, surname) -> full name`` for the surname-only speakers of a speakers table
    (``docs`` and ``speakers``: its doc and speaker columns) that get a full name.

    ``full_names`` (surname -> full name) defaults to ``corpus_full_names(speakers)``;
    ``presslens.dask`` passes the whole corpus's; ``known`` takes precedence. A document that
    already has the full name as a separate speaker keeps its surname speaker (the article
    itself distinguished them).
    """
    names = dict(corpus_full_names(speakers) if full_names is None else full_names)
    names.update(known or {})
    if not names:
        return {}
    own = set(zip(docs, speakers))
    rename: dict = {}
    for d, s in own:
        if isinstance(s, str) and _is_surname_only(s):
            full = names.get(s.lower())
            if full is not None and (d, full) not in own:
                rename[(d, s)] = full
    return rename


def resolve_speakers(
    cols: dict, known: Optional[dict] = None, full_names: Optional[dict] = None
) -> None:
    """Rename surname-only speakers in ``cols`` (``_tables.run_columns`` output) in place, as
    ``speaker_renames`` says."""
    sp = cols["speakers"]
    rename = speaker_renames(sp["doc"], sp["speaker"], known, full_names)
    if not rename:
        return
    for table in SPEAKER_TABLES:
        c = cols[table]
        c["speaker"] = [rename.get((d, s), s) for d, s in zip(c["doc"], c["speaker"])]
