"""HTML views for notebooks. Every piece of article text goes through ``html.escape``."""

from __future__ import annotations

import html
import math
from typing import Any

# Light backgrounds that keep black text readable; cycled when there are more speakers.
PALETTE = [
    "#fde68a", "#bfdbfe", "#bbf7d0", "#fecaca", "#ddd6fe",
    "#fbcfe8", "#a5f3fc", "#fed7aa", "#d9f99d", "#c7d2fe",
]  # fmt: skip
NO_SPEAKER = "#e5e7eb"
# Headline quotes (kind "headline") keep their speaker's colour and get a dashed frame: the
# headline's words, usually repeated in the body, not one more quote of the body.
HEADLINE_STYLE = "outline:2px dashed #6b7280"


def _e(x: Any) -> str:
    return html.escape(str(x), quote=True)


def speaker_colours(quotes: list) -> dict:
    """Speaker name -> colour, in order of each speaker's first quote."""
    colours: dict = {}
    for q in quotes:
        if q.speaker is not None and q.speaker not in colours:
            colours[q.speaker] = PALETTE[len(colours) % len(PALETTE)]
    return colours


# Reported speech is shaded in its speaker's colour at this opacity (quotes are opaque).
REPORTED_ALPHA = "55"


def _reported(doc: Any) -> list:
    """The document's indirect and mixed attributions (none for objects without them)."""
    return [a for a in getattr(doc, "attributions", None) or [] if a.kind != "direct"]


def _marks(doc: Any) -> list:
    """(start, end, layer, attrs) for quotes (layer 0), mentions (1), cues (2) and reported
    speech (3: the parts of indirect and mixed attributions, and their cues)."""
    n = len(doc.text)
    out = []
    seen = set()
    for q in doc.quotes:
        out.append((q.start, q.end, 0, q))
        for layer, span in ((1, q.mention), (2, q.cue)):
            if span is not None and (layer, span.start, span.end) not in seen:
                seen.add((layer, span.start, span.end))
                out.append((span.start, span.end, layer, q))
    for a in _reported(doc):
        for p in a.parts:
            out.append((p.start, p.end, 3, a))
        for layer, span in ((1, a.source), (2, a.cue)):
            if span is not None and (layer, span.start, span.end) not in seen:
                seen.add((layer, span.start, span.end))
                out.append((span.start, span.end, layer, a))
    return [(max(0, min(a, n)), max(0, min(b, n)), layer, q) for a, b, layer, q in out if a < b]


def _segments(doc: Any):
    """Cut the text at every mark boundary; yield (start, end, innermost mark per layer).

    A sweep over sorted boundaries: each mark is added and dropped once, and the active lists
    stay as short as the nesting depth.
    """
    marks = _marks(doc)
    bounds = sorted({0, len(doc.text)} | {m[0] for m in marks} | {m[1] for m in marks})
    by_start = sorted(marks, key=lambda m: (m[0], -m[1]))
    active: list = []
    k = 0
    for a, b in zip(bounds, bounds[1:]):
        active = [m for m in active if m[1] > a]
        while k < len(by_start) and by_start[k][0] <= a:
            if by_start[k][1] > a:
                active.append(by_start[k])
            k += 1
        top: dict = {}
        for m in active:  # later starts are nested inside earlier ones
            top[m[2]] = m
        yield a, b, top


def document_html(doc: Any) -> str:
    """The article with quotes highlighted per speaker, reported speech shaded lighter in the
    same colour, mentions and cues marked, and a legend."""
    colours = speaker_colours(doc.quotes)
    for a in _reported(doc):
        if a.speaker is not None and a.speaker not in colours:
            colours[a.speaker] = PALETTE[len(colours) % len(PALETTE)]
    parts = []
    for a, b, top in _segments(doc):
        piece = _e(doc.text[a:b])
        if 2 in top:
            piece = f'<span class="pl-cue" title="speech cue" style="font-style:italic;text-decoration:underline dotted">{piece}</span>'
        if 1 in top:
            q = top[1][3]
            colour = colours.get(q.speaker, NO_SPEAKER)
            piece = (
                f'<span class="pl-mention" title="{_e("mention of " + str(q.speaker))}" '
                f'style="font-weight:bold;border-bottom:3px solid {colour};'
                f'outline:1px solid #6b7280">{piece}</span>'
            )
        if 0 in top:
            q = top[0][3]
            who = q.speaker if q.speaker is not None else "no speaker"
            colour = colours.get(q.speaker, NO_SPEAKER)
            headline = q.kind == "headline"
            cls = "pl-quote pl-headline" if headline else "pl-quote"
            style = f"background:{colour}" + (f";{HEADLINE_STYLE}" if headline else "")
            piece = (
                f'<span class="{cls}" title="{_e(f"{who} ({q.kind} quote)")}" '
                f'style="{style}">{piece}</span>'
            )
        if 3 in top:
            a = top[3][3]
            who = a.speaker if a.speaker is not None else "no source"
            colour = colours.get(a.speaker, NO_SPEAKER) + REPORTED_ALPHA
            # Nested reported speech (analyze_text(..., nested=True)) shows its own speaker:
            # segments are cut at every boundary, so the innermost attribution marks them.
            how = "reported, nested" if a.nested_in is not None else "reported"
            piece = (
                f'<span class="pl-reported" title="{_e(f"{who} ({a.kind}, {how})")}" '
                f'style="background:{colour}">{piece}</span>'
            )
        parts.append(piece)

    counts: dict = {}
    for q in doc.quotes:
        counts[q.speaker] = counts.get(q.speaker, 0) + 1
    chips = [
        f'<span style="background:{c};padding:0 .4em;margin-right:.4em;border-radius:3px">'
        f"{_e(name)} ({counts.get(name, 0)})</span>"
        for name, c in colours.items()
    ]
    if None in counts:
        chips.append(
            f'<span style="background:{NO_SPEAKER};padding:0 .4em;margin-right:.4em;'
            f'border-radius:3px">no speaker ({counts[None]})</span>'
        )
    if any(q.kind == "headline" for q in doc.quotes):
        chips.append(f'<span style="{HEADLINE_STYLE};margin-right:.6em">headline quote</span>')
    chips.append(
        f'<span style="background:{NO_SPEAKER}{REPORTED_ALPHA};margin-right:.4em">reported speech'
        "</span>"
        '<span style="font-weight:bold;outline:1px solid #6b7280;margin-right:.4em">mention</span>'
        '<span style="font-style:italic;text-decoration:underline dotted">cue</span>'
    )
    title = []
    if doc.doc_id is not None:
        title.append(_e(doc.doc_id))
    if doc.outlet is not None:
        title.append(_e(doc.outlet))
    compound = doc.sentiment.get("compound", math.nan)
    stats = (
        f"{len(doc.sentences)} sentences · {len(doc.quotes)} quotes · "
        f"{len(doc.speakers)} speakers · mean compound "
        + ("n/a" if compound != compound else f"{compound:+.3f}")
    )
    return (
        '<div class="presslens-document" style="font-family:Georgia,serif;line-height:1.55">'
        f'<div style="font-family:sans-serif;font-size:90%;color:#374151">'
        f"<b>{' · '.join(title) or 'Document'}</b> — {stats}</div>"
        f'<div class="pl-legend" style="font-family:sans-serif;font-size:85%;margin:.4em 0">'
        f"{''.join(chips)}</div>"
        f'<div class="pl-text" style="white-space:pre-wrap;max-width:60em">{"".join(parts)}</div>'
        "</div>"
    )


def corpus_html(corpus: Any) -> str:
    """Summary: sizes, then per outlet the documents, quotes and top quoted speakers."""
    docs, quotes = corpus.documents, corpus.quotes
    head = (
        f"<b>presslens Corpus</b>: {len(docs)} documents · {len(corpus.sentences)} sentences · "
        f"{len(quotes)} quotes · {len(corpus.speakers)} speakers"
    )
    outlet_of_doc = docs["outlet"].astype(object).where(docs["outlet"].notna(), "(no outlet)")
    q_outlet = quotes["outlet"].astype(object).where(quotes["outlet"].notna(), "(no outlet)")
    rows = []
    for outlet in dict.fromkeys(outlet_of_doc.tolist()):
        qs = quotes[(q_outlet == outlet).to_numpy()]
        top = qs["speaker"].dropna().value_counts().head(3)
        top_s = ", ".join(f"{_e(name)} ({n})" for name, n in top.items()) or "—"
        mean = qs["compound"].mean() if len(qs) else math.nan
        mean_s = "—" if mean != mean else f"{mean:+.2f}"
        rows.append(
            f"<tr><td>{_e(outlet)}</td><td>{int((outlet_of_doc == outlet).sum())}</td>"
            f"<td>{len(qs)}</td><td>{mean_s}</td><td style='text-align:left'>{top_s}</td></tr>"
        )
    return (
        '<div class="presslens-corpus">'
        f"<div>{head}</div>"
        "<table><thead><tr><th>outlet</th><th>documents</th><th>quotes</th>"
        "<th>mean quote compound</th>"
        "<th style='text-align:left'>top speakers (quotes)</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        "<div style='font-size:85%;color:#6b7280'>Tables: .documents, .sentences, .quotes, "
        ".speakers; one article: .document(i); charts: .plot.speakers(), .plot.sentiment()"
        "</div></div>"
    )
